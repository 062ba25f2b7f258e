"""English inside a Chinese text is tagged English: each phrase in Latin letters a `<span
lang>` in the HTML and an element with its /Lang in the tagged editions, so a screen reader
speaks it in English (PDF/UA-1, 7.2: a change of natural language is declared; WCAG 2.x,
3.1.2 Language of Parts), as Chinese inside an English text is; an address, a file name or
a code is no phrase, a single letter (a block's "A座") is read with the text around it. The
preflight's english-language rule finds English left in Chinese. A Traditional and a
Simplified Chinese text of their own, with English names, a web address and a table."""

from __future__ import annotations

import re

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.languages import DEFAULT, phrases, profile_for
from pipeline.layouts import load_layout
from pipeline.model import Metadata
from pipeline.pdf.structure import structure_elements
from pipeline.readers.scraped import scraped_document
from pipeline.writers.html import render_html

from .conftest import ROOT
from .support import read_text, rendered_edition, spoken_languages, tagged_editions

LAYOUTS = ROOT / "layouts"
TEXTS = ROOT / "tests" / "phrase_language_texts"
NAMES = ("public-library-report", "water-supplies-review")
ENGLISH_PHRASES = {"public-library-report": ["Hong Kong Book Fair"],
                   "water-supplies-review": ["World Water Council",
                                             "smart metering initiative"]}


def read(name: str):
    return read_text(TEXTS / f"{name}.txt")


def english(text: str, language: str = "zh-HK") -> list[str]:
    return [piece for piece, profile in phrases(text, profile_for(language))
            if profile is DEFAULT]


def test_english_words_in_chinese_are_phrases_of_english():
    assert english("並籌備 Hong Kong Book Fair 期間的活動") == ["Hong Kong Book Fair"]
    assert english("參與World Water Council的smart metering initiative项目", "zh-Hans") == [
        "World Water Council", "smart metering initiative"]
    assert english("Mary O’Brien-Smith 女士及 Don't") == ["Mary O’Brien-Smith", "Don't"]


def test_figures_and_commas_between_english_words_are_the_phrase_s():
    """Set in the English face, not the Chinese face's Latin figures: a figure between two
    English words, or after the last where no letter follows; a figure counting in Chinese
    is Chinese's."""
    assert english("The Trust, chaired by 林美玲, welcomed 8.4 million visitors in 2023-24, "
                   "up 12 per cent.") == [
        "The Trust, chaired by", "welcomed 8.4 million visitors in 2023-24, up 12 per cent."]
    assert english("本館推出「Ocean 2035」計劃，吸引了8,400名 volunteers 參與。") == [
        "Ocean 2035", "volunteers"]


def test_stops_dashes_and_brackets_between_and_after_english_words_are_the_phrase_s():
    """An abbreviation's full stop, a sentence's end, a figure after a stop, a spaced dash
    and words in brackets, between an English phrase's words or after its last up to where
    Chinese resumes, are the phrase's, spoken and set as English (each had parted the
    phrase, or been left untagged: a year read in Chinese); the space before the Chinese
    is not, nor are a bracket the Chinese opened and the Chinese marks."""
    assert english("會議於三月舉行。The board met on 3 March 2024. Mr. Lee (Chair) spoke.") == [
        "The board met on 3 March 2024. Mr. Lee (Chair) spoke."]
    assert english("基金與 Mt. Davis Trust 合作，又與「Ste. Anne’s Hall」，及 Pier No. 4 合作") == [
        "Mt. Davis Trust", "Ste. Anne’s Hall", "Pier No. 4"]
    assert english("我们邀请 Prof. Mary Chan [Secretary], Harbour Society 出席。2024 rose "
                   "by 5 per cent – a record.之后", "zh-Hans") == [
        "Prof. Mary Chan [Secretary], Harbour Society", "2024 rose by 5 per cent – a record."]
    assert english("世界衞生組織(World Health Organization)指出") == ["World Health Organization"]
    # A Chinese phrase in an English text leaves the English its marks and figures.
    assert [(piece, language.tag) for piece, language in phrases(
        "The motto, 「長廊屬於市民。」 (2025), was read.", DEFAULT) if language] == [
        ("「長廊屬於市民。」", "zh-HK")]


def test_figures_after_a_comma_bracketed_abbreviations_and_an_opening_figure_are_the_phrase_s():
    """A date's year after its comma, an abbreviation's letters and stops in brackets after a
    name, and a figure a space parts from the word after it are the phrase's (each had been
    left to the Chinese, read in it); a figure a Chinese character or a currency's sign ends,
    or counting in Chinese, is not."""
    assert english("資料截至 Mar. 15, 2023 (revised).") == ["Mar. 15, 2023 (revised)."]
    assert english("与Ms. K. Wong (H.K.)及Prof. Li (Ph.D.)合作", "zh-Hans") == [
        "Ms. K. Wong (H.K.)", "Prof. Li (Ph.D.)"]
    assert english("計劃於3 March 2026.開始，2025 Asia Art Forum 亦然") == [
        "3 March 2026.", "2025 Asia Art Forum"]
    assert english("2024年 Harbour Day 吸引12,600名 visitors，門票HK$350 each") == [
        "Harbour Day", "visitors", "each"]


def test_a_word_joiner_the_writer_binds_with_leaves_the_phrase_whole():
    """The joiner keeping a Chinese ellipsis off a line's start (`9001⁠……`), or a block's
    last word on its line (`(⁠revised)`), is read as nothing: the figure before it and the
    bracket's words are the phrase's (they had been left to the Chinese, `ISO 9001` parted
    in two)."""
    assert english("所有工地均須採用ISO 14001\u2060……我們") == ["ISO 14001"]
    assert english("數字截至 Mar. 15, 2023 (\u2060revised).") == [
        "Mar. 15, 2023 (\u2060revised)."]
    document, _ = scraped_document("x", "工程報告\n\n所有工地均須採用ISO 14001……我們亦會檢討。\n",
                                   Metadata(title="", language="zh-HK"))
    html = render_html(document, load_layout(LAYOUTS, "print"))
    assert '<span lang="en-GB">ISO 14001</span>\u2060……' in html


def test_quotation_marks_and_apostrophes_between_english_words_are_the_phrase_s():
    """An English headline in a text read as Chinese is one phrase, its quotation marks and
    a plural's apostrophe set in the English face (they had been set as Chinese's, full
    width); marks round a phrase in a Chinese sentence stay Chinese's."""
    assert english("Harbour trust launches ‘Piers Remembered’ oral history of "
                   "ferry crews’ voices") == [
        "Harbour trust launches ‘Piers Remembered’ oral history of ferry crews’ "
        "voices"]
    assert english("本局推出“Harbour Voices”計劃") == ["Harbour Voices"]


def test_a_hyphened_name_the_writer_keeps_together_is_one_phrase():
    """The word joiner that keeps a name's parts on one line ("Goethe-\u2060Institut") is
    inside the phrase: its first part was spoken in the text's language."""
    assert english("及 Goethe-\u2060Institut Hongkong 合作") == ["Goethe-\u2060Institut Hongkong"]
    document, _ = scraped_document("x", "圖書館報告\n\n我們與 Goethe-Institut Hongkong 合作。\n",
                                   Metadata(title="", language="zh-HK"))
    html = render_html(document, load_layout(LAYOUTS, "large-print"))
    assert '<span lang="en-GB">Goethe-\u2060Institut Hongkong</span>' in html


def test_a_paragraph_wholly_in_english_in_a_chinese_text_is_set_as_english():
    """Its own language on the paragraph (not a span inside a Chinese one): its words
    hyphenated as English's, its lines as English sets them (ragged in large print)."""
    text = ("中心通訊\n\n過去一年，中心新建成的聯合實驗室正式投入使用。\n\nOver the past year the "
            "Centre opened its laboratory and published papers in international journals.\n")
    document, _ = scraped_document("x", text, Metadata(title="", language="zh-HK"))
    html = render_html(document, load_layout(LAYOUTS, "print"))
    assert '<p data-block="1" lang="en-GB">Over the past year' in html
    assert "jour\u00adnals" in html or "inter\u00adna" in html  # English hyphenation


@pytest.mark.parametrize("paragraph", [
    # The address is no phrase of any language: the paragraph is still wholly English.
    "Full audited accounts are available at www.hopeharbour.org.hk/reports, with the "
    "trustees' report.",
    # A currency's code is read with its figure: "HK$2.1 billion" is English, and the
    # paragraph wholly so (its sums had stayed Chinese between its English phrases).
    "Revenue rose to HK$2.1 billion (2023: HK$1.9 billion), while costs were held at US$150 "
    "million.",
])
def test_an_english_paragraph_with_an_address_or_sums_is_english_in_a_chinese_text(paragraph):
    text = f"基金年報\n\n過去一年，本會服務人次再創新高。\n\n{paragraph}\n"
    document, _ = scraped_document("x", text, Metadata(title="", language="zh-HK"))
    html = render_html(document, load_layout(LAYOUTS, "print"))
    assert f'<p data-block="1" lang="en-GB">{paragraph[:20]}' in html


# A Chinese text's English paragraph and a Chinese caption; an English text's Chinese phrase.
TWO_LANGUAGES = {
    "bus-company-review": ("巴士公司年報\n\n本年度，公司推出「綠色出行」計劃——全港首個同類計劃……"
                           "乘客反應熱烈。\n\n新車廠於2024年啟用。「新車廠」——開幕典禮。\n\n"
                           "新車廠於2024年啟用。「新車廠」——開幕典禮。\n\nWe also introduced "
                           "the \u2018Green Journeys\u2019 scheme \u2013 the first of its kind "
                           "\u2013 and passengers welcomed it."),
    "arts-festival-review": ("Festival Review\n\nThe festival\u2019s motto, 藝術屬於每一個人——"
                             "我們會繼續努力……, opened the season \u2013 and audiences came."
                             "\n\nMore than forty thousand people attended the performances "
                             "and exhibitions of the autumn season, twice as many as last year."),
}


@pytest.fixture(scope="module")
def faces_set(tmp_path_factory):
    """Each text's print edition: (character, whether its face is a Chinese one) of each
    glyph of the marks the two languages share, with the language of its element."""
    from pipeline.pdf.glyphs import TEXT_OPERATORS, page_glyphs
    from pipeline.pdf.pages import Content

    from .support import scraped_editions

    folder = tmp_path_factory.mktemp("faces")
    found = {}
    for name, text in TWO_LANGUAGES.items():
        _, pdfs = scraped_editions(folder, name, text, ["print"])
        with pikepdf.open(pdfs["print"]) as pdf:
            found[name] = [(glyph.text, "CJK" in glyph.font) for page in pdf.pages
                           for glyph in page_glyphs(Content.read(page, page.obj, {},
                                                                 TEXT_OPERATORS))
                           if glyph.text in "\u2018\u2019\u2013\u2014\u2026"]
    return found


def test_english_in_a_chinese_text_takes_the_latin_face_and_chinese_the_chinese(faces_set):
    """An element in another language than its document's takes that language's faces first
    (the template's `:lang()` faces): an English paragraph of a Chinese text its Latin face,
    its quotation marks and dashes proportional (the Chinese face's are full-width), and a
    Chinese caption, in the captions' sans, the Chinese sans's dashes, as its body does."""
    glyphs = faces_set["bus-company-review"]
    assert sorted({(char, chinese) for char, chinese in glyphs if char in "\u2018\u2019\u2013"}) \
        == [("\u2013", False), ("\u2018", False), ("\u2019", False)]
    assert {chinese for char, chinese in glyphs if char in "\u2014\u2026"} == {True}


def test_a_chinese_phrase_in_an_english_text_takes_the_chinese_face(faces_set):
    """Its dash (——) and ellipsis (……) are Chinese ones, each two ems long and centred; the
    English text around it keeps its own dash."""
    glyphs = faces_set["arts-festival-review"]
    assert {chinese for char, chinese in glyphs if char in "\u2014\u2026"} == {True}
    assert {chinese for char, chinese in glyphs if char in "\u2019\u2013"} == {False}


def test_an_address_a_code_or_a_single_letter_is_no_phrase():
    assert english("詳情請瀏覽 https://www.example.hk/library/annual-report-2024 。") == []
    assert english("請電郵enquiry-ssd@ssd.gov.hk或參閱Audited_2023-24.pdf") == []
    assert english("文件CB(4)1021/23-24及A座、B座") == []
    assert english("二〇二四年") == []
    # A currency's code before its sign is read with its figure, in the sentence's language.
    assert english("涉及款額約HK$1.2億，另有US$300萬") == []


def test_english_in_english_and_chinese_in_chinese_are_no_phrases():
    assert english("The Board met eleven times.", "en-GB") == []
    assert [piece for piece, profile in phrases("主席報告", profile_for("zh-HK")) if profile] \
        == []


@pytest.mark.parametrize("name", NAMES)
def test_the_html_tags_each_english_phrase(name):
    html = render_html(read(name), load_layout(LAYOUTS, "screen"))
    for phrase in ENGLISH_PHRASES[name]:
        assert f'<span lang="en-GB">{phrase}</span>' in html


edition = tagged_editions(TEXTS, NAMES)


@pytest.mark.slow
def test_each_english_phrase_is_spoken_in_english(edition):
    path, _, _, name = edition
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) in ("zh-HK", "zh-Hans")
        spoken = " ".join(text for text, language in spoken_languages(pdf)
                          if language == "en-GB")
        for phrase in ENGLISH_PHRASES[name]:
            assert " ".join(phrase.split()) in " ".join(spoken.split())
        chinese = [text for text, language in spoken_languages(pdf) if language != "en-GB"]
        assert not any(english(text) for text in chinese), chinese


@pytest.mark.slow
def test_the_preflight_finds_english_left_without_its_language(edition, tmp_path):
    path, document, layout, _ = edition
    edition_layout = load_layout(LAYOUTS, layout)
    assert not preflight(path, document, edition_layout).errors
    with pikepdf.open(path) as pdf:
        for element in structure_elements(pdf.Root.StructTreeRoot):
            if element.get("/Lang") == DEFAULT.tag:
                del element.Lang
        pdf.save(tmp_path / "untagged.pdf")
    report = preflight(tmp_path / "untagged.pdf", document, edition_layout)
    (check,) = [check for check in report.checks if check.rule == "english-language"]
    assert not check.passed and "English text without an English /Lang" in check.message


def test_a_glyph_mapped_to_no_text_is_read_as_none():
    """Tagging reads the text a page shows through its fonts' ToUnicode maps: an entry with
    an empty target (<>), as a glyph for a character shown as nothing has it (a word joiner
    between a Chinese table cell's characters), leaves the entries after it their own."""
    from pipeline.pdf.text import to_unicode

    cmap = b"beginbfchar\n<0001> <0020>\n<d22c> <>\n<4f13> <6d32>\nendbfchar\n"
    assert to_unicode(cmap) == {0x0001: " ", 0xD22C: "", 0x4F13: "\u6d32"}


def test_an_english_paragraph_holding_figures_with_letters_is_wholly_english():
    """An English paragraph of a Chinese document holding a code of figures and letters
    (`Stage 2B`, `PM2.5`): English whole, its figures in the English face, its indent
    English's (it had been a Chinese paragraph of English phrases, `2B` in the Chinese
    face, indented two characters)."""
    document, _ = scraped_document(
        "x", "水質\n\n今年水質有所改善。\n\nThe improvement was mainly due to Stage 2B of the "
        "scheme, which cut PM2.5 levels by a fifth in 2022–23.\n",
        Metadata(title="", language="zh-HK"))
    html = render_html(document, load_layout(LAYOUTS, "print"))
    assert re.search(r'<p data-block="\d+" lang="en-GB">The ', html)


def test_each_chinese_phrase_in_an_english_text_takes_its_own_chinese():
    """A Traditional and a Simplified title in one English sentence: each phrase tagged in
    its own Chinese (the Traditional one's had covered both)."""
    text = ("We translated the guide into Traditional Chinese (《海港信託導覽》) and Simplified "
            "Chinese (《海港信托导览》).")
    tags = [(piece, language.tag) for piece, language in phrases(text, DEFAULT) if language]
    assert tags == [("《海港信託導覽》", "zh-HK"), ("《海港信托导览》", "zh-Hans")]


def test_a_number_of_groups_after_an_english_word_is_the_phrase_s():
    """A telephone number after an English word in Chinese (`WhatsApp 6612 3456`): its
    groups the phrase's, in one face (the last group had been the Chinese face's); a
    paragraph of English holding a figure joined to a word (`1.8-kilometre`) English whole."""
    from pipeline.languages import profile_for
    from pipeline.writers.language_tags import wholly_in

    tagged = [piece for piece, language in phrases("查詢：WhatsApp 6612 3456", profile_for("zh-HK"))
              if language]
    assert tagged == ["WhatsApp 6612 3456"]
    assert wholly_in("It includes a 1.8-kilometre promenade at Central Pier No. 4.", "zh-HK")
    # A word joined to the figure after it (`mid-2026`): English whole too (the bilingual
    # release's paragraph had been tagged in pieces, indented as Chinese).
    assert wholly_in("Transcripts will be made available online from mid-2026.", "zh-HK")


# A piece in English and Chinese in parallel, each paragraph followed by its translation: its
# Chinese characters outnumber its English words, so it is read and set as Chinese, but its
# title and first paragraph are English.
BILINGUAL = TEXTS / "ferry-pier-reopening-bilingual.txt"


def test_a_bilingual_text_is_spoken_in_the_language_it_opens_in():
    """As a reader meets it: its title and its first paragraph's language (the window title
    and the bookmarks, which say no language of their own, are read in it); a text in one
    language keeps its own, whatever names or terms of the other it holds."""
    document = read_text(BILINGUAL)
    assert (document.metadata.language, document.spoken_language) == ("zh-HK", "en-GB")
    for path, language in ((TEXTS / "public-library-report.txt", "zh-HK"),
                           (ROOT / "tests" / "chinese_texts" / "harbour-trust-chairman.txt",
                            "en-GB"),
                           (ROOT / "tests" / "texts" / "sites" / "youth-arts-chair-bilingual.txt",
                            "zh-HK")):  # opening in Chinese
        assert read_text(path).spoken_language == language, path.name


# Pieces in English and Chinese in parallel, opening in English, in each Chinese writing.
PARALLEL = {
    "zh-HK": ("Annual Walk on the Harbourfront\n\nMore than three thousand walkers joined the "
              "annual walk along the harbourfront this spring, raising funds for the river "
              "clean-up.\n\n今年春季，逾三千名市民參加一年一度的海濱步行活動，為河道清理工作籌款。"
              "\n\nRoute / 路線\n\nThe route ran from the old pier to the lighthouse.\n\n"
              "路線由舊碼頭出發，沿海濱長廊前往燈塔，全程約八公里，沿途設有三個補給站。"),
    "zh-Hans": ("Spring Tree Planting Day\n\nVolunteers planted four hundred trees on the "
                "hillside behind the school this March.\n\n今年三月，志愿者在学校后山种下了"
                "四百棵树，为山坡增添绿色。\n\nNext steps / 下一步\n\nThe trees will be "
                "watered every week.\n\n树苗将由学生每周浇水，并由老师记录生长情况，"
                "以便来年补种。"),
}


@pytest.mark.parametrize("language", PARALLEL)
def test_a_bilingual_text_is_spoken_in_the_language_its_metadata_names(language, tmp_path):
    """The metadata's language (`language = "zh-HK"` in the text's TOML) is the author's
    word: the catalog's, whatever language the text opens in; with none named, a piece
    opening in English is spoken in English."""
    from .support import scraped_editions

    document, _ = scraped_editions(tmp_path, "walk", PARALLEL[language], [])
    assert (document.metadata.language, document.spoken_language) == (language, "en-GB")
    (tmp_path / "walk.toml").write_text(f'language = "{language}"\n', encoding="utf-8")
    document, _ = scraped_editions(tmp_path, "walk", PARALLEL[language], [])
    assert (document.metadata.language, document.spoken_language) == (language, language)


# Pieces in Chinese and English in parallel, opening in Chinese.
OPENING_IN_CHINESE = (
    "河畔圖書館 館長獻辭\nRiverside Library: Librarian's message\n\n本年度，圖書館共借出"
    "八萬冊圖書，並舉辦了一百二十場親子閱讀活動。\n\nThis year the library lent 80,000 books "
    "and held 120 family reading sessions.\n\n我們感謝每一位義工的支持。\n\nWe thank every "
    "one of our volunteers for their support.")


def test_a_bilingual_text_is_spoken_in_the_default_language_its_metadata_names(tmp_path):
    """A language written in the metadata is the author's word though it is the default
    (`language = "en-GB"`): a piece opening in Chinese is spoken in it (it had been read as
    naming none, spoken in the Chinese it opens in); with none written, it keeps its own."""
    from .support import scraped_editions

    document, _ = scraped_editions(tmp_path, "library", OPENING_IN_CHINESE, [])
    assert (document.metadata.language, document.spoken_language) == ("zh-HK", "zh-HK")
    (tmp_path / "library.toml").write_text('language = "en-GB"\n', encoding="utf-8")
    document, _ = scraped_editions(tmp_path, "library", OPENING_IN_CHINESE, [])
    assert (document.metadata.language, document.spoken_language) == ("en-GB", "en-GB")


@pytest.mark.slow
def test_a_bilingual_text_opening_in_english_is_tagged_in_its_metadata_s_language(tmp_path):
    """Its catalog's /Lang the language its metadata names (PDF/UA-1, 7.2; ISO 32000-1,
    14.9.2), each English paragraph and half heading tagged en-GB (it had been read in the
    English it opens in, the metadata's word overruled)."""
    from .support import scraped_editions

    (tmp_path / "walk.toml").write_text('language = "zh-HK"\n', encoding="utf-8")
    document, pdfs = scraped_editions(tmp_path, "walk", PARALLEL["zh-HK"], ["screen"])
    with pikepdf.open(pdfs["screen"]) as pdf:
        assert str(pdf.Root.Lang) == "zh-HK"
        spoken = spoken_languages(pdf)
    english_words = [text for text, language in spoken if re.search("[A-Za-z]{3}", text)]
    assert english_words and all(language == "en-GB" for text, language in spoken
                                 if text in english_words), spoken
    assert all(language == "zh-HK" for text, language in spoken
               if profile_for("zh-HK").holds(text) and text not in english_words), spoken
    assert not preflight(pdfs["screen"], document, load_layout(LAYOUTS, "screen")).errors


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_a_bilingual_text_opening_in_english_tags_its_chinese(layout, tmp_path):
    """Its catalog's /Lang the language it opens in, so its title and bookmarks are read in
    English (PDF/UA-1, 7.2; ISO 32000-1, 14.9.2), and every Chinese paragraph or half
    heading tagged zh-HK, as Chinese inside an English text is."""
    path, document = rendered_edition(BILINGUAL, layout, tmp_path)
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        spoken = spoken_languages(pdf)
    chinese = [text for text, language in spoken if profile_for("zh-HK").holds(text)]
    assert chinese and all(language == "zh-HK" for text, language in spoken
                           if text in chinese), spoken
    assert all(language == "en-GB" for text, language in spoken
               if re.search("[A-Za-z]", text) and text not in chinese), spoken
    assert not preflight(path, document, load_layout(LAYOUTS, layout)).errors


@pytest.mark.slow
def test_an_english_phrase_s_figures_starting_a_line_are_spoken_in_english(tmp_path):
    """A phrase the line's end parts before its figures (`Smart Harbour` over `3.5`, as the
    screen edition breaks one of these sentences) is English on both lines: the figures'
    element, judged alone, had been no language's, read in Chinese."""
    from .support import scraped_editions

    text = "海港計劃簡報\n\n" + "".join(
        f"本署{'今年' * (n % 5)}推出「Smart Harbour 3.5」計劃{'，' * (n % 2)}並擴展"
        f"{'至各區' * (n % 3)}。" for n in range(16))
    _, pdfs = scraped_editions(tmp_path, "smart-harbour", text, ["screen"])
    with pikepdf.open(pdfs["screen"]) as pdf:
        figures = [language for piece, language in spoken_languages(pdf)
                   if piece.strip() == "3.5"]
    assert figures and set(figures) == {"en-GB"}, figures


@pytest.mark.slow
@pytest.mark.parametrize(("title", "sentence", "language"), [
    ("绿色港口简报", "本局{}启动了绿色计划（Green Port {}年）。计划推广至{}。", "zh-Hans"),
    ("綠色港口簡報", "本局{}稱之為「Green Port {}年」，並推廣至{}。", "zh-HK"),
])
def test_figures_a_chinese_character_goes_on_from_are_spoken_in_chinese(title, sentence,
                                                                         language, tmp_path):
    """A year after an English phrase, set apart from its 年 by the mark after it that is set
    half its width (`2024` before `年）`), on the phrase's line or starting the next: the
    figures are read with the Chinese after them (`2024年`), as where nothing parts them;
    they had been taken for the phrase's, spoken in English."""
    from .support import scraped_editions

    text = f"{title}\n\n" + "".join(
        sentence.format("今年" * (n % 9), 2016 + n % 9, "港口" * (n % 4)) for n in range(18))
    _, pdfs = scraped_editions(tmp_path, "green-port", text, ["screen", "large-print"])
    for pdf in pdfs.values():
        with pikepdf.open(pdf) as opened:
            years = [spoken for piece, spoken in spoken_languages(opened)
                     if re.fullmatch(r"\s*20\d\d\s*", piece)]
        assert years and set(years) == {language}, years


@pytest.mark.slow
@pytest.mark.parametrize(("chinese", "language"), [
    ("本年度共有1,240名學生參加導賞。報名詳情請瀏覽https://www.eastpier.org.hk/tours。", "zh-HK"),
    ("本年度共有1,240名学生参加导赏。报名详情请浏览https://www.eastpier.org.hk/tours。", "zh-Hans"),
])
def test_a_chinese_stop_after_a_link_is_spoken_in_its_paragraphs_chinese(chinese, language,
                                                                          tmp_path):
    """A Chinese paragraph holding a link, in a text opening in English: the marks after the
    link go on with the Chinese sentence before it, and are tagged its Chinese (the `。`
    after the address had been left to the catalog's English)."""
    from .support import scraped_editions

    text = ("East Pier Trust annual note\n\nThis year 1,240 pupils joined our tours. Details "
            f"are at https://www.eastpier.org.hk/tours.\n\n{chinese}")
    _, pdfs = scraped_editions(tmp_path, "east-pier", text, ["screen"])
    with pikepdf.open(pdfs["screen"]) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        stops = [spoken for piece, spoken in spoken_languages(pdf) if piece.strip() == "。"]
    assert stops and set(stops) == {language}, stops
