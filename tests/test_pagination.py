"""Pages laid out without their margins, the margins added to the layout that is kept: the
same PDF as WeasyPrint's own layout, running heads, folios, backgrounds, links and all."""

import gc
import weakref
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.writers.pdf.engine import weasyprint
from pipeline.writers.pdf.font_subsetting import use_uharfbuzz_subsetting
from pipeline.writers.pdf.pagination import (
    LINE_STYLE,
    kept_pages,
    paginated,
    released,
    remembering,
    with_margins,
)
from pipeline.writers.pdf.render import font_configuration

from .conftest import ROOT


def laid_out(html_text: str, *carried, split_lines: dict | None = None):
    """A layout of `html_text` in the repository's faces, without margins; the pages of an
    earlier one carried over as `carried` (earlier, kept) says; the lines measured in
    `split_lines` by an earlier layout answered from it."""
    fonts = weasyprint.CSS(filename=ROOT / "layouts" / "fonts" / "fonts.css",
                           font_config=font_configuration())
    return paginated(weasyprint.HTML(string=html_text), *carried, stylesheets=[fonts],
                     font_config=font_configuration(), split_lines=split_lines)


def pdf(pagination) -> bytes:
    use_uharfbuzz_subsetting()  # as the writer does: the same subset every time
    return with_margins(pagination).write_pdf(pdf_identifier=b"the same file")

HTML_TEXT = """<!doctype html><html lang="en"><head><style>
body { font-family: "Noto Serif" }
@page { size: A5; margin: 20mm 15mm; background: #f8f4e8;
        @top-right { content: string(section); font-size: 8pt }
        @bottom-center { content: counter(page) " of " counter(pages) } }
@page :left { @top-left { content: "A left page" } }
h2 { string-set: section content(text); bookmark-level: 2; break-before: page }
aside { background: #dde; border: 1pt solid #333 }
</style></head><body><h1>The title</h1>
""" + "".join(f"<h2>Section {n}</h2>" + "<p>Words of the section, long enough to wrap. " * 12
              + '<a href="https://example.org/">a link</a></p><aside>A box.</aside>'
              for n in range(1, 5)) + "</body></html>"


def test_margins_added_later_give_the_same_pdf_as_weasyprint():
    fonts = weasyprint.CSS(filename=ROOT / "layouts" / "fonts" / "fonts.css",
                           font_config=font_configuration())
    use_uharfbuzz_subsetting()
    expected = weasyprint.HTML(string=HTML_TEXT).render(
        stylesheets=[fonts], font_config=font_configuration()).write_pdf(
        pdf_identifier=b"the same file")
    pagination = laid_out(HTML_TEXT)
    assert all(len(page._page_box.children) == 1 for page in pagination.pages)  # no margins
    assert pdf(pagination) == expected


def test_pages_gather_their_links_once_their_margins_are_laid_out():
    """A layout thrown away never gathers its links, anchors and bookmarks; the one kept
    gathers them with its margins."""
    pagination = laid_out(HTML_TEXT)
    assert all(page.width < page.height for page in pagination.pages)  # what placement reads
    assert not any(hasattr(page, "links") for page in pagination.pages)
    assert any(page.links for page in with_margins(pagination).pages)


def test_weasyprint_lays_out_margins_again_once_pages_are_paginated():
    laid_out(HTML_TEXT)
    pages = weasyprint.HTML(string=HTML_TEXT).render(font_config=font_configuration()).pages
    assert weasyprint.layout.make_margin_boxes.__module__ == "weasyprint.layout.page"
    assert all(len(page._page_box.children) > 1 for page in pages)


def blocks_html(changed: int = -1) -> str:
    """Numbered blocks over several pages, a table among them; block `changed` set lower."""
    rows = "".join(f"<tr><td>Row {n}</td><td>{n * 7}</td></tr>" for n in range(30))
    blocks = []
    for number in range(24):
        style = ' style="margin-top: 40pt"' if number == changed else ""
        if number == 9:
            blocks.append(f'<table data-block="{number}"{style}><thead><tr><th>Item</th>'
                          f"<th>Count</th></tr></thead><tbody>{rows}</tbody></table>")
        else:
            blocks.append(f'<p data-block="{number}" id="b{number}"{style}>'
                          + f"Block {number}, a paragraph long enough to wrap. " * 9 + "</p>")
    return HTML_TEXT.split("<body>")[0] + "<body><h1>The title</h1>" + "".join(blocks) + \
        "</body></html>"


def test_pages_before_a_change_are_carried_over_and_give_the_same_pdf():
    before, after = blocks_html(), blocks_html(changed=20)
    earlier = laid_out(before)
    kept = kept_pages(before, after, earlier.pages)
    assert kept >= 3
    carried = laid_out(after, earlier, kept)
    # The carried pages hold the new HTML's elements, as a fresh layout's do.
    assert carried.pages[0]._page_box.children[0].element is \
        carried.document._html.etree_element
    assert pdf(carried) == pdf(laid_out(after))


def test_pages_carried_over_from_a_released_layout_give_the_same_pdf():
    before, after = blocks_html(), blocks_html(changed=20)
    earlier = laid_out(before)
    kept = kept_pages(before, after, earlier.pages)
    assert pdf(laid_out(after, released(earlier, kept), kept)) == pdf(laid_out(after))


def test_a_released_layout_lets_go_of_every_page_it_does_not_carry_over():
    before, after = blocks_html(), blocks_html(changed=20)
    earlier = laid_out(before)
    kept = kept_pages(before, after, earlier.pages)
    later = [weakref.ref(page._page_box) for page in earlier.pages[kept + 1:]]
    kept_boxes = [page._page_box for page in earlier.pages[:kept]]
    earlier = released(earlier, kept)
    gc.collect()
    assert later and not any(page() for page in later)
    assert [page._page_box for page in earlier.pages[:kept]] == kept_boxes
    assert released(earlier, 0) is None and released(None, kept) is None


def test_a_change_on_the_first_pages_keeps_none():
    before, after = blocks_html(), blocks_html(changed=1)
    assert kept_pages(before, after, laid_out(before).pages) == 0


def test_footnotes_are_laid_out_again_with_every_page():
    footnoted = blocks_html().replace("Block 3,", '<span style="float: footnote">A note.</span>')
    changed = footnoted.replace('data-block="20"', 'data-block="20" style="margin-top: 40pt"')
    assert pdf(laid_out(changed, laid_out(footnoted), 3)) == pdf(laid_out(changed))


def test_a_block_changed_in_its_tag_is_the_one_found():
    """A figure set later leaves another block's tag where it stood: the difference falls in
    that tag's name, before its data-block, and the block is still the one it starts."""
    from pipeline.writers.pdf.placement import placed_blocks

    before = blocks_html()
    after = before.replace('<p data-block="20"', '<h2 data-block="20"').replace(
        "Block 20, a paragraph long enough to wrap. " * 9 + "</p>", "Block 20</h2>")
    starts = next(number for number, page in enumerate(laid_out(before).pages)
                  for block, *_ in placed_blocks(page._page_box) if block == 20)
    earlier = laid_out(before)
    kept = kept_pages(before, after, earlier.pages)
    assert kept == starts - 1
    assert pdf(laid_out(after, earlier, kept)) == pdf(laid_out(after))


def alike_words_html(shifted: bool = False) -> str:
    """The same words over and over in plain, bold, letter-spaced, underlined, hyphenated and
    Chinese-tagged text, in a paragraph and a table's cells; `shifted` moves them all down a
    few lines, onto other pages."""
    words = "Words set alike in every style they are given here."
    styled = "".join(f"<p>{words}</p><p><b>{words}</b></p>"
                     f'<p style="letter-spacing: 0.5pt">{words}</p><p><u>{words}</u></p>'
                     f'<p style="hyphens: auto" lang="en">{words}</p>'
                     f'<p lang="zh-Hant">{words}</p>' for _ in range(8))
    cells = "".join(f"<tr><td>{words}</td><td><i>{words}</i></td></tr>" for _ in range(6))
    lead = "<p>A lead paragraph, moving what follows down a line or two.</p>" * 3 * shifted
    return (HTML_TEXT.split("<body>")[0] + f"<body><h1>The title</h1>{lead}{styled}"
            f"<table>{cells}</table></body></html>")


def test_lines_measured_once_are_set_alike_in_every_style_and_layout():
    measured: dict = {}
    first = laid_out(alike_words_html(), split_lines=measured)
    lines_first = len(measured)
    again = laid_out(alike_words_html(shifted=True), split_lines=measured)
    assert len(measured) < 1.5 * lines_first  # the second layout mostly answered from the first
    assert pdf(first) == pdf(laid_out(alike_words_html()))
    assert pdf(again) == pdf(laid_out(alike_words_html(shifted=True)))


def test_margins_are_measured_once_with_the_pages_and_give_the_same_pdf():
    """A running head alike on many pages (`A left page`) is measured once, with the lines
    of the pages, and set as WeasyPrint sets it."""
    measured: dict = {}
    pagination = laid_out(HTML_TEXT, split_lines=measured)
    pages_lines = len(measured)
    use_uharfbuzz_subsetting()
    written = with_margins(pagination, split_lines=measured).write_pdf(
        pdf_identifier=b"the same file")
    assert any(key[0] == "A left page" for key in measured)
    assert len(measured) > pages_lines
    assert written == pdf(laid_out(HTML_TEXT))


def test_a_styles_line_properties_are_read_once_for_all_its_lines():
    """The lines of a paragraph share its style: what a measure is keyed by is read of it
    once, and each line of text still measured on its own."""
    reads: Counter = Counter()

    class Style(dict):
        def __getitem__(self, name):
            reads[name] += 1
            return "normal"

    measured = []

    def split_first_line(text, *arguments):
        measured.append(text)
        return SimpleNamespace(), len(text), None, 10.0, 12.0, 9.0

    split = remembering(split_first_line, {})
    style = Style()
    for text in ("A first line", "A second line", "A first line"):
        split(text, style, None, 100.0, 0)
    assert measured == ["A first line", "A second line"]
    assert set(reads) == set(LINE_STYLE) and set(reads.values()) == {1}


def test_the_lines_style_names_every_property_weasyprint_measures_a_line_by():
    """A WeasyPrint that measures lines by another property of the style must have it named,
    or text differing in it alone would be set alike."""
    import re

    import weasyprint.text.fonts
    import weasyprint.text.line_break

    read = {name for module in (weasyprint.text.line_break, weasyprint.text.fonts)
            for name in re.findall(r"style\[['\"](\w+)['\"]\]",
                                   Path(module.__file__).read_text(encoding="utf-8"))}
    assert read <= set(LINE_STYLE), read - set(LINE_STYLE)


@pytest.mark.slow
def test_a_long_layout_is_let_go_and_its_memory_handed_back_before_the_pdf_is_finished(
        monkeypatch):
    """Once written, a layout of more than COLLECTED_LAYOUT_PAGES pages is collected, though the
    build's collector runs seldom, and the memory it held is handed back, before pikepdf
    finishes the PDF and before the steps that read it take memory of their own."""
    from pipeline.layouts import load_layout
    from pipeline.model import Document, Metadata, Paragraph, Span
    from pipeline.writers.pdf import render

    paragraphs = tuple(Paragraph((Span(f"Paragraph {number} of a long report, its sentence "
                                       "said again to fill the page. " * 12),))
                       for number in range(150))
    document = Document("long", Metadata(title="A long report"), None, paragraphs)
    pages, events = [], []
    margins, finishing = render.with_margins, render.finished

    def with_margins(pagination, **options):
        written = margins(pagination, **options)
        pages.extend(weakref.ref(page._page_box) for page in written.pages)
        return written

    def finished(*arguments, **options):
        events.append("finished")
        return finishing(*arguments, **options)

    monkeypatch.setattr(render, "with_margins", with_margins)
    monkeypatch.setattr(render, "finished", finished)
    monkeypatch.setattr(render, "hand_back_freed_memory", lambda: events.append(
        sum(page() is not None for page in pages)))
    gc.disable()  # as seldom as the build's collector: only the writer's collection counts
    try:
        render.render_pdf(document, load_layout(ROOT / "layouts", "screen"), ROOT / "source")
    finally:
        gc.enable()
    assert len(pages) > render.COLLECTED_LAYOUT_PAGES
    assert events == [0, "finished"]  # no page alive when the memory is handed back
