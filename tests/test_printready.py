"""The print edition as a printer receives it (PDF/X-4, CMYK alone, boxes, crop marks), the
tagged screen and large-print editions, and the preflight on each edition of the seed."""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageCms

from pipeline.checks.preflight import preflight
from pipeline.errors import PipelineError
from pipeline.layout_folders import layout_names
from pipeline.layouts import load_layout
from pipeline.pdf.pages import IDENTITY, multiply
from pipeline.pdf.structure import structure_elements
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped
from pipeline.writers.html import render_html
from pipeline.writers.pdf.print_ready import crop_mark_lines
from pipeline.writers.pdf.render import render_pdf
from tests.test_render import LAYOUTS, MM, ROOT, sample_document

TAGGED = ["screen", "large-print"]
SEED = "director-review-2024"
PDFXID = "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"


@pytest.fixture(scope="module")
def layouts(tmp_path_factory) -> Path:
    """A copy of layouts/ to vary settings in, as a printer's own layout would."""
    folder = tmp_path_factory.mktemp("project") / "layouts"
    shutil.copytree(LAYOUTS, folder)
    return folder


def variant(layouts: Path, name: str, base: str, changes: dict[str, str]) -> Path:
    """A new layout `name` copied from `base`, each setting in `changes` rewritten."""
    folder = layouts / name
    shutil.copytree(layouts / base, folder, dirs_exist_ok=True)
    settings = (folder / "layout.toml").read_text(encoding="utf-8")
    for key, value in changes.items():
        settings, count = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", settings)
        assert count == 1, key
    (folder / "layout.toml").write_text(settings, encoding="utf-8")
    return folder


def render(source_dir: Path, layout: str, layouts: Path = LAYOUTS) -> bytes:
    return render_pdf(sample_document(), load_layout(layouts, layout), source_dir)


@pytest.fixture(scope="module")
def editions(source_dir) -> dict[str, bytes]:
    return {name: render(source_dir, name) for name in ("print", *TAGGED)}


@pytest.fixture(scope="module")
def print_pdf(editions):
    with pikepdf.open(io.BytesIO(editions["print"])) as pdf:
        yield pdf


def opened(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def rectangle(box) -> tuple[float, ...]:
    x1, y1, x2, y2 = map(float, box)
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def grown(box: tuple[float, ...], by: float) -> tuple[float, ...]:
    left, bottom, right, top = box
    return left - by, bottom - by, right + by, top + by


# --- print: colour -------------------------------------------------------------------


def names_in(obj, seen: set) -> set[str]:
    """Every name anywhere in an object, following references once."""
    if isinstance(obj, pikepdf.Name):
        return {str(obj)}
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        if obj.objgen in seen:
            return set()
        seen.add(obj.objgen)
    found = set()
    if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for key, value in obj.items():
            found |= {key} | names_in(value, seen)
    elif isinstance(obj, pikepdf.Array):
        for value in obj:
            found |= names_in(value, seen)
    return found


def test_no_object_of_the_print_pdf_names_device_rgb(print_pdf):
    names = set()
    for obj in print_pdf.objects:
        names |= names_in(obj, set())
    assert "/DeviceRGB" not in names and "/CalRGB" not in names
    assert not [obj for obj in print_pdf.objects
                if isinstance(obj, pikepdf.Array) and len(obj) == 2
                and obj[0] == pikepdf.Name.ICCBased and obj[1].get("/N") == 3]


def content_streams(pdf: pikepdf.Pdf) -> list:
    """Every page, and every form XObject of the file."""
    forms = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream)
             and obj.get("/Subtype") == pikepdf.Name.Form]
    return [*pdf.pages, *forms]


def test_no_content_stream_of_the_print_pdf_paints_in_rgb(print_pdf):
    operators = {str(operator) for stream in content_streams(print_pdf)
                 for _, operator in pikepdf.parse_content_stream(stream)}
    assert not operators & {"rg", "RG"}


def test_text_is_100_per_cent_black(print_pdf):
    colours = []
    for operands, operator in pikepdf.parse_content_stream(print_pdf.pages[0]):
        if str(operator) in ("scn", "k"):
            colours.append(tuple(float(value) for value in operands))
    assert (0, 0, 0, 1) in colours
    assert all(len(colour) == 4 for colour in colours)  # CMYK, never RGB or grey


def test_rgb_images_are_converted_to_cmyk_with_the_output_profile(print_pdf):
    [photo] = [obj for obj in print_pdf.objects if isinstance(obj, pikepdf.Stream)
               and obj.get("/Subtype") == pikepdf.Name.Image]
    assert photo.ColorSpace == pikepdf.Name.DeviceCMYK
    cyan, magenta, yellow, black = pikepdf.PdfImage(photo).as_pil_image().getpixel((0, 0))
    # sRGB (40, 90, 140) is a dark blue: far more cyan than yellow.
    assert cyan > 150 and yellow < cyan / 2


def test_the_output_intent_embeds_the_layouts_cmyk_profile(print_pdf):
    [intent] = print_pdf.Root.OutputIntents
    assert intent.S == pikepdf.Name.GTS_PDFX
    assert intent.OutputConditionIdentifier == "FOGRA39"
    assert "FOGRA39" in str(intent.Info)
    profile = intent.DestOutputProfile
    assert profile.N == 4
    assert profile.read_bytes() == (LAYOUTS / "print/colour/FOGRA39L-coated.icc").read_bytes()


def test_pdfx4_identification_ids_and_dates(print_pdf):
    xmp = print_pdf.open_metadata()
    assert xmp[PDFXID] == "PDF/X-4"
    assert re.fullmatch(r"xmp\.did:[0-9a-f-]{36}", xmp["xmpMM:DocumentID"])
    assert re.fullmatch(r"xmp\.iid:[0-9a-f-]{36}", xmp["xmpMM:InstanceID"])
    assert xmp["xmpMM:DocumentID"][8:] != xmp["xmpMM:InstanceID"][8:]
    assert xmp["xmp:CreateDate"] == xmp["xmp:ModifyDate"] == "2024-01-01T00:00:00+00:00"
    assert print_pdf.docinfo.Title == "Director’s Review"
    assert print_pdf.docinfo.Trapped == pikepdf.Name("/False")
    assert "/ID" in print_pdf.trailer


# --- print: boxes and marks ------------------------------------------------------------


def mark_lines(page: pikepdf.Page) -> list[tuple[float, float, float, float]]:
    """The stroked lines of the crop marks, in the page's last content stream (which may
    also hold the proof note's filled outlines)."""
    lines, path, start = [], [], None
    for operands, operator in pikepdf.parse_content_stream(page.obj.Contents[-1]):
        if str(operator) == "m":
            start = tuple(map(float, operands))
        elif str(operator) == "l":
            path.append((*start, *map(float, operands)))
        elif str(operator) == "S":
            lines += path
            path = []
        elif str(operator) in ("f", "n"):
            path = []
    return lines


def outside(line, box) -> bool:
    """Whether a horizontal or vertical line stays off the box's inside."""
    x1, y1, x2, y2 = line
    left, bottom, right, top = box
    eps = 1e-3  # the content stream gives coordinates to 3 decimals
    return (max(x1, x2) <= left + eps or min(x1, x2) >= right - eps
            or max(y1, y2) <= bottom + eps or min(y1, y2) >= top - eps)


def inside(line, box) -> bool:
    x1, y1, x2, y2 = line
    left, bottom, right, top = box
    eps = 1e-3
    return all(left - eps <= x <= right + eps for x in (x1, x2)) and all(
        bottom - eps <= y <= top + eps for y in (y1, y2))


def test_crop_marks_are_registration_hairlines_outside_the_trim(print_pdf):
    """ISO 32000-1, 8.6.6.4: the colorant All paints on every separation at once, as
    registration targets want; its alternate is full ink on the four process plates."""
    for page in print_pdf.pages:
        trim, media = rectangle(page.obj.TrimBox), rectangle(page.obj.MediaBox)
        lines = mark_lines(page)
        assert len(lines) == 8  # two at each corner
        assert all(outside(line, trim) and inside(line, media) for line in lines)
        operators = {str(op): [str(value) for value in args]
                     for args, op in pikepdf.parse_content_stream(page.obj.Contents[-1])
                     if str(op) in ("CS", "SCN", "K", "w")}
        assert operators == {"CS": ["/Registration"], "SCN": ["1"], "w": ["0.25"]}
        space = page.obj.Resources.ColorSpace.Registration
        assert [str(name) for name in space[:3]] == ["/Separation", "/All", "/DeviceCMYK"]
        assert list(space[3].C0) == [0, 0, 0, 0] and list(space[3].C1) == [1, 1, 1, 1]


def test_ghostscript_separates_the_marks_onto_every_plate(editions, tmp_path):
    """A printer's RIP, as Ghostscript's separations show it: the crop marks stand on each
    of the four process plates, in the slug beyond the bleed."""
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep",
                    "-dFirstPage=1", "-dLastPage=1", "-r150",
                    f"-sOutputFile={tmp_path}/sep.tif", "-"], input=editions["print"],
                   check=True, capture_output=True)
    with opened(editions["print"]) as pdf:
        page = pdf.pages[0]
        media, bleed = rectangle(page.obj.MediaBox), rectangle(page.obj.BleedBox)
    scale = 150 / 72
    below_bleed = (0, round((media[3] - bleed[1]) * scale) + 1)  # the slug under the page
    for plate in ("Cyan", "Magenta", "Yellow", "Black"):
        image = Image.open(tmp_path / f"sep({plate}).tif").convert("L")
        slug = image.crop((0, below_bleed[1], image.width, image.height))
        assert slug.getextrema()[0] < 128, plate  # inked (tiffsep: 255 is no ink)


def test_crop_marks_run_from_the_offset_to_the_media_edge():
    trim, media = (0, 0, 100, 200), (-10, -10, 110, 210)
    lines = crop_mark_lines(trim, 3, media)
    assert (-3, 0, -10, 0) in lines and (0, -3, 0, -10) in lines  # bottom left
    assert (103, 200, 110, 200) in lines and (100, 203, 100, 210) in lines  # top right


@pytest.fixture(scope="module")
def printer_pdf(source_dir, layouts) -> bytes:
    """A printer asking for 5 mm bleed and a 10 mm slug, marks clear of the bleed."""
    variant(layouts, "printer", "print",
            {"bleed_mm": "5.0", "slug_mm": "10.0", "marks_offset_mm": "5.0"})
    return render(source_dir, "printer", layouts)


def test_a_5mm_bleed_and_a_slug_when_the_layout_asks(printer_pdf):
    with opened(printer_pdf) as pdf:
        for page in pdf.pages:
            trim = rectangle(page.obj.TrimBox)
            assert trim == pytest.approx((0, 0, 210 * MM, 297 * MM), abs=0.01)
            bleed = grown(trim, 5 * MM)
            assert rectangle(page.obj.BleedBox) == pytest.approx(bleed, abs=0.01)
            assert rectangle(page.obj.MediaBox) == pytest.approx(grown(bleed, 10 * MM), abs=0.01)
            # With a slug the marks stay out of the bleed too.
            assert all(outside(line, bleed) for line in mark_lines(page))


def test_print_renders_are_byte_identical(editions, source_dir):
    assert render(source_dir, "print") == editions["print"]


# --- print: what the layout must give ---------------------------------------------------


def test_a_pdfx_layout_without_an_output_profile_fails(source_dir, layouts):
    variant(layouts, "no-profile", "print", {"output_profile": '""'})
    with pytest.raises(PipelineError, match="output_profile"):
        render(source_dir, "no-profile", layouts)


def test_an_rgb_output_profile_fails(source_dir, layouts):
    folder = variant(layouts, "rgb-profile", "print", {"output_profile": '"colour/srgb.icc"'})
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    (folder / "colour" / "srgb.icc").write_bytes(srgb)
    with pytest.raises(PipelineError, match="not a CMYK"):
        render(source_dir, "rgb-profile", layouts)


def test_crop_marks_beyond_the_page_edge_are_refused(layouts):
    variant(layouts, "no-room", "print", {"slug_mm": "0.0"})  # marks 3 mm out, no slug
    with pytest.raises(PipelineError, match="crop marks"):
        load_layout(layouts, "no-room")


# --- tagged editions -------------------------------------------------------------------


@pytest.mark.parametrize("layout", TAGGED)
def test_tagged_with_language_title_and_page_labels(layout, editions):
    with opened(editions[layout]) as pdf:
        assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.Lang == "en-GB"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.Root.PageLabels.Nums == [0, pikepdf.Dictionary(S=pikepdf.Name.D)]
        assert pdf.open_metadata()["pdfuaid:part"] == "1"


@pytest.mark.parametrize("layout", TAGGED)
def test_running_heads_and_folios_are_artifacts(layout, editions):
    with opened(editions[layout]) as pdf:
        root = pdf.Root.StructTreeRoot
        in_tree = {element.objgen for element in structure_elements(root)}
        nums = root.ParentTree.Nums
        for index in range(0, len(nums), 2):
            if isinstance(nums[index + 1], pikepdf.Array):
                assert all(element is None or element.objgen in in_tree
                           for element in nums[index + 1])
        # The opener (page 1) has no folio or running head; every later page has its folio,
        # a pagination artifact of the footer.
        assert len(pdf.pages) > 1
        for number, page in enumerate(pdf.pages, 1):
            content = page.obj.Contents.read_bytes()
            footer = b"/Artifact << /Subtype /Footer /Type /Pagination >> BDC"
            assert (footer in content) == (number > 1)
            assert (b"/Type /Pagination" in content) == (number > 1)
        assert int(root.ParentTreeNextKey) > max(int(key) for key in list(nums)[0::2])


@pytest.mark.parametrize("layout", TAGGED)
def test_a_photo_is_a_figure_followed_by_its_caption(layout, editions):
    with opened(editions[layout]) as pdf:
        elements = list(structure_elements(pdf.Root.StructTreeRoot))
        figures = [element for element in elements if element.S == pikepdf.Name.Figure]
        # The photo is a Figure with its alternative text, its caption the element after it
        # (Alt stands for the Figure and all it holds); the figure whose picture is still to
        # come is its caption alone, a paragraph.
        assert [str(figure.Alt) for figure in figures] == ["Two towers"]
        assert not [kid for kid in figures[0].K if isinstance(kid, pikepdf.Dictionary)
                    and "/S" in kid]
        siblings = [kid for kid in figures[0].P.K if isinstance(kid, pikepdf.Dictionary)
                    and "/S" in kid]
        caption = siblings[siblings.index(figures[0]) + 1]
        assert caption.S == pikepdf.Name.Caption
        paragraphs = [element for element in elements if element.S == pikepdf.Name.P]
        assert not [element for element in elements if element.S == pikepdf.Name.Caption
                    and element is not caption and element.objgen != caption.objgen]
        assert len(paragraphs) >= 1
        # The photo's box is where it is drawn, in points on its page (not CSS pixels).
        left, bottom, right, top = map(float, figures[0].A.BBox)
        width = float(pikepdf.Page(figures[0].Pg).mediabox[2])
        assert 0 <= left < right <= width and right - left < width - 100


def text_sizes(page: pikepdf.Page) -> list[float]:
    """The size in points of each text run as printed: Tf's size scaled by the text and
    current transformation matrices."""
    ctm, saved, matrix, size, sizes = IDENTITY, [], IDENTITY, 0.0, []
    for operands, operator in pikepdf.parse_content_stream(page):
        match str(operator):
            case "q":
                saved.append(ctm)
            case "Q":
                ctm = saved.pop()
            case "cm":
                ctm = multiply(tuple(map(float, operands)), ctm)
            case "BT":
                matrix = IDENTITY
            case "Tm":
                matrix = tuple(map(float, operands))
            case "Tf":
                size = float(operands[1])
            case "Tj" | "TJ" | "'" | '"':
                _, _, c, d, _, _ = multiply(matrix, ctm)
                sizes.append(size * math.hypot(c, d))
    return sizes


def test_large_print_sets_all_text_at_16pt_or_more(editions):
    with opened(editions["large-print"]) as pdf:
        sizes = [size for page in pdf.pages for size in text_sizes(page)]
    assert sizes and min(sizes) >= 16 - 0.01


def test_screen_body_is_smaller_so_the_size_check_measures_something(editions):
    with opened(editions["screen"]) as pdf:
        assert min(text_sizes(pdf.pages[0])) < 12


def test_large_print_is_sans_serif_ragged_and_unhyphenated():
    layout = load_layout(LAYOUTS, "large-print")
    assert layout.body_font == "Noto Sans" and layout.body_size_pt >= 16
    css = (layout.folder / layout.stylesheet).read_text(encoding="utf-8")
    assert "justify" not in css and "hyphens: auto" not in css
    assert "text-align: left" in css and "hyphens: manual" in css


def test_large_print_renders_are_byte_identical(editions, source_dir):
    assert render(source_dir, "large-print") == editions["large-print"]


# --- templates -------------------------------------------------------------------------


def test_layouts_share_one_template_unless_they_bring_their_own(layouts):
    for name in layout_names(LAYOUTS):
        assert not (LAYOUTS / name / "document.html").exists()
    folder = variant(layouts, "own-template", "screen", {})
    shared = (layouts / "templates" / "document.html").read_text(encoding="utf-8")
    (folder / "document.html").write_text(shared.replace("<main>", "<main class=own>"),
                                          encoding="utf-8")
    assert "<main class=own>" in render_html(sample_document(), load_layout(layouts,
                                                                            "own-template"))
    assert "<main>" in render_html(sample_document(), load_layout(layouts, "screen"))


def test_a_layouts_files_include_the_shared_templates():
    assert LAYOUTS / "templates" / "document.html" in load_layout(LAYOUTS, "screen").files


def test_a_layouts_files_are_what_it_reads_not_the_notes_beside_them(layouts):
    folder = variant(layouts, "own-files", "print",
                     {"output_profile": '"colour/FOGRA39L-coated.icc"'})
    (folder / "colour" / "README.md").write_text("Where the profile came from.\n")
    (folder / "make_logo.py").write_text("print('a helper')\n")
    (folder / "logo.svg").write_text("<svg/>\n")
    (folder / "unused.css").write_text("body { color: red }\n")
    style = folder / "style.css"
    style.write_text(style.read_text(encoding="utf-8")
                     + '\n/* url("commented.png") */\n.opener { background: url("logo.svg"); }\n'
                     + '.x { background: url("data:image/png;base64,AAAA"); }\n')
    files = load_layout(layouts, "own-files").files
    assert {path.relative_to(layouts).as_posix() for path in files if "fonts" not in path.parts} == {
        "own-files/layout.toml", "own-files/hyphenation.txt", "own-files/style.css",
        "own-files/logo.svg", "own-files/colour/FOGRA39L-coated.icc",
        "templates/base.css", "templates/document.html"}
    fonts = {path.name for path in files if "fonts" in path.parts}
    assert {"fonts.css", "chinese.css", "emoji.css", "NotoSerif-Regular.ttf"} <= fonts
    assert not any(name.endswith((".py", ".txt")) for name in fonts)  # scripts, licences


# --- the seed through the preflight ------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    metadata = load_metadata(ROOT / "source" / f"{SEED}.toml", layout_names(LAYOUTS))
    return read_scraped(ROOT / "source" / f"{SEED}.txt", metadata)[0]


@pytest.mark.parametrize("layout", layout_names(LAYOUTS))
def test_every_edition_of_the_seed_passes_the_preflight(layout, seed, tmp_path):
    pdf = tmp_path / f"{SEED}-{layout}.pdf"
    pdf.write_bytes(render_pdf(seed, load_layout(LAYOUTS, layout), ROOT / "source"))
    report = preflight(pdf, seed, load_layout(LAYOUTS, layout))
    assert report.errors == [] and report.warnings == [], report.to_json()
