"""A paragraph broken into lines as a whole: the Knuth-Plass algorithm (Knuth and Plass,
"Breaking paragraphs into lines", 1981), as TeX and Typst break paragraphs.

A paragraph is a list of items: boxes (a piece of a word), glue (a word space, which may
stretch and shrink) and penalties (a place to break at a cost: a hyphen, a break in an
address). Of every way to break it, the one chosen has the fewest demerits: each line's
badness (how far its spaces stretch or shrink), its break's penalty, a hyphen ending a line
after a line ending with one, a loose line beside a tight one, a last line of a single word
(Typst's runt). No line's spaces may stretch
beyond a tolerance; only if no breaking meets it is a looser one tried.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

INFINITY = 10000  # a penalty this high forbids a break; its negative forces one
FIL = 1e9  # the stretch of the glue that fills a paragraph's last line
LINE_PENALTY = 10  # TeX's \linepenalty: fewer lines are better
DOUBLE_HYPHEN_DEMERITS = 10000  # TeX's \doublehyphendemerits
ADJACENT_DEMERITS = 10000  # TeX's \adjdemerits: a very loose line beside a tight one
# A line ended short of the measure: its demerits (the square) outweigh a loose line's up to
# a stretch ratio of about 3.7 (((5000 - 10) / 100) ** (1 / 3)), spaces of 0.78 em in print,
# so it is set only where a line's spaces would otherwise open into holes.
SHORT_LINE_PENALTY = 5000
# A paragraph's last line holding a single word (a runt): Typst's `runt` cost, which a
# typesetter comparing pages sees; about what a line a little loose costs.
RUNT_DEMERITS = 10000


@dataclass(frozen=True)
class Box:
    width: float
    stretch: float = 0.0  # letter spacing: a little, spread over its characters
    shrink: float = 0.0


@dataclass(frozen=True)
class Glue:
    width: float
    stretch: float
    shrink: float


@dataclass(frozen=True)
class Penalty:
    width: float  # set only when the line breaks here: a hyphen
    cost: float
    flagged: bool = False  # a hyphen: two in a row cost more, and may be limited


Item = Box | Glue | Penalty


@dataclass
class Node:
    """A feasible break: after item `position`, ending line `line`."""

    position: int
    line: int
    fitness: int
    hyphens: int  # hyphenated lines in a row ending here
    width: float  # the totals of the items before the next line's first item
    stretch: float
    shrink: float
    letters: float  # the boxes' stretch: letter spacing, which stops at its widest
    demerits: float
    previous: Node | None


class NoBreaking(Exception):
    """No breaking of the paragraph keeps every line within the tolerance."""


def breaks(items: Sequence[Item], measure: Callable[[int], float], tolerances: Sequence[float],
           max_hyphens: int = 2, looseness: int = 0) -> list[int]:
    """The indices of the items the paragraph breaks at, its last item (a forced break)
    included: with the first of `tolerances` (the largest stretch ratio a line's spaces may
    take) that any breaking meets, and no more than `max_hyphens` hyphenated lines in a
    row. `measure(n)` is the width of line n (from 0). With a `looseness` (TeX's), the
    breaking whose count of lines is nearest the best one's and `looseness` more (-1: a
    line fewer). Raises NoBreaking when none is met (`first_fit` then sets it)."""
    for tolerance in tolerances:
        try:
            return chosen(items, measure, tolerance, max_hyphens, looseness)
        except NoBreaking:
            continue
    raise NoBreaking


def short_line_break(glue: Glue | None, fill: float) -> list[Item]:
    """Where a line may end short of the measure, unjustified, as TeX's `\\` ends one (a
    fill, the break, the fill taken back): at a space (`glue`, which then follows the
    break, and whose breaking as usual comes first) or, with None, where a word may break
    with nothing added. The fill's stretch `fill` (a line's length) makes a line ending
    emptier cost more; the break's penalty, that a short line is set only where nothing
    else keeps a line's spaces within the tolerance."""
    if glue is None:
        return [Glue(0.0, fill, 0.0), Penalty(0.0, SHORT_LINE_PENALTY), Glue(0.0, -fill, 0.0)]
    return [Glue(0.0, fill, 0.0), Penalty(0.0, SHORT_LINE_PENALTY),
            Glue(glue.width, glue.stretch - fill, glue.shrink)]


def chosen(items: Sequence[Item], measure: Callable[[int], float], tolerance: float,
           max_hyphens: int, looseness: int = 0) -> list[int]:
    totals = running_totals(items)
    openings = running_openings(items)
    last = len(items) - 1
    measure = functools.cache(measure)  # asked for every line of every active break
    active = [Node(-1, 0, 1, 0, 0.0, 0.0, 0.0, 0.0, 0.0, None)]
    for index in break_points(items):
        item = items[index]
        penalty = item if isinstance(item, Penalty) else None
        # What a line ending here holds up to its break, the same from every active break.
        width_to, stretch_to, shrink_to, letters_to = totals[index]
        added = penalty.width if penalty else 0.0
        forced = penalty is not None and penalty.cost <= -INFINITY
        flagged = penalty is not None and penalty.flagged
        candidates: dict[tuple[int, int, int], Node] = {}
        survivors = []
        for node in active:
            width = width_to - node.width + added
            ratio = adjustment_ratio(width, measure(node.line), stretch_to - node.stretch,
                                     shrink_to - node.shrink, letters_to - node.letters)
            if ratio >= -1 and not forced:
                survivors.append(node)
            if not -1 <= ratio <= tolerance:
                continue
            hyphens = node.hyphens + 1 if flagged else 0
            if hyphens > max_hyphens:
                continue
            fitness = fitness_class(ratio)
            demerits = line_demerits(ratio, penalty, flagged and node.hyphens > 0)
            if abs(fitness - node.fitness) > 1:
                demerits += ADJACENT_DEMERITS
            if index == last and node.position >= 0 and openings[last] == openings[
                    node.position + 1]:
                demerits += RUNT_DEMERITS  # nowhere to break in it: a single word
            total = node.demerits + demerits
            # Breakings of every count of lines are kept apart where a looseness asks.
            key = (fitness, hyphens, node.line + 1 if looseness else 0)
            if key not in candidates or total < candidates[key].demerits:
                after = totals_after(items, totals, index)
                candidates[key] = Node(index, node.line + 1, fitness, hyphens, *after, total,
                                       node)
        active = survivors + list(candidates.values())
        if not active:
            raise NoBreaking
    ends = [node for node in active if node.position == last]
    if not ends:
        raise NoBreaking
    best = min(ends, key=lambda node: node.demerits)
    wanted = best.line + looseness
    node: Node | None = min(ends, key=lambda node: (abs(node.line - wanted), node.demerits))
    positions = []
    while node is not None and node.position >= 0:
        positions.append(node.position)
        node = node.previous
    return positions[::-1]


def break_points(items: Sequence[Item]) -> list[int]:
    """The indices of the items a line may end at (`breakable`)."""
    return [index for index in range(len(items)) if breakable(items, index)]


def breakable(items: Sequence[Item], index: int) -> bool:
    """A penalty below infinity, or glue right after a box."""
    item = items[index]
    if isinstance(item, Penalty):
        return item.cost < INFINITY
    return isinstance(item, Glue) and index > 0 and isinstance(items[index - 1], Box)


def running_totals(items: Sequence[Item]) -> list[tuple[float, float, float, float]]:
    """The width, the glue's stretch, the shrink and the boxes' stretch (letter spacing) of
    the items before each index."""
    totals, width, stretch, shrink, letters = [], 0.0, 0.0, 0.0, 0.0
    for item in items:
        totals.append((width, stretch, shrink, letters))
        if isinstance(item, Glue):
            stretch += item.stretch
        elif isinstance(item, Box):
            letters += item.stretch
        if isinstance(item, (Box, Glue)):
            width, shrink = width + item.width, shrink + item.shrink
    totals.append((width, stretch, shrink, letters))
    return totals


def running_openings(items: Sequence[Item]) -> list[int]:
    """How many places to break lie before each index (the last line of a paragraph with
    none inside it holds a single word)."""
    counts, found = [], 0
    for index in range(len(items)):
        counts.append(found)
        found += breakable(items, index)
    counts.append(found)
    return counts


def totals_after(items: Sequence[Item], totals, index: int) -> tuple[float, ...]:
    """The totals at the first box after a break at `index`: the glue and penalties a line
    would start with are dropped, as TeX drops them."""
    position = index + 1
    while position < len(items) and not isinstance(items[position], Box):
        if isinstance(items[position], Penalty) and items[position].cost <= -INFINITY:
            break
        position += 1
    return totals[position]


def adjustment_ratio(width: float, target: float, stretch: float, shrink: float,
                     letters: float = 0.0) -> float:
    """How far a line's spaces stretch (1: to their widest) or shrink (-1: to their
    narrowest). Its letters stretch with its spaces up to their own widest, and no further
    (InDesign's letter spacing maximum): beyond, the spaces stretch alone."""
    if width < target:
        lacking, both = target - width, stretch + letters
        if both <= 0:
            return float(INFINITY)
        if lacking <= both or stretch <= 0:
            return lacking / both
        return (lacking - letters) / stretch
    if width > target:
        return (target - width) / shrink if shrink > 0 else -float(INFINITY)
    return 0.0


def fitness_class(ratio: float) -> int:
    """0 tight, 1 decent, 2 loose, 3 very loose."""
    if ratio < -0.5:
        return 0
    if ratio <= 0.5:
        return 1
    return 2 if ratio <= 1 else 3


def line_demerits(ratio: float, penalty: Penalty | None, double_hyphen: bool) -> float:
    badness = 100 * abs(ratio) ** 3
    demerits = (LINE_PENALTY + badness) ** 2
    if penalty is not None and penalty.cost >= 0:
        demerits += penalty.cost ** 2
    elif penalty is not None and penalty.cost > -INFINITY:
        demerits -= penalty.cost ** 2
    return demerits + (DOUBLE_HYPHEN_DEMERITS if double_hyphen else 0)


def first_fit(items: Sequence[Item], measure: Callable[[int], float]) -> list[int]:
    """Each line as full as it goes, at natural spaces: the last resort."""
    totals = running_totals(items)
    chosen_breaks: list[int] = []
    start, last_fit = (0.0, 0.0, 0.0, 0.0), None
    for index, item in enumerate(items):
        if not breakable(items, index):
            continue
        width = totals[index][0] - start[0] + (item.width if isinstance(item, Penalty) else 0)
        forced = isinstance(item, Penalty) and item.cost <= -INFINITY
        if width > measure(len(chosen_breaks)) and last_fit is not None:
            chosen_breaks.append(last_fit)
            start = totals_after(items, totals, last_fit)
            width = totals[index][0] - start[0]
        if forced:
            chosen_breaks.append(index)
            start, last_fit = totals_after(items, totals, index), None
        else:
            last_fit = index
    return chosen_breaks
