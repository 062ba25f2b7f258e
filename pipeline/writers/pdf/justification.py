"""Lines justified between their characters, as the house style wants Chinese set (a profile
whose `spread_characters` are set: pipeline/languages/).

WeasyPrint 70 justifies a line by widening its spaces only (layout/inline.py, justify_line),
and a line of Chinese has none: it is left short of the measure by a fraction of a
character, or by one or two where a closing mark may not begin the next line. After layout,
each such line of a justified block (its last line aside) gets the space it lacks spread
evenly after its characters, by a letter spacing of its own text boxes (CSS Text 3's
inter-character justification); a line WeasyPrint justified at its spaces is already full.
A line lacking much more, before a long address, is left short rather than letter-spaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.languages import PROFILES, Profile

FULL = 0.01  # CSS pixels short of the measure at which a line counts as full
# The most a line may lack and still be spread, in characters (ems): a line of Chinese lacks
# two at most, where what may not start a line (a closing mark, a dash) is kept with the
# character before; one lacking more stands before a long address or Latin word that no
# break lets start on it, and is left short rather than spaced out letter by letter.
WIDEST_SPREAD = 2.5


def justify_between_characters(pages, scripts: frozenset[Profile]) -> None:
    """Spread the lacking space of each short line of a justified block (WeasyPrint's
    laid-out pages, changed in place) between its characters, where the line is in a
    language of the document's `scripts` that is so justified (Chinese)."""
    spread_characters = "|".join(profile.spread_characters for profile in PROFILES
                                 if profile in scripts and profile.spread_characters)
    if not spread_characters:
        return
    lines_of: dict[int, list] = {}  # block element -> its lines, in order across pages
    for page in pages:
        for block, line in block_lines(page._page_box):
            if block.style["text_align_all"] == "justify" and block.element is not None:
                lines_of.setdefault(id(block.element), []).append((block, line))
    for lines in lines_of.values():
        for block, line in lines[:-1]:  # a paragraph's last line stays short
            spread(line, block, spread_characters)


def block_lines(box) -> Iterator[tuple]:
    """(block, line) for every line box under `box`, its block the box holding it."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.LineBox):
            yield box, child
        elif isinstance(child, boxes.ParentBox):
            yield from block_lines(child)


def spread(line, block, spread_by: str) -> None:
    lacking = block.content_box_x() + block.width - line_end(line)
    characters = sum(len(text_box.text) for text_box in text_boxes(line))
    text = "".join(text_box.text for text_box in text_boxes(line))
    if lacking <= FULL or characters < 2 or not re.search(spread_by, text):
        return
    if lacking > WIDEST_SPREAD * block.style["font_size"]:
        return  # left short, as the writer leaves an English line before a long address
    # After every character but the last: the last one's spacing falls beyond the measure.
    widened(line, lacking / (characters - 1), 0.0)


def line_end(line) -> float:
    return max((child.position_x + child.margin_width() for child in line.children),
               default=line.position_x)


def text_boxes(box) -> Iterator:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        yield box
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        for child in box.children:
            yield from text_boxes(child)


def widened(box, spacing: float, advance: float) -> float:
    """`box` moved right by `advance` and its characters spaced by `spacing` more; returns the
    advance of what follows it (as WeasyPrint's add_word_spacing does for spaces)."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        box.position_x += advance
        style = box.style.copy()  # the line's own: the paragraph's other lines share it
        letter_spacing = style["letter_spacing"]
        style["letter_spacing"] = (0 if letter_spacing == "normal" else letter_spacing) + spacing
        box.style = style
        extra = spacing * len(box.text)
        box.width += extra
        return advance + extra
    if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += advance
        start = advance
        for child in box.children:
            if child.is_in_normal_flow():
                advance = widened(child, spacing, advance)
        box.width += advance - start
        return advance
    box.translate(advance, 0)
    return advance
