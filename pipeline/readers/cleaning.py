"""Cleaning: Unicode, white space, and each line's typography as its language's profile sets
it (pipeline/languages/: British typography, Chinese punctuation), never the words.

Cleaning works line by line and keeps every line where it was, so line numbers
in later reports are the source's own. A line is typeset in the language its characters say,
or in the language of the document being read (`reading_in`) where that is of the same
script: a Simplified Chinese document's line holding no character only Simplified Chinese
writes is typeset as Simplified (its quotes “ ”), not as Traditional. In a text's lines a
tab, or a gap of two or more spaces not after a sentence's end, parts the cells of a pasted
table: each cell is cleaned alone and the cells are kept apart by one tab (CELL_GAP). Web and
e-mail addresses, file names and codes are set aside while the rules run and put back as
written (UNTOUCHED).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import accumulate, chain, pairwise

from pipeline import addresses
from pipeline.languages import (
    NBSP,
    PROFILES,
    Profile,
    detect,
    language_boundary,
    language_halves,
    phrases,
    profile_for,
    sentence_boundary,
    takes_small_caps,
    written_in,
)
from pipeline.languages.profile import OpenQuotes, lines_of
from pipeline.model import Span, cut, plain, runs

# The language of the document being read, while a reader reads it (`reading_in`).
DOCUMENT_LANGUAGE: ContextVar[Profile | None] = ContextVar("document_language", default=None)

# A line holding only a no-break space marks where a photo stood on the web page.
PHOTO_MARKER = NBSP

# Where a note's reference stands while its paragraph is cleaned: a character of no script.
NOTE_MARK = "\ue000"
# Zero-width characters and soft hyphens, and the bidirectional controls (marks, embeddings,
# overrides, isolates): the layouts' fonts set no right-to-left script, so in a text they are
# a web page's debris, or a trick showing letters in another order than they are read
# (an override, as "Trojan Source", CVE-2021-42574).
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad\u200e\u200f\u061c\u202a-\u202e"
                       "\u2066-\u2069]")
SPACES = re.compile(r"[ \u2000-\u200a\u202f\u205f\u3000]+")
# What a PDF viewer copies otherwise than it reads: Latin ligatures ("ﬁrst"), the letters
# they join, which the faces join again where they ligate (Unicode keeps these for
# compatibility alone); and the private-use characters it copies a Word list's bullets as,
# from the Symbol and Wingdings faces they were set in.
VIEWER_COPIES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                           "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
                           "\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf076": "\u2756",
                           "\uf0d8": "\u27a2", "\uf0fc": "\u2713", "\uf06e": "\u25a0",
                           "\uf0a8": "\u25fb"})

# Between a table's cells: tabs, or two or more spaces where no sentence has just ended.
CELL_GAP = re.compile(r" *\t *|(?<![.!?:;]) {2,}")
CELL = "\t"
# A table typed with bars or full-width spaces between its cells: its lines at least (a
# header, two rows, or a header, its rule and a row); and a cell's words at most, between
# bars; Markdown's rule under a table's header (dashes, colons aligning; a dash alone is a
# cell's "none").
TYPED_TABLE_ROWS = 3
BAR_CELL_WORDS = 12
BAR_RULE = re.compile(r":?-{2,}:?|:-+:?|-+:")
# Between the cells of a table a Chinese page aligns with full-width spaces: two of them at
# least (one alone is the author's gap, "第二章　勞資關係"), spaces beside them or not.
WIDE_GAP = re.compile(r"[ \t]*\u3000[ \t]*\u3000[\u3000 \t]*")
WIDE_CELL_CHARACTERS = 30  # a cell's at most: a longer one is a sentence
# A list item's indentation, kept as spaces: a tab reaches the next of every 4 columns (as
# text editors set it), a full-width space (U+3000, Chinese's indent) spans two.
TAB_COLUMNS = 4
WIDE_SPACES = {"\u3000": 2}
# White space at a line's ends, but for the no-break space that marks where a photo stood.
EDGE_SPACE = re.compile(r"^[^\S\u00a0]+|[^\S\u00a0]+$")

# A form's box typed to be ticked, brackets of either width round spaces alone ("[ ] Yes",
# "( ) No", "［　］是"): kept as typed, its space no stray one a closing bracket's typography
# would take.
BOX = r"\[[ \u3000]+\]|\([ \u3000]+\)|\uff08[ \u3000]+\uff09|\uff3b[ \u3000]+\uff3d"
TYPED_BOX = re.compile(BOX)
# Words the house style never touches: web and e-mail addresses, file names, telephone
# numbers, code's attributes, a form's boxes, and codes and reference numbers, letters and
# figures joined by "/", "_" or "-" ("CB(4)1021/23-24", "HKU-2023-24"): a code's parts of 60
# characters at most, 20 at most, so a run of such characters that is none is read in time
# linear in its length.
UNTOUCHED = re.compile(
    rf"{addresses.SET_APART}|{BOX}"
    r"|(?<![\w/-])(?=[A-Za-z0-9])(?=[\w()/-]{0,60}\d)(?=[\w()/-]{0,60}[A-Za-z])"
    r"[A-Za-z0-9][A-Za-z0-9()]{0,60}(?:[-/_][A-Za-z0-9()]{1,60}){1,20}(?![A-Za-z0-9()])"
    # a telephone number with its area code in brackets, its groups as written: "(853) 2833
    # 1234", "(02)2345-6789", whose brackets Chinese would otherwise set full width
    r"|(?<![\w(])\(\d{2,4}\) ?\d{3,4}(?:[ -]\d{3,4})+(?![\w])"
    # an attribute of code pasted into the text (`rel="stylesheet"`, `alt='x'`), its quotes
    # straight: curled, they would be no pair (a closing double mark after the equals sign,
    # a single one ending the value); its value of 2,048 characters at most, as an address's
    r"""|(?<![\w:-])[A-Za-z][\w:-]{0,60}=(?:"[^"\n]{0,2048}"|'[^'\n]{0,2048}')"""
    # raw HTML, printed as it stands: a comment, a script or a style with the code it holds,
    # and a tag with its attributes, each of 2,048 characters at most and holding no "<" (so
    # a run of openers is read in time linear in its length)
    r"|<!--[^<\n]{0,2048}?-->"
    r"|<((?i:script|style))\b[^<>\n]{0,2048}>[^<\n]{0,2048}</(?i:\1)\s*>"
    r"|</?[A-Za-z][A-Za-z0-9-]{0,60}(?:\s[^<>\n]{0,2048})?/?>",
    re.ASCII,
)
# Ranges shaped as codes ("10am-4pm", "April-31" in "1 April-31 July"), which a language
# cleans as the ranges they are: a code wholly inside one is no code.
LETTERED_RANGES = re.compile("|".join(f"(?:{profile.lettered_ranges})" for profile in PROFILES
                                      if profile.lettered_ranges))
# Characters of no script, one of which no line of the longest holds: where an untouched word
# stands while the rules run (NOTE_MARK, U+E000, is the note's).
PRIVATE_USE = (range(0xE001, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))
LINK = re.compile(addresses.LINK, re.ASCII)  # a web address, in full or bare: a link
# Figures and signs raised or lowered, as Unicode writes them: for lines that take no
# formatting (a heading, the title), where "CO₂" must not become "CO2".
SUPERIOR = str.maketrans("0123456789+-\u2212=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
INFERIOR = str.maketrans("0123456789+-\u2212=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
# Every white space but the no-break space (Word's tabs and line breaks too) is one space; a
# full-width space is left to cleaning, which keeps the author's between Chinese characters
# ("懇請　貴局", a letter's space of respect) as it does in a scraped text.
WHITE_SPACE = re.compile(r"[^\S\u00a0\u3000]")


def flattened(spans: tuple[Span, ...]) -> str:
    """The text of spans for a line that takes no formatting: raised and lowered figures as
    Unicode's superior and inferior ones (10⁶, CO₂); other raised text ("1st") on the line."""
    def character_for(span: Span) -> str:
        table = {"superscript": SUPERIOR, "subscript": INFERIOR}.get(span.position)
        if table is None or any(ord(character) not in table for character in span.text):
            return span.text
        return span.text.translate(table)

    return "".join(character_for(span) for span in spans)


def phrases_of(spans: tuple[Span, ...], text: str) -> tuple[Span, ...]:
    """A line that takes no formatting (a heading, a title), read as `text`, in runs of one
    language its author gave (or none), each flattened; none when it gives no phrase a
    language, or when its runs do not spell `text` (cleaning it again changed a letter)."""
    found = tuple(Span(flattened(run), language=language)
                  for language, run in runs(spans, lambda span: span.language))
    return found if any(span.language for span in found) and plain(found) == text else ()


def clean_text(text: str, keeps_indent: Callable[[str], bool] = lambda line: False,
               wrapped: bool = False) -> str:
    """The text cleaned line by line; a cleaned line that `keeps_indent` says shows its depth
    by its indentation (a list item nested under another) keeps it, as spaces. In a
    `wrapped` text (a mail's: its paragraphs broken into lines) a quotation left open at the
    end of a line runs on into the next, up to a blank line; in a text that is not, each
    line is a paragraph, a heading or an item of its own, and a quotation over several
    paragraphs opens each (the house style's), so each line is quoted alone."""
    rows, paragraph = [], OpenQuotes() if wrapped else None
    for line in with_typed_tables_tabbed(text.split("\n")):
        with lines_of(paragraph):
            cleaned = clean_row(line)
        if wrapped and cleaned in ("", PHOTO_MARKER):
            paragraph = OpenQuotes()
        rows.append(indented(line, cleaned, keeps_indent))
    return "\n".join(rows)


def with_typed_tables_tabbed(lines: list[str]) -> list[str]:
    """`lines`, each table typed with bars between its cells (`Area | 2023/24 | 2024/25`,
    `| a | b |`), or with full-width spaces (`地區　　工程數目　　開支`), written as a pasted
    one is, its cells a tab apart (a rule under its header too, for the table to drop).
    A row of links (`Facebook | X | LinkedIn`), or a few, is none."""
    cells = [bar_cells(line) if "|" in line else wide_gap_cells(line) for line in lines]
    found = list(lines)
    start = 0
    while start < len(lines):
        end = typed_rows_end(cells, start)
        if is_typed_table(cells[start:end], lines[start:end]):
            found[start:end] = [CELL.join(row) for row in cells[start:end]]
        start = end
    return found


def is_typed_table(rows: list[list[str]], lines: list[str]) -> bool:
    """Whether `lines`, parted into `rows` of as many cells, two or more, are a typed table:
    a header ruled as Markdown rules one (`|---|---:|`) over a row or more, or
    TYPED_TABLE_ROWS lines each opening and closing with a bar, as a wiki or a mail frames
    a table's rows (`| Ward | Councillor |`), or as many with figures under the first."""
    if len(rows[0]) < 2 or len(rows) < TYPED_TABLE_ROWS:
        return False
    framed = all(line.strip().startswith("|") and line.strip().endswith("|") for line in lines)
    figured = any(re.search(r"\d", cell) for row in rows[1:] for cell in row[1:])
    return is_bar_rule(rows[1]) or framed or figured


def is_bar_rule(cells: list[str]) -> bool:
    """Whether a row's cells are Markdown's rule under a table's header (`---`, `:--:`)."""
    return len(cells) > 1 and all(BAR_RULE.fullmatch(cell.strip()) for cell in cells)


def typed_rows_end(cells: list[list[str]], start: int) -> int:
    """Where the run of rows of as many cells from row `start` ends: a header one cell short
    (its corner over the rows' labels left blank), and a row of units under it, run on into
    the rows one cell wider under them."""
    width = len(cells[start])
    end = start + 1
    while end < len(cells) and width > 1 and len(cells[end]) == width:
        end += 1
    if width > 1 and end - start <= 2 and end < len(cells) and len(cells[end]) == width + 1:
        while end < len(cells) and len(cells[end]) == width + 1:
            end += 1
    return end


def bar_cells(line: str) -> list[str]:
    """The cells of a line typed with bars between them (a bar at either end aside); the
    line itself where it has no bar, or a cell of more than BAR_CELL_WORDS words (a
    sentence)."""
    if "|" not in line:
        return [line]
    cells = [cell.strip() for cell in line.strip().removeprefix("|").removesuffix("|")
             .split("|")]
    if any(len(cell.split()) > BAR_CELL_WORDS for cell in cells):
        return [line]
    return cells


def wide_gap_cells(line: str) -> list[str]:
    """The cells of a line typed with runs of full-width spaces between them (WIDE_GAP); the
    line itself where it has none, or a cell longer than WIDE_CELL_CHARACTERS (a
    sentence)."""
    cells = WIDE_GAP.split(line.strip(" \t\u3000"))
    if len(cells) < 2 or any(len(cell) > WIDE_CELL_CHARACTERS for cell in cells):
        return [line]
    return [cell.strip() for cell in cells]


def indented(line: str, cleaned: str, keeps_indent: Callable[[str], bool]) -> str:
    """`cleaned` after as many spaces as the indentation `line` opens with is wide, where
    `keeps_indent` says it keeps it."""
    width = indent_width(line[: len(line) - len(line.lstrip())])
    keeps = width and CELL not in cleaned and keeps_indent(cleaned)
    return " " * width + cleaned if keeps else cleaned


def indent_width(indent: str) -> int:
    """How many columns `indent` spans: a tab reaches the next of every TAB_COLUMNS, a
    full-width space spans two, any other space one."""
    width = 0
    for character in indent:
        if character == "\t":
            width = (width // TAB_COLUMNS + 1) * TAB_COLUMNS
        else:
            width += WIDE_SPACES.get(character, 1)
    return width


def clean_row(line: str) -> str:
    """A line of a text, its table cells (if any) cleaned each alone and kept apart."""
    cells = CELL_GAP.split(EDGE_SPACE.sub("", line))
    if len(cells) == 1:
        return clean_line(line)
    if is_bar_rule(cells):  # kept as written, for the table to drop (its dashes no dash)
        return CELL.join(cells)
    with lines_of(None):  # a table's cells each alone
        cleaned = [clean_line(cell) if cell.strip() else "" for cell in cells]
    # A cell at an edge that cleaning emptied (a no-break space, an invisible character) is
    # edge white space too, as it will be when the row is cleaned again.
    while len(cleaned) > 1 and not cleaned[-1]:
        cleaned.pop()
    while len(cleaned) > 1 and not cleaned[0]:
        cleaned.pop(0)
    # A row opening with a tab opens with an empty cell (a row with no label, a group's next
    # row under its label), which keeps its other cells under their columns.
    empty = len(line) - len(line.lstrip(CELL)) if len(cleaned) > 1 else 0
    return CELL * empty + CELL.join(cleaned)


def clean_line(line: str) -> str:
    # A sentence and its translation run together are each typeset in its own language, as
    # each was when a line of its own (its quotes its language's: `上課。… the ‘Seniors’ course`).
    if (boundary := sentence_boundary(line)) is not None:
        return clean_line(line[:boundary]) + clean_line(line[boundary:])
    line = unicodedata.normalize("NFC", INVISIBLE.sub("", line)).translate(VIEWER_COPIES)
    if not line.strip():
        # Only white space: the marker when a no-break space stood there, else an empty line.
        return PHOTO_MARKER if NBSP in line else ""
    line = SPACES.sub(gap, line.replace(NBSP + " ", " ").replace(" " + NBSP, " ")).strip()
    line = line.strip(NBSP)
    line = TASK_BOX.sub(ticked, line)
    line, words = set_aside(line)
    language = line_language(line)
    line = language.typeset(line)  # its language's typography, and its phrases in others'
    line = "".join(other.typeset(piece) if other else piece
                   for piece, other in phrases(line, language))
    return put_back(line, words)


# A task list's box opening an item, as Notion, GitHub or a Markdown editor copies one ("- [ ]
# Explore a second site", "- [x] Publish the accounts"): the box it draws, empty or ticked, not
# brackets whose space a closing bracket's typography would take.
TASK_BOX = re.compile(r"^((?:[-*\u2022]\s+)?)\[([ xX])\](?=\s)")
BOXES = {" ": "\u2610", "x": "\u2611", "X": "\u2611"}  # ☐, ☑


def ticked(box: re.Match) -> str:
    return box.group(1) + BOXES[box.group(2)]


def gap(spaces: re.Match) -> str:
    """A run of white space as one space; one holding a full-width space (U+3000) beside a
    character of a script whose words no spaces part is the author's full-width gap, kept
    ("第二章　勞資關係", "董事長　林明德　敬上", "2345-6789　傳真："); a form's box keeps
    its own ("［　］")."""
    line, start, end = spaces.string, spaces.start(), spaces.end()
    if start and TYPED_BOX.fullmatch(line, start - 1, end + 1):
        return spaces.group()
    if "\u3000" in spaces.group() and any(
            not detect(char).words_spaced for char in (line[start - 1:start], line[end:end + 1])
            if char.strip()):
        return "\u3000"
    return " "


@contextmanager
def reading_in(language: str) -> Iterator[None]:
    """Lines cleaned meanwhile are of a document in `language` (its tag)."""
    token = DOCUMENT_LANGUAGE.set(profile_for(language))
    try:
        yield
    finally:
        DOCUMENT_LANGUAGE.reset(token)


def line_language(line: str) -> Profile:
    """The language `line` is typeset in, as a sentence of the document being read
    (`written_in`)."""
    return written_in(line, DOCUMENT_LANGUAGE.get())


def set_aside(line: str) -> tuple[str, tuple[str, list[str]]]:
    """The line with each untouched word (an address, a file name, a code) standing as one
    mark, a private-use character the line does not hold; and the mark and the words. A code
    wholly inside a range a language writes with letters ("10am-4pm") is left to its rules."""
    ranges = [found.span() for found in LETTERED_RANGES.finditer(line)]
    found = [(first, last) for first, last in map(bracketed, UNTOUCHED.finditer(line))
             if not any(start <= first and last <= end for start, end in ranges)]
    if not found:
        return line, ("", [])
    held = set(line)
    mark = next(chr(code) for code in chain(*PRIVATE_USE) if chr(code) not in held)
    pieces, position = [], 0
    for first, last in found:
        pieces += [line[position:first], mark]
        position = last
    return "".join([*pieces, line[position:]]), (mark, [line[first:last] for first, last in found])


def bracketed(word: re.Match) -> tuple[int, int]:
    """Where an untouched word stands, without the brackets closed after it that it does not
    open: the sentence's ("(6-9pm)", "(see CB(4)1021/23-24)")."""
    start, end = word.span()
    text = word.group()
    while text.endswith(")") and text.count("(") < text.count(")"):
        text, end = text[:-1], end - 1
    return start, end


def put_back(line: str, aside: tuple[str, list[str]]) -> str:
    mark, words = aside
    if not words:
        return line
    pieces = line.split(mark)
    return "".join(piece + (words[index] if index < len(words) else "")
                   for index, piece in enumerate(pieces))


# --- Cleaning spans --------------------------------------------------------------------------


def clean_spans(spans: list[Span] | tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans with the house style applied to their whole text at once, so that quotes
    curl and numbers bind across a change of emphasis; each character keeps its emphasis.

    Spaces at the edges of an emphasised span keep only the emphasis they share with the
    text beyond, and neighbours with the same emphasis are joined, so each text has one form.
    A note's reference is left as it is, and stands in the text as one mark (NOTE_MARK). A web
    address written out in full becomes a link (`linked`). Small capitals stay only where
    they change letters (not on Chinese characters, which have no case).
    """
    # Composed (and ligatures parted) per span first, so that cleaning's own never merges
    # two spans nor shifts a span's letters.
    stand_ins = [replace(span, text=NOTE_MARK) if span.note
                 else replace(span, text=unicodedata.normalize("NFC", span.text)
                              .translate(VIEWER_COPIES))
                 for span in spans]
    raw = WHITE_SPACE.sub(" ", plain(tuple(stand_ins)))
    cleaned = clean_line(raw)
    if not cleaned.strip():
        return ()
    ends = Alignment(raw, cleaned).positions(accumulate(len(span.text) for span in stand_ins))
    quoting = line_language(raw)
    pieces = [
        span if span.note else in_own_quotes(replace(span, text=cleaned[start:end]), quoting)
        for span, (start, end) in zip(spans, pairwise([0, *ends]), strict=True)
    ]
    return linked(joined(cased(level_spaces(shared_edges(joined(pieces))))))


def clean_front_spans(spans: tuple[Span, ...], byline: bool = False) -> tuple[Span, ...]:
    """A line of the front matter (the title, the subtitle, the byline) cleaned part by part,
    as the text's reader read its parts, each a line of its own or parted by a bar, and
    parted again by a space: so the front matter a draft or a marked-up source writes reads
    back as it was built. A title in two languages one after the other (a title and its
    parallel) is cleaned half by half, the figure ending its first half that half's
    (`Members 2024–25 主席致會員函件`, not `2024–25主席`); a byline's role, name and honours
    in a language whose words no spaces part each alone (`文 何思颖`: cleaned as one line, a
    role of one character would run into the name)."""
    pieces, gaps, position = [], [], 0
    for start, end in front_gaps(plain(spans), byline):
        before, spans = cut(spans, start - position)
        gap, spans = cut(spans, end - start)
        pieces.append(clean_spans(before))
        gaps.append(" " if plain(gap).isspace() and "\n" in plain(gap) else plain(gap))
        position = end
    kept = [(piece, gap) for piece, gap
            in zip((*pieces, clean_spans(spans)), ("", *gaps), strict=True) if piece]
    if len(kept) < 2:
        return kept[0][0] if kept else ()
    # Each parting space, as written (a no-break space kept), with what the parts either
    # side of it share (a phrase's language).
    parted = [*kept[0][0]]
    for piece, gap in kept[1:]:
        parted += [with_emphasis(gap or " ", parted[-1], piece[0]), *piece]
    return joined(parted)


def clean_front_line(line: str, byline: bool = False) -> str:
    """A line of the front matter as plain text, cleaned part by part (clean_front_spans)."""
    return plain(clean_front_spans((Span(line),), byline))


def front_gaps(text: str, byline: bool) -> list[tuple[int, int]]:
    """Where the white space parting a front-matter line's parts starts and ends: between its
    halves in two languages, and, in a byline, between the words of a half whose language
    spaces no words (Chinese: its role, its name, its honours). A half of such a language
    holding a Latin letter (`A!𠀀`) is no half of its own: the line is cleaned as one there,
    as its reader cleaned it, its marks read by the letters beside them."""
    boundary = language_boundary(text)
    if boundary is not None and not all(unmixed(half) for half in language_halves(text)):
        boundary = None
    halves = [(0, len(text))] if boundary is None else [(0, boundary), (boundary + 1, len(text))]
    gaps = [] if boundary is None else [(boundary, boundary + 1)]
    if byline:
        gaps += [(start + space.start(), start + space.end()) for start, end in halves
                 if not detect(text[start:end]).words_spaced and unmixed(text[start:end])
                 for space in re.finditer(r"(?<=\S)\s+(?=\S)", text[start:end])]
    return sorted(gaps)


def unmixed(half: str) -> bool:
    """Whether a half of a front-matter line is of one script: spaced words, or words no
    spaces part holding no Latin letter."""
    return detect(half).words_spaced or not re.search(r"[A-Za-z]", half)


def in_own_quotes(span: Span, quoting: Profile) -> Span:
    """A phrase its author gave a language of the script of `quoting`, the line's language,
    but not that language (Simplified Chinese in a Traditional text), in its own language's
    quotes, as a line of it is (house style; clreq: each Chinese its own quotes)."""
    own = profile_for(span.language) if span.language else quoting
    if own is quoting or own.script != quoting.script:
        return span
    return replace(span, text=own.requoted(span.text, quoting))


class Alignment:
    """Where positions of a raw text fall in its cleaned form, in time linear in the text.

    Cleaning never changes a letter, a figure or a note's mark (ANCHORS), only the spaces and
    punctuation between them: the nth anchor of the raw text is the nth of the cleaned one,
    and only the short stretch between two anchors is compared character by character.
    """

    def __init__(self, raw: str, cleaned: str):
        self.raw, self.cleaned = raw, cleaned
        self.raw_anchors = [index for index, char in enumerate(raw) if anchor(char)]
        self.clean_anchors = [index for index, char in enumerate(cleaned) if anchor(char)]

    def positions(self, raw_positions) -> list[int]:
        return [self.position(position) for position in raw_positions]

    def position(self, raw_position: int) -> int:
        """A position inside a changed stretch ("..." becoming "…") moves to its end."""
        count = bisect_left(self.raw_anchors, raw_position)  # the anchors before it
        # An anchor the cleaning removed (never seen; NFC is done) shifts nothing past the end.
        count = min(count, len(self.clean_anchors))
        raw_start, clean_start = self.after_anchor(count)
        raw_end = self.raw_anchors[count] if count < len(self.raw_anchors) else len(self.raw)
        clean_end = self.clean_anchors[count] if count < len(self.clean_anchors) \
            else len(self.cleaned)
        return clean_start + within(raw_position - raw_start, self.raw[raw_start:raw_end],
                                    self.cleaned[clean_start:clean_end])

    def after_anchor(self, count: int) -> tuple[int, int]:
        """Where the stretch after the `count`th anchor starts, in the raw and cleaned text."""
        if not count:
            return 0, 0
        return self.raw_anchors[count - 1] + 1, self.clean_anchors[count - 1] + 1


def anchor(char: str) -> bool:
    return char.isalnum() or char == NOTE_MARK


# A stretch between anchors longer than this (a line of dots, say) is mapped by proportion.
MAX_COMPARED = 1_000_000


def within(offset: int, raw: str, cleaned: str) -> int:
    """Where `offset` in the stretch `raw` falls in its cleaned form `cleaned`."""
    if offset >= len(raw):
        return len(cleaned)
    if len(raw) * len(cleaned) > MAX_COMPARED:
        return offset * len(cleaned) // len(raw)
    # A no-break space stands where a space stood (before a dash, in "41 per cent"): the
    # same character here, on both sides, so a span's edge beside it stays where it was.
    opcodes = SequenceMatcher(None, raw.replace(NBSP, " "), cleaned.replace(NBSP, " "),
                              autojunk=False).get_opcodes()
    return aligned(offset, opcodes)


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


def cased(spans: list[Span]) -> list[Span]:
    """Small capitals kept where they change letters: so each text has one form."""
    return [replace(span, small_caps=False)
            if span.small_caps and not takes_small_caps(span.text) else span for span in spans]


def with_emphasis(text: str, *spans: Span) -> Span:
    """`text` with the emphasis, position, link, underline, small capitals and language all
    `spans` share."""
    return Span(text, all(span.bold for span in spans), all(span.italic for span in spans),
                position=shared(span.position for span in spans),
                link=shared(span.link for span in spans),
                underline=all(span.underline for span in spans),
                small_caps=all(span.small_caps for span in spans),
                language=shared(span.language for span in spans))


def shared(values) -> str:
    """The one value all have, else none."""
    values = set(values)
    return values.pop() if len(values) == 1 else ""


def joined(spans: list[Span]) -> tuple[Span, ...]:
    """The spans without empty ones, neighbours alike in all but their text made one (a
    note's reference never joins); each text is joined once, however many spans make it."""
    kept: list[Span] = []
    texts: list[list[str]] = []
    for span in spans:
        if not span.text:
            continue
        if (kept and not (span.note or kept[-1].note)
                and kept[-1].formatting == span.formatting):
            texts[-1].append(span.text)
        else:
            kept.append(span)
            texts.append([span.text])
    return tuple(span if len(parts) == 1 else replace(span, text="".join(parts))
                 for span, parts in zip(kept, texts, strict=True))

def linked(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans with each web address, written out in full (`https://…`) or bare
    (`www.example.org/report`, `doi.org/10.1000/xyz123`), a link to itself, its text as
    written."""
    result: list[Span] = []
    for span in spans:
        if span.note or span.link or "." not in span.text:  # an address holds a dot
            result.append(span)
            continue
        position = 0
        for match in LINK.finditer(span.text):
            address = match.group()
            result += [replace(span, text=span.text[position:match.start()]),
                       replace(span, text=address, link=addresses.link_target(address))]
            position = match.end()
        result.append(replace(span, text=span.text[position:]))
    return tuple(span for span in result if span.text)
