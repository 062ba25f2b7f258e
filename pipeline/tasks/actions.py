"""The actions of the tasks dodo.py declares: a build step run with the build's error policy,
and a source refused. Module-level functions, so doit can hand them to its workers by name.
"""

from __future__ import annotations

import os
from pathlib import Path

from doit.exceptions import TaskFailed

from pipeline.errors import PipelineError, in_words
from pipeline.tasks.console import NOTE


def run(root: Path, step_name: str, name: str, *arguments):
    """Run a build step of project `root`; a failure ends the task with one line naming the
    file.

    Set PIPELINE_DEBUG=1 to see the traceback instead.
    """
    from pipeline.tasks import steps
    from pipeline.tasks.heap import collect_less, on_a_roomy_stack
    from pipeline.tasks.project import Project

    collect_less()
    try:
        note = on_a_roomy_stack(getattr(steps, step_name), root, name, *arguments)
    except PipelineError as error:
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        return TaskFailed(error.seen_from(root))
    except Exception as error:  # an unforeseen failure still gets one line, not a traceback
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        source = Project(root).text_source(name).relative_to(root)
        return TaskFailed(f"{source}: {in_words(error)}"
                          " (PIPELINE_DEBUG=1 shows the traceback)")
    return {NOTE: note} if note else None  # a line the console shows (removed editions)


def refuse(message: str) -> TaskFailed:
    """The action of a task for a source that cannot be built: its one line."""
    return TaskFailed(message)
