"""WeasyPrint's layout in two steps: the pages, then their margins.

Placement (placement.py) lays a document out again until its pages need no mending, and
only the last layout is printed. WeasyPrint lays out each page's margin boxes (running
heads, folios) and backgrounds as it hands its pages over, a sixth of a layout's time, of no
use to a layout that is thrown away. So pages are laid out without them (`paginated`), and
the layout that is kept gets them (`with_margins`) as WeasyPrint's own layout_document makes
them (weasyprint/layout/__init__.py, WeasyPrint 70): page by page, once every page is laid
out and the named strings of the running heads are gathered. Likewise a page is handed over
as its box and size alone (`PaginatedPage`): the links, anchors and bookmarks WeasyPrint's
Page gathers from every box are gathered for the layout kept, once it has its margins.

And a layout after a mend lays out again only the pages the mend can change: the pages
before the one where the HTML first differs, less one (whose last lines may be kept with the
changed block), are carried over from the layout before (`kept_pages`), their boxes given
the new HTML's elements. That holds where nothing flows from page to page outside the text:
no footnotes, running elements, floats or positioned boxes, and no page-based counter or
cross-reference in the pages' content; elsewhere every page is laid out again.

And the lines of a layout after another are mostly the lines of the one before, on other
pages: WeasyPrint measures each line's text with Pango, a third of a layout's time. So the
layouts of a document share what those measures found (`split_lines`), for text set alike:
the same words, width and style of text.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any


@dataclass
class Pagination:
    """A layout without margin boxes and backgrounds, and what laying it out again needs."""

    document: Any  # WeasyPrint's Document
    context: Any  # its LayoutContext: the named strings and page states the margins need
    # Each page box with its children as pagination left them, before the margins came.
    made: list[tuple[Any, tuple, list]]

    @property
    def pages(self) -> list:
        return self.document.pages


class PaginatedPage:
    """A page as pagination hands it over, in WeasyPrint's Page's place: its box and its size,
    what placement reads of it."""

    def __init__(self, page_box):
        self._page_box = page_box
        self.width = page_box.margin_width()
        self.height = page_box.margin_height()


def paginated(html, earlier: Pagination | None = None, kept: int = 0,
              split_lines: dict | None = None, **options) -> Pagination:
    """`html` (a weasyprint.HTML) laid out into pages, as HTML.render(**options) would, but
    without margin boxes and backgrounds; the first `kept` pages carried over from `earlier`
    where they can be; each line's text measured once for every layout given the same
    `split_lines`."""
    import weasyprint.document
    import weasyprint.layout

    contexts, made = [], []
    make_all_pages = weasyprint.layout.make_all_pages

    def making(context, root_box, weasy_html, pages):
        if not contexts and earlier and kept and carried(earlier, kept, context):
            pages = carried_over(earlier, kept, context, weasy_html)
        contexts.append(context)
        laid_out = list(make_all_pages(context, root_box, weasy_html, pages))
        made[:] = [(page, page.children, page.children[0].children) for page in laid_out]
        return laid_out

    with patched(weasyprint.layout, make_all_pages=making,
                 make_margin_boxes=lambda context, page, state: (),
                 layout_backgrounds=lambda page, get_image_from_uri: None), \
            patched(weasyprint.document, Page=PaginatedPage), measured_once(split_lines):
        document = html.render(**options)
    return Pagination(document, contexts[0], made)


@contextlib.contextmanager
def measured_once(split_lines: dict | None) -> Iterator[None]:
    """WeasyPrint's measures of a line's text answered from `split_lines` (`remembering`)
    while it lays out, where it is given."""
    import weasyprint.layout.inline
    import weasyprint.layout.preferred

    with contextlib.ExitStack() as stack:
        if split_lines is not None:
            for module in (weasyprint.layout.inline, weasyprint.layout.preferred):
                stack.enter_context(patched(module, split_first_line=remembering(
                    module.split_first_line, split_lines)))
        yield


# Every property of a text's style that WeasyPrint's measure of a line reads
# (weasyprint/text/line_break.py and fonts.py, WeasyPrint 70): text alike in them is set alike.
LINE_STYLE = (
    "font_family", "font_size", "font_style", "font_weight", "font_stretch", "font_kerning",
    "font_variant_caps", "font_variant_position", "font_variant_numeric",
    "font_variant_ligatures", "font_variant_east_asian", "font_variant_alternates",
    "font_feature_settings", "font_variation_settings", "font_language_override", "lang",
    "line_height", "letter_spacing", "word_spacing", "white_space", "tab_size", "direction",
    "overflow_wrap", "word_break", "text_decoration_line", "hyphens", "hyphenate_character",
    "hyphenate_limit_chars", "hyphenate_limit_zone",
)


def remembering(split_first_line, found: dict):
    """WeasyPrint's split_first_line (the first line of a text within a width), answered
    from `found` for text already measured alike. Each caller gets a copy of the measured
    layout (a few attributes: Pango's own objects are released once it is measured), as the
    text of a line's layout is changed after it is set (line_ends.py). A style's LINE_STYLE
    is read once (`alike`): the lines of a paragraph share its style, and a property
    WeasyPrint has computed stays as it is."""
    styles: dict[int, tuple[Any, str]] = {}  # by id: the style (so the id stays its own), read

    def alike(style) -> str:
        if id(style) not in styles:
            styles[id(style)] = (style, str([style[name] for name in LINE_STYLE]))
        return styles[id(style)][1]

    def split(text, style, context, max_width, justification_spacing, is_line_start=True,
              minimum=False):
        key = (text, max_width, justification_spacing, is_line_start, minimum, alike(style))
        if key not in found:
            found[key] = split_first_line(text, style, context, max_width,
                                          justification_spacing, is_line_start, minimum)
        layout, *measures = found[key]
        return (copy.copy(layout), *measures)
    return split


def kept_pages(earlier_html: str, html: str, pages) -> int:
    """How many of the first pages of the layout of `earlier_html` (WeasyPrint's `pages`)
    the layout of `html` leaves as they were: those before the page where the block holding
    the first difference starts, less one."""
    from pipeline.writers.pdf.placement import placed_blocks

    differs = len(os.path.commonprefix([earlier_html, html]))
    # A block's start tag the difference falls in (a block moved there, another style), or
    # else the last block begun before it.
    tag = earlier_html.rfind("<", 0, differs + 1)
    in_tag = BLOCK_TAG.match(earlier_html, tag) if tag >= 0 else None
    if in_tag and ">" not in earlier_html[tag:differs]:
        block = int(in_tag.group(1))
    elif found := BLOCK.findall(earlier_html, 0, differs):
        block = int(found[-1])
    else:
        return 0
    starts = next((number for number, page in enumerate(pages)
                   for placed, *_ in placed_blocks(page._page_box) if placed == block), 0)
    return max(starts - 1, 0)


BLOCK = re.compile(r'data-block="(\d+)"')
BLOCK_TAG = re.compile(r'<\w+\b[^>]*?\bdata-block="(\d+)"')


def released(earlier: Pagination | None, kept: int) -> Pagination | None:
    """What the next layout needs of `earlier` to carry its first `kept` pages over (None
    when it carries none): those pages and the one after them, its HTML and its pagination's
    states. The rest of it, and what its layout context holds for every page (each element's
    styles, the boxes of anchors and tables, the last page's footnote area), is let go
    before the next layout is made, so a long document's layouts are never held two at
    once."""
    if earlier is None or not kept:
        return None
    context = SimpleNamespace(page_maker=earlier.context.page_maker,
                              running_elements=earlier.context.running_elements)
    document = SimpleNamespace(_html=earlier.document._html, pages=earlier.pages[:kept + 1])
    return Pagination(document, context, earlier.made[:kept + 1])


def carried(earlier: Pagination, kept: int, context) -> bool:
    """Whether the first `kept` pages of `earlier` can be carried over into a layout by
    `context`: nothing flows into the next page but the text."""
    if kept >= len(earlier.made) or context.footnotes or any(
            earlier.context.running_elements.values()):
        return False
    # Content that counts pages or looks up where a target fell (target-counter).
    if context.target_collector.counter_lookup_items or any(
            state["pages_wanted"] or state["content_lookups"]
            for *_, state in earlier.context.page_maker):
        return False
    return not any(box.is_floated() or box.is_absolutely_positioned() or box.is_running()
                   for page, *_ in earlier.made[:kept] for box in page.descendants())


def carried_over(earlier: Pagination, kept: int, context, html) -> list:
    """The first `kept` page boxes of `earlier`, as its pagination left them, their boxes
    given `html`'s elements; `context` set to lay out the pages after them."""
    from weasyprint.formatting_structure.boxes import Box
    from weasyprint.layout.page import set_page_type_computed_styles

    pages = []
    for page, children, root_children in earlier.made[:kept]:
        page.children, children[0].children = children, root_children
        # The styles of the page and its margin boxes, as laying the page out gives them.
        set_page_type_computed_styles(page.page_type, html, context.style_for)
        pages.append(page)
    # The HTML is the same up to the first page laid out again: its elements pair in order.
    elements = dict(zip(earlier.document._html.etree_element.iter(),
                        html.etree_element.iter(), strict=False))
    for page in pages:
        for box in page.descendants(placeholders=True):
            if isinstance(box, Box) and box.element is not None:
                box.element = elements.get(box.element, box.element)
    first_pages = context.page_maker[0][3][1]["pages"]
    context.page_maker = [resumed(entry, first_pages, remade=number == kept)
                          for number, entry in enumerate(earlier.context.page_maker[:kept + 1])]
    return pages


def resumed(entry: tuple, first_pages: list, remade: bool) -> tuple:
    """A page's state as WeasyPrint's pagination keeps it (page_maker, layout/page.py),
    taken from another layout: the page count as a first pass has it, and the page to be
    laid out (`remade`) or not."""
    resume_at, next_page, right_page, page_state, state = entry
    page_state = copy.deepcopy(page_state)
    page_state[1]["pages"] = list(first_pages)
    return resume_at, next_page, right_page, page_state, {
        "content_changed": remade, "pages_wanted": False, "anchors": list(state["anchors"]),
        "content_lookups": []}


def with_margins(pagination: Pagination, split_lines: dict | None = None):
    """The WeasyPrint Document of `pagination`, its pages given their margin boxes and
    backgrounds; the margins' lines measured once with the pages' (`split_lines`): a
    running head's or a folio's text, alike on many pages, is measured once."""
    from weasyprint.document import Page
    from weasyprint.layout.background import layout_backgrounds
    from weasyprint.layout.page import make_margin_boxes

    context = pagination.context
    with measured_once(split_lines):
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
