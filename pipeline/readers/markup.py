r"""The marked-up source: `source/<name>.md`, read in preference to `source/<name>.txt`.

Its structure is written out, so nothing is guessed. The pipeline writes it (writers/markup.py) when
it reads back an edited DOCX; anyone may also write or edit it by hand:

    Title: Director's Review
    Subtitle: Annual Report 2024
    Byline: Benson KWOK Joon-fung, IDSM, Director of Immigration

    The year 2024 marked the *75th anniversary* of the founding of the **PRC**.

    # A new headquarters

    On 11 June, the new Immigration Headquarters
    opened in Tseung Kwan O.

    ![The new headquarters in Tseung Kwan O](photos/headquarters.jpg)

    ## Serving the public

- The **header** is the "Key: value" lines at the very top, up to the first blank line. The keys
  are Title, Subtitle and Byline (`Name, HONOURS, Role`), each optional. A key left out takes
  the title or subtitle from `source/<name>.toml`, else the title from the file name; a key
  with no value ("Subtitle:") means none. Values are plain text. To start a file without a
  header with a line like "Note: ...", leave the first line blank.
- Then **blocks**, separated by blank lines:
  - `# Heading` is a section heading; `## Heading` a heading one level down, and so on.
  - `![Caption](image.png)` is a figure and its caption, on one line. The image is named
    relative to `source/` and must be there; `![Caption]()` takes the image from the
    metadata's `[images]`, by the figure's number (or has none). Figures are numbered in
    order from 1; their alternative text comes from the metadata's `[alt]`.
  - `- item` lines are a bulleted list, `1. item` lines a numbered one (`a.`, `i.`, `A.`,
    `I.` for letters and roman numerals, `一、` Chinese; `(a)`, `a)` and `（一）` for numbers
    written so; the first item's number is the list's start). An item indented by two
    spaces or more beyond the item before is nested in it, to any depth; a line without a
    marker carries on its item.
  - Lines starting with `|` are a table: its header row, a rule (`| --- | ---: |`), then its
    rows; write `\|` for a `|` inside a cell. A paragraph `Table: caption` just before it
    is its caption, as in pandoc.
  - Lines each ending with a backslash are the sign-off, its lines kept as lines.
  - `[^1]: text` is note 1, and `[^1]` in the text refers to it.
  - Anything else is a paragraph; its lines join with a space.
- In paragraphs and captions, `*italic*`, `**bold**` and `***bold italic***`: each run of one,
  two or three asterisks switches italic, bold or both on or off, and all must be off again
  by the end of the block. Headings are plain: emphasis marked in a heading is not kept.
- A backslash makes the next character plain text: `\*` `\\` `\#` `\!` `\[` `\]` `\|` `\-`
  `\.` `\(` `\)` `\（` `\:` (write `\]` for a `]` inside a caption, and escape the mark
  that would make a paragraph read as another block: `\#`, `\!`, `\|`, `\- `, `1\. `,
  `\(a) `, `a\) `, `\（一）`, `Table\: `). A backslash before any other character is itself
  plain text.
- Typography follows the house style: quotes are curled, numbers bound to their words, and so
  on, exactly as for a `.txt` source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.languages import NUMERAL, NUMERAL_MARKER
from pipeline.model import (
    Block,
    Document,
    Figure,
    Heading,
    List,
    ListItem,
    Metadata,
    Note,
    Paragraph,
    SignOff,
    Span,
    Table,
    plain,
)
from pipeline.readers.cleaning import clean_line, clean_spans
from pipeline.readers.front_matter import parse_byline, title_from_name
from pipeline.readers.metadata import image_path
from pipeline.readers.numbering import list_numbering

HEADER_KEYS = ("Title", "Subtitle", "Byline")
HEADER_LINE = re.compile(r"([A-Za-z]+):(.*)")
HEADING_MARK = re.compile(r"(#+)(?: |$)")
FIGURE_IMAGE = re.compile(r"\((.*)\)")
ESCAPABLE = "*\\#![]|-.、()\uff08:"
# A marker and a space; a language's own, as Chinese writes it, with none needed: "一、",
# "（一）".
LIST_ITEM = re.compile(
    rf"( *)((?:-|\(?(?:\d+|[a-zA-Z]|[ivxlcIVXLC]+)[.)])(?= )"
    rf"|{NUMERAL_MARKER}|\uff08(?:{NUMERAL})\uff09) ?(.*)"
)
CAPTION = re.compile(r"Table: (.*)")
NOTE = re.compile(r"\[\^([^\]\s]+)\]:\s*(.*)")
NOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")
TABLE_RULE = re.compile(r"\|?(\s*:?-{3,}:?\s*\|)*\s*:?-{3,}:?\s*\|?")
NESTED = 2  # spaces before a nested item's marker, at least


@dataclass(frozen=True)
class Chunk:
    """Lines between blank lines, and the number of the first in the file."""

    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)

    def line_at(self, offset: int) -> int:
        """The file's line number of a character of `text`."""
        starts = list(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=0))
        return self.line + bisect_right(starts, offset) - 1


def read_markup(text: str, path: Path, metadata: Metadata, source_dir: Path) -> Document:
    """The document written in `text`, the contents of the marked-up source `path`."""
    chunks = split_chunks(text)
    header: dict[str, str] = {}
    if chunks and chunks[0].line == 1 and HEADER_LINE.fullmatch(chunks[0].lines[0]):
        header = read_header(chunks.pop(0), path)
    metadata = replace(
        metadata,
        title=header.get("Title") or metadata.title or title_from_name(path.stem),
        subtitle=header.get("Subtitle", metadata.subtitle),
    )
    byline = parse_byline(header["Byline"]) if header.get("Byline") else None
    return Document(path.stem, metadata, byline, read_blocks(chunks, path, metadata, source_dir))


def split_chunks(text: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    lines: list[str] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            lines.append(line.rstrip())
        elif lines:
            chunks.append(Chunk(number - len(lines), tuple(lines)))
            lines = []
    return chunks


def read_header(chunk: Chunk, path: Path) -> dict[str, str]:
    header: dict[str, str] = {}
    for number, line in enumerate(chunk.lines, start=chunk.line):
        match = HEADER_LINE.fullmatch(line)
        if not match:
            raise at(path, number, "not a 'Key: value' line; the header ends at a blank line")
        key = match.group(1).capitalize()
        if key not in HEADER_KEYS:
            raise at(
                path,
                number,
                f"unknown header key {match.group(1)!r}; the keys are {', '.join(HEADER_KEYS)}"
                " (leave the first line blank to start without a header)",
            )
        if key in header:
            raise at(path, number, f"{key} given twice")
        header[key] = clean_line(match.group(2))
    return header


def read_blocks(
    chunks: list[Chunk], path: Path, metadata: Metadata, source_dir: Path
) -> tuple[Block, ...]:
    blocks: list[Block] = []
    index = 0
    while index < len(chunks):
        chunk = chunks[index]
        index += 1
        if HEADING_MARK.match(chunk.text):
            blocks.append(read_heading(chunk, path))
        elif chunk.text.startswith("!["):
            number = len([block for block in blocks if isinstance(block, Figure)]) + 1
            blocks.append(read_figure(chunk, number, path, metadata, source_dir))
        elif NOTE.match(chunk.text):
            blocks.append(read_note(chunk, path))
        elif chunk.text.startswith("|"):
            blocks.append(read_table(chunk, path))
        elif (caption := CAPTION.fullmatch(chunk.lines[0])) and (
                chunk.lines[1:2] or chunks[index:index + 1] and chunks[index].text[:1] == "|"):
            table = Chunk(chunk.line + 1, chunk.lines[1:])
            if not table.lines:
                table, index = chunks[index], index + 1
            blocks.append(replace(read_table(table, path),
                                  caption=read_spans(caption.group(1), chunk, path, offset=7)))
        elif LIST_ITEM.fullmatch(chunk.lines[0].strip()):
            blocks.append(read_list(chunk, path))
        elif all(kept_break(line) for line in chunk.lines):
            blocks.append(SignOff(tuple(
                read_spans(line.strip()[:-1], chunk, path) for line in chunk.lines)))
        elif spans := read_spans(chunk.text, chunk, path):
            blocks.append(Paragraph(spans))
    return tuple(blocks)


def kept_break(line: str) -> bool:
    """The line ends with a backslash of its own, not an escaped one."""
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


def read_note(chunk: Chunk, path: Path) -> Note:
    label, first = NOTE.match(chunk.text).groups()
    return Note(label, read_spans(first, chunk, path, offset=chunk.text.index(first)))


def read_table(chunk: Chunk, path: Path) -> Table:
    rows = [line.strip() for line in chunk.lines]
    if len(rows) < 2 or not TABLE_RULE.fullmatch(rows[1]):
        raise at(path, chunk.line, "a table is a header row, a rule (| --- |), then rows")
    table = [cells(row) for row in (rows[0], *rows[2:])]
    width = len(table[0])
    for number, row in enumerate(table[1:], chunk.line + 2):
        if len(row) != width:
            raise at(path, number, f"a row of {len(row)} cells in a table of {width} columns")
    header, *body = [tuple(read_spans(cell, chunk, path) for cell in row) for row in table]
    return Table(header, tuple(body))


def cells(row: str) -> list[str]:
    r"""A table row's cells: between its `|`s, not at an escaped `\|`."""
    parts = re.split(r"(?<!\\)\|", row.strip())
    return [part.strip() for part in parts[1:-1 if row.endswith("|") else None]]


def read_list(chunk: Chunk, path: Path) -> List:
    """The list in a chunk: each item at least two spaces further in than the item before
    is nested in it; an item no further in carries on the list of the items like it."""
    levels: list[tuple[int, list]] = []  # indent, and the items: (marker, lines, nested)
    for line in chunk.lines:
        item = LIST_ITEM.fullmatch(line)
        if item is None:
            levels[-1][1][-1][1].append(line.strip())
            continue
        indent = len(item.group(1))
        while len(levels) > 1 and indent < levels[-1][0]:
            levels.pop()
        if levels and indent >= levels[-1][0] + NESTED:
            nested = levels[-1][1][-1][2]
            levels.append((indent, nested))
        elif not levels:
            levels.append((indent, []))
        levels[-1][1].append((item.group(2), [item.group(3)], []))
    return built_list(levels[0][1], chunk, path)


def built_list(items: list, chunk: Chunk, path: Path) -> List:
    marks = [mark for mark, *_ in items]
    style, start = list_numbering([re.sub(r"[\W_]", "", mark) for mark in marks])
    return List(
        tuple(ListItem(read_spans(" ".join(lines), chunk, path),
                       built_list(nested, chunk, path) if nested else None)
              for _, lines, nested in items),
        style,
        start,
        marker_form(marks[0]),
    )


def marker_form(mark: str) -> str:
    """How a list's marks write their numbers (model.MARKERS): "(%)" for "(a)", "%)" for
    "a)", "（%）" for "（一）", "" for "a." and "一、"."""
    if mark.startswith(("(", "\uff08")):
        return f"{mark[0]}%{mark[-1]}"
    return "%)" if mark.endswith(")") else ""


def read_heading(chunk: Chunk, path: Path) -> Heading:
    one_line(chunk, path, "a heading")
    marks = HEADING_MARK.match(chunk.text).group(1)
    text = plain(read_spans(chunk.text[len(marks) :], chunk, path, offset=len(marks)))
    if not text:
        raise at(path, chunk.line, "a heading with no text")
    return Heading(text, len(marks))


def read_figure(
    chunk: Chunk, number: int, path: Path, metadata: Metadata, source_dir: Path
) -> Figure:
    one_line(chunk, path, "a figure")
    line = chunk.text
    end = caption_end(line)
    if end is None:
        raise at(path, chunk.line, "unterminated '![': a figure is ![caption](image)")
    image = FIGURE_IMAGE.fullmatch(line[end + 1 :])
    if image is None:
        raise at(
            path,
            chunk.line,
            "a figure is ![caption](image) alone on its line"
            " (write \\! to start a paragraph with !)",
        )
    caption = read_spans(line[2:end], chunk, path, offset=2)
    named = image.group(1).strip()
    return metadata.figure(number, caption,
                           figure_image(named, chunk, path, source_dir) if named else None)


def caption_end(line: str) -> int | None:
    """Where the caption of "![caption](image)" ends: its first `]` not after a backslash."""
    index = 2
    while index < len(line):
        if line[index] == "\\":
            index += 2
        elif line[index] == "]":
            return index
        else:
            index += 1
    return None


def figure_image(named: str, chunk: Chunk, path: Path, source_dir: Path) -> str:
    try:
        return image_path(named, source_dir, path)
    except PipelineError as error:
        raise at(path, chunk.line, error.problem) from None


def one_line(chunk: Chunk, path: Path, what: str) -> None:
    if len(chunk.lines) > 1:
        raise at(path, chunk.line, f"{what} takes one line; leave a blank line after it")


def read_spans(text: str, chunk: Chunk, path: Path, offset: int = 0) -> tuple[Span, ...]:
    """The spans of inline markup: asterisks switch emphasis, a backslash escapes."""
    spans: list[Span] = []
    characters: list[str] = []
    on = {"bold": False, "italic": False}
    switched_on = {}  # where each emphasis was last switched on, for the error
    index = 0
    while index < len(text):
        character = text[index]
        reference = NOTE_REFERENCE.match(text, index) if character == "[" else None
        if character == "\\" and index + 1 < len(text) and text[index + 1] in ESCAPABLE:
            characters.append(text[index + 1])
            index += 2
        elif reference is not None:
            spans.append(Span("".join(characters), on["bold"], on["italic"]))
            label = reference.group(1)
            spans.append(Span(label, on["bold"], on["italic"], note=label))
            characters = []
            index = reference.end()
        elif character == "*":
            stars = len(text[index:]) - len(text[index:].lstrip("*"))
            if stars > 3:
                raise at(path, chunk.line_at(offset + index), too_many_asterisks(stars))
            spans.append(Span("".join(characters), on["bold"], on["italic"]))
            characters = []
            for name in ("bold",) * (stars >= 2) + ("italic",) * (stars != 2):
                on[name] = not on[name]
                switched_on[name] = offset + index
            index += stars
        else:
            characters.append(character)
            index += 1
    for name in ("bold", "italic"):
        if on[name]:
            raise at(
                path,
                chunk.line_at(switched_on[name]),
                f"{name} switched on here is never switched off (write \\* for an asterisk)",
            )
    spans.append(Span("".join(characters)))
    return clean_spans(spans)


def too_many_asterisks(stars: int) -> str:
    return f"{stars} asterisks in a row; emphasis takes 1 to 3 (write \\* for an asterisk)"


def at(path: Path, line: int, problem: str) -> PipelineError:
    return PipelineError(path, f"line {line}: {problem}")
