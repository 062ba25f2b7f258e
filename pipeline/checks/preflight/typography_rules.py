"""The typesetter's rules, measured on the glyphs as printed (pipeline/pdf/glyphs.py): running
heads and folios set as the layout says, and no glyph drawn over another."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from pipeline.checks.preflight.report import Edition, Rule
from pipeline.languages import PROFILES
from pipeline.layouts import Furniture
from pipeline.pdf.glyphs import Colour, Glyph
from pipeline.pdf.pages import POINTS_PER_MM

SIZE_TOLERANCE_PT = 0.05  # WeasyPrint rounds sizes to its own units
COLOUR_TOLERANCE = 0.005
PLACE_TOLERANCE_PT = 1.0  # letter spacing after the last glyph, rounding
HEX_COLOUR = re.compile(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})")
CMYK_COLOUR = re.compile(r"device-cmyk\(\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\)")
# Two glyphs overprint when they cover this much of the narrower one's advance, across
# and up and down (a kerned pair or an italic overhang touches far less).
OVERLAP = 0.6
BAND = (-0.2, 0.7)  # the part of the em, from the baseline, that a glyph surely inks


def furniture_problems(edition: Edition) -> list[str]:
    """From page 2, the running head in the top margin and the folio in the bottom one in
    the layout's font, size and colour, in their place: on the outer edge of the text area
    or centred on it, beyond it by the layout's gap. Page 1, the opener, has neither. A
    layout that sets no running heads (or folios) is not judged on them."""
    layout = edition.layout
    problems = []
    for number, glyphs in enumerate(edition.glyphs, 1):
        left, bottom, right, top = edition.text_area(number)
        trim = edition.pdf.pages[number - 1].trimbox
        inked = [glyph for glyph in glyphs if glyph.text.strip()
                 and float(trim[1]) <= glyph.y <= float(trim[3])]
        head = [glyph for glyph in inked if glyph.y > top]
        foot = [glyph for glyph in inked if glyph.y < bottom]
        for kind, settings, shown, edge in (("running head", layout.running_heads, head, top),
                                            ("folio", layout.folios, foot, bottom)):
            if settings is None:  # a layout that sets none: not judged
                continue
            if number == 1:
                if shown:
                    problems.append(f"page {number}: a {kind} where the layout has none: "
                                    f"{text_of(shown)!r}")
                continue
            if not shown:
                problems.append(f"page {number}: no {kind}")
                continue
            problems += [f"page {number}: {kind} {text_of(shown)!r} {fault}"
                         for fault in furniture_faults(shown, settings, (left, right), edge,
                                                       number, edition)]
    return problems


def furniture_faults(glyphs: list[Glyph], settings: Furniture, measure: tuple[float, float],
                     edge: float, number: int, edition: Edition) -> Iterator[str]:
    layout = edition.layout
    families = {settings.font} | {layout.faces_for(profile).heading for profile in PROFILES}
    families -= {""}
    if strangers := sorted({glyph.family for glyph in glyphs} - families):
        yield f"set in {', '.join(strangers)}, not {settings.font}"
    if sizes := sorted({round(glyph.size, 1) for glyph in glyphs
                        if abs(glyph.size - settings.size_pt) > SIZE_TOLERANCE_PT}):
        yield f"at {', '.join(f'{size:g}' for size in sizes)} pt, not {settings.size_pt:g} pt"
    wanted = colour_of(settings.colour)
    if colours := sorted({glyph.colour for glyph in glyphs if not same_colour(glyph.colour,
                                                                             wanted)}):
        yield f"in {describe(colours[0])}, not {settings.colour}"
    start, end = min(glyph.x for glyph in glyphs), max(glyph.end for glyph in glyphs)
    left, right = measure
    if settings.place == "centre":
        if abs((start + end) / 2 - (left + right) / 2) > PLACE_TOLERANCE_PT:
            yield "not centred on the text area"
    elif number % 2 == 0 and abs(start - left) > PLACE_TOLERANCE_PT:
        yield "not on the outer (left) edge of the text area"
    elif number % 2 == 1 and abs(end - right) > PLACE_TOLERANCE_PT:
        yield "not on the outer (right) edge of the text area"
    # The baseline lies beyond the gap from the text area, by no more than a line.
    distance = min(abs(glyph.y - edge) for glyph in glyphs)
    gap = settings.gap_mm * POINTS_PER_MM
    if not gap <= distance <= gap + 2 * settings.size_pt:
        yield f"{distance / POINTS_PER_MM:.1f} mm from the text area, not {settings.gap_mm:g} mm"


def colour_of(css: str) -> Colour | None:
    """A layout's colour as the PDF writes it: "#rrggbb" in RGB, device-cmyk() in CMYK."""
    if match := HEX_COLOUR.fullmatch(css.strip()):
        return ("DeviceRGB", tuple(int(part, 16) / 255 for part in match.groups()))
    if match := CMYK_COLOUR.fullmatch(css.strip()):
        return ("DeviceCMYK", tuple(float(part) for part in match.groups()))
    return None


def same_colour(found: Colour, wanted: Colour | None) -> bool:
    if wanted is None:  # a colour the check cannot read: not judged
        return True
    return found[0] == wanted[0] and len(found[1]) == len(wanted[1]) and all(
        abs(a - b) <= COLOUR_TOLERANCE for a, b in zip(found[1], wanted[1], strict=True))


def describe(colour: Colour) -> str:
    return f"{colour[0]} {' '.join(f'{value:g}' for value in colour[1])}"


def text_of(glyphs: list[Glyph]) -> str:
    return "".join(glyph.text for glyph in sorted(glyphs, key=lambda glyph: (-glyph.y, glyph.x)))


def overprint_problems(edition: Edition) -> list[str]:
    """No glyph drawn over another: a note's number over its first character, a line over
    the line below, text over a running head."""
    problems = []
    for number, glyphs in enumerate(edition.glyphs, 1):
        for first, second in overprinted(glyphs):
            problems.append(f"page {number}: {first.text!r} and {second.text!r} drawn over "
                            f"each other at {first.x / POINTS_PER_MM:.0f} mm, "
                            f"{first.y / POINTS_PER_MM:.0f} mm")
    return problems


def overprinted(glyphs: list[Glyph]) -> Iterator[tuple[Glyph, Glyph]]:
    """Pairs of inked glyphs covering each other, found among the glyphs of nearby cells."""
    inked = [glyph for glyph in glyphs
             if glyph.text.strip() and glyph.advance > 0.05 * glyph.size]
    size = max((glyph.size for glyph in inked), default=1.0)
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, glyph in enumerate(inked):
        cells[(int(glyph.x // size), int(glyph.y // size))].append(index)
    for index, glyph in enumerate(inked):
        column, row = int(glyph.x // size), int(glyph.y // size)
        for other in (other for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                      for other in cells.get((column + dx, row + dy), ()) if other > index):
            if covering(glyph, inked[other]):
                yield glyph, inked[other]


def covering(first: Glyph, second: Glyph) -> bool:
    across = min(first.end, second.end) - max(first.x, second.x)
    narrower = min(first.advance, second.advance)
    low = max(first.y + BAND[0] * first.size, second.y + BAND[0] * second.size)
    high = min(first.y + BAND[1] * first.size, second.y + BAND[1] * second.size)
    shorter = min(first.size, second.size) * (BAND[1] - BAND[0])
    return across > OVERLAP * narrower and high - low > OVERLAP * shorter


TYPOGRAPHY_RULES = (
    Rule("running-heads-and-folios", "error", furniture_problems),
    Rule("no-overprinting", "error", overprint_problems),
)
