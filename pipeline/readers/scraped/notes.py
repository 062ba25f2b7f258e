"""Notes in a scraped text: `[n]` markers in the text, and a section of notes that they name.

The section is a heading `Notes` (`Note`, `Footnotes`, `Endnotes`, `註釋`, `附註`) followed
by lines that start with a label, `[1]` or `1.`; a line without one carries on the note
before it. A web page may set its footnotes under the text with no heading: lines labelled
`[1]`, `[2]`, … in order that end the text, each named by a marker above, are its notes. A
marker `[n]` in the text becomes a reference to note n when the text has such a note; any
other `[n]` is the author's text and stays as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.languages import NOTES_HEADING, joined_lines
from pipeline.model import Note, Span
from pipeline.readers.scraped.dedupe import Unit

NOTE_LABEL = re.compile(r"\[(\d{1,3})\]\s*|(\d{1,3})[.)]\s+")
REFERENCE = re.compile(r"\[(\d{1,3})\]")
BRACKETED_LABEL = re.compile(REFERENCE.pattern + r"\s*")
TRAILING_CALLS = re.compile(rf"(?:{REFERENCE.pattern})+$")  # "…doubled.[2]", "…三分之一[1]"
# A note a symbol labels ("* Excluding …", "† …"), as a web page sets one under its text.
SYMBOL_LABEL = re.compile(r"([*\u2020\u2021\u00a7]{1,3})\s+(?=\S)")


def heading_apart(units: list[Unit]) -> list[Unit]:
    """A notes heading written with its notes right under it ("Notes", then "[1] …"), and
    with the text's last lines right over it (a sign-off's date), made a unit of its own,
    as when blank lines part them."""
    for index, unit in enumerate(units):
        rows = unit.rows if unit.kind == "text" else ()
        at = next((row for row in range(len(rows) - 1) if NOTES_HEADING.fullmatch(rows[row])
                   and NOTE_LABEL.match(rows[row + 1])), None)
        if at is not None:
            pieces = [Unit("text", rows[start:end], unit.lines[start:end])
                      for start, end in ((0, at), (at, at + 1), (at + 1, len(rows)))
                      if start < end]
            return [*units[:index], *pieces, *units[index + 1:]]
    return units


def notes_section(units: list[Unit]) -> int | None:
    """The index of the notes' heading in `units`, when the text has a section of notes."""
    for index, unit in enumerate(units[:-1]):
        following = units[index + 1]
        if (unit.kind == following.kind == "text" and len(unit.rows) == 1
                and NOTES_HEADING.fullmatch(unit.text) and NOTE_LABEL.match(following.rows[0])):
            return index
    return None


def end_notes(units: list[Unit]) -> tuple[list[Unit], list[Unit]] | None:
    """The units of the text, and those of the notes that end it under no heading: units
    opening with `[1]`, `[2]`, … in order, each label named by a marker in the text above."""
    units = first_note_apart(units)
    start = len(units)
    while (start > 0 and units[start - 1].kind == "text"
           and BRACKETED_LABEL.match(units[start - 1].rows[0])):
        start -= 1
    if start in (0, len(units)):
        return None
    labels = [label.group(1) for unit in units[start:] for row in unit.rows
              if (label := BRACKETED_LABEL.match(row))]
    named = {marker.group(1) for unit in units[:start] if unit.kind == "text"
             for row in unit.rows for marker in REFERENCE.finditer(row)}
    in_order = labels == [str(number) for number in range(1, len(labels) + 1)]
    return (units[:start], units[start:]) if in_order and named >= set(labels) else None


def first_note_apart(units: list[Unit]) -> list[Unit]:
    """The last unit parted before its line labelled `[1]`, written right under the text's
    last lines (a sign-off's date) with no blank line between."""
    last = units[-1] if units else None
    if last is None or last.kind != "text":
        return units
    at = next((row for row in range(1, len(last.rows))
               if (label := BRACKETED_LABEL.match(last.rows[row])) and label.group(1) == "1"),
              None)
    if at is None:
        return units
    return [*units[:-1], Unit("text", last.rows[:at], last.lines[:at]),
            Unit("text", last.rows[at:], last.lines[at:])]


def read_notes(units: list[Unit], spans_of) -> tuple[list[Note], list[Unit]]:
    """The notes that open `units` (those after the heading), and the units after them."""
    notes: list[tuple[str, list[str]]] = []
    for index, unit in enumerate(units):
        if unit.kind != "text" or not NOTE_LABEL.match(unit.rows[0]):
            return built(notes, spans_of), units[index:]
        for row in unit.rows:
            label = NOTE_LABEL.match(row)
            if label:
                notes.append((label.group(1) or label.group(2), [row[label.end():]]))
            else:
                notes[-1][1].append(row)
    return built(notes, spans_of), []


def built(notes: list[tuple[str, list[str]]], spans_of) -> list[Note]:
    return [Note(label, spans_of(joined_lines(lines))) for label, lines in notes]


def with_references(spans: tuple[Span, ...], labels: set[str]) -> tuple[Span, ...]:
    """The spans with each `[n]` naming a note made a reference to it."""
    result: list[Span] = []
    for span in spans:
        position = 0
        for match in REFERENCE.finditer(span.text):
            if match.group(1) not in labels:
                continue
            # A reference sits against the word it follows: "growth [1]" reads "growth¹".
            before = span.text[position:match.start()].rstrip(" ")
            result.append(replace(span, text=before))
            result.append(Span(match.group(1), span.bold, span.italic, note=match.group(1)))
            position = match.end()
        result.append(replace(span, text=span.text[position:]))
    return tuple(span for span in result if span.text)


def symbol_note(unit: Unit, above: list[Unit]) -> bool:
    """Whether `unit` is a note its symbol labels ("* Excluding …"), called by that symbol
    after a word of the text `above`, or the mark ending it ("within four hours*", "year.*")."""
    label = SYMBOL_LABEL.match(unit.rows[0]) if unit.kind == "text" else None
    if label is None:
        return False
    call = re.compile(rf"[\w.,;:!?%)\u2019\u201d]{re.escape(label.group(1))}"
                      r"(?![*\u2020\u2021\u00a7])")
    return any(call.search(row) for each in above if each.kind == "text" for row in each.rows)
