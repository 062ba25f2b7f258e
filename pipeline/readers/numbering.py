"""What every reader makes of a list's markers: its style (in CSS's names) and its start."""

from __future__ import annotations

import re

from pipeline.languages import NUMERALS

ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def list_numbering(values: list[str]) -> tuple[str, int]:
    """The style and start of a list whose items are marked with `values`: "" for a bullet,
    else the number, letter, roman or Chinese numeral ("3", "b", "iv", "C", "十一"). A list
    marked i, ii … is roman; one marked i alone too; one starting at another single letter
    is lettered."""
    first = values[0]
    if not first:
        return "bullet", 1
    if first.isdigit() and first.isascii():
        return "decimal", int(first)
    for numerals in NUMERALS:  # a language's own: "一", "十一"
        if re.fullmatch(numerals.pattern, first):
            return numerals.style, numerals.value(first)
    case = "upper" if first.isupper() else "lower"
    folded = [value.lower() for value in values]
    roman = folded[0] == "i" or len(folded[0]) > 1
    if roman and all(set(value) <= set(ROMAN_VALUES) for value in folded):
        return f"{case}-roman", roman_value(folded[0])
    return f"{case}-alpha", ord(folded[0][0]) - ord("a") + 1


def roman_value(numeral: str) -> int:
    total = 0
    for index, letter in enumerate(numeral):
        value = ROMAN_VALUES[letter]
        following = ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total

