"""A PDF page's geometry and colour spaces in the PDF's own terms: shared by the print
finisher (print_ready.py), which sets them, and the preflight, which checks them."""

from __future__ import annotations

import pikepdf

POINTS_PER_MM = 72 / 25.4

Box = tuple[float, float, float, float]  # left, bottom, right, top


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
