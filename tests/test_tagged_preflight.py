"""The tagged editions' preflight agrees with an accessibility auditor: a screen PDF broken as
an auditor broke one (its running head left untagged, its tables' header cells made data
cells or stripped of their scope, its links of their descriptions, its XMP of PDF/UA's
identification, its pages of their tab order) fails, naming what is wrong (PDF/UA-1, ISO
14289-1; the Matterhorn Protocol); a page holding nothing but a picture is measured, not a
crash, and a last page holding a figure and its caption's line holds no lone line."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Document, Figure, Heading, Metadata, Paragraph, Span, Table
from pipeline.pdf.structure import structure_elements
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT

SCREEN = load_layout(ROOT / "layouts", "screen")
TEXT = ("The reading rooms reopened in May after a year of work on their roofs, and the "
        "number of visits rose by a third against the year before. ")
DOCUMENT = Document("tagged", Metadata(title="Library Review", language="en-GB"), None, (
    Heading("Visits"),
    Paragraph((Span(TEXT * 2),)),
    Table(((Span("Branch"),), (Span("2024"),)),
          (((Span("Central"),), (Span("41,200"),)), ((Span("Harbour"),), (Span("12,900"),))),
          (Span("Table 1 Visits by branch"),)),
    Paragraph((Span("The figures are on "), Span("our website", link="https://example.org/a"),
               Span(", with the year before."))),
))


@pytest.fixture(scope="module")
def screen_pdf(tmp_path_factory) -> bytes:
    return render_pdf(DOCUMENT, SCREEN, tmp_path_factory.mktemp("source"))


def broken(data: bytes, tmp_path: Path, change) -> Path:
    """The PDF `data`, changed by `change(pdf)`, written to a file."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        path = tmp_path / "broken.pdf"
        pdf.save(path)
    return path


def problems_of(path: Path, rule: str, document: Document = DOCUMENT) -> list[str]:
    return next(check.problems for check in preflight(path, document, SCREEN).checks
                if check.rule == rule)


def test_the_edition_as_written_passes(screen_pdf, tmp_path):
    path = tmp_path / "tagged.pdf"
    path.write_bytes(screen_pdf)
    report = preflight(path, DOCUMENT, SCREEN)
    assert report.errors == []


def test_content_neither_tagged_nor_an_artifact_fails(screen_pdf, tmp_path):
    def untagged(pdf):
        pdf.pages[0].contents_add(pikepdf.Stream(pdf, b"q 0 0 0 rg 50 50 20 20 re f Q"))

    assert problems_of(broken(screen_pdf, tmp_path, untagged), "logical-structure") == (
        "page 1: 1 painting neither tagged nor an artifact",)


@pytest.mark.parametrize(("change", "problem"), [
    ("headers as data", "table 1 holds no header cells (TH)"),
    ("no scope", "table 1: header cells with no /Scope, over data cells naming no /Headers"),
])
def test_a_table_s_header_cells_say_what_they_head(screen_pdf, tmp_path, change, problem):
    def changed(pdf):
        for element in structure_elements(pdf.Root.StructTreeRoot):
            if element.S == pikepdf.Name.TH and change == "headers as data":
                element.S = pikepdf.Name.TD
            for key in ("/A",):
                if change == "no scope" and key in element:
                    del element[key]

    assert problem in problems_of(broken(screen_pdf, tmp_path, changed), "logical-structure")


def test_a_link_without_its_description_fails(screen_pdf, tmp_path):
    def undescribed(pdf):
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                del annotation["/Contents"]

    assert any("has no /Contents describing it" in problem for problem in problems_of(
        broken(screen_pdf, tmp_path, undescribed), "logical-structure"))


@pytest.mark.parametrize(("change", "problem"), [
    ("xmp", "the XMP does not identify the file as PDF/UA-1 (pdfuaid:part)"),
    ("tabs", "its annotations are not in the order of its structure (/Tabs /S)"),
    ("suspects", "/MarkInfo /Suspects is true: the tags are not to be trusted"),
])
def test_the_file_says_it_is_pdf_ua_and_orders_its_annotations(screen_pdf, tmp_path, change,
                                                              problem):
    def changed(pdf):
        if change == "xmp":
            with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
                del xmp["pdfuaid:part"]
        elif change == "tabs":
            for page in pdf.pages:
                if "/Tabs" in page.obj:
                    del page.obj["/Tabs"]
        else:
            pdf.Root.MarkInfo.Suspects = True

    assert any(problem in found for found in problems_of(
        broken(screen_pdf, tmp_path, changed), "tagged"))


def test_a_last_page_holding_a_figure_holds_no_lone_line(tmp_path):
    """A picture too tall to stay on the first page goes to the second with its caption's
    single line: a page of the text's, not a line left alone (the
    typography rule had called it "a single line"); and a page drawing no text is measured,
    where a rule had failed the whole preflight."""
    source = tmp_path / "source"
    source.mkdir()
    Image.new("RGB", (1800, 1200), (40, 90, 140)).save(source / "pier.png")
    document = Document("pier", Metadata(title="The Pier", language="en-GB"), None, (
        Paragraph((Span(TEXT * 16),)),
        Figure(1, (Span("The pier reopened."),), "pier.png")))
    path = tmp_path / "pier.pdf"
    path.write_bytes(render_pdf(document, SCREEN, source))
    report = preflight(path, document, SCREEN)
    typography = next(check for check in report.checks if check.rule == "typography")
    assert not any("single line" in problem for problem in typography.problems)


def test_a_page_drawing_no_text_has_no_glyphs_overprinting_each_other():
    """A page of a picture alone, or of text whose fonts map no Unicode, gives no rows of
    glyphs: the overprinting rule finds none (it had failed the whole preflight)."""
    from pipeline.checks.preflight.typography_rules import overprinted

    assert list(overprinted([])) == []


def test_a_picture_described_by_its_caption_alone_is_a_warning(tmp_path):
    """A picture given no `[alt]` is read as the default phrase and its caption: valid
    PDF/UA-1, which the edition stays, but whether the caption says what the picture shows is
    a person's judgement, so the preflight warns, naming the figure and where to describe it
    (the default text had passed unremarked); a described one is not
    named, nor a figure whose picture is still to come."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("quay.png", "crane.png"):
        Image.new("RGB", (600, 400), (40, 90, 140)).save(source / name)
    document = Document("harbour", Metadata(title="Harbour Works", language="en-GB"), None, (
        Paragraph((Span(TEXT),)),
        Figure(1, (Span("The new quay."),), "quay.png"),
        Figure(2, (Span("Work at dawn."),), "crane.png", alt="A crane lifting a steel beam."),
        Figure(3, (Span("The lock gates."),)),
        Paragraph((Span(TEXT),))))
    path = tmp_path / "harbour.pdf"
    path.write_bytes(render_pdf(document, SCREEN, source))
    report = preflight(path, document, SCREEN)

    assert report.errors == []
    assert [check.problems for check in report.warnings] == [(
        "figure 1 has no [alt] in harbour.toml: its caption alone, after “Image; its "
        "caption follows.”, describes its picture",)]


def test_a_chinese_picture_s_warning_quotes_its_default_text(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    Image.new("RGB", (600, 400), (40, 90, 140)).save(source / "pier.png")
    document = Document("pier", Metadata(title="碼頭工程", language="zh-HK"), None, (
        Paragraph((Span("碼頭於五月重開，全年訪客人數較上年增加三分之一。"),)),
        Figure(1, (Span("新碼頭。"),), "pier.png")))
    path = tmp_path / "pier.pdf"
    path.write_bytes(render_pdf(document, SCREEN, source))

    assert problems_of(path, "picture-descriptions", document) == (
        "figure 1 has no [alt] in pier.toml: its caption alone, after “圖片；說明見下文。”, "
        "describes its picture",)


def test_the_structure_s_elements_are_grouped_by_their_type_in_the_tree_s_order():
    """Each type's elements with their parents, in the order the tree holds them; an
    element whose /S is no name is of none (the rules comparing names never matched it)."""
    from pipeline.checks.preflight.tagged_rules import elements_by_kind

    root = pikepdf.Dictionary(S=pikepdf.Name.Document)
    first, second = (pikepdf.Dictionary(S=pikepdf.Name.P, T=title) for title in ("1", "2"))
    table = pikepdf.Dictionary(S=pikepdf.Name.Table)
    odd = pikepdf.Dictionary(S=pikepdf.String("/P"))
    kinds = elements_by_kind([(first, root), (table, root), (odd, table), (second, table)])
    assert list(kinds) == [pikepdf.Name.P, pikepdf.Name.Table]
    assert [(str(element.T), parent.S) for element, parent in kinds[pikepdf.Name.P]] == [
        ("1", pikepdf.Name.Document), ("2", pikepdf.Name.Table)]


def test_a_list_saying_no_numbering_is_counted():
    """Each L of the tree names its numbering, one of ISO 32000-1's; one naming none, or
    another, is counted."""
    from pipeline.checks.preflight.tagged_rules import list_problems

    def numbered(numbering: str | None) -> pikepdf.Dictionary:
        said = {} if numbering is None else {"A": pikepdf.Dictionary(
            O=pikepdf.Name.List, ListNumbering=pikepdf.Name("/" + numbering))}
        return pikepdf.Dictionary(S=pikepdf.Name.L, **said)

    assert list_problems([numbered("Decimal"), numbered("None")]) == []
    assert list_problems([numbered("Decimal"), numbered(None), numbered("Roman")]) == [
        "2 of the lists (L) say no /ListNumbering of ISO 32000-1's"]
