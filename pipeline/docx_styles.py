"""What the DOCX reader and writer share about python-docx's styles."""

from __future__ import annotations

import functools


def cache_style_lookups(draft) -> None:
    """Have `draft` (a python-docx Document whose styles are settled) look each style up once.

    python-docx finds the style a paragraph or run has, or is given by name, by scanning
    every style of the file each time: reading or writing grew with paragraphs times styles
    (minutes for a few thousand paragraphs of a house style's hundreds of styles).
    """
    part = draft.part
    part.get_style = functools.cache(part.get_style)
    by_name = functools.cache(part.get_style_id)
    by_style = part.get_style_id  # a style object is no key (python-docx's are unhashable)
    part.get_style_id = lambda style, kind: (by_name(style, kind) if style is None
                                             or isinstance(style, str) else by_style(style, kind))
