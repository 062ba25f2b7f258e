"""Displayed quotations, and lines kept as lines: set apart from the text.

A scraped text shows one by its indent (a web page's blockquote, pasted): a block of
sentences each line of which is indented by a tab or four spaces, where the text's own
paragraphs stand at the margin. The editions set it indented on both sides, the tagged ones
tag it BlockQuote; the DOCX draft writes it in Word's Quote style, and reads back Word's,
pandoc's and LibreOffice's quotation styles as one. A block so indented of short lines and
no sentence (an address) is lines kept as lines: pandoc's line block, never headings."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace

import docx
import pikepdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import (
    Document,
    Heading,
    LineBlock,
    List,
    Metadata,
    Paragraph,
    Quotation,
    Span,
    Table,
    plain,
)
from pipeline.pdf.structure import kids_of, structure_elements
from pipeline.readers.docx.draft import docx_document
from pipeline.readers.scraped import scraped_document
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.html import render_html
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT
from .support import libreoffice

LAYOUTS = ROOT / "layouts"
QUOTED = ("When the boat is on time I do not think about it at all. When it is late, I "
          "have to explain to my ward sister why I missed the handover.")
TEXT = ("Passenger survey\n\nOur survey drew 3,212 responses. Most comments concerned waiting "
        "times at the piers.\n\nOne regular passenger, a nurse, wrote:\n\n{indent}When the boat "
        "is on time I do not think about it at all.\n{indent}When it is late, I have to explain "
        "to my ward sister why I missed the handover.\n\nWe have taken that comment to heart.\n")


def blocks_of(text: str, language: str = "en-GB") -> tuple:
    return scraped_document("piece", text, Metadata(title="Review", language=language))[0].blocks


@pytest.mark.parametrize("indent", ["    ", "\t", "        "])
def test_a_block_indented_under_flush_paragraphs_is_a_displayed_quotation(indent):
    blocks = blocks_of(TEXT.format(indent=indent))
    quotations = [block for block in blocks if isinstance(block, Quotation)]
    assert " ".join(block.text for block in quotations) == QUOTED  # a paragraph a line
    assert isinstance(blocks[blocks.index(quotations[-1]) + 1], Paragraph)


@pytest.mark.parametrize(("verse", "language"), [
    ("    Water remembers every pipe,\n    every valve, every hand,\n    every promise kept.",
     "en-GB"),
    ("    國破山河在，\n    城春草木深。\n    感時花濺淚，\n    恨別鳥驚心。", "zh-HK"),
])
def test_verse_displayed_keeps_its_lines(verse, language):
    """Lines well short of the text's and not each a sentence are verse: kept as lines (a
    line block), not joined into a paragraph of quotation."""
    text = TEXT.format(indent="    ").replace(
        "    When the boat is on time I do not think about it at all.\n    When it is late, I "
        "have to explain to my ward sister why I missed the handover.", verse)
    (lines,) = [block for block in blocks_of(text, language) if isinstance(block, LineBlock)]
    assert [plain(line).strip() for line in lines.lines] == [
        line.strip() for line in verse.split("\n")]


@pytest.mark.parametrize("indent", ["", "  ", "\u3000\u3000"])
def test_a_paragraphs_own_indent_quotes_nothing(indent):
    """Two spaces, or Chinese's two full-width ones, open a paragraph; none, nothing."""
    assert not any(isinstance(block, Quotation) for block in blocks_of(TEXT.format(indent=indent)))


def test_a_text_indented_throughout_quotes_nothing():
    text = "\n\n".join("    " + line for line in TEXT.format(indent="").split("\n\n"))
    assert not any(isinstance(block, Quotation) for block in blocks_of(text))


def test_indented_items_rows_and_lines_without_a_sentence_stay_what_they_are():
    text = ("Our year\n\nThe first paragraph says what follows.\n\nWe did three things:\n\n"
            "    - opened a branch;\n    - lent e-books;\n    - trained staff.\n\n"
            "    Branch    Loans\n    Central    1,204\n    Harbour    988\n\n"
            "    Looking ahead\n\nThe last paragraph ends the text.\n")
    blocks = blocks_of(text)
    assert not any(isinstance(block, Quotation) for block in blocks)
    assert any(isinstance(block, List) for block in blocks)
    assert any(isinstance(block, Table) for block in blocks)


def test_a_chinese_quotation_indented_by_spaces():
    text = ("年度回顧\n\n本年度乘客調查共收到三千多份回應。\n\n有乘客在意見中寫道：\n\n"
            "    船準時的時候，我從來不會想起它；船遲到的時候，我就要向病房主管解釋。\n\n"
            "我們會認真跟進。\n")
    blocks = blocks_of(text, "zh-HK")
    assert [type(block).__name__ for block in blocks] == [
        "Heading", "Paragraph", "Paragraph", "Quotation", "Paragraph"]


@pytest.mark.parametrize(("attribution", "shown"), [
    ("- Professor Richard TSANG, Chair of the Board", "– Professor\u00a0Richard TSANG, Chair of the Board"),
    ("\u2014\u2014王立新教授", "——王立新教授"),
])
def test_a_dashed_last_line_is_the_quotations_attribution_under_it(attribution, shown):
    text = TEXT.format(indent="    ").replace(
        "the handover.\n", f"the handover.\n    {attribution}\n")
    blocks = blocks_of(text)
    at = next(index for index, block in enumerate(blocks) if block.text == shown)
    assert isinstance(blocks[at - 1], Quotation) and type(blocks[at]) is Paragraph
    html = render_html(Document("piece", Metadata(title="Review"), None, tuple(blocks)),
                       load_layout(LAYOUTS, "print"))
    assert re.search(f'<p data-block="{at}"( lang="[^"]+")? class="attribution">', html)


@pytest.mark.parametrize(("attribution", "shown"), [
    ("> \u2014 Margaret Lam, 1965", "\u2013 Margaret Lam, 1965"),
    ("> - Professor Richard TSANG, Chair of the Board",
     "\u2013 Professor\u00a0Richard TSANG, Chair of the Board"),
])
def test_a_mails_quotation_keeps_its_attribution_quoted_under_it(attribution, shown):
    """Lines a mail's quote marks open, the last opened by a dash: the quotation and who
    said it under it, as an indented block's, no quote mark in either (both had been
    paragraphs keeping their `>`)."""
    text = ("A letter from our founder\n\nIn 1965 our founder wrote to the first members:\n\n"
            "> We are not building a club. We are building a habit of helping.\n"
            f"{attribution}\n\nThose words still guide us today.\n")
    blocks = blocks_of(text)
    at = next(index for index, block in enumerate(blocks) if block.text == shown)
    assert blocks[at - 1] == Quotation((Span(
        "We are not building a club. We are building a habit of helping."),))
    assert type(blocks[at]) is Paragraph


def document_with_quotation(language: str = "en-GB") -> Document:
    return Document("piece", Metadata(title="Review", language=language), None, (
        Paragraph((Span("A nurse wrote:"),)),
        Quotation((Span("When the boat is "), Span("late", italic=True), Span(", I explain."))),
        Paragraph((Span("We agree."),)),
    ))


def test_the_html_sets_it_in_a_blockquote_indented_on_both_sides():
    html = render_html(document_with_quotation(), load_layout(LAYOUTS, "print"))
    assert '<blockquote class="quotation" data-block="1"><p>When the boat is' in html
    css = (LAYOUTS / "templates" / "base.css").read_text(encoding="utf-8")
    assert "blockquote.quotation {\n  margin: 0.8em 2em;" in css


def test_the_draft_writes_words_style_and_reads_it_back_as_it_was():
    document = document_with_quotation()
    data = write_docx(document, load_layout(LAYOUTS, "print"), ROOT / "source")
    paragraph = next(paragraph for paragraph in docx.Document(io.BytesIO(data)).paragraphs
                     if paragraph.text.startswith("When"))
    assert paragraph.style.name == "Quote"
    assert paragraph.paragraph_format.left_indent is None  # the style's, as Word sets it
    assert paragraph.style.paragraph_format.left_indent > 0 and not paragraph.style.font.italic
    assert paragraph.style.font.cs_italic is False  # nor in a complex script's runs
    assert paragraph.style.next_paragraph_style.name == "Body Text"
    assert docx_document(data, ROOT / "piece.docx", document.metadata).blocks == document.blocks


@pytest.mark.parametrize(("language", "quoted", "attribution"), [
    ("en-GB", "The river taught us patience.", "\u2013 Dr\u00a0Amina Okafor, Trustee"),
    ("zh-HK", "河流教會我們耐性。", "——陳美玲博士"),
])
def test_the_draft_sets_an_attribution_under_its_quotation_and_reads_it_back(
        language, quoted, attribution):
    """Who said it, as the editions set it: at the right, under the quotation and kept with
    it, in a style of its own whose look (a house style's italic) is no emphasis."""
    document = Document("piece", Metadata(title="Review", language=language), None, (
        Paragraph((Span("A trustee said:"),)),
        Quotation((Span(quoted),)),
        Paragraph((Span(attribution),)),
        Paragraph((Span("We agree."),)),
    ))
    data = write_docx(document, load_layout(LAYOUTS, "print"), ROOT / "source")
    draft = docx.Document(io.BytesIO(data))
    by_text = {paragraph.text: paragraph for paragraph in draft.paragraphs}
    said = by_text[attribution]
    assert said.style.name == "Attribution" and said.style.base_style.name == "Normal"
    assert said.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert said.style.paragraph_format.right_indent > 0
    assert by_text[quoted].paragraph_format.keep_with_next
    assert by_text["We agree."].style.name == "Body Text"
    assert docx_document(data, ROOT / "piece.docx", document.metadata).blocks == document.blocks
    said.style.font.italic = True  # an editor's, or a house style's, look
    saved = io.BytesIO()
    draft.save(saved)
    assert docx_document(saved.getvalue(), ROOT / "piece.docx",
                         document.metadata).blocks == document.blocks


@pytest.mark.parametrize("style", ["Quote", "Intense Quote"])
def test_a_quotation_styled_as_word_or_pandoc_styles_one_is_read_as_one(style):
    """Word's Quote style is italic as a whole: its look, not the words' emphasis."""
    draft = docx.Document()
    draft.add_paragraph("A nurse wrote:", style="Normal")
    draft.add_paragraph("When the boat is on time I do not think about it.", style=style)
    saved = io.BytesIO()
    draft.save(saved)
    blocks = docx_document(saved.getvalue(), ROOT / "piece.docx", Metadata(title="T")).blocks
    assert blocks[1] == Quotation((Span("When the boat is on time I do not think about it."),))


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_the_tagged_editions_tag_it_blockquote_and_the_preflight_counts_it(layout, tmp_path):
    """A quotation of two paragraphs is one BlockQuote of two P (ISO 32000-1 14.8.4.3.2); a
    line block is one P, its lines parted by spaces as they are read."""
    opening, quoted, closing = document_with_quotation().blocks
    document = replace(document_with_quotation(), blocks=(
        opening, quoted, Quotation((Span("And the boards help."),)), closing,
        LineBlock(((Span("Central Library"),), (Span("1 Harbour Road"),)))))
    path = tagged_with_one_blockquote_of_two(document, layout, tmp_path)
    assert "Central Library 1 Harbour Road" in " ".join(pdf_words(path))


def tagged_with_one_blockquote_of_two(document, layout: str, folder):
    """`document`'s edition in `layout`, its tag tree checked: one BlockQuote, of two P, and
    the preflight's logical structure passed; the PDF's path."""
    path = folder / f"piece-{layout}.pdf"
    settings = load_layout(LAYOUTS, layout)
    path.write_bytes(render_pdf(document, settings, ROOT / "source"))
    pdf = pikepdf.open(path)
    (quotation,) = [element for element in structure_elements(pdf.Root.StructTreeRoot)
                    if element.S == pikepdf.Name.BlockQuote]
    assert [kid.S for kid in kids_of(quotation)] == [pikepdf.Name.P] * 2
    report = preflight(path, document, settings, ROOT / "source")
    structure = next(check for check in report.checks if check.rule == "logical-structure")
    assert structure.passed, structure.message
    return path


@pytest.mark.slow
def test_a_draft_saved_by_libreoffice_keeps_its_quotation(tmp_path):
    document = document_with_quotation()
    draft = tmp_path / "piece.docx"
    draft.write_bytes(write_docx(document, load_layout(LAYOUTS, "print"), ROOT / "source"))
    saved = tmp_path / "saved"
    libreoffice(tmp_path / "lo", "--convert-to", "docx", "--outdir", str(saved), str(draft))
    read = docx_document((saved / "piece.docx").read_bytes(), draft, document.metadata)
    assert read.blocks == document.blocks


@pytest.mark.parametrize("address", [
    ["Riverside Water Trust", "Unit 1203, 12/F, Harbour Centre", "25 Harbour Road, Wan Chai",
     "Hong Kong"],
    ["香港中環", "皇后大道中100號", "文物大廈8樓"],
])
def test_an_indented_block_of_short_lines_is_kept_as_lines_never_headings(address):
    indented = "\n".join(f"    {line}" for line in address)
    blocks = blocks_of(TEXT.format(indent="").replace(
        "We have taken", f"Write to us at:\n\n{indented}\n\nWe have taken"))
    (lines,) = [block for block in blocks if isinstance(block, LineBlock)]
    assert [text.replace("\u00a0", " ") for text in lines.texts] == address  # 25 Harbour
    assert not any(isinstance(block, Heading) and block.text in address for block in blocks)
    document = Document("piece", Metadata(title="Review"), None, tuple(blocks))
    html = render_html(document, load_layout(LAYOUTS, "print"))
    assert '<p class="lines" data-block=' in html and "<br>" in html
    data = write_docx(document, load_layout(LAYOUTS, "print"), ROOT / "source")
    assert docx_document(data, ROOT / "piece.docx", document.metadata).blocks == document.blocks


def pdf_words(path) -> list[str]:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout.split()


@pytest.mark.parametrize("dinkus", ["* * *", "***", "＊＊＊", "\u2042"])
def test_a_section_break_is_centred_and_the_paragraph_under_it_opens_flush(dinkus, tmp_path):
    """Three asterisks on a paragraph of their own part a text's sections (a dinkus): every
    edition centres them, the paragraph under them flush as under a heading, and the draft
    centres them too; read back, they are the paragraph they were."""
    before = "By June the race ran clear for the first time in thirty years."
    after = "The second part of the year belonged to the schools."
    document = Document("river", Metadata(title="A Year on the River", language="en-GB"), None,
                        tuple(Paragraph((Span(text),)) for text in (before, dinkus, after)))
    html = render_html(document, load_layout(LAYOUTS, "print"))
    assert re.search(r'<p data-block="1" class="flush section-break"', html)
    assert re.search(r'<p data-block="2" class="flush"', html)
    data = write_docx(document, load_layout(LAYOUTS, "print"), tmp_path)
    centred = [paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs
               if paragraph.paragraph_format.alignment == 1]  # WD_ALIGN_PARAGRAPH.CENTER
    assert centred == [dinkus]
    assert docx_document(data, tmp_path / "river.docx", document.metadata,
                         document).blocks == document.blocks


@pytest.mark.parametrize(("typed", "set_as"), [
    ('We laid 12" and 18" mains, 5\' 10" below ground.',
     "We laid 12\u2033 and 18\u2033 mains, 5\u2032 10\u2033 below ground."),
    ("a 6'2\" player", "a 6\u20322\u2033 player"),
    ('He said "we need 10" and left.', "He said \u2018we need 10\u2019 and left."),
    ("in the 1990's and the '90s", "in the 1990\u2019s and the \u201990s"),
    ('a 5" screen and a "quote"', "a 5\u2033 screen and a \u2018quote\u2019"),
])
def test_a_straight_quote_measuring_after_a_figure_is_a_prime(typed, set_as):
    """Inches and feet typed with straight quotes (`12"`, `5' 10"`) are primes (″, ′): curled,
    they had read `12’` and `5’ 10’`, ten inches as ten feet; a quote closing a quotation
    after a figure, and `1990's`, are as before."""
    from pipeline.languages import detect

    assert detect(typed).typeset(typed) == set_as


@pytest.mark.slow
def test_a_quotations_attribution_is_read_within_its_blockquote(tmp_path):
    """Who said it, on the line a dash opens under a displayed quotation: the BlockQuote's
    last P, read with the quotation (it had been a P of the text after it, the screen
    reader's `dash Mrs Alice Chan` heard as the text's); the preflight's structure passes."""
    opening, quoted, closing = document_with_quotation().blocks
    said_by = Paragraph((Span("\u2013 Mrs Ruth OWUSU, a reader at Northgate"),))
    document = replace(document_with_quotation(), blocks=(opening, quoted, said_by, closing))
    tagged_with_one_blockquote_of_two(document, "screen", tmp_path)


def test_a_displayed_quotation_set_ragged_is_never_hyphenated():
    """A displayed quotation is set ragged right, as a display is: its words are never
    hyphenated ("the foreman moved the bar-" over "riers himself"),
    while the paragraphs around it are, in the print edition that hyphenates."""
    words = ("The foreman moved the barriers himself, and the maintenance crews monitored "
             "the embankment throughout the afternoon, documenting every irregularity. ")
    document = Document("quoted", Metadata(title="Quoted"), None, (
        Paragraph((Span(words * 3),)), Quotation((Span(words * 3),)), Paragraph((Span(words * 3),))))
    html = render_html(document, load_layout(LAYOUTS, "print"))
    quoted = re.search(r"<blockquote.*?</blockquote>", html, re.S).group()
    assert "\u00ad" not in quoted and "\u00ad" in html.replace(quoted, "")
