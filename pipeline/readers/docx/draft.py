"""Reading back an edited DOCX draft: the editors' words, by Word's paragraph styles.

- Title, Subtitle and Byline paragraphs give the title, subtitle and byline (several of one
  style join with a space), the opening paragraphs only: one below the text's start is
  refused. A deleted Title leaves the metadata's title; a deleted Subtitle or Byline means
  none.
- "Heading N" is a section heading of level N (by name, alias, base style or outline level:
  structures.py, which also reads tables, sign-offs and notes); a heading Word
  numbers keeps the number Word shows as its text.
- A paragraph Word numbers, or in a List Bullet or List Number style, is a list item, its
  number the one Word shows (numbering.py).
- Caption is a figure. The picture before it and its caption carry the figure's identity,
  which the writer gives them: the picture's name ("Figure 3") and a bookmark at the caption
  (`_Figure3`). The figure keeps its number by it, so its image and alternative text follow
  it wherever it moves; a figure the editor added is numbered after every other, and one
  whose picture's alternative text the editor changed keeps the new text. A draft none of
  whose figures carries an identity (one written before there were any, or made elsewhere)
  numbers its figures in order from 1. A style based on Caption (LibreOffice's Figure) is a
  Caption; a picture may stand in its caption's paragraph, and a picture captioned in a frame
  (LibreOffice's Insert > Caption) is a figure before the paragraph the frame is anchored
  to. Each figure's picture is returned with the document (Imported), for the caller to
  take out what the editor put there (tasks/media.py).
- A paragraph Word sets as a drop cap (a frame holding a letter) begins the paragraph after
  it. A Caption right above a table, or right below one, that is no figure's (no picture
  before it, no figure's mark) is the table's caption, as Word's Insert Caption sets it
  above and editors often type it below. A paragraph in a quotation's style (Word's Quote,
  Intense Quote or Block Text, LibreOffice's Quotations) is a displayed quotation, the
  style's italic its look; one in Attribution (the draft's, for who said a quotation) is a
  body paragraph, its style's look none of its words'. Every other paragraph with text (Body Text,
  Normal, LibreOffice's Text Body, styles of the editor's own) is a body paragraph. Empty
  paragraphs are skipped.
- Inline content (emphasis, superscript and subscript, links, note references, whatever
  wraps them) is inline.py's. The house typography is applied to each
  paragraph's whole text, as for the other sources, and each character keeps its formatting
  (cleaning.clean_spans). A heading, title, subtitle or byline is plain text, but for a
  phrase's language (not the subtitle's): its raised and lowered figures become Unicode's
  (CO₂), and the italic, underline, small capitals or bold on some of its words that the
  editions do not keep is noted, for the editor to be told.

Whatever the pipeline could not carry over faithfully stops the build instead: tracked
changes to the text (python-docx reads inserted and deleted text alike), open comments, a
footnote or endnote of several paragraphs, or in a caption, heading or the front matter, a
link in a heading or the front matter (to a place in the draft too: its words unchanged, the
draft would read as holding no edit), text outside ordinary paragraphs (text boxes, frames
holding more than a picture and its caption), two pictures over one caption, a picture
linked to a file outside the draft, a table inside a table, merged cells, a cell of several
paragraphs or a list in one, a list numbered in a way the editions cannot print (a compound
number showing others' otherwise than 1.1.), a chart, a part imported from another file
(altChunk), a picture that is no figure's, and what inline.py refuses. So does a draft no
editor's application writes (a part declaring a DTD, a part or picture taken from a file
outside it: only a hyperlink leads out) or too large to import, before it is read. The file
itself is only ever read.
"""

from __future__ import annotations

import itertools
import re
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from io import BytesIO
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from pipeline.docx_styles import cache_style_lookups
from pipeline.errors import PipelineError, excerpt
from pipeline.files import read_at_most
from pipeline.languages import NOTES_HEADING, PROFILES, detect
from pipeline.model import (
    MAX_TEXTS,
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
    plain,
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
from pipeline.readers.decoding import MAX_SOURCE_BYTES
from pipeline.readers.docx.inline import (
    BREAKS,
    CONTENTS_REMEDY,
    R,
    Story,
    lines,
    note_label_of,
    refusal,
)
from pipeline.readers.docx.numbering import Numbering, Place
from pipeline.readers.docx.structures import (
    ATTRIBUTION_STYLES,
    FRONT_MATTER,
    LINES_STYLES,
    NOTE_STYLES,
    OFF,
    QUOTATION_STYLES,
    SIGN_OFF_STYLES,
    Styles,
    contents,
    heading_level,
    place_of,
    table_rows,
    whole_number,
)
from pipeline.readers.front_matter import parse_byline, signatory, title_from_name
from pipeline.readers.numbering import Marked, counts_on_from, form_of, list_numbering, marker_of
from pipeline.readers.pictures import SVG_ROOT

# Limits checked in the zip's directory before any part is unpacked: a DOCX of the largest
# text the sources allow unpacks to a few megabytes, pictures aside.
MAX_DOCX_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_XML_PART_BYTES = 64 * 1024 * 1024
MAX_PARTS = 10_000
# Where a page break the editor made stands in a paragraph: the notice says which.
BEFORE, AFTER = "before", "after"
MIN_TYPED_ITEMS = 2  # paragraphs opening with a typed marker, in a row: one alone is text
# Paragraphs (empty ones, cells' and notes' too): a few for each text a document may hold, so
# that a draft of far more is refused before it is read (100,000 take half a minute).
MAX_PARAGRAPHS = 4 * MAX_TEXTS
XML_SUFFIXES = (".xml", ".rels")
CONTENT_TYPES = "[Content_Types].xml"
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
MACRO_TYPE = b"macroEnabled"
PACKAGE_RELATIONSHIPS = "_rels/.rels"
CORE_PROPERTIES = "/metadata/core-properties"  # how a core properties relationship type ends
DUBLIN_CORE = "{http://purl.org/dc/elements/1.1/}"
# The main document's relationship in a Strict Open XML package (ISO/IEC 29500-1 Strict, Word's
# Save As "Strict Open XML Document"), whose parts are in namespaces python-docx does not read.
STRICT_DOCUMENT = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
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
OPEN_DOCUMENT = b"application/vnd.oasis.opendocument"  # an ODF package's mimetype
WORD_NOTES = ("footnote", "endnote")
NOTE_PARTS = {"footnote": RELATIONSHIP_TYPE.FOOTNOTES, "endnote": RELATIONSHIP_TYPE.ENDNOTES}
# Tracked changes to the text; a w:ins holding no text (an inserted paragraph mark) is none.
REVISIONS = ("w:del", "w:moveFrom", "w:moveTo")
COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
W14_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
GRAPHIC = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
DOCUMENT_PROPERTIES = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
# A figure's identity, as the writer gives it: the picture's name and the caption's bookmark.
PICTURE_NAME = re.compile(r"Figure (\d+)")
CAPTION_BOOKMARK = re.compile(r"_Figure(\d+)")
DROP_CAPS = ("drop", "margin")
# The alternative text the writer gives a picture the metadata describes not, in any language.
DEFAULT_ALTS = {profile.reader_words.alt for profile in PROFILES}


@dataclass(frozen=True)
class Imported:
    """A draft read back: its document, and the picture each figure has in the draft (the
    bytes of its image part), by figure number; a figure without one has none."""

    document: Document
    pictures: dict[int, bytes]
    identity: str = ""  # the identity of the draft it was edited from, if it kept one
    # The paragraphs holding a line break (Shift+Enter) read as a space, in text that keeps no
    # lines of its own (body text, a heading, a list item): the editor is told.
    joined: tuple[str, ...] = ()
    # The paragraphs of body text set wholly in bold and shaped as a heading (a heading made
    # by direct formatting, no Heading style): the editor is told.
    bold_lines: tuple[str, ...] = ()
    # The paragraphs at a page break the editor made (a page, column or section break, or
    # "page break before"), which the editions do not keep: they make their own pages. Each
    # with where the break stands in it ("before", "after" or "in" its words).
    page_breaks: tuple[tuple[str, str], ...] = ()
    # The headings and lines of the front matter holding formatting the editions do not keep,
    # setting each in its one style (unkept_formatting): the editor is told. Each with the
    # formatting, the paragraph's place ("heading", "title", "subtitle", "byline") and words.
    unkept_formatting: tuple[tuple[str, str, str], ...] = ()
    # The first item of each list whose bullet came back empty and that no list the draft was
    # written with accounts for: printed with the editions' own bullet, the editor is told.
    unbulleted: tuple[str, ...] = ()


@dataclass
class WrittenBullets:
    """The pictographs the draft's lists were written with (✅, 👉), by their items' words.
    LibreOffice keeps a bullet as one UTF-16 unit, so it saves 👉 (outside the Basic
    Multilingual Plane) as an empty bullet, and rewrites the numbering's ids; the items' words
    are what it keeps. A list whose bullet came back empty takes the pictograph of the written
    lists sharing an item with it; one they do not account for (its every item retyped, or
    no such list) is noted, to be said."""

    pictographs: dict[str, set[str]]  # an item's words -> the pictographs of lists holding it
    unaccounted: list[str] = field(default_factory=list)  # Imported.unbulleted

    @classmethod
    def of(cls, written: Document | None) -> WrittenBullets:
        pictographs: dict[str, set[str]] = {}
        pending = [block for block in (written.blocks if written else ())
                   if isinstance(block, List)]
        while pending:
            block = pending.pop()
            pending += [item.sublist for item in block.items if item.sublist is not None]
            for item in block.items if block.marker and not block.numbered else ():
                pictographs.setdefault(words(item.text), set()).add(block.marker)
        return cls(pictographs)

    def restored(self, block: List) -> List:
        """`block`, read with an empty bullet, bulleted as the draft was written."""
        found = set().union(*(self.pictographs.get(words(item.text), set())
                              for item in block.items))
        if len(found) == 1:
            return replace(block, marker=found.pop())
        self.unaccounted.append(block.items[0].text)
        return block


def words(text: str) -> str:
    """A text's words, however spaced (no-break spaces, a space typed in their place)."""
    return " ".join(text.split())


def read_docx(path: Path, metadata: Metadata, written: Document | None = None) -> Document:
    """The document in the DOCX file `path`; refused with a PipelineError when reading it
    would lose or invent text. `written` is the document the draft was written from, if
    known: a figure keeps its image and alternative text by its identity."""
    return docx_document(read_at_most(path, MAX_DOCX_BYTES), path, metadata, written)


def docx_document(data: bytes, path: Path, metadata: Metadata,
                  written: Document | None = None) -> Document:
    """The document in `data`, the bytes of the DOCX file `path`."""
    return import_docx(data, path, metadata, written).document


def import_docx(data: bytes, path: Path, metadata: Metadata,
                written: Document | None = None) -> Imported:
    """The document in `data`, the bytes of the DOCX file `path`, and its figures' pictures:
    the caller that must know which version it read (the draft bookkeeping) reads the bytes
    once and hashes the same."""
    if written:
        metadata = as_text_gave(metadata, written)
    try:
        with reading_in(metadata.language):
            return read_package(data, path, metadata, written)
    except etree.LxmlError as error:  # a part python-docx leaves unparsed, parsed here
        raise PipelineError(path, not_well_formed(error)) from None


def as_text_gave(metadata: Metadata, written: Document) -> Metadata:
    """The metadata file's `metadata`, with what the text the draft was written from gave
    where the file gives none and the draft holds it nowhere: its language (a Chinese text's
    metadata file may name none: its lines are of the language it was built in), the body
    its page's footer, opener or sign-off named, and a date or an author only a line dropped
    as debris gave (a release line, a page's dateline and its poster). A date or an author
    the text gives itself (its sign-off's date, its signatory) is read again from the draft
    (`Reading.document`), so that an editor's change to the sign-off is the editions'."""
    given = written.metadata
    signed = written.byline is None and given.author == signatory(written)
    return replace(metadata, language=given.language,
                   organisation=metadata.organisation or given.organisation,
                   date=metadata.date or ("" if given.date == written.own_date else given.date),
                   author=metadata.author or ("" if signed else given.author))


def not_well_formed(error: etree.LxmlError, part: str = "") -> str:
    where = f"{part}: " if part else ""
    said = getattr(error, "msg", "") or error  # a syntax error's, without lxml's "(<string>…)"
    return (f"holds XML that is not well formed ({where}{said}); it is corrupt: save it again"
            " from Word or LibreOffice")


def read_package(data: bytes, path: Path, metadata: Metadata,
                 written: Document | None) -> Imported:
    draft = opened(data, path)
    refuse_external_targets(draft, path)
    refuse_too_large(draft, path)
    cache_style_lookups(draft)
    body = draft.element.body
    refuse_unreviewed(draft, body, path)
    styles = Styles(draft)
    refuse_uncarried(body, styles, path)
    labels = note_label_of(body)
    language = (written.metadata if written else metadata).language
    story = Story(styles, draft.part.rels, labels, path, language)
    reading = Reading(path, metadata, styles, Numbering.of(draft, styles), story,
                      figure_identities(body, metadata, written), WrittenBullets.of(written),
                      *written_rows(written))
    result = reading.document(body)
    refuse_unread_text(body, story.seen, path)
    if written is not None and not metadata.title and not reading.titled:
        # Its file's name would title every edition, and the marked-up source would keep it
        # over a title the metadata file gives later.
        raise PipelineError(path, "has no title (its Title paragraph was deleted): type the "
                                  "title back in the Title style, or give one in the "
                                  "metadata file (title = \"…\"), and run doit again")
    if not result.blocks:
        # A body emptied (Select All, Delete, Save) is no edit to publish: every edition
        # would be a title page, the text imported before lost with the source rewritten.
        raise PipelineError(path, "holds no text after its title (its body is empty); undo the"
                                  " deletion, or put back the draft from output/, and run doit"
                                  " again")
    notes = word_notes(draft, styles, labels, path, language)
    return Imported(replace(result, blocks=with_notes(result.blocks, notes)) if notes else result,
                    reading.drawn, identity_of(draft), tuple(reading.joined),
                    tuple(reading.bold_lines), tuple(reading.page_breaks),
                    tuple(reading.unkept_formatting), tuple(reading.bullets.unaccounted))


def identity_of(draft) -> str:
    """The identity of the draft an edited one was written as: its core properties'
    dc:identifier, which the draft writer sets. Found by the relationship's ending, as
    python-docx does not: LibreOffice names it by ECMA-376's first edition ("officedocument/
    2006/relationships/metadata/core-properties")."""
    for rel in draft.part.package.rels.values():
        if rel.reltype.endswith(CORE_PROPERTIES) and not rel.is_external:
            identifier = part_xml(rel.target_part).find(f"{DUBLIN_CORE}identifier")
            return (identifier.text or "").strip() if identifier is not None else ""
    return ""


def with_notes(blocks: tuple[Block, ...], notes: list[Note]) -> tuple[Block, ...]:
    """The text's blocks with Word's notes at their end; or right under the text's notes
    heading ("Notes", "註釋") where a sign-off written after the notes follows it, which
    Word shows above its endnotes; or before the next section's heading, where one follows
    the notes' (`References` under `Notes`)."""
    heading = max((index for index, block in enumerate(blocks)
                   if isinstance(block, Heading) and NOTES_HEADING.fullmatch(block.text)),
                  default=len(blocks))
    signed = any(isinstance(block, SignOff) for block in blocks[heading:])
    section = next((index for index in range(heading + 1, len(blocks))
                    if isinstance(blocks[index], Heading)), len(blocks))
    at = heading + 1 if signed else section
    return numbered_in_order((*blocks[:at], *notes, *blocks[at:]))


def numbered_in_order(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Notes standing together in the order of their numbers: a note the text does not refer
    to, which Word cannot hold as a note and the draft holds as a paragraph under the notes
    heading, beside Word's notes, which follow it ("2" written before "1")."""
    ordered, run = [], []
    for block in (*blocks, None):
        if isinstance(block, Note):
            run.append(block)
            continue
        if all(note.label.isdecimal() for note in run):
            run.sort(key=lambda note: int(note.label))
        ordered += run
        run = []
        if block is not None:
            ordered.append(block)
    return tuple(ordered)


# --- Refusals --------------------------------------------------------------------------------


def opened(data: bytes, path: Path):
    if not data:
        raise PipelineError(path, "is empty (0 bytes); save it again from Word or LibreOffice")
    if data.startswith(OLE_SIGNATURE):
        if ENCRYPTED_PACKAGE in data:
            raise PipelineError(path, "is password-protected; save it without a password")
        raise PipelineError(path, "is an old Word 97-2003 file; save it as a .docx document")
    if data.lstrip().startswith(b"{\\rtf"):
        raise PipelineError(path, "is a Rich Text file (.rtf) under a .docx name; save it as"
                                  " Word (File > Save As, Word 2007-365 .docx)")
    try:
        package = zipfile.ZipFile(BytesIO(data))
        if "mimetype" in package.namelist() and package.read("mimetype").startswith(
                OPEN_DOCUMENT):
            raise PipelineError(path, "is an OpenDocument file (.odt) under a .docx name; save"
                                      " it as Word (File > Save As, Word 2007-365 .docx)")
        check_package(package, path)
        return docx.Document(BytesIO(data))
    except etree.XMLSyntaxError as error:  # a part python-docx parses on opening
        raise PipelineError(path, not_well_formed(error, broken_part(package))) from None
    except UNREADABLE:
        raise PipelineError(
            path, "not a readable DOCX file (corrupt, or not a Word document)"
        ) from None


def broken_part(package: zipfile.ZipFile) -> str:
    """The name of the package's first XML part that is not well formed, if one is."""
    for name in package.namelist():
        if name.endswith((".xml", ".rels")):
            try:
                etree.fromstring(package.read(name), etree.XMLParser(resolve_entities=False))
            except etree.XMLSyntaxError:
                return name
    return ""


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
    relationships = (package.read(PACKAGE_RELATIONSHIPS)
                     if PACKAGE_RELATIONSHIPS in package.namelist() else b"")
    if STRICT_DOCUMENT in relationships:
        raise PipelineError(path, "is saved as Strict Open XML; save it as a Word Document"
                                  " (.docx), as Word and LibreOffice save one unless asked")
    for part in parts:
        if declares_dtd(package, part):
            raise PipelineError(path, f"its part {part.filename} declares a DTD (a document "
                                      "type, where entities are declared), which a Word or "
                                      "LibreOffice draft never does; save it again from Word or"
                                      " LibreOffice")


def declares_dtd(package: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    """Whether the part is XML declaring a document type (a DTD), read only as far as its root
    element, before which a DTD stands. Its entities would be left unresolved, and the words
    after one dropped, or, resolved, pull in a file of the machine; ECMA-376 Part 2 (OPC),
    8.1.4 [M1.18], has packages hold none and readers take one as an error. A part that is
    no XML (a picture) or not well formed is none here (it is refused where it is read); an
    SVG picture may carry one (Illustrator writes it), and is read without entities."""
    try:
        with package.open(part) as stream:
            for _, root in etree.iterparse(stream, events=("start",), load_dtd=False,
                                           resolve_entities=False, no_network=True):
                return bool(root.getroottree().docinfo.doctype) and root.tag != SVG_ROOT
    except etree.LxmlError:
        return False
    return False


def refuse_external_targets(draft, path: Path) -> None:
    """A part whose text is read (the document's, its notes') may relate to something outside
    the draft only by a hyperlink, read as its address: anything else so related (styles,
    numbering, a header, a linked picture: Insert > Picture > Link to File) is a file the
    pipeline never reads, and python-docx fails on some."""
    for part in (draft.part, *note_parts(draft)):
        for rel in part.rels.values():
            if rel.is_external and rel.reltype != RELATIONSHIP_TYPE.HYPERLINK:
                raise external_target(draft, part, rel, path)


def external_target(draft, part, rel, path: Path) -> PipelineError:
    name = part.partname.lstrip("/")
    user = next((element for element in part_xml(part).iter() if any(
        key.startswith(R) and value == rel.rId for key, value in element.items())), None)
    if rel.reltype == RELATIONSHIP_TYPE.IMAGE:
        where = place_of(user) if user is not None and part is draft.part else f"in {name}"
        drawing = next(user.iterancestors(qn("w:drawing")), None) if user is not None else None
        number = picture_number(next(drawing.iter(DOCUMENT_PROPERTIES), None)
                                if drawing is not None else None)
        where = f"figure {number}, {where}" if number is not None else where
        return PipelineError(path, f"holds a picture linked to a file outside the draft"
                                   f" ({where}); insert the picture itself (not as a link),"
                                   " save, and run doit again")
    return PipelineError(path, f"its part {name} takes its {rel.reltype.rsplit('/', 1)[-1]}"
                               f" from a file outside the draft ({excerpt(rel.target_ref)}),"
                               " which the pipeline never reads; make it part of the draft"
                               " (not a link) or remove it, save, and run doit again")


def refuse_too_large(draft, path: Path) -> None:
    """A draft the import could not make a source of is refused before it is read, cheaply:
    one whose words alone (each run of white space one space) would make a marked-up source
    larger than a source may be, or one of far more paragraphs than a document may hold
    texts. The source made is checked whole before it is written (tasks/drafts.py)."""
    stories = [draft.element.body, *(part_xml(part) for part in note_parts(draft))]
    size = sum(len(" ".join(t.text.split()).encode()) for story in stories
               for t in story.iter(qn("w:t")) if t.text)
    if size > MAX_SOURCE_BYTES:
        raise too_large(path, f"more than {size:,}")
    paragraphs = sum(1 for story in stories for _ in story.iter(qn("w:p")))
    if paragraphs > MAX_PARAGRAPHS:
        raise PipelineError(path, f"holds {paragraphs:,} paragraphs, empty ones too; the limit is"
                                  f" {MAX_PARAGRAPHS:,} (a document holds at most {MAX_TEXTS:,}"
                                  " paragraphs, headings, list items, table cells and other"
                                  " texts): split it into several documents")


def too_large(path: Path, size: str) -> PipelineError:
    return PipelineError(path, f"too large to import: its text would make a marked-up source of"
                               f" {size} bytes; the limit is {MAX_SOURCE_BYTES:,}")


def refuse_unreviewed(draft, body, path: Path) -> None:
    """A draft still under review, holding tracked changes (in its text or its notes) or open
    comments, is refused in one line naming both where it holds both, so one round of review
    settles it."""
    notes = [part_xml(part) for part in note_parts(draft)]
    changed = any(revised(element) for element in (body, *notes))
    open_ids = open_comments(draft, body)
    count = len(open_ids)
    noun = f"comment{'s' * (count != 1)}"
    # Where the first is: in the text, else in a note (an endnote's or a footnote's words).
    where = first_commented(body, open_ids, count) or next(
        (f" in a note{said}" for note in notes
         if (said := first_commented(note, open_ids, count))), "")
    comments, them = f"{count} {noun}{where}", (
        "them" if count != 1 else "it")
    if changed and count:
        raise PipelineError(path, f"holds tracked changes and {comments}; accept or reject the"
                                  " changes (Review > Accept/Reject all), resolve or delete the"
                                  f" {noun}, save, and run doit again")
    if changed:
        raise PipelineError(path, "holds tracked changes; accept or reject them (Review >"
                                  " Accept/Reject all), save, and run doit again")
    if count:
        raise PipelineError(path, f"holds {comments}; resolve or delete {them}, save, and run"
                                  " doit again")


def revised(element) -> bool:
    """Whether `element` (the body, or a part of notes) holds tracked changes to its text."""
    return any(next(element.iter(qn(tag)), None) is not None for tag in REVISIONS) or any(
        next(insertion.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:drawing")), None)
        is not None for insertion in element.iter(qn("w:ins")))


def first_commented(body, ids: set[str], count: int) -> str:
    """Where the first of the comments `ids` is anchored, said after their count: " on
    'the new Headquarters'" (the words it comments on, or the start of its paragraph where
    it marks a point), or " (the first on …)"; nothing where none is anchored in the text."""
    tags = {qn("w:commentRangeStart"), qn("w:commentReference")}
    anchor = next((element for element in body.iter(*tags) if element.get(qn("w:id")) in ids),
                  None)
    if anchor is None:
        return ""
    words = commented_words(body, anchor.get(qn("w:id")))
    if not words.strip():
        paragraph = next(anchor.iterancestors(qn("w:p")), None)
        words = "" if paragraph is None else "".join(text.text or ""
                                                     for text in paragraph.iter(qn("w:t")))
    if not words.strip():
        return ""
    return f" on {excerpt(words)}" if count == 1 else f" (the first on {excerpt(words)})"


def commented_words(body, comment_id: str) -> str:
    """The text between comment `comment_id`'s range start and end, in any paragraphs; ''
    where its range has no end."""
    start, end, text = qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")
    words, inside = [], False
    for element in body.iter(start, end, text):
        if element.tag != text and element.get(qn("w:id")) == comment_id:
            if element.tag == end:
                return "".join(words).strip()
            inside = True
        elif inside and element.tag == text:
            words.append(element.text or "")
    return ""


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


def note_parts(draft) -> list:
    return [part for kind in WORD_NOTES for part in related_parts(draft, NOTE_PARTS[kind])]


def part_xml(part):
    # python-docx parses the parts it knows (comments) and keeps the others as bytes; its
    # parser resolves no entity, and a part declaring any was refused (check_package).
    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def refuse_unread_text(body, seen: set, path: Path) -> None:
    """Text in no paragraph read (a text box, say) would silently vanish: stop instead."""
    unread = " ".join(t.text or "" for t in body.iter(qn("w:t")) if t not in seen)
    if unread.strip():
        raise unread_text(path, unread)


def unread_text(path: Path, text: str) -> PipelineError:
    return PipelineError(path, f"holds text outside ordinary paragraphs, in a text box or"
                               f" similar ({excerpt(text)}); move it into a paragraph, save,"
                               " and run doit again")


def refuse_uncarried(body, styles: Styles, path: Path) -> None:
    """What the editions cannot carry stops the build, saying where it stands: a table in a
    table, merged cells, a part imported from another file, a chart, or a picture that is
    not a figure's (one right before a Caption)."""
    for number, table in enumerate(body.iter(qn("w:tbl")), 1):
        if next(table.iterancestors(qn("w:tbl")), None) is not None:
            raise PipelineError(path, f"holds a table inside a table ({place_of(table)}); make"
                                " it one table, save, and run doit again")
        spans_columns = any((whole_number(span.get(qn("w:val")), 1) or 1) > 1
                            for span in table.iter(qn("w:gridSpan")))
        if spans_columns or next(table.iter(qn("w:vMerge"), qn("w:hMerge")), None) is not None:
            raise PipelineError(path, f"table {number} ({place_of(table)}) has merged cells"
                                " (a cell spanning columns or rows, as merging makes, or"
                                " splitting a cell makes of the cells beside it), which the"
                                " editions do not have: give every row one cell a column,"
                                " save, and run doit again")
    for gallery in body.iter(qn("w:docPartGallery")):
        if gallery.get(qn("w:val")) == "Table of Contents":  # Word's and LibreOffice's
            raise refusal(path, "a table of contents", place_of(gallery), CONTENTS_REMEDY)
    for chunk in body.iter(qn("w:altChunk")):
        raise PipelineError(path, f"holds a part imported from another file ({place_of(chunk)},"
                            " an altChunk); open the draft in Word and save it, so that the"
                            " part becomes the draft's own text, and run doit again")
    for drawing in body.iter(qn("w:drawing")):
        if any(element.get("uri", "").endswith("/chart") for element in drawing.iter(GRAPHIC)):
            raise PipelineError(path, f"holds a chart ({place_of(drawing)}); the editions take"
                                " pictures only as figures: remove it, save, and run doit again")
        if next(drawing.iter(qn("w:txbxContent")), None) is not None:
            continue  # a text frame: its pictures are checked here, its text as it is read
        paragraph = next(drawing.iterancestors(qn("w:p")))
        following = paragraph.getnext()
        if not styles.is_caption(paragraph) and (
                following is None or following.tag != qn("w:p")
                or not styles.is_caption(following)):
            raise PipelineError(
                path,
                f"holds a picture that is not a figure's ({place_of(drawing)}); a figure is a"
                " picture followed by its caption, in Caption style (or in one frame with"
                " it, as Insert > Caption sets it): remove the picture or"
                " caption it, and name its file in the metadata's [images]",
            )


# --- Figures' identities ---------------------------------------------------------------------


@dataclass
class Identities:
    """The figures' numbers: those the draft's figures carry, and the next one free."""

    carried: bool  # whether any figure in the draft carries an identity
    earlier: dict[int, Figure]  # the written document's figures by number
    next_free: int
    given: set[int] = field(default_factory=set)

    def number(self, candidates: list[int | None], position: int) -> int:
        """The number of the figure at `position` (from 1) with the identities `candidates`
        (its picture's, its caption's): the first not given yet, else a new one."""
        if not self.carried:
            return position
        number = next((candidate for candidate in candidates
                       if candidate is not None and candidate not in self.given), None)
        if number is None:
            number = self.next_free
            self.next_free += 1
        self.given.add(number)
        return number


def figure_identities(body, metadata: Metadata, written: Document | None) -> Identities:
    names = [picture_number(properties) for properties in body.iter(DOCUMENT_PROPERTIES)]
    marks = [int(match.group(1)) for mark in body.iter(qn("w:bookmarkStart"))
             if (match := CAPTION_BOOKMARK.fullmatch(mark.get(qn("w:name"), "")))]
    taken = {number for number in names if number is not None} | set(marks)
    earlier = {figure.number: figure for figure in (written.figures if written else [])}
    known = taken | set(metadata.images) | set(metadata.alt) | set(earlier)
    return Identities(bool(taken), earlier, max(known, default=0) + 1)


def picture_number(properties) -> int | None:
    match = PICTURE_NAME.fullmatch(properties.get("name", "")) if properties is not None else None
    return int(match.group(1)) if match else None


def caption_number(p) -> int | None:
    for mark in p.iter(qn("w:bookmarkStart")):
        match = CAPTION_BOOKMARK.fullmatch(mark.get(qn("w:name"), ""))
        if match:
            return int(match.group(1))
    return None


# --- The document ----------------------------------------------------------------------------


@dataclass
class Reading:
    """The body read block by block, in order."""

    path: Path
    metadata: Metadata
    styles: Styles
    numbering: Numbering
    story: Story
    identities: Identities
    bullets: WrittenBullets
    # The text of each data row of the tables as written: a first row among them is no
    # header (its header row deleted), unless it opened a table written with none.
    data_rows: frozenset[tuple[str, ...]] = frozenset()
    unheaded_rows: frozenset[tuple[str, ...]] = frozenset()
    blocks: list[Block] = field(default_factory=list)
    front: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in FRONT_MATTER})
    # The front matter's runs, its paragraphs parted by spaces: a phrase's language.
    runs: dict[str, list[Span]] = field(default_factory=lambda: {k: [] for k in FRONT_MATTER})
    items: list[tuple[Place, tuple[Span, ...], object]] = field(default_factory=list)
    pictures: list = field(default_factory=list)  # the picture paragraph's just before
    drop_cap: list[Span] = field(default_factory=list)
    caption: tuple[Span, ...] = ()  # a Caption right above a table: the table's
    tables: int = 0
    drawn: dict[int, bytes] = field(default_factory=dict)  # each figure's picture in the draft
    joined: list[str] = field(default_factory=list)  # Imported.joined
    bold_lines: list[str] = field(default_factory=list)  # Imported.bold_lines
    # Imported.unkept_formatting
    unkept_formatting: list[tuple[str, str, str]] = field(default_factory=list)
    page_breaks: list[tuple[str, str]] = field(default_factory=list)  # Imported.page_breaks
    breaking: bool = False  # a page break in a paragraph holding no text: the next one's

    @property
    def titled(self) -> bool:
        """Whether the draft holds a title of its own (a paragraph in the Title style)."""
        return bool(clean_line(" ".join(self.front["title"])))

    def document(self, body) -> Document:
        for element in contents(body, qn("w:p"), qn("w:tbl")):
            if element.tag == qn("w:tbl"):
                self.end_list()
                self.tables += 1
                self.blocks.append(replace(self.table(element), caption=self.caption))
                self.caption = ()
            else:
                self.paragraph(element)
        self.end_list()
        name = self.path.stem
        title, subtitle, byline = (clean_front_line(" ".join(self.front[key]), key == "byline")
                                   for key in FRONT_MATTER)
        document = Document(
            name,
            replace(self.metadata, title=title or self.metadata.title or title_from_name(name),
                    title_spans=phrases_of(tuple(self.runs["title"]), title),
                    subtitle=subtitle),
            parse_byline(byline, tuple(self.runs["byline"])) if byline.strip(" ,") else None,
            typed_lists(typed_items(tuple(self.blocks))),
        )
        # Dated and signed as its text dates and signs itself where nothing else does, as the
        # marked-up source it is imported as reads it.
        meta = document.metadata
        return replace(document, metadata=replace(
            meta, date=meta.date or document.own_date,
            author=meta.author or ("" if document.byline else signatory(document))))

    def paragraph(self, p) -> None:
        place = self.numbering.place(p)  # every paragraph, in order: Word counts so
        names = self.styles.paragraph_names(p)
        level = heading_level(p, self.styles)
        front = next((name for name in names if name in FRONT_MATTER), None)
        caption = self.styles.is_caption(p)
        quotation = bool(set(names) & set(QUOTATION_STYLES))
        body = not (level is not None or front or caption or quotation or set(names) & {
            *SIGN_OFF_STYLES, *NOTE_STYLES, *LINES_STYLES, *ATTRIBUTION_STYLES})
        raw = self.story.paragraph(p, body, plain=level is not None or front is not None)
        pictures, linked = self.story.pictures, self.story.linked
        for frame in self.story.frames:  # laid out at the top of the paragraph it is anchored to
            self.frame(frame)
        if is_drop_cap(p):
            self.drop_cap += raw
            return
        raw, self.drop_cap = self.drop_cap + raw, []
        text = clean_spans(raw) if front is None else clean_front_spans(raw, front == "byline")
        if "\n" in "".join(span.text for span in raw).strip() and not set(names) & {
                *SIGN_OFF_STYLES, *LINES_STYLES}:
            self.joined.append(plain(text))
        where = BEFORE if self.breaking else page_break_in(p)
        if where:
            self.breaking = not text
            if text:
                self.page_breaks.append((where, plain(text)))
        if not (text and place is not None and front is None and level is None
                and not caption):
            self.end_list()  # anything but a list item ends a list
        if not text:
            if caption and (self.pictures or pictures):
                # Its words deleted, the Caption paragraph left: the picture would go with it.
                raise PipelineError(self.path, f"holds a picture whose caption is empty"
                                    f" ({place_of(p)}); a figure is a picture followed by its"
                                    " caption: write the caption back, or remove the picture"
                                    " and its caption, save, and run doit again")
            self.pictures = [] if caption else pictures
            return
        if front is not None:
            if self.blocks or self.items:
                # Below the text's start no Title is the document's: taken as one, it would
                # be moved into the title of every edition.
                raise PipelineError(self.path, f"{excerpt(plain(text))} is in the "
                                    f"{front.capitalize()} style below the text's start; "
                                    "only the opening paragraphs give the title, subtitle and"
                                    " byline: give it another style (Normal, a Heading),"
                                    " save, and run doit again")
            self.front[front].append(self.line(text, f"the {front}", linked))
            self.unkept(text, front, clean_line(plain(text)))
            self.runs[front] += [Span(" ")] * bool(self.runs[front]) + list(text)
        elif caption:
            # Its picture: the paragraph's before, or its own (a picture set in the caption).
            pictures = self.pictures + pictures
            if pictures or not self.table_caption(text, p):
                self.blocks.append(self.figure(text, p, pictures))
        elif level is not None:
            number = f"{place.shown} " if place is not None and place.format.style not in (
                None, "bullet") else ""
            heading = clean_line(number + self.line(text, "a heading", linked))
            self.blocks.append(Heading(heading, level, phrases_of((Span(number), *text),
                                                                  heading)))
            self.unkept(text, "heading", heading)
        elif place is not None:
            self.items.append((place, text, p))
        elif set(names) & {*SIGN_OFF_STYLES, *LINES_STYLES}:
            # Lines typed as paragraphs of their own, not parted by line breaks, are one too
            # (a line an editor adds under a block of lines with Enter, too); a paragraph of
            # lines parted by line breaks, as the draft writes each block of lines (a letter's
            # letterhead, then its address), opens a block of its own.
            kind = SignOff if set(names) & set(SIGN_OFF_STYLES) else LineBlock
            signed = tuple(line for line in map(clean_spans, lines(raw)) if line)
            if self.blocks and isinstance(self.blocks[-1], kind) and len(signed) == 1:
                signed = self.blocks.pop().lines + signed
            self.blocks.append(kind(signed))
        elif set(names) & set(NOTE_STYLES) and text[0].note:
            self.blocks.append(Note(text[0].note, clean_spans(text[1:])))
        elif quotation:
            self.blocks.append(Quotation(text))
        else:
            self.blocks.append(Paragraph(text))
            if shaped_as_heading(text):
                self.bold_lines.append(plain(text))
        # A picture set in a paragraph of text goes with the caption under it (Word's Insert
        # > Picture at the end of the paragraph): the figure follows the paragraph. Any other
        # was refused before reading.
        self.pictures = [] if caption else pictures

    def unkept(self, text: tuple[Span, ...], place: str, words: str) -> None:
        """Note the formatting the editions do not keep in a heading or a line of the front
        matter (`place`), which they set in its one style: italic, underline or small
        capitals on any of its words, bold on some (bold throughout is a heading style's
        look). Its words are read all the same."""
        worded = [span for span in text if span.text.strip()]
        bold = any(span.bold for span in worded) and not all(span.bold for span in worded)
        formatting = next((name for name, found in (
            ("italic", any(span.italic for span in worded)), ("bold", bold),
            ("underline", any(span.underline for span in worded)),
            ("small capitals", any(span.small_caps for span in worded))) if found), None)
        if formatting:
            self.unkept_formatting.append((formatting, place, words))

    def table_caption(self, text: tuple[Span, ...], p) -> bool:
        """Whether a Caption is a table's, right above it or right below it, and no figure's
        (none has a figure's mark); if so, it is taken as the table's."""
        if caption_number(p) is not None:
            return False
        following, preceding = neighbour(p, "getnext"), neighbour(p, "getprevious")
        if following is not None and following.tag == qn("w:tbl"):
            self.caption = self.caption + text if self.caption else text
            return True
        if (preceding is not None and preceding.tag == qn("w:tbl") and self.blocks
                and isinstance(self.blocks[-1], Table) and not self.blocks[-1].caption):
            self.blocks[-1] = replace(self.blocks[-1], caption=text)
            return True
        return False

    def line(self, spans: tuple[Span, ...], what: str, linked: bool = False) -> str:
        """The plain text of a heading or a line of the front matter; `linked`: its paragraph
        holds a link, whatever it leads to (one to a place in the draft leaves no address on
        the spans, and would be dropped unsaid)."""
        if any(span.note for span in spans):
            raise PipelineError(self.path, f"holds a note in {what} ({excerpt(plain(spans))}),"
                                " where the editions have none; move it into the text, save,"
                                " and run doit again")
        if linked or any(span.link for span in spans):
            raise PipelineError(self.path, f"holds a link in {what} ({excerpt(plain(spans))}),"
                                " which the editions set as plain text; move it into the"
                                " text, save, and run doit again")
        return flattened(spans)

    def frame(self, frame) -> None:
        """A text frame holding a picture and its caption (LibreOffice's Insert > Caption
        sets them so) is a figure, before the paragraph the frame is anchored to; a frame
        holding any other text is refused."""
        content = next(frame.iter(qn("w:txbxContent")))
        captions: list[tuple[tuple[Span, ...], object]] = []
        pictures: list = []
        for element in contents(content, qn("w:p"), qn("w:tbl")):
            text = clean_spans(self.story.paragraph(element)) if element.tag == qn("w:p") else ()
            if element.tag != qn("w:p") or self.story.frames or (
                    text and not self.styles.is_caption(element)):
                raise unread_text(self.path, "".join(t.text or "" for t in element.iter(qn("w:t"))))
            pictures += self.story.pictures
            if text:
                captions.append((text, element))
        if not captions:
            return  # empty: a picture without a caption was refused before any reading
        caption = tuple(span for index, (text, _) in enumerate(captions)
                        for span in ((Span(" "),) if index else ()) + text)
        self.end_list()
        self.blocks.append(self.figure(clean_spans(caption), captions[0][1], pictures))

    def figure(self, caption: tuple[Span, ...], p, pictures: list) -> Figure:
        """The figure `caption` (the paragraph `p`) is the caption of; `pictures`: the
        drawings of its picture."""
        if any(span.note for span in caption):
            self.line(caption, "a caption")
        drawings = [drawing for drawing in pictures
                    if next(drawing.iter(DOCUMENT_PROPERTIES), None) is not None]
        if len(drawings) > 1:
            raise PipelineError(self.path, f"holds {len(drawings)} pictures over one caption"
                                f" ({excerpt(plain(caption))}); a figure is one picture and its"
                                " caption: give each picture a caption of its own, save, and"
                                " run doit again")
        drawing = drawings[0] if drawings else None
        picture = next(drawing.iter(DOCUMENT_PROPERTIES)) if drawing is not None else None
        position = 1 + sum(isinstance(block, Figure) for block in self.blocks)
        number = self.identities.number([picture_number(picture), caption_number(p)], position)
        image = self.image_part(drawing, number) if drawing is not None else None
        if image is not None:
            self.drawn[number] = image
        earlier = self.identities.earlier.get(number)
        figure = (replace(earlier, caption=caption) if earlier
                  else self.metadata.figure(number, caption))
        described = picture.get("descr") if picture is not None else None
        if described is not None and described != figure.alt and described not in DEFAULT_ALTS:
            figure = replace(figure, alt=clean_line(described) or None)  # the editor's own
        return figure

    def image_part(self, drawing, number: int) -> bytes | None:
        """The bytes of the picture a figure's drawing shows, from the draft's own parts (None
        for a drawing that shows none; one linked to a file outside the draft was refused
        before any reading: refuse_external_targets)."""
        blip = next(drawing.iter(BLIP), None)
        if blip is None:
            return None
        rel = self.story.rels.get(blip.get(f"{R}embed"))
        if rel is None:
            raise PipelineError(self.path, f"holds a picture whose image the draft lacks (figure"
                                f" {number}, {place_of(drawing)}); insert the picture again,"
                                " save, and run doit again")
        return rel.target_part.blob

    def end_list(self) -> None:
        if self.items:
            self.blocks += lists_of(self.items, self.path, self.bullets)
            self.items = []

    def table(self, element) -> Table:
        rows = []
        for row_number, row in enumerate(table_rows(element), 1):
            cells = []
            for column, cell in enumerate(row, 1):
                paragraphs = [] if cell is None else contents(cell, qn("w:p"))
                raw = [(p, self.story.paragraph(p)) for p in paragraphs]
                read = [(p, self.numbering.place(p), clean_spans(spans)) for p, spans in raw]
                written = [(p, place, text) for p, place, text in read if text]
                # A line break in a cell reads as a space, as in body text: said so.
                self.joined += [plain(clean_spans(spans)) for _, spans in raw
                                if "\n" in "".join(span.text for span in spans).strip()]
                if len(written) > 1:
                    raise PipelineError(self.path, f"table {self.tables} has a cell of"
                                        f" {len(written)} paragraphs (row {row_number}, column"
                                        f" {column}: {excerpt(plain(written[0][2]))}); make"
                                        " each cell one paragraph, save, and run doit again")
                if any(place is not None for _, place, _ in written):
                    raise PipelineError(self.path, f"table {self.tables} has a list in a cell"
                                        f" ({excerpt(plain(written[0][2]))}), which the"
                                        " editions do not have; make it text, save, and run"
                                        " doit again")
                cells.append(written[0][2] if written else ())
            rows.append(tuple(cells))
        if len({len(row) for row in rows}) > 1 or not rows:
            raise PipelineError(self.path, f"table {self.tables} has rows of unequal length;"
                                " give every row the same cells, save, and run doit again")
        if self.headed(element, rows):
            return Table(rows[0], tuple(rows[1:]))
        return Table((), tuple(rows))

    def headed(self, element, rows: list[tuple]) -> bool:
        """Whether a table's first row is its header, as it is unless no row is marked a
        header and that row opened a table the draft was written with no header row
        (Table.header); refused where the editor made it otherwise, two rows marked as
        headers (Insert Row Above on the header row), or the header row deleted, a row
        written as data then first and marked as none."""
        marked = [row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
                  for row in contents(element, qn("w:tr"))]
        headers = len(list(itertools.takewhile(bool, marked)))
        if headers > 1:
            raise PipelineError(self.path, f"table {self.tables} has {headers} header rows"
                                f" ({excerpt(cells_text(rows[0]))} over"
                                f" {excerpt(cells_text(rows[1]))}); the editions' tables have"
                                " one: make the others data rows (Table Properties > Row:"
                                " untick Repeat as header row) or merge their words into"
                                " one, save, and run doit again")
        first = tuple(plain(cell) for cell in rows[0])
        if not headers and first in self.unheaded_rows:
            return False
        if not headers and first in self.data_rows:
            raise PipelineError(self.path, f"table {self.tables} has lost its header row: its"
                                f" first row ({excerpt(cells_text(rows[0]))}) was a data row"
                                "; put a header row back over it, save, and run doit again")
        return True


def cells_text(cells: tuple) -> str:
    return " | ".join(plain(cell) for cell in cells)


def written_rows(written: Document | None
                 ) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The text of each data row of the tables `written`, and of the first row of each
    written with no header."""
    tables = [block for block in (written.blocks if written else ()) if isinstance(block, Table)]
    return (frozenset(tuple(plain(cell) for cell in row) for table in tables
                      for row in table.rows),
            frozenset(tuple(plain(cell) for cell in table.rows[0]) for table in tables
                      if not table.header and table.rows))


def neighbour(element, step: str):
    """The block next to `element` (`step`: "getnext" or "getprevious"), empty paragraphs
    passed over, as the reading passes them."""
    found = getattr(element, step)()
    while found is not None and found.tag == qn("w:p") and not "".join(
            t.text or "" for t in found.iter(qn("w:t"))).strip():
        found = getattr(found, step)()
    return found


def is_drop_cap(p) -> bool:
    properties = p.find(qn("w:pPr"))
    frame = properties.find(qn("w:framePr")) if properties is not None else None
    return frame is not None and frame.get(qn("w:dropCap")) in DROP_CAPS


def page_break_in(p) -> str:
    """Where the editor broke the page at a paragraph, if they did: "before" its words
    ("page break before" set on it, not by its style, or a page or column break ahead of its
    words, where LibreOffice puts one), "after" them (a break behind its words, where Word
    puts Ctrl+Enter's, or a section break ending it) or "in" them; "" where they did not."""
    properties = p.find(qn("w:pPr"))
    if properties is not None:
        before = properties.find(qn("w:pageBreakBefore"))
        if before is not None and before.get(qn("w:val"), "true").casefold() not in OFF:
            return BEFORE
    order = ""  # the paragraph's words and its breaks in their order: "w" words, "b" a break
    for element in p.iter(qn("w:t"), qn("w:br")):
        if element.tag == qn("w:br"):
            order += "b" if element.get(qn("w:type")) in BREAKS else ""
        elif (element.text or "").strip():
            order += "w"
    if properties is not None and properties.find(qn("w:sectPr")) is not None:
        order += "b"
    if "b" not in order:
        return ""
    return BEFORE if not order.startswith("w") else AFTER if order.endswith("b") else "in"


def shaped_as_heading(spans: tuple[Span, ...]) -> bool:
    """Whether a paragraph of body text is all bold and shaped as its language writes a
    heading: a heading made by direct formatting, which Word shows as one and the editions
    set as a bold paragraph."""
    text = plain(spans).strip()
    return bool(text) and all(span.bold for span in spans if span.text.strip()) and \
        detect(text).is_heading(text)


def typed_items(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each paragraph opened by a pictograph list's own pictograph, typed,
    right before, between or after its items, one of them: an item whose numbering the
    editor turned off and whose bullet they typed (Word's bullet button off, `👉 …` typed)
    would otherwise part the list in two round a paragraph. Another pictograph's paragraph
    (`🎉 Congratulations …` under a ✅ list) stays one."""
    result: list[Block] = []
    joined = False  # the last block is a list that typed items carried on
    for block in blocks:
        typed = typed_pictograph(block)
        last = result[-1] if result else None
        if typed is not None and bulleted_with(last, typed.family):
            result[-1] = replace(last, items=(*last.items, typed_item(block, typed)))
            joined = True
            continue
        if isinstance(block, List) and bulleted_with(block, block.marker):
            items: list[ListItem] = []
            while result and (before := typed_pictograph(result[-1])) is not None and \
                    before.family == block.marker:
                items.insert(0, typed_item(result.pop(), before))
            if joined and not items and bulleted_with(last, block.marker):
                items = list(result.pop().items)
            block = replace(block, items=(*items, *block.items))
        result.append(block)
        joined = False
    return tuple(result)


def typed_pictograph(block: Block | None) -> Marked | None:
    """The pictograph a paragraph opens with, typed as a bullet (`👉 item`), if any."""
    marker = marker_of(block.text) if isinstance(block, Paragraph) else None
    return marker if marker is not None and marker.pictograph else None


def bulleted_with(block: Block | None, pictograph: str) -> bool:
    return isinstance(block, List) and not block.numbered and bool(pictograph) and \
        block.marker == pictograph


def typed_item(paragraph: Paragraph, marker: Marked) -> ListItem:
    return ListItem(clean_spans(without_lead(paragraph.spans,
                                             len(paragraph.text) - len(marker.text))))


def typed_lists(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each run of two paragraphs or more that open with a list's marker
    typed as text (a bullet or a number and a tab, as plain text pasted into Word brings
    them: "•\tFirst item", "1)\tFirst item") made a list, as a scraped text's lines are:
    its markers of one family, its numbers counting on."""
    result: list[Block] = []
    run: list[tuple[Marked, Paragraph]] = []
    for block in (*blocks, None):
        marker = marker_of(block.text) if isinstance(block, Paragraph) else None
        if marker is not None and (not run or follows_on_marker(run[-1][0], marker)):
            run.append((marker, block))
            continue
        result += [typed_list(run)] if len(run) >= MIN_TYPED_ITEMS else [item for _, item in run]
        run = [(marker, block)] if marker is not None else []
        if marker is None and block is not None:
            result.append(block)
    return tuple(result)


def follows_on_marker(last: Marked, marker: Marked) -> bool:
    """Whether `marker` carries on the list `last` marks: one family, a number on by one."""
    return marker.family == last.family and (
        not marker.value or counts_on_from(last.value, marker.value))


def typed_list(run: list[tuple[Marked, Paragraph]]) -> List:
    markers = [marker for marker, _ in run]
    return List(tuple(typed_item(paragraph, marker) for marker, paragraph in run),
                *list_numbering([marker.value for marker in markers]),
                form_of(markers[0].family, pictograph=markers[0].pictograph))


def without_lead(spans: tuple[Span, ...], length: int) -> tuple[Span, ...]:
    """The spans without their first `length` characters (a typed marker)."""
    kept: list[Span] = []
    for span in spans:
        if length >= len(span.text):
            length -= len(span.text)
            continue
        kept.append(replace(span, text=span.text[length:]) if length else span)
        length = 0
    return tuple(kept)


def lists_of(items: list[tuple[Place, tuple[Span, ...], object]], path: Path,
             bullets: WrittenBullets, under: tuple[str, ...] = ()) -> list[List]:
    """Consecutive list paragraphs as lists, nested in lists of the styles `under`: an
    item deeper than the list's level is nested in the item before it; a new list begins
    where the numbering changes its definition, style or form, or does not count on by one
    (a list Word restarts, or one after another), but never between two bullets. A list
    whose bullet shows nothing is bulleted as it was written (`bullets`)."""
    lists: list[List] = []
    base = items[0][0].level
    entries: list[tuple[tuple[Span, ...], list]] = []
    first: Place | None = None
    last = 0

    def finish() -> None:
        if entries:
            numbered = first.format.style != "bullet"
            block = List(tuple(ListItem(text, nested_list(children, path, bullets,
                                                          (*under, first.format.style)))
                               for text, children in entries),
                         first.format.style, first.number if numbered else 1,
                         first.format.marker, compound(first))
            lists.append(bullets.restored(block) if first.format.blank_bullet else block)
            entries.clear()

    def compound(place: Place) -> bool:
        return place.format.style != "bullet" and bool(place.format.parents)

    def kind(place: Place) -> tuple:
        # Bullets are one list whatever numbering Word gives each (an item added in the
        # List Bullet style takes the style's, not the list's): the editions print every
        # bullet of a level alike, but a pictograph (✅) other than the list's opens a list
        # of its own (above).
        if place.format.style == "bullet":
            return ("bullet",)
        return (place.definition, place.format.style, place.format.marker, compound(place))

    for place, text, p in items:
        if place.level > base and entries:
            entries[-1][1].append((place, text, p))
            continue
        refuse_unprintable(place, p, path, under)
        if first is None or place.level < base or kind(place) != kind(first) or (
                place.format.style != "bullet" and place.number != last + 1) or (
                place.format.marker not in ("", first.format.marker)):
            finish()
            first, base = place, place.level
        entries.append((text, []))
        last = place.number
    finish()
    return lists


def refuse_unprintable(place: Place, p, path: Path, under: tuple[str, ...]) -> None:
    """A list number the editions cannot print as Word shows it stops the import: a format
    they have not (First, Second), or a number showing others' but as the numbers in figures
    of the items it is nested in, each followed by a full stop (1.1., 2.3.1.)."""
    if place.format.style is None:
        raise PipelineError(path, f"holds a list numbered in Word's {place.format.word_format}"
                            f" format ({place_of(p)}), which the editions cannot print;"
                            " number it 1, 2, 3, or a, b, c, or i, ii, iii, save, and run"
                            " doit again")
    parents = place.format.parents
    if place.format.style != "bullet" and (parents is None or parents and (
            parents != len(under) or set(under) != {"decimal"})):
        raise PipelineError(path, f"holds a list item numbered {place.shown!r} ({place_of(p)}),"
                            " which the editions cannot print: a number shows, before its own,"
                            " only those of the items it is nested in, in figures, each"
                            " followed by a full stop (1.1.); number it so, or alone, save,"
                            " and run doit again")


def nested_list(children: list, path: Path, bullets: WrittenBullets,
                under: tuple[str, ...]) -> List | None:
    """The list nested in an item, to any depth; one item holds one."""
    if not children:
        return None
    nested = lists_of(children, path, bullets, under)
    if len(nested) > 1:
        raise PipelineError(path, "holds a list item with two nested lists of different kinds"
                            f" ({place_of(children[0][2])}); make them one, save, and run doit"
                            " again")
    return nested[0]


# --- Notes -----------------------------------------------------------------------------------


def word_notes(draft, styles: Styles, labels: dict[tuple[str, str], str],
               path: Path, language: str) -> list[Note]:
    """The Word footnotes and endnotes the text refers to, as notes, in reference order."""
    bodies = {}
    stories = {}
    for kind in WORD_NOTES:
        for part in related_parts(draft, NOTE_PARTS[kind]):
            root = part_xml(part)
            story = Story(styles, part.rels, labels, path, language)
            for note in root.iter(qn(f"w:{kind}")):
                bodies[(kind, note.get(qn("w:id")))] = note
                stories[(kind, note.get(qn("w:id")))] = story
    notes = []
    for reference, label in labels.items():
        note = bodies.get(reference)
        if note is None:
            raise PipelineError(path, f"refers to {reference[0]} {label}, which the file does"
                                " not hold; delete the reference, save, and run doit again")
        story = stories[reference]
        written = [spans for spans in (story.paragraph(p) for p in contents(note, qn("w:p")))
                   if clean_spans(spans)]
        refuse_unread_text(note, story.seen, path)
        if len(written) > 1:
            raise PipelineError(path, f"{reference[0]} {label} has {len(written)} paragraphs;"
                                " make it one paragraph, save, and run doit again")
        # The note's own mark (Word's, or its label in a note-reference style) is no text.
        text = [span for spans in written for span in spans if span.note != label]
        notes.append(Note(label, clean_spans(text)))
    return notes

