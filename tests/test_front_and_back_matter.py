"""A text's front and back matter read whatever blank lines part them or not: the title with
its byline on the very next line, a notes heading with its notes right under it, a postscript
after the sign-off, and a text that is nothing but its title. Texts of their own, in English
and Chinese, read through the model."""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from pipeline.errors import PipelineError
from pipeline.languages import detect
from pipeline.layouts import load_layout
from pipeline.model import Byline, Heading, Metadata, Note, Paragraph, SignOff, Span, Table, plain
from pipeline.readers.cleaning import clean_line
from pipeline.readers.docx.draft import docx_document
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped, scraped_document
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.html import render_html

from .conftest import ROOT
from .support import copy_project, doit, pdf_text, squash
from .test_web_structure import round_trips
from .typesetting import measured

NBSP = "\u00a0"

ENGLISH_BODY = ("The museum welcomed more visitors in 2024 than in any year since it opened. Its "
                "new galleries drew families from every district.\n\n"
                "We thank our volunteers, who gave 14,000 hours of their time.")
CHINESE_BODY = ("二〇二四年是本館開幕以來參觀人次最多的一年。新展廳吸引了各區的家庭到訪。\n\n"
                "我們衷心感謝義工們全年付出的一萬四千小時。")


def read(text: str, title: str = ""):
    return read_with_report(text, title)[0]


def read_with_report(text: str, title: str = ""):
    return scraped_document("piece", text, Metadata(title=title))


def kinds(document) -> list[str]:
    return [type(block).__name__ for block in document.blocks]


def opening(document) -> tuple[str, Byline | None, str]:
    return document.metadata.title, document.byline, plain(document.blocks[0].spans)


# --- 1. The byline on the line right after the title -----------------------------------------


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "a blank line"])
@pytest.mark.parametrize("times", [1, 3])
def test_a_byline_under_the_title_blank_line_or_not(gap, times):
    byline = "\n".join(["Ms Harriet OKONKWO-LEE, MBE, Director of Collections"] * times)
    document = read(f"Director's Foreword{gap}{byline}\n\n{ENGLISH_BODY}")
    assert opening(document) == (
        "Director\u2019s Foreword",
        Byline(f"Ms{NBSP}Harriet OKONKWO-LEE", ("MBE",), "Director of Collections"),
        "The museum welcomed more visitors in 2024 than in any year since it opened. Its new "
        "galleries drew families from every district.")
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize(("byline", "again", "body", "name", "role", "said"), [
    ("Dr Priya Venning, Chief Executive, Eastmoor Valley Hospitals NHS Foundation Trust",
     "Dr Priya Venning, Chief Executive", ENGLISH_BODY, f"Dr{NBSP}Priya Venning",
     "Chief Executive, Eastmoor Valley Hospitals NHS Foundation Trust",
     ", said the trust would open two wards on Sundays from 1 May 2025."),
    ("Professor Alan Whitcombe FSA, Director, Marston Museum of Rural Life",
     "Professor Alan Whitcombe, Director", ENGLISH_BODY, f"Professor{NBSP}Alan Whitcombe",
     "Director, Marston Museum of Rural Life",
     ", said the museum would open on Sundays from 1 May 2025."),
    ("海濱活化管理局主席 鄺志恆", "鄺志恆主席", CHINESE_BODY, "鄺志恆", "海濱活化管理局主席",
     "表示，海濱長廊將於明年五月全面開放。"),
])
def test_the_byline_said_again_under_it_over_the_text_is_the_bylines(
        byline, again, body, name, role, said):
    """The byline apart from the title, over its line said again (the name and the role's
    first words, as a page labels its author's portrait), over the text, no blank line
    between them: one byline, the line said again gone (it had been a heading of the
    text); a sentence opening so stays the text's."""
    paragraphs = body.replace("\n\n", "\n")
    title = "A Year of Openings" if body == ENGLISH_BODY else "主席的話"
    document = read(f"{title}\n\n{byline}\n{again}\n{paragraphs}")
    assert (document.byline.name, document.byline.role) == (name, role)
    assert kinds(document) == ["Paragraph", "Paragraph"]
    document = read(f"{title}\n\n{byline}\n{again}{said}\n{paragraphs}")
    assert plain(document.blocks[0].spans) == clean_line(f"{again}{said}")


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "a blank line"])
@pytest.mark.parametrize(("byline", "again", "body", "name", "role"), [
    ("Dr Priya Venning, Chief Executive, Eastmoor Valley Hospitals NHS Foundation Trust",
     "Dr Priya Venning, Chief Executive", ENGLISH_BODY, f"Dr{NBSP}Priya Venning",
     "Chief Executive, Eastmoor Valley Hospitals NHS Foundation Trust"),
    ("Professor Alan Whitcombe FSA, Director, Marston Museum of Rural Life",
     "Professor Alan Whitcombe, Director", ENGLISH_BODY, f"Professor{NBSP}Alan Whitcombe",
     "Director, Marston Museum of Rural Life"),
    ("海濱活化管理局主席 鄺志恆", "鄺志恆主席", CHINESE_BODY, "鄺志恆", "海濱活化管理局主席"),
])
def test_the_byline_under_the_title_and_its_subtitle_is_as_under_the_title_alone(
        gap, byline, again, body, name, role):
    """Said again under it or not, the subtitle's line between it and the title, a blank
    line under the subtitle or none: one byline (with a blank line it had been no byline,
    both lines headings; with none, the line said again a heading)."""
    paragraphs = body.replace("\n\n", "\n")
    title, subtitle = (("A Year of Openings", "Annual Review 2024–25") if body == ENGLISH_BODY
                       else ("主席的話", "二零二四至二五年度年報"))
    for opening in (f"{byline}\n{again}", byline):
        document = read(f"{title}\n{subtitle}{gap}{opening}\n{paragraphs}")
        # (Which of the two lines over it titles the text is the title's rules'.)
        assert {document.metadata.title, document.metadata.subtitle} == {title, subtitle}
        assert (document.byline.name, document.byline.role) == (name, role)
        assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize("byline, name, role", [
    ("By Revd Thomas Achterberg, Warden", "Revd\u00a0Thomas Achterberg", "Warden"),
    ("Dr Ana FERREIRA, Head of Learning", f"Dr{NBSP}Ana FERREIRA", "Head of Learning"),
    ("CHAN Tai-man, Chief Curator", f"CHAN{NBSP}Tai-man", "Chief Curator"),
])
def test_a_byline_written_once_names_someone(byline, name, role):
    document = read(f"A Year of Openings\n{byline}\n\n{ENGLISH_BODY}")
    assert (document.metadata.title, document.byline.name, document.byline.role) == (
        "A Year of Openings", name, role)


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "a blank line"])
@pytest.mark.parametrize("times", [1, 2])
def test_a_chinese_byline_under_the_title_blank_line_or_not(gap, times):
    byline = "\n".join(["博物館總館長 歐陽慧儀"] * times)
    document = read(f"總館長的話{gap}{byline}\n\n{CHINESE_BODY}")
    assert opening(document) == ("總館長的話", Byline("歐陽慧儀", (), "博物館總館長"),
                                 "二〇二四年是本館開幕以來參觀人次最多的一年。新展廳吸引了各區的家庭到訪。")
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize(("name", "role", "byline"), [
    ("禤家明博士", "博物館館長", Byline("禤家明博士", (), "博物館館長")),
    ("佘詠芝女士", "康樂及文化事務署署長", Byline("佘詠芝女士", (), "康樂及文化事務署署長")),
    ("藺志強教授", "大學校長", Byline("藺志強教授", (), "大學校長")),
])
@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "a blank line"])
def test_a_chinese_name_and_title_over_an_office_is_a_byline_whatever_its_surname(
        name, role, byline, gap):
    document = read(f"館長的話{gap}{name}\n{role}\n\n{CHINESE_BODY}")
    assert (document.metadata.title, document.byline) == ("館長的話", byline)
    assert kinds(document) == ["Paragraph", "Paragraph"]


def test_a_simplified_chinese_name_and_title_over_an_office_is_a_byline():
    document = read("馆长的话\n禤家明博士\n博物馆馆长\n\n过去一年，博物馆共接待参观人次超过一百万，创历年新高。\n\n"
                    "我们亦推出了全新的网上导赏服务。")
    assert document.metadata.language == "zh-Hans"
    assert document.byline == Byline("禤家明博士", (), "博物馆馆长")


@pytest.mark.parametrize("text", [
    # A name with no title, or a role that is no office, says no person without the surname.
    f"館長的話\n禤家明\n博物館館長\n\n{CHINESE_BODY}",
    f"館長的話\n禤家明博士\n博物館之友\n\n{CHINESE_BODY}",
    f"館長的話\n古今藝術\n博物館館長\n\n{CHINESE_BODY}",
])
def test_two_lines_under_a_chinese_title_that_show_no_person_are_no_byline(text):
    assert read(text).byline is None


def test_a_bilingual_title_then_its_byline_without_blank_lines():
    document = read(f"Curator's Report\n館長報告\nProfessor Wendy TSANG Wing-yan, Curator\n\n"
                    f"{ENGLISH_BODY}")
    assert document.metadata.title == "Curator\u2019s Report 館長報告"
    assert document.byline == Byline("Professor\u00a0Wendy TSANG\u00a0Wing-yan", (), "Curator")
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize("text", [
    f"Annual Review 2024\nOur year, in numbers\n\n{ENGLISH_BODY}",
    f"Annual Review 2024\n\nMuseums, galleries and archives\n\n{ENGLISH_BODY}",
    f"年度回顧\n二〇二三至二四年度 年報\n\n{CHINESE_BODY}",
], ids=["subtitle", "heading", "chinese subtitle"])
def test_a_line_under_the_title_that_names_no_one_is_no_byline(text):
    assert read(text).byline is None


def test_a_heading_with_its_paragraph_right_under_it_is_no_byline():
    opening = "Opening the galleries\nThe galleries opened in May, a year late."
    document = read(f"{opening}\n\n{ENGLISH_BODY}", title="Review")
    assert document.byline is None and document.metadata.title == "Review"
    # The text is not wrapped (its paragraphs are lines wider than any wrap): the heading's
    # line is a block of its own (scraped/breaks.py).
    assert document.blocks[0] == Heading("Opening the galleries", 1)
    assert plain(document.blocks[1].spans) == "The galleries opened in May, a year late."
    # In a text wrapped by hand too: the wrap would have taken "The" onto the heading's line.
    wrapped = read(f"{opening}\n\nThe museum welcomed more visitors.", title="Review")
    assert wrapped.byline is None
    assert wrapped.blocks[0] == Heading("Opening the galleries", 1)


GARDEN = ("The new community garden on Tai Nan Street opened in May with 120 plots, each "
          "tended by a family from the district, and a waiting list of 300 more.")
GARDEN_ZH = "大南街新社區園圃於五月開幕，設有一百二十個種植區，每區由區內一戶家庭打理，另有三百戶輪候。"


@pytest.mark.parametrize("title, paragraph", [
    ("Community garden opens in Sham Shui Po", GARDEN),
    ("社區園圃在深水埗開幕", GARDEN_ZH),
], ids=["English", "Chinese"])
def test_a_title_right_over_the_first_paragraph_is_the_title(title, paragraph):
    for given in ("", title):  # none in the metadata, or the same one
        document = read(f"{title}\n{paragraph}\n\n{ENGLISH_BODY}", title=given)
        assert document.metadata.title == title
        assert plain(document.blocks[0].spans).replace(NBSP, " ") == paragraph


def test_a_wrapped_paragraph_opening_the_text_is_no_title():
    wrapped = ("The new community garden on Tai Nan Street opened in May\n"
               "with 120 plots, each tended by a family from the district.")
    document = read(f"{wrapped}\n\n{ENGLISH_BODY}")
    assert document.metadata.title == "Piece"
    assert plain(document.blocks[0].spans).replace(NBSP, " ") == wrapped.replace("\n", " ")


# --- 1a. The line over the title: the page's kicker ------------------------------------------

SIMPLIFIED_BODY = "二〇二三年是本馆开馆以来读者最多的一年。\n\n我们衷心感谢全体义工。"

# A web page's line naming the publication or organisation over its title, the title, and its
# byline: the kicker, the title and the byline, in several organisations' words and scripts.
KICKERED = [
    ("Eastbrook Water Trust – Annual Report 2024", "Chief Executive's Statement",
     "Dr Margaret O'NEILL-CHAN, OBE, JP, Chief Executive", ENGLISH_BODY,
     ("Eastbrook Water Trust\u00a0– Annual Report 2024", "Chief Executive\u2019s Statement",
      Byline("Dr\u00a0Margaret O\u2019NEILL-CHAN", ("OBE", "JP"), "Chief Executive"))),
    ("Northfield Rail Museum | Annual Review 2023–24", "Chair's Foreword",
     "Professor Ian McTAGGART, FRSE, Chair", ENGLISH_BODY,
     ("Northfield Rail Museum | Annual Review 2023–24", "Chair\u2019s Foreword",
      Byline("Professor\u00a0Ian McTAGGART", ("FRSE",), "Chair"))),
    ("Eastgate Housing Association: Report and Accounts", "Our Year in Review",
     "By Priya Ramanathan, Chief Executive", ENGLISH_BODY,
     ("Eastgate Housing Association: Report and Accounts", "Our Year in Review",
      Byline("Priya Ramanathan", (), "Chief Executive"))),
    ("海岸公園管理局 二〇二四年年報", "主席報告", "海岸公園管理局主席 梁淑儀", CHINESE_BODY,
     ("海岸公園管理局 二〇二四年年報", "主席報告", Byline("梁淑儀", (), "海岸公園管理局主席"))),
    ("滨江图书馆 二〇二三年年报", "馆长致辞", "滨江图书馆馆长 欧阳志豪", SIMPLIFIED_BODY,
     ("滨江图书馆 二〇二三年年报", "馆长致辞", Byline("欧阳志豪", (), "滨江图书馆馆长"))),
    # A title and its twin on one line: the title, not the kicker's parallel.
    ("海港文物保育基金 二〇二四年年報", "主席報告 Chairman's Statement", "主席 陳大文，GBS，JP",
     CHINESE_BODY, ("海港文物保育基金 二〇二四年年報", "主席報告 Chairman\u2019s Statement",
                    Byline("陳大文", ("GBS", "JP"), "主席"))),
]


def kickered(kicker, title, byline, body, gap="\n", times=1) -> str:
    return f"{kicker}{gap}{title}{gap}" + gap.join([byline] * times) + f"\n\n{body}"


@pytest.mark.parametrize("times", [1, 4])
@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "blank lines"])
@pytest.mark.parametrize("kicker, title, byline, body, read_as", KICKERED,
                         ids=[case[0] for case in KICKERED])
def test_the_line_over_the_title_is_its_subtitle(kicker, title, byline, body, read_as, gap,
                                                  times):
    document = read(kickered(kicker, title, byline, body, gap, times))
    assert (document.metadata.subtitle, document.metadata.title, document.byline) == read_as
    assert kinds(document) == ["Paragraph", "Paragraph"]
    assert plain(document.blocks[0].spans) == body.split("\n\n")[0].replace("'", "\u2019")


# A body's name over its release's line and the date, over the headline and its byline, as a
# department's or an authority's news page sets them.
RELEASED = [
    (["Marine Department", "12 March 2025"], "Harbour traffic review 2024",
     "By the Director of Marine", ENGLISH_BODY, "2025-03-12",
     Byline("The Director of Marine", (), "")),
    (["Riverside Water Authority", "Press release", "4 February 2026"],
     "New reservoir opens to walkers", "By Amira Haddad, Head of Communications", ENGLISH_BODY,
     "2026-02-04", Byline("Amira Haddad", (), "Head of Communications")),
    (["海事處", "新聞稿", "2025年3月12日"], "2024年港口交通回顧", "海事處處長 陳大文",
     CHINESE_BODY, "2025-03-12", Byline("陳大文", (), "海事處處長")),
    (["滨江市水务局", "2025年3月12日"], "滨江水厂扩建工程正式完工", "滨江市水务局局长 王建国",
     SIMPLIFIED_BODY, "2025-03-12", Byline("王建国", (), "滨江市水务局局长")),
]


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "blank lines"])
@pytest.mark.parametrize("over, title, byline, body, date, read_as", RELEASED,
                         ids=[case[1] for case in RELEASED])
def test_the_lines_dropped_between_the_kicker_and_the_title_part_nothing(
        over, title, byline, body, date, read_as, gap):
    """The release's line and the date, dropped into the metadata, part none of the block
    they stand in: the body's name over them is the kicker, the line under them the title;
    their gap had parted the kicker from the title and its byline, read as one block, and
    the title had been read as the byline's role, or the title and byline as headings."""
    document = read(gap.join([*over, title, byline]) + f"\n\n{body}")
    assert (document.metadata.organisation, document.metadata.title, document.metadata.date,
            document.byline) == (over[0], title, date, read_as)
    assert kinds(document) == ["Paragraph", "Paragraph"]


# A title, its lead picture's caption written twice (the picture's place not copied), and
# the byline under them.
LEAD_CAPTIONED = [
    ("Chair's statement", "The chair at the annual meeting in June", "By Jane Smith, Chair",
     ENGLISH_BODY, Byline("Jane Smith", (), "Chair")),
    ("Chair's statement", "Volunteers at the reopening", "By Jane Smith, Chair", ENGLISH_BODY,
     Byline("Jane Smith", (), "Chair")),
    ("主席報告", "主席在六月的周年大會上致辭", "主席 陳大文", CHINESE_BODY, Byline("陳大文", (), "主席")),
    ("馆长致辞", "馆长在开馆仪式上", "滨江图书馆馆长 欧阳志豪", SIMPLIFIED_BODY,
     Byline("欧阳志豪", (), "滨江图书馆馆长")),
]


@pytest.mark.parametrize("place", [[], [NBSP]], ids=["no place", "the picture's place"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "blank lines"])
@pytest.mark.parametrize("title, caption, byline, body, read_as", LEAD_CAPTIONED,
                         ids=[case[1] for case in LEAD_CAPTIONED])
def test_a_caption_written_twice_between_the_title_and_the_byline_is_a_figures(
        title, caption, byline, body, read_as, gap, place):
    """However short, it is the lead picture's caption, under the place it stood (a line of a
    no-break space) or none: no heading stands over the byline, and a line written twice is
    no title under a kicker. It had been the title (the title its kicker), or a heading over
    the text; under its place, no blank line between, the byline a heading."""
    document = read(gap.join([title, *place, caption, caption, byline]) + f"\n\n{body}")
    assert (document.metadata.title, document.metadata.subtitle, document.byline) == (
        title.replace("'", "\u2019"), "", read_as)
    assert kinds(document) == ["Figure", "Paragraph", "Paragraph"]
    assert plain(document.blocks[0].caption) == caption


# A portrait's caption calling whom it shows by the office they hold, in running words, in
# either order: no byline, which names its author and sets the name first.
CALLED_BY_OFFICE = [
    ("Chair's statement", "Harbour Arts Trust", "Our chair, Jane Smith", ENGLISH_BODY),
    ("Chair's statement", "Harbour Arts Trust", "Dr Amir Patel, our new treasurer",
     ENGLISH_BODY),
    ("主席報告", "海濱藝術信託", "我們的主席陳美玲", CHINESE_BODY),
    ("馆长致辞", "滨江艺术信托", "我们的馆长欧阳志豪", SIMPLIFIED_BODY),
]


@pytest.mark.parametrize("named", [False, True],
                         ids=["title first", "the body's name over the title"])
@pytest.mark.parametrize("place", [[], [NBSP]], ids=["no place", "the picture's place"])
@pytest.mark.parametrize("title, body_name, caption, body", CALLED_BY_OFFICE,
                         ids=[case[2] for case in CALLED_BY_OFFICE])
def test_a_portraits_caption_under_the_title_calling_its_sitter_by_office(
        title, body_name, caption, body, place, named):
    """Written twice under the title, as a byline is, it is the lead picture's caption: it
    had been the byline, its office read as the author's name (`Our chair`) or the name as
    the role, the picture lost; over it the body's name (a trust, `…信託`, too) is the
    organisation, not the title."""
    document = read("\n\n".join([*([body_name] if named else []), title, *place, caption,
                                  caption, body]))
    assert (document.metadata.title, document.metadata.organisation, document.byline) == (
        title.replace("'", "\u2019"), body_name if named else "", None)
    assert kinds(document) == ["Figure", "Paragraph", "Paragraph"]
    # a form of address bound to the name, as the house style sets it
    assert plain(document.blocks[0].caption).replace(NBSP, " ") == caption


@pytest.mark.parametrize("caption", ["Our chair, Jane Smith", "Jane Smith, our chair"])
def test_a_portraits_caption_written_twice_in_the_text_calling_its_sitter_by_office(caption):
    """Between two paragraphs, the picture's place not copied, it is a figure's caption, as a
    name and its office in a byline's order are: it had been a heading."""
    document = read(f"Chair's statement\n\nBy Tom Reed, Chair\n\n{ENGLISH_BODY}\n\n"
                    f"{caption}\n\n{caption}\n\nWe thank every volunteer.")
    assert kinds(document) == ["Paragraph", "Paragraph", "Figure", "Paragraph"]
    assert plain(document.blocks[2].caption) == caption


@pytest.mark.parametrize("line", ["Thank you, volunteers", "Looking ahead, together",
                                  "Chair, Board of Trustees", "Welcome, Jane Smith"])
def test_two_phrases_a_comma_parts_call_no_one_by_office(line):
    """A heading's two phrases name no one by an office, however shaped (`Chair, Board of
    Trustees` names the office alone)."""
    assert not detect(line).called_by_office(line)


@pytest.mark.parametrize("byline", [[], ["Tom Akande, Chief Executive"]],
                         ids=["no byline", "a byline"])
def test_a_line_longer_than_the_title_right_under_it_is_its_strapline(byline):
    """A phrase under the title in its block, longer than it, no section heading after it:
    the title's strapline, its subtitle. It had been a heading over the whole text; over
    the byline the title had been its kicker, the strapline the title."""
    title, strapline = ("A home, and a fresh start",
                        "Shelterwell's year in figures and in the words of the people we help")
    document = read("\n\n".join([f"{title}\n{strapline}", *byline, ENGLISH_BODY]))
    assert (document.metadata.title, document.metadata.subtitle) == (
        title, strapline.replace("'", "\u2019"))
    assert kinds(document) == ["Paragraph", "Paragraph"]
    assert (document.byline is not None) == bool(byline)


@pytest.mark.parametrize(("kicker", "title", "strapline", "byline", "body", "read_as"), [
    ("SPRING 2025", "Behind the scenes: conserving the Wexcombe tapestries",
     "How a team of six spent two years on a 400-year-old masterpiece",
     "By Hannah Price, Head of Textile Conservation", ENGLISH_BODY,
     Byline("Hannah Price", (), "Head of Textile Conservation")),
    ("通訊", "幕後故事：修復百年掛毯", "六人團隊用了兩年時間修復這幅四百年歷史的傑作",
     "撰文：文物修復組主管 黃志明", CHINESE_BODY, Byline("黃志明", (), "文物修復組主管")),
], ids=["SPRING 2025", "通訊"])
def test_a_kicker_over_a_title_and_its_strapline_over_the_byline(kicker, title, strapline,
                                                               byline, body, read_as):
    """The kicker in a block of its own, the title over its strapline in the next, the
    byline under them: the strapline is the subtitle, the kicker dropped for the editor to
    review (the report says why). The kicker had been the title, the title and strapline
    lines in the text, the byline a heading."""
    document, report = read_with_report(
        f"{kicker}\n\n{title}\n{strapline}\n\n{byline}\n\n{body}")
    assert (document.metadata.title, document.metadata.subtitle, document.byline) == (
        title, strapline, read_as)
    assert kinds(document) == ["Paragraph", "Paragraph"]
    assert [drop["text"] for drop in report["dropped"]] == [kicker]


@pytest.mark.parametrize(("body_name", "title", "byline", "body", "read_as"), [
    ("Department of Geography", "Head of Department's review",
     "Professor Daniel CHEUNG Wai-kit, Head of Department", ENGLISH_BODY,
     Byline("Professor\u00a0Daniel CHEUNG\u00a0Wai-kit", (), "Head of Department")),
    ("海濱文化協會", "會長的話", "會長 何永賢", CHINESE_BODY, Byline("何永賢", (), "會長")),
], ids=["Department of Geography", "海濱文化協會"])
def test_the_bodys_name_over_a_block_of_the_title_and_the_byline(body_name, title, byline,
                                                                body, read_as):
    """The body's name in a block of its own over the title and the byline, no blank line
    between them: the organisation, the title and the byline. The body's name had been the
    title, the title and the byline headings (or one paragraph)."""
    document = read(f"{body_name}\n\n{title}\n{byline}\n\n{body}")
    assert (document.metadata.title, document.metadata.organisation, document.byline) == (
        title.replace("'", "\u2019"), body_name, read_as)
    assert kinds(document) == ["Paragraph", "Paragraph"]


def test_a_phrase_over_its_subtitle_over_the_bodys_name_is_the_title():
    """A phrase over a shorter line in its block, the body's name under them: the title and
    its subtitle, never a kicker over a title (only a kicker's label or an issue, `Annual
    Report 2023-24`, is one over the body's name)."""
    document = read("A home, and a fresh start\nShelterwell's year in figures\n\n"
                    f"Shelterwell Housing Trust\n\n{ENGLISH_BODY}")
    assert (document.metadata.title, document.metadata.subtitle) == (
        "A home, and a fresh start", "Shelterwell\u2019s year in figures")


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "blank lines"])
@pytest.mark.parametrize(("issue", "title", "body_name", "body"), [
    ("Annual Report 2023-24", "Chair's statement", "Northfield Hospitals NHS Trust",
     ENGLISH_BODY),
    ("2023-24年報", "主席報告", "北區醫療信託基金", CHINESE_BODY),
], ids=["Northfield Hospitals NHS Trust", "北區醫療信託基金"])
def test_an_issue_over_the_title_over_the_bodys_name(issue, title, body_name, body, gap):
    """The report's issue, the piece's title and the body's name, each a line: the subtitle,
    the title and the organisation. The body's name had been the byline's (its initials read
    as a surname in capitals), the title its role; or the issue the title, and the rest
    headings."""
    document = read(gap.join([issue, title, body_name]) + f"\n\n{body}")
    assert (document.metadata.title, document.metadata.subtitle,
            document.metadata.organisation, document.byline) == (
        title.replace("'", "\u2019"), issue.replace("-", "\u2013") if issue.isascii() else issue,
        body_name, None)
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize("body_name", [[], ["the body"]], ids=["alone", "under the body"])
@pytest.mark.parametrize(("kind", "title", "body", "organisation"), [
    ("NOTICE", "Temporary closure of public swimming pools", ENGLISH_BODY,
     "Leisure and Cultural Services Department"),
    ("Public notice", "Road works on Harbour Road", ENGLISH_BODY, "Highways Department"),
    ("公告", "暫停開放公眾游泳池", CHINESE_BODY, "食物環境衞生署"),
    ("通知", "关于暑期开放时间调整的通知", SIMPLIFIED_BODY, "滨江图书馆"),
], ids=["NOTICE", "Public notice", "公告", "通知"])
def test_the_kind_of_document_over_its_title_is_its_kicker(kind, title, body, organisation,
                                                           body_name):
    """A line naming only the kind of document over the title (a notice's `NOTICE`, `公告`),
    with or without the body's name over it, and no byline under the title: the kicker, the
    subtitle, the title under it, the body's name the organisation. It had been the title
    (or the body's name had), the title a heading."""
    named = [organisation] if body_name else []
    document = read("\n\n".join([*named, kind, title, body]))
    assert (document.metadata.title, document.metadata.subtitle,
            document.metadata.organisation) == (title, kind, " ".join(named))
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "blank lines"])
def test_a_title_holding_its_year_under_a_kicker(gap):
    """A title holding its year, a byline under it, is the title under the line over it (a
    kicker, the subtitle): only a dated line a dash, a bar or a colon parts in two (a
    publication's name and its season or issue, `Marston Little Theatre – Season 2023–24`,
    `Spring 2024 | Staff newsletter`) is the publication's under the title. The kicker had
    been the title, and the title a heading over the text."""
    document = read(gap.join(["The Riverside Players", "Chair's Report 2024",
                              "By Tom Hart, Chair"]) + f"\n\n{ENGLISH_BODY}")
    assert (document.metadata.title, document.metadata.subtitle, document.byline) == (
        "Chair\u2019s Report 2024", "The Riverside Players", Byline("Tom Hart", (), "Chair"))
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize(("title", "year", "byline", "body", "read_as"), [
    ("Chair\u2019s statement", "2024/25", "By Jane Smith, Chair", ENGLISH_BODY,
     Byline("Jane Smith", (), "Chair")),
    ("主席報告", "2024-25年度", "主席 鄭嘉欣太平紳士", CHINESE_BODY,
     Byline("鄭嘉欣", ("太平紳士",), "主席")),
    ("主席報告", "二〇二四至二五年度", "主席 鄭嘉欣", CHINESE_BODY, Byline("鄭嘉欣", (), "主席")),
])
def test_the_year_under_the_title_is_its_subtitle_not_the_title(title, year, byline, body,
                                                                  read_as):
    """A line that is only the year the piece covers is no title, the line over it no kicker:
    the title had been the year, the title its subtitle."""
    document = read(f"{title}\n{year}\n\n{byline}\n\n{body}")
    assert (document.metadata.title, document.metadata.subtitle, document.byline) == (
        title, year, read_as)
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "blank lines"])
def test_the_line_over_a_title_and_its_parallel(gap):
    document = read(kickered("Westport Arts Council – Annual Report 2024",
                             f"Chairperson's Message{gap}主席的話",
                             "Ms Helen TSANG Wai-lan, BBS, Chairperson", ENGLISH_BODY, gap, 2))
    assert (document.metadata.subtitle, document.metadata.title, document.byline.name) == (
        "Westport Arts Council\u00a0– Annual Report 2024", "Chairperson\u2019s Message 主席的話",
        f"Ms{NBSP}Helen TSANG{NBSP}Wai-lan")
    assert kinds(document) == ["Paragraph", "Paragraph"]


def test_the_metadata_subtitle_stands_in_the_kickers_place_and_the_report_says_so(tmp_path):
    source = tmp_path / "statement.txt"
    source.write_text(kickered("Eastbrook Water Trust – Annual Report 2024",
                               "Chief Executive's Statement",
                               "Dr Margaret O'NEILL-CHAN, OBE, Chief Executive", ENGLISH_BODY),
                      encoding="utf-8")
    document, report = read_scraped(source, Metadata(title="", subtitle="Annual Report 2024"))
    assert (document.metadata.subtitle, document.metadata.title) == (
        "Annual Report 2024", "Chief Executive\u2019s Statement")
    assert kinds(document) == ["Paragraph", "Paragraph"]
    assert {"lines": [1], "text": "Eastbrook Water Trust\u00a0– Annual Report 2024",
            "source": ["Eastbrook Water Trust – Annual Report 2024"],
            "reason": "the line over the title; the metadata's subtitle stands in its place"
            } in report["dropped"]


def test_a_title_given_in_the_metadata_leaves_the_kicker_the_subtitle():
    document = read(kickered("Eastbrook Water Trust – Annual Report 2024",
                             "Chief Executive's Statement",
                             "Dr Margaret O'NEILL-CHAN, OBE, Chief Executive", ENGLISH_BODY),
                    title="Chief Executive's Statement")
    assert (document.metadata.subtitle, document.byline.role) == (
        "Eastbrook Water Trust\u00a0– Annual Report 2024", "Chief Executive")
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "blank lines"])
@pytest.mark.parametrize(("page_title", "headline", "subtitle", "body", "read_as"), [
    ("Chair's statement", "Weathering the storm", "\u2014 The Chair's review of 2024/25",
     ENGLISH_BODY, "The Chair\u2019s review of 2024/25"),
    ("館長的話", "百年一刻", "——二〇二四年度館長報告", CHINESE_BODY, "——二〇二四年度館長報告"),
])
def test_a_headline_and_its_dashed_subtitle_under_the_pages_title(page_title, headline,
                                                                  subtitle, body, read_as, gap):
    """The page's title, then the piece's own headline over a subtitle a dash opens (a
    Chinese page's 副题): the headline is the title, the dashed line its subtitle (an English
    one without its dash, a Chinese one with it); the page's title is listed in the report.
    With no blank line under it, the subtitle had run into the first paragraph; the headline
    had been a heading."""
    document, report = scraped_document("piece", f"{page_title}\n\n{headline}\n{subtitle}"
                                        f"{gap}{body}", Metadata(title=""))
    assert (document.metadata.title, document.metadata.subtitle) == (headline, read_as)
    assert kinds(document) == ["Paragraph", "Paragraph"]
    assert report["dropped"][0]["reason"] == (
        "the page's title, over the text's own title and its subtitle")
    # A quotation's attribution under a heading is no subtitle: it is no heading itself.
    document = read(f"{page_title}\n\n{headline}\n{subtitle[:1]} said our Chair.\n\n{body}")
    assert document.metadata.title == page_title.replace("'", "\u2019")


SIMPLIFIED_BODY = ("二〇二四年，本中心为全市长者提供了超过三万次上门服务。\n\n"
                   "我们衷心感谢社区伙伴一年来的支持。")


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "a blank line"])
@pytest.mark.parametrize(("title", "subtitle", "body"), [
    ("百年一刻", "——二〇二四年度館長報告", CHINESE_BODY),
    ("温暖同行", "——长者服务中心2024年度工作回顾", SIMPLIFIED_BODY),
], ids=["traditional", "simplified"])
def test_a_chinese_subtitle_opened_by_its_dash_over_the_first_paragraph(title, subtitle,
                                                                        body, gap):
    """A Chinese title over its subtitle opened by its dash, the first paragraph right under
    the subtitle, no blank line between: the subtitle, its dash kept as written (it marks a
    subtitle, GB/T 15834), as with a blank line under it; it had been the first paragraph
    and the subtitle empty."""
    document = read(f"{title}{gap}{subtitle}\n{body}")
    assert (document.metadata.title, document.metadata.subtitle) == (title, subtitle)
    assert kinds(document) == ["Paragraph", "Paragraph"]
    assert plain(document.blocks[0].spans) == body.split("\n\n")[0]


@pytest.mark.parametrize("line, title, label, body", [
    ("Chapter 2: Keeping the Harbour Ferries Running", "Keeping the Harbour Ferries Running",
     "Chapter 2", ENGLISH_BODY),
    ("PART IV – Our Volunteers", "Our Volunteers", "PART IV", ENGLISH_BODY),
    ("Appendix B. Financial Statements", "Financial Statements", "Appendix B", ENGLISH_BODY),
    ("第三章　社區服務", "社區服務", "第三章", CHINESE_BODY),
])
def test_a_title_line_under_its_divisions_label_is_the_title(line, title, label, body):
    # The page's title line names the piece's place in its publication: the metadata's title
    # under its label, not a heading over nothing.
    document = read(f"{line}\n\n{body}", title=title)
    assert (document.metadata.title, document.metadata.subtitle) == (title, label)
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize("label, title, section, body", [
    ("Chapter 4", "Keeping the Harbour Ferries Running", "4.1 The fleet", ENGLISH_BODY),
    ("CHAPTER THREE", "Our Volunteers", "3.1 Who they are", ENGLISH_BODY),
    ("Part II", "Financial Statements", "1 The year in figures", ENGLISH_BODY),
    ("第三章", "社區服務", "3.1 概覽", CHINESE_BODY),
])
@pytest.mark.parametrize("subtitle", ["", "Annual Report 2024"])
def test_a_divisions_label_over_its_title_over_its_sections_titles_the_text(
        label, title, section, body, subtitle):
    """A division's label alone right over its title, the chapter's numbered sections under
    them: the title is the chapter's name, the label its subtitle, or before it where the
    metadata gives the subtitle (the first section had titled the text, or the label had)."""
    language = "zh-HK" if body is CHINESE_BODY else "en-GB"
    document, _ = scraped_document("chapter", f"{label}\n{title}\n\n{section}\n\n{body}",
                                   Metadata(title="", subtitle=subtitle, language=language))
    parted = ": " if body is ENGLISH_BODY else "\u3000"
    assert (document.metadata.title, document.metadata.subtitle) == (
        (f"{label}{parted}{title}", subtitle) if subtitle else (title, label))
    assert isinstance(document.blocks[0], Heading)
    assert document.blocks[0].text.replace("\u00a0", " ") == section


def test_an_agenda_items_dated_line_over_a_numbered_heading_stays_its_subtitle():
    document = read("Agenda item 4\nPlanning Committee \u2013 9 April 2025\n\n"
                    f"1. Summary\n\n{ENGLISH_BODY}")
    assert document.metadata.subtitle.startswith("Agenda item 4, Planning Committee")


def test_the_metadata_subtitle_stands_in_the_division_labels_place_and_the_report_says_so(
        tmp_path):
    source = tmp_path / "chapter.txt"
    source.write_text(f"Chapter 2: Keeping the Harbour Ferries Running\n\n{ENGLISH_BODY}",
                      encoding="utf-8")
    document, report = read_scraped(source, Metadata(
        title="Keeping the Harbour Ferries Running", subtitle="Annual Report 2024-25, Chapter 2"))
    assert document.metadata.subtitle == "Annual Report 2024-25, Chapter 2"
    assert kinds(document) == ["Paragraph", "Paragraph"]
    assert report["dropped"][0]["reason"] == (
        "the title under its division's label; the metadata's title and subtitle stand in its"
        " place")


def test_the_publication_named_under_a_division_title_line_goes_into_the_subtitle():
    document = read("Chapter 3: Complaints about local services\n\nLocal Services Ombudsman - "
                    f"Annual Report 2023-24\n\nAt a glance\n\n{ENGLISH_BODY}",
                    title="Complaints about local services")
    assert document.metadata.subtitle == (
        "Local Services Ombudsman\u00a0\u2013 Annual Report 2023\u201324, Chapter\u00a03")
    assert kinds(document)[0] == "Heading" and document.blocks[0].text == "At a glance"


def test_the_organisations_line_under_the_title_is_the_openers_and_the_report_says_so():
    document, report = scraped_document(
        "review", f"Annual Review 年度回顧\nHope Harbour Foundation 港灣希望基金\n\n{ENGLISH_BODY}",
        Metadata(title="", organisation="Hope Harbour Foundation 港灣希望基金"))
    assert document.metadata.title == "Annual Review 年度回顧"
    assert kinds(document) == ["Paragraph", "Paragraph"]
    assert [drop["reason"] for drop in report["dropped"]] == [
        "the organisation's name, which the metadata gives and the opener prints"]


def test_a_line_naming_the_organisation_and_the_subtitle_the_metadata_gives_is_the_openers():
    document, report = scraped_document(
        "review", f"A Year on the Moor\n\nFellside Trust annual review 2024/25\n\n"
        f"Our year in brief\n\n{ENGLISH_BODY}",
        Metadata(title="A Year on the Moor", subtitle="Annual Review 2024/25",
                 organisation="Fellside Trust"))
    assert kinds(document)[0] == "Heading" and document.blocks[0].text == "Our year in brief"
    assert [drop["reason"] for drop in report["dropped"]] == [
        "the subtitle, which the metadata gives and the opener prints"]


@pytest.mark.parametrize(("kicker", "title", "publisher", "name"), [
    ("Policy paper", "Peat Restoration: progress report 2023-24", "From: ",
     "Department for Environment, Food & Rural Affairs"),
    ("", "Annual Review 2024", "Published by: ", "Kelbrook Water Trust"),
])
@pytest.mark.parametrize("given", [False, True])
def test_a_line_naming_the_publisher_under_the_title_is_the_organisation(
        kicker, title, publisher, name, given):
    """GOV.UK's `From: Department for …` under the title: the organisation, which the opener
    prints (the report says so where the metadata gives it); the line over the title naming
    the kind of document (`Policy paper`) is the page's label of it, not the title's words:
    no subtitle."""
    head = "\n".join(filter(None, (kicker, title, f"{publisher}{name}")))
    document, report = scraped_document("page", f"{head}\n\n{ENGLISH_BODY}", Metadata(
        title="", organisation=name if given else ""))
    assert document.metadata.organisation == name
    assert (document.metadata.title, document.metadata.subtitle) == (title.replace("-", "\u2013"), "")
    assert (kicker in [drop["text"] for drop in report["dropped"]]) == bool(kicker)
    assert not any(publisher.strip() in plain(getattr(block, "spans", ())) for block in
                   document.blocks)
    assert ("the organisation's name, which the metadata gives and the opener prints" in [
        drop["reason"] for drop in report["dropped"]]) == given


@pytest.mark.parametrize("line", [
    "Chapter 2: Other Routes",  # another title: a heading of its own
    "Chapter 2 shows how the ferries kept running",  # a sentence naming a chapter
])
def test_a_division_line_not_the_title_stays(line):
    document = read(f"{line}\n\n{ENGLISH_BODY}", title="Keeping the Harbour Ferries Running")
    assert document.metadata.subtitle == ""
    assert len(document.blocks) == 3


@pytest.mark.parametrize("text", [
    # No byline says which line is the title: the first is, the second a section heading.
    f"Eastbrook Water Trust – Annual Report 2024\n\nChief Executive's Statement\n\n{ENGLISH_BODY}",
    # Running text over a title and byline is the text's, not a kicker.
    "Every home we let this year went to a family in need, and we built more than ever.\n\n"
    f"Our Year in Review\n\nBy Priya Ramanathan, Chief Executive\n\n{ENGLISH_BODY}",
])
def test_no_kicker_without_a_title_and_byline_under_it(text):
    assert read(text).metadata.subtitle == ""


# --- 2. Notes right under their heading ------------------------------------------------------

ENGLISH_LETTER = ("Visitors rose by a third[1] and school visits doubled.[2]\n\n"
                  "Imogen FAIRWEATHER-BOAKYE\nDirector of Collections\n14 February 2025")
CHINESE_LETTER = ("參觀人次增加三分之一[1]，學校參觀倍增[2]。\n\n"
                  "博物館總館長\n歐陽慧儀\n二〇二五年二月")


@pytest.mark.parametrize("letter, heading, notes", [
    (ENGLISH_LETTER, "Endnotes:", "[1] Counted at the doors.\n[2] Of state schools.\n"
                                  "   Private schools are counted apart."),
    (CHINESE_LETTER, "註釋", "[1] 按入口人數計算。\n[2] 只計官立學校。"),
], ids=["english", "chinese"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "a blank line"])
def test_notes_right_under_their_heading(letter, heading, notes, gap):
    document = read(f"{letter}\n\n{heading}{gap}{notes}", title="Review")
    assert kinds(document) == ["Paragraph", "SignOff", "Heading", "Note", "Note"]
    assert [span.note for span in document.blocks[0].spans if span.note] == ["1", "2"]
    assert len(document.blocks[1].lines) == 3
    assert document.blocks[2] == Heading(heading.rstrip(":"), 1)  # its colon leads in only
    assert [note.label for note in document.blocks[3:]] == ["1", "2"]


def test_a_notes_heading_over_text_that_is_no_note_stays_text():
    document = read(f"{ENGLISH_BODY}\n\nNotes\nThe galleries close on Mondays.", title="T")
    # A heading over a paragraph, as the text is not wrapped (scraped/breaks.py); no notes.
    assert kinds(document) == ["Paragraph", "Paragraph", "Heading", "Paragraph"]


@pytest.mark.parametrize(("title", "heading", "first", "second"), [
    ("Annual review 2024-25", "Our year at a glance",
     "This was the year we doubled the number of homes we retrofitted, and the year our "
     "tenants' panel first set our repair targets.",
     "Tenants asked for three things above all: faster repairs, fewer calls to get them, "
     "and a named person to speak to."),
    ("二〇二四至二五年度年報", "年度回顧",
     "這一年，我們翻新的單位數目倍增，租戶小組亦首次為維修工作訂下目標，我們會按季公布進度，讓租戶隨時監察各項工作。",
     "租戶最希望的有三件事：維修更快、少打電話、有專人跟進。"),
], ids=["english", "chinese"])
def test_a_page_not_wrapped_opens_alike_with_or_without_blank_lines(title, heading, first,
                                                                     second):
    """Each line of a page copied as text is a block: two heading-shaped lines over the
    text are its title and its first section's heading, whether blank lines part them or not."""
    for joint in ("\n", "\n\n"):
        document = read(joint.join((title, heading, first, second)) + "\n")
        assert document.metadata.title == title.replace("-", "\u2013")
        assert kinds(document) == ["Heading", "Paragraph", "Paragraph"], joint


# --- 3. After the sign-off: a postscript (a mail's disclaimer after it is debris) -----------

DISCLAIMER = ("This message is intended only for its addressee and may be privileged. If you "
              "received it in error, please delete it.")


@pytest.mark.parametrize("closing, postscript", [
    ("With best wishes,\n\nRagnhild OSEI-BERGSTROM\nKeeper of Maps\n9 May 2025",
     "P.S. The map room reopens on 2 June; bring a friend."),
    ("Kind regards,\nRagnhild OSEI-BERGSTROM", "PS: the map room reopens on 2 June."),
    ("地圖部主管\n歐陽慧儀\n二〇二五年五月", "附言：地圖室將於六月二日重開，歡迎與朋友同來。"),
], ids=["english", "english, no date", "chinese"])
def test_a_postscript_follows_the_sign_off(closing, postscript):
    body = ENGLISH_BODY if closing.isascii() else CHINESE_BODY
    document = read(f"Dear members,\n\n{body}\n\n{closing}\n\n{postscript}\n\n{DISCLAIMER}",
                    title="Letter")
    # The mail's disclaimer after the postscript is e-mail debris, dropped.
    assert kinds(document) == ["Paragraph"] * 3 + ["SignOff", "Paragraph"]
    sign_off = [plain(line).replace(NBSP, " ") for line in document.blocks[3].lines]
    assert sign_off == [line for line in closing.split("\n") if line]
    assert plain(document.blocks[4].spans).replace(NBSP, " ") == postscript


def test_a_paragraph_after_a_letters_sign_off_leaves_it_a_sign_off():
    enclosed = "The programme of the year's lectures is enclosed with this letter."
    document = read(f"{ENGLISH_BODY}\n\nYours faithfully,\n\nOwain PRYCE-MENSAH\n\n{enclosed}",
                    title="Letter")
    assert kinds(document) == ["Paragraph", "Paragraph", "SignOff", "Paragraph"]


@pytest.mark.parametrize("last, sign_off", [
    ("As one tenant put it: \"Don't tell us -- show us.\"", "Aisha RAHMAN\nChief Executive"),
    ("We close with the visitor who wrote: 'Come back soon.'", "Aisha RAHMAN\nChief Executive"),
    ("正如一位義工所說：「我們明年再見。」", "館長\n歐陽慧儀"),
], ids=["double quotes", "single quotes", "chinese"])
def test_a_sign_off_under_a_sentence_ending_inside_its_quotation(last, sign_off):
    """Each line of a page not wrapped is a block: one ending a sentence inside its closing
    quote ends its block too, so the name under it is the sign-off's, not the sentence's."""
    body = ENGLISH_BODY if last.isascii() else CHINESE_BODY
    long_line = body.replace("\n\n", " ")  # a line no wrap makes: the text is not wrapped
    document = read(f"{long_line}\n{last}\n{sign_off}\n", title="Report")
    assert kinds(document) == ["Paragraph", "Paragraph", "SignOff"]
    assert [plain(line) for line in document.blocks[2].lines] == sign_off.split("\n")


@pytest.mark.parametrize("called", [True, False])
def test_a_sign_off_over_a_note_its_asterisk_labels(called):
    """A web page's note under the text, labelled with the asterisk a word above is marked
    with ("hours*"), is a note after the sign-off; unmarked above, it is no note, and the
    short lines over it are no sign-off."""
    call = "*" if called else ""
    text = (f"{ENGLISH_BODY}{call}\n\nAisha RAHMAN\nChief Executive\n\n"
            "* Excluding out-of-hours calls.")
    document = read(text, title="Report")
    assert (kinds(document)[-2:] == ["SignOff", "Note"]) == called
    assert ("SignOff" in kinds(document)) == called
    assert plain(document.blocks[-1].spans) == ("Excluding out-of-hours calls." if called
                                                else "* Excluding out-of-hours calls.")


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "blank lines"])
def test_questions_and_answers_labelled_q_and_a_are_no_lettered_lists(gap):
    """`Q.` over a question and `A.` over its answer, as a page of questions labels them: the
    interview's turns, each a paragraph keeping its label (they had been lettered lists of
    one item each, counting from Q and from A); a list lettered from a, its items in turn,
    stays a list."""
    turns = ["Q. When is the deadline?", "A. The deadline is 30 June 2024.",
             "Q. Is there a fee?", "A. No, the course is free for members."]
    document = read(f"{ENGLISH_BODY}\n\n" + gap.join(turns), title="Your questions answered")
    assert kinds(document)[-4:] == ["Paragraph"] * 4
    assert [block.text.replace(NBSP, " ") for block in document.blocks[-4:]] == turns
    listed = read(f"{ENGLISH_BODY}\n\nWe will:\n\nA. build homes;\n\nB. create jobs.",
                  title="Plans")
    assert kinds(listed)[-1] == "List"


@pytest.mark.parametrize(("question", "answer"), [
    ("Q: What surprised you most?", "A: How many people come to the library to fill in forms."),
    ("Question: What comes next?", "Answer: Longer opening hours, and a mobile library."),
    ("問：最令你意外的是甚麼？", "答：原來很多市民到圖書館，是為了填寫求職表格。"),
])  # fmt: skip
def test_an_interviews_question_is_a_paragraph_not_a_heading(question, answer):
    body = ENGLISH_BODY if question.isascii() else CHINESE_BODY
    document = read(f"{body}\n\n{question}\n{answer}\n\n{body}", title="Report")
    assert kinds(document)[-3:] == ["Paragraph"] * 3
    assert question in [plain(block.spans) for block in document.blocks]


NAMED_INTERVIEW = (
    "Amira Shah talked to Joe Brennan, who started the Millbrook choir ten years ago.\n\n"
    "Amira: Why did you start the choir?\n"
    "Joe: Nobody else would. We had a hall, a piano and eleven people who liked to sing.\n"
    "Amira: Do you read music?\n"
    "Joe: Not a note.\n"
    "Amira: What comes next?\n"
    "Joe: A concert in the spring, if the roof holds.")
NAMED_CHINESE_INTERVIEW = (
    "陳欣：你為甚麼創立合唱團？\n"
    "何文：因為沒有其他人願意。我們有一個禮堂、一座鋼琴和十一個喜歡唱歌的人。\n"
    "陳欣：你懂得看樂譜嗎？\n"
    "何文：一個音符也不懂。")


@pytest.mark.parametrize("interview", [NAMED_INTERVIEW, NAMED_CHINESE_INTERVIEW])
def test_an_interview_written_by_its_speakers_names_is_read_turn_by_turn(interview):
    """An interview whose turns open with its two speakers' names, taking turns, one asking
    (`Amira: Do you read music?` over `Joe: Not a note.`): each turn a paragraph with its
    speaker's name, as a Q&A's are, never a short question made a heading nor two short
    turns a block of fields; each speaker's name set in bold in the PDF editions."""
    body = ENGLISH_BODY if interview.isascii() else CHINESE_BODY
    document = read(f"{body}\n\n{interview}", title="Report")
    turns = interview.split("\n\n")[-1].split("\n")  # under the words introducing them
    texts = [plain(block.spans) for block in document.blocks if isinstance(block, Paragraph)]
    assert [text for text in texts if text in {clean_line(turn) for turn in turns}] == [
        clean_line(turn) for turn in turns]
    assert not document.headings
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    speaker = re.split("[:：]", turns[2])[0]
    assert re.search(f"<strong[^>]*>{speaker}[:：]</strong>", html)


@pytest.mark.parametrize("exchange", [
    "Goal: Where should the new path run?\nPlan: Along the old railway, from the station to "
    "the weir.\nGoal: Who pays for it?\nPlan: The parish, with a grant from the county.",
    "目標：新步道應該經過哪裡？\n方法：沿舊鐵路，由車站到水壩。\n目標：誰來支付費用？\n方法：由區議會撥款。",
])
def test_labels_taking_turns_one_asking_are_no_interview(exchange):
    """Two labels taking turns, one asking (`Goal: Where should the new path run?` over `Plan:
    Along the old railway …`): common nouns, not people speaking, so no interview; the lines
    stay as written, a block of lines, no label set in bold as a speaker."""
    body = ENGLISH_BODY if exchange.isascii() else CHINESE_BODY
    document = read(f"{body}\n\n{exchange}", title="Plans")
    assert kinds(document)[-1] == "LineBlock"
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    assert "<strong" not in html


def test_a_listings_fields_taking_turns_are_no_interview():
    listing = ("Date: Saturday 12 April\nVenue: St Anne’s Hall\n\nDate: Sunday 4 May\n"
               "Venue: The Walled Garden")
    document = read(f"{ENGLISH_BODY}\n\n{listing}", title="Events")
    assert kinds(document)[-2:] == ["LineBlock", "LineBlock"]


@pytest.mark.parametrize(("line", "name", "role"), [
    ("Interview by Priya Nandakumar, Communications Officer", "Priya Nandakumar",
     "Communications Officer"),
    ("Words by Tom Ashby", "Tom Ashby", ""),
    ("Author: Hannah Price", "Hannah Price", ""),
    ("Author: Hannah Price, Head of Textile Conservation", "Hannah Price",
     "Head of Textile Conservation"),
])
def test_a_byline_saying_what_its_author_wrote_is_the_byline(line, name, role):
    """"Interview by …", "Words by …", a blog's "Author: …" under the title: the byline, as
    "By …" is, its name the author's; never a heading."""
    document = read(f"Five minutes with a volunteer\n{line}\n\n{ENGLISH_BODY}")
    assert document.byline == Byline(name, (), role)
    assert not document.headings


@pytest.mark.parametrize(("line", "read_as"), [
    ("Speech by Mr Henry FAN Hung-ling, SBS, JP, Chairman",
     Byline("Mr\u00a0Henry FAN\u00a0Hung-ling", ("SBS", "JP"), "Chairman")),
    ("Speech by Mr Henry Fan, Chairman", Byline("Mr\u00a0Henry Fan", (), "Chairman")),
    ("Message from Dr Jane Lee, Chair", Byline("Dr\u00a0Jane Lee", (), "Chair")),
    ("撰文：黃志明", Byline("黃志明", (), "")),
    ("文／黃志明", Byline("黃志明", (), "")),
    ("撰文：社區發展部經理 黃志明", Byline("黃志明", (), "社區發展部經理")),
    ("作者：社区发展部经理 黄志明", Byline("黄志明", (), "社区发展部经理")),
])
def test_a_label_before_the_authors_name_is_no_part_of_the_byline(line, read_as):
    """Under the title, a speech's or a message's label before a name (`Speech by Mr …`), or
    a Chinese page's before its author's (`撰文：`, `文／`): the byline, written once, without
    the label. The label had been the name's (`Speech by Mr Henry FAN Hung-ling`), or the
    role's (`撰文：社區發展部經理`), or the line a heading."""
    title, body = (("Annual Staff Convention 2025", ENGLISH_BODY) if line.isascii()
                   else ("社區服務回顧", CHINESE_BODY))
    document = read(f"{title}\n\n{line}\n\n{body}")
    assert (document.metadata.title, document.byline) == (title, read_as)
    assert not document.headings


def test_a_speech_titled_by_its_speakers_office_keeps_its_title():
    """A speech's title naming its speaker by office (`Speech by the Lord Mayor at …`) is the
    title, the label its words: no byline."""
    title = "Speech by the Lord Mayor at the Civic Awards 2025"
    document = read(f"{title}\n\n{ENGLISH_BODY}")
    assert (document.metadata.title, document.byline) == (title, None)


@pytest.mark.parametrize(("question", "answer"), [
    ("Q: What surprised you most?", "A: How many people come to the library to fill in forms."),
    ("問：最令你意外的是甚麼？", "答：原來很多市民到圖書館，是為了填寫求職表格。"),
])  # fmt: skip
def test_an_interviews_question_is_set_bold_and_flush_over_its_answer(question, answer):
    """As a magazine sets a Q&A: the question in bold, a little apart from the exchange
    before it, flush left with its answer under it where the language indents no paragraph
    there (Chinese indents both); the model and the draft keep the words as written, not
    bold."""
    from pipeline.writers.flush import flush_left

    body = ENGLISH_BODY if question.isascii() else CHINESE_BODY
    document = read(f"{body}\n\n{question}\n{answer}\n\n{body}", title="Report")
    at = [plain(block.spans) for block in document.blocks].index(question)
    assert not any(span.bold for span in document.blocks[at].spans)
    english = question.isascii()
    assert ({at, at + 1} <= flush_left(document.blocks)) == english
    assert at + 2 not in flush_left(document.blocks)
    html = render_html(document, load_layout(ROOT / "layouts", "print")).replace("\u2060", "")
    question_html = re.search(f'<p data-block="{at}" class="([^"]*)"[^>]*>(.*?)</p>', html)
    assert "exchange" in question_html[1].split() and "<strong" in question_html[2]
    assert "<strong" not in re.search(f'<p data-block="{at + 1}"[^>]*>(.*?)</p>', html)[1]
    round_trips(document)


@pytest.mark.parametrize(("question", "reply", "chair"), [
    ("Question:", "Reply:", "President,"), ("問題：", "答覆：", "主席："),
])  # fmt: skip
def test_a_replys_labels_alone_are_set_as_a_questions_and_its_chair_greeted(question, reply,
                                                                           chair):
    """A reply to a legislator's question: its labels alone on their lines (`Question:`,
    `Reply:`; `問題：`, `答覆：`) in bold, each a little apart from what stands before it,
    the two alike (the first had been a paragraph indented as any, the second flush); the
    chair addressed over the reply (`President,`, `主席：`) a greeting, flush."""
    from pipeline.writers.flush import flush_left

    body = ENGLISH_BODY if question.isascii() else CHINESE_BODY
    document = read(f"{body}\n\n{question}\n\n{body}\n\n{reply}\n\n{chair}\n\n{body}",
                    title="Reply")
    texts = [plain(block.spans) for block in document.blocks]
    labels = [texts.index(question), texts.index(reply)]
    html = render_html(document, load_layout(ROOT / "layouts", "print")).replace("\u2060", "")
    for at in labels:
        found = re.search(f'<p data-block="{at}" class="([^"]*)"[^>]*>(.*?)</p>', html)
        assert "exchange" in found[1].split() and "<strong" in found[2]
    assert texts.index(chair) in flush_left(document.blocks)
    assert (set(labels) <= flush_left(document.blocks)) == question.isascii()


@pytest.mark.parametrize(("name", "lead_in", "lines"), [
    ("qa-director-interview", "For more information, please contact:",
     ["Ms\u00a0Joanna Lam", "Communications Manager", "Tel: 2345 6789",
      "Email: joanna.lam@harbourmuseum.org.hk"]),
    ("museum-notice-zh", "如有查詢，請聯絡：",
     ["傳訊經理林小姐", "電話：2345 6789", "電郵：info@harbourmuseum.org.hk"]),
])
def test_the_lines_a_lead_in_introduces_at_the_end_are_no_signature(name, lead_in, lines):
    """Short lines closing a text under a lead-in (`For more information, please
    contact:`, `如有查詢，請聯絡：`) are what it introduces, a contact's name and numbers:
    lines at the left, no sign-off (a Chinese one had stood at the right, as a signature)."""
    path = ROOT / "tests" / "texts" / "reports" / f"{name}.txt"
    document = read(path.read_text(encoding="utf-8"), title="Notice")
    assert kinds(document)[-2:] == ["Paragraph", "LineBlock"]
    assert plain(document.blocks[-2].spans) == lead_in
    assert document.blocks[-1].texts == lines
    round_trips(document)


@pytest.mark.parametrize(("lead_in", "contact", "signature"), [
    ("For enquiries, please contact:",
     ["Mr Lee Ka Ho", "Membership Secretary", "Tel: 2111 2222", "Email: kaho.lee@example.org"],
     ["Kwok Wing-yan", "Chair", "12 May 2025"]),
    ("Members with questions may telephone",
     ["Ms Ruth Okafor", "Events Office", "Tel: 01632 960 310"],
     ["Alan Pryce", "Headteacher", "3 March 2025"]),
    ("如有查詢，請聯絡：",
     ["李家豪先生", "會籍秘書", "電話：2111 2222", "電郵：kaho.lee@example.org"],
     ["郭詠欣", "主席", "2025年5月12日"]),
])
def test_a_signature_right_under_the_contact_lines_a_lead_in_introduces_signs(
        lead_in, contact, signature):
    """A letter's contact lines under its lead-in, then its signature, a name over a role over
    the date, no blank line between: the contact lines kept as lines, the signature the
    sign-off (in English it had been read as more contact lines, one block of lines)."""
    body = ("The annual general meeting will be held on 20 June in the main hall, and every "
            "member is welcome to attend and to vote on the motions." if lead_in.isascii()
            else "本會周年大會將於六月二十日在大禮堂舉行，歡迎各會員出席並就各項動議投票。")
    opening = ["Notice to members", "", "Dear members,"] if lead_in.isascii() else [
        "致會員信", "", "各位會員："]
    reply = "Please reply by 10 June." if lead_in.isascii() else "請於六月十日前回覆。"
    document = read("\n".join([*opening, "", body, "", reply, "", lead_in, *contact,
                               *signature]))
    assert kinds(document)[-3:] == ["Paragraph", "LineBlock", "SignOff"]
    assert [clean_line(line) for line in contact] == document.blocks[-2].texts
    assert [clean_line(line) for line in signature] == document.blocks[-1].texts


def test_a_letters_addresses_over_its_greeting_are_its_lines_and_its_subject_its_title():
    """A formal letter: its letterhead (`Harbourside Residents' Association` over its street)
    and its address to whom it is sent, over its greeting (`The Chairman` over `Harbourfront
    Commission` over its floor and street), each the address's lines, at the left
    (base.css), not headings over no text; the subject under the greeting titles it, as its
    writer titled it (the letterhead had titled it, its street the subtitle). One
    heading-shaped line over a greeting alone heads it as before."""
    path = ROOT / "tests" / "texts" / "reports" / "harbourside-residents-letter.txt"
    document = read(path.read_text(encoding="utf-8"), title="")
    assert document.metadata.title == "Proposed cycle track along the Kennedy Town waterfront"
    assert kinds(document)[:4] == ["LineBlock", "LineBlock", "Paragraph", "Paragraph"]
    assert document.blocks[0].texts == [
        "Harbourside Residents\u2019 Association", "12\u00a0Ocean Road, Kennedy Town, Hong Kong"]
    assert document.blocks[1].texts == [
        "The Chairman", "Harbourfront Commission", "8/F, West Wing, Central Government Offices",
        "2\u00a0Tim Mei Avenue, Tamar, Hong Kong"]
    round_trips(document)
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    assert re.search(r'<p class="lines" data-block="1">[^\n]*</p>\n<p data-block="2" class="'
                     r'[^"]*greeting', html)
    document = read(f"Our year\n\nDear members,\n\n{ENGLISH_BODY}", title="Letter")
    assert kinds(document)[:2] == ["Heading", "Paragraph"]


@pytest.mark.parametrize(("wish", "to"), [("此致", "各位會員"), ("此致", "敬禮"), ("顺祝", "商祺"),
                                        ("此致", "敬礼！"), ("此致\n", "敬禮！")])
def test_a_chinese_letters_closing_wish_stands_left_of_its_signature(wish, to):
    """A Chinese letter's closing wish and the line it is addressed to ("此致" over
    "各位會員") are the letter's lines at the left, as the letter sets them, the wish never
    a heading (with a blank line under it too); the role, name, "謹啟" and date the
    signature at the right; the same from the marked-up form and DOCX."""
    document = read(f"{CHINESE_BODY}\n\n{wish}\n{to}\n\n主席\n陳大文\n謹啟\n二〇二五年三月",
                    title="致會員的信")
    wish = wish.strip()
    assert kinds(document)[-3:] == ["Paragraph", "Paragraph", "SignOff"]
    assert [plain(block.spans) for block in document.blocks[-3:-1]] == [wish, to]
    assert document.blocks[-1].texts == ["主席", "陳大文", "謹啟", "二〇二五年三月"]
    round_trips(document)
    # Kept on one page with the signature (base.css: p.closing-wish, and the p.flush after).
    html = render_html(document, load_layout(ROOT / "layouts", "print")).replace("\u2060", "")
    assert re.search(f'class="closing-wish">{wish}</p>\n<p data-block="[0-9]+" class="flush">',
                     html)


def test_short_lines_between_paragraphs_are_headings_not_a_sign_off():
    document = read(f"{ENGLISH_BODY}\n\nOur collections\n\n{ENGLISH_BODY}", title="Review")
    assert kinds(document) == ["Paragraph", "Paragraph", "Heading", "Paragraph", "Paragraph"]


# --- 4. A text that is only its title --------------------------------------------------------


@pytest.mark.parametrize("text, message", [
    ("Annual Report 2024\n", "no text after the title"),
    ("二〇二四年報\n", "no text after the title"),
    ("Annual Report 2024\nDr Ana FERREIRA, Head of Learning\n",
     "no text after the title and byline"),
    ("Skip to main content\nHome > About us > Annual Report\n\nAnnual Report 2024\n\n"
     "Back to top\n© 2024 Example Museum. All rights reserved.\n", "no text after the title"),
], ids=["english", "chinese", "with a byline", "among a page's debris"])
def test_a_text_that_is_only_its_title_stops_in_one_line(text, message):
    with pytest.raises(PipelineError) as stop:
        read(text)
    assert str(stop.value) == f"piece: {message}"


def test_a_title_given_in_the_metadata_and_only_that_title_in_the_text_stops_too():
    with pytest.raises(PipelineError, match="no text after the title"):
        read("Annual Report 2024", title="Annual Report 2024")


def test_a_text_of_one_sentence_is_its_body():
    document = read("The museum is closed for repairs until further notice.")
    assert document.metadata.title == "Piece"
    assert kinds(document) == ["Paragraph"]


# --- Through the marked-up form, the draft and a build ---------------------------------------

TEXTS = Path(__file__).resolve().parent / "texts" / "front_and_back"
LETTERS = ("friends-of-the-archive-letter", "archive-keeper-review")
FLUSH_LETTER = "harbour-residents-letter"  # a Chinese letter's greeting and closing wish
POSTSCRIPTS = {"friends-of-the-archive-letter": "P.S. The annual lecture is on 4 April",
               "archive-keeper-review": "附言：週年講座將於四月四日舉行"}


def sample(name: str):
    path = TEXTS / f"{name}.txt"
    return read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))[0]


@pytest.mark.parametrize("name", LETTERS)
def test_a_letter_read_whole_comes_back_from_its_markup_and_its_draft(name):
    document = sample(name)
    assert document.byline is not None
    after_text = kinds(document)[kinds(document).index("SignOff"):]
    assert after_text[:2] == ["SignOff", "Paragraph"]
    assert after_text[-3:] == ["Heading", "Note", "Note"]
    assert [span.note for block in document.blocks if type(block).__name__ == "Paragraph"
            for span in block.spans if span.note] == ["1", "2"]
    round_trips(document)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    folder = copy_project(tmp_path_factory.mktemp("front") / "project", library=False)
    for path in TEXTS.iterdir():
        shutil.copy(path, folder / "source" / path.name)
    result = doit(folder, *(f"preflight:{name}/{layout}" for name in LETTERS
                            for layout in ("print", "screen")),
                  *(f"docx:{name}" for name in LETTERS), "model:annual-report-cover",
                  f"pdf:{FLUSH_LETTER}/print")
    return folder, result.stdout + result.stderr


@pytest.mark.slow
def test_a_text_of_only_its_title_stops_its_build_in_one_line(built):
    _, console = built
    stops = [line for line in console.splitlines() if "annual-report-cover" in line
             and "error" in line]
    assert stops == ["error: source/annual-report-cover.txt: no text after the title"]
    assert "Traceback" not in console


@pytest.mark.slow
@pytest.mark.parametrize("name", LETTERS)
def test_the_letters_editions_hold_their_byline_sign_off_postscript_and_notes(built, name):
    folder, _ = built
    output = folder / "output" / name
    model = json.loads((output / f"{name}.json").read_text("utf-8"))
    assert model["byline"]
    kinds = [block["type"] for block in model["blocks"]]
    assert kinds.count("note") == 2 and "sign-off" in kinds
    for layout in ("print", "screen"):
        preflight = json.loads((output / f"{name}-{layout}.preflight.json").read_text())
        assert all(check["passed"] for check in preflight["checks"]
                   if check["severity"] == "error")
        assert squash(POSTSCRIPTS[name]) in pdf_text(output / f"{name}-{layout}.pdf")


@pytest.mark.slow
def test_a_postscript_is_set_flush_left_below_the_sign_off_in_print(built):
    folder, _ = built
    name = LETTERS[0]
    lines = measured(folder / "output" / name / f"{name}-print.pdf").lines
    closing = next(line for line in lines if line.text.startswith("With warm wishes"))
    postscript = next(line for line in lines if line.text.startswith("P.S."))
    paragraph = next(line for line in lines if line.text.startswith("Our reading room"))
    assert abs(postscript.left - closing.left) < 0.5  # no first-line indent
    assert postscript.left < paragraph.left  # where a paragraph after a paragraph has one


def test_a_letters_greeting_and_the_line_its_wish_addresses_stand_flush_left():
    """頂格: in a Chinese letter the greeting ("各位會員：") and the line the closing wish
    addresses ("各位會員" under "此致") stand at the left, the body and the wish indented
    two characters; an English greeting stands at the left too."""
    from pipeline.layouts import load_layout
    from pipeline.writers.html import render_html

    path = TEXTS / "harbour-residents-letter.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))[0]
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    flush = [plain(document.blocks[int(index)].spans)
             for index in re.findall(r'<p data-block="(\d+)" class="flush[ "]', html)]
    assert flush == ["各位會員：", "各位會員"]  # the paragraph under the greeting indented
    english = read(f"Dear members,\n\n{ENGLISH_BODY}\n\nYours sincerely,\nAisha RAHMAN",
                   title="Letter")
    html = render_html(english, load_layout(ROOT / "layouts", "print"))
    # A line's space under the English greeting, the first paragraph flush, as under a heading.
    assert re.search(r'<p data-block="0" class="flush greeting">Dear members,', html)
    assert re.search(r'<p data-block="1" class="flush"[^>]*>The museum', html)


def test_a_paragraph_opening_with_its_own_number_stands_at_the_left():
    from pipeline.layouts import load_layout
    from pipeline.writers.html import render_html

    numbered = ("1.2 Three priorities shaped the year: the curriculum, shared facilities and "
                "staff recruitment.")
    document = read(f"{ENGLISH_BODY}\n\n{numbered}\n\n2024 was a busier year still, in every "
                    "gallery.", title="Report")
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    assert [plain(document.blocks[int(index)].spans).replace(NBSP, " ")
            for index in re.findall(r'<p data-block="(\d+)" class="flush[ "]', html)] == [numbered]


@pytest.mark.slow
def test_the_print_edition_sets_a_chinese_letters_greeting_and_addressee_at_the_left(built):
    folder, _ = built
    lines = measured(folder / "output" / FLUSH_LETTER / f"{FLUSH_LETTER}-print.pdf").lines
    left = {line.text.strip(): line.left for line in lines}
    body = next(line.left for line in lines if line.text.startswith("二〇二四年是"))
    margin = min(left["各位會員："], left["各位會員"])
    assert abs(left["各位會員："] - left["各位會員"]) < 0.5
    assert 19 < body - margin < 23 and abs(left["此致"] - body) < 0.5  # two characters in


def test_a_chairs_letter_sent_by_mail_keeps_its_greeting_and_its_two_titles():
    """A club's letter to its members, mailed: the mail's header, the signature's contact
    details, its notice and the older mail quoted go; the letter keeps its title in English
    and Chinese (one title, each language on lines of its own in the editions), its greeting
    ("Dear members,", closing "Yours sincerely,"), its sign-off and its postscript."""
    path = TEXTS / "rowing-club-chair-letter.txt"
    document, report = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    # Its parts in a row, as a page's links are: the mail's signature all the same.
    assert reasons["Harriet Ng-Lindqvist | Chair | Kowloon Bay Rowing Club"] == (
        "e-mail debris: signature, its signatory signed off above")
    assert report["web_page_debris"] == 0
    assert document.metadata.title == "Chair’s Letter to Members 2024–25 主席致會員函件2024-25"
    assert plain(document.blocks[0].spans) == "Dear members,"
    assert kinds(document)[-2:] == ["SignOff", "Paragraph"]
    assert document.blocks[-2].texts[0] == "Yours sincerely,"
    assert plain(document.blocks[-1].spans).startswith("P.S. The boathouse")


def test_a_chinese_newsletter_mailed_to_members_reads_as_its_sender_wrote_it():
    """A society's newsletter mailed to its members: titled by the mail's subject; its link
    to the page (在瀏覽器中查看此電郵), the signature's contact lines and the subscription
    footer (why it came, how to stop it, the postal address) go; it closes as a letter (祝
    over 春安), so its greeting (各位會員：) stays, and the wish and its line are paragraphs
    over the signature."""
    path = TEXTS / "photo-society-newsletter.txt"
    document, report = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))
    assert document.metadata.title == "西灣河攝影學會會員通訊2025年春季號"
    assert plain(document.blocks[0].spans) == "各位會員："
    assert [plain(block.spans) for block in document.blocks[-3:-1]] == ["祝", "春安"]
    assert document.blocks[-1].texts == ["周靜嵐", "西灣河攝影學會主席"]
    reasons = [drop["reason"] for drop in report["dropped"]]
    assert reasons.count("e-mail debris: e-mail footer") == 3
    assert "web page debris: print or share link" in reasons


TAIWAN_LETTER = ("敬啟者：\n\n暑假轉眼即將結束，新的學年也即將展開。謹代表全體教職同仁，歡迎各位新生加入。\n\n"
                 "最後，祝福每一位孩子在新的學年裡學習愉快、健康成長。\n\n此致\n各位家長\n敬禮\n\n"
                 "青嵐實驗高級中學\n校長 林思遠 敬上\n中華民國一一三年八月三十日\n\n附件：113學年度行事曆.pdf")


def test_a_formal_chinese_letter_s_salute_and_enclosure_stand_at_the_left():
    """敬啟者 greets (頂格); 此致, the line it addresses and the salute under it (敬禮) stand
    apart from the signature, the last two at the left; what the letter encloses (附件：…)
    is a paragraph under the signature, not a line of it; the draft sets them so too."""
    document = read(TAIWAN_LETTER, title="校長的話")
    texts = [getattr(block, "text", None) or block.texts for block in document.blocks]
    assert texts[-5:] == ["此致", "各位家長", "敬禮", [
        "青嵐實驗高級中學", "校長 林思遠 敬上", "中華民國一一三年八月三十日"], "附件：113學年度行事曆.pdf"]
    layout = load_layout(ROOT / "layouts", "print")
    html = render_html(document, layout)
    flush = [plain(document.blocks[int(index)].spans)
             for index in re.findall(r'<p data-block="(\d+)" class="flush[ "]', html)]
    assert flush == ["敬啟者：", "各位家長", "敬禮"]
    draft = docx.Document(io.BytesIO(write_docx(document, layout, ROOT)))
    unindented = [paragraph.text for paragraph in draft.paragraphs
                  if paragraph.paragraph_format.first_line_indent == 0]
    assert unindented == ["敬啟者：", "各位家長", "敬禮"]


@pytest.mark.parametrize("addressees", ["各部门、各单位：", "各区教育局，各直属学校：", "各有关委员会："])
def test_an_official_notice_s_addressees_stand_at_the_left(addressees):
    """An official notice greets the offices it is sent to (GB/T 9704's 主送机关) on a line of
    its own, set at the left (頂格) as a letter's greeting is; its paragraphs are indented."""
    notice = (f"{addressees}\n\n为做好今年防汛工作，现将有关事项通知如下。\n\n"
              "请各单位于6月30日前报送防汛责任人名单。\n\n特此通知。\n\n"
              "市水务局办公室\n2025年5月20日")
    document = scraped_document("notice", notice, Metadata(title="关于做好2025年防汛工作的通知",
                                                           language="zh-CN"))[0]
    layout = load_layout(ROOT / "layouts", "print")
    html = render_html(document, layout)
    flush = [plain(document.blocks[int(index)].spans)
             for index in re.findall(r'<p data-block="(\d+)" class="flush[ "]', html)]
    assert flush == [addressees]


@pytest.mark.parametrize("enclosure", ["Enc. Annual accounts 2024", "Attachment: accounts.pdf"])
def test_what_an_english_letter_encloses_follows_its_signature(enclosure):
    document = read(f"{ENGLISH_BODY}\n\nYours sincerely,\nAisha RAHMAN\n\n{enclosure}",
                    title="Letter")
    assert [type(block).__name__ for block in document.blocks[-2:]] == ["SignOff", "Paragraph"]
    assert document.blocks[-1].text == enclosure


REPORTS = ROOT / "tests" / "texts" / "reports"
POSTS = ROOT / "tests" / "texts" / "posts"


@pytest.mark.parametrize(("name", "organisation", "first"), [
    ("allotment-society-agm-notice", "Ashbury Allotment Society", "Paragraph"),
    ("housing-group-report-faq", "Riverside Housing Group", "Heading"),
    ("museums-trust-year-at-a-glance", "Westbrook Museums Trust", "Paragraph"),
])  # fmt: skip
def test_a_body_named_under_the_title_is_the_organisation_the_opener_prints(
        name, organisation, first):
    """A line right under the title naming a body alone (`Ashbury Allotment Society`) is
    the piece's organisation, which the opener prints, not a section heading over the text
    (it had been one, over every section of a page of questions and answers)."""
    document = read((REPORTS / f"{name}.txt").read_text(encoding="utf-8"), title="")
    assert document.metadata.organisation == organisation
    assert kinds(document)[0] == first
    assert organisation not in [getattr(block, "text", "") for block in document.blocks]


@pytest.mark.parametrize(("body", "report", "opening", "text"), [
    ("Harrowdale Moorland Trust", "Annual Review 2023\u201324", "A letter from our Chair",
     f"Dear members and friends,\n\n{ENGLISH_BODY}"),
    ("Kestrel Vale Housing Co-operative", "Impact Report 2024/25", "Homes and repairs",
     ENGLISH_BODY),
    ("海濱文化協會", "2024-25年報", "主席報告", CHINESE_BODY),
])  # fmt: skip
@pytest.mark.parametrize("reversed_", [False, True], ids=["body first", "report first"])
@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n"], ids=["a blank line", "two"])
def test_a_reports_cover_is_its_organisation_and_title_over_its_first_section(
        body, report, opening, text, reversed_, gap):
    """A report's cover, the body's name over the report's name or under it, in a block of
    its own over the text: the organisation and the title the opener prints, the heading
    under it the first section's (the cover had been lines, or the body's name the title,
    and the heading, a letter's over its greeting, the title)."""
    cover = f"{report}\n{body}" if reversed_ else f"{body}\n{report}"
    document = read(f"{cover}{gap}{opening}\n\n{text}", title="")
    assert (document.metadata.title, document.metadata.organisation) == (report, body)
    assert isinstance(document.blocks[0], Heading) and document.blocks[0].text == opening


@pytest.mark.parametrize("line", ["Annual Review 2024", "Looking ahead", "Eleanor Whitcombe"])
def test_a_line_under_the_title_naming_no_body_stays(line):
    document = read(f"Our year\n{line}\n\n{ENGLISH_BODY}", title="")
    assert document.metadata.organisation == ""


def test_a_notices_fields_and_a_letters_copies_and_enclosures_are_lines():
    """Fields each on a line of their own, a label and its value (`Date: …` over `Time: …`
    over `Venue: …`; `cc: …` over `Enc.: …` under a letter's signature): the lines as
    written, not one paragraph running them together (nor headings); the heading over the
    agenda under them a heading."""
    document = read((REPORTS / "allotment-society-agm-notice.txt").read_text(encoding="utf-8"),
                    title="")
    assert kinds(document)[:4] == ["Paragraph", "LineBlock", "Heading", "List"]
    assert document.blocks[1].texts == [
        "Date: Thursday 20\u00a0March 2025", "Time: 7.30\u00a0pm",
        "Venue: St\u00a0Michael\u2019s Church Hall, Ashbury"]
    letter = read((REPORTS / "civic-society-consultation-letter.txt").read_text(
        encoding="utf-8"), title="")
    assert letter.blocks[-1].texts[0].startswith("cc: Councillor Ruth Ellis")
    assert letter.blocks[-1].texts[1].startswith("Enc.: Civic Society response")


def test_a_letter_to_an_address_is_titled_by_its_subject_the_address_its_lines():
    """A letter opening with the address it is sent to, then its date, its greeting and its
    subject: titled by its subject, the address its lines (the address's first line had
    titled it, its street the subtitle, the subject a heading under the greeting)."""
    letter = read((REPORTS / "civic-society-consultation-letter.txt").read_text(
        encoding="utf-8"), title="")
    assert letter.metadata.title == "Local Plan consultation: response from the Civic Society"
    assert letter.metadata.date == "2025-02-14"
    assert kinds(letter)[:3] == ["LineBlock", "Paragraph", "Paragraph"]
    assert letter.blocks[0].texts[0] == "Westmere Borough Council"
    assert letter.blocks[1].text == "Dear Ms\u00a0Patel,"


def test_figures_under_their_labels_are_key_figures():
    """Key figures written under the words saying what they count (`Visitors` over
    `412,000`, four of them), as a page's box of facts sets them: a list, each item the
    words and the figure as written (they had been a heading, three items each pairing a
    figure with the next label, and a heading of the last figure)."""
    document = read((REPORTS / "museums-trust-year-at-a-glance.txt").read_text(
        encoding="utf-8"), title="")
    assert kinds(document) == ["Paragraph", "List", "Paragraph"]
    assert [plain(item.spans) for item in document.blocks[1].items] == [
        "Visitors 412,000", "School pupils 18,600", "Volunteers 1,240",
        "Objects catalogued 9,800"]


def test_notes_labelled_and_called_with_figures_in_brackets_are_notes():
    """Notes under their heading labelled `(1)`, `(2)`, called so after words in the text
    (`a surplus of £14,200 (1), its first`): notes and their references (they had been
    paragraphs, the calls left in the text). `(1)` in a text whose notes are not labelled
    so stays as written."""
    document = read((REPORTS / "society-treasurer-bracketed-notes.txt").read_text(
        encoding="utf-8"), title="")
    assert kinds(document) == ["Paragraph", "Paragraph", "Heading", "Note", "Note"]
    assert [span.note for span in document.blocks[0].spans if span.note] == ["1", "2"]
    assert "(1)" not in document.blocks[0].text
    plain_text = read(f"{ENGLISH_BODY}\n\nWe met twice (1) in spring and (2) in autumn.",
                      title="Notes")
    assert "(1) in spring" in plain_text.blocks[-1].text


@pytest.mark.parametrize(("name", "called"), [
    ("water-supplies-finance-notes-zh.txt", "水費調整"),
    ("ferry-trust-finance-notes.txt", "summer routes")])
def test_notes_called_by_their_word_and_number_in_brackets_are_referenced(name, called):
    """A note called by the word for a note and its number in brackets (`…水費調整（註1）。`,
    `…summer routes (Note 1).`), as Hong Kong and British reports call theirs: the call
    is the note's reference (it had stayed in the text as written, unlinked, the notes
    printed under their heading with nothing calling them)."""
    document = read((REPORTS / name).read_text(encoding="utf-8"), title="")
    first = document.blocks[0]
    assert [span.note for span in first.spans if span.note] == ["1"]
    assert first.spans[0].text.endswith(called)
    assert not any(word in first.text for word in ("註1", "Note 1"))
    assert [block.label for block in document.blocks if isinstance(block, Note)] == ["1", "2"]


@pytest.mark.parametrize(("heading", "label", "call", "body"), [
    ("註釋", "註{}：", "（註{}）", CHINESE_BODY),
    ("附註", "註 {}：", "（註{}）", CHINESE_BODY),
    ("注释", "注{}：", "（注{}）", "二〇二四年是本馆开馆以来参观人次最多的一年。"),
    ("Notes", "Note {}: ", " (Note {})", ENGLISH_BODY),
])  # fmt: skip
def test_notes_labelled_by_their_word_and_number_under_their_heading_are_notes(
        heading, label, call, body):
    """Notes under their heading each labelled by the word for a note and its number
    (`註1：數字以…`, `Note 1: Figures as at …`), as Hong Kong reports label theirs, called
    so in the text (`（註1）`): notes, each call its reference, the heading over them as over
    notes labelled `1.` (they had stayed paragraphs under a heading, the calls unlinked)."""
    first = ("本局達到全部目標" if call.startswith("（") else "The Authority met its targets")
    second = ("當中一項略低於目標" if call.startswith("（") else "One fell just short")
    stop = "。" if call.startswith("（") else "."
    document = read(f"{first}{call.format(1)}{stop}\n\n{second}{call.format(2)}{stop}\n\n"
                    f"{body}\n\n{heading}\n{label.format(1)}2024年3月31日的數字。\n"
                    f"{label.format(2)}該項承諾將於下年度檢討。", title="第三章")
    assert kinds(document)[-3:] == ["Heading", "Note", "Note"]
    assert document.blocks[-3].text == heading
    assert [block.label for block in document.blocks[-2:]] == ["1", "2"]
    assert document.blocks[-2].text == "2024年3月31日的數字。"
    assert [span.note for span in document.blocks[0].spans if span.note] == ["1"]
    assert [span.note for span in document.blocks[1].spans if span.note] == ["2"]


def test_a_listings_events_are_each_headed_by_their_day_over_their_lines():
    """A listing of events, each its day and time over its name and its place
    (`Saturday 12 April, 10am–4pm` over `Spring plant sale` over `The Walled Garden`): the
    day heads the event, its lines stay lines (they had been run together into paragraphs,
    one day a heading, the others not)."""
    document = read((REPORTS / "park-friends-spring-events.txt").read_text(encoding="utf-8"),
                    title="")
    assert document.metadata.organisation == "Friends of Hollins Park"
    assert kinds(document) == ["Paragraph", *["Heading", "LineBlock"] * 3, "Paragraph"]
    assert [block.text for block in document.headings] == [
        "Saturday 12\u00a0April, 10am\u20134pm", "Sunday 27\u00a0April, 2pm",
        "Saturday 10\u00a0May, 11am"]
    assert document.blocks[2].texts == ["Spring plant sale", "The Walled Garden"]
    chinese = read(f"{CHINESE_BODY}\n\n4月12日（星期六）上午10時至下午4時\n春季植物義賣\n圍牆花園\n\n"
                   f"4月27日（星期日）下午2時\n觀鳥導賞\n公園小屋集合\n\n{CHINESE_BODY}", title="活動")
    assert kinds(chinese)[2:6] == ["Heading", "LineBlock", "Heading", "LineBlock"]


@pytest.mark.parametrize("placeholder", ["[Signature]", "[signature]", "［簽名］"])
def test_a_signatures_placeholder_over_the_name_goes(placeholder):
    """What a copy leaves where the scan of a signature stood over the name it signs goes,
    as a picture's placeholder does; the sign-off is the name and the role."""
    body = ENGLISH_BODY if placeholder.isascii() else CHINESE_BODY
    name, role = ("Dr Helen Marsh", "Principal") if placeholder.isascii() else ("陳大文", "校長")
    document = read(f"{body}\n\n{placeholder}\n\n{name}\n{role}", title="Welcome")
    assert isinstance(document.blocks[-1], SignOff)
    assert placeholder not in " ".join(document.blocks[-1].texts)
    assert len(document.blocks[-1].texts) == 2


def test_a_tables_title_under_it_is_its_caption():
    """A table's title on the line under it, none over it (`Table 2: Income by source (£)`):
    the table's caption, which the editions set over it as every table's (it had been a
    heading under a table with none). A table titled over it keeps that title."""
    document = read((REPORTS / "society-income-table-titled-under.txt").read_text(
        encoding="utf-8"), title="")
    assert kinds(document) == ["Paragraph", "Table", "Paragraph"]
    assert plain(document.blocks[1].caption).startswith("Table 2")
    titled = read(f"{ENGLISH_BODY}\n\nTable 1: Visitors\nYear\tVisitors\n2023\t9,800\n"
                  f"2024\t11,200\n\nTable 2: Staff\n\n{ENGLISH_BODY}", title="Report")
    assert plain(next(block for block in titled.blocks if isinstance(block, Table)).caption
                 ).startswith("Table 1")
    assert "Table 2: Staff" in [getattr(block, "text", "") for block in titled.blocks]


def test_chinese_pieces_read_as_their_english_twins():
    """A Chinese letter titled by its subject under its greeting, its addressee's lines at
    the left; a centre's year, its name under the title its organisation and its figures
    under their words a list; a listed company's chairman's statement, its table of results
    typed with full-width spaces a table, its place and date under the signature."""
    letter = read((REPORTS / "tuen-mun-residents-letter-zh.txt").read_text(encoding="utf-8"),
                  title="")
    assert letter.metadata.title == "有關屯門公路巴士專線建議"
    assert letter.blocks[0].texts[0] == "運輸及物流局"
    assert isinstance(letter.blocks[-1], SignOff)
    year = read((REPORTS / "elderly-centre-year-zh.txt").read_text(encoding="utf-8"), title="")
    assert year.metadata.organisation == "東區長者服務中心"
    assert [plain(item.spans) for item in year.blocks[1].items][0] == "服務人次12,400"
    statement = read((REPORTS / "shipping-group-chairman-zh.txt").read_text(encoding="utf-8"),
                     title="")
    assert kinds(statement).count("Table") == 1
    assert statement.metadata.date == "2025-03-20"


def test_a_dated_line_under_the_title_over_its_first_heading_is_its_subtitle():
    """`Final report, February 2025` under a report's title, a blank line between, over its
    first numbered heading: the subtitle, its date the report's (it had been a heading over
    no text); a date under the title over an entry's text stays its heading."""
    document = read((REPORTS / "community-transport-review.txt").read_text(encoding="utf-8"),
                    title="")
    assert document.metadata.subtitle == "Final report, February 2025"
    assert document.metadata.date == "2025-02"
    assert [heading.text for heading in document.headings][:2] == [
        "1. Introduction", "1.1\u00a0Background"]
    entries = read(f"Our year\n\nApril 2024\n\n{ENGLISH_BODY}", title="")
    assert entries.metadata.subtitle == ""


def test_the_opener_prints_a_date_the_subtitle_says_once():
    """The opener prints the date under the organisation, but not where the subtitle says it
    already (`Final report, February 2025`): once, not twice."""
    document = read((REPORTS / "community-transport-review.txt").read_text(encoding="utf-8"),
                    title="")
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    opener = html[html.index('<p class="subtitle">'):html.index("</header>")]
    assert opener.count("February") == 1 and 'class="date"' not in opener
    dated = read(f"Our year\n\n{ENGLISH_BODY}", title="")
    dated = replace(dated, metadata=replace(dated.metadata, date="2025-02-01"))
    assert '<span class="date">1 February 2025</span>' in render_html(
        dated, load_layout(ROOT / "layouts", "print"))


def test_a_bodys_name_over_the_subtitle_and_a_years_counted_lines():
    """The title over the body's name over the subtitle, no blank lines between: the
    organisation and the subtitle (both had been headings); a year in numbers, each line a
    figure and what it counts (`2,146 young carers supported`, `£1.2m raised from 4,300
    donors`), a list (the first had been a heading, the rest run together)."""
    document = read((REPORTS / "young-carers-impact-report.txt").read_text(encoding="utf-8"),
                    title="")
    assert document.metadata.organisation == "Brightwater Foundation"
    assert document.metadata.subtitle == "Helping young carers find time to be young"
    counted = next(block for block in document.blocks if type(block).__name__ == "List")
    assert [plain(item.spans) for item in counted.items][0] == "2,146\u00a0young carers supported"
    assert len(counted.items) == 4


def test_meetings_each_led_by_its_day_and_time_are_a_list():
    """Lines each led by a day and its time, then where the meeting is held (`Wednesday 12
    March, 12.30–1.30 pm, Room G.14, Roscoe Building`), two or more: a list, as a notice
    sets its meetings (each had been a heading)."""
    english = read(f"{ENGLISH_BODY}\n\nBranch meetings\nWednesday 12 March, 12.30–1.30 pm, "
                   "Room G.14, Roscoe Building\nThursday 13 March, 5.00–6.00 pm, online\n\n"
                   f"{ENGLISH_BODY}", title="Circular")
    assert kinds(english)[2:4] == ["Heading", "List"]
    assert len(english.blocks[3].items) == 2
    chinese = read(f"{CHINESE_BODY}\n\n分會會議\n3月12日（星期三）下午12時30分，G14室\n"
                   f"3月13日（星期四）下午5時，網上\n\n{CHINESE_BODY}", title="通告")
    assert kinds(chinese)[2:4] == ["Heading", "List"]


def test_a_paragraph_wholly_in_quotes_over_its_attribution_is_a_pull_quote():
    """A paragraph wholly in quotes over a dash and who said it (`— Dame Patricia Linley,
    Patron`): a displayed quotation, its attribution under it (they had been two
    paragraphs); a quoted paragraph with no attribution stays a paragraph."""
    document = read((REPORTS / "young-carers-impact-report.txt").read_text(encoding="utf-8"),
                    title="")
    at = next(index for index, block in enumerate(document.blocks)
              if type(block).__name__ == "Quotation")
    assert document.blocks[at].text.startswith("\u2018Every child deserves a childhood.")
    assert document.blocks[at + 1].text.startswith("\u2013 Dame\u00a0Patricia Linley")
    assert sum(type(block).__name__ == "Quotation" for block in document.blocks) == 1


def test_short_lines_broken_by_their_author_stay_lines():
    """Three short lines or more, none a sentence, list item or table row: a catalogue
    entry's object details under its title (date, place, materials, size, credit line), a
    page's items whose bullets the copy lost, in a text wrapped or not, English or Chinese:
    lines as written (they had been headings over nothing, or run together into one
    sentence). A paragraph wrapped narrow, its lines filled, stays a paragraph."""
    label = read((POSTS / "museum-object-label.txt").read_text(encoding="utf-8"), title="")
    assert label.metadata.title == "Moon jar"
    assert kinds(label)[0] == "LineBlock"
    assert label.blocks[0].texts[3] == f"H. 45.1{NBSP}cm, Diam. 44.5{NBSP}cm"
    assert len(label.blocks[0].texts) == 6
    highlights = ("Our highlights\nNew headquarters opened in Leeds\n"
                  "Record visitor numbers at every site\nThree new galleries for children")
    paragraph = ("We had a busy year. The new building opened in March and the galleries\n"
                 "followed in the autumn, each with a programme of its own for schools.")
    wrapped = read(f"{paragraph}\n\n{highlights}\n\n{paragraph}", title="Annual review")
    assert kinds(wrapped) == ["Paragraph", "LineBlock", "Paragraph"]
    assert wrapped.blocks[1].texts == highlights.split("\n")
    chinese = read(f"{CHINESE_BODY}\n\n清乾隆年間\n江西景德鎮\n瓷胎，施透明釉\n高45.1厘米\n\n{CHINESE_BODY}",
                   title="月亮罐")
    assert ["清乾隆年間", "江西景德鎮", "瓷胎，施透明釉", "高45.1厘米"] in [
        getattr(block, "texts", None) for block in chinese.blocks]
    narrow = read("Annual review\n\nWe had a busy year with more\nvisitors than ever and "
                  "a new\nbuilding opened in the spring\nto the delight of all our "
                  "members.", title="")
    assert kinds(narrow) == ["Paragraph"]


def test_a_site_builders_page_its_menu_gone_its_strapline_the_subtitle_its_months_sections():
    """A page from a site builder: its menu a link a line, the page's own link among them
    (its title, written again under the menu), goes (it had titled the page, its links
    headings); the title block written twice is once; the strapline over the opening
    paragraph, longer than the sections' headings, is the subtitle (it had been a heading);
    the months right under `Month by month` are its sections, a level below it, to the
    next heading of another kind."""
    document = read((POSTS / "food-project-year-page.txt").read_text(encoding="utf-8"),
                    title="")
    assert document.metadata.title == "Our year 2024"
    assert document.metadata.subtitle == "A look back at twelve months on Larkspur Lane"
    levels = [(block.text, block.level) for block in document.headings]
    assert levels[:3] == [("Month by month", 1), ("January", 2), ("March", 2)]
    assert ("December", 2) in levels and ("In numbers", 1) in levels
    assert kinds(document)[0] == "Paragraph"
    chinese = read(f"{CHINESE_BODY}\n\n活動回顧\n\n一月\n\n{CHINESE_BODY}\n\n三月\n\n{CHINESE_BODY}\n\n"
                   f"展望\n\n{CHINESE_BODY}", title="年報")
    assert [(block.text, block.level) for block in chinese.headings] == [
        ("活動回顧", 1), ("一月", 2), ("三月", 2), ("展望", 1)]


def test_a_general_note_under_symbol_notes_leaves_them_notes():
    """A note on the whole led by its label (`註：表1數字經四捨五入…`, `Note: figures are
    rounded.`) under the notes symbols label: those stay notes, called from the text (they
    had been paragraphs, their calls plain characters), the general note a paragraph of the
    text's end, before them."""
    report = read((REPORTS / "building-maintenance-ceo-report-zh.txt").read_text(
        encoding="utf-8"), title="")
    assert [block.label for block in report.blocks if type(block).__name__ == "Note"] == [
        "\u2460", "\u2461"]
    assert report.blocks[-3].text.startswith("註：表1數字")
    english = read(f"{ENGLISH_BODY} Visits rose by a third.*\n\nThe shop made £4,100.\u2020\n\n"
                   "* Excluding school groups.\n\n\u2020 Before costs.\n\n"
                   "Note: figures are rounded.", title="Our year")
    assert [type(block).__name__ for block in english.blocks[-3:]] == [
        "Paragraph", "Note", "Note"]
    assert english.blocks[-3].text == "Note: figures are rounded."


def test_superior_figures_call_numbered_notes_and_the_signature_closes_the_text():
    """Notes numbered under their heading (`1. Robyn Maxwell, …`), called by superior figures
    after a word or a mark (`another.¹`): references to them (they had stayed characters,
    which a large-print edition sets smaller than its 16 pt); `m²` raises its unit. The
    author's signature under the notes closes the text, over their heading (it had stood
    in the notes' section)."""
    entry = read((POSTS / "museum-catalogue-entry.txt").read_text(encoding="utf-8"), title="")
    called = [span.note for block in entry.blocks for span in getattr(block, "spans", ())
              if span.note]
    assert called == ["1", "2"]
    names = kinds(entry)
    assert names[names.index("Heading", len(names) - 4) - 1] == "SignOff"
    assert names[-2:] == ["Note", "Note"]
    area = read(f"{ENGLISH_BODY}\n\nThe store covers 1,200 m² and cost £4m.¹\n\nNotes\n\n"
                "1. Before fees.", title="Our year")
    assert "1,200\u00a0m² and cost" in area.blocks[-3].text
    assert [span.note for span in area.blocks[-3].spans if span.note] == ["1"]


@pytest.mark.parametrize(("text", "notes", "calls"), [
    ("Visitor numbers rose to 1.2 million.1 Shop income grew by 14 per cent.2 It was our "
     "best year.\n\nWe moved into No.3 Dock, as version 2.1 of the plan set out, and our "
     "reserves cover nine months of spending.3",
     "Notes\n1. Financial year ending 31 March 2025.\n2. Net of VAT.\n3. Audited.",
     ["1", "2", "3"]),
    ("本年度訪客增至一百二十萬人次。1商店收入上升百分之十四。2\n\n我們的儲備足以應付九個月的開支。3",
     "註釋\n1. 截至2025年3月31日的財政年度。\n2. 不包括增值稅。\n3. 經審計。", ["1", "2", "3"]),
])  # fmt: skip
def test_note_numbers_set_on_the_line_call_the_notes_they_label(text, notes, calls):
    """A superior figure the copy flattened onto the line (`million.1 Shop`, `人次。1商店`),
    after a mark ending a phrase, calls the note it labels: it had stayed in the words. A
    number after an abbreviation's point (`No.3`) or a figure's (`2.1`) is no call."""
    document = read(f"{text}\n\n{notes}", title="Our year")
    called = [span.note for block in document.blocks for span in getattr(block, "spans", ())
              if span.note]
    assert called == calls
    if text.isascii():
        assert "No.3 Dock, as version 2.1" in document.blocks[1].text


def test_questions_under_their_heading_are_its_sections_and_a_contact_box_its_lines():
    """A foreword's questions, each heading its answer, under `Your questions answered` and
    its introduction: a level below it (they had been its siblings); a contact box, a short
    line over fields (`Have your say` over `Write to: …`, `Email: …`, `Telephone: …`): a
    heading over lines (they had been three headings, one the running head of a page)."""
    foreword = read((REPORTS / "council-leader-foreword.txt").read_text(encoding="utf-8"),
                    title="")
    levels = [(block.text, block.level) for block in foreword.headings]
    assert levels[0] == ("Your questions answered", 1)
    assert [level for text, level in levels if text.endswith("?")] == [2] * 5
    assert levels[-1] == ("Have your say", 1)
    box = foreword.blocks[foreword.blocks.index(foreword.headings[-1]) + 1]
    assert [text.split(":")[0] for text in box.texts] == ["Write to", "Email", "Telephone"]


def test_the_line_a_breadcrumb_names_is_the_title_and_a_ratio_a_key_figure():
    """A page's title named by the last crumb of its breadcrumb trail, its strapline under
    it, its byline written twice under both: the title, the subtitle, the byline (the
    title had been taken for a kicker over the strapline, which titled the page); a ratio
    over its words (`1 in 3` over `undergraduates the first in their family…`) is a key
    figure with the others (it had been a paragraph after their list)."""
    review = read((POSTS / "university-year-in-review.txt").read_text(encoding="utf-8"),
                  title="")
    assert review.metadata.title == "The year in review 2024/25"
    assert review.metadata.subtitle == "A university for the North, open to the world"
    assert review.byline is not None and review.byline.name.endswith("Ruth Abernethy")
    facts = next(block for block in review.blocks if type(block).__name__ == "List")
    assert len(facts.items) == 4 and facts.items[-1].text.startswith("1 in 3\u00a0under")


def test_a_chinese_subtitle_opened_by_its_dash_and_full_width_list_markers_stay_so():
    """A chapter's subtitle under its title opened by the dash GB/T 9704 sets before a 副题
    (`——华澄能源集团2024年度社会责任报告（节选）`): the subtitle, as written (it had been the
    first paragraph); a list's markers typed full width (`（1）`) stay full width (they had
    come out `(1)`), half-width ones as typed."""
    chapter = read((ROOT / "tests" / "simplified_chinese_texts" / "energy-group-csr-chapter.txt")
                   .read_text(encoding="utf-8"), title="")
    assert chapter.metadata.subtitle == "——华澄能源集团2024年度社会责任报告（节选）"
    lists = [block for block in chapter.blocks if type(block).__name__ == "List"]
    assert any(block.marker == "\uff08%\uff09" and block.style == "decimal" for block in lists)
    assert next(block for block in lists if block.marker).numbers()[0] == "\uff081\uff09"
    typed = read(f"{ENGLISH_BODY}\n\n(1) Roofs repaired;\n(2) Gutters cleared.", title="Works")
    assert typed.blocks[-1].marker == "(%)"


def test_a_transcripts_turns_under_their_speakers_are_never_headings():
    """An interview transcribed with each turn after its speaker, in capitals or by initials
    (`TOM REES: …`, `TR: Is that where the torch comes from?`): turns, paragraphs, never
    headings (the short questions had been headings, filling the bookmarks); a headline in
    capitals after a colon (`PAY OFFER: BALLOT OPENS 24 MARCH`) is still one."""
    interview = read((POSTS / "staff-interview-transcript.txt").read_text(encoding="utf-8"),
                     title="")
    assert [block.text for block in interview.headings] == [
        "Nights", "The pandemic", "What comes next"]
    turn = next(index for index, block in enumerate(interview.blocks)
                if getattr(block, "text", "").startswith("TR: What has changed most?"))
    assert type(interview.blocks[turn]).__name__ == "Paragraph"
    # Each turn's speaker set in bold in the PDF editions, as a transcript sets them apart;
    # the model and the draft keep the words as written.
    assert not any(span.bold for span in interview.blocks[turn].spans)
    html = render_html(interview, load_layout(ROOT / "layouts", "print"))
    assert re.search(f'<p data-block="{turn}"[^>]*><strong[^>]*>TR:</strong> What', html)


def test_the_body_whose_site_a_page_comes_from_is_its_organisation():
    """A page copied with its site's name over its navigation (`Kingsbridge Borough
    Council`, `Northfell University`), gone with it: the organisation the opener prints,
    where the metadata names none (the openers had printed none); a link of no body's name
    gives none, and the body the page's copyright line names is its publisher then."""
    foreword = read((REPORTS / "council-leader-foreword.txt").read_text(encoding="utf-8"),
                    title="")
    assert foreword.metadata.organisation == "Kingsbridge Borough Council"
    review = read((POSTS / "university-year-in-review.txt").read_text(encoding="utf-8"),
                  title="")
    assert review.metadata.organisation == "Northfell University"
    interview = read((POSTS / "staff-interview-transcript.txt").read_text(encoding="utf-8"),
                     title="")
    assert interview.metadata.organisation == "Kingsmead Hospitals NHS Foundation Trust"


def test_a_title_over_its_season_over_a_byline_in_lower_case():
    """A theatre's page: the title, the line naming the season under it and `by Eleanor
    Fitch, Artistic Director`, no blank line between them or before the text: the title, its
    subtitle and the byline (they had run into the first paragraph, the dated line taken
    for a kicker and the byline, in lower case, for the sentence going on)."""
    document, _ = read_scraped(POSTS / "theatre-directors-notes.txt", Metadata(title=""))
    assert document.metadata.title == "Director\u2019s Notes: \u2018The Winter\u2019s Tale\u2019"
    assert document.metadata.subtitle == "Marston Little Theatre\u00a0\u2013 Season 2023\u201324"
    assert document.byline == Byline("Eleanor Fitch", (), "Artistic Director")
    assert document.blocks[0].text.startswith("When I first read")
    round_trips(document)


@pytest.mark.parametrize("line", ["by the National Lottery Heritage Fund, with thanks",
                                  "by and large, a good year"])
def test_by_in_lower_case_before_no_name_opens_no_byline(line):
    from pipeline.languages import detect

    assert not detect(line).names_person(line)


def test_a_name_and_its_post_nominals_under_the_pieces_title_is_its_byline():
    """`Professor Alan Whitcombe FSA` under `Report of the Chair of Trustees` under the
    publication's own title: the byline, its honour apart (the heading had been taken for
    his role, a role over a name as Chinese orders one, FSA left in his name); the
    publication's line is the kicker over the piece's title."""
    path = ROOT / "tests" / "texts" / "reports" / "gardens-trust-chair-report.txt"
    document, _ = read_scraped(path, Metadata(title=""))
    assert document.byline == Byline("Professor\u00a0Alan Whitcombe", ("FSA",), "",
                                     honours_spaced=True)
    assert document.metadata.title == "Report of the Chair of Trustees"
    assert document.metadata.subtitle == "The Abbey Gardens Trust: Report of the Trustees"
    assert "deficit of \u00a3\u221223,000." in document.blocks[1].text  # a minus, in place


@pytest.mark.parametrize(("line", "title"), [
    ("水務署年報二零二四", "水務署年報"), ("Annual Review 2024", "Annual Review"),
    ("Annual Review – 2023/24", "Annual Review"),
    ("A letter from the Warden, 2023-24", "A letter from the Warden")])
def test_the_text_opening_with_the_metadatas_title_and_its_year_opens_with_its_text(line, title):
    """The text's own title line, the metadata's title with the year it covers after it: the
    opener's, which prints both (it had been a first section's heading over nothing)."""
    body = ("本年度全港食水供應穩定，各區水塘存水量回升。" if title.startswith("水")
            else "The year was a busy one for everyone at the service.")
    document = scraped_document("piece", f"{line}\n\n{body}\n", Metadata(title=title))[0]
    assert [type(block).__name__ for block in document.blocks] == ["Paragraph"]


def test_a_newsletters_season_under_the_title_is_its_subtitle_and_dates_it():
    """`Spring 2024 | Staff newsletter` between a newsletter item's title and its byline: the
    subtitle, dating the item 2024 (it had been a section's heading over the text)."""
    document, _ = read_scraped(POSTS / "hospital-staff-newsletter.txt", Metadata(title=""))
    assert document.metadata.subtitle == "Spring 2024 | Staff newsletter"
    assert document.metadata.date == "2024"
    assert "Spring 2024 | Staff newsletter" not in [block.text for block in document.headings]


def test_key_figures_parted_by_no_break_space_lines_are_one_list_and_the_kitchen_a_body():
    """A page's year in numbers, each figure over its words, the pairs parted by lines
    holding only a no-break space (as a copy keeps a page's blank lines): one list of key
    figures (each pair had been a paragraph of its own); the name under the title, a
    kitchen's (`Eastfield Community Kitchen`), the organisation the opener prints (it had
    been a section's heading), as a food project's is on its site."""
    document, _ = read_scraped(POSTS / "community-kitchen-year-in-numbers.txt",
                               Metadata(title=""))
    from pipeline.model import List as ModelList

    (figures,) = [block for block in document.blocks if isinstance(block, ModelList)]
    assert [item.text.split()[0].split("\u00a0")[0] for item in figures.items] == [
        "12,400", "1,860", "214", "38,500", "97%"]
    assert document.metadata.organisation == "Eastfield Community Kitchen"
    assert "Eastfield Community Kitchen" not in [block.text for block in document.headings]
    food, _ = read_scraped(POSTS / "food-project-year-page.txt", Metadata(title=""))
    assert food.metadata.organisation == "Larkspur Lane Food Project"


@pytest.mark.parametrize(("line", "quote", "credit"), [
    ("\u2018I\u2019d never asked for help before.\u2019 \u2013 a guest at our lunch club",
     "\u2018I\u2019d never asked for help before.\u2019", "\u2013 a guest at our lunch club"),
    ("\u201cEvery child deserves it.\u201d \u2014 Dame Patricia Linley, Patron",
     "\u201cEvery child deserves it.\u201d", "\u2014 Dame Patricia Linley, Patron"),
])
def test_a_quote_and_who_said_it_on_one_line_are_a_quotation_and_its_attribution(
        line, quote, credit):
    from pipeline.model import Quotation
    from pipeline.readers.scraped.structure import pull_quotes

    found = pull_quotes([Paragraph((Span(line),))])
    assert found == [Quotation((Span(quote),)), Paragraph((Span(credit),))]
    sentence = Paragraph((Span("\u2018We listened,\u2019 \u2013 the board said \u2013 and acted."),))
    assert pull_quotes([sentence]) == [sentence]


@pytest.mark.parametrize(("line", "printed"), [
    ("Professor Sarah OKONJO-BRIGHT CBE FRSE, Vice-Chancellor and Principal",
     "Professor\u00a0Sarah OKONJO-BRIGHT CBE FRSE, Vice-Chancellor and Principal"),
    ("Professor Ian McTAGGART, OBE, FRSE, Chair",
     "Professor\u00a0Ian McTAGGART, OBE, FRSE, Chair")])
def test_a_bylines_honours_are_printed_as_their_author_parted_them(line, printed):
    """Honours after the name with spaces, as British practice now writes them, stay so in
    every edition and through the draft (the byline had been printed `OKONJO-BRIGHT, CBE,
    FRSE`, commas the author never wrote); those written between commas keep them."""
    from pipeline.model import from_json, to_json
    from pipeline.readers.docx.draft import docx_document
    from pipeline.readers.markup import read_markup
    from pipeline.writers.markup import write_markup

    text = (f"Foreword\n\n{line}\n\n{ENGLISH_BODY}\n\nThe year ahead holds as much again, and "
            "we shall meet it together.\n")
    document, _ = scraped_document("foreword", text, Metadata(title=""))
    assert document.byline.text == printed
    named = printed.rpartition(", ")[0]  # the role goes on a line of its own
    assert re.sub("<[^>]+>", "", render_html(document, load_layout(ROOT / "layouts", "screen"))
                  ).count(named) == 1
    assert from_json(to_json(document)).byline == document.byline
    assert read_markup(write_markup(document), Path("piece.md"), document.metadata,
                       Path(".")).byline == document.byline
    drafted = docx_document(write_docx(document, load_layout(ROOT / "layouts", "print"),
                                       Path(".")), Path("piece.docx"), document.metadata)
    assert drafted.byline == document.byline


@pytest.mark.parametrize("line", ["Kestrel Housing Trust Annual Review 2025",
                                  "Kestrel Housing Trust – Annual Review 2025",
                                  "Annual Review 2025 | Kestrel Housing Trust"])
def test_a_line_naming_the_organisation_and_the_title_the_metadata_gives_goes(line):
    """The text's first line, the organisation and the title the metadata gives both: the
    opener's, which prints them (it had been a first heading over nothing, an empty section
    a screen reader heard, the title said twice)."""
    metadata = Metadata(title="Annual Review 2025", organisation="Kestrel Housing Trust")
    document, report = scraped_document("review", f"{line}\n\n{ENGLISH_BODY}\n", metadata)
    assert not any(isinstance(block, Heading) for block in document.blocks)
    assert {drop["reason"] for drop in report["dropped"]} == {
        "the organisation's name and the title, which the metadata gives and the opener prints"}


COSTUME_LABELS = """Dress and the Mill Town

A wedding dress
Cotton lawn, trimmed with lace
Worn by Ada Birtwistle, a weaver
Lent by her granddaughter
Ada married at St Peter's in 1902, in a dress she made from cloth her own loom had woven.
Acc. no. 1987.114

7. Clogs
Ash and leather, about 1910
Every worker in the mill wore clogs, whose iron caulkers rang on the cobbles at the change of shift.
Acc. no. 2003.52
"""


def test_an_objects_label_keeps_its_details_as_lines_under_its_heading():
    """A gallery's labels, each a block: the object's name, lines of details (material,
    date, who lent it), its text, its number. The details and the number are lines, not
    headings over nothing; one line of details under a name numbered as an entry too."""
    document = read(COSTUME_LABELS)
    assert kinds(document) == ["Heading", "LineBlock", "Paragraph", "Paragraph",
                               "Heading", "Paragraph", "Paragraph", "Paragraph"]
    assert document.blocks[1].texts == ["Cotton lawn, trimmed with lace",
                                        "Worn by Ada Birtwistle, a weaver",
                                        "Lent by her granddaughter"]
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        "A wedding dress", "7. Clogs"]
    labels = read((POSTS / "gallery-object-labels.txt").read_text(encoding="utf-8"))
    assert [block.text for block in labels.blocks if isinstance(block, Heading)] == [
        "Introductory panel", "1. Keelman\u2019s hat", "2. Launch programme, HMS \u2018Victoria\u2019",
        "3. Rivet heater\u2019s tongs", "4. Temperance banner"]
    # The last object's dimensions, its block's last line, are its own; the credits under a
    # blank line alone sign the labels (they had taken the dimensions with them).
    assert labels.blocks[-2].text == "Dimensions: 2.1 \u00d7 1.8\u00a0m"
    assert labels.blocks[-1].texts == ["Text: Dr\u00a0Priya Raman, Curator of Social History",
                                       "Labels approved 3\u00a0March 2025"]


def test_a_long_title_in_title_case_over_its_subtitle_is_the_title():
    """A report's title of more words than a heading takes, in title case, its subtitle
    after a colon, over the report's name on the next line: the title and the subtitle (it
    had been the text's first paragraph, the file's name the title)."""
    title = ("Rivers, Reservoirs and Resilience in a Year of Drought and Flood: The Chief "
             "Executive's Review for Customers and Partners")
    text = (f"{title}\nAnnual Report and Accounts for the Year Ended 31 March 2025\n\n"
            "Rainfall in the first half of the year was the lowest since records began. The "
            "reservoirs held, because of the work our engineers did over the winter.\n\n"
            "The autumn brought the opposite problem, and three storms in a month.\n")
    document = scraped_document("chief-executive-review", text, Metadata(title=""))[0]
    assert document.metadata.title == title.replace("'", "\u2019")
    assert document.metadata.subtitle == ("Annual Report and Accounts for the Year Ended "
                                          "31\u00a0March 2025")
    assert document.blocks[0].text.startswith("Rainfall")


def test_a_friends_groups_name_under_the_title_is_its_organisation():
    """`Friends of the Lune Estuary` right under the title, as an impact statement's page
    opens: a body's name (`Friends of the …`, `University of the Arts`), the organisation
    the opener prints, not the subtitle."""
    text = ("Impact Statement 2023-24\nFriends of the Harwick Marshes\n\n"
            "In 2023-24 our volunteers gave more time than ever before.\n\n"
            "Here is what they achieved, and what it cost.\n")
    metadata = scraped_document("impact", text, Metadata(title=""))[0].metadata
    assert (metadata.title, metadata.organisation, metadata.subtitle) == (
        "Impact Statement 2023\u201324", "Friends of the Harwick Marshes", "")


def test_a_newsletters_masthead_over_a_letter_is_the_openers():
    """A newsletter's masthead, the body's name in capitals over its dated issue, over the
    Chair's letter and its greeting: the organisation, the subtitle and the date (it had
    been printed as lines under the letter's title, and the opener had no date)."""
    text = ("View this email in your browser\n\n"
            "HOLLINS GREEN TENANTS' ASSOCIATION\nAutumn Newsletter -- October 2024\n\n"
            "From the Chair\n\nDear neighbours,\n\n"
            "The new lighting on the footpath is in at last, after two years of asking.\n\n"
            "Best wishes,\nRuth\n")
    document = scraped_document("newsletter", text, Metadata(title=""))[0]
    metadata = document.metadata
    assert (metadata.title, metadata.organisation, metadata.date) == (
        "From the Chair", "HOLLINS GREEN TENANTS\u2019 ASSOCIATION", "2024-10")
    assert metadata.subtitle == "Autumn Newsletter\u00a0\u2013 October 2024"
    assert plain(document.blocks[0].spans) == "Dear neighbours,"


@pytest.mark.parametrize(("chapter", "sections"), [
    ("第二章　社會", ("2.1 僱傭及勞工常規", "2.2 發展及培訓")),
    ("Chapter 4: Our people", ("4.1 Recruitment", "4.2 Training and development")),
])
def test_a_chapters_heading_written_twice_under_the_title_heads_its_numbered_sections(
        chapter, sections):
    """A report's chapter heading, its division's label opening it, written twice under the
    title (`第三章　环境`): no byline (its label had been the role, its name the byline's),
    nor the subtitle, but a heading at level 1 over its sections (`3.1`, `3.2`) at level 2."""
    paragraph = ("本年度共有員工一千二百名，流失率為百分之八。" if chapter.startswith("第")
                 else "We employed 1,200 people this year, and 8 per cent of them left.")
    title = ("二〇二四年可持續發展報告" if chapter.startswith("第")
             else "Annual Sustainability Report 2024")
    text = (f"{title}\n{chapter}\n{chapter}\n\n{sections[0]}\n"
            f"{paragraph}\n\n{sections[1]}\n{paragraph}\n")
    document, _ = scraped_document("chapter", text, Metadata(title=""))
    assert document.byline is None
    assert document.metadata.subtitle == ""
    assert document.metadata.title == title
    headings = [(block.text.replace("\u00a0", " "), block.level) for block in document.blocks
                if isinstance(block, Heading)]
    assert headings == [(chapter, 1), (sections[0], 2), (sections[1], 2)]


@pytest.mark.parametrize("line", [
    "Fenwold Community Trust -- Annual Report 2024",
    "Annual Review 2023-24 | Kestrel Valley Housing Association",
])
def test_a_line_naming_the_body_and_its_publication_under_the_title_is_its_subtitle(line):
    """A deck naming the body and the publication right under the title, over the text, a
    blank line between each (as a kicker over a title is): the subtitle, no heading."""
    text = (f"Small grants, big changes: a year on the estates\n\n{line}\n\n"
            "This year the Trust gave 86 small grants to residents' groups, worth £143,000 in "
            "all, and every one of them was spent within the year.\n\n"
            "Most went to repairs of shared spaces.\n")
    document, _ = scraped_document("review", text, Metadata(title=""))
    assert document.metadata.title == "Small grants, big changes: a year on the estates"
    assert " ".join(document.metadata.subtitle.split()) == line.replace(
        " -- ", " \u2013 ").replace("-24", "\u201324")
    assert not [block for block in document.blocks if isinstance(block, Heading)]


@pytest.mark.parametrize(("name", "quote"), [
    ("Dr Priya Raman", "“The ward has never been busier,” says Dr Priya Raman, who leads it."),
    ("陳美華博士", "「病房從未如此繁忙。」負責病房的陳美華博士說。"),
])
def test_a_doubled_line_naming_a_person_amid_the_text_is_a_portraits_caption(name, quote):
    """A line naming someone written twice between sections (a portrait's caption and its
    picture's text): a figure, not a heading between the numbered sections."""
    first, second = (("1. 背景", "2. 成果") if name[0] > "\u3000" else
                     ("1. Background", "2. Results"))
    text = (f"Ward report\n\n{first}\n\n{quote}\n\n{name}\n{name}\n\n{second}\n\n{quote}\n")
    document, _ = scraped_document("ward", text, Metadata(title=""))
    kinds = [(type(block).__name__, getattr(block, "text", None)) for block in document.blocks]
    assert ("Heading", name) not in kinds
    (figure,) = [block for block in document.blocks if type(block).__name__ == "Figure"]
    assert " ".join(plain(figure.caption).split()) == name


def test_a_text_titled_after_its_file_s_name_is_said(tmp_path):
    """A post with no headline and no title in its metadata is titled after its file's name
    (`Harbour walk`), which the editions' title, running heads and the PDF's title, read
    first by a screen reader, then say: the model's build says so in one line naming where
    to give one (it had passed unremarked). A text whose first line
    is the title its file is named after says nothing."""
    from pipeline.tasks.steps import build_model

    folder = copy_project(tmp_path / "project", library=False)
    post = ("What a morning on the harbour wall! Forty of you came to count the birds, "
            "and we logged 26 species before the rain.\n\nThank you all. See you in May.\n")
    (folder / "source" / "harbour-walk.txt").write_text(post, encoding="utf-8")
    assert build_model(folder, "harbour-walk") == (
        "source/harbour-walk.txt: titled 'Harbour walk' after its file's name, the text "
        "holding no title and source/harbour-walk.toml giving none; give it one as `title` "
        "in source/harbour-walk.toml")
    (folder / "source" / "harbour-walk.txt").write_text(f"Harbour walk\n\n{post}",
                                                         encoding="utf-8")
    assert build_model(folder, "harbour-walk") is None


def test_a_letters_address_over_its_greeting_stays_lines_where_the_metadata_titles_it():
    """A letter titled by its metadata, its addressee's address over its greeting (`All
    Residents` over the street's lines, over `Dear Residents,`): the address is lines, its
    first no heading (`The Members` had been set as a section's
    heading); a page's title and byline over a greeting are no address."""
    letter = ("All Residents\nMill Court\nStation Road\nHarrowfield\n\nDear Residents,\n\n"
              "The committee has agreed the repairs to the courtyard, which begin in May and "
              "will take about six weeks.\n\nYours sincerely,\n\nAnne Hollis\nSecretary\n")
    document = read(letter, title="Courtyard repairs")
    assert kinds(document)[:2] == ["LineBlock", "Paragraph"]
    assert document.blocks[0].texts == ["All Residents", "Mill Court", "Station Road",
                                        "Harrowfield"]
    page = ("Our year\nBy Ravi Patel, Chair\n\nDear friends,\n\nThe club had its best year, "
            "with 412 members and two new teams.\n\nWith thanks,\n\nRavi Patel\n")
    assert read(page, title="Our year").byline.name == "Ravi Patel"


@pytest.mark.parametrize(("role", "organisation"), [
    ("Head of Children's Services", ""),
    ("Director of Adult Social Services", ""),
    ("Head of Estates Department", ""),
    ("Chief Executive of Fenwick Vale Trust", "Fenwick Vale Trust"),
])  # fmt: skip
def test_a_department_a_sign_offs_role_is_held_of_publishes_nothing(role, organisation):
    """A role held of a department (`Head of Children's Services`) names a part of a body,
    not the body: no organisation for the opener to print (it had made one of its words);
    a role held of a body still names it."""
    document = read(f"Spring update\n\n{ENGLISH_BODY}\n\nKind regards,\n\nOlu Adeyemi\n{role}")
    assert document.metadata.organisation == organisation


@pytest.mark.parametrize(("author", "text", "byline"), [
    ("校長 黃志明", CHINESE_BODY, "校長 黃志明"),
    ("陳美華", CHINESE_BODY, "陳美華"),
    ("Dr Jane Smith", ENGLISH_BODY, f"Dr{NBSP}Jane Smith"),
    ("Tom Reeve, Head of Learning", ENGLISH_BODY, "Tom Reeve, Head of Learning"),
])  # fmt: skip
def test_a_text_with_no_byline_is_bylined_by_its_metadatas_author(author, text, byline):
    """A text naming its author nowhere (a speech's: its speaker) whose metadata names one:
    the metadata's author is its byline, the role first as its language writes one (`校長
    黃志明`), which the opener prints (it had printed no one: a speaker named in no
    edition)."""
    author = clean_line(author)  # as the metadata's reader gives it
    document = scraped_document("speech", f"Opening address\n\n{text}",
                                Metadata(title="Opening address", author=author))[0]
    assert document.byline is not None and document.byline.text == byline
    assert document.metadata.author == author
    drafted = docx_document(write_docx(document, load_layout(ROOT / "layouts", "print"),
                                       Path(".")), Path("speech.docx"), document.metadata)
    assert drafted.byline == document.byline  # the editor's draft keeps it


def test_a_text_bylined_or_signed_by_its_author_is_not_bylined_again():
    """A text with a byline of its own keeps it alone, whether the metadata's author is its
    name or another's; a text signed by the metadata's author is not bylined by it too."""
    for author in ("Ravi Patel", "Ann Lowe"):
        document = read_with_author(f"Our year\nBy Ravi Patel, Chair\n\n{ENGLISH_BODY}", author)
        assert document.byline.text == "Ravi Patel, Chair"
    chinese = read_with_author(f"年度回顧\n主席 陳美華\n\n{CHINESE_BODY}", "陳美華")
    assert chinese.byline.text.split() == ["主席", "陳美華"]
    signed = read_with_author(f"Our year\n\n{ENGLISH_BODY}\n\nWith thanks,\n\nRavi Patel\nChair",
                              "Ravi Patel")
    assert signed.byline is None and isinstance(signed.blocks[-1], SignOff)


def read_with_author(text: str, author: str):
    return scraped_document("piece", text, Metadata(title="", author=author))[0]


@pytest.mark.parametrize(("title", "line", "byline", "body"), [
    ("Chair's letter", "Annual review 2025-26", "By Tamsin Okafor, Chair of Trustees",
     "Dear members,\nIt was a hard year for the reserves, and a good one for the members."),
    ("A word from our director", "Impact report 2023/24", "By Owen Pryce, Director",
     "Dear friends,\nWe housed 412 families this year, more than in any year before."),
    ("Foreword", "Annual report 2024", "Dr Hannah Lloyd, Chief Executive",
     "This was the year the new ward opened.\nIt treated 3,100 patients by March."),
    ("主席的話", "年報 2024", "主席 陳美華",
     "各位會員：\n二〇二四年是本會成立以來會員人數增長最快的一年。"),
])
def test_the_publication_under_the_title_in_sentence_case_is_its_subtitle(title, line, byline,
                                                                           body):
    """The yearly publication a piece is part of, named on the line under its title in
    sentence case as a page names it, over the byline: the subtitle the opener prints, no
    heading of a section holding the whole text."""
    text = f"{title}\n{line}\n{byline}\n{body}\n"
    document, _ = scraped_document("letter", text, Metadata(title=""))
    assert document.metadata.title == clean_line(title)
    assert document.metadata.subtitle == clean_line(line)
    assert not [block for block in document.blocks if isinstance(block, Heading)]


def test_a_first_heading_naming_a_year_under_the_title_stays_a_heading():
    """A heading under the title that names a year but no publication heads its section."""
    text = ("Chair's letter\nBy Tamsin Okafor, Chair of Trustees\n\nLooking back at 2025\n"
            "It was a hard year for the reserves, and a good one for the members.\n\n"
            "Looking ahead\nThe board meets again in March.\n")
    document, _ = scraped_document("letter", text, Metadata(title=""))
    assert document.metadata.subtitle == ""
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        "Looking back at 2025", "Looking ahead"]


@pytest.mark.parametrize(("opening", "subtitle"), [
    ("Harbour Trust Annual Review\n\u2013 a year of rebuilding\n\n", "a year of rebuilding"),
    ("Harbour Trust Annual Review\n\n\u2013 a year of rebuilding\n\n", "a year of rebuilding"),
    ("Harbour Trust\n-- Annual review 2024\n", "Annual review 2024"),
    ("Harbour Trust Annual Review\n\u2014 A year of rebuilding\nBy Jane Smith, Chair\n\n",
     "A year of rebuilding"),
    ("Annual Review 2024\n\n\u2014 A year of rebuilding\n\nBy Jane Smith, Chair\n\n",
     "A year of rebuilding"),
    ("风雨兼程 不负所托\n——2024年度理事长致辞\n\n", "——2024年度理事长致辞"),
])
def test_a_line_a_dash_opens_under_the_title_is_its_subtitle(opening, subtitle):
    """A line under the title that a dash opens, a blank line under it or none, a byline
    under it or none: the subtitle, in English without its dash, which the opener's line sets
    apart as the dash did on the title's line (the document's title, title and subtitle
    joined by a dash, would show two); a Chinese one keeps its dash (GB/T 15834). It had
    been a paragraph opening the text, the byline under it a heading."""
    paragraphs = ("过去一年，基金会完成了多项工作，受助学生人数再创新高。\n\n感谢每一位捐赠者。\n"
                  if "风" in opening else
                  "The trust spent the year repairing the sea wall and the old pier.\n\n"
                  "Our volunteers gave more than 4,000 hours to the work.\n")
    document, _ = scraped_document("review", opening + paragraphs, Metadata(title=""))
    assert document.metadata.subtitle == subtitle
    assert [type(block).__name__ for block in document.blocks] == ["Paragraph", "Paragraph"]
    assert (document.byline.name if document.byline else None) == (
        "Jane Smith" if "Jane" in opening else None)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_lines_a_dash_opens_under_the_title_are_a_list_not_its_subtitle(gap):
    """Two lines or more under the title, each opened by a dash: a list's items, none of
    them the subtitle."""
    text = (f"What we did this year{gap}\u2013 Repaired the sea wall\n\u2013 Rebuilt the old "
            "pier\n\nThe trust thanks every volunteer who gave their time this year.\n")
    document, _ = scraped_document("review", text, Metadata(title=""))
    assert document.metadata.subtitle == ""
    (items,) = [block.items for block in document.blocks if type(block).__name__ == "List"]
    assert len(items) == 2


@pytest.mark.parametrize("line", [
    "A Message from the Director", "主任寄语 A Message from the Director", "Dear Members",
    "The year 2024 marked the 75th anniversary of the founding of the People’s Republic.",
    "2 Operations", "年度回顧",
])
def test_a_line_is_heading_shaped_or_not_whatever_the_document_it_is_read_in(line):
    """Its answer is kept, by the line alone (is_heading_text is asked of the same lines
    again and again): so none may hang on what is being read, the document's language or a
    paragraph's open quotations."""
    from pipeline.languages.profile import OpenQuotes, lines_of
    from pipeline.readers.cleaning import reading_in
    from pipeline.readers.scraped.structure import is_heading_text

    alone = is_heading_text.__wrapped__(line)
    for language in ("en-GB", "zh-HK", "zh-CN"):
        with reading_in(language), lines_of(OpenQuotes(depth=1, kinds=["\u300c"])):
            assert is_heading_text.__wrapped__(line) == alone
            assert is_heading_text(line) == alone
