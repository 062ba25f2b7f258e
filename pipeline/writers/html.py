"""The HTML of a document in one layout: the layout's Jinja2 template fed with the model.

A layout's folder may hold its own document.html; otherwise the shared one in
layouts/templates/ serves, so layouts differing only in CSS keep one template.

Source text reaches the template as data only (autoescaped values), never as template
code. The HTML names figure images relative to source/ and no stylesheet: the PDF
renderer gives the base URL and the layout's stylesheet, so the HTML itself does not
depend on where the project lies.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from pipeline.layouts import Layout
from pipeline.model import Document, Figure, Heading, Metadata, Paragraph, UnknownBlock

# Web and e-mail addresses in running text; a closing punctuation mark is not part of one.
QUOTES = "\"\u201c\u201d\u2018\u2019<>"
ADDRESS = re.compile(
    rf"(?:https?://|www\.)[^\s{QUOTES}]*[^\s{QUOTES}.,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}"
)


def render_html(document: Document, layout: Layout) -> str:
    template = environment(layout.folder, layout.templates_folder).get_template(layout.template)
    return template.render(
        layout=layout,
        page=layout.page,
        metadata=document.metadata,
        author=document.author,
        description=description(document.metadata),
        date=document.metadata.moment.isoformat(),
        byline=document.byline,
        blocks=list(zip(document.blocks, anchors(document), strict=True)),
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
    )
    env.globals["unknown_block"] = unknown_block
    env.filters["css_string"] = css_string
    env.filters["linked"] = linked
    return env


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


def linked(text: str) -> Markup:
    """Escaped text whose web and e-mail addresses are live links."""
    parts, position = [], 0
    for match in ADDRESS.finditer(text):
        address = match.group()
        parts += [escape(text[position:match.start()]),
                  Markup('<a href="{}">{}</a>').format(link_target(address), address)]
        position = match.end()
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def link_target(address: str) -> str:
    if "://" in address:
        return address
    return f"https://{address}" if address.startswith("www.") else f"mailto:{address}"
