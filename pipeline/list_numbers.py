"""The numbers of list items written in letters and roman numerals, as Word writes them and
the editions print them: readers and writers alike count with these."""

from __future__ import annotations

ROMAN_VALUES = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90),
                ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def letters(number: int) -> str:
    """27 -> "aa", 28 -> "bb": a to z, then each letter twice, three times … (Word's
    lowerLetter, and CSS's symbolic counting, not the spreadsheet's aa, ab)."""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def letters_value(text: str) -> int:
    """ "aa" -> 27: the number a letter written `len(text)` times stands for."""
    return 26 * (len(text) - 1) + ord(text[0].lower()) - ord("a") + 1


def roman(number: int) -> str:
    """4 -> "iv", 1999 -> "mcmxcix"."""
    result = ""
    for numeral, value in ROMAN_VALUES:
        while number >= value:
            result += numeral
            number -= value
    return result


def roman_value(numeral: str) -> int | None:
    """ "iv" -> 4; None when the letters are no roman numeral written as roman() writes it."""
    values = dict(ROMAN_VALUES)
    total, index = 0, 0
    text = numeral.lower()
    while index < len(text):
        pair = text[index:index + 2]
        if len(pair) == 2 and pair in values:
            total, index = total + values[pair], index + 2
        elif text[index] in values:
            total, index = total + values[text[index]], index + 1
        else:
            return None
    return total if total and roman(total) == text else None
