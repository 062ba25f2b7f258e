"""The house style's rules for a line written in Chinese (Traditional, as Hong Kong writes it).

Cleaning changes punctuation and spacing only, never a character, word or figure: full-width
punctuation where a half-width mark stands between Chinese characters, 「」 outside and 『』
inside, the ellipsis …… and the dash —— (two characters each), no space between a Chinese
character and a figure. Reading, it knows a Chinese heading (no closing 。, a question ends
？) and a Chinese byline (the role before the name).
"""

from __future__ import annotations

import re

from pipeline.languages import CHINESE_CHARACTER, HAN_RANGES, PUNCTUATION_RANGES

CJK = f"[{HAN_RANGES}{PUNCTUATION_RANGES}]"
# Half-width marks and their full-width forms.
FULL_WIDTH = {",": "\uff0c", ".": "\u3002", ";": "\uff1b", ":": "\uff1a", "?": "\uff1f",
              "!": "\uff01", "(": "\uff08", ")": "\uff09"}
# A half-width mark after a Chinese character, wherever it stands (line ends included), or
# before one but not between figures ("2,700" stays); a full stop only between Chinese
# characters or ending the line, so "2.98億" keeps its point. Spaces beside it are dropped.
BESIDE = (rf"(?<={CJK}) *([,;:?!]) *|(?<={CJK}) *(\.) *(?={CJK})|(?<={CJK}) *(\.)$"
          rf"|(?<![\d ]) ?([,;:?!]) ?(?={CJK})")
# Three or more dots, or one or more ellipses ("...", "。。。", "…", "⋯⋯"): the ellipsis ……
ELLIPSIS = re.compile(r" *(?:\.{3,}|\u3002{3,}|[\u2026\u22ef]+) *")
# Two or more hyphens, a dash or two, box-drawing lines standing for one: the dash ——
DASH = re.compile(r" *(?:-{2,}|\uff0d{2,}|[\u2014\u2015\u2500]+) *")
# A space between a Chinese character and a figure ("2024 年"): Chinese sets none. (Between a
# Chinese character and a Latin word it stays: "主席報告 Chairman's Report" is two titles.)
SPACED_FIGURE = rf"(?<=[{HAN_RANGES}]) +(?=\d)|(?<=\d) +(?=[{HAN_RANGES}])"
# Spaces around full-width punctuation, which carries its own space.
SPACED_PUNCTUATION = re.compile(r" *([\u3001\u3002\uff0c\uff1b\uff1a\uff1f\uff01"
                                r"\u300c-\u300f\uff08\uff09\u300a\u300b\u3008\u3009]) *")
QUOTES = "\"'\u201c\u201d\u2018\u2019"
OPENING_QUOTES = "\u300c\u300e"  # 「 outside, 『 inside
CLOSING_QUOTES = "\u300d\u300f"

MAX_HEADING_CHARACTERS = 30
SENTENCE_END = "\u3002\uff01\u2026"  # 。！…: a heading ends in none (a question may end ？)
PHRASE_END = "\uff0c\uff1b\uff1a\u3001"  # ，；：、
MAX_BYLINE_CHARACTERS = 40
COMMA = re.compile("[,\uff0c]")
NAME = rf"[{HAN_RANGES}\u00b7]{{2,8}}"


def typeset(line: str) -> str:
    """The house style's punctuation for a line written in Chinese."""
    line = ELLIPSIS.sub("\u2026\u2026", line)
    line = DASH.sub("\u2014\u2014", line)
    line = corner_quotes(line)  # first: a mark before a corner bracket stands between
    line = re.sub(BESIDE, lambda match: FULL_WIDTH[next(filter(None, match.groups()))], line)
    line = parentheses(line)
    line = re.sub(SPACED_FIGURE, "", line)
    return SPACED_PUNCTUATION.sub(r"\1", line)


def parentheses(line: str) -> str:
    """Parentheses opened after or before a Chinese character are full-width, and so is the
    parenthesis closing them ("建築信息模擬（BIM）技術"); one closed after a Chinese character
    too. Parentheses around Latin text in Latin text stay."""
    characters = list(line)
    opened: list[bool] = []  # for each parenthesis open, whether it is full-width
    before = ""  # the last character that is not a space
    for index, character in enumerate(line):
        if character == "(":
            after = line[index + 1:index + 2]
            opened.append(bool(re.match(CJK, before) or re.match(CJK, after)))
            characters[index] = "\uff08" if opened[-1] else "("
        elif character == ")":
            full = opened.pop() if opened else False
            if full or re.match(CJK, before):
                characters[index] = "\uff09"
        if character != " ":
            before = character
    return "".join(characters)


def corner_quotes(line: str) -> str:
    """Quotes become corner brackets by their position, 「」 outside and 『』 inside: a
    straight quote closes the quote of its kind left open, else opens one; a curly quote says
    which it is. An apostrophe in a Latin word ("Chairman's") stays one."""
    characters = list(line)
    open_kinds: list[str] = []  # the kinds of the quotes open, outermost first
    for index, character in enumerate(characters):
        if character not in QUOTES:
            continue
        kind = "'" if character in "'\u2018\u2019" else '"'
        before = characters[index - 1] if index else " "
        if kind == "'" and before.isascii() and before.isalpha() and "'" not in open_kinds:
            characters[index] = "\u2019"
            continue
        if kind in open_kinds and character not in "\u201c\u2018":
            del open_kinds[open_kinds.index(kind):]
            characters[index] = CLOSING_QUOTES[min(len(open_kinds), 1)]
        else:
            characters[index] = OPENING_QUOTES[min(len(open_kinds), 1)]
            open_kinds.append(kind)
    return "".join(characters)


def is_heading(text: str) -> bool:
    """A short Chinese line, one phrase, not ending as a sentence: a section heading."""
    return (
        len(text) <= MAX_HEADING_CHARACTERS
        and not text.endswith(tuple(SENTENCE_END + PHRASE_END))
        and not re.search(f"[{SENTENCE_END}\uff1f].", text)
        and (bool(re.match(CHINESE_CHARACTER, text[0])) or text[0].isdigit())
    )


def is_byline(text: str) -> bool:
    """A short Chinese line shaped "role name" (or "name, role"), the name a few characters."""
    name, role = byline_parts(text)
    return (len(text) <= MAX_BYLINE_CHARACTERS and bool(role) and bool(re.fullmatch(NAME, name))
            and not text.endswith(tuple(SENTENCE_END + PHRASE_END)))


def byline_parts(text: str) -> tuple[str, str]:
    """The name and the role of "海港事務監督 莫慧琳", or of "莫慧琳，海港事務監督"."""
    if COMMA.search(text):
        name, role = COMMA.split(text, maxsplit=1)
        return name.strip(), role.strip()
    role, _, name = text.rpartition(" ")
    return name, role
