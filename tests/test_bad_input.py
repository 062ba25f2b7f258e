"""Bad and hostile input: each gets a correct result or one clear error line, never a traceback."""

import codecs
import signal
import subprocess
import sys
import time
import zipfile

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import PipelineError
from pipeline.model import Metadata
from pipeline.readers.cleaning import clean_line, clean_text
from pipeline.readers.decoding import MAX_SOURCE_BYTES, decode_legacy, decode_source
from pipeline.readers.scraped.dedupe import deduplicate
from pipeline.readers.scraped.structure import build_document

from .support import (
    SEED,
    copy_project,
    doit,
    own_temporary_folder,
    pdf_text,
    pdfs,
    squash,
)

BODY = "Heading of a piece\n\nThe People’s “quoted” paragraph – with a dash.\n"
# As the house style sets it: single quotes outside.
SET_BODY = "The People’s ‘quoted’ paragraph"
HOSTILE = ("A paragraph with <script>alert(1)</script>, {{ 7*7 }}, {% if x %}, "
           "<img src=\"file:///etc/passwd\"> and <a href=\"http://example.com/x\">a link</a>.")

ZH_BODY = ("渡輪服務年報\n\n本年度渡輪乘客共有四千二百萬人次，比去年增加百分之六。\n\n"
           "新船已於九月投入服務，我們會繼續改善碼頭設施。\n")
SCREEN = 'layouts = ["screen"]\n'  # one edition is enough to read what was decoded

# name -> (bytes of source/<name>.txt, metadata TOML or None, expected: text to find or error)
CORPUS = {
    "windows-1252": (BODY.encode("cp1252"), None, SET_BODY),
    "utf-16": (BODY.encode("utf-16"), None, SET_BODY),
    "utf-8-bom": (codecs.BOM_UTF8 + BODY.encode(), None, SET_BODY),
    "mojibake": (decode_legacy(BODY.encode()).encode(), None,
                 SET_BODY),
    "control-characters": (b"Heading\x07 here\n\nBody\x1b text\x0c here.\r\n", None,
                           "Body text here."),
    "markup-looking": (f"Heading\n\n{HOSTILE}\n".encode(), None, clean_line(HOSTILE)),
    "empty": (b"", None, "error: source/empty.txt: no text"),
    "white-space": (b" \n\t\n\xc2\xa0\n", None, "error: source/white-space.txt: no text"),
    "renamed-pdf": (b"%PDF-1.7\n1 0 obj", None, "error: source/renamed-pdf.txt: not a text file"),
    "renamed-png": (b"\x89PNG\r\n\x1a\n\0\0", None, "error: source/renamed-png.txt: not a text file"),
    "huge": (b"word " * (MAX_SOURCE_BYTES // 5 + 1), None, "error: source/huge.txt: too large"),
    "one-long-line": (b"word " * 30_000, None, "error: source/one-long-line.txt: a line of"),
    "broken-toml": (BODY.encode(), "title = \n", "broken-toml.toml: not valid TOML"),
    "unknown-key": (BODY.encode(), 'colour = "red"\n', "unknown-key.toml: unknown key 'colour'"),
    "unknown-layout": (BODY.encode(), 'layouts = ["poster"]\n',
                       "unknown-layout.toml: unknown layout 'poster'"),
    "unset-characters": ("Heading\n\nA hieroglyph: \U00013000.\n".encode(), None,
                         "error: source/unset-characters.txt: the layout fonts lack"),
    "escaping-image": (BODY.encode(), '[images]\n1 = "../../../etc/passwd.png"\n',
                       "escaping-image.toml: image '../../../etc/passwd.png' lies outside source/"),
    "big5": (ZH_BODY.encode("big5hkscs"), SCREEN, "新船已於九月投入服務"),
    "gbk": (ZH_BODY.encode("gbk"), SCREEN, "新船已於九月投入服務"),
    "utf-16-no-bom": (BODY.encode("utf-16-le"), SCREEN, SET_BODY),
    "shift-jis": ("港湾局の年次報告書です。今年は多くの船が入港しました。\n".encode("shift_jis"), None,
                  "error: source/shift-jis.txt: not UTF-8, nor text in Windows-1252, Big5 or"),
}


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    folder = copy_project(tmp_path_factory.mktemp("corpus") / "project", library=False)
    for name, (data, toml, _) in CORPUS.items():
        (folder / "source" / f"{name}.txt").write_bytes(data)
        if toml is not None:
            (folder / "source" / f"{name}.toml").write_text(toml)
    return folder, doit(folder)


@pytest.mark.slow
@pytest.mark.parametrize("name", CORPUS)
def test_each_bad_input_gets_a_result_or_one_clear_line(corpus_build, name):
    folder, result = corpus_build
    output = result.stdout + result.stderr
    expected = CORPUS[name][2]
    assert result.returncode != 0  # some inputs in the corpus are errors
    assert "Traceback" not in output
    if expected.startswith("error: ") or ".toml: " in expected:
        lines = [line for line in output.splitlines() if expected in line]
        assert lines, output[-3000:]
        assert not pdfs(folder, name)
    else:
        for pdf in pdfs(folder, name):
            assert squash(expected) in pdf_text(pdf), pdf.name
        assert pdfs(folder, name)


@pytest.mark.slow
def test_the_good_document_still_builds_beside_the_bad(corpus_build):
    folder, _ = corpus_build
    assert len(pdfs(folder, SEED)) >= 2
    assert (folder / "output" / SEED / f"{SEED}.docx").exists()


@pytest.mark.slow
def test_source_text_is_never_markup(corpus_build):
    folder, _ = corpus_build
    import docx

    draft = docx.Document(str(folder / "output" / "markup-looking" / "markup-looking.docx"))
    assert clean_line(HOSTILE) in [p.text for p in draft.paragraphs]


@pytest.mark.parametrize("data", [b"\xff" * 10, bytes(range(256)), b"\x00\x01", "é".encode()])
def test_decoding_odd_bytes_gives_text_or_a_clear_error(data):
    try:
        assert isinstance(decode_source(data, "x.txt"), str)
    except PipelineError as error:
        assert str(error).startswith("x.txt: ")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_random_input_never_crashes_the_text_stages(data):
    try:
        text = decode_source(data, "x.txt")
    except PipelineError:
        return
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    units = deduplicate(cleaned).units
    build_document("x", units, Metadata(title=""))


def whole_or_absent(path):
    if not path.exists():
        return True
    if path.suffix == ".pdf":
        with pikepdf.open(path) as pdf:
            return len(pdf.pages) > 0
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None
    return True


@pytest.mark.slow
def test_a_build_killed_half_way_leaves_outputs_whole_or_absent(tmp_path):
    folder = copy_project(tmp_path / "project")
    process = subprocess.Popen([sys.executable, "-m", "doit"], cwd=folder,
                               env=own_temporary_folder(tmp_path),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list((folder / "output").glob("*/*.pdf")):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    outputs = [p for p in (folder / "output").rglob("*") if p.is_file()]
    assert all(whole_or_absent(path) for path in outputs)
    result = doit(folder)  # and the next build finishes the job
    assert result.returncode == 0, result.stdout + result.stderr
    assert all(whole_or_absent(path) for path in (folder / "output").rglob("*.*"))


@pytest.mark.slow
def test_two_builds_at_once_both_succeed(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    first = subprocess.Popen([sys.executable, "-m", "doit"], cwd=folder, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.5)
    second = doit(folder)
    first_out, first_err = first.communicate(timeout=600)
    assert first.returncode == 0, first_out + first_err
    assert second.returncode == 0, second.stdout + second.stderr
    assert all(whole_or_absent(path) for path in (folder / "output").rglob("*.*"))
    assert doit(folder).returncode == 0


def alive(pid: int) -> bool:
    """Running, that is: neither gone nor a zombie waiting to be reaped (its state as `ps`
    reports it: none for a process gone, Z for a zombie)."""
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True,
                           text=True).stdout.strip()
    return bool(state) and not state.startswith("Z")


@pytest.mark.slow
def test_a_killed_parallel_build_leaves_no_worker_behind(tmp_path):
    folder = copy_project(tmp_path / "project")
    process = subprocess.Popen([sys.executable, "-m", "doit", "-n", "2"], cwd=folder,
                               env=own_temporary_folder(tmp_path),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and not workers:
        found = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True)
        workers = [int(pid) for pid in found.stdout.split()]
        time.sleep(0.05)
    assert workers
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)]
    assert doit(folder).returncode == 0  # the lock went with the build


@pytest.mark.slow
def test_outputs_are_ordinary_files_others_may_read(corpus_build):
    folder, _ = corpus_build
    for path in (folder / "output" / SEED).iterdir():
        if path.is_file():
            assert path.stat().st_mode & 0o044 == 0o044, path.name
