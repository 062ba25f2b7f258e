"""A numbered heading after a list numbered as it is, read as the next section's heading and
not as the list's next item; numbers kept as the author wrote them; a sign-off after the
notes kept as lines. Texts of several organisations, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Heading, List, Metadata, Note, Paragraph, SignOff, plain
from pipeline.readers.markup import read_markup
from pipeline.readers.scraped import scraped_document
from pipeline.writers.markup import write_markup


def structure(text: str):
    return scraped_document("piece", text, Metadata(title=""))[0]


def kinds(document) -> list[str]:
    return [type(block).__name__ for block in document.blocks]


def items(block: List) -> list[str]:
    return [item.text for item in block.items]


TRUST = """Annual Review 2024

1. Our work

The trust ran four programmes this year, each in a different district of the city.

1. Reading clubs for children in three libraries.
2. Evening classes for adults.
3. A mobile library serving the outlying islands.
4. Grants to community groups.

2. Finance

Income rose by a tenth, mostly from donations, and spending stayed within the budget.

3. Outlook

Next year we will open two more clubs and extend the evening classes.
"""

# Items with blank lines between them, and a chapter numbered "1)" as its list is.
RESCUE = """Mountain Rescue Association: Year in Review

1) Call-outs

Teams answered more calls than in any year before, most of them on the northern ridges.

1) Lost walkers on the ridge paths.

2) Injured climbers on the crags.

3) Swimmers caught by the tide.

2) Training

Every volunteer passed the new first-aid course before the summer season began.
"""

COUNCIL = """年報 2024

一、年度工作重點

本會本年度推行四項計劃，涵蓋全港各區。

一、兒童閱讀小組。
二、成人夜間課程。
三、流動圖書館服務離島居民。
四、資助社區團體。

二、財務狀況

本年度收入增加一成，主要來自捐款，支出維持在預算之內。

三、展望

來年本會將增設兩個閱讀小組，並擴展夜間課程。
"""

SIMPLIFIED = """年度报告

（一）服务概况

本中心全年为长者提供三项服务，覆盖五个社区。

（一）上门送餐。
（二）日间护理。
（三）健康讲座。

（二）人员培训

全体护理员本年度均完成急救课程，并通过考核。
"""


@pytest.mark.parametrize("text, headings, listed", [
    (TRUST, ["1. Our work", "2. Finance", "3. Outlook"], [
        "Reading clubs for children in three libraries.", "Evening classes for adults.",
        "A mobile library serving the outlying islands.", "Grants to community groups."]),
    (RESCUE, ["1) Call-outs", "2) Training"], [
        "Lost walkers on the ridge paths.", "Injured climbers on the crags.",
        "Swimmers caught by the tide."]),
    (COUNCIL, ["一、年度工作重點", "二、財務狀況", "三、展望"], [
        "兒童閱讀小組。", "成人夜間課程。", "流動圖書館服務離島居民。", "資助社區團體。"]),
    (SIMPLIFIED, ["（一）服务概况", "（二）人员培训"], ["上门送餐。", "日间护理。", "健康讲座。"]),
])
def test_a_heading_numbered_on_from_the_headings_is_no_item_of_the_list(text, headings, listed):
    document = structure(text)
    assert [heading.text for heading in document.headings] == headings
    assert {heading.level for heading in document.headings} == {1}
    (only,) = [block for block in document.blocks if isinstance(block, List)]
    assert items(only) == listed and only.start == 1
    after = document.blocks.index(only) + 1
    assert isinstance(document.blocks[after], Heading)
    assert isinstance(document.blocks[after + 1], Paragraph)


def test_an_item_numbered_on_from_the_list_stays_its_item():
    text = TRUST.replace("2. Finance", "5. Grants to schools.\n\nFinance")
    document = structure(text)
    (only,) = [block for block in document.blocks if isinstance(block, List)]
    assert items(only)[-1] == "Grants to schools." and len(only.items) == 5
    assert [heading.text for heading in document.headings] == [
        "1. Our work", "Finance", "3. Outlook"]


@pytest.mark.parametrize("text, first, second", [
    ("Steps\n\nThe club asks each member, in this order:\n\n1. Renew the card.\n"
     "2. Vote in the election.\n3. Come to the meeting.\n\n2. Vote again if asked.\n"
     "3. Bring a friend.\n", ["1.", "2.", "3."], ["2.", "3."]),
    ("步驟\n\n會員須依次：\n\n一、續會。\n二、投票。\n\n四、出席大會。\n五、介紹新會員。\n",
     ["一、", "二、"], ["四、", "五、"]),
])
def test_numbers_the_author_wrote_are_never_renumbered(text, first, second):
    document = structure(text)
    lists = [block for block in document.blocks if isinstance(block, List)]
    assert [block.numbers() for block in lists] == [first, second]
    written = write_markup(document)
    assert read_markup(written, Path("piece.md"), Metadata(title=""), Path(".")).blocks == (
        document.blocks)


def test_a_list_nested_in_a_numbered_list_still_counts_on():
    document = structure("Plan\n\nWe will:\n\n1. Build.\n(a) Design.\n(b) Tender.\n"
                         "2. Open.\n3. Review.\n")
    (only,) = [block for block in document.blocks if isinstance(block, List)]
    assert only.numbers() == ["1.", "2.", "3."]
    assert items(only.items[0].sublist) == ["Design.", "Tender."]


NOTES = """Notes

1. Measured at the district meters.
2. The works at Sandy Bay.
"""

WATER = """Chief Executive's Statement

The authority supplied more water than ever this year, and leakage fell again.[1]

Our new treatment works opened in March, two months ahead of plan.[2]

{notes}
Dr Margaret CHEUNG Wai-lan, JP
Chief Executive
Tidewater Harbour Water Authority
30 June 2024
"""

PORT = """Report of the Harbour Master

Ship arrivals rose for the third year, and no vessel was lost in the typhoon season.[1]

We dredged the eastern fairway to fourteen metres.[2]

{notes}
Captain Rahul MENON
Harbour Master
"""

CHINESE = """署長的話

本年度全港用水量創新高，而水管滲漏率連續第五年下降。[1]

新建的濾水廠於三月啟用，較原定計劃提早兩個月。[2]

{notes}
水務署署長 張慧蘭
二〇二四年六月三十日
"""

CHINESE_NOTES = """註釋

1. 以地區水錶量度。
2. 即沙灣濾水廠。
"""


@pytest.mark.parametrize("text, notes, lines", [
    (WATER, NOTES, ["Dr\u00a0Margaret CHEUNG\u00a0Wai-lan, JP", "Chief Executive",
                    "Tidewater Harbour Water Authority", "30\u00a0June 2024"]),
    (PORT, NOTES, ["Captain Rahul MENON", "Harbour Master"]),
    (CHINESE, CHINESE_NOTES, ["水務署署長 張慧蘭", "二〇二四年六月三十日"]),
])
def test_a_sign_off_after_the_notes_or_before_them_is_one(text, notes, lines):
    after = structure(text.format(notes="") + "\n" + notes)
    before = structure(text.format(notes=notes + "\n"))
    # Under the notes or over them, the signature closes the text, over the notes' heading:
    # under it, a screen reader would read it among the notes, as if it signed them.
    assert kinds(after) == ["Paragraph", "Paragraph", "SignOff", "Heading", "Note", "Note"]
    assert kinds(before) == kinds(after)
    for document in (before, after):
        (sign_off,) = [block for block in document.blocks if isinstance(block, SignOff)]
        assert sign_off.texts == lines
        assert len([block for block in document.blocks if isinstance(block, Note)]) == 2
        written = write_markup(document)
        assert read_markup(written, Path("piece.md"), Metadata(title=""),
                           Path(".")).blocks == document.blocks


def test_a_short_line_after_the_notes_that_signs_nothing_stays_a_paragraph():
    document = structure(WATER.format(notes=NOTES + "\nSource: district meter readings\n")
                         .split("Dr Margaret")[0])
    assert kinds(document) == ["Paragraph", "Paragraph", "Heading", "Note", "Note", "Paragraph"]


# A lettered list, its last item holding a list of its own, then the next section's numbered
# heading over its first part's heading (over a paragraph): a heading each, no item.
COMMITTEES = """Governance Report

The Board has established two committees:
(a) the Audit Committee; and
(b) the Nomination Committee, which:
    (i) reviews the structure of the Board; and
    (ii) recommends appointments.

2. Risk management

2.1 Principal risks

The principal risk identified during the year was cyber security.
"""

# The same in a Chinese report, its list flat: the numbered heading no sub-list of its last item.
DEPARTMENTS = """年度工作報告

本署轄下設有兩個組別：
（a）行政組；及
（b）策劃組。

2. 財務管理

2.1 主要開支

本年度的主要開支為員工薪酬及租金。
"""


@pytest.mark.parametrize("text, heading, part", [
    (COMMITTEES, "2. Risk management", "2.1\u00a0Principal risks"),
    (COMMITTEES.replace(", which:\n    (i) reviews the structure of the Board; and\n"
                        "    (ii) recommends appointments.", "."),
     "2. Risk management", "2.1\u00a0Principal risks"),
    (DEPARTMENTS, "2. 財務管理", "2.1 主要開支"),
])
def test_a_numbered_heading_over_its_parts_heading_after_a_list_numbered_otherwise(
        text, heading, part):
    document = structure(text)
    headings = [(block.level, block.text) for block in document.blocks
                if isinstance(block, Heading)]
    assert headings == [(1, heading), (2, part)]
    listed = next(block for block in document.blocks if isinstance(block, List))
    assert len(listed.items) == 2 and heading.split()[-1] not in str(listed)


def test_an_item_holding_a_list_is_followed_by_another_familys_list_not_a_second_in_it():
    """No item holds two lists: a list of another family no deeper than its items, after an
    item holding one, is a list of its own; none of its words is lost."""
    text = ("Our two aims:\n(a) the first, which:\n    (i) starts here; and\n    (ii) ends here;"
            "\n(b) the second, which:\n    (i) goes on here.\n1. A numbered point.\n"
            "2. Another numbered point.\n")
    lists = [block for block in structure(text).blocks if isinstance(block, List)]
    assert [items(block) for block in lists] == [
        ["the first, which:", "the second, which:"],
        ["A numbered point.", "Another numbered point."]]


@pytest.mark.parametrize("text, lines", [
    ("Chair's Report 2024\n\nOur key figures for the year were:\nService users in 2023: 4,800\n"
     "Service users in 2024: 5,200\n\nWe will continue to serve the community.",
     ["Service users in 2023: 4,800", "Service users in 2024: 5,200"]),
    ("Volunteer Report 2024\n\nOur volunteers served at four sites this year.\n\n"
     "Our communication channels now include:\nFacebook\nInstagram\nLinkedIn\nWhatsApp\n\n"
     "The volunteer of the year received her award from the Chair.",
     ["Facebook", "Instagram", "LinkedIn", "WhatsApp"]),
    ("2024年度主席報告\n\n本年度的主要數字如下：\n服務人次 2023 年：4,800\n服務人次 2024 年：5,200\n\n"
     "我們會繼續努力，服務社區。", ["服務人次2023年：4,800", "服務人次2024年：5,200"]),
    ("2024年度工作报告\n\n本年度的主要数字如下：\n服务人次 2023 年：4,800\n服务人次 2024 年：5,200\n\n"
     "我们会继续努力，服务社区。", ["服务人次2023年：4,800", "服务人次2024年：5,200"]),
], ids=["figures", "names", "繁", "简"])
def test_short_lines_a_lead_in_leads_into_are_lines_under_it(text, lines):
    """A lead-in over short lines, items whose bullets the copy lost: the lead-in a
    paragraph, the lines kept as lines (run together, each figure had run into the next
    line's label, `4,800 Service users`, `4,800服務人次`; or each line had been a heading)."""
    document = structure(text)
    assert kinds(document)[-3:] == ["Paragraph", "LineBlock", "Paragraph"]
    assert document.blocks[-3].text.endswith((":", "\uff1a"))
    assert [plain(line) for line in document.blocks[-2].lines] == lines


def test_a_lead_in_over_its_sentences_clauses_runs_on_into_them():
    """Lines carrying the lead-in's sentence on (`to grow;`, lower case) are no lines of
    their own: the lead-in's list or paragraph as before."""
    document = structure("Aims\n\nThe Board set three aims for the year, which were:\n"
                         "to grow the service;\nto listen to its users; and\n"
                         "to keep its costs down.\n\nAll three were met.")
    assert "LineBlock" not in kinds(document)
