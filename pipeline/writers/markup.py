"""The marked-up source written from a document: what an imported DOCX becomes.

The form is described in readers/markup.py; read_markup gives the written document back.
"""

from __future__ import annotations

import re

from pipeline.languages import NUMERAL, NUMERALS
from pipeline.model import (
    Block,
    Document,
    Figure,
    Heading,
    List,
    Note,
    Paragraph,
    SignOff,
    Span,
    Table,
    UnknownBlock,
)

# What a paragraph must not start with, lest it read as another block: its first mark is
# escaped. A heading, a figure, a list item ("- ", "1. ", "a. ", "(a) ", "a) ", "一、",
# "（一）"), a table row, a note, a table's caption.
OWN_NUMERAL = "|".join(f"(?:{numerals.pattern})(?={re.escape(numerals.suffix)})"
                       for numerals in NUMERALS)  # a language's own, before its "、"
BLOCK_START = re.compile(
    rf"[#!|]|-(?= )|[0-9A-Za-z]+(?=[.)] )|\((?=[0-9A-Za-z]+\) )|{OWN_NUMERAL}"
    rf"|\uff08(?=(?:{NUMERAL})\uff09)|\[(?=\^)|Table(?=: )"
)
NESTED_INDENT = "    "


def write_markup(document: Document) -> str:
    """The marked-up source of `document`: read_markup gives the document back."""
    meta = document.metadata
    # Subtitle is always written: left out, it would come back from the metadata.
    header = [f"Title: {meta.title}".rstrip(), f"Subtitle: {meta.subtitle}".rstrip()]
    if document.byline is not None:
        header.append(f"Byline: {document.byline.text}")
    blocks = ["\n".join(header), *(write_block(block, meta.images) for block in document.blocks)]
    return "\n\n".join(blocks) + "\n"


def write_block(block: Block, images: dict[int, str]) -> str:
    match block:
        case Heading():
            return f"{'#' * block.level} {escaped(block.text)}"
        case Figure():
            # An image the metadata names is left to it, so a new one named there takes effect.
            image = "" if block.image == images.get(block.number) else block.image or ""
            return f"![{write_spans(block.caption, '[]')}]({image})"
        case Paragraph():
            return unmistakable(write_spans(block.spans))
        case List():
            return write_list(block)
        case Table():
            return write_table(block)
        case SignOff():
            # A backslash ends each line kept as a line; one line alone ends with one too.
            return "\n".join(unmistakable(write_spans(line)) + "\\" for line in block.lines)
        case Note():
            return f"[^{block.label}]: {write_spans(block.spans)}"
    raise UnknownBlock(block, "the marked-up writer")


def unmistakable(text: str) -> str:
    """`text` with the mark that would make it read as another kind of block escaped."""
    start = BLOCK_START.match(text)
    if start is None:
        return text
    if start.group() in "#!|-[(\uff08":
        return "\\" + text
    return text[: start.end()] + "\\" + text[start.end() :]


def write_list(block: List, indent: str = "") -> str:
    lines = []
    for number, item in enumerate(block.items, block.start):
        lines.append(f"{indent}{marker(block, number)} {write_spans(item.spans)}")
        if item.sublist is not None:
            lines.append(write_list(item.sublist, indent + NESTED_INDENT))
    return "\n".join(lines)


def marker(block: List, number: int) -> str:
    """An item's marker; past the last letter (z) or the last of a language's numerals the
    form writes (九十九), the plain number: as in Pandoc's Markdown, only a list's first
    marker says its style and start, and a later one need only be read as a marker."""
    if not block.numbered:
        return "-"
    last = {numerals.style: numerals.last for numerals in NUMERALS} | LAST_LETTER
    if number > last.get(block.style, number):
        return f"{number}."
    before, after = block.affixes
    return f"{before}{numeral(block.style, number)}{after}"


def numeral(style: str, number: int) -> str:
    match style:
        case "decimal":
            return str(number)
        case "lower-alpha" | "upper-alpha":
            letter = chr(ord("a") + number - 1)
            return letter.upper() if style.startswith("upper") else letter
        case "lower-roman" | "upper-roman":
            return roman(number).upper() if style.startswith("upper") else roman(number)
    for numerals in NUMERALS:  # a language's own: "十一"
        if style == numerals.style:
            return numerals.numeral(number)
    raise ValueError(f"a list style the marked-up form lacks: {style!r}")


LAST_LETTER = {"lower-alpha": 26, "upper-alpha": 26}  # z


def roman(number: int) -> str:
    numerals = (("c", 100), ("xc", 90), ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5),
                ("iv", 4), ("i", 1))
    result = ""
    for numeral, value in numerals:
        while number >= value:
            result += numeral
            number -= value
    return result


def write_table(block: Table) -> str:
    def row(cells) -> str:
        return "| " + " | ".join(write_spans(cell, "|") for cell in cells) + " |"

    rule = "| " + " | ".join("---:" if numeric else "---" for numeric in block.numeric) + " |"
    table = "\n".join([row(block.header), rule, *(row(cells) for cells in block.rows)])
    # The caption as pandoc writes one: a paragraph "Table: …" before the table.
    return f"Table: {write_spans(block.caption)}\n\n{table}" if block.caption else table


def write_spans(spans: tuple[Span, ...], special: str = "") -> str:
    parts = []
    bold = italic = False
    for span in (*spans, Span("")):
        parts.append("*" * (2 * (span.bold != bold) + (span.italic != italic)))
        parts.append(f"[^{span.note}]" if span.note else escaped(span.text, special))
        bold, italic = span.bold, span.italic
    return "".join(parts)


def escaped(text: str, special: str = "") -> str:
    # "[^" would open a note reference.
    return "".join(
        "\\" + c if c in "\\*" + special or text[i : i + 2] == "[^" else c
        for i, c in enumerate(text)
    )
