"""Give the symbol faces here the line metrics of the text faces, so a line holding a tick or
an arrow stands as far from its neighbours as any other.

A run of text set in a fallback face takes that face's ascent and descent into its line
(CSS's half-leading is measured from them): Noto Sans Symbols 2's deeper descent (630 units
to the text faces' 293) pushed each line holding a symbol some 0.17 em down. Only the
metrics change (hhea, OS/2 typographic and Windows values), never a glyph; a glyph taller
than the new ascent is drawn into the leading, as an accent is (the OFL allows modified
versions; these fonts have no reserved name). Run once per font file:
`python layouts/fonts/match_line_metrics.py layouts/fonts/NotoSans-Regular.ttf
layouts/fonts/NotoSansMath-Regular.ttf layouts/fonts/NotoSansSymbols*-Regular.ttf`.
"""

from __future__ import annotations

import sys

from fontTools.ttLib import TTFont


def match_line_metrics(reference: TTFont, path: str) -> None:
    font = TTFont(path, recalcTimestamp=False)  # the same file from the same font
    scale = font["head"].unitsPerEm / reference["head"].unitsPerEm
    for table, names in (("hhea", ("ascent", "descent", "lineGap")),
                         ("OS/2", ("sTypoAscender", "sTypoDescender", "sTypoLineGap",
                                   "usWinAscent", "usWinDescent"))):
        for name in names:
            setattr(font[table], name, round(getattr(reference[table], name) * scale))
    font.save(path, reorderTables=False)


if __name__ == "__main__":
    text_face = TTFont(sys.argv[1])
    for font_path in sys.argv[2:]:
        match_line_metrics(text_face, font_path)
