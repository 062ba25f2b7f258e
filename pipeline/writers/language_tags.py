"""Chinese inside a text in another language, tagged as such for the HTML: a `lang`
attribute, which the PDF's tags, the fonts and the line breaking follow."""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from pipeline.languages import CHINESE, HAN, chinese_runs, is_chinese_tag
from pipeline.model import Document, to_json


def holds_chinese(document: Document) -> bool:
    """Whether any text of the document, whatever its blocks, holds a Han character: only
    then do its editions load and name the Chinese faces."""
    return bool(HAN.search(json.dumps(to_json(document), ensure_ascii=False)))


def tagged(text: str, language: str) -> Markup:
    """`text` escaped, each Chinese phrase in a `<span lang>` when the document's `language`
    is not Chinese."""
    if is_chinese_tag(language) or not HAN.search(text):
        return escape(text)
    return Markup("").join(
        Markup('<span lang="{}">{}</span>').format(CHINESE, piece) if chinese else escape(piece)
        for piece, chinese in chinese_runs(text)
    )
