"""What every reader makes of a piece's front matter: its byline, and a title when none is given."""

from __future__ import annotations

import re

from pipeline.languages import is_chinese
from pipeline.model import Byline
from pipeline.readers import chinese

HONOUR = re.compile(r"[A-Z]{2,6}(\s?\([A-Za-z.]+\))?")


def parse_byline(text: str) -> Byline:
    """"Benson KWOK Joon-fung, IDSM, Director of Immigration" -> name, honours, role;
    "海港事務監督 莫慧琳" (or "莫慧琳，海港事務監督") -> the name and the role."""
    if is_chinese(text):
        name, role = chinese.byline_parts(text)
        return Byline(name, (), role)
    parts = [part.strip() for part in text.removeprefix("By ").split(",") if part.strip()]
    name, rest = parts[0], parts[1:]
    honours = []
    while rest and HONOUR.fullmatch(rest[0]):
        honours.append(rest.pop(0))
    return Byline(name, tuple(honours), ", ".join(rest))


def title_from_name(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else name
