"""A running head on one line: a title or a heading longer than the head's line is shortened,
as an editor gives a long title a short form for its running heads (Chicago 1.10): to the
part before its subtitle (at a colon or a spaced dash) where that fits, or to the part after
a division's label ("Chapter 4: Research and innovation"), else to the words
that fit, closed by an ellipsis, never after a word that leads on ("in", "of": the language's
`unending_words`); Chinese, written without spaces, to the characters that fit,
closed by its ellipsis of two (……). Measured as the renderer sets the head: its font, size
and letter spacing, shaped with the layout's faces (writers/shaping.py), on the text area's
width, which the margin box heading a page spans.
"""

from __future__ import annotations

import re

from pipeline.languages import own_language, profile_for
from pipeline.layouts import Layout
from pipeline.writers.shaping import TextStyle, shaper

PX_PER_PT = 96 / 72
PX_PER_MM = 96 / 25.4
# Where a title's subtitle starts: "Chapter 4: Research and innovation", "Annual review – 2024".
SUBTITLE = re.compile(r"[:：]\s*|\s[\u2013\u2014]\s")
PAUSES = " ,;:\u3001\uff0c\uff1b\uff1a"  # a shortened head's ellipsis takes their place


def running_head(text: str, layout: Layout, families: tuple[str, ...], language: str) -> str:
    """`text` as the layout's running heads can set it on one line, in `families` (the
    head's font and the faces for the other scripts after it)."""
    furniture = layout.running_heads
    if furniture is None:
        return text
    size = furniture.size_pt * PX_PER_PT
    style = TextStyle(families, size, letter_spacing=furniture.letter_spacing_em * size,
                      language=language)
    measure = layout.page.measure_mm * PX_PER_MM
    widths = shaper(layout.fonts_folder)

    def fits(candidate: str) -> bool:
        return widths.width(candidate, style) <= measure

    if fits(text):
        return text
    # A head in another language than the document's (an English title over a bilingual
    # release read as Chinese) is shortened as its own language writes it.
    profile = own_language(text, profile_for(language))
    parts = [part.strip() for part in SUBTITLE.split(text, maxsplit=1)]
    if len(parts) == 2 and all(parts):
        first, rest = parts
        if profile.division and re.fullmatch(profile.division, first):
            text = rest  # the title proper, after its chapter's label
            if fits(text):
                return text
        elif fits(first):
            return first
    spaced = profile.words_spaced
    ellipsis = "\u2026" if spaced else "\u2026\u2026"
    pieces = text.split(" ") if spaced else list(text)
    joiner = " " if spaced else ""
    for count in range(len(pieces) - 1, 0, -1):
        shortened = joiner.join(pieces[:count]).rstrip(PAUSES)
        last = shortened.rsplit(" ", 1)[-1].casefold()
        if last not in profile.unending_words and fits(shortened + ellipsis):
            return shortened + ellipsis
    return text
