"""The rules for every edition: fonts embedded, every heading in the outline, and every
paragraph and caption printed once, in order."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pikepdf
import pypdfium2 as pdfium

from pipeline.checks.preflight.report import Edition, Rule
from pipeline.errors import excerpt
from pipeline.model import (
    Document,
    Figure,
    Heading,
    List,
    Note,
    Paragraph,
    SignOff,
    Table,
    UnknownBlock,
)
from pipeline.pdf.pages import POINTS_PER_MM, paintings, rectangle

# Removed before comparing text: justified text is hyphenated at line ends, and line
# breaks and no-break spaces differ between the model and the extracted text. pdfium
# reports a hyphen-minus ending a line as U+0002; addresses hold zero-width spaces where
# they may break.
IGNORED_IN_TEXT = re.compile(r"[\s\u002d\u2010\u00ad\u0002\u200b]+")


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


def text_problems(edition: Edition) -> list[str]:
    """Every paragraph and caption once, in order, as a whole block of the pages' text.

    Each text the document prints (its front matter, headings, paragraphs and captions) is
    claimed in the text of the pages' text areas, longest first, at its first place not yet
    claimed: a short paragraph ("I", "a") is never found inside a longer one, and a block
    found again in what is left was printed twice. Paragraphs follow the model's order;
    captions may stand elsewhere (figure placement may set a figure a paragraph later)."""
    text = normalised("".join(text_area_texts(edition)))
    claimed = bytearray(len(text))
    items = [(None, part) for part in front_texts(edition.document)]
    items += list(block_texts(edition.document))
    wanted = [normalised(item) for _, item in items]
    places: dict[int, int] = {}
    # Longest first; of equal length, the blocks' before the opener's (which a layout may
    # set in capitals, and which a sign-off may repeat).
    order = sorted(range(len(items)), key=lambda i: (-len(wanted[i]), items[i][0] is None))
    for index in order:
        if wanted[index]:
            place = unclaimed_place(text, wanted[index], claimed)
            if place < 0 and items[index][0] is None:  # front matter a layout set in capitals
                wanted[index] = wanted[index].upper()
                place = unclaimed_place(text, wanted[index], claimed)
            if place >= 0:
                claimed[place:place + len(wanted[index])] = b"\1" * len(wanted[index])
                places[index] = place
    problems, previous = [], -1
    for index, (label, item) in enumerate(items):
        if label is None or not wanted[index]:
            continue
        if index not in places:
            problems.append(f"{label} missing: {excerpt(item)}")
            continue
        times = 1
        while (again := unclaimed_place(text, wanted[index], claimed)) >= 0:
            claimed[again:again + len(wanted[index])] = b"\1" * len(wanted[index])
            times += 1
        if times > 1 and not label.startswith("table"):  # a cell's "–" or "0" may recur
            problems.append(f"{label} printed {times} times: {excerpt(item)}")
        if label.startswith("paragraph"):
            if places[index] < previous:
                problems.append(f"{label} out of order: {excerpt(item)}")
            previous = places[index]
    return problems


def unclaimed_place(text: str, wanted: str, claimed: bytearray) -> int:
    """Where `wanted` first stands in `text` wholly outside the claimed parts, or -1."""
    start = text.find(wanted)
    while start >= 0 and any(claimed[start:start + len(wanted)]):
        start = text.find(wanted, start + 1)
    return start


def block_texts(document: Document) -> Iterator[tuple[str | None, str]]:
    """Every block's texts with the name a report gives each: paragraphs, captions, list
    items, table cells, sign-off lines and notes (headings are checked as bookmarks)."""
    counts: dict[str, int] = {}

    def named(kind: str) -> str:
        counts[kind] = counts.get(kind, 0) + 1
        return f"{kind} {counts[kind]}"

    for block in document.blocks:
        match block:
            case Paragraph():
                yield named("paragraph"), block.text
            case Figure():
                yield f"figure {block.number} caption", block.text
            case List():
                name = named("list")
                for number, text in enumerate(block.texts, 1):
                    yield f"{name} item {number}", text
            case Table():
                name = named("table")
                for number, text in enumerate(block.texts, 1):
                    yield f"{name} cell {number}", text
            case SignOff():
                for number, text in enumerate(block.texts, 1):
                    yield f"sign-off line {number}", text
            case Note():
                yield f"note {block.label}", block.text
            case Heading():
                yield None, block.text
            case _:
                raise UnknownBlock(block, "the text-complete check")


def front_texts(document: Document) -> list[str]:
    """What the opener prints: title, subtitle, organisation, date and the byline's parts."""
    metadata = document.metadata
    byline = document.byline
    parts = [byline.name, *byline.honours, byline.role] if byline else []
    return [metadata.title, metadata.subtitle, metadata.organisation,
            metadata.shown_date, *parts]


def text_area_texts(edition: Edition) -> list[str]:
    """Each page's text inside the layout's margins, so running heads and folios in the
    margins are left out. The margins are measured from the TrimBox (from the MediaBox
    when there is none); pdfium's page coordinates are the PDF's own."""
    page = edition.layout.page
    texts = []
    document = pdfium.PdfDocument(edition.path)
    try:
        pages = zip(edition.pdf.pages, document, strict=True)
        for number, (pdf_page, pdfium_page) in enumerate(pages, 1):
            left, bottom, right, top = rectangle(pdf_page.trimbox)
            margin_left, margin_right = page.side_margins_mm(number)
            text_page = pdfium_page.get_textpage()
            texts.append(text_page.get_text_bounded(
                left + margin_left * POINTS_PER_MM,
                bottom + page.margin_bottom_mm * POINTS_PER_MM,
                right - margin_right * POINTS_PER_MM,
                top - page.margin_top_mm * POINTS_PER_MM,
            ))
    finally:
        document.close()
    return texts


def normalised(text: str) -> str:
    return IGNORED_IN_TEXT.sub("", unicodedata.normalize("NFKC", text))


COMMON_RULES = (
    Rule("fonts-embedded", "error", font_problems),
    Rule("bookmarks", "error", bookmark_problems),
    Rule("text-complete", "error", text_problems),
)
