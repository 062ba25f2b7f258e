"""What `doit clean` shows: each problem once, in one line, what each document's folder lost,
and an exit status saying whether cleaning refused anything; with `-n`, each file and folder
it would remove, removing nothing.

doit's clean command writes `<task> - executing 'Python: function run'` before each action
and a failing action's message raw to stderr, and ends 0 whatever failed: a folder of
output/ linked out of the project was refused some twenty times over, in sixty lines, and
the clean ended as if done; and `doit clean -n` printed those `executing` lines, which name
no file.
"""

from __future__ import annotations

import os
from pathlib import Path

import doit.cmd_clean
from doit.exceptions import BaseFail

from pipeline import files
from pipeline.tasks.console import NOTE, counted, one_line
from pipeline.tasks.project import Project

DOIT_CLEAN = doit.cmd_clean.Clean._execute


def report_cleaning(project: Project) -> None:
    """Have `doit clean` in `project` say what it did in the console's words, and end 1 when
    any task's cleaning failed; `doit clean -n` list what it would remove, removing nothing."""
    def clean_tasks(command, tasks, dryrun, cleanforget):
        before = built_files(project.output_root)
        said = []
        # A dry run runs the same clean steps, which then list what they would remove.
        with files.planned_removals(dryrun) as planned:
            for task in {task.name: task for task in tasks}.values():
                for line in cleaned(task):
                    if line not in said:
                        said.append(line)
                        command.outstream.write(f"{line}\n")
                if cleanforget and not dryrun:
                    command.dep_manager.remove(task.name)
        command.dep_manager.close()
        gone = (planned_lines(project, planned) if dryrun
                else removed_lines(project, before - built_files(project.output_root)))
        for line in gone:
            command.outstream.write(f"{line}\n")
        command.refused = any(line.startswith("error: ") for line in said)

    # doit passes its options by the names of _execute's parameters: they stay doit's.
    def execute(command, dryrun, cleandep, cleanall, cleanforget, pos_args=None):
        command.refused = False
        DOIT_CLEAN(command, dryrun, cleandep, cleanall, cleanforget, pos_args)
        return 1 if command.refused else 0

    doit.cmd_clean.Clean.clean_tasks = clean_tasks
    doit.cmd_clean.Clean._execute = execute


def cleaned(task) -> list[str]:
    """Run a task's clean actions: the lines they say (a draft kept), and each failure's."""
    lines = []
    task.init_options()  # as doit's Task.clean does: the actions' keyword arguments
    for action in task.clean_actions:
        result = action.execute()
        if isinstance(result, BaseFail):
            lines.append(f"error: {one_line(getattr(result, 'message', '') or result.get_msg())}")
        elif note := (action.values or {}).get(NOTE):
            lines.append(note)
    return lines


def built_files(output_root: Path) -> set[Path]:
    """Every file in output/, no symbolic link followed."""
    return {Path(folder) / name for folder, _, names in os.walk(output_root) for name in names}


def planned_lines(project: Project, planned) -> list[str]:
    """A dry run's lines: each file and folder it would remove, in the order it would, named
    from the project's folder (a folder ending in /)."""
    return [f"{path.relative_to(project.root)}{'/' * (path.is_dir() and not path.is_symlink())}"
            for path in planned]


def removed_lines(project: Project, removed: set[Path]) -> list[str]:
    """A line for each folder of output/ that files were removed from: how many, and whether
    the folder went too (cleaning left it empty)."""
    by_folder: dict[str, int] = {}
    for path in removed:
        folder = path.relative_to(project.output_root).parts[0]
        by_folder[folder] = by_folder.get(folder, 0) + 1
    lines = []
    for folder, number in sorted(by_folder.items()):
        shown = project.output_root.relative_to(project.root) / folder
        lines.append(f"removed {shown}/ ({counted(number, 'file')})"
                     if not (project.output_root / folder).exists()
                     else f"removed {counted(number, 'file')} from {shown}/")
    return lines
