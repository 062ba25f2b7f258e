"""An interview's exchanges, as a magazine sets a Q&A: each question (`Q:`, `問：`) in bold,
and flush left with the answer under it (writers/flush.py), the words as written. A label
alone on its line over the question or the reply it labels (`Question:`, `Reply:`,
`答覆：`, as a reply to a legislator's question sets them) opens its exchange so too. A
transcript's turns (`TR: …`, `GRACE ADEBAYO: …`), and an interview's written by its speakers'
names (`Daniel: …` over `Ruth: …`), each have their speaker in bold, as a transcript sets them
apart."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.languages import EXCHANGE_LABEL, NAMED_TURN, QUESTION, detect, interview_speakers
from pipeline.model import Block, Document, Paragraph, Span


def opens_exchange(block: Block | None) -> bool:
    """Whether `block` opens an exchange: a paragraph an interview's question's label opens,
    or an exchange's label alone."""
    return isinstance(block, Paragraph) and bool(
        QUESTION.match(block.text) or EXCHANGE_LABEL.fullmatch(block.text.strip()))


def questions_in_bold(document: Document) -> Document:
    """The document as the PDF editions set it: each question's words (or label's) in bold,
    so the lines its justified paragraphs are broken into are measured in the face they are
    set in."""
    speakers = interview_speakers([*(block.text for block in document.blocks
                                     if isinstance(block, Paragraph)), document.metadata.author])
    return replace(document, blocks=tuple(
        replace(block, spans=tuple(replace(span, bold=True) for span in block.spans))
        if opens_exchange(block) else spoken(block, speakers) for block in document.blocks))


# A turn's opening, in any language: a colon within its first words.
SPOKEN = re.compile(r".{1,32}[:\uff1a]")


def spoken(block: Block, speakers: frozenset[str] = frozenset()) -> Block:
    """A transcript's turn with its speaker in bold (`TR:` in `TR: What has changed
    most?`), and so an interview's turn by one of its `speakers` (`Daniel:` in `Daniel:
    What drew you to the garden?`); any other block as it is."""
    if not isinstance(block, Paragraph) or not block.spans or not SPOKEN.match(block.text):
        return block  # most paragraphs: no language asked about them
    named = NAMED_TURN.match(block.text)
    speaker = (named.group().rstrip() if named and named["name"] in speakers
               else detect(block.text).speaker(block.text))
    first = block.spans[0]
    if not speaker or not first.text.startswith(speaker) or first.note or first.link:
        return block
    label: Span = replace(first, text=speaker, bold=True)
    return replace(block, spans=(label, replace(first, text=first.text[len(speaker):]),
                                 *block.spans[1:]))
