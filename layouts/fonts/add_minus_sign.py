"""Give the Noto Serif and Noto Sans files here a minus sign (U+2212), which they lack.

The house style sets negative figures with a true minus. The glyph is drawn from the face's
own plus sign: its horizontal bar, at the plus's width and advance, so a minus lines up with
plus signs and tabular figures. Run once per font file (the OFL allows modified versions;
these fonts have no reserved name): `python layouts/fonts/add_minus_sign.py layouts/fonts/*.ttf`.
"""

from __future__ import annotations

import sys

from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

MINUS = 0x2212


def bar_of_plus(font: TTFont) -> tuple[int, int, int, int]:
    """(x min, y min, x max, y max) of the plus sign's horizontal bar: the points at its
    left and right edges bound it."""
    glyph = font["glyf"][font.getBestCmap()[ord("+")]]
    points = glyph.getCoordinates(font["glyf"])[0]
    left = min(x for x, _ in points)
    right = max(x for x, _ in points)
    edge_ys = [y for x, y in points if x in (left, right)]
    return left, min(edge_ys), right, max(edge_ys)


def add_minus_sign(path: str) -> None:
    font = TTFont(path)
    if MINUS in font.getBestCmap():
        return
    left, bottom, right, top = bar_of_plus(font)
    pen = TTGlyphPen(None)
    pen.moveTo((left, bottom))
    pen.lineTo((left, top))
    pen.lineTo((right, top))
    pen.lineTo((right, bottom))
    pen.closePath()
    font.setGlyphOrder([*font.getGlyphOrder(), "uni2212"])
    font["glyf"]["uni2212"] = pen.glyph()
    font["hmtx"]["uni2212"] = (font["hmtx"][font.getBestCmap()[ord("+")]][0], left)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[MINUS] = "uni2212"
    font.save(path)


if __name__ == "__main__":
    for font_path in sys.argv[1:]:
        add_minus_sign(font_path)
