"""The preflight's text check finds a table's cells by their places, row by row in reading
order: cells that are parts of others ("Ward 1" of "Ward 11", "42" of "142") and a table that
runs over pages, its header row repeated, pass; a cell left out is named by its place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Document, Figure, Metadata, Paragraph, Span, Table
from pipeline.writers.pdf.render import render_pdf

from .support import scraped_editions

LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
pytestmark = pytest.mark.slow  # each test renders a PDF
TEXT = ("The tables below give the figures by ward and by district, as the council "
        "published them in its report for the year.")


def cells(*texts: str) -> tuple[tuple[Span, ...], ...]:
    return tuple((Span(text),) if text else () for text in texts)


def document_with(*tables: Table) -> Document:
    blocks = [Paragraph((Span(TEXT),))]
    for table in tables:
        blocks += [table, Paragraph((Span(TEXT),))]
    return Document("tables", Metadata(title="Wards and districts"), None, tuple(blocks))


WARDS = Table(cells("Ward", "New stops"),
              (cells("Ward 1", "17"), cells("Ward 11", "5"), cells("Ward 111", "1")),
              (Span("Table 1 New stops by ward"),))
FIGURES = Table(cells("", "Opened", "Closed"),
                (cells("Kwun Tong", "31", "42"), cells("Sha Tin", "142", "18"),
                 cells("Islands", "4", "2")))
DISTRICTS = Table(cells("District", "Applicants", "Waiting (months)"),
                  tuple(cells(f"District {number}", str(number * 7 % 90), str(number % 13))
                        for number in range(1, 71)),
                  (Span("Table 3 Applicants by district"),))


def text_check(tmp_path: Path, document: Document, layout_name: str,
               printed: Document | None = None):
    layout = load_layout(LAYOUTS, layout_name)
    path = tmp_path / f"tables-{layout_name}.pdf"
    path.write_bytes(render_pdf(printed or document, layout, tmp_path))
    report = preflight(path, document, layout, tmp_path)
    return next(check for check in report.checks if check.rule == "text-complete")


@pytest.mark.parametrize("layout", ["print", "large-print"])
def test_cells_that_are_parts_of_other_cells_pass(tmp_path, layout):
    check = text_check(tmp_path, document_with(WARDS, FIGURES), layout)
    assert check.passed, check.message


def test_a_table_of_seventy_rows_over_pages_passes(tmp_path):
    check = text_check(tmp_path, document_with(DISTRICTS), "screen")
    assert check.passed, check.message


def test_a_cell_left_out_is_named_by_its_place(tmp_path):
    rows = list(WARDS.rows)
    rows[1] = cells("Ward 11", "")
    printed = document_with(replace(WARDS, rows=tuple(rows)), FIGURES)
    check = text_check(tmp_path, document_with(WARDS, FIGURES), "print", printed)
    assert not check.passed
    assert check.message.startswith("table 1 row 2, column 2 missing: 'Table 1 New stops")


def test_cells_swapped_between_rows_fail(tmp_path):
    swapped = replace(FIGURES, rows=(cells("Kwun Tong", "142", "42"),
                                     cells("Sha Tin", "31", "18"), FIGURES.rows[2]))
    check = text_check(tmp_path, document_with(FIGURES), "print", document_with(swapped))
    assert check.message.startswith("table 1 row 1, column 2 missing")


def district_report() -> str:
    """A Chinese report of my own: a list in full-width parentheses, whose labels the large
    print hangs into the page's margin, then a table running over to the next page."""
    districts = "中西區 灣仔 東區 南區 油尖旺 深水埗 九龍城 黃大仙 觀塘 荃灣 屯門 元朗 北區 大埔 西貢 沙田 葵青 離島"
    rows = [f"{name}第{number}段\t{number * 37 % 900 + 100}\t{number * 53 % 900 + 100}"
            for number, name in enumerate(districts.split() * 2, 1)]
    return "\n\n".join([
        "康樂事務署年度報告",
        "本署年內繼續改善各區康樂設施，並擴展網上預訂服務，方便市民使用。",
        "年內的主要工作如下：",
        "（一）翻新十二個運動場；\n\n（二）增設兩個游泳池；\n\n（三）延長體育館開放時間。",
        "表2 各區場地使用人次（千）\n地區\t二〇二三年\t二〇二四年\n" + "\n".join(rows),
        "各區使用人次均有增長，本署將繼續檢討場地的開放安排。",
    ])


def test_a_table_split_after_a_list_whose_labels_hang_in_the_margin_passes(tmp_path):
    """The labels of a list, drawn after the page's text, stand before the table's rows
    that page holds: they are set apart only where none of them is cut off at the margin;
    a label cut off left its rest between the table's rows, and a document whole in its
    pages was set aside as missing a row."""
    (tmp_path / "sports.toml").write_text('organisation = "康樂事務署"\ndate = 2025\n',
                                          encoding="utf-8")
    document, pdfs = scraped_editions(tmp_path, "sports", district_report(), ["large-print"])
    layout = load_layout(LAYOUTS, "large-print")
    report = preflight(pdfs["large-print"], document, layout, tmp_path)
    check = next(check for check in report.checks if check.rule == "text-complete")
    assert check.passed, check.message
    table = next(block for block in document.blocks if isinstance(block, Table))
    lost = replace(table, rows=table.rows[:20] + table.rows[21:])
    printed = replace(document, blocks=tuple(lost if block is table else block
                                             for block in document.blocks))
    check = text_check(tmp_path, document, "large-print", printed)
    assert check.message.startswith("table 1 row 21, column 1 missing"), check.message



def labelled_chart(*labels: str) -> str:
    """An SVG bar chart of my own whose labels are its text, drawn by the picture."""
    texts = "".join(f'<text x="10" y="{24 * number}" font-size="16">{label}</text>'
                    for number, label in enumerate(labels, 1))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" '
            f'viewBox="0 0 400 200">{texts}<rect x="10" y="120" width="90" height="60" '
            'fill="#3366aa"/><rect x="120" y="100" width="90" height="80" fill="#cc6633"/></svg>')


@pytest.mark.parametrize(("layout", "language", "labels", "caption"), [
    ("print", "en-GB", ("Applicants by district", "2023 → 2024", "District 7 41"),
     "Figure 1 Applicants by district, 2023 and 2024"),
    ("screen", "en-GB", ("Applicants by district", "District 12 84", "Waiting (months)"),
     "Figure 1 Applicants by district, 2023 and 2024"),
    ("print", "zh-HK", ("各區申請人數", "二〇二四年 District 7"), "圖1 各區申請人數"),
])
def test_a_charts_labels_beside_a_table_split_over_pages_are_the_pictures(
        tmp_path, layout, language, labels, caption):
    """A chart's labels, drawn by its picture after its page's text, are the figure's, not
    text read between the rows of the table after it that runs on overleaf: a document
    whole in its pages had been set aside as missing the rows overleaf."""
    (tmp_path / "chart.svg").write_text(labelled_chart(*labels), encoding="utf-8")
    figure = Figure(1, (Span(caption),), "chart.svg")
    document = document_with(DISTRICTS)
    document = replace(document, metadata=replace(document.metadata, language=language),
                       blocks=(document.blocks[0], figure, *document.blocks[1:]))
    check = text_check(tmp_path, document, layout)
    assert check.passed, check.message


def cells(*texts: str) -> tuple[tuple[Span, ...], ...]:
    return tuple((Span(text),) for text in texts)


@pytest.mark.parametrize(("last", "totalled"), [
    ("Total", True), ("Grand total", True), ("TOTAL", True), ("合計", True), ("總計", True),
    ("Total visits", True), ("Other", False), ("Totally new", False),
    # The bottom line of accounts.
    ("Surplus/(deficit)", True), ("Net surplus for the year", True), ("Deficit", True),
    ("盈餘／（虧損）", True), ("本年度結餘", True), ("Income", False), ("Net assets", False),
])
def test_a_last_row_a_total_opens_is_set_as_the_tables_totals(last, totalled):
    """Set off as a typesetter sets totals: bold, a rule over it (base.css, tr.total)."""
    from pipeline.writers.html import render_html

    table = Table(cells("Route", "Sailings"), (cells("Central", "41,610"),
                                               cells("Wan Chai", "27,740"),
                                               cells(last, "69,350")))
    assert (2 in table.total_rows) is totalled
    html = render_html(Document("t", Metadata(title="Sailings"), None, (table,)),
                       load_layout(Path(__file__).resolve().parent.parent / "layouts", "print"))
    assert ('<tr class="total">' in html) is totalled


def test_a_subtotal_among_the_rows_is_set_as_a_total_too():
    """An account's income totalled over its expenditure (`Total income` between the rows):
    set off as the last row's total is (it had been set as any row)."""
    from pipeline.writers.html import render_html

    table = Table(cells("Item", "2024"), (cells("Grants", "86,400"), cells("Fees", "21,600"),
                                          cells("Total income", "108,000"),
                                          cells("Staff", "61,200"),
                                          cells("Total expenditure", "61,200")))
    assert table.total_rows == {2, 4}
    html = render_html(Document("t", Metadata(title="Accounts"), None, (table,)),
                       load_layout(Path(__file__).resolve().parent.parent / "layouts", "print"))
    assert html.count('<tr class="total">') == 2


def test_a_count_named_total_among_others_it_does_not_add_up_is_a_row_as_they_are():
    """`Total audience` between the counts of a season's companies and its venues totals
    none of them (it had been set bold, a rule over it, as the
    table's totals); a subtotal whose figures are the sums above it, rounded, still is one,
    and a last row so named always is."""
    season = Table(cells("Measure", "2023–24", "2024–25"), (
        cells("Companies touring", "12", "14"), cells("Performances", "310", "342"),
        cells("Total audience", "17,490", "21,650"), cells("Venues", "40", "44")))
    assert season.total_rows == frozenset()
    rounded = Table(cells("Fund", "£m"), (
        cells("Capital", "1.2"), cells("Revenue", "2.3"), cells("Total funds", "3.6"),
        cells("Grants", "0.4"), cells("Total", "9.9")))
    assert rounded.total_rows == {2, 4}
    shares = Table(cells("Source", "Share"), (
        cells("Council", "(1,200)"), cells("Trusts", "2,300"), cells("Total", "1,100"),
        cells("Other", "5")))
    assert shares.total_rows == {2}


def test_a_column_of_bounds_is_figures_set_right():
    """A target's column of bounds (`<30`, `≤5`, `>95%`) beside its figures is figures,
    aligned right as the years' columns beside it are (it had been set flush left); a
    column of words among which one sign stands is not."""
    targets = Table(cells("Measure", "2024", "Target"), (
        cells("Days to first appointment", "34", "<30"), cells("Complaints upheld", "6", "≤5"),
        cells("Patients satisfied", "96%", ">95%"), cells("Ratio", "0.94", "<1.00")))
    assert targets.numeric == (False, True, True)
    notes = Table(cells("Measure", "Note"), (cells("Days", "< see below"), cells("Cases", "none")))
    assert notes.numeric == (False, False)


def test_a_column_of_figures_with_negatives_in_brackets_hangs_them():
    """Accounts write a negative figure in brackets, `(21,300)`: the column's other figures,
    and its heading, keep room for a closing bracket set but not shown, so every figure's
    digits end in line and the brackets hang; a column with none keeps none, nor does a
    figure already in brackets, nor an empty cell."""
    from pipeline.writers.html import render_html

    table = Table(cells("", "2024", "Visits"), (cells("Subscriptions", "18,420", "310"),
                                                cells("Hall hire", "(21,300)", "42"),
                                                cells("Other", "", "7")))
    html = render_html(Document("t", Metadata(title="Accounts"), None, (table,)),
                       load_layout(Path(__file__).resolve().parent.parent / "layouts", "print"))
    room = '<span class="bracket-room" aria-hidden="true">)</span>'
    assert f">2024{room}</th>" in html and f">18,420{room}</td>" in html
    assert ">(21,300)</td>" in html and html.count(room) == 2


def test_full_width_brackets_hang_with_a_full_width_bracket():
    from pipeline.writers.html import render_html

    table = Table(cells("", "2024年"), (cells("政府資助", "8,420"), cells("員工開支", "（9,870）")))
    html = render_html(Document("t", Metadata(title="財務摘要", language="zh-HK"), None, (table,)),
                       load_layout(Path(__file__).resolve().parent.parent / "layouts", "print"))
    assert html.count('<span class="bracket-room" aria-hidden="true">\uff09</span>') == 2
