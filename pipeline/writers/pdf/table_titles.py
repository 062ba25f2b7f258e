"""A table's title on the table's first page without "(continued)".

The HTML writer sets a table's title as the first row of its head (writers/html/blocks.py),
which WeasyPrint repeats over the table's rest on each later page, where the title says that
the table goes on ("(continued)", "（續）"), as a typesetter sets a continued table. On the
table's first page it is the title alone: the word is taken out of that page's last line of
the title after layout. Bound to the title's last word (no break before it), it ends that
line, so taking it out leaves the line shorter and moves nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator

CONTINUED = "continued"  # the class of the span the HTML writer sets the word in


def first_titles_uncontinued(pages) -> None:
    """The word saying a table goes on taken out of each table's title on the first of
    WeasyPrint's laid-out `pages` (changed in place) that the table stands on."""
    seen: set[str] = set()
    for page in pages:
        for table in table_boxes(page._page_box):
            block = table.element.get("data-block")
            if block in seen:
                continue
            seen.add(block)
            for parent, box in boxes_with_parents(table):
                if box.element_tag == "span" and box.element.get("class") == CONTINUED:
                    parent.children = [child for child in parent.children if child is not box]


def feet_under_last_rows(pages) -> None:
    """Each page's part of a table with its foot right under its last row (WeasyPrint's
    laid-out `pages`, changed in place). Where WeasyPrint moves a page break a row earlier
    (a row kept with the next, `break-before: avoid`), the rows it takes back leave their
    height in their group's, and the foot, whose rule closes the part, is set that far
    below the last row printed (16 mm under it, where a row was taken back)."""
    for page in pages:
        for wrapper in table_boxes(page._page_box):
            for table in getattr(wrapper, "children", ()):
                groups = getattr(table, "children", ())
                foot = groups[-1] if groups and getattr(groups[-1], "is_footer", False) else None
                rows = [row for group in groups if not (group.is_header or group.is_footer)
                        for row in group.children]
                if foot is None or not rows:
                    continue
                gap = foot.position_y - (rows[-1].position_y + rows[-1].height)
                if gap > FOOT_SLACK:
                    foot.translate(dy=-gap)


FOOT_SLACK = 0.5  # CSS pixels a foot may stand under the last row: the renderer's rounding


def table_boxes(box) -> Iterator:
    """The outermost box of each table inside `box`; lines, which hold none, are not
    walked."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if child.element_tag == "table":
            yield child
        elif not isinstance(child, boxes.LineBox):
            yield from table_boxes(child)


def boxes_with_parents(box) -> Iterator[tuple[object, object]]:
    """(parent, box) of every box inside `box`, in document order."""
    waiting = [(box, child) for child in reversed(getattr(box, "children", ()))]
    while waiting:
        parent, box = waiting.pop()
        yield parent, box
        waiting.extend((box, child) for child in reversed(getattr(box, "children", ())))
