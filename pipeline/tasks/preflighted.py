"""Every PDF a build writes under its edition's own name is checked in the same run.

The preflight sets an edition that fails aside under a name saying so, and a later build
makes it again, its own name missing. A build of some tasks alone (`doit pdf`,
`doit pdf:<name>/print`, `doit preview:<name>/print`, the PDF's own path) ran the PDF's task
and not its check, which needs it rather than the other way round: a failed edition stood
under its own name again, unchecked. Here a selection that leads to a PDF brings its check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import doit.control

from pipeline.tasks.console import BROUGHT

DOIT_PROCESS = doit.control.TaskControl.process


def preflight_every_pdf(check_of: Callable[[str], str | None]) -> None:
    """Have doit run, with the tasks the command line selects, the check (`check_of` a
    task's name: its check's name, None for a task building no PDF) of every PDF they build
    or need; a run with no selection runs every task, every check among them."""
    def process(control, task_selection):
        DOIT_PROCESS(control, task_selection)
        if task_selection is None:
            return
        selected = control.selected_tasks
        needed = leading_to(control.tasks, selected)
        brought = [check for check in dict.fromkeys(map(check_of, needed))
                   if check in control.tasks and check not in selected]
        BROUGHT.update(set(leading_to(control.tasks, brought)) - set(needed))
        control.selected_tasks = [*selected, *brought]

    doit.control.TaskControl.process = process


def leading_to(tasks: dict, selected: Iterable[str]) -> list[str]:
    """The `selected` tasks and every task they need, by name (a target another task
    builds counts: doit has made it a task dependency)."""
    found = dict.fromkeys(selected)
    waiting = list(found)
    while waiting:
        task = tasks.get(waiting.pop())
        for needed in (task.task_dep + task.setup_tasks) if task else ():
            if needed not in found:
                found[needed] = None
                waiting.append(needed)
    return list(found)
