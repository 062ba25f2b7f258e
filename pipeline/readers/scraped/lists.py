"""Lists in a scraped text: lines that start with a bullet or a number, read as items.

A marker opens an item at a line's start: a bullet (`•`, `-`, `–`, `*`, `o`…) or a number,
letter or roman numeral with its punctuation (`1.`, `2)`, `(a)`, `iv.`). The lines after it
up to the next marker are the item's. Items follow each other with or without blank lines
between them; an item marked in another way than the list's first is nested in the item
before it (one level). Chinese lists count 一、二、 or （一）（二）. Two items make a list,
or one after a lead-in ending with `:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.languages import NUMERAL
from pipeline.model import List, ListItem, Span
from pipeline.readers.numbering import list_numbering

MARKER = re.compile(
    r"(?P<bullet>[•·▪◦‣●○■□\-–—*o])\s+"
    r"|(?P<open>\()?(?P<value>\d{1,2}|[a-z]|[ivx]{1,4})(?P<close>[.)])\s+"
    # A language's own numerals, as Chinese writes them with no space after: "一、", "（二）"
    rf"|(?P<own_open>[(（])?(?P<own>{NUMERAL})(?P<own_close>、|[)）])\s*"
)


@dataclass(frozen=True)
class Marked:
    """A line's list marker: its family (how it is written) and the value it gives."""

    family: str  # "•", "1.", "(1)", "a)", "(a)"…: markers of one family make one list
    value: str  # "" for a bullet
    text: str  # the line after the marker


def marked(row: str) -> Marked | None:
    match = MARKER.match(row)
    if match is None or not row[match.end():].strip():
        return None
    rest = row[match.end():]
    if match.group("bullet"):
        return Marked(match.group("bullet"), "", rest)
    if match.group("own"):
        opening, closing = match.group("own_open") or "", match.group("own_close")
        if bool(opening) != (closing != "、"):
            return None
        return Marked(f"{opening}一{closing}", match.group("own"), rest)
    opening, value, closing = match.group("open") or "", match.group("value"), match.group("close")
    if opening and closing != ")":
        return None
    kind = "1" if value.isdigit() else "a"
    return Marked(f"{opening}{kind}{closing}", value, rest)


def items_of(rows: tuple[str, ...]) -> tuple[list[str], list[tuple[Marked, list[str]]]]:
    """The rows before the first marker, and each marked item with its continuation lines."""
    lead: list[str] = []
    items: list[tuple[Marked, list[str]]] = []
    for row in rows:
        marker = marked(row)
        if marker is not None:
            items.append((marker, [marker.text]))
        elif items:
            items[-1][1].append(row)
        else:
            lead.append(row)
    return lead, items


def build_list(items: list[tuple[Marked, list[str]]], spans_of) -> List:
    """One list from its marked items, those of another family nested in the item before."""
    family = items[0][0].family
    top: list[tuple[Marked, tuple[Span, ...], list[tuple[Marked, list[str]]]]] = []
    for marker, lines in items:
        if marker.family != family and top:
            top[-1][2].append((marker, lines))
        else:
            top.append((marker, spans_of(" ".join(lines)), []))
    return List(
        tuple(ListItem(spans, build_list(nested, spans_of) if nested else None)
              for _, spans, nested in top),
        *list_numbering([marker.value for marker, _, _ in top]),
    )
