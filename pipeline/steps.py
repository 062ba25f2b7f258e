"""The build steps: each reads its inputs from a project, runs stages, writes outputs atomically.

Heavy libraries (WeasyPrint, python-docx) are imported inside the steps that use
them, so declaring tasks stays cheap.
"""

from __future__ import annotations

from pathlib import Path

from . import files
from .project import Project


def build_model(root: Path, name: str) -> None:
    """Source text (and metadata) -> the document model and the deduplication report."""
    from .cleaning import clean_text
    from .dedupe import deduplicate, report
    from .metadata import load_metadata
    from .model import to_json
    from .reading import read_source
    from .structure import build_document

    project = Project(Path(root))
    metadata = load_metadata(project.metadata(name), project.layouts())
    result = deduplicate(clean_text(read_source(project.source(name))))
    document = build_document(name, result.units, metadata)
    files.write_json(project.dedupe_report(name), report(name, result))
    files.write_json(project.model(name), to_json(document))


def load_document(project: Project, name: str):
    from .model import from_json

    return from_json(files.read_json(project.model(name)))


def build_pdf(root: Path, name: str, layout_name: str) -> None:
    from .layouts import load_layout
    from .pdf import render_pdf

    project = Project(Path(root))
    layout = load_layout(project.layouts_dir, layout_name)
    pdf = render_pdf(load_document(project, name), layout, project.source_dir)
    files.write_bytes(project.pdf(name, layout_name), pdf)


def build_docx(root: Path, name: str) -> None:
    from .docx_writer import write_docx
    from .layouts import load_layout

    project = Project(Path(root))
    layout = load_layout(project.layouts_dir, "print")
    docx = write_docx(load_document(project, name), layout, project.source_dir)
    files.write_bytes(project.docx(name), docx)
