"""Chinese (zh-HK): texts wholly in Traditional Chinese, of three organisations, in the scraped
style (tests/chinese_texts/), and English texts holding Chinese lines, titles and names; read,
built by doit into every edition and looked at from the outside (pdftotext, pdffonts,
pikepdf, python-docx, LibreOffice)."""

import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from pipeline.checks.preflight import preflight
from pipeline.languages import DEFAULT, detect, phrases, text_language
from pipeline.languages.chinese import CHINESE
from pipeline.languages.simplified_chinese import SIMPLIFIED_CHINESE
from pipeline.layouts import load_layout
from pipeline.model import (
    Document,
    Figure,
    Heading,
    List,
    ListItem,
    Metadata,
    Note,
    Paragraph,
    Quotation,
    SignOff,
    Span,
    Table,
    from_json,
)
from pipeline.pdf.structure import structure_elements
from pipeline.readers.docx.draft import docx_document
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped, scraped_document
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.html import render_html
from pipeline.writers.html.blocks import header_lines, label_words
from pipeline.writers.pdf.render import render_pdf, stylesheet_files

from .conftest import ROOT
from .support import copy_project, doit, squash
from .test_docx_writer import libreoffice_converted
from .typesetting import MM, empty_share, measured, words_by_line

TEXTS = Path(__file__).parent / "chinese_texts"
CHINESE_NAMES = ["harbour-master-review", "hospital-chief-executive",
                 "university-president-report"]
MIXED_NAMES = ["harbour-trust-chairman", "medical-dean-welcome"]
# A report without figures whose last line, as the renderer breaks it, stands alone on a page.
LONE_LINE = "library-director-report"
# A statement whose sign-off, as the renderer breaks it, stands alone on the screen edition's
# last page, the paragraph before it too short to split, under its heading.
LONE_SIGN_OFF = "water-board-chairman"
LAYOUTS = ["print", "screen", "large-print"]
XHTML = "{http://www.w3.org/1999/xhtml}"
CLOSING = "。，、；：？！」』）》〉"
OPENING = "「『（《〈"
HAN = re.compile(r"[\u3400-\u9fff]")
SENTENCE = re.compile(r"[^。！？]+[。！？]?」?")


def read(name: str) -> Document:
    path = TEXTS / f"{name}.txt"
    return read_scraped(path, load_metadata(path.with_suffix(".toml"), LAYOUTS))[0]


def characters(text: str) -> str:
    """The Han characters and figures of a text: what cleaning never changes."""
    return "".join(re.findall(r"[\u3400-\u9fff\d]", text))


# --- Language ------------------------------------------------------------------------------


def test_the_language_comes_from_the_characters():
    assert detect("二〇二四年是本處成立一百周年，也是香港港口轉型的關鍵一年。") is CHINESE
    assert detect("香港大學（HKU）的研究中心") is CHINESE
    assert detect("I thank the Harbour Master, Ms MOK Wai-lam (莫慧琳), for her help.") is DEFAULT
    assert text_language("海港事務監督報告\n\n本年度港內並無發生嚴重海上事故。") == "zh-HK"
    assert text_language("The port grew.") == "en-GB"
    assert text_language("The port grew.", "fr-FR") == "fr-FR"


def test_chinese_phrases_hold_figures_and_names_between_chinese_characters():
    assert phrases("Ms MOK Wai-lam (莫慧琳) said", DEFAULT) == [
        ("Ms MOK Wai-lam (", None), ("莫慧琳", CHINESE), (") said", None)]
    assert phrases("主席報告 Chairman's Report", DEFAULT) == [
        ("主席報告", CHINESE), (" Chairman's Report", None)]
    assert [run for run, language in phrases("共2,700宗，約2.98億元", DEFAULT) if language] == [
        "共2,700宗，約2.98億元"]
    # Chinese in a Chinese document is its own; English (the default) in it is a phrase.
    assert phrases("主席報告 Chairman's Report", CHINESE) == [
        ("主席報告 ", None), ("Chairman's Report", DEFAULT)]


def test_a_bilingual_title_is_not_tagged_as_chinese_but_a_chinese_line_is():
    assert not CHINESE.dominates("Chairman's Statement 主席報告")
    assert CHINESE.dominates("海港屬於市民，我們只是它的守護者。")


# --- Cleaning ------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "clean"), [
    ('他說:"我們會繼續\'同心協力\'的精神."', "他說：「我們會繼續『同心協力』的精神。」"),
    ("他說：“我們會繼續‘同心協力’的精神。”", "他說：「我們會繼續『同心協力』的精神。」"),
    ("應變...完成", "應變……完成"),
    ("應變…完成", "應變……完成"),
    ("變化--數碼化", "變化——數碼化"),
    ("變化—數碼化", "變化——數碼化"),
    # A line of Chinese holding many English words, set against them as Chinese sets them;
    # brackets wholly around English after an English word are its phrase's, half-width.
    ("我們透過Facebook, WhatsApp 及 Instagram 接觸會員,並發布ESG (Environmental, Social and "
     "Governance)報告.", "我們透過Facebook, WhatsApp及Instagram接觸會員，並發布ESG (Environ"
     "mental, Social and Governance)報告。"),
    # A full stop after a figure ends a Chinese sentence; a point inside one stays.
    ("出租率回升至96%.此外，收入為96.", "出租率回升至96%。此外，收入為96。"),
    ("成本下降5-8%.", "成本下降5-8%。"),
    ("約2.98億元.", "約2.98億元。"),
    # A Chinese numeral's full stop opening a line is its number's enumeration comma.
    ("一. 服務回顧", "一、服務回顧"),
    ("十二．其他事項", "十二、其他事項"),
    # A single dash between figures is a range's (GB/T 15834-2011, 4.13), kept one em wide.
    ("2023—2024年度，第3—5頁", "2023—2024年度，第3—5頁"),
    # Between times and dates too: to the next day's hour, from one day to another.
    ("22:00—次日6:00停水，2月3日—10日", "22:00—次日6:00停水，2月3日—10日"),
    ("他說—明天再談", "他說——明天再談"),  # a dash in a sentence: the 破折號
    # An item's number after a colon keeps its point: "附件：1.東湖…".
    ("附件：1.東湖片區示意圖", "附件：1.東湖片區示意圖"),
    ("2023 — 2024年", "2023——2024年"),
    ("本年度,我們完成了 ; 並且 : 好嗎?", "本年度，我們完成了；並且：好嗎？"),
    ("共2,700宗,約2.98億元,升41%", "共2,700宗，約2.98億元，升41%"),
    # After a figure too, where Chinese follows: a table's label, an item's number.
    ("表1:東區食水檢測結果", "表1：東區食水檢測結果"),
    ("第1,第2項於10:30開始", "第1，第2項於10:30開始"),
    ("香港(九龍)的港口", "香港（九龍）的港口"),
    ("2024 年處理了約 2.98 億人次", "2024年處理了約2.98億人次"),
    ("主席報告 Chairman's Report", "主席報告 Chairman’s Report"),
    # A Latin term Chinese holds on both sides loses its spaces (the house style), a term of
    # letters and figures, of several words, or an address; a phone number keeps its own.
    ("1套 PM2.5 在線源解析系統", "1套PM2.5在線源解析系統"),
    ("並與 Google 及 Microsoft 等企業合作", "並與Google及Microsoft等企業合作"),
    ("與 Hong Kong Jockey Club 合作", "與Hong Kong Jockey Club合作"),
    ("可致電 2824 6111 或電郵至 enquiry@immd.gov.hk。", "可致電2824 6111或電郵至enquiry@immd.gov.hk。"),
    ("增長 41% 以上，共 3,600 萬元", "增長41%以上，共3,600萬元"),
])
def test_chinese_cleaning_follows_the_house_style(raw, clean):
    assert CHINESE.typeset(raw) == clean
    assert CHINESE.typeset(clean) == clean
    assert characters(clean) == characters(raw)  # words, characters and figures kept


@pytest.mark.parametrize(("raw", "clean"), [
    # A full stop after a figure a space parts from the Chinese before it ends the sentence.
    ("營業額較去年減少 12.5%.董事會建議", "營業額較去年減少12.5%。董事會建議"),
    ("营业额较去年减少 12.5 %.董事会建议", "营业额较去年减少12.5%。董事会建议"),
    ("參加人數為 860.其中", "參加人數為860。其中"),
    ("参加人数为 860.其中", "参加人数为860。其中"),
    # An item's number after a colon keeps its point, spaced or not.
    ("附件： 2.西灣片區示意圖", "附件：2.西灣片區示意圖"),
    ("附件： 2.西湾片区示意图", "附件：2.西湾片区示意图"),
])
def test_a_full_stop_after_a_spaced_figure_ends_a_chinese_sentence(raw, clean):
    for profile in (CHINESE, SIMPLIFIED_CHINESE):
        assert profile.typeset(raw) == clean
        assert profile.typeset(clean) == clean


@pytest.mark.parametrize(("raw", "clean"), [
    # An amount's currency is one with its figure, set against the Chinese around it.
    ("學會獲撥款 US$ 3.6萬 添置器材。", "學會獲撥款US$3.6萬添置器材。"),
    ("学会获拨款 US$ 3.6万 添置器材。", "学会获拨款US$3.6万添置器材。"),
    ("門票每張 ¥ 80，長者 £ 5", "門票每張¥80，長者£5"),
    ("门票每张 RMB 80 元（长者半价）", "门票每张RMB80元（长者半价）"),
    # In English a Chinese line quotes, the currency keeps its space.
    ("標語為 fees from HK$ 20 only", "標語為 fees from HK$ 20 only"),
])
def test_an_amounts_currency_is_set_with_its_figure(raw, clean):
    for profile in (CHINESE, SIMPLIFIED_CHINESE):
        assert profile.typeset(raw) == clean
        assert profile.typeset(clean) == clean


@pytest.mark.parametrize(("raw", "clean"), [
    # A figure and the sign of its unit are one (clreq 3.4.2): no space parts them.
    ("出口量增加 3.5 %，較去年多", "出口量增加3.5%，較去年多"),
    ("出口量增加 3.5 %，较去年多", "出口量增加3.5%，较去年多"),
    ("室溫維持 22 °C 左右，濕度低於 60 ％。", "室溫維持22°C左右，濕度低於60％。"),
    ("室温维持 22 ℃ 左右，误差 3 ‰。", "室温维持22℃左右，误差3‰。"),
])
def test_a_figure_and_its_units_sign_are_set_together(raw, clean):
    for profile in (CHINESE, SIMPLIFIED_CHINESE):
        assert profile.typeset(raw) == clean
        assert profile.typeset(clean) == clean


# --- Reading -------------------------------------------------------------------------------


def test_a_chinese_review_reads_as_title_byline_headings_figures_and_paragraphs():
    document = read("harbour-master-review")
    assert document.metadata.language == CHINESE.tag
    assert document.metadata.title == "海港事務監督報告"
    assert (document.byline.role, document.byline.name) == ("海港事務監督", "莫慧琳")
    assert document.byline.text == "海港事務監督 莫慧琳"  # the role before the name
    assert [heading.text for heading in document.headings] == [
        "航行安全", "綠色港口", "港口的未來在哪裏？"]
    assert [figure.text for figure in document.figures] == [
        "葵青貨櫃碼頭的夜景。", "啟德郵輪碼頭的岸電設施。"]
    assert len(document.paragraphs) == 7
    assert not any(heading.text.endswith("。") for heading in document.headings)


@pytest.mark.parametrize("name", CHINESE_NAMES)
def test_every_chinese_sentence_is_read_once(name):
    document = read(name)
    source = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    body = "".join(block.text for block in document.blocks)
    for paragraph in document.paragraphs:
        for sentence in SENTENCE.findall(paragraph.text):
            assert body.count(sentence) == 1, sentence
    assert set(characters(body)) <= set(characters(source))  # nothing invented


def test_the_byline_and_the_language_of_other_chinese_texts():
    hospital = read("hospital-chief-executive")  # language given in its TOML
    assert (hospital.byline.role, hospital.byline.name) == ("醫院管理局行政總裁", "梁思穎醫生")
    university = read("university-president-report")
    assert university.metadata.title == "校長報告"  # written twice on one line
    assert (university.byline.role, university.byline.name) == ("校長", "陳嘉明教授")
    assert {hospital.metadata.language, university.metadata.language} == {CHINESE.tag}


def test_a_departments_web_page_reads_as_its_text_with_its_furniture_gone():
    """A Traditional Chinese page of its own: text size, language, breadcrumb, print, share and
    footer lines go; the byline and a caption written twice are read once; a list numbered
    （一）, a table under its title, straight quotes made corner brackets, a sign-off."""
    document = read("fire-services-director")
    kinds = [type(block).__name__ for block in document.blocks]
    assert document.metadata.title == "處長的話"
    assert (document.byline.role, document.byline.name) == ("消防處處長", "楊子健")
    assert kinds == ["Paragraph", "Figure", "Paragraph", "Heading", "Paragraph", "List",
                     "Heading", "Table", "Heading", "Paragraph", "SignOff"]
    listed, table = document.blocks[5], document.blocks[7]
    assert (listed.style, listed.marker, len(listed.items)) == (
        "trad-chinese-informal", "\uff08%\uff09", 3)
    assert "「社區急救站」" in listed.items[0].text
    assert "".join(span.text for span in table.caption) == "表1：主要服務指標"
    assert len(table.rows) == 3
    assert "「救人的工作從不停步。」" in document.blocks[9].text
    assert not any("返回頁首" in block.text or "©" in block.text
                   for block in document.blocks if hasattr(block, "text"))


@pytest.mark.parametrize(("labels", "ems"), [(("（一）", "（二）"), 3), (("（十一）",), 4),
                                             (("一、", "十、"), None), (("十一、",), 3)])
def test_a_list_says_how_many_ems_its_widest_label_takes_past_two(labels, ems):
    from pipeline.model import List, ListItem
    from pipeline.writers.html.blocks import label_ems, shown_label

    assert max(label_ems(shown_label(label, True)) for label in labels) == (ems or 2)
    marker = "\uff08%\uff09" if labels[0].startswith("（") else ""
    block = List((ListItem((Span("甲"),)),), style="trad-chinese-informal",
                 start=11 if "十一" in labels[0] else 1, marker=marker)
    html = render_html(Document("list", Metadata(title="名單", language="zh-HK"), None,
                                (block,)), load_layout(ROOT / "layouts", "print"))
    assert ('data-label-ems="4"' in html) == (labels == ("（十一）",))


@pytest.mark.slow
@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_labels_of_three_characters_stay_inside_the_text_block(layout_name, tmp_path):
    """（一） takes three characters: its list's text is indented three, so the label never
    hangs in the margin, left of the headings and the table on its page."""
    pdf = tmp_path / "fire.pdf"
    pdf.write_bytes(render_pdf(read("fire-services-director"),
                               load_layout(ROOT / "layouts", layout_name), TEXTS))
    lines = words_by_line(pdf, pages=True)
    labelled = [(page, words[0][0]) for page, words in lines
                if re.match("（[一二三]）", words[0][2])]
    assert len(labelled) == 3
    for page, label_start in labelled:
        edge = min(words[0][0] for each, words in lines
                   if each == page and not re.match("（[一二三]）", words[0][2]))
        assert label_start >= edge - 0.5


def test_a_chinese_byline_may_put_the_name_first_after_a_comma():
    text = "港口報告\n\n莫慧琳，海港事務監督\n莫慧琳，海港事務監督\n\n本年度港內並無事故。\n"
    document, _ = scraped_document("x", text, Metadata(title=""))
    assert document.byline.text == "海港事務監督 莫慧琳"


def test_a_chinese_byline_may_put_the_name_first_before_a_space_and_its_office():
    """`陳大文 主席` under the title: the byline, set role first as the house style has it
    (it had been a heading, and read the other way round, the office the name)."""
    text = ("主席的話\n\n陳大文 主席\n\n二〇二四至二五年度是本會成立三十周年。三十年來，本會由一所"
            "只有五名職員的中心，發展成為每年服務逾四萬個家庭的機構。\n")
    document, _ = scraped_document("x", text, Metadata(title=""))
    assert (document.byline.name, document.byline.role) == ("陳大文", "主席")
    assert document.byline.text == "主席 陳大文"


@pytest.mark.parametrize("written, name, role", [
    ("陳志明主席", "陳志明", "主席"),
    ("東區水務諮詢委員會主席陳志明", "陳志明", "東區水務諮詢委員會主席"),
    ("歐陽慧儀總館長", "歐陽慧儀", "總館長"),
])
def test_a_chinese_byline_may_run_the_name_and_the_office_together(written, name, role):
    text = f"港口報告\n\n{written}\n{written}\n\n本年度港內並無事故。\n"
    document, _ = scraped_document("x", text, Metadata(title=""))
    assert (document.byline.name, document.byline.role) == (name, role)
    assert document.byline.text == f"{role} {name}"  # the house style's order
    assert [type(block).__name__ for block in document.blocks] == ["Paragraph"]


@pytest.mark.parametrize("written, honours, shown", [
    ("主席 陳大文，GBS，JP", ("GBS", "JP"), "主席 陳大文，GBS，JP"),
    ("主席 陳大文 GBS JP", ("GBS", "JP"), "主席 陳大文，GBS，JP"),
    ("陳大文, SBS, 太平紳士, 主席", ("SBS", "太平紳士"), "主席 陳大文，SBS，太平紳士"),
    ("主席 陳大文太平紳士", ("太平紳士",), "主席 陳大文太平紳士"),
    ("主席 陈大文太平绅士", ("太平绅士",), "主席 陈大文太平绅士"),
    ("主席\u3000陳大文，JP", ("JP",), "主席 陳大文，JP"),  # an ideographic space between
])
def test_a_chinese_bylines_honours_follow_the_name_wherever_written(written, honours, shown):
    """Honours are the name's, never its role's nor part of it; the HKSAR's straight after
    the name, others after a full-width comma; the HTML and the DOCX draft keep them."""
    text = f"港口報告\n\n{written}\n{written}\n\n本年度港內並無事故。\n"
    document, _ = scraped_document("x", text, Metadata(title="", language="zh-HK"))
    assert (document.byline.name, document.byline.honours, document.byline.role) == (
        shown.split()[1][:3], honours, "主席")
    assert document.byline.text == shown
    layout = load_layout(ROOT / "layouts", "print")
    html = render_html(document, layout)
    assert re.sub("<[^>]+>", "", re.search('<p class="byline">.*?</p>', html)[0]) == shown
    draft = write_docx(document, layout, ROOT)
    assert docx_document(draft, Path("x.docx"), document.metadata).byline == document.byline


def test_a_chinese_line_written_twice_is_dropped_with_or_without_a_space():
    text = "港口報告\n\n港口的發展港口的發展\n\n本年度港內並無事故。\n\n本年度港內 並無事故。\n"
    document, report = scraped_document("x", text, Metadata(title=""))
    assert [block.text for block in document.blocks] == ["港口的發展", "本年度港內並無事故。"]
    assert len(report["dropped"]) == 2


def test_an_english_text_keeps_its_parallel_chinese_title_and_chinese_paragraph():
    document = read("harbour-trust-chairman")
    assert document.metadata.language == "en-GB"
    assert document.metadata.title == "Chairman’s Statement 主席報告"
    assert "主席報告" not in [heading.text for heading in document.headings]
    assert "海港屬於市民，我們只是它的守護者。" in [p.text for p in document.paragraphs]


# --- HTML ----------------------------------------------------------------------------------


def test_the_html_is_tagged_with_the_language_of_each_chinese_phrase():
    layout = load_layout(ROOT / "layouts", "print")
    chinese = render_html(read("harbour-master-review"), layout)
    assert '<html lang="zh-HK">' in chinese and 'lang="zh-HK"' not in chinese.split("<body>")[1]
    assert '"Noto Serif CJK TC", "Noto Serif"' in chinese  # the Chinese face first
    mixed = render_html(read("harbour-trust-chairman"), layout)
    assert '<html lang="en-GB">' in mixed
    assert '<span lang="zh-HK" class="phrase">莫慧琳</span>' in mixed
    # A paragraph wholly in Chinese is in Chinese itself, as its lines are set.
    assert re.search("<p data-block=\"[0-9]+\" lang=\"zh-HK\">海港屬於市民，我們只是它的守護\u2060?者。</p>",
                     mixed)
    assert '"Noto Serif", "Noto Serif CJK TC"' in mixed
    for html in (chinese, mixed):  # Chinese is never hyphenated
        assert not re.search("[\u3400-\u9fff]\u00ad|\u00ad[\u3400-\u9fff]", html)


def test_an_english_document_without_chinese_loads_and_names_no_chinese_face():
    layout = load_layout(ROOT / "layouts", "print")
    document = Document("x", Metadata(title="Review"), None, (Paragraph((Span("Words."),)),))
    assert "CJK" not in render_html(document, layout)
    assert stylesheet_files(document, layout, TEXTS) == [layout.folder / layout.stylesheet]


@pytest.mark.slow
def test_a_chinese_pdf_is_reproducible():
    document = read("university-president-report")
    layout = load_layout(ROOT / "layouts", "screen")
    assert render_pdf(document, layout, TEXTS) == render_pdf(document, layout, TEXTS)


# --- Every edition, built --------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("chinese") / "project", library=False)
    for path in (folder / "source").iterdir():
        path.unlink()  # the Chinese texts alone
    for path in TEXTS.iterdir():
        shutil.copy(path, folder / "source" / path.name)
    result = doit(folder, "model", "pdf", "docx", "preflight")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def output(project: Path, name: str, suffix: str) -> Path:
    return project / "output" / name / f"{name}{suffix}"


def model(project: Path, name: str) -> Document:
    return from_json(json.loads(output(project, name, ".json").read_text(encoding="utf-8")))


def lines(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, left, right, text) of each line pdftotext finds; a line it parts where a mark
    set half its width overlaps the next (a Simplified stop, in the left half of its em,
    before a closing quote: `护。` then `”`, on one baseline) is one again."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                           check=True).stdout
    found: list[tuple[int, float, float, str, float]] = []
    for number, page in enumerate(ElementTree.fromstring(xhtml).iter(f"{XHTML}page"), 1):
        for line in page.iter(f"{XHTML}line"):
            left, right, top = (float(line.get(edge)) for edge in ("xMin", "xMax", "yMin"))
            text = "".join(word.text or "" for word in line.iter(f"{XHTML}word"))
            if found and found[-1][0] == number and abs(found[-1][4] - top) < 0.5 and (
                    found[-1][1] < left < found[-1][2]):
                _, first, _, before, _ = found.pop()
                left, text = first, before + text
            found.append((number, left, right, text, top))
    return [line[:4] for line in found]


def fonts(pdf: Path) -> list[list[str]]:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
    return [row.split() for row in listing.splitlines()[2:]]


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", CHINESE_NAMES + MIXED_NAMES)
def test_every_font_is_embedded_and_subset(project, name, layout):
    rows = fonts(output(project, name, f"-{layout}.pdf"))
    assert rows
    for row in rows:
        assert row[-5:-3] == ["yes", "yes"], row  # emb, sub
        assert re.fullmatch(r"[A-Z]{6}\+.+", row[0]), row


@pytest.mark.slow
@pytest.mark.parametrize(("layout", "faces"), [
    ("print", {"Noto-Serif-CJK-TC", "Noto-Sans-CJK-TC-Bold", "Noto-Sans-CJK-TC"}),
    ("screen", {"Noto-Serif-CJK-TC", "Noto-Sans-CJK-TC-Bold", "Noto-Sans-CJK-TC"}),
    ("large-print", {"Noto-Sans-CJK-TC", "Noto-Sans-CJK-TC-Bold"}),
])
def test_body_in_ming_headings_and_large_print_in_hei(project, layout, faces):
    names = {row[0].split("+")[1] for row in fonts(
        output(project, "harbour-master-review", f"-{layout}.pdf"))}
    assert faces <= names


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_the_language_is_tagged_in_the_pdf(project, layout):
    with pikepdf.open(output(project, "harbour-master-review", f"-{layout}.pdf")) as pdf:
        assert str(pdf.Root.Lang) == CHINESE.tag
    with pikepdf.open(output(project, "harbour-trust-chairman", f"-{layout}.pdf")) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        tagged = [element for element in structure_elements(pdf.Root.StructTreeRoot)
                  if element.get("/Lang") == CHINESE.tag]
        kinds = sorted(str(element.S) for element in tagged)
        assert kinds == ["/P", "/Span", "/Span", "/Span"], kinds  # a line, a name, title, title


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_the_preflight_finds_chinese_left_without_its_language(project, layout, tmp_path):
    path = output(project, "harbour-trust-chairman", f"-{layout}.pdf")
    document, edition_layout = model(project, "harbour-trust-chairman"), load_layout(
        project / "layouts", layout)
    assert not preflight(path, document, edition_layout).errors
    with pikepdf.open(path) as pdf:
        for element in structure_elements(pdf.Root.StructTreeRoot):
            if "/Lang" in element:
                del element.Lang
        pdf.save(tmp_path / "untagged.pdf")
    report = preflight(tmp_path / "untagged.pdf", document, edition_layout)
    (check,) = [check for check in report.checks if check.rule == "chinese-language"]
    assert not check.passed and "without a Chinese /Lang" in check.message


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", CHINESE_NAMES)
def test_lines_break_by_the_chinese_rules(project, name, layout):
    for _, _, _, text in lines(output(project, name, f"-{layout}.pdf")):
        assert not text.startswith(tuple(CLOSING)), text
        assert not text.endswith(tuple(OPENING)), text
        assert not re.search("[\u3400-\u9fff][-\u2010\u00ad]$", text), text  # no hyphen


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", [*CHINESE_NAMES, LONE_LINE, LONE_SIGN_OFF])
def test_no_page_holds_a_single_line_nor_any_but_the_last_is_emptier_than_15_per_cent(
        project, name, layout):
    """孤行不成頁 (the house style after clreq): a last line that nothing can pull back takes
    the last lines of the paragraph before it over, the page before ending short; so does a
    sign-off, with the heading over a paragraph too short to split. (Large
    print may leave a page a little emptier where a heading and its lines do not fit and no
    picture can shrink: README, "What is not yet so".)"""
    page = load_layout(ROOT / "layouts", layout).for_language(
        model(project, name).metadata.language).page
    edition = measured(output(project, name, f"-{layout}.pdf"))
    area = (page.margin_top_mm * MM - 1, edition.trim[1] - page.margin_bottom_mm * MM + 1)
    held = [line for line in edition.on_page(edition.pages)
            if area[0] <= line.top and line.bottom <= area[1]]
    assert edition.pages == 1 or len(held) > 1, [line.text for line in held]
    sign_offs = ["".join(block.texts) for block in model(project, name).blocks
                 if isinstance(block, SignOff)]
    assert squash("".join(line.text for line in held)) not in map(squash, sign_offs)
    if (name, layout) == (LONE_LINE, "print"):  # its last line came with the lines before
        before = model(project, name).paragraphs[-2].text
        assert squash(before[-10:]) in squash("".join(line.text for line in held))
    for number in range(1, edition.pages if layout != "large-print" else 1):
        assert empty_share(edition, number, page.margin_top_mm, page.margin_bottom_mm) <= 0.15


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", [*CHINESE_NAMES, LONE_LINE])
def test_every_sentence_is_set_once(project, name, layout):
    """Every sentence of the text is set once, whole, across a page's end too: the running
    head (the title or a heading) and the folio between its halves are left out."""
    document = model(project, name)
    furniture = {squash(text) for text in (document.metadata.title, *(
        block.text for block in document.blocks if isinstance(block, Heading)))}
    text = squash("".join(line[3] for line in lines(output(project, name, f"-{layout}.pdf"))
                          if squash(line[3]) not in furniture and not line[3].isdigit()))
    for paragraph in document.paragraphs:
        for sentence in SENTENCE.findall(paragraph.text):
            assert text.count(squash(sentence)) == 1, sentence


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
def test_chinese_body_text_is_justified_on_a_whole_number_of_characters(project, layout):
    """Every line of a paragraph but its last reaches the measure, within half a point: the
    text area's width in whole characters of the body (clreq), from its left margin."""
    settings = load_layout(project / "layouts", layout).for_language(
        model(project, "harbour-master-review").metadata.language)
    page = settings.page
    size = settings.body_size_pt
    grid = int(page.measure_mm * 72 / 25.4 / size) * size
    found = lines(output(project, "harbour-master-review", f"-{layout}.pdf"))
    with pikepdf.open(output(project, "harbour-master-review", f"-{layout}.pdf")) as pdf:
        offsets = [float(p.trimbox[0]) - float(p.mediabox[0]) for p in pdf.pages]
    full = 0
    for number, _, right, text in found:
        margin_left, _ = page.side_margins_mm(number)
        measure_end = offsets[number - 1] + margin_left * 72 / 25.4 + grid
        if len(text) >= 20 and not text.endswith("。") and HAN.search(text):
            assert right == pytest.approx(measure_end, abs=0.5), (text, right, measure_end)
            full += 1
    assert full >= 10
    organisation = next(line for line in found if line[3] == "香港海事處")
    assert organisation[2] - organisation[1] < 120  # the opener is not body text: not spread


@pytest.mark.slow
def test_a_chinese_print_file_stays_small(project):
    assert output(project, "harbour-master-review", "-print.pdf").stat().st_size < 2_000_000


@pytest.mark.slow
def test_the_chinese_draft_names_its_east_asian_fonts_and_language(project):
    draft = docx.Document(str(output(project, "harbour-master-review", ".docx")))
    styles = draft.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "Noto Serif CJK TC"
    assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == "Noto Serif"
    assert not any(draft.styles[name].font.italic for name in ("Subtitle", "Caption"))
    heading = draft.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "Noto Sans CJK TC"
    for lang in styles.iter(qn("w:lang")):
        # Its English words in English (w:val names the language of Latin letters).
        assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-GB", CHINESE.tag)
    mixed = docx.Document(str(output(project, "harbour-trust-chairman", ".docx")))
    langs = {(lang.get(qn("w:val")), lang.get(qn("w:eastAsia")))
             for lang in mixed.styles.element.iter(qn("w:lang"))}
    assert langs == {("en-GB", CHINESE.tag)}


@pytest.mark.slow
def test_the_chinese_draft_reads_back_unchanged(project):
    path = output(project, "harbour-master-review", ".docx")
    written = model(project, "harbour-master-review")
    read_back = docx_document(path.read_bytes(), path, written.metadata)
    assert read_back.blocks == written.blocks
    assert read_back.byline == written.byline
    assert read_back.metadata.title == written.metadata.title


@pytest.mark.slow
def test_libreoffice_shows_the_chinese_draft_in_the_chinese_faces(project, tmp_path):
    draft = tmp_path / "draft.docx"
    shutil.copy(output(project, "harbour-master-review", ".docx"), draft)
    text = libreoffice_converted(draft, "txt:Text (encoded):UTF8").read_text(encoding="utf-8-sig")
    for block in model(project, "harbour-master-review").blocks:
        assert block.text in text
    shutil.copy(output(project, "harbour-master-review", ".docx"), tmp_path / "shown.docx")
    names = {row[0].split("+")[-1] for row in fonts(
        libreoffice_converted(tmp_path / "shown.docx", "pdf"))}
    # The project's own faces (layouts/fonts), the only fonts LibreOffice is given; their CFF
    # tables, taken from Noto's collections, carry the collection's first PostScript name.
    assert {family for family in ("NotoSerifCJK", "NotoSansCJK")
            if any(name.startswith(family) for name in names)} == {"NotoSerifCJK",
                                                                   "NotoSansCJK"}, names


def test_a_docx_draft_without_chinese_is_as_before():
    layout = load_layout(ROOT / "layouts", "print")
    document = Document("x", Metadata(title="Review"), None, (Paragraph((Span("Words."),)),))
    draft = docx.Document(io.BytesIO(write_docx(document, layout, ROOT)))
    assert "CJK" not in draft.styles.element.xml
    assert 'w:eastAsia="zh' not in draft.styles.element.xml


@pytest.mark.parametrize("language", ["zh-HK", "en-GB"])
def test_the_drafts_sign_off_stands_flush_right_in_chinese_only(language):
    """As the house style sets a Chinese signature, and the PDF editions do (chinese.css); an
    English one flush left. Read back, the sign-off is the same."""
    layout = load_layout(ROOT / "layouts", "print")
    lines = (("館長",), ("歐陽慧儀",)) if language == "zh-HK" else (("Ada KWAN",), ("Curator",))
    document = Document("x", Metadata(title="報告" if language == "zh-HK" else "Report",
                                      language=language), None,
                        (Paragraph((Span("本館全年開放。" if language == "zh-HK" else "Open."),)),
                         SignOff(tuple((Span(text),) for (text,) in lines))))
    written = write_docx(document, layout, ROOT)
    draft = docx.Document(io.BytesIO(written))
    closing = next(paragraph for paragraph in draft.paragraphs if paragraph.style.name == "Closing")
    right = closing.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert right == (language == "zh-HK")
    assert docx_document(written, Path("x.docx"), document.metadata).blocks == document.blocks
    # Every Chinese paragraph's first line two characters in, as the editions set it.
    indent = draft.styles["Body Text"].paragraph_format.first_line_indent
    assert (indent.pt if indent else 0) == (2 * layout.for_language(language).body_size_pt
                                            if language == "zh-HK" else 0)
    # And justified, as the house style sets Chinese body text in every edition.
    justified = draft.styles["Body Text"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert justified == (language == "zh-HK")


@pytest.mark.slow
def test_a_character_no_font_has_stops_a_chinese_text_once_in_one_line(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    (folder / "source" / "glyphs.txt").write_text("港口報告\n\n本年度港口的發展，以及ཀ字。\n\n第二段。\n",
                                                  encoding="utf-8")
    result = doit(folder, *(f"pdf:glyphs/{layout}" for layout in LAYOUTS))  # not the seed's
    errors = [line for line in result.stdout.splitlines() if line.startswith("error:")]
    assert errors == ["error: source/glyphs.txt: the layout fonts lack 1 character (ཀ U+0F40); "
                      'to add a font that has them, see README.md, "Adding a font"'], result.stdout
    assert "UnmetDependency" not in result.stdout + result.stderr



@pytest.mark.slow
def test_large_print_sets_chinese_at_16_pt_or_more_in_the_hei(project):
    with pikepdf.open(output(project, "harbour-master-review", "-large-print.pdf")) as pdf:
        sizes = {}
        for page in pdf.pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "Tf":
                    font = str(page.Resources.Font[str(operands[0])].BaseFont).split("+")[1]
                    sizes.setdefault(font, set()).add(float(operands[1]) * 0.75)  # px to pt
    assert set(sizes) == {"Noto-Sans-CJK-TC", "Noto-Sans-CJK-TC-Bold"}
    assert min(min(points) for points in sizes.values()) >= 16 - 0.01


def test_a_marked_up_chinese_text_is_chinese_too(tmp_path):
    from pipeline.tasks.steps import build_model

    folder = copy_project(tmp_path / "project", library=False)
    (folder / "source" / "notes.md").write_text(
        "Title: 港口報告\nByline: 海港事務監督 莫慧琳\n\n# 航行安全\n\n本年度港內並無發生嚴重海上事故。\n",
        encoding="utf-8")
    build_model(folder, "notes")
    document = model(folder, "notes")
    assert document.metadata.language == CHINESE.tag
    assert (document.byline.role, document.byline.name) == ("海港事務監督", "莫慧琳")


# --- Tables of figures with Chinese units --------------------------------------------------

# A water authority's spending, figures with their units and words for "about" and "over".
WATER_TABLE = ("水務署署長報告\n\n本年度各項工程進展順利，開支及受惠人數如下。\n\n"
               "工程\t開支\t受惠住戶\t增幅\t進度\n"
               "東區輸水隧道\t3.1億元\t2,450萬\t12.5%\t如期完成\n"
               "西區濾水廠\t約2.98億\t逾300戶\t−2.7%\t延至2025年完成\n"
               "水管更換\t——\t不足50戶\t不適用\t新項目\n\n本年度工作順利完成。")


def water_table():
    document = scraped_document("water-works", WATER_TABLE,
                                Metadata(title="", language="zh-HK"))[0]
    (table,) = [block for block in document.blocks if block.__class__.__name__ == "Table"]
    return document, table


def test_a_column_of_figures_with_chinese_units_is_numeric():
    """Figures with their units, "about" and "over" before them, and "——" or "不適用" for
    none are a column of figures; a column of words, or of words holding a year, is not."""
    _, table = water_table()
    assert table.numeric == (False, True, True, True, False)
    simplified = scraped_document(
        "water-works-sc", "水务署署长报告\n\n这是本年度的开支。\n\n工程\t开支\t住户\n"
        "隧道\t3.1亿元\t约2,450万户\n滤水厂\t超过1.2亿\t不适用\n\n这是最后一段。",
        Metadata(title="", language="zh-Hans"))[0]
    (found,) = [block for block in simplified.blocks if block.__class__.__name__ == "Table"]
    assert found.numeric == (False, True, True)


def test_english_columns_take_no_chinese_units():
    """In English, words after a figure leave it words ("12 people", "3 days"), as before."""
    blocks = scraped_document(
        "reservoirs", "The reservoirs were full.\n\n\tVisitors\tClosed\tSpend\n"
        "Upper\t12 people\t3 days\t£3.4m\nLower\t2,450 people\t1 day\tn/a\n\nThat is all.",
        Metadata(title="Reservoirs"))[0].blocks
    assert blocks[1].numeric == (False, False, False, True)


def test_figures_with_chinese_units_are_set_right_in_the_html_and_the_docx():
    document, table = water_table()
    html = render_html(document, load_layout(ROOT / "layouts", "screen"))
    cells = re.findall(r"<td( class=\"numeric[^\"]*\")?[^>]*>(.*?)</td>", html.replace("\u2060", ""))
    assert [cell for numeric, cell in cells if numeric] == [
        "3.1億元", "2,450萬", "12.5%", "約2.98億", "逾300戶", "−2.7%", "—", "不足50戶", "不適用"]
    draft = docx.Document(io.BytesIO(write_docx(document, load_layout(ROOT / "layouts",
                                                                      "print"), TEXTS)))
    (written,) = draft.tables
    assert [written.cell(1, column).paragraphs[0].alignment for column in range(5)] == [
        None, 2, 2, 2, None]  # 2: right


@pytest.mark.parametrize("items", [
    "（1）數碼轉型計劃\n（2）照顧者培訓計劃",  # full-width brackets, no space after
    "(1)數碼轉型計劃\n(2)照顧者培訓計劃",
    "１．數碼轉型計劃\n２．照顧者培訓計劃",  # full-width figures and stop
    "1.數碼轉型計劃\n2.照顧者培訓計劃",
    # An item opening with a quotation mark or a bracket, the marker unspaced before it.
    "１．「數碼轉型計劃」\n２．「照顧者培訓計劃」",
    "1.《數碼轉型計劃》\n2.《照顧者培訓計劃》",
    "（1）「數碼轉型計劃」\n（2）「照顧者培訓計劃」",
])
def test_items_numbered_as_chinese_pages_write_them_are_a_list(items):
    lead_in = "過去一年，本會推出多項新計劃，服務超過四萬八千人次。\n\n本會計劃如下："
    document = scraped_document("plans", f"{lead_in}\n{items}\n\n本年度服務量上升。",
                                Metadata(title="年報", language="zh-HK"))[0]
    listed = next(block for block in document.blocks if type(block).__name__ == "List")
    assert [item.spans[0].text.strip("「」《》") for item in listed.items] == [
        "數碼轉型計劃", "照顧者培訓計劃"]


def test_a_chinese_table_s_figures_take_the_tabular_digits_of_the_latin_face():
    """The Chinese faces' digits are proportional only (no `tnum`): a Chinese document's
    columns of figures are set in the layout's own face first, whose digits are tabular, so
    they align down the column; its other text stays Chinese first."""
    document, _ = water_table()
    layout = load_layout(ROOT / "layouts", "print")
    html = render_html(document, layout)
    figures = re.search(r"td\.numeric[^{]*\{ font-family: ([^;]*);", html).group(1)
    body = re.search(r":root \{ --body-faces: ([^;]*);", html).group(1)
    assert figures.startswith(f'"{layout.body_font}"')
    assert body.startswith('"Noto Serif CJK TC"')


FERRY_TABLE = ("渡輪服務回顧\n\n過去一年，各航線乘客量均有增長。\n\n表1 各航線乘客量及準時率\n"
               "航線\t二〇二三至二四年度（萬人次）\t二〇二四至二五年度（萬人次）\t準時率\n"
               "中環——長洲\t820\t865\t98.9%\n中環——南丫島（榕樹灣）\t298\t310\t98.6%\n"
               "屯門——東涌——大澳\t96\t118\t97.8%\n西灣河——三家村\t52\t55\t99.5%\n"
               "合計\t1,266\t1,348\t98.7%\n\n來年本處會繼續改善服務。")


@pytest.mark.slow
@pytest.mark.parametrize("layout_name", ["print", "large-print"])
def test_a_chinese_tables_short_cells_are_never_broken_between_characters(layout_name,
                                                                           tmp_path):
    """A place name (中環——南丫島（榕樹灣）) or a short header (準時率) is set on one line, as
    a word: the renderer had broken them between any two characters (東/涌, 準/時率) to
    narrow their columns, leaving the columns of figures wider than their figures."""
    document, _ = scraped_document("ferries", FERRY_TABLE, Metadata(title="渡輪服務回顧",
                                                                    language="zh-HK"))
    pdf = tmp_path / "ferries.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", layout_name), tmp_path))
    lines = [squash(line) for line in subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
        check=True).stdout.splitlines()]
    for name in ("準時率", "中環——南丫島（榕樹灣）", "屯門——東涌——大澳", "西灣河——三家村"):
        assert any(squash(name) in line for line in lines), (name, lines)


WIDE_FERRY_TABLE = (
    "渡輪服務檢討\n\n過去一年，各離島渡輪航線的乘客量逐步回升。\n\n表2 各航線乘客量及準時率\n"
    "航線\t二〇二二至二三年度乘客人次\t二〇二三至二四年度乘客人次\t變動百分比\t準時率\t"
    "平均載客率\t投訴數目\n"
    "中環——長洲\t7,820,000\t8,410,000\t+7.5%\t99.2%\t68%\t152\n"
    "中環——南丫島（榕樹灣）\t2,640,000\t2,790,000\t+5.7%\t99.5%\t57%\t64\n"
    "屯門——東涌——沙螺灣——大澳\t410,000\t455,000\t+11.0%\t97.8%\t42%\t31\n"
    "總計\t14,020,000\t15,135,000\t+8.0%\t—\t—\t334\n\n本署會繼續監察各航線的服務水平。")


@pytest.mark.slow
def test_a_narrow_columns_chinese_header_breaks_between_its_words(tmp_path):
    """Seven columns too wide for their cells whole: a header breaks after its range's
    connector and its financial year (二〇二二至 / 二三年度 / 乘客人次), a route at its
    dashes, never inside a word (二三年度乘 / 客人次, 沙螺 / 灣, as the renderer had it)."""
    document, _ = scraped_document("ferries", WIDE_FERRY_TABLE,
                                   Metadata(title="渡輪服務檢討", language="zh-HK"))
    pdf = tmp_path / "ferries.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", "print"), tmp_path))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = [word for line in text.splitlines() for word in line.split()]
    for word in ("二〇二二至", "二三年度", "乘客人次", "變動百分比", "平均載客率"):
        assert word in words, (word, words)
    # The route breaks at a dash, wherever its column's width puts the line's end.
    assert any(word.startswith("沙螺灣——") or word.endswith("——沙螺灣——") for word in words), words


def test_a_label_parts_where_its_marks_show_its_words():
    assert re.split(CHINESE.label_breaks, "二〇二三至二四年度開支") == ["二〇二三至", "二四年度", "開支"]
    assert re.split(CHINESE.label_breaks, "屯門——東涌（大澳）") == ["屯門——", "東涌", "（大澳）"]
    assert re.split(CHINESE.label_breaks, "長者、青少年") == ["長者、", "青少年"]
    assert re.split(CHINESE.label_breaks, "至少一次") == ["至少一次"]  # no range


BUS_ROUTES = ("觀塘——將軍澳——調景嶺", "荃灣——青衣（長宏邨）", "元朗——天水圍——流浮山")


@pytest.mark.parametrize("step", [0, 1])
def test_a_label_too_long_for_its_column_is_parted_at_its_marks_in_a_table_set_smaller(step):
    """Routes whose parts (將軍澳—— / （長宏邨）) leave the table wider than the measure are
    set in those parts still, never broken within one, while the table can be set smaller:
    the placement sets it so. They had been left to the renderer, which broke them between
    any two characters (天水 / 圍), once the writer reckoned the cells' real padding."""
    heads = ("路線", "二〇二三至二四年度乘客人次", "二〇二四至二五年度乘客人次", "變動百分比",
             "班次準時率", "平均載客率", "投訴數目")
    rows = tuple((route, f"{5310 + number * 3545:,}", f"{5880 + number * 3635:,}",
                  f"+{4.6 + number:.1f}%", "97.4%", f"{55 + number * 8}%", f"{17 + number * 14}")
                 for number, route in enumerate(BUS_ROUTES))
    table = Table(tuple((Span(head),) for head in heads),
                  tuple(tuple((Span(cell),) for cell in row) for row in rows),
                  (Span("表3 各巴士路線乘客量"),))
    _, whole = header_lines(table, load_layout(ROOT / "layouts", "print"), step=step)
    for number, route in enumerate(BUS_ROUTES):
        assert whole.get((number, 0)) == label_words(route), (route, whole)


@pytest.mark.slow
def test_a_figure_set_after_a_table_goes_after_its_source_line_too(tmp_path):
    """A figure moved past the table after it (the table filled its page) goes after the
    table's source line as well, which stays under its table: set between them, the source
    (資料來源：…) read as the picture's."""
    document = read("harbourside-museums-chairman")
    pdf = tmp_path / "chairman.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", "print"), TEXTS))
    lines = [squash(line) for line in subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
        check=True).stdout.splitlines() if line.strip()]
    total = next(index for index, line in enumerate(lines) if line.startswith("合計"))
    source = next(index for index, line in enumerate(lines) if line.startswith("資料來源"))
    caption = next(index for index, line in enumerate(lines) if line.startswith("海事館重開當日"))
    assert total + 1 == source and source < caption, lines[total:caption + 1]


def test_a_couplet_in_a_chinese_message_is_lines():
    """A couplet between a message's paragraphs, two lines matched in length with no mark
    within them (`春風化雨育桃李` over `杏壇耕耘譜新篇`): lines set apart, not two headings;
    two lines of unmatched length (a heading over its line) are not."""
    from pipeline.model import Metadata
    from pipeline.readers.scraped import scraped_document

    couplet = "春風化雨育桃李\n杏壇耕耘譜新篇"
    text = ("各位同學、家長：\n\n新學年開始，我謹代表學校歡迎各位同學回校。過去一年，同學們取得了優異的成績。\n\n"
            f"{couplet}\n\n希望同學們在新的一年繼續努力，追求卓越。")
    document, _ = scraped_document("message", text, Metadata(title="校長的話", language="zh-Hant"))
    assert couplet.split("\n") in [getattr(block, "texts", None) for block in document.blocks]


@pytest.mark.parametrize("typed", ["\u25cb", "\u25ef", "\uff2f", "O"])
def test_a_circle_typed_for_zero_beside_numerals_is_the_numeral_zero(typed):
    """`一九八○年`, `二Ｏ二四年`: a circle (or a full-width O; a Latin O between numerals) typed
    for zero, which a screen reader and a search read as a circle, is 〇 (U+3007), and the
    year reads as one; a circle elsewhere (`○表示`) stays."""
    from pipeline.languages import detect

    chinese = detect("二〇二四年")
    year = chinese.typeset(f"二{typed}二四年九月")
    assert year == "二〇二四年九月" and chinese.date_in(year) == "2024-09"
    if typed != "O":
        assert chinese.typeset(f"本館於一九八{typed}年成立。") == "本館於一九八〇年成立。"
    assert chinese.typeset("圖中\u25cb表示已完成。") == "圖中\u25cb表示已完成。"


@pytest.mark.parametrize("title", ["表3-1 主要環境績效指標", "表3.1 主要環境績效指標",
                                   "表12 主要環境績效指標", "表三 主要環境績效指標"])
def test_a_table_numbered_in_its_chapter_keeps_the_space_before_its_title(title):
    """A table's number stays apart from its title however it is numbered, within its
    chapter too (`表3-1`, where `表1` kept its space and `表3-1`
    lost it); the number itself is kept as written."""
    assert CHINESE.typeset(title) == title
    assert CHINESE.typeset(title.replace("環境績效", "环境绩效")) == title.replace(
        "環境績效", "环境绩效")


@pytest.mark.parametrize(("written", "date"), [
    ("中華民國114年3月", "2025-03"),
    ("民國一一四年三月十日", "2025-03-10"),
    ("民国113年12月20日", "2024-12-20"),
])
def test_a_year_of_the_republic_is_read_as_its_year(written, date):
    """A Taiwan text's year in the Republic's era (its first year 1912), as a letter's
    sign-off dates it: the text's date, the sign-off's words as written."""
    from pipeline.model import Metadata, SignOff
    from pipeline.readers.scraped import scraped_document

    assert CHINESE.is_date(written) and CHINESE.date_in(written) == date
    text = ("各位朋友：\n\n過去一年，基金會在各界支持下，推動偏鄉閱讀計畫，服務學童逾三千人。感謝各位的參與。"
            f"\n\n董事長　林明德　謹誌\n{written}\n")
    document, _ = scraped_document("letter", text, Metadata(title="董事長的話", language="zh-Hant"))
    assert document.metadata.date == date
    assert isinstance(document.blocks[-1], SignOff)
    assert document.blocks[-1].texts[-1] == written


def test_a_text_dated_in_the_republic_s_years_is_taiwan_s_chinese():
    """A text dated in the Republic's era, whose metadata names no language: Taiwan's
    Chinese (zh-TW), which a screen reader speaks in its own voice; without such a date,
    the house style's zh-HK."""
    from pipeline.languages import text_language

    letter = "各位朋友：\n\n感謝各位一年來的支持。\n\n董事長　林明德　謹誌\n中華民國114年3月\n"
    assert text_language(letter) == "zh-TW"
    assert text_language(letter.replace("中華民國114年", "2025年")) == "zh-HK"
    assert text_language(letter, "zh-HK") == "zh-HK"  # as the metadata names it


def test_an_address_chinese_holds_loses_its_spaces_as_a_term_does():
    """An address cleaning carries untouched, Chinese on both sides: set against the
    characters as any Latin term is (its spaces had stayed, a figure's gone: inconsistent)."""
    from pipeline.readers.cleaning import clean_line

    assert clean_line("市民可透過 www.hfa.org.hk/consultation 或電郵至 consult@hfa.org.hk "
                      "提交意見。") == ("市民可透過www.hfa.org.hk/consultation或電郵至"
                                    "consult@hfa.org.hk提交意見。")


def test_a_back_link_alone_under_a_signature_is_no_line_of_it():
    """`返回` alone under a letter's signature, over the page's footer: its link, dropped (it
    had been the signature's last line)."""
    from pipeline.model import Metadata, SignOff
    from pipeline.readers.scraped import scraped_document

    text = ("校長的話\n\n新學年開始，我謹代表學校歡迎各位同學回校。過去一年，同學們取得了優異的成績。\n\n"
            "校長\n陳慧敏博士\n二零二四年九月\n返回\n返回頁首\n版權所有 © 2024 聖保祿書院\n")
    document, _ = scraped_document("message", text, Metadata(title="", language="zh-HK"))
    assert isinstance(document.blocks[-1], SignOff)
    assert document.blocks[-1].texts == ["校長", "陳慧敏博士", "二零二四年九月"]


@pytest.mark.parametrize(("written", "cleaned"), [
    ("參加「暑期 社 區 實習計劃」的同學", "參加「暑期社區實習計劃」的同學"),
    ("陳 嘉 明 敬上", "陳嘉明敬上"),
    # In a sentence no space parts two characters, whatever their words' lengths.
    ("區議會 繼續改善 社區設施，歡迎居民參加。", "區議會繼續改善社區設施，歡迎居民參加。"),
    ("校長 陳嘉明", "校長 陳嘉明"), ("新年快樂 闔家平安", "新年快樂 闔家平安"),
    ("3月8日 下午4:15", "3月8日 下午4:15"), ("字號：大 中 小", "字號：大 中 小"),
])
def test_a_stray_space_beside_a_chinese_character_alone_goes(written, cleaned):
    """The house style spaces no Chinese word, nor a name's characters (莫慧琳): a space with
    a character alone beside it among words is a stray one, and goes (they had been
    printed); outside a sentence, one between two words of two characters or more (a
    figure's with it) may part a role from a name, and stays, as do spaces between
    characters each alone (a row of a page's tools)."""
    from pipeline.readers.cleaning import clean_line

    assert clean_line(written) == cleaned


@pytest.mark.slow
def test_a_letters_closing_wish_is_never_alone_over_its_signature_on_a_page(tmp_path):
    """However long the letter, its closing wish (`敬祝`) shares its page with the letter's
    last words: the page turns inside the last paragraph rather than leave the closing and
    the signature alone on the next (as a copy-editor expects, and clreq's letters set)."""
    paragraph = "本會將與各地大學合作，推動木構造建築教育，並定期舉辦研討會及工作坊。"
    layout = load_layout(ROOT / "layouts", "screen")
    alone = []
    for count in (12, 14, 15, 17, 18, 36):
        text = "\n\n".join(["致全體會員的一封信", "各位會員，大家好：",
                            *[f"第{item}項工作：{paragraph * 3}" for item in range(count // 2)],
                            paragraph * (count % 5 + 1),
                            "敬祝", "闔家平安　萬事如意",
                            "理事長　黃俊雄　敬啟\n中華民國113年12月10日"])
        document = scraped_document("letter", text, Metadata(title="", language="zh-TW"))[0]
        pdf = tmp_path / f"letter-{count}.pdf"
        pdf.write_bytes(render_pdf(document, layout, tmp_path))
        pages = [squash(page) for page in subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True,
            check=True).stdout.split("\f")]
        page = next(page for page in pages if "敬祝" in page)
        if page.index("敬祝") < page.find("。") or "。" not in page:
            alone.append(count)
    assert not alone


# A text whose paragraphs open with "　　", no blank line between them, lines wider than a
# wrap's: the copy broke a paragraph's lines inside its second sentence.
OPENED_PARAGRAPHS = (
    "主席致辭\n"
    "各位委員：\n"
    "　　本年度是本會推行「綠色社區」計劃的第三年，成績令人鼓舞。在各區議會、屋苑業主立案法團及"
    "環保團體的支持下，截至今年3月底，全港共有\n"
    "1,480個屋苑參與廚餘回收，回收量亦較去年增加\n"
    "三成。\n"
    "　　本人衷心感謝各位委員及同事的努力。\n")

# Lines as wide as no wrap's, a paragraph each, one broken inside its sentence by the copy.
WIDE_LINES = (
    "本會在二〇二三至二四年度的總收入為9.4億港元，較上一年度增加8.2%。收入增長主要來自"
    "會員費及場地租金，分別上升5.1%及11.6%。\n"
    "總開支為8.1億港元，較上一年度增加4.7%，當中員工開支佔總開支的52%。年內本會錄得盈餘1.3億港元\n"
    "（2022-23年度：0.8億港元），主要由於場地租金收入增加。\n")


@pytest.mark.parametrize(("text", "paragraphs"), [
    (OPENED_PARAGRAPHS, ["各位委員：",
                         "本年度是本會推行「綠色社區」計劃的第三年，成績令人鼓舞。在各區議會、"
                         "屋苑業主立案法團及環保團體的支持下，截至今年3月底，全港共有1,480個屋苑"
                         "參與廚餘回收，回收量亦較去年增加三成。",
                         "本人衷心感謝各位委員及同事的努力。"]),
    (WIDE_LINES, ["本會在二〇二三至二四年度的總收入為9.4億港元，較上一年度增加8.2%。"
                  "收入增長主要來自會員費及場地租金，分別上升5.1%及11.6%。",
                  "總開支為8.1億港元，較上一年度增加4.7%，當中員工開支佔總開支的52%。"
                  "年內本會錄得盈餘1.3億港元（2022-23年度：0.8億港元），主要由於場地租金收入增加。"]),
])  # fmt: skip
def test_a_chinese_line_ending_inside_its_sentence_runs_on_with_no_space(text, paragraphs):
    """A line of running text that ended a sentence and stops on a word inside the next runs
    on to the next line, and that one on to the sentence's end, the lines joined with no
    space (they had been paragraphs, one of them a heading)."""
    document, _ = scraped_document("chairman", text, Metadata(title="主席致辭", language="zh-HK"))
    assert [block.text for block in document.blocks] == paragraphs
    assert all(isinstance(block, Paragraph) for block in document.blocks)


@pytest.mark.slow
@pytest.mark.parametrize(("layout", "row_face"), [
    ("print", "Noto-Serif-CJK-TC"), ("screen", "Noto-Serif-CJK-TC"),
    ("large-print", "Noto-Sans-CJK-TC")])
def test_a_chinese_tables_row_labels_are_set_in_the_body_face(layout, row_face, tmp_path):
    """As an English table's row labels are set in the body's regular face, a Chinese one's
    are in its Ming in print and on screen (the Hei in large print, its body face): they had
    been in the regular Hei, beside cells in the Ming. The column headers, bold, are in the
    bold Hei, the only bold Chinese face. Nothing else of the document is set in a regular
    Hei (its title Latin, the table untitled), so the faces the PDF holds say where the row
    labels went."""
    from pipeline.model import Table

    table = Table(header=((Span("項目"),), (Span("期限"),), (Span("2024"),)),
                  rows=tuple(((Span(label),), (Span(limit),), (Span(share),))
                             for label, limit, share in (("更換街燈", "三日內", "98%"),
                                                         ("清理渠道", "七日內", "95%"))))
    document = Document("roads", Metadata(title="Roads", language="zh-HK"), None,
                        (Paragraph((Span("道路維修服務的表現如下："),)), table))
    pdf = tmp_path / "roads.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", layout), tmp_path))
    names = {row[0].split("+")[1] for row in fonts(pdf)}
    assert {row_face, "Noto-Sans-CJK-TC-Bold"} <= names, names
    assert layout == "large-print" or "Noto-Sans-CJK-TC" not in names, names


# Blocks of running Chinese each ending with a character after a Latin letter or a closing
# mark, or with a Latin word or figure after a character: (the block, how its end reads with
# the last of it bound to what stands before it).
LONE_ENDINGS = [
    (Paragraph((Span("本局的信貸評級維持於AA級。"), Span("1", note="1"))), "AA\u2060級。"),
    (List((ListItem((Span("發布獨立的報告，並獲得評級A級。"),)),), style="decimal"),
     "A\u2060級。"),
    (Quotation((Span("他說：「這是我們的『承諾』書。」"),)), "』\u2060書。」"),
    (Note("1", (Span("數字按附錄B。"),)), "錄\u2060B。"),
    (Table(((Span("地區"),), (Span("工程"),)), (((Span("港島"),), (Span("東區擴展MTR"),)),),
           (Span("表1　各區工程（第二期A）"),)), "展\u2060MTR"),
    (Figure(1, (Span("圖1：東涌新市鎮擴展區第3"),)), "第\u20603"),
]


@pytest.mark.parametrize("language", ["zh-HK", "zh-CN"])
@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_no_block_of_running_chinese_leaves_its_last_character_alone(language, layout_name):
    """The house style's rule for a paragraph's last line holds in every block of running
    Chinese (a list item, a quotation, a note, a cell, a caption), whatever stands before
    its last character (a Latin letter, a closing mark); a Latin word or a figure ending it
    is kept with the character before as a last character is. Numbers stay whole."""
    blocks = tuple(block for block, _ in LONE_ENDINGS)
    html = render_html(Document("lone", Metadata(title="年報", language=language), None,
                                blocks), load_layout(ROOT / "layouts", layout_name))
    shown = re.sub(r"<[^>]+>", "", html)
    for _, ending in LONE_ENDINGS:
        assert ending in shown
    assert not re.search("[A-Za-z0-9]\u2060[A-Za-z0-9]", shown)


@pytest.mark.slow
def test_an_italic_of_han_characters_is_set_upright_and_regular_in_large_print(tmp_path):
    """Large print sets italic as bold; an italic of Han characters, which are never
    slanted (clreq), keeps the regular Hei, as it stays upright in every edition (it had
    been set in the bold Hei), in a Chinese document and as a phrase in an English one,
    whose English italic is still bold. The titles are Latin, so no bold Hei but theirs."""
    faces = {}
    for language, spans in (
            ("zh-HK", (Span("司長致辭完畢。"), Span("全場起立鼓掌", italic=True), Span("。"))),
            ("en-GB", (Span("The choir sang "), Span("Song of the Harbour", italic=True),
                       Span(" and "), Span("海港之歌", italic=True), Span(" in turn.")))):
        document = Document("speech", Metadata(title="Speech", language=language), None,
                            (Paragraph(spans),))
        pdf = tmp_path / f"speech-{language}.pdf"
        pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", "large-print"),
                                   tmp_path))
        faces[language] = {row[0].split("+")[1] for row in fonts(pdf)}
    assert "Noto-Sans-CJK-TC-Bold" not in faces["zh-HK"] | faces["en-GB"], faces
    assert "Noto-Sans-CJK-TC" in faces["zh-HK"] & faces["en-GB"], faces
    assert "Noto-Sans-Bold" in faces["en-GB"], faces
