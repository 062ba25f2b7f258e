"""Which paragraphs stand at the left, without the paragraph indent, in every edition and
the draft alike."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.languages import CLOSING_SALUTE, CLOSING_WISH, GREETING, detect
from pipeline.model import Block, Paragraph
from pipeline.writers.exchanges import opens_exchange

# A paragraph's own number opening it: "1.2 ", "3.1.4 " (a list's item has a marker instead).
PARAGRAPH_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s")
# A break between a text's sections, a paragraph of its own: three asterisks, spaced or not,
# full-width too, or the asterism ("* * *", "＊＊＊", "⁂").
SECTION_BREAK = re.compile(r"(?:[*\uff0a]\s*){3}|\u2042")


def flush_left(blocks: Sequence[Block]) -> frozenset[int]:
    """The paragraphs set at the left, without the paragraph indent: a letter's greeting on
    a line of its own ("Dear members,", "敬啟者："), and the paragraph under it, as under a
    heading; the line its closing wish is addressed to ("各位會員" under "此致", "身體健康"
    under "祝") and the salute under it ("敬禮"), where a Chinese letter indents the wish
    and sets the addressee flush (頂格); and a paragraph opening with its own number ("1.2
    The Faculty Board …"), as a report numbers its paragraphs, the number standing out at
    the left in place of an indent; a section break (`* * *`, centred) and the paragraph
    under it, which opens a section, as under a heading; an interview's question (or an
    exchange's label) and the answer under it (writers/exchanges.py), where the language
    indents no paragraph there."""
    found = set()
    greeting = greetings(blocks)
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        before = blocks[index - 1] if index else None
        after_paragraph = before.text.strip() if isinstance(before, Paragraph) else ""
        if (index in greeting or PARAGRAPH_NUMBER.match(block.text)
                or CLOSING_SALUTE.fullmatch(block.text.strip())
                or CLOSING_WISH.fullmatch(after_paragraph)
                or breaks_sections(block)
                or ((index - 1 in greeting or breaks_sections(before)
                     or opens_exchange(block) or opens_exchange(before))
                    and not profile_indents(block))):
            found.add(index)
    return frozenset(found)


def breaks_sections(block: Block | None) -> bool:
    """Whether `block` is a break between sections, a paragraph of its own (SECTION_BREAK)."""
    return isinstance(block, Paragraph) and bool(SECTION_BREAK.fullmatch(block.text.strip()))


def greets(block: Block | None) -> bool:
    """Whether `block` is a greeting on a line of its own."""
    return isinstance(block, Paragraph) and bool(GREETING.fullmatch(block.text.strip()))


def greetings(blocks: Sequence[Block]) -> frozenset[int]:
    """The letter's greetings ("Dear members,", "各位會員及家屬："); not a greeting right under
    another in a language that indents every paragraph ("大家好！" under "各位會員及家屬："),
    which opens the letter's text, indented as its first paragraph (a Chinese letter sets
    the addressee flush, 頂格, and greets them on the next line, two characters in)."""
    return frozenset(index for index, block in enumerate(blocks) if greets(block) and not (
        index and greets(blocks[index - 1]) and profile_indents(block)))


def profile_indents(block: Paragraph) -> bool:
    """Whether the paragraph's language indents every paragraph, the first under a greeting
    too (Chinese: two characters)."""
    return detect(block.text).paragraph_indent > 0
