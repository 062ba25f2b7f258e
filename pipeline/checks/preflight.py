"""Preflight: check a built PDF edition before anyone sends it to print or publishes it.

Each rule is a small function from an `Edition` (the opened PDF, its document and its
layout) to a list of problems; no problems means the rule passed. The layout chooses the
rules: PDF/X layouts get the print rules, PDF/UA layouts the accessibility rules, and
every layout the rules on fonts, bookmarks and text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pikepdf
import pypdfium2 as pdfium

from pipeline.layouts import Layout
from pipeline.model import Document, Figure, Paragraph
from pipeline.writers.pdf.pages import POINTS_PER_MM, grown, is_rgb, rectangle

Severity = Literal["error", "warning"]

BOX_TOLERANCE_PT = 0.01
MINIMUM_PPI = 300
PROBLEMS_SHOWN = 5  # a message lists this many problems, then counts the rest
PDFX_VERSION = "PDF/X-4"
PDFXID_VERSION = "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"
# Removed before comparing text: justified text is hyphenated at line ends, and line
# breaks and no-break spaces differ between the model and the extracted text. pdfium
# reports a hyphen-minus ending a line as U+0002.
IGNORED_IN_TEXT = re.compile(r"[\s\u002d\u2010\u00ad\u0002]+")

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class Check:
    rule: str
    severity: Severity
    passed: bool
    message: str


@dataclass(frozen=True)
class Report:
    pdf: Path
    layout: str
    checks: tuple[Check, ...]

    @property
    def errors(self) -> list[Check]:
        return [check for check in self.checks if not check.passed and check.severity == "error"]

    @property
    def warnings(self) -> list[Check]:
        return [check for check in self.checks
                if not check.passed and check.severity == "warning"]

    def to_json(self) -> dict:
        return {
            "pdf": self.pdf.name,
            "layout": self.layout,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "checks": [
                {"rule": c.rule, "severity": c.severity, "passed": c.passed, "message": c.message}
                for c in self.checks
            ],
        }

    def summary(self) -> str:
        lines = [f"{self.pdf.name}: {check.severity}: {check.rule}: {check.message}"
                 for check in self.checks if not check.passed]
        lines.append(f"preflight {self.pdf.name}: {len(self.errors)} errors, "
                     f"{len(self.warnings)} warnings")
        return "\n".join(lines)


@dataclass(frozen=True)
class Edition:
    """What the rules look at: the PDF opened once, and what it should hold."""

    path: Path
    pdf: pikepdf.Pdf
    document: Document
    layout: Layout


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    problems: Callable[[Edition], list[str]]


def preflight(pdf: Path, document: Document, layout: Layout) -> Report:
    """Run the layout's rules on the PDF edition `pdf` of `document`."""
    with pikepdf.open(pdf) as opened:
        edition = Edition(pdf, opened, document, layout)
        checks = tuple(run_rule(rule, edition) for rule in rules_for(layout))
    return Report(pdf, layout.name, checks)


def run_rule(rule: Rule, edition: Edition) -> Check:
    problems = list(dict.fromkeys(rule.problems(edition)))  # each problem once, in order
    if not problems:
        return Check(rule.name, rule.severity, True, "ok")
    shown = problems[:PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    message = "; ".join(shown) + (f"; and {more} more" if more else "")
    return Check(rule.name, rule.severity, False, message)


def rules_for(layout: Layout) -> list[Rule]:
    chosen = []
    if layout.is_pdfx:
        chosen += PRINT_RULES
    if layout.is_tagged:
        chosen += TAGGED_RULES
    return [*chosen, *COMMON_RULES]


# --- print -----------------------------------------------------------------


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
    """Images under MINIMUM_PPI at their printed size.

    Method: walk each page's content stream with pikepdf, following q/Q and cm to keep the
    current transformation matrix (CTM) and entering form XObjects with their /Matrix. An
    image fills the unit square under the CTM, so its printed width is the length of the
    CTM's first row vector (a, b) and its height that of the second (c, d), in points;
    the resolution is its pixel count per inch along each, the lower of the two counts.
    """
    problems = []
    for number, page in enumerate(edition.pdf.pages, 1):
        for name, ppi in image_resolutions(page, page.obj.get("/Resources"), IDENTITY, ()):
            if ppi < MINIMUM_PPI:
                problems.append(f"page {number}: image {name} at {ppi:.0f} ppi")
    return problems


def image_resolutions(content, resources, ctm: Matrix,
                      forms: tuple) -> Iterator[tuple[str, float]]:
    """(name, ppi) of each image drawn by `content`; `forms` are the forms around it, so
    a form that draws itself is not entered again."""
    resources = resources if resources is not None else pikepdf.Dictionary()
    saved: list[Matrix] = []
    for operands, operator in pikepdf.parse_content_stream(content):
        match str(operator):
            case "q":
                saved.append(ctm)
            case "Q" if saved:
                ctm = saved.pop()
            case "cm":
                ctm = multiply(tuple(map(float, operands)), ctm)
            case "INLINE IMAGE":
                yield "(inline)", ppi(operands[0].width, operands[0].height, ctm)
            case "Do":
                xobject = resources.get("/XObject", {}).get(operands[0])
                if xobject is None:
                    continue
                if xobject.get("/Subtype") == pikepdf.Name.Image:
                    yield str(operands[0]), ppi(xobject.Width, xobject.Height, ctm)
                elif xobject.objgen not in forms:
                    matrix = tuple(map(float, xobject.get("/Matrix", IDENTITY)))
                    yield from image_resolutions(xobject, xobject.get("/Resources"),
                                                 multiply(matrix, ctm),
                                                 (*forms, xobject.objgen))


def ppi(width_px: int, height_px: int, ctm: Matrix) -> float:
    a, b, c, d, _, _ = ctm
    width_in, height_in = (a * a + b * b) ** 0.5 / 72, (c * c + d * d) ** 0.5 / 72
    if width_in == 0 or height_in == 0:
        return float("inf")  # drawn at no size: nothing to see
    return min(int(width_px) / width_in, int(height_px) / height_in)


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The transformation applying `first`, then `then` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = then
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


# --- tagged ----------------------------------------------------------------


def tagged_problems(edition: Edition) -> list[str]:
    root = edition.pdf.Root
    problems = []
    if "/StructTreeRoot" not in root:
        problems.append("no /StructTreeRoot")
    if root.get("/MarkInfo", {}).get("/Marked") is not True:
        problems.append("/MarkInfo /Marked is not true")
    return problems


def language_problems(edition: Edition) -> list[str]:
    language = edition.pdf.Root.get("/Lang")
    expected = edition.document.metadata.language
    # Language tags are case-insensitive: en-GB and en-gb are the same language.
    if language is None or str(language).casefold() != expected.casefold():
        return [f"catalog /Lang is {language and str(language)!r}, not {expected!r}"]
    return []


def display_title_problems(edition: Edition) -> list[str]:
    problems = []
    preferences = edition.pdf.Root.get("/ViewerPreferences", {})
    if preferences.get("/DisplayDocTitle") is not True:
        problems.append("/ViewerPreferences /DisplayDocTitle is not true")
    expected = edition.document.metadata.title
    titles = [str(edition.pdf.trailer.get("/Info", {}).get("/Title", "")),
              str(edition.pdf.open_metadata().get("dc:title", ""))]
    if expected not in titles:
        problems.append(f"no Info or XMP title {expected!r}")
    return problems


def page_label_problems(edition: Edition) -> list[str]:
    return [] if "/PageLabels" in edition.pdf.Root else ["no /PageLabels"]


# --- every edition -----------------------------------------------------------


def font_problems(edition: Edition) -> list[str]:
    problems = []
    for painting in paintings(edition.pdf):
        fonts = painting.holder.get("/Resources", {}).get("/Font", {})
        for name, font in fonts.items():
            if not is_embedded(font):
                base = font.get("/BaseFont", name)
                problems.append(f"{painting.where}: font {base} is not embedded")
    return problems


def is_embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == pikepdf.Name.Type3:
        return True  # its glyphs are content streams in the file
    if font.get("/Subtype") == pikepdf.Name.Type0:
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor", {})
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def bookmark_problems(edition: Edition) -> list[str]:
    with edition.pdf.open_outline() as outline:
        titles = [normalised(item.title) for item in outline_items(outline.root)]
    problems = []
    position = 0
    for heading in edition.document.headings:
        wanted = normalised(heading.text)
        if wanted in titles[position:]:
            position = titles.index(wanted, position) + 1
        elif wanted in titles:
            problems.append(f"heading out of order in the outline: {heading.text!r}")
        else:
            problems.append(f"heading missing from the outline: {heading.text!r}")
    return problems


def outline_items(items) -> Iterator[pikepdf.OutlineItem]:
    """Every outline item, depth first: the reading order of the headings."""
    for item in items:
        yield item
        yield from outline_items(item.children)


def text_problems(edition: Edition) -> list[str]:
    """Every paragraph and caption once, in order, in the text of the pages' text areas.

    Once means as often as the document's own text holds it: a short paragraph may also
    be part of a longer one, or a heading."""
    text = normalised("".join(text_area_texts(edition)))
    own_text = normalised("".join(document_texts(edition.document)))
    problems = []
    position = 0
    for label, block in text_blocks(edition.document):
        wanted = normalised(block.text)
        if not wanted:
            continue
        count = text.count(wanted)
        if count == 0:
            problems.append(f"{label} missing: {excerpt(block.text)}")
            continue
        if count > own_text.count(wanted):
            problems.append(f"{label} printed {count} times: {excerpt(block.text)}")
        found = text.find(wanted, position)
        if found < 0:
            problems.append(f"{label} out of order: {excerpt(block.text)}")
        else:
            position = found + len(wanted)
    return problems


def text_blocks(document: Document) -> Iterator[tuple[str, Paragraph | Figure]]:
    paragraphs = 0
    for block in document.blocks:
        if isinstance(block, Paragraph):
            paragraphs += 1
            yield f"paragraph {paragraphs}", block
        elif isinstance(block, Figure):
            yield f"figure {block.number} caption", block


def document_texts(document: Document) -> list[str]:
    """All the text the document puts on its pages: titles, byline and blocks."""
    metadata = document.metadata
    byline = [document.byline.text] if document.byline else []
    return [metadata.title, metadata.subtitle, *byline,
            *(block.text for block in document.blocks)]


def text_area_texts(edition: Edition) -> list[str]:
    """Each page's text inside the layout's margins, so running heads and folios in the
    margins are left out. The margins are measured from the TrimBox (from the MediaBox
    when there is none); pdfium's page coordinates are the PDF's own."""
    page = edition.layout.page
    texts = []
    document = pdfium.PdfDocument(edition.path)
    try:
        for pdf_page, pdfium_page in zip(edition.pdf.pages, document, strict=True):
            left, bottom, right, top = rectangle(pdf_page.trimbox)
            text_page = pdfium_page.get_textpage()
            texts.append(text_page.get_text_bounded(
                left + page.margin_left_mm * POINTS_PER_MM,
                bottom + page.margin_bottom_mm * POINTS_PER_MM,
                right - page.margin_right_mm * POINTS_PER_MM,
                top - page.margin_top_mm * POINTS_PER_MM,
            ))
    finally:
        document.close()
    return texts


def normalised(text: str) -> str:
    return IGNORED_IN_TEXT.sub("", unicodedata.normalize("NFKC", text))


def excerpt(text: str, length: int = 40) -> str:
    return repr(text if len(text) <= length else text[:length].rstrip() + "…")


# --- walking the PDF ---------------------------------------------------------


@dataclass(frozen=True)
class Painting:
    """Something painted by a content stream with its own resources: a page, a form
    XObject (including soft masks and annotation appearances) or a tiling pattern."""

    where: str
    holder: pikepdf.Object  # the dictionary holding /Resources and /Group
    content: pikepdf.Object  # what pikepdf.parse_content_stream reads


def paintings(pdf: pikepdf.Pdf) -> Iterator[Painting]:
    """Every page, and every form and tiling pattern reachable from one, each once."""
    seen: set[tuple[int, int]] = set()
    for number, page in enumerate(pdf.pages, 1):
        yield Painting(f"page {number}", page.obj, page)
        yield from inner_paintings(page.obj, f"page {number}", seen)


def inner_paintings(holder: pikepdf.Object, where: str, seen: set) -> Iterator[Painting]:
    for name, stream in painted_streams(holder):
        if stream.objgen in seen:
            continue
        if stream.is_indirect:  # direct objects cannot be reached twice
            seen.add(stream.objgen)
        inner = f"{where} {name}"
        yield Painting(inner, stream, stream)
        yield from inner_paintings(stream, inner, seen)


def painted_streams(holder: pikepdf.Object) -> Iterator[tuple[str, pikepdf.Stream]]:
    resources = holder.get("/Resources", {})
    for name, xobject in resources.get("/XObject", {}).items():
        if xobject.get("/Subtype") == pikepdf.Name.Form:
            yield f"form {name}", xobject
    for name, pattern in resources.get("/Pattern", {}).items():
        if pattern.get("/PatternType") == 1:
            yield f"pattern {name}", pattern
    for name, state in resources.get("/ExtGState", {}).items():
        mask = state.get("/SMask")
        if isinstance(mask, pikepdf.Dictionary) and "/G" in mask:
            yield f"soft mask {name}", mask.G
    for index, annotation in enumerate(holder.get("/Annots", []), 1):
        appearance = annotation.get("/AP", {}).get("/N")
        if isinstance(appearance, pikepdf.Stream):
            yield f"annotation {index}", appearance


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
TAGGED_RULES = (
    Rule("tagged", "error", tagged_problems),
    Rule("language", "error", language_problems),
    Rule("display-title", "error", display_title_problems),
    Rule("page-labels", "error", page_label_problems),
)
COMMON_RULES = (
    Rule("fonts-embedded", "error", font_problems),
    Rule("bookmarks", "error", bookmark_problems),
    Rule("text-complete", "error", text_problems),
)
