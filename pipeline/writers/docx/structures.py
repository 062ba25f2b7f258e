"""The draft's lists, tables, sign-offs and notes, in Word's own structures and styles.

- A list is paragraphs in List Bullet or List Number (List Bullet 2, List Number 3 … as it
  is nested), each list and each nested list numbered by a numbering definition of its own
  at its level, so each starts at its own number and keeps its kind of marker (1., a., i.,
  (a), 1), （一）, •) whatever the lists around it.
- A table is a Word table in Table Grid, its first row shaded and repeating as a header on
  every page, the cells of a numeric column aligned right; its title is a paragraph in
  Caption above it, kept with it, as Word's Insert Caption sets a table's.
- A sign-off is one paragraph in Closing, its lines kept apart by line breaks.
- A displayed quotation's attribution is a paragraph in Attribution (ours), at the right,
  the quotation's last paragraph kept with it.
- A note is a Word endnote (numbered by Word when the notes are labelled 1, 2, 3 … in the
  order of their references, else marked with its label), in Endnote Text; the reference is
  Word's, in Endnote Reference. A note the text never refers to, or a second reference to a
  note, has no endnote to be: the note is a paragraph in Endnote Text opened by its label,
  and the reference a run in Endnote Reference holding the label.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.story import StoryPart
from docx.shared import Pt
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph as DocxParagraph

from pipeline.languages import NUMERALS
from pipeline.list_numbers import CIRCLED_STYLE, bullet
from pipeline.model import Document, LineBlock, List, Note, SignOff, Span, Table
from pipeline.writers.shaping import text_ems

LIST_KINDS = {False: "List Bullet", True: "List Number"}
LIST_LEVELS = 3  # Word's built-in list styles go 1, 2, 3 levels deep; deeper lists take the 3rd
# A plain grid: a style that makes its header row bold has the bold written into the cells
# when LibreOffice saves the file, and the editor's text would come back bold.
TABLE_STYLE = "Table Grid"
HEADER_SHADE = "DCE3EC"  # the header row's shading, which the reader ignores
SIGN_OFF_STYLE = "Closing"
LINES_STYLE = "Lines"  # ours: lines kept as lines, set apart (an address)
ATTRIBUTION_STYLE = "Attribution"  # ours: who said a displayed quotation, under it
NOTE_STYLE = "Endnote Text"
NOTE_REFERENCE_STYLE = "Endnote Reference"
# Word's names for CSS's list styles.
NUMBER_FORMATS = {
    "bullet": "bullet", "decimal": "decimal", "lower-alpha": "lowerLetter",
    "upper-alpha": "upperLetter", "lower-roman": "lowerRoman", "upper-roman": "upperRoman",
    CIRCLED_STYLE: "decimalEnclosedCircle",  # ①, which LibreOffice reads too
    # A language's own ("trad-chinese-informal": Word's taiwaneseCountingThousand).
    **{numerals.style: numerals.word_format for numerals in NUMERALS},
}
INDENT_TWIPS = 360  # a level's indent, and its marker's hanging indent
WORD_LEVELS = 9  # the levels a numbering definition of Word's holds
# The numbers of a list nested in a numbered one, by the parent's: 1. over a. over i.
NESTED_STYLES = {"decimal": "lower-alpha", "lower-alpha": "lower-roman",
                 "lower-roman": "decimal", "upper-alpha": "decimal", "upper-roman": "upper-alpha"}


def add_styles(draft, body_size_pt: float) -> None:
    """The styles these structures use that the draft's template lacks; Lines set apart two
    ems of the layout's `body_size_pt` in, as the editions set a line block, and Attribution
    at the right two ems in, as they set a quotation's."""
    styles = draft.styles
    lists = [list_style(numbered, depth) for numbered in LIST_KINDS for depth in range(LIST_LEVELS)]
    ours = (LINES_STYLE, ATTRIBUTION_STYLE)
    for name in (*lists, SIGN_OFF_STYLE, NOTE_STYLE, *ours):
        if not holds_style(styles, name):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=name not in ours)
            style.base_style = styles["Normal"]
            if name == LINES_STYLE:
                style.paragraph_format.left_indent = Pt(2 * body_size_pt)
            elif name == ATTRIBUTION_STYLE:
                style.paragraph_format.right_indent = Pt(2 * body_size_pt)
                style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if name in ours:
                style.quick_style = True
    if not holds_style(styles, NOTE_REFERENCE_STYLE):
        style = styles.add_style(NOTE_REFERENCE_STYLE, WD_STYLE_TYPE.CHARACTER, builtin=True)
        style.font.superscript = True


def holds_style(styles, name: str) -> bool:
    """Whether the draft has a style of `name`, as `name in styles` tells, but found by one
    XPath query: `in` reads every style's name in Python, each time (7 ms a draft)."""
    return styles.element.get_by_name(BabelFish.ui2internal(name)) is not None


def list_style(numbered: bool, depth: int) -> str:
    """Word's style for a list's items at `depth` (0 for the outer list): List Number 2 …"""
    level = min(depth, LIST_LEVELS - 1)
    return LIST_KINDS[numbered] + (f" {level + 1}" if level else "")


def add_list(draft, block: List, add_spans, depth: int = 0,
             parents: tuple[tuple[List, int], ...] = ()) -> None:
    """The list's items at `depth`, each followed by the items of the list nested in it;
    `parents`: the lists it is nested in, with the number of the item holding it."""
    number_id = numbering(draft, block, depth, parents)
    for number, item in enumerate(block.items, block.start):
        paragraph = draft.add_paragraph(style=list_style(block.numbered, depth))
        numbered(paragraph, number_id, depth)
        add_spans(paragraph, item.spans)
        if item.sublist is not None:
            add_list(draft, item.sublist, add_spans, depth + 1, (*parents, (block, number)))


def numbering(draft, block: List, depth: int, parents: tuple[tuple[List, int], ...]) -> int:
    """A numbering definition for one list, its items at `depth`, and an instance of it: the
    levels above are the list's too, for an editor who moves an item out; a compound list's
    are its parents', each starting at the number of the item holding it, which Word shows
    before the list's own (%1.%2.)."""
    part = draft.part.numbering_part.element
    abstract_id = 1 + max((int(a.get(qn("w:abstractNumId")))
                           for a in part.iter(qn("w:abstractNum"))), default=-1)
    number_id = 1 + max((int(n.get(qn("w:numId"))) for n in part.iter(qn("w:num"))), default=0)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "hybridMultilevel")
    abstract.append(multi)
    for level in range(depth + 1):
        if block.compound and level < depth:
            parent, number = parents[level]
            abstract.append(level_definition(level, replace(parent, start=number)))
        else:
            abstract.append(level_definition(level, block))
    # The levels below, for an editor who nests an item with Tab: a list nested in this one,
    # bullets under bullets, numbers under numbers as the editions nest them (1., a., i.);
    # left undefined, Word and LibreOffice would number a bullet's sub-item 1.
    nested = block
    for level in range(depth + 1, WORD_LEVELS):
        nested = List((), NESTED_STYLES.get(nested.style, "decimal") if block.numbered
                      else "bullet")
        abstract.append(level_definition(level, nested))
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


def level_definition(level: int, block: List):
    """A numbering level marking its items as `block`'s are: its style, start and marker."""
    before, after = block.affixes
    path = "".join(f"%{above + 1}." for above in range(level)) if block.compound else ""
    # A pictograph bullet (✅) is the level's own: an item the editor adds takes it too.
    text = (block.marker or bullet(level) if not block.numbered
            else f"{before}{path}%{level + 1}{after}")
    definition = OxmlElement("w:lvl")
    definition.set(qn("w:ilvl"), str(level))
    for tag, value in (("w:start", str(block.start)), ("w:numFmt", NUMBER_FORMATS[block.style]),
                       ("w:lvlText", text), ("w:lvlJc", "left")):
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
    columns = block.columns
    # A table with no header row (Table.header) is its rows alone, none marked a header.
    headed = bool(block.header)
    table = draft.add_table(rows=headed + len(block.rows), cols=columns)
    if holds_style(draft.styles, TABLE_STYLE):
        table.style = draft.styles[TABLE_STYLE]
    if headed:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(header)
    numeric = block.numeric
    rows = zip(table.rows, (block.header, *block.rows) if headed else block.rows, strict=True)
    for number, (row, cells) in enumerate(rows):
        for column, (cell, spans) in enumerate(zip(row.cells, cells, strict=True)):
            cell.width = text_width // columns
            if number == 0 and headed:
                shade = OxmlElement("w:shd")
                for attribute, value in (("w:val", "clear"), ("w:color", "auto"),
                                         ("w:fill", HEADER_SHADE)):
                    shade.set(qn(attribute), value)
                cell._tc.get_or_add_tcPr().append(shade)
            paragraph = cell.paragraphs[0]
            if numeric[column]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            add_spans(paragraph, spans)


def add_lines(draft, block: SignOff | LineBlock, add_spans) -> None:
    """The sign-off (Closing), or lines kept as lines (Lines): one paragraph, a line break
    between its lines, as Word keeps an address."""
    style = SIGN_OFF_STYLE if isinstance(block, SignOff) else LINES_STYLE
    paragraph = draft.add_paragraph(style=style)
    for number, line in enumerate(block.lines):
        if number:
            paragraph.add_run().add_break()
        add_spans(paragraph, line)


def hang_from_label(draft, paragraph, label: str, indent_ems: float) -> None:
    """A label's numbered lines (附件：1.…) hanging from it, each next line under the first
    one's number, as every edition sets them: the label starting `indent_ems` in (where the
    language's paragraphs start their first line), the next lines the label's width further.
    A full-width label's width is exact (a character an em); another's is estimated, a
    little wide, and the space ending it is a tab, which Word and LibreOffice end at the
    hanging indent, so the first number stands where the next do whatever the face (and is
    read back as the space it was)."""
    size = font_size(draft, paragraph.style).pt
    hang = Pt(text_ems(label) * size)
    paragraph.paragraph_format.left_indent = Pt(indent_ems * size) + hang
    paragraph.paragraph_format.first_line_indent = -hang
    if label.endswith(" "):
        tab_at(paragraph, len(label.rstrip()))


def tab_at(paragraph, position: int) -> None:
    """The space at character `position` of `paragraph`'s text made a tab."""
    for run in paragraph.runs:
        if position < len(run.text):
            if run.text[position] == " ":
                run.text = run.text[:position] + "\t" + run.text[position + 1:]
            return
        position -= len(run.text)


def font_size(draft, style) -> Pt:
    """The size `style` sets its text in: its own, or that of the nearest style it is based
    on, or the document's default (docDefaults), or Word's own (10 pt)."""
    while style is not None:
        if style.font.size:
            return style.font.size
        style = style.base_style
    default = draft.styles.element.find(
        "/".join(qn(tag) for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:sz")))
    return Pt(int(default.get(qn("w:val"))) / 2 if default is not None else WORD_SIZE_PT)


WORD_SIZE_PT = 10  # Word's size where no style or default sets one

# Word's separators between the text and its endnotes, which every endnotes part opens with.
ENDNOTES = (
    f"<w:endnotes {nsdecls('w')}>"
    '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
    '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:endnote></w:endnotes>"
)
# The elements w:endnotePr comes before in w:settings (ECMA-376's sequence).
ENDNOTE_PROPERTIES_FOLLOWERS = (
    "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
    "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


@dataclass
class Endnotes:
    """The notes written as Word endnotes, by label, and the references already written."""

    ids: dict[str, int] = field(default_factory=dict)
    numbered: bool = True  # Word numbers them; else each is marked with its label
    referred: set[str] = field(default_factory=set)


def add_endnotes(draft, document: Document, add_spans) -> Endnotes:
    """The endnotes part of the draft, holding every note the text refers to."""
    labels = document.referenced_notes()
    endnotes = Endnotes({label: number for number, label in enumerate(labels, 1)},
                        labels == [str(number) for number in range(1, len(labels) + 1)])
    if not labels:
        return endnotes
    element = parse_xml(ENDNOTES)
    # A story of its own, as a header is: a link in a note is related from the endnotes
    # part (ECMA-376 Part 1, 17.16.22: r:id names a relationship of the part holding it),
    # where Word looks for it and LibreOffice keeps it; its styles are the document's.
    part = StoryPart(PackURI("/word/endnotes.xml"), CONTENT_TYPE.WML_ENDNOTES, element,
                     draft.part.package)
    notes = {block.label: block for block in document.blocks if isinstance(block, Note)}
    for label, number in endnotes.ids.items():
        endnote = OxmlElement("w:endnote")
        endnote.set(qn("w:id"), str(number))
        element.append(endnote)
        paragraph = DocxParagraph(OxmlElement("w:p"), part)
        endnote.append(paragraph._p)
        paragraph.style = draft.styles[NOTE_STYLE]
        mark = paragraph.add_run(style=NOTE_REFERENCE_STYLE)
        if endnotes.numbered:
            mark._r.append(OxmlElement("w:endnoteRef"))
        else:
            mark.text = label
        paragraph.add_run("\t")
        add_spans(paragraph, notes[label].spans)
    draft.part.relate_to(part, RELATIONSHIP_TYPE.ENDNOTES)
    number_endnotes_in_figures(draft)
    return endnotes


def number_endnotes_in_figures(draft) -> None:
    """Word numbers endnotes i, ii, iii unless told otherwise; the editions use 1, 2, 3. Said
    in the settings, which Word reads, and in each section's properties, which LibreOffice
    reads (it ignores the settings' and numbered the notes i, ii)."""
    settings = draft.settings.element
    follower = next((child for child in settings if child.tag in
                     {qn(tag) for tag in ENDNOTE_PROPERTIES_FOLLOWERS}), None)
    if follower is not None:
        follower.addprevious(decimal_endnotes())
    else:
        settings.append(decimal_endnotes())
    references = {qn("w:headerReference"), qn("w:footerReference"), qn("w:footnotePr")}
    for section in draft.sections:
        properties = section._sectPr
        before = [child for child in properties if child.tag in references]
        if before:  # w:endnotePr follows these in w:sectPr (ECMA-376, 17.6.17)
            before[-1].addnext(decimal_endnotes())
        else:
            properties.insert(0, decimal_endnotes())


def decimal_endnotes():
    """Endnote properties numbering the notes 1, 2, 3."""
    properties = OxmlElement("w:endnotePr")
    number_format = OxmlElement("w:numFmt")
    number_format.set(qn("w:val"), "decimal")
    properties.append(number_format)
    return properties


def add_note(draft, block: Note, add_spans, endnotes: Endnotes) -> None:
    """A note with no reference to it, which can be no endnote, as a paragraph of its own."""
    if block.label in endnotes.ids:
        return  # an endnote already
    paragraph = draft.add_paragraph(style=NOTE_STYLE)
    add_reference(paragraph, Span(block.label, note=block.label), endnotes)
    add_spans(paragraph, (Span("\t"), *block.spans))


def add_reference(paragraph, span: Span, endnotes: Endnotes) -> None:
    """Word's reference to the endnote the first time; else the label, in the same style."""
    run = paragraph.add_run(style=NOTE_REFERENCE_STYLE)
    number = endnotes.ids.get(span.note)
    first = number is not None and span.note not in endnotes.referred
    if first:
        endnotes.referred.add(span.note)
        reference = OxmlElement("w:endnoteReference")
        reference.set(qn("w:id"), str(number))
        if not endnotes.numbered:
            reference.set(qn("w:customMarkFollows"), "1")
        run._r.append(reference)
    if not first or not endnotes.numbered:
        run._r.add_t(span.text)
    if span.bold:
        run.bold = True
    if span.italic:
        run.italic = True
