"""A press release copied into a text: the line over its headline ("PRESS RELEASE -- FOR
IMMEDIATE RELEASE", "新聞稿" / "即時發放") and the mark under its text ("- ENDS -", "###",
"（完）") are furniture, dropped and listed in the dedupe report; the headline is the title,
and the notes to editors and media enquiries after the mark stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import (
    Figure,
    Heading,
    LineBlock,
    Metadata,
    Paragraph,
    SignOff,
    Table,
    plain,
)
from pipeline.readers.cleaning import clean_line
from pipeline.readers.scraped import read_scraped, scraped_document

RELEASE = """{release}

Northern Ferries adds a night crossing to Peng Chau

From 1 May, Northern Ferries will run a crossing at 23:45 every night of the week, \
the first after midnight in the route's forty years.

"Shift workers asked us for this crossing, and we listened," said the company's General \
Manager, Mr Tom BAKER.

{end}

Notes to editors

Northern Ferries carries some 9,000 passengers a day on four routes.

Media enquiries: Ms Ruth NG, telephone 2987 6543.
"""
HEADLINE = "Northern Ferries adds a night crossing to Peng Chau"


def read(text: str, title: str = ""):
    return scraped_document("ferry-notice", text, Metadata(title=title))


def dropped(report: dict) -> list[tuple[str, str]]:
    return [(drop["text"].replace("\u00a0", " "), drop["reason"]) for drop in report["dropped"]]


@pytest.mark.parametrize("release", [
    "PRESS RELEASE -- FOR IMMEDIATE RELEASE", "For immediate release", "Media Release",
    "NEWS RELEASE | FOR IMMEDIATE RELEASE", "Press release\nFor immediate release",
])
@pytest.mark.parametrize("end", ["- ENDS -", "– END –", "###", "# # #", "-30-", "ENDS", "Ends",
                                 "*** ends ***"])
def test_the_release_line_and_the_end_mark_go_and_the_headline_is_the_title(release, end):
    document, report = read(RELEASE.format(release=release, end=end))
    assert document.metadata.title == HEADLINE
    kinds = [reason for _, reason in dropped(report)]
    assert kinds == (["press release debris: press release line"] * (release.count("\n") + 1)
                     + ["press release debris: press release end mark"])
    assert report["press_release_debris"] == len(kinds) and report["web_page_debris"] == 0
    texts = [block.text for block in document.blocks]
    assert texts[-3:] == ["Notes to editors",
                          "Northern Ferries carries some 9,000\u00a0passengers a day on four routes.",
                          "Media enquiries: Ms\u00a0Ruth NG, telephone 2987 6543."]
    assert isinstance(document.blocks[-3], Heading)
    assert not any("END" in text.upper().split() or "#" in text for text in texts)


def test_a_title_in_the_metadata_and_the_headline_are_one():
    document, report = read(RELEASE.format(release="PRESS RELEASE", end="- ENDS -"),
                            title=HEADLINE)
    assert document.metadata.title == HEADLINE
    assert isinstance(document.blocks[0], Paragraph)


@pytest.mark.parametrize("release", ["新聞稿\n即時發放", "新聞稿——即時發放", "新聞公報"])
@pytest.mark.parametrize("end", ["（完）", "- 完 -", "－完－", "完"])
def test_a_chinese_release_line_and_end_mark_go(release, end):
    text = (f"{release}\n\n北方渡輪增設往坪洲夜航\n\n由五月一日起，北方渡輪每晚增設一班晚上十一時四十五分的航班。\n\n"
            f"總經理貝湯文先生表示：「輪班工人要求增設這班航班，我們接納了。」\n\n{end}\n\n編輯備註\n\n"
            "北方渡輪每日載客約九千人次。\n\n傳媒查詢：吳小姐，電話2987 6543。\n")
    document, report = read(text)
    assert document.metadata.title == "北方渡輪增設往坪洲夜航"
    assert [reason.split(": ")[1] for _, reason in dropped(report)] == (
        ["press release line"] * (release.count("\n") + 1) + ["press release end mark"])
    assert [block.text for block in document.blocks][-3:] == [
        "編輯備註", "北方渡輪每日載客約九千人次。", "傳媒查詢：吳小姐，電話2987 6543。"]


def test_a_simplified_chinese_release():
    text = ("新闻稿 | 即时发布\n\n北方渡轮增设往坪洲夜航\n\n由五月一日起，北方渡轮每晚增设一班航班，这是四十年来第一次。\n\n"
            "（完）\n\n传媒查询：吴小姐，电话2987 6543。\n")
    document, report = read(text)
    assert document.metadata.language == "zh-Hans"
    assert document.metadata.title == "北方渡轮增设往坪洲夜航"
    assert len(report["dropped"]) == 2


@pytest.mark.parametrize("text", [
    # A sentence of the text naming a press release, and a heading of releases, stay.
    "Annual Review\n\nPress releases\n\nWe issued a press release for immediate release "
    "on every new route.\n\nThe end of the year saw record numbers.\n",
    # "End" in a sentence, or a word in lower case alone, is the text's.
    "Annual Review\n\nThe year in brief\n\nThe crossings ran to the end.\n\nends\n\n"
    "We thank our crews.\n",
])
def test_press_release_words_in_the_text_stay(text):
    document, report = read(text)
    assert report["dropped"] == []


@pytest.mark.parametrize("release", [
    "PRESS RELEASE | 3 March 2025", "For immediate release: 3 March 2025",
    "3 March 2025 – Media release", "NEWS RELEASE\nFor immediate release | March 2025",
    "FOR IMMEDIATE RELEASE: Monday 3 March 2025",
])
def test_a_dated_release_line_goes(release):
    document, report = read(RELEASE.format(release=release, end="- ENDS -"))
    assert document.metadata.title == HEADLINE
    assert [reason for _, reason in dropped(report)][:-1] == (
        ["press release debris: press release line"] * (release.count("\n") + 1))


@pytest.mark.parametrize("release", ["新聞稿 2025年3月3日", "新聞稿（2025年3月3日）",
                                     "即時發放 | 2025年3月3日", "新闻稿 2025年3月3日"])
def test_a_dated_chinese_release_line_goes(release):
    text = (f"{release}\n\n文化中心翻新工程完成\n\n文化中心翻新工程今日完成，下月起重新開放予公眾使用。\n\n"
            "（完）\n")
    document, report = read(text)
    assert document.metadata.title == "文化中心翻新工程完成"
    assert [reason.split(": ")[1] for _, reason in dropped(report)] == [
        "press release line", "press release end mark"]


@pytest.mark.parametrize("line", [
    "Press release: new chairman named", "Press release, 3 March 2025: fares rise",
    "新聞稿：文化中心", "Press releases",
])
def test_a_release_line_holding_more_than_a_date_stays(line):
    document, report = read(f"{line}\n\nThe Trust named its new chairman today.\n")
    assert report["dropped"] == []


@pytest.mark.parametrize(("release", "date"), [
    ("PRESS RELEASE | 3 March 2025", "2025-03-03"), ("For immediate release: March 3, 2025",
                                                    "2025-03-03"),
    ("NEWS RELEASE\nFor immediate release | March 2025", "2025-03"),
    ("FOR IMMEDIATE RELEASE: Monday 3 March 2025", "2025-03-03"),
    ("Published: 12 July 2025", "2025-07-12"), ("Posted on 3 March 2024, 10:30 am", "2024-03-03"),
])
def test_the_date_a_dropped_release_line_or_dateline_gives_is_the_documents(release, date):
    """The line goes, its date stays: the day the text was published, as the metadata writes
    one, printed on the opener and in the editions' properties."""
    document, _ = read(RELEASE.format(release=release, end="- ENDS -"))
    assert document.metadata.date == date


@pytest.mark.parametrize(("release", "date"), [
    ("新聞稿 2025年3月3日", "2025-03-03"), ("新聞稿（二〇二五年三月十二日）", "2025-03-12"),
    ("发布日期：2025年3月3日", "2025-03-03"), ("（即時發布）2025年6月3日", "2025-06-03"),
    ("新聞稿 2025年2月30日", ""),
])
def test_a_chinese_release_lines_date_is_the_documents(release, date):
    text = f"{release}\n\n文化中心翻新工程完成\n\n文化中心翻新工程今日完成，下月起重新開放予公眾使用。\n\n（完）\n"
    document, report = read(text)
    assert document.metadata.date == date  # (a day no calendar has: none)
    assert len(report["dropped"]) == 2  # the line, and the end mark


@pytest.mark.parametrize(("release", "headline", "body"), [
    ("新聞稿\n2025年6月3日（星期二）", "文化中心翻新工程完成", "文化中心翻新工程今日完成，下月起重新開放予公眾使用。"),
    ("新闻稿\n2025年6月3日（周二）", "文化中心翻新工程完成", "文化中心翻新工程今日完成，下月起重新开放予公众使用。"),
    ("新聞公報\n2025年6月3日(週二)", "郊野公園遊客人數上升", "漁護署今日公布，去年郊野公園遊客人數上升一成。"),
    ("PRESS RELEASE\n3 June 2025 (Tuesday)", HEADLINE, ""),
    ("Media release\nJune 3, 2025 (Tue)", HEADLINE, ""),
])
def test_a_release_s_date_line_with_its_weekday_in_brackets_goes_as_without(
        release, headline, body):
    """A date line under the release line, its weekday in brackets after its day (`2025年6月3日
    （星期二）`, `3 June 2025 (Tuesday)`), is the release's date line as the date alone is:
    dropped, its date the document's (it had been kept, and made the title)."""
    text = (f"{release}\n\n{headline}\n\n{body}\n\n（完）\n" if body
            else RELEASE.format(release=release, end="- ENDS -"))
    document, report = read(text)
    assert document.metadata.title == headline
    assert document.metadata.date == "2025-06-03"
    assert len(report["dropped"]) == 3  # the release line, the date line, the end mark


@pytest.mark.parametrize(("release", "date"), [
    ("EMBARGOED UNTIL 00:01 BST, TUESDAY 3 JUNE 2025", "2025-06-03"),
    ("Embargoed until 10:00 GMT on Monday 2 June 2025", "2025-06-02"),
    ("EMBARGO: 00:01 hrs Thursday 5 June 2025", "2025-06-05"),
    ("Embargoed: 9.30am HKT, 12 SEPT 2024", "2024-09-12"),
    ("PRESS RELEASE | 14 NOVEMBER 2024", "2024-11-14"),
    ("FOR IMMEDIATE RELEASE: FRIDAY 7 MARCH 2025", "2025-03-07"),
])
def test_an_embargo_or_a_release_line_in_capitals_goes_and_dates_the_document(release, date):
    """A release line in capitals, or an embargo's, its hour and zone before its day (`EMBARGO:
    00:01 hrs Thursday 5 June 2025`): dropped, its date the document's (a date in capitals had
    been none, the line kept or the document undated)."""
    document, report = read(RELEASE.format(release=release, end="- ENDS -"))
    assert document.metadata.title == HEADLINE
    assert document.metadata.date == date
    assert [reason for _, reason in dropped(report)] == [
        "press release debris: press release line", "press release debris: press release end mark"]


@pytest.mark.parametrize("line", ["Embargo: what the ban means for exporters",
                                  "EMBARGO LIFTED ON 3 JUNE 2025"])
def test_an_embargo_saying_more_than_its_hour_and_day_stays(line):
    document, report = read(f"{line}\n\nThe Trust named its new chairman today.\n")
    assert report["dropped"] == []


def test_an_embargo_s_date_never_overrides_the_metadata_s():
    document, _ = scraped_document("ferry-notice", RELEASE.format(
        release="EMBARGOED UNTIL 00:01 BST, TUESDAY 3 JUNE 2025", end="ENDS"),
        Metadata(title="", date="2025-05-30"))
    assert document.metadata.date == "2025-05-30"


def test_the_metadatas_date_is_kept_over_the_release_lines():
    document, _ = scraped_document("ferry-notice", RELEASE.format(
        release="PRESS RELEASE | 3 March 2025", end="- ENDS -"), Metadata(title="", date="2024"))
    assert document.metadata.date == "2024"


def test_a_date_in_the_text_stays_text_and_dates_nothing():
    document, _ = read("Annual Review\n\nOn 3 March 2025 the Trust opened its new wing.\n")
    assert document.metadata.date == ""


@pytest.mark.parametrize("label", ["Media contact", "Press office", "傳媒查詢"])
def test_the_contact_lines_closing_a_release_stand_under_their_heading(label):
    """The press office's lines closing a release are no signature: their label heads them
    (a bookmark, a heading in the tag tree), the lines stay as written, at the left as an
    address's (a Chinese signature would stand at the right)."""
    body = ("Northern Ferries will run a crossing to Peng Chau at 1.30 am from 1 May. "
            "Shift workers asked for it.")
    text = (f"PRESS RELEASE\n\n{HEADLINE}\n\n{body}\n\n{label}\nPress Office, Northern "
            "Ferries\nTel: 2987 6543\n")
    document, _ = read(text)
    assert isinstance(document.blocks[-2], Heading)
    assert document.blocks[-2].text == label
    assert isinstance(document.blocks[-1], LineBlock)
    assert [plain(line) for line in document.blocks[-1].lines] == [
        "Press Office, Northern Ferries", "Tel: 2987 6543"]


@pytest.mark.parametrize(("label", "contact", "details"), [
    ("Media enquiries", "Jo Marchetti, Press Officer", "01632 961 234 | press@example.ac.uk"),
    ("Press enquiries", "Sam O'Neill, Communications Manager",
     "020 7946 0321 / sam.oneill@example.gov.uk"),
    ("Media contact", "Rahul Desai", "0161 496 0000 | rahul@example.org"),
    ("For more information", "Alex Kerr, Press Officer",
     "07700 900 456 | alex.kerr@example.com"),
    ("傳媒查詢", "陳美華女士，新聞主任", "2867 1234 | press@example.gov.hk"),
    ("媒体查询", "王小明，新闻主任", "010 6512 3456 | press@example.gov.cn"),
])
def test_a_telephone_number_and_an_address_on_one_line_are_contact_lines(
        label, contact, details):
    """A telephone number and an address on one line under the contact's name are their
    details, not a line pointing to an address (a number's groups are no words): on a page
    copied with no blank lines, each line a block, the contact lines under their heading
    (the heading and the name had been headings over a paragraph), whatever words head
    them."""
    body = ("Northern Ferries will run a crossing to Peng Chau at 1.30 am from 1 May, the "
            "first after midnight in the route's forty years. Shift workers asked for it.")
    text = f"PRESS RELEASE\n{HEADLINE}\n{body}\n{label}\n{contact}\n{details}\n"
    document, _ = read(text)
    assert isinstance(document.blocks[-2], Heading)
    assert document.blocks[-2].text == label
    assert isinstance(document.blocks[-1], LineBlock)
    assert [plain(line) for line in document.blocks[-1].lines] == [
        clean_line(contact), details]


@pytest.mark.parametrize(("lead_in", "contact", "details"), [
    ("To book a guided walk, please call", "Ines Varga, Volunteer Coordinator",
     "01632 960 555 | walks@northcove.example.org"),
    ("For a printed copy, write to", "The Secretary, 4 Quay Street, Wisbech PE13 1AB",
     "01632 960 777"),
    ("Journalists should email", "Owen Blake, Press Officer", "owen.blake@example.org"),
    ("如有查詢，請聯絡", "陳美華女士，新聞主任", "2867 1234 | press@example.gov.hk"),
    ("如有疑问，请致电", "王小明，馆务主任", "010 6512 3456"),
])
@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_a_line_ending_in_a_verb_of_contacting_leads_in_to_the_contact_lines(
        lead_in, contact, details, blank):
    """A line closing a release whose words end in a verb of contacting, with no colon
    ("For a printed copy, write to", "如有查詢，請聯絡"), over a name and a telephone number
    or an address, is a lead-in, read as it is with its colon: a paragraph, the lines under it
    kept as lines (it had been their heading, or a signature's first line with them)."""
    body = ("Northern Ferries will run a crossing to Peng Chau at 1.30 am from 1 May, the "
            "first after midnight in the route's forty years. Shift workers asked for it.")

    def closing(mark: str) -> list:
        text = (f"PRESS RELEASE{blank}{HEADLINE}{blank}{body}{blank}{lead_in}{mark}\n"
                f"{contact}\n{details}\n")
        return read(text)[0].blocks[-2:]

    colon = ":" if lead_in.isascii() else "："
    lead, lines = closing("")
    assert isinstance(lead, Paragraph) and lead.text == lead_in
    assert isinstance(lines, LineBlock)
    assert lines == closing(colon)[1]
    assert [plain(line) for line in lines.lines] == [clean_line(contact), details]


@pytest.mark.parametrize(("lead_in", "contact", "after"), [
    ("For more information, please contact",
     ["Ms Chan Tai Man", "Senior Officer", "Tel: 2345 6789", "Email: taiman.chan@example.gov.hk"],
     ["Notes to editors", "The crossing is run under the ferry licence granted in 2019, which "
      "the Transport Department renewed this spring."]),
    ("Members with questions may telephone",
     ["Owen Blake, Bookings Clerk", "01632 960 444"],
     ["The first crossing sails from the Central pier, and tickets can be bought on board "
      "with cash or a travel card."]),
    ("如有查詢，請聯絡",
     ["高級主任陳大文女士", "電話：2345 6789", "電郵：taiman.chan@example.gov.hk"],
     ["背景", "該航線於一九八五年開辦，現時每日共有二十四班航班來往中環及坪洲。"]),
])
@pytest.mark.parametrize("colon", [False, True])
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("closing", [False, True])
def test_the_lines_a_contact_lead_in_introduces_are_one_block_of_lines(
        lead_in, contact, after, colon, blank, closing):
    """The lines under a contact lead-in, with or without its colon, right under it or a
    blank line under it, and at the release's end or over more of it: one block of lines,
    the contact's name its first line (where the release was not wrapped, the name had been
    a heading over the rest, the lead-in with no colon a line of the block)."""
    body = ("Northern Ferries will run a crossing to Peng Chau at 1.30 am from 1 May, the "
            "first after midnight in the route's forty years.\n\nShift workers asked for it."
            if lead_in.isascii() else
            "北方渡輪由五月一日起增設凌晨一時三十分往坪洲的航班，是該航線四十年來首班午夜後的航班。"
            "\n\n輪班工人曾要求增設航班。")
    mark = (":" if lead_in.isascii() else "：") if colon else ""
    rest = "" if closing else "\n\n" + "\n\n".join(after)
    text = (f"PRESS RELEASE\n\n{HEADLINE}\n\n{body}\n\n{lead_in}{mark}\n{blank}"
            + "\n".join(contact) + rest + "\n")
    blocks = read(text)[0].blocks
    at = next(index for index, block in enumerate(blocks)
              if isinstance(block, Paragraph) and block.text == lead_in + mark)
    assert isinstance(blocks[at + 1], LineBlock)
    assert blocks[at + 1].texts == [clean_line(line) for line in contact]
    assert len(blocks) == at + 2 + (0 if closing else len(after))


@pytest.mark.parametrize(("lead_in", "rest"), [
    ("Anyone wishing to sail on the first night, or to bring a bicycle aboard, should call",
     "the booking office on 01632 960 222 before noon on the day."),
    ("Groups of ten or more, and schools planning a visit in term time, may write to",
     "Aldous Grey at 9 Ferry Road, Hull HU1 2AB, who keeps the timetable."),
])
def test_a_sentence_wrapped_after_its_verb_of_contacting_stays_one_paragraph(lead_in, rest):
    """A sentence broken after its verb of contacting ("…, should call" over "the booking
    office on 01632 960 222 …"), the next line going on with it, is one paragraph: the lines
    a lead-in leads in to are contact lines, each of its own, none going on with the
    sentence (the sentence had been parted into two paragraphs)."""
    body = ("Northern Ferries will run a crossing to Peng Chau at 1.30 am from 1 May, the "
            "first after midnight in the route's forty years. Shift workers asked for it.")
    text = f"PRESS RELEASE\n\n{HEADLINE}\n\n{body}\n\n{lead_in}\n{rest}\n"
    last = read(text)[0].blocks[-1]
    assert isinstance(last, Paragraph) and last.text == clean_line(f"{lead_in} {rest}")


def test_contact_lines_under_their_heading_within_a_release_stay_lines():
    """A company's release: its media contact (a name and role, a telephone number, an
    address, unlabelled) between its boilerplate and its forward-looking statements is its
    heading over its lines, each as written (the name had been a heading, the number and
    the address one paragraph)."""
    path = Path(__file__).parent / "texts" / "press" / "harbourline-results-release.txt"
    document, _ = read_scraped(path, Metadata(title=""))
    at = next(index for index, block in enumerate(document.blocks)
              if isinstance(block, Heading) and block.text == "Media contact")
    assert [plain(line) for line in document.blocks[at + 1].lines] == [
        "Tom Lindqvist, Head of Communications", "+44 1223 555 0192",
        "press@harbourline.example"]
    assert document.blocks[at + 2].text == "Forward-looking statements"


@pytest.mark.parametrize(("name", "title", "opening", "furniture"), [
    ("legco-question-reply", "LCQ12: Support for elderly residents of subdivided units",
     "Following is a question", "Press Releases"),
    ("legco-question-reply-zh", "立法會十二題：支援居於劏房的長者", "以下是今日", "新聞公報"),
])  # fmt: skip
def test_a_government_reply_under_its_sites_section_name_is_titled_by_its_headline(
        name, title, opening, furniture):
    """A government's release of a reply to a legislator's question: the site's section
    over it (`Press Releases`) and its link under it (`Today's Press Releases`) go; its
    headline over the rule of asterisks is the title (the section's name had been); its
    labels (`Question:`, `Reply:`) and the chair it addresses (`President,`) paragraphs."""
    path = Path(__file__).parent / "texts" / "press" / f"{name}.txt"
    document, report = read_scraped(path, Metadata(title=""))
    assert document.metadata.title == title
    assert document.metadata.date == "2025-03-05"
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert not any(furniture in text for text in texts)
    assert texts[0].startswith(opening)
    assert {type(block).__name__ for block in document.blocks} == {"Paragraph", "List"}


ABOUT_THE_BODY = """{headline}
{body}
{end}
{notes}
{notice}
{contact}
"""


@pytest.mark.parametrize(("end", "notes", "notice", "contact"), [
    ("Ends", "Notes to editors", "The Westfield Growers Association is a registered charity.",
     "Press office\nPetra Gaunt, Secretary\n01632 960 118 | "
     "petra@westfield-growers.example.org\nThe Pavilion, 4 Harrow Lane, Westfield WF2 8LP"),
    ("-ENDS-", "Notes for editors",
     "The Westfield Growers Association is a registered charity (no. 1102345).",
     "Media enquiries: Petra Gaunt, Secretary, 01632 960 118, "
     "petra@westfield-growers.example.org"),
    ("###", "About the Association", "Westfield Growers Association is a registered charity "
     "in England and Wales, number 1102345. It has 400 members.",
     "Media contact\nPetra Gaunt, Secretary\n01632 960 118 | petra@westfield-growers.example.org"),
    ("（完）", "編輯備註", "西田園藝協會為註冊慈善機構。",
     "傳媒查詢\n吳小姐，秘書\n2987 6543 | press@westfield-growers.example.org"),
])  # fmt: skip
def test_a_note_on_the_body_under_the_end_mark_stays_with_the_contact_under_it(
        end, notes, notice, contact):
    """A sentence saying the body issuing a release is a registered charity, among the notes
    to editors under its end mark, is a note (a paragraph under their heading), and the
    media contact under it stays: it had opened the page's footer, which took the contact
    lines, the notes' heading left alone as a sign-off."""
    english = notes.isascii()
    headline = ("Allotments open on the old depot" if english else "西田舊車廠闢作園圃")
    body = ("Forty plots opened on Saturday on the former council depot at Harrow Lane.\n"
            "Plots cost £38 a year, half that for those over 65." if english else
            "西田舊車廠上星期六闢出四十幅園圃。\n\n每幅年費三百八十元。")
    text = ABOUT_THE_BODY.format(headline=headline, body=body, end=end, notes=notes,
                                 notice=notice, contact=contact)
    if not english:
        text = text.replace("\n", "\n\n")
    document, report = read(text)
    assert document.metadata.title == headline
    assert [reason for _, reason in dropped(report)] == [
        "press release debris: press release end mark"]
    at = next(index for index, block in enumerate(document.blocks)
              if isinstance(block, Heading) and block.text == notes)
    assert isinstance(document.blocks[at + 1], Paragraph)
    assert document.blocks[at + 1].text == clean_line(notice)
    assert not any(isinstance(block, SignOff) for block in document.blocks)
    said = " ".join([getattr(block, "text", "") for block in document.blocks[at + 2:]]
                    + [plain(line) for block in document.blocks[at + 2:]
                       for line in getattr(block, "lines", [])])
    assert contact.split("\n")[-1].replace(" ", "") in said.replace(" ", "").replace(
        "\u00a0", "")


def test_a_registration_under_the_notes_to_editors_goes_with_the_footer():
    """A registration's label under a release's notes (`Registered charity no. …`), no
    sentence, is the page's footer still."""
    text = ABOUT_THE_BODY.format(
        headline="Allotments open on the old depot",
        body="Forty plots opened on Saturday on the former council depot at Harrow Lane.",
        end="ENDS", notes="Notes to editors", notice="The association was founded in 1921.",
        contact="Media enquiries: Petra Gaunt, 01632 960 118\nRegistered charity no. 1102345")
    document, report = read(text)
    assert dropped(report)[-1] == ("Registered charity no. 1102345",
                                   "web page debris: page footer")
    assert "Media enquiries: Petra" in document.blocks[-1].text


@pytest.mark.parametrize(("section", "headline", "body"), [
    ("News", "Allotments open on the old depot",
     "Forty plots opened on Saturday on the former council depot at Harrow Lane.\n"
     "Plots cost £38 a year, half that for those over 65."),
    ("Latest news", "Allotments open on the old depot",
     "Forty plots opened on Saturday on the former council depot at Harrow Lane.\n\n"
     "Plots cost £38 a year, half that for those over 65."),
    ("Press releases", "Allotments open on the old depot",
     "Forty plots opened on Saturday on the former council depot at Harrow Lane."),
    ("新聞稿", "西田舊車廠闢作園圃", "西田舊車廠上星期六闢出四十幅園圃。\n\n每幅年費三百八十元。"),
    ("最新消息", "西田舊車廠闢作園圃", "西田舊車廠上星期六闢出四十幅園圃。\n\n每幅年費三百八十元。"),
    ("新闻动态", "西田旧车厂辟作园圃", "西田旧车厂上星期六辟出四十幅园圃。\n\n每幅年费三百八十元。"),
])  # fmt: skip
def test_a_sites_news_section_over_the_headline_goes_and_the_headline_is_the_title(
        section, headline, body):
    """The name of the site's section a release or a story stands in, on the page's first
    line over its headline, is where the page stands (a breadcrumb's last crumb), not the
    title: it goes, and the headline titles the text (the section's name had, the headline
    a heading)."""
    gap = "\n" if section.isascii() else "\n\n"
    document, report = read(f"{section}{gap}{headline}{gap}{body}\n")
    assert document.metadata.title == headline
    assert [drop["text"] for drop in report["dropped"]] == [section]
    assert not any(isinstance(block, Heading) for block in document.blocks)


@pytest.mark.parametrize("text", [
    # the title itself, over the text
    "News\nForty plots opened on Saturday on the former council depot at Harrow Lane.\n",
    # a newsletter's section under its title
    "Spring Newsletter 2025\n\nNews\n\nAllotments open on the old depot\n\n"
    "Forty plots opened on Saturday on the former council depot at Harrow Lane.\n",
    # a word that names no section of news
    "Harvest\n\nAllotments open on the old depot\n\n"
    "Forty plots opened on Saturday on the former council depot at Harrow Lane.\n",
])
def test_a_one_word_title_or_a_newsletters_news_heading_stays(text):
    document, report = read(text)
    assert report["dropped"] == []
    assert document.metadata.title == text.split("\n")[0]


DECKED = """FOR IMMEDIATE RELEASE

Coastal charity to restore 400 hectares of Essex saltmarsh

Largest saltmarsh restoration on the east coast will protect 1,200 homes from flooding

CHELMSFORD, 11 February 2025 -- The Estuaries Wildlife Partnership today announced a \
project to restore 400 hectares of saltmarsh on the Blackwater and Crouch estuaries.

The five-year project will breach old sea walls at three sites.

Ends
"""


def test_a_releases_deck_over_its_datelined_first_paragraph_is_its_subtitle_and_dates_it():
    """The line between the headline and the story, which opens with its place and date, is
    the deck (the subtitle, in the opener), not a heading; that date is the text's."""
    document, _ = read(DECKED)
    assert document.metadata.title == (
        "Coastal charity to restore 400\u00a0hectares of Essex saltmarsh")
    assert document.metadata.subtitle == (
        "Largest saltmarsh restoration on the east coast will protect 1,200\u00a0homes from"
        " flooding")
    assert document.metadata.date == "2025-02-11"
    assert not any(isinstance(block, Heading) for block in document.blocks)
    assert document.blocks[0].text.startswith("CHELMSFORD, 11\u00a0February 2025\u00a0\u2013 The")


def test_a_heading_over_a_paragraph_without_a_dateline_stays_a_heading():
    document, _ = read(DECKED.replace("CHELMSFORD, 11 February 2025 -- The", "The"))
    assert document.metadata.subtitle == "" and document.metadata.date == ""
    assert isinstance(document.blocks[0], Heading)


TEXTS = Path(__file__).parent / "texts" / "press"


@pytest.mark.parametrize(("name", "title", "dropped_reasons", "first"), [
    ("drainage-press-en", "DSD announces progress of flood prevention works in 2024",
     ["web page debris: breadcrumb", "web page debris: link",
      "web page debris: rule drawn in the text", "press release debris: press release end mark",
      "press release debris: press release issue stamp",
      "press release debris: press release issue stamp"],
     "The Drainage Services Department (DSD) announced today"),
    ("drainage-press-zh", "渠務署公布二〇二四年防洪工程進度",
     ["web page debris: breadcrumb", "press release debris: press release line",
      "web page debris: rule drawn in the text", "press release debris: press release end mark",
      "press release debris: press release issue stamp",
      "press release debris: press release issue stamp"],
     "渠務署今日（三月十四日）公布"),
])
def test_a_government_release_in_either_language(name, title, dropped_reasons, first):
    """A Hong Kong government release as its site sets it, in English and Chinese: the
    site's section under its trail (`Press Releases`, `新聞公報`), the rule of asterisks under
    the headline (`*****`, `＊＊＊＊＊`), the end mark with or without its day
    (`Ends/Friday, March 14, 2025`, `完`) and the day and hour it was issued under it
    (`Issued at HKT 15:30`, `NNNN`; `2025年3月14日（星期五）`, `香港時間15時30分`) go, that
    day the text's; the headline is the title. The rule had run into the first paragraph,
    the day and hour had been its sign-off, and the section's name its title. A table whose
    cells full-width spaces part (`地區　　工程數目　　開支（百萬元）`) is a table."""
    document, report = read_scraped(TEXTS / f"{name}.txt", Metadata(title=""))
    assert (document.metadata.title, document.metadata.date) == (title, "2025-03-14")
    assert [reason for _, reason in dropped(report)][:6] == dropped_reasons
    assert document.blocks[0].text.startswith(first)
    assert not [block for block in document.blocks if isinstance(block, (SignOff, Heading))]
    if name.endswith("zh"):
        (table,) = [block for block in document.blocks if isinstance(block, Table)]
        assert [plain(cell) for cell in table.header] == ["地區", "工程數目", "開支（百萬元）"]
        assert [plain(row[0]) for row in table.rows] == ["港島", "九龍", "新界", "合計"]
        assert table.numeric == (False, True, True)


@pytest.mark.parametrize(("name", "title", "tag", "address", "lines_dropped"), [
    ("harbour-council-speech-en",
     "Speech by Chairman of Harbourfront Council at annual partners’ reception",
     "(English only)", "Deputy Secretary, Mr Chan, distinguished guests, ladies and gentlemen,",
     {"web_page_debris": 6, "press_release_debris": 3}),
    ("harbour-council-speech-zh", "海濱事務委員會主席在年度夥伴酒會致辭", "（只有中文）",
     "陳副秘書長、各位嘉賓、各位朋友：", {"web_page_debris": 5, "press_release_debris": 5}),
])
def test_a_government_speech_in_either_language(name, title, tag, address, lines_dropped):
    """A speech as a government's site sets it: the tag the site ends its headline with about
    the page (`(English only)`, `（只有中文）`, `(with photos)`, `（附圖）`) goes, listed with
    the title kept, and counts as no line dropped; the address to the audience
    (`…, distinguished guests, ladies and gentlemen,`) is a greeting, set flush as a letter's
    is, and the paragraph under it too where the language indents no paragraph's first line
    under a greeting (Chinese indents every paragraph's)."""
    from pipeline.writers.flush import flush_left

    document, report = read_scraped(TEXTS / f"{name}.txt", Metadata(title=""))
    assert document.metadata.title == title
    (drop,) = [drop for drop in report["dropped"] if drop["text"] == tag]
    assert drop["kept"] == {"lines": drop["lines"], "text": title}
    assert {key: report[key] for key in lines_dropped} == lines_dropped
    texts = [block.text.replace("\u00a0", " ") if isinstance(block, Paragraph) else ""
             for block in document.blocks]
    at = texts.index(address)
    flush = flush_left(document.blocks)
    assert at in flush and (at + 1 in flush) == name.endswith("en")
    assert at - 1 not in flush  # the note on the speech over it


@pytest.mark.parametrize("headline", [
    "Speech by SJ at legal forum (English only)", "LegCo Panel visits port (with photos)",
    "Secretary visits Tai Po (with photos/video)", "律政司司長出席法律論壇致辭（只有中文）",
    "署長視察大埔（附圖／短片）",
])
def test_a_sites_tag_on_the_headline_goes(headline):
    document, report = read(f"{headline}\n\nThe Secretary spoke today at the opening of the "
                            "forum, which runs for two days.\n")
    assert document.metadata.title == headline.rsplit("(", 1)[0].rsplit("（", 1)[0].strip()
    assert report["web_page_debris"] == 0


def test_a_bracketed_ending_of_the_texts_own_stays():
    """Brackets that are the text's own stay: a headline naming its year, a sentence."""
    document, _ = read("Annual report (2024)\n\nThe report covers the year (with photos) in "
                       "full, and ends here (English only).\n")
    assert document.metadata.title == "Annual report (2024)"
    assert document.blocks[0].text.endswith("(English only).")


def test_a_universitys_speech_page_under_its_sites_name_and_a_trail_of_two_crumbs():
    """A university's page of its president's address: the site's name over a trail of two
    crumbs naming the page's section (`News & Events > Speeches`), the headline under them
    the title; the speaker and her office under it the byline, the date the text's; the note
    to the press (`CHECK AGAINST DELIVERY`) goes; the address to the audience is a greeting,
    the paragraph under it set flush."""
    from pipeline.writers.flush import flush_left

    document, report = read_scraped(TEXTS / "lakeside-university-congregation.txt",
                                    Metadata(title=""))
    assert document.metadata.title == "President\u2019s Address at the 42nd Congregation"
    assert document.metadata.subtitle == "" and document.metadata.date == "2025-11-18"
    assert (document.byline.name, document.byline.role) == (
        "Professor\u00a0Margaret Ho", "President and Vice-Chancellor")
    assert dropped(report)[:4] == [
        ("Lakeside University", "web page debris: navigation over the title"),
        ("News & Events > Speeches", "web page debris: breadcrumb"),
        ("18 November 2025", "the text's date, which the metadata keeps where it gives none"),
        ("CHECK AGAINST DELIVERY", "press release debris: press release line")]
    assert document.blocks[0].text.startswith("Mr\u00a0Chairman, Pro-Chancellor,")
    assert {0, 1} <= flush_left(document.blocks)


def test_a_releases_stamp_in_chinese_numerals_dates_it_and_goes():
    """A government release's stamp under its end mark written in numerals (`二○二五年七月十八日
    （星期五）` over `香港時間十六時四十五分`), as in figures: the release's, dating it (it had
    been two headings at the top of a page, the release undated)."""
    path = Path(__file__).parent / "texts" / "press" / "harbourfront-release-zh.txt"
    document, report = scraped_document("release", path.read_text(encoding="utf-8"),
                                        Metadata(title=""))
    assert document.metadata.date == "2025-07-18"
    assert not [block for block in document.blocks if isinstance(block, Heading)
                and "時間" in block.text]
    assert "香港時間十六時四十五分" in [drop["text"] for drop in report["dropped"]]


def test_a_speechs_greeting_stage_directions_and_verse_stand_as_written():
    """A speech's greeting to its dignitaries (`Lord Lieutenant, Mr High Sheriff, …, ladies
    and gentlemen,`) is its greeting, not a byline; `(Applause)` on a line of its own is a
    paragraph of its own, the heading under it a heading (they had run together), and the
    last one signs nothing; its lines of verse are lines."""
    path = Path(__file__).parent / "texts" / "reports" / "lord-mayor-awards-speech.txt"
    document, _ = scraped_document("speech", path.read_text(encoding="utf-8"),
                                   Metadata(title=""))
    assert document.byline is None
    assert document.blocks[0].text.startswith("Lord Lieutenant,")
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert texts.count("(Applause)") == 3
    assert "A city of neighbours" in [block.text for block in document.headings]
    assert not [block for block in document.blocks if isinstance(block, SignOff)]
    # Two lines of verse indented among paragraphs a line each: lines set apart, the
    # second going on with the first's sentence (they had been two paragraphs).
    assert [block.texts for block in document.blocks if isinstance(block, LineBlock)] == [[
        "A city is not its walls or its bridges;", "it is the hands that hold them up."]]
    # A stage direction's words in italic, its brackets roman.
    applause = next(block for block in document.blocks if block.text == "(Applause)")
    assert [(span.text, span.italic) for span in applause.spans] == [
        ("(", False), ("Applause", True), (")", False)]


def test_a_speechs_rubric_over_its_day_and_its_closing_applause_in_square_brackets():
    """A chair's speech: its rubric over its day and place stay two lines (they had run
    together as one paragraph); `[Sustained applause]` after `Thank you.` signs nothing (it
    had been the sign-off), and every stage direction, round brackets or square, is set
    apart in italic."""
    path = Path(__file__).parent / "texts" / "reports" / "cooperative-agm-chair-speech.txt"
    document, _ = scraped_document("speech", path.read_text(encoding="utf-8"),
                                   Metadata(title="Chair\u2019s Speech"))
    assert document.blocks[0].texts == [
        "Speech by the Chair, Mrs\u00a0Margaret O\u2019Donnell, at the Seventy-First Annual "
        "General Meeting of the Eastfield Housing Co-operative",
        "Saturday 16\u00a0November 2024, Eastfield Community Hall"]
    assert not [block for block in document.blocks if isinstance(block, SignOff)]
    directions = [block for block in document.blocks
                  if isinstance(block, Paragraph) and block.text[:1] in "(["]
    assert [block.text for block in directions] == [
        "(Laughter)", "[Applause]", "(Laughter and applause)", "(Laughter)",
        "[Sustained applause]"]
    assert all(block.spans[1].italic for block in directions)


@pytest.mark.parametrize(("rubric", "language", "date"), [
    ("Delivered by the Mayor of Kettleby, Councillor Anne Pryor, at the opening of the Mill "
     "Street Library, Friday 6 March 2026", "en-GB", "2026-03-06"),
    ("Remarks as delivered by the Vice-Chancellor, 4 March 2025", "en-GB", "2025-03-04"),
    ("陳主席在2025年3月8日周年大會上的講話", "zh-HK", "2025-03-08"),
    # Another day named first: the day of the delivery, led by its weekday or last.
    ("Speech by the Headteacher, Mrs Ada Brennan, remembering the fire of 3 May 1998, at the "
     "prize-giving on Thursday 9 July 2026", "en-GB", "2026-07-09"),
    ("Lecture given by Professor Ruth Amis on Monday 2 February 2026, on the flood of 31 "
     "January 1953", "en-GB", "2026-02-02"),
    ("Address by the Provost marking the charter of 1 September 1890, Guildhall, 14 October "
     "2025", "en-GB", "2025-10-14"),
    ("李會長在紀念1997年7月1日的2025年6月30日酒會上的講話", "zh-HK", "2025-06-30"),
])
def test_a_speech_is_dated_by_the_day_its_rubric_gives(rubric, language, date):
    """A speech's rubric opening its text, saying who gave it and when: the day dates the
    text, which the opener prints (it had printed no date), not another day the rubric
    names first; the rubric stays as written."""
    title, said = (("Opening remarks", "Thank you all for coming.\n\nThe building is open.")
                   if language == "en-GB" else ("開幕致辭", "各位會員：\n\n今天是本會成立四十周年。"))
    document, _ = scraped_document("speech", f"{title}\n\n{rubric}\n\n{said}\n",
                                   Metadata(title="", language=language))
    assert document.metadata.date == date
    assert document.blocks[0].text == clean_line(rubric)


def test_a_rubric_further_down_a_speech_dates_nothing():
    """A line saying who gave a speech after its first paragraph is the text's, no rubric."""
    text = ("Opening remarks\n\nThank you all for coming this evening.\n\n"
            "Delivered by hand, on Friday 6 March 2026, the letter changed everything.\n")
    document, _ = scraped_document("speech", text, Metadata(title=""))
    assert document.metadata.date == ""


@pytest.mark.parametrize("opening", [
    "Given by the parish council on 2 June 2024, the six new benches have already been "
    "claimed by the bowls club, the council said today.",
    "Delivered by volunteers on Friday 6 March 2026, the 300 food parcels reached every "
    "house on the estate before dark.",
])
def test_a_news_releases_opening_sentence_is_no_speechs_rubric(opening):
    """A release's opening sentence saying who gave or delivered something, and when, is its
    body, no rubric: it dates nothing (the opener had printed its date)."""
    text = f"PRESS RELEASE\nBenches for Ashcombe Green\n{opening}\nThe green is open daily.\n"
    document, _ = scraped_document("release", text, Metadata(title=""))
    assert document.metadata.date == ""


SPEECH = ("Remarks by the Chair of Governors, Mr Idris Vaughan, at the opening of the Quarry "
          "Lane sports hall, Friday 6 March 2026\n"
          "[Mr Vaughan is welcomed by the head girl, who hands him the scissors.]\n"
          "Thank you, Megan. When the old hall was built, the school had 200 pupils and one "
          "football. [Laughter] It now has 1,400 pupils and, I am assured, several footballs.\n"
          "The inspectors wrote that the old hall \"failed [the school] in every respect\". "
          "They were being kind.\n"
          "[Mr Vaughan points to the climbing wall.]\n"
          "That wall is the tallest in the county.\n"
          "(Applause)\n"
          "I declare the hall open.\n"
          "[Mr Vaughan cuts the ribbon. Cheers.]\n")


def italic_words(block: Paragraph) -> list[str]:
    return [span.text.replace("\u00a0", " ") for span in block.spans if span.italic]


def test_every_stage_direction_of_a_speech_is_set_apart_and_in_italic():
    """A speech's stage directions, each on a line of its own or a reaction inside a
    sentence, are set alike: their words in italic, their brackets roman, each line its own
    paragraph (the one under the rubric had run on into it; a direction saying what is done,
    and a reaction inside a sentence, had been roman). A bracket in a quotation holding the
    author's words (`[the school]`) is no direction: roman."""
    document, _ = scraped_document("speech", SPEECH, Metadata(title="Opening the sports hall"))
    paragraphs = [block for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[0].text.endswith("Friday 6\u00a0March 2026")
    assert [italic_words(block) for block in paragraphs] == [
        [], ["Mr Vaughan is welcomed by the head girl, who hands him the scissors."],
        ["Laughter"], [], ["Mr Vaughan points to the climbing wall."], [], ["Applause"], [],
        ["Mr Vaughan cuts the ribbon. Cheers."]]
    laughter = paragraphs[2].spans
    assert laughter[0].text.endswith("one football. [") and laughter[2].text.startswith("] It")


def test_a_paragraph_in_brackets_outside_a_transcript_stays_roman():
    """A paragraph wholly in brackets in a text noting no audience is the author's aside,
    set as the text around it."""
    text = ("The hall opened in March.\n\n[This report was updated on 9 March 2026.]\n\n"
            "It cost £2.1 million.\n")
    document, _ = scraped_document("report", text, Metadata(title="The new hall"))
    assert not any(italic_words(block) for block in document.blocks
                   if isinstance(block, Paragraph))


@pytest.mark.parametrize("text", [
    "The rangers cleared 9 miles of footpath this spring. You can see them at work in our "
    "film (video) or read their diary.\n\n(All costs in this update are estimates, rounded to "
    "the nearest hundred pounds.)\n\n(See also the accounts, published separately.)\n",
    "The rangers cleared 9 miles of footpath this spring. After a long pause (pause) the "
    "work began again.\n\n(Costs unaudited.)\n",
])
def test_a_bracket_naming_a_video_or_a_pause_makes_no_transcript(text):
    """A video or a pause named in brackets in running prose notes no audience: the text is
    no transcript, so neither that word nor a paragraph wholly in brackets is set apart."""
    document, _ = scraped_document("update", text, Metadata(title="Our spring"))
    assert not any(italic_words(block) for block in document.blocks
                   if isinstance(block, Paragraph))


def test_only_a_direction_in_brackets_is_set_apart_in_a_transcript():
    """In a transcript (its rubric opening it, its audience noted once), a paragraph wholly
    in brackets is a direction only where it says who does what or how the audience
    answers; a note's number (`[1]`) and a note on the text's figures stay roman."""
    text = ("Address by the Warden, Dr Lena Marsh, at the founders' dinner\n\n"
            "Good evening. [Applause] This college is older than the town.\n\n"
            "The bursar's review [1] found the roof sound.\n\n[1]\n\n(Costs unaudited.)\n\n"
            "[Dr Marsh raises a glass to the founders.]\n\n"
            "[Sustained applause as the founders' portrait is unveiled.]\n\n[2]\n")
    document, _ = scraped_document("speech", text, Metadata(title="The founders' dinner"))
    assert [italic_words(block) for block in document.blocks
            if isinstance(block, Paragraph) and italic_words(block)] == [
        ["Applause"], ["Dr Marsh raises a glass to the founders."],
        ["Sustained applause as the founders\u2019 portrait is unveiled."]]


def test_a_chinese_stage_direction_stays_upright():
    """A Chinese speech's `（笑聲）` is set as its other bracketed notes are, upright: Han
    characters are never slanted (clreq), and an italic of them the DOCX draft had slanted;
    an English one in it keeps its italic."""
    text = ("各位來賓：\n\n今年是本會成立四十周年，感謝各位一直以來的支持。\n\n（笑聲）\n\n"
            "我們會繼續與社區同行，為長者提供更多服務。\n\n(Applause)\n\n"
            "最後，祝願大家身體健康。\n\n（全場鼓掌）")
    document, _ = scraped_document("speech", text, Metadata(title="", language="zh-HK"))
    spans = {block.text: [(span.text, span.italic) for span in block.spans]
             for block in document.blocks if isinstance(block, Paragraph)}
    assert spans["（笑聲）"] == [("（笑聲）", False)]
    assert spans["（全場鼓掌）"] == [("（全場鼓掌）", False)]
    assert spans["(Applause)"] == [("(", False), ("Applause", True), (")", False)]


@pytest.mark.parametrize(("label", "caption"), [
    ("Photo", "The Director of Leisure and Cultural Services (centre) reads with pupils at the "
              "Central Library today (March 14)."),
    ("相片", "康樂及文化事務署署長（中）今日（三月十四日）在中央圖書館與小學生一同閱讀。"),
])
def test_a_photo_labelled_under_a_release_is_a_figure_with_its_caption(label, caption):
    """A government release sets its photos under its text, each a label over its caption
    (`Photo` over `The Director … reads with pupils …`): a figure, its caption the line
    under the label (the label had been a heading over a paragraph)."""
    path = Path(__file__).parent / "texts" / "press" / "libraries-reading-month-release.txt"
    text = path.read_text(encoding="utf-8").rsplit("Photo\n", 1)[0] + f"{label}\n{caption}\n"
    document, _ = scraped_document("release", text, Metadata(title=""))
    figure = document.blocks[-1]
    assert isinstance(figure, Figure) and plain(figure.caption) == clean_line(caption)
    assert label not in [getattr(block, "text", "") for block in document.blocks]


def test_a_councils_release_reads_its_masthead_number_and_footer():
    """A council's release: `Ref: PR/2025/041` under its release lines is the release's
    number (it had been the title), its name over the headline the organisation (the
    headline had been a heading), and `Follow us on X …` and the council's address under its
    notes to editors its footer (they had been printed as notes)."""
    path = Path(__file__).parent / "texts" / "press" / "council-press-release-ends.txt"
    document, report = scraped_document("release", path.read_text(encoding="utf-8"),
                                        Metadata(title=""))
    assert document.metadata.title.startswith("Council agrees £12m plan")
    assert document.metadata.organisation == "Kestrelford Borough Council"
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["Ref: PR/2025/041"] == "press release debris: press release line"
    assert reasons["Follow us on X @KestrelfordBC and on Facebook."].endswith("page footer")
    said = " ".join(" ".join(getattr(block, "texts", None) or [getattr(block, "text", "")])
                    for block in document.blocks)
    assert "Civic Centre, Market Square" not in said and "Ref:" not in said
    assert said.rstrip().endswith("Out of hours: 07700 900 842.")


def test_a_release_in_its_other_language_after_the_first_s_end_mark_heads_its_text():
    """A release in English then in Chinese, the second after the first's end mark (`Ends`,
    `NNNN`): its release line and the date under its headline the release's, dropped; its
    headline a heading over its text (they had been a signature)."""
    text = ("PRESS RELEASE\nPark authority opens new coastal trail\n2 May 2025\n"
            "The Country Parks Authority today opened an 8-kilometre coastal trail at Sai Kung.\n"
            "The trail links four beaches and two campsites.\nEnds/Friday, May 2, 2025\nNNNN\n"
            "新聞稿\n郊野公園管理局開放全新海岸遠足徑\n2025年5月2日\n"
            "郊野公園管理局今日在西貢開放一條全長8公里的海岸遠足徑。\n遠足徑連接四個海灘及兩個營地。\n完\n")
    _, headings, dropped = bilingual_release(text, "en-GB")
    assert headings == ["郊野公園管理局開放全新海岸遠足徑"]
    assert {"新聞稿", "2025年5月2日"} <= dropped


def test_the_second_languages_release_lines_after_the_firsts_media_contact_go():
    """A bilingual release whose first half ends with its media contact under its end mark,
    the second opening with two release lines (`新聞稿`, `即時發放`): both go and its
    headline heads its text (`新聞稿` had been a heading, `即時發放` a line block with the
    headline); each half's media contact is a paragraph (one had been a heading, the other
    a sign-off)."""
    from pipeline.model import Paragraph

    text = ("PRESS RELEASE\nFor immediate release\nLibrary board opens a reading room at the pier\n"
            "The Public Libraries Board today opened a reading room on the Central Ferry Pier, "
            "where passengers waiting for the outlying islands ferries may borrow and return "
            "books.\nThe room holds 4,000 books in Chinese and English and is open every day "
            "from seven in the morning until eleven at night.\n- ENDS -\n"
            "Media enquiries: Mr Daniel HO, Press Officer, 2345 6789\n\u00a0\n"
            "新聞稿\n即時發放\n公共圖書館委員會於碼頭開設閱覽室\n"
            "公共圖書館委員會今日在中環渡輪碼頭開設閱覽室。\n閱覽室藏書四千冊，每日開放。\n（完）\n"
            "傳媒查詢：何子健先生，新聞主任，電話：2345 6789\n")
    document, headings, dropped = bilingual_release(text, "zh-HK")
    assert headings == ["公共圖書館委員會於碼頭開設閱覽室"]
    assert {"新聞稿", "即時發放"} <= dropped
    contacts = [block.text for block in document.blocks if isinstance(block, Paragraph)
                and block.text.startswith(("Media enquiries", "傳媒查詢"))]
    assert len(contacts) == 2


def bilingual_release(text: str, language: str):
    """A bilingual release's document, read in `language`, its headings' texts and the
    texts of the lines dropped; no sign-off read in it (its halves' ends had been one)."""
    from pipeline.model import Heading, Metadata, SignOff
    from pipeline.readers.scraped import scraped_document

    document, report = scraped_document("release", text, Metadata(title="", language=language))
    assert not any(isinstance(block, SignOff) for block in document.blocks)
    return (document, [block.text for block in document.blocks if isinstance(block, Heading)],
            {drop["text"] for drop in report["dropped"]})


@pytest.mark.parametrize(("head", "headline", "opening"), [
    ("跳過導航\n新聞公報", "勞工處處長在職業安全嘉許禮致辭（只有中文）",
     "　　以下是勞工處處長今日在職業安全嘉許禮的致辭："),
    ("新闻公报\n跳过导航", "民政局局长在社区服务嘉许礼致辞",
     "　　以下是民政局局长今日在嘉许礼的致辞全文："),
    ("跳過導航\n新聞公報", "勞工處處長在職業安全嘉許禮致辭",
     "＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊\n　　以下是勞工處處長今日在職業安全嘉許禮的致辭："),
])
def test_a_chinese_speech_pages_skip_link_label_and_doubled_headline(head, headline, opening):
    """A government speech page's head: its skip link (`跳過導航`) and its label (`新聞公報`) go,
    and its headline, written twice right over the text (its tag gone), is the title: no
    picture's doubled caption, no heading, though no blank line parts it from the text."""
    document, report = read(f"{head}\n{headline}\n{headline}\n{opening}\n\n"
                            "　　各位來賓，大家好。今年共有八十個機構獲得嘉許。\n")
    assert document.metadata.title == headline.removesuffix("（只有中文）")
    assert not [block for block in document.blocks if isinstance(block, (Figure, Heading))]
    assert document.blocks[0].text.startswith("以下是")
    assert head.split("\n")[0] in [text for text, _ in dropped(report)]


def test_a_headline_written_twice_over_the_text_is_the_title_however_short_the_line_under_it():
    headline = "Secretary for Housing visits new estate in Tung Chung"
    document, _ = read(f"{headline}\n{headline}\nThe Secretary toured the estate's homes today.\n\n"
                       "He met residents and staff, and thanked the builders.\n")
    assert document.metadata.title == headline
    assert [block.text for block in document.blocks][0].startswith("The Secretary toured")
    assert not [block for block in document.blocks if isinstance(block, (Figure, Heading))]
