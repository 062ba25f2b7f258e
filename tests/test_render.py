"""HTML and PDF rendering through the print and screen layouts."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pikepdf
import pypdf
import pytest

from pipeline.errors import RenderingError
from pipeline.layouts import load_layout
from pipeline.model import (
    Byline,
    Document,
    Figure,
    Heading,
    LineBlock,
    List,
    ListItem,
    Metadata,
    Paragraph,
    Quotation,
    Span,
)
from pipeline.pdf.pages import transformed, with_ctm
from pipeline.writers.html import anchors, css_string, render_html
from pipeline.writers.pdf.render import font_configuration, render_pdf
from pipeline.writers.pdf.urls import RefusedURLError, url_fetcher

from .support import scraped_editions
from .typesetting import measured

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "layouts"
NBSP = "\u00a0"
MM = 72 / 25.4
A4 = (595.28, 841.89)
OUR_FONTS = {"Noto-Serif", "Noto-Serif-Italic", "Noto-Serif-Bold", "Noto-Serif-BoldItalic",
             "Noto-Sans", "Noto-Sans-Italic", "Noto-Sans-Bold", "Noto-Sans-BoldItalic"}

LITERAL = "Template-looking text stays as written: {{ 7*7 }}, {% if x %} and <script>x</script>."


def sample_document(image: str | None = "images/photo.png") -> Document:
    """Long paragraphs, so print justifies and hyphenates them over several lines."""
    first = (
        "The year marked the opening of the new headquarters in the town centre, a milestone "
        f"in the department’s history. Passenger traffic rose by about 41{NBSP}per{NBSP}cent, "
        f"to some 298{NBSP}million journeys, and the control points installed additional "
        "e-Channels to expedite clearance for residents and visitors alike."
    )
    return Document(
        name="sample",
        metadata=Metadata(
            title="Director’s Review",
            organisation="Immigration Department",
            author="Benson KWOK Joon-fung",
            date="2024",
        ),
        byline=Byline("Benson KWOK Joon-fung", ("IDSM",), "Director of Immigration"),
        blocks=(
            Paragraph((Span(first),)),
            Heading("Fostering connectivity"),
            Paragraph((
                Span("The department launched the "),
                Span("Mutual Use of QR Code", italic=True),
                Span(" service with the authorities in Macao, so that residents of both sides "
                     "may use automated clearance facilities, and cancelled the requirement for "
                     "visitors to furnish an arrival or departure card."),
            )),
            Figure(1, (Span("The new headquarters in Tseung Kwan O."),), image, "Two towers"),
            Heading("Upholding our mission"),
            Paragraph((Span(LITERAL),)),
            Figure(2, (Span("A photo still to come."),)),
            Paragraph((Span("Staff will continue to serve the public with "),
                       Span("dedication", bold=True), Span(" and professionalism."))),
        ),
    )


@pytest.fixture(scope="module")
def print_pdf(source_dir) -> bytes:
    return render_pdf(sample_document(), load_layout(LAYOUTS, "print"), source_dir)


@pytest.fixture(scope="module")
def screen_pdf(source_dir) -> bytes:
    return render_pdf(sample_document(), load_layout(LAYOUTS, "screen"), source_dir)


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def normalised(text: str) -> str:
    """Text with hyphenation undone and no white space: justified lines split words with a
    hyphen (U+2010) at line ends, and any line may break after a slash."""
    text = re.sub(r"\u2010\s*\n\s*", "", text)
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", "", text.replace(NBSP, " "))


def extracted_text(data: bytes) -> str:
    return normalised("\n".join(page.extract_text() for page in reader(data).pages))


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles.extend(outline_titles(item) if isinstance(item, list) else [item.title])
    return titles


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """Each font's name without its subset tag, and whether its TrueType file is embedded."""
    fonts = {}
    for page in reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            fonts[name] = "/FontFile2" in descriptor
    return fonts


def box(page, name: str) -> list[float]:
    return [round(float(value), 2) for value in page[name]]


# --- HTML ------------------------------------------------------------------------------------


def test_html_escapes_source_text_and_never_runs_it_as_template():
    html = render_html(sample_document(), load_layout(LAYOUTS, "print"))
    assert "{{ 7*7 }}" in html and "{% if x %}" in html
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_html_carries_metadata_and_structure():
    html = render_html(sample_document(), load_layout(LAYOUTS, "screen"))
    assert '<html lang="en-GB">' in html
    assert "<title>Director’s Review</title>" in html
    assert '<meta name="author" content="Benson KWOK Joon-fung">' in html
    assert '<meta name="dcterms.created" content="2024-01-01T00:00:00+00:00">' in html
    # The running heads name the section as data-running says (base.css).
    assert re.search(r'<h2 id="fostering-connectivity" data-block="\d+" data-running="Fostering'
                     r' connectivity">Fostering connectivity</h2>', html)
    # The space before an inline element is set inside it, where the renderer breaks the
    # lines (blocks.SPACE_BEFORE_ELEMENT: WeasyPrint would end the line too early).
    assert "the<em> Mutual Use of QR Code</em>" in html
    assert "with<strong> dedication</strong>" in html
    assert '<img src="images/photo.png" alt="Two towers">' in html
    # On screen, a figure whose picture is not supplied is its caption alone.
    assert 'class="placeholder"' not in html and html.count('class="no-picture"') == 1
    assert "Picture 2" not in html


def test_a_report_s_numbered_paragraphs_stand_apart():
    """Set flush left, its number in place of an indent, each numbered paragraph stands half
    a line from the paragraph over it (base.css), as a typesetter sets a report's."""
    document = Document("report", Metadata(title="Review of charges"), None, (
        Paragraph((Span("1.1 This report sets out the charges for the coming year."),)),
        Paragraph((Span("1.2 It asks the committee to approve them."),))))
    html = render_html(document, load_layout(LAYOUTS, "print"))
    assert html.count('class="flush numbered-paragraph"') == 2


def test_a_proofs_placeholder_says_which_picture_is_to_come_in_the_documents_language():
    html = render_html(sample_document(), load_layout(LAYOUTS, "print"))
    assert '<div class="placeholder" data-label="Picture 2 to come"></div>' in html
    chinese = replace(sample_document(), metadata=Metadata(title="處長的話", language="zh-HK"))
    html = render_html(chinese, load_layout(LAYOUTS, "print"))
    assert '<div class="placeholder" data-label="照片2待補"></div>' in html


def test_the_placeholders_words_stand_in_its_box_between_the_blocks_around_it(print_pdf,
                                                                              tmp_path):
    """Generated content in the flow: after the paragraph before the figure, before its
    caption, never inside a paragraph; drawn in the grey box (the middle third of its height).
    The print file has no tag tree: no screen reader meets it as any edition's body text."""
    text = extracted_text(print_pdf)
    label = text.index(normalised("Picture 2 to come"))
    assert text.index(normalised(LITERAL)) < label < text.index(normalised("A photo still to"))
    assert text.count(normalised("Picture 2 to come")) == 1
    page, words = label_words(print_pdf, "Picture", tmp_path)
    grey = grey_boxes(print_pdf, page)
    assert len(grey) == 1
    left, bottom, right, top = grey[0]
    for x0, y0, x1, y1 in words:
        assert left < x0 < x1 < right
        assert bottom + (top - bottom) / 3 < y0 < y1 < top - (top - bottom) / 3
    assert "/StructTreeRoot" not in reader(print_pdf).trailer["/Root"]


def test_a_placeholders_words_ask_a_page_for_no_more_room_than_its_box():
    """WeasyPrint keeps room below a block's children for its bottom padding: were the words
    a line of their own in the box's flow, the figure would need more room than the box
    takes, and move to the next page where it fits. A box 93 mm high fits 95 mm."""
    from weasyprint import CSS, HTML

    page = CSS(string="@page { size: 150mm 110mm; margin: 5mm } figure { margin: 0 }"
               "p { margin: 0; height: 5mm }")
    html = ('<p>Before.</p><figure><div class="placeholder" data-label="Picture 1 to come">'
            "</div></figure>")
    laid_out = HTML(string=html).render(
        stylesheets=[CSS(filename=LAYOUTS / "templates" / "base.css"), page],
        font_config=font_configuration())
    assert len(laid_out.pages) == 1


def label_words(data: bytes, first: str, folder: Path) -> tuple[int, list[tuple[float, ...]]]:
    """The index of the page holding the line that starts with the word `first`, and the
    boxes of that line's words in PDF coordinates (pdftotext's run down from the MediaBox's
    top); the PDF is written into `folder` for pdftotext to read."""
    path = folder / "labelled.pdf"
    path.write_bytes(data)
    layout = subprocess.run(["pdftotext", "-bbox-layout", path, "-"],
                            capture_output=True, text=True, check=True).stdout
    media = [[float(value) for value in page["/MediaBox"]] for page in reader(data).pages]
    for number, page_xml in enumerate(layout.split("<page ")[1:]):
        for line in re.findall(r"<line .*?</line>", page_xml, re.S):
            words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                               r'yMax="([\d.]+)">([^<]+)</word>', line)
            if words and words[0][4] == first:
                left, _, _, top = media[number]
                return number, [(left + float(x0), top - float(y1), left + float(x1),
                                 top - float(y0)) for x0, y0, x1, y1, _ in words]
    raise AssertionError(f"no line starts {first!r}")


def grey_boxes(data: bytes, number: int) -> list[tuple[float, float, float, float]]:
    """The rectangles page `number` fills in the placeholder's grey (8 % black)."""
    boxes, grey = [], False
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for operands, operator, ctm in with_ctm(pdf.pages[number]):
            if operator in ("k", "scn"):  # WeasyPrint's: /DeviceCMYK cs, then scn
                grey = [float(value) for value in operands] == [0, 0, 0, 0.08]
            elif operator == "re" and grey:
                x, y, width, height = (float(value) for value in operands)
                (x0, y0), (x1, y1) = (transformed(x, y, ctm),
                                      transformed(x + width, y + height, ctm))
                boxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return sorted(set(boxes))  # a box's path is laid once to clip and once to fill


def test_repeated_headings_get_distinct_anchors():
    document = Document("d", Metadata("T"), None, (Heading("Aims"), Paragraph(()), Heading("Aims")))
    assert anchors(document) == ["aims", None, "aims-2"]


def test_css_strings_cannot_leave_their_quotes_or_the_style_element():
    assert css_string("Noto Serif") == '"Noto Serif"'
    assert css_string('x"</style>') == '"x\\22 \\3c \\2f style\\3e "'


# --- PDF ----------------------------------------------------------------------------------


def test_print_pages_are_a4_trim_with_3mm_bleed_and_a_slug_for_marks(print_pdf):
    slug = load_layout(LAYOUTS, "print").page.slug_mm * MM
    for page in reader(print_pdf).pages:
        left, bottom, right, top = box(page, "/TrimBox")
        assert (left, bottom) == (0, 0)
        assert (right - left, top - bottom) == pytest.approx(A4, abs=0.01)
        bleed = [-3 * MM, -3 * MM, A4[0] + 3 * MM, A4[1] + 3 * MM]
        assert box(page, "/BleedBox") == pytest.approx(bleed, abs=0.01)
        media = [bleed[0] - slug, bleed[1] - slug, bleed[2] + slug, bleed[3] + slug]
        assert box(page, "/MediaBox") == pytest.approx(media, abs=0.01)


def test_screen_pages_are_a4_without_bleed(screen_pdf):
    for page in reader(screen_pdf).pages:
        assert box(page, "/MediaBox") == pytest.approx([0, 0, *A4], abs=0.01)


@pytest.mark.parametrize("edition", ["print_pdf", "screen_pdf"])
def test_every_paragraph_appears_once_and_in_order(edition, request):
    text = extracted_text(request.getfixturevalue(edition))
    position = 0
    for paragraph in sample_document().paragraphs:
        expected = normalised(paragraph.text)
        assert text.count(expected) == 1, expected
        assert text.index(expected) >= position
        position = text.index(expected)
    assert normalised("Director’s Review") in text
    assert normalised("Benson KWOK Joon-fung, IDSM") in text


@pytest.mark.parametrize("edition", ["print_pdf", "screen_pdf"])
def test_bookmarks_hold_the_title_and_every_heading(edition, request):
    titles = outline_titles(reader(request.getfixturevalue(edition)).outline)
    assert titles == ["Director’s Review", "Fostering connectivity", "Upholding our mission"]


@pytest.mark.parametrize("edition", ["print_pdf", "screen_pdf"])
def test_only_our_fonts_are_used_and_all_are_embedded(edition, request):
    fonts = embedded_fonts(request.getfixturevalue(edition))
    assert set(fonts) <= OUR_FONTS
    assert {"Noto-Serif", "Noto-Serif-Italic", "Noto-Serif-Bold", "Noto-Sans-Bold"} <= set(fonts)
    assert all(fonts.values())


@pytest.mark.parametrize("edition", ["print_pdf", "screen_pdf"])
def test_metadata_title_author_and_language(edition, request):
    pdf = reader(request.getfixturevalue(edition))
    assert pdf.metadata.title == "Director’s Review"
    assert pdf.metadata.author == "Benson KWOK Joon-fung"
    assert pdf.metadata.creation_date == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"


def test_screen_pdf_is_tagged_and_shows_its_title(screen_pdf):
    catalog = reader(screen_pdf).trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]


def test_print_pdf_declares_pdf_x4(print_pdf):
    metadata = reader(print_pdf).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in metadata


@pytest.mark.parametrize("layout", ["print", "screen"])
def test_template_looking_text_appears_literally(layout, request):
    assert normalised(LITERAL) in extracted_text(request.getfixturevalue(f"{layout}_pdf"))


def test_the_image_is_embedded(print_pdf):
    # WeasyPrint shares one resource dictionary between pages: count images by name.
    images = {(image.name, image.image.size) for page in reader(print_pdf).pages
              for image in page.images}
    assert [size for _, size in images] == [(300, 200)]


@pytest.mark.parametrize("layout", ["print", "screen"])
def test_renders_are_byte_identical(layout, source_dir, request):
    again = render_pdf(sample_document(), load_layout(LAYOUTS, layout), source_dir)
    assert again == request.getfixturevalue(f"{layout}_pdf")


def test_renders_do_not_depend_on_where_the_sources_lie(print_pdf, source_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere" / "source"
    shutil.copytree(source_dir, elsewhere)
    assert render_pdf(sample_document(), load_layout(LAYOUTS, "print"), elsewhere) == print_pdf


@pytest.mark.slow
def test_renders_in_separate_processes_are_byte_identical(print_pdf, source_dir, tmp_path):
    # A fresh process has fresh random state: catches uuid4s and clock times, which the
    # same process rendering twice within a second might not.
    script = (
        "import sys; from pathlib import Path\n"
        "from tests.test_render import LAYOUTS, sample_document\n"
        "from pipeline.layouts import load_layout\n"
        "from pipeline.writers.pdf.render import render_pdf\n"
        "pdf = render_pdf(sample_document(), load_layout(LAYOUTS, 'print'), Path(sys.argv[1]))\n"
        "Path(sys.argv[2]).write_bytes(pdf)\n"
    )
    output = tmp_path / "again.pdf"
    subprocess.run([sys.executable, "-c", script, str(source_dir), str(output)], cwd=ROOT,
                   check=True)
    assert output.read_bytes() == print_pdf


# --- What rendering refuses ----------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "file://source/../../../../etc/passwd",
    "file://elsewhere/etc/passwd",
    "http://example.com/font.ttf",
    "https://example.com/photo.jpg",
    "ftp://example.com/photo.jpg",
])
def test_url_fetcher_refuses_anything_outside_the_project(url, source_dir):
    with pytest.raises(RefusedURLError):
        url_fetcher(LAYOUTS, source_dir).fetch(url)


def test_url_fetcher_refuses_a_way_out_through_dot_dot(source_dir):
    url = (LAYOUTS / "fonts" / ".." / ".." / ".." / "etc" / "passwd").as_uri()
    with pytest.raises(RefusedURLError):
        url_fetcher(LAYOUTS, source_dir).fetch(url)


def test_url_fetcher_reads_layout_and_source_files_and_data(source_dir):
    fetcher = url_fetcher(LAYOUTS, source_dir)
    for url in ((LAYOUTS / "fonts" / "fonts.css").as_uri(),
                (source_dir / "images" / "photo.png").as_uri(),
                "file://source/images/photo.png",
                "data:text/plain,hello"):
        response = fetcher.fetch(url)
        assert response.read()
        response.close()


@pytest.mark.parametrize("image", ["/etc/hostname", "../../../etc/hostname",
                                   "http://example.com/photo.png"])
def test_an_image_path_is_only_ever_looked_for_among_the_sources(image, source_dir):
    # Images resolve against file://source/, which the fetcher maps into source/ alone.
    with pytest.raises(RenderingError, match="No such file"):
        render_pdf(sample_document(image), load_layout(LAYOUTS, "screen"), source_dir)


def test_a_symbolic_link_out_of_the_sources_is_refused(source_dir, tmp_path):
    sources = tmp_path / "source"
    shutil.copytree(source_dir, sources)
    (sources / "images" / "link.png").symlink_to("/etc/hostname")
    with pytest.raises(RenderingError, match="refused"):
        render_pdf(sample_document("images/link.png"), load_layout(LAYOUTS, "screen"), sources)


def test_a_missing_image_fails_the_render(source_dir):
    with pytest.raises(RenderingError, match="missing.png"):
        render_pdf(sample_document("images/missing.png"), load_layout(LAYOUTS, "screen"),
                   source_dir)


@pytest.mark.parametrize("text", ["مرحبا", "\U00013000"])  # a system font has it; no font has it
def test_text_our_fonts_cannot_set_fails_the_render(text, source_dir):
    document = Document("other-script", Metadata("Title"), None, (Paragraph((Span(text),)),))
    with pytest.raises(RenderingError, match="lack"):
        render_pdf(document, load_layout(LAYOUTS, "screen"), source_dir)


def test_web_and_mail_addresses_are_live_links_except_in_print(source_dir):
    text = "Visit https://www.immd.gov.hk/eng/. Or write to enquiry@immd.gov.hk, not <a href=x>."
    document = Document("links", Metadata("Links"), None, (Paragraph((Span(text),)),))
    html = render_html(document, load_layout(LAYOUTS, "screen"))
    # Each may break before / . @ (a zero-width space), never with a hyphen, nor after a slash
    # (a word joiner). The space before each is outside its link (blocks.SPACE_BEFORE_LINK).
    assert ('<span> <a class="address" href="https://www.immd.gov.hk/eng/">https:/\u2060/\u2060'
            'www\u200b.immd\u200b.gov\u200b.hk\u200b/\u2060eng/\u2060</a></span>.') in html
    assert ('<span> <a class="address" href="mailto:enquiry@immd.gov.hk">enquiry\u200b@immd'
            '\u200b.') in html
    assert "&lt;a href=x&gt;" in html
    uris = {layout: [str(annotation.A.URI) for page in pikepdf.open(io.BytesIO(
                render_pdf(document, load_layout(LAYOUTS, layout), source_dir))).pages
                for annotation in page.get("/Annots", []) if "/A" in annotation]
            for layout in ("screen", "print")}
    assert uris["screen"] == ["https://www.immd.gov.hk/eng/", "mailto:enquiry@immd.gov.hk"]
    assert uris["print"] == []


def test_a_paragraph_leading_in_to_the_next_is_kept_with_it():
    """"… said:" over the quotation it leads in to never ends a page (base.css: lead-in);
    a paragraph ending otherwise, or leading in to a list (kept by the list's own rule), is
    no such paragraph."""
    blocks = (Paragraph((Span("Opening words of the piece."),)),
              Paragraph((Span("Councillor Mark Hensby, Leader of the Council, said:"),)),
              Paragraph((Span("\u2018Residents have lived with the threat of flooding.\u2019"),)),
              Paragraph((Span("他表示："),)), Quotation((Span("「我們會繼續努力。」"),)),
              Paragraph((Span("The project will also:"),)),
              List((ListItem((Span("create footpaths;"),)),)))
    document = Document("piece", Metadata(title="Piece"), None, blocks)
    html = render_html(document, load_layout(LAYOUTS, "screen"))
    assert re.findall(r'<p data-block="(\d)"[^>]* class="lead-in"', html) == ["1", "3"]


@pytest.mark.parametrize("lead_in", [
    "For more information, please contact", "For more information, please contact:",
    "Group bookings should be emailed to the warden at:", "To book a guided walk, please call",
    "如有查詢，請聯絡", "如欲預約參觀，請致電", "查詢地址："])
def test_a_paragraph_leading_in_to_lines_kept_as_lines_is_kept_with_them(lead_in):
    """A lead-in over the contact lines it introduces, ending with its colon or, as the
    reader reads one, with a verb of contacting (`For more information, please contact`
    over `Ms Chan Tai Man`, `Tel: …`), never ends a page (base.css: lead-in), as it is kept
    with a paragraph; it had stood alone at a page's foot, its lines overleaf. A paragraph
    ending its sentence over such lines is none."""
    lines = LineBlock(((Span("Ms Chan Tai Man"),), (Span("Tel: 2345 6789"),)))
    blocks = (Paragraph((Span("Opening words of the piece."),)), Paragraph((Span(lead_in),)),
              lines, Paragraph((Span("The office is open on weekdays."),)), lines)
    document = Document("piece", Metadata(title="Piece"), None, blocks)
    html = render_html(document, load_layout(LAYOUTS, "screen"))
    assert re.findall(r'<p data-block="(\d)"[^>]* class="[^"]*\blead-in\b', html) == ["1"]


# A report closing on a lead-in over its contact lines, its notes under them: the first of its
# body's paragraphs, as many as bring the lead-in to a page's foot in each edition with no
# room left under it for the lines.
LEAD_IN_REPORT = ROOT / "tests" / "texts" / "reports" / "water-trust-volunteers.txt"
BODY_PARAGRAPHS = {"print": 7, "screen": 6, "large-print": 4}
LEAD_IN = "For more information, please contact"


@pytest.mark.slow
@pytest.mark.parametrize("layout", BODY_PARAGRAPHS)
def test_a_lead_in_at_a_pages_foot_goes_over_with_its_contact_lines(layout, tmp_path):
    """`For more information, please contact` over a name, a telephone number and an e-mail
    address, at the foot of a page with no room for them: the lead-in opens the next page
    over its lines, in every edition; it had stood alone as the page's last line."""
    title, *body = LEAD_IN_REPORT.read_text(encoding="utf-8").split("\n\n")
    closing = next(at for at, paragraph in enumerate(body) if paragraph.startswith(LEAD_IN))
    text = "\n\n".join([title, *body[:BODY_PARAGRAPHS[layout]], *body[closing:]])
    _, pdfs = scraped_editions(tmp_path, "volunteers", text, [layout])
    lines = measured(pdfs[layout]).lines
    lead_in = next(line for line in lines if line.text.startswith(LEAD_IN))
    name = next(line for line in lines if line.text.startswith("Mr Idris Fenwick"))
    area_top = load_layout(LAYOUTS, layout).page.margin_top_mm * MM
    assert name.page == lead_in.page > 1
    assert lead_in.top == min(line.top for line in lines
                              if line.page == lead_in.page and line.top >= area_top - 1)


def test_an_interviews_question_is_kept_with_its_answer():
    """"Q: Will I lose pay?" at a page's foot, its answer overleaf: the question, as a
    lead-in, never ends a page; "問：…" likewise."""
    blocks = (Paragraph((Span("Q: Will I lose pay?"),)),
              Paragraph((Span("A: Not if you vote; the ballot is held online."),)),
              Paragraph((Span("問：計劃的撥款來自哪裏？"),)),
              Paragraph((Span("答：主要來自政府的基金。"),)),
              Paragraph((Span("Questions about the ballot go to the branch secretary."),)))
    document = Document("piece", Metadata(title="Piece"), None, blocks)
    html = render_html(document, load_layout(LAYOUTS, "screen"))
    assert re.findall(r'<p data-block="(\d)"[^>]* class="[^"]*\blead-in\b', html) == ["0", "2"]


@pytest.mark.slow
def test_large_print_sets_no_heading_in_italic(tmp_path):
    """A third level of section is italic in print (a C-head under a B-head), never in large
    print, where nothing is italic (RNIB's clear print guidance): its size tells it apart."""
    document = Document("levels", Metadata(title="Our estate"), None, (
        Heading("Woodland"), Paragraph((Span("The Trust looked after 412 hectares."),)),
        Heading("Planting", level=2), Heading("Winter planting", level=3),
        Paragraph((Span("Most trees went in between November and March."),))))
    with pikepdf.open(io.BytesIO(render_pdf(document, load_layout(LAYOUTS, "large-print"),
                                            tmp_path))) as pdf:
        fonts = {str(font.BaseFont) for page in pdf.pages
                 for font in page.Resources.Font.values()}
    assert not any("Italic" in font for font in fonts), fonts


@pytest.mark.parametrize(("caption", "set"), [
    ("Volunteers at Coldwell Reservoir, June 2024. Photo: Lena Ford",
     "Volunteers at Coldwell Reservoir, June 2024. Photo:\u00a0Lena\u00a0Ford"),
    ("Photo: Lena Ford", "Photo:\u00a0Lena\u00a0Ford"),
    # A long credit breaks where it must; a credit's words in a sentence are no credit.
    ("The dredger at work. Photo: courtesy of the Port of Amble Harbour Commissioners",
     "The dredger at work. Photo: courtesy of the Port of Amble Harbour Commissioners"),
    ("Volunteers photo by the lake, June 2024", "Volunteers photo by the lake, June 2024"),
])
def test_a_short_credit_closing_a_caption_is_set_whole_on_its_line(caption, set):
    """`Photo: Lena Ford` closing a caption never breaks (it had set `Lena` at one line's
    end and `Ford` alone on the caption's last): its words bound by no-break spaces."""
    document = Document("piece", Metadata(title="Review"), None,
                        (Paragraph((Span("Text."),)), Figure(1, (Span(caption),))))
    html = render_html(document, load_layout(LAYOUTS, "screen"))
    assert re.search(r"<figcaption>(.*?)</figcaption>", html, re.S).group(1) == set


# --- The repository's faces, registered where they lie --------------------------------------

# Faces declared with each descriptor WeasyPrint writes a fontconfig rule for, and a file
# declared again under another family, which WeasyPrint registers from a copy of its own.
FACES_CSS = """
@font-face { font-family: "Test Serif"; src: url("NotoSerif-Regular.ttf");
  font-feature-settings: "liga" 0; font-variant: small-caps; unicode-range: U+0-7F; }
@font-face { font-family: "Test Serif"; src: url("NotoSerif-BoldItalic.ttf");
  font-style: italic; font-weight: 700; font-stretch: condensed; }
@font-face { font-family: "Test Again"; src: url("NotoSerif-Regular.ttf"); }
p { font-family: "Test Serif"; } i { font-family: "Test Again"; }
"""
FACES = """
import sys, hashlib
from weasyprint import CSS, HTML
from pipeline.writers.pdf import faces
from pipeline.writers.pdf.font_subsetting import use_uharfbuzz_subsetting
from pipeline.writers.pdf.urls import url_fetcher
from tests.test_render import FACES_CSS, LAYOUTS
use_uharfbuzz_subsetting()  # the same subsets of the same faces, as in every PDF
if sys.argv[1] == "copied":
    faces.repository_face = lambda rule_descriptors, url_fetcher: None
fetcher = url_fetcher(LAYOUTS, LAYOUTS)
fonts = faces.repository_configuration()
css = CSS(string=FACES_CSS, base_url=(LAYOUTS / "fonts").as_uri() + "/", url_fetcher=fetcher,
          font_config=fonts)
html = HTML(string='<meta name="dcterms.created" content="2024-01-01T00:00:00+00:00">'
            '<p>Offices <b><i>fjord</i></b> <i>again</i></p>', url_fetcher=fetcher)
pdf = html.write_pdf(stylesheets=[css], font_config=fonts, pdf_identifier=b"faces")
copies = len(list(fonts._folder.iterdir())) if fonts._folder else 0
faces.remove_copied_faces(fonts)
print(hashlib.sha256(pdf).hexdigest(), len(getattr(fonts, "in_place", {})), copies)
"""


@pytest.mark.slow
def test_the_repositorys_faces_set_a_pdf_as_weasyprints_copies_of_them_do():
    """Registered where they lie, with the rules WeasyPrint writes for its copies, the faces
    set the same bytes; a file declared by a second rule is copied, as WeasyPrint would."""
    def rendered(how: str) -> list[str]:
        return subprocess.run([sys.executable, "-c", FACES, how], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.split()

    in_place, copied = rendered("in place"), rendered("copied")
    assert in_place[0] == copied[0]
    assert in_place[1:] == ["2", "1"]
    assert copied[1:] == ["0", "3"]
