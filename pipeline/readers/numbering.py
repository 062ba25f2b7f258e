"""What every reader makes of a list's markers: its style (in CSS's names) and its start."""

from __future__ import annotations

import re

from pipeline.languages import NUMERALS
from pipeline.list_numbers import is_roman, letters_value, numeral, roman_value


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
