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
