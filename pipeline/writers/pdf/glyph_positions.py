"""Glyph adjustments written as exactly as WeasyPrint computes them.

WeasyPrint 70 writes each glyph's adjustment in a TJ array (kerning, and the letter and
word spacing of justified text) truncated to a whole thousandth of the font size
(draw/text.py, draw_first_line: `int(kerning)`). A line whose letters are spaced a little
(writers/pdf/justified_lines.py) has such an adjustment after every glyph, and the
truncations add up to most of a point at its end: a justified column would end ragged.
Inside that module, `int` is given a subclass of int that still is the whole number
wherever a number is needed (a Pango width) but is written with two decimals more.
"""

from __future__ import annotations

import functools


class Adjustment(int):
    """A whole number that remembers the value it was made from, and is written as it."""

    exact: float

    # Made for each glyph a justified line spaces (WeasyPrint's two calls of `int` in the
    # module are on a float): kept to the least work.
    def __new__(cls, value: float):
        whole = int.__new__(cls, value)
        whole.exact = value
        return whole

    def __format__(self, spec: str) -> str:
        if spec:
            return super().__format__(spec)
        return f"{self.exact:.2f}".rstrip("0").rstrip(".") or "0"


@functools.cache
def write_exact_adjustments() -> None:
    """Make WeasyPrint write glyph adjustments to a hundredth of a thousandth (once a
    process)."""
    from weasyprint.draw import text

    text.int = Adjustment
