"""A language's marks set in its own forms where no letter of its stands beside them.

The renderer shapes each text box apart, a mark in the script of the letters beside it in
its box: a box of marks and figures alone (a Simplified Chinese stop between two English
phrases, `WHO、UNESCO`, after one before a closing quote, `Smart City。”`, or a line's
`12.1%。`) is of no script, and its faces' locl, which reaches a language's forms only in a
script, leaves them in their default forms (the Traditional, centred). The HTML writer
gives a mark the letter after it where there is one (language_tags.own_forms); where there
is none, each run of no script in such a box is shaped again as it is drawn, in the script
of the language's letters (Han), in the language of its element: its own forms, the
spacing the box was laid out with kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.languages import Profile, profile_for

LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
COMMON = 0  # GLib's (Pango's) script of marks, figures and spaces alone: none


def own_forms_shaped(pages) -> None:
    """Each text box of WeasyPrint's laid-out `pages` holding marks its element's language
    sets in its own forms (`own_form_marks`) and no letter (figures at most) drawn in
    those forms."""
    from pipeline.writers.pdf.justification import block_lines, text_boxes

    profiles: dict[str, Profile] = {}  # each element's language's, found once
    for page in pages:
        for _, line in block_lines(page._page_box):
            for text_box in text_boxes(line):
                language = text_box.style["lang"] or ""
                if language not in profiles:
                    profiles[language] = profile_for(language)
                if marks_without_letters(text_box.text, profiles[language]):
                    reshaped_as_drawn(text_box.pango_layout, profiles[language])


def marks_without_letters(text: str, profile: Profile) -> bool:
    """Whether `text`, a box's, holds marks `profile` sets in its own forms and no letter."""
    return bool(profile.own_form_marks and profile.script and not LETTER.search(text)
                and re.search(profile.own_form_marks, text))


def reshaped_as_drawn(layout, profile: Profile) -> None:
    """`layout` set so that the line the renderer draws from it (its first: get_first_line)
    has each run of no script shaped again in `profile`'s (Han): glyphs of the same
    widths, each with the spacing it had been given (a justified line's letter spacing)."""
    get_first_line = layout.get_first_line

    def first_line():
        line, index = get_first_line()
        for glyph_item in runs(line):
            if analysis_of(glyph_item).script == COMMON:
                shaped_in(script_code(profile.script), layout, glyph_item)
        return line, index

    layout.get_first_line = first_line


def runs(line) -> Iterator:
    from weasyprint.text.ffi import ffi

    run = line.runs[0] if line.runs else ffi.NULL
    while run != ffi.NULL:
        yield run.data
        run = run.next


def bindings():
    """WeasyPrint's C bindings, the writer's own declarations among them (engine.py)."""
    from pipeline.writers.pdf import engine

    return engine.weasyprint.text.ffi


def analysis_of(glyph_item):
    """The analysis of `glyph_item`'s item, its script read right (c_declarations.py)."""
    ffi = bindings().ffi
    return ffi.cast("PangoItemAnalysis *", ffi.addressof(glyph_item.item, "analysis"))


def script_code(script: str) -> int:
    """GLib's code of the ISO 15924 `script` ("Hani")."""
    return bindings().gobject.g_unicode_script_from_iso15924(int.from_bytes(script.encode(), "big"))


def shaped_in(script: int, layout, glyph_item) -> None:
    """`glyph_item`'s glyphs shaped again with its analysis but `script`; left as they
    are where that sets another number of glyphs or other widths."""
    found = bindings()
    ffi, pango = found.ffi, found.pango
    item, glyphs = glyph_item.item, glyph_item.glyphs
    text = pango.pango_layout_get_text(layout.layout)
    paragraph_length = len(ffi.string(text))
    item_text = text + item.offset
    shaped = {}
    for code in (COMMON, script):
        analysis = ffi.new("PangoItemAnalysis *", analysis_of(glyph_item)[0])
        analysis.script = code
        shaped[code] = ffi.gc(pango.pango_glyph_string_new(), pango.pango_glyph_string_free)
        pango.pango_shape_full(item_text, item.length, text, paragraph_length,
                               ffi.cast("PangoAnalysis *", analysis), shaped[code])
    natural, han = shaped[COMMON], shaped[script]
    if not (natural.num_glyphs == han.num_glyphs == glyphs.num_glyphs) or any(
            natural.glyphs[index].geometry.width != han.glyphs[index].geometry.width
            for index in range(han.num_glyphs)):
        return
    for index in range(glyphs.num_glyphs):
        drawn, own, plain = (glyphs.glyphs[index], han.glyphs[index], natural.glyphs[index])
        drawn.glyph = own.glyph
        drawn.geometry.x_offset += own.geometry.x_offset - plain.geometry.x_offset
        drawn.geometry.y_offset += own.geometry.y_offset - plain.geometry.y_offset
