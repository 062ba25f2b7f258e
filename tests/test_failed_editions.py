"""An edition that fails its preflight never stays under its own name: it is set aside as
<name>-<layout>.FAILED.pdf, the console says so, the next build makes it again, and a build
that passes removes it."""

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from pipeline.checks.preflight.report import Check, Report
from pipeline.errors import PipelineError
from pipeline.tasks import steps
from pipeline.tasks.console import Console, Run, summary
from pipeline.tasks.project import Project

from .conftest import ROOT
from .support import SEED, copy_project, doit, tasks_run

PDF = b"%PDF-1.7 the edition as built"


def project_in(folder: Path) -> Project:
    """A project of the real layouts (hard-linked, not copied: the fonts are large; not a
    symbolic link, which the build refuses as leading out of the project)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "layouts", folder / "layouts", copy_function=os.link)
    (folder / "output" / "x").mkdir(parents=True)
    return Project(folder)


def checked(monkeypatch, *checks: Check) -> None:
    """The check step given a preflight finding `checks`, and no model to read."""
    monkeypatch.setattr("pipeline.checks.preflight.preflight",
                        lambda pdf, *_: Report(pdf, "print", checks, pages=7))
    monkeypatch.setattr(steps, "load_document", lambda *_: None)


FAILED = Check("image-resolution", "error", False, "page 3: photos/x.png (40 x 26 px) at 6 ppi")
PASSED = Check("image-resolution", "error", True, "")


def test_a_failed_edition_is_set_aside_under_a_name_saying_so(tmp_path, monkeypatch):
    project = project_in(tmp_path)
    project.pdf("x", "print").write_bytes(PDF)
    checked(monkeypatch, FAILED)
    with pytest.raises(PipelineError) as raised:
        steps.check_pdf(project.root, "x", "print")
    assert raised.value.seen_from(project.root) == (
        "output/x/x-print.FAILED.pdf: failed its preflight with 1 error: image-resolution: "
        "page 3: photos/x.png (40 x 26 px) at 6 ppi")
    assert not project.pdf("x", "print").exists()
    assert project.failed_pdf("x", "print").read_bytes() == PDF
    assert project.built_pdf("x", "print") == project.failed_pdf("x", "print")
    assert project.preflight_report("x", "print").exists()  # the report says why


def test_a_passing_build_removes_an_earlier_failed_file(tmp_path, monkeypatch):
    project = project_in(tmp_path)
    project.pdf("x", "print").write_bytes(PDF)
    project.failed_pdf("x", "print").write_bytes(b"%PDF an earlier build's")
    checked(monkeypatch, PASSED)
    steps.check_pdf(project.root, "x", "print")
    assert project.pdf("x", "print").read_bytes() == PDF
    assert not project.failed_pdf("x", "print").exists()


def test_a_pdf_the_check_cannot_read_is_set_aside_too(tmp_path, monkeypatch):
    project = project_in(tmp_path)
    project.pdf("x", "screen").write_bytes(b"not a PDF")

    def unreadable(*_):
        raise ValueError("no PDF header")

    monkeypatch.setattr("pipeline.checks.preflight.preflight", unreadable)
    monkeypatch.setattr(steps, "load_document", lambda *_: None)
    with pytest.raises(ValueError):
        steps.check_pdf(project.root, "x", "screen")
    assert not project.pdf("x", "screen").exists()
    assert project.failed_pdf("x", "screen").exists()


def test_the_summary_names_the_failed_file_and_says_it_is_not_for_press(tmp_path, monkeypatch):
    project = project_in(tmp_path)
    for layout in ("print", "screen"):
        project.pdf("x", layout).write_bytes(PDF)
        checked(monkeypatch, FAILED)
        with pytest.raises(PipelineError):
            steps.check_pdf(project.root, "x", layout)
    lines = summary(project, Run(executed=["preflight:x/print", "preflight:x/screen"]))
    print_line, screen_line = (" ".join(line.split()) for line in lines.splitlines()
                               if ".FAILED.pdf" in line)
    assert print_line.startswith("x-print.FAILED.pdf 7 pages, FAILED, not for press, "
                                 "image-resolution: page 3")
    assert screen_line.startswith("x-screen.FAILED.pdf 7 pages, FAILED, not to publish")
    assert "x-print.pdf" not in lines


def test_the_console_says_the_error_once_naming_the_failed_file(tmp_path):
    from doit.exceptions import TaskFailed

    out = io.StringIO()
    reporter = Console(out, {"dep_file": str(project_in(tmp_path).root / ".doit.db")})
    problem = "failed its preflight with 1 error: fonts-embedded: F1"
    for layout in ("print", "screen"):
        reporter.add_failure(type("Task", (), {"name": f"preflight:x/{layout}"}),
                             TaskFailed(f"output/x/x-{layout}.FAILED.pdf: {problem}"))
    assert out.getvalue() == f"error: output/x/x-print.FAILED.pdf: {problem}\n"


def test_a_selection_building_a_pdf_brings_its_check_and_no_other(monkeypatch):
    from doit.control import TaskControl
    from doit.task import Task

    from pipeline.tasks import console, preflighted

    monkeypatch.setattr(preflighted.doit.control.TaskControl, "process",
                        preflighted.DOIT_PROCESS)
    monkeypatch.setattr(console, "BROUGHT", set())
    monkeypatch.setattr(preflighted, "BROUGHT", console.BROUGHT)
    preflighted.preflight_every_pdf(
        lambda task: f"check:{task[4:]}" if task.startswith("pdf:") else None)
    editions = [f"{name}/{layout}" for name in ("a", "b") for layout in ("print", "screen")]
    tasks = [Task("model:a", None, targets=["a.json"]), Task("model:b", None),
             *(Task(f"pdf:{edition}", None, file_dep=[f"{edition[0]}.json"],
                    targets=[f"{edition}.pdf"]) for edition in editions),
             *(Task(f"look:{edition}", None, file_dep=[f"{edition}.pdf"])
               for edition in editions),
             *(Task(f"check:{edition}", None, file_dep=[f"{edition}.pdf"],
                    task_dep=[f"look:{edition}"]) for edition in editions),
             Task("pdf", None, task_dep=[f"pdf:{edition}" for edition in editions],
                  has_subtask=True)]

    def selected(*names):
        control = TaskControl(tasks)
        control.process(list(names) or None)
        return control.selected_tasks

    assert selected("pdf:a/print") == ["pdf:a/print", "check:a/print"]
    assert selected("look:b/screen") == ["look:b/screen", "check:b/screen"]
    assert selected("b/print.pdf") == ["pdf:b/print", "check:b/print"]  # by its target
    assert selected("pdf")[1:] == [f"check:{edition}" for edition in editions]
    assert selected("check:a/print") == ["check:a/print"]
    assert selected("model:a") == ["model:a"]  # no PDF of its own
    assert selected() == [task.name for task in tasks]  # every task, every check with them
    # A check brought along, and what it needs besides, is not one the command line asked for.
    console.BROUGHT.clear()
    assert console.asked_for({task.name: task for task in tasks},
                             selected("pdf:a/print")) == {"pdf:a/print"}
    assert console.BROUGHT == {"check:a/print", "look:a/print"}


# --- end to end --------------------------------------------------------------------------------


def photo(folder: Path, size) -> None:
    photos = folder / "source" / "photos"
    photos.mkdir(exist_ok=True)
    Image.new("RGB", size, (30, 90, 140)).save(photos / "photo-1.png")


def print_only(folder: Path) -> None:
    """The seed in print alone, its first figure's picture photos/photo-1.png."""
    toml = folder / "source" / f"{SEED}.toml"
    text = re.sub(r"(?m)^layouts = .*\n", "", toml.read_text())
    toml.write_text('layouts = ["print"]\n' + text
                    + '\n[images]\n1 = "photos/photo-1.png"\n')


@pytest.mark.slow
def test_a_build_failing_its_preflight_leaves_no_press_file_and_a_good_one_clears_it(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    print_only(folder)
    photo(folder, (120, 80))  # at its printed size, under 30 ppi
    output = folder / "output" / SEED
    press, failed = output / f"{SEED}-print.pdf", output / f"{SEED}-print.FAILED.pdf"

    first = doit(folder)
    assert first.returncode != 0
    assert not press.exists() and failed.exists()
    assert re.search(rf"error: output/{SEED}/{SEED}-print\.FAILED\.pdf: failed its preflight "
                     r"with 1 error: image-resolution: page \d+: photos/photo-1\.png", first.stdout)
    line = next(line for line in first.stdout.splitlines() if line.startswith("  "))
    assert line.split()[0] == failed.name and "FAILED, not for press" in line, first.stdout
    # The preview ran before the check renamed the file: the pages that failed can be seen.
    assert (output / "preview" / f"{SEED}-print-p001.png").exists()

    again = doit(folder)  # the press file is missing: built again, and set aside again
    assert again.returncode != 0 and f".  pdf:{SEED}/print" in tasks_run(again)
    assert not press.exists() and failed.exists()

    photo(folder, (1800, 1200))  # at print resolution
    good = doit(folder)
    assert good.returncode == 0, good.stdout + good.stderr
    assert press.exists() and not failed.exists()
    assert "Nothing to do" in doit(folder).stdout

    shutil.copy(press, failed)
    doit(folder, "clean")
    assert not failed.exists() and not press.exists()


@pytest.mark.slow
def test_a_failed_edition_built_again_by_a_build_of_pdfs_alone_is_checked_again(tmp_path):
    """A build of PDFs alone, the press file missing, builds it again and checks it: it is
    set aside again, never left under its own name unchecked."""
    folder = copy_project(tmp_path / "project", library=False)
    print_only(folder)
    photo(folder, (120, 80))
    output = folder / "output" / SEED
    press, failed = output / f"{SEED}-print.pdf", output / f"{SEED}-print.FAILED.pdf"
    assert doit(folder).returncode != 0 and failed.exists()
    for selection in ("pdf", f"pdf:{SEED}/print", str(press)):
        failed.unlink()
        built = doit(folder, selection)
        assert built.returncode != 0, selection
        assert f".  preflight:{SEED}/print" in tasks_run(built), built.stdout
        assert not press.exists() and failed.exists(), selection
        assert "FAILED, not for press" in built.stdout


@pytest.mark.slow
def test_a_text_refused_then_put_back_rebuilds_its_model_alone(tmp_path):
    """The editions not built while the model was refused keep the record of what they
    were built from: the text put back as it was, only the model is built again (doit
    would forget the record and build every edition again, each as it was)."""
    folder = copy_project(tmp_path / "project", library=False)
    assert doit(folder).returncode == 0
    metadata = folder / "source" / f"{SEED}.toml"
    written = metadata.read_bytes()
    metadata.write_bytes(written + b"\nsubtitle = [\n")
    refused = doit(folder)
    assert refused.returncode != 0 and "not run because of it" in refused.stdout
    metadata.write_bytes(written)
    assert tasks_run(doit(folder)) == [f".  model:{SEED}"]
    metadata.write_bytes(written.replace(b"title = ", b"subtitle = \"Twice\"\ntitle = ", 1))
    assert len(tasks_run(doit(folder))) > 1  # a real change still rebuilds the editions
