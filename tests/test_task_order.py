"""The build starts the tasks ready together longest first: PDFs (the printer's first), then
previews, checks and drafts (tasks/order.py), whatever order doit releases them in."""

from collections import deque
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.tasks.cache import DeclarationCache
from pipeline.tasks.order import rank
from pipeline.tasks.project import Project
from pipeline.tasks.workers import longest_first

from .support import copy_project, doit

REPO = Path(__file__).resolve().parent.parent


def node(name: str):
    return SimpleNamespace(task=SimpleNamespace(name=name))


class Dispatcher:
    """doit's dispatcher as the runner sees it: finishing a task releases those it held."""

    def __init__(self):
        self.ready = deque()

    def _update_waiting(self, processed) -> None:
        self.ready.extend(processed)


def print_ready(project, cache):
    return lambda layout: cache.layout_facts(project, layout).print_ready


def test_the_printers_pdf_comes_first_then_the_other_pdfs_previews_checks_drafts(tmp_path):
    project = Project(REPO)  # the repository's own layouts: print is the PDF/X one
    cache = DeclarationCache(tmp_path / ".doit.cache")
    names = ["docx:report", "preflight:report/print", "preview:report/screen",
             "pdf:report/large-print", "pdf:report/screen", "pdf:report/print", "model:report"]
    assert sorted(names, key=lambda name: rank(print_ready(project, cache), name)) == [
        "pdf:report/print", "pdf:report/large-print", "pdf:report/screen",
        "preview:report/screen", "preflight:report/print", "docx:report", "model:report"]


def test_a_layout_that_cannot_be_read_ranks_as_another_pdf(tmp_path):
    (tmp_path / "layouts" / "broken").mkdir(parents=True)
    (tmp_path / "layouts" / "broken" / "layout.toml").write_text("pdf_variant = [", "utf-8")
    ranked = print_ready(Project(tmp_path), DeclarationCache(tmp_path / ".doit.cache"))
    assert rank(ranked, "pdf:report/broken") == rank(ranked, "pdf:report/missing")


def test_released_tasks_are_handed_out_by_rank_ties_as_released():
    dispatcher = Dispatcher()
    dispatcher.ready.append(node("docx:a"))
    longest_first(dispatcher, lambda name: ("pdf" not in name, "print" not in name))
    dispatcher._update_waiting([node("pdf:a/screen"), node("docx:b"), node("pdf:b/print"),
                                node("pdf:a/print")])
    assert [found.task.name for found in dispatcher.ready] == [
        "pdf:b/print", "pdf:a/print", "pdf:a/screen", "docx:a", "docx:b"]


@pytest.mark.slow
def test_a_cold_build_on_two_workers_starts_the_printers_pdf_first_and_builds_everything(
        tmp_path):
    """The whole build, as `doit -n 2` runs it: after the model, the printer's PDF is among the
    two tasks the workers take first, every PDF starts before any preview, check or draft,
    and every edition is built."""
    project = copy_project(tmp_path / "project", library=False)
    result = doit(project, "-n", "2", "model", "pdf", "docx", "preflight")
    assert result.returncode == 0, result.stdout + result.stderr
    started = [line.split()[1] for line in result.stdout.splitlines()
               if line.startswith(".  ")]
    kinds = [name.partition(":")[0] for name in started]
    assert kinds[0] == "model" and kinds.count("pdf") >= 2, result.stdout
    assert any(name.endswith("/print") for name in started[1:3]), started
    assert kinds[1:1 + kinds.count("pdf")] == ["pdf"] * kinds.count("pdf"), started
    layouts = {name.rpartition("/")[2] for name in started if name.startswith("pdf:")}
    built = {path.stem for path in (project / "output").glob("*/*.pdf")}
    assert len(built) == len(layouts) and all(
        any(stem.endswith(f"-{layout}") for stem in built) for layout in layouts)
    assert list((project / "output").glob("*/*.docx"))
