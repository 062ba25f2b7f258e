"""WeasyPrint's layout in two steps: the pages, then their margins.

Placement (placement.py) lays a document out again until its pages need no mending, and
only the last layout is printed. WeasyPrint lays out each page's margin boxes (running
heads, folios) and backgrounds as it hands its pages over, a sixth of a layout's time, of no
use to a layout that is thrown away. So pages are laid out without them (`paginated`), and
the layout that is kept gets them (`with_margins`) as WeasyPrint's own layout_document makes
them (weasyprint/layout/__init__.py, WeasyPrint 70): page by page, once every page is laid
out and the named strings of the running heads are gathered.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass
class Pagination:
    """A layout without margin boxes and backgrounds, and the context that made it."""

    document: Any  # WeasyPrint's Document
    context: Any  # its LayoutContext: the named strings and page states the margins need

    @property
    def pages(self) -> list:
        return self.document.pages


def paginated(html, **options) -> Pagination:
    """`html` (a weasyprint.HTML) laid out into pages, as HTML.render(**options) would, but
    without margin boxes and backgrounds."""
    import weasyprint.layout

    contexts = []

    def margins_left(context, page, state):
        contexts.append(context)
        return ()

    with patched(weasyprint.layout, make_margin_boxes=margins_left,
                 layout_backgrounds=lambda page, get_image_from_uri: None):
        document = html.render(**options)
    return Pagination(document, contexts[0])


def with_margins(pagination: Pagination):
    """The WeasyPrint Document of `pagination`, its pages given their margin boxes and
    backgrounds."""
    from weasyprint.document import Page
    from weasyprint.layout.background import layout_backgrounds
    from weasyprint.layout.page import make_margin_boxes

    context = pagination.context
    for number, page in enumerate(pagination.pages, start=1):
        box = page._page_box
        context.current_page = number
        state = context.page_maker[number][3]
        box.children = (*box.children, *make_margin_boxes(context, box, state))
        layout_backgrounds(box, context.get_image_from_uri)
    # A Page gathers its links, anchors and bookmarks from every box, the margins' too.
    pagination.document.pages = [Page(page._page_box) for page in pagination.pages]
    return pagination.document


@contextlib.contextmanager
def patched(module, **names) -> Iterator[None]:
    saved = {name: getattr(module, name) for name in names}
    for name, value in names.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(module, name, value)
