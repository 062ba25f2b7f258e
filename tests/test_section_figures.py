"""A figure stays within its section in every edition: the placement pass may set it later
among its section's text, scale it, or set it higher on its page, but never past the next
heading. Measured from the outside, page by page with pdftotext, on texts written for it
(tests/section_figures/: an English web page with sub-sections, a table, a nested list,
notes, a supplied picture and a figure ending the text; a Traditional Chinese one), each also
set without one of its paragraphs, so that its figures meet the foot of a page in other
places."""

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.languages import profile_for
from pipeline.layouts import load_layout
from pipeline.model import Figure, Heading, List, Paragraph, Table
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT
from .support import squash
from .typesetting import MM, empty_share, measured

TEXTS = Path(__file__).parent / "section_figures"
NAMES = sorted(path.stem for path in TEXTS.glob("*.txt"))
# The picture supplied for one figure of the English text: a wide one, unlike the 3:2 box
# of a picture to come.
PICTURES = {"coastal-parks-review": (3, "photos/dunes.png", (1500, 500))}
# How many variants of each text each layout sets: print, where figures are mended most,
# all four.
VARIANTS = {"print": 4, "screen": 2, "large-print": 2}
pytestmark = pytest.mark.slow  # each sets a text in three layouts, several times over


def document_of(folder: Path, name: str):
    for suffix in (".txt", ".toml"):
        shutil.copy(TEXTS / f"{name}{suffix}", folder / f"{name}{suffix}")
    if name in PICTURES:
        from PIL import Image

        number, path, size = PICTURES[name]
        (folder / path).parent.mkdir(exist_ok=True)
        Image.new("RGB", size, (70, 110, 90)).save(folder / path)
        with (folder / f"{name}.toml").open("a", encoding="utf-8") as toml:
            toml.write(f'\n[images]\n{number} = "{path}"\n')
    source = folder / f"{name}.txt"
    return read_scraped(source, load_metadata(source.with_suffix(".toml"), []))[0]


def without_paragraph(document, count: int):
    """`document` without its `count`-th paragraph (none for 0): what follows moves up."""
    paragraphs = [index for index, block in enumerate(document.blocks)
                  if isinstance(block, Paragraph)]
    if not count:
        return document
    dropped = paragraphs[count - 1]
    return replace(document, blocks=document.blocks[:dropped] + document.blocks[dropped + 1:])


def text_lines(pdf: Path, layout) -> list[tuple[int, str]]:
    """(page, squashed text) of each line inside the text area: no running head or folio."""
    edition = measured(pdf)
    page = layout.page
    return [(line.page, squash(line.text)) for line in edition.lines
            if page.margin_top_mm * MM <= (line.top + line.bottom) / 2
            <= edition.trim[1] - page.margin_bottom_mm * MM]


def block_text(block) -> str:
    if isinstance(block, Heading):
        return squash(block.text)
    spans = block.caption if isinstance(block, Figure) else block.spans
    return squash("".join(span.text for span in spans))


def held(lines: list[tuple[int, str]], block) -> list[tuple[int, str]]:
    """The lines that set `block`: for a heading, lines of its own (its words may open a
    paragraph too); for a figure, its caption's; else those its first words are set on."""
    text = block_text(block) if isinstance(block, Heading | Figure) else block_text(block)[:24]
    for index in range(len(lines)):
        count = 1
        while len("".join(line for _, line in lines[index:index + count])) < len(text) and \
                index + count < len(lines):
            count += 1
        joined = "".join(line for _, line in lines[index:index + count])
        if joined == text if isinstance(block, Heading) else (
                joined.startswith(text) and len(joined) - len(lines[index + count - 1][1])
                < len(text)):
            return lines[index:index + count]
    raise AssertionError(f"not found: {text}")


def found(lines: list[tuple[int, str]], block) -> tuple[int, int]:
    """(page, position in the whole text) where `block` starts."""
    first = held(lines, block)[0]
    position = next(index for index, line in enumerate(lines) if line is first)
    return first[0], sum(len(line) for _, line in lines[:position])


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """Each text, and each without one of its first paragraphs, in every layout (the
    variants VARIANTS says)."""
    built = {}
    for name in NAMES:
        folder = tmp_path_factory.mktemp(name)
        document = document_of(folder, name)
        for layout_name, variants in VARIANTS.items():
            layout = load_layout(ROOT / "layouts", layout_name)
            for count in range(variants):
                variant = without_paragraph(document, count)
                pdf = folder / f"{name}-{count}-{layout_name}.pdf"
                pdf.write_bytes(render_pdf(variant, layout, folder))
                built[name, count, layout_name] = (variant, text_lines(pdf, layout), pdf)
    return built


def set_blocks(editions, name: str, layout: str):
    """(variant, lines, index, block) of each block of each variant of a text in `layout`."""
    for count in range(VARIANTS[layout]):
        document, lines, _ = editions[name, count, layout]
        for index, block in enumerate(document.blocks):
            yield count, lines, index, block


@pytest.mark.parametrize("layout", ["print", "screen", "large-print"])
@pytest.mark.parametrize("name", NAMES)
def test_each_figure_stands_between_its_heading_and_the_next(editions, name, layout):
    for count, lines, index, block in set_blocks(editions, name, layout):
        blocks = editions[name, count, layout][0].blocks
        if isinstance(block, Figure):
            _, caption = found(lines, block)
            before = [found(lines, heading)[1] for heading in blocks[:index]
                      if isinstance(heading, Heading)]
            after = [found(lines, heading)[1] for heading in blocks[index + 1:]
                     if isinstance(heading, Heading)]
            assert not before or before[-1] < caption, (count, block.number, "before")
            assert not after or caption < after[0], (count, block.number, "past a heading")


@pytest.mark.parametrize("layout", ["print", "screen", "large-print"])
@pytest.mark.parametrize("name", NAMES)
def test_a_caption_stays_with_its_figure_and_a_heading_with_its_text(editions, name, layout):
    for count, lines, index, block in set_blocks(editions, name, layout):
        document = editions[name, count, layout][0]
        if isinstance(block, Figure):
            caption_page, _ = found(lines, block)
            assert {page for page, _ in held(lines, block)} == {caption_page}, (
                count, block.number)
            # A proof's box for a picture to come says so: on the caption's page.
            words = profile_for(document.metadata.language).reader_words
            label = squash(words.to_come.format(number=block.number))
            boxes = [page for page, line in lines if line == label]
            assert boxes in ([], [caption_page]), (count, block.number)
        following = document.blocks[index + 1:index + 2]
        if isinstance(block, Heading) and following and isinstance(
                following[0], Paragraph | Figure | Heading):
            # What is set next (its section's figure, gone up over its text, or the text)
            # stands on the heading's page: no heading ends a page.
            heading = held(lines, block)
            last = next(index for index, line in enumerate(lines) if line is heading[-1])
            assert lines[last + 1][0] == heading[0][0], (count, block.text)


@pytest.mark.parametrize("name", NAMES)
def test_no_page_but_the_last_is_more_than_15_per_cent_empty_but_before_a_section_s_figure(
        editions, name):
    """A page is left emptier only where the next one opens with a figure that closes its
    section, fitting nowhere in it, not even at half its width: the section comes first."""
    page = load_layout(ROOT / "layouts", "print").page
    for count in range(VARIANTS["print"]):
        document, lines, pdf = editions[name, count, "print"]
        words = profile_for(document.metadata.language).reader_words
        # What the first line of a page opening with a section's last figure says: its box's
        # words, or its caption's first line where its picture is supplied.
        closing = {squash(words.to_come.format(number=block.number)) if not block.image
                   else block_text(block)[:12]
                   for block, following in zip(document.blocks, [*document.blocks[1:], None],
                                               strict=True)
                   if isinstance(block, Figure)
                   and not isinstance(following, Paragraph | List | Table)}
        edition = measured(pdf)
        for number in range(1, edition.pages):
            share = empty_share(edition, number, page.margin_top_mm, page.margin_bottom_mm)
            opening = next(line for line_page, line in lines if line_page == number + 1)
            assert share <= 0.15 or any(opening.startswith(start) for start in closing), (
                count, number, share)


def test_a_figure_set_higher_never_parts_a_lead_in_from_its_list_or_its_heading(tmp_path):
    """A figure under a list its lead-in leads into (`我们的目标是：` over `（一）…（三）`) is
    never set higher between the lead-in and its list (it had stood between them, the
    lead-in at one page's foot, its list overleaf), nor between the section's heading and
    the lead-in (it had stood under `4.2 能源管理` alone, the section's text overleaf): it
    stays under the list."""
    import subprocess

    texts = Path(__file__).parent / "simplified_chinese_texts"
    source = texts / "energy-group-esg-chapter.txt"
    document = read_scraped(source, load_metadata(source.with_suffix(".toml"), []))[0]
    pdf = tmp_path / "print.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", "print"), tmp_path))
    text = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                 check=True).stdout)
    lead_in = text.index(squash("我们的目标是："))
    assert text[lead_in:].startswith(squash("我们的目标是：（一）"))
    heading = text.index(squash("4.2能源管理")) + len(squash("4.2能源管理"))
    assert text[heading:].startswith(squash("公司已在"))
    assert text.index(squash("图4-2")) > lead_in
