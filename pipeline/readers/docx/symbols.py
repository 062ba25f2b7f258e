"""The Unicode characters of symbols inserted from Word's symbol fonts (Insert > Symbol).

Word writes such a symbol as w:sym: a font and a code in that font (0xF0xx, or 0xxx).
Symbol's codes are Adobe's Symbol encoding, its angle brackets the mathematical ones (U+27E8,
U+27E9: Adobe's U+2329 and U+232A are deprecated, and the same characters as the CJK
brackets U+3008 and U+3009). Wingdings' are mapped for the symbols an editor inserts in
running text (ticks, crosses, boxes, bullets, arrows, stars, numbers in circles,
the telephone and envelope). A symbol Unicode presents as an emoji unless told otherwise
(Emoji_Presentation, or an emoji modifier base) is followed by U+FE0E, which selects its text
presentation: the font drew it as text, and so do the editions, from the layouts' symbol
faces (a renderer would otherwise look for an emoji face). A symbol of a font named here
that has no Unicode character, or of another symbol font, is refused by the reader rather
than dropped.
"""

from __future__ import annotations

TEXT_STYLE = "\ufe0e"  # VS15: the character before it in text presentation, not as an emoji
# The symbols below that Unicode presents as emoji by default.
EMOJI_BY_DEFAULT = frozenset("⌛☝✌✍♈♉♊♋♌♍♎♏♐♑♒♓")

SYMBOL = {
    0x20: " ", 0x21: "!", 0x22: "∀", 0x23: "#", 0x24: "∃", 0x25: "%", 0x26: "&", 0x27: "∋",
    0x28: "(", 0x29: ")", 0x2A: "∗", 0x2B: "+", 0x2C: ",", 0x2D: "−", 0x2E: ".", 0x2F: "/",
    **{code: chr(code) for code in range(0x30, 0x3A)},
    0x3A: ":", 0x3B: ";", 0x3C: "<", 0x3D: "=", 0x3E: ">", 0x3F: "?", 0x40: "≅",
    **dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ", strict=True)),
    0x5B: "[", 0x5C: "∴", 0x5D: "]", 0x5E: "⊥", 0x5F: "_",
    **dict(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ", strict=True)),
    0x7B: "{", 0x7C: "|", 0x7D: "}", 0x7E: "∼",
    0xA0: "€", 0xA1: "ϒ", 0xA2: "′", 0xA3: "≤", 0xA4: "⁄", 0xA5: "∞", 0xA6: "ƒ", 0xA7: "♣",
    0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓",
    0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB5: "∝", 0xB6: "∂", 0xB7: "•",
    0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xBF: "↵",
    0xC0: "ℵ", 0xC1: "ℑ", 0xC2: "ℜ", 0xC3: "℘", 0xC4: "⊗", 0xC5: "⊕", 0xC6: "∅", 0xC7: "∩",
    0xC8: "∪", 0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄", 0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈", 0xCF: "∉",
    0xD0: "∠", 0xD1: "∇", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD5: "∏", 0xD6: "√", 0xD7: "⋅",
    0xD8: "¬", 0xD9: "∧", 0xDA: "∨", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒", 0xDF: "⇓",
    0xE0: "◊", 0xE1: "⟨", 0xE2: "®", 0xE3: "©", 0xE4: "™", 0xE5: "∑", 0xF1: "⟩", 0xF2: "∫",
    0xF3: "⌠", 0xF5: "⌡",
}

WINGDINGS_CHARACTERS = {
    0x22: "✂", 0x23: "✁", 0x28: "☎", 0x29: "✆", 0x2A: "✉", 0x36: "⌛", 0x37: "⌨", 0x3E: "✇",
    0x3F: "✍", 0x41: "✌", 0x45: "☜", 0x46: "☞", 0x47: "☝", 0x48: "☟", 0x4A: "☺", 0x4C: "☹",
    0x4E: "☠", 0x51: "✈", 0x52: "☼", 0x54: "❄", 0x56: "✞", 0x58: "✠", 0x59: "✡", 0x5A: "☪",
    0x5B: "☯", 0x5D: "☸",
    **dict(zip(range(0x5E, 0x6A), "♈♉♊♋♌♍♎♏♐♑♒♓", strict=True)),
    0x6C: "●", 0x6D: "❍", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x72: "❒", 0x73: "⬧", 0x74: "⧫",
    0x75: "◆", 0x76: "❖", 0x77: "⬥", 0x78: "⌧", 0x7A: "⌘", 0x7B: "❀", 0x7C: "✿", 0x7D: "❝",
    0x7E: "❞", 0x80: "⓪",
    **dict(zip(range(0x81, 0x8B), "①②③④⑤⑥⑦⑧⑨⑩", strict=True)),
    0x8B: "⓿",
    **dict(zip(range(0x8C, 0x96), "❶❷❸❹❺❻❼❽❾❿", strict=True)),
    0x9E: "·", 0x9F: "•", 0xA0: "▪", 0xA1: "○", 0xA4: "◉", 0xA5: "◎", 0xA7: "▪", 0xA8: "◻",
    0xAA: "✦", 0xAB: "★", 0xAC: "✶", 0xAD: "✴", 0xAE: "✹", 0xAF: "✵", 0xB1: "⌖", 0xB5: "✪",
    0xB6: "✰", 0xD5: "⌫", 0xD6: "⌦", 0xD8: "➢", 0xE8: "➔", 0xEF: "⇦", 0xF0: "⇨", 0xF1: "⇧",
    0xF2: "⇩", 0xF3: "⬄", 0xF4: "⇳", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
}

WINGDINGS = {code: char + TEXT_STYLE if char in EMOJI_BY_DEFAULT else char
             for code, char in WINGDINGS_CHARACTERS.items()}

SYMBOL_FONTS = {"symbol": SYMBOL, "wingdings": WINGDINGS}
# Symbol fonts whose codes are pictures of their own, not Unicode: their symbols are refused.
SYMBOL_LIKE = ("wingdings 2", "wingdings 3", "webdings", "zapf dingbats", "marlett",
               "ms outlook", "mt extra", "bookshelf symbol 7")


def symbol_character(font: str, code: str) -> str | None:
    """The character of w:sym's `font` and hexadecimal `code`; None when it has none here."""
    try:
        value = int(code, 16)
    except ValueError:
        return None
    table = SYMBOL_FONTS.get(font.strip().casefold())
    if table is None:
        # A font that is no symbol font holds its characters at their own code points.
        return chr(value) if value < 0xF000 and font.casefold() not in SYMBOL_LIKE else None
    return table.get(value - 0xF000 if 0xF000 <= value <= 0xF0FF else value)

