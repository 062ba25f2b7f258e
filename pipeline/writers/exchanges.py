"""An interview's exchanges, as a magazine sets a Q&A: each question (`Q:`, `問：`) in bold,
and flush left with the answer under it (writers/flush.py), the words as written."""

from __future__ import annotations

from dataclasses import replace

from pipeline.languages import QUESTION
from pipeline.model import Block, Document, Paragraph


def is_question(block: Block | None) -> bool:
    """Whether `block` is an interview's question, a paragraph its label opens."""
    return isinstance(block, Paragraph) and bool(QUESTION.match(block.text))


def questions_in_bold(document: Document) -> Document:
    """The document as the PDF editions set it: each question's words in bold, so the lines
    its justified paragraphs are broken into are measured in the face they are set in."""
    return replace(document, blocks=tuple(
        replace(block, spans=tuple(replace(span, bold=True) for span in block.spans))
        if is_question(block) else block for block in document.blocks))
