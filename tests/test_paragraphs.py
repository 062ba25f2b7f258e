"""Paragraphs broken as a whole (Knuth-Plass), headings balanced, the hyphenation rules and the
widths the writer measures them at (HarfBuzz on the layouts' fonts, as Pango sets them)."""

import itertools
from pathlib import Path

import pytest

from pipeline.layouts import Hyphenation, load_layout
from pipeline.model import Span
from pipeline.writers.justified import LineSetting, balanced, paragraph_lines
from pipeline.writers.line_breaks import SHORT, LineBreaks, hyphenation_points
from pipeline.writers.paragraphs import (
    FIL,
    INFINITY,
    SHORT_LINE_PENALTY,
    Box,
    Glue,
    NoBreaking,
    Penalty,
    adjustment_ratio,
    breaks,
    first_fit,
    short_line_break,
)
from pipeline.writers.shaping import TextStyle, shaper

from .conftest import ROOT

FONTS = ROOT / "layouts" / "fonts"
SERIF = TextStyle(("Noto Serif",), 11 * 4 / 3)
PRINT = load_layout(ROOT / "layouts", "print")


def words(widths: list[float]) -> list:
    """Boxes of these widths, parted by spaces of 3 that stretch by 2 and shrink by 1."""
    items = []
    for index, width in enumerate(widths):
        items.append(Box(width))
        if index < len(widths) - 1:
            items.append(Glue(3.0, 2.0, 1.0))
    return [*items, Penalty(0, INFINITY), Glue(0, FIL, 0), Penalty(0, -INFINITY)]


def ratios(items, chosen, measure: float) -> list[float]:
    """How far each line but the last stretches (or shrinks, below 0) its spaces."""
    found, start = [], 0
    for end in chosen[:-1]:
        line = items[start:end]
        width = sum(item.width for item in line if isinstance(item, (Box, Glue)))
        glue = [item for item in line if isinstance(item, Glue)]
        give = sum(item.stretch if width < measure else item.shrink for item in glue)
        found.append((measure - width) / give)
        start = end + 1
    return found


def hyphens_in_a_row(items, chosen) -> int:
    ends = "".join("h" if isinstance(items[index], Penalty) and items[index].flagged else " "
                   for index in chosen)
    return max(map(len, ends.split()), default=0)


def test_the_whole_paragraph_is_weighed_not_each_line_alone():
    """First fit at natural spaces leaves the first line very loose; the whole paragraph's
    best breaking shrinks it a little instead."""
    items = words([25, 35, 35, 10, 10, 10, 10, 10, 30, 20, 20, 10])
    assert max(ratios(items, first_fit(items, lambda line: 100), 100)) > 3
    best = ratios(items, breaks(items, lambda line: 100, [1.0, 3.0]), 100)
    assert all(-1 <= ratio <= 1 for ratio in best), best


def test_no_more_hyphenated_lines_in_a_row_than_allowed():
    """Words whose hyphens are wanted (a negative penalty) ladder four deep unless limited."""
    items = []
    for index in range(20):
        items += [Box(10), Penalty(1.0, -200, flagged=True), Box(10)]
        if index < 19:
            items.append(Glue(3.0, 2.0, 1.0))
    items += [Penalty(0, INFINITY), Glue(0, FIL, 0), Penalty(0, -INFINITY)]
    assert hyphens_in_a_row(items, breaks(items, lambda line: 100, [2.0, 5.0], 9)) == 4
    assert hyphens_in_a_row(items, breaks(items, lambda line: 100, [2.0, 5.0], 2)) == 2


def test_a_line_ends_short_only_where_no_line_could_be_set_within_the_limit():
    """Three short words, then one (a long address's piece) too long to join them: the
    first line could only be set with its spaces stretched far beyond the limit, so it ends
    short, unjustified; the paragraph's other lines keep within the limit."""
    items = words([20, 20, 20, 70, 10, 10, 20, 10, 20, 10, 15, 10, 10])
    with pytest.raises(NoBreaking):
        breaks(items, lambda line: 100, [1.0, 3.0])
    short = []
    for item in items:
        is_space = isinstance(item, Glue) and item.stretch < FIL
        short += short_line_break(item, 100) if is_space else [item]
    chosen = breaks(short, lambda line: 100, [3.0])
    ends = [short[index] for index in chosen[:-1]]
    assert [end for end in ends if isinstance(end, Penalty)] == [Penalty(0, SHORT_LINE_PENALTY)]
    short_breaks = [index for index, item in enumerate(short)
                    if item == Penalty(0, SHORT_LINE_PENALTY)]
    assert chosen[0] == short_breaks[2]  # after the third word
    # Where the paragraph can be set within the limit, the short breaks are never taken.
    plain = words([30, 20, 10, 20, 20, 25, 10, 25, 15, 15, 10, 10, 30, 10])
    with_short = []
    for item in plain:
        is_space = isinstance(item, Glue) and item.stretch < FIL
        with_short += short_line_break(item, 100) if is_space else [item]
    assert not any(isinstance(with_short[index], Penalty) and with_short[index].cost ==
                   SHORT_LINE_PENALTY for index in breaks(with_short, lambda line: 100, [3.0]))


@pytest.mark.parametrize("text", [
    "Our endowment fund, managed by Harcourt Lyle Fiduciary Management under a mandate that "
    "excludes fossil fuels and tobacco, rose in value from £418,000 to £441,000, a total "
    "return of 7.9\u00a0per\u00a0cent after fees, and is held for the long term.",
    "Our investment portfolio, managed by Halden Carr Investment Management under an ethical "
    "mandate that excludes fossil fuels, tobacco and gambling, rose in value from £418,000 to "
    "£441,000.",
])
def test_a_line_too_loose_for_the_limit_is_set_loose_not_ended_short(text):
    """A firm's name in capitalised words, which are never hyphenated, after a few short
    words: at many measures no first line keeps its spaces within the limit. It is set loose
    rather than ended short in the paragraph's middle, where it reads as a break (
    "Our investment portfolio, managed" over the rest of its
    paragraph); a line ends short only before a long address (or between Chinese
    characters), where a loose one would hold holes."""
    styles = tuple(((bold, italic, note), TextStyle(("Noto Serif",), 11.5 * 4 / 3))
                   for bold in (False, True) for italic in (False, True)
                   for note in (False, True))
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=False)
    for measure in range(330, 600, 3):
        setting = LineSetting(float(measure), 0.0, styles, FONTS, PRINT.justification)
        ends = paragraph_lines((Span(text),), setting, rules, block=0, indent=0.0)
        assert not [kind for kind in ends.values() if kind.startswith(SHORT)], measure


def test_a_looseness_of_minus_one_sets_a_paragraph_a_line_shorter_where_it_can():
    items = words([30, 20, 10, 20, 20, 25, 10, 25, 15, 15, 10, 10, 30, 4, 4])
    usual = breaks(items, lambda line: 100, [1.0, 3.0])
    shorter = breaks(items, lambda line: 100, [1.0, 3.0], looseness=-1)
    assert len(shorter) == len(usual) - 1


def test_widths_are_harfbuzz_shaping_of_the_layouts_fonts():
    """As Pango lays them out in WeasyPrint, to a thousandth of a pixel."""
    measuring = shaper(FONTS)
    assert measuring.width("one two ", SERIF) == pytest.approx(59.664, abs=0.001)
    bold = TextStyle(("Noto Serif",), SERIF.size, weight=700)
    assert measuring.width("three", bold) == pytest.approx(40.143, abs=0.001)
    # A character the first family lacks is set in the next one.
    assert measuring.runs("a 香", TextStyle(("Noto Serif", "Noto Serif CJK TC"), 12))[-1][0] \
        .family == "Noto Serif CJK TC"


def test_a_heading_too_long_for_a_line_is_balanced_with_no_word_alone():
    text = "Adopting a multi-pronged strategy to uphold law and order"
    style = TextStyle(("Noto Sans",), 20)
    width = shaper(FONTS).width(text, style)
    starts = balanced(text, style, width * 0.8, FONTS)
    assert len(starts) == 1
    first, second = text[:starts[0] - 1], text[starts[0]:]
    assert len(second.split()) >= 2
    assert abs(shaper(FONTS).width(first, style) - shaper(FONTS).width(second, style)) \
        < width * 0.3
    assert balanced("Short heading", style, 1000, FONTS) == []


@pytest.mark.parametrize("measure", [380 + 10 * step for step in range(18)])
def test_each_line_of_a_balanced_heading_fits_with_the_space_it_keeps_before_its_break(
        measure):
    """The renderer sets a line ending at a forced break with the space before it only where
    that space fits too: a line measured without it went over, and its first word stood
    alone on a line of its own."""
    text = "Chief Inspector’s foreword: annual report 2024 to 2025"
    style = TextStyle(("Noto Sans",), 40, weight=700, letter_spacing=-0.4)
    starts = [0, *balanced(text, style, measure, FONTS)]
    for start, following in zip(starts, starts[1:], strict=False):
        assert shaper(FONTS).width(text[start:following], style) <= measure


@pytest.mark.parametrize(("lines", "spaced"), [
    (["Annual Review 2024: ", "A Year of Renewal for the Harbour"], True),
    (["Our people – ", "the heart of the service we give"], True),
    (["What did we learn? ", "Listening to the families we serve"], True),
    (["主席致辞：", "回顾二〇二四／二五年度的工作"], False),
    (["馆长寄语｜2024年，", "我们一起读过的书"], False),
    # Before an opening quote, which the renderer's UAX #14 breaks before no more than after.
    (["千年窑火 重见天光——", "“南海窑址考古成果展”开幕"], False),
    # After a name's close, not inside a word (the Chinese copy-editor's `試` over `驗`).
    (["政府推出「綠色運輸試驗基金」", "第二期資助計劃"], False),
])
def test_a_heading_breaks_at_its_sense_where_its_lines_fit(lines, spaced):
    """After a colon, a dash, a question, a Chinese comma or bar, where the lines so broken
    fit as few lines as the most even would (`Annual Review 2024: A Year` over `of Renewal
    for the Harbour` read as two broken phrases), as a typesetter breaks a display line."""
    text = "".join(lines)
    language = "en-GB" if spaced else "zh-Hans"
    style = TextStyle(("Noto Sans", "Noto Sans CJK SC"), 40, weight=700, language=language)
    measure = max(shaper(FONTS).width(line, style) for line in lines) + 1
    starts = [0, *balanced(text, style, measure, FONTS, spaced), len(text)]
    assert [text[start:end] for start, end in itertools.pairwise(starts)] == lines


def test_a_heading_without_a_break_in_its_sense_is_balanced_as_evenly_as_it_fits():
    text = "Adopting a multi-pronged strategy to uphold law and order"
    style = TextStyle(("Noto Sans",), 40, weight=700)
    measure = shaper(FONTS).width(text, style) * 0.75
    starts = [0, *balanced(text, style, measure, FONTS), len(text)]
    assert [text[start:end] for start, end in itertools.pairwise(starts)] == [
        "Adopting a multi-pronged ", "strategy to uphold law and order"]


@pytest.mark.parametrize(("text", "language"), [
    ("馆长寄语｜2024年，我们一起读过的书", "zh-Hans"),
    ("「主席的話」：二〇二四／二五年度工作回顧（摘要）", "zh-HK"),
    ("渠務署公布二〇二四年防洪工程進度", "zh-HK"),
    ("觀塘長者中心二零二三至二四年度工作報告", "zh-HK"),
])
def test_a_chinese_heading_is_balanced_where_the_renderer_may_break_its_line(text, language):
    """Never before a closing mark, after an opening one, or inside a figure (clreq), nor
    inside a number in Chinese numerals or before its unit (`二〇二` over `四年…`, `二〇二四`
    over `年…`), nor a figure before its unit (`2024` over `年…`), nor inside a range of
    years (`二零二三` over `至二四年度`)."""
    style = TextStyle(("Noto Sans CJK TC",), 40, weight=700, language=language)
    width = shaper(FONTS).width(text, style)
    for share in (0.4, 0.55, 0.7, 0.85):
        for start in balanced(text, style, width * share, FONTS, spaced=False):
            assert text[start] not in "，。：」）" and text[start - 1] not in "「（"
            assert not (text[start - 1].isdigit() and text[start].isdigit())
            assert not (text[start - 1] in "〇零二三四" and text[start] in "〇零二三四年至")
            assert not (text[start - 1].isdigit() and text[start] == "年")
            assert not (text[start - 1] == "至" and text[start] in "〇零二三四")


@pytest.mark.parametrize(("lines", "language", "openings"), [
    # After the name of who speaks, which the organisation or the lead opens with too.
    (["東灣文化藝術協會", "宣布新一屆理事會名單"], "zh-HK", ("東灣文化藝術協會今日宣布，",)),
    (["东湾文化艺术协会", "宣布新一届理事会名单"], "zh-Hans", ("东湾文化艺术协会",)),
    # Between Han characters and Latin letters or figures.
    (["西區社區服務處推出", "AI長者陪伴計劃"], "zh-HK", ()),
    (["北江青年发展中心", "2025年度服务报告"], "zh-Hans", ()),
    # After its author's space, which parted the words (the space ends the first line).
    (["西灣文物保育協會年報 ", "第四章：財務回顧"], "zh-HK", ()),
    (["南湖湿地保护基金会简报 ", "第六章：项目成效"], "zh-Hans", ()),
])
def test_a_chinese_heading_breaks_at_a_words_edge_where_its_lines_stay_balanced(
        lines, language, openings):
    """Balanced by characters alone, a Chinese heading's break may part a word (`…協會宣` over
    `布…`, `…发展中` over `心2025…`): a typesetter breaks it at a word's edge where its lines
    stay nearly as even."""
    text = "".join(lines)
    style = TextStyle(("Noto Sans CJK TC",), 40, weight=700, language=language)
    width = shaper(FONTS).width(text, style)
    for share in (0.6, 0.75):
        starts = [0, *balanced(text, style, width * share, FONTS, False, openings), len(text)]
        assert [text[start:end] for start, end in itertools.pairwise(starts)] == lines


@pytest.mark.parametrize(("text", "language"), [
    ("博物館推出「南海窯址考古成果展」及「嶺南陶瓷」專題導賞", "zh-HK"),
    ("本馆“南海窑址考古成果展”与《岭南陶瓷》特展同日开幕", "zh-Hans"),
])
def test_a_chinese_headings_break_leaves_no_character_alone_inside_its_marks(text, language):
    """Quotes and brackets hold a name or a phrase: a line never ends with an opening mark
    and one character (`“南` over `海窑址…`), nor starts with one character and a closing
    mark."""
    style = TextStyle(("Noto Sans CJK TC",), 40, weight=700, language=language)
    width = shaper(FONTS).width(text, style)
    for share in (0.3, 0.4, 0.55, 0.7, 0.85):
        for start in balanced(text, style, width * share, FONTS, spaced=False):
            assert text[start - 2] not in "「《“" and text[start + 1] not in "」》”", (
                share, text[:start], text[start:])


@pytest.mark.parametrize(("lines", "spaced"), [
    (["Chairman’s Statement ", "主席報告"], True),
    (["主席報告 ", "Chairman’s Statement"], False),
    (["Annual Report 2024 ", "二〇二四年報"], True),
    (["Chair’s Letter ", "to Members 2024–25 ", "主席致會員函件2024-25"], True),
])
def test_a_heading_in_two_languages_breaks_between_them(lines, spaced):
    """As a typesetter sets a bilingual title, each language on lines of its own, each
    balanced, rather than the lines most even (`Chairman’s` over `Statement 主席報告`), or
    a word alone on a line (`Chair’s` over `Letter` over `to Members 2024–25`)."""
    text = "".join(lines)
    style = TextStyle(("Noto Sans", "Noto Sans CJK TC"), 40, weight=700)
    measure = max(shaper(FONTS).width(line, style) for line in lines[-2:]) + 1
    starts = [0, *balanced(text, style, measure, FONTS, spaced), len(text)]
    assert [text[start:end] for start, end in itertools.pairwise(starts)] == lines


@pytest.mark.parametrize(("word", "pieces"), [
    ("celebrate", ["cel", "e", "brate"]),  # the dictionary's "cel-eb-rate" misleads
    ("applications", ["ap", "pli", "ca", "tions"]),
    ("important", ["im", "por", "tant"]),
    # "authorit-ies", "monit-oring" at line ends
    ("authorities", ["au", "thor", "i", "ties"]),
    ("monitoring", ["mon", "i", "tor", "ing"]),
    ("communities", ["com", "mu", "ni", "ties"]),
    ("volunteers", ["vol", "un", "teers"]),
])
def test_the_layouts_exceptions_list_breaks_misleading_words_as_written(word, pieces):
    points = hyphenation_points(word, "en-GB", PRINT.hyphenation)
    allowed = {sum(map(len, pieces[:end])) for end in range(1, len(pieces))}
    assert points and set(points) <= allowed
    assert all(PRINT.hyphenation.min_before <= point <= len(word) - 3 for point in points)


def test_a_past_tense_is_not_cut_before_its_ending():
    rules = Hyphenation(enabled=True)
    assert len("expec") not in hyphenation_points("expected", "en-GB", rules)
    assert len("foun") not in hyphenation_points("founded", "en-GB", rules)


def test_a_word_written_whole_in_the_exceptions_never_breaks(tmp_path):
    folder = tmp_path / "layouts" / "plain"
    folder.mkdir(parents=True)
    (folder / "layout.toml").write_text("[hyphenation]\nenabled = true\n")
    (folder / "hyphenation.txt").write_text("# never\ncommittee\ncel-e-brate\n")
    rules = load_layout(tmp_path / "layouts", "plain").hyphenation
    assert hyphenation_points("committee", "en-GB", rules) == []
    assert hyphenation_points("celebrate", "en-GB", rules) == [3, 4]  # cel-, cele-


def test_a_malformed_exceptions_list_is_named_in_one_line(tmp_path):
    from pipeline.errors import PipelineError

    folder = tmp_path / "layouts" / "plain"
    folder.mkdir(parents=True)
    (folder / "layout.toml").write_text("")
    (folder / "hyphenation.txt").write_text("cel e brate\n")
    with pytest.raises(PipelineError, match="hyphenation.txt.*line 1"):
        load_layout(Path(tmp_path / "layouts"), "plain")


def test_a_note_call_after_a_space_never_starts_a_justified_line():
    """A call written after a space (as an editor may type it in the draft) stays with the word
    before it at every measure: the space before it is no place to break."""
    plain, call = SERIF, TextStyle(("Noto Serif",), 11 * 4 / 3 * 0.7)
    styles = tuple(((bold, italic, note), call if note else plain)
                   for bold in (False, True) for italic in (False, True)
                   for note in (False, True))
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=False)
    spans = (Span("Grants rose by a third, and the endowment grew once more "),
             Span("1", note="1"),
             Span(" while costs fell. The library reopened on time "), Span("2", note="2"),
             Span(" and within its budget."))
    before_calls = {(0, len(spans[0].text) - 1), (2, len(spans[2].text) - 1)}
    ended = set()
    for measure in range(150, 400, 2):
        setting = LineSetting(float(measure), 0.0, styles, FONTS, PRINT.justification)
        ends = paragraph_lines(spans, setting, rules, block=0, indent=0.0)
        assert not before_calls & set(ends), measure
        ended |= set(ends)
    assert {(0, spans[0].text.rindex(" ", 0, -1))} <= ended  # the word before went over


def test_every_paragraph_of_a_long_document_is_broken_once_for_all_its_layouts():
    """A layout after a mend breaks the document's paragraphs again: each is broken once, for
    every layout, however many paragraphs the document holds (a 300-page report holds over a
    thousand; a cache of fewer broke them all again at every layout)."""
    from pipeline.writers.justified import broken

    styles = tuple(((bold, italic, note), SERIF) for bold in (False, True)
                   for italic in (False, True) for note in (False, True))
    setting = LineSetting(300.0, 0.0, styles, FONTS, PRINT.justification)
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=False)
    paragraphs = [(Span(f"Paragraph {number} of the review, long enough to break twice over "
                        "at this measure, as the body of a long report's chapter does."),)
                  for number in range(3000)]

    def layout() -> None:
        for block, spans in enumerate(paragraphs):
            paragraph_lines(spans, setting, rules, block, indent=0.0)

    layout()
    before = broken.cache_info()
    layout()  # the next layout's paragraphs, as the writer breaks them again
    after = broken.cache_info()
    assert after.misses == before.misses
    assert after.hits - before.hits == len(paragraphs)


def test_every_text_of_a_long_document_is_hyphenated_once_for_all_its_layouts():
    """So are the hyphenation points of each text the writer sets, however many there are."""
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=False)
    texts = [f"Text {number} of the review, its words hyphenated where they may break."
             for number in range(6000)]

    def layout() -> None:
        for block, text in enumerate(texts):
            rules.words(text, block)

    layout()
    before = LineBreaks.words.cache_info()
    layout()
    after = LineBreaks.words.cache_info()
    assert after.misses == before.misses
    assert after.hits - before.hits == len(texts)


def test_letters_stretch_with_the_spaces_up_to_their_widest_and_no_further():
    """Within both stretches, spaces and letters take the same share; beyond, the letters
    stop at their widest (InDesign's letter spacing maximum) and the spaces take the rest."""
    assert adjustment_ratio(90.0, 100.0, stretch=8.0, shrink=5.0, letters=2.0) == 1.0
    assert adjustment_ratio(95.0, 100.0, stretch=8.0, shrink=5.0, letters=2.0) == 0.5
    # 20 lacking: the letters give their 2, the spaces' 8 stretch 18 (a ratio of 2.25).
    assert adjustment_ratio(80.0, 100.0, stretch=8.0, shrink=5.0, letters=2.0) == 2.25


def test_a_last_line_of_a_single_word_costs_what_a_looser_line_does():
    """Typst's runt: of two breakings, the one whose last line holds two words is taken
    where the other's lines are no tighter; a single word left over costs RUNT_DEMERITS."""
    items = words([30, 20, 10, 20, 20, 25, 10, 25, 15, 15, 10, 10, 30, 10])
    chosen = breaks(items, lambda line: 100, [1.0, 3.0])
    spaces = [index for index, item in enumerate(items) if isinstance(item, Glue)
              and item.stretch < FIL]
    assert len([index for index in spaces if index > chosen[-2]]) >= 1


@pytest.mark.parametrize(("lines", "share"), [
    (["Notes on the Methodology ", "of the Regional Housing Survey"], 0.6),
    (["A Year of Change for the Families ", "of the Harbour District"], 0.65),
])
def test_a_headings_line_ends_on_no_word_leading_into_the_next_where_it_can(lines, share):
    """A display line is broken by its sense: not on an article, a preposition or a
    conjunction (`Notes on the Methodology of the` over `Regional Housing Survey`), where
    the lines fit as few otherwise."""
    text = "".join(lines)
    style = TextStyle(("Noto Sans",), 32, weight=700, language="en-GB")
    measure = shaper(FONTS).width(text, style) * share
    starts = [0, *balanced(text, style, measure, FONTS), len(text)]
    assert [text[start:end] for start, end in itertools.pairwise(starts)] == lines


HOUSE_TEXT = ("Our environmental monitoring stations recorded 4,318\u00a0exceedances of the "
              "provisional objectives, overwhelmingly attributable to photochemical smog during "
              "exceptionally prolonged anticyclonic conditions. Consequently the department "
              "intensified enforcement, prosecuting 67\u00a0establishments for unauthorised "
              "discharges and commissioning comprehensive investigations into transboundary "
              "contributions, whose recommendations are anticipated by the forthcoming autumn.")


def test_a_line_goes_beyond_the_house_styles_widest_space_only_where_every_breaking_does():
    """No breaking keeps this paragraph's spaces within the layout's widest (0.4 em) at 498
    px: the breaking chosen within the limit took a line to 0.451 em, where another keeps
    every gap, its letter's spacing with it, within the house style's 0.45 em (0.443 em; at
    the measures either side, none does)."""
    measure = 498
    styles = tuple(((bold, italic, note), TextStyle(("Noto Serif",), PRINT.body_size_pt * 4 / 3))
                   for bold in (False, True) for italic in (False, True)
                   for note in (False, True))
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=False)
    setting = LineSetting(float(measure), 0.0, styles, FONTS, PRINT.justification)
    spaces = PRINT.justification
    ends = paragraph_lines((Span(HOUSE_TEXT),), setting, rules, block=0, indent=0.0)
    measuring = shaper(FONTS)
    plain = styles[0][1]
    lines, start = [], 0
    for (_, offset), kind in sorted(ends.items()):
        lines.append(HOUSE_TEXT[start:offset] + ("\u2010" if kind == "hyphen" else ""))
        start = offset + (kind == "space")
    for line in lines:
        gaps = line.count(" ") + line.count("\u00a0")
        letters = len(line) - gaps
        # The line's letters spaced to their widest, its spaces taking the rest.
        room = measure - measuring.width(line, plain) - letters * spaces.letter_spacing_em \
            * plain.size
        gap = (measuring.width(" ", plain) + room / gaps) / plain.size + spaces.letter_spacing_em
        assert gap <= spaces.space_usual_em, (measure, line, gap)



@pytest.mark.parametrize("text", [
    "Membership grew steadily. Subscriptions collected this spring reached €27.9\u00a0billion, "
    "most of which funds the outreach scheme, and the balance is held in reserve.",
    "Building work finally started on 30\u00a0June 2025, after a delay caused by the tender, "
    "and the contractor expects the new wing to open to patients early next year.",
    "Our accounts stay healthy. The deficit for the period was HK$8.25\u00a0million, "
    "which the reserves absorb, and 2,700\u00a0claims were settled within the month.",
])
def test_a_figure_bound_to_its_unit_never_ends_a_line(text):
    """A paragraph's first few words, then a sum, a date or a count bound to its unit by a
    no-break space (the house style's `HK$24 billion`, `11 June`): at every measure about
    the print edition's (529 px), held together even where that leaves the line before them
    loose, since no earlier break can move them; the line's letters then take what its spaces
    may not (writers/pdf/justified_lines.py)."""
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=False)
    styles = tuple(((bold, italic, note), TextStyle(("Noto Serif",), PRINT.body_size_pt * 4 / 3))
                   for bold in (False, True) for italic in (False, True)
                   for note in (False, True))
    for measure in range(480, 600, 2):
        setting = LineSetting(float(measure) + 0.05, 0.0, styles, FONTS, PRINT.justification)
        ends = paragraph_lines((Span(text),), setting, rules, block=0, indent=0.0)
        for _, offset in ends:
            assert text[offset] != "\u00a0", (measure, text[:offset])


def test_a_paragraph_set_in_the_writers_lines_and_placed_has_one_style_attribute():
    """The placement's declarations (the space under it, its widows) join the line setting's
    in one attribute: of two, the HTML parser keeps the first, and the lines were lost."""
    from types import SimpleNamespace

    from pipeline.writers.html import line_attributes

    setting = SimpleNamespace(shrink_em=0.045, spaces=SimpleNamespace(letter_spacing_em=0.015))
    placed = ["padding-bottom: 3.00px", "widows: 4"]
    attributes = str(line_attributes({7: {10: "", 20: ""}}, setting, 7, placed))
    assert attributes.count("style=") == 1
    assert "widows: 4" in attributes and "white-space: pre-line" in attributes
    assert str(line_attributes({}, setting, 7, placed)) == (
        ' style="padding-bottom: 3.00px; widows: 4"')
    assert str(line_attributes({}, setting, 7)) == ""
