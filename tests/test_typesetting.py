"""The editions as a typesetter measures them: measure, binding margin, hyphenation, page
breaks and the opener. Built with doit from the seed and four texts of other organisations,
in other styles (tests/texts/), and measured from the outside (tests/typesetting.py)."""

import json
import re
import shutil
from pathlib import Path

import pytest

from pipeline.layouts import load_layout
from pipeline.model import from_json

from .support import SEED, copy_project, doit, squash
from .typesetting import (
    ADDED_HYPHEN,
    MM,
    added_hyphen_words,
    empty_share,
    hyphen_ladders,
    measured,
    median_characters,
)

TEXTS = Path(__file__).parent / "texts"
NAMES = [SEED, *sorted(path.stem for path in TEXTS.glob("*.txt"))]
LAYOUTS = ["print", "screen", "large-print"]
ADDRESS = re.compile(r"\S*[@/]\S*|\S*\.\S*\.\S*")

pytestmark = pytest.mark.slow  # every test measures the editions a doit build made


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("typesetting") / "project", library=False)
    for path in (path for path in TEXTS.iterdir() if path.is_file()):
        shutil.copy(path, folder / "source" / path.name)
    result = doit(folder, "pdf", "model")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def edition(project, name, layout):
    return measured(project / "output" / name / f"{name}-{layout}.pdf")


def page_of(project, layout):
    return load_layout(project / "layouts", layout).page


@pytest.mark.parametrize("name", NAMES)
def test_print_lines_hold_50_to_80_characters(project, name):
    assert 50 <= median_characters(edition(project, name, "print")) <= 80


@pytest.mark.parametrize("name", NAMES)
def test_print_pages_have_a_wider_inner_margin(project, name):
    measured_edition = edition(project, name, "print")
    starts = {parity: min(line.left for line in measured_edition.body()
                          if line.page % 2 == parity) for parity in (0, 1)}
    assert starts[1] - starts[0] >= 2 * MM  # right-hand (odd) pages start further in


@pytest.mark.parametrize("name", NAMES)
def test_no_name_or_address_is_broken_with_a_hyphen(project, name):
    for fragment in added_hyphen_words(edition(project, name, "print")):
        assert fragment[:1].islower(), fragment
        assert not ADDRESS.fullmatch(fragment.rstrip(ADDED_HYPHEN)), fragment


@pytest.mark.parametrize("name", NAMES)
def test_no_more_than_three_hyphenated_lines_in_a_row(project, name):
    ladders = hyphen_ladders(edition(project, name, "print"))
    assert not ladders or len(ladders[0]) <= 3, ladders[0]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", NAMES)
def test_no_page_but_the_last_is_more_than_a_third_empty(project, name, layout):
    page = page_of(project, layout)
    measured_edition = edition(project, name, layout)
    for number in range(1, measured_edition.pages):
        share = empty_share(measured_edition, number, page.margin_top_mm, page.margin_bottom_mm)
        assert share <= 1 / 3, (number, share)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", NAMES)
def test_a_heading_keeps_three_lines_of_its_section_with_it(project, name, layout):
    document = from_json_file(project, name)
    page = page_of(project, layout)
    measured_edition = edition(project, name, layout)
    bottom = measured_edition.trim[1] - page.margin_bottom_mm * MM
    for heading in document.headings:
        lines = measured_edition.lines
        first = next(index for index, line in enumerate(lines)
                     if squash(heading.text).startswith(squash(line.text)) and line.text)
        last = first
        while squash("".join(line.text for line in lines[first:last + 1])) != squash(heading.text):
            last += 1
        below = [line for line in lines[last + 1:] if line.page == lines[last].page
                 and line.bottom <= bottom + 1]
        assert len(below) >= 3, (heading.text, lines[last].page)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", NAMES)
def test_page_one_opens_with_title_organisation_and_date_and_no_folio(project, name, layout):
    document = from_json_file(project, name)
    measured_edition = edition(project, name, layout)
    first_page = measured_edition.on_page(1)
    text = squash(" ".join(line.text for line in first_page)).casefold()
    metadata = document.metadata
    for part in (metadata.title, metadata.organisation, metadata.date[:4]):
        assert squash(part).casefold() in text, part
    page = page_of(project, layout)
    foot = measured_edition.trim[1] - page.margin_bottom_mm * MM
    assert not [line for line in first_page if line.top > foot], "a folio on page 1"
    if measured_edition.pages > 1:
        folios = [line for line in measured_edition.on_page(2) if line.top > foot]
        assert [line.text for line in folios] == ["2"]


def from_json_file(project, name):
    return from_json(json.loads((project / "output" / name / f"{name}.json").read_text()))
