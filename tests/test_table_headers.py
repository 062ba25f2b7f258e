"""A table's column heads set as a typesetter sets them: the columns given the width their
heads need before the body's, each head broken only between its words (a Chinese one where
its marks and 的 show them), in balanced lines, never a word leading into the next alone on
a line, the head row no more than three lines deep, or the table set smaller (on a turned
page in large print, whose type is never smaller). Large print had set `Share of parcels
delivered to the door` a word a line, `Target for 2025–26` over three, and broken Chinese
heads between any two characters; every edition passes its preflight with its heads so set."""

from __future__ import annotations

import re

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.languages import detect
from pipeline.layouts import load_layout
from pipeline.model import Document, Metadata, Span, Table, plain
from pipeline.pdf.structure import attribute, kids_of, structure_elements
from pipeline.readers.scraped import scraped_document
from pipeline.writers.html import render_html
from pipeline.writers.html.blocks import HEADER_DEPTH, header_settings, label_words

from .conftest import ROOT
from .support import scraped_editions
from .typesetting import measured

LAYOUTS = ("print", "screen", "large-print")
ENGLISH_HEADS = ("Food bank", "Number of families supported", "Parcels handed out in the year",
                 "Target for 2025–26", "Share of parcels delivered to the door")
CHINESE_HEADS = ("食物銀行", "受惠家庭數目", "全年派發的食物包數量", "二〇二五至二六年度目標",
                 "送貨上門的食物包比率")
PLACES = ("North Shields", "South Bank", "West End", "Low Fell", "High Heaton", "Byker Wall",
          "Elswick Park", "Walker Riverside", "Benwell Grange", "Fenham Hall", "Kenton Bar",
          "Gosforth Central")
CHINESE_PLACES = ("中西區", "灣仔", "東區", "南區", "油尖旺", "深水埗", "九龍城", "黃大仙", "觀塘",
                  "葵青", "荃灣", "屯門")


def food_banks(heads: tuple[str, ...], places: tuple[str, ...], title: str, lead: str) -> str:
    rows = "\n".join(f"{place}\t{410 + number * 37:,}\t{9000 + number * 311:,}\t"
                     f"{500 + number * 41:,}\t{60 + number * 3}%"
                     for number, place in enumerate(places))
    return f"{title}\n\n{lead}\n\n" + "\t".join(heads) + "\n" + rows + "\n"


ENGLISH = food_banks(ENGLISH_HEADS, PLACES, "Food Bank Network Review",
                     "Each food bank's families, parcels and targets were as follows:")
CHINESE = food_banks(CHINESE_HEADS, CHINESE_PLACES, "食物銀行網絡年報",
                     "各食物銀行的受惠家庭及目標如下：")


def heads_as_set(html: str) -> list[tuple[str, list[str]]]:
    """Each column head of the HTML's table: its class, and its lines (parted by the
    balancing breaks the writer sets, their text without tags)."""
    return [(cell_class, [re.sub(r"<[^>]+>|\u2060", "", line)
                          for line in re.split(r'<br class="balancing">', inner)])
            for cell_class, inner in re.findall(r'<th scope="col"(?: class="([^"]*)")?>(.*?)</th>',
                                                html)]


@pytest.mark.parametrize("text", ["Number of families supported", "Target for 2025–26",
                                  "Share of parcels delivered to the door"])
def test_no_setting_of_a_head_leaves_a_word_leading_into_the_next_alone(text):
    unending = detect(text).unending_words
    for lines, _ in header_settings(text, lambda words, bold: len(words) * 0.55):
        assert "".join(lines) == text
        assert not any(line.strip().casefold() in unending for line in lines), lines


@pytest.mark.parametrize(("name", "text", "heads"), [
    ("banks", ENGLISH, ENGLISH_HEADS), ("banks-zh", CHINESE, CHINESE_HEADS),
], ids=["English", "Chinese"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_head_is_set_in_whole_words_on_balanced_lines(tmp_path, name, text, heads,
                                                           layout):
    from pipeline.readers.metadata import load_metadata
    from pipeline.readers.scraped import read_scraped

    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    document = read_scraped(source, load_metadata(tmp_path / f"{name}.toml", [layout]))[0]
    assert any(isinstance(block, Table) and tuple(map(plain, block.header)) == heads
               for block in document.blocks)
    set_heads = heads_as_set(render_html(document, load_layout(ROOT / "layouts", layout)))
    assert ["".join(lines) for _, lines in set_heads] == list(heads)
    for (cell_class, lines), head in zip(set_heads, heads, strict=True):
        assert "unbroken" in (cell_class or ""), (head, cell_class)  # each line whole
        assert len(lines) <= HEADER_DEPTH, lines
        assert_whole_words(head, lines)


def assert_whole_words(head: str, lines: list[str]) -> None:
    """Each line ends between two of the head's words (a Chinese head's label_words), and
    none holds a word leading into the next alone."""
    if " " in head:
        words = re.findall(r"[^ ]+ *", head)
        assert all(line.strip() for line in lines), lines
        assert not any(line.strip().casefold() in detect(head).unending_words
                       for line in lines), lines
    else:
        words = list(label_words(head))
    ends = {sum(map(len, words[:count])) for count in range(len(words) + 1)}
    position = 0
    for line in lines:
        position += len(line)
        assert position in ends, (head, lines)


@pytest.mark.slow  # six editions rendered
@pytest.mark.parametrize(("name", "text", "first"), [
    ("banks", ENGLISH, PLACES[0]), ("banks-zh", CHINESE, CHINESE_PLACES[0]),
], ids=["English", "Chinese"])
def test_the_head_row_is_three_lines_deep_at_most_and_passes_the_preflight(tmp_path, name,
                                                                           text, first):
    document, pdfs = scraped_editions(tmp_path, name, text, list(LAYOUTS))
    for layout, pdf in pdfs.items():
        assert len(head_lines(measured(pdf).lines, first)) <= HEADER_DEPTH, layout
        report = preflight(pdf, document, load_layout(ROOT / "layouts", layout), tmp_path)
        assert not report.errors, (layout, [(check.rule, check.message)
                                            for check in report.errors])


def head_lines(lines: list, first: str) -> list[float]:
    """The tops of the lines of the head row over the table's first row (opening with
    `first`): those right above it, each no further from the next than a line's height and
    a half (the rule over the head and the space round it part it from the text above)."""
    row = next(line for line in lines if line.text.startswith(first))
    above = sorted({round(line.top, 1) for line in lines
                    if line.page == row.page and line.bottom <= row.top}, reverse=True)
    tops, step = [], row.bottom - row.top
    for top in above:
        if (tops[-1] if tops else row.top) - top > 1.5 * step + (0 if tops else step):
            break
        tops.append(top)
    return tops


def branches() -> Document:
    """Wards with their nearest branch's name, the date it opened and two columns of figures,
    one under a long head: its columns' natural widths just wider than the measure."""
    rows = (("Ash Grove", "Canal Street", "4\u00a0May", "2", "12"),
            ("Birch Hill", "Market Square", "19\u00a0June", "1", "9"),
            ("Cedar Park", "Old Town", "23\u00a0September", "3", "14"))
    table = Table(tuple((Span(head),) for head in ("Ward", "Nearest branch", "Opened", "Floors",
                                                    "Staff on duty")),
                  tuple(tuple((Span(cell),) for cell in row) for row in rows),
                  (Span("Table 2 Branches by ward"),))
    return Document("branches", Metadata(title="Libraries"), None, (table,))


@pytest.mark.parametrize("layout", ["print", "screen"])
def test_a_column_of_short_names_is_whole_before_a_head_takes_one_line(layout):
    """Each column gets the width its longest name needs before any is wrapped, as a
    typesetter gives it (the renderer had broken `Market Square` over two lines in every row,
    the room going to `Staff on duty` on one line over its figures): the long head goes over
    two lines, a line the table's once, the names each on one."""
    html = render_html(branches(), load_layout(ROOT / "layouts", layout))
    for name in ("Canal Street", "Market Square", "Old Town"):
        assert f'<td class="unbroken">{name}</td>' in html, name
    assert ("numeric unbroken", ["Staff ", "on duty"]) in heads_as_set(html)


def depots() -> Document:
    """Depots numbered after their names (`Quarry Lane Yard 2`), with four columns of
    figures and a state: too wide for large print's measure with every name on one line."""
    names = ("Quarry Lane Yard", "Fernbrook Gritting Store", "Ashworth Vehicle Workshop")
    rows = tuple((f"{name} {number}", f"{4100 + number * 37:,}", f"{8300 + number * 311:,}",
                  f"{number * 3.1:.1f}%", "Under review")
                 for number in (1, 2, 3) for name in names)
    table = Table(tuple((Span(head),) for head in ("Depot", "2023–24", "2024–25", "Change",
                                                    "Status")),
                  tuple(tuple((Span(cell),) for cell in row) for row in rows),
                  (Span("Table 3 Depots by year"),))
    return Document("depots", Metadata(title="Depots"), None, (table,))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_labels_closing_figure_never_stands_alone_on_a_line(layout):
    """A label closed by a figure (`Quarry Lane Yard 2`) keeps it with the word before it, a
    no-break space between, as the house style binds a number to its noun: where the column
    cannot be as wide as its longest label (large print's type), it had wrapped `Quarry Lane
    Yard / 2`, the figure alone."""
    html = render_html(depots(), load_layout(ROOT / "layouts", layout))
    for name in ("Quarry Lane Yard", "Fernbrook Gritting Store", "Ashworth Vehicle Workshop"):
        for number in (1, 2, 3):
            assert f"{name}\u00a0{number}</" in html, (name, number)


def over_row_labels(heads: tuple[str, ...], rows: tuple[tuple[str, ...], ...], title: str,
                    lead: str) -> str:
    """A table whose header row opens with a tab, as one copied from a spreadsheet over its
    rows' labels: its top-left corner empty."""
    lines = ["\t" + "\t".join(heads), *("\t".join(row) for row in rows)]
    return f"{title}\n\n{lead}\n\n" + "\n".join(lines) + "\n"


CORNERED = {
    "visits": over_row_labels(("2023–24", "2024–25"),
                              (("Canal Street", "412", "437"), ("Market Square", "298", "305"),
                               ("Old Town", "154", "171")),
                              "Library Service Review", "Visits to each branch were as follows:"),
    "visits-zh": over_row_labels(("2023-24年度", "2024-25年度"),
                                 (("中西區", "41,200", "43,700"), ("灣仔", "29,800", "30,500"),
                                  ("東區", "15,400", "17,100")),
                                 "圖書館服務年報", "各分館的入館人次如下："),
}


@pytest.mark.parametrize("name", CORNERED)
def test_an_empty_corner_heads_nothing(name):
    """The empty top-left cell over a table's row labels is a data cell, not a header
    cell: written as one, a screen reader announced a blank column head."""
    document, _ = scraped_document(name, CORNERED[name], Metadata(title=""))
    assert not plain(document.blocks[1].header[0])
    html = render_html(document, load_layout(ROOT / "layouts", "screen"))
    head = re.search(r"<thead>.*?</thead>", html, re.S).group()
    assert re.search(r"<tr>\s*<td></td>\s*<th", head)
    assert not re.search(r"<th[^>]*></th>", html)


def test_an_empty_row_label_heads_nothing():
    """A row whose label cell is empty (as a draft's table may leave one) is data cells
    alone: its empty first cell is no row header either."""
    rows = (("Canal Street", "412", "437"), ("", "298", "305"), ("Old Town", "154", "171"))
    table = Table(tuple((Span(head),) for head in ("Branch", "2023–24", "2024–25")),
                  tuple(tuple((Span(cell),) if cell else () for cell in row) for row in rows))
    html = render_html(Document("visits", Metadata(title="Visits"), None, (table,)),
                       load_layout(ROOT / "layouts", "screen"))
    assert html.count('<th scope="row"') == 2
    assert not re.search(r"<th[^>]*></th>", html)


def test_a_pasted_rows_empty_label_is_a_data_cell():
    """A pasted row opening with a tab, its label cell empty, is written with that cell a
    data cell and its figures under their columns, as a draft's empty label is."""
    text = ("Library Service Review\n\nVisits to each branch were as follows:\n\n"
            "\t2023–24\t2024–25\nCanal Street\t412\t437\n\t298\t305\nOld Town\t154\t171\n")
    document, _ = scraped_document("visits", text, Metadata(title=""))
    html = render_html(document, load_layout(ROOT / "layouts", "screen"))
    body = re.search(r"<tbody>.*?</tbody>", html, re.S).group()
    assert re.search(r"<tr>\s*<td></td>\s*<td[^>]*>298</td>\s*<td[^>]*>305</td>", body)
    assert not re.search(r"<th[^>]*></th>", html)


@pytest.mark.slow  # four editions rendered
@pytest.mark.parametrize("name", CORNERED)
def test_the_tagged_editions_tag_an_empty_corner_as_a_data_cell(tmp_path, name):
    """In the tagged editions the empty corner is a TD: no TH holds nothing, every cell's
    /Headers names header cells that are there, and the preflight passes."""
    document, pdfs = scraped_editions(tmp_path, name, CORNERED[name], ["screen", "large-print"])
    for layout, path in pdfs.items():
        with pikepdf.open(path) as pdf:
            cells = [element for element in structure_elements(pdf.Root.StructTreeRoot)
                     if element.S in (pikepdf.Name.TH, pikepdf.Name.TD)]
            heads = {bytes(cell.ID) for cell in cells if cell.S == pikepdf.Name.TH}
            assert all(kids_of(cell) for cell in cells if cell.S == pikepdf.Name.TH), layout
            assert cells[0].S == pikepdf.Name.TD and not kids_of(cells[0]), layout
            named = [bytes(header) for cell in cells
                     for header in attribute(cell, "/Table", "/Headers") or ()]
            assert named and set(named) <= heads, layout
        report = preflight(path, document, load_layout(ROOT / "layouts", layout), tmp_path)
        assert not report.errors, (layout, [(check.rule, check.message)
                                            for check in report.errors])


@pytest.mark.slow  # two editions rendered
@pytest.mark.parametrize(("name", "text", "years"), [
    ("income", "Income\n\nOur income grew in each of the last three years.\n\n"
     "Table 3  Income by year\nYear\tGrants\tFees\n2022\t1.2\t0.3\n2023\t1.4\t0.4\n"
     "2024\t1.7\t0.5\n\nWe expect further growth.", ["2022", "2023", "2024"]),
    ("visitors", "訪客\n\n過去三年訪客人數持續上升。\n\n表1  按年度劃分的訪客人數\n年度\t訪客\t導賞團\n"
     "2022-23年度\t12,400\t310\n2023-24年度\t14,100\t355\n\n我們預計人數會繼續增加。",
     ["2022-23年度", "2023-24年度"]),
], ids=["years", "年度"])
def test_a_first_column_of_years_heads_the_rows_of_figures(tmp_path, name, text, years):
    """A first column of years (`2022`, `2022-23年度`) over columns of figures labels their
    rows, as a stub does: its cells are row headers (TH, /Scope /Row), set at the left with
    their column's head, and each figure's /Headers names its year and its column's head.
    The years had been data cells, a figure read with its column's head alone."""
    document, pdfs = scraped_editions(tmp_path, name, text, ["screen", "large-print"])
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    assert table.numeric == (False, True, True)
    for layout, path in pdfs.items():
        with pikepdf.open(path) as pdf:
            cells = [element for element in structure_elements(pdf.Root.StructTreeRoot)
                     if element.S in (pikepdf.Name.TH, pikepdf.Name.TD)]
            rows = [cell for cell in cells if attribute(cell, "/Table", "/Scope") == "/Row"]
            assert len(rows) == len(years), layout
            row_ids = {bytes(cell.ID) for cell in rows}
            figures = [cell for cell in cells if cell.S == pikepdf.Name.TD]
            assert figures and all(
                row_ids & {bytes(header) for header in attribute(cell, "/Table", "/Headers")}
                for cell in figures), layout
