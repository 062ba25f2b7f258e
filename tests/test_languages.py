"""Languages as profiles (pipeline/languages/): what readers, writers and checks ask of them."""

import re
from pathlib import Path

import pytest

import pipeline.languages as languages
from pipeline.languages import (
    DEFAULT,
    GREETING,
    detect,
    phrases,
    profile_for,
    scripts,
    text_language,
)
from pipeline.languages.chinese import CHINESE, Chinese
from pipeline.languages.english import ENGLISH
from pipeline.layouts import load_layout
from pipeline.model import Byline, Document, Figure, Heading, Metadata, Paragraph, Span
from pipeline.readers.front_matter import parse_byline
from pipeline.readers.numbering import list_numbering

from .conftest import ROOT

PIPELINE = Path(__file__).parent.parent / "pipeline"


@pytest.mark.parametrize(("tag", "profile"), [
    ("zh-HK", CHINESE), ("zh", CHINESE), ("zh-Hant", CHINESE), ("ZH-hant-hk", CHINESE),
    ("en-GB", ENGLISH), ("en-US", ENGLISH), ("fr-FR", ENGLISH), ("", ENGLISH),
    ("zhx", ENGLISH),  # a tag only begins with "zh" when "zh" is its first subtag
])
def test_a_tag_finds_its_profile_and_any_other_the_default(tag, profile):
    assert profile_for(tag) is profile


def test_a_text_is_in_the_language_its_characters_say():
    assert DEFAULT is ENGLISH and ENGLISH.tag == "en-GB"
    assert detect("The port grew by 41 per cent.") is ENGLISH
    assert detect("醫管局今年推出三項新措施。") is CHINESE
    assert detect("Dr LEUNG Sze-wing (梁思穎) opened the ward.") is ENGLISH
    assert text_language("港口報告\n\n本年度港內並無事故。") == "zh-HK"
    assert text_language("港口報告", "fr-FR") == "fr-FR"  # the metadata's, when it names one


def test_each_profile_typesets_its_own_lines():
    assert ENGLISH.typeset('the "super-connector" role -- 41 per cent') == \
        "the \u2018super-connector\u2019 role\u00a0\u2013 41\u00a0per\u00a0cent"
    assert CHINESE.typeset('他說:"好."') == "他說：「好。」"


def test_headings_and_bylines_take_their_languages_shapes():
    assert ENGLISH.is_heading("A new headquarters") and not ENGLISH.is_heading("It opened.")
    assert CHINESE.is_heading("綠色港口") and not CHINESE.is_heading("港口已經開放。")
    assert ENGLISH.is_byline("Ann Lee, DBE, President", 2)
    assert not ENGLISH.is_byline("Ann Lee, DBE, President", 1)  # written once
    assert CHINESE.is_byline("醫院管理局行政總裁 梁思穎醫生", 3)
    assert parse_byline("Ann Lee DBE FRS, President") == Byline(
        "Ann Lee", ("DBE", "FRS"), "President", honours_spaced=True)  # parted as written
    assert parse_byline("梁思穎醫生，行政總裁") == Byline("梁思穎醫生", (), "行政總裁")
    # An unknown post-nominal after a known one is one too; a surname in capitals before a
    # known one stays the name's.
    assert ENGLISH.byline_parts("Professor Jo Hale FRICS FICSV") == (
        "Professor Jo Hale", ("FRICS", "FICSV"), "")
    assert ENGLISH.byline_parts("Dr Anne MARTIN FRICS") == ("Dr Anne MARTIN", ("FRICS",), "")


def test_a_byline_reads_in_its_languages_order():
    english = Byline("Ann Lee", ("DBE",), "President")
    chinese = Byline("梁思穎醫生", (), "醫院管理局行政總裁")
    assert (english.text, english.role_first) == ("Ann Lee, DBE, President", False)
    assert (chinese.text, chinese.role_first) == ("醫院管理局行政總裁 梁思穎醫生", True)


def test_dates_read_as_each_language_writes_them():
    assert [Metadata("x", date=date).shown_date for date in ("2024", "2024-06", "2024-06-11")] \
        == ["2024", "June 2024", "11 June 2024"]
    assert [Metadata("x", date=date, language="zh-Hant").shown_date
            for date in ("2024", "2024-06", "2024-06-11", "")] \
        == ["2024年", "2024年6月", "2024年6月11日", ""]


def test_a_languages_own_list_numerals_are_read_and_written():
    numerals = CHINESE.numerals
    assert list_numbering(["十一", "十二"]) == ("trad-chinese-informal", 11)
    assert [numerals.numeral(n) for n in (3, 10, 11, 20, 23, 99)] == [
        "三", "十", "十一", "二十", "二十三", "九十九"]
    assert all(numerals.value(numerals.numeral(n)) == n for n in range(1, 100))


def test_a_profile_asks_of_the_patterns_its_language_gives_whether_a_line_is_a_date():
    """Each language gives its patterns of dates and times; the profile asks them, and a
    language giving none has no such line."""

    class Undated(Chinese):
        date_alone = period = None

    assert ENGLISH.is_date("27 June 2024") and CHINESE.is_date("2024年6月27日")
    assert ENGLISH.is_period(" Spring 2024 ") and CHINESE.is_period("三月")
    assert not Undated().is_date("2024年6月27日") and not Undated().is_period("三月")
    assert Undated().is_when("6月27日")  # what it does give still holds


def test_what_chinese_is_never_given():
    assert not (CHINESE.hyphenates or CHINESE.italic) and ENGLISH.hyphenates and ENGLISH.italic


def document(*blocks, byline=None, **metadata) -> Document:
    return Document("x", Metadata(title="Review", **metadata), byline, tuple(blocks))


def test_the_scripts_a_document_shows_are_found_once():
    english = document(Paragraph((Span("Words."),)))
    assert english.scripts == frozenset()
    for held in (document(Paragraph((Span("The chair, "), Span("莫慧琳", bold=True)))),
                 document(byline=Byline("莫慧琳", (), "海港事務監督")),
                 document(Figure(1, (Span("A view."),), alt="葵青貨櫃碼頭")),
                 document(Heading("Words"), subtitle="主席報告")):
        assert held.scripts == frozenset({CHINESE})
        assert held.scripts is held.scripts  # a cached property: read once a document
    # A picture's file name is not a text an edition shows.
    assert document(Figure(1, (Span("A view."),), "photos/港口.jpg")).scripts == frozenset()


def test_the_layouts_name_each_scripts_faces():
    layout = load_layout(ROOT / "layouts", "print")
    faces = layout.faces_for(CHINESE)
    assert (faces.body, faces.heading) == ("Noto Serif CJK TC", "Noto Sans CJK TC")
    assert layout.faces_for(ENGLISH).body == ""  # the default's are body_font, heading_font
    assert layout.for_scripts(frozenset()).faces_for(CHINESE).body == ""
    assert layout.for_scripts(frozenset({CHINESE})) == layout


def test_no_writer_or_check_asks_whether_a_text_is_chinese():
    """Writers and checks ask profiles; only the profiles know which language is which."""
    branches = re.compile(r"\b(is_chinese|is_chinese_tag|holds_chinese)\b|languages\.chinese")
    for folder in ("writers", "checks"):
        for path in (PIPELINE / folder).rglob("*.py"):
            assert not branches.search(path.read_text(encoding="utf-8")), path


# --- A third profile, as README's "Adding a language" describes ------------------------------

SIMPLIFIED_ONLY = "这国说为们发会对时来"  # a few characters only Simplified Chinese writes


class Simplified(Chinese):
    tag = "zh-Hans"
    tags = ("zh-hans", "zh-cn")
    name = "Simplified Chinese"
    rule = "simplified-chinese-language"
    quotes = ("\u201c\u2018", "\u201d\u2019")
    fonts = "simplified_chinese"
    fonts_css = "simplified-chinese.css"

    def holds(self, text: str) -> bool:
        return bool(re.search(f"[{SIMPLIFIED_ONLY}]", text))


@pytest.fixture
def simplified(monkeypatch) -> Simplified:
    profile = Simplified()
    monkeypatch.setattr(languages, "PROFILES", (ENGLISH, profile, CHINESE))
    return profile


def test_a_simplified_profile_tells_its_texts_from_traditional_ones(simplified):
    assert profile_for("zh-Hans-HK") is simplified and profile_for("zh-Hant-HK") is CHINESE
    assert detect("这是我们的港口。") is simplified and detect("這是我們的港口。") is CHINESE
    assert scripts(["这是我们的港口。"]) == {simplified}
    assert scripts(["這是我們的港口。", "Words"]) == {CHINESE}
    assert simplified.typeset('这是"我们的"港口,很好.') == "这是\u201c我们的\u201d港口，很好。"
    text = "The chair 主席報告 spoke of the 我们的港口 plan"
    assert [(piece, profile and profile.tag) for piece, profile in phrases(text, ENGLISH)] == [
        ("The chair ", None), ("主席報告", "zh-HK"), (" spoke of the ", None),
        ("我们的港口", "zh-Hans"), (" plan", None)]
    assert phrases("我们的港口和主席報告", simplified) == [("我们的港口和主席報告", None)]


@pytest.mark.parametrize(("text", "ends"), [
    ("It is done.", True), ("She said: ‘Show us.’", True), ('He said "No!"', True),
    ("(See the table.)", True), ("「救人的工作從不停步。」", True), ("見表1。）", True),
    ("Chief Executive", False), ("‘A quoted title’", False), ("消防處處長", False),
])
def test_a_sentence_ends_inside_its_closing_quotes_and_brackets(text, ends):
    from pipeline.languages import ends_sentence

    assert ends_sentence(text) == ends


@pytest.mark.parametrize(("line", "greeting"), [
    ("Dear members,", True), ("各位會員：", True), ("亲爱的同学们：", True),
    ("各位來賓：", True), ("同學們好！", True), ("我们的同学们在实验室里工作。", False),
])
def test_a_letters_greeting_on_a_line_of_its_own(line, greeting):
    assert bool(GREETING.fullmatch(line)) == greeting


@pytest.mark.parametrize(("line", "address"), [
    ("Deputy Secretary, Mr\u00a0Chan, distinguished guests, ladies and gentlemen,", True),
    ("Ladies and gentlemen:", True), ("Fellow graduates,", True),
    ("Professor the Hon. Lee, President Wong, graduates, parents and friends,", True),
    ("Chief Executive, Honourable Members, distinguished guests,", True),
    ("Members:", False), ("Board members:", False), ("Students,", False),
    ("We welcome our partners, sponsors and friends,", False),
    ("Thank you, my friends.", False),
])
def test_a_speechs_address_to_its_audience_is_a_greeting_not_a_mails(line, address):
    """A speech's address on a line of its own greets its audience as a letter's greeting
    does (set flush, never a heading); a mail's greeting is still only what a mail opens
    with, so a speech forwarded by mail keeps its address. A lead-in naming a group alone
    ("Members:") is none."""
    from pipeline.languages import MAIL_GREETING

    assert bool(GREETING.fullmatch(line)) == address
    assert not MAIL_GREETING.fullmatch(line)


@pytest.mark.parametrize(("language", "label", "said"), [
    ("en-GB", "*", "asterisk"), ("en-GB", "**", "asterisk asterisk"),
    ("en-GB", "\u2021", "double dagger"), ("en-GB", "\u00a7", "section"), ("en-GB", "3", "3"),
    ("zh-HK", "\uff0a", "星號"), ("zh-HK", "\u2020\u2020", "劍號劍號"), ("zh-HK", "2", "2"),
    ("zh-Hans", "\u00a7", "分节号"),
])
def test_a_notes_symbol_is_said_in_words_of_its_language(language, label, said):
    """What a note's link and reference say for its label: a symbol, which a screen reader
    at its default punctuation leaves out, in words; a number as it is."""
    assert profile_for(language).said_label(label) == said


def test_a_lazy_pattern_is_compiled_on_first_use_and_then_matches_as_compiled():
    """The Chinese profile's patterns are compiled when a text first needs them (an English
    text never does), and match as the compiled pattern does."""
    from pipeline.languages.profile import LazyPattern

    lazy = LazyPattern(r"(?P<year>\d{4})年", re.IGNORECASE)
    assert "search" not in vars(lazy) and lazy.pattern == r"(?P<year>\d{4})年"
    assert lazy.search("二〇二四 2024年").group("year") == "2024"
    assert "search" in vars(lazy) and lazy.groupindex == {"year": 1}
    assert lazy.sub("", "2024年12月") == "12月"
    assert [found.group() for found in lazy.finditer("2023年 2024年")] == ["2023年", "2024年"]
