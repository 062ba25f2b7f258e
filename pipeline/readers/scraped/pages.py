"""A text copied out of a laid-out document, as a PDF viewer copies its pages.

The viewer copies each page's lines as they were set, and between one page's text and the
next, the page's furniture: its folio (the page number: `4`, `Page 4 of 12`, `4 | Annual
Report 2023–24`) and its running head or foot (the publication's or the chapter's name).
So:

- folios are the lines of one shape (their figures aside) written on two pages at least,
  most of them a page's worth of lines apart (one page may be short), one of whose figures
  counts on by one from each to the next; their words name a page (`Page 4`), or a rule
  sets the figure apart; a figure alone is one where it numbers from past one or parts a
  sentence;
- a running head or foot is a short line touching a folio, written beside two folios or
  more (or beside one, and again as the text's title; or where the page parts a sentence;
  or saying what the metadata names the piece by), and wherever else the text writes it;
- both go, and the paragraph a page's end broke inside a sentence goes on over them
  (`PAGE_SEAM`); one whose sentence ended there ends there;
- in a text set in pages, a word the typesetter broke at a line's end (`inspec-` over
  `ted`) is one word again, its hyphen made a soft one (which the join of the lines drops),
  unless the word is a compound the language hyphenates (`well-` over `being`), or the
  text writes it so elsewhere; its end alone on the next line ended a block there (a
  heading's second line, `Reserves and invest-` over `ments`), and goes up to it;
- notes a page sets under its text by bare figures, called by bare figures after words,
  are labelled and called as a web page writes them (`[1]`), and go to the text's end.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from pipeline.languages import (
    DIVISION_LABEL,
    PROFILES,
    SOFT_HYPHEN,
    alternatives,
    broken_name,
    detect,
    ends_sentence,
    word_count,
)
from pipeline.readers.cleaning import CELL, clean_row
from pipeline.readers.scraped.dedupe import PAGE_SEAM, Drop
from pipeline.readers.scraped.lists import marked

FOLIO = "page number"
RUNNING_HEAD = "running head or foot"
FIGURE = re.compile(r"\d+")
MAX_FOLIO = 999  # a year's figure (`2024`) numbers no page
PAGE_WORDS = alternatives(profile.furniture.page for profile in PROFILES)
PAGE_WORD = re.compile(rf"(?<![^\W\d_])(?:{PAGE_WORDS})(?![^\W\d_])", re.IGNORECASE)
# A folio's figure set apart from the running head's words on its line by a rule, a tab (two
# spaces, as cleaning reads them), or dashes round it; a slash between figures is a year's
# range (`Annual Report 2024/25`), no rule.
RULE = r"(?:[|\u00a6\u2022\u00b7\t]|(?<!\d)/|/(?!\d))"
FIGURE_APART = re.compile(rf"^\d+\s*{RULE}|{RULE}\s*\d+$"
                          r"|^[-\u2013\u2014]\s*\d+\s*[-\u2013\u2014]$")
# A folio's figure set apart at a running head's start or end, as `key` leaves it out.
FOLIO_APART = re.compile(rf"^\d{{1,3}}\s*{RULE}\s*|\s*{RULE}\s*\d{{1,3}}$")
TIME = re.compile(r"\d:\d\d")
PAGE_OF = re.compile(rf"(?:(?:{PAGE_WORDS})\.?\s*\d+\s*(?:of|/)\s*\d+"
                     r"|第\s*\d+\s*[頁页]\s*[，,/]?\s*共\s*\d+\s*[頁页])", re.IGNORECASE)
TRAILING_FIGURE = re.compile(r"\d+$")  # a note's call ending a page's last line
LAST_FIGURE = re.compile(r"\d+(?=\D*$)")  # a folio's figure, its running head before it
# A page holds this many lines of text at least: a shape's lines closer together are a
# list's, or a table's (`Step 1`, `Step 2`), not pages'.
MIN_PAGE_LINES = 8
MAX_FURNITURE_WORDS = 12
# How far from its folio a running head stands: over or under it, a line between at most.
RUNNING_REACH = 2
# A line's end broken inside a word, and the next line's start going on with it: `inspec-`
# over `ted every one` (a hyphen after a letter, a lower-case letter after the break).
BROKEN_END = re.compile(r"(?<=[^\W\d_])-$")
WORD = re.compile(r"[^\W\d_][\w\u2019'-]*[^\W_]|[^\W\d_]")
LAST_WORD = re.compile(r"[^\W\d_][\w\u2019'-]*$")
GOING_ON = re.compile(r"([^\W\d_A-Z][\w\u2019'-]*)")
# A superior figure's run, as Unicode writes one (`¹`, `²³`), and the figures they stand for.
SUPERIOR = re.compile("[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+")
SUPERIOR_FIGURES = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
                                 "0123456789")
# A note a page sets under its text, labelled by a bare figure (its superior figure, copied):
# `1 Interest on our …`.
BARE_LABEL = re.compile(r"(\d{1,2})[ \u00a0](?=[^\W\d_]|[\u2018\u201c(])")
# A note labelled by a superior figure, read as a bare one: a Chinese note may stand right
# against it (`¹「鄰里守望」計劃…`).
RAISED_LABEL = re.compile(r"(\d{1,2})(?:[ \u00a0]|(?=[\u3007\u3400-\u9fff\u300c\u300e\uff08]))"
                          r"(?=[^\W\d_]|[\u2018\u201c(\u300c\u300e\uff08])")
# What opens a row numbered `2.1` (a section's heading, `Table 2.1`): no call after it.
NUMBERED_OPENING = re.compile(r"\s*(?:[^\W\d_]+\s)?(?:\d{1,2}\.)+")
# A figure's stop before a call (`to 19.2`): a call only where a sentence ends with it.
FIGURE_STOP = re.compile(r"\d\.$")
SENTENCE_ON = re.compile(r"\s*$|\s+[A-Z\u2018\u201c]")
# A page's notes under its text: this many lines at most, a numbered list's longer.
MAX_FOOT_ROWS = 15
HYPHEN_KEPT = "hyphen at a printed line's end, joining a compound"
HYPHEN_DROPPED = "hyphen breaking a word at a printed line's end"


def page_furniture(lines: Sequence, taken: set[int], known: tuple[str, ...] = ()
                   ) -> dict[int, str]:
    """line number -> FOLIO or RUNNING_HEAD, for the pages' furniture among `lines` (each
    with its `number` and `text`), those `taken` aside; `known`: what the metadata names the
    piece by (its title, subtitle, organisation), which a running head says."""
    shown = [(index, line.text.strip()) for index, line in enumerate(lines)
             if line.number not in taken]
    # A page's number out of the pages' ("Page 2 of 2", "第2頁，共3頁"), alone, says it is one.
    folios = {index for index, text in shown if PAGE_OF.fullmatch(text)}
    grouped = shapes(shown)
    for group in grouped.values():
        if counts_pages(group, lines, named_pages(group[0][1])) and says_folio(group, lines):
            folios.update(index for index, _ in group)
    # A book's heads alternate, its title over the left pages and the chapter's over the
    # right ones, each beside its page's figure (`THREADS OF THE COAST⇥8`, `FOREWORD⇥9`,
    # `10⇥THREADS OF THE COAST`): two shapes, whose figures count on by one together; so do
    # facing pages' feet worded apart (`24⇥Northmoor Hospitals`, `Annual Report⇥25`).
    for apart in alternating(grouped):
        if counts_pages(apart, lines, False) and says_folio(apart, lines):
            folios.update(index for index, _ in apart)
    folios |= headed_folios(shown, lines)
    if not folios:
        return {}
    found = {lines[index].number: FOLIO for index in folios}
    beside: dict[str, set[int]] = {}
    said = {key(text) for text in known if text}
    repeated = repeated_beside(lines, folios)
    for folio in sorted(folios):
        reach = furniture_beside(lines, folio, folios, repeated)
        broken = parts_page(lines, folio, reach, folios)
        for index in reach:
            beside.setdefault(key(lines[index].text), set()).add(index)
            if broken or key(lines[index].text) in said:
                found[lines[index].number] = RUNNING_HEAD
    titles = {key(line.text) for line in lines[:RUNNING_REACH + 1]}
    heads = {text for text, indices in beside.items()
             if len(indices) >= 2 or (text in titles and min(indices) > RUNNING_REACH)}
    heads |= {key(lines[index].text) for index in range(len(lines))
              if found.get(lines[index].number) == RUNNING_HEAD}
    # A running head says the same on every page, the first one's top too; there, where the
    # folios hold the publication's name, beside the section's set apart from it
    # (`Harbourside Homes Annual Report 2024/25⇥Chief Executive's report` over the text, the
    # folios `…2024/25⇥7`, `8⇥…2024/25`).
    beside_figures = {key(lines[index].text) for index in folios
                      if FOLIO_APART.search(lines[index].text.strip())}
    named = heads | beside_figures
    cover = cover_lines(lines, shown, named)
    # The words a folio's figure is set beside are its page's head wherever the text writes
    # them alone (`香港海事發展局 2023-24年報` atop the first page, over the chapter's title;
    # `…⇥42` atop the next), but for the text's cover, which the heads repeat (`Chair's
    # Statement` standing alone, then `Chair's Statement⇥15`).
    # Never a line of a paragraph's run, though a head's words (a body's line written
    # beside two folios is no head).
    found.update({line.number: RUNNING_HEAD for index, line in enumerate(lines)
                  if line.number not in found and line not in cover
                  and not in_paragraph(lines, index) and (
                      key(line.text) in heads or key(line.text) in beside_figures or (
                          line in lines[:RUNNING_REACH + 1] and "\t" in line.text.strip()
                          and not named.isdisjoint(map(key, line.text.strip().split("\t")))))})
    found.update(last_folio(lines, shown, found))
    return found


def cover_lines(lines: Sequence, shown: list[tuple[int, str]], named: set[str]) -> list:
    """The text's first lines, down to the first blank line, where each is a line of its own
    (no words set apart beside it) saying a running head's words or a part of them a rule
    sets apart: its cover, which the heads repeat (`Harrowdale Moorland Trust` over `Annual
    Review 2023–24`, the heads `Harrowdale Moorland Trust | Annual Review 2023–24` and
    `Annual Review 2023–24`; a title alone, `Chair's Statement`, then `Chair's
    Statement⇥15`); or opened by a division's label alone, over the chapter's title that
    the heads say (`Chapter 3` over `Water Quality in the Wessmoor Catchment`). None where
    a line no head says is among them otherwise: a running head over the chapter's title, no
    blank line between, is the page's."""
    if not shown:
        return []
    start = end = shown[0][0]
    while end + 1 < len(lines) and lines[end + 1].number == lines[end].number + 1:
        end += 1
    cover = lines[start:end + 1]
    return cover if DIVISION_LABEL.fullmatch(cover[0].text.strip()) or all(
        "\t" not in line.text.strip() and said_in(key(line.text), named)
        for line in cover) else []


def said_in(text: str, heads: set[str]) -> bool:
    """Whether `text` is a head's words, or a part of them a rule sets apart."""
    return any(text in {head, *(part.strip() for part in re.split(RULE, head))}
               for head in heads)


def headed_folios(shown: list[tuple[int, str]], lines: Sequence) -> set[int]:
    """The lines of a running head beside its folio's figure, set apart (`香港海事發展局
    2023-24年報⇥42`), whose words the text writes alone as well (the first page's head, its
    folio not printed there): folios, however few pages the copy holds. A table's row, a
    cell gap over or under it, is none."""
    alone = {key(text) for _, text in shown
             if not FOLIO_APART.search(text) and furniture_shaped(text)}
    return {index for index, text in shown
            if FOLIO_APART.search(text) and furniture_shaped(text) and key(text) in alone
            and not any(CELL in lines[at].text.strip() for at in (index - 1, index + 1)
                        if 0 <= at < len(lines)
                        and abs(lines[at].number - lines[index].number) == 1)}


def alternating(grouped: dict[str, list[tuple[int, str]]]
                ) -> Iterator[list[tuple[int, str]]]:
    """The lines of the shapes whose figure a rule sets apart, taken together where they
    are more than one shape, and each two shapes whose lines take turns (left and right
    pages'), in the text's order: what may be two kinds of page counting on together. A
    table's rows, their last figures set apart by a tab, spoil the first and take no turns."""
    apart = [group for group in grouped.values() if FIGURE_APART.search(group[0][1])]
    together = sorted(line for group in apart for line in group)
    if len(apart) > 1:
        yield together
    # A pair is two kinds of page only where one kind comes again, and each line is words
    # and a figure: a table's rows, each a label and figures, each row a shape of its own,
    # are no pages however a column's counts run on (`Ingleton⇥383⇥11`, rows later
    # `Northgate⇥291⇥12`, are no two pages' folios).
    paired = [group for group in apart if all(len(CELLS.split(text)) <= 2 for _, text in group)]
    for left, right in itertools.combinations(paired, 2):
        pair = sorted(left + right)
        sides = [shape_of(text) for _, text in pair]
        if (len(apart) > 2 and len(pair) > 2
                and all(one != other for one, other in itertools.pairwise(sides))):
            yield pair


# What parts a copied line's cells: a tab, or a run of spaces.
CELLS = re.compile(r"\t+| {2,}")


def last_folio(lines: Sequence, shown: list[tuple[int, str]], found: dict[int, str]
               ) -> dict[int, str]:
    """The last page's folio, a figure alone ending the text: the number of the last page
    found, or of the page after it (its foot under its notes, `18` on the page whose head
    says 18). Alone it counts no pages, as the folios found do."""
    if not shown or not FIGURE.fullmatch(shown[-1][1]):
        return {}
    index, text = shown[-1]
    pages = [int(figure.group()) for number, kind in found.items() if kind == FOLIO
             for figure in [LAST_FIGURE.search(lines_text(lines, number))] if figure]
    return ({lines[index].number: FOLIO}
            if pages and lines[index].number not in found
            and int(text) in (max(pages), max(pages) + 1) else {})


def lines_text(lines: Sequence, number: int) -> str:
    return next(line.text for line in lines if line.number == number).strip()


def furniture_beside(lines: Sequence, folio: int, folios: set[int],
                     repeated: frozenset[str] = frozenset()) -> list[int]:
    """The short lines touching a folio, over and under it, RUNNING_REACH at most each way:
    no line of text between them and it; and those `repeated` beside folios. A short line
    over the folio that goes on with the sentence of the line over it (`million,` over
    `while the shop …`) is the page's last line of text, however short."""
    found = []
    for step in (-1, 1):
        index = folio + step
        while (0 <= index < len(lines) and abs(index - folio) <= RUNNING_REACH
               and index not in folios and (furniture_shaped(lines[index].text)
                                            or key(lines[index].text) in repeated)
               and not (step < 0 and (goes_on(lines, index)
                                      or ends_page_text(lines, index, folio)))
               and not (step > 0 and opens_page_text(lines, index, folio))):
            found.append(index)
            index += step
    return sorted(found)


def ends_page_text(lines: Sequence, index: int, folio: int) -> bool:
    """Whether line `index`, over a folio, is its page's last line of text: the paragraph
    it opens (a blank line over it, the text over that ending its sentence) goes on in lower
    case on the next page (`…field centre, many` over the folio, `of them visiting …` under
    the head); no foot is a paragraph's start."""
    over = lines[index - 1] if index > 0 else None
    return (not ends_sentence(lines[index].text.strip())
            and (over is None or over.number < lines[index].number - 1
                 and ends_sentence(over.text.strip()))
            and any(line.text.strip()[:1].islower()
                    for line in lines[folio + 1:folio + RUNNING_REACH + 1]))


def opens_page_text(lines: Sequence, index: int, folio: int) -> bool:
    """Whether line `index`, under a folio, is its page's first line of text, the line under
    it going on with its sentence: a line between it and the folio (the head), or the line
    over the folio ending its sentence there. Right under the folio, where a sentence runs
    on over it, it is the head (`…We`, the folio, `Annual Review 2023–24`, `remain …`)."""
    if index + 1 >= len(lines) or not goes_on(lines, index + 1):
        return False
    return index - folio > 1 or folio == 0 or ends_sentence(lines[folio - 1].text.strip())


def repeated_beside(lines: Sequence, folios: set[int]) -> frozenset[str]:
    """The lines too long for furniture that touch two folios or more, each time the same,
    ending no sentence, in a language whose words no spaces part (counted by its characters,
    a company's full name is many words): a long running head
    (`深圳前海澄明新能源科技股份有限公司 2024年度环境、社会及管治（ESG）报告`)."""
    touching: dict[str, set[int]] = {}
    for folio in folios:
        for index in (folio - 1, folio + 1):
            text = lines[index].text.strip() if 0 <= index < len(lines) else ""
            if (index not in folios and text and not ends_sentence(text)
                    and not detect(text).words_spaced
                    and word_count(text) <= 2 * MAX_FURNITURE_WORDS):
                touching.setdefault(key(text), set()).add(folio)
    return frozenset(text for text, beside in touching.items() if len(beside) >= 2)


def in_paragraph(lines: Sequence, index: int) -> bool:
    """Whether line `index` is one of a paragraph's run of lines: it goes on with the
    sentence of the line over it, or opens a sentence (the line over it ending one) that
    the line under it goes on with."""
    over = lines[index - 1].text.strip() if index > 0 else ""
    return goes_on(lines, index) or (index + 1 < len(lines) and goes_on(lines, index + 1)
                                     and (not over or ends_sentence(over)))


def goes_on(lines: Sequence, index: int) -> bool:
    """Whether line `index` goes on in lower case with the sentence of the line right over
    it (no blank line between)."""
    over = lines[index - 1] if index > 0 else None
    return (over is not None and over.number == lines[index].number - 1
            and lines[index].text.strip()[:1].islower() and not ends_sentence(over.text.strip()))


def key(text: str) -> str:
    """What a running head says, however its page sets it: with or without the folio's
    figure set apart before or after it (`8 | Port Authority | Annual Report 2024` on one
    page, `Port Authority | Annual Report 2024` on the next, its folio in its head)."""
    return " ".join(FOLIO_APART.sub("", text.strip()).split()).casefold()


def parts_page(lines: Sequence, folio: int, furniture: list[int], folios: set[int]) -> bool:
    """Whether the page a folio ends parts a sentence: the line of text over its furniture
    ends none, and so runs on over the furniture to the next page's first line."""
    over = next((index for index in range(folio - 1, -1, -1)
                 if index not in furniture and index not in folios), None)
    return over is not None and not furniture_shaped(lines[over].text) and not ends_sentence(
        TRAILING_FIGURE.sub("", lines[over].text))


def shapes(shown: list[tuple[int, str]]) -> dict[str, list[tuple[int, str]]]:
    """The short lines holding a figure, by their shape: their words, each figure a `#`. A
    date or a time (a comment's stamp, `March 13, 2024 at 9:14 am`) numbers no page; but a
    figure set apart after a magazine's issue may (`THE LANTERN · Spring 2025`, a run of
    spaces, `2`)."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    for index, text in shown:
        if (FIGURE.search(text) and furniture_shaped(text) and not TIME.search(text)
                and (not detect(text).date_in(text) or FIGURE_APART.search(text))):
            grouped.setdefault(shape_of(text), []).append((index, text))
    return grouped


def shape_of(text: str) -> str:
    """A furniture line's shape: its words, each figure a `#`, the figure set apart first, and
    however much space parts the rule from them (`ANNUAL REPORT 2023–24⇥3` on a right page,
    `4⇥ANNUAL REPORT 2023–24` on a left one: one shape)."""
    return FIGURE.sub("#", RULE_SPACED.sub(r"\1", folio_first(text).casefold()))


RULE_SPACED = re.compile(r"\s*([|\u00a6\u2022\u00b7/\t])\s*")


# A folio's figure after its running head, a rule between (`Annual Report 2023–24 | 17`).
FOLIO_LAST = re.compile(rf"(?P<words>.*\S)\s*(?P<rule>{RULE})\s*(?P<figure>\d+)")


def folio_first(text: str) -> str:
    """A line of a folio's figure set apart after its words, written with the figure first:
    facing pages mirror their furniture (`16 | Annual Report 2023–24` on the left page,
    `Annual Report 2023–24 | 17` on the right), one shape counting the pages on."""
    found = FOLIO_LAST.fullmatch(text)
    return f"{found['figure']} {found['rule']} {found['words']}" if found else text


def facing(upper: str, lower: str) -> bool:
    """Whether two lines counting on are facing pages' furniture, one page's foot right over
    the next one's head: mirrored (`FOLIO_LAST`), or worded apart (the left pages' words and
    the right ones')."""
    return (bool(FOLIO_LAST.fullmatch(upper)) != bool(FOLIO_LAST.fullmatch(lower))
            or shape_of(upper) != shape_of(lower))


def furniture_shaped(text: str) -> bool:
    """A short line ending no sentence: in a language whose words no spaces part, its
    characters counted two to a word."""
    text = text.strip()
    return bool(text) and word_count(text) <= MAX_FURNITURE_WORDS and not ends_sentence(text)


def counts_pages(group: list[tuple[int, str]], lines: Sequence, named: bool) -> bool:
    """Whether the lines of one shape (indices into `lines`) are pages' folios: two at least,
    most of them a page apart (lines that are `named` pages, `Page 4`, at any distance), one
    of their figures counting on by one from each line to the next."""
    # Facing pages' furniture may touch, one page's foot over the next one's head.
    gaps = [printed_lines(lines[earlier + 1:later]) + 1
            for (earlier, upper), (later, lower) in itertools.pairwise(group)
            if later - earlier > 1 or not facing(upper, lower)]
    # One page may be short: the last, or the first of a copy begun mid-page.
    if not gaps or min(gaps) < 2 or not named and 2 * sum(
            gap >= MIN_PAGE_LINES for gap in gaps) < len(gaps):
        return False
    figures = [[int(figure) for figure in FIGURE.findall(folio_first(text))] for _, text in group]
    return any(all(after[place] - before[place] == 1 and after[place] <= MAX_FOLIO
                   for before, after in itertools.pairwise(figures))
               for place in range(min(map(len, figures))))


def printed_lines(lines: Sequence) -> int:
    """How many lines of a page `lines` fill: a paragraph a viewer copied as one line fills
    as many as its measure sets it in (`Measure.most` characters a line)."""
    return sum(max(1, -(-len(line.text.strip()) // detect(line.text).measure.most))
               for line in lines)


def says_folio(group: list[tuple[int, str]], lines: Sequence) -> bool:
    """Whether lines of one shape counting on are folios, not a list's numbers or sections'
    (`Chapter 2`, `Step 3`): their words name a page (`Page 4 of 12`, `第4頁`), or a rule
    sets the figure apart from them (`4 | Annual Report 2023–24`, `– 4 –`); a figure alone
    is one where it numbers from past one, or parts a sentence the next page goes on with."""
    first = group[0][1]
    if not FIGURE.fullmatch(first):
        return named_pages(first) or bool(FIGURE_APART.search(first))
    return int(first) > 1 or any(parts_sentence(lines, index) for index, _ in group)


def named_pages(text: str) -> bool:
    """Whether a folio's words name a page: `Page 4 of 12`, `第4頁`."""
    return bool(PAGE_WORD.search(text))


def parts_sentence(lines: Sequence, index: int) -> bool:
    """Whether the text before line `index` (a line or two of furniture aside) ends inside
    a sentence, and the text after it goes on in lower case."""
    before = [line.text for line in lines[max(0, index - RUNNING_REACH):index]]
    after = [line.text.strip() for line in lines[index + 1:index + 1 + RUNNING_REACH]]
    return (any(text[:1].islower() for text in after)
            and any(not ends_sentence(text) and not furniture_shaped(text) for text in before))


def rejoined_words(text: str, typeset: bool) -> tuple[str, list[Drop]]:
    """The text with the hyphen ending each line that breaks a word a soft one (SOFT_HYPHEN,
    which the lines' join drops), where the text was `typeset` in pages and the word is no
    compound; and a drop listing each such hyphen, dropped or kept."""
    if not typeset:
        return text, []
    rows = text.split("\n")
    # Every word the text writes whole on a line, hyphened ones too, looked up once each.
    said = frozenset(WORD.findall(" ".join(rows).casefold()))
    drops = []
    for index, row in enumerate(rows):
        if not BROKEN_END.search(row):
            continue
        following = next((at for at in range(index + 1, len(rows)) if rows[at] != PAGE_SEAM), None)
        going_on = GOING_ON.match(rows[following]) if following is not None else None
        if going_on is None:
            continue
        head, tail = LAST_WORD.search(row[:-1]).group(), going_on.group(1)
        # An address's or a file name's own hyphen: a typesetter breaks one after it, and
        # adds none.
        kept = broken_name(row, rows[following]) or keeps_hyphen(head, tail, said)
        if following == index + 1 and not WORD.search(rows[following][going_on.end():]):
            # The word's end alone on the next line (`Reserves and invest-` over `ments`):
            # that line ended its block, a heading's or a paragraph's last; the word goes
            # up whole, and the block ends there, as a blank line would say.
            rows[index] = (row if kept else row[:-1]) + rows[following].strip()
            rows[following] = ""
        elif not kept:
            rows[index] = row[:-1] + SOFT_HYPHEN
        drops.append(Drop(f"{head}-{tail}", (index + 1, following + 1),
                          HYPHEN_KEPT if kept else HYPHEN_DROPPED))
    return "\n".join(rows), drops


def forms(word: str) -> set[str]:
    """A word and its plural or singular, as a text may write it elsewhere."""
    return {word, word + "s", word.removesuffix("s")}


def keeps_hyphen(head: str, tail: str, said: frozenset[str]) -> bool:
    """Whether the hyphen a typesetter's line ends between `head` and `tail` is the word's
    own: the text writes the word so elsewhere (`said`: its words, folded), not whole; or it
    is a compound its language hyphenates (`self-assessment`, `community-led`, a compound
    of three or more words: `ship-to-` over `shore`). A compound's last part broken where
    the text writes it whole (`well-estab-` over `lished`) loses the hyphen."""
    last = head.rsplit("-", 1)[-1]
    if not said.isdisjoint(forms((head + tail).casefold()) | forms((last + tail).casefold())):
        return False
    if not said.isdisjoint(forms(f"{head}-{tail}".casefold())):
        return True
    return detect(f"{head} {tail}").compound(head, tail)


def seams_closed(rows: list[str]) -> list[str]:
    """The rows with the blank rows round a page's furniture (PAGE_SEAM) made part of the
    seam where the paragraph the page's end broke goes on after it: the lines before end
    inside a sentence, two of them at least (a paragraph's, no heading's), and the text after
    goes on, in lower case, or in a script of no case no item or numbered heading opening it
    (`…節省約3,600萬元。此` over the running head and folio, over `外，本局亦…`)."""
    closed = list(rows)
    for start, end in seam_runs(rows):
        before, after = rows[start - 1].strip(), rows[end].strip()
        if (start < 2 or not rows[start - 2].strip() or ends_sentence(before)
                or marked(after) or not (after[:1].islower() or (
                    not after[:1].isupper() and not detect(after).words_spaced))):
            continue
        closed[start:end] = [PAGE_SEAM] * (end - start)
    return closed


def seam_runs(rows: list[str]) -> Iterator[tuple[int, int]]:
    """Each run of blank rows and page seams holding a seam and a blank row, text on either
    side: its start and end."""
    start = None
    for index, row in enumerate(rows):
        if row in ("", PAGE_SEAM) or not row.strip():
            start = index if start is None else start
            continue
        if start is not None and start > 0 and PAGE_SEAM in rows[start:index] and any(
                not each.strip() for each in rows[start:index]):
            yield start, index
        start = None


def bracketed_notes(text: str) -> tuple[str, list[int]]:
    """The text with its notes' calls and labels written `[1]` (`figures_bracketed`); notes
    called and labelled with superior figures (`48,000 calls.¹` over `¹ Calls answered …`,
    as a page sets them in Unicode) are read as bare figures are, where every superior figure
    of the text is a call or a label (`m²` is neither, and leaves the text as it was)."""
    bracketed, numbers = figures_bracketed(text)
    superiors = SUPERIOR.findall(text)
    if bracketed != text or not superiors:
        return bracketed, numbers
    read, read_numbers = figures_bracketed(text.translate(SUPERIOR_FIGURES), raised=True)
    notes = len(re.findall(r"^\[\d{1,2}\] ", read, re.MULTILINE))
    return (read, read_numbers) if notes and 2 * notes == len(superiors) else (text, numbers)


def figures_bracketed(text: str, raised: bool = False) -> tuple[str, list[int]]:
    """The text with the notes a page sets under it by bare figures (`1 Interest on …`, as a
    viewer copies a superior figure) labelled `[1]`, and each one's call in the text above
    (`a third.1`, `million2`) written `[1]` after its word, as a web page writes them
    (notes.py); and the source's number of each of its rows. Notes at the foot of a page
    (over the seam its furniture left) go to the text's end, their rows keeping their
    numbers, the paragraph the page broke running on over their place. So only where the
    notes, numbered on from 1, each stand at a page's foot or the text's end, and the text
    calls each in turn, after a word or a mark that ends one; else the text is left as it
    was: a figure after a word is no call unless a note answers it. Figures that were
    `raised` (superior figures, read as bare ones) call after any letter, a Chinese
    character's too, or a percentage (`下降12.4%¹`, `转型风险²`)."""
    rows = text.split("\n")
    numbers = list(range(1, len(rows) + 1))
    labelled = RAISED_LABEL if raised else BARE_LABEL
    groups = foot_notes(rows, labelled)
    if not groups:
        return text, numbers
    held = {index for start, end in groups for index in range(start, end)}
    labels = [index for index in sorted(held) if labelled.match(rows[index])]
    calls: list[tuple[int, re.Match]] = []
    place = (0, 0)
    for number, label in enumerate(labels, 1):
        found = next_call(rows, label, number, place, held, raised)
        if found is None:
            return text, numbers
        calls.append(found)
        place = (found[0], found[1].end())
    for index, call in reversed(calls):
        # Cleaning took the call's figure for a count of the word after it (`2019.1
        # Attendance`), binding them by a no-break space: a call binds nothing after it.
        after = re.sub("^\u00a0", " ", rows[index][call.end():])
        rows[index] = f"{rows[index][:call.start()]}[{call.group()}]{after}"
    for index in {index for index, _ in calls}:
        # Cleaned again, the word before a call a word (`per cent4`: `per\u00a0cent[4]`), as
        # the draft and the marked-up form, which write the call apart, read it back.
        rows[index] = recleaned(rows[index])
    for index in labels:
        rows[index] = labelled.sub(r"[\1] ", rows[index], count=1)
    # The last notes, where no page's furniture follows them, stand at the text's end
    # already: kept in place, before what follows them (notes a symbol labels, `* …`).
    last_start, last_end = groups[-1]
    ending = range(last_start, last_end) if PAGE_SEAM not in rows[last_end:] else range(0)
    moving = held.difference(ending)
    notes = [(numbers[index], rows[index]) for index in sorted(moving) if rows[index].strip()]
    kept = [(number, PAGE_SEAM if index in moving else row)
            for index, (number, row) in enumerate(zip(numbers, rows, strict=True))]
    # The paragraph the page broke runs on over their place, as over its furniture.
    kept = list(zip([number for number, _ in kept], seams_closed([row for _, row in kept]),
                    strict=True))
    at = ending.start if ending else len(kept)
    moved = [*kept[:at], *([(0, ""), *notes] if notes else []), *kept[at:]]
    return "\n".join(row for _, row in moved), [number for number, _ in moved]


def recleaned(row: str) -> str:
    """A row cleaned again, its indentation (a list item's depth) kept."""
    indent = row[:len(row) - len(row.lstrip(" "))]
    return indent + clean_row(row)


def foot_notes(rows: list[str], labelled: re.Pattern = BARE_LABEL) -> list[tuple[int, int]]:
    """The rows of the notes standing at each page's foot or at the text's end, from and to:
    a row `labelled` with the next note's number, 1 first, and the rows under it to the
    notes' end (`notes_end`), its other labels numbering on, MAX_FOOT_ROWS at most."""
    groups: list[tuple[int, int]] = []
    expected, index = 1, 0
    while index < len(rows):
        label = labelled.match(rows[index])
        if label is None or int(label[1]) != expected:
            index += 1
            continue
        end = notes_end(rows, index, labelled)
        zone = [row for row in rows[index:end] if row.strip()]
        numbered = [int(found[1]) for row in zone if (found := labelled.match(row))]
        if len(zone) > MAX_FOOT_ROWS or numbered != list(range(expected, expected + len(numbered))):
            index += 1
            continue
        groups.append((index, end))
        expected, index = expected + len(numbered), end
    return groups


def notes_end(rows: list[str], start: int, labelled: re.Pattern) -> int:
    """Where the notes from row `start` end: at the page's seam, the text's end, or the first
    row after a note's sentence ended that no note's figure labels (the next page's heading
    or text, the page's furniture between lost or left unread, `18⇥Annual Report 2024` over
    `3.3 Storm overflows`); a note's second line goes on with its sentence."""
    ended = False
    for at in range(start, len(rows)):
        row = rows[at].strip()
        if rows[at] == PAGE_SEAM or row and ended and not labelled.match(rows[at]):
            return at
        ended = ends_sentence(row) if row else ended
    return len(rows)


def next_call(rows: list[str], end: int, number: int, place: tuple[int, int],
              notes: set[int], raised: bool = False) -> tuple[int, re.Match] | None:
    """Where note `number` is called after `place` (a row and a column) in rows before
    `end`, the `notes`' rows aside: its figure after a word's last letter (a small one: `CO2`
    is a formula) or a mark closing a sentence or a clause, perhaps with a closing quote
    (`observation.”4`, `a leaf”.3`), never inside a figure (`19.2 days`), though a figure
    may end a sentence before a call (`to 19.2`, its row or sentence ending there)."""
    # A raised figure may follow a Chinese stop or comma too, and a Chinese word may follow
    # it (`…篇。¹研究…`): no figure a Chinese text runs into.
    after_any = (r"|(?<=[^\W\d_])|(?<=%)"
                 r"|(?<=[^\W\d_][\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u300d\uff09])"
                 if raised else "")
    running_on = r"[^\W\u3400-\u9fff]" if raised else r"\w"
    call = re.compile(rf"(?:(?<=[a-z\u00df-\u00ff]){after_any}"
                      rf"|(?<=[^\W\d_][.,;:!?)\u2019\u201d])"
                      rf"|(?<=[^\W\d_][.,;:!?][\u2019\u201d)])"
                      rf"|(?<=[^\W\d_][\u2019\u201d)][.,;:!?])"
                      rf"|(?<=\d\.)){number}(?!{running_on}|\u00b7)")
    for index in (at for at in range(place[0], end) if at not in notes):
        for found in call.finditer(rows[index], place[1] if index == place[0] else 0):
            if NUMBERED_OPENING.fullmatch(rows[index][:found.start()]):
                continue  # a section's or a table's number: `2.1 The repairs service`
            if (not FIGURE_STOP.search(rows[index][:found.start()])
                    or SENTENCE_ON.match(rows[index][found.end():])):
                return index, found
    return None
