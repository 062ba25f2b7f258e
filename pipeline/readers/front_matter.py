"""What every reader makes of a piece's front matter: its byline, and a title when none is given."""

from __future__ import annotations

import re

from pipeline.languages import detect
from pipeline.model import Byline


def parse_byline(text: str) -> Byline:
    """"Benson KWOK Joon-fung, IDSM, Director of Immigration" -> name, honours, role;
    "海港事務監督 莫慧琳" (or "莫慧琳，海港事務監督") -> the name and the role: each read
    by the rules of its language."""
    return Byline(*detect(text).byline_parts(text))


def title_from_name(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else name
