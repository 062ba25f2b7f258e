"""Build every edition of every text in source/: run `doit`; `doit list` explains the tasks."""

import functools
import os
from pathlib import Path

from doit.exceptions import TaskFailed

from pipeline.errors import PipelineError, in_words
from pipeline.tasks.cache import DeclarationCache
from pipeline.tasks.checker import OnceARunChecker
from pipeline.tasks.cleaning import report_cleaning
from pipeline.tasks.console import NOTE, Console, document_of
from pipeline.tasks.drafts import draft_current, model_current
from pipeline.tasks.lock import hold_build_lock
from pipeline.tasks.order import rank
from pipeline.tasks.preload import preload_before_forking
from pipeline.tasks.project import Project
from pipeline.tasks.workers import supervise_workers

ROOT = Path(__file__).resolve().parent
PROJECT = Project(ROOT)
# Held until doit exits: a second doit in this folder waits instead of racing this one.
BUILD_LOCK = hold_build_lock(ROOT / ".doit.lock")
# What declaring the tasks finds (each step's code, each layout's files, each document's layouts
# and images), kept between runs under the files' stat: a build with nothing to do reads no
# module, metadata file or layout folder.
CACHE = DeclarationCache(ROOT / ".doit.cache")
step_code = CACHE.step_code


def source_of(task_name):
    """The file a task's failure names: its document's text."""
    return str(PROJECT.text_source(document_of(task_name)).relative_to(ROOT))


# `doit clean` says what it removed and each problem once, and ends 1 when it refused any.
report_cleaning(PROJECT)

# A worker that dies fails its task in one line; the build goes on, and ends. The longest
# tasks first: the printer's PDF, then the other PDFs, drafts, previews, checks.
supervise_workers(source_of, functools.partial(
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
# then needs (WeasyPrint, and pikepdf and pdfium for each PDF's finishing, preview and
# preflight) before it forks the workers, which share it rather than each importing it.
PDF_LIBRARIES = ("pipeline.tasks.steps", "pipeline.writers.pdf.engine",
                 "pipeline.writers.pdf.render", "pipeline.writers.pdf.structure_tree",
                 "pipeline.checks.preview", "pipeline.checks.preflight")
# A model's own worker needs none of them: it is forked first, and builds the model while
# the build imports them.
preload_before_forking({"model": PDF_LIBRARIES, "pdf": PDF_LIBRARIES}, forked_first={"model"})


def run(step_name, name, *arguments):
    """Run a build step; a failure ends the task with one line naming the file.

    Set PIPELINE_DEBUG=1 to see the traceback instead.
    """
    from pipeline.tasks import steps
    from pipeline.tasks.heap import collect_less, on_a_roomy_stack

    collect_less()
    try:
        note = on_a_roomy_stack(getattr(steps, step_name), ROOT, name, *arguments)
    except PipelineError as error:
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        return TaskFailed(error.seen_from(ROOT))
    except Exception as error:  # an unforeseen failure still gets one line, not a traceback
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        source = PROJECT.text_source(name).relative_to(ROOT)
        return TaskFailed(f"{source}: {in_words(error)}"
                          " (PIPELINE_DEBUG=1 shows the traceback)")
    return {NOTE: note} if note else None  # a line the console shows (removed editions)


def refuse(message):
    """The action of a task for a source that cannot be built: its one line."""
    return TaskFailed(message)


@functools.cache
def declared(name):
    """A document's metadata, or None when it cannot be read: the model task says why.
    Declaring tasks never fails, so one bad document never stops the others."""
    try:
        PROJECT.refuse_escapes(name)
        return CACHE.metadata(PROJECT, name)
    except Exception:  # the model task reads it again, and says why
        return None


def layouts_for(name):
    return PROJECT.layouts_of(declared(name).layouts if declared(name) else ())


def dropped_layouts(name):
    """The layouts a document no longer names: their editions are no task's to clean."""
    return [layout for layout in PROJECT.layouts() if layout not in layouts_for(name)]


def images_for(name):
    metadata = declared(name)
    return sorted({PROJECT.source_dir / image for image in metadata.images.values()}
                  if metadata else ())


def exceptions_for(name, layout):
    """The user's hyphenation exceptions an edition takes, where its layout hyphenates."""
    if declared(name) is None or not CACHE.layout_facts(PROJECT, layout).hyphenates:
        return []  # (a document whose files lead out of the project: its model task says so)
    return [path for path in PROJECT.exceptions_files(name) if path.exists()]


def group(creator):
    """The task doit makes of a creator's tasks, to run them all: it has nothing to do of its
    own, so it is never due (else a build with nothing to do forks workers to run it)."""
    return {"name": None, "doc": creator.__doc__, "uptodate": [True]}


def editions():
    """Every (document, layout) pair to build."""
    return [(name, layout) for name in PROJECT.documents() for layout in layouts_for(name)]


def task_model():
    """Read, clean, deduplicate and structure a text, with any DOCX edits (JSON model)."""
    # A text removed from source/ has no task left: `doit clean` removes what was built for it.
    yield {**group(task_model),
           "clean": [(run, ["clean_left_behind", name]) for name in PROJECT.left_behind()]}
    for name in PROJECT.documents():
        yield {
            "name": name,
            "actions": [(run, ["build_model", name])],
            "file_dep": list(step_code("build_model")),
            "uptodate": [(model_current, [PROJECT, name])],
            "targets": [PROJECT.model(name), PROJECT.dedupe_report(name)],
            "clean": [(run, ["clean_model", name, *dropped_layouts(name)])],
        }
    for error in PROJECT.misnamed():
        yield {"name": error.path.stem, "actions": [(refuse, [error.seen_from(ROOT)])]}


def task_pdf():
    """Render a document's PDF edition through one layout (Jinja2, CSS, WeasyPrint)."""
    yield group(task_pdf)
    for name, layout in editions():
        yield {
            "name": f"{name}/{layout}",
            "actions": [(run, ["build_pdf", name, layout])],
            "file_dep": [PROJECT.model(name), *CACHE.layout_files(PROJECT, layout),
                         *images_for(name), *exceptions_for(name, layout),
                         *step_code("build_pdf")],
            "targets": [PROJECT.pdf(name, layout)],
            "clean": [(run, ["clean_pdf", name, layout])],
        }


def task_preflight():
    """Check a PDF edition (boxes, colour, fonts, tags, text): a JSON report; errors fail."""
    yield group(task_preflight)
    for name, layout in editions():
        yield {
            "name": f"{name}/{layout}",
            "actions": [(run, ["check_pdf", name, layout])],
            "file_dep": [PROJECT.pdf(name, layout), PROJECT.model(name),
                         PROJECT.layouts_dir / layout / "layout.toml", *step_code("check_pdf")],
            # After the preview, the other step reading the PDF: a PDF that fails is renamed.
            "task_dep": [f"preview:{name}/{layout}"],
            "targets": [PROJECT.preflight_report(name, layout)],
            "clean": [(run, ["clean_check", name, layout])],
        }


def task_preview():
    """Render a PNG of each page of a PDF edition and a contact sheet, in output/<name>/preview/."""
    yield group(task_preview)
    for name, layout in editions():
        yield {
            "name": f"{name}/{layout}",
            "actions": [(run, ["preview_pdf", name, layout])],
            "file_dep": [PROJECT.pdf(name, layout), *step_code("preview_pdf")],
            "targets": [PROJECT.contact_sheet(name, layout)],
            "clean": [(run, ["clean_previews", name, layout])],
        }


def task_docx():
    """Write a document's editable DOCX draft (python-docx), in its layout's page and style."""
    yield group(task_docx)
    for name in PROJECT.documents():
        yield {
            "name": name,
            "actions": [(run, ["build_docx", name])],
            "file_dep": [PROJECT.model(name), *PROJECT.draft_layout_files(),
                         *images_for(name), *step_code("build_docx")],
            "uptodate": [(draft_current, [PROJECT, name])],
            "targets": [PROJECT.docx(name)],
            "clean": [(run, ["clean_draft", name])],
        }
