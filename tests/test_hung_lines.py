"""A label's numbered lines hang from the label: "附件：1.…" over "2.…", each next line under
the first one's number, as GB/T 9704 (7.3.5) sets a notice's attachments and an English
letter its enclosures; in every PDF edition and in the draft, whose reading gives the same
lines back."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.shared import Pt

from pipeline.layouts import load_layout
from pipeline.model import Document, LineBlock, Metadata, Paragraph, Span, cut, numbered_label
from pipeline.readers.docx.draft import docx_document
from pipeline.tasks.project import DRAFT_LAYOUT
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.html import render_html
from pipeline.writers.pdf.render import render_pdf

ROOT = Path(__file__).resolve().parent.parent

ATTACHMENTS = ("附件：1.东湖片区停水范围示意图", "2.西城片区停水范围示意图", "3.南岸片区停水范围示意图")
ENCLOSURES = ("Enclosures: 1. Site plan of the Marsh Lane depot", "2. Diversion routes",
              "3. Timetable of the works")


def lines_block(texts: tuple[str, ...]) -> LineBlock:
    return LineBlock(tuple((Span(text),) for text in texts))


def notice(texts: tuple[str, ...], language: str) -> Document:
    opening = ("我局定于2025年3月20日起对城区部分供水管网实施改造。" if language.startswith("zh")
               else "The works at Marsh Lane begin on 20 March and end by 30 April.")
    return Document("notice", Metadata(title="Notice", language=language), None,
                    (Paragraph((Span(opening),)), lines_block(texts)))


@pytest.mark.parametrize(("texts", "label"), [
    (ATTACHMENTS, "附件："),
    (ENCLOSURES, "Enclosures: "),
    (("附件：1.东湖片区停水范围示意图", "3.西城片区停水范围示意图"), ""),  # not numbered in turn
    (("附件：1.东湖片区停水范围示意图",), ""),  # one line: nothing hangs
    (("12 Marsh Lane", "Ashcombe", "AS3 9QT"), ""),  # an address
])
def test_a_label_is_found_only_over_lines_numbered_in_turn(texts, label):
    assert numbered_label(list(texts)) == label
    assert lines_block(texts).label == label


def test_spans_are_cut_after_a_number_of_characters_their_formatting_kept():
    spans = (Span("附件", bold=True), Span("：1.东湖"))
    assert cut(spans, 3) == ((Span("附件", bold=True), Span("：")), (Span("1.东湖"),))
    assert cut(spans, 2) == ((Span("附件", bold=True),), (Span("：1.东湖"),))
    assert cut(spans, 9) == (spans, ())


@pytest.mark.parametrize(("texts", "language"), [(ATTACHMENTS, "zh-Hans"),
                                                 (ENCLOSURES, "en-GB")])
def test_the_lines_hang_from_their_label_in_the_html(texts, language):
    """Three columns: the label (the first line's alone), the numbers, what they name."""
    html = render_html(notice(texts, language), load_layout(ROOT / "layouts", "print"))
    block = html[html.index('<p class="lines'):html.index("</p>", html.index('<p class="lines'))]
    labels = re.findall(r'<span class="label">(.*?)</span>', block)
    numbers = re.findall(r'<span class="number">(.*?)</span>', block)
    names = re.findall(r'<span class="name">(.*?)</span>', block)
    assert [label.replace("\u2060", "") for label in labels] == [
        texts[0][:texts[0].index("1.")], "", ""]
    assert [number.strip() for number in numbers] == ["1.", "2.", "3."]
    assert [name.replace("\u2060", "") for name in names] == [
        text.split(".", 1)[1].strip() for text in texts]


def test_a_long_name_wraps_under_its_own_first_character(tmp_path):
    """GB/T 9704, 7.3.5: a long attachment's name goes on under its first character (与上一行
    附件名称的首字对齐), not under its number; the next number stands under the first."""
    texts = (ATTACHMENTS[0], "2.西城片区、南岸片区及北港片区停水范围示意图与临时供水点分布图（含各供水点"
             "开放时间及联系电话）", ATTACHMENTS[2])
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(render_pdf(notice(texts, "zh-Hans"), load_layout(ROOT / "layouts", "print"),
                               tmp_path))
    first_number, third_number = starts(pdf, ("1.", "3."))
    lines = line_starts(pdf, texts[1][2:])
    assert len(lines) == 2  # it wraps
    assert abs(third_number - first_number) < 0.5
    assert abs(lines[1] - lines[0]) < 0.5 < lines[0] - first_number


def line_starts(pdf: Path, text: str) -> list[float]:
    """Where across the first page each line of `text` starts, as pdfium reads the page."""
    document = pdfium.PdfDocument(pdf)
    try:
        characters = document[0].get_textpage()
        page_text = characters.get_text_range()
        start = page_text.index(text[:4])
        starts: dict[float, float] = {}
        for index in range(start, start + len(text)):
            left, bottom, _, _ = characters.get_charbox(index, loose=True)
            if page_text[index].strip():
                starts.setdefault(round(bottom), left)
        return list(starts.values())
    finally:
        document.close()


def starts(pdf: Path, texts: tuple[str, ...]) -> list[float]:
    """Where across the first page each of `texts` starts, as pdfium reads the page."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        characters = page.get_textpage()
        text = characters.get_text_range()
        return [characters.get_charbox(text.index(each), loose=True)[0] for each in texts]
    finally:
        document.close()


@pytest.mark.parametrize(("texts", "language", "layout_name"), [
    (ATTACHMENTS, "zh-Hans", "print"), (ENCLOSURES, "en-GB", "print"),
    (ENCLOSURES, "en-GB", "large-print")])
def test_each_next_line_stands_under_the_first_ones_number(tmp_path, texts, language,
                                                            layout_name):
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(render_pdf(notice(texts, language),
                               load_layout(ROOT / "layouts", layout_name), tmp_path))
    opening = notice(texts, language).blocks[0].text[:3]
    paragraph, label, first, second, third = starts(
        pdf, (opening, texts[0][:2], *(f"{number}." for number in (1, 2, 3))))
    assert abs(second - first) < 0.5 and abs(third - first) < 0.5
    assert label < first - 20  # the label stands out to the left
    # where the text's paragraphs start their first line: at the left, or two characters in
    assert abs(label - paragraph) < 0.5


@pytest.mark.parametrize(("texts", "language", "indent_ems"), [(ATTACHMENTS, "zh-Hans", 2),
                                                                (ENCLOSURES, "en-GB", 0)])
def test_the_draft_hangs_them_and_reads_the_same_lines_back(texts, language, indent_ems):
    document = notice(texts, language)
    layout = load_layout(ROOT / "layouts", DRAFT_LAYOUT)
    data = write_docx(document, layout, ROOT)
    paragraph = next(paragraph for paragraph in docx.Document(io.BytesIO(data)).paragraphs
                     if paragraph.text.startswith(texts[0][:2]))
    size = layout.for_language(language).body_size_pt
    hang = -paragraph.paragraph_format.first_line_indent
    if language.startswith("zh"):  # the label's three full-width characters: three ems
        assert hang == Pt(3 * size)
    assert paragraph.paragraph_format.left_indent == Pt(indent_ems * size) + hang
    # The space ending a label of estimated width is a tab, ending at the hanging indent.
    assert paragraph.text.startswith("Enclosures:\t1." if language == "en-GB" else "附件：1.")
    read = docx_document(data, Path("notice.docx"), document.metadata, document)
    assert read.blocks[-1] == document.blocks[-1]


LETTER = """Marsh Lane depot: works to the water main

Dear residents,

{body}

Enclosures: 1. Site plan of the Marsh Lane depot
2. Diversion routes for traffic and buses
3. Timetable of the works

Ashcombe Water Services
14 March 2025
"""
UNWRAPPED = ("The works to renew the water main under Marsh Lane begin on 20 March and end by 30 "
             "April. Traffic will be diverted along Mill Road while the northern half of the "
             "lane is closed.")
WRAPPED = ("The works to renew the water main under Marsh Lane begin on 20 March\n"
           "and end by 30 April. Traffic will be diverted along Mill Road while the\n"
           "northern half of the lane is closed.")


@pytest.mark.parametrize("body", [UNWRAPPED, WRAPPED])
def test_a_letters_enclosures_each_shaped_as_a_heading_stay_its_lines(body):
    """"3. Timetable of the works" is shaped as a numbered heading, and would stand alone:
    under "Enclosures: 1. …" and "2. …" it is the third of the lines."""
    from pipeline.readers.scraped import scraped_document

    document, _ = scraped_document("marsh-lane-works", LETTER.format(body=body),
                                   Metadata(title=""))
    blocks = [block for block in document.blocks if isinstance(block, LineBlock)]
    assert [block.texts for block in blocks] == [list(ENCLOSURES[:1]) + [
        "2. Diversion routes for traffic and buses", "3. Timetable of the works"]]
    assert blocks[0].label == "Enclosures: "
