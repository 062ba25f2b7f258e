"""Tables in a scraped text: two or more lines with the same number of cells.

Cleaning keeps a pasted table's cells apart with a tab (cleaning.CELL_GAP); the first line
is the header row. A header one cell short has lost its empty corner, over the rows' labels;
so has a row under it saying what each column's figures count in (`£`, `£000`), which then
joins the header, each unit after its heading (`2024 (£)`); a unit written alone there
(`%`, `千人次`) counts each column of figures.
A line `Table 3.1 …` (`表1 …`) just above a table, with or without a blank line between, is
its title: the table's caption, never a heading; a line between them saying what the
figures count in (`Units: HK$ million`, `單位：百萬元`, `(£ million)`) ends the caption, in
brackets.
"""

from __future__ import annotations

import re

from pipeline.languages import (
    PROFILES,
    UNSPACED,
    Profile,
    alternatives,
    detect,
    ends_sentence,
    joined_lines,
    written_in,
)
from pipeline.model import PERIOD, Table
from pipeline.readers.cleaning import CELL, CELL_GAP, WIDE_GAP, is_bar_rule

MIN_ROWS = 2
MAX_CELL_WORDS = 12  # a longer "cell" is a sentence with a gap in it, not a table's
# How a table's title opens in any language: "Table 3.1", "表1".
TABLE_TITLE = alternatives(profile.table_title for profile in PROFILES)
MAX_TITLE_WORDS = 25
# A line saying what a table's figures count in: "Units: HK$ million", "單位：百萬元",
# "(£ million)", "（百萬元）".
UNITS = alternatives(profile.table_unit for profile in PROFILES)
# What a row under a table's header writes over each column of figures: what they count in,
# in signs or in its language's words ("£", "£000", "HK$'000", "$m", "%", "(£)", "thousands",
# "£ million", "千元", "（百萬元）"); the apostrophe before 000 as cleaning curls it.
COLUMN_UNITS = alternatives(profile.column_unit for profile in PROFILES)
UNIT_CELL = re.compile(rf"[(（]?(?:[A-Z]{{0,3}}[$£€¥]\s?(?:['’]?000|m|mn|bn|k|{COLUMN_UNITS})?"
                       rf"|%|['’]?000|{COLUMN_UNITS})[)）]?")
# A unit written in brackets already, any language's: "(%)", "（千元）".
BRACKETED_UNIT = re.compile(r"[(（](?P<unit>[^()（）]+)[)）]")
# A unit in signs, of no language's words: "%", "HK$'000", "$m".
UNIT_SIGNS = re.compile(r"[A-Z]{0,3}[$£€¥]\s?(?:['’]?000|m|mn|bn|k)?|[%％‰]|['’]?000")
UNIT_LINE = re.compile(rf"(?:{UNITS})\s*[:：]\s*\S.{{0,40}}|[(（][^()（）]{{1,30}}[)）]",
                       re.IGNORECASE)


def is_table_title(row: str) -> bool:
    """A table's number and what it shows, not a sentence ("Table 2 shows …" ends with one);
    its number may stand apart from its words, as a cell would ("表1  主要服務指標")."""
    row = title_of(row)
    return bool(re.match(TABLE_TITLE, row)) and reads_as_title(row)


def reads_as_title(row: str) -> bool:
    """Whether a line reads as a title: no cells, no sentence, no more than a title's words."""
    return CELL not in row and len(row.split()) <= MAX_TITLE_WORDS and not ends_sentence(row)


def title_of(row: str) -> str:
    """A row as a table's title reads: its two parts joined by a space where a gap parts them
    as it would two cells (the number from the words), as the language sets them."""
    if row.count(CELL) != 1:
        return row
    joined = row.replace(CELL, " ")
    return detect(joined).typeset(joined)


def is_unit_line(row: str) -> bool:
    return CELL not in row and bool(UNIT_LINE.fullmatch(row.strip()))


def is_title_unit(row: str) -> bool:
    """A line saying what the figures count in under a table's title: labelled or
    bracketed, or the unit alone, as a column's would be ("千港元", "%", "£000")."""
    return is_unit_line(row) or CELL not in row and bool(UNIT_CELL.fullmatch(row.strip()))


def counted_title(row: str) -> bool:
    """Whether a line right over a table's rows, numbering none, is its title all the same:
    words saying what it shows, then what its figures count in, in brackets (`Income,
    2022/23 and 2023/24 (HK$ million)`, `主要開支（百萬元）`); no sentence."""
    row = row.strip()
    unit = re.search(rf"(?<=\S)\s?{BRACKETED_UNIT.pattern}$", row)
    return (unit is not None and reads_as_title(row)
            and UNIT_CELL.fullmatch(unit.group().strip()) is not None)


def table_title_lines(rows: tuple[str, ...], start: int) -> int:
    """How many rows right above row `start` are a table's title: its title (1), numbered
    or saying what the figures count in (counted_title), or its title over the line saying
    what the figures count in (2); 0 for none."""
    if start >= 1 and (is_table_title(rows[start - 1]) or counted_title(rows[start - 1])):
        return 1
    return 2 if start >= 2 and is_title_unit(rows[start - 1]) and is_table_title(
        rows[start - 2]) else 0


def with_unit(title: str, unit: str, document: Profile | None = None) -> str:
    """A table's title, or a column's heading, and what its figures count in, as one: the
    unit in brackets (whichever a copy bracketed it in) as the language of their words sets
    them, a sentence of a document in `document`, a unit in signs naming none (`2024 (£000)`;
    in a Chinese one full-width, and no space before them: `2024（%）`, `2024年（HK$’000）`)."""
    bracketed = BRACKETED_UNIT.fullmatch(unit.strip())
    unit = bracketed["unit"].strip() if bracketed else unit.strip()
    words = title if UNIT_SIGNS.fullmatch(unit) else joined_lines([title, unit])
    language = written_in(words, document)
    opening, closing = language.brackets
    unit = f"{opening}{unit}{closing}"
    return joined_lines([title, unit]) if language.words_spaced else f"{title}{unit}"


def titled_cells(rows: tuple[str, ...], document: Profile | None = None
                 ) -> tuple[str, list[list[str]]] | None:
    """The title over the rows' table ("" for none) and its cells, when they make one, of a
    document in `document`; a title whose number stands apart from its words, as a cell
    would ("表1  主要服務指標"), is one too, and so is one over a line saying what the
    figures count in."""
    title = title_of(rows[0]) if rows else ""
    if title and (is_table_title(title) or counted_title(title) and len(rows) > 2):
        if len(rows) > 1 and is_title_unit(rows[1]):
            cells = cells_of(rows[2:], document)
            return (with_unit(title, rows[1], document), cells) if cells is not None else None
        cells = cells_of(rows[1:], document)
        return (title, cells) if cells is not None else None
    cells = cells_of(rows, document)
    return ("", cells) if cells is not None else None


def cells_of(rows: tuple[str, ...], document: Profile | None = None) -> list[list[str]] | None:
    """The rows' cells when the rows make a table (of a document in `document`), else None;
    a rule typed between its rows (`---⇥---:`, as Markdown rules its header) is none of
    them."""
    if not all(CELL in row for row in rows):
        return None
    rows = tuple(row for at, row in enumerate(rows) if not at or not is_bar_rule(row.split(CELL)))
    if len(rows) < MIN_ROWS:
        return None
    table = [row.split(CELL) for row in rows]
    width = max(len(row) for row in table)
    if len(table[0]) == width - 1:
        table[0] = ["", *table[0]]
    if len(table) > MIN_ROWS and (units := units_under(table[1], width)) is not None:
        table[:2] = [headed_by_units(table[0], units, document)]
    table = [table[0], *(figure_apart(row, table) for row in table[1:])]
    if len(table[0]) == width and all(fits_columns(row, table) for row in table[1:]):
        # A row's empty cells at its end, which a copy drops with the white space ending
        # its line (`Southern⇥Yes⇥⇥⇥`): the row is the header's width, its last cells empty.
        table = [row + [""] * (width - len(row)) for row in table]
    if any(len(row) != width for row in table):
        return None
    if any(len(cell.split()) > MAX_CELL_WORDS for row in table for cell in row):
        return None
    return table


def figure_apart(row: list[str], table: list[list[str]]) -> list[str]:
    """A row one cell short whose label a single space parts from its first figure, as a
    PDF's copy runs a long label into the column after it (`Damp reports inspected in 10 days
    62.0%⇥94.0%⇥+32.0`), where the table's full rows hold figures there: the figure a cell
    of its own (not the label's last word, which sets every figure of the row a column
    early). Where no row is full, every row one short must end its label so (a table
    aligned by spaces, its labels filling their column: `Mr CHAN Tai-man 6/6     4/4`)."""
    width = len(table[0])
    full = [each for each in table[1:] if len(each) == width]
    parted = label_and_figure(row[0])
    if len(row) != width - 1 or parted is None:
        return row
    if full and is_figure(parted[1]) and all(is_figure(each[1]) for each in full
                                             if each[1].strip()):
        return [*parted, *row[1:]]
    if not full and all(label_and_figure(each[0]) for each in table[1:]):
        return [*parted, *row[1:]]
    return row


def label_and_figure(cell: str) -> tuple[str, str] | None:
    """A cell's words and the figure, or count of a whole (`6/6`, meetings attended of those
    held), a single space parts from them (none after a Chinese word, as cleaning sets a
    figure against one: `陳大文先生6/6`); None for any other cell."""
    found = LABEL_AND_FIGURE.fullmatch(cell.rstrip())
    if found is None or is_figure(found["words"]):
        return None
    return found["words"], found["figure"]



def fits_columns(row: list[str], table: list[list[str]]) -> bool:
    """Whether a row's cells, from its first, each hold what its column holds in the rows of
    the table's width, a figure where they hold figures, words where they hold words: a row
    whose last cells are empty, not one whose cells a single space ran together
    (`一般公共預算收入 億元⇥280`, its unit in its label's cell, its figures a column early)."""
    full = [each for each in table[1:] if len(each) == len(table[0])]
    for column, cell in enumerate(row[1:], 1):
        kinds = {is_figure(each[column]) for each in full if each[column].strip()}
        if cell.strip() and len(kinds) == 1 and is_figure(cell) not in kinds:
            return False
    return True


def units_under(row: list[str], width: int) -> list[str] | None:
    """The units a row under a table's header names over its columns of figures (`£000`), its
    empty first cell over the rows' labels as typed or lost with the white space opening its
    line; a column of the row's full width may have none (a change's, its figures signed
    `18.0%`); None where it is no such row."""
    whole = len(row) == width and not row[0]
    units = row[1:] if whole else row
    if (len(units) != width - 1 or not any(cell.strip() for cell in units)
            or not all(UNIT_CELL.fullmatch(cell.strip()) or whole and not cell.strip()
                       for cell in units)):
        return None
    return ["", *units]


# What a figure writes beside its digits when it counts in no unit of its own: separators,
# its sign, a negative one's brackets (`(1,200)`), not `18.0%` nor `HK$5.2`.
BARE_FIGURE = re.compile(r"[(（+\-\u2212]?\d[\d,.]*[)）]?")


def lone_units_spread(text: str) -> str:
    """The text with a unit written alone under a pasted table's header (`%`, `千人次`,
    `£000`, as a page sets one over all its columns) written as the row of units it stands
    for: the unit over each column of figures, none over one whose figures write their own
    (`18.0%`) or over words. (Under a table's title it is the title's: table_title_lines.)"""
    rows = text.split("\n")
    for at in range(1, len(rows)):
        header, unit = rows[at - 1], rows[at].strip()
        opens_table = CELL in header and (at < 2 or CELL not in rows[at - 2])
        if (opens_table and not is_table_title(header) and CELL not in unit
                and UNIT_CELL.fullmatch(unit)):
            units = spread_unit(unit, header.split(CELL), table_body(rows, at + 1))
            rows[at] = CELL.join(units) if units else rows[at]
    return "\n".join(rows)


def table_body(rows: list[str], start: int) -> list[list[str]]:
    """The cells of the rows of a pasted table from row `start` on."""
    body = []
    for row in rows[start:]:
        if CELL not in row:
            break
        body.append(row.split(CELL))
    return body


def spread_unit(unit: str, header: list[str], body: list[list[str]]) -> list[str] | None:
    """The cells of a row of `unit` over each of the body's columns of figures, past the
    rows' labels (an empty first cell); None where the body has none."""
    width = max(len(cells) for cells in (header, *body))
    counted = [counts_in_unit(body, column) for column in range(1, width)]
    if not any(counted):
        return None
    return ["", *(unit if each else "" for each in counted)]


def counts_in_unit(body: list[list[str]], column: int) -> bool:
    """Whether a column of the body holds figures writing no unit of their own, a cell with
    none ("–", "n/a") among them or not."""
    cells = [cells[column].strip() for cells in body if len(cells) > column]
    figures = [cell for cell in cells if any(character.isdigit() for character in cell)]
    return (bool(figures) and all(BARE_FIGURE.fullmatch(cell) for cell in figures)
            and all(is_figure(cell) for cell in cells if cell))


def headed_by_units(header: list[str], units: list[str], document: Profile | None
                    ) -> list[str]:
    """A header row with the row under it saying what each column's figures count in (`2024`
    over `£`, `2023` over `£000`): each column's unit after its heading, in brackets as the
    language sets them in a document in `document` (`2024 (£)`, `2024年（千元）`, `2024年（%）`),
    as one row heads the table."""
    return [with_unit(head, unit, document) if unit else head
            for head, unit in zip(header, units, strict=True)]


def build_table(title: str, table: list[list[str]], spans_of) -> Table:
    header, *rows = table
    if heads_no_column(header, rows) or not any(cell.strip() for cell in header):
        header, rows = [], table
    return Table(tuple(spans_of(cell) for cell in header),
                 tuple(tuple(spans_of(cell) for cell in row) for row in rows), spans_of(title))


def heads_no_column(first: list[str], rows: list[list[str]]) -> bool:
    """Whether a table's first row is a row as the others are, heading no column: over each
    column of figures, it holds a figure too (`Libraries | 70` over `Sports centres | 102`),
    and no period (`2023`, `2023–24`, which head their columns)."""
    figured = [column for column in range(1, len(first))
               if any(row[column].strip() for row in rows)
               and all(is_figure(row[column]) for row in rows if row[column].strip())]
    return bool(figured) and all(is_figure(first[column]) and not PERIOD.fullmatch(
        first[column].strip()) for column in figured)


MAX_COLUMNS = 8  # a table copied a cell a line: its columns, at most, to try
MAX_LINED_CELL_WORDS = 6


def cell_a_line(rows: list[str]) -> list[list[str]] | None:
    """The table whose cells `rows` are, one a line, row after row, as a copy of a page's
    table (Notion's, a PDF's) sets them: the fewest columns (two or more) for which the
    first row heads columns with no figure in them and every other row, two at least, holds
    figures in each column but its first (`Year`, `Income (£)` over `2021-22`, `71,900`);
    None where no number of columns does."""
    if any(len(row.split()) > MAX_LINED_CELL_WORDS or not row.strip() for row in rows):
        return None
    for width in range(2, MAX_COLUMNS + 1):
        if len(rows) % width or len(rows) // width < MIN_ROWS + 1:
            continue
        table = [[cell.strip() for cell in rows[start:start + width]]
                 for start in range(0, len(rows), width)]
        header, *body = table
        if (not any(is_figure(cell) for cell in header)
                and all(is_figure(cell) for row in body for cell in row[1:])):
            return table
    return None


def is_figure(cell: str) -> bool:
    return detect(cell).is_figure(cell)


# A row a single space parts into cells, as a PDF viewer copies a table: its label, then its
# figures (`Western Buffer 12 83% 89%`, `西部緩衝區 12 83% 89%`).
FIGURE_TOKEN = r"[(+\-\u2212]?[$£€¥]?\d[\d,.]*%?\)?|[\u2013\u2014-]"
# A label and the figure after it, or a count of a whole (`6/6`) (label_and_figure).
LABEL_AND_FIGURE = re.compile(rf"(?P<words>.*?\S)(?: |(?<=[{UNSPACED}]))"
                              rf"(?P<figure>\d{{1,3}}/\d{{1,3}}|{FIGURE_TOKEN})")
FIGURES_ENDING = re.compile(rf"(?P<label>.*?\S)(?P<figures>(?: +(?:{FIGURE_TOKEN}))+)")
MAX_ROW_CHARACTERS = 200  # a table's row is short; a longer line is read no further
# A heading's period, which goes with the words before it (`Compliance 2022–23`).
PERIOD_WORD = re.compile(r"\(?\d{4}(?:[\u2013/-]\d{2,4})?\)?")
# Between a pasted table's cells: cleaning's gaps, and runs of full-width spaces.
GAP = re.compile(f"{CELL_GAP.pattern}|{WIDE_GAP.pattern}")


def spaced_tables(text: str) -> str:
    """The text with each table a single space parts into cells, under its title (`Table 2.1
    …`, `表2.1 …`), written as a pasted table's: its cells apart by a tab (CELL). Its rows,
    two at least, each a label and as many figures; the line over them, if any, its header,
    its words as many cells as a row's (a period going with the word before it:
    `Compliance 2022–23`), or, where gaps part it and the rows as a pasted table's
    (`Source    2023/24 (£)`), its gaps' cells, a single space one within a cell; the corner
    over the labels perhaps empty. Else the lines stay as they are: a sentence's words are
    no cells."""
    rows = text.split("\n")
    for at, row in enumerate(rows):
        if CELL in row or not is_table_title(row):
            continue
        table = spaced_table(rows[at + 1:])
        if table is not None:
            rows[at + 1:at + 1 + len(table)] = [CELL.join(cells) for cells in table]
    return "\n".join(rows)


def spaced_table(rows: list[str]) -> list[list[str]] | None:
    """The cells of the table the first of `rows` open (its header, a word a cell, or a word
    and its period, then its rows of a label and figures), or None."""
    if len(rows) < MIN_ROWS + 1:
        return None
    # A header of years is no row, though its words end with figures (`Capacity 2023 2024`);
    # a table whose first line is a row has no header to tell its columns by.
    first = figure_row(rows[0])
    if first is not None and not all(PERIOD_WORD.fullmatch(cell) for cell in first[1:]):
        return None
    body = []
    for row in rows[1:]:
        cells = figure_row(row)
        if cells is None or body and len(cells) != len(body[0]):
            break
        body.append(cells)
    if len(body) < MIN_ROWS:
        return None
    width = len(body[0])
    gapped = all(cell_gaps(row) for row in rows[1:1 + len(body)])
    for heads in header_readings(rows[0], gapped):
        heads = ["", *heads] if len(heads) == width - 1 else heads
        if len(heads) == width:
            return [heads, *body]
    return None


def figure_row(row: str) -> list[str] | None:
    """A row's label and its figures, two at least, or None."""
    if len(row) > MAX_ROW_CHARACTERS or CELL in row:
        return None
    found = FIGURES_ENDING.fullmatch(row.strip())
    if found is None:
        return None
    figures = found["figures"].split()
    if len(figures) < MIN_ROWS or not all(is_figure(figure) for figure in figures):
        return None
    return [found["label"].strip(), *figures]


def header_readings(header: str, gapped: bool) -> list[list[str]]:
    """The ways a header's line may part into cells: over rows gaps part (tabs, runs of
    spaces), where gaps part it too, its gaps' cells alone, a single space one within a cell
    (its words would cut a cell of several, `2023/24 (£)`, in two); else a word a cell, or
    its words as header_cells joins them."""
    cells = cell_gaps(header)
    if gapped and cells:
        return [cells]
    words = header.split()
    return [words, header_cells(words)]


def cell_gaps(row: str) -> list[str]:
    """A row's cells as gaps part them, as cleaning parts a pasted table's (tabs, runs of
    spaces, of full-width spaces), or none where it has no gap."""
    cells = GAP.split(row.strip(" \t\u3000"))
    return [cell.strip() for cell in cells] if len(cells) > 1 else []


def header_cells(words: list[str]) -> list[str]:
    """A header's words as its cells, where a cell a word is not enough: each a word, a
    period after a word going with it."""
    cells: list[str] = []
    for word in words:
        if cells and PERIOD_WORD.fullmatch(word) and not PERIOD_WORD.fullmatch(cells[-1]):
            cells[-1] = f"{cells[-1]} {word}"
        else:
            cells.append(word)
    return cells
