"""A table at the foot of a page in the print edition: split only where it does not fit the
space left, two rows at least on each page, its header row repeated (house style, Pages)."""

import random

import pytest

from pipeline.layouts import load_layout

from .conftest import ROOT
from .support import scraped_editions
from .typesetting import MM, measured

WORDS = ("harbour berth vessel cargo pilot tide dredging channel quay terminal crane tonnage "
         "throughput container inspection navigation beacon ferry licence survey mooring pier "
         "wharf dock fleet captain route schedule maintenance safety training revenue budget "
         "reserve audit committee board member staff officer").split()
ROWS = ("North quay\t4,103\t4,377\t+6.7%", "South quay\t3,412\t3,590\t+5.2%",
        "River berths\t1,398\t1,421\t+1.6%", "Ferry piers\t131\t128\t-2.3%",
        "Mid-stream\t912\t944\t+3.5%")


def paragraph(seed: int, words: int) -> str:
    chosen = random.Random(seed)
    sentences, count = [], 0
    while count < words:
        length = chosen.randint(8, 18)
        sentence = " ".join(chosen.choice(WORDS) for _ in range(length))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        count += length
    return " ".join(sentences)


def chapter(before: int) -> str:
    """A chapter whose table (five rows under a header row) stands lower on page 2 the longer
    `before`, the paragraph before its lead-in."""
    blocks = ["Chairman's Statement", "The year in review",
              *(paragraph(seed, 200 - 50 * (seed == 2)) for seed in range(3)),
              "Operations at the terminals", paragraph(3, before),
              "The terminals handled the following cargo during the year:",
              "Table 3.1 Cargo handled by terminal\nTerminal\t2022-23\t2023-24\tChange\n"
              + "\n".join(ROWS),
              *(paragraph(100 + seed, 150) for seed in range(4))]
    return "\n\n".join(blocks)


@pytest.mark.parametrize("before", [32, 40, 45, 60])
def test_a_table_splits_only_where_it_does_not_fit_two_rows_each_side(tmp_path, before):
    (tmp_path / "harbour.toml").write_text('title = "Annual Report"\n'
                                           'organisation = "Harbour Board"\ndate = 2024\n')
    _, pdfs = scraped_editions(tmp_path, "harbour", chapter(before), ["print"])
    edition = measured(pdfs["print"])
    rows = [[line for line in edition.lines if line.text.startswith(row.split("\t")[0])]
            for row in ROWS]
    assert all(len(found) == 1 for found in rows), rows
    pages = sorted({found[0].page for found in rows})
    headers = [line for line in edition.lines if line.text.endswith("Change")]
    assert [line.page for line in headers] == pages  # the header row on each page
    if len(pages) == 1:
        return
    first = [found[0] for found in rows if found[0].page == pages[0]]
    over = [found[0] for found in rows if found[0].page == pages[1]]
    assert len(first) >= 2 and len(over) >= 2, (len(first), len(over))
    # Split only where the rows that went over would not have fitted the space left.
    page = load_layout(ROOT / "layouts", "print").page
    foot = edition.trim[1] - page.margin_bottom_mm * MM
    pitch = over[1].top - over[0].top
    assert foot - first[-1].bottom < len(over) * pitch, (foot - first[-1].bottom, pitch)


@pytest.mark.parametrize("layout", ["print", "large-print"])
def test_a_narrow_tables_title_runs_as_wide_as_the_text_not_the_table(tmp_path, layout):
    """Over a table of three narrow columns the title keeps the text's width, as LaTeX and
    Typst set a table's caption: at the table's width it wrapped a few words a line, five
    lines in large print. A title the text's width holds is one line (it had been cut at
    70 characters, "…Collections, 2022–23 to" over "2024–25", under a table as wide)."""
    title = "Table 1: Water supplied and lost to leaks in each of the last three years"
    text = ("Water Board Annual Report\n\nThe Board supplied more water than ever before.\n\n"
            f"{title}\nYear\tSupplied\tLost\n2022\t1,012\t151\n2023\t1,034\t139\n"
            "2024\t1,051\t118\n\nLeaks fell by a fifth over the three years.\n")
    _, pdfs = scraped_editions(tmp_path, "water", text, [layout])
    lines = measured(pdfs[layout]).lines
    first = next(index for index, line in enumerate(lines) if line.text.startswith("Table 1"))
    header = next(index for index, line in enumerate(lines) if line.text.startswith("Year"))
    assert header - first <= 2, [line.text for line in lines[first:header]]
    if layout == "print":
        assert lines[first].text.endswith("three years"), lines[first].text


def berths(before: int) -> str:
    """A report whose table of forty berths and a total splits over pages, the lower on its
    first page the longer `before`."""
    rows = "\n".join(f"Berth {number}\t{1000 + number * 7:,}\t{1100 + number * 5:,}\t"
                     f"+{number % 9}.{number % 7}%" for number in range(1, 41))
    return "\n\n".join(["Chairman's Statement", paragraph(1, before), "The berths handled:",
                         "Table 2 Cargo by berth\nBerth\t2022-23\t2023-24\tChange\n" + rows
                         + "\nTotal\t50,000\t52,000\t+4.0%", paragraph(5, 100)])


@pytest.mark.parametrize("before", [136, 148])
def test_a_totals_row_goes_over_with_two_rows_at_least(tmp_path, before):
    """The table's last page carries two of its rows at least over its total: one row and the
    total had gone over together."""
    _, pdfs = scraped_editions(tmp_path, "berths", berths(before), ["print"])
    edition = measured(pdfs["print"])
    total = next(line for line in edition.lines if line.text.startswith("Total"))
    carried = [line for line in edition.lines
               if line.text.startswith("Berth ") and line.page == total.page]
    assert len(carried) >= 2, len(carried)


def short_table(before: int) -> str:
    """A review whose table of three rows and a total, after its heading and lead-in, comes
    at the foot of the first page of its large-print edition, the lower the longer
    `before`."""
    rows = ("Reservoirs and dams\t£41.2m\t£48.9m\t+18.7%", "Locks and bridges\t£36.8m\t£38.1m\t+3.5%",
            "Towpaths and embankments\t£22.5m\t£29.7m\t+32.0%", "Total\t£100.5m\t£116.7m\t+16.1%")
    return "\n\n".join(["Chief Executive's review", paragraph(1, before), "Where the money went",
                        "Our income fell by 4% to £212.6 million, while maintenance rose:",
                        "Area\t2023/24\t2024/25\tChange\n" + "\n".join(rows),
                        "Source: audited accounts, year to 31 March 2025.", paragraph(5, 120)])


@pytest.mark.parametrize("before", [92, 104])
def test_a_totalled_table_that_must_split_leaves_two_rows_at_the_foot(tmp_path, before):
    """Kept whole, the table (too long for the space left) left the page a hole; split, its
    totals row keeping two rows with it, a single row stayed at the foot, the page still over
    15 % empty. Where two rows fit there, they stay, and one goes over with the total."""
    _, pdfs = scraped_editions(tmp_path, "review", short_table(before), ["large-print"])
    lines = measured(pdfs["large-print"]).lines
    pages = [next(line.page for line in lines if line.text.startswith(first))
             for first in ("Reservoirs", "Locks", "Towpaths", "Total")]
    assert pages == [1, 1, 2, 2], pages


def test_a_short_table_a_page_break_splits_is_kept_whole_unless_that_leaves_a_hole(
        monkeypatch):
    """A table of fewer than seven rows split over a page turn (two and two) is kept whole in
    the next layout, going over to the next page as a typesetter keeps a short table; once
    kept whole has left a hole and been let split after all (split_short), it stays split:
    the house style leaves no page but the last more than 15 % empty. A longer table split
    with rows enough on each page stays split."""
    from pipeline.writers.html import Placement
    from pipeline.writers.pdf import placement

    monkeypatch.setattr(placement, "body_rows", lambda box: dict.fromkeys(range(box)))
    short = [(1, 5, 2, 0.0), (2, 5, 2, 0.0)]  # (page, block, its rows there, measure)
    assert 5 in placement.split_tables(Placement(), [], {}, short, []).whole_tables
    let_split = Placement(short_splits=frozenset({5}))
    assert 5 not in placement.split_tables(let_split, [], {}, short, []).whole_tables
    long = [(1, 5, 4, 0.0), (2, 5, 5, 0.0)]
    assert placement.split_tables(Placement(), [], {}, long, []).whole_tables == frozenset()


BERTHS = ("Container quay", "Bulk berth", "Ro-ro ramp", "Ferry pier", "Tanker jetty",
          "Barge wharf", "Cruise terminal", "Fish market", "Dry dock", "Lighter basin",
          "Cement silo", "Grain store")
BERTHS_ZH = ("貨櫃碼頭", "散貨泊位", "滾裝坡道", "渡輪碼頭", "油輪浮台", "躉船碼頭", "郵輪碼頭",
             "魚類批發市場", "乾船塢", "駁船灣", "水泥倉", "糧倉")
CHINESE = ("本局 港口 船隻 泊位 貨櫃 航道 疏浚 安全 檢查 領港 潮汐 碼頭 吞吐量 營運 培訓 預算 "
           "委員會 人員 服務 發展 環境 海事 設施 維修 監察 計劃").split()


def chinese_paragraph(seed: int, words: int) -> str:
    chosen = random.Random(seed)
    sentences = []
    while sum(map(len, sentences)) < words * 2:
        sentences.append("".join(chosen.choice(CHINESE) for _ in range(chosen.randint(5, 9)))
                         + chosen.choice("，。") )
    return "".join(sentences)[:-1] + "。"


def berth_report(before: int, chinese: bool = False) -> str:
    """A report whose table of twelve berths and a total, after a paragraph that is no
    lead-in, stands the lower on its page the longer `before`, with its source line and a
    paragraph of its section after it."""
    text = chinese_paragraph if chinese else paragraph
    names = BERTHS_ZH if chinese else BERTHS
    rows = "\n".join(f"{name}\t{400 + 37 * number:,}\t{420 + 41 * number:,}\t"
                     f"{number % 5 + 1}.{number % 7}" for number, name in enumerate(names))
    head, total, source = (("表四 各泊位船隻停泊次數\n泊位\t2022-23\t2023-24\t變動(%)", "合計",
                            "資料來源：泊位營運商記錄") if chinese else
                           ("Table 4 Vessel calls by berth\nBerth\t2022-23\t2023-24\tChange (%)",
                            "Total", "Source: berth operators' logs"))
    titles = (("港口事務監督報告", "年內航運", "泊位及碼頭", "疏浚") if chinese else
              ("Harbour Master's Report", "Shipping in the year", "Berths and quays", "Dredging"))
    return "\n\n".join([titles[0], titles[1], text(7, 220), titles[2], text(8, before),
                        f"{head}\n{rows}\n{total}\t9,999\t10,999\t3.0", source, text(9, 90),
                        titles[3], text(10, 160), text(11, 140)])


@pytest.mark.parametrize(("layout", "before", "chinese"), [
    ("print", 362, False), ("print", 374, False), ("screen", 335, False),
    ("large-print", 350, False), ("print", 800, True), ("large-print", 260, True)])
def test_a_table_that_would_leave_a_few_rows_at_a_pages_foot_is_set_after_the_next_paragraph(
        tmp_path, layout, before, chinese):
    """Split, the table left two or three of its twelve rows at the foot of a page and the
    rest, its header repeated, overleaf, where it fits whole: it is set after the paragraph
    of its section that follows it (and with its source line), as LaTeX floats a table, that
    paragraph filling the foot of the page. Where more than a third of its rows fit, it
    splits as before."""
    _, pdfs = scraped_editions(tmp_path, "harbour", berth_report(before, chinese), [layout])
    lines = measured(pdfs[layout]).lines
    names = BERTHS_ZH if chinese else BERTHS
    pages = [next(line.page for line in lines if line.text.startswith(name)) for name in names]
    first = pages.count(pages[0])
    assert first == len(names) or 3 * first >= len(names), pages
    following = paragraph(9, 90)[:12] if not chinese else chinese_paragraph(9, 90)[:6]
    title = next(line for line in lines if line.text.startswith(("Table 4", "表四")))
    source = next(line for line in lines if line.text.startswith(("Source: berth", "資料來源")))
    after = next(line for line in lines if line.text.startswith(following))
    assert source.page == pages[-1]
    if (after.page, after.top) < (title.page, title.top):  # set later: it heads its page
        assert title.page == after.page + 1 and first == len(names), (title, after)


@pytest.mark.parametrize("side", ["opening", "block"])
def test_a_floated_table_that_leaves_a_page_too_empty_is_put_back_and_split(monkeypatch, side):
    """A table set after the paragraph that follows it (floated), with its source line and
    the figure it carried, heads a page left too empty (a heading and the long table its
    lead-in keeps did not fit under it), or the page before it is: it is put back where its
    text has it, to split at the page's foot as before, and is never floated again."""
    from pipeline.writers.html import Placement
    from pipeline.writers.pdf import placement

    kinds = ["heading", "paragraph", "table", "table source", "figure", "paragraph",
             "heading", "lead-in", "table"]
    floated = Placement(order=(0, 1, 5, 2, 3, 4, 6, 7, 8), whole_tables=frozenset({2}),
                        parted_tables=frozenset({2}), floated_tables=frozenset({2}))
    hole = placement.Hole(200.0, 6 if side == "opening" else 2, "h2" if side == "opening"
                          else "table", 40.0, 0.0, opening=2 if side == "opening" else 1)
    unseen = placement.all_mended(floated, [hole], kinds)  # floated since this layout
    assert unseen.order == floated.order and unseen.floated_tables == {2}
    back = placement.all_mended(floated, [hole], kinds, floated.floated_tables)
    assert back.ordered(len(kinds)) == tuple(range(len(kinds)))
    assert 2 in back.short_splits and not back.floated_tables and 2 not in back.whole_tables
    monkeypatch.setattr(placement, "body_rows", lambda box: dict.fromkeys(range(box)))
    tables = [(3, 2, 3, 0.0), (4, 2, 11, 0.0)]  # split again: three rows of fourteen
    assert placement.split_tables(back, [], {}, tables, kinds).order == back.order


CHART = ('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300">'
         '<rect x="50" y="50" width="100" height="200" fill="#336699"/>'
         '<rect x="200" y="100" width="100" height="150" fill="#6699cc"/>'
         '<text x="60" y="285" font-size="20">January</text>'
         '<text x="210" y="285" font-size="20">February</text>'
         '<text x="400" y="200" font-size="20">Visitors (thousands)</text></svg>')
GROUPS = ("Adults\t120,400\t56%", "Schools\t42,800\t20%", "Families\t38,500\t18%",
          "Others\t12,300\t6%")


def test_a_short_table_under_a_chart_stands_whole_the_chart_a_little_smaller(tmp_path):
    """A table of four rows under a chart, at the foot of the screen edition's first page:
    the chart is set a little smaller and the table stands whole under it (it had split two
    rows and two, kept whole it had left the page too empty), as a typesetter shrinks a
    picture's frame before splitting a short table."""
    (tmp_path / "visitors.svg").write_text(CHART, encoding="utf-8")
    (tmp_path / "museum.toml").write_text(
        'title = "Annual Review 2024"\norganisation = "Eastgate Museum of Maritime History"\n'
        'date = 2024\n[images]\n1 = "visitors.svg"\n', encoding="utf-8")
    text = "\n\n".join([
        "Annual Review 2024", "Overview",
        "The Eastgate Museum of Maritime History received 214,000 visitors in 2024. Our new "
        "gallery of ship models opened in March.", "Collections",
        "The museum acquired 312 objects, of which 140 were donated by families of former dock "
        "workers. Each object was photographed and catalogued within six weeks of its "
        "arrival, and the most fragile were moved to the new store.", "Visitors",
        "Figure 1: Visitors by month, 2024",
        "Table 1: Visitors by group\nGroup\tVisitors\tShare\n" + "\n".join(GROUPS),
        "The figures above include school groups, which made up a fifth of all visits.",
        "Finance", "The museum ended the year with a small surplus."])
    _, pdfs = scraped_editions(tmp_path, "museum", text, ["screen"])
    edition = measured(pdfs["screen"])
    pages = {line.page for line in edition.lines
             for row in GROUPS if line.text.startswith(row.split("\t")[0])}
    assert len(pages) == 1, pages
