"""The typesetter's rules, measured on the glyphs as printed (pipeline/pdf/glyphs.py): running
heads and folios set as the layout says, no glyph drawn over another, and how well the text
is set (word spaces, hyphens, empty pages, a last page holding a line or a sign-off alone),
reported for every edition."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, groupby, islice
from operator import attrgetter, sub
from pathlib import Path

from pipeline.checks.preflight.common_rules import normalised
from pipeline.checks.preflight.report import Edition, PageMeasure, Rule
from pipeline.errors import excerpt
from pipeline.languages import PROFILES, Profile, own_language, profile_for
from pipeline.layouts import Furniture, Layout
from pipeline.model import Document, SignOff
from pipeline.pdf.glyphs import Colour, Glyph
from pipeline.pdf.pages import IMAGES, POINTS_PER_MM, Box, rectangle
from pipeline.writers.html import openings
from pipeline.writers.justified import BALANCE_SLACK, SENSE_BREAK, line_starts
from pipeline.writers.shaping import text_ems

SIZE_TOLERANCE_PT = 0.05  # WeasyPrint rounds sizes to its own units
COLOUR_TOLERANCE = 0.005
PLACE_TOLERANCE_PT = 1.0  # letter spacing after the last glyph, rounding
SVG_TEXT = "{http://www.w3.org/2000/svg}text"
MEDIUM_PX = 16  # the size of an SVG's text that names none (CSS's medium)
HEX_COLOUR = re.compile(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})")
CMYK_COLOUR = re.compile(r"device-cmyk\(\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\)")
# Two glyphs overprint when they cover this much of the narrower one's advance, across
# and up and down (an italic overhang touches far less)...
OVERLAP = 0.6
# ... and more of the em than a face kerns a pair: a comma after an italic r is kerned 0.17 em
# into it (Noto Serif Italic), most of the comma's narrow advance, their ink apart.
KERNING_EM = 0.2
BAND = (-0.2, 0.7)  # the part of the em, from the baseline, that a glyph surely inks
SPACE_GAP = 0.12  # a gap between glyphs this much of the em or more parts two words
EVEN_SPACES = 0.1  # of the em: a justified line's spaces differ by no more
DESCENT = 0.3  # of the em, below the baseline: how low a line's letters reach
ROW_GAP = 0.6  # of the em: baselines further apart part two lines of text
WORD_SPACE = 0.3  # of the em: a heading's word space, as wide as a face sets it at most
MAX_EMPTY = 0.15  # of a page's text area: the house style's most, on any page but the last
# The most the page before the last may be left empty where the letter's last lines went
# over with its sign-off, which would otherwise open the last page alone (the placement's
# MAX_EMPTY_SIGNED): the lesser fault, which a typesetter makes to avoid the greater.
MAX_EMPTY_SIGNED = 0.25
# The most lines of body text that go over with a sign-off (the placement's pushed_over): a
# paragraph's last two, or the whole of one too short to leave three at a page's foot and
# two overleaf. A last page holding more before its sign-off was never left short for it.
WENT_OVER_LINES = 4
# The house style's word spaces: between about 0.25 and 0.45 em; 95 % of them within.
USUAL_SPACE_EM = 0.45
HYPHENS = ("-", "\u2010")
COLUMN_GAP = 1.0  # of the em: a gap this wide parts a table's columns, no line's words
# Of the lines measured: more than one in twenty longer (or shorter) than the language's
# measure, two at least, is a measure missed, as an average outside it is (a line alone is
# chance: a line ended short before a long address).
OUT_OF_MEASURE = 0.05


def furniture_problems(edition: Edition) -> list[str]:
    """From page 2, the running head in the top margin and the folio in the bottom one in
    the layout's font, size and colour, in their place: on the outer edge of the text area
    or centred on it, beyond it by the layout's gap. Page 1, the opener, has neither. A
    layout that sets no running heads (or folios) is not judged on them."""
    return [problem for page in edition.read(FURNITURE) for problem in page]


def page_furniture_problems(edition: Edition, number: int, glyphs: list[Glyph]) -> list[str]:
    layout = edition.layout
    problems = []
    left, bottom, right, top = edition.text_area(number)
    _, trim_bottom, _, trim_top = rectangle(edition.pdf.pages[number - 1].trimbox)
    # Placed first, inked last: most of a page's glyphs are in its text area.
    head = [glyph for glyph in glyphs if glyph.y > top
            and trim_bottom <= glyph.y <= trim_top and glyph.text.strip()]
    foot = [glyph for glyph in glyphs if glyph.y < bottom
            and trim_bottom <= glyph.y <= trim_top and glyph.text.strip()]
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


FURNITURE = PageMeasure(page_furniture_problems)


def furniture_faults(glyphs: list[Glyph], settings: Furniture, measure: tuple[float, float],
                     edge: float, number: int, edition: Edition) -> Iterator[str]:
    layout = edition.layout
    families = {settings.font, *layout.symbol_fonts} | {layout.faces_for(profile).heading
                                                        for profile in PROFILES}
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
    # One line, as a reader meets it at every page's head: a title wrapped to two takes the
    # margin to the page's edge.
    if (lines := len(baselines(glyphs, settings.size_pt))) > 1:
        yield f"set on {lines} lines, not one"
    # The baseline lies beyond the gap from the text area, by no more than a line.
    distance = min(abs(glyph.y - edge) for glyph in glyphs)
    gap = settings.gap_mm * POINTS_PER_MM
    if not gap <= distance <= gap + 2 * settings.size_pt:
        yield f"{distance / POINTS_PER_MM:.1f} mm from the text area, not {settings.gap_mm:g} mm"


def baselines(glyphs: list[Glyph], size_pt: float) -> list[float]:
    """The lines the glyphs stand on, apart by more than half their size (a superscript's
    rise is none)."""
    found: list[float] = []
    for y in sorted(glyph.y for glyph in glyphs):
        if not found or y - found[-1] > size_pt / 2:
            found.append(y)
    return found


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
    return [problem for page in edition.read(OVERPRINTS) for problem in page]


def page_overprint_problems(_edition: Edition, number: int, glyphs: list[Glyph]) -> list[str]:
    return [f"page {number}: {first.text!r} and {second.text!r} drawn over each other at "
            f"{first.x / POINTS_PER_MM:.0f} mm, {first.y / POINTS_PER_MM:.0f} mm"
            for first, second in overprinted(glyphs)]


OVERPRINTS = PageMeasure(page_overprint_problems)


def overprinted(glyphs: list[Glyph]) -> Iterator[tuple[Glyph, Glyph]]:
    """Pairs of inked glyphs covering each other: glyphs whose baselines lie close are
    taken left to right, each against those it starts inside of."""
    inked = sorted([glyph for glyph in glyphs
                    if glyph.text.strip() and glyph.advance > 0.05 * glyph.size],
                   key=attrgetter("y", "x"))
    rows: list[list[Glyph]] = []
    if not inked:
        return  # a page drawing no text (a picture alone)
    for glyph in inked:  # rows of baselines within a fifth of an em of each other
        if rows and glyph.y - rows[-1][0].y <= 0.2 * glyph.size:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    for row, following in zip(rows, [*rows[1:], []], strict=True):
        near = sorted(row + close_above(row, following), key=attrgetter("x"))
        if apart(near):  # most rows: each glyph after the one before it
            continue
        for index, glyph in enumerate(near):
            end = glyph.end
            for other in islice(near, index + 1, None):
                if other.x >= end:
                    break
                if covering(glyph, other):
                    yield glyph, other


def close_above(row: list[Glyph], following: list[Glyph]) -> list[Glyph]:
    """The glyphs of the next row up whose baselines lie within a band of their size above
    the highest of `row`: none when the lowest of them lies that far above for the largest."""
    if not following:
        return []
    highest, band = row[-1].y, BAND[1] - BAND[0]
    if following[0].y - highest >= band * max(map(attrgetter("size"), following)):
        return []  # most rows: a line, and the next a line's height above
    return [glyph for glyph in following if glyph.y - highest < band * glyph.size]


def apart(near: list[Glyph]) -> bool:
    """Whether no glyph of `near` (in order across) reaches into the next as far as covering
    asks of the narrowest: then none covers another, as no glyph reaches further into any
    glyph after it than into the next."""
    reach = max(map(sub, map(attrgetter("end"), near), map(attrgetter("x"), near[1:])),
                default=0.0)
    return reach <= OVERLAP * min(map(attrgetter("advance"), near))


def covering(first: Glyph, second: Glyph) -> bool:
    across = min(first.end, second.end) - max(first.x, second.x)
    if across <= max(OVERLAP * min(first.advance, second.advance),
                     KERNING_EM * min(first.size, second.size)):
        return False  # most pairs: a glyph and the next, touching or kerned
    low = max(first.y + BAND[0] * first.size, second.y + BAND[0] * second.size)
    high = min(first.y + BAND[1] * first.size, second.y + BAND[1] * second.size)
    shorter = min(first.size, second.size) * (BAND[1] - BAND[0])
    return high - low > OVERLAP * shorter




@dataclass(frozen=True)
class SetLine:
    """A line of body text as printed: its words' extents on its baseline."""

    page: int
    words: tuple[tuple[float, float], ...]  # (start, end) of each word, in points
    text: str
    full: bool  # it reaches the measure: a justified line, not a paragraph's last
    measure: tuple[float, float]  # where the text area's lines start and end, in points
    # In a language whose justified lines are spread between their characters (Chinese), not
    # at word spaces, which it has none of, or none to judge.
    between_characters: bool = False

    @property
    def spaces(self) -> list[float]:
        return [after[0] - before[1] for before, after in zip(self.words, self.words[1:],
                                                             strict=False)]

    @property
    def room(self) -> float:
        """How far its end stands from the measure's, in points."""
        return self.measure[1] - self.words[-1][1]


@dataclass(frozen=True)
class Typesetting:
    """How well an edition is set: its full lines' word spaces (in ems of the body), its
    hyphens, and its pages' emptiness."""

    spaces: tuple[float, ...]
    widest: float  # the widest space on a line of more than two spaces
    full_lines: int
    spread_lines: int  # full lines justified between their characters (Chinese)
    # The lines of running text (a list item's, a note's too), and those of them ending with
    # a hyphen: the house style's share is of all lines, so a ragged edition's few full
    # lines do not make a compound broken at its own hyphen look like many.
    measured_lines: int
    hyphenated: int
    ladder: int  # the longest run of lines ending with a hyphen
    empty_pages: tuple[tuple[int, float], ...]  # (page, share empty) over MAX_EMPTY
    lone_last_page: str = ""  # what a last page holds alone: a single line, the sign-off
    widest_line: str = ""  # where the widest space is: "page 1, 'Dr Fiona Ashworth, Chief…'"

    @property
    def p95(self) -> float:
        ordered = sorted(self.spaces)
        return ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0

    @property
    def p5(self) -> float:
        """The space 95 % of the full lines' spaces are wider than: how tight the tightest
        lines are set, as a typesetter reads a page's grey."""
        ordered = sorted(self.spaces)
        return ordered[int(0.05 * (len(ordered) - 1))] if ordered else 0.0


def typesetting(edition: Edition) -> Typesetting:
    """The edition's typesetting, measured once for the summary and the problems."""
    if "typesetting" not in edition.cache:
        edition.cache["typesetting"] = measured_typesetting(edition)
    return edition.cache["typesetting"]


def measured_typesetting(edition: Edition) -> Typesetting:
    size, pages = edition.layout.body_size_pt, edition.read(PAGE_SETTING)
    lines = [line for page_lines, *_ in pages for line in page_lines]
    spread = [line for line in lines if line.full and line.between_characters]
    # A justified line's spaces are even; a table's row, whose gaps are columns, is not one.
    # Nor is a line of two or three words reaching the measure: its gaps may be a row's of
    # two or three cells as well as spaces (in a ragged edition, they always are: one word
    # space in twenty had read 5.5 em there, the widest space 0.26 em).
    full = [line for line in lines if line.full and not line.between_characters
            and len(line.spaces) > 2
            and max(line.spaces) - min(line.spaces) <= EVEN_SPACES * size]
    spaces = tuple(space / size for line in full for space in line.spaces)
    widest, widest_at = max(((space / size, line) for line in full for space in line.spaces),
                            key=lambda found: found[0], default=(0.0, None))
    ladder = run = 0
    for line in lines:
        run = run + 1 if line.text.endswith(HYPHENS) else 0
        ladder = max(ladder, run)
    last_lines, _, last_rows = pages[-1]
    # A page turned on its side ends where its table does. The page before it is counted as
    # any other (the text after the table may fill it, the turned page going over), but the
    # text's last page, the last set upright, though a turned table closes the piece.
    turned = edition.turned_pages()
    upright = [number for number in range(1, len(pages) + 1) if number not in turned]
    excused = turned | set(upright[-1:])
    # The page before the last, where the letter's last lines went over with its sign-off.
    if len(pages) > 1 and went_over_with_sign_off(last_lines, edition.document):
        excused |= {number for number in (len(pages) - 1,)
                    if pages[number - 1][1] <= MAX_EMPTY_SIGNED}
    return Typesetting(spaces, widest, len(full), len(spread), len(lines),
                       sum(1 for line in lines if line.text.endswith(HYPHENS)), ladder,
                       tuple((number, empty) for number, (_, empty, _) in enumerate(pages, 1)
                             if empty > MAX_EMPTY and number not in excused),
                       held_alone(last_lines, last_rows, edition.document)
                       if len(pages) > 1 and len(pages) - 1 not in turned
                       and not edition.read(IMAGES)[-1] else "",
                       f"page {widest_at.page}, {excerpt(widest_at.text)}"
                       if widest_at is not None else "")


def held_alone(lines: list[SetLine], rows: int, document: Document) -> str:
    """What a last page holds alone, drawing no picture (a figure and its caption's line are
    a page's), that the house style pulls back or joins with the text before it: a single
    line (孤行不成頁, clreq), of the body's text or a note's (its `rows`
    of text of any size), or only the sign-off (a letter's signature never stands alone on
    its page); else ""."""
    if rows == 1:
        return "a single line"
    sign_offs = [block for block in document.blocks if isinstance(block, SignOff)]
    if lines and sign_offs and unspaced("".join(line.text for line in lines)) == unspaced(
            "".join(sign_offs[-1].texts)):
        return "only the sign-off"
    return ""


def went_over_with_sign_off(lines: list[SetLine], document: Document) -> bool:
    """Whether a page's lines of body text hold the document's sign-off under no more than
    WENT_OVER_LINES of the letter's: its last lines, gone over with it."""
    sign_offs = [block for block in document.blocks if isinstance(block, SignOff)]
    if not sign_offs:
        return False
    sign_off = unspaced("".join(sign_offs[-1].texts))
    return any(unspaced("".join(line.text for line in lines[start:])).startswith(sign_off)
               for start in range(min(len(lines), WENT_OVER_LINES + 1)))


def unspaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_setting(edition: Edition, number: int, glyphs: list[Glyph]
                 ) -> tuple[list[SetLine], float, int]:
    """A page's lines of body text, the share of its text area left empty below what is
    printed on it, and how many lines of text of any size it holds (a note's too)."""
    area = edition.text_area(number)
    language = profile_for(edition.document.metadata.language)
    return (body_lines(glyphs, edition.layout.body_size_pt, body_measure(edition, area), number,
                       language),
            emptiness(glyphs, area), text_rows(glyphs, area))


BASELINE_AND_SIZE = attrgetter("y", "size")  # a glyph's pair, made in C, not by a generator


def text_rows(glyphs: list[Glyph], area: Box) -> int:
    """How many lines of text the text area `area` holds: baselines further apart than
    ROW_GAP of the em part two lines (a note's call, raised, stays in its line's)."""
    left, bottom, right, top = area
    inked = sorted(map(BASELINE_AND_SIZE, [glyph for glyph in glyphs
                                           if bottom <= glyph.y <= top
                                           and left - 1 <= glyph.x <= right + 1
                                           and glyph.text.strip()]), reverse=True)
    rows, above = 0, None
    for y, size in inked:
        if above is None or above - y > ROW_GAP * size:
            rows += 1
            above = y
    return rows


def body_measure(edition: Edition, area: Box) -> Box:
    """The text area as wide as the body's lines: in a language set on a grid of whole
    characters (Chinese: the template's width), as many of them as it holds."""
    left, bottom, right, top = area
    if not profile_for(edition.document.metadata.language).words_spaced:
        layout = edition.layout
        right = min(right, left + layout.grid_characters * layout.body_size_pt)
    return left, bottom, right, top


PAGE_SETTING = PageMeasure(page_setting)


def body_lines(glyphs: list[Glyph], size: float, area: Box, page: int,
               language: Profile) -> list[SetLine]:
    """The lines of text of the body's size inside the text area, as drawn, in a document
    in `language`."""
    left, bottom, right, top = area
    start, end, tolerance = left - 1, right + 1, SIZE_TOLERANCE_PT * 4
    body = [glyph for glyph in glyphs if bottom <= glyph.y <= top and start <= glyph.x <= end
            and abs(glyph.size - size) <= tolerance]
    # A line's glyphs share their baseline and are drawn one after another: each run of them
    # is rounded and joined to its line at once, in the order drawn, not each glyph.
    rows: dict[float, list[Glyph]] = defaultdict(list)
    for y, run in groupby(body, attrgetter("y")):
        rows[round(y, 1)].extend(run)
    lines = []
    for _, row in sorted(rows.items(), key=lambda item: -item[0]):
        row.sort(key=attrgetter("x"))
        words: list[list[float]] = []
        spaced = True  # a line's first glyph starts a word
        for glyph in row:
            if not glyph.text.strip():
                spaced = True
            elif spaced or glyph.x - words[-1][1] >= SPACE_GAP * glyph.size:
                words.append([glyph.x, glyph.end])
                spaced = False
            else:
                words[-1][1] = glyph.end
        if words:
            text = "".join(map(attrgetter("text"), row)).rstrip()
            lines.append(SetLine(page, tuple(map(tuple, words)), text,
                                 abs(words[-1][1] - right) <= PLACE_TOLERANCE_PT,
                                 (left, right), spread_between_characters(text, language)))
    return lines


def spread_between_characters(text: str, language: Profile) -> bool:
    """Whether a justified line of `text`, in a document in `language`, is spread between its
    characters (as the language it is read in spreads them)."""
    read_in = line_language(text, language)
    return bool(read_in.spread_characters) and bool(re.search(read_in.spread_characters, text))


def line_language(text: str, language: Profile) -> Profile:
    """The language a line of `text` in a document in `language` is read in: the document's
    unless another script's letters dominate it (as a phrase is tagged), an address or a
    Latin word in a Chinese line staying Chinese, and Han characters staying Simplified
    Chinese in a Simplified document."""
    return next((profile for profile in PROFILES
                 if profile.script != language.script and profile.dominates(text)), language)


def emptiness(glyphs: list[Glyph], area: Box) -> float:
    """The share of a page's text area `area` left empty below what is printed in it."""
    left, bottom, right, top = area
    floor, start = bottom - 1, left - 1
    inked = [glyph.y - DESCENT * glyph.size for glyph in glyphs
             if floor <= glyph.y <= top and start <= glyph.x and glyph.text.strip()]
    lowest = min(inked, default=top)
    return (lowest - bottom) / (top - bottom)


def typography_summary(edition: Edition) -> str:
    found = typesetting(edition)
    spaces = (f"word spaces of {found.full_lines} full lines: 95 % under {found.p95:.2f} em "
              f"and over {found.p5:.2f} em, the widest {found.widest:.2f} em; "
              if found.spaces else "")
    if found.spread_lines:
        spaces += f"{found.spread_lines} full lines justified between their characters; "
    spaces = spaces or "ragged right; "
    hyphens = (f"{found.hyphenated} hyphenated ({found.hyphenated / found.measured_lines:.0%}"
               "), " if found.measured_lines else "")
    empty = len(found.empty_pages)
    return (f"{spaces}{hyphens}hyphen ladder of {found.ladder} at most; "
            f"{empty or 'no'} page{'s' * (empty != 1)} but the last over {MAX_EMPTY:.0%} empty")


def typography_problems(edition: Edition) -> list[str]:
    """Where the edition misses the house style: a word space wider than the layout's limit
    on a line of more than two spaces, one in twenty wider than USUAL_SPACE_EM, hyphens in
    more lines than its share or in a longer ladder, a page but the last over 15 % empty, a
    last page holding a single line or the sign-off alone."""
    found = typesetting(edition)
    spaces, hyphenation = edition.layout.justification, edition.layout.hyphenation
    problems = []
    # Measured to the hundredth of an em the message gives: a space it reads as the limit is
    # within it (one in twenty at 0.4503 em had been `0.45 em or wider, over 0.45 em`).
    if round(found.widest, 2) > spaces.space_limit_em:
        problems.append(f"a word space of {found.widest:.2f} em, over {spaces.space_limit_em} em"
                        f" ({found.widest_line})")
    if round(found.p95, 2) > USUAL_SPACE_EM:
        problems.append(f"one word space in twenty {found.p95:.2f} em or wider, over "
                        f"{USUAL_SPACE_EM} em")
    if found.measured_lines and found.hyphenated / found.measured_lines > hyphenation.max_share:
        problems.append(f"{found.hyphenated / found.measured_lines:.0%} of lines "
                        f"hyphenated, over {hyphenation.max_share:.0%}")
    if found.ladder > hyphenation.max_lines and hyphenation.enabled:
        problems.append(f"{found.ladder} hyphenated lines in a row")
    problems += [f"page {page} {over_limit(share, MAX_EMPTY)} empty"
                 for page, share in found.empty_pages]
    if found.lone_last_page:
        problems.append(f"the last page holds {found.lone_last_page}")
    return problems


def over_limit(share: float, limit: float) -> str:
    """A share over `limit` as a percentage with the fewest decimals that still show it over
    (15.4 %, never a rounded 15 % for a page that fails for being over 15 %)."""
    for decimals in range(4):
        shown = round(share * 100, decimals)
        if shown > limit * 100:
            return f"{shown:.{decimals}f}%"
    return f"just over {limit:.0%}"


@dataclass(frozen=True)
class LineLengths:
    """How many characters the lines of an edition's body text hold, as its language counts
    them (its profile's `measure`): the lines a paragraph goes on after, which the measure
    fills (a justified line, or one the next word did not fit on), not a paragraph's short
    last line, a heading or a caption (not of the body's size), nor a table's row (its
    columns are no word spaces), a list's short item or a line in another language."""

    counts: tuple[float, ...]
    fewest: int
    most: int
    # Each counted line's page and the words it opens with, for saying where it is.
    places: tuple[tuple[int, str], ...] = ()

    def first(self, side: str) -> str:
        """Where the first line `side` ("over", "under") the measure stands: "page 2:
        'The east wing restoration …'"."""
        beyond = (lambda count: count > self.most) if side == "over" else (
            lambda count: count < self.fewest)
        page, text = next(place for count, place in zip(self.counts, self.places, strict=True)
                          if beyond(count))
        return f"page {page}: {opening(text)!r}"

    @property
    def average(self) -> float:
        return sum(self.counts) / len(self.counts)

    @property
    def over(self) -> int:
        return sum(1 for count in self.counts if count > self.most)

    @property
    def under(self) -> int:
        return sum(1 for count in self.counts if count < self.fewest)


def line_lengths(edition: Edition) -> LineLengths:
    """The edition's lines measured once for the summary and the problems."""
    if "line lengths" not in edition.cache:
        edition.cache["line lengths"] = measured_line_lengths(edition)
    return edition.cache["line lengths"]


OPENING_WORDS = 5  # of a line named in a problem, to find it by


def measured_line_lengths(edition: Edition) -> LineLengths:
    size = edition.layout.body_size_pt
    language = profile_for(edition.document.metadata.language)
    lines = [(number, line) for number, (page_lines, *_) in enumerate(
        edition.read(PAGE_SETTING), 1) for line in page_lines]
    # A line in another language (a Chinese paragraph in an English report) is set on the
    # document's measure, but is not counted in its characters.
    measured = [(number, line) for (number, line), after in zip(
        lines, [*(line for _, line in lines[1:]), None], strict=False)
        if running_text(line, size) and line_language(line.text, language) is language
        and (line.full or after is not None and (
            line.room < next_piece(after, line_language(after.text, language), edition.layout)))]
    fewest, most = edition.layout.measure or (language.measure.fewest, language.measure.most)
    return LineLengths(tuple(characters(line, language, size) for _, line in measured),
                       fewest, most, tuple((number, line.text) for number, line in measured))


def opening(text: str) -> str:
    """A line's first words, enough to find it by: "The east wing restoration …"."""
    words = text.split()
    return " ".join(words[:OPENING_WORDS]) + (" \u2026" if len(words) > OPENING_WORDS else "") \
        if len(words) > 1 else text.strip()[:OPENING_WORDS * 2] + "\u2026"


def next_piece(line: SetLine, language: Profile, layout: Layout) -> float:
    """How wide the start of `line` (read in `language`) is that the line before could have
    taken, in points: its first word and the narrowest space before it; in a language whose
    words are not spaced, one character."""
    size = layout.body_size_pt
    if not language.words_spaced:
        return size
    return layout.justification.space_min_em * size + line.words[0][1] - line.words[0][0]


def running_text(line: SetLine, size: float) -> bool:
    """A line of words parted by spaces, or of characters spread between them, starting in
    the first half of the measure: not a table's row, whose columns stand further apart than
    any word space and unevenly, nor a line set flush right (a Chinese signature's)."""
    spaces, (left, right) = line.spaces, line.measure
    if line.words[0][0] - left > (right - left) / 2:
        return False
    return not spaces or max(spaces) <= COLUMN_GAP * size and (
        line.between_characters or max(spaces) - min(spaces) <= EVEN_SPACES * size)


def characters(line: SetLine, language: Profile, size: float) -> float:
    """The characters of `line` as `language` counts them: its letters, figures and marks and
    the spaces between its words; in a language set on a grid of whole characters, the cells
    of the grid it fills, an indent's too (two characters opening a Chinese paragraph), to
    the tenth."""
    if not language.words_spaced:
        return round((line.words[-1][1] - line.measure[0]) / size, 1)
    return len("".join(line.text.split())) + len(line.words) - 1


def measure_summary(edition: Edition) -> str:
    found = line_lengths(edition)
    if not found.counts:
        return "no line of body text the measure fills"
    lines = f"{len(found.counts)} line{'s' * (len(found.counts) != 1)}"
    return (f"{lines} of body text of {found.average:.1f} characters on "
            f"average ({min(found.counts):.0f} to {max(found.counts):.0f}), {found.over} over "
            f"{found.most} and {found.under} under {found.fewest}")


def measure_problems(edition: Edition) -> list[str]:
    """Where the edition's lines miss its language's measure (the house style's 50 to 80
    characters in English): on average, or more than one line in twenty of them (two at
    least)."""
    found = line_lengths(edition)
    if not found.counts:
        return []
    problems = []
    if found.average > found.most:
        problems.append(f"{found.average:.1f} characters a line on average, over {found.most}")
    if found.average < found.fewest:
        problems.append(f"{found.average:.1f} characters a line on average, under "
                        f"{found.fewest}")
    for many, side, limit in ((found.over, "over", found.most),
                              (found.under, "under", found.fewest)):
        if many > max(1.0, OUT_OF_MEASURE * len(found.counts)):
            problems.append(f"{many} of {len(found.counts)} lines {side} {limit} characters"
                            f", the first on {found.first(side)}")
    return problems


def heading_problems(edition: Edition) -> list[str]:
    """A heading (or the title) set in more than one line with a word alone on one of them,
    where it has words enough for two a line, or in Chinese broken where no line starts or
    inside a word (`inside_word`): the house style balances a heading's lines
    (writers/justified.py, `balanced`), and a typesetter sees a word alone at once."""
    return [problem for page in edition.read(HEADING_LINES) for problem in page]


def page_heading_problems(edition: Edition, number: int, glyphs: list[Glyph]) -> list[str]:
    tag = edition.document.metadata.language
    language = profile_for(tag)
    left, _, right, _ = body_measure(edition, edition.text_area(number))
    problems = []
    for heading, lines, size in set_headings(edition, number, glyphs, language):
        own = own_language(heading, language)
        units = [line_units(line, line_language(line.text, own)) for line in lines]
        space = WORD_SPACE * size if own.words_spaced else 0.0
        alone = [index for index, count in enumerate(units) if count == 1 and (
            sum(units) >= 2 * len(lines) or joins(lines, index, space, right - left))]
        if alone:
            problems.append(f"page {number}: the heading {heading!r} sets "
                            f"{lines[alone[0]].text.strip()!r} alone on a line of its "
                            f"{len(lines)}")
        if not own.words_spaced and (wrong := wrong_start(lines, tag if own is language
                                                           else own.tag, heading)):
            problems.append(f"page {number}: the heading {heading!r} starts a line with "
                            f"{wrong!r}, where its language breaks no line")
        elif not own.words_spaced and (inside := inside_word(
                lines, heading, own, openings(edition.document), size, right - left)):
            problems.append(f"page {number}: the heading {heading!r} breaks inside a word "
                            f"({inside}), where a word's edge would keep its lines as even")
    return problems


def inside_word(lines: list[SetLine], heading: str, language: Profile,
                opening: tuple[str, ...], size: float, measure: float) -> str:
    """The first break between a heading's `lines` (in a language written without spaces,
    set `size` points in a `measure` points wide) that parts a word, where a word's edge its
    profile knows (`heading_breaks`, given the `opening`s that may name who speaks) or a
    break in its sense lies between the breaks beside it and would leave its widest line
    no more than BALANCE_SLACK ems wider, as the writer breaks it (justified.balanced):
    `年 / 報` for `二〇二四至二五年度年` over `報 第三章：主席報告`; else "". The lines of
    another language in it (a name in English after the Chinese) are balanced on their own,
    and neither counted nor judged."""
    texts = [unspaced(line.text) for line in lines]
    text = "".join(texts)
    if text != unspaced(heading):
        return ""
    # The heading's edges counted in its characters but spaces, as its lines are read.
    kept = [index for index, character in enumerate(heading) if not character.isspace()]
    edges = {bisect.bisect_left(kept, edge)
             for edge in language.heading_breaks(heading, opening)}
    edges |= {index for index in range(1, len(text)) if SENSE_BREAK.search(text[:index])}
    widths = [(line.words[-1][1] - line.words[0][0]) / size for line in lines]
    own = [line_language(line.text, language) is language for line in lines]
    widest = max(width for width, in_own in zip(widths, own, strict=True) if in_own)
    room = measure / size
    breaks = list(accumulate(map(len, texts)))[:-1]
    for index, start in enumerate(breaks):
        if start in edges or not (own[index] and own[index + 1]):
            continue
        low, high = ([0, *breaks][index], [*breaks, len(text)][index + 1])
        for edge in sorted(edge for edge in edges if low < edge < high):
            moved = text_ems(text[min(start, edge):max(start, edge)]) * (1 if edge > start
                                                                         else -1)
            wider = max(widths[index] + moved, widths[index + 1] - moved)
            if wider <= min(widest + BALANCE_SLACK, room):
                return f"{text[low:start][-3:]} / {text[start:high][:3]}"
    return ""


def wrong_start(lines: list[SetLine], language: str, heading: str) -> str:
    """The first character of the first of a heading's `lines` (in a language written
    without spaces) that starts where the language never starts a line (before a closing
    mark, after an opening one, inside a figure), nor did the heading's words part there (a
    space of the `heading`'s, as before an English phrase: `年度報告 Morning Light …`); else
    ""."""
    texts = [unspaced(line.text) for line in lines]
    allowed = set(line_starts("".join(texts), language)) | spaced_starts(heading)
    start = 0
    for text in texts[:-1]:
        start += len(text)
        if start not in allowed:
            return "".join(texts)[start]
    return ""


def spaced_starts(text: str) -> set[int]:
    """Where, in `text` with its white space taken out, a word follows a space (a break
    opportunity of any language's; a no-break space is none)."""
    starts, kept, spaced = set(), 0, False
    for character in text:
        if character.isspace():
            spaced = spaced or character != "\u00a0"
            continue
        if spaced:
            starts.add(kept)
        kept, spaced = kept + 1, False
    return starts


HEADING_LINES = PageMeasure(page_heading_problems)


def joins(lines: list[SetLine], index: int, space: float, measure: float) -> bool:
    """Whether line `index` of a heading's `lines` fits on the line before or after it, a
    `space` between them, within `measure`: set alone, it need not have been."""
    def width(line: SetLine) -> float:
        return line.words[-1][1] - line.words[0][0]

    return any(width(lines[index]) + space + width(lines[other]) <= measure
               for other in (index - 1, index + 1) if 0 <= other < len(lines))


def set_headings(edition: Edition, number: int, glyphs: list[Glyph],
                 language: Profile) -> Iterator[tuple[str, list[SetLine], float]]:
    """The headings (and the title) a page sets in more than one line, each with its lines
    and their size: lines larger than the body, of one size, one under the other, whose text
    is a heading's."""
    wanted = heading_texts(edition)
    if "heading keys" not in edition.cache:
        edition.cache["heading keys"] = sorted(wanted)
    keys = edition.cache["heading keys"]
    area, body = edition.text_area(number), edition.layout.body_size_pt
    sizes = sorted({round(glyph.size, 1) for glyph in glyphs
                    if glyph.size > body + SIZE_TOLERANCE_PT and glyph.text.strip()})
    for size in sizes:
        run: list[SetLine] = []
        for line in body_lines(glyphs, size, area, number, language):
            run.append(line)
            while run and not opens_one(keys, run_text(run)):
                run.pop(0)
            if run and (text := run_text(run)) in wanted:
                if len(run) > 1:
                    yield wanted[text], run, size
                run = []


def opens_one(keys: list[str], start: str) -> bool:
    """Whether one of the sorted `keys` starts with `start`: found where it would stand
    among them, whatever their number (a long report's hundreds of headings)."""
    index = bisect.bisect_left(keys, start)
    return index < len(keys) and keys[index].startswith(start)


def heading_texts(edition: Edition) -> dict[str, str]:
    """The document's title and headings, by their text without spaces or hyphens (as the
    pages' glyphs are compared)."""
    if "heading texts" not in edition.cache:
        document = edition.document
        edition.cache["heading texts"] = {
            normalised(text): text
            for text in (document.metadata.title,
                         *(heading.text for heading in document.headings))}
    return edition.cache["heading texts"]


def run_text(lines: list[SetLine]) -> str:
    return normalised("".join(line.text for line in lines))


def line_units(line: SetLine, language: Profile) -> int:
    """A line's words, or in a language written without spaces (the line's, in a heading in
    two languages) its characters: a heading is balanced by them."""
    return len(line.words) if language.words_spaced else len(unspaced(line.text))


def type_size_problems(edition: Edition) -> list[str]:
    """Text set smaller than the layout's smallest type (large print: 16 pt), each page's
    smallest once; none where the layout sets no smallest."""
    return [problem for page in edition.read(TYPE_SIZES) for problem in page]


def page_type_size_problems(edition: Edition, number: int, glyphs: list[Glyph]) -> list[str]:
    smallest = edition.layout.smallest_type_pt
    under = [glyph for glyph in glyphs
             if glyph.text.strip() and glyph.size < smallest - SIZE_TOLERANCE_PT]
    if not under:
        return []
    least = min(under, key=attrgetter("size"))
    line = smallest_line(under, least)
    problem = (f"page {number}: {spaced_text(line)[:30]!r} at {least.size:.1f} pt, under "
               f"{smallest:g} pt")
    if label := drawing_label(edition, line):
        problem += remedy(label, least.size, smallest)
    return [problem]


def smallest_line(under: list[Glyph], least: Glyph) -> list[Glyph]:
    """The glyphs `under` the smallest type on the line of `least`, the smallest, and of its
    size, left to right: the words the message quotes (the page's others, a picture's other
    labels among them, had been quoted with them, run together)."""
    return sorted((glyph for glyph in under if glyph.size == least.size
                   and abs(glyph.y - least.y) < PLACE_TOLERANCE_PT), key=attrgetter("x"))


def spaced_text(glyphs: list[Glyph]) -> str:
    """The text of a line's glyphs, left to right, a space where a word space's gap parts two
    (SPACE_GAP): a space is drawn as no glyph in a picture's label."""
    return "".join((" " if glyph.x - before.end >= SPACE_GAP * glyph.size else "") + glyph.text
                   for before, glyph in itertools.pairwise(glyphs[:1] + glyphs))


@dataclass(frozen=True)
class Label:
    """A text an SVG picture draws: the picture's file, its words without spaces, and its
    size and the picture's width in the picture's own units (px)."""

    image: str
    words: str
    size: float
    width: float


def drawing_label(edition: Edition, line: list[Glyph]) -> Label | None:
    """The label of a figure's SVG picture that draws `line`, the glyphs of the smallest
    type's line; None where no picture's does (the text's own)."""
    words = "".join("".join(glyph.text for glyph in line).split())
    return next((label for label in picture_labels(edition)
                 if words and label.words and (words in label.words or label.words in words)),
                None)


def remedy(label: Label, drawn_pt: float, smallest_pt: float) -> str:
    """What to do about a picture whose label is drawn `drawn_pt` where the layout's type is
    `smallest_pt` at least: its labels as much larger as the scale it is drawn at asks."""
    least = math.ceil(round(label.size * smallest_pt / drawn_pt, 2))
    return (f", in picture {label.image}: supply it with larger type, its labels at least "
            f"{least} px at its width of {label.width:g} px")


def picture_labels(edition: Edition) -> list[Label]:
    """Every text the document's SVG pictures draw, read once an edition from its source
    folder; none where the edition names no such folder."""
    if "picture labels" not in edition.cache:
        source = edition.source_dir
        edition.cache["picture labels"] = [
            label for figure in edition.document.figures if figure.image and source
            for label in svg_labels(figure.image, source / figure.image)]
    return edition.cache["picture labels"]


def svg_labels(image: str, path: Path) -> list[Label]:
    """The texts the picture `image` at `path` draws, with the size each is set at; none
    where it is no SVG, cannot be read or gives no width (its box's)."""
    from lxml import etree

    from pipeline.readers.pictures import SVG_SUFFIX

    if path.suffix.lower() != SVG_SUFFIX:
        return []
    try:
        root = etree.parse(path, etree.XMLParser(resolve_entities=False,
                                                 no_network=True)).getroot()
        width = drawing_width(root)
    except (OSError, etree.LxmlError, ValueError):
        return []
    sheet = sheet_font_sizes(root)
    return [Label(image, "".join("".join(text.itertext()).split()), size, width)
            for text in root.iter(SVG_TEXT) if width and (size := font_size(text, sheet))]


def drawing_width(root) -> float | None:
    """An SVG's width in the units its text is sized in: its viewBox's, else its own."""
    from pipeline.readers.pictures import svg_side

    box = root.get("viewBox", "").replace(",", " ").split()
    return float(box[2]) if len(box) == 4 else svg_side(root.get("width"))


def font_size(element, sheet: dict) -> float | None:
    """The size (px) an SVG text `element` is set at, its own or its nearest ancestor's
    (its style attribute, else the `sheet`'s rules, else its attribute: the renderer's
    order), CSS's medium where none gives one; None for a size relative to another (em, a
    percentage)."""
    import tinycss2

    from pipeline.readers.pictures import svg_side

    for each in (element, *element.iterancestors()):
        style = [(item.lower_name, tinycss2.serialize(item.value)) for item in
                 tinycss2.parse_blocks_contents(each.get("style", ""), skip_whitespace=True,
                                                skip_comments=True)
                 if item.type == "declaration"]
        value = declared_size(style) or sheet.get(each, each.get("font-size"))
        if value is not None:
            try:
                return svg_side(value)
            except ValueError:
                return None
    return MEDIUM_PX


def sheet_font_sizes(root) -> dict:
    """The font size the rules of the SVG tree `root`'s <style> elements give each element
    they match (`text`, `.label`, `text.label`, lists of them, any selector), the most
    specific rule's, the last of equals, matched as the renderer matches them. Not read: a
    rule under @media, a sheet an @import or xml-stylesheet names, and !important, read as
    any other size (it would outrank a style attribute)."""
    from pipeline.readers.pictures import sheet_matches

    return {element: sizes[-1] for element, sizes in sheet_matches(root, declared_size).items()}


def declared_size(declarations: list[tuple[str, str]]) -> str:
    """The font size the last of `declarations` ((name, value) pairs) that gives one sets:
    `font-size`, or the size in a `font` shorthand (`bold 4px/5px sans-serif`); "" for none."""
    for name, value in reversed(declarations):
        if name == "font-size":
            return value.strip()
        if name == "font" and (size := shorthand_size(value)):
            return size
    return ""


def shorthand_size(value: str) -> str:
    """The size a CSS `font` shorthand's `value` gives: the first length, percentage or size
    keyword, which comes before its line height and family; "" for a system font (`caption`)."""
    import tinycss2

    for token in tinycss2.parse_component_value_list(value, skip_comments=True):
        if token.type in ("dimension", "percentage") or (
                token.type == "ident" and token.lower_value in FONT_SIZE_KEYWORDS):
            return tinycss2.serialize([token])
    return ""


# CSS's absolute and relative font sizes by keyword (CSS Fonts 3, 3.5).
FONT_SIZE_KEYWORDS = frozenset(("xx-small", "x-small", "small", "medium", "large", "x-large",
                                "xx-large", "larger", "smaller"))


TYPE_SIZES = PageMeasure(page_type_size_problems)


def past_measure_problems(edition: Edition) -> list[str]:
    """Text set past the text area's outer side, into the margin: a table whose columns'
    words and figures the measure could not hold, a line run past it. No other rule sees
    it: the text check reads the page's whole width (a list's labels hang into the margin
    before their items) and the measure and typography rules only the lines inside it."""
    return [problem for page in edition.read(PAST_MEASURE) for problem in page]


def page_past_measure_problems(edition: Edition, number: int, glyphs: list[Glyph]
                               ) -> list[str]:
    left, bottom, right, top = edition.text_area(number)
    marks = profile_for(edition.document.metadata.language).closing_marks
    limit = right + PLACE_TOLERANCE_PT
    # A glyph's ink ends between its origin and its end: one reaching past neither, as most
    # do, is not asked where.
    past = [glyph for glyph in glyphs if (glyph.end > limit or glyph.x > limit)
            and glyph.text.strip() and bottom <= glyph.y <= top
            and inked_end(glyph, marks) > limit]
    if not past:
        return []
    beyond = (max(inked_end(glyph, marks) for glyph in past) - right) / POINTS_PER_MM
    return [f"page {number}: {text_of(past)[:30]!r} set {beyond:.1f} mm past the text area,"
            " into the margin"]


def inked_end(glyph: Glyph, closing_marks: str) -> float:
    """Where `glyph`'s ink may reach: a closing mark's, half its width in, as a line may end
    with one set half its width to fit (clreq 3.1.6), its ink in the half kept and its blank
    half past the measure (the PDF gives the face's width, not the half it was set at)."""
    if glyph.text and glyph.text in closing_marks:
        return glyph.x + glyph.advance / 2
    return glyph.end


PAST_MEASURE = PageMeasure(page_past_measure_problems)


TYPOGRAPHY_RULES = (
    Rule("running-heads-and-folios", "error", furniture_problems, reads=(FURNITURE,)),
    Rule("no-overprinting", "error", overprint_problems, reads=(OVERPRINTS,)),
    # A warning, a word space over the limit too: the writer breaks a paragraph within it
    # where any breaking does, and a loose line's letters space out (writers/justified.py,
    # pdf/justified_lines.py), but cannot always (words it never hyphenates, a name, a figure
    # bound to its unit, filling a narrow line): the typesetter sees the line named.
    Rule("typography", "warning", typography_problems, typography_summary,
         (PAGE_SETTING, IMAGES)),
    Rule("measure", "warning", measure_problems, measure_summary, (PAGE_SETTING,)),
    Rule("balanced-headings", "warning", heading_problems, reads=(HEADING_LINES,)),
)
# Where the layout sets a smallest type (large print), an error: a reader of large print
# cannot read what is set smaller.
SMALLEST_TYPE = Rule("smallest-type", "error", type_size_problems, reads=(TYPE_SIZES,))
# Text past the text area: a warning in every edition, as the typesetter's other faults are.
# A printer's preflight asks only that text keep clear of the trim; a bracket or a table's
# column a few millimetres into a margin of 20 mm is the typesetter's to mend, not a file
# for the press to refuse.
PAST_MEASURE_RULE = Rule("within-text-area", "warning", past_measure_problems,
                         reads=(PAST_MEASURE,))
