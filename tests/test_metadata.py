import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pipeline.errors import PipelineError
from pipeline.readers.metadata import load_declared, load_metadata

LAYOUTS = ["print", "screen"]


def metadata_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "source" / "piece.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def with_photo(tmp_path: Path) -> Path:
    """A project folder whose source/ holds a picture, photo.png."""
    (tmp_path / "source").mkdir()
    Image.new("RGB", (2, 2)).save(tmp_path / "source" / "photo.png")
    return tmp_path


def test_a_full_metadata_file(tmp_path):
    path = metadata_file(with_photo(tmp_path),
                         'title = "People\'s Review"\ndate = 2024\nlayouts = ["print"]\n'
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


@pytest.mark.parametrize(("image", "make", "problem"), [
    ("photos/figure.png", lambda path: path.mkdir(), "is a folder, not a file"),
    ("quay.png", os.mkfifo, "is not an ordinary file (a pipe, socket or device)"),
    ("photos/ok.png\x00.txt", lambda path: None, "holds \\x00, which no file's name holds"),
    ("photo\x1b[41m.png", lambda path: None, "holds \\x1b, which no file's name holds"),
])  # fmt: skip
def test_an_image_that_is_no_file_says_what_it_is(tmp_path, image, make, problem):
    """A picture's name leading to a folder or a pipe says so, and one holding a control
    character shows it escaped; each had been said not to exist, the NUL dropped from the
    name quoted."""
    # The name as TOML escapes it (NUL as \u0000).
    path = metadata_file(tmp_path, f"[images]\n1 = {json.dumps(image)}\n")
    if "\x00" not in image:
        (path.parent / image).parent.mkdir(exist_ok=True)
        make(path.parent / image)
    for load in (load_metadata, load_declared):
        with pytest.raises(PipelineError) as caught:
            load(path, LAYOUTS)
        assert str(caught.value) == f"{path}: image {image!r} {problem}" + (
            "; name the picture's file as it is" if "holds" in problem else "")


def test_declaring_reads_the_layouts_and_images_as_the_model_does(tmp_path):
    path = metadata_file(with_photo(tmp_path), 'title = "Review"\nlayouts = ["print"]\n'
                                               '[images]\n1 = "photo.png"\n')
    metadata = load_metadata(path, LAYOUTS)
    assert load_declared(path, LAYOUTS) == (metadata.layouts, metadata.images) == (
        ("print",), {1: "photo.png"})
    assert load_declared(tmp_path / "absent.toml", LAYOUTS) == ((), {})


@pytest.mark.parametrize(("text", "problem"), [
    ('layouts = ["poster"]\n', "unknown layout 'poster'"),
    ('titel = "Review"\n', "unknown key 'titel'"),
    ('[images]\n1 = "absent.png"\n', "does not exist"),
])
def test_declaring_refuses_what_the_model_refuses_of_the_layouts_images_and_keys(
        tmp_path, text, problem):
    with pytest.raises(PipelineError, match=problem):
        load_declared(metadata_file(tmp_path, text), LAYOUTS)


# Declaring a document's tasks with its title unread: the build does not import the
# cleaning of texts (ftfy) before its first worker starts; the model's step reads the title.
DECLARED = """
import sys
from pathlib import Path
from pipeline.readers.metadata import load_declared
print(load_declared(Path(sys.argv[1]), ["print"]), "ftfy" in sys.modules)
"""


def test_declaring_leaves_the_texts_to_the_model(tmp_path):
    path = metadata_file(tmp_path, 'title = 42\nlayouts = ["print"]\n')
    found = subprocess.run([sys.executable, "-c", DECLARED, str(path)], capture_output=True,
                           text=True, check=True)
    assert found.stdout.split() == ["(('print',),", "{})", "False"]
    with pytest.raises(PipelineError, match="title must be text"):
        load_metadata(path, LAYOUTS)
