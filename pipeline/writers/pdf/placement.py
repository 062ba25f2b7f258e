"""Figure placement and hyphen ladders, mended after a layout.

No page but the last is left more than a third empty:
A figure that does not fit at the foot of a page goes whole to the next one, and leaves a
hole where it would have stood. After a layout, every such hole is mended the way a
typesetter would: the figure is scaled down to fit the space, within limits (no smaller
than MIN_SCALE of the column), or else set after the paragraph (or list, or table) that
follows it, so the text fills the gap and the figure heads the next page. The mends cost
one more layout, and a third when the second shows holes of its own; at most MAX_PASSES
layouts are made.

No more than a layout's `max_lines` hyphenated lines in a row: the word broken at the end of
a line that would make the ladder longer is left whole in the next layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pipeline.writers.html import Placement

MAX_EMPTY = 1 / 3  # of a page's text area, on any page but the last
MIN_SCALE = 0.6  # a figure is scaled to no less than this share of the column's width
MAX_PASSES = 3
# The blocks a figure may be set after: running text, not a heading, a sign-off or a note.
RUNNING_TEXT = ("paragraph", "list", "table")
FIT_MARGIN = 0.97  # scale a little below the exact fit: captions rewrap
ADDED_HYPHEN = "\u2010"  # the hyphenate-character WeasyPrint adds where it breaks a word
LETTERS_AT_END = re.compile(r"[^\W\d_]+$")
LETTERS_AT_START = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Hole:
    """A page left too empty, because the block heading the next page did not fit."""

    space: float  # the height left empty, in CSS pixels
    block: int  # the data-block index of the block heading the next page
    tag: str  # its element's name: "figure", "p", "h2" ...
    height: float  # its height on the next page
    picture_height: float  # for a figure: its picture's (or placeholder's) height


def mended(placement: Placement, hole: Hole, kinds: list[str], count: int) -> Placement | None:
    """The placement with `hole` mended, or None when it cannot be: the block heading the
    next page is not a figure, or it can be neither scaled to fit nor set later."""
    if hole.tag != "figure":
        return None
    scale = placement.scales.get(hole.block, 1.0)
    fitting = scale * fitting_scale(hole.space, hole.picture_height,
                                    hole.height - hole.picture_height)
    if fitting >= MIN_SCALE:
        return replace(placement, scales={**placement.scales, hole.block: min(fitting, scale)})
    order = list(placement.ordered(count))
    position = order.index(hole.block)
    if position + 1 < len(order) and kinds[order[position + 1]] in RUNNING_TEXT:
        order[position], order[position + 1] = order[position + 1], order[position]
        return replace(placement, order=tuple(order))
    return None


def fitting_scale(space: float, picture: float, rest: float) -> float:
    """The share of its width at which a figure fits `space`: its picture shrinks with the
    width, while its caption (`rest`, with the margins) grows as its lines get shorter, so
    picture * s + rest / s <= space; 0 when nothing fits."""
    if picture <= 0:
        return 0.0
    discriminant = space * space - 4 * picture * rest
    if discriminant < 0:
        return 0.0
    return min(1.0, FIT_MARGIN * (space + discriminant ** 0.5) / (2 * picture))


def holes(pages) -> Iterator[Hole]:
    """Each page but the last (of WeasyPrint's laid-out pages) left more than MAX_EMPTY
    empty, with what heads the page after it."""
    for page, following in zip(pages, pages[1:], strict=False):
        box = page._page_box
        top, bottom = box.content_box_y(), box.content_box_y() + box.height
        used = max((end for _, _, _, end in placed_blocks(box)), default=top)
        space = bottom - used
        if space <= MAX_EMPTY * (bottom - top):
            continue
        heading = next(placed_blocks(following._page_box), None)
        if heading is None:
            continue
        block, element, start, end = heading
        yield Hole(space, block, element.tag, end - start, picture_height(element, following))


def all_mended(placement: Placement, found: list[Hole], kinds: list[str]) -> Placement:
    """The placement with every hole mended that can be: each figure is mended on its own,
    so one more layout mends them all (each shifts what follows it a little)."""
    for hole in found:
        placement = mended(placement, hole, kinds, len(kinds)) or placement
    return placement


def placed_blocks(page_box) -> Iterator[tuple[int, object, float, float]]:
    """(block index, element, top, bottom) of each block on a page, in order."""
    for element, box in outer_boxes(page_box):
        if element.get("data-block"):
            yield (int(element.get("data-block")), element, box.position_y,
                   box.position_y + box.margin_height())


def picture_height(figure, page) -> float:
    """The height of a figure's picture (or placeholder) on `page`."""
    pictures = [child for child in figure if child.tag in ("img", "div")]
    for element, box in outer_boxes(page._page_box):
        if any(element is picture for picture in pictures):
            return box.margin_height()
    return 0.0


def outer_boxes(page_box) -> Iterator[tuple[object, object]]:
    """Each element on the page with its outermost box (its lines and text are inside)."""
    seen = set()
    for box in descendants(page_box.children[0]):
        if box.element is not None and id(box.element) not in seen:
            seen.add(id(box.element))
            yield box.element, box


def descendants(box) -> Iterator:
    yield box
    for child in getattr(box, "children", ()):
        yield from descendants(child)


def ladder_words(pages, max_lines: int) -> frozenset[tuple[int, str]]:
    """(block, word) of each word whose hyphenation makes a ladder of more than `max_lines`
    hyphenated lines: the word broken at the end of the first line beyond the limit."""
    found = set()
    for block, lines in block_lines(pages).items():
        run = 0
        for line, following in zip(lines, [*lines[1:], ""], strict=True):
            run = run + 1 if line.endswith(("-", ADDED_HYPHEN)) else 0
            if run > max_lines and line.endswith(ADDED_HYPHEN) and following:
                head = LETTERS_AT_END.search(line[:-1])
                tail = LETTERS_AT_START.match(following)
                if head and tail:
                    found.add((block, head.group() + tail.group()))
                run = 0
    return frozenset(found)


def block_lines(pages) -> dict[int, list[str]]:
    """Each block's lines of text, in order, across pages, without their soft hyphens."""
    lines: dict[int, list[str]] = {}
    for page in pages:
        for element, box in outer_boxes(page._page_box):
            if element.get("data-block") and element.tag == "p":
                lines.setdefault(int(element.get("data-block")), []).extend(
                    "".join(text_of(line)).replace("\u00ad", "") for line in box.children)
    return lines


def text_of(box) -> Iterator[str]:
    text = getattr(box, "text", None)
    if text is not None:
        yield text
    for child in getattr(box, "children", ()):
        yield from text_of(child)


def continued_pages(pages) -> set[int]:
    """The pages (from 0) whose first block is the rest of the last block of the page before:
    a paragraph cut by a page break."""
    blocks = [[block for block, *_ in placed_blocks(page._page_box)] for page in pages]
    return {number for number in range(1, len(blocks))
            if blocks[number] and blocks[number - 1]
            and blocks[number][0] == blocks[number - 1][-1]}
