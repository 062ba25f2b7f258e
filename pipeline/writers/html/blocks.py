"""The document's blocks as HTML, one function a block type.

Blocks are rendered here, in code, and the template only places the body (as pandoc's
writers do): a new block type is a model class, a function here and its entry in
BLOCK_WRITERS, and no layout's template has to learn it.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from jinja2.filters import do_urlencode
from markupsafe import Markup, escape

from pipeline.languages import (
    CLOSING_WISH,
    PHOTO_CREDIT,
    QUESTION,
    SYMBOL_LABEL,
    UNSPACED,
    detect,
    is_lead_in,
    profile_for,
)
from pipeline.layouts import Layout
from pipeline.model import (
    LINE_NUMBER,
    Block,
    Byline,
    Figure,
    Heading,
    LineBlock,
    List,
    ListItem,
    Note,
    Paragraph,
    Quotation,
    SignOff,
    Span,
    Table,
    UnknownBlock,
    cut,
    link_runs,
    phrased,
    plain,
)
from pipeline.writers.exchanges import opens_exchange
from pipeline.writers.flush import PARAGRAPH_NUMBER, breaks_sections
from pipeline.writers.justified import SENSE_BREAK, balance
from pipeline.writers.language_tags import compressed, given, wholly_in
from pipeline.writers.line_breaks import (
    LETTERS,
    SHORT,
    WORD_JOINER,
    LineBreaks,
    LineEnds,
    kept_together,
    unbroken,
)
from pipeline.writers.shaping import text_ems

# A table split between pages leaves at least this many rows on each page: one with fewer
# than twice as many is never split (the PDF writer's placement sees to the longer ones).
MIN_ROWS = 2
# A table's cell in a script written without spaces (Chinese) holding no more characters
# than this is set on one line, as a word is: a place name (中環——南丫島（榕樹灣）) or a
# short header (準時率), which the renderer would break between any two characters to narrow
# its column, where the columns of such cells fit the measure side by side.
UNBROKEN_CELL = 12
UNSPACED_TEXT = re.compile(f"[{UNSPACED}]")
CELL_PADDING_EMS = 0.8  # base.css: th, td, two neighbouring cells' sides, between columns
CELL_SAFETY_EMS = 0.1  # a column's share kept free of the headers: the renderer's rounding
POSITION_TAGS = {"superscript": "sup", "subscript": "sub"}
# A note's call never starts a line. WeasyPrint 70 breaks between two inline boxes where
# Pango's line breaking (UAX #14) allows a break between the last letter of the one and the
# first of the other, which it does between a full stop or comma and a figure ("rooms.¹"),
# and never beside a box holding no letter (layout/inline.py, split_inline_box): an empty
# element before the call forbids the break, so the line breaks before the word the call
# follows. A word joiner would too, but it is drawn as the font's space glyph, which the
# PDF's text reads as a space ("rooms. 1"), and takes letter spacing.
NOTE_JOINT = Markup('<span class="note-joint"></span>')
# A space right before an inline element's start tags (not an empty element's, nor a phrase's
# in another language, which its own script's rules break). WeasyPrint 70
# ends a line too early before an inline element that holds break opportunities but does not
# fit whole (a file name, a link, a phrase in italic: `indefinitely,` alone on its line; its
# issues #1614 and #2102): it looks for the break before the element and goes back past the
# words that would fit. The space moved into the element is the same break, found inside it.
# Not into a link, which would take it as its own (a Link's text, its box and underline
# opening with it): a plain <span> around the link takes it (SPACE_BEFORE_LINK).
SPACE_BEFORE_ELEMENT = re.compile(r" ((?:<(?!/)(?!a )(?![^>]*\blang=)[^>]+>)+)(?!</)")
SPACE_BEFORE_LINK = re.compile(r" (<a [^>]*>.*?</a>)", re.DOTALL)


@dataclass(frozen=True)
class Setting:
    """What a block's HTML depends on besides the block: the layout, its line breaking, the
    figures' scales, how names and headings are kept from breaking, and the attributes of a
    paragraph the writer broke into lines (its block index -> them)."""

    layout: Layout
    breaks: LineBreaks
    # A heading's text, its element and its runs of a language given: balanced.
    heading: Callable[..., Markup]
    scales: dict[int, float]
    whole_tables: frozenset[int] = frozenset()  # tables never split between pages
    parted_tables: frozenset[int] = frozenset()  # tables not kept with the paragraph before
    wide_tables: dict[int, int] = field(default_factory=dict)  # steps set narrower, by table
    yielding_tables: frozenset[int] = frozenset()  # tables whose bindings yield (LineBreaks)
    # The body rows opening each page after the first of a table sharing its rows evenly
    balanced_tables: dict[int, tuple[int, ...]] = field(default_factory=dict)
    close_headings: frozenset[int] = frozenset()  # headings set closer to the text above
    kept_with_next: frozenset[int] = frozenset()  # paragraphs kept with the block after them
    widows: dict[int, int] = field(default_factory=dict)  # paragraphs' last lines kept together
    # (list block, item number, "next" or "previous"): items kept with their neighbour
    kept_items: frozenset[tuple[int, int, str]] = frozenset()
    split_lists: frozenset[int] = frozenset()  # lists whose items holding lists may split
    split_line_blocks: frozenset[int] = frozenset()  # lines kept as lines that may split
    spread: dict[int, float] = field(default_factory=dict)  # paragraphs' space added under them
    # Paragraphs' space under them and headings' over them, closed up (CSS pixels)
    squeezed: dict[int, float] = field(default_factory=dict)
    line_attributes: Callable[[int, Sequence[str]], Markup] = (
        lambda index, declarations: style_attribute(declarations))
    referenced: frozenset[str] = frozenset()  # the notes the text refers to
    flush: frozenset[int] = frozenset()  # paragraphs set at the left, without an indent
    greetings: frozenset[int] = frozenset()  # a letter's greetings (writers/flush.py)
    table_sources: frozenset[int] = frozenset()  # a table's source or unit line after it
    attributions: frozenset[int] = frozenset()  # a displayed quotation's, under it
    lead_ins: frozenset[int] = frozenset()  # paragraphs leading in to the next ("… said:")
    # A heading's text as the running heads set it, on one line (running_heads.py).
    running_head: Callable[[str], str] = str
    # The ems of a cell's text (bold: a header's), or a list's label, as the renderer sets it
    # in the body's faces, where they are measured (the PDF writer's); else text_ems'
    # reckoning, a little wider.
    cell_ems: Callable[[str, bool], float] = lambda text, bold: text_ems(text)


def body(blocks: list[tuple[Block, str | None, int]], setting: Setting) -> Markup:
    """Every block, each with its anchor and its index in the model, in the order given."""
    return Markup("").join(block_html(block, anchor, index, setting)
                           for block, anchor, index in blocks)


def block_html(block: Block, anchor: str | None, index: int, setting: Setting) -> Markup:
    writer = BLOCK_WRITERS.get(type(block))
    if writer is None:
        raise UnknownBlock(block, "the HTML writer")
    return writer(block, anchor, index, setting)


def spans(items: tuple[Span, ...], index: int | tuple[int, int], setting: Setting,
          hyphenate: bool = True) -> Markup:
    """Inline text: emphasis, superscripts and subscripts, underline and small capitals, a
    phrase's language, links,
    note references, and running text broken as the layout breaks it (hyphenated where
    `hyphenate` allows). A link is one <a> where the layout has links; elsewhere (print) the
    document's links have their addresses after their words already
    (model.Document.with_addresses)."""
    texts = [span for span in items if not span.note]
    # The span holding the block's last word, which is never hyphenated, and whose last
    # letters a language may keep together.
    last = next((span for span in reversed(texts) if LETTERS.search(span.text)),
                texts[-1] if texts else None)
    parts = []
    number = 0  # each span's place in the block, as the line breaker numbers them
    for link, run in link_runs(items):
        linked = []
        for span in run:
            linked.append(inline(span, index, number, span is last, setting, hyphenate))
            number += 1
        text = Markup("").join(linked)
        if link and setting.layout.links:
            text = Markup('<a href="{}">{}</a>').format(link, text)
        parts.append(text)
    joined = Markup("").join(parts)
    if setting.breaks.lines.get(index) is not None:
        return joined  # the writer's lines, each measured as it stands
    spaced = SPACE_BEFORE_ELEMENT.sub(r"\1 ", str(joined))
    return Markup(SPACE_BEFORE_LINK.sub(r"<span> \1</span>", spaced))


def inline(span: Span, index: int, number: int, last: bool, setting: Setting,
           hyphenate: bool) -> Markup:
    """One span: a note's reference, or text in its emphasis and position."""
    if span.note:
        mark = (Markup('<a href="#{}">{}</a>').format(note_anchor(span.note), span.text)
                if setting.layout.links else escape(span.text))
        # The first reference to a note is where the note's own link leads back to. The
        # empty element before it keeps it with the word before, where the renderer breaks
        # the lines (NOTE_JOINT).
        return NOTE_JOINT + Markup('<sup class="note-ref" id="{}">{}</sup>').format(
            reference_anchor(span.note), mark)
    breaks = setting.breaks.within(span.language) if span.language else setting.breaks
    text = breaks.running(span.text, index, number, last, hyphenate, in_link=bool(span.link))
    if span.position:
        text = Markup("<{0}>{1}</{0}>").format(Markup(POSITION_TAGS[span.position]), text)
    if span.small_caps:
        text = Markup('<span class="small-caps">{}</span>').format(text)
    if span.underline:
        text = Markup("<u>{}</u>").format(text)
    if span.italic:
        text = Markup("<em>{}</em>").format(text)
    if span.bold:
        text = Markup("<strong>{}</strong>").format(text)
    if span.language:  # the phrase's language, which the tagged editions speak it in
        text = given(text, span.text, span.language)
    return text


def heading(block: Heading, anchor: str | None, index: int, setting: Setting) -> Markup:
    tag = f"h{min(block.level + 1, 6)}"
    close = Markup(' class="close"') if index in setting.close_headings else Markup("")
    if index in setting.squeezed:
        close += Markup(' style="margin-top: {}px"').format(f"{setting.squeezed[index]:.2f}")
    # A section's heading, which the running heads name (base.css), says how they name it.
    running = (Markup(' data-running="{}"').format(setting.running_head(block.text))
               if tag == "h2" else Markup(""))
    return Markup('<{0} id="{1}" data-block="{2}"{4}{5}>{3}</{0}>\n').format(
        Markup(tag), anchor, index, setting.heading(block.text, tag, block.spans), close,
        running)


def figure(block: Figure, anchor: str | None, index: int, setting: Setting) -> Markup:
    pdfx = setting.layout.is_pdfx
    attributes = Markup(' data-block="{}"').format(index)
    if not block.image:
        attributes += Markup(' class="{}"').format("awaiting-picture" if pdfx else "no-picture")
    if index in setting.scales:
        attributes += Markup(' style="width: {}%"').format(f"{setting.scales[index] * 100:.1f}")
    lines = [Markup("<figure{}>\n").format(attributes)]
    if block.image:
        lines.append(Markup('<img src="{}" alt="{}">\n').format(do_urlencode(block.image),
                                                                block.alternative_text(
                                                                    setting.breaks.language)))
    elif pdfx:  # the box says so, in CSS generated content (base.css)
        lines.append(Markup('<div class="placeholder" data-label="{}"></div>\n').format(
            block.to_come(setting.breaks.language)))
    lines.append(Markup("<figcaption>{}</figcaption>\n</figure>\n").format(
        spans(credit_bound(block.caption), index, setting, hyphenate=False)))
    return Markup("").join(lines)


# A caption's credit closing it (`… June 2024. Photo: Lena Ford`), of a few words: set whole
# on one line, no break parting the photographer's name, nor leaving `Ford` alone on the
# caption's last line.
CLOSING_CREDIT = re.compile(rf"(?:(?<=[.!?] )|^)(?:{PHOTO_CREDIT.pattern})$", re.IGNORECASE)
MAX_BOUND_CREDIT_WORDS = 4


def credit_bound(caption: tuple[Span, ...]) -> tuple[Span, ...]:
    """The caption with the words of the short credit closing it bound by no-break spaces."""
    found = CLOSING_CREDIT.search(caption[-1].text) if caption else None
    if found is None or len(found.group().split()) > MAX_BOUND_CREDIT_WORDS:
        return caption
    last = caption[-1]
    return (*caption[:-1], replace(last, text=last.text[:found.start()]
                                   + found.group().replace(" ", "\u00a0")))


def paragraph(block: Paragraph, anchor: str | None, index: int, setting: Setting) -> Markup:
    """A paragraph; one wholly in another language than the document's (an English one in a
    Chinese text) in that language, as its lines are broken and its words hyphenated."""
    classes = " ".join(name for name, chosen in (
        ("flush", index in setting.flush), ("greeting", index in setting.greetings),
        ("numbered-paragraph", bool(PARAGRAPH_NUMBER.match(block.text))),
        ("exchange", opens_exchange(block)),
        ("section-break", breaks_sections(block)),
        ("table-source", index in setting.table_sources),
        ("of-wide-table", sourced_table(index, setting.table_sources) in setting.wide_tables),
        ("attribution", index in setting.attributions),
        ("lead-in", index in setting.lead_ins),
        ("closing-wish", index + 1 in setting.flush
         and bool(CLOSING_WISH.fullmatch(block.text.strip()))),
        ("kept-with-next", index in setting.kept_with_next)) if chosen)
    other = wholly_in(block.text, setting.breaks.language) if setting.breaks.finds_phrases \
        else None
    if other is not None:
        setting = replace(setting, breaks=setting.breaks.within(other.tag))
    # The space under it opened up (spread) or closed up (squeezed), and its last lines kept
    # together (widows), by the PDF's placement.
    placed = [*(f"{side}: {chosen[index]:.2f}px" for side, chosen in (
        ("padding-bottom", setting.spread), ("margin-bottom", setting.squeezed))
        if index in chosen), *([f"widows: {setting.widows[index]}"]
                               if index in setting.widows else [])]
    return Markup('<p data-block="{}"{}{}{}>{}</p>\n').format(
        index, Markup(' lang="{}"').format(other.tag) if other else Markup(""),
        Markup(' class="{}"').format(classes) if classes else Markup(""),
        setting.line_attributes(index, placed), spans(block.spans, index, setting))


def quotation(block: Quotation, anchor: str | None, index: int, setting: Setting) -> Markup:
    """A displayed quotation: its paragraph in a blockquote, which the tagged editions tag
    BlockQuote; ragged right (base.css), so never hyphenated, as a display is set."""
    return Markup('<blockquote class="quotation" data-block="{}"><p>{}</p></blockquote>\n'
                  ).format(index, spans(block.spans, index, setting, hyphenate=False))


def table_sources(blocks: Sequence[Block]) -> frozenset[int]:
    """The paragraphs right after a table saying where its figures come from or what they
    count in ("Source: audited accounts", "資料來源：…"), or a note a symbol labels that its
    cells call ("† Organised visits only"), one after another: set with the table, in its
    notes' type, as a table's source line and footnotes are."""
    found: set[int] = set()
    table = None
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            table = block
        elif index and isinstance(block, Paragraph) and (
                isinstance(blocks[index - 1], Table) or index - 1 in found) and (
                detect(block.text).is_table_note(block.text.strip())
                or called(SYMBOL_LABEL.match(block.text), table)):
            found.add(index)
    return frozenset(found)


def sourced_table(index: int, sources: frozenset[int]) -> int | None:
    """The table whose source line (or note) block `index` is (table_sources), or None."""
    if index not in sources:
        return None
    while index in sources:
        index -= 1
    return index


def called(label, table: Table) -> bool:
    """Whether a note's symbol `label` (a match) is called in a cell of `table`."""
    return label is not None and any(label.group(1) in text for text in table.texts)


def lead_ins(blocks: Sequence[Block]) -> frozenset[int]:
    """The paragraphs that lead in to a paragraph, a displayed quotation or lines kept as
    lines after them, ending with a colon ("Councillor Mark Hensby, Leader of the Council,
    said:", "他表示："), or in a verb of contacting over the contact lines ("For more
    information, please contact", "如有查詢，請聯絡": is_lead_in), or asking an interview's
    question ("Q: Will I lose pay?", "問：…"): kept with its first lines (base.css), as a
    lead-in is with its list."""
    return frozenset(index for index, (block, after) in enumerate(itertools.pairwise(blocks))
                     if isinstance(block, Paragraph)
                     and isinstance(after, Paragraph | Quotation | LineBlock)
                     and (is_lead_in(block.text) or QUESTION.match(block.text)))


def list_block(block: List, anchor: str | None, index: int, setting: Setting) -> Markup:
    return list_html(block, index, setting, Markup(' data-block="{}"').format(index),
                     numbering=itertools.count()) + "\n"


# The class of a list whose numbers are written otherwise than its style's usual way, by the
# model's marker (model.MARKERS): base.css gives its wider labels a wider indent.
MARKER_NAMES = {"(%)": "in-parentheses", "%)": "with-parenthesis",
                "\uff08%\uff09": "in-full-width-parentheses",
                "%\u3001": "with-ideographic-comma", "%": "bare"}
# A full-width mark ending a label (一、, （一）) holds its own space before the item's text.
FULL_WIDTH_ENDS = ("\u3001", "\uff09")
# The widest labels every layout's list indent holds, in ems: a list whose labels are wider
# (（十一）, 1.2.1.) says how wide, for a layout whose indent is a whole number of characters
# (a Chinese one) to widen it rather than hang the labels in the margin.
INDENT_EMS = 2


def list_html(block: List, index: int, setting: Setting, attributes: str = "",
              depth: int = 0, parents: tuple[str, ...] = (),
              numbering: Iterator[int] | None = None) -> Markup:
    """A list nested `depth` lists deep (0 for a block), its nested lists in its items;
    `parents`: the numbers of the items it is nested in, which a compound list's numbers
    begin with (2.1.). Each item's label, as the model numbers it, is its `data-label`,
    which base.css sets before its text (writers/pdf/list_labels.py says why). `numbering`
    numbers the items of the list block in the order they are read, nested ones too, as
    the placement names the items it keeps with their neighbours."""
    numbering = numbering if numbering is not None else itertools.count()
    attributes = Markup(attributes)
    tag = Markup("ol" if block.numbered else "ul")
    if block.numbered:
        attributes += Markup(' class="{}{}"').format(
            block.style, f" {MARKER_NAMES[block.marker]}" if block.marker else "")
        labels = [shown_label(label, True) for label in block.labels(depth, parents)]
        widest = max(map(label_ems, labels), default=0)
        if widest > INDENT_EMS:
            attributes += Markup(' data-label-ems="{}"').format(widest)
        if depth and labels and profile_for(setting.breaks.language).words_spaced:
            # A nested list's widest label starts where the text of the item above does,
            # whatever the labels' widths (1.1, 2.2.1, (a), (ii)), as Typst and InDesign nest
            # a list in its item's text: its indent is that label's width in the body's
            # faces (reckoned: a fixed indent sets 2.2.1 about 1 mm in, (a) in). A
            # language on a grid of characters widens its indents by whole characters
            # (chinese.css).
            hung = max(setting.cell_ems(label, False) for label in labels)
            attributes += Markup(' style="padding-left: {}em"').format(f"{hung:.3f}")
        if block.start != 1:
            attributes += Markup(' start="{}"').format(block.start)
    owns = [(*parents, own) if block.numbered else () for own in block.own_numbers()]
    items = []
    for item, label, own in zip(block.items, block.labels(depth, parents), owns, strict=True):
        number = next(numbering)
        lined = (index, number) in setting.breaks.lines  # on its grid, broken by the writer
        nested = list_html(item.sublist, index, setting, depth=depth + 1, parents=own,
                           numbering=numbering) if item.sublist else Markup("")
        items.append(Markup('<li data-label="{}"{}{}>{}{}</li>\n').format(
            shown_label(label, block.numbered),
            item_class(index, number, item, setting),
            grid_attributes(setting.breaks.lines[(index, number)]) if lined else "",
            spans(item.spans, (index, number) if lined else index, setting),
            # No line feed after it in an item keeping its line feeds (chinese.css).
            nested.rstrip("\n") if lined else nested))
    return Markup("<{0}{1}>\n{2}</{0}>\n").format(tag, attributes, Markup("").join(items))


def style_attribute(declarations: Sequence[str]) -> Markup:
    """A style attribute of `declarations`; none for none."""
    return Markup(' style="{}"').format("; ".join(declarations)) if declarations else Markup("")


def grid_attributes(ends: LineEnds) -> Markup:
    """A paragraph or list item the writer broke on its grid (Chinese): how many lines, and
    which of them (from 0) it left short, before a long address; the PDF writer spreads
    each other line to the measure (writers/pdf/justification.py)."""
    short = " ".join(str(line) for line, end in enumerate(sorted(ends))
                     if ends[end].startswith(SHORT))
    return Markup(' data-lines="{}" data-grid{}').format(
        len(ends) + 1, Markup(' data-short="{}"').format(short) if short else "")


def item_class(index: int, number: int, item: ListItem, setting: Setting) -> Markup:
    """The class of item `number` of list block `index`: kept with the next item or the one
    before (base.css), or split between its nested items or after its own text, as the
    placement asks; where its own text leads in to its nested list (`… to fall:`), never
    after it."""
    names = [f"kept-with-{side}" for side in ("next", "previous")
             if (index, number, side) in setting.kept_items]
    if item.sublist and index in setting.split_lists:
        names.append("split")
        if is_lead_in(item.text):
            names.append("lead-in")
    return Markup(' class="{}"').format(" ".join(names)) if names else Markup("")


def grid_indents(block: List, depth: int = 0, parents: tuple[str, ...] = (),
                 outer: int = 0) -> Iterator[tuple[ListItem, int]]:
    """Each item of a list on a grid of characters (Chinese), nested ones after their
    parent, in the order list_html numbers them, with the whole characters its text stands
    in by (chinese.css: two a list, or its widest label's)."""
    labels = block.labels(depth, parents)
    widest = max(map(label_ems, map(functools.partial(shown_label, numbered=True), labels)),
                 default=0) if block.numbered else 0
    indent = outer + max(INDENT_EMS, widest)
    owns = [(*parents, own) if block.numbered else () for own in block.own_numbers()]
    for item, own in zip(block.items, owns, strict=True):
        yield item, indent
        if item.sublist:
            yield from grid_indents(item.sublist, depth + 1, own, indent)


def shown_label(label: str, numbered: bool) -> str:
    """A label as set before its item's text: a number followed by a space, unless it ends
    with a full-width mark, which holds its own (一、, （一）); a bullet by a no-break space,
    the gap a bullet's marker has always left."""
    if not numbered:
        return label + "\u00a0"
    return label if label.endswith(FULL_WIDTH_ENDS) else label + " "


def label_ems(label: str) -> int:
    """How many ems a label, as set, may take, rounded up."""
    return math.ceil(round(text_ems(label), 6))


def css_string(value: str) -> Markup:
    """A CSS string literal for a <style> element, where HTML escaping does not apply:
    anything but letters, digits, spaces and hyphens becomes a CSS escape."""
    escaped = "".join(
        char if char.isalnum() or char in " -" else f"\\{ord(char):x} " for char in value
    )
    return Markup(f'"{escaped}"')


def table(block: Table, anchor: str | None, index: int, setting: Setting) -> Markup:
    numeric = block.numeric
    yielding = (yielding_columns(block, wide_measure(setting.layout, setting.wide_tables.get(
        index, 0)), setting.breaks.language, setting.cell_ems)
        if index in setting.yielding_tables else frozenset())
    yielded = replace(setting, breaks=replace(setting.breaks, yielding=True))
    headers, unbroken = header_lines(block, setting.layout, setting.cell_ems,
                                     setting.wide_tables.get(index, 0))
    bracketed = bracketed_columns(block, numeric)
    head = Markup("").join(
        Markup('<th scope="col"{}>{}</th>').format(
            cell_class(numeric[column], column in headers
                       or len(unbroken.get((-1, column), ())) == 1),
            header_cell(cell, headers.get(column), unbroken.get((-1, column)), index, setting)
            + hung_bracket(cell, bracketed.get(column)))
        if heads(cell) else EMPTY_CELL
        for column, cell in enumerate(block.header))
    totals = block.total_rows
    opening = setting.balanced_tables.get(index, ())
    labels = label_columns(block)
    rows = Markup("").join(
        Markup("<tr{}>{}</tr>\n").format(
            row_class(number in totals, number in opening),
            Markup("").join(table_cell(worded(figure_bound(cell) if column in labels else cell,
                                              unbroken.get((number, column))), index,
                                       yielded if column in yielding else setting,
                                       numeric[column],
                                       row_header=column == 0 and not numeric[0],
                                       unbroken=len(unbroken.get((number, column), ())) == 1,
                                       bracket=bracketed.get(column))
                            for column, cell in enumerate(row)))
        for number, row in enumerate(block.rows))
    whole = index in setting.whole_tables or len(block.rows) < 2 * MIN_ROWS
    wide = setting.wide_tables.get(index, 0)
    classes = " ".join(name for name, chosen in (("whole", whole),
                                                 ("parted", index in setting.parted_tables),
                                                 (f"wide-{wide}", wide > 0),
                                                 ("balanced", bool(opening)))
                       if chosen)
    attribute = Markup(' class="{}"').format(classes) if classes else Markup("")
    # The title and the header row, repeated over each page's part; a table with no header
    # row (Table.header) has none, the title alone, or no head at all.
    heading = title_row(block, index, setting) + (
        Markup("<tr>{}</tr>\n").format(head) if block.header else Markup(""))
    return Markup('<table data-block="{}"{}>\n{}<tbody>\n{}</tbody>\n{}</table>\n').format(
        index, attribute, Markup("<thead>\n{}</thead>\n").format(heading) if heading else "",
        rows, foot_row(block))


def row_class(total: bool, opens_page: bool) -> Markup:
    """A body row's class attribute: a totals row; a row opening a page of a table sharing
    its rows evenly among its pages (base.css: table.balanced)."""
    names = " ".join(name for name, chosen in (("total", total), ("opens-page", opens_page))
                     if chosen)
    return Markup(' class="{}"').format(names) if names else Markup("")


def foot_row(block: Table) -> Markup:
    """A table's foot: an empty row whose rule (base.css) closes the table and, as the
    renderer repeats a foot under each page's part, every part of a table split over pages,
    as LaTeX's longtable sets its \\endfoot and InDesign its repeated footer rows. It holds
    nothing to read: the tag tree leaves it out (writers/pdf/structure_tree.py)."""
    return Markup('<tfoot>\n<tr><td colspan="{}"></td></tr>\n</tfoot>\n').format(
        block.columns)


def header_cell(cell: tuple[Span, ...], lines: tuple[str, ...] | None,
                words: tuple[str, ...] | None, index: int, setting: Setting) -> Markup:
    """A header cell's text: in the `lines` header_lines chose, each kept whole (base.css:
    th.unbroken) and ended by a balancing break, which parts no words (the space before it
    stays where its words are spaced); else as unbroken_cells parted it into `words`."""
    if lines is None:
        return spans(worded(cell, words), index, setting, hyphenate=False)
    pieces, rest = [], cell
    for line in lines:
        piece, rest = cut(rest, len(line))
        pieces.append(spans(piece, index, setting, hyphenate=False))
    return BALANCING_BREAK.join(pieces)


# A heading's or a header cell's line broken to balance its lines: where its words are
# spaced, the space before it keeps them apart for a reader of the text; Chinese, spaced by
# nothing, is read across it (writers/pdf/line_ends.py).
BALANCING_BREAK = Markup('<br class="balancing">')


def header_lines(block: Table, layout: Layout,
                 ems: Callable[[str, bool], float] = lambda text, bold: text_ems(text),
                 step: int = 0,
                 ) -> tuple[dict[int, tuple[str, ...]], dict[tuple[int, int], tuple[str, ...]]]:
    """Each column's header (by column) in the lines it is set in, and the body's cells
    kept whole (whole_labels, unbroken_cells), as a typesetter sets a table's column heads:
    the columns given the width their headers need before the body's; the head row as few
    lines deep as the measure allows, each header broken only between its words (a header
    written without spaces where its language's marks show them, `label_breaks`), never a
    word hyphenated or split, its lines balanced, ending on no word leading into the next
    (`of`, `for`) and leaving no word alone where they can (justified.balance, as headings
    are broken); set deeper, up to HEADER_DEPTH lines, where that keeps the body's cells
    whole (with_whole_cells); then the room left over going to the headers that take the
    fewest more ems a line saved (`Target for 2025–26` whole where it fits). A head row
    deeper than HEADER_DEPTH lines is set HEADER_DEPTH deep, wider than the measure: the
    placement sets the table a `step` smaller, or on a turned page, as a typesetter fits a
    wide table, until it can go no smaller. `ems`: how wide a text is set (bold: a
    header's). A header's lines hold its whole text, spaces kept before each break. No
    header is set where even a word a line does not fit: the renderer breaks them."""
    measure = wide_measure(layout, step) - padding(block)
    smaller = step < len(WIDE_SIZES) - 1
    settings = {column: header_settings(plain(cell), ems)
                for column, cell in enumerate(block.header) if plain(cell).strip()}
    body = body_widths(block, ems)
    deepest = max((len(lines) for options in settings.values() for lines, _ in options),
                  default=0)
    for depth in range(1, deepest + 1):
        chosen = shallowest(settings, depth)
        if depth > HEADER_DEPTH and smaller:
            # Too wide: only what costs the columns no width is set on fewer lines.
            deep = shallowest(settings, HEADER_DEPTH)
            return lines_of(fewer_lines(deep, settings, body, width_of(deep, body))), {}
        if width_of(chosen, body) <= measure:
            chosen, whole = with_whole_cells(block, wide_measure(layout, step), settings,
                                             depth, ems, smaller)
            for (_, column), parts in whole.items():
                body[column] = max(body.get(column, 0.0), *(ems(part, False) for part in parts))
            return lines_of(fewer_lines(chosen, settings, body, measure)), whole
    return {}, whole_labels(block, wide_measure(layout, step), ems=ems) | unbroken_cells(
        block, wide_measure(layout, step), smaller=smaller, ems=ems)


# A table's header row deeper than this is too deep to stack its headers in: a typesetter
# sets the table smaller, or turns it.
HEADER_DEPTH = 3
# The type of a table a step smaller (base.css: table.wide-1, …, table.wide-3), each step.
WIDE_SIZES = (1.0, 0.9, 0.8, 0.7)


def wide_measure(layout: Layout, step: int) -> float:
    """The measure, in ems of the body, of a table set `step`s smaller (WIDE_SIZES); in a
    layout whose type is never smaller (large print), on a page turned on its side (its
    style.css: @page wide), as wide as the page is tall less the side margins."""
    page = layout.page
    if step and layout.smallest_type_pt:
        return (page.height_mm - page.margin_left_mm - page.margin_right_mm) / 25.4 * 72 \
            / layout.body_size_pt
    return page.measure_mm / 25.4 * 72 / layout.body_size_pt / WIDE_SIZES[step]


def with_whole_cells(block: Table, measure: float,
                     settings: dict[int, list[tuple[tuple[str, ...], float]]], depth: int,
                     ems: Callable[[str, bool], float], smaller: bool = False,
                     ) -> tuple[dict, dict]:
    """The headers at least `depth` lines deep, and no deeper than HEADER_DEPTH where the
    body's cells are then kept whole (the columns' labels of words, whole_labels; the cells
    written without spaces, unbroken_cells), as few as that takes: a head row a line deeper
    costs the table one line, a label broken a line in every row it is broken in. Returns
    them and the cells kept whole, each with its parts. `smaller`: whether the table can
    still be set smaller (unbroken_cells)."""
    labelled = len(label_columns(block))
    found: list[tuple[tuple[int, int], int, dict, dict]] = []
    for deeper in range(depth, max(depth, HEADER_DEPTH) + 1):
        chosen = shallowest(settings, deeper)
        labels = whole_labels(block, measure, lines_of(chosen), ems)
        rank, cells = parted_cells(block, measure, lines_of(chosen), smaller, ems)
        wrapped = labelled - len({column for _, column in labels})
        found.append(((wrapped, rank), deeper, chosen, labels | cells))
    _, _, chosen, whole = min(found, key=lambda each: each[:2])
    return chosen, whole


def shallowest(settings: dict[int, list[tuple[tuple[str, ...], float]]],
               depth: int) -> dict[int, tuple[tuple[str, ...], float]]:
    """Each header in its narrowest setting of at most `depth` lines."""
    return {column: min((option for option in options if len(option[0]) <= depth),
                        key=lambda option: option[1])
            for column, options in settings.items()}


def lines_of(chosen: dict[int, tuple[tuple[str, ...], float]]) -> dict[int, tuple[str, ...]]:
    return {column: lines for column, (lines, _) in chosen.items()}


def padding(block: Table) -> float:
    """The ems a table's cells are padded with across it (base.css: th, td), and a little
    more a column for the renderer's rounding."""
    columns = block.columns
    return CELL_PADDING_EMS * (columns - 1) + CELL_SAFETY_EMS * columns


def header_settings(text: str, ems: Callable[[str, bool], float],
                    ) -> list[tuple[tuple[str, ...], float]]:
    """A header's text set in one line, two, three…, each as balance() breaks it, but those
    leaving a word that leads into the next alone on a line: (its lines, the widest line's
    ems)."""
    words = header_words(text)
    spaced = " " in text or not UNSPACED_TEXT.search(text)
    weak = detect(text).unending_words if spaced else frozenset()
    ends = list(itertools.accumulate(len(word) for word in words))

    def line(first: int, last: int) -> str:
        return "".join(words[first:last + 1])

    def width(first: int, last: int) -> float:
        # A line ended by a break keeps its space before it, as the renderer sets it.
        return ems(line(first, last) if last < len(words) - 1 else line(first, last).strip(),
                   True)

    found = []
    for count in range(1, len(words) + 1):
        lasts = [] if count == 1 else balance(
            len(words), count, width, math.inf,
            frozenset(index for index, end in enumerate(ends[:-1])
                      if SENSE_BREAK.search(text[:end].rstrip())),
            frozenset(index for index, word in enumerate(words[:-1])
                      if word.strip().casefold() in weak))
        if lasts is None:
            continue
        bounds = list(zip([0, *(last + 1 for last in lasts)], [*lasts, len(words) - 1],
                          strict=True))
        lines = tuple(line(first, last) for first, last in bounds)
        # A line of a word leading into the next alone (`Target / for / 2025–26`) is none.
        if not any(each.strip().casefold() in weak for each in lines):
            found.append((lines, max(width(first, last) for first, last in bounds)))
    return found


def header_words(text: str) -> list[str]:
    """A header's words, each with the spaces after it (so that they make its text again):
    parted at its spaces, or where written without them, where its language's marks show
    (`label_breaks`)."""
    if " " in text or not UNSPACED_TEXT.search(text):
        return re.findall(r"[^ ]+ *| +", text)
    return list(label_words(text))


def body_widths(block: Table, ems: Callable[[str, bool], float]) -> dict[int, float]:
    """The ems of each column's widest word or figure in the table's body, which never
    breaks (a character of a cell written without spaces; a label's last word with the
    figure bound to it, figure_bound)."""
    widths: dict[int, float] = {}
    labels = label_columns(block)
    for row in block.rows:
        for column, cell in enumerate(row):
            text = plain(figure_bound(cell) if column in labels else cell)
            widths[column] = max(widths.get(column, 0.0), 0.0,
                                 *(ems(piece, False) for piece in unbroken_words(text)))
    return widths


def yielding_columns(block: Table, measure: float, language: str,
                     ems: Callable[[str, bool], float]) -> frozenset[int]:
    """The columns of a table still wider than the measure at its smallest whose body's
    cells give up what their lines prefer to keep together (LineBreaks.yielding): those whose
    widest piece held so (`HK$2,500,000–HK$3,000,000`, `n ≥ 400`) is wider than what is left
    of it then, the one that narrows most first, until the columns fit `measure` (ems of the
    body: wide_measure), as a typesetter breaks a range in the column too narrow for it and
    leaves the others whole; one at least, the renderer having found the table too wide."""
    bound = held_widths(block, language, ems, yielding=False)
    loose = held_widths(block, language, ems, yielding=True)
    total = sum(bound.values()) + padding(block)
    chosen: set[int] = set()
    for column in sorted(bound, key=lambda column: loose[column] - bound[column]):
        if (chosen and total <= measure) or loose[column] >= bound[column]:
            break
        chosen.add(column)
        total -= bound[column] - loose[column]
    return frozenset(chosen)


def held_widths(block: Table, language: str, ems: Callable[[str, bool], float],
                yielding: bool) -> dict[int, float]:
    """The ems of each column's widest piece that never breaks, its header's words and its
    body's pieces as the line breaker holds them together (kept_together), `yielding` or
    not: a break falls at a space or after a range's dash with no word joiner after it."""
    widths = {column: max((ems(word, True) for word in unbroken_words(plain(cell))),
                          default=0.0) for column, cell in enumerate(block.header)}
    for row in block.rows:
        for column, cell in enumerate(row):
            held = kept_together(plain(cell), language, False, yielding)
            pieces = re.split(f" (?!{WORD_JOINER})|(?<=\u2013)(?!{WORD_JOINER})", held)
            widths[column] = max(widths.get(column, 0.0), 0.0,
                                 *(ems(piece.replace(WORD_JOINER, ""), False)
                                   for piece in pieces))
    return widths


def width_of(chosen: dict[int, tuple[tuple[str, ...], float]], body: dict[int, float]) -> float:
    """The ems the columns take with their headers `chosen` over the body."""
    return sum(max(body.get(column, 0.0), chosen[column][1] if column in chosen else 0.0)
               for column in set(body) | set(chosen))


def fewer_lines(chosen: dict[int, tuple[tuple[str, ...], float]],
                settings: dict[int, list[tuple[tuple[str, ...], float]]],
                body: dict[int, float], measure: float) -> dict:
    """The headers `chosen` set on fewer lines while the measure holds them, the setting
    costing the fewest ems a line saved first (none where the body is wider anyway)."""
    chosen = dict(chosen)
    while True:
        room = measure - width_of(chosen, body)
        costs = []
        for column, (lines, widest) in chosen.items():
            for option in settings[column]:
                saved = len(lines) - len(option[0])
                cost = max(option[1], body.get(column, 0.0)) \
                    - max(widest, body.get(column, 0.0))
                if saved > 0 and cost <= room:
                    costs.append((cost / saved, -saved, column, option))
        if not costs:
            return chosen
        _, _, column, option = min(costs, key=lambda each: each[:3])
        chosen[column] = option


def worded(cell: tuple[Span, ...], words: tuple[str, ...] | None) -> tuple[Span, ...]:
    """A cell set in several words, each never broken within (unbroken_cells)."""
    return joined_words(cell, words) if words and len(words) > 1 else cell


def title_row(block: Table, index: int, setting: Setting) -> Markup:
    """A table's title, as the first row of its head: the renderer repeats the head over the
    table's rest on each later page, where a <caption> stands on its first page only, so
    the title goes on with it, saying so ("(continued)", "（續）"), as a typesetter sets a
    table's continuation. The PDF writer takes that word off the first page's title
    (writers/pdf/table_titles.py), and makes the title the table's Caption in the tags. A
    data cell, not a header cell: it heads no column, and is set as a caption, not as the
    header cells are (bold, and in Chinese in the Hei alone). Its bracket is compressed
    against a mark closing the title (`（2024-25年度）（續）`), as the title's own are."""
    if not block.caption:
        return Markup("")
    continued = block.continued(setting.breaks.language)
    return Markup('<tr class="title"><td colspan="{}"><div><div class="caption">{}'
                  '<span class="continued">{}{}</span></div></div></td></tr>\n').format(
        block.columns, spans(block.caption, index, setting, hyphenate=False),
        # Never alone on a line: taken off the first page, it would leave the line empty.
        WORD_JOINER, compressed(continued, detect(continued), before=plain(block.caption)))


# A figure closing a label (`Harbour Road Depot 2`), the space before it.
CLOSING_FIGURE = re.compile(r"(?<=\S) (?=\d+[A-Za-z]?$)")


def figure_bound(cell: tuple[Span, ...]) -> tuple[Span, ...]:
    """A label's cell with the figure closing it bound to the word before it by a no-break
    space, as the house style binds a number to its noun: a column too narrow for the label
    wraps it before that word, never leaving the figure alone on the label's last line."""
    if not cell:
        return cell
    last = cell[-1]
    return (*cell[:-1], replace(last, text=CLOSING_FIGURE.sub("\u00a0", last.text)))


def heads(cell: tuple[Span, ...]) -> bool:
    """Whether a cell in a header's place is a header cell: it holds a header's text. An
    empty one (the top-left corner over the rows' labels) heads nothing and is written a
    data cell, tagged a TD: PDF/UA-1 (7.5) asks header cells tagged as ISO 32000-1's
    Table 337 defines a TH, a cell "containing header text", and WebAIM's WAVE (its empty
    table header rule) makes an empty top-left cell a <td>; as a TH, a screen reader
    announced a blank column head. WeasyPrint gives a TD no /ID, so no cell's /Headers
    names it."""
    return bool(plain(cell).strip())


# An empty cell where a header would stand (heads).
EMPTY_CELL = Markup("<td></td>")


def table_cell(cell: tuple[Span, ...], index: int, setting: Setting, numeric: bool,
               row_header: bool, unbroken: bool, bracket: str | None = None) -> Markup:
    shown = spans(cell, index, setting, hyphenate=False)
    if row_header and heads(cell):
        return Markup('<th scope="row"{}>{}</th>').format(cell_class(False, unbroken), shown)
    return Markup("<td{}>{}</td>").format(cell_class(numeric, unbroken),
                                          shown + hung_bracket(cell, bracket))


def bracketed_columns(block: Table, numeric: tuple[bool, ...]) -> dict[int, str]:
    """The columns of figures (`numeric`, the table's) holding a figure in brackets, as
    accounts write a negative one (`(21,300)`, `（9,870）`), each with its closing bracket:
    their brackets hang, the other figures ending where its digits end."""
    found = {}
    for column in (column for column, figures in enumerate(numeric) if figures):
        closings = [text[-1] for row in block.rows if (text := plain(row[column]).strip())
                    and text[0] in OPENING_BRACKETS and text[-1] in CLOSING_BRACKETS]
        if closings:
            found[column] = closings[0]
    return found


OPENING_BRACKETS, CLOSING_BRACKETS = "(\uff08", ")\uff09"


def hung_bracket(cell: tuple[Span, ...], bracket: str | None) -> Markup:
    """After a figure (or heading) of a column whose negative figures stand in brackets
    (`bracket`, the closing one; None for a column with none), and which ends in none, a
    closing bracket set but not shown (base.css: .bracket-room): room for the one the others
    hang, so digits align on the right."""
    text = plain(cell).strip()
    if not bracket or not text or text[-1] in CLOSING_BRACKETS:
        return Markup("")
    return Markup('<span class="bracket-room" aria-hidden="true">{}</span>').format(bracket)


def cell_class(numeric: bool, unbroken: bool) -> Markup:
    names = " ".join(name for name, chosen in (("numeric", numeric), ("unbroken", unbroken))
                     if chosen)
    return Markup(' class="{}"').format(names) if names else Markup("")


def unbroken_cells(block: Table, measure: float,
                   headers: dict[int, tuple[str, ...]] | None = None, smaller: bool = False,
                   ems: Callable[[str, bool], float] = lambda text, bold: text_ems(text),
                   ) -> dict[tuple[int, int], tuple[str, ...]]:
    """(row, column) of the cells of a script written without spaces (row -1: the header
    row), each with the parts it is set in, never broken within (none over UNBROKEN_CELL
    characters): the first of these that fits the table to the measure. Each cell whole, on
    one line; else the header's cells, and the longer of the others, in the words their
    language's marks show (`label_breaks`: 二〇二三至 / 二四年度, 屯門—— / 東涌); else every
    cell so, within `measure` (ems of the body: wide_measure). Where even that is too wide,
    and the table can be set `smaller`, the cells their marks part so still, the table wider
    than the measure: the placement sets it smaller (fitted_tables), as a head row too deep,
    never a word broken (沙螺 / 灣, as the renderer breaks them), a cell no mark parts broken
    as any Chinese text is; at its smallest, none. A column is as wide as its widest part
    that never breaks: such a cell's, or a figure or word of another cell; a header set in
    `headers`' lines (header_lines), as wide as its widest line. `ems`: how wide a text is
    set (bold: a header's), as header_lines measures the heads: the parts measured
    narrower than set had let a table pass the measure."""
    return parted_cells(block, measure, headers, smaller, ems)[1]


def parted_cells(block: Table, measure: float,
                 headers: dict[int, tuple[str, ...]] | None = None, smaller: bool = False,
                 ems: Callable[[str, bool], float] = lambda text, bold: text_ems(text),
                 ) -> tuple[int, dict[tuple[int, int], tuple[str, ...]]]:
    """unbroken_cells, after how many of CELL_PARTINGS they are parted (as many as there
    are where none fits the measure): the fewer, the more cells stand whole."""
    headers = headers or {}
    texts = {(number, column): plain(cell)
             for number, row in [(-1, block.header), *enumerate(block.rows)]
             for column, cell in enumerate(row) if not (number == -1 and column in headers)}
    unspaced = {cell: text for cell, text in texts.items()
                if text and " " not in text and UNSPACED_TEXT.search(text)}
    for rank, parted in enumerate(CELL_PARTINGS):
        parted_texts = {cell: parted(cell, text) for cell, text in unspaced.items()}
        parts = {cell: words for cell, words in parted_texts.items()
                 if all(len(word) <= UNBROKEN_CELL for word in words)}
        widest = {column: max(ems(line, True) for line in lines)
                  for column, lines in headers.items()}
        for cell, text in texts.items():
            pieces = parts.get(cell) or ([text[:1]] if cell in unspaced else text.split())
            widest[cell[1]] = max(widest.get(cell[1], 0.0), 0.0,
                                  *(ems(piece, cell[0] == -1) for piece in pieces))
        if sum(widest.values()) + padding(block) <= measure:
            return rank, parts
    # None fits: the cells its marks part in the finest parting (CELL_PARTINGS' last).
    return len(CELL_PARTINGS), {cell: words for cell, words in parts.items()
                                if smaller and len(words) > 1}


def whole_labels(block: Table, measure: float,
                 headers: dict[int, tuple[str, ...]] | None = None,
                 ems: Callable[[str, bool], float] = lambda text, bold: text_ems(text),
                 ) -> dict[tuple[int, int], tuple[str, ...]]:
    """(row, column) of the labels of words (`Cleaning and caretaking`, `Riverside Water`)
    of the columns kept whole, each on one line, as a typesetter gives each column the width
    its longest label needs before wrapping any: the columns of the shortest labels first,
    while they and the other columns' widest words and figures fit `measure` (ems of the
    body: wide_measure) side by side, only those of the longest left to wrap (the renderer
    had shared the room out by the cells' lengths, and broken short names where a column of
    figures' header had room to spare). The headers set first keep their lines (`headers`,
    header_lines), their columns as wide as their widest. `ems`: how wide a text is set
    (bold: a header's)."""
    headers = headers or {}
    narrowest = {column: max([*(ems(word, True) for word in unbroken_words(plain(cell))),
                              *(ems(line, True) for line in headers.get(column, ()))],
                             default=0.0)
                 for column, cell in enumerate(block.header)}
    for column, width in body_widths(block, ems).items():
        narrowest[column] = max(narrowest.get(column, 0.0), width)
    labels = label_columns(block)
    natural = {column: max(narrowest[column], *(ems(text, False) for text in texts))
               for column, texts in labels.items()}
    kept: dict[int, float] = {}
    for column in sorted(labels, key=lambda column: natural[column]):
        widths = narrowest | kept | {column: natural[column]}
        if sum(widths.values()) + padding(block) > measure:
            break
        kept[column] = natural[column]
    return {(number, column): (text,) for column in kept
            for number, row in enumerate(block.rows)
            if column < len(row) and " " in (text := plain(row[column])).strip()}


def label_columns(block: Table) -> dict[int, list[str]]:
    """The columns of words (not figures) holding a label of several words, each with its
    body's texts."""
    found = {}
    for column, figures in enumerate(block.numeric):
        texts = [plain(row[column]) for row in block.rows if column < len(row)]
        if not figures and any(" " in text.strip() for text in texts):
            found[column] = texts
    return found


def unbroken_words(text: str) -> list[str]:
    """A text's pieces that never break: its words, parted at its spaces alone (a no-break
    space holds `20\u00a0April` together); a character of a text written without spaces."""
    if text and " " not in text and UNSPACED_TEXT.search(text):
        return [text[:1]]
    return text.split(" ")


def label_words(text: str) -> tuple[str, ...]:
    """A short label parted where its language lets one break (Profile.label_breaks)."""
    breaks = detect(text).label_breaks
    return tuple(re.split(breaks, text)) if breaks else (text,)


# How a table's cells written without spaces may be parted, (row, column) and text given:
# the most kept together first (unbroken_cells).
CELL_PARTINGS = (
    lambda cell, text: (text,),
    lambda cell, text: label_words(text) if cell[0] == -1 or len(text) > UNBROKEN_CELL
    else (text,),
    lambda cell, text: label_words(text),
)


def joined_words(cell: tuple[Span, ...], words: tuple[str, ...]) -> tuple[Span, ...]:
    """A cell's spans with a word joiner within each of its `words` wherever a character
    written without spaces stands beside another (the renderer's break opportunities), so it
    breaks between the words alone; none between marks (the dash's halves, ——, stay one)."""
    ends = set(itertools.accumulate(len(word) for word in words))
    text = plain(cell)
    joined, offset = [], 0
    for span in cell:
        parts = []
        for place, char in enumerate(span.text, offset):
            parts.append(char)
            following = text[place + 1:place + 2]
            if following and place + 1 not in ends and (
                    UNSPACED_TEXT.match(char) or UNSPACED_TEXT.match(following)):
                parts.append(WORD_JOINER)
        offset += len(span.text)
        joined.append(replace(span, text="".join(parts)))
    return tuple(joined)


def sign_off(block: SignOff, anchor: str | None, index: int, setting: Setting) -> Markup:
    return kept_lines(block.lines, "sign-off", index, setting)


def line_block(block: LineBlock, anchor: str | None, index: int, setting: Setting) -> Markup:
    """Lines kept as lines, set apart (an address); a label's numbered lines (附件：1.…)
    hanging from their label."""
    if not block.label:
        return kept_lines(block.lines, "lines", index, setting)
    label, first = cut(block.lines[0], len(block.label))
    # Where the language's paragraphs start their first line: a letter's enclosures at the
    # left, a Chinese notice's attachments two characters in (GB/T 9704: 左空二字).
    indent = profile_for(setting.breaks.language).paragraph_indent
    return kept_lines((first, *block.lines[1:]), "lines", index, setting, label,
                      f' style="margin-left: {indent}em"')


def kept_lines(lines: tuple[tuple[Span, ...], ...], kind: str, index: int,
               setting: Setting, label: tuple[Span, ...] = (),
               style: str = "") -> Markup:
    """Lines kept as lines: one paragraph of the class `kind`, a line break between; kept
    with the block after it where the placement says (a notice's attachments, over its
    signature on the last page), or let split (base.css: a contact's long block, which whole
    left a page too empty). Lines a `label` heads hang from it, each under the first
    (numbered_line), as GB/T 9704 (7.3.5) sets a notice's attachments."""
    if label:
        joined = Markup('<span class="numbered-lines">{}</span>').format(Markup("").join(
            numbered_line(heading, line, index, setting)
            for heading, line in zip((label, *((),) * (len(lines) - 1)), lines, strict=True)))
    else:
        joined = Markup("<br>").join(spans(line, index, setting, hyphenate=False)
                                     for line in lines)
    kept = " kept-with-next" if index in setting.kept_with_next else ""
    split = " split" if index in setting.split_line_blocks else ""
    return Markup('<p class="{}{}{}" data-block="{}"{}>{}</p>\n').format(
        kind, kept, split, index, Markup(style), joined)


def numbered_line(label: tuple[Span, ...], line: tuple[Span, ...], index: int,
                  setting: Setting) -> Markup:
    """A label's numbered line, in three columns: the `label` (the first line's alone), the
    number, and what it names, so that each number stands under the first and a name too
    long for the line wraps under its own first character (GB/T 9704, 7.3.5:
    与上一行附件名称的首字对齐), not under the number (base.css: .numbered-lines)."""
    number, name = cut(line, len(LINE_NUMBER.match(plain(line)).group()))
    return Markup('<span class="numbered"><span class="label">{}</span>'
                  '<span class="number">{}</span><span class="name">{}</span></span>').format(
        *(spans(part, index, setting, hyphenate=False) for part in (label, number, name)))


def note(block: Note, anchor: str | None, index: int, setting: Setting) -> Markup:
    """A note, its label linking back to its first reference where the text has one (a
    link to nothing is a Link holding no annotation, ISO 32000-1 14.8.4.4.2)."""
    label = (Markup('<a href="#{}">{}</a>').format(reference_anchor(block.label), block.label)
             if setting.layout.links and block.label in setting.referenced
             else escape(block.label))
    kept = Markup(" kept-with-next") if index in setting.kept_with_next else Markup("")
    return Markup('<p class="note{}" id="{}" data-block="{}"><span class="note-label">{} '
                  "</span>{}</p>\n").format(kept, note_anchor(block.label), index, label,
                                             spans(block.spans, index, setting))


def note_anchor(label: str) -> str:
    """The id of note `label`, where its references link to."""
    return f"note-{label}"


def reference_anchor(label: str) -> str:
    """The id of the first reference to note `label`, where the note links back to."""
    return f"note-ref-{label}"


BLOCK_WRITERS: dict[type, Callable[[Block, str | None, int, Setting], Markup]] = {
    Heading: heading,
    Figure: figure,
    Paragraph: paragraph,
    Quotation: quotation,
    LineBlock: line_block,
    List: list_block,
    Table: table,
    SignOff: sign_off,
    Note: note,
}


def byline_html(byline: Byline | None, setting: Setting) -> Markup:
    """The byline under the opener: the name (bold), its honours and the role, or the role
    first where the byline's language writes it so; a phrase of either whose language its
    author gave, in it."""
    if byline is None:
        return Markup("")
    language = setting.breaks.language
    name, role = (in_runs(phrased(part, byline.phrases), language)
                  for part in (byline.name, byline.role))
    honours = Markup("").join(Markup('{}<span class="honours">{}</span>').format(before, honour)
                              for before, honour in byline.separated_honours)
    # A bilingual page's byline in its other language, on a line of its own under it.
    parallel = Markup('<br><span class="parallel">{}</span>').format(
        in_runs((Span(byline.parallel),), language)) if byline.parallel else ""
    if byline.role_first:
        return Markup('<p class="byline"><span class="role">{}</span> <span class="name">{}'
                      "</span>{}{}</p>\n").format(role, name, honours, parallel)
    role = Markup('<br><span class="role">{}</span>').format(role) if byline.role else ""
    return Markup('<p class="byline"><span class="name">{}</span>{}{}{}</p>\n').format(
        name, honours, role, parallel)


def in_runs(runs: tuple[Span, ...], language: str) -> Markup:
    """Text that takes no formatting (a heading, the title, the byline) in runs, never
    breaking a compound, each run whose language its author gave in that language."""
    return Markup("").join(
        given(unbroken(run.text, run.language), run.text, run.language) if run.language
        else unbroken(run.text, language) for run in runs)
