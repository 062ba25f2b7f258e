"""Glyph adjustments written as exactly as WeasyPrint computes them.

WeasyPrint 70 writes each glyph's adjustment in a TJ array (kerning, and the letter and
word spacing of justified text) truncated to a whole thousandth of the font size
(draw/text.py, draw_first_line: `int(kerning)`). A line whose letters are spaced a little
(writers/pdf/justified_lines.py) has such an adjustment after every glyph, and the
truncations add up to most of a point at its end: a justified column would end ragged.
Inside that module, `int` is given a subclass of int that still is the whole number
wherever a number is needed (a Pango width) but is written with two decimals more.
A justified line's glyphs share a few adjustments (a print edition's 14,000 some 3,000
values): each is made and written once, and given again while it recurs.
"""

from __future__ import annotations

import functools

RECURRING_ADJUSTMENTS = 4096  # the values kept to be given again: a document's many


class Adjustment(int):
    """A whole number written as the value it was made from, to a hundredth."""

    written: str

    def __new__(cls, value: float):
        whole = int.__new__(cls, value)
        whole.written = f"{value:.2f}".rstrip("0").rstrip(".") or "0"
        return whole

    def __format__(self, spec: str) -> str:
        return super().__format__(spec) if spec else self.written


# WeasyPrint's two calls of `int` in the module are on a float, each glyph's adjustment
# (never 0.0 or -0.0, the one pair of equal values written apart: none is written) and a
# Pango width.
adjustment = functools.lru_cache(maxsize=RECURRING_ADJUSTMENTS)(Adjustment)


@functools.cache
def write_exact_adjustments() -> None:
    """Make WeasyPrint write glyph adjustments to a hundredth of a thousandth (once a
    process)."""
    from weasyprint.draw import text

    text.int = adjustment
