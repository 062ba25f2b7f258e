"""The document model: what every reader produces and every writer consumes.

Nothing here knows where the text came from (raw web text, marked-up text or an
edited DOCX) nor which output it goes to. What every output says alike belongs here: a
figure's alternative text when the metadata gives none, the order of a byline's parts.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from pipeline.addresses import shows_address
from pipeline.errors import PipelineError
from pipeline.languages import (
    ATTRIBUTION,
    DEFAULT,
    NUMERALS,
    TABLE_TOTAL,
    Profile,
    detect,
    is_speech_rubric,
    opening_language,
    profile_for,
    scripts,
)
from pipeline.list_numbers import CIRCLED_STYLE, bullet, numeral

T = TypeVar("T")

# Outputs carry no clock time: a document without a date is dated at this fixed epoch.
EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


# Where a span stands against the line: on it (""), raised or lowered ("10⁶", "CO₂").
POSITIONS = ("", "superscript", "subscript")


@dataclass(frozen=True)
class Span:
    """A run of inline text with one set of emphasis, set on, above or below the line,
    perhaps underlined or in small capitals, and perhaps a link's text."""

    text: str
    bold: bool = False
    italic: bool = False
    note: str = ""  # set: this span is the reference to the note of that label; text is its mark
    position: str = ""  # one of POSITIONS
    link: str = ""  # set: the span is (part of) the text of a link to this address
    # Text semantics pandoc carries too (its Underline and SmallCaps): a proper name's
    # underline in Chinese (專名號), a title's; an acronym or a name set in small capitals.
    underline: bool = False
    small_caps: bool = False
    # Set: the language (its tag, "fr", "fr-CA") the author says this phrase is in, where it
    # is not the document's (pandoc's "[texte]{lang=fr}"): spoken and tagged so.
    language: str = ""

    @property
    def formatting(self) -> tuple[bool, bool, str, str, bool, bool, str]:
        """All a span is besides its text and note: spans alike in it may be joined."""
        return (self.bold, self.italic, self.position, self.link, self.underline,
                self.small_caps, self.language)


def plain(spans: tuple[Span, ...]) -> str:
    return "".join(span.text for span in spans)


def cut(spans: tuple[Span, ...], length: int) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """`spans` cut after their first `length` characters: the spans before, and after."""
    before: list[Span] = []
    for number, span in enumerate(spans):
        if length <= 0:
            return tuple(before), spans[number:]
        if len(span.text) > length:
            return ((*before, replace(span, text=span.text[:length])),
                    (replace(span, text=span.text[length:]), *spans[number + 1:]))
        before.append(span)
        length -= len(span.text)
    return tuple(before), ()


def phrased(text: str, phrases: tuple[Span, ...]) -> tuple[Span, ...]:
    """`text` in runs, each of `phrases` it holds (in order, each after the one before) a run
    in its language: a heading's, the title's or the byline's, whose phrases a text of
    their own gives."""
    result, position = [], 0
    for phrase in phrases:
        start = text.find(phrase.text, position)
        if start < 0 or not phrase.text:
            continue
        result += [Span(text[position:start])] * (start > position) + [phrase]
        position = start + len(phrase.text)
    return tuple(result + [Span(text[position:])] * (position < len(text)))


# What a link may lead to: a web page, a mail or a telephone number (its figures, a leading
# +, and the hyphens, dots, spaces and brackets it is written with; nothing a dialler could
# be made to act on). Any other address (javascript:, file:, a path with no scheme, which a
# renderer resolves against the project's folder) would run or open something on the
# reader's machine.
# A year or a span of years, as a table's first column labels its rows by them.
PERIOD = re.compile(r"(?:FY ?)?(?:19|20)\d\d(?: ?[-\u2013/] ?(?:(?:19|20)?\d\d))?"
                    r"(?:年度?)?")
LINKABLE = re.compile(r"(?i:https?://|mailto:)[^\s]|(?i:tel:)\+?[\d ().-]*\d[\d ().-]*\Z")
# The schemes an address is told without: a mail's and a telephone's say what they are.
SHOWN_BARE = re.compile(r"\A(?i:mailto:|tel:)")


def linkable(address: str) -> bool:
    """Whether a link may lead to `address`: every reader asks it of each link it reads, and
    every writer of each it writes."""
    return LINKABLE.match(address) is not None


def shown_address(address: str) -> str:
    """An address as a reader is told it: a mail's or a telephone number's without its
    scheme."""
    return SHOWN_BARE.sub("", address)


def link_runs(spans: tuple[Span, ...]) -> list[tuple[str, tuple[Span, ...]]]:
    """The spans in runs of one link (or of none): a link's text may be of several spans."""
    return runs(spans, lambda span: span.link)


def runs(spans: tuple[Span, ...],
         value_of: Callable[[Span], T]) -> list[tuple[T, tuple[Span, ...]]]:
    """The spans in runs of one value of `value_of` (a link, an underline)."""
    found: list[tuple[T, list[Span]]] = []
    for span in spans:
        value = value_of(span)
        if found and found[-1][0] == value:
            found[-1][1].append(span)
        else:
            found.append((value, [span]))
    return [(value, tuple(run)) for value, run in found]


@dataclass(frozen=True)
class Byline:
    name: str
    honours: tuple[str, ...] = ()
    role: str = ""
    # Each phrase of it whose language its author gave (a role in French): its text and
    # language, as a Span; else none.
    phrases: tuple[Span, ...] = ()
    # The honours written after the name with spaces ("Ann LEE CBE FRSE"), as the author
    # wrote them, not between commas ("Ann LEE, CBE, FRSE").
    honours_spaced: bool = False
    # The byline again in the page's other language, as a bilingual page writes it under
    # the first (`President Ho Weng Ian` under `會長 何詠恩`), kept as written; "" for none.
    parallel: str = ""

    @property
    def text(self) -> str:
        """The byline on one line, in the order its language writes it."""
        return detect(self.name).byline_text(self.name, self.honours, self.role,
                                             self.honours_spaced)

    @property
    def runs(self) -> tuple[Span, ...]:
        """The byline on one line in runs, each phrase of a language given one; its parallel
        after it, a space between (front_matter.parse_byline parts them again)."""
        own = phrased(self.text, self.phrases)
        return (*own, Span(f" {self.parallel}")) if self.parallel else own

    @property
    def separated_honours(self) -> tuple[tuple[str, str], ...]:
        """Each honour with what stands before it after the name, as its language writes it
        (", OBE"; "太平紳士" straight after a Chinese name)."""
        return tuple(zip(detect(self.name).honour_separators(self.honours, self.honours_spaced),
                         self.honours, strict=True))

    @property
    def role_first(self) -> bool:
        """Its language writes the role before the name (Chinese)."""
        return detect(self.name).role_first


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    # Its text in runs where its author gave a phrase of it a language (pandoc's
    # "# Works and [les travaux]{lang=fr}"), which it is spoken and tagged in; else none.
    spans: tuple[Span, ...] = ()

    @property
    def runs(self) -> tuple[Span, ...]:
        """Its text in runs of one language given (or none)."""
        return self.spans or (Span(self.text),)

    @property
    def anchor(self) -> str:
        return slug(self.text)


def unskipped(blocks: list[Block]) -> list[Block]:
    """The blocks with each heading at most one level below the heading before it, the first
    at level 1, whichever level a source gives it (an editor's *Heading 2* under no Heading
    1): the tagged editions' headings may skip no level (PDF/UA-1, ISO 14289-1, 7.4.2;
    Matterhorn 14-003), and the bookmarks and the draft nest as the tags do. A heading's
    siblings (its level given again, no shallower heading between) share the level it was
    set at: `2.1` lifted to level 1 over `2.2`, both are."""
    result, previous = [], 0
    sibling_levels: dict[int, int] = {}  # a level given -> the level it was set at
    for block in blocks:
        if isinstance(block, Heading):
            level = sibling_levels.get(block.level, min(block.level, previous + 1))
            sibling_levels = {given: set_at for given, set_at in sibling_levels.items()
                              if given < block.level} | {block.level: level}
            block = replace(block, level=level)
            previous = level
        result.append(block)
    return result


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return plain(self.spans)


@dataclass(frozen=True)
class Quotation:
    """A displayed quotation: words quoted at length, set apart from the text (a
    blockquote), one paragraph of them."""

    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return plain(self.spans)


@dataclass(frozen=True)
class Figure:
    """A photo's place in the text: its caption, and its image when one is named."""

    number: int
    caption: tuple[Span, ...]
    image: str | None = None  # path relative to source/
    alt: str | None = None

    @property
    def text(self) -> str:
        return plain(self.caption)

    def alternative_text(self, language: str) -> str:
        """The metadata's alternative text; without one, a short one in the document's
        `language` that leaves the description to the caption a reader meets next, rather
        than the caption again."""
        return self.alt or profile_for(language).reader_words.alt

    def to_come(self, language: str) -> str:
        """What a print proof says in the box kept for a picture not yet supplied."""
        return profile_for(language).reader_words.to_come.format(number=self.number)


@dataclass(frozen=True)
class ListItem:
    spans: tuple[Span, ...]
    sublist: List | None = None  # nested in the item: a list of its own, to any depth

    @property
    def text(self) -> str:
        return plain(self.spans)


# CSS's names for the numbering of a list; "bullet" for a bulleted one; a language's own
# numerals ("trad-chinese-informal") after those every language shares.
LIST_STYLES = ("bullet", "decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman",
               CIRCLED_STYLE, *(numerals.style for numerals in NUMERALS))
# How a list's numbers may be written besides the style's usual way ("1.", "a.", "一、"): the
# marker with "%" for the number, as Word's level text has it: (a), 1), （一）, 1、 (a figure
# before the ideographic comma, as Chinese texts number their items), and the number bare (a
# compound list's "1.1", written with no full stop after its own number).
MARKERS = ("", "(%)", "%)", "\uff08%\uff09", "%\u3001", "%")


@dataclass(frozen=True)
class List:
    """A bulleted or numbered list: its items, and how they are marked."""

    items: tuple[ListItem, ...]
    style: str = "bullet"  # one of LIST_STYLES
    start: int = 1
    # One of MARKERS: "" the style's usual one; a bulleted list's, the pictograph its author
    # bulleted it with (✅, 👉, ➤), which carries a meaning (done, to do) the editions keep.
    marker: str = ""
    # Numbered after the items it is nested in, parted by full stops: 1.1., 1.2. (Word's
    # "%1.%2." outline numbering).
    compound: bool = False

    @property
    def numbered(self) -> bool:
        return self.style != "bullet"

    @property
    def affixes(self) -> tuple[str, str]:
        """What stands before each number and after it: ("", ".") for 1., ("(", ")") for (a),
        ("", "、") for 一、."""
        if self.marker:
            before, _, after = self.marker.partition("%")
            return before, after
        if self.style == CIRCLED_STYLE:
            return "", ""  # the circle is the mark: ①, not ①.
        return "", next((numerals.suffix for numerals in NUMERALS
                         if numerals.style == self.style), ".")

    def numbers(self, parents: tuple[str, ...] = ()) -> list[str]:
        """Each item's number as the editions print it, its affixes included ("3.", "(c)",
        "2.1." in a compound list nested in item 2: `parents`, the numbers of the items it is
        nested in, outermost first); "" for a bullet."""
        if not self.numbered:
            return [""] * len(self.items)
        before, after = self.affixes
        path = "".join(f"{number}." for number in parents) if self.compound else ""
        return [f"{before}{path}{numeral(self.style, number)}{after}"
                for number in range(self.start, self.start + len(self.items))]

    def own_numbers(self) -> list[str]:
        """The own number, without affixes ("3", "c"), of each item a list is nested in, as
        that list counts its parents; "" for the others and for a bullet's."""
        if not self.numbered:
            return [""] * len(self.items)
        return [numeral(self.style, number) if item.sublist else ""
                for number, item in enumerate(self.items, self.start)]

    @property
    def texts(self) -> list[str]:
        """Each item's text, a nested list's items following their parent's."""
        return [item.text for _, item in self.labelled()]

    def labels(self, depth: int = 0, parents: tuple[str, ...] = ()) -> list[str]:
        """Each of its own items' labels as the editions print them ("3.", "(c)", "2.1.", its
        level's bullet); `depth` and `parents` as the list is nested."""
        if self.numbered:
            return self.numbers(parents)
        return [self.marker or bullet(depth)] * len(self.items)

    @property
    def bullets(self) -> set[str]:
        """The pictographs it and the lists nested in it are bulleted with (✅)."""
        nested = (item.sublist.bullets for item in self.items if item.sublist is not None)
        own = {self.marker} if self.marker and not self.numbered else set()
        return own.union(*nested)

    def labelled(self, depth: int = 0, parents: tuple[str, ...] = ()
                 ) -> Iterator[tuple[str, ListItem]]:
        """Each item with the label the editions print before it ("3.", "(c)", "2.1.", its
        level's bullet), a nested list's items following their parent's; `depth` and
        `parents` as the list is nested."""
        for item, label, own in zip(self.items, self.labels(depth, parents), self.own_numbers(),
                                    strict=True):
            yield label, item
            if item.sublist is not None:
                yield from item.sublist.labelled(
                    depth + 1, (*parents, own) if self.numbered else ())


Cell = tuple[Span, ...]


@dataclass(frozen=True)
class Table:
    """Rows of cells under a header row, and the table's title ("Table 3.1 …") as its
    caption; a column whose cells are all figures is numeric, each cell's figure as the
    language it is written in writes one (with Chinese units, "3.1億元"). A table whose
    first row heads no column (`Libraries 70` over `Sports centres 102`) has no header: ()."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: tuple[Span, ...] = ()

    @property
    def columns(self) -> int:
        return len(self.header) if self.header else len(self.rows[0]) if self.rows else 0

    @property
    def numeric(self) -> tuple[bool, ...]:
        """For each column: every body cell holds a figure (or is empty), and one at least;
        but a first column of years (`2022`, `2023–24`, `2024年`) over other columns of
        figures, which labels their rows as a stub does (their headers, set at the left)."""
        columns = range(self.columns)
        cells = [[plain(row[column]).strip() for row in self.rows] for column in columns]
        figures = tuple(
            any(cells[column])
            and all(not cell or detect(cell).is_figure(cell) for cell in cells[column])
            for column in columns
        )
        stub = (len(figures) > 1 and any(figures[1:]) and bool(cells[0])
                and all(PERIOD.fullmatch(cell) for cell in cells[0]))
        return (False, *figures[1:]) if stub else figures

    @property
    def total_rows(self) -> frozenset[int]:
        """The rows (by number) that total the rows above them: the first cell of each says
        so ("Total income", "Total", "合計"), as its language writes it; the last row, or a
        subtotal among the rows (an account's income totalled over its expenditure) whose
        figures are no other than the sums of the rows since the total before it: a count
        named so among others it does not add up (`Total audience` over the season's other
        measures) is a row as they are."""
        found: set[int] = set()
        start = 0
        for number, row in enumerate(self.rows):
            if not (number and row and TABLE_TOTAL.fullmatch(plain(row[0]).strip())):
                continue
            if number == len(self.rows) - 1 or not contradicts_sums(
                    self.rows[start:number], row, self.numeric):
                found.add(number)
                start = number + 1
        return frozenset(found)

    @property
    def texts(self) -> list[str]:
        return [plain(cell) for row in (self.header, *self.rows) for cell in row]

    def continued(self, language: str) -> str:
        """What follows the title where it is set again over the table's rest on a later
        page ("\u00a0(continued)", "（續）"): in the title's language, and in the document's
        `language` where the title's script is that language's (a short Chinese title may
        hold no character telling Simplified from Traditional)."""
        document = profile_for(language)
        written = detect(plain(self.caption))
        return (document if written.script == document.script else written).reader_words.continued


# A table's figure as its value can be summed: its sign or brackets, a currency, the figure,
# and its unit ("(3,200)", "£4.2m", "−4.3%", "12.4億"). A bound ("<30") or a range is none.
SUMMED_FIGURE = re.compile(r"(?P<open>[(\uff08])?(?P<minus>[−\-])?(?:[A-Z]{0,3}[$£€¥])?"
                           r"(?P<figure>\d[\d,]*(?:\.(?P<decimals>\d+))?)\s?"
                           r"(?P<unit>%|[^\W\d_]{0,3})[)\uff09]?")


def contradicts_sums(rows: tuple[tuple[tuple[Span, ...], ...], ...],
                     total: tuple[tuple[Span, ...], ...], numeric: tuple[bool, ...]) -> bool:
    """Whether a column of figures the `total` row's label says it totals shows it does not:
    its figure is not the sum of the `rows`' (to the rounding of their last digits), where
    every one of them is a figure of one unit."""
    for column, is_figure in enumerate(numeric):
        if not is_figure or column == 0 or column >= len(total):
            continue
        cells = [plain(row[column]).strip() for row in rows if column < len(row)]
        values = [SUMMED_FIGURE.fullmatch(cell) for cell in [*cells, plain(total[column]).strip()]]
        if not rows or None in values or len({value["unit"] for value in values}) != 1:
            continue
        *parts, summed = [(-1 if value["open"] or value["minus"] else 1)
                          * float(value["figure"].replace(",", "")) for value in values]
        places = max(len(value["decimals"] or "") for value in values)
        if abs(sum(parts) - summed) > len(values) * 0.5 * 10 ** -places + 1e-9:
            return True
    return False


@dataclass(frozen=True)
class SignOff:
    """The closing block: lines kept as lines (a closing phrase, a name, a role, a date)."""

    lines: tuple[tuple[Span, ...], ...]

    @property
    def texts(self) -> list[str]:
        return [plain(line) for line in self.lines]


@dataclass(frozen=True)
class LineBlock:
    """Lines set apart from the text and kept as lines (pandoc's line block): an address, a
    list of names written a line each."""

    lines: tuple[tuple[Span, ...], ...]

    @property
    def texts(self) -> list[str]:
        return [plain(line) for line in self.lines]

    @property
    def label(self) -> str:
        """The label the lines hang from, where they are a label's numbered lines (附件：1.…,
        then 2.…): the next lines stand under the first one's number. Else ''."""
        return numbered_label(self.texts)


# A label and the first of the things it numbers on its line: "附件：1.東湖片區示意圖",
# "Attachments: 1. Site plan"; then each next on its own line: "2.西城片區示意圖".
NUMBERED_LABEL = re.compile(r"[^\s:：]{1,12}\s*[:：]\s*(?=1\s*[.．、]\s*\S)")
# A numbered line's number: its figures, its point and the space after it ("2. ", "2．").
LINE_NUMBER = re.compile(r"\s*[0-9]+\s*[.．、]\s*")


def numbered_label(texts: list[str]) -> str:
    """The label of `texts` where they are a label's numbered lines, as an official notice
    lists what it attaches (GB/T 9704, 7.3.5): the label and its first thing, then each next
    thing on a line of its own, numbered in turn; else ''."""
    label = NUMBERED_LABEL.match(texts[0]) if len(texts) > 1 else None
    if label is None or not all(re.match(rf"{number}\s*[.．、]\s*\S", text)
                                for number, text in enumerate(texts[1:], start=2)):
        return ""
    return label.group()


@dataclass(frozen=True)
class Note:
    """A note's text, referred to from the text by a span whose `note` is its label."""

    label: str
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return plain(self.spans)


Block = Heading | Paragraph | Quotation | LineBlock | Figure | List | Table | SignOff | Note


class UnknownBlock(TypeError):
    """A writer met a block type it does not handle: a writer must handle every type of
    block, never fall back to a paragraph."""

    def __init__(self, block: object, writer: str):
        super().__init__(f"{writer} has no rule for a {type(block).__name__} block")


@dataclass(frozen=True)
class Metadata:
    title: str
    subtitle: str = ""
    # The title in runs where its author gave a phrase of it a language, as a heading's;
    # else none.
    title_spans: tuple[Span, ...] = ()
    organisation: str = ""
    author: str = ""
    date: str = ""  # as given: "2024" or "2024-06-11"
    language: str = DEFAULT.tag
    # The metadata file names the language (the default's too): the author's word, the
    # language the document is spoken in whatever it opens in (Document.spoken_language).
    language_named: bool = False
    layouts: tuple[str, ...] = ()  # empty: every layout
    images: dict[int, str] = field(default_factory=dict)
    alt: dict[int, str] = field(default_factory=dict)

    @property
    def moment(self) -> dt.datetime:
        """Midnight UTC on the first day the date covers ("2024" is 1 January 2024), else EPOCH."""
        match = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", self.date)
        if not match:
            return EPOCH
        year, month, day = (int(part) if part else 1 for part in match.groups())
        return dt.datetime(year, month, day, tzinfo=dt.UTC)

    @property
    def title_runs(self) -> tuple[Span, ...]:
        """The title in runs of one language given (or none)."""
        return self.title_spans or (Span(self.title),)

    @property
    def shown_date(self) -> str:
        """The date as a reader of its language sees it: "June 2024", "2024年6月"."""
        return profile_for(self.language).shown_date(self.date)

    @property
    def imprint_date(self) -> str:
        """The date the opener prints under the organisation: none where the title or the
        subtitle says it already ("Final report, February 2025", "Summer Newsletter – July
        2025"), which would print it twice."""
        language = profile_for(self.language)
        said = {language.date_in(line) for line in (self.title, self.subtitle) if line}
        return "" if self.date in said else self.shown_date

    def figure(self, number: int, caption: tuple[Span, ...], image: str | None = None) -> Figure:
        """Figure `number` with its caption, and the picture and alternative text this
        metadata gives it (`image`: one the source names itself)."""
        return Figure(number, caption, image or self.images.get(number), self.alt.get(number))


# The texts (paragraphs, headings, captions, list items, table cells, notes …) a document may
# hold: each is laid out in each edition, so a build's time grows with their number.
MAX_TEXTS = 10_000


@dataclass(frozen=True)
class Document:
    name: str
    metadata: Metadata
    byline: Byline | None
    blocks: tuple[Block, ...]

    @property
    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]

    @property
    def figures(self) -> list[Figure]:
        return [block for block in self.blocks if isinstance(block, Figure)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph)]

    @property
    def attributions(self) -> frozenset[int]:
        """The paragraphs right after a displayed quotation that a dash opens ("– Professor
        Richard TSANG", "——王立新"): who said it, set under it at the right, and read as the
        quotation's last paragraph."""
        return frozenset(index for index, block in enumerate(self.blocks)
                         if index and isinstance(block, Paragraph)
                         and isinstance(self.blocks[index - 1], Quotation)
                         and ATTRIBUTION.match(block.text))

    @property
    def author(self) -> str:
        """Who wrote the document, as a file's properties name it: the no-break spaces that keep
        a name on one line in the text are plain spaces there."""
        name = self.metadata.author or (self.byline.name if self.byline else "")
        return name.replace("\u00a0", " ")

    @property
    def imprint_date(self) -> str:
        """The date the opener prints (Metadata.imprint_date), as the text writes that date
        where its language keeps dates as written and the text writes it (a Taiwan letter's
        `中華民國113年12月10日` under its signature, not `2024年12月10日` over its text)."""
        shown = self.metadata.imprint_date
        language = profile_for(self.metadata.language)
        return next((written for text in self.texts()
                     if (written := language.written_date(text, self.metadata.date))),
                    shown) if shown else shown

    @property
    def own_date(self) -> str:
        """The date the text gives itself, as the metadata writes one: its sign-off's last
        line ("22 September 2025", "香港，二〇二五年六月二十日": after the place it was signed
        in), or else the day its speech's rubric says it was given, or else its title's
        issue ("Summer Newsletter – July 2025", "2025年7月号"; not a year alone, "Annual
        Review 2024", which reviews a year rather than dates an issue); "" for none. Every
        reader dates a text so where its metadata gives no date."""
        return self.signed_on or self.delivered_on or self.titled_on

    @property
    def last_sign_off(self) -> SignOff | None:
        """The text's last sign-off (a letter's signature), or None."""
        return next((block for block in reversed(self.blocks) if isinstance(block, SignOff)),
                    None)

    @property
    def delivered_on(self) -> str:
        """The day a speech's rubric opening the text says it was given ("Delivered by the
        Lord Mayor …, Saturday 23 May 2026"; "Speech by the Chair …" over "Saturday 16
        November 2024, Eastfield Community Hall"); "" for none."""
        rubric = speech_rubric(self.blocks)
        return detect(rubric).day_given(rubric) if rubric else ""

    @property
    def signed_on(self) -> str:
        sign_off = self.last_sign_off
        if sign_off is None or not sign_off.lines:
            return ""
        last = plain(sign_off.lines[-1]).strip()
        place, comma, date = last.rpartition("\uff0c" if "\uff0c" in last else ",")
        if comma and place.strip() and not any(character.isdigit() for character in place):
            last = date.strip()  # a place, then the date
        language = detect(last)
        return language.date_in(last) if language.is_date(last) else ""

    @property
    def titled_on(self) -> str:
        title = self.metadata.title
        date = detect(title).date_in(title)
        return date if "-" in date else ""

    @property
    def spoken_language(self) -> str:
        """The language a screen reader reads the document in where nothing says another (a
        tagged edition's catalog /Lang: its window title, its bookmarks): the one its
        metadata names, else the language it opens in, its title's and first paragraph's,
        which a piece in two languages in parallel may open in though read as the other
        (`opening_language`)."""
        if self.metadata.language_named:
            return self.metadata.language
        opening = self.paragraphs[0].text if self.paragraphs else ""
        return opening_language(self.metadata.title, opening, self.metadata.language)

    @functools.cached_property
    def scripts(self) -> frozenset[Profile]:
        """The languages with letters of their own (Chinese) whose letters any text of the
        document holds: only their faces are loaded, only their phrases looked for. Found
        once a document."""
        return scripts(self.texts())

    def referenced_notes(self) -> list[str]:
        """The labels of the notes the text refers to, in the order of their first
        reference: a note no text refers to has no reference to link back to."""
        labels: list[str] = []
        for block in self.blocks:
            for spans in block_spans(block):
                labels += [span.note for span in spans if span.note and span.note not in labels]
        notes = {block.label for block in self.blocks if isinstance(block, Note)}
        return [label for label in labels if label in notes]

    def with_addresses(self) -> Document:
        """The document as an edition without links (print) sets it: each link's address
        in parentheses after its words, unless its words are the address."""
        return replace(self, blocks=tuple(with_spans(block, with_addresses)
                                          for block in self.blocks))

    def texts(self) -> Iterator[str]:
        """Every text the editions show: the metadata's, the byline's, each block's."""
        meta = self.metadata
        yield from (meta.title, meta.subtitle, meta.organisation, meta.author)
        yield from meta.alt.values()
        if self.byline is not None:
            yield from (self.byline.name, *self.byline.honours, self.byline.role,
                        self.byline.parallel)
        for block in self.blocks:
            match block:
                case List() | Table() | SignOff() | LineBlock():
                    yield from block.texts
                case Figure():
                    yield from (block.text, block.alt or "")
                case Note():
                    yield from (block.label, block.text)
                case _:
                    yield block.text


def speech_rubric(blocks: list[Block]) -> str:
    """The rubric of a speech opening `blocks`, saying who gave it (and where and when), its
    lines joined ("Speech by the Chair …" over "Saturday 16 November 2024, Eastfield
    Community Hall"); "" where they open with none."""
    opening = blocks[0] if blocks else None
    lines = ([opening.text] if isinstance(opening, (Paragraph, Heading))
             else opening.texts if isinstance(opening, LineBlock) else [])
    return " ".join(lines) if lines and is_speech_rubric(lines[0]) else ""


def refuse_too_many_texts(document: Document, path: Path | str) -> None:
    """Laying a document out takes time in proportion to its texts (3 ms each and edition):
    a source within the size limit but of tens of thousands of one-word lines is refused."""
    count = sum(1 for _ in document.texts())
    if count > MAX_TEXTS:
        raise PipelineError(path, f"holds {count:,} paragraphs, headings, list items, table "
                                  f"cells and other texts; the limit is {MAX_TEXTS:,}")


def block_spans(block: Block) -> list[tuple[Span, ...]]:
    """Every run of spans in a block that may hold a note's reference."""
    match block:
        case List():
            return [item.spans for item in block.items] + [
                spans for item in block.items if item.sublist
                for spans in block_spans(item.sublist)]
        case Table():
            return [*block.header, *(cell for row in block.rows for cell in row)]
        case SignOff() | LineBlock():
            return list(block.lines)
        case Note():
            return []
    spans = getattr(block, "spans", None) or getattr(block, "caption", None)
    return [spans] if spans else []


def document_spans(document: Document) -> list[tuple[Span, ...]]:
    """Every run of spans in the document, in the model's order: the title's, the
    byline's, then each block's (a note's too)."""
    return [document.metadata.title_spans, document.byline.runs if document.byline else (),
            *(spans for block in document.blocks
              for spans in ([block.spans] if isinstance(block, Note) else block_spans(block)))]


def given_languages(document: Document) -> tuple[tuple[str, str], ...]:
    """Each phrase whose language its author gave, in the model's order (the title's and
    the byline's first): its text, its language."""
    return tuple((plain(run), given) for spans in document_spans(document)
                 for given, run in runs(spans, lambda span: span.language) if given)


def linked_words(document: Document) -> list[tuple[str, str]]:
    """Each link's words and address, in the model's order."""
    return [(plain(run), link) for spans in document_spans(document)
            for link, run in link_runs(spans) if link]


def with_addresses(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans with each link's address after its words, in parentheses (an e-mail's
    without "mailto:", a telephone number's without "tel:"), unless the words are the
    address."""
    result: list[Span] = []
    for link, run in link_runs(spans):
        result += run
        if link and not shows_address(plain(run), link):
            result.append(Span(f" ({shown_address(link)})"))
    return tuple(result)


def with_spans(block: Block, change: Callable[[tuple[Span, ...]], tuple[Span, ...]]) -> Block:
    """The block with `change` made to each of its runs of spans (a heading has none)."""
    match block:
        case Paragraph():
            return Paragraph(change(block.spans))
        case Quotation():
            return Quotation(change(block.spans))
        case Figure():
            return replace(block, caption=change(block.caption))
        case List():
            return replace(block, items=tuple(
                ListItem(change(item.spans), item.sublist and with_spans(item.sublist, change))
                for item in block.items))
        case Table():
            return replace(block, header=tuple(map(change, block.header)),
                           rows=tuple(tuple(map(change, row)) for row in block.rows),
                           caption=change(block.caption))
        case SignOff():
            return SignOff(tuple(map(change, block.lines)))
        case LineBlock():
            return LineBlock(tuple(map(change, block.lines)))
        case Note():
            return replace(block, spans=change(block.spans))
    return block


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


# --- JSON form -------------------------------------------------------------


def _spans_to_json(spans: tuple[Span, ...]) -> list[dict]:
    items = []
    for span in spans:
        item: dict = {"text": span.text}
        if span.bold:
            item["bold"] = True
        if span.italic:
            item["italic"] = True
        if span.note:
            item["note"] = span.note
        if span.position:
            item["position"] = span.position
        if span.link:
            item["link"] = span.link
        if span.underline:
            item["underline"] = True
        if span.small_caps:
            item["small_caps"] = True
        if span.language:
            item["language"] = span.language
        items.append(item)
    return items


def _spans_from_json(items: list[dict]) -> tuple[Span, ...]:
    return tuple(
        Span(i["text"], i.get("bold", False), i.get("italic", False), i.get("note", ""),
             i.get("position", ""), i.get("link", ""), i.get("underline", False),
             i.get("small_caps", False), i.get("language", ""))
        for i in items
    )


def _list_to_json(block: List) -> dict:
    return {
        "type": "list",
        "style": block.style,
        "start": block.start,
        **({"marker": block.marker} if block.marker else {}),
        **({"compound": True} if block.compound else {}),
        "items": [
            {"spans": _spans_to_json(item.spans)}
            | ({"sublist": _list_to_json(item.sublist)} if item.sublist else {})
            for item in block.items
        ],
    }


def _list_from_json(item: dict) -> List:
    return List(
        tuple(
            ListItem(_spans_from_json(entry["spans"]),
                     _list_from_json(entry["sublist"]) if entry.get("sublist") else None)
            for entry in item["items"]
        ),
        item.get("style", "bullet"),
        item.get("start", 1),
        item.get("marker", ""),
        item.get("compound", False),
    )


def block_to_json(block: Block) -> dict:
    match block:
        case Heading():
            return {"type": "heading", "level": block.level, "text": block.text,
                    **({"spans": _spans_to_json(block.spans)} if block.spans else {})}
        case Figure():
            return {
                "type": "figure",
                "number": block.number,
                "caption": _spans_to_json(block.caption),
                "image": block.image,
                "alt": block.alt,
            }
        case Paragraph():
            return {"type": "paragraph", "spans": _spans_to_json(block.spans)}
        case Quotation():
            return {"type": "quotation", "spans": _spans_to_json(block.spans)}
        case List():
            return _list_to_json(block)
        case Table():
            return {
                "type": "table",
                **({"caption": _spans_to_json(block.caption)} if block.caption else {}),
                "header": [_spans_to_json(cell) for cell in block.header],
                "rows": [[_spans_to_json(cell) for cell in row] for row in block.rows],
            }
        case SignOff():
            return {"type": "sign-off", "lines": [_spans_to_json(line) for line in block.lines]}
        case LineBlock():
            return {"type": "line-block",
                    "lines": [_spans_to_json(line) for line in block.lines]}
        case Note():
            return {"type": "note", "label": block.label, "spans": _spans_to_json(block.spans)}
    raise UnknownBlock(block, "the JSON form")


def _block_from_json(item: dict) -> Block:
    match item["type"]:
        case "heading":
            return Heading(item["text"], item.get("level", 1),
                           _spans_from_json(item.get("spans", [])))
        case "figure":
            return Figure(item["number"], _spans_from_json(item["caption"]), item.get("image"),
                          item.get("alt"))
        case "paragraph":
            return Paragraph(_spans_from_json(item["spans"]))
        case "quotation":
            return Quotation(_spans_from_json(item["spans"]))
        case "list":
            return _list_from_json(item)
        case "table":
            return Table(
                tuple(_spans_from_json(cell) for cell in item["header"]),
                tuple(tuple(_spans_from_json(cell) for cell in row) for row in item["rows"]),
                _spans_from_json(item.get("caption", [])),
            )
        case "sign-off":
            return SignOff(tuple(_spans_from_json(line) for line in item["lines"]))
        case "line-block":
            return LineBlock(tuple(_spans_from_json(line) for line in item["lines"]))
        case "note":
            return Note(item["label"], _spans_from_json(item["spans"]))
    raise ValueError(f"a model block of unknown type {item['type']!r}")


def to_json(document: Document) -> dict:
    meta = document.metadata
    return {
        "name": document.name,
        "metadata": {
            "title": meta.title,
            **({"title_spans": _spans_to_json(meta.title_spans)} if meta.title_spans else {}),
            "subtitle": meta.subtitle,
            "organisation": meta.organisation,
            "author": meta.author,
            "date": meta.date,
            "language": meta.language,
            **({"language_named": True} if meta.language_named else {}),
            "layouts": list(meta.layouts),
            "images": {str(k): v for k, v in sorted(meta.images.items())},
            "alt": {str(k): v for k, v in sorted(meta.alt.items())},
        },
        "byline": None
        if document.byline is None
        else {
            "name": document.byline.name,
            "honours": list(document.byline.honours),
            "role": document.byline.role,
            **({"phrases": _spans_to_json(document.byline.phrases)}
               if document.byline.phrases else {}),
            **({"honours_spaced": True} if document.byline.honours_spaced else {}),
            **({"parallel": document.byline.parallel} if document.byline.parallel else {}),
        },
        "blocks": [block_to_json(block) for block in document.blocks],
    }


def from_json(data: dict) -> Document:
    meta = data["metadata"]
    byline = data.get("byline")
    return Document(
        name=data["name"],
        metadata=Metadata(
            title=meta["title"],
            title_spans=_spans_from_json(meta.get("title_spans", [])),
            subtitle=meta.get("subtitle", ""),
            organisation=meta.get("organisation", ""),
            author=meta.get("author", ""),
            date=meta.get("date", ""),
            language=meta.get("language", DEFAULT.tag),
            language_named=meta.get("language_named", False),
            layouts=tuple(meta.get("layouts", ())),
            images={int(k): v for k, v in meta.get("images", {}).items()},
            alt={int(k): v for k, v in meta.get("alt", {}).items()},
        ),
        byline=None
        if byline is None
        else Byline(byline["name"], tuple(byline.get("honours", ())), byline.get("role", ""),
                    _spans_from_json(byline.get("phrases", [])),
                    byline.get("honours_spaced", False), byline.get("parallel", "")),
        blocks=tuple(_block_from_json(item) for item in data["blocks"]),
    )
