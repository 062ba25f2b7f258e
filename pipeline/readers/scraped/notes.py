"""Notes in a scraped text: `[n]` markers in the text, and a section of notes that they name.

The section is a heading `Notes` (`Note`, `Footnotes`, `Endnotes`, `註釋`, `附註`) followed
by lines that start with a label, `[1]`, `1.`, `註1：` or a symbol (`*`, `†`, `①`); a line without
one carries on the note before it. A web page may set its footnotes under the text with no
heading: lines labelled `[1]`, `[2]`, … in order that end the text, each named by a marker
above, are its notes; or
lines a symbol labels (`* Excluding …`, `† …`), each symbol once, each called by that
symbol after a word above (`within four hours*`). A marker `[n]` (or the symbol after a
word) in the text becomes a reference to its note when the text has such a note; any other
is the author's text and stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from pipeline.languages import (
    NAMED_NOTE_CALL,
    NOTES_HEADING,
    NOTES_HEADINGS,
    SYMBOL_LABEL,
    joined_lines,
)
from pipeline.languages import NOTE_SYMBOLS as SYMBOLS
from pipeline.model import Note, Span
from pipeline.readers.scraped.dedupe import Unit
from pipeline.readers.scraped.pages import SUPERIOR, SUPERIOR_FIGURES

RAISED_FIGURES = {figure: superior for superior, figure in SUPERIOR_FIGURES.items()}

# A note's number, or its letter, in brackets (`[1]`, `[a]`, as some reports letter notes).
CALL_LABEL = r"\[(\d{1,3}|[a-z])\]"
NOTE_LABEL = re.compile(rf"{CALL_LABEL}\s*|(\d{{1,3}})[.)]\s+")
# A number in brackets labelling a note under a notes heading, "(1) …", whose calls in the
# text are bracketed so too ("a surplus of £14,200 (1), its first").
BRACKETED_NUMBER = re.compile(r"\((\d{1,3})\)\s+")
# The word for a note and its number, a colon after them, labelling a note under a notes
# heading as Hong Kong reports label theirs, their calls named so ("註1：…", "Note 1: …").
NAMED_LABEL = re.compile(rf"(?i:{NOTES_HEADINGS})\s*(\d{{1,3}})\s*[:：]\s*")
# A note's label under a notes heading: a number, or a symbol ("* …", "① …").
HEADED_LABEL = re.compile(f"{NOTE_LABEL.pattern}|{BRACKETED_NUMBER.pattern}"
                          f"|{SYMBOL_LABEL.pattern}|{NAMED_LABEL.pattern}")
REFERENCE = re.compile(CALL_LABEL)
BRACKETED_LABEL = re.compile(REFERENCE.pattern + r"\s*")
# "…doubled.[2]", "…三分之一[1]": sought from the first call of a run only (not after
# another call), so a line of calls that ends in none is read once, not once a call.
TRAILING_CALLS = re.compile(r"(?<!\[\d\])(?<!\[\d\d\])(?<!\[\d\d\d\])(?<!\[[a-z]\])"
                            rf"(?:{REFERENCE.pattern})+$")
# What a symbol calling a note follows: a word, a figure, a mark ending a phrase.
CALLED_AFTER = "\\w.,;:!?%)\u2019\u201d\uff09\u3002\uff0c"


def heading_apart(units: list[Unit]) -> list[Unit]:
    """A notes heading written with its notes right under it ("Notes", then "[1] …"), and
    with the text's last lines right over it (a sign-off's date), made a unit of its own,
    as when blank lines part them."""
    for index, unit in enumerate(units):
        rows = unit.rows if unit.kind == "text" else ()
        at = next((row for row in range(len(rows) - 1) if NOTES_HEADING.fullmatch(rows[row])
                   and HEADED_LABEL.match(rows[row + 1])), None)
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
                and NOTES_HEADING.fullmatch(unit.text) and HEADED_LABEL.match(following.rows[0])):
            return index
    return None


def end_notes(units: list[Unit]) -> tuple[list[Unit], list[Unit]] | None:
    """The units of the text, and those of the notes that end it under no heading: units
    opening with `[1]`, `[2]`, … in order, each label named by a marker in the text above."""
    units = last_parted(units, lambda rows, row: (
        (label := BRACKETED_LABEL.match(rows[row])) is not None and label[1] == "1"))
    start, labels = labelled_ending(units, BRACKETED_LABEL)
    if start in (0, len(units)):
        return None
    named = {marker.group(1) for unit in units[:start] if unit.kind == "text"
             for row in unit.rows for marker in REFERENCE.finditer(row)}
    in_order = labels == [str(number) for number in range(1, len(labels) + 1)]
    return (units[:start], units[start:]) if in_order and named >= set(labels) else None


def notes_ending(units: list[Unit], spans_of
                 ) -> tuple[list[Unit], list[Note], list[Unit]] | None:
    """The units of the text, the notes that end it under no heading, and the general notes
    under them (general_notes); the notes labelled `[1]`, …, or by symbols, these in the
    order the text calls them (as Word lists its endnotes, and as symbols are given: the
    first called is the first)."""
    general = general_notes(units)
    units = units[:len(units) - len(general)]
    if (parted := end_notes(units)) is not None:
        return parted[0], read_notes(parted[1], spans_of)[0], general
    if (parted := symbol_notes(units)) is None:
        return None
    text, labelled, found = parted
    notes = read_notes(labelled, spans_of, SYMBOL_LABEL)[0]
    # A note labelled by a superior figure is called by it (`2024.¹`), its label the figure.
    return text, sorted(notes, key=lambda note: min(found.first(note.label), found.first(
        note.label.translate(RAISED_FIGURES)))), general


def general_notes(units: list[Unit]) -> list[Unit]:
    """The units ending the text that are each a note on the whole, led by its label and a
    colon (`註：表1數字經四捨五入…`, `Note: figures are rounded.`), under labelled notes: the
    text's, not a labelled note's words."""
    start = len(units)
    while start > 0 and units[start - 1].kind == "text" and GENERAL_NOTE.match(
            units[start - 1].rows[0]):
        start -= 1
    return units[start:]


# A note's label and its colon, then its words: `Note: …`, `註：…`.
GENERAL_NOTE = re.compile(rf"(?:{NOTES_HEADINGS})\s*[:：]\s*\S", re.IGNORECASE)


class Calls:
    """Where a text first calls each note a symbol labels: its rows, in order, read once for
    each label asked about (a text of many lines a symbol labels reads in linear time)."""

    def __init__(self, units: list[Unit]) -> None:
        self.rows: list[str] = []
        self.starts: list[int] = []  # the index of each unit's first row, then of the end
        for unit in units:
            self.starts.append(len(self.rows))
            if unit.kind == "text":
                self.rows += unit.rows
        self.starts.append(len(self.rows))
        self.found: dict[str, tuple[int, int]] = {}

    def first(self, label: str) -> tuple[int, int]:
        """The row and the place in it of the first call of note `label` (past the last
        row for none)."""
        if label not in self.found:
            call = re.compile(rf"(?<=[{CALLED_AFTER}]){re.escape(label)}(?![{SYMBOLS}])")
            self.found[label] = next(((row, found.start()) for row, text in enumerate(self.rows)
                                      if (found := call.search(text))), (len(self.rows), 0))
        return self.found[label]

    def before_row(self, label: str, row: int) -> bool:
        """Whether the text calls note `label` in its rows before row `row`."""
        return self.first(label)[0] < row

    def before(self, label: str, unit: int) -> bool:
        """Whether the text calls note `label` in its units before unit `unit`."""
        return self.before_row(label, self.starts[unit])


def last_parted(units: list[Unit], opens: Callable[[tuple[str, ...], int], bool]
                ) -> list[Unit]:
    """The last unit parted before its first line but the first that `opens` the notes
    (given its rows and the line's index): a note written right under the text's last
    lines (a sign-off's) with no blank line between."""
    last = units[-1] if units else None
    if last is None or last.kind != "text":
        return units
    at = next((row for row in range(1, len(last.rows)) if opens(last.rows, row)), None)
    if at is None:
        return units
    return [*units[:-1], Unit("text", last.rows[:at], last.lines[:at]),
            Unit("text", last.rows[at:], last.lines[at:])]


def labelled_ending(units: list[Unit], label: re.Pattern) -> tuple[int, list[str]]:
    """Where the units ending the text that each open with a line `label` matches start
    (len(units) for none), and the labels (its first group) of every line of theirs it
    matches."""
    start = len(units)
    while start > 0 and units[start - 1].kind == "text" and label.match(units[start - 1].rows[0]):
        start -= 1
    return start, [found[1] for unit in units[start:] for row in unit.rows
                   if (found := label.match(row))]


def read_notes(units: list[Unit], spans_of,
               label_pattern: re.Pattern = HEADED_LABEL) -> tuple[list[Note], list[Unit]]:
    """The notes that open `units` (those after the heading), and the units after them;
    `label_pattern` finds a line's label (its last group the label)."""
    notes: list[tuple[str, list[str]]] = []
    for index, unit in enumerate(units):
        if unit.kind != "text" or not label_pattern.match(unit.rows[0]):
            return built(notes, spans_of), units[index:]
        for row in unit.rows:
            label = label_pattern.match(row)
            if label:
                notes.append((label[label.lastindex], [row[label.end():]]))
            else:
                notes[-1][1].append(row)
    return built(notes, spans_of), []


def built(notes: list[tuple[str, list[str]]], spans_of) -> list[Note]:
    return [Note(label, spans_of(joined_lines(lines))) for label, lines in notes]


def symbol_notes(units: list[Unit]) -> tuple[list[Unit], list[Unit], Calls] | None:
    """The units of the text, those of the notes symbols label that end it ("* Excluding …",
    then "† …"), and where the text calls them: each symbol labels one note, and calls it
    after a word above."""
    last = len(units) - 1
    found = Calls(units)  # parting the last unit leaves its rows, in order, as they are
    units = last_parted(units, lambda rows, row: (
        (label := SYMBOL_LABEL.match(rows[row])) is not None
        and found.before_row(label[1], found.starts[last] + row)))
    start, labels = labelled_ending(units, SYMBOL_LABEL)
    if start in (0, len(units)) or len(set(labels)) != len(labels):
        return None
    row = sum(len(unit.rows) for unit in units[:start] if unit.kind == "text")
    if not all(found.before_row(label, row) for label in labels):
        return None
    return units[:start], units[start:], found


def symbol_note(unit: Unit, found: Calls, before: int) -> bool:
    """Whether `unit` is a note its symbol labels ("* Excluding …"), called by that symbol
    after a word of the text's units before unit `before` (`found` says where), or the mark
    ending it ("within four hours*", "year.*")."""
    label = SYMBOL_LABEL.match(unit.rows[0]) if unit.kind == "text" else None
    return label is not None and found.before(label[1], before)


def calls(labels: set[str], bracketed: bool = False) -> re.Pattern:
    """A reference to one of the notes `labels` names: `[n]`, or a symbol right after a word
    or a mark, and no other symbol (the longest label first: `**` is not `*`); where the
    notes are `bracketed` ("(1) …"), `(n)` after a word and a space too, before a space or a
    mark ending a phrase."""
    symbols = sorted((label for label in labels if not (label.isdecimal() or label.isalpha())),
                     key=len, reverse=True)  # a letter is called in brackets only: `[a]`
    called = "|".join(map(re.escape, symbols)) or "(?!)"
    in_brackets = (rf"|(?<=[{CALLED_AFTER}] )\((\d{{1,3}})\)(?=[\s.,;:!?]|$)" if bracketed
                   else "")
    return re.compile(rf"{REFERENCE.pattern}|(?<=[{CALLED_AFTER}])({called})(?![{SYMBOLS}])"
                      + in_brackets + NAMED_CALL + SUPERIOR_CALL + FLATTENED_CALL)


# A note's call in words (`…上升21.3%（註1）。`, `(Note 2)`): the call, brackets and word,
# becomes the reference.
NAMED_CALL = f"|{NAMED_NOTE_CALL}"


# A note's number as a superior figure (`another.¹`, `trade²`) after a mark ending a phrase
# or a word of three letters or more: after a unit's short name it raises it (`m²`, `km²`).
SUPERIOR_CALL = (r"|(?:(?<=[^\W\d_]{3})|(?<=[.,;:!?)\u2019\u201d]))"
                 rf"({SUPERIOR.pattern.rstrip('+')}{{1,3}})")


# A superior figure the copy set on the line (`million.1 Shop`, `人次。1商店`): a number
# right after a mark ending a phrase, a word of four letters or more before it (`No.3`,
# `Fig.2` are a number's and a figure's; `3.1` a number), no figure going on after it.
FLATTENED_CALL = (r"|(?<=[^\W\d_]{4}[.,;:!?\u2019\u201d\u3002\uff0c])(\d{1,3})"
                  r"(?![\d\uff10-\uff19]|[.,]\d)")


def with_references(spans: tuple[Span, ...], labels: set[str], bracketed: bool = False
                    ) -> tuple[Span, ...]:
    """The spans with each `[n]`, superior figure or symbol calling a note made a reference
    to it (`(n)` too, where the notes are `bracketed`)."""
    call = calls(labels, bracketed)
    result: list[Span] = []
    for span in spans:
        position = 0
        for match in call.finditer(span.text):
            label = match[match.lastindex].translate(SUPERIOR_FIGURES)
            if label not in labels:
                continue
            # A reference sits against the word it follows: "growth [1]" reads "growth¹".
            before = span.text[position:match.start()].rstrip(" ")
            result.append(replace(span, text=before))
            result.append(Span(label, span.bold, span.italic, note=label))
            position = match.end()
        result.append(replace(span, text=span.text[position:]))
    return tuple(span for span in result if span.text)
