"""A typesetter's finish: running heads and folios set as the layout says, no glyph drawn over
another, the apparatus (captions, notes, headings, tables) and the Chinese grid. Rendered
with the real layouts and measured from the PDF, by the preflight's rules (which measure the
glyphs) and from the outside (pdftotext, tests/typesetting.py)."""

import shutil
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT

TEXTS = Path(__file__).parent / "texts"
LAYOUTS = ["print", "screen", "large-print"]
SEED = ROOT / "source" / "director-review-2024.txt"
# A Chinese letter with notes and a signature; an English one with a table, notes, a sign-off.
CHINESE_LETTER = TEXTS / "structure" / "airport-authority-chairman.txt"
ENGLISH_LETTER = TEXTS / "structure" / "housing-association-letter.txt"
# Two stylesheet faults the running heads once had, as they were written.
GROUPED_MARGIN_BOXES = """
@page {
  @top-left, @top-right { font-family: "Noto Sans"; font-size: 8pt; }
}
"""
pytestmark = pytest.mark.slow  # each renders editions, or builds them with doit
CHINESE_INDENT_OVER_NOTES = """
main > p:lang(zh) + p:lang(zh) { text-indent: 2em; }
"""


def read(path: Path):
    return read_scraped(path, load_metadata(path.with_suffix(".toml"), LAYOUTS))[0]


def built(tmp_path: Path, path: Path, layout_name: str, layouts: Path = ROOT / "layouts") -> Path:
    document = read(path)
    layout = load_layout(layouts, layout_name)
    pdf = tmp_path / f"{path.stem}-{layout_name}.pdf"
    pdf.write_bytes(render_pdf(document, layout, path.parent))
    return pdf


def verdict(pdf: Path, path: Path, layout_name: str, rule: str):
    report = preflight(pdf, read(path), load_layout(ROOT / "layouts", layout_name), path.parent)
    return next(check for check in report.checks if check.rule == rule)


def broken_layouts(tmp_path: Path, layout_name: str, css: str, drop: str = "") -> Path:
    """A copy of the layouts with `css` added to one layout's style.css (and the table
    `drop` left out of its layout.toml)."""
    layouts = tmp_path / "layouts"
    shutil.copytree(ROOT / "layouts", layouts)
    folder = layouts / layout_name
    with (folder / "style.css").open("a", encoding="utf-8") as stylesheet:
        stylesheet.write(css)
    if drop:
        settings = (folder / "layout.toml").read_text(encoding="utf-8")
        start = settings.index(f"[{drop}]")
        end = settings.find("\n[", start + 1)
        (folder / "layout.toml").write_text(settings[:start] + settings[end:] if end > 0
                                            else settings[:start], encoding="utf-8")
    return layouts


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text", [SEED, CHINESE_LETTER], ids=["seed", "chinese"])
def test_running_heads_and_folios_are_set_as_the_layout_says_and_nothing_overprints(
        tmp_path, text, layout):
    pdf = built(tmp_path, text, layout)
    for rule in ("running-heads-and-folios", "no-overprinting"):
        check = verdict(pdf, text, layout, rule)
        assert check.passed, check.message


def test_grouped_margin_boxes_as_once_written_are_found(tmp_path):
    """`@top-left, @top-right { ... }` is no CSS: WeasyPrint dropped it, and the heads came
    out in the body's serif at its size."""
    layouts = broken_layouts(tmp_path, "print", GROUPED_MARGIN_BOXES + """
@page :left { @top-left { content: string(title); } }
@page :right { @top-right { content: string(section, start); } }
""", drop="running_heads")
    pdf = built(tmp_path, SEED, "print", layouts)
    check = verdict(pdf, SEED, "print", "running-heads-and-folios")
    assert not check.passed
    assert "set in Noto Serif, not Noto Sans" in check.message
    body = load_layout(layouts, "print").for_language("en-GB").body_size_pt
    assert f"at {body:g} pt, not 8 pt" in check.message  # the body's size, the heads' own lost


RELEASE = TEXTS / "press" / "saltmarsh-press-release.txt"  # its headline two lines of a 16 pt head


def test_a_long_title_runs_its_heads_on_one_line_and_a_head_on_two_is_found(tmp_path):
    pdf = built(tmp_path, RELEASE, "large-print")
    check = verdict(pdf, RELEASE, "large-print", "running-heads-and-folios")
    assert check.passed, check.message
    import pikepdf

    from pipeline.pdf.glyphs import GLYPHS
    from pipeline.pdf.pages import Content

    with pikepdf.open(pdf) as opened:
        page = opened.pages[1]
        glyphs = GLYPHS.read(Content.read(page, page.obj, {}))
    top = max(glyph.y for glyph in glyphs)
    head = "".join(glyph.text for glyph in glyphs if glyph.y == top)
    assert head.replace("\u00a0", " ") == ("Coastal charity to restore 400 hectares of Essex "
                                           "saltmarsh\u2026")
    # The title whole, as the heads once set it: on two lines, up to the page's edge.
    layouts = broken_layouts(tmp_path, "large-print", "h1 { string-set: title content(text) }")
    pdf = built(tmp_path, RELEASE, "large-print", layouts)
    check = verdict(pdf, RELEASE, "large-print", "running-heads-and-folios")
    assert not check.passed and "set on 2 lines, not one" in check.message


def test_a_line_no_break_sets_within_the_limit_is_loose_not_letter_spaced_and_named(tmp_path):
    """Its only break before a capitalised word (never hyphenated), the first of two lines
    (`Dr Fiona Ashworth, Chief Executive of the Estuaries Wildlife` over `Partnership,
    said:`) cannot be set within the word spaces' limit: its letters take no more than their
    widest for such a line (`letter_spacing_limit_em`), its gaps between words no wider than
    the house style's (0.45 em) unless its letters are at that widest, its spaces the rest
    (InDesign's choice, TeX's underfull line; ending it short would leave a gap at its end as
    wide as its words), and the preflight names the loose line. Letter-spaced out of its
    words, it had passed."""
    import pikepdf

    from pipeline.pdf.glyphs import GLYPHS
    from pipeline.pdf.pages import Content

    pdf = built(tmp_path, RELEASE, "print")
    check = verdict(pdf, RELEASE, "print", "typography")
    assert not check.passed and "over 0.6 em (page 1, 'Dr Fiona Ashworth, Chief" in check.message
    with pikepdf.open(pdf) as opened:
        page = opened.pages[0]
        glyphs = GLYPHS.read(Content.read(page, page.obj, {}))
    opening = next(glyph.y for glyph, after in pairwise(glyphs) if glyph.text + after.text == "Dr")
    line = [glyph for glyph in glyphs if glyph.y == opening]
    layout = load_layout(ROOT / "layouts", "print").for_language("en-GB")
    spaces, size = layout.justification, layout.body_size_pt
    spacing = [after.x - glyph.end for glyph, after in pairwise(line)
               if glyph.text.strip() and after.text.strip()]
    assert max(spacing) <= spaces.letter_spacing_limit_em * size + 0.01, max(spacing)
    # A gap as it is seen: from a word's last letter to the next word's first.
    gaps = [after.x - glyph.end
            for glyph, space, after in zip(line, line[1:], line[2:], strict=False)
            if glyph.text.strip() and not space.text.strip() and after.text.strip()]
    assert max(gaps) <= spaces.space_usual_em * size + 0.01 \
        or min(spacing) >= spaces.letter_spacing_limit_em * size - 0.01, (spacing, gaps)


def test_a_misplaced_folio_is_found(tmp_path):
    pdf = built(tmp_path, SEED, "screen")
    layout = load_layout(ROOT / "layouts", "screen")
    moved = replace(layout, folios=replace(layout.folios, place="outer", size_pt=10.0))
    report = preflight(pdf, read(SEED), moved, SEED.parent)
    check = next(check for check in report.checks if check.rule == "running-heads-and-folios")
    assert "not on the outer" in check.message and "not 10 pt" in check.message


def test_a_chinese_note_numbers_overprint_as_once_written_is_found(tmp_path):
    """The Chinese first-line indent once overrode the notes' own: each note's number was
    printed on its first character."""
    layouts = broken_layouts(tmp_path, "print", CHINESE_INDENT_OVER_NOTES)
    pdf = built(tmp_path, CHINESE_LETTER, "print", layouts)
    check = verdict(pdf, CHINESE_LETTER, "print", "no-overprinting")
    assert not check.passed and "drawn over each other" in check.message


@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_a_tagged_edition_opens_with_its_bookmarks_shown(tmp_path, layout):
    """A reader of the accessible editions finds the headings beside the pages as the
    document opens (/PageMode /UseOutlines), as an auditor expects of a long document."""
    import pikepdf

    with pikepdf.open(built(tmp_path, SEED, layout)) as pdf:
        assert pdf.Root.PageMode == pikepdf.Name.UseOutlines
        assert "/Outlines" in pdf.Root
