"""The marked-up source written from a document: what an imported DOCX becomes.

The form is described in readers/markup.py; read_markup gives the written document back.
"""

from __future__ import annotations

from pipeline.model import Block, Document, Figure, Heading, Paragraph, Span, UnknownBlock


def write_markup(document: Document) -> str:
    """The marked-up source of `document`: read_markup gives the document back."""
    meta = document.metadata
    # Subtitle is always written: left out, it would come back from the metadata.
    header = [f"Title: {meta.title}".rstrip(), f"Subtitle: {meta.subtitle}".rstrip()]
    if document.byline is not None:
        header.append(f"Byline: {document.byline.text}")
    blocks = ["\n".join(header), *(write_block(block, meta.images) for block in document.blocks)]
    return "\n\n".join(blocks) + "\n"


def write_block(block: Block, images: dict[int, str]) -> str:
    match block:
        case Heading():
            return f"{'#' * block.level} {escaped(block.text)}"
        case Figure():
            # An image the metadata names is left to it, so a new one named there takes effect.
            image = "" if block.image == images.get(block.number) else block.image or ""
            return f"![{write_spans(block.caption, '[]')}]({image})"
        case Paragraph():
            text = write_spans(block.spans)
            # A paragraph must not read as a heading or a figure.
            return "\\" + text if text.startswith(("#", "!")) else text
    raise UnknownBlock(block, "the marked-up writer")


def write_spans(spans: tuple[Span, ...], special: str = "") -> str:
    parts = []
    bold = italic = False
    for span in (*spans, Span("")):
        parts.append("*" * (2 * (span.bold != bold) + (span.italic != italic)))
        parts.append(escaped(span.text, special))
        bold, italic = span.bold, span.italic
    return "".join(parts)


def escaped(text: str, special: str = "") -> str:
    return "".join("\\" + c if c in "\\*" + special else c for c in text)
