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
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from pipeline.languages import PROFILES, Profile, profile_for
from pipeline.layouts import Layout
from pipeline.model import Document, Heading, List, Metadata
from pipeline.writers.html.blocks import Setting, body, byline_html, counter_styles
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
    language = document.metadata.language
    setting = Setting(
        layout=layout,
        breaks=LineBreaks(layout.hyphenation, language, layout.links, placement.whole_words),
        unbroken=functools.partial(unbroken, language=language),
        scales=placement.scales,
    )
    return template.render(
        layout=layout,
        page=layout.page,
        metadata=document.metadata,
        author=document.author,
        description=description(document.metadata),
        date=document.metadata.moment.isoformat(),
        shown_date=document.metadata.shown_date,
        byline=byline_html(document.byline, setting),
        body=body([(*numbered[index], index) for index in placement.ordered(len(numbered))],
                  setting),
        fonts=functools.partial(font_families, layout, scripts=document.scripts,
                                language=language),
        counter_styles=counter_styles(all_lists(document)),
    )


def all_lists(document: Document) -> list[List]:
    """Every list of the document, nested ones too."""
    found: list[List] = []
    pending = [block for block in document.blocks if isinstance(block, List)]
    while pending:
        block = pending.pop()
        found.append(block)
        pending += [item.sublist for item in block.items if item.sublist is not None]
    return found


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
    env.filters["css_string"] = css_string
    env.filters["unbroken"] = pass_context(
        lambda context, text: unbroken(text, context["metadata"].language))
    return env


def font_families(layout: Layout, role: str, *, scripts: frozenset[Profile],
                  language: str) -> Markup:
    """The layout's family for `role` ("body", "heading") and the face it names for each
    script the document holds: after its own, or first in a document in that script's
    language (so a Chinese document's ellipsis and dash are Chinese)."""
    own = profile_for(language)
    families = [layout.heading_font if role == "heading" else layout.body_font]
    for profile in PROFILES:
        face = getattr(layout.faces_for(profile), role) if profile in scripts else ""
        if face:
            families.insert(0 if profile is own else len(families), face)
    return Markup(", ").join(css_string(family) for family in families)


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
