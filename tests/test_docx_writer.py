"""The DOCX draft: Word's styles, the layout's page and fonts, and reproducible bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Inches, Mm, RGBColor
from lxml import etree
from PIL import Image

from pipeline.errors import PipelineError, RenderingError
from pipeline.layouts import Layout, Page
from pipeline.model import (
    Byline,
    Document,
    Figure,
    Heading,
    Metadata,
    Paragraph,
    Span,
    Table,
)
from pipeline.readers.docx.draft import read_docx
from pipeline.writers.docx.draft import fitted, write_docx
from pipeline.writers.docx.structures import holds_style

from .support import client, libreoffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TESTS = Path(__file__).parent

LAYOUT = Layout(
    name="print",
    folder=Path("layouts/print"),
    body_font="Noto Serif",
    heading_font="Noto Sans",
    body_size_pt=10.5,
    page=Page(margin_top_mm=25, margin_right_mm=18, margin_bottom_mm=30, margin_left_mm=22),
)


def sample_document(image: str | None = None) -> Document:
    return Document(
        name="director-review-2024",
        metadata=Metadata(
            title="Director’s Review",
            subtitle="Annual Report 2024",
            author="Benson KWOK Joon-fung",
            date="2024",
        ),
        byline=Byline("Benson KWOK Joon-fung", ("IDSM",), "Director of Immigration"),
        blocks=(
            Paragraph(
                (
                    Span("The year 2024 marked the "),
                    Span("75th anniversary", bold=True),
                    Span(" of the founding of the "),
                    Span("People’s Republic of China", italic=True),
                    Span("."),
                )
            ),
            Heading("A new headquarters"),
            Paragraph((Span("On 11\u00a0June, the new Immigration Headquarters opened."),)),
            Figure(1, (Span("The new headquarters in Tseung Kwan O"),), image, "Two towers"),
            Heading("Serving the public"),
            Paragraph((Span("Some 298\u00a0million passengers – 41\u00a0per cent more."),)),
        ),
    )


def sample_draft() -> bytes:
    """The draft the determinism tests compare, also from a separate process."""
    return write_docx(sample_document(), LAYOUT, TESTS)


def opened(data: bytes):
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def texts_of(document: Document) -> list[str]:
    front = [document.metadata.title, document.metadata.subtitle, document.byline.text]
    return front + [block.text for block in document.blocks]


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A wide photo at 300 dpi: 254 mm across, wider than any text block."""
    Image.new("RGB", (3000, 1500), "steelblue").save(tmp_path / "photo.png", dpi=(300, 300))
    return tmp_path / "photo.png"


# --- Structure -------------------------------------------------------------------------------


def test_paragraph_styles_follow_the_document():
    paragraphs = opened(sample_draft()).paragraphs
    assert [p.style.name for p in paragraphs] == [
        "Title",
        "Subtitle",
        "Byline",
        "Body Text",
        "Heading 1",
        "Body Text",
        "Caption",
        "Heading 1",
        "Body Text",
    ]


def test_every_text_appears_once_and_in_order():
    document = sample_document()
    assert [p.text for p in opened(sample_draft()).paragraphs] == texts_of(document)


def test_no_subtitle_or_byline_means_no_empty_paragraphs():
    document = sample_document()
    bare = Document(document.name, Metadata(title="Director’s Review"), None, document.blocks[:2])
    paragraphs = opened(write_docx(bare, LAYOUT, TESTS)).paragraphs
    assert [p.style.name for p in paragraphs] == ["Title", "Body Text", "Heading 1"]


def test_byline_style_is_a_named_paragraph_style_based_on_normal():
    style = opened(sample_draft()).styles["Byline"]
    assert style.base_style.name == "Normal"
    assert style.element.get(f"{W}customStyle") == "1"


def test_spans_keep_bold_and_italic_and_plain_runs_inherit():
    runs = opened(sample_draft()).paragraphs[3].runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("The year 2024 marked the ", None, None),
        ("75th anniversary", True, None),
        (" of the founding of the ", None, None),
        ("People’s Republic of China", None, True),
        (".", None, None),
    ]


def test_no_break_spaces_survive():
    paragraphs = opened(sample_draft()).paragraphs
    assert "11\u00a0June" in paragraphs[5].text
    assert "41\u00a0per cent" in paragraphs[8].text


def test_deeper_headings_use_word_heading_levels():
    document = Document("d", Metadata(title="T"), None, (Heading("Sub", 2), Heading("Deep", 12)))
    paragraphs = opened(write_docx(document, LAYOUT, TESTS)).paragraphs
    assert [p.style.name for p in paragraphs] == ["Title", "Heading 2", "Heading 9"]


# --- Figures ---------------------------------------------------------------------------------


def test_figure_image_is_inserted_fitted_to_the_text_width_before_its_caption(photo: Path):
    data = write_docx(sample_document(photo.name), LAYOUT, photo.parent)
    draft = opened(data)
    (shape,) = draft.inline_shapes
    text_width = Mm(210 - 22 - 18)
    assert shape.width == text_width
    assert shape.height == text_width // 2
    styles = [p.style.name for p in draft.paragraphs]
    picture = styles.index("Caption") - 1
    assert draft.paragraphs[picture].paragraph_format.keep_with_next is True
    assert draft.paragraphs[picture].text == ""
    assert 'descr="Two towers"' in part(data, "word/document.xml")


def test_figure_image_smaller_than_the_text_width_keeps_its_size(tmp_path: Path):
    Image.new("RGB", (300, 200), "white").save(tmp_path / "small.png", dpi=(300, 300))
    draft = opened(write_docx(sample_document("small.png"), LAYOUT, tmp_path))
    assert draft.inline_shapes[0].width == Mm(25.4)


def test_figure_without_image_is_only_a_caption():
    draft = opened(sample_draft())
    assert len(draft.inline_shapes) == 0
    assert "word/media/" not in " ".join(zipfile.ZipFile(io.BytesIO(sample_draft())).namelist())


def test_missing_image_names_the_file(tmp_path: Path):
    with pytest.raises(PipelineError, match="no such image for figure 1") as raised:
        write_docx(sample_document("photos/missing.jpg"), LAYOUT, tmp_path)
    assert raised.value.path == tmp_path / "photos/missing.jpg"


def test_file_that_is_not_an_image_is_refused_as_the_editions_refuse_it(tmp_path: Path):
    (tmp_path / "photo.jpg").write_text("not a photo")
    with pytest.raises(RenderingError, match=r"^picture photo\.jpg cannot be read: not a "
                                             "picture file"):
        write_docx(sample_document("photo.jpg"), LAYOUT, tmp_path)


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_picture_cut_short_is_refused_as_the_editions_refuse_it(photo: Path, kind: str):
    """Pillow, told by WeasyPrint to fill a truncated picture with grey, still refuses it."""
    import weasyprint  # noqa: F401  (it sets ImageFile.LOAD_TRUNCATED_IMAGES as it is imported)

    whole = io.BytesIO()
    Image.open(photo).save(whole, kind)
    cut = photo.with_name(f"cut.{kind.lower()}")
    cut.write_bytes(whole.getvalue()[:len(whole.getvalue()) // 3])
    with pytest.raises(RenderingError, match=rf"^picture {cut.name} cannot be read: image "
                                             "file is truncated"):
        write_docx(sample_document(cut.name), LAYOUT, photo.parent)


def test_fitted_scales_down_only():
    assert fitted(2000, 1000, 500) == (500, 250)
    assert fitted(400, 300, 500) == (400, 300)


# --- Page, fonts, language -------------------------------------------------------------------


def test_every_section_has_the_layout_page_and_margins():
    sections = opened(sample_draft()).sections
    assert len(sections) >= 1
    for section in sections:
        # DOCX stores lengths in twentieths of a point: Word's own A4 is 11906 by 16838.
        size = section._sectPr.find(f"{W}pgSz")
        assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
        margins = (section.top_margin, section.right_margin)
        margins += (section.bottom_margin, section.left_margin)
        assert [margin.mm for margin in margins] == pytest.approx([25, 18, 30, 22], abs=0.05)


def test_footer_holds_a_centred_page_field():
    draft = opened(sample_draft())
    footer = draft.sections[0].footer
    assert not footer.is_linked_to_previous
    (folio,) = footer.paragraphs
    assert folio.alignment == 1  # WD_ALIGN_PARAGRAPH.CENTER
    (field,) = folio._p.findall(f"{W}fldSimple")
    assert field.get(f"{W}instr").split() == ["PAGE"]


def test_running_head_is_the_title_on_every_page_but_the_first():
    draft = opened(sample_draft())
    section = draft.sections[0]
    assert section.different_first_page_header_footer
    assert [(p.style.name, p.text) for p in section.header.paragraphs] == [
        ("Header", "Director’s Review")]
    assert not "".join(p.text for p in section.first_page_header.paragraphs)
    (first_folio,) = section.first_page_footer.paragraphs
    assert first_folio._p.find(f"{W}fldSimple").get(f"{W}instr").split() == ["PAGE"]


def test_proofing_language_is_the_document_language():
    styles = opened(sample_draft()).styles.element
    (lang,) = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert lang.get(f"{W}val") == "en-GB"


def test_styles_name_the_layout_fonts_for_every_script():
    styles = opened(sample_draft()).styles
    expected = {"Normal": "Noto Serif", "Title": "Noto Sans", "Heading 1": "Noto Sans"}
    for name, font in expected.items():
        fonts = styles[name].element.rPr.rFonts
        for script in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert fonts.get(f"{W}{script}") == font, (name, script)
        assert not any(key.endswith("Theme") or key.endswith("theme") for key in fonts.keys())
    assert styles["Normal"].font.size.pt == 10.5


def test_empty_layout_fonts_leave_the_template_fonts():
    plain_layout = Layout(name="plain", folder=Path("layouts/plain"))
    normal = opened(write_docx(sample_document(), plain_layout, TESTS)).styles["Normal"]
    assert normal.font.name is None


# --- Core properties -------------------------------------------------------------------------


def test_core_properties_come_from_the_metadata_never_the_clock():
    properties = opened(sample_draft()).core_properties
    first_of_2024 = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert properties.title == "Director’s Review"
    assert properties.subject == "Annual Report 2024"
    assert properties.author == "Benson KWOK Joon-fung"
    assert properties.last_modified_by == "Benson KWOK Joon-fung"
    assert properties.language == "en-GB"
    assert properties.created == first_of_2024
    assert properties.modified == first_of_2024
    assert properties.revision == 1
    assert properties.comments == ""


# --- Reproducible bytes ----------------------------------------------------------------------


def test_two_calls_give_identical_bytes(photo: Path):
    assert sample_draft() == sample_draft()
    with_photo = sample_document(photo.name)
    assert write_docx(with_photo, LAYOUT, photo.parent) == write_docx(
        with_photo, LAYOUT, photo.parent
    )


def test_zip_entries_carry_no_time():
    with zipfile.ZipFile(io.BytesIO(sample_draft())) as package:
        entries = package.infolist()
    assert entries[0].filename == "[Content_Types].xml"
    assert {entry.date_time for entry in entries} == {(1980, 1, 1, 0, 0, 0)}
    assert {entry.compress_type for entry in entries} == {zipfile.ZIP_DEFLATED}
    assert {entry.external_attr for entry in entries} == {0o644 << 16}
    assert "docProps/thumbnail.jpeg" not in [entry.filename for entry in entries]


def test_separate_processes_give_identical_bytes():
    script = (
        "import hashlib, sys; from tests.test_docx_writer import sample_draft;"
        " print(hashlib.sha256(sample_draft()).hexdigest())"
    )
    repository = TESTS.parent
    digests = set()
    for seed in ("1", "2"):
        environment = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "PYTHONPATH": str(repository),
        }
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=repository,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert digests == {hashlib.sha256(sample_draft()).hexdigest()}


# --- A house style: the layout's reference.docx ----------------------------------------------

HOUSE_HEADER = "Immigration Department – house style"
HOUSE_FOOTER = "Internal draft"
HOUSE_SAMPLE = "Sample text the designer left in the house style"


def house_style(folder: Path, footer: bool = True, columns: int = 1) -> Layout:
    """A layout whose reference.docx has Letter pages and margins of its own, a header, maybe a
    footer, a red Courier Heading 1, an italic Byline, no Body Text or Caption, and a commented
    sample paragraph."""
    reference = docx.Document()
    section = reference.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.top_margin, section.bottom_margin = Inches(0.75), Inches(1)
    section.left_margin, section.right_margin = Inches(1.5), Inches(1)
    section.header.paragraphs[0].text = HOUSE_HEADER
    if footer:
        section.footer.paragraphs[0].text = HOUSE_FOOTER
    if columns > 1:
        section._sectPr.find(f"{W}cols").set(f"{W}num", str(columns))
    heading = reference.styles["Heading 1"]
    heading.font.name = "Courier New"
    heading.font.color.rgb = RGBColor(0x99, 0x00, 0x00)
    byline = reference.styles.add_style("Byline", WD_STYLE_TYPE.PARAGRAPH)
    byline.font.italic = True
    for name in ("Body Text", "Caption"):
        reference.styles.element.remove(reference.styles[name].element)
    sample = reference.add_paragraph(HOUSE_SAMPLE)
    reference.add_comment(sample.runs, text="Replace this", author="Designer")
    reference.save(folder / "reference.docx")
    return Layout(name="print", folder=folder, body_font="Noto Serif", heading_font="Noto Sans")


@pytest.fixture
def house(tmp_path: Path) -> Layout:
    (tmp_path / "house").mkdir()
    return house_style(tmp_path / "house")


def test_house_style_gives_the_page_setup_header_and_footer(house: Layout):
    draft = opened(write_docx(sample_document(), house, TESTS))
    (section,) = draft.sections
    size = section._sectPr.find(f"{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("12240", "15840")  # Letter
    margins = (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)
    assert margins == (Inches(0.75), Inches(1), Inches(1), Inches(1.5))
    assert [p.text for p in section.header.paragraphs] == [HOUSE_HEADER]
    assert [p.text for p in section.footer.paragraphs] == [HOUSE_FOOTER]
    assert section.footer._element.find(f".//{W}fldSimple") is None


def test_house_style_without_a_footer_gets_the_page_number(tmp_path: Path):
    draft = opened(write_docx(sample_document(), house_style(tmp_path, footer=False), TESTS))
    (folio,) = draft.sections[0].footer.paragraphs
    (field,) = folio._p.findall(f"{W}fldSimple")
    assert field.get(f"{W}instr").split() == ["PAGE"]


def test_house_style_keeps_its_fonts_and_styles(house: Layout):
    styles = opened(write_docx(sample_document(), house, TESTS)).styles
    assert styles["Heading 1"].font.name == "Courier New"
    assert styles["Heading 1"].font.color.rgb == RGBColor(0x99, 0x00, 0x00)
    assert styles["Byline"].font.italic is True
    assert styles["Normal"].font.name is None  # not the layout's Noto Serif
    assert styles["Normal"].font.size is None  # nor its 11 pt
    (lang,) = styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert lang.get(f"{W}val") == "en-GB"


def test_house_style_gains_the_styles_it_lacks_based_on_normal(house: Layout):
    styles = opened(write_docx(sample_document(), house, TESTS)).styles
    for name in ("Body Text", "Caption"):
        assert styles[name].base_style.name == "Normal"
        assert styles[name].element.get(f"{W}customStyle") is None  # Word's built-in names


def test_house_style_draft_holds_our_text_once_in_our_styles(house: Layout):
    data = write_docx(sample_document(), house, TESTS)
    paragraphs = opened(data).paragraphs
    assert [p.text for p in paragraphs] == texts_of(sample_document())
    assert [p.style.name for p in paragraphs] == [
        p.style.name for p in opened(sample_draft()).paragraphs
    ]
    assert HOUSE_SAMPLE not in part(data, "word/document.xml")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "word/comments.xml" not in names
    assert "docProps/thumbnail.jpeg" not in names


def test_house_style_draft_has_the_document_properties_only(house: Layout):
    properties = opened(write_docx(sample_document(), house, TESTS)).core_properties
    assert properties.title == "Director’s Review"
    assert properties.author == "Benson KWOK Joon-fung"
    assert properties.created == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert properties.comments == properties.keywords == ""
    assert properties.last_printed is None


def test_house_style_fits_pictures_to_its_text_width(house: Layout, photo: Path):
    draft = opened(write_docx(sample_document(photo.name), house, photo.parent))
    assert draft.inline_shapes[0].width == Inches(6)


def test_house_style_with_columns_fits_pictures_to_a_column(tmp_path: Path, photo: Path):
    layout = house_style(tmp_path, columns=2)
    draft = opened(write_docx(sample_document(photo.name), layout, photo.parent))
    assert draft.inline_shapes[0].width == (Inches(6) - Inches(0.5)) // 2


def test_house_style_with_unequal_columns_fits_pictures_to_the_narrowest(
    tmp_path: Path, photo: Path
):
    layout = house_style(tmp_path)
    reference = docx.Document(str(tmp_path / "reference.docx"))
    columns = reference.sections[0]._sectPr.find(f"{W}cols")
    columns.set(f"{W}equalWidth", "0")
    for width in ("5040", "2880"):  # 3.5 and 2 inches
        etree.SubElement(columns, f"{W}col", {f"{W}w": width})
    reference.save(tmp_path / "reference.docx")
    draft = opened(write_docx(sample_document(photo.name), layout, photo.parent))
    assert draft.inline_shapes[0].width == Inches(2)


def test_house_style_draft_is_reproducible(house: Layout, photo: Path):
    document = sample_document(photo.name)
    first = write_docx(document, house, photo.parent)
    assert write_docx(document, house, photo.parent) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_house_style_draft_reads_back_as_the_document(house: Layout, tmp_path: Path):
    sample = sample_document()
    # As the reader gives it back: the alt text from the metadata, the typography applied.
    clean = Paragraph((Span("Some 298\u00a0million passengers\u00a0– 41\u00a0per\u00a0cent more."),))
    document = replace(
        sample,
        byline=Byline("Benson KWOK\u00a0Joon-fung", ("IDSM",), "Director of Immigration"),
        metadata=replace(sample.metadata, alt={1: sample.blocks[3].alternative_text(sample.metadata.language)}),
        blocks=(*sample.blocks[:-1], clean),
    )
    path = tmp_path / f"{document.name}.docx"
    path.write_bytes(write_docx(document, house, TESTS))
    assert read_docx(path, document.metadata) == document


def test_reference_that_is_not_a_docx_is_named(tmp_path: Path):
    (tmp_path / "reference.docx").write_text("not a Word file")
    with pytest.raises(PipelineError, match="not a readable DOCX file") as raised:
        write_docx(sample_document(), Layout(name="print", folder=tmp_path), TESTS)
    assert raised.value.path == tmp_path / "reference.docx"
    assert "\n" not in str(raised.value)


def test_reference_without_a_page_size_is_named(tmp_path: Path):
    reference = docx.Document()
    sectPr = reference.sections[0]._sectPr
    sectPr.remove(sectPr.find(f"{W}pgSz"))
    reference.save(tmp_path / "reference.docx")
    with pytest.raises(PipelineError, match="has no page size or margins") as raised:
        write_docx(sample_document(), Layout(name="print", folder=tmp_path), TESTS)
    assert raised.value.path == tmp_path / "reference.docx"


# --- Other readers ---------------------------------------------------------------------------


def assert_texts_survive(converted: str, texts: list[str]) -> None:
    """Every text is there, in order; line wrapping and no-break spaces may differ."""
    flat = " ".join(converted.replace("\u00a0", " ").split())
    position = 0
    for text in texts:
        wanted = " ".join(text.replace("\u00a0", " ").split())
        found = flat.find(wanted, position)
        assert found >= 0, f"{wanted!r} missing after position {position}"
        position = found + len(wanted)


def libreoffice_converted(draft: Path, target: str) -> Path:
    """The draft converted by LibreOffice headless, with a throwaway profile beside it."""
    libreoffice(draft.parent / "lo", "--convert-to", target, "--outdir", str(draft.parent),
                str(draft), timeout=180)
    return draft.with_suffix("." + target.split(":")[0])


@pytest.mark.slow
def test_libreoffice_reads_the_text(tmp_path: Path):
    (tmp_path / "draft.docx").write_bytes(sample_draft())
    converted = libreoffice_converted(tmp_path / "draft.docx", "txt:Text (encoded):UTF8")
    assert_texts_survive(converted.read_text(encoding="utf-8-sig"), texts_of(sample_document()))


@pytest.mark.slow
def test_libreoffice_prints_a4_pages_with_text_photo_and_folio(tmp_path: Path, photo: Path):
    pypdf = pytest.importorskip("pypdf")
    document = sample_document(photo.name)
    (tmp_path / "draft.docx").write_bytes(write_docx(document, LAYOUT, photo.parent))
    pdf = pypdf.PdfReader(libreoffice_converted(tmp_path / "draft.docx", "pdf"))
    for page in pdf.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            (595.3, 841.9), abs=0.5
        )
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert_texts_survive(text, texts_of(document))
    assert text.split()[-1] == str(len(pdf.pages))  # the last folio closes the last page
    assert sum(len(page.images) for page in pdf.pages) == 1


@pytest.mark.slow
def test_libreoffice_prints_in_the_layout_fonts(tmp_path: Path):
    pypdf = pytest.importorskip("pypdf")
    (tmp_path / "draft.docx").write_bytes(sample_draft())
    pdf = pypdf.PdfReader(libreoffice_converted(tmp_path / "draft.docx", "pdf"))
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSans-Bold"} <= fonts


def pandoc_converted(draft: Path, target: str) -> str:
    pandoc = client("pandoc")
    return subprocess.run(
        [pandoc, "--from", "docx", "--to", target, "--wrap", "none", "--standalone", str(draft)],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout


def test_pandoc_reads_title_headings_emphasis_and_text(tmp_path: Path):
    (tmp_path / "draft.docx").write_bytes(sample_draft())
    # Without "smart", pandoc keeps curly quotes and dashes as they are.
    markdown = pandoc_converted(tmp_path / "draft.docx", "markdown-smart")
    assert "title: Director’s Review" in markdown
    assert "subtitle: Annual Report 2024" in markdown
    assert "**75th anniversary**" in markdown
    assert "*People’s Republic of China*" in markdown
    assert "\n# A new headquarters\n" in markdown
    plain = pandoc_converted(tmp_path / "draft.docx", "plain")
    assert_texts_survive(plain, texts_of(sample_document())[2:])  # byline onwards


def test_a_paragraph_under_a_table_is_spaced_from_it_and_reads_back_the_same(tmp_path):
    """Word and LibreOffice set a paragraph flush under a table unless it has space before:
    it gets the body's space between paragraphs; a heading keeps its own."""
    table = Table(((Span("Year"),), (Span("Visits"),)), (((Span("2025"),), (Span("86"),)),),
                  (Span("Table 1: Visits"),))
    document = Document("piece", Metadata(title="Report"), None, (
        Paragraph((Span("Visits rose."),)), table, Paragraph((Span("They will rise again."),)),
        table, Heading("Outlook"), Paragraph((Span("More to come."),))))
    data = write_docx(document, LAYOUT, tmp_path)
    draft = docx.Document(io.BytesIO(data))
    under = {paragraph.text: paragraph.paragraph_format.space_before
             for paragraph in draft.paragraphs}
    body_gap = draft.styles["Body Text"].paragraph_format.space_after
    assert under["They will rise again."] == body_gap and body_gap
    assert under["Outlook"] is None and under["Visits rose."] is None
    (tmp_path / "piece.docx").write_bytes(data)
    assert read_docx(tmp_path / "piece.docx", document.metadata).blocks == document.blocks


def test_a_draft_holds_a_style_as_python_docx_tells_it():
    """By name, as `in` finds it: Word's UI name or its internal one ("heading 1"), a name a
    reference gives as it shows, and no style held only by its id."""
    styles = docx.Document().styles
    styles.add_style("Quote Block", WD_STYLE_TYPE.PARAGRAPH).element.name_val = "Heading 1"
    styles.add_style("Extra", WD_STYLE_TYPE.PARAGRAPH).element.style_id = "Caption2"
    for name in ("Normal", "Heading 1", "heading 1", "Caption", "Caption2", "Extra", "Nothing"):
        assert holds_style(styles, name) == (name in styles), name
