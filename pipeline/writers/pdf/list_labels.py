"""List labels drawn just before their items' text, and tagged as their items' labels.

WeasyPrint 70 lays a list's outside markers out as positioned boxes, and paints positioned
boxes after the page's text in the flow (CSS 2.1, appendix E): every label (1., (a), 一、, a
bullet) came last in its page's content, so copying, searching, reflow, `pdftotext` and any
reader of the content in its order (ISO 32000-1, 14.8.2.3) found a page's labels together
after all of its text. Each label is set instead in its item's first line (base.css: the
item's `::before`, an inline block hanging in the indent), drawn where it is read.

WeasyPrint tags a marker's box, `li::marker`, as the item's label (`Lbl`); the label's box
is named so after layout, and tagged so where it stands, at the start of the item's body:
the structure tree sets it before the body (structure_tree.py), as the marker's always was.
"""

from __future__ import annotations

from collections.abc import Iterator

LABEL = "li::before"  # the box base.css sets an item's label in
MARKER = "li::marker"  # the box WeasyPrint tags as a list item's Lbl


def labels_as_markers(pages) -> None:
    """Each list item's label box in WeasyPrint's laid-out `pages` (changed in place) named
    as the item's marker, which WeasyPrint tags as its Lbl."""
    for page in pages:
        for box in label_boxes(page._page_box):
            box.element_tag = MARKER


def label_boxes(box) -> Iterator:
    for child in getattr(box, "children", ()):
        if child.element_tag == LABEL:
            yield child
        else:
            yield from label_boxes(child)
