"""A PDF page in the PDF's own terms: its geometry, its colour spaces, the streams that
paint it and the transformations they apply. Shared by the print finisher (print_ready.py),
which sets them, and the preflight, which checks them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pikepdf

POINTS_PER_MM = 72 / 25.4

Box = tuple[float, float, float, float]  # left, bottom, right, top
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def rectangle(corners) -> Box:
    """A PDF rectangle as (left, bottom, right, top), whichever corners it names."""
    x1, y1, x2, y2 = map(float, corners)
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def grown(box: Box, by: float) -> Box:
    left, bottom, right, top = box
    return left - by, bottom - by, right + by, top + by


def is_rgb(space) -> bool:
    """Whether a colour space is RGB, or builds on RGB (indexed, alternate, pattern base)."""
    if isinstance(space, pikepdf.Name):
        return space == pikepdf.Name.DeviceRGB  # pikepdf expands inline images' /RGB
    if not isinstance(space, pikepdf.Array) or len(space) == 0:
        return False
    family = space[0]
    if family == pikepdf.Name.ICCBased:
        return space[1].get("/N") == 3
    if family == pikepdf.Name.CalRGB:
        return True
    if family in (pikepdf.Name.Indexed, pikepdf.Name.I, pikepdf.Name.Pattern) and len(space) > 1:
        return is_rgb(space[1])
    if family in (pikepdf.Name.Separation, pikepdf.Name.DeviceN):
        return is_rgb(space[2])
    return False


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The transformation applying `first`, then `then` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = then
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


Instruction = tuple[list, str, Matrix]  # operands, operator, the CTM in force after it
CACHED_PAGES = 24  # the pages whose instructions finishing a PDF holds (PageContents)


def with_ctm(content, ctm: Matrix = IDENTITY, operators: str = "") -> Iterator[Instruction]:
    """Each instruction of `content` (operands, operator) with the current transformation
    matrix (CTM) in force after it, following q/Q and cm; only those of `operators` (as
    parse_content_stream takes them, separated by spaces) when they are named."""
    parsed = pikepdf.parse_content_stream(content, operators and f"{operators} q Q cm")
    return placed(((instruction.operands, str(instruction.operator)) for instruction in parsed),
                  ctm)


def placed(instructions: Iterable[tuple[list, str]],
           ctm: Matrix = IDENTITY) -> Iterator[Instruction]:
    """Each of `instructions` (operands, operator's name) with the CTM in force after it."""
    saved: list[Matrix] = []
    for operands, name in instructions:
        if name == "q":
            saved.append(ctm)
        elif name == "Q" and saved:
            ctm = saved.pop()
        elif name == "cm":
            ctm = multiply(tuple(map(float, operands)), ctm)
        yield operands, name, ctm


class PageContents:
    """A PDF's pages' instructions, each page parsed once for every step finishing the PDF
    that reads or rewrites it: parsing a page costs more than any one step does with it. A
    step that rewrites a page hands its instructions back (`rewrite`), and the next reads
    those; `write` puts the pages rewritten into their streams, once, after the last. Only
    the first CACHED_PAGES pages are held: a longer document's others are parsed by each
    step again and written back as rewritten, as all of 300 pages held would take some
    250 MB."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.parsed: dict[tuple[int, int], list[tuple[list, str]]] = {}
        self.rewritten: dict[tuple[int, int], pikepdf.Page] = {}

    def instructions(self, page: pikepdf.Page) -> list[tuple[list, str]]:
        """The page's (operands, operator's name), as last rewritten."""
        key = page.obj.objgen
        if key in self.parsed:
            return self.parsed[key]
        parsed = [(instruction.operands, str(instruction.operator))
                  for instruction in pikepdf.parse_content_stream(page)]
        if len(self.parsed) < CACHED_PAGES:
            self.parsed[key] = parsed
        return parsed

    def placed(self, page: pikepdf.Page) -> Iterator[Instruction]:
        """The page's instructions with the CTM in force after each (with_ctm)."""
        return placed(self.instructions(page))

    def rewrite(self, page: pikepdf.Page, instructions: list[tuple[list, str]]) -> None:
        key = page.obj.objgen
        if key in self.parsed:
            self.parsed[key] = instructions
            self.rewritten[key] = page
        else:
            page.Contents = self.pdf.make_stream(pikepdf.unparse_content_stream(instructions))

    def write(self) -> None:
        for key, page in self.rewritten.items():
            page.Contents = self.pdf.make_stream(pikepdf.unparse_content_stream(self.parsed[key]))
        self.rewritten.clear()


@dataclass(frozen=True)
class Content:
    """A content stream parsed once, for every reading of it (glyphs, pictures, colours):
    reading a page's instructions costs more than any one reading does with them."""

    holder: pikepdf.Object  # the page or form dictionary holding its /Resources
    instructions: list[Instruction]
    maps: dict  # the fonts' ToUnicode maps read so far (text.font_map), shared by a PDF's
    # The fonts read so far for placing their glyphs (glyphs.font_info), by the font's
    # object, shared by a PDF's pages as `maps` is: a font's widths are decoded once.
    fonts: dict = field(default_factory=dict)

    @classmethod
    def read(cls, content, holder: pikepdf.Object, maps: dict, operators: str = "",
             fonts: dict | None = None) -> Content:
        """`content` (a page, a stream) parsed, keeping the instructions of `operators` only
        when they are named (with_ctm)."""
        return cls(holder, list(with_ctm(content, operators=operators)), maps,
                   {} if fonts is None else fonts)

    @property
    def resources(self) -> pikepdf.Dictionary:
        return self.holder.get("/Resources", pikepdf.Dictionary())


@dataclass(frozen=True)
class Reading:
    """What is read from a content stream, and the operators it reads: a parse for readings
    keeps those only (the path construction of outlines and rules, most of a page, none
    reads), and q, Q and cm for the CTM."""

    read: Callable[[Content], object]
    operators: str  # separated by spaces, as parse_content_stream takes them; "" for all

    @staticmethod
    def operators_of(readings: Iterable[Reading]) -> str:
        """What a parse for all of `readings` keeps ("" for every operator)."""
        named = [reading.operators.split() for reading in readings]
        return "" if [] in named else " ".join(sorted({name for names in named
                                                       for name in names}))


def unit_square(ctm) -> Box:
    """The box an image fills: the unit square under the transformation."""
    a, b, c, d, e, f = ctm
    xs = [e, a + e, c + e, a + c + e]
    ys = [f, b + f, d + f, b + d + f]
    return min(xs), min(ys), max(xs), max(ys)


def transformed(x: float, y: float, ctm: Matrix) -> tuple[float, float]:
    a, b, c, d, e, f = ctm
    return a * x + c * y + e, b * x + d * y + f


def image_placements(instructions: Iterable[Instruction], resources,
                     forms: tuple = ()) -> Iterator[tuple[str, int, int, Matrix]]:
    """(name, width and height in pixels, transformation) of each image drawn by
    `instructions` (with_ctm's), whose resources are `resources`.

    Enters form XObjects with their /Matrix; `forms` are the forms around the instructions,
    so a form that draws itself is not entered again. An image fills the unit square under
    its CTM.
    """
    resources = resources if resources is not None else pikepdf.Dictionary()
    for operands, operator, current in instructions:
        if operator == "INLINE IMAGE":
            yield "(inline)", int(operands[0].width), int(operands[0].height), current
        elif operator == "Do":
            xobject = resources.get("/XObject", {}).get(operands[0])
            if xobject is None:
                continue
            if xobject.get("/Subtype") == pikepdf.Name.Image:
                yield str(operands[0]), int(xobject.Width), int(xobject.Height), current
            elif xobject.objgen not in forms:
                matrix = tuple(map(float, xobject.get("/Matrix", IDENTITY)))
                yield from image_placements(with_ctm(xobject, multiply(matrix, current)),
                                            xobject.get("/Resources"),
                                            (*forms, xobject.objgen))


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


def page_images(content: Content) -> list[tuple[str, int, int, Matrix]]:
    """Each picture a page draws (image_placements walks its forms too)."""
    return list(image_placements(content.instructions, content.holder.get("/Resources")))


IMAGES = Reading(page_images, "Do BI ID EI")
