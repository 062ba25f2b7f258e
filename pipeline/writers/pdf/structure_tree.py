"""The tagged editions' structure tree made the document's, not the pages'.

WeasyPrint 70 tags by page (its issues #2902 and #2903): each page's part of the body is a
`Part`, so a paragraph that crosses a page break becomes two `P` elements, and a screen
reader announces a new paragraph mid-sentence. A figure is a `NonStruct` holding the
picture's `Figure` beside its `Caption`, with a box in CSS pixels; a note is a `P`, and each
line break an empty `NonStruct`. This pass over the tree (pikepdf), told what each of the
body's blocks is (`TaggedBlock`), makes it read as the document does:

- the `Part`s go, their elements joining the document in order; the two halves of a block
  cut by a page break (the layout says which) become one element, their marked content
  referenced with the page each piece is on, the parent tree following; a table's header
  row repeated on a later page, with its title saying "(continued)", is a pagination
  artifact there, read once; its foot, an empty row drawing the rule under each page's
  part, is left out;
- the body's blocks are read in the model's order: a figure the layout set elsewhere in its
  section (after the text following it, or before text above it) is read in its own place;
- elements are grouped into a `Sect` per heading, nested by level;
- a figure is its `Figure`, with its alternative text (its `/Lang` where that is not the
  document's language) and its box in points, followed by its `Caption` as a sibling: Alt
  stands for an element and all its children (ISO 32000-1, 14.9.3), so a caption inside
  would never be read, and the PDF Association's Tagged PDF Best Practice Guide: Syntax
  (4.3) puts the Caption right after its Figure. A figure whose picture is not yet supplied
  is its caption alone, a `P`: there is no picture to describe;
- a note is a `Note` with an `/ID` (PDF/UA-1, 7.9), a reference to it a `Reference`
  holding its link; links say where they lead (`/Contents`); a link set on several lines
  (an address broken across them, even across a page) is one `Link` holding the
  annotation of each of its pieces (ISO 32000-1, 14.8.4.4.2: a Link associates content with
  its link annotation or annotations), not a link a line;
- a table's title, the first row of its head, is the `Caption` opening its `Table`, as a
  caption is; its header cells carry their `Scope`: `Column` in the header row, `Row` in the
  body;
  the `/IDTree` finds every element by its `/ID` (the header cells' and the notes');
- a nested list stands in the body (`LBody`) of the item it belongs to, and every list says
  how its items are numbered, by its level's style or bullet (`/ListNumbering`, ISO 32000-1
  14.8.5.5, which PDF/UA-1 7.6 asks of numbered lists); empty elements (a line break's) go.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pikepdf

from pipeline.errors import RenderingError
from pipeline.languages import detect, profile_for
from pipeline.list_numbers import list_numbering
from pipeline.model import (
    Document,
    Figure,
    Heading,
    LineBlock,
    List,
    Note,
    Paragraph,
    Quotation,
    SignOff,
    Table,
    given_languages,
    linked_words,
    shown_address,
)
from pipeline.pdf.pages import Box, Instruction, PageContents, unit_square
from pipeline.pdf.structure import (
    is_element,
    kids_of,
    marked_instructions,
    object_references,
    split_link,
)
from pipeline.pdf.text import element_text, marked_texts
from pipeline.writers.html.blocks import note_anchor, reference_anchor
from pipeline.writers.pdf.tagging import make_artifacts, number_marked_content

# Inline groupings (emphasis, a phrase): they go when they hold nothing (an empty table cell
# keeps its place), and a link's pieces inside one a line are joined.
GROUPINGS = (pikepdf.Name.Span, pikepdf.Name.NonStruct)
# What a Span that says nothing of its own holds: its type, parent, kids and page.
BARE_SPAN = {"/Type", "/S", "/P", "/K", "/Pg"}
HEADINGS = ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")
# A repeated header row: pagination, as running heads are, but neither header nor footer.
REPEATED_HEADER = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)
# The element WeasyPrint makes of each kind of block of the body.
BLOCK_TAGS = {"heading": HEADINGS, "paragraph": ("/P",), "quotation": ("/BlockQuote",),
              "lines": ("/P",),
              "sign-off": ("/P",), "note": ("/P",), "figure": ("/NonStruct",), "list": ("/L",),
              "table": ("/Table",)}
KINDS = {Heading: "heading", Paragraph: "paragraph", Quotation: "quotation", LineBlock: "lines",
         SignOff: "sign-off", Note: "note", Figure: "figure", List: "list", Table: "table"}
# Each block of the body carries its index in the model (writers/html/blocks.py).
SET_BLOCK = re.compile(r'data-block="(\d+)"')


@dataclass(frozen=True)
class TaggedBlock:
    """One block of the body, as the tag tree needs to know it."""

    kind: str  # a key of BLOCK_TAGS
    index: int  # its place in the model: the order it is read in, wherever it is set
    alt: str = ""  # a figure: its picture's alternative text; "" when it has no picture
    note_id: str = ""  # a note: its /ID, the anchor its references link to
    list: List | None = None  # a list: the model's, for its numbering and its nested lists'
    titled: bool = False  # a table: it has a title, the first row of its head
    numbered_lines: int = 0  # a label's numbered lines: how many (each a row of its own)
    attribution: bool = False  # a paragraph: the displayed quotation's before it, who said it


@dataclass(frozen=True)
class Tagging:
    """What the tag tree is told of the document: the language it is read in (the
    catalog's, `Document.spoken_language`), the body's blocks in the order they are set
    (each with its place in the model), and what each link leads to (by its destination)."""

    language: str
    blocks: tuple[TaggedBlock, ...]
    # A link's destination in the document, or its address, -> what it says it leads to.
    links: dict[str, str] = field(default_factory=dict)
    # Each phrase its author gave a language, in the model's order: (its text, its language).
    phrases: tuple[tuple[str, str], ...] = ()


def tagging_of(document: Document, html: str) -> Tagging:
    """What the tag tree is told of `document`, set as `html`: its blocks in the order the
    HTML sets them, what each figure's picture shows, and the notes' links."""
    language = document.metadata.language
    profile = profile_for(language)
    words = profile.reader_words
    attributed = document.attributions
    blocks = []
    for index in SET_BLOCK.findall(html):
        block = document.blocks[int(index)]
        alt = block.alternative_text(language) if isinstance(block, Figure) and block.image \
            else ""
        note_id = note_anchor(block.label) if isinstance(block, Note) else ""
        blocks.append(TaggedBlock(KINDS[type(block)], int(index), alt, note_id,
                                  block if isinstance(block, List) else None,
                                  isinstance(block, Table) and bool(block.caption),
                                  len(block.lines) if isinstance(block, LineBlock)
                                  and block.label else 0, int(index) in attributed))
    links = {}
    for block in document.blocks:
        if isinstance(block, Note):
            said = profile.said_label(block.label)
            links[note_anchor(block.label)] = words.note.format(label=said)
            links[reference_anchor(block.label)] = words.back.format(label=said)
    for words, address in linked_words(document):
        links.setdefault(address, link_description(words, address))
    return Tagging(document.spoken_language, tuple(blocks), links, given_languages(document))


def link_description(words: str, address: str) -> str:
    """What a link to `address` set on `words` says it leads to: its words and where, as
    the address alone says nothing of its purpose (WCAG 2.4.4); the address alone where the
    words are the address."""
    shown = shown_address(address)
    return shown if likeness(words) == likeness(address) else f"{words} ({shown})"


def likeness(text: str) -> str:
    """An address as printed and as linked compare alike: with no scheme ("https://",
    "mailto:"), white space, breaks, case or closing slash."""
    bare = re.sub(r"^[a-z][a-z0-9+.-]*:(?://)?", "", text.strip().casefold())
    return re.sub(r"[\s\u00ad\u200b]+", "", bare).rstrip("/")



def logical_structure(contents: PageContents, continued: set[int], tagging: Tagging) -> None:
    """Rebuild the tree under the document element of the PDF of `contents`; `continued`
    holds the numbers (from 0) of the pages whose first block continues the last block of
    the page before."""
    pdf = contents.pdf
    document = pdf.Root.StructTreeRoot.K
    if isinstance(document, pikepdf.Array):
        document = document[0]
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    replaced: dict[tuple[int, int], pikepdf.Dictionary] = {}
    blocks: list[pikepdf.Dictionary] = []
    last_page = -1
    for kid in flattened(document):
        if kid.S == pikepdf.Name.Table:
            without_foot(kid)
        page = pages.get(kid.Pg.objgen, last_page) if "/Pg" in kid else last_page
        if (page != last_page and page in continued and blocks and last_page == page - 1
                and blocks[-1].S == kid.S):
            merge(contents, blocks[-1], kid, replaced)  # the rest of a block a page break cut
        else:
            blocks.append(kid)
        last_page = page
    lined = broken_by_hand(blocks, tagging)
    blocks = quotations_joined(told(blocks, tagging, image_boxes(contents)), replaced)
    texts = functools.cache(lambda: marked_texts(pdf, contents))  # read for a reference only
    for block in blocks:
        if block.objgen in lined:
            as_lines(pdf, block)
        without_empty(block)
        if block.S == pikepdf.Name.Note:
            note_text_lifted(block, replaced)
        scope_headers(block)
        mark_references(block, tagging, texts)
        join_link_pieces(pdf, block, replaced, pages)
    document.K = pikepdf.Array(sectioned(pdf, document, blocks))
    follow_replacements(pdf, replaced)
    describe_links(pdf, tagging.links)
    number_marked_content(contents)
    without_empty(document)  # what held only marked content that paints nothing
    needless_spans_lifted(document)
    root = pdf.Root.StructTreeRoot
    root.IDTree = pikepdf.Dictionary(Names=pikepdf.Array(identified(root)))
    keys = [int(key) for key in list(root.ParentTree.Nums)[0::2]]
    root.ParentTreeNextKey = max(keys, default=-1) + 1


def quotations_joined(blocks: list, replaced: dict) -> list:
    """The blocks with the displayed quotations that follow one another in one BlockQuote, a
    P each (a quotation of several paragraphs: ISO 32000-1 14.8.4.3.2, a BlockQuote holds
    one or more), where a screen reader announced a quotation a paragraph."""
    result: list = []
    for block in blocks:
        before = result[-1] if result else None
        if before is None or not block.S == before.S == pikepdf.Name.BlockQuote:
            result.append(block)
            continue
        kids = kids_of(block)
        for kid in kids:
            if is_element(kid):
                kid.P = before
        before.K = pikepdf.Array([*kids_of(before), *kids])
        replaced[block.objgen] = before
    return result


def flattened(document: pikepdf.Dictionary) -> list:
    """The document's elements, those of WeasyPrint's per-page Parts taken out of them."""
    elements = []
    for kid in kids_of(document):
        elements += kids_of(kid) if kid.S == pikepdf.Name.Part else [kid]
    return elements


def merge(contents: PageContents, first: pikepdf.Dictionary, second: pikepdf.Dictionary,
          replaced: dict) -> None:
    """`second`, the rest of a block on the next page, joined to `first`; a table's header
    row repeated there made an artifact."""
    moved = []
    renamed: dict[str, pikepdf.String] = {}
    for kid in kids_of(second):
        if is_element(kid) and kid.S == pikepdf.Name.THead and first.S == pikepdf.Name.Table:
            renamed = repeated_header(contents, kid, first)
            continue
        if is_element(kid):
            kid.P = first
            moved.append(kid)
        elif isinstance(kid, int):  # marked content on the second element's page
            moved.append(pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=kid, Pg=second.Pg))
        else:
            moved.append(kid)
    for element in moved:
        if is_element(element):
            point_to_headers(element, renamed)
    own = own_references(first)
    if cut_in_two(own, moved) or quoted_in_two(first, own, moved) or body_in_two(own, moved):
        merge(contents, own[-1], moved.pop(0), replaced)
    first.K = pikepdf.Array([*own, *moved])
    replaced[second.objgen] = first


def without_foot(table: pikepdf.Dictionary) -> None:
    """A table's part on a page without its foot, the empty row drawing the rule under each
    part (writers/html/blocks.py): it holds nothing to read, and left in, each page's body
    would stand apart from the next page's rest of it."""
    table.K = pikepdf.Array([kid for kid in kids_of(table)
                             if not (is_element(kid) and kid.S == pikepdf.Name.TFoot)])


def body_in_two(own: list, moved: list) -> bool:
    """Whether a table's body and its rest on the next page are one body the page break cut
    in two: the structure is the table's, not its pages' (ISO 32000-1, 14.8.2.3)."""
    return bool(own and moved) and all(
        is_element(kid) and kid.S == pikepdf.Name.TBody for kid in (own[-1], moved[0]))


def cut_in_two(own: list, moved: list) -> bool:
    """Whether the last kid of a list (or of an item, or its body) and the first kid of its
    rest on the next page are one item the page break cut in two (one holding a nested list
    splits between its nested items or after its own text): its rest has no label, drawn in
    its first line."""
    before, after = (own[-1] if own else None), (moved[0] if moved else None)
    if not (is_element(before) and is_element(after)) or before.S != after.S:
        return False
    if after.S == pikepdf.Name.LI:
        body = item_body(after)
        if body is None:
            return False
        kids = kids_of(body)
        text = kids[0] if kids and is_element(kids[0]) else body
        return not (starts_with_label(body) or starts_with_label(text))
    return after.S in (pikepdf.Name.LBody, pikepdf.Name.L)


def quoted_in_two(quotation: pikepdf.Dictionary, own: list, moved: list) -> bool:
    """Whether a displayed quotation's paragraph and its rest on the next page are one: a
    BlockQuote holds the one paragraph the model's quotation is."""
    return (quotation.S == pikepdf.Name.BlockQuote and bool(own) and bool(moved)
            and all(is_element(kid) and kid.S == pikepdf.Name.P for kid in (own[-1], moved[0])))


def repeated_header(contents: PageContents, head: pikepdf.Dictionary,
                    table: pikepdf.Dictionary) -> dict[str, pikepdf.String]:
    """A table's head (its title and header row) set again on a later page: an artifact
    there. Returns the IDs of its header cells, each with the ID of the cell it repeats."""
    by_page: dict[tuple[int, int], set[int]] = {}
    for page, mcid in marked_content(head):
        by_page.setdefault(page.objgen, set()).add(mcid)
    for page in contents.pdf.pages:
        if page.obj.objgen in by_page:
            make_artifacts(contents, page,
                           dict.fromkeys(by_page[page.obj.objgen], REPEATED_HEADER))
    first_head = next((kid for kid in kids_of(table)
                       if is_element(kid) and kid.S == pikepdf.Name.THead), None)
    originals = header_ids(first_head) if first_head is not None else []
    return {str(repeat): original
            for repeat, original in zip(header_ids(head), originals, strict=False)}


def header_ids(element: pikepdf.Dictionary) -> list[pikepdf.String]:
    return [kid.ID for kid in elements_under(element) if kid.S == pikepdf.Name.TH
            and "/ID" in kid]


def point_to_headers(element: pikepdf.Dictionary, renamed: dict[str, pikepdf.String]) -> None:
    """Data cells that named a repeated header cell name the one it repeats."""
    if not renamed:
        return
    for kid in [element, *elements_under(element)]:
        attributes = kid.get("/A")
        if isinstance(attributes, pikepdf.Dictionary) and "/Headers" in attributes:
            attributes.Headers = pikepdf.Array(
                [renamed.get(str(header), header) for header in attributes.Headers])


def elements_under(element: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    for kid in kids_of(element):
        if is_element(kid):
            yield kid
            yield from elements_under(kid)


def marked_content(element: pikepdf.Dictionary, page=None) -> Iterator[tuple]:
    """(page, MCID) of every marked content under `element`."""
    page = element.get("/Pg", page)
    for kid in kids_of(element):
        if is_element(kid):
            yield from marked_content(kid, page)
        elif isinstance(kid, int):
            yield page, kid
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
            yield kid.Pg, int(kid.MCID)


def own_references(element: pikepdf.Dictionary) -> list:
    """The element's kids, its marked content named with its page (a merged element spans
    pages, so a bare MCID would be ambiguous)."""
    return [pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=kid, Pg=element.Pg)
            if isinstance(kid, int) else kid for kid in kids_of(element)]


def told(elements: list, tagging: Tagging, boxes: dict) -> list:
    """The elements with the body's blocks tagged as what they are, in the model's order: the
    body is the last of them (the opener and byline come first), one element a block. A
    figure the layout set elsewhere (where its page had no room) is read where the author
    put it: the structure's order is the logical reading order, whatever the pages' (ISO
    32000-1, 14.8.2.3; PDF/UA-1, 7.2)."""
    body = elements[len(elements) - len(tagging.blocks):]
    if len(body) != len(tagging.blocks) or any(
            str(element.S) not in BLOCK_TAGS[block.kind]
            for element, block in zip(body, tagging.blocks, strict=True)):
        raise RenderingError("the tagged PDF's elements do not follow the document's blocks")
    placed: list[tuple[int, list]] = []
    for element, block in zip(body, tagging.blocks, strict=True):
        if block.kind == "figure":
            placed.append((block.index, figure_elements(element, block, tagging.language,
                                                        boxes)))
            continue
        if block.kind == "note":
            element.S = pikepdf.Name.Note
            element.ID = pikepdf.String(block.note_id)
        elif block.titled:
            title_as_caption(element)
        elif block.list is not None:
            nest_lists(element)
            number_lists(element, block.list)
            labels_first(element)
        elif block.numbered_lines:
            rows_as_lines(element, block.numbered_lines)
        placed.append((block.index, [element]))
    ordered = sorted(placed, key=lambda pair: pair[0])
    attributed = {block.index for block in tagging.blocks if block.attribution}
    told_body: list = []
    for index, kids in ordered:
        quotation = told_body[-1] if told_body else None
        if index in attributed and quotation is not None \
                and quotation.S == pikepdf.Name.BlockQuote:
            # Who said it, the quotation's last paragraph (ISO 32000-1 14.8.4.3.2): read
            # with the quotation, not after it as a paragraph of the text.
            for kid in kids:
                kid.P = quotation
            quotation.K = pikepdf.Array([*kids_of(quotation), *kids])
            continue
        told_body += kids
    return elements[:len(elements) - len(body)] + told_body


def note_text_lifted(note: pikepdf.Dictionary, replaced: dict) -> None:
    """A note holding its text in a P of its own (the renderer's, around the text after the
    block drawing the rule over the first note) holds it as every other note does: that P's
    kids are the note's (its marked content too, the parent tree following), so no note
    reads as a paragraph inside another."""
    kids = kids_of(note)
    if len(kids) != 1 or not is_element(kids[0]) or kids[0].S != pikepdf.Name.P:
        return
    inner = kids[0]
    for kid in kids_of(inner):
        if is_element(kid):
            kid.P = note
    note.K = inner.K
    replaced[inner.objgen] = note


def title_as_caption(table: pikepdf.Dictionary) -> None:
    """A table's title, the first row of its head (the HTML writer's, so that it repeats
    with the head), as the Caption opening its Table, as a <caption> is tagged: its cell
    becomes the Caption, without the cell's attributes and /ID, and without the boxes that
    set its width. The title repeated on a later page went with its head (merge)."""
    head = next(kid for kid in kids_of(table) if is_element(kid) and kid.S == pikepdf.Name.THead)
    row, *rest = [kid for kid in kids_of(head) if is_element(kid)]
    caption = next(kid for kid in kids_of(row) if is_element(kid))
    caption.S = pikepdf.Name.Caption
    for key in ("/A", "/ID"):
        if key in caption:
            del caption[key]
    caption.P = table
    kids = kids_of(caption)
    while len(kids) == 1 and is_element(kids[0]) and kids[0].S == pikepdf.Name.Div:
        kids = kids_of(kids[0])
    for kid in kids:
        if is_element(kid):
            kid.P = caption
    caption.K = pikepdf.Array(kids)
    head.K = pikepdf.Array(rest)
    # A table with no header row (model.Table.header) keeps no head but its title's.
    table.K = pikepdf.Array([caption, *(kid for kid in kids_of(table) if rest or not (
        is_element(kid) and kid.S == pikepdf.Name.THead))])


def figure_elements(wrapper: pikepdf.Dictionary, block: TaggedBlock, language: str,
                    boxes: dict) -> list[pikepdf.Dictionary]:
    """A figure's elements in the place of WeasyPrint's wrapper: its Figure, with its
    alternative text and box, then its Caption; without a picture, its caption as a P."""
    kids = list(unwrapped(wrapper))
    for kid in kids:
        kid.P = wrapper.P
        if kid.S == pikepdf.Name.Figure:
            as_figure(kid, block.alt, language, boxes)
        elif kid.S == pikepdf.Name.Caption and not block.alt:
            kid.S = pikepdf.Name.P
    return kids


def unwrapped(element: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    """The elements inside `element`, past the NonStruct of an anonymous box (an inline
    picture's line)."""
    for kid in kids_of(element):
        if is_element(kid):
            yield from unwrapped(kid) if kid.S == pikepdf.Name.NonStruct else [kid]


def as_figure(figure: pikepdf.Dictionary, alt: str, language: str, boxes: dict) -> None:
    """The picture's Figure: its alternative text, in its language, and its box in points
    (where the picture is drawn), its marked content named with its page."""
    references = own_references(figure)
    box = union([boxes[(figure.Pg.objgen, int(reference.MCID))] for reference in references
                 if (figure.Pg.objgen, int(reference.MCID)) in boxes])
    figure.K = pikepdf.Array(references)
    figure.Alt = pikepdf.String(alt)
    spoken_in = alt_language(alt, language)
    if spoken_in:
        figure.Lang = pikepdf.String(spoken_in)
    if box is not None:
        figure.A = pikepdf.Dictionary(O=pikepdf.Name.Layout, BBox=pikepdf.Array(box),
                                      Placement=pikepdf.Name.Block)
    elif "/A" in figure:
        del figure.A


def alt_language(alt: str, language: str) -> str | None:
    """The language of an alternative text when it is not the document's, as its
    characters say: Chinese in an English document, English words in a Chinese one."""
    spoken = detect(alt)
    return spoken.tag if spoken is not profile_for(language) else None


def without_empty(element: pikepdf.Dictionary) -> bool:
    """Drop the empty inline elements under `element` (a line break's NonStruct, the Span
    keeping a note's reference with its word): noise to assistive technology, which the
    PDF Association's Tagged PDF Best Practice Guide: Syntax (3.5) says to leave out;
    whether `element` itself holds nothing."""
    kids = kids_of(element)
    kept = [kid for kid in kids
            if not (is_element(kid) and without_empty(kid) and kid.S in GROUPINGS)]
    if len(kept) < len(kids) or "/K" in element and not kids_in_array(element):
        element.K = pikepdf.Array(kept)
    return not kept


def kids_in_array(element: pikepdf.Dictionary) -> bool:
    """Whether the element's kids are an array of its own (direct), as they are once
    rewritten: an array left as it is writes the same bytes."""
    kids = element.K
    return isinstance(kids, pikepdf.Array) and not kids.is_indirect


def needless_spans_lifted(element: pikepdf.Dictionary) -> None:
    """Each Span under `element` that holds only elements and says nothing of its own (no
    language, no alternate or actual text, no attributes: BARE_SPAN) replaced by what it
    holds. WeasyPrint makes a Span of an HTML span and another of each of its texts: the
    outer one groups nothing a reader needs (a Span in a Span, the title's, the imprint's,
    the byline's), and a Span is for what applies to its content (ISO 32000-1, 14.8.4.4)."""
    kept, lifted = [], False
    for kid in kids_of(element):
        if not is_element(kid):
            kept.append(kid)
            continue
        needless_spans_lifted(kid)
        inner = kids_of(kid)
        if (kid.S == pikepdf.Name.Span and set(kid.keys()) <= BARE_SPAN and inner
                and all(is_element(each) for each in inner)):
            for each in inner:
                each.P = element
            kept += inner
            lifted = True
        else:
            kept.append(kid)
    if lifted:
        element.K = pikepdf.Array(kept)


def broken_by_hand(elements: list, tagging: Tagging) -> set[tuple[int, int]]:
    """The elements whose lines may be broken by hand (by their objgen): the opener's (the
    title, the byline, the imprint), the sign-off's and a block of lines' (an address, a
    post's lines each opened by an emoji, verse). No other block holds a line break, and an
    empty NonStruct in one is a piece of emphasis left empty where a line ended, not a break
    (an address in bold ending a line)."""
    opener = len(elements) - len(tagging.blocks)
    return {element.objgen for element in elements[:opener]} | {
        element.objgen for element, block in zip(elements[opener:], tagging.blocks, strict=False)
        if block.kind in ("sign-off", "lines")}


def as_lines(pdf: pikepdf.Pdf, element: pikepdf.Dictionary) -> None:
    """A paragraph of lines broken by hand (the byline's name and role, a sign-off, the
    imprint, a block of lines: the writer breaks no other paragraph) a Div holding a P a
    line, so a screen
    reader reads each as a line of its own, not `…, JP Chief Executive`: a line break
    draws nothing, and a paragraph is the block ISO 32000-1 (14.8.4.3) gives a line read
    apart; Div (14.8.4.2) groups them as the one block they were."""
    if element.get("/S") != pikepdf.Name.P:
        for kid in kids_of(element):
            if is_element(kid):
                as_lines(pdf, kid)
        return
    lines: list[list] = [[]]
    for kid in kids_of(element):
        if is_element(kid) and kid.S == pikepdf.Name.NonStruct and holds_nothing(kid):
            lines.append([])
        else:
            lines[-1].append(kid)
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return
    paragraphs = []
    for line in lines:
        paragraph = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=element, K=pikepdf.Array(line)))
        if "/Pg" in element:  # the page its marked content is on
            paragraph.Pg = element.Pg
        for kid in line:
            if is_element(kid):
                kid.P = paragraph
        paragraphs.append(paragraph)
    element.S = pikepdf.Name.Div
    element.K = pikepdf.Array(paragraphs)


def rows_as_lines(element: pikepdf.Dictionary, count: int) -> None:
    """A label's `count` numbered lines, set as the rows of a table of their own (the label,
    the numbers, the names: writers/html/blocks.py, numbered_line), a Div holding a P a
    line, as `as_lines` makes of lines broken by hand: read as one run of text, a line's
    number ran into the name before it (`示意图2.西城`). The rows are the first elements
    under the paragraph that are as many as its lines; the table's boxes above them, which
    hold nothing of their own, go."""
    holder = element
    while len(rows := [kid for kid in kids_of(holder) if is_element(kid)]) != count:
        if len(rows) != 1:
            return
        holder = rows[0]
    for row in rows:
        row.S = pikepdf.Name.P
        row.P = element
    element.S = pikepdf.Name.Div
    element.K = pikepdf.Array(rows)


def holds_nothing(element: pikepdf.Dictionary) -> bool:
    """Whether an element holds no content, nor any element that does."""
    return all(is_element(kid) and holds_nothing(kid) for kid in kids_of(element))


def mark_references(element: pikepdf.Dictionary, tagging: Tagging,
                    texts: Callable[[], dict]) -> None:
    """An element holding nothing but a link to a note is a Reference to it, its alternate
    description saying so ("Note 1"): its bare figure, raised after a figure or a stop,
    would be read as the number's (`2019.1`, "two thousand nineteen point one"; ISO
    32000-1 14.9.3 lets any element have one). The description stands for all the element
    shows, a word space too where a line ends after the figure: it ends with one then, or
    the next line's word is read run into it ("Note 1The full …"). `texts`: the marked
    contents' texts (pdf/text.py)."""
    notes = {block.note_id for block in tagging.blocks if block.note_id}
    for kid in elements_under(element):
        if kid.S != pikepdf.Name.NonStruct:
            continue
        elements = [inner for inner in kids_of(kid) if is_element(inner)]
        if (len(elements) == 1 and elements[0].S == pikepdf.Name.Link
                and (note := str(link_destination(elements[0]))) in notes):
            kid.S = pikepdf.Name.Reference
            spaced = element_text(kid, texts())[-1:].isspace()
            kid.Alt = pikepdf.String(tagging.links[note] + " " * spaced)


def join_link_pieces(pdf: pikepdf.Pdf, element: pikepdf.Dictionary, replaced: dict,
                     pages: dict) -> None:
    """A link set on several lines is one Link: WeasyPrint makes an element of each line's
    piece, siblings one after the other, each holding its annotation. A piece is a Link
    leading where the one before it does, on a later line (below it, or on a later page).
    A link in emphasis (an address in italics) has its pieces in the emphasis's pieces, a
    NonStruct or Span a line: those, which group and say nothing, are joined first, so that
    the link's pieces become siblings."""
    kids = kids_of(element)
    kept: list = []
    for kid in kids:
        if kept and one_piece_more(kept[-1], kid, pages):
            merge(pdf, kept[-1], kid, replaced)
            continue
        kept.append(kid)
    if len(kept) != len(kids):
        element.K = pikepdf.Array(kept)
    for kid in kept:
        if is_element(kid):
            join_link_pieces(pdf, kid, replaced, pages)


def one_piece_more(before, kid, pages: dict) -> bool:
    """Whether `kid` is the next line's piece of its sibling `before`: both a Link, or both
    emphasis of one kind and language, holding the pieces of one link."""
    return (is_element(before) and is_element(kid) and (kind := kid.S) == before.S
            and (kind == pikepdf.Name.Link
                 or (kind in GROUPINGS and before.get("/Lang") == kid.get("/Lang")))
            and split_link(before, kid, pages))


def link_destination(link: pikepdf.Dictionary) -> str:
    """Where a Link element's annotation leads: its named destination."""
    references = object_references(link)
    return str(references[0].Obj.get("/Dest", "")) if references else ""


def describe_links(pdf: pikepdf.Pdf, descriptions: dict[str, str]) -> None:
    """Each link annotation says where it leads (its /Contents), as PDF/UA asks (ISO 14289-1,
    7.18.5): a destination in the document by its description, an address by the link's
    words and the address (an address printed as itself by itself). Its rectangle is given
    lower left corner first (the renderer may give it upper left first, which ISO 32000-1,
    7.9.5, lets a reader normalise, and some do not)."""
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            if "/Rect" in annotation:
                x1, y1, x2, y2 = (float(value) for value in annotation.Rect)
                annotation.Rect = pikepdf.Array([min(x1, x2), min(y1, y2),
                                                 max(x1, x2), max(y1, y2)])
            action = annotation.get("/A")
            if action is None:
                description = descriptions.get(str(annotation.get("/Dest", "")))
            else:  # an address the text prints as itself is linked by the writer, unnamed
                address = str(action.get("/URI", ""))
                description = descriptions.get(address) or shown_address(address)
            if description:
                annotation.Contents = pikepdf.String(description)


def identified(root: pikepdf.Dictionary) -> list:
    """The /IDTree's names: every element's /ID with the element, in the order of their
    bytes, as a name tree keeps them."""
    elements = {bytes(element.ID): element for element in elements_under(root)
                if "/ID" in element}
    return [item for key in sorted(elements)
            for item in (pikepdf.String(key), elements[key])]


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


def number_lists(element: pikepdf.Dictionary, block: List, depth: int = 0) -> None:
    """The list `element` (nested lists in their items' bodies) says how `block` numbers its
    items, and each list nested in an item says how that item's list does, a level deeper.
    A nested list cut by a page break, two elements, is numbered alike in both."""
    numbering = pikepdf.Name("/" + list_numbering(block.style, depth, block.marker))
    attributes = element.get("/A")
    if isinstance(attributes, pikepdf.Dictionary) and attributes.get("/O") == pikepdf.Name.List:
        attributes.ListNumbering = numbering
    else:
        element.A = pikepdf.Dictionary(O=pikepdf.Name.List, ListNumbering=numbering)
    items = [kid for kid in kids_of(element) if is_element(kid) and kid.S == pikepdf.Name.LI]
    for item, model_item in zip(items, block.items, strict=False):
        body = item_body(item)
        if model_item.sublist is None or body is None:
            continue
        for kid in kids_of(body):
            if is_element(kid) and kid.S == pikepdf.Name.L:
                number_lists(kid, model_item.sublist, depth + 1)


def labels_first(element: pikepdf.Dictionary) -> None:
    """Each item of the list `element` (and of the lists nested in it) its label (`Lbl`)
    first, then its body (`LBody`). The label is drawn in the item's first line
    (list_labels.py), so WeasyPrint tags it inside the body, at the start of its text, or of
    the anonymous box (a `NonStruct`) holding its text beside a nested list, which then
    goes: the body holds the item's text itself, as an outside marker's item did."""
    for item in kids_of(element):
        body = item_body(item)
        if body is None:
            continue
        kids = kids_of(body)
        text = kids[0] if kids and is_element(kids[0]) \
            and kids[0].S == pikepdf.Name.NonStruct and starts_with_label(kids[0]) else body
        if starts_with_label(text):
            label, *rest = kids_of(text)
            if text is not body:
                for kid in rest:
                    if is_element(kid):
                        kid.P = body
                rest += kids[1:]
            body.K = pikepdf.Array(rest)
            label.P = item
            item.K = pikepdf.Array([label, *kids_of(item)])
        for kid in kids_of(body):
            if is_element(kid) and kid.S == pikepdf.Name.L:
                labels_first(kid)


def starts_with_label(element: pikepdf.Dictionary) -> bool:
    kids = kids_of(element)
    return bool(kids) and is_element(kids[0]) and kids[0].S == pikepdf.Name.Lbl


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
    """The blocks with a Sect around each heading and what follows it, nested by level; notes
    under no heading of their own belong to the whole text, not to its last section."""
    top: list = []
    open_sections: list[tuple[int, pikepdf.Dictionary, list]] = []  # level, element, kids
    for block in blocks:
        if block.S == pikepdf.Name.Note and open_sections and any(
                str(kid.S) not in (*HEADINGS, "/Note") for kid in open_sections[-1][2]):
            while open_sections:
                close(open_sections.pop())
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


def image_boxes(contents: PageContents) -> dict[tuple[tuple[int, int], int], Box]:
    """Where each picture is drawn, in points, by (page, MCID) of its marked content."""
    boxes = {}
    for page in contents.pdf.pages:
        if not image_xobjects(page):
            continue  # most pages hold no picture: their instructions need no reading
        for mcid, box in drawn_images(page, contents.placed(page)):
            boxes[(page.obj.objgen, mcid)] = box
    return boxes


def image_xobjects(page: pikepdf.Page) -> dict:
    """The page's image XObjects, by name."""
    xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
    return {name: xobject for name, xobject in xobjects.items()
            if xobject.get("/Subtype") == pikepdf.Name.Image}


def drawn_images(page: pikepdf.Page,
                 instructions: Iterable[Instruction]) -> Iterator[tuple[int, Box]]:
    """(MCID, box) of each image XObject the page's `instructions` (with their CTMs) draw
    inside marked content with an MCID."""
    images = image_xobjects(page)
    for operands, operator, ctm, mcid in marked_instructions(instructions):
        if operator == "Do" and mcid is not None and str(operands[0]) in images:
            yield mcid, unit_square(ctm)
