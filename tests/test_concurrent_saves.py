"""An editor's save is never lost, whenever in a build it lands.

A build that imports one saved draft and writes the next is running while the editor saves
again, at moments spread over the build. Whatever that build says, the second save must
reach the marked-up source and the draft once the builds that follow have run.
"""

import io
import shutil
import subprocess
import sys
import time

import docx
import pytest

from .support import copy_project, doit

NAME = "piece"
PIECE = """Harbour Works

Chief Engineer, Harbour Department
Chief Engineer, Harbour Department

The breakwater was finished in March, a year ahead of the plan.

Dredging

The channel was dredged to fourteen metres, so that larger ships may berth at any tide.
"""
FIRST_EDIT = "The first save of the editor."
SECOND_EDIT = "The second save of the editor, made while a build ran."
SAVED_AT = (0.05, 0.15, 0.25, 0.35, 0.5, 0.65, 0.8)  # seconds into the build

pytestmark = pytest.mark.slow  # each test runs doit builds, an editor saving during one


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = copy_project(tmp_path_factory.mktemp("saves") / "project", library=False)
    for path in (folder / "source").iterdir():
        path.unlink()
    (folder / "source" / f"{NAME}.txt").write_text(PIECE, encoding="utf-8")
    (folder / "source" / f"{NAME}.toml").write_text('layouts = ["screen"]\n', encoding="utf-8")
    result = doit(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def saved(draft_path, *additions) -> bytes:
    """The draft as an editor saves it, with paragraphs added at its end."""
    draft = docx.Document(str(draft_path))
    for text in additions:
        draft.add_paragraph(text, style="Body Text")
    data = io.BytesIO()
    draft.save(data)
    return data.getvalue()


@pytest.mark.parametrize("moment", SAVED_AT)
def test_a_save_made_during_a_build_is_imported(built, tmp_path, moment):
    folder = tmp_path / "project"
    shutil.copytree(built, folder)
    draft = folder / "output" / NAME / f"{NAME}.docx"
    first = saved(draft, FIRST_EDIT)
    second = saved(draft, FIRST_EDIT, SECOND_EDIT)
    draft.write_bytes(first)

    build = subprocess.Popen([sys.executable, "-m", "doit"], cwd=folder,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    time.sleep(moment)
    draft.write_bytes(second)  # saved in place, as an editor's program may
    output, _ = build.communicate(timeout=600)
    assert "Traceback" not in output, output

    for _ in range(2):  # the build that follows imports what the first one kept
        result = doit(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    markup = (folder / "source" / f"{NAME}.md").read_text(encoding="utf-8")
    assert FIRST_EDIT in markup and SECOND_EDIT in markup, (moment, output)
    paragraphs = [p.text for p in docx.Document(str(draft)).paragraphs]
    assert SECOND_EDIT in paragraphs, (moment, output)
