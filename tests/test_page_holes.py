"""A heading and its paragraph kept with a table that does not fit at the foot of a page no
longer take the table overleaf with them and leave a hole: the table, after a paragraph that
is no lead-in (it ends without a colon), heads the next page alone, unless that paragraph is
too short to give its heading the three lines of its section (then they go over with it); a
lead-in ending with a colon stays with its table. On texts of their own, in English and in Chinese, each with a
titled table of three rows (too few to split, at least two each side) that cannot come back
onto the first page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.languages import columns
from pipeline.layouts import load_layout
from pipeline.model import Table, from_json
from pipeline.writers.html import SHORT_BLOCK_COLUMNS

from .support import copy_project, doit, scraped_editions, squash
from .typesetting import MM, empty_share, measured

TEXTS = Path(__file__).parent / "texts" / "holes"
NAMES = sorted(path.stem for path in TEXTS.glob("*.txt"))
pytestmark = pytest.mark.slow  # builds the texts' print editions with doit


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("holes") / "project", library=False)
    (folder / "source" / "director-review-2024.txt").unlink()
    (folder / "source" / "director-review-2024.toml").unlink()
    for path in TEXTS.iterdir():
        shutil.copy(path, folder / "source" / path.name)
    tasks = [f"pdf:{name}/print" for name in NAMES]
    result = doit(folder, *tasks)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def edition(project: Path, name: str):
    return measured(project / "output" / name / f"{name}-print.pdf")


def model(project: Path, name: str):
    path = project / "output" / name / f"{name}.json"
    return from_json(json.loads(path.read_text(encoding="utf-8")))


def page_settings(project: Path, name: str):
    """The print layout's page as it sets document `name`, in its language."""
    return load_layout(project / "layouts", "print").for_language(
        model(project, name).metadata.language).page


def tables(project: Path, name: str) -> list[Table]:
    return [block for block in model(project, name).blocks if isinstance(block, Table)]


def page_of(lines, text: str) -> int:
    return next(line.page for line in lines if squash(text) in squash(line.text))


@pytest.mark.parametrize("name", NAMES)
def test_no_page_but_the_last_is_more_than_15_per_cent_empty(project, name):
    page = page_settings(project, name)
    printed = edition(project, name)
    assert printed.pages >= 2
    for number in range(1, printed.pages):
        share = empty_share(printed, number, page.margin_top_mm, page.margin_bottom_mm)
        assert share <= 0.15, (number, share)


@pytest.mark.parametrize("name", NAMES)
def test_a_titled_table_after_no_lead_in_heads_the_next_page_alone(project, name):
    """Its heading and paragraph end the first page; its title opens the second. Where the
    paragraph is too short to give its heading the three lines of its section the house
    style asks (a line of Chinese), the heading and the paragraph go over with the table,
    the heading opening the second page."""
    blocks = model(project, name).blocks
    at = next(index for index, block in enumerate(blocks)
              if isinstance(block, Table) and block.caption)
    titled, paragraph, heading = blocks[at], blocks[at - 1], blocks[at - 2]
    lines = edition(project, name).lines
    header = "".join(span.text for span in titled.header[0])
    assert page_of(lines, header) == 2
    if columns(paragraph.text) <= SHORT_BLOCK_COLUMNS:
        assert page_of(lines, heading.text) == page_of(lines, paragraph.text[:8]) == 2
        return
    title = "".join(span.text for span in titled.caption)
    area_top = page_settings(project, name).margin_top_mm * MM
    # The second page's first line of text, below its running head.
    first = min((line for line in lines
                 if line.page == 2 and line.text.strip() and line.top >= area_top - 1),
                key=lambda line: line.top)
    assert squash(title).startswith(squash(first.text)[:8]), first.text


def test_a_lead_in_ending_with_a_colon_stays_with_its_table(project):
    name = "reservoir-board-review"
    lines = edition(project, name).lines
    lead_in = next(line for line in lines if line.text.rstrip().endswith("these:"))
    untitled = next(table for table in tables(project, name) if not table.caption)
    header = "".join(span.text for span in untitled.header[0])
    assert page_of(lines, header) == lead_in.page


RAGGED_TEXTS = Path(__file__).parent / "texts" / "holes_ragged"


def test_a_paragraph_split_over_a_table_gone_overleaf_leaves_no_hole_on_screen(
        tmp_path_factory):
    """On screen, a paragraph the renderer split, two lines going over with the table it ran
    into, left its page 18 % empty: the hole is measured to its last line on the page (the
    renderer leaves the split paragraph as tall as before), and the mend brings the paragraph
    back whole, the table heading the next page."""
    folder = copy_project(tmp_path_factory.mktemp("ragged") / "project", library=False)
    for path in (folder / "source").glob("director-review-2024.*"):
        path.unlink()
    shutil.copy(RAGGED_TEXTS / "port-authority-operations.txt", folder / "source")
    result = doit(folder, "pdf:port-authority-operations/screen")
    assert result.returncode == 0, result.stdout + result.stderr
    page = load_layout(folder / "layouts", "screen").page
    printed = measured(folder / "output" / "port-authority-operations"
                       / "port-authority-operations-screen.pdf")
    for number in range(1, printed.pages):
        share = empty_share(printed, number, page.margin_top_mm, page.margin_bottom_mm)
        assert share <= 0.15, (number, share)


def test_a_heading_a_few_points_short_of_a_pages_foot_closes_up_its_spacing_in_large_print(
        tmp_path_factory):
    """In large print, a heading a few points short of standing at the first page's foot
    with the three lines it keeps went over, leaving the page 17 % empty: the spaces between
    the page's paragraphs and over the heading close up, each by a little of itself, and the
    heading comes back with its lines."""
    printed, page = built_large_print(tmp_path_factory, "reservoir-works-letter")
    assert page_of(printed.lines, "Looking ahead") == 1
    for number in range(1, printed.pages):
        share = empty_share(printed, number, page.margin_top_mm, page.margin_bottom_mm)
        assert share <= 0.15, (number, share)


def test_a_heading_its_page_lacks_more_than_a_quarter_of_its_spacing_for_goes_over(
        tmp_path_factory):
    """A heading that would come back only with its page's spaces closed up by more than a
    quarter of themselves, or closed up over a heading already set closer to the text above
    it (which cut that heading's space by more than the rest), goes over to the next page:
    no space of a page is cut more than the others."""
    printed, _ = built_large_print(tmp_path_factory, "harbour-trust-letter-zh")
    assert page_of(printed.lines, "未來工作") == 2


def built_large_print(tmp_path_factory, name):
    """The large-print edition of the ragged-page text `name`, measured, and its page."""
    folder = copy_project(tmp_path_factory.mktemp("squeezed") / "project", library=False)
    for path in (folder / "source").glob("director-review-2024.*"):
        path.unlink()
    for path in RAGGED_TEXTS.glob(f"{name}.*"):
        shutil.copy(path, folder / "source")
    result = doit(folder, f"pdf:{name}/large-print")
    assert result.returncode == 0, result.stdout + result.stderr
    page = load_layout(folder / "layouts", "large-print").for_language(
        model(folder, name).metadata.language).page
    return measured(folder / "output" / name / f"{name}-large-print.pdf"), page


CONTACT_TEXTS = Path(__file__).parent / "texts" / "holes_contacts"
# Each text with as many of its body's paragraphs as bring its lead-in to a page's foot in
# an edition, with room under it for the first lines of its contact block but not for all
# of them: whole, the block went over with the lead-in, leaving the page 18 to 25 % empty.
LONG_CONTACTS = [("tollgate-friends", "print", 5), ("tollgate-friends", "screen", 5),
                 ("tollgate-friends", "large-print", 3), ("tollgate-friends-zh", "large-print", 4)]


def contact_edition(tmp_path, name: str, layout: str, paragraphs: int, keep: int = 0):
    """Text `name` with the first `paragraphs` of its body before its lead-in, its contact
    block cut to its first `keep` lines and its last two (all, with none), set in `layout`:
    the lead-in, the block's lines, the edition measured and its page."""
    text = (CONTACT_TEXTS / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")
    title, *body = text.split("\n\n")
    closing = next(at for at, part in enumerate(body) if "\n" in part)
    lead_in, *contact = body[closing].split("\n")
    if keep:
        contact = [*contact[:keep - 2], *contact[-2:]]
    text = "\n\n".join([title, *body[:paragraphs], "\n".join([lead_in, *contact]),
                        *body[closing + 1:]])
    document, pdfs = scraped_editions(tmp_path, name, text, [layout])
    page = load_layout(Path(__file__).parent.parent / "layouts", layout).for_language(
        document.metadata.language).page
    return lead_in, contact, measured(pdfs[layout]), page


@pytest.mark.parametrize(("name", "layout", "paragraphs"), LONG_CONTACTS)
def test_a_long_contact_block_splits_after_its_first_lines_rather_than_leave_a_hole(
        tmp_path, name, layout, paragraphs):
    """A lead-in over a contact block of seven lines (a name, a role, an organisation, an
    address, a telephone number and an e-mail address), kept whole with it, went over with
    them and left its page over 15 % empty: the block splits, the lead-in and the block's
    first two lines at least (the contact's name and the next) ending the page, its last two
    at least opening the next, in every edition, in English as in Chinese."""
    lead_in, contact, printed, page = contact_edition(tmp_path, name, layout, paragraphs)
    for number in range(1, printed.pages):
        share = empty_share(printed, number, page.margin_top_mm, page.margin_bottom_mm)
        assert share <= 0.15, (number, share)
    pages = [page_of(printed.lines, line) for line in (lead_in[:12], *contact[:2])]
    assert len(set(pages)) == 1, pages
    assert page_of(printed.lines, contact[-2]) == page_of(printed.lines, contact[-1]) \
        == pages[0] + 1


def test_an_address_of_four_lines_is_never_split(tmp_path):
    """Four lines under their lead-in (a name, a role, a telephone number, an e-mail
    address) where seven split: they go over whole with it, as an address is set."""
    lead_in, contact, printed, _ = contact_edition(tmp_path, "tollgate-friends", "large-print",
                                                   3, keep=4)
    assert len(contact) == 4
    assert len({page_of(printed.lines, line) for line in (lead_in[:12], *contact)}) == 1
