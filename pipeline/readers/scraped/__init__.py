"""The scraped-text reader: a text copied out of a web page or an e-mail, read as a document.

decoding (bytes to text) -> cleaning (house style, line by line) -> debris (the page's
furniture: navigation, sharing, cookie and footer lines; a mail's header and footer) ->
dedupe (the repetitions the web page left, counted) -> structure (byline, title, headings,
figures, paragraphs).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.languages import VALEDICTION, detect, text_language
from pipeline.model import Document, Metadata, SignOff
from pipeline.readers.cleaning import clean_text, reading_in
from pipeline.readers.decoding import read_source
from pipeline.readers.front_matter import parse_byline, signatory, title_from_name
from pipeline.readers.scraped.breaks import (
    displayed_blocks,
    displays_apart,
    indented_openings,
    opened_apart,
    unwrapped,
)
from pipeline.readers.scraped.debris import forwarded_unquoted, remove_debris
from pipeline.readers.scraped.dedupe import Unit, deduplicate, likeness_key, report, seamed_lines
from pipeline.readers.scraped.lists import is_item
from pipeline.readers.scraped.pages import bracketed_notes, rejoined_words
from pipeline.readers.scraped.structure import (
    MASTHEAD_ORGANISATION,
    build_document,
    division_drop,
    given_drops,
    is_heading_text,
    kicker_drop,
    page_title_drop,
    without_masthead,
    without_page_title,
)
from pipeline.readers.scraped.tables import lone_units_spread, spaced_tables

NOTHING_LEFT = "no text left after removing web page and e-mail debris"
# A text that is only its title (and byline): nothing to publish, most likely a copy that
# took the page's heading and missed its text.
NO_TEXT = "no text after the title{}"


def read_scraped(path: Path, metadata: Metadata) -> tuple[Document, dict]:
    """The document in the scraped text `path`, and the report of what was dropped."""
    return scraped_document(path.stem, read_source(path), metadata, path)


def scraped_document(name: str, text: str, metadata: Metadata,
                     path: Path | None = None) -> tuple[Document, dict]:
    """The document named `name` in the scraped `text` (read from `path`), and the report of
    what was dropped."""
    given_author = metadata.author
    metadata = replace(metadata, language=text_language(text, metadata.language,
                                                        metadata.language_named))
    source = text
    with reading_in(metadata.language):
        # A mail forwarded whole, every line of it quoted, is read as its lines say.
        text, forwarded_on = forwarded_unquoted(text)
        # A list item keeps its indentation: how deep it is nested (lists.py).
        # A table a single space parts into cells is told before cleaning, which would set
        # its cells' figures against a Chinese label's characters (`南區 18` -> `南區18`).
        cleaned = clean_text(spaced_tables(text), keeps_indent=is_item,
                             wrapped=not unwrapped(tuple(text.split("\n"))))
        # A unit alone under a table's header is told once cleaning has parted its cells.
        cleared = remove_debris(lone_units_spread(cleaned),
                                known=(metadata.title, metadata.subtitle, metadata.organisation))
    # A line dropped inside a block (the text's date under its kicker) parts none of it.
    with seamed_lines(cleared.seamed):
        if cleared.dated and not metadata.date:
            # Dated by its release line or its page's dateline, dropped: the date stays the text's.
            metadata = replace(metadata, date=cleared.dated)
        poster = parse_byline(cleared.poster) if cleared.poster else None
        if poster and not metadata.author:  # and by the person its dateline names
            metadata = replace(metadata, author=poster.name)
        if cleared.site and not metadata.organisation:  # published by the body whose site it is
            metadata = replace(metadata, organisation=cleared.site)
        # A word a printed page's line end broke is one again before blocks are compared.
        rejoined, hyphens = rejoined_words(cleared.text, cleared.paged)
        result = deduplicate(*bracketed_notes(rejoined))
        lines = text.split("\n")
        result.units = displays_apart(opened_apart(result.units, indented_openings(lines)),
                                      *displayed_blocks(lines, wrapped=not unwrapped(tuple(lines))))
        if not any(unit.kind == "text" for unit in result.units):
            raise PipelineError(path or Path(name), NOTHING_LEFT)
        page_title = None
        if not metadata.title:
            result.units, page_title, body = without_page_title(result.units)
            if body and not metadata.organisation:
                metadata = replace(metadata, organisation=body)
        result.units, metadata = headline_titled(result.units, metadata, cleared.headline)
        if not metadata.title and opens_with_line(result.units, cleared.subject):
            result.units, masthead = without_masthead(result.units, cleared.subject)
            metadata = replace(metadata, title=cleared.subject)
            if len(masthead) == 1 and not metadata.organisation:
                # One line over the title the mail's subject names: who publishes it.
                metadata = replace(metadata, organisation=masthead[0].text.strip())
                masthead = [replace(masthead[0], reason=MASTHEAD_ORGANISATION)]
        else:
            result.units, masthead = without_masthead(result.units, metadata.title)
        said = [drop for drop in (kicker_drop(result.units, metadata),
                                  division_drop(result.units, metadata),
                                  page_title_drop(result.units, metadata, cleared.headline))
                if drop]
        said += given_drops(result.units, metadata)
        said += [page_title] if page_title else []
        result.drops = sorted(cleared.drops + hyphens + result.drops + masthead + said,
                              key=lambda drop: drop.lines)
        document = build_document(name, result.units, metadata, cleared.headline, cleared.named)
        if cleared.subject and not metadata.title and (
                document.metadata.title == title_from_name(name)
                or opens_letter(result.units, cleared.greeting)):
            # A mail with no title of its own is titled as its sender titled it, by its subject,
            # rather than by its file's name; a heading under its greeting is a section's.
            document = build_document(name, result.units,
                                      replace(metadata, title=cleared.subject), cleared.headline,
                                      cleared.named)
        if not document.blocks:
            raise PipelineError(path or Path(name),
                                NO_TEXT.format(" and byline" if document.byline else ""))
        signing_body = cleared.signatory_body or signed_for(document) or cleared.holder
        if not document.metadata.organisation and signing_body:
            # Published by the body its signatory names (in a mail's signature, or on a line of
            # the text's sign-off), or else its page's copyright line does, where nothing over
            # the text names one.
            document = replace(document, metadata=replace(document.metadata,
                                                          organisation=signing_body))
        if poster and document.byline is None and not signed_by(document, poster.name):
            # Its author, as the page's dateline names them over the text ("Ruth Okonjo-Hale"
            # over "Follow · 8 min read"), with their role: its byline, which the opener prints,
            # where the text writes none and signs off with no such name.
            document = replace(document, byline=poster)
        if given_author and document.byline is None and not signed_by(document, given_author):
            # Its author as its metadata names them (`校長 黃志明`, the role first as its
            # language writes a byline), where the text names them nowhere (a speech its
            # speaker): the byline the opener prints.
            document = replace(document, byline=parse_byline(given_author))
        if not document.metadata.date and (dated := document.own_date):
            # Dated by its signature, or its title's issue ("Summer Newsletter – July 2025"):
            # the opener and the editions' properties say when.
            document = replace(document, metadata=replace(document.metadata, date=dated))
        if not document.metadata.date and forwarded_on:
            # Nothing in it dates the mail forwarded whole: it is dated as it was sent.
            document = replace(document, metadata=replace(document.metadata, date=forwarded_on))
        if not document.metadata.author and document.byline is None and (
                signed := signatory(document)):
            document = replace(document, metadata=replace(document.metadata, author=signed))
        return document, as_written(report(name, result, cleared.counted()), source.split("\n"))


def as_written(found: dict, lines: list[str]) -> dict:
    """The report with each dropped text's source lines as they stand in the source (`source`:
    by number, before cleaning set their quotes, dashes and spaces), so an editor finds them
    by searching the text: a dropped text is quoted cleaned, as the model would have held it."""
    for drop in found["dropped"]:
        drop["source"] = [lines[number - 1] for number in drop["lines"]
                          if 0 < number <= len(lines)]
    return found


def signed_for(document: Document) -> str:
    """The body a line of the text's last sign-off names alone, under its signatory's name
    and role (`National Association of Health Workers` under `General Secretary`), or the
    body its role is held at (`Leader of Ashdown Vale District Council`, under the name
    written in full under the first name it is signed with), its closing phrase aside; ""
    for none. (The line right under the name is the role, however it names a body: `Chair
    of the Friends`.)"""
    sign_off = document.last_sign_off
    lines = sign_off.texts if sign_off is not None else []
    if lines and VALEDICTION.fullmatch(lines[0].strip()):
        lines = lines[1:]
    for line in lines[2:]:
        language = detect(line)
        held = language.office_body(line)
        if held or held is None and language.names_body(line):
            return held or line
    return ""


def signed_by(document: Document, name: str) -> bool:
    """Whether the text's sign-off names `name`."""
    return any(isinstance(block, SignOff)
               and likeness_key(name) in likeness_key(" ".join(block.texts))
               for block in document.blocks)


def headline_titled(units: list[Unit], metadata: Metadata, headline: int
                    ) -> tuple[list[Unit], Metadata]:
    """The units and metadata with the page's headline as the title, where the metadata gives
    none and the line its dateline stands under is too long to be read as a heading
    ("做有温度的研究者——研究生院院长在2025级研究生开学典礼上的讲话" over "发布时间：…"): its
    place says it is the title."""
    found = next((unit for unit in units if unit.kind == "text" and unit.lines[0] == headline
                  and len(unit.rows) == 1), None)
    if metadata.title or found is None or is_heading_text(found.text):
        return units, metadata
    return [unit for unit in units if unit is not found], replace(metadata, title=found.text)


def opens_with_line(units: list[Unit], subject: str) -> bool:
    """Whether a line of the text's opening block under its first is the mail's `subject`
    ("The Messenger – May 2025" under the parish's name, "St Mary's, Holbeck"): the text's
    title, as its sender titled it, the lines over it its masthead."""
    opening = next((unit for unit in units if unit.kind == "text"), None)
    return bool(subject) and opening is not None and any(
        likeness_key(row) == likeness_key(subject) for row in opening.rows[1:])


def opens_letter(units: list[Unit], greeting: int) -> bool:
    """Whether the line greeting a mail's readers (line `greeting`) opens the text: no title
    stands above it."""
    return greeting > 0 and not any(unit.kind == "text" and unit.lines[0] < greeting
                                    for unit in units)
