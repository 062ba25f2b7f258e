"""What the build leaves in output/ as documents change: the editions of a layout a document no
longer names removed (never an editor's file), and `doit clean` removing all it built, for a
text removed from source/ too, and the folders it made."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .support import SEED, copy_project, doit, pdf_text, squash, tasks_run

NAME = "ferry-timetable"
TEXT = """Ferry Timetable Changes
Home | Routes | Fares | Contact us

Ferry Timetable Changes

Published by the Islands Transport Office

From the first of March, the morning sailings to the outlying islands leave ten minutes
earlier, so that passengers reach the market before it opens.

The evening sailings are unchanged. Passengers with bicycles should board by the rear ramp.

Share this page
"""
ADDED = "Season tickets bought before March remain valid until they expire."


def project(tmp_path: Path, **texts: str) -> Path:
    """A copy of the project with the texts `texts` (name -> text) in place of the seed's."""
    folder = copy_project(tmp_path / "project", library=False)
    for path in (folder / "source").glob(f"{SEED}.*"):
        path.unlink()
    for name, text in texts.items():
        (folder / "source" / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def built(folder: Path, name: str) -> list[str]:
    """The files in output/<name>/, its previews' as preview/<file>."""
    output = folder / "output" / name
    return sorted(str(path.relative_to(output)) for path in output.rglob("*") if path.is_file())


def edition_files(name: str, layout: str) -> set[str]:
    return {f"{name}-{layout}.pdf", f"{name}-{layout}.preflight.json",
            f"preview/{name}-{layout}-p001.png", f"preview/{name}-{layout}-contact-01.png"}


@pytest.mark.slow
def test_the_editions_of_a_layout_dropped_are_removed_and_never_shown(tmp_path):
    folder = project(tmp_path, **{NAME: TEXT})
    first = doit(folder)
    assert first.returncode == 0, first.stdout + first.stderr
    output = folder / "output" / NAME
    for layout in ("print", "screen", "large-print"):
        assert edition_files(NAME, layout) <= set(built(folder, NAME))
    # What is not the build's stays: an editor's note, a file set aside by hand.
    (output / "notes for the printer.txt").write_text("Proof by Friday\n")
    (output / "preview" / "marked-up page.png").write_bytes(b"an editor's picture")
    shutil.copy(output / f"{NAME}-screen.pdf", output / f"{NAME}-screen.FAILED.pdf")

    (folder / "source" / f"{NAME}.toml").write_text('layouts = ["print"]\n')
    (folder / "source" / f"{NAME}.txt").write_text(TEXT + f"\n{ADDED}\n", encoding="utf-8")
    second = doit(folder)
    assert second.returncode == 0, second.stdout + second.stderr
    said = [line for line in second.stdout.splitlines() if line.startswith("removed ")]
    assert said == [f"removed the large-print and screen editions of {NAME} (PDF, previews, "
                    f"preflight report in output/{NAME}/): source/{NAME}.toml names print only"]
    assert sorted(tasks_run(second)) == sorted(
        f".  {task}" for task in (f"model:{NAME}", f"pdf:{NAME}/print", f"preview:{NAME}/print",
                                  f"preflight:{NAME}/print", f"docx:{NAME}"))
    left = set(built(folder, NAME))
    assert left == {*edition_files(NAME, "print"), f"{NAME}.docx", f"{NAME}.json",
                    f"{NAME}.dedupe.json", f"{NAME}.draft.json", "notes for the printer.txt",
                    "preview/marked-up page.png"}, left
    assert squash(ADDED) in pdf_text(output / f"{NAME}-print.pdf")
    editions = [line.split()[0] for line in second.stdout.splitlines()
                if line.startswith(f"  {NAME}")]
    assert editions == [f"{NAME}-print.pdf", f"{NAME}.docx"], second.stdout
    assert doit(folder).stdout.startswith("Nothing to do")

    # Named again, the layout's editions are built again, of the text as it stands.
    (folder / "source" / f"{NAME}.toml").write_text('layouts = ["print", "screen"]\n')
    third = doit(folder)
    assert third.returncode == 0 and "removed " not in third.stdout, third.stdout
    assert squash(ADDED) in pdf_text(output / f"{NAME}-screen.pdf")


@pytest.mark.slow
def test_clean_removes_all_it_built_and_the_folders_it_made(tmp_path):
    gone, kept = "old-notice", "edited-notice"
    folder = project(tmp_path, **{NAME: TEXT, gone: TEXT, kept: TEXT})
    result = doit(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    # A layout dropped with no build since: its editions are still there.
    (folder / "source" / f"{NAME}.toml").write_text('layouts = ["screen"]\n')
    # Texts removed from source/: one's folder goes whole; the other's draft holds an edit.
    (folder / "source" / f"{gone}.txt").unlink()
    (folder / "source" / f"{kept}.txt").unlink()
    edited = folder / "output" / kept / f"{kept}.docx"
    edited.write_bytes(edited.read_bytes() + b"an editor's save")

    cleaned = doit(folder, "clean")
    assert cleaned.returncode == 0, cleaned.stdout + cleaned.stderr
    assert f"kept output/{kept}/{kept}.docx: it holds edits not yet imported" in cleaned.stdout
    assert not (folder / "output" / NAME).exists()
    assert not (folder / "output" / gone).exists()
    assert built(folder, kept) == [f"{kept}.docx", f"{kept}.draft.json"]
    assert edited.read_bytes().endswith(b"an editor's save")

    edited.unlink()  # the editor's draft dealt with: nothing of the build is left at all
    (folder / "output" / kept / f"{kept}.draft.json").unlink()
    assert doit(folder, "clean").returncode == 0
    assert not (folder / "output").exists()


@pytest.mark.slow
def test_after_clean_the_summary_speaks_only_of_what_is_left(tmp_path):
    """`doit clean` keeps a draft holding edits and removes every edition: the next build,
    its draft refused, names the draft and no previous build's editions; with the text gone
    too, a build with nothing to do claims no edition up to date."""
    folder = project(tmp_path, **{NAME: TEXT})
    assert doit(folder).returncode == 0
    draft = folder / "output" / NAME / f"{NAME}.docx"
    shutil.copy(Path(__file__).parent / "drafts" / "hidden-text.docx", draft)
    assert doit(folder, "clean").returncode == 0

    refused = doit(folder)
    lines = refused.stdout.splitlines()
    heading = lines.index(f"{NAME}  (in output/{NAME}/)")
    assert lines[heading + 1:-1] == [
        f"  {NAME + '.docx':<40} the draft to edit in Word or LibreOffice",
        "  no editions yet: the error above stopped them"], refused.stdout

    (folder / "source" / f"{NAME}.txt").unlink()
    draft.unlink()
    assert doit(folder, "clean").returncode == 0
    assert doit(folder).stdout.startswith("Nothing to do: source/ holds no text to build")


@pytest.mark.slow
def test_the_editions_of_a_layout_deleted_from_layouts_are_removed_too(tmp_path):
    """A layout's folder deleted (`rm -r layouts/screen`): the next build removes its editions
    as it removes a layout's the metadata stops naming, with a line saying why, and keeps
    what is not the build's."""
    folder = project(tmp_path, **{NAME: TEXT})
    assert doit(folder).returncode == 0
    output = folder / "output" / NAME
    (output / f"{NAME}-screen-annotated.pdf").write_bytes(b"%PDF- an editor's own copy")
    (output / "preview" / f"{NAME}-screen-marked.png").write_bytes(b"an editor's picture")
    shutil.copytree(folder / "layouts" / "screen", tmp_path / "screen")
    shutil.rmtree(folder / "layouts" / "screen")

    second = doit(folder)
    assert second.returncode == 0, second.stdout + second.stderr
    said = [line for line in second.stdout.splitlines() if line.startswith("removed ")]
    assert said == [f"removed the screen edition of {NAME} (PDF, previews, preflight report in "
                    f"output/{NAME}/): layouts/ holds no screen layout any more"]
    assert sorted(tasks_run(second)) == [f".  model:{NAME}"]  # the model read again, unchanged
    assert set(built(folder, NAME)) == {
        *edition_files(NAME, "print"), *edition_files(NAME, "large-print"), f"{NAME}.docx",
        f"{NAME}.json", f"{NAME}.dedupe.json", f"{NAME}.draft.json",
        f"{NAME}-screen-annotated.pdf", f"preview/{NAME}-screen-marked.png"}
    assert doit(folder).stdout.startswith("Nothing to do")

    # The layout back: its editions are built again, and nothing is removed.
    shutil.copytree(tmp_path / "screen", folder / "layouts" / "screen")
    third = doit(folder)
    assert third.returncode == 0 and "removed " not in third.stdout, third.stdout
    assert edition_files(NAME, "screen") <= set(built(folder, NAME))


@pytest.mark.slow
def test_clean_removes_the_editions_of_a_layout_deleted_since_the_build(tmp_path):
    """`doit clean` right after a layout's folder is deleted, with no build between: the
    bookkeeping names the layout, and its editions go with everything else built."""
    folder = project(tmp_path, **{NAME: TEXT})
    assert doit(folder).returncode == 0
    shutil.rmtree(folder / "layouts" / "large-print")
    cleaned = doit(folder, "clean")
    assert cleaned.returncode == 0, cleaned.stdout + cleaned.stderr
    assert not (folder / "output").exists(), built(folder, NAME)
