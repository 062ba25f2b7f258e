"""Build every edition of every text in source/: run `doit`; `doit list` explains the tasks."""

import os
from pathlib import Path

from doit.exceptions import TaskFailed

from pipeline.project import Project, module

ROOT = Path(__file__).resolve().parent
PROJECT = Project(ROOT)

DOIT_CONFIG = {
    "backend": "sqlite3",
    "dep_file": str(ROOT / ".doit.db"),
    "continue": True,  # one failing document does not stop the others
    "verbosity": 1,
}

MODEL_MODULES = ["reading", "cleaning", "dedupe", "structure", "metadata", "model", "steps"]
PDF_MODULES = ["model", "layouts", "html", "pdf", "steps"]
DOCX_MODULES = ["model", "layouts", "docx_writer", "steps"]


def run(step_name, name, *arguments):
    """Run a build step; a failure ends the task with one line naming the file.

    Set PIPELINE_DEBUG=1 to see the traceback instead.
    """
    from pipeline import steps
    from pipeline.errors import PipelineError

    try:
        getattr(steps, step_name)(ROOT, name, *arguments)
    except PipelineError as error:
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        return TaskFailed(f"error: {error}")
    except Exception as error:  # an unforeseen failure still gets one line, not a traceback
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        source = PROJECT.source(name).relative_to(ROOT)
        return TaskFailed(f"error: {source}: {type(error).__name__}: {error}"
                          " (PIPELINE_DEBUG=1 shows the traceback)")
    return None


def modules(names):
    return [module(name) for name in names]


def task_model():
    """Read, clean and deduplicate a source text; infer its structure (JSON model)."""
    for name in PROJECT.documents():
        metadata = PROJECT.metadata(name)
        yield {
            "name": name,
            "actions": [(run, ["build_model", name])],
            "file_dep": [PROJECT.source(name), *([metadata] if metadata.exists() else []),
                         *modules(MODEL_MODULES)],
            "targets": [PROJECT.model(name), PROJECT.dedupe_report(name)],
            "clean": True,
        }


def task_pdf():
    """Render a document's PDF edition through one layout (Jinja2, CSS, WeasyPrint)."""
    fonts = PROJECT.fonts()
    for layout in PROJECT.layouts():
        layout_files = sorted(p for p in (PROJECT.layouts_dir / layout).rglob("*") if p.is_file())
        for name in PROJECT.documents():
            if layout not in PROJECT.layouts_for(name):
                continue
            yield {
                "name": f"{name}/{layout}",
                "actions": [(run, ["build_pdf", name, layout])],
                "file_dep": [PROJECT.model(name), *layout_files, *fonts,
                             *PROJECT.images_for(name), *modules(PDF_MODULES)],
                "targets": [PROJECT.pdf(name, layout)],
                "clean": True,
            }


def task_docx():
    """Write a document's editable DOCX draft (python-docx), in the print layout's page setup."""
    for name in PROJECT.documents():
        yield {
            "name": name,
            "actions": [(run, ["build_docx", name])],
            "file_dep": [PROJECT.model(name), PROJECT.layouts_dir / "print" / "layout.toml",
                         *PROJECT.images_for(name), *modules(DOCX_MODULES)],
            "targets": [PROJECT.docx(name)],
            "clean": True,
        }
