"""The tagged editions' structure tree made the document's, not the pages'.

WeasyPrint 70 tags by page (its issues #2902 and #2903): each page's part of the body is a
`Part`, so a paragraph that crosses a page break becomes two `P` elements, and a screen
reader announces a new paragraph mid-sentence. A figure is a `NonStruct` holding the
picture's `Figure` beside its `Caption`, with a box in CSS pixels. This pass over the tree
(pikepdf) makes it read as the document does:

- the `Part`s go, their elements joining the document in order; the two halves of a block
  cut by a page break (the layout says which) become one element, their marked content
  referenced with the page each piece is on, the parent tree following;
- elements are grouped into a `Sect` per heading, nested by level;
- each figure is one `Figure` with its alternative text, its box in points (where its
  picture is drawn) and its `Caption` inside it; a figure whose picture is not yet supplied
  is a `Figure` too, its alternative text saying so;
- a table's header cells carry their `Scope`: `Column` in the header row, `Row` in the body;
- a nested list stands in the body (`LBody`) of the item it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from pipeline.pdf.pages import Box
from pipeline.pdf.structure import is_element, kids_of, marked_instructions

HEADINGS = ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")
NO_PICTURE_ALT = "Picture not yet supplied; its caption follows."


def logical_structure(pdf: pikepdf.Pdf, continued: set[int]) -> None:
    """Rebuild the tree under the document element; `continued` holds the numbers (from 0)
    of the pages whose first block continues the last block of the page before."""
    document = pdf.Root.StructTreeRoot.K
    if isinstance(document, pikepdf.Array):
        document = document[0]
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    replaced: dict[tuple[int, int], pikepdf.Dictionary] = {}
    blocks: list[pikepdf.Dictionary] = []
    last_page = -1
    for kid in flattened(document):
        page = pages.get(kid.Pg.objgen, last_page) if "/Pg" in kid else last_page
        if (page != last_page and page in continued and blocks and last_page == page - 1
                and blocks[-1].S == kid.S):
            merge(blocks[-1], kid, replaced)  # the rest of the block cut by the page break
        else:
            blocks.append(kid)
        last_page = page
    boxes = image_boxes(pdf)
    blocks = [as_figure(block, boxes, replaced) if is_figure(block) else block
              for block in blocks]
    for block in blocks:
        scope_headers(block)
        nest_lists(block)
    document.K = pikepdf.Array(sectioned(pdf, document, blocks))
    follow_replacements(pdf, replaced)
    root = pdf.Root.StructTreeRoot
    keys = [int(key) for key in list(root.ParentTree.Nums)[0::2]]
    root.ParentTreeNextKey = max(keys, default=-1) + 1


def flattened(document: pikepdf.Dictionary) -> list:
    """The document's elements, those of WeasyPrint's per-page Parts taken out of them."""
    elements = []
    for kid in kids_of(document):
        elements += kids_of(kid) if kid.S == pikepdf.Name.Part else [kid]
    return elements


def merge(first: pikepdf.Dictionary, second: pikepdf.Dictionary, replaced: dict) -> None:
    """`second`, the rest of a block on the next page, joined to `first`."""
    moved = []
    for kid in kids_of(second):
        if is_element(kid):
            kid.P = first
            moved.append(kid)
        elif isinstance(kid, int):  # marked content on the second element's page
            moved.append(pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=kid, Pg=second.Pg))
        else:
            moved.append(kid)
    first.K = pikepdf.Array([*own_references(first), *moved])
    replaced[second.objgen] = first


def own_references(element: pikepdf.Dictionary) -> list:
    """The element's kids, its marked content named with its page (a merged element spans
    pages, so a bare MCID would be ambiguous)."""
    return [pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=kid, Pg=element.Pg)
            if isinstance(kid, int) else kid for kid in kids_of(element)]


def is_figure(element: pikepdf.Dictionary) -> bool:
    """WeasyPrint's element for an HTML figure: a NonStruct holding a Caption."""
    return element.S == pikepdf.Name.NonStruct and any(
        is_element(kid) and kid.S == pikepdf.Name.Caption for kid in kids_of(element))


def as_figure(wrapper: pikepdf.Dictionary, boxes: dict, replaced: dict) -> pikepdf.Dictionary:
    """One Figure: the picture's marked content, its alternative text and box, and the
    Caption inside it."""
    kids, alt, box = [], NO_PICTURE_ALT, None
    for kid in kids_of(wrapper):
        if is_element(kid) and kid.S == pikepdf.Name.Figure:
            alt = str(kid.get("/Alt", alt))
            references = own_references(kid)
            box = union([boxes[(kid.Pg.objgen, int(reference.MCID))]
                         for reference in references
                         if (kid.Pg.objgen, int(reference.MCID)) in boxes])
            kids += references
            replaced[kid.objgen] = wrapper
        else:
            kids.append(kid)
    wrapper.S = pikepdf.Name.Figure
    wrapper.Alt = alt
    wrapper.K = pikepdf.Array(kids)
    if box is not None:
        wrapper.A = pikepdf.Dictionary(O=pikepdf.Name.Layout, BBox=pikepdf.Array(box),
                                       Placement=pikepdf.Name.Block)
    elif "/A" in wrapper:
        del wrapper.A
    return wrapper


def scope_headers(element: pikepdf.Dictionary, scope: pikepdf.Name | None = None) -> None:
    """A table's header cells say what they head: a column in the header row, a row in the
    body (HTML's th scope, which WeasyPrint does not carry over)."""
    if element.get("/S") == pikepdf.Name.THead:
        scope = pikepdf.Name.Column
    elif element.get("/S") == pikepdf.Name.TBody:
        scope = pikepdf.Name.Row
    elif element.get("/S") == pikepdf.Name.TH and scope is not None:
        attributes = element.get("/A")
        if not isinstance(attributes, pikepdf.Dictionary):
            attributes = element.A = pikepdf.Dictionary(O=pikepdf.Name.Table)
        attributes.Scope = scope
    for kid in kids_of(element):
        if is_element(kid):
            scope_headers(kid, scope)


def nest_lists(element: pikepdf.Dictionary) -> None:
    """A nested list inside the body of the item it belongs to: WeasyPrint sets it beside
    the items, as the list's own child."""
    if element.get("/S") != pikepdf.Name.L:
        return
    kept: list = []
    for kid in kids_of(element):
        body = item_body(kept[-1]) if kept and is_element(kid) and kid.S == pikepdf.Name.L \
            else None
        if body is not None:
            body.K = pikepdf.Array([*kids_of(body), kid])
            kid.P = body
        else:
            kept.append(kid)
        if is_element(kid):
            nest_lists(kid)
    element.K = pikepdf.Array(kept)


def item_body(item) -> pikepdf.Dictionary | None:
    """The LBody of a list item."""
    if not is_element(item) or item.S != pikepdf.Name.LI:
        return None
    return next((kid for kid in kids_of(item)
                 if is_element(kid) and kid.S == pikepdf.Name.LBody), None)


def union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return (min(box[0] for box in boxes), min(box[1] for box in boxes),
            max(box[2] for box in boxes), max(box[3] for box in boxes))


def sectioned(pdf: pikepdf.Pdf, document, blocks: list) -> list:
    """The blocks with a Sect around each heading and what follows it, nested by level."""
    top: list = []
    open_sections: list[tuple[int, pikepdf.Dictionary, list]] = []  # level, element, kids
    for block in blocks:
        level = HEADINGS.index(str(block.S)) + 1 if str(block.S) in HEADINGS else 0
        if level > 1:  # H1 is the title, in the opener
            while open_sections and open_sections[-1][0] >= level:
                close(open_sections.pop())
            parent = open_sections[-1][1] if open_sections else document
            section = pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name.Sect, P=parent))
            (open_sections[-1][2] if open_sections else top).append(section)
            open_sections.append((level, section, []))
        kids = open_sections[-1][2] if open_sections else top
        block.P = open_sections[-1][1] if open_sections else document
        kids.append(block)
    while open_sections:
        close(open_sections.pop())
    return top


def close(section: tuple[int, pikepdf.Dictionary, list]) -> None:
    _, element, kids = section
    element.K = pikepdf.Array(kids)
    first = next((kid for kid in kids if "/Pg" in kid), None)
    if first is not None:
        element.Pg = first.Pg


def follow_replacements(pdf: pikepdf.Pdf, replaced: dict) -> None:
    """Parent-tree entries of elements merged into others now name the survivors."""
    if not replaced:
        return
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for index in range(1, len(nums), 2):
        entry = nums[index]
        if isinstance(entry, pikepdf.Array):
            for position, element in enumerate(entry):
                if isinstance(element, pikepdf.Dictionary) and element.objgen in replaced:
                    entry[position] = replaced[element.objgen]
        elif isinstance(entry, pikepdf.Dictionary) and entry.objgen in replaced:
            nums[index] = replaced[entry.objgen]


def image_boxes(pdf: pikepdf.Pdf) -> dict[tuple[tuple[int, int], int], Box]:
    """Where each picture is drawn, in points, by (page, MCID) of its marked content."""
    boxes = {}
    for page in pdf.pages:
        for mcid, box in drawn_images(page):
            boxes[(page.obj.objgen, mcid)] = box
    return boxes


def drawn_images(page: pikepdf.Page) -> Iterator[tuple[int, Box]]:
    """(MCID, box) of each image XObject drawn inside marked content with an MCID."""
    xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
    for operands, operator, ctm, mcid in marked_instructions(page):
        if operator == "Do" and mcid is not None:
            xobject = xobjects.get(operands[0])
            if xobject is not None and xobject.get("/Subtype") == pikepdf.Name.Image:
                yield mcid, unit_square(ctm)


def unit_square(ctm) -> Box:
    """The box an image fills: the unit square under the transformation."""
    a, b, c, d, e, f = ctm
    xs = [e, a + e, c + e, a + c + e]
    ys = [f, b + f, d + f, b + d + f]
    return min(xs), min(ys), max(xs), max(ys)
