"""A user's hyphenation exceptions over the layout's: a document's own (`hyphenation` in its
metadata) and the project's (source/hyphenation.txt), checked entry by entry, followed by
the writer, and real dependencies of the editions that hyphenate only."""

import re
import shutil
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.layouts import Hyphenation, hyphenation_exceptions, load_layout
from pipeline.readers.metadata import load_hyphenation, load_metadata
from pipeline.tasks.project import Project
from pipeline.writers.line_breaks import LETTERS, LineBreaks, hyphenation_points

from .conftest import ROOT
from .support import copy_project, doit, tasks_run
from .typesetting import ADDED_HYPHEN, measured

PRINT = load_layout(ROOT / "layouts", "print")


def toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "piece.toml"
    path.write_text(text, encoding="utf-8")
    return path


def points(rules: Hyphenation, text: str) -> dict[str, list[int]]:
    """Where each word of `text` may break, as the HTML writer decides."""
    breaks = LineBreaks(rules, "en-GB", links=False)
    return {match.group(): breaks.points(match, 0) for match in LETTERS.finditer(text)}


# --- Reading the lists ----------------------------------------------------------------------


def test_a_documents_list_is_read_from_its_metadata(tmp_path):
    path = toml(tmp_path, 'title = "Ferries"\n'
                          'hyphenation = ["pro-ject", "Tsim-sha-tsui", "nevertheless"]\n')
    assert load_hyphenation(path) == ("pro-ject", "Tsim-sha-tsui", "nevertheless")
    assert load_metadata(path, ["print"]).title == "Ferries"
    assert load_hyphenation(tmp_path / "absent.toml") == ()
    assert load_hyphenation(toml(tmp_path, 'title = "No list"\n')) == ()


@pytest.mark.parametrize(("value", "problem"), [
    ('"pro-ject"', 'hyphenation must be a list of words, like hyphenation = ["pro-ject"'),
    ("{ project = 1 }", "hyphenation must be a list of words, like hyphenation = ["),
    ('["pro-ject", 3]', "hyphenation entry 2 must be a word in quotes, not 3"),
    ('[["pro-ject"]]', "hyphenation entry 1 must be a word in quotes, not a list"),
    ('["pro--ject"]', "hyphenation entry 1: 'pro--ject' is not a word written with hyphens"),
    ('["-project"]', "hyphenation entry 1: '-project' is not a word written with hyphens"),
    ('["project-"]', "hyphenation entry 1: 'project-' is not a word written with hyphens"),
    ('["pro ject"]', "hyphenation entry 1: 'pro ject' is not a word"),
    ('["pro-ject", "B2-B"]', "hyphenation entry 2: 'B2-B' is not a word"),
    ('[""]', "hyphenation entry 1: '' is not a word"),
    ('["pro-ject", "proj-ect"]', "hyphenation entry 2: 'proj-ect' breaks 'project' otherwise "
                                 "than 'pro-ject' before it; keep one"),
])
def test_a_bad_entry_is_one_line_naming_the_file_and_the_entry(tmp_path, value, problem):
    path = toml(tmp_path, f"hyphenation = {value}\n")
    for load in (load_hyphenation, lambda path: load_metadata(path, ["print"])):
        with pytest.raises(PipelineError) as caught:
            load(path)
        message = str(caught.value)
        assert message.startswith(f"{path}: ") and problem in message, message
        assert "\n" not in message and "Error" not in message


def test_the_projects_list_is_read_as_a_layouts_is(tmp_path):
    path = tmp_path / "hyphenation.txt"
    path.write_bytes("\ufeff# the organisation's names\nTsim-sha-tsui\n\nkai-fong  # a word\n"
                     .encode())
    assert hyphenation_exceptions(path) == ("Tsim-sha-tsui", "kai-fong")
    path.write_text("pro-ject\npro_ject\n")
    with pytest.raises(PipelineError, match=r"hyphenation.txt: line 2: 'pro_ject' is not a w"):
        hyphenation_exceptions(path)
    path.write_bytes(b"pro-ject\n\xff\n")
    with pytest.raises(PipelineError, match="hyphenation.txt: not UTF-8 text"):
        hyphenation_exceptions(path)


def test_the_projects_list_is_no_document(tmp_path):
    project = copy_project(tmp_path / "project", library=False)
    (project / "source" / "hyphenation.txt").write_text("pro-ject\n")
    assert Project(project).documents() == ["director-review-2024"]


# --- What the writer does with them -----------------------------------------------------------


def test_a_users_list_counts_over_the_layouts():
    assert hyphenation_points("celebrate", "en-GB", PRINT.hyphenation) == [3, 4]
    rules = PRINT.with_exceptions(("cele-brate", "pro-ject", "nevertheless")).hyphenation
    assert hyphenation_points("celebrate", "en-GB", rules) == [4]
    assert hyphenation_points("project", "en-GB", rules) == [3]
    assert hyphenation_points("nevertheless", "en-GB", rules) == []
    # The layout's own entries still count where the user's list is silent.
    assert hyphenation_points("applications", "en-GB", rules) \
        == hyphenation_points("applications", "en-GB", PRINT.hyphenation)


def test_a_name_breaks_only_as_a_list_writes_it():
    plain = points(PRINT.hyphenation, "Tsimshatsui tsimshatsui Kennedytown")
    assert plain["Tsimshatsui"] == [] and plain["Kennedytown"] == []
    rules = PRINT.with_exceptions(("Tsim-sha-tsui",)).hyphenation
    listed = points(rules, "Tsimshatsui TSIMSHATSUI Kennedytown")
    assert listed == {"Tsimshatsui": [4, 7], "TSIMSHATSUI": [], "Kennedytown": []}
    # A lower-case entry lets no capitalised word break.
    assert points(PRINT.with_exceptions(("pro-ject",)).hyphenation,
                  "Project")["Project"] == []


# --- Built with doit: the breaks in the PDF, and what a change rebuilds ----------------------

FERRIES = """Ferry Services Review

The operators of the Tsimshatsui ferry piers took on new responsibilities this year, and the \
responsibilities of the piers' managers were set out anew. Nevertheless the responsibilities \
of the operators towards passengers at Tsimshatsui remained what they had been, and the \
operators' representatives welcomed the clarity. Tsimshatsui passengers noticed the \
responsibilities being carried out, and nevertheless asked that the project of rebuilding \
Tsimshatsui pier be brought forward. The project's responsibilities, and the Tsimshatsui \
project's representatives, are described in the project report; nevertheless, the \
representatives of Tsimshatsui commuters asked for more. Accessibility, responsibilities and \
representatives: the operators' representatives listed their responsibilities to Tsimshatsui.
"""
LISTED = ["re-spon-si-bil-i-ties", "Tsim-sha-tsui", "nevertheless", "rep-re-sen-ta-tives"]


def broken_words(pdf: Path) -> list[tuple[str, str]]:
    """(the piece before an added hyphen, the piece starting the next line) of each word the
    print edition breaks."""
    lines = [line.text for line in measured(pdf).lines]
    return [(before.rsplit(" ", 1)[-1].rstrip(ADDED_HYPHEN), after.split(" ", 1)[0])
            for before, after in zip(lines, lines[1:], strict=False)
            if before.endswith(ADDED_HYPHEN)]


def follows(entries: list[str], pieces: tuple[str, str]) -> bool | None:
    """Whether a broken word breaks where its entry allows; None when no entry lists it."""
    word = re.sub(r"\W", "", pieces[0] + pieces[1])
    for entry in entries:
        if entry.replace("-", "") == word:
            allowed = {len("".join(entry.split("-")[:end]))
                       for end in range(1, entry.count("-") + 1)}
            return len(pieces[0]) in allowed
    return None


@pytest.mark.slow
def test_the_print_breaks_follow_the_lists_and_a_change_rebuilds_only_what_hyphenates(tmp_path):
    project = copy_project(tmp_path / "project", library=False)
    for path in (project / "source").glob("director-review-2024.*"):
        path.unlink()
    # A narrow column of its own, so that many lines end inside a word.
    narrow = project / "layouts" / "narrow"
    shutil.copytree(project / "layouts" / "print", narrow)
    settings = (narrow / "layout.toml").read_text()
    settings = re.sub(r"margin_(left|right)_mm = [\d.]+", r"margin_\1_mm = 72.0", settings)
    (narrow / "layout.toml").write_text(settings)
    source = project / "source"
    (source / "ferries.txt").write_text(FERRIES)
    (source / "ferries.toml").write_text(f'title = "Ferry Services Review"\nhyphenation = '
                                         f'{LISTED[:3]!r}\n'.replace("'", '"'))
    built = doit(project)
    assert built.returncode == 0, built.stdout + built.stderr
    pdf = project / "output" / "ferries" / "ferries-narrow.pdf"
    broken = broken_words(pdf)
    assert len(broken) >= 3, broken  # the test means something: words are broken
    assert all(follows(LISTED[:3], pieces) is not False for pieces in broken), broken
    assert not any(pieces[0].lower().startswith("never") for pieces in broken), broken

    # The document's list changed: its editions that hyphenate are rebuilt, nothing else.
    (source / "ferries.toml").write_text('title = "Ferry Services Review"\nhyphenation = '
                                         '["re-spon-si-bil-i-ties", "Tsim-sha-tsui"]\n')
    ran = tasks_run(doit(project))
    assert {line.split()[1] for line in ran} <= {"model:ferries", "pdf:ferries/narrow",
                                                 "pdf:ferries/print", "preview:ferries/narrow",
                                                 "preview:ferries/print",
                                                 "preflight:ferries/narrow",
                                                 "preflight:ferries/print"}, ran
    assert ".  pdf:ferries/narrow" in ran

    # The project's list, added, is over the layout's and under the document's.
    (source / "hyphenation.txt").write_text("# the organisation's words\nrep-re-sen-ta-tives\n"
                                            "Tsim-shatsui\n")
    ran = tasks_run(doit(project))
    assert {line.split()[1] for line in ran} >= {"pdf:ferries/narrow", "pdf:ferries/print"}
    assert all(("/narrow" in line or "/print" in line) for line in ran), ran
    broken = broken_words(pdf)
    entries = ["re-spon-si-bil-i-ties", "Tsim-sha-tsui", "rep-re-sen-ta-tives"]
    assert all(follows(entries, pieces) is not False for pieces in broken), broken
    assert any(follows(entries, pieces) for pieces in broken), broken

    # A bad entry stops the editions that hyphenate, in one line naming the file and entry.
    (source / "hyphenation.txt").write_text("rep-re-sen-ta-tives\nop--er-a-tors\n")
    failed = doit(project)
    assert failed.returncode != 0
    errors = [line for line in failed.stdout.splitlines() + failed.stderr.splitlines()
              if line.startswith("error:")]
    assert errors and all(line.startswith("error: source/hyphenation.txt: line 2: 'op--er-a-"
                                          "tors' is not a word") for line in errors), errors
    assert "Traceback" not in failed.stdout + failed.stderr
    assert pdf.exists()  # the last good edition is kept

    # Taken away again: rebuilt without it.
    (source / "hyphenation.txt").unlink()
    ran = tasks_run(doit(project))
    assert ".  pdf:ferries/narrow" in ran and not any("/screen" in line for line in ran), ran
