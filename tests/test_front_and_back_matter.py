"""A text's front and back matter read whatever blank lines part them or not: the title with
its byline on the very next line, a notes heading with its notes right under it, a postscript
after the sign-off, and a text that is nothing but its title. Texts of their own, in English
and Chinese, read through the model."""

from __future__ import annotations

import pytest

from pipeline.model import Byline, Metadata, plain
from pipeline.readers.scraped import scraped_document

NBSP = "\u00a0"

ENGLISH_BODY = ("The museum welcomed more visitors in 2024 than in any year since it opened. Its "
                "new galleries drew families from every district.\n\n"
                "We thank our volunteers, who gave 14,000 hours of their time.")
CHINESE_BODY = ("二〇二四年是本館開幕以來參觀人次最多的一年。新展廳吸引了各區的家庭到訪。\n\n"
                "我們衷心感謝義工們全年付出的一萬四千小時。")


def read(text: str, title: str = ""):
    return scraped_document("piece", text, Metadata(title=title))[0]


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


@pytest.mark.parametrize("byline, name, role", [
    ("By Revd Thomas Achterberg, Warden", "Revd Thomas Achterberg", "Warden"),
    ("Dr Ana FERREIRA, Head of Learning", f"Dr{NBSP}Ana FERREIRA", "Head of Learning"),
    ("CHAN Tai-man, Chief Curator", "CHAN Tai-man", "Chief Curator"),
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


def test_a_bilingual_title_then_its_byline_without_blank_lines():
    document = read(f"Curator's Report\n館長報告\nProfessor Wendy TSANG Wing-yan, Curator\n\n"
                    f"{ENGLISH_BODY}")
    assert document.metadata.title == "Curator\u2019s Report 館長報告"
    assert document.byline == Byline("Professor Wendy TSANG Wing-yan", (), "Curator")
    assert kinds(document) == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize("text", [
    f"Annual Review 2024\nOur year, in numbers\n\n{ENGLISH_BODY}",
    f"Annual Review 2024\n\nMuseums, galleries and archives\n\n{ENGLISH_BODY}",
    f"年度回顧\n二〇二三至二四年度 年報\n\n{CHINESE_BODY}",
], ids=["subtitle", "heading", "chinese subtitle"])
def test_a_line_under_the_title_that_names_no_one_is_no_byline(text):
    assert read(text).byline is None


def test_a_heading_with_its_paragraph_right_under_it_is_not_taken_apart():
    document = read(f"Opening the galleries\nThe galleries opened in May, a year late.\n\n"
                    f"{ENGLISH_BODY}", title="Review")
    assert document.byline is None
    assert plain(document.blocks[0].spans).startswith("Opening the galleries The galleries")
