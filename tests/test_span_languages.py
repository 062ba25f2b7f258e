"""A phrase its author says is in another language, pandoc's `[texte]{lang=fr}` in the
marked-up form: a `<span lang>` in the HTML, an element with its /Lang in the tagged
editions (PDF/UA-1, 7.2; WCAG 2.x, 3.1.2 Language of Parts), `w:lang` on its runs in the
DOCX draft, read back from an edited draft; no phrase of another language is looked for
inside it. Texts of their own: French and German in an English report, Cantonese in
English, English in Chinese."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Document, Paragraph, from_json, given_languages, to_json
from pipeline.readers.markup import read_markup
from pipeline.readers.metadata import load_metadata
from pipeline.writers.html import render_html
from pipeline.writers.line_breaks import LineBreaks
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

- a toast, [*santé*]{lang=fr}, to the crews
- a gift of books

| Guest | Greeting |
| --- | --- |
| Consul | [Bienvenue à bord]{lang=fr} |

[^1]: Sung as [Tai Nui Fa]{lang=yue-Latn}, the troupe's favourite.
"""
CHINESE = """Title: 年度報告

本局與 [Conseil régional]{lang=fr} 合作，推行 Smart Harbour 計劃。
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
