"""How wide a text is set: shaped by HarfBuzz (uharfbuzz) with the font files the layouts
declare in layouts/fonts/ (fonts.css, chinese.css), as the renderer's Pango shapes them with
the same HarfBuzz features, so the writer can break a paragraph into lines the renderer
sets exactly as measured.

Each character is set in the first family of a style's list whose face has it (Pango's
fallback), the face chosen as CSS matches one: the style, then the nearest weight.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import tinycss2
import uharfbuzz

FONTS_CSS = "fonts.css"  # the Latin and symbol faces', which every layout's stylesheet imports
EMOJI_CSS = "emoji.css"  # the emoji faces', loaded only for a document holding one
# The stylesheets of the shared fonts: every face a PDF may use is declared in one of them.
FONT_FILES = (FONTS_CSS, EMOJI_CSS, "chinese.css")
URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
SPACES = " \u00a0"  # what CSS word-spacing, and justification, widen
# Characters narrower than half an em in any of the layouts' faces.
NARROW = frozenset(" .,:;()[]ilI|")


def text_ems(text: str) -> float:
    """How many ems a text may take, where it is not shaped: a full-width character one
    (exactly), a narrow one (a stop, a bracket, i) about a third, any other about two thirds,
    as wide as the widest figure or letter of the faces."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WF"
               else 0.3 if char in NARROW else 0.6 for char in text)


@dataclass(frozen=True)
class TextStyle:
    """What the width of a run of text depends on, as the renderer computed it."""

    families: tuple[str, ...]
    size: float  # CSS pixels
    weight: int = 400
    italic: bool = False
    letter_spacing: float = 0.0  # CSS pixels after each character
    word_spacing: float = 0.0  # CSS pixels added to each space
    language: str = "en"
    small_caps: bool = False  # CSS font-variant-caps: small-caps, the faces' own (smcp)
    halt: bool = False  # a mark set half its width beside another (chinese.css, `.halt`)


@dataclass(frozen=True)
class Face:
    family: str
    italic: bool
    weight: int
    path: Path


def declared_faces(fonts_folder: Path) -> tuple[Face, ...]:
    """Every @font-face of the shared fonts' stylesheets."""
    faces = []
    for name in FONT_FILES:
        path = fonts_folder / name
        if not path.is_file():
            continue
        rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_comments=True,
                                          skip_whitespace=True)
        for rule in rules:
            if rule.type != "at-rule" or rule.lower_at_keyword != "font-face":
                continue
            declarations = {declaration.lower_name: tinycss2.serialize(declaration.value).strip()
                            for declaration in tinycss2.parse_blocks_contents(rule.content)
                            if declaration.type == "declaration"}
            source = URL.search(declarations.get("src", ""))
            if source and "font-family" in declarations:
                faces.append(Face(declarations["font-family"].strip("\"'"),
                                  declarations.get("font-style", "normal") == "italic",
                                  int(declarations.get("font-weight", "400")),
                                  fonts_folder / source.group(1)))
    return tuple(faces)


class Shaper:
    """Widths of texts in the declared faces; each width is shaped once."""

    def __init__(self, fonts_folder: Path):
        self.faces = declared_faces(fonts_folder)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one shaper per fonts folder
    def width(self, text: str, style: TextStyle) -> float:
        """The advance of `text` set in `style`, in CSS pixels."""
        total = 0.0
        for face, run in self.runs(text, style):
            font, scale = opened(face.path)
            buffer = uharfbuzz.Buffer()
            buffer.add_str(run)
            buffer.guess_segment_properties()
            buffer.language = style.language
            uharfbuzz.shape(font, buffer, features(style))
            total += sum(position.x_advance for position in buffer.glyph_positions) \
                * style.size / scale
        spaces = sum(text.count(space) for space in SPACES)
        return total + style.letter_spacing * len(text) + style.word_spacing * spaces

    def runs(self, text: str, style: TextStyle) -> list[tuple[Face, str]]:
        """`text` cut into runs each set in one face."""
        runs: list[tuple[Face, str]] = []
        for char in text:
            face = self.face_for(char, style) if not ignorable(char) or not runs else runs[-1][0]
            if runs and runs[-1][0] == face:
                runs[-1] = (face, runs[-1][1] + char)
            else:
                runs.append((face, char))
        return runs

    @functools.lru_cache(maxsize=16384)  # noqa: B019
    def face_for(self, char: str, style: TextStyle) -> Face:
        candidates = [self.matched(family, style) for family in style.families]
        candidates = [face for face in candidates if face is not None]
        for face in candidates:
            if ord(char) in mapped(face.path):
                return face
        return candidates[0] if candidates else self.faces[0]

    def matched(self, family: str, style: TextStyle) -> Face | None:
        """The face of `family` CSS font matching picks for `style`."""
        faces = [face for face in self.faces if face.family == family]
        if not faces:
            return None
        return min(faces, key=lambda face: (face.italic != style.italic,
                                            abs(face.weight - style.weight)))


def features(style: TextStyle) -> dict[str, bool]:
    """The OpenType features the renderer sets `style` with beyond the default ones."""
    return {name: True for name, wanted in (("smcp", style.small_caps), ("halt", style.halt))
            if wanted}


def ignorable(char: str) -> bool:
    """A character set with no glyph of its own (a soft hyphen, a joiner, a zero-width space):
    it stays in the run of the character before it."""
    return unicodedata.category(char) == "Cf"


@functools.cache
def opened(path: Path) -> tuple[uharfbuzz.Font, int]:
    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path)))
    return uharfbuzz.Font(face), face.upem


@functools.cache
def mapped(path: Path) -> frozenset[int]:
    return frozenset(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path))).unicodes)


@functools.cache
def shaper(fonts_folder: Path) -> Shaper:
    return Shaper(fonts_folder)
