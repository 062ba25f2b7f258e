"""A proof's note, "PROOF – 5 pictures missing", on every page of an edition not to publish: in
a print file's slug, outside the trim, and inside it at the foot of the page (print_ready.py);
at the foot of each page of a screen or large-print edition (`mark_proof`).

The words are drawn as the outlines of a layout font's glyphs, filled in black (100 % K in
print): a PDF/X file may use no font that is not embedded, and outlines need none; nor are
they text that a check or a reader would take for the document's.
"""

from __future__ import annotations

import functools
from pathlib import Path

import uharfbuzz as hb
from fontTools.pens.basePen import BasePen

from pipeline.languages import PROFILES

# Each language's face for the note, the default's first: each character is drawn in the
# first that has it, a Chinese proof's note in the Hei.
NOTE_FONTS = tuple(dict.fromkeys(profile.note_face for profile in PROFILES))
NOTE_SIZE_PT = 7.0
BLACK = "0 0 0 1 k"
GREY_BLACK = "0 g"  # in an edition for the screen, which has no inks
NOTE_INDENT_MM = 6.0  # the note starts this far in from the trim's left edge (and up, inside)
POINTS_PER_MM = 72 / 25.4
# XMP Media Management's rendition class (XMP Specification Part 2, 3.2): what the file is.
RENDITION_CLASS = "{http://ns.adobe.com/xap/1.0/mm/}RenditionClass"
PROOF_RENDITION = "proof:pdf"


class PathPen(BasePen):
    """Glyph outlines as PDF path operators, scaled and placed; a quadratic curve (a glyf
    table's) as the cubic one it is."""

    def __init__(self, scale: float, x: float, y: float):
        super().__init__(None)
        self.scale, self.x, self.y = scale, x, y
        self.operators: list[str] = []
        self.start = self.line_end = None  # the contour's first point, its last line's end

    def point(self, point) -> str:
        return f"{self.x + point[0] * self.scale:.3f} {self.y + point[1] * self.scale:.3f}"

    def _moveTo(self, point):
        self.start, self.line_end = point, None
        self.operators.append(f"{self.point(point)} m")

    def _lineTo(self, point):
        self.line_end = point
        self.operators.append(f"{self.point(point)} l")

    def _curveToOne(self, first, second, third):
        self.line_end = None
        self.operators.append(f"{self.point(first)} {self.point(second)} {self.point(third)} c")

    def _closePath(self):
        # HarfBuzz draws a line back to the contour's start before closing it, which the
        # face's outline leaves to the closing (h) as fontTools draws it.
        if self.line_end is not None and self.line_end == self.start:
            self.operators.pop()
        self.line_end = None
        self.operators.append("h")


@functools.cache  # the same note at the same place on every page
def note_content(text: str, fonts_folder: Path, x: float, y: float,
                 size: float = NOTE_SIZE_PT, colour: str = BLACK) -> bytes:
    """`text` set at (`x`, `y`), its baseline's start, in points, as outlines filled in
    `colour` (its PDF operator)."""
    paths = []
    for character in text:
        font = face_for(character, fonts_folder)
        scale = size / font.face.upem
        glyph = font.get_nominal_glyph(ord(character)) or 0  # .notdef, for none
        pen = PathPen(scale, x, y)
        font.draw_glyph_with_pen(glyph, pen)
        paths += pen.operators
        x += font.get_glyph_h_advance(glyph) * scale
    return f"q\n{colour}\n{chr(10).join(paths)}\nf\nQ\n".encode("ascii")


def inner_note_origin(trim: tuple[float, float, float, float]) -> tuple[float, float]:
    """Where the note starts inside the trim: at the foot of the page, in its margin."""
    return trim[0] + NOTE_INDENT_MM * POINTS_PER_MM, trim[1] + NOTE_INDENT_MM * POINTS_PER_MM


def mark_proof(pdf, fonts_folder: Path, note: str, size: float = NOTE_SIZE_PT) -> None:
    """A screen or large-print edition (pikepdf's `pdf`, tagged) marked a proof: `note` at
    the foot of every page, an artifact (PDF/UA-1, 7.1: no reader reads it as the text),
    in type of `size` points (large print's smallest, for its readers), and the XMP's
    rendition class a proof, as a print proof's is. The build's summary says so too; the
    file now says it to whoever it is sent."""
    for page in pdf.pages:
        mark = note_content(note, fonts_folder, *inner_note_origin(page.trimbox), size=size,
                            colour=GREY_BLACK)
        page.contents_coalesce()  # one stream, as the page had: the mark after its content
        content = page.obj.Contents.read_bytes()
        # WeasyPrint leaves its scaling in force at the end of the page: q ... Q first.
        page.obj.Contents = pdf.make_stream(
            b"q\n" + content + b"\nQ\n/Artifact BMC\n" + mark + b"EMC\n")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp[RENDITION_CLASS] = PROOF_RENDITION


def face_for(character: str, fonts_folder: Path) -> hb.Font:
    """The first of the note's faces that draws `character` (the first, for none)."""
    faces = (opened_font(fonts_folder / name) for name in NOTE_FONTS)
    first = opened_font(fonts_folder / NOTE_FONTS[0])
    return next((face for face in faces if face.get_nominal_glyph(ord(character)) is not None),
                first)


@functools.cache
def opened_font(path: Path) -> hb.Font:
    """The face at `path` in its own units (its em's)."""
    return hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
