"""What the font check says when the layout fonts lack characters: each character, and, for
one the document's text does not hold, what generates it: a layout's stylesheet (a list
marker, a `content:` string, quotes) or the HTML writer's own styles. The editor cannot
change those by editing the text; the layout's designer can."""

from __future__ import annotations

import re
from html import unescape

from pipeline.layouts import Layout
from pipeline.model import Document

NAMED_CHARACTERS = 8  # named in the error when the fonts lack characters; the rest counted
FONT_HELP = 'README.md, "Adding a font"'
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
INLINE_STYLE = re.compile(r"""\sstyle=(["'])(.*?)\1""", re.DOTALL)
# The property (or @counter-style descriptor) whose value runs up to a place in a stylesheet.
PROPERTY = re.compile(r"([-\w]+)\s*:[^;{}]*$")
# The rule a list item's label is set by (base.css), whose content is a list marker.
LABEL_RULE = re.compile(r"li::before\s*\{[^{}]*$")
# The labels the HTML writer gives list items, as the model numbers them.
LABELS = re.compile(r'<li data-label="([^"]*)"')
KINDS = {"list-style-type": "a list marker", "list-style": "a list marker",
         "symbols": "a list marker", "additive-symbols": "a list marker",
         "prefix": "a list marker", "suffix": "a list marker",
         "content": "a content: string", "quotes": "quotes"}


def lacking_fonts(characters: list[str], generated: dict[str, str] | None = None) -> str:
    """One line: the characters the text holds (each with its code point, as some are marks
    or look alike; the first few when they are many), then each one the layout generates
    with what generates it (`generated`: character -> "layouts/x/style.css generates (a list
    marker)"), and where the README says how to add a font."""
    generated = generated or {}
    in_text = [char for char in characters if char not in generated]
    parts = []
    if in_text:
        named = ", ".join(f"{char} U+{ord(char):04X}" for char in in_text[:NAMED_CHARACTERS])
        more = f" and {len(in_text) - NAMED_CHARACTERS} more" \
            if len(in_text) > NAMED_CHARACTERS else ""
        count = f"{len(in_text)} character{'s' * (len(in_text) != 1)}"
        parts.append(f"the layout fonts lack {count} ({named}{more})")
    parts += [f"the layout fonts lack {char} U+{ord(char):04X}, which {source}, not the text"
              for char, source in generated.items()]
    advice = "to add a font that has them" if in_text else \
        "change the layout, or to add a font that has it"
    return f"{'; '.join(parts)}; {advice}, see {FONT_HELP}"


def generated_characters(characters: list[str], document: Document, layout: Layout,
                         html: str) -> dict[str, str]:
    """What generates each of `characters` the document's text does not hold: the first of
    the layout's stylesheets and templates that writes it in a property, else the HTML
    writer's inline styles, else its list items' labels. A character found in none is left
    out (said as text's)."""
    text = set("".join(document.texts()))
    sheets = [(str(path.relative_to(layout.folder.parent.parent)),
               path.read_text(encoding="utf-8"))
              for path in layout.files if path.suffix in (".css", ".html")]
    sheets.append(("the HTML writer",
                   ";".join(match.group(2) for match in INLINE_STYLE.finditer(html))))
    labels = unescape("".join(LABELS.findall(html)))
    found = {}
    for char in characters:
        if char in text:
            continue
        for name, sheet in sheets:
            kind = generating(char, sheet)
            if kind:
                verb = "sets" if name == "the HTML writer" else "generates"
                found[char] = f"{name} {verb} ({kind})"
                break
        else:
            if char in labels:
                found[char] = "the HTML writer sets (a list marker)"
    return found


def generating(char: str, stylesheet: str) -> str | None:
    """What a stylesheet writes `char` as (its literal or CSS escape, "\\25E6"): "a list
    marker" (the content of a list item's label too), "a content: string", "quotes", or the
    property's name; None where it does not."""
    css = COMMENT.sub("", stylesheet)
    written = re.compile(re.escape(char) + rf"|\\0*{ord(char):x}(?![0-9a-f])", re.IGNORECASE)
    for match in written.finditer(css):
        declaration = PROPERTY.search(css, 0, match.start())
        if declaration:
            if LABEL_RULE.search(css, 0, match.start()):
                return "a list marker"
            return KINDS.get(declaration.group(1).lower(), f"its {declaration.group(1)}")
    return None
