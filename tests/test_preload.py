"""The build imports WeasyPrint before doit forks its workers only when a task leading to a
PDF is due, and only while a worker is still to be forked, with the collector off, then
freezes what they inherit out of the garbage collector (tasks/preload.py)."""

import importlib
import multiprocessing
from types import SimpleNamespace

import doit.cmd_run
import pytest

from pipeline.tasks.preload import preload_before_forking


class Runner:
    """doit's parallel runner as the preloading one sees it: whether a task is due."""

    num_process = 2

    def select_task(self, node, tasks_dict):
        return node.due


@pytest.fixture
def imported(monkeypatch):
    names = []
    monkeypatch.setattr(doit.cmd_run, "MRunner", Runner)
    monkeypatch.setattr(importlib, "import_module", names.append)
    preload_before_forking({"pdf": ("weasyprint",)})
    return names


def select(name: str, due: bool = True) -> bool:
    return doit.cmd_run.MRunner().select_task(SimpleNamespace(task=SimpleNamespace(name=name),
                                                              due=due), {})


def test_a_pdf_due_before_the_workers_are_forked_imports_weasyprint(imported):
    assert select("pdf:report/print") is True
    assert imported == ["weasyprint"]


def test_nothing_is_imported_for_a_task_not_due_or_of_another_group(imported):
    assert select("pdf:report/print", due=False) is False
    assert select("docx:report") is True
    assert imported == []


def test_nothing_is_imported_once_every_worker_runs(imported, monkeypatch):
    monkeypatch.setattr(multiprocessing, "active_children", lambda: [object(), object()])
    select("pdf:report/print")
    assert imported == []


def test_what_the_workers_inherit_is_frozen_out_of_their_collections(imported, monkeypatch):
    frozen = []
    monkeypatch.setattr("gc.freeze", lambda: frozen.append(True))
    select("pdf:report/print")
    assert frozen == [True]
    select("docx:report")
    assert frozen == [True]


def test_no_collection_runs_while_they_import_and_the_collector_is_back_on_after(monkeypatch):
    import gc

    seen = []
    monkeypatch.setattr(doit.cmd_run, "MRunner", Runner)
    monkeypatch.setattr(importlib, "import_module", lambda name: seen.append(gc.isenabled()))
    monkeypatch.setattr("gc.freeze", lambda: None)
    preload_before_forking({"pdf": ("weasyprint", "pikepdf")})
    select("pdf:report/print")
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_library_that_fails_to_import_leaves_the_collector_on(monkeypatch):
    import gc

    def failing(name):
        raise ImportError(name)

    monkeypatch.setattr(doit.cmd_run, "MRunner", Runner)
    monkeypatch.setattr(importlib, "import_module", failing)
    monkeypatch.setattr("gc.freeze", lambda: None)
    preload_before_forking({"pdf": ("weasyprint",)})
    assert select("pdf:report/print") is True
    assert gc.isenabled()


class ForkingRunner(Runner):
    """The runner as the preloading one sees it when it forks a worker (SupervisedRunner)."""

    def forked(self, worker) -> None:
        pass


@pytest.fixture
def forking(monkeypatch):
    names = []
    monkeypatch.setattr(doit.cmd_run, "MRunner", ForkingRunner)
    monkeypatch.setattr(importlib, "import_module", names.append)
    monkeypatch.setattr("gc.freeze", lambda: None)
    preload_before_forking({"model": ("weasyprint",), "pdf": ("weasyprint",)},
                           forked_first=frozenset({"model"}))
    return names


def test_a_model_due_first_has_its_worker_forked_before_the_import_and_ended_after_it(forking):
    runner = doit.cmd_run.MRunner()
    due = SimpleNamespace(task=SimpleNamespace(name="model:report"), due=True)
    assert runner.select_task(due, {}) is True
    assert forking == []  # not yet: the model's worker is forked first
    first, second = SimpleNamespace(single_use=False), SimpleNamespace(single_use=False)
    runner.forked(first)
    assert forking == ["weasyprint"] and first.single_use
    runner.forked(second)  # forked after the import: it inherits it, and stays
    assert forking == ["weasyprint"] and not second.single_use


def test_a_pdf_due_after_a_model_imports_at_once_and_the_next_worker_stays(forking):
    runner = doit.cmd_run.MRunner()
    runner.select_task(SimpleNamespace(task=SimpleNamespace(name="model:report"), due=True), {})
    runner.select_task(SimpleNamespace(task=SimpleNamespace(name="pdf:other/print"), due=True),
                       {})
    assert forking == ["weasyprint"]
    worker = SimpleNamespace(single_use=False)
    runner.forked(worker)
    assert forking == ["weasyprint"] and not worker.single_use


def test_once_imported_neither_a_pdf_nor_a_model_imports_again(forking):
    runner = doit.cmd_run.MRunner()
    runner.select_task(SimpleNamespace(task=SimpleNamespace(name="pdf:report/print"), due=True),
                       {})
    runner.select_task(SimpleNamespace(task=SimpleNamespace(name="model:other"), due=True), {})
    worker = SimpleNamespace(single_use=False)
    runner.forked(worker)
    assert forking == ["weasyprint"] and not worker.single_use
