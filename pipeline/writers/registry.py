"""The table of writers: every output format a build step writes the document model to, each
called alike.

Each writer knows the model only, never where its text came from, and handles every type
of block in it (model.Block); a block type it lacks a rule for raises model.UnknownBlock.
Writers are imported when first called: the PDF writer's WeasyPrint costs a second. A step
looks its writer up by its format's name (`WRITERS["pdf"]`), so that its code is that
writer's only (tasks/code.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.layouts import Layout
    from pipeline.model import Document

Writer = Callable[["Document", "Layout", Path], object]


def pdf(document: Document, layout: Layout, source_dir: Path) -> bytes:
    from pipeline.writers.pdf.render import render_pdf

    return render_pdf(document, layout, source_dir)


def docx(document: Document, layout: Layout, source_dir: Path):
    """The draft as docx/draft.py's Draft: its bytes, and what its pictures were (imported
    here only: a PDF's code is not the draft's)."""
    from pipeline.writers.docx.draft import write_draft

    return write_draft(document, layout, source_dir)


WRITERS: dict[str, Writer] = {
    "pdf": pdf,  # print, screen and large-print editions, through a layout each
    "docx": docx,  # the editors' draft
}
