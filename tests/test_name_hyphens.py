"""A name never breaks at its hyphen ("CHAN Tai-man", "Wong Mei-ling", "Jean-Pierre", a
double-barrelled "Fforde-Hughes"), nor a compound of names ("Hong Kong-Zhuhai-Macao"): the
house style hyphenates "never a capitalised word or a name". A capitalised word joined by
hyphens is bound (a word joiner after its hyphen in the HTML, no break there in the writer's
own lines); a lower-case compound ("cross-boundary") still breaks at its own hyphen. The
model's text, the DOCX's and the PDF's keep the hyphen as written."""

from __future__ import annotations

import re
import subprocess

import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Span
from pipeline.writers.justified import LineSetting, paragraph_lines
from pipeline.writers.line_breaks import WORD_JOINER, LineBreaks, bound_hyphens, kept_together
from pipeline.writers.shaping import TextStyle

from .conftest import ROOT
from .support import set_lines, swept

LAYOUTS = ROOT / "layouts"
FONTS = LAYOUTS / "fonts"
PRINT = load_layout(LAYOUTS, "print")
EDITIONS = ["print", "screen", "large-print"]
REPEATS = 30
# A line ending inside a capitalised compound: a capital, letters, a hyphen.
BROKEN_NAME = re.compile(r"(?<![\w-])[A-Z][\w-]*-$")
NAMES = ("CHAN Tai-man", "Wong Mei-ling", "Jean-Pierre", "Fforde-Hughes", "Kong-Zhuhai-Macao",
         "LEUNG Siu-fong", "Marie-Claire")


def test_a_capitalised_compound_is_bound_and_a_lower_case_one_is_not():
    text = ("CHAN Tai-man met Wong Mei-ling, Jean-Pierre and the Hong Kong-Zhuhai-Macao "
            "team on cross-boundary well-being")
    joined = kept_together(text, "en-GB", last=False)
    assert joined.replace(WORD_JOINER, "") == text
    assert joined.count(WORD_JOINER) == 5
    for bound in ("Tai-\u2060man", "Mei-\u2060ling", "Jean-\u2060Pierre",
                  "Kong-\u2060Zhuhai-\u2060Macao"):
        assert bound in joined
    assert "cross-boundary well-being" in joined


def test_codes_file_names_and_chinese_are_no_names():
    assert bound_hyphens("Programme_2024-final.pdf AB-12 ISO 15930-7 港-澳") == ()
    assert bound_hyphens("(Jean-Pierre)") == (5,)


def test_the_writer_never_ends_a_justified_line_at_a_name_s_hyphen():
    styles = tuple(((bold, italic, note), TextStyle(("Noto Serif",), 11 * 4 / 3))
                   for bold in (False, True) for italic in (False, True)
                   for note in (False, True))
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=False)
    text = ("The panel, chaired by CHAN Tai-man with Wong Mei-ling and Jean-Pierre Fforde-Hughes, "
            "met the cross-boundary working group on the Hong Kong-Zhuhai-Macao crossing, "
            "whose long-standing co-ordination made the follow-up possible.")
    hyphens = {offset + 1 for offset in bound_hyphens(text)}
    ended, compounds = set(), set()
    for measure in range(150, 420, 3):
        setting = LineSetting(float(measure), 0.0, styles, FONTS, PRINT.justification)
        ends = paragraph_lines((Span(text),), setting, rules, block=0, indent=0.0)
        offsets = {offset for _, offset in ends}
        ended |= offsets & hyphens
        compounds |= {offset for offset in offsets if text[offset - 1] == "-"}
    assert not ended
    assert compounds  # lower-case compounds still break at their own hyphen


def sweep(number: int) -> str:
    return (f"{'i' * number}n The review was led by CHAN Tai-man and Wong Mei-ling, with "
            "Jean-Pierre Moreau and Anna Fforde-Hughes as assessors; LEUNG Siu-fong spoke for "
            "the Hong Kong-Zhuhai-Macao Bridge Authority, and Marie-Claire Dubois for the "
            "cross-boundary ferry operators, whose well-being survey followed.")


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    return set_lines(tmp_path_factory.mktemp("names"),
                     swept({"panel-review": "Panel review"}, sweep, REPEATS), EDITIONS)


@pytest.mark.slow
@pytest.mark.parametrize("layout", EDITIONS)
def test_no_line_ends_at_a_name_s_hyphen(editions, layout):
    pdf, lines, document = editions[("panel-review", layout)]
    assert not [line for line in lines if BROKEN_NAME.search(line)]
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          check=True, text=True).stdout
    assert WORD_JOINER not in text
    model = document.blocks[1].spans[0].text.replace("\u00a0", " ")  # "CHAN⍽Tai-man"
    for name in NAMES:  # as written, in the model and the PDF's text
        assert name in model
        assert name in text.replace("\n", " ").replace("\u00a0", " ")
    report = preflight(pdf, document, load_layout(LAYOUTS, layout))
    assert all(check.passed for check in report.checks if check.rule == "text-complete")


@pytest.mark.parametrize("text", [
    "Long-term plans were agreed. Well-being is a priority, and so is cross-boundary work.",
    "“Self-assessment,” the auditors wrote. (Year-end figures follow.) Follow-up? Up-to-date!",
    "Hors-série : les numéros parus. Arrière-pays compris.",
])
def test_a_compound_capitalised_only_by_its_sentence_s_start_may_break(text):
    assert bound_hyphens(text) == ()
    assert kept_together(text, "en-GB", last=False) == text


@pytest.mark.parametrize(("text", "bound"), [
    ("Jean-Pierre opened the meeting.", "Jean-Pierre"),
    ("Marie-Claire Dupont-Aignan spoke. Hong Kong-based groups too.", "Kong-based"),
    ("Met CHAN Tai-man. LEUNG Siu-fong came later.", "Siu-fong"),
    ("It ended. Kong-Zhuhai-Macao links remain.", "Kong-Zhuhai-Macao"),
])
def test_a_name_at_a_sentence_s_start_or_inside_one_is_still_bound(text, bound):
    start = text.index(bound)
    assert {start + offset for offset, character in enumerate(bound) if character == "-"} \
        <= set(bound_hyphens(text))
