"""The faces a PDF may be set in, as every drawing of the pipeline's sets them: declared by the
shared fonts' stylesheets (layouts/fonts/) from the repository's font files, loaded through
one font configuration a process, and checked once set: a character set in any other font
(a system font standing in) or in none is refused.
"""

from __future__ import annotations

import functools
import multiprocessing.util
import re
import shutil
from pathlib import Path

from pipeline.languages import PICTOGRAPH, PROFILES
from pipeline.layouts import Layout
from pipeline.model import Document, List
from pipeline.writers.shaping import EMOJI_CSS, FONT_FILES, FONTS_CSS

FONT_FAMILY = re.compile(r"""font-family:\s*["']([^"']+)["']""")


def font_stylesheet_files(document: Document, layout: Layout) -> list[Path]:
    """The stylesheets of every face the document's editions may be set in: fonts/fonts.css,
    and the document's own faces' (own_faces_files)."""
    return [layout.fonts_folder / FONTS_CSS, *own_faces_files(document, layout)]


def own_faces_files(document: Document, layout: Layout) -> list[Path]:
    """The stylesheet of the faces of each script of its own the document holds
    (fonts/chinese.css, once for both Chinese), and of the emoji faces (fonts/emoji.css)
    where it holds a pictograph: only then are those fonts loaded."""
    return [*dict.fromkeys(layout.fonts_folder / profile.fonts_css for profile in PROFILES
                           if profile in document.scripts and profile.fonts_css),
            *([layout.fonts_folder / EMOJI_CSS] if holds_pictographs(document) else [])]


def holds_pictographs(document: Document) -> bool:
    """Whether any text of the document holds an emoji (`✅`, `🎉`), which a post or a mail
    may hold and only the emoji faces draw, in its words or as a list's bullet."""
    bullets = (bullet for block in document.blocks if isinstance(block, List)
               for bullet in block.bullets)
    return any(PICTOGRAPH.search(text) for text in (*document.texts(), *bullets))


def characters_lacking(weasy_document, families: frozenset[str]) -> list[str]:
    """The characters WeasyPrint's `weasy_document` sets in a font of none of the `families`
    (a system font standing in) or in none at all (a glyph no font has, drawn as a blank
    box): each once, in order."""
    fonts = weasy_document.fonts.values()
    strangers = {font.family for font in fonts if font.family not in families}
    return sorted({char for font in fonts if font.family in strangers
                   for text in font.to_unicode.values() for char in text if not char.isspace()}
                  | {chr(codepoint) for font in fonts for codepoint in font.missing})


def declared_families(layout: Layout) -> frozenset[str]:
    """The font families the shared fonts' stylesheets declare (fonts.css, emoji.css and
    each script's, chinese.css): the only ones a PDF may use."""
    return frozenset(family for name in FONT_FILES
                     for family in FONT_FAMILY.findall(
                         (layout.fonts_folder / name).read_text(encoding="utf-8")))


@functools.cache
def font_configuration():
    """One FontConfiguration per process: it registers each @font-face file once.

    WeasyPrint copies each face into a temporary folder of its own, which it removes when the
    configuration is collected; one kept for the process is not (a worker ends at once, and
    an interpreter tears its modules down first), and each process would leave its copies
    behind, 50 MB with the Chinese faces. So they are removed as the process ends."""
    from weasyprint.text.fonts import FontConfiguration

    configuration = FontConfiguration()
    # Run as a multiprocessing worker ends, and at the interpreter's exit.
    multiprocessing.util.Finalize(None, remove_copied_faces, args=(configuration,),
                                  exitpriority=0)
    return configuration


def remove_copied_faces(configuration) -> None:
    if configuration._folder:
        shutil.rmtree(configuration._folder, ignore_errors=True)
        configuration._folder = None


