"""Links in the tagged editions as a screen reader and the Tab key meet them: each piece of a
link (one a line it is set on) is one link annotation, never two over the same words; each
annotation is held by one Link element, which its /StructParent names (PDF/UA-1 7.18.5,
ISO 32000-1 14.8.4.4.2); a link set on several lines is one Link holding all its pieces'
annotations. The preflight says so of a file where it is not."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.checks.preflight.tagged_rules import link_problems
from pipeline.layouts import load_layout
from pipeline.model import Metadata
from pipeline.pdf.structure import elements_with_parents, link_target, object_references
from pipeline.readers.markup import read_markup
from pipeline.readers.scraped import scraped_document
from pipeline.writers.pdf import render, structure_tree
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT

pytestmark = pytest.mark.slow  # each test lays out a document in a tagged layout

LAYOUTS = ROOT / "layouts"
XHTML = "{http://www.w3.org/1999/xhtml}"
LONG = ("https://www.reservoir-board.example.net/publications/annual-report/2023-24/"
        "catchment-rainfall-by-district.html")
MAIL = "records.office@reservoir-board.example.net"
ENGLISH = f"""Title: Chair's statement
Byline: Priya NAIR, Chair of the Reservoir Board

The board measured rainfall in every catchment this year. The readings for each district, month by month, are set out at {LONG} and are revised each quarter as the gauges are checked.[^1]

Copies of earlier reports may be asked for from {MAIL}, or read in [the *board's* own library](https://library.reservoir-board.example.net/reading-room/opening-hours/) on weekdays.

# Catchments

Seven catchments fed the reservoirs, against six a year before.

[^1]: The gauges are read at nine in the morning.
"""
CHINESE = f"""水務委員會主席報告

本年度各集水區的雨量均有記錄，詳細數字載於 https://www.reservoir-board.example.net/zh/rainfall.html 網頁，每季更新一次。市民亦可電郵至 {MAIL} 查詢。

委員會將繼續改善量度方法，並定期公布結果。
"""


# Addresses and links in emphasis, each long enough to be set on two lines or more: an
# address in bold, one in italics, a link whose words are bold italic, in a text of a
# museum's; and a Chinese text's address in bold.
EMPHASISED_ADDRESS = ("https://www.harbour-museum.example.org/collections/maritime-archive/"
                      "ship-plans-and-logbooks.html")
EMPHASISED_MAIL = "conservation.loans.and.collections.office@harbour-museum-trust.example.org"
EMPHASISED_LINK = "https://www.harbour-museum.example.org/visit/"
EMPHASISED = f"""Title: Curator's report

The museum lent forty objects this year. **The plans and logbooks may be consulted at {EMPHASISED_ADDRESS} on any weekday**, by appointment. *Requests to borrow should be sent to {EMPHASISED_MAIL} at least three months ahead*, with the borrower's facilities report.

Visitors will find ***[opening hours, admission charges, directions and the galleries open this season on the museum's own visiting page](https://www.harbour-museum.example.org/visit/)*** before they come.
"""
EMPHASISED_ZH = """海事博物館館長報告

本年度博物館共借出四十件展品。**船舶圖則及航海日誌可於 https://www.harbour-museum.example.org/zh/collections/maritime-archive/ship-plans.html 網頁預約查閱**，歡迎各界人士使用。
"""


def english(tmp_path: Path):
    return read_markup(ENGLISH, tmp_path / "reservoir-chair.md", Metadata(title=""), tmp_path)


def chinese():
    return scraped_document("reservoir-chair-zh", CHINESE,
                            Metadata(title="", language="zh-HK"))[0]


def rendered(document, layout: str, folder: Path) -> Path:
    path = folder / f"{document.name}-{layout}.pdf"
    path.write_bytes(render_pdf(document, load_layout(LAYOUTS, layout), folder))
    return path


def annotations(pdf: pikepdf.Pdf) -> list[tuple[int, pikepdf.Dictionary]]:
    return [(number, annotation) for number, page in enumerate(pdf.pages)
            for annotation in page.get("/Annots", [])
            if annotation.get("/Subtype") == pikepdf.Name.Link]


def holders(pdf: pikepdf.Pdf) -> dict[tuple[int, int], list[pikepdf.Dictionary]]:
    """Each annotation's structure elements, by the annotation's objgen."""
    held: dict[tuple[int, int], list] = {}
    for element, _ in elements_with_parents(pdf.Root.StructTreeRoot):
        for reference in object_references(element):
            held.setdefault(reference.Obj.objgen, []).append(element)
    return held


@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_each_line_of_a_link_is_one_annotation_and_each_link_one_element(tmp_path, layout):
    path = rendered(english(tmp_path), layout, tmp_path)
    with pikepdf.open(path) as pdf:
        found = annotations(pdf)
        places = [(number, link_target(annotation),
                   tuple(round(float(value), 1) for value in annotation.Rect))
                  for number, annotation in found]
        assert len(places) == len(set(places)), "two annotations over the same words"
        held = holders(pdf)
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[index]): nums[index + 1] for index in range(0, len(nums), 2)}
        for _, annotation in found:
            elements = held.get(annotation.objgen, [])
            assert [str(element.S) for element in elements] == ["/Link"]
            assert parents[int(annotation.StructParent)].objgen == elements[0].objgen
        long_pieces = [annotation for _, annotation in found if link_target(annotation) == LONG]
        assert len(long_pieces) >= 2, "the address is set on one line: make it longer"
        assert len({held[piece.objgen][0].objgen for piece in long_pieces}) == 1
        # The note's reference (a Reference holding its Link) and its link back count too.
        assert {link_target(annotation) for _, annotation in found} == {
            LONG, f"mailto:{MAIL}", "https://library.reservoir-board.example.net/reading-room/"
            "opening-hours/", "note-1", "note-ref-1"}
        assert link_problems(pdf, pdf.Root.StructTreeRoot,
                             list(elements_with_parents(pdf.Root.StructTreeRoot))) == []
    report = preflight(path, english(tmp_path), load_layout(LAYOUTS, layout))
    assert not report.errors, report.errors


def test_each_link_says_what_it_leads_to_in_words(tmp_path):
    # An address alone says nothing of a link's purpose (WCAG 2.4.4): a link set on words
    # says them and where it leads; an address printed as itself says itself, without the
    # scheme a mail's link adds.
    with pikepdf.open(rendered(english(tmp_path), "screen", tmp_path)) as pdf:
        said = {link_target(annotation): str(annotation.Contents)
                for _, annotation in annotations(pdf)}
    library = "https://library.reservoir-board.example.net/reading-room/opening-hours/"
    assert said == {LONG: LONG, f"mailto:{MAIL}": MAIL,
                    library: f"the board\u2019s own library ({library})",
                    "note-1": "Note 1", "note-ref-1": "Back to the text of note 1"}


def test_a_link_description_names_the_words_and_where_they_lead():
    describe = structure_tree.link_description
    assert describe("www.example.org/a", "https://www.example.org/a/") == (
        "https://www.example.org/a/")
    assert describe("Write to us", "mailto:office@example.org") == (
        "Write to us (office@example.org)")
    assert describe("Call the desk", "tel:+44 1632 960555") == (
        "Call the desk (+44 1632 960555)")


def test_the_print_edition_prints_a_telephone_number_after_its_words():
    """As a mail's address, without its scheme."""
    from pipeline.model import Span, with_addresses

    assert with_addresses((Span("Call the desk", link="tel:+441632960555"), Span("."))) == (
        Span("Call the desk", link="tel:+441632960555"), Span(" (+441632960555)"), Span("."))
    assert with_addresses((Span("01632 960555", link="tel:01632 960555"),)) == (
        Span("01632 960555", link="tel:01632 960555"),)


def test_a_chinese_text_has_an_annotation_for_each_address_line(tmp_path):
    document = chinese()
    path = rendered(document, "screen", tmp_path)
    with pikepdf.open(path) as pdf:
        found = annotations(pdf)
        held = holders(pdf)
        assert {link_target(annotation) for _, annotation in found} == {
            "https://www.reservoir-board.example.net/zh/rainfall.html", f"mailto:{MAIL}"}
        rects = [(number, tuple(annotation.Rect)) for number, annotation in found]
        assert len(rects) == len(set(rects))
        assert all([str(element.S) for element in held[annotation.objgen]] == ["/Link"]
                   for _, annotation in found)
        assert len({held[annotation.objgen][0].objgen for _, annotation in found}) == 2
    assert not preflight(path, document, load_layout(LAYOUTS, "screen")).errors


def test_the_preflight_finds_a_link_annotated_twice_or_a_link_a_line(tmp_path, monkeypatch):
    """With the mends undone (WeasyPrint's own tagging), the preflight names each fault
    an auditor finds."""
    monkeypatch.setattr(render, "links_of_their_own", lambda pages: None)
    monkeypatch.setattr(structure_tree, "join_link_pieces", lambda *arguments: None)
    document = english(tmp_path)
    path = rendered(document, "screen", tmp_path)
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot
        problems = link_problems(pdf, root, list(elements_with_parents(root)))
    said = "\n".join(problems)
    assert f"the link to {LONG!r} is in a Span, not a Link element" in said
    assert f"the link to {LONG!r} is two link annotations over the same words" in said
    assert f"the link to {LONG!r}, set on several lines, is a Link a line" in said
    report = preflight(path, document, load_layout(LAYOUTS, "screen"))
    assert any(check.rule == "logical-structure" for check in report.errors)


def emphasised(tmp_path: Path, chinese: bool = False):
    if chinese:
        return read_markup(EMPHASISED_ZH, tmp_path / "museum-curator-zh.md",
                           Metadata(title="", language="zh-HK"), tmp_path)
    return read_markup(EMPHASISED, tmp_path / "museum-curator.md", Metadata(title=""), tmp_path)


def split_links(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot
        return [problem for problem in link_problems(pdf, root, list(elements_with_parents(root)))
                if "is a Link a line" in problem]


@pytest.mark.parametrize("layout", ["screen", "large-print"])
@pytest.mark.parametrize("chinese", [False, True], ids=["english", "chinese"])
def test_a_link_in_emphasis_set_on_several_lines_is_one_link(tmp_path, layout, chinese):
    """An address or a link in bold or italics set on two lines is one Link holding each
    line's annotation, as a plain one is, however the emphasis around it is cut by the
    lines (PDF/UA-1 7.18.5; ISO 32000-1 14.8.4.4.2)."""
    document = emphasised(tmp_path, chinese)
    path = rendered(document, layout, tmp_path)
    with pikepdf.open(path) as pdf:
        found = annotations(pdf)
        held = holders(pdf)
        targets = {link_target(annotation) for _, annotation in found}
        assert targets == ({"https://www.harbour-museum.example.org/zh/collections/"
                            "maritime-archive/ship-plans.html"} if chinese else
                           {EMPHASISED_ADDRESS, f"mailto:{EMPHASISED_MAIL}", EMPHASISED_LINK})
        for target in targets:
            pieces = [annotation for _, annotation in found if link_target(annotation) == target]
            assert len(pieces) >= 2, f"{target} is set on one line: make it longer"
            assert all([str(element.S) for element in held[piece.objgen]] == ["/Link"]
                       for piece in pieces)
            assert len({held[piece.objgen][0].objgen for piece in pieces}) == 1, target
        # A piece of emphasis left empty at a line's end is no line break: each paragraph
        # stays one P, not a Div of a P a line as a sign-off's lines are.
        kinds = [str(element.S) for element, _ in elements_with_parents(pdf.Root.StructTreeRoot)]
        assert "/Div" not in kinds and kinds.count("/P") == len(document.blocks)
    assert split_links(path) == []
    assert not preflight(path, document, load_layout(LAYOUTS, layout)).errors


def test_the_preflight_finds_a_link_in_emphasis_split_a_link_a_line(tmp_path, monkeypatch):
    """With the pieces of emphasis left apart, each line's Link is a Link of its own inside
    its own piece: the preflight names each such link."""
    monkeypatch.setattr(structure_tree, "join_link_pieces", lambda *arguments: None)
    document = emphasised(tmp_path)
    path = rendered(document, "screen", tmp_path)
    said = "\n".join(split_links(path))
    for target in (EMPHASISED_ADDRESS, f"mailto:{EMPHASISED_MAIL}", EMPHASISED_LINK):
        assert f"the link to {target!r}, set on several lines, is a Link a line" in said
    report = preflight(path, document, load_layout(LAYOUTS, "screen"))
    assert any(check.rule == "logical-structure" for check in report.errors)


# Addresses and links after lead-ins of every length, so that some start a line and some
# stand in one: the space before each (blocks.SPACE_BEFORE_ELEMENT) is outside its link.
LINE_STARTS = "Title: Where to write\n\n" + "\n\n".join(
    f"{'The trust answers every letter within a week, ' * (count % 3)}"
    f"{' '.join(['and'] * count)} write to desk{count}@harbour-trust.example.org for help, "
    f"or read [the minutes of meeting {count}](https://harbour-trust.example.org/{count}) first."
    for count in range(1, 15)) + "\n"


def words_on_pages(pdf: Path) -> list[list[tuple[float, float, float, float]]]:
    """Each page's words as pdftotext boxes them: x from the left, y from the foot."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           check=True).stdout
    pages = []
    for page in ElementTree.fromstring(xhtml).iter(f"{XHTML}page"):
        height = float(page.get("height"))
        pages.append([(float(word.get("xMin")), height - float(word.get("yMax")),
                       float(word.get("xMax")), height - float(word.get("yMin")))
                      for word in page.iter(f"{XHTML}word")])
    return pages


@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_a_link_s_box_holds_its_words_and_not_the_space_before_it(tmp_path, layout):
    """Each annotation starts at its link's first letter and ends at its last, mid-line or
    starting one: none of no width at the end of the line before (Tab would stop at it
    unseen; ISO 32000-1 12.5.2, PDF/UA-1 7.18.5), none over the space before its words."""
    document = read_markup(LINE_STARTS, tmp_path / "letters.md", Metadata(title=""), tmp_path)
    path = rendered(document, layout, tmp_path)
    pages = words_on_pages(path)
    with pikepdf.open(path) as pdf:
        found = annotations(pdf)
        assert len(found) > 2 * 14  # some links are set on two lines
        for number, annotation in found:
            x1, y1, x2, y2 = (float(value) for value in annotation.Rect)
            words = [(left, right) for left, bottom, right, top in pages[number]
                     if x1 - 1 < (left + right) / 2 < x2 + 1 and y1 < (bottom + top) / 2 < y2]
            assert words, annotation.Contents
            assert abs(x1 - min(left for left, _ in words)) < 0.5, annotation.Contents
            assert abs(x2 - max(right for _, right in words)) < 0.5, annotation.Contents
    assert not preflight(path, document, load_layout(LAYOUTS, layout)).errors


SYMBOL_NOTES = {
    "en-GB": ("Village Hall Review\n\nThe hall was open on 212 days in the year.* Visits rose "
              "by a tenth against the year before.\u2020 Bookings for the main room were the "
              "highest since it reopened.\u2021\n\nThe committee thanks every volunteer.\n\n"
              "* Excluding days closed for repairs.\n\u2020 Counted at the door.\n"
              "\u2021 Weekday evenings only.",
              {"*": "Note asterisk", "\u2020": "Note dagger", "\u2021": "Note double dagger"}),
    "zh-HK": ("社區會堂年報\n\n會堂全年開放二百一十二日。*入場人次較上年增加一成。\u2020\n\n"
              "委員會感謝每一位義工的協助。\n\n* 不包括維修期間。\n\u2020 按入口點算。",
              {"*": "註星號", "\u2020": "註劍號"}),
    "zh-Hans": ("社区会堂年报\n\n会堂全年开放二百一十二日。*入场人次较上年增加一成。\u2020\n\n"
                "委员会感谢每一位义工的协助。\n\n* 不包括维修期间。\n\u2020 按入口点算。",
                {"*": "注星号", "\u2020": "注剑号"}),
}


@pytest.mark.parametrize("language", SYMBOL_NOTES)
def test_a_symbol_notes_reference_and_link_say_its_symbol_in_words(tmp_path, language):
    """A note a symbol labels (`* Excluding …`): its Reference's alternate description and
    its link's /Contents say the symbol in the document's language (`Note asterisk`,
    `註星號`), which a screen reader at its default punctuation had left out (`Note *`
    read as "Note")."""
    text, said = SYMBOL_NOTES[language]
    document = scraped_document("hall", text, Metadata(title=""))[0]
    assert document.metadata.language == language
    with pikepdf.open(rendered(document, "screen", tmp_path)) as pdf:
        contents = {link_target(annotation): str(annotation.Contents)
                    for _, annotation in annotations(pdf)}
        references = [str(element.Alt) for element, _ in
                      elements_with_parents(pdf.Root.StructTreeRoot)
                      if element.S == pikepdf.Name.Reference]
    assert references == list(said.values())
    assert {label: contents[f"note-{label}"] for label in said} == said
