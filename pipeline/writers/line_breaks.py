"""Where a line may break inside running text, decided before the PDF renderer sees it.

WeasyPrint hyphenates any word its dictionary knows, capitalised words, names and the parts
of addresses included, and its hyphenation is all or nothing per text. So the HTML writer
decides instead, as InDesign's settings would: only ordinary lower-case words may be
hyphenated (never a capitalised word, a word with digits, a compound, which breaks at its
own hyphen, or an address), at the dictionary's points unless an exceptions list (the
layout's hyphenation.txt, the project's, a document's) writes the word otherwise, which may
also let a name break; captions and headings never are.

A paragraph the writer breaks into lines itself (justified.py) gets its line ends as forced
breaks (line feeds it keeps), with a hyphen where a word is broken; running text the
renderer breaks gets soft hyphens, and the stylesheet sets `hyphens: manual`. An address or
a file name breaks only before a `/`, `.`, `-` or `@`, which starts the next line, with
no hyphen added (a zero-width space there, a word joiner after its own hyphens); a compound
in a title, heading or name does not break at all, nor does a capitalised compound in running text
("CHAN Tai-man", "Jean-Pierre": a word joiner after its hyphen), nor a range (2023–24,
4–29, 6–8, 10am–4pm), which the renderer would break after its en dash (UAX #14), leaving a
dangling figure: in running text a word joiner binds the dash to the figure after it; nor a
telephone number at its spaces ("+852 2835 1018": a word joiner after each, UAX #14's LB11),
nor a time of day at the space before its a.m. or p.m. ("10 a.m.", "9.30 pm"), a relation
sign before a figure at its spaces ("l = 287") or a whole number at the space before its
fraction ("33 1/3"). These are a typesetter's preferences: in a table too wide for the measure
at its smallest type they yield (`LineBreaks.yielding`), a range breaking after its dash and
a relation at its spaces, as a typesetter breaks them where a column is too narrow to hold
them whole. What a language keeps together (the Chinese dash and ellipsis never
start a line, nor a unit after its figure, "7.9億元"; a Chinese block's last character never
stands alone on its line) is bound to the character before by a word joiner, in the HTML
only: the model's text, the DOCX's and the PDF's stay as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import pyphen
from markupsafe import Markup, escape

from pipeline import addresses
from pipeline.languages import DEFAULT, NAMED_NOTE_CALL, NBSP, UNSPACED, profile_for
from pipeline.layouts import Hyphenation
from pipeline.model import linkable
from pipeline.writers import hyphenation_patterns
from pipeline.writers.language_tags import LINE_END, compressed, tagged

SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"  # a break opportunity that adds nothing
WORD_JOINER = "\u2060"  # forbids a break on either side, and adds nothing
HYPHEN = "\u2010"  # the hyphen set where a word is broken (WeasyPrint's own)
# A paragraph the writer broke keeps its line feeds (white-space: pre-line), one a line end:
# a <br> would cost the renderer an element, a generated box and their styles for each line,
# most of a long document's layout. Its text's own line feeds are spaces, as elsewhere.
SEGMENT_BREAKS_AS_SPACES = str.maketrans("\n\r", "  ")
ADDRESS = re.compile(addresses.ADDRESS)
# An address or a file name, each broken only before its own / . - @ (ASCII, as cleaning
# reads them: "report.pdf。" is a file name before a Chinese full stop).
SET_APART = re.compile(addresses.SET_APART, re.ASCII)
SCHEME = re.compile(r"(?:https?|ftp)://")
# An address or a file name breaks before one of these, never after (the Chicago Manual of
# Style, 6.17), and never at an underscore, which the house style does not list: a line
# ending "Port_Statistics" over "_2023-24.xlsx" reads as two names.
ADDRESS_BREAKS = "/.-@"
# A run of letters; whatever touches it (a hyphen, a digit) decides whether it may break.
LETTERS = re.compile(r"[^\W\d_]+")
HYPHENS = "-\u2010\u2011"
# In an address, what the renderer would break after: a hyphen, a slash, a question or
# exclamation mark, and a port's colon, before its figures ("example.org:8080").
JOINED_AFTER = re.compile(f"[{HYPHENS}/?!]|:(?=[0-9])")
LIGATURE_SECONDS = "fijlt"
# Suffixes the dictionary cuts by word origin where a reader, at a line's end, reads a stem
# cut short: "-ible", "-ibly" and "-ibility" break after their i ("accessi-ble", not
# "access-ible"), and "-ility" takes the consonant before it ("accessi-bility", "vola-tility",
# not "accessib-ility"), as the dictionaries' syllables (ac-ces-si-bil-i-ty) do.
AFTER_ITS_I = ("ible", "ibly", "ibil")
WITH_ITS_CONSONANT = "ility"
VOWELS = "aeiouy"
# A slash or a full stop inside a reference's code (`CS/2019/044`, `T.87-1987`, `2024/25`):
# a slash with a figure on either side, a full stop between a letter and a figure. The
# renderer would break after them (Unicode's line breaking rules); a code never breaks.
CODE_MARK = re.compile(r"(?<=[A-Za-z0-9])/(?=\d)|(?<=\d)/(?=[A-Za-z])|(?<=[A-Za-z])\.(?=\d)")
# A range's en dash before a figure or a sum, unspaced (a sentence's dash is spaced): between
# two figures (2023–24, 4–29, pp. 12–15) or ends that join letters to them (10am–4pm,
# 1970s–90s, £1.2m–£1.5m, 1 April–31 July).
RANGE_DASH = re.compile(r"(?<=[^\s\u2013])\u2013(?=(?:[A-Z]{0,3}[$£€¥])?\d)")
# A range between figures written with an em dash or a wave dash, as Chinese writes one
# ("2023—2024年度", "1～3月"; GB/T 15834's 连接号): the renderer may break on either side of
# these, and a connecting mark neither starts nor ends a line (clreq 3.1.7).
FIGURE_RANGE = re.compile(r"(?<=\d)[\u2014\u301c\uff5e](?=\d)")
# A minus sign and the figure or sum after it ("−2.7%", "−£0.3"), which the renderer would
# part where a currency sign follows (UAX #14 lets a line break between two prefixes).
MINUS_SIGN = re.compile(r"\u2212(?=\S)")
# A telephone or fax number written in groups, which a reader dials as one: with its country
# code ("+852 2835 1018", "(852) 2835 1018", "+44 20 7946 0958"), Hong Kong's eight figures
# in fours ("2835 1018"), whose first is 2 to 9, or a national number opening with its trunk
# 0 ("01632 555 0100", "020 7946 0958", "07700 900 842"). Four figures that could be a year
# (19xx, 20xx) followed by four more are left to prose ("In 2023 1200 people"), as are groups
# of three ("12 500 000") and a group among others ("1234 5678 9012").
TELEPHONE = re.compile(r"(?<![A-Za-z0-9_.,/+\-])(?<!\d )"
                       r"(?:(?:\+\d{1,3}|\(\d{1,3}\)) ?\d{1,4}(?: ?\d{2,4}){1,3}"
                       r"|(?!20)[2-9]\d{3} \d{4}|0\d{2,4}(?: \d{3,4}){1,2})"
                       r"(?![A-Za-z0-9_\-]|[.,]\d| \d)")
# A time of day and the a.m. or p.m. after it ("10 a.m.", "9.30 p.m.", "10 am", "6 PM"), which
# a reader takes in as one; "5pm", written without a space, the renderer never parts (UAX #14's
# LB23). Not "2 am" inside a longer word ("2 amps").
TIME_OF_DAY = re.compile(r"(?<![\w.,])\d{1,2}(?:[.:][0-5]\d)?( )(?i:[ap]\.m\.|[ap]m\b)")
# A relation sign between what it relates and the figure or sum after it ("l = 287", "b ≈
# −3.1", "≥ £400"), which a line never parts: "l =" over "287", or "l" over "= 287", had read
# as two.
RELATION = re.compile(r"(?<=\S)( )[=\u2248\u2260<>\u2264\u2265]( )(?=[\u2212+-]?[$£€¥]?\d)")
# A whole number and its fraction ("33 1/3", "2 ½"), one number: a proper fraction, not a
# date's figures ("12 3/8/2024").
FRACTION = re.compile(r"(?<![\w.,/])\d+( )(?:(\d+)/(\d+)(?![\w/]|[.,]\d)"
                      r"|[\u00bc-\u00be\u2150-\u215e])")
# A capitalised word joined by hyphens: a name ("CHAN Tai-man", "Jean-Pierre", "Smith-Jones")
# or a compound of names ("Hong Kong-Zhuhai-Macao"), which never breaks at its hyphens: a
# name cannot be told from a compound of proper nouns, and the house style breaks neither
# ("never a capitalised word or a name"). A lower-case compound ("well-being") still may.
# Its letters those of a script that spaces its words: Chinese sets a name against its own
# characters ("與Goethe-Institut合作").
WORD_LETTER = f"(?![{UNSPACED}])[^\\W\\d_]"
CAPITALISED_COMPOUND = re.compile(
    rf"(?<![{HYPHENS}])(?<!(?![{UNSPACED}])\w){WORD_LETTER}+(?:[{HYPHENS}]{WORD_LETTER}+)+"
    rf"(?!(?![{UNSPACED}])\w)")
# A sentence's end before the space that a new sentence starts after.
SENTENCE_END = re.compile(r"[.!?][\u2019\u201d\"')\]]*\s+$")
# What a title, heading or name keeps on one line: a compound, a range.
COMPOUND = re.compile(rf"\S*(?:\w[{HYPHENS}]\w|\d\u2013\d)\S*")

# (span, offset) -> what the line does there: "space" (the space ends the line), "hyphen" (a
# hyphen is added and the line ends), "break" (the line ends, nothing added); "short space"
# and "short break" end a line left short of the measure, unjustified.
LineEnds = Mapping[tuple[int, int], str]
SHORT = "short "


@dataclass(frozen=True)
class LineBreaks:
    """The rules of one layout and language."""

    hyphenation: Hyphenation
    language: str
    links: bool
    whole_words: frozenset[tuple[int, str]] = frozenset()  # (block, word) never hyphenated
    # Each paragraph the writer broke into lines: block -> its line ends; a list's item on a
    # grid of characters: (block, its number in the list) -> its line ends.
    lines: Mapping[int | tuple[int, int], LineEnds] = field(default_factory=dict, hash=False,
                                                            compare=False)
    # Phrases of other languages are found and tagged (`tagged`); not inside a phrase whose
    # language its author gave (`within`), which says all there is.
    finds_phrases: bool = True
    # What a line prefers to keep together (a range's dash, a telephone number's groups, a
    # time and its a.m., a relation sign and its terms, a whole number and its fraction) may
    # break: in a table wider than the measure at its smallest type (writers/pdf/placement.py,
    # fitted_tables), whose columns are too narrow to hold them whole.
    yielding: bool = False
    # The paragraphs the writer broke are on a grid of characters (Chinese: grid_lines.py): a
    # line ending at a space keeps it before its line feed, and one ending between two
    # characters is the line feed alone, read as nothing (pdf/line_ends.py); elsewhere a line
    # feed stands for the space or the break it ends at, read as a space.
    on_grid: bool = False

    def within(self, language: str) -> LineBreaks:
        """The rules inside a phrase its author says is in `language` ("fr"): its words
        hyphenated by that language's dictionary, where one is known, and no phrase of
        another language looked for inside it."""
        return replace(self, language=language, finds_phrases=False)

    def running(self, text: str, block: int = -1, span: int = 0, last: bool = False,
                hyphenate: bool = True, in_link: bool = False) -> Markup:
        """Span number `span` of block number `block`, the block's `last` span or not:
        addresses and file names may break before / . - @ (addresses are links where the
        layout has links, unless the span is a link's text already, `in_link`); ordinary words
        are hyphenated where the layout hyphenates and `hyphenate` allows, unless the writer
        broke the block into lines itself."""
        ends = self.lines.get(block)
        own = {offset: kind for (number, offset), kind in (ends or {}).items() if number == span}
        if ends is not None:  # a line feed of the text is a space, not one of the line ends
            text = text.translate(SEGMENT_BREAKS_AS_SPACES)
        hyphenate = hyphenate and ends is None
        parts, position = [], 0
        for match in SET_APART.finditer(text):
            linked = (self.links and not in_link and ADDRESS.fullmatch(match.group()) is not None
                      and linkable(link_target(match.group())))  # not ftp://
            parts += [self.words(self.ended(text, position, match.start(), own, last=False),
                                 block, hyphenate),
                      address(self.ended(text, match.start(), match.end(), own, last=False),
                              linked, breakable=ends is None)]
            position = match.end()
        parts.append(self.words(self.ended(text, position, len(text), own, last), block,
                                hyphenate, last))
        return Markup("").join(parts).replace(LINE_END, "\n")

    def ended(self, text: str, start: int, end: int, ends: dict[int, str], last: bool) -> str:
        """`text[start:end]` with the line ends among `ends` (offsets into `text`) and what
        its language keeps together (`last`: the block's last piece of text). A line end
        where an address starts ends the piece before it, outside the address and its link
        (a link's box on the line before would hold nothing)."""
        piece = with_line_ends(text[start:end], {offset - start: kind
                                                 for offset, kind in ends.items()
                                                 if (start == 0 or start < offset)
                                                 and offset <= end}, self.on_grid)
        return kept_together(piece, self.language, last, self.yielding)

    # A second layout pass sets the same words again; the rules are frozen, so cached, for
    # every text of a document however long (as justified.py's paragraphs).
    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def words(self, text: str, block: int, hyphenate: bool = True, last: bool = False
              ) -> Markup:
        """Words hyphenated where they may be; in a block's `last` text, its last word
        never is (a paragraph's, a list item's, a note's: the house style)."""
        text = CODE_MARK.sub(lambda mark: mark.group() + WORD_JOINER, text)
        if not hyphenate or hyphenator(self.language, self.hyphenation) is None:
            return self.tagged(text)
        final = max((match.start() for match in LETTERS.finditer(text)), default=-1) \
            if last else -1
        # A phrase in another language (Chinese) is never hyphenated: its characters are
        # not lower-case letters.
        return self.tagged(LETTERS.sub(lambda match: match.group() if match.start() == final
                                       else SOFT_HYPHEN.join(self.pieces(match, block)), text))

    def tagged(self, text: str) -> Markup:
        return (tagged(text, self.language) if self.finds_phrases
                else compressed(text, profile_for(self.language)))

    def pieces(self, match: re.Match, block: int) -> list[str]:
        word = match.group()
        points = self.points(match, block)
        return [word[start:end] for start, end in zip([0, *points], [*points, None],
                                                      strict=True)]

    def points(self, match: re.Match, block: int) -> list[int]:
        """Where the word `match` found may be hyphenated, as offsets into it."""
        word, text = match.group(), match.string
        if len(word) < self.hyphenation.min_word:  # most words: nothing more to look at
            return []
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        # A word a no-break space binds to the figure before it ("£21.6 million", "298
        # kilometres"): the amount never breaks, inside the word either.
        counted = before == NBSP and text[max(match.start() - 2, 0)].isdigit()
        if (not (word.islower() or word in exceptions(self.hyphenation.exceptions))
                or (block, word) in self.whole_words or counted
                or before in HYPHENS or after in HYPHENS or before.isdigit() or after.isdigit()):
            return []
        return hyphenation_points(word, self.language, self.hyphenation)


def hyphenation_points(word: str, language: str, hyphenation: Hyphenation) -> list[int]:
    """Where `word` may break: as the exceptions lists write it, else (a lower-case word) at the
    dictionary's points but between the letters of a ligature (the f of "ff", "fi", "fl"),
    which the shaper joins across a soft hyphen, so the glyph's text in the PDF comes out
    wrong, and but one taking a stem's last consonant into "-ted" or "-ded" ("expec-ted",
    "foun-ded": the stem reads cut short); one before a suffix fragment ("-ible", "-ility")
    is moved to the suffix's own syllable (suffix_syllable)."""
    written = exceptions(hyphenation.exceptions).get(word)
    if written is not None:
        return [position for position in written if hyphenation.min_before <= position
                <= len(word) - hyphenation.min_after]
    dictionary = hyphenator(language, hyphenation)
    if dictionary is None:
        return []
    moved = sorted({suffix_syllable(word, position) for position in dictionary.positions(word)})
    return [position for position in moved
            if hyphenation.min_before <= position <= len(word) - hyphenation.min_after
            and not (word[position - 1] == "f" and word[position] in LIGATURE_SECONDS)
            and not (position == len(word) - 3 and word.endswith(("ted", "ded"))
                     and word[position - 1] not in "aeioutd")]


def suffix_syllable(word: str, position: int) -> int:
    """A break `position` in `word` that cuts a suffix fragment off ("access|ible",
    "accessib|ility") moved to the suffix's syllable ("accessi|ble", "accessi|bility")."""
    following = word[position:]
    if following.startswith(AFTER_ITS_I):
        return position + 1
    if following.startswith(WITH_ITS_CONSONANT) and word[position - 1] not in VOWELS:
        return position - 1
    return position


@functools.cache
def exceptions(written: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """The exceptions lists as words and their break points, the last entry for a word
    counting: "cel-e-brate" breaks after "cel" and "cele"; a word written without hyphens
    never breaks. A word is matched as written: "Tsim-sha-tsui" lets that name break,
    which no capitalised word otherwise does."""
    found = {}
    for entry in written:
        pieces = entry.split("-")
        found["".join(pieces)] = tuple(sum(map(len, pieces[:end])) for end in
                                       range(1, len(pieces)))
    return found


def address_points(text: str) -> list[int]:
    """Where an address or a file name may break: before a / . - or @, never inside its
    scheme (https://) or between the two slashes after it, nor before its first or after its
    last character."""
    scheme = SCHEME.match(text)
    start = scheme.end() if scheme else 1
    return [position for position in range(start, len(text) - 1)
            if text[position] in ADDRESS_BREAKS and text[position - 1] != "/"
            and text[position - 1] not in ADDRESS_BREAKS]


def address(text: str, linked: bool, breakable: bool = True) -> Markup:
    """An address or a file name that breaks only before / . - @ (with no hyphen added),
    where the renderer breaks it (`breakable`), and a link when `linked`."""
    # A zero-width space, not <wbr>: WeasyPrint would make each piece a link of its own. A
    # word joiner after a hyphen, a slash, a question mark or a port's colon, after which
    # the renderer would break on its own (Unicode's line breaking rules).
    points = set(address_points(text)) if breakable else set()
    joined = {match.start() for match in JOINED_AFTER.finditer(text)}
    shown = "".join((ZERO_WIDTH_SPACE if position in points else "") + char
                    + (WORD_JOINER if position in joined else "")
                    for position, char in enumerate(text))
    shown = escape(shown)
    if not linked:
        return Markup('<span class="address">{}</span>').format(shown)
    target = link_target(text.replace(LINE_END, "").replace(HYPHEN, ""))
    return Markup('<a class="address" href="{}">{}</a>').format(target, shown)


def link_target(address: str) -> str:
    """Where an address the writer links leads: a web address where the readers' links to it
    lead (addresses.link_target), an e-mail address to its mail."""
    if "://" in address:
        return address
    return addresses.link_target(address) if address.startswith("www.") else f"mailto:{address}"


def with_line_ends(text: str, ends: dict[int, str], on_grid: bool = False) -> str:
    """`text` with the line ends the writer chose at its offsets, each a line feed in place
    of the space it ends at; `on_grid` (LineBreaks.on_grid), after that space, which the
    renderer drops (white-space: pre-line), so the PDF writer reads a space there, one
    ending between two characters (Chinese, an address) being the line feed alone, read as
    nothing (pdf/line_ends.py)."""
    pieces, position = [], 0
    for offset in sorted(ends):
        kind = ends[offset].removeprefix(SHORT)
        after = offset + (1 if kind == "space" and on_grid else 0)
        pieces.append(text[position:after])
        pieces.append(HYPHEN + LINE_END if kind == "hyphen" else LINE_END)
        position = offset + (1 if kind == "space" else 0)
    pieces.append(text[position:])
    return "".join(pieces)


@functools.lru_cache(maxsize=256)
def bound_hyphens(text: str) -> tuple[int, ...]:
    """The offsets of the hyphens in `text` a line never ends at: a capitalised compound's,
    unless only a sentence's start capitalises it ("Long-term plans", "Well-being is")."""
    return tuple(compound.start() + offset
                 for compound in CAPITALISED_COMPOUND.finditer(text)
                 if compound.group()[0].isupper()
                 and not sentence_capital(text, compound.start(), compound.group())
                 for offset, character in enumerate(compound.group()) if character in HYPHENS)


def sentence_capital(text: str, start: int, compound: str) -> bool:
    """Whether `compound`, at `start` in `text`, is an ordinary compound capitalised because
    it opens a sentence: its later parts lower-case, nothing but opening quotes or brackets
    between it and the text's start or a sentence's end. A name's later parts are capitalised
    ("Jean-Pierre"), or it stands after another name ("CHAN Tai-man", "Hong Kong-based")."""
    later = re.split(f"[{HYPHENS}]", compound)[1:]
    before = text[:start].rstrip("\u2018\u201c\"'([")
    return (all(part.islower() for part in later)
            and (not before.strip() or bool(SENTENCE_END.search(before))))


def bound_spaces(text: str) -> set[int]:
    """The offsets of the spaces in `text` a line never ends at: a telephone number's between
    its groups, a time's before its a.m. or p.m., a relation sign's on either side before a
    figure and a whole number's before its fraction."""
    return ({number.start() + inside for number in TELEPHONE.finditer(text)
             for inside, character in enumerate(number.group()) if character == " "}
            | {time.start(1) for time in TIME_OF_DAY.finditer(text)}
            | {sign.start(group) for sign in RELATION.finditer(text) for group in (1, 2)}
            | {whole.start(1) for whole in FRACTION.finditer(text) if proper(whole)})


def proper(fraction: re.Match) -> bool:
    """Whether a FRACTION's is one (a vulgar fraction's character is): 1/3, not 12/5."""
    numerator, denominator = fraction.group(2, 3)
    return numerator is None or 0 < int(numerator) < int(denominator)


# A note's call in words the reader left in the text, calling no note it found (`（註1）`,
# `(Note 2)`).
NAMED_CALL = re.compile(NAMED_NOTE_CALL)


def joined_call(call: re.Match) -> str:
    """A note's call in words, whole on its line: a word joiner before its number, where a
    line may end after the word (`（註` over `1）`) or the space after it."""
    number = call.start(1)
    return f"{call.string[call.start():number]}{WORD_JOINER}{call.string[number:call.end()]}"


# Each layout pass sets the same pieces of text again: each is joined once, however many a
# document holds (as `words` are).
@functools.lru_cache(maxsize=65536)
def kept_together(text: str, language: str, last: bool, yielding: bool = False) -> str:
    """Word joiners where the renderer would part what is kept together: a name's hyphen
    and the letters after it ("Tai-man"), a range's en dash and the figure after it (its em or
    wave dash and the figures on both sides: "2023—2024"), a minus sign and its figure, a
    note's call in words and its number ("（註1）"), a telephone number's groups, a time and
    its a.m. or p.m., a relation sign and what it relates and a whole number and its fraction
    (after the space: no break follows it; every language's); where the
    language keeps them, before what never starts a line (the Chinese dash and ellipsis),
    between a figure and its units ("7.9億元") and, in a block's `last` span, before its last
    character (or the Latin word or figure ending it), where a last letter never stands alone
    (Chinese): whatever the block, a paragraph, a list item, a note, a cell or a caption.
    `yielding`: the range's dash and the spaces bound_spaces keeps are preferences given up
    (LineBreaks.yielding); the rest is kept still."""
    preferred = set() if yielding else bound_spaces(text)
    # Seldom anything: the text is walked a character at a time only then.
    if bound := set(bound_hyphens(text)) | preferred:
        text = "".join(character + (WORD_JOINER if offset in bound else "")
                       for offset, character in enumerate(text))
    if not yielding:
        text = RANGE_DASH.sub("\u2013" + WORD_JOINER, text)
    text = FIGURE_RANGE.sub(lambda dash: WORD_JOINER + dash.group() + WORD_JOINER, text)
    text = MINUS_SIGN.sub("\u2212" + WORD_JOINER, text)
    text = NAMED_CALL.sub(joined_call, text)
    profile = profile_for(language)
    if profile.unbroken_before:
        text = re.sub(f"(?<=\\S)(?={profile.unbroken_before})", WORD_JOINER, text)
    if profile.units:
        text = re.sub(f"(?<=\\d)[{profile.units}]+",
                      lambda units: WORD_JOINER + WORD_JOINER.join(units.group()), text)
    if last and not profile.lone_last_letter and profile.characters:
        text = last_unit(profile.characters).sub(WORD_JOINER, text)
    return text


@functools.cache
def last_unit(characters: str) -> re.Pattern:
    """Where a text's last unit meets what stands before it, in a language of `characters`:
    its last character, or the Latin word or figure it ends with, and whatever mark, letter
    or figure a line could end at before it (`…評級A / 級。`, `…』 / 書。」`); never a
    space (an English phrase may break there), nor a joiner already there."""
    other = f"[^\\W_{characters}]"  # a Latin letter or a figure
    unit = f"(?:[{characters}]|(?<!{other}){other}+)"
    return re.compile(f"(?<=[^\\s{WORD_JOINER}])(?={unit}\\W*$)")


def unbroken(text: str, language: str = DEFAULT.tag) -> Markup:
    """Text whose compounds ("Vice-Chancellor") never break at their hyphen, nor its ranges
    ("2023–24") at their dash: for titles, headings and names, where a broken compound reads
    as two words. A phrase in another
    language than the document's `language` is tagged, a compound of it too (`Kwok-wing` in
    an English name in a Chinese byline, set in its own face, not the Chinese one)."""
    parts, position = [], 0
    for match in COMPOUND.finditer(text):
        parts += [tagged(text[position:match.start()], language),
                  Markup('<span class="compound">{}</span>').format(
                      tagged(match.group(), language))]
        position = match.end()
    parts.append(tagged(text[position:], language))
    return Markup("").join(parts)


@functools.cache
def hyphenator(language: str, hyphenation: Hyphenation) -> pyphen.Pyphen | None:
    """The hyphenation dictionary of `language`, or None where the layout does not hyphenate,
    the language is never hyphenated (Chinese) or no dictionary knows it."""
    if not hyphenation.enabled or not profile_for(language).hyphenates:
        return None
    known = pyphen.language_fallback(language.replace("-", "_"))
    if known is None:
        return None
    return hyphenation_patterns.hyphenator(known, hyphenation.min_before, hyphenation.min_after)
