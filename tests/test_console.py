"""The console as doit drives it: each problem said once, whichever editions share it, and the
tasks it held back named."""

from __future__ import annotations

import io
import json
import re
from types import SimpleNamespace

import pytest
from doit.exceptions import TaskFailed, UnmetDependency

from pipeline.tasks.console import Console
from pipeline.tasks.drafts import digest_of
from pipeline.tasks.project import Project

from .support import copy_project, doit


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
        "; 1 error; 1 task not run because of it (preview:x/print).")


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
    copy_project(tmp_path, library=False)
    (tmp_path / "output" / "x").mkdir(parents=True)
    (tmp_path / "output" / "x" / "x-print.pdf").write_bytes(b"%PDF-1.7 an earlier build's")
    (tmp_path / "output" / "x" / "x.docx").write_bytes(b"the editor's draft")
    lines = summary_after_failure(tmp_path, "output/x/x.docx: holds hidden text 'and hidden'")
    heading = lines.index("x  (in output/x/)")
    assert lines[heading + 1] == ("  not rebuilt: the error above stopped it; these are the"
                                  " previous build's editions")


def test_a_draft_that_doit_clean_kept_alone_is_no_previous_builds_editions(tmp_path):
    """`doit clean` removes every edition but keeps a draft holding edits: a build stopped
    reading it has no previous editions to speak of, and says that it has none."""
    copy_project(tmp_path, library=False)
    (tmp_path / "output" / "x").mkdir(parents=True)
    (tmp_path / "output" / "x" / "x.docx").write_bytes(b"the editor's draft")
    lines = summary_after_failure(tmp_path, "output/x/x.docx: holds hidden text 'and hidden'")
    heading = lines.index("x  (in output/x/)")
    assert lines[heading + 1:-1] == [
        "  x.docx                                   the draft to edit in Word or LibreOffice",
        "  no editions yet: the error above stopped them"]


def test_a_build_with_nothing_to_do_and_no_text_claims_no_editions(tmp_path):
    """Every text gone from source/ and `doit clean` run: no edition is left to be up to
    date."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "x.text").write_text("A text.\n", encoding="utf-8")
    reporter, out = console(tmp_path)
    reporter.complete_run()
    assert out.getvalue().splitlines()[-1].startswith(
        "Nothing to do: source/ holds no text to build (")


def test_an_edition_whose_pdf_failed_is_said_to_be_the_previous_builds_without_a_verdict(
        tmp_path):
    # The print PDF failed to build: the one under its name is an earlier text's, and its
    # earlier verdict ("press-ready") must not vouch for it.
    copy_project(tmp_path, library=False)
    folder = tmp_path / "output" / "x"
    folder.mkdir(parents=True)
    for layout in ("print", "screen"):
        (folder / f"x-{layout}.pdf").write_bytes(b"%PDF-1.7 an earlier build's")
    reporter, out = console(tmp_path)
    for name in ("model:x", "pdf:x/print", "pdf:x/screen"):
        reporter.execute_task(SimpleNamespace(name=name, actions=[1]))
    reporter.add_failure(SimpleNamespace(name="pdf:x/print", actions=[1]),
                         TaskFailed("source/x.md: could not be built: an unforeseen error"))
    reporter.complete_run()
    lines = out.getvalue().splitlines()
    assert ("  x-print.pdf                              not rebuilt: the error above stopped it;"
            " the previous build's") in lines
    screen = next(line for line in lines if line.startswith("  x-screen.pdf"))
    assert "not rebuilt" not in screen


def test_a_first_build_stopped_speaks_of_no_previous_editions(tmp_path):
    lines = summary_after_failure(tmp_path, "source/x.txt: no text: the file is empty")
    heading = lines.index("x")  # no folder was made: none is pointed at
    assert lines[heading + 1] == "  nothing built yet: see the error above"
    assert not [line for line in lines if "previous build" in line or "output/" in line]


def test_a_model_built_alone_is_no_error(tmp_path):
    # `doit model:x` on a first build: no edition was asked for, and no error stopped one.
    (tmp_path / "output" / "x").mkdir(parents=True)
    reporter, out = console(tmp_path)
    reporter.execute_task(SimpleNamespace(name="model:x", actions=[1]))
    reporter.complete_run()
    lines = out.getvalue().splitlines()
    heading = lines.index("x  (in output/x/)")
    assert lines[heading + 1] == "  no editions yet: `doit` builds them"
    assert "error" not in out.getvalue()


def summary_after_failure(folder, message: str) -> list[str]:
    """The console's lines when document x's model task fails with `message`."""
    reporter, out = console(folder)
    task = SimpleNamespace(name="model:x", actions=[1])
    reporter.execute_task(task)
    reporter.add_failure(task, TaskFailed(message))
    reporter.complete_run()
    return out.getvalue().splitlines()


def debris_said(folder, counts: str) -> list[str]:
    """The console's lines after reading document x, whose dedupe report holds `counts`."""
    reporter, out = console(folder)
    (folder / "output" / "x").mkdir(parents=True)
    (folder / "output" / "x" / "x.docx").write_bytes(b"a draft")
    (folder / "output" / "x" / "x.dedupe.json").write_text(f'{{{counts}, "dropped": []}}')
    reporter.execute_task(SimpleNamespace(name="model:x", actions=[1]))
    reporter.complete_run()
    return out.getvalue().splitlines()


def test_the_debris_of_a_page_and_of_a_mail_are_counted_apart(tmp_path):
    assert ("  3 lines dropped as web page debris and 6 as e-mail debris (listed in"
            " x.dedupe.json)") in debris_said(tmp_path, '"web_page_debris": 3, "e_mail_debris": 6')


def test_a_press_release_s_lines_are_counted_as_its_own(tmp_path):
    said = debris_said(tmp_path, '"web_page_debris": 3, "e_mail_debris": 1, '
                                 '"press_release_debris": 2')
    assert ("  3 lines dropped as web page debris, 1 as e-mail debris and 2 as press release"
            " debris (listed in x.dedupe.json)") in said


@pytest.mark.slow
def test_sources_stopped_on_their_first_build_have_no_previous_editions(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    (folder / "source" / "empty.txt").write_bytes(b"")
    (folder / "source" / "typo.txt").write_text("Harbour Report\n\nThe harbour was busy.\n")
    (folder / "source" / "typo.toml").write_text('title = "Harbour Report\n')
    result = doit(folder, "model")
    lines = result.stdout.splitlines()
    for name in ("empty", "typo"):
        heading = lines.index(name)  # stopped before its folder in output/ was made
        assert lines[heading + 1] == "  nothing built yet: see the error above"
        assert not (folder / "output" / name).exists()
    assert "previous build" not in result.stdout
    # The failed tasks are not counted as built, nor as held back.
    assert lines[-1].startswith("Built 1 task in ") and lines[-1].endswith("; 2 errors."), lines
    # The task asked for, held back by its model's failure, is said to be the one asked for.
    last = doit(folder, "pdf:empty/print").stdout.splitlines()[-1]
    assert last.startswith("Built 0 tasks in ") and last.endswith(
        "; 1 error; pdf:empty/print, asked for, not run because of it."), last


# --- what the last line counts -------------------------------------------------------------


def task(name: str, **more) -> SimpleNamespace:
    return SimpleNamespace(name=name, actions=[1], task_dep=[], **more)


EDITIONS = [f"{kind}:{{name}}/{layout}" for layout in ("print", "screen", "large-print")
            for kind in ("pdf", "preview", "preflight")] + ["docx:{name}"]


def failed_models(reporter, names: list[str], held: list[str] = EDITIONS) -> None:
    """Each document of `names` read and failed, holding back the tasks `held` (by default
    its ten editions' tasks) and, as doit reports them, the groups of tasks that hold them."""
    for name in names:
        reporter.execute_task(task(f"model:{name}"))
        reporter.add_failure(task(f"model:{name}"), TaskFailed(f"source/{name}.txt: no text"))
        for held_back in held:
            reporter.add_failure(task(held_back.format(name=name)), UnmetDependency("x"))
        for group in ("pdf", "preview", "preflight", "docx", "model"):
            reporter.add_failure(task(group, has_subtask=True), UnmetDependency("x"))


def test_only_real_tasks_are_counted_as_held_back_and_failures_not_as_built(tmp_path):
    reporter, out = console(tmp_path)
    reporter.execute_task(task("model:fine"))
    failed_models(reporter, [f"bad-{number}" for number in range(7)])
    reporter.complete_run()
    last = out.getvalue().splitlines()[-1]
    assert last.startswith("Built 1 task in "), last
    assert "; 7 errors; 70 tasks not run because of them (pdf:bad-0/print" in last, last
    assert ", model" not in last and "(model" not in last


def test_tasks_asked_for_that_could_not_run_are_named_as_such(tmp_path):
    reporter, out = console(tmp_path)
    names = ["model", "model:x", "pdf", "pdf:x/print", "pdf:x/screen", "preview:x/print",
             "preflight:x/print"]
    tasks = {name: task(name, has_subtask=":" not in name) for name in names}
    tasks["pdf"].task_dep = ["pdf:x/print", "pdf:x/screen"]
    reporter.initialize(tasks, ["preflight:x/print"])
    failed_models(reporter, ["x"], ["pdf:{name}/print", "preview:{name}/print",
                                    "preflight:{name}/print"])
    reporter.complete_run()
    assert out.getvalue().splitlines()[-1].endswith(
        "; 1 error; preflight:x/print, asked for, and 2 tasks it needs not run because of it"
        " (pdf:x/print, preview:x/print).")

    reporter.initialize(tasks, ["pdf"])  # a group asked for: its tasks are
    failed_models(reporter, ["x"], ["pdf:{name}/print", "pdf:{name}/screen"])
    reporter.complete_run()
    assert out.getvalue().splitlines()[-1].endswith(
        "; 1 error; pdf:x/print, pdf:x/screen, asked for, not run because of it.")

    reporter.initialize(tasks, list(tasks))  # a plain `doit`: everything is selected
    failed_models(reporter, ["x"])
    reporter.complete_run()
    assert "asked for" not in out.getvalue().splitlines()[-1]


def test_an_interrupted_build_says_so_not_what_it_would_have_built(tmp_path):
    reporter, out = console(tmp_path)
    reporter.execute_task(task("model:x"))
    reporter.interrupted()
    reporter.complete_run()
    assert out.getvalue().splitlines()[-1].startswith("Interrupted after ")
    assert "Built" not in out.getvalue() and "Nothing to do" not in out.getvalue()


def test_a_line_a_step_returns_is_shown(tmp_path):
    reporter, out = console(tmp_path)
    reporter.add_success(task("model:x", values={"note": "removed the screen edition of x"}))
    reporter.add_success(task("pdf:x/print", values={}))
    assert out.getvalue() == "removed the screen edition of x\n"


def test_the_summary_shows_each_warnings_cause_not_what_its_rule_measured(tmp_path):
    """An edition's line names every failed rule with its first problem and how many more:
    the page 20 % empty, not the count of lines justified that the rule measured besides."""
    from pipeline.checks.preflight.report import Report, Rule, run_rule
    from pipeline.files import write_json
    from pipeline.tasks.console import edition_state
    from pipeline.tasks.drafts import REPORT_DIGEST, digest
    from pipeline.tasks.project import Project

    project = Project(tmp_path)
    pdf = project.pdf("x", "screen")
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.7 a stand-in")
    measured = "8 full lines justified between their characters; 1 page but the last over 15% empty"
    checks = (
        run_rule(Rule("typography", "warning", lambda edition: ["page 20 20% empty"],
                      lambda edition: measured), None),
        run_rule(Rule("image-resolution", "warning",
                      lambda edition: [f"page {n}: photo at 200 ppi" for n in range(1, 8)]), None),
        run_rule(Rule("fonts-embedded", "error", lambda edition: [], lambda edition: "3 faces"),
                 None))
    report = Report(pdf, "screen", checks, pages=21)
    write_json(project.preflight_report("x", "screen"),
               {**report.to_json(), REPORT_DIGEST: digest(pdf)})
    assert edition_state(project, "x", "screen") == (
        "21 pages, checked, typography: page 20 20% empty; image-resolution: page 1: photo at "
        "200 ppi (and 6 more)")


def test_a_long_documents_states_stand_in_one_column_past_its_names(tmp_path):
    copy_project(tmp_path, library=False)
    name = "foundation-annual-work-report-zh-hans"
    folder = tmp_path / "output" / name
    folder.mkdir(parents=True)
    for layout in ("print", "large-print"):
        (folder / f"{name}-{layout}.pdf").write_bytes(b"%PDF-1.7")
    (folder / f"{name}.docx").write_bytes(b"a draft")
    reporter, out = console(tmp_path)
    reporter.execute_task(SimpleNamespace(name=f"pdf:{name}/print", actions=[1]))
    reporter.complete_run()
    listed = [line for line in out.getvalue().splitlines() if line.startswith(f"  {name}")]
    assert len(listed) == 3
    assert len({re.match(r"  \S+ +", line).end() for line in listed}) == 1


def test_a_draft_saved_under_another_name_or_format_is_said_not_read(tmp_path):
    """Save As to ODT, or under a new name, leaves the edits where no build reads them: said
    on every run, a word processor's lock file aside, until saved as the draft."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "x.txt").write_text("A text.\n", encoding="utf-8")
    folder = tmp_path / "output" / "x"
    folder.mkdir(parents=True)
    for name in ("x.docx", "x.odt", "x (edited).docx", "~$x.docx", ".~lock.x.docx#", "x.pdf"):
        (folder / name).write_bytes(b"")
    reporter, out = console(tmp_path)
    reporter.complete_run()
    assert out.getvalue().splitlines() == [
        "output/x/x (edited).docx: not read; the build reads the draft output/x/x.docx only:"
        " save the edits there, as a Word document",
        "output/x/x.odt: not read; the build reads the draft output/x/x.docx only: save the"
        " edits there, as a Word document",
        out.getvalue().splitlines()[-1]]
    assert out.getvalue().splitlines()[-1].startswith("Nothing to do")


def test_a_draft_saved_under_a_name_not_utf8_is_said_not_read_shown_escaped(tmp_path):
    """Its name had reached the console as bytes no terminal shows."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "x.txt").write_text("A text.\n", encoding="utf-8")
    folder = tmp_path / "output" / "x"
    folder.mkdir(parents=True)
    (folder / "x.docx").write_bytes(b"")
    (folder / "x \udce9dit\u00e9.docx").write_bytes(b"")  # \xe9 alone: Latin-1's é
    reporter, out = console(tmp_path)
    reporter.complete_run()
    assert out.getvalue().splitlines()[0] == (
        "output/x/x \\xe9dit\u00e9.docx: not read; the build reads the draft output/x/x.docx"
        " only: save the edits there, as a Word document")


def left_draft(tmp_path, name: str, text: str, draft: bytes) -> None:
    """output/<name>/, its text once `text`, holding the draft `draft` beside the bookkeeping
    of a draft written as b"written"."""
    folder = tmp_path / "output" / name
    folder.mkdir(parents=True)
    (folder / f"{name}.docx").write_bytes(draft)
    state = {"sources": {f"{name}.txt": digest_of(text.encode()), f"{name}.toml": None,
                         f"{name}.md": None}, "written": digest_of(b"written")}
    (folder / f"{name}.draft.json").write_text(json.dumps(state), encoding="utf-8")


@pytest.mark.parametrize("old, new", [("a", "a2"), ("年報", "年報二零二四")])
def test_the_edited_draft_of_a_renamed_text_is_said_on_every_run_with_where_it_goes(
        tmp_path, old, new):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / f"{new}.txt").write_text("Opening.\n\nA text.\n", encoding="utf-8")
    (tmp_path / "source" / "other.txt").write_text("Another text.\n", encoding="utf-8")
    left_draft(tmp_path, old, "Opening.\n\nA text.\n", b"edited")
    reporter, out = console(tmp_path)
    reporter.complete_run()
    assert out.getvalue().splitlines()[0] == (
        f"output/{old}/{old}.docx holds edits not imported; its text source/{old}.txt is gone"
        f" (move it to output/{new}/{new}.docx to import them, or delete it)")


def test_the_edited_draft_of_a_text_gone_or_renamed_and_changed_is_said_too(tmp_path):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "b2.txt").write_text("Opening.\n\nA text, changed.\n")
    left_draft(tmp_path, "b", "Opening.\n\nA text.\n", b"edited")
    reporter, out = console(tmp_path)
    reporter.complete_run()
    assert out.getvalue().splitlines()[0] == (
        "output/b/b.docx holds edits not imported; its text source/b.txt is gone (if the"
        " text was renamed, move it into the new name's folder under the new name to import"
        " them; else delete it)")


@pytest.mark.parametrize("name", ["c", "年報二零二三"])
def test_the_folder_of_a_text_gone_is_said_and_kept_its_draft_as_written_not(tmp_path, name):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "kept.txt").write_text("A text.\n", encoding="utf-8")
    (tmp_path / "output" / "kept").mkdir(parents=True)
    left_draft(tmp_path, name, "A text.\n", b"written")
    (tmp_path / "output" / name / f"{name}-print.pdf").write_bytes(b"%PDF")
    reporter, out = console(tmp_path)
    reporter.complete_run()
    assert out.getvalue().splitlines()[:-1] == [
        f"output/{name}/: its source text is gone; doit clean removes it"]
    assert out.getvalue().splitlines()[-1].startswith("Nothing to do")
    assert (tmp_path / "output" / name / f"{name}-print.pdf").exists()


@pytest.mark.parametrize("texts", [("links-en.txt", "links-en.TXT"), ("年報.md", "年報.MD")])
def test_the_folder_of_a_text_refused_is_no_text_gone_s(tmp_path, texts):
    """Texts of one name spelt alike are refused, not gone: their document's folder is
    kept while the refusal stands, neither said to be left behind nor cleaned (it had been
    named as its source text gone, for `doit clean` to remove)."""
    (tmp_path / "source").mkdir()
    for text in (*texts, "kept.txt"):
        (tmp_path / "source" / text).write_text("A text.\n", encoding="utf-8")
    name = texts[0].rpartition(".")[0]
    left_draft(tmp_path, name, "A text.\n", b"written")
    (tmp_path / "output" / "kept").mkdir()
    assert not Project(tmp_path).left_behind()
    reporter, out = console(tmp_path)
    reporter.complete_run()
    assert "gone" not in out.getvalue() and "doit clean" not in out.getvalue()


def test_the_folder_of_a_text_gone_is_said_once_with_its_edited_draft(tmp_path):
    (tmp_path / "source").mkdir()
    left_draft(tmp_path, "d", "A text.\n", b"edited")
    reporter, out = console(tmp_path)
    reporter.complete_run()
    said = out.getvalue().splitlines()
    assert len(said) == 2 and said[0].startswith("output/d/d.docx holds edits not imported")


def test_each_file_of_source_no_build_reads_is_named_in_a_line(tmp_path):
    """A text saved under another suffix, and metadata naming no text or not named
    `.toml`: each named, none left out with no word. A text's suffix in capitals
    (`UPPER.TXT`, `Mixed.Md`) is a text's, as pandoc reads one, and its `.toml` is read."""
    source = tmp_path / "source"
    (source / "photos").mkdir(parents=True)
    for name in ("kept.txt", "kept.toml", "marked.md", "marked.toml", "hyphenation.txt",
                 "harbour.jpg", "photos/notes.doc", ".DS_Store", "board-mail.text",
                 "chair-letter.docx", "年報.rtf", "old-notice.toml", "UPPER.TXT", "UPPER.toml",
                 "Mixed.Md", "SHOUTED.txt", "SHOUTED.TOML"):
        (source / name).write_text("A text.\n", encoding="utf-8")
    reporter, out = console(tmp_path)
    reporter.complete_run()
    only = "not read; the build reads only texts ending .txt or .md (and a text's .toml)"
    assert out.getvalue().splitlines()[:-1] == [
        f"source/SHOUTED.TOML: {only}",
        f"source/board-mail.text: {only}",
        f"source/chair-letter.docx: {only}",
        "source/old-notice.toml: not read; it names no text (no old-notice.txt or"
        " old-notice.md in source/)",
        f"source/年報.rtf: {only}"]
    assert out.getvalue().splitlines()[-1].startswith("Nothing to do")


@pytest.mark.parametrize("texts", [("ANNUAL.TXT", "ANNUAL.md"), ("report.Txt",), ("年報.MD",),
                                   ("notes.txt", "notes.MD")])
def test_a_text_whose_suffix_is_in_capitals_is_a_document_of_its_stem(tmp_path, texts):
    """Pandoc reads a file by its suffix in any case: so does the build, the document named
    as for `.txt`, its scraped and marked-up text each found under its own spelling."""
    (tmp_path / "source").mkdir()
    for text in texts:
        (tmp_path / "source" / text).write_text("A text.\n", encoding="utf-8")
    project = Project(tmp_path)
    [name] = project.documents()
    assert name == texts[0].rpartition(".")[0] and not project.misnamed()
    assert sorted(path.name for path in (project.scraped(name), project.markup(name))
                  if path.exists()) == sorted(texts)
    marked = [text for text in texts if text.lower().endswith(".md")]
    assert project.text_source(name).name == (marked or texts)[0]
    assert project.model(name) == tmp_path / "output" / name / f"{name}.json"


@pytest.mark.parametrize(("texts", "clashing"), [
    (("a.txt", "a.TXT"), ("a.TXT", "a.txt")),
    (("年報.md", "年報.Md", "年報.MD"), ("年報.MD", "年報.Md", "年報.md")),
    (("b.txt", "b.md", "b.TXT"), ("b.TXT", "b.txt")),
])
def test_texts_of_one_name_whose_suffixes_differ_in_case_alone_are_refused_in_one_line(
        tmp_path, texts, clashing):
    """Which of them is the document's text no one can tell: neither is built, and one line
    names them all, on the refusing task of the document's name."""
    (tmp_path / "source").mkdir()
    for text in (*texts, "kept.txt"):
        (tmp_path / "source" / text).write_text("A text.\n", encoding="utf-8")
    project = Project(tmp_path)
    name = texts[0].rpartition(".")[0]
    assert project.documents() == ["kept"]
    [refused] = project.misnamed()
    first, *others = [f"source/{text}" for text in clashing]
    assert refused.seen_from(tmp_path) == (
        f"{first}: refused, and so {'is' if len(others) == 1 else 'are'} {' and '.join(others)}:"
        f" texts of one document, {name}, whose suffixes differ in case alone; keep one")
    assert refused.path.stem == name  # the refusing task's name
    reporter, out = console(tmp_path)
    reporter.complete_run()
    assert "not read" not in out.getvalue()
