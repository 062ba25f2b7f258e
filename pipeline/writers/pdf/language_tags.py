"""Chinese inside a tagged edition in another language, tagged with its language in the PDF's
structure: each element whose text is Chinese (a paragraph, a heading, a phrase's Span) gets
/Lang, so a screen reader speaks it in Chinese.

WeasyPrint writes no /Lang on elements, only the catalog's (the document's); the text of each
element is read back from its marked content through its fonts' ToUnicode maps.
"""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from pipeline.languages import CHINESE, LATIN_WORD, block_language, is_chinese_tag
from pipeline.pdf.structure import is_element, kids_of
from pipeline.pdf.text import element_text, marked_texts


def tag_languages(pdf: pikepdf.Pdf) -> None:
    """/Lang on the outermost elements whose text is Chinese, in a document that is not."""
    language = str(pdf.Root.get("/Lang", ""))
    if "/StructTreeRoot" not in pdf.Root or is_chinese_tag(language):
        return
    texts = marked_texts(pdf)
    for element in outermost_chinese(pdf.Root.StructTreeRoot, texts, language):
        element.Lang = pikepdf.String(CHINESE)


def outermost_chinese(node, texts: dict, language: str) -> Iterator[pikepdf.Dictionary]:
    for kid in kids_of(node):
        if not is_element(kid):
            continue
        if is_chinese_element(kid, texts, language):
            yield kid
        else:
            yield from outermost_chinese(kid, texts, language)


def is_chinese_element(element: pikepdf.Dictionary, texts: dict, language: str) -> bool:
    """Chinese, and so is every element inside it that holds Latin words: a section holding
    an English heading is not Chinese, whatever its paragraphs are."""
    return bool(block_language(element_text(element, texts), language)) and all(
        is_chinese_element(kid, texts, language)
        or not LATIN_WORD.search(element_text(kid, texts))
        for kid in kids_of(element) if is_element(kid))


