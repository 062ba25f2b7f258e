"""Lists broken across pages as a typesetter breaks them (the house style's "no widows or
orphans"): no page's foot or head holds a single line of a list. The item holding such a
line is kept with the next item (at a foot: the lead-in, kept with the list, goes over with
them) or with the one before (at a head), base.css's `kept-with-next` and
`kept-with-previous`.

Neither keep may leave a page more than MAX_EMPTY empty, nor may an item holding a nested
list, kept whole (base.css): where the page before a list's part is left so, its items
holding lists are let split between their nested items or after their own text (`split`, two
lines at least on each page, as the keeps see to: a lead-in at a page's foot keeps its first
item's first lines, the rest of the list running on), and where that is not enough, or it
has none, its keeps are let go (`loose_lists`): a single line at a page's foot is the lesser
fault than a page left empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from pipeline.writers.html import Placement
from pipeline.writers.pdf.placement import (
    HEADINGS,
    MAX_EMPTY,
    holes,
    line_boxes,
    outer_boxes,
    placed_blocks,
)

LISTS = ("ul", "ol")
LIST_LINES = 2  # a list's lines kept at least at a page's foot and at its head


def list_breaks(placement: Placement, pages) -> Placement:
    """The placement with each list break the layout (WeasyPrint's `pages`) shows leaving a
    single line at a page's foot or head kept from doing so, and each list heading a page
    left too empty let split or let go."""
    for hole in holes(pages):
        if heading_list := list_heading(pages, hole):
            placement = opened(placement, heading_list, pages)
    for page in pages[:-1]:
        if ending_list := list_ending_short(page._page_box):
            placement = opened(placement, ending_list, pages)
    for page, following in zip(pages, pages[1:], strict=False):
        here, there = list_lines(page._page_box), list_lines(following._page_box)
        for block in here.keys() & there.keys() - placement.loose_lists:
            element, foot = here[block]
            if len(foot) < LIST_LINES:
                placement = kept(placement, block, element, foot[-1], "next")
            if len(there[block][1]) < LIST_LINES:
                placement = kept(placement, block, element, there[block][1][0], "previous")
    return placement


def list_heading(pages, hole) -> int | None:
    """The list heading the page after `hole`, or kept heading it with what base.css keeps
    with it: the headings above it and its lead-in; the block, or None."""
    if hole.tag in LISTS:
        return hole.block
    following = next(page for page in pages if any(
        block == hole.block for block, *_ in placed_blocks(page._page_box)))
    placed = [(block, element.tag) for block, element, *_ in placed_blocks(following._page_box)]
    while placed and placed[0][1] in HEADINGS:
        placed.pop(0)
    if placed and placed[0][1] == "p":
        placed.pop(0)
    return placed[0][0] if placed and placed[0][1] in LISTS else None


def list_ending_short(page_box) -> int | None:
    """The list going on overleaf from a page it leaves more than MAX_EMPTY empty below its
    last line (its box, cut by the page break, reaches the page's foot, so `holes` sees no
    hole): the block, or None."""
    placed = list(outer_boxes(page_box))
    blocks = [(element, box) for element, box in placed if element.get("data-block")]
    if not blocks or blocks[-1][0].tag not in LISTS:
        return None
    element, box = blocks[-1]
    top, bottom = page_box.content_box_y(), page_box.content_box_y() + page_box.height
    lines = [line.position_y + line.margin_height() for line in line_boxes(box)]
    if not lines or bottom - max(lines) <= MAX_EMPTY * (bottom - top):
        return None
    return int(element.get("data-block"))


def kept(placement: Placement, block: int, element, item, side: str) -> Placement:
    """The placement with `item` of list `block` (its element) kept with its neighbour on
    `side`."""
    number = next((number for number, each in enumerate(element.iter("li")) if each is item),
                  None)
    if number is None:  # a line of the list outside its items: none to keep
        return placement
    return replace(placement, kept_items=placement.kept_items | {(block, number, side)})


def opened(placement: Placement, block: int, pages) -> Placement:
    """The placement with list `block`, heading a page after one left too empty, let split
    between the nested items of its items holding lists, or after their own text, or, where it
    was already or has none, its items no longer kept with their neighbours."""
    element = next(element for page in pages for element, _ in outer_boxes(page._page_box)
                   if element.get("data-block") == str(block))
    holds_lists = any(item.find(tag) is not None for item in element.iter("li") for tag in LISTS)
    if holds_lists and block not in placement.split_lists:
        return replace(placement, split_lists=placement.split_lists | {block})
    keeps = frozenset(keep for keep in placement.kept_items if keep[0] == block)
    if not keeps:
        return placement
    return replace(placement, kept_items=placement.kept_items - keeps,
                   loose_lists=placement.loose_lists | {block})


def list_lines(page_box) -> dict[int, tuple[object, list]]:
    """Each list block on a page: its element, and the item (element) holding each of its
    lines on the page, in order."""
    return {int(element.get("data-block")): (element, list(line_items(box, None)))
            for element, box in outer_boxes(page_box)
            if element.tag in LISTS and element.get("data-block")}


def line_items(box, item) -> Iterator:
    """The innermost list item (`item` outside any) holding each line in `box`."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.LineBox):
            yield item
        elif not isinstance(child, boxes.InlineBox):
            inner = child.element if getattr(child.element, "tag", None) == "li" else item
            yield from line_items(child, inner)
