"""Shared test material (the seed text, a second text, the seed built once a run) and the
watch that keeps the quick tier quick."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The generated cases are the same on every run (hashed from each test), so a run passes or
# fails on the code alone, never on chance; a busy machine sets no deadline. A wider search
# when hunting a fault: pytest --hypothesis-profile=explore
settings.register_profile("repeatable", derandomize=True, deadline=None)
settings.register_profile("explore", max_examples=5_000, deadline=None)
settings.load_profile("repeatable")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "director-review-2024.txt"

NBSP = "\u00a0"

# A test that takes more processor time is marked slow (pyproject.toml), so that
# `pytest -m "not slow"` stays quick; the end of a run names any that is not.
QUICK_SECONDS = 3.0

# A different piece, written the way a web page leaves text when copied: the byline
# three times, a photo marker before each doubled caption, straight quotes and "--".
LIBRARY_CHAPTER = f"""Chief Librarian, Public Libraries Division
Chief Librarian, Public Libraries Division
Chief Librarian, Public Libraries Division

{NBSP}

Reading rooms across the territory welcomed more visitors than in any year before. The libraries' new opening hours -- longer on weekdays -- drew 3,200 readers a day, and loans rose by 12 per cent.

{NBSP}

Readers in the refurbished reading room of the central library.

Readers in the refurbished reading room of the central library

Opening the stacks

The stacks of the central library were opened to the public on 2 May, and the "open shelves" pilot ran for the whole of 2023-24. Staff catalogued 41,000 volumes...

A sentence about catalogues recurs here. Staff also trained volunteers.

Serving every reader Serving every reader

A sentence about catalogues recurs here. The mobile library visited 60 villages; its timetable is at www.example.org/mobile.
"""


@pytest.fixture(scope="module")
def source_dir(tmp_path_factory) -> Path:
    """A source folder holding an RGB photo (which the print edition converts to CMYK)."""
    from PIL import Image

    folder = tmp_path_factory.mktemp("source")
    (folder / "images").mkdir()
    Image.new("RGB", (300, 200), (40, 90, 140)).save(folder / "images" / "photo.png")
    return folder


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed alone, built into every edition once a run, for every module that reads or
    changes a built project (a tests.support.Build)."""
    from .support import Build, copy_project

    return Build(copy_project(tmp_path_factory.mktemp("seed") / "project", library=False))


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def library_chapter() -> str:
    return LIBRARY_CHAPTER


UNMARKED_SECONDS: dict[str, float] = {}


def cpu_seconds() -> float:
    """The processor time of this process and of the children it waited for (doit, LibreOffice):
    unlike the clock, it does not grow when others load the machine."""
    return sum(os.times()[:4])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    before = cpu_seconds()
    result = yield
    if item.get_closest_marker("slow") is None:
        UNMARKED_SECONDS[item.nodeid] = cpu_seconds() - before
    return result


def pytest_terminal_summary(terminalreporter):
    slow = {name: seconds for name, seconds in UNMARKED_SECONDS.items()
            if seconds > QUICK_SECONDS}
    if slow:
        terminalreporter.write_sep("-", f"over {QUICK_SECONDS:.0f} s of processor time but not "
                                        "marked slow")
        for name, seconds in sorted(slow.items(), key=lambda item: -item[1]):
            terminalreporter.write_line(f"{seconds:6.1f} s  {name}")
