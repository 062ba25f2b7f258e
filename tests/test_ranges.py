"""A line never breaks inside a numeric range (2023–24, 4–29 March, pp. 12–15, 6–8 hours), nor
between a figure and the Chinese unit after it (7.9億元), in any edition, while the model's
text, and the PDF's, stay as written. Texts of our own set a paragraph again and again, its
first word a letter (a character) longer each time, so that each range and each figure comes
to a line's end in some of them; pdftotext reads where the lines end."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import Hyphenation, load_layout
from pipeline.writers.line_breaks import WORD_JOINER, LineBreaks, kept_together, unbroken

from .conftest import ROOT
from .support import set_lines, swept

LAYOUTS = ROOT / "layouts"
EDITIONS = ["print", "screen", "large-print"]
REPEATS = 40
# A range broken after its dash, a figure parted from its Chinese unit, at a line's end.
DANGLING_RANGE = re.compile(r"\d\u2013$")
PARTED_UNIT = re.compile(r"\d$")


def english(number: int) -> str:
    return (f"{'i' * number}n The harbour works ran from 4–29 September 2023, closing the "
            "ferry piers for 6–8 hours a night; the 2023–24 survey (pp. 12–15 of the annual "
            "report) counted 1,200–1,450 vessels a day, 3–5 per cent more than in 2021–22, and "
            "found the channel 11–14 metres deep along 2–3 kilometres of the waterfront.")


def chinese(number: int) -> str:
    return (f"{'港' * number}本年度港口貨櫃吞吐量約為1,430萬個標準箱，收入約7.9億元，"
            "較去年增加3.2%，旅客人次上升至2,860萬人次。新碼頭工程於2024年6月11日動工，"
            "預計耗資約12億港元，僱用約300多名工人，工期約18個月。")


TEXTS = {**swept({"harbour-review": "Harbour review"}, english, REPEATS),
         **swept({"harbour-review-zh": "港口年報"}, chinese, REPEATS)}


def test_a_range_s_dash_is_bound_to_the_figure_after_it_and_nothing_else():
    text = "for 6–8 hours on 4–29 September (pp. 12–15) – a sentence's dash – and A–Z"
    joined = kept_together(text, "en-GB", last=False)
    assert joined.replace(WORD_JOINER, "") == text
    assert joined.count(WORD_JOINER) == 3
    assert f"6–{WORD_JOINER}8" in joined and "dash – and A–Z" in joined


@pytest.mark.parametrize("written", [
    "open 10am\u20134pm daily", "from 9.30am\u20135pm", "in the 1970s\u201390s", "the 1990s\u20132000s",
    "a cost of £1.2m\u2013£1.5m", "HK$2m\u2013HK$3m", "from 1\u00a0April\u201331\u00a0July",
])  # fmt: skip
def test_a_range_whose_ends_join_letters_to_figures_is_bound_at_its_dash(written):
    """`10am–` over `4pm` had been set: the renderer breaks after an en dash (UAX #14)."""
    joined = kept_together(written, "en-GB", last=False)
    assert joined == written.replace("\u2013", "\u2013" + WORD_JOINER)


def test_a_minus_sign_is_bound_to_the_sum_or_figure_after_it():
    text = "net \u2212£0.3 million, \u22122.7% and 3 \u2212 1"
    joined = kept_together(text, "en-GB", last=False)
    assert joined == (f"net \u2212{WORD_JOINER}£0.3 million, \u2212{WORD_JOINER}2.7% "
                      "and 3 \u2212 1")


def test_a_chinese_figure_keeps_its_units_and_a_unit_word_elsewhere_may_break():
    joined = kept_together("收入約7.9億元，2024年6月，元朗區", "zh-HK", last=False)
    assert joined == (f"收入約7.9{WORD_JOINER}億{WORD_JOINER}元，2024{WORD_JOINER}年"
                      f"6{WORD_JOINER}月，元朗區")
    # A measure written in two characters or more keeps them all (`24.6兆|瓦` had been set).
    assert kept_together("裝機容量24.6兆瓦，覆蓋3.2平方公里", "zh-Hans", last=False) == (
        f"裝機容量24.6{WORD_JOINER}兆{WORD_JOINER}瓦，覆蓋3.2{WORD_JOINER}平{WORD_JOINER}"
        f"方{WORD_JOINER}公{WORD_JOINER}里")
    # English has no units of its own: a figure before a word is the no-break space's.
    assert kept_together("7 days", "en-GB", last=False) == "7 days"


def test_a_range_in_a_heading_stays_on_one_line_as_a_compound_does():
    assert str(unbroken("Annual Report 2023–24")) == (
        'Annual Report <span class="compound">2023–24</span>')


def test_an_address_with_figures_still_breaks_where_it_must():
    rules = LineBreaks(Hyphenation(enabled=False), "en-GB", links=False)
    shown = str(rules.running("see www.example.org/reports/2023-24/annual.pdf for 2023–24"))
    assert "\u200b/" in shown and f"2023–{WORD_JOINER}24" in shown


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[tuple[str, str], tuple[Path, list[str], object]]:
    return set_lines(tmp_path_factory.mktemp("ranges"), TEXTS, EDITIONS)


@pytest.mark.slow
@pytest.mark.parametrize("layout", EDITIONS)
def test_no_line_ends_inside_a_range(editions, layout):
    pdf, lines, document = editions[("harbour-review", layout)]
    assert not [line for line in lines if DANGLING_RANGE.search(line)]
    # The sweep brings ranges to the ends of lines: whole, or starting the next.
    assert sum(bool(re.search(r"\d\u2013\d[\d,]*$", line)) for line in lines) \
        + sum(bool(re.match(r"\d[\d,]*\u2013\d", line)) for line in lines) >= 3
    report = preflight(pdf, document, load_layout(LAYOUTS, layout))
    assert all(check.passed for check in report.checks if check.rule == "text-complete")


@pytest.mark.slow
@pytest.mark.parametrize("layout", EDITIONS)
def test_no_chinese_line_ends_with_a_figure_parted_from_its_unit(editions, layout):
    pdf, lines, document = editions[("harbour-review-zh", layout)]
    body = [line for line in lines if line and line != "港口年報"
            and not line.isdigit()]  # folios aside
    assert not [line for line in body if PARTED_UNIT.search(line)]
    assert "約7.9億元" in "".join(body).replace(" ", "")
    # The text reads as written: no joiner, no space, in the PDF.
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          check=True, text=True).stdout
    assert WORD_JOINER not in text and "7.9 億" not in text
    report = preflight(pdf, document, load_layout(LAYOUTS, layout))
    assert all(check.passed for check in report.checks if check.rule == "text-complete")
