"""The DOCX edition: an editable Word draft of a document, in Word's own built-in styles.

Editors restyle and revise this draft in Word or LibreOffice, so it uses the styles they know
(Title, Heading 1, Body Text, Caption) rather than direct formatting, and the same fonts,
page and margins as the PDF layout. The bytes are reproducible: no clock time anywhere.

A layout holding a `reference.docx` gives the draft a house style instead, as pandoc's
`--reference-doc` does: the draft starts from that file emptied of its text, and keeps its
styles, theme, fonts, page setup, headers and footers; the layout's fonts and page are unused.
"""

from __future__ import annotations

import functools
import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from pipeline.docx_styles import cache_style_lookups
from pipeline.errors import PipelineError, RenderingError, excerpt
from pipeline.languages import (
    DEFAULT,
    PROFILES,
    Profile,
    docx_language_attributes,
    profile_for,
)
from pipeline.layouts import Layout
from pipeline.model import (
    Block,
    Document,
    Figure,
    Heading,
    LineBlock,
    List,
    Note,
    Paragraph,
    Quotation,
    SignOff,
    Span,
    Table,
    UnknownBlock,
    link_runs,
    linkable,
    to_json,
)
from pipeline.writers.docx.structures import (
    ATTRIBUTION_STYLE,
    SIGN_OFF_STYLE,
    Endnotes,
    add_endnotes,
    add_lines,
    add_list,
    add_note,
    add_reference,
    add_styles,
    add_table,
    hang_from_label,
    holds_style,
)
from pipeline.writers.flush import breaks_sections, flush_left

if TYPE_CHECKING:
    from pipeline.writers.docx.svg import Fonts

BYLINE_STYLE = "Byline"
LINK_STYLE = "Hyperlink"  # Word's character style for a link's text
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
BODY_STYLE = "Body Text"
CAPTION_STYLE = "Caption"
QUOTATION_STYLE = "Quote"  # Word's own, in its style gallery
FIGURE_STYLE = "Normal"
HEADING_STYLES = ("Title", "Subtitle", *(f"Heading {level}" for level in range(1, 10)))
# Every paragraph style the draft uses besides Normal; Body Text first, as the others' next.
DRAFT_STYLES = (BODY_STYLE, *HEADING_STYLES, CAPTION_STYLE, QUOTATION_STYLE, BYLINE_STYLE)

UNREADABLE = (PackageNotFoundError, zipfile.BadZipFile, zlib.error, EOFError, KeyError,
              ValueError, etree.LxmlError)
# The elements w:mirrorMargins comes before in w:settings (ECMA-376's sequence).
MIRROR_MARGINS_FOLLOWERS = (
    "w:alignBordersAndEdges", "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop", "w:hideSpellingErrors", "w:hideGrammaticalErrors", "w:activeWritingStyle",
    "w:proofState", "w:formsDesign", "w:attachedTemplate", "w:linkStyles",
    "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting",
    "w:documentProtection", "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet",
    "w:defaultTabStop",
)
WORD_COLUMN_SPACE = 720  # twips between columns when a w:cols element does not say

# The earliest time a zip entry can hold; also the date when the metadata gives none.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# python-docx refuses a core property (title, author) longer than this.
CORE_PROPERTY_CHARACTERS = 255
ZIP_FILE_MODE = 0o644 << 16
ZIP_UNIX = 3
# Pillow's name of each kind of picture the editions print that python-docx cannot embed (nor
# older versions of Word show): the draft carries a PNG of it.
SHOWN_AS_PNG = frozenset({"WEBP"})


@dataclass(frozen=True)
class Draft:
    """A DOCX draft as written: its bytes, and the digest (SHA-256) of the picture embedded
    for each figure by number, which an edited draft's pictures are compared with."""

    data: bytes
    pictures: dict[int, str]
    identity: str  # which draft it is (draft_identity), kept in its core properties


def write_docx(document: Document, layout: Layout, source_dir: Path) -> bytes:
    """The DOCX draft of `document`; figure images are read from `source_dir`."""
    return write_draft(document, layout, source_dir).data


def write_draft(document: Document, layout: Layout, source_dir: Path) -> Draft:
    """The DOCX draft of `document` and its figures' pictures' digests, on the page and in the
    body size `layout` sets the document's language in (as the print edition)."""
    from pipeline.writers.docx.svg import fonts_for

    layout = layout.for_language(document.metadata.language)
    reference = layout.reference_docx
    if reference.exists():
        draft = _house_draft(reference)
        text_width = _column_width(draft.sections[-1])
    else:
        draft = _layout_draft(layout.for_scripts(document.scripts),
                              profile_for(document.metadata.language))
        _add_running_head(draft, document.metadata.title)
        text_width = _text_width(layout)
    _drop_thumbnail(draft)
    _set_language(draft, document.metadata.language, document.scripts)
    _add_missing_styles(draft)
    add_styles(draft, layout.body_size_pt)
    if not profile_for(document.metadata.language).italic:
        _upright(draft)
    own = profile_for(document.metadata.language)
    if own.sign_off_right:
        draft.styles[SIGN_OFF_STYLE].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    body = draft.styles[BODY_STYLE]
    if own.paragraph_indent:
        size = body.font.size or draft.styles["Normal"].font.size or Pt(layout.body_size_pt)
        body.paragraph_format.first_line_indent = Pt(own.paragraph_indent * size.pt)
    if own.body_justified:
        body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _show_in_gallery(draft)
    _set_core_properties(draft, document)
    cache_style_lookups(draft)  # the styles are settled
    _add_front_matter(draft, document)
    endnotes = add_endnotes(draft, document, functools.partial(_add_spans, endnotes=Endnotes()))
    add_spans = functools.partial(_add_spans, endnotes=endnotes)
    pictures: dict[int, str] = {}
    # A letter's greeting, addressee and salute stand at the left (頂格), where Body Text
    # indents every paragraph's first line, as every edition sets them (writers/flush.py).
    flush = flush_left(document.blocks) if own.paragraph_indent else frozenset()
    attributed = document.attributions
    fonts = fonts_for(document, layout, source_dir)  # an SVG picture's, as the editions draw it
    for index, block in enumerate(document.blocks):
        _add_block(draft, block, text_width, source_dir, fonts, add_spans, endnotes, pictures)
        if index in flush:
            draft.paragraphs[-1].paragraph_format.first_line_indent = Pt(0)
        if index in attributed:  # who said the quotation, under it at the right, kept with it
            *_, quoted, said = draft.paragraphs
            said.style = draft.styles[ATTRIBUTION_STYLE]
            quoted.paragraph_format.keep_with_next = True
        if breaks_sections(block):  # centred, as every edition sets it
            draft.paragraphs[-1].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if isinstance(block, LineBlock) and block.label:
            hang_from_label(draft, draft.paragraphs[-1], block.label, own.paragraph_indent)
    _set_off_tables(draft)
    saved = BytesIO()
    draft.save(saved)
    return Draft(reproducible_zip(saved.getvalue()), pictures, draft_identity(document))


# --- Starting points -------------------------------------------------------------------------


def _layout_draft(layout: Layout, own: Profile):
    """python-docx's own template, in the layout's fonts, page and margins (`own`: the
    document's language)."""
    draft = docx.Document()
    _set_layout_styles(draft, layout, own)
    _set_pages(draft, layout)
    return draft


def _house_draft(reference: Path):
    """The reference DOCX without its text: its styles, theme, page setup, headers and footers.
    Its footers stay as they are; without one, the draft gets our page number."""
    try:
        draft = docx.Document(str(reference))
    except UNREADABLE:
        raise PipelineError(
            reference, "not a readable DOCX file; save the house style from Word or LibreOffice"
            " as a .docx document"
        ) from None
    _empty_body(draft)
    _drop_comments(draft)
    del draft.core_properties._element[:]  # its title, keywords, dates are not the document's
    section = draft.sections[-1]
    if None in (section.page_width, section.left_margin, section.right_margin):
        raise PipelineError(reference, "has no page size or margins; set them and save")
    if section._sectPr.find(qn("w:footerReference")) is None:
        _add_folio(section.footer.paragraphs[0])
    return draft


def _empty_body(draft) -> None:
    """Everything but the final section properties: page size, margins, headers and footers."""
    body = draft.element.body
    body.get_or_add_sectPr()
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _drop_comments(draft) -> None:
    """The reference's comments (and Word's extensions of them) were on the text it no longer
    has; left in, they would stop every edited draft from being read back."""
    rels = draft.part.rels
    for rId, rel in list(rels.items()):
        if rel.reltype.rsplit("/", 1)[-1].startswith("comments"):
            del rels[rId]


# --- Package ---------------------------------------------------------------------------------


def _drop_thumbnail(draft) -> None:
    """python-docx's template carries a preview of a blank page; no preview beats a wrong one."""
    package_rels = draft.part.package.rels
    for rId, rel in list(package_rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package_rels[rId]


def _set_core_properties(draft, document: Document) -> None:
    properties = draft.core_properties
    date = document.metadata.moment
    properties.title = core_text(document.metadata.title)
    properties.subject = core_text(document.metadata.subtitle)
    properties.author = core_text(document.author)
    properties.last_modified_by = core_text(document.author)
    properties.language = document.metadata.language
    properties.comments = ""  # the template says "generated by python-docx"
    properties.created = date
    properties.modified = date
    properties.revision = 1
    properties.identifier = draft_identity(document)


def draft_identity(document: Document) -> str:
    """What names a draft written from `document` (its model's digest), as its core property
    dc:identifier, which Word and LibreOffice keep when they save it: an edited draft says
    which draft it was edited from. The document's name (its file's) is not the model's
    words: a draft of a text since renamed, moved to the new name's folder, imports."""
    written = {key: value for key, value in to_json(document).items() if key != "name"}
    model = json.dumps(written, sort_keys=True, ensure_ascii=False)
    return "draft-" + hashlib.sha256(model.encode("utf-8")).hexdigest()[:32]


def core_text(text: str) -> str:
    """`text` as a DOCX core property holds it: at most CORE_PROPERTY_CHARACTERS, a longer one
    cut at a word's end with an ellipsis (the document's own title paragraph stays whole)."""
    if len(text) <= CORE_PROPERTY_CHARACTERS:
        return text
    cut = text[: CORE_PROPERTY_CHARACTERS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "\u2026"


def reproducible_zip(data: bytes) -> bytes:
    """The same zip with every entry stamped at the zip epoch, so equal parts give equal bytes."""
    rewritten = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(data)) as source,
        zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = ZIP_UNIX
            info.external_attr = ZIP_FILE_MODE
            target.writestr(info, source.read(entry))
    return rewritten.getvalue()


# --- Styles ----------------------------------------------------------------------------------


def _set_layout_styles(draft, layout: Layout, own: Profile) -> None:
    normal = draft.styles["Normal"]
    normal.font.size = Pt(layout.body_size_pt)
    if layout.body_font:
        _set_font(_default_run_properties(draft), layout.body_font, _script_faces(layout, own))
        _set_font(normal.element.get_or_add_rPr(), layout.body_font, _script_faces(layout, own))
    heading_font = layout.heading_font or layout.body_font
    if heading_font:
        for name in HEADING_STYLES:
            _set_font(draft.styles[name].element.get_or_add_rPr(), heading_font,
                      _script_faces(layout, own, heading=True))
    draft.styles[CAPTION_STYLE].paragraph_format.keep_together = True
    # A displayed quotation as the editions set it: indented on both sides, upright.
    quotation = draft.styles[QUOTATION_STYLE]
    quotation.paragraph_format.left_indent = quotation.paragraph_format.right_indent = Pt(
        2 * layout.body_size_pt)
    quotation.font.italic = quotation.font.cs_italic = False
    quotation.next_paragraph_style = draft.styles[BODY_STYLE]


def _script_faces(layout: Layout, own: Profile, heading: bool = False) -> dict[str, str]:
    """The faces the layout names for other scripts, by the w:rFonts attribute naming each
    (w:eastAsia: the Chinese face); for headings their heading face, else their body face.
    Where two scripts share an attribute, the face of the document's `own` language wins."""
    faces = {}
    for profile in _in_precedence(own):
        named = layout.faces_for(profile)
        face = (named.heading if heading else "") or named.body
        if profile.docx_font and face:
            faces[profile.docx_font] = face
    return faces


def _in_precedence(own: Profile) -> list[Profile]:
    """Every profile, the document's `own` language last, so that what it names wins."""
    return sorted(PROFILES, key=lambda profile: profile is own)


def _set_language(draft, language: str, scripts: frozenset) -> None:
    """The document's proofing language, for the defaults and for any style that names one:
    a house style's language is its designer's, not the document's; and, for each script of
    another language the document holds, that language in Word's attribute for it (Chinese
    as the East Asian language)."""
    own = profile_for(language)
    language = own.docx_tag or language
    # w:val is the language of Latin letters (ECMA-376, 17.3.2.20): in a Chinese draft its
    # English words, which the editions tag as English.
    latin = language if not own.docx_language else DEFAULT.docx_tag or DEFAULT.tag
    default_run = _default_run_properties(draft)
    if default_run.find(qn("w:lang")) is None:
        default_run.insert_element_before(
            OxmlElement("w:lang"), "w:eastAsianLayout", "w:specVanish", "w:oMath"
        )
    for lang in draft.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), latin)
        for profile in _in_precedence(own):
            if profile in scripts and profile.docx_language:
                lang.set(qn(profile.docx_language),
                         language if profile is own else profile.docx_tag or profile.tag)


def _default_run_properties(draft):
    """w:docDefaults/w:rPrDefault/w:rPr, made when missing (each comes first in its parent)."""
    element = draft.styles.element
    for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr"):
        element = _first_child(element, tag)
    return element


def _first_child(parent, tag: str):
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.insert(0, child)
    return child


def _add_missing_styles(draft) -> None:
    """The draft's styles the template or reference lacks, based on its Normal; Byline is ours."""
    styles = draft.styles
    for name in DRAFT_STYLES:
        if holds_style(styles, name):
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=name != BYLINE_STYLE)
        style.base_style = styles["Normal"]
        style.next_paragraph_style = styles[BODY_STYLE]
        style.quick_style = True
        if name.startswith("Heading "):  # a heading for Word's navigation pane and contents
            style.element.get_or_add_pPr().get_or_add_outlineLvl().val = int(name[-1]) - 1
    if not holds_style(styles, LINK_STYLE):
        link = styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER, builtin=True)
        link.font.underline = True
        link.font.color.rgb = LINK_COLOUR


def _upright(draft) -> None:
    """A Chinese draft's styles without italic (Subtitle, Caption): Chinese has none, and
    Word and LibreOffice would slant the characters."""
    for name in DRAFT_STYLES:
        if draft.styles[name].font.italic:
            draft.styles[name].font.italic = False


def _show_in_gallery(draft) -> None:
    caption = draft.styles[CAPTION_STYLE]
    caption.hidden = False  # python-docx's template hides Caption from the style gallery
    caption.quick_style = True
    draft.styles[BODY_STYLE].quick_style = True


def _set_font(run_properties, font: str, faces: dict[str, str]) -> None:
    """Name `font` for every script but those `faces` names another face for, by attribute
    (w:eastAsia: the layout's Chinese face); theme fonts would otherwise win over the named
    ones."""
    fonts = run_properties.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), faces.get(script) or font)


# --- Pages -----------------------------------------------------------------------------------


def _set_pages(draft, layout: Layout) -> None:
    page = layout.page
    for section in draft.sections:
        section.page_width = Mm(page.width_mm)
        section.page_height = Mm(page.height_mm)
        section.top_margin = Mm(page.margin_top_mm)
        section.right_margin = Mm(page.margin_right_mm)
        section.bottom_margin = Mm(page.margin_bottom_mm)
        section.left_margin = Mm(page.margin_left_mm)
        _add_folio(section.footer.paragraphs[0])
    if page.mirrored:  # Word's "Mirror margins": left is inside, right outside
        settings = draft.settings.element
        if settings.find(qn("w:mirrorMargins")) is None:
            settings.insert_element_before(OxmlElement("w:mirrorMargins"),
                                           *MIRROR_MARGINS_FOLLOWERS)


def _add_running_head(draft, title: str) -> None:
    """The title at the head of every page but the first, which carries the title itself (as
    the print edition does); the folio at the foot of every page, the first included."""
    for section in draft.sections:
        section.different_first_page_header_footer = True
        head = section.header.paragraphs[0]
        head.text = title
        head.style = draft.styles["Header"]
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_folio(section.first_page_footer.paragraphs[0])


def _add_folio(paragraph) -> None:
    """A centred page number that Word and LibreOffice update themselves."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    shown = OxmlElement("w:r")
    shown_text = OxmlElement("w:t")
    shown_text.text = "1"  # what a reader that does not compute fields shows
    shown.append(shown_text)
    field.append(shown)
    paragraph._p.append(field)


def _text_width(layout: Layout) -> Mm:
    page = layout.page
    return Mm(page.width_mm - page.margin_left_mm - page.margin_right_mm)


def _column_width(section) -> int:
    """The width a picture may take in a reference's section: its text block's, or its
    narrowest column's."""
    text_width = section.page_width - section.left_margin - section.right_margin
    text_width -= section.gutter or 0
    columns = section._sectPr.find(qn("w:cols"))
    if columns is None:
        return text_width
    widths = [Twips(int(column.get(qn("w:w")))) for column in columns.findall(qn("w:col"))]
    if widths:
        return min(widths)
    count = int(columns.get(qn("w:num"), "1"))
    space = Twips(int(columns.get(qn("w:space"), str(WORD_COLUMN_SPACE))))
    return (text_width - (count - 1) * space) // count


# --- Text ------------------------------------------------------------------------------------


def _add_front_matter(draft, document: Document) -> None:
    # The title's and the byline's runs hold no note: a phrase's language at most.
    _add_spans(draft.add_paragraph(style="Title"), document.metadata.title_runs, Endnotes())
    if document.metadata.subtitle:
        draft.add_paragraph(document.metadata.subtitle, style="Subtitle")
    if document.byline is not None:
        _add_spans(draft.add_paragraph(style=BYLINE_STYLE), document.byline.runs, Endnotes())


def _add_block(draft, block: Block, text_width: int, source_dir: Path, fonts: Fonts,
               add_spans, endnotes: Endnotes, pictures: dict[int, str]) -> None:
    match block:
        case Heading():
            # Word has nine heading levels.
            add_spans(draft.add_paragraph(style=f"Heading {min(max(block.level, 1), 9)}"),
                      block.runs)
        case Figure():
            _add_figure(draft, block, text_width, source_dir, fonts, add_spans, pictures)
        case Paragraph():
            add_spans(draft.add_paragraph(style=BODY_STYLE), block.spans)
        case Quotation():
            add_spans(draft.add_paragraph(style=QUOTATION_STYLE), block.spans)
        case List():
            add_list(draft, block, add_spans)
        case Table():
            if block.caption:  # above the table, kept with it, as Word's Insert Caption sets it
                caption = draft.add_paragraph(style=CAPTION_STYLE)
                caption.paragraph_format.keep_with_next = True
                add_spans(caption, block.caption)
            add_table(draft, block, add_spans, text_width)
        case SignOff() | LineBlock():
            add_lines(draft, block, add_spans)
        case Note():
            add_note(draft, block, add_spans, endnotes)
        case _:
            raise UnknownBlock(block, "the DOCX writer")


def _set_off_tables(draft) -> None:
    """Each paragraph right under a table spaced from it as from a paragraph of the text:
    Word and LibreOffice put between them only the paragraph's own space before, which the
    body's style leaves at none (a heading's, which has its own, stays)."""
    gap = draft.styles[BODY_STYLE].paragraph_format.space_after
    for table in draft.element.body.iterchildren(qn("w:tbl")):
        following = table.getnext()
        if gap is None or following is None or following.tag != qn("w:p"):
            continue
        paragraph = DocxParagraph(following, draft.part)
        if paragraph.style.paragraph_format.space_before is None:
            paragraph.paragraph_format.space_before = gap


def _add_spans(paragraph, spans: tuple[Span, ...], endnotes: Endnotes) -> None:
    for link, run in link_runs(spans):
        holder = _hyperlink(paragraph, link) if link else paragraph._p
        for span in run:
            if span.note:
                add_reference(paragraph, span, endnotes)
                continue
            written = paragraph.add_run(span.text, style=LINK_STYLE if link else None)
            holder.append(written._r)  # a link's runs inside its w:hyperlink
            # Plain text inherits from the style: an explicit "not bold" would unbolden a
            # Caption.
            if span.bold:
                written.bold = True
            if span.italic:
                written.italic = True
            if span.position:
                setattr(written.font, span.position, True)
            if span.underline:  # w:u single, whatever the style (a link's included)
                written.underline = True
            if span.small_caps:
                written.font.small_caps = True
            if span.language:
                _set_run_language(written, span)


def _set_run_language(run, span: Span) -> None:
    """w:lang on a phrase's run: its language in the attribute of each script its text is
    in (w:val for Latin letters, w:eastAsia for Han characters), as Word marks a language
    chosen for a selection (Review > Language)."""
    lang = OxmlElement("w:lang")
    for attribute in docx_language_attributes(span.text):
        lang.set(qn(attribute), span.language)
    run._r.get_or_add_rPr().append(lang)


def _hyperlink(paragraph, address: str):
    """A w:hyperlink to `address` at the paragraph's end, for the runs of its text: never to
    anything but a web page, a mail or a telephone number, behind the readers' guard."""
    if not linkable(address):
        raise RenderingError(f"link {excerpt(address)} is not a web, mail or telephone"
                             " address")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK,
                                                  is_external=True))
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


def _add_figure(draft, figure: Figure, text_width: int, source_dir: Path, fonts: Fonts,
                add_spans, pictures: dict[int, str]) -> None:
    """A figure's picture (none for one still to come: its caption alone, so that no
    placeholder is ever read back as a picture) and its caption."""
    if figure.image:
        picture = draft.add_paragraph(style=FIGURE_STYLE)
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True  # a caption stays with its figure
        pictures[figure.number] = _add_picture(picture, source_dir, fonts, figure, text_width)
    caption = draft.add_paragraph(style=CAPTION_STYLE)
    add_spans(caption, figure.caption)
    _mark_figure(caption, figure.number)


def _mark_figure(caption, number: int) -> None:
    """The figure's identity at its caption: a hidden bookmark (Word hides those whose name
    starts with "_") round the caption's words, which the reader matches the figure by
    wherever the editor moves it. Round them, not at a point before them: LibreOffice drops
    a bookmark at a point whose character the editor retypes (the caption's first word)."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), f"_Figure{number}")
    end.set(qn("w:id"), str(number))
    properties = caption._p.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        caption._p.insert(0, start)
    caption._p.append(end)


def _add_picture(paragraph, source_dir: Path, fonts: Fonts, figure: Figure,
                 text_width: int) -> str:
    """The figure's picture in `paragraph`; the digest of the bytes embedded."""
    path = source_dir / figure.image
    if not path.is_file():
        raise PipelineError(path, f"no such image for figure {figure.number}")
    try:
        shape = paragraph.add_run().add_picture(
            screen_picture(source_dir, figure.image, Emu(text_width).pt, fonts))
    except UnrecognizedImageError:
        raise PipelineError(path, f"not an image Word can show (figure {figure.number})") from None
    shape.width, shape.height = fitted(shape.width, shape.height, text_width)
    # Its name is the figure's identity, which the reader follows (with the caption's mark).
    shape._inline.docPr.set("name", f"Figure {figure.number}")
    language = paragraph.part.document.core_properties.language
    shape._inline.docPr.set("descr", figure.alternative_text(language))
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    return hashlib.sha256(paragraph.part.related_parts[blip.embed].blob).hexdigest()


def screen_picture(source_dir: Path, name: str, text_width_pt: float,
                   fonts: Fonts) -> BytesIO | str:
    """Figure image `name` as Word and LibreOffice show it: a CMYK one (a print photo) as an
    RGB copy, converted through its own profile when it has one (the print PDF keeps the
    CMYK); an SVG one, which python-docx cannot embed, as a PNG of it (svg.py) drawn in
    `fonts`, at most `text_width_pt` wide; a WebP one, which python-docx cannot embed either,
    and an animated GIF, which Word and LibreOffice would play, as a PNG of the first frame,
    the one the editions print (png_of). Read whole first: one cut short or corrupt is
    refused as the editions refuse it."""
    from PIL import ImageCms

    from pipeline.readers.pictures import SVG_SUFFIX, decoded
    from pipeline.writers.docx.svg import svg_as_png

    path = source_dir / name
    if path.suffix.lower() == SVG_SUFFIX:
        return svg_as_png(name, source_dir, text_width_pt, fonts)
    with path.open("rb") as stream, decoded(name, stream) as image:
        if image.format in SHOWN_AS_PNG or (image.format == "GIF" and image.is_animated):
            return png_of(image)
        if image.mode != "CMYK":
            return str(path)
        profile = image.info.get("icc_profile")
        if profile:
            rgb = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(BytesIO(profile)),
                ImageCms.createProfile("sRGB"), outputMode="RGB")
        else:
            rgb = image.convert("RGB")
    copy = BytesIO()
    rgb.save(copy, "JPEG", quality=95)
    copy.seek(0)
    return copy


def png_of(image) -> BytesIO:
    """A PNG of `image` as opened (an animated one's first frame), holding its pixels,
    transparency and colour profile alone (no time, no text, no Exif): the same picture gives
    the same bytes on any machine. It states no resolution, so python-docx sizes it as any
    picture without one, at 72 ppi, never wider than the text."""
    png = BytesIO()
    image.save(png, "PNG")
    png.seek(0)
    return png


def fitted(width: int, height: int, max_width: int) -> tuple[int, int]:
    """The size scaled down, never up, to fit `max_width`, keeping its proportions."""
    if width <= max_width:
        return width, height
    return max_width, round(height * max_width / width)
