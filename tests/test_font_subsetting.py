"""Fonts are subset through the HarfBuzz the uharfbuzz wheel carries, so a PDF's bytes (and the
time it takes) are the same on every machine, with or without Debian's libharfbuzz-subset0."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from pipeline.layouts import load_layout
from pipeline.model import Document, Heading, Metadata, Paragraph, Span
from pipeline.writers.pdf.font_subsetting import subset_font
from pipeline.writers.pdf.render import render_pdf

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = Document("subset", Metadata(title="A Harbour Review 港口報告", date="2024"), None, (
    Heading("Traffic"),
    Paragraph((Span("Vessel arrivals rose by "), Span("4.1 per cent", bold=True),
               Span(" in the year; 主席 welcomed the "), Span("new berths", italic=True),
               Span("."))),
))


def rendered(layout: str) -> bytes:
    return render_pdf(DOCUMENT, load_layout(ROOT / "layouts", layout), ROOT / "source")


def test_uharfbuzz_is_installed_and_subsets_every_font():
    import uharfbuzz  # a dependency of the project: a fresh install has it

    assert uharfbuzz.version_string()
    rendered("screen")
    from weasyprint.pdf.fonts import Font

    assert Font.subset is subset_font


@pytest.mark.parametrize("layout", ["print", "screen"])
def test_the_same_bytes_whether_or_not_the_system_has_harfbuzz_subset(layout, monkeypatch):
    with_system_library = rendered(layout)
    import weasyprint.pdf.fonts

    # As on a machine without libharfbuzz-subset0, where WeasyPrint would use fontTools.
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    assert rendered(layout) == with_system_library


def test_every_font_is_a_subset_of_the_glyphs_it_sets():
    with pikepdf.open(io.BytesIO(rendered("screen"))) as pdf:
        fonts = [font for page in pdf.pages for font in page.Resources.Font.values()]
        for font in fonts:
            descriptor = font.DescendantFonts[0].FontDescriptor
            program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
            assert str(font.BaseFont)[7] == "+"  # the subset tag, ABCDEF+Name
            # Glyphs kept at their ids (the content streams name them) but emptied: a Chinese
            # face of 12 MB comes out well under a megabyte.
            assert len(program.read_bytes()) < 1_000_000, font.BaseFont


CJK_FACES = sorted((ROOT / "layouts" / "fonts").glob("Noto*CJK*.otf"))


@pytest.mark.parametrize("face", CJK_FACES, ids=[face.stem for face in CJK_FACES])
def test_each_chinese_face_numbers_its_glyphs_by_their_ids(face):
    """A CID-keyed face's CID n is its glyph n (identity_cids.py): a PDF names a CIDFont's
    glyphs by CID, which a reader turns into glyph ids through the face's charset (ISO
    32000-1, 9.7.4.2), and WeasyPrint writes each glyph's id. The faces had kept the Noto
    CJK collections' CIDs (glyph 26642 was CID 31468): Acrobat and a printer's RIP drew
    other glyphs or none, poppler and pdfium, taking the code for the glyph, the right ones."""
    from fontTools.ttLib import TTFont

    font = TTFont(face, lazy=True)
    charset = font["CFF "].cff.topDictIndex[0].charset
    assert [name for gid, name in enumerate(charset) if gid and name != f"cid{gid:05d}"] == []


def test_every_chinese_subset_a_pdf_embeds_numbers_its_glyphs_by_their_ids():
    """So do the subsets in a PDF: every glyph a content stream names by its id is the CID
    the embedded CFF's charset gives it."""
    from fontTools.ttLib import TTFont

    with pikepdf.open(io.BytesIO(rendered("print"))) as pdf:
        fonts = {font.objgen: font for page in pdf.pages
                 for font in page.Resources.Font.values()}
        programs = [descendant.FontDescriptor.FontFile3 for font in fonts.values()
                    if (descendant := font.DescendantFonts[0]).Subtype == "/CIDFontType0"]
        assert programs  # the Chinese words' face
        for program in programs:
            top = TTFont(io.BytesIO(program.read_bytes()))["CFF "].cff.topDictIndex[0]
            assert all(name == f"cid{gid:05d}" for gid, name in enumerate(top.charset) if gid)


def test_a_subsets_tag_follows_its_glyphs_not_its_face():
    """Two documents setting the same face with other glyphs name their subsets apart (PDFs
    merged for press would hold two subsets under one name); the same document's subsets
    are named alike in each build. Each tag is six capitals, and a subset's three names (its
    font's, its descendant's, its descriptor's) agree."""
    def names(pdf_bytes: bytes) -> dict[str, str]:
        with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
            found = {}
            for page in pdf.pages:
                for font in page.Resources.Font.values():
                    descendant = font.DescendantFonts[0]
                    assert font.BaseFont == descendant.BaseFont \
                        == descendant.FontDescriptor.FontName
                    tag, _, face = str(font.BaseFont).lstrip("/").partition("+")
                    assert len(tag) == 6 and tag.isupper() and tag.isalpha()
                    found[face] = tag
            return found

    first = names(rendered("screen"))
    assert names(rendered("screen")) == first
    other = Document("other", Metadata(title="Another title entirely"),
                     None, (Paragraph((Span("Quite other words, zebra and quartz."),)),))
    second = names(render_pdf(other, load_layout(ROOT / "layouts", "screen"), ROOT / "source"))
    shared = set(first) & set(second)
    assert shared and all(first[face] != second[face] for face in shared)
