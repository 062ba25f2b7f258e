"""A bilingual page's front matter, as a copy-editor reads it: the body's name in both
languages over the title and its parallel is the organisation, as a body's name over a title
is in one (it had been the title, the piece's title a heading); its byline over its parallel
is one byline in both (`主席 李國榮博士` over `Chairman Dr Lee Kwok-wing`; the two had been
headings), written on two lines under the title, in the marked-up form and the draft on
one, and read back so. (A publication's name over the title: the Macau page of
test_copied_platforms.py.)"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pipeline.model import Byline, Heading, Metadata
from pipeline.readers.docx.draft import read_docx
from pipeline.readers.front_matter import parse_byline
from pipeline.readers.markup import read_markup
from pipeline.readers.scraped import scraped_document
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.html import render_html
from pipeline.writers.markup import write_markup

from .conftest import ROOT
from .support import read_text

from pipeline.layouts import load_layout  # isort: skip

TEXTS = Path(__file__).parent / "texts"
CHAIR = TEXTS / "sites" / "youth-arts-chair-bilingual.txt"


def test_the_byline_and_its_parallel_are_one_byline_in_both():
    page = read_text(CHAIR)
    assert page.metadata.title == "主席報告 Chairman\u2019s Report"
    assert page.metadata.organisation == "香港青年藝術基金會 Hong Kong Youth Arts Foundation"
    assert page.byline == Byline("李國榮博士", role="主席",
                                 parallel="Chairman Dr\u00a0Lee Kwok-wing")
    assert not any(isinstance(block, Heading) for block in page.blocks)


def test_a_byline_on_a_line_with_its_parallel_parts_again():
    """As the draft and the marked-up form write it; a byline in one language, one naming a
    person twice with no role (`Dr Mary Chan 陳美華`), or a Chinese name's honours after it
    (`GBS JP`), is read as before."""
    assert parse_byline("會長 何詠恩 President Ho Weng Ian") == Byline(
        "何詠恩", role="會長", parallel="President Ho Weng Ian")
    assert parse_byline("Ho Weng Ian, President 會長 何詠恩") == Byline(
        "Ho Weng Ian", role="President", parallel="會長 何詠恩")
    assert parse_byline("會長 何詠恩\nPresident Ho Weng Ian").parallel == "President Ho Weng Ian"
    assert parse_byline("Dr Mary Chan 陳美華").parallel == ""
    assert parse_byline("海港事務監督 莫慧琳") == Byline("莫慧琳", role="海港事務監督")
    assert parse_byline("主席 陳大文 GBS JP") == Byline("陳大文", ("GBS", "JP"), "主席")


def test_the_parallel_stands_on_its_own_line_in_its_own_language():
    page = read_text(CHAIR)
    html = render_html(page, load_layout(ROOT / "layouts", "screen").for_language("zh-HK"))
    byline = html[html.index('<p class="byline">'):]
    byline = byline[:byline.index("</p>")]
    assert byline.endswith('<br><span class="parallel"><span lang="en-GB">Chairman Dr\u00a0Lee'
                           '</span> <span class="compound"><span lang="en-GB">Kwok-wing'
                           "</span></span></span>")


def test_the_marked_up_form_and_the_draft_keep_the_parallel(tmp_path):
    page = read_text(CHAIR)
    metadata = Metadata(title=page.metadata.title, language="zh-HK")
    again = read_markup(write_markup(page), CHAIR.with_suffix(".md"), metadata, CHAIR.parent)
    assert again.byline == page.byline
    draft = tmp_path / "chair.docx"
    draft.write_bytes(write_docx(page, load_layout(ROOT / "layouts", "print"), CHAIR.parent))
    assert read_docx(draft, page.metadata).byline == page.byline


@pytest.mark.parametrize(("name", "title", "byline"), [
    ("front_and_back/harbour-choir-bilingual-title", "Harbour Choir Annual Review 2023–24 海港合唱團年度回顧2023-24",
     None),
    ("../simplified_chinese_texts/lakeside-garden-wechat", "湖畔花园的春天", Byline("周若楠", role="文")),
    ("front_and_back/tea-house-column-zh", "老店新茶", Byline("陳思敏", role="文")),
])
def test_the_front_matter_reads_back_from_the_marked_up_form_and_the_draft_as_built(
        tmp_path, name, title, byline):
    """A title over its parallel, its English half ending with a figure, keeps the space
    before its Chinese half, and a post's credit its role of one character (`文 | 周若楠`),
    read back from the marked-up form and from the draft: cleaned again as one line, the
    figure had been set against the Chinese (`2023–24海港`), and the role run into the name
    (`文周若楠`), so that a draft saved with no edit imported as an edit."""
    path = TEXTS / f"{name}.txt"
    page = read_text(path)
    assert (page.metadata.title, page.byline) == (title, byline)
    again = read_markup(write_markup(page), path.with_suffix(".md"), page.metadata, path.parent)
    assert (again.metadata.title, again.byline) == (title, byline)
    draft = tmp_path / f"{path.stem}.docx"
    draft.write_bytes(write_docx(page, load_layout(ROOT / "layouts", "print"), path.parent))
    docx.Document(str(draft)).save(str(draft))  # opened and saved, with no edit
    assert read_docx(draft, page.metadata, page) == page


def test_a_byline_on_one_line_with_the_persons_english_name_alone_parts():
    """A Chinese byline followed by its person's English name alone, no role (`校長 陳嘉明博士
    Dr CHAN Ka-ming`): the byline and its parallel; a row of page tools in square brackets
    under it goes (the byline and the tools had been one paragraph, or a heading and a
    paragraph)."""
    assert parse_byline("館長 林美玲博士 Dr LAM Mei-ling") == Byline(
        "林美玲博士", role="館長", parallel="Dr LAM Mei-ling")
    page = read_text(TEXTS / "sites" / "school-supervisor-bilingual-name.txt")
    assert page.metadata.title == "校監的話"
    assert page.byline == Byline("黃志偉教授", role="校監",
                                 parallel="Professor\u00a0WONG\u00a0Chi-wai")
    assert not any(isinstance(block, Heading) for block in page.blocks)
    assert page.blocks[0].text == "各位同學、家長："


def test_a_byline_in_both_languages_under_a_title_in_one_is_one_byline():
    """A Chinese page titled in Chinese alone that gives its author's name in both (the
    English line had been a heading); a one-word English heading
    right under a Chinese byline stays a heading."""
    body = "本年度協會繼續擴展社區服務，服務人次較上一年度增加一成。我們感謝各界的支持。"
    page = scraped_document("report", f"會長報告\n\n會長 何詠恩\n\nPresident Ho Weng Ian\n\n{body}\n",
                            Metadata(title="", language="zh-HK"))[0]
    assert page.byline == Byline("何詠恩", role="會長", parallel="President Ho Weng Ian")
    assert not any(isinstance(block, Heading) for block in page.blocks)
    headed = scraped_document("report", f"會長報告\n\n會長 何詠恩\n\nIntroduction\n\n{body}\n",
                              Metadata(title="", language="zh-HK"))[0]
    assert headed.byline.parallel == ""


@pytest.mark.parametrize(("chinese", "english"), [
    ("會長 何詠恩", "President Ho Weng Ian"),
    ("校長李美玲教授", "Vice-Chancellor Professor Lee Mei-ling"),
])
def test_a_byline_under_its_parallel_is_read_as_one_over_its_parallel(chinese, english):
    """A role and a name over the byline in the other language, no blank line between
    (`President Ho Weng Ian` over `會長 何詠恩`), the English line no byline in its own
    language: one byline in both, as the Chinese line over the English is read (the two
    had been a paragraph, the page left with no byline)."""
    body = "本年度協會繼續擴展社區服務，服務人次較上一年度增加一成。我們感謝各界的支持。"
    bylines = [scraped_document("report", f"會長報告\n\n{first}\n{second}\n\n{body}\n",
                                Metadata(title="", language="zh-HK"))[0]
               for first, second in ((chinese, english), (english, chinese))]
    assert bylines[1].byline == bylines[0].byline and bylines[1].blocks == bylines[0].blocks
    assert bylines[1].byline.parallel.endswith(english.split()[-1])


@pytest.mark.parametrize(("chinese", "english"), [
    ("會長何永賢", "President Ho Weng Ian"),
    ("主席黃家明博士", "By Dr Wong Ka-ming, Chairman"),
    ("總監陳美玲", "Director Chan Mei-ling"),
])
@pytest.mark.parametrize("title", ["", "會長報告\n", "會長報告\n\n"],
                         ids=["title given", "under the title", "a blank line under the title"])
def test_a_byline_pair_english_first_is_the_byline_wherever_it_stands(chinese, english, title):
    """A byline over its parallel, in either order: under the text's title, a blank line
    between or none (the English line had been read as the title's parallel, `會長報告
    President Ho Weng Ian`), or opening the text where the metadata gives the title (the
    first line had been a heading): the byline in both languages, the title the text's or
    the metadata's."""
    body = ("二〇二四年是本中心服務人次最多的一年。新中心吸引了各區的家庭到訪。\n\n"
            "我們衷心感謝義工們全年付出的一萬四千小時。")
    read = [scraped_document("report", f"{title}{first}\n{second}\n\n{body}\n",
                             Metadata(title="" if title else "會長報告", language="zh-HK"))[0]
            for first, second in ((chinese, english), (english, chinese))]
    for document in read:
        byline = document.byline
        assert document.metadata.title == "會長報告"
        assert byline is not None and (
            byline.name in chinese and english.endswith(byline.parallel.split()[-1])
            or byline.name.replace("\u00a0", " ") in english and byline.parallel == chinese)
        assert [type(block).__name__ for block in document.blocks] == ["Paragraph"] * 2
