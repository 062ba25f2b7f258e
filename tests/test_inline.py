"""Superscripts, subscripts and links: kept by every reader, written by every writer, the same
in pandoc's reading of the marked-up form, and web addresses never touched by the typography."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from pipeline.layouts import load_layout
from pipeline.model import Document, Heading, Metadata, Paragraph, Span, from_json, to_json
from pipeline.readers.cleaning import clean_spans
from pipeline.readers.docx.draft import docx_document
from pipeline.readers.markup import read_markup
from pipeline.readers.scraped import scraped_document
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.html import render_html
from pipeline.writers.markup import write_markup

from .conftest import ROOT

NBSP = "\u00a0"
# A water company's bulletin, in the words of its own web page: a formula, a unit, a link.
SPANS = (
    Span("Nitrate stayed below 50 mg/l, and CO"), Span("2", position="subscript"),
    Span(" emissions fell to 1.2 × 10"), Span("6", position="superscript"),
    Span(" tonnes; see "), Span("our ", link="https://water.example.org/report?year=2023-24"),
    Span("annual report", italic=True, link="https://water.example.org/report?year=2023-24"),
    Span(" or "), Span("https://water.example.org/a_(b)", link="https://water.example.org/a_(b)"),
    Span("."),
)
DOCUMENT = Document("bulletin", Metadata(title="Water Quality Bulletin"), None,
                    (Heading("Results"), Paragraph(clean_spans(SPANS))))


def test_a_web_address_in_scraped_text_is_a_link_and_kept_as_written():
    text = ("Water Quality Bulletin\n\nThe report for 2023-24 is at "
            "https://water.example.org/report-2023-24--final.pdf, and at www.example.org/old.\n")
    paragraph = scraped_document("bulletin", text, Metadata(title=""))[0].blocks[0]
    address = "https://water.example.org/report-2023-24--final.pdf"
    assert paragraph.spans == (Span("The report for 2023–24 is at "), Span(address, link=address),
                               Span(", and at "),
                               Span("www.example.org/old", link="https://www.example.org/old"),
                               Span("."))


@pytest.mark.parametrize(("text", "addresses"), [
    ("The survey is cited as doi.org/10.5555/tide-2024.07 in the journal, e.g. in No.5, and "
     "its tables are in tables_v2.xlsx and annex.pdf (a rise of 3.5 per cent).",
     ["doi.org/10.5555/tide-2024.07"]),
    ("Volunteers may register at www.riverkeepers.example.org.uk/join or at "
     "lighthouse.example.net; the 2.1.3 release notes are at Node.js, i.e. nowhere.",
     ["www.riverkeepers.example.org.uk/join", "lighthouse.example.net"]),
    ("年報全文載於www.harbour-trust.example.org.hk/tc/report，論文見doi.org/10.5555/abc-123。"
     "附件見附錄3.5及annex.pdf。", ["www.harbour-trust.example.org.hk/tc/report",
                                 "doi.org/10.5555/abc-123"]),
    ("The installer ships strings.mo, intro.au and setup.com (see README.md and data.csv); "
     "the office is at gov.mo, www.gov.mo and portal.example.mo, the advice at "
     "nhs.uk/conditions, not nhs.uk.",
     ["gov.mo", "www.gov.mo", "portal.example.mo", "nhs.uk/conditions"]),
    ("安裝程式附strings.mo及setup.com，詳見edu.mo及portal.example.mo。",
     ["edu.mo", "portal.example.mo"]),
    ("The gauges report to example.org:8080/status and portal.example.mo:8443, the error to "
     "strings.mo:12 and intro.au:443.", ["example.org:8080/status", "portal.example.mo:8443"]),
    ("水位資料見intranet.example.org.hk:8443/tc/gauges。", ["intranet.example.org.hk:8443/tc/gauges"]),
])
def test_a_bare_address_is_a_link_written_as_it_was(text, addresses):
    """A web address with no scheme (`www.…`, a DOI's `doi.org/…`, a host's name) is a link
    as one written out in full is, to it with https:// before it, its words as written (it
    had been plain text, in every edition and the draft); an abbreviation, a number, a
    figure or a file's name is none, nor a host's name alone that may be a file's, its
    extension a top-level domain (`strings.mo`; `messages.mo` had been linked), even with
    a line's number (`strings.mo:12`). A port is the address's, with the path after it
    (`example.org` alone had been linked, `:8080/status` left after it). A host's empty
    path is written `/`, as a word processor saving the draft writes it."""
    paragraph = scraped_document("notes", f"Notes\n\n{text}\n", Metadata(title=""))[0].blocks[0]
    assert [(span.text, span.link) for span in paragraph.spans if span.link] == [
        (address, f"https://{address}" + ("" if "/" in address else "/"))
        for address in addresses]


@pytest.mark.parametrize("address", ["doi.org/10.5555/tide-2024", "example.org:8080/tide"])
@pytest.mark.parametrize("layout", ["screen", "print"])
def test_a_bare_address_is_linked_in_the_editions_and_the_draft(layout, address):
    """On screen a link, in print its words alone (they are its address), in the draft a
    hyperlink to it with its scheme; a port and the path after it inside the link."""
    document = scraped_document("notes", f"Notes\n\nThe data are at {address} for all.\n",
                                Metadata(title=""))[0]
    html = render_html(document, load_layout(ROOT / "layouts", layout))
    paragraph = re.sub("[\u200b\u2060]", "", next(line for line in html.splitlines()
                                                  if "data are" in line))
    assert paragraph.count(address) == (1 if layout == "print" else 2)
    assert (f'<a href="https://{address}">' in paragraph) == (layout != "print")
    draft = docx.Document(io.BytesIO(write_docx(document, load_layout(ROOT / "layouts", layout),
                                                ROOT / "source")))
    assert [(draft.part.rels[link.get(qn("r:id"))].target_ref,
             "".join(text.text for text in link.iter(qn("w:t"))))
            for link in draft.element.body.iter(qn("w:hyperlink"))] == [
        (f"https://{address}", address)]


def test_the_json_form_keeps_position_and_link():
    assert from_json(json.loads(json.dumps(to_json(DOCUMENT)))) == DOCUMENT


def test_the_marked_up_form_writes_them_as_pandoc_does_and_reads_them_back(tmp_path):
    markup = write_markup(DOCUMENT)
    assert markup.endswith(
        "Nitrate stayed below 50" + NBSP + "mg/l, and CO~2~ emissions fell to 1.2 × 10^6^"
        + NBSP + "tonnes; see [our *annual report*](https://water.example.org/report?year=2023-24) or"
        " <https://water.example.org/a_(b)>.\n")
    assert read_markup(markup, tmp_path / "bulletin.md", DOCUMENT.metadata, tmp_path) == DOCUMENT


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_the_marked_up_form_alike():
    result = subprocess.run(["pandoc", "-f", "markdown", "-t", "json"],
                            input=write_markup(DOCUMENT).split("\n\n", 1)[1], text=True,
                            capture_output=True, check=True)
    inlines = json.loads(result.stdout)["blocks"][1]["c"]
    kinds = [inline["t"] for inline in inlines]
    assert "Subscript" in kinds and "Superscript" in kinds
    links = [inline["c"][2][0] for inline in inlines if inline["t"] == "Link"]
    assert links == ["https://water.example.org/report?year=2023-24",
                     "https://water.example.org/a_(b)"]


def test_marked_up_text_reads_superscripts_subscripts_and_links(tmp_path):
    text = ("\nH~2~O and x^2^, ~50 people, a ^ alone, ~~not struck~~; [the *site*](<https://a.example/b c>)"
            " and <mailto:ann@example.org>; a bare https://b.example/x too.\n")
    spans = read_markup(text, tmp_path / "p.md", Metadata(title="T"), tmp_path).blocks[0].spans
    assert spans == (
        Span("H"), Span("2", position="subscript"), Span("O and x"),
        Span("2", position="superscript"),
        Span(", ~50" + NBSP + "people, a ^ alone, ~~not struck~~; "),
        Span("the ", link="https://a.example/b c"),
        Span("site", italic=True, link="https://a.example/b c"), Span(" and "),
        Span("mailto:ann@example.org", link="mailto:ann@example.org"), Span("; a bare "),
        Span("https://b.example/x", link="https://b.example/x"), Span(" too."),
    )


def test_a_heading_keeps_raised_and_lowered_figures_as_unicode_ones(tmp_path):
    document = read_markup("\n# CO~2~ and 10^6^ tonnes\n", tmp_path / "p.md", Metadata(title="T"),
                           tmp_path)
    assert document.blocks == (Heading("CO₂ and 10⁶" + NBSP + "tonnes"),)


@pytest.mark.parametrize("layout", ["screen", "large-print", "print"])
def test_html_raises_lowers_and_links_and_print_keeps_the_address(layout):
    html = render_html(DOCUMENT, load_layout(ROOT / "layouts", layout))
    paragraph = next(line for line in html.splitlines() if "Nitrate" in line)
    assert "CO<sub>2</sub>" in paragraph and "10<sup>6</sup>" in paragraph
    if layout == "print":  # paper: no link, the address after the words that named it
        assert "<a " not in paragraph
        # The space before an element is set inside it (blocks.SPACE_BEFORE_ELEMENT).
        assert "our<em> annual report</em> (<span class=\"address\">" in paragraph
        shown = re.sub("[\u200b\u2060]", "", paragraph)  # the address's break points
        assert shown.count("https://water.example.org/a_(b)") == 1
    else:
        # A link's space is set in a plain span around it, not in the link.
        assert ('see<span> <a href="https://water.example.org/report?year=2023-24">our<em> '
                'annual report</em></a></span>') in paragraph
        assert paragraph.count("<a ") == 2  # the address shown as itself is one link, not two


def test_the_docx_draft_raises_lowers_and_links_in_words_own_terms():
    data = write_docx(DOCUMENT, load_layout(ROOT / "layouts", "print"), ROOT / "source")
    draft = docx.Document(io.BytesIO(data))
    body = draft.element.body
    assert [v.get(qn("w:val")) for v in body.iter(qn("w:vertAlign"))] == ["subscript", "superscript"]
    links = list(body.iter(qn("w:hyperlink")))
    assert [draft.part.rels[link.get(qn("r:id"))].target_ref for link in links] == [
        "https://water.example.org/report?year=2023-24", "https://water.example.org/a_(b)"]
    assert all(draft.part.rels[link.get(qn("r:id"))].is_external for link in links)
    assert docx_document(data, Path("bulletin.docx"), DOCUMENT.metadata) == DOCUMENT


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "screen", "large-print"])
def test_every_edition_with_links_passes_its_preflight(layout, tmp_path):
    """Print sets a link's address after its words; its text-complete check expects it. Large
    print sets a superscript and a subscript no smaller than its body."""
    from pipeline.checks.preflight import preflight
    from pipeline.writers.pdf.render import render_pdf

    settings = load_layout(ROOT / "layouts", layout)
    pdf = tmp_path / f"bulletin-{layout}.pdf"
    pdf.write_bytes(render_pdf(DOCUMENT, settings, ROOT / "source"))
    report = preflight(pdf, DOCUMENT, settings, ROOT / "source")
    assert not report.errors, report.errors
