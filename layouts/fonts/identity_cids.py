"""Number each glyph of a CID-keyed CFF face by its glyph ID: CID n is glyph n.

A PDF shows a CIDFont's glyphs by CID, which the embedded CFF's charset turns into glyph
IDs (ISO 32000-1, 9.7.4.2: "the CIDs shall be used to determine the GID value for the glyph
procedure using the charset table in the CFF program"); WeasyPrint writes each glyph's GID as
its code. The faces here, taken out of the Noto CJK collections, keep the collections' CIDs
(glyph 26642 is CID 31468), so a viewer reading the charset, as Acrobat and a printer's RIP
do, drew other glyphs or none where poppler and pdfium, which take the code for the glyph,
drew the right ones. Renumbered, the charset maps every glyph to itself: the codes are the
CIDs, whichever way a reader takes them. Only the charset changes (glyph names in a
CID-keyed font, `cidNNNNN`), never an outline, a metric or a table addressing glyphs by ID.
Run once per face: `python layouts/fonts/identity_cids.py layouts/fonts/Noto*CJK*.otf`.
"""

from __future__ import annotations

import io
import sys

from fontTools.ttLib import TTFont


def identity_cids(path: str) -> None:
    # Lazily read: only the CFF table is decompiled and compiled again, the rest copied.
    font = TTFont(path, lazy=True, recalcTimestamp=False, recalcBBoxes=False)
    top = font["CFF "].cff.topDictIndex[0]
    if not hasattr(top, "ROS"):
        raise SystemExit(f"{path}: not a CID-keyed CFF face")
    names = [".notdef", *(f"cid{gid:05d}" for gid in range(1, len(top.charset)))]
    strings = top.CharStrings
    strings.charStrings = {name: strings.charStrings[old]
                           for name, old in zip(names, top.charset, strict=True)}
    top.charset = names
    font.setGlyphOrder(names)
    saved = io.BytesIO()
    font.save(saved, reorderTables=False)
    font.close()
    with open(path, "wb") as file:
        file.write(saved.getvalue())


if __name__ == "__main__":
    for font_path in sys.argv[1:]:
        identity_cids(font_path)
