"""Edits editors make in Word and LibreOffice: each carried into the document, or refused in one
line naming what and where, the DOCX untouched.

The files in tests/drafts/ were made by LibreOffice itself, typed and formatted over UNO as an
editor works (tests/drafts/make_drafts.py); what LibreOffice cannot make (Word's content
controls, fields, smart tags, equations, old pictures) is written here in Word's own XML into
a draft the pipeline wrote.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree
from PIL import Image

from pipeline.errors import PipelineError
from pipeline.layouts import load_layout
from pipeline.model import (
    Document,
    Figure,
    Heading,
    List,
    ListItem,
    Metadata,
    Note,
    Paragraph,
    SignOff,
    Span,
    Table,
    plain,
)
from pipeline.readers.docx.draft import read_docx
from pipeline.writers.docx.draft import write_docx

from .test_docx_reader import edited, paragraph_starting, refusal

DRAFTS = Path(__file__).parent / "drafts"
ROOT = Path(__file__).resolve().parent.parent
LAYOUT = load_layout(ROOT / "layouts", "print")
NBSP = "\u00a0"
VML = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
# A museum's annual review: paragraphs, a note, a table, a sign-off.
MUSEUM = Document("museum", Metadata(title="Annual Review"), None, (
    Paragraph((Span("The galleries reopened in May."),)),
    Paragraph((Span(f"Visitors came from 41{NBSP}countries."), Span("1", note="1"))),
    Table(((Span("Gallery"),), (Span("Visits"),)), (((Span("East"),), (Span("1,204"),)),)),
    Paragraph((Span("The end."),)),
    Note("1", (Span("Counted at the doors."),)),
))


def read_lo(name: str) -> Document:
    return read_docx(DRAFTS / name, Metadata(title="T"))


def texts(block: List) -> list[str]:
    return [plain(item.spans) for item in block.items]


@pytest.fixture
def draft(tmp_path):
    """The museum's draft as the pipeline writes it, to edit."""
    path = tmp_path / "museum.docx"
    path.write_bytes(write_docx(MUSEUM, LAYOUT, ROOT / "source"))
    return path


def elements(fragment: str) -> list:
    """The elements of a fragment of Word's XML, every namespace the tests use declared."""
    return list(parse_xml(f'<w:wrap {nsdecls("w", "r", "m")} xmlns:v="{VML}"'
                          f' xmlns:o="{OFFICE}">{fragment}</w:wrap>'))


def xml(fragment: str):
    return elements(fragment)[0]


def appended(draft_path: Path, text: str, fragment: str) -> Path:
    """The draft with `fragment` (Word's XML) at the end of the paragraph starting `text`."""
    def edit(draft):
        paragraph_starting(draft, text)._p.extend(elements(fragment))

    return edited(draft_path, edit)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


# --- Superscripts, subscripts, symbols, links (LibreOffice) -----------------------------------


def test_libreoffices_superscripts_and_subscripts_are_kept():
    assert read_lo("superscript-subscript.docx").blocks == (Paragraph((
        Span("Output rose to 4.1 × 10"), Span("6", position="superscript"),
        Span(NBSP + "tonnes while CO"), Span("2", position="subscript"),
        Span(" fell; the 2"), Span("nd", position="superscript"), Span(" plant, on H"),
        Span("2", position="subscript"), Span("O, opened."),
    )),)


def test_libreoffices_special_characters_and_links_are_kept():
    assert read_lo("symbols-and-links.docx").blocks == (Paragraph((
        Span("Approved ✓ by the board, angle α, see "),
        Span("our website", link="https://museum.example.org/visit"), Span(" or "),
        Span("https://museum.example.org/plain", link="https://museum.example.org/plain"),
        Span("."),
    )),)


# --- Lists as Word numbers them (LibreOffice) ---------------------------------------------


def test_a_list_starts_where_it_was_set_continues_and_restarts_in_roman():
    blocks = read_lo("lists-start-continue-restart.docx").blocks
    lists = [block for block in blocks if isinstance(block, List)]
    assert [(block.style, block.start, texts(block)) for block in lists] == [
        ("decimal", 5, ["to open the east wing;", "to extend the hours;"]),
        ("decimal", 7, ["to freeze the fees."]),  # continued after the paragraph between
        ("lower-roman", 5, ["visitors rose;", "spending rose;"]),
    ]


def test_letters_past_z_no_list_and_numbers_after_bullets():
    blocks = read_lo("lists-letters-ended-mixed.docx").blocks
    assert isinstance(blocks[1], List) and blocks[1].style == "lower-alpha"
    assert len(blocks[1].items) == 28 and texts(blocks[1])[26] == "station 27;"
    assert blocks[2] == Paragraph((Span("This paragraph was a list item until No List."),))
    assert [(block.style, texts(block)) for block in blocks[3:]] == [
        ("bullet", ["first bullet;", "second bullet."]),
        ("decimal", ["first number;", "second number."]),
    ]


def test_bullets_nested_with_tab_keep_three_levels():
    blocks = read_lo("lists-nested.docx").blocks
    assert blocks[1] == List((
        ListItem((Span("safety;"),), List((
            ListItem((Span("in the tunnels;"),), List((ListItem((Span("at night."),)),))),))),
        ListItem((Span("service."),)),
    ))
    assert blocks[2] == Paragraph((Span("After the list."),))


# --- Refused, the file untouched (LibreOffice) ---------------------------------------------


@pytest.mark.parametrize(("name", "problem"), [
    ("hidden-text.docx", "holds hidden text 'and hidden' (in 'Shown, and hidden.')"),
    ("struck-text.docx", "holds struck-out text 'and struck' (in 'Kept, and struck.')"),
    ("table-of-contents.docx", "holds a table of contents (after 'Opening words.')"),
    ("footnote-in-caption.docx", "holds a note in a caption ('The ward at night1')"),
    ("footnote-in-heading.docx", "holds a note in a heading ('Results1')"),
    ("page-number-field.docx", "holds a page-number field (in 'This is page 1.')"),
])
def test_what_the_editions_cannot_carry_is_refused_in_one_line(tmp_path, name, problem):
    path = tmp_path / name
    shutil.copy(DRAFTS / name, path)
    message = refusal(path)
    assert message.startswith(problem)
    assert message.endswith("save, and run doit again")


def test_libreoffices_drop_cap_stays_one_word():
    assert read_lo("drop-cap.docx").blocks == (
        Paragraph((Span("Dropping the first letter of a chapter is an old habit."),)),)


# --- Wrappers unwrapped (Word's XML) ---------------------------------------------------------


def test_a_content_control_smart_tag_and_custom_xml_hold_the_editors_text(draft):
    path = appended(draft, "The galleries", (
        '<w:sdt><w:sdtPr><w:alias w:val="Date"/></w:sdtPr><w:sdtContent>'
        + run(" Opened by") + '</w:sdtContent></w:sdt>'
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
        + run(" the Mayor") + '</w:smartTag>'
        '<w:customXml w:element="who">' + run(" of Leeds") + '</w:customXml>'
        '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
        + run("Click or tap here to enter text.") + '</w:sdtContent></w:sdt>'))
    assert read_docx(path, MUSEUM.metadata).blocks[0] == Paragraph(
        (Span("The galleries reopened in May. Opened by the Mayor of Leeds"),))


def test_content_controls_around_paragraphs_cells_and_in_notes_are_read(draft):
    def edit(draft):
        body = draft.element.body
        first = paragraph_starting(draft, "The galleries")._p
        control = xml('<w:sdt><w:sdtContent/></w:sdt>')
        first.addprevious(control)
        control[0].append(first)
        cell = body.find(qn("w:tbl")).findall(f".//{qn('w:tc')}")[-1]
        cell_paragraph = cell.find(qn("w:p"))
        for child in list(cell_paragraph):
            if child.tag == qn("w:r"):
                cell_paragraph.remove(child)
        cell_paragraph.append(xml('<w:sdt><w:sdtContent>' + run("1,250") + '</w:sdtContent></w:sdt>'))
        endnotes = next(rel.target_part for rel in draft.part.rels.values()
                        if rel.reltype == RELATIONSHIP_TYPE.ENDNOTES)
        root = etree.fromstring(endnotes.blob)
        note = [n for n in root.iter(qn("w:endnote")) if n.get(qn("w:id")) == "1"][0]
        note.find(qn("w:p")).append(xml('<w:sdt><w:sdtContent>' + run(" By hand.")
                                        + '</w:sdtContent></w:sdt>'))
        endnotes._blob = etree.tostring(root)

    result = read_docx(edited(draft, edit), MUSEUM.metadata)
    assert result.blocks[0] == MUSEUM.blocks[0]
    assert result.blocks[2].rows == (((Span("East"),), (Span("1,250"),)),)
    assert result.blocks[-1] == Note("1", (Span("Counted at the doors. By hand."),))


def test_fields_show_their_result_and_a_hyperlink_field_is_a_link(draft):
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://leeds.example.org/tickets" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("tickets")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    nested = (  # a field inside another's instruction shows nothing; the outer's result shows
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("2024")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> = 2024 "yes" "no" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(" this year")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    path = appended(draft, "The galleries", (
        run(" Buy ") + complex_field + run(", by ")
        + '<w:fldSimple w:instr=" AUTHOR "><w:r><w:t>Ann Lee</w:t></w:r></w:fldSimple>' + nested
        + run(".")))
    assert read_docx(path, MUSEUM.metadata).blocks[0] == Paragraph((
        Span("The galleries reopened in May. Buy "),
        Span("tickets", link="https://leeds.example.org/tickets"),
        Span(", by Ann Lee this year."),
    ))


def test_a_hyperlink_fields_place_in_its_page_is_the_links_fragment(draft):
    """Word's link field with a place in the page it leads to (`\\l "hotline"`), as pasted
    from another document: the address and its fragment (it had led to the page's top)."""
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://leeds.example.org/visit"'
        ' \\l "opening-hours" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("opening hours")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    path = appended(draft, "The galleries", run(" See the ") + field + run("."))
    assert Span("opening hours", link="https://leeds.example.org/visit#opening-hours") in \
        read_docx(path, MUSEUM.metadata).blocks[0].spans


# A content control, a simple field and a smart tag, as Word puts them in a caption.
WRAPPED = (
    '<w:sdt><w:sdtPr><w:alias w:val="Place"/></w:sdtPr><w:sdtContent>' + run(" at Ilkley")
    + '</w:sdtContent></w:sdt>'
    '<w:fldSimple w:instr=" DOCPROPERTY Season "><w:r><w:t xml:space="preserve"> in spring'
    '</w:t></w:r></w:fldSimple>'
    '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">'
    + run(", 2024") + '</w:smartTag>')


def test_wrapped_text_in_a_figures_caption_is_read(walk):
    blocks = read_docx(appended(walk, "The weir", WRAPPED), FIGURES.metadata, FIGURES).blocks
    assert blocks[3] == Figure(2, (Span("The weir at Ilkley in spring, 2024"),), "two.png",
                               "A heron on the weir")


@pytest.mark.parametrize("above", [True, False])
def test_wrapped_text_in_a_tables_caption_is_read(draft, above):
    def edit(draft):
        table = draft.element.body.find(qn("w:tbl"))
        caption = xml('<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr>'
                      + run("Table 1: Visits") + WRAPPED + '</w:p>')
        (table.addprevious if above else table.addnext)(caption)

    table = read_docx(edited(draft, edit), MUSEUM.metadata).blocks[2]
    assert table == replace(MUSEUM.blocks[2],
                            caption=(Span("Table 1: Visits at Ilkley in spring, 2024"),))


def test_symbols_are_their_unicode_characters(draft):
    path = appended(draft, "The galleries", (
        run(" Checked ") + '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
        + run(" ") + '<w:r><w:sym w:font="Symbol" w:char="F0D3"/></w:r>'
        + run(" 2024 ") + '<w:r><w:sym w:font="Symbol" w:char="F061"/></w:r>'))
    assert plain(read_docx(path, MUSEUM.metadata).blocks[0].spans) == (
        "The galleries reopened in May. Checked ✓ © 2024 α")


def test_a_symbol_unicode_shows_as_an_emoji_keeps_the_fonts_text_presentation(draft):
    path = appended(draft, "The galleries", (
        run(" Signs ") + '<w:r><w:sym w:font="Wingdings" w:char="F05E"/></w:r>'
        + '<w:r><w:sym w:font="Wingdings" w:char="F047"/></w:r>'))
    assert plain(read_docx(path, MUSEUM.metadata).blocks[0].spans) == (
        "The galleries reopened in May. Signs \u2648\ufe0e\u261d\ufe0e")


def test_an_inserted_paragraph_mark_is_no_tracked_change_but_inserted_text_is(draft):
    mark = edited(draft, lambda d: paragraph_starting(d, "The end.")._p.get_or_add_pPr().append(
        xml('<w:rPr><w:ins w:id="9" w:author="Ed"/></w:rPr>')))
    assert read_docx(mark, MUSEUM.metadata).blocks == MUSEUM.blocks
    text = appended(draft, "The end.", '<w:ins w:id="8" w:author="Ed">' + run(" More.") + "</w:ins>")
    assert refusal(text).startswith("holds tracked changes")


# --- Refused (Word's XML) -----------------------------------------------------------------


@pytest.mark.parametrize(("fragment", "problem"), [
    ('<m:oMath><m:r><m:t>E=mc</m:t></m:r></m:oMath>',
     "holds an equation (in 'The end.'), which the editions cannot carry; write it as text"),
    ('<w:r><w:pict><v:shape id="s1"><v:imagedata r:id="rId99" o:title=""/></v:shape></w:pict></w:r>',
     "holds an old-style (VML) picture or shape (in 'The end.')"),
    ('<w:r><w:object><v:shape id="s2"/></w:object></w:r>', "holds an embedded object"),
    ('<w:r><w:sym w:font="Webdings" w:char="F021"/></w:r>',
     "holds a symbol of the font Webdings (F021) that has no Unicode character"),
    ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("Finances 2")
     + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
     "holds a table of contents (in 'The end.Finances 2')"),
    ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INDEX \\e "	" </w:instrText></w:r>'
     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("Galleries, 1")
     + '<w:r><w:fldChar w:fldCharType="end"/></w:r>', "holds an index (in 'The end.Galleries, 1')"),
    ('<w:r><w:rPr><w:dstrike/></w:rPr><w:t>gone</w:t></w:r>', "holds struck-out text 'gone'"),
    # Word's Format > Font, Emphasis mark (Chinese 着重號), and Asian Layout's two lines in one.
    ('<w:r><w:rPr><w:em w:val="dot"/></w:rPr><w:t>重點</w:t></w:r>',
     "holds emphasis marks (着重號) on '重點' (in 'The end.重點'), which the editions cannot"
     " carry; make it bold instead"),
    ('<w:r><w:rPr><w:eastAsianLayout w:id="1" w:combine="1"/></w:rPr><w:t>株式會社</w:t></w:r>',
     "holds characters combined or set across the line '株式會社'"),
    # Word's Phonetic Guide (Home > Phonetic Guide): a reading set small over the characters,
    # which read as text would stand in the sentence as words of it.
    ('<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/><w:hps w:val="12"/>'
     '<w:hpsRaise w:val="22"/><w:hpsBaseText w:val="24"/><w:lid w:val="zh-TW"/></w:rubyPr>'
     '<w:rt>' + run("ㄍㄨˋ") + '</w:rt><w:rubyBase>' + run("故") + '</w:rubyBase></w:ruby></w:r>',
     "holds a phonetic guide 'ㄍㄨˋ' over '故' (in 'The end.ㄍㄨˋ故'), which the editions cannot"
     " carry; remove it (Word: Home > Phonetic Guide > Remove"),
])
def test_words_own_constructs_the_editions_cannot_carry_are_refused(draft, fragment, problem):
    assert refusal(appended(draft, "The end.", fragment)).startswith(problem)


def test_emphasis_marks_and_asian_layout_set_to_none_are_read_as_text(draft):
    path = appended(draft, "The end.", '<w:r><w:rPr><w:em w:val="none"/><w:eastAsianLayout'
                    ' w:id="2" w:combine="0" w:vert="false"/></w:rPr><w:t> More.</w:t></w:r>')
    assert read_docx(path, MUSEUM.metadata).blocks[3] == Paragraph((Span("The end. More."),))


def test_a_part_imported_from_another_file_is_refused(draft):
    def edit(draft):
        chunk = OxmlElement("w:altChunk")
        chunk.set(qn("r:id"), "rId99")
        paragraph_starting(draft, "The end.")._p.addnext(chunk)

    assert refusal(edited(draft, edit)).startswith(
        "holds a part imported from another file (after 'The end.', an altChunk)")


# --- Word's own structures ----------------------------------------------------------------


def test_words_drop_cap_joins_the_paragraph_it_begins(draft):
    def edit(draft):
        first = paragraph_starting(draft, "The galleries")
        first.runs[0].text = "he galleries reopened in May."
        cap = xml('<w:p><w:pPr><w:framePr w:dropCap="drop" w:lines="3" w:wrap="around"'
                  ' w:vAnchor="text" w:hAnchor="text"/></w:pPr>' + run("T") + "</w:p>")
        first._p.addprevious(cap)

    assert read_docx(edited(draft, edit), MUSEUM.metadata).blocks == MUSEUM.blocks


def test_a_heading_word_numbers_keeps_its_number(draft):
    def edit(draft):
        heading = paragraph_starting(draft, "The end.")
        heading.style = draft.styles["Heading 1"]
        heading.text = "Outlook"
        numbering = draft.part.numbering_part.element
        numbering.append(xml('<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0">'
                             '<w:start w:val="3"/><w:numFmt w:val="decimal"/>'
                             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
        numbering.append(xml('<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
        properties = heading._p.get_or_add_pPr().get_or_add_numPr()
        properties.get_or_add_ilvl().val = 0
        properties.get_or_add_numId().val = 90

    assert Heading("3. Outlook") in read_docx(edited(draft, edit), MUSEUM.metadata).blocks


def test_a_row_that_skips_grid_cells_has_empty_cells_there(draft):
    def edit(draft):
        row = draft.element.body.find(qn("w:tbl")).findall(qn("w:tr"))[1]
        row.remove(row.findall(qn("w:tc"))[0])
        row.insert(0, xml('<w:trPr><w:gridBefore w:val="1"/></w:trPr>'))

    table = read_docx(edited(draft, edit), MUSEUM.metadata).blocks[2]
    assert table == Table(MUSEUM.blocks[2].header, (((), (Span("1,204"),)),))


# --- Figures follow their identity ------------------------------------------------------------

FIGURES = Document("walk", Metadata(title="A Walk", images={1: "one.png", 2: "two.png", 3: "three.png"},
                                   alt={2: "A heron on the weir"}), None, (
    Paragraph((Span("We set out at dawn."),)),
    Figure(1, (Span("The bridge at dawn"),), "one.png"),
    Paragraph((Span("By noon we reached the weir."),)),
    Figure(2, (Span("The weir"),), "two.png", "A heron on the weir"),
    Figure(3, (Span("The mill"),), "three.png"),
    Figure(4, (Span("The inn, picture to come"),)),
))


@pytest.fixture
def walk(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name, colour in (("one.png", "red"), ("two.png", "green"), ("three.png", "blue")):
        Image.new("RGB", (300, 200), colour).save(source / name)
    path = tmp_path / "walk.docx"
    path.write_bytes(write_docx(FIGURES, LAYOUT, source))
    return path


def figure_elements(draft, caption: str) -> list:
    """A figure's paragraphs: its picture's (if any) and its caption."""
    paragraph = paragraph_starting(draft, caption)._p
    before = paragraph.getprevious()
    picture = [before] if before is not None and before.find(f".//{qn('w:drawing')}") is not None else []
    return [*picture, paragraph]


def test_deleting_a_figure_moves_no_picture(walk):
    def edit(draft):
        for element in figure_elements(draft, "The bridge"):
            element.getparent().remove(element)

    figures = [block for block in read_docx(edited(walk, edit), FIGURES.metadata, FIGURES).blocks
               if isinstance(block, Figure)]
    assert figures == list(FIGURES.blocks[3:])


def test_moving_a_figure_takes_its_picture_and_alternative_text_along(walk):
    def edit(draft):
        moved = figure_elements(draft, "The weir")
        anchor = paragraph_starting(draft, "We set out")._p
        for element in reversed(moved):
            anchor.addnext(element)

    blocks = read_docx(edited(walk, edit), FIGURES.metadata, FIGURES).blocks
    assert [block for block in blocks if isinstance(block, Figure)] == [
        FIGURES.blocks[3], FIGURES.blocks[1], *FIGURES.blocks[4:]]


def test_a_figure_the_editor_adds_is_numbered_after_every_other(walk, tmp_path):
    def edit(draft):
        new = paragraph_starting(draft, "By noon").insert_paragraph_before("")
        new.add_run().add_picture(str(tmp_path / "source" / "one.png"))
        caption = paragraph_starting(draft, "By noon").insert_paragraph_before(
            "A stile", style="Caption")
        new._p.addnext(caption._p)

    blocks = read_docx(edited(walk, edit), FIGURES.metadata, FIGURES).blocks
    figures = [block for block in blocks if isinstance(block, Figure)]
    assert figures[1] == Figure(5, (Span("A stile"),))
    assert figures[0] == FIGURES.blocks[1] and figures[2:] == list(FIGURES.blocks[3:])


def test_alternative_text_changed_in_the_draft_is_kept(walk):
    def edit(draft):
        properties = next(draft.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"))
        properties.set("descr", "The old stone bridge, mist on the water")

    figure = read_docx(edited(walk, edit), FIGURES.metadata, FIGURES).blocks[1]
    assert figure == Figure(1, (Span("The bridge at dawn"),), "one.png",
                            "The old stone bridge, mist on the water")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_keeps_the_figures_identities(walk, tmp_path):
    import os
    import subprocess

    def edit(draft):
        for element in figure_elements(draft, "The bridge"):
            element.getparent().remove(element)

    edited(walk, edit)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "docx", "--outdir", str(tmp_path / "out"), str(walk)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    blocks = read_docx(tmp_path / "out" / walk.name, FIGURES.metadata, FIGURES).blocks
    assert [block for block in blocks if isinstance(block, Figure)] == list(FIGURES.blocks[3:])


def test_a_draft_whose_figures_carry_no_identity_numbers_them_in_order(walk):
    def edit(draft):
        for mark in list(draft.element.body.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
            mark.getparent().remove(mark)
        for properties in draft.element.body.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
            properties.set("name", "Picture 1")

    figures = [block.number for block in read_docx(edited(walk, edit), FIGURES.metadata).blocks
               if isinstance(block, Figure)]
    assert figures == [1, 2, 3, 4]


# --- Pictures captioned in frames (Insert > Caption) ------------------------------------------

MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"
SHAPES = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def test_libreoffices_captioned_pictures_are_figures():
    """Each in a frame holding the picture, a line break and "Figure n: caption" in one
    paragraph of the Figure style (based on Caption), anchored to the paragraph after it."""
    from pipeline.readers.docx.draft import import_docx

    path = DRAFTS / "captioned-pictures.docx"
    imported = import_docx(path.read_bytes(), path, Metadata(title="T"))
    assert imported.document.blocks == (
        Paragraph((Span("The new pier opened in March."),)),
        Figure(1, (Span("Figure 1: The new pier at Central"),)),
        Paragraph((Span("Ridership rose by a fifth."),)),
        Figure(2, (Span("Figure 2: On the upper deck"),)),
        Paragraph((Span("Fares held."),)),
    )
    colours = {number: Image.open(io.BytesIO(data)).convert("RGB").getpixel((5, 5))
               for number, data in imported.pictures.items()}
    assert colours == {1: (20, 40, 120), 2: (0, 128, 128)}


def test_a_frame_holding_text_besides_a_picture_and_its_caption_is_refused():
    assert refusal(DRAFTS / "frame-with-text.docx") == (
        "holds text outside ordinary paragraphs, in a text box or similar ('Timetables are on"
        " the website.'); move it into a paragraph, save, and run doit again")


def framed(draft, caption: str, vml: bool = False, extra: str = "") -> None:
    """The figure captioned `caption` put in a frame, as LibreOffice's Insert > Caption does
    with a picture: a DrawingML text box (with its VML copy for older readers) or, `vml`, a
    VML text box alone, anchored at the end of the paragraph after it; `extra`: more of
    Word's XML in the frame."""
    elements = figure_elements(draft, caption)
    inside = "".join(etree.tostring(element, encoding="unicode") for element in elements)
    box = f"<w:txbxContent>{inside}{extra}</w:txbxContent>"
    anchored = elements[-1].getnext()
    for element in elements:
        element.getparent().remove(element)
    textbox = f'<w:pict><v:rect><v:textbox>{box}</v:textbox></v:rect></w:pict>'
    shape = (f'<w:drawing><wp:anchor xmlns:wp="{DRAWING}"><wp:docPr id="90" name="Frame1"/>'
             f'<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
             f'<a:graphicData uri="{SHAPES}"><wps:wsp xmlns:wps="{SHAPES}"><wps:txbx>{box}'
             "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>")
    content = textbox if vml else (
        f'<mc:AlternateContent xmlns:mc="{MARKUP_COMPATIBILITY}"><mc:Choice Requires="wps">'
        f"{shape}</mc:Choice><mc:Fallback>{textbox}</mc:Fallback></mc:AlternateContent>")
    anchored.append(elements_of(f"<w:r>{content}</w:r>")[0])


def elements_of(fragment: str) -> list:
    return list(parse_xml(f'<w:wrap {nsdecls("w", "r", "pic")} xmlns:v="{VML}">{fragment}'
                          "</w:wrap>"))


@pytest.mark.parametrize("vml", [False, True])
def test_a_figure_captioned_in_a_frame_keeps_its_identity_picture_and_text(walk, vml):
    from pipeline.readers.docx.draft import import_docx

    path = edited(walk, lambda draft: framed(draft, "The weir", vml))
    imported = import_docx(path.read_bytes(), path, FIGURES.metadata, FIGURES)
    assert imported.document.blocks == FIGURES.blocks
    assert imported.pictures[2] == (path.parent / "source" / "two.png").read_bytes()


@pytest.mark.parametrize("in_frame", [False, True])
def test_two_pictures_over_one_caption_are_refused_framed_or_not(walk, in_frame):
    def edit(draft):
        pictures = [figure_elements(draft, caption)[0] for caption in ("The weir", "The mill")]
        pictures[0].extend(list(pictures[1]))  # the mill's picture beside the weir's
        pictures[1].getparent().remove(pictures[1])
        if in_frame:
            framed(draft, "The weir")

    assert refusal(edited(walk, edit), FIGURES.metadata) == (
        "holds 2 pictures over one caption ('The weir'); a figure is one picture and its"
        " caption: give each picture a caption of its own, save, and run doit again")


def test_a_caption_typed_under_a_table_is_the_tables():
    blocks = read_lo("table-caption.docx").blocks
    assert blocks[1] == Table(((Span("Region"),), (Span("Visits"),)),
                              (((Span("North"),), (Span("1,204"),)),
                               ((Span("South"),), (Span("980"),))),
                              caption=(Span("Table 1: Visits by region"),))
    assert blocks[2] == Paragraph((Span("The end."),))


def test_odd_numbers_in_words_xml_are_read_as_word_reads_them(draft, tmp_path):
    """A level, start or position that is no number, or a row skipping a billion cells,
    reads as Word and LibreOffice take it, never a crash or a billion cells."""
    def numbers(draft):
        numbering = draft.part.numbering_part.element
        numbering.append(xml('<w:abstractNum w:abstractNumId="91"><w:lvl w:ilvl="x">'
                             '<w:start w:val="many"/><w:numFmt w:val="decimal"/>'
                             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
        numbering.append(xml('<w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
        item = paragraph_starting(draft, "The end.")
        item._p.get_or_add_pPr().append(xml('<w:numPr><w:ilvl w:val="-3"/><w:numId w:val="91"/>'
                                            '</w:numPr>'))
        item._p.append(xml('<w:r><w:rPr><w:position w:val="up"/></w:rPr><w:t> Done.</w:t></w:r>'))

    shutil.copy(draft, tmp_path / "cells.docx")
    blocks = read_docx(edited(draft, numbers), MUSEUM.metadata).blocks
    assert blocks[3] == List((ListItem((Span("The end. Done."),)),), "decimal", 1)

    def cells(draft):
        row = draft.element.body.find(qn("w:tbl")).findall(qn("w:tr"))[1]
        row.remove(row.findall(qn("w:tc"))[0])
        row.insert(0, xml('<w:trPr><w:gridBefore w:val="999999999"/></w:trPr>'))

    assert refusal(edited(tmp_path / "cells.docx", cells)).startswith(
        "table 1 has rows of unequal length")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler (pdftotext) is not installed")
def test_the_editions_print_the_numbers_word_shows(tmp_path):
    """A list started at 5, one continued at 7, roman restarted at v, letters past z."""
    import subprocess

    from pipeline.writers.pdf.render import render_pdf

    blocks = (read_lo("lists-start-continue-restart.docx").blocks
              + read_lo("lists-letters-ended-mixed.docx").blocks)
    document = Document("lists", Metadata(title="Lists"), None, blocks)
    pdf = tmp_path / "lists.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", "screen"), ROOT / "source"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    shown = [" ".join(line.split()) for line in text.splitlines()]
    for line in ("5. to open the east wing;", "6. to extend the hours;", "7. to freeze the fees.",
                 "v. visitors rose;", "vi. spending rose;", "z. station 26;",
                 "aa. station 27;", "bb. station 28;", "1. first number;"):
        assert line in shown, line


# --- Compound list numbers (Word's 1.1. outline numbering) ------------------------------------

OUTLINE = [("Aims", 0), ("Reach", 1), ("Schools", 2), ("Visitors", 1), ("Finance", 0),
           ("Income", 1)]


def outlined(draft_path: Path, texts: tuple[str, str, str] = ("%1.", "%1.%2.", "%1.%2.%3."),
             formats: tuple[str, str, str] = ("decimal", "decimal", "decimal")) -> Path:
    """The museum's draft with a list numbered as Word's multilevel 1., 1.1., 1.1.1. (each
    level's text and format as given) before its last paragraph."""
    def edit(draft):
        levels = "".join(f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{form}"/>'
                         f'<w:lvlText w:val="{text}"/></w:lvl>'
                         for level, (text, form) in enumerate(zip(texts, formats, strict=True)))
        numbering = draft.part.numbering_part.element
        numbering.insert(0, xml(f'<w:abstractNum w:abstractNumId="80">{levels}</w:abstractNum>'))
        numbering.append(xml('<w:num w:numId="80"><w:abstractNumId w:val="80"/></w:num>'))
        end = paragraph_starting(draft, "The end.")
        for text, level in OUTLINE:
            item = end.insert_paragraph_before(text)
            numbers = item._p.get_or_add_pPr().get_or_add_numPr()
            numbers.get_or_add_ilvl().val = level
            numbers.get_or_add_numId().val = 80

    return edited(draft_path, edit)


OUTLINE_LIST = List((
    ListItem((Span("Aims"),), List((
        ListItem((Span("Reach"),), List((ListItem((Span("Schools"),)),), "decimal",
                                        compound=True)),
        ListItem((Span("Visitors"),)),
    ), "decimal", compound=True)),
    ListItem((Span("Finance"),), List((ListItem((Span("Income"),)),), "decimal",
                                      compound=True)),
), "decimal")


def test_words_outline_numbers_are_read_written_back_and_marked_up(draft, tmp_path):
    from pipeline.readers.markup import read_markup
    from pipeline.writers.markup import write_markup

    document = read_docx(outlined(draft), MUSEUM.metadata)
    assert document.blocks[3] == OUTLINE_LIST
    assert OUTLINE_LIST.items[0].sublist.numbers(("1",)) == ["1.1.", "1.2."]
    # The DOCX written back numbers them as Word did, and reads back the same.
    again = tmp_path / "again.docx"
    again.write_bytes(write_docx(document, LAYOUT, ROOT / "source"))
    assert read_docx(again, MUSEUM.metadata).blocks == document.blocks
    numbering = etree.tostring(docx_numbering(again), encoding="unicode")
    assert 'w:val="%1.%2.%3."' in numbering and 'w:val="%1.%2."' in numbering
    # The marked-up form writes the numbers as printed, and reads them back.
    markup = write_markup(document)
    assert "1. Aims\n    1.1. Reach\n        1.1.1. Schools\n    1.2. Visitors\n2. Finance\n" \
           "    2.1. Income" in markup
    assert read_markup(markup, tmp_path / "x.md", MUSEUM.metadata, ROOT / "source").blocks \
        == document.blocks


def docx_numbering(path: Path):
    import docx

    return docx.Document(str(path)).part.numbering_part.element


@pytest.mark.parametrize(("texts", "formats", "shown"), [
    (("%1.", "%1-%2", "%3."), ("decimal",) * 3, "'1-1'"),
    (("%1.", "%2.%1.", "%3."), ("decimal",) * 3, "'1.1.'"),
    (("%1.", "%1.%2.", "%1.%2.%3."), ("lowerLetter", "decimal", "decimal"), "'a.1.'"),
])
def test_compound_numbers_the_editions_cannot_print_are_refused(draft, texts, formats, shown):
    assert refusal(outlined(draft, texts, formats), MUSEUM.metadata) == (
        f"holds a list item numbered {shown} (after 'Aims'), which the editions cannot print:"
        " a number shows, before its own, only those of the items it is nested in, in figures,"
        " each followed by a full stop (1.1.); number it so, or alone, save, and run doit again")


def test_a_compound_number_written_in_the_marked_up_form_must_be_its_parents(tmp_path):
    from pipeline.readers.markup import read_markup

    with pytest.raises(PipelineError) as raised:
        read_markup("1. Aims\n    2.1. Reach\n", tmp_path / "x.md", MUSEUM.metadata, tmp_path)
    assert "list item 2.1.: a number before an item's own is that of the item it is nested" \
           " in, in each of the list's items (1.)" in str(raised.value)
    paragraph = read_markup("1.5\\. million visitors came.\n", tmp_path / "x.md",
                            MUSEUM.metadata, tmp_path).blocks
    assert paragraph == (Paragraph((Span("1.5. million visitors came."),)),)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler (pdftotext) is not installed")
def test_the_editions_print_words_outline_numbers(draft, tmp_path):
    import subprocess

    from pipeline.writers.pdf.render import render_pdf

    document = read_docx(outlined(draft), MUSEUM.metadata)
    for layout in ("print", "screen"):
        pdf = tmp_path / f"{layout}.pdf"
        pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", layout),
                                   ROOT / "source"))
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        shown = [" ".join(line.split()) for line in text.splitlines()]
        for line in ("1. Aims", "1.1. Reach", "1.1.1. Schools", "1.2. Visitors", "2. Finance",
                     "2.1. Income"):
            assert line in shown, (layout, line)


# --- Line breaks in text that keeps no lines -----------------------------------------------


def test_a_line_break_in_body_text_is_read_as_a_space_and_the_editor_told(draft):
    from pipeline.readers.docx.draft import import_docx
    from pipeline.tasks.drafts import breaks_joined

    broken = appended(draft, "The galleries", "<w:r><w:br/></w:r>" + run("Tickets are free."))
    imported = import_docx(broken.read_bytes(), broken, MUSEUM.metadata)
    assert plain(imported.document.blocks[0].spans) == (
        "The galleries reopened in May. Tickets are free.")
    assert imported.joined == ("The galleries reopened in May. Tickets are free.",)
    said = breaks_joined(Path("output/museum/museum.docx"), imported.joined)
    assert said.startswith("output/museum/museum.docx: the line break in 'The galleries")
    assert said.endswith("' was taken out, its lines run on: the editions break a "
                         "paragraph's lines as they set it (the Lines style keeps lines)")


def test_italic_on_chinese_words_is_said_to_be_set_upright_and_english_italic_is_not():
    from pipeline.tasks.drafts import upright_italics

    docx_path = Path("output/piece/piece.docx")
    chinese = Document("piece", Metadata(title="主席的話", language="zh-HK"), None, (
        Paragraph((Span("本會委任"), Span("社區關懷大使", italic=True), Span("，並出版"),
                   Span("Annual Review", italic=True), Span("。"))),))
    assert upright_italics(docx_path, chinese) == (
        "output/piece/piece.docx: the italic of '社區關懷大使' is set upright in the editions,"
        " as Chinese has no italic; make it bold to emphasise it")
    english = Document("piece", Metadata(title="Review"), None, (
        Paragraph((Span("We published "), Span("Annual Review", italic=True),
                   Span(" and "), Span("年報", italic=True), Span("."))),))
    assert upright_italics(docx_path, english).endswith(
        "the italic of '年報' is set upright in the editions, as Chinese has no italic; make it"
        " bold to emphasise it")
    assert upright_italics(docx_path, Document("piece", Metadata(title="Review"), None, (
        Paragraph(english.blocks[0].spans[:3]),))) is None


def test_a_line_break_ending_a_paragraph_or_in_the_sign_off_is_nothing_to_tell(draft):
    from pipeline.readers.docx.draft import import_docx

    ended = appended(draft, "The end.", "<w:r><w:br/></w:r>")
    assert not import_docx(ended.read_bytes(), ended, MUSEUM.metadata).joined
    signed = Document("museum", MUSEUM.metadata, None, (
        *MUSEUM.blocks[:-1], SignOff(((Span("Jane Lee"),), (Span("Director"),))),
        MUSEUM.blocks[-1]))
    draft.write_bytes(write_docx(signed, LAYOUT, ROOT / "source"))
    assert not import_docx(draft.read_bytes(), draft, MUSEUM.metadata).joined


@pytest.mark.parametrize("style", ["Title", "Subtitle"])
def test_a_title_style_below_the_texts_start_is_refused(draft, style):
    """A body paragraph an editor restyles Title or Subtitle is refused in one line (it had
    been moved into the document's title, in every edition, without a word)."""
    def edit(draft):
        paragraph_starting(draft, "The end.").style = draft.styles[style]

    problem = refusal(edited(draft, edit), MUSEUM.metadata)
    assert problem.startswith(f"'The end.' is in the {style} style below the text's start")
    assert problem.endswith("save, and run doit again")


CAPTIONS = Document("walk", Metadata(title="A Walk", alt={2: "A heron on the weir",
                                                          3: "The mill race in spate"}), None, (
    Paragraph((Span("We set out at dawn."),)),
    Figure(1, (Span("The bridge at dawn, picture to come"),)),
    Figure(2, (Span("The weir below the village"),), "", "A heron on the weir"),
    Paragraph((Span("By noon we reached the mill."),)),
    Figure(3, (Span("The mill race after the storm"),), "", "The mill race in spate"),
))


@pytest.mark.slow
def test_captions_retyped_in_libreoffice_keep_their_figures(tmp_path):
    """In LibreOffice, an editor types over a caption's first word, and over a whole caption:
    each figure keeps its number, so its alternative text and picture to come follow it
    (LibreOffice dropped the mark a figure is known by, set at a point before the caption's
    words, and the figures became 4 and 5, their alternative text lost without a word)."""
    draft = tmp_path / "walk.docx"
    draft.write_bytes(write_docx(CAPTIONS, LAYOUT, tmp_path))
    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps([["The weir", "This", 3],
                                 ["The mill race", "The mill race, the morning after", -1]]))
    saved = tmp_path / "saved.docx"
    subprocess.run(["/usr/bin/python3", str(Path(__file__).parent / "libreoffice_retype.py"),
                    str(tmp_path), str(draft), str(saved), str(edits)], check=True, timeout=300,
                   capture_output=True)
    figures = read_docx(saved, CAPTIONS.metadata, CAPTIONS).figures
    assert [(figure.number, plain(figure.caption), figure.alt) for figure in figures] == [
        (1, "The bridge at dawn, picture to come", None),
        (2, "This weir below the village", "A heron on the weir"),
        (3, "The mill race, the morning after", "The mill race in spate")]


def header_row(draft):
    return draft.tables[0].rows[0]._tr


def delete_header_row(draft):
    row = header_row(draft)
    row.getparent().remove(row)


def insert_row_above_header(draft):
    """Word's Insert Row Above on the header row: a copy of it, its properties too."""
    row = header_row(draft)
    row.addprevious(etree.fromstring(etree.tostring(row)))


def untick_repeat_header(draft):
    marks = header_row(draft).findall(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
    for mark in marks:
        mark.getparent().remove(mark)


@pytest.mark.parametrize(("edit", "problem"), [
    (delete_header_row, "table 1 has lost its header row: its first row ('East | 1,204') was"
                        " a data row"),
    (insert_row_above_header, "table 1 has 2 header rows ('Gallery | Visits' over 'Gallery |"
                              " Visits')"),
])
def test_a_tables_header_row_deleted_or_doubled_is_refused(draft, edit, problem):
    """The header row deleted made the first data row the header, and a row inserted above
    it made the header a data row, both without a word: each is refused in one line."""
    message = refusal(edited(draft, edit), MUSEUM.metadata, MUSEUM)
    assert message.startswith(problem) and message.endswith("save, and run doit again")


def test_a_header_row_no_longer_repeated_is_still_the_header(draft):
    document = read_docx(edited(draft, untick_repeat_header), MUSEUM.metadata, MUSEUM)
    assert document.blocks == MUSEUM.blocks


def test_a_comment_in_a_note_is_refused_saying_so(draft):
    """A comment on a note's words: the refusal says it is in a note, on which words (it had
    said only `holds 1 comment`, and the editor looked for it in the text)."""
    def edit(draft):
        comment = draft.add_comment(paragraph_starting(draft, "The end.").runs, text="Which?")
        for mark in list(draft.element.body.iter(qn("w:commentRangeStart"),
                                                 qn("w:commentRangeEnd"))):
            mark.getparent().remove(mark)  # its anchor moved into the note
        for mark in list(draft.element.body.iter(qn("w:commentReference"))):
            mark.getparent().getparent().remove(mark.getparent())
        notes = next(part for part in draft.part.package.iter_parts()
                     if str(part.partname) == "/word/endnotes.xml")
        tree = etree.fromstring(notes.blob)
        words = next(run for run in tree.iter(qn("w:r"))
                     if "".join(run.itertext()).strip().startswith("Counted"))
        for tag, place in (("w:commentRangeStart", words.addprevious),
                           ("w:commentRangeEnd", words.addnext)):
            mark = etree.Element(qn(tag))
            mark.set(qn("w:id"), str(comment.comment_id))
            place(mark)
        notes._blob = etree.tostring(tree)

    assert refusal(edited(draft, edit), MUSEUM.metadata).startswith(
        "holds 1 comment in a note on 'Counted at the doors.'; resolve or delete it")


def test_a_cell_of_two_paragraphs_is_refused_naming_the_cell(draft):
    def edit(draft):
        draft.tables[0].cell(1, 0).add_paragraph("and West")

    assert refusal(edited(draft, edit), MUSEUM.metadata).startswith(
        "table 1 has a cell of 2 paragraphs (row 2, column 1: 'East'); make each cell one"
        " paragraph")


def test_a_line_break_in_a_cell_is_said_to_read_as_a_space(draft):
    from pipeline.readers.docx.draft import import_docx

    def edit(draft):
        run = draft.tables[0].cell(1, 0).paragraphs[0].runs[0]
        run.add_break()
        run.add_text("wing")

    imported = import_docx(edited(draft, edit).read_bytes(), draft, MUSEUM.metadata, MUSEUM)
    assert imported.joined == ("East wing",)


NESTING = Document("tasks", Metadata(title="Tasks"), None, (
    Paragraph((Span("This year we shall:"),)),
    List((ListItem((Span("repair the roof;"),)), ListItem((Span("paint the hall;"),)),
          ListItem((Span("open on Sundays."),)))),
    Paragraph((Span("And the accounts show:"),)),
    List((ListItem((Span("income up;"),)), ListItem((Span("costs down."),))), "decimal"),
))


@pytest.mark.slow
def test_an_item_nested_with_tab_in_libreoffice_keeps_its_lists_kind(tmp_path):
    """Tab on a bullet in LibreOffice nests a bullet under it, and on a numbered item a
    lettered one (the draft's lists defined only the levels they used: the bullet's
    sub-item was numbered 1., in LibreOffice and in the editions)."""
    draft = tmp_path / "tasks.docx"
    draft.write_bytes(write_docx(NESTING, LAYOUT, tmp_path))
    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps([["Tab", "paint the hall"], ["Tab", "costs down"]]))
    saved = tmp_path / "saved.docx"
    subprocess.run(["/usr/bin/python3", str(Path(__file__).parent / "libreoffice_retype.py"),
                    str(tmp_path), str(draft), str(saved), str(edits)], check=True, timeout=300,
                   capture_output=True)
    bullets, numbers = [block for block in read_docx(saved, NESTING.metadata, NESTING).blocks
                        if isinstance(block, List)]
    assert bullets.items[0].sublist == List((ListItem((Span("paint the hall;"),)),))
    assert numbers.items[0].sublist == List((ListItem((Span("costs down."),)),), "lower-alpha")
