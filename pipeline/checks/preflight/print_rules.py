"""The printer's rules: page boxes, marks outside the bleed, output intent, PDF/X
identification, no RGB, every picture supplied and on its page, image resolution at the
printed size, ink limits, black text overprinting, and fine rules in one ink."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from pipeline.checks.preflight.report import Edition, Rule
from pipeline.pdf import overprint
from pipeline.pdf.pages import (
    IMAGES,
    POINTS_PER_MM,
    Content,
    Matrix,
    Reading,
    grown,
    is_rgb,
    paintings,
    rectangle,
    transformed,
    unit_square,
)
from pipeline.pdf.pdfx import OUTPUT_INTENT, PDFX_VERSION, XMP_PDFX_VERSION
from pipeline.pdf.registration import is_registration
from pipeline.writers.pdf.pictures import picture_of

BOX_TOLERANCE_PT = 0.01
# Effective resolution at the printed size: under the first an error, under the second a
# warning (offset printing wants 300 ppi; below 150, pixels show).
MINIMUM_PPI = 150
PRINT_PPI = 300
# A rule thinner than this, printed in more than one ink, shows each plate's line beside the
# others at the slightest misregistration on press: printers ask for one ink or a heavier rule.
FINE_RULE_PT = 0.75
INK_PRESENT = 0.005  # of a CMYK component: less lays no ink
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
               if intent.get("/S") == pikepdf.Name(OUTPUT_INTENT)]
    if not intents:
        return ["no /GTS_PDFX output intent"]
    profile = intents[0].get("/DestOutputProfile")
    if not isinstance(profile, pikepdf.Stream):
        return ["the output intent embeds no ICC profile"]
    # Bytes 16-19 of an ICC header name the profile's colour space.
    if profile.get("/N") != 4 or profile.read_bytes()[16:20] != b"CMYK":
        return [f"the output profile is not CMYK (/N {profile.get('/N')})"]
    if not str(intents[0].get("/RegistryName", "")):
        return ["the output intent names no /RegistryName"]
    return []


def pdfx_id_problems(edition: Edition) -> list[str]:
    problems = []
    version = edition.pdf.open_metadata().get(XMP_PDFX_VERSION)
    if version != PDFX_VERSION:
        problems.append(f"XMP pdfxid:GTS_PDFXVersion is {version!r}, not {PDFX_VERSION!r}")
    info = edition.pdf.trailer.get("/Info", {})
    # PDF/X requires the trapping state to be known; this pipeline never traps.
    trapped = info.get("/Trapped")
    if trapped != pikepdf.Name("/False"):
        problems.append(f"Info /Trapped is {trapped}, not /False")
    if str(info.get("/GTS_PDFXVersion", "")) != PDFX_VERSION:
        problems.append(f"Info /GTS_PDFXVersion is not {PDFX_VERSION!r}")
    creator = str(info.get("/Creator", ""))
    if not creator:
        problems.append("Info names no /Creator")
    elif edition.pdf.open_metadata().get("xmp:CreatorTool") != creator:
        problems.append("XMP xmp:CreatorTool is not Info's /Creator")
    return problems


def rgb_problems(edition: Edition) -> list[str]:
    """RGB colour spaces in any resource, group or image, and RGB operators in any content
    stream: the printer's RIP would convert them with a profile nobody chose."""
    problems = []
    # The pages' content is parsed once for every rule; forms and patterns here.
    on_pages = {page.obj.objgen: found
                for page, found in zip(edition.pdf.pages, edition.read(RGB), strict=True)}
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
        found = on_pages.get(painting.holder.objgen)
        if found is None:  # a form's, a pattern's
            found = RGB.read(Content.read(painting.content, painting.holder, {}, RGB.operators))
        problems += [f"{where}: {operator}" for operator in found]
    return problems


def rgb_operators(content: Content) -> list[str]:
    """rg/RG, an RGB colour space set by name (/DeviceRGB cs), and RGB inline images."""
    found = []
    for operands, operator, _ in content.instructions:
        match operator:
            case "rg" | "RG":
                found.append(f"{operator} operator")
            case "cs" | "CS" if is_rgb(operands[0]):
                found.append(f"{operator} {operands[0]}")
            case "INLINE IMAGE" if is_rgb(operands[0].obj.get("/ColorSpace")):
                found.append("RGB inline image")
    return found


def shadings(resources: pikepdf.Dictionary) -> Iterator[tuple[str, pikepdf.Object]]:
    """Shading resources and the shadings of shading patterns."""
    yield from resources.get("/Shading", {}).items()
    for name, pattern in resources.get("/Pattern", {}).items():
        if pattern.get("/PatternType") == 2:
            yield name, pattern.Shading


def image_resolution_problems(edition: Edition) -> list[str]:
    """Pictures under MINIMUM_PPI at their printed size: pixels would show."""
    return [problem for problem, resolution in resolutions(edition) if resolution < MINIMUM_PPI]


def image_resolution_warnings(edition: Edition) -> list[str]:
    """Pictures between MINIMUM_PPI and PRINT_PPI: printable, but soft."""
    return [problem for problem, resolution in resolutions(edition)
            if MINIMUM_PPI <= resolution < PRINT_PPI]


def resolutions(edition: Edition) -> list[tuple[str, float]]:
    """Each picture drawn, named by the file it was made from, with its size and effective
    resolution: measured once for the error and the warning."""
    if "resolutions" not in edition.cache:
        found = []
        for number, placements in enumerate(edition.read(IMAGES), 1):
            for name, width, height, ctm in placements:
                resolution = ppi(width, height, ctm)
                found.append((f"page {number}: {picture_name(edition, name)} "
                              f"({width} x {height} px) at {resolution:.0f} ppi", resolution))
        edition.cache["resolutions"] = found
    return edition.cache["resolutions"]


def pictures_off_page(edition: Edition) -> list[str]:
    """Pictures drawn beyond the trim, which the guillotine cuts off (a picture too tall for
    its page runs off its foot, over the folio): none is set to bleed."""
    problems = []
    for number, (page, placements) in enumerate(
            zip(edition.pdf.pages, edition.read(IMAGES), strict=True), 1):
        left, bottom, right, top = rectangle(page.trimbox)
        for name, _, _, ctm in placements:
            drawn = unit_square(ctm)
            if (drawn[0] < left - BOX_TOLERANCE_PT or drawn[1] < bottom - BOX_TOLERANCE_PT
                    or drawn[2] > right + BOX_TOLERANCE_PT or drawn[3] > top + BOX_TOLERANCE_PT):
                problems.append(f"page {number}: {picture_name(edition, name)} runs off the "
                                f"page, beyond its trim {format_box((left, bottom, right, top))}")
    return problems


def picture_name(edition: Edition, resource: str) -> str:
    """The file an image resource was made from, else the resource's name."""
    images = [figure.image for figure in edition.document.figures if figure.image]
    return picture_of(resource, images) or f"image {resource}"


def total_ink_problems(edition: Edition) -> list[str]:
    """CMYK pictures and colours laying more ink than the output condition takes (the
    layout's total_ink_limit), measured on the separations: each picture's darkest pixel,
    the sum of its four plates."""
    limit = edition.layout.total_ink_limit
    if not limit:
        return ["the layout names no total_ink_limit (the printer's, with its profile)"]
    problems = []
    for number, (page, placements, inks) in enumerate(
            zip(edition.pdf.pages, edition.read(IMAGES), edition.read(INKS),
                strict=True), 1):
        xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
        for name, _, _, _ in placements:
            image = xobjects.get(name)
            ink = image_ink(image) if image is not None else 0.0
            if ink > limit:
                problems.append(f"page {number}: {picture_name(edition, name)} lays "
                                f"{ink:.0f} % ink, over the {limit:g} % limit")
        for ink in inks:
            if ink > limit:
                problems.append(f"page {number}: a CMYK colour of {ink:.0f} % ink, over the "
                                f"{limit:g} % limit")
                break
    return problems


def image_ink(image: pikepdf.Stream) -> float:
    """The most ink a CMYK image lays anywhere, in per cent (400 at most): its samples
    decoded (an Adobe CMYK JPEG's inverted ones turned by its /Decode), its mask aside."""
    from PIL import Image, ImageChops, ImageMath

    if (image.get("/ColorSpace") != pikepdf.Name.DeviceCMYK
            or int(image.get("/BitsPerComponent", 8)) != 8):
        return 0.0
    samples = image.read_bytes(decode_level=pikepdf.StreamDecodeLevel.all)
    pixels = Image.frombytes("CMYK", (int(image.Width), int(image.Height)), samples)
    if [float(value) for value in image.get("/Decode", [0, 1])][:2] == [1.0, 0.0]:
        pixels = ImageChops.invert(pixels)
    plates = [plate.convert("I") for plate in pixels.split()]
    total = ImageMath.lambda_eval(lambda names: names["c"] + names["m"] + names["y"]
                                  + names["k"], c=plates[0], m=plates[1], y=plates[2],
                                  k=plates[3])
    return total.getextrema()[1] / 255 * 100


def fill_inks(content: Content) -> list[float]:
    """The total ink of each CMYK colour the page's content sets: by k and K, or by sc, scn,
    SC and SCN in a CMYK colour space (WeasyPrint sets every colour so: /DeviceCMYK cs, then
    scn). A Separation's tint, the marks' registration colour's too, is no CMYK colour: the
    marks, whose colorant is every plate's, are judged by where they lie (marks_problems)."""
    spaces = {"fill": "", "stroke": ""}  # the colour space in force, by its name
    saved, inks = [], []
    named = colour_spaces(content)
    for operands, operator, _ in content.instructions:
        if operator not in INKED:
            continue
        if operator == "q":
            saved.append(dict(spaces))
        elif operator == "Q" and saved:
            spaces = saved.pop()
        elif operator in COLOUR_SPACE_OPERATORS:
            spaces[COLOUR_SPACE_OPERATORS[operator]] = str(operands[0])
        elif len(operands) == 4 and (operator in ("k", "K") or (
                operator in COLOUR_OPERATORS
                and is_cmyk(spaces[COLOUR_OPERATORS[operator]], named))):
            inks.append(sum(map(float, operands)) * 100)
    return inks


def colour_spaces(content: Content):
    """The colour spaces named in the resources of the page or form `content` is."""
    return content.holder.get("/Resources", {}).get("/ColorSpace", {})


INK_OPERATORS = "q Q k K cs CS sc scn SC SCN"
INKED = frozenset(INK_OPERATORS.split())
COLOUR_SPACE_OPERATORS = {"cs": "fill", "CS": "stroke"}
COLOUR_OPERATORS = {"sc": "fill", "scn": "fill", "SC": "stroke", "SCN": "stroke"}


def is_cmyk(space: str, named) -> bool:
    """Whether the colour space `space` (an operand of cs or CS) is DeviceCMYK or a CMYK ICC
    space, itself or by its name in the page's resources."""
    if space == "/DeviceCMYK":
        return True
    if space in named:
        found = named[space]
        if isinstance(found, pikepdf.Name):
            return found == pikepdf.Name.DeviceCMYK
        return (isinstance(found, pikepdf.Array) and found[0] == pikepdf.Name.ICCBased
                and int(found[1].get("/N", 0)) == 4)
    return False


def marks_problems(edition: Edition) -> list[str]:
    """Printer's marks (painted in registration colour, pdf/registration.py) lying inside
    the bleed, where they would be printed and trimmed into the page's edge."""
    problems = []
    for number, (page, points) in enumerate(
            zip(edition.pdf.pages, edition.read(MARKS), strict=True), 1):
        bleed = rectangle(page.bleedbox)
        for x, y in points:
            if (bleed[0] + BOX_TOLERANCE_PT < x < bleed[2] - BOX_TOLERANCE_PT
                    and bleed[1] + BOX_TOLERANCE_PT < y < bleed[3] - BOX_TOLERANCE_PT):
                problems.append(f"page {number}: a mark at ({x:.1f}, {y:.1f}) lies inside "
                                f"the bleed")
                break
    return problems


def registration_points(content: Content) -> list[tuple[float, float]]:
    """The points of every path painted (stroked or filled) in registration colour, in page
    coordinates: each segment's ends, each rectangle's corners."""
    named = colour_spaces(content)
    inked = {"fill": False, "stroke": False}  # whether each colour in force is registration
    spaces = {"fill": "", "stroke": ""}
    instructions = content.instructions
    saved, path_start, points = [], 0, []
    for index, (operands, operator, _) in enumerate(instructions):
        if operator in PATH_CONSTRUCTION:
            continue  # most of a page (letters' outlines), read only if painted in registration
        if operator == "q":
            saved.append((dict(spaces), dict(inked)))
        elif operator == "Q" and saved:
            spaces, inked = saved.pop()
        elif operator in COLOUR_SPACE_OPERATORS:
            kind = COLOUR_SPACE_OPERATORS[operator]
            spaces[kind] = str(operands[0])
            inked[kind] = is_registration(spaces[kind], named)  # its initial tint is 1
        elif operator in COLOUR_OPERATORS:
            kind = COLOUR_OPERATORS[operator]
            inked[kind] = (is_registration(spaces[kind], named) and bool(operands)
                           and float(operands[0]) > 0)
        elif operator in ("k", "K", "g", "G", "rg", "RG"):
            inked["stroke" if operator.isupper() else "fill"] = False
        elif operator in PAINTING:
            if ((operator in STROKED and inked["stroke"])
                    or (operator in FILLED and inked["fill"])):
                points += path_points(instructions[path_start:index])
            path_start = index + 1
    return points


def path_points(instructions: list) -> list[tuple[float, float]]:
    """The points of the path `instructions` construct, in page coordinates: each segment's
    end, each rectangle's corners."""
    points = []
    for operands, operator, ctm in instructions:
        if operator == "re":
            x, y, width, height = map(float, operands)
            points += [transformed(x, y, ctm), transformed(x + width, y + height, ctm)]
        elif operator in PATH_CONSTRUCTION:
            points.append(transformed(*map(float, operands[-2:]), ctm))
    return points


PATH_CONSTRUCTION = frozenset("m l c v y re".split())
PAINTING = frozenset("S s f F f* B B* b b* n".split())
STROKED = frozenset("S s B B* b b*".split())
FILLED = frozenset("f F f* B B* b b*".split())


def black_knockout_warnings(edition: Edition) -> list[str]:
    """Text in 100 % black that knocks out what lies under it, where a printer expects it to
    overprint (pdf/overprint.py): its page and how many runs of text."""
    return [f"page {number}: {count} run{'s' * (count != 1)} of 100 % black text not set to "
            "overprint" for number, count in enumerate(edition.read(BLACK_TEXT), 1) if count]


def knocked_out_text(content: Content) -> int:
    # The instructions an inking follows: a page's path segments, most of it, change no ink.
    return overprint.knocked_out_text(
        ((operands, operator) for operands, operator, _ in content.instructions
         if operator in overprint.FOLLOWED), content.holder)


def fine_rule_warnings(edition: Edition) -> list[str]:
    """Rules thinner than FINE_RULE_PT painted in more than one ink: each page's, each
    width and colour once."""
    return [f"page {number}: {rule}" for number, rules in enumerate(edition.read(FINE_RULES), 1)
            for rule in rules]


def fine_rules(content: Content) -> list[str]:
    """Each rule of the content thinner than FINE_RULE_PT in a CMYK colour of more than one
    ink, said once: a line stroked (its width under the CTM) or a rectangle filled, alone
    or as a frame (WeasyPrint paints a border as the space between two rectangles, filled
    even-odd), whose thinnest side is its width. A path of lines and curves filled (a
    letter's outline) is no rule."""
    named = colour_spaces(content)
    spaces = {"fill": "", "stroke": ""}
    colours: dict[str, tuple[float, ...]] = {"fill": (), "stroke": ()}
    width, saved, rectangles, found = 1.0, [], [], {}
    for operands, operator, ctm in content.instructions:
        if operator in PATH_SEGMENTS:  # most of a page (letters' outlines): asked first
            rectangles.append(None)
        elif operator == "q":
            saved.append((dict(spaces), dict(colours), width))
        elif operator == "Q" and saved:
            spaces, colours, width = saved.pop()
        elif operator in COLOUR_SPACE_OPERATORS:
            spaces[COLOUR_SPACE_OPERATORS[operator]] = str(operands[0])
            colours[COLOUR_SPACE_OPERATORS[operator]] = ()  # its initial colour, one ink
        elif operator in COLOUR_OPERATORS:
            kind = COLOUR_OPERATORS[operator]
            cmyk = len(operands) == 4 and is_cmyk(spaces[kind], named)
            colours[kind] = tuple(map(float, operands)) if cmyk else ()
        elif operator in ("k", "K"):
            colours["stroke" if operator == "K" else "fill"] = tuple(map(float, operands))
        elif operator == "w":
            width = float(operands[0])
        elif operator == "re":
            rectangles.append(tuple(map(float, operands)))
        elif operator in PAINTING:
            painted = [("stroke", width * scale_of(ctm))] if operator in STROKED else []
            if operator in FILLED and rectangles and None not in rectangles:
                painted.append(("fill", frame_width(rectangles) * scale_of(ctm)))
            for kind, thickness in painted:
                inks = [value for value in colours[kind] if value > INK_PRESENT]
                if 0 < thickness < FINE_RULE_PT - BOX_TOLERANCE_PT and len(inks) > 1:
                    key = (round(thickness, 2), colours[kind])
                    found.setdefault(key, f"a rule {thickness:.2f} pt wide in {len(inks)} "
                                          f"inks ({described_cmyk(colours[kind])})")
            rectangles = []
    return list(found.values())


PATH_SEGMENTS = frozenset("m l c v y h".split())


def frame_width(rectangles: list[tuple[float, ...]]) -> float:
    """The width of a filled rectangle (its narrower side), or of the frame between two (its
    thinnest side of any width); of more, the narrowest rectangle's."""
    boxes = [rectangle((x, y, x + width, y + height)) for x, y, width, height in rectangles]
    if len(boxes) == 2:
        outer, inner = sorted(boxes, key=lambda box: (box[2] - box[0]) * (box[3] - box[1]),
                              reverse=True)
        sides = [inner[0] - outer[0], inner[1] - outer[1], outer[2] - inner[2],
                 outer[3] - inner[3]]
        if all(side >= 0 for side in sides) and any(side > 0 for side in sides):
            return min(side for side in sides if side > 0)
    return min(min(box[2] - box[0], box[3] - box[1]) for box in boxes)


def scale_of(ctm: Matrix) -> float:
    """How much `ctm` scales a length (the square root of its area's scale)."""
    a, b, c, d, _, _ = ctm
    return abs(a * d - b * c) ** 0.5


def described_cmyk(colour: tuple[float, ...]) -> str:
    return ", ".join(f"{plate} {value * 100:.0f} %" for plate, value in zip("CMYK", colour,
                                                                           strict=True)
                     if value > INK_PRESENT)


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


# What the rules read in each page's content (Edition.read), and the operators each reads.
RGB = Reading(rgb_operators, "rg RG cs CS BI ID EI")
INKS = Reading(fill_inks, INK_OPERATORS)
MARKS = Reading(registration_points,
                "q Q cs CS sc scn SC SCN k K g G rg RG m l c v y re S s f F f* B B* b b* n")
BLACK_TEXT = Reading(knocked_out_text, overprint.OPERATORS)
FINE_RULES = Reading(fine_rules,
                     "q Q cs CS sc scn SC SCN k K w re m l c v y h S s f F f* B B* b b* n")

PRINT_RULES = (
    Rule("page-boxes", "error", page_box_problems),
    Rule("output-intent", "error", output_intent_problems),
    Rule("pdfx-id", "error", pdfx_id_problems),
    Rule("no-rgb", "error", rgb_problems, reads=(RGB,)),
    Rule("marks-outside-bleed", "error", marks_problems, reads=(MARKS,)),
    Rule("pictures-on-page", "error", pictures_off_page, reads=(IMAGES,)),
    Rule("image-resolution", "error", image_resolution_problems, reads=(IMAGES,)),
    Rule("image-resolution-print", "warning", image_resolution_warnings, reads=(IMAGES,)),
    Rule("total-ink", "error", total_ink_problems, reads=(IMAGES, INKS)),
    Rule("black-overprint", "warning", black_knockout_warnings, reads=(BLACK_TEXT,)),
    Rule("fine-rules", "warning", fine_rule_warnings, reads=(FINE_RULES,)),
)
