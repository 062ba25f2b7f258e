"""Lists nested by indentation, as a web page's text or an e-mail keeps them: an item
indented deeper than the one before (spaces, tabs, full-width spaces) opens a list nested in
it, to any depth, with or without blank lines between items and mixed with the nesting marker
styles give; an item indented less closes the lists indented deeper. A paragraph indented as a
whole, or only on its first line, stays a paragraph."""

from __future__ import annotations

import pytest

from pipeline.model import List, Metadata, Paragraph, Quotation
from pipeline.readers.cleaning import clean_text
from pipeline.readers.scraped import scraped_document
from pipeline.readers.scraped.lists import is_item

LEAD_IN = "The laboratory renewed its kit this year:"


def read(text: str):
    return scraped_document("lab-notes", text, Metadata(title="Laboratory Notes"))[0]


def shape(block: List) -> list:
    """A list's items' texts, each nested list (with its style) after its item."""
    items: list = [block.style]
    for item in block.items:
        items.append(item.text)
        if item.sublist is not None:
            items.append(shape(item.sublist))
    return items


def lists_of(document) -> list[list]:
    return [shape(block) for block in document.blocks if isinstance(block, List)]


NESTED = ["bullet", "sensors;", ["bullet", "probes;", "loggers;"], "staff training."]


@pytest.mark.parametrize("items", [
    "- sensors;\n  - probes;\n  - loggers;\n- staff training.",
    "- sensors;\n\t- probes;\n\t- loggers;\n- staff training.",
    "- sensors;\n\n    - probes;\n\n    - loggers;\n\n- staff training.",  # blank lines between
    "• sensors;\n   • probes;\n   • loggers;\n• staff training.",
])
def test_an_item_indented_under_another_is_nested_in_it(items):
    document = read(f"{LEAD_IN}\n\n{items}\n")
    assert lists_of(document) == [NESTED]
    assert document.blocks[0] == Paragraph(document.blocks[0].spans)


def test_a_lead_in_and_its_indented_items_in_one_block():
    document = read(f"{LEAD_IN}\n- sensors;\n  - probes;\n  - loggers;\n- staff training.\n")
    assert lists_of(document) == [NESTED]


def test_indentation_nests_to_any_depth_and_closes_as_it_goes_back():
    items = ("- water\n  - rivers\n    - upper reaches\n      - springs\n    - estuary\n"
             "  - reservoirs\n- air")
    assert lists_of(read(f"{LEAD_IN}\n\n{items}\n")) == [[
        "bullet", "water",
        ["bullet", "rivers",
         ["bullet", "upper reaches", ["bullet", "springs"], "estuary"],
         "reservoirs"],
        "air"]]


def test_indentation_and_marker_styles_nest_together():
    items = ("1. Equipment\n   (a) probes\n       - spare probes\n       - cables\n"
             "   (b) loggers\n2. Staff\n(a) two technicians\n(b) one analyst")
    assert lists_of(read(f"{LEAD_IN}\n\n{items}\n")) == [[
        "decimal", "Equipment",
        ["lower-alpha", "probes", ["bullet", "spare probes", "cables"], "loggers"],
        "Staff", ["lower-alpha", "two technicians", "one analyst"]]]


def test_an_item_wrapped_with_a_hanging_indent_carries_on():
    items = "- sensors bought for the\n  river stations;\n  - probes;\n- staff training."
    assert lists_of(read(f"{LEAD_IN}\n\n{items}\n")) == [
        ["bullet", "sensors bought for the river stations;", ["bullet", "probes;"],
         "staff training."]]


def test_a_chinese_list_indented_with_full_width_spaces():
    text = ("本年度更新的設備如下：\n\n一、感應器；\n\u3000\u3000（一）探頭；\n\u3000\u3000（二）記錄器；\n"
            "\u3000\u3000\u3000\u3000• 備用探頭；\n二、員工培訓。\n")
    assert lists_of(read(text)) == [[
        "trad-chinese-informal", "感應器；",
        ["trad-chinese-informal", "探頭；", "記錄器；", ["bullet", "備用探頭；"]],
        "員工培訓。"]]


def test_a_simplified_chinese_list_indented_with_spaces():
    text = "本年度更新的设备如下，这些都很重要：\n\n- 感应器；\n  - 探头；\n  - 记录器；\n- 员工培训。\n"
    assert lists_of(read(text)) == [
        ["bullet", "感应器；", ["bullet", "探头；", "记录器；"], "员工培训。"]]


def test_items_all_indented_alike_are_one_flat_list():
    items = "   - probes;\n   - loggers;\n   - cables."
    assert lists_of(read(f"{LEAD_IN}\n\n{items}\n")) == [
        ["bullet", "probes;", "loggers;", "cables."]]


@pytest.mark.parametrize("text", [
    # A quotation indented as a whole (a displayed quotation: test_quotations.py).
    "The report opened with these words.\n\n    We measured every river in the territory,\n"
    "    and every one of them ran cleaner than the year before.\n\nThe rest followed.\n",
    # A paragraph indented on its first line, in English and in Chinese.
    "The report opened with these words.\n\n    We measured every river in the territory, "
    "and every one ran cleaner.\nThe rest followed from there.\n",
    "本年度工作順利。\n\n\u3000\u3000我們量度了境內每一條河流，每一條都比去年清潔。\n",
])
def test_an_indented_paragraph_stays_a_paragraph(text):
    document = read(text)
    assert lists_of(document) == []
    assert all(isinstance(block, (Paragraph, Quotation)) for block in document.blocks)
    assert not any(block.text.startswith(" ") for block in document.blocks)


def test_cleaning_keeps_only_an_items_indentation_and_reads_the_same_again():
    text = "\t- probes;\n    plain text indented\n\u3000\u3000（一）探頭；\n  \t- cables"
    cleaned = clean_text(text, keeps_indent=is_item)
    assert cleaned.split("\n") == ["    - probes;", "plain text indented", "    （一）探頭；",
                                   "    - cables"]
    assert clean_text(cleaned, keeps_indent=is_item) == cleaned
    assert clean_text(text) == "- probes;\nplain text indented\n（一）探頭；\n- cables"


@pytest.mark.parametrize("items", [
    "1. Water safety\n1.1 train leaders;\n1.2 run lessons.\n2. Learning by the river\n"
    "2.1 welcome schools;\n2.2 train teachers.",
    "1. Water safety\n\n1.1. train leaders;\n\n1.2. run lessons.\n\n2. Learning by the river\n\n"
    "2.1. welcome schools;\n\n2.2. train teachers.",
])
def test_items_numbered_under_their_item_are_a_compound_list_nested_in_it(items):
    """1.1 and 1.2 under 1. (with or without a full stop after, blank lines or none): a list
    nested in item 1., numbered after it, as Word's outline numbering (%1.%2) numbers it;
    the heading-shaped items stay items, not headings; each number as written."""
    document = read(f"{LEAD_IN}\n\n{items}\n\nThe kit arrived in May.")
    lists = [block for block in document.blocks if isinstance(block, List)]
    assert lists_of(document) == [["decimal", "Water safety", ["decimal", "train leaders;",
                                                               "run lessons."],
                                   "Learning by the river", ["decimal", "welcome schools;",
                                                             "train teachers."]]]
    stop = "." if "1.1." in items else ""
    assert [label for label, _ in lists[0].labelled()] == [
        "1.", f"1.1{stop}", f"1.2{stop}", "2.", f"2.1{stop}", f"2.2{stop}"]


@pytest.mark.parametrize("text", [
    "Visitors rose again this year.\n\n2.5 million people came through the doors.",
    "3.1 Our programme goals\n\nThe trustees set four goals for the year.",
])
def test_a_figure_or_a_section_number_opening_a_line_under_no_item_is_none(text):
    """Only under the item it is numbered under does 1.1 open an item: a decimal figure
    opening a paragraph, or a section's number over its text, is no list's."""
    document = read(text)
    assert not lists_of(document)


def test_a_charitys_chapter_keeps_its_goals_list_and_its_numbered_sections():
    """A chapter copied from a charity's site: four goals (1. to 4.) under a lead-in, each
    with its targets numbered under it (1.1 …); its sections 3.1 to 3.5 are headings, all at
    one level, none taken into the list."""
    from pathlib import Path

    from pipeline.model import Heading
    from pipeline.readers.metadata import load_metadata
    from pipeline.readers.scraped import read_scraped

    path = Path(__file__).parent / "list_texts" / "riverbank-alliance-chapter.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))[0]
    headings = [block for block in document.blocks if isinstance(block, Heading)]
    assert [(heading.text[:3], heading.level) for heading in headings] == [
        ("3.1", 1), ("3.2", 1), ("3.3", 1), ("3.4", 1), ("3.5", 1)]
    (goals,) = [block for block in document.blocks if isinstance(block, List)]
    # Each label as the chapter writes it: its targets' numbers with no full stop after them.
    assert [label for label, _ in goals.labelled()] == [
        "1.", "1.1", "1.2", "1.3", "2.", "2.1", "2.2", "3.", "3.1", "3.2", "4.", "4.1"]


@pytest.mark.parametrize("stop", ["", "."])
def test_a_compound_lists_numbers_keep_the_stop_their_author_gave_them_or_none(stop, tmp_path):
    """`1.1` stays `1.1`, `1.1.` stays `1.1.` (house style: a list as its author wrote it), in
    the editions' labels, the marked-up form and Word's numbering, and each reads back."""
    from pipeline.layouts import load_layout
    from pipeline.readers.docx.draft import read_docx
    from pipeline.readers.markup import read_markup
    from pipeline.writers.docx.draft import write_docx
    from pipeline.writers.markup import write_markup
    from tests.test_render import LAYOUTS

    text = (f"Our aims for the year:\n1. Reach more schools.\n 1.1{stop} Visit 40 schools.\n"
            f"  1.1.1{stop} Twenty in the first term.\n 1.2{stop} Train 12 teachers.\n"
            f"2. Balance the budget.\n 2.1{stop} Raise £40,000.\n\nThe year ahead is busy.")
    document = read(text)
    (aims,) = [block for block in document.blocks if isinstance(block, List)]
    assert [label for label, _ in aims.labelled()] == [
        "1.", f"1.1{stop}", f"1.1.1{stop}", f"1.2{stop}", "2.", f"2.1{stop}"]
    markup = write_markup(document)
    assert f"    1.1{stop} Visit 40" in markup
    assert read_markup(markup, tmp_path / "x.md", document.metadata, tmp_path).blocks \
        == document.blocks
    draft = tmp_path / "draft.docx"
    draft.write_bytes(write_docx(document, load_layout(LAYOUTS, "print"), tmp_path))
    assert read_docx(draft, document.metadata).blocks == document.blocks



@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "screen", "large-print"])
@pytest.mark.parametrize(("name", "nestings"), [
    ("library-lending-review", (("Widen", ("1.1", "1.2")), ("Extend", ("1.2.1", "1.2.2")),
                                ("report", ("(i)", "(ii)")))),
    ("zh-library-review", (("擴展", ("（一）", "（二）")), ("延長", ("1.", "2.")))),
])
def test_a_nested_lists_labels_start_at_the_text_of_the_item_above(tmp_path, layout, name,
                                                                   nestings):
    """Under each item, the widest label of its nested list starts where the item's text does
    (1.1 under "1. Widen", 1.2.1 under "1.2 Extend", (ii) under "(a) report"; in Chinese
    （一） under 一、's text, 1. under （二）'s), and its items stand as close to the item as to
    each other: reckoned, the labels had started up to 1 mm in (2.2.1, the typesetter's
    finding), (ii) and a Chinese 1. about an em in, each nested list 0.2 em further down."""
    import re
    import subprocess
    from itertools import pairwise
    from pathlib import Path

    from pipeline.layouts import load_layout
    from pipeline.readers.metadata import load_metadata
    from pipeline.readers.scraped import read_scraped
    from pipeline.writers.pdf.render import render_pdf

    text = Path(__file__).parent / "list_texts" / f"{name}.txt"
    document = read_scraped(text, load_metadata(text.with_suffix(".toml"), [layout]))[0]
    settings = load_layout(Path(__file__).parent.parent / "layouts", layout)
    pdf = tmp_path / "review.pdf"
    pdf.write_bytes(render_pdf(document, settings, tmp_path))
    words = [(float(x), float(y), word) for x, y, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>', subprocess.run(
            ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
            check=True).stdout)]
    em = settings.for_language(document.metadata.language).body_size_pt

    def found(start: str) -> tuple[float, float]:
        """Where the first word holding `start` sets it (a Chinese word's characters each an
        em wide: pdftotext reads a Chinese line as one word)."""
        x, y, word = next(found for found in words if start in found[2])
        return x + word.index(start) * em, y

    for text_above, labels in nestings:
        edge, top = found(text_above)
        starts = [found(label) for label in labels]
        assert abs(min(x for x, _ in starts) - edge) < 0.05 * em, (text_above, starts, edge)
        steps = [below - above for above, below in pairwise([top, *(y for _, y in starts)])]
        assert max(steps) - min(steps) < 0.05 * em, (text_above, steps)


def test_a_numbered_heading_over_numbered_paragraphs_is_a_heading_not_a_list():
    """A trustees' report numbers its sections (`1. Introduction`) and its paragraphs (`1.1
    This report covers …`, two sentences): each section's line is its heading, each
    paragraph a paragraph its number opens (they had been a list, the paragraphs its items);
    the next section's line (`2. Our finances`) counts on from the heading before it. A
    list's short items numbered under their item (`1.1. train leaders;`) stay a list."""
    from pathlib import Path

    from pipeline.model import Heading, Paragraph, SignOff, Table

    path = Path(__file__).parent / "texts" / "reports" / "archive-trust-chair-report.txt"
    document, _ = scraped_document("trust", path.read_text(encoding="utf-8"), Metadata(title=""))
    assert [type(block) for block in document.blocks] == [
        Heading, Paragraph, Paragraph, Table, Heading, Paragraph, Paragraph, SignOff]
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        "1. Introduction", "2. Our finances"]
    assert document.blocks[1].text.startswith("1.1\u00a0This report")
