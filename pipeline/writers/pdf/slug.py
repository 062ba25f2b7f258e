"""A note in the slug, outside the trim: "PROOF – 5 pictures missing" on every page of a print
file that is not for press.

The words are drawn as the outlines of a layout font's glyphs, filled in 100 % black: a PDF/X
file may use no font that is not embedded, and outlines need none.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

NOTE_FONT = "NotoSans-Bold.ttf"  # in the layouts' shared fonts folder
NOTE_SIZE_PT = 7.0
BLACK = "0 0 0 1 k"


class PathPen(BasePen):
    """Glyph outlines as PDF path operators, scaled and placed."""

    def __init__(self, glyphs, scale: float, x: float, y: float):
        super().__init__(glyphs)
        self.scale, self.x, self.y = scale, x, y
        self.operators: list[str] = []

    def point(self, point) -> str:
        return f"{self.x + point[0] * self.scale:.3f} {self.y + point[1] * self.scale:.3f}"

    def _moveTo(self, point):
        self.operators.append(f"{self.point(point)} m")

    def _lineTo(self, point):
        self.operators.append(f"{self.point(point)} l")

    def _curveToOne(self, first, second, third):
        self.operators.append(f"{self.point(first)} {self.point(second)} {self.point(third)} c")

    def _closePath(self):
        self.operators.append("h")


@functools.cache  # the same note at the same place on every page
def note_content(text: str, fonts_folder: Path, x: float, y: float,
                 size: float = NOTE_SIZE_PT) -> bytes:
    """`text` set at (`x`, `y`), its baseline's start, in points, as filled outlines."""
    font = opened_font(fonts_folder / NOTE_FONT)
    glyphs = font.getGlyphSet()
    scale = size / font["head"].unitsPerEm
    character_map = font.getBestCmap()
    paths = []
    for character in text:
        name = character_map.get(ord(character), ".notdef")
        pen = PathPen(glyphs, scale, x, y)
        glyphs[name].draw(pen)
        paths += pen.operators
        x += font["hmtx"][name][0] * scale
    return f"q\n{BLACK}\n{chr(10).join(paths)}\nf\nQ\n".encode("ascii")


@functools.cache
def opened_font(path: Path) -> TTFont:
    return TTFont(path, lazy=True)
