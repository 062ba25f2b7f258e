"""Two Chinese punctuation marks side by side take an em and a half, not two (clreq 3.1.6.2):
the blank half of the bracket facing the other mark is dropped (「…」，, ，「…, 」「, （「), as
InDesign's mojikumi and Typst's CJK punctuation compression set them; marks that stand alone
keep their full width. On our own texts in Traditional and Simplified Chinese, and an English
one quoting Chinese; measured from the glyphs the PDF draws."""

from __future__ import annotations

import pikepdf
import pytest

from pipeline.pdf.glyphs import TEXT_OPERATORS, page_glyphs
from pipeline.pdf.pages import Content
from pipeline.writers.language_tags import tagged

from .support import scraped_editions

HALT = '<span class="halt">{}</span>'


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("推行「惜水計劃」，成效", "zh-HK", "推行「惜水計" + HALT.format("劃」") + "，成效"),
    ("據報，「惜水」", "zh-HK", "據報，" + HALT.format("「惜") + "水」"),
    ("「好」「壞」", "zh-HK", "「" + HALT.format("好」") + "「壞」"),
    ("（「甲」）", "zh-HK", "（" + HALT.format("「甲」") + "）"),
    ("推行「节水计划」，成效", "zh-Hans", "推行「节水计" + HALT.format("划」") + "，成效"),
    ("推行“节水计划”，成效", "zh-Hans", "推行“节水计" + HALT.format("划”") + "，成效"),
    ("句號。」之後", "zh-HK", "句號。」之後"),  # a stop before a closing bracket: both centred
    ("它說「好」。", "zh-HK", "它說「" + HALT.format("好」") + "。"),
    # The mainland's stop sits in the left half of its em: before a closing quote, it is
    # halved (GB/T 15834; clreq 3.1.6.2), where Hong Kong's centred one stays whole.
    ("济沧海。”愿你们", "zh-Hans", "济沧" + HALT.format("海。") + "”愿你们"),
    ("学什么？”我的", "zh-Hans", "学什" + HALT.format("么？") + "”我的"),
])
def test_the_bracket_facing_another_mark_is_set_half_width(text, language, expected):
    """Each mark halved with the letter next to it, which `halt` leaves as it is: a mark
    alone in its box is of no script, and its face's default form (a Traditional stop,
    centred, in a Simplified text) would stand for its language's."""
    assert str(tagged(text, language)) == expected


def test_latin_punctuation_is_never_compressed():
    assert "halt" not in str(tagged("The ‘water’ (and “gas”), done.", "en-GB"))


def test_a_chinese_phrase_in_english_is_compressed_as_chinese():
    markup = str(tagged("The scheme, called 「惜水學堂」，「節水」 in Chinese, ran.", "en-GB"))
    assert HALT.format("堂」") in markup and 'lang="zh-HK"' in markup


OWN = '<span class="own-forms">{}</span>'


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("全面採用5G……我們亦會", "zh-HK", "全面採用5G" + OWN.format("……我") + "們亦會"),
    ("監測PM2.5——例如", "zh-HK", "監測PM2.5" + OWN.format("——例") + "如"),
    ("全面采用5G……我们", "zh-Hans", "全面采用5G" + OWN.format("……我") + "们"),
    ("引入5G……」", "zh-HK", "引入5G" + OWN.format("……") + "」"),  # its face's own form
    # after a Chinese character, a figure after one, or a phrase of its own: already Chinese
    ("跟進……至於", "zh-HK", "跟進……至於"),
    ("增至2024——其後", "zh-HK", "增至2024——其後"),
    ("引入BIM……我們", "zh-HK", '引入<span lang="en-GB">BIM</span>……我們'),
    # Simplified Chinese's stops, whose own forms its faces set among Han letters alone
    ("总氮为1.8mg/L，仍高于", "zh-Hans", "总氮为1.8mg/L" + OWN.format("，仍") + "高于"),
    ("浓度为21μg/m³；较上年", "zh-Hans", "浓度为21μg/m³" + OWN.format("；较") + "上年"),
    ("监测PM2.5：数据、图表", "zh-Hans", "监测PM2.5" + OWN.format("：数") + "据、图表"),
    ("采用AI，提升", "zh-Hans", '采用<span lang="en-GB">AI</span>，提升'),
    ("總氮為1.8mg/L，仍高於", "zh-HK", "總氮為1.8mg/L，仍高於"),  # Traditional: its face's own
])
def test_a_chinese_dash_or_ellipsis_after_latin_letters_is_set_in_chinese(text, language,
                                                                           expected):
    """The renderer shapes a mark in the script of the letters before it in its element: a
    Chinese dash or ellipsis after Latin letters, or a Greek one, is given the Chinese
    character after it, and so is a Simplified Chinese stop (，。、；：？！), whose forms
    its faces' locl gives among Han letters alone (it had been drawn centred, in the
    Traditional form)."""
    assert str(tagged(text, language)) == expected


TEXTS = {
    "dash-after-latin-zh": ("建築資訊", "\n\n".join([
        "新工程合約已全面採用5G……我們亦會研究將要求擴展至私人項目，並檢討成效。"
        "試驗計劃亦引入了AR……至於其他工地，則會分階段推行。",
        "新站點會監測PM2.5——例如「路邊站」——的每小時讀數，供市民查閱；"
        "舊站點則只量度NO2——每日一次。"])),
    "water-saving-zh": ("節約用水", "\n\n".join([
        "本署繼續推行「全面水資源管理策略」，從開源和節流兩方面着手，確保供水穩定可靠。"
        "市民可參加「惜水學堂」「家居節水」兩項計劃，詳情見網站（「節水專頁」）。" * 2,
        "據調查，「節水器」的安裝率已上升至百分之六十；參與計劃的住戶表示：「用水量明顯下降。」"
        * 2])),
    "water-saving-zh-hans": ("节约用水", "\n\n".join([
        "参与计划的住户对我们说：“用水量明显下降了。”这是对同事最好的肯定。" * 3,
        "一位老师说：“孩子们第一次知道，家门口的小河也需要保护。”我们会继续努力。" * 3])),
}


@pytest.fixture(scope="module")
def glyphs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compression")
    found = {}
    for name, (title, body) in TEXTS.items():
        _, pdfs = scraped_editions(folder, name, f"{title}\n\n{body}", ["print", "large-print"])
        for layout, pdf in pdfs.items():
            with pikepdf.open(pdf) as opened:
                found[(name, layout)] = [
                    glyph for page in opened.pages
                    for glyph in page_glyphs(Content.read(page, page.obj, {}, TEXT_OPERATORS))]
    return found


def steps(glyphs, first: str, second: str) -> list[float]:
    """How far, in ems, each `first` stands from a `second` right after it on its line."""
    return [(after.x - before.x) / before.size
            for before, after in zip(glyphs, glyphs[1:], strict=False)
            if before.text == first and after.text == second and abs(before.y - after.y) < 1]


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "large-print"])
def test_two_marks_take_an_em_and_a_half(glyphs, layout):
    drawn = glyphs[("water-saving-zh", layout)]
    # the second mark stands half an em after the first (plus what justification spreads)
    for first, second in [("」", "，"), ("」", "「"), ("（", "「"), ("，", "「"), ("」", "）")]:
        found = steps(drawn, first, second)
        assert found, (first, second)
        assert all(0.45 < step < 0.65 for step in found), (first, second, found)
    # characters, and a mark beside them, keep their em
    found = steps(drawn, "學", "堂") + steps(drawn, "，", "從")
    assert found and all(step > 0.95 for step in found), found


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "large-print"])
def test_a_simplified_stop_halved_before_a_quote_keeps_its_simplified_form(glyphs, layout):
    """The mainland's stop, in the left half of its em, set half its width before a closing
    quote: drawn a whole em after the character before it, as its Simplified form stands,
    not three quarters of one, as the Traditional form, centred and halved, would (it had
    been, alone in its box of no script, shaped in the face's default, Traditional)."""
    drawn = glyphs[("water-saving-zh-hans", layout)]
    stops = [(before, stop) for before, stop, after in zip(drawn, drawn[1:], drawn[2:],
                                                            strict=False)
             if stop.text == "\u3002" and after.text == "\u201d" and abs(before.y - stop.y) < 1]
    assert len(stops) >= 2
    assert all(0.95 < (stop.x - before.x) / before.size < 1.1 for before, stop in stops)
    assert all(0.45 < step < 0.65 for step in steps(drawn, "\u3002", "\u201d"))


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "large-print"])
def test_a_chinese_dash_or_ellipsis_after_latin_letters_takes_its_chinese_width(glyphs,
                                                                                layout):
    """Each dot of the ellipsis an em wide, the dash two, as after a Chinese character; a
    Latin letter's box had set them proportional, the dots on the baseline."""
    drawn = glyphs[("dash-after-latin-zh", layout)]
    dots = [glyph.advance / glyph.size for glyph in drawn if glyph.text == "\u2026"]
    dashes = [glyph.advance / glyph.size for glyph in drawn if glyph.text == "\u2014\u2014"]
    assert len(dots) == 4 and all(abs(width - 1) < 0.01 for width in dots), dots
    assert len(dashes) == 3 and all(abs(width - 2) < 0.01 for width in dashes), dashes
