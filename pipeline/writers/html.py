"""The HTML of a document in one layout: the layout's Jinja2 template fed with the model.

A layout's folder may hold its own document.html; otherwise the shared one in
layouts/templates/ serves, so layouts differing only in CSS keep one template.

Source text reaches the template as data only (autoescaped values), never as template
code. The HTML names figure images relative to source/ and no stylesheet: the PDF
renderer gives the base URL and the layout's stylesheet, so the HTML itself does not
depend on where the project lies.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from pipeline.languages import is_chinese, is_chinese_tag
from pipeline.layouts import Layout
from pipeline.model import (
    Document,
    Figure,
    Heading,
    List,
    Metadata,
    Note,
    Paragraph,
    SignOff,
    Table,
    UnknownBlock,
)
from pipeline.writers.justified import Setting, paragraph_lines
from pipeline.writers.language_tags import holds_chinese
from pipeline.writers.line_breaks import LineBreaks, LineEnds, unbroken


@dataclass(frozen=True)
class Placement:
    """Where the writers set the blocks: their order, and the figures they scale."""

    order: tuple[int, ...] = ()  # block indices in the order they are set; () the model's
    scales: dict[int, float] = field(default_factory=dict)  # block index -> share of width
    # (block index, word): words left whole, to end a ladder of hyphenated lines
    whole_words: frozenset[tuple[int, str]] = frozenset()

    def ordered(self, count: int) -> tuple[int, ...]:
        return self.order or tuple(range(count))


def render_html(document: Document, layout: Layout, placement: Placement | None = None,
                setting: Setting | None = None) -> str:
    """The HTML of `document` in `layout`; `placement` may set figures later or smaller, as
    the PDF writer's figure placement asks; with a `setting`, the layout's justified
    paragraphs are broken into lines by the writer."""
    placement = placement or Placement()
    template = environment(layout.folder, layout.templates_folder).get_template(layout.template)
    numbered = list(zip(document.blocks, anchors(document), strict=True))
    order = placement.ordered(len(numbered))
    breaks = LineBreaks(layout.hyphenation, document.metadata.language, layout.links,
                        placement.whole_words)
    if setting is not None:
        breaks = replace(breaks, lines=justified_lines(document, order, setting, breaks))
    return template.render(
        layout=layout,
        page=layout.page,
        metadata=document.metadata,
        author=document.author,
        description=description(document.metadata),
        date=document.metadata.moment.isoformat(),
        shown_date=shown_date(document.metadata.date, document.metadata.language),
        byline=document.byline,
        blocks=[(*numbered[index], index) for index in order],
        scales=placement.scales,
        fonts=functools.partial(font_families, chinese_text=holds_chinese(document),
                                language=document.metadata.language),
        breaks=breaks,
        grid=grid_characters(layout) if is_chinese_tag(document.metadata.language) else 0,
        lines_of=functools.partial(line_attributes, breaks.lines, setting),
    )


def grid_characters(layout: Layout) -> int:
    """How many characters of the body a Chinese line holds: the text area's width in whole
    characters, so every line of Chinese fills it with none spread (clreq, 3.1: the
    width of the text area a whole number of characters)."""
    return int(layout.page.measure_mm / (layout.body_size_pt * 25.4 / 72))


def justified_lines(document: Document, order: tuple[int, ...], setting: Setting,
                    rules: LineBreaks) -> dict[int, LineEnds]:
    """Each paragraph's line ends, as the writer breaks it; not in a Chinese paragraph or
    document, which the renderer sets character by character on its grid."""
    if is_chinese_tag(document.metadata.language):
        return {}
    lines, previous = {}, None
    for index in order:
        block = document.blocks[index]
        if isinstance(block, Paragraph) and not is_chinese(block.text):
            # A paragraph after a paragraph (a note, a sign-off: any <p>) is indented.
            indent = setting.indent if isinstance(previous, (Paragraph, Note, SignOff)) else 0.0
            lines[index] = paragraph_lines(block.spans, setting, rules, index, indent)
        previous = block
    return lines


def line_attributes(lines: dict[int, LineEnds], setting: Setting | None, index: int) -> Markup:
    """A paragraph the writer broke into lines: how many, for the PDF writer, which widens
    each line to the measure (writers/pdf/justified_lines.py), and its spaces and letters
    set as narrow as they may shrink."""
    if index not in lines or setting is None:
        return Markup("")
    return Markup(' data-lines="{}" style="word-spacing: -{:.4f}em; letter-spacing: -{:.4f}em"'
                  ).format(len(lines[index]) + 1, setting.shrink_em,
                           setting.spaces.letter_spacing_em)


@functools.cache
def environment(folder: Path, shared: Path) -> Environment:
    """One Jinja2 environment per layout folder, so templates are compiled once; a
    template is looked for in the layout's folder first, then in the shared folder."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder), FileSystemLoader(shared)]),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name in a template fails the build
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests.update(
        heading=lambda block: isinstance(block, Heading),
        figure=lambda block: isinstance(block, Figure),
        paragraph=lambda block: isinstance(block, Paragraph),
        list_block=lambda block: isinstance(block, List),
        table_block=lambda block: isinstance(block, Table),
        sign_off=lambda block: isinstance(block, SignOff),
        note=lambda block: isinstance(block, Note),
    )
    env.globals["unknown_block"] = unknown_block
    env.filters["css_string"] = css_string
    env.filters["unbroken"] = pass_context(
        lambda context, text: unbroken(text, context["metadata"].language))
    env.tests["chinese"] = is_chinese
    return env


def font_families(latin: str, chinese: str, *, chinese_text: bool,
                  language: str) -> Markup:
    """A layout's family and, for a document holding Chinese, its Chinese face: after the
    Latin one, or before it in a Chinese document, whose ellipsis and dash are Chinese."""
    families = [latin, chinese] if chinese and chinese_text else [latin]
    if is_chinese_tag(language):
        families.reverse()
    return Markup(", ").join(css_string(family) for family in families)


def unknown_block(block: object) -> None:
    """Called by a template for a block it has no rule for: an error, not a paragraph."""
    raise UnknownBlock(block, "the HTML template")


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


def css_string(value: str) -> Markup:
    """A CSS string literal for a <style> element, where HTML escaping does not apply:
    anything but letters, digits, spaces and hyphens becomes a CSS escape."""
    escaped = "".join(
        char if char.isalnum() or char in " -" else f"\\{ord(char):x} " for char in value
    )
    return Markup(f'"{escaped}"')


def shown_date(date: str, language: str = "en-GB") -> str:
    """The metadata's date as a reader sees it: "2024", "June 2024", "11 June 2024"; in
    Chinese "2024年", "2024年6月", "2024年6月11日"."""
    parts = date.split("-")
    if is_chinese_tag(language):
        return "".join(f"{int(part)}{unit}" for part, unit in zip(parts, "年月日", strict=False)
                       if part.isdigit()) if date else ""
    if len(parts) == 1:
        return date
    day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    return f"{day.day} {day:%B %Y}" if len(parts) == 3 else f"{day:%B %Y}"
