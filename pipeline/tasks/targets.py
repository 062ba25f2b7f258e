"""A target the command line names by its absolute path, selected as the tasks name it.

The tasks name the project's files relative to its folder (Project.task_paths), so that a
project copied elsewhere finds doit's record of them; doit selects a target by the name a
task gives it alone, so `doit /…/output/<name>/<name>-print.pdf`, the path a file manager
or a shell gives, would select nothing ("not a command, task, or a target"). Here such an
argument is named as the tasks name it.
"""

from __future__ import annotations

from collections.abc import Callable

import doit.control


def select_targets_by_path(declared_name: Callable[[str], str]) -> None:
    """Have doit read each argument of the command line's selection as `declared_name` (an
    argument: the name the tasks give it) names it."""
    process = doit.control.TaskControl.process

    def by_declared_name(control, task_selection):
        if task_selection is not None:
            task_selection = [declared_name(argument) for argument in task_selection]
        process(control, task_selection)

    doit.control.TaskControl.process = by_declared_name
