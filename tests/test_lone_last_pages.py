"""No last page holds a letter's signature alone, nor a single line of its notes.

Where the sign-off opens the second page and last, and no paragraph can be set shorter, no
picture smaller and no lines pushed over without leaving the first page too empty, the
opener is closed up (its margins taken away, half its padding under the rule), as a
typesetter takes a little air from a short letter's head: the sign-off comes back under its
letter, the notes after it may stay overleaf. Where the page before would be left more than
15 % empty but no more than a quarter, the letter's last lines go over with the sign-off all
the same (a signature apart from its letter is the worse fault), and the preflight does not
count that page too empty: a drainage director's review in large print. On texts of their own: an inspectorate's
foreword with symbol notes, a statement, a Chinese fund's letter with its notes under their
heading.

Where the last note's single line stands alone on the last page (孤行不成頁), the note
before it goes over with it, and their heading where it stands over them: a museum's
foreword whose second footnote went over alone. So too where a last page holds no more than
LONELY_LINES lines that no shorter paragraph or smaller picture brings back: a university
chapter's last note, two lines alone on its screen edition's last page; and a trust's
review whose long last paragraph left its last two lines alone on the last page of its print
edition, the page before full of it: more of its lines go over with them (CSS widows), the
page before ending a little short.

Where the last page of a piece of two pages holds no more than LONELY_LINES lines that none
of these brings back (a ragged edition sets no paragraph shorter; a note and its heading
going over would leave the first page too empty), the opener is closed up likewise: a
letter's last note, a statement's last two lines after a caption with no picture. And the
short rule over the notes never stays at a page's foot without them: a council's table note
went over alone, its rule left under the sign-off."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.layouts import load_layout
from pipeline.model import Note, SignOff, from_json
from pipeline.writers.pdf.placement import LONELY_LINES

from .support import copy_project, doit, squash
from .typesetting import MM, measured

TESTS = Path(__file__).parent
LETTER_LINE = 40  # characters: more of the letter than its running head
EDITIONS = [  # (text, layout): each sent its sign-off over alone before
    ("texts/web/inspectorate-foreword", "screen"),
    ("texts/structure/ambulance-service-statement", "screen"),
    ("texts/sign_offs/fishermen-fund-chair", "print"),
    # Its letter's last paragraph and heading go over with it, the page before left 23 %
    # empty (MAX_EMPTY_SIGNED), which the preflight then excuses.
    ("simplified_chinese_texts/drainage-director-review", "large-print"),
]
NOTES = [("texts/structure/museum-director-foreword", layout) for layout in ("print", "screen")]
FEW_LINES = [("texts/web/northmoor-research-chapter", "screen"),
             # Its last paragraph's last two lines had opened its last page alone, the page
             # before holding the rest of it: more of its lines go over with them (widows).
             ("texts/last_pages/coastal-lighthouse-trust-review", "print")]
OPENERS = [("texts/front_and_back/friends-of-the-archive-letter", "large-print"),
           ("texts/port-authority-chairman", "screen")]
RULED = [("texts/web/consumer-council-chair", "large-print")]
pytestmark = pytest.mark.slow  # builds the editions with doit


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("sign-offs") / "project", library=False)
    for suffix in (".txt", ".toml"):
        (folder / "source" / f"director-review-2024{suffix}").unlink()
    editions = EDITIONS + NOTES + FEW_LINES + OPENERS + RULED
    for text, _ in editions:
        for path in TESTS.glob(f"{text}.*"):
            shutil.copy(path, folder / "source" / path.name)
    result = doit(folder, *(f"pdf:{Path(text).name}/{layout}" for text, layout in editions))
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.mark.parametrize(("text", "layout"), EDITIONS)
def test_the_sign_off_stands_under_its_letter(project, text, layout):
    name = Path(text).name
    model = from_json(json.loads(
        (project / "output" / name / f"{name}.json").read_text(encoding="utf-8")))
    sign_off = squash("".join(next(block for block in model.blocks
                                   if isinstance(block, SignOff)).texts))
    edition = measured(project / "output" / name / f"{name}-{layout}.pdf")
    # The page the sign-off stands on holds more of the letter than the sign-off: its text
    # ends on the first page, or it goes over under the letter's last lines.
    printed = [squash("".join(line.text for line in edition.on_page(number)
                              if line.text.strip() != str(number)))
               for number in range(1, edition.pages + 1)]
    page = next(text for text in printed if sign_off in text)
    assert len(page.split(sign_off)[0]) > LETTER_LINE, page


def test_the_page_its_letter_left_short_for_the_sign_off_is_not_too_empty(project):
    """The preflight agrees with the placement: the page before the last, left 23 % empty
    as the letter's last lines went over with its sign-off, is excused (it had warned)."""
    from pipeline.checks.preflight import preflight

    name, layout = "drainage-director-review", "large-print"
    model = from_json(json.loads(
        (project / "output" / name / f"{name}.json").read_text(encoding="utf-8")))
    report = preflight(project / "output" / name / f"{name}-{layout}.pdf", model,
                       load_layout(project / "layouts", layout))
    typography = next(check for check in report.checks if check.rule == "typography")
    assert typography.passed and "no pages but the last over 15% empty" in typography.message


@pytest.mark.parametrize(("text", "layout"), NOTES)
def test_the_last_note_goes_over_with_the_note_before_it(project, text, layout):
    name = Path(text).name
    model = from_json(json.loads(
        (project / "output" / name / f"{name}.json").read_text(encoding="utf-8")))
    page = load_layout(project / "layouts", layout).page
    edition = measured(project / "output" / name / f"{name}-{layout}.pdf")
    area = (page.margin_top_mm * MM - 1, edition.trim[1] - page.margin_bottom_mm * MM + 1)
    last = squash("".join(line.text for line in edition.on_page(edition.pages)
                          if area[0] <= line.top and line.bottom <= area[1]))
    notes = [squash(block.text) for block in model.blocks if isinstance(block, Note)]
    assert notes[-1] in last and notes[-2] in last


@pytest.mark.parametrize(("text", "layout"), FEW_LINES)
def test_a_last_page_holds_more_than_a_few_lines(project, text, layout):
    name = Path(text).name
    page = load_layout(project / "layouts", layout).page
    edition = measured(project / "output" / name / f"{name}-{layout}.pdf")
    area = (page.margin_top_mm * MM - 1, edition.trim[1] - page.margin_bottom_mm * MM + 1)
    held = [line for line in edition.on_page(edition.pages)
            if area[0] <= line.top and line.bottom <= area[1]]
    assert edition.pages > 1 and len(held) > LONELY_LINES, [line.text for line in held]


@pytest.mark.parametrize(("text", "layout"), OPENERS)
def test_a_few_lines_come_back_under_a_closed_up_opener(project, text, layout):
    name = Path(text).name
    assert measured(project / "output" / name / f"{name}-{layout}.pdf").pages == 1


@pytest.mark.parametrize(("text", "layout"), RULED)
def test_the_rule_over_the_notes_stands_on_the_page_of_the_first_note(project, text, layout):
    name = Path(text).name
    pdf = project / "output" / name / f"{name}-{layout}.pdf"
    model = from_json(json.loads(
        (project / "output" / name / f"{name}.json").read_text(encoding="utf-8")))
    first = squash(next(block for block in model.blocks if isinstance(block, Note)).text)
    edition = measured(pdf)
    note = next(line for line in edition.lines if first[:10] in squash(line.text))
    rules = short_rules(pdf, edition.trim[0])
    above = [(page, top) for page, top in rules if page == note.page and top < note.top]
    assert above, rules  # the rule over it, on its page
    assert not [(page, top) for page, top in rules if page < note.page], rules


def short_rules(pdf: Path, width: float) -> list[tuple[int, float]]:
    """(page, top from the page's top in points) of each thin path drawn across less than half
    the page: the rule over the notes (a table's rules run the table's width, a cell's
    width each)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    found = []
    document = pdfium.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number]
            height = page.get_height()
            trim_top = height - page.get_trimbox()[3]
            for piece in page.get_objects():
                if piece.type == raw.FPDF_PAGEOBJ_PATH:
                    left, bottom, right, top = piece.get_bounds()
                    if top - bottom < 2 and 0.2 * width < right - left < 0.5 * width:
                        found.append((number + 1, height - top - trim_top))
    finally:
        document.close()
    return found
