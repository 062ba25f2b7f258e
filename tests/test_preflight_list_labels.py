"""The preflight's text-complete check on pages that hold a list: the labels a page draws
after its text (a list's markers) are set apart, so a paragraph going on overleaf reads
whole, and a paragraph lost is still found. On texts of their own, English and Chinese,
whose lists nest three deep."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.checks.preflight.common_rules import (
    normalised,
    table_printed,
    text_area_texts,
    without_labels,
)
from pipeline.checks.preflight.report import Edition
from pipeline.layout_folders import layout_names
from pipeline.layouts import load_layout
from pipeline.model import Document, Paragraph, Span, Table
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT

LAYOUTS = ROOT / "layouts"
TEXTS = Path(__file__).resolve().parent / "list_texts"
# Each text with the edition in which one of its paragraphs goes on overleaf from a page
# whose list's labels are drawn after it.
EDITIONS = [("harbour-savings-bank", "large-print"), ("water-supplies-review", "print")]


def document_of(name: str) -> Document:
    path = TEXTS / f"{name}.txt"
    return read_scraped(path, load_metadata(path.with_suffix(".toml"),
                                            layout_names(LAYOUTS)))[0]


def built(document: Document, layout_name: str, tmp_path: Path) -> tuple[Path, object]:
    layout = load_layout(LAYOUTS, layout_name)
    pdf = tmp_path / f"{document.name}-{layout_name}.pdf"
    pdf.write_bytes(render_pdf(document, layout, tmp_path))
    return pdf, layout


def pages_as_drawn(pdf: Path, document: Document, layout) -> str:
    """The pages' text in the order drawn, labels and all."""
    with pikepdf.open(pdf) as opened:
        edition = Edition(pdf, opened, document, layout, None, ())
        return normalised("".join(text_area_texts(edition)))


def split_by_labels(document: Document, drawn: str) -> list[int]:
    """The paragraphs (their indexes among the blocks) the drawn text does not hold whole."""
    return [index for index, block in enumerate(document.blocks)
            if isinstance(block, Paragraph) and normalised(block.text) not in drawn]


def text_complete(pdf: Path, document: Document, layout):
    report = preflight(pdf, document, layout)
    return next(check for check in report.checks if check.rule == "text-complete")


@pytest.mark.parametrize(("name", "layout_name"), EDITIONS)
def test_a_paragraph_across_a_page_of_list_labels_passes_text_complete(
        name, layout_name, tmp_path):
    document = document_of(name)
    pdf, layout = built(document, layout_name, tmp_path)
    # The case itself: a paragraph's halves stand either side of a page's labels.
    assert split_by_labels(document, pages_as_drawn(pdf, document, layout))
    check = text_complete(pdf, document, layout)
    assert check.passed, check.message


@pytest.mark.parametrize(("name", "layout_name"), EDITIONS)
def test_a_paragraph_cut_at_the_page_of_list_labels_fails_text_complete(
        name, layout_name, tmp_path):
    document = document_of(name)
    pdf, layout = built(document, layout_name, tmp_path)
    index = split_by_labels(document, pages_as_drawn(pdf, document, layout))[0]
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


def test_only_the_next_labels_ending_a_page_whose_items_begin_there_are_set_apart():
    labels = [("1.", "Exhibitions"), ("(a)", "Loanstoother"), ("2.", "Visitors")]
    pages = ["Whatwedid:Exhibitions at home and Loans to other museums.Thesurvey1.(a)",
             "foundthat…fewervisitorscameinJuly,asinfigure2.",
             "Visitorsroseto1.2million.2."]
    assert without_labels(pages, labels) == normalised(
        "What we did: Exhibitions at home and Loans to other museums. The survey found"
        " that… fewer visitors came in July, as in figure 2. Visitors rose to 1.2 million.")
    # A page that does not hold its items keeps what it ends with: "2." is the figure's.
    assert without_labels(pages[1:2], labels[2:]).endswith("figure2.")


def test_a_table_split_by_a_page_break_is_found_past_the_labels_the_page_ended_with():
    def row(*texts):
        return tuple((Span(text),) for text in texts)

    table = Table(header=row("Museum", "2024"),
                  rows=(row("Riverside", "412"), row("Thames", "401"), row("Watermen", "156")))
    printed = table_printed("table 1", table)
    labels = [("1.", "Exhibitions"), ("2.", "Loans")]
    pages = ["ExhibitionsLoansMuseum2024Riverside412Thames4011.2.", "Museum2024Watermen156"]
    assert re.search(printed.pattern, without_labels(pages, labels))
    assert not re.search(printed.pattern, without_labels(pages, labels).replace("Watermen", "W"))
    assert not re.search(printed.pattern, "".join(pages))  # labels read are never skipped
