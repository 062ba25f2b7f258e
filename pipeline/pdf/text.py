"""The text a PDF shows, read back from its content streams through each font's ToUnicode
map: per marked-content sequence, and per structure element."""

from __future__ import annotations

import re

import pikepdf

from pipeline.pdf.pages import PageContents
from pipeline.pdf.structure import is_element, kids_of, marked_instructions

BF_CHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
BF_RANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
HEX = re.compile(rb"<([0-9a-fA-F]+)>")
# A code and the text it maps to, which may be none (<>): a glyph that shows no character.
CODE_AND_TEXT = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>")


def element_text(element: pikepdf.Dictionary, texts: dict) -> str:
    """The text of an element's marked content and of its elements', in order."""
    parts = []
    for kid in kids_of(element):
        if isinstance(kid, int):
            parts.append(texts.get((element.Pg.objgen, kid), ""))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
            parts.append(texts.get((kid.Pg.objgen, int(kid.MCID)), ""))
        elif is_element(kid):
            parts.append(element_text(kid, texts))
    return "".join(parts)


def marked_texts(pdf: pikepdf.Pdf, contents: PageContents | None = None
                 ) -> dict[tuple[tuple[int, int], int], str]:
    """(page, MCID) -> the text shown in that marked content; the pages' instructions from
    `contents` when the PDF is being finished."""
    contents = contents or PageContents(pdf)
    texts: dict[tuple[tuple[int, int], int], str] = {}
    maps: dict[tuple[int, int], dict[int, str]] = {}
    for page in pdf.pages:
        fonts = page.Resources.get("/Font", pikepdf.Dictionary())
        unicode_map: dict[int, str] = {}
        for operands, operator, _, mcid in marked_instructions(contents.placed(page)):
            if operator == "Tf":
                font = fonts.get(str(operands[0]))
                unicode_map = font_map(font, maps) if font is not None else {}
            elif operator in ("Tj", "TJ") and mcid is not None:
                key = (page.obj.objgen, mcid)
                texts[key] = texts.get(key, "") + shown(operands[0], unicode_map)
    return texts


def shown(operand, unicode_map: dict[int, str]) -> str:
    """The text of a Tj string or a TJ array, two bytes a glyph (Identity-H)."""
    strings = operand if isinstance(operand, pikepdf.Array) else [operand]
    data = b"".join(bytes(item) for item in strings if isinstance(item, pikepdf.String))
    return "".join(unicode_map.get(int.from_bytes(data[i:i + 2], "big"), "")
                   for i in range(0, len(data) - 1, 2))


def font_map(font: pikepdf.Dictionary, maps: dict) -> dict[int, str]:
    """A font's ToUnicode map (its bfchar and bfrange entries), read once per font."""
    if font.objgen not in maps:
        maps[font.objgen] = to_unicode(font.ToUnicode.read_bytes()) if "/ToUnicode" in font \
            else {}
    return maps[font.objgen]


def to_unicode(cmap: bytes) -> dict[int, str]:
    result: dict[int, str] = {}
    for block in BF_CHAR.findall(cmap):
        for source, target in CODE_AND_TEXT.findall(block):
            result[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
    for block in BF_RANGE.findall(cmap):
        codes = HEX.findall(block)
        for low, high, target in zip(codes[0::3], codes[1::3], codes[2::3], strict=False):
            first = ord(bytes.fromhex(target.decode()).decode("utf-16-be")[0])
            for offset in range(int(high, 16) - int(low, 16) + 1):
                result[int(low, 16) + offset] = chr(first + offset)
    return result
