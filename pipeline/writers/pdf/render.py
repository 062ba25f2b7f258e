"""The PDF of a document in one layout: its HTML and the layout's CSS through WeasyPrint.

WeasyPrint (through engine.py) and pikepdf are imported inside the functions that use them,
when a PDF is rendered: importing WeasyPrint takes about half a second, which a test of the
HTML need not pay.

The same document and layout always give the same bytes: dates come from the metadata
(see writers/html/), the XMP document and instance ids from a hash of the HTML, and the file
identifier from a hash of the finished file.

WeasyPrint's PDF is then finished with pikepdf: page labels for every edition, untagged
margin content as artifacts in tagged ones (tagging.py), CMYK marks, images and
output intent in PDF/X ones (print_ready.py).
"""

from __future__ import annotations

import ctypes
import functools
import gc
import hashlib
import io
import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from pipeline.errors import RenderingError, excerpt
from pipeline.languages import profile_for
from pipeline.layouts import Layout
from pipeline.model import Document, linkable
from pipeline.writers.html import Placement, render_html
from pipeline.writers.html.blocks import table_sources
from pipeline.writers.pdf.faces import (
    characters_lacking,
    declared_families,
    font_configuration,
    own_faces_files,
)
from pipeline.writers.pdf.font_subsetting import tags_from_contents, use_uharfbuzz_subsetting
from pipeline.writers.pdf.glyph_positions import write_exact_adjustments
from pipeline.writers.pdf.justification import justify_between_characters
from pipeline.writers.pdf.justified_lines import justify_lines, paragraph_setting
from pipeline.writers.pdf.lacking_glyphs import generated_characters, lacking_fonts
from pipeline.writers.pdf.line_ends import (
    links_as_tall_as_their_lines,
    links_of_their_own,
    space_line_ends,
)
from pipeline.writers.pdf.list_labels import labels_as_markers
from pipeline.writers.pdf.own_forms import own_forms_shaped
from pipeline.writers.pdf.pagination import kept_pages, paginated, released, with_margins
from pipeline.writers.pdf.pictures import Picture, prepared
from pipeline.writers.pdf.placement import (
    LEAD_IN,
    MAX_PASSES,
    TABLE_SOURCE,
    continued_pages,
    improved,
    leads_in,
)
from pipeline.writers.pdf.serialised_once import streams_serialised_once
from pipeline.writers.pdf.table_titles import feet_under_last_rows, first_titles_uncontinued
from pipeline.writers.pdf.urls import SOURCE_URL, url_fetcher

if TYPE_CHECKING:
    from pipeline.writers.pdf.structure_tree import Tagging

# A layout a mend replaces, or the last once written, holds reference cycles (each page and
# its footnote area, the styles), which the build's collector, set to run seldom
# (tasks/heap.py), would keep long after: a layout of more pages is collected as soon as it
# is let go. A short one is left to the collector: collecting the seed's costs some 15 ms,
# more than its memory is worth.
COLLECTED_LAYOUT_PAGES = 24
# WeasyPrint writes a random uuid4 here in PDF/X-4 metadata, and no instance id.
XMP_DOCUMENT_ID = re.compile(rb"<xmpMM:DocumentID>xmp\.did:[0-9a-fA-F-]{36}</xmpMM:DocumentID>")


def render_pdf(document: Document, layout: Layout, source_dir: Path) -> bytes:
    """`document` as a PDF through `layout`, as it sets the document's language; figure
    images are read from `source_dir`."""
    layout = layout.for_language(document.metadata.language)
    from pipeline.writers.pdf import engine  # noqa: F401  (WeasyPrint, imported cheaply)

    # isort: split
    from weasyprint import CSS
    from weasyprint.urls import FatalURLFetchingError

    use_uharfbuzz_subsetting()
    write_exact_adjustments()
    pictures = prepared(document, source_dir)
    fetcher = url_fetcher(layout.folder.parent, source_dir, pictures)
    font_config = font_configuration()
    try:
        stylesheets = [CSS(filename=path, url_fetcher=fetcher, font_config=font_config)
                       for path in stylesheet_files(document, layout, source_dir)]
        html_text, laid_out = placed(document, layout, stylesheets, fetcher)
        first_titles_uncontinued(laid_out.pages)
        feet_under_last_rows(laid_out.pages)
        justify_lines(laid_out.pages, layout.justification)
        justify_between_characters(laid_out.pages, document.scripts, layout.justification)
        own_forms_shaped(laid_out.pages)
        space_line_ends(laid_out.pages)
        links_of_their_own(laid_out.pages)
        refuse_unlinkable(laid_out.pages)
        links_as_tall_as_their_lines(laid_out.pages)
        labels_as_markers(laid_out.pages)
        continued = continued_pages(laid_out.pages)
        digest = hashlib.sha256(html_text.encode("utf-8")).digest()
        with streams_serialised_once():
            rendered = laid_out.write_pdf(
                pdf_variant=layout.pdf_variant,
                pdf_identifier=digest[:16].hex().encode("ascii"),
                finisher=functools.partial(
                    _finish, families=declared_families(layout), digest=digest,
                    generated=functools.partial(generated_characters, document=document,
                                                layout=layout, html=html_text)
                ),
            )
    except FatalURLFetchingError as error:
        raise RenderingError(
            f"cannot render with layout {layout.name!r}: {error.__cause__}"
        ) from error
    pages = len(laid_out.pages)
    del laid_out  # written: let go before the PDF is finished
    if collected(pages):
        hand_back_freed_memory()
    from pipeline.writers.pdf.structure_tree import tagging_of

    return finished(rendered, layout, proof_note(document), continued,
                    scripts=document.scripts, tagging=tagging_of(document, html_text),
                    pictures=list(pictures.values()))


def collected(pages: int) -> bool:
    """Whether a layout of `pages` just let go is long enough to be collected at once
    (COLLECTED_LAYOUT_PAGES); it is, if so."""
    if pages <= COLLECTED_LAYOUT_PAGES:
        return False
    gc.collect()
    return True


def hand_back_freed_memory() -> None:
    """Hand the memory a long layout held back to the system (glibc's malloc_trim), once it
    is collected: kept, it stays the process's in holes among what is still alive, too small
    for what comes next (pikepdf's and pdfium's buffers, in the steps that read the PDF),
    which then takes memory of its own on top of it. Elsewhere than glibc, nothing is done."""
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is not None:
        trim(0)


def proof_note(document: Document) -> str:
    """What the slug of a print file says when it is not for press, in the document's
    language: pictures not supplied."""
    missing = sum(1 for figure in document.figures if not figure.image)
    if not missing:
        return ""
    return profile_for(document.metadata.language).reader_words.proof.format(
        count=missing, plural="s" * (missing != 1))


def stylesheet_files(document: Document, layout: Layout, source_dir: Path) -> list[Path]:
    """The layout's stylesheet (which imports fonts/fonts.css), and the document's own faces'
    (own_faces_files), its pictures' included."""
    return [layout.folder / layout.stylesheet, *own_faces_files(document, layout, source_dir)]


def placed(document: Document, layout: Layout, stylesheets: list, fetcher):
    """The HTML and WeasyPrint's layout of it, its pages mended (placement.py): another
    layout where needed, each without its margins but the one kept (pagination.py)."""
    from weasyprint import HTML

    sources = table_sources(document.blocks)
    kinds = [TABLE_SOURCE if index in sources else LEAD_IN if leads_in(block)
             else type(block).__name__.lower() for index, block in enumerate(document.blocks)]
    placement = Placement()
    pictures_read: dict = {}  # WeasyPrint's, by address: each read once, the same in each layout
    lines_measured: dict = {}  # each line's text measured once for every layout (pagination.py)
    lines = paragraph_setting(document, layout, stylesheets, fetcher)
    html_text, laid_out, layouts = "", None, 0
    laid_out_before = ""  # the HTML of the layout before the current one
    undoing = False
    # A mend the HTML does not show (a paragraph that no breaking sets a line shorter) costs
    # no layout: the next is tried on the same pages.
    for _ in range(2 * MAX_PASSES + 1):
        earlier_html, html_text = html_text, render_html(document, layout, placement, lines)
        if html_text != earlier_html:
            layouts += 1
            laid_out_before = earlier_html
            kept = kept_pages(earlier_html, html_text, laid_out.pages) if laid_out else 0
            pages_before = len(laid_out.pages) if laid_out else 0
            laid_out = released(laid_out, kept)  # only what carrying pages over needs is kept
            collected(pages_before)
            laid_out = paginated(HTML(string=html_text, base_url=SOURCE_URL,
                                      url_fetcher=fetcher),
                                 laid_out, kept, split_lines=lines_measured,
                                 stylesheets=stylesheets, font_config=font_configuration(),
                                 pdf_variant=layout.pdf_variant, cache=pictures_read)
        better = improved(placement, laid_out.pages, kinds, layout.hyphenation.max_lines)
        if better == placement or undoing:
            break
        if layouts >= MAX_PASSES:
            # At the last layout, a mend that undoes the one before it (a list's item kept
            # with the next, which left a page too empty) is still laid out, once: the
            # pages are never those of a mend found worse than none.
            undoing = render_html(document, layout, better, lines) == laid_out_before
            if not undoing:
                break
        placement = better
    return html_text, with_margins(laid_out, split_lines=lines_measured)


def finished(rendered: bytes, layout: Layout, note: str = "",
             continued: frozenset[int] | set[int] = frozenset(),
             scripts: frozenset = frozenset(), tagging: Tagging | None = None,
             pictures: list[Picture] = ()) -> bytes:
    """WeasyPrint's PDF finished: page labels; in tagged editions, untagged content made
    artifacts and the structure tree made the document's (`continued`: the pages whose first
    block goes on from the page before), and the elements in the languages of the `scripts`
    the document holds (Chinese in an English text) tagged with their language; in PDF/X
    ones, print-ready with `note` in the slug; in others, `note` at each page's foot."""
    import pikepdf

    from pipeline.pdf.pages import PageContents
    from pipeline.writers.pdf.language_tags import tag_given_languages, tag_languages
    from pipeline.writers.pdf.pictures import embed_profiles
    from pipeline.writers.pdf.print_ready import make_print_ready
    from pipeline.writers.pdf.slug import NOTE_SIZE_PT, mark_proof
    from pipeline.writers.pdf.structure_tree import Tagging, logical_structure
    from pipeline.writers.pdf.tagging import label_pages, mark_untagged_content_as_artifacts

    with pikepdf.open(io.BytesIO(rendered)) as pdf:
        tags_from_contents(pdf)
        label_pages(pdf)
        embed_profiles(pdf, pictures, layout.is_pdfx)
        if "/StructTreeRoot" in pdf.Root:
            if "/Outlines" in pdf.Root:  # the bookmarks open beside the pages, to go by
                pdf.Root.PageMode = pikepdf.Name.UseOutlines
            if tagging and tagging.language:
                # Read in the language it opens in, which a piece in two languages in
                # parallel may not be set in (PDF/UA-1, 7.2): what is in the other is tagged.
                pdf.Root.Lang = pikepdf.String(tagging.language)
            contents = PageContents(pdf)  # each page parsed once for the four steps
            mark_untagged_content_as_artifacts(contents)
            logical_structure(contents, continued, tagging or Tagging("", ()))
            tag_given_languages(contents, tagging.phrases if tagging else ())
            if scripts:
                tag_languages(contents, scripts)
            contents.write()
        if layout.is_pdfx:
            make_print_ready(pdf, layout, note)
        elif note:
            mark_proof(pdf, layout.fonts_folder, note, max(NOTE_SIZE_PT, layout.smallest_type_pt))
        output = io.BytesIO()
        # The file identifier from a hash of the content: same content, same bytes.
        pdf.save(output, deterministic_id=True)
    return output.getvalue()


def refuse_unlinkable(pages) -> None:
    """No link annotation leads anywhere but to a web page, a mail or a telephone number,
    behind the readers' guard: an address the HTML holds that is none (a path, which
    WeasyPrint resolves to a file:// address) stops the PDF, as does a file attached; a link
    inside it is let be. The address is asked as written, before WeasyPrint escaped it (a
    telephone number's spaces as %20)."""
    for page in pages:
        for kind, target, _, _ in page.links:
            if kind != "internal" and not linkable(unquote(target)):
                raise RenderingError(f"link {excerpt(target)} is not a web, mail or telephone"
                                     " address")


def _finish(weasy_document, pdf, *, families: frozenset[str], digest: bytes,
            generated=None) -> None:
    """Check the fonts, and make the XMP metadata reproducible, before the PDF is written;
    `generated` says what generates the characters lacking that the text does not hold."""
    if lacking := characters_lacking(weasy_document, families):
        raise RenderingError(lacking_fonts(lacking, generated(lacking) if generated else None))
    for stream in xmp_streams(pdf):
        stream.stream = [reproducible_xmp(part, digest) for part in stream.stream]


def xmp_streams(pdf) -> list:
    return [
        obj for obj in pdf.objects
        if getattr(obj, "extra", {}).get("Type") == "/Metadata"
    ]


def reproducible_xmp(part: bytes, digest: bytes) -> bytes:
    """XMP with its random document id replaced by one derived from the HTML's hash, and
    an instance id (which PDF/X-4 requires) derived from the rest of that hash."""
    document_id = uuid.UUID(bytes=digest[:16], version=4)
    instance_id = uuid.UUID(bytes=digest[16:32], version=4)
    ids = (f"<xmpMM:DocumentID>xmp.did:{document_id}</xmpMM:DocumentID>"
           f"<xmpMM:InstanceID>xmp.iid:{instance_id}</xmpMM:InstanceID>").encode("ascii")
    return XMP_DOCUMENT_ID.sub(ids, part)
