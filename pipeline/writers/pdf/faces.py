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

    The repository's faces are registered where they lie (RepositoryFonts.add_font_face);
    any other WeasyPrint copies into a temporary folder of its own, which it removes when the
    configuration is collected. One kept for the process is not (a worker ends at once, and
    an interpreter tears its modules down first), and each process would leave its copies
    behind. So they are removed as the process ends."""
    configuration = repository_configuration()
    # Run as a multiprocessing worker ends, and at the interpreter's exit.
    multiprocessing.util.Finalize(None, remove_copied_faces, args=(configuration,),
                                  exitpriority=0)
    return configuration


def repository_configuration():
    """A WeasyPrint FontConfiguration whose fontconfig configuration is GENERIC_FAMILIES alone:
    no font but those the stylesheets' @font-face rules add, and no rule of the machine's
    (WeasyPrint's own loads the machine's configuration files and every font they name)."""
    from pipeline.writers.pdf import engine  # noqa: F401  (the writer's C declarations)

    # isort: split
    from weasyprint.text.ffi import ffi, fontconfig, gobject, pangoft2
    from weasyprint.text.fonts import FontConfiguration

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
            self.in_place: dict[str, Path] = {}  # each face registered where it lies, by rule

        def add_font_face(self, rule_descriptors, url_fetcher):
            """WeasyPrint's, but a face of the repository's (a TrueType or OpenType file of
            the layouts) is registered where it lies, with the rules WeasyPrint writes for
            it (face_rules); WeasyPrint copies each face into a temporary folder first, and
            registers the copy: 7 MB a process, 55 MB with the Chinese faces (some 0.13 s of
            CPU). Any other face, or a file another rule declared with other descriptors, is
            registered as WeasyPrint does."""
            rule = str(rule_descriptors)
            if rule in self.in_place:
                return None
            path = repository_face(rule_descriptors, url_fetcher)
            if path is None or path in self.in_place.values():
                return super().add_font_face(rule_descriptors, url_fetcher)
            fontconfig.FcConfigParseAndLoadFromMemory(
                self._config, face_rules(rule_descriptors, path), True)
            if not fontconfig.FcConfigAppFontAddFile(self._config, bytes(path)):
                return super().add_font_face(rule_descriptors, url_fetcher)
            self.in_place[rule] = path
            return pangoft2.pango_fc_font_map_config_changed(
                ffi.cast("PangoFcFontMap *", self.font_map))

    return RepositoryFonts()


# The first bytes of a WOFF or WOFF2 file, which WeasyPrint decodes into a copy of its own.
WOFF = b"wOF"


def repository_face(rule_descriptors, url_fetcher) -> Path | None:
    """The file of the layouts a @font-face rule's first source names, read through the
    pipeline's URL fetcher (writers/pdf/urls.py), when it is a TrueType or OpenType face;
    else None (a face the machine has, a WOFF file)."""
    from pipeline.writers.pdf.urls import confined_fetcher_class

    sources = [(kind, url) for kind, url in rule_descriptors["src"]
               if url is not None and kind != "internal"]
    if not sources or sources[0][0] == "local" or not isinstance(
            url_fetcher, confined_fetcher_class()):
        return None
    path = project_file(sources[0][1], url_fetcher.layouts_dir, url_fetcher.layouts_dir)
    if path is None:
        return None
    try:
        with path.open("rb") as face:
            return path if face.read(len(WOFF)) != WOFF else None
    except OSError:  # WeasyPrint says what is wrong with it
        return None


def face_rules(rule_descriptors, path: Path) -> bytes:
    """The fontconfig rules WeasyPrint writes for a face it registers (its text/fonts.py,
    FontConfiguration.add_font_face), naming the face's file `path`: the family the rule
    gives it, before its own; its slant, weight and width; its features and characters."""
    from xml.etree.ElementTree import Element, SubElement, tostring

    from weasyprint.text.constants import (
        FONTCONFIG_STRETCH,
        FONTCONFIG_STYLE,
        FONTCONFIG_WEIGHT,
    )
    from weasyprint.text.fonts import font_features

    file = path.as_posix()
    root = Element("fontconfig")
    match = SubElement(root, "match", target="scan")
    SubElement(SubElement(match, "test", name="file", compare="eq"), "string").text = file
    edit = SubElement(match, "edit", name="family", mode="prepend")
    SubElement(edit, "string").text = rule_descriptors["font_family"]
    for descriptor, name, kind, values in (("font_style", "slant", "const", FONTCONFIG_STYLE),
                                           ("font_weight", "weight", "int", FONTCONFIG_WEIGHT),
                                           ("font_stretch", "width", "const", FONTCONFIG_STRETCH)):
        if descriptor in rule_descriptors:
            edit = SubElement(match, "edit", name=name, mode="assign_replace")
            SubElement(edit, kind).text = str(values[rule_descriptors[descriptor]])
    match = SubElement(root, "match", target="font")
    SubElement(SubElement(match, "test", name="file", compare="eq"), "string").text = file
    variants = {rules[0][0].replace("-", "_"): rules[0][1]
                for rules in rule_descriptors.get("font_variant", [])}
    features = font_features(
        font_feature_settings=rule_descriptors.get("font_feature_settings", "normal"), **variants)
    if features:
        edit = SubElement(match, "edit", name="fontfeatures", mode="assign_replace")
        for key, value in features.items():
            SubElement(edit, "string").text = f"{key} {value}"
    if unicode_ranges := rule_descriptors.get("unicode_range"):
        plus = SubElement(SubElement(match, "edit", name="charset", mode="assign_replace"), "plus")
        for unicode_range in unicode_ranges:
            characters = SubElement(SubElement(plus, "charset"), "range")
            for value in (unicode_range.start, unicode_range.end):
                SubElement(characters, "int").text = f"0x{value:x}"
    return b"\n".join((b'<?xml version="1.0"?>',
                       b'<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
                       tostring(root, encoding="utf-8")))


def remove_copied_faces(configuration) -> None:
    if configuration._folder:
        shutil.rmtree(configuration._folder, ignore_errors=True)
        configuration._folder = None


