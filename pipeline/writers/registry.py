"""The table of writers: every output the document model is written to, each called alike.

Each writer knows the model only, never where its text came from, and handles every type
of block in it (model.Block); a block type it lacks a rule for raises model.UnknownBlock.
Writers are imported when first called: the PDF writer's WeasyPrint costs a second.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.layouts import Layout
from pipeline.model import Document

Writer = Callable[[Document, Layout, Path], object]


def json_form(document: Document, layout: Layout, source_dir: Path) -> dict:
    from pipeline.model import to_json

    return to_json(document)


def html(document: Document, layout: Layout, source_dir: Path) -> str:
    from pipeline.writers.html import render_html

    return render_html(document, layout)


def pdf(document: Document, layout: Layout, source_dir: Path) -> bytes:
    from pipeline.writers.pdf.render import render_pdf

    return render_pdf(document, layout, source_dir)


def docx(document: Document, layout: Layout, source_dir: Path) -> bytes:
    from pipeline.writers.docx.draft import write_docx

    return write_docx(document, layout, source_dir)


def markup(document: Document, layout: Layout, source_dir: Path) -> str:
    from pipeline.writers.markup import write_markup

    return write_markup(document)


WRITERS: dict[str, Writer] = {
    "json": json_form,  # the model itself, output/<name>/<name>.json
    "html": html,  # a layout's template, the PDF writer's input
    "pdf": pdf,  # print, screen and large-print editions
    "docx": docx,  # the editors' draft
    "markup": markup,  # source/<name>.md, what an edited draft becomes
}
