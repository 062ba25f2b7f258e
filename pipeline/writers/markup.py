"""The marked-up source written from a document: what an imported DOCX becomes.

The form is described in readers/markup.py; read_markup gives the written document back.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.languages import NUMERAL, NUMERALS, PICTOGRAPH_BULLET
from pipeline.list_numbers import CIRCLED, CIRCLED_STYLE, numeral
from pipeline.model import (
    Block,
    Document,
    Figure,
    Heading,
    LineBlock,
    List,
    Metadata,
    Note,
    Paragraph,
    Quotation,
    SignOff,
    Span,
    Table,
    UnknownBlock,
    plain,
    runs,
)

# What a paragraph must not start with, lest it read as another block: its first mark is
# escaped. A heading, a figure, a list item ("- ", "1. ", "a. ", "(a) ", "a) ", "一、",
# "（一）", "1、", "① "), a table row, a note, a table's caption.
OWN_NUMERAL = "|".join(f"(?:{numerals.pattern})(?={re.escape(numerals.suffix)})"
                       for numerals in NUMERALS)  # a language's own, before its "、"
BLOCK_START = re.compile(
    rf"[#!|>]|-(?= )|(?:\d+\.)*[0-9A-Za-z]+(?=[.)] )|\((?=[0-9A-Za-z.]+\) )|{OWN_NUMERAL}"
    rf"|\uff08(?=(?:{NUMERAL})\uff09)|\d+(?=\u3001)|[{CIRCLED}](?= )|\[(?=\^[^\]]*\]:)|Table(?=: )"
)
# A pictograph and a space opening a line: a list item, alone too (`✅ item`, a list of one).
PICTOGRAPH_ITEM = re.compile(rf"{PICTOGRAPH_BULLET} ")
NESTED_INDENT = "    "
# The characters that open or close inline markup: always escaped in text.
INLINE_MARKS = "\\*^~[]<"
RAISED = {"superscript": "^", "subscript": "~"}


def write_markup(document: Document, metadata: Metadata | None = None) -> str:
    """The marked-up source of `document`: read_markup gives the document back. Given the
    metadata file's `metadata`, a title or subtitle the same as its is left to it (an empty
    `Title:`, no `Subtitle:`), so a later change to the file takes effect; else each is
    written (an empty `Subtitle:` saying there is none, where the file gives one)."""
    meta = document.metadata
    own_title = metadata is None or meta.title != metadata.title or any(
        span != Span(span.text) for span in meta.title_runs)
    header = [f"Title: {write_spans(meta.title_runs)}".rstrip() if own_title else "Title:"]
    if metadata is None or meta.subtitle != metadata.subtitle:
        header.append(f"Subtitle: {meta.subtitle}".rstrip())
    if document.byline is not None:
        header.append(f"Byline: {write_spans(document.byline.runs)}")
    # The body the text named (in its page's footer, its opener, its sign-off), which the
    # draft holds nowhere; the metadata file's is left to it.
    if meta.organisation and (metadata is None or meta.organisation != metadata.organisation):
        header.append(f"Organisation: {meta.organisation}")
    # The metadata's date, or one the text's page gave (its dateline, gone as debris); not
    # the one its sign-off gives, which reading it takes again, so that an edit to the
    # sign-off's date is the editions' (an empty `Date:` where the text is dated otherwise).
    if meta.date != document.own_date:
        header.append(f"Date: {meta.date}".rstrip())
    figures = [block for block in document.blocks if isinstance(block, Figure)]
    blocks = ["\n".join(header), *(
        write_figure(block, meta, figures.index(block) + 1) if isinstance(block, Figure)
        else write_block(block) for block in document.blocks)]
    return "\n\n".join(blocks) + "\n"


def write_figure(figure: Figure, metadata: Metadata, position: int) -> str:
    """A figure, its number written when it is not its place (a figure deleted, moved or
    added before it in the DOCX draft), its alternative text when not the metadata's."""
    # An image the metadata names is left to it, so a new one named there takes effect.
    image = "" if figure.image == metadata.images.get(figure.number) else figure.image or ""
    attributes = [f"#figure-{figure.number}"] * (figure.number != position)
    if figure.alt is not None and figure.alt != metadata.alt.get(figure.number):
        attributes.append('alt="{}"'.format(figure.alt.replace("\\", "\\\\")
                                              .replace('"', '\\"')))
    return f"![{write_spans(figure.caption)}]({image})" + (
        "{" + " ".join(attributes) + "}" if attributes else "")


def write_block(block: Block) -> str:
    match block:
        case Heading():
            return f"{'#' * block.level} {write_spans(block.runs)}"
        case Paragraph():
            return unmistakable(write_spans(block.spans))
        case Quotation():
            return f"> {write_spans(block.spans)}"
        case LineBlock():
            return "\n".join(f"| {write_spans(line)}" for line in block.lines)
        case List():
            return write_list(block)
        case Table():
            return write_table(block)
        case SignOff():
            # A backslash (pandoc's hard break) ends each line but the last, whose end needs
            # none (pandoc reads one there as an empty line); a line alone ends with one, or
            # it would read as a paragraph.
            lines = [unmistakable(write_spans(line)) for line in block.lines]
            return "\\\n".join(lines) + ("\\" if len(lines) == 1 else "")
        case Note():
            return f"[^{block.label}]: {write_spans(block.spans)}"
    raise UnknownBlock(block, "the marked-up writer")


def unmistakable(text: str) -> str:
    """`text` with the mark that would make it read as another kind of block escaped."""
    if PICTOGRAPH_ITEM.match(text):  # `🎉 Congratulations …`, a paragraph
        return "\\" + text
    start = BLOCK_START.match(text)
    if start is None:
        return text
    if start.group() in f"#!|>-[(\uff08{CIRCLED}":
        return "\\" + text
    return text[: start.end()] + "\\" + text[start.end() :]


def write_list(block: List, indent: str = "", parents: tuple[str, ...] = ()) -> str:
    """A list's items, each followed by those of the list nested in it, indented; `parents`:
    the numbers of the items it is nested in, which a compound list's markers begin with."""
    lines = []
    for number, item, own in zip(range(block.start, block.start + len(block.items)),
                                 block.items, block.own_numbers(), strict=True):
        lines.append(f"{indent}{marker(block, number, parents)} {write_spans(item.spans)}")
        if item.sublist is not None:
            lines.append(write_list(item.sublist, indent + NESTED_INDENT,
                                    (*parents, own) if own else ()))
    return "\n".join(lines)


def marker(block: List, number: int, parents: tuple[str, ...] = ()) -> str:
    """An item's marker (a compound list's after its `parents`' numbers); past the last
    letter (z) or the last of a language's numerals the form writes (九十九), the plain
    number: as in Pandoc's Markdown, only a list's first marker says its style and start,
    and a later one need only be read as a marker."""
    if not block.numbered:
        return block.marker or "-"  # a pictograph (✅) the list is bulleted with
    path = "".join(f"{parent}." for parent in parents) if block.compound else ""
    last = {numerals.style: numerals.last for numerals in NUMERALS} | LAST_NUMERAL
    if number > last.get(block.style, number):
        return f"{path}{number}."
    before, after = block.affixes
    return f"{before}{path}{numeral(block.style, number)}{after}"


LAST_NUMERAL = {"lower-alpha": 26, "upper-alpha": 26, CIRCLED_STYLE: len(CIRCLED)}  # z, ㊿


def write_table(block: Table) -> str:
    def row(cells) -> str:
        return "| " + " | ".join(write_spans(cell, "|") for cell in cells) + " |"

    rule = "| " + " | ".join("---:" if numeric else "---" for numeric in block.numeric) + " |"
    # A table with no header row, as pandoc writes one: a header row of empty cells.
    header = block.header or ((),) * block.columns
    table = "\n".join([row(header), rule, *(row(cells) for cells in block.rows)])
    # The caption as pandoc writes one: a paragraph "Table: …" before the table.
    return f"Table: {write_spans(block.caption)}\n\n{table}" if block.caption else table


def write_spans(spans: tuple[Span, ...], special: str = "") -> str:
    """Inline markup: emphasis, ^superscript^, ~subscript~, [phrase]{lang=fr},
    [underline]{.underline},
    [small capitals]{.smallcaps}, note references and links, the characters that would read
    as markup escaped (and `special` ones besides)."""
    return emphasised(pieces(spans, WRAPPERS, special), (False, False))


# What wraps a run of spans in brackets, outermost first: a link, then a phrase's language
# (pandoc's span with a `lang` attribute), then pandoc's Underline, then its SmallCaps. A
# run's value for each, and how the run is written in it.
WRAPPERS = (
    (lambda span: span.link, lambda link, inside: f"[{inside}]({destination(link)})"),
    (lambda span: span.language, lambda language, inside: f"[{inside}]{{lang={language}}}"),
    (lambda span: span.underline, lambda _, inside: f"[{inside}]{{.underline}}"),
    (lambda span: span.small_caps, lambda _, inside: f"[{inside}]{{.smallcaps}}"),
)


def pieces(spans: tuple[Span, ...], wrappers, special: str) -> list[tuple[bool, bool, str]]:
    """The spans as pieces of text each with its emphasis: a run that one of `wrappers` wraps
    as one piece, the emphasis its spans share outside its brackets and the rest inside."""
    if not wrappers:
        return [(span.bold, span.italic, written(span, special, before))
                for before, span in zip((Span(""), *spans), spans, strict=False)]
    (value_of, wrap), inner = wrappers[0], wrappers[1:]
    result = []
    for value, run in runs(spans, value_of):
        if not value:
            result += pieces(run, inner, special)
            continue
        bold, italic = all(span.bold for span in run), all(span.italic for span in run)
        if value == plain(run) and all(replace(span, text="", link="") == Span("")
                                       for span in run):
            result.append((False, False, f"<{value}>"))  # an address shown as itself
            continue
        inside = emphasised(pieces(run, inner, special), (bold, italic))
        result.append((bold, italic, wrap(value, inside)))
    return result


def written(span: Span, special: str, before: Span) -> str:
    if span.note:
        return f"[^{span.note}]"
    text = escaped(span.text, special)
    # "[^1](…" would read as a link: the parenthesis after a reference is escaped.
    if before.note and text.startswith("(") and before.formatting == span.formatting:
        text = "\\" + text
    return f"{RAISED[span.position]}{text}{RAISED[span.position]}" if span.position else text


def emphasised(pieces: list[tuple[bool, bool, str]], base: tuple[bool, bool]) -> str:
    """The pieces with asterisks switching emphasis from `base` as each asks, and back."""
    parts = []
    bold, italic = base
    for piece_bold, piece_italic, text in (*pieces, (*base, "")):
        stars = "*" * (2 * (piece_bold != bold) + (piece_italic != italic))
        if not stars and text.startswith("[") and parts and plain_mark(parts[-1], "!"):
            parts[-1] = parts[-1][:-1] + "\\!"  # "![" would open a picture
        parts.append(stars + text)
        bold, italic = piece_bold, piece_italic
    return "".join(parts)


def plain_mark(text: str, mark: str) -> bool:
    """`text` ends with `mark` not escaped by a backslash."""
    before = text[: -len(mark)] if text.endswith(mark) else None
    return before is not None and (len(before) - len(before.rstrip("\\"))) % 2 == 0


def destination(address: str) -> str:
    """A link's address as written between its parentheses: in angle brackets when it holds
    a space or a parenthesis (as CommonMark and pandoc read it)."""
    if any(character in address for character in " ()<>"):
        return "<" + address.replace("<", "%3C").replace(">", "%3E") + ">"
    return address


def escaped(text: str, special: str = "") -> str:
    """The text with each character that would read as markup after a backslash."""
    return "".join("\\" + c if c in INLINE_MARKS + special else c for c in text)
