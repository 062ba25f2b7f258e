"""Phrases of another language inside a tagged edition (Chinese in an English text, English in
a Chinese one), tagged with their language in the PDF's structure: each element whose text
is in that language (a paragraph, a heading, a phrase's Span) gets /Lang, so a screen reader
speaks it so (PDF/UA-1, 7.2: a change of natural language is declared).

A phrase its author says is in a language (`[texte]{lang=fr}`) is tagged so first
(`tag_given_languages`), and nothing inside it is looked at again.

WeasyPrint writes no /Lang on elements, only the catalog's (the document's); the text of each
element is read back from its marked content through its fonts' ToUnicode maps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import pikepdf

from pipeline.languages import LATIN_WORD, Profile, phrase_languages, profile_for, runs
from pipeline.pdf.pages import PageContents
from pipeline.pdf.structure import is_element, kids_of
from pipeline.pdf.text import element_text, marked_texts

WHITE_SPACE = re.compile(r"\s+")
LETTER = re.compile(r"[^\W\d_]")  # a letter of any script


def tag_languages(contents: PageContents, scripts: frozenset[Profile]) -> None:
    """/Lang on the outermost elements whose text is in the language of one of the document's
    `scripts` (Chinese) or of the Latin letters (English), in a document in another script;
    an element is in the first of the languages of a script that it is in (Simplified
    Chinese before Chinese, as `PROFILES` lists them), and keeps it."""
    pdf = contents.pdf
    own = profile_for(str(pdf.Root.get("/Lang", "")))
    others = [profile for profile in phrase_languages(scripts) if profile.script != own.script]
    if "/StructTreeRoot" not in pdf.Root or not others:
        return
    texts = marked_texts(pdf, contents)
    for profile in others:
        for element in outermost(pdf.Root.StructTreeRoot, texts, profile):
            if "/Lang" not in element:
                element.Lang = pikepdf.String(profile.tag)
        for element in continuations(pdf.Root.StructTreeRoot, texts, profile):
            element.Lang = pikepdf.String(profile.tag)


def tag_given_languages(contents: PageContents, phrases: Sequence[tuple[str, str]]) -> None:
    """/Lang on the elements setting each of `phrases` (its text, its language), in the
    structure's order, which is the model's: the element holding just its text, or the run
    of sibling elements holding it (a piece a line, a piece an emphasis), white space aside
    (the renderer's line ends change it)."""
    pdf = contents.pdf
    if "/StructTreeRoot" not in pdf.Root or not phrases:
        return
    pending = [(WHITE_SPACE.sub("", text), language) for text, language in phrases]
    texts = marked_texts(pdf, contents)

    def walk(node) -> None:
        kids = [kid for kid in kids_of(node) if is_element(kid)]
        index = 0
        while index < len(kids) and pending:
            run = phrase_run(kids, index, texts, pending[0][0])
            if run:
                for kid in kids[index:index + run]:
                    kid.Lang = pikepdf.String(pending[0][1])
                pending.pop(0)
                index += run
            else:
                walk(kids[index])
                index += 1

    walk(pdf.Root.StructTreeRoot)


def phrase_run(kids: list, start: int, texts: dict, phrase: str) -> int:
    """How many elements from `kids[start]` on hold `phrase` (white space aside) together,
    the first starting it; 0 when they do not."""
    held = ""
    for count, kid in enumerate(kids[start:], 1):
        held += WHITE_SPACE.sub("", element_text(kid, texts))
        if held == phrase:
            return count
        if not held or not phrase.startswith(held):
            return 0
    return 0


def outermost(node, texts: dict, profile: Profile) -> Iterator[pikepdf.Dictionary]:
    """The outermost elements under `node` in the language of `profile`; none inside an
    element whose language is said already (a phrase its author gave one)."""
    for kid in kids_of(node):
        if not is_element(kid) or "/Lang" in kid:
            continue
        if in_language(kid, texts, profile):
            yield kid
        else:
            yield from outermost(kid, texts, profile)


def continuations(node, texts: dict, profile: Profile) -> Iterator[pikepdf.Dictionary]:
    """The elements under `node` holding no letter (figures, marks) that go on with a phrase
    of `profile`'s the elements before them start, the renderer's line end parting them
    (`Go Digital ` over `2.0`), or a link in it (`詳情請瀏覽` `https://…` `。`: the sentence
    goes on past its address or its words): judged alone, they are in no language. Figures
    the text after them goes on from (`2024` before `年）`, which a mark set half its width
    took apart) are that text's, as they read (`2024年`), as they are where nothing parts
    them."""
    held = ""  # the phrase's text so far, in the elements before
    kids = [kid for kid in kids_of(node) if is_element(kid)]
    for index, kid in enumerate(kids):
        text = element_text(kid, texts)
        after = element_text(kids[index + 1], texts) if index + 1 < len(kids) else ""
        if str(kid.get("/Lang", "")) == profile.tag:
            held = text
        elif held and text.strip() and not LETTER.search(text) and goes_on(held + text, after,
                                                                           profile):
            held += text
            yield kid
        elif held and kid.get("/S") == "/Link":
            yield from continuations(kid, texts, profile)
        else:
            held = ""
            yield from continuations(kid, texts, profile)


def goes_on(text: str, after: str, profile: Profile) -> bool:
    """Whether `text` is all of a phrase of `profile`'s, or its start, read with `after`,
    the text that follows it."""
    found = runs(f"{text}{after}".strip(), profile)
    return bool(found) and found[0][1] is profile and found[0][0].startswith(text.strip())


def in_language(element: pikepdf.Dictionary, texts: dict, profile: Profile) -> bool:
    """In the language of `profile`, and so is every element inside it that holds Latin
    words: a section holding an English heading is not Chinese, whatever its paragraphs are."""
    return profile.dominates(element_text(element, texts)) and all(
        in_language(kid, texts, profile)
        or not LATIN_WORD.search(element_text(kid, texts))
        for kid in kids_of(element) if is_element(kid))
