"""Pages laid out without their margins, the margins added to the layout that is kept: the
same PDF as WeasyPrint's own layout, running heads, folios, backgrounds, links and all."""

from pipeline.writers.pdf.engine import weasyprint
from pipeline.writers.pdf.pagination import paginated, with_margins

HTML_TEXT = """<!doctype html><html lang="en"><head><style>
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
    HTML = weasyprint.HTML
    expected = HTML(string=HTML_TEXT).render().write_pdf()
    pagination = paginated(HTML(string=HTML_TEXT))
    assert all(len(page._page_box.children) == 1 for page in pagination.pages)  # no margins
    assert with_margins(pagination).write_pdf() == expected


def test_weasyprint_lays_out_margins_again_once_pages_are_paginated():
    HTML = weasyprint.HTML
    paginated(HTML(string=HTML_TEXT))
    pages = HTML(string=HTML_TEXT).render().pages
    assert weasyprint.layout.make_margin_boxes.__module__ == "weasyprint.layout.page"
    assert all(len(page._page_box.children) > 1 for page in pages)
