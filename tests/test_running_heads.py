"""Running heads on one line: a title longer than the head's line is given its short form, as
an editor gives one, measured in the head's font and size on the text area's width."""

from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.layouts import load_layout
from pipeline.writers.html.running_heads import running_head

LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
RELEASE = "Coastal charity to restore 400 hectares of Essex saltmarsh in £6.8\u00a0million project"


def head(text: str, layout_name: str = "large-print", language: str = "en-GB") -> str:
    layout = load_layout(LAYOUTS, layout_name).for_language(language)
    families = (layout.running_heads.font, "Noto Sans CJK TC", *layout.symbol_fonts)
    return running_head(text, layout, families, language)


@pytest.mark.parametrize("layout", ["print", "screen", "large-print"])
def test_a_title_that_fits_is_the_head(layout):
    assert head("Chair\u2019s statement", layout) == "Chair\u2019s statement"


def test_a_long_title_is_cut_after_whole_words_never_after_one_leading_on():
    """At 16 pt the headline takes two lines of the large-print head: its words that fit,
    not ending on "in", with an ellipsis. In print, at its smaller size, it fits whole."""
    assert head(RELEASE) == "Coastal charity to restore 400 hectares of Essex saltmarsh\u2026"
    assert head(RELEASE, "print") == RELEASE


def test_a_title_with_a_subtitle_runs_by_its_first_part_a_chapters_by_its_title():
    subtitled = ("Research and innovation: across the faculties, the institutes and the "
                 "partnerships of the University in 2023\u201324")
    assert head(subtitled) == "Research and innovation"
    chapter = ("Chapter 4: Research and innovation across the faculties, the institutes and the "
               "partnerships")
    assert head(chapter) == "Research and innovation across the faculties, the institutes\u2026"


def test_a_long_chinese_title_is_cut_after_whole_characters_with_its_ellipsis():
    title = "海港信託基金二〇二四至二五年度主席報告及財務摘要與來年工作計劃概覽暨社區項目撮要"
    shortened = head(title, language="zh-HK")
    assert shortened.endswith("\u2026\u2026") and title.startswith(shortened[:-2])
    assert len(shortened) < len(title)


def test_an_english_title_over_a_text_read_as_chinese_is_cut_as_english_is():
    """A bilingual release read as Chinese, its English headline its title: cut after whole
    words with English's ellipsis (it had been cut inside a word with Chinese's, and set on
    two lines)."""
    assert head(RELEASE, language="zh-HK") == head(RELEASE)


def test_a_layout_without_running_heads_leaves_the_text():
    layout = replace(load_layout(LAYOUTS, "screen"), running_heads=None)
    assert running_head(RELEASE * 3, layout, ("Noto Sans",), "en-GB") == RELEASE * 3



@pytest.mark.slow
def test_a_right_hand_pages_head_names_the_last_section_begun_on_it(tmp_path):
    """Chicago (1.12): a subhead as a recto's running head is the last on the page (page 3
    of this review begins three sections); a left-hand page carries the title, and a page
    no section begins on, the section it runs on in."""
    import subprocess

    import pikepdf

    from pipeline.model import Heading
    from pipeline.pdf.glyphs import GLYPHS
    from pipeline.pdf.pages import Content
    from pipeline.readers.metadata import load_metadata
    from pipeline.readers.scraped import read_scraped
    from pipeline.writers.pdf.render import render_pdf

    text = Path(__file__).resolve().parent / "typeset_texts" / "river-board-review.txt"
    document = read_scraped(text, load_metadata(text.with_suffix(".toml"), ["print"]))[0]
    pdf = tmp_path / "review.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(LAYOUTS, "print"), tmp_path))
    sections = [block.text for block in document.blocks
                if isinstance(block, Heading) and block.level == 1]
    with pikepdf.open(pdf) as opened:
        heads = {number: top_line(GLYPHS.read(Content.read(page, page.obj, {})))
                 for number, page in enumerate(opened.pages, 1) if number > 1}
    running = None
    for number, head in heads.items():
        body = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        begun = [section for section in sections if section in body.replace("\u00a0", " ")]
        running = begun[-1] if begun else running
        if number == 3:
            assert len(begun) >= 2, begun  # what the test is about
        assert head == (running if number % 2 else document.metadata.title), (number, heads)


def top_line(glyphs) -> str:
    """The text of a page's topmost line: its running head."""
    top = max(glyph.y for glyph in glyphs)
    return "".join(glyph.text for glyph in glyphs if glyph.y == top).replace("\u00a0", " ")
