"""A file name breaks as an address does, before its own `. - /`, never at an underscore, with
no hyphen added ("Audited_Accounts_2023-24.pdf", "(Programme_2024-final.pdf)"), so a justified paragraph
holding one, or an address after one, is set justified, not with a line left short before
it; ragged editions break it the same way. The text keeps the file name as written."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import replace
from itertools import pairwise, product

import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Paragraph, Span
from pipeline.readers.cleaning import clean_line
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped.structure import spans_of
from pipeline.writers.justified import LineSetting, paragraph_lines, word_items
from pipeline.writers.line_breaks import (
    WORD_JOINER,
    ZERO_WIDTH_SPACE,
    LineBreaks,
    address_points,
)
from pipeline.writers.shaping import TextStyle

from .conftest import ROOT
from .support import set_lines, swept

LAYOUTS = ROOT / "layouts"
XHTML = "{http://www.w3.org/1999/xhtml}"
PRINT = load_layout(LAYOUTS, "print")
EDITIONS = ["print", "screen", "large-print"]
REPEATS = 30
FILE_NAMES = ("Audited_Accounts_2023-24.pdf", "Programme_2024-final.pdf",
              "board-minutes_v3.docx", "Fees.Schedule.2025.xlsx")
TEXTS = (
    "The board publishes its Audited_Accounts_2023-24.pdf at "
    "https://www.northfield-rivers.org.uk/reports/2023-24/annual-report with the trustees' "
    "report, and copies may be had from the office.",
    "Performances run 7:30-10:00 pm (Programme_2024-final.pdf) from Tuesday to Saturday, "
    "with matinées on Sundays throughout the season.",
    "Minutes are kept as board-minutes_v3.docx and the charges as Fees.Schedule.2025.xlsx "
    "on the shared drive, where every member of staff may read them.",
)


def test_a_file_name_breaks_before_its_own_marks_only_and_links_nowhere():
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=True)
    shown = str(rules.running("see (Programme_2024-final.pdf), then"))
    assert (f'(<span class="address">Programme_2024{ZERO_WIDTH_SPACE}-'
            f'{WORD_JOINER}final{ZERO_WIDTH_SPACE}.pdf</span>),') in shown
    assert "<a" not in shown  # a file name is no link
    assert "\u00ad" not in shown  # nor hyphenated
    linked = str(rules.running("at https://www.example.org/annual_report"))
    assert '<a class="address" href="https://www.example.org/annual_report">' in linked
    assert "annual_report" in linked
    chinese = LineBreaks(PRINT.hyphenation, "zh-HK", links=True)
    shown = str(chinese.running("報告載於Audited_Accounts_2023-24.pdf。"))
    assert shown == (f'報告載於<span class="address">Audited_Accounts_2023{ZERO_WIDTH_SPACE}-'
                     f'{WORD_JOINER}24{ZERO_WIDTH_SPACE}.pdf</span>。')


@pytest.mark.parametrize("written", [
    "Harbour_Survey_Results_2022-23.csv", "staff__handbook_v2.docx",
    "https://data.example.org/open_data/river_levels/2021-22/summary_table.html",
    "records_office@archive.example.gov.uk"])
def test_no_address_nor_file_name_breaks_at_an_underscore_nor_inside_its_letters(written):
    """The house style breaks one before a / . - or @ only: a line ending "Survey_Results"
    over "_2022-23.csv" reads as two names."""
    points = address_points(written)
    assert points and all(written[point] in "/.-@" for point in points), points
    for rules in (LineBreaks(PRINT.hyphenation, "en-GB", links=True),
                  LineBreaks(PRINT.hyphenation, "zh-HK", links=False)):
        shown = str(rules.running(f"see {written} now"))
        assert f"{ZERO_WIDTH_SPACE}_" not in shown
        assert not re.search(f"[A-Za-z0-9]{ZERO_WIDTH_SPACE}[A-Za-z0-9]", shown), shown



@pytest.mark.parametrize("written", ["example.org:8080/status", "portal.example.mo:8443",
                                     "https://intranet.example.org.hk:8443/tc/gauges"])
def test_a_port_goes_with_its_address_and_never_breaks_after_its_colon(written):
    """A port and the path after it are the address's, set apart with it; the renderer would
    break after its colon, before the figures, where the house style breaks none."""
    for rules in (LineBreaks(PRINT.hyphenation, "en-GB", links=True),
                  LineBreaks(PRINT.hyphenation, "zh-HK", links=False)):
        shown = str(rules.running(f"see {written} now"))
        kept = re.findall('class="address"[^>]*>([^<]*)<', shown)
        assert [re.sub(f"[{ZERO_WIDTH_SPACE}{WORD_JOINER}]", "", text) for text in kept] == [
            written]
        assert f":{WORD_JOINER}" in kept[0] and f":{ZERO_WIDTH_SPACE}" not in kept[0]

def test_a_justified_address_breaks_sooner_before_a_slash():
    """Where the lines come out about as even, before a slash, which parts an address's
    path where it reads (`…/minutes/` over `2021-22/…`, not `…/2021` over `-22/…`), rather
    than before a dot or a hyphen."""
    text = "https://www.green-vale.example.org/minutes/2021-22/index.html"
    match = re.match(r"\S+", text)
    style = TextStyle(("Noto Serif",), PRINT.body_size_pt * 4 / 3)
    setting = LineSetting(PRINT.page.measure_mm / 25.4 * 96, 0.0,
                          (((False, False, False), style),), LAYOUTS / "fonts",
                          PRINT.justification)
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=False)
    marked = word_items(match, 0, style, rules, 0, [(0, match.end())], (), setting)
    costs = {text[entry.at[1]]: entry.item.cost for entry in marked if entry.at is not None}
    assert costs["/"] < min(costs["."], costs["-"]), costs


@pytest.mark.parametrize("text", TEXTS)
def test_the_writer_sets_such_a_paragraph_justified_at_the_print_measure(text):
    """The first line was left short before the unbreakable file name, or before an address
    after one (39 of these 180 settings, first lines indented or not): every line is now
    justified, breaking inside a file name only before its own marks, but where an address's
    or a file name's first piece ("https://www", "(Programme_2024", which never break) fits
    neither line (6 of 60 settings of the first text, 1 of the second), where the line before
    it ends short as the house style's last resort."""
    rules = LineBreaks(PRINT.hyphenation, "en-GB", links=False)
    size = PRINT.body_size_pt * 4 / 3
    styles = tuple(((bold, italic, note), TextStyle(("Noto Serif",), size))
                   for bold in (False, True) for italic in (False, True)
                   for note in (False, True))
    setting = LineSetting(PRINT.page.measure_mm / 25.4 * 96, 0.0, styles, LAYOUTS / "fonts",
                          PRINT.justification)
    short = 0
    for lead, indent in product(range(30), (0.0, 1.2 * size)):
        written = clean_line(f"{'i' * lead}n {text}")
        ends = paragraph_lines((Span(written),), setting, rules, block=0, indent=indent)
        for (_, offset), kind in ends.items():
            if kind.startswith("short"):
                assert written.startswith(("https://", "(Programme_"), offset + 1), \
                    written[:offset]
                short += 1
            elif kind == "break":
                assert written[offset] in "/.-@", written[:offset]
    assert short <= 6


def sweep(number: int) -> str:
    return f"{'i' * number}n {TEXTS[number % len(TEXTS)]}"


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    return set_lines(tmp_path_factory.mktemp("file-names"),
                     swept({"box-office": "Box office"}, sweep, REPEATS), EDITIONS)


def body_lines(pdf) -> list[tuple[int, str, float]]:
    """Each line of the body's size: its page, its text and its right edge, as pdftotext
    boxes them (running heads and folios, smaller, aside)."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                           check=True).stdout
    found = []
    for number, page in enumerate(ElementTree.fromstring(xhtml).iter(f"{XHTML}page"), 1):
        for line in page.iter(f"{XHTML}line"):
            height = float(line.get("yMax")) - float(line.get("yMin"))
            found.append((number, height, " ".join(word.text or "" for word in
                                                   line.iter(f"{XHTML}word")),
                          float(line.get("xMax"))))
    body = Counter(round(height, 1) for _, height, _, _ in found).most_common(1)[0][0]
    return [(number, text, right) for number, height, text, right in found
            if abs(round(height, 1) - body) < 0.5]


@pytest.mark.slow
@pytest.mark.parametrize("layout", EDITIONS)
def test_file_names_break_before_their_marks_and_read_as_written(editions, layout):
    pdf, lines, document = editions[("box-office", layout)]
    # A break inside a file name starts the next line with its mark, never ends one so.
    after_marks = [name[:end + 1] for name in FILE_NAMES
                   for end, character in enumerate(name) if character in "._-"]
    assert not [line for line in lines if line.endswith(tuple(after_marks))]
    assert not [line for line in lines if line.startswith("_")]  # nor before an underscore
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          check=True, text=True).stdout
    joined = re.sub(r"\n(?=[./-])", "", text)  # a line broken before a file name's mark
    for name in FILE_NAMES:
        assert joined.count(name) == REPEATS // len(TEXTS), name
    report = preflight(pdf, document, load_layout(LAYOUTS, layout))
    assert all(check.passed for check in report.checks if check.rule == "text-complete")


@pytest.mark.slow
def test_no_print_line_is_left_short_before_a_file_name(editions):
    """Every line of a paragraph but its last reaches the measure (the page's right edge),
    but one before an address whose first piece fits neither line."""
    pdf, _, _ = editions[("box-office", "print")]
    paragraphs: list[list[tuple[int, str, float]]] = []
    for line in body_lines(pdf):
        if re.match(r"i*n ", line[1]):
            paragraphs.append([])
        if paragraphs:
            paragraphs[-1].append(line)
    edges = {}
    for number, _, right in (line for paragraph in paragraphs for line in paragraph):
        edges[number] = max(edges.get(number, 0.0), right)
    assert len(paragraphs) == REPEATS
    short = [(text, after) for paragraph in paragraphs
             for (number, text, right), (_, after, _) in pairwise(paragraph)
             if edges[number] - right > 1.0]
    assert all(after.startswith("https://") for _, after in short), short
    assert len(short) <= 2


@pytest.mark.parametrize("inline", [
    "Financial_Plan_2024-27.pdf", "*Financial Plan for the years 2024 to 2027*"])
def test_a_ragged_line_is_not_ended_before_an_inline_element_that_does_not_fit(inline,
                                                                               tmp_path):
    """Large print, whose lines the renderer breaks: a line holds every word that fits
    before a file name or a phrase in italic that goes over to the next line (WeasyPrint 70
    had ended it words early, `indefinitely,` alone on its line: a hospice's review); the
    space before the element is set inside it (blocks.SPACE_BEFORE_ELEMENT)."""
    from pipeline.readers.scraped import read_scraped
    from pipeline.writers.pdf.render import render_pdf

    path = ROOT / "tests" / "texts" / "mail" / "hospice-review-forwarded.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), EDITIONS))[0]
    paragraph = next(block for block in document.blocks
                     if isinstance(block, Paragraph) and "indefinitely" in block.text)
    text = paragraph.text.replace("Financial_Plan_2024-27.pdf", inline)
    document = replace(document, blocks=(Paragraph(spans_of(text)),))
    pdf = tmp_path / "review.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(LAYOUTS, "large-print"), tmp_path))
    lines = [line.strip() for line in subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
        check=True).stdout.splitlines()]
    ended = next(line for line in lines if "indefinitely," in line)
    assert ended.startswith("That") or not ended.endswith("indefinitely,"), lines
