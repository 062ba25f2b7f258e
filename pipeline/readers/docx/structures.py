"""Reading back the draft's styles and structures: headings by any name, tables, sign-offs
and notes (lists are numbering.py's).

- Styles are read once from the draft's styles part and looked up by id: a paragraph's
  style is its own or the document's default; a style's names are its own and each alias
  ("heading 1,My Heading"), folded.
- A heading is a paragraph whose style is "Heading N" by its name, by one of its aliases,
  by the style it is based on, or by its outline level.
- A table is a Word table: its first row the header, each cell one paragraph; the cells a
  row skips (w:gridBefore, w:gridAfter) are empty ones.
- A paragraph in Closing or Signature is the sign-off, its lines parted by line breaks.
- A paragraph in Endnote Text or Footnote Text is a note, labelled by its first run in a
  note-reference style (Word's Endnote Reference, which LibreOffice saves there as Endnote
  Characters); such a run elsewhere is a reference to the note.
"""

from __future__ import annotations

import functools
import re

from docx.oxml.ns import qn

from pipeline.errors import excerpt

HEADING_STYLE = re.compile(r"heading (\d)")
SIGN_OFF_STYLES = ("closing", "signature")
LINES_STYLES = ("lines",)  # the draft's own, for lines kept as lines (an address)
# The draft's own, for a displayed quotation's attribution: a body paragraph, its style's
# look (a house style's italic) no emphasis of its words.
ATTRIBUTION_STYLES = ("attribution",)
NOTE_STYLES = ("endnote text", "footnote text")
# A displayed quotation: Word's Quote and Intense Quote, its Block Text (pandoc's), and
# LibreOffice's Quotations.
QUOTATION_STYLES = ("quote", "intense quote", "block text", "quotations")
# Word's names, and LibreOffice's for the label it saves in a note's own paragraph.
NOTE_REFERENCE_STYLES = ("endnote reference", "footnote reference", "endnote characters",
                         "footnote characters")
FRONT_MATTER = ("title", "subtitle", "byline")
CAPTION_STYLE = "caption"
OFF = ("0", "false", "off")
MAX_COLUMNS = 63  # Word's: a row skips no more grid cells than a table can have


LANGUAGE_ATTRIBUTES = ("w:val", "w:eastAsia", "w:bidi")


class Styles:
    """The draft's styles by id, each resolved once."""

    def __init__(self, draft):
        root = draft.styles.element
        self.elements = {style.get(qn("w:styleId")): style for style in root.iter(qn("w:style"))}
        self.default_paragraph = next(
            (style_id for style_id, style in self.elements.items()
             if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in
             ("1", "true", "on")), None)
        self.languages = default_languages(draft)

    @functools.cache  # noqa: B019 (one Styles a reading)
    def chain(self, style_id: str | None) -> tuple:
        """The style and the styles it is based on, nearest first (a loop stops)."""
        chain: list = []
        while style_id in self.elements and self.elements[style_id] not in chain:
            chain.append(self.elements[style_id])
            based = self.elements[style_id].find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return tuple(chain)

    @functools.cache  # noqa: B019
    def names(self, style_id: str | None) -> tuple[str, ...]:
        """The folded names of a style (its own and its aliases), or none."""
        style = self.elements.get(style_id)
        name = style.find(qn("w:name")) if style is not None else None
        if name is None or not name.get(qn("w:val")):
            return ()
        return tuple(part.strip().casefold() for part in name.get(qn("w:val")).split(","))

    def paragraph_style(self, p) -> str | None:
        """The id of a paragraph's style: its own, else the document's default."""
        properties = p.find(qn("w:pPr"))
        style = properties.find(qn("w:pStyle")) if properties is not None else None
        return style.get(qn("w:val")) if style is not None else self.default_paragraph

    def paragraph_names(self, p) -> tuple[str, ...]:
        return self.names(self.paragraph_style(p)) or ("normal",)

    def is_caption(self, p) -> bool:
        """Whether a paragraph is a caption: in Caption or a style based on it (LibreOffice's
        Figure, Table, Illustration)."""
        return any(CAPTION_STYLE in self.names(style.get(qn("w:styleId")))
                   for style in self.chain(self.paragraph_style(p)))

    @functools.cache  # noqa: B019
    def run_properties(self, style_id: str | None) -> dict[str, object]:
        """The run properties a style gives (its bases' first, its own winning)."""
        merged: dict[str, object] = {}
        for style in reversed(self.chain(style_id)):
            properties = style.find(qn("w:rPr"))
            if properties is not None:
                merged.update(run_properties(properties))
        return merged

    @functools.cache  # noqa: B019
    def heading_name_level(self, style_id: str | None) -> int | None:
        """The level of a "Heading N" style by its name, an alias, or a base's name."""
        for style in self.chain(style_id):
            for name in self.names(style.get(qn("w:styleId"))):
                match = HEADING_STYLE.fullmatch(name)
                if match:
                    return int(match.group(1))
        return None

    @functools.cache  # noqa: B019
    def outline_level(self, style_id: str | None) -> int | None:
        return next((level for level in map(outline_level, self.chain(style_id))
                     if level is not None), None)


def language_marks(lang) -> dict[str, str]:
    """A w:lang's languages by attribute: w:val (Latin letters), w:eastAsia, w:bidi."""
    return {attribute: lang.get(qn(attribute)) for attribute in LANGUAGE_ATTRIBUTES
            if lang.get(qn(attribute))}


def default_languages(draft) -> dict[str, str]:
    """The languages the draft's text is in unless marked otherwise: its defaults' w:lang,
    which the draft writer makes the document's."""
    lang = draft.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/"
                                     f"{qn('w:rPr')}/{qn('w:lang')}")
    return language_marks(lang) if lang is not None else {}


def run_properties(properties) -> dict[str, object]:
    """What a w:rPr says that the reading cares for: emphasis, position, underline, small
    capitals, visibility, the font (for a symbol font's characters), whether it has a colour
    of its own, and what the editions cannot show (emphasis dots, characters combined)."""
    found: dict[str, object] = {}
    for key, tag in (("bold", "w:b"), ("italic", "w:i"), ("small_caps", "w:smallCaps"),
                     ("hidden", "w:vanish"), ("struck", "w:strike"),
                     ("double_struck", "w:dstrike")):
        element = properties.find(qn(tag))
        if element is not None:
            found[key] = element.get(qn("w:val"), "true").casefold() not in OFF
    underline = properties.find(qn("w:u"))
    if underline is not None:  # any line Word or LibreOffice draws: single, double, wave …
        found["underline"] = underline.get(qn("w:val"), "single").casefold() != "none"
    colour = properties.find(qn("w:color"))
    if colour is not None:  # a colour of the run's own: a link's look, kept in a paste
        found["coloured"] = colour.get(qn("w:val"), "auto").casefold() not in ("auto", "000000")
    mark = properties.find(qn("w:em"))
    if mark is not None:  # Chinese emphasis dots (着重號) over or under each character
        found["emphasis_mark"] = mark.get(qn("w:val"), "none").casefold() != "none"
    layout = properties.find(qn("w:eastAsianLayout"))
    if layout is not None:  # characters set two lines in one (雙行合一), or across a column
        found["combined"] = any(layout.get(qn(attribute), "0").casefold() not in OFF
                                for attribute in ("w:combine", "w:vert"))
    fonts = properties.find(qn("w:rFonts"))
    if fonts is not None and (fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))):
        found["font"] = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
    lang = properties.find(qn("w:lang"))
    if lang is not None:  # a language chosen for the text (Word's Review > Language)
        found["lang"] = language_marks(lang)
    vertical = properties.find(qn("w:vertAlign"))
    if vertical is not None:
        found["position"] = {"superscript": "superscript", "subscript": "subscript"}.get(
            vertical.get(qn("w:val")), "")
    raised = properties.find(qn("w:position"))
    if raised is not None and vertical is None:
        # Text raised or lowered by half-points, as LibreOffice writes its own positions.
        value = whole_number(raised.get(qn("w:val")), 0)
        found["position"] = "superscript" if value > 0 else "subscript" if value < 0 else ""
    return found


def heading_level(p, styles: Styles) -> int | None:
    """The heading level of a paragraph by its style's name or alias, the style's base, or
    an outline level (the paragraph's own, else its style's)."""
    style = styles.paragraph_style(p)
    level = styles.heading_name_level(style)
    if level is not None:
        return level
    level = outline_level(p)
    if level is None:
        level = styles.outline_level(style)
    return level + 1 if level is not None and level < 9 else None


def outline_level(element) -> int | None:
    """The outline level a paragraph or style gives, counted from 0 (9 is body text)."""
    properties = element.find(qn("w:pPr"))
    level = properties.find(qn("w:outlineLvl")) if properties is not None else None
    # A level that is no number ("abc", against the schema's ST_DecimalNumber) is none.
    return whole_number(level.get(qn("w:val")), None) if level is not None else None


def contents(element, *tags: str) -> list:
    """The children of `element` with one of the (qualified) `tags`, those inside content
    controls and custom XML included."""
    found = []
    for child in element:
        if child.tag in tags:
            found.append(child)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                found += contents(content, *tags)
        elif child.tag == qn("w:customXml"):
            found += contents(child, *tags)
    return found


def table_rows(table) -> list[list]:
    """A table's rows, each a list of its cells (None for a cell the row skips)."""
    rows = []
    for row in contents(table, qn("w:tr")):
        properties = row.find(qn("w:trPr"))
        skipped = {side: min(whole_number(value_of(properties, f"w:grid{side}"), 0), MAX_COLUMNS)
                   if properties is not None else 0 for side in ("Before", "After")}
        rows.append([None] * skipped["Before"] + contents(row, qn("w:tc"))
                    + [None] * skipped["After"])
    return rows


def whole_number(value: str | None, default: int | None) -> int | None:
    """An attribute's whole number ("-8", "3"); `default` for one absent or no number (as
    Word and LibreOffice take it), so odd input is read, not a crash."""
    text = (value or "").strip()
    return int(text) if re.fullmatch(r"[+-]?\d{1,9}", text) else default


def value_of(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def words_of(element) -> str:
    """An element's text as a message quotes it: a line break, a tab or a paragraph's start a
    space between its runs' words (a signature's lines had run together, `PikeSecretary`)."""
    pieces = element.iter(qn("w:t"), qn("w:br"), qn("w:cr"), qn("w:tab"), qn("w:p"))
    return " ".join("".join((piece.text or "") if piece.tag == qn("w:t") else " "
                            for piece in pieces).split())


def place_of(element) -> str:
    """Where an element stands, for a message: in the text of the paragraph holding it, or
    after the text of the block before it."""
    block = element
    while block.getparent() is not None and block.getparent().tag != qn("w:body"):
        block = block.getparent()
    own = words_of(block)
    if block is not element and block.tag == qn("w:p") and own:
        return f"in {excerpt(own)}"
    for previous in block.itersiblings(preceding=True):
        text = words_of(previous)
        if text:
            return f"after {excerpt(text)}"
    return "at the start"
