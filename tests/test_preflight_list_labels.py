"""A list's labels (1., (a), (i), bullets, 一、) are drawn just before their items' text in
every edition, so the pages' text reads as the document does: pdftotext, copying, searching
and the preflight's text-complete check find each label right before its item, never all of
a page's labels after its text. Each label is still its item's Lbl, before its LBody, and the
DOCX draft numbers its lists as Word does, no label in their text. On texts of their own,
English, Traditional and Simplified Chinese, whose lists nest up to five deep, start where
their authors started them (5., 三、), count past 9, and are numbered in every style the model
has, compound (1.2.1.) and Roman (VIII.) too."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import docx
import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.checks.preflight.common_rules import normalised, text_area_texts
from pipeline.checks.preflight.report import Edition
from pipeline.layout_folders import layout_names
from pipeline.layouts import load_layout
from pipeline.model import Document, List, Paragraph, Span
from pipeline.pdf.structure import is_element, kids_of, lists
from pipeline.pdf.text import element_text, marked_texts
from pipeline.readers.markup import read_markup
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped
from pipeline.writers.docx.draft import write_docx

from .conftest import ROOT
from .typesetting import words_by_line

pytestmark = pytest.mark.slow  # every edition of each text is rendered

LAYOUTS = ROOT / "layouts"
TEXTS = Path(__file__).resolve().parent / "list_texts"
NAMES = ("canal-navigation-authority", "drainage-works-review", "water-conservancy-report")
LAYOUT_NAMES = ("print", "screen", "large-print")
# Each text with the edition in which one of its paragraphs goes on overleaf from a page that
# holds a list.
OVERLEAF = [("riverbank-alliance-chapter", "print"), ("riverbank-alliance-chapter", "screen")]
# How much of an item's text is looked for after its label: its first line's, at least.
ITEM_START = 8


def document_of(name: str) -> Document:
    path = next(TEXTS.glob(f"{name}.*[dt]"))  # .md or .txt
    metadata = load_metadata(path.with_suffix(".toml"), layout_names(LAYOUTS))
    if path.suffix == ".md":
        return read_markup(path.read_text(encoding="utf-8"), path, metadata, TEXTS)
    return read_scraped(path, metadata)[0]


def built(document: Document, layout_name: str, folder: Path) -> tuple[Path, object]:
    from pipeline.writers.pdf.render import render_pdf

    layout = load_layout(LAYOUTS, layout_name)
    pdf = folder / f"{document.name}-{layout_name}.pdf"
    pdf.write_bytes(render_pdf(document, layout, TEXTS))
    return pdf, layout


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("lists")
    found = {}
    for name in NAMES:
        document = document_of(name)
        for layout_name in LAYOUT_NAMES:
            found[(name, layout_name)] = (*built(document, layout_name, folder), document)
    return found


def labelled(document: Document) -> list[tuple[str, str]]:
    """Each item's label and its text, in reading order, as the model numbers them."""
    return [(label, item.text) for block in document.blocks if isinstance(block, List)
            for label, item in block.labelled()]


@pytest.mark.parametrize("layout_name", LAYOUT_NAMES)
@pytest.mark.parametrize("name", NAMES)
def test_pdftotext_reads_each_label_right_before_its_item(editions, name, layout_name):
    pdf, _, document = editions[(name, layout_name)]
    # -raw: the text in the order the content draws it, as copying and reflow read it.
    read = normalised(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                                     text=True, check=True).stdout)
    cursor = 0
    for label, text in labelled(document):
        wanted = normalised(label) + normalised(text)[:ITEM_START]
        place = read.find(wanted, cursor)
        assert place >= 0, f"{label} {text!r} not read after its label, in order"
        cursor = place + len(wanted)


@pytest.mark.parametrize("layout_name", ["screen", "large-print"])
@pytest.mark.parametrize("name", NAMES)
def test_each_item_is_its_label_then_its_body(editions, name, layout_name):
    pdf, _, document = editions[(name, layout_name)]
    with pikepdf.open(pdf) as opened:
        texts = marked_texts(opened)
        items = [kid for element, _ in lists(opened.Root.StructTreeRoot)
                 for kid in kids_of(element) if is_element(kid)]
        assert {str(item.S) for item in items} == {"/LI"}
        assert [[str(kid.S) for kid in kids_of(item)] for item in items] == \
            [["/Lbl", "/LBody"]] * len(items)
        # In the order a reader meets them: an item, then the items of the list in its body.
        items.sort(key=lambda item: reading_order(opened).index(item.objgen))
        shown = [normalised(element_text(kids_of(item)[0], texts)) for item in items]
    assert shown == [normalised(label) for label, _ in labelled(document)]


def reading_order(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    """Every structure element, depth first, as a reader walks the tree."""
    order = []

    def walk(node):
        for kid in kids_of(node):
            if is_element(kid):
                order.append(kid.objgen)
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return order


@pytest.mark.parametrize("name", NAMES)
def test_the_tagged_preflight_passes(editions, name):
    for layout_name in LAYOUT_NAMES:
        pdf, layout, document = editions[(name, layout_name)]
        report = preflight(pdf, document, layout, TEXTS)
        assert [check.message for check in report.errors] == [], layout_name


def text_complete(pdf: Path, document: Document, layout):
    report = preflight(pdf, document, layout, TEXTS)
    return next(check for check in report.checks if check.rule == "text-complete")


@pytest.mark.parametrize(("name", "layout_name"), OVERLEAF)
def test_a_paragraph_going_on_overleaf_after_a_list_reads_whole(name, layout_name, tmp_path):
    document = document_of(name)
    pdf, layout = built(document, layout_name, tmp_path)
    pages = pages_as_drawn(pdf, layout, document)
    drawn = "".join(pages)
    overleaf = [block for block in document.blocks if isinstance(block, Paragraph)
                and not any(normalised(block.text) in page for page in pages)]
    # The case itself: a paragraph set on two pages, read whole across them.
    assert overleaf
    assert all(normalised(block.text) in drawn for block in overleaf)
    check = text_complete(pdf, document, layout)
    assert check.passed, check.message


def pages_as_drawn(pdf: Path, layout, document: Document) -> list[str]:
    """Each page's text, normalised, in the order it is drawn (pdfium's, the preflight's)."""
    with pikepdf.open(pdf) as opened:
        return [normalised(page) for page in
                text_area_texts(Edition(pdf, opened, document, layout, None, ()))]


@pytest.mark.parametrize(("name", "layout_name"), OVERLEAF)
def test_a_paragraph_cut_at_a_page_break_after_a_list_fails_text_complete(
        name, layout_name, tmp_path):
    document = document_of(name)
    pages = pages_as_drawn(*built(document, layout_name, tmp_path), document)
    index = next(index for index, block in enumerate(document.blocks)
                 if isinstance(block, Paragraph)
                 and not any(normalised(block.text) in page for page in pages))
    # Printed with the paragraph's end lost, as at a page break.
    text = document.blocks[index].text
    cut = dataclasses.replace(document, blocks=(
        *document.blocks[:index], Paragraph((Span(text[:len(text) // 2]),)),
        *document.blocks[index + 1:]))
    pdf, layout = built(cut, layout_name, tmp_path)
    check = text_complete(pdf, document, layout)
    number = sum(isinstance(block, Paragraph) for block in document.blocks[:index + 1])
    assert not check.passed
    assert check.message.startswith(f"paragraph {number} missing: ")


@pytest.mark.parametrize("name", NAMES)
def test_the_draft_numbers_its_lists_without_labels_in_their_text(name, tmp_path):
    document = document_of(name)
    path = tmp_path / f"{name}.docx"
    path.write_bytes(write_docx(document, load_layout(LAYOUTS, "print"), TEXTS))
    numbered = [paragraph.text for paragraph in docx.Document(str(path)).paragraphs
                if paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None]
    assert numbered == [text for _, text in labelled(document)]


@pytest.mark.parametrize("layout_name", LAYOUT_NAMES)
def test_labels_hang_set_right_against_their_items_text(editions, layout_name):
    """The labels 5. to 12. of a list end where one another end, a space before the text of
    their items, which all start where one another start: set right in the indent, as the
    markers they replace were, whatever their width."""
    pdf, _, _ = editions[("canal-navigation-authority", layout_name)]
    lines = words_by_line(pdf, pages=True)
    numbered = [(page, line) for page, line in lines if len(line) > 1
                and re.fullmatch(r"(?:[5-9]|1[0-2])\.", line[0][2])]
    assert [line[0][2] for _, line in numbered] == [f"{number}." for number in range(5, 13)]
    # Page by page: facing pages' margins differ.
    label_ends = {(page, round(line[0][1], 1)) for page, line in numbered}
    text_starts = {(page, round(line[1][0], 1)) for page, line in numbered}
    pages = {page for page, _ in numbered}
    assert len(label_ends) == len(text_starts) == len(pages)
    for page in pages:
        label_end = next(end for each, end in label_ends if each == page)
        text_start = next(start for each, start in text_starts if each == page)
        assert 0 < text_start - label_end < 0.5 * load_layout(LAYOUTS, layout_name).body_size_pt
