"""Underline and small capitals: text semantics pandoc carries (its Underline and SmallCaps),
kept by every reader and written by every writer; the same in pandoc's reading of the
marked-up form; small capitals only where letters have them (not on Chinese characters)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from pipeline.layouts import load_layout
from pipeline.model import Document, Metadata, Paragraph, Span, from_json, to_json
from pipeline.readers.cleaning import clean_spans
from pipeline.readers.docx.draft import docx_document, read_docx
from pipeline.readers.markup import read_markup
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.markup import write_markup

from .support import client, libreoffice

NBSP = "\u00a0"
# A museum trust's notice: a ship's name underlined as a typescript would, an acronym and a
# publisher in small capitals, a link underlined, both at once, after an exclamation.
SPANS = (
    Span("The "), Span("Cutty Sark", italic=True, underline=True), Span(" reopens under "),
    Span("nmm", small_caps=True), Span(" care; read the "),
    Span("Trust's deed", underline=True, link="https://museum.example.org/deed"),
    Span(" (printed by "), Span("Whitefriars Press", bold=True, underline=True, small_caps=True),
    Span(") at last!"), Span("new", underline=True), Span(" hours follow."),
)
# A Chinese history text: proper names underlined (專名號), small capitals on Han characters
# meaning nothing, a Latin acronym among them keeping its own.
CHINESE = (
    Span("孔子", underline=True), Span("生於"), Span("魯國", underline=True),
    Span("，見"), Span("史記", small_caps=True), Span("及"), Span("unesco", small_caps=True),
    Span("名錄。"),
)
DOCUMENT = Document("notice", Metadata(title="Museum Notice"), None,
                    (Paragraph(clean_spans(SPANS)), Paragraph(clean_spans(CHINESE))))


def test_the_json_form_keeps_underline_and_small_caps():
    assert from_json(json.loads(json.dumps(to_json(DOCUMENT)))) == DOCUMENT


def test_small_caps_on_han_characters_mean_nothing_and_are_not_kept():
    chinese = DOCUMENT.blocks[1].spans
    assert Span("史記") not in chinese and not any(
        span.small_caps for span in chinese if "史" in span.text)
    assert Span("unesco", small_caps=True) in chinese
    assert [span.text for span in chinese if span.underline] == ["孔子", "魯國"]


def test_spaces_at_an_underline_s_edges_are_not_underlined():
    spans = clean_spans((Span("a "), Span(" b ", underline=True), Span("c")))
    assert spans == (Span("a "), Span("b", underline=True), Span(" c"))
    assert clean_spans((Span("one", underline=True), Span(" ", underline=True),
                        Span("two", underline=True, bold=True))) == (
        Span("one ", underline=True), Span("two", bold=True, underline=True))


def test_the_marked_up_form_writes_them_as_pandoc_does_and_reads_them_back(tmp_path):
    markup = write_markup(DOCUMENT)
    assert ("The *[Cutty Sark]{.underline}* reopens under [nmm]{.smallcaps} care; read the"
            " [[Trust’s deed]{.underline}](https://museum.example.org/deed) (printed by"
            " **[[Whitefriars Press]{.smallcaps}]{.underline}**) at last\\![new]{.underline}"
            " hours follow.") in markup
    assert "[孔子]{.underline}生於[魯國]{.underline}，見史記及[unesco]{.smallcaps}名錄。" in markup
    assert read_markup(markup, tmp_path / "notice.md", DOCUMENT.metadata, tmp_path) == DOCUMENT


def test_marked_up_text_reads_pandoc_s_forms(tmp_path):
    text = ("\n[Ulster]{.ul} and [Munster]{ .underline }, [fao]{.smallcaps}; [x]{.other} and"
            " \\[y\\]{.underline} stay as written; ***[both]{.underline}*** too.\n")
    spans = read_markup(text, tmp_path / "p.md", Metadata(title="T"), tmp_path).blocks[0].spans
    assert spans == (
        Span("Ulster", underline=True), Span(" and "), Span("Munster", underline=True),
        Span(", "), Span("fao", small_caps=True),
        Span("; [x]{.other} and [y]{.underline} stay as written; "),
        Span("both", bold=True, italic=True, underline=True), Span(" too."),
    )


def test_emphasis_must_be_switched_back_inside_the_brackets(tmp_path):
    from pipeline.errors import PipelineError

    with pytest.raises(PipelineError, match="line 2: bold switched on here is not switched back"
                                            " inside its brackets"):
        read_markup("\n[**a]{.underline}**\n", tmp_path / "p.md", Metadata(title="T"), tmp_path)


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_the_marked_up_form_alike():
    result = subprocess.run(["pandoc", "-f", "markdown", "-t", "json"],
                            input=write_markup(DOCUMENT).split("\n\n", 1)[1], text=True,
                            capture_output=True, check=True)
    english, chinese = (block["c"] for block in json.loads(result.stdout)["blocks"])

    def found(inlines, kind, inside=()):
        """The text of each `kind` inline, at any depth, with the kinds it stands in."""
        for inline in inlines:
            content = inline.get("c")
            if inline["t"] == kind:
                yield plain_text(content), inside
            if inline["t"] in ("Emph", "Strong", "Underline", "SmallCaps"):
                yield from found(content, kind, (*inside, inline["t"]))
            elif inline["t"] in ("Link", "Span"):
                yield from found(content[1], kind, (*inside, inline["t"]))

    assert list(found(english, "Underline")) == [
        ("Cutty Sark", ("Emph",)), ("Trust’s deed", ("Link",)),
        ("Whitefriars Press", ("Strong",)), ("new", ())]
    assert list(found(english, "SmallCaps")) == [
        ("nmm", ()), ("Whitefriars Press", ("Strong", "Underline"))]
    assert not any(inline["t"] == "Image" for inline in english)
    assert [text for text, _ in found(chinese, "Underline")] == ["孔子", "魯國"]
    assert [text for text, _ in found(chinese, "SmallCaps")] == ["unesco"]


def plain_text(inlines) -> str:
    """The words of pandoc's inlines."""
    words = []
    for inline in inlines:
        match inline["t"]:
            case "Str":
                words.append(inline["c"])
            case "Space":
                words.append(" ")
            case "Link" | "Span":
                words.append(plain_text(inline["c"][1]))
            case _ if isinstance(inline.get("c"), list):
                words.append(plain_text(inline["c"]))
    return "".join(words)


# --- The DOCX draft (LibreOffice as the editor's client) ---------------------------------------

DRAFTS = Path(__file__).parent / "drafts"
ROOT = Path(__file__).resolve().parent.parent
# What tests/drafts/underline-small-caps.docx says, as LibreOffice shows it.
NAVY = (
    Paragraph((Span("Steady as she goes.", underline=True),)),  # its paragraph style's
    Paragraph((
        Span("The "), Span("Endeavour", italic=True, underline=True),  # a character style's
        Span(" sailed under the "), Span("Royal Navy", small_caps=True),
        Span(" flag; the log reads "), Span("never", underline=True), Span(", "),
        Span("twice over", underline=True), Span(", "), Span("in a wave", underline=True),
        Span(", "), Span("word by word", underline=True), Span(" and "),
        Span("Admiralty Orders", bold=True, underline=True, small_caps=True), Span("; see "),
        Span("the log", link="https://navy.example.org/log", underline=True), Span(" or "),
        # A link's own style underlines it: that is its look, not the editor's underline.
        Span("the crew list", link="https://navy.example.org/crew"), Span("."),
    )),
    # Proper names underlined (專名號); small capitals on Han characters mean nothing.
    Paragraph((Span("孔子", underline=True), Span("生於"), Span("魯國", underline=True),
               Span("，見史記。"))),
)


def read_navy() -> Document:
    return read_docx(DRAFTS / "underline-small-caps.docx", Metadata(title="Ship's Log"))


def test_libreoffices_underlines_and_small_caps_are_read_directly_and_through_styles():
    assert read_navy().blocks == NAVY


def test_the_regenerated_draft_keeps_them_in_words_own_terms():
    document = read_navy()
    data = write_docx(document, load_layout(ROOT / "layouts", "print"), ROOT / "source")
    body = docx.Document(io.BytesIO(data)).element.body
    assert [u.get(qn("w:val")) for u in body.iter(qn("w:u"))] == ["single"] * 10
    assert len(list(body.iter(qn("w:smallCaps")))) == 2
    assert docx_document(data, Path("log.docx"), document.metadata).blocks == NAVY


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["print", "screen", "large-print"])
def test_every_edition_prints_them_as_words_and_passes_its_preflight(layout, tmp_path):
    from pipeline.checks.preflight import preflight
    from pipeline.writers.pdf.render import render_pdf

    document = read_navy()
    settings = load_layout(ROOT / "layouts", layout)
    pdf = tmp_path / f"log-{layout}.pdf"
    pdf.write_bytes(render_pdf(document, settings, ROOT / "source"))
    assert not preflight(pdf, document, settings, ROOT / "source").errors
    text = " ".join(subprocess.run([client("pdftotext"), str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    # Small capitals are the faces' own glyphs, which read back as the letters typed.
    for words in ("Steady as she goes.", "sailed under the Royal Navy flag",
                  "word by word and Admiralty Orders; see the log", "孔子生於魯國，見史記。"):
        assert words in text, words


@pytest.mark.slow
def test_libreoffice_saving_the_draft_again_changes_nothing(tmp_path):
    document = replace(read_navy(), name="log")
    draft = tmp_path / "log.docx"
    draft.write_bytes(write_docx(document, load_layout(ROOT / "layouts", "print"),
                                 ROOT / "source"))
    libreoffice(tmp_path / "lo", "--convert-to", "docx", "--outdir", str(tmp_path / "saved"),
                str(draft))
    assert read_docx(tmp_path / "saved" / "log.docx", document.metadata).blocks == NAVY


@pytest.mark.slow
def test_the_print_lines_holding_small_capitals_are_the_writers():
    """The writer measures small capitals as the faces set them (smcp): the lines it breaks a
    justified paragraph into are the lines printed."""
    from weasyprint import CSS

    from pipeline.writers.html import render_html
    from pipeline.writers.pdf.justified_lines import paragraph_setting
    from pipeline.writers.pdf.render import font_configuration, stylesheet_files
    from pipeline.writers.pdf.urls import url_fetcher

    words = ("The minutes of the Harbour Board record that the Board, with the Port Health"
             " Officer and the Surveyor of Shipping, inspected the new quay on each of its")
    spans = tuple(Span(f"{words} {number} visits; ") if number % 2 else
                  Span(f"{words} {number} visits; ", small_caps=True) for number in range(1, 9))
    document = Document("minutes", Metadata(title="Minutes"), None,
                        (Paragraph(clean_spans(spans)),))
    layout = load_layout(ROOT / "layouts", "print")
    fetcher = url_fetcher(layout.folder.parent, ROOT / "source")
    sheets = [CSS(filename=path, url_fetcher=fetcher, font_config=font_configuration())
              for path in stylesheet_files(document, layout, ROOT / "source")]
    html = render_html(document, layout, None, paragraph_setting(document, layout, sheets,
                                                                 fetcher))
    from weasyprint import HTML

    from pipeline.writers.pdf.urls import SOURCE_URL

    pages = HTML(string=html, base_url=SOURCE_URL, url_fetcher=fetcher).render(
        stylesheets=sheets, font_config=font_configuration()).pages
    chosen = int(re.search(r'data-lines="(\d+)"', html).group(1))
    printed = sum(1 for page in pages for line in lines_of(page._page_box, "p"))
    assert chosen >= 10 and printed == chosen


def lines_of(box, tag: str):
    """The line boxes of the `tag` elements under `box`."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.LineBox):
            if box.element_tag == tag:
                yield child
        else:
            yield from lines_of(child, tag)



def test_a_web_link_pasted_keeping_its_look_is_not_underlined(tmp_path):
    """A web page's paragraph pasted keeping its formatting (Word's Keep Source Formatting):
    its link blue and underlined by the runs' own formatting, which is the link's look, not
    the editor's underline (it had been printed underlined in every edition); a link the
    editor underlines, no colour of its own, stays underlined."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from pipeline.readers.docx.draft import read_docx
    from pipeline.writers.docx.draft import write_docx

    from .test_docx_edits import LAYOUT
    from .test_docx_reader import edited, paragraph_starting

    document = Document("page", Metadata(title="Page"), None, (Paragraph((Span("Read on."),)),))

    def edit(draft):
        paragraph = paragraph_starting(draft, "Read on.")
        for text, colour in (("our website", "0563C1"), ("the deed", "")):
            target = draft.part.relate_to(f"https://example.org/{colour or 'deed'}",
                                          RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            coloured = f'<w:color w:val="{colour}"/>' if colour else ""
            paragraph._p.append(parse_xml(
                f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> and </w:t></w:r>'))
            paragraph._p.append(parse_xml(
                f'<w:hyperlink {nsdecls("w", "r")} r:id="{target}"><w:r><w:rPr>{coloured}'
                f'<w:u w:val="single"/></w:rPr><w:t>{text}</w:t></w:r></w:hyperlink>'))

    path = tmp_path / "page.docx"
    path.write_bytes(write_docx(document, LAYOUT, tmp_path))
    spans = read_docx(edited(path, edit), document.metadata).blocks[0].spans
    assert Span("our website", link="https://example.org/0563C1") in spans
    assert Span("the deed", link="https://example.org/deed", underline=True) in spans
