"""The printer's rules: page boxes, output intent, PDF/X identification, no RGB, and
image resolution at the printed size."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from pipeline.checks.preflight.report import Edition, Rule
from pipeline.writers.pdf.pages import (
    POINTS_PER_MM,
    Matrix,
    Painting,
    grown,
    image_placements,
    is_rgb,
    paintings,
    rectangle,
)

BOX_TOLERANCE_PT = 0.01
MINIMUM_PPI = 300
PDFX_VERSION = "PDF/X-4"
PDFXID_VERSION = "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"


def page_box_problems(edition: Edition) -> list[str]:
    """TrimBox is the layout's page; BleedBox lies the bleed beyond it, and MediaBox the
    bleed and the slug (room for printer's marks)."""
    page = edition.layout.page
    width, height = page.width_mm * POINTS_PER_MM, page.height_mm * POINTS_PER_MM
    beyond = {"BleedBox": page.bleed_mm, "MediaBox": page.bleed_mm + page.slug_mm}
    problems = []
    for number, pdf_page in enumerate(edition.pdf.pages, 1):
        if "/TrimBox" not in pdf_page.obj:
            problems.append(f"page {number}: no TrimBox")
            continue
        trim = rectangle(pdf_page.obj.TrimBox)
        if not close(trim[2] - trim[0], width) or not close(trim[3] - trim[1], height):
            problems.append(f"page {number}: TrimBox {format_box(trim)} is not "
                            f"{page.size} ({width:.2f} x {height:.2f} pt)")
        for name, box in (("BleedBox", pdf_page.bleedbox), ("MediaBox", pdf_page.mediabox)):
            if not all(map(close, rectangle(box), grown(trim, beyond[name] * POINTS_PER_MM))):
                problems.append(f"page {number}: {name} {format_box(rectangle(box))} is not "
                                f"{beyond[name]:g} mm beyond the TrimBox")
    return problems


def output_intent_problems(edition: Edition) -> list[str]:
    intents = [intent for intent in edition.pdf.Root.get("/OutputIntents", [])
               if intent.get("/S") == pikepdf.Name.GTS_PDFX]
    if not intents:
        return ["no /GTS_PDFX output intent"]
    profile = intents[0].get("/DestOutputProfile")
    if not isinstance(profile, pikepdf.Stream):
        return ["the output intent embeds no ICC profile"]
    # Bytes 16-19 of an ICC header name the profile's colour space.
    if profile.get("/N") != 4 or profile.read_bytes()[16:20] != b"CMYK":
        return [f"the output profile is not CMYK (/N {profile.get('/N')})"]
    return []


def pdfx_id_problems(edition: Edition) -> list[str]:
    problems = []
    version = edition.pdf.open_metadata().get(PDFXID_VERSION)
    if version != PDFX_VERSION:
        problems.append(f"XMP pdfxid:GTS_PDFXVersion is {version!r}, not {PDFX_VERSION!r}")
    # PDF/X requires the trapping state to be known; this pipeline never traps.
    trapped = edition.pdf.trailer.get("/Info", {}).get("/Trapped")
    if trapped != pikepdf.Name("/False"):
        problems.append(f"Info /Trapped is {trapped}, not /False")
    return problems


def rgb_problems(edition: Edition) -> list[str]:
    """RGB colour spaces in any resource, group or image, and RGB operators in any content
    stream: the printer's RIP would convert them with a profile nobody chose."""
    problems = []
    for painting in paintings(edition.pdf):
        where = painting.where
        group = painting.holder.get("/Group")
        if group is not None and is_rgb(group.get("/CS")):
            problems.append(f"{where}: RGB transparency group")
        resources = painting.holder.get("/Resources", pikepdf.Dictionary())
        for name, space in resources.get("/ColorSpace", {}).items():
            if is_rgb(space):
                problems.append(f"{where}: colour space {name} is RGB")
        for name, shading in shadings(resources):
            if is_rgb(shading.get("/ColorSpace")):
                problems.append(f"{where}: shading {name} is RGB")
        for name, xobject in resources.get("/XObject", {}).items():
            if xobject.get("/Subtype") == pikepdf.Name.Image and is_rgb(
                xobject.get("/ColorSpace")
            ):
                problems.append(f"{where}: image {name} is RGB")
        problems += rgb_operator_problems(painting)
    return problems


def rgb_operator_problems(painting: Painting) -> list[str]:
    """rg/RG, an RGB colour space set by name (/DeviceRGB cs), and RGB inline images."""
    problems = []
    for operands, operator in pikepdf.parse_content_stream(painting.content):
        match str(operator):
            case "rg" | "RG":
                problems.append(f"{painting.where}: {operator} operator")
            case "cs" | "CS" if is_rgb(operands[0]):
                problems.append(f"{painting.where}: {operator} {operands[0]}")
            case "INLINE IMAGE" if is_rgb(operands[0].obj.get("/ColorSpace")):
                problems.append(f"{painting.where}: RGB inline image")
    return problems


def shadings(resources: pikepdf.Dictionary) -> Iterator[tuple[str, pikepdf.Object]]:
    """Shading resources and the shadings of shading patterns."""
    yield from resources.get("/Shading", {}).items()
    for name, pattern in resources.get("/Pattern", {}).items():
        if pattern.get("/PatternType") == 2:
            yield name, pattern.Shading


def image_resolution_problems(edition: Edition) -> list[str]:
    """Images under MINIMUM_PPI at their printed size (pages.image_placements walks the
    content streams for where each image is drawn)."""
    problems = []
    for number, page in enumerate(edition.pdf.pages, 1):
        for name, width, height, ctm in image_placements(page, page.obj.get("/Resources")):
            resolution = ppi(width, height, ctm)
            if resolution < MINIMUM_PPI:
                problems.append(f"page {number}: image {name} at {resolution:.0f} ppi")
    return problems


def ppi(width_px: int, height_px: int, ctm: Matrix) -> float:
    """Pixels per inch of an image drawn under `ctm`: it fills the unit square, so its
    printed width is the length of the CTM's first row vector (a, b) and its height that
    of the second (c, d), in points; the lower of the two counts."""
    a, b, c, d, _, _ = ctm
    width_in, height_in = (a * a + b * b) ** 0.5 / 72, (c * c + d * d) ** 0.5 / 72
    if width_in == 0 or height_in == 0:
        return float("inf")  # drawn at no size: nothing to see
    return min(int(width_px) / width_in, int(height_px) / height_in)


def close(value: float, expected: float) -> bool:
    return abs(value - expected) <= BOX_TOLERANCE_PT


def format_box(box: tuple[float, float, float, float]) -> str:
    return "[" + " ".join(f"{value:.2f}" for value in box) + "]"


PRINT_RULES = (
    Rule("page-boxes", "error", page_box_problems),
    Rule("output-intent", "error", output_intent_problems),
    Rule("pdfx-id", "error", pdfx_id_problems),
    Rule("no-rgb", "error", rgb_problems),
    Rule("image-resolution", "warning", image_resolution_problems),
)
