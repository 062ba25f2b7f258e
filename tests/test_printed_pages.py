"""A text copied out of a PDF viewer: its pages' folios and running heads go, listed as a
printed page's debris, and the paragraph a page's end broke runs on over them; a word its
typesetter broke at a line's end is one word again, a compound keeping its hyphen; a
paragraph's end with no blank line after it ends the paragraph; notes called by bare
figures and set under the text by them are notes. None of it touches a text that holds no
pages, nor sections numbered on (`Chapter 2`, `2023`), nor a figure after a word that no
note answers."""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import (
    Heading,
    LineBlock,
    List,
    Metadata,
    Note,
    Paragraph,
    SignOff,
    Table,
    plain,
)
from pipeline.pdf.structure import structure_elements
from pipeline.readers.markup import read_markup
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped, scraped_document
from pipeline.readers.scraped.dedupe import PAGE_SEAM
from pipeline.readers.scraped.pages import bracketed_notes, keeps_hyphen
from pipeline.writers.markup import write_markup

from .conftest import ROOT
from .support import read_text, rendered_edition

PRINTED = Path(__file__).parent / "texts" / "printed"
LINE = ("The trust planted alder and willow along the banks of the upper river this year, and "
        "its volunteers")


def texts_of(document) -> list[str]:
    return [getattr(block, "text", "") for block in document.blocks]


def said(document) -> str:
    return " ".join(texts_of(document))


def test_a_statement_copied_from_a_pdf_reads_as_its_author_wrote_it():
    document = read_text(PRINTED / "housing-association-ceo.txt")
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Heading", "Paragraph", "Heading", "Paragraph", "Paragraph", "Heading",
                     "Paragraph", "Paragraph", "SignOff", "Note", "Note"]
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        "The year in which we built again", "Putting repairs right", "Money, and what it is for"]
    text = said(document)
    assert "Annual Report 2023" not in text and " 4 " not in text
    assert "We inspected every one" in text and "spend more on existing homes" in text
    assert "the well-being of our residents" in text
    assert document.blocks[-3].texts == ["Amira Osei", "Chief Executive"]
    notes = [block for block in document.blocks if isinstance(block, Note)]
    assert [note.label for note in notes] == ["1", "2"]
    assert notes[1].text.endswith("made safe within four hours.")
    calls = [(span.note, previous.text[-11:]) for block in document.blocks
             if isinstance(block, Paragraph)
             for previous, span in zip(block.spans, block.spans[1:], strict=False) if span.note]
    assert calls == [("1", "by a third."), ("2", "days to 19.")]


def test_a_page_s_end_inside_a_paragraph_and_a_word_breaks_no_paragraph():
    document = read_text(PRINTED / "river-trust-chapter.txt")
    headings = [block.text for block in document.blocks if isinstance(block, Heading)]
    assert headings == ["Work on the ground", "What we measured"]
    text = said(document)
    assert "Page" not in text and "Review of the year" not in text
    for words in ("fencing out cattle from the spawning gravels at Askew Beck",
                  "carried out as community-led work", "consultation and decision-making was",
                  "three public meetings and", "across the floodplain."):
        assert words in text


def test_the_report_lists_the_pages_furniture_and_each_hyphen():
    _, report = scraped_document("chapter", (PRINTED / "river-trust-chapter.txt").read_text(),
                                 Metadata(title="Restoring the upper Lowmere"))
    reasons = [(drop["text"], drop["reason"]) for drop in report["dropped"]]
    assert report["printed_page_debris"] == 6 and report["web_page_debris"] == 0
    assert ("Page 6 of 14", "printed page debris: page number") in reasons
    assert ("spawn-ing", "hyphen breaking a word at a printed line's end") in reasons
    assert ("community-led", "hyphen at a printed line's end, joining a compound") in reasons


@pytest.mark.parametrize(("head", "tail", "kept"), [
    ("inspec", "ted", False), ("exist", "ing", False), ("re", "sponse", False),
    ("un", "related", False), ("multi", "ple", False), ("well", "ness", False),
    ("under", "standing", False), ("state", "ment", False),
    ("well", "being", True), ("self", "assessment", True), ("community", "led", True),
    ("decision", "making", True), ("long", "term", True), ("non", "executive", True),
    ("ship-to", "shore", True), ("state-of-the", "art", True), ("one-in", "four", True),
    ("well-estab", "lished", False), ("in", "come", False),
])  # fmt: skip
def test_a_typeset_hyphen_is_a_compound_s_only_where_english_writes_one(head, tail, kept):
    assert keeps_hyphen(head, tail, frozenset()) is kept


def test_the_text_s_own_spelling_decides_a_broken_word():
    assert keeps_hyphen("co", "operate", frozenset(("we", "co-operate"))) is True
    assert keeps_hyphen("long", "term", frozenset(("a", "longterm", "plan"))) is False
    # A compound's last word broken, the text writing that word whole elsewhere.
    assert keeps_hyphen("back-of", "fice", frozenset(("the", "office"))) is False


def test_a_wrap_that_breaks_no_word_keeps_a_hyphen_and_parts_nothing():
    """A mail's wrap breaks after a compound's hyphen, never inside a word: no pages, so
    the hyphen stays, and no space comes between the halves."""
    text = f"{LINE} of every age and\nwell-\nbeing, from the village school to the over-\nsixties club.\n"
    document = scraped_document("mail", text, Metadata(title="Our year"))[0]
    assert texts_of(document) == [
        f"{LINE} of every age and well-being, from the village school to the over-sixties club."]


@pytest.mark.parametrize("address", [
    "www.wetlandstrust.org.hk/governance/reserves-\npolicy.pdf",
    "https://www.example.org.uk/annual-\nreview/2024",
    "finance-\nteam@example.org.uk",
])
def test_an_address_broken_at_its_own_hyphen_keeps_it(address):
    """A typesetter breaks an address after its own hyphen and adds none: joined, the address
    keeps it (`reservespolicy.pdf` had been printed, a broken link), byte for byte."""
    page = "\n".join(f"{LINE} page {number}." for number in range(30))
    text = (f"{page}\nAnnual Report 2023/24   17\nThe policy is available at {address} for "
            f"anyone to read.\n{page}\nAnnual Report 2023/24   18\n{page}\n")
    document = scraped_document("chapter", text, Metadata(title="Review"))[0]
    assert address.replace("\n", "") in said(document)


def test_a_tables_cells_copied_a_line_each_keep_each_figure_with_its_label():
    """A two-column table a PDF viewer copied a cell a line under its title (`Habitat
    management` over `14.2`): each figure stays with the label over it (each had been read
    with the label under it, as key figures over their words, every figure a row off), and
    the address a line's end broke after its own hyphen keeps it."""
    path = PRINTED / "wetlands-trust-finance.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))[0]
    spending = next(block for block in document.blocks if isinstance(block, List))
    assert [item.text for item in spending.items][:2] == [
        "Habitat management 14.2", "Species monitoring and research 7.9"]
    assert spending.items[-1].text == "Total 36.7"
    assert "www.wetlandstrust.org.hk/governance/reserves-policy.pdf" in said(document)


def test_a_heading_whose_word_a_line_broke_stands_over_its_paragraph():
    """`Reserves and invest-` over `ments`, then the section's paragraph: the word's end
    alone on its line ended the heading (it had run into the paragraph under it)."""
    path = PRINTED / "wetlands-trust-finance.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))[0]
    at = texts_of(document).index("Reserves and investments")
    assert isinstance(document.blocks[at], Heading)
    assert document.blocks[at + 1].text.startswith("At the year end our free reserves")


@pytest.mark.parametrize("broken, tail, heading", [
    ("Volunteers and partner-", "ships", "Volunteers and partnerships"),
    ("Our work for tenants’ well-", "being", "Our work for tenants’ well-being"),
])
def test_a_headings_word_broken_at_its_lines_end_keeps_it_a_heading(broken, tail, heading):
    """A heading set on two lines, a word broken at the first's end, copied with no blank
    line round it: the word is whole (a compound keeps its hyphen), and the heading stands
    over its paragraph; a paragraph's last word broken so ends the paragraph, as before."""
    page = "\n".join(textwrap.wrap(" ".join(f"{LINE} planted {number} trees by hand"
                                            for number in range(12)), 84))
    text = (f"{page} in the refurbish-\nment.\n{broken}\n{tail}\n{page}.\n"
            f"Annual Report 2023/24   17\n{page}.\nAnnual Report 2023/24   18\n{page}.\n")
    document = scraped_document("chapter", text, Metadata(title="Review"))[0]
    assert document.blocks[0].text.endswith("by hand in the refurbishment.")
    assert isinstance(document.blocks[1], Heading) and document.blocks[1].text == heading
    assert document.blocks[2].text.startswith(LINE)


def numbered_sections(label: str, first: int) -> str:
    sections = []
    for number in range(first, first + 3):
        body = "\n".join(f"{LINE} planted trees in the year, {index} of them by hand."
                         for index in range(9))
        sections.append(f"{label.format(number)}\nSection {number} of the report\n{body}")
    return "\n".join(sections)


@pytest.mark.parametrize("label", ["Chapter {}", "Part {}", "{}"])
def test_sections_numbered_on_are_no_pages(label):
    text = numbered_sections(label, 1)
    document = scraped_document("sections", text, Metadata(title="Review"))[1]
    assert document["printed_page_debris"] == 0


def test_years_heading_sections_are_no_pages():
    text = numbered_sections("{}", 2022)
    assert scraped_document("years", text, Metadata(title="Review"))[1]["printed_page_debris"] == 0


def test_a_tables_rows_whose_counts_run_on_a_page_apart_are_no_pages():
    """A long table whose column of small counts happens to run on by one between rows a
    page's length apart (`Ingleton⇥383⇥11⇥711`, nine rows on `Northgate⇥291⇥12⇥675`): rows,
    each a label and figures, every one kept (four had been dropped as facing pages' folios,
    and the table's total no longer added up)."""
    counts = [4, 11, 7, 9, 6, 5, 8, 6, 7, 9, 12, 5, 4, 8, 6, 7, 9, 5, 13, 6, 8, 4, 7, 12]
    rows = [f"Area {chr(65 + number)}\t{200 + number * 7}\t{count}\t{300 + number * 11}"
            for number, count in enumerate(counts)]
    text = ("Restoration by area\n\nEvery area our volunteers worked in this year is listed "
            "below.\n\nTable 3.1 Work by area\nArea\tMetres\tVolunteers\tTrees\n"
            + "\n".join(rows) + "\n\nThe work goes on next spring.\n")
    document, report = scraped_document("areas", text, Metadata(title="Restoration"))
    assert report["printed_page_debris"] == 0
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert len(table.rows) == len(counts)


@pytest.mark.parametrize("call", ["CO2 emissions fell", "fell to 19.2 days", "in 2021 and"])
def test_a_figure_after_a_word_is_a_call_only_where_a_note_answers_it(call):
    text = f"{LINE} and {call} in the year.\n1 A note that answers no call of its own."
    assert bracketed_notes(text) == (text, [1, 2])


def test_a_call_after_a_word_or_a_sentence_s_end_names_its_note():
    text = ("Costs rose by a third.1 Our borrowing stood at £60 million2 at the year's end.\n"
            "1 Interest rose.\n2 At 31 March.")
    written, numbers = bracketed_notes(text)
    assert [(number, row) for number, row in zip(numbers, written.split("\n"), strict=True)
            if row.strip() and row != PAGE_SEAM] == [
        # A row calling a note cleaned again, its calls apart from their words.
        (1, "Costs rose by a third.[1] Our borrowing stood at £60\u00a0million[2] at the year\u2019s"
            " end."),
        (2, "[1] Interest rose."), (3, "[2] At 31 March.")]


def test_notes_at_each_page_s_foot_go_to_the_text_s_end_keeping_their_lines():
    """A page's notes stand between its text and the next page's, the paragraph the page
    broke going on over them: they go to the end, each row keeping its number in the
    source, and the paragraph joins again."""
    document = read_text(PRINTED / "water-company-review.txt")
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert any("the pipes we replaced ran under the busiest roads" in text for text in paragraphs)
    notes = [block for block in document.blocks if isinstance(block, Note)]
    assert [note.label for note in notes] == ["1", "2", "3"]
    assert all(isinstance(block, Note) for block in document.blocks[-3:])


def test_a_chinese_report_s_pages_go_and_its_paragraphs_end_on_a_short_line():
    """A Chinese page is set on a grid: a line two characters short of the others ends its
    paragraph; `第 4 頁` is a folio however few lines its page holds."""
    document = read_text(PRINTED / "harbour-board-report-zh.txt")
    assert [text[:6] for text in texts_of(document)] == [
        "過去一年，港", "本局亦完成了", "展望未來，本", "財政方面，本"]
    assert "年報" not in said(document) and "頁" not in said(document)
    assert "令海濱成為人人可享的公共空間。" in said(document)


@pytest.mark.slow
def test_notes_under_no_heading_belong_to_the_whole_text_in_the_tag_tree(tmp_path):
    """Notes set under the text with no heading of their own are read as the whole text's,
    not as part of its last section (ISO 32000-1, 14.8.4.2: a Sect groups its section)."""
    path, document = rendered_edition(PRINTED / "housing-association-ceo.txt", "screen", tmp_path)
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot.K[0] if isinstance(
            pdf.Root.StructTreeRoot.K, pikepdf.Array) else pdf.Root.StructTreeRoot.K
        kinds = [str(kid.S) for kid in root.K if isinstance(kid, pikepdf.Dictionary)]
        notes = [kid for element in structure_elements(pdf.Root.StructTreeRoot)
                 if element.S == "/Sect"
                 for kid in element.K if isinstance(kid, pikepdf.Dictionary) and kid.S == "/Note"]
        # The first note, under the rule parting the notes from the text, holds its text as
        # the second does, in no paragraph of its own.
        held = [[str(kid.S) for kid in note.K] for note in root.K[-2:]]
        # Each link's rectangle lower left corner first (ISO 32000-1, 7.9.5).
        rectangles = [[float(value) for value in annotation.Rect] for page in pdf.pages
                      for annotation in page.obj.get("/Annots", [])]
    assert rectangles and all(x1 <= x2 and y1 <= y2 for x1, y1, x2, y2 in rectangles)
    assert kinds[-2:] == ["/Note", "/Note"] and not notes
    # No /P of its own: its label's link back to its reference, and its text.
    assert all(kinds and kinds[0] == "/Link" and set(kinds[1:]) == {"/Span"} for kinds in held)
    report = preflight(path, document, load_layout(ROOT / "layouts", "screen"), PRINTED)
    assert [check.message for check in report.errors] == []


def test_a_review_s_alternating_heads_page_foot_notes_and_signature_are_read():
    """Recto and verso heads (one written once, the subtitle the metadata gives), the first
    page's head over the title, notes at each page's foot, calls after words, and a
    signature under a full last line."""
    document = read_text(PRINTED / "ceo-review-2024.txt")
    text = said(document)
    assert "Annual Report 2023/24" not in text and "Chief Executive\u2019s Review" not in text
    assert [note.label for note in document.blocks if isinstance(note, Note)] == [
        "1", "2", "3", "4"]
    signature = next(block for block in document.blocks if isinstance(block, SignOff))
    assert signature.texts == ["Rachel Ombwe-Harding", "Chief Executive", "12\u00a0June 2024"]
    assert [block.text for block in document.blocks if isinstance(block, Heading)][0] == (
        "A year of steady repair")


def test_a_short_last_page_and_the_first_page_s_head_are_furniture_too():
    """Folios a page apart but the last page's (one line), the running head over the first
    page too; a heading over a page's last lines stays, though the page parts a sentence."""
    document = read_text(PRINTED.parent.parent / "simplified_chinese_texts"
                         / "huayuan-mda-zh-hans.txt")
    text = said(document)
    assert "年年度报告" not in text and "- 13 -" not in text
    assert "四、公司未来发展的展望" in [block.text for block in document.blocks
                                 if isinstance(block, Heading)]
    assert "加快储能业务的市场拓展，" in text


def test_a_head_written_once_where_the_page_parts_a_sentence_goes():
    document = read_text(PRINTED / "harbour-chairman-zh-hk.txt")
    text = said(document)
    assert "把握區內跨境電商" in text and "二零二三／二四年報" not in text
    assert texts_of(document)[0] == "各位股東："  # the title the metadata gives, then the greeting


def test_a_pdf_copy_s_symbol_bullets_make_a_list_and_a_numbered_title_is_the_title():
    document = read_text(PRINTED / "greyfield-operations.txt")
    assert "\uf0b7" not in said(document)
    assert sum(isinstance(block, List) for block in document.blocks) == 2
    assert texts_of(document)[0] == "2.1\u00a0Supply and demand"


@pytest.mark.parametrize(("head", "tail", "text", "kept"), [
    ("co", "operative", "our co-operatives", True), ("re", "elect", "", True),
    ("year", "end", "", True), ("organ", "isation", "", False),
    ("partner", "ships", "our partnership", False),
])  # fmt: skip
def test_a_word_s_other_forms_and_a_prefix_before_its_vowel_decide_a_hyphen(head, tail, text,
                                                                            kept):
    said_words = frozenset(text.casefold().split())
    assert keeps_hyphen(head, tail, said_words) is kept


def test_notes_called_and_labelled_with_unicodes_superior_figures_are_notes():
    """`48,000 calls.¹` over `¹ Calls answered, not calls attempted.`, as a page sets notes
    in Unicode's superior figures: each call a note's reference, each note a note, the
    signature over them a sign-off (the notes had been paragraphs, the calls left in the
    text, the signature two headings)."""
    path = Path(__file__).parent / "texts" / "reports" / "helpline-ceo-review.txt"
    document, _ = scraped_document("helpline", path.read_text(encoding="utf-8"),
                                   Metadata(title=""))
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Paragraph", "Paragraph", "SignOff", "Note", "Note", "Note"]
    assert [span.note for span in document.blocks[0].spans if span.note] == ["1", "2"]
    assert [block.label for block in document.blocks if isinstance(block, Note)] == [
        "1", "2", "3"]
    assert "¹" not in document.blocks[0].text


@pytest.mark.parametrize("text", [
    ("Research Highlights 2024\n\nThe Institute published 214 papers in 2024.\u00b9 Research "
     "income rose to HK$412 million\u00b2, of which 38% came from industry.\n\nA new cohort "
     "study began recruiting in September.*\n\nNotes\n\u00b9 Including conference papers.\n"
     "\u00b2 Excluding capital grants.\n* Funded by the Health and Medical Research Fund.\n"),
    ("研究摘要\n\n本院於年內發表論文二百一十四篇。\u00b9研究收入增至四億元\u00b2，其中三成來自業界。\n\n"
     "一項新的長者研究於九月開始招募。*\n\n註釋\n\u00b9 包括會議論文。\n\u00b2 不包括基建撥款。\n"
     "* 由醫療衞生研究基金資助。\n"),
])
def test_notes_in_superior_figures_then_a_symbols_stand_in_the_order_written(text):
    """The last notes a text ends with, in superior figures, then one a symbol labels: they
    stand as written and called, ¹ ² *, not the figures' after the symbol's; in Chinese, a
    superior figure after a stop, a Chinese word after it (`篇。¹研究`), calls its note."""
    document, _ = scraped_document("highlights", text, Metadata(title=""))
    assert [block.label for block in document.blocks if isinstance(block, Note)] == [
        "1", "2", "*"]


def test_superior_figures_that_call_no_notes_stay_as_written():
    """A unit's power (`m²`) beside notes in superior figures, or alone: the text as written."""
    text = ("Report\n\nThe new hall covers 1,200 m² and opened in May.¹\n\n"
            "¹ Ahead of its planned date.\n")
    document, _ = scraped_document("hall", text, Metadata(title=""))
    assert "m²" in document.blocks[0].text and "May.¹" in document.blocks[0].text
    assert not [block for block in document.blocks if isinstance(block, Note)]


def test_a_page_s_short_last_line_and_the_heading_under_its_folio_are_text():
    """A chair's statement copied from its PDF: the last line of a page, short and ending in
    a note's call (`…contributed a further £412,000.*`), goes on with the sentence over it,
    and the heading under the next page's folio opens a section: both are text, not a
    running foot and head (both had been dropped, the words lost); the signature under the
    last paragraph is one, the note under it a note its call names."""
    document = read_text(PRINTED / "moorland-railway-chair.txt")
    text = said(document)
    assert "rose to £1.31\u00a0million, while the shop and refreshment rooms" in text
    assert "Annual Report 2024" not in text
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        "Restoring the viaduct", "Looking ahead"]
    assert document.byline.name == "Eleanor Whitcombe"
    assert document.byline.role == "Chair of Trustees"
    signature = next(block for block in document.blocks if isinstance(block, SignOff))
    assert signature.texts == ["Eleanor Whitcombe", "Chair of Trustees", "March 2025"]
    assert [note.label for note in document.blocks if isinstance(note, Note)] == ["*"]


def test_a_chinese_statement_copied_from_its_pdf_reads_as_its_author_wrote_it():
    """A Chinese annual report's pages: the running head and folio over each page go, the
    paragraphs its lines broke are whole, the heading under the second page's head stays,
    the signature is one."""
    document = read_text(PRINTED / "culture-association-chair-zh.txt")
    assert document.metadata.title == "主席報告"
    assert not any(text.startswith("海濱文化協會\u3000") for text in texts_of(document))
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph"] * 4 + ["Heading"] + ["Paragraph"] * 3 + ["SignOff"]
    assert document.blocks[-1].texts == ["主席", "陳美華", "二零二五年三月"]


def test_a_chapter_numbered_by_sections_keeps_their_numbers_and_its_lists_close():
    """A report's chapter copied from a PDF, its sections numbered (`2.1 The repairs
    service`), a note under a page set smaller, its line wider than the text's: the
    section's number stays as written (it had been taken for a call to note 1, `2.[1]`),
    the note is called from `continues.1`, the text is read as wrapped (the note's line had
    said it was not, each line ending a phrase a heading), and a list's last item, after
    items ending `; and`, closes before the text that goes on under it."""
    document = read_text(PRINTED / "housing-repairs-chapter.txt")
    headings = [block.text for block in document.blocks if isinstance(block, Heading)]
    assert "2.1\u00a0The repairs service" in headings
    assert not [text for text in headings if text.startswith("We completed")]
    assert [span.note for block in document.blocks for span in getattr(block, "spans", ())
            if span.note] == ["1"]
    items = [item.text for block in document.blocks if isinstance(block, List)
             for item in block.items]
    closing = next(text for text in items if text.startswith("(c) tested")
                   or "tested the lifts" in text)
    assert closing.endswith("as the law requires.")
    # The word joining the last two items on a line of its own (`terraces;` over `and`).
    villages = next(text for text in items if "rising damp" in text)
    assert villages.endswith("in the villages.")


def test_a_paragraph_ending_at_a_pages_foot_ends_there():
    """A chapter copied from a PDF: page 4 ends `…from £1.42 to £1.18.`, 77 columns where
    the wrap filled every other line to 81 or more, and page 5 opens `We could not …`: two
    paragraphs (they had run together, the widest line less WRAP_SLACK too narrow a test);
    a paragraph's line ending a sentence with no room for the next word stays wrapped."""
    text = (PRINTED / "food-partnership-ceo.txt").read_text(encoding="utf-8")
    document, _ = scraped_document("chapter", text, Metadata(title=""))
    texts = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert texts[1].endswith("from \u00a31.42 to \u00a31.18.")
    assert texts[2].startswith("We could not have done any of this")
    assert len(texts[0].split(". ")) >= 3  # its lines, wrapped, one paragraph


def test_the_last_pages_folio_alone_ending_the_text_goes_and_its_notes_stay_notes():
    """A chapter copied from a PDF ends with its last page's folio alone (`18`, the page
    whose head says 18), under its notes: a folio, gone; the notes are notes, their calls
    calls (the folio had been read as a one-line sign-off, and the notes as paragraphs
    opened by `[1]`, their calls `year.[1]` left in the text)."""
    text = (PRINTED / "geography-research-chapter.txt").read_text(encoding="utf-8")
    document, report = scraped_document("chapter", text, Metadata(title=""))
    assert [block.label for block in document.blocks if isinstance(block, Note)] == [
        "1", "2", "3", "4"]
    assert not any(isinstance(block, SignOff) for block in document.blocks)
    assert not any("[1]" in getattr(block, "text", "") for block in document.blocks)
    reasons = [(drop["text"], drop["reason"]) for drop in report["dropped"]]
    assert ("18", "printed page debris: page number") in reasons
    # Its research groups, under `…in three research groups:`, each a name's capital and a
    # semicolon (`…Housing Strategy;3 and`, a note's call before its `and`): a list of three
    # (the second and third had run together, the list two paragraphs).
    (groups,) = [block for block in document.blocks if isinstance(block, List)]
    assert [item.text.split(",")[0] for item in groups.items] == [
        "Environmental Change", "Cities and Society", "Geoinformatics"]


@pytest.mark.parametrize(("folio", "language"), [
    ("Page 2 of 2", "en-GB"), ("page 3/3", "en-GB"), ("第2頁，共2頁", "zh-HK"),
    ("第 3 页 / 共 3 页", "zh-CN")])
def test_a_pages_number_out_of_the_pages_alone_is_a_folio(folio, language):
    """`Page 2 of 2` under a text's sign-off, a PDF's last page number: a folio though no
    other page's number was copied (it had been the sign-off's last line)."""
    if language == "en-GB":
        text = ("Annual Review\n\nThe club had its best season yet, with three titles and a "
                "new boathouse.\n\nMarcus Delaney-Pryce\nChair\nMarch 2025\n\n" + folio + "\n")
    else:
        text = ("年度回顧\n\n本會本年度成績理想，共獲三項冠軍，並啟用新艇房。\n\n"
                "主席\n陳大文\n二〇二五年三月\n\n" + folio + "\n")
    document, report = scraped_document("review", text, Metadata(title="", language=language))
    dropped = {"".join(drop["text"].split()) for drop in report["dropped"]}
    assert "".join(folio.split()) in dropped  # as cleaning leaves it: no space by a Han
    sign_off = document.blocks[-1]
    assert isinstance(sign_off, SignOff)
    assert "".join(span.text for span in sign_off.lines[-1]) in ("March 2025", "二〇二五年三月")


LECTURE = (
    "Whose Landscape?\n\n"
    "The enclosure maps of the parish were drawn between 1768 and 1804, and they record a "
    "countryside already changing.1 We read them now as evidence of loss.\n\n"
    "One of our members called them \"a portrait of a quarrel\".2 The quarrel is worth "
    "understanding, and the society has begun to transcribe every award.\n\n"
    "As the rector wrote in his diary for 1801: \"The commons are gone, and the poor with "
    "them.\"3 We shall publish the diary next year, with the maps beside it.\n\n"
    "1 Tate, W.E. (1967). The English Village Community. London: Gollancz, pp. 88-96.\n"
    "2 In a letter to the secretary, 3 March 2024.\n"
    "3 Parish diary, vol. 4, p. 211.\n")


def test_notes_called_by_bare_figures_after_a_quotes_close_are_notes():
    """A lecture copied out of a PDF: its notes' calls bare figures after a word's mark or
    a closing quote (`quarrel".2`, `them."3`), its notes bare figures ending the text: read
    as notes and their references (they had been paragraphs, the calls figures in the text,
    where a quote's close stood before the call), the quote closing as it opened."""
    document = scraped_document("lecture", LECTURE, Metadata(title=""))[0]
    notes = [block for block in document.blocks if isinstance(block, Note)]
    assert [note.label for note in notes] == ["1", "2", "3"]
    assert notes[2].text == "Parish diary, vol.\u00a04, p.\u00a0211."
    calls = [(span.note, previous.text[-6:]) for block in document.blocks
             if isinstance(block, Paragraph)
             for previous, span in zip(block.spans, block.spans[1:], strict=False) if span.note]
    assert calls == [("1", "nging."), ("2", "rrel\u2019."), ("3", "them.\u2019")]


# A village magazine's editorial copied out of its PDF: each page's running head, the issue
# and its season, then a run of spaces and the folio; words broken at the lines' ends; a
# verse indented in the text with no blank line round it; its title under its label.
MAGAZINE = """THE BEACON \u00b7 Autumn 2024                                              6
From the Vicarage:
Harvest and the long light
Every September I tell myself that this will be the year the vegetable
show is held indoors, and every September the weather proves me wrong.
This year the marquee went up on the green, and the whole village came
out for the judging, which took rather longer than the judges had prom-
ised because the marrows were, in their words, beyond comparison.
We gave thanks at the harvest service for the farmers of the parish,
and for the volunteers who kept the food bank stocked through a diffi-
cult summer. The collection raised more than it has in any year since
the new roof went on.
THE BEACON \u00b7 Autumn 2024                                              7
A reader sent me these lines, found in a drawer at the old school:
   The barley's in, the swallows flown,
   The lane is gold with fallen leaves;
   And every hand that helped is known
   To Him who counts the gathered sheaves.
I cannot find who wrote them, but they seem to belong to this village
and this season, and I am glad to print them here.
With every blessing,
The Vicar
THE BEACON \u00b7 Autumn 2024                                              8
"""


def test_a_magazine_s_pages_its_verse_and_its_labelled_title():
    document, report = scraped_document("vicarage", MAGAZINE, Metadata(title="",
                                                                       language="en-GB"))
    assert document.metadata.title == "From the Vicarage: Harvest and the long light"
    said = " ".join(getattr(block, "text", "") for block in document.blocks)
    assert "BEACON" not in said and "promised" in said and "difficult" in said
    verse = next(block for block in document.blocks if isinstance(block, LineBlock))
    assert [plain(line) for line in verse.lines][1] == "The lane is gold with fallen leaves;"
    assert isinstance(document.blocks[-1], SignOff)
    assert sum(drop["reason"].endswith("page number") for drop in report["dropped"]) == 3


@pytest.mark.parametrize(("name", "body"), [
    ("geography-research-chapter", "Department of Geography"),
    ("moorland-railway-chair", "Moorland Heritage Railway Trust"),
])
def test_the_body_a_running_head_names_before_its_report_is_the_organisation(name, body):
    """A running head set apart from its folio by a run of spaces (a tab, once cleaned),
    naming a body before the report's issue (`Moorland Heritage Railway Trust Annual Report
    2024`, `Department of Geography: Annual Report 2023-24`): the body is the organisation
    the opener prints, its colon aside (a tab had kept the head whole, naming none)."""
    path = PRINTED / f"{name}.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))[0]
    assert document.metadata.organisation == body


def test_feet_with_and_without_their_folio_go_and_a_paragraph_runs_on_over_its_notes():
    """A statement copied out of a PDF whose foot carries the folio on some pages
    (`14 ⇥ Kestrel Valley Water | Annual Report 2024`) and not on the page whose head
    carries it: every foot goes (they had run into the notes and the sign-off, the last
    printed as a paragraph), the notes end at their own text, the sign-off is one, and the
    paragraph the page broke over its notes and furniture is one paragraph (it had been two)."""
    document = read_text(PRINTED / "water-company-chair-foot-folios.txt")
    text = said(document)
    assert "Kestrel Valley Water" not in text
    notes = [block for block in document.blocks if isinstance(block, Note)]
    assert [note.text for note in notes] == [
        "Leakage as reported to the regulator, three-year average.",
        "See note 4 to the financial statements."]
    assert isinstance(document.blocks[-3], SignOff)
    (broken,) = [block for block in document.blocks
                 if "began to rebuild the pumping station" in getattr(block, "text", "")]
    assert isinstance(broken, Paragraph)


def test_a_head_set_apart_by_spaces_on_facing_pages_is_one_head():
    """A running head set apart from its folio by a run of spaces, the folio after it on a
    right-hand page and before it on the left (`KESTREL SAILING CLUB -- YEAR BOOK 2024-25`,
    spaces, `7`; then `8`, spaces, the head): one shape, the pages' furniture; so the text
    was set in pages, and its words broken at lines' ends are whole again, a file name too."""
    wide = " " * 30
    text = "\n".join([
        "Commodore's Report", "",
        "The dinghy fleet grew again this season, and the new pontoon, paid for by the",
        "members' appeal, was in the water by Easter. Our thanks go to the bosun, whose pa-",
        "tience with the launch trolleys has become a club legend.", "",
        "Racing", "",
        "The Wednesday evening series drew an average of 23 boats, and the club sent",
        "four crews to the national championships at Weymouth in August.", "",
        f"KESTREL SAILING CLUB -- YEAR BOOK 2024-25{wide}7", "",
        "Accounts", "",
        "The club ended the year with a surplus of GBP 3,200. The draft accounts (Year_",
        "Book_Accounts_2024-25.pdf) are on the noticeboard, and the treasurer will take",
        "questions at the meeting.", "",
        "Training", "",
        "Twelve members passed their powerboat certificates, and the junior section ran",
        "its first week-long summer course, with forty children on the water each day",
        "and not one capsize that the instructors did not plan.", "",
        "Fair winds to you all.", "",
        f"8{wide}KESTREL SAILING CLUB -- YEAR BOOK 2024-25"])
    document, report = scraped_document("commodore", text, Metadata(title=""))
    dropped = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert sum("printed page debris" in reason for reason in dropped.values()) == 2
    words = said(document)
    assert "KESTREL" not in words and "patience with the launch" in words
    assert "(Year_Book_Accounts_2024-25.pdf)" in words


def test_a_bodys_name_over_the_occasion_under_the_title_is_the_opener_s():
    """The body's name over the occasion the text was given at, dated, in a block under the
    title (`Kestrel Sailing Club` over `Annual General Meeting, 12 October 2024`): the
    organisation, the subtitle and the date, where the metadata names none; where it names
    its own subtitle, the occasion is a line of its own, not run into the body's name."""
    text = "\n".join([
        "Commodore's Report", "", "Kestrel Sailing Club",
        "Annual General Meeting, 12 October 2024", "",
        "The dinghy fleet grew again this season, and the new pontoon was in the water by "
        "Easter.", "", "The Wednesday evening series drew an average of 23 boats."])
    document = scraped_document("commodore", text, Metadata(title=""))[0]
    metadata = document.metadata
    assert (metadata.title, metadata.organisation, metadata.date) == (
        "Commodore’s Report", "Kestrel Sailing Club", "2024-10-12")
    assert metadata.subtitle.replace("\u00a0", " ") == "Annual General Meeting, 12 October 2024"
    assert texts_of(document)[0].startswith("The dinghy fleet")
    given = scraped_document("commodore", text, Metadata(title="", subtitle="Year Book 2024–25"))[0]
    assert given.metadata.organisation == "Kestrel Sailing Club"
    first = given.blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text.replace("\u00a0", " ") == "Annual General Meeting, 12 October 2024"


def test_a_books_alternating_heads_beside_their_folios_go():
    """A catalogue's pages headed by its title on the left and the chapter's on the right,
    each beside its folio (`PAPER AND LIGHT⇥14`, `INTRODUCTION⇥15`, `16⇥PAPER AND LIGHT`):
    two shapes, whose figures count on by one together, are the pages' furniture (each had
    been a heading or a paragraph of the text), and the words the pages' lines broke are
    whole again."""
    wide = " " * 28
    paragraph = ("The exhibition gathers the studio's prints from four decades, lent by "
                 "collectors across the country, and shows for the first time the work-")
    lines = ["INTRODUCTION" + wide + "13", "",
             paragraph, "books in which the printmakers tested each colour before an edition.",
             "Most of the prints have not been seen since the studio closed in 1988.", "",
             "The studio printed for artists as well as for its own members, and its",
             "archive holds the proofs of both, annotated in the same careful hand. The",
             "proofs show how much was decided at the press rather than at the drawing",
             "table: a colour changed, a block cut again, a margin widened by a finger.", "",
             "The catalogue follows the studio's own order, year by year, so that the", "",
             "PAPER AND LIGHT" + wide + "14", "",
             "reader can follow a technique from its first trial to its last print. The",
             "essays by the curators set each decade beside the work of the printmakers",
             "who taught at the college, and whose students carried the studio's methods",
             "abroad. We thank the lenders for their patience and their trust, and the con-",
             "servators, who mended more than two hundred sheets. The sheets they mended",
             "are marked in the list of works, with a note of what was done to each, and",
             "the conservators' reports are in the study room for anyone who asks.", "",
             "INTRODUCTION" + wide + "15", "",
             "The prints are shown in low light, as they must be, and the galleries will",
             "close for a week in March while the most fragile sheets are changed for",
             "others from the same editions. Visitors who come twice will see a different",
             "exhibition, which the curators intend. The labels give each print's edition",
             "and its printer, where the studio's books name one, and the galleries'",
             "guides, on loan at the door, give the whole of the studio's record for it,",
             "from the first proof to the last impression it pulled.", "",
             "16" + wide + "PAPER AND LIGHT"]
    document, report = scraped_document("introduction", "\n".join(lines), Metadata(title=""))
    reasons = [drop["reason"] for drop in report["dropped"]]
    assert sum("printed page debris" in reason for reason in reasons) >= 3
    words = said(document)
    assert "PAPER AND LIGHT" not in words and "INTRODUCTION" not in words
    assert "workbooks" in words and "conservators" in words


def test_facing_pages_feet_worded_apart_go_and_the_word_a_page_broke_is_whole():
    """A hospice's report whose left pages' foot names the hospice after the figure
    (`14⇥Harefield Hospice`) and right pages' the report before it (`Impact Report
    2024/25⇥15`): two shapes taking turns, their figures counting on together, though a
    table's rows end in figures set apart by the same spaces. Each foot goes, the paragraph
    runs on over it, and the word the page broke (`pal-` over `liative`) is whole again."""
    document, report = read_scraped(PRINTED / "hospice-impact-mirrored-feet.txt",
                                    Metadata(title=""))
    folios = [drop["text"] for drop in report["dropped"]
              if drop["reason"] == "printed page debris: page number"]
    assert len(folios) == 3
    words = said(document)
    assert "Harefield Hospice\u00a014" not in words and "2024/25 15" not in words
    assert "palliative care team" in words.replace("\u00a0", " ")
    assert "Our volunteers" in texts_of(document)
    assert any(block.__class__.__name__ == "Table" for block in document.blocks)


@pytest.mark.parametrize(("name", "title", "organisation", "heading"), [
    ("fenwick-wildlife-impact-report", "Impact Report 2024", "Fenwick Valley Wildlife Trust",
     "From our Chief Executive"),
    ("ashgrove-foundation-annual-report", "Annual Report 2023\u201324",
     "Ashgrove Community Foundation", "Our year in numbers"),
    ("hospice-impact-mirrored-feet", "Impact Report 2024/25", "Harefield Hospice",
     "Caring in the community"),
    ("harbour-culture-association-report-zh", "2024-25年報", "海濱文化協會", "主席報告"),
])  # fmt: skip
def test_a_reports_cover_its_running_heads_repeat_is_its_front_matter(
        name, title, organisation, heading):
    """A report copied from its PDF, its cover at the top (the report's name over the
    body's, or under it) and its pages' heads or feet saying the cover's words again. The
    cover is the opener's: the report's name the title, the body's the organisation; the
    heading under it heads the first section, a letter's greeting under it or not. Every
    head and foot beside a folio goes (the cover had gone as a running head, the first
    section's heading titling the text)."""
    document, report = read_scraped(PRINTED / f"{name}.txt", Metadata(title=""))
    assert (document.metadata.title, document.metadata.organisation) == (title, organisation)
    assert isinstance(document.blocks[0], Heading) and document.blocks[0].text == heading
    furniture = [drop for drop in report["dropped"]
                 if drop["reason"].startswith("printed page debris")]
    assert len(furniture) >= 3 and all(drop["lines"][0] > 2 for drop in furniture)
    words = said(document)
    assert title not in words and organisation not in texts_of(document)


@pytest.mark.parametrize(("label", "title", "section", "line"), [
    ("Chapter 5", "Restoring the Upland Peat Bogs", "5.1 Where we worked", LINE),
    ("CHAPTER FIVE", "Restoring the Upland Peat Bogs", "5.1 Where we worked", LINE),
    ("第五章", "高地泥炭沼澤的修復工作", "5.1 工作範圍",
     "本年度我們在上游河岸種植了赤楊和柳樹，並由義工們定期巡查河道兩旁的植被生長情況，"),
])  # fmt: skip
def test_a_chapters_title_under_its_label_stays_though_the_heads_repeat_it(
        label, title, section, line):
    """A chapter copied from its PDF, its label over its title atop the first page, the
    right pages' heads saying the title beside their folios: the title is the text's,
    after its label where the metadata gives the subtitle; the heads go (the title had gone
    as one, the label alone titling the text)."""
    wide = " " * 8
    page = [f"{line} {n}" for n in range(2, 11)]
    lines = ([label, title, "", section, "", *page, f"{title}{wide}17", *page,
              f"18{wide}Moorland Trust Annual Report 2024", *page, f"{title}{wide}19"])
    document, report = scraped_document(
        "chapter", "\n".join(lines), Metadata(title="", subtitle="Annual Report 2024",
                                              language="en-GB" if line is LINE else "zh-HK"))
    parted = ": " if line is LINE else "\u3000"
    assert document.metadata.title == f"{label}{parted}{title}"
    assert document.blocks[0].text.replace("\u00a0", " ") == section
    heads = [drop for drop in report["dropped"] if drop["text"].startswith(title)]
    assert len(heads) == 2 and all(drop["lines"][0] > 2 for drop in heads)


def test_a_foot_over_the_next_pages_head_worded_apart_is_furniture():
    """A left page's foot (`Westmoor Care Trust⇥8`) right over the next page's head
    (`Quality Account 2024⇥9`), both ending in their figure: two shapes counting on
    together, one page's furniture touching the next one's, not two headings."""
    wide = " " * 8
    page = [f"{LINE} worked on {n} more sites than the year before, and" for n in range(2, 10)]
    lines = ([f"Page text {number}: {line}" for number, line in enumerate(page)] + [
        "kept the records the auditors asked for.", f"Westmoor Care Trust{wide}8", "",
        f"Quality Account 2024{wide}9"] + page + ["and the year closed on budget.",
                                                    f"Westmoor Care Trust{wide}10", "",
                                                    f"Quality Account 2024{wide}11"]
        + page[:4] + ["and so it ends.", f"Westmoor Care Trust{wide}12"])
    document, report = scraped_document("account", "\n".join(lines), Metadata(title=""))
    folios = [drop for drop in report["dropped"]
              if drop["reason"] == "printed page debris: page number"]
    assert len(folios) == 5
    assert "Westmoor Care Trust" not in said(document)
    assert not any(isinstance(block, Heading) for block in document.blocks)


def test_a_numbered_heading_at_a_pages_top_under_a_finished_sentence_is_a_heading():
    """A paragraph ending its sentence at a page's foot ends there: the numbered heading
    atop the next page, under the folio (`Trustees' Report 2024 | 9`), is a heading, not
    the paragraph's last words; a sentence the page parts runs on over its folio."""
    body = ("The food bank gave out more parcels this year than in any year before, and its "
            "volunteers sorted")
    page = textwrap.wrap(" ".join([body] * 4), 80)
    lines = (["4.1 Parcels", ""] + page + ["every parcel by hand in the church",
                                           "Trustees' Report 2024 | 8",
                                           "hall, where they worked in pairs, and"]
             + page + ["and checked the dates on every tin and packet before it went out.",
                       "Trustees' Report 2024 | 9", "4.2 Volunteers", ""]
             + page + ["and every shift was full.", "Trustees' Report 2024 | 10"])
    document, _ = scraped_document("report", "\n".join(lines), Metadata(title="Our year"))
    headings = [block.text.replace("\u00a0", " ") for block in document.blocks
                if isinstance(block, Heading)]
    assert headings == ["4.1 Parcels", "4.2 Volunteers"]
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert len(paragraphs) == 2
    assert "in the church hall, where" in paragraphs[0].replace("\u00a0", " ")
    assert paragraphs[0].endswith("before it went out.")


REPEATED = "The lock keepers logged 6,200 boat passages through the flight, most"
GOING_ON = "of them hire boats crewed by families new to the canal this summer."
SITES = ["the aqueduct", "the tunnel mouth", "the top lock", "the wharf", "the boatyard",
         "the swing bridge", "the reservoir feeder", "the old basin"]


def towpath(first: int) -> list[str]:
    """A paragraph's lines of running text, from the `first` site on."""
    return textwrap.wrap(" ".join(
        f"Volunteers cleared the towpath hedges from {one} to {other}, and the work boat "
        "took the cuttings away." for one, other in itertools.pairwise(SITES[first:])), 78)


def test_a_body_line_written_again_and_again_beside_the_folios_is_text():
    """A report copied out of a PDF whose text opens paragraphs with the same line again
    and again, at a page's foot over its folio and at the next page's top under its head,
    and once after a sentence's end inside a paragraph: each is the text's, a paragraph's
    run of lines holding it, its next line going on with its sentence (they had been taken
    for running heads and dropped everywhere, paragraphs opening `of them …`); the heads
    under the folios go, one between a sentence's halves too."""
    lines = (["Fenwick Canal Society", "", REPEATED, GOING_ON, "", *towpath(0), "",
              REPEATED, GOING_ON, "", *towpath(2), "", REPEATED, "7", "Year Book 2024",
              GOING_ON, *towpath(1), "The lock keepers logged the passages by hand, and", "8",
              "Fenwick Canal Society | Year Book 2024",
              "the flight's figures were sent to the trust each month.", "", *towpath(0),
              "9", "Year Book 2024", REPEATED, GOING_ON, *towpath(3),
              "Work went on through the winter.", REPEATED, GOING_ON, "", *towpath(0),
              "10", "Fenwick Canal Society | Year Book 2024"])
    document, report = scraped_document("year-book", "\n".join(lines),
                                        Metadata(title="Fenwick Canal Society"))
    words = said(document).replace("\u00a0", " ")
    assert words.count(f"{REPEATED} {GOING_ON}") == 5
    assert "Year Book 2024" not in words
    assert "by hand, and the flight\u2019s figures were sent" in words
    heads = [drop["text"] for drop in report["dropped"]
             if drop["reason"].endswith("running head or foot")]
    assert heads == ["Year Book 2024", "Fenwick Canal Society | Year Book 2024",
                     "Year Book 2024", "Fenwick Canal Society | Year Book 2024"]


def test_a_left_pages_foot_naming_the_body_and_report_goes_though_its_paragraphs_are_lines():
    """A chapter copied a paragraph a line, whose right pages' foot says the chapter's name
    and the figure (`Salmon and Sea Trout in the Tamlin Rivers⇥21`) and whose left page's
    says the figure and the board's name with its report's (`22⇥Tamlin Fisheries Board
    Review of the Year 2023`): a page of a few long lines holds a page's worth of printed
    lines, so the two shapes count the pages on together. The left foot goes, listed as a
    folio; it had been a heading, the sections under it a level deeper."""
    path = PRINTED / "fisheries-board-chapter.txt"
    document, report = read_scraped(path, load_metadata(path.with_suffix(".toml"), ["print"]))
    folios = [drop["text"] for drop in report["dropped"]
              if drop["reason"] == "printed page debris: page number"]
    assert "22\tTamlin Fisheries Board Review of the Year 2023" in folios and len(folios) == 3
    headings = [(block.text, block.level) for block in document.blocks
                if isinstance(block, Heading)]
    assert headings == [("5.1\u00a0Returning fish", 1), ("5.2\u00a0Juvenile surveys", 1),
                        ("5.3\u00a0Barriers to migration", 1)]


@pytest.mark.parametrize("foot", [True, False])
def test_a_pages_notes_over_the_next_section_are_notes(foot):
    """Notes a page sets under its text by bare figures, called after a full stop
    (`installed.1`), standing mid-text over the next page's section (`5.3 Barriers to
    migration`), its left foot between or lost: the notes end where a note's sentence ends
    and no note's figure opens the next line. They go to the text's end, the calls made
    references; they had been paragraphs opened by `[1]` before the section."""
    path = PRINTED / "fisheries-board-chapter.txt"
    text = path.read_text()
    if not foot:
        text = "\n".join(line for line in text.split("\n") if not line.startswith("22\t"))
    document, _ = scraped_document("chapter", text,
                                   load_metadata(path.with_suffix(".toml"), ["print"]))
    notes = [block for block in document.blocks if isinstance(block, Note)]
    assert [note.label for note in notes] == ["1", "2", "3"]
    assert notes[2].text == "The weir was notched in the autumn of 2020 to let fish pass at most flows."
    assert all(isinstance(block, Note) for block in document.blocks[-3:])
    assert "[1]" not in said(document) and "Barriers to migration" not in notes[2].text
    calls = [span.note for block in document.blocks if isinstance(block, Paragraph)
             for span in block.spans if span.note]
    assert calls == ["1", "2", "3"]


@pytest.mark.parametrize("text", [
    ("Research Highlights 2024\n\nThe Institute published 214 papers in 2024.[a] Research "
     "income rose to HK$412 million.[b]\n\nA new cohort study began recruiting in September."
     "\n\nNotes\n[a] Including conference papers.\n[b] Excluding capital grants.\n"),
    ("研究摘要\n\n本院於年內發表論文二百一十四篇。[a]研究收入增至四億元。[b]\n\n一項新的長者研究於九月開始招募。\n\n"
     "註釋\n[a] 包括會議論文。\n[b] 不包括基建撥款。\n"),
])
def test_notes_lettered_in_brackets_are_notes_their_calls_references(text):
    """`…in 2024.[a]` over `Notes`, `[a] Including …`: each call a note's reference, each
    note a note, the paragraph no heading (it had ended in `[b]`, no sentence's end, and been
    read as one; its notes as paragraphs, their labels kept); a word's letters never calls."""
    document, _ = scraped_document("highlights", text, Metadata(title=""))
    assert [block.label for block in document.blocks if isinstance(block, Note)] == ["a", "b"]
    assert isinstance(document.blocks[0], Paragraph)
    assert [span.note for span in document.blocks[0].spans if span.note] == ["a", "b"]
    assert "[" not in document.blocks[0].text
    markup = write_markup(document)
    assert read_markup(markup, Path("x.md"), document.metadata, Path(".")).blocks == \
        document.blocks
