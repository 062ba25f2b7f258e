"""The HTML of a document in one layout: the layout's Jinja2 template placing the opener,
the byline and the body, whose blocks are rendered in code (blocks.py).

A layout's folder may hold its own document.html; otherwise the shared one in
layouts/templates/ serves, so layouts differing only in CSS keep one template.

Source text reaches the template as data only (autoescaped values), never as template
code. The HTML names figure images relative to source/ and no stylesheet: the PDF
renderer gives the base URL and the layout's stylesheet, so the HTML itself does not
depend on where the project lies.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import CodeType

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup

from pipeline.languages import (
    PROFILES,
    Profile,
    columns,
    detect,
    own_language,
    profile_for,
    written_in,
)
from pipeline.layouts import Layout
from pipeline.model import (
    Document,
    Heading,
    LineBlock,
    List,
    Metadata,
    Note,
    Paragraph,
    Span,
)
from pipeline.writers.exchanges import questions_in_bold
from pipeline.writers.flush import flush_left, greetings
from pipeline.writers.grid_lines import grid_lines
from pipeline.writers.html.blocks import (
    BALANCING_BREAK,
    Setting,
    body,
    byline_html,
    css_string,
    grid_attributes,
    grid_indents,
    in_runs,
    lead_ins,
    style_attribute,
    table_sources,
)
from pipeline.writers.html.running_heads import running_head
from pipeline.writers.justified import LineSetting, balanced, paragraph_lines
from pipeline.writers.line_breaks import (
    LINE_END,
    SHORT,
    LineBreaks,
    LineEnds,
    unbroken,
    with_line_ends,
)
from pipeline.writers.shaping import shaper


@dataclass(frozen=True)
class Placement:
    """Where the writers set the blocks: their order, and the figures they scale."""

    order: tuple[int, ...] = ()  # block indices in the order they are set; () the model's
    scales: dict[int, float] = field(default_factory=dict)  # block index -> share of width
    # (block index, word): words left whole, to end a ladder of hyphenated lines or a page
    whole_words: frozenset[tuple[int, str]] = frozenset()
    whole_tables: frozenset[int] = frozenset()  # kept whole: split, they left a row alone
    # Split though they leave a row alone at a page's foot: kept whole, they left a hole.
    short_splits: frozenset[int] = frozenset()
    tightened: frozenset[int] = frozenset()  # paragraphs set a line shorter, where they can
    loosened: frozenset[int] = frozenset()  # paragraphs set a line longer, where they can
    # Tables let go from the paragraph before them, which is no lead-in (it ends without a
    # colon): kept with it, they took it and its heading overleaf and left a hole.
    parted_tables: frozenset[int] = frozenset()
    # Tables set whole after the running text that follows them (floated): split, they left
    # a few rows at a page's foot.
    floated_tables: frozenset[int] = frozenset()
    # Tables wider than the measure, and how many steps they were set narrower by (base.css:
    # smaller type; large print, a landscape page).
    wide_tables: dict[int, int] = field(default_factory=dict)
    # Tables wider than the measure still at their smallest: what their lines prefer to keep
    # together may break (LineBreaks.yielding).
    yielding_tables: frozenset[int] = frozenset()
    # Tables turned onto pages of their own, their rows shared evenly among them: the body
    # rows (from 0) opening each page after the first (base.css: table.balanced).
    balanced_tables: dict[int, tuple[int, ...]] = field(default_factory=dict)
    close_headings: frozenset[int] = frozenset()  # headings set closer to the text above
    # The opener set closer to the top of the page and to the text: a sign-off alone on the
    # second page then comes back under its letter.
    close_opener: bool = False
    # Paragraphs whose last lines go over with the block after them: a page of one line.
    kept_with_next: frozenset[int] = frozenset()
    # Paragraphs running over onto the last page, and how many of their last lines go over
    # together (CSS widows, more than base.css's two), so that it holds more than a leftover.
    widows: dict[int, int] = field(default_factory=dict)
    # List items kept with the next item or the one before, so that no page's foot or head
    # holds a list's single line: (list block, item's number in the list's order, "next" or
    # "previous").
    kept_items: frozenset[tuple[int, int, str]] = frozenset()
    # Lists whose keeps left a page too empty: none of their items kept any more.
    loose_lists: frozenset[int] = frozenset()
    # Lists whose items holding a nested list may split between its items or after their own
    # text: whole, they left a page too empty.
    split_lists: frozenset[int] = frozenset()
    # Lines kept as lines (more than an address's four) that may split after their first
    # two: whole, with what leads in to them, they left a page too empty.
    split_line_blocks: frozenset[int] = frozenset()
    # Paragraphs with space added under them (CSS pixels), spreading a page too empty over
    # its gaps, as InDesign's vertical justification does within its paragraph spacing limit.
    spread: dict[int, float] = field(default_factory=dict)
    # The spaces closed up on a page a heading and its lines came back onto (CSS pixels): a
    # paragraph's under it, a heading's over it, within the share of themselves they may
    # shrink by (vertical justification, as LaTeX's \parskip shrinks within its glue).
    squeezed: dict[int, float] = field(default_factory=dict)

    def ordered(self, count: int) -> tuple[int, ...]:
        return self.order or tuple(range(count))


def render_html(document: Document, layout: Layout, placement: Placement | None = None,
                lines: LineSetting | None = None) -> str:
    """The HTML of `document` in `layout`; `placement` may set figures later or smaller, as
    the PDF writer's figure placement asks; with `lines` (how the layout sets justified
    lines), the writer breaks the justified paragraphs into lines itself. The layout sets
    the document's language as its table for it says (its measure)."""
    layout = layout.for_language(document.metadata.language)
    placement = placement or Placement()
    if not layout.links:  # print: each link's address after its words
        document = document.with_addresses()
    document = questions_in_bold(document)
    template = environment(layout.folder, layout.templates_folder).get_template(layout.template)
    numbered = list(zip(document.blocks, anchors(document), strict=True))
    language = document.metadata.language
    order = placement.ordered(len(numbered))
    flush, sources = flush_left(document.blocks), table_sources(document.blocks)
    attributed = document.attributions
    breaks = LineBreaks(layout.hyphenation, language, layout.links, placement.whole_words)
    if lines is not None and lines.justified:
        breaks = replace(breaks, lines=justified_lines(
            document, order, lines, breaks, placement.tightened, placement.loosened,
            flush, sources | attributed, phrase_faces(layout, document)),
            on_grid=not profile_for(language).words_spaced)
    heading = functools.partial(balanced_heading, lines, language, openings=openings(document))
    running = functools.partial(
        running_head, layout=layout, language=language, families=font_family_names(
            layout, "heading", layout.running_heads.font if layout.running_heads else "",
            scripts=document.scripts, language=language))
    setting = Setting(
        layout=layout,
        breaks=breaks,
        heading=heading,
        scales=placement.scales,
        whole_tables=placement.whole_tables,
        parted_tables=placement.parted_tables,
        wide_tables=placement.wide_tables,
        yielding_tables=placement.yielding_tables,
        balanced_tables=placement.balanced_tables,
        close_headings=placement.close_headings,
        kept_with_next=placement.kept_with_next | short_under_headings(document.blocks, order),
        widows=placement.widows,
        kept_items=placement.kept_items,
        split_lists=placement.split_lists,
        split_line_blocks=placement.split_line_blocks,
        spread=placement.spread,
        squeezed=placement.squeezed,
        line_attributes=functools.partial(line_attributes, breaks.lines, lines,
                                          on_grid=not profile_for(language).words_spaced),
        referenced=frozenset(document.referenced_notes()),
        flush=flush,
        greetings=greetings(document.blocks),
        table_sources=sources,
        attributions=attributed,
        lead_ins=lead_ins(document.blocks),
        running_head=running,
        **({"cell_ems": functools.partial(shaped_ems, lines)} if lines is not None else {}),
    )
    return template.render(
        layout=layout,
        page=layout.page,
        metadata=document.metadata,
        author=document.author,
        description=description(document.metadata),
        date=document.metadata.moment.isoformat(),
        shown_date=document.imprint_date,
        byline=byline_html(document.byline, setting),
        body=body([(*numbered[index], index) for index in order], setting),
        fonts=functools.partial(font_families, layout, scripts=document.scripts,
                                language=language),
        faces_by_language=faces_by_language(layout, document.scripts),
        grid=layout.grid_characters if not profile_for(language).words_spaced else 0,
        heading=heading,
        running_head=running,
        close_opener=placement.close_opener,
        wide_tables=bool(placement.wide_tables),
    )


# The most columns (a Chinese character two) a block may take and still take fewer lines than
# a heading keeps (base.css: three) on the narrowest measure, large print's: two lines of
# about forty.
SHORT_BLOCK_COLUMNS = 80
HEADING_KEPT_LINES = 3  # of its section, which a heading keeps with it (house style)


def short_under_headings(blocks, order: tuple[int, ...]) -> frozenset[int]:
    """The blocks right under a heading too short to give it the three lines of its section
    it keeps (an object's `Wrought iron, 1890s–1900s` under its name, a line or two):
    kept with the block after them, so that the heading never stands at a page's foot
    over a line alone (base.css keeps a heading with its next block, and a paragraph's
    first three lines together). Lines kept as lines (an address, a board's officers) are
    as many lines as they hold, however short each: three give the heading its three. A
    block that is its heading's whole section (a heading follows it) is kept with nothing:
    the heading keeps all of its section, and the next heading's section goes on as the
    page allows (kept with it, a one-line section had taken the next section, and a letter's
    sign-off after that, over whole, leaving the page before 30 % empty)."""
    found = set()
    for previous, index, following in zip(order, order[1:], [*order[2:], None], strict=False):
        block = blocks[index]
        if following is not None and isinstance(blocks[following], Heading):
            continue
        if isinstance(blocks[previous], Heading) and (
                isinstance(block, Paragraph) and short(block.text)
                or isinstance(block, LineBlock) and len(block.texts) < HEADING_KEPT_LINES):
            found.add(index)
    return frozenset(found)


def short(text: str) -> bool:
    """Whether `text` takes SHORT_BLOCK_COLUMNS columns at most: a text of more characters
    takes more, and is not counted (a paragraph's thousand, in every layout pass)."""
    return len(text) <= SHORT_BLOCK_COLUMNS and columns(text) <= SHORT_BLOCK_COLUMNS


def shaped_ems(lines: LineSetting, text: str, bold: bool) -> float:
    """The ems of `text` set as the body's text (`bold`, as a table's header cell)."""
    style = lines.style(Span("", bold=bold))
    return shaper(lines.fonts_folder).width(text, style) / style.size


def openings(document: Document) -> tuple[str, ...]:
    """What may name who speaks, which a heading may open with: the organisation, and the
    text's first paragraph (a press release's lead opens with its body's name)."""
    lead = next((block.text for block in document.blocks if isinstance(block, Paragraph)), "")
    return tuple(text for text in (document.metadata.organisation, lead) if text)


def balanced_heading(lines: LineSetting | None, language: str, text: str, tag: str,
                     runs: tuple[Span, ...] = (), openings: tuple[str, ...] = ()) -> Markup:
    """A heading (element `tag`) whose compounds never break, its lines balanced where it
    takes more than one, no word left alone on its last line; each of its `runs` whose
    language its author gave in that language; a line of a language written without spaces
    best starting at a word's edge (`openings`, what may name who speaks: justified.balanced)."""
    runs = runs or (Span(text),)
    found = lines.heading(tag) if lines is not None else None
    if found is not None:
        style, measure = found
        spaced = own_language(text, profile_for(language)).words_spaced
        # The space stays before the break: a bookmark and a running head read the
        # heading's text, words apart.
        text = with_line_ends(text, dict.fromkeys(
            balanced(text, style, measure, lines.fonts_folder, spaced, openings), "break"))
    return in_runs(tuple(replace(run, text=piece) for run, piece in zip(
        runs, pieces_of(text, runs), strict=True)), language).replace(LINE_END, BALANCING_BREAK)


def pieces_of(lined: str, runs: tuple[Span, ...]) -> list[str]:
    """The piece of `lined`, the runs' text with line ends put in, that each run sets; a
    line end between two runs opens the second."""
    pieces, position = [], 0
    for run in runs:
        start, letters = position, 0
        while letters < len(run.text):
            letters += lined[position] != LINE_END
            position += 1
        pieces.append(lined[start:position])
    pieces[-1] += lined[position:]
    return pieces


def justified_lines(document: Document, order: tuple[int, ...], setting: LineSetting,
                    rules: LineBreaks, tightened: frozenset[int] = frozenset(),
                    loosened: frozenset[int] = frozenset(),
                    flush: frozenset[int] = frozenset(),
                    apart: frozenset[int] = frozenset(),
                    phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
                    ) -> dict[int | tuple[int, int], LineEnds]:
    """Each paragraph's line ends, as the writer breaks it (a line shorter where
    `tightened`, a line longer where `loosened`, its first line not indented where
    `flush`), but those set `apart` in another type (a table's source line), after which a
    paragraph opens unindented; in a language written without spaces (Chinese), its
    paragraphs in it, on their grid of characters (grid_lines.py), its `phrases` in other
    languages in their faces."""
    language = document.metadata.language
    if not profile_for(language).words_spaced:
        return on_grid(document, order, setting, flush, apart, phrases)
    lines, previous = {}, None
    for index in order:
        block = document.blocks[index]
        if (isinstance(block, Paragraph) and detect(block.text).words_spaced
                and index not in apart):
            # A paragraph after a paragraph (or a note) is indented; after a sign-off (a
            # postscript), as after a heading, it is not.
            before = document.blocks[previous] if previous is not None else None
            indented = (isinstance(before, (Paragraph, Note)) and previous not in apart
                        and index not in flush)
            indent = setting.indent if indented else 0.0
            lines[index] = paragraph_lines(block.spans, setting, rules, index, indent,
                                           (index in loosened) - (index in tightened))
        previous = index
    return lines


def on_grid(document: Document, order: tuple[int, ...], setting: LineSetting,
            flush: frozenset[int], apart: frozenset[int],
            phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
            ) -> dict[int | tuple[int, int], LineEnds]:
    """The line ends of each paragraph and list item of a document in a language set on a
    grid of characters (Chinese) written in it, as the writer breaks them (grid_lines.py):
    a list item's keyed by its list's index and its number in the list."""
    language = document.metadata.language
    size = setting.style(Span("")).size
    lines: dict[int | tuple[int, int], LineEnds] = {}
    for index in order:
        block = document.blocks[index]
        if (isinstance(block, Paragraph) and on_its_grid(block.text, language)
                and index not in apart):
            lines[index] = grid_lines(block.spans, setting, language,
                                      0.0 if index in flush else setting.indent, phrases)
        elif isinstance(block, List):
            for number, (item, indent) in enumerate(grid_indents(block)):
                if on_its_grid(item.text, language):
                    lines[(index, number)] = grid_lines(
                        item.spans, replace(setting, measure=setting.measure - indent * size),
                        language, 0.0, phrases)
    return lines


def phrase_faces(layout: Layout, document: Document) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The body's families of a phrase in each language but the document's, by its tag, as
    the template sets them (`faces_by_language`)."""
    return tuple((profile.tag, font_family_names(layout, "body", scripts=document.scripts,
                                                 language=profile.tag))
                 for profile in PROFILES if profile.tag != document.metadata.language)


def on_its_grid(text: str, language: str) -> bool:
    """Whether a paragraph of `text` in a document in `language` is written in a language
    set on a grid of characters, as the PDF writer spreads its lines (`written_in`: an
    English sentence quoting Chinese is of words, a Chinese one naming an address is not)."""
    return not written_in(text, profile_for(language)).words_spaced


def line_attributes(lines: dict[int, LineEnds], setting: LineSetting | None, index: int,
                    declarations: Sequence[str] = (), on_grid: bool = False) -> Markup:
    """A paragraph's style attribute, of `declarations` (the placement's: the space under it,
    its widows) and, where the writer broke it into lines, its own: how many lines, and which
    of them (from 0) it left short, for the PDF writer, which widens each other line to the
    measure (writers/pdf/justified_lines.py), and its spaces and letters set as narrow as
    they may shrink, its line ends kept (they are line feeds: writers/line_breaks.py); one
    `on_grid` (Chinese) its characters at their width (`grid_attributes`). One attribute: of
    two, a parser keeps the first alone (HTML's parsing of a tag), and the lines were lost."""
    given = style_attribute(declarations)
    if index not in lines or setting is None:
        return given
    ends = [lines[index][end] for end in sorted(lines[index])]
    if on_grid:  # its characters on their grid, its line ends kept (chinese.css)
        return given + grid_attributes(lines[index])
    short = " ".join(str(line) for line, kind in enumerate(ends) if kind.startswith(SHORT))
    return Markup(' data-lines="{}"{} style="{}word-spacing: -{:.4f}em; letter-spacing: -{:.4f}em;'
                  ' white-space: pre-line"'
                  ).format(len(ends) + 1, Markup(' data-short="{}"').format(short) if short
                           else "", "".join(f"{each}; " for each in declarations),
                           setting.shrink_em, setting.spaces.letter_spacing_em)


class CompiledTemplates(BytecodeCache):
    """Each template file compiled once a process, for every layout it serves: Jinja2 keys
    a template's code by its name and file, and takes it only for the source it was
    compiled from (a checksum), so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self.compiled.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = (bucket.checksum, bucket.code)


# Shared by every layout's environment, all made alike (environment), so their compiled
# templates are alike: the layouts sharing layouts/templates/document.html compile it once.
COMPILED_TEMPLATES = CompiledTemplates()


@functools.cache
def environment(folder: Path, shared: Path) -> Environment:
    """One Jinja2 environment per layout folder, so templates are compiled once; a
    template is looked for in the layout's folder first, then in the shared folder."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder), FileSystemLoader(shared)]),
        bytecode_cache=COMPILED_TEMPLATES,
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name in a template fails the build
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    env.filters["unbroken"] = pass_context(
        lambda context, text: unbroken(text, context["metadata"].language))
    return env


FIGURES = "figures"  # the role of a table's columns of figures, set in tabular digits
# Those of its totals row, in bold: a script's words among them ("約27,400戶") in the face
# its headings take, which has a bold (a Chinese Ming here has none; the Hei has).
BOLD_FIGURES = "bold figures"


def font_families(layout: Layout, role: str, family: str = "", *, scripts: frozenset[Profile],
                  language: str) -> Markup:
    """The families of `font_family_names`, as CSS names them."""
    return Markup(", ").join(css_string(name) for name in font_family_names(
        layout, role, family, scripts=scripts, language=language))


def font_family_names(layout: Layout, role: str, family: str = "", *,
                      scripts: frozenset[Profile], language: str) -> tuple[str, ...]:
    """The layout's family for `role` ("body", "heading"), or `family` in its place, and the
    face it names for each script the document holds: after its own, or first in a
    document in that script's language (so a Chinese document's ellipsis and dash are
    Chinese); then the layout's symbol faces, for what none of those has. A table's
    `figures` take the body's, the layout's own family first in any language: its digits
    are tabular, where a Chinese face's are proportional only; `bold figures` take the
    heading faces of the scripts after it."""
    own = profile_for(language) if role not in (FIGURES, BOLD_FIGURES) else None
    script_role = {FIGURES: "body", BOLD_FIGURES: "heading"}.get(role, role)
    role = "body" if role in (FIGURES, BOLD_FIGURES) else role
    families = [family or (layout.heading_font if role == "heading" else layout.body_font)]
    for profile in PROFILES:
        face = getattr(layout.faces_for(profile), script_role) if profile in scripts else ""
        if face and profile is own:  # first, wherever another language sharing it put it
            families = [face, *(family for family in families if family != face)]
        elif face and face not in families:
            families.append(face)
    return (*families, *layout.symbol_fonts)


def faces_by_language(layout: Layout, scripts: frozenset[Profile]) -> list[tuple[str, Markup,
                                                                                 Markup]]:
    """For each language a profile answers, its `:lang()` selector and the body's and the
    headings' families of a text in it (`font_families`), the longest tags last, so that the
    most specific wins as the profiles' lookup does: an element in another language than
    its document's is set in that language's faces first, an English phrase of a Chinese
    text in the Latin face (its quotation marks and dashes proportional, not full-width)
    and a Chinese phrase of an English text in the Chinese face (its punctuation Chinese)."""
    tags = sorted(((tag, profile) for profile in PROFILES for tag in profile.tags),
                  key=lambda entry: len(entry[0]))
    return [(f":lang({tag})",
             font_families(layout, "body", scripts=scripts, language=profile.tag),
             font_families(layout, "heading", scripts=scripts, language=profile.tag))
            for tag, profile in tags]


def anchors(document: Document) -> list[str | None]:
    """Each block's id: a heading's slug, numbered when an earlier heading took it."""
    taken: set[str] = set()
    result: list[str | None] = []
    for block in document.blocks:
        if not isinstance(block, Heading):
            result.append(None)
            continue
        anchor, number = block.anchor, 1
        while anchor in taken:
            number += 1
            anchor = f"{block.anchor}-{number}"
        taken.add(anchor)
        result.append(anchor)
    return result


def description(metadata: Metadata) -> str:
    return " – ".join(part for part in (metadata.title, metadata.subtitle, metadata.organisation)
                      if part)
