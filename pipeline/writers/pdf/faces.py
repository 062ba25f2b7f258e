"""The faces a PDF may be set in, as every drawing of the pipeline's sets them: declared by the
shared fonts' stylesheets (layouts/fonts/) from the repository's font files, loaded through
one font configuration a process, and checked once set: a character set in any other font
(a system font standing in) or in none is refused.

That configuration is the pipeline's own, never the machine's: it holds the declared faces
only, and its aliases send the generic families an SVG picture's text may name, or a family
the repository lacks, to them (GENERIC_FAMILIES), so a picture is drawn in the same faces,
to the same bytes, whatever fonts and fontconfig files the machine has.
"""

from __future__ import annotations

import functools
import multiprocessing.util
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from pipeline.languages import PICTOGRAPH, PROFILES, scripts
from pipeline.layouts import Layout
from pipeline.model import Document, List
from pipeline.writers.pdf.urls import picture_url, project_file
from pipeline.writers.shaping import EMOJI_CSS, FONT_FILES, FONTS_CSS

FONT_FAMILY = re.compile(r"""font-family:\s*["']([^"']+)["']""")
SVG_TEXT = "{http://www.w3.org/2000/svg}text"

# The font configuration's rules, in place of the machine's (/etc/fonts, FONTCONFIG_FILE,
# ~/.config/fontconfig), as fontconfig's own set them out: each declared face's generic
# family after it (45-latin.conf); a family naming none of them, one the repository lacks
# (Arial) included, falls to sans-serif, as SVG text naming no family does (49-sansserif.conf);
# each generic family is the repository's face of its kind, with the Chinese one after it for
# the characters it lacks. The repository holds no fixed-pitch face: monospace is drawn in
# the sans face, the plainer of the two.
GENERIC_FAMILIES = b"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <alias><family>Noto Serif</family><default><family>serif</family></default></alias>
  <alias><family>Noto Serif CJK TC</family><default><family>serif</family></default></alias>
  <alias><family>Noto Sans</family><default><family>sans-serif</family></default></alias>
  <alias><family>Noto Sans CJK TC</family><default><family>sans-serif</family></default></alias>
  <match target="pattern">
    <test qual="all" name="family" compare="not_eq"><string>sans-serif</string></test>
    <test qual="all" name="family" compare="not_eq"><string>serif</string></test>
    <test qual="all" name="family" compare="not_eq"><string>monospace</string></test>
    <edit name="family" mode="append_last"><string>sans-serif</string></edit>
  </match>
  <alias binding="same"><family>sans-serif</family>
    <prefer><family>Noto Sans</family><family>Noto Sans CJK TC</family></prefer></alias>
  <alias binding="same"><family>serif</family>
    <prefer><family>Noto Serif</family><family>Noto Serif CJK TC</family></prefer></alias>
  <alias binding="same"><family>monospace</family>
    <prefer><family>Noto Sans</family><family>Noto Sans CJK TC</family></prefer></alias>
</fontconfig>
"""


def font_stylesheet_files(document: Document, layout: Layout, source_dir: Path) -> list[Path]:
    """The stylesheets of every face the document's editions may be set in: fonts/fonts.css,
    and the document's own faces' (own_faces_files), its pictures in `source_dir`."""
    return [layout.fonts_folder / FONTS_CSS, *own_faces_files(document, layout, source_dir)]


def own_faces_files(document: Document, layout: Layout, source_dir: Path) -> list[Path]:
    """The stylesheet of the faces of each script of its own the document holds, in its
    words or in the text its SVG pictures in `source_dir` draw (fonts/chinese.css, once for
    both Chinese), and of the emoji faces (fonts/emoji.css) where either holds a pictograph:
    only then are those fonts loaded. A picture's labels are drawn in the faces loaded, as
    the generic families fall back to them (GENERIC_FAMILIES), whatever the words hold."""
    drawn = list(picture_texts(document, source_dir))
    held = document.scripts | scripts(drawn)
    return [*dict.fromkeys(layout.fonts_folder / profile.fonts_css for profile in PROFILES
                           if profile in held and profile.fonts_css),
            *([layout.fonts_folder / EMOJI_CSS]
              if holds_pictographs(document) or any(map(PICTOGRAPH.search, drawn)) else [])]


def picture_texts(document: Document, source_dir: Path) -> Iterator[str]:
    """The text each SVG picture of the document's figures draws (its <text> elements'), as
    read from `source_dir`. A picture that cannot be read draws none here: drawing it
    refuses it, in its own words."""
    from lxml import etree

    from pipeline.readers.pictures import SVG_SUFFIX

    for figure in document.figures:
        path = (project_file(picture_url(figure.image), source_dir.resolve(), source_dir.resolve())
                if figure.image else None)
        if path is None or path.suffix.lower() != SVG_SUFFIX:
            continue
        try:
            root = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))
        except (OSError, etree.LxmlError):
            continue
        yield from ("".join(text.itertext()) for text in root.iter(SVG_TEXT))


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
    configuration = repository_configuration()
    # Run as a multiprocessing worker ends, and at the interpreter's exit.
    multiprocessing.util.Finalize(None, remove_copied_faces, args=(configuration,),
                                  exitpriority=0)
    return configuration


def repository_configuration():
    """A WeasyPrint FontConfiguration whose fontconfig configuration is GENERIC_FAMILIES alone:
    no font but those the stylesheets' @font-face rules add, and no rule of the machine's
    (WeasyPrint's own loads the machine's configuration files and every font they name)."""
    from weasyprint.text.ffi import ffi, fontconfig, gobject, pangoft2
    from weasyprint.text.fonts import FontConfiguration

    ffi.cdef("FcConfig * FcConfigCreate (void); FcBool FcConfigSetCurrent (FcConfig *config);")

    class RepositoryFonts(FontConfiguration):
        def __init__(self):  # FontConfiguration.__init__'s, from another configuration
            self._config = fontconfig.FcConfigCreate()
            fontconfig.FcConfigParseAndLoadFromMemory(self._config, GENERIC_FAMILIES, True)
            self.font_map = ffi.gc(pangoft2.pango_ft2_font_map_new(), gobject.g_object_unref)
            pangoft2.pango_fc_font_map_set_config(
                ffi.cast("PangoFcFontMap *", self.font_map), self._config)
            # Pango's FT2 font map substitutes a family in the process's current
            # configuration, not its own: that is this one too.
            fontconfig.FcConfigSetCurrent(self._config)
            fontconfig.FcConfigDestroy(self._config)  # the font map and fontconfig hold it
            self._folder = None
            self.strut_layouts = {}
            self.font_features = {}

    return RepositoryFonts()


def remove_copied_faces(configuration) -> None:
    if configuration._folder:
        shutil.rmtree(configuration._folder, ignore_errors=True)
        configuration._folder = None


