"""The measure: how many characters a line of body text holds, per language. The profile says
the house style's range, each layout's [language] tables set the page and body size a
language's editions take, the DOCX draft takes the print page, and the preflight's `measure`
rule counts the lines as printed, as a typesetter does."""

import io
import re
import statistics
from pathlib import Path

import pytest

from pipeline.checks.preflight.report import Edition
from pipeline.checks.preflight.typography_rules import (
    PAGE_SETTING,
    body_lines,
    measure_problems,
    measure_summary,
)
from pipeline.errors import PipelineError
from pipeline.languages import profile_for
from pipeline.layouts import Layout, load_layout
from pipeline.model import Document, Metadata, Paragraph, Span
from pipeline.pdf.glyphs import BLACK, Glyph

from .support import scraped_editions
from .typesetting import MM, justified_spaces, set_lines

LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
SIZE = 11.0
LEFT, RIGHT = 100.0, 100.0 + 66 * 0.5 * SIZE  # a measure of 66 letters half an em wide
LINE = 1.4 * SIZE


# --- the profiles' and layouts' measures ---------------------------------------------------


def test_each_language_has_the_house_styles_range():
    assert (profile_for("en-GB").measure.fewest, profile_for("en-GB").measure.most) == (50, 80)
    for tag in ("zh-HK", "zh-Hans", "zh-Hant-TW"):
        assert (profile_for(tag).measure.fewest, profile_for(tag).measure.most) == (35, 45)
    assert profile_for("fr-FR").measure == profile_for("en-GB").measure  # the default's rules


@pytest.mark.parametrize("edition", ["print", "screen"])
@pytest.mark.parametrize("tag", ["zh-HK", "zh-Hans", "zh-Hant-TW", "ZH", "zh"])
def test_chinese_keeps_its_grid_of_37_characters(edition, tag):
    """146 mm of 11 pt, its outer margin wider by what the text area holds beyond 37
    characters: the text area the grid's width, to the micrometre (so the running heads
    and folios, at its edges, stand at the grid's)."""
    layout = load_layout(LAYOUTS, edition).for_language(tag)
    assert layout.body_size_pt == 11.0
    assert layout.grid_characters == 37
    assert layout.page.measure_mm == pytest.approx(37 * 11.0 * 25.4 / 72, abs=0.001)
    assert layout.page.measure_mm >= 37 * 11.0 * 25.4 / 72


@pytest.mark.parametrize("edition", ["print", "screen"])
@pytest.mark.parametrize("tag", ["en-GB", "en", "fr-FR", "zhx-Cn"])
def test_other_languages_take_the_layouts_own_measure(edition, tag):
    layout = load_layout(LAYOUTS, edition)
    assert layout.for_language(tag) == layout
    assert (layout.body_size_pt, layout.page.measure_mm) == (11.5, pytest.approx(140.0))


def test_a_layout_for_a_language_is_itself_for_that_language():
    chinese = load_layout(LAYOUTS, "print").for_language("zh-HK")
    assert chinese.for_language("zh-HK") == chinese
    assert chinese.for_language("en-GB") == chinese  # set once, for the document's language


@pytest.mark.parametrize("layout", ["print", "screen", "large-print"])
@pytest.mark.parametrize("tag", ["en-GB", "zh-HK"])
def test_mirrored_pages_keep_the_spine_margin_the_wider(layout, tag):
    page = load_layout(LAYOUTS, layout).for_language(tag).page
    assert not page.mirrored or page.margin_left_mm > page.margin_right_mm


def test_large_print_checks_chinese_against_its_own_range():
    large = load_layout(LAYOUTS, "large-print")
    assert large.for_language("zh-HK").measure == (25, 35)
    assert large.for_language("en-GB").measure == ()  # English's own, 50 to 80


@pytest.mark.parametrize(("table", "message"), [
    ("[language.zh]\nmargin_left_mm = -4.0\n", "[language.zh]: margin_left_mm must be a number"),
    ("[language.zh]\nbody_size_pt = \"11\"\n", "[language.zh]: body_size_pt must be a number"),
    ("[language.zh]\nmargin_left_mm = 200.0\n", "[language.zh]: the margins leave no room"),
    ("[language.zh]\nbleed_mm = 5.0\n", "[language.zh]: bleed_mm cannot be set for a language"),
    ("[language.zh]\nmeasure = [45, 35]\n", "[language.zh]: measure must be the fewest"),
    ("[language.zh]\nmeasure = 40\n", "[language.zh]: measure must be the fewest"),
    ("language = 11.0\n", "language must hold a table for each language"),
    ("measure = [50]\n", "measure must be the fewest and the most characters a line"),
    ("languages = []\n", "unknown setting languages"),
])
def test_a_bad_language_table_is_refused_naming_it(tmp_path, table, message):
    folder = tmp_path / "layouts" / "plain"
    folder.mkdir(parents=True)
    (folder / "layout.toml").write_text(f'body_size_pt = 11.0\n{table}', encoding="utf-8")
    with pytest.raises(PipelineError) as raised:
        load_layout(tmp_path / "layouts", "plain")
    assert raised.value.path == folder / "layout.toml"
    assert message in raised.value.problem


def test_the_docx_draft_takes_the_print_page_of_its_language():
    from docx import Document as Docx

    from pipeline.writers.docx.draft import write_docx

    layout = load_layout(LAYOUTS, "print")
    # Chinese's outer margin takes what 146 mm holds beyond 37 characters of 11 pt.
    for language, size, margins in (("en-GB", 11.5, (37, 33)), ("zh-HK", 11.0, (34, 32.419))):
        document = Document("x", Metadata(title="Title", language=language), None,
                            (Paragraph((Span("Text."),)),))
        draft = Docx(io.BytesIO(write_docx(document, layout, LAYOUTS)))
        section = draft.sections[0]
        assert (section.left_margin.mm, section.right_margin.mm) == pytest.approx(margins,
                                                                                  abs=0.05)
        assert draft.styles["Normal"].font.size.pt == size


# --- the rule, on glyphs as printed ---------------------------------------------------------


def glyphs(text: str, y: float, *, start: float = LEFT, end: float | None = None,
           size: float = SIZE) -> list[Glyph]:
    """`text` set on the baseline `y` from `start`, letters half an em wide and spaces a
    quarter, its spaces widened so that it ends at `end` (a justified line)."""
    letters = len(text.replace(" ", ""))
    spaces = text.count(" ")
    space = 0.25 * size
    if end is not None and spaces:
        space = (end - start - letters * 0.5 * size) / spaces
    found, x = [], start
    for character in text:
        advance = space if character == " " else 0.5 * size
        found.append(Glyph(character, "Noto Serif", "NotoSerif-Regular", size, BLACK, x, y,
                           advance, x + advance))
        x += advance
    return found


# Where the first line off the measure stands, as a problem names it.
FIRST = ", the first on page 1: 'xxxxxx xxxxx xxxxx xxxxx xxxxx \u2026'"
UNDER = ", the first on page 1: 'xxxxx xxxxx xxxxx xxxxx xxxxx'"


def words(count: int, letters: int = 5) -> str:
    return " ".join("x" * letters for _ in range(count))


def edition_of(lines: list[list[Glyph]], language: str = "en-GB",
               layout: Layout | None = None, area=(LEFT, 0.0, RIGHT, 1000.0)) -> Edition:
    """An edition whose one page shows `lines`, measured as the rule measures a PDF's."""
    layout = layout or Layout(name="plain", folder=Path("plain"), body_size_pt=SIZE)
    document = Document("x", Metadata(title="x", language=language), None, ())
    shown = [glyph for line in lines for glyph in line]
    set_lines = body_lines(shown, SIZE, area, 1, profile_for(language))
    return Edition(Path("x.pdf"), None, document, layout,
                   cache={"readings": {PAGE_SETTING: [(set_lines, 0.0)]}})


def paragraph(line_texts: list[str], top: float = 900.0, justified: bool = True
              ) -> list[list[Glyph]]:
    """A paragraph's lines, all but the last justified to the measure (or ragged)."""
    return [glyphs(text, top - number * LINE,
                   end=RIGHT if justified and number < len(line_texts) - 1 else None)
            for number, text in enumerate(line_texts)]


def test_lines_over_80_characters_warn_as_the_typesetter_found():
    long = words(15)  # 89 characters
    edition = edition_of(paragraph([long] * 10 + ["short."]))
    assert measure_problems(edition) == ["89.0 characters a line on average, over 80",
                                         "10 of 10 lines over 80 characters"
                                         f"{FIRST}"]
    assert measure_summary(edition) == ("10 lines of body text of 89.0 characters on average "
                                        "(89 to 89), 10 over 80 and 0 under 50")


def test_a_measure_near_66_passes_and_its_short_lines_are_not_counted():
    # Lines of 65 and 71 characters; each paragraph's last line, a heading, a caption and a
    # list's short items are shorter, and none of them counts.
    lines = paragraph([words(11), words(12), words(11), "end."], top=900)
    lines += [glyphs("A heading", 820, size=15.0)]
    lines += paragraph([words(12), words(11), "and its last line."], top=790)
    lines += [glyphs("A caption of a photograph", 730, size=9.0)]
    lines += [glyphs("• one", 710), glyphs("• two", 695)]
    found = edition_of(lines)
    assert measure_problems(found) == []
    assert measure_summary(found).startswith("5 lines of body text of 67.4 characters")


def test_one_long_line_in_twenty_is_not_a_measure_missed():
    lines = paragraph([words(15)] + [words(11)] * 24 + ["end."])
    assert measure_problems(edition_of(lines)) == []
    lines = paragraph([words(15)] * 2 + [words(11)] * 23 + ["end."])
    assert measure_problems(edition_of(lines)) == [f"2 of 25 lines over 80 characters{FIRST}"]


def test_a_tables_rows_and_a_flush_right_line_are_not_running_text():
    # A row reaching the measure, its columns far apart; a signature set flush right.
    row = (glyphs("Claims", 900) + glyphs("2,700", 900, start=LEFT + 120)
           + glyphs("1,204", 900, start=RIGHT - 2.5 * SIZE))
    signature = glyphs("Director", 880, start=RIGHT - 4 * SIZE)
    found = edition_of([row, signature] + paragraph([words(11)] * 3 + ["end."], top=860))
    assert measure_summary(found).startswith("3 lines of body text of 65.0 characters")


def test_ragged_lines_count_where_the_next_word_did_not_fit():
    # Ragged right: a line counts when the next line's first word would not have fitted on
    # it; a paragraph's last line, with room for the next paragraph's first word, does not.
    first = paragraph([words(10) + " xx", words(10) + " xx", "short last line."],
                      justified=False)
    second = paragraph(["x" * 14 + " " + words(9), "end."], top=850, justified=False)
    found = edition_of(first + second)
    assert measure_summary(found).startswith("1 line of body text of ")  # only the second's
    wide = [glyphs(words(10) + " x", 900), glyphs("x" * 14 + " yyyy", 900 - LINE)]
    assert measure_summary(edition_of(wide)).startswith("1 line of body text of 61.0")


def test_chinese_lines_count_the_cells_of_their_grid():
    # 37 characters a line, the first indented two: every full line fills the grid.
    size, grid = SIZE, 37
    right = LEFT + grid * SIZE

    def chinese(count: int, y: float, indent: int = 0) -> list[Glyph]:
        return [Glyph("字", "Noto Serif CJK TC", "NotoSerifCJKtc-Regular", size, BLACK,
                      LEFT + (indent + n) * size, y, size, LEFT + (indent + n + 1) * size)
                for n in range(count)]

    lines = [chinese(35, 900, indent=2), chinese(37, 900 - LINE), chinese(12, 900 - 2 * LINE)]
    found = edition_of(lines, "zh-HK", area=(LEFT, 0.0, right, 1000.0))
    assert measure_summary(found) == ("2 lines of body text of 37.0 characters on average "
                                      "(37 to 37), 0 over 45 and 0 under 35")
    assert measure_problems(found) == []


def test_a_line_in_another_language_is_not_counted_in_the_documents_characters():
    # A Chinese paragraph quoted in an English report fills the English measure with 33
    # characters: set on the document's measure, but no English line of 33.
    def chinese(y: float) -> list[Glyph]:
        cell = (RIGHT - LEFT) / 33
        return [Glyph("港", "Noto Serif CJK TC", "NotoSerifCJKtc-Regular", SIZE, BLACK,
                      LEFT + n * cell, y, cell, LEFT + (n + 1) * cell) for n in range(33)]

    lines = paragraph([words(11)] * 3 + ["end."])
    lines += [chinese(800 - number * LINE) for number in range(3)]
    found = edition_of(lines)
    assert measure_summary(found).startswith("3 lines of body text of 65.0 characters")
    assert measure_problems(found) == []


def test_a_layouts_own_range_stands_for_the_languages():
    large = Layout(name="large", folder=Path("large"), body_size_pt=SIZE, measure=(25, 35))
    narrow = LEFT + 30 * 0.5 * SIZE  # 29 characters a line
    lines = [glyphs(words(5), 900 - number * LINE, end=narrow) for number in range(4)]
    area = (LEFT, 0.0, narrow, 1000.0)
    assert measure_problems(edition_of(lines, layout=large, area=area)) == []
    assert measure_problems(edition_of(lines, area=area)) == [
        "29.0 characters a line on average, under 50",
        f"4 of 4 lines under 50 characters{UNDER}"]


def test_an_edition_without_full_lines_reports_none():
    found = edition_of([glyphs("A short note.", 900)])
    assert measure_summary(found) == "no line of body text the measure fills"
    assert measure_problems(found) == []


# --- whole editions -------------------------------------------------------------------------

ENGLISH = """Annual Review of the Lantau Rowing Federation

Chairwoman's statement

The federation's clubs rowed more than 41,000 kilometres on Tolo Harbour and the Shing Mun River this season, a tenth more than last year, and every one of our eleven clubs sent crews to the autumn regatta. Volunteers kept the boathouses open on weekday evenings for the first time, which brought 230 new members, most of them students who had never held an oar before.

Our coaches completed the new safety course in March. Each club now keeps a trained first-aider and a launch driver on the water whenever crews are out, and the sailing clubs beside us have asked to join the scheme next year.

What the season brought

The season brought:

• a new boathouse at Sha Tin, shared with the canoe union;
• two coastal fours, bought with a grant from the district council;
• a junior programme in six schools, taught by our own athletes and coaches on Saturday mornings through the winter.

Membership by club

Club  Members  Change
Sha Tin  412  +38
Tai Po  265  +21
Sai Kung  198  −4

The clubs with the largest intake were those that opened on weekday evenings; we will ask every club to do so from September, and the federation will meet the cost of lighting the slipways for the first year. Details of the scheme are at www.example.org/evening-rowing and from each club's captain.

Our finances stayed sound: income from membership rose by 12 per cent, and the reserve now covers eighteen months of running costs, as the board agreed in 2022. We thank the district councils, the Leisure and Cultural Services Department and every volunteer who gave their evenings to the sport.

Margaret HO Wai-man
Chairwoman
"""

CHINESE = """大嶼山划艇總會年報

主席的話

本會屬下十一個會所在本年度於吐露港及城門河合共划行逾四萬一千公里，較去年增加一成，各會所均派隊參加秋季賽艇大會。義工首次在平日晚上開放船庫，吸引二百三十名新會員加入，當中大部分是從未划過艇的學生。

教練於三月完成新的安全課程。現時每個會所在有艇隊出海時，均有受訓急救員及救生快艇駕駛員當值，鄰近的帆船會亦已要求明年加入此計劃。

本年度的發展包括在沙田興建與獨木舟總會共用的新船庫、購置兩艘海岸四人艇，以及在六所學校推行青少年計劃，由本會運動員及教練於冬季每個星期六早上任教。

平日晚上開放的會所招收的新會員最多；本會將要求所有會所由九月起照辦，並在首年承擔照明滑道的費用。本會財政穩健，會費收入上升百分之十二，儲備足以應付十八個月的營運開支。本會衷心感謝各區議會、康樂及文化事務署，以及每一位犧牲晚上時間推動這項運動的義工。

主席
何慧雯
"""


@pytest.mark.slow
def test_print_sets_english_near_66_to_70_and_chinese_on_its_grid(tmp_path):
    """Built and read back from the outside (poppler): English lines near 66 to 70, none
    over 80, Chinese full lines of a whole number of characters between 35 and 45 (or two
    fewer, indented); the preflight's rule agrees with poppler's count, and passes large
    print too."""
    from pipeline.checks.preflight import preflight

    for name, text in (("rowing", ENGLISH), ("rowing-zh", CHINESE)):
        document, pdfs = scraped_editions(tmp_path, name, text, ["print", "large-print"])
        layout = load_layout(LAYOUTS, "print").for_language(document.metadata.language)
        size = layout.body_size_pt
        if profile_for(document.metadata.language).words_spaced:
            counts = [len(line.text)
                      for line, _ in justified_spaces(pdfs["print"], layout.page, size)]
            assert 62 <= statistics.mean(counts) <= 74 and max(counts) <= 80, counts
        else:  # the lines reaching the grid's end, in characters from the text area's start
            grid = layout.grid_characters
            starts = {number: layout.page.side_margins_mm(number)[0] * MM
                      for number in {line.page for line in set_lines(pdfs["print"])}}
            counts = [round((line.right - starts[line.page]) / size)
                      for line in set_lines(pdfs["print"])
                      if abs(line.right - starts[line.page] - grid * size) < 1.0]
            assert 35 <= grid <= 45 and len(counts) >= 10 and set(counts) == {grid}, counts
        for edition, pdf in pdfs.items():
            report = preflight(pdf, document, load_layout(LAYOUTS, edition), tmp_path)
            check = next(check for check in report.checks if check.rule == "measure")
            assert check.passed, check.message
            if edition == "print":
                average = float(re.search(r"of ([\d.]+) characters", check.message)[1])
                assert average == pytest.approx(statistics.mean(counts), abs=1.0)
