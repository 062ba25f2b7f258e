"""An interview's exchanges, as a magazine sets a Q&A: each question (`Q:`, `問：`) in bold,
and flush left with the answer under it (writers/flush.py), the words as written. A label
alone on its line over the question or the reply it labels (`Question:`, `Reply:`,
`答覆：`, as a reply to a legislator's question sets them) opens its exchange so too."""

from __future__ import annotations

from dataclasses import replace

from pipeline.languages import EXCHANGE_LABEL, QUESTION
from pipeline.model import Block, Document, Paragraph


def opens_exchange(block: Block | None) -> bool:
    """Whether `block` opens an exchange: a paragraph an interview's question's label opens,
    or an exchange's label alone."""
    return isinstance(block, Paragraph) and bool(
        QUESTION.match(block.text) or EXCHANGE_LABEL.fullmatch(block.text.strip()))


def questions_in_bold(document: Document) -> Document:
    """The document as the PDF editions set it: each question's words (or label's) in bold,
    so the lines its justified paragraphs are broken into are measured in the face they are
    set in."""
    return replace(document, blocks=tuple(
        replace(block, spans=tuple(replace(span, bold=True) for span in block.spans))
        if opens_exchange(block) else block for block in document.blocks))
