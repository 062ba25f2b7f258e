"""An interrupted build waits for every worker to end, and each ends, even one that misses
the build's SIGTERM (Python loses an exit raised in a finalizer): it finishes its task, finds
its pipe closed, and ends (tasks/workers.py: stop)."""

import signal
import subprocess
import sys
import time

import pytest

from pipeline.tasks.workers import unraisable_unless_left

# Tasks that ignore SIGTERM, as a worker whose exit was lost goes on; each says it started.
DEAF_TASKS = '''
import pathlib, signal, time
from pipeline.tasks.workers import supervise_workers

supervise_workers(str)
DOIT_CONFIG = {"verbosity": 0, "dep_file": ".doit.db"}


def deaf(name):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    pathlib.Path(name).touch()
    time.sleep(3)


def task_deaf():
    for name in ("first", "second"):
        yield {"name": name, "actions": [(deaf, [name])]}
'''


@pytest.mark.slow
def test_an_interrupted_build_ends_once_workers_that_missed_the_signal_end(tmp_path):
    (tmp_path / "dodo.py").write_text(DEAF_TASKS, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "doit", "-n", "2"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while not ((tmp_path / "first").exists() and (tmp_path / "second").exists()):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    started = time.monotonic()
    process.send_signal(signal.SIGINT)  # the build alone: both workers stay deaf to the end
    output = process.communicate(timeout=25)[0]  # less than the wait before killing them
    assert process.returncode == 130, output
    assert time.monotonic() - started < 20
    assert "Traceback" not in output
    assert subprocess.run(["pgrep", "-g", str(process.pid)], capture_output=True).returncode


def test_a_worker_s_lost_exit_is_not_printed(monkeypatch):
    """The exit raised by SIGTERM in a finalizer is lost quietly; anything else is printed."""
    printed = []
    monkeypatch.setattr(sys, "__unraisablehook__", printed.append)
    unraisable_unless_left(Unraisable(SystemExit(143)))
    unraisable_unless_left(Unraisable(ValueError("bad")))
    assert [str(unraisable.exc_value) for unraisable in printed] == ["bad"]


class Unraisable:
    def __init__(self, exc_value):
        self.exc_value = exc_value


