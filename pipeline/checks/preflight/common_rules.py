"""The rules for every edition: fonts embedded, every heading in the outline, and every
paragraph, caption, list item, table cell (in its place) and sign-off line printed once, in
order."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pikepdf
import pypdfium2 as pdfium

from pipeline.checks.preflight.report import Edition, Rule
from pipeline.errors import excerpt
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
    UnknownBlock,
    plain,
)
from pipeline.pdf.pages import paintings
from pipeline.readers.pictures import SVG_SUFFIX, drawn_text
from pipeline.writers.html.blocks import table_sources

# Removed before comparing text: justified text is hyphenated at line ends, and line
# breaks and no-break spaces differ between the model and the extracted text. pdfium
# reports a hyphen-minus ending a line as U+0002; addresses hold zero-width spaces where
# they may break; a variation selector (a symbol's text presentation) chooses a glyph and
# is no character of the extracted text.
IGNORED_IN_TEXT = re.compile(r"[\s\u002d\u2010\u00ad\u0002\u200b\ufe00-\ufe0f]+")


def font_problems(edition: Edition) -> list[str]:
    problems = []
    for painting in paintings(edition.pdf):
        fonts = painting.holder.get("/Resources", {}).get("/Font", {})
        for name, font in fonts.items():
            if not is_embedded(font):
                base = font.get("/BaseFont", name)
                problems.append(f"{painting.where}: font {base} is not embedded")
    return problems


def is_embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == pikepdf.Name.Type3:
        return True  # its glyphs are content streams in the file
    if font.get("/Subtype") == pikepdf.Name.Type0:
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor", {})
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def bookmark_problems(edition: Edition) -> list[str]:
    with edition.pdf.open_outline() as outline:
        titles = [normalised(item.title) for item in outline_items(outline.root)]
    problems = []
    position = 0
    for heading in edition.document.headings:
        wanted = normalised(heading.text)
        if wanted in titles[position:]:
            position = titles.index(wanted, position) + 1
        elif wanted in titles:
            problems.append(f"heading out of order in the outline: {heading.text!r}")
        else:
            problems.append(f"heading missing from the outline: {heading.text!r}")
    return problems


def outline_items(items) -> Iterator[pikepdf.OutlineItem]:
    """Every outline item, depth first: the reading order of the headings."""
    for item in items:
        yield item
        yield from outline_items(item.children)


@dataclass(frozen=True)
class Printed:
    """A text the document prints, the name a report gives it (None for the opener's and a
    heading's), and how it stands in the pages' text: a pattern over the normalised text, a
    table's cells one after another in reading order."""

    label: str | None
    text: str
    pattern: str
    length: int  # of the normalised text it stands for
    pieces: tuple[tuple[str, str], ...] = ()  # a table's: each cell's place and pattern
    literal: str | None = None  # the normalised text, where the pattern is that text alone
    # False for a table's source line or note: it stands with its table, which placement may
    # set later in its section, as a figure's caption does.
    in_order: bool = True

    @functools.cached_property
    def sought(self) -> re.Pattern | str:
        """What is looked for: the text itself where it stands alone (compiling a long
        document's patterns took longer than finding them), else the pattern compiled once
        (a long document's outnumber re's cache)."""
        return self.literal if self.literal is not None else re.compile(self.pattern)

    @classmethod
    def of(cls, label: str | None, text: str) -> Printed:
        wanted = normalised(text)
        return cls(label, text, re.escape(wanted), len(wanted), literal=wanted)


def text_problems(edition: Edition) -> list[str]:
    """Every paragraph, caption, list item, table and sign-off line once, in order, as a
    whole block of the pages' text.

    Each text the document prints is claimed in the text of the pages' text areas, longest
    first, at its first place not yet claimed: a short paragraph ("I", "a") is never found
    inside a longer one, and a block found again in what is left was printed twice. A table
    is claimed whole, its cells by their places: each after the one before it in reading
    order (row by row, its header row again where it repeats after a page break), so "17"
    is never looked for inside "117", nor "Ward 1" inside "Ward 11". Paragraphs follow the
    model's order; captions, tables and their source lines may stand elsewhere (placement
    may set a figure or a table a paragraph later). A proof's "Picture 1 to come" in a
    picture's place is apparatus, claimed first. The pages' text is read in the order it is
    drawn, as a reader of the content reads it: a list's labels stand before their items
    (writers/pdf/list_labels.py), left unclaimed between them; a picture's own text is its
    figure's, left out (running_texts)."""
    text = "".join(running_texts(edition))
    claimed = bytearray(len(text))
    for pattern in apparatus_patterns(edition.document):
        if (place := unclaimed_place(text, re.compile(pattern), claimed)) is not None:
            claimed[place[0]:place[1]] = b"\1" * (place[1] - place[0])
    # Print, which cannot follow a link, prints its address after its words.
    document = edition.document if edition.layout.links else edition.document.with_addresses()
    items = [Printed.of(None, part) for part in front_texts(document)]
    items += list(block_texts(document))
    places: dict[int, tuple[int, int]] = {}
    # Longest first; of equal length, the blocks' before the opener's (which a layout may
    # set in capitals, and which a sign-off may repeat).
    order = sorted(range(len(items)), key=lambda i: (-items[i].length, items[i].label is None))
    for index in order:
        if not items[index].length:
            continue
        place = unclaimed_place(text, items[index].sought, claimed)
        if place is None and items[index].label is None:  # front matter set in capitals
            items[index] = Printed.of(None, items[index].text.upper())
            place = unclaimed_place(text, items[index].sought, claimed)
        if place is not None:
            claimed[place[0]:place[1]] = b"\1" * (place[1] - place[0])
            places[index] = place
    problems, previous = [], -1
    for index, item in enumerate(items):
        if item.label is None or not item.length:
            continue
        if index not in places:
            problems.append(missing(item, text, claimed))
            continue
        times = 1
        while (again := unclaimed_place(text, item.sought, claimed)) is not None:
            claimed[again[0]:again[1]] = b"\1" * (again[1] - again[0])
            times += 1
        if times > 1:
            problems.append(f"{item.label} printed {times} times: {excerpt(item.text)}")
        if item.label.startswith("paragraph") and item.in_order:
            if places[index][0] < previous and not exchanged_with_unlabelled(
                    items, places, index, previous):
                problems.append(f"{item.label} out of order: {excerpt(item.text)}")
            previous = places[index][0]
    return problems


def exchanged_with_unlabelled(items: list[Printed], places: dict[int, tuple[int, int]],
                              index: int, previous: int) -> bool:
    """Whether a paragraph found before the one it follows (at `previous`) reads as a text
    of the opener's or a heading's (the title repeated at the end, say) that stands in order:
    the two equal texts had each other's places, and now have their own."""
    equals = [other for other, item in enumerate(items)
              if item.label is None and other in places and places[other][0] >= previous
              and item.literal is not None and item.literal == items[index].literal]
    if not equals:
        return False
    other = min(equals, key=lambda other: places[other][0])  # the next place in order
    places[index], places[other] = places[other], places[index]
    return True


def unclaimed_place(text: str, pattern: re.Pattern | str, claimed: bytearray
                    ) -> tuple[int, int] | None:
    """Where `pattern` (a regular expression, or a text as it stands) first matches in
    `text` wholly outside the claimed parts, or None."""
    if isinstance(pattern, str):
        start = text.find(pattern)
        while start >= 0 and any(claimed[start:start + len(pattern)]):
            start = text.find(pattern, start + 1)
        return (start, start + len(pattern)) if start >= 0 else None
    match = pattern.search(text)
    while match is not None and any(claimed[match.start():match.end()]):
        match = pattern.search(text, match.start() + 1)
    return match.span() if match is not None else None


def missing(item: Printed, text: str, claimed: bytearray) -> str:
    """What a report says of a text not found: for a table, the first cell that does not
    follow the cells before it in the pages' text."""
    if not item.pieces:
        return f"{item.label} missing: {excerpt(item.text)}"
    found, lacking = 0, len(item.pieces)  # the longest run of cells found lies between
    while lacking - found > 1:
        middle = (found + lacking) // 2
        pattern = "".join(piece for _, piece in item.pieces[:middle])
        if unclaimed_place(text, re.compile(pattern), claimed) is not None:
            found = middle
        else:
            lacking = middle
    where, _ = item.pieces[lacking - 1]
    return f"{item.label} {where} missing: {excerpt(item.text)}"


def table_printed(label: str, table: Table, language: str) -> Printed:
    """A table as the pages show it: its caption, its header row, then each row, the header
    row perhaps again before a row (where a page break repeats it, after the caption saying
    the table goes on, in the document's `language` or the caption's)."""
    def cell_pattern(cell) -> str:
        return re.escape(normalised(plain(cell)))

    header = "".join(cell_pattern(cell) for cell in table.header)
    if table.caption:
        continued = re.escape(normalised(table.continued(language)))
        header = f"(?:{cell_pattern(table.caption)}{continued})?{header}"
    pieces = [("caption", cell_pattern(table.caption))] if table.caption else []
    pieces += [(f"header row, column {column}", cell_pattern(cell))
               for column, cell in enumerate(table.header, 1)]
    for number, row in enumerate(table.rows, 1):
        pieces += [(f"row {number}, column {column}",
                    (f"(?:{header})?" if column == 1 else "")
                    + cell_pattern(cell))
                   for column, cell in enumerate(row, 1)]
    written = " | ".join([plain(table.caption), *table.texts] if table.caption else table.texts)
    return Printed(label, written, "".join(piece for _, piece in pieces),
                   len(normalised(written.replace(" | ", ""))), tuple(pieces))


def block_texts(document: Document) -> Iterator[Printed]:
    """Every block's texts with the name a report gives each: paragraphs, quotations, captions, list
    items, tables, sign-off lines and notes (headings are checked as bookmarks)."""
    counts: dict[str, int] = {}
    sources = table_sources(document.blocks)

    def named(kind: str) -> str:
        counts[kind] = counts.get(kind, 0) + 1
        return f"{kind} {counts[kind]}"

    for index, block in enumerate(document.blocks):
        match block:
            case Paragraph():
                yield replace(Printed.of(named("paragraph"), block.text),
                              in_order=index not in sources)
            case Quotation():
                yield Printed.of(named("quotation"), block.text)
            case Figure():
                yield Printed.of(f"figure {block.number} caption", block.text)
            case List():
                name = named("list")
                for number, text in enumerate(block.texts, 1):
                    yield Printed.of(f"{name} item {number}", text)
            case Table():
                yield table_printed(named("table"), block, document.metadata.language)
            case SignOff():
                for number, text in enumerate(block.texts, 1):
                    yield Printed.of(f"sign-off line {number}", text)
            case LineBlock():
                name = named("line block")
                for number, text in enumerate(block.texts, 1):
                    yield Printed.of(f"{name} line {number}", text)
            case Note():
                yield Printed.of(f"note {block.label}", block.text)
            case Heading():
                yield Printed.of(None, block.text)
            case _:
                raise UnknownBlock(block, "the text-complete check")


def apparatus_patterns(document: Document) -> list[str]:
    """What a proof prints that is no text of the document: each missing picture's label."""
    language = document.metadata.language
    return [re.escape(normalised(block.to_come(language))) for block in document.figures
            if not block.image]


def front_texts(document: Document) -> list[str]:
    """What the opener prints: title, subtitle, organisation, date and the byline's parts."""
    metadata = document.metadata
    byline = document.byline
    parts = [byline.name, *byline.honours, byline.role, byline.parallel] if byline else []
    return [metadata.title, metadata.subtitle, metadata.organisation,
            metadata.shown_date, document.imprint_date, *parts]


def running_texts(edition: Edition) -> list[str]:
    """Each page's text, normalised, without what its figures' pictures draw (a chart's
    labels). WeasyPrint paints a picture, a box clipping its drawing, after its page's text
    in the flow: a chart's labels stood between the rows of a table running on overleaf. So
    a picture's text is cut where it stands last on the page holding its figure's caption."""
    pages = [normalised(text) for text in text_area_texts(edition)]
    for figure in edition.document.figures:
        drawn, caption = normalised(picture_text(edition, figure)), normalised(figure.text)
        number = next((number for number, page in enumerate(pages)
                       if drawn and drawn in page and caption in page), None)
        if number is not None:
            start = pages[number].rindex(drawn)
            pages[number] = pages[number][:start] + pages[number][start + len(drawn):]
    return pages


def picture_text(edition: Edition, figure: Figure) -> str:
    """The text `figure`'s picture draws: an SVG picture's, read from the edition's source
    folder; none for a raster picture, or one not supplied."""
    if not figure.image or edition.source_dir is None:
        return ""
    path = edition.source_dir / figure.image
    if path.suffix.lower() != SVG_SUFFIX:
        return ""
    try:
        return drawn_text(path.read_bytes())
    except OSError:
        return ""


def text_area_texts(edition: Edition) -> list[str]:
    """Each page's text between the layout's top and bottom margins, so running heads and
    folios in those margins are left out, across the page's width: a list's labels hang into
    the side margins (a "（一）" in large print), and a label cut off there would leave its
    rest in the text, read where it was drawn. The margins are measured from the TrimBox
    (from the MediaBox when there is none); pdfium's page coordinates are the PDF's own."""
    texts = []
    document = pdfium.PdfDocument(edition.path)
    try:
        for number, pdfium_page in enumerate(document, 1):
            text_page = pdfium_page.get_textpage()
            texts.append(text_page.get_text_bounded(*edition.text_band(number)))
    finally:
        document.close()
    return texts


def normalised(text: str) -> str:
    return IGNORED_IN_TEXT.sub("", unicodedata.normalize("NFKC", text))


def missing_picture_problems(edition: Edition) -> list[str]:
    """Figures whose picture is not supplied: every edition shows a box saying which is to
    come, a proof, neither for press nor to publish."""
    return [f"figure {figure.number} has no picture ({excerpt(figure.text)})"
            for figure in edition.document.figures if not figure.image]


COMMON_RULES = (
    Rule("pictures-supplied", "proof", missing_picture_problems),
    Rule("fonts-embedded", "error", font_problems),
    Rule("bookmarks", "error", bookmark_problems),
    Rule("text-complete", "error", text_problems),
)
