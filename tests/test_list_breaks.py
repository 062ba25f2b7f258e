"""Lists broken across pages as a typesetter breaks them (house style, Pages: no widows or
orphans; the lead-in stays with the list's first items): at least two of a list's lines at a
page's foot and at its head, without leaving a page but the last more than 15 % empty; an
item holding a nested list split between its nested items where kept whole it would leave a
page so. Swept: a paragraph before the list's lead-in grows a sentence at a time, bringing
the list's start, then its end, to the foot of a page, in English and in Chinese."""

import random

import pytest

from pipeline.layouts import load_layout
from pipeline.model import List, Metadata
from pipeline.readers.scraped import scraped_document
from pipeline.writers.html import Placement, render_html

from .conftest import ROOT
from .support import scraped_editions
from .typesetting import MM, measured

MAX_EMPTY = 0.15
LIST_LINES = 2

ENGLISH = {
    "toml": 'title = "Annual Report 2024"\norganisation = "Fenland Water Board"\ndate = 2024\n',
    "heading": "Chief Engineer's Review",
    "words": ("pump station drain bank sluice levels winter board district engineer culvert "
              "channel depot survey flood barrier outfall catchment rainfall repair contract "
              "budget inspection crew weed dredging gauge telemetry").split(),
    "lead_in": "The board set itself these aims for the coming year:",
    "items": ["1. renew the pumps at Denver sluice;", "2. raise the banks at Welney;",
              "3. open the new depot at March;", "4. survey every culvert in the district;",
              "5. train twelve new operators;", "6. publish the flood plan."],
    "nested": ["(a) the north bank;", "(b) the south bank;", "(c) the wash barrier;",
               "(d) the relief channel;", "(e) the cut-off channel;"],
    "after": "These aims were agreed with the districts.",
}
CHINESE = {
    "toml": ('title = "年報二〇二四"\norganisation = "新界排水管理局"\ndate = 2024\n'
             'language = "zh-HK"\n'),
    "heading": "總工程師報告",
    "words": ("抽水站 渠道 堤岸 水閘 水位 冬季 管理局 地區 工程師 涵洞 河道 車廠 測量 洪水 "
              "防波堤 排水口 集水區 雨量 維修 合約 預算 檢查 隊伍 清淤 水尺 遙測").split(),
    "lead_in": "本局為來年訂下以下目標：",
    "items": ["一、更新上水抽水站的水泵；", "二、加高元朗的河堤；", "三、啟用粉嶺新車廠；",
              "四、檢查區內每一條涵洞；", "五、培訓十二名新操作員；", "六、公布防洪計劃。"],
    "nested": ["（一）北岸；", "（二）南岸；", "（三）防波堤；", "（四）分洪道；", "（五）截流道；"],
    "after": "上述目標已與各區商定。",
}
TEXTS = {"english": ENGLISH, "chinese": CHINESE}
# A list whose first item runs to two lines in large print, and the first of its nested items
# to two or three: the lead-in, the item's text and that nested item are more than a page's
# foot holds.
LONG_FIRST = {
    "english": ["1. renew the pumps at Denver sluice and at every station on the Hundred Foot "
                "Drain, where the banks are lowest;",
                "    (a) the diesel engines installed at the old station before the war by "
                "the first board, and the pumps added since at every station in the north of "
                "the district;",
                "    (b) the electric pumps;", "    (c) the telemetry;",
                *ENGLISH["items"][1:]],
    "chinese": ["一、更新上水、粉嶺、大埔及元朗各區抽水站的水泵，並為每一座抽水站加裝後備發電機及遙測設備；",
                "    （一）戰前由首屆管理局在舊抽水站裝設的柴油機，以及其後在新界北各區陸續加裝的水泵；",
                "    （二）電動水泵；", "    （三）遙測設備；",
                *CHINESE["items"][1:]],
}


def paragraph(language: str, seed: int, sentences: int) -> str:
    """`sentences` sentences of words drawn at random (the same for the same `seed`)."""
    chosen, words = random.Random(seed), TEXTS[language]["words"]
    made = []
    for _ in range(sentences):
        drawn = [chosen.choice(words) for _ in range(chosen.randint(8, 14))]
        if language == "chinese":
            made.append("".join(drawn[:6]) + "，" + "".join(drawn[6:]) + "。")
        else:
            made.append(" ".join(drawn).capitalize() + ".")
    return ("" if language == "chinese" else " ").join(made)


def chapter(language: str, before: int, nested: bool = False) -> tuple[str, str, list[str]]:
    """A chapter whose list stands lower the longer `before` (sentences before its lead-in):
    its text, its metadata and the texts of the list's lines; `nested`: its third item holds
    a nested list."""
    text = TEXTS[language]
    items = list(text["items"])
    lines = list(items)
    if nested:
        indented = [f"    {item}" for item in text["nested"]]
        items[2:3] = [items[2], *indented]
        lines[3:3] = text["nested"]
    blocks = [text["heading"], paragraph(language, 1, 4), paragraph(language, 2, before + 1),
              text["lead_in"], "\n".join(items), text["after"],
              *(paragraph(language, seed, 8) for seed in range(3, 6))]
    return "\n\n".join(blocks), text["toml"], [line.split(" ", 1)[-1] for line in lines]


def list_lines_per_page(edition, items: list[str]) -> list[int]:
    """How many of the list's lines each page holds."""
    return [sum(1 for line in edition.on_page(page)
                if any(item in line.text.replace(" ", "") for item in
                       (each.replace(" ", "") for each in items)))
            for page in range(1, edition.pages + 1)]


def empty_shares(edition, layout: str) -> list[float]:
    """The share of each page's text area left empty below its last line (the folio, in the
    margin below, aside)."""
    page = load_layout(ROOT / "layouts", layout).page
    top, bottom = page.margin_top_mm * MM, edition.trim[1] - page.margin_bottom_mm * MM
    shares = []
    for number in range(1, edition.pages + 1):
        lowest = max((line.bottom for line in edition.on_page(number)
                      if line.bottom <= bottom + 2), default=top)
        shares.append((bottom - lowest) / (bottom - top))
    return shares


def split_lists(edition, items: list[str]) -> list[tuple[int, int, int]]:
    """(page, lines at its foot, lines at the next one's head) of each break of the list."""
    counts = list_lines_per_page(edition, items)
    return [(page, counts[page - 1], counts[page]) for page in range(1, edition.pages)
            if counts[page - 1] and counts[page]]


def built(tmp_path, language: str, before: int, layout: str):
    text, toml, items = chapter(language, before, nested=layout == "large-print")
    name = f"{language}-{before}"
    (tmp_path / f"{name}.toml").write_text(toml, encoding="utf-8")
    _, pdfs = scraped_editions(tmp_path, name, text, [layout])
    return measured(pdfs[layout]), items


# The paragraph's lengths that bring the list's first line, then its last, to the foot of
# page 1 in print (its first item alone there, then its last alone overleaf, unmended).
PRINT_SWEEPS = {"english": range(16, 23), "chinese": range(20, 29)}


@pytest.mark.slow
@pytest.mark.parametrize("language", ["english", "chinese"])
def test_a_list_leaves_two_lines_at_least_at_a_page_foot_and_head(tmp_path, language):
    breaks = []
    for before in PRINT_SWEEPS[language]:
        edition, items = built(tmp_path, language, before, "print")
        found = split_lists(edition, items)
        assert all(foot >= LIST_LINES and head >= LIST_LINES for _, foot, head in found), (
            before, found)
        shares = empty_shares(edition, "print")
        assert max(shares[:-1]) <= MAX_EMPTY, (before, shares)
        breaks += found
    assert breaks  # the sweep did bring the list across a page break


@pytest.mark.slow
@pytest.mark.parametrize("language", ["english", "chinese"])
def test_an_item_holding_a_list_splits_between_its_items_rather_than_leave_a_hole(
        tmp_path, language):
    """In large print, an item holding a nested list of five items, kept whole, would go over
    whole and leave page 1 up to a fifth empty; it splits between its nested items instead,
    two lines at least on each page."""
    for before in range(2, 8):
        edition, items = built(tmp_path, language, before, "large-print")
        found = split_lists(edition, items)
        assert all(foot >= LIST_LINES and head >= LIST_LINES for _, foot, head in found), (
            before, found)
        shares = empty_shares(edition, "large-print")
        # The placement measures the renderer's boxes, pdftotext the glyphs' lines: they
        # differ by a fraction of a line.
        assert max(shares[:-1]) <= MAX_EMPTY + 0.01, (before, shares)


def led_chapter(language: str, before: int) -> str:
    """A chapter whose lead-in, over a list of LONG_FIRST's, stands lower the longer
    `before`."""
    text = TEXTS[language]
    return "\n\n".join([text["heading"], paragraph(language, 1, 4),
                         paragraph(language, 2, before + 1), text["lead_in"],
                         "\n".join(LONG_FIRST[language]), text["after"],
                         *(paragraph(language, seed, 8) for seed in range(3, 6))])


def lines_under(edition, layout: str, opening: str) -> int:
    """How many lines of the text area stand under the line that is `opening`, on its page."""
    page = load_layout(ROOT / "layouts", layout).page
    bottom = edition.trim[1] - page.margin_bottom_mm * MM
    found = next(line for line in edition.lines
                 if line.text.replace(" ", "") == opening.replace(" ", ""))
    return sum(1 for line in edition.on_page(found.page)
               if found.bottom < line.top and line.bottom <= bottom + 2)


# The paragraph's lengths that bring the lead-in to the foot of page 1 in large print, where
# it and the list's first lines, kept together, left the page up to 23 % empty.
LEAD_IN_SWEEPS = {"english": range(4, 8), "chinese": range(6, 10)}


@pytest.mark.slow
@pytest.mark.parametrize("language", ["english", "chinese"])
def test_a_lead_in_at_a_page_foot_keeps_the_first_item_s_first_lines_and_the_list_runs_on(
        tmp_path, language):
    """In large print, a lead-in near a page's foot over an item of two lines whose first
    nested item has two lines too: the item's own text parts from its nested list, the
    lead-in keeping the item's first lines at the foot, rather than all going over and
    leaving the page too empty."""
    for before in LEAD_IN_SWEEPS[language]:
        name = f"{language}-{before}"
        (tmp_path / f"{name}.toml").write_text(TEXTS[language]["toml"], encoding="utf-8")
        _, pdfs = scraped_editions(tmp_path, name, led_chapter(language, before),
                                   ["large-print"])
        edition = measured(pdfs["large-print"])
        shares = empty_shares(edition, "large-print")
        assert max(shares[:-1]) <= MAX_EMPTY + 0.01, (before, shares)
        assert lines_under(edition, "large-print", TEXTS[language]["lead_in"]) >= LIST_LINES, (
            before)


def test_the_placement_names_the_items_it_keeps_and_the_items_it_lets_split():
    """Items are numbered in the order they are read, nested ones too: the writer sets the
    class the placement asks of each (base.css keeps or splits it)."""
    text = ("The laboratory set these aims:\n\n- new sensors;\n  - probes;\n  - loggers;\n"
            "- staff training;\n- a new store.")
    document = scraped_document("lab", text, Metadata(title="Laboratory Notes"))[0]
    block = next(index for index, each in enumerate(document.blocks) if isinstance(each, List))
    layout = load_layout(ROOT / "layouts", "print")
    placement = Placement(kept_items=frozenset({(block, 2, "next"), (block, 4, "previous")}),
                          split_lists=frozenset({block}))
    html = render_html(document, layout, placement)
    items = [line for line in html.splitlines() if line.startswith("<li")]
    assert [('class="' + line.split('class="')[1].split('"')[0] + '"') if "class=" in line
            else "" for line in items] == [
        'class="split"', "", 'class="kept-with-next"', "", 'class="kept-with-previous"']
    assert "class=" not in "".join(line for line in render_html(document, layout).splitlines()
                                   if line.startswith("<li"))
