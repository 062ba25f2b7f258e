"""Where lines may break: the writer's hyphenation rules, addresses, compounds, and the
placement pass that mends holes and hyphen ladders."""

import re
from dataclasses import replace

import pytest

from pipeline.layouts import Hyphenation, load_layout
from pipeline.model import Document, Heading, LineBlock, Metadata, Paragraph, Span
from pipeline.writers.html import Placement, line_attributes, render_html
from pipeline.writers.justified import LineSetting, paragraph_lines
from pipeline.writers.line_breaks import (
    SOFT_HYPHEN,
    WORD_JOINER,
    ZERO_WIDTH_SPACE,
    LineBreaks,
    bound_spaces,
    kept_together,
    unbroken,
)
from pipeline.writers.pdf.placement import MIN_SCALE, Caption, Hole, fitting_scale, mended
from pipeline.writers.pdf.render import font_configuration, placed
from pipeline.writers.pdf.urls import url_fetcher
from pipeline.writers.shaping import TextStyle

from .conftest import ROOT
from .test_paragraphs import SERIF

STYLES = tuple(((bold, italic, note), SERIF) for bold in (False, True)
               for italic in (False, True) for note in (False, True))
RULES = Hyphenation(enabled=True, min_word=7, min_before=3, min_after=3, max_lines=3)
BREAKS = LineBreaks(RULES, "en-GB", links=False)


def test_ordinary_long_words_get_soft_hyphens():
    assert SOFT_HYPHEN in BREAKS.running("the administration")


@pytest.mark.parametrize("word", [
    "Harbourview",  # capitalised: a name, or a word starting a sentence
    "Department",
    "cross-boundary",  # a compound breaks at its own hyphen only
    "well-established",
    "covid19cases",  # digits: a code, not a word
    "short",  # under the shortest word
])
def test_names_compounds_codes_and_short_words_stay_whole(word):
    assert SOFT_HYPHEN not in BREAKS.running(f"the {word} again")


@pytest.mark.parametrize(("code", "joined"), [
    ("CS/2019/044", f"CS/{WORD_JOINER}2019/{WORD_JOINER}044"),
    ("(T.87-1987)", f"(T.{WORD_JOINER}87-1987)"),
    ("2024/25", f"2024/{WORD_JOINER}25"),
])
def test_a_references_code_never_breaks_after_its_slash_or_full_stop(code, joined):
    """A code's slash with a figure beside it, its full stop between a letter and a figure:
    a word joiner after each, where the renderer would break (after `CS/` a report's number
    had been parted); a slash between words (`and/or`) may still break."""
    assert joined in BREAKS.running(f"report {code} filed")
    assert WORD_JOINER not in BREAKS.running("fees and/or charges")


@pytest.mark.parametrize(("language", "text", "joined"), [
    ("zh-HK", "新水管已啟用（註3）。其後", f"（註{WORD_JOINER}3"),
    ("zh-HK", "開支減少（附註 12），其後", f"（附註 {WORD_JOINER}12"),
    ("zh-Hans", "用水量回升（注2）。", f"（注{WORD_JOINER}2"),
    ("en-GB", "the summer routes (Note 4).", f"(Note {WORD_JOINER}4)"),
])
def test_a_note_call_in_words_left_in_the_text_is_never_broken(language, text, joined):
    """A note's call in words that calls no note the reader found stays whole on its line:
    it had broken between 註 and its figure (`（註` over `1）`)."""
    assert joined in LineBreaks(Hyphenation(), language, links=False).running(text)
    assert WORD_JOINER not in LineBreaks(Hyphenation(), "zh-HK", links=False).running(
        "請參閱附表（表1）及註明的項目。")


def test_a_word_bound_to_its_figure_is_never_hyphenated():
    """`£21.6\u00a0million`: the no-break space keeps the amount on one line, and a hyphen
    inside the word would part it all the same (`£21.6 mil-` over `lion`); the word
    elsewhere may break."""
    assert f"mil{SOFT_HYPHEN}lion" not in BREAKS.running("a surplus of £21.6\u00a0million")
    assert f"mil{SOFT_HYPHEN}lion" in BREAKS.running("a million volunteers")


@pytest.mark.parametrize(("text", "bound"), [
    # A relation sign, what it relates and the figure after it: "l =" over "287 degrees" had
    # been set.
    ("a cluster at l = 287 degrees, b \u2248 \u22123.1 and n < 30 sites",
     ["l =", "= 2", "b \u2248", "\u2248 \u2212", "n <", "< 3"]),
    ("where x \u2264 12.5 and y \u2265 \u00a3400 or z \u2260 0",
     ["x \u2264", "\u2264 1", "y \u2265", "\u2265 \u00a3", "z \u2260", "\u2260 0"]),
    # A whole number and its fraction: "33" over "1/3 yards" had been set.
    ("The pool is 33 1/3 yards long and 2 \u00bd metres deep", ["33 1", "2 \u00bd"]),
])  # fmt: skip
def test_a_relation_sign_keeps_its_terms_and_a_whole_number_its_fraction(text, bound):
    spaces = bound_spaces(text)
    assert spaces == {text.index(pair) + pair.index(" ") for pair in bound}
    joined = kept_together(text, "en-GB", last=False)
    assert joined.replace(WORD_JOINER, "") == text
    assert all(pair.replace(" ", " " + WORD_JOINER) in joined for pair in bound)
    layout = load_layout(ROOT / "layouts", "print")
    rules = LineBreaks(layout.hyphenation, "en-GB", links=False)
    for measure in range(100, 400, 10):  # where the paragraph's lines end, at each measure
        setting = LineSetting(float(measure), 0.0, STYLES, ROOT / "layouts" / "fonts",
                              layout.justification)
        ends = {offset for _, offset in paragraph_lines([Span(text)], setting, rules, 0, 0.0)}
        assert not spaces & ends, measure


@pytest.mark.parametrize("prose", [
    "the score was 3 - 1 and x = y", "in 2023 12/5 was a date", "see 5 7/4 and 12 3/8/2024",
    "a = b, 2 + 3", "Home > About us",
])  # fmt: skip
def test_other_spaces_by_figures_and_signs_may_break(prose):
    assert not bound_spaces(prose)


def test_no_soft_hyphen_inside_a_ligature():
    # pyphen breaks "dif-fi-cult"; the shaper would join f and fi across the soft hyphen.
    assert "dif\u00adficult" not in BREAKS.running("a difficult winter")


@pytest.mark.parametrize(("word", "broken"), [
    ("accessibility", "accessi-bil-ity"),  # not accessib-ility
    ("availability", "avail-a-bil-ity"),  # not availab-ility
    ("volatility", "vola-til-ity"),  # not volat-ility
    ("responsible", "responsi-ble"),  # not respons-ible
    ("convertible", "con-verti-ble"),  # not convert-ible
    ("visibly", "visi-bly"),  # not vis-ibly
])
def test_a_suffix_is_never_cut_to_a_fragment_at_a_lines_end(word, broken):
    """The dictionary's breaks by word origin before "-ible" or "-ility" ("accessib-" over
    "ility", "respons-" over "ible") move to the suffix's syllable, as the dictionaries
    break it (ac-ces-si-bil-i-ty, re-spon-si-ble)."""
    shown = BREAKS.running(f"the {word} of the galleries")
    assert broken.replace("-", SOFT_HYPHEN) in shown


def test_addresses_break_before_slash_dot_hyphen_and_at_never_with_a_hyphen():
    shown = BREAKS.running("see https://www.rwh.example.nhs.uk/new-hospital or help@lcwa.example.org")
    assert SOFT_HYPHEN not in shown
    # A word joiner after a slash or a hyphen: the renderer would break after it on its own.
    assert f"https:/{WORD_JOINER}/{WORD_JOINER}www{ZERO_WIDTH_SPACE}.rwh{ZERO_WIDTH_SPACE}." \
        in shown
    assert f"{ZERO_WIDTH_SPACE}/{WORD_JOINER}new{ZERO_WIDTH_SPACE}-{WORD_JOINER}hospital" in shown
    query = BREAKS.running("https://example.org/find?q=rain")
    assert f"?{WORD_JOINER}q=rain" in query
    assert f"help{ZERO_WIDTH_SPACE}@lcwa{ZERO_WIDTH_SPACE}." in shown


@pytest.mark.parametrize("host", ["collections.harbourmuseum.example.org.hk",
                                  "gov.hk/en/about/abouthk/factsheets"])
def test_a_host_written_bare_is_set_apart_as_an_address_but_no_link(host):
    """No hyphen inside it (`harbourmu-seum`), a break before its dots and slashes only."""
    shown = LineBreaks(RULES, "en-GB", links=True).running(f"seen on {host}; visits")
    address = shown[shown.index('<span class="address">'):shown.index("</span>")]
    assert SOFT_HYPHEN not in address and "<a " not in shown
    assert f"{ZERO_WIDTH_SPACE}.hk" in address and "</span>; visits" in shown
    assert SOFT_HYPHEN in BREAKS.running("e.g. the administration of Fig.1")


def test_a_word_left_whole_in_its_block_only():
    whole = LineBreaks(RULES, "en-GB", False, frozenset({(2, "administration")}))
    assert SOFT_HYPHEN not in whole.running("the administration", 2)
    assert SOFT_HYPHEN in whole.running("the administration", 3)


def test_without_hyphenation_nothing_is_inserted():
    assert BREAKS.running("x") == "x"
    plain = LineBreaks(Hyphenation(), "en-GB", False)
    assert SOFT_HYPHEN not in plain.running("the administration")


def test_a_paragraph_the_writer_broke_ends_its_lines_with_the_line_feeds_it_keeps():
    # A line feed costs the renderer nothing; a <br> an element and a generated box a line.
    text = "the harbour\nboard met in the administration"
    ends = {(0, text.index(" met")): "space", (0, text.index("stration")): "hyphen"}
    broken = replace(BREAKS, lines={4: ends})
    assert broken.running(text, 4) == ("the harbour board\nmet in the admini\u2010\nstration")
    # On a grid of characters, the space a line ends at stays before its line feed (which
    # drops it), read as a space, a line feed alone read as nothing.
    assert replace(broken, on_grid=True).running(text, 4) == (
        "the harbour board \nmet in the admini\u2010\nstration")
    assert "<br>" not in broken.running(text, 4)
    assert BREAKS.running(text, 4) == BREAKS.running(text, 5)  # not broken: left as it was
    print_layout = load_layout(ROOT / "layouts", "print")
    plain = TextStyle(("Source Serif 4",), 13.3, 400, False, 0.0, 0.0, "en")
    setting = LineSetting(300.0, 0.0, (((False, False, False), plain),), ROOT / "layouts" / "fonts",
                          print_layout.justification)
    attributes = line_attributes({4: ends}, setting, 4)
    assert 'data-lines="3"' in attributes and "white-space: pre-line" in attributes


@pytest.mark.parametrize(("language", "text", "phrase", "after"), [
    ("zh-HK", "本署推出「Smart Harbour 3.5」計劃", "Smart Harbour 3.5", " 3.5"),
    ("zh-Hans", "公司参与了「Green Port 2030」计划", "Green Port 2030", " Port"),
    ("zh-HK", "推出「Go Digital 2.0」計劃", "Go Digital 2.0", " 2.0"),
])
def test_a_line_end_the_writer_makes_in_a_chinese_text_parts_no_phrase(language, text, phrase,
                                                                         after):
    """A phrase of another language that a line end parts is one element of its language
    still, its figures on the next line in it: they had been cut off it, set with the
    Chinese after them and read in Chinese (`Smart Harbour` over `3.5」計劃`)."""
    rules = replace(LineBreaks(RULES, language, links=False),
                    lines={2: {(0, text.index(after)): "space"}}, on_grid=True)
    lined = phrase.replace(after, after[0] + "\n" + after[1:])
    assert f'<span lang="en-GB">{lined}</span>' in rules.running(text, 2)


def test_a_line_end_inside_a_phrase_kept_whole_stands_outside_it():
    # A phrase kept whole is `white-space: nowrap`, which would make a line feed a space.
    text = "He met 陳 大文 today"
    broken = replace(BREAKS, lines={1: {(0, text.index(" 大")): "space"}})
    assert broken.running(text, 1) == (
        'He met <span lang="zh-HK" class="phrase">陳</span>\n'
        '<span lang="zh-HK" class="phrase">大文</span> today')


def test_compounds_in_titles_never_break():
    assert unbroken("Vice-Chancellor’s Review") == (
        '<span class="compound">Vice-Chancellor’s</span> Review')


def test_a_compound_of_another_language_is_in_it():
    """An English name's compound in a Chinese document's heading or byline is English, as
    the words beside it are (`Kwok-wing` had been left to the Chinese face)."""
    assert unbroken("Dr Lee Kwok-wing", "zh-HK") == (
        '<span lang="en-GB">Dr Lee</span> <span class="compound">'
        '<span lang="en-GB">Kwok-wing</span></span>')


def test_a_figure_that_fits_scaled_is_scaled_else_set_after_the_next_paragraph():
    kinds = ["paragraph", "figure", "paragraph", "heading"]
    fits = Hole(space=300, block=1, tag="figure", height=400, picture_height=350)
    scale = mended(Placement(), fits, kinds, 4).scales[1]
    assert 0.6 <= scale < 1 and 350 * scale + 50 / scale <= 300  # the caption rewraps taller
    too_small = Hole(space=150, block=1, tag="figure", height=400, picture_height=350)
    assert mended(Placement(), too_small, kinds, 4).order == (0, 2, 1, 3)
    before_heading = Hole(space=150, block=2, tag="figure", height=400, picture_height=350)
    assert mended(Placement(), before_heading, ["paragraph", "paragraph", "figure", "heading"],
                  4) is None
    assert mended(Placement(), Hole(300, 0, "p", 20, 0), kinds, 4) is None


def test_a_figure_whose_caption_keeps_its_lines_is_scaled_as_far_as_it_fits():
    """A caption measured as laid out keeps its lines while its longest still fits the
    narrower figure, as a one-line caption does: the figure scales to fit where reckoning
    its caption and margins to grow as it narrows would have sent it overleaf; a caption
    that rewraps is reckoned a line taller."""
    kinds = ["paragraph", "figure", "heading"]
    # 400 px high: a 350 px picture, a 16 px caption line of 300 px (at most 396 px wide in
    # a 529 px figure, 11 px of rule and padding beside it) and 34 px of margins.
    one_line = Caption(1, 16, 300, 300, 396, 529, 11)
    hole = Hole(space=260, block=1, tag="figure", height=400, picture_height=350,
                caption=one_line)
    assert fitting_scale(260, 350, 50) < MIN_SCALE  # reckoned to grow, it would not fit
    scale = mended(Placement(), hole, kinds, 3).scales[1]
    assert scale == 0.59 and 350 * scale + 50 <= 260 - 1  # its caption still on one line
    assert one_line.height(0.59) == 16 and one_line.height(0.58) == 32  # 296 px: rewrapped
    # A caption of two lines reckoned at the width it would take.
    assert Caption(2, 16, 380, 700, 396, 529, 11).height(0.5) == 4 * 16
    assert mended(Placement(), replace(hole, space=200), kinds, 3) is None


def test_a_page_nothing_comes_back_into_opens_its_gaps_within_a_limit():
    """A heading kept with its lead-in and table overleaf, in a ragged edition (no paragraph
    can be set a line longer): the gaps under the page's paragraphs open up by equal shares
    of what the hole is beyond 15 %, none more than MAX_SPREAD; beyond that, nothing."""
    kinds = ["paragraph", "paragraph", "paragraph", "heading", "paragraph", "table"]
    closed = Placement(close_headings=frozenset({3}))
    hole = Hole(space=150, block=3, tag="h2", height=35, picture_height=0, excess=5,
                gaps=(0, 1))
    spread = mended(closed, hole, kinds, 6).spread
    assert spread == {0: 4.5, 1: 4.5}  # 5 px and 4 px of slack, in two gaps
    assert mended(closed, replace(hole, excess=20), kinds, 6) is None  # 10.5 px a gap
    assert mended(replace(closed, spread=spread), hole, kinds, 6) is None  # opened already


def test_a_heading_a_few_points_short_closes_up_the_spaces_over_it_within_a_limit():
    """A heading that lacks a few points to stand at a page's foot with its lines: the
    spaces between the page's paragraphs and over the heading close up by the same share of
    each, what it lacks and a pixel's slack, a paragraph's under it and the heading's over
    it; not where that share passes MAX_SQUEEZE (the heading is set closer instead), nor
    twice, nor on top of a heading set closer, whose space is cut by more than a quarter
    already (a close heading squeezed had lost 58 % of its space, the rest 17 %)."""
    kinds = ["paragraph", "paragraph", "heading", "paragraph"]
    closed = Placement(close_headings=frozenset({2}))
    hole = Hole(space=150, block=2, tag="h2", height=35, picture_height=0, shortfall=3,
                excess=20, gaps=(0,), spacing=((0, None, 20.0), (1, 2, 20.0)))
    squeezed = mended(Placement(), hole, kinds, 4).squeezed
    assert squeezed == {0: 18.0, 1: 18.0, 2: 18.0}  # 4 px of 40, a tenth of each
    assert mended(Placement(), replace(hole, shortfall=11), kinds, 4) == closed  # 12 of 40
    assert mended(replace(closed, squeezed=squeezed), hole, kinds, 4) is None
    assert mended(closed, hole, kinds, 4) is None
    text = "The sluice gear on the lower dam dated from the original construction. " * 3
    document = Document("letter", Metadata(title="Letter"), None, (
        Paragraph((Span(text),)), Paragraph((Span(text),)), Heading("Looking ahead"),
        Paragraph((Span(text),))))
    html = render_html(document, load_layout(ROOT / "layouts", "large-print"),
                       replace(closed, squeezed=squeezed))
    assert re.findall(r'<p data-block="(\d)" style="margin-bottom: 18.00px"', html) == ["0", "1"]
    assert re.search(r'<h2 [^>]*data-block="2" class="close" style="margin-top: 18.00px"', html)


def test_a_heading_kept_with_a_table_overleaf_makes_room_else_parts_else_fills_its_page():
    """A heading whose paragraph is kept with a table too long for the page's foot: its
    writer's paragraphs set a line shorter where the lines they give back let the table's
    first rows come too; else the table parted from a paragraph that is no lead-in; else the
    page's paragraphs set a line longer, as many as the hole is lines too empty."""
    kinds = ["paragraph", "paragraph", "heading", "paragraph", "table", "paragraph"]
    hole = Hole(space=160, block=2, tag="h2", height=35, picture_height=0,
                writers=(0, 1), line=22, excess=20, table_shortfall=50, making_way=(0, 1, 3),
                unled_tables=(4,))
    # The heading fits with its lines; the table's rows lack 50 px, more than setting the
    # heading closer frees: that is tried last.
    way = mended(Placement(), hole, kinds, 6)
    assert way.tightened == {0, 1, 3} and not way.close_headings  # 66 px of the 50 lacking
    parted = mended(way, hole, kinds, 6)  # ... which no breaking set shorter
    assert parted.parted_tables == {4}
    assert mended(replace(parted, loosened=frozenset({0, 1})), replace(
        hole, unled_tables=(), excess=5), kinds, 6).close_headings == {2}
    # A heading lacking room for its own lines is set closer first.
    closed = mended(Placement(), replace(hole, shortfall=12), kinds, 6)
    assert closed.close_headings == {2}
    # Too few lines to give back, the table goes over alone at once.
    assert mended(closed, replace(hole, table_shortfall=70), kinds, 6).parted_tables == {4}
    # A lead-in ending with a colon is never parted from its table: the page runs long.
    led = replace(hole, table_shortfall=70, unled_tables=())
    assert mended(closed, led, kinds, 6).loosened == {0}
    assert mended(closed, replace(led, excess=30), kinds, 6).loosened == {0, 1}
    assert mended(closed, replace(led, excess=50), kinds, 6) is None  # too few paragraphs


def test_a_figure_never_leaves_its_section_past_the_next_heading():
    # A figure ending its section, too tall for the foot of the page, with no room higher up.
    kinds = ["heading", "paragraph", "figure", "heading", "paragraph", "paragraph"]
    hole = Hole(space=150, block=2, tag="figure", height=400, picture_height=350)
    assert mended(Placement(), hole, kinds, 6) is None  # it heads the next page, as it stands
    # Set after its section's text, and still too tall there, it goes no further.
    opening = ["heading", "figure", "paragraph", "heading", "paragraph"]
    later = mended(Placement(), replace(hole, block=1), opening, 5)
    assert later.order == (0, 2, 1, 3, 4)
    assert mended(later, replace(hole, block=1), opening, 5) is None
    # Before a sign-off or a note, or at the very end, the same.
    for last in (["heading", "paragraph", "figure", "signoff"], ["paragraph", "figure"]):
        assert mended(Placement(), replace(hole, block=len(last) - 2 if last[-1] != "figure"
                                           else 1), last, len(last)) is None


def test_a_figure_whose_section_ends_goes_up_before_its_text_where_it_fits():
    kinds = ["heading", "paragraph", "paragraph", "paragraph", "figure", "heading", "paragraph"]
    # (block, room to the foot of the page, height of its first three lines)
    hole = Hole(space=150, block=4, tag="figure", height=400, picture_height=350,
                rooms=((0, 900, 30), (1, 860, 50), (2, 500, 50), (3, 200, 50)))
    # Not before paragraph 3 (200 px to the foot of the page), but before paragraph 2.
    assert mended(Placement(), hole, kinds, 7).order == (0, 1, 4, 2, 3, 5, 6)
    assert 4 not in mended(Placement(), hole, kinds, 7).scales  # it fits as it is
    # Where it fits only smaller, it is scaled down, within limits, at the nearest place.
    tighter = replace(hole, rooms=((0, 900, 30), (1, 430, 50), (2, 250, 50), (3, 200, 50)))
    placed = mended(Placement(), tighter, kinds, 7)
    assert placed.order == (0, 4, 1, 2, 3, 5, 6)  # after its heading, never before it
    # ... with the three lines its heading keeps under it.
    assert 350 * placed.scales[4] + 50 / placed.scales[4] <= 430 - 50
    # A paragraph going on from the page before has no room of its own to give, nor does a
    # heading: the figure heads the next page, before the next heading.
    assert mended(Placement(), replace(hole, rooms=((2, 250, 50), (3, 200, 50))), kinds,
                  7) is None
    # Nor does a first paragraph with no room for its heading's lines under the figure.
    assert mended(Placement(), replace(hole, rooms=((1, 300, 100), (2, 250, 50),
                                                     (3, 200, 50))), kinds, 7) is None
    # Nor does it go under the heading over a lead-in, which goes with what it leads into.
    leading = ["heading", "lead-in", "list", "paragraph", "figure", "heading", "paragraph"]
    assert mended(Placement(), tighter, leading, 7) is None
    # It never passes another figure.
    figures = ["heading", "paragraph", "figure", "paragraph", "figure", "heading"]
    assert mended(Placement(), replace(hole, rooms=((1, 860, 50), (2, 500, 50),
                                                     (3, 200, 50))), figures, 6) is None


def test_a_table_kept_whole_that_leaves_a_hole_splits_after_all():
    kinds = ["paragraph", "heading", "paragraph", "table", "paragraph"]
    kept = Placement(whole_tables=frozenset({3}), close_headings=frozenset({1}))
    # The heading (already set close), its lead-in and the table all went over.
    hole = Hole(200, 1, "h2", 35, 0, long_tables=(3,))
    split = mended(kept, hole, kinds, 5)
    assert split.whole_tables == frozenset() and split.short_splits == frozenset({3})
    assert mended(kept, Hole(200, 1, "h2", 35, 0), kinds, 5) is None  # too short to split
    # Tried once, and kept whole again (too few rows went over): the hole stays.
    tried = replace(kept, short_splits=frozenset({3}))
    assert mended(tried, hole, kinds, 5) is None


def test_a_heading_gone_over_with_its_tables_first_rows_has_a_figure_before_it_shrink():
    """A heading that fits with its own lines, gone over with its lead-in and the table they
    keep (kept whole: split, it had left a row alone at the foot), comes back where a figure
    shrinks by what the table's first rows lack: the table then splits there."""
    kinds = ["paragraph", "figure", "paragraph", "heading", "paragraph", "table"]
    kept = Placement(whole_tables=frozenset({5}))
    hole = Hole(150, 3, "h2", 40, 0, long_tables=(5,), shortfall=-30, table_shortfall=20,
                figures=((1, 350, 400, None),))
    placed = mended(kept, hole, kinds, 6)
    assert 350 * placed.scales[1] + 50 / placed.scales[1] <= 400 - 20 < 350 + 50
    assert placed.scales[1] > 0.9 and placed.whole_tables == frozenset()
    # No figure to shrink: the table splits after all, leaving a row alone at the foot.
    assert mended(kept, replace(hole, figures=()), kinds, 6).short_splits == frozenset({5})


def test_a_heading_set_close_that_still_cannot_come_back_has_a_figure_before_it_shrink():
    kinds = ["paragraph", "figure", "paragraph", "heading", "paragraph"]
    close = Placement(close_headings=frozenset({3}))
    # The heading and its three lines lack 12 px; the figure on the hole's page is 400 px
    # high, 350 of them its picture.
    hole = Hole(150, 3, "h2", 50, 0, shortfall=12, figures=((1, 350, 400, None),))
    scale = mended(close, hole, kinds, 5).scales[1]
    assert 350 * scale + 50 / scale <= 400 - 12 and scale > 0.9  # no smaller than needed
    assert mended(close, replace(hole, figures=()), kinds, 5) is None  # nothing to shrink
    # Shrinking past half the column is refused: the hole is the lesser fault.
    assert mended(close, replace(hole, shortfall=300), kinds, 5) is None
    # Scaled once and still short: scaled further from where it stands.
    again = mended(mended(close, hole, kinds, 5), hole, kinds, 5).scales[1]
    assert again < scale


def test_the_placement_pass_ends_every_ladder_longer_than_the_layout_allows(tmp_path):
    from weasyprint import CSS

    from tests.typesetting import measured

    layout = load_layout(ROOT / "layouts", "print")
    strict = type(layout)(**{**layout.__dict__, "hyphenation": Hyphenation(
        enabled=True, min_word=5, min_before=2, min_after=2, max_lines=2)})
    words = ("considerable administrative responsibilities notwithstanding "
             "internationalisation organisational reconfigurations ") * 30
    document = Document("ladders", Metadata("Ladders"), None, (Paragraph((Span(words),)),))
    fetcher = url_fetcher(layout.folder.parent, tmp_path)
    stylesheet = CSS(filename=layout.folder / layout.stylesheet, url_fetcher=fetcher,
                     font_config=font_configuration())  # the layout's own fonts, not the system's
    _, laid_out = placed(document, strict, [stylesheet], fetcher)
    (tmp_path / "ladders.pdf").write_bytes(laid_out.write_pdf())
    lines = [line.text for line in measured(tmp_path / "ladders.pdf").body()]
    assert any(line.endswith("\u2010") for line in lines)
    assert not any(all(line.endswith(("\u2010", "-")) for line in lines[start:start + 3])
                   for start in range(len(lines) - 2))


def test_a_headings_balancing_break_is_no_space_in_its_text():
    # A reader of the text reads a Chinese heading broken to balance its lines across the
    # break; an English one's words stay apart by the space before it.
    from lxml import html

    from pipeline.writers.pdf.line_ends import source_text

    chinese = html.fragment_fromstring('<h1>春晖公益基金会<br class="balancing">2023年度工作报告</h1>')
    english = html.fragment_fromstring('<h1>Annual <br class="balancing">Report</h1>')
    lines = html.fragment_fromstring("<p>主席<br>陳大文</p>")
    assert source_text(chinese) == "春晖公益基金会2023年度工作报告"
    assert source_text(english) == "Annual Report"
    assert source_text(lines) == "主席\u2028陳大文"


def test_a_block_too_short_to_give_its_heading_three_lines_is_kept_with_the_next():
    """The house style keeps a heading with three lines of its section: a line or two under
    it (an object's `Wrought iron, 1890s–1900s`) is kept with the block after it, so that
    the heading never stands at a page's foot over a line alone; a paragraph long enough
    keeps its three lines by itself (base.css: orphans)."""
    text = "The tongs were made by the yard's own smiths, and used for forty years. " * 3
    document = Document("labels", Metadata(title="Labels"), None, (
        Heading("3. Rivet heater\u2019s tongs"), Paragraph((Span("Wrought iron, 1890s\u20131900s"),)),
        Paragraph((Span(text),)), Heading("4. Banner"),
        LineBlock(((Span("Painted silk, 1873"),), (Span("Lent by the Lodge"),))),
        Paragraph((Span(text),)), Heading("5. Hat"), Paragraph((Span(text),))))
    html = render_html(document, load_layout(ROOT / "layouts", "screen"))
    kept = re.findall(r'<p[^>]*class="[^"]*kept-with-next[^"]*"[^>]*data-block="(\d+)"'
                      r'|<p data-block="(\d+)"[^>]*class="[^"]*kept-with-next', html)
    assert sorted(int(first or second) for first, second in kept) == [1, 4]


def test_lines_enough_to_give_their_heading_three_lines_go_on_as_the_page_allows():
    """A board's three officers or an address under a heading give it its three lines, however
    short each line: they are not kept with what follows, which would make one unbroken
    chain of each section after them (officers, contact heading, address, a paragraph and
    its list) that went over whole, leaving the page before a third empty."""
    document = Document("society", Metadata(title="Annual report"), None, (
        Heading("Our trustees"),
        LineBlock(((Span("Chair: Ana Ruiz"),), (Span("Treasurer: Tom Hale"),),
                   (Span("Secretary: Li Wen"),))),
        Heading("Contact us"),
        LineBlock(((Span("Fenwick Rowing Club"),), (Span("Boathouse Lane"),),
                   (Span("Ely CB7 4AA"),))),
        Heading("Visiting"), LineBlock(((Span("Open daily"),), (Span("10:00–16:00"),))),
        Paragraph((Span("All are welcome."),))))
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    kept = [int(block) for block in re.findall(
        r'<p class="[^"]*kept-with-next[^"]*" data-block="(\d+)"', html)]
    assert kept == [5]


def test_a_section_of_one_line_is_kept_with_its_heading_alone():
    """A short block that is its heading's whole section (the next heading follows it) is
    kept with nothing after it: the heading has all of its section, and the next section
    goes on as the page allows. Kept with the next heading, a one-line section had taken
    that section and a sign-off over with it, leaving the page before 30 % empty."""
    document = Document("review", Metadata(title="總監回顧", language="zh-HK"), None, (
        Heading("四、義工"), Paragraph((Span("正如一位義工所說：「每一碗飯都是一份心意。」"),)),
        Heading("五、展望"), Paragraph((Span("來年我們會繼續與各界合作。"),)),
        Paragraph((Span("我們衷心感謝每一位支持者，讓服務得以延續。" * 4),))))
    html = render_html(document, load_layout(ROOT / "layouts", "print"))
    kept = [int(block) for paragraph in re.findall(r"<p [^>]*>", html)
            if "kept-with-next" in paragraph
            for block in re.findall(r'data-block="(\d+)"', paragraph)]
    assert kept == [3]


@pytest.mark.parametrize("layout_name", ["print", "large-print"])
def test_the_opener_s_subtitle_is_balanced_as_a_heading_is(layout_name):
    """A subtitle too long for a line is balanced over its lines, never a word alone on its
    last (`… on the board of Riverside Food` over `Link`)."""
    from pipeline.model import Document, Metadata, Paragraph, Span

    subtitle = ("Reflections after three years on the board of the Riverside Food Link and its "
                "warehouse")
    document = Document("post", Metadata(title="Why I became a trustee", subtitle=subtitle),
                        None, (Paragraph((Span("When I joined the board, I thought I knew."),)),))
    html = html_as_set(document, layout_name)
    set_subtitle = re.search(r'<p class="subtitle">(.*?)</p>', html, re.S).group(1)
    lines = set_subtitle.split('<br class="balancing">')
    assert len(lines) >= 2 and all(len(line.split()) >= 2 for line in lines)
    widths = [len(line) for line in lines]
    assert max(widths) - min(widths) < 0.5 * max(widths)


def test_an_english_headline_over_a_text_read_as_chinese_breaks_between_its_words():
    """A bilingual release read as Chinese, its English headline its title: balanced as
    English is, at its spaces (it had been balanced as Chinese, and the preflight had
    found its lines starting where Chinese starts none)."""
    from pipeline.model import Document, Metadata, Paragraph, Span

    title = "Harbour trust opens its archive of ferry crews\u2019 voices to the public online"
    document = Document("release", Metadata(title=title, language="zh-HK"), None,
                        (Paragraph((Span("海港信託今日開放渡輪船員口述歷史檔案，供市民在網上收聽。"),)),))
    html = html_as_set(document, "large-print")
    set_title = re.search(r'<h1[^>]*>(.*?)</h1>', html, re.S).group(1)
    lines = re.sub(r"<[^b][^>]*>", "", set_title).split('<br class="balancing">')
    assert len(lines) >= 2
    assert all(line.endswith(" ") for line in lines[:-1]), lines


def html_as_set(document, layout_name: str) -> str:
    """`document`'s HTML in `layout_name`, its display lines balanced as the PDF sets them
    (the layout's setting read from its sample)."""
    from weasyprint import CSS

    from pipeline.layouts import load_layout
    from pipeline.writers.html import render_html
    from pipeline.writers.pdf.justified_lines import paragraph_setting
    from pipeline.writers.pdf.render import font_configuration, stylesheet_files
    from pipeline.writers.pdf.urls import url_fetcher

    layout = load_layout(ROOT / "layouts", layout_name)
    fetcher = url_fetcher(layout.folder.parent, ROOT / "source")
    sheets = [CSS(filename=path, url_fetcher=fetcher, font_config=font_configuration())
              for path in stylesheet_files(document, layout, ROOT / "source")]
    return render_html(document, layout, None, paragraph_setting(document, layout, sheets, fetcher))


@pytest.mark.parametrize("language", ["en-GB", "zh-Hant"])
def test_a_layouts_setting_is_read_alike_without_the_notes_its_sample_calls(monkeypatch,
                                                                           language):
    """The sample a layout's setting is read from calls notes it does not hold: with them, the
    setting read is the same, calls and all."""
    from dataclasses import replace as replaced

    from weasyprint import CSS

    from pipeline.languages import profile_for
    from pipeline.model import Note
    from pipeline.writers.pdf import justified_lines
    from pipeline.writers.pdf.render import stylesheet_files

    lean = justified_lines.sample

    def with_notes(*arguments):
        document = lean(*arguments)
        notes = tuple(Note(span.note, (Span("5"),)) for span in document.blocks[1].spans
                      if span.note)
        return replaced(document, blocks=(*document.blocks[:3], *notes,
                                          *document.blocks[3:]))

    scripts = frozenset(profile for profile in {profile_for(language)} if profile.characters)
    for name in ("print", "screen", "large-print"):
        layout = load_layout(ROOT / "layouts", name).for_language(language)
        fetcher = url_fetcher(layout.folder.parent, ROOT / "source")
        document = Document("sample", Metadata(title="Sample", language=language), None, ())
        sheets = [CSS(filename=path, url_fetcher=fetcher, font_config=font_configuration())
                  for path in stylesheet_files(document, layout, ROOT / "source")]
        setting = justified_lines.sample_setting(layout, language, scripts, sheets, fetcher)
        assert any(note for (_, _, note), _ in setting.styles)
        monkeypatch.setattr(justified_lines, "sample", with_notes)
        assert justified_lines.sample_setting(layout, language, scripts, sheets,
                                              fetcher) == setting
        monkeypatch.setattr(justified_lines, "sample", lean)


def test_what_a_line_prefers_to_keep_together_yields_in_a_table_too_wide():
    """In a table too wide for the measure at its smallest (LineBreaks.yielding), a range
    may break after its dash and a relation, a time, a telephone number or a fraction at
    its spaces; a minus sign and a name's hyphen still hold (`HK$2,500,000–HK$3,000,000`
    had run the table into the margin)."""
    text = ("US$1,850,000\u2013US$2,400,000 from 8.45am\u20135.15pm, p \u2264 0.05, "
            "10 a.m., 16 2/3, +852 2835 1018, r \u2248 \u22120.4 for Jean-Pierre")
    held = kept_together(text, "en-GB", last=False)
    assert f"\u2013{WORD_JOINER}US$" in held and f"p {WORD_JOINER}\u2264" in held
    yielded = kept_together(text, "en-GB", last=False, yielding=True)
    assert yielded.count(WORD_JOINER) == 2
    assert f"\u2212{WORD_JOINER}0.4" in yielded and f"Jean-{WORD_JOINER}Pierre" in yielded
    shown = str(replace(BREAKS, yielding=True).running(text, hyphenate=False))
    assert "\u2013US$2,400,000" in shown and "+852 2835 1018" in shown
