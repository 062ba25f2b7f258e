"""A table split over pages carries its title on each later page, saying so ("(continued)",
"（續）", "（续）", in the title's language), as a typesetter sets a continued table: on its
first page the title alone; read once by a screen reader (the title repeated is an artifact,
as the header row repeated is), and the preflight's text and tag checks pass."""

from __future__ import annotations

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Document, Metadata, Paragraph, Span, Table
from pipeline.pdf.structure import is_element, kids_of, structure_elements
from pipeline.pdf.text import marked_texts
from pipeline.writers.html import render_html

from .conftest import ROOT
from .support import scraped_editions
from .typesetting import measured

LAYOUTS = ("print", "screen", "large-print")


def titled(caption: str) -> Table:
    return Table(((Span("Year"),), (Span("Staff"),)), (((Span("2024"),), (Span("12"),)),),
                 (Span(caption),))


@pytest.mark.parametrize(("caption", "language", "words"), [
    ("Table 4 Staff by grade", "en-GB", "\u00a0(continued)"),
    ("表4 各職級人手", "zh-HK", "（續）"),
    ("表4 各职级人手", "zh-Hans", "（续）"),
    ("表4 人手", "zh-Hans", "（续）"),  # no character tells the forms apart: the document's
    ("表4 各職級人手", "en-GB", "（續）"),  # a Chinese title in an English report
    ("Table 4 Staff", "zh-HK", "\u00a0(continued)"),  # an English title in a Chinese one
])
def test_the_continued_title_says_so_in_the_titles_language(caption, language, words):
    assert titled(caption).continued(language) == words


def test_the_title_heads_the_table_in_its_head_which_repeats_it():
    """The title is the first row of the head, which the renderer sets again on each page the
    table goes on to, a <caption> on its first page only; the word saying so kept with the
    title's last word (taken off the first page, it must leave no empty line)."""
    document = Document("grades", Metadata(title="Staffing", language="zh-HK"), None,
                        (Paragraph((Span("各職級人手如下："),)), titled("表4 各職級人手")))
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    assert "<caption" not in html
    assert ('<thead>\n<tr class="title"><td colspan="2"><div><div class="caption">'
            in html)
    assert '<span class="continued">\u2060（續）</span></div></div></td></tr>\n<tr><th' in html


@pytest.mark.parametrize(("caption", "language", "continued"), [
    ("表6 各區圖書館借閱量（按分館）", "zh-HK", '<span class="halt">（續</span>）'),
    ("表6 各区图书馆借阅量（按分馆）", "zh-Hans", '<span class="halt">（续</span>）'),
    ("表6 「閱讀約章」簽署學校。", "zh-HK", '<span class="halt">（續</span>）'),
    ("表6 各區圖書館借閱量", "zh-HK", "（續）"),  # after a character: a whole em
    ("Table 6 Loans (by branch)", "en-GB", "\u00a0(continued)"),
])
def test_the_continued_words_bracket_is_compressed_against_the_titles_mark(
        caption, language, continued):
    """clreq 3.1.6.2: `）（` takes an em and a half, not two, across the title and the words
    the writer adds after it, as inside the title; its bracket halved with the character
    after it, which gives it its script."""
    document = Document("loans", Metadata(title="Loans", language=language), None,
                        (Paragraph((Span("各館借閱量如下："),)), titled(caption)))
    for layout in LAYOUTS:
        html = render_html(document, load_layout(ROOT / "layouts", layout))
        assert f'<span class="continued">\u2060{continued}</span>' in html, layout


def costs(label: str) -> Document:
    rows = tuple(((Span(name),), (Span(f"({figure:,})"),), (Span(f"({figure + 3500:,})"),))
                 for name, figure in ((label, 72800), ("Energy", 97200)))
    table = Table(((Span("Item"),), (Span("2024\u201325 budget"),),
                   (Span("2025\u201326 proposed"),)), rows, (Span("Table 1: Costs (£)"),))
    return Document("costs", Metadata(title="Charges"), None, (table,))


def test_a_table_s_row_labels_are_whole_where_the_figures_leave_room():
    """The first column's labels of words on one line each (`Cleaning and caretaking`), as a
    typesetter gives a table's stub its width, the figures' headers wrapping over their
    columns; not where a label is too long for the columns to fit beside it."""
    for layout in LAYOUTS:
        html = render_html(costs("Cleaning and caretaking"), load_layout(ROOT / "layouts",
                                                                         layout))
        assert '<th scope="row" class="unbroken">Cleaning and caretaking</th>' in html, layout
    long = "Cleaning, caretaking, security and the upkeep of the grounds of every centre"
    html = render_html(costs(long), load_layout(ROOT / "layouts", "print"))
    assert 'class="unbroken">Cleaning' not in html


def libraries() -> str:
    rows = "\n".join(f"Branch {number}\t{1000 + number * 37:,}\t{800 + number * 29:,}"
                     for number in range(1, 41))
    return ("Public Libraries Annual Report\n\nThe libraries lent more books this year than in "
            "any year before, and every branch saw more visitors in the evenings.\n\n"
            "The loans of each branch were as follows:\n\n"
            "Table 2.4 Loans and visitors by branch\nBranch\tLoans\tVisitors\n" + rows
            + "\n\nThe branches will open on Sundays from next April.\n")


def swimming_pools() -> str:
    rows = "\n".join(f"第{number}號泳池\t{2000 + number * 41:,}\t{number % 9 + 1}.{number % 7}%"
                     for number in range(1, 41))
    return ("康體設施年報\n\n本年度各泳池的入場人次創歷年新高，夏季週末尤其繁忙。\n\n"
            "各泳池的入場人次如下：\n\n"
            "表3 各泳池入場人次\n泳池\t入場人次\t增長\n" + rows
            + "\n\n各泳池將於明年五月起延長開放時間。\n")


@pytest.mark.slow  # six editions rendered
@pytest.mark.parametrize(("name", "text", "title", "words"), [
    ("libraries", libraries(), "Table 2.4 Loans and visitors by branch", "(continued)"),
    ("pools", swimming_pools(), "表3 各泳池入場人次", "（續）"),
], ids=["English", "Chinese"])
def test_a_split_tables_title_goes_on_with_it_read_once(tmp_path, name, text, title, words):
    document, pdfs = scraped_editions(tmp_path, name, text, list(LAYOUTS))
    for layout, pdf in pdfs.items():
        edition = measured(pdf)
        pages = sorted({line.page for line in edition.lines
                        if line.text.startswith(("Branch ", "第"))})
        assert len(pages) >= 2, (layout, pages)
        bare, goes_on = squashed(title), squashed(title + words)
        titles = [(line.page, squashed(line.text)) for line in edition.lines
                  if squashed(line.text).startswith(bare)]
        assert titles == [(pages[0], bare)] + [(page, goes_on) for page in pages[1:]], layout
        report = preflight(pdf, document, load_layout(ROOT / "layouts", layout), tmp_path)
        assert not report.errors, [(check.rule, check.message) for check in report.errors]
        if layout != "print":
            assert read_captions(pdf) == [bare], layout
            assert table_parts(pdf) == ["/Caption", "/THead", "/TBody"], layout


def table_parts(pdf) -> list[str]:
    """The kinds of the table's parts: one body, however many pages its rows run over."""
    with pikepdf.open(pdf) as opened:
        table = next(element for element in structure_elements(opened.Root.StructTreeRoot)
                     if element.S == "/Table")
        return [str(kid.S) for kid in kids_of(table) if is_element(kid)]


def squashed(text: str) -> str:
    """Without spaces, which pdftotext and the marked content give unlike."""
    return "".join(text.split())


def read_captions(pdf) -> list[str]:
    """The text each Caption's marked content holds: what a screen reader reads as one."""
    with pikepdf.open(pdf) as opened:
        texts = marked_texts(opened)

        def text(element, page=None) -> str:
            page = element.get("/Pg", page)
            found = ""
            for kid in kids_of(element):
                if is_element(kid):
                    found += text(kid, page)
                elif isinstance(kid, int):
                    found += texts.get((page.objgen, kid), "")
                elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
                    found += texts.get((kid.Pg.objgen, int(kid.MCID)), "")
            return found

        def captions(element):
            for kid in kids_of(element):
                if is_element(kid):
                    if kid.S == pikepdf.Name.Caption:
                        yield squashed(text(kid))
                    yield from captions(kid)

        return list(captions(opened.Root.StructTreeRoot))
