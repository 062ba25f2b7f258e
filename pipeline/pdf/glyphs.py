"""The glyphs a page shows, where it shows them: each with its text, font family, size,
fill colour and advance, in the page's user space (points, y upwards). Read from the
content stream's text operators and the fonts' widths, as a viewer places them, so the
checks measure what a reader sees: running heads, glyphs drawn over others, word spaces.

Only what WeasyPrint writes is read: Type0 fonts with two-byte codes (Identity-H) and
simple fonts with one-byte codes, text on the page itself (not inside form XObjects).
"""

from __future__ import annotations

import re
import struct
from binascii import unhexlify
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import pikepdf

from pipeline.pdf.pages import Content, Matrix, Reading, multiply
from pipeline.pdf.text import font_map

Colour = tuple[str, tuple[float, ...]]  # the colour space's name and the components
BLACK: Colour = ("DeviceGray", (0.0,))
SPACES = {"g": "DeviceGray", "rg": "DeviceRGB", "k": "DeviceCMYK"}
COMPONENTS = {"DeviceGray": 1, "DeviceRGB": 3, "DeviceCMYK": 4}
TEXT_OPERATORS = "q Q g rg k cs sc scn BT Tm Td TD T* TL Tc Tz Ts Tf Tj TJ ' \""
READ = frozenset(TEXT_OPERATORS.split())
SHOWING = ("Tj", "TJ", "'", '"')
# A TJ array's items as qpdf writes the array out: hexadecimal strings, literal strings (whose
# parentheses and backslashes are escaped) and numbers.
ITEM = re.compile(rb"<[0-9A-Fa-f]*>|\((?:[^\\)]|\\.)*\)|[^\s\[\]]+")
STRING_START = b"<("  # what a string written out starts with; a number starts otherwise
ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


class Glyph(NamedTuple):  # a tuple: a page holds thousands, made quickly
    text: str  # what its ToUnicode map says it shows ("" when nothing)
    family: str  # the font descriptor's /FontFamily, else the base font's name
    font: str  # the base font's name, without its subset prefix
    size: float  # in points, as printed
    colour: Colour
    x: float  # the origin of the glyph, on the baseline
    y: float
    advance: float  # how far the next glyph moves, in points
    end: float  # x + advance, where the next glyph starts: the rules ask it of every glyph


@dataclass
class FontInfo:
    family: str
    name: str
    two_bytes: bool
    widths: dict[int, float]  # code -> width in thousandths of the text size
    default_width: float
    unicode: dict[int, str]
    # What each string shown in it holds, by the string as written (<hex> or (literal)): a
    # page shows the same few strings again and again.
    strings: dict[bytes, tuple[tuple[str, float], ...]] = field(default_factory=dict)

    def shown(self, written: bytes) -> tuple[tuple[str, float], ...]:
        """Each glyph of the string `written`: what it shows, and its width in ems."""
        found = self.strings.get(written)
        if found is None:
            found = self.strings[written] = tuple(
                (self.unicode.get(code, ""), self.widths.get(code, self.default_width) / 1000)
                for code in codes(string_value(written), self.two_bytes))
        return found


def page_glyphs(content: Content) -> list[Glyph]:
    """Every glyph a page's `content` shows, in the order it is drawn."""
    fonts = content.resources.get("/Font", {})
    infos: dict[str, FontInfo] = {}
    glyphs: list[Glyph] = []
    colour = BLACK
    font: FontInfo | None = None
    size, spacing, scale, leading, rise = 0.0, 0.0, 1.0, 0.0, 0.0
    matrix = line = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    saved: list[Colour] = []
    for operands, operator, ctm in content.instructions:
        if operator not in READ:  # another reading's
            continue
        if operator == "q":
            saved.append(colour)
        elif operator == "Q" and saved:
            colour = saved.pop()
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
                infos[name] = font_info(fonts[name], content)
            font, size = infos.get(name), float(operands[1])
        elif operator in SHOWING and font is not None:
            if operator in ("'", '"'):
                matrix = line = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), line)
            items = shown_items(operands[0]) if operator == "TJ" else [operands[-1].unparse()]
            # The text space of the shown string, in the page's: each glyph lies `moved`
            # along its x axis.
            a, b, c, d, e, f = multiply(multiply((1.0, 0.0, 0.0, 1.0, 0.0, rise), matrix), ctm)
            moved = shown(glyphs, items, font, size, spacing, scale, colour, (a, b, c, d, e, f))
            matrix = multiply((1.0, 0.0, 0.0, 1.0, moved, 0.0), matrix)
    return glyphs



GLYPHS = Reading(page_glyphs, TEXT_OPERATORS)

def shown(glyphs: list[Glyph], items: list[bytes], font: FontInfo, size: float,
          spacing: float, scale: float, colour: Colour, space: Matrix) -> float:
    """Add the glyphs of a shown string's `items` (strings, and numbers moving the next
    glyph, as written) to `glyphs`, placed by the text space `space`; how far they moved
    along it."""
    a, b, c, d, e, f = space
    shown_size, horizontal = size * (c * c + d * d) ** 0.5, (a * a + b * b) ** 0.5
    # The loop runs once a glyph, thousands of times a page: what it reads is local, and each
    # glyph is made as the tuple it is (Glyph's own constructor is a Python function).
    family, name, append, strings = font.family, font.name, glyphs.append, font.strings
    new = tuple.__new__
    # What each number moves the next glyph by, once: a line's few spacings recur at most of
    # its glyphs.
    moves: dict[bytes, float] = {}
    moved = 0.0
    for item in items:
        if item[0] not in STRING_START:
            move = moves.get(item)
            if move is None:
                move = moves[item] = float(item) / 1000 * size * scale
            moved -= move
            continue
        found = strings.get(item)
        for text, width in font.shown(item) if found is None else found:
            advance = (width * size + spacing) * scale
            x, along = a * moved + e, advance * horizontal
            append(new(Glyph, (text, family, name, shown_size, colour, x, b * moved + f, along,
                               x + along)))
            moved += advance
    return moved


def shown_items(array: pikepdf.Array) -> list[bytes]:
    """A TJ array's strings and numbers as written: converting each of its items from pikepdf
    (a Decimal for each real number) costs more than reading the array written out. qpdf
    writes them one space apart, `[ <0037> 4.89 () 5.1 ]`, so splitting at white space reads
    them at a third of the pattern's cost, unless a literal string holds anything (which may
    be a space) or an array nests in it."""
    written = array.unparse()
    if b"(" in written.replace(b"()", b"") or written.find(b"[", 1) >= 0:
        return ITEM.findall(written)
    return written[1:-1].split()


def string_value(written: bytes) -> bytes:
    """The bytes of a string written <hex> or (literal)."""
    if written[0] == ord("<"):
        return unhexlify(written[1:-1])
    return ESCAPE.sub(unescaped, written[1:-1])


def unescaped(escape: re.Match) -> bytes:
    """What an escape in a literal string stands for (ISO 32000-1, 7.3.4.2)."""
    code = escape.group(1)
    if code[0] in b"01234567":
        return bytes([int(code, 8) & 0xFF])
    return ESCAPED.get(code, code)


def codes(data: bytes, two_bytes: bool) -> Sequence[int]:
    if two_bytes:
        return struct.unpack(f">{len(data) // 2}H", data[:len(data) // 2 * 2])
    return data


def font_info(font: pikepdf.Dictionary, content: Content) -> FontInfo:
    """What placing a font's glyphs needs, read once for the pages of a PDF that show it
    (`content`'s fonts)."""
    key = font.objgen
    if key not in content.fonts:
        content.fonts[key] = read_font_info(font, content.maps)
    return content.fonts[key]


def read_font_info(font: pikepdf.Dictionary, maps: dict) -> FontInfo:
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
