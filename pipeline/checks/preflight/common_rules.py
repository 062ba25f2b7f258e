"""The rules for every edition: fonts embedded, every heading in the outline, and every
paragraph and caption printed once, in order."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pikepdf
import pypdfium2 as pdfium

from pipeline.checks.preflight.report import Edition, Rule
from pipeline.model import Document, Figure, Paragraph
from pipeline.writers.pdf.pages import POINTS_PER_MM, paintings, rectangle

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
    """Every paragraph and caption once, in order, in the text of the pages' text areas.

    Once means as often as the document's own text holds it: a short paragraph may also
    be part of a longer one, or a heading."""
    text = normalised("".join(text_area_texts(edition)))
    own_text = normalised("".join(document_texts(edition.document)))
    problems = []
    position = 0
    for label, block in text_blocks(edition.document):
        wanted = normalised(block.text)
        if not wanted:
            continue
        count = text.count(wanted)
        if count == 0:
            problems.append(f"{label} missing: {excerpt(block.text)}")
            continue
        if count > own_text.count(wanted):
            problems.append(f"{label} printed {count} times: {excerpt(block.text)}")
        found = text.find(wanted, position)
        if found < 0:
            problems.append(f"{label} out of order: {excerpt(block.text)}")
        else:
            position = found + len(wanted)
    return problems


def text_blocks(document: Document) -> Iterator[tuple[str, Paragraph | Figure]]:
    paragraphs = 0
    for block in document.blocks:
        if isinstance(block, Paragraph):
            paragraphs += 1
            yield f"paragraph {paragraphs}", block
        elif isinstance(block, Figure):
            yield f"figure {block.number} caption", block


def document_texts(document: Document) -> list[str]:
    """All the text the document puts on its pages: titles, byline and blocks."""
    metadata = document.metadata
    byline = [document.byline.text] if document.byline else []
    return [metadata.title, metadata.subtitle, *byline,
            *(block.text for block in document.blocks)]


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


def excerpt(text: str, length: int = 40) -> str:
    return repr(text if len(text) <= length else text[:length].rstrip() + "…")


COMMON_RULES = (
    Rule("fonts-embedded", "error", font_problems),
    Rule("bookmarks", "error", bookmark_problems),
    Rule("text-complete", "error", text_problems),
)
