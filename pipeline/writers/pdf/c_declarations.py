"""The C the writer calls beyond WeasyPrint's bindings, declared to WeasyPrint's cffi FFI
with its own as it is imported (engine.py), and compiled with them out of line
(weasyprint_types.py).

fontconfig's configuration of no files, for the repository's faces alone (faces.py); Pango's
shaping and glyph strings, and its items' analysis as Pango lays it out, its script a byte
where WeasyPrint's reads a word (own_forms.py).
"""

import hashlib

OWN_DECLARATIONS = """
    FcConfig * FcConfigCreate (void);
    FcBool FcConfigSetCurrent (FcConfig *config);
    typedef struct {
        void *shape_engine;
        void *lang_engine;
        PangoFont *font;
        uint8_t level;
        uint8_t gravity;
        uint8_t flags;
        uint8_t script;
        PangoLanguage *language;
        GSList *extra_attrs;
    } PangoItemAnalysis;
    PangoGlyphString * pango_glyph_string_new (void);
    void pango_glyph_string_free (PangoGlyphString *string);
    void pango_shape_full (const char *item_text, int item_length,
                           const char *paragraph_text, int paragraph_length,
                           const PangoAnalysis *analysis, PangoGlyphString *glyphs);
    const char * pango_layout_get_text (PangoLayout *layout);
    int g_unicode_script_from_iso15924 (uint32_t iso15924);
"""


def declarations_digest(weasyprints: str) -> str:
    """The digest of WeasyPrint's declarations with the writer's own after them, as
    weasyprint_types.py records those it was compiled from."""
    return hashlib.sha256((weasyprints + OWN_DECLARATIONS).encode("utf-8")).hexdigest()
