"""A telephone or fax number written in groups ("2835 1018", "+852 2835 1018", "(852) 2835
1018", a national one "01632 555 0100") never breaks at its spaces in any edition, while the model's text, the DOCX's and the
PDF's stay as written; ordinary figures in prose ("In 2023 1200 people") break as before.
Texts of our own set a paragraph again and again, its first word a letter (a character)
longer each time, so that each number comes to a line's end in some of them; pdftotext reads
where the lines end."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import Hyphenation, load_layout
from pipeline.model import Span
from pipeline.writers.justified import LineSetting, paragraph_lines
from pipeline.writers.line_breaks import TELEPHONE, WORD_JOINER, LineBreaks, kept_together

from .conftest import ROOT
from .support import set_lines, swept
from .test_paragraphs import SERIF

LAYOUTS = ROOT / "layouts"
EDITIONS = ["print", "screen", "large-print"]
REPEATS = 30
# A line ending with a number's first group, its country code or the code in parentheses.
PARTED = re.compile(r"(?:\+852|\(852\)|(?<!\d )\b[2-9]\d{3})$")


def english(number: int) -> str:
    return (f"{'i' * number}n Enquiries about the licences may be made to the Licensing Office "
            "on 2835 1018 or by fax on +852 2835 1020, and from overseas on (852) 3142 2244 "
            "during office hours; the night desk answers on +852 9123 4567 and the hotline on "
            "2877 6543 at any time of the day or night.")


def chinese(number: int) -> str:
    return (f"{'港' * number}市民如對牌照有任何查詢，可致電牌照事務處 2835 1018 或傳真至 "
            "+852 2835 1020，海外人士可致電 (852) 3142 2244；夜間熱線為 +852 9123 4567，"
            "查詢熱線 2877 6543 全日二十四小時接聽。")


TEXTS = {**swept({"licensing-office": "Licensing office"}, english, REPEATS),
         **swept({"licensing-office-zh": "牌照事務處"}, chinese, REPEATS)}


@pytest.mark.parametrize("written", [
    "2835 1018", "+852 2835 1018", "(852) 2835 1018", "+852 28351018", "+44 20 7946 0958",
    "01632 555 0100", "020 7946 0958", "07700 900 842"])
def test_a_telephone_number_is_kept_whole_at_its_spaces(written):
    joined = kept_together(f"Call {written}, or write.", "en-GB", last=False)
    assert joined == f"Call {written.replace(' ', ' ' + WORD_JOINER)}, or write."
    assert kept_together(f"請致電 {written}。", "zh-HK", last=False).count(WORD_JOINER) \
        == written.count(" ")


@pytest.mark.parametrize("prose", [
    "In 2023 1200 people came", "In 2023 1,200 people came", "a total of 12 500 000 litres",
    "card 1234 5678 9012 3456", "between 1800 1900 and 2000", "from 2019 2835 visitors",
    "pages 12 34 and 56", "version 2.5 2835 lines", "scored 0 100 times",
    "won 0 to 3 at 0 100 3"])
def test_ordinary_figures_in_prose_are_not_a_telephone_number(prose):
    assert not TELEPHONE.search(prose)
    assert kept_together(prose, "en-GB", last=False) == prose


def test_a_justified_paragraph_never_ends_a_line_inside_a_number():
    """The writer breaking a paragraph itself (print) treats a number's spaces as no-break
    spaces, at every measure; the spaces around it still break."""
    layout = load_layout(LAYOUTS, "print")
    styles = tuple(((bold, italic, note), SERIF) for bold in (False, True)
                   for italic in (False, True) for note in (False, True))
    rules = LineBreaks(layout.hyphenation, "en-GB", links=False)
    text = english(0)
    inside = {phone.start() + offset for phone in TELEPHONE.finditer(text)
              for offset, character in enumerate(phone.group()) if character == " "}
    around = {phone.start() - 1 for phone in TELEPHONE.finditer(text)}
    ended = set()
    for measure in range(150, 400, 3):
        setting = LineSetting(float(measure), 0.0, styles, ROOT / "layouts" / "fonts",
                              layout.justification)
        ends = {offset for _, offset in paragraph_lines([Span(text)], setting, rules, 0, 0.0)}
        assert not inside & ends, measure
        ended |= ends
    assert around & ended


def test_a_number_in_running_text_the_renderer_breaks_is_joined():
    rules = LineBreaks(Hyphenation(enabled=False), "en-GB", links=False)
    shown = str(rules.running("Call +852 2835 1018 today."))
    assert f"+852 {WORD_JOINER}2835 {WORD_JOINER}1018" in shown


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[tuple[str, str], tuple[Path, list[str], object]]:
    return set_lines(tmp_path_factory.mktemp("telephones"), TEXTS, EDITIONS)


@pytest.mark.slow
@pytest.mark.parametrize("name", TEXTS)
@pytest.mark.parametrize("layout", EDITIONS)
def test_no_line_ends_inside_a_telephone_number(editions, name, layout):
    pdf, lines, document = editions[(name, layout)]
    assert not [line for line in lines if PARTED.search(line)]
    # The sweep brings numbers to the ends of lines: whole, or starting the next.
    assert sum(bool(re.search(r"\d{4} \d{4}[,;.，；]?$", line)) for line in lines) \
        + sum(bool(re.match(r"(?:\+852 |\(852\) )?\d{4} \d{4}", line)) for line in lines) >= 3
    # The text reads as written: no joiner in the PDF.
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          check=True, text=True).stdout
    assert WORD_JOINER not in text and "+852 2835 1020" in text
    report = preflight(pdf, document, load_layout(LAYOUTS, layout))
    assert all(check.passed for check in report.checks if check.rule == "text-complete")
