"""Paragraphs of a language set on a grid of characters (Chinese) broken into lines as a
whole by the writer, as English ones are (justified.py), so that a line before a piece no
break parts (`.html）。` after an address, `（9%）；`, `4,320萬元`, a Latin name) shares what
it lacks with the lines before it rather than being spread out alone.

Each character, or each piece no break parts (a Latin word, a figure with its unit), is a box
at its width on the grid; a line may break between any two where the renderer's rules allow
(Pango's: no line begins with a closing mark nor ends with an opening one, a Latin word or a
figure never parted: clreq 3.1.7), never between a figure and its units, before the dash or
the ellipsis, between two marks each set half their width against the other (`」（`, whose
halving the break would undo), before the paragraph's last unit (no single character alone
on its last line), and in an address only before its / . - @, as everywhere. What a line
lacks is counted as spread evenly between its characters and word spaces, at most
SPREAD_EM each where any breaking allows, then as far as the PDF writer spreads a line at
all; else as well as the paragraph allows, every line spread (the PDF writer gives it to
an English phrase's word spaces and its edges first: writers/pdf/justification.py, so
such a line's characters take less than counted). Characters never shrink: they keep
their grid. Nor is a mark's blank half taken in at a line's end (clreq 3.8's first
adjustment: a centred Traditional stop so set is drawn over the mark before it).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from unicodedata import east_asian_width

from pipeline.languages import phrases, profile_for
from pipeline.model import Span
from pipeline.writers.justified import LineSetting, Marked, finished, inside_number
from pipeline.writers.language_tags import halved
from pipeline.writers.line_breaks import (
    SET_APART,
    SHORT,
    LineEnds,
    address_points,
    kept_together,
)
from pipeline.writers.paragraphs import (
    Box,
    Glue,
    NoBreaking,
    Penalty,
    breaks,
    first_fit,
    short_line_break,
)
from pipeline.writers.pdf.justification import SPREAD_CHARACTER, WIDEST_GAP, WIDEST_SPREAD
from pipeline.writers.shaping import Shaper, TextStyle, mapped, shaper

# The spacing between characters a line may take before any breaking is thought loose: a
# tenth of an em, which a reader does not see as spaced out.
SPREAD_EM = 0.1
# CSS pixels a line may measure past the measure and still fill it: a line of whole
# characters fills a measure of whole characters exactly, but for rounding, as the renderer
# sets it (justified.py's SAFETY, kept short of it, would leave every such line one short).
ROUNDING = 0.01


def grid_lines(spans: Sequence[Span], setting: LineSetting, language: str, indent: float,
               phrase_faces: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> LineEnds:
    """Where the paragraph of `spans` in `language` (one set on its grid), its first line
    indented by `indent`, ends its lines; `phrase_faces`: the families a phrase in another
    language is set in, by its language's tag (an English name, in the Latin face)."""
    return broken_on_grid(tuple(spans), setting, language, indent, phrase_faces)


@functools.lru_cache(maxsize=65536)  # as justified.broken: every layout pass breaks it again
def broken_on_grid(spans: tuple[Span, ...], setting: LineSetting, language: str,
                   indent: float, phrase_faces: tuple[tuple[str, tuple[str, ...]], ...]
                   ) -> LineEnds:
    marked = finished(grid_items(spans, setting, language, dict(phrase_faces)))

    def measure(line: int) -> float:
        return setting.measure + ROUNDING - (indent if line == 0 else 0.0)

    # As far as the PDF writer spreads a line: a quarter of an em a character, and no more
    # than WIDEST_SPREAD ems in all over a line of the measure's characters; a line lacking
    # more it leaves short, which in mid-paragraph reads as the paragraph's end.
    size = setting.style(Span("")).size
    widest = min(WIDEST_GAP, WIDEST_SPREAD * size / setting.measure) / SPREAD_EM

    def passes() -> Iterator[tuple[list[Marked], tuple[float, ...]]]:
        """Spread within a tenth of an em, then as far as the PDF writer spreads a line,
        then so with a line left short before a long address, as the PDF writer leaves
        one; else as well as the paragraph allows, every line spread but one so left
        short where spreading it would open holes (as justified.py's last passes): lines
        each as full as it went had left one short in mid-paragraph, reading as the
        paragraph's end."""
        short = with_short_lines(marked, setting.measure, setting.measure / 2)
        yield marked, (1.0, widest)
        yield short, (widest,)
        yield short, (float("inf"),)

    for entries, tolerances in passes():
        try:
            chosen = breaks([entry.item for entry in entries], measure, tolerances)
            break
        except NoBreaking:
            continue
    else:
        entries, chosen = marked, first_fit([entry.item for entry in marked], measure)
    return {entries[index].at: entries[index].kind
            for index in chosen[:-1] if entries[index].at is not None}


def with_short_lines(marked: list[Marked], fill: float, longest: float) -> list[Marked]:
    """The paragraph where a line may also end short, unjustified, before a piece that takes
    no spacing and is longer than `longest` (half a line: a long address's), as a typesetter
    puts a long address on a line of its own; never before a Chinese character or a word,
    where a short line reads as the paragraph's end."""
    found: list[Marked] = []
    for index, entry in enumerate(marked):
        found.append(entry)
        following = next((later.item for later in marked[index + 1:]
                          if isinstance(later.item, Box)), None)
        if (entry.at is not None and following is not None and not following.stretch
                and following.width > longest):
            normal, short, rest = short_line_break(None, fill)
            found += [Marked(normal), Marked(short, entry.at, SHORT + entry.kind), Marked(rest)]
    return found


def grid_items(spans: tuple[Span, ...], setting: LineSetting, language: str,
               phrase_faces: dict[str, tuple[str, ...]]) -> list[Marked]:
    """The paragraph as boxes between the places it may break, each break marked with its
    place: a penalty of nothing between two characters, glue at a word space."""
    text = "".join(span.text for span in spans)
    starts = set(line_starts(text, spans, language))
    profile = profile_for(language)
    measuring = shaper(setting.fonts_folder)
    marked: list[Marked] = []
    offset = 0
    for number, span in enumerate(spans):
        style = setting.style(span)
        stretch = SPREAD_EM * style.size
        compressed = [] if span.note else halved(span.text, profile)
        runs = [] if span.note else styled_runs(span.text, style, profile, phrase_faces)
        cuts = {cut: kind for cut in range(len(span.text) + 1) if offset + cut in starts
                and (kind := break_kind(text, offset, cut, len(span.text)))}
        position = 0
        for cut in [*sorted(cuts), len(span.text)]:
            piece = span.text[position:cut - (cuts.get(cut) == "space")]
            marked += boxes(piece, position, number, compressed, runs, style, setting)
            if cuts.pop(cut, "") == "space":
                space = parts(" ", cut - 1, [], runs, style)[0][2]  # its phrase's, if any
                # Its stretch a box's, which the line's characters share, as the PDF writer
                # spreads a line: glue's would take all a loose line lacks past their own.
                marked += [Marked(Box(0.0, stretch, 0.0)),
                           Marked(Glue(measuring.width(" ", space), 0.0, 0.0),
                                  (number, cut - 1), "space")]
            elif cut < len(span.text):
                marked.append(Marked(Penalty(0.0, 0), break_place(spans, number, cut),
                                     "break"))
            position = cut
        offset += len(span.text)
    return marked


def boxes(piece: str, start: int, number: int, compressed: list[tuple[int, int, bool]],
          runs: list[tuple[int, int, TextStyle]], style: TextStyle,
          setting: LineSetting) -> list[Marked]:
    """The box of `piece`, from offset `start` of span `number`: its characters' widths,
    each in the style of its run (`runs`: a phrase of another language's), those
    `compressed` sets half their width so set, stretching by SPREAD_EM for each character
    spread. A piece wider than a line (a long address's) breaks anywhere, as the renderer
    breaks it (base.css: `overflow-wrap: anywhere`)."""
    width = sum(set_width(part, replace(own, halt=True) if halt else own, setting.fonts_folder,
                          own is not style)
                for part, halt, own in parts(piece, start, compressed, runs, style))
    if len(piece) > 1 and width > setting.measure:
        return [*boxes(piece[0], start, number, compressed, runs, style, setting),
                *(marked for offset in range(1, len(piece)) for marked in (
                    Marked(Penalty(0.0, 0), (number, start + offset), "break"),
                    *boxes(piece[offset], start + offset, number, compressed, runs, style,
                           setting)))]
    stretch = SPREAD_EM * style.size * len(SPREAD_CHARACTER.findall(piece))
    return [Marked(Box(width, stretch, 0.0))] if piece else []


def styled_runs(text: str, style: TextStyle, profile,
                phrase_faces: dict[str, tuple[str, ...]]) -> list[tuple[int, int, TextStyle]]:
    """(start, end, style) of each phrase of `text` in another language, set in its faces
    as the HTML writer tags it (language_tags.tagged)."""
    runs, position = [], 0
    for piece, language in phrases(text, profile):
        if language is not None and language.tag in phrase_faces:
            runs.append((position, position + len(piece), replace(
                style, families=phrase_faces[language.tag], language=language.tag)))
        position += len(piece)
    return runs


@functools.lru_cache(maxsize=65536)  # a paragraph's pieces are mostly its few characters
def set_width(text: str, style: TextStyle, fonts_folder: Path, phrase: bool) -> float:
    """The width of `text` as the renderer may set it: as shaped, but, outside a `phrase`,
    each figure or mark that is not full width as wide as the wider of the first two faces
    of `style` having it sets it, since Pango may take one from the second (a figure after
    a Latin letter: `HK$278.1`), and a line measured short of what is set would be broken
    again by the renderer."""
    measuring = shaper(fonts_folder)
    if phrase:
        return measuring.width(text, style)
    return sum(measuring.width("".join(run), style) if exact
               else sum(widest(character, style, measuring) for character in run)
               for exact, run in itertools.groupby(
                   text, lambda character: east_asian_width(character) in "WF"
                   or character.isalpha()))


def widest(character: str, style: TextStyle, measuring: Shaper) -> float:
    """The width of `character` in the wider of the first two faces of `style` having it."""
    having = [family for family in style.families
              if measuring.face_for(character, replace(style, families=(family,))).family
              == family and ord(character) in mapped(
                  measuring.face_for(character, replace(style, families=(family,))).path)]
    return max((measuring.width(character, replace(style, families=(family,)))
                for family in having[:2]), default=measuring.width(character, style))


def break_place(spans: tuple[Span, ...], number: int, cut: int) -> tuple[int, int]:
    """Where a break before character `cut` of span `number` is written: at the end of the
    span before where it starts the span (outside a link the span is), unless that is a
    note's call, which holds no line end."""
    if cut or not number or spans[number - 1].note:
        return number, cut
    return number - 1, len(spans[number - 1].text)


def break_kind(text: str, offset: int, cut: int, length: int) -> str:
    """How a line breaks before character `cut` of the span of `length` characters starting
    at `offset` in `text`: at the space before it ("space"), between two characters
    ("break"), or "" where the span next to it holds the break (its space, or its start)."""
    before = text[offset + cut - 1] if offset + cut else ""
    if before == " ":
        return "space" if cut else ""
    return "break" if cut < length and before else ""


def parts(piece: str, start: int, compressed: list[tuple[int, int, bool]],
          runs: list[tuple[int, int, TextStyle]], style: TextStyle
          ) -> list[tuple[str, bool, TextStyle]]:
    """`piece` (from offset `start` of its span) cut where the spans set half their marks'
    widths (`compressed`) and the phrases' `runs` begin and end, each part with whether it
    is so set and its style (`style`, or its phrase's)."""
    end = start + len(piece)
    edges = {edge for first, last, *_ in [*compressed, *runs] for edge in (first, last)
             if start < edge < end}
    if not edges and not any(first < end and start < last for first, last, *_ in
                             [*compressed, *runs]):
        return [(piece, False, style)]
    cuts = sorted({start, end, *edges})
    return [(piece[first - start:last - start],
             any(begin <= first < finish for begin, finish, _ in compressed),
             next((own for begin, finish, own in runs if begin <= first < finish), style))
            for first, last in zip(cuts, cuts[1:], strict=False)]


def line_starts(text: str, spans: tuple[Span, ...], language: str) -> list[int]:
    """Where in `text`, the paragraph's, a line may start."""
    profile = profile_for(language)
    renderer = renderer_starts(text, language)
    addresses = [match.span() for match in SET_APART.finditer(text)]
    inside = {position for first, last in addresses for position in range(first + 1, last)}
    starts = {position for position in range(1, len(text))
              if renderer[position] and position not in inside}
    starts |= {first + point for first, last in addresses
               for point in address_points(text[first:last])}
    calls, offset = set(), 0
    for span in spans:
        if span.note:
            calls.add(offset)
        offset += len(span.text)
    unbroken = {match.start() for match in re.finditer(profile.unbroken_before, text)} \
        if profile.unbroken_before else set()
    halves = {position for position in range(1, len(text)) if profile.compressed_punctuation
              and re.search(profile.compressed_punctuation, text[position - 1:position + 1])}
    allowed = sorted(position for position in starts - calls - unbroken - halves
                     if not inside_number(text, position, profile))
    last_unit = f"(?:[{profile.characters}]|[^\\W_{profile.characters}]+)\\W*"
    if allowed and re.fullmatch(last_unit, text[allowed[-1]:]):
        return allowed[:-1]  # a single character never alone on the last line
    return allowed



def renderer_starts(text: str, language: str) -> list[bool]:
    """Whether the renderer may start a line at each offset of `text` as the HTML writer
    sets it, with the word joiners binding what its language keeps together
    (line_breaks.kept_together: a range's dash to its figures, `1～3月`, `2023–24`,
    `9:00–17:00`, a telephone number's groups), which Pango's rules alone would part."""
    from weasyprint.text.line_break import get_log_attrs

    joined = kept_together(text, language, last=False)
    attributes = get_log_attrs(joined, language)
    starts, position = [], 0
    for index, character in enumerate(joined):
        if position < len(text) and character == text[position]:  # not a joiner put in
            starts.append(attributes[index].is_line_break)
            position += 1
    return [*starts, True]
