"""The draft's lists, tables, sign-offs and notes, in Word's own structures and styles.

- A list is paragraphs in List Bullet or List Number (List Bullet 2, List Number 2 when
  nested), numbered by a numbering definition of its own, so each list starts at its own
  number and keeps its kind of marker (1., a., i., •).
- A table is a Word table in a table style, its first row repeating as a header on every
  page, the cells of a numeric column aligned right.
- A sign-off is one paragraph in Closing, its lines kept apart by line breaks.
- A note is a paragraph in Endnote Text opened by its label, and is referred to from the text
  by a run in Endnote Reference holding the same label.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pipeline.model import List, Note, SignOff, Span, Table

LIST_STYLES = {False: ("List Bullet", "List Bullet 2"), True: ("List Number", "List Number 2")}
TABLE_STYLES = ("Light List Accent 1", "Table Grid")  # the first the draft has
SIGN_OFF_STYLE = "Closing"
NOTE_STYLE = "Endnote Text"
NOTE_REFERENCE_STYLE = "Endnote Reference"
# Word's names for CSS's list styles, and the marker each level shows.
NUMBER_FORMATS = {
    "bullet": ("bullet", "\u2022"),
    "decimal": ("decimal", "%{level}."),
    "lower-alpha": ("lowerLetter", "%{level}."),
    "upper-alpha": ("upperLetter", "%{level}."),
    "lower-roman": ("lowerRoman", "%{level}."),
    "upper-roman": ("upperRoman", "%{level}."),
}
INDENT_TWIPS = 360  # a level's indent, and its marker's hanging indent


def add_styles(draft) -> None:
    """The styles these structures use that the draft's template lacks."""
    styles = draft.styles
    for name in (*LIST_STYLES[False], *LIST_STYLES[True], SIGN_OFF_STYLE, NOTE_STYLE):
        if name not in styles:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
            style.base_style = styles["Normal"]
    if NOTE_REFERENCE_STYLE not in styles:
        style = styles.add_style(NOTE_REFERENCE_STYLE, WD_STYLE_TYPE.CHARACTER, builtin=True)
        style.font.superscript = True


def add_list(draft, block: List, add_spans) -> None:
    number_id = numbering(draft, block)
    for item in block.items:
        paragraph = draft.add_paragraph(style=LIST_STYLES[block.numbered][0])
        numbered(paragraph, number_id, 0)
        add_spans(paragraph, item.spans)
        if item.sublist is not None:
            for sub_item in item.sublist.items:
                paragraph = draft.add_paragraph(style=LIST_STYLES[item.sublist.numbered][1])
                numbered(paragraph, number_id, 1)
                add_spans(paragraph, sub_item.spans)


def numbering(draft, block: List) -> int:
    """A numbering definition for the list and its nested lists, and an instance of it."""
    part = draft.part.numbering_part.element
    abstract_id = 1 + max((int(a.get(qn("w:abstractNumId")))
                           for a in part.iter(qn("w:abstractNum"))), default=-1)
    number_id = 1 + max((int(n.get(qn("w:numId"))) for n in part.iter(qn("w:num"))), default=0)
    nested = next((item.sublist for item in block.items if item.sublist is not None), None)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "hybridMultilevel")
    abstract.append(multi)
    for level, kind in enumerate((block, nested or block)):
        abstract.append(level_definition(level, kind.style, kind.start))
    first_number = next(iter(part.iter(qn("w:num"))), None)
    if first_number is not None:
        first_number.addprevious(abstract)
    else:
        part.append(abstract)
    number = OxmlElement("w:num")
    number.set(qn("w:numId"), str(number_id))
    reference = OxmlElement("w:abstractNumId")
    reference.set(qn("w:val"), str(abstract_id))
    number.append(reference)
    part.append(number)
    return number_id


def level_definition(level: int, style: str, start: int):
    number_format, text = NUMBER_FORMATS[style]
    definition = OxmlElement("w:lvl")
    definition.set(qn("w:ilvl"), str(level))
    for tag, value in (("w:start", str(start)), ("w:numFmt", number_format),
                       ("w:lvlText", text.replace("{level}", str(level + 1))),
                       ("w:lvlJc", "left")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        definition.append(child)
    paragraph = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), str(INDENT_TWIPS * (level + 1)))
    indent.set(qn("w:hanging"), str(INDENT_TWIPS))
    paragraph.append(indent)
    definition.append(paragraph)
    return definition


def numbered(paragraph, number_id: int, level: int) -> None:
    properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    properties.get_or_add_ilvl().val = level
    properties.get_or_add_numId().val = number_id


def add_table(draft, block: Table, add_spans, text_width: int) -> None:
    columns = len(block.header)
    table = draft.add_table(rows=1 + len(block.rows), cols=columns)
    style = next((name for name in TABLE_STYLES if name in draft.styles), None)
    if style is not None:
        table.style = draft.styles[style]
    header_row = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    header_row.append(header)
    numeric = block.numeric
    for row, cells in zip(table.rows, (block.header, *block.rows), strict=True):
        for column, (cell, spans) in enumerate(zip(row.cells, cells, strict=True)):
            cell.width = text_width // columns
            paragraph = cell.paragraphs[0]
            if numeric[column]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            add_spans(paragraph, spans)


def add_sign_off(draft, block: SignOff, add_spans) -> None:
    paragraph = draft.add_paragraph(style=SIGN_OFF_STYLE)
    for number, line in enumerate(block.lines):
        if number:
            paragraph.add_run().add_break()
        add_spans(paragraph, line)


def add_note(draft, block: Note, add_spans) -> None:
    paragraph = draft.add_paragraph(style=NOTE_STYLE)
    add_spans(paragraph, (Span(block.label, note=block.label), Span("\t"), *block.spans))


def add_reference(paragraph, span: Span) -> None:
    run = paragraph.add_run(span.text, style=NOTE_REFERENCE_STYLE)
    if span.bold:
        run.bold = True
    if span.italic:
        run.italic = True
