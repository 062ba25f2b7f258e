"""Which language a text is in, read from its characters: Chinese (Han characters and the
full-width punctuation set with them) or not.

Readers use it to give a text with no language in its metadata its own, writers to tag a
Chinese line or phrase inside an English text, as line breaks are derived from the text.
"""

from __future__ import annotations

import re

DEFAULT = "en-GB"  # the model's language when neither the metadata nor the text says
CHINESE = "zh-HK"  # Traditional Chinese as Hong Kong writes it: the house style's

# Han characters: the unified ideographs and their extensions, compatibility ideographs, 〇.
HAN_RANGES = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
# Punctuation set with Chinese: CJK symbols and punctuation, full-width forms, bopomofo.
PUNCTUATION_RANGES = "\u3000-\u3006\u3008-\u303f\u3100-\u312f\ufe30-\ufe4f\uff00-\uff65"
# Patterns, not compiled here: a class of CJK characters takes milliseconds to compile, and
# dodo.py imports this module for every doit, even one with nothing to do; re compiles each
# once, on first use.
HAN = f"[{HAN_RANGES}]"
# A Han character or a punctuation mark only Chinese (or Japanese) text uses.
CHINESE_CHARACTER = f"[{HAN_RANGES}{PUNCTUATION_RANGES}]"
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# Chinese numerals as lists count with them: 一 to 九, and 十 for ten (十一, 二十, 二十三).
HAN_DIGITS = {digit: value for value, digit in enumerate("一二三四五六七八九", 1)}
HAN_NUMERAL = f"[{''.join(HAN_DIGITS)}十]{{1,3}}"
# A run of Chinese: Chinese characters (with the ellipsis, dash and middle dot they share
# with Latin text), and what may stand between two of them: a space, figures or one Latin
# word ("2024年", "第3季", "主席 莫慧琳", "香港大學HKU的").
RUN_CHARACTER = f"[{HAN_RANGES}{PUNCTUATION_RANGES}\u2026\u2014\u00b7]"
RUN_GAP = r"(?: ?[A-Za-z0-9.,%&'/\u2013-]{1,20} ?| )"
CHINESE_RUN = f"{RUN_CHARACTER}(?:{RUN_GAP}?{RUN_CHARACTER})*"


def is_chinese(text: str) -> bool:
    """Text written in Chinese: at least as many Han characters as Latin words, so a Chinese
    sentence naming an English body stays Chinese and an English one naming a Chinese
    person stays English."""
    if text.isascii():  # most lines of an English text: no pattern needed
        return False
    han = len(re.findall(HAN, text))
    return han > 0 and han >= len(LATIN_WORD.findall(text))


def is_chinese_tag(language: str) -> bool:
    """zh, zh-HK, zh-Hant, zh-Hant-HK ... (tags are case-insensitive)."""
    return language.casefold().split("-")[0] == "zh"


def text_language(text: str, given: str = DEFAULT) -> str:
    """A document's language: the metadata's when it names one other than the default, else
    Chinese for a text mostly in Chinese, else the default."""
    if given != DEFAULT:
        return given
    return CHINESE if is_chinese(text) else DEFAULT


def block_language(text: str, document_language: str) -> str | None:
    """The language of a paragraph, line or phrase when it differs from the document's:
    Chinese, with more Chinese characters than Latin letters (so "Chairman's Statement
    主席報告" stays the document's), inside a document in another language. An English
    phrase in a Chinese text is not tagged: it reads as the document's."""
    if is_chinese_tag(document_language):
        return None
    han = len(re.findall(HAN, text))
    return CHINESE if han > sum(map(len, LATIN_WORD.findall(text))) else None


def chinese_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into pieces, each Chinese (True) or not: the phrases to tag inside a text
    in another language."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in re.finditer(CHINESE_RUN, text):
        if not re.search(HAN, match.group()):
            continue  # punctuation alone (a full-width space) is no Chinese phrase
        if match.start() > position:
            pieces.append((text[position:match.start()], False))
        pieces.append((match.group(), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces
