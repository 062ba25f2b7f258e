"""Justified paragraphs broken into lines by the writer, each as a whole (paragraphs.py), at
the widths the renderer will set them (shaping.py), so no line is loose for want of a better
break a few lines on.

A paragraph's words are boxes, its spaces glue that stretches up to the layout's widest
space (`space_max_em`, then the house style's `space_usual_em`, then `space_limit_em`, each
only where no breaking of the paragraph keeps within the one before) and shrinks down to its
narrowest; it may break at a space, at a hyphenation point the writer's rules allow
(line_breaks.py), after a lower-case compound's own hyphen (never a name's, "Tai-man", nor
inside a range, 2023–24, nor between a figure and its Chinese units, nor at a telephone
number's spaces), and in an address or a file name before / . - @, sooner before a slash,
which parts an address where it reads (`…/annual-report/` over `2023-24/…`, not `…/2023` over
`-24/…`). The last word of a paragraph is never broken. A line's letters stretch with its
spaces up to their own widest (`letter_spacing_em`), never further (paragraphs.py). Where
no breaking keeps every line's spaces within the limit, a line is set loose (its letters
then spaced a little further, pdf/justified_lines.py), or, where its spaces would open into
holes (a long address whose pieces fit no line, say: about 0.78 em in print, where a short
line's penalty outweighs a loose line's badness), it ends short of the measure and
unjustified, as a typesetter puts a long address on a line of its own. The
lines go to the renderer as forced breaks; the PDF writer then spreads each line's spaces to
the measure (writers/pdf/justified_lines.py), but a short line's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.languages import UNITS, UNSPACED, detect, language_boundary, profile_for
from pipeline.layouts import Justification
from pipeline.model import Span
from pipeline.writers.line_breaks import (
    HYPHEN,
    LETTERS,
    SET_APART,
    SHORT,
    LineBreaks,
    LineEnds,
    address_points,
    bound_hyphens,
    bound_spaces,
)
from pipeline.writers.paragraphs import (
    FIL,
    INFINITY,
    Box,
    Glue,
    Item,
    NoBreaking,
    Penalty,
    breaks,
    first_fit,
    short_line_break,
)
from pipeline.writers.shaping import Shaper, TextStyle, shaper

HYPHEN_PENALTY = 150  # TeX's \hyphenpenalty is 50: fewer hyphens, as a typesetter sets
COMPOUND_PENALTY = 150  # TeX's \exhyphenpenalty: after a compound's own hyphen
ADDRESS_PENALTY = 100  # an address broken before . - @: allowed, not sought
SLASH_PENALTY = 50  # before an address's slash, between the parts of its path: sought first
# Where a heading's sense breaks, a line of it may end: after a colon, a semicolon, a question
# or an exclamation mark or a dash, in any language, a Chinese comma, or a quotation's or a
# name's close (`Annual Report 2024:` over `A Year of Renewal`, `馆长寄语｜` over its title,
# `…「綠色運輸試驗基金」` over `第二期資助計劃`, not `…試` over `驗…`), as a typesetter breaks a
# display line at its sense rather than wherever the lines come out most even.
SENSE_BREAK = re.compile("[:;?!\u2013\u2014\uff0c\uff1a\uff1b\uff1f\uff01\uff5c|"
                         "\u300d\u300f\u201d\uff09\u300b\u3001]\\s*$")
# Ems a heading's widest line may grow by to break at a word's edge rather than inside a
# word (Chinese: `balanced`): a character and a half, so one character from the most even.
BALANCE_SLACK = 1.5
SAFETY = 0.05  # CSS pixels a line is kept short of the measure: rounding in the renderer
WORDS = re.compile(r"[^ \u00a0]+|[ \u00a0]")
COMPOUND_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# Between two letters of a script written without spaces (Chinese in English) a line may break.
UNSPACED_PAIR = re.compile(f"(?<=[{UNSPACED}])(?=[{UNSPACED}])")
# But not between a figure's units, which stay with it ("7.9億元" in English): line_breaks.py.
FIGURE_UNITS = re.compile(f"(?<=\\d)[{UNITS}]+")


@dataclass(frozen=True)
class LineSetting:
    """How a layout sets its justified paragraphs, as the renderer computes it: writers/pdf
    reads it from a sample laid out with the layout's stylesheets."""

    measure: float  # a line's length, in CSS pixels
    indent: float  # the first line's indent of a paragraph following a paragraph
    # (bold, italic, note) -> the style of such a span
    styles: tuple[tuple[tuple[bool, bool, bool], TextStyle], ...]
    fonts_folder: Path
    spaces: Justification
    justified: bool = True  # the layout justifies its paragraphs
    # Each heading's element ("h1" the title, "h2", "h3": the ones after it alike), with its
    # style and measure.
    headings: tuple[tuple[str, TextStyle, float], ...] = ()

    @functools.cached_property
    def measuring(self) -> Shaper:
        """The widths of text in the setting's fonts: looked up once, not for each word."""
        return shaper(self.fonts_folder)

    def heading(self, tag: str) -> tuple[TextStyle, float] | None:
        known = dict((name, (style, width)) for name, style, width in self.headings)
        return known.get(tag) or (known.get("h3") if tag > "h3" else None)

    def style(self, span: Span) -> TextStyle:
        style = dict(self.styles)[(span.bold, span.italic, bool(span.note))]
        return replace(style, small_caps=True) if span.small_caps else style

    @property
    def shrink_em(self) -> float:
        """How much narrower than the font's own space the writer asks the renderer to set
        each space of its lines (CSS word-spacing, negative), so that with the letters'
        narrowest spacing, which the space takes too, it is the narrowest a space may be;
        the PDF writer widens them again."""
        plain = self.style(Span(""))
        natural = shaper(self.fonts_folder).width(" ", plain) / plain.size
        return max(0.0, natural - self.spaces.space_min_em - self.spaces.letter_spacing_em)


@dataclass(frozen=True)
class Marked:
    """An item, and where in the paragraph's text a break at it falls."""

    item: Item
    at: tuple[int, int] | None = None  # (span, offset)
    kind: str = ""  # the LineEnds kind


def paragraph_lines(spans: Sequence[Span], setting: LineSetting, rules: LineBreaks, block: int,
                    indent: float, looseness: int = 0) -> LineEnds:
    """Where the paragraph of `spans` (block number `block`, its first line indented by
    `indent`) ends its lines; with a `looseness` of -1, a line fewer where its spaces
    allow. A layout pass after another breaks its paragraphs again: each is broken once for
    the words it may not hyphenate."""
    own = frozenset(word for word in rules.whole_words if word[0] == block)
    return broken(tuple(spans), setting, replace(rules, whole_words=own, lines={}), block,
                  indent, looseness)


# Every paragraph of a document is kept for its next layout, however many it holds (the
# 301-page one holds 1,054; 65,536 make some 18,000 pages); a bound still, since a worker
# builds document after document.
@functools.lru_cache(maxsize=65536)
def broken(spans: tuple[Span, ...], setting: LineSetting, rules: LineBreaks, block: int,
           indent: float, looseness: int) -> LineEnds:
    marked = finished(paragraph_items(spans, setting, rules, block))
    spaces = setting.spaces
    plain = setting.style(Span(""))
    natural = shaper(setting.fonts_folder).width(" ", plain) / plain.size
    stretch = spaces.space_max_em - natural
    limit = (spaces.space_limit_em - natural) / stretch
    usual = (spaces.space_usual_em - spaces.letter_spacing_em - natural) / stretch

    def measure(line: int) -> float:
        return setting.measure - SAFETY - (indent if line == 0 else 0.0)

    def passes() -> Iterator[tuple[list[Marked], tuple[float, ...]]]:
        """Within the widest space, then the house style's, then the limit; then loose, or
        with a line ended short where a loose line would hold holes before a long address (or
        between Chinese characters); then as well as the paragraph allows."""
        yield marked, tuple(sorted({1.0, min(max(usual, 1.0), limit), limit}))
        yield with_short_lines(marked, setting.measure), (float("inf"),)
        yield marked, (float("inf"),)

    for entries, tolerances in passes():
        items = [entry.item for entry in entries]
        try:
            chosen = breaks(items, measure, tolerances, rules.hyphenation.max_lines, looseness)
            break
        except NoBreaking:
            continue
    else:
        entries, chosen = marked, first_fit([entry.item for entry in marked], measure)
    return {entries[index].at: entries[index].kind for index in chosen[:-1]
            if entries[index].at is not None}


def with_short_lines(marked: list[Marked], fill: float) -> list[Marked]:
    """The paragraph where a line may also end short, unjustified, where one may end with
    nothing added: in an address, between Chinese characters, and at a space before a word
    breaking so. Never before a word of prose: a short line in a paragraph's middle reads as
    a break, which no typesetter sets where spacing out would do (InDesign and TeX set the
    loose line, and flag it: "Our investment portfolio, managed" is not left short over the
    rest of its paragraph)."""
    found: list[Marked] = []
    for index, entry in enumerate(marked):
        item = entry.item
        if entry.at is not None and isinstance(item, Glue) and before_breaking_word(marked, index):
            normal, short, rest = short_line_break(item, fill)
            found += [Marked(normal, entry.at, entry.kind),
                      Marked(short, entry.at, SHORT + entry.kind), Marked(rest)]
        elif entry.at is not None and entry.kind == "break" and not item.flagged:
            found.append(entry)
            fill_glue, short, taken_back = short_line_break(None, fill)
            found += [Marked(fill_glue), Marked(short, entry.at, SHORT + entry.kind),
                      Marked(taken_back)]
        else:
            found.append(entry)
    return found


def before_breaking_word(marked: list[Marked], space: int) -> bool:
    """Whether the word after the space at `space` breaks with nothing added (an address,
    Chinese characters): a break of its own before the next space."""
    for entry in marked[space + 1:]:
        if entry.at is not None and isinstance(entry.item, Glue):
            return False
        if entry.kind == "break":
            return True
    return False


def paragraph_items(spans: Sequence[Span], setting: LineSetting, rules: LineBreaks,
                    block: int) -> list[Marked]:
    """The paragraph as boxes, glue and penalties, each break marked with its place."""
    measuring = setting.measuring
    marked: list[Marked] = []
    for number, span in enumerate(spans):
        style = setting.style(span)
        if span.note:  # a note's mark sticks to the word before it, across a space too
            if marked and isinstance(marked[-1].item, Glue) and marked[-1].at is not None:
                marked[-1:] = [Marked(Penalty(0, INFINITY)), Marked(marked[-1].item)]
            marked.append(Marked(Box(measuring.width(span.text, style))))
            continue
        space = measuring.width(" ", style)
        stretch = (setting.spaces.space_max_em * style.size) - space
        glue = Glue(space, stretch, space - setting.spaces.space_min_em * style.size)
        addresses = [(match.start(), match.end()) for match in SET_APART.finditer(span.text)]
        kept, bound = bound_spaces(span.text), bound_hyphens(span.text)
        within = rules.within(span.language) if span.language else rules  # its hyphenation
        for match in WORDS.finditer(span.text):
            token, offset = match.group(), match.start()
            if token == " " and offset not in kept:
                marked.append(Marked(glue, (number, offset), "space"))
            elif token in " \u00a0":  # a no-break space, a telephone number's, a time's
                marked += [Marked(Penalty(0, INFINITY)), Marked(glue)]
            else:
                marked += word_items(match, number, style, within, block, addresses, bound,
                                     setting)
    return marked


def word_items(match: re.Match, span: int, style: TextStyle, rules: LineBreaks, block: int,
               addresses: list[tuple[int, int]], bound: tuple[int, ...],
               setting: LineSetting) -> list[Marked]:
    """A word's pieces, and the breaks allowed between them (`bound`: the span's hyphens no
    line ends at, bound_hyphens)."""
    word = match.group()
    measuring = setting.measuring
    points = word_points(match, rules, block, addresses, bound)
    tracking = setting.spaces.letter_spacing_em * style.size
    if not points:  # most words: one box
        return [Marked(Box(measuring.width(word, style), len(word) * tracking,
                           len(word) * tracking))]
    start = match.start()

    def box(width: float, letters: int) -> Box:
        return Box(width, letters * tracking, letters * tracking)

    marked, done, previous = [], 0.0, 0
    for position in sorted(points):
        width = measuring.width(word[:position], style)
        marked.append(Marked(box(width - done, position - previous)))
        previous = position
        kind = points[position]
        if kind == "hyphen":
            penalty = Penalty(measuring.width(HYPHEN, style), HYPHEN_PENALTY, flagged=True)
        elif kind == "compound":
            penalty, kind = Penalty(0.0, COMPOUND_PENALTY, flagged=True), "break"
        elif word[position] == "/":
            penalty = Penalty(0.0, SLASH_PENALTY)
        else:
            penalty = Penalty(0.0, ADDRESS_PENALTY)
        marked.append(Marked(penalty, (span, start + position), kind))
        done = width
    marked.append(Marked(box(measuring.width(word, style) - done, len(word) - previous)))
    return marked


def word_points(match: re.Match, rules: LineBreaks, block: int,
                addresses: list[tuple[int, int]], bound: tuple[int, ...]) -> dict[int, str]:
    """Offsets into a word where it may break, and how: "hyphen", "compound", "break". A word
    holding an address or a file name, even after an opening bracket ("(Programme_2024.pdf),"),
    breaks only where they do."""
    word, start = match.group(), match.start()
    text = match.string
    held = [(first, last) for first, last in addresses
            if first < start + len(word) and start < last]
    if held:
        return {first + point - start: "break" for first, last in held
                for point in address_points(text[first:last])
                if 0 < first + point - start < len(word)}
    points: dict[int, str] = {}
    if "-" in word:  # the only hyphen a compound breaks at
        own = {hyphen - start for hyphen in bound if start <= hyphen < start + len(word)}
        for hyphen in COMPOUND_HYPHEN.finditer(word):
            if hyphen.start() not in own:
                points[hyphen.end()] = "compound"
    if not word.isascii():  # Chinese letters, none ASCII, break between them
        units = {inside for found in FIGURE_UNITS.finditer(word)
                 for inside in range(found.start() + 1, found.end())}
        for pair in UNSPACED_PAIR.finditer(word):
            if pair.start() not in units:
                points[pair.start()] = "break"
    for letters in LETTERS.finditer(text, start, start + len(word)):
        for point in rules.points(letters, block):
            points[letters.start() - start + point] = "hyphen"
    return points


def finished(marked: list[Marked]) -> list[Marked]:
    """The paragraph's last word never hyphenated (an address may still break), and the
    glue filling its last line and the break ending it added."""
    last_space = max((index for index, entry in enumerate(marked)
                      if isinstance(entry.item, Glue)), default=-1)
    kept = [entry for index, entry in enumerate(marked)
            if index < last_space or not isinstance(entry.item, Penalty)
            or not entry.item.flagged]
    return [*kept, Marked(Penalty(0, INFINITY)), Marked(Glue(0.0, FIL, 0.0)),
            Marked(Penalty(0, -INFINITY))]


def inside_number(text: str, start: int, profile) -> bool:
    """Whether a line starting at `start` would part a number written in the language's own
    numerals, from itself, from its unit or from the number it is a range with
    (`二〇二三至二四年度`), or a figure from its unit (`2024年`)."""
    numerals, joiners = profile.numeral_characters, profile.range_joiners
    def numeral(index: int) -> bool:
        return 0 <= index < len(text) and (text[index] in numerals or text[index].isdigit())

    at = text[start]
    return (numeral(start - 1) and at in numerals + profile.units
            or bool(joiners) and (numeral(start - 1) and at in joiners and numeral(start + 1)
                                  or text[start - 1] in joiners and numeral(start)
                                  and numeral(start - 2)))


def balanced(text: str, style: TextStyle, measure: float, fonts_folder: Path,
             spaced: bool = True, openings: tuple[str, ...] = ()) -> list[int]:
    """Where a heading too long for one line breaks so that its lines are as even as they
    can be in the fewest lines, and none holds a single word alone: the offsets of the
    characters starting its lines but the first (in a language written without spaces, any
    character the renderer may start a line with). A heading in two languages, one after
    the other, breaks between them, each balanced on its own (`Chair’s Letter` over `to
    Members 2024–25` over `主席致會員函件`), as a typesetter sets it. A number written in a
    language's own numerals never breaks, nor leaves its unit (`二〇二四年`) or the number
    it is a range with (`二〇二三至二四年度`). In a language written without spaces, a
    break at a word's edge its profile knows (`heading_breaks`, given the `openings` that may
    name who speaks) is taken where it leaves the widest line no more than BALANCE_SLACK
    wider than the most even breaks would, as a typesetter breaks a display line by its
    words (`港灣創科基金` over `公布首季資助結果`, not `…基金公` over `布…`)."""
    measuring = shaper(fonts_folder)
    if measuring.width(text, style) <= measure - SAFETY:
        return []
    boundary = language_boundary(text)
    if boundary is not None:
        first, second = text[:boundary], text[boundary + 1:]
        # The first part's last line keeps the space before the break (balanced_heading).
        return [*balanced(first, style, measure - measuring.width(" ", style), fonts_folder,
                          detect(first).words_spaced, openings),
                boundary + 1,
                *(boundary + 1 + start for start in balanced(
                    second, style, measure, fonts_folder, detect(second).words_spaced,
                    openings))]
    edges: frozenset[int] = frozenset()
    if spaced:
        starts = [0] + [match.end() for match in re.finditer(" ", text)]
    else:
        profile = profile_for(style.language)
        starts = [0, *(start for start in line_starts(text, style.language)
                       if not inside_number(text, start, profile))]
        edges = profile.heading_breaks(text, openings)
    ends = [*(start - (1 if spaced else 0) for start in starts[1:]), len(text)]
    at_sense = frozenset(index for index, end in enumerate(ends[:-1])
                         if SENSE_BREAK.search(text[:end]))
    weak_ends = detect(text).unending_words if spaced else frozenset()
    weak = frozenset(index for index, end in enumerate(ends[:-1])
                     if text[starts[index]:end].casefold() in weak_ends)

    def width(first: int, last: int) -> float:  # words first..last on one line
        # A line the break ends keeps its space (balanced_heading), and the renderer sets a
        # line with the space before its break only where the space fits too.
        kept = spaced and last < len(starts) - 1
        return measuring.width(text[starts[first]:ends[last] + kept], style)

    count = len(starts)
    at_edge = frozenset(index for index, start in enumerate(starts[1:]) if start in edges)
    for lines in range(2, count + 1):
        best = balance(count, lines, width, measure - SAFETY, at_sense, weak)
        if best is not None and at_edge:
            widest = max(width(first, last) for first, last in zip(
                [0, *(index + 1 for index in best)], [*best, count - 1], strict=True))
            best = balance(count, lines, width,
                           min(measure - SAFETY, widest + BALANCE_SLACK * style.size),
                           at_sense | at_edge, weak)
        if best is not None:
            return [starts[index + 1] for index in best]
    return []


def line_starts(text: str, language: str) -> list[int]:
    """Where a heading's line of `text` in `language` may start: where the renderer may start
    one (Pango's line breaks, by UAX #14 and the language's rules: in Chinese before most
    characters, never before a closing mark (，。」) nor after an opening one (「), nor inside
    a Latin word or a figure), and before an opening mark after a character (clreq 3.1.7
    lets one start a line; UAX #14 of Pango's Unicode breaks around no quotation mark, LB19:
    `重见天光—— / “南海窑址…`); but never leaving one character alone inside its marks at
    a line's end or start (`“南 / 海窑址…`): the marks hold a name or a phrase."""
    from weasyprint.text.line_break import get_log_attrs

    attributes = get_log_attrs(text, language)
    profile = profile_for(language)
    opening, closing = profile.opening_marks, profile.closing_marks
    starts = [index for index in range(1, len(text))
              if attributes[index].is_line_break
              or text[index] in opening and text[index - 1] not in opening]
    if not opening:
        return starts
    return [index for index in starts
            if not (index >= 2 and text[index - 2] in opening)
            and not (index + 1 < len(text) and text[index + 1] in closing)]


def balance(count: int, lines: int, width, measure: float,
            at_sense: frozenset[int] = frozenset(),
            weak: frozenset[int] = frozenset()) -> list[int] | None:
    """The last word of each line but the last, for `count` words in `lines` lines each
    holding two words or more where it can, as few lines as can ending on a word that
    leads into the next (a word `weak`: `of`, `the`; a typesetter breaks a display line by
    its sense, not `Notes on` over `the Methodology of the` over `Regional Housing
    Survey`), as many as can ending at a break in the sense (a word `at_sense`), and of
    those the widest line as narrow as it can be; None when they do not fit."""
    least = 2 if count >= 2 * lines else 1
    best: dict[tuple[int, int], tuple[int, int, float, list[int]] | None] = {}

    def fit(start: int, left: int) -> tuple[int, int, float, list[int]] | None:
        if (start, left) in best:
            return best[(start, left)]
        found = None
        if left == 1:
            if count - start >= least and width(start, count - 1) <= measure:
                found = (0, 0, width(start, count - 1), [])
        else:
            for last in range(start + least - 1, count - least * (left - 1)):
                line = width(start, last)
                if line > measure:
                    break
                rest = fit(last + 1, left - 1)
                if rest is None:
                    continue
                candidate = (rest[0] + (last in weak), rest[1] + (last not in at_sense),
                             max(line, rest[2]), [last, *rest[3]])
                if found is None or candidate[:3] < found[:3]:
                    found = candidate
        best[(start, left)] = found
        return found

    result = fit(0, lines)
    return None if result is None else result[3]
