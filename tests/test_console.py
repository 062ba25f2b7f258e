"""The console as doit drives it: each problem said once, whichever editions share it, and the
tasks it held back named."""

from __future__ import annotations

import io
from types import SimpleNamespace

from doit.exceptions import TaskFailed, UnmetDependency

from pipeline.tasks.console import Console


def console(tmp_path) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(out, {"dep_file": str(tmp_path / ".doit.db")}), out


def test_a_preflight_problem_shared_by_the_editions_is_said_once(tmp_path):
    reporter, out = console(tmp_path)
    problem = "failed its preflight with 1 error: text-complete: paragraph 3 missing: 'Words'"
    for layout in ("print", "screen", "large-print"):
        task = SimpleNamespace(name=f"preflight:x/{layout}", actions=[1])
        reporter.execute_task(task)
        reporter.add_failure(task, TaskFailed(f"output/x/x-{layout}.pdf: {problem}"))
    reporter.add_failure(SimpleNamespace(name="preview:x/print"), UnmetDependency("held"))
    reporter.complete_run()
    errors = [line for line in out.getvalue().splitlines() if line.startswith("error:")]
    assert errors == [f"error: output/x/x-print.pdf: {problem}"]
    assert out.getvalue().splitlines()[-1].endswith(
        "; 1 error; 1 task not run because of them (preview:x/print).")


def test_different_problems_are_each_said(tmp_path):
    reporter, out = console(tmp_path)
    for layout, rule in (("print", "no-rgb"), ("screen", "tagged")):
        task = SimpleNamespace(name=f"preflight:x/{layout}", actions=[1])
        reporter.add_failure(task, TaskFailed(f"output/x/x-{layout}.pdf: failed: {rule}"))
    for number in range(5):
        reporter.add_failure(SimpleNamespace(name=f"preview:x/{number}"), UnmetDependency("h"))
    reporter.complete_run()
    lines = out.getvalue().splitlines()
    assert len([line for line in lines if line.startswith("error:")]) == 2
    assert lines[-1].endswith("5 tasks not run because of them (preview:x/0, preview:x/1, "
                              "preview:x/2 and 2 more).")


def test_after_a_refused_draft_the_summary_says_the_editions_are_the_previous_builds(tmp_path):
    reporter, out = console(tmp_path)
    (tmp_path / "output" / "x").mkdir(parents=True)
    (tmp_path / "output" / "x" / "x.docx").write_bytes(b"the editor's draft")
    task = SimpleNamespace(name="model:x", actions=[1])
    reporter.execute_task(task)
    reporter.add_failure(task, TaskFailed("output/x/x.docx: holds hidden text 'and hidden'"))
    reporter.complete_run()
    lines = out.getvalue().splitlines()
    heading = lines.index("x  (in output/x/)")
    assert lines[heading + 1] == ("  not rebuilt: the error above stopped it; these are the"
                                  " previous build's editions")
