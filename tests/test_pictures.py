"""Real pictures through every edition: an sRGB JPEG, an Adobe RGB (1998) JPEG with its ICC
profile, a CMYK JPEG laying more ink than FOGRA39 takes, a 16-bit greyscale PNG and a PNG
with alpha; the print file converted from each picture's own profile, the ink rule failing
the over-inked picture by name (Ghostscript's separations agree), a failing print file
never under the press name, and a picture that cannot be read stopping its document."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageCms

from pipeline.checks.preflight import preflight
from pipeline.errors import RenderingError
from pipeline.layouts import load_layout
from pipeline.model import Document, Figure, Metadata, Paragraph, Span
from pipeline.writers.pdf.pictures import picture_of
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT
from .typesetting import measured

LAYOUTS = ROOT / "layouts"
SIZE = (1800, 1200)  # 300 ppi and more at the column's width
CAPTIONS = ["The quay at dawn, in sRGB.", "The same quay photographed in Adobe RGB.",
            "A night scene separated too heavily for the press.",
            "An X-ray of the old bridge, in sixteen-bit grey.",
            "The harbour trust's emblem on a transparent ground."]
SEVERE_CMYK = (230, 220, 200, 255)  # 354 % of ink


def adobe_rgb_profile() -> bytes:
    """An Adobe RGB (1998) matrix-shaper ICC profile (v2), written out: its primaries
    adapted to D50, D65 white, gamma 2.2 (563/256)."""
    import struct

    def fixed(*values: float) -> bytes:
        return b"".join(struct.pack(">i", round(value * 65536)) for value in values)

    name = b"Adobe RGB (1998) compatible, tests"
    tags = {
        b"desc": b"desc\0\0\0\0" + struct.pack(">I", len(name) + 1) + name + b"\0"
                 + b"\0" * 8 + b"\0" * 70,
        b"wtpt": b"XYZ \0\0\0\0" + fixed(0.9505, 1.0, 1.0891),
        b"rXYZ": b"XYZ \0\0\0\0" + fixed(0.6097, 0.3111, 0.0195),
        b"gXYZ": b"XYZ \0\0\0\0" + fixed(0.2053, 0.6257, 0.0609),
        b"bXYZ": b"XYZ \0\0\0\0" + fixed(0.1492, 0.0632, 0.7446),
        b"rTRC": b"curv\0\0\0\0" + struct.pack(">IH", 1, 563) + b"\0\0",
        b"cprt": b"text\0\0\0\0No copyright, test data\0",
    }
    tags[b"gTRC"] = tags[b"bTRC"] = tags[b"rTRC"]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags.items():
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"\0" * 4 + bytes([2, 0x10, 0, 0]) + b"mntrRGB XYZ "
              + b"\0" * 12 + b"acsp" + b"\0" * 24 + b"\0" * 4 + fixed(0.9642, 1.0, 0.8249)
              + b"\0" * 48)
    return header + struct.pack(">I", len(tags)) + table + data


def make_pictures(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    gradient = Image.linear_gradient("L").resize(SIZE)
    rgb = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                              Image.new("L", SIZE, 120)))
    rgb.save(folder / "quay-srgb.jpg", quality=90, icc_profile=srgb)
    rgb.save(folder / "quay-adobe.jpg", quality=90, icc_profile=adobe_rgb_profile())
    Image.new("CMYK", SIZE, SEVERE_CMYK).save(folder / "night.jpg", quality=95)
    grey = Image.new("I;16", SIZE)
    grey.putdata([(x * 36) % 65536 for x in range(SIZE[0])] * SIZE[1])
    grey.save(folder / "xray.png")
    emblem = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    emblem.paste((20, 80, 150, 255), (300, 300, 1500, 900))
    emblem.save(folder / "emblem.png")
    return ["pictures/quay-srgb.jpg", "pictures/quay-adobe.jpg", "pictures/night.jpg",
            "pictures/xray.png", "pictures/emblem.png"]


def pictured(images: list[str], language: str = "en-GB") -> Document:
    blocks = [Paragraph((Span("The harbour trust kept its records in pictures this year."),))]
    for number, (image, caption) in enumerate(zip(images, CAPTIONS, strict=True), 1):
        blocks += [Figure(number, (Span(caption),), image),
                   Paragraph((Span(f"Paragraph {number} follows figure {number}."),))]
    return Document("pictured", Metadata(title="Pictures of the Year", language=language),
                    None, tuple(blocks))


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("source")
    return folder, make_pictures(folder / "pictures")


@pytest.fixture(scope="module")
def editions(source, tmp_path_factory) -> dict[str, Path]:
    folder, images = source
    out = tmp_path_factory.mktemp("editions")
    built = {}
    for layout in ("print", "screen"):
        built[layout] = out / f"pictured-{layout}.pdf"
        built[layout].write_bytes(render_pdf(pictured(images), load_layout(LAYOUTS, layout),
                                             folder))
    return built


def images_by_picture(pdf: pikepdf.Pdf, images: list[str]) -> dict[str, pikepdf.Stream]:
    found = {}
    for page in pdf.pages:
        for name, xobject in page.obj.get("/Resources", {}).get("/XObject", {}).items():
            picture = picture_of(name, images)
            if picture:
                found[picture] = xobject
    return found


def test_screen_keeps_each_pictures_profile_and_grey_stays_grey(editions, source):
    _, images = source
    with pikepdf.open(editions["screen"]) as pdf:
        found = images_by_picture(pdf, images)
        assert set(found) == set(images)
        adobe = found["pictures/quay-adobe.jpg"]
        assert adobe.ColorSpace[0] == pikepdf.Name.ICCBased
        assert adobe.ColorSpace[1].read_bytes() == Image.open(
            source[0] / images[1]).info["icc_profile"]
        xray = found["pictures/xray.png"]
        assert xray.ColorSpace == pikepdf.Name.DeviceGray and int(xray.BitsPerComponent) == 8
        # Not a black box: the 16-bit ramp keeps its tones in 8 bits.
        low, high = pikepdf.PdfImage(xray).as_pil_image().getextrema()
        assert low < 20 and high > 235
        assert "/SMask" in found["pictures/emblem.png"]


def test_print_is_cmyk_from_each_pictures_own_profile(editions, source):
    folder, images = source
    with pikepdf.open(editions["print"]) as pdf:
        found = images_by_picture(pdf, images)
        for image in ("pictures/quay-srgb.jpg", "pictures/quay-adobe.jpg",
                      "pictures/emblem.png"):
            assert found[image].ColorSpace == pikepdf.Name.DeviceCMYK
        assert found["pictures/night.jpg"].ColorSpace == pikepdf.Name.DeviceCMYK
        assert found["pictures/xray.png"].ColorSpace == pikepdf.Name.DeviceGray


def test_the_ink_rule_fails_the_over_inked_picture_by_name(editions, source):
    folder, images = source
    report = preflight(editions["print"], pictured(images), load_layout(LAYOUTS, "print"),
                       folder)
    ink = next(check for check in report.checks if check.rule == "total-ink")
    assert not ink.passed and ink.severity == "error"
    assert "pictures/night.jpg lays" in ink.message and "330 % limit" in ink.message
    assert ink.message.count("lays") == 1  # the converted photos stay under the limit


def test_ghostscript_separations_agree_on_the_ink(editions, tmp_path):
    """tiffsep writes a plate per process colour; their sum at the darkest point."""
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep",
                    "-r20", f"-sOutputFile={tmp_path}/sep-%d.tif",
                    str(editions["print"])], check=True, capture_output=True)
    most = 0
    for composite in sorted(tmp_path.glob("sep-[0-9].tif")) + sorted(
            tmp_path.glob("sep-[0-9][0-9].tif")):
        stem = composite.stem
        plates = [Image.open(tmp_path / f"{stem}({colour}).tif").convert("L")
                  for colour in ("Cyan", "Magenta", "Yellow", "Black")]
        # tiffsep's plates are 255 for no ink.
        sums = [sum(255 - value for value in pixel) for pixel in zip(
            *(plate.get_flattened_data() for plate in plates), strict=True)]
        most = max(most, max(sums) / 255 * 100)
    assert most > 330


def test_two_pictures_of_one_size_are_told_apart(editions, source):
    _, images = source
    with pikepdf.open(editions["print"]) as pdf:
        found = images_by_picture(pdf, images)
    assert found["pictures/quay-srgb.jpg"].objgen != found["pictures/quay-adobe.jpg"].objgen


def test_an_unreadable_picture_stops_its_document_naming_it(source, tmp_path):
    folder, images = source
    (folder / "pictures" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a JPEG at all")
    document = pictured(["pictures/broken.jpg", *images[1:]])
    with pytest.raises(RenderingError, match=r"^picture pictures/broken\.jpg cannot be read"):
        render_pdf(document, load_layout(LAYOUTS, "screen"), folder)


@pytest.mark.parametrize("name", ["cut.jpg", "cut.png"])
def test_a_picture_cut_short_stops_its_document_naming_it(source, name):
    """A picture's file cut short (a copy broken off): WeasyPrint, once imported, has Pillow
    fill what is missing with grey, which had been printed as half a photo (and a PNG's had
    failed the draft in no words)."""
    folder, images = source
    whole = io.BytesIO()
    Image.open(folder / images[0]).save(whole, Image.registered_extensions()[name[-4:]])
    (folder / "pictures" / name).write_bytes(whole.getvalue()[:len(whole.getvalue()) // 3])
    document = pictured([f"pictures/{name}", *images[1:]])
    with pytest.raises(RenderingError, match=rf"^picture pictures/{name} cannot be read: "
                                             r"image file is truncated"):
        render_pdf(document, load_layout(LAYOUTS, "screen"), folder)


def test_an_svg_picture_drawing_a_file_outside_it_stops_its_document(source):
    """An SVG changed after its model was built: rendering reads nothing outside the
    project, and had drawn junk in the refused picture's place."""
    folder, images = source
    (folder / "pictures" / "plan.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">'
        '<image width="300" height="200" href="/srv/harbour/seal.png"/></svg>')
    document = pictured(["pictures/plan.svg", *images[1:]])
    with pytest.raises(RenderingError, match=r"^picture pictures/plan\.svg refers to files "
                                             r"outside it \(/srv/harbour/seal\.png\)"):
        render_pdf(document, load_layout(LAYOUTS, "screen"), folder)


def test_a_press_file_is_the_default_rendition(tmp_path):
    document = Document("plain", Metadata(title="No Pictures"), None,
                        (Paragraph((Span("Text alone goes to press."),)),))
    data = render_pdf(document, load_layout(LAYOUTS, "print"), tmp_path)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.open_metadata()["xmpMM:RenditionClass"] == "default"


def test_a_file_that_is_no_picture_is_said_so_in_words(tmp_path):
    from pipeline.writers.pdf.pictures import prepared_picture

    notes = tmp_path / "notes.png"
    notes.write_text("The caption for the quay, to be written.\n")
    with pytest.raises(RenderingError) as raised:
        prepared_picture("pictures/notes.png", notes)
    assert str(raised.value) == ("picture pictures/notes.png cannot be read: not a picture file "
                                 "(JPEG, PNG, TIFF …)")


def test_a_picture_the_metadata_gives_a_figure_the_text_lacks_is_said(tmp_path):
    """`[images]` naming figure 3 of a text holding two (a typed number, or a caption an
    editor retyped as a new figure): the model's build says so in one line naming the
    metadata file, where the picture had gone unused unseen."""
    from pipeline.tasks.steps import build_model

    from .support import copy_project

    folder = copy_project(tmp_path / "project", library=False)
    Image.new("RGB", (300, 200), "navy").save(folder / "source" / "quay.png")
    (folder / "source" / "quay.txt").write_text(
        "The new quay\n\nThe quay opened in May, a year late.\n\n\u00a0\nThe quay at dawn\n\n"
        "The quay at dawn\n\nIt was worth the wait.\n", encoding="utf-8")
    (folder / "source" / "quay.toml").write_text('[images]\n3 = "quay.png"\n', encoding="utf-8")
    said = build_model(folder, "quay")
    assert said == ("source/quay.toml: [images] or [alt] names figure 3, which the text does "
                    "not hold (its figures: 1); its picture is printed nowhere")


@pytest.mark.parametrize("layout_name", ["print", "large-print"])
def test_a_tall_portrait_is_scaled_down_whole_onto_its_page(layout_name, tmp_path):
    """A picture two and a half times as tall as wide, at the measure's width, stood some
    350 mm tall and ran off the foot of its page, over the folio:
    it is set no taller than the layout's share of the text area, whole, inside the trim,
    its left edge over its caption's start (centred in its box, it had stood over neither
    the caption nor the measure's middle)."""
    from pipeline.layouts import PICTURE_SHARE
    from pipeline.pdf.pages import unit_square, with_ctm

    (tmp_path / "pictures").mkdir()
    Image.new("RGB", (1200, 3000), (40, 90, 140)).save(tmp_path / "pictures" / "spillway.png")
    document = Document("tall", Metadata(title="The Spillway"), None, (
        Paragraph((Span("The spillway was repaired over the summer."),)),
        Figure(1, (Span("The spillway during repairs, June 2024."),), "pictures/spillway.png"),
        Paragraph((Span("Repairs finished in September."),))))
    layout = load_layout(LAYOUTS, layout_name)
    text_height = (layout.page.height_mm - layout.page.margin_top_mm
                   - layout.page.margin_bottom_mm) * 72 / 25.4
    rendered = render_pdf(document, layout, tmp_path)
    (tmp_path / "tall.pdf").write_bytes(rendered)
    with pikepdf.open(io.BytesIO(rendered)) as pdf:
        drawn = []
        for page in pdf.pages:
            trim = [float(value) for value in page.obj.get("/TrimBox", page.mediabox)]
            drawn += [(unit_square(ctm), trim)
                      for _, operator, ctm in with_ctm(page) if operator == "Do"]
    assert len(drawn) == 1
    (left, bottom, right, top), trim = drawn[0]
    assert trim[0] <= left and right <= trim[2] and trim[1] <= bottom and top <= trim[3]
    assert top - bottom <= PICTURE_SHARE * text_height + 0.5
    assert abs((top - bottom) / (right - left) - 2.5) < 0.01  # whole, not squeezed
    caption = next(line for line in measured(tmp_path / "tall.pdf").lines
                   if line.text.startswith("The spillway during"))
    # Its words start a little in, after the caption's bar and its gap.
    assert 0 <= caption.left - (left - trim[0]) < 16


# A green field filling an SVG that gives its size but no viewBox, as a percentage of it.
FIELD = ('<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}">'
         '<rect width="100%" height="100%" fill="#20a040"/></svg>')


def green_extent(pdf: bytes, scale: int = 2) -> tuple[float, float]:
    """The width and height (pt) of the green the PDF's first page is drawn with."""
    import pypdfium2 as pdfium
    from PIL import ImageChops

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    red, green, blue = page.split()
    greener = [ImageChops.subtract(green, other).point(lambda value: 255 * (value > 50))
               for other in (red, blue)]
    box = ImageChops.multiply(*greener).getbbox()
    return ((box[2] - box[0]) / scale, (box[3] - box[1]) / scale) if box else (0.0, 0.0)


@pytest.mark.parametrize("layout_name", ["print", "screen"])
@pytest.mark.parametrize("width, height", [("3000", "2000"), ("120mm", "80mm")])
def test_an_svg_without_a_viewbox_is_drawn_filling_its_box(layout_name, width, height,
                                                           tmp_path):
    """An SVG giving its size, not its viewBox, is drawn across the measure as any picture is,
    its file untouched; an SVG giving its viewBox reaches WeasyPrint as it is. WeasyPrint had
    scaled such a drawing to its box after setting what it gives as a percentage of its size
    at the box's: a 3000 px field filled 529/3000 of it, a speck in the box's corner."""
    from pipeline.writers.pdf.pictures import prepared

    svg = FIELD.format(width, height)
    (tmp_path / "field.svg").write_text(svg)
    (tmp_path / "boxed.svg").write_text(svg.replace(">", ' viewBox="0 0 3 2">', 1))
    field = Figure(1, (Span("The green from the pavilion."),), "field.svg")
    document = Document("field", Metadata(title="The Green"), None, (
        Paragraph((Span("The green was reseeded in spring."),)), field))
    layout = load_layout(LAYOUTS, layout_name)
    measure = layout.page.measure_mm * 72 / 25.4
    drawn_width, drawn_height = green_extent(render_pdf(document, layout, tmp_path))
    assert abs(drawn_width - measure) < 1.5, (drawn_width, measure)
    assert abs(drawn_height - measure * 2 / 3) < 1.5, (drawn_height, measure)
    assert (tmp_path / "field.svg").read_text() == svg
    boxed = Figure(2, (Span("The green again, given its viewBox."),), "boxed.svg")
    both = Document("field", document.metadata, None, (*document.blocks, boxed))
    assert [path.name for path in prepared(both, tmp_path)] == ["field.svg"]
