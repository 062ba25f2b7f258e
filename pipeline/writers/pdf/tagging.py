"""Tagged editions (PDF/UA) finished where WeasyPrint 70 leaves them short.

WeasyPrint marks the content of @page margin boxes (running heads, folios) with MCIDs
whose structure elements hang in the parent tree but not in the structure tree: content
that is neither tagged nor an artifact, which PDF/UA forbids. Here it becomes pagination
artifacts, as a reader should skip it. Once the tree is the document's, each page's marked
content is numbered afresh, the parent tree naming exactly what the page marks. Every
edition also gets page labels, so a viewer's page numbers are the printed folios.
"""

from __future__ import annotations

from collections.abc import Iterable

import pikepdf

from pipeline.pdf.pages import Instruction, PageContents, transformed
from pipeline.pdf.structure import (
    is_element,
    kids_of,
    marked_content_id,
    marked_instructions,
    marked_sequences,
    parent_tree,
    structure_elements,
)

# Pagination artifacts: running heads (headers) and folios (footers) on every page.
HEADER = pikepdf.Dictionary(Type=pikepdf.Name.Pagination, Subtype=pikepdf.Name.Header)
FOOTER = pikepdf.Dictionary(Type=pikepdf.Name.Pagination, Subtype=pikepdf.Name.Footer)


def label_pages(pdf: pikepdf.Pdf) -> None:
    """Decimal page labels from 1, as the folio counter(page) prints them."""
    pdf.Root.PageLabels = pikepdf.Dictionary(
        Nums=pikepdf.Array([0, pikepdf.Dictionary(S=pikepdf.Name.D)]))


def mark_untagged_content_as_artifacts(contents: PageContents) -> None:
    """Content whose structure element is not in the structure tree becomes an artifact,
    and leaves the parent tree."""
    pdf = contents.pdf
    root = pdf.Root.StructTreeRoot
    in_tree = {element.objgen for element in structure_elements(root)}
    for key, elements in parent_tree(root).items():
        if not isinstance(elements, pikepdf.Array) or key >= len(pdf.pages):
            continue  # an annotation's single element, not a page's marked content
        stray = {mcid for mcid, element in enumerate(elements)
                 if isinstance(element, pikepdf.Dictionary) and element.objgen not in in_tree}
        if stray:
            page = pdf.pages[key]
            make_artifacts(contents, page,
                           margin_artifacts(page, stray, text_heights(contents.placed(page))))


def make_artifacts(contents: PageContents, page: pikepdf.Page,
                   kinds: dict[int, pikepdf.Dictionary]) -> None:
    """The marked-content sequences of the page's MCIDs in `kinds` made artifacts of the
    kind each names, and taken out of the parent tree."""
    instructions = []
    for operands, operator in contents.instructions(page):
        mcid = marked_content_id(operands, operator)
        if mcid in kinds:
            operands = [pikepdf.Name.Artifact, kinds[mcid]]
        instructions.append((operands, operator))
    contents.rewrite(page, instructions)
    elements = parent_tree_entry(contents.pdf, page)
    for mcid in kinds:
        if elements is not None and mcid < len(elements):
            elements[mcid] = None


def parent_tree_entry(pdf: pikepdf.Pdf, page: pikepdf.Page) -> pikepdf.Array | None:
    """The parent tree's array of the page's marked content, by MCID."""
    index = parent_tree_index(pdf, page)
    return None if index is None else pdf.Root.StructTreeRoot.ParentTree.Nums[index + 1]


def parent_tree_index(pdf: pikepdf.Pdf, page: pikepdf.Page) -> int | None:
    """Where the page's key stands in the parent tree's /Nums (its array follows it)."""
    if "/StructParents" not in page.obj:
        return None
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    key = int(page.obj.StructParents)
    return next((index for index in range(0, len(nums), 2) if int(nums[index]) == key), None)


def margin_artifacts(page: pikepdf.Page, mcids: set[int],
                     heights: dict[int, float]) -> dict[int, pikepdf.Dictionary]:
    """Running heads and folios: a header above the page's middle, a footer below it
    (`heights`: text_heights')."""
    middle = sum(map(float, (page.mediabox[1], page.mediabox[3]))) / 2
    return {mcid: HEADER if heights.get(mcid, middle) > middle else FOOTER for mcid in mcids}


def text_heights(instructions: Iterable[Instruction]) -> dict[int, float]:
    """The height on a page (points from its foot) where each marked-content sequence of its
    `instructions` (with their CTMs) first places text: WeasyPrint sets each line with a text
    matrix (Tm) under its CTM."""
    heights: dict[int, float] = {}
    for operands, operator, ctm, mcid in marked_instructions(instructions):
        if operator in ("Tm", "Td", "TD") and mcid is not None:
            heights.setdefault(mcid, transformed(*map(float, operands[-2:]), ctm)[1])
    return heights


def number_marked_content(contents: PageContents) -> None:
    """Each page's marked content numbered 0, 1, 2… in the order it is drawn, and the parent
    tree's array for the page naming, for each, the element that holds it: no entry (nor a
    null) for an MCID the page no longer marks (content made an artifact), none missing
    (ISO 32000-1, 14.7.4.4). Marked content that paints nothing (the box of a space that
    the line dropped) is unmarked, and leaves its element."""
    pdf = contents.pdf
    references: dict[tuple[tuple[int, int], int], tuple] = {}  # (page, MCID) -> holder, place
    for element in structure_elements(pdf.Root.StructTreeRoot):
        for place, kid in enumerate(kids_of(element)):
            page = content_page(element, kid)
            if page is not None:
                references[(page.objgen, content_id(kid))] = (element, place)
    renumbered: dict[tuple, int | None] = {}
    for page in pdf.pages:
        numbers = renumbered_content(contents, page)
        renumbered |= {(page.obj.objgen, old): new for old, new in numbers.items()}
        held = [None] * sum(new is not None for new in numbers.values())
        for old, new in numbers.items():
            if new is not None and (page.obj.objgen, old) in references:
                held[new] = references[(page.obj.objgen, old)][0]
        set_parent_tree_entry(pdf, page, pikepdf.Array(held))
    renumber_references(references, renumbered)


def content_page(element: pikepdf.Dictionary, kid) -> pikepdf.Dictionary | None:
    """The page of a kid that is marked content (an MCID, or a marked-content reference)."""
    if isinstance(kid, int):
        return element.get("/Pg") or parent_page(element)
    if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
        return kid.get("/Pg") or element.get("/Pg") or parent_page(element)
    return None


def parent_page(element: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    parent = element.get("/P")
    while is_element(parent):
        if "/Pg" in parent:
            return parent.Pg
        parent = parent.get("/P")
    return None


def content_id(kid) -> int:
    return int(kid) if isinstance(kid, int) else int(kid.MCID)


def renumbered_content(contents: PageContents, page: pikepdf.Page) -> dict[int, int | None]:
    """The page's MCIDs, each with its new number in the order drawn, None for marked
    content that paints nothing, which is unmarked; the content rewritten if that changes
    anything."""
    instructions = contents.instructions(page)
    sequences = marked_sequences(instructions)
    # Where the marked content that paints nothing opens and ends.
    unmarked = {where for sequence in sequences if not sequence.painted
                and sequence.end is not None for where in (sequence.start, sequence.end)}
    numbers: dict[int, int | None] = {sequence.mcid: None for sequence in sequences}
    numbers |= {sequence.mcid: new for new, sequence in
                enumerate(sequence for sequence in sequences if sequence.painted)}
    if not unmarked and all(old == new for old, new in numbers.items()):
        return numbers
    rewritten = []
    for where, (operands, operator) in enumerate(instructions):
        if where in unmarked:
            continue
        mcid = marked_content_id(operands, operator)
        if mcid is not None:
            properties = pikepdf.Dictionary({key: operands[1][key] for key in operands[1].keys()})
            properties.MCID = numbers[mcid]
            operands = [operands[0], properties]
        rewritten.append((operands, operator))
    contents.rewrite(page, rewritten)
    return numbers


def set_parent_tree_entry(pdf: pikepdf.Pdf, page: pikepdf.Page, held: pikepdf.Array) -> None:
    index = parent_tree_index(pdf, page)
    if index is not None:
        pdf.Root.StructTreeRoot.ParentTree.Nums[index + 1] = held


def renumber_references(references: dict, renumbered: dict) -> None:
    """The elements' kids naming marked content renumbered, those unmarked (or made
    artifacts) dropped."""
    dropped: dict[tuple[int, int], set[int]] = {}
    holders = {}
    for key, (element, place) in references.items():
        holders[element.objgen] = element
        if not isinstance(element.K, pikepdf.Array):
            element.K = pikepdf.Array([element.K])
        new = renumbered.get(key)
        if new is None:
            dropped.setdefault(element.objgen, set()).add(place)
        elif isinstance(element.K[place], int):
            element.K[place] = new
        else:
            element.K[place].MCID = new
    for objgen, places in dropped.items():
        element = holders[objgen]
        element.K = pikepdf.Array([kid for place, kid in enumerate(kids_of(element))
                                   if place not in places])
