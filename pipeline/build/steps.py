"""The build steps: each reads its inputs from a project, runs stages, writes outputs atomically.

Heavy libraries (WeasyPrint, python-docx) are imported inside the steps that use
them, so declaring tasks stays cheap.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline import files
from pipeline.build import drafts
from pipeline.build.project import Project
from pipeline.errors import PipelineError, RenderingError


def build_model(root: Path, name: str) -> None:
    """Source (raw text, or marked-up text holding DOCX edits) -> the document model."""
    from pipeline.model import to_json
    from pipeline.readers.metadata import load_metadata

    project = Project(Path(root))
    metadata = load_metadata(project.metadata(name), project.layouts())
    state = drafts.load_state(project.draft_state(name))
    if drafts.edited(project.docx(name), state):
        import_draft(project, name, metadata, state)
    else:
        refuse_stale_markup(project, name, state)
    if project.text(name) == project.markup(name):
        document, report = read_marked_up(project, name, metadata)
    else:
        document, report = read_raw(project, name, metadata)
    files.write_json(project.dedupe_report(name), report)
    files.write_json(project.model(name), to_json(document))
    state["sources"] = drafts.digests(project.sources(name))
    files.write_json(project.draft_state(name), state)


def read_raw(project: Project, name: str, metadata):
    from pipeline.readers.cleaning import clean_text
    from pipeline.readers.decoding import read_source
    from pipeline.readers.scraped.dedupe import deduplicate, report
    from pipeline.readers.scraped.structure import build_document

    result = deduplicate(clean_text(read_source(project.source(name))))
    return build_document(name, result.units, metadata), report(name, result)


def read_marked_up(project: Project, name: str, metadata):
    from pipeline.readers.decoding import read_source
    from pipeline.readers.markup import read_markup

    path = project.markup(name)
    document = read_markup(read_source(path), path, metadata, project.source_dir)
    # Nothing is deduplicated in a marked-up text: its structure is explicit.
    return document, {"document": name, "source": path.name, "dropped": []}


def import_draft(project: Project, name: str, metadata, state: dict) -> None:
    """An editor's DOCX becomes the document's marked-up source; on conflict, nothing changes."""
    from pipeline.readers.docx_draft import read_docx
    from pipeline.readers.markup import write_markup

    docx = project.docx(name)
    changed = drafts.changed_sources(project.sources(name), state)
    if changed:
        names = " and ".join(str(path.relative_to(project.root)) for path in changed)
        raise PipelineError(
            docx.relative_to(project.root),
            f"was edited, and {names} changed too since the last build; keep one change: "
            "undo the source's, or move the DOCX aside. Nothing was overwritten",
        )
    document = read_docx(docx, metadata)
    files.write_text(project.markup(name), write_markup(document))
    # Recorded at once: should the build fail further on, the next one must not take the
    # new marked-up text for a change of its own.
    state["imported"] = drafts.digest(docx)
    state["sources"] = drafts.digests(project.sources(name))
    files.write_json(project.draft_state(name), state)


def refuse_stale_markup(project: Project, name: str, state: dict) -> None:
    """A raw text changed after DOCX edits were imported: building either would lose something."""
    raw = project.source(name)
    changed = drafts.changed_sources(project.sources(name), state)
    if project.markup(name).exists() and raw in changed:
        relative = raw.relative_to(project.root)
        markup = project.markup(name).relative_to(project.root)
        raise PipelineError(
            relative,
            f"changed, but {markup} (holding the DOCX edits) is what builds; delete {markup} "
            f"to build from {relative.name} and drop those edits, or undo the change",
        )


def load_document(project: Project, name: str):
    from pipeline.model import from_json

    return from_json(files.read_json(project.model(name)))


def build_pdf(root: Path, name: str, layout_name: str) -> None:
    from pipeline.layouts import load_layout
    from pipeline.writers.pdf.render import render_pdf

    project = Project(Path(root))
    layout = load_layout(project.layouts_dir, layout_name)
    try:
        pdf = render_pdf(load_document(project, name), layout, project.source_dir)
    except RenderingError as error:
        raise PipelineError(project.text(name), str(error)) from None
    files.write_bytes(project.pdf(name, layout_name), pdf)


def check_pdf(root: Path, name: str, layout_name: str) -> None:
    """Preflight a PDF edition: a JSON report always, a console summary when anything fails."""
    from pipeline.checks.preflight import preflight
    from pipeline.layouts import load_layout

    project = Project(Path(root))
    pdf = project.pdf(name, layout_name)
    report = preflight(pdf, load_document(project, name),
                       load_layout(project.layouts_dir, layout_name))
    files.write_json(project.preflight_report(name, layout_name), report.to_json())
    if report.errors or report.warnings:
        print(report.summary(), file=sys.stderr)
    if report.errors:
        raise PipelineError(pdf.relative_to(project.root),
                            f"failed its preflight with {len(report.errors)} errors")


def preview_pdf(root: Path, name: str, layout_name: str) -> None:
    """A PNG of each page and a contact sheet, to look at before anything goes to print."""
    from pipeline.checks.preview import render_previews

    project = Project(Path(root))
    render_previews(project.pdf(name, layout_name), project.preview_dir(name),
                    f"{name}-{layout_name}")


def build_docx(root: Path, name: str) -> None:
    """The DOCX draft, regenerated from the model, never over an edit not yet imported."""
    from pipeline.layouts import load_layout
    from pipeline.writers.docx_draft import write_docx

    project = Project(Path(root))
    docx = project.docx(name)
    state = drafts.load_state(project.draft_state(name))
    if drafts.edited(docx, state):
        raise PipelineError(docx.relative_to(project.root),
                            "was edited during the build; run doit again to import it")
    layout = load_layout(project.layouts_dir, "print")
    data = write_docx(load_document(project, name), layout, project.source_dir)
    files.write_bytes(docx, data)
    state["written"] = drafts.digest(docx)
    files.write_json(project.draft_state(name), state)


def clean_draft(root: Path, name: str) -> None:
    """`doit clean` removes the draft only when it holds no edit the pipeline has not read."""
    project = Project(Path(root))
    docx = project.docx(name)
    if drafts.edited(docx, drafts.load_state(project.draft_state(name))):
        print(f"kept {docx.relative_to(project.root)}: it holds edits not yet imported")
        return
    docx.unlink(missing_ok=True)
    project.draft_state(name).unlink(missing_ok=True)
