"""Structure: the deduplicated blocks of a web-page text read as a document.

The rules read what the web page left behind:
- the short line "Name, Role" written several times at the top is the byline;
- a paragraph written twice is a photo caption, and the photo stood at the
  no-break-space line before it;
- a short line with no closing full stop, followed by text, is a section heading;
- everything else is a body paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.languages import is_chinese
from pipeline.model import Block, Document, Figure, Heading, Metadata, Paragraph, Span
from pipeline.readers import chinese
from pipeline.readers.front_matter import parse_byline, title_from_name
from pipeline.readers.scraped.dedupe import Unit, likeness_key

MAX_HEADING_WORDS = 14
MAX_HEADING_CHARACTERS = 120
MAX_BYLINE_WORDS = 25
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
    return Document(name, metadata, byline, tuple(blocks(units, metadata)))


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


def blocks(units: list[Unit], metadata: Metadata) -> list[Block]:
    result: list[Block] = []
    figures = 0
    last_text = max((i for i, unit in enumerate(units) if unit.kind == "text"), default=-1)
    after_photo = False  # a no-break-space line stood right before this unit
    for index, unit in enumerate(units):
        if unit.kind == "marker":
            after_photo = True
            continue
        if unit.repeats >= 2 and (after_photo or not is_heading_text(unit.text)):
            figures += 1
            result.append(Figure(figures, (Span(unit.text),), metadata.images.get(figures),
                                 metadata.alt.get(figures)))
        elif is_heading_text(unit.text) and index < last_text:
            result.append(Heading(unit.text))
        else:
            result.append(Paragraph((Span(unit.text),)))
        after_photo = False
    return result
