"""A time of day and its a.m. or p.m. ("10 a.m.", "9.30 p.m.", "10 am", "6 PM") never part
at the space between them, in the HTML (a word joiner after the space) and where the writer
breaks a paragraph itself; the text stays as written, and a figure before a longer word
("2 amps", "3 pmol") still may break."""

from __future__ import annotations

import pytest

from pipeline.writers.line_breaks import WORD_JOINER, bound_spaces, kept_together


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
