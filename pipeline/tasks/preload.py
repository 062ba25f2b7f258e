"""Libraries imported once, by the build, before doit forks its workers.

`doit` builds in parallel in worker processes it forks as the run starts, one a core. Each
would import WeasyPrint before its first PDF (about 0.7 s of CPU); imported by the build
before the fork, the import is shared by every worker. It is done only when a task that
leads to a PDF is due, so a build with nothing to do, or one that only rewrites the drafts,
does not pay it; and only while a worker is still to be forked, since a worker already
running imports for itself. The collector is off while they import, and what they inherit
is then frozen out of it (gc.freeze, as Python's documentation advises before a fork): no
worker walks it, and its pages stay shared rather than copied into each.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing

import doit.cmd_run

# What every worker building or reading a PDF needs: WeasyPrint, and pikepdf and pdfium for
# each PDF's finishing, preview and preflight; and the e-mail policy WeasyPrint's URL fetcher
# imports at its first answer (its headers are an e-mail message's), some 11 ms a worker.
# A model's worker needs none of them.
PDF_LIBRARIES = ("pipeline.tasks.steps", "pipeline.writers.pdf.engine",
                 "pipeline.writers.pdf.render", "pipeline.writers.pdf.structure_tree",
                 "pipeline.checks.preview", "pipeline.checks.preflight", "email.policy")

def preload_before_forking(libraries: dict[str, tuple[str, ...]],
                           forked_first: frozenset[str] = frozenset()) -> None:
    """Have doit's parallel runner import `libraries[group]` when it finds a task of that
    group (the `pdf` of `pdf:<name>/<layout>`) due, while it has workers to fork. A task of
    a group `forked_first` needs none of it itself (a model, which the PDFs wait for): its
    worker is forked first, and the build imports while it runs; that worker ends after
    its task, and one forked after the import takes its place (SupervisedRunner)."""
    runner = doit.cmd_run.MRunner

    class Preloading(runner):
        pending: tuple[str, ...] = ()  # to import once the worker of the task due is forked
        imported: frozenset[str] = frozenset()

        def select_task(self, node, tasks_dict):
            due = super().select_task(node, tasks_dict)
            group = node.task.name.partition(":")[0]
            wanted = libraries.get(group, ())
            if (due and wanted and not self.imported.issuperset(wanted)
                    and len(multiprocessing.active_children()) < self.num_process):
                if group in forked_first:
                    self.pending = wanted
                else:
                    self.imported_frozen(wanted)
            return due

        def forked(self, worker) -> None:
            super().forked(worker)
            if self.pending:
                worker.single_use = True
                self.imported_frozen(self.pending)

        def imported_frozen(self, names: tuple[str, ...]) -> None:
            imported_whole(names)
            gc.freeze()
            self.imported |= frozenset(names)
            self.pending = ()  # imported: the next worker forked inherits it, and stays

    doit.cmd_run.MRunner = Preloading


def imported_whole(names: tuple[str, ...]) -> None:
    """`names` imported with no collection on the way: imports make some 64,000 objects that
    live as long as the process, and leave next to no garbage (42 objects), which a
    collection of everything before the freeze (30 ms) would not be worth either; collections
    during them cost 60 ms of the 0.4 s."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name in names:
            importlib.import_module(name)
    except Exception:  # the task's own import says what is wrong, in one line
        pass
    finally:
        if collecting:
            gc.enable()
