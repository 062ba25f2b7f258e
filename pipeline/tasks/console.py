"""What `doit` shows: a line as each task starts, each error once in one line, and a summary.

doit's own console reporter follows a failure with the task's captured output and with an
`UnmetDependency` block for every task that could not run because of it: forty lines that
bury the one that matters. This reporter says the error once, counts the tasks it held
back, and ends with what a publications unit asks of a build: each document's editions,
their pages, where they are, whether the print file is press-ready, and the time taken.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from doit.exceptions import UnmetDependency

from pipeline.errors import PipelineError
from pipeline.readers.debris_kinds import SOURCES, report_key
from pipeline.tasks.drafts import REPORT_DIGEST, digest, edited, load_state, renamed_as, text_read
from pipeline.tasks.project import METADATA_SUFFIX, TEXT_SUFFIXES, Project, shown

# An edition's file in a message, output/<name>/<name>-<layout>.pdf: its document stays.
EDITION = re.compile(r"^(output/[^/]+/)[^:]+?\.pdf: ")


@dataclass
class Run:
    started: float = field(default_factory=time.monotonic)
    executed: list[str] = field(default_factory=list)  # task names, in the order they ran
    errors: list[str] = field(default_factory=list)
    held_back: list[str] = field(default_factory=list)  # tasks a failed task they need held back
    failed: set[str] = field(default_factory=set)  # the tasks that failed, by name
    asked: set[str] = field(default_factory=set)  # the tasks named on the command line, if any
    notes: list[str] = field(default_factory=list)  # what a step did beyond its outputs
    interrupted: bool = False  # stopped by Ctrl-C (tasks/workers.py)


class Console:
    """A doit reporter (see doit.reporter.ConsoleReporter for the interface)."""

    desc = "progress, one line an error, and a summary of the editions"

    def __init__(self, outstream, options):
        self.outstream = outstream
        dep_file = options.get("dep_file")
        self.project = Project(Path(dep_file).resolve().parent if dep_file else Path.cwd())
        self.run = Run()

    def write(self, text: str) -> None:
        self.outstream.write(text)
        self.outstream.flush()

    # --- doit's calls, in the order it makes them -------------------------------------------

    def initialize(self, tasks, selected_tasks) -> None:
        self.run = Run(asked=asked_for(tasks, selected_tasks or []))

    def get_status(self, task) -> None:
        pass

    def execute_task(self, task) -> None:
        if task.actions and not task.name.startswith("_"):
            self.run.executed.append(task.name)
            self.write(f".  {task.name}\n")

    def add_success(self, task) -> None:
        note = (getattr(task, "values", None) or {}).get(NOTE)
        if note:  # said by the build process, which has no console of its own
            self.write(f"{note}\n")

    def add_failure(self, task, fail) -> None:
        if isinstance(fail, UnmetDependency):
            # A group (`model`, running every model task) does nothing of its own, and a check
            # brought along for a PDF not built has nothing to check: not tasks held back.
            if (not getattr(task, "has_subtask", False) and task.name not in self.run.held_back
                    and task.name not in BROUGHT):
                self.run.held_back.append(task.name)
            return
        if os.environ.get("PIPELINE_DEBUG"):  # the traceback, as the README promises
            self.write(fail.get_msg())
        self.run.failed.add(task.name)
        message = one_line(getattr(fail, "message", "") or fail.get_msg())
        # Every edition of a document fails alike on one bad character, or its preflights
        # on one missing paragraph: said once.
        if problem_of(message) not in map(problem_of, self.run.errors):
            self.write(f"error: {message}\n")
        self.run.errors.append(message)

    def skip_uptodate(self, task) -> None:
        pass

    def skip_ignore(self, task) -> None:
        pass

    def teardown_task(self, task) -> None:
        pass

    def cleanup_error(self, exception) -> None:
        self.write(f"error: {one_line(exception.get_msg())}\n")

    def runtime_error(self, message: str) -> None:
        self.run.errors.append(one_line(message))
        self.write(f"error: {one_line(message)}\n")

    def complete_run(self) -> None:
        self.write(summary(self.project, self.run))

    def interrupted(self) -> None:
        """The build was stopped (Ctrl-C): its summary says so, not what it would have built."""
        self.run.interrupted = True


# The checks doit ran beside the tasks the command line named, for the PDFs those build, and
# what they need besides (preflighted.py): no task asked for, nor one held back from it.
BROUGHT: set[str] = set()
UNCHECKED = "not checked: no preflight report of this PDF"
# The key of a task's values (a step's return, tasks/actions.py's `run`) holding a line to show.
NOTE = "note"


def asked_for(tasks: dict, selected: list[str]) -> set[str]:
    """The tasks the command line named, a group standing for its tasks; none when it named
    none (doit then selects every task)."""
    if set(tasks) <= set(selected):
        return set()
    asked = set(selected) - BROUGHT
    for name in selected:
        task = tasks.get(name)
        if task is not None and getattr(task, "has_subtask", False):
            asked.update(task.task_dep)
    return asked


def named(tasks: list[str], shown: int = 3) -> str:
    """The first few task names, and how many more."""
    more = f" and {len(tasks) - shown} more" if len(tasks) > shown else ""
    return ", ".join(tasks[:shown]) + more


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def document_of(task: str) -> str:
    """The document a task builds, from its name (`pdf:<name>/<layout>`)."""
    return task.partition(":")[2].split("/")[0]


def problem_of(message: str) -> str:
    """An error as said once: the problem, whichever edition of its document it names."""
    return EDITION.sub(r"\1", message)


def one_line(message: str) -> str:
    lines = [line.strip() for line in str(message).strip().splitlines() if line.strip()]
    return lines[0] if lines else "failed"


# --- the summary ---------------------------------------------------------------------------


def summary(project: Project, run: Run) -> str:
    seconds = time.monotonic() - run.started
    if run.interrupted:
        return (f"Interrupted after {seconds:.1f} s: what was built is kept, and the next doit "
                "builds the rest.\n")
    strays = "".join(f"{line}\n" for line in [*unread_lines(project), *orphan_lines(project),
                                               *stray_lines(project)])
    if not run.executed and not run.errors:
        # No text left (each gone, `doit clean` run): no edition is there to be up to date.
        state = "every edition is up to date" if project.documents() else NO_TEXT
        return f"{strays}Nothing to do: {state} ({seconds:.1f} s).\n"
    # A document whose files lead out of the project, or whose text is refused for its name,
    # has nothing of its own to show.
    refused = {error.path.stem for error in project.misnamed()}
    documents = sorted(name for name in {document_of(task) for task in run.executed
                                         if ":" in task}
                       if name not in refused and project.confined(name))
    lines = [""]
    stopped = {document_of(task) for task in run.failed}
    for name in documents:
        lines += document_lines(project, name, f"model:{name}" in run.executed,
                                stale=f"model:{name}" in run.failed, stopped=name in stopped,
                                failed=failed_layouts(run, name))
    built = [task for task in run.executed if task not in run.failed]
    tail = f"{counted(len(built), 'task')} in {seconds:.1f} s"
    if run.errors:
        problems = len(set(map(problem_of, run.errors)))
        tail += f"; {counted(problems, 'error')}"
        if run.held_back:
            tail += "; " + held_back(run, "it" if problems == 1 else "them")
    lines.append(f"Built {tail}.")
    return strays + "\n".join(lines) + "\n"


def unread_lines(project: Project) -> list[str]:
    """A line for each file of source/ that no build reads (a text saved as .docx or .rtf, or
    ending .text; metadata whose text is gone or named otherwise): it would be left out with
    no word. Its name is shown escaped, as a misnamed text's is."""
    lines = []
    for path in project.unread():
        file = shown(str(path.relative_to(project.root)))
        if path.suffix == METADATA_SUFFIX:
            texts = " or ".join(shown(path.with_suffix(suffix).name) for suffix in TEXT_SUFFIXES)
            lines.append(f"{file}: not read; it names no text (no {texts} in source/)")
        else:
            lines.append(f"{file}: not read; the build reads only texts ending "
                         f"{' or '.join(TEXT_SUFFIXES)} (and a text's {METADATA_SUFFIX})")
    return lines


def stray_lines(project: Project) -> list[str]:
    """A line for each document saved beside a draft under another name or format, which
    no build reads: the editor's edits in it reach no edition until saved as the draft. Its
    name is shown escaped, as a misnamed text's is."""
    return [f"{shown(str(path.relative_to(project.root)))}: not read; the build reads the draft "
            f"{project.docx(name).relative_to(project.root)} only: save the edits there, "
            "as a Word document"
            for name in project.documents() if project.confined(name)
            for path in project.stray_drafts(name)]


def orphan_lines(project: Project) -> list[str]:
    """A line for each folder of output/ whose text is gone from source/ (renamed, or
    deleted): no build reads it any more, and its editions, press-ready ones too, would sit
    there unremarked. It is not removed (an editor's draft may be there): `doit clean`
    removes it. A draft holding edits not imported, which would go unseen, is named instead,
    with where its edits go."""
    lines = []
    for name in project.left_behind():
        if not project.confined(name):
            continue
        state = load_state(project.draft_state(name))
        docx = project.docx(name)
        if not edited(docx, state):
            folder = project.output_dir(name).relative_to(project.root)
            lines.append(f"{shown(str(folder))}/: its source text is gone; doit clean removes it")
            continue
        renamed = renamed_as(project, name, state)
        where = (f"move it to {project.docx(renamed).relative_to(project.root)} to import them,"
                 " or delete it" if renamed else "if the text was renamed, move it into the new"
                 " name's folder under the new name to import them; else delete it")
        lines.append(f"{docx.relative_to(project.root)} holds edits not imported; its text "
                     f"{text_read(project, name, state).relative_to(project.root)} is gone"
                     f" ({where})")
    return lines


def held_back(run: Run, errors: str) -> str:
    """The tasks the errors kept from running: those asked for named first, as such."""
    asked = [task for task in run.held_back if task in run.asked]
    needed = [task for task in run.held_back if task not in run.asked]
    if not asked:
        return f"{counted(len(needed), 'task')} not run because of {errors} ({named(needed)})"
    said = f"{named(asked)}, asked for,"
    if needed:
        they = "it needs" if len(asked) == 1 else "they need"
        said += f" and {counted(len(needed), 'task')} {they}"
    return said + f" not run because of {errors}" + (f" ({named(needed)})" if needed else "")


def failed_layouts(run: Run, name: str) -> frozenset[str]:
    """The layouts whose PDF of the document failed to build in this run."""
    return frozenset(task.partition("/")[2] for task in run.failed
                     if task.startswith(f"pdf:{name}/"))


def document_lines(project: Project, name: str, read: bool = False,
                   stale: bool = False, stopped: bool = False,
                   failed: frozenset[str] = frozenset()) -> list[str]:
    """The document's editions and draft; when its text was `read` in this run, how many of
    its lines were debris, and whose; when its reading failed (`stale`: an edited draft
    refused, say), that the editions shown are the previous build's, not the edits'; so is
    each edition whose PDF `failed` to build, which gives no verdict. With none, that nothing
    is built yet: because an error `stopped` it (a first build), or because only its model
    was asked for (`doit model:x`), which is no error. A draft alone (one holding edits,
    which `doit clean` keeps) is no edition."""
    folder = project.output_dir(name)
    editions, draft = edition_lines(project, name, failed)
    # A document stopped before its folder was made has no folder to point at.
    lines = [f"{name}  (in {folder.relative_to(project.root)}/)" if folder.is_dir() else name]
    if stale and editions:  # a first build stopped has no previous editions to speak of
        lines.append("  not rebuilt: the error above stopped it; these are the previous"
                     " build's editions")
    debris = debris_lines(project, name) if read and not stale else {}  # else an old count
    if debris:
        (kind, number), *more = debris.items()  # "15 lines dropped as …, 4 as … and 2 as …"
        parts = [f"{counted(number, 'line')} dropped as {kind}",
                 *(f"{number} as {kind}" for kind, number in more)]
        said = " and ".join([", ".join(parts[:-1]), parts[-1]] if more else parts)
        lines.append(f"  {said} (listed in {project.dedupe_report(name).name})")
    if editions:
        return lines + editions + draft
    if not stopped:
        return lines + draft + [NOTHING_ASKED]
    return lines + draft + [NO_EDITION_BUILT if draft else NOTHING_BUILT]


def edition_lines(project: Project, name: str,
                  failed: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """A line for each edition the document has in output/<name>/, and one for its draft if
    it has one; an edition whose PDF `failed` to build is the previous build's, its old
    verdict not this text's."""
    built = [(layout, pdf) for layout in project.layouts()
             if (pdf := project.built_pdf(name, layout))]
    docx = project.docx(name)
    # The states in a column, past the longest name (a long document name's too).
    width = max([NAME_COLUMN, *(len(pdf.name) + 1 for _, pdf in built)])
    lines = []
    for layout, pdf in built:
        state = NOT_REBUILT if layout in failed else edition_state(project, name, layout)
        lines.append(f"  {pdf.name:<{width}} {state}")
    draft = ([f"  {docx.name:<{width}} the draft to edit in Word or LibreOffice"]
             if docx.exists() else [])
    return lines, draft


NAME_COLUMN = 40  # the width of the editions' names, at the least
NOT_REBUILT = "not rebuilt: the error above stopped it; the previous build's"
NOTHING_BUILT = "  nothing built yet: see the error above"
NOTHING_ASKED = "  no editions yet: `doit` builds them"
NO_EDITION_BUILT = "  no editions yet: the error above stopped them"
NO_TEXT = "source/ holds no text to build"


def debris_lines(project: Project, name: str) -> dict[str, int]:
    """How many lines of the document's source its reading dropped as web-page debris, as
    e-mail debris and as a press release's (those it dropped any of)."""
    try:
        report = json.loads(project.dedupe_report(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(report, dict):
        return {}
    return {source: number for source in SOURCES
            if isinstance(number := report.get(report_key(source)), int) and number > 0}


def edition_state(project: Project, name: str, layout: str) -> str:
    """Pages, and what the preflight found: press-ready (checked, for another edition) or a
    proof. A report of another PDF than the edition as it stands (an earlier build's, when
    this one's preflight failed to finish) gives no verdict: its digest says which PDF it
    checked."""
    report_path, pdf = project.preflight_report(name, layout), project.built_pdf(name, layout)
    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UNCHECKED
    if pdf is None or not isinstance(report, dict) or report.get(REPORT_DIGEST) != digest(pdf):
        return UNCHECKED
    pages = report.get("pages")
    count = counted(pages, "page") if isinstance(pages, int) else ""
    failed = [check for check in report.get("checks", []) if not check.get("passed")]
    errors = [check for check in failed if check.get("severity") == "error"]
    proofs = [check for check in failed if check.get("severity") == "proof"]
    warnings = [check for check in failed if check.get("severity") == "warning"]
    printed = is_print(project, layout)
    if errors:  # the PDF is set aside as <name>-<layout>.FAILED.pdf
        verdict = "FAILED, not for press" if printed else "FAILED, not to publish"
    elif proofs:  # a picture still to come
        verdict = "PROOF, not for press" if printed else "PROOF, not to publish"
    else:
        verdict = "press-ready" if printed else "checked"
    noted = "; ".join(f"{check['rule']}: {brief(check)}" for check in errors + proofs + warnings)
    return ", ".join(part for part in (count, verdict, noted) if part)


def brief(check: dict) -> str:
    """A failed check's first problem, and how many more (the JSON report lists them all):
    what failed, never what the rule measured besides (a page 20 % empty, not the count of
    lines justified)."""
    problems = check.get("problems") or [check.get("message", "")]
    more = len(problems) - 1
    return str(problems[0]) + (f" (and {more} more)" if more else "")


def is_print(project: Project, layout: str) -> bool:
    # Imported here: a build with nothing to do says so without reading any layout.
    from pipeline.layouts import load_layout

    try:
        return load_layout(project.layouts_dir, layout).is_pdfx
    except PipelineError:
        return False
