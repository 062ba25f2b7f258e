"""What every reader makes of a list's markers: its style (in CSS's names) and its start."""

from __future__ import annotations

from pipeline.languages import HAN_DIGITS
from pipeline.list_numbers import letters_value, roman_value


def list_numbering(values: list[str]) -> tuple[str, int]:
    """The style and start of a list whose items are marked with `values`: "" for a bullet,
    else the number, letter, roman or Chinese numeral ("3", "b", "iv", "C", "aa", "十一").
    The markers are read as letters or as roman numerals, whichever counts on by one from
    item to item ("v, vi" is roman, "v, w" lettered); a list that reads both ways (one item)
    is roman when it starts at i, else lettered."""
    first = values[0]
    if not first:
        return "bullet", 1
    if first.isdigit() and first.isascii():
        return "decimal", int(first)
    if first[0] in HAN_DIGITS or first[0] == "十":
        return "trad-chinese-informal", han_value(first)
    case = "upper" if first.isupper() else "lower"
    folded = [value.lower() for value in values]
    romans = [roman_value(value) for value in folded]
    lettered = [letters_value(value) if len(set(value)) == 1 else None for value in folded]
    if None not in romans and counts_on(romans) and not (
            None not in lettered and counts_on(lettered) and folded[0] != "i"):
        return f"{case}-roman", romans[0]
    return f"{case}-alpha", lettered[0] or letters_value(folded[0])


def counts_on(numbers: list[int]) -> bool:
    return all(after == before + 1 for before, after in zip(numbers, numbers[1:], strict=False))


def han_value(numeral: str) -> int:
    """"三" -> 3, "十一" -> 11, "二十" -> 20, "二十三" -> 23."""
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return HAN_DIGITS[numeral]
    return 10 * (HAN_DIGITS[tens] if tens else 1) + (HAN_DIGITS[units] if units else 0)
