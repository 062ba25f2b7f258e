from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.readers.metadata import load_metadata

LAYOUTS = ["print", "screen"]


def metadata_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "source" / "piece.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_metadata_file(tmp_path):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "photo.png").write_bytes(b"\x89PNG")
    path = metadata_file(tmp_path, 'title = "People\'s Review"\ndate = 2024\nlayouts = ["print"]\n'
                                   '[images]\n1 = "photo.png"\n[alt]\n1 = "A photo"\n')
    metadata = load_metadata(path, LAYOUTS)
    assert metadata.title == "People\u2019s Review"
    assert metadata.date == "2024"
    assert metadata.layouts == ("print",)
    assert metadata.images == {1: "photo.png"}
    assert metadata.alt == {1: "A photo"}
    assert metadata.language == "en-GB"


def test_no_metadata_file(tmp_path):
    assert load_metadata(tmp_path / "absent.toml", LAYOUTS).title == ""


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("title = ", "not valid TOML"),
        ('colour = "red"', "unknown key 'colour'"),
        ('layouts = ["poster"]', "unknown layout 'poster'"),
        ("title = 3", "title must be text"),
        ('date = "June"', "date is 'June'; a date is written date = 2024"),
        ('date = "2024-13-01"', 'date = "2024-06" (a month, in quotes)'),
        ("date = 2024-10", "not valid TOML: Expected newline or end of document after a "
                           "statement (at line 1, column 12); "
                           "a date is written date = 2024 (a year)"),
        ('[images]\n1 = "../../etc/passwd.png"', "outside source/"),
        ('[images]\n1 = "/etc/hosts.png"', "outside source/"),
        ('[images]\n1 = "missing.png"', "does not exist"),
        ('[images]\none = "a.png"', "not a figure number"),
        ('language = "English (UK)"', "not a tag"),
    ],
)
def test_bad_metadata_is_one_clear_line(tmp_path, text, problem):
    path = metadata_file(tmp_path, text)
    with pytest.raises(PipelineError) as caught:
        load_metadata(path, LAYOUTS)
    assert str(caught.value).startswith(f"{path}: ")
    assert problem in str(caught.value)
    assert "\n" not in str(caught.value)
