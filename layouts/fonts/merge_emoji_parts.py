"""Make NotoEmoji-Regular.ttf here: Noto Emoji (monochrome, weight 400; OFL-Emoji.txt) whole,
from the parts @fontsource/noto-emoji 5.3.2 ships it in (`files/noto-emoji-<n>-400-normal.woff`,
n from 0 to 10, each holding the emoji its `unicode-range` names).

WeasyPrint embeds faces of one name as one font, so parts declared apart by their
unicode-range would draw one part's glyphs by another's numbers: merged, one file holds
them all. Run once: `python layouts/fonts/merge_emoji_parts.py <fontsource's files folder>`,
then give it the text faces' line metrics as the symbol faces have them
(`python layouts/fonts/match_line_metrics.py layouts/fonts/NotoSans-Regular.ttf
layouts/fonts/NotoEmoji-Regular.ttf`).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from fontTools.merge import Merger
from fontTools.ttLib import TTFont

PARTS = 11


def merged(folder: Path) -> TTFont:
    with tempfile.TemporaryDirectory() as scratch:
        paths = []
        for number in range(PARTS):
            part = TTFont(folder / f"noto-emoji-{number}-400-normal.woff")
            part.flavor = None  # as TrueType, which the merger reads
            paths.append(Path(scratch) / f"{number}.ttf")
            part.save(paths[-1])
        return Merger().merge(paths)


if __name__ == "__main__":
    merged(Path(sys.argv[1])).save(Path(__file__).with_name("NotoEmoji-Regular.ttf"))
