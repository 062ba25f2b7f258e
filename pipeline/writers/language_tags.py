"""Chinese inside a text in another language, tagged as such for the HTML: a `lang`
attribute, which the PDF's tags, the fonts and the line breaking follow."""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

from pipeline.languages import CHINESE, HAN, chinese_runs, is_chinese_tag
from pipeline.model import Document, to_json

# Characters of the longest Chinese phrase inside another language kept on one line: a
# name (莫慧琳), a title (主席報告); a longer one breaks between its characters.
MAX_WHOLE_PHRASE = 8


def holds_chinese(document: Document) -> bool:
    """Whether any text of the document, whatever its blocks, holds a Han character: only
    then do its editions load and name the Chinese faces."""
    return bool(re.search(HAN, json.dumps(to_json(document), ensure_ascii=False)))


def tagged(text: str, language: str) -> Markup:
    """`text` escaped, each Chinese phrase in a `<span lang>` when the document's `language`
    is not Chinese; a short one (a name, a title) kept whole on its line, as a word is."""
    if is_chinese_tag(language) or not re.search(HAN, text):
        return escape(text)
    return Markup("").join(phrase(piece) if chinese else escape(piece)
                           for piece, chinese in chinese_runs(text))


def phrase(text: str) -> Markup:
    if len(text) <= MAX_WHOLE_PHRASE:
        return Markup('<span lang="{}" class="phrase">{}</span>').format(CHINESE, text)
    return Markup('<span lang="{}">{}</span>').format(CHINESE, text)
