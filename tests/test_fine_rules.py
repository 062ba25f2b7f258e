"""Fine rules in one ink: a rule under 0.75 pt printed in several inks shows each plate's line
beside the others at the slightest misregistration, so the print edition draws its light
rules in one ink, and the print preflight warns of any that are not (as a printer's does)."""

import shutil

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.checks.preflight.print_rules import fine_rules
from pipeline.layouts import load_layout
from pipeline.pdf.pages import Content
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT
from .support import read_text

# A table's header row with its rules, over figures: the light rule under it is 0.5 pt.
TABLE_TEXT = ROOT / "tests" / "section_figures" / "coastal-parks-review.txt"
HOUSE = "0.95 0.6 0.1 0.35"  # the print layout's house colour, four inks


def rules_of(stream: str) -> list[str]:
    """What fine_rules finds in a page painted by `stream` (WeasyPrint's scale and flip)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.Contents = pdf.make_stream(f"q 0.75 0 0 -0.75 0 842 cm {stream} Q".encode())
    return fine_rules(Content.read(page, page.obj, {}))


def test_a_border_of_half_a_point_in_four_inks_is_found():
    # A border as WeasyPrint paints one: the space between two rectangles, filled even-odd,
    # here 2/3 of a unit under a CTM of 0.75: 0.5 pt.
    found = rules_of(f"/DeviceCMYK cs {HOUSE} scn 100 100 300 20.6667 re 100 100 300 20 re f*")
    assert found == ["a rule 0.50 pt wide in 4 inks (C 95 %, M 60 %, Y 10 %, K 35 %)"]


@pytest.mark.parametrize("stream", [
    "/DeviceCMYK cs 0 0 0 0.6 scn 100 100 300 20.6667 re 100 100 300 20 re f*",  # one ink
    f"/DeviceCMYK cs {HOUSE} scn 100 100 300 21 re 100 100 300 20 re f*",  # 0.75 pt
    f"/DeviceCMYK cs {HOUSE} scn 100 100 300 200 re f",  # a panel, not a rule
    f"/DeviceCMYK cs {HOUSE} scn 10 10 m 12 10 l 12 30 l 10 30 l h f",  # a letter's outline
    "0.25 w /Registration CS 1 SCN 0 0 m 30 0 l S",  # a crop mark: registration colour
])
def test_what_is_no_fine_rule_in_several_inks(stream):
    assert rules_of(stream) == []


def test_a_hairline_stroked_in_two_inks_is_found_once_a_page():
    line = "0.4 w /DeviceCMYK CS 1 0.5 0 0 SCN 10 10 m 300 10 l S"
    assert rules_of(f"{line} {line}") == ["a rule 0.30 pt wide in 2 inks (C 100 %, M 50 %)"]


@pytest.mark.slow
def test_the_print_edition_draws_its_light_rules_in_one_ink(tmp_path):
    """The light rule under a table's header is grey in the print edition (its layout's
    --fine-rule), which the preflight passes; drawn in the house colour, as the other
    layouts draw it, the preflight names the pages it is on."""
    document = read_text(TABLE_TEXT)
    layouts = tmp_path / "layouts"
    shutil.copytree(ROOT / "layouts", layouts)
    verdicts = {}
    for name in ("print", "house-rules"):
        if name == "house-rules":
            shutil.copytree(layouts / "print", layouts / name)
            style = layouts / name / "style.css"
            style.write_text(style.read_text(encoding="utf-8").replace(
                "--fine-rule: var(--quiet);", ""), encoding="utf-8")
        layout = load_layout(layouts, name)
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(render_pdf(document, layout, TABLE_TEXT.parent))
        verdicts[name] = next(check for check in preflight(pdf, document, layout).checks
                              if check.rule == "fine-rules")
    assert verdicts["print"].passed
    house = verdicts["house-rules"]
    assert house.severity == "warning" and not house.passed
    assert "a rule 0.50 pt wide in 4 inks (C 95 %, M 60 %, Y 10 %, K 35 %)" in house.message
