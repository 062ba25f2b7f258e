"""Build every edition of every text in source/: run `doit`; `doit list` explains the tasks."""

import functools
import os
from pathlib import Path

from pipeline.tasks.actions import refuse, run
from pipeline.tasks.cache import DeclarationCache
from pipeline.tasks.checker import OnceARunChecker
from pipeline.tasks.cleaning import report_cleaning
from pipeline.tasks.console import Console
from pipeline.tasks.declarations import Declarations
from pipeline.tasks.drafts import draft_current, model_current
from pipeline.tasks.lock import hold_build_lock
from pipeline.tasks.order import rank
from pipeline.tasks.preflighted import preflight_every_pdf
from pipeline.tasks.preload import PDF_LIBRARIES, preload_before_forking
from pipeline.tasks.project import Project
from pipeline.tasks.targets import select_targets_by_path
from pipeline.tasks.workers import supervise_workers

ROOT = Path(__file__).resolve().parent
# The tasks name the project's files relative to its folder (Project.task_paths): doit works
# in dodo.py's folder, or in the one `--dir` names, where they would not be found.
os.chdir(ROOT)
PROJECT = Project(ROOT)
# Held until doit exits: a second doit in this folder waits instead of racing this one.
BUILD_LOCK = hold_build_lock(ROOT / ".doit.lock")
# What declaring the tasks finds (each step's code, each layout's files, each document's layouts
# and images), kept between runs under the files' stat: a build with nothing to do reads no
# module, metadata file or layout folder.
CACHE = DeclarationCache(ROOT / ".doit.cache")
DECLARED = Declarations(PROJECT, CACHE)
step_code = CACHE.step_code

# `doit clean` says what it removed and each problem once, and ends 1 when it refused any.
report_cleaning(PROJECT)

# A worker that dies fails its task in one line; the build goes on, and ends. The longest
# tasks first: the printer's PDF, then the other PDFs, drafts, previews, checks.
supervise_workers(DECLARED.source_of, functools.partial(
    rank, lambda layout: CACHE.layout_facts(PROJECT, layout).print_ready))

DOIT_CONFIG = {
    "backend": "sqlite3",
    "dep_file": str(ROOT / ".doit.db"),
    "continue": True,  # one failing document does not stop the others
    "verbosity": 1,
    "reporter": Console,  # progress, one line an error, a summary of the editions
    "check_file_uptodate": OnceARunChecker,  # the fonts, hashed once a run, not once a task
    # Editions build in parallel, one process a core, each process paying start-up once.
    "num_process": min(4, os.cpu_count() or 1),
}
# When a task leading to a PDF (a model, a PDF) is due, the build imports what every worker
# then needs before it forks the workers, which share it rather than each importing it. A
# model's own worker needs none of it: it is forked first, and builds the model while the
# build imports them.
preload_before_forking({"model": PDF_LIBRARIES, "pdf": PDF_LIBRARIES}, forked_first={"model"})


def preflight_of(task: str) -> str | None:
    """The check of the PDF a task builds (`pdf:<name>/<layout>`), if it builds one."""
    kind, _, edition = task.partition(":")
    return f"preflight:{edition}" if kind == "pdf" else None


# Whatever the command line selects (`doit pdf`), a PDF built under its edition's own name is
# checked in the same run: one that fails is set aside again, never left there unchecked.
preflight_every_pdf(preflight_of)
# A target named by its absolute path (`doit /…/output/<name>/<name>-print.pdf`) is selected
# as the tasks name it, relative to the project's folder.
select_targets_by_path(PROJECT.declared_name)


def group(creator):
    """The task doit makes of a creator's tasks, to run them all: it has nothing to do of its
    own, so it is never due (else a build with nothing to do forks workers to run it)."""
    return {"name": None, "doc": creator.__doc__, "uptodate": [True]}


def task_model():
    """Read, clean, deduplicate and structure a text, with any DOCX edits (JSON model)."""
    # A text removed from source/ has no task left: `doit clean` removes what was built for it.
    yield {**group(task_model),
           "clean": [(run, [ROOT, "clean_left_behind", name]) for name in PROJECT.left_behind()]}
    for name in PROJECT.documents():
        yield {
            "name": name,
            "actions": [(run, [ROOT, "build_model", name])],
            "file_dep": PROJECT.task_paths(step_code("build_model")),
            "uptodate": [(model_current, [PROJECT, name])],
            "targets": PROJECT.task_paths([PROJECT.model(name), PROJECT.dedupe_report(name)]),
            "clean": [(run, [ROOT, "clean_model", name, *DECLARED.dropped_layouts(name)])],
        }
    for error in PROJECT.misnamed():
        yield {"name": error.path.stem, "actions": [(refuse, [error.seen_from(ROOT)])]}


def task_pdf():
    """Render a document's PDF edition through one layout (Jinja2, CSS, WeasyPrint)."""
    yield group(task_pdf)
    for name, layout in DECLARED.editions():
        yield {
            "name": f"{name}/{layout}",
            "actions": [(run, [ROOT, "build_pdf", name, layout])],
            "file_dep": PROJECT.task_paths([
                PROJECT.model(name), *CACHE.layout_files(PROJECT, layout),
                *DECLARED.images_for(name), *DECLARED.exceptions_for(name, layout),
                *step_code("build_pdf")]),
            "targets": PROJECT.task_paths([PROJECT.pdf(name, layout)]),
            "clean": [(run, [ROOT, "clean_pdf", name, layout])],
        }


def task_preflight():
    """Check a PDF edition (boxes, colour, fonts, tags, text): a JSON report; errors fail."""
    yield group(task_preflight)
    for name, layout in DECLARED.editions():
        yield {
            "name": f"{name}/{layout}",
            "actions": [(run, [ROOT, "check_pdf", name, layout])],
            "file_dep": PROJECT.task_paths([
                PROJECT.pdf(name, layout), PROJECT.model(name),
                *CACHE.layout_files(PROJECT, layout), *step_code("check_pdf")]),
            # After the preview, the other step reading the PDF: a PDF that fails is renamed.
            "task_dep": [f"preview:{name}/{layout}"],
            "targets": PROJECT.task_paths([PROJECT.preflight_report(name, layout)]),
            "clean": [(run, [ROOT, "clean_check", name, layout])],
        }


def task_preview():
    """Render a PNG of each page of a PDF edition and a contact sheet, in output/<name>/preview/."""
    yield group(task_preview)
    for name, layout in DECLARED.editions():
        yield {
            "name": f"{name}/{layout}",
            "actions": [(run, [ROOT, "preview_pdf", name, layout])],
            "file_dep": PROJECT.task_paths([PROJECT.pdf(name, layout), *step_code("preview_pdf")]),
            "targets": PROJECT.task_paths([PROJECT.contact_sheet(name, layout)]),
            "clean": [(run, [ROOT, "clean_previews", name, layout])],
        }


def task_docx():
    """Write a document's editable DOCX draft (python-docx), in its layout's page and style."""
    yield group(task_docx)
    for name in PROJECT.documents():
        yield {
            "name": name,
            "actions": [(run, [ROOT, "build_docx", name])],
            "file_dep": PROJECT.task_paths([
                PROJECT.model(name), *PROJECT.draft_layout_files(),
                *DECLARED.images_for(name), *step_code("build_docx")]),
            "uptodate": [(draft_current, [PROJECT, name])],
            "targets": PROJECT.task_paths([PROJECT.docx(name)]),
            "clean": [(run, [ROOT, "clean_draft", name])],
        }
