"""A note's call never starts a line, in any edition: it stays with the word before it, after
a full stop, a comma, a closing quote or bracket, in English and Chinese. Texts of our own set
one paragraph again and again, its first word a letter longer each time (or a character, in
Chinese), so that each call comes to a line's end in some of them; measured from the PDFs
(pdftotext), whose tagged editions still read as the model word for word, each call a
Reference to its note."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from pipeline.layouts import load_layout
from pipeline.pdf.structure import is_element, kids_of
from pipeline.pdf.text import marked_texts

from .conftest import ROOT
from .support import client, scraped_editions, squash
from .test_assistive_reading import expected, first_difference, spoken, words
from .typesetting import MM, set_lines

LAYOUTS = ROOT / "layouts"
EDITIONS = ["screen", "large-print", "print"]
PARAGRAPHS = 36
CALL = re.compile(r"\d")  # no word of the texts' paragraphs but a call holds a figure

pytestmark = pytest.mark.slow  # each edition is rendered


def english(number: int, first: int) -> str:
    """A paragraph whose calls (numbered from `first`) follow a full stop, a comma, a closing
    quote and a closing bracket; its first word `number` letters long."""
    return (f"{'i' * number}m The survey of the textile store was finished in the spring."
            f"[{first}] The move of the archive, delayed by the contractor,[{first + 1}] "
            f"will end when the rooms are declared \"safe to use\"[{first + 2}] and the "
            f"second survey (of the paper archive)[{first + 3}] follows it.")


def chinese(number: int, first: int) -> str:
    """The same in Chinese: calls after 。，」 and ）."""
    return (f"{'港' * number}紡織品倉庫的普查已於春季完成。[{first}]檔案遷移因承建商發現石棉而延誤，"
            f"[{first + 1}]須待房間獲確認為「可安全使用」[{first + 2}]後方可完成，"
            f"其後再普查紙本檔案（包括舊照片）[{first + 3}]及其他藏品。")


TEXTS = {
    "museum-stores": ("Stores and archives", english, "Notes",
                      "The survey was made by the Trust's own conservators."),
    "museum-stores-zh": ("倉庫與檔案", chinese, "註釋", "普查由信託的文物修復人員進行。"),
}


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[tuple[str, str], tuple[Path, object]]:
    folder = tmp_path_factory.mktemp("calls")
    built = {}
    for name, (title, paragraph, heading, note) in TEXTS.items():
        calls = range(1, 4 * PARAGRAPHS + 1)
        text = "\n\n".join([title, *(paragraph(number, 4 * number + 1)
                                     for number in range(PARAGRAPHS)),
                            heading, "\n".join(f"[{call}] {note}" for call in calls)])
        document, pdfs = scraped_editions(folder, name, text, EDITIONS)
        for layout, pdf in pdfs.items():
            built[(name, layout)] = (pdf, document)
    return built


def body_lines(pdf: Path, layout: str, heading: str):
    """The lines of the text above the notes, running heads and folios aside (the page's top
    and bottom margins are every language's)."""
    page = load_layout(LAYOUTS, layout).page
    lines = [line for line in set_lines(pdf) if page.margin_top_mm * MM <= line.top
             <= (page.height_mm - page.margin_bottom_mm) * MM]
    notes = next(line for line in lines if line.text == heading)
    return [line for line in lines if (line.page, line.top) < (notes.page, notes.top)]


def calls(lines, layout: str, language: str) -> list[tuple[bool, bool]]:
    """Each call standing as a word of its own (a raised one, or one set apart by a justified
    line's spacing): whether it follows a word of its line within half an em, and whether it
    ends within two ems of the measure. A call run into its word by pdftotext ("spring.5")
    stands with it."""
    layout_of = load_layout(LAYOUTS, layout).for_language(language)
    size = layout_of.body_size_pt
    found = []
    for line in lines:
        for left, right, text in line.words:
            if not text.isdigit():
                continue
            area_right = (layout_of.page.width_mm
                          - layout_of.page.side_margins_mm(line.page)[1]) * MM
            touching = any(abs(other.top - line.top) < size and -0.5 < left - end < size / 2
                           for other in lines if other.page == line.page
                           for _, end, word in other.words if not word.isdigit())
            found.append((touching, right > area_right - 2 * size))
    return found


@pytest.mark.parametrize("layout", EDITIONS)
@pytest.mark.parametrize("name", TEXTS)
def test_no_line_starts_with_a_call(editions, name, layout):
    pdf, document = editions[(name, layout)]
    lines = body_lines(pdf, layout, TEXTS[name][2])
    starting = [line.text for line in lines if CALL.match(line.text)
                and not line.text.isdigit()]  # a raised call alone is a line of its own
    assert not starting, starting[:3]
    found = calls(lines, layout, document.metadata.language)
    assert all(touching for touching, _ in found), found.count((False, True))
    # The sweep does its work: calls come to the ends of lines.
    ending = [line.text for line in lines if CALL.search(line.text[-2:])]
    assert len(ending) + sum(near for _, near in found) >= 8


@pytest.mark.parametrize("layout", EDITIONS)
@pytest.mark.parametrize("name", TEXTS)
def test_a_call_kept_with_its_word_never_runs_past_the_measure(editions, name, layout):
    pdf, document = editions[(name, layout)]
    page = load_layout(LAYOUTS, layout).for_language(document.metadata.language).page
    for line in body_lines(pdf, layout, TEXTS[name][2]):
        right = page.width_mm * MM - page.side_margins_mm(line.page)[1] * MM
        assert line.right <= right + 0.5, line.text


@pytest.mark.parametrize("layout", ["screen", "large-print"])
@pytest.mark.parametrize("name", TEXTS)
def test_the_tagged_editions_read_as_the_model_each_call_a_reference(editions, name, layout):
    pdf_path, document = editions[(name, layout)]
    with pikepdf.open(pdf_path) as pdf:
        said = words("".join(spoken(pdf.Root.StructTreeRoot, marked_texts(pdf))))
        references = count(pdf.Root.StructTreeRoot, pikepdf.Name.Reference)
    wanted = expected(document)
    assert said == wanted, first_difference(said, wanted)
    assert references == 4 * PARAGRAPHS


def count(element, kind) -> int:
    """How many elements of `kind` stand under `element`."""
    return sum((kid.S == kind) + count(kid, kind) for kid in kids_of(element)
               if is_element(kid))


@pytest.mark.parametrize("layout", EDITIONS)
def test_a_call_in_bold_or_italic_text_is_set_as_the_renderer_sets_it(layout, tmp_path):
    # An editor puts a note after an emphasised phrase, and the draft's call takes on its
    # emphasis: the writer measures such a call as it measures any other.
    from pipeline.model import Metadata
    from pipeline.readers.markup import read_markup
    from pipeline.writers.pdf.render import render_pdf

    source = tmp_path / "grants.md"
    source.write_text(
        "Title: Grants\n\nThe launches were paid for by *the Sport Fund[^1]* and by **the "
        "Rowing Trust[^2]**, the boathouse roof by ***both[^3]*** this year.\n\n"
        "[^1]: A grant.\n\n[^2]: A loan.\n\n[^3]: Shared.\n", encoding="utf-8")
    document = read_markup(source.read_text(encoding="utf-8"), source, Metadata(""), tmp_path)
    pdf = tmp_path / f"grants-{layout}.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(LAYOUTS, layout), tmp_path))
    text = subprocess.run([client("pdftotext"), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    # Large print's calls, raised further, are lines of their own to pdftotext: the words
    # are compared without them.
    assert squash("the Sport Fund and by the Rowing Trust, the boathouse roof by both") in (
        re.sub(r"\d", "", squash(text)))
