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
import re
from dataclasses import dataclass, field
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
    Span,
    Table,
    UnknownBlock,
    link_runs,
    plain,
)
from pipeline.writers.language_tags import holds_chinese
from pipeline.writers.line_breaks import LineBreaks, unbroken


@dataclass(frozen=True)
class Placement:
    """Where the writers set the blocks: their order, and the figures they scale."""

    order: tuple[int, ...] = ()  # block indices in the order they are set; () the model's
    scales: dict[int, float] = field(default_factory=dict)  # block index -> share of width
    # (block index, word): words left whole, to end a ladder of hyphenated lines
    whole_words: frozenset[tuple[int, str]] = frozenset()

    def ordered(self, count: int) -> tuple[int, ...]:
        return self.order or tuple(range(count))


def render_html(document: Document, layout: Layout, placement: Placement | None = None) -> str:
    """The HTML of `document` in `layout`; `placement` may set figures later or smaller, as
    the PDF writer's figure placement asks."""
    placement = placement or Placement()
    template = environment(layout.folder, layout.templates_folder).get_template(layout.template)
    numbered = list(zip(document.blocks, anchors(document), strict=True))
    return template.render(
        layout=layout,
        page=layout.page,
        metadata=document.metadata,
        author=document.author,
        description=description(document.metadata),
        date=document.metadata.moment.isoformat(),
        shown_date=shown_date(document.metadata.date, document.metadata.language),
        byline=document.byline,
        blocks=[(*numbered[index], index) for index in placement.ordered(len(numbered))],
        scales=placement.scales,
        fonts=functools.partial(font_families, chinese_text=holds_chinese(document),
                                language=document.metadata.language),
        breaks=LineBreaks(layout.hyphenation, document.metadata.language, layout.links,
                          placement.whole_words),
    )


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
    env.globals["position_tags"] = {"superscript": "sup", "subscript": "sub"}
    env.filters["css_string"] = css_string
    env.filters["link_runs"] = link_runs
    env.tests["showing"] = shows_address
    env.filters["unbroken"] = pass_context(
        lambda context, text: unbroken(text, context["metadata"].language))
    env.tests["chinese"] = is_chinese
    return env


def shows_address(spans: tuple[Span, ...], address: str) -> bool:
    """Whether a link's text is its address ("example.org/a" for "https://example.org/a"),
    so that print, which cannot follow a link, need not add the address after it."""
    def bare(text: str) -> str:
        return re.sub(r"^(?:https?://|mailto:)?(?:www\.)?", "", text.strip()).rstrip("/")

    return bare(plain(tuple(spans))) == bare(address)


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
