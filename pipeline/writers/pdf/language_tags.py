"""Phrases of another language inside a tagged edition (Chinese in an English text, English in
a Chinese one), tagged with their language in the PDF's structure: each element whose text
is in that language (a paragraph, a heading, a phrase's Span) gets /Lang, so a screen reader
speaks it so (PDF/UA-1, 7.2: a change of natural language is declared).

WeasyPrint writes no /Lang on elements, only the catalog's (the document's); the text of each
element is read back from its marked content through its fonts' ToUnicode maps.
"""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from pipeline.languages import LATIN_WORD, Profile, phrase_languages, profile_for
from pipeline.pdf.structure import is_element, kids_of
from pipeline.pdf.text import element_text, marked_texts


def tag_languages(pdf: pikepdf.Pdf, scripts: frozenset[Profile]) -> None:
    """/Lang on the outermost elements whose text is in the language of one of the document's
    `scripts` (Chinese) or of the Latin letters (English), in a document in another script;
    an element is in the first of the languages of a script that it is in (Simplified
    Chinese before Chinese, as `PROFILES` lists them), and keeps it."""
    own = profile_for(str(pdf.Root.get("/Lang", "")))
    others = [profile for profile in phrase_languages(scripts) if profile.script != own.script]
    if "/StructTreeRoot" not in pdf.Root or not others:
        return
    texts = marked_texts(pdf)
    for profile in others:
        for element in outermost(pdf.Root.StructTreeRoot, texts, profile):
            if "/Lang" not in element:
                element.Lang = pikepdf.String(profile.tag)


def outermost(node, texts: dict, profile: Profile) -> Iterator[pikepdf.Dictionary]:
    """The outermost elements under `node` in the language of `profile`."""
    for kid in kids_of(node):
        if not is_element(kid):
            continue
        if in_language(kid, texts, profile):
            yield kid
        else:
            yield from outermost(kid, texts, profile)


def in_language(element: pikepdf.Dictionary, texts: dict, profile: Profile) -> bool:
    """In the language of `profile`, and so is every element inside it that holds Latin
    words: a section holding an English heading is not Chinese, whatever its paragraphs are."""
    return profile.dominates(element_text(element, texts)) and all(
        in_language(kid, texts, profile)
        or not LATIN_WORD.search(element_text(kid, texts))
        for kid in kids_of(element) if is_element(kid))
