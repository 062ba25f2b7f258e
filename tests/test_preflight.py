"""Preflight: small PDFs made with WeasyPrint pass; each one broken on purpose fails
exactly the rule that guards against that break."""

import contextlib
import dataclasses
import io
import json
import re
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from pipeline.checks.preflight import preflight, rules_for
from pipeline.checks.preflight.common_rules import normalised
from pipeline.checks.preflight.print_rules import ppi
from pipeline.checks.preflight.report import Check, Edition, Report, Rule, run_rule
from pipeline.checks.preflight.typography_rules import (
    PAGE_SETTING,
    SetLine,
    Typesetting,
    heading_problems,
    held_alone,
    inside_word,
    measured_typesetting,
    over_limit,
    overprinted,
    page_type_size_problems,
    text_rows,
    typography_problems,
    wrong_start,
)
from pipeline.languages import profile_for
from pipeline.layouts import Layout, Page
from pipeline.model import Document, Figure, Heading, Metadata, Paragraph, SignOff, Span
from pipeline.pdf.glyphs import BLACK, GLYPHS, Glyph, shown_items, string_value
from pipeline.pdf.pages import IDENTITY, IMAGES, Content, Reading, multiply, with_ctm
from pipeline.pdf.registration import registration_space
from pipeline.writers.pdf.urls import picture_url, url_fetcher
from pipeline.writers.shaping import text_ems

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "layouts" / "fonts"
CMYK_PROFILE = ROOT / "layouts" / "print" / "colour" / "FOGRA39L-coated.icc"

# Repeated in the running head of every page: found once only if the margins are left out.
SHORT = "Reading rooms stayed open."
LONG = (
    "The extraordinarily comprehensive internationalisation programme strengthened "
    "the responsibilities of departmental administrators, notwithstanding "
    "unprecedented organisational reconfigurations — and it did so with a\u00a0no-break "
    "space and 2023-24 figures that librarians, archivists and conservationists "
    "considered incontrovertibly representative, with state-of-the-art, well-established, "
    "cross-departmental, long-standing and counter-terrorism work. "
)
DOCUMENT = Document(
    name="sample",
    metadata=Metadata(title="Annual Review", language="en-GB"),
    byline=None,
    blocks=(
        Heading("Opening the stacks"),
        Paragraph((Span(SHORT),)),
        Paragraph((Span("First: " + LONG * 3),)),
        Figure(1, (Span("Readers in the refurbished reading room."),), "photo.jpg",
               alt="Readers at long oak tables under the reading room's restored skylight."),
        Heading("Serving every reader"),
        Paragraph((Span("Then: " + LONG * 4, italic=True),)),
        Heading("Looking ahead", level=2),
        Paragraph((Span("The mobile library visited 60 villages."),)),
    ),
)
PAGE = Page(size="A5", margin_top_mm=20, margin_right_mm=15, margin_bottom_mm=20,
            margin_left_mm=15)
PRINT = Layout(name="print", folder=Path("print"), pdf_variant="pdf/x-4", total_ink_limit=330,
               page=dataclasses.replace(PAGE, bleed_mm=3.0))
SCREEN = Layout(name="screen", folder=Path("screen"), pdf_variant="pdf/ua-1", page=PAGE)


def html_for(document: Document, layout: Layout, *, marks: bool = False,
             image: Path | None = None) -> str:
    """The document as HTML, the page and colours set as a layout would set them."""
    page = layout.page
    cmyk = layout.pdf_variant == "pdf/x-4"
    colour = "device-cmyk(0 0 0 1)" if cmyk else "black"
    profile = (f"@color-profile device-cmyk {{ src: url({CMYK_PROFILE.as_uri()}); "
               "components: cyan, magenta, yellow, black }") if cmyk else ""
    body = []
    for index, block in enumerate(document.blocks):
        mark = f'data-block="{index}"'  # as the template marks blocks for the PDF writer
        if isinstance(block, Heading):
            body.append(f"<h{block.level + 1} {mark}>{block.text}</h{block.level + 1}>")
        elif isinstance(block, Figure):
            # Named as the PDF writer names a figure's picture, by its place under source/.
            picture = f'<img src="{picture_url(image.name)}" style="width: 40mm">' if image else ""
            body.append(f"<figure {mark}>{picture}<figcaption>Figure {block.number}. "
                        f"{block.text}</figcaption></figure>")
        else:
            body.append(f"<p {mark}>{block.text}</p>")
    return f"""<!DOCTYPE html>
<html lang="{document.metadata.language}"><head><meta charset="utf-8">
<title>{document.metadata.title}</title><style>
@font-face {{ font-family: Serif; src: url({(FONTS / "NotoSerif-Regular.ttf").as_uri()}) }}
@font-face {{ font-family: Serif; font-style: italic;
  src: url({(FONTS / "NotoSerif-Italic.ttf").as_uri()}) }}
{profile}
@page {{
  size: {page.width_mm}mm {page.height_mm}mm;
  margin: {page.margin_top_mm}mm {page.margin_right_mm}mm {page.margin_bottom_mm}mm
          {page.margin_left_mm}mm;
  bleed: {page.bleed_mm}mm; marks: {"crop" if marks else "none"};
  @top-center {{ content: "{SHORT}"; color: {colour}; font: 8pt Serif }}
  @bottom-center {{ content: counter(page); color: {colour}; font: 8pt Serif }}
}}
html {{ color: {colour}; font: 12pt/1.4 Serif }}
p {{ margin: 0 0 2mm; text-align: justify; hyphens: auto }}
</style></head><body><h1>{document.metadata.title}</h1>{"".join(body)}</body></html>"""


def render(document: Document, layout: Layout, **options) -> bytes:
    import weasyprint

    html = weasyprint.HTML(string=html_for(document, layout, **options),
                           url_fetcher=fetcher(options.get("image")))
    with own_faces() as font_config:
        data = html.write_pdf(pdf_variant=layout.pdf_variant, font_config=font_config)
    return identified(data) if layout.is_pdfx else data


@contextlib.contextmanager
def own_faces():
    """A font configuration of the test's own: its "Serif" face, registered in the process's
    shared one, would stand in for the generic serif of every layout rendered after it. Its
    copies of the faces are removed as it is done with: left to the collector, they could
    outlive the process, in the user's temporary folder."""
    from weasyprint.text.fonts import FontConfiguration

    from pipeline.writers.pdf.faces import remove_copied_faces

    configuration = FontConfiguration()
    try:
        yield configuration
    finally:
        remove_copied_faces(configuration)


def identified(data: bytes) -> bytes:
    """What the print finisher adds to WeasyPrint's PDF/X-4: the Info keys InDesign writes,
    the output intent's registry, and black set to overprint."""
    from pipeline.writers.pdf.print_ready import overprint_black

    with pikepdf.open(io.BytesIO(data)) as pdf:
        overprint_black(pdf)
        pdf.docinfo["/GTS_PDFXVersion"] = "PDF/X-4"
        pdf.docinfo["/Creator"] = "tests"
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["xmp:CreatorTool"] = "tests"
        for intent in pdf.Root.get("/OutputIntents", []):
            intent.RegistryName = "http://www.color.org"
        buffer = io.BytesIO()
        pdf.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def print_bytes() -> bytes:
    return render(DOCUMENT, PRINT)


def fetcher(image: Path | None):
    """The PDF writer's fetcher: the layouts' files, and the picture's folder as source/."""
    layouts = ROOT / "layouts"
    return url_fetcher(layouts, image.parent if image else layouts)


def tagged(document: Document, layout: Layout, **options) -> bytes:
    """A tagged edition as the PDF writer finishes it: artifacts, page labels, and the tag
    tree made the document's (paragraphs whole across pages)."""
    import weasyprint

    from pipeline.writers.pdf.placement import continued_pages
    from pipeline.writers.pdf.render import finished
    from pipeline.writers.pdf.structure_tree import tagging_of

    html = html_for(document, layout, **options)
    with own_faces() as font_config:
        laid_out = weasyprint.HTML(string=html, url_fetcher=fetcher(options.get("image"))
                                   ).render(pdf_variant=layout.pdf_variant, font_config=font_config)
        written = laid_out.write_pdf(pdf_variant=layout.pdf_variant)
    return finished(written, layout, "", continued_pages(laid_out.pages),
                    tagging=tagging_of(document, html))


@pytest.fixture(scope="module")
def picture(tmp_path_factory) -> Path:
    from PIL import Image

    path = tmp_path_factory.mktemp("picture") / "photo.png"
    Image.new("RGB", (300, 200), (40, 90, 140)).save(path)
    return path


@pytest.fixture(scope="module")
def screen_bytes(picture) -> bytes:
    return tagged(DOCUMENT, SCREEN, image=picture)


def write(tmp_path: Path, data: bytes, name: str = "sample.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def broken(tmp_path: Path, data: bytes, change) -> Path:
    """A copy of the PDF `data` with `change(pdf)` applied by pikepdf."""
    path = tmp_path / "broken.pdf"
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        pdf.save(path)
    return path


def failed(report: Report) -> set[str]:
    return {check.rule for check in report.checks if not check.passed}


def check(report: Report, rule: str) -> Check:
    return next(check for check in report.checks if check.rule == rule)


# --- good PDFs -------------------------------------------------------------------


def test_the_sample_spans_pages_and_is_hyphenated(print_bytes, tmp_path):
    """Otherwise the text rule would not be tested across page breaks, hyphens added at
    line ends (U+2010) and the text's own hyphens at line ends (U+0002 from pdfium)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(write(tmp_path, print_bytes))
    texts = [page.get_textpage().get_text_bounded() for page in document]
    document.close()
    assert len(texts) >= 3
    line_ends = [line for text in texts for line in text.splitlines()]
    assert any(line.endswith("\u2010") for line in line_ends)
    assert any("\x02" in text for text in texts)  # pdfium joins such a line to the next


def test_a_good_print_pdf_passes(print_bytes, tmp_path):
    report = preflight(write(tmp_path, print_bytes), DOCUMENT, PRINT)
    assert [c.rule for c in report.checks] == [
        "page-boxes", "output-intent", "pdfx-id", "no-rgb", "marks-outside-bleed",
        "pictures-on-page", "image-resolution", "image-resolution-print", "total-ink", "black-overprint",
        "fine-rules", "within-text-area", "pictures-supplied",
        "fonts-embedded", "bookmarks", "text-complete", "running-heads-and-folios",
        "no-overprinting", "typography", "measure", "balanced-headings",
    ]
    assert report.press_ready
    assert report.errors == [] and report.warnings == []


def test_a_good_screen_pdf_passes(screen_bytes, tmp_path):
    report = preflight(write(tmp_path, screen_bytes), DOCUMENT, SCREEN)
    assert [c.rule for c in report.checks] == [
        "tagged", "logical-structure", "language", "english-language",
        "simplified-chinese-language", "chinese-language", "display-title", "page-labels",
        "picture-descriptions", "within-text-area", "pictures-supplied", "fonts-embedded", "bookmarks", "text-complete",
        "running-heads-and-folios", "no-overprinting", "typography", "measure",
        "balanced-headings",
    ]
    assert report.errors == [] and report.warnings == []


@pytest.mark.parametrize("layout", [PRINT, SCREEN], ids=["print", "screen"])
def test_each_page_is_parsed_once_for_every_rule(print_bytes, screen_bytes, layout, tmp_path,
                                                 monkeypatch):
    """The rules that read the pages' content (glyphs, pictures, inks, marks, RGB operators)
    share one parse of each page: parsing is most of what reading costs."""
    parsed = []
    parse = pikepdf.parse_content_stream

    def counted(content, *options):
        if isinstance(content, pikepdf.Page):
            parsed.append(content.obj.objgen)
        return parse(content, *options)

    monkeypatch.setattr(pikepdf, "parse_content_stream", counted)
    path = write(tmp_path, print_bytes if layout is PRINT else screen_bytes)
    report = preflight(path, DOCUMENT, layout)
    assert report.errors == []
    with pikepdf.open(path) as pdf:
        assert sorted(parsed) == sorted(page.obj.objgen for page in pdf.pages)


def test_a_reading_no_rule_names_still_reads_every_page(print_bytes, tmp_path):
    """Naming its readers only saves parsing: a rule reads what it asks for either way."""
    with pikepdf.open(write(tmp_path, print_bytes)) as pdf:
        edition = Edition(tmp_path / "sample.pdf", pdf, DOCUMENT, PRINT)
        shown = edition.read(Reading(lambda content: len(content.instructions), "Tj TJ"))
        assert len(shown) == len(pdf.pages) and all(shown)
        every = edition.read(Reading(lambda content: len(content.instructions), ""))
        assert all(whole > part for whole, part in zip(every, shown, strict=True))
        assert len(edition.read(GLYPHS)) == len(pdf.pages)


def test_a_layout_without_a_variant_gets_the_common_rules():
    plain = dataclasses.replace(SCREEN, pdf_variant=None)
    assert [rule.name for rule in rules_for(plain)] == [
        "within-text-area", "pictures-supplied", "fonts-embedded", "bookmarks", "text-complete",
        "running-heads-and-folios",
        "no-overprinting", "typography", "measure", "balanced-headings"]


# --- print rules -----------------------------------------------------------------


def test_no_trim_box_fails_page_boxes(print_bytes, tmp_path):
    def change(pdf):
        del pdf.pages[1].obj["/TrimBox"]

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"page-boxes"}
    assert "page 2: no TrimBox" in check(report, "page-boxes").message


def test_a_bleed_box_without_the_bleed_fails_page_boxes(print_bytes, tmp_path):
    def change(pdf):
        pdf.pages[0].obj.BleedBox = pdf.pages[0].obj.TrimBox

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"page-boxes"}
    assert "page 1: BleedBox" in check(report, "page-boxes").message


def test_a_trim_box_of_another_size_fails_page_boxes(print_bytes, tmp_path):
    a4 = dataclasses.replace(PRINT, page=dataclasses.replace(PRINT.page, size="A4"))
    report = preflight(write(tmp_path, print_bytes), DOCUMENT, a4)
    assert "page-boxes" in failed(report)
    assert "is not A4" in check(report, "page-boxes").message


def test_a_slug_widens_the_media_box_only(print_bytes, tmp_path):
    slug = dataclasses.replace(PRINT, page=dataclasses.replace(PRINT.page, slug_mm=5.0))
    assert failed(preflight(write(tmp_path, print_bytes), DOCUMENT, slug)) == {"page-boxes"}

    def change(pdf):
        for page in pdf.pages:
            left, bottom, right, top = map(float, page.obj.MediaBox)
            by = 5 * 72 / 25.4
            page.obj.MediaBox = [left - by, bottom - by, right + by, top + by]

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, slug)
    assert report.errors == []


def test_no_output_intent_fails_output_intent(print_bytes, tmp_path):
    def change(pdf):
        del pdf.Root["/OutputIntents"]

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"output-intent"}


def test_an_rgb_output_profile_fails_output_intent(print_bytes, tmp_path):
    def change(pdf):
        # A new stream: the CMYK profile also serves the page's colour space.
        profile = pikepdf.Stream(pdf, bytes(16) + b"RGB " + bytes(108))
        profile.N = 3
        pdf.Root.OutputIntents[0].DestOutputProfile = profile

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"output-intent"}


def test_no_pdfx_version_in_xmp_fails_pdfx_id(print_bytes, tmp_path):
    def change(pdf):
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            del meta["{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"]

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"pdfx-id"}


def test_unknown_trapping_fails_pdfx_id(print_bytes, tmp_path):
    def change(pdf):
        del pdf.docinfo["/Trapped"]

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"pdfx-id"}


def append_content(pdf: pikepdf.Pdf, operators: bytes) -> None:
    pdf.pages[0].contents_add(pikepdf.Stream(pdf, operators))


def test_an_rg_operator_fails_no_rgb(print_bytes, tmp_path):
    report = preflight(
        broken(tmp_path, print_bytes, lambda pdf: append_content(pdf, b"q 1 0 0 rg Q")),
        DOCUMENT, PRINT)
    assert failed(report) == {"no-rgb"}
    assert "page 1: rg operator" in check(report, "no-rgb").message


def test_an_rgb_operator_in_a_nested_form_fails_no_rgb(print_bytes, tmp_path):
    def change(pdf):
        inner = pikepdf.Stream(pdf, b"0 0 1 RG 0 0 m 1 1 l S")
        inner.Type, inner.Subtype, inner.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 1, 1]
        outer = pikepdf.Stream(pdf, b"/Inner Do")
        outer.Type, outer.Subtype, outer.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 1, 1]
        outer.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Inner=inner))
        pdf.pages[0].Resources.XObject.Outer = pdf.make_indirect(outer)
        append_content(pdf, b"q /Outer Do Q")

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"no-rgb"}
    assert "page 1 form /Outer form /Inner: RG operator" in check(report, "no-rgb").message


def test_a_device_rgb_colour_space_fails_no_rgb(print_bytes, tmp_path):
    def change(pdf):
        pdf.pages[0].Resources.ColorSpace.Screen = pikepdf.Name.DeviceRGB

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"no-rgb"}
    assert "colour space /Screen is RGB" in check(report, "no-rgb").message


def test_an_rgb_transparency_group_fails_no_rgb(print_bytes, tmp_path):
    def change(pdf):
        pdf.pages[0].obj.Group = pikepdf.Dictionary(
            Type=pikepdf.Name.Group, S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceRGB)

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"no-rgb"}


def test_an_rgb_icc_colour_space_fails_no_rgb(print_bytes, tmp_path):
    def change(pdf):
        profile = pikepdf.Stream(pdf, b"not read: /N decides")
        profile.N = 3
        pdf.pages[0].Resources.ColorSpace.Photo = pikepdf.Array([pikepdf.Name.ICCBased, profile])

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"no-rgb"}


def test_an_rgb_inline_image_fails_no_rgb_and_warns_of_its_resolution(print_bytes, tmp_path):
    def change(pdf):
        append_content(pdf, b"q 10 0 0 10 0 0 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID \xff\x00\x00 EI Q")

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"no-rgb", "image-resolution"}
    assert check(report, "no-rgb").message == "page 1: RGB inline image"
    assert check(report, "image-resolution").message == "page 1: image (inline) (1 x 1 px) at 7 ppi"


def test_device_rgb_set_by_name_fails_no_rgb(print_bytes, tmp_path):
    report = preflight(
        broken(tmp_path, print_bytes, lambda pdf: append_content(pdf, b"/DeviceRGB cs")),
        DOCUMENT, PRINT)
    assert failed(report) == {"no-rgb"}


def test_weasyprint_crop_marks_are_rgb(tmp_path):
    """WeasyPrint 70 draws crop marks in RGB: no-rgb must catch it until the renderer
    draws them in CMYK."""
    report = preflight(write(tmp_path, render(DOCUMENT, PRINT, marks=True)), DOCUMENT, PRINT)
    assert failed(report) == {"no-rgb"}


def cmyk_jpeg(tmp_path: Path, size: int) -> Path:
    path = tmp_path / f"photo-{size}.jpg"
    Image.new("CMYK", (size, size), (40, 10, 0, 0)).save(path, "JPEG")
    return path


@pytest.mark.parametrize(("pixels", "expected"), [
    (60, ("error", "38 ppi")),  # 40 mm wide: 60 px is 38 ppi
    (300, ("warning", "191 ppi")),
    (600, None),  # 381 ppi
])
def test_coarse_pictures_are_an_error_and_soft_ones_a_warning(tmp_path, pixels, expected):
    picture = cmyk_jpeg(tmp_path, pixels)
    document = dataclasses.replace(DOCUMENT, blocks=tuple(
        dataclasses.replace(block, image=picture.name) if isinstance(block, Figure) else block
        for block in DOCUMENT.blocks))
    data = render(document, PRINT, image=picture)
    report = preflight(write(tmp_path, data), document, PRINT, source_dir=tmp_path)
    if expected is None:
        assert failed(report) == set() and report.press_ready
        return
    severity, resolution = expected
    found = report.errors if severity == "error" else report.warnings
    assert [check.rule for check in found] == [
        "image-resolution" if severity == "error" else "image-resolution-print"]
    # Named by its file, with its size and its effective resolution.
    assert found[0].message.endswith(f": {picture.name} ({pixels} x {pixels} px) at {resolution}")
    assert report.press_ready == (severity == "warning")


def test_a_figure_without_a_picture_makes_a_proof_not_an_error(print_bytes, tmp_path):
    document = dataclasses.replace(DOCUMENT, blocks=tuple(
        dataclasses.replace(block, image=None) if isinstance(block, Figure) else block
        for block in DOCUMENT.blocks))
    report = preflight(write(tmp_path, print_bytes), document, PRINT)
    assert failed(report) == {"pictures-supplied"}
    assert report.errors == [] and not report.press_ready
    assert check(report, "pictures-supplied").message == (
        "figure 1 has no picture ('Readers in the refurbished reading room.')")
    assert report.to_json()["press_ready"] is False


@pytest.mark.parametrize("painted", [
    "{left_1} {bottom} m {left_20} {bottom} l S",  # a hairline starting 1 pt from the trim
    "{left_20} {bottom} 19 2 re f",  # a filled target, its corner 1 pt from the trim
])
def test_a_mark_inside_the_bleed_fails_marks_outside_bleed(print_bytes, tmp_path, painted):
    def change(pdf):
        page = pdf.pages[0]
        left, bottom = float(page.trimbox[0]), float(page.trimbox[1])
        where = painted.format(left_1=left - 1, left_20=left - 20, bottom=bottom)
        # In registration colour, as the print edition's own marks are: inside a 3 mm bleed.
        page.add_resource(registration_space(pdf), pikepdf.Name.ColorSpace,
                          pikepdf.Name.Registration)
        append_content(pdf, f"q 0.25 w /Registration CS 1 SCN /Registration cs 1 scn "
                            f"{where} Q".encode())

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"marks-outside-bleed"}


def test_marks_in_cmyk_at_full_ink_on_every_plate_fail_total_ink(print_bytes, tmp_path):
    """A mark drawn in CMYK 100/100/100/100 is 400 % ink to a printer's preflight, wherever
    it lies: only the registration colorant is known as marks; and a hairline in four inks
    (fine-rules, a warning)."""
    def change(pdf):
        page = pdf.pages[0]
        left, bottom = float(page.mediabox[0]), float(page.mediabox[1])
        append_content(pdf, f"q 0.25 w 1 1 1 1 K {left + 1} {bottom + 1} m {left + 9} "
                            f"{bottom + 1} l S Q".encode())

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"total-ink", "fine-rules"}


def test_a_parse_of_some_operators_keeps_the_transformations():
    """A reading names the operators it reads; q, Q and cm are kept for the CTM."""
    pdf = pikepdf.new()
    stream = pikepdf.Stream(pdf, b"q 2 0 0 2 10 10 cm 0 0 m 1 1 l S q 1 0 0 1 5 0 cm /Im Do Q"
                                 b" /Im Do Q /Im Do")
    placed = [ctm for _, operator, ctm in with_ctm(stream, operators="Do") if operator == "Do"]
    assert placed == [(2.0, 0.0, 0.0, 2.0, 20.0, 10.0), (2.0, 0.0, 0.0, 2.0, 10.0, 10.0),
                      IDENTITY]
    assert {operator for _, operator, _ in with_ctm(stream, operators="Do")} == {
        "q", "Q", "cm", "Do"}


def test_a_shown_array_is_read_as_pikepdf_reads_its_items():
    """A TJ array's strings and numbers, as the array is written out, read as what pikepdf
    makes of each item: escapes, octal codes, parentheses and spaces in literal strings,
    hexadecimal strings, integers and reals however written."""
    pdf = pikepdf.new()
    stream = pikepdf.Stream(pdf, rb"BT [(a\(b\) c\\d) -12 <00570003> .5 (\n\r\t\b\f\101\7x) "
                                 rb"-3. () 250 <> (\351t\351 \)\() +4.25 (x(y)" b"\nz)] TJ ET")
    array = next(operands[0] for operands, operator, _ in with_ctm(stream) if operator == "TJ")
    expected = [bytes(item) if isinstance(item, pikepdf.String) else float(item)
                for item in array]
    assert [string_value(item) if item[:1] in (b"<", b"(") else float(item)
            for item in shown_items(array)] == expected
    assert expected[0] == b"a(b) c\\d" and expected[4] == b"\n\r\t\b\fA\x07x"


def test_a_shown_array_of_hexadecimal_and_empty_strings_is_read_as_pikepdf_reads_it():
    """The arrays the finisher writes, hexadecimal strings and numbers with empty literal
    strings between (read by splitting them where they are written apart), are read as
    pikepdf reads their items; so is one that nests an array."""
    pdf = pikepdf.new()
    stream = pikepdf.Stream(pdf, b"BT [<0037> 4.89 () 5.1 <004b0048> -12 () -3. <> .5] TJ "
                                 b"[<0037> [1 2] 3] TJ ET")
    arrays = [operands[0] for operands, operator, _ in with_ctm(stream) if operator == "TJ"]
    assert [string_value(item) if item[:1] in (b"<", b"(") else float(item)
            for item in shown_items(arrays[0])] == [
        bytes(item) if isinstance(item, pikepdf.String) else float(item) for item in arrays[0]]
    assert shown_items(arrays[1]) == [b"<0037>", b"1", b"2", b"3"]


def test_a_font_shown_on_several_pages_is_read_once_for_them():
    """The pages of a PDF read together share what is read of a font (its widths decoded
    once), and each places the font's glyphs by its widths as a page read alone does."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType,
        BaseFont=pikepdf.Name("/ABCDEF+Serif"), FirstChar=65, Widths=[500, 600]))
    pages = []
    for text in (b"(AB)", b"(BA)"):
        pdf.add_blank_page()
        page = pdf.pages[-1]
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.Contents = pdf.make_stream(b"BT /F1 10 Tf 0 0 Td " + text + b" Tj ET")
        pages.append(page)
    maps, fonts = {}, {}
    shared = [GLYPHS.read(Content.read(page, page.obj, maps, GLYPHS.operators, fonts))
              for page in pages]
    alone = [GLYPHS.read(Content.read(page, page.obj, {})) for page in pages]
    assert shared == alone
    assert [(glyph.text, glyph.font, glyph.advance) for glyph in shared[1]] == [
        ("", "Serif", 6.0), ("", "Serif", 5.0)]
    assert list(fonts) == [font.objgen]


def test_glyphs_drawn_over_others_are_found_and_touching_ones_are_not():
    """A line set glyph after glyph, each where the one before ends or kerned a little into
    it, overprints nowhere; a glyph drawn over one further along, or a line set 3 pt below
    another, is found."""
    def glyph(text: str, x: float, y: float = 100.0) -> Glyph:
        return Glyph(text, "Noto Serif", "NotoSerif-Regular", 10.0, BLACK, x, y, 5.0, x + 5.0)

    line = [glyph(letter, 50.0 + 5 * index - 0.3 * (index % 2))
            for index, letter in enumerate("kerning")]
    assert list(overprinted(line)) == []
    over = glyph("x", 61.0)
    assert list(overprinted([*line, over])) == [(line[2], over)]
    below = [glyph(letter, 50.0 + 5 * index, 97.0) for index, letter in enumerate("kerning")]
    assert len(list(overprinted(line + below))) == 7


def test_a_pair_kerned_deep_into_a_narrow_mark_is_no_overprint():
    """A comma after an italic r, kerned 0.17 em into it (Noto Serif Italic: "Chair, …"),
    covers most of its own narrow advance but draws apart from it; drawn half an em further
    left, it covers the r."""
    def glyph(text: str, x: float, advance: float) -> Glyph:
        return Glyph(text, "Noto Serif", "NotoSerif-Italic", 11.0, BLACK, x, 645.3, advance,
                     x + advance)

    r = glyph("r", 113.91, 5.15)
    assert list(overprinted([r, glyph(",", 117.18, 2.75), glyph(" ", 119.93, 2.86)])) == []
    comma = glyph(",", 114.4, 2.75)
    assert list(overprinted([r, comma])) == [(r, comma)]


def test_ppi_follows_scale_rotation_and_forms():
    scale = (72 * 2, 0, 0, 72, 100, 100)  # 2 in wide, 1 in high
    assert ppi(600, 600, scale) == 300
    quarter_turn = (0, 1, -1, 0, 0, 0)
    assert ppi(600, 600, multiply(scale, quarter_turn)) == 300
    assert ppi(600, 600, multiply(scale, (0.5, 0, 0, 0.5, 0, 0))) == 600
    assert multiply(IDENTITY, scale) == scale


# --- tagged rules ----------------------------------------------------------------


def test_no_struct_tree_fails_tagged(screen_bytes, tmp_path):
    def change(pdf):
        del pdf.Root["/StructTreeRoot"]

    report = preflight(broken(tmp_path, screen_bytes, change), DOCUMENT, SCREEN)
    assert failed(report) == {"tagged"}


def test_unmarked_content_fails_tagged(screen_bytes, tmp_path):
    def change(pdf):
        pdf.Root.MarkInfo.Marked = False

    report = preflight(broken(tmp_path, screen_bytes, change), DOCUMENT, SCREEN)
    assert failed(report) == {"tagged"}


def test_no_language_fails_language(screen_bytes, tmp_path):
    def change(pdf):
        del pdf.Root["/Lang"]

    report = preflight(broken(tmp_path, screen_bytes, change), DOCUMENT, SCREEN)
    assert failed(report) == {"language"}


def test_another_language_fails_language(screen_bytes, tmp_path):
    french = dataclasses.replace(
        DOCUMENT, metadata=dataclasses.replace(DOCUMENT.metadata, language="fr-FR"))
    report = preflight(write(tmp_path, screen_bytes), french, SCREEN)
    assert failed(report) == {"language"}
    assert check(report, "language").message == "catalog /Lang is 'en-GB', not 'fr-FR'"


def test_no_viewer_preferences_fails_display_title(screen_bytes, tmp_path):
    def change(pdf):
        del pdf.Root["/ViewerPreferences"]

    report = preflight(broken(tmp_path, screen_bytes, change), DOCUMENT, SCREEN)
    assert failed(report) == {"display-title"}


def test_another_title_fails_display_title(screen_bytes, tmp_path):
    retitled = dataclasses.replace(
        DOCUMENT, metadata=dataclasses.replace(DOCUMENT.metadata, title="Other Review"))
    report = preflight(write(tmp_path, screen_bytes), retitled, SCREEN)
    assert failed(report) == {"display-title"}


def test_no_page_labels_fails_page_labels(screen_bytes, tmp_path):
    def change(pdf):
        del pdf.Root["/PageLabels"]

    report = preflight(broken(tmp_path, screen_bytes, change), DOCUMENT, SCREEN)
    assert failed(report) == {"page-labels"}


# --- common rules ----------------------------------------------------------------


def test_a_font_without_its_file_fails_fonts_embedded(print_bytes, tmp_path):
    def change(pdf):
        font = next(iter(pdf.pages[0].Resources.Font.values()))
        del font.DescendantFonts[0].FontDescriptor["/FontFile2"]

    report = preflight(broken(tmp_path, print_bytes, change), DOCUMENT, PRINT)
    assert failed(report) == {"fonts-embedded"}
    assert "is not embedded" in check(report, "fonts-embedded").message


def test_a_missing_outline_item_fails_bookmarks(screen_bytes, tmp_path):
    def change(pdf):
        with pdf.open_outline() as outline:
            title = outline.root[0]  # the title, its sections beneath it
            title.children[:] = [item for item in title.children
                                 if item.title != "Opening the stacks"]

    report = preflight(broken(tmp_path, screen_bytes, change), DOCUMENT, SCREEN)
    assert failed(report) == {"bookmarks"}
    assert check(report, "bookmarks").message == (
        "heading missing from the outline: 'Opening the stacks'")


def test_headings_out_of_order_fail_bookmarks(screen_bytes, tmp_path):
    swapped = dataclasses.replace(
        DOCUMENT, blocks=(DOCUMENT.blocks[4], *DOCUMENT.blocks[:4], *DOCUMENT.blocks[5:]))
    report = preflight(write(tmp_path, screen_bytes), swapped, SCREEN)
    assert "bookmarks" in failed(report)
    assert "out of order in the outline: 'Opening the stacks'" in (
        check(report, "bookmarks").message)


def without(document: Document, index: int) -> Document:
    return dataclasses.replace(
        document, blocks=document.blocks[:index] + document.blocks[index + 1:])


def test_a_dropped_paragraph_fails_text_complete(tmp_path, picture):
    data = tagged(without(DOCUMENT, 5), SCREEN, image=picture)
    report = preflight(write(tmp_path, data), DOCUMENT, SCREEN)
    # Missing from the text, and from the tag tree: a P fewer than the paragraphs.
    assert failed(report) == {"text-complete", "logical-structure"}
    assert check(report, "text-complete").message.startswith("paragraph 3 missing: ")
    assert check(report, "logical-structure").message.startswith("3 P elements for 4 paragraphs")


def test_a_duplicated_paragraph_fails_text_complete(tmp_path):
    twice = dataclasses.replace(DOCUMENT, blocks=(*DOCUMENT.blocks, DOCUMENT.blocks[1]))
    report = preflight(write(tmp_path, render(twice, PRINT)), DOCUMENT, PRINT)
    assert failed(report) == {"text-complete"}
    assert check(report, "text-complete").message == (
        f"paragraph 1 printed 2 times: {SHORT!r}")


def with_short_paragraphs(*texts: str) -> Document:
    """The sample with one-letter paragraphs (a list item "a", a drop cap "D", the word
    "I") after its first long paragraph: their letters stand in every other word."""
    blocks = list(DOCUMENT.blocks)
    blocks[3:3] = [Paragraph((Span(text),)) for text in texts]
    return dataclasses.replace(DOCUMENT, blocks=tuple(blocks))


def test_one_letter_paragraphs_are_counted_as_blocks_not_letters(tmp_path):
    document = with_short_paragraphs("a", "D", "I")
    report = preflight(write(tmp_path, render(document, PRINT)), document, PRINT)
    assert check(report, "text-complete").passed, check(report, "text-complete").message


def test_a_one_letter_paragraph_printed_twice_is_found(tmp_path):
    document = with_short_paragraphs("a", "D", "I")
    printed = with_short_paragraphs("a", "D", "I", "I")
    report = preflight(write(tmp_path, render(printed, PRINT)), document, PRINT)
    assert check(report, "text-complete").message == "paragraph 5 printed 2 times: 'I'"


def test_a_paragraph_repeating_the_title_is_in_order_after_the_title(tmp_path):
    """A closing paragraph reading as the title does (the organisation's name, say) is
    found where it stands, not in the title's place: the two are told apart by their order."""
    closing = dataclasses.replace(
        DOCUMENT, blocks=(*DOCUMENT.blocks, Paragraph((Span(DOCUMENT.metadata.title),))))
    report = preflight(write(tmp_path, render(closing, PRINT)), closing, PRINT)
    assert check(report, "text-complete").passed, check(report, "text-complete").message


def test_a_dropped_caption_fails_text_complete(tmp_path):
    report = preflight(write(tmp_path, render(without(DOCUMENT, 3), PRINT)), DOCUMENT, PRINT)
    assert failed(report) == {"text-complete"}
    assert check(report, "text-complete").message.startswith("figure 1 caption missing")


def test_paragraphs_out_of_order_fail_text_complete(print_bytes, tmp_path):
    last, first = DOCUMENT.blocks[-1], DOCUMENT.blocks[1]
    reordered = dataclasses.replace(
        DOCUMENT, blocks=(DOCUMENT.blocks[0], last, *DOCUMENT.blocks[2:-1], first))
    report = preflight(write(tmp_path, print_bytes), reordered, PRINT)
    assert failed(report) == {"text-complete"}
    assert "paragraph 4 out of order" in check(report, "text-complete").message


def test_normalised_text_ignores_spaces_and_hyphens():
    assert normalised("2023-24 no\u00a0break,\nhy\u2010phen\u00adated super\x02connector ﬁ") == (
        "202324nobreak,hyphenatedsuperconnectorfi")


# --- the report ------------------------------------------------------------------


def test_the_report_in_json():
    report = Report(Path("output/x/x-print.pdf"), "print", (
        Check("page-boxes", "error", False, "page 1: no TrimBox"),
        Check("image-resolution", "warning", False, "page 2: image /im1 at 120 ppi"),
        Check("fonts-embedded", "error", True, "ok"),
    ), pages=2)
    assert [c.rule for c in report.errors] == ["page-boxes"]
    assert [c.rule for c in report.warnings] == ["image-resolution"]
    data = report.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["pdf"] == "x-print.pdf" and data["errors"] == 1 and data["warnings"] == 1
    assert data["pages"] == 2
    assert data["checks"][2] == {"rule": "fonts-embedded", "severity": "error", "passed": True,
                                 "message": "ok", "problems": []}


def test_a_failed_check_says_what_failed_before_what_its_rule_measured():
    """A warning's cause comes first, the measurements after it: a line cut short (the
    console's) never hides the cause behind "8 full lines justified …"."""
    def problems(edition):
        return ["page 20 20% empty", "page 31 24% empty"]

    def summary(edition):
        return ("8 full lines justified between their characters; hyphen ladder of 0 at most; "
                "2 pages but the last over 15% empty")

    result = run_rule(Rule("typography", "warning", problems, summary), edition=None)
    assert result.message == (
        "page 20 20% empty; page 31 24% empty (measured: 8 full lines justified between their "
        "characters; hyphen ladder of 0 at most; 2 pages but the last over 15% empty)")
    assert result.problems == ("page 20 20% empty", "page 31 24% empty")
    passed = run_rule(Rule("typography", "warning", lambda edition: [], summary), None)
    assert passed.message == summary(None) and passed.problems == ()


def test_a_long_list_of_problems_is_cut_short():
    def problems(edition):
        return [f"page {number}: no TrimBox" for number in (1, 1, 2, 3, 4, 5, 6, 7, 8)]

    result = run_rule(Rule("page-boxes", "error", problems), edition=None)
    assert not result.passed
    assert result.message == "; ".join(
        [f"page {number}: no TrimBox" for number in range(1, 6)] + ["and 3 more"])
    assert len(result.problems) == 8  # the report keeps them all


def test_a_proofs_picture_to_come_is_apparatus_not_a_paragraph_printed_twice(tmp_path):
    """The words in a missing picture's box are claimed before the document's: a paragraph
    reading "Picture 1" is still printed once."""
    from pipeline.layouts import load_layout
    from pipeline.writers.pdf.render import render_pdf

    document = Document("proof", Metadata(title="Proof"), None, (
        Paragraph((Span("The quay is photographed at dawn."),)),
        Figure(1, (Span("The quay at dawn."),)),
        Paragraph((Span("Picture 1"),)),
    ))
    layout = load_layout(ROOT / "layouts", "print")
    pdf = write(tmp_path, render_pdf(document, layout, tmp_path))
    text = check(preflight(pdf, document, layout), "text-complete")
    assert text.passed, text.message


@pytest.mark.parametrize("content", [b"q /DeviceCMYK cs 1 1 1 1 scn 0 0 9 9 re f Q",
                                     b"q 0.9 0.9 0.9 1 k 0 0 9 9 re f Q",
                                     b"q /DeviceCMYK CS 1 1 1 0.5 SCN 0 0 m 9 9 l S Q"])
def test_a_colour_over_the_ink_limit_fails_total_ink(print_bytes, tmp_path, content):
    """However the colour is set: WeasyPrint sets every CSS colour by cs and scn."""
    report = preflight(broken(tmp_path, print_bytes, lambda pdf: append_content(pdf, content)),
                       DOCUMENT, PRINT)
    assert failed(report) == {"total-ink"}
    assert check(report, "total-ink").message.startswith("page 1: a CMYK colour of ")


def test_the_layouts_own_colours_pass_total_ink(print_bytes, tmp_path):
    report = preflight(write(tmp_path, print_bytes), DOCUMENT, PRINT)
    assert check(report, "total-ink").passed
    content = b"q /DeviceCMYK cs 0 0 0 1 scn 0 0 9 9 re f Q"
    report = preflight(broken(tmp_path, print_bytes, lambda pdf: append_content(pdf, content)),
                       DOCUMENT, PRINT)
    assert check(report, "total-ink").passed  # 100 % black


def test_a_text_is_found_as_it_stands_and_as_a_pattern_at_the_same_unclaimed_place():
    from pipeline.checks.preflight.common_rules import Printed, unclaimed_place

    text = "Ward 1. Ward 11. Ward 1. (a+b)"
    claimed = bytearray(len(text))
    claimed[0:7] = b"\1" * 7  # the first "Ward 1." is another block's
    for wanted in ("Ward 1.", "(a+b)", "Ward 2."):
        item = Printed.of("paragraph", wanted)
        assert isinstance(item.sought, str)
        assert unclaimed_place(text, item.sought, claimed) == unclaimed_place(
            text, re.compile(item.pattern), claimed)
    assert unclaimed_place(text, "Ward 1.", claimed) == (17, 24)


@pytest.mark.parametrize(("tags", "problems"), [
    (["H1", "P", "H2", "H3", "H2", "H1"], []),
    (["H1", "P", "H3"], ["H3 follows H1, skipping a level"]),
    (["H2", "H3"], ["the first heading is H2, not H1"]),
    (["P", "L"], []),
])
def test_numbered_headings_open_on_h1_and_skip_no_level(tags, problems):
    from pipeline.checks.preflight.tagged_rules import heading_level_problems

    root = pikepdf.Dictionary(S=pikepdf.Name.Document)
    elements = [(pikepdf.Dictionary(S=pikepdf.Name("/" + tag)), root) for tag in tags]
    assert heading_level_problems(elements) == problems


def test_a_page_over_the_limit_is_said_to_be_over_it():
    """A page 15.4 % empty fails for being over 15 %: the share said shows it over, never
    rounded down to the limit itself; a share well over it is said in whole per cents."""
    measured = Typesetting(spaces=(), widest=0.0, full_lines=0, spread_lines=0,
                           measured_lines=0, hyphenated=0, ladder=0,
                           empty_pages=((1, 0.1542), (3, 0.2049), (4, 0.15004)))
    edition = Edition(Path("x.pdf"), None, DOCUMENT, PRINT, cache={"typesetting": measured})
    assert typography_problems(edition) == [
        "page 1 15.4% empty", "page 3 20% empty", "page 4 15.004% empty"]
    assert over_limit(0.1500001, 0.15) == "just over 15%"


@pytest.mark.parametrize(("shapes", "flagged"), [
    # A wide table turned in the text: the page left empty before it is counted, as any other.
    ("PPLPP", [2]),
    # Turned pages in a row: a turned page, ending where its table does, is not counted.
    ("PPLLPP", [2]),
    # A wide table closing the piece: the page before it is the text's last page.
    ("PPL", []),
])
def test_a_page_left_empty_before_a_turned_page_is_counted(shapes, flagged):
    """A page turned on its side (P upright, L turned), as large print sets a table too wide
    for the measure, ends where its table does; the page before it is counted like any other
    (the text after the table could have filled it), unless it is the text's last page. The
    second page and each turned one here are 40 % empty, the rest full."""
    pdf = pikepdf.new()
    for shape in shapes:
        pdf.add_blank_page(page_size=(595, 842) if shape == "P" else (842, 595))
    empty = [0.4 if number == 1 or shape == "L" else 0.02 for number, shape in enumerate(shapes)]
    readings = {PAGE_SETTING: [([], share, 10) for share in empty], IMAGES: [[] for _ in shapes]}
    edition = Edition(Path("x.pdf"), pdf, DOCUMENT, PRINT, cache={"readings": readings})
    assert [page for page, _ in measured_typesetting(edition).empty_pages] == flagged


@pytest.mark.parametrize(("before", "flagged"), [
    # A paragraph's last two lines went over with the sign-off: the page before is excused.
    (["of the year behind us and the", "year to come."], []),
    # A short paragraph went over whole, under its heading (not body text).
    (["We thank every member of staff", "and every volunteer for a year", "of work we",
      "shall remember."], []),
    # A whole section stands over the sign-off: the page before was never left short for it.
    ([f"line {number} of the section's two paragraphs" for number in range(9)], [3]),
])
def test_the_page_before_the_last_is_excused_only_for_the_lines_gone_over_with_the_sign_off(
        before, flagged):
    """The page before the last may be left up to a quarter empty only where the letter's
    last lines went over with its sign-off (the placement's pushed_over): not where the last
    page holds a section of its own before it, a heading that did not fit with its lines
    having gone over (it had been excused whenever the last page held the sign-off)."""
    sign_off = ["Margaret Ellery", "Chair of Trustees"]
    document = dataclasses.replace(DOCUMENT, blocks=(
        *DOCUMENT.blocks, SignOff(tuple((Span(line),) for line in sign_off))))
    last = [SetLine(4, ((0.0, 10.0),), text, False, (0.0, 100.0)) for text in before + sign_off]
    pdf = pikepdf.new()
    for _ in range(4):
        pdf.add_blank_page(page_size=(595, 842))
    readings = {PAGE_SETTING: [([], 0.02, 40), ([], 0.02, 40), ([], 0.17, 33), (last, 0.5, 20)],
                IMAGES: [[] for _ in range(4)]}
    edition = Edition(Path("x.pdf"), pdf, document, PRINT, cache={"readings": readings})
    assert [page for page, _ in measured_typesetting(edition).empty_pages] == flagged


def test_word_spaces_at_the_limit_to_the_hundredth_are_within_it():
    """Spaces the message reads as the limit are within it: one in twenty at 0.4503 em had
    been `0.45 em or wider, over 0.45 em`, the widest at 0.6004 em `0.60 em, over 0.6 em`."""
    spaces = (0.3,) * 18 + (0.4503, 0.6004)
    measured = Typesetting(spaces=spaces, widest=0.6004, full_lines=5, spread_lines=0,
                           measured_lines=5, hyphenated=0, ladder=0, empty_pages=())
    edition = Edition(Path("x.pdf"), None, DOCUMENT, PRINT, cache={"typesetting": measured})
    assert typography_problems(edition) == []


def test_a_line_of_one_or_two_gaps_across_the_measure_is_no_line_of_word_spaces():
    """A table's heads broken over two lines set the first words of two columns on one
    baseline, across the measure (`On` and `Leakage`, 5.5 em apart), and a row of three
    cells is as even: no line of running text, their gaps no word spaces. A ragged
    edition's summary had read `95 % under 5.52 em … the widest 0.26 em` and failed the
    edition for a word space it never set; a line of words, four spaces even, counts."""
    size = PRINT.body_size_pt
    measure = (0.0, 400.0)

    def words(*starts: float) -> tuple[tuple[float, float], ...]:
        return tuple((start, start + 40.0) for start in starts)

    heads = SetLine(1, ((0.0, 12.0), (400.0 - 40.0, 400.0)), "On Leakage", True, measure)
    row = SetLine(1, words(0.0, 180.0, 360.0), "Wan Chai 7.1% 2.90", True, measure)
    spaced = 40.0 + 0.3 * size
    line = SetLine(1, words(*(index * spaced for index in range(5))), "a line of five words",
                   True, (0.0, 4 * spaced + 40.0))
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    readings = {PAGE_SETTING: [([heads, row, line], 0.02, 40)], IMAGES: [[]]}
    edition = Edition(Path("x.pdf"), pdf, DOCUMENT, PRINT, cache={"readings": readings})
    measured = measured_typesetting(edition)
    assert measured.full_lines == 1
    assert measured.spaces == pytest.approx((0.3,) * 4)
    assert measured.widest == pytest.approx(0.3)


def test_a_word_space_over_the_limit_is_said_with_its_line():
    """A loose line is named, page and words, so the typesetter finds it."""
    measured = Typesetting(spaces=(0.3, 0.75), widest=0.75, full_lines=1, spread_lines=0,
                           measured_lines=1, hyphenated=0, ladder=0, empty_pages=(),
                           widest_line="page 2, 'Dr Fiona Ashworth, Chief Executive of th…'")
    edition = Edition(Path("x.pdf"), None, DOCUMENT, PRINT, cache={"typesetting": measured})
    assert typography_problems(edition)[0] == (
        "a word space of 0.75 em, over 0.6 em (page 2, 'Dr Fiona Ashworth, Chief Executive of"
        " th…')")


@pytest.mark.parametrize(("texts", "sign_off", "held"), [
    (["Margaret LAU", "Chairman"], ["Margaret LAU", "Chairman"], "only the sign-off"),
    (["陳志明", "東區水務諮詢委員會主席", "二〇二五年六月"],
     ["陳志明", "東區水務諮詢委員會主席", "二〇二五年六月"], "only the sign-off"),
    (["the year's last words."], [], "a single line"),
    (["and a paragraph's end.", "Margaret LAU", "Chairman"], ["Margaret LAU", "Chairman"], ""),
])
def test_a_last_page_holding_a_line_or_the_sign_off_alone_is_said(texts, sign_off, held):
    """A typesetter's fault the mends leave only where the page before would be too empty:
    the check says so, as it says what else the house style misses."""
    closing = (SignOff(tuple((Span(line),) for line in sign_off)),) if sign_off else ()
    document = dataclasses.replace(DOCUMENT, blocks=(*DOCUMENT.blocks, *closing))
    lines = [SetLine(2, ((0.0, 10.0),), text, False, (0.0, 100.0)) for text in texts]
    assert held_alone(lines, len(lines), document) == held
    measured = Typesetting(spaces=(), widest=0.0, full_lines=0, spread_lines=0,
                           measured_lines=0, hyphenated=0, ladder=0, empty_pages=(),
                           lone_last_page=held)
    edition = Edition(Path("x.pdf"), None, document, PRINT, cache={"typesetting": measured})
    assert typography_problems(edition) == ([f"the last page holds {held}"] if held else [])


@pytest.mark.parametrize(("lines", "alone"), [
    (["Keeping the", "reading rooms open"], ""),
    (["Keeping the reading rooms", "open"], "open"),
    (["Keeping", "the reading rooms open"], "Keeping"),
    (["Keeping the", "reading", "rooms open to all"], "reading"),
    # Too few words for two a line, but the word alone would fit with the line before it.
    (["Keeping the", "reading", "rooms open"], "reading"),
    (["Serving every", "reader"], "reader"),
])
def test_a_heading_with_a_word_alone_on_a_line_is_said(lines, alone, tmp_path):
    """As a typesetter sees it on the page, whatever the writer meant: the heading's lines
    are read from the glyphs, and a heading of words enough for two a line sets none alone,
    nor a word alone that would fit on the line before or after it."""
    text = " ".join(lines)
    document = dataclasses.replace(DOCUMENT, blocks=(Heading(text), *DOCUMENT.blocks[1:4]))
    html = html_for(document, SCREEN).replace(f">{text}<", f">{' <br>'.join(lines)}<")
    import weasyprint

    with own_faces() as font_config:
        data = weasyprint.HTML(string=html, url_fetcher=fetcher(None)).write_pdf(
            font_config=font_config)
    with pikepdf.open(write(tmp_path, data)) as pdf:
        problems = heading_problems(Edition(tmp_path / "sample.pdf", pdf, document, SCREEN))
    assert problems == ([f"page 1: the heading {text!r} sets {alone!r} alone on a line of "
                         f"its {len(lines)}"] if alone else [])


def test_an_english_heading_in_a_text_read_as_chinese_is_read_as_english(tmp_path):
    """A bilingual release read as Chinese, its English headline set on two lines parted at
    a space: balanced as English is, no fault (it had been read as Chinese, whose lines
    start nowhere inside a run of Latin letters run together)."""
    lines = ["Harbour trust opens its archive of", "ferry crews’ voices to the public"]
    text = " ".join(lines)
    metadata = dataclasses.replace(DOCUMENT.metadata, language="zh-HK")
    document = dataclasses.replace(DOCUMENT, metadata=metadata,
                                   blocks=(Heading(text), *DOCUMENT.blocks[1:4]))
    html = html_for(document, SCREEN).replace(f">{text}<", f">{' <br>'.join(lines)}<")
    import weasyprint

    with own_faces() as font_config:
        data = weasyprint.HTML(string=html, url_fetcher=fetcher(None)).write_pdf(
            font_config=font_config)
    with pikepdf.open(write(tmp_path, data)) as pdf:
        assert heading_problems(Edition(tmp_path / "sample.pdf", pdf, document, SCREEN)) == []


@pytest.mark.parametrize(("lines", "language", "wrong"), [
    (["館長寄語｜2024年", "，我們一起讀過的書"], "zh-HK", "，"),
    (["館長寄語｜2024年，", "我們一起讀過的書"], "zh-HK", ""),
    (["「主席的話", "」：年度摘要"], "zh-HK", "」"),
    (["水务工作（", "二〇二四）"], "zh-Hans", "二"),  # after an opening bracket
    (["馆长寄语｜20", "24年"], "zh-Hans", "2"),  # inside a figure
    # A bilingual title broken at a space of its English: a break the words allow (it had
    # been said to break inside a word, the English read as Chinese).
    (["澳門晨光社會服務協會2024年度報告 Morning", "Light Social Service Association"], "zh-HK",
     ""),
    (["澳門晨光社會服務協會2024年度報告 Morn", "ing Light"], "zh-HK", "i"),
])
def test_a_chinese_heading_broken_where_its_language_breaks_no_line_is_said(
        lines, language, wrong):
    """clreq: no line starts with a closing mark or ends with an opening one; a figure is one
    word; a word of English parts only at its spaces. The renderer breaks body text so; a
    heading's lines are the writer's."""
    set_lines = [SetLine(1, ((0.0, 10.0),), text, False, (0.0, 100.0)) for text in lines]
    heading = " ".join(lines) if lines[0].endswith("Morning") else "".join(lines)
    assert wrong_start(set_lines, language, heading) == wrong


@pytest.mark.parametrize(("lines", "language", "opening", "inside"), [
    # Broken evenly by characters, with its author's space a character from the middle.
    (["二〇二三至二四年度年", "報 第五章：財務摘要"], "zh-HK", (), "年度年 / 報第五"),
    (["二〇二三至二四年度年报 ", "第五章：财务摘要"], "zh-Hans", (), ""),
    (["北岸社區服務處推出長者", "數碼學習計劃"], "zh-HK", ("北岸社區服務處",), "出長者 / 數碼學"),
    (["北岸社區服務處", "推出長者數碼學習計劃"], "zh-HK", ("北岸社區服務處",), ""),
    # At a break in its sense, or where no edge keeps the lines as even.
    (["海港步行徑第二期，", "今日正式開放"], "zh-HK", (), ""),
    (["东湾红树林生态调查第三阶", "段报告"], "zh-Hans", (), ""),
    # A name in English after it, balanced on its own: its lines are no measure of the Chinese.
    (["澳門晨光社會服務", "協會2024年度報告", "Morning Light Social"], "zh-HK", (), ""),
])
def test_a_chinese_heading_broken_inside_a_word_where_an_edge_was_at_hand_is_said(
        lines, language, opening, inside):
    """The writer breaks a Chinese heading at a word's edge its profile knows where its lines
    stay nearly as even (justified.balanced): a break inside a word, where such an edge
    was at hand, is a fault the check sees on the page."""
    size = 20.0
    set_lines = [SetLine(1, ((0.0, size * text_ems(text.strip())),), text, False,
                         (0.0, 400.0)) for text in lines]
    heading = "".join(lines)
    profile = profile_for(language)
    assert inside_word(set_lines, heading, profile, opening, size, 400.0) == inside


def test_a_last_page_holding_a_single_line_of_a_note_is_said():
    """孤行不成頁 whatever the line's size: a note's line alone on the last page too."""
    assert held_alone([], 1, DOCUMENT) == "a single line"
    assert held_alone([], 2, DOCUMENT) == ""


def test_the_rows_of_a_page_are_its_lines_a_raised_call_in_its_line():
    def glyph(text: str, size: float, x: float, y: float) -> Glyph:
        return Glyph(text, "Serif", "Serif", size, BLACK, x, y, size / 2, x + size / 2)

    line = [glyph(char, 10, 100 + 5 * index, 700) for index, char in enumerate("rooms.")]
    call = glyph("1", 6, 130, 703.5)  # raised a third of the em
    note = [glyph(char, 9, 100 + 5 * index, 684) for index, char in enumerate("1 Counted")]
    running_head = glyph("R", 8, 100, 800)  # above the text area
    area = (90.0, 100.0, 500.0, 760.0)
    assert text_rows([*line, call, *note, running_head], area) == 2
    assert text_rows(note, area) == 1


def test_text_under_the_layouts_smallest_type_fails_in_large_print():
    """Large print sets nothing under 16 pt (the house style), a table's source line and a
    note's number too: a smaller glyph fails, naming its page and its size."""
    large = dataclasses.replace(SCREEN, smallest_type_pt=16.0)
    assert [rule.name for rule in rules_for(large)][-1] == "balanced-headings"
    assert "smallest-type" in [rule.name for rule in rules_for(large)]
    assert "smallest-type" not in [rule.name for rule in rules_for(SCREEN)]

    def glyph(text: str, size: float, x: float) -> Glyph:
        return Glyph(text, "Sans", "Sans", size, BLACK, x, 700.0, size / 2, x + size / 2)

    edition = Edition(Path("x.pdf"), None, DOCUMENT, large)
    body = [glyph(char, 16.0, 100 + 8 * index) for index, char in enumerate("Loans")]
    source = [glyph(char, 14.4, 100 + 7 * index) for index, char in enumerate("Source")]
    assert page_type_size_problems(edition, 3, body) == []
    assert page_type_size_problems(edition, 3, body + source) == [
        "page 3: 'Source' at 14.4 pt, under 16 pt"]


@pytest.mark.parametrize(("size", "frame", "drawn", "least"), [
    ('font-size="12"', 'viewBox="0 0 400 300"', 12.0, "16 px at its width of 400 px"),
    ('style="font-size: 10px"', 'width="800" height="500"', 12.5,
     "13 px at its width of 800 px"),
    ('font-size="9pt"', 'width="300mm" viewBox="0 0 1200 800"', 9.0,
     "22 px at its width of 1200 px"),
])
def test_a_pictures_label_under_the_smallest_type_says_how_large_to_draw_it(
        tmp_path, size, frame, drawn, least):
    """A label an SVG picture draws under the smallest type (a chart's axis in large print)
    fails, naming the picture and the size its labels need at its own width, from the
    scale it is drawn at (a size the text or a group round it gives, in any unit); the
    error had named the words and their size alone, which no one could mend in the text."""
    (tmp_path / "rainfall.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" {frame}><g {size}>'
        '<text x="10" y="40">Rainfall by month</text></g></svg>', encoding="utf-8")
    document = Document("rain", Metadata(title="Rain", images={1: "rainfall.svg"}), None, (
        Figure(1, (Span("Rainfall by month"),), "rainfall.svg"),))
    large = dataclasses.replace(SCREEN, smallest_type_pt=16.0)
    label = [Glyph(char, "Sans", "Sans", drawn, BLACK, 100 + 6 * index, 500.0, 6, 106 + 6 * index)
             for index, char in enumerate("Rainfall by month")]
    edition = Edition(Path("x.pdf"), None, document, large, tmp_path)
    assert page_type_size_problems(edition, 2, label) == [
        f"page 2: 'Rainfall by month' at {drawn:.1f} pt, under 16 pt, in picture rainfall.svg:"
        f" supply it with larger type, its labels at least {least}"]


@pytest.mark.parametrize(("sheet", "label", "drawn", "least"), [
    ("text { font-size: 9px }", '<text y="40">Tide height</text>', 10.8, 14),
    (".axis { font-size: 8px }", '<g font-size="20"><text class="axis" y="40">Tide height</text></g>',
     8.0, 16),
    ("text { font-size: 30px } text.axis, .tick { fill: #333; font-size: 12px }",
     '<text class="tick axis" y="40">潮水高度</text>', 9.6, 20),
    ("text { font-size: 18px } .axis { font: 4px sans-serif }",
     '<text class="axis" y="40">January</text>', 3.2, 20),
    ("text { font-size: 18px }", '<text style="font: bold 8px/10px serif" y="40">Tide</text>',
     8.0, 16),
])
def test_a_pictures_label_sized_by_its_style_sheet_says_how_large_to_draw_it(
        tmp_path, sheet, label, drawn, least):
    """A label whose size the picture's own <style> sheet gives (by its element, its class,
    both, in a list; in a `font` shorthand too, there or in its style attribute), over a
    group's size: its picture's labels are asked as much larger as that size is drawn
    smaller; the size had been taken as 16 px, the sheet unread (a shorthand's size,
    the element's)."""
    (tmp_path / "tides.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300"><style>{sheet}</style>'
        f'{label}</svg>', encoding="utf-8")
    words = re.sub("<[^>]+>", "", label)
    document = Document("tides", Metadata(title="Tides", images={1: "tides.svg"}), None, (
        Figure(1, (Span(words),), "tides.svg"),))
    large = dataclasses.replace(SCREEN, smallest_type_pt=16.0)
    glyphs = [Glyph(char, "Sans", "Sans", drawn, BLACK, 100 + 6 * index, 500.0, 6,
                    106 + 6 * index) for index, char in enumerate(words)]
    edition = Edition(Path("x.pdf"), None, document, large, tmp_path)
    assert page_type_size_problems(edition, 2, glyphs) == [
        f"page 2: {words!r} at {drawn:.1f} pt, under 16 pt, in picture"
        f" tides.svg: supply it with larger type, its labels at least {least} px at its"
        " width of 600 px"]


def test_the_smallest_type_message_quotes_the_smallest_line_its_words_spaced():
    """Of a page's text under the smallest type, the message quotes the smallest line, its
    words parted where their spaces are drawn as gaps (a picture's labels): it had quoted
    every small glyph of the page, line by line, run together (`Source:ticketofficeAdults`)."""
    large = dataclasses.replace(SCREEN, smallest_type_pt=16.0)

    def label(words: str, size: float, y: float) -> list[Glyph]:
        return [Glyph(char, "Sans", "Sans", size, BLACK, 100 + size * index, y, size,
                      100 + size * (index + 1)) for index, char in enumerate(words)
                if char != " "]

    glyphs = [*label("Source: ticket office", 12.0, 600.0), *label("Adults 48%", 9.0, 580.0),
              *label("Children", 12.0, 560.0)]
    edition = Edition(Path("x.pdf"), None, DOCUMENT, large)
    assert page_type_size_problems(edition, 4, glyphs) == [
        "page 4: 'Adults 48%' at 9.0 pt, under 16 pt"]


def test_word_spaces_wide_in_one_case_in_twenty_are_said_plainly():
    spaces = (0.3,) * 18 + (0.5, 0.55)
    measured = Typesetting(spaces=spaces, widest=0.55, full_lines=5, spread_lines=0,
                           measured_lines=5, hyphenated=0, ladder=0, empty_pages=())
    edition = Edition(Path("x.pdf"), None, DOCUMENT, PRINT, cache={"typesetting": measured})
    assert "one word space in twenty 0.50 em or wider, over 0.45 em" in typography_problems(
        edition)



@pytest.mark.slow
def test_the_typography_summary_says_how_tight_the_tightest_lines_are(seed_build):
    """The word spaces of the full lines measured both ways, as a typesetter reads a page's
    grey: how wide the widest twentieth are, and how narrow the narrowest, in ems."""
    report = json.loads((seed_build.folder / "output" / "director-review-2024"
                         / "director-review-2024-print.preflight.json").read_text())
    message = next(check["message"] for check in report["checks"]
                   if check["rule"] == "typography")
    found = re.search(r"95 % under (\d\.\d\d) em and over (\d\.\d\d) em", message)
    assert found is not None, message
    assert 0.19 <= float(found[2]) < float(found[1]) <= 0.45


def test_a_picture_drawn_beyond_the_trim_stops_the_print_edition(print_bytes, tmp_path):
    """A picture running off its page's foot (over the folio, into the bleed and past it)
    is cut off by the guillotine: the print preflight names it, as the printer did."""
    with pikepdf.open(io.BytesIO(print_bytes)) as pdf:
        page = pdf.pages[1]
        image = pikepdf.Stream(pdf, b"\x80", Type=pikepdf.Name.XObject,
                               Subtype=pikepdf.Name.Image, Width=1, Height=1,
                               ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
        page.add_resource(image, pikepdf.Name.XObject, pikepdf.Name.Tall)
        trim = [float(value) for value in page.trimbox]
        page.contents_add(pikepdf.Stream(pdf, (
            f"q 100 0 0 400 {trim[0] + 40} {trim[1] - 150} cm /Tall Do Q").encode()))
        output = io.BytesIO()
        pdf.save(output)
    report = preflight(write(tmp_path, output.getvalue()), DOCUMENT, PRINT)
    problem = check(report, "pictures-on-page")
    assert not problem.passed and problem.severity == "error"
    assert problem.message.startswith("page 2: image /Tall runs off the page, beyond its trim")
    assert not report.press_ready


def test_a_page_s_text_area_is_measured_once_for_every_rule_asking():
    """The text area of each page, inside the layout's margins from its TrimBox, is measured
    on the first asking and kept for the rest: the same box, page by page."""
    pdf = pikepdf.new()
    for size in ((595, 842), (842, 595)):
        pdf.add_blank_page(page_size=size)
    edition = Edition(Path("x.pdf"), pdf, DOCUMENT, PRINT)
    areas = [edition.text_area(number) for number in (1, 2)]
    assert areas == [edition.measured_text_area(number) for number in (1, 2)]
    assert areas[0] != areas[1]
    pdf.pages[0].trimbox = [0, 0, 100, 100]  # no rule changes a page: what was measured stays
    assert edition.text_area(1) == areas[0]
