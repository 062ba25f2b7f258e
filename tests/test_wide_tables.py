"""A table wider than the measure, its columns' words and figures never breaking (a five
years' indicators with their targets and trend, eight columns): set a step or two smaller in
print and on screen, as a typesetter fits a wide table; on a landscape page of its own in
large print, whose type is never smaller; every edition then passes its preflight (each had
failed, the table's last columns past the measure or off the page)."""

from __future__ import annotations

import re
import subprocess

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.pdf.structure import structure_elements
from pipeline.writers.html import Placement, render_html
from pipeline.writers.html.blocks import wide_measure, yielding_columns
from pipeline.writers.shaping import text_ems

from .conftest import ROOT
from .support import read_text, rendered_edition
from .typesetting import set_lines, word_heights

TEXT = ROOT / "tests" / "texts" / "reports" / "water-company-five-year-indicators.txt"
# Four columns of spending that fit large print's measure upright, their heads wrapped, then
# (English) eight of indicators that do not, each table with its source line under it.
UPRIGHT_AND_TURNED = ROOT / "tests" / "texts" / "reports" / "canal-trust-spending-and-indicators.txt"
UPRIGHT_ZH = ROOT / "tests" / "texts" / "reports" / "island-villages-fund-spending-zh.txt"
# Eight columns too wide to stand upright in large print and rows for three turned pages,
# notes under them and nothing else of their section after: English, twenty-three rows;
# Chinese, twenty-two and a total.
BRANCHES = ROOT / "tests" / "texts" / "reports" / "library-branch-activity.txt"
BRANCHES_ZH = ROOT / "tests" / "texts" / "reports" / "library-branch-activity-zh.txt"
# Eight columns turned in large print, twenty-four months and a total: two turned pages.
CROSSINGS = ROOT / "tests" / "texts" / "reports" / "ferry-crossings-by-month.txt"
# Nine columns of words and figures too wide for the measure at 80 % of the body's type.
NINE_COLUMNS = ROOT / "tests" / "texts" / "reports" / "dam-condition-nine-columns.txt"


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "screen", "large-print"])
def test_a_wide_table_fits_each_edition_and_passes_its_preflight(layout, tmp_path):
    pdf, document = rendered_edition(TEXT, layout, tmp_path)
    report = preflight(pdf, document, load_layout(ROOT / "layouts", layout))
    assert not [check.message for check in report.checks
                if not check.passed and check.severity == "error"]
    assert not [check for check in report.checks if check.rule == "typography"
                and not check.passed]
    with pikepdf.open(pdf) as opened:
        sizes = [tuple(round(float(value)) for value in page.trimbox[2:])
                 for page in opened.pages]
    if layout == "large-print":
        # The table's page turned, the text's before it not: the text after the table runs
        # on to fill the page before (it had stood alone on a page after, that page 73 %
        # empty).
        assert sizes == [(595, 842), (842, 595)]
    else:
        assert len(set(sizes)) == 1


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "screen"])
def test_a_table_too_wide_at_two_steps_smaller_is_set_a_third_within_the_measure(
        layout, tmp_path):
    """Nine columns that 80 % of the body's type still sets past the measure are set at 70 %,
    8 pt in print, as a report sets a dense table of figures: every line within the text
    area (its last column had stood 10 mm into the outer margin)."""
    pdf, document = rendered_edition(NINE_COLUMNS, layout, tmp_path)
    report = preflight(pdf, document, load_layout(ROOT / "layouts", layout))
    assert [check.message for check in report.checks
            if check.rule == "within-text-area"] == ["ok"]
    assert not [check.message for check in report.checks
                if not check.passed and check.severity == "error"]


def test_a_wide_tables_steps_are_the_htmls_and_only_a_turned_page_is_declared():
    """The placement's steps mark the table (`wide-1`, `wide-2`); the page turned on its side
    is declared in the document's style only where a table is wide, so every other document's
    HTML is as it was."""
    document = read_text(TEXT)
    layout = load_layout(ROOT / "layouts", "large-print")
    index = table_index(document)
    plain = render_html(document, layout)
    assert "@page wide" not in plain and "wide-" not in plain
    wide = render_html(document, layout, Placement(wide_tables={index: 1}))
    assert re.search(rf'<table data-block="{index}" class="[^"]*\bwide-1\b', wide)
    assert "@page wide { size: 297" in wide


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "large-print"])
def test_a_figure_and_the_words_beside_it_stand_half_an_em_apart(layout, tmp_path):
    """A column of figures set right beside one of words set left, the tightest pair, keeps
    half an em of the table's type between them in a table set a step smaller, its cells
    closer (`94 Improving` had stood 0.4 em apart, as a word space)."""
    pdf, _ = rendered_edition(TEXT, layout, tmp_path)
    rows = [line for line in set_lines(pdf) if line.words and line.words[-1][2] == "Improving"]
    assert rows
    heights = {text: height for _, text, height in word_heights(pdf)}
    body = max(height for page, text, height in word_heights(pdf) if text == "regulator’s")
    em = load_layout(ROOT / "layouts", layout).body_size_pt * heights["Improving"] / body
    for line in rows:
        assert line.spaces()[-1] >= 0.5 * em, (line.text, line.spaces()[-1] / em)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "tables"), [
    (UPRIGHT_ZH, [("表1", "總計", "資料來源：", False)]),
    (UPRIGHT_AND_TURNED, [("Table 1", "Total", "Source: the trust", False),
                          ("Table 2", "Visitor satisfaction", "Source: navigation", True)]),
], ids=["Chinese", "English"])
def test_a_table_is_turned_only_where_it_cannot_stand_upright_and_its_source_goes_with_it(
        text, tables, tmp_path):
    """In large print a table that fits the measure upright, its heads wrapped (`預算（HK$千）`
    measured as its face sets it, not as a guess a little narrower), stays upright; one too
    wide even so is turned; and each table's source line stands under its last row, on that
    row's page, turned or not (a Chinese table of four columns had been turned on pages its
    477 pt fitted upright, and a turned table's source line had opened the next upright page
    alone, the turned page ending in a blank). `tables`: each table's title, its last row's
    label, its source line's start, and whether it is turned."""
    pdf, document = rendered_edition(text, "large-print", tmp_path)
    report = preflight(pdf, document, load_layout(ROOT / "layouts", "large-print"))
    assert not [check.message for check in report.checks
                if not check.passed and check.severity == "error"]
    with pikepdf.open(pdf) as opened:
        landscape = [page.trimbox[2] > page.trimbox[3] for page in opened.pages]
    pages = [pdf_page_text(pdf, number) for number in range(1, len(landscape) + 1)]
    for title, last_row, source, turned in tables:
        first = next(number for number, page in enumerate(pages) if title in page)
        assert landscape[first] == turned, title
        number = next(number for number, page in enumerate(pages) if source in page)
        assert landscape[number] == turned, (title, number + 1)
        assert 0 <= pages[number].find(last_row) < pages[number].index(source), (title,
                                                                                  number + 1)


def table_index(document) -> int:
    """Where the first table stands among `document`'s blocks."""
    return next(index for index, block in enumerate(document.blocks)
                if type(block).__name__ == "Table")


def pdf_page_text(pdf, number: int) -> str:
    """Page `number`'s text (from 1), as its lines are set."""
    return subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(pdf),
                           "-"], capture_output=True, text=True, check=True).stdout


BANDS = ROOT / "tests" / "texts" / "reports" / "harbour-trust-tender-bands.txt"


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "screen", "large-print"])
def test_a_table_too_wide_for_its_ranges_breaks_them_within_the_measure(layout, tmp_path):
    """A table whose ranges and relations (`HK$4,750,000–HK$5,250,000`, `p ≤ 0.05`) the
    measure cannot hold whole at its smallest type breaks the ranges of the column too
    narrow for them after their dash, the other columns' kept whole, and stays within the
    text area (it had run 6 mm into the margin, the preflight passing it)."""
    pdf, document = rendered_edition(BANDS, layout, tmp_path)
    report = preflight(pdf, document, load_layout(ROOT / "layouts", layout))
    assert [check.passed for check in report.checks if check.rule == "within-text-area"] \
        == [True]
    lines = [line.text for line in set_lines(pdf)]
    assert not any(line.rstrip().endswith(("p", "k =", "16")) for line in lines)


def test_only_the_columns_too_narrow_for_what_they_hold_together_yield():
    document = read_text(BANDS)
    table = document.blocks[table_index(document)]
    layout = load_layout(ROOT / "layouts", "print")
    yielding = yielding_columns(table, wide_measure(layout, 2), "en-GB",
                                lambda text, bold: text_ems(text))
    assert 1 in yielding and not yielding & {0, 3, 4, 5}  # the bands', the widest ranges'
    assert yielding_columns(table, 1000.0, "en-GB", lambda text, bold: text_ems(text)) == {1}


@pytest.mark.slow
def test_text_past_the_text_area_is_named_by_the_preflight(tmp_path):
    """A table no step fits, its cells' codes never breaking, is set past the text area: a
    warning in every edition, as the typesetter's other faults are (a printer's preflight
    asks only that text keep clear of the trim)."""
    text = tmp_path / "codes.txt"
    code = "WSDAR202425ANNEXITEM0042REV3"
    text.write_text("Reference codes\n\nThe codes below name each item.\n\nTable 1: Codes\n"
                    "Item\tFirst\tSecond\tThird\n"
                    + "".join(f"Item {n}\t{code}\t{code}\t{code}\n" for n in range(3))
                    + "\nEach code is kept as written.\n")
    for layout, severity in (("print", "warning"), ("screen", "warning")):
        pdf, document = rendered_edition(text, layout, tmp_path)
        report = preflight(pdf, document, load_layout(ROOT / "layouts", layout))
        assert [(check.severity, check.passed) for check in report.checks
                if check.rule == "within-text-area"] == [(severity, False)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [BRANCHES, BRANCHES_ZH], ids=["English", "Chinese"])
def test_a_table_turned_onto_pages_of_its_own_shares_its_rows_evenly_among_them(text,
                                                                                 tmp_path):
    """A table turned onto three pages in large print holds as many rows on each as the
    next, one more at most, the larger shares first (8, 8 and 7 of twenty-three), its header
    row on each and its notes under its last rows; the renderer had filled the first two
    and left the third a few rows (11, 10 and 2; 10, 10 and 3), more than half empty."""
    pdf, document = rendered_edition(text, "large-print", tmp_path)
    report = preflight(pdf, document, load_layout(ROOT / "layouts", "large-print"))
    assert not [check.message for check in report.checks
                if not check.passed and check.severity == "error"]
    table = document.blocks[table_index(document)]
    pages, shares = turned_shares(pdf, table)
    assert len(shares) == 3 and sum(shares) == len(table.rows)
    assert shares == sorted(shares, reverse=True) and shares[0] - shares[-1] <= 1, shares
    head = table.header[0][0].text
    assert all(head in page for page in pages)
    notes = document.blocks[document.blocks.index(table) + 1]
    assert notes.text.split()[-1] in pages[-1]


@pytest.mark.slow
def test_a_table_turned_onto_two_pages_puts_the_larger_share_first(tmp_path):
    """Twenty-four months and a total turned onto two pages: thirteen rows, then twelve
    with the total. The table's top margin, kept at the head of the first turned page (a
    page type of its own forces the break), had left that page a row short (12, then 13)."""
    pdf, document = rendered_edition(CROSSINGS, "large-print", tmp_path)
    table = document.blocks[table_index(document)]
    assert turned_shares(pdf, table)[1] == [13, 12]


def turned_shares(pdf, table) -> tuple[list[str], list[int]]:
    """The text of each turned page of a PDF, and how many of `table`'s rows each holds
    (told by their first cells)."""
    with pikepdf.open(pdf) as opened:
        turned = [number + 1 for number, page in enumerate(opened.pages)
                  if page.trimbox[2] > page.trimbox[3]]
    pages = [pdf_page_text(pdf, number) for number in turned]
    labels = [re.compile(rf"^\s*{re.escape(row[0][0].text)}\s", re.MULTILINE)
              for row in table.rows]
    return pages, [sum(1 for label in labels if label.search(page)) for page in pages]


@pytest.mark.slow
@pytest.mark.parametrize("text", [BRANCHES, BRANCHES_ZH], ids=["English", "Chinese"])
def test_a_table_standing_upright_is_set_as_its_pages_fill(text, tmp_path):
    """In print the same table stands upright in the running text, its rows filling the
    page they start on: none is balanced, every page the same size and none but the last
    left too empty."""
    pdf, document = rendered_edition(text, "print", tmp_path)
    report = preflight(pdf, document, load_layout(ROOT / "layouts", "print"))
    assert not [check for check in report.checks if check.rule == "typography"
                and not check.passed]
    with pikepdf.open(pdf) as opened:
        assert len({tuple(page.trimbox[2:]) for page in opened.pages}) == 1


def test_a_balanced_tables_pages_open_at_the_rows_the_placement_names():
    """The placement's shares mark the table `balanced` and the rows opening each later
    page `opens-page` (base.css keeps every other row with the one before); a table not
    balanced is marked neither way."""
    document = read_text(BRANCHES)
    layout = load_layout(ROOT / "layouts", "large-print")
    index = table_index(document)
    plain = render_html(document, layout)
    assert "balanced" not in plain and "opens-page" not in plain
    balanced = render_html(document, layout, Placement(balanced_tables={index: (8, 16)}))
    assert re.search(rf'<table data-block="{index}" class="[^"]*\bbalanced\b', balanced)
    rows = re.findall(r"<tr( class=\"[^\"]*\")?><t[dh][^>]*>(.*?)</t[dh]>",
                      balanced.split(f'data-block="{index}"')[1].split("<tbody>")[1]
                      .split("</tbody>")[0])
    opening = [number for number, (attribute, _) in enumerate(rows) if "opens-page" in attribute]
    assert opening == [8, 16]


@pytest.mark.slow
@pytest.mark.parametrize("path, heading", [(BRANCHES, "2\u00a0Our collections"),
                                           (BRANCHES_ZH, None)], ids=["english", "中文"])
def test_the_next_section_fills_the_page_before_a_turned_table(tmp_path, path, heading):
    """A table turned onto pages of its own in large print, nothing of its section after it:
    the next section's heading and text fill the page before it, as LaTeX floats a
    sidewaystable past a section's start (that page had been left half empty, 47 % and 59 %
    of it); the tag tree still reads the table before that section."""
    pdf, document = rendered_edition(path, "large-print", tmp_path)
    report = preflight(pdf, document, load_layout(ROOT / "layouts", "large-print"))
    assert not [check.message for check in report.checks
                if check.rule == "typography" and not check.passed]
    headings = [block.text for block in document.headings]
    heading = heading or headings[-1]
    with pikepdf.open(pdf) as opened:
        turned = [number for number, page in enumerate(opened.pages, 1)
                  if page.trimbox[2] > page.trimbox[3]]
    assert heading.split()[-1] in pdf_page_text(pdf, turned[0] - 1)
    assert heading == headings[-1]
    with pikepdf.open(pdf) as opened:
        kinds = [str(element.S) for element in structure_elements(opened.Root.StructTreeRoot)]
    last_heading = max(number for number, kind in enumerate(kinds) if re.fullmatch(r"/H\d", kind))
    assert kinds.index("/Table") < last_heading
