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
  are Title, Subtitle, Byline (`Name, HONOURS, Role`), Organisation and Date (`2025-03-03`,
  `2025-03` or `2025`), each optional. A key left out takes the title or subtitle from
  `source/<name>.toml`, else the title from the file name; a key with no value ("Subtitle:")
  means none. A date or an organisation in `source/<name>.toml` is taken over the header's,
  which carries one the text gave (a press release's line over its headline, a page's
  footer naming its body, dropped). The title and the byline are inline text as a
  heading is (a phrase's language kept: `Title: Visit of [la Région]{lang=fr}`); the
  subtitle is plain text. To start a file without a
  header with a line like "Note: ...", leave the first line blank.
- Then **blocks**, separated by blank lines:
  - `# Heading` is a section heading; `## Heading` a heading one level down, and so on.
  - `![Caption](image.png)` is a figure and its caption, on one line. The image is named
    relative to `source/` and must be there; `![Caption]()` takes the image from the
    metadata's `[images]`, by the figure's number (or has none). Figures are numbered in
    order from 1, unless one says its number: `![Caption](){#figure-3}` (a figure keeps
    the number it was first given when others are deleted, moved or added in the DOCX
    draft). Their alternative text comes from the metadata's `[alt]`, unless one gives its
    own: `{alt="A heron on the weir"}` (write `\\"` for a quote in it).
  - `- item` lines are a bulleted list, and so are lines each opened by the same pictograph
    and a space (`✅ item`: the list's own bullet, which the editions print), one alone too;
    a paragraph opening with a pictograph and a space escapes it (`\\🎉 Congratulations …`),
    as the writer writes one. `1. item` lines a numbered one (`a.`, `i.`, `A.`,
    `I.` for letters and roman numerals, `aa.` after `z.` as Word counts, `一、` Chinese;
    `(a)`, `a)` and `（一）` for numbers
    written so; the first item's number is the list's start). An item indented by two
    spaces or more beyond the item before is nested in it, to any depth; a line without a
    marker carries on its item.
  - Lines starting with `|` are a table: its header row, a rule (`| --- | ---: |`), then its
    rows; write `\|` for a `|` inside a cell. A paragraph `Table: caption` just before it
    is its caption, as in pandoc.
  - Lines broken by a backslash at their end (pandoc's hard break) are the sign-off, its
    lines kept as lines; a line without one joins the next with a space, as in a paragraph,
    so the last line needs none. In a heading, list item or note, which hold no lines of their
    own, a hard break joins the lines as a space does.
  - `[^1]: text` is note 1, and `[^1]` in the text refers to it; a reference to a note the
    text does not hold stays as written, as pandoc prints it. A line opening a note opens a
    new one even right after another note's lines, with no blank line between (as pandoc
    reads them); any other line carries on the note before.
  - Lines each opened by `>` and a space are a displayed quotation (one paragraph of it, as
    pandoc's block quotation); its lines join with a space.
  - Lines each opened by `| ` (a bar and a space) and no table's rule under the first are a
    line block, kept as lines (pandoc's: an address).
  - Anything else is a paragraph; its lines join with a space.
- In paragraphs and captions, `*italic*`, `**bold**` and `***bold italic***`: each run of one,
  two or three asterisks switches italic, bold or both on or off, and all must be off again
  by the end of the block (or of the brackets, superscript or subscript they are switched in).
  `^6^` is a superscript and `~2~` a subscript, as pandoc writes them (no space inside; `~~`
  is two tildes); `[text](https://…)` is a link, `[text](<address with spaces>)` too, and
  `<https://…>` an address shown as itself; an address written out in full (`https://…`)
  is a link anyway. `[words]{.underline}` (or `{.ul}`) is underlined and
  `[words]{.smallcaps}` in small capitals, as pandoc reads them (one class each: nest them,
  `[[words]{.smallcaps}]{.underline}`, for both). Headings are plain: emphasis marked in a
  heading is not kept (a phrase's language is), and its raised and lowered figures become
  Unicode's (`CO~2~` is `CO₂`).
- A backslash makes the next character plain text: `\*` `\\` `\#` `\!` `\[` `\]` `\|` `\-`
  `\.` `\(` `\)` `\（` `\:` `\^` `\~` `\<`. The writer escapes every `*`, `[`, `]`, `^`,
  `~` and `<` in text, a `(` right after a note's reference, and the mark that would make a
  paragraph read as another block (`\#`, `\!`, `\|`, `\- `, `1\. `, `\(a) `, `a\) `,
  `\（一）`, `Table\: `). A backslash before any other character is itself plain text.
- Typography follows the house style: quotes are curled, numbers bound to their words, and so
  on, exactly as for a `.txt` source.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path

from pipeline.errors import PipelineError, excerpt
from pipeline.languages import (
    LANGUAGE_TAG,
    NBSP,
    NUMERAL,
    NUMERAL_MARKER,
    PICTOGRAPH_BULLET,
    joined_lines,
    line_joins,
)
from pipeline.list_numbers import CIRCLED, numeral
from pipeline.model import (
    Block,
    Document,
    Figure,
    Heading,
    LineBlock,
    List,
    ListItem,
    Metadata,
    Note,
    Paragraph,
    Quotation,
    SignOff,
    Span,
    Table,
    linkable,
    plain,
    unskipped,
    with_spans,
)
from pipeline.readers.cleaning import (
    clean_front_line,
    clean_front_spans,
    clean_line,
    clean_spans,
    flattened,
    phrases_of,
    reading_in,
)
from pipeline.readers.front_matter import parse_byline, signatory, title_from_name
from pipeline.readers.metadata import image_path, valid_date
from pipeline.readers.numbering import list_numbering

HEADER_KEYS = ("Title", "Subtitle", "Byline", "Organisation", "Date")
INLINE_KEYS = ("Title", "Byline")  # read as inline text: a phrase's language kept
HEADER_LINE = re.compile(r"([A-Za-z]+):(.*)")
HEADING_MARK = re.compile(r"(#+)(?: |$)")
# "(image)", and perhaps the figure's attributes: {#figure-3 alt="A heron on the weir"}.
FIGURE_IMAGE = re.compile(r"\((?P<image>.*)\)(?P<attributes>)")
FIGURE_ATTRIBUTES = re.compile(r"\((?P<image>.*?)\)\{(?P<attributes>.*)\}")
ATTRIBUTE = re.compile(r'#figure-(?P<number>\d+)|alt="(?P<alt>(?:[^"\\]|\\.)*)"|(?P<other>\S+)')
QUOTATION_MARK = re.compile("> ?")  # opens each line of a displayed quotation
LINE_MARK = "| "  # opens each line of a line block, kept as a line (pandoc's)
ESCAPABLE = f"*\\#![]|-.、()\uff08:^~<>{CIRCLED}"
PICTOGRAPH = re.compile(PICTOGRAPH_BULLET)  # escaped too: `\🎉 …` opens a paragraph
# A marker and a space; a language's own, as Chinese writes it, with none needed: "一、",
# "（一）"; a figure in a circle and a space: "① ".
LIST_ITEM = re.compile(
    rf"(?P<indent> *)(?P<marker>(?:-|\(?(?P<path>(?:\d+\.)+)?"
    rf"(?:\d+|(?P<letter>[a-zA-Z])(?P=letter)*"
    rf"|[ivxlcdmIVXLCDM]+)[.)])(?= )|(?P<bare>(?:\d+\.)+)\d+(?= )|{NUMERAL_MARKER}"
    rf"|\uff08(?:{NUMERAL})\uff09|\d+\u3001|[{CIRCLED}](?= )"
    rf"|(?P<pictograph>{PICTOGRAPH_BULLET})(?= ))"
    rf" ?(?P<rest>.*)"
)
CAPTION = re.compile(r"Table: (.*)")
# A note's label: no space, bracket or backslash (as pandoc reads one, so a run of "[^1[^1…"
# is no label, read once), and not ending as a superscript does.
NOTE_LABEL = r"[^\[\]\s\\]*[^\[\]\s\\^]"
NOTE = re.compile(rf"\[\^({NOTE_LABEL})\]:\s*(.*)")
NOTE_REFERENCE = re.compile(rf"\[\^({NOTE_LABEL})\]")
ASTERISKS = re.compile(r"\*+")
# A line opening a note, in a note's lines too, as pandoc reads them: indented less than the
# four spaces that would make it part of the note before.
NOTE_START = re.compile(rf" {{0,3}}\[\^{NOTE_LABEL}\]:")
AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^\s<>]+)>")
RAISED = {"^": "superscript", "~": "subscript"}
# A bracketed span's attributes that pandoc reads as its Underline and SmallCaps: one class.
BRACKETED_SPAN = re.compile(r"\{\s*\.(underline|ul|smallcaps)\s*\}")
# Pandoc's attributes of a bracketed span, "{#id .class key=value key="quoted value"}": of
# which only the phrase's language, `lang`, means something to the editions.
SPAN_ATTRIBUTES = re.compile(
    r"\{((?:\s*(?:[#.][^\s{}=\"]+|[\w-]+=(?:\"[^\"]*\"|[^\s{}\"]+)))+)\s*\}")
SPAN_ATTRIBUTE = re.compile(r"([\w-]+)=(?:\"([^\"]*)\"|([^\s{}\"]+))")
SPAN_CLASSES = {"underline": "underline", "ul": "underline", "smallcaps": "small_caps"}
TABLE_RULE = re.compile(r"\|?(\s*:?-{3,}:?\s*\|)*\s*:?-{3,}:?\s*\|?")
NESTED = 2  # spaces before a nested item's marker, at least


@dataclass(frozen=True)
class Chunk:
    """Lines between blank lines, and the number of the first in the file."""

    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return joined_lines([unbroken(line) for line in self.lines])

    def line_at(self, offset: int) -> int:
        """The file's line number of a character of `text`."""
        lines = [unbroken(line) for line in self.lines]
        starts = list(accumulate((len(line) + len(join) for line, join
                                  in zip(lines, line_joins(lines), strict=False)), initial=0))
        return self.line + bisect_right(starts, offset) - 1


def read_markup(text: str, path: Path, metadata: Metadata, source_dir: Path) -> Document:
    """The document written in `text`, the contents of the marked-up source `path`."""
    with reading_in(metadata.language):
        chunks = split_chunks(text)
        header: dict[str, str] = {}
        inline: dict[str, tuple[Span, ...]] = {}
        if chunks and chunks[0].line == 1 and HEADER_LINE.fullmatch(chunks[0].lines[0]):
            header, inline = read_header(chunks.pop(0), path)
        metadata = replace(
            metadata,
            title=header.get("Title") or metadata.title or title_from_name(path.stem),
            title_spans=phrases_of(inline.get("Title", ()), header.get("Title", "")),
            subtitle=header.get("Subtitle", metadata.subtitle),
            organisation=metadata.organisation or header.get("Organisation", ""),
            date=metadata.date or header.get("Date", ""),
        )
        byline = parse_byline(header["Byline"], inline["Byline"]) if header.get(
            "Byline") else None
        document = Document(path.stem, metadata, byline,
                            unreferenced(read_blocks(chunks, path, metadata, source_dir)))
    # Dated as the text dates itself (its sign-off), and its author the sign-off's
    # signatory where nothing names one, as the text's own reader has them: an editor
    # changing the sign-off's date or name changes the editions'.
    if not (metadata.date or "Date" in header):
        metadata = replace(metadata, date=document.own_date)
    if not metadata.author and document.byline is None:
        metadata = replace(metadata, author=signatory(document))
    return replace(document, metadata=metadata)


def unreferenced(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each reference to a note that the text does not hold written as it
    was, `[^2]`, as pandoc prints one: a note call leading nowhere would be a link to
    nothing, which a screen reader announces as a link all the same."""
    labels = {block.label for block in blocks if isinstance(block, Note)}

    def kept(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return clean_spans(tuple(replace(span, text=f"[^{span.note}]", note="")
                                 if span.note and span.note not in labels else span
                                 for span in spans))

    return tuple(with_spans(block, kept) for block in blocks)


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


def read_header(chunk: Chunk, path: Path) -> tuple[dict[str, str], dict[str, tuple[Span, ...]]]:
    """The header's values, and the spans of the title's and the byline's: inline text as a
    heading's (a phrase's language kept, as pandoc reads a title), the subtitle plain."""
    header: dict[str, str] = {}
    inline: dict[str, tuple[Span, ...]] = {}
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
        if key in INLINE_KEYS:
            spans = clean_front_spans(Inline(Chunk(number, (line,)), path).spans(
                match.group(2), match.start(2), Span("")), key == "Byline")
            header[key], inline[key] = flattened(spans), spans
        elif key == "Date":  # as the metadata writes it: no typography to clean
            header[key] = match.group(2).strip()
            if header[key] and not valid_date(header[key]):
                raise at(path, number, f"Date is {header[key]!r}; write a day 2025-03-03, "
                                       "a month 2025-03 or a year 2025")
        else:
            header[key] = clean_front_line(match.group(2))
    return header, inline


def read_blocks(
    chunks: list[Chunk], path: Path, metadata: Metadata, source_dir: Path
) -> tuple[Block, ...]:
    blocks: list[Block] = []
    numbered: dict[int, int] = {}  # each figure's number, and the line that gives it
    index = 0
    while index < len(chunks):
        chunk = chunks[index]
        index += 1
        if HEADING_MARK.match(chunk.text):
            blocks.append(read_heading(chunk, path))
        elif chunk.text.startswith("!["):
            position = len([block for block in blocks if isinstance(block, Figure)]) + 1
            figure = read_figure(chunk, position, path, metadata, source_dir)
            if figure.number in numbered:
                raise at(path, chunk.line, f"figure {figure.number} is numbered so at line"
                         f" {numbered[figure.number]} too; give each figure its own number")
            numbered[figure.number] = chunk.line
            blocks.append(figure)
        elif NOTE.match(chunk.text):
            blocks += [read_note(note, path) for note in note_chunks(chunk)]
        elif all(line.startswith(LINE_MARK) for line in chunk.lines) and not any(
                TABLE_RULE.fullmatch(line.strip()) for line in chunk.lines):
            blocks.append(LineBlock(tuple(
                read_spans(line[len(LINE_MARK):], Chunk(chunk.line + number, (line,)), path,
                           offset=len(LINE_MARK))
                for number, line in enumerate(chunk.lines))))
        elif chunk.text.startswith("|"):
            blocks.append(read_table(chunk, path))
        elif (caption := CAPTION.fullmatch(chunk.lines[0])) and (
                chunk.lines[1:2] or chunks[index:index + 1] and chunks[index].text[:1] == "|"):
            table = Chunk(chunk.line + 1, chunk.lines[1:])
            if not table.lines:
                table, index = chunks[index], index + 1
            blocks.append(replace(read_table(table, path),
                                  caption=read_spans(caption.group(1), chunk, path, offset=7)))
        elif all(line.startswith(">") for line in chunk.lines):
            blocks.append(read_quotation(chunk, path))
        elif (item := LIST_ITEM.fullmatch(chunk.lines[0].strip())) and (
                not item.group("pictograph") or bulleted_by_pictograph(chunk)):
            blocks.append(read_list(chunk, path))
        elif any(map(kept_break, chunk.lines[:-1])) or kept_break(chunk.lines[-1]) and len(
                chunk.lines) == 1:
            blocks.append(read_sign_off(chunk, path))
        elif spans := read_spans(chunk.text, chunk, path):
            blocks.append(Paragraph(spans))
    return tuple(unskipped(blocks))


def read_quotation(chunk: Chunk, path: Path) -> Quotation:
    """Lines each opened by `>` (and a space): a displayed quotation, as pandoc's block
    quotation of one paragraph."""
    quoted = Chunk(chunk.line, tuple(QUOTATION_MARK.sub("", line, count=1)
                                     for line in chunk.lines))
    return Quotation(read_spans(quoted.text, quoted, path))


def kept_break(line: str) -> bool:
    """The line ends with a backslash of its own, not an escaped one: pandoc's hard break."""
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


def unbroken(line: str) -> str:
    """A line without the hard break ending it: in a block holding no lines of its own (a
    paragraph, heading, list item or note), the next line joins it as any line does."""
    line = line.strip()
    return line[:-1] if kept_break(line) else line


def read_sign_off(chunk: Chunk, path: Path) -> SignOff:
    """The sign-off: lines broken by a backslash at their end, as pandoc breaks them; a line
    without one joins the next, as in a paragraph."""
    lines: list[list[str]] = [[]]
    for line in chunk.lines:
        lines[-1].append(unbroken(line))
        if kept_break(line):
            lines.append([])
    return SignOff(tuple(read_spans(joined_lines(kept), chunk, path)
                         for kept in lines if kept))


def note_chunks(chunk: Chunk) -> list[Chunk]:
    """The notes in a chunk of them: each line opening a note opens one, blank line or none
    before it, as in pandoc; any other line carries on the note before."""
    starts = [offset for offset, line in enumerate(chunk.lines)
              if offset == 0 or NOTE_START.match(line)]
    return [Chunk(chunk.line + start, chunk.lines[start:end])
            for start, end in zip(starts, [*starts[1:], len(chunk.lines)], strict=True)]


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
    # A header row of empty cells heads nothing: a table with no header, as pandoc reads one.
    return Table(header if any(map(plain, header)) else (), tuple(body))


def cells(row: str) -> list[str]:
    r"""A table row's cells: between its `|`s, not at an escaped `\|`."""
    parts = re.split(r"(?<!\\)\|", row.strip())
    return [part.strip() for part in parts[1:-1 if row.endswith("|") else None]]


def bulleted_by_pictograph(chunk: Chunk) -> bool:
    """Whether a chunk's lines each open with the same pictograph (`✅ …`), its nested items'
    indented lines aside: a list bulleted with it, as the writer writes one, of one item too.
    A paragraph opened by one is written escaped (`\\🎉 Congratulations …`), as one of
    several lines, or a sign-off's lines, are none."""
    outer = [line for line in chunk.lines if not line.startswith(" ")]
    marks = {item.group("pictograph") if item else None
             for item in map(LIST_ITEM.fullmatch, outer)}
    return len(marks) == 1 and None not in marks and not any(map(kept_break, chunk.lines))


def read_list(chunk: Chunk, path: Path) -> List:
    """The list in a chunk: each item at least two spaces further in than the item before
    is nested in it; an item no further in carries on the list of the items like it."""
    levels: list[tuple[int, list]] = []  # indent, and the items: (marker, lines, nested)
    for line in chunk.lines:
        item = LIST_ITEM.fullmatch(line)
        if item is None:
            levels[-1][1][-1][1].append(unbroken(line))
            continue
        indent = len(item.group("indent"))
        while len(levels) > 1 and indent < levels[-1][0]:
            levels.pop()
        if levels and indent >= levels[-1][0] + NESTED:
            nested = levels[-1][1][-1][2]
            levels.append((indent, nested))
        elif not levels:
            levels.append((indent, []))
        # A compound number's parents: "2." in 2.1. (or in 2.1, its own number bare).
        numbers = item.group("path") or item.group("bare") or ""
        marker = item.group("marker").replace(numbers, "", 1)
        levels[-1][1].append((marker, [unbroken(item.group("rest"))], [], numbers))
    return built_list(levels[0][1], chunk, path)


def built_list(items: list, chunk: Chunk, path: Path, parents: tuple[str, ...] = ()) -> List:
    """The list of `items` (marker, lines, nested items, parents' numbers written), nested in
    the items numbered `parents`, which a compound list's numbers begin with (2.1.)."""
    marks = [mark for mark, *_ in items]
    pictograph = re.fullmatch(PICTOGRAPH_BULLET, marks[0])
    style, start = ("bullet", 1) if pictograph else list_numbering(
        [re.sub(r"[\W_]", "", mark) for mark in marks])
    compound = bool(items[0][3])
    written = "".join(f"{number}." for number in parents)
    for mark, _, _, numbers in items:
        if numbers != (written if compound else ""):
            raise at(path, chunk.line, f"list item {numbers}{mark}: a number before an item's"
                     " own is that of the item it is nested in, in each of the list's items"
                     f" ({written or 'none here'})")
    owns = [numeral(style, number) if style != "bullet" and nested else ""
            for number, (_, _, nested, _) in enumerate(items, start)]
    return List(
        tuple(ListItem(read_spans(joined_lines(lines), chunk, path),
                       built_list(nested, chunk, path, (*parents, own) if own else ())
                       if nested else None)
              for (_, lines, nested, _), own in zip(items, owns, strict=True)),
        style,
        start,
        marks[0] if pictograph else marker_form(marks[0]),
        compound,
    )


def marker_form(mark: str) -> str:
    """How a list's marks write their numbers (model.MARKERS): "(%)" for "(a)", "%)" for
    "a)", "（%）" for "（一）", "%、" for "1、", "%" for a compound number's own bare ("1" of
    "2.1"), "" for "a.", "一、" and "①"."""
    if mark.isdecimal():  # not "①", a digit to Unicode
        return "%"
    if mark.startswith(("(", "\uff08")):
        return f"{mark[0]}%{mark[-1]}"
    if mark[:1].isdigit() and mark.endswith("\u3001"):
        return "%\u3001"
    return "%)" if mark.endswith(")") else ""


def read_heading(chunk: Chunk, path: Path) -> Heading:
    one_line(chunk, path, "a heading")
    marks = HEADING_MARK.match(chunk.text).group(1)
    spans = read_spans(chunk.text[len(marks) :], chunk, path, offset=len(marks))
    text = flattened(spans)
    if not text:
        raise at(path, chunk.line, "a heading with no text")
    return Heading(text, len(marks), phrases_of(spans, text))


def read_figure(
    chunk: Chunk, position: int, path: Path, metadata: Metadata, source_dir: Path
) -> Figure:
    one_line(chunk, path, "a figure")
    line = chunk.text
    end = closing(line, 1, "[", "]")
    if end is None:
        raise at(path, chunk.line, "unterminated '![': a figure is ![caption](image)")
    image = FIGURE_ATTRIBUTES.fullmatch(line[end + 1 :]) or FIGURE_IMAGE.fullmatch(
        line[end + 1 :])
    if image is None:
        raise at(
            path,
            chunk.line,
            "a figure is ![caption](image) alone on its line"
            " (write \\! to start a paragraph with !)",
        )
    caption = read_spans(line[2:end], chunk, path, offset=2)
    number, alt = figure_attributes(image.group("attributes"), position, chunk, path)
    named = image.group("image").strip()
    figure = metadata.figure(number, caption,
                             figure_image(named, chunk, path, source_dir) if named else None)
    return figure if alt is None else replace(figure, alt=clean_line(alt) or None)


def figure_attributes(attributes: str | None, position: int, chunk: Chunk,
                      path: Path) -> tuple[int, str | None]:
    """A figure's number ({#figure-3}; else its place among the figures) and its alternative
    text (alt="…"; None: the metadata's)."""
    number, alt = position, None
    for match in ATTRIBUTE.finditer(attributes or ""):
        if match.group("number"):
            number = int(match.group("number"))
        elif match.group("alt") is not None:
            alt = re.sub(r"\\(.)", r"\1", match.group("alt"))
        elif match.group("other").strip():
            raise at(path, chunk.line, f"unknown figure attribute {match.group('other')!r};"
                     ' a figure takes {#figure-N alt="…"}')
    return number, alt


def figure_image(named: str, chunk: Chunk, path: Path, source_dir: Path) -> str:
    try:
        return image_path(named, source_dir, path)
    except PipelineError as error:
        raise at(path, chunk.line, error.problem) from None


def one_line(chunk: Chunk, path: Path, what: str) -> None:
    if len(chunk.lines) > 1:
        raise at(path, chunk.line, f"{what} takes one line; leave a blank line after it")


def read_spans(text: str, chunk: Chunk, path: Path, offset: int = 0) -> tuple[Span, ...]:
    """The spans of inline markup: asterisks switch emphasis, ^…^ and ~…~ raise and lower,
    [text](address) and <address> link, a backslash escapes."""
    return clean_spans(Inline(chunk, path).spans(text, offset, Span("")))


@dataclass(frozen=True)
class Inline:
    """The reading of one block's inline markup, for messages naming its lines."""

    chunk: Chunk
    path: Path

    def spans(self, text: str, offset: int, outer: Span) -> list[Span]:
        """The spans of `text` (at `offset` in the block), formatted as `outer` but for the
        emphasis switched inside, which must be switched back by its end."""
        spans: list[Span] = []
        characters: list[str] = []
        on = {"bold": outer.bold, "italic": outer.italic}
        switched_on = {}  # where each emphasis was last switched, for the error

        def flush(**formatting) -> Span:
            spans.append(replace(outer, text="".join(characters), **on))
            characters.clear()
            return replace(outer, **on, **formatting)

        index = 0
        while index < len(text):
            character = text[index]
            reference = NOTE_REFERENCE.match(text, index) if character == "[" else None
            bracket = bracketed_at(text, index) if character == "[" else None
            address = AUTOLINK.match(text, index) if character == "<" else None
            raised = raised_end(text, index) if character in RAISED else None
            if character == "\\" and index + 1 < len(text) and (
                    text[index + 1] in ESCAPABLE or PICTOGRAPH.match(text, index + 1)):
                characters.append(text[index + 1])
                index += 2
            elif bracket is not None:  # "[^x^](…)" is a link, "[^1]" a note's reference
                end, text_end, formatting = bracket
                if "link" in formatting:
                    self.linkable(formatting["link"], offset + index)
                spans += self.spans(text[index + 1 : text_end], offset + index + 1,
                                    flush(**formatting))
                index = end
            elif reference is not None:
                label = reference.group(1)
                flush()
                spans.append(Span(label, on["bold"], on["italic"], note=label))
                index = reference.end()
            elif address is not None:
                self.linkable(address.group(1), offset + index)
                spans.append(replace(flush(link=address.group(1)), text=address.group(1)))
                index = address.end()
            elif raised is not None:
                spans += self.spans(text[index + 1 : raised], offset + index + 1,
                                    flush(position=RAISED[character]))
                index = raised + 1
            elif character == "*":
                stars = ASTERISKS.match(text, index).end() - index
                if stars > 3:
                    raise at(self.path, self.chunk.line_at(offset + index),
                             too_many_asterisks(stars))
                flush()
                for name in ("bold",) * (stars >= 2) + ("italic",) * (stars != 2):
                    on[name] = not on[name]
                    switched_on[name] = offset + index
                index += stars
            else:
                characters.append(character)
                index += 1
        for name in ("bold", "italic"):
            if on[name] != getattr(outer, name):
                where = "never switched off" if outer == Span("") else (
                    "not switched back inside its brackets, superscript or subscript")
                raise at(self.path, self.chunk.line_at(switched_on[name]),
                         f"{name} switched on here is {where} (write \\* for an asterisk)")
        flush()
        return spans

    def linkable(self, address: str, offset: int) -> None:
        """A link's address, refused on its line where it leads to no web page, mail or
        telephone number."""
        if not linkable(address):
            raise at(self.path, self.chunk.line_at(offset),
                     f"link {excerpt(address)} is not a web, mail or telephone address")


def bracketed_at(text: str, index: int) -> tuple[int, int, dict] | None:
    """The bracketed text opening at `index`, a link or pandoc's "[text]{.underline}" (also
    "{.ul}") or "[text]{.smallcaps}": where it ends, where its text ends, and what it makes
    of the text; None when none opens there."""
    link = link_at(text, index)
    if link is not None:
        end, text_end, target = link
        return end, text_end, {"link": target}
    text_end = closing(text, index, "[", "]")
    if text_end is None:
        return None
    wrapper = BRACKETED_SPAN.match(text, text_end + 1)
    if wrapper is not None:
        return wrapper.end(), text_end, {SPAN_CLASSES[wrapper.group(1)]: True}
    attributes = SPAN_ATTRIBUTES.match(text, text_end + 1)
    language = span_language(attributes.group(1)) if attributes else None
    if language is None:
        return None
    return attributes.end(), text_end, {"language": language}


def span_language(attributes: str) -> str | None:
    """The language a bracketed span's attributes give its phrase (`lang=fr`,
    `lang="fr-CA"`), a well-formed tag; its other attributes (an id, classes, other keys),
    which no edition carries, are not kept; None without one."""
    values = {match.group(1): match.group(2) if match.group(2) is not None else match.group(3)
              for match in SPAN_ATTRIBUTE.finditer(attributes)}
    language = values.get("lang", "")
    return language if LANGUAGE_TAG.fullmatch(language) else None


def link_at(text: str, index: int) -> tuple[int, int, str] | None:
    """The link opening at `index`, "[text](address)" or "[text](<address>)": where it ends,
    where its text ends, and its address; None when none opens there."""
    text_end = closing(text, index, "[", "]")
    if text_end is None or not text.startswith("(", text_end + 1):
        return None
    start = text_end + 2
    if text.startswith("<", start):
        end = text.find(">", start)
        if end < 0 or not text.startswith(")", end + 1):
            return None
        return end + 2, text_end, text[start + 1 : end]
    end = closing(text, start - 1, "(", ")")
    if end is None or end == start or any(c.isspace() for c in text[start:end]):
        return None
    return end + 1, text_end, text[start:end]


def closing(text: str, index: int, opening: str, close: str) -> int | None:
    """Where the bracket opening at `index` is closed, brackets inside balanced and escaped
    ones not counted."""
    return closings(text, opening, close).get(index)


@functools.lru_cache(maxsize=16)
def closings(text: str, opening: str, close: str) -> dict[int, int]:
    """Where each bracket opening in `text` is closed, found in one pass for all of them: a
    block of brackets that never close ("[[[…") is read once, not once a bracket."""
    found: dict[int, int] = {}
    open_at: list[int] = []
    position = 0
    while position < len(text):
        character = text[position]
        if character == "\\":
            position += 2
            continue
        if character == opening:
            open_at.append(position)
        elif character == close and open_at:
            found[open_at.pop()] = position
        position += 1
    return found


def raised_end(text: str, index: int) -> int | None:
    """Where the superscript (^) or subscript (~) opening at `index` closes: as pandoc reads
    them, not empty, with no space inside; "~~" opens none."""
    mark = text[index]
    before = text[:index - 1] if text[index - 1 : index] == mark else None
    if text.startswith(mark, index + 1) or (
            before is not None and (len(before) - len(before.rstrip("\\"))) % 2 == 0):
        return None  # "~~", unless its first is escaped
    position = index + 1
    while position < len(text):
        character = text[position]
        if character == "\\":
            position += 2
        elif character == mark:
            return position if position > index + 1 else None
        elif character.isspace() and character != NBSP:
            return None
        else:
            position += 1
    return None


def too_many_asterisks(stars: int) -> str:
    return f"{stars} asterisks in a row; emphasis takes 1 to 3 (write \\* for an asterisk)"


def at(path: Path, line: int, problem: str) -> PipelineError:
    return PipelineError(path, f"line {line}: {problem}")
