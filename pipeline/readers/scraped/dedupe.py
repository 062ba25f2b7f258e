"""Deduplication: drop the repetitions a web page leaves, and remember what they meant.

A block (a line, or a paragraph of lines) that repeats the block kept just
before it, separated only by blank lines, is dropped; the kept twin counts the
repetition, because the repetition carries meaning: the byline is written
several times at the top of the page, a photo caption twice. Only neighbours
are compared, so a sentence that recurs inside two different paragraphs is
never touched; but a pull quote is dropped, a line that is all a quotation of
words a paragraph of the text says, as a page sets them large beside it.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from collections.abc import Container, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

from pipeline.languages import (
    PHOTO_CREDIT,
    SENTENCE_BREAK,
    UNSPACED,
    columns,
    detect,
    ends_sentence,
    joined_lines,
)
from pipeline.readers.cleaning import CELL, PHOTO_MARKER
from pipeline.readers.debris_kinds import report_key

WORDLIKE = re.compile(r"[^\W_]")
# A space beside a letter of a script that parts no words by spaces (Chinese): its twin may
# have one or not.
SPACE_BY_UNSPACED = re.compile(f"(?<=[{UNSPACED}]) | (?=[{UNSPACED}])")


# What stands in a dropped line's place where the text runs on over it: a printed page's
# running head and folio between a paragraph's lines (pages.py). A character of the private
# use area: no line of a text is that alone.
PAGE_SEAM = "\ue001"
# The source's lines dropped inside a block of the text being read that part nothing
# (debris.PARTS_NO_BLOCK: the text's date between its kicker and its title): the lines over
# and under each stand right under each other, as they would without it.
SEAMED: ContextVar[frozenset[int]] = ContextVar("SEAMED", default=frozenset())

# A line that is all a quotation: between a language's opening and closing quotes.
QUOTATION = re.compile("[\u2018\u201c\u300c\u300e\"'](.+)[\u2019\u201d\u300d\u300f\"']")
# Columns of its words (a Chinese character two): a short quotation ("Thank you.") may recur.
MIN_PULL_QUOTE = 20
PULL_QUOTE = "pull quote, repeating words of the text"
# A page sets a few pull quotes; a text of more lines that are each a quotation is a
# collection of them (testimonials), none of which is a pull quote. The bound keeps the
# search for each one's words in the text linear in the text.
MAX_PULL_QUOTES = 50
# A sentence standing alone written twice apart, this wide at least: a short one ("Thank
# you.") may recur.
MIN_REPEATED_SENTENCE = 80


@dataclass(frozen=True)
class Unit:
    """A block of the source after deduplication: text, or a photo's place.

    Its lines are kept as lines: whether they join into one paragraph, or stand apart as
    list items or table rows, is for the structure to decide.
    """

    kind: str  # "text" or "marker"
    # The block's lines, repetitions dropped; a marker's, the words its picture's place said
    # (its caption's), if any.
    rows: tuple[str, ...]
    lines: tuple[int, ...]  # their line numbers in the source, from 1
    repeats: int = 1  # how many times the source wrote it
    # How many times the source wrote each row, where the block wrote one again ("Chairman's
    # Statement" over a byline written three times); empty when it wrote none twice.
    counts: tuple[int, ...] = ()
    quoted: bool = False  # a displayed quotation, set apart by its indent (breaks.py)
    lined: bool = False  # lines kept as lines, set apart by their indent (breaks.py)

    def apart(self) -> list[Unit]:
        """Its rows as units of their own, as if blank lines had parted them."""
        counts = self.counts or (1,) * len(self.rows)
        return [Unit(self.kind, (row,), (line,), count, quoted=self.quoted, lined=self.lined)
                for row, line, count in zip(self.rows, self.lines, counts, strict=True)]

    def piece(self, start: int, end: int) -> Unit:
        """Rows `start` to `end` of the unit, as a unit: each row keeps how often the source
        wrote it (a photo's caption twice)."""
        counts = self.counts[start:end] if self.counts else (1,) * (end - start)
        return Unit(self.kind, self.rows[start:end], self.lines[start:end],
                    counts[0] if end - start == 1 else 1, counts if max(counts) > 1 else (),
                    self.quoted, self.lined)

    @functools.cached_property  # read hundreds of times a text by the tests of its structure
    def text(self) -> str:
        """The rows read as one line: how blocks are compared, and how a paragraph reads (a
        list item's indentation, kept for the list's depth, aside)."""
        text = joined_lines([row.lstrip(" ") for row in self.rows])
        return UNSPACED_CELL_GAP.sub("\u3000", text).replace("\t", " ")


def lines_apart(over: Unit, under: Unit) -> int:
    """How many lines under the last line of `over` the first of `under` stands (1: right
    under it), the lines dropped inside a block that part nothing (SEAMED) not counted."""
    last, first = over.lines[-1], under.lines[0]
    return first - last - sum(1 for number in SEAMED.get() if last < number < first)


@contextlib.contextmanager
def seamed_lines(lines: frozenset[int]) -> Iterator[None]:
    """The units read meanwhile have the source's `lines` dropped inside their blocks
    (SEAMED)."""
    token = SEAMED.set(lines)
    try:
        yield
    finally:
        SEAMED.reset(token)


# The gap between two of a row's cells, read as a line, beside a character of a script that
# parts no words by spaces: the full-width space cleaning keeps there (`办公室　2025年3月11日
# 印发`, a notice's record of its printing); a space it closes up, as a draft read back would.
UNSPACED_CELL_GAP = re.compile(f"(?<=[{UNSPACED}])\t|\t(?=[{UNSPACED}])")


@dataclass(frozen=True)
class Drop:
    """Lines dropped, why, and the twin kept in their place (none for web-page debris)."""

    text: str
    lines: tuple[int, ...]
    reason: str
    kept_text: str = ""
    kept_lines: tuple[int, ...] = ()


@dataclass
class Deduplicated:
    units: list[Unit] = field(default_factory=list)
    drops: list[Drop] = field(default_factory=list)


def likeness_key(text: str) -> str:
    """What two blocks share when they differ only in white space, case or punctuation.

    Text with no letters or digits ("***") is its own key, so unlike rules stay apart.
    Chinese characters are letters here, and the spaces beside them do not count.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return SPACE_BY_UNSPACED.sub("", " ".join(re.findall(r"[^\W_]+", folded))) or text


def deduplicate(cleaned_text: str, numbers: list[int] | None = None) -> Deduplicated:
    """The text's blocks, repetitions dropped; `numbers`: each row's number in the source,
    where rows were moved (a page's notes to the text's end), else its place."""
    result = Deduplicated()
    previous: int | None = None  # index in result.units of the last text unit kept
    for block in (piece for whole in split_blocks(cleaned_text, numbers)
                  for piece in written_twice_apart(whole)):
        if block[0][1].startswith(PHOTO_MARKER):
            # Its words, where the picture's place said what its caption says (debris.py).
            described = block[0][1].removeprefix(PHOTO_MARKER)
            result.units.append(Unit("marker", (described,) if described else (),
                                     (block[0][0],)))
            continue
        unit = collapse_block(block, result.drops)
        if previous is not None and same(result.units[previous], unit):
            twin = result.units[previous]
            result.drops.append(Drop(unit.text, unit.lines, "repeats the block before it",
                                     twin.text, twin.lines))
            result.units[previous] = replace(twin, repeats=twin.repeats + unit.repeats)
            continue
        if previous is not None and credited_twin(result.units[previous], unit):
            # A caption written again with its picture's credit after it (`… (Photo: Amy
            # Lo)`): the caption, credit and all, the copy without it dropped.
            twin = result.units[previous]
            bare, credited = sorted((twin, unit), key=lambda each: len(each.text))
            result.drops.append(Drop(bare.text, bare.lines, "repeats the block before it",
                                     credited.text, credited.lines))
            result.units[previous] = replace(credited, repeats=twin.repeats + unit.repeats)
            continue
        if previous is not None and opens_with_twin(result.units[previous], unit):
            # The line before the block (a title, its page's dateline between), written again
            # over the block's other lines, as a page not wrapped sets them.
            twin = result.units[previous]
            first, unit = unit.piece(0, 1), unit.piece(1, len(unit.rows))
            result.drops.append(Drop(first.text, first.lines, "repeats the block before it",
                                     twin.text, twin.lines))
            result.units[previous] = replace(twin, repeats=twin.repeats + first.repeats)
        result.units.append(unit)
        previous = len(result.units) - 1
    quotes = pull_quotes(result.units) | repeated_sentences(result.units)
    for line, (text, said_in) in quotes.items():
        result.drops.append(Drop(text, (line,), PULL_QUOTE, said_in.text, said_in.lines))
    result.units = [unit for unit in map(functools.partial(without_lines, lines=quotes),
                                         result.units) if unit.kind == "marker" or unit.rows]
    return result


def without_lines(unit: Unit, lines: Container[int]) -> Unit:
    """The unit without its rows at `lines`."""
    kept = [index for index, line in enumerate(unit.lines) if line not in lines]
    if len(kept) == len(unit.lines):
        return unit
    return Unit(unit.kind, tuple(unit.rows[index] for index in kept),
                tuple(unit.lines[index] for index in kept), unit.repeats,
                tuple(unit.counts[index] for index in kept) if unit.counts else ())


def pull_quotes(units: list[Unit]) -> dict[int, tuple[str, Unit]]:
    """Each line that is all a quotation of words another block of the text says at more
    length (in a text not wrapped, another line of its own block): its number -> its text,
    and that block."""
    blocks = [unit for unit in units if unit.kind == "text"]
    quotations = {}  # line number -> the quotation's text and the key of its words
    for unit in blocks:
        for text, line in zip(unit.rows, unit.lines, strict=True):
            quoted = QUOTATION.fullmatch(text.strip())
            key = likeness_key(quoted.group(1)) if quoted else ""
            if columns(key) >= MIN_PULL_QUOTE:
                quotations[line] = (text, key)
    if not quotations or len(quotations) > MAX_PULL_QUOTES:
        return {}
    lines = [Unit("text", (row,), (line,)) for unit in blocks
             for row, line in zip(unit.rows, unit.lines, strict=True)]
    keyed = [(other, likeness_key(other.text)) for other in (*blocks, *lines)]
    found = {}
    for line, (text, key) in quotations.items():
        said_in = next((other for other, other_key in keyed if line not in other.lines
                        and key in other_key and len(other_key) > len(key)), None)
        if said_in is not None:
            found[line] = (text, said_in)
    return found


def repeated_sentences(units: list[Unit]) -> dict[int, tuple[str, Unit]]:
    """Each line standing alone, one sentence at least MIN_REPEATED_SENTENCE wide (or, all
    a quotation, MIN_PULL_QUOTE), that says again a line standing alone before it, running
    text between them (not right before it: a caption's twin; not across a title only), as
    a page sets a pull quote amid the text: its number -> its text, and that line."""
    seen: dict[str, int] = {}  # the key of each such line's words -> its index in `units`
    found = {}
    for index, unit in enumerate(units):
        if (unit.kind != "text" or len(unit.rows) != 1 or not ends_sentence(unit.text)
                or re.search(SENTENCE_BREAK, unit.text)):
            continue
        key = likeness_key(unit.text)
        least = MIN_PULL_QUOTE if QUOTATION.fullmatch(unit.text.strip()) else (
            MIN_REPEATED_SENTENCE)
        if columns(key) < least:
            continue
        if key not in seen:
            seen[key] = index
        elif any(other.kind == "text" and ends_sentence(other.text)
                 for other in units[seen[key] + 1:index]):
            found[unit.lines[0]] = (unit.text, units[seen[key]])
    return found


def split_blocks(cleaned_text: str, numbers: list[int] | None = None
                 ) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines, numbered from 1 (or by `numbers`), each run going on over a
    page's seam; a photo marker is a block of its own."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    lines = cleaned_text.split("\n")
    for number, line in zip(numbers or range(1, len(lines) + 1), lines, strict=True):
        if line == PAGE_SEAM:
            if current and ends_sentence(current[-1][1]):
                # A paragraph runs on over a page's furniture only inside a sentence.
                blocks.append(current)
                current = []
            continue
        if line and not line.startswith(PHOTO_MARKER):
            current.append((number, line))
            continue
        if current:
            blocks.append(current)
            current = []
        if line.startswith(PHOTO_MARKER):
            blocks.append([(number, line)])
    if current:
        blocks.append(current)
    return blocks


# The most lines a run written twice in a row inside a block holds: a caption, its credit
# line and a line more.
MAX_TWICE_WRITTEN_LINES = 3


def written_twice_apart(block: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The block, parted around the first run of two or more of its lines that it writes again
    right under them (a photo's caption and its credit line, twice, as a page shows them,
    with no blank line parting them from the text): each copy a block of its own, as blank
    lines would have parted them, so the second goes as the block before it written again;
    the block whole where it writes no run twice."""
    keys = [likeness_key(line) for _, line in block]
    for start in range(len(block)):
        for size in range(2, MAX_TWICE_WRITTEN_LINES + 1):
            end = start + 2 * size
            run = keys[start:start + size]
            # (One line written over and over is a line repeated: collapse_block's.)
            if end <= len(block) and len(set(run)) > 1 and run == keys[start + size:end]:
                return [piece for piece in (block[:start], block[start:start + size],
                                            block[start + size:end]) if piece] + \
                    written_twice_apart(block[end:])
    return [block] if block else []


def collapse_block(block: list[tuple[int, str]], drops: list[Drop]) -> Unit:
    """One unit from a block's lines: a phrase written over and over made one, then lines
    that repeat the line before them dropped; a block of a line, its translation and the
    line again is a caption in two languages written twice (translated)."""
    if (translated := translated_twice(block)) is not None:
        drops.append(Drop(block[2][1], (block[2][0],), "repeats the line before its translation",
                          block[0][1], (block[0][0],)))
        return translated
    kept: list[tuple[int, str, int]] = []  # line number, text, repeats
    for number, written in block:
        line = unrepeated_phrase(written, (number,), drops)
        if kept and likeness_key(kept[-1][1]) == likeness_key(line):
            first_number, first_line, repeats = kept[-1]
            drops.append(Drop(line, (number,), "repeats the line before it",
                              first_line, (first_number,)))
            kept[-1] = (first_number, first_line, repeats + 1)
            continue
        kept.append((number, line, 1))
    numbers = tuple(number for number, _, _ in kept)
    rows = tuple(line for _, line, _ in kept)
    repeats = kept[0][2] if len(kept) == 1 else 1
    counts = tuple(count for _, _, count in kept)
    unit = Unit("text", rows, numbers, repeats, counts if max(counts) > 1 else ())
    # A phrase written over and over across the lines ("Our people" above "Our people Our
    # people"), as a line that writes it so: read as one line, the block would collapse.
    phrases = repetition(unit.text) if len(rows) > 1 else []
    if phrases:
        for phrase in phrases[1:]:
            drops.append(Drop(phrase, numbers, "repeats the phrase before it", phrases[0],
                              numbers[:1]))
        return Unit("text", (phrases[0],), numbers[:1], len(phrases))
    return unit


def translated_twice(block: list[tuple[int, str]]) -> Unit | None:
    """A block of three lines, the first written again after the second, which is in
    another script (a bilingual page's caption, Chinese over English over the Chinese
    again, as it doubles a caption): the first two, written twice; else None."""
    if len(block) != 3 or likeness_key(block[0][1]) != likeness_key(block[2][1]):
        return None
    (first, line), (second, translation), _ = block
    if detect(line).script == detect(translation).script:
        return None
    return Unit("text", (line, translation), (first, second), 2)


def unrepeated_phrase(text: str, lines: tuple[int, ...], drops: list[Drop]) -> str:
    """"Our people Our people" -> "Our people": a whole line that is one phrase written two
    or more times ("主席報告主席報告": of two Chinese characters or more, a space between
    them or not). A phrase repeated inside running text is never the whole line, so it is
    the author's, and kept; so is a table's row opening with its empty cell, whose cells
    may each say the same (`⇥千元⇥千元`, each column's unit)."""
    if text.startswith(CELL):
        return text
    phrases = repetition(text)
    for phrase in phrases[1:]:
        drops.append(Drop(phrase, lines, "repeats the phrase before it", phrases[0], lines))
    return phrases[0] if phrases else text


def repetition(text: str) -> list[str]:
    """The line's phrases when it is one phrase written over and over, else none: phrases of
    words, or of characters (spaces aside) in a language that parts no words by spaces; of
    one word only when written as often as the language's profile says."""
    profile = detect(text)
    # Each piece's place in the line: a phrase is the line from its first piece's start to
    # its last one's end, the spaces inside it kept (between the English words of a mostly
    # Chinese line too, which joined would run together).
    pieces = [match.span() for match in (re.finditer(r"[^ ]+", text) if profile.words_spaced
                                         else re.finditer(r"[^ ]", text))]
    for times in range(len(pieces), 1, -1):
        length = len(pieces) // times
        if len(pieces) % times or (length == 1 and not 0 < profile.single_word_repeats <= times):
            continue
        phrases = [text[pieces[i][0]:pieces[i + length - 1][1]]
                   for i in range(0, len(pieces), length)]
        # Each alike to the first, asked until one is not (most lines' second is not), where
        # every phrase's key had been made for every division of the line.
        first = likeness_key(phrases[0])
        if all(likeness_key(phrase) == first for phrase in phrases[1:]) and WORDLIKE.search(text):
            return phrases
    return []


def opens_with_twin(kept: Unit, candidate: Unit) -> bool:
    """Whether `candidate` opens with the one line of `kept`, and has other lines."""
    return (kept.kind == candidate.kind == "text" and len(kept.rows) == 1
            and len(candidate.rows) > 1
            and likeness_key(kept.text) == likeness_key(candidate.rows[0]))


def credited_twin(kept: Unit, candidate: Unit) -> bool:
    """Whether one of two lines says the other again, the picture's credit after it
    (`Volunteers planting trees at Lung Fu Shan. (Photo: Amy Lo)`)."""
    if not (kept.kind == candidate.kind == "text" and len(kept.rows) == len(candidate.rows) == 1):
        return False
    shorter, longer = sorted((kept.text.strip(), candidate.text.strip()), key=len)
    rest = longer[len(shorter):].strip().strip("()\uff08\uff09[] ")
    return (bool(rest) and longer.startswith(shorter)
            and bool(PHOTO_CREDIT.fullmatch(rest)))


def same(kept: Unit, candidate: Unit) -> bool:
    return kept.kind == candidate.kind == "text" and (
        likeness_key(kept.text) == likeness_key(candidate.text)
    )


def report(name: str, result: Deduplicated, debris: dict[str, int] | None = None) -> dict:
    """What was dropped, in the order of the source's lines, and which twin was kept: for an
    editor to review; and how many lines were each source's debris (`debris`, "web page
    debris" -> its count: `web_page_debris` in the report)."""
    return {
        "document": name,
        **{report_key(source): count for source, count in (debris or {}).items()},
        "dropped": [
            {"lines": list(drop.lines), "text": drop.text, "reason": drop.reason}
            | ({"kept": {"lines": list(drop.kept_lines), "text": drop.kept_text}}
               if drop.kept_lines else {})
            for drop in result.drops
        ],
    }
