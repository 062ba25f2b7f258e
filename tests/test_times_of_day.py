"""A time of day and its a.m. or p.m. ("10 a.m.", "9.30 p.m.", "10 am", "6 PM") never part
at the space between them, in the HTML (a word joiner after the space) and where the writer
breaks a paragraph itself; the text stays as written, and a figure before a longer word
("2 amps", "3 pmol") still may break."""

from __future__ import annotations

import pytest

from pipeline.layouts import load_layout
from pipeline.model import Span
from pipeline.writers.justified import LineSetting, paragraph_lines
from pipeline.writers.line_breaks import WORD_JOINER, LineBreaks, bound_spaces, kept_together

from .conftest import ROOT
from .test_paragraphs import SERIF


@pytest.mark.parametrize("time", ["10 a.m.", "9.30 p.m.", "10 am", "5 pm", "6 PM", "7:45 A.M."])
def test_a_time_is_bound_to_its_am_or_pm(time):
    text = f"The office opens at {time} on weekdays, until further notice."
    joined = kept_together(text, "en-GB", last=False)
    assert joined == text.replace(time, time.replace(" ", " " + WORD_JOINER))
    assert joined.replace(WORD_JOINER, "") == text
    assert bound_spaces(text) == {text.index(time) + time.index(" ")}


def test_a_time_in_chinese_text_is_bound_too():
    text = "熱線由上午 9 a.m. 至晚上 10 p.m. 接聽。"
    assert kept_together(text, "zh-HK", last=False).count(" " + WORD_JOINER) == 2


@pytest.mark.parametrize("prose", [
    "It draws 2 amps at most.", "We measured 3 pmol per litre.", "No 5pm here",
    "version 1.2 am", "Group 120 am"])
def test_other_figures_before_words_are_left_to_break(prose):
    # "5pm" the renderer never parts (UAX #14 LB23); longer figures or words are not times
    assert not bound_spaces(prose)


def test_a_justified_paragraph_never_ends_a_line_between_a_time_and_its_am_or_pm():
    layout = load_layout(ROOT / "layouts", "print")
    styles = tuple(((bold, italic, note), SERIF) for bold in (False, True)
                   for italic in (False, True) for note in (False, True))
    rules = LineBreaks(layout.hyphenation, "en-GB", links=False)
    text = ("The reading room opens at 10 a.m. and closes at 9.30 p.m. on weekdays; the café "
            "serves from 8 am, the shuttle leaves at 5 pm and again at 7:45 PM, and at weekends "
            "the doors open at 11 a.m. and close at 6 p.m. sharp.")
    inside = bound_spaces(text)
    assert len(inside) == 7
    for measure in range(150, 400, 5):
        setting = LineSetting(float(measure), 0.0, styles, ROOT / "layouts" / "fonts",
                              layout.justification)
        ends = {offset for _, offset in paragraph_lines([Span(text)], setting, rules, 0, 0.0)}
        assert not inside & ends, measure
