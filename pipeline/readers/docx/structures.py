"""Reading back the draft's lists, tables, sign-offs and notes, and its headings by any name.

- A heading is a paragraph whose style is "Heading N" by its name, by one of its aliases
  (Word's "heading 1,My Heading"), by the style it is based on, or by its outline level.
- A list is a run of paragraphs numbered by a numbering definition (their own or their
  style's), or in a List Bullet or List Number style; a deeper level than the list's is
  nested in the item before, to any depth. Its marker comes from the definition: bullet,
  1., a., i. and their capitals, written 1., (1) or 1) (and （一）).
- A table is a Word table: its first row the header, each cell one paragraph.
- A paragraph in Closing or Signature is the sign-off, its lines parted by line breaks.
- A paragraph in Endnote Text or Footnote Text is a note, labelled by its first run in a
  note-reference style; such a run elsewhere is a reference to the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn

from pipeline.languages import NUMERALS
from pipeline.model import MARKERS

HEADING_STYLE = re.compile(r"heading (\d)")
LIST_STYLE = re.compile(r"list (bullet|number)(?: (\d))?")
SIGN_OFF_STYLES = ("closing", "signature")
NOTE_STYLES = ("endnote text", "footnote text")
NOTE_REFERENCE_STYLES = ("endnote reference", "footnote reference")
WORD_FORMATS = {
    "bullet": "bullet", "decimal": "decimal", "lowerLetter": "lower-alpha",
    "upperLetter": "upper-alpha", "lowerRoman": "lower-roman", "upperRoman": "upper-roman",
    # A language's own ("taiwaneseCounting" and its kin: "trad-chinese-informal").
    **{word: numerals.style for numerals in NUMERALS for word in numerals.word_formats},
}


def style_names(style) -> list[str]:
    """A paragraph style's names, folded: its own and each alias ("heading 1,My Heading")."""
    if style is None or not style.name:
        return []
    return [name.strip().casefold() for name in style.name.split(",")]


def heading_level(paragraph) -> int | None:
    """The heading level of a paragraph by its style's name or alias, the style's base, or
    an outline level (the paragraph's own, else its style's)."""
    style = paragraph.style
    while style is not None:
        for name in style_names(style):
            match = HEADING_STYLE.fullmatch(name)
            if match:
                return int(match.group(1))
        style = style.base_style
    level = outline_level(paragraph._p) if paragraph._p.pPr is not None else None
    style = paragraph.style
    while level is None and style is not None:
        level = outline_level(style.element)
        style = style.base_style
    return level + 1 if level is not None and level < 9 else None


def outline_level(element) -> int | None:
    properties = element.find(qn("w:pPr"))
    level = properties.find(qn("w:outlineLvl")) if properties is not None else None
    value = level.get(qn("w:val"), "") if level is not None else ""
    # A level that is no number ("abc", against the schema's ST_DecimalNumber) is none.
    return int(value) if value.isascii() and value.isdigit() else None


@dataclass(frozen=True)
class Place:
    """Where a list paragraph stands: its level (0 the outer list's), how its list is
    numbered, and the numbering instance it counts in ("" for one numbered by its style)."""

    level: int
    style: str
    start: int = 1
    marker: str = ""
    instance: str = ""

    def starts_another(self, top: Place) -> bool:
        """At the level of a list's first item, but counted or marked otherwise: the first
        item of the next list."""
        return self.level <= top.level and (self.instance, self.style) != (top.instance,
                                                                           top.style)


def list_place(paragraph, numbering) -> Place | None:
    """Where a list paragraph stands; None for any other paragraph."""
    number_id, level = numbering_of(paragraph)
    if number_id and number_id != "0":
        style, start, marker = numbering.get((number_id, level), ("decimal", 1, ""))
        return Place(level, style, start, marker, number_id)
    names = style_names(paragraph.style)
    match = next((LIST_STYLE.fullmatch(name) for name in names if LIST_STYLE.fullmatch(name)),
                 None)
    if match is None:
        return None
    level = int(match.group(2) or 1) - 1
    return Place(level, "bullet" if match.group(1) == "bullet" else "decimal")


def numbering_of(paragraph) -> tuple[str | None, int]:
    """The numbering instance and level of a paragraph, its own or its style's."""
    elements = [paragraph._p]
    style = paragraph.style
    while style is not None:
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        properties = element.find(qn("w:pPr"))
        numbered = properties.find(qn("w:numPr")) if properties is not None else None
        if numbered is not None:
            number = numbered.find(qn("w:numId"))
            level = numbered.find(qn("w:ilvl"))
            return (number.get(qn("w:val")) if number is not None else None,
                    int(level.get(qn("w:val"))) if level is not None else 0)
    return None, 0


def numbering_formats(draft) -> dict[tuple[str, int], tuple[str, int, str]]:
    """(instance, level) -> (list style, start, marker), from the draft's numbering
    definitions."""
    try:
        part = draft.part.numbering_part.element
    except NotImplementedError:
        return {}
    abstracts = {a.get(qn("w:abstractNumId")): a for a in part.iter(qn("w:abstractNum"))}
    formats = {}
    for number in part.iter(qn("w:num")):
        reference = number.find(qn("w:abstractNumId"))
        abstract = abstracts.get(reference.get(qn("w:val")) if reference is not None else None)
        if abstract is None:
            continue
        overrides = {int(o.get(qn("w:ilvl"))): o for o in number.iter(qn("w:lvlOverride"))}
        for level in abstract.iter(qn("w:lvl")):
            index = int(level.get(qn("w:ilvl")))
            number_format = value_of(level, "w:numFmt") or "decimal"
            start = value_of(overrides[index], "w:startOverride") if index in overrides else None
            style = WORD_FORMATS.get(number_format, "decimal")
            formats[(number.get(qn("w:numId")), index)] = (
                style,
                int(start or value_of(level, "w:start") or 1),
                marker_of(value_of(level, "w:lvlText") or "") if style != "bullet" else "",
            )
    return formats


def marker_of(level_text: str) -> str:
    """The model's marker for a level's text: "(%1)" -> "(%)", "%2)" -> "%)"; "" for the
    style's usual "%1." or "%1、" and for anything the editions do not write ("%1.%2.")."""
    marker = re.sub(r"%\d", "%", level_text)
    return marker if marker in MARKERS else ""


def value_of(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None
