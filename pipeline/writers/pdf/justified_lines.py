"""The lines the writer broke (writers/justified.py), set by WeasyPrint as they were chosen.

Before: how the layout sets a justified paragraph, read from a sample laid out with its
stylesheets (its measure, its indent, the font of plain, bold, italic text and of a note's
mark), so the writer measures lines as the renderer will set them.

After: WeasyPrint sets each chosen line as it stands, its spaces at their narrowest, ending
at a forced break (and a forced break makes a line last, so left unjustified); each line
but the paragraph's last then gets the space it lacks spread over its word spaces, by
WeasyPrint's own justification (layout/inline.py, justify_line) and, a little, over its
letters (as InDesign's letter spacing, never beyond its maximum), and the last line its
spaces and letters back at the font's width, as does a line the writer left short.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.languages import Profile, holder_of, profile_for
from pipeline.layouts import Justification, Layout
from pipeline.model import Document, Heading, Metadata, Paragraph, Span
from pipeline.writers.html import render_html
from pipeline.writers.justified import LineSetting
from pipeline.writers.pdf.justification import block_lines, line_end, text_boxes, widened
from pipeline.writers.pdf.placement import descendants
from pipeline.writers.shaping import TextStyle

# The kinds of span a paragraph holds: (bold, italic, note); a note's call in bold or italic
# text too, as an editor's draft puts one after an emphasised phrase.
KINDS = tuple((bold, italic, note) for note in (False, True) for bold, italic in (
    (False, False), (True, False), (False, True), (True, True)))


def paragraph_setting(document: Document, layout: Layout, stylesheets: list,
                      fetcher) -> LineSetting:
    """How `layout` sets `document`'s paragraphs and headings: read once a process for each
    layout, language, and the scripts whose faces come in."""
    key = (layout, document.metadata.language, document.scripts)
    if key not in SETTINGS:
        SETTINGS[key] = sample_setting(layout, *key[1:], stylesheets, fetcher)
    return SETTINGS[key]


SETTINGS: dict[tuple, LineSetting] = {}


def sample_setting(layout: Layout, language: str, scripts: frozenset[Profile],
                   stylesheets: list, fetcher) -> LineSetting:
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes as weasy_boxes

    from pipeline.writers.pdf.faces import font_configuration
    from pipeline.writers.pdf.pagination import paginated
    from pipeline.writers.pdf.urls import SOURCE_URL

    html = render_html(sample(language, scripts), layout)
    laid_out = paginated(HTML(string=html, base_url=SOURCE_URL, url_fetcher=fetcher),
                         stylesheets=stylesheets, font_config=font_configuration())
    paragraphs = [box for box in descendants(laid_out.pages[0]._page_box)
                  if box.element_tag == "p" and box.element is not None
                  and box.element.get("data-block") in ("1", "2")]
    first, second = paragraphs[0], paragraphs[-1]
    styles = {}
    for kind, text_box in zip(KINDS, block_text(first), strict=True):
        styles[kind] = text_style(text_box.style)
    headings = {}
    for box in descendants(laid_out.pages[0]._page_box):
        if isinstance(box, weasy_boxes.BlockBox) and (tag := display_tag(box)):
            headings.setdefault(tag, (text_style(next(block_text(box)).style), box.width))
    return LineSetting(first.width, second.style["text_indent"].value, tuple(styles.items()),
                       layout.fonts_folder, layout.justification,
                       first.style["text_align_all"] == "justify",
                       tuple((tag, *found) for tag, found in headings.items()))


def display_tag(box) -> str:
    """The name a display line's setting is kept by: a heading's tag, or `subtitle` for the
    opener's subtitle, balanced as a heading is; "" for any other box."""
    if box.element_tag in ("h1", "h2", "h3"):
        return box.element_tag
    classes = (box.element.get("class") or "").split() if box.element is not None else []
    return "subtitle" if box.element_tag == "p" and "subtitle" in classes else ""


def sample(language: str, scripts: frozenset[Profile]) -> Document:
    """A title and subtitle, a heading and two paragraphs holding each kind of span, in
    `language`; with a letter of each language with letters of its own the document holds
    (`own_letter`), so their faces come in, in the order its language puts them. The
    spans hold figures, of no language: a word would be a phrase of another language in a
    document in another script (English in Chinese), its boxes in that language, not the
    document's. The notes its calls call are left out: nothing is read from them, and laying
    out their labels took a quarter of the sample's time."""
    spans = tuple(Span(f"{number} " if not note else f"{number - 3}", bold=bold,
                       italic=italic, note=f"{number - 3}" if note else "")
                  for number, (bold, italic, note) in enumerate(KINDS))
    letters = "".join(sorted(own_letter(profile) for profile in scripts))
    return Document("sample", Metadata(title=f"0 {letters}".strip(), subtitle="7",
                                       language=language),
                    None,
                    (Heading("0"), Paragraph(spans), Paragraph((Span("4"),)),
                     Heading("6", level=2)))


def own_letter(profile: Profile) -> str:
    """A letter `profile` holds before any other profile of its script: a numeral of its own
    (Simplified Chinese's 亿, which Chinese would hold too), so a sample holding it holds
    that language, as its document does; else the first of its letters."""
    return next((numeral for numeral in profile.numeral_characters
                 if holder_of(numeral, profile.script) is profile), profile.characters[0])


def text_style(style) -> TextStyle:
    letter_spacing = style["letter_spacing"]
    return TextStyle(tuple(style["font_family"]), style["font_size"], int(style["font_weight"]),
                     style["font_style"] in ("italic", "oblique"),
                     0.0 if letter_spacing == "normal" else letter_spacing,
                     style["word_spacing"], style["lang"] or "en")


def block_text(block) -> Iterator:
    """The text boxes of a block's lines."""
    for _, line in block_lines(block):
        yield from text_boxes(line)


def justify_lines(pages, spaces: Justification) -> list[int]:
    """Spread each chosen line to the measure (WeasyPrint's laid-out pages, changed in place),
    over its spaces and letters as the writer reckoned (`spaces`: the layout's); returns
    the blocks whose lines are not the writer's (another count of lines)."""
    lines_of: dict[int, list] = {}
    for page in pages:
        for block, line in block_lines(page._page_box):
            element = block.element
            if element is not None and element.get("data-lines") and block.element_tag == "p":
                lines_of.setdefault(int(element.get("data-block")), []).append((block, line))
    moved = []
    for index, lines in lines_of.items():
        element = lines[0][0].element
        if len(lines) != int(element.get("data-lines")):
            moved.append(index)
        if profile_for(lines[0][0].style["lang"] or "").spread_characters:
            continue  # on its grid: spread between its characters (justification.py)
        short = {int(number) for number in element.get("data-short", "").split()}
        for number, (block, line) in enumerate(lines[:-1]):
            if number in short:  # left short by the writer, as a paragraph's last line
                natural(block, line)
            else:
                spread(block, line, spaces)
        block, line = lines[-1]
        natural(block, line)
    return sorted(moved)


def spread(block, line, spaces: Justification) -> None:
    """A line widened to the measure: its letters and its spaces from their narrowest, in
    the proportion the writer's breaking took them (writers/justified.py). Where that would
    widen its spaces beyond the layout's limit (a paragraph no breaking sets within it,
    a capitalised word the house style never hyphenates), its letters take what the spaces
    may not, up to the layout's widest for such a line (`letter_spacing_limit_em`; its gaps
    then as near the house style's widest as that brings them, not just under the limit,
    which a reader sees no differently), and the spaces the rest: where still beyond the
    limit, a loose line, which the preflight names, never letters spaced out of
    their words (InDesign likewise keeps letter spacing's maximum and exceeds word
    spacing's; TeX leaves such a line underfull)."""
    from weasyprint.layout.inline import count_expandable_spaces, justify_line

    size = block.style["font_size"]
    space_range = (spaces.space_max_em - spaces.space_min_em) * size
    letter_range = 2 * spaces.letter_spacing_em * size
    lacking = block.content_box_x() + block.width - line_end(line)
    gaps = count_expandable_spaces(line)
    letters = sum(len(box.text) for box in text_boxes(line))
    stretch = gaps * space_range + letters * letter_range
    if lacking <= 0 or stretch <= 0 or not letters:
        return
    share = lacking / stretch
    letter = min(share, 1.0) * letter_range  # each character's spacing, more than its narrowest
    # A gap between words as it is seen: its space and the spacing of the letter before it.
    narrowest = (spaces.space_min_em - spaces.letter_spacing_em) * size
    widest = spaces.space_limit_em * size
    if gaps and letters > 2 * gaps and (
            narrowest + (lacking - letters * letter) / gaps + 2 * letter > widest):
        # Letters spaced so its gaps come down to the house style's widest, as far as they may.
        usual = spaces.space_usual_em * size
        loosest = (spaces.letter_spacing_em
                   + max(spaces.letter_spacing_limit_em, spaces.letter_spacing_em)) * size
        letter = min((lacking - gaps * (usual - narrowest)) / (letters - 2 * gaps), loosest)
    if letter > 0:
        widened(line, letter, 0.0)
    lacking = block.content_box_x() + block.width - line_end(line)
    if lacking > 0 and gaps:
        justify_line(None, line, lacking)


def natural(block, line) -> None:
    """A paragraph's last line with its letters and spaces as the font sets them, or as near
    as the measure allows (the writer may have shrunk them to end the paragraph there)."""
    from weasyprint.layout.inline import add_word_spacing, count_expandable_spaces

    letter = -block.style["letter_spacing"] if block.style["letter_spacing"] != "normal" else 0
    space = -block.style["word_spacing"]
    letters = sum(len(box.text) for box in text_boxes(line))
    wanted = max(letter, 0) * letters + max(space, 0) * count_expandable_spaces(line)
    room = block.content_box_x() + block.width - line_end(line)
    share = min(1.0, room / wanted) if wanted > 0 else 0.0
    if letter > 0 and share > 0:
        widened(line, letter * share, 0.0)
    if space > 0 and share > 0:
        add_word_spacing(None, line, space * share, 0)
