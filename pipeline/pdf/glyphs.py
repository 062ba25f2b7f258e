"""The glyphs a page shows, where it shows them: each with its text, font family, size,
fill colour and advance, in the page's user space (points, y upwards). Read from the
content stream's text operators and the fonts' widths, as a viewer places them, so the
checks measure what a reader sees: running heads, glyphs drawn over others, word spaces.

Only what WeasyPrint writes is read: Type0 fonts with two-byte codes (Identity-H) and
simple fonts with one-byte codes, text on the page itself (not inside form XObjects).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import pikepdf

from pipeline.pdf.pages import multiply
from pipeline.pdf.text import font_map

Colour = tuple[str, tuple[float, ...]]  # the colour space's name and the components
BLACK: Colour = ("DeviceGray", (0.0,))
SPACES = {"g": "DeviceGray", "rg": "DeviceRGB", "k": "DeviceCMYK"}
COMPONENTS = {"DeviceGray": 1, "DeviceRGB": 3, "DeviceCMYK": 4}
TEXT_OPERATORS = "q Q cm g rg k cs sc scn BT Tm Td TD T* TL Tc Tz Ts Tf Tj TJ ' \""


class Glyph(NamedTuple):  # a tuple: a page holds thousands, made quickly
    text: str  # what its ToUnicode map says it shows ("" when nothing)
    family: str  # the font descriptor's /FontFamily, else the base font's name
    font: str  # the base font's name, without its subset prefix
    size: float  # in points, as printed
    colour: Colour
    x: float  # the origin of the glyph, on the baseline
    y: float
    advance: float  # how far the next glyph moves, in points

    @property
    def end(self) -> float:
        return self.x + self.advance


@dataclass
class FontInfo:
    family: str
    name: str
    two_bytes: bool
    widths: dict[int, float]  # code -> width in thousandths of the text size
    default_width: float
    unicode: dict[int, str]


def page_glyphs(page: pikepdf.Page, maps: dict | None = None) -> list[Glyph]:
    """Every glyph `page` shows, in the order it is drawn."""
    maps = {} if maps is None else maps
    fonts = page.obj.get("/Resources", {}).get("/Font", {})
    infos: dict[str, FontInfo] = {}
    glyphs: list[Glyph] = []
    colour = BLACK
    font: FontInfo | None = None
    size, spacing, scale, leading, rise = 0.0, 0.0, 1.0, 0.0, 0.0
    matrix = line = ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    saved: list = []
    # Only what places text is read: drawing instructions are the most, and need no reading.
    for operands, operator in pikepdf.parse_content_stream(page, TEXT_OPERATORS):
        operator = str(operator)
        if operator == "q":
            saved.append((ctm, colour))
        elif operator == "Q" and saved:
            ctm, colour = saved.pop()
        elif operator == "cm":
            ctm = multiply(tuple(map(float, operands)), ctm)
        elif operator in SPACES:
            colour = (SPACES[operator], tuple(float(value) for value in operands))
        elif operator == "cs":
            space = str(operands[0]).lstrip("/")
            colour = (space, (0.0,) * COMPONENTS.get(space, 1))
        elif operator in ("sc", "scn"):
            # A pattern's name may follow its components.
            colour = (colour[0], tuple(float(value) for value in operands
                                       if not isinstance(value, pikepdf.Name)))
        elif operator == "BT":
            matrix = line = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        elif operator == "Tm":
            matrix = line = tuple(map(float, operands))
        elif operator in ("Td", "TD"):
            tx, ty = map(float, operands)
            if operator == "TD":
                leading = -ty
            matrix = line = multiply((1.0, 0.0, 0.0, 1.0, tx, ty), line)
        elif operator == "T*":
            matrix = line = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), line)
        elif operator == "TL":
            leading = float(operands[0])
        elif operator == "Tc":
            spacing = float(operands[0])
        elif operator == "Tz":
            scale = float(operands[0]) / 100
        elif operator == "Ts":
            rise = float(operands[0])
        elif operator == "Tf":
            name = str(operands[0])
            if name not in infos and name in fonts:
                infos[name] = font_info(fonts[name], maps)
            font, size = infos.get(name), float(operands[1])
        elif operator in ("Tj", "TJ", "'", '"') and font is not None:
            if operator in ("'", '"'):
                matrix = line = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), line)
            items = operands[0] if operator == "TJ" else [operands[-1]]
            # The text space of the shown string, in the page's: each glyph lies `moved`
            # along its x axis.
            a, b, c, d, e, f = multiply(multiply((1.0, 0.0, 0.0, 1.0, 0.0, rise), matrix), ctm)
            vertical, horizontal = (c * c + d * d) ** 0.5, (a * a + b * b) ** 0.5
            moved = 0.0
            for item in items:
                if isinstance(item, pikepdf.String):
                    for code in codes(bytes(item), font.two_bytes):
                        width = font.widths.get(code, font.default_width) / 1000 * size
                        advance = (width + spacing) * scale
                        glyphs.append(Glyph(font.unicode.get(code, ""), font.family, font.name,
                                            size * vertical, colour, a * moved + e,
                                            b * moved + f, advance * horizontal))
                        moved += advance
                else:
                    moved -= float(item) / 1000 * size * scale
            matrix = multiply((1.0, 0.0, 0.0, 1.0, moved, 0.0), matrix)
    return glyphs


def codes(data: bytes, two_bytes: bool) -> Iterator[int]:
    if two_bytes:
        for index in range(0, len(data) - 1, 2):
            yield int.from_bytes(data[index:index + 2], "big")
    else:
        yield from data


def font_info(font: pikepdf.Dictionary, maps: dict) -> FontInfo:
    """What placing a font's glyphs needs: its widths, and what it shows."""
    name = str(font.get("/BaseFont", "/")).lstrip("/").split("+")[-1]
    unicode = font_map(font, maps)
    if font.get("/Subtype") == pikepdf.Name.Type0:
        descendant = font.DescendantFonts[0]
        return FontInfo(family(descendant, name), name, True, cid_widths(descendant.get("/W", [])),
                        float(descendant.get("/DW", 1000)), unicode)
    first = int(font.get("/FirstChar", 0))
    widths = {first + index: float(width) for index, width in enumerate(font.get("/Widths", []))}
    return FontInfo(family(font, name), name, False, widths, 0.0, unicode)


def family(font: pikepdf.Dictionary, name: str) -> str:
    descriptor = font.get("/FontDescriptor", {})
    return str(descriptor.get("/FontFamily", name))


def cid_widths(array) -> dict[int, float]:
    """A CID font's /W array: `c [w1 w2 ...]` or `first last w`."""
    widths: dict[int, float] = {}
    items = list(array)
    index = 0
    while index < len(items):
        first = int(items[index])
        if isinstance(items[index + 1], pikepdf.Array):
            for offset, width in enumerate(items[index + 1]):
                widths[first + offset] = float(width)
            index += 2
        else:
            last, width = int(items[index + 1]), float(items[index + 2])
            for code in range(first, last + 1):
                widths[code] = width
            index += 3
    return widths
