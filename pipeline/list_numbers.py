"""The numbers of list items written in letters and roman numerals, as Word writes them and
the editions print them: readers and writers alike count with these."""

from __future__ import annotations

from pipeline.languages import NUMERALS

ROMAN_VALUES = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90),
                ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


# Figures in circles, ① to ⑳, then ㉑ to ㉟ and ㊱ to ㊿ (Unicode's three runs): how Chinese,
# Japanese and English web pages number items, and Word's decimalEnclosedCircle.
CIRCLED_STYLE = "circled-decimal"  # CSS's name (Ready-made Counter Styles)
CIRCLED = "".join(chr(code) for first, last in ((0x2460, 0x2473), (0x3251, 0x325F),
                                                (0x32B1, 0x32BF))
                  for code in range(first, last + 1))


def circled(number: int) -> str:
    """3 -> "③"; past ㊿, which Unicode does not circle, the figures alone."""
    return CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else str(number)


def circled_value(figure: str) -> int:
    """ "③" -> 3."""
    return CIRCLED.index(figure) + 1


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


def roman_value(numeral: str) -> int:
    """ "iv" -> 4: each letter's value, less where a greater one follows it."""
    values = dict(pair for pair in ROMAN_VALUES if len(pair[0]) == 1)
    text = numeral.lower()
    return sum(-values[letter] if values[letter] < values.get(following, 0) else values[letter]
               for letter, following in zip(text, [*text[1:], ""], strict=False))


def is_roman(numeral: str) -> bool:
    """Whether letters are a roman numeral as roman() writes one ("iv", not "iiii" or "ic")."""
    text = numeral.lower()
    return bool(text) and set(text) <= set("ivxlcdm") and roman(roman_value(text)) == text


# Each nesting level's bullet, as the editions and the draft set it: •, then –, then ‣ for
# every level deeper.
BULLETS = ("\u2022", "\u2013", "\u2023")
# How a tagged PDF names a list's numbering (ISO 32000-1, 14.8.5.5, Table 347: /ListNumbering),
# by CSS's list style or, for a bulleted list, by its bullet. Anything else (a language's own
# numerals, 一、; an en dash or a triangular bullet) is None: its labels hold text that follows
# none of these schemes, as the standard says of None. Circled figures are Decimal: arabic
# figures counting 1, 2, 3, the circle round each as much the label's as the stop after 1. is
# (Unicode decomposes ① to 1); None would tell a reader the list is not numbered.
LIST_NUMBERING = {
    "decimal": "Decimal", CIRCLED_STYLE: "Decimal",
    "lower-roman": "LowerRoman", "upper-roman": "UpperRoman",
    "lower-alpha": "LowerAlpha", "upper-alpha": "UpperAlpha",
    "\u2022": "Disc", "\u25e6": "Circle", "\u25aa": "Square",
}


def bullet(depth: int) -> str:
    """The bullet of a bulleted list nested `depth` lists deep (0 for an outer list)."""
    return BULLETS[min(depth, len(BULLETS) - 1)]


def list_numbering(style: str, depth: int, marker: str = "") -> str:
    """The /ListNumbering of a list of `style` (model.LIST_STYLES) nested `depth` deep; a
    bulleted list's `marker`, a pictograph (✅), is a label no scheme names: None."""
    if style == "bullet":
        return LIST_NUMBERING.get(marker or bullet(depth), "None")
    return LIST_NUMBERING.get(style, "None")


def numeral(style: str, number: int) -> str:
    """A list item's number in its list's style (model.LIST_STYLES): "3", "c", "iv", "十一"."""
    match style:
        case "decimal":
            return str(number)
        case "circled-decimal":
            return circled(number)
        case "lower-alpha" | "upper-alpha":
            letter = letters(number)
            return letter.upper() if style.startswith("upper") else letter
        case "lower-roman" | "upper-roman":
            return roman(number).upper() if style.startswith("upper") else roman(number)
    for numerals in NUMERALS:  # a language's own: "十一"
        if style == numerals.style:
            return numerals.numeral(number)
    raise ValueError(f"a list style without numerals: {style!r}")
