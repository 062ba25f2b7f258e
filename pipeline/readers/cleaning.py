"""Cleaning: Unicode, white space and British typography (house style), never the words.

Cleaning works line by line and keeps every line where it was, so line numbers
in later reports are the source's own. In a text's lines a tab, or a gap of two or more
spaces not after a sentence's end, parts the cells of a pasted table: each cell is
cleaned alone and the cells are kept apart by one tab (CELL_GAP).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import accumulate, pairwise

from pipeline.addresses import ADDRESS, WEB_ADDRESS
from pipeline.languages import is_chinese
from pipeline.model import Span, plain
from pipeline.readers import chinese

NBSP = "\u00a0"
# A line holding only a no-break space marks where a photo stood on the web page.
PHOTO_MARKER = NBSP

# Where a note's reference stands while its paragraph is cleaned: a character of no script.
NOTE_MARK = "\ue000"
# Where an address stands while the typography is applied around it: it is kept as written.
ADDRESS_MARK = "\ue001"
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad]")
SPACES = re.compile(r"[ \u2000-\u200a\u202f\u205f\u3000]+")

ELLIPSIS = re.compile(r"\.\s?\.\s?\.")
DOUBLE_HYPHEN = re.compile(r"\s*-{2,3}\s*")
# The space after a spaced hyphen is looked at, not taken, so "a - - a" is found twice.
SPACED_HYPHEN = re.compile(r"(?<=\S) -(?= \S)")
EM_DASH = re.compile(r"\s*\u2014\s*")
YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)-(\d\d(?:\d\d)?)\b")
# A hyphen standing for a minus: before a figure, at the start of a word ("-2.7%", "(-13)").
MINUS = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))-(?=\d)")
# Between a table's cells: tabs, or two or more spaces where no sentence has just ended.
CELL_GAP = re.compile(r" *\t *|(?<![.!?:;]) {2,}")
CELL = "\t"

OPENING_CONTEXT = " \u00a0([{\u2018\u201c\u2013\u2014/"
APOSTROPHE_BEFORE_DIGITS = re.compile(r"(?:(?<=^)|(?<=[\s(]))'(?=\d\ds\b)")

# A number and the word it counts or measures: "298 million", "2,700 claims", "11 June".
NUMBER_AND_WORD = re.compile(
    r"(?<![\w.,\u2013-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?) "
    r"(?!(?:and|or|to|of|in|on|at|by|for|from|with|than|as|the|a|an|is|was|were|are)\b)"
    r"(?=[^\W\d_])"
)
YEAR_LIKE = re.compile(r"[12]\d{3}")
PER_CENT = re.compile(r"\bper cent\b")
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr)\.? (?=\w)")
# Figures and signs raised or lowered, as Unicode writes them: for lines that take no
# formatting (a heading, the title), where "CO₂" must not become "CO2".
SUPERIOR = str.maketrans("0123456789+-\u2212=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
INFERIOR = str.maketrans("0123456789+-\u2212=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
# Every white space but the no-break space (Word's tabs and line breaks too) is one space.
WHITE_SPACE = re.compile(r"[^\S\u00a0]")
SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\S) +(?=[,.;:!?)\]\u2019\u201d\u2026](?:\s|$))")


def flattened(spans: tuple[Span, ...]) -> str:
    """The text of spans for a line that takes no formatting: raised and lowered figures as
    Unicode's superior and inferior ones (10⁶, CO₂); other raised text ("1st") on the line."""
    def character_for(span: Span) -> str:
        table = {"superscript": SUPERIOR, "subscript": INFERIOR}.get(span.position)
        if table is None or any(ord(character) not in table for character in span.text):
            return span.text
        return span.text.translate(table)

    return "".join(character_for(span) for span in spans)


def clean_text(text: str) -> str:
    return "\n".join(clean_row(line) for line in text.split("\n"))


def clean_row(line: str) -> str:
    """A line of a text, its table cells (if any) cleaned each alone and kept apart."""
    cells = CELL_GAP.split(line.strip(" \t"))
    if len(cells) == 1:
        return clean_line(line)
    return CELL.join(clean_line(cell) if cell.strip() else "" for cell in cells)


def clean_line(line: str) -> str:
    line = unicodedata.normalize("NFC", INVISIBLE.sub("", line))
    if not line.strip():
        # Only white space: the marker when a no-break space stood there, else an empty line.
        return PHOTO_MARKER if NBSP in line else ""
    line = SPACES.sub(" ", line.replace(NBSP + " ", " ").replace(" " + NBSP, " ")).strip()
    line = line.strip(NBSP)
    addresses = ADDRESS.findall(line) if ADDRESS_MARK not in line else []
    if addresses:
        line = ADDRESS.sub(ADDRESS_MARK, line)
    line = chinese.typeset(line) if is_chinese(line) else typeset(line)
    if not addresses:
        return line
    pieces = line.split(ADDRESS_MARK)
    return "".join(piece + address for piece, address in zip(pieces, [*addresses, ""],
                                                             strict=True))


def typeset(line: str) -> str:
    """Apply the house style's typography to one line of text."""
    line = ELLIPSIS.sub("\u2026", line)
    line = DOUBLE_HYPHEN.sub(" \u2013 ", line)
    line = SPACED_HYPHEN.sub(" \u2013", line)
    line = EM_DASH.sub(" \u2013 ", line)
    line = YEAR_RANGE.sub("\\1\u2013\\2", line)
    line = MINUS.sub("\u2212", line)
    line = curl_quotes(line)
    line = bind_numbers(line)
    line = PER_CENT.sub("per" + NBSP + "cent", line)
    line = HONORIFIC.sub(lambda m: m.group(0)[:-1] + NBSP, line)
    line = SPACE_BEFORE_PUNCTUATION.sub("", line)
    return SPACES.sub(" ", line).strip(" ")


def curl_quotes(line: str) -> str:
    """Straight quotes become curly ones, opening or closing by their position."""
    line = APOSTROPHE_BEFORE_DIGITS.sub("\u2019", line)
    characters = list(line)
    for index, character in enumerate(characters):
        if character not in "'\"":
            continue
        before = characters[index - 1] if index else " "
        opening = before in OPENING_CONTEXT
        if character == "'":
            characters[index] = "\u2018" if opening else "\u2019"
        else:
            characters[index] = "\u201c" if opening else "\u201d"
    return "".join(characters)


def bind_numbers(line: str) -> str:
    def bind(match: re.Match) -> str:
        number = match.group(1)
        return match.group(0) if YEAR_LIKE.fullmatch(number) else number + NBSP

    return NUMBER_AND_WORD.sub(bind, line)


# --- Cleaning spans --------------------------------------------------------------------------


def clean_spans(spans: list[Span] | tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans with the house style applied to their whole text at once, so that quotes
    curl and numbers bind across a change of emphasis; each character keeps its emphasis.

    Spaces at the edges of an emphasised span keep only the emphasis they share with the
    text beyond, and neighbours with the same emphasis are joined, so each text has one form.
    A note's reference is left as it is, and stands in the text as one mark (NOTE_MARK). A web
    address written out in full becomes a link (`linked`).
    """
    stand_ins = [Span(NOTE_MARK) if span.note else span for span in spans]
    raw = WHITE_SPACE.sub(" ", plain(tuple(stand_ins)))
    cleaned = clean_line(raw)
    if not cleaned.strip():
        return ()
    # Text already in the house style (a draft the pipeline wrote) needs no alignment.
    opcodes = ([("equal", 0, len(raw), 0, len(raw))] if raw == cleaned
               else SequenceMatcher(None, raw, cleaned, autojunk=False).get_opcodes())
    ends = [aligned(end, opcodes) for end in accumulate(len(span.text) for span in stand_ins)]
    pieces = [
        span if span.note else replace(span, text=cleaned[start:end])
        for span, (start, end) in zip(spans, pairwise([0, *ends]), strict=True)
    ]
    return linked(joined(level_spaces(shared_edges(joined(pieces)))))


def aligned(position: int, opcodes: list[tuple[str, int, int, int, int]]) -> int:
    """Where a position in the raw text falls in the cleaned text; a position inside a
    changed stretch ("..." becoming "…") moves to its end."""
    for tag, raw_start, raw_end, clean_start, clean_end in opcodes:
        if position < raw_end:
            if tag == "equal":
                return clean_start + position - raw_start
            return clean_start if position == raw_start else clean_end
    return opcodes[-1][4]


def shared_edges(spans: tuple[Span, ...]) -> list[Span]:
    """ "**bold *and italic* too**" keeps its spaces bold; in "a *b*" the space is plain."""
    result = []
    for index, span in enumerate(spans):
        before = spans[index - 1] if index else Span("")
        after = spans[index + 1] if index + 1 < len(spans) else Span("")
        core = span.text.strip(" ")
        if span.note:
            result.append(span)
            continue
        if not core:
            result.append(with_emphasis(span.text, span, before, after))
            continue
        leading = span.text[: len(span.text) - len(span.text.lstrip(" "))]
        trailing = span.text[len(span.text.rstrip(" ")) :]
        result += [
            with_emphasis(leading, span, before),
            replace(span, text=core),
            with_emphasis(trailing, span, after),
        ]
    return result


def level_spaces(spans: list[Span]) -> list[Span]:
    """A space inside raised or lowered text ("10 th") set on the line: so each text has one
    form, which the marked-up form (whose ^…^ holds no space, as pandoc's) can write."""
    result = []
    for span in spans:
        if not span.position or " " not in span.text:
            result.append(span)
            continue
        for index, word in enumerate(span.text.split(" ")):
            if index:
                result.append(replace(span, text=" ", position=""))
            result.append(replace(span, text=word))
    return result


def with_emphasis(text: str, *spans: Span) -> Span:
    """`text` with the emphasis, position and link all `spans` share."""
    return Span(text, all(span.bold for span in spans), all(span.italic for span in spans),
                position=shared(span.position for span in spans),
                link=shared(span.link for span in spans))


def shared(values) -> str:
    """The one value all have, else none."""
    values = set(values)
    return values.pop() if len(values) == 1 else ""


def joined(spans: list[Span]) -> tuple[Span, ...]:
    """The spans without empty ones, neighbours alike in all but their text made one."""
    result: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if (result and not (span.note or result[-1].note)
                and result[-1].formatting == span.formatting):
            result[-1] = replace(span, text=result[-1].text + span.text)
        else:
            result.append(span)
    return tuple(result)


def linked(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans with each web address written out in full (`https://…`) a link to itself,
    its text as written."""
    result: list[Span] = []
    for span in spans:
        if span.note or span.link or "://" not in span.text:
            result.append(span)
            continue
        position = 0
        for match in WEB_ADDRESS.finditer(span.text):
            result += [replace(span, text=span.text[position:match.start()]),
                       replace(span, text=match.group(), link=match.group())]
            position = match.end()
        result.append(replace(span, text=span.text[position:]))
    return tuple(span for span in result if span.text)
