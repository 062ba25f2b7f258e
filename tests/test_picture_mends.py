"""A piece of many pictures, of every shape from a panorama to a tall portrait, is mended
until no page but the last is left over 15 % empty: each mend (a figure set after the next
paragraph, or scaled down) moves the pages after it, and the next hole shows only in the
layout after; the mends are not cut short while holes are still being found (at four
layouts, pages of large print had been left 64 % empty)."""

from __future__ import annotations

import random

import pytest
from PIL import Image

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Document, Figure, Metadata, Paragraph, Span
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT

pytestmark = pytest.mark.slow  # lays out two editions of eleven pages and more

# Width to height, as a garden's photographs come: a panorama, landscapes, squares, portraits.
SHAPES = (4.0, 1.5, 0.4, 1.0, 2.5, 0.75, 1.33, 0.5, 3.0)
PARAGRAPHS_BEFORE = (1, 3, 1, 2, 2, 1, 3, 1, 2)
THINGS = ("glasshouse border orchard path vine peach espalier pond hedge lawn bench cistern "
          "frame bed gate wall roof shed").split()


def paragraph(number: int) -> Paragraph:
    """A paragraph of three to seven sentences, each of its own (so none repeats another)."""
    chance = random.Random(number)
    sentences = []
    for sentence in range(chance.randint(3, 7)):
        first, second, third, fourth = chance.sample(THINGS, 4)
        sentences.append(f"In week {number * 7 + sentence} the volunteers worked on the "
                         f"{first} and the {second}, with {chance.randint(2, 40)} panes "
                         f"mended near the {third}, while the {fourth} was left for later.")
    return Paragraph((Span(" ".join(sentences)),))


def garden(source) -> Document:
    blocks, count = [], 0
    for number, (shape, before) in enumerate(zip(SHAPES, PARAGRAPHS_BEFORE, strict=True), 1):
        for _ in range(before):
            count += 1
            blocks.append(paragraph(count))
        Image.new("RGB", (1800, round(1800 / shape)), (40, 90, 140)).save(
            source / f"view-{number}.png")
        blocks.append(Figure(number, (Span(f"The walled garden, view {number}."),),
                             f"view-{number}.png", alt=f"The walled garden from point {number}."))
    blocks.append(paragraph(count + 1))
    return Document("garden", Metadata(title="Walled Garden Review", language="en-GB"), None,
                    tuple(blocks))


@pytest.mark.parametrize("layout", ["large-print", "screen"])
def test_no_page_of_a_piece_of_many_pictures_is_left_over_15_per_cent_empty(layout, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    document = garden(source)
    edition = load_layout(ROOT / "layouts", layout)
    path = tmp_path / f"garden-{layout}.pdf"
    path.write_bytes(render_pdf(document, edition, source))
    typography = next(check for check in preflight(path, document, edition, source).checks
                      if check.rule == "typography")
    assert not [problem for problem in typography.problems if "empty" in problem]
