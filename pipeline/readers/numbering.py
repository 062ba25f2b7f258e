"""What every reader makes of a list's markers: a marker written as text (its family and
value), and a list's style (in CSS's names) and its start."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.languages import (
    NUMERAL,
    NUMERALS,
    PICTOGRAPH_BULLET,
    UNSPACED,
    UNSPACED_OPENING,
)
from pipeline.list_numbers import (
    CIRCLED,
    CIRCLED_STYLE,
    circled_value,
    is_roman,
    letters_value,
    numeral,
    roman_value,
)


def list_numbering(values: list[str]) -> tuple[str, int]:
    """The style and start of a list whose items are marked with `values`: "" for a bullet,
    else the number, letter, roman or Chinese numeral ("3", "b", "iv", "C", "aa", "十一").
    Markers that are all roman numerals are roman when they count on by one ("v, vi") or
    start at i or with a numeral of two letters, unless they count on as letters too (a
    list of one item: "v" alone is the letter, "i" alone the numeral); else lettered ("aa"
    after "z", as Word counts)."""
    first = values[0]
    if not first:
        return "bullet", 1
    if first.isdigit() and first.isascii():
        return "decimal", int(first)
    if first in CIRCLED:
        return CIRCLED_STYLE, circled_value(first)
    for numerals in NUMERALS:  # a language's own: "一", "十一"
        if re.fullmatch(numerals.pattern, first):
            return numerals.style, numerals.value(first)
    case = "upper" if first.isupper() else "lower"
    folded = [value.lower() for value in values]
    romans = [roman_value(value) if is_roman(value) else None for value in folded]
    lettered = [letters_value(value) if len(set(value)) == 1 else None for value in folded]
    as_roman = None not in romans and (counts_on(romans) or folded[0] == "i"
                                       or len(folded[0]) > 1)
    if as_roman and not (None not in lettered and counts_on(lettered) and folded[0] != "i"):
        return f"{case}-roman", romans[0]
    return f"{case}-alpha", lettered[0] or letters_value(folded[0])


def counts_on(numbers: list[int]) -> bool:
    return all(after == before + 1 for before, after in zip(numbers, numbers[1:], strict=False))


def counts_on_from(before: str, after: str) -> bool:
    """Whether the marker value `after` is the one right after `before`: "4" then "5", "四"
    then "五", "h" then "i", "iv" then "v"; never for bullets ("")."""
    if not before or not after:
        return False
    style, start = list_numbering([before, after])
    if any(numerals.style == style and start >= numerals.last for numerals in NUMERALS):
        return False  # past the last numeral the language writes: "九十九"
    return numeral(style, start + 1) == after


KEYCAP_TEN = "\U0001f51f"  # 🔟, the keycap of two figures
MARKER = re.compile(
    r"(?P<bullet>[•·‧・▪◦‣●○■□◆◇❖➢✓◻\-–—*o])\s+"
    # Chinese writes a bullet with no space after too ("‧每月上門探訪", a Hong Kong page's
    # hyphenation point); a dash or a letter opening a line so is a word's.
    rf"|(?P<unspaced_bullet>[•·‧・▪●■◆◇])(?=[{UNSPACED}])"
    # A figure's keycap, as a post or a WeChat article numbers a list ("1️⃣ A plant sale",
    # "2️⃣兒童…", "🔟"): a number, in a family of its own; read before the pictographs, of
    # which it is one, so 1️⃣ and 2️⃣ are one list's and not two bullets.
    rf"|(?:(?P<keycap>\d)\ufe0f?\u20e3|(?P<keycap_ten>{KEYCAP_TEN}))\s*"
    # A pictograph as a bullet (✅, 👉, ➤), which carries a meaning the list keeps: its own
    # family, so only lines opened by the same one are one list's.
    rf"|(?P<pictograph>{PICTOGRAPH_BULLET})\s+"
    # Chinese writes one with no space after, full width too: "（1）計劃", "１．增設",
    # "１．「青年發展藍圖」".
    r"|(?P<open>[(\uff08])?(?P<value>\d{1,2}|[a-zA-Z]|[ivx]{1,4}|[IVX]{1,4})"
    rf"(?P<close>[.)\uff0e\uff09])(?:\s+|(?=[{UNSPACED}{UNSPACED_OPENING}]))"
    # A figure before the ideographic comma, with no space after: "1、"
    r"|(?P<figure>\d{1,2})\u3001\s*"
    # A language's own numerals, as Chinese writes them with no space after: "一、", "（二）"
    rf"|(?P<own_open>[(（])?(?P<own>{NUMERAL})(?P<own_close>、|[)）])\s*"
    # A figure in a circle, with or without a space after: "① 楼道照明", "②缺少"
    rf"|(?P<circled>[{CIRCLED}])\s*"
)


# A marker's full-width marks and figures as the half-width ones they stand for: one family.
HALF_WIDTH = str.maketrans({"\uff08": "(", "\uff09": ")", "\uff0e": ".",
                            **{chr(0xFF10 + digit): str(digit) for digit in range(10)}})


@dataclass(frozen=True)
class Marked:
    """A line's list marker: its family (how it is written) and the value it gives."""

    family: str  # "•", "1.", "(1)", "a)", "(a)", "(i)", "一、", "1.1"…: one family, one list
    value: str  # "" for a bullet
    text: str  # the line after the marker
    indent: int = 0  # the columns of white space before it (readers/cleaning.py kept them)
    path: str = ""  # a compound number's parents' numbers: "2." in "2.1"
    bare: bool = False  # a compound number with no full stop after its own: "2.1", not "2.1."
    full_width: bool = False  # its brackets typed full width, as Chinese text writes them: （1）
    pictograph: bool = False  # a pictograph as a bullet (✅, 👉), its family: kept as written

    @property
    def chain(self) -> str:
        """The number its sub-items' compound numbers begin with ("2." for item 2., "2.1."
        for item 2.1), "" for a marker that numbers none."""
        return f"{self.path}{self.value}." if self.family == "1." or self.path else ""

    @property
    def ambiguous(self) -> bool:
        """A letter that may be a roman numeral: i, v or x."""
        return self.value.lower() in ("i", "v", "x")

    def read_as(self, kind: str) -> Marked:
        """The marker read as a letter ("a") or a roman numeral ("i"), in its own case."""
        kind = kind.upper() if self.value.isupper() else kind
        return replace(self, family=re.sub("[aAiI]", kind, self.family, count=1))


def marker_of(row: str) -> Marked | None:
    match = MARKER.match(row)
    if match is None or not row[match.end():].strip():
        return None
    rest = row[match.end():]
    if match.group("bullet") or match.group("unspaced_bullet"):
        return Marked(match.group("bullet") or match.group("unspaced_bullet"), "", rest)
    if match.group("pictograph"):
        # A pictograph before a number (`✅ 1. Register online`) decorates a numbered item:
        # the number is the list's, the pictograph stays with the item's words.
        numbered = marker_of(rest)
        if numbered is not None and numbered.value:
            return replace(numbered, text=f"{match.group('pictograph')} {numbered.text}")
        return Marked(match.group("pictograph"), "", rest, pictograph=True)
    if match.group("figure"):
        return Marked("1\u3001", match.group("figure"), rest)
    if match.group("circled"):
        return Marked("\u2460", match.group("circled"), rest)
    if match.group("keycap") or match.group("keycap_ten"):
        return Marked("1\u20e3", match.group("keycap") or "10", rest)
    if match.group("own"):
        opening, closing = match.group("own_open") or "", match.group("own_close")
        if bool(opening) != (closing != "、"):
            return None
        opening, closing = ("\uff08", "\uff09") if opening else ("", closing)
        return Marked(f"{opening}一{closing}", match.group("own"), rest)
    opening, value, closing = (mark.translate(HALF_WIDTH) for mark in (
        match.group("open") or "", match.group("value"), match.group("close")))
    if opening and closing != ")":
        return None
    kind = "1" if value.isdigit() else "i" if len(value) > 1 or value.lower() == "i" else "a"
    kind = kind.upper() if value.isupper() else kind
    return Marked(f"{opening}{kind}{closing}", value, rest,
                  full_width=match.group("open") == "\uff08")


def form_of(family: str, full_width: bool = False, pictograph: bool = False) -> str:
    """How the model writes a family's markers (model.MARKERS): "(%)" for (a), "%)" for a),
    "（%）" for （一） and for (1) typed full width (`full_width`), "%、" for 1、; the
    pictograph itself for a `pictograph` bullet's (✅); "" for the style's usual 1., a., 一、
    and for the other bullets, which the editions set as their own."""
    if pictograph:
        return family
    if family.startswith("(") and full_width:
        return "\uff08%\uff09"
    if family.startswith(("(", "\uff08")):
        return f"{family[0]}%{family[-1]}"
    if family == "1\u3001":
        return "%\u3001"
    return "%)" if family.endswith(")") else ""
