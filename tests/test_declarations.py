"""Declaring the tasks is cheap, so a build with nothing to do is: what it finds is kept
between runs (tasks/cache.py) under the files' stat, the tasks declared being the same whether
found or kept and a change to a file they were found from seen by the next run; and doit's
groups of tasks, which do nothing, are never due."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pipeline.tasks import cache as cache_module
from pipeline.tasks.cache import DeclarationCache
from pipeline.tasks.code import PACKAGE_DIR
from pipeline.tasks.project import Project

from .support import SEED, copy_project, doit

# Every task doit loads from the project's dodo.py, with what decides when it runs.
DECLARATIONS = """
import json, sys
sys.path.insert(0, ".")
from doit.loader import load_tasks
import dodo
tasks = load_tasks(vars(dodo), allow_delayed=False)
print(json.dumps({task.name: {"file_dep": sorted(task.file_dep), "task_dep": task.task_dep,
                              "targets": sorted(map(str, task.targets))} for task in tasks}))
"""


def declarations(project) -> dict:
    result = subprocess.run([sys.executable, "-c", DECLARATIONS], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def project(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    (folder / "source" / "photos").mkdir()
    Image.new("RGB", (2, 2)).save(folder / "source" / "photos" / "harbour.png")  # a picture
    (folder / "source" / "second.txt").write_text("A second text. It has a paragraph.\n")
    (folder / "source" / "second.toml").write_text(
        'title = "Second"\nlayouts = ["print", "screen"]\n[images]\n1 = "photos/harbour.png"\n')
    return folder


def pdf_tasks(found: dict, name: str) -> list[str]:
    return sorted(task for task in found if task.startswith(f"pdf:{name}/"))


def test_the_tasks_are_the_same_found_or_kept(project):
    found = declarations(project)
    assert (project / ".doit.cache").is_file()
    assert declarations(project) == found
    assert pdf_tasks(found, "second") == ["pdf:second/print", "pdf:second/screen"]
    assert "source/photos/harbour.png" in found["pdf:second/print"]["file_dep"]


def test_a_changed_metadata_file_is_read_again(project):
    declarations(project)
    toml = project / "source" / "second.toml"
    toml.write_text('title = "Second"\nlayouts = ["print"]\n')
    found = declarations(project)
    assert pdf_tasks(found, "second") == ["pdf:second/print"]
    assert not [dep for dep in found["pdf:second/print"]["file_dep"] if "photos" in dep]


def test_an_image_removed_or_a_layout_added_is_seen(project):
    declarations(project)
    (project / "source" / "photos" / "harbour.png").unlink()
    # The metadata now names a missing image: every layout is declared, the model task says why.
    assert len(pdf_tasks(declarations(project), "second")) == 3
    Image.new("RGB", (2, 2)).save(project / "source" / "photos" / "harbour.png")
    assert len(pdf_tasks(declarations(project), "second")) == 2
    extra = project / "layouts" / "screen" / "extra.css"
    extra.write_text("p { color: black }\n")
    notes = project / "layouts" / "screen" / "notes.md"
    notes.write_text("Why the screen edition looks as it does.\n")
    style = project / "layouts" / "screen" / "style.css"
    style.write_text('@import url("extra.css");\n' + style.read_text(encoding="utf-8"))
    files = declarations(project)[f"pdf:{SEED}/screen"]["file_dep"]
    assert "layouts/screen/extra.css" in files  # what the layout reads, only
    assert "layouts/screen/notes.md" not in files


def test_a_copied_project_declares_its_own_files_by_the_same_paths(project, tmp_path):
    """doit keeps each file's state under the path a task names it by: named relative to the
    project's folder, the files of a copy (or of the project moved) are the ones its record
    holds. What the original kept in its cache names the original's files: found again."""
    found = declarations(project)
    copy = shutil.copytree(project, tmp_path / "elsewhere" / "copy", symlinks=True)
    assert declarations(copy) == found
    assert all(not Path(path).is_absolute() for task in found.values()
               for path in [*task["targets"], *task["file_dep"]]
               if not path.startswith(str(PACKAGE_DIR)))


def test_a_target_named_by_its_absolute_path_is_named_as_the_tasks_name_it(tmp_path):
    """A file of the project given on the command line by its absolute path (a file manager's
    or a shell's) selects the task that builds it, named relative to the project's folder;
    a task's name, a group and a path outside the project are left as they are."""
    project = Project(tmp_path)
    press = tmp_path / "output" / "notice" / "notice-print.pdf"
    assert project.declared_name(str(press)) == "output/notice/notice-print.pdf"
    assert project.declared_name("pdf:notice/print") == "pdf:notice/print"
    assert project.declared_name("pdf") == "pdf"
    assert project.declared_name("/elsewhere/notice.pdf") == "/elsewhere/notice.pdf"


def test_a_cache_file_that_cannot_be_read_is_found_again(project):
    found = declarations(project)
    (project / ".doit.cache").write_text("not JSON")
    assert declarations(project) == found
    assert json.loads((project / ".doit.cache").read_text())["version"] == cache_module.VERSION


def test_what_is_kept_is_not_found_again_until_a_file_changes(project, monkeypatch):
    path, layouts = project / ".doit.cache", Project(project)
    first = DeclarationCache(path)
    code, metadata = first.step_code("build_pdf"), first.metadata(layouts, "second")
    first.write(os.getpid())

    def found_again(*arguments):
        raise AssertionError("found again")

    monkeypatch.setattr("pipeline.tasks.code.step_code", found_again)
    monkeypatch.setattr("pipeline.readers.metadata.load_declared", found_again)
    kept = DeclarationCache(path)
    assert kept.step_code("build_pdf") == code
    assert kept.metadata(layouts, "second") == metadata
    (project / "source" / "second.toml").write_text('title = "Second, changed"\n')
    with pytest.raises(AssertionError, match="found again"):
        DeclarationCache(path).metadata(layouts, "second")


# Ordering every task as a build does (the printer's PDF first), then whether any layout was read.
RANKED = """
import sys
sys.path.insert(0, ".")
from doit.loader import load_tasks
import dodo
from pipeline.tasks.workers import SupervisedRunner
tasks = load_tasks(vars(dodo), allow_delayed=False)
firsts = [task.name for task in tasks if SupervisedRunner.rank(task.name) == (0, 0)]
print(" ".join(firsts), "pipeline.layouts" in sys.modules)
"""


def test_ordering_the_tasks_reads_no_layout_once_kept(project):
    """Every task a build with nothing to do checks is ranked (tasks/order.py): loading the
    layouts for it cost a no-op a quarter of doit's start."""
    first = subprocess.run([sys.executable, "-c", RANKED], cwd=project, capture_output=True,
                           text=True, timeout=120)
    kept = subprocess.run([sys.executable, "-c", RANKED], cwd=project, capture_output=True,
                          text=True, timeout=120)
    assert first.returncode == kept.returncode == 0, first.stderr + kept.stderr
    assert first.stdout.split()[:-1] == kept.stdout.split()[:-1] == [
        "pdf:director-review-2024/print", "pdf:second/print"]
    assert first.stdout.split()[-1] == "True" and kept.stdout.split()[-1] == "False"


def test_the_groups_of_tasks_are_never_due(project):
    """A group (`pdf`, running every pdf task) has nothing to do of its own: were it due, a
    build with nothing to do would fork doit's workers to run it."""
    result = doit(project, "list", "--status")
    assert result.returncode == 0, result.stderr
    groups = result.stdout.splitlines()
    assert "pdf" in [line.split()[1] for line in groups]
    assert all(line.startswith("U ") for line in groups), result.stdout
