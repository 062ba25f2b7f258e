"""Where a layout's files lie: a folder under layouts/ holding SETTINGS, beside the folders of
the fonts and templates every layout shares.

Apart from pipeline.layouts, which reads a layout's settings, so that declaring the tasks
(a `doit` with nothing to do among them) names the layouts and their files without paying
for the settings' classes.
"""

from __future__ import annotations

from pathlib import Path

SETTINGS = "layout.toml"
HYPHENATION_EXCEPTIONS = "hyphenation.txt"
FONTS = "fonts"  # the folder beside the layouts holding the fonts every layout may use
REFERENCE_DOCX = "reference.docx"
TEMPLATES = "templates"  # the folder beside the layouts holding the templates they share


def layout_names(layouts_dir: Path) -> list[str]:
    return sorted(p.parent.name for p in layouts_dir.glob(f"*/{SETTINGS}"))
