"""Lines justified between their characters, as the house style wants Chinese set (a profile
whose `spread_characters` are set: pipeline/languages/).

WeasyPrint 70 justifies a line by widening its spaces only (layout/inline.py, justify_line),
and a line of Chinese has none: it is left short of the measure by a fraction of a
character, or by one or two where a closing mark may not begin the next line. After layout,
each such line of a justified block (its last line aside) gets the space it lacks spread
evenly after its characters, by a letter spacing of its own text boxes (CSS Text 3's
inter-character justification). A line of such a block that holds a space (before an
address, a Latin word) WeasyPrint has already filled by widening that space alone, a hole of
several characters: its spaces are first given back their own width, and the line spread
as any other. A line lacking much more, before a long address, is left short rather than
letter-spaced. A line holding English words gives what it lacks to their word spaces first,
then to the gaps between its Chinese and its English (a single word's too), each up to a
limit, and only the rest to its characters (clreq 3.8, line adjustment: 拉伸 in that order),
so no English is pinched against widened Chinese. A paragraph written in English
(`languages.written_in`), though it quotes a Chinese sentence, is a paragraph of words: its
lines keep the justification WeasyPrint gave their word spaces, the Chinese phrase one word
among them, never spaced out character by character (which a text extractor reads as as
many words: ISO 32000-1 14.8.2.5).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.languages import PROFILES, Profile, profile_for, written_in
from pipeline.layouts import Justification

FULL = 0.01  # CSS pixels short of the measure at which a line counts as full
# The most a line may lack and still be spread, in characters (ems): a line of Chinese lacks
# three at most where what may not start a line (a closing mark or two, `到。」`; a dash) goes
# over with the character before it, up to six where a figure and its unit do, which no break
# parts (clreq 3.1.7: "4,300吨", "9,860万元", "12,345万元"); one lacking more stands before a
# long address or Latin word that no break lets start on it, and is left short rather than
# spaced out. Nor is a line spread by more than a quarter of one after each of its
# characters and word spaces: a line of few, most of it Latin words, would be set loose as
# letter-spaced display type. Its figures and Latin words are not spread, which spacing
# would part (1 1 9): its Chinese characters and marks, and its word spaces, each take an
# equal share of what it lacks (the space before an address no more: never a hole).
WIDEST_SPREAD = 6.0
WIDEST_GAP = 0.25
# The most a gap between a Chinese character and an English phrase opens before the line's
# characters take any spacing, in ems: clreq's default Han-Latin spacing, a quarter of an
# em (it allows a third, or a half, from there); the house style sets none, so a quarter is
# as much as a word space opens in all (from the font's 0.26 em to 0.45 em at most).
WIDEST_LATIN_GAP = 0.25
# What takes a spread line's spacing: what ASCII, a space or a mark of no width (the
# renderer's break in an address, a word joiner) is not.
SPREAD_CHARACTER = re.compile(r"[^\x00-\x7f\s\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def justify_between_characters(pages, scripts: frozenset[Profile],
                               spaces: Justification) -> None:
    """Spread the lacking space of each short line of a justified block (WeasyPrint's
    laid-out pages, changed in place) between its characters, where the line is in a
    language of the document's `scripts` that is so justified (Chinese); the word spaces
    of its English words first, as wide as the layout's `spaces` let an English line's."""
    spread_characters = "|".join(profile.spread_characters for profile in PROFILES
                                 if profile in scripts and profile.spread_characters)
    if not spread_characters:
        return
    from weasyprint.layout.inline import count_expandable_spaces

    lines_of: dict[int, list] = {}  # block element -> its lines, in order across pages
    for page in pages:
        for block, line in block_lines(page._page_box):
            if block.style["text_align_all"] == "justify" and block.element is not None:
                lines_of.setdefault(id(block.element), []).append((block, line))
    for lines in lines_of.values():
        of_words = written_in_words(lines[0][0])
        chosen = spread_lines(lines[0][0].element, len(lines))
        for number, (block, line) in enumerate(lines[:-1]):  # its last line stays short
            # A line of words keeps WeasyPrint's justification: its word spaces take what
            # it lacks, its Chinese phrase one word among them.
            if not (of_words and count_expandable_spaces(line)):
                spread(line, block, spread_characters, spaces.space_max_em, number in chosen)


def spread_lines(element, count: int) -> frozenset[int]:
    """The lines (from 0) of `element`, laid out in `count`, that the writer broke it into
    on its grid to be spread whatever they lack (writers/grid_lines.py): all but those it
    left short; none where the renderer set other lines than the writer's."""
    if element.get("data-grid") is None or element.get("data-lines") != str(count):
        return frozenset()
    short = {int(number) for number in element.get("data-short", "").split()}
    return frozenset(range(count)) - short


def written_in_words(block) -> bool:
    """Whether `block`'s paragraph is written in a language that spaces its words, whatever
    it quotes (`written_in`): an English sentence quoting a Chinese one in a Chinese text."""
    return written_in("".join(block.element.itertext()),
                      profile_for(block.style["lang"] or "")).words_spaced


def block_lines(box) -> Iterator[tuple]:
    """(block, line) for every line box under `box`, its block the box holding it."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.LineBox):
            yield box, child
        elif isinstance(child, boxes.ParentBox):
            yield from block_lines(child)


def spread(line, block, spread_by: str, widest_space: float, chosen: bool = False) -> None:
    """`line` of `block` spread to the measure: its word spaces first, up to `widest_space`
    ems, then the gaps between its Chinese and English text, then its characters
    `spread_by` matches (clreq 3.8's order); where it lacks more than a line is spread by,
    left short, unless the writer `chosen` it to be spread (a line no breaking of its
    paragraph sets within that)."""
    from weasyprint.layout.inline import count_expandable_spaces, justify_line

    text = "".join(text_box.text for text_box in text_boxes(line))
    if len(text) < 2 or not re.search(spread_by, text):
        return
    profile = profile_for(block.style["lang"] or "")
    if profile.spread_characters:
        unjustified(line)  # its space is no word space to take what the line lacks
    lacking = block.content_box_x() + block.width - line_end(line)
    if lacking <= FULL:
        return
    last = list(text_boxes(line))[-1]
    if lacking >= (blank := halved_end(last, profile)):
        lacking -= blank  # the mark whole, its em ending at the measure
    # Spread between its own characters only, its figures and Latin words kept whole
    # ("4,300吨", not "4 , 3 0 0"). Pango spaces each character half before it and half
    # after, each text box's outer halves dropped: the last box's first character's, where
    # it starts the box, and its last one's, which would fall beyond the measure. One
    # opening with a figure (1,250名) keeps the half before its first character.
    gaps = len(SPREAD_CHARACTER.findall(text)) - (
        bool(SPREAD_CHARACTER.match(last.text[:1])) + bool(SPREAD_CHARACTER.match(text[-1]))) / 2
    # The word spaces of its Latin words ("Hong Kong Jockey Club") are counted as gaps of
    # the line, as much as it may lack as any other line.
    spaces = count_expandable_spaces(line)
    size = block.style["font_size"]
    if not gaps or not (
            chosen or lacking <= min(WIDEST_SPREAD, WIDEST_GAP * (gaps + spaces)) * size):
        return  # left short, as the writer leaves an English line before a long address
    if spaces:  # first: WeasyPrint sets a spaced text box's text anew
        opened = min(lacking, spaces * space_room(line, widest_space * size))
        justify_line(None, line, opened)
        lacking -= opened
    # Then its gaps between Chinese and English, on a line of single English words
    # (`與WHO及`) as on one of phrases.
    latin = han_latin_gaps(line)
    if latin and lacking > 0:
        gap = min(lacking / len(latin), WIDEST_LATIN_GAP * size)
        resized(line, lambda text_box: gap if id(text_box) in latin else 0.0, 0.0)
        lacking -= gap * len(latin)
    if lacking > 0:
        widened(line, lacking / gaps, 0.0, SPREAD_CHARACTER)


def space_room(line, widest: float) -> float:
    """How much each word space of `line` may open before one is `widest`: the least any
    of its text boxes' spaces may, each as its own font sets it."""
    from weasyprint.layout.inline import count_expandable_spaces

    return min((max(widest - space_width(text_box.style), 0.0) for text_box in text_boxes(line)
                if count_expandable_spaces(text_box)), default=0.0)


def space_width(style) -> float:
    """The width of a word space as `style`'s font sets it, between two letters."""
    from weasyprint.text.line_break import create_layout, line_size

    def width(text: str) -> float:
        layout = create_layout(text, style, None, None, 0)  # alive while its line is read
        return line_size(layout.get_first_line()[0], style)[0]

    return width("n n") - width("nn")


def han_latin_gaps(line) -> set[int]:
    """The text boxes of `line` (by id) that a gap between Chinese and English follows: a
    Chinese character ending one before a Latin word, or a Latin word before a Chinese
    character, each box set in its own language (`由` | `Harbour Authority` | `主辦`). A box
    of figures alone is no word: a note's call (`擔任主席¹`) stays against its words."""
    boxes = list(text_boxes(line))
    return {id(before) for before, after in zip(boxes, boxes[1:], strict=False)
            if before.text and after.text
            and (han_edge(before.text[-1]) and latin_edge(after.text[0]) and worded(after.text)
                 or latin_edge(before.text[-1]) and worded(before.text)
                 and han_edge(after.text[0]))}


def worded(text: str) -> bool:
    """Whether `text` holds a Latin letter: a word, not figures alone."""
    return any(character.isascii() and character.isalpha() for character in text)


def latin_edge(character: str) -> bool:
    return character.isascii() and character.isalnum()


def han_edge(character: str) -> bool:
    return not character.isascii() and character.isalpha()


def halved_end(last, profile: Profile) -> float:
    """The blank half of the closing mark ending a line, set half its width against an
    opening mark the break has set on the next line (`」（`, clreq 3.1.6.2), else 0: with no
    mark beside it, it takes its whole em where the line has room, as the grid's last
    character; where it has none, it stays halved (clreq 3.1.6), its ink inside."""
    features = last.style["font_feature_settings"]
    if features == "normal" or ("halt", 1) not in features:
        return 0.0
    if not (profile.closing_marks and last.text[-1:] in profile.closing_marks):
        return 0.0
    return last.style["font_size"] / 2


def line_end(line) -> float:
    return max((child.position_x + child.margin_width() for child in line.children),
               default=line.position_x)


def text_boxes(box) -> Iterator:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        yield box
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        for child in box.children:
            yield from text_boxes(child)


def widened(box, spacing: float, advance: float, only: re.Pattern | None = None) -> float:
    """`box` moved right by `advance` and its characters (those `only` matches, if given)
    spaced by `spacing` more; returns the advance of what follows it (as WeasyPrint's
    add_word_spacing does for spaces)."""

    def letter_spaced(text_box) -> float:
        style = text_box.style.copy()  # the line's own: the paragraph's other lines share it
        letter_spacing = style["letter_spacing"]
        style["letter_spacing"] = (0 if letter_spacing == "normal" else letter_spacing) + spacing
        text_box.style = style
        return spacing * len(text_box.text)

    def some_spaced(text_box) -> float:
        return characters_spaced(text_box.pango_layout, only, spacing) * len(
            only.findall(text_box.text))

    return resized(box, letter_spaced if only is None else some_spaced, advance)


def characters_spaced(layout, only: re.Pattern, spacing: float) -> float:
    """The text box's layout set so that, as it is drawn (WeasyPrint sets its text again
    then), each of its characters `only` matches is followed by `spacing` more: Pango's
    letter spacing on those characters alone. Returns `spacing`."""
    from weasyprint.text.ffi import TO_UNITS, ffi, pango

    set_text = layout.set_text

    def spaced_text(text, justify=False):
        set_text(text, justify)
        attributes = pango.pango_layout_get_attributes(layout.layout)
        if attributes == ffi.NULL:
            attributes = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
        start = 0
        for character in text:
            end = start + len(character.encode())
            if only.match(character):
                attribute = pango.pango_attr_letter_spacing_new(int(spacing * TO_UNITS))
                attribute.start_index, attribute.end_index = start, end
                pango.pango_attr_list_change(attributes, attribute)
            start = end
        pango.pango_layout_set_attributes(layout.layout, attributes)

    layout.set_text = spaced_text
    return spacing


def unjustified(line) -> None:
    """`line` with the spacing WeasyPrint's justification gave its spaces taken back
    (layout/inline.py, add_word_spacing), what follows each moved back with it."""
    from weasyprint.layout.inline import count_expandable_spaces

    def spaces_given_back(text_box) -> float:
        extra = text_box.justification_spacing * count_expandable_spaces(text_box)
        if extra:
            text_box.justification_spacing = 0
            text_box.pango_layout.justification_spacing = 0  # as it is drawn
        return -extra

    resized(line, spaces_given_back, 0.0)


def resized(box, extra_of, advance: float) -> float:
    """`box` moved right by `advance`, each of its text boxes made wider by what `extra_of`
    changes in it (returning the width it adds), what follows moved on; returns the advance
    of what follows `box`."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        box.position_x += advance
        extra = extra_of(box)
        box.width += extra
        return advance + extra
    if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += advance
        start = advance
        for child in box.children:
            if child.is_in_normal_flow():
                advance = resized(child, extra_of, advance)
        box.width += advance - start
        return advance
    box.translate(advance, 0)
    return advance
