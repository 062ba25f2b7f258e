"""Structure: the deduplicated blocks of a web-page text read as a document.

The rules read what the web page left behind:
- the short line "Name, Role" written several times at the top is the byline;
- a paragraph written twice is a photo caption, and the photo stood at the
  no-break-space line before it;
- lines with the same number of cells are a table, lines opened by markers a list
  (tables.py, lists.py);
- the short lines after the last paragraph, kept as lines, are the sign-off;
- a `Notes` heading over labelled lines is the notes, which `[n]` in the text refer to
  (notes.py);
- a one-line phrase with no closing full stop, followed by text, is a section heading;
- everything else is a body paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.languages import is_chinese
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
)
from pipeline.readers import chinese
from pipeline.readers.cleaning import linked
from pipeline.readers.front_matter import parse_byline, title_from_name
from pipeline.readers.scraped.dedupe import Unit, likeness_key
from pipeline.readers.scraped.lists import build_list, items_of
from pipeline.readers.scraped.notes import (
    notes_section,
    read_notes,
    with_references,
)
from pipeline.readers.scraped.tables import build_table, cells_of

MAX_HEADING_WORDS = 14
MAX_HEADING_CHARACTERS = 120
MAX_BYLINE_WORDS = 25
MAX_SIGN_OFF_WORDS = 10  # in each of its lines
MAX_SIGN_OFF_CHARACTERS = 60  # in each of its lines: Chinese has no spaces to count words by
SENTENCE_ENDS = (".", ";", ":", "!", "?", "\u3002", "\uff1b", "\uff1a", "\uff01", "\uff1f")
SECTION_NUMBER = re.compile(r"(\d+\.)*\d+\.?\s+|[IVXLC]+\.\s+")  # "1. ", "2.3 ", "IV. "


def build_document(name: str, units: list[Unit], metadata: Metadata) -> Document:
    texts = [unit for unit in units if unit.kind == "text"]
    twin = parallel_title(texts, metadata.title)
    units = [unit for unit in units if unit is not twin]
    texts = [unit for unit in texts if unit is not twin]
    # The byline opens the text, or follows its title (not a caption after a paragraph).
    opening = texts[:2] if texts and is_heading_text(texts[0].text) else texts[:1]
    byline_unit = next((unit for unit in opening if is_byline(unit)), None)
    byline = None
    if byline_unit is not None:
        byline = parse_byline(byline_unit.text)
        units = [unit for unit in units if unit is not byline_unit]
        texts = [unit for unit in texts if unit is not byline_unit]
    metadata, units = settle_title(name, metadata, units, texts)
    if twin is not None:
        metadata = replace(metadata, title=f"{metadata.title} {twin.text}")
    return Document(name, metadata, byline, tuple(body(units, metadata)))


def parallel_title(texts: list[Unit], title: str) -> Unit | None:
    """The title's twin in the other script, on the line after it ("Chairman's Statement",
    then "主席報告"): part of the title, not a section heading."""
    if len(texts) < 3:
        return None
    first, second = texts[0].text, texts[1]
    if title and likeness_key(first) != likeness_key(title):
        return None
    twins = is_heading_text(first) and is_heading_text(second.text) and (
        is_chinese(first) != is_chinese(second.text))
    return second if twins and second.repeats == 1 and not is_byline(second) else None


def is_byline(unit: Unit) -> bool:
    """Written again and again at the top, and shaped "Name, Role" (or "By Name")."""
    if is_chinese(unit.text):
        return unit.repeats >= 2 and chinese.is_byline(unit.text)
    words = unit.text.split()
    short = len(words) <= MAX_BYLINE_WORDS and not unit.text.endswith((".", ":", ";"))
    shaped = "," in unit.text or unit.text.startswith("By ")
    return short and shaped and (unit.repeats >= 2 or unit.text.startswith("By "))


def settle_title(
    name: str, metadata: Metadata, units: list[Unit], texts: list[Unit]
) -> tuple[Metadata, list[Unit]]:
    """The title from metadata, else the text's own opening heading, else the file name."""
    first = texts[0] if texts else None
    opening_heading = first is not None and is_heading_text(first.text)
    if metadata.title:
        if opening_heading and likeness_key(first.text) == likeness_key(metadata.title):
            units = [unit for unit in units if unit is not first]
        return metadata, units
    if opening_heading and len(texts) > 1:
        return replace(metadata, title=first.text), [u for u in units if u is not first]
    return replace(metadata, title=title_from_name(name)), units


def is_heading_text(text: str) -> bool:
    text = SECTION_NUMBER.sub("", text, count=1) if SECTION_NUMBER.match(text) else text
    if is_chinese(text):
        return chinese.is_heading(text)
    return (
        bool(text) and
        len(text.split()) <= MAX_HEADING_WORDS
        and len(text) <= MAX_HEADING_CHARACTERS
        and not text.endswith((".", ",", ";", ":", "!", "\u2026"))
        and not re.search(r"[.!?]\s", text)  # one phrase, not sentences
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\u2018\u201c")
    )


def body(units: list[Unit], metadata: Metadata) -> list[Block]:
    """The blocks of the text after its front matter: the main text, its sign-off, then its
    notes and whatever follows them."""
    notes: list[Note] = []
    ending: list[Block] = []
    notes_at = notes_section(units)
    if notes_at is not None:
        notes, after = read_notes(units[notes_at + 1 :], spans_of)
        ending = [Heading(units[notes_at].text), *notes, *blocks(after, metadata)]
        units = units[:notes_at]
    main, closing = split_sign_off(units)
    result = blocks(main, metadata)
    if closing:
        result.append(SignOff(tuple(spans_of(row) for unit in closing for row in unit.rows)))
    result += ending
    labels = {note.label for note in notes}
    return [referring(block, labels) for block in result] if labels else result


def split_sign_off(units: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    """The units before the sign-off, and the sign-off's: the short lines after the last
    paragraph (a closing phrase, a name, a role, a date)."""
    start = len(units)
    while start > 0 and is_sign_off_unit(units[start - 1]):
        start -= 1
    main = units[:start]
    if not any(unit.kind == "text" for unit in main):
        return units, []
    return main, units[start:]


def is_sign_off_unit(unit: Unit) -> bool:
    return unit.kind == "text" and unit.repeats == 1 and all(
        len(row.split()) <= MAX_SIGN_OFF_WORDS
        and len(row) <= MAX_SIGN_OFF_CHARACTERS
        and "\t" not in row
        and not row.endswith(SENTENCE_ENDS)
        and not re.search(r"[.!?]\s|[。！？]", row)
        and items_of((row,))[1] == []
        for row in unit.rows
    )


def blocks(units: list[Unit], metadata: Metadata) -> list[Block]:
    result: list[Block] = []
    pending: list[Unit] = []  # units of marked items only, waiting to be a list or not
    last_text = max((i for i, unit in enumerate(units) if unit.kind == "text"), default=-1)
    after_photo = False  # a no-break-space line stood right before this unit

    def flush() -> None:
        items = [item for unit in pending for item in items_of(unit.rows)[1]]
        if len(items) >= 2 or (items and ends_lead_in(result)):
            result.append(build_list(items, spans_of))
        else:
            for unit in pending:
                result.append(block_of(unit, metadata, result, False, True))
        pending.clear()

    for index, unit in enumerate(units):
        if unit.kind == "marker":
            flush()
            after_photo = True
            continue
        lead, items = items_of(unit.rows)
        if items and not lead and unit.repeats == 1:
            pending.append(unit)
            continue
        flush()
        if items and (len(items) >= 2 or lead[-1].endswith(":")) and cells_of(unit.rows) is None:
            result.append(Paragraph(spans_of(" ".join(lead))))
            pending.append(Unit("text", unit.rows[len(lead):], unit.lines[len(lead):]))
        else:
            result.append(block_of(unit, metadata, result, after_photo, index < last_text))
        after_photo = False
    flush()
    return result


def ends_lead_in(blocks_before: list[Block]) -> bool:
    last = blocks_before[-1] if blocks_before else None
    return isinstance(last, Paragraph) and last.text.endswith(":")


def block_of(unit: Unit, metadata: Metadata, before: list[Block], after_photo: bool,
             text_follows: bool) -> Block:
    """The block one unit of text is: a table, a figure's caption, a heading or a paragraph."""
    table = cells_of(unit.rows)
    if table is not None:
        return build_table(table, spans_of)
    if unit.repeats >= 2 and (after_photo or not is_heading_text(unit.text)):
        number = len([block for block in before if isinstance(block, Figure)]) + 1
        return Figure(number, spans_of(unit.text), metadata.images.get(number),
                      metadata.alt.get(number))
    if len(unit.rows) == 1 and is_heading_text(unit.text) and text_follows:
        return Heading(unit.text)
    return Paragraph(spans_of(unit.text))


def spans_of(text: str) -> tuple[Span, ...]:
    """A block's text (already cleaned), its web addresses made links."""
    text = text.replace("\t", " ").strip()
    return linked((Span(text),)) if text else ()


def referring(block: Block, labels: set[str]) -> Block:
    """`block` with its `[n]` markers made references to the notes labelled n."""
    match block:
        case Paragraph():
            return Paragraph(with_references(block.spans, labels))
        case Figure():
            return replace(block, caption=with_references(block.caption, labels))
        case List():
            return replace(block, items=tuple(
                ListItem(with_references(item.spans, labels),
                         item.sublist and referring(item.sublist, labels))
                for item in block.items))
        case Table():
            return Table(tuple(with_references(cell, labels) for cell in block.header),
                         tuple(tuple(with_references(cell, labels) for cell in row)
                               for row in block.rows))
    return block
