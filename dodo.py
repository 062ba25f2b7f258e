"""Build every edition of every text in source/: run `doit`; `doit list` explains the tasks."""

import os
from pathlib import Path

from doit.exceptions import TaskFailed

from pipeline.build.drafts import sources_unchanged, unedited
from pipeline.build.lock import hold_build_lock
from pipeline.build.project import Project, module

ROOT = Path(__file__).resolve().parent
PROJECT = Project(ROOT)
# Held until doit exits: a second doit in this folder waits instead of racing this one.
BUILD_LOCK = hold_build_lock(ROOT / ".doit.lock")

DOIT_CONFIG = {
    "backend": "sqlite3",
    "dep_file": str(ROOT / ".doit.db"),
    "continue": True,  # one failing document does not stop the others
    "verbosity": 1,
    # Editions build in parallel, one process a core (WeasyPrint's start-up is paid per process).
    "num_process": min(4, os.cpu_count() or 1),
}

MODEL_MODULES = [
    "readers.decoding", "readers.cleaning", "readers.scraped.dedupe",
    "readers.scraped.structure", "readers.metadata", "model", "build.steps", "build.drafts",
    "readers.markup", "readers.docx_draft",
]
PDF_MODULES = [
    "model", "layouts", "writers.html", "writers.pdf.render", "writers.pdf.print_ready",
    "writers.pdf.pages", "writers.pdf.tagging", "build.steps",
]
PREFLIGHT_MODULES = [
    "model", "layouts", "checks.preflight.__init__", "checks.preflight.report",
    "checks.preflight.print_rules", "checks.preflight.tagged_rules",
    "checks.preflight.common_rules", "writers.pdf.pages", "build.steps",
]
PREVIEW_MODULES = [
    "checks.preview", "build.steps",
]
DOCX_MODULES = [
    "model", "layouts", "writers.docx_draft", "build.steps", "build.drafts",
]


def run(step_name, name, *arguments):
    """Run a build step; a failure ends the task with one line naming the file.

    Set PIPELINE_DEBUG=1 to see the traceback instead.
    """
    from pipeline.build import steps
    from pipeline.errors import PipelineError

    try:
        getattr(steps, step_name)(ROOT, name, *arguments)
    except PipelineError as error:
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        return TaskFailed(f"error: {error.seen_from(ROOT)}")
    except Exception as error:  # an unforeseen failure still gets one line, not a traceback
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        source = PROJECT.text(name).relative_to(ROOT)
        return TaskFailed(f"error: {source}: {type(error).__name__}: {error}"
                          " (PIPELINE_DEBUG=1 shows the traceback)")
    return None


def modules(names):
    return [module(name) for name in names]


def task_model():
    """Read, clean, deduplicate and structure a text, with any DOCX edits (JSON model)."""
    for name in PROJECT.documents():
        yield {
            "name": name,
            "actions": [(run, ["build_model", name])],
            "file_dep": modules(MODEL_MODULES),
            "uptodate": [(sources_unchanged, [PROJECT.sources(name), PROJECT.draft_state(name)]),
                         (unedited, [PROJECT.docx(name), PROJECT.draft_state(name)])],
            "targets": [PROJECT.model(name), PROJECT.dedupe_report(name)],
            "clean": True,
        }


def task_pdf():
    """Render a document's PDF edition through one layout (Jinja2, CSS, WeasyPrint)."""
    for name, layout in editions():
        yield {
            "name": f"{name}/{layout}",
            "actions": [(run, ["build_pdf", name, layout])],
            "file_dep": [PROJECT.model(name), *PROJECT.layout_files(layout),
                         *PROJECT.images_for(name), *modules(PDF_MODULES)],
            "targets": [PROJECT.pdf(name, layout)],
            "clean": True,
        }


def editions():
    """Every (document, layout) pair to build."""
    return [(name, layout) for name in PROJECT.documents() for layout in PROJECT.layouts_for(name)]


def task_preflight():
    """Check a PDF edition (boxes, colour, fonts, tags, text): a JSON report; errors fail."""
    for name, layout in editions():
        yield {
            "name": f"{name}/{layout}",
            "actions": [(run, ["check_pdf", name, layout])],
            "file_dep": [PROJECT.pdf(name, layout), PROJECT.model(name),
                         PROJECT.layouts_dir / layout / "layout.toml", *modules(PREFLIGHT_MODULES)],
            "targets": [PROJECT.preflight_report(name, layout)],
            "clean": True,
        }


def task_preview():
    """Render a PNG of each page of a PDF edition and a contact sheet, in output/<name>/preview/."""
    for name, layout in editions():
        yield {
            "name": f"{name}/{layout}",
            "actions": [(run, ["preview_pdf", name, layout])],
            "file_dep": [PROJECT.pdf(name, layout), *modules(PREVIEW_MODULES)],
            "targets": [PROJECT.contact_sheet(name, layout)],
            "clean": [f"rm -f {PROJECT.preview_dir(name)}/{name}-{layout}-*.png"],
        }


def task_docx():
    """Write a document's editable DOCX draft (python-docx), in the print layout's page setup."""
    reference = PROJECT.reference_docx()
    house_style = [reference] if reference.exists() else []
    for name in PROJECT.documents():
        yield {
            "name": name,
            "actions": [(run, ["build_docx", name])],
            "file_dep": [PROJECT.model(name), PROJECT.layouts_dir / "print" / "layout.toml",
                         *house_style, *PROJECT.images_for(name), *modules(DOCX_MODULES)],
            "targets": [PROJECT.docx(name)],
            "clean": [(run, ["clean_draft", name])],
        }
