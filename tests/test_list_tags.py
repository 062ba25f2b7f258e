"""The tagged editions say how each list is numbered: every L carries /ListNumbering (ISO
32000-1, 14.8.5.5, Table 347) in a /List attribute object, by its level's numbering or bullet,
nested lists a level deeper inside their items' bodies, as PDF/UA-1 (7.6) asks of numbered
lists. Read back from the PDF through the reading layer, and looked at by qpdf and pdfua."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import pikepdf
import pytest

from pipeline.layout_folders import layout_names
from pipeline.layouts import load_layout
from pipeline.list_numbers import BULLETS, list_numbering
from pipeline.model import Metadata
from pipeline.pdf.structure import attribute, is_element, kids_of, lists
from pipeline.pdf.text import element_text, marked_texts
from pipeline.readers.markup import read_markup
from pipeline.readers.metadata import load_metadata

from .conftest import ROOT

pytestmark = pytest.mark.slow  # each tagged edition is rendered

LAYOUTS = ROOT / "layouts"
DRAFTS = ROOT / "tests" / "drafts"
TAGGED = [name for name in layout_names(LAYOUTS) if load_layout(LAYOUTS, name).is_tagged]

# A ferry trust's review, its lists in every numbering the model has, nested three deep.
REVIEW = """\
Title: Harbour Ferries Trust: the year in review
Subtitle: Annual Report 2025

The board agreed four priorities for the year:

1. Safety on every crossing, with these checks:
   a. hulls inspected each quarter;
   b. crews drilled monthly, on:
      i. evacuation;
      ii. man overboard;
   c. lifejackets counted daily.
2. Fares held for a second year, for:
   - season tickets;
   - concessions.
3. New piers at two villages.

What passengers told us:

- more sailings in the evening:
  - after 22:00 on Fridays:
    - and on Saturdays, as two surveys found:
      1. a survey in May;
      2. a survey in November;
- better shelters.

The appendices follow:

A. Timetables
B. Accounts

IV. The chair's letter
V. The auditor's report

The conditions of carriage say:

(a) a ticket is valid for one crossing;
(b) a child under five travels free.

碼頭的改善工程：

一、長洲碼頭；
二、坪洲碼頭。
"""
# Each list in reading order, by hand: Table 347's names for what the editions print.
WANTED = ["Decimal", "LowerAlpha", "LowerRoman", "None",  # 1. a. i. then a nested –
          "Disc", "None", "None", "Decimal",  # • – ‣, then 1. in the third
          "UpperAlpha", "UpperRoman", "LowerAlpha", "None"]  # A. IV. (a) 一、


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("lists")
    source = folder / "harbour-ferries.md"
    source.write_text(REVIEW, encoding="utf-8")
    document = read_markup(REVIEW, source, load_metadata(source.with_suffix(".toml"),
                                                         layout_names(LAYOUTS)), folder)
    from pipeline.writers.pdf.render import render_pdf

    built = {}
    for layout in TAGGED:
        pdf = folder / f"harbour-ferries-{layout}.pdf"
        pdf.write_bytes(render_pdf(document, load_layout(LAYOUTS, layout), folder))
        built[layout] = pdf
    return {"document": document, "pdfs": built}


def numberings(path) -> list[tuple[str, int]]:
    with pikepdf.open(path) as pdf:
        return [(str(attribute(element, "/List", "/ListNumbering")), depth)
                for element, depth in lists(pdf.Root.StructTreeRoot)]


def model_numberings(blocks) -> list[str]:
    """The model's lists in reading order, each named as list_numbers names its level."""
    found: list[str] = []

    def walk(block, depth):
        found.append(list_numbering(block.style, depth))
        for item in block.items:
            if item.sublist is not None:
                walk(item.sublist, depth + 1)

    for block in blocks:
        if hasattr(block, "items"):
            walk(block, 0)
    return found


def test_the_text_holds_every_numbering_nested(editions):
    assert model_numberings(editions["document"].blocks) == WANTED


@pytest.mark.parametrize("layout", TAGGED)
def test_every_list_says_its_numbering_level_by_level(editions, layout):
    found = numberings(editions["pdfs"][layout])
    assert [name for name, _ in found] == [f"/{name}" for name in WANTED]
    assert [depth for _, depth in found] == [0, 1, 2, 1, 0, 1, 2, 3, 0, 0, 0, 0]


@pytest.mark.parametrize("layout", TAGGED)
def test_a_nested_list_stands_in_its_items_body(editions, layout):
    with pikepdf.open(editions["pdfs"][layout]) as pdf:
        for element, depth in lists(pdf.Root.StructTreeRoot):
            assert element.get("/A").get("/O") == pikepdf.Name.List
            assert all(kid.S == pikepdf.Name.LI for kid in kids_of(element) if is_element(kid))
            if depth:
                assert element.P.S == pikepdf.Name.LBody and element.P.P.S == pikepdf.Name.LI


# Bullets nested three deep in Chinese, whose faces are others.
NESTED_ZH = """\
Title: 碼頭工程
Subtitle:

我們的重點：

- 安全：
  - 隧道內：
    - 夜間。
- 服務。
"""


@pytest.mark.parametrize("language", ["en", "zh-HK"])
def test_bullets_nested_three_deep_print_in_the_print_edition(tmp_path, language):
    """Bullets nested with Tab in an editor's draft (LibreOffice's, three levels deep) stopped
    every PDF, the layout's fonts lacking the nested marker; the print edition, untagged,
    draws each level's bullet too (the tagged ones draw REVIEW's, above), in Chinese too."""
    from pipeline.readers.docx.draft import read_docx
    from pipeline.writers.pdf.render import render_pdf

    if language == "en":
        document = read_docx(DRAFTS / "lists-nested.docx", Metadata(title="Our priorities"))
        items = ["safety;", "in the tunnels;", "at night.", "service."]
    else:
        document = read_markup(NESTED_ZH, tmp_path / "zh.md",
                               Metadata(title="碼頭工程", language=language), tmp_path)
        items = ["安全：", "隧道內：", "夜間。", "服務。"]
    pdf = tmp_path / "nested-print.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(LAYOUTS, "print"), tmp_path))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert [line for line in lines if line[0] in BULLETS] == [
        f"{bullet} {item}" for bullet, item in zip((*BULLETS, BULLETS[0]), items, strict=True)]


@pytest.mark.parametrize("layout", TAGGED)
def test_qpdf_and_pdfua_find_the_tagged_lists_sound(editions, layout):
    import pdfua

    path = editions["pdfs"][layout]
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not pdfua.validate(str(path)).findings


# Items taller than a page, which no keep can hold whole: a tide table's footnote run long, in
# English under bullets, and a Chinese item numbered 一、, neither holding a nested list.
TIDE_NOTE = ("Heights are given above chart datum at the Quarry Bay gauge, corrected for the "
             "barometer and read every ten minutes by the automatic recorder. ")
TIDE_NOTE_ZH = "潮高以鰂魚涌驗潮站的海圖基準面起算，經氣壓校正，由自動記錄器每十分鐘讀取一次。"
TALL_ITEMS = {
    "en-GB": f"Title: Tide tables\n\nHow to read them:\n\n- Times are local.\n"
             f"- {TIDE_NOTE * 60}\n- Dates are those of the Gregorian calendar.\n",
    "zh-HK": f"Title: 潮汐表\n\n閱讀說明：\n\n一、時間為本地時間。\n二、{TIDE_NOTE_ZH * 90}\n"
             "三、日期按公曆計算。\n",
}


def list_items(node) -> Iterator[pikepdf.Dictionary]:
    for kid in kids_of(node):
        if is_element(kid):
            if kid.S == pikepdf.Name.LI:
                yield kid
            yield from list_items(kid)


@pytest.mark.parametrize("language", TALL_ITEMS)
def test_an_item_taller_than_a_page_is_one_item_its_label_first(tmp_path, language):
    """The page breaks cut the middle item, holding no nested list, two or three times; the
    tag tree still holds three items (ISO 32000-1 14.8.4.3.3: an LI is one item), each its
    label then its body, the middle one's text whole."""
    from pipeline.writers.pdf.render import render_pdf

    document = read_markup(TALL_ITEMS[language], tmp_path / "tides.md",
                           Metadata(title="", language=language), tmp_path)
    for layout in TAGGED:
        path = tmp_path / f"tides-{layout}.pdf"
        path.write_bytes(render_pdf(document, load_layout(LAYOUTS, layout), tmp_path))
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) >= 3
            texts = marked_texts(pdf)
            items = list(list_items(pdf.Root.StructTreeRoot))
            assert len(items) == 3, layout
            for item in items:
                assert [kid.S for kid in kids_of(item) if is_element(kid)] == [
                    pikepdf.Name.Lbl, pikepdf.Name.LBody]
            tall = re.sub(r"\s+", "", element_text(items[1], texts))
            sentence = TIDE_NOTE if language == "en-GB" else TIDE_NOTE_ZH
            assert tall.count(re.sub(r"\s+", "", sentence).rstrip(".")) == (
                60 if language == "en-GB" else 90), layout
