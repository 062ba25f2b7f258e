"""A table whose first row heads no column (`Libraries | 70` over `Sports centres | 102`, a
summary's "at a glance") has no header row: its rows are all data, each labelled by its
first cell, in every edition, the marked-up form and the draft. Its first row had been
taken for its header: set in bold over the rule, tagged as the column heads (TH /Scope
/Column), each figure below read with `70` as its head (PDF/UA-1 7.5; Matterhorn 15-005)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Metadata, Table, from_json, plain, to_json
from pipeline.pdf.structure import attribute, structure_elements
from pipeline.readers.docx.draft import docx_document
from pipeline.readers.markup import read_markup
from pipeline.readers.scraped import scraped_document
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.html import render_html
from pipeline.writers.markup import write_markup

from .conftest import ROOT
from .support import scraped_editions

FACILITIES = ("Facilities Review 2024\n\nThe Board reviewed its facilities this year.\n\n"
              "Table 1 Facilities at a glance\nLibraries\t70\nSports centres\t102\n"
              "Swimming pools\t44\nMuseums\t14\n\nEach is open every day of the year.")
# Cells a copy parted by full-width spaces, as a Chinese page sets its summary.
CHINESE = ("設施回顧\n\n本局於年內檢討轄下設施。\n\n表1 設施一覽\n圖書館\u3000\u300070\n"
           "體育館\u3000\u3000102\n游泳池\u3000\u300044\n\n各設施全年開放。")
LABELS = {"facilities": ["Libraries", "Sports centres", "Swimming pools", "Museums"],
          "設施": ["圖書館", "體育館", "游泳池"]}
TEXTS = {"facilities": FACILITIES, "設施": CHINESE}


def table_of(text: str) -> Table:
    document = scraped_document("piece", text, Metadata(title=""))[0]
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    return table


@pytest.mark.parametrize("name", TEXTS)
def test_a_first_row_of_a_label_and_figures_is_a_row_not_a_header(name):
    table = table_of(TEXTS[name])
    assert table.header == ()
    assert [plain(row[0]) for row in table.rows] == LABELS[name]
    assert table.numeric == (False, True) and table.columns == 2


@pytest.mark.parametrize("header", ["Year\tVisits\tChange", "\tVisits\tChange",
                                    "Centre\t2023\t2024", "中心\t2023-24年度\t2024-25年度"])
def test_a_header_of_words_or_years_over_figures_heads_its_columns(header):
    text = (f"Visits\n\nVisits rose again.\n\nTable 2 Visits\n{header}\nNorth\t1,204\t2.7\n"
            "South\t1,388\t15.3\n\nWe expect more.")
    assert [plain(cell) for cell in table_of(text).header] == header.split("\t")


@pytest.mark.parametrize("name", TEXTS)
def test_the_html_sets_no_header_row_and_labels_each_row(name):
    document = scraped_document("piece", TEXTS[name], Metadata(title=""))[0]
    html = render_html(document, load_layout(ROOT / "layouts", "screen"))
    table = html[html.index("<table"):html.index("</table>")]
    assert 'scope="col"' not in table
    assert table.count('<th scope="row"') == len(LABELS[name])


@pytest.mark.parametrize("name", TEXTS)
def test_the_marked_up_form_the_draft_and_the_json_keep_it_headerless(name):
    document = scraped_document("piece", TEXTS[name], Metadata(title=""))[0]
    markup = write_markup(document)
    assert "|  |  |\n| --- | ---: |" in markup  # a header row of empty cells, as pandoc's
    assert read_markup(markup, Path("piece.md"), document.metadata, Path(".")).blocks == \
        document.blocks
    draft = write_docx(document, load_layout(ROOT / "layouts", "print"), Path("."))
    assert b"tblHeader" not in draft
    assert docx_document(draft, Path("piece.docx"), document.metadata,
                         document).blocks == document.blocks
    assert from_json(to_json(document)) == document


@pytest.mark.slow  # four editions rendered
@pytest.mark.parametrize("name", TEXTS)
def test_the_tagged_editions_label_each_row_and_head_no_column(tmp_path, name):
    """No THead and no column head: each row's label a TH /Scope /Row, each figure's
    /Headers naming its row's label alone; the preflight passes."""
    document, pdfs = scraped_editions(tmp_path, name, TEXTS[name], ["screen", "large-print"])
    for layout, path in pdfs.items():
        with pikepdf.open(path) as pdf:
            elements = list(structure_elements(pdf.Root.StructTreeRoot))
            assert not [element for element in elements if element.S == pikepdf.Name.THead]
            heads = [element for element in elements if element.S == pikepdf.Name.TH]
            assert [attribute(head, "/Table", "/Scope") for head in heads] == \
                ["/Row"] * len(LABELS[name])
            figures = [element for element in elements if element.S == pikepdf.Name.TD]
            assert [[bytes(header) for header in attribute(cell, "/Table", "/Headers")]
                    for cell in figures] == [[bytes(head.ID)] for head in heads]
        report = preflight(path, document, load_layout(ROOT / "layouts", layout), tmp_path)
        assert not report.errors, (layout, [(check.rule, check.message)
                                            for check in report.errors])
