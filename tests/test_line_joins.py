"""The house style where a text's lines meet and where a line may end: a paragraph's hard-
wrapped lines joined as its language writes them, a sentence's dash kept at a line's end, a
name kept whole, a Chinese table's number apart from its title, a block's last word whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.languages import joined_lines
from pipeline.layouts import Hyphenation
from pipeline.model import Document, List, Metadata, Note, Paragraph, Table
from pipeline.readers.cleaning import clean_line
from pipeline.readers.markup import read_markup
from pipeline.readers.scraped import scraped_document
from pipeline.writers.line_breaks import SOFT_HYPHEN, LineBreaks

NBSP = "\u00a0"


def scraped(text: str) -> Document:
    return scraped_document("x", text, Metadata(title=""))[0]


def paragraphs(document: Document) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Paragraph)]


@pytest.mark.parametrize("lines, joined", [
    # Chinese punctuation, then a character: Chinese sets no space between them.
    (["本年度港口業務繁忙，貨櫃吞吐量上升百分之五，", "較去年增加不少。"],
     "本年度港口業務繁忙，貨櫃吞吐量上升百分之五，較去年增加不少。"),
    (["康樂及文化事務署轄下的圖書館", "於二〇二四年共借出"], "康樂及文化事務署轄下的圖書館於二〇二四年共借出"),
    # In a Chinese text, none between a character and a Latin word or a figure either.
    (["本署於2024", "年委託香港大學", "HKU進行研究。"], "本署於2024年委託香港大學HKU進行研究。"),
    # English keeps its space, beside a Chinese name too.
    (["The library lent", "more books."], "The library lent more books."),
    (["Our thanks go to Ms Chan (陳美玲)", "and her team."],
     "Our thanks go to Ms Chan (陳美玲) and her team."),
    # A sentence's dash starting the next line: the space before it never breaks.
    (["attendances rose once again", "\u2013 the number of visits too"],
     f"attendances rose once again{NBSP}\u2013 the number of visits too"),
    # Words the house style binds, wrapped apart: a figure and what it counts, a title and
    # its name, as cleaning binds them on one line.
    (["Undergraduate intake rose to 1,146", "students this year."],
     f"Undergraduate intake rose to 1,146{NBSP}students this year."),
    (["We thank Dr", "Margaret Chan."], f"We thank Dr{NBSP}Margaret Chan."),
    (["We grew in 2023", "and again."], "We grew in 2023 and again."),
])
def test_lines_are_joined_as_their_language_writes(lines, joined):
    assert joined_lines(lines) == joined


def test_a_hard_wrapped_chinese_paragraph_list_and_note_read_with_no_space(tmp_path: Path):
    text = ("渠務署年報\n\n本年度雨量較往年為多，雨水排放隧道\n運作良好，市民的投訴下降了\n"
            "百分之十二。[1]\n\n本署的工作包括：\n\n一、清理明渠及\n  河道；\n"
            "二、改善鄉郊的排水\n  系統。\n\n註釋\n\n[1] 數字來自本署的\n統計。\n")
    document = scraped(text)
    assert "雨水排放隧道運作良好，市民的投訴下降了百分之十二。" in document.blocks[0].text
    items = next(block for block in document.blocks if isinstance(block, List)).items
    assert [item.text for item in items] == ["清理明渠及河道；", "改善鄉郊的排水系統。"]
    note = next(block for block in document.blocks if isinstance(block, Note))
    assert note.text == "數字來自本署的統計。"
    markup = read_markup("本年度雨量較往年為多，\n雨水排放隧道運作良好。\n", tmp_path / "x.md",
                         Metadata(title="渠務署年報"), tmp_path)
    assert paragraphs(markup) == ["本年度雨量較往年為多，雨水排放隧道運作良好。"]


def test_an_english_paragraph_keeps_its_spaces():
    document = scraped("Annual Review\n\nThe Library lent 2.1 million books\nand e-books, "
                       "a record\n-- the most since 1997.\n")
    assert paragraphs(document) == [
        f"The Library lent 2.1{NBSP}million books and e-books, a record{NBSP}\u2013 the most "
        "since 1997."]


@pytest.mark.parametrize("line, cleaned", [
    ("visits rose once again -- the number of attendances",
     f"visits rose once again{NBSP}\u2013 the number of attendances"),
    ("visits rose - as they had before - in May",
     f"visits rose{NBSP}\u2013 as they had before{NBSP}\u2013 in May"),
    ("a line ending in a dash \u2014", f"a line ending in a dash{NBSP}\u2013"),
    ("in 2023-24 and pp. 12-15", "in 2023\u201324 and pp.\u00a012\u201315"),  # ranges: unspaced
])
def test_a_sentence_dash_ends_a_line_never_starts_one(line, cleaned):
    assert clean_line(line) == cleaned
    assert clean_line(cleaned) == cleaned


@pytest.mark.parametrize("line, cleaned", [
    ("Mr LEE Chi-keung opened it", f"Mr{NBSP}LEE{NBSP}Chi-keung opened it"),
    ("said Ms WONG Mei-ling, the Chair", f"said Ms{NBSP}WONG{NBSP}Mei-ling, the Chair"),
    ("Professor Ada CHEUNG Siu-wah", f"Professor{NBSP}Ada CHEUNG{NBSP}Siu-wah"),
    ("the HKU study and CLP Power", "the HKU study and CLP Power"),  # no given name follows
])
def test_a_family_name_in_capitals_stays_with_the_given_name(line, cleaned):
    assert clean_line(line) == cleaned
    assert clean_line(cleaned) == cleaned


def test_a_name_stays_whole_in_the_byline_and_the_text():
    document = scraped("Annual Review\n\nBy Grace LAU Wing-sze, Chairperson\n\nBy Grace LAU "
                       "Wing-sze, Chairperson\n\nMs LAU Wing-sze thanked the staff.\n")
    assert document.byline.name == f"Grace LAU{NBSP}Wing-sze"
    assert paragraphs(document) == [f"Ms{NBSP}LAU{NBSP}Wing-sze thanked the staff."]


@pytest.mark.parametrize("line, cleaned", [
    ("表1 本年度主要防洪工程開支", "表1 本年度主要防洪工程開支"),
    ("表 2 各區 2024 年雨量", "表2 各區2024年雨量"),
    ("表三 職員人數", "表三 職員人數"),
    ("表4.1：開支", "表4.1：開支"),
    # A section's number likewise from its heading; a year opening a line is none.
    ("2.1 急症服務", "2.1 急症服務"),
    ("3.2.1 專科門診", "3.2.1 專科門診"),
    ("2024 年是本局成立的第十年。", "2024年是本局成立的第十年。"),
])
def test_a_chinese_table_number_stays_apart_from_its_title(line, cleaned):
    assert clean_line(line) == cleaned
    assert clean_line(cleaned) == cleaned


def test_a_chinese_table_title_reads_as_its_caption():
    document = scraped("渠務署年報\n\n表1 本年度主要防洪工程開支\n工程\t開支\n"
                       "雨水排放隧道\t12\n河道改善\t8\n\n本年度工程順利。\n")
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert "".join(span.text for span in table.caption) == "表1 本年度主要防洪工程開支"


RULES = Hyphenation(enabled=True, min_word=7, min_before=3, min_after=3, max_lines=3)


def test_the_last_word_of_a_block_is_never_hyphenated():
    breaks = LineBreaks(RULES, "en-GB", links=False)
    item = "especially in the months after graduation;"
    shown = breaks.running(item, 0, 0, last=True)
    assert "gradu" in shown and SOFT_HYPHEN not in shown.split("after")[1]
    assert SOFT_HYPHEN in breaks.running(item, 0, 0, last=False)
    # Earlier words of the last span still are.
    assert SOFT_HYPHEN in breaks.running("the administration of the graduation", 0, 0,
                                         last=True).split("graduation")[0]


def blocks_of(document: Document) -> list[tuple[str, str]]:
    return [(type(block).__name__, getattr(block, "text", "")) for block in document.blocks]


WRAPPED_MAIL = """Subject: Quarterly update
From: Operations <ops@example-ferries.com>

Dear colleagues,

Fleet renewal
The first two of our six new hybrid ferries entered service in January and now
carry passengers between Central and the outlying islands every day of the week.

Passenger numbers
Weekday journeys rose by nine per cent on the year, and weekend journeys by
fourteen per cent, helped by the longer summer timetable.
Evening sailings
Three new evening sailings leave Central at 22:10, 22:50 and 23:30.
"""


def test_a_heading_on_the_line_over_its_wrapped_paragraph_is_a_heading():
    document = scraped(WRAPPED_MAIL)
    assert document.metadata.title == "Quarterly update"
    assert [kind for kind, _ in blocks_of(document)] == ["Heading", "Paragraph"] * 3
    assert blocks_of(document)[0] == ("Heading", "Fleet renewal")
    assert blocks_of(document)[3][1].startswith("Weekday journeys rose")
    assert blocks_of(document)[4] == ("Heading", "Evening sailings")


def test_a_chinese_heading_over_its_wrapped_paragraph_is_a_heading():
    # Wrapped as a mail program wraps Chinese, at 72 columns: 36 characters.
    text = ("閱讀週成果\n\n一、活動概況\n今年的閱讀週於三月舉行，全港十八區共有三千名市民參加導賞及講座，比去\n"
            "年多三成。\n\n二、展望\n明年我們會邀請更多學校及社區團體參與，並增設網上講座，讓未能親身出席\n"
            "的市民也可參加。\n")
    assert blocks_of(scraped(text)) == [
        ("Heading", "一、活動概況"),
        ("Paragraph", "今年的閱讀週於三月舉行，全港十八區共有三千名市民參加導賞及講座，比去年多三成。"),
        ("Heading", "二、展望"),
        ("Paragraph", "明年我們會邀請更多學校及社區團體參與，並增設網上講座，讓未能親身出席的市民也可參加。")]


@pytest.mark.parametrize("text", [
    # The first line is short because the address after it is too long for the wrap.
    "Annual Review\n\nVisitors can read\nhttps://www.example-museum.org.hk/annual-review/2025/full-text\n"
    "or ask at the front desk for a printed copy of the whole review.\n",
    # The wrap filled the first line: it is as wide as the rest.
    "Annual Review\n\nThe Trust's volunteers planted three thousand mangroves along the\n"
    "Tolo Harbour shore and cleared eleven beaches of plastic over the year.\n",
    # A line broken inside a sentence goes on in lower case.
    "Annual Review\n\nOur Chair\nthanked every volunteer who gave their time to the Trust this\n"
    "year, and every partner who lent us a boat.\n",
    # A name over its role is no heading over a paragraph.
    "Annual Review\n\nWe thank our volunteers for another year of work on the shore.\n\n"
    "Marina CHENG\nHead of Community Engagement\n",
])
def test_a_wrapped_paragraph_whose_first_line_is_short_stays_whole(text):
    assert not any(kind == "Heading" for kind, _ in blocks_of(scraped(text)))


@pytest.mark.parametrize(("text", "counted"), [
    # Wrapped as a mail program wraps Chinese, at 72 columns: the lead-in's line full.
    ("三項承諾\n\n過去一年，委員會聽取了四百多位居民的意見，並與區內十二個團體會面，今\n"
     "年我們會集中處理居民最關心的事情，並作出以下三項承諾：\n第一，縮短維修輪候時間；\n"
     "第二，增加公共休憩空間；\n最後，每季公布工作進度。\n\n歡迎各位繼續提出意見。\n",
     ["第一，縮短維修輪候時間；", "第二，增加公共休憩空間；", "最後，每季公布工作進度。"]),
    ("Three promises\n\nOver the year the committee heard from more than four hundred residents\n"
     "and met twelve local groups, and this year it makes three promises to them:\n"
     "Firstly, shorter waits for repairs;\nSecondly, more open space;\n"
     "Lastly, a report on our progress every quarter.\n\nWe welcome your views.\n",
     ["Firstly, shorter waits for repairs;", "Secondly, more open space;",
      "Lastly, a report on our progress every quarter."]),
], ids=["Chinese", "English"])
def test_a_line_counting_itself_under_a_lead_in_starts_a_paragraph(text, counted):
    """A line opening with an ordinal (`第一，`, `Firstly,`) under a line ending with a
    colon or a semicolon is a list item's line, which the author started: it is not run
    into the wrapped paragraph above it, however full that paragraph's last line."""
    found = paragraphs(scraped(text))
    assert found[1:4] == counted
    assert found[0].endswith(("承諾：", "them:"))


def test_an_ordinal_a_wrap_carried_onto_its_line_stays_in_its_sentence():
    """A sentence's clause after a semicolon that the wrap set at a line's start (`first,`
    in lower case) goes on in its paragraph."""
    text = ("Annual Review\n\nThe committee met twice over the summer, in July and in August, "
            "on two matters;\nfirst, the opening hours of the hall, which had been cut back "
            "over the winter,\nand then the fees that clubs pay for it.\n")
    assert len(paragraphs(scraped(text))) == 1


@pytest.mark.parametrize(("lines", "joined"), [
    (["Journal of Hydrology, 540, pp. 112–125. doi:10.1016/", "j.jhydrol.2016.05.041"],
     "Journal of Hydrology, 540, pp. 112–125. doi:10.1016/j.jhydrol.2016.05.041"),
    (["See https://www.example.org/reports/", "2024/annual.pdf for more."],
     "See https://www.example.org/reports/2024/annual.pdf for more."),
    (["the ratio was 3/", "4 of the total"], "the ratio was 3/ 4 of the total"),
])
def test_an_address_or_doi_a_line_broke_after_its_slash_is_whole_again(lines, joined):
    """A DOI or an address a printed page broke after a slash goes on on the next line with
    no space (a code is carried byte for byte); a slash that ends no address is a word's."""
    assert joined_lines(lines) == joined
