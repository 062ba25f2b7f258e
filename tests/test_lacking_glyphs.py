"""The font check names the real cause of a character the layout fonts lack: the text's, to
add a font for; or one a layout's stylesheet generates (a list marker, a content: string,
quotes), which no edit of the text can mend."""

from __future__ import annotations

import os
import shutil

import pytest

from pipeline.errors import RenderingError
from pipeline.layouts import load_layout
from pipeline.model import Document, Heading, List, ListItem, Metadata, Paragraph, Span
from pipeline.writers.pdf.lacking_glyphs import (
    generated_characters,
    generating,
    lacking_fonts,
)

from .conftest import ROOT

LAYOUTS = ROOT / "layouts"


@pytest.mark.parametrize(("css", "kind"), [
    ('ul ul { list-style-type: "\\25E6\\a0 "; }', "a list marker"),
    ('ul ul { list-style: "\\0025e6" inside; }', "a list marker"),
    ("@counter-style ring { system: cyclic; symbols: ◦; }", "a list marker"),
    ('h2::before { content: "◦ "; }', "a content: string"),
    ('li li::before { content: "\\25E6\\a0"; }', "a list marker"),
    ('q { quotes: "◦" "◦"; }', "quotes"),
    ('h2 { string-set: section "◦"; }', "its string-set"),
])
def test_a_stylesheet_is_read_for_what_it_writes_a_character_as(css, kind):
    assert generating("\u25e6", css) == kind


def test_a_character_only_named_in_a_comment_or_another_escape_is_not_generated():
    assert generating("\u25e6", '/* no ◦ here */ li { list-style-type: "\\25E60"; }') is None
    assert generating("\u25e6", 'p { color: red; }') is None


def test_the_message_names_the_texts_characters_and_what_generates_the_others():
    message = lacking_fonts(["\u0f40", "\u25e6"],
                            {"\u25e6": "layouts/print/style.css generates (a list marker)"})
    assert message == (
        "the layout fonts lack 1 character (\u0f40 U+0F40); the layout fonts lack \u25e6 U+25E6,"
        " which layouts/print/style.css generates (a list marker), not the text; to add a font"
        ' that has them, see README.md, "Adding a font"')
    assert lacking_fonts(["\u25e6"], {"\u25e6": "x.css generates (quotes)"}) == (
        "the layout fonts lack \u25e6 U+25E6, which x.css generates (quotes), not the text; "
        'change the layout, or to add a font that has it, see README.md, "Adding a font"')


@pytest.fixture
def layouts(tmp_path):
    """The project's layouts, the screen layout's stylesheet ours to change."""
    folder = tmp_path / "layouts"
    shutil.copytree(ROOT / "layouts", folder, copy_function=os.link)
    style = folder / "screen" / "style.css"
    text = style.read_text(encoding="utf-8")
    style.unlink()  # a hard link: the project's own file is left as it was
    style.write_text(text, encoding="utf-8")
    return folder


# A river trust's note, in no way the seed: a nested list and a section heading.
NOTE = Document("river-note", Metadata(title="Upper Wharfe: the spring survey"), None, (
    Heading("Fish counts"),
    List((ListItem((Span("Salmon redds at twelve sites"),), List((
        ListItem((Span("eight above the weir"),)), ListItem((Span("four below"),))))),
        ListItem((Span("Trout counted by electrofishing"),)))),
    Paragraph((Span("Counts rose at nine sites of twelve."),)),
))


@pytest.mark.slow
@pytest.mark.parametrize(("rule", "cause"), [
    ('li li::before { content: "\\0F40\\a0" !important; }',
     "the layout fonts lack \u0f40 U+0F40, which layouts/screen/style.css generates (a list "
     "marker), not the text"),
    ('h2::after { content: " \\16A0"; }',
     "the layout fonts lack \u16a0 U+16A0, which layouts/screen/style.css generates (a content:"
     " string), not the text"),
])
def test_a_character_the_layout_generates_is_named_as_the_layouts(layouts, tmp_path, rule,
                                                                  cause):
    from pipeline.writers.pdf.render import render_pdf

    with (layouts / "screen" / "style.css").open("a", encoding="utf-8") as style:
        style.write(f"\n{rule}\n")
    with pytest.raises(RenderingError) as raised:
        render_pdf(NOTE, load_layout(layouts, "screen"), tmp_path)
    assert str(raised.value).startswith(cause)


@pytest.mark.slow
def test_a_character_of_the_text_is_still_the_texts(layouts, tmp_path):
    from pipeline.writers.pdf.render import render_pdf

    text = Document("river-note", NOTE.metadata, None,
                    (Paragraph((Span("A Tibetan place name, \u0f40, on the map."),)),))
    with pytest.raises(RenderingError) as raised:
        render_pdf(text, load_layout(layouts, "screen"), tmp_path)
    assert str(raised.value) == ('the layout fonts lack 1 character (\u0f40 U+0F40); to add a '
                                 'font that has them, see README.md, "Adding a font"')


def test_a_label_the_html_writer_sets_is_named_as_a_list_marker():
    html = '<ul>\n<li data-label="\u2023&#160;">eight above the weir</li>\n</ul>'
    found = generated_characters(["\u2023", "\u0f40"], NOTE, load_layout(LAYOUTS, "screen"),
                                 html)
    assert found == {"\u2023": "the HTML writer sets (a list marker)"}
