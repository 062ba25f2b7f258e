"""Reading back an edited DOCX draft: editors' changes arrive, and nothing is lost or invented."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from lxml import etree
from PIL import Image

from pipeline.errors import PipelineError
from pipeline.layouts import load_layout
from pipeline.model import (
    Byline,
    Document,
    Figure,
    Heading,
    List,
    ListItem,
    Metadata,
    Paragraph,
    Quotation,
    Span,
    Table,
    plain,
)
from pipeline.readers.docx.draft import (
    COMMENTS_EXTENDED,
    OLE_SIGNATURE,
    W14_PARA_ID,
    import_docx,
    read_docx,
)
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped, scraped_document
from pipeline.tasks.drafts import page_breaks
from pipeline.writers.docx.draft import draft_identity, write_docx

from .conftest import ROOT, SEED
from .support import libreoffice

NBSP = "\u00a0"
LAYOUT = load_layout(ROOT / "layouts", "print")
VML = "urn:schemas-microsoft-com:vml"


def sample_document() -> Document:
    return Document(
        name="piece",
        metadata=Metadata(
            title="Director’s Review",
            subtitle="Annual Report 2024",
            author="Benson KWOK Joon-fung",
            images={1: "photo.png"},
            alt={1: "Two towers"},
        ),
        byline=Byline(f"Benson KWOK{NBSP}Joon-fung", ("IDSM",), "Director of Immigration"),
        blocks=(
            Paragraph(
                (
                    Span("The year 2024 marked the "),
                    Span("75th anniversary", bold=True),
                    Span(" of the founding of the "),
                    Span("People’s Republic of China", italic=True),
                    Span(" and "),
                    Span("much", bold=True, italic=True),
                    Span(" else."),
                )
            ),
            Heading("A new headquarters"),
            Paragraph((Span(f"On 11{NBSP}June, the new Immigration Headquarters opened."),)),
            Figure(1, (Span("The new headquarters in "), Span("Tseung Kwan O", italic=True)), "photo.png", "Two towers"),
            Heading("Serving the public", 2),
            Paragraph((Span(f"Some 298{NBSP}million passengers{NBSP}– 41{NBSP}per{NBSP}cent more."),)),
            Figure(2, (Span("Officers at the control point"),)),
            Paragraph((Span("The end."),)),
            Paragraph((Span("Its CO"), Span("2", position="subscript"), Span(" output is 10"),
                       Span("3", position="superscript"), Span(f"{NBSP}tonnes less; see "),
                       Span("the report", link="https://www.immd.gov.hk/report_(2024)"),
                       Span("."))),
        ),
    )


def seed_document() -> Document:
    metadata = load_metadata(SEED.with_suffix(".toml"), ["print", "screen"])
    return read_scraped(SEED, metadata)[0]


@pytest.fixture
def source_dir(tmp_path) -> Path:
    folder = tmp_path / "source"
    folder.mkdir()
    Image.new("RGB", (400, 300), "steelblue").save(folder / "photo.png")
    return folder


@pytest.fixture
def written(tmp_path):
    """Writes a document's draft into a folder of its own, its images read from `source_dir`."""

    def write(document: Document, source_dir: Path) -> Path:
        path = tmp_path / "drafts" / f"{document.name}.docx"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(write_docx(document, LAYOUT, source_dir))
        return path

    return write


def edited(path: Path, edit) -> Path:
    draft = docx.Document(str(path))
    edit(draft)
    draft.save(str(path))
    return path


def added_after(draft: Path, document: Document, after: str, text: str, style: str) -> tuple:
    """The blocks read back from `document`'s `draft` with a paragraph of `text` in Word's
    `style` added after the paragraph starting `after`, as an editor adds an item."""
    def edit(opened):
        opened_item = paragraph_starting(opened, after)
        opened_item._p.addnext(opened.add_paragraph(text, style=style)._p)

    return read_docx(edited(draft, edit), document.metadata).blocks


def paragraph_starting(draft, text: str):
    return next(p for p in draft.paragraphs if p.text.startswith(text))


def refusal(path: Path, metadata: Metadata | None = None, written: Document | None = None
            ) -> str:
    """The one-line message refusing `path` (written from `written`, if given), checking the
    file was left as it was."""
    before = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(PipelineError) as raised:
        read_docx(path, metadata or Metadata(title=""), written)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return raised.value.problem


# --- Round trips -----------------------------------------------------------------------------


def test_a_date_the_text_gave_stays_when_the_metadata_gives_none(source_dir, written):
    """The written model's date (a press release line's, dropped from its text) is the
    imported draft's; the metadata's, where it gives one, comes first."""
    document = replace(sample_document(), metadata=replace(sample_document().metadata,
                                                           date="2025-03-03"))
    path = written(document, source_dir)
    untitled = Metadata(title="")
    assert import_docx(path.read_bytes(), path, untitled, document).document.metadata.date == (
        "2025-03-03")
    assert import_docx(path.read_bytes(), path, replace(untitled, date="2024"),
                       document).document.metadata.date == "2024"


def test_the_sample_round_trips(source_dir, written):
    document = sample_document()
    assert read_docx(written(document, source_dir), document.metadata) == document


def test_the_seed_round_trips(written):
    document = seed_document()
    assert read_docx(written(document, ROOT / "source"), document.metadata) == document


def test_the_library_chapter_round_trips(library_chapter, source_dir, written):
    document, _ = scraped_document("piece", library_chapter, Metadata(title=""))
    assert read_docx(written(document, source_dir), document.metadata) == document


# --- Editors' changes ------------------------------------------------------------------------


def test_an_editors_changes_all_arrive(source_dir, written):
    document = sample_document()

    def edit(draft):
        first = paragraph_starting(draft, "The year 2024")
        first.runs[0].text = first.runs[0].text.replace("marked", "celebrated")
        paragraph_starting(draft, "Some 298").insert_paragraph_before(
            'A new paragraph, "typed" by an editor...', style="Body Text"
        )
        paragraph_starting(draft, "On 11").style = draft.styles["Heading 1"]
        caption = paragraph_starting(draft, "The new headquarters")
        picture = caption._p.getprevious()  # the figure deleted whole: picture and caption
        for element in (picture, caption._p):
            element.getparent().remove(element)
        last = paragraph_starting(draft, "The end.")
        last.add_run(" Truly", style="Emphasis")
        last.add_run(" over", style="Strong").italic = True
        last.add_run(".")
        paragraph_starting(draft, "Director’s Review").runs[0].text = "The Director’s Review"
        subtitle = paragraph_starting(draft, "Annual Report")
        subtitle._p.getparent().remove(subtitle._p)

    result = read_docx(edited(written(document, source_dir), edit), document.metadata)
    assert result.metadata.title == "The Director’s Review"
    assert result.metadata.subtitle == ""
    assert result.byline == document.byline
    assert result.blocks == (
        Paragraph(
            (
                Span("The year 2024 celebrated the "),
                *document.blocks[0].spans[1:],
            )
        ),
        Heading("A new headquarters"),
        Heading(f"On 11{NBSP}June, the new Immigration Headquarters opened."),
        Heading("Serving the public", 2),
        Paragraph((Span("A new paragraph, ‘typed’ by an editor…"),)),
        document.blocks[5],
        # Figure 1 is gone, picture and all; figure 2 keeps its number, so figure 1's
        # picture does not move onto its caption.
        Figure(2, (Span("Officers at the control point"),)),
        # The space before " over" (bold italic) is italic, as both sides are.
        Paragraph((Span("The end. "), Span("Truly ", italic=True), Span("over", True, True), Span("."))),
        document.blocks[8],
    )


def test_a_paragraph_styles_emphasis_is_its_texts_in_body_text_only(source_dir, written):
    """Word shows a paragraph in an italic style of the editor's own italic, and so it is
    read: the italic is the editor's, not a look of ours. A heading's bold, a caption's look
    and a quotation style's italic (Word's Quote: the paragraph is a displayed quotation)
    stay theirs."""
    document = sample_document()

    def edit(draft):
        emphatic = draft.styles.add_style("Emphatic", WD_STYLE_TYPE.PARAGRAPH)
        emphatic.base_style = draft.styles["Normal"]
        emphatic.font.italic = True
        strong = draft.styles.add_style("Strong Emphatic", WD_STYLE_TYPE.PARAGRAPH)
        strong.base_style = emphatic
        strong.font.bold = True
        ended = paragraph_starting(draft, "The end.")
        ended.style = emphatic
        ended.add_run(" Upright.").italic = False  # the run's own formatting wins
        paragraph_starting(draft, "Some 298").style = strong
        quoted = paragraph_starting(draft, "On 11")
        quoted.style = draft.styles["Quote"]  # italic, in python-docx's template as in Word's

    result = read_docx(edited(written(document, source_dir), edit), document.metadata)
    assert result.blocks[-2] == Paragraph((Span("The end.", italic=True), Span(" Upright.")))
    assert all(span.bold and span.italic for span in result.blocks[5].spans)
    assert result.blocks[1] == document.blocks[1]  # Heading 1: bold by its look alone
    quoted = next(block for block in result.blocks if block.text.startswith("On 11"))
    assert isinstance(quoted, Quotation) and not any(span.italic for span in quoted.spans)


def test_a_picture_left_without_its_caption_is_refused(source_dir, written):
    def edit(draft):
        caption = paragraph_starting(draft, "The new headquarters")
        caption._p.getparent().remove(caption._p)

    path = edited(written(sample_document(), source_dir), edit)
    assert "a picture that is not a figure's" in refusal(path)


def test_a_deleted_title_leaves_the_metadatas_and_an_edited_byline_is_parsed(source_dir, written):
    document = sample_document()

    def edit(draft):
        title = paragraph_starting(draft, "Director’s Review")
        title._p.getparent().remove(title._p)
        paragraph_starting(draft, "Benson").runs[0].text = "By Ann LEE, JP, Chief Editor"

    result = read_docx(edited(written(document, source_dir), edit), document.metadata)
    assert result.metadata.title == "Director’s Review"
    assert result.byline == Byline("Ann LEE", ("JP",), "Chief Editor")


def test_any_other_style_is_a_paragraph_a_table_a_table_and_empty_ones_skipped(source_dir, written):
    document = Document("piece", Metadata(title="T"), None, (Paragraph((Span("Body."),)),))

    def edit(draft):
        draft.styles.add_style("Text Body", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
        draft.add_paragraph("LibreOffice’s style.", style="Text Body")
        draft.add_paragraph("A list item.", style="List Paragraph")
        draft.add_paragraph("   ", style="Normal")
        draft.add_paragraph("", style="Heading 2")
        table = draft.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Left cell"
        table.cell(0, 1).text = "Right cell"

    result = read_docx(edited(written(document, source_dir), edit), document.metadata)
    assert [block.text for block in result.blocks[:3]] == [
        "Body.", "LibreOffice’s style.", "A list item.",
    ]  # fmt: skip
    assert result.blocks[3] == Table(((Span("Left cell"),), (Span("Right cell"),)), ())


def test_direct_formatting_wins_over_the_character_style_and_colour_is_not_emphasis(source_dir, written):
    document = Document("piece", Metadata(title="T"), None, (Paragraph((Span("Body."),)),))

    def edit(draft):
        paragraph = paragraph_starting(draft, "Body.")
        paragraph.add_run(" not bold", style="Strong").bold = False
        paragraph.add_run(" red").font.color.rgb = RGBColor(255, 0, 0)

    result = read_docx(edited(written(document, source_dir), edit), document.metadata)
    assert result.blocks == (Paragraph((Span("Body. not bold red"),)),)


def test_list_markers_typed_as_text_make_a_list(source_dir, written):
    """Plain text pasted into Word brings its list's markers as text ("•\tFirst", "1)\tFirst"):
    two paragraphs or more in a row, one family counting on, are a list, as a scraped
    text's lines are; a marker alone opening a paragraph is its text."""
    document = Document("piece", Metadata(title="T"), None, (Paragraph((Span("Body."),)),))

    def edit(draft):
        for text in ("\u2022\tFirst item", "\u2022\tSecond, ", "1)\tOne", "2)\tTwo",
                     "Plain words.", "3)\tAlone, it is a paragraph's text."):
            draft.add_paragraph(text, style="Body Text")
        draft.paragraphs[-5].add_run("in bold").bold = True

    blocks = read_docx(edited(written(document, source_dir), edit), document.metadata).blocks
    assert blocks[1] == List((ListItem((Span("First item"),)),
                              ListItem((Span("Second, "), Span("in bold", bold=True)))))
    assert blocks[2] == List((ListItem((Span("One"),)), ListItem((Span("Two"),))),
                             "decimal", 1, "%)")
    assert blocks[4] == Paragraph((Span("3) Alone, it is a paragraph\u2019s text."),))


def test_a_heading_made_by_direct_formatting_is_said(source_dir, written):
    """A line set bold (and large) in Body Text, shaped as a heading, is read as the bold
    paragraph it is, and the import says so, for the editor to give it a Heading style."""
    document = Document("piece", Metadata(title="T"), None, (Paragraph((Span("Body."),)),))

    def edit(draft):
        run = draft.add_paragraph(style="Body Text").add_run("Our people")
        run.bold, run.font.size = True, docx.shared.Pt(14)
        draft.add_paragraph("A sentence follows, with a word in ", style="Body Text").add_run(
            "bold").bold = True

    path = edited(written(document, source_dir), edit)
    imported = import_docx(path.read_bytes(), path, document.metadata)
    assert imported.bold_lines == ("Our people",)
    assert imported.document.blocks[1] == Paragraph((Span("Our people", bold=True),))


def test_a_page_break_the_editor_made_is_said_and_not_kept(source_dir, written):
    """Word's Ctrl+Enter (a page break in a paragraph of its own, or at a paragraph's start),
    Format > Paragraph's "page break before" and a section break: the editions make their
    own pages, so the break is not kept, and the import says where it was; a paragraph
    merely kept on one page is no break."""
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document("piece", Metadata(title="T"), None, (Paragraph((Span("Body."),)),))

    def edit(draft):
        draft.add_paragraph(style="Body Text").add_run().add_break(WD_BREAK.PAGE)
        draft.add_paragraph("Our people come next.", style="Body Text")
        draft.add_paragraph("Kept on one page.", style="Body Text").paragraph_format \
            .keep_together = True
        draft.add_paragraph("Set on a page of its own.", style="Body Text").paragraph_format \
            .page_break_before = True
        ended = draft.add_paragraph("The section ends here.", style="Body Text")
        ended._p.get_or_add_pPr().append(parse_xml(f"<w:sectPr {nsdecls('w')}/>"))
        run = draft.add_paragraph(style="Body Text").add_run("Then a column")
        run.add_break(WD_BREAK.COLUMN)
        run.add_text("break.")

    path = edited(written(document, source_dir), edit)
    imported = import_docx(path.read_bytes(), path, document.metadata)
    assert imported.page_breaks == (
        ("before", "Our people come next."), ("before", "Set on a page of its own."),
        ("after", "The section ends here."), ("in", "Then a column break."))
    assert [plain(block.spans) for block in imported.document.blocks[1:]] == [
        "Our people come next.", "Kept on one page.", "Set on a page of its own.",
        "The section ends here.", "Then a column break."]
    said = page_breaks(Path("output/piece/piece.docx"), imported.page_breaks)
    assert said == ("output/piece/piece.docx: the page break before 'Our people come next.' (and 3 "
                    "more) is not kept: each edition breaks its pages as its own page size and "
                    "type need")


@pytest.mark.parametrize(("emphasis", "words", "said"), [
    ("italic", ("Carrow Edge",), "italic"), ("bold", ("Carrow Edge",), "bold"),
    ("bold", ("The ", "Carrow Edge", " project"), None),
    ("underline", ("Carrow Edge",), "underline"),
    ("underline", ("The ", "Carrow Edge", " project"), "underline"),
    ("small_caps", ("Carrow Edge",), "small capitals")])
def test_emphasis_in_a_heading_is_said_not_kept(source_dir, written, emphasis, words, said):
    """An editor italicises a word of a heading (a work's name), sets one bold, underlines it
    or sets it in small capitals: the editions set a heading in its level's one style, and
    the import says so (it had gone unsaid); a heading bold throughout is its style's, and
    nothing is said."""
    from pipeline.tasks.drafts import unkept_formatting

    document = Document("piece", Metadata(title="T"), None, (
        Heading("The Carrow Edge project"), Paragraph((Span("Body."),))))

    def edit(draft):
        heading = paragraph_starting(draft, "The Carrow Edge project")
        for run in list(heading.runs):
            run._r.getparent().remove(run._r)
        for part in ("The ", "Carrow Edge", " project"):
            setattr(heading.add_run(part).font, emphasis, part in words)

    path = edited(written(document, source_dir), edit)
    imported = import_docx(path.read_bytes(), path, document.metadata)
    assert imported.document.blocks[0] == Heading("The Carrow Edge project")
    line = unkept_formatting(Path("output/piece/piece.docx"), imported.unkept_formatting)
    verb = "are" if said == "small capitals" else "is"
    assert line == (f"output/piece/piece.docx: the {said} in the heading 'The Carrow Edge"
                    f" project' {verb} not kept: a heading is set in its level's one style"
                    if said else None)


@pytest.mark.parametrize("style", ["Title", "Subtitle", "Byline"])
@pytest.mark.parametrize(("emphasis", "said"), [
    ("italic", "italic"), ("bold", "bold"), ("underline", "underline"),
    ("small_caps", "small capitals")])
def test_formatting_on_the_front_matter_is_said_not_kept(source_dir, written, style, emphasis,
                                                         said):
    """An editor sets a word of the title, the subtitle or the byline in italic, bold,
    underline or small capitals: the opener sets each in its one style, and the import says
    so in one line (it had been dropped unsaid); the words are read as they stand."""
    from pipeline.tasks.drafts import unkept_formatting

    document = Document("piece", Metadata(title="The Mardale Reservoir Survey",
                                          subtitle="A year on the water"),
                        Byline("Ffion Aldous-Barker", (), "Reservoir Keeper"),
                        (Paragraph((Span("Body."),)),))

    def edit(draft):
        line = next(p for p in draft.paragraphs if p.style.name == style)
        words = line.text
        for run in list(line.runs):
            run._r.getparent().remove(run._r)
        first, rest = words.split(" ", 1)
        setattr(line.add_run(first).font, emphasis, True)
        line.add_run(f" {rest}")

    path = edited(written(document, source_dir), edit)
    imported = import_docx(path.read_bytes(), path, document.metadata)
    assert (imported.document.metadata.title, imported.document.metadata.subtitle,
            imported.document.byline) == (document.metadata.title, document.metadata.subtitle,
                                          document.byline)
    line = unkept_formatting(Path("output/piece/piece.docx"), imported.unkept_formatting)
    place = {"Title": "title", "Subtitle": "subtitle", "Byline": "byline"}[style]
    shown = {"title": document.metadata.title, "subtitle": document.metadata.subtitle,
             "byline": "Ffion Aldous-Barker, Reservoir Keeper"}[place]
    verb = "are" if said == "small capitals" else "is"
    assert line == (f"output/piece/piece.docx: the {said} in the {place} '{shown}' {verb} not"
                    f" kept: the {place} is set in its one style")


def test_a_house_styles_underlined_title_and_headings_say_nothing(source_dir, written):
    """A draft whose Title and Heading styles underline or set small capitals (a house
    style's look, as a heading style's bold is) holds no formatting of the editor's there:
    nothing is said."""
    from pipeline.tasks.drafts import unkept_formatting

    document = Document("piece", Metadata(title="The Mardale Reservoir Survey"), None, (
        Heading("Water levels"), Paragraph((Span("Body."),))))

    def edit(draft):
        draft.styles["Title"].font.underline = True
        draft.styles["Heading 1"].font.small_caps = True

    path = edited(written(document, source_dir), edit)
    imported = import_docx(path.read_bytes(), path, document.metadata)
    assert imported.document.blocks[0] == Heading("Water levels")
    assert unkept_formatting(Path("output/piece/piece.docx"), imported.unkept_formatting) is None


def test_a_non_breaking_hyphen_stays_one(source_dir, written):
    """Word's Ctrl+Shift+- (w:noBreakHyphen): the editor's "do not break here" is U+2011,
    which every edition prints and no line breaks at; it had become a plain hyphen."""
    document = Document("piece", Metadata(title="T"), None, (Paragraph((Span("Body."),)),))

    def edit(draft):
        run = paragraph_starting(draft, "Body.").add_run(" Call 2835")
        run._r.append(OxmlElement("w:noBreakHyphen"))
        paragraph_starting(draft, "Body.").add_run("1018.")

    result = read_docx(edited(written(document, source_dir), edit), document.metadata)
    assert result.blocks == (Paragraph((Span("Body. Call 2835\u20111018."),)),)


def test_a_hyperlink_keeps_its_text_and_address(source_dir, written):
    document = Document("piece", Metadata(title="T"), None, (Paragraph((Span("See"),)),))

    def edit(draft):
        paragraph = paragraph_starting(draft, "See")
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), draft.part.relate_to("https://www.immd.gov.hk", RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        link.append(run_element(" the website", italic=True))
        paragraph._p.append(link)
        paragraph.add_run(".")

    result = read_docx(edited(written(document, source_dir), edit), document.metadata)
    assert result.blocks == (Paragraph((Span("See "), Span("the website", italic=True, link="https://www.immd.gov.hk"), Span("."))),)


def run_element(text: str, italic: bool = False):
    run = OxmlElement("w:r")
    if italic:
        properties = OxmlElement("w:rPr")
        properties.append(OxmlElement("w:i"))
        run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(text_element)
    return run


# --- Refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["w:ins", "w:del", "w:moveFrom", "w:moveTo"])
def test_tracked_changes_are_refused(source_dir, tag, written):
    def edit(draft):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "Editor")
        change.append(run_element(" revised"))
        paragraph_starting(draft, "The end.")._p.append(change)

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path) == (
        "holds tracked changes; accept or reject them (Review > Accept/Reject all), save,"
        " and run doit again"
    )


def test_tracked_changes_in_a_note_are_refused_as_in_the_text(source_dir, written):
    """A change tracked in a note (`three` made `five`, suggested) is no edit yet: refused
    as one in the text is (it had been taken as accepted, the suggestion printed)."""
    import zipfile

    from pipeline.model import Note

    document = Document("noted", Metadata(title="Noted"), None, (
        Paragraph((Span("A sentence with a note."), Span("1", note="1"))),
        Note("1", (Span("A three-year rolling average."),)),
    ))
    path = written(document, source_dir)
    part = "word/endnotes.xml"  # the draft's notes are Word's endnotes
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts[part].decode("utf-8")
    at = xml.index("three")
    parts[part] = (xml[:at] + '</w:t></w:r><w:del w:id="901" w:author="Editor"><w:r><w:delText>'
                   'three</w:delText></w:r></w:del><w:ins w:id="902" w:author="Editor"><w:r>'
                   '<w:t>five</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">'
                   + xml[at + len("three"):]).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    assert refusal(path).startswith("holds tracked changes; accept or reject them")


def test_a_draft_whose_body_is_emptied_is_refused(source_dir, written):
    """Select All, Delete, Save: a draft holding its title alone is refused, left as it is
    (it had been imported as the whole text deleted, every edition a title page, the print
    file press-ready)."""
    def edit(draft):
        body = draft.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path).startswith("holds no text after its title (its body is empty)")


def test_comments_are_refused_counting_them(source_dir, written):
    def edit(draft):
        draft.add_comment(paragraph_starting(draft, "The end.").runs, text="Shorter?", author="Ed")
        draft.add_comment(paragraph_starting(draft, "On 11").runs, text="Date?", author="Ed")

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path) == ("holds 2 comments (the first on 'On 11 June, the new Immigration"
                             " Headquar…'); resolve or delete them, save, and run doit again")


def test_a_comment_on_a_few_words_is_said_to_be_on_them(source_dir, written):
    """The refusal quotes what the comment is on, as Word highlights it, not the start of
    its paragraph: the editor finds it at once."""
    def edit(draft):
        paragraph = paragraph_starting(draft, "On 11")
        start = next(index for index, run in enumerate(paragraph.runs)
                     if "Headquarters" in run.text)
        run = paragraph.runs[start]
        before, _, after = run.text.partition("Headquarters")
        run.text = before
        commented = paragraph.add_run("Headquarters")
        rest = paragraph.add_run(after)
        run._r.addnext(commented._r)
        commented._r.addnext(rest._r)
        draft.add_comment([commented], text="Its full name?", author="Ed")

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path).startswith("holds 1 comment on 'Headquarters'; resolve or delete it,")


def test_tracked_changes_and_comments_are_refused_in_one_line(source_dir, written):
    """A draft holding both is refused once, naming both: one round of review settles it."""
    def edit(draft):
        change = OxmlElement("w:ins")
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "Editor")
        change.append(run_element(" revised"))
        paragraph_starting(draft, "The end.")._p.append(change)
        draft.add_comment(paragraph_starting(draft, "On 11").runs, text="Date?", author="Ed")

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path) == (
        "holds tracked changes and 1 comment on 'On 11 June, the new Immigration Headquar…';"
        " accept or reject the changes (Review > "
        "Accept/Reject all), resolve or delete the comment, save, and run doit again")


def test_a_comment_anchor_without_its_comment_is_refused_too(source_dir, written):
    def edit(draft):
        anchor = OxmlElement("w:commentRangeStart")
        anchor.set(qn("w:id"), "7")
        paragraph_starting(draft, "The end.")._p.insert(0, anchor)

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path).startswith("holds 1 comment on 'The end.'; resolve or delete it,")


def test_resolved_comments_are_not_refused(source_dir, written):
    document = sample_document()

    def edit(draft):
        comment = draft.add_comment(paragraph_starting(draft, "The end.").runs, text="Done", author="Ed")
        comment._comment_elm.xpath("./w:p")[-1].set(W14_PARA_ID, "1A2B3C4D")
        extended = (
            b'<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
            b'<w15:commentEx w15:paraId="1A2B3C4D" w15:done="1"/></w15:commentsEx>'
        )
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
        part = Part(PackURI("/word/commentsExtended.xml"), content_type, extended, draft.part.package)
        draft.part.relate_to(part, COMMENTS_EXTENDED)

    path = edited(written(document, source_dir), edit)
    assert read_docx(path, document.metadata) == document


def test_a_reference_to_a_footnote_the_file_lacks_is_refused(source_dir, written):
    def edit(draft):
        reference = OxmlElement("w:r")
        note = OxmlElement("w:footnoteReference")
        note.set(qn("w:id"), "1")
        reference.append(note)
        paragraph_starting(draft, "The end.")._p.append(reference)

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path) == (
        "refers to footnote 1, which the file does not hold; delete the reference, save, and run"
        " doit again"
    )


def test_text_in_a_text_box_is_refused_rather_than_lost(source_dir, written):
    def edit(draft):
        holder = OxmlElement("w:r")
        picture = etree.SubElement(holder, qn("w:pict"))
        shape = etree.SubElement(picture, f"{{{VML}}}shape")
        box = etree.SubElement(etree.SubElement(shape, f"{{{VML}}}textbox"), qn("w:txbxContent"))
        inner = etree.SubElement(box, qn("w:p"))
        inner.append(run_element("A pull quote the editor added"))
        paragraph_starting(draft, "The end.")._p.append(holder)

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path) == (
        "holds text outside ordinary paragraphs, in a text box or similar"
        " ('A pull quote the editor added'); move it into a paragraph, save, and run doit again"
    )


def linked_to_a_page(draft) -> OxmlElement:
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), draft.part.relate_to("https://www.immd.gov.hk", RELATIONSHIP_TYPE.HYPERLINK,
                                              is_external=True))
    return link


def linked_to_a_bookmark(draft) -> OxmlElement:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "_Figure1")
    return link


def linked_to_a_part(draft) -> OxmlElement:
    """A link whose relationship is no link's (the styles part's): it leads nowhere."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), next(key for key, rel in draft.part.rels.items()
                              if rel.reltype == RELATIONSHIP_TYPE.STYLES))
    return link


def linked_by_a_field(draft) -> OxmlElement:
    """A HYPERLINK field to a place in the draft (Insert > Cross-reference as a link)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), ' HYPERLINK \\l "_Figure1" ')
    return field


def with_runs_linked(paragraph, link) -> None:
    """The paragraph's words made the text of `link`, set in Word's Hyperlink style."""
    for run in list(paragraph.runs):
        link.append(run._r)
        properties = run._r.get_or_add_rPr()
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        properties.insert(0, style)
    paragraph._p.append(link)


@pytest.mark.parametrize("link", [linked_to_a_page, linked_to_a_bookmark, linked_by_a_field,
                                  linked_to_a_part])
@pytest.mark.parametrize(("words", "what"), [
    ("A new headquarters", "a heading"), ("Director’s Review", "the title"),
    ("Annual Report 2024", "the subtitle"), ("Benson", "the byline")])
def test_a_link_where_the_editions_set_plain_text_is_refused(source_dir, written, link, words,
                                                             what):
    """A heading or a line of the front matter made a link's text, its words unchanged or
    not: refused, whatever the link leads to (a place in the draft too), since the
    editions set these lines as plain text, or nowhere (refused as a link in the line, not
    as one to be inserted again). A link to a bookmark, or to nothing, had been read as its
    words alone: with the words unchanged, the draft read as holding no edit, and kept one
    that was neither imported nor refused."""
    def edit(draft):
        paragraph = paragraph_starting(draft, words)
        if words == "A new headquarters":
            paragraph.runs[-1].text += " opened"
        with_runs_linked(paragraph, link(draft))

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path).startswith(f"holds a link in {what} ('{words}")


def test_a_link_leading_nowhere_is_refused(source_dir, written):
    """A link whose relationship is no link's (a part of the draft: Word writes none such,
    an editor's hand-made XML may): refused, wherever it stands, rather than read as its
    words alone."""
    def edit(draft):
        with_runs_linked(paragraph_starting(draft, "The end."), linked_to_a_part(draft))

    path = edited(written(sample_document(), source_dir), edit)
    assert refusal(path) == (
        "holds a link leading to no address (in 'The end.'), which the editions cannot"
        " carry; insert the link again (Insert > Link), save, and run doit again")


def docx_without(entry: str) -> bytes:
    data = write_docx(seed_document(), LAYOUT, ROOT / "source")
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(rewritten, "w") as target:
        for item in source.infolist():
            if item.filename != entry:
                target.writestr(item, source.read(item))
    return rewritten.getvalue()


UNREADABLE = "not a readable DOCX file (corrupt, or not a Word document)"


def odt_package() -> bytes:
    """The start of an OpenDocument text's package: its mimetype first, stored (ODF 1.2,
    part 3, 3.3), as LibreOffice writes it."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    return data.getvalue()


OPEN_DOCUMENT_TEXT = odt_package()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"Plain text, not a zip.", UNREADABLE),
        (b"PK\x03\x04" + b"\x00" * 200, UNREADABLE),
        (docx_without("word/document.xml"), UNREADABLE),
        (docx_without("[Content_Types].xml"), UNREADABLE),
        (docx_without("word/document.xml")[:300], UNREADABLE),
        (OLE_SIGNATURE + bytes(504) + "EncryptedPackage".encode("utf-16-le"), "is password-protected; save it without a password"),
        (OLE_SIGNATURE + bytes(1024), "is an old Word 97-2003 file; save it as a .docx document"),
        (b"", "is empty (0 bytes); save it again from Word or LibreOffice"),
        (OPEN_DOCUMENT_TEXT, "is an OpenDocument file (.odt) under a .docx name; save it as"
                             " Word (File > Save As, Word 2007-365 .docx)"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Calibri;}} The review.}",
         "is a Rich Text file (.rtf) under a .docx name; save it as Word (File > Save As,"
         " Word 2007-365 .docx)"),
    ],
    ids=["text", "zip-header", "no-document", "no-content-types", "truncated", "encrypted", "doc",
         "empty", "odt", "rtf"],
)
def test_unreadable_files_are_refused(tmp_path, data, problem):
    path = tmp_path / "piece.docx"
    path.write_bytes(data)
    assert refusal(path) == problem


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_a_part_not_well_formed_is_named(tmp_path, part):
    data = write_docx(seed_document(), LAYOUT, ROOT / "source")
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            xml = source.read(item)
            target.writestr(item, xml[:-20] if item.filename == part else xml)
    path = tmp_path / "piece.docx"
    path.write_bytes(broken.getvalue())
    problem = refusal(path)
    assert problem.startswith(f"holds XML that is not well formed ({part}: "), problem
    assert problem.endswith("); it is corrupt: save it again from Word or LibreOffice")
    assert "<string>" not in problem


# Word's Save As "Strict Open XML Document": the same parts in ISO/IEC 29500 Strict's namespaces.
STRICT_NAMESPACES = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/drawingml/2006/main":
        b"http://purl.oclc.org/ooxml/drawingml/main",
}


def test_a_strict_open_xml_document_is_refused_as_one(tmp_path):
    """Not as a corrupt file: Word wrote it, on being asked for Strict Open XML."""
    data = write_docx(seed_document(), LAYOUT, ROOT / "source")
    strict = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(strict, "w") as target:
        for item in source.infolist():
            part = source.read(item)
            for transitional, iso in STRICT_NAMESPACES.items():
                part = part.replace(transitional, iso)
            target.writestr(item, part)
    path = tmp_path / "piece.docx"
    path.write_bytes(strict.getvalue())
    assert refusal(path) == ("is saved as Strict Open XML; save it as a Word Document (.docx),"
                             " as Word and LibreOffice save one unless asked")


def test_a_damaged_entry_is_refused(tmp_path):
    data = bytearray(write_docx(seed_document(), LAYOUT, ROOT / "source"))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        entry = package.getinfo("word/document.xml")
    start = entry.header_offset + 30 + len(entry.filename)
    data[start : start + 40] = bytes(40)
    path = tmp_path / "piece.docx"
    path.write_bytes(bytes(data))
    assert refusal(path) == UNREADABLE


# --- LibreOffice -----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("which", ["sample", "seed"])
def test_libreoffices_resave_reads_the_same(tmp_path, source_dir, which, written):
    document = sample_document() if which == "sample" else seed_document()
    path = written(document, source_dir if which == "sample" else ROOT / "source")
    out = tmp_path / "libreoffice"
    libreoffice(tmp_path / "lo", "--convert-to", "docx", "--outdir", str(out), str(path))
    styles = {paragraph.style.name for paragraph in docx.Document(str(out / path.name)).paragraphs}
    assert {"Title", "Byline", "Heading 1", "Body Text", "Caption"} <= styles
    assert read_docx(out / path.name, document.metadata) == document


# --- Which draft it is -----------------------------------------------------------------------


def identity_read(path: Path, document: Document) -> str:
    return import_docx(path.read_bytes(), path, document.metadata).identity


def test_a_draft_names_the_model_it_was_written_from(source_dir, written):
    """Its dc:identifier, a digest of the model: the same text, the same draft; another
    text, another (an edited draft then says which draft it was edited from)."""
    document = seed_document()
    path = written(document, ROOT / "source")
    assert identity_read(path, document) == draft_identity(document)
    changed = replace(document, blocks=(*document.blocks, Paragraph((Span("Added."),))))
    assert draft_identity(changed) != draft_identity(document)
    # Its text renamed, the same draft: moved to the new name's folder, it imports.
    assert draft_identity(replace(document, name="renamed")) == draft_identity(document)


@pytest.mark.slow
def test_libreoffices_resave_keeps_the_draft_s_identity(tmp_path, written):
    document = seed_document()
    path = written(document, ROOT / "source")
    out = tmp_path / "libreoffice"
    libreoffice(tmp_path / "lo", "--convert-to", "docx", "--outdir", str(out), str(path))
    assert identity_read(out / path.name, document) == draft_identity(document)


# --- A phrase's language ---------------------------------------------------------------------


def language_document() -> Document:
    return Document("piece", Metadata(title="Visitors"), None, (Paragraph((
        Span("The motto, "), Span("liberté, égalité", language="fr"), Span(", and "),
        Span("帝女花", language="yue-HK"), Span(" closed the "),
        Span("Abend", italic=True, language="de-AT"), Span(".")),),))


def test_a_phrase_s_language_is_marked_on_its_runs_and_read_back(source_dir, written):
    document = language_document()
    path = written(document, source_dir)
    runs = {run.text: run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            for run in docx.Document(str(path)).paragraphs[-1].runs}
    assert runs["liberté, égalité"].get(qn("w:val")) == "fr"
    # Han characters take Word's East Asian language.
    assert runs["帝女花"].get(qn("w:eastAsia")) == "yue-HK"
    assert read_docx(path, document.metadata) == document


def test_a_language_an_editor_marks_is_the_phrase_s(source_dir, written):
    """As Word marks a selection (Review > Language): w:lang w:val on the run; a mark of the
    draft's own language says nothing."""
    document = Document("piece", Metadata(title="T"), None, (Paragraph((Span("Body."),)),))

    def edit(draft):
        paragraph = paragraph_starting(draft, "Body.")
        for text, language in ((" Guten Tag", "de-DE"), (" again", "en-GB")):
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), language)
            lang.set(qn("w:eastAsia"), "zh-CN")
            paragraph.add_run(text)._r.get_or_add_rPr().append(lang)

    result = read_docx(edited(written(document, source_dir), edit), document.metadata)
    assert result.blocks == (Paragraph((Span("Body. "), Span("Guten Tag", language="de-DE"),
                                        Span(" again"))),)


def keyboard_marked(language: str, body: str, typed: tuple[tuple[str, str, str], ...],
                    source_dir, written) -> tuple[Span, ...]:
    """The spans read from a draft in `language` of one paragraph, `body`, after an editor
    typed or pasted `typed` (text, w:val, w:eastAsia) after it, each run marked as Word
    marks it."""
    document = Document("piece", Metadata(title="T", language=language), None,
                        (Paragraph((Span(body),)),))

    def edit(draft):
        paragraph = paragraph_starting(draft, body)
        for text, latin, east_asian in typed:
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), latin)
            lang.set(qn("w:eastAsia"), east_asian)
            paragraph.add_run(text)._r.get_or_add_rPr().append(lang)

    (paragraph,) = read_docx(edited(written(document, source_dir), edit),
                             document.metadata).blocks
    return paragraph.spans


def test_a_keyboard_s_region_is_no_phrase_s_language(source_dir, written):
    """Word marks typed text with the keyboard's language and pasted text with its source's:
    the draft's own language in another region (en-US in an en-GB draft) means none, another
    language (fr-FR, English's rules or not) is a phrase's."""
    spans = keyboard_marked("en-GB", "Body.", ((" Typed", "en-US", "zh-TW"), (" here", "EN-AU", "zh-CN"),
                                      (" et là", "fr-FR", "zh-TW")), source_dir, written)
    assert spans == (Span("Body. Typed here "), Span("et là", language="fr-FR"))


def test_a_keyboard_s_region_is_no_phrase_s_language_in_chinese(source_dir, written):
    """In a zh-HK draft, Chinese typed on a Taiwan keyboard (zh-TW) is the draft's Chinese,
    as are its Taiwanese forms; Chinese marked zh-CN is Simplified, another profile's."""
    spans = keyboard_marked("zh-HK", "正文。", (("本館增設", "en-US", "zh-TW"),
                                              ("故事角。", "zh-HK", "zh-MO"),
                                              ("简体说明。", "en-US", "zh-CN")), source_dir, written)
    assert [(span.text, span.language) for span in spans] == [
        ("正文。本館增設故事角。", ""), ("简体说明。", "zh-CN")]


def test_english_typed_in_a_chinese_draft_is_english_in_any_region(source_dir, written):
    """English words typed in a zh-HK draft come marked with the keyboard's English (en-US):
    the English the pipeline finds in Chinese anyway; French stays French."""
    spans = keyboard_marked("zh-HK", "本館並與", (("British Council", "en-US", "zh-TW"),
                                              ("及", "zh-HK", "zh-HK"),
                                              ("Alliance française", "fr-FR", "zh-TW"),
                                              ("合辦。", "en-US", "zh-TW")), source_dir, written)
    assert [(span.text, span.language) for span in spans] == [
        ("本館並與British Council及", ""), ("Alliance française", "fr-FR"), ("合辦。", "")]


@pytest.mark.slow
def test_libreoffices_resave_keeps_each_phrase_s_language(tmp_path, source_dir, written):
    """LibreOffice writes a w:lang for every script on a run it marks: only the mark for the
    run's own script, where it is not the draft's, is a phrase's language. It knows no
    language without a region, and saves `fr` as its `fr-FR` (measured)."""
    document = language_document()
    path = written(document, source_dir)
    out = tmp_path / "libreoffice"
    libreoffice(tmp_path / "lo", "--convert-to", "docx", "--outdir", str(out), str(path))
    (paragraph,) = read_docx(out / path.name, document.metadata).blocks
    assert [(span.text, span.language) for span in paragraph.spans] == [
        (span.text, "fr-FR" if span.language == "fr" else span.language)
        for span in document.blocks[0].spans]


def test_an_item_nested_deeper_than_its_list_goes_takes_the_level_above():
    """A paragraph at level 2 of a list defining level 1 alone (a hand-made draft's): its
    item is a bullet as its list's are, not a number the editor never saw."""
    from pipeline.readers.docx.numbering import Level, defined_level

    bullets = {0: Level("bullet", 1, "\u2022")}
    assert defined_level(bullets, 1) == bullets[0]
    assert defined_level({**bullets, 1: Level("lowerLetter")}, 2) == Level("lowerLetter")
    assert defined_level({}, 0) == Level("decimal")


def test_word_s_list_bullet_2_style_is_the_second_level_of_the_list_above(source_dir, written):
    """An item given Word's List Bullet 2 style under an item of the draft's bulleted list
    (Word numbers it by a list of its own at its first level, indented deeper): the second
    level of that list, as Word shows it (it had been a list of its own, the list split)."""
    document = Document("piece", Metadata(title="T"), None, (
        Paragraph((Span("We have:"),)),
        List((ListItem((Span("inspected 2,860 homes;"),)), ListItem((Span("trained staff."),)))),
        Paragraph((Span("More next year."),))))

    blocks = added_after(written(document, source_dir), document, "inspected",
                         "410 of them within five days;", "List Bullet 2")
    assert isinstance(blocks[1], List) and len(blocks[1].items) == 2
    assert blocks[1].items[0].sublist.texts == ["410 of them within five days;"]
    assert isinstance(blocks[2], Paragraph)


def test_an_item_added_in_word_s_list_bullet_style_goes_on_with_the_bullets_above(
        source_dir, written):
    """A bullet added after the draft's last in Word's List Bullet style (numbered by the
    style's own list, not the draft's): the list's next item, the list whole (it had been a
    list of its own, printed apart with a gap, and written so in later drafts)."""
    document = Document("piece", Metadata(title="T", language="zh-HK"), None, (
        Paragraph((Span("本年度主要工作："),)),
        List((ListItem((Span("增設三個長者中心；"),)), ListItem((Span("推出網上預約系統；"),)))),
        Paragraph((Span("謝謝。"),))))

    blocks = added_after(written(document, source_dir), document, "推出", "設立社區食物銀行。",
                         "List Bullet")
    assert [type(block).__name__ for block in blocks] == ["Paragraph", "List", "Paragraph"]
    assert blocks[1].texts == ["增設三個長者中心；", "推出網上預約系統；", "設立社區食物銀行。"]


def test_a_refusal_quotes_lines_a_break_parts_as_words_a_space_parts():
    """A paragraph's lines parted by a line break are quoted with a space between them, as
    the draft shows them; they had run together (`Fairweather-PikeSecretary`)."""
    from pipeline.readers.docx.structures import place_of

    paragraph = OxmlElement("w:p")
    for text in ("Ottoline Pike", "Secretary"):
        paragraph.append(run_element(text))
        paragraph.append(OxmlElement("w:br"))
    paragraph.append(run_element("\t12 May"))
    picture = OxmlElement("w:drawing")
    paragraph[0].append(picture)
    assert place_of(picture) == "in 'Ottoline Pike Secretary 12 May'"


TEXTS = Path(__file__).parent / "texts"


@pytest.mark.parametrize("name", [
    "sites/harbour-library-bilingual-caption",
    "front_and_back/harbour-trust-part-2",
    "sign_offs/school-board-notice-zh",
    "reports/drainage-complaints-zh",
    "reports/museum-visitors-figure",
    "printed/library-service-review",
])  # fmt: skip
def test_a_draft_saved_with_no_edit_reads_back_as_built(tmp_path, name):
    """Opened and saved with no edit, the draft reads back as the model it was written from,
    so its import says nothing: a caption and its translation run together (`…聽故事。
    Children at a ‘Story Time’ session …`), its English quotes English (read again as one
    Chinese line, they had become 「Story Time」); a subtitle made of the publication's line and
    the title's label (`…Annual Review 2024–25, Part 2`), its figure bound to its word as the
    draft's reading binds it; a Chinese notice's record of its printing, its issuer and its
    date a wide gap apart (`…秘書處　2025年8月21日印發`), parted by a full-width space, which
    cleaning keeps (a space there it had closed up); a figure's caption and the line under
    it saying what it counts in (`（單位：宗）`, `(thousands)`), one span as the draft reads
    them back (they had been two); a printed page's word before a note's call, set against it
    (`14 per cent1`), cleaned as a word (`per\u00a0cent`) as the draft, which writes the call
    apart, reads it back."""
    path = TEXTS / f"{name}.txt"
    metadata = load_metadata(path.with_suffix(".toml"), ("print", "large-print", "screen"))
    page = read_scraped(path, metadata)[0]
    draft = tmp_path / f"{path.stem}.docx"
    draft.write_bytes(write_docx(page, LAYOUT, path.parent))
    docx.Document(str(draft)).save(str(draft))
    assert read_docx(draft, metadata, page) == page
    assert not page.metadata.subtitle.endswith(" 2")
