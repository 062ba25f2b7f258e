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


def preload_before_forking(libraries: dict[str, tuple[str, ...]]) -> None:
    """Have doit's parallel runner import `libraries[group]` when it finds a task of that
    group (the `pdf` of `pdf:<name>/<layout>`) due, while it has workers to fork."""
    runner = doit.cmd_run.MRunner

    class Preloading(runner):
        def select_task(self, node, tasks_dict):
            due = super().select_task(node, tasks_dict)
            wanted = libraries.get(node.task.name.partition(":")[0], ())
            if due and wanted and len(multiprocessing.active_children()) < self.num_process:
                imported_whole(wanted)
                gc.freeze()
            return due

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
