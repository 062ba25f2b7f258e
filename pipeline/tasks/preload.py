"""Libraries imported once, by the build, before doit forks its workers.

`doit` builds in parallel in worker processes it forks as the run starts, one a core. Each
would import WeasyPrint before its first PDF (about 0.7 s of CPU); imported by the build
before the fork, the import is shared by every worker. It is done only when a task that
leads to a PDF is due, so a build with nothing to do, or one that only rewrites the drafts,
does not pay it; and only while a worker is still to be forked, since a worker already
running imports for itself. What they inherit is then frozen out of the garbage collector
(gc.freeze, as Python's documentation advises before a fork): no worker walks it, and its
pages stay shared rather than copied into each.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing

import doit.cmd_run


def preload_before_forking(libraries: dict[str, tuple[str, ...]]) -> None:
    """Have doit's parallel runner import `libraries[group]` when it finds a task of that
    group (the `pdf` of `pdf:<name>/<layout>`) due, while it has workers to fork."""
    runner = doit.cmd_run.MRunner

    class Preloading(runner):
        def select_task(self, node, tasks_dict):
            due = super().select_task(node, tasks_dict)
            wanted = libraries.get(node.task.name.partition(":")[0], ())
            if due and wanted and len(multiprocessing.active_children()) < self.num_process:
                for name in wanted:
                    try:
                        importlib.import_module(name)
                    except Exception:  # the task's own import says what is wrong, in one line
                        break
                gc.collect()
                gc.freeze()
            return due

    doit.cmd_run.MRunner = Preloading
