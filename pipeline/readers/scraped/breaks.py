"""Line breaks: which of a block's breaks are a wrap, and which are the author's.

A text wrapped by hand or by a mail program breaks its paragraphs into lines of about one
width, 72 to 80 columns; those lines join. A web page copied as text is not wrapped: each
of its paragraphs, headings and list items comes as one line, and a page built of `div`s
(or a heading, list or table next to a paragraph) leaves no blank line between them. So:

- a table's rows (cells parted by tabs), with the title right above them, stand apart from
  the lines around them, wrapped or not: a row of cells carries on no paragraph;
- so do a page's key figures, each a figure on a line of its own over what it counts
  ("1,482" over "homes let", "96%" over "emergency repairs on time"), two of them at least:
  a list, each item the figure and its words (a bullet marks each figure's line);
- in a text holding a line of running text wider than any wrap (WRAP_COLUMNS), or whose
  lines of running text all end a sentence (two at least: a wrap breaks a paragraph
  inside its sentences, and a page's short paragraphs, Chinese ones, are each a line), no
  line was wrapped (a text is wrapped throughout or not at all): a line ending a sentence, or a
  line shaped as a heading or a date over one that starts a sentence (not with a lower-case
  letter), ends its block, as if a blank line followed it; a heading under a list, whose
  lines are all short, too. A line broken inside a sentence (by hand, or by a `<br>`) still
  joins;
- in a wrapped text, a line shaped as a heading ends its block over the paragraph wrapped on
  the lines right under it (no blank line between), where the wrap would have taken the
  paragraph's first word onto it: the author broke that line, not the wrap. A paragraph's
  first line is short only when its next word is too long to fit (an address), and then the
  wrap broke it; a line broken inside a sentence goes on in lower case, and still joins. A
  line ending a sentence ends its paragraph likewise, where the wrap would have taken the
  next line's first word: a PDF viewer copies a page's paragraphs with no blank line
  between them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from pipeline.addresses import ADDRESS
from pipeline.languages import (
    ADDRESS_LINE,
    ATTRIBUTION,
    CONTACT_HEADING,
    CONTACT_LEAD_IN,
    FIELD,
    LEAD_IN_ENDS,
    ORDINAL_OPENING,
    QUESTION,
    STAGE_DIRECTION,
    VALEDICTION,
    columns,
    detect,
    ends_sentence,
    joined_lines,
    word_count,
)
from pipeline.model import numbered_label
from pipeline.readers.cleaning import CELL, CELL_GAP, indent_width
from pipeline.readers.scraped.dedupe import Unit
from pipeline.readers.scraped.lists import compound_marked, is_item, marked
from pipeline.readers.scraped.notes import (
    BRACKETED_LABEL,
    NOTE_LABEL,
    REFERENCE,
    TRAILING_CALLS,
)
from pipeline.readers.scraped.tables import cells_of, is_table_title, table_title_lines

MAX_FIELD_WORDS = 16  # in a field's line, its label and its value; in an event's line
# In a field's line listing, no sentence (`Present: Councillor M. Patel (Chair), …`).
MAX_LISTING_WORDS = 32
MAX_EVENT_ROWS = 5  # its day, its name, its place, perhaps a line more or two
# Wider than a mail program (RFC 5322's 78 characters) or an editor (80) wraps a line; a
# Chinese character takes two columns, as a terminal and a mail program count it.
WRAP_COLUMNS = 100
# A caption under a photo written once, pointing up to it, as WeChat articles and news pages
# write one: "▲2024级新生开学典礼现场", "△ The new wing".
POINTED_CAPTION = re.compile(r"[\u25b2\u25b3]\s*(?=\S)")
# A line a wrap breaks is this wide at least; a text of two such lines or more, each ending
# a sentence, was not wrapped.
MIN_WRAPPED_COLUMNS = 40
MIN_SENTENCE_LINES = 2
# How much shorter than a paragraph's widest line its lines may be wrapped, by hand: a line
# that would have taken the next word with this much room to spare was broken by its author.
WRAP_SLACK = 10
# A page sets a language whose words no spaces part on a grid, each full line as many
# characters as the next (a mark compressed aside): a line two characters short ends its
# paragraph.
GRID_SLACK = 4
MAX_SIGNATURE_ROWS = 4  # a name, a role, an organisation, a date
# A line of Chinese verse, a couplet's: four characters to eleven (a regulated verse's five
# or seven), and the mark ending it, if any.
MIN_VERSE_CHARACTERS = 4
MAX_VERSE_CHARACTERS = 11
MIN_VERSE_LINES = 3  # lines of a verse's length in a row, unmatched, that are a poem's
VERSE_LINE_END = re.compile(r"[，。！？；、,.!?;]$")
# A line wholly in brackets: a note on the text under its title ("（根据录音整理）",
# "(Abridged)"), never the title; a speech's stage direction ("(Applause)").
BRACKETED_LINE = re.compile(r"\([^()]{1,60}\)|\[[^\[\]]{1,60}\]|\uff08[^\uff08\uff09]{1,60}\uff09")
# A sentence in square brackets on a line of its own saying what is done, as a transcript
# notes it between what was said ("[The Mayor cuts the ribbon.]").
DIRECTION_SENTENCE = re.compile(r"\[[A-Z][^\[\]]*[.!?]\]")
# What a line of a language written without spaces ends with where it goes on on the next.
GOES_ON = ("\uff0c", "\u3001", "\uff08", "\u300a", "\u300c", "\u300e", ",")
# How many of its lines at the margin a paragraph opened by an indent ends a sentence with.
MAX_SENTENCES_AN_OPENING = 4
MIN_SHORT_LINES = 3  # two short lines may be a heading over a line, or a name over a role
MIN_FILLED_LINES = 3  # lines the wrap filled, to say how short a filled line may be


# A key figure's words: a short line, no sentence ("homes let", "rent arrears, down from £4.1m").
MAX_FIGURE_WORDS = 12
KEY_FIGURE_MARK = "\u2022 "  # a bullet before each key figure makes it a list item (lists.py)
# A label and its figure on a line: "Complaints received: 4,872 (up 9% on 2022–23)".
LABELLED_FIGURE = re.compile(r"(?P<label>[^\W\d_][^:：\d]{0,60}?)\s*[:：]\s*(?P<value>\d.*)")
MAX_LABEL_WORDS = 8
MIN_LABELLED_FIGURES = 3  # two could be a signature's or an event's details
# A figure opening a line of the words saying what it counts: "2,146 young carers
# supported", "£1.2m raised from 4,300 donors", "38 partner schools".
COUNTED_LINE = re.compile(r"[£$€¥]?\d[\d,.]*(?:%|bn|[kmb])?\s+[^\W\d_].*")
# A timeline's line: its date, then a dash or a colon, then its event.
DATED_EVENT = re.compile(r"(?P<date>[^:：\u2013\u2014]{3,30}?)\s*(?:\s[-\u2013\u2014]\s|[:：])\s*"
                         r"(?P<event>\S.*)")
MIN_DATED_EVENTS = 2
TELEPHONE = re.compile(r"\+?[\d\s()\-.\u00a0]{7,}")
# A figure with a unit of a short word or two, or a few characters, after it: "25 minutes",
# "38 per cent", "25分鐘"; or two such, a time's parts ("7m 48s").
FIGURE_WITH_UNIT = re.compile(r"\d[\d,.]*(?:\s?[^\W\d_]{1,7}){1,2}(?:\s\d[\d,.]*\s?[^\W\d_]{1,7})?"
                              # or a ratio: "1 in 3", "9 out of 10"
                              r"|\d[\d,.]*(?:\s[^\W\d_]{1,3}){1,2}\s\d[\d,.]*")
# A displayed block's indent, in columns: a tab's, or four spaces (fewer open a paragraph);
# and the paragraphs at the margin a text sets one apart from, at least.
QUOTATION_INDENT = 4
MIN_FLUSH_PARAGRAPHS = 2
# Verse's lines, at most this share of the text's widest line: a wrap leaves a displayed
# paragraph's lines nearly as wide as its own.
VERSE_SHARE = 0.75


# A quotation and its attribution on one line: the quote, then a spaced dash and who said it.
# The quote ends a sentence inside its marks; who said it ends none, nor holds a dash (`'We
# listened,' – the board said – and acted.` goes on as a sentence).
QUOTE_CREDITED = re.compile("(?P<quote>[\u2018\u201c\u300c].*[.!?\u2026\u3002\uff01\uff1f]"
                            "[\u2019\u201d\u300d])\\s+(?P<dash>[\u2013\u2014]+ )"
                            "(?P<credit>[^\u2018\u201c\u2013\u2014.!?]+)")
MAX_CREDIT_WORDS = 12


# Whether row `index` of a block's rows ends its block, the rows after it being another's.
Ends = Callable[[tuple[str, ...], int], bool]


def blocks_apart(units: list[Unit], stands_alone: Callable[[str], bool]) -> list[Unit]:
    """The units, each block of text parted where its line breaks are the author's: in a
    text holding a line wider than any wrap, which was not wrapped, after a sentence's end
    or a line that `stands_alone` (a heading's, a date's); in a wrapped text, after such a
    line over a paragraph, which the wrap would have filled."""
    if not_wrapped(units):
        def ends(rows: tuple[str, ...], index: int) -> bool:
            # A field over another (`Membership: 286` over `Matches played: 94`) is one of
            # a block of fields, however each stands alone.
            return (ends_block(rows[index], rows[index + 1], stands_alone)
                    and not numbering_goes_on(rows, index)
                    and not fields(rows[index:index + 2])
                    and not sentence_runs_on(rows, index)) or staged_apart(rows, index)
        width = None
    else:
        def ends(rows: tuple[str, ...], index: int) -> bool:  # a heading's line, or the one over it
            return (any(heads_paragraph(rows, row, stands_alone)
                        for row in (index, index + 1) if row < len(rows) - 1)
                    or ends_paragraph(rows, index) or closes_list(rows, index)
                    ) and not numbering_goes_on(rows, index) or staged_apart(rows, index)
        width = max((columns(row) for unit in units if unit.kind == "text"
                     for row in unit.rows if CELL not in row), default=0)
    # A mail's quoted lines are one quotation, however its sender broke them.
    return [piece for unit in headed_lines_apart(items_standing_apart(units))
            for piece in ([unit] if unit.quoted and mail_quoted(unit.rows)
                          else parted(unit, ends, width))]


def staged_apart(rows: tuple[str, ...], index: int) -> bool:
    """Whether rows `index` and `index + 1` part at a speech's stage direction on a line of
    its own, over it or under it: a paragraph of its own, however the line over it ends (a
    rubric's `…, Saturday 23 May 2026` over `[The Mayor is introduced by the chair.]` had
    run on into it)."""
    return any(STAGE_DIRECTION.fullmatch(row.strip()) or DIRECTION_SENTENCE.fullmatch(row.strip())
               for row in rows[index:index + 2])


def is_verse_line(row: str) -> bool:
    """A line of verse among the lines of a text in a script whose words no spaces part: of
    a verse line's length, a mark ending it (`大庇天下寒士俱歡顏，`) and none within it; three
    or more in a row are a poem's lines (a prose line is longer, or holds a mark within)."""
    text = row.strip()
    bare = VERSE_LINE_END.sub("", text)
    return bare != text and not detect(text).words_spaced and verse_body(bare)


def verse_body(line: str) -> bool:
    """Whether `line`, its end's mark taken off, is of a verse line's length (four to eleven
    characters) and holds no mark or space."""
    return (MIN_VERSE_CHARACTERS <= len(line) <= MAX_VERSE_CHARACTERS
            and not any(unicodedata.category(character)[0] in "PZ" for character in line))


def matched_lines(rows: tuple[str, ...]) -> bool:
    """Whether `rows`, in a script whose words no spaces part, are lines of verse matched in
    length, as a couplet's are (`春風化雨育桃李` over `杏壇耕耘譜新篇`), a mark at most ending
    each, none within them: lines, not headings each or a paragraph."""
    bare = [VERSE_LINE_END.sub("", row.strip()) for row in rows]
    return (len(rows) >= 2 and not detect(bare[0]).words_spaced
            and all(len(line) == len(bare[0]) and verse_body(line) for line in bare))


def short_lines(unit: Unit, width: int | None) -> bool:
    """Whether a block is three or more short lines, each broken by its author, no sentence,
    list item or table row among them: a catalogue entry's details (its date, place,
    materials, size, credit line), a page's items whose bullets the copy lost, a heading
    over them: nothing tells that line from the others. Lines, kept as written: run
    together they would read as one sentence, parted each would be a heading over nothing.
    In a wrapped text (`width`, its widest line) the author broke a line where the wrap
    would have taken the next line's first word onto it (room_for_next)."""
    rows = unit.rows
    if (unit.kind != "text" or unit.lined or unit.repeats > 1 or len(rows) < MIN_SHORT_LINES
            or any(ends_sentence(TRAILING_CALLS.sub("", row)) or CELL in row
                   or word_count(row) > MAX_FIELD_WORDS for row in rows)
            # A list's items, two at least: one line opening as an item would ("H. 45 cm",
            # an object's height) is none.
            or sum(marked(row) is not None for row in rows) > 1
            # A caption pointing up to its picture ("▲…") is its figure's, over the rest.
            or any(POINTED_CAPTION.match(row.strip()) for row in rows)):
        return False
    return width is None or all(room_for_next(row, following, width)
                                for row, following in itertools.pairwise(rows))


def address_lines(rows: tuple[str, ...]) -> bool:
    """Whether `rows` are a postal address, each a line of one (a street's number and name
    over a town and its postcode): lines, however few, never a heading each."""
    return all(ADDRESS_LINE.fullmatch(row.strip()) for row in rows)


def room_for_next(row: str, following: str, width: int, slack: int = WRAP_SLACK) -> bool:
    """Whether a wrap `width` columns wide would have taken the first word of `following`
    (its first character, in a script written without spaces) onto `row`, with `slack`
    columns to spare: where it did not, the author broke the line."""
    spaced = detect(following).words_spaced
    first = following.split()[0] if spaced else following[:1]
    return columns(row) + spaced + columns(first) + slack <= width


def headed_lines_apart(units: list[Unit]) -> list[Unit]:
    """A block whose first line heads the lines under it (heads_lines): that line a block of
    its own, the lines under it kept as lines, not run together into a paragraph."""
    found: list[Unit] = []
    for unit in units:
        if unit.kind == "text" and len(unit.rows) > 1 and not unit.lined and heads_lines(unit):
            found += [unit.piece(0, 1), replace(unit.piece(1, len(unit.rows)), lined=True)]
        else:
            found.append(unit)
    return found


def heads_lines(unit: Unit) -> bool:
    """Whether the unit's first line heads the lines under it: a contact heading over its
    lines, wherever in the text it stands ("Media contact" over a name, a telephone number,
    an address); a short line over fields ("Have your say" over "Write to: …", "Email: …",
    "Telephone: …"); an event's day (and time) over its short lines, its name and its place
    ("Saturday 12 April, 10am–4pm" over "Spring plant sale" over "The Walled Garden"); a
    lead-in over the short lines it leads into, items whose bullets the copy lost (`Our
    channels now include:` over `Facebook`, `Instagram`; `主要數字如下：` over `服務人次
    2023年：4,800`), run together, a figure would run into the next line's label."""
    first, rows = unit.rows[0].strip(), unit.rows[1:]
    return bool(CONTACT_HEADING.fullmatch(first)) or leads_into_lines(first, rows) or (
        fields(rows) and not FIELD.match(first) and not ends_sentence(first)
        and word_count(first) <= MAX_FIELD_WORDS
        and not all(map(is_labelled_figure, rows))) or (
        len(unit.rows) <= MAX_EVENT_ROWS and detect(first).is_when(first)
        and all(word_count(row) <= MAX_FIELD_WORDS and not ends_sentence(row)
                and marked(row) is None for row in rows))


def leads_into_lines(first: str, rows: tuple[str, ...]) -> bool:
    """Whether `first`, ending as a lead-in does (`:`, `：`), is over two short lines or more,
    each its own: no sentence, no list's item or clause (`to reduce waste;`, `and to
    grow`, which carry the lead-in's sentence on) and no table's row."""
    return first.endswith(LEAD_IN_ENDS) and len(rows) >= 2 and all(
        word_count(row) <= MAX_FIELD_WORDS and not ends_sentence(row) and CELL not in row
        and marked(row.strip()) is None and not row.strip()[:1].islower()
        and not row.rstrip().endswith(ITEM_ENDS) for row in rows)


def fields(rows: tuple[str, ...]) -> bool:
    """Whether `rows` are two or more fields, each a label and its value on a line of its own
    (`Date: Thursday 20 March 2025` over `Venue: St Michael's Church Hall`; `cc: …` over
    `Enc.: …` under a letter): lines, not a paragraph, which would run them together; an
    interview's question and answer aside."""
    return len(rows) >= 2 and all(map(is_field, rows))


def is_field(row: str) -> bool:
    """Whether a line is a field: a label and its value (`Office hours: 9 am to 5 pm`)."""
    return bool(FIELD.match(row.strip())) and not QUESTION.match(row.strip()) and (
        word_count(row) <= MAX_FIELD_WORDS
        or word_count(row) <= MAX_LISTING_WORDS and not ends_sentence(row))


def numbering_goes_on(rows: tuple[str, ...], index: int) -> bool:
    """Whether the row after `index` numbers the next of a label's numbered lines above it
    ("Enclosures: 1. Site plan", "2. Diversion routes", "3. Timetable"): each of those is
    shaped as a numbered heading, and would stand alone."""
    numbered = NEXT_NUMBERED.match(rows[index + 1].strip())
    # The label's line holds number 1: the row that many rows up from the one numbered.
    start = index + 2 - int(numbered.group(1)) if numbered else -1
    return start >= 0 and bool(numbered_label([row.strip() for row in rows[start:index + 2]]))


NEXT_NUMBERED = re.compile(r"(\d{1,2})\s*[.．、]\s*\S")


def parted(unit: Unit, ends: Ends, width: int | None = None) -> list[Unit]:
    """The unit's pieces: its tables, and its lines parted where a line `ends` its block, or
    is one the source wrote twice (a photo's caption over the text, no blank line between:
    it stands apart, as its block would); or the unit kept whole as lines, where it is
    short lines and nothing else (`width`: see short_lines)."""
    if (unit.kind != "text" or len(unit.rows) < 2 or unit.repeats > 1 or unit.lined
            or fields(unit.rows)):
        return [unit]  # a block written twice is a photo's caption, its credit line with it
    twice = {row for row, count in enumerate(unit.counts) if count > 1}

    def ended(rows: tuple[str, ...], index: int) -> bool:
        return index in twice or over_credit(rows, index) or ends(rows, index)

    cuts: list[tuple[int, int]] = []  # the rows each piece holds, from and to
    start = 0
    figures = key_figures(unit.rows)
    labelled = (runs_of(unit.rows, is_labelled_figure, MIN_LABELLED_FIGURES)
                + [counted_on(unit.rows, run)
                   for run in runs_of(unit.rows, is_counted_line, MIN_LABELLED_FIGURES)]
                + runs_of(unit.rows, is_dated_event, MIN_DATED_EVENTS)
                + runs_of(unit.rows, is_held_when, MIN_DATED_EVENTS))
    verse = runs_of(unit.rows, is_verse_line, MIN_VERSE_LINES)
    found = sorted(tables(unit.rows) + figures + labelled + verse)
    if not found and (short_lines(unit, width) or matched_lines(unit.rows)
                      or address_lines(unit.rows) or over_its_day(unit.rows)):
        return [replace(unit, lined=True)]
    for first, last in found:
        cuts += lines_of(unit.rows, start, first, ended)
        cuts.append((first, last))
        start = last
    cuts += lines_of(unit.rows, start, len(unit.rows), ended)
    cuts, details = details_under_heading(unit.rows, cuts) if not found else (cuts, [])
    pieces = [unit] if len(cuts) == 1 else [unit.piece(*cut) for cut in cuts]
    return [listed(each) if cut in figures else itemised(each) if cut in labelled
            else replace(each, lined=True) if cut in verse or cut in details else each
            for each, cut in zip(pieces, cuts, strict=True)]


# A quotation's close ending its line: a sentence's end, then the closing mark.
QUOTATION_CLOSE = re.compile("[.!?\u2026\u3002\uff01\uff1f][\u2019\u201d\u300d\u300f]$")


def over_credit(rows: tuple[str, ...], index: int) -> bool:
    """Whether row `index` closes a quotation, over a short line a dash opens saying who
    said it (`"… We have no right to be slow."` over `- Dr Priya Ramaswamy`, as a pull quote
    is copied out of a PDF): the quotation ends its block there (the credit does not run on
    as its last words, its hyphen a hyphen)."""
    if index + 1 >= len(rows):
        return False
    credit = rows[index + 1].strip()
    return (bool(QUOTATION_CLOSE.search(rows[index].rstrip())) and bool(ATTRIBUTION.match(credit))
            and word_count(credit) <= MAX_CREDIT_WORDS)


def over_its_day(rows: tuple[str, ...]) -> bool:
    """Whether a block is a line over its day, perhaps the time and place after it, neither
    ending a sentence (a speech's rubric, `Speech by the Chair … of the Eastfield Housing
    Co-operative` over `Saturday 16 November 2024, Eastfield Community Hall`): two lines,
    kept as written (run together, the day would run on from the rubric)."""
    if len(rows) != 2 or any(ends_sentence(row) for row in rows):
        return False
    day = rows[1].strip()
    return detect(day).is_when(day) or detect(day).led_by_when(day)


def details_under_heading(rows: tuple[str, ...], cuts: list[tuple[int, int]]
                          ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The cuts of a block opening with a heading over lines of details, then running text
    (an object's label: `1. Keelman's hat` over `Felt and leather, about 1820` over `Lent by
    Mrs Joan Armstrong`, then its text, then its number), the details one piece; and the
    pieces kept as lines: the details, and a last line of details after the text (each had
    been a heading, over nothing)."""
    # One line under a heading may be a subheading: an entry's number (`2. Launch
    # programme`) or two lines of details or more tell details; a line numbered under the
    # heading's number (`2.1 Headline figures` under `2. Membership`) is its first section's.
    name = rows[0].strip()
    entry = marked(name)  # `2. Launch programme`: the entry's number, then its name
    sections = {f"{entry.path}{entry.value}."} if entry else set()
    singles = cuts[:1] + list(itertools.takewhile(
        lambda cut: cut[1] - cut[0] == 1 and is_detail(rows[cut[0]])
        and compound_marked(rows[cut[0]], sections) is None, cuts[1:]))
    words = entry.text if entry else name
    if (cuts[0][1] - cuts[0][0] != 1 or not detect(words).is_heading(words)
            or len(singles) < (2 if entry else 3)
            or len(singles) == len(cuts) or not ends_sentence(
            rows[cuts[len(singles)][1] - 1])):
        return cuts, []
    details = (singles[1][0], singles[-1][1])
    rest = cuts[len(singles):]
    last = rest[-1]
    closing = [last] if (len(rest) > 1 and last[1] - last[0] == 1 and is_detail(rows[last[0]])
                         and ends_sentence(rows[rest[-2][1] - 1])) else []
    return [singles[0], details, *rest], [details, *closing]


def is_detail(row: str) -> bool:
    """A line of an object's details: short, no sentence, no list's item, no number alone
    (a section's, `01`, over its heading)."""
    return (not ends_sentence(row) and marked(row.strip()) is None
            and word_count(row) <= MAX_FIELD_WORDS and not row.strip().isdigit())


def indented_openings(lines: list[str]) -> frozenset[int]:
    """The numbers (from 1) of the source's lines that open a paragraph by their indent alone
    (a tab, spaces, "　　" in Chinese), as a typed letter or a text saved from a word processor
    marks its paragraphs with no blank line between them: in a block of lines holding lines
    not indented, and no list's item or note (whose lines hang), each indented line after a
    sentence's end. A block indented all alike (a quotation) opens nothing; the block's first
    line needs no opening; nor does a block whose lines at the margin end many more
    sentences than its paragraphs could (MAX_SENTENCES_AN_OPENING each): its few indented
    lines are set apart (a speech's two lines of verse among its paragraphs, a line each)."""
    openings: set[int] = set()
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            block.append((number, line))
            continue
        indented = [index for index, (_, text) in enumerate(block) if text[:1].isspace()]
        ending = sum(1 for _, text in block if not text[:1].isspace()
                     and ends_sentence(text.strip()))
        if (indented and len(indented) < len(block)
                and len(indented) * MAX_SENTENCES_AN_OPENING >= ending
                and not any(is_item(text.strip()) or NOTE_LABEL.match(text.strip())
                            for _, text in block)
                and all(ends_sentence(block[index - 1][1].strip())
                        for index in indented if index)):
            openings.update(block[index][0] for index in indented if index)
        block = []
    return frozenset(openings)


QUOTE_MARK = ">"  # what opens each line a mail quotes (RFC 3676, 4.5)
QUOTE_MARKS = re.compile(r"(?:>[ \t]?)+")  # a quoted line's marks, a quote within a quote's too


def unquoted(rows) -> list[str]:
    """A mail's quoted lines without their quote marks."""
    return [QUOTE_MARKS.sub("", row.strip(), count=1) for row in rows]


def mail_quoted(texts: list[str]) -> bool:
    """Whether every line of a block opens with a mail's quote mark (`> Will the new timings
    …`): words the mail quotes, set apart as a page's blockquote is."""
    return bool(texts) and all(text.startswith(QUOTE_MARK) for text in texts)


def displayed_blocks(lines: list[str], wrapped: bool = True
                     ) -> tuple[frozenset[int], frozenset[int]]:
    """The numbers (from 1) of the source's lines in blocks set apart by their indent: blocks
    (between blank lines) each line of which is indented by QUOTATION_INDENT columns or more
    of spaces or tabs (not Chinese's "　　", which opens its paragraphs), no list's item,
    note or table row, in a text whose paragraphs stand at the margin (at least
    MIN_FLUSH_PARAGRAPHS of them, more than the indented blocks; a text indented throughout
    sets nothing apart). Those holding a sentence or more of words are displayed quotations
    (a page's blockquote, pasted), a last line a dash opens their attribution ("- Professor
    Richard TSANG", "——王立新"), not quoted words; those of two lines or more holding none
    are lines kept as lines (an address), and so is verse (is_verse: "國破山河在，" over
    "城春草木深。"). In a text not wrapped, whose lines are each a paragraph and whose
    paragraphs no indent opens (indented_openings), an indented line among others at the
    margin is set apart by its indent alone, blank lines around it or not (a page's
    blockquote copied with no blank line), but under a list's item, which it carries on.
    Returns (quotations' lines, line blocks' lines)."""
    flush, quoted, lined = 0, [], []
    widest = max(map(columns, lines), default=0)
    # Lines apart by their indent alone: in a text not wrapped whose paragraphs no indent opens.
    apart = not wrapped and not indented_openings(lines)
    runs = indented_runs(lines) if wrapped else frozenset()
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip() and not (apart and block and indented_apart(block[-1][1], line)) and not (
                block and (block[-1][0] in runs) != (number in runs)):
            block.append((number, line))
            continue
        texts = [text.strip() for _, text in block]
        said = texts[:-1] if len(texts) > 1 and ATTRIBUTION.match(texts[-1]) else texts
        indents = [indent_width(text[: len(text) - len(text.lstrip(" \t"))])
                   for _, text in block]
        plain = bool(block) and not any(is_item(text) or NOTE_LABEL.match(text)
                                        or CELL_GAP.search(text) for text in said)
        if mail_quoted(texts):
            # Its last line a dash opens, quoted too, is who said it (`> — Margaret Lam`).
            words = unquoted(texts)
            words = words[:-1] if len(words) > 1 and ATTRIBUTION.match(words[-1]) else words
            if ends_sentence(joined_lines(words)):
                quoted.append(block[:len(words)])
        elif plain and (min(indents) >= QUOTATION_INDENT or block[0][0] in runs):
            if is_verse(texts, said, widest):
                lined.append(block)
            elif ends_sentence(joined_lines(said)):
                quoted.append(block[: len(said)])
            elif len(block) > 1 and said == texts and not any(map(ends_sentence, texts)):
                lined.append(block)
        elif block and not indents[0] and not apart:
            flush += plain and ends_sentence(joined_lines(texts))
        elif block and not indents[0]:  # not wrapped: each of its lines a paragraph
            flush += sum(1 for text in texts if ends_sentence(text) and not (
                is_item(text) or NOTE_LABEL.match(text) or CELL_GAP.search(text)))
        block = [(number, line)] if line.strip() else []
    if flush < MIN_FLUSH_PARAGRAPHS or len(quoted) + len(lined) >= flush:
        # A text indented throughout sets nothing apart; but lines indented between lines at
        # the margin with no blank line round them stand apart all the same.
        quoted = [found for found in quoted if found[0][0] in runs]
        lined = [found for found in lined if found[0][0] in runs]
    return (frozenset(number for found in quoted for number, _ in found),
            frozenset(number for found in lined for number, _ in found))


def indented_runs(lines: list[str]) -> frozenset[int]:
    """The numbers (from 1) of the lines of a wrapped text in runs of MIN_RUN_LINES or more
    indented by RUN_INDENT columns at least, between lines at the margin with no blank line
    between (a PDF's verse or quotation, in a page copied with no blank lines: `   The frost
    is gone from Wendle Hill,` over `   The beck runs loud and brown;`), none a list's item
    nor under one: set apart by their indent as a block between blank lines is. A
    paragraph's first line alone is indented, never two."""
    found: list[int] = []
    run: list[int] = []
    for number, line in enumerate([*lines, ""], start=1):
        indent = indent_width(line[: len(line) - len(line.lstrip(" \t"))])
        if line.strip() and indent >= RUN_INDENT and not is_item(line.strip()):
            run.append(number)
            continue
        at_margin = bool(line.strip()) and not indent
        above = lines[run[0] - 2] if run and run[0] > 1 else ""
        # Under a list's item, indented lines carry it on (its hanging indent).
        if (len(run) >= MIN_RUN_LINES and not is_item(above.strip())
                and (at_margin or (above.strip() and not above[:1].isspace()))):
            found += run
        run = []
    return frozenset(found)


RUN_INDENT = 2
MIN_RUN_LINES = 2


def indented_apart(above: str, line: str) -> bool:
    """Whether `line` and the line `above` it stand at different indents, one at the margin
    and the other QUOTATION_INDENT columns in or more, neither carrying on a list's item."""
    def displayed(text: str) -> bool:
        return indent_width(text[: len(text) - len(text.lstrip(" \t"))]) >= QUOTATION_INDENT

    return (displayed(above) != displayed(line) and not is_item(above.strip())
            and not is_item(line.strip()))


def is_verse(texts: list[str], said: list[str], widest: int) -> bool:
    """Whether a displayed block's lines (`texts`; `said` without an attribution) are verse:
    two or more, each well short of the text's widest line, not every one a sentence (as a
    quotation of sentences a line is), and no attribution under them."""
    # A line whose sentence the next goes on with, in lower case, ends none (`…its
    # bridges;` over `it is the hands …`).
    ended = [ends_sentence(text) and not following[:1].islower()
             for text, following in zip(texts, [*texts[1:], ""], strict=True)]
    return (len(texts) > 1 and said == texts
            and all(columns(text) <= VERSE_SHARE * widest for text in texts)
            and not all(ended))


def displays_apart(units: list[Unit], quoted: frozenset[int],
                   lined: frozenset[int]) -> list[Unit]:
    """The units parted where a displayed quotation's lines (`quoted`) or a line block's
    (`lined`) start or end (a quotation's attribution under it), each marked so."""
    result = []
    for unit in units:
        if unit.kind != "text" or not (quoted | lined).intersection(unit.lines):
            result.append(unit)
            continue
        kinds = [(line in quoted, line in lined) for line in unit.lines]
        bounds = [0, *(index for index in range(1, len(kinds))
                       if kinds[index] != kinds[index - 1]), len(kinds)]
        result += [replace(unit.piece(first, last), quoted=kinds[first][0], lined=kinds[first][1])
                   for first, last in itertools.pairwise(bounds)]
    return result


def opened_apart(units: list[Unit], openings: frozenset[int]) -> list[Unit]:
    """The units parted before each of the lines `openings` that opens a paragraph."""
    result = []
    for unit in units:
        cuts = [index for index, line in enumerate(unit.lines) if index and line in openings]
        if unit.kind != "text" or not cuts:
            result.append(unit)
            continue
        bounds = [0, *cuts, len(unit.rows)]
        result += [unit.piece(start, end) for start, end in itertools.pairwise(bounds)]
    return result


def key_figures(rows: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the rows hold key figures: runs of two or more figures, each alone on its line
    over the words saying what it counts, or under them ("Visitors" over "412,000"), the
    same way round throughout the run; under its words only where that pairs more of them
    than over (a heading over figures over their words is none of theirs), or where a
    table's title stands over them (its cells copied a line each, a label then its
    figure, as a table reads)."""
    found = []
    index = 0
    while index < len(rows) - 1:
        over = run_end(rows, index, is_key_figure) - index
        under = run_end(rows, index, lambda words, figure: is_key_figure(figure, words)) - index
        later = run_end(rows, index + 1, is_key_figure) - index - 1  # over, from the next row
        titled = index > 0 and is_table_title(rows[index - 1])
        end = index + (over if over >= 4 else under if under >= 4 and (under > later or titled)
                       else 0)
        if end > index:
            found.append((index, end))
        index = max(end, index + 1)
    return found


def run_end(rows: tuple[str, ...], start: int, pair: Callable[[str, str], bool]) -> int:
    """Where the run of rows from `start` that are each two a `pair` ends."""
    end = start
    while end < len(rows) - 1 and pair(rows[end], rows[end + 1]):
        end += 2
    return end


def is_key_figure(row: str, words: str) -> bool:
    """A figure alone on its line (not a dash for none), perhaps with a short unit ("25
    minutes", "25分鐘"), over a line of words saying what it counts: short, no sentence, no
    figure, list item or table row of its own."""
    figure = row.strip()
    return (any(character.isdigit() for character in figure)
            and (detect(figure).is_figure(figure) or bool(FIGURE_WITH_UNIT.fullmatch(figure)))
            and not detect(words).is_figure(words.strip())
            and len(words.split()) <= MAX_FIGURE_WORDS and not ends_sentence(words)
            and neither_item_nor_row(words) and CELL not in row)


def neither_item_nor_row(row: str) -> bool:
    """A line that is no list's item and no table's row: what a line of figures, of an
    event or of a meeting must be, standing alone."""
    return marked(row) is None and CELL not in row


def runs_of(rows: tuple[str, ...], is_one: Callable[[str], bool], fewest: int
            ) -> list[tuple[int, int]]:
    """Where the rows hold runs of `fewest` lines or more that are each `is_one`: a box of
    labelled figures ("Complaints received: 4,872 (up 9%)", "投訴數目：4,872宗"), as a page's
    "At a glance" box sets them, a line each; a timeline's events, each after its date."""
    found, start = [], None
    for index, row in enumerate([*rows, ""]):
        if row and is_one(row):
            start = index if start is None else start
            continue
        if start is not None and index - start >= fewest:
            found.append((start, index))
        start = None
    return found


def is_dated_event(row: str) -> bool:
    """A timeline's line: a date, a dash or a colon, and what happened then ("March 2024 –
    Reopened the east wing", "2023年6月：圍牆花園重開"); no list item or table row."""
    found = DATED_EVENT.fullmatch(row.strip())
    return (found is not None and detect(found["date"]).is_date(found["date"])
            and neither_item_nor_row(row))


def items_standing_apart(units: list[Unit]) -> list[Unit]:
    """The units, each run standing apart (blank lines between) of two or more of a kind made
    one list's items, as if its lines stood together: a timeline's events, a line each; key
    figures, each a figure over its words. A line holding only a no-break space between them
    (a photo's place, or a page's blank line as a copy keeps it) parts them no more than a
    blank line does."""
    result: list[Unit] = []
    run: list[Unit] = []  # the current run's units, with the markers between them
    kind = ""

    def close() -> None:
        items = [unit for unit in run if unit.kind != "marker"]
        if len(items) >= 2:
            whole = joined_units(items)
            result.append(itemised(whole) if kind == "event" else listed(whole))
            trailing = list(itertools.takewhile(lambda unit: unit.kind == "marker",
                                                reversed(run)))
            result.extend(reversed(trailing))
        else:
            result.extend(run)
        run.clear()

    for unit in units:
        if unit.kind == "marker" and run:
            run.append(unit)
            continue
        found = apart_kind(unit)
        if found and found == kind:
            run.append(unit)
            continue
        close()
        kind = found
        if found:
            run.append(unit)
        else:
            result.append(unit)
    close()
    return result


def joined_units(units: list[Unit]) -> Unit:
    """Units standing apart as one, their rows in order."""
    return Unit("text", tuple(row for unit in units for row in unit.rows),
                tuple(line for unit in units for line in unit.lines))


def apart_kind(unit: Unit) -> str:
    """What item `unit` would be, standing apart: "event" (a timeline's line), "figure" (a
    key figure over its words), or "" for neither."""
    if unit.kind != "text" or unit.repeats > 1:
        return ""
    if len(unit.rows) == 1 and is_dated_event(unit.rows[0]):
        return "event"
    if len(unit.rows) == 2 and is_key_figure(*unit.rows):
        return "figure"
    return ""


def is_labelled_figure(row: str) -> bool:
    """A short label, its colon, and a figure with a few words after it; no telephone
    number (a signature's "Tel: 2345 6789"), list item or table row."""
    found = LABELLED_FIGURE.fullmatch(row.strip())
    return (found is not None and len(found["label"].split()) <= MAX_LABEL_WORDS
            and len(found["value"].split()) <= MAX_FIGURE_WORDS
            and not TELEPHONE.fullmatch(found["value"])
            and neither_item_nor_row(row))


def is_held_when(row: str) -> bool:
    """A meeting's line: its day and time, then where it is held ("Wednesday 12 March,
    12.30–1.30 pm, Room G.14, Roscoe Building"); no sentence, list item or table row."""
    text = row.strip()
    return (detect(text).led_by_when(text) and not ends_sentence(text)
            and neither_item_nor_row(row))


def is_counted_line(row: str, most_words: int | None = MAX_FIGURE_WORDS) -> bool:
    """A figure opening a short line of words saying what it counts, as a page's box of its
    year in numbers sets them, a line each (COUNTED_LINE), of `most_words` at most; no
    sentence, date, list item or table row."""
    text = row.strip()
    return (bool(COUNTED_LINE.fullmatch(text))
            and (most_words is None or len(text.split()) <= most_words)
            and not ends_sentence(text) and not detect(text).date_in(text)
            and not detect(text).is_when(text) and neither_item_nor_row(row))


def counted_on(rows: tuple[str, ...], run: tuple[int, int]) -> tuple[int, int]:
    """A run of counted lines, with the lines right under it opened as they are, however
    long (`£1,000 names one of the sofa beds in memory of someone you love` after `£25 buys
    a set of bedding`): the run's items, the last of them most often the longest, not the
    start of the paragraph under them. A line the next one goes on from in lower case is a
    wrapped paragraph's."""
    start, end = run
    while (end < len(rows) and is_counted_line(rows[end], most_words=None)
           and not "".join(rows[end + 1:end + 2])[:1].islower()):
        end += 1
    return start, end


def itemised(unit: Unit) -> Unit:
    """Labelled figures as a list's items, a bullet before each line, as key figures are."""
    return replace(unit, rows=tuple(KEY_FIGURE_MARK + row.strip() for row in unit.rows))


def listed(unit: Unit) -> Unit:
    """Key figures as a list's items, a bullet before each: the figure and its words on one
    line, in the order written, set as the house style sets a figure before a word ("1,482
    homes let", a no-break space between them), each item at the line of its first."""
    items = [joined_lines([figure.strip(), words.strip()])
             for figure, words in zip(unit.rows[::2], unit.rows[1::2], strict=True)]
    return Unit(unit.kind, tuple(KEY_FIGURE_MARK + detect(item).typeset(item) for item in items),
                unit.lines[::2], unit.repeats, unit.counts[::2])


def tables(rows: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the rows hold a table: each run of rows of cells that makes one, with its
    title on the row above (or opening the run, its number apart from its words)."""
    found = []
    index = 0
    while index < len(rows):
        end = index
        while end < len(rows) and CELL in rows[end]:
            end += 1
        first = index + 1 if end > index and is_table_title(rows[index]) else index
        if end > first and cells_of(rows[first:end]) is not None:
            found.append((first - table_title_lines(rows, first), end))
        index = max(end, index + 1)
    return found


def lines_of(rows: tuple[str, ...], start: int, end: int, ends: Ends) -> list[tuple[int, int]]:
    """The pieces of rows `start` to `end` outside tables, parted after each row that
    `ends` its block."""
    cuts: list[tuple[int, int]] = []
    for row in range(start, end):
        if row == end - 1 or ends(rows[:end], row):
            cuts.append((cuts[-1][1] if cuts else start, row + 1))
    return cuts


def sentence_runs_on(rows: tuple[str, ...], index: int) -> bool:
    """Whether line `index` of a text not wrapped, in a language written without spaces, is
    running text its copy broke inside a sentence: it ends on a word, no mark after it, but
    ended a sentence before (`…取得了長足進步。截至今年9月底，全港已有超過`), or the line over
    it ran on into it; and the next line is no list's item. (A line ending no sentence and
    holding none, a name or an award, `指导教师：张国强`, is its own; so is a caption's credit
    after its sentence, `…合影。（秘書室提供）`.)"""
    row, following = rows[index].rstrip(), rows[index + 1]
    language = detect(row)
    if (language.words_spaced or detect(following).words_spaced or marked(following) is not None
            or not row[-1:].isalnum()):
        return False
    return bool(language.sentence_break and re.search(language.sentence_break, row)) or (
        index > 0 and sentence_runs_on(rows, index - 1))


def ends_block(row: str, following: str, stands_alone: Callable[[str], bool]) -> bool:
    """Whether a line of a text not wrapped ends its block: it ends a sentence (before any
    note calls), or stands alone (a heading, a date, a line a dash opens: a quotation's
    attribution, a bullet's item) or is a list's item, over a line that starts one ("• 2 lock
    gates replaced" over "Our work fell under three headings:"), or leads into a list, over
    its first item ("RESOLVED that" over "(1) the forecast outturn be noted;"); never over an
    item indented under it (a list's item over its own, "2. Feedback" over "    - a call")."""
    if following[:1].isspace() and marked(following.strip()) is not None:
        return False
    if (marked(row.strip()) is not None and marked(following) is None
            and not following[:1].isspace() and not following[:1].islower()):
        return True  # a list's item over a sentence of its own: each item is a line here
    if marked(row.strip()) is None and marked(following) is not None:
        return True  # a line over a list's first item leads into the list, however it ends
    if VALEDICTION.fullmatch(row.strip()):
        return True  # a letter's closing phrase over its signature ("With warmest wishes,")
    if quote_credited(row.strip()) and not following.lstrip()[:1].islower():
        return True  # a pull quote, who said it after it (`'I came for …' – a guest`)
    if BRACKETED_LINE.fullmatch(row.strip()) and not detect(following).names_person(
            following.strip()):  # a speech's `(Applause)`; `(Signed)` over a name signs
        return not following.lstrip()[:1].islower()
    if (not detect(row).words_spaced and not row.rstrip().endswith(GOES_ON)
            and not detect(following).words_spaced):
        # Lines of a language written without spaces run on with no space between: joined,
        # a line's last word and the next one's first would read as one (`…指导教师：张国强`
        # over `二等奖（3项）`). Each line of a text not wrapped is its own, but one ending
        # inside its sentence, at a comma or an opening bracket.
        return True
    if labels_value(row, following):
        return False  # a field's label over its value: `Date and time:` over `Monday, …`
    # A list's item before its last (`…; and`), as a list is punctuated, ends where its
    # author ended it: the next line is the next item (marked items stay one block, a list).
    return (ends_clause(row, following)
            or REFERENCE.sub("", row).rstrip().endswith(ITEM_ENDS)
            and marked(following.strip()) is None
            or ((stands_alone(row) or bool(ATTRIBUTION.match(row)))
                and not following.lstrip()[:1].islower()))


def labels_value(row: str, following: str) -> bool:
    """Whether `row` is a field's label alone, a few words and a colon (`Date and time:`,
    `地點：`), over its value, no list's item (`Aims:` over `to reduce waste;` leads into
    one), nor contact lines (`Journalists should email:` leads into them): the two a field
    written on two lines."""
    label, value = row.strip(), following.strip()
    return (label.endswith((":", "\uff1a")) and word_count(label) <= MAX_FIELD_LABEL_WORDS
            and not CONTACT_LEAD_IN.fullmatch(label)
            and bool(value) and marked(value) is None and not value[:1].islower()
            and not value.endswith(ITEM_ENDS) and is_field(f"{label} {value}"))


MAX_FIELD_LABEL_WORDS = 4


def ends_clause(row: str, following: str) -> bool:
    """Whether `row` ends a sentence or a clause, before any note calls, or leads in to contact
    lines by the verb its words end with ("For more information, contact"), where its colon
    would end it: over a line that does not go on with its sentence."""
    return (ends_sentence(TRAILING_CALLS.sub("", row))
            or bool(CONTACT_LEAD_IN.fullmatch(row.strip())) and not runs_on(following))


def runs_on(following: str) -> bool:
    """Whether `following` goes on with the sentence of the line over it, opening in lower case
    or ending it ("…, please contact" over "our visitor centre on 01632 960 481."): a contact
    line, a name, a role, a telephone number or an address, is neither."""
    return following.lstrip()[:1].islower() or ends_sentence(TRAILING_CALLS.sub("", following))


def quote_credited(text: str) -> re.Match | None:
    """The quotation and who said it, on one line (QUOTE_CREDITED), who said it in a few
    words; None where `text` is none."""
    credited = QUOTE_CREDITED.fullmatch(text)
    return (credited if credited and word_count(credited["credit"]) <= MAX_CREDIT_WORDS
            else None)


def heads_paragraph(rows: tuple[str, ...], index: int,
                    stands_alone: Callable[[str], bool]) -> bool:
    """Whether row `index` of a wrapped text is a heading over the paragraph wrapped on the
    rows after it, or over such a heading: it stands alone (a heading's shape, a table's
    note), opening its block or after a sentence's end or a table's row (`starts_line`),
    or under a line standing alone so; the next row starts a sentence, and is no list item
    (or an item's indented line) or table row; it is a sentence, or a line the wrap filled
    of a paragraph that runs on; and the wrap would have taken that row's first word onto
    the heading's line with room to spare (WRAP_SLACK), as wide as the paragraph's lines
    run (to a list item after it: a list's lines may be wrapped narrower)."""
    row, following = rows[index], rows[index + 1]
    # An indented row carries on a list item (cleaning keeps only an item's indentation).
    if (not stands_alone(row) or following[:1].islower() or following[:1].isspace()
            or marked(following) is not None or CELL in following):
        return False
    if not (starts_line(rows, index) or stands_alone(rows[index - 1])
            and starts_line(rows, index - 1)):
        return False
    if (stands_alone(following) and index + 2 < len(rows)
            and heads_paragraph(rows, index + 1, stands_alone)):
        return True  # a title over its subtitle, a part's heading over its first section's
    paragraph = list(itertools.takewhile(lambda line: marked(line) is None, rows[index + 1:]))
    width = max(map(columns, paragraph))
    # Its first line a sentence, or a line the wrap filled (a name over a role is neither).
    if not (ends_sentence(following) if len(paragraph) < 2
            else columns(following) + WRAP_SLACK >= width):
        return False
    return room_for_next(row, following, width)


def starts_line(rows: tuple[str, ...], index: int) -> bool:
    """Whether row `index` opens its block, or follows a sentence's end or a table's row."""
    return index == 0 or CELL in rows[index - 1] or ends_sentence(
        TRAILING_CALLS.sub("", rows[index - 1]))


def ends_paragraph(rows: tuple[str, ...], index: int) -> bool:
    """Whether row `index` of a wrapped text ends its paragraph, where no blank line parts
    it from the next (as a PDF viewer copies a page): it ends a sentence, the next row
    starts one (a capital, where words are spaced; no list's item), and the wrap would
    have taken that row's first word onto it with room to spare (WRAP_SLACK; GRID_SLACK on
    a grid), as wide as the block's lines run, or a signature's lines end the block under
    it."""
    row, following = rows[index], rows[index + 1]
    spaced = detect(following).words_spaced
    # A list's item before its last, punctuated so, ends where a sentence would (`…Housing
    # Strategy;[3] and` over `Geoinformatics, led by …`), its note's call aside.
    ends = ends_clause(row, following) or REFERENCE.sub("", row).rstrip().endswith(ITEM_ENDS)
    if (not ends or marked(following) is not None
            or (spaced and not following.lstrip()[:1].isupper()) or CELL in row + following):
        return False
    width = max(map(columns, rows))
    return width >= MIN_WRAPPED_COLUMNS and (
        room_for_next(row, following, width, WRAP_SLACK if spaced else GRID_SLACK)
        or spaced and fits_a_filled_line(row, following, rows)
        or signature_under(rows[index + 1:], width) or counted_line(row, following))


def counted_line(row: str, following: str) -> bool:
    """Whether `following` opens with an ordinal counting it among the lines under a lead-in
    or an item's semicolon ending `row` (`…three things:` over `First, stay curious;`, `…三件
    事：` over `第一，保持好奇；`): a list item's line, which the author started, however
    full the line over it."""
    return (REFERENCE.sub("", row).rstrip().endswith((*LEAD_IN_ENDS, *ITEM_ENDS))
            and ORDINAL_OPENING.match(following.lstrip()) is not None)


def fits_a_filled_line(row: str, following: str, rows: tuple[str, ...]) -> bool:
    """Whether `row` with the first word of `following` is no longer than the shortest line
    of `rows` the wrap filled (each of MIN_FILLED_LINES or more going on with its sentence
    in lower case on the next): a wrap that set a line that long had room for that word
    (`…from £1.42 to £1.18.` over `We could not …` at a page's foot, where a justified
    page's lines run 81 to 88 columns: WRAP_SLACK against the widest asks too much)."""
    filled = [columns(above) for above, below in itertools.pairwise(rows)
              if below[:1].islower() and not ends_sentence(above)]
    return (len(filled) >= MIN_FILLED_LINES
            and columns(row) + 1 + columns(following.split()[0]) <= min(filled))


def closes_list(rows: tuple[str, ...], index: int) -> bool:
    """Whether row `index` of a wrapped text ends a list's last item, the text going on under
    it with no blank line between: it ends a sentence, its item coming after one that ends
    with a semicolon (`…; and`), as a list's items are punctuated; the next row starts a
    sentence, no item of its own."""
    following = rows[index + 1]
    if (not ends_sentence(rows[index]) or marked(following) is not None
            or not following[:1].isupper()):
        return False
    item = next((row for row in range(index, -1, -1) if marked(rows[row]) is not None), None)
    above = rows[item - 1].strip() if item else ""
    return above.endswith(ITEM_ENDS) or above in ITEM_JOINS


# How a list's item before its last ends: "…;", "…; and", "…; or"; or the word joining them
# on a line of its own, as a PDF copies it ("terraces;" over "and" over "(c) …").
ITEM_ENDS = (";", "; and", "; or", "\uff1b")
ITEM_JOINS = ("and", "or")


def closes_sentence(text: str) -> bool:
    """Whether `text` ends its sentence: a full stop, not a clause's semicolon or colon."""
    text = text.rstrip()
    return ends_sentence(text) and not text.endswith((*ITEM_ENDS, *LEAD_IN_ENDS))


def signature_under(rows: tuple[str, ...], width: int) -> bool:
    """Whether `rows`, ending a block, are a signature's short lines (a name, a role, a date),
    no sentence among them: however full the line over them, they end its paragraph."""
    return 0 < len(rows) <= MAX_SIGNATURE_ROWS and all(
        columns(row) <= width / 2 and not ends_sentence(row) and marked(row) is None
        for row in rows)


def not_wrapped(units: list[Unit]) -> bool:
    """Whether no wrap broke the lines of the text these units hold."""
    return unwrapped(tuple(row for unit in units if unit.kind == "text" for row in unit.rows))


def unwrapped(rows: tuple[str, ...]) -> bool:
    """Whether the rows of a text say no wrap broke them: a line of running text among them
    is wider than any wrap (an address alone, however long, does not say so, nor a table's
    row), or each of their lines of running text a wrap could have broken (as wide as a
    wrap's, MIN_WRAPPED_COLUMNS, with no room for the next line's first word: wrapped_at;
    no list item, no field's line: `Venue: St Michael's Church Hall, Ashbury`) ends a
    sentence, two lines at least ending one, one of them as wide as a wrap's (a shorter one
    too, in a language written without spaces, closing its sentence). A note's line
    (`[1] …`) counts for neither: under a printed page's text it is set smaller, its lines
    the wider."""
    running = [row for row in rows if row.strip() and CELL not in row
               and not BRACKETED_LABEL.match(row)]
    if any(columns(re.sub(ADDRESS, "", row)) > WRAP_COLUMNS for row in running):
        return True
    lines = [row for row in running if marked(row) is None and not FIELD.match(row.strip())]
    ended = [ends_sentence(TRAILING_CALLS.sub("", row)) for row in lines]
    wide = [row for row, ends in zip(lines, ended, strict=True)
            if ends and columns(row) >= MIN_WRAPPED_COLUMNS]
    # A shorter line in a language written without spaces counts where a full stop closes
    # it: a page's short paragraph (`海外夥伴亦撥出US$50萬。`), such a language seldom
    # wrapped; a colon's leads into a list, a semicolon's ends a list's item.
    short = [row for row in lines if columns(row) < MIN_WRAPPED_COLUMNS
             and not detect(row).words_spaced and closes_sentence(TRAILING_CALLS.sub("", row))]
    return (bool(wide) and len(wide) + len(short) >= MIN_SENTENCE_LINES
            and not any(wrapped_at(lines, index) for index, ends in enumerate(ended) if not ends))


def wrapped_at(lines: list[str], index: int) -> bool:
    """Whether a wrap could have broken line `index` of `lines`: as wide as a wrap's line
    (MIN_WRAPPED_COLUMNS), and with no room for the next line's first word, as wide as the
    lines run (a heading's line, a title's, a name's over its role, has room to spare: its
    author broke it)."""
    row = lines[index]
    return columns(row) >= MIN_WRAPPED_COLUMNS and (
        index + 1 == len(lines) or not room_for_next(row, lines[index + 1],
                                                     max(map(columns, lines))))
