"""Words kept apart at line ends, and links as tall as their line: mended after layout.

WeasyPrint 70 drops the space at which a line breaks and draws nothing for a `<br>`, so text
read back from the PDF (through its structure, as assistive technology reads it, or copied)
runs the last word of a line into the first of the next: `People'sRepublic`. After layout,
the last text box of each line that ended at a space or a line break draws a space at its
end: a glyph past the line's last character, invisible, that keeps the words apart for any
reader of the text. So does a text box followed by a space that nothing drew (WeasyPrint
draws no box of white space alone, as the space between two elements). A line broken
inside a word (after a hyphen, inside an address) or between Chinese characters had no
space there, and gets none.

A note reference is a small superior figure without a line height of its own, so its link
had a box of no height; every link's box is made as tall as its line.

WeasyPrint 70 passes a link on to every inline box inside its <a> (an address's <span>, an
<em>), and annotates each: a link whose words sit in such a box was two annotations over the
same words, the inner one tagged inside a Span, which a screen reader announced as two links
and the Tab key stopped at twice. Only the <a>'s own boxes (one a line it is set on) keep
their annotations: PDF/UA-1 (7.18.5) asks each to be in a Link element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.languages import UNSPACED
from pipeline.writers.pdf.justification import block_lines, text_boxes
from pipeline.writers.pdf.placement import ADDED_HYPHEN

LINE_BREAK = "\u2028"  # stands for a <br> in a block's source text
# A line ending with one was broken inside a word (by the writer, where it broke the line
# itself: a hyphen added, a compound's own), and gets no space.
HYPHENS = (ADDED_HYPHEN, "-")
COLLAPSED = re.compile(r"[ \t\n\r\f]+")  # white space as CSS collapses it
LONE_LINE_FEED = re.compile(r"(?<! )\n")  # a line end the writer made between two characters
# A line kept as a line (<br>) between two characters of a language written without spaces
# (主席 over 潘樂勤): read on with nothing between, as the writer's own line ends there are.
UNSPACED_CHARACTER = re.compile(f"[{UNSPACED}]")


def space_line_ends(pages) -> None:
    """A space drawn after each text box followed by a space or a line break that nothing
    draws, in WeasyPrint's laid-out `pages` (changed in place)."""
    lines_of: dict[int, tuple] = {}  # block element -> (element, its lines on each page)
    for number, page in enumerate(pages):
        for block, line in block_lines(page._page_box):
            if block.element is not None:
                on_pages = lines_of.setdefault(id(block.element), (block.element, {}))[1]
                on_pages.setdefault(number, []).append(line)
    for element, on_pages in lines_of.values():
        for box in boxes_before_breaks(source_text(element), list(on_pages.values())):
            box.pango_layout.text += " "


def boxes_before_breaks(source: str, pages_lines: list[list]) -> Iterator:
    """The text boxes followed in `source`, the block's text, by white space or a line
    break that nothing draws: the space a line broke at, a <br>, or a space between two
    elements (a box of white space alone is not drawn). The lines' text boxes, a list of
    them for each page the block is on, are found in `source` in order; a page whose lines
    do not go on from the page before is the block drawn again (a table's header row or
    title over its rows continued), read from the block's start. Where a page's boxes
    cannot all be found, its lines and those of the pages after keep their spaces as they
    are."""
    cursor, previous = 0, None
    for lines in pages_lines:
        first = next((box for line in lines for box in source_boxes(line) if box.text.strip()),
                     None)
        if first is not None and found_at(source, cursor, first.text)[0] < 0:
            cursor, previous = 0, None
        found = []
        for line in lines:
            for box in source_boxes(line):
                if not box.text.strip():
                    continue
                start, text = found_at(source, cursor, box.text)
                if start < 0:
                    return
                if (previous is not None and re.search(r"[ \u2028]", source[cursor:start])
                        and not previous.text.endswith((" ", *HYPHENS))
                        and not text.startswith(" ")
                        and not unspaced_break(previous.text, source[cursor:start], text)):
                    found.append(previous)
                cursor, previous = start + len(text), box
        yield from found


def unspaced_break(before: str, gap: str, after: str) -> bool:
    """Whether a line break `gap` (a <br> alone) parts two characters of a language written
    without spaces, where a reader reads on with nothing between."""
    return (gap == LINE_BREAK and UNSPACED_CHARACTER.fullmatch(before[-1:]) is not None
            and UNSPACED_CHARACTER.fullmatch(after[:1]) is not None)


def source_boxes(line) -> Iterator:
    """The text boxes of a line in order, with those of the inline blocks its source holds (a
    note's number, whose box ends at the space after it, which it therefore never draws); not
    a pseudo-element's (a list item's label), which its block's source text does not hold."""
    from weasyprint.formatting_structure import boxes

    for box in line.children:
        if isinstance(box, boxes.InlineBlockBox):
            if "::" not in box.element_tag:
                for inner in box.children:
                    yield from source_boxes(inner)
        elif isinstance(box, boxes.InlineBox):
            yield from source_boxes(box)
        else:
            yield from text_boxes(box)


def found_at(source: str, cursor: int, text: str) -> tuple[int, str]:
    """Where `text`, a text box's, first stands in `source` from `cursor` on (past what a
    line break leaves unseen, or text laid out in boxes of its own, as an inline block's),
    and the text as found there (without the hyphen WeasyPrint adds at a line's end); -1
    when it is not there."""
    places = [(source.find(shown, cursor), shown)
              for shown in (text, text.removesuffix(ADDED_HYPHEN)) if shown]
    return min(((start, shown) for start, shown in places if start >= 0),
               default=(-1, text))


def source_text(element, lined: bool = False) -> str:
    """A block's text as CSS lays it out: white space collapsed, each <br> a LINE_BREAK but
    a heading's balancing one, which breaks no words apart (the space before it, where its
    words are spaced, does). A line feed that ends a line (writers/line_breaks.py) is left a
    space: like one, it is a break that nothing draws; but in a block the writer broke on
    its grid (`lined`, its `data-grid`: Chinese), where one alone, between two characters or
    inside an address, is nothing, as no space stood there."""
    lined = lined or element.get("data-grid") is not None
    parts = [collapsed(element.text or "", lined)]
    for child in element:
        if child.tag == "br":
            parts.append("" if child.get("class") == "balancing" else LINE_BREAK)
        else:
            parts.append(source_text(child, lined))
        parts.append(collapsed(child.tail or "", lined))
    return "".join(parts)


def collapsed(text: str, lined: bool) -> str:
    """`text` with its white space collapsed; in a block the writer broke on its grid, a line
    feed with no space before it dropped (source_text)."""
    return COLLAPSED.sub(" ", LONE_LINE_FEED.sub("", text) if lined else text)


def links_of_their_own(pages) -> None:
    """Only the link annotations of the boxes that are links themselves (an <a>'s pieces),
    not those of the boxes inside them that WeasyPrint passed the link on to."""
    for page in pages:
        page.links[:] = [link for link in page.links if link[3].link is not None]


def links_as_tall_as_their_lines(pages) -> None:
    """Each link's box from the top of its line to its foot."""
    for page in pages:
        line_of = {id(box): line for _, line in block_lines(page._page_box)
                   for box in inline_boxes(line)}
        for index, (kind, target, (x1, y1, x2, y2), box) in enumerate(page.links):
            line = line_of.get(id(box))
            if line is not None:
                top, bottom = line.position_y, line.position_y + line.height
                page.links[index] = (kind, target, (x1, min(y1, top), x2, max(y2, bottom)), box)


def inline_boxes(box) -> Iterator:
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, (boxes.InlineBox, boxes.TextBox)):
            yield child
            yield from inline_boxes(child)
