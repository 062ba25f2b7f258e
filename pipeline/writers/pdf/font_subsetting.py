"""Fonts subset through uharfbuzz, the HarfBuzz a wheel carries, on every machine.

WeasyPrint subsets each embedded font with the system's libharfbuzz-subset when it finds one
and with fontTools otherwise: two paths giving different bytes (fontTools also stamps each
subset with the clock) at very different speeds (fontTools takes seconds for a Chinese face).
Replacing its subsetter with the same two passes run through uharfbuzz makes the bytes and
the cost of a PDF the same whatever Debian packages a machine has.
"""

from __future__ import annotations

import functools

# Tables no PDF viewer reads from an embedded font: WeasyPrint's own list.
DROPPED_TABLES = ("BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF",
                  "LTSH", "PCLT", "SVG ")


@functools.cache
def use_uharfbuzz_subsetting() -> None:
    """Make WeasyPrint subset every font through uharfbuzz (once a process)."""
    from weasyprint.pdf.fonts import Font

    Font.subset = subset_font


def subset_font(font, to_unicode: dict, hinting: bool) -> None:
    """WeasyPrint's HarfBuzz subsetting (Font._harfbuzz_subset), through uharfbuzz: first the
    glyphs used, at their own ids; then every glyph up to the last used one, so glyph ids
    stay those the content streams name while the fonts lose all the glyphs after."""
    import uharfbuzz as hb

    if not to_unicode:
        return
    face = hb.Face(hb.Blob(font.file_content), font.index)
    outline = hb.SubsetFlags.NOTDEF_OUTLINE if font.missing else hb.SubsetFlags.DEFAULT
    first = _subset_input(sorted(to_unicode), hb.SubsetFlags.RETAIN_GIDS | outline)
    first.sets(hb.SubsetInputSets.DROP_TABLE_TAG).update(_tag(tag) for tag in DROPPED_TABLES)
    face = hb.subset(face, first)
    hints = hb.SubsetFlags.DEFAULT if hinting else hb.SubsetFlags.NO_HINTING
    face = hb.subset(face, _subset_input(range(max(to_unicode) + 1), hints | outline))
    if face is not None:
        data = face.blob.data
        if data:
            font.file_content = bytes(data)


def _subset_input(glyphs, flags):
    import uharfbuzz as hb

    subset_input = hb.SubsetInput()
    subset_input.glyph_set.update(glyphs)
    subset_input.flags = (flags | hb.SubsetFlags.PASSTHROUGH_UNRECOGNIZED
                          | hb.SubsetFlags.DESUBROUTINIZE)
    return subset_input


def _tag(name: str) -> int:
    """An OpenType table tag as HarfBuzz numbers it."""
    return int.from_bytes(name.encode("ascii"), "big")


def tags_from_contents(pdf) -> None:
    """Each subset's tag (the six letters before `+` in its name) made from the glyphs it
    holds, in a PDF open in pikepdf. WeasyPrint makes the tag from the face alone, so every
    PDF names its subset of one face alike (`HUHQIP+Noto-Sans`) whatever glyphs it holds:
    ISO 32000-1 (9.6.4) asks only that the subsets of one file differ, but PDFs merged or
    imposed together for press (an annual report of many pieces) then hold several subsets
    under one name, which a RIP or Acrobat may take for one font, dropping glyphs. Made from
    the subset's bytes, the same subset is named the same in any file, another otherwise.
    The face's name after it is written without a comma (font_name)."""
    import hashlib

    import pikepdf

    fonts = {font.objgen: font for page in pdf.pages
             for font in page.Resources.get("/Font", pikepdf.Dictionary()).values()}
    for font in fonts.values():
        if font.get("/Subtype") != "/Type0":
            continue
        descendant = font.DescendantFonts[0]
        descriptor = descendant.FontDescriptor
        program = next((descriptor[key] for key in ("/FontFile2", "/FontFile3", "/FontFile")
                        if key in descriptor), None)
        name = str(font.BaseFont)
        if program is None or name[7:8] != "+":
            continue
        digest = hashlib.sha256(program.read_raw_bytes()).digest()
        renamed = pikepdf.Name("/" + "".join(chr(ord("A") + byte % 26) for byte in digest[:6])
                               + font_name(name[7:]))
        font.BaseFont = descendant.BaseFont = descriptor.FontName = renamed


def font_name(name: str) -> str:
    """WeasyPrint's name of a face (`Noto-Sans-Symbols-2,`), its words joined by hyphens as
    a PostScript name joins them, without the comma Pango's description of the face ends a
    family with where nothing follows a last word that could be read as a size (the 2 of
    Noto Sans Symbols 2). In a PDF font's name a comma introduces a style (ISO 32000-1,
    9.6.2.1 and 9.7.6), which a strict preflight may query, and no family's name holds one
    (Pango separates families by it)."""
    return name.replace(",", "")
