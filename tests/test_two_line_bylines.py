"""A byline written once under the title on two lines, a name over its role (or, as Chinese
writes it, a role over a name), with blank lines around it, written twice, or with no blank
line at all: read as the byline, name and role apart; two lines of ordinary text there stay
text."""

from __future__ import annotations

import pytest

from pipeline.model import Byline, Metadata
from pipeline.readers.front_matter import parse_byline
from pipeline.readers.scraped import scraped_document

NBSP = "\u00a0"
ENGLISH_PARAGRAPH = ("Our volunteers planted four hundred trees along the river this year, "
                     "twice as many as the year before.")
CHINESE_PARAGRAPH = "本年度義工沿河種植了四百棵樹，比去年多一倍。"
SIMPLIFIED_PARAGRAPH = "本年度义工沿河种植了四百棵树，比去年多一倍，这是我们的成绩。"


def read(text: str, title: str = ""):
    return scraped_document("river-care-notes", text, Metadata(title=title))[0]


@pytest.mark.parametrize("text", [
    f"Director's Message\n\nProfessor Henry WONG\nDirector\n\n{ENGLISH_PARAGRAPH}\n",
    f"Director's Message\n\nProfessor Henry WONG\nDirector\n\nProfessor Henry WONG\nDirector\n\n"
    f"{ENGLISH_PARAGRAPH}\n",
    f"Director's Message\nProfessor Henry WONG\nDirector\n{ENGLISH_PARAGRAPH}\n",
    f"Director's Message\r\n\r\n  Professor Henry WONG  \r\nDirector\r\n\r\n{ENGLISH_PARAGRAPH}\r\n",
])
def test_a_name_over_its_role_under_the_title_is_the_byline(text):
    document = read(text)
    assert document.metadata.title == "Director\u2019s Message"
    assert document.byline == Byline("Professor\u00a0Henry WONG", (), "Director")
    assert [block.text for block in document.blocks] == [ENGLISH_PARAGRAPH]


def test_a_name_written_plainly_over_an_office_names_a_person_too():
    """No form of address, no surname in capitals: the office under it ("Director", "Chair of
    Trustees") shows the name a person's (it had been left two lines of text)."""
    text = f"Director's Message\n\nHenry Wong\nDirector\n\n{ENGLISH_PARAGRAPH}\n"
    assert read(text).byline == Byline("Henry Wong", (), "Director")


def test_a_surname_in_capitals_and_honours_name_a_person_too():
    text = f"Review of the Year\n\nAnita KOH Mei-ling, JP\nChief Executive\n\n{ENGLISH_PARAGRAPH}"
    assert read(text).byline == Byline(f"Anita KOH{NBSP}Mei-ling", ("JP",), "Chief Executive")


@pytest.mark.parametrize("text", [
    f"環保基金主席的話\n\n黃建國教授\n主席\n\n{CHINESE_PARAGRAPH}\n",
    f"環保基金主席的話\n\n黃建國教授\n主席\n\n黃建國教授\n主席\n\n{CHINESE_PARAGRAPH}\n",
    f"環保基金主席的話\n黃建國教授\n主席\n{CHINESE_PARAGRAPH}\n",
    f"環保基金主席的話\n\n主席\n黃建國教授\n\n{CHINESE_PARAGRAPH}\n",  # the role first
])
def test_a_chinese_name_and_role_on_two_lines_are_the_byline(text):
    document = read(text)
    assert document.metadata.title == "環保基金主席的話"
    assert document.byline == Byline("黃建國教授", (), "主席")
    assert document.byline.text == "主席 黃建國教授"  # the role before the name
    assert [block.text for block in document.blocks] == [CHINESE_PARAGRAPH]


@pytest.mark.parametrize("text", [
    f"环保基金主席致辞\n\n黄建国博士\n主席\n\n{SIMPLIFIED_PARAGRAPH}\n",
    f"环保基金主席致辞\n黄建国博士\n主席\n{SIMPLIFIED_PARAGRAPH}\n",
])
def test_a_simplified_chinese_name_and_role_on_two_lines_are_the_byline(text):
    document = read(text)
    assert document.metadata.language == "zh-Hans"
    assert document.byline == Byline("黄建国博士", (), "主席")


def test_a_line_over_the_title_and_a_two_line_byline_with_no_blank_lines():
    document = read(f"Riverside Care Trust Annual Report 2025\nDirector's Message\n"
                    f"Dr Susan LEUNG\nDirector\n{ENGLISH_PARAGRAPH}\n")
    assert document.metadata.title == "Director\u2019s Message"
    assert document.metadata.subtitle == "Riverside Care Trust Annual Report 2025"
    assert document.byline == Byline(f"Dr{NBSP}Susan LEUNG", (), "Director")


@pytest.mark.parametrize("text", [
    # Two lines of text under a title: neither a person named nor a role.
    f"Director's Message\n\nA Year of Growth\nAlong the River\n\n{ENGLISH_PARAGRAPH}\n",
    # A body's name over words of its office: no person's name, no office held.
    f"Director's Message\n\nHarbour Board\nDirector's Office\n\n{ENGLISH_PARAGRAPH}\n",
    # The second line a sentence, not a role.
    f"Director's Message\n\nProfessor Henry WONG\nJoined us this year.\n\n{ENGLISH_PARAGRAPH}\n",
    "環保基金主席的話\n\n穩步向前\n共建綠色社區\n\n" + CHINESE_PARAGRAPH,
    "環保基金主席的話\n\n黃建國教授\n今年加入本會。\n\n" + CHINESE_PARAGRAPH,
])
def test_two_lines_of_text_under_a_title_stay_text(text):
    document = read(text)
    assert document.byline is None
    kept = "".join(block.text for block in document.blocks).replace(" ", "").replace(NBSP, "")
    for line in text.split("\n\n")[1].split("\n"):
        assert line.replace(" ", "").replace("'", "’") in kept


def test_parse_byline_parts_a_name_over_its_role():
    assert parse_byline("Dr Mary CHAN\nChair") == Byline("Dr Mary CHAN", (), "Chair")
    assert parse_byline("Chair\nDr Mary CHAN") == Byline("Dr Mary CHAN", (), "Chair")
    assert parse_byline("陳美華博士\n主席") == Byline("陳美華博士", (), "主席")
    assert parse_byline("主席\n陳美華博士") == Byline("陳美華博士", (), "主席")
    assert parse_byline("Dr Mary CHAN, Chair") == Byline("Dr Mary CHAN", (), "Chair")
