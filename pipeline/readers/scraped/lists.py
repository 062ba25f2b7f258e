"""Lists in a scraped text: lines that start with a bullet or a number, read as items.

A marker opens an item at a line's start: a bullet (`•`, `-`, `–`, `*`, `o`…) or a number,
letter or roman numeral with its punctuation (`1.`, `2)`, `(a)`, `iv.`, `A.`, and `1、` as
Chinese texts write it, or `（1）計劃`, `１．增設`: full width, no space before Chinese). The lines
after it up to the next marker are the item's. Items follow each other with or without
blank lines between them. An item marked in another way than the items before it opens a
list nested in the item before, to any depth; one marked as an outer list's items are
closes the lists inside it and carries on that list: `(a) … (i) … (ii) … (b)`. Whether `i`
is a letter or a roman numeral is read from its place: after `(h)` it is the ninth letter,
elsewhere the first numeral. Chinese lists count 一、二、 or （一）（二）. An outer item whose
number does not follow the one before opens a list from its own number: none is renumbered.
Under an item numbered 1., lines numbered 1.1, 1.2 are a list nested in it, numbered after
it (a compound list), and 1.1.1 under 1.1 likewise.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field, replace

from pipeline.languages import joined_lines
from pipeline.model import List, ListItem
from pipeline.readers.numbering import (
    Marked,
    counts_on_from,
    form_of,
    list_numbering,
    marker_of,
    roman_value,
)

# A compound number: its parents' numbers before its own, each with a full stop after it,
# its own with or without one ("1.1", "2.3.1."). Only a line under the item it is numbered
# under opens an item with one (`compound_marked`): "2.5 million visitors" opening a line of
# a paragraph is a figure.
COMPOUND = re.compile(r"(?P<path>(?:\d{1,2}\.)+)(?P<value>\d{1,2})\.?\s+(?=\S)")


def marked(row: str) -> Marked | None:
    stripped = row.lstrip(" ")
    marker = marker_of(stripped)
    return replace(marker, indent=len(row) - len(stripped)) if marker and stripped != row else (
        marker)


def compound_marked(row: str, *chains: Container[str]) -> Marked | None:
    """The compound marker opening `row` ("1.1 train 420 leaders;"), where the number it is
    numbered under is in one of `chains`, the items' before it: an item of a list nested in
    that item (Word's "%1.%2." outline numbering); else None."""
    stripped = row.lstrip(" ")
    match = COMPOUND.match(stripped)
    if match is None or not any(match.group("path") in each for each in chains):
        return None
    family = "1." * match.group("path").count(".") + "1"
    return Marked(family, match.group("value"), stripped[match.end():],
                  len(row) - len(stripped), match.group("path"),
                  bare=not match.group().rstrip().endswith("."))


def is_item(line: str) -> bool:
    """A line opened by a list marker: an item, whose indentation says how deep it stands."""
    return marker_of(line) is not None


def items_of(rows: tuple[str, ...], chains: Container[str] = frozenset()
             ) -> tuple[list[str], list[tuple[Marked, list[str]]]]:
    """The rows before the first marker, and each marked item with its continuation lines;
    a row opened by a compound number opens an item under an item numbered before it, here
    or among `chains` (the numbers of the items of the units before)."""
    lead: list[str] = []
    items: list[tuple[Marked, list[str]]] = []
    own: set[str] = set()  # the chains of these rows' items
    for row in rows:
        marker = marked(row) or compound_marked(row, own, chains)
        if marker is not None and marker.chain:
            own.add(marker.chain)
        if marker is not None:
            items.append((marker, [marker.text]))
        elif items:
            items[-1][1].append(row)
        else:
            lead.append(row)
    return lead, items


@dataclass
class Level:
    """The items of one list being read, each with the lines it holds and its nested list."""

    family: str
    indent: int = 0  # its items' indentation
    entries: list[tuple[Marked, list[str], list[Level]]] = field(default_factory=list)


def build_lists(items: list[tuple[Marked, list[str]]], spans_of) -> list[List]:
    """The lists of marked items, those indented deeper than the item before, or of another
    family, nested in it; an item indented less closes the lists indented deeper. An outer
    item whose number does not follow the one before ("2." after "4.") opens a list of its
    own from that number: what the author numbered is never renumbered."""
    outer: list[Level] = []
    open_levels: list[Level] = []
    for marker, lines in items:
        while (len(open_levels) > 1 and open_levels[-1].indent > marker.indent
               and open_levels[-2].indent >= marker.indent):
            open_levels.pop()
        marker = in_context(marker, open_levels) if open_levels else marker
        level_indent = open_levels[-1].indent if open_levels else marker.indent
        depth = next((depth for depth in range(len(open_levels) - 1, -1, -1)
                      if open_levels[depth].family == marker.family
                      and open_levels[depth].indent >= level_indent), None)
        if marker.indent > level_indent and open_levels[-1].entries:
            depth = None  # indented under the item before: nested in it, whatever its family
        if not open_levels or depth == 0 and not follows_on(open_levels[0], marker):
            outer.append(Level(marker.family, marker.indent))
            open_levels = [outer[-1]]
        elif depth is not None:
            del open_levels[depth + 1:]
        elif open_levels[-1].entries[-1][2]:
            # Under an item that holds a list already, and no deeper than its items: no
            # second list in it (an item holds one), but a list of its own.
            outer.append(Level(marker.family, marker.indent))
            open_levels = [outer[-1]]
        elif open_levels[-1].entries:
            nested = Level(marker.family, marker.indent)
            open_levels[-1].entries[-1][2].append(nested)
            open_levels.append(nested)
        open_levels[-1].entries.append((marker, lines, []))
    return [built(level, spans_of) for level in outer]


def follows_on(level: Level, marker: Marked) -> bool:
    """Whether `marker` carries on the items of `level`: a bullet after bullets, a number
    after the one before it."""
    last = level.entries[-1][0].value if level.entries else ""
    return not marker.value or not last or counts_on_from(last, marker.value)


def in_context(marker: Marked, open_levels: list[Level]) -> Marked:
    """An i, v or x read as the letter or the numeral that carries on a list open around it;
    else as a numeral in a list of numerals; else as it reads alone (i a numeral, v and x
    letters)."""
    if not marker.ambiguous:
        return marker
    readings = [marker.read_as(kind) for kind in ("a", "i")]
    for level in reversed(open_levels):
        last = level.entries[-1][0].value.lower() if level.entries else ""
        for kind, reading in zip(("a", "i"), readings, strict=True):
            if reading.family == level.family and follows(last, marker.value.lower(), kind):
                return reading
    return readings[1] if readings[1].family == open_levels[-1].family else marker


def follows(last: str, value: str, kind: str) -> bool:
    """`value` is the letter (kind "a") or the roman numeral ("i") after `last`."""
    if kind == "i":
        return set(last) <= set("ivx") and roman_value(value) == roman_value(last) + 1
    return len(last) == 1 and ord(value) == ord(last) + 1


def built(level: Level, spans_of) -> List:
    markers = [marker for marker, _, _ in level.entries]
    # A compound list's numbers as its author wrote them: "1.1" bare, or "1.1." stopped.
    bare = markers[0].path and all(marker.bare for marker in markers)
    return List(
        tuple(ListItem(spans_of(joined_lines(lines)),
                       built(nested[0], spans_of) if nested else None)
              for _, lines, nested in level.entries),
        *list_numbering([marker.value for marker in markers]),
        "%" if bare else form_of(level.family, all(marker.full_width for marker in markers),
                                 markers[0].pictograph),
        compound=bool(markers[0].path),
    )
