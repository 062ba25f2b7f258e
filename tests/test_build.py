"""End to end: real doit, WeasyPrint and python-docx on a copy of the project."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from pipeline.model import Figure, from_json

from .conftest import ROOT
from .support import LIBRARY, SEED, copy_project, doit, pdf_text, squash, tasks_run


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("build") / "project")
    result = doit(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def layouts() -> list[str]:
    return sorted(path.parent.name for path in (ROOT / "layouts").glob("*/layout.toml"))


def model(project: Path, name: str):
    return from_json(json.loads((project / "output" / name / f"{name}.json").read_text()))


def expected_texts(document) -> list[str]:
    """The byline's parts, then every heading and paragraph, in reading order (a figure may
    be set later, where the page has room for it: its caption is looked for on its own)."""
    byline = document.byline
    return [byline.name, *byline.honours, byline.role,
            *(block.text for block in document.blocks if not isinstance(block, Figure))]


def outline_titles(reader: PdfReader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def assert_once_in_order(haystack: str, texts: list[str]) -> None:
    position = 0
    for text in texts:
        needle = squash(text)
        assert haystack.count(needle) == 1, f"not exactly once: {text[:60]}"
        found = haystack.find(needle, position)
        assert found >= position, f"out of order: {text[:60]}"
        position = found + len(needle)


@pytest.mark.slow
@pytest.mark.parametrize("name", [SEED, LIBRARY])
@pytest.mark.parametrize("layout", layouts())
def test_every_pdf_holds_each_block_once_in_order(project, name, layout):
    document = model(project, name)
    path = project / "output" / name / f"{name}-{layout}.pdf"
    reader = PdfReader(path)
    text = pdf_text(path)
    assert_once_in_order(text, expected_texts(document))
    for figure in document.figures:
        assert text.count(squash(figure.text)) == 1, figure.text
    assert outline_titles(reader)[-len(document.headings):] == [h.text for h in document.headings]
    assert reader.metadata.title == document.metadata.title
    assert reader.metadata.author == document.author


@pytest.mark.slow
def test_the_seed_model(project):
    document = model(project, SEED)
    assert document.metadata.title == "Director\u2019s Review"
    assert document.byline.text == "Benson KWOK\u00a0Joon-fung, IDSM, Director of Immigration"
    assert (len(document.headings), len(document.figures), len(document.paragraphs)) == (5, 5, 9)
    report = json.loads((project / "output" / SEED / f"{SEED}.dedupe.json").read_text())
    assert len(report["dropped"]) == 8


@pytest.mark.slow
@pytest.mark.parametrize("name", [SEED, LIBRARY])
def test_the_docx_draft_uses_word_styles(project, name):
    document = model(project, name)
    draft = docx.Document(str(project / "output" / name / f"{name}.docx"))
    paragraphs = [(p.style.name, p.text) for p in draft.paragraphs if p.text.strip()]
    assert paragraphs[0] == ("Title", document.metadata.title)
    assert ("Byline", document.byline.text) in paragraphs
    styles = {"Heading": "Heading 1", "Figure": "Caption", "Paragraph": "Body Text"}
    body = [(styles[type(b).__name__], b.text) for b in document.blocks]
    assert [p for p in paragraphs if p[0] in styles.values()] == body
    assert draft.core_properties.title == document.metadata.title


@pytest.mark.slow
def test_a_no_op_build_runs_nothing(project):
    result = doit(project)
    assert result.returncode == 0
    assert not tasks_run(result), result.stdout


@pytest.mark.slow
def test_editing_one_layout_rebuilds_only_its_pdfs(project):
    css = project / "layouts" / "screen" / "style.css"
    css.write_text(css.read_text() + "\n/* edited */\n")
    ran = tasks_run(doit(project))
    assert ran and all("/screen" in line for line in ran), ran


@pytest.mark.slow
def test_builds_are_byte_identical_anywhere_and_in_parallel(project, tmp_path):
    other = copy_project(tmp_path / "elsewhere" / "deeper")
    css = project / "layouts" / "screen" / "style.css"
    shutil.copy(css, other / "layouts" / "screen" / "style.css")
    result = doit(other, "-n", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    built = sorted((project / "output").glob("*/*.pdf")) + sorted((project / "output").glob("*/*.docx"))
    assert built
    for path in built:
        twin = other / path.relative_to(project)
        assert path.read_bytes() == twin.read_bytes(), path.name


@pytest.mark.slow
def test_a_copied_project_is_up_to_date_and_then_builds_on_its_own(seed_build, tmp_path):
    """doit keeps each file's state under the path its task names it by, relative to the
    project's folder: a project copied elsewhere (`cp -r`, its files' times new) has nothing to
    do, run in its folder or from another (`-f`, `--dir`); then each copy rebuilds what its own
    changes touch, and nothing of the other's."""
    original = seed_build.restored()
    copy = tmp_path / "elsewhere" / "copy"
    shutil.copytree(original, copy, symlinks=True, copy_function=shutil.copy)
    assert not tasks_run(doit(copy)), "the copy rebuilt"
    assert not tasks_run(doit(tmp_path, "-f", "elsewhere/copy/dodo.py", "--dir", str(tmp_path)))
    for edited, other, layout in ((copy, original, "screen"), (original, copy, "print")):
        css = edited / "layouts" / layout / "style.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
        ran = tasks_run(doit(edited))
        assert ran and all(f"/{layout}" in line for line in ran), ran
        assert not tasks_run(doit(other)), f"{other.name} rebuilt for the other's edit"


def test_a_bad_document_fails_alone_with_one_line(tmp_path):
    folder = copy_project(tmp_path / "project")
    (folder / "source" / "broken.txt").write_bytes(b"%PDF-1.7 not text")
    (folder / "source" / "bad-meta.txt").write_text("Heading\n\nBody.\n")
    (folder / "source" / "bad-meta.toml").write_text("title = \n")
    result = doit(folder, "model")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "source/broken.txt: not a text file: it is a PDF file" in output
    assert "bad-meta.toml: not valid TOML" in output
    assert "Traceback" not in output
    assert (folder / "output" / SEED / f"{SEED}.json").exists()


def test_clean_removes_what_was_built(tmp_path):
    folder = copy_project(tmp_path / "project")
    assert doit(folder, "model").returncode == 0
    assert doit(folder, "clean").returncode == 0
    assert not list((folder / "output").glob("*/*.json"))


def test_clean_dry_run_lists_what_clean_removes_and_removes_nothing(tmp_path):
    """`doit clean -n` lists, a line each, the files and folders `doit clean` removes (a
    draft holding edits as kept), and removes nothing; it had printed doit's actions."""
    folder = copy_project(tmp_path / "project", library=False)
    assert doit(folder, "model").returncode == 0
    output = folder / "output" / SEED
    built = {f"output/{SEED}/{file}" for file in (f"{SEED}.json", f"{SEED}.dedupe.json",
                                                  f"{SEED}.draft.json")}

    def files_left() -> set[str]:
        return {str(path.relative_to(folder)) for path in (folder / "output").rglob("*")
                if path.is_file()}

    listed = doit(folder, "clean", "-n")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    lines = listed.stdout.splitlines()
    assert set(lines[:-2]) == built and lines[-2:] == [f"output/{SEED}/", "output/"], lines
    assert files_left() == built

    # A task named: its files only, the folder holding others'.
    listed = doit(folder, "clean", "-n", f"model:{SEED}")
    assert sorted(listed.stdout.splitlines()) == sorted(built - {f"output/{SEED}/{SEED}.draft.json"})

    # An editor's draft is kept, with its bookkeeping and their folders.
    (output / f"{SEED}.docx").write_bytes(b"an editor's save")
    listed = doit(folder, "clean", "-n")
    assert listed.stdout.splitlines()[0] == (
        f"kept output/{SEED}/{SEED}.docx: it holds edits not yet imported")
    would_go = set(listed.stdout.splitlines()[1:])
    before = files_left()
    assert doit(folder, "clean").returncode == 0
    assert before - files_left() == would_go == built - {f"output/{SEED}/{SEED}.draft.json"}


@pytest.mark.slow
def test_the_console_says_each_error_once_and_sums_up(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    (folder / "source" / "glyphs.txt").write_text("A heading\n\nA sign no font has: \U00013000.\n")
    result = doit(folder)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert errors == ["error: source/glyphs.txt: the layout fonts lack 1 character (\U00013000 "
                      'U+13000); to add a font that has them, see README.md, "Adding a font"'], output
    for noise in ("UnmetDependency", "<stdout>", "<stderr>", "Traceback", "####"):
        assert noise not in output
    # The seed's figures have no pictures yet: its print file is a proof, and says why.
    proof = next(line for line in output.splitlines() if f"{SEED}-print.pdf" in line)
    assert "PROOF, not for press" in proof and "figure 1 has no picture" in proof
    assert "pages" in output and output.rstrip().splitlines()[-1].startswith("Built ")


@pytest.mark.slow
def test_the_summary_names_every_edition_with_its_pages(project):
    (project / "source" / f"{SEED}.toml").write_text(
        (project / "source" / f"{SEED}.toml").read_text() + "\n")
    output = doit(project).stdout
    for layout in layouts():
        line = next(line for line in output.splitlines() if f"{SEED}-{layout}.pdf" in line)
        assert re.search(r"\d+ pages", line), line
    assert f"output/{SEED}/" in output
    assert doit(project).stdout.startswith("Nothing to do")


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_the_tag_tree_is_the_documents_across_pages(project, layout):
    """Read with pikepdf, as a screen reader meets it: sections under the document, one P a
    paragraph even where a page break cuts it."""
    import pikepdf

    document = model(project, SEED)
    with pikepdf.open(project / "output" / SEED / f"{SEED}-{layout}.pdf") as pdf:
        top = pdf.Root.StructTreeRoot.K
        top = top[0] if isinstance(top, pikepdf.Array) else top
        assert top.S == "/Document"
        kinds = [str(kid.S) for kid in top.K]
        assert "/Part" not in kinds and kinds.count("/Sect") == len(document.headings)
        paragraphs = [kid for element in [top, *[k for k in top.K if k.S == "/Sect"]]
                      for kid in element.K if kid.S == "/P"]
        # And each figure still without its picture: its caption alone. The byline, a name
        # and a role, is a Div holding a P a line.
        awaiting = [figure for figure in document.figures if not figure.image]
        assert len(paragraphs) == len(document.paragraphs) + len(awaiting)
        assert [[str(line.S) for line in kid.K] for kid in top.K if kid.S == "/Div"] == [
            ["/P", "/P"]]
        pages_of = [{str(reference.Pg.objgen) for reference in paragraph.K
                     if isinstance(reference, pikepdf.Dictionary) and "/Pg" in reference}
                    | {str(paragraph.Pg.objgen)} for paragraph in paragraphs]
        assert any(len(pages) > 1 for pages in pages_of)  # one crosses a page break, whole


@pytest.mark.slow
def test_a_build_leaves_nothing_in_the_temporary_folder(tmp_path):
    """WeasyPrint copies the faces into a temporary folder each process: removed as it ends,
    in the workers too."""
    folder = copy_project(tmp_path / "project", library=False)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = subprocess.run([sys.executable, "-m", "doit", "-n", "2", "pdf"], cwd=folder,
                            env={**os.environ, "TMPDIR": str(temporary)}, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(temporary.iterdir())


ANNUAL = """Annual Report of the Harbour Trust

The Trust dredged the inner channel this year, and the ferries kept their timetable.

Cargo handled at the western quay rose by a tenth, while the eastern berths were rebuilt.
"""


@pytest.mark.slow
def test_a_text_whose_suffix_is_in_capitals_is_built_and_its_draft_imported(tmp_path):
    """`ANNUAL.TXT`, as Windows may save one, is read as pandoc reads it: the document
    ANNUAL, its tasks, editions and draft under that name, the draft's edits imported into
    source/ANNUAL.md; two texts of one name whose suffixes differ in case alone are refused in
    one line naming both, and neither is built."""
    folder = copy_project(tmp_path / "project", library=False)
    source = folder / "source"
    for path in source.glob(f"{SEED}.*"):
        path.unlink()
    (source / "ANNUAL.TXT").write_text(ANNUAL, encoding="utf-8")
    (source / "ANNUAL.toml").write_text('layouts = ["screen"]\n', encoding="utf-8")
    for clashing in ("memo.txt", "memo.TXT"):
        (source / clashing).write_text(ANNUAL, encoding="utf-8")

    first = doit(folder)
    assert first.returncode != 0
    lines = first.stdout.splitlines()
    assert [line for line in lines if line.startswith(("error: ", "source/"))] == [
        "error: source/memo.TXT: refused, and so is source/memo.txt: texts of one document,"
        " memo, whose suffixes differ in case alone; keep one"], first.stdout
    assert sorted(tasks_run(first)) == [".  docx:ANNUAL", ".  model:ANNUAL", ".  model:memo",
                                        ".  pdf:ANNUAL/screen", ".  preflight:ANNUAL/screen",
                                        ".  preview:ANNUAL/screen"]
    assert "ANNUAL  (in output/ANNUAL/)" in lines
    assert sorted(path.name for path in (folder / "output").iterdir()) == ["ANNUAL"]
    assert squash("the ferries kept their timetable") in pdf_text(
        folder / "output" / "ANNUAL" / "ANNUAL-screen.pdf")

    for clashing in ("memo.txt", "memo.TXT"):
        (source / clashing).unlink()
    draft_path = folder / "output" / "ANNUAL" / "ANNUAL.docx"
    draft = docx.Document(str(draft_path))
    paragraph = next(p for p in draft.paragraphs if p.text.startswith("Cargo handled"))
    paragraph.add_run(" The new cranes arrive in spring.")
    draft.save(str(draft_path))
    second = doit(folder)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "The new cranes arrive in spring." in (source / "ANNUAL.md").read_text()
    assert squash("The new cranes arrive in spring.") in pdf_text(
        folder / "output" / "ANNUAL" / "ANNUAL-screen.pdf")
    assert doit(folder).stdout.startswith("Nothing to do: every edition is up to date")
