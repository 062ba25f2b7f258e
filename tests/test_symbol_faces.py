"""Every character a symbol from Word's symbol fonts becomes (readers/docx/symbols.py) is one
the layouts can draw: the symbol faces back every font stack, after the text faces, and keep
the text faces' line metrics, so a tick in a line leaves the line where it was."""

from __future__ import annotations

import re
import subprocess

import pytest
from fontTools.ttLib import TTFont

from pipeline.layout_folders import layout_names
from pipeline.layouts import load_layout
from pipeline.model import Document, Metadata, Paragraph, Span
from pipeline.readers.docx.symbols import SYMBOL_FONTS, TEXT_STYLE
from pipeline.writers.html import render_html
from pipeline.writers.shaping import declared_faces

from .conftest import ROOT

LAYOUTS = ROOT / "layouts"
FONTS = LAYOUTS / "fonts"
# Each character a symbol becomes (a text presentation selector after some draws nothing).
SYMBOLS = sorted({char for table in SYMBOL_FONTS.values() for symbol in table.values()
                  for char in symbol if not char.isspace() and char != TEXT_STYLE})


def cmap(family: str, weight: int = 400, italic: bool = False) -> set[int]:
    """The characters of the face of `family` the layouts set at `weight` (or the nearest)."""
    faces = [face for face in declared_faces(FONTS) if face.family == family]
    assert faces, f"{family} is not declared in layouts/fonts/"
    face = min(faces, key=lambda face: (face.italic != italic, abs(face.weight - weight)))
    return set(TTFont(face.path).getBestCmap())


@pytest.mark.parametrize("name", layout_names(LAYOUTS))
@pytest.mark.parametrize(("role", "weight", "italic"),
                         [("body", 400, False), ("body", 700, True), ("heading", 700, False)])
def test_every_character_words_symbols_become_is_in_each_layouts_fonts(name, role, weight,
                                                                       italic):
    layout = load_layout(LAYOUTS, name)
    text_face = layout.heading_font if role == "heading" else layout.body_font
    drawable = cmap(text_face, weight, italic).union(*(cmap(family)
                                                      for family in layout.symbol_fonts))
    lacking = [f"{char} U+{ord(char):04X}" for char in SYMBOLS if ord(char) not in drawable]
    assert not lacking, f"{name}: {', '.join(lacking)}"


def test_the_symbol_faces_come_after_the_text_faces_in_every_stack():
    """Every stack a layout's stylesheet names ends with the symbol faces, or is one of the
    template's (the body's or the headings' faces of an element's language), which do."""
    for name in layout_names(LAYOUTS):
        layout = load_layout(LAYOUTS, name)
        assert layout.symbol_fonts, name
        style = (layout.folder / layout.stylesheet).read_text(encoding="utf-8")
        for line in style.split("font-family:")[1:]:
            stack = line.split(";")[0].strip()
            assert (stack in ("var(--body-faces)", "var(--heading-faces)")
                    or stack.endswith(f'"{layout.symbol_fonts[-1]}"')), f"{name}: {stack}"
        html = render_html(Document("t", Metadata(title="t"), None, ()), layout)
        for stack in re.findall(r"--(?:body|heading)-faces: ([^;]*);", html):
            assert stack.endswith(f'"{layout.symbol_fonts[-1]}"'), f"{name}: {stack}"


def test_the_symbol_faces_keep_the_text_faces_line_metrics():
    text = TTFont(FONTS / "NotoSans-Regular.ttf")
    for family in load_layout(LAYOUTS, "print").symbol_fonts:
        (face,) = [face for face in declared_faces(FONTS) if face.family == family]
        font = TTFont(face.path)
        for table, name in (("hhea", "ascent"), ("hhea", "descent"), ("OS/2", "sTypoAscender"),
                            ("OS/2", "sTypoDescender"), ("OS/2", "usWinAscent"),
                            ("OS/2", "usWinDescent")):
            # In ems: a face may have more units to its em (Noto Emoji's 2048).
            ems = getattr(font[table], name) / font["head"].unitsPerEm
            assert ems == pytest.approx(getattr(text[table], name) / text["head"].unitsPerEm,
                                        abs=0.001), (family, name)


@pytest.mark.slow
def test_a_paragraph_of_every_symbol_prints_checked_in_every_edition_the_same_twice(tmp_path):
    from pipeline.checks.preflight import preflight
    from pipeline.writers.pdf.render import render_pdf

    symbols = sorted({symbol for table in SYMBOL_FONTS.values() for symbol in table.values()})
    document = Document("symbols", Metadata(title="Ward checks ✓ and ✗"), None, (
        *(Paragraph((Span(f"Group {start // 20 + 1}: " + " ".join(symbols[start:start + 20])
                          + "."),)) for start in range(0, len(symbols), 20)),
        Paragraph((Span("Signed off ☑ ", bold=True), Span("refused ☒ → ① ≤ ⟨x⟩", italic=True))),
    ))
    for name in layout_names(LAYOUTS):
        layout = load_layout(LAYOUTS, name)
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(render_pdf(document, layout, tmp_path))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert all(char in text for char in "✓✗☑☒→①≤⟨⟩☎✉♈☝"), name
        assert not preflight(pdf, document, layout).errors, name  # every word printed once
    again = render_pdf(document, load_layout(LAYOUTS, "screen"), tmp_path)
    assert again == (tmp_path / "screen.pdf").read_bytes()


@pytest.mark.slow
def test_a_posts_emoji_print_in_every_edition_as_the_emoji_faces_draw_them(tmp_path):
    """A post's emoji (`✅`, `🎉`, `💚` ending a paragraph, `😅` after another) print in
    every edition, each its own glyph of the one emoji face (its parts, declared apart,
    had been drawn by each other's glyph numbers, wrong pictures or none), read back as
    written, and the edition checked (text-complete); the stylesheet of the emoji faces is
    loaded only for a document holding one."""
    from pipeline.checks.preflight import preflight
    from pipeline.writers.pdf.render import render_pdf, stylesheet_files

    emoji = "✅🎉💚😅🚐🙏👉"
    document = Document("post", Metadata(title="Our year 🎉"), None, (
        Paragraph((Span("Big news: our impact report is out! 🎉"),)),
        Paragraph((Span("✅ 14,200 hot meals served ✅ 930 young people in our clubs"),)),
        Paragraph((Span("A van that did not always start 🚐😅 and a team that did 💚"),)),
        Paragraph((Span("Thank you 🙏 Read it here 👉 the report"),)),
    ))
    for name in layout_names(LAYOUTS):
        layout = load_layout(LAYOUTS, name)
        loaded = stylesheet_files(document, layout, tmp_path)
        assert [path.name for path in loaded][-1] == "emoji.css"
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(render_pdf(document, layout, tmp_path))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert all(char in text for char in emoji), name
        assert not preflight(pdf, document, layout).errors, name
        plain = Document("plain", Metadata(title="Our year"), None,
                         (Paragraph((Span("No pictograph here ✓."),)),))
        assert "emoji.css" not in [path.name for path in stylesheet_files(plain, layout, tmp_path)]


def test_every_face_is_named_without_a_comma_in_every_edition(tmp_path):
    """Each face's name in the PDF (/BaseFont, and /FontName in its descriptor) is its words
    joined by hyphens, with no comma, which in a font's name introduces a style (ISO 32000-1,
    9.6.2.1): the Symbols 2 face, whose family ends in a figure, had been named
    `Noto-Sans-Symbols-2,` in every edition."""
    import io

    import pikepdf

    from pipeline.writers.pdf.render import render_pdf

    document = Document("helpline", Metadata(title="Helpline ☎"), None, (
        Paragraph((Span("Call ☎ 0161 555 0199 or write ✉ to the office; each ★ marks a target"
                        " met ✓ and ◆ one carried over."),)),))
    for name in layout_names(LAYOUTS):
        with pikepdf.open(io.BytesIO(render_pdf(document, load_layout(LAYOUTS, name),
                                                tmp_path))) as pdf:
            names = {str(font[key]).split("+")[-1] for font in pdf.objects
                     if isinstance(font, pikepdf.Dictionary)
                     for key in ("/BaseFont", "/FontName") if key in font}
        assert "Noto-Sans-Symbols-2" in names, name
        assert not [face for face in names if "," in face], name
