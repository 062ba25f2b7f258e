"""A draft's notes read back where the text has them: under the notes heading, before a
sign-off written after them (Word shows its endnotes below it), and a note the text never
refers to (a paragraph in Endnote Text opened by its label) whatever name LibreOffice saves
the label's style under."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from pipeline.layouts import load_layout
from pipeline.model import Document, Heading, Metadata, Note, Paragraph, SignOff, Span
from pipeline.readers.docx.draft import docx_document, read_docx
from pipeline.writers.docx.draft import write_docx

from .support import libreoffice

LAYOUT = load_layout(Path(__file__).resolve().parent.parent / "layouts", "print")
ENGLISH = Document("piece", Metadata(title="Chair's Statement"), None, (
    Paragraph((Span("The reserve grew again this year."), Span("1", note="1"))),
    Heading("Notes"),
    Note("1", (Span("It stood higher than ever at the year’s end: see "),
               Span("the accounts", link="https://fund.example.org/accounts"), Span("."))),
    Note("2", (Span("Figures are rounded to the nearest thousand."),)),  # referred to nowhere
    SignOff(((Span("Margaret O’Halloran"),), (Span("Chair"),), (Span("Lantau"),))),
))
CHINESE = Document("piece", Metadata(title="總裁報告", language="zh-HK"), None, (
    Paragraph((Span("本會的收入主要來自政府的資助"), Span("1", note="1"), Span("。"))),
    Heading("注釋"),
    Note("1", (Span("整筆撥款津貼制度下的資助。"),)),
    SignOff(((Span("總裁"),), (Span("梁志雄博士"),), (Span("二〇二五年六月"),))),
))


def read_back(data: bytes, document: Document) -> tuple:
    return docx_document(data, Path("piece.docx"), document.metadata).blocks


@pytest.mark.parametrize("document", [ENGLISH, CHINESE], ids=["English", "Chinese"])
def test_notes_come_back_under_their_heading_before_a_sign_off_after_them(document):
    assert read_back(write_docx(document, LAYOUT, Path(".")), document) == document.blocks


# The sign-off before the notes, or none: Word's notes then follow the text's own.
SIGNED_BEFORE = Document("piece", ENGLISH.metadata, None, (
    *ENGLISH.blocks[:1], ENGLISH.blocks[-1], *ENGLISH.blocks[1:-1]))
UNSIGNED = Document("piece", ENGLISH.metadata, None, ENGLISH.blocks[:-1])


@pytest.mark.parametrize("document", [SIGNED_BEFORE, UNSIGNED],
                         ids=["signed before the notes", "unsigned"])
def test_a_note_never_referred_to_keeps_its_place_among_words_notes(document):
    """Note 2, which the text never refers to, is a paragraph of the draft under the notes
    heading, and Word's note 1 follows it: read back, 1 stands before 2 again."""
    assert read_back(write_docx(document, LAYOUT, Path(".")), document) == document.blocks


def test_a_link_in_a_note_is_related_from_the_notes_own_part():
    """ECMA-376 Part 1, 17.16.22: a w:hyperlink's r:id names a relationship of the part it is
    in. Related from the document's part, it pointed nowhere: LibreOffice dropped the link,
    leaving its text underlined in the link's style."""
    draft = docx.Document(io.BytesIO(write_docx(ENGLISH, LAYOUT, Path("."))))
    endnotes = next(rel.target_part for rel in draft.part.rels.values()
                    if rel.reltype.endswith("/endnotes"))
    links = parse_xml(endnotes.blob).findall(".//" + qn("w:hyperlink"))
    assert [endnotes.rels[link.get(qn("r:id"))].target_ref for link in links] == [
        "https://fund.example.org/accounts"]


def test_text_in_a_links_style_without_its_link_is_not_underlined_by_the_editor():
    """A link a program dropped keeps its character style's look (LibreOffice's Internet
    Link, underlined): the underline is the style's, not the editor's."""
    draft = docx.Document(io.BytesIO(write_docx(ENGLISH, LAYOUT, Path("."))))
    style = draft.styles.add_style("Internet Link", WD_STYLE_TYPE.CHARACTER)
    style.font.underline = True
    paragraph = next(p for p in draft.paragraphs if p.text.startswith("The reserve"))
    paragraph.add_run(" Read more at https://fund.example.org/", style=style)
    saved = io.BytesIO()
    draft.save(saved)
    blocks = read_back(saved.getvalue(), ENGLISH)
    assert not any(span.underline for span in blocks[0].spans), blocks[0]


def test_a_note_never_referred_to_is_read_by_libreoffices_name_for_its_labels_style():
    draft = docx.Document(io.BytesIO(write_docx(ENGLISH, LAYOUT, Path("."))))
    # LibreOffice saves Word's Endnote Reference, in a note's own paragraph, as this style.
    draft.styles["Endnote Reference"].name = "Endnote Characters"
    saved = io.BytesIO()
    draft.save(saved)
    assert read_back(saved.getvalue(), ENGLISH) == ENGLISH.blocks


@pytest.mark.slow
def test_a_draft_with_notes_saved_by_libreoffice_reads_the_same(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    documents = {"english": ENGLISH, "chinese": CHINESE}
    for name, document in documents.items():
        (drafts / f"{name}.docx").write_bytes(write_docx(document, LAYOUT, Path(".")))
    libreoffice(tmp_path / "lo", "--convert-to", "docx", "--outdir", str(tmp_path / "saved"),
                *sorted(str(path) for path in drafts.iterdir()))
    for name, document in documents.items():
        saved = read_docx(tmp_path / "saved" / f"{name}.docx", document.metadata)
        assert saved.blocks == document.blocks, name


TWO_NOTES = Document("piece", Metadata(title="Chair's Statement"), None, (
    Paragraph((Span("Demand rose"), Span("1", note="1"), Span(" and rose again."),
               Span("2", note="2"))),
    Note("1", (Span("By a third."),)),
    Note("2", (Span("In both winters."),)),
))


@pytest.mark.slow
def test_libreoffice_numbers_the_drafts_notes_as_the_editions_do(tmp_path):
    """1, 2 as in the PDFs, not Word's default i, ii: LibreOffice reads the numbering from
    the section's properties, not from the settings Word reads it from."""
    (tmp_path / "piece.docx").write_bytes(write_docx(TWO_NOTES, LAYOUT, Path(".")))
    libreoffice(tmp_path / "lo", "--convert-to", "txt:Text (encoded):UTF8", "--outdir",
                str(tmp_path), str(tmp_path / "piece.docx"))
    text = (tmp_path / "piece.txt").read_text(encoding="utf-8-sig")
    assert "Demand rose1 and rose again.2" in text, text
    assert "ii" not in text.replace("\n", " ").split()


def test_a_note_no_text_refers_to_links_back_to_nothing():
    # Its label would be a link to a reference that is not there: a Link holding no link
    # annotation in the tagged editions (ISO 32000-1 14.8.4.4.2), which the preflight fails.
    from pipeline.writers.html import render_html

    screen = load_layout(Path(__file__).resolve().parent.parent / "layouts", "screen")
    html = render_html(ENGLISH, screen)
    assert '<a href="#note-ref-1">1</a>' in html  # note 1 is referred to: it links back
    assert 'href="#note-ref-2"' not in html and '<span class="note-label">2 </span>' in html
