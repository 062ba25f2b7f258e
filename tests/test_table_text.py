"""The preflight's text check finds a table's cells by their places, row by row in reading
order: cells that are parts of others ("Ward 1" of "Ward 11", "42" of "142") and a table that
runs over pages, its header row repeated, pass; a cell left out is named by its place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Document, Metadata, Paragraph, Span, Table
from pipeline.writers.pdf.render import render_pdf

LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
pytestmark = pytest.mark.slow  # each test renders a PDF
TEXT = ("The tables below give the figures by ward and by district, as the council "
        "published them in its report for the year.")


def cells(*texts: str) -> tuple[tuple[Span, ...], ...]:
    return tuple((Span(text),) if text else () for text in texts)


def document_with(*tables: Table) -> Document:
    blocks = [Paragraph((Span(TEXT),))]
    for table in tables:
        blocks += [table, Paragraph((Span(TEXT),))]
    return Document("tables", Metadata(title="Wards and districts"), None, tuple(blocks))


WARDS = Table(cells("Ward", "New stops"),
              (cells("Ward 1", "17"), cells("Ward 11", "5"), cells("Ward 111", "1")),
              (Span("Table 1 New stops by ward"),))
FIGURES = Table(cells("", "Opened", "Closed"),
                (cells("Kwun Tong", "31", "42"), cells("Sha Tin", "142", "18"),
                 cells("Islands", "4", "2")))
DISTRICTS = Table(cells("District", "Applicants", "Waiting (months)"),
                  tuple(cells(f"District {number}", str(number * 7 % 90), str(number % 13))
                        for number in range(1, 71)),
                  (Span("Table 3 Applicants by district"),))


def text_check(tmp_path: Path, document: Document, layout_name: str,
               printed: Document | None = None):
    layout = load_layout(LAYOUTS, layout_name)
    path = tmp_path / f"tables-{layout_name}.pdf"
    path.write_bytes(render_pdf(printed or document, layout, tmp_path))
    report = preflight(path, document, layout, tmp_path)
    return next(check for check in report.checks if check.rule == "text-complete")


@pytest.mark.parametrize("layout", ["print", "large-print"])
def test_cells_that_are_parts_of_other_cells_pass(tmp_path, layout):
    check = text_check(tmp_path, document_with(WARDS, FIGURES), layout)
    assert check.passed, check.message


def test_a_table_of_seventy_rows_over_pages_passes(tmp_path):
    check = text_check(tmp_path, document_with(DISTRICTS), "screen")
    assert check.passed, check.message


def test_a_cell_left_out_is_named_by_its_place(tmp_path):
    rows = list(WARDS.rows)
    rows[1] = cells("Ward 11", "")
    printed = document_with(replace(WARDS, rows=tuple(rows)), FIGURES)
    check = text_check(tmp_path, document_with(WARDS, FIGURES), "print", printed)
    assert not check.passed
    assert check.message.startswith("table 1 row 2, column 2 missing: 'Table 1 New stops")


def test_cells_swapped_between_rows_fail(tmp_path):
    swapped = replace(FIGURES, rows=(cells("Kwun Tong", "142", "42"),
                                     cells("Sha Tin", "31", "18"), FIGURES.rows[2]))
    check = text_check(tmp_path, document_with(FIGURES), "print", document_with(swapped))
    assert check.message.startswith("table 1 row 1, column 2 missing")
