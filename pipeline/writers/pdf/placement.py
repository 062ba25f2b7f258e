"""Pages mended after a layout, as a typesetter mends them: holes, hyphens at the foot of a
page and in ladders, tables split badly, a last page holding a line or two.

No page but the last is left more than MAX_EMPTY (15 %) empty: a heading that does not fit
at the foot of a page with the lines it keeps goes to the next one, and is set closer to the
text above it, so that it may fit; where it still does not, the spaces between that page's
paragraphs and over its headings close up, each by the same share of itself, at most
MAX_SQUEEZE (vertical justification, as LaTeX's paragraph skip shrinks within its glue; never
the leading), where that brings it back; else a figure on that page or the
page before is scaled down by what the heading and its lines lack, within limits; a figure
that does not fit at the foot of a page goes whole to the next one, and leaves a hole where
it would have stood; it is scaled down to fit the space, within limits (no smaller than
MIN_SCALE of the column; its caption, as laid out, keeping its lines while its longest fits
the narrower figure, and taking as many as its words need after), or else set after the
paragraph (or list, or table) of its section that follows it, so the text fills the gap and
the figure heads the next page. A figure never leaves its section (the heading before it and
the next one, as LaTeX's FloatBarrier and Typst's placement scope keep a float): where its
section's text ends before it, it goes up instead, before its section's running text on that
page, to where it fits (LaTeX's top of the page its text stands on; scaled down, within
limits, where need be), no higher than its heading, that text filling the gap after it;
where it cannot, it heads the next page, before the next heading, which follows it with the
lines it keeps.

A table longer than the space left splits between its rows (the stylesheet repeats its
header row), but a short one (fewer than SHORT_TABLE_ROWS rows) goes whole to the next page
where that leaves no page too empty, as a typesetter keeps a short table whole; one whose
split leaves fewer than a part in SMALL_PART of its rows on the first page, and which fits
whole on the next, is set whole after the running text of its section that follows it
(set_later, as a figure is; its source lines with it, past the figures between), that text
filling the page's foot, where it fills it within MAX_EMPTY, and put back to split where
the page it heads, or the page before, is left more than MAX_EMPTY empty after all; a split
leaves MIN_ROWS rows on each page: the stylesheet
keeps its last row with the one before, so the renderer breaks earlier where the break would
leave it alone on the next page, and never splits a table that fits the space left; where
too few stay on the first, the paragraphs before it are set a line shorter to make room, or
else the table is kept whole, unless that leaves a hole: then it splits after all, a row
alone at the foot of the page being the lesser fault, where it has rows enough for MIN_ROWS
to go over. A table on a page turned on its side (a wide one in large print) has the running
text of its section after it set before it, a block at a time, where the page before it is
left more than MAX_EMPTY empty and the text fits there whole (run_on, by set_later): the text
fills the page, the turned page going over, as LaTeX's afterpage sets a sidewaystable. Its
rows are shared evenly among the turned pages it needs, the larger shares first
(balanced_tables), as InDesign's keep options set a balanced split: the renderer had filled
each page but the last, left a few rows.

A heading whose paragraph is kept with a table that does not fit at the foot of a page goes
over with both: where that leaves a hole (the heading is set closer only after the rest,
when it fits with its lines: the few points that frees are not the rows' room), the
paragraphs before the table are set a line shorter where that makes room for its first
MIN_ROWS rows (it then splits); else the table, after a paragraph that is no lead-in (one
ends with a colon), heads the next page alone; else the page's paragraphs are set a line
longer, as many as the hole is lines too empty; else (a ragged edition, whose lines no
paragraph sets longer) the gaps under the page's paragraphs open up by equal shares of what
the hole is beyond MAX_EMPTY, at most MAX_SPREAD each (InDesign's vertical justification
within its paragraph spacing limit).

Lines kept as lines (base.css sets them whole) that go over whole, with the lead-in and the
headings kept with them, leaving a hole, are let split (split_lines) where they are more
than an address's WHOLE_LINES: their first lines (two at least, the contact's name and one
more) stay at the page's foot under what leads in to them, the rest running on, as a
typesetter breaks a long contact block; tried before the page's lines are set longer or its
gaps opened up, which bring nothing back into it.

No page ends with a hyphenated word, and no more than a layout's `max_lines` hyphenated lines
stand in a row: such a word is left whole in the next layout. A last page holding no more
than LONELY_LINES lines (a paragraph's last line, a lone sign-off) is pulled back where it
can be: the paragraphs before it each set a line shorter, or else a figure on the pages
before it scaled down by that much, or else (a piece of two pages) its opener closed up. A
last page still holding so few lines (a single line never, 孤行不成頁, as clreq and the
house style ask) takes the last lines of the paragraph before it over too, the page before
ending a little short (Chicago's "forcing a page break early"): the one mend for paragraphs
the renderer breaks on their grid, whose letters are never spaced out of it.

Each mend costs one more layout (one the HTML does not show, none: render.placed tries the
next on the same pages); at most MAX_PASSES layouts are made, and one more only where the
last mend undoes the one before (render.placed).
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pipeline.languages import LEAD_IN_ENDS, is_lead_in
from pipeline.model import Paragraph
from pipeline.writers.html import Placement
from pipeline.writers.html.blocks import MIN_ROWS

MAX_EMPTY = 0.15  # of a page's text area, on any page but the last
MIN_SCALE = 0.5  # a figure is scaled to no less than this share of the column's width
MAX_SPREAD = 6.0  # CSS pixels (4.5 pt) a gap under a paragraph may open up by, at most
# CSS pixels a page's gaps open up by beyond the hole's excess: its last line's glyphs end
# above the box the hole is measured to.
SPREAD_SLACK = 4.0
# The most of itself a gap between paragraphs, or before a heading, closes up by to bring a
# heading back with its lines (squeezed): the shrink LaTeX's \parskip and a section's space
# before take within their minus glue, InDesign's vertical justification within its
# paragraph spacing; never a line's leading.
MAX_SQUEEZE = 0.25
# Layouts a document's mends may take. A piece of many pictures mends a hole a layout, each
# found only once the mend before it has moved the pages after (nine pictures of shapes from
# 4:1 to 1:2.5 took six layouts in large print and nine on screen; at four, holes of up to
# 64 % of a page were left); most documents take two or three, a mend carrying over the
# pages before it.
MAX_PASSES = 12
# A table of fewer rows is kept whole where it can be (split_tables): a split would turn the
# page inside a comparison of a few rows.
SHORT_TABLE_ROWS = 7
# A table whose split leaves fewer than a part in this many of its rows on the first page is
# set later (floated) where it fits whole on the next: so small a part, a few rows under the
# title, reads as a fragment, the reader turning over for the rest; from a third on the
# first page holds a part that reads as a table (two parts of eleven rows, four and seven).
SMALL_PART = 3
MAX_WIDE_STEPS = 3  # a wide table's type 90 %, 80 %, then 70 % of the body's (base.css)
WIDTH_SLACK = 0.5  # CSS pixels a table may pass the measure by: the renderer's rounding
LONELY_LINES = 3  # a last page holding no more lines is pulled back where it can be
# Lines kept as lines that are never split (an address: a name over three lines of it, a
# postcode's among them); a contact's longer block may be, where whole it leaves a hole.
WHOLE_LINES = 4
# How empty the page before may be left where a sign-off would otherwise open the last page
# alone: a signature apart from its letter is the worse fault (Chicago's "forcing a page
# break early"), a short page the lesser.
MAX_EMPTY_SIGNED = 0.25
# What base.css keeps together: a heading with three lines of its section (orphans: 3), a
# paragraph's last two lines (widows: 2).
KEPT_LINES = 3
WIDOWS = 2
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
# The blocks a figure may be set after, or before: its section's running text, not a heading,
# a sign-off or a note.
# A paragraph leading into what follows it (`Our aims are:`), which no figure parts from it.
LEAD_IN = "lead-in"
RUNNING_TEXT = ("paragraph", LEAD_IN, "list", "table")
# The kind of a paragraph under a table saying where its figures come from, or a note of it:
# the table's, never parted from it by a figure (writers/html/blocks.py, table_sources).
TABLE_SOURCE = "table source"
FIT_MARGIN = 0.97  # a caption not measured: scale a little below the reckoned fit
# A caption rewrapped at a narrower width fills its lines so far on average (its words break
# where they fall, not at the measure's end).
REWRAP_FILL = 0.9
FIT_SLACK = 1.0  # CSS pixels a figure reckoned to fit leaves free: the renderer rounds
ADDED_HYPHEN = "\u2010"  # the hyphenate-character WeasyPrint adds where it breaks a word
LETTERS_AT_END = re.compile(r"[^\W\d_]+$")
LETTERS_AT_START = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Caption:
    """A figure's caption as laid out, to reckon its height at another width of the figure:
    it keeps its lines while its longest still fits, and then takes as many as its words
    need; a caption no wider than its max-width (base.css) narrows only once the figure is
    narrower than it. Widths and heights in CSS pixels."""

    lines: int
    line: float  # a line's height
    longest: float  # its longest line's width
    words: float  # its lines' widths together
    width: float  # its own width now
    figure_width: float  # the figure's width now
    edges: float = 0.0  # its border and padding, beside its width

    def height(self, share: float) -> float:
        """Its height, the figure set at `share` of its present width."""
        width = min(self.width, share * self.figure_width - self.edges)
        if width >= self.longest or width <= 0:
            return self.lines * self.line
        return max(self.lines, math.ceil(self.words / (width * REWRAP_FILL))) * self.line


@dataclass(frozen=True)
class Hole:
    """A page left too empty, because the block heading the next page did not fit."""

    space: float  # the height left empty, in CSS pixels
    block: int  # the data-block index of the block heading the next page
    tag: str  # its element's name: "figure", "p", "h2" ...
    height: float  # its height on the next page
    picture_height: float  # for a figure: its picture's (or placeholder's) height
    # The tables on the next page with rows enough to be split at all (base.css keeps the
    # last row with the one before, this writer sees to the first ones), and so to leave
    # one behind and MIN_ROWS over.
    long_tables: tuple[int, ...] = ()
    # For a heading: what it and the lines it keeps lack to fit `space`; for a table, what
    # it lacks to fit whole.
    shortfall: float = 0.0
    # The figures with a picture (or a placeholder for one) on the page of the hole and the
    # page before it, the nearest the hole first: (block, picture height, height, caption).
    figures: tuple[tuple[int, float, float, Caption | None], ...] = ()
    # For a figure: (block, room, kept) of each block starting on the page of the hole: the
    # room from its top to the foot of the page, the height of its first KEPT_LINES lines.
    rooms: tuple[tuple[int, float, float], ...] = ()
    # The table heading the next page with the paragraph before it (and its headings) that is
    # no lead-in (it ends without a colon), which the stylesheet keeps with it: what parting
    # them lets back.
    unled_tables: tuple[int, ...] = ()
    # The writer's paragraphs on the page of the hole, the most lines first (the last first
    # of those alike); a line's height; and how far the hole is beyond MAX_EMPTY.
    writers: tuple[int, ...] = ()
    line: float = 0.0
    excess: float = 0.0
    # For a heading leading a table with rows enough to split (its lead-in kept with it):
    # what the heading lacks to fit `space` with its paragraphs, the table's header and its
    # first MIN_ROWS rows; and the writer's paragraphs that may be set a line shorter to make
    # room for them, on the page of the hole and before the table (of more than a line).
    table_shortfall: float = 0.0
    making_way: tuple[int, ...] = ()
    # For a figure: its caption as laid out, when it has one; else, none measured, its
    # caption and margins are reckoned to grow as its width shrinks.
    caption: Caption | None = None
    # The paragraphs on the page of the hole but its last block: the gaps under them may
    # open up (spread_out).
    gaps: tuple[int, ...] = ()
    # The block heading the page of the hole: a table set later there may be put back.
    opening: int | None = None
    # For a heading: (paragraph, the heading under it or None, the space between them) of
    # each paragraph on the page of the hole followed by a paragraph or a heading (the one
    # heading the next page too): the spaces that may close up (squeezed).
    spacing: tuple[tuple[int, int | None, float], ...] = ()
    # The lines kept as lines (more than WHOLE_LINES) heading the next page, or under the
    # headings and the lead-in kept with them: split, their first lines come back.
    long_lines: int | None = None


def mended(placement: Placement, hole: Hole, kinds: list[str], count: int) -> Placement | None:
    """The placement with `hole` mended, or None when it cannot be: a heading heading the
    next page has the spaces over it closed up (squeezed), else is set closer to the text
    above it (once); a figure is scaled to fit, or set later or earlier within its section;
    a table kept whole on the next page (with the heading and lead-in it keeps) is split
    after all, though it leaves a row alone; lines kept as lines, more than an address's,
    split after their first lines; a heading that still does not come back has a
    figure before it scaled down to make room; nothing else is mended."""
    closed = (None if hole.block in placement.close_headings else
              replace(placement, close_headings=placement.close_headings | {hole.block}))
    # A heading that fits with its lines, gone over for a table's first rows its lead-in
    # keeps, is set closer last: the room that frees is a few points, the rows lack more.
    kept_beyond = hole.shortfall <= 0 < hole.table_shortfall
    if hole.tag in HEADINGS and closed and not kept_beyond:
        return squeezed(placement, hole) or closed
    if hole.tag in HEADINGS:
        return (made_room_for_rows(placement, hole)
                or split_short(placement, hole) or made_room(placement, hole)
                or made_way(placement, hole) or parted(placement, hole)
                or split_lines(placement, hole)
                or filled(placement, hole) or spread_out(placement, hole) or closed)
    if hole.tag != "figure":
        # A paragraph gone over with the table it runs into comes back whole, the table
        # heading the next page, before the table splits leaving a row alone.
        return (parted(placement, hole) or made_room_for_table(placement, hole)
                or split_short(placement, hole) or split_lines(placement, hole)
                or filled(placement, hole) or spread_out(placement, hole))
    scale = placement.scales.get(hole.block, 1.0)
    fitting = scale * fitting_scale(hole.space, hole.picture_height,
                                    hole.height - hole.picture_height, hole.caption)
    if fitting >= MIN_SCALE:
        return replace(placement, scales={**placement.scales, hole.block: min(fitting, scale)})
    return (set_later(placement, hole.block, kinds, count)
            or set_earlier(placement, hole, kinds, count))


def floated_back(placement: Placement, hole: Hole, kinds: list[str],
                 laid_out: frozenset[int]) -> Placement | None:
    """The placement with a table set later (floated) that heads the page of `hole`, or the
    next page, put back before the running text it was set after, with its sources and the
    figures it carried, and never floated again (short_splits): it splits at the page's foot
    as before, a few rows there being the lesser fault than a page left too empty. None
    where neither page is headed by such a table as the layout set it (`laid_out`: the
    floats of the placement laid out; one set later since is judged on its own layout)."""
    tables = [block for block in (hole.opening, hole.block)
              if block in laid_out & placement.floated_tables]
    if not tables:
        return None
    table = tables[0]
    order = list(placement.ordered(len(kinds)))
    position = order.index(table)
    start = position
    while start and order[start - 1] > table:
        start -= 1  # the running text set before it
    end = position + 1
    while (end < len(order) and kinds[order[end]] in (TABLE_SOURCE, "figure")
           and table < order[end] < order[start]):
        end += 1  # its sources and the figures it carried
    order[start:end] = [*order[position:end], *order[start:position]]
    return replace(placement, order=tuple(order),
                   floated_tables=placement.floated_tables - {table},
                   whole_tables=placement.whole_tables - {table},
                   short_splits=placement.short_splits | {table})


def made_room(placement: Placement, hole: Hole, lacking: float | None = None
              ) -> Placement | None:
    """The placement with the figure nearest `hole` (on its page or the page before) scaled
    down by what the heading heading the next page lacks (or `lacking`), within limits; None
    when no figure can shrink so far."""
    lacking = hole.shortfall if lacking is None else lacking
    for block, picture, height, caption in hole.figures:
        scale = placement.scales.get(block, 1.0)
        smaller = scale * fitting_scale(height - lacking, picture, height - picture, caption)
        if MIN_SCALE <= smaller < scale:
            return replace(placement, scales={**placement.scales, block: smaller})
    return None


def made_room_for_rows(placement: Placement, hole: Hole) -> Placement | None:
    """The placement with a figure near `hole` scaled down by what the heading heading the
    next page lacks to stand at the foot of this one with the table it leads (its lead-in
    keeping them together) and the table's first MIN_ROWS rows, within limits, the table
    then let split there, its header repeated overleaf: a picture a little smaller is the
    typesetter's mend before a page left empty or a row alone at its foot. None where no
    figure can shrink so far, or the heading fits with its own lines (made_room's)."""
    if hole.table_shortfall <= 0 or hole.shortfall > 0:
        return None
    smaller = made_room(placement, hole, hole.table_shortfall)
    if smaller is None:
        return None
    return replace(smaller, whole_tables=placement.whole_tables - set(hole.long_tables[:1]))


def made_room_for_table(placement: Placement, hole: Hole) -> Placement | None:
    """The placement with a figure near `hole` scaled down by what the table kept whole
    heading the next page lacks to stand whole at the foot of this one, within limits: a
    chart a little smaller is the typesetter's mend before a short table split (two rows and
    two) or a page left empty. None where the hole is no table's, or no figure can shrink
    so far."""
    if hole.tag != "table" or hole.block not in placement.whole_tables:
        return None
    return made_room(placement, hole)


def made_way(placement: Placement, hole: Hole) -> Placement | None:
    """The placement with the writer's paragraphs before the table a heading heading the
    next page leads (on the page of `hole`, and its lead-in) each set a line shorter, where
    the lines they give back make room for the heading, its lead-in and the table's first
    MIN_ROWS rows at the foot of the page: the table then splits there, its header repeated
    overleaf. None where they cannot."""
    free = frozenset(hole.making_way) - placement.tightened - placement.loosened
    if hole.table_shortfall <= 0 or not free or len(free) * hole.line < hole.table_shortfall:
        return None
    return replace(placement, tightened=placement.tightened | free)


def parted(placement: Placement, hole: Hole) -> Placement | None:
    """The placement with the first table after `hole` let go from the paragraph before it,
    which is no lead-in (the house style's ends with a colon): the table heads the next page,
    the paragraph and its heading fill the foot of this one, as a table too long for the
    space left goes over in LaTeX's and InDesign's practice; a lead-in stays with what it
    introduces. Tried after the table's split (made_way), which keeps them together."""
    tables = [block for block in hole.unled_tables if block not in placement.parted_tables]
    if not tables:
        return None
    return replace(placement, parted_tables=placement.parted_tables | {tables[0]})


def filled(placement: Placement, hole: Hole) -> Placement | None:
    """The placement with as many of the writer's paragraphs on the page of `hole` set a
    line longer (looser, within the spaces' limits) as the hole is lines beyond MAX_EMPTY,
    the longest first (the more lines, the more room their spaces have to take one more):
    the page runs a line or two long where nothing comes back into it. None where the page
    has too few paragraphs left to set so."""
    free = [block for block in hole.writers
            if block not in placement.loosened | placement.tightened]
    needed = int(hole.excess // hole.line) + 1 if hole.line else len(free) + 1
    if needed > len(free):
        return None
    return replace(placement, loosened=placement.loosened | frozenset(free[:needed]))


def spread_out(placement: Placement, hole: Hole) -> Placement | None:
    """The placement with the space under each paragraph on the page of `hole` opened up by
    an equal share of what the hole is beyond MAX_EMPTY, where no share passes MAX_SPREAD
    (InDesign's vertical justification, within its paragraph spacing limit): the page
    reaches its foot as nearly as the house style asks where nothing comes back into it,
    as in a ragged edition, whose lines no paragraph can set longer. None where it cannot."""
    free = [block for block in hole.gaps if block not in placement.spread]
    if hole.excess <= 0 or not free:
        return None
    share = (hole.excess + SPREAD_SLACK) / len(free)
    if share > MAX_SPREAD:
        return None
    return replace(placement, spread={**placement.spread, **dict.fromkeys(free, share)})


def squeezed(placement: Placement, hole: Hole) -> Placement | None:
    """The placement with the spaces between the paragraphs on the page of `hole`, and
    before its headings and the heading heading the next page, closed up each by the same
    share of itself, where no more than MAX_SQUEEZE brings that heading back with the lines
    it keeps (vertical justification shrinking the paragraph spacing, never the leading):
    a page a few points short of them is filled, not left empty. None where they cannot, or
    were closed up already, or a heading among them is set closer: its space is then cut by
    more than MAX_SQUEEZE, and closing it up too would cut it by more than the rest."""
    headings = {hole.block} | {heading for _, heading, _ in hole.spacing}
    if (hole.shortfall <= 0 or not hole.spacing or hole.block in placement.squeezed
            or headings & placement.close_headings):
        return None
    share = (hole.shortfall + FIT_SLACK) / sum(space for *_, space in hole.spacing)
    if share > MAX_SQUEEZE:
        return None
    closer = {}
    for paragraph, heading, space in hole.spacing:
        # A paragraph's margin under it collapses with a heading's over it: both close up.
        closer[paragraph] = space * (1 - share)
        if heading is not None:
            closer[heading] = closer[paragraph]
    return replace(placement, squeezed={**placement.squeezed, **closer})


def split_short(placement: Placement, hole: Hole) -> Placement | None:
    """The placement with the first table kept whole on the page after `hole` let split:
    a row alone at the foot of a page is the lesser fault than a page left empty."""
    whole = [block for block in hole.long_tables
             if block in placement.whole_tables and block not in placement.short_splits]
    if not whole:
        return None
    return replace(placement, whole_tables=placement.whole_tables - {whole[0]},
                   short_splits=placement.short_splits | {whole[0]})


def split_lines(placement: Placement, hole: Hole) -> Placement | None:
    """The placement with the lines kept as lines heading the page after `hole` (under the
    headings and lead-in kept with them), more than an address's WHOLE_LINES, let split:
    their first lines stay at the page's foot with what leads in to them, the rest run on
    (base.css: two lines at least on each page). None where there are none, or they split
    already."""
    if hole.long_lines is None or hole.long_lines in placement.split_line_blocks:
        return None
    return replace(placement,
                   split_line_blocks=placement.split_line_blocks | {hole.long_lines})


def leads_in(block) -> bool:
    """Whether `block` is a paragraph leading into what follows it: it ends as a lead-in
    ends, in any language (`:`, `：`), or in a verb of contacting (is_lead_in)."""
    return isinstance(block, Paragraph) and is_lead_in(block.text)


def set_later(placement: Placement, float_: int, kinds: list[str],
              count: int, across: bool = False) -> Placement | None:
    """The placement with `float_` (a figure, or a table with its sources) set after the
    running text of its section that follows it, or None when none follows (a heading, a
    sign-off, a note or the end) or a lead-in leads into it. It never passes a float of its
    own kind (their numbers would read out of order); a table carries the figures between it
    and that text with it (a figure, never split, fills no gap; the floats keep their
    order). A table on pages of its own, turned on its side (`across`), passes the next
    section's headings too, with the text under them: nothing but it stands on those pages,
    and the page before is filled, as LaTeX floats a sidewaystable past a section's start
    (the reading order, the tag tree's, stays the model's)."""
    order = list(placement.ordered(count))
    position = order.index(float_)
    kind = kinds[float_]
    if position and kinds[order[position - 1]] == LEAD_IN:
        return None
    carried = ("figure",) if kind == "table" else ()
    start = position + 1
    while start < len(order) and (kinds[order[start]] == TABLE_SOURCE
                                  or kinds[order[start]] in carried):
        start += 1
    text = start
    while across and text < len(order) and kinds[order[text]] == "heading":
        text += 1  # the headings go with the text under them
    if text < len(order) and kinds[order[text]] in RUNNING_TEXT and kinds[order[text]] != kind:
        after = text + 1  # past a table's source and notes too, which stay with it
        while after < len(order) and (kinds[order[after]] == TABLE_SOURCE
                                      or kinds[order[after - 1]] == LEAD_IN):
            after += 1  # past what a lead-in leads into, too
        order[position:after] = [*order[start:after], *order[position:start]]
        return replace(placement, order=tuple(order))
    return None


def set_earlier(placement: Placement, hole: Hole, kinds: list[str],
                count: int) -> Placement | None:
    """The placement with the figure of `hole` set before the nearest running text of its
    section on the page of the hole from whose top it fits (scaled down to fit, within
    limits), that text then filling the page after it; None where none does. It goes no
    higher than its section's heading, which it then follows only where the lines the
    heading keeps still fit under it, nor past another figure."""
    order = list(placement.ordered(count))
    position = order.index(hole.block)
    rooms = {block: (room, kept) for block, room, kept in hole.rooms}
    scale = placement.scales.get(hole.block, 1.0)
    for earlier in range(position - 1, -1, -1):
        block = order[earlier]
        if kinds[block] not in RUNNING_TEXT or block not in rooms:
            return None
        if earlier and kinds[order[earlier - 1]] == LEAD_IN:
            continue  # never between a lead-in and what it leads into: higher, over both
        if earlier and kinds[order[earlier - 1]] == "heading" and kinds[block] == LEAD_IN:
            # Under its heading, over a lead-in: the lead-in goes with what it leads into,
            # perhaps overleaf, and the heading would stand over the figure alone.
            return None
        room, kept = rooms[block]
        if earlier and kinds[order[earlier - 1]] == "heading":
            room -= kept
        fitting = scale * fitting_scale(room, hole.picture_height,
                                        hole.height - hole.picture_height, hole.caption)
        if fitting >= MIN_SCALE:
            order[earlier:position + 1] = [hole.block, *order[earlier:position]]
            scales = {**placement.scales, hole.block: fitting} if fitting < scale else {}
            return replace(placement, order=tuple(order), scales=scales or placement.scales)
    return None


def fitting_scale(space: float, picture: float, rest: float,
                  caption: Caption | None = None) -> float:
    """The share of its width at which a figure fits `space`: its picture shrinks with the
    width, while its caption (in `rest`, with the margins) keeps its lines or takes more as
    they get shorter (`caption`: as laid out; where it was not measured, it and the margins
    are reckoned to grow as the width shrinks: picture * s + rest / s <= space); 0 when
    nothing fits."""
    if picture <= 0:
        return 0.0
    if caption is not None:  # reckoned at the share returned: no margin, which would rewrap it
        margins = rest - caption.height(1.0)
        shares = (hundredths / 100 for hundredths in range(100, 0, -1))
        return next((share for share in shares if picture * share + margins
                     + caption.height(share) <= space - FIT_SLACK), 0.0)
    discriminant = space * space - 4 * picture * rest
    if discriminant < 0:
        return 0.0
    return min(1.0, FIT_MARGIN * (space + discriminant ** 0.5) / (2 * picture))


def holes(pages) -> Iterator[Hole]:
    """Each page but the last (of WeasyPrint's laid-out pages) left more than MAX_EMPTY
    empty, with what heads the page after it."""
    for number, (page, following) in enumerate(zip(pages, pages[1:], strict=False)):
        box = page._page_box
        top, bottom = box.content_box_y(), box.content_box_y() + box.height
        placed = [(element, block) for element, block in outer_boxes(box)
                  if element.get("data-block")]
        blocks = [block for _, block in placed]
        used = max(map(printed_end, blocks), default=top)
        space = bottom - used
        if space <= MAX_EMPTY * (bottom - top):
            continue
        heading = next(placed_blocks(following._page_box), None)
        if heading is None:
            continue
        block, element, start, end = heading
        long_tables = tuple(int(table.get("data-block"))
                            for table, box in outer_boxes(following._page_box)
                            if table.tag == "table" and table.get("data-block")
                            and len(body_rows(box)) >= 2 * MIN_ROWS)
        shortfall, table_shortfall, making_way, spaces = 0.0, 0.0, (), ()
        writers, line = page_writers(box)
        if element.tag in HEADINGS:
            below = max((block.margin_bottom for block in blocks[-1:]), default=0.0)
            shortfall = kept_height(following._page_box, element, end, below) - space
            spaces = spacing(placed, block, space_over(following._page_box, element, below))
            if led := led_table(following._page_box):
                rows_end, leading = led
                table_shortfall = kept_height(following._page_box, element, rows_end, below,
                                              lines=0) - space
                making_way = tuple(found for found, count in (*writers, *leading)
                                   if count > 1)
        elif element.tag == "table":
            below = max((block.margin_bottom for block in blocks[-1:]), default=0.0)
            shortfall = end - start + below - space
        yield Hole(space, block, element.tag, end - start, picture_height(element, following),
                   long_tables, shortfall, pictured_figures(pages[max(number - 1, 0):number + 1]),
                   rooms(box, pages[number - 1]._page_box if number else None)
                   if element.tag == "figure" else (),
                   unled_tables(following._page_box),
                   tuple(found for found, _ in writers), line,
                   space - MAX_EMPTY * (bottom - top), table_shortfall, making_way,
                   caption_of(element, following) if element.tag == "figure" else None,
                   tuple(int(found.get("data-block")) for found, _ in placed[:-1]
                         if found.tag == "p"),
                   int(placed[0][0].get("data-block")) if placed else None, spaces,
                   long_lines(following._page_box))


def printed_end(box) -> float:
    """Where what a block prints on its page ends: at its border, not at the margin below it;
    for a paragraph, at its last line there and what edges it below (the renderer leaves a
    paragraph split at a page's foot as tall as the lines it held before some went over with
    the block after it, its widows or a table's lead)."""
    from weasyprint.formatting_structure import boxes

    end = box.border_box_y() + box.border_height()
    lines = [child for child in getattr(box, "children", ()) if isinstance(child, boxes.LineBox)]
    if not lines:
        return end
    edges = box.padding_bottom + box.border_bottom_width
    return min(end, lines[-1].position_y + lines[-1].margin_height() + edges)


def page_writers(page_box) -> tuple[tuple[tuple[int, int], ...], float]:
    """(block, lines) of the writer's paragraphs on a page, the most lines first (the last
    first of those alike), and the height of a line of theirs."""
    lines = {int(element.get("data-block")): list(line_boxes(box))
             for element, box in outer_boxes(page_box)
             if element.tag == "p" and element.get("data-lines")}
    longest = sorted(reversed(lines), key=lambda block: -len(lines[block]))
    return (tuple((block, len(lines[block])) for block in longest),
            next((held[-1].margin_height() for held in lines.values() if held), 0.0))


def led_table(page_box) -> tuple[float, tuple[tuple[int, int], ...]] | None:
    """Where the MIN_ROWS-th body row ends of the first table on a page, where only a
    heading and paragraphs stand before it (its lead-in keeps them with it) and it has rows
    enough to split; and (block, lines) of the writer's paragraphs before it. None where
    there is no such table."""
    leading = []
    for element, box in outer_boxes(page_box):
        if not element.get("data-block"):
            continue
        if element.tag == "table":
            rows = list(body_rows(box).values())
            if len(rows) < 2 * MIN_ROWS:
                return None
            row = rows[MIN_ROWS - 1]
            return row.position_y + row.margin_height(), tuple(leading)
        if element.tag not in (*HEADINGS, "p"):
            return None
        if element.get("data-lines"):
            leading.append((int(element.get("data-block")), len(list(line_boxes(box)))))
    return None


def unled_tables(page_box) -> tuple[int, ...]:
    """The table heading a page with the paragraph before it and that paragraph's headings,
    which the stylesheet keeps with it, where the paragraph is no lead-in (it ends without a
    colon): parted from it, they stay on the page before."""
    placed = [element for _, element, _, _ in placed_blocks(page_box)]
    while placed and placed[0].tag in HEADINGS:
        placed.pop(0)
    if (len(placed) > 1 and placed[0].tag == "p" and placed[1].tag == "table"
            and not "".join(placed[0].itertext()).rstrip().endswith(LEAD_IN_ENDS)):
        return (int(placed[1].get("data-block")),)
    return ()


def long_lines(page_box) -> int | None:
    """The lines kept as lines heading a page, or under the headings and the lead-in kept
    with them, where they are more than WHOLE_LINES as written (their line breaks; a label's
    numbered lines are set as a table's rows, and never split): the block, or None."""
    placed = [element for _, element, _, _ in placed_blocks(page_box)]
    while placed and placed[0].tag in HEADINGS:
        placed.pop(0)
    if placed and LEAD_IN in classes(placed[0]):
        placed.pop(0)
    if not placed or "lines" not in classes(placed[0]):
        return None
    written = 1 + sum(1 for _ in placed[0].iter("br"))
    return int(placed[0].get("data-block")) if written > WHOLE_LINES else None


def rooms(page_box, before) -> tuple[tuple[int, float, float], ...]:
    """(block, room, kept) of each block starting on a page (not going on from the page
    `before`): the room from its top to the page's foot, and the height of its first
    KEPT_LINES lines (a heading keeps them; all of a paragraph that could not split after
    them, leaving WIDOWS lines over)."""
    going_on = {found for found, *_ in placed_blocks(before)} if before is not None else set()
    bottom = page_box.content_box_y() + page_box.height
    found = []
    for element, box in outer_boxes(page_box):
        block = element.get("data-block")
        if block and int(block) not in going_on:
            lines = list(line_boxes(box))
            # A paragraph too short to leave WIDOWS lines over after KEPT_LINES stays whole.
            kept = lines if len(lines) < KEPT_LINES + WIDOWS else lines[:KEPT_LINES]
            end = (kept[-1].position_y + kept[-1].margin_height() if kept
                   else box.position_y + box.margin_height())
            found.append((int(block), bottom - box.position_y, end - box.position_y))
    return tuple(found)


def kept_height(page_box, heading, end: float, above: float, lines: int = KEPT_LINES) -> float:
    """The height a heading heading a page needs at the foot of the page before, with the
    `lines` lines after `end` it keeps (all of a paragraph too short to split after them):
    from its top margin (space_over) to the last of those lines (to `end`, with none)."""
    heading_box = next(box for element, box in outer_boxes(page_box) if element is heading)
    if lines:
        lines = max(lines, unsplit_lines(page_box, end))
    kept = [line.position_y + line.margin_height() for line in line_boxes(page_box.children[0])
            if line.position_y >= end - 0.5][:lines]
    return (space_over(page_box, heading, above) + (kept[-1] if kept else end)
            - heading_box.position_y)


def unsplit_lines(page_box, end: float) -> int:
    """The lines of the paragraph at `end` on a page, where it is too short to leave WIDOWS
    lines over after KEPT_LINES (base.css: it goes whole); else none."""
    box = next((box for element, box in outer_boxes(page_box)
                if element.get("data-block") and box.position_y >= end - 0.5), None)
    if box is None or box.element_tag != "p":
        return 0
    held = sum(1 for _ in line_boxes(box))
    return held if held < KEPT_LINES + WIDOWS else 0


def space_over(page_box, heading, above: float) -> float:
    """The space over a heading heading a page, were it at the foot of the page before: its
    top margin (the page's top took it) collapsed with `above`, the margin below the block
    before it."""
    heading_box = next(box for element, box in outer_boxes(page_box) if element is heading)
    margin = heading_box.style["margin_top"]
    return max(margin.value if margin.unit == "px" else 0.0, above)


def spacing(placed: list[tuple[object, object]], heading: int,
            over: float) -> tuple[tuple[int, int | None, float], ...]:
    """(paragraph, the heading under it or None, the space between them) of each paragraph
    of a page's `placed` blocks (element, box) with space under it before a heading or a
    paragraph of no top margin of its own (the paragraph's margin is then the space), and of
    its last block, where a paragraph, over `heading`, heading the next page `over` below
    it."""
    found = [(int(element.get("data-block")),
              int(following.get("data-block")) if following.tag in HEADINGS else None,
              under.border_box_y() - box.border_box_y() - box.border_height())
             for (element, box), (following, under) in zip(placed, placed[1:], strict=False)
             if element.tag == "p" and box.margin_bottom > 0 and (
                 following.tag in HEADINGS or following.tag == "p" and not under.margin_top)]
    if placed and placed[-1][0].tag == "p":
        found.append((int(placed[-1][0].get("data-block")), heading, over))
    return tuple(found)


def pictured_figures(pages) -> tuple[tuple[int, float, float, Caption | None], ...]:
    """(block, picture height, height, caption) of each figure with a picture or a
    placeholder on `pages`, the last first."""
    found = [(block, picture_height(element, page), end - start, caption_of(element, page))
             for page in pages for block, element, start, end in placed_blocks(page._page_box)
             if element.tag == "figure"]
    return tuple(figure for figure in reversed(found) if figure[1] > 0)


def all_mended(placement: Placement, found: list[Hole], kinds: list[str],
               floated: frozenset[int] = frozenset()) -> Placement:
    """The placement with every hole mended that can be: each figure is mended on its own,
    so one more layout mends them all (each shifts what follows it a little); a table set
    later (of `floated`, those the layout shows) heading the page of a hole or the next is
    put back first."""
    for hole in found:
        placement = (floated_back(placement, hole, kinds, floated)
                     or mended(placement, hole, kinds, len(kinds)) or placement)
    return placement


def placed_blocks(page_box) -> Iterator[tuple[int, object, float, float]]:
    """(block index, element, top, bottom) of each block on a page, in order."""
    for element, box in outer_boxes(page_box):
        if element.get("data-block"):
            yield (int(element.get("data-block")), element, box.position_y,
                   box.position_y + box.margin_height())


def picture_height(figure, page) -> float:
    """The height of a figure's picture (or placeholder) on `page`."""
    pictures = [child for child in figure if child.tag in ("img", "div")]
    for element, box in outer_boxes(page._page_box):
        if any(element is picture for picture in pictures):
            return box.margin_height()
    return 0.0


def caption_of(figure, page) -> Caption | None:
    """A figure's caption on `page` as laid out; None where it has none there."""
    caption = next((child for child in figure if child.tag == "figcaption"), None)
    boxes = {id(element): box for element, box in outer_boxes(page._page_box)
             if element is figure or element is caption}
    if caption is None or id(caption) not in boxes or id(figure) not in boxes:
        return None
    lines = list(line_boxes(boxes[id(caption)]))
    widths = [line_width(line) for line in lines]
    box = boxes[id(caption)]
    return Caption(len(lines), lines[0].margin_height() if lines else 0.0, max(widths, default=0),
                   sum(widths), box.width, boxes[id(figure)].width,
                   box.border_width() - box.width)


def line_width(line) -> float:
    """How wide a line's content is, from the line's start."""
    return max((child.position_x + child.margin_width() for child in line.children),
               default=line.position_x) - line.position_x


# While a layout is read for its mends (improved), each page's boxes are walked once, as
# the mends ask for a page's some thirty times: keyed by identity, each page held beside
# its walk, so no other can take its id. Let go once read: a page carried over into the
# next layout is given that layout's elements (pagination.carried_over).
_walks: list[dict[int, tuple[object, list]]] = []


@contextlib.contextmanager
def walked_once() -> Iterator[None]:
    """While this lasts, outer_boxes walks each box once."""
    _walks.append({})
    try:
        yield
    finally:
        _walks.pop()


def outer_boxes(page_box) -> Iterator[tuple[object, object]]:
    """Each element on the page with its outermost box (its lines and text are inside)."""
    if not _walks:
        return walked(page_box)
    kept = _walks[-1].get(id(page_box))
    if kept is None:
        kept = _walks[-1][id(page_box)] = (page_box, list(walked(page_box)))
    return iter(kept[1])


def walked(page_box) -> Iterator[tuple[object, object]]:
    seen = set()
    for box in descendants(page_box.children[0]):
        if box.element is not None and id(box.element) not in seen:
            seen.add(id(box.element))
            yield box.element, box


def descendants(box) -> Iterator:
    """`box` and every box inside it, each before its children (document order). Walked
    with a stack, not by recursive generators, each of which would pass every box below it
    up through every level above: a page's boxes are some ten levels deep."""
    waiting = [box]
    while waiting:
        box = waiting.pop()
        yield box
        waiting.extend(reversed(getattr(box, "children", ())))


def improved(placement: Placement, pages, kinds: list[str], max_lines: int) -> Placement:
    """The placement with what the layout of it (WeasyPrint's pages) shows mended: holes,
    hyphenated words ending a page or a ladder longer than `max_lines`, tables leaving a
    row alone or turned onto pages they share unevenly, a lonely last page."""
    with walked_once():
        return mended_pages(placement, pages, kinds, max_lines)


def mended_pages(placement: Placement, pages, kinds: list[str], max_lines: int) -> Placement:
    lines = block_lines(pages)
    better = replace(placement,
                     whole_words=placement.whole_words | ladder_words(lines, max_lines)
                     | page_end_words(lines))
    tables = table_parts(pages)
    better = split_tables(pulled_back(better, pages, lines), pages, lines, tables, kinds)
    better = balanced_tables(fitted_tables(better, tables), pages, tables, kinds)
    ran_on = run_on(better, pages, kinds)
    if ran_on != better:  # the page before the turned table mended; the rest next layout
        return ran_on
    from pipeline.writers.pdf.list_breaks import list_breaks  # which reads this module

    return all_mended(list_breaks(better, pages), list(holes(pages)), kinds,
                      placement.floated_tables)


def ladder_words(lines: dict[int, list[tuple[int, str]]],
                 max_lines: int) -> frozenset[tuple[int, str]]:
    """(block, word) of each word whose hyphenation makes a ladder of more than `max_lines`
    hyphenated lines: the word broken at the end of the first line beyond the limit."""
    found = set()
    for block, texts in lines.items():
        run = 0
        for (_, line), (_, following) in zip(texts, [*texts[1:], (0, "")], strict=True):
            run = run + 1 if line.endswith(("-", ADDED_HYPHEN)) else 0
            if run > max_lines and line.endswith(ADDED_HYPHEN) and following:
                found |= broken_word(block, line, following)
                run = 0
    return frozenset(found)


def page_end_words(lines: dict[int, list[tuple[int, str]]]) -> frozenset[tuple[int, str]]:
    """(block, word) of each word hyphenated at the foot of a page: the reader turns over in
    the middle of it."""
    found = set()
    for block, texts in lines.items():
        for (page, line), (following_page, following) in zip(texts, texts[1:], strict=False):
            if following_page != page and line.endswith(ADDED_HYPHEN):
                found |= broken_word(block, line, following)
    return frozenset(found)


def broken_word(block: int, line: str, following: str) -> set[tuple[int, str]]:
    head = LETTERS_AT_END.search(line[:-1])
    tail = LETTERS_AT_START.match(following)
    return {(block, head.group() + tail.group())} if head and tail else set()


def block_lines(pages) -> dict[int, list[tuple[int, str]]]:
    """Each paragraph's lines of text with their page (from 0), in order, across pages,
    without their soft hyphens."""
    lines: dict[int, list[tuple[int, str]]] = {}
    for number, page in enumerate(pages):
        for element, box in outer_boxes(page._page_box):
            if element.get("data-block") and element.tag == "p":
                lines.setdefault(int(element.get("data-block")), []).extend(
                    (number, "".join(text_of(line)).replace("\u00ad", ""))
                    for line in box.children)
    return lines


def table_parts(pages) -> list[tuple[int, int, object, float]]:
    """Each table's part on each page: (page from 0, block, its box, the page's measure),
    found once a layout for the mends that look at tables."""
    return [(number, int(element.get("data-block")), box, page._page_box.width)
            for number, page in enumerate(pages)
            for element, box in outer_boxes(page._page_box)
            if element.tag == "table" and element.get("data-block")]


def fitted_tables(placement: Placement, tables: list[tuple[int, int, object, float]]) -> Placement:
    """The placement with each table wider than the page's measure (its columns' words and
    figures never break) set a step narrower, MAX_WIDE_STEPS at most: a step smaller type and
    closer cells (base.css), as a typesetter fits a wide table; in large print, whose type is
    never smaller, a landscape page of its own (its style.css). One still too wide then has
    what its lines prefer to keep together break (a range after its dash, a relation at its
    spaces: LineBreaks.yielding), as a typesetter breaks them in a column too narrow to hold
    them whole. `tables`: table_parts."""
    steps, yielding = dict(placement.wide_tables), set(placement.yielding_tables)
    for _, block, box, measure in tables:
        if box.margin_width() <= measure + WIDTH_SLACK:
            continue
        if steps.get(block, 0) < MAX_WIDE_STEPS:
            steps[block] = steps.get(block, 0) + 1
        else:
            yielding.add(block)
    return replace(placement, wide_tables=steps, yielding_tables=frozenset(yielding))


def run_on(placement: Placement, pages, kinds: list[str]) -> Placement:
    """The placement with the running text of its section after each table heading a page
    turned on its side (a wide table in large print) set before the table (set_later), a
    block a layout, where the page before it is left more than MAX_EMPTY empty and that text
    fits whole in what is left there: the text runs on to fill the page, the turned page
    going over to the next page break, as LaTeX's afterpage sets a sidewaystable and
    InDesign a rotated spread."""
    for page, following in zip(pages, pages[1:], strict=False):
        if landscape(page) == landscape(following):
            continue
        box = page._page_box
        top, bottom = box.content_box_y(), box.content_box_y() + box.height
        space = bottom - max((printed_end(found) for element, found in outer_boxes(box)
                              if element.get("data-block")), default=top)
        heading = next(placed_blocks(following._page_box), None)
        if space <= MAX_EMPTY * (bottom - top) or heading is None or heading[1].tag != "table":
            continue
        later = set_later(placement, heading[0], kinds, len(kinds), across=True)
        if later is None:
            continue
        order = later.ordered(len(kinds))
        moved = order[placement.ordered(len(kinds)).index(heading[0]):order.index(heading[0])]
        filling = sum(end - start for found in pages
                      for block, _, start, end in placed_blocks(found._page_box)
                      if block in moved)
        if filling <= space:
            placement = later
    return placement


def balanced_tables(placement: Placement, pages, tables: list[tuple[int, int, object, float]],
                    kinds: list[str]) -> Placement:
    """The placement with each table turned onto pages of its own (a wide one in large
    print) whose rows the renderer shared unevenly among them, filling each page but the
    last (eleven, eleven and three), sharing them evenly, the larger shares first (nine,
    eight and eight): each page breaks before the row opening its share (base.css:
    table.balanced), as InDesign's keep options set a balanced split, the header row
    repeated on each; its last page is no longer left near empty. Where a share's rows would
    not fit its page, the table is left as it was. `tables`: table_parts."""
    parts: dict[int, list[tuple[int, object]]] = {}
    for number, block, box, _ in tables:
        parts.setdefault(block, []).append((number, box))
    balanced = dict(placement.balanced_tables)
    for block, found in parts.items():
        heights = [[row.margin_height() for row in body_rows(box).values()] for _, box in found]
        counts = [len(part) for part in heights]
        if max(counts) - min(counts) <= 1 or not on_own_pages(pages, found, block, kinds):
            continue
        rows = [height for part in heights for height in part]
        # Each page holds the rows it holds and the space left at its foot.
        rooms = [sum(part) + space_left(pages[number]._page_box)
                 for (number, _), part in zip(found, heights, strict=True)]
        shares = [len(rows) // len(counts) + (share < len(rows) % len(counts))
                  for share in range(len(counts))]
        bounds = [sum(shares[:share]) for share in range(len(shares) + 1)]
        if all(sum(rows[start:end]) <= room for start, end, room
               in zip(bounds, bounds[1:], rooms, strict=False)):
            balanced[block] = tuple(bounds[1:-1])
    return replace(placement, balanced_tables=balanced)


def on_own_pages(pages, parts: list[tuple[int, object]], table: int, kinds: list[str]) -> bool:
    """Whether a table's `parts` (page, box) stand on pages of their own turned on their
    side: each heads its page, and only the table's sources follow it on its last."""
    for number, _ in parts:
        placed = [block for block, *_ in placed_blocks(pages[number]._page_box)]
        if not landscape(pages[number]) or placed[0] != table:
            return False
    return all(kinds[block] == TABLE_SOURCE for block in placed[1:])


def space_left(page_box) -> float:
    """The height left empty at the foot of a page, under its last block."""
    bottom = page_box.content_box_y() + page_box.height
    return bottom - max((printed_end(box) for element, box in outer_boxes(page_box)
                         if element.get("data-block")), default=page_box.content_box_y())


def landscape(page) -> bool:
    """Whether a laid-out page is turned on its side: wider than it is high."""
    return page.width > page.height


def split_tables(placement: Placement, pages, lines: dict[int, list[tuple[int, str]]],
                 tables: list[tuple[int, int, object, float]], kinds: list[str]) -> Placement:
    """The placement with each table a page break splits leaving fewer than MIN_ROWS of its
    rows on its first page mended (the stylesheet keeps them on the last): the writer's
    paragraphs before it on that page are set a line shorter, to make room for more, or,
    where they were already, the table is kept whole; each short table split (fewer
    than SHORT_TABLE_ROWS rows) kept whole, and each table leaving only a small part of it
    on its first page set later (floated), unless it was let split after all for the hole
    whole it left (split_short). `tables`: table_parts."""
    rows: dict[int, list[tuple[int, int]]] = {}
    for number, block, box, _ in tables:
        rows.setdefault(block, []).append((number, len(body_rows(box))))
    for block, parts in rows.items():
        counts = [count for _, count in parts]
        if (len(counts) > 1 and sum(counts) < SHORT_TABLE_ROWS
                and block not in placement.short_splits):
            # A short table split: kept whole, unless that leaves a hole (split_short).
            placement = replace(placement, whole_tables=placement.whole_tables | {block})
            continue
        if (len(counts) > 1 and counts[0] * SMALL_PART < sum(counts)
                and block not in placement.short_splits
                and (later := floated(placement, pages, block, kinds))):
            placement = later
            continue
        if len(counts) < 2 or min(counts) >= MIN_ROWS:
            continue
        page = parts[0][0]
        room = frozenset(writer for writer, texts in lines.items() if writer < block
                         and any(number == page for number, _ in texts)
                         and block_element(pages, writer).get("data-lines")) \
            - placement.tightened
        if room:
            placement = replace(placement, tightened=placement.tightened | room)
        elif block not in placement.short_splits or counts[-1] < MIN_ROWS:
            placement = replace(placement, whole_tables=placement.whole_tables | {block})
    return placement


def floated(placement: Placement, pages, table: int, kinds: list[str]) -> Placement | None:
    """The placement with `table`, split at a page's foot, set whole after the running text
    of its section that follows it (set_later), as LaTeX floats a table: that text fills
    the foot of the page, the table heads the next. None where the table is taller than a
    page, where no such text follows it, or where that text would leave the page over
    MAX_EMPTY empty (it then splits as before)."""
    parts = [(page, box) for page, found in enumerate(pages)
             for element, box in outer_boxes(found._page_box)
             if element.get("data-block") == str(table)]
    first_page, first = parts[0]
    page_box = pages[first_page]._page_box
    bottom = page_box.content_box_y() + page_box.height
    # Whole, it is its last part (its title and header row again) and the rows before it.
    whole = parts[-1][1].margin_height() + sum(
        row.margin_height() for _, box in parts[:-1] for row in body_rows(box).values())
    later = set_later(placement, table, kinds, len(kinds))
    if later is None or whole + sources_height(pages, table, kinds) > page_box.height:
        return None
    order = later.ordered(len(kinds))
    moved = order[placement.ordered(len(kinds)).index(table):order.index(table)]
    filling = sum(end - start for found in pages
                  for block, _, start, end in placed_blocks(found._page_box) if block in moved)
    if bottom - first.position_y - filling > MAX_EMPTY * page_box.height:
        return None
    return replace(later, whole_tables=placement.whole_tables | {table},
                   parted_tables=placement.parted_tables | {table},
                   floated_tables=placement.floated_tables | {table})


def sources_height(pages, table: int, kinds: list[str]) -> float:
    """The height of the source and notes lines under `table`, which go with it."""
    sources = set()
    for block in range(table + 1, len(kinds)):
        if kinds[block] != TABLE_SOURCE:
            break
        sources.add(block)
    return sum(end - start for found in pages
               for block, _, start, end in placed_blocks(found._page_box) if block in sources)


def body_rows(table_box) -> dict:
    """The body rows of a table's box on a page, each once."""
    return {id(row): row for group in descendants(table_box)
            if group.element_tag == "tbody" for row in group.children}


def pulled_back(placement: Placement, pages,
                lines: dict[int, list[tuple[int, str]]]) -> Placement:
    """The placement with a last page holding no more than LONELY_LINES lines (or only a
    sign-off) brought back onto the page before, where it can be: as many of the writer's
    paragraphs on the two pages before as it holds lines, and one more, each set a line
    shorter, last first; where they were already, or without such paragraphs, the last
    figure there scaled down by the height of what the last page holds, within limits; what
    none of these brings back is joined by the last lines of the paragraph before it, so
    that the last page holds more than a leftover line or two, or else, where that would
    leave the page before too empty, comes back under the opener closed up."""
    if len(pages) < 2:
        return placement
    last = len(pages) - 1
    page_box = pages[last]._page_box
    held = sum(1 for _ in line_boxes(page_box.children[0]))
    placed = list(placed_blocks(page_box))
    signed = signed_off(placed)
    if held == 0 or (held > LONELY_LINES and not signed):
        return placement
    before = (last - 1, last - 2)
    writers = [block for block, texts in lines.items()
               if any(page in before for page, _ in texts)
               and block_element(pages, block).get("data-lines")]
    tighter = placement.tightened | frozenset(sorted(writers)[-(held + 1):])
    if tighter != placement.tightened:
        return replace(placement, tightened=tighter)
    needed = max(end for *_, end in placed) - min(start for _, _, start, _ in placed)
    return (smaller_figure(placement, pages, before, needed)
            or pushed_over(placement, pages, MAX_EMPTY_SIGNED if signed else MAX_EMPTY)
            or opener_closed(placement, pages)
            or placement)


def signed_off(placed: list[tuple[int, object, float, float]]) -> bool:
    """Whether a page's blocks are the sign-off and, after it, no more than the notes the
    text ends with and their heading: a signature apart from its letter all the same."""
    return bool(placed) and "sign-off" in classes(placed[0][1]) and all(
        "note" in classes(element) or element.tag in HEADINGS
        for _, element, _, _ in placed[1:])


def classes(element) -> set[str]:
    """The classes an element of the HTML writer's has ("note", "kept-with-next" …)."""
    return set((element.get("class") or "").split())


def smaller_figure(placement: Placement, pages, before: tuple[int, ...],
                   needed: float) -> Placement | None:
    """The placement with the last figure on the pages `before` scaled down by `needed`
    (and a fifth more: what it frees comes back a whole line at a time), within limits."""
    figures = [(block, element, number) for number in before if number >= 0
               for block, element, _, _ in placed_blocks(pages[number]._page_box)
               if element.tag == "figure"]
    if not figures:
        return None
    block, element, number = figures[-1]
    picture = picture_height(element, pages[number])
    scale = placement.scales.get(block, 1.0)
    smaller = scale * (picture - needed * 1.2) / picture if picture else 0.0
    if smaller < MIN_SCALE:
        return None
    return replace(placement, scales={**placement.scales, block: smaller})


def pushed_over(placement: Placement, pages, most_empty: float = MAX_EMPTY
                ) -> Placement | None:
    """The placement with the paragraph ending the page before the last kept with the block
    after it, so that its last WIDOWS lines (all of it, where it is too short to split, and
    the heading over it with it) go over with the last page's few lines or lone sign-off
    (as a letter's signature never stands alone on its page); a note, where those lines are
    the last note's, goes over with it whole (its heading with it where it stands under it);
    None where that would leave the page before more than `most_empty` empty."""
    last = len(pages) - 1
    page_box = pages[last - 1]._page_box
    placed = [(int(element.get("data-block")), element, box)
              for element, box in outer_boxes(page_box)
              if element.get("data-block")]
    if placed and placed[-1][0] == opening_block(pages[last]):
        return more_widows(placement, pages, most_empty)
    if len(placed) < 2:
        return None
    (_, before, heading), (block, element, box) = placed[-2:]
    kinds = classes(element)
    if element.tag != "p" or "sign-off" in kinds or block in placement.kept_with_next:
        return None  # a sign-off is never kept with the block after it
    if "note" in kinds and "note" not in classes(next(placed_blocks(pages[last]._page_box))[1]):
        return None  # a note only with the note after it
    lines = list(line_boxes(box))
    if len(lines) >= KEPT_LINES + WIDOWS:
        going = lines[-WIDOWS].position_y
    elif last >= 2 and block in (found for found, *_ in placed_blocks(pages[last - 2]._page_box)):
        return None
    else:  # the heading keeps its lines, and goes with them
        going = heading.position_y if before.tag in HEADINGS else box.position_y
    if left_empty(page_box, going) > most_empty:
        return None
    return replace(placement, kept_with_next=placement.kept_with_next | {block})


def left_empty(page_box, going: float) -> float:
    """How much of a page is left empty where what stands from `going` down goes over."""
    top, bottom = page_box.content_box_y(), page_box.content_box_y() + page_box.height
    return (bottom - going) / (bottom - top)


def opening_block(page) -> int | None:
    """The block a page's first lines are of."""
    return next((block for block, *_ in placed_blocks(page._page_box)), None)


def more_widows(placement: Placement, pages, most_empty: float = MAX_EMPTY
                ) -> Placement | None:
    """The placement with the paragraph that runs over onto the last page sending more of
    its lines over (CSS widows), so that the last page holds LONELY_LINES lines and one more;
    all of it, and the heading over it, where what is left would be too few to stand
    (base.css's orphans). Kept with the block after it, as pushed_over keeps one, it would
    keep nothing: the page before ends inside it. None where that would leave the page
    before more than `most_empty` empty, or where it is no paragraph (a list, a table, a
    sign-off), or all of it would go with too few lines on the page before it."""
    last = len(pages) - 1
    page_box = pages[last - 1]._page_box
    placed = [(int(element.get("data-block")), element, box)
              for element, box in outer_boxes(page_box) if element.get("data-block")]
    block, element, box = placed[-1]
    if element.tag != "p" or "sign-off" in classes(element):
        return None
    held = sum(1 for _ in line_boxes(pages[last]._page_box.children[0]))
    opening = next(box for element, box in outer_boxes(pages[last]._page_box)
                   if element.get("data-block") == str(block))
    over = sum(1 for _ in line_boxes(opening))
    more = LONELY_LINES + 1 - held
    if more <= 0 or placement.widows.get(block, 0) >= over + more:
        return None
    lines = list(line_boxes(box))
    if len(lines) >= KEPT_LINES + more:
        going = lines[-more].position_y
    elif len(placed) < 2 or (last >= 2 and block in (
            found for found, *_ in placed_blocks(pages[last - 2]._page_box))):
        return None
    else:  # too few would be left: all of it goes, and the heading over it with it
        _, before, heading = placed[-2]
        going = heading.position_y if before.tag in HEADINGS else box.position_y
    if left_empty(page_box, going) > most_empty:
        return None
    return replace(placement, widows={**placement.widows, block: over + more})


def opener_closed(placement: Placement, pages) -> Placement | None:
    """The placement with the opener closed up, where the second page is the last and what
    that frees on the first brings back the block opening it (a sign-off, a paragraph's last
    lines, a note; the notes after a sign-off may stay); None elsewhere. As a typesetter
    takes a little air from a short piece's head rather than send its signature, or a line
    or two, over alone."""
    if len(pages) != 2 or placement.close_opener:
        return None
    first = pages[0]._page_box
    opening = next(placed_blocks(pages[1]._page_box))
    boxes = list(outer_boxes(first))
    at = next((index for index, (element, _) in enumerate(boxes)
               if "opener" in classes(element)), None)
    ending = [end for *_, end in placed_blocks(first)]
    if at is None or not ending:
        return None
    free = first.content_box_y() + first.height - max(ending)
    return (replace(placement, close_opener=True)
            if free + closing_up(boxes, at) >= opening[3] - opening[2] else None)


def closing_up(boxes: list[tuple[object, object]], at: int) -> float:
    """How far the text under the opener (the box `at` of a page's `boxes`) rises when it is
    closed up (base.css, `.opener.close`): its top margin, half its padding under the rule,
    and its bottom margin beyond the top margin of the block after it, which it collapses
    with."""
    opener = boxes[at][1]
    following = next((box for element, box in boxes[at + 1:]
                      if element.get("data-block") or "byline" in classes(element)), None)
    beyond = opener.margin_bottom - (following.margin_top if following is not None else 0.0)
    return opener.margin_top + opener.padding_bottom / 2 + max(0.0, beyond)


def line_boxes(box) -> Iterator:
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.LineBox):
            yield child
        elif not isinstance(child, boxes.InlineBox):
            yield from line_boxes(child)


def block_element(pages, block: int):
    return next(element for page in pages for element, _ in outer_boxes(page._page_box)
                if element.get("data-block") == str(block))


def text_of(box) -> Iterator[str]:
    text = getattr(box, "text", None)
    if text is not None:
        yield text
    for child in getattr(box, "children", ()):
        yield from text_of(child)


def continued_pages(pages) -> set[int]:
    """The pages (from 0) whose first block is the rest of the last block of the page before:
    a paragraph cut by a page break."""
    blocks = [[block for block, *_ in placed_blocks(page._page_box)] for page in pages]
    return {number for number in range(1, len(blocks))
            if blocks[number] and blocks[number - 1]
            and blocks[number][0] == blocks[number - 1][-1]}
