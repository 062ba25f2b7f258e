"""Structure: the deduplicated blocks of a web-page text read as a document.

The rules read what the web page left behind:
- the short line "Name, Role" written several times at the top is the byline;
- a paragraph written twice is a photo caption, and the photo stood at the
  no-break-space line before it;
- lines with the same number of cells are a table, lines opened by markers a list
  (tables.py, lists.py);
- the title, its parallel and the byline, blank lines between them or not, open it; a
  short line over a title that a byline follows is the page's kicker, the subtitle, and so
  is a line the author wrote under the title in its block that heads no text;
- the short lines after the last paragraph, kept as lines, are the sign-off; a postscript
  may follow it; after the notes, short lines that sign are one too;
- a `Notes` heading over labelled lines is the notes, which `[n]` in the text refer to,
  and so are lines labelled `[1]`, `[2]`, … in order that end the text, each called above
  (notes.py);
- a one-line phrase with no closing full stop, followed by text, is a section heading, of
  the level its number gives (`1.` 1, `1.1` 2, `1.1.1` 3; `一、` 1, `（一）` 2);
- a line `Table 3.1 …` over a table is its caption (tables.py);
- everything else is a body paragraph.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.addresses import ADDRESS
from pipeline.languages import (
    ATTENDANCE,
    ATTRIBUTION,
    AUDIENCE_REACTION,
    CLOSING_SALUTE,
    CLOSING_WISH,
    CONTACT_HEADING,
    CONTACT_LEAD_IN,
    DIRECTION,
    DIVISION_LABEL,
    DOCUMENT_NUMBER,
    FIELD,
    FIGURE_TITLE,
    FIRST_NUMERALS,
    GREETING,
    LEAD_IN_ENDS,
    MEDIA_CONTACT,
    NAMED_TURN,
    NEWS_DATELINE,
    NOTES_HEADING,
    NUMERAL,
    NUMERAL_MARKER,
    ORDINAL_OPENING,
    PHOTO_CREDIT,
    PICTOGRAPH,
    PICTURE_LABEL,
    POSTSCRIPT,
    PUBLISHER_LINE,
    SENTENCE_BREAK,
    STAGE_DIRECTION,
    VALEDICTION,
    columns,
    detect,
    ends_sentence,
    interview_speakers,
    is_lead_in,
    is_speech_rubric,
    joined_lines,
    language_boundary,
    language_halves,
    profile_for,
    word_count,
)
from pipeline.model import (
    Block,
    Byline,
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
    cut,
    numbered_label,
    speech_rubric,
    unskipped,
)
from pipeline.readers.cleaning import LINK, clean_front_line, joined, linked
from pipeline.readers.front_matter import (
    bilingual_parts,
    byline_line,
    is_parallel_byline,
    parse_byline,
    title_from_name,
)
from pipeline.readers.numbering import Marked, counts_on_from
from pipeline.readers.scraped.breaks import (
    BRACKETED_LINE,
    ITEM_ENDS,
    POINTED_CAPTION,
    WRAP_SLACK,
    blocks_apart,
    closes_sentence,
    ends_block,
    fields,
    is_dated_event,
    is_field,
    joined_units,
    mail_quoted,
    not_wrapped,
    quote_credited,
    room_for_next,
    unquoted,
)
from pipeline.readers.scraped.breaks import runs_on as line_runs_on
from pipeline.readers.scraped.debris import is_contact_line
from pipeline.readers.scraped.dedupe import Drop, Unit, likeness_key, lines_apart
from pipeline.readers.scraped.lists import build_lists, compound_marked, items_of, marked
from pipeline.readers.scraped.notes import (
    BRACKETED_NUMBER,
    REFERENCE,
    TRAILING_CALLS,
    Calls,
    heading_apart,
    notes_ending,
    notes_section,
    read_notes,
    symbol_note,
    with_references,
)
from pipeline.readers.scraped.tables import (
    build_table,
    cell_a_line,
    cells_of,
    is_table_title,
    is_unit_line,
    table_title_lines,
    titled_cells,
)

# A paragraph wholly in quotes, as cleaning curls them: "‘…’", "“…”", "「…」".
WHOLLY_QUOTED = re.compile("[\u2018\u201c\u300c\u300e].*[\u2019\u201d\u300d\u300f]", re.DOTALL)
MAX_SIGN_OFF_WORDS = 10  # in each of its lines
MAX_SIGN_OFF_CHARACTERS = 60  # in each of its lines: Chinese has no spaces to count words by
# A place to sign or date, as minutes close: a label, then a leader of dots or a rule to write
# on ("Chair ........", "Date: ______", "主席簽署：＿＿＿"), perhaps another after it on its line
# and the signer's role in brackets; its dots end no sentence.
SIGNING_LEADER = "._\u2026\u00b7\uff3f"
SIGNING_PLACE = (rf"[^\W\d_][^:\uff1a{SIGNING_LEADER}]{{0,30}}?\s*[:\uff1a]?\s*"
                 rf"(?:[{SIGNING_LEADER}]\s?){{3,}}")
SIGNING_LINE = re.compile(rf"(?:{SIGNING_PLACE}\s*)+"
                          r"(?:[(\uff08][^()\uff08\uff09]{1,30}[)\uff09])?")
# A form's field to fill in: a label, then a place to write on, as above, or a box to tick
# ("Emergency contact: ______", "Photographs may be used: [ ]"): a line of the form.
FORM_FIELD = re.compile(rf"{SIGNING_LINE.pattern}"
                        r"|[^\W\d_][^:\uff1a\[\]]{0,30}?\s*[:\uff1a]?\s*\[ ?\]")
MAX_ADDRESSES = 3  # over a letter's greeting: its sender's, its addressee's, perhaps another
SECTION_NUMBER = re.compile(r"(\d+\.)*\d+\.?\s+|[IVXLC]+\.\s+")  # "1. ", "2.3 ", "IV. "
# Section numbers in a language's own numerals: "一、" a section, "（一）" one inside it.
OWN_SECTION_NUMBER = rf"{NUMERAL_MARKER}|\uff08(?:{NUMERAL})\uff09"
# A first line shorter than this share of the running text's line after it is a title over it.
TITLE_SHARE = 0.5
MAX_STANDFIRST_WORDS = 30
MAX_KICKER_WORDS = 4  # a kicker's label: "Policy paper", "Community news"
KICKER_REPLACED = "the line over the title; the metadata's subtitle stands in its place"
KICKER_UNDER_STRAPLINE = "the line over the title; the title's strapline is its subtitle"
MASTHEAD = "a line over the title the metadata gives"
MASTHEAD_ORGANISATION = "the organisation's name over the title, which the opener prints"
ORGANISATION_GIVEN = "the organisation's name, which the metadata gives and the opener prints"
SUBTITLE_GIVEN = "the subtitle, which the metadata gives and the opener prints"
TITLED_BY_NAME = ("the organisation's name and the title, which the metadata gives and the"
                  " opener prints")
PAGE_TITLE = "the page's title, over the text's own title and its subtitle"
TITLE_WITH_BODY = ("the page's title: the body's name, which the opener prints, and the title"
                   " under it")
DIVISION_REPLACED = ("the title under its division's label; the metadata's title and subtitle"
                     " stand in its place")


def build_document(name: str, units: list[Unit], metadata: Metadata,
                   dated_under: int = 0, named: int = 0) -> Document:
    """The document of the text's `units`; `dated_under`: the line the page's dateline
    stood right under (0 for none), the last of its head; `named`: the line its breadcrumb
    trail names as its title (0 for none)."""
    opening_block = next((unit.lines for unit in units if unit.kind == "text"), ())
    given_title, given_subtitle = metadata.title, metadata.subtitle
    if cover := report_cover([unit for unit in units if unit.kind == "text"], metadata):
        # A report's cover over the text: its body's name the organisation and the report's
        # name the title, which the opener prints; the heading under it heads the first
        # section (a letter from the chair, though a greeting follows it).
        block, issuer, report = cover
        units = [unit for unit in units if unit is not block]
        metadata = replace(metadata, title=report, organisation=metadata.organisation or issuer)
    subject = None if metadata.title else letter_subject(
        [unit for unit in units if unit.kind == "text"])
    if subject is not None:
        # Titled by its subject; the addresses over its greeting (a circular's number) are
        # their lines; a newsletter's masthead over it, the body's name and the issue, dated,
        # the opener's.
        over = [unit for unit in units
                if unit.kind == "text" and unit.lines[:1] < subject.lines[:1]]
        masthead = over[0] if len(over) == 1 and body_over_issue(over[0]) else None
        metadata = replace(metadata, title=subject.text.strip())
        if masthead is not None:
            issuer, issue = (row.strip() for row in masthead.rows)
            metadata = replace(metadata, organisation=metadata.organisation or issuer,
                               subtitle=metadata.subtitle or issue,
                               date=metadata.date or detect(issue).date_in(issue))
        units = [replace(unit, lined=True) if unit.lines[:1] < subject.lines[:1]
                 and unit.kind == "text" and not GREETING.fullmatch(unit.text.strip())
                 else unit for unit in units if unit not in (subject, masthead)]
    if metadata.title and subject is None:
        units = addresses_kept(units, metadata.title)
    units = front_lines_apart(labelled_title_joined(units, metadata), metadata.title)
    units = headline_apart(units)
    texts = [unit for unit in units if unit.kind == "text"]
    if own_headline(texts, metadata):
        page_title, subtitle = texts[0], texts[2]
        units = [unit for unit in units if unit not in (page_title, subtitle)]
        texts = [unit for unit in texts if unit not in (page_title, subtitle)]
        metadata = replace(metadata, subtitle=subtitle.text)
    elif dated_headline(texts, metadata, dated_under):
        # The post's own title (and subtitle) over its dateline, the page's (its
        # publication's name) far over them.
        title, *subtitle = texts[1].apart()
        units = [title if unit is texts[1] else unit for unit in units if unit is not texts[0]]
        texts = [title, *texts[2:]]
        metadata = replace(metadata, subtitle=subtitle[0].text if subtitle else "")
    if not given_title and (notice := numbered_notice(texts)):
        # An official notice's head: its issuer the organisation, its number the subtitle,
        # as written; the title the line under the number, however long.
        issuer, number, title = notice
        units = without_rows(units, {line for unit in notice[0] + [number, title]
                                     for line in unit.lines})
        texts = [unit for unit in units if unit.kind == "text"]
        metadata = replace(metadata, title=title.text.strip(),
                           subtitle=metadata.subtitle or number.text.strip(),
                           organisation=metadata.organisation or " ".join(
                               unit.text.strip() for unit in issuer))
    label = ""  # a division's label over the title, where the metadata gives the subtitle
    units, texts = title_under_label_apart(units, texts)
    if head := labelled_head(texts, metadata):
        # A division's label over the title, the lines saying where it belongs under it
        # (`Agenda item 7` over `Communities and Leisure Committee – 4 February 2025`):
        # the subtitle, on one line, dating the text; the title is the heading under them.
        rows = [row.strip() for unit in head for row in unit.rows]
        units = [unit for unit in units if unit not in head]
        texts = texts[len(head):]
        if metadata.subtitle:
            label = rows[0]  # stands before the title, the subtitle being the metadata's
        else:
            metadata = replace(metadata, subtitle=subtitle_of(rows),
                               date=metadata.date or next(filter(None, (
                                   detect(row).date_in(row) for row in rows)), ""))
    masthead = masthead_lines(texts, metadata)
    covered = False  # a cover's block: the body's name, the title and its subtitle
    if masthead:
        # The body's name over the title (a release's, a newsletter's masthead): the
        # opener's, which prints it, not the title; the occasion under it, dated, the
        # subtitle (`Annual Parish Meeting, 23 April 2025`).
        units = [unit for unit in units if unit not in masthead]
        texts = texts[len(masthead):]
        occasion = masthead[1].text.strip() if len(masthead) > 1 else ""
        metadata = replace(metadata, organisation=masthead[0].text.strip(),
                           subtitle=metadata.subtitle or occasion,
                           date=metadata.date or detect(occasion).date_in(occasion))
        if len(texts[0].rows) > 1:
            # The cover's title and the line under it (its subtitle), or the text the title
            # runs into, each a unit of its own; no kicker over the title.
            units, texts = first_row_apart(units, texts, 0)
            covered = True
    # A line the page's breadcrumb trail names is its title, not a kicker over it.
    kicker = (texts[:kicker_lines(texts)] if texts and texts[0].lines[0] != named
              and not covered else [])
    if kicker:
        # The title's strapline is its subtitle where it has one, the kicker dropped
        # (kicker_drop); else the kicker is.
        strapline = title_strapline(texts, len(kicker))
        units = [unit for unit in units if unit not in kicker and unit is not strapline]
        texts = [unit for unit in texts[len(kicker):] if unit is not strapline]
        metadata = replace(metadata, subtitle=metadata.subtitle or (
            strapline.text if strapline else " ".join(unit.text for unit in kicker)))
    twin = parallel_title(texts, metadata.title)
    given = given_lines(texts, metadata)
    units = [unit for unit in units if unit is not twin and unit not in given]
    texts = [unit for unit in texts if unit is not twin and unit not in given]
    body_line = organisation_line(texts, metadata)
    if body_line is not None:
        # The body's name taken off its block; the lines under it (a subtitle) stay.
        rest = [body_line.piece(1, len(body_line.rows))] if len(body_line.rows) > 1 else []
        units = [piece for unit in units
                 for piece in (rest if unit is body_line else [unit])]
        texts = [piece for unit in texts
                 for piece in (rest if unit is body_line else [unit])]
        metadata = replace(metadata, organisation=publisher(body_line.rows[0])
                           or body_line.rows[0].strip())
    # The byline opens the text, or follows its title (not a caption after a paragraph),
    # perhaps under the title's standfirst, its subtitle, its year or a note in brackets on
    # it, or its strapline where the byline is written twice, as a page's head repeats it, or
    # with the title in the text's opening block, no blank line between them, or under the
    # page's lead picture, its caption written twice.
    under_title = bool(texts) and is_heading_text(texts[0].text)
    if (under_title and len(texts) > 1 and len(texts[1].rows) > 1 and texts[1].counts
            and texts[1].counts[0] > 1 and not is_byline(texts[1], under_title=True)):
        # The lead picture's caption written twice over the lines under it (its place over
        # it, no blank line between): a block of its own, as blank lines would part it; a
        # byline's name written twice over its role stays with it.
        units, texts = first_row_apart(units, texts, 1)
    pictured = (under_title and len(texts) > 2 and texts[1].repeats > 1
                and not is_byline(texts[1]))
    if pictured and len(texts[2].rows) > 1 and is_byline(texts[2].piece(0, 1), True):
        # The byline over the text's first paragraph, no blank line between: its own.
        units, texts = first_row_apart(units, texts, 2)
    opening = texts[:2] if under_title else texts[:1]
    if under_title and len(texts) > 2 and (covered or is_standfirst(texts[1])
                                           or pictured
                                           or annexes_title(texts[1].text)
                                           or subtitled(texts[0], texts[1])
                                           or subtitle_line(texts[1])
                                           and is_byline(texts[2], under_title=True)
                                           or (texts[2].repeats > 1
                                               or set(texts[2].lines) <= set(opening_block))
                                           and is_heading_text(texts[1].text)):
        opening.append(texts[2])
    byline_unit = next((unit for index, unit in enumerate(opening)
                        if is_byline(unit, under_title and index >= 1)
                        # a byline over its parallel says what it is wherever it stands:
                        # opening the text, the title the metadata's
                        or (index == 0 and byline_pair(unit.rows))
                        or (index == 0 and not metadata.title and (
                            author_over_headline(unit) or credit_over_headline(unit, texts)))),
                       None)
    byline = None
    if byline_unit is not None:
        byline = parse_byline("\n".join(byline_unit.rows))
        place = texts.index(byline_unit)
        if pictured and place == 2 and units[units.index(texts[1]) - 1].kind != "marker":
            # The page's lead picture, its place not copied: its caption, written twice
            # between the title and the byline, however short, stands under it (no heading
            # stands over the byline).
            units = [piece for unit in units for piece in (
                (Unit("marker", (), unit.lines[:1]), unit) if unit is texts[1] else (unit,))]
        again = None
        if place + 1 < len(texts) and said_again(byline, texts[place + 1]):
            again = texts[place + 1]
        elif place > 0 and said_again(
                fuller := parse_byline("\n".join(texts[place - 1].rows)), byline_unit):
            # The byline in full over it (`海港發展局主席 陳志明` over `陳志明主席`): that is the
            # byline, and this the label saying it again.
            byline, again, byline_unit = fuller, byline_unit, texts[place - 1]
        elif parallel := parallel_byline(byline, texts[place + 1:place + 2]):
            # The byline over its parallel (`會長 何詠恩` over `President Ho Weng Ian`), as a
            # bilingual page writes its title over its own, or a page in one language its
            # author's name in both: one byline in both.
            byline, again = replace(byline, parallel=parallel.text.strip()), parallel
        units = [unit for unit in units if unit not in (byline_unit, again)]
        texts = [unit for unit in texts if unit not in (byline_unit, again)]
    metadata, units = settle_title(name, metadata, units, texts)
    if label and texts and texts[0] not in units:
        # As a page's title line writes it: `Chapter 3: Water Quality …`.
        metadata = replace(metadata, title=title_after_label(label, metadata.title))
    if texts and texts[0] not in units:  # the text's own title, not the metadata's
        metadata, units = settle_subtitle(metadata, units, texts[0], opening_block,
                                          dated_under)
    if twin is not None:
        metadata = replace(metadata, title=f"{metadata.title} {twin.text}")
    if metadata.subtitle != given_subtitle:
        metadata = replace(metadata, subtitle=subtitle_set(metadata.subtitle))
    return Document(name, metadata if given_title else title_barred_apart(metadata), byline,
                    tuple(body(units, metadata)))


def first_row_apart(units: list[Unit], texts: list[Unit], at: int
                    ) -> tuple[list[Unit], list[Unit]]:
    """`units` and their `texts` with the unit `texts[at]` parted after its first row, each
    part a unit of its own, as a blank line would have parted them."""
    whole = texts[at]
    pieces = [whole.piece(0, 1), whole.piece(1, len(whole.rows))]
    return ([piece for unit in units for piece in (pieces if unit is whole else [unit])],
            [*texts[:at], *pieces, *texts[at + 1:]])


# A bar between spaces parting a page's title from what its site adds after it.
TITLE_BAR = re.compile(r"(?P<title>.+?)\s+\|\s+(?P<after>[^|]+)")


def title_barred_apart(metadata: Metadata) -> Metadata:
    """A title read from the text whose bar parts off the issue it names ("Headteacher's
    Newsletter | Spring Term 2025", its year after the bar): the title, the issue its
    subtitle, where none is set; or the body that publishes it ("Chair's statement |
    Riverside Trust"): the title, the body the organisation, where none is named."""
    barred = TITLE_BAR.fullmatch(metadata.title)
    if barred is None:
        return metadata
    title, after = barred["title"].strip(), barred["after"].strip()
    if re.search(r"(?<!\d)\d{4}(?!\d)", after) and not metadata.subtitle:
        return replace(metadata, title=title, subtitle=after)
    if detect(after).names_body(after) and not metadata.organisation:
        return replace(metadata, title=title, organisation=after)
    return metadata


def addresses_kept(units: list[Unit], title: str) -> list[Unit]:
    """The units with a letter's addresses over its greeting kept as lines, where the
    metadata titles the letter: each a block of two short lines or more, nothing else over
    the greeting (`The Members` over the club's address, over `Dear Members,`, is no heading
    over the rest of the address); none holding the `title`
    or a byline, which a page writes there."""
    texts = [unit for unit in units if unit.kind == "text"]
    at = next((index for index, unit in enumerate(texts[:MAX_ADDRESSES + 1])
               if len(unit.rows) == 1 and GREETING.fullmatch(unit.text.strip())), None)
    key = likeness_key(title)
    if not at or not all(len(unit.rows) >= 2 and is_sign_off_unit(unit)
                         and not any(likeness_key(row) == key or is_byline(
                             Unit("text", (row,), (0,)), under_title=True) for row in unit.rows)
                         for unit in texts[:at]):
        return units
    over = {id(unit) for unit in texts[:at]}
    return [replace(unit, lined=True) if id(unit) in over else unit for unit in units]


def letter_subject(texts: list[Unit]) -> Unit | None:
    """The subject under a letter's greeting ("Dear Ms Patel," over "Local Plan consultation:
    response from the Civic Society", over the letter's text), where nothing but addresses
    (each a block of two short lines or more) stands over the greeting: the letter's title,
    as its writer titled it (the first address had titled it). Or a circular's headline
    right over its greeting, where nothing but its letterhead and short lines (its number)
    stand over it (the letterhead had titled it)."""
    at = next((index for index, unit in enumerate(texts[:MAX_ADDRESSES + 1])
               if len(unit.rows) == 1 and GREETING.fullmatch(unit.text.strip())), None)
    if at is None or at + 2 >= len(texts):
        return None
    subject = texts[at + 1]
    if len(subject.rows) == 1 and is_heading_text(subject.text):
        addresses = texts[:at]
        return subject if all(len(unit.rows) >= 2 and is_sign_off_unit(unit)
                              for unit in addresses) else None
    # A circular's headline over its greeting, under its letterhead and its number
    # ("PAY OFFER: BALLOT OPENS 24 MARCH" under "Circular 2025/07").
    headline, above = (texts[at - 1], texts[:at - 1]) if at >= 2 else (None, [])
    if (headline is None or len(headline.rows) != 1 or not is_heading_text(headline.text)
            or is_byline(headline, under_title=True)
            or not any(len(unit.rows) >= 2 for unit in above)):
        return None
    return headline if all(is_sign_off_unit(unit) for unit in above) else None


def masthead_lines(texts: list[Unit], metadata: Metadata) -> list[Unit]:
    """The text's first line, alone in its block or over the occasion it was written for,
    dated (`Annual Parish Meeting, 23 April 2025`, where a byline is under the title), where
    it names a body alone ("Kestrelford Borough Council" over "Council agrees £12m plan …"),
    over a title in a block of its own (one line, no body's name, not the metadata's
    organisation) over the text, its byline or its lead picture, and the metadata names
    neither: the masthead (and that occasion), not the title; else none."""
    if metadata.organisation or metadata.title or len(texts) < 2:
        return []
    text = texts[0].text.strip()
    if (len(texts[0].rows) == 1 and texts[0].repeats == 1 and names_a_body(text)
            and title_run_in(texts[0], texts[1])):
        return texts[:1]
    if len(texts) < 3:
        return []
    masthead = (texts[:2] if len(texts) > 3 and occasion_under(texts[0], texts[1])
                and is_byline(texts[3], under_title=True) else texts[:1])
    # The kind of document between the body's name and the title (`NOTICE`): the title's
    # kicker (kicker_lines).
    at = len(masthead) + (len(texts) > 3 and document_kind_line(texts[len(masthead)]))
    title, after = texts[at], texts[at + 1]
    text = masthead[0].text.strip()
    return masthead if (
        len(masthead[0].rows) == 1 and masthead[0].repeats == 1
        and names_a_body(text)
        and (len(title.rows) == 1 or cover(masthead[-1], title)
             or len(title.rows) == 2 and parallels(*title.rows))  # a title and its parallel
        and is_heading_text(title.rows[0])
        and not detect(title.rows[0]).names_body(title.rows[0].strip())
        and (cover(masthead[-1], title) or not is_heading_text(after.text)
             # or the lead picture's caption, written twice
             or is_byline(after, under_title=True) or after.repeats > 1)) else []


def report_cover(texts: list[Unit], metadata: Metadata) -> tuple[Unit, str, str] | None:
    """The text's first block, its body's name over the report's name or under it, written
    once, over more text (`Harrowdale Moorland Trust` over `Annual Review 2023–24`, `2024年報`
    over `海濱文化協會`), where the metadata gives no title and names no other body: the
    block, the body's name and the report's; else None."""
    if metadata.title or len(texts) < 2 or len(texts[0].rows) != 2 or texts[0].repeats != 1:
        return None
    for body, report in (texts[0].rows, texts[0].rows[::-1]):
        body, report = body.strip(), report.strip()
        if (names_a_body(body) and not detect(body).names_issue(body)
                and detect(report).names_issue(report) and (
                    not metadata.organisation
                    or likeness_key(metadata.organisation) == likeness_key(body))):
            return texts[0], body, report
    return None


def names_a_body(text: str) -> bool:
    """Whether `text` names a body alone, as its language writes a body's name, or in both
    of a bilingual page's languages (`香港青年藝術基金會 Hong Kong Youth Arts Foundation`)."""
    return all(detect(part.strip()).names_body(part.strip()) for part in language_halves(text))


def body_over_issue(unit: Unit) -> bool:
    """Whether `unit` is a newsletter's masthead: a body's name (perhaps in capitals) over
    its issue, dated, in a block of their own (`ALDERWICK PARK RESIDENTS' ASSOCIATION` over
    `Spring Newsletter – March 2025`)."""
    if unit.kind != "text" or len(unit.rows) != 2 or unit.repeats != 1:
        return False
    body, issue = (row.strip() for row in unit.rows)
    named = body.title() if body.isupper() else body
    return (detect(named).names_body(named) and bool(detect(issue).date_in(issue))
            and is_heading_text(issue) and not ends_sentence(issue))


def title_run_in(body: Unit, block: Unit) -> bool:
    """Whether `block`, right under a body's name, opens with the title over the text, no
    blank line between any of them (`社團法人臺灣木構造建築協會` over `致全體會員的一封信` over
    the letter): a heading-shaped line naming no body, over lines holding a sentence."""
    first = block.rows[0].strip() if block.rows else ""
    return (block.kind == "text" and len(block.rows) > 2
            and right_under(body, block) and is_heading_text(first)
            and not detect(first).names_body(first)
            and any(ends_sentence(row.strip()) for row in block.rows[1:]))


def occasion_under(body: Unit, under: Unit) -> bool:
    """Whether `under`, one line right under a body's name, is the occasion the text was
    written for, dated (is_occasion)."""
    return (len(under.rows) == 1 and right_under(body, under)
            and is_occasion(under.text.strip()))


def is_occasion(text: str) -> bool:
    """Whether a line is the occasion a text was written for, dated (`Annual Parish
    Meeting, 23 April 2025`): a heading's shape, no sentence, no issue of a publication
    (`Spring Newsletter – April 2025` subtitles the body's name, its title)."""
    language = detect(text)
    return (bool(language.date_in(text)) and is_heading_text(text)
            and not ends_sentence(text) and not language.names_issue(text))


def body_and_occasion(unit: Unit, metadata: Metadata) -> tuple[str, str] | None:
    """The body's name and the occasion, dated, of a block of those two lines (written
    once), where the body is the metadata's organisation or it names none; else None."""
    if unit.kind != "text" or len(unit.rows) != 2 or unit.repeats != 1:
        return None
    body, occasion = (row.strip() for row in unit.rows)
    named = not metadata.organisation or likeness_key(metadata.organisation) == likeness_key(body)
    return (body, occasion) if (named and detect(body).names_body(body)
                                and is_occasion(occasion)) else None


def cover(masthead: Unit, title: Unit) -> bool:
    """Whether the body's name over the title opens a cover's block, no blank line between:
    the title and one line more under it, heading-shaped both (`Pay and Conditions Report
    2024–25` over `Presented to the Biennial Delegate Conference, …`, under `Northern Allied
    Transport Workers' Union`), as a report's cover or a draft's first lines set them."""
    return (len(title.rows) == 2 and right_under(masthead, title)
            and all(is_heading_text(row) for row in title.rows))


def organisation_line(texts: list[Unit], metadata: Metadata) -> Unit | None:
    """The unit whose first line, right under the title, names a body alone ("Ashbury
    Allotment Society" under "Notice of Annual General Meeting", "海濱文化協會" under "主席報告",
    perhaps over the subtitle, the three lines of the opening block), over the text, where
    the metadata names no organisation: the opener's, which prints it, not a heading of the
    text (a section named for the body that writes it)."""
    if metadata.organisation or len(texts) < 3:
        return None
    title, line = texts[0], texts[1]
    if (not is_heading_text(title.text) or len(title.rows) != 1 or line.repeats != 1
            or metadata.title and likeness_key(title.text) != likeness_key(metadata.title)
            or len(line.rows) > 1 and not right_under(title, line)):
        return None
    text = line.rows[0].strip()
    named = publisher(text)
    return line if detect(text).names_body(text) or (
        named and not ends_sentence(named) and word_count(named) <= MAX_NAME_WORDS) else None


def publisher(line: str) -> str:
    """The body a line under a page's title names as its publisher ("Department for …" of
    "From: Department for …"), or ""."""
    match = PUBLISHER_LINE.fullmatch(line.strip())
    return match.group("name").strip() if match else ""


def own_headline(texts: list[Unit], metadata: Metadata) -> bool:
    """Whether the text's own title and its subtitle stand under the page's title, where the
    metadata gives no subtitle (nor another title): a heading-shaped line written once, then
    a line a dash opens, shaped as a heading after it, then the text; as a Chinese page sets
    a piece's headline over its subtitle (副题), "风雨兼程 不负所托" over "——2024年度理事长致辞",
    under the page's own title, "理事长致辞"."""
    if len(texts) < 4 or metadata.subtitle or not is_heading_text(texts[0].text):
        return False
    return subtitled(texts[1], texts[2]) and (
        not metadata.title or likeness_key(metadata.title) == likeness_key(texts[1].text))


def labelled_title_joined(units: list[Unit], metadata: Metadata) -> list[Unit]:
    """The units, a title set over two lines under a label ending with a colon (`Editor's
    letter:` over `A season of small mercies`, opening the text's first block) joined on
    one line, as a wrapped heading's lines are (`Editor's letter: A season of small
    mercies`), where the metadata gives no title."""
    first = next((index for index, unit in enumerate(units) if unit.kind == "text"), None)
    if metadata.title or first is None:
        return units
    unit = units[first]
    label = unit.rows[0].strip()
    if not (len(unit.rows) > 2 and label.endswith((":", "\uff1a"))
            and word_count(label) <= MAX_LABEL_WORDS and is_heading_text(unit.rows[1].strip())
            and not is_heading_text(label)):
        return units
    title = Unit("text", (joined_lines([label, unit.rows[1].strip()]),), unit.lines[:2])
    return [*units[:first], title, unit.piece(2, len(unit.rows)), *units[first + 1:]]


MAX_LABEL_WORDS = 4  # a title's label: "Editor's letter:", "From the Chair:"


def dated_headline(texts: list[Unit], metadata: Metadata, dated_under: int) -> bool:
    """Whether the text's own title stands over the page's dateline (line `dated_under`),
    perhaps with its subtitle (`Why we stopped counting meals` over `And what we count
    instead`, over the author and date), and the page's title far over it, the page's
    furniture between (its publication's name, `The Tidewater Dispatch`, over its links):
    a heading-shaped line written once, naming no body (a masthead's), where the metadata
    gives no title."""
    if metadata.title or len(texts) < 3 or not dated_under:
        return False
    page, head = texts[0], texts[1]
    return (len(page.rows) == 1 and page.repeats == 1 and is_heading_text(page.text)
            and not detect(page.text).names_body(page.text.strip())
            and head.lines[-1] == dated_under and len(head.rows) <= 2
            and all(is_heading_text(row) for row in head.rows)
            and lines_apart(page, head) > MAX_HEAD_GAP)


MAX_HEAD_GAP = 3  # the lines between a title and the line over it: a blank line or two


def headline_apart(units: list[Unit]) -> list[Unit]:
    """The units, a headline and the subtitle a dash opens under it (subtitled), or a byline
    written again (or in a text not wrapped, once), and the line saying it again in another
    form under it (said_again), on the first lines of the block under the opening line, made
    units of their own, as when blank lines part them from the text after them: `Dr Naomi
    Fairweather, Chair` (twice) over the first paragraph, under the title."""
    texts = [index for index, unit in enumerate(units) if unit.kind == "text"][:3]
    if len(texts) < 2:
        return units
    # A byline's block under the title's subtitle stands as under the title alone.
    under_subtitle = (len(texts) == 3 and subtitle_line(units[texts[1]])
                      and len(units[texts[2]].rows) >= 2)
    if under_subtitle:
        texts = texts[1:]
    if len(units[texts[1]].rows) < 2:
        return units
    block = units[texts[1]]
    first, second, *_ = block.apart()
    if not under_subtitle and subtitled(first, second):
        opening = [first, second]
    elif not under_subtitle and titled_under_label(units[texts[0]], first,
                                                   block.piece(1, len(block.rows))):
        opening = [first]
    elif is_byline(block.piece(0, 2), under_title=True):  # a name over its role
        opening = [block.piece(0, 2)]
    elif is_byline(first, under_title=True) and (first.repeats > 1 or not_wrapped(units)):
        # With its line saying it again under it (`…, Chief Executive` under `…, Chief
        # Executive, Eastmoor Valley …`), which the byline takes.
        opening = [first, second] if said_again(parse_byline(first.text), second) else [first]
    else:
        return units
    taken = sum(len(unit.rows) for unit in opening)
    if taken == len(block.rows) and len(opening) == 1:
        return units  # the block is the byline itself
    rest = [block.piece(taken, len(block.rows))] if len(block.rows) > taken else []
    return [*units[:texts[1]], *opening, *rest, *units[texts[1] + 1:]]


def line_once(unit: Unit) -> bool:
    """Whether `unit` is one line of text written once."""
    return unit.kind == "text" and len(unit.rows) == 1 and unit.repeats == 1


def subtitle_line(unit: Unit) -> bool:
    """Whether `unit`, under the title, may be its subtitle (`Annual review 2025–26`): one
    heading-shaped line written once, no byline."""
    return (line_once(unit) and is_heading_text(unit.text)
            and not is_byline(unit, under_title=True))


def subtitled(headline: Unit, subtitle: Unit) -> bool:
    """Whether `subtitle` is the subtitle of `headline`, a heading-shaped line: a line a dash
    opens, shaped as a heading after it (dash_opened), each written once ("——2024年度理事长
    致辞", "– a year of rebuilding")."""
    return (all(len(unit.rows) == 1 and unit.repeats == 1 for unit in (headline, subtitle))
            and is_heading_text(headline.text) and not is_byline(headline)
            and dash_opened(subtitle.text))


def dash_opened(text: str) -> bool:
    """Whether a dash opens `text` and the words after it are shaped as a heading, their
    first letter as a title's ("– a year of rebuilding", "— Annual review 2024"), naming no
    one (a quotation's attribution, "— Jane Smith"): a subtitle as a page sets one under its
    title."""
    dash = SUBTITLE_OPENING.match(text.strip())
    words = text.strip()[dash.end():] if dash else ""
    language = detect(words)
    return (bool(words) and is_heading_text(words[:1].upper() + words[1:])
            and not language.is_name(words) and not language.names_someone(words))


# A dash opening a subtitle, spaced, or a Chinese one unspaced ("——2024年度…"); a hyphen
# opens a list's item.
SUBTITLE_OPENING = re.compile("[\u2013\u2014]+ (?=\\S)|\u2014\u2014(?=\\S)")


def subtitle_set(subtitle: str) -> str:
    """A subtitle read from the text as the opener sets it, on a line of its own: the dash
    opening it kept where its language writes one there (a Chinese 副题, "——2024年度理事长
    致辞", GB/T 15834), else left off, the line parting it from the title as the dash did on
    the title's line ("– a year of rebuilding": "a year of rebuilding")."""
    dash = SUBTITLE_OPENING.match(subtitle)
    if dash is None or detect(subtitle).subtitle_dash:
        return subtitle
    return subtitle[dash.end():]


def page_title_drop(units: list[Unit], metadata: Metadata, dated_under: int = 0
                    ) -> Drop | None:
    """The page's title over the text's own title and subtitle (own_headline,
    dated_headline): for the editor to review, as nothing of the text is dropped unsaid."""
    units = headline_apart(front_lines_apart(units, metadata.title))
    texts = [unit for unit in units if unit.kind == "text"]
    if not (own_headline(texts, metadata) or dated_headline(texts, metadata, dated_under)):
        return None
    return Drop(texts[0].text, texts[0].lines, PAGE_TITLE)


# A page's or a mail's title, the body's name and the piece's parted by a dash or a bar:
# "Harbourlight Trust – A letter from our Chief Executive", "Our year | Harbour Trust".
TITLE_PARTS = re.compile(r"\s+[\u2013\u2014|｜-]\s+")


def without_page_title(units: list[Unit]) -> tuple[list[Unit], Drop | None, str]:
    """The units without their first line where it is the page's title (or the mail's
    subject) over the piece's own, the body's name and the title under it parted by a dash
    or a bar, and its drop; the body's name, the organisation the opener prints."""
    texts = [index for index, unit in enumerate(units) if unit.kind == "text"][:2]
    if len(texts) < 2 or any(len(units[index].rows) != 1 for index in texts):
        return units, None, ""
    first, title = units[texts[0]], units[texts[1]]
    parts = TITLE_PARTS.split(first.text.strip())
    if len(parts) != 2 or not is_heading_text(title.text):
        return units, None, ""
    for body, own in (parts, parts[::-1]):
        if (likeness_key(own) == likeness_key(title.text)
                and detect(body).names_body(body.strip())):
            return ([unit for index, unit in enumerate(units) if index != texts[0]],
                    Drop(first.text, first.lines, TITLE_WITH_BODY), body.strip())
    return units, None, ""


def without_masthead(units: list[Unit], title: str) -> tuple[list[Unit], list[Drop]]:
    """The units without the lines over the text's own title line, where the metadata gives
    that title and only heading-shaped lines stand over it, opening the text (a newsletter's
    name and issue, "Spring Newsletter 2025"), and no byline under it (which makes a line
    over the title its kicker): the title's, not the text's; and their drops, for the editor
    to review."""
    key = likeness_key(title) if title else None
    over: list[tuple[str, int]] = []  # each line over the title, and its number
    for index, unit in enumerate(units):
        if unit.kind != "text" or unit.repeats > 1:
            break
        for row, (text, line) in enumerate(zip(unit.rows, unit.lines, strict=True)):
            if likeness_key(text) == key and over:
                rest = [unit.piece(row, len(unit.rows)), *units[index + 1:]]
                if bylined(rest):  # a kicker over the title (kicker_drop), not a masthead
                    return units, []
                return rest, [Drop(text, (line,), MASTHEAD) for text, line in over]
            if not is_heading_text(text) or is_byline(Unit("text", (text,), (line,))):
                return units, []
            over.append((text, line))
    return units, []


def bylined(units: list[Unit]) -> bool:
    """Whether a byline follows the title line that opens `units`."""
    rows = [row for unit in units[:2] if unit.kind == "text" for row in unit.rows]
    return len(rows) > 1 and is_byline(Unit("text", rows[1:2], (0,)), under_title=True)


def kicker_drop(units: list[Unit], metadata: Metadata) -> Drop | None:
    """The line over the title, when the metadata's subtitle or the title's strapline stands
    in its place: for the editor to review, as nothing of the text is dropped unsaid."""
    texts = [unit for unit in front_lines_apart(units, metadata.title) if unit.kind == "text"]
    kicker = texts[:kicker_lines(texts)]
    if not kicker:
        return None
    reason = (KICKER_REPLACED if metadata.subtitle
              else KICKER_UNDER_STRAPLINE if title_strapline(texts, len(kicker)) else "")
    return Drop(" ".join(unit.text for unit in kicker),
                tuple(line for unit in kicker for line in unit.lines), reason) if reason else None


def is_standfirst(unit: Unit) -> bool:
    """A sentence alone on a line under the title, short as a page's standfirst is ("A year of
    doors reopening, and of a house given back to its valley.")."""
    return (len(unit.rows) == 1 and unit.repeats == 1 and ends_sentence(unit.text)
            and word_count(unit.text) <= MAX_STANDFIRST_WORDS)


def given_lines(texts: list[Unit], metadata: Metadata) -> list[Unit]:
    """The lines among the text's first three, its title aside, naming the organisation or
    repeating the subtitle the metadata gives (under the title: "Hope Harbour Foundation
    港灣希望基金", "Annual Review 2023–24"): the opener's, which prints them, not headings
    of the text."""
    return [unit for unit in texts[:3] if given_as(unit, metadata)
            and likeness_key(unit.text) != likeness_key(metadata.title)]


def given_as(unit: Unit, metadata: Metadata) -> str:
    """Why `unit` is the opener's: a line naming the organisation or repeating the subtitle
    the metadata gives ("" for neither)."""
    key = likeness_key(unit.text) if len(unit.rows) == 1 else None
    if key is not None and names_in_two(unit.text, metadata.organisation):
        return ORGANISATION_GIVEN
    if key is not None and metadata.organisation and (
            likeness_key(publisher(unit.text)) == likeness_key(metadata.organisation)):
        return ORGANISATION_GIVEN  # "From: Department for …", under a page's title
    if key is not None and metadata.organisation and metadata.title and key in (
            likeness_key(f"{metadata.organisation} {metadata.title}"),
            likeness_key(f"{metadata.title} {metadata.organisation}")):
        return TITLED_BY_NAME  # "Harbour Savings Bank Annual Report 2024"
    if key is not None and metadata.organisation and metadata.subtitle and key in (
            likeness_key(f"{metadata.organisation} {metadata.subtitle}"),
            likeness_key(f"{metadata.subtitle} {metadata.organisation}")):
        return SUBTITLE_GIVEN  # "Riverside Community Trust annual review 2024/25"
    return next((reason for given, reason in ((metadata.organisation, ORGANISATION_GIVEN),
                                              (metadata.subtitle, SUBTITLE_GIVEN))
                 if given and key == likeness_key(given)), "")


def names_in_two(line: str, name: str) -> bool:
    """Whether `line` is `name` beside its name in another language, a masthead's ("澳門社區
    關懷協會 Macau Community Care Association" for "澳門社區關懷協會")."""
    line = line.strip()
    if not name or not (line.startswith(name) or line.endswith(name)) or line == name:
        return False
    rest = (line[len(name):] if line.startswith(name) else line[:-len(name)]).strip()
    return (any(char.isalpha() for char in rest) and detect(rest) is not detect(name)
            and word_count(rest) <= MAX_NAME_WORDS)


def given_drops(units: list[Unit], metadata: Metadata) -> list[Drop]:
    """The lines under the title the metadata gives (given_lines), for the editor to
    review."""
    texts = [unit for unit in front_lines_apart(units, metadata.title) if unit.kind == "text"]
    texts = texts[kicker_lines(texts):]  # a kicker is the subtitle
    return [Drop(unit.text, unit.lines, given_as(unit, metadata))
            for unit in given_lines(texts, metadata)]


def division_drop(units: list[Unit], metadata: Metadata) -> Drop | None:
    """The opening line that is the title under its division's label ("Chapter 2: …"), when
    the metadata's subtitle stands in the label's place: for the editor to review."""
    first = next((unit for unit in units if unit.kind == "text"), None)
    if (not metadata.subtitle or first is None or len(first.rows) != 1
            or division_label(first.text, metadata.title) is None):
        return None
    return Drop(first.text, first.lines, DIVISION_REPLACED)


# What parts a division's label from the title after it: `Chapter 2: `, `第三章　`.
LABEL_PARTING = re.compile(r"[\s:：.．,，\u2013\u2014-]+$")


def division_label(line: str, title: str) -> str | None:
    """The division's label opening `line`, where the rest of it is `title` ("Chapter 2" of
    "Chapter 2: Keeping the Ferries Running"): a page's title line naming the piece's place in
    its publication, which the metadata's subtitle says."""
    label = DIVISION_LABEL.match(line)
    if label is None or not title or likeness_key(line[label.end():]) != likeness_key(title):
        return None
    return LABEL_PARTING.sub("", line[:label.end()])


def masthead_line(unit: Unit) -> bool:
    """Whether `unit` is one line written once naming a body alone, or a kicker's label (a
    few words, shaped as a heading), as a page's masthead or kicker stands over the title."""
    return body_line(unit) or (line_once(unit) and is_heading_text(unit.text)
                               and word_count(unit.text) <= MAX_KICKER_WORDS)


def next_text(units: list[Unit], index: int) -> int | None:
    """The index of the first unit of text after `units[index]`; None for none."""
    return next((later for later in range(index + 1, len(units))
                 if units[later].kind == "text"), None)


def front_lines_apart(units: list[Unit], title: str = "") -> list[Unit]:
    """The line over the title, the title, its parallel in the other script, a line under it
    over the byline, and the byline written on the lines of the opening block ("Chairman's
    Statement" over "主席的話", or over "Professor Alan LAU Ka-ming, SBS, JP, Chairman";
    "Director's Notes: …" over "Marston Little Theatre – Season 2023–24" over "by Eleanor
    Fitch, Artistic Director"), made units of their own, as when
    blank lines part them, under the body's name in a block of its own too; so is a title
    alone over the text's first paragraph, where the metadata gives none (or gives that
    one: `title`)."""
    first = next((index for index, unit in enumerate(units) if unit.kind == "text"), None)
    # The body's name or a kicker in a block of its own over the title's block (`Department
    # of Geography` over the title over the byline; `SPRING 2025` over the title over its
    # strapline, the byline under them): that block is the opening one, where it holds the
    # byline or the byline follows it.
    mastheaded = first is not None and masthead_line(units[first])
    if mastheaded:
        first = next_text(units, first)
        if first is not None and is_byline(units[first], under_title=True):
            return units  # the title's byline, a name over its role, under it
    if first is None or len(units[first].rows) < 2 or units[first].lined:
        return units  # lines kept as lines: a letter's address
    if not title and author_over_headline(units[first]):
        return units  # a post's author over their headline: its byline, no title over it
    rows = two_line_byline_joined(units[first].apart())
    start = kicker_lines(rows)
    taken = start + title_lines(rows[start:])
    if taken == start:
        return units
    if (taken == start + 1 and taken < len(rows) and subtitled(rows[start], rows[taken])
            and not (taken + 1 < len(rows) and dash_opened(rows[taken + 1].text))):
        taken += 1  # the title's subtitle, a dash opening it (no list's first item)
    elif (taken + 1 < len(rows) and is_heading_text(rows[taken].text)
            and is_byline(rows[taken + 1], under_title=True)):
        taken += 1  # a line between the title and the byline: the title's subtitle
    bylined = taken < len(rows) and is_byline(rows[taken], under_title=True)
    if mastheaded and not bylined:
        under = next_text(units, first)
        if not (taken == 1 and len(rows) == 2 and under is not None
                and is_byline(units[under], under_title=True)
                and (is_heading_text(rows[1].text) or is_standfirst(rows[1]))):
            return units
        taken = 2  # the title over its strapline, each a unit
    if bylined:
        taken += 1
        if taken < len(rows) and said_again(parse_byline(rows[taken - 1].text), rows[taken]):
            taken += 1  # the byline said again under it (`…, Chair` under `…, Chair, …`)
    # In a text not wrapped a line that ends its block does so here too (breaks.py), as if a
    # blank line followed it.
    if taken == 1 and not ((over_running_text(rows) or doubled_over_text(rows)
                            or headline_over_sentence(rows, units)) and (
            not title or likeness_key(rows[0].text) == likeness_key(title))) and not (
            line_under_title(rows) and broken_by_author(rows[0].text, rows[1].text, units)
    ) and not (not_wrapped(units) and ends_block(rows[0].text, rows[1].text, stands_alone)
               ) and not GREETING.fullmatch(rows[1].text.strip()):  # a letter's, under it
        return units
    taken_rows = sum(len(row.rows) for row in rows[:taken])
    block = units[first]
    after = [block.piece(taken_rows, len(block.rows))] if taken_rows < len(block.rows) else []
    return [*units[:first], *rows[:taken], *after, *units[first + 1:]]


def author_over_headline(unit: Unit) -> bool:
    """Whether the text opens with its author's name over the line of their role, nothing
    over them (`Dr Catherine Mbeki-Rowe` over `Chair, Westfold Community Hospitals NHS
    Trust | Non-executive director`, as a professional network heads a post): its byline,
    and no title."""
    return (unit.kind == "text" and len(unit.rows) == 2 and is_byline(unit, under_title=True)
            and detect(unit.rows[0]).is_name(unit.rows[0].strip()))


def credit_over_headline(unit: Unit, texts: list[Unit]) -> bool:
    """Whether the text opens with a post's credit, a short label and its author's name
    parted by a bar (`文 | 陈思远`, as a WeChat article credits its writer), over its
    headline, which ends no sentence: its byline, over the title."""
    label, bar, name = unit.text.strip().replace("\uff5c", "|").partition("|")
    return (unit.kind == "text" and len(unit.rows) == 1 and bool(bar) and len(texts) > 1
            and 0 < len(label.strip()) <= MAX_CREDIT_LABEL
            and detect(name.strip()).is_name(name.strip())
            and is_byline(unit, under_title=True) and not ends_sentence(texts[1].rows[0]))


MAX_CREDIT_LABEL = 4  # characters of a credit's label: "文", "撰文", "Words"


def line_under_title(rows: list[Unit]) -> bool:
    """Whether the opening block is a title and a heading-shaped line under it, and no more
    but running text: a title wrapped over two lines, or a title over a line of its own
    (its subtitle, the organisation's name, a heading over the first paragraph, as a PDF
    viewer copies a page's lines: a line the wrap filled under it, whatever its shape), as
    the width its lines are wrapped to tells."""
    widest = max(columns(row.text) for row in rows)
    return (len(rows) >= 2 and is_heading_text(rows[1].text) and not is_byline(rows[1])
            and not parallels(rows[0].text, rows[1].text)
            and not any(is_heading_text(row.text) and columns(row.text) + WRAP_SLACK < widest
                        for row in rows[2:3]))


def broken_by_author(line: str, under: str, units: list[Unit]) -> bool:
    """Whether the author broke `line` over `under`, not a wrap: in a text not wrapped, or
    where the wrap would have taken the first word under it onto it with room to spare, as
    wide as the text's lines run (breaks.py)."""
    if not_wrapped(units):
        return True
    rows = [row for unit in units if unit.kind == "text" for row in unit.rows]
    return room_for_next(line, under, max(map(columns, rows)))


def two_line_byline_joined(rows: list[Unit]) -> list[Unit]:
    """The opening block's lines apart, a name and its role on the two lines under the title
    (and its parallel, and a line over it) made one unit, as a blank line before and after
    them would make them: a byline on two lines."""
    for start in (1, 0):  # under a line over the title, or under the title itself
        index = start + title_lines(rows[start:])
        if start < index < len(rows) - 1:
            pair = Unit("text", rows[index].rows + rows[index + 1].rows,
                        rows[index].lines + rows[index + 1].lines,
                        min(rows[index].repeats, rows[index + 1].repeats))
            if is_byline(pair, under_title=True):
                return [*rows[:index], pair, *rows[index + 2:]]
    return rows


def over_running_text(rows: list[Unit]) -> bool:
    """Whether the opening block's first line is a title over the text's first paragraph, no
    blank line between ("Community garden opens" over "The new garden on …"): a
    heading-shaped line under TITLE_SHARE of the length of the line of running text after
    it. A paragraph's own lines, wrapped, run about as long as one another; a title wrapped
    over two lines has a heading-shaped second line."""
    return (len(rows) > 1 and not is_heading_text(rows[1].text)
            and len(rows[0].text) < TITLE_SHARE * len(rows[1].text))


def headline_over_sentence(rows: list[Unit], units: list[Unit]) -> bool:
    """Whether the opening block's first line, in a language written without spaces, is a
    headline over a first paragraph however short (`海濱長廊重新開放` over `本會今日宣布新
    計劃。`): it ends no sentence, the line under it closes one, and no other line of the
    text shows a wrap: each left inside its sentence has room for the next line's first
    character (room_for_next), however narrow the text. Its own length cannot say so: a wrap
    breaks such a language anywhere, and a short paragraph is as short as a wrapped one's
    last line."""
    lines = [row for unit in units if unit.kind == "text" for row in unit.rows]
    widest = max(map(columns, lines))
    return (len(rows) > 1 and not detect(rows[0].text).words_spaced
            and not detect(rows[1].text).words_spaced
            and not ends_sentence(rows[0].text) and closes_sentence(rows[1].text)
            and all(room_for_next(line, following, widest)
                    for line, following in itertools.pairwise(lines[1:])
                    if not ends_sentence(line)))


def doubled_over_text(rows: list[Unit]) -> bool:
    """Whether the opening block's first line, written twice, stands over the text's first
    paragraph, no blank line between (a news page's headline, copied as its title and its
    heading, over `以下是局長今日…的致辭全文：`): the title, however long that line."""
    return len(rows) > 1 and rows[0].repeats > 1 and not is_heading_text(rows[1].text)


def title_lines(texts: list[Unit]) -> int:
    """How many of the opening lines are the title: 2 for a title over its parallel in the
    other script ("Chairman's Statement" over "主席報告"), 1 for a heading-shaped line, else
    0. A byline over its parallel, in either order (`President Ho Weng Ian` over `會長何永賢`),
    is no title, nor is its first line the parallel of the title over it."""
    if not texts or not is_heading_text(texts[0].text) or byline_pair(lines_of(texts[:2])):
        return 0
    return 2 if (len(texts) > 1 and parallels(texts[0].text, texts[1].text)
                 and not byline_pair(lines_of(texts[1:3]))) else 1


def lines_of(texts: list[Unit]) -> list[str]:
    """The lines of `texts`, each a unit of one line; none where one holds more."""
    return [unit.text for unit in texts] if all(len(unit.rows) == 1 for unit in texts) else []


def byline_pair(rows: Sequence[str]) -> bool:
    """Whether two lines are a byline and its parallel in the other language, in either
    order (`會長何永賢` over `President Ho Weng Ian`, or under it), the parallel naming
    someone too (a title shaped as a role, `會長報告`, names no one)."""
    if len(rows) != 2:
        return False
    first, second = (row.strip() for row in rows)
    return any(is_parallel_byline(byline, line) and (
        detect(line).names_person(line) or detect(line).is_name(line))
        for byline, line in ((first, second), (second, first)))


def parallels(first: str, second: str) -> bool:
    """Two heading-shaped lines in two scripts: a title and its parallel ("Chairman's
    Statement" over "主席報告"). Two lines of Chinese are never each other's: a name of
    characters both Chinese write reads as Traditional under a Simplified title; nor is a
    line holding a title and its twin already ("主席報告 Chairman's Statement" under a
    kicker) a twin of another."""
    return (is_heading_text(second) and detect(first).script != detect(second).script
            and language_boundary(first) is None and language_boundary(second) is None)


def kicker_lines(texts: list[Unit]) -> int:
    """How many of the opening lines are a kicker: a short line written once over the title
    (and its parallel) that a byline follows, naming the publication or the organisation as
    a web page prints it over a title ("Harbourside Water Trust – Annual Report 2024" over
    "Chief Executive's Statement"); two where a bilingual page writes it over its parallel,
    as it writes the title ("澳門晨光社會服務協會2024年度報告" over "Morning Light … Annual
    Report 2024" over "會長的話" over "President's Message"); 0 for none. The byline under
    the title says which line is the title, and so does a line naming the publisher (`Policy
    paper` over a title over `From: Department for …`)."""
    if len(texts) < 3 or texts[0].repeats > 1 or is_byline(texts[0]):
        return 0
    if document_kind_line(texts[0]) and title_lines(texts[1:]):
        return 1  # the kind of document over its title (`NOTICE`, `公告`), whatever follows
    kicker = title_lines(texts)
    if kicker == 0 or kicker == 2 and (texts[1].repeats > 1 or is_byline(texts[1])):
        return 0
    title = texts[kicker]
    if title.repeats > 1:
        return 0  # written twice under the title: a photo's caption, not a title under a kicker
    if kicker == 1 and strapped(texts[0], title):
        return 0  # a title over its strapline
    if annexes_title(title.text) or is_byline(title, under_title=True):
        return 0  # its year or a note on it under it, or a byline under it: no title
    if detect(title.text.strip()).names_body(title.text.strip()) and not detect(
            texts[0].text).names_body(texts[0].text.strip()):
        # A body's name alone under the title ("Brightwater Family Trust" under "Chief
        # Executive's Statement 2024"): its organisation, not a title under a kicker.
        return 0
    if (YEAR.search(title.text) and names_publication(title.text) and not YEAR.search(texts[0].text)
            and not (kicker + 1 < len(texts) and names_publisher(texts[kicker + 1]))):
        # The line dated is the publication's ("Marston Little Theatre – Season 2023–24"
        # under "Director's Notes: …"): the title stands over it, not under it.
        return 0
    taken = kicker + title_lines(texts[kicker:])
    if title_strapline(texts, kicker) is not None:
        return kicker
    # The body's name under the title says so of a kicker's label or an issue over it
    # (`Annual Report 2023-24`), not of a phrase, the title over its subtitle.
    if kicker < taken < len(texts) and (
            is_byline(texts[taken], under_title=True) or names_publisher(texts[taken])
            or kicker_label(texts[0].text) and body_line(texts[taken])):
        return kicker
    return 0


def body_line(unit: Unit) -> bool:
    """Whether `unit` is one line written once naming a body alone (`Northfield Hospitals
    NHS Trust`), as a page prints its organisation under a title."""
    return line_once(unit) and names_a_body(unit.text.strip())


def title_strapline(texts: list[Unit], kicker: int) -> Unit | None:
    """The line right under the title (and its parallel) the `kicker` lines head, over the
    byline: the title's strapline (`How a team of six spent two years on …`); None for
    none."""
    taken = kicker + title_lines(texts[kicker:])
    if not kicker < taken < len(texts) - 1:
        return None
    strapline = texts[taken]
    return strapline if (right_under(texts[taken - 1], strapline)
                         and (subtitle_line(strapline) or is_standfirst(strapline))
                         and is_byline(texts[taken + 1], under_title=True)) else None


def document_kind_line(unit: Unit) -> bool:
    """Whether `unit` is one line written once naming only the kind of document it heads
    (`NOTICE`, `公告`)."""
    return line_once(unit) and detect(unit.text).names_document_kind(unit.text)


def strapped(over: Unit, under: Unit) -> bool:
    """Whether `under`, right under `over`, no blank line between, is its strapline, not a
    title under a kicker: `over` is a phrase longer than a kicker's label (`A home, and a
    fresh start`; a kicker is `Policy paper`, `News`), naming no body nor publication nor
    year, and `under` longer still (`Shelterwell's year in figures and in the words of the
    people we help`)."""
    return (len(over.rows) == 1 and right_under(over, under)
            and not kicker_label(over.text) and word_count(over.text) < word_count(under.text))


def kicker_label(text: str) -> bool:
    """Whether a line over a title may be its kicker, as a page labels a title: a few words
    (`Policy paper`, `SPRING 2025`), or a line holding a year (`Annual Report 2023-24`),
    parted as a publication's name and its issue (`Marston Little Theatre – Season
    2023–24`) or naming a body; not a phrase (`A home, and a fresh start`)."""
    text = text.strip()
    return (word_count(text) <= MAX_KICKER_WORDS or YEAR.search(text) is not None
            or PARTED.search(text) is not None or names_a_body(text))


def names_publication(text: str) -> bool:
    """Whether a dated line names a publication: an issue (`Annual review 2025-26`, `年報
    2024`), or a name and its season or issue, a dash, a bar or a colon parting them
    (`Marston Little Theatre – Season 2023–24`, `Spring 2024 | Staff newsletter`); not a
    title holding its year (`Chair's Report 2024`)."""
    return bool(PARTED.search(text)) or detect(text).names_issue(text.strip())


def names_publisher(unit: Unit) -> bool:
    """Whether `unit` is a line naming the body publishing the page ("From: …")."""
    return len(unit.rows) == 1 and bool(publisher(unit.text))


def parallel_title(texts: list[Unit], title: str) -> Unit | None:
    """The title's twin in the other script, on the line after it ("Chairman's Statement",
    then "主席報告"): part of the title, not a section heading."""
    if len(texts) < 3:
        return None
    first, second = texts[0].text, texts[1]
    if title and likeness_key(first) != likeness_key(title):
        return None
    twins = is_heading_text(first) and parallels(first, second.text)
    return second if twins and second.repeats == 1 and not is_byline(second) else None


def parallel_byline(byline: Byline, following: list[Unit]) -> Unit | None:
    """The line under the byline that writes it again in the page's other language, once
    (front_matter.is_parallel_byline); None where there is none."""
    unit = following[0] if following else None
    if (unit is None or unit.kind != "text" or len(unit.rows) != 1 or unit.repeats != 1
            or not is_parallel_byline(byline.text, unit.text.strip())):
        return None
    return unit


def said_again(byline: Byline, unit: Unit) -> bool:
    """Whether `unit`, right under the byline, says it again in another form, as the label
    of a page's portrait does (`鄺志恆主席` under `海濱活化管理局主席 鄺志恆`): one line of the
    name and a word opening or ending the role (two letters at least), no more."""
    if unit.kind != "text" or len(unit.rows) != 1 or unit.repeats != 1 or not byline.name:
        return False
    text, name, role = (" ".join(part.split()).casefold()
                        for part in (unit.text, byline.name, byline.role))
    rest = text.replace(name, "", 1).strip(" ,\uff0c\u3001") if name in text else ""
    return len(rest) > 1 and (role.startswith(rest) or role.endswith(rest))


def is_byline(unit: Unit, under_title: bool = False) -> bool:
    """Written again and again at the top, and shaped as its language writes a byline; or,
    right under the title, where its place says what repetition says, written once and
    naming someone. On two lines, a name and its role (byline_line), it is one either way."""
    line = byline_line(unit.rows)
    # A speech's greeting to its audience names people too ("Lord Lieutenant, Mr High
    # Sheriff, …, ladies and gentlemen,"): no byline.
    if line is None or LIFE_SPAN.search(unit.text) or GREETING.fullmatch(unit.text.strip()):
        return False
    line = bilingual_parts(line)[0]  # a bilingual page's, in its first language
    if len(unit.rows) > 1:
        return unit.repeats > 1 or under_title
    language = detect(line)
    if language.dated_caption(line):
        return False
    return language.is_byline(line, unit.repeats) or (
        under_title and language.is_byline(line, 2) and language.names_person(line))


def settle_title(
    name: str, metadata: Metadata, units: list[Unit], texts: list[Unit]
) -> tuple[Metadata, list[Unit]]:
    """The title from metadata, else the text's own opening heading, else the file name."""
    first = texts[0] if texts else None
    opening_heading = first is not None and is_heading_text(first.text)
    if metadata.title:
        if opening_heading and (likeness_key(metadata.title) in (
                likeness_key(first.text), likeness_key(unnumbered(first.text)))
                or dated_title(first.text, metadata.title)):
            # The title, perhaps under its chapter's number ("2 Operations and performance"),
            # or with its year after it ("水務署年報二零二四"), which the opener prints.
            units = [unit for unit in units if unit is not first]
        elif first is not None and (label := division_label(first.text, metadata.title)):
            # The page's title line, its label the piece's subtitle where none is given,
            # after the line naming the publication under it, if one stands there.
            units = [unit for unit in units if unit is not first]
            named = publication_line(units)
            if named is not None:
                units = [unit for unit in units if unit is not named]
            subtitle = subtitle_of([named.text, label] if named is not None else [label])
            metadata = metadata if metadata.subtitle else replace(metadata, subtitle=subtitle)
        return metadata, units
    if opening_heading:
        return replace(metadata, title=first.text), [u for u in units if u is not first]
    return replace(metadata, title=title_from_name(name)), units


def subtitle_of(pieces: list[str]) -> str:
    """A subtitle made of lines of the text (a publication's name and a division's label,
    `…Annual Report 2023–24, Chapter 3`), cleaned as one line, as the draft and the
    marked-up form read it back (a figure ending it bound to its word); its pieces, each
    cleaned as a line of its own, had not been."""
    return clean_front_line(", ".join(piece.strip() for piece in pieces))


def dated_title(line: str, title: str) -> bool:
    """Whether `line` is `title` and the year it covers ("Annual Review 2024", "水務署年報
    二零二四", "A letter from the Head of Department, 2023-24")."""
    line = line.strip()
    return line.startswith(title) and is_year_line(
        line[len(title):].strip(" \u00a0\u2013-:：,，"))


def unnumbered(text: str) -> str:
    """A heading's words without the section number opening it ("2 Operations" -> "Operations")."""
    number = SECTION_NUMBER.match(text)
    return text[number.end():] if number else text


def publication_line(units: list[Unit]) -> Unit | None:
    """The line opening `units` under a page's title line, when it names the publication
    the piece is part of ("Local Services Ombudsman – Annual Report 2023–24" under "Chapter
    3: …"): a heading-shaped line written once that heads no text (a heading follows it)."""
    texts = [unit for unit in units if unit.kind == "text"][:2]
    if len(texts) < 2:
        return None
    line, after = texts
    return line if (len(line.rows) == 1 and line.repeats == 1 and is_heading_text(line.text)
                    and not is_byline(line) and is_heading_text(after.rows[0])
                    and not items_of(after.rows[:1])[1]) else None


def settle_subtitle(metadata: Metadata, units: list[Unit], title: Unit,
                    opening_block: tuple[int, ...], dated_under: int = 0
                    ) -> tuple[Metadata, list[Unit]]:
    """The line under the title is its subtitle, where the metadata gives none: in the
    text's opening block (its lines `opening_block`: no blank line between them), where it
    heads no text of its own (a heading follows it), is longer than most headings after it
    (a strapline over the opening paragraph), names a date (a newsletter's issue) or
    stands over the page's dateline (line `dated_under`: the page's head ends there, "Annual
    review 2024/25" over "Posted by … · 12 June 2025") or names the report it is part of
    ("Annual Review 2024"); or over the first paragraph of a news
    story, which opens with its dateline (a press release's deck, "Largest restoration on
    the east coast will protect 1,200 homes", over "CHELMSFORD, 11 February 2025 – …"); or
    names someone with their life's years, as a tribute's title stands over them ("In
    memoriam" over "Professor Helen WONG Mei-ling, SBS, JP (1948–2024)"); or is a note on the
    text wholly in brackets ("（根据录音整理）", "(Abridged)")."""
    # Past the line where a photo stood over the title (a newsletter's banner), if any.
    place = next((index for index, unit in enumerate(units) if unit.kind == "text"
                  or not unit.lines or unit.lines[0] > title.lines[0]), len(units))
    under = units[place] if place < len(units) else None
    if (under is not None and under.kind == "text" and len(under.rows) == 1
            and dated_title(metadata.title, under.text)):
        # The title's own words again, its year left off (a draft's heading under its title
        # line, "Chair's Statement" under "Chair's Statement 2024–25"): the title's, which
        # the opener prints; no subtitle, and no heading of the first section.
        return metadata, units[:place] + units[place + 1:]
    if under is not None and (held := body_and_occasion(under, metadata)):
        # The body's name over the occasion the text was given at, dated, under the title
        # (`Ashcombe Vale Rugby Football Club` over `Annual General Meeting, 18 July 2024`):
        # the organisation, and the subtitle dating the text where the metadata gives none;
        # else the occasion's line stays, a line of its own.
        body, occasion = held
        metadata = replace(metadata, organisation=metadata.organisation or body)
        if metadata.subtitle:
            return metadata, [*units[:place], replace(under.piece(1, 2), lined=True),
                              *units[place + 1:]]
        return (replace(metadata, subtitle=occasion,
                        date=metadata.date or detect(occasion).date_in(occasion)),
                units[:place] + units[place + 1:])
    if (not metadata.subtitle and under is not None and dated_details(under)
            and {title.lines[0], under.lines[0]} <= set(opening_block)):
        # A meeting's or an issue's date on the line under the title, over more lines of
        # the page's head (`Report of the Head of Communities`): the date's line is the
        # subtitle, dating the text; the others are lines, not headings.
        first = under.rows[0].strip()
        rest = replace(under.piece(1, len(under.rows)), lined=True)
        return (replace(metadata, subtitle=first,
                        date=metadata.date or detect(first).date_in(first)),
                [*units[:place], rest, *units[place + 1:]])
    if (not metadata.subtitle and under is not None and under.kind == "text"
            and len(under.rows) > 1 and under.repeats == 1
            and {title.lines[0], under.lines[0]} <= set(opening_block)
            and (is_year_line(under.rows[0]) or detect(under.rows[0]).names_issue(
                under.rows[0].strip()))):
        # The report's name over the text's first line, no blank line between (`Annual
        # Report 2023-24` under the chapter's title, over its first paragraph): the subtitle.
        return (replace(metadata, subtitle=under.rows[0].strip()),
                [*units[:place], under.piece(1, len(under.rows)), *units[place + 1:]])
    if (not metadata.subtitle and under is not None and under.kind == "text"
            and len(under.rows) > 1 and under.repeats == 1
            and (SUBTITLE_DASH.match(under.rows[0].strip()) or dash_opened(under.rows[0])
                 and not dash_opened(under.rows[1]))):
        # A subtitle opened by its dash over the text's first line, no blank line between
        # ("——海洋保育署二〇二四年工作回顧", "– a year of rebuilding", over the first
        # paragraph): the dash marks it the subtitle (GB/T 15834), as it does with a blank
        # line under it.
        return (replace(metadata, subtitle=under.rows[0].strip()),
                [*units[:place], under.piece(1, len(under.rows)), *units[place + 1:]])
    if under is not None and head_details(under, units[place + 1:]):
        # Lines of the page's head under the title, over the first section's heading
        # (`Report of the Head of Communities` over `Lead Member: Councillor …`): lines.
        return metadata, [*units[:place], replace(under, lined=True), *units[place + 1:]]
    if (metadata.subtitle or under is None or under.kind != "text" or len(under.rows) != 1
            or under.repeats != 1
            # a chapter's heading, its division's label opening it ("第三章　环境"), heads
            # its sections (3.1, 3.2 …) under the title
            or detect(under.text).opens_division(under.text)
            # the title's own words again, in another form: the title's, no subtitle
            or likeness_key(title.text).startswith(likeness_key(under.text))
            or not (is_heading_text(under.text) or is_year_line(under.text)
                    or under_any_title(under.text) or deck(title, under, opening_block))):
        return metadata, units
    # As the body will part them: a heading over its paragraph with no blank line between.
    rest = [unit for unit in blocks_apart(units[place + 1:], stands_alone)
            if unit.kind == "text"]
    if not rest:
        return metadata, units
    after = rest[0]
    opening = {title.lines[0], under.lines[0]} <= set(opening_block)
    heads_none = len(after.rows) == 1 and is_heading_text(after.text)
    # A strapline over the text's opening paragraph, as a page's standfirst: longer than
    # most headings of the sections after it ("A look back at twelve months on Larkspur
    # Lane" over the text, "Month by month" heading a section later), or, where no heading
    # follows (a section the whole text would be no section), longer than the title.
    headings = [word_count(unit.text) for unit in rest[1:]
                if len(unit.rows) == 1 and is_heading_text(unit.text)]
    # Their median, the higher of the two middle ones (statistics.median_high, whose import
    # the model's step would pay for this alone).
    strapline = word_count(under.text) > (sorted(headings)[len(headings) // 2] if headings
                                          else word_count(title.text))
    # A newsletter's issue line ("Spring Newsletter – April 2025"), dated: its date the
    # text's, where the metadata gives none; a blank line under the title too, where it heads
    # no text ("Final report, February 2025" over "1. Introduction"), and is no timeline's
    # first event ("March 2023 – Roof works completed").
    # A deck's dates are what it tells of (a festival's days), not the text's.
    decked = deck(title, under, opening_block)
    issued = detect(under.text).date_in(under.text) if not decked and (opening or (
        heads_none and not is_dated_event(under.text))) else ""
    # Right over the page's dateline, a blank line under the title or none, the page's head
    # ends with it: a release's deck (`New insulation board stores more carbon …` over
    # `Published: 6 March 2025`), not the heading of the text's first section.
    # The report's name over the first section's heading, a blank line under the title or
    # none ("Annual Report 2024-25" under "Chapter 3: Operations …"), is the subtitle too.
    named = is_year_line(under.text) or detect(under.text).names_issue(under.text)
    if issued or under_any_title(under.text) or under.lines[-1] == dated_under or (opening and (
            named or heads_none or decked or strapline)) or heads_none and named or (
            body_and_publication(under.text)) or (
            NEWS_DATELINE.match(after.rows[0])):
        return (replace(metadata, subtitle=under.text, date=metadata.date or issued),
                units[:place] + units[place + 1:])
    return metadata, units


# What parts a body's name from its publication's on a line: a spaced dash, or a bar.
PUBLICATION_PARTS = re.compile(r"\s+[\u2013\u2014|-]\s+")


def body_and_publication(line: str) -> bool:
    """Whether `line` names a body and its publication, a dash or a bar between them
    (`Arts Council of the North East – Annual Review 2024–25`): under the title over the
    text, its subtitle, as the kicker over a title is."""
    parts = PUBLICATION_PARTS.split(line.strip())
    language = detect(line)
    return len(parts) == 2 and any(language.names_body(body) and language.names_issue(issue)
                                   for body, issue in (parts, parts[::-1]))


def deck(title: Unit, under: Unit, opening_block: tuple[int, ...]) -> bool:
    """Whether `under`, one line right under the title in the text's opening block, is its
    deck, as a blog post's subtitle is (`As the fieldwork ends, our chief scientist looks
    back – and sets out what comes next`): a phrase of a standfirst's length, no heading's
    (`Housing` under the title heads the first section), that ends no sentence, where a
    paragraph's line would."""
    return ({title.lines[0], under.lines[0]} <= set(opening_block) and len(under.rows) == 1
            and not ends_sentence(under.text) and word_count(under.text) <= MAX_STANDFIRST_WORDS
            and not is_heading_text(under.text) and not is_byline(under, under_title=True))


def head_details(unit: Unit, following: list[Unit]) -> bool:
    """Whether `unit`, under the title, is a block of the head's details: a few short lines
    of no sentence, none a list's item, heading no text of their own (a heading follows)."""
    rows = detail_rows(unit)
    after = next((other for other in following if other.kind == "text"), None)
    return (bool(rows) and all(word_count(row) <= MAX_DETAIL_WORDS and not ends_sentence(row)
                               for row in rows)
            and after is not None and len(after.rows) == 1 and is_heading_text(after.text))


def detail_rows(unit: Unit) -> list[str]:
    """The rows of a block of a head's details, stripped: two to MAX_DETAIL_ROWS lines written
    once, none a list's item; [] for any other unit."""
    rows = [row.strip() for row in unit.rows]
    return rows if (unit.kind == "text" and unit.repeats == 1
                    and 1 < len(rows) <= MAX_DETAIL_ROWS
                    and all(marked(row) is None for row in rows)) else []


def numbered_notice(texts: list[Unit]) -> tuple[list[Unit], Unit, Unit] | None:
    """An official notice's head (GB/T 9704's 版头): its issuer's name on a line or two, no
    sentence, its number on a line of its own (发文字号: `滨政办发〔2025〕12号`), its title
    right under it, a line ending no sentence, however long (`…关于…的通知`): the issuer's
    lines, the number and the title, each a line's unit; None for none."""
    # (A paragraph joined from wrapped lines stays whole: its rows are not its lines.)
    rows = [row for unit in texts[:3]
            for row in (unit.apart() if len(unit.rows) == len(unit.lines) else [unit])]
    at = next((index for index, row in enumerate(rows[:MAX_ISSUER_ROWS + 1])
               if DOCUMENT_NUMBER.fullmatch(row.text.strip())), None)
    if at is None or at + 1 >= len(rows) or any(
            ends_sentence(row.text) for row in rows[:at + 2]):
        return None
    return rows[:at], rows[at], rows[at + 1]


def without_rows(units: list[Unit], lines: set[int]) -> list[Unit]:
    """`units` without the rows of source `lines`, each unit's other rows kept together."""
    kept = []
    for unit in units:
        rows = [index for index, line in enumerate(unit.lines) if line not in lines]
        if len(rows) == len(unit.lines):
            kept.append(unit)
        elif rows:  # the lines taken open the unit: the rest is its own
            kept.append(unit.piece(rows[0], len(unit.rows)))
    return kept


def labelled_head(texts: list[Unit], metadata: Metadata) -> list[Unit]:
    """The units of the text's opening block where it opens with a division's label alone
    (`Agenda item 7`, `Chapter 3`), perhaps over a line or two saying where it belongs, no
    sentence among them, a heading written once on its own line under the block: the
    title, the block over it its subtitle, where the metadata gives neither; [] for
    none. A label alone right over the title (titled_under_label) is one however the
    metadata gives a subtitle."""
    if metadata.title or not texts:
        return []
    first = texts[0].rows[0].strip()
    label = DIVISION_LABEL.match(first)
    if label is None or label.end() != len(first):
        return []
    if len(texts) > 2 and titled_under_label(*texts[:3]):
        return texts[:1]
    if metadata.subtitle:
        return []
    head = [texts[0]]
    for unit in texts[1:]:  # the lines of its block, as the front's lines were parted
        if not right_under(head[-1], unit):
            break
        head.append(unit)
    rows = [row for unit in head for row in unit.rows]
    title = texts[len(head)] if len(texts) > len(head) + 1 else None
    return head if (title is not None and len(rows) <= MAX_DETAIL_ROWS
                    and all(unit.repeats == 1 for unit in head)
                    and not any(ends_sentence(row) for row in rows)
                    and len(title.rows) == 1 and title.repeats == 1
                    and is_heading_text(title.text)) else []


def title_under_label_apart(units: list[Unit], texts: list[Unit]
                            ) -> tuple[list[Unit], list[Unit]]:
    """The units and the texts among them, a division's label alone and the title under it
    written as one block (`Part II` over `Our Volunteers`) made units of their own, as a
    blank line under the label would part them, where the label titles them
    (titled_under_label)."""
    if not texts or len(texts[0].rows) < 2:
        return units, texts
    block = texts[0]
    pieces = [block.piece(0, 1), block.piece(1, 2)]
    pieces += [block.piece(2, len(block.rows))] if len(block.rows) > 2 else []
    under = [*pieces[2:], *texts[1:]]
    if not under or not titled_under_label(pieces[0], pieces[1], under[0]):
        return units, texts
    return ([piece for unit in units for piece in (pieces if unit is block else [unit])],
            [*pieces, *texts[1:]])


def title_after_label(label: str, title: str) -> str:
    """The title after its division's label, parted as its language parts them: `Chapter
    3: Water Quality …`, `第三章　水質監測`."""
    label = LABEL_PARTING.sub("", label)
    return f"{label}: {title}" if detect(label).words_spaced else f"{label}\u3000{title}"


def titled_under_label(label: Unit, title: Unit, text: Unit) -> bool:
    """Whether a division's label alone (`Chapter 3`) stands right over the title, no blank
    line between, the text under that (as a PDF's page copies them: `Chapter 3` over
    `Visitors and Learning` over the first paragraph), or a section the title heads, numbered
    (`3.1 Overview`), the title naming no date (as a meeting's line under its agenda item's
    label does)."""
    return (len(label.rows) == 1 and bool(DIVISION_LABEL.fullmatch(label.text.strip()))
            and len(title.rows) == 1 and right_under(label, title)
            and title.repeats == 1 and is_heading_text(title.text)
            and (not is_heading_text(text.text) or (
                section_number(text.text) is not None
                and not detect(title.text).date_in(title.text))))


def dated_details(unit: Unit) -> bool:
    """Whether `unit` is a head's lines of details under its title: a few short lines, the
    first naming a date (`Meeting of Communities Committee, Wednesday 12 March 2025 6.30 pm
    (Item 7.)`), the others no sentence; none a list's item."""
    rows = detail_rows(unit)
    return (bool(rows) and bool(detect(rows[0]).date_in(rows[0]))
            and word_count(rows[0]) <= MAX_DETAIL_WORDS
            and not any(ends_sentence(row) for row in rows[1:]))


MAX_DETAIL_ROWS = 4
MAX_ISSUER_ROWS = 2  # an official notice's issuer's lines over its number (two offices, jointly)
MAX_DETAIL_WORDS = 16


def annexes_title(text: str) -> bool:
    """A line under the title that is never a title itself, and may stand between it and
    the byline: the year the piece covers ("2024-25年度"), a note on it in brackets
    ("（根据录音整理）")."""
    return is_year_line(text) or bool(BRACKETED_LINE.fullmatch(text.strip()))


def under_any_title(text: str) -> bool:
    """A line that is the subtitle wherever it stands under the title: a name with its
    life's years, a note on the text in brackets, a Chinese subtitle opened by its dash
    ("——华澄能源集团2024年度社会责任报告（节选）", as GB/T 9704 sets a 副题) or any opened by a
    dash (dash_opened: "– a year of rebuilding"), the period a piece covers ("For the year
    ended 31 March 2024")."""
    return bool(LIFE_SPAN.search(text) or BRACKETED_LINE.fullmatch(text.strip())
                or SUBTITLE_DASH.match(text.strip()) or dash_opened(text)
                or detect(text).is_period_covered(text))


SUBTITLE_DASH = re.compile("\u2014\u2014(?=\\S)")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A dash, a bar or a colon parting a line in two (`Marston Little Theatre – Season 2023–24`).
PARTED = re.compile(r"\s[\u2013\u2014|:-]\s")
# A life's years closing a line naming someone: "(1948–2024)", "（1948－2024）".
LIFE_SPAN = re.compile(r"[(\uff08]\s*\d{4}\s*[\u2013\u2014\uff0d~\uff5e-]\s*\d{4}\s*[)\uff09]\s*$")


def is_year_line(text: str) -> bool:
    """A line that is only the year a piece covers ("2024/25", "2024-25年度"), as its
    language writes one (its profile's `year_line`)."""
    profile = detect(text)
    return bool(profile.year_line) and bool(
        re.fullmatch(profile.year_line, text.strip(), re.IGNORECASE))


# Asked of the same lines again and again by the tests of a text's parts (a paragraph six
# times, the seed's), each a dozen patterns and a word by word reading of its languages.
@functools.lru_cache(maxsize=4096)
def is_heading_text(text: str) -> bool:
    """A line shaped as its language writes a heading, after any section number and before
    any note calls ("… doubled.[2]" ends as a sentence), or in two languages one after the
    other, each half written as its language writes a title; a letter's greeting ("Dear
    Members") or closing wish ("此致") is none, nor is a picture's credit ("Photo: Priya
    Shah"), which goes with what it credits; nor a line giving an e-mail or web address
    (`Contact officer: Gareth Lloyd, …, gareth.lloyd@…`) or a media contact (`Media
    enquiries: Ms Karen Yip, 2987 6500`), which are someone's details, nor one leading in to
    them ("For more information, contact"), nor a line of minutes recording who attended
    (`In attendance: Mr Sam Byrne`), nor a form's field to fill in (`Emergency contact:
    ______`); a numbered one is an item ("2 Apologies for absence: none")."""
    if ATTENDANCE.match(text.strip()) or FORM_FIELD.fullmatch(text.strip()):
        return False
    text = unnumbered(text)
    text = TRAILING_CALLS.sub("", text)
    language = detect(text)
    if (GREETING.fullmatch(text.strip()) or CLOSING_WISH.fullmatch(text.strip())
            or PHOTO_CREDIT.fullmatch(text.strip()) or re.search(ADDRESS, text)
            or MEDIA_CONTACT.match(text.strip()) or CONTACT_LEAD_IN.fullmatch(text.strip())):
        return False
    halves = language_halves(text)
    twins = len(halves) == 2 and all(  # "主任寄语 A Message from the Director"
        detect(half).is_title(half) for half in halves)
    return twins or (not language.is_date(text) and language.is_heading(text))


def stands_alone(text: str) -> bool:
    """A line shaped as a heading, a date (a sign-off's), a letter's greeting ("Dear
    members,") or closing wish ("此致", over "敬禮！"), a table's note of its unit or
    source ("單位：宗"), a notes heading ("Notes:"), or a caption pointing up to its photo
    ("▲…"): one over a line that starts a sentence ends its block."""
    language = detect(text)
    return (is_heading_text(text) or language.is_date(text) or language.is_table_note(text)
            or bool(POINTED_CAPTION.match(text))
            or bool(NOTES_HEADING.fullmatch(text.strip()))
            or bool(GREETING.fullmatch(text.strip()) or CLOSING_WISH.fullmatch(text.strip())))


def body(units: list[Unit], metadata: Metadata) -> list[Block]:
    """The blocks of the text after its front matter: the main text, its sign-off, then its
    notes and whatever follows them."""
    notes: list[Note] = []
    ending: list[Block] = []
    units = contact_lines_together(
        heading_apart(blocks_apart(turns_apart(units, metadata.author), stands_alone)))
    notes_at = notes_section(units)
    bracketed = notes_at is not None and bool(BRACKETED_NUMBER.match(units[notes_at + 1].rows[0]))
    if notes_at is not None:
        notes, after = read_notes(units[notes_at + 1 :], spans_of)
        closing = signed(after, metadata, after_notes=True)
        # The author's signature under the notes closes the text, over their heading; "Notes:",
        # "註：": the colon leads into the notes, which the heading now heads.
        ending = [*(block for block in closing if isinstance(block, SignOff)),
                  Heading(units[notes_at].text.rstrip(":：").rstrip()), *notes,
                  *(block for block in closing if not isinstance(block, SignOff))]
        units = units[:notes_at]
    elif (parted := notes_ending(units, spans_of)) is not None:
        units, notes, general = parted
        # A general note under the labelled ones stands before them, at the text's end, as a
        # draft keeps it (its notes are the word processor's, which it lists after the text).
        ending = [*(block_of(unit, metadata, [], False, False) for unit in general), *notes]
    result = staged(pull_quotes(noted_figures(titled_under(timetabled(dated_entries(
        levelled(punctuated_lists(addressed(signed(units, metadata))) + ending)))))),
        metadata.title)
    labels = {note.label for note in notes}
    return [referring(block, labels, bracketed) for block in result] if labels else result


def turns_apart(units: list[Unit], author: str) -> list[Unit]:
    """The units, each turn of an interview written by its speakers' names
    (interview_speakers: "Daniel: What drew you to the garden?", by `author` perhaps) a unit
    of its own, its one line kept as written: a paragraph, as a Q&A's question is, never a
    heading (a short question) nor a field over the answer under it."""
    speakers = interview_speakers([*(row for unit in units if unit.kind == "text"
                                     for row in unit.rows), author])
    if not speakers:
        return units
    found: list[Unit] = []
    for unit in units:
        starts = {index for index, row in enumerate(unit.rows) if unit.kind == "text"
                  and (turn := NAMED_TURN.match(row.strip())) and turn["name"] in speakers}
        if not starts:
            found.append(unit)
            continue
        for start, end in itertools.pairwise(sorted({0, *starts, len(unit.rows)})):
            piece = unit.piece(start, end)
            found.append(replace(piece, lined=True) if start in starts and end == start + 1
                         else piece)
    return found


def staged(blocks: list[Block], title: str) -> list[Block]:
    """The blocks with each stage direction of a speech's transcript set apart from what was
    said, its words in italic where their language has italic (the brackets roman, as the
    text around them: Chicago, 6.6): a note in brackets on a line of its own ("(Laughter)",
    "[Applause]", "（掌聲）", "(Video plays)"); and in a transcript, its audience's answer
    inside a sentence ("… repairs. [Laughter] But …") and a paragraph wholly in brackets
    saying who does what ("[The Lord Mayor gestures towards the pool.]"). A bracket inside a
    sentence saying anything else is the author's insertion ("[the council]", in a
    quotation), and a video or a pause named in prose is no direction ("watch them at work
    (video)"), nor a note's number or a note on the text ("[1]", "(Figures unaudited.)"). A
    Chinese one stays upright, as its other bracketed notes are ("（播放短片）"): Han
    characters are never slanted (clreq).
    A heading's shape right over one ("Derek Tromans, everyone" over "[Applause]") was said,
    as the audience's answer shows: a paragraph; a heading heads text."""
    transcript = is_transcript(blocks, title)

    def directs(block: Block) -> bool:
        return isinstance(block, Paragraph) and bool(
            STAGE_DIRECTION.fullmatch(block.text)
            or transcript and DIRECTION.fullmatch(block.text))

    def answered(index: int) -> bool:
        return (isinstance(blocks[index], Heading) and index + 1 < len(blocks)
                and isinstance(blocks[index + 1], Paragraph)
                and bool(STAGE_DIRECTION.fullmatch(blocks[index + 1].text)))

    def directed(block: Paragraph) -> Paragraph:
        if directs(block):
            return (replace(block, spans=slanted((Span(block.text),), 1, len(block.text) - 1))
                    if detect(block.text).italic else block)
        spans = block.spans
        for found in AUDIENCE_REACTION.finditer(block.text) if transcript else ():
            if detect(found.group()).italic:
                spans = slanted(spans, found.start() + 1, found.end() - 1)
        return replace(block, spans=spans)

    return [directed(block) if isinstance(block, Paragraph)
            else Paragraph((Span(block.text),)) if answered(index) else block
            for index, block in enumerate(blocks)]


def is_transcript(blocks: list[Block], title: str) -> bool:
    """Whether `blocks` under `title` are a speech's transcript: titled or opened by its
    rubric ("Remarks by the Chair …"), or noting its audience's answer more than once
    ("[Laughter]", "(Applause)"); a "(video)" or a "(pause)" in prose notes no audience."""
    return is_speech_rubric(title) or bool(speech_rubric(blocks)) or sum(
        len(AUDIENCE_REACTION.findall(block.text)) for block in blocks
        if isinstance(block, Paragraph)) > 1


def slanted(spans: tuple[Span, ...], start: int, end: int) -> tuple[Span, ...]:
    """`spans` with their characters from `start` to `end` in italic."""
    before, rest = cut(spans, start)
    words, after = cut(rest, end - start)
    return (*before, *(replace(span, italic=True) for span in words), *after)


FIGURE_IN_BRACKETS = re.compile(r"[（(]\d{1,2}[）)]")
# Emphasis a plain text marks, strong first: the marks against the words they enclose.
EMPHASIS = (
    re.compile(r"(?<![A-Za-z0-9*])(?P<mark>\*\*\*)(?=[^\s*])(?P<words>.+?)(?<=[^\s*])\*\*\*"
               r"(?![A-Za-z0-9*])"),
    re.compile(r"(?<![A-Za-z0-9*])(?P<mark>\*\*)(?=[^\s*])(?P<words>.+?)(?<=[^\s*])\*\*"
               r"(?![A-Za-z0-9*])"),
    re.compile(r"(?<![A-Za-z0-9*])(?P<mark>\*)(?=[^\s*])(?P<words>[^*]+?)(?<=[^\s*])\*"
               r"(?![A-Za-z0-9*])"),
    re.compile(r"(?<![\w_])(?P<mark>_)(?=[^\s_])(?P<words>[^_]+?)(?<=[^\s_])_(?![\w_])"),
)


def section_number(text: str) -> tuple[str, int] | None:
    """How a heading is numbered ("一、", "（一）", "1.", "（1）") and how deep its number says
    it stands among those numbered so: "2." and "2" 1, "2.1" 2, "2.1.3" 3, "IV." 1, "一、",
    "（一）" and "（1）" 1; None when it has no number."""
    number = SECTION_NUMBER.match(text)
    if number:
        return "1.", len(re.findall(r"\d+", number.group())) or 1
    own_number = re.match(OWN_SECTION_NUMBER, text)
    if own_number:
        return ("（一）" if own_number.group().endswith("\uff09") else "一、"), 1
    if FIGURE_IN_BRACKETS.match(text):
        return "（1）", 1
    return None


def levelled(result: list[Block]) -> list[Block]:
    """The headings at the levels their numbers give, the shallowest numbered ones at level 1
    (a chapter's "3.1", "3.2" are its sections; "（一）" alone heads the top sections), each
    way of numbering nested in the ways the text numbered headings before it (a Chinese
    document's 一、 over （一） over 1. over （1）, as GB/T 9704-2012, 7.3.3 orders them), and
    never more than one level below the heading before (a heading may not skip a level:
    PDF/UA, ISO 14289-1, 7.4.2)."""
    numbers = {index: section_number(block.text) for index, block in enumerate(result)
               if isinstance(block, Heading)}
    ways = list(dict.fromkeys(found[0] for found in numbers.values() if found))  # as met
    deepest = {way: max(found[1] for found in numbers.values() if found and found[0] == way)
               for way in ways}
    above = {way: sum(deepest[outer] for outer in ways[:place])
             for place, way in enumerate(ways)}
    depths = {index: above[found[0]] + found[1] for index, found in numbers.items() if found}
    top = min(depths.values(), default=1)
    for index in numbers:
        result[index] = Heading(result[index].text,
                                depths[index] - top + 1 if index in depths else 1)
    return unskipped(runs_under(numbered_under(labelled_under(result))))


def chapters_section(chapter: str, heading: str) -> bool:
    """Whether `heading`, numbered within a division ("3.1 排放物管理"), is a section of the
    heading `chapter` its division's label opens ("第三章　环境", "Chapter 3: Our people")."""
    found = section_number(heading)
    return bool(DIVISION_LABEL.match(chapter)) and found is not None and found[1] > 1


def numbered_under(result: list[Block]) -> list[Block]:
    """Numbered headings opening right under a heading of no number, nothing between them
    (`年度工作重點` over `一、海濱長廊的延伸與優化`, then `二、財務狀況`): its sections, each
    one level deeper than its number gave it, to the next heading of no number at its level
    or above (`展望`)."""
    for index, over in enumerate(result[:-1]):
        first = result[index + 1]
        if not (isinstance(over, Heading) and isinstance(first, Heading)
                and section_number(over.text) is None
                and (opens_count(first.text) or chapters_section(over.text, first.text))
                and not names_person(over.text)):  # a byline read as a heading heads none
            continue
        for later in range(index + 1, len(result)):
            block = result[later]
            if not isinstance(block, Heading):
                continue
            if section_number(block.text) is None and block.level <= over.level:
                break
            result[later] = Heading(block.text, block.level + over.level)
    return result


# A heading numbered by a word's label: "Case 1: A family left in a single room", "個案一：…".
LABELLED_NUMBER = re.compile(r"(?P<label>[^\W\d_]{2,20}?) ?(?P<number>\d{1,2}|[IVXLC]{1,5}"
                             rf"|{NUMERAL})\s*[:：.\u2013\u2014-]\s*\S")


def labelled_under(result: list[Block]) -> list[Block]:
    """Headings numbered by one label from its first ("Case 1: …", "Case 2: …") right under
    a heading of no number ("Case studies"), nothing but their sections between them, one
    level below it: its sections. A division's ("Part 1: …") heads its own part."""
    headings = [index for index, block in enumerate(result) if isinstance(block, Heading)]
    for place, index in enumerate(headings):
        found = LABELLED_NUMBER.match(result[index].text)
        over = result[headings[place - 1]] if place else None
        if (found is None or over is None or section_number(over.text)
                or LABELLED_NUMBER.match(over.text) or not first_number(found["number"])
                or DIVISION_LABEL.match(result[index].text)):  # a chapter heads its own
            continue
        label = found["label"].casefold()
        for later in headings[place:]:
            numbered = LABELLED_NUMBER.match(result[later].text)
            if numbered is None or numbered["label"].casefold() != label:
                break
            result[later] = Heading(result[later].text, over.level + 1)
    return result


def runs_under(result: list[Block]) -> list[Block]:
    """Headings of one kind, two or more in a run (each a stretch of time: "January",
    "March"; "2023", "三月"; or each a question: "Will my bins still be collected every
    week?"), under a heading of neither kind ("Month by month", "Your questions answered"),
    perhaps its text between: one level below it, its sections, to the first heading of
    another kind ("In numbers"), which is the next of its own level."""
    headings = [index for index, block in enumerate(result) if isinstance(block, Heading)]
    for place, index in enumerate(headings[:-1]):
        over, first = result[index], result[headings[place + 1]]
        kind = next((kind for kind in HEADING_KINDS if kind(first.text)), None)
        if kind is None or kind(over.text) or section_number(over.text):
            continue
        run = list(itertools.takewhile(lambda later, kind=kind: kind(result[later].text),
                                       headings[place + 1:]))
        if len(run) >= MIN_RUN_HEADINGS and all(result[later].level == over.level
                                                for later in run):
            for later in run:
                result[later] = Heading(result[later].text, over.level + 1)
    return result


def is_period(text: str) -> bool:
    return detect(text).is_period(text)


def is_question(text: str) -> bool:
    return text.rstrip().endswith(("?", "\uff1f"))


HEADING_KINDS = (is_period, is_question)
MIN_RUN_HEADINGS = 2


def addressed(result: list[Block]) -> list[Block]:
    """A letter's address over its greeting (`The Chairman` over `Harbourfront Commission`
    over `8/F, West Wing, …` over `Dear Chairman,`): two lines or more, each shaped as a
    heading, with nothing between them and the greeting, are the lines of the address, kept
    as lines at the left, as a letter sets them (not each a heading over no text)."""
    found: list[Block] = []
    for block in result:
        if isinstance(block, Paragraph) and GREETING.fullmatch(block.text.strip()):
            start = len(found)
            while start > 0 and isinstance(found[start - 1], Heading):
                start -= 1
            if len(found) - start >= 2:
                found[start:] = [LineBlock(tuple(spans_of(heading.text)
                                                 for heading in found[start:]))]
        found.append(block)
    return found


def punctuated_lists(result: list[Block]) -> list[Block]:
    """A list whose markers the copy lost, known by its punctuation alone, as the house
    style punctuates one: a paragraph leading in with a colon over two items or more, each
    a paragraph opening with a word and ending with a semicolon (`…; and`; a note's call
    aside), the last with the sentence's end ("The committee would like to thank:" over
    "our sponsors, …;" over "every parent who …."): a bulleted list, its items as written
    (not paragraphs, set as sentences of their own). Items whose first words count
    them (`First, …`, `第二，…`) stay paragraphs: a bullet before each would label them a
    second time."""
    found: list[Block] = []
    index = 0
    while index < len(result):
        block = result[index]
        found.append(block)
        index += 1
        if not (isinstance(block, Paragraph) and block.text.rstrip().endswith(LEAD_IN_ENDS)):
            continue
        run = list(itertools.takewhile(punctuated_item, result[index:]))
        items = next((len(run[:end]) for end in range(len(run), 1, -1)
                      if all(uncalled(item).rstrip().endswith(ITEM_ENDS)
                             for item in run[:end - 1])
                      and closes_sentence(uncalled(run[end - 1]))), 0)
        if items and not all(ORDINAL_OPENING.match(item.text) for item in run[:items]):
            found.append(List(tuple(ListItem(item.spans) for item in run[:items])))
            index += items
    return found


def uncalled(block: Paragraph) -> str:
    """A paragraph's text without its notes' calls (`…Strategy;[3] and`, as read so far)."""
    return REFERENCE.sub("", "".join(span.text for span in block.spans if not span.note))


def punctuated_item(block: Block) -> bool:
    """Whether `block` may be an item of a list punctuated as the house style does: a
    paragraph opening with a word (in lower case as the house style has it, or a name's
    capital: `Geoinformatics, led by …`), of MAX_ITEM_WORDS at most."""
    first = block.text.lstrip()[:1] if isinstance(block, Paragraph) else ""
    return first.isalpha() and word_count(block.text) <= MAX_ITEM_WORDS


MAX_ITEM_WORDS = 60


def pull_quotes(result: list[Block]) -> list[Block]:
    """A paragraph wholly in quotes over its attribution, a dash then who said it (`"Every
    child deserves a childhood. …"` over `— Dame Patricia Linley, Patron`), or with it after
    the quote on its line (`"I'd never asked for help before." -- a guest at our lunch
    club`): a displayed quotation, its attribution set under it, as a page sets a pull quote
    (not a paragraph, its attribution another or the paragraph's end)."""
    found: list[Block] = []
    for block, after in itertools.zip_longest(result, result[1:]):
        credited = quote_credited(block.text) if isinstance(block, Paragraph) else None
        if (isinstance(block, Paragraph) and isinstance(after, Paragraph)
                and WHOLLY_QUOTED.fullmatch(block.text.strip()) and ATTRIBUTION.match(after.text)):
            found.append(Quotation(block.spans))
        elif credited:
            quote, credit = cut(block.spans, credited.end("quote"))
            _, credit = cut(credit, credited.start("dash") - credited.end("quote"))
            found += [Quotation(quote), Paragraph(credit)]
        else:
            found.append(block)
    return found




def noted_figures(result: list[Block]) -> list[Block]:
    """A figure's caption with the line under it saying what its figures count in, on a line
    of its own (`图1 2020—2024年温室气体排放强度变化趋势` over `（单位：吨二氧化碳当量/万元产值）`,
    `Figure 2: Income by source` over `(£ million)`): one caption, as a table's title takes
    its unit (no heading)."""
    found: list[Block] = []
    for block in result:
        before = found[-1] if found else None
        text = getattr(block, "text", "")
        if (isinstance(before, Figure) and isinstance(block, Heading | Paragraph)
                and "\n" not in text and is_unit_line(text)):
            last = before.caption[-1].text if before.caption else ""
            # The space between them a language sets (none in Chinese).
            tail = joined_lines([last, text])[len(last):]
            # One span with the caption's last where they share its emphasis, as a
            # caption's spans read back from the draft are.
            found[-1] = replace(before, caption=joined([*before.caption, Span(tail)]))
            continue
        found.append(block)
    return found


def titled_under(result: list[Block]) -> list[Block]:
    """A table's title on the line under it (`Table 2: Income by source (£)`), where none
    stands over it: its caption, as a page sets one under its table (no heading under a
    table with none); the editions set it over the table, as the house sets every
    table's."""
    found: list[Block] = []
    for block in result:
        before = found[-1] if found else None
        if (isinstance(before, Table) and not before.caption
                and isinstance(block, Heading | Paragraph) and is_table_title(block.text)):
            found[-1] = replace(before, caption=spans_of(block.text))
            continue
        found.append(block)
    return found


def dated_entries(result: list[Block]) -> list[Block]:
    """A date alone on its line over its entry, two or more in a row (`April 2024` over `The
    new clinic in Tuen Mun opened …`, then `July 2024` over its own), as a year's milestones
    are set: each date heads its entry, a heading one level below the section the run
    stands in (not paragraphs of a date, indented as the entries). A date over a
    heading, or alone, stays as it stands."""
    dated = [index for index, block in enumerate(result[:-1])
             if is_date_paragraph(block) and isinstance(result[index + 1], ENTRY_BLOCKS)
             and not is_date_paragraph(result[index + 1])]
    for run in runs_of_entries(result, dated):
        over = next((block for block in reversed(result[:run[0]])
                     if isinstance(block, Heading)), None)
        for index in run:
            result[index] = Heading(result[index].text, over.level + 1 if over else 1)
    return result


ENTRY_BLOCKS = (Paragraph, List, LineBlock)


def timetabled(result: list[Block]) -> list[Block]:
    """A programme's days, two or more, each heading its events, each event headed by its
    time (`Friday 20 June` over `6.30pm – Opening: The Mill Sings`, `8pm – …`): each day a
    heading one level below the section the days stand in (`Programme`), each event one
    below its day, as a festival's or a conference's programme is set; the first heading
    after a day's events that no time opens (`Access`) goes on at the section's level."""
    def is_day(block: Block) -> bool:
        return isinstance(block, Heading) and detect(block.text).is_when(block.text)

    def is_event(block: Block) -> bool:
        return isinstance(block, Heading) and detect(block.text).opens_with_time(block.text)

    days = [index for index, block in enumerate(result[:-1])
            if is_day(block) and is_event(result[index + 1])]
    if len(days) < 2:
        return result
    over = next((block for block in reversed(result[:days[0]]) if isinstance(block, Heading)),
                None)
    level = over.level if over else 0
    found = list(result)
    for day in days:
        found[day] = replace(result[day], level=level + 1)
        for index in range(day + 1, len(result)):
            block = result[index]
            if index in days or (isinstance(block, Heading) and not is_event(block)):
                break
            if is_event(block):
                found[index] = replace(block, level=level + 2)
    return found


def is_date_paragraph(block: Block) -> bool:
    """A paragraph that is a date, or a year, alone on a line (`April 2024`, `2024年4月`,
    `2019`)."""
    if not isinstance(block, Paragraph) or "\n" in block.text:
        return False
    text = block.text.strip()
    return detect(text).is_date(text) or is_year_line(text)


def runs_of_entries(result: list[Block], dated: list[int]) -> list[list[int]]:
    """The dates of `dated` (indices into `result`) in runs of two or more, only their
    entries' paragraphs and lists between one and the next."""
    runs: list[list[int]] = []
    for index in dated:
        if runs and all(isinstance(block, ENTRY_BLOCKS) and not is_date_paragraph(block)
                        for block in result[runs[-1][-1] + 1:index]):
            runs[-1].append(index)
        else:
            runs.append([index])
    return [run for run in runs if len(run) >= 2]


def opens_count(text: str) -> bool:
    """Whether a heading's number is the first of its count, at its top: "1.", "I.", "一、",
    "（一）" (not "1.1")."""
    number = section_number(text)
    found = re.match(rf"[\uff08(]?(\d+|[IVXLC]+|{'|'.join(FIRST_NUMERALS)})", text)
    return (number is not None and number[1] == 1 and found is not None
            and first_number(found.group(1)))


def first_number(number: str) -> bool:
    """Whether `number` is a count's first: 1, I or a language's own (一)."""
    return number in ("1", "I", *FIRST_NUMERALS)


def signed(units: list[Unit], metadata: Metadata, after_notes: bool = False) -> list[Block]:
    """The blocks of `units`, with their sign-off kept as lines and what follows it."""
    main, closing, after_sign_off = split_sign_off(units, after_notes)
    if closing and all(BRACKETED_LINE.fullmatch(row.strip())
                       for unit in closing for row in unit.rows):
        # Lines wholly in brackets alone sign nothing: a speech's closing `(Applause)`.
        main, closing, after_sign_off = units, [], []
    result = blocks(main, metadata)

    def after(units: list[Unit]) -> list[Block]:
        # The figures after the signature numbered on from the text's.
        shown = sum(isinstance(block, Figure) for block in result)
        return [metadata.figure(block.number + shown, block.caption)
                if isinstance(block, Figure) else block for block in blocks(units, metadata)]

    if closing:
        rows = [row for unit in closing for row in unit.rows]
        if len(rows) > 1 and CONTACT_HEADING.fullmatch(rows[0].strip()):
            # The contact lines closing a press release, under their heading: no signature,
            # but lines kept as lines, at the left, as an address is.
            result.append(Heading(rows[0].strip()))
            result.append(LineBlock(tuple(spans_of(row) for row in rows[1:])))
            return result + after(after_sign_off)
        if ends_lead_in(result):
            # What a lead-in introduces ("For enquiries, please contact:", "如有查詢，請聯絡："
            # over a name, a telephone number, an address): its lines, at the left, no
            # signature (a Chinese one stands at the right); the signature dated under them,
            # no blank line between ("主席" over "周慧敏" over "2025年7月"), is one.
            tail = dated_signature(rows)
            result.append(LineBlock(tuple(spans_of(row) for row in rows[:len(rows) - tail])))
            if tail:
                result.append(SignOff(tuple(spans_of(signature_row(row))
                                            for row in rows[len(rows) - tail:])))
            return result + after(after_sign_off)
        wish = wish_rows(rows)
        result += [Paragraph(spans_of(row)) for row in rows[:wish]]
        result.append(SignOff(tuple(spans_of(signature_row(row)) for row in rows[wish:])))
        result += after(after_sign_off)
    return result


def dated_signature(rows: list[str]) -> int:
    """How many of the last rows of the lines a lead-in introduces are a signature under
    them: a date in the last, a byline over it (a name and a role, either over the other, or
    a name), the rows over those details of their own (`電話：…`, an address); 0 for none."""
    last = rows[-1].strip() if rows else ""
    if len(rows) < 3 or not detect(last).is_date(last):
        return 0
    for count in (3, 2):
        # Its lines read as a byline is: `Kwok Wing-yan` over `Chair` names a person as
        # `Kwok Wing-yan, Chair` does (run together with a space, it had named none).
        byline = byline_line([row.strip() for row in rows[-count:-1]])
        if len(rows) > count and byline is not None and names_person(byline):
            return count
    return 0


def wish_rows(rows: list[str]) -> int:
    """How many of a sign-off's rows are the letter's closing wish, the line it is addressed
    to and the salute under it ("此致" over "各位會員" over "敬禮"), which a Chinese letter
    sets at the left, the signature at the right: two or three, where the signature's rows
    follow them; else none."""
    if len(rows) < 3 or not CLOSING_WISH.fullmatch(rows[0].strip()):
        return 0
    return 3 if len(rows) > 3 and CLOSING_SALUTE.fullmatch(rows[2].strip()) else 2


def split_sign_off(units: list[Unit], after_notes: bool = False,
                   ) -> tuple[list[Unit], list[Unit], list[Unit]]:
    """The units before the sign-off, the sign-off's (the short lines after the last
    paragraph: a closing phrase, a name, a role, a date), and those after it: paragraphs
    (a postscript, however short, or what the letter encloses, "附件：…"; a mail's
    disclaimer) after a sign-off that closes a letter, or before a postscript or a note a
    symbol labels ("* Excluding …", called by "hours*" above). After
    the notes, where the text before is the notes', short lines are the
    sign-off only when they sign (a closing phrase, a date, a person named): a note's
    source on a line of its own stays a paragraph."""
    found = Calls(units)
    # A line where a photo stood with nothing after it (a page's spacer), or a picture closing
    # the text, its caption under the signature (written twice, as a page writes one): no
    # text after a sign-off, which still signs; the figure follows it.
    end = len(units)
    while end > 0 and closing_figure(units, end - 1):
        end -= 1
    after = end
    # Under the signature a note wholly in brackets giving a field (a notice's `（聯絡人：
    # 陳先生，電話：…）`) is the text's, after it, as a postscript is.
    while after > 0 and (is_prose(units[after - 1]) or is_postscript(units[after - 1])
                         or symbol_note(units[after - 1], found, after - 1)
                         or BRACKETED_FIELDS.fullmatch(units[after - 1].text.strip())):
        after -= 1
    start = after
    # A note wholly in brackets giving a field over the signature (a notice's `（联系人：…）`)
    # is the text's, and so is the line naming what it encloses (`附件：…`, which GB/T 9704
    # sets under the text, over the signature); `(Signed)` is the signature's.
    while start > 0 and is_sign_off_unit(units[start - 1]) and not (
            start < after and detail_of_text_above(units, start - 1)) and not (
            BRACKETED_FIELDS.fullmatch(units[start - 1].text.strip())
            or is_postscript(units[start - 1])):
        start -= 1
    if (after - start > 1 and after < end and is_heading_text(units[after - 1].text)
            and lines_apart(units[after - 2], units[after - 1]) > MAX_SIGNATURE_GAP):
        # A heading far under the signature (the page's furniture between them), over the
        # text after it, heads that text ("Updates" over a fundraising page's update).
        after -= 1
    # A stage direction opening the closing lines (`[Sustained applause]` under a speech's
    # `Thank you.`, over its speaker's name) is the speech's, set as the others are.
    while start < after - 1 and STAGE_DIRECTION.fullmatch(units[start].text.strip()):
        start += 1
    main, closing, rest = units[:start], units[start:after], units[after:end]
    if pieces := name_over_role(main, closing):
        # The signatory's name ending the block over its role, no blank line between (the
        # contact lines over `Marcus Bell` over `Director of Property Services`).
        above, name = pieces
        main, closing = [*main[:-1], above], [name, *closing]
    if lead_in := contact_lead_in(closing):
        main, closing = [*main, lead_in], [*without_rows(closing, set(lead_in.lines))]
    follows_text = signs(closing) if after_notes else any(unit.kind == "text" for unit in main)
    if not follows_text or not closing or (
            rest and not closes(closing) and not is_postscript(rest[0])
            and not symbol_note(rest[0], found, start) and not about_signer(rest[0], closing)):
        return units, [], []
    return main, closing, units[after:]


def contact_lines_together(units: list[Unit]) -> list[Unit]:
    """The units, the lines a contact lead-in introduces ("For more information, please
    contact" over `Ms Chan Tai Man`, her role, `Tel: …`), or a contact heading on a line of
    its own heads ("Enquiries", "查詢" over a name, `Tel: …`, `Email: …`), one unit of lines
    under it, the lead-in or heading a unit of its own: right under it or a blank line under
    it, one under the other with no blank line between, none ending a sentence, a contact
    line among them. Where the text was not wrapped, or a blank line parted them from their
    heading, the name had stood alone, a heading over the rest."""
    units = named_contacts_joined([piece for unit in units for piece in lead_in_apart(unit)])
    found: list[Unit] = []
    index = 0
    while index < len(units):
        lead_in = units[index]
        found.append(lead_in)
        index += 1
        if not introduces_contact(lead_in):
            continue
        end = index
        while end < len(units) and introduced_line(units[end], units[end - 1],
                                                   MAX_LEAD_IN_GAP if end == index else 1):
            end += 1
        if end < len(units) and (opening := contact_rows_opening(
                units[end], units[end - 1], MAX_LEAD_IN_GAP if end == index else 1)):
            unit = units[end]
            units[end:end + 1] = [unit.piece(0, opening), unit.piece(opening, len(unit.rows))]
            end += 1
        lines = units[index:end]
        if any(is_contact_line(row.strip()) for unit in lines for row in unit.rows):
            text_under = end < len(units) and right_under(units[end - 1], units[end])
            found.extend(contact_block_apart(joined_units(lines), text_under))
            index = end
    return found


# The lines a lead-in's first line under it stands at most: the next, or a blank line under.
MAX_LEAD_IN_GAP = 2
# The lines a contact's name may stand over its contact lines with no heading over them: the
# name, and its holder's role.
MAX_NAME_LINES = 2


def named_contacts_joined(units: list[Unit]) -> list[Unit]:
    """The units, a person's name standing alone right over contact lines, no blank line
    between and no contact heading over them (`Mary Lam` over `Tel: …` and `Email: …`, a
    role's line between them or not), joined to them as one unit of lines, with the contact
    lines right under those (each of a Chinese text's lines a unit of its own): parted from
    them as a heading's line would be, the name had been a heading over them. A line naming
    no one ("Our offices") still heads them."""
    joined: list[Unit] = []
    named = False  # the last unit joined is a name over contact lines
    for unit in units:
        if named and opens_with_contact_lines(unit) and right_under(joined[-1], unit):
            joined[-1] = replace(joined_units([joined[-1], unit]), lined=True)
            continue
        above = list(itertools.takewhile(
            lambda line: line.kind == "text" and len(line.rows) == 1 and line.repeats == 1
            and not ends_sentence(line.rows[0]) and not introduces_contact(line),
            reversed(joined[-MAX_NAME_LINES:])))[::-1]
        while above and not detect(above[0].text).is_name(above[0].text.strip()):
            above = above[1:]
        named = bool(above) and opens_with_contact_lines(unit) and all(
            right_under(over, below) for over, below in itertools.pairwise([*above, unit]))
        if named:
            del joined[-len(above):]
            unit = replace(joined_units([*above, unit]), lined=True)
        joined.append(unit)
    return joined


def right_under(over: Unit, under: Unit) -> bool:
    """Whether `under` stands on the line right under `over`, no blank line between."""
    return lines_apart(over, under) == 1


def opens_with_contact_lines(unit: Unit) -> bool:
    """Whether a unit is contact lines, a contact line first and no sentence among them."""
    return (unit.kind == "text" and is_contact_line(unit.rows[0].strip())
            and not any(ends_sentence(row) for row in unit.rows))


def contact_rows_opening(unit: Unit, above: Unit, gap: int) -> int:
    """How many of the unit's first rows are contact lines the text runs on from, no blank
    line between (`Tel: …`, `Email: …` over "We thank our crews…", a text with no blank lines
    at all): its rows up to the last contact line before any row ending a sentence, where a
    row is left after them; 0 where it opens with none, or stands more than `gap` lines
    under the unit `above`."""
    if unit.kind != "text" or unit.repeats != 1 or lines_apart(above, unit) > gap:
        return 0
    end = contact_end(unit.rows)
    return end if end < len(unit.rows) else 0


def contact_end(rows: tuple[str, ...]) -> int:
    """Where contact lines end among `rows` the text goes on under: after the last contact
    line before any row ending a sentence, and the fields right under it (`Office hours: …`,
    which had headed the text after it); 0 where there is none."""
    opening = list(itertools.takewhile(lambda row: not ends_sentence(row), rows))
    contacts = [at for at, row in enumerate(opening) if is_contact_line(row.strip())]
    end = contacts[-1] + 1 if contacts else 0
    while contacts and end < len(opening) and is_field(opening[end]):
        end += 1
    return end


def contact_block_apart(lines: Unit, text_under: bool) -> list[Unit]:
    """The contact lines, one unit of lines, ending at their last contact line where the
    text goes on right under them (`text_under`), no blank line between: a text with no blank
    lines at all writes the next section's heading there, over its text (`Email: …` over
    "Education and outreach"), a unit of its own after the block."""
    end = contact_end(lines.rows) if text_under else len(lines.rows)
    block = replace(lines.piece(0, end), lined=True)
    return [block, lines.piece(end, len(lines.rows))] if end < len(lines.rows) else [block]


def introduces_contact(unit: Unit) -> bool:
    """Whether the unit introduces contact lines under it: a line leading in to them, or a
    contact heading."""
    return unit.kind == "text" and (
        bool(CONTACT_LEAD_IN.fullmatch(unit.rows[-1].strip())) or is_contact_heading(unit))


def is_contact_heading(unit: Unit) -> bool:
    """Whether the unit is a contact heading on a line of its own ("Enquiries", "傳媒查詢")."""
    return (unit.kind == "text" and len(unit.rows) == 1
            and bool(CONTACT_HEADING.fullmatch(unit.text.strip())))


def lead_in_apart(unit: Unit) -> list[Unit]:
    """A unit of lines opened by a contact lead-in (kept as lines, "For more information,
    please contact" over a name and a telephone number): the lead-in and its lines, each a
    unit, as when its colon ends it; any other unit as it is."""
    if (unit.kind != "text" or not unit.lined or len(unit.rows) < 2
            or not CONTACT_LEAD_IN.fullmatch(unit.rows[0].strip()) or line_runs_on(unit.rows[1])):
        return [unit]
    return [replace(unit.piece(0, 1), lined=False), unit.piece(1, len(unit.rows))]


def introduced_line(unit: Unit, above: Unit, gap: int) -> bool:
    """Whether `unit` may be among the lines a contact lead-in introduces, `gap` lines at
    most under the unit `above`: text written once, its lines ending no sentence."""
    return (unit.kind == "text" and unit.repeats == 1
            and lines_apart(above, unit) <= gap
            and not any(ends_sentence(row) for row in unit.rows))


def contact_lead_in(closing: list[Unit]) -> Unit | None:
    """The sign-off's first line where it leads in to the contact lines under it by the verb
    its words end with ("For more information, contact" over a name, a telephone number, an
    address): running text, as it is with its colon; None else."""
    rows = [row.strip() for unit in closing for row in unit.rows]
    if rows and CONTACT_LEAD_IN.fullmatch(rows[0]) and any(map(is_contact_line, rows[1:])):
        return closing[0].piece(0, 1)
    return None


def closing_figure(units: list[Unit], index: int) -> bool:
    """Whether unit `index` is a picture's: the place it stood, its label on a line of its
    own, or its caption (as `blocks` reads one), a line or two of a caption's words (a
    paragraph the copy wrote again is no caption under a signature)."""
    unit = units[index]
    before = units[index - 1] if index else None
    if unit.kind == "marker" or labels_caption(units, index):
        return True
    if len(unit.rows) > 2 or word_count(unit.text) > MAX_CAPTION_WORDS:
        return False
    after_photo = before is not None and before.kind == "marker"
    described = (after_photo and bool(before.text)
                 and likeness_key(before.text) == likeness_key(unit.text))
    labelled = (before is not None and labels_caption(units, index - 1)
                or described or bool(labelled_caption(unit)))
    return is_caption(unit, after_photo, labelled)


# A line wholly in round brackets, of either width, giving a field: "（联系人：李明；…）".
BRACKETED_FIELDS = re.compile(r"[(\uff08][^()\uff08\uff09]*[:\uff1a][^()\uff08\uff09]*[)\uff09]")
# The lines a signature's parts stand apart by at most: its own line, and a blank line or two.
MAX_SIGNATURE_GAP = 3


def name_over_role(main: list[Unit], closing: list[Unit]) -> tuple[Unit, Unit] | None:
    """The block over the sign-off made two pieces, where its last line names a person over
    the sign-off's first line, their role, no blank line between ("Marcus Bell" over
    "Director of Property Services"), the line over the name ending a sentence or giving a
    field (`Online: …`), not running on into it; None else."""
    if not main or not closing or main[-1].kind != "text" or len(main[-1].rows) < 2:
        return None
    block, count = main[-1], len(main[-1].rows)
    before, name = block.rows[-2].strip(), block.rows[-1].strip()
    if (not right_under(block, closing[0])
            or not is_sign_off_unit(block.piece(count - 1, count))
            or byline_line([name, closing[0].rows[0].strip()]) is None
            or not (ends_sentence(before) or FIELD.match(before))):
        return None
    return block.piece(0, count - 1), block.piece(count - 1, count)


def detail_of_text_above(units: list[Unit], index: int) -> bool:
    """Whether unit `index`, parted by a blank line from the sign-off under it, is the last
    line of the running text's block over it, no blank line between (an object's
    `Dimensions: 2.1 × 1.8 m` under its text, over a label's credits): that block's, not
    the signature's; a closing phrase there ("Yours sincerely,") still opens the sign-off, and
    a contact heading ("Enquiries") heads the contact lines under it."""
    unit, under = units[index], units[index + 1]
    above = units[index - 1] if index else None
    return (not right_under(unit, under) and above is not None and is_prose(above)
            and right_under(above, unit) and not closes([unit])
            and not is_contact_heading(unit))


def about_signer(unit: Unit, sign_off: list[Unit]) -> bool:
    """Whether `unit` is a note on the person signing, as a post ends with its author's
    ("Eleanor Marsh is head of communications …" under "Eleanor"): a paragraph opening with
    the name a line of the sign-off opens with."""
    names = {row.split()[0] for part in sign_off for row in part.rows if row.split()}
    words = unit.text.split() if unit.kind == "text" else []
    return bool(words) and words[0] in names and words[0][:1].isupper()


def is_prose(unit: Unit) -> bool:
    """Running text: no sign-off's line, heading, list or table."""
    return (unit.kind == "text" and unit.repeats == 1 and not is_sign_off_unit(unit)
            and not is_heading_text(unit.text) and not items_of(unit.rows)[1]
            and titled_cells(unit.rows) is None)


def closes(sign_off: list[Unit]) -> bool:
    """A sign-off as a letter's: a closing phrase ("Yours sincerely,"), or lines ending with a
    date (a name, a role, then "3 March 2025")."""
    rows = [row for unit in sign_off for row in unit.rows]
    return any(row.endswith((",", "\uff0c")) for row in rows) or (
        len(rows) > 1 and detect(rows[-1]).is_date(rows[-1]))


def signs(sign_off: list[Unit]) -> bool:
    """Lines that close a letter, or name the person signing, on a line ("Dr Margaret CHEUNG
    Wai-lan, JP"; "行政總裁 張慧蘭") or over or under the line of their role ("Captain Rahul
    MENON" over "Harbour Master"), as a byline names them."""
    rows = [row for unit in sign_off for row in unit.rows]
    return closes(sign_off) or any(names_person(row) for row in rows) or any(
        byline_line(pair) is not None for pair in zip(rows, rows[1:], strict=False))


def names_person(text: str) -> bool:
    return detect(text).names_person(text)


def is_postscript(unit: Unit) -> bool:
    return bool(re.match(POSTSCRIPT, unit.text))


def is_sign_off_unit(unit: Unit) -> bool:
    """Short lines that may sign a text: no sentence, list item or table row, no line
    saying where figures come from or what they count in (`Source: ticketing system`), and
    no greeting (`President,` over a reply to a legislator); nor opened by a line pointing
    to an address (`Read the full report 👉 greenlanetrust.org.uk/…`), where no name is, or
    by a release's media contact (`傳媒查詢：葉嘉欣女士…`), someone's details; no block of
    fields other than contact details or places to sign (`展期：…` over `地點：…`, an
    exhibition's details; a signatory's `Tel: …` over `Email: …`, or `Signed: ____` over
    `Date: ____`, may sign), and no caption pointing up to its
    picture (`▲…`)."""
    return unit.kind == "text" and unit.repeats == 1 and not (
        unit.rows and (points_to_address(unit.rows[0])
                       or MEDIA_CONTACT.match(unit.rows[0].strip()))) and sum(
        bool(FIELD.match(row.strip())) and not is_contact_line(row.strip())
        and not SIGNING_LINE.fullmatch(row.strip()) for row in unit.rows) < 2 and all(
        len(row.split()) <= MAX_SIGN_OFF_WORDS
        and not POINTED_CAPTION.match(row.strip())
        and not GREETING.fullmatch(row.strip())
        and len(row) <= MAX_SIGN_OFF_CHARACTERS
        and "\t" not in signature_row(row)
        # (a picture's credit, `📸 @jonnyreevesphoto`, `Photo: Priya Shah`, signs nothing)
        and not ICON_LED.match(row) and not PHOTO_CREDIT.fullmatch(row.strip())
        and (SIGNING_LINE.fullmatch(row.strip())
             or not ends_sentence(TRAILING_CALLS.sub("", row))
             and not re.search(SENTENCE_BREAK, row))
        and items_of((row,))[1] == []
        and not detect(row).is_table_note(row.strip())
        for row in unit.rows
    )


def signature_row(row: str) -> str:
    """A sign-off's row with the gap typed between a role and a name one space, where the
    copy kept it as a column's (`青禾公益基金会理事长  林嘉宜`): a person named, no table's
    row; any other row as it stands."""
    role_and_name = row.replace("\t", " ")
    if row.count("\t") == 1 and names_person(role_and_name):
        return role_and_name
    return row


def points_to_address(row: str) -> bool:
    """Whether `row` says where to go (`Read the full report 👉 greenlanetrust.org.uk/…`):
    three words or more, then an address; no label's (`電郵：info@…`), nor a line of contact
    details, whose telephone number's groups are no words (`01632 961 234 | press@…`)."""
    found = re.search(ADDRESS, row)
    return (found is not None and len(row[:found.start()].split()) >= MIN_POINTER_WORDS
            and not is_contact_line(row.strip()))


MIN_POINTER_WORDS = 3


def blocks(units: list[Unit], metadata: Metadata) -> list[Block]:
    units = credits_joined(titles_joined(parallel_headings_joined(units)))
    result: list[Block] = []
    pending: list[Unit] = []  # units of marked items only, waiting to be a list or not
    last_text = max((i for i, unit in enumerate(units) if unit.kind == "text"), default=-1)
    after_photo = False  # a no-break-space line stood right before this unit
    labelled = False  # a picture's label ("Photo") stood right over this unit
    described = ""  # what the picture's place right before this unit said its caption says

    chains: set[str] = set()  # the pending items': the numbers their sub-items' begin with
    signed_to = 0  # the units before it sign a section (section_signature)
    tabled_to = 0  # the units before it are a table's cells, a line each (lined_cells)

    def flush() -> None:
        for group in list_groups(pending):
            items = units_items(group)
            if (len(items) >= 2 or (items and ends_lead_in(result))) and not exchanges(items):
                result.extend(build_lists(items, spans_of))
            else:
                for unit in group:
                    result.append(block_of(unit, metadata, result, False, True))
        pending.clear()
        chains.clear()

    for index, unit in enumerate(units):
        if index < tabled_to:
            continue
        if found := lined_cells(units, index):
            flush()
            count, table = found
            result.append(build_table("", table, spans_of))
            tabled_to = index + count
            continue
        if unit.kind == "marker":
            flush()
            after_photo = True
            described = unit.text
            continue
        if labels_caption(units, index):
            flush()
            labelled = True
            continue
        # A label's numbered lines ("附件：1.…" over "2.…") are lines, not a list after it.
        lead, items = ((), ()) if numbered_lines(unit.rows) else items_of(unit.rows, chains)
        if not bulleted_by_pictograph(items, pending, units[index + 1:index + 2]):
            lead, items = unit.rows, []
        if items and not lead and unit.repeats == 1 and not is_numbered_heading(
                unit, items[0][0], units[index + 1:], pending, result):
            pending.append(unit)
            chains.update(item_chains(items))
            continue
        flush()
        if index < signed_to:
            continue
        if icon_lines(unit):
            result.append(LineBlock(tuple(spans_of(row) for row in unit.rows)))
        elif signature := section_signature(units, index, result):
            result.append(SignOff(tuple(spans_of(row) for unit in units[index:index + signature]
                                        for row in unit.rows)))
            signed_to = index + signature
        elif (items and lead and (len(items) >= 2 or lead[-1].endswith(LEAD_IN_ENDS))
                and titled_cells(unit.rows) is None):
            result.append(Paragraph(spans_of(joined_lines(lead))))
            pending.append(Unit("text", unit.rows[len(lead):], unit.lines[len(lead):]))
        else:
            captioned = bool(described) and likeness_key(described) == likeness_key(unit.text)
            if caption := labelled_caption(unit):
                unit, captioned = replace(unit, rows=(caption,)), True
            # A line whose sentence goes on into the list under it leads into it: no heading.
            heads = index < last_text and not goes_on_into(units[index + 1:])
            result.append(block_of(unit, metadata, result, after_photo, heads,
                                   labelled or captioned))
            numbered_over(result)
        after_photo = labelled = False
        described = ""
    flush()
    return result


def goes_on_into(following: list[Unit]) -> bool:
    """Whether the units `following` a line open with a list carrying on its sentence: its
    first item opens in lower case, and each item before its last ends as a clause does
    (`…;`, `…; and`), as a minute's resolution runs ("Resolved: That the Committee" over
    "(i) approve …;")."""
    listed = list(itertools.takewhile(
        lambda unit: unit.kind == "text" and not items_of(unit.rows)[0], following))
    items = units_items(listed)
    return (len(items) >= 2 and items[0][1][0][:1].islower()
            and all(" ".join(lines).rstrip().endswith(ITEM_ENDS) for _, lines in items[:-1]))


MIN_LINED_CELLS = 6  # a header and two rows of two cells


def lined_cells(units: list[Unit], index: int) -> tuple[int, list[list[str]]] | None:
    """The table a copy set a cell a line from unit `index` (tables.cell_a_line), and how
    many units its lines are: one unit's lines, or a run of units of a line each, one under
    the other, starting there; None for none."""
    unit = units[index]
    if unit.kind != "text" or unit.repeats != 1:
        return None
    if len(unit.rows) >= MIN_LINED_CELLS:
        table = cell_a_line(list(unit.rows))
        return (1, table) if table else None

    def lined(at: int) -> bool:
        return (units[at].kind == "text" and len(units[at].rows) == 1
                and units[at].repeats == 1 and not ends_sentence(units[at].text))

    def touching(at: int) -> bool:
        return right_under(units[at - 1], units[at])

    if not lined(index) or (index and lined(index - 1) and touching(index)):
        return None  # no run's first line
    end = index + 1
    while end < len(units) and lined(end) and touching(end):
        end += 1
    if end - index < MIN_LINED_CELLS:
        return None
    table = cell_a_line([each.text for each in units[index:end]])
    return (end - index, table) if table else None


# A pictograph opening a line, as a post heads each of its lines with one ("📍 Long Gallery").
ICON_LED = re.compile(r"[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff]\ufe0f?\s")


def icon_lines(unit: Unit) -> bool:
    """Whether every line of the unit, two or more, opens with a pictograph (`📍 Long
    Gallery, Level 2` over `🕙 Daily 10am–5pm` over `🎟️ Free entry`): lines a post sets
    apart, each its own, as an address's are."""
    return (unit.kind == "text" and len(unit.rows) >= 2
            and all(ICON_LED.match(row) for row in unit.rows))


def section_signature(units: list[Unit], index: int, result: list[Block]) -> int:
    """How many units from `index` sign the section over them, the text going on under a
    heading after them (none: 0): a name over its role, or a role over a name (`Maya
    Threlfall` over `Festival Director`), one line under the other, perhaps under a closing
    phrase (`With warmest wishes,`), right under a paragraph, as a festival's page signs its
    director's welcome over its programme."""
    if not result or not isinstance(result[-1], Paragraph):
        return 0
    closing = int(units[index].kind == "text" and len(units[index].rows) == 1
                  and bool(VALEDICTION.fullmatch(units[index].text.strip())))
    if closing and not (index + 1 < len(units)
                        and right_under(units[index], units[index + 1])):
        return 0
    for count in (1, 2):
        signature = units[index + closing:index + closing + count]
        rows = [row for unit in signature for row in unit.rows]
        after = (units[index + closing + count] if index + closing + count < len(units)
                 else None)
        if (len(signature) == count and len(rows) == 2
                and signature[-1].lines[0] == signature[0].lines[-1] + count - 1
                and all(is_sign_off_unit(unit) for unit in signature)
                and (byline_line(rows) is not None or (
                    detect(rows[0]).is_name(rows[0]) and detect(rows[1]).is_role(rows[1])))
                and after is not None and after.kind == "text" and after.repeats == 1
                and is_heading_text(after.text)):
            return closing + count
    return 0


def numbered_over(result: list[Block]) -> None:
    """A heading under its section's number alone on the line over it ("01" over "在不确定的
    时代，做确定的事", as a WeChat article numbers its sections): one heading, the number
    parted from its words by a space, a full-width one where the language spaces no words."""
    if len(result) < 2 or not isinstance(result[-1], Heading) or not isinstance(
            result[-2], Heading) or not NUMBER_ALONE.fullmatch(result[-2].text):
        return
    words = result.pop().text
    result[-1] = Heading(f"{result[-1].text}{detect(words).word_gap}{words}")


def parallel_headings_joined(units: list[Unit]) -> list[Unit]:
    """A heading-shaped line over its parallel in the other script, each a block of its own
    (a bilingual page's "會長的話" over "President's Message"): one heading in both, as the
    title and its parallel are one title (the second no heading of no text)."""
    joined: list[Unit] = []
    for unit in units:
        before = joined[-1] if joined else None
        if (before is not None and before.kind == unit.kind == "text"
                and len(before.rows) == len(unit.rows) == 1
                and before.repeats == unit.repeats == 1 and is_heading_text(before.text)
                and parallels(before.text, unit.text) and not is_byline(before, True)
                and not is_byline(unit, True)
                and all(re.search(r"[^\W\d_]", each.text) for each in (before, unit))):
            # (Each in words: a section's number alone over its heading, "01", is none.)
            joined[-1] = Unit("text", (joined_lines([before.rows[0], unit.rows[0]]),),
                              before.lines[:1])
        else:
            joined.append(unit)
    return joined


def titles_joined(units: list[Unit]) -> list[Unit]:
    """A table's title on a line of its own (or over the line saying what the figures count
    in), with a blank line before the table (or between them), joined to it."""
    joined: list[Unit] = []
    for unit in units:
        before = joined[-1] if joined else None
        rows = before.rows if before is not None and before.kind == unit.kind == "text" else ()
        if rows and table_title_lines(rows, len(rows)) == len(rows) and (
                cells_of(unit.rows) is not None
                or (len(rows) == 1 and len(unit.rows) == 1 and is_unit_line(unit.text))):
            joined[-1] = Unit("text", before.rows + unit.rows, before.lines + unit.lines)
        else:
            joined.append(unit)
    return joined


def credits_joined(units: list[Unit]) -> list[Unit]:
    """A picture's credit on a line of its own ("Photo: Garden photography team", "圖片來源：
    …") right under the picture's caption (a block written twice, or a line written twice
    over it in its block, or a line pointing up to its picture, `▲…`): the caption's last
    sentence."""
    joined: list[Unit] = []
    for unit in units:
        if is_credit(unit, 1) and unit.counts and unit.counts[0] > 1:
            caption, unit = unit.piece(0, 1), unit.piece(1, 2)  # no wrap would part them
            joined.append(caption)
        caption = joined[-1] if joined else None
        if (caption is not None and caption.kind == "text"
                and (caption.repeats > 1 or pointed_caption(caption))
                and is_credit(unit, 0) and unit.repeats == 1):
            joined[-1] = with_credit(caption, unit.rows[0], unit.lines)
        else:
            joined.append(unit)
    return joined


def pointed_caption(unit: Unit) -> re.Match | None:
    """The mark pointing up to its picture opening a caption of one line, perhaps with its
    credit on a line under it (`▲修复师向读者演示…` over `图片来源：…`); else None."""
    return (POINTED_CAPTION.match(unit.text)
            if len(unit.rows) == 1 or is_credit(unit, 1) else None)


def is_credit(unit: Unit, row: int) -> bool:
    """Whether `unit` is of `row` + 1 rows, its last a picture's credit."""
    return (unit.kind == "text" and len(unit.rows) == row + 1
            and bool(PHOTO_CREDIT.fullmatch(unit.rows[row].strip())))


def with_credit(caption: Unit, credit: str, lines: tuple[int, ...]) -> Unit:
    """The caption with the credit as its last sentence, after a full stop in the caption's
    language where the caption ends in none."""
    *rows, last = caption.rows
    if not ends_sentence(last):
        last += detect(caption.text).sentence_ends[:1]
    return replace(caption, rows=(*rows, last, credit), lines=caption.lines + lines, counts=())


def units_items(units: list[Unit]) -> list[tuple[Marked, list[str]]]:
    """The marked items of units in a row."""
    return [item for items in items_by_unit(units) for item in items]


def items_by_unit(units: list[Unit]) -> list[list[tuple[Marked, list[str]]]]:
    """Each unit's marked items, its compound numbers read under the items of the units
    before it (1.1 on the line after 1.)."""
    found: list[list[tuple[Marked, list[str]]]] = []
    chains: set[str] = set()
    for unit in units:
        found.append(items_of(unit.rows, chains)[1])
        chains.update(item_chains(found[-1]))
    return found


def item_chains(items: list[tuple[Marked, list[str]]]) -> frozenset[str]:
    """The numbers the items' sub-items' compound numbers may begin with ("1.", "1.1.")."""
    return frozenset(marker.chain for marker, _ in items if marker.chain)


def is_numbered_heading(unit: Unit, marker: Marked, following: list[Unit],
                        pending: list[Unit], before: list[Block]) -> bool:
    """A line alone opened by a section number ("2. What we do") over a paragraph, after a
    list whose items are marked otherwise, or whose count it does not carry on while it
    carries on the headings' ("2. Finance" after "1. Our work" and a list 1. to 4.): the next
    section's heading, not that list's item."""
    after = next((other for other in following if other.kind == "text"), None)
    if len(unit.rows) != 1 or not is_heading_text(unit.text) or after is None:
        return False
    over_own = compound_marked(after.rows[0], {marker.chain} - {""})
    if (over_own and (pending or not ends_lead_in(before))
            and marker.family not in families(pending) and heads_paragraph(after, following)):
        # Over its own sub-item that is a line alone over running text ("2.1 Principal
        # risks" over its paragraph), after a list it does not carry on, or no lead-in: the
        # heading of the section that one opens a part of.
        return True
    if (over_own and (not runs_on(after) or ends_lead_in(before))
            and not counts_on_headings(marker, before)):
        # Over its own sub-items (1.1 under 1.), short, or under a lead-in however long each
        # is ("…three priorities with our tenants' panel:"): a list's item.
        return False
    return ((marker.family not in families(pending)
             or resumes_headings(marker, pending, before)) and is_paragraph(after)
            ) or (not ends_lead_in(before) and (
                heads_a_section(marker, after, following)
                or (marker.family not in families(pending) and counts_on_headings(marker, before))))


def heads_paragraph(unit: Unit, following: list[Unit]) -> bool:
    """Whether `unit`, one of the units `following`, is a heading's line alone over a
    paragraph: the next text after it."""
    texts = [other for other in following[following.index(unit) + 1:] if other.kind == "text"]
    return (len(unit.rows) == 1 and is_heading_text(unit.text) and bool(texts)
            and is_paragraph(texts[0]))


def runs_on(unit: Unit) -> bool:
    """Whether a numbered unit is a paragraph its number opens, as a report numbers them
    ("1.1 This report covers the Trust's work in its twenty-fifth year. It was …"): two
    sentences or more, or one of RUNNING_WORDS or more closed by a full stop; not a list's
    short item."""
    text = unnumbered(unit.text).rstrip()
    return bool(re.search(SENTENCE_BREAK, text)) and ends_sentence(text) or (
        word_count(text) >= RUNNING_WORDS and text.endswith((".", "\u3002")))


RUNNING_WORDS = 12


def is_paragraph(unit: Unit) -> bool:
    """A paragraph: no list's items, table or heading."""
    return (not items_of(unit.rows)[1] and cells_of(unit.rows) is None
            and not is_heading_text(unit.text))


def heads_a_section(marker: Marked, after: Unit, following: list[Unit]) -> bool:
    """Whether the line numbered by `marker` heads a section whose items are numbered
    otherwise ("一、主要工作" over "（一）…"): the next line numbered as it is, on from it,
    heads a paragraph or a list numbered otherwise, as a section's heading does ("二、數字服務"
    over its text). (Under a lead-in, "…如下：", such lines are a list's items.)"""
    if any(item.family == marker.family for item, _ in items_of(after.rows)[1]):
        return False  # the next item of its own list: a list of short items
    texts = (unit for unit in following if unit.kind == "text")
    for unit in texts:
        items = items_of(unit.rows)[1]
        if len(unit.rows) == 1 and items and items[0][0].family == marker.family:
            under = next(texts, None)
            return (counts_on_from(marker.value, items[0][0].value)
                    and is_heading_text(unit.text) and under is not None
                    and heads_text(under, marker))
    return False


def heads_text(under: Unit, marker: Marked) -> bool:
    """Whether `under`, under a line numbered as `marker` numbers, is what a section holds: a
    paragraph, or a list numbered otherwise ("1." under "（二）推廣良好僱傭措施")."""
    items = items_of(under.rows)[1]
    return is_paragraph(under) or (bool(items) and not any(
        item.family == marker.family for item, _ in items))


def counts_on_headings(marker: Marked, before: list[Block]) -> bool:
    """Whether `marker` counts on from the last heading numbered as it is ("二、項目進展"
    after the heading "一、總體情況"): the next section's heading, whatever stands under it
    (its first subsection's heading, "（一）教育項目")."""
    headings = headings_numbered(marker, before)
    return bool(headings) and counts_on_from(headings[-1].value, marker.value)


def headings_numbered(marker: Marked, before: list[Block]) -> list[Marked]:
    """The numbers of the headings in `before` numbered as `marker` is."""
    return [heading for block in before if isinstance(block, Heading)
            for heading, _ in items_of((block.text,))[1] if heading.family == marker.family]


def resumes_headings(marker: Marked, pending: list[Unit], before: list[Block]) -> bool:
    """Whether `marker` counts on from the last heading numbered as it is, not from the last
    item of the pending list numbered as it is."""
    items = [item for item, _ in units_items(pending) if item.family == marker.family]
    return (counts_on_headings(marker, before)
            and not counts_on_from(items[-1].value, marker.value))


def families(units: list[Unit]) -> set[str]:
    """The kinds of marker the units' items are opened by, a compound number read under the
    item before it (1.1.1.1 on the line after 1.1.1) as the list reads it."""
    return {marker.family for marker, _ in units_items(units)}


def bulleted_by_pictograph(items: list[tuple[Marked, list[str]]], pending: list[Unit],
                           following: list[Unit]) -> bool:
    """Whether a unit's items opened by a pictograph (`✅ 86 volunteers trained`) are a list's:
    each opened by the same one, two lines at least with the items right before and after
    it. A line alone, or lines each opened by another (`🎉 Congratulations …` over `📸
    Photos by …`, `📍 Long Gallery` over `🕙 Daily 10am–5pm`), are a post's own lines. True
    where no pictograph opens an item."""
    pictographs = {marker.family for marker, _ in items if marker.pictograph}
    if not pictographs:
        return True
    if len(pictographs) > 1:
        return False
    beside = [*(items_of(pending[-1].rows)[1][-1:] if pending else []),
              *(items_of(following[0].rows)[1][:1] if following else [])]
    return sum(marker.family in pictographs for marker, _ in (*items, *beside)) >= 2


def exchanges(items: list[tuple[Marked, list[str]]]) -> bool:
    """Whether marked items are an interview's or a page of questions' turns, labelled as
    letters (`Q.` over a question, `A.` over its answer): no lettered list, which counts
    from `a` on, a letter an item."""
    values = [marker.value for marker, _ in items]
    return (set(values) <= QUESTION_AND_ANSWER and values[0] in QUESTION_LABELS
            and joined_lines(items[0][1]).rstrip().endswith(("?", "\uff1f")))


# The letters labelling an interview's question and its answer.
QUESTION_LABELS = frozenset(("Q", "q"))
QUESTION_AND_ANSWER = QUESTION_LABELS | {"A", "a"}


def list_groups(pending: list[Unit]) -> list[list[Unit]]:
    """The units of marked items, parted where one list ends and another begins: a blank line,
    then items of the other kind (bullets after numbers, or numbers after bullets) that never
    go back to the first list's markers, after an item that leads into nothing (no `:`), or
    items opened by another pictograph (`✅` done, then `👉` to do)."""
    groups: list[list[Unit]] = []
    items = items_by_unit(pending)
    start = 0  # where the last group starts
    for index, unit in enumerate(pending):
        if groups:
            first: Marked = items[start][0][0]
            opening: Marked = items[index][0][0]
            last_item = joined_lines(items[index - 1][-1][1])
            if (opening.family != first.family and (opening.pictograph or first.pictograph)
                    or (first.value == "") != (opening.value == "")
                    and not last_item.endswith(LEAD_IN_ENDS)
                    and first.family not in families(pending[index:])):
                groups.append([unit])
                start = index
                continue
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return groups


def ends_lead_in(blocks_before: list[Block]) -> bool:
    last = blocks_before[-1] if blocks_before else None
    return isinstance(last, Paragraph) and is_lead_in(last.text)


def labels_caption(units: list[Unit], index: int) -> bool:
    """Whether unit `index` is a picture's label on a line of its own ("Photo", "相片") over
    its caption, a line or two of no more than a caption's words."""
    unit = units[index]
    caption = units[index + 1] if index + 1 < len(units) else None
    return (unit.kind == "text" and len(unit.rows) == 1
            and bool(PICTURE_LABEL.fullmatch(unit.text.strip()))
            and caption is not None and caption.kind == "text" and len(caption.rows) <= 2
            and word_count(caption.text) <= MAX_CAPTION_WORDS)


# A picture's label opening its caption's line: "Image: Volunteers at our drop-in centre",
# "［相片］ 首批護理學生參加白袍典禮".
LABELLED = re.compile(rf"(?:(?:{PICTURE_LABEL.pattern})\s*[:：]"
                      rf"|[\[\uff3b\u3010](?:{PICTURE_LABEL.pattern})[\]\uff3d\u3011])"
                      r"\s*(?P<caption>\S.*)", re.IGNORECASE)
MIN_LABELLED_CAPTION_WORDS = 4  # fewer, after "Photo:", are its credit: "Photo: Priya Shah"
# A line written twice in the text of as many words is a picture's caption, though shaped as a
# heading ("Volunteers sorting donations at our Canal Street warehouse, January 2025"): a
# page writes a caption twice (the picture's text and its caption), a heading seldom, and a
# heading is shorter.
MIN_DOUBLED_CAPTION_WORDS = 7
CREDITED = re.compile(r"(?:by|courtesy|copyright)\b|\u00a9|\(c\)", re.IGNORECASE)


def labelled_caption(unit: Unit) -> str:
    """The caption a line labels as a picture's ("Image: Volunteers at our South Shields
    drop-in centre, October 2024"), where a copy left its picture's label and the picture
    went: what it describes, not whom it credits (a name, a body, "by …"); "" for none."""
    found = LABELLED.fullmatch(unit.text.strip()) if len(unit.rows) == 1 else None
    if found is None or unit.kind != "text":
        return ""
    caption = found.group("caption").strip()
    language = detect(caption)
    if (word_count(caption) < MIN_LABELLED_CAPTION_WORDS or language.is_name(caption)
            or language.names_body(caption) or CREDITED.match(caption)):
        return ""
    return caption


# The pictographs a post opens a line with, before its words.
OPENING_PICTOGRAPHS = re.compile(rf"\A{PICTOGRAPH.pattern}+ +")


def block_of(unit: Unit, metadata: Metadata, before: list[Block], after_photo: bool,
             text_follows: bool, labelled: bool = False) -> Block:
    """The block one unit of text is: a table, a figure's caption (`labelled`: under its
    picture's label), a heading, a displayed quotation or a paragraph."""
    table = titled_cells(unit.rows, profile_for(metadata.language))
    if table is not None:
        return build_table(*table, spans_of)
    pointed = pointed_caption(unit)
    if is_caption(unit, after_photo, labelled, heads_text=not before and text_follows):
        number = len([block for block in before if isinstance(block, Figure)]) + 1
        return metadata.figure(number, spans_of(unit.text[pointed.end():] if pointed
                                                else unit.text))
    if unit.lined and len(unit.rows) == 1:
        # A line kept as written (a circular's number over its headline): a block of lines
        # of one line would run into the lines next to it in the draft.
        return Paragraph(spans_of(unit.text))
    # A question under a letter's greeting, before any heading, asks its reader ("Will you
    # help us …?"): a sentence of the letter, never a heading.
    text_follows = text_follows and not (is_question(unit.text) and greeted(before))
    # A line wholly in brackets is a note (`（此件公开发布）`), never a heading. A pictograph
    # opening a line alone (`🎨 New exhibitions`) leaves it a heading, as one ending it does.
    # Nor is a field's line (`Venue: Room 101, Community Hall`), which gives a value.
    if len(unit.rows) == 1 and is_heading_text(OPENING_PICTOGRAPHS.sub("", unit.text)) \
            and text_follows and not BRACKETED_LINE.fullmatch(unit.text.strip()) \
            and not detect(unit.text).is_labelled_field(unit.text):
        return Heading(unit.text)
    if text_follows and (bold := bold_heading(unit)):
        return Heading(bold)
    if unit.quoted:
        # A mail's quote marks are its way of setting the words apart, as the indent is.
        said = joined_lines(unquoted(unit.rows)) if mail_quoted(unit.rows) else unit.text
        return Quotation(spans_of(said))
    if unit.lined or numbered_lines(unit.rows) or fields(unit.rows):
        return LineBlock(tuple(spans_of(row.strip()) for row in unit.rows))
    if mail_quoted(unit.rows) and before and isinstance(before[-1], Quotation):
        # The quotation's attribution, its quote mark no word of it (`> — Margaret Lam`).
        return Paragraph(spans_of(OPENING_HYPHEN.sub("\u2013", joined_lines(unquoted(unit.rows)))))
    # A line a hyphen opens, and no list's (a quotation's attribution), opens with a dash.
    return Paragraph(spans_of(OPENING_HYPHEN.sub("\u2013", unit.text)))


def is_caption(unit: Unit, after_photo: bool, labelled: bool, heads_text: bool = False
               ) -> bool:
    """Whether one unit of text is a figure's caption (`labelled`: under its picture's
    label; `after_photo`: right under the place its picture stood; `heads_text`: over all
    the text's blocks): one pointing up to its picture, crediting it, titling a chart, dated
    under its picture, or written twice (not as a headline heading the text)."""
    return bool(labelled or pointed_caption(unit) or credited_caption(unit) or titled_figure(unit)
                or after_photo and dated_caption(unit)
                or unit.repeats >= 2 and (after_photo or not is_heading_text(unit.text)
                                          or word_count(unit.text) >= MIN_DOUBLED_CAPTION_WORDS
                                          and not (heads_text and repeated_headline(unit))
                                          # dated after a comma, as a photo is, no heading
                                          or dated_caption(unit)
                                          # a portrait's, naming whom it shows
                                          or detect(unit.text).names_someone(unit.text.strip())))


def repeated_headline(unit: Unit) -> bool:
    """Whether a line written twice is shaped as its language writes a title ("Notice of the
    2025 Annual General Meeting", in title case): over the text, the page's headline, which
    a copy doubles as it does a caption; a caption written twice describes its picture
    ("Volunteers setting the tables, October 2024"), as no title does."""
    text = unnumbered(unit.text.strip())
    return len(unit.rows) == 1 and detect(text).is_title(text)


def greeted(before: list[Block]) -> bool:
    """Whether a greeting ("Dear Friend,", "各位會員：") stands among the blocks `before`, no
    heading under it: the letter's text before any section of it follows it. Under a
    heading, a question heads a section, as in a report."""
    for block in reversed(before):
        if isinstance(block, Heading):
            return False
        if isinstance(block, Paragraph) and GREETING.fullmatch(block.text.strip()):
            return True
    return False


def bold_heading(unit: Unit) -> str:
    """The words of a line a plain text marks bold whole, shaped as a heading (`**Our
    priorities**` alone over the text, as a post or a mail heads a section): its heading's;
    "" else."""
    spans = spans_of(unit.text) if len(unit.rows) == 1 else ()
    return (spans[0].text if len(spans) == 1 and spans[0].bold and not spans[0].link
            and is_heading_text(spans[0].text) else "")


def numbered_lines(rows: tuple[str, ...]) -> bool:
    """Whether `rows` are a label's numbered lines (model.numbered_label): lines, not a
    paragraph, for run together its numbers stood in its sentence."""
    return bool(numbered_label([row.strip() for row in rows]))


def credited_caption(unit: Unit) -> bool:
    """A caption written once, as a blog's picture has it: a short block of a line or two
    whose last sentence (or line) credits the picture ("Volunteers clearing balsam at
    Coldwell Reservoir, July 2024. Photo: Sam Reid"), which no paragraph of running text
    ends with."""
    if len(unit.rows) > 2 or word_count(unit.text) > MAX_CAPTION_WORDS:
        return False
    last = unit.rows[-1] if len(unit.rows) == 2 else re.split(SENTENCE_BREAK, unit.text)[-1]
    return last != unit.text and bool(PHOTO_CREDIT.fullmatch(last.strip()))


def dated_caption(unit: Unit) -> bool:
    """A caption written once under the place its picture stood: a line whose first
    sentence ends with the picture's date after a comma (`Coring on Heptonstall Moor, May
    2023. Each core …`, `The new play area on its opening day, 14 September 2024.`), as a
    caption says when, and a paragraph's first sentence seldom does."""
    if len(unit.rows) != 1 or word_count(unit.text) > MAX_CAPTION_WORDS:
        return False
    first = re.split(SENTENCE_BREAK, unit.text)[0].rstrip(".\u3002 ")
    when = re.split(r"[,\uff0c]\s*", first)[-1]
    language = detect(when)
    return when != first and (language.is_date(when) or language.is_period(when))


def titled_figure(unit: Unit) -> bool:
    """A figure's title on a line of its own, its number apart from its words (`Figure 1:
    Visitors by month`, `Chart 2 Visitors by age group`, `圖1：每月訪客人次`): its caption, the
    chart it titled left behind where the text was copied (a sentence naming it, `Figure 1
    shows …`, is none)."""
    return (len(unit.rows) == 1 and word_count(unit.text) <= MAX_CAPTION_WORDS
            and bool(FIGURE_TITLE.match(unit.text.strip())))


OPENING_HYPHEN = re.compile(r"^-(?= \S)")
MAX_NAME_WORDS = 8  # an organisation's name in another language, beside its own
MAX_CAPTION_WORDS = 60  # a picture's caption and its credit
NUMBER_ALONE = re.compile(r"\d{1,2}|[IVXLC]{1,5}")  # a section's number on a line of its own


def spans_of(text: str) -> tuple[Span, ...]:
    """A block's text (already cleaned), its emphasis as a plain text marks it (a mail's
    `*please*`, `_Editor's note: …_`, `**never**`, round an address too: `**https://…**`),
    then its web addresses made links."""
    text = text.replace("\t", " ").strip()
    return linked(tuple(emphasised(Span(text)))) if text else ()


def emphasised(span: Span) -> list[Span]:
    """The span cut where a plain text marks emphasis as pandoc's markdown reads it: `***…***`
    bold italic, `**…**` bold, `*…*` and `_…_` italic, each mark against its words and not
    inside a word (Latin letters or figures beside it; `_` beside any letter: a file name's
    `annual_report`); a link's text is the address's, never marked, nor a mark inside an
    address."""
    if span.link or not ("*" in span.text or "_" in span.text):
        return [span]
    inside = [address.span() for address in LINK.finditer(span.text)]
    found = next((match for match in (pattern.search(span.text) for pattern in EMPHASIS)
                  if match and not any(start < edge < end for start, end in inside
                                       for edge in (match.start(), match.end() - 1))), None)
    if found is None:
        return [span]
    before, after = span.text[:found.start()], span.text[found.end():]
    mark = found.group("mark")
    inner = replace(span, text=found.group("words"), bold=span.bold or "**" in mark,
                    italic=span.italic or mark != "**")
    # The marks of another kind before it too (`*do* bring ***water***`).
    return (emphasised(replace(span, text=before)) if before else []) + emphasised(inner) + (
        emphasised(replace(span, text=after)) if after else [])


def referring(block: Block, labels: set[str], bracketed: bool = False) -> Block:
    """`block` with its `[n]` markers (or `(n)`, where the notes are `bracketed`) made
    references to the notes labelled n."""
    def made(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return with_references(spans, labels, bracketed)

    match block:
        case Paragraph():
            return Paragraph(made(block.spans))
        case Quotation():
            return Quotation(made(block.spans))
        case Figure():
            return replace(block, caption=made(block.caption))
        case List():
            return replace(block, items=tuple(
                ListItem(made(item.spans),
                         item.sublist and referring(item.sublist, labels, bracketed))
                for item in block.items))
        case Table():
            return Table(tuple(made(cell) for cell in block.header),
                         tuple(tuple(made(cell) for cell in row) for row in block.rows),
                         made(block.caption))
    return block
