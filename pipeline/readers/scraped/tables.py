"""Tables in a scraped text: two or more lines with the same number of cells.

Cleaning keeps a pasted table's cells apart with a tab (cleaning.CELL_GAP); the first line
is the header row. A header one cell short has lost its empty corner, over the rows' labels.
"""

from __future__ import annotations

from pipeline.model import Table
from pipeline.readers.cleaning import CELL

MIN_ROWS = 2
MAX_CELL_WORDS = 12  # a longer "cell" is a sentence with a gap in it, not a table's


def cells_of(rows: tuple[str, ...]) -> list[list[str]] | None:
    """The rows' cells when the rows make a table, else None."""
    if len(rows) < MIN_ROWS or not all(CELL in row for row in rows):
        return None
    table = [row.split(CELL) for row in rows]
    width = len(table[1])
    if len(table[0]) == width - 1:
        table[0] = ["", *table[0]]
    if any(len(row) != width for row in table):
        return None
    if any(len(cell.split()) > MAX_CELL_WORDS for row in table for cell in row):
        return None
    return table


def build_table(table: list[list[str]], spans_of) -> Table:
    header, *rows = table
    return Table(tuple(spans_of(cell) for cell in header),
                 tuple(tuple(spans_of(cell) for cell in row) for row in rows))
