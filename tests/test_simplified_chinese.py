"""Simplified Chinese (zh-Hans): texts wholly in Simplified Chinese, of two Hong Kong bodies, in
the scraped style (tests/simplified_chinese_texts/), and an English text holding a Simplified
phrase and a Traditional one; read, built by doit into every edition and looked at from the
outside (pdffonts, pdftotext, pikepdf, python-docx), as tests/test_chinese.py does for
Traditional Chinese."""

import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import docx
import pikepdf
import pytest
import uharfbuzz as hb
from docx.oxml.ns import qn

from pipeline.checks.preflight import preflight
from pipeline.languages import DEFAULT, PROFILES, detect, phrases, profile_for, text_language
from pipeline.languages.chinese import CHINESE
from pipeline.languages.han_variants import SIMPLIFIED, TRADITIONAL
from pipeline.languages.simplified_chinese import SIMPLIFIED_CHINESE
from pipeline.layouts import load_layout
from pipeline.model import (
    Document,
    Figure,
    Heading,
    List,
    Metadata,
    Paragraph,
    SignOff,
    Span,
    plain,
)
from pipeline.pdf.structure import structure_elements
from pipeline.readers.cleaning import clean_row, reading_in
from pipeline.readers.docx.draft import docx_document
from pipeline.readers.markup import read_markup
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped, scraped_document
from pipeline.readers.scraped.structure import PAGE_TITLE
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.html import render_html
from pipeline.writers.markup import write_markup
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT
from .support import copy_project, doit, spoken_languages, squash
from .test_chinese import CLOSING, OPENING, SENTENCE, characters, fonts, lines, model, output
from .test_docx_writer import libreoffice_converted

TEXTS = Path(__file__).parent / "simplified_chinese_texts"
SIMPLIFIED_NAMES = ["drainage-director-review", "library-director-message",
                    "lvyuan-foundation-chair"]
MIXED_NAME = "trade-council-chair"
LAYOUTS = ["print", "screen", "large-print"]
# Traditional texts of the other tests: every one stays zh-HK.
TRADITIONAL_TEXTS = [path for folder in ("chinese_texts", "typeset_texts", "texts")
                     for path in sorted((ROOT / "tests" / folder).rglob("*.txt"))]


def read(name: str) -> Document:
    path = TEXTS / f"{name}.txt"
    return read_scraped(path, load_metadata(path.with_suffix(".toml"), LAYOUTS))[0]


# --- Language ------------------------------------------------------------------------------


def test_the_language_comes_from_the_characters():
    assert detect("二〇二四年是本署成立四十周年，也是香港应对极端天气的关键一年。") is SIMPLIFIED_CHINESE
    assert detect("二〇二四年是本處成立一百周年，也是香港港口轉型的關鍵一年。") is CHINESE
    assert detect("The Shanghai Trade Office (上海贸易办事处) helped us find new markets.") is DEFAULT
    text = (TEXTS / "drainage-director-review.txt").read_text(encoding="utf-8")
    assert text_language(text) == "zh-Hans"
    assert text_language(text, "zh-HK") == "zh-HK"  # the metadata's, when it names one


def test_a_traditional_text_naming_its_simplified_page_stays_traditional():
    text = "繁體 | 简体 | English\n\n海港事務監督報告\n\n本年度港內並無發生嚴重海上事故。\n"
    assert text_language(text) == "zh-HK"
    assert not SIMPLIFIED_CHINESE.holds("繁體中文 | 简体 | 本處報告")  # more Traditional
    assert SIMPLIFIED_CHINESE.holds("这是我们的港口")


@pytest.mark.parametrize("path", TRADITIONAL_TEXTS, ids=lambda path: path.stem)
def test_no_traditional_or_english_text_of_the_other_tests_reads_as_simplified(path):
    text = path.read_text(encoding="utf-8")
    assert text_language(text) != SIMPLIFIED_CHINESE.tag


@pytest.mark.parametrize(("tag", "profile"), [
    ("zh-Hans", SIMPLIFIED_CHINESE), ("zh-Hans-HK", SIMPLIFIED_CHINESE),
    ("zh-CN", SIMPLIFIED_CHINESE), ("zh-SG", SIMPLIFIED_CHINESE), ("ZH-hans", SIMPLIFIED_CHINESE),
    ("zh-HK", CHINESE), ("zh-Hant", CHINESE), ("zh-Hant-HK", CHINESE), ("zh", CHINESE),
    ("zh-TW", CHINESE), ("en-GB", DEFAULT),
])
def test_the_tags_it_answers(tag, profile):
    assert profile_for(tag) is profile


def test_it_is_registered_before_traditional_chinese():
    assert PROFILES.index(SIMPLIFIED_CHINESE) < PROFILES.index(CHINESE)
    assert SIMPLIFIED_CHINESE.script == CHINESE.script


def test_the_characters_that_tell_the_two_apart():
    assert set("这们说国来时会对发经学") <= set(SIMPLIFIED)
    assert set("這們說國來時會對發經學髮") <= set(TRADITIONAL)
    assert not set(SIMPLIFIED) & set(TRADITIONAL)
    # Written in Hong Kong's Traditional texts too, or the same in both: never a sign.
    assert not set("着里后干台云面只的是和港") & set(SIMPLIFIED + TRADITIONAL)


def test_each_phrase_inside_english_is_tagged_with_its_own_chinese():
    text = "Our motto, 「同心協力」, and our office, 上海贸易办事处, opened."
    assert [(piece, profile) for piece, profile in phrases(text, DEFAULT) if profile] == [
        ("「同心協力」", CHINESE), ("上海贸易办事处", SIMPLIFIED_CHINESE)]
    assert phrases("我们的港口和主席報告", SIMPLIFIED_CHINESE) == [("我们的港口和主席報告", None)]
    assert SIMPLIFIED_CHINESE.dominates("我们会继续为香港和内地的企业搭建合作的桥梁。")
    assert not SIMPLIFIED_CHINESE.dominates("Chair's Statement 主席报告")


# --- Cleaning ------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "clean"), [
    ('他说:"我们会继续\'同心协力\'的精神."', "他说：“我们会继续‘同心协力’的精神。”"),
    ('推出"蓝绿建设"指引,在新发展区', "推出“蓝绿建设”指引，在新发展区"),
    ('他说"好",然后离开', "他说“好”，然后离开"),  # a mark beside a quote is Chinese too
    ("应变...完成", "应变……完成"),
    ("变化--数码化", "变化——数码化"),
    ("本年度,我们完成了 ; 并且 : 好吗?", "本年度，我们完成了；并且：好吗？"),
    ("共2,700宗,约2.98亿元,升41%", "共2,700宗，约2.98亿元，升41%"),
    ("香港(九龙)的排水", "香港（九龙）的排水"),
    ("2024 年处理了约 2.98 亿立方米", "2024年处理了约2.98亿立方米"),
    ("主席报告 Chairman's Report", "主席报告 Chairman’s Report"),
])
def test_simplified_cleaning_follows_the_house_style_with_the_mainland_quotes(raw, clean):
    assert SIMPLIFIED_CHINESE.typeset(raw) == clean
    assert SIMPLIFIED_CHINESE.typeset(clean) == clean
    assert characters(clean) == characters(raw)  # words, characters and figures kept


def test_a_chinese_line_quoting_a_long_english_title_is_cleaned_as_chinese():
    """More English words than Han characters, but Chinese's own marks (，：): the line is the
    document's, its quotes the mainland's, not English's single ones (nor its dash)."""
    line = ("学术报告：Dr. Sarah Mitchell (University of Cambridge) — “Microplastics in Urban "
            "Rivers: What We Know and What We Don't”，地点：环境楼A302报告厅")
    with reading_in("zh-CN"):
        cleaned = clean_row(line)
    assert "“Microplastics in Urban Rivers: What We Know and What We Don’t”，地点" in cleaned
    assert "‘" not in cleaned and "\u2013" not in cleaned


def test_traditional_cleaning_keeps_its_corner_brackets():
    assert CHINESE.typeset('他說"好",然後離開') == "他說「好」，然後離開"


# --- Reading -------------------------------------------------------------------------------


def test_a_simplified_review_reads_as_title_byline_list_figures_sign_off_and_notes():
    document = read("drainage-director-review")
    assert document.metadata.language == "zh-Hans"
    assert (document.metadata.title, document.metadata.organisation) == ("署长回顾", "渠务署")
    assert (document.byline.role, document.byline.name) == ("渠务署署长", "欧阳志豪")
    assert document.byline.text == "渠务署署长 欧阳志豪"  # the role before the name
    assert [heading.text for heading in document.headings] == [
        "防洪工作", "污水处理", "展望将来", "注释"]
    assert [figure.text for figure in document.figures] == [
        "启德雨水排放隧道的入口。", "昂船洲污水处理厂的新消毒设施。"]
    (listed,) = [block for block in document.blocks if type(block).__name__ == "List"]
    assert listed.style == "trad-chinese-informal" and len(listed.items) == 3
    (sign_off,) = [block for block in document.blocks if type(block).__name__ == "SignOff"]
    assert ["".join(span.text for span in line) for line in sign_off.lines] == [
        "渠务署署长", "欧阳志豪", "二〇二五年三月"]
    notes = [block for block in document.blocks if type(block).__name__ == "Note"]
    assert [note.label for note in notes] == ["1", "2"]
    assert SIMPLIFIED_CHINESE.shown_date(document.metadata.date) == "2024年12月"
    body = "".join(document.texts())
    for debris in ("跳至主要内容", "简体", "首页", "回到页首", "版权所有"):
        assert debris not in body


def test_a_line_of_either_chinese_is_typeset_in_the_documents():
    """A line holding no character only one Chinese writes, or more of the other's (a quoted
    name), is set as its document's Chinese: its quotes are the document's."""
    simplified = read("drainage-director-review")
    assert "“安心”二字，正是市民的心意。" in [p.text for p in simplified.paragraphs]
    text = "港口報告\n\n本處的工作。\n\n\"这个\"二字,是市民的心意。\n"
    traditional, _ = scraped_document("x", text, Metadata(title=""))
    assert traditional.metadata.language == "zh-HK"
    assert traditional.paragraphs[-1].text == "「这个」二字，是市民的心意。"


@pytest.mark.parametrize("name", SIMPLIFIED_NAMES)
def test_every_simplified_sentence_is_read_once(name):
    document = read(name)
    source = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    body = "".join(document.texts())
    for paragraph in document.paragraphs:
        for sentence in SENTENCE.findall(paragraph.text):
            if len(sentence) > 1:  # not a note's reference, "1"
                assert body.count(sentence) == 1, sentence
    assert set(characters(body)) <= set(characters(source))  # nothing invented


def test_another_body_and_byline():
    document = read("library-director-message")
    assert (document.byline.role, document.byline.name) == ("公共图书馆馆长", "林晓雯博士")
    assert document.metadata.language == "zh-Hans"


def test_a_forwarded_mail_reads_as_its_own_title_byline_list_and_sign_off():
    """A mail forwarded to the publications unit: the headers, greeting, forwarder's note,
    contact lines and notice go; the text's own title (not the subject's "定稿"), its byline,
    its items numbered 1、 2、 3、 as a list written so, its sign-off."""
    document = read("museum-director-mail")
    assert document.metadata.title == "馆长致辞"
    assert (document.byline.role, document.byline.name) == ("城市博物馆馆长", "李文华")
    (listed,) = [block for block in document.blocks if isinstance(block, List)]
    assert (listed.style, listed.marker, len(listed.items)) == ("decimal", "%\u3001", 3)
    assert listed.labels() == ["1\u3001", "2\u3001", "3\u3001"]
    assert isinstance(document.blocks[-1], SignOff)


def test_a_wechat_article_reads_without_its_accounts_furniture():
    """A library's article copied out of WeChat: the prompt to follow the account, the line
    naming it with the date and time it was posted (the document's date), the end mark, the
    articles recommended under it and the app's buttons go; the title, list and sign-off
    stay."""
    document, report = read_scraped(TEXTS / "library-wechat-review.txt", Metadata(title=""))
    assert document.metadata.title == "馆长寄语｜2024年，我们一起读过的书"
    assert document.metadata.date == "2025-01-08"
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Paragraph", "List", "Paragraph", "SignOff"]
    assert document.blocks[-1].texts == ["馆长 李文清", "2025年1月"]
    assert report["web_page_debris"] == 22


def test_a_government_page_reads_without_its_tools_and_dated_by_its_row_of_links():
    """A bureau's page: its breadcrumb, its row of source, date (in figures) and tools, its
    bracketed tools, sharing, phone and site footer go; the date is the text's."""
    document, report = read_scraped(TEXTS / "water-bureau-review.txt", Metadata(title=""))
    assert (document.metadata.title, document.metadata.date) == ("局长致辞", "2025-03-14")
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Paragraph", "List", "Paragraph", "SignOff"]
    assert document.blocks[-1].texts == ["市水务局局长 王建国", "2025年3月"]
    assert report["web_page_debris"] == 9


def test_a_pages_print_and_share_row_over_its_headline_goes_and_the_headline_titles_it():
    """`打印本页 分享到： 微信 微博`, a page's print link and its share link naming the networks,
    over the headline: the page's, gone, the headline the title (the row had titled the
    text, and been every page's running head, the headline an ordinary heading)."""
    text = ("首页 > 信息公开 > 工作报告\n打印本页 分享到： 微信 微博 豆瓣\n"
            "滨江市图书馆2024年度工作报告\n一、总体情况\n"
            "2024年，全馆接待读者126万人次，同比增长8.2%，新增藏书4.3万册。\n")
    document, report = scraped_document("page", text, Metadata(title=""))
    assert document.metadata.title == "滨江市图书馆2024年度工作报告"
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["打印本页 分享到：微信 微博 豆瓣"] == "web page debris: print or share link"


def test_a_library_pages_line_of_fields_and_type_size_goes_and_dates_it():
    """A city library's report page: its line of fields (`发布时间：2025-03-15 来源：市图书馆
    字号：大 中 小`, the type's size among them) is its dateline, gone, the date the text's
    (it had been the first paragraph); its numbered headings nest, its table typed with
    full-width spaces is one."""
    document, report = read_scraped(TEXTS / "city-library-work-report.txt", Metadata(title=""))
    assert (document.metadata.title, document.metadata.date) == ("二〇二四年度工作报告",
                                                                 "2025-03-15")
    assert type(document.blocks[0]).__name__ == "Heading" and document.blocks[0].text == (
        "一、总体情况")
    assert [type(block).__name__ for block in document.blocks].count("Table") == 1
    assert "字号" not in " ".join(block.text for block in document.blocks
                                if isinstance(block, (Paragraph, Heading)))
    assert report["web_page_debris"] == 4


def test_a_university_news_page_reads_as_its_headline_and_address_without_its_furniture():
    """A university's news page: the site's name over its menu and breadcrumb, the dateline
    of fields parted by runs of spaces (its date the text's), the sharing row, the links to
    the articles before and after it, the editors' credits, the postal address and the
    site's ICP registration go; the headline the dateline stands under, too long to be read
    as a heading, is the title; the greeting stands apart, the numbered sections stay."""
    document, report = read_scraped(TEXTS / "donghu-graduate-dean-address.txt",
                                    Metadata(title=""))
    assert document.metadata.title == "做有温度的研究者——研究生院院长在2025级研究生开学典礼上的讲话"
    assert document.metadata.date == "2025-09-06"
    reasons = {drop["text"].split("：")[0]: drop["reason"] for drop in report["dropped"]}
    assert reasons["东湖理工大学新闻网"] == "web page debris: navigation over the title"
    assert reasons["发布时间"] == "web page debris: dateline"
    assert reasons["分享到"] == "web page debris: print or share link"
    assert reasons["上一篇"] == reasons["下一篇"] == (
        "web page debris: previous or next article link")
    assert reasons["责任编辑"] == "web page debris: the editors the page credits"
    assert reasons["地址"] == "web page debris: page footer"
    texts = [block.text for block in document.blocks if isinstance(block, Heading)]
    assert texts == ["一、对问题保持好奇", "二、对同伴保持善意", "三、对社会保持责任"]
    assert plain(document.blocks[-1].spans) == "谢谢大家！"
    assert "亲爱的同学们：" in [plain(block.spans) for block in document.blocks
                             if isinstance(block, Paragraph)]


def test_a_headline_and_its_dashed_subtitle_under_the_pages_title():
    """A foundation's page: its title ("理事长致辞", written twice), its dateline in brackets
    with its source and author ("【发布时间：2025-03-18】 来源：… 作者：…"), then the piece's
    own headline over its subtitle, which a dash opens (副题), no blank line before the text.
    The headline is the title and the dashed line its subtitle, the page's title listed in
    the report; the dateline dates the text. The subtitle had run into the first paragraph
    ("——2024年度理事长致辞2024年，…"), the dateline had been that paragraph, and the
    headline a heading."""
    path = TEXTS / "lvyuan-foundation-chair.txt"
    document, report = read_scraped(path, load_metadata(path.with_suffix(".toml"), LAYOUTS))
    metadata = document.metadata
    assert (metadata.title, metadata.subtitle, metadata.date) == (
        "风雨兼程 不负所托", "——2024年度理事长致辞", "2025-03-18")
    assert document.blocks[0].text.startswith("2024年，是基金会成立十周年。")
    reasons = {(drop["text"], drop["reason"]) for drop in report["dropped"]}
    assert ("理事长致辞", PAGE_TITLE) in reasons
    assert ("【发布时间：2025-03-18】 来源：绿源环境基金会 作者：基金会办公室",
            "web page debris: dateline") in reasons
    assert report["web_page_debris"] == 8
    # The chair's name written twice under the line where the portrait stood: its caption.
    (portrait, _) = [block for block in document.blocks if isinstance(block, Figure)]
    assert plain(portrait.caption) == "理事长 陈立新"
    assert document.blocks[-1].texts == ["理事长 陈立新", "2025年3月"]


@pytest.mark.slow
def test_items_numbered_with_the_ideographic_comma_survive_every_form(tmp_path):
    """1、 in the editions (no space after the comma, which holds its own), in the DOCX draft
    (Word's level text "%1、") read back by python-docx and after LibreOffice saves it, and in
    the marked-up form; a paragraph opening "2024、" stays a paragraph there."""
    document = read("museum-director-mail")
    document = replace(document, blocks=(
        Paragraph((Span("2024、2025两年的观众人数均创新高。"),)), *document.blocks))
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    assert 'data-label="1\u3001"' in html and 'class="decimal with-ideographic-comma"' in html
    draft = tmp_path / "draft.docx"
    draft.write_bytes(write_docx(document, load_layout(ROOT / "layouts", "print"), TEXTS))
    assert "%1\u3001" in docx.Document(str(draft)).part.numbering_part.element.xml
    for saved in (draft, libreoffice_converted(draft, "docx:MS Word 2007 XML")):
        assert docx_document(saved.read_bytes(), saved, document.metadata).blocks == (
            document.blocks)
    markup = write_markup(document)
    assert "2024\\、2025" in markup and "\n1\u3001 " in markup
    assert read_markup(markup, Path("x.md"), document.metadata, TEXTS).blocks == document.blocks


def test_a_byline_written_once_under_the_title_names_a_person_in_simplified_forms():
    text = "署长回顾\n\n渠务署署长 欧阳志豪\n\n本年度没有发生严重水浸。\n\n我们会继续努力。\n"
    document, _ = scraped_document("x", text, Metadata(title=""))
    assert (document.byline.role, document.byline.name) == ("渠务署署长", "欧阳志豪")
    assert SIMPLIFIED_CHINESE.names_person("公共图书馆馆长 林晓雯博士")
    assert not SIMPLIFIED_CHINESE.names_person("渠务署署长 排水工程")


def test_notes_under_a_simplified_heading_and_a_byline_after_a_comma():
    text = ("排水报告\n\n欧阳志豪,渠务署署长\n欧阳志豪,渠务署署长\n\n本年度没有发生水浸。[1]\n\n"
            "附注\n\n[1] 数字由天文台录得。\n")
    document, _ = scraped_document("x", text, Metadata(title=""))
    assert document.metadata.language == "zh-Hans"
    assert document.byline.text == "渠务署署长 欧阳志豪"
    (note,) = [block for block in document.blocks if type(block).__name__ == "Note"]
    assert note.text == "数字由天文台录得。"


def test_a_simplified_postscript_follows_the_sign_off():
    text = ("馆长的话\n\n过去一年,图书馆接待读者一千八百万人次。\n\n我们会继续为读者服务。\n\n"
            "公共图书馆馆长\n林晓雯\n二〇二五年五月\n\n附笔:新馆将于六月二日开放,欢迎参观。\n")
    document, _ = scraped_document("x", text, Metadata(title=""))
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Paragraph", "SignOff", "Paragraph"]
    assert document.blocks[-1].text == "附笔：新馆将于六月二日开放，欢迎参观。"


def test_an_english_text_keeps_its_simplified_and_traditional_phrases():
    document = read(MIXED_NAME)
    assert document.metadata.language == "en-GB"
    assert {profile.tag for profile in document.scripts} == {"zh-Hans", "zh-HK"}


# --- HTML and faces --------------------------------------------------------------------------


def test_the_html_is_tagged_zh_hans_and_names_the_chinese_faces_first():
    layout = load_layout(ROOT / "layouts", "print")
    simplified = render_html(read("drainage-director-review"), layout)
    assert '<html lang="zh-Hans">' in simplified
    assert 'lang="zh-HK"' not in simplified.split("<body>")[1]  # no Chinese in Chinese
    assert '"Noto Serif CJK TC", "Noto Serif"' in simplified
    mixed = render_html(read(MIXED_NAME), layout)
    assert '<span lang="zh-Hans" class="phrase">上海贸易办事处</span>' in mixed
    # A paragraph wholly in Chinese is in Chinese itself, as its lines are set.
    assert re.search('<p data-block="[0-9]+" lang="zh-Hans"[^>]*>我们会继续为香港和内地的企业搭建合作的桥梁，',
                     mixed)
    assert '<span lang="zh-HK" class="phrase">「同心協力」</span>' in mixed


def shaped(font: Path, text: str, language: str) -> list[int]:
    """The glyphs HarfBuzz sets `text` in with `font`, for `language`."""
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.language = language
    hb.shape(hb.Font(hb.Face(hb.Blob.from_file_path(str(font)))), buffer, {})
    return [info.codepoint for info in buffer.glyph_infos]


# 。， at the bottom left of the em box, 直 and 骨 as the mainland writes them (clreq, GB).
LOCAL_FORMS = "，。直骨"


@pytest.mark.parametrize("face", ["NotoSerifCJKtc-Regular.otf", "NotoSansCJKtc-Regular.otf",
                                  "NotoSansCJKtc-Bold.otf"])
def test_the_chinese_faces_hold_the_simplified_forms_their_locl_reaches(face):
    font = ROOT / "layouts" / "fonts" / face
    simplified = shaped(font, LOCAL_FORMS, "zh-Hans")
    traditional = shaped(font, LOCAL_FORMS, "zh-HK")
    assert all(simplified) and all(traditional)  # no .notdef
    assert all(hans != hant for hans, hant in zip(simplified, traditional, strict=True))
    assert shaped(font, "这国", "zh-Hans") == shaped(font, "这国", "zh-HK")  # no variants


def glyph_codes(pdf: bytes) -> set[int]:
    """The glyph ids the pages' text shows (two-byte codes: Identity-H)."""
    codes = set()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "TJ":
                    shown = b"".join(bytes(item) for item in operands[0]
                                     if isinstance(item, pikepdf.String))
                elif str(operator) == "Tj":
                    shown = bytes(operands[0])
                else:
                    continue
                codes |= {int.from_bytes(shown[i:i + 2], "big") for i in range(0, len(shown), 2)}
    return codes


@pytest.mark.slow
def test_the_pdf_sets_the_simplified_forms_of_a_simplified_document(tmp_path):
    """The same characters, in a document in each Chinese: the renderer passes the element's
    language to HarfBuzz, whose locl picks each one's forms, and the subset keeps them; a
    stop after Latin letters too (1.8mg/L，), which had been shaped in their script, in the
    Traditional form, in a document tagged zh-CN."""
    layout = load_layout(ROOT / "layouts", "screen")
    body = ROOT / "layouts" / "fonts" / "NotoSerifCJKtc-Regular.otf"
    text = "报告\n\n直骨，这国，“好”。总氮为1.8mg/L，仍高。\n"
    rendered = {}
    for language in ("zh-CN", "zh-HK"):  # zh-CN: the renderer knows its script, Han alone
        document, _ = scraped_document("x", text, Metadata(title="", language=language))
        rendered[language] = glyph_codes(render_pdf(document, layout, tmp_path))
    for language, other in (("zh-CN", "zh-HK"), ("zh-HK", "zh-CN")):
        wanted = set(shaped(body, "直骨，", language))
        assert wanted <= rendered[language]
        assert not wanted & rendered[other] - set(shaped(body, "直骨，", other))


# Stops with no Han character beside them in their box: between two English phrases, before
# a closing quote after one, after a closing quote at a paragraph's end.
STOPS_APART = ("本会与ICOM、IFLA携手；伙伴还有UNDP、WWF及本地团体。\n\n馆长称之为“Living "
               "Archive。”此外，目标是“Open Access”。\n")


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh-Hans", "zh-CN"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_stop_with_no_han_character_beside_it_is_set_in_its_simplified_form(language,
                                                                               layout, tmp_path):
    """A stop alone in its box, of no script, which the faces' locl left in its default,
    Traditional form (centred), is drawn in the Simplified form (bottom left) in every
    edition, and spoken in the document's language in the tagged ones."""
    face = "NotoSansCJKtc-Regular.otf" if layout == "large-print" else "NotoSerifCJKtc-Regular.otf"
    body = ROOT / "layouts" / "fonts" / face
    document, _ = scraped_document("x", f"报告\n\n{STOPS_APART}",
                                   Metadata(title="", language=language))
    pdf = render_pdf(document, load_layout(ROOT / "layouts", layout), tmp_path)
    rendered = glyph_codes(pdf)
    for stop in "、。":
        assert shaped(body, f"会{stop}", language)[1] in rendered
        assert shaped(body, f"會{stop}", "zh-HK")[1] not in rendered, stop
    if layout != "print":
        with pikepdf.open(io.BytesIO(pdf)) as opened:
            stops = {spoken for piece, spoken in spoken_languages(opened)
                     if piece.strip() and set(piece.strip()) <= set("、。”")}
        assert stops == {language}, stops


@pytest.mark.slow
def test_a_range_between_figures_is_never_parted_at_its_dash(tmp_path):
    """GB/T 15834's connecting mark between two figures ("2023—2024年度", "1～3月") neither
    starts nor ends a line (clreq 3.1.7): the renderer, which may break on either side of
    an em or wave dash, keeps the range whole wherever it falls in a large-print line."""
    import subprocess

    paragraphs = "\n\n".join(f"{'基金会' * (count // 3)}{'年' * (count % 3)}对2023—2024年度"
                               f"的项目进行了评估，并将于1～3月公布结果。"
                               for count in range(1, 24))
    document, _ = scraped_document("x", paragraphs, Metadata(title="评估", language="zh-CN"))
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", "large-print"), tmp_path))
    lines = [line.strip() for line in subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
        check=True).stdout.splitlines() if line.strip()]
    assert not [line for line in lines if line.startswith(("—", "～")) or line.endswith(
        ("—", "～"))], lines


# --- Every edition, built --------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("simplified") / "project", library=False)
    for path in (folder / "source").iterdir():
        path.unlink()  # the Simplified texts alone
    for path in TEXTS.iterdir():
        shutil.copy(path, folder / "source" / path.name)
    result = doit(folder, "model", "pdf", "docx", "preflight")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", [*SIMPLIFIED_NAMES, MIXED_NAME])
def test_every_font_is_embedded_and_subset(project, name, layout):
    rows = fonts(output(project, name, f"-{layout}.pdf"))
    assert rows
    for row in rows:
        assert row[-5:-3] == ["yes", "yes"], row  # emb, sub
        assert re.fullmatch(r"[A-Z]{6}\+.+", row[0]), row
    if name != MIXED_NAME:
        names = {row[0].split("+")[1] for row in rows}
        assert "Noto-Sans-CJK-TC" in names or "Noto-Sans-CJK-TC-Bold" in names


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_the_language_is_tagged_in_the_pdf(project, layout):
    with pikepdf.open(output(project, "drainage-director-review", f"-{layout}.pdf")) as pdf:
        assert str(pdf.Root.Lang) == "zh-Hans"
        assert not [element for element in structure_elements(pdf.Root.StructTreeRoot)
                    if "/Lang" in element]  # all of it the document's language
    with pikepdf.open(output(project, MIXED_NAME, f"-{layout}.pdf")) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        tagged = sorted((str(element.get("/Lang")), str(element.S))
                        for element in structure_elements(pdf.Root.StructTreeRoot)
                        if "/Lang" in element)
        assert tagged == [("zh-HK", "/Span"), ("zh-Hans", "/P"), ("zh-Hans", "/Span")], tagged


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_the_preflight_finds_simplified_chinese_left_without_its_language(project, layout,
                                                                          tmp_path):
    path = output(project, MIXED_NAME, f"-{layout}.pdf")
    document = model(project, MIXED_NAME)
    edition_layout = load_layout(project / "layouts", layout)
    assert not preflight(path, document, edition_layout).errors
    with pikepdf.open(path) as pdf:
        for element in structure_elements(pdf.Root.StructTreeRoot):
            if str(element.get("/Lang", "")) == "zh-Hans":
                del element.Lang
        pdf.save(tmp_path / "untagged.pdf")
    report = preflight(tmp_path / "untagged.pdf", document, edition_layout)
    failed = {check.rule: check.message for check in report.checks if not check.passed}
    assert set(failed) == {"simplified-chinese-language"}, failed  # not Traditional's too
    assert "Simplified Chinese text without a Simplified Chinese /Lang, as '上海贸易办事处'" in (
        failed["simplified-chinese-language"])


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", SIMPLIFIED_NAMES)
def test_lines_break_by_the_chinese_rules_and_every_sentence_is_set_once(project, name,
                                                                         layout):
    found = lines(output(project, name, f"-{layout}.pdf"))
    for _, _, _, text in found:
        assert not text.startswith(tuple(CLOSING + "”’")), text
        assert not text.endswith(tuple(OPENING + "“‘")), text
    def unnumbered(text: str) -> str:  # pdftotext finds a raised note call on a line of its own
        return re.sub(r"\d", "", squash(text))

    text = unnumbered("".join(line[3] for line in found))
    for paragraph in model(project, name).paragraphs:
        for sentence in SENTENCE.findall(paragraph.text):
            if len(sentence) > 1:
                assert text.count(unnumbered(sentence)) == 1, sentence


@pytest.mark.slow
def test_the_simplified_draft_names_its_east_asian_fonts_and_language(project):
    draft = docx.Document(str(output(project, "drainage-director-review", ".docx")))
    styles = draft.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "Noto Serif CJK TC"
    heading = draft.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "Noto Sans CJK TC"
    assert not any(draft.styles[name].font.italic for name in ("Subtitle", "Caption"))
    langs = {(lang.get(qn("w:val")), lang.get(qn("w:eastAsia")))
             for lang in styles.iter(qn("w:lang"))}
    # Word's and LibreOffice's Simplified Chinese; its English words in English.
    assert langs == {("en-GB", "zh-CN")}
    mixed = docx.Document(str(output(project, MIXED_NAME, ".docx")))
    langs = {lang.get(qn("w:val")) for lang in mixed.styles.element.iter(qn("w:lang"))}
    assert langs == {"en-GB"}


@pytest.mark.slow
@pytest.mark.parametrize("name", SIMPLIFIED_NAMES)
def test_the_simplified_draft_reads_back_unchanged(project, name):
    path = output(project, name, ".docx")
    written = model(project, name)
    read_back = docx_document(path.read_bytes(), path, written.metadata)
    assert read_back.blocks == written.blocks
    assert read_back.byline == written.byline
    assert read_back.metadata == written.metadata


@pytest.mark.slow
def test_libreoffice_shows_the_simplified_draft_in_the_chinese_faces(project, tmp_path):
    shutil.copy(output(project, "drainage-director-review", ".docx"), tmp_path / "draft.docx")
    text = libreoffice_converted(tmp_path / "draft.docx", "txt:Text (encoded):UTF8").read_text(
        encoding="utf-8-sig")
    written = model(project, "drainage-director-review")
    shown = [heading.text for heading in written.headings] + [
        "".join(span.text for span in paragraph.spans if not span.note)  # Word numbers notes
        for paragraph in written.paragraphs]
    for block in shown:
        assert block in text
    shutil.copy(output(project, "drainage-director-review", ".docx"), tmp_path / "shown.docx")
    names = {row[0].split("+")[-1] for row in fonts(
        libreoffice_converted(tmp_path / "shown.docx", "pdf"))}
    assert any(name.startswith("NotoSerifCJK") for name in names), names


def test_headings_numbered_four_ways_nest_as_they_were_met():
    # A mainland report's 一、 over （一） over 1. over （1） (GB/T 9704-2012, 7.3.3); the
    # second section's heading over its first subsection's, no paragraph between, is one too.
    text = ("一、总体情况\n\n本年度基金会各项工作稳步推进，收入增长百分之十二。\n\n二、项目进展\n\n"
            "（一）教育项目\n\n1. 项目概况\n\n本年度新建书屋一百二十六间，惠及学生逾万人。\n\n"
            "（1）云南省\n\n云南省新建书屋四十五间。\n\n2. 资金使用\n\n资金使用率达百分之九十八。")
    document = scraped_document("report", text, Metadata(title="工作报告",
                                                         language="zh-Hans"))[0]
    assert [(block.text, block.level) for block in document.blocks
            if isinstance(block, Heading)] == [
        ("一、总体情况", 1), ("二、项目进展", 1), ("（一）教育项目", 2), ("1. 项目概况", 3),
        ("（1）云南省", 4), ("2. 资金使用", 3)]


def test_the_preflight_reads_a_simplified_line_in_its_own_language():
    # Han characters dominate it, as they would a Traditional one: it is the document's
    # line all the same, counted on the measure.
    from pipeline.checks.preflight.typography_rules import line_language
    from pipeline.languages import profile_for

    simplified = profile_for("zh-Hans")
    assert line_language("基金会严格执行公益支出不低于上年收入的规定", simplified) is simplified
    assert line_language("The Foundation's annual report", simplified) is profile_for("en-GB")


def test_a_notices_attachments_are_lines_each_numbered_in_turn():
    """GB/T 9704 (7.3.5): an official notice lists what it attaches under its text, each on
    its line ("附件：1.…" over "2.…", the later ones indented to the first): lines kept as
    lines, their numbers with their points, where they had run together into one sentence
    ("附件：1。东湖…示意图2.西城…")."""
    from pipeline.model import LineBlock

    text = ("关于临时停水的通知\n\n各有关单位：\n\n"
            "　　我局定于2025年3月20日至4月30日对城区部分老旧供水管网实施改造。\n\n"
            "附件：1.东湖片区停水范围示意图\n　　　2.西城片区停水范围示意图\n"
            "　　　3.南岸片区停水范围示意图\n\n沿江市水务局\n2025年3月14日\n")
    document, _ = scraped_document("notice", text, Metadata(title="", language="zh-Hans"))
    attachments = next(block for block in document.blocks if isinstance(block, LineBlock))
    assert [plain(line) for line in attachments.lines] == [
        "附件：1.东湖片区停水范围示意图", "2.西城片区停水范围示意图", "3.南岸片区停水范围示意图"]



@pytest.mark.slow
def test_a_signature_never_stands_alone_under_the_attachments_it_follows(tmp_path):
    """The notice's signature, alone on its large print's last page, takes the attachments'
    lines over it with it (the lines kept with the block after them, as a paragraph is)."""
    path = TEXTS / "yanjiang-water-notice.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["large-print"]))[0]
    layout = load_layout(ROOT / "layouts", "large-print")
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(render_pdf(document, layout, TEXTS))
    with pikepdf.open(pdf) as opened:
        last = len(opened.pages)
    text = subprocess.run(["pdftotext", "-f", str(last), "-l", str(last), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "附件" in text and "沿江市水务局" in text
    typography = next(check for check in preflight(pdf, document, layout).checks
                      if check.rule == "typography")
    assert "holds only the sign-off" not in typography.message


@pytest.mark.slow
def test_a_totals_rows_chinese_words_are_set_in_a_face_that_has_a_bold(tmp_path):
    """"约27,400户" in a totals row: its figures bold in the body's tabular face, its words
    in the bold Hei; the Ming has no bold, and a PDF naming a "Noto Serif CJK TC Bold" named
    a face that does not exist, its words set at regular weight beside bold figures."""
    path = TEXTS / "yanjiang-water-notice.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))[0]
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", "print"), TEXTS))
    with pikepdf.open(pdf) as opened:
        names = {str(font.BaseFont) for page in opened.pages
                 for font in page.Resources.Font.values()}
    assert any("Sans-CJK-TC-Bold" in name for name in names), names
    assert not [name for name in names if "Serif-CJK" in name and "Bold" in name], names


def test_a_speechs_title_over_a_note_in_brackets_its_speaker_and_its_address():
    """A mainland work-meeting speech: the title over a note on the text in brackets
    (`（根据录音整理）`, which had been the title, the title its subtitle), the speaker under
    them the byline; `同志们：` addresses the audience, a greeting set flush (頂格), and the
    thanks closing it (`谢谢大家！`) no greeting but a paragraph as any other."""
    from pipeline.writers.flush import flush_left

    path = TEXTS / "water-bureau-work-meeting-speech.txt"
    document = read_scraped(path, Metadata(title=""))[0]
    assert document.metadata.title == "在2025年度工作会议上的讲话"
    assert document.metadata.subtitle == "（根据录音整理）"
    assert (document.byline.name, document.byline.role) == ("王建国", "局长")
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert texts[0] == "同志们：" and texts[-1] == "谢谢大家！"
    assert flush_left(document.blocks) == {0}


def test_a_news_pages_prize_list_keeps_each_line_and_its_headline_titles_it():
    """A university's news page: its section's name under its breadcrumb (`学校新闻` under
    `首页 > 学校新闻 > 正文`) goes, the headline under it titling the page (the section's
    name had titled it); its line of fields with the date after them (`来源：… 作者：…
    浏览次数：… 发布时间：2025-08-21 16:32`) dates it; a prize list, a line an entry, keeps
    each line its own, the prizes' lines headings (they had run together, the last name of
    one entry against the next line's first word: `…指导教师：张国强二等奖（3项）`)."""
    path = Path(__file__).parent / "simplified_chinese_texts" / "university-news-prize-list.txt"
    document, _ = scraped_document("news", path.read_text(encoding="utf-8"), Metadata(title=""))
    assert document.metadata.title.startswith("我校学子在第十届")
    assert document.metadata.date == "2025-08-21"
    assert document.metadata.author == "李晓雯"  # its fields' 作者, a person's name
    assert [block.text for block in document.headings] == [
        "一等奖（2项）", "二等奖（3项）", "三等奖（4项）"]
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert not [text for text in texts if "张国强二等奖" in text or "冯丽近年来" in text]
    assert len([text for text in texts if text.startswith("《")]) == 9


def test_a_news_pages_fields_with_its_date_between_them_date_it_and_name_its_author():
    """`来源：… 作者：王晓燕 摄影：… 编辑：… 发布时间：2024-03-15 浏览次数：1286`: the page's
    line of fields, its readers' count after its date (it had been printed as the first
    paragraph), dates the page and names its author, a person (`来源`'s office is none); the
    caption the page wrote twice is a figure."""
    path = (Path(__file__).parent / "simplified_chinese_texts"
            / "university-exchange-meeting-news.txt")
    document, report = scraped_document("news", path.read_text(encoding="utf-8"),
                                        Metadata(title=""))
    assert document.metadata.date == "2024-03-15"
    assert document.metadata.author == "王晓燕"
    assert document.blocks[0].text.startswith("3月14日下午")
    assert [plain(block.caption) for block in document.figures] == ["图为会议现场。"]
    fields = next(drop for drop in report["dropped"] if drop["text"].startswith("来源"))
    assert fields["reason"] == "web page debris: dateline"
    text = path.read_text(encoding="utf-8").replace("作者：王晓燕", "作者：宣传部")
    document, _ = scraped_document("news", text, Metadata(title=""))
    assert document.metadata.author == "" and document.metadata.date == "2024-03-15"


def test_a_press_conference_pages_toolbar_in_one_line_goes_and_its_headline_titles_it():
    """`【字体：大 中 小】 打印本页 关闭窗口`, a page's tools on one line parted by single
    spaces (a space is gap enough in Chinese): the page's, gone (it had titled the release,
    the headline under it demoted to the subtitle, and been its running head)."""
    path = (Path(__file__).parent / "simplified_chinese_texts"
            / "environment-bureau-press-conference.txt")
    document, report = scraped_document("release", path.read_text(encoding="utf-8"),
                                        Metadata(title=""))
    assert document.metadata.title == "市生态环境局举行2024年上半年生态环境质量新闻发布会"
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["【字体：大 中 小】 打印本页 关闭窗口"] == "web page debris: page tools"


def test_a_press_conferences_questions_are_its_exchanges_never_headings():
    """`记者问：…？` over `张建国答：…`: each question a reporter asks opens an exchange, kept
    with its answer and set in bold as an interview's is; one of a single question had been
    a section's heading (the other, of two, a paragraph). A field whose word ends so
    (`顧問：`) is no question."""
    from pipeline.languages import QUESTION

    path = (Path(__file__).parent / "simplified_chinese_texts"
            / "environment-bureau-press-conference.txt")
    document, _ = scraped_document("release", path.read_text(encoding="utf-8"),
                                   Metadata(title=""))
    assert not [block.text for block in document.headings if block.text.startswith("记者问")]
    asked = [block.text for block in document.blocks if isinstance(block, Paragraph)
             and block.text.startswith("记者问：")]
    assert len(asked) == 2 and all(QUESTION.match(text) for text in asked)
    assert not QUESTION.match("顧問：陳大文先生")


# --- An official notice (GB/T 9704) ---------------------------------------------------------

NOTICE = "qinghe-district-notice"


def test_a_notices_title_is_its_own_under_its_number_and_issuer():
    """A district office's 通知, no metadata but its file: the issuer's name over the number
    (发文字号) over the title (…关于…的通知). The title is the notice's, the number its
    subtitle as written, the issuer its organisation; none of them a heading."""
    document = read(NOTICE)
    assert document.metadata.title == "清河区人民政府办公室关于开展2024年夏季安全生产大检查的通知"
    assert document.metadata.subtitle == "清区政办〔2024〕7号"
    assert document.metadata.organisation == "清河区人民政府办公室"
    assert document.blocks[0] == Paragraph((Span("各街道办事处，区政府各部门："),))


@pytest.mark.parametrize(("text", "signature", "note", "date"), [
    ("暫停開放公眾游泳池\n\n為配合維修工程，以下泳池將於六月暫停開放。不便之處，敬請原諒。",
     ["康樂及文化事務署", "二〇二四年五月二十七日"], "（聯絡人：陳先生，電話：2414 5555）",
     "2024-05-27"),
    ("关于暑期开放时间调整的通知\n\n根据工作安排，本馆暑期开放时间调整如下。\n\n特此通知。",
     ["滨江图书馆", "2024年6月28日"], "（联系人：李明，电话：8765 4321）", "2024-06-28"),
], ids=["zh-HK", "zh-Hans"])
def test_a_note_in_brackets_under_a_notices_signature_leaves_it_signed(text, signature, note,
                                                                         date):
    """A notice's contact note in brackets under its issuer and date: the issuer and date
    sign and date it, the note a paragraph after them. The two lines had run together into
    one paragraph (`康樂及文化事務署二〇二四年五月二十七日`), the notice undated."""
    document = scraped_document("notice", "\n\n".join([text, "\n".join(signature), note]),
                                Metadata(title=""))[0]
    assert isinstance(document.blocks[-2], SignOff)
    assert [plain(line) for line in document.blocks[-2].lines] == signature
    assert document.blocks[-1] == Paragraph((Span(note),))
    assert document.metadata.date == date


@pytest.mark.parametrize("enclosure", ["附件：暑期安全告家长书", "附件：1.暑期安全告家长书"])
def test_the_line_naming_what_a_notice_encloses_over_its_signature_is_the_texts(enclosure):
    """GB/T 9704 sets the line naming the enclosures (附件说明) under the text, over the
    issuer and the date: a paragraph of the text, the two under it the signature (it had
    been the signature's first line)."""
    text = ("关于做好暑期安全教育工作的通知\n\n各学校：\n\n暑期将至，为切实保障学生安全，"
            f"现就有关事项通知如下。\n\n{enclosure}\n\n滨江区教育局\n2024年6月28日\n")
    document = scraped_document("notice", text, Metadata(title=""))[0]
    assert document.blocks[-2] == Paragraph((Span(enclosure),))
    assert [plain(line) for line in document.blocks[-1].lines] == ["滨江区教育局", "2024年6月28日"]


def test_a_notices_closing_notes_are_paragraphs_and_its_signature_signs_and_dates_it():
    """The same notice's end: its contact note in brackets over the issuer and the date, its
    note on its publication in brackets, its copies (抄送) and its record of printing
    (印发) under them. The notes are paragraphs, never headings; the issuer and the date
    sign it, dating it."""
    document = read(NOTICE)
    assert [(type(block).__name__, block.text if isinstance(block, Paragraph) else " / ".join(
        plain(line) for line in block.lines)) for block in document.blocks[-6:]] == [
        ("Paragraph", "各单位要高度重视，落实责任，确保检查工作取得实效。"),
        ("Paragraph", "（联系人：王芳；联系电话：0571-86001234）"),
        ("SignOff", "清河区人民政府办公室 / 2024年6月3日"), ("Paragraph", "（此件主动公开）"),
        ("Paragraph", "抄送：区委办公室，区人大常委会办公室。"),
        ("Paragraph", "清河区人民政府办公室\u30002024年6月4日印发")]
    assert document.metadata.date == "2024-06-03"
