"""The print edition made ready for the press: PDF/X-4 with CMYK colour alone.

WeasyPrint 70 writes the PDF/X-4 metadata, but it draws crop marks in RGB, caps the
BleedBox at 10 pt beyond the trim, embeds RGB images as they come and declares an output
intent only from CSS. This pass over its PDF (opened with pikepdf) sets the page boxes
from the layout, draws crop marks outside the trim in registration colour (every plate:
pdf/registration.py), converts RGB images to CMYK through the layout's output profile (and
flat RGB colours of vectors, an SVG picture's), sets 100 % black to overprint
(pdf/overprint.py), and declares that profile as the output intent.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Collection, Iterator

import pikepdf
from PIL import Image, ImageCms

from pipeline.errors import PipelineError
from pipeline.layout_folders import SETTINGS
from pipeline.layouts import Layout, Page
from pipeline.pdf.overprint import FOLLOWED, Inking, graphics_states
from pipeline.pdf.pages import (
    POINTS_PER_MM,
    Box,
    Painting,
    grown,
    is_rgb,
    paintings,
    rectangle,
)
from pipeline.pdf.pdfx import OUTPUT_INTENT, PDFX_VERSION
from pipeline.pdf.registration import RESOURCE, registration_space, stroked_in_registration
from pipeline.writers.pdf.slug import (
    NOTE_INDENT_MM,
    PROOF_RENDITION,
    RENDITION_CLASS,
    inner_note_origin,
    note_content,
)

HAIRLINE_PT = 0.25
ICC_CMYK = b"CMYK"  # bytes 16-19 of an ICC profile's header name its colour space
ICC_REGISTRY = "http://www.color.org"  # where characterised printing conditions are listed
RGB_OPERATORS = {"rg": "k", "RG": "K"}  # fill and stroke colours, in RGB and in CMYK
CREATOR = "annual-report-pipeline (WeasyPrint, pikepdf)"
XMP_PDFX_CONFORMANCE = "{http://ns.adobe.com/pdfx/1.3/}GTS_PDFXConformance"

Line = tuple[float, float, float, float]  # x1, y1, x2, y2


def make_print_ready(pdf: pikepdf.Pdf, layout: Layout, proof_note: str = "") -> None:
    """Boxes, marks, CMYK pictures, output intent and PDF/X identification; `proof_note`,
    when given, is set in the slug of every page: the file is a proof, not for press."""
    profile = output_profile(layout)
    coloured = overprint_black(pdf)  # before the marks, drawn in registration colour over it
    registration = pdf.make_indirect(registration_space(pdf))
    for page in pdf.pages:
        trim = rectangle(page.obj.TrimBox)
        bleed, media = page_boxes(trim, layout.page)
        page.obj.BleedBox, page.obj.MediaBox = list(bleed), list(media)
        marks = b""
        if "crop" in layout.page.marks:
            page.add_resource(registration, pikepdf.Name.ColorSpace, pikepdf.Name(RESOURCE))
            marks = marks_content(crop_mark_lines(trim, marks_offset(layout.page), media))
        if proof_note:
            # In the slug, and inside the trim too: trimming and imposition drop the slug.
            marks += note_content(proof_note, layout.fonts_folder,
                                  *note_origin(trim, bleed, media))
            marks += note_content(proof_note, layout.fonts_folder, *inner_note_origin(trim))
        if marks:
            draw_on_top(pdf, page, marks)
    for image in rgb_images(pdf):
        convert_to_cmyk(image, profile)
    convert_rgb_operators(pdf, profile, coloured)
    declare_output_intent(pdf, profile, layout.output_condition)
    identify_pdfx(pdf, proof=bool(proof_note))


def marks_offset(page: Page) -> float:
    """How far from the trim the crop marks start, in points: never inside the bleed."""
    return max(page.marks_offset_mm, page.bleed_mm) * POINTS_PER_MM


def note_origin(trim: Box, bleed: Box, media: Box) -> tuple[float, float]:
    """Where the slug's note starts: above the bleed, clear of the crop marks at the trim's
    corner."""
    return trim[0] + NOTE_INDENT_MM * POINTS_PER_MM, bleed[3] + (media[3] - bleed[3]) * 0.35


def identify_pdfx(pdf: pikepdf.Pdf, proof: bool = False) -> None:
    """The Info keys that InDesign and Scribus write beside the XMP: the PDF/X version and
    the tool that made the file; and what the file is (XMP's rendition class): a proof, or
    the file itself ("default"). GTS_PDFXConformance names an X-1a or X-3 conformance level,
    which X-4 has none of (ISO 15930-7): WeasyPrint's is dropped."""
    pdf.docinfo[pikepdf.Name.GTS_PDFXVersion] = PDFX_VERSION
    pdf.docinfo[pikepdf.Name.Creator] = CREATOR
    if "/GTS_PDFXConformance" in pdf.docinfo:
        del pdf.docinfo["/GTS_PDFXConformance"]
    # The XMP says the same, as PDF/X wants the two to agree; no clock time is written.
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["xmp:CreatorTool"] = CREATOR
        xmp[RENDITION_CLASS] = PROOF_RENDITION if proof else "default"
        if XMP_PDFX_CONFORMANCE in xmp:
            del xmp[XMP_PDFX_CONFORMANCE]


def output_profile(layout: Layout) -> bytes:
    settings = layout.folder / SETTINGS
    if not layout.output_profile:
        raise PipelineError(settings, "a PDF/X layout needs an output_profile (a CMYK ICC file)")
    path = layout.folder / layout.output_profile
    try:
        profile = path.read_bytes()
    except OSError as error:
        raise PipelineError(settings, f"cannot read output_profile: {error}") from None
    if profile[16:20] != ICC_CMYK:
        raise PipelineError(path, "the output profile is not a CMYK ICC profile")
    return profile


def page_boxes(trim: Box, page: Page) -> tuple[Box, Box]:
    """The BleedBox, the bleed beyond the trim, and the MediaBox, the slug beyond that."""
    bleed = grown(trim, page.bleed_mm * POINTS_PER_MM)
    return bleed, grown(bleed, page.slug_mm * POINTS_PER_MM)


def crop_mark_lines(trim: Box, offset: float, media: Box) -> list[Line]:
    """Two lines at each corner, prolonging the trim's edges from `offset` beyond the trim
    out to the media's edge: they never enter the trimmed page."""
    left, bottom, right, top = trim
    media_left, media_bottom, media_right, media_top = media
    lines = []
    for x, outer_x, sign_x in ((left, media_left, -1), (right, media_right, 1)):
        for y, outer_y, sign_y in ((bottom, media_bottom, -1), (top, media_top, 1)):
            lines.append((x + sign_x * offset, y, outer_x, y))  # along the horizontal edge
            lines.append((x, y + sign_y * offset, x, outer_y))  # along the vertical edge
    return lines


def marks_content(lines: list[Line]) -> bytes:
    """The crop marks' hairlines, stroked in registration colour (pdf/registration.py), its
    colour space named RESOURCE in the page's resources."""
    colour = stroked_in_registration()
    strokes = "\n".join(f"{x1:.3f} {y1:.3f} m {x2:.3f} {y2:.3f} l S"
                        for x1, y1, x2, y2 in lines)
    return f"q\n{HAIRLINE_PT} w 0 J [] 0 d {colour}\n{strokes}\nQ\n".encode("ascii")


def draw_on_top(pdf: pikepdf.Pdf, page: pikepdf.Page, content: bytes) -> None:
    """Append `content` in the page's own coordinates: WeasyPrint leaves its scaling in
    force at the end of the page, so its content is wrapped in q ... Q first."""
    page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
    page.contents_add(pikepdf.Stream(pdf, b"\nQ\n" + content))


def rgb_images(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Stream]:
    for obj in pdf.objects:
        if (isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image
                and is_rgb(obj.get("/ColorSpace"))):
            yield obj


def convert_to_cmyk(image: pikepdf.Stream, profile: bytes) -> None:
    """The image's pixels converted to the output profile's CMYK, from its own ICC
    profile when it has one, else from sRGB; its soft mask (alpha) is kept as it is."""
    pixels = pikepdf.PdfImage(image).as_pil_image().convert("RGB")
    cmyk = ImageCms.profileToProfile(
        pixels, source_profile(image), ImageCms.ImageCmsProfile(io.BytesIO(profile)),
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC, outputMode="CMYK",
        flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )
    # PIL's CMYK bytes are PDF's DeviceCMYK samples: 0 is no ink, 255 full ink.
    image.write(zlib.compress(cmyk.tobytes()), filter=pikepdf.Name.FlateDecode)
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceCMYK, 8
    for key in ("/DecodeParms", "/Decode"):
        if key in image:
            del image[key]


def convert_rgb_operators(pdf: pikepdf.Pdf, profile: bytes, coloured: Collection[str]) -> None:
    """Flat RGB colours that content paints (an SVG picture's, which WeasyPrint draws as
    vectors with rg and RG) converted to the output profile's CMYK, as a raster is: as
    InDesign's PDF/X export converts to the destination, in the paintings `coloured` names
    (where: those overprint_black found painting in RGB; most paint none). An RGB gradient
    is left for the preflight to name."""
    colours = None
    for painting in paintings(pdf):
        if painting.where not in coloured:
            continue
        colours = colours or CmykColours(profile)
        instructions = pikepdf.parse_content_stream(painting.content)
        converted = [(colours.cmyk(operands), pikepdf.Operator(RGB_OPERATORS[str(operator)]))
                     if str(operator) in RGB_OPERATORS else (operands, operator)
                     for operands, operator in instructions]
        rewrite(pdf, painting, converted)


def rewrite(pdf: pikepdf.Pdf, painting: Painting, instructions: list) -> None:
    """A page's or form's content replaced by `instructions`."""
    content = pikepdf.unparse_content_stream(instructions)
    if isinstance(painting.content, pikepdf.Page):
        painting.holder.Contents = pdf.make_stream(content)
    else:
        painting.content.write(content)


# The graphics states overprinting sets, by (fill overprints, stroke overprints); overprint
# mode 1 throughout, so that black's zero components leave the other plates as they are.
OVERPRINTS = {(fill, stroke): pikepdf.Name(f"/Overprint{'Fill' * fill}{'Stroke' * stroke}"
                                           f"{'None' * (not fill and not stroke)}")
              for fill in (False, True) for stroke in (False, True)}


def overprint_black(pdf: pikepdf.Pdf) -> frozenset[str]:
    """Set what each page and form paints in 100 % black (text, rules) to overprint, and
    anything else to knock out, as InDesign prints its [Black] swatch: a graphics state set
    before a painting wherever the overprint it needs is not the one in force. A form is
    entered with overprint off, as the painting of it (Do) sets it. The paintings (where)
    that paint in RGB are found on the way, for convert_rgb_operators: each is read once."""
    coloured = set()
    for painting in paintings(pdf):
        instructions = pikepdf.parse_content_stream(painting.content)
        inking = Inking({**graphics_states(painting.holder), **OVERPRINT_STATES})
        rewritten, used = [], set()
        for index, instruction in enumerate(instructions):
            operator = str(instruction.operator)
            if operator in RGB_OPERATORS:
                coloured.add(painting.where)
            # Most of a page draws paths and places text, which change no ink.
            paint = (inking.read(index, instruction.operands, operator)
                     if operator in FOLLOWED else None)
            if paint is not None and paint.wanted != (paint.ink.overprint_fill,
                                                      paint.ink.overprint_stroke):
                name = OVERPRINTS[paint.wanted]
                rewritten.append(([name], pikepdf.Operator("gs")))
                inking.read(index, [name], "gs")
                used.add(name)
            rewritten.append(instruction)
        if not used:
            continue
        if "/Resources" not in painting.holder:
            painting.holder.Resources = pikepdf.Dictionary()
        if "/ExtGState" not in painting.holder.Resources:
            painting.holder.Resources.ExtGState = pikepdf.Dictionary()
        states = painting.holder.Resources.ExtGState
        for name in used:
            states[name] = pikepdf.Dictionary(OVERPRINT_STATES[str(name)])
        rewrite(pdf, painting, rewritten)
    return frozenset(coloured)


OVERPRINT_STATES = {str(name): {"/Type": pikepdf.Name.ExtGState, "/OP": stroke, "/op": fill,
                                "/OPM": 1}
                    for (fill, stroke), name in OVERPRINTS.items()}


class CmykColours:
    """sRGB colours in the output profile's CMYK (PDF's 0 to 1), each converted once."""

    def __init__(self, profile: bytes):
        self.transform = ImageCms.buildTransform(
            ImageCms.createProfile("sRGB"), ImageCms.ImageCmsProfile(io.BytesIO(profile)),
            "RGB", "CMYK", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
        self.converted: dict[tuple[int, ...], list[float]] = {}

    def cmyk(self, operands) -> list[float]:
        rgb = tuple(round(float(value) * 255) for value in operands)
        if rgb not in self.converted:
            pixel = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), self.transform)
            self.converted[rgb] = [round(value / 255, 4) for value in pixel.getpixel((0, 0))]
        return self.converted[rgb]


def source_profile(image: pikepdf.Stream) -> ImageCms.ImageCmsProfile:
    space = image.ColorSpace
    if isinstance(space, pikepdf.Array) and space[0] == pikepdf.Name.Indexed:
        space = space[1]
    if isinstance(space, pikepdf.Array) and space[0] == pikepdf.Name.ICCBased:
        return ImageCms.ImageCmsProfile(io.BytesIO(space[1].read_bytes()))
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def declare_output_intent(pdf: pikepdf.Pdf, profile: bytes, condition: str) -> None:
    description = profile_description(profile)
    pdf.Root.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name(OUTPUT_INTENT),
        OutputConditionIdentifier=condition or description,
        RegistryName=ICC_REGISTRY,
        Info=description,
        DestOutputProfile=pdf.make_stream(profile, N=4),
    )])


def profile_description(profile: bytes) -> str:
    opened = ImageCms.ImageCmsProfile(io.BytesIO(profile))
    return ImageCms.getProfileDescription(opened).strip()
