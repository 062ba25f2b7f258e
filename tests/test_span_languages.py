"""A phrase its author says is in another language, pandoc's `[texte]{lang=fr}` in the
marked-up form: a `<span lang>` in the HTML, an element with its /Lang in the tagged
editions (PDF/UA-1, 7.2; WCAG 2.x, 3.1.2 Language of Parts), `w:lang` on its runs in the
DOCX draft, read back from an edited draft; no phrase of another language is looked for
inside it. Texts of their own: French and German in an English report, Cantonese in
English, English in Chinese."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from docx import Document as DocxDocument
from docx.oxml.ns import qn

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import (
    Document,
    Heading,
    Paragraph,
    Span,
    from_json,
    given_languages,
    to_json,
)
from pipeline.pdf.structure import is_element, kids_of
from pipeline.pdf.text import element_text, marked_texts
from pipeline.readers.docx.draft import read_docx
from pipeline.readers.markup import read_markup
from pipeline.readers.metadata import load_metadata
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.html import pieces_of, render_html
from pipeline.writers.line_breaks import LINE_END, LineBreaks
from pipeline.writers.markup import write_markup
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT
from .support import spoken_languages

LAYOUTS = ROOT / "layouts"
ENGLISH = """Title: Visitors from Lyon

The delegation's motto, [liberté, égalité, fraternité]{lang=fr}, was read aloud by the
consul, and the *Bürgermeister* of Linz answered with [Herzlich willkommen in
Österreich]{lang="de-AT"} before the programme of the harbour visit began in earnest.

The chair's statement, [主席報告]{lang=zh-HK}, and the [Cantonese opera]{lang=en-GB .title}
troupe closed the evening with [帝女花]{lang=yue-HK}.[^1]

# Partners across the water: the spring visit of the delegation from [la Région Auvergne]{lang=fr} and its choir

The choir sang twice.

- a toast, [*santé*]{lang=fr}, to the crews
- a gift of books

| Guest | Greeting |
| --- | --- |
| Consul | [Bienvenue à bord]{lang=fr} |

[^1]: Sung as [Tai Nui Fa]{lang=yue-Latn}, the troupe's favourite.
"""
CHINESE = """Title: 年度報告

本局與 [Conseil régional]{lang=fr} 合作，推行 Smart Harbour 計劃。

# 與[Conseil régional]{lang=fr}的合作

雙方簽訂協議。
"""


def document_of(text: str, folder: Path, language: str = "en-GB") -> Document:
    path = folder / "piece.md"
    metadata = load_metadata(folder / "piece.toml", ())
    return read_markup(text, path, replace(metadata, language=language), folder)


def languages(document: Document) -> list[tuple[str, str]]:
    return [(span.text, span.language) for block in document.blocks
            if isinstance(block, Paragraph) for span in block.spans if span.language]


def test_the_reader_keeps_each_phrase_s_language(tmp_path):
    assert languages(document_of(ENGLISH, tmp_path)) == [
        ("liberté, égalité, fraternité", "fr"),
        ("Herzlich willkommen in Österreich", "de-AT"),
        ("主席報告", "zh-HK"), ("Cantonese opera", "en-GB"), ("帝女花", "yue-HK")]
    assert ("santé", "fr") in given_languages(document_of(ENGLISH, tmp_path))


def test_the_html_says_each_phrase_s_language(tmp_path):
    html = render_html(document_of(ENGLISH, tmp_path), load_layout(LAYOUTS, "screen"))
    assert '<span lang="fr">liberté, égalité, fraternité</span>' in html
    # No phrase looked for inside one, and a short one in Chinese characters kept whole.
    assert '<span lang="zh-HK" class="phrase">主席報告</span>' in html
    assert '<span lang="yue-HK" class="phrase">帝女花</span>' in html


def test_no_phrase_is_looked_for_inside_a_phrase_of_a_given_language(tmp_path):
    html = render_html(document_of(CHINESE, tmp_path, "zh-HK"), load_layout(LAYOUTS, "screen"))
    assert '<span lang="fr">Conseil régional</span>' in html
    assert '<span lang="en-GB">Smart Harbour</span>' in html



@pytest.fixture(scope="module", params=["screen", "large-print"])
def edition(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    document = document_of(ENGLISH, folder)
    path = folder / "piece.pdf"
    path.write_bytes(render_pdf(document, load_layout(LAYOUTS, request.param), folder))
    return path, document, request.param


@pytest.mark.slow
def test_the_tagged_editions_speak_each_phrase_in_its_language(edition):
    with pikepdf.open(edition[0]) as pdf:
        said = spoken_languages(pdf)

    def in_language(tag: str) -> str:
        return " ".join(" ".join(text for text, language in said if language == tag).split())

    assert "liberté, égalité, fraternité" in in_language("fr")
    assert "Herzlich willkommen in Österreich" in in_language("de-AT")
    assert "主席報告" in in_language("zh-HK")
    assert "帝女花" in in_language("yue-HK")
    assert "santé" in in_language("fr") and "Bienvenue à bord" in in_language("fr")
    assert "Tai Nui Fa" in in_language("yue-Latn")
    assert "liberté" not in in_language("en-GB")


@pytest.mark.slow
def test_the_preflight_accepts_each_phrase_s_language(edition):
    path, document, layout = edition
    report = preflight(path, document, load_layout(LAYOUTS, layout))
    assert not report.errors, [check.message for check in report.checks if not check.passed]


def test_the_model_s_json_keeps_each_phrase_s_language(tmp_path):
    document = document_of(ENGLISH, tmp_path)
    assert from_json(json.loads(json.dumps(to_json(document)))) == document


def test_a_phrase_is_hyphenated_in_its_own_language():
    """The print layout hyphenates: a French word by the French dictionary, not the
    English one."""
    rules = LineBreaks(load_layout(LAYOUTS, "print").hyphenation, "en-GB", links=False)
    french = rules.within("fr").words("anticonstitutionnellement", 0)
    english = rules.words("anticonstitutionnellement", 0)
    assert french != english and "\u00ad" in french


# A heading, which takes no formatting, keeps a phrase's language (WCAG 2.x 3.1.2 asks it of
# every part of the text): the English report's French phrase, the Chinese one's.
HEADING_PHRASES = {"en-GB": (ENGLISH, "la Région Auvergne"), "zh-HK": (CHINESE, "Conseil régional")}


def headings(document: Document) -> list[Heading]:
    return [block for block in document.blocks if isinstance(block, Heading)]


@pytest.mark.parametrize("language", HEADING_PHRASES)
def test_a_heading_keeps_its_phrase_s_language_in_the_model_html_and_markup(tmp_path, language):
    text, phrase = HEADING_PHRASES[language]
    document = document_of(text, tmp_path, language)
    heading = headings(document)[0]
    assert [(span.text, span.language) for span in heading.spans if span.language] == [
        (phrase, "fr")]
    assert "".join(span.text for span in heading.spans) == heading.text
    assert from_json(json.loads(json.dumps(to_json(document)))) == document
    assert headings(document_of(write_markup(document), tmp_path, language)) == [heading]
    for layout in ("screen", "large-print"):  # the large print balances a heading's lines
        html = render_html(document, load_layout(LAYOUTS, layout))
        held = html.split(f'id="{heading.anchor}"')[1].split("</h")[0]
        assert 'lang="fr"' in held and phrase.split()[-1] in held.split('lang="fr"')[1]


@pytest.mark.parametrize("language", HEADING_PHRASES)
def test_the_draft_marks_a_heading_s_phrase_and_reads_it_back(tmp_path, language):
    text, phrase = HEADING_PHRASES[language]
    document = document_of(text, tmp_path, language)
    draft = tmp_path / "piece.docx"
    draft.write_bytes(write_docx(document, load_layout(LAYOUTS, "print"), tmp_path))
    heading = next(paragraph for paragraph in DocxDocument(str(draft)).paragraphs
                   if paragraph.style.name.startswith("Heading"))
    marked = [run for run in heading.runs if run._r.find(qn("w:rPr")) is not None
              and run._r.rPr.find(qn("w:lang")) is not None]
    assert [run.text for run in marked] == [phrase]
    assert marked[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "fr"
    read = read_docx(draft, document.metadata, document)
    assert headings(read)[0] == headings(document)[0]


def tagged_editions(document: Document, folder: Path) -> Iterator[tuple[str, Path]]:
    """Each tagged edition of `document`, rendered into `folder`: its layout and its path."""
    for layout in ("screen", "large-print"):
        path = folder / f"piece-{layout}.pdf"
        path.write_bytes(render_pdf(document, load_layout(LAYOUTS, layout), folder))
        yield layout, path


def elements(node):
    for kid in kids_of(node):
        if is_element(kid):
            yield kid
            yield from elements(kid)


def test_a_balanced_heading_s_line_ends_fall_in_its_runs():
    """A line end the balancing puts in a heading falls inside a phrase's run or opens the
    run after it: no letter moves from one run to the other."""
    runs = (Span("Visit of "), Span("la Région Auvergne", language="fr"), Span(" choir"))
    lined = f"Visit of la{LINE_END} Région Auvergne {LINE_END}choir"  # as balanced
    assert pieces_of(lined, runs) == [
        "Visit of ", f"la{LINE_END} Région Auvergne", f" {LINE_END}choir"]


# A phrase in the other Chinese, given its language, in its own quotes whichever Chinese the
# line around it is: the mainland's “ ” (GB/T 15834) in a Traditional report, corner
# brackets in a Simplified one; level for level, and an apostrophe in an English word kept.
OTHER_CHINESE = {
    "zh-HK": ('署長說"好"，並引述[部长说"这个\'试点\'很成功"]{lang=zh-Hans}一語。',
              [("署長說「好」，並引述", ""), ("部长说“这个‘试点’很成功”", "zh-Hans"),
               ("一語。", "")]),
    "zh-Hans": ('署长说"好"，并引述[主席說"Women\'s Day 活動"很成功]{lang=zh-HK}一语。',
                [("署长说“好”，并引述", ""), ("主席說「Women’s Day活動」很成功", "zh-HK"),
                 ("一语。", "")]),
}


@pytest.mark.parametrize("language", OTHER_CHINESE)
def test_a_phrase_in_the_other_chinese_takes_its_own_quotes(tmp_path, language):
    text, wanted = OTHER_CHINESE[language]
    document = document_of(f"Title: 引述\n\n{text}\n", tmp_path, language)
    paragraph = document.blocks[0]
    assert [(span.text, span.language) for span in paragraph.spans] == wanted
    # Read again from the marked-up form and from the draft, cleaned again: the same.
    assert document_of(write_markup(document), tmp_path, language).blocks == document.blocks
    draft = tmp_path / "piece.docx"
    draft.write_bytes(write_docx(document, load_layout(LAYOUTS, "print"), tmp_path))
    assert read_docx(draft, document.metadata, document).blocks == document.blocks


# A title and a byline, which take no formatting either, keep a phrase's language as a
# heading does: a French title and a French consul's role or name.
FRONT = {
    "en-GB": ("Title: The visit of [la Région Auvergne]{lang=fr} to the harbour\n"
              "Byline: Jean DUPONT, OBE, [Consul général de France]{lang=fr}\n\n"
              "The delegation stayed three days.\n",
              "la Région Auvergne", "Consul général de France"),
    "zh-HK": ("Title: [Conseil régional]{lang=fr}訪港報告\nByline: 法國領事 [Jean DUPONT]{lang=fr}"
              "\n\n代表團訪港三日。\n", "Conseil régional", "Jean DUPONT"),
}
TITLED = {language: (text, title) for language, (text, title, _) in FRONT.items()}


@pytest.mark.parametrize("language", FRONT)
def test_the_title_and_byline_keep_their_phrases_languages_in_every_form(tmp_path, language):
    text, title, byline = FRONT[language]
    document = document_of(text, tmp_path, language)
    metadata = document.metadata
    assert [(span.text, span.language) for span in metadata.title_spans if span.language] == [
        (title, "fr")]
    assert "".join(span.text for span in metadata.title_spans) == metadata.title
    assert given_languages(document)[:2] == ((title, "fr"), (byline, "fr"))
    assert from_json(json.loads(json.dumps(to_json(document)))) == document
    assert document_of(write_markup(document), tmp_path, language) == document
    html = render_html(document, load_layout(LAYOUTS, "screen"))
    heading = html.split("<h1 ")[1].split(">", 1)[1].split("</h1>")[0]
    assert f'<span lang="fr">{title}</span>' in heading
    assert f'<span lang="fr">{byline}</span>' in html.split('class="byline"')[1].split("</p>")[0]
    draft = tmp_path / "piece.docx"
    draft.write_bytes(write_docx(document, load_layout(LAYOUTS, "print"), tmp_path))
    front = {paragraph.style.name: [run.text for run in paragraph.runs if run._r.rPr is not None
                                    and run._r.rPr.find(qn("w:lang")) is not None]
             for paragraph in DocxDocument(str(draft)).paragraphs}
    assert front["Title"] == [title] and [byline] in front.values()
    read = read_docx(draft, replace(metadata, title="", title_spans=()), document)
    assert (read.metadata, read.byline) == (metadata, document.byline)


@pytest.mark.slow
@pytest.mark.parametrize("language", FRONT)
def test_the_tagged_editions_speak_the_byline_s_phrase_in_its_language(tmp_path, language):
    text, _, byline = FRONT[language]
    document = document_of(text, tmp_path, language)
    for layout, path in tagged_editions(document, tmp_path):
        with pikepdf.open(path) as pdf:
            french = " ".join(text for text, spoken in spoken_languages(pdf) if spoken == "fr")
        assert byline in " ".join(french.split()), layout


@pytest.mark.slow
@pytest.mark.parametrize("language, text, phrase", [
    (language, *texts[language]) for texts in (HEADING_PHRASES, TITLED) for language in texts])
def test_the_tagged_editions_speak_a_heading_s_or_the_title_s_phrase_in_its_language(
        tmp_path, language, text, phrase):
    document = document_of(text, tmp_path, language)
    for layout, path in tagged_editions(document, tmp_path):
        with pikepdf.open(path) as pdf:
            texts = marked_texts(pdf)
            heading = next(element for element in elements(pdf.Root.StructTreeRoot)
                           if str(element.S) in ("/H1", "/H2", "/H3") and "".join(
                               phrase.split()) in "".join(element_text(element, texts).split()))
            said = [(kid.get("/Lang"), element_text(kid, texts))
                    for kid in kids_of(heading) if is_element(kid)]
        # The phrase may be set on two lines: a piece a line, each in French.
        assert " ".join(text for spoken, text in said if spoken == "fr").split() == \
            phrase.split(), (layout, said)
        report = preflight(path, document, load_layout(LAYOUTS, layout))
        assert not report.errors, [check.message for check in report.checks if not check.passed]
