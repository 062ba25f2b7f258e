"""Reading back an edited DOCX draft: the editors' words, by Word's paragraph styles.

- Title, Subtitle and Byline paragraphs give the title, subtitle and byline (several of one
  style join with a space). A deleted Title leaves the metadata's title; a deleted Subtitle or
  Byline means none.
- "Heading N" is a section heading of level N (by name, alias, base style or outline level:
  structures.py, which also reads lists, tables, sign-offs and notes); Caption
  is a figure, numbered in order from 1, or, right above a table, the table's caption.
  The picture before a caption is not read back: a figure's image and alternative text come
  from the metadata's `[images]` and `[alt]` by its new number, unless a marked-up source
  written from this document names another image.
- Every other paragraph with text (Body Text, Normal, LibreOffice's Text Body, styles of the
  editor's own) is a body paragraph. Empty paragraphs, and a figure's picture, are skipped.
- A run is bold or italic when its own formatting or its character style (Strong, Emphasis)
  says so. The house typography is applied to each paragraph's whole text, as for the other
  sources, and each character keeps its emphasis (cleaning.clean_spans).

Whatever the pipeline could not carry over faithfully stops the build instead: tracked
changes (python-docx reads inserted and deleted text alike), open comments, a footnote or
endnote of several paragraphs, text outside ordinary paragraphs (text boxes), a table inside
a table, merged cells, a cell of several paragraphs, a chart, and a picture that is no
figure's. The file itself is only ever read.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from pipeline.docx_styles import cache_style_lookups
from pipeline.errors import PipelineError, excerpt
from pipeline.files import read_at_most
from pipeline.model import (
    Block,
    Byline,
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
from pipeline.readers.docx.structures import (
    NOTE_REFERENCE_STYLES,
    NOTE_STYLES,
    SIGN_OFF_STYLES,
    Place,
    heading_level,
    list_place,
    numbering_formats,
)
from pipeline.readers.front_matter import parse_byline, title_from_name

# Limits checked in the zip's directory before any part is unpacked: a DOCX of the largest
# text the sources allow unpacks to a few megabytes, pictures aside.
MAX_DOCX_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_XML_PART_BYTES = 64 * 1024 * 1024
MAX_PARTS = 10_000
XML_SUFFIXES = (".xml", ".rels")
CONTENT_TYPES = "[Content_Types].xml"
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
MACRO_TYPE = b"macroEnabled"
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted OOXML and old .doc files
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
UNREADABLE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    PackageNotFoundError,
    etree.LxmlError,
)
WORD_NOTES = ("footnote", "endnote")
NOTE_PARTS = {"footnote": RELATIONSHIP_TYPE.FOOTNOTES, "endnote": RELATIONSHIP_TYPE.ENDNOTES}
REVISIONS = ("w:ins", "w:del", "w:moveFrom", "w:moveTo")
COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
W14_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
FRONT_MATTER = ("title", "subtitle", "byline")
GRAPHIC = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"


def read_docx(path: Path, metadata: Metadata) -> Document:
    """The document in the DOCX file `path`; refused with a PipelineError when reading it
    would lose or invent text."""
    return docx_document(read_at_most(path, MAX_DOCX_BYTES), path, metadata)


def docx_document(data: bytes, path: Path, metadata: Metadata) -> Document:
    """The document in `data`, the bytes of the DOCX file `path`: the caller that must know
    which version it read (the draft bookkeeping) reads the bytes once and hashes the same."""
    try:
        return read_package(data, path, metadata)
    except etree.LxmlError as error:  # a part python-docx leaves unparsed, parsed here
        raise PipelineError(path, f"holds XML that is not well formed ({error}); it is "
                                  "corrupt: save it again from Word or LibreOffice") from None


def read_package(data: bytes, path: Path, metadata: Metadata) -> Document:
    draft = opened(data, path)
    cache_style_lookups(draft)
    body = draft.element.body
    refuse_tracked_changes(body, path)
    refuse_comments(draft, body, path)
    paragraphs = [DocxParagraph(p, draft.part) for p in outer_paragraphs(body)]
    read = [(paragraph, paragraph_runs(paragraph)) for paragraph in paragraphs]
    refuse_unread_text(body, read, path)
    refuse_uncarried(draft, body, path)
    labels = note_labels(body)
    result = document(path.stem, read, metadata, numbering_formats(draft), labels, path)
    notes = word_notes(draft, labels, path)
    return replace(result, blocks=result.blocks + tuple(notes)) if notes else result


# --- Refusals --------------------------------------------------------------------------------


def opened(data: bytes, path: Path):
    if data.startswith(OLE_SIGNATURE):
        if ENCRYPTED_PACKAGE in data:
            raise PipelineError(path, "is password-protected; save it without a password")
        raise PipelineError(path, "is an old Word 97-2003 file; save it as a .docx document")
    try:
        check_package(zipfile.ZipFile(BytesIO(data)), path)
        return docx.Document(BytesIO(data))
    except UNREADABLE:
        raise PipelineError(
            path, "not a readable DOCX file (corrupt, or not a Word document)"
        ) from None


def check_package(package: zipfile.ZipFile, path: Path) -> None:
    """Refuse, before anything is unpacked, a DOCX holding macros, or whose parts would
    unpack to more than the limits (a zip bomb: a few megabytes swelling to gigabytes)."""
    parts = package.infolist()
    if len(parts) > MAX_PARTS:
        raise PipelineError(path, f"holds {len(parts):,} parts; the limit is {MAX_PARTS:,}")
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_BYTES:
        raise PipelineError(path, f"would unpack to {total:,} bytes; the limit is "
                                  f"{MAX_UNPACKED_BYTES:,}")
    for part in parts:
        if part.filename.endswith(XML_SUFFIXES) and part.file_size > MAX_XML_PART_BYTES:
            raise PipelineError(path, f"its part {part.filename} would unpack to "
                                      f"{part.file_size:,} bytes; the limit is "
                                      f"{MAX_XML_PART_BYTES:,}")
    names = [part.filename.casefold() for part in parts]
    types = package.read(CONTENT_TYPES) if CONTENT_TYPES in package.namelist() else b""
    if any(name.endswith(MACRO_PARTS) for name in names) or MACRO_TYPE in types:
        raise PipelineError(path, "holds macros (a .docm document); save it as a Word "
                                  "document (.docx) without them")


def refuse_tracked_changes(body, path: Path) -> None:
    if any(next(body.iter(qn(tag)), None) is not None for tag in REVISIONS):
        raise PipelineError(
            path,
            "holds tracked changes; accept or reject them (Review > Accept/Reject all), save,"
            " and run doit again",
        )


def refuse_comments(draft, body, path: Path) -> None:
    count = len(open_comments(draft, body))
    if count:
        raise PipelineError(
            path,
            f"holds {count} comment{'s' * (count != 1)}; resolve or delete them, save,"
            " and run doit again",
        )


def open_comments(draft, body) -> set[str]:
    """The ids of the comments not marked resolved, in comments.xml or anchored in the text."""
    anchored = {
        anchor.get(qn("w:id"))
        for tag in ("w:commentRangeStart", "w:commentReference")
        for anchor in body.iter(qn(tag))
    }
    comments = [
        comment
        for part in related_parts(draft, RELATIONSHIP_TYPE.COMMENTS)
        for comment in part_xml(part).iter(qn("w:comment"))
    ]
    resolved = resolved_paragraphs(draft)
    done = {
        comment.get(qn("w:id"))
        for comment in comments
        if any(p.get(W14_PARA_ID) in resolved for p in comment.iter(qn("w:p")))
    }
    return ({comment.get(qn("w:id")) for comment in comments} | anchored) - done


def resolved_paragraphs(draft) -> set[str]:
    """Word and LibreOffice mark a resolved comment by its paragraph id in commentsExtended."""
    return {
        entry.get(f"{W15}paraId")
        for part in related_parts(draft, COMMENTS_EXTENDED)
        for entry in part_xml(part).iter(f"{W15}commentEx")
        if entry.get(f"{W15}done") in ("1", "true")
    }


def related_parts(draft, relationship_type: str) -> list:
    return [
        rel.target_part
        for rel in draft.part.rels.values()
        if rel.reltype == relationship_type and not rel.is_external
    ]


def part_xml(part):
    # python-docx parses the parts it knows (comments) and keeps the others as bytes.
    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def refuse_unread_text(body, read: list[tuple[DocxParagraph, list[Run]]], path: Path) -> None:
    """Text in no paragraph read (a text box, say) would silently vanish: stop instead."""
    read_runs = {run._r for _, runs in read for run in runs}
    unread = " ".join(t.text or "" for t in body.iter(qn("w:t")) if t.getparent() not in read_runs)
    if unread.strip():
        raise PipelineError(
            path,
            f"holds text outside ordinary paragraphs, in a text box or similar ({excerpt(unread)});"
            " move it into a paragraph, save, and run doit again",
        )


def refuse_uncarried(draft, body, path: Path) -> None:
    """What the editions cannot carry stops the build, saying where it stands: a table in a
    table, merged cells, a chart, or a picture that is not a figure's (one right before a
    Caption)."""
    for number, table in enumerate(body.iter(qn("w:tbl")), 1):
        if next(table.iterancestors(qn("w:tbl")), None) is not None:
            raise PipelineError(path, f"holds a table inside a table ({place_of(table)}); make"
                                " it one table, save, and run doit again")
        spans_columns = any(int(span.get(qn("w:val"), "1")) > 1
                            for span in table.iter(qn("w:gridSpan")))
        if spans_columns or next(table.iter(qn("w:vMerge"), qn("w:hMerge")), None) is not None:
            raise PipelineError(path, f"table {number} ({place_of(table)}) has merged cells,"
                                " which the editions do not have; split them, save, and run"
                                " doit again")
    for drawing in body.iter(qn("w:drawing")):
        if any(element.get("uri", "").endswith("/chart") for element in drawing.iter(GRAPHIC)):
            raise PipelineError(path, f"holds a chart ({place_of(drawing)}); the editions take"
                                " pictures only as figures: remove it, save, and run doit again")
        paragraph = next(drawing.iterancestors(qn("w:p")))
        following = paragraph.getnext()
        if following is None or following.tag != qn("w:p") or style_name(
                DocxParagraph(following, draft.part)) != "caption":
            raise PipelineError(
                path,
                f"holds a picture that is not a figure's ({place_of(drawing)}); a figure is a"
                " picture followed by its caption, in Caption style: remove the picture or"
                " caption it, and name its file in the metadata's [images]",
            )


def place_of(element) -> str:
    """Where an element stands, for a message: after the text of the block before it."""
    block = element
    while block.getparent() is not None and block.getparent().tag != qn("w:body"):
        block = block.getparent()
    for previous in block.itersiblings(preceding=True):
        text = " ".join("".join(t.text or "" for t in previous.iter(qn("w:t"))).split())
        if text:
            return f"after {excerpt(text)}"
    return "at the start"


# --- Paragraphs and runs ---------------------------------------------------------------------


def outer_paragraphs(body) -> list:
    """The body's paragraphs in order, table cells included; not those inside text boxes."""
    return [p for p in body.iter(qn("w:p")) if next(p.iterancestors(qn("w:p")), None) is None]


def paragraph_runs(paragraph: DocxParagraph) -> list[Run]:
    """The paragraph's own runs: direct, in hyperlinks, fields, content controls and smart
    tags alike; not the runs of a text box's paragraphs."""
    p = paragraph._p
    return [Run(r, paragraph) for r in p.iter(qn("w:r")) if next(r.iterancestors(qn("w:p"))) is p]


def spans(runs: list[Run], labels: dict[tuple[str, str], str]) -> tuple[Span, ...]:
    return clean_spans([
        Span(note_label(run, labels) or run.text, emphasised(run, "bold"),
             emphasised(run, "italic"), note_label(run, labels))
        for run in runs
    ])


def note_label(run: Run, labels: dict[tuple[str, str], str]) -> str:
    """The label of the note a run refers to: Word's footnote or endnote by its number or
    mark, or a run in a note-reference style by its text."""
    reference = reference_of(run._r)
    if reference is not None:
        return labels.get(reference, "")
    style = run.style
    name = style.name.casefold() if style is not None and style.name else ""
    return run.text.strip() if name in NOTE_REFERENCE_STYLES else ""


def reference_of(run) -> tuple[str, str] | None:
    """("endnote" or "footnote", its id) of the Word note a run refers to."""
    for kind in WORD_NOTES:
        reference = run.find(qn(f"w:{kind}Reference"))
        if reference is not None:
            return kind, reference.get(qn("w:id"))
    return None


def note_labels(body) -> dict[tuple[str, str], str]:
    """Each Word note's label: its custom mark, else its number among the numbered notes in
    the order of their references (footnotes and endnotes counted together)."""
    labels: dict[tuple[str, str], str] = {}
    numbered = 0
    for run in body.iter(qn("w:r")):
        reference = reference_of(run)
        if reference is None:
            continue
        element = run.find(qn(f"w:{reference[0]}Reference"))
        if element.get(qn("w:customMarkFollows")) in ("1", "true", "on"):
            labels[reference] = "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()
        else:
            numbered += 1
            labels[reference] = str(numbered)
    return labels


def word_notes(draft, labels: dict[tuple[str, str], str], path: Path) -> list[Note]:
    """The Word footnotes and endnotes the text refers to, as notes, in reference order."""
    bodies = {}
    for kind in WORD_NOTES:
        for part in related_parts(draft, NOTE_PARTS[kind]):
            for note in parse_xml(part.blob).iter(qn(f"w:{kind}")):
                bodies[(kind, note.get(qn("w:id")))] = note
    notes = []
    for reference, label in labels.items():
        note = bodies.get(reference)
        if note is None:
            raise PipelineError(path, f"refers to {reference[0]} {label}, which the file does"
                                " not hold; delete the reference, save, and run doit again")
        paragraphs = [DocxParagraph(p, draft.part) for p in note.iter(qn("w:p"))]
        written = [p for p in paragraphs if p.text.strip()]
        if len(written) > 1:
            raise PipelineError(path, f"{reference[0]} {label} has {len(written)} paragraphs;"
                                " make it one paragraph, save, and run doit again")
        runs = [run for p in written for run in paragraph_runs(p)
                if run._r.find(qn(f"w:{reference[0]}Ref")) is None
                and not (run.style is not None and run.style.name
                         and run.style.name.casefold() in NOTE_REFERENCE_STYLES
                         and run.text.strip() == label)]
        notes.append(Note(label, spans(runs, labels)))
    return notes


def emphasised(run: Run, attribute: str) -> bool:
    """The run's own bold or italic, else its character style's (or the style it is based on)."""
    value = getattr(run.font, attribute)
    style = run.style
    while value is None and style is not None:
        value = getattr(style.font, attribute)
        style = style.base_style
    return bool(value)


def style_name(paragraph: DocxParagraph) -> str:
    style = paragraph.style
    return style.name.casefold() if style is not None and style.name else "normal"


# --- The document ----------------------------------------------------------------------------


def document(
    name: str,
    read: list[tuple[DocxParagraph, list[Run]]],
    metadata: Metadata,
    numbering: dict,
    labels: dict[tuple[str, str], str],
    path: Path,
) -> Document:
    front: dict[str, list[str]] = {key: [] for key in FRONT_MATTER}
    blocks: list[Block] = []
    items: list[tuple[Place, tuple[Span, ...]]] = []  # a list being read
    tables_read: set = set()
    caption: tuple[Span, ...] = ()  # a Caption right above a table: the table's
    for paragraph, runs in read:
        place = list_place(paragraph, numbering)
        if items and (place is None or place.starts_another(items[0][0])):
            blocks.append(listed(items))
            items = []
        table = next(paragraph._p.iterancestors(qn("w:tbl")), None)
        if table is not None:
            if table not in tables_read:
                tables_read.add(table)
                blocks.append(replace(read_table(table, paragraph, labels, path,
                                                 len(tables_read)), caption=caption))
                caption = ()
            continue
        text = spans(runs, labels)
        if not text:
            continue
        style = style_name(paragraph)
        level = heading_level(paragraph)
        if style in front:
            front[style].append(plain(text))
        elif place is not None:
            items.append((place, text))
        elif level is not None:
            blocks.append(Heading(plain(text), level))
        elif style == "caption" and is_above_table(paragraph):
            caption = text
        elif style == "caption":
            number = len([block for block in blocks if isinstance(block, Figure)]) + 1
            blocks.append(metadata.figure(number, text))
        elif style in SIGN_OFF_STYLES:
            # Lines typed as paragraphs of their own, not parted by line breaks, are one too.
            lines = tuple(line for line in lines_of(runs, labels) if line)
            if blocks and isinstance(blocks[-1], SignOff):
                lines = blocks.pop().lines + lines
            blocks.append(SignOff(lines))
        elif style in NOTE_STYLES and text[0].note:
            blocks.append(Note(text[0].note, clean_spans(text[1:])))
        else:
            blocks.append(Paragraph(text))
    if items:
        blocks.append(listed(items))
    title, subtitle, byline = (clean_line(" ".join(front[key])) for key in FRONT_MATTER)
    return Document(
        name,
        replace(
            metadata, title=title or metadata.title or title_from_name(name), subtitle=subtitle
        ),
        read_byline(byline),
        tuple(blocks),
    )


def is_above_table(paragraph: DocxParagraph) -> bool:
    following = paragraph._p.getnext()
    return following is not None and following.tag == qn("w:tbl")


def listed(items: list[tuple[Place, tuple[Span, ...]]]) -> List:
    """One list from its paragraphs: those of a deeper level than the first nested in the
    item before, to any depth."""
    first = items[0][0]
    top: list[tuple[tuple[Span, ...], list]] = []
    for place, text in items:
        if place.level > first.level and top:
            top[-1][1].append((place, text))
        else:
            top.append((text, []))
    return List(
        tuple(ListItem(text, listed(nested) if nested else None) for text, nested in top),
        first.style,
        first.start,
        first.marker,
    )


def read_table(table, paragraph: DocxParagraph, labels: dict[tuple[str, str], str], path: Path,
               number: int) -> Table:
    rows = []
    for row in table.iter(qn("w:tr")):
        cells = []
        for cell in row.iter(qn("w:tc")):
            paragraphs = [DocxParagraph(p, paragraph._parent) for p in cell.iter(qn("w:p"))]
            written = [p for p in paragraphs if p.text.strip()]
            if len(written) > 1:
                raise PipelineError(path, f"table {number} has a cell of {len(written)}"
                                    " paragraphs; make each cell one paragraph, save, and run"
                                    " doit again")
            cells.append(spans(paragraph_runs(written[0]), labels) if written else ())
        rows.append(tuple(cells))
    widths = {len(row) for row in rows}
    if len(widths) > 1 or not rows:
        raise PipelineError(path, f"table {number} has rows of unequal length; give every row"
                            " the same cells, save, and run doit again")
    return Table(rows[0], tuple(rows[1:]))


def lines_of(runs: list[Run], labels: dict[tuple[str, str], str]) -> list[tuple[Span, ...]]:
    """A paragraph's lines, parted by its line breaks, each cleaned."""
    lines: list[list[tuple[Run, str]]] = [[]]
    for run in runs:
        for index, piece in enumerate(run.text.split("\n")):
            if index:
                lines.append([])
            lines[-1].append((run, piece))
    return [clean_spans([Span(note_label(run, labels) or piece, emphasised(run, "bold"),
                              emphasised(run, "italic"), note_label(run, labels))
                         for run, piece in line]) for line in lines]


def read_byline(text: str) -> Byline | None:
    return parse_byline(text) if text.strip(" ,") else None
