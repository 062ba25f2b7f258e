"""What every reader makes of a piece's front matter: its byline, and a title when none is given."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.languages import detect, language_halves
from pipeline.model import Byline, Document, Span
from pipeline.readers.cleaning import flattened, phrases_of


def parse_byline(text: str, spans: tuple[Span, ...] = ()) -> Byline:
    """"Benson KWOK Joon-fung, IDSM, Director of Immigration" -> name, honours, role;
    "海港事務監督 莫慧琳" (or "莫慧琳，海港事務監督") -> the name and the role: each read
    by the rules of its language. A byline on two lines ("Dr Mary CHAN" over "Chair", "主席"
    over "陳美華博士") is read as the line `byline_line` makes of them. `spans`, the
    byline's text as inline text, give its phrases' languages."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    line, parallel = bilingual_parts(byline_line(lines) or " ".join(lines))
    phrases = tuple(run for run in phrases_of(spans, flattened(spans))
                    if run.language and run.text in line)
    language = detect(line)
    name, honours, role = language.byline_parts(line)
    # Spaced as written, where the language keeps honours as their author parted them.
    spaced = (language.honour_separators(honours, True) != language.honour_separators(honours)
              and bool(re.search(rf"{re.escape(name)}\s+{re.escape(honours[0])}\b", line)))
    return Byline(name, honours, role, phrases=phrases, honours_spaced=spaced,
                  parallel=parallel)


def bilingual_parts(line: str) -> tuple[str, str]:
    """A byline and its parallel in the other language on one line, as the draft and the
    marked-up form write a bilingual page's (`會長 何詠恩 President Ho Weng Ian`): the two;
    else the line and ""."""
    halves = language_halves(line)
    if len(halves) == 1:
        return line, ""
    first, second = (half.strip() for half in halves)
    # (A Chinese name's honours after it, `主席 陳大文 GBS JP`, are its own: no parallel; a
    # name in capitals, `Dr CHAN Ka-ming`, is no honour.)
    honours = set(detect(line).byline_parts(line)[1])
    if honours and set(re.findall(r"[^\s,]+", second)) <= honours:
        return line, ""
    return (first, second) if is_parallel_byline(first, second) else (line, "")


def is_parallel_byline(byline: str, line: str) -> bool:
    """Whether `line` is the byline `byline` again in the page's other language: `byline`
    names a person with a role, as its language writes a byline (`會長 何詠恩`), and `line`,
    in the other script, is shaped as a role and a name are, one short phrase with no
    sentence's end and no date (`President Ho Weng Ian`, `Ho Weng Ian, President`), or is
    the person's name alone (`Dr CHAN Ka-ming`): two words at least where its words are
    spaced, as a name is (a heading of one word under a byline, `Introduction`, is none)."""
    own, other = detect(byline), detect(line)
    return (own.script != other.script and own.is_byline(byline, 2)
            and own.names_person(byline) and bool(own.byline_parts(byline)[2])
            and (other.is_role(line) or other.is_name(line))
            and (not other.words_spaced or len(line.split()) > 1))


def byline_line(lines: Sequence[str]) -> str | None:
    """A byline's lines as one line in its language's order: a line as it stands; a name over
    its role, or a role over a name ("Dr Mary CHAN" over "Chair", "主席" over "陳美華博士"),
    where one line is a role as its language writes one and the other names a person (a form
    of address, a surname in capitals, a Chinese name and its title) and gives no role of its
    own (a byline on a line under a title is not a role over a name), nor names a body
    (`Northfield Hospitals NHS Trust`, its initials no surname); else None."""
    if len(lines) == 1:
        return lines[0]
    if len(lines) != 2:
        return None
    if is_parallel_byline(*lines):  # a bilingual page's, over its parallel
        return " ".join(lines)
    if is_parallel_byline(*lines[::-1]):
        # Its parallel over it (`Chairman Dr Wong Ka-ming` over `主席黃家明博士`), a role and
        # a name no byline in their own language: read as the byline over its parallel is.
        return " ".join(lines[::-1])
    for name, role in (lines, lines[::-1]):
        language = detect(name)
        line = language.byline_text(name, (), role)
        if (language.is_role(role) and not language.byline_parts(name)[2]
                and not language.names_body(name.strip()) and language.names_person(line)):
            return line
    return None


def title_from_name(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else name


def signatory(document: Document) -> str:
    """The name the text's last sign-off signs with, its closing phrase aside (`Jane
    Thornton` over `Headteacher`, `校長` over `陳家明博士`): its author, where no byline and
    no metadata name one (the editions' and the draft's properties say who wrote them); ""
    where its first lines name no one."""
    sign_off = document.last_sign_off
    lines = [line.strip() for line in sign_off.texts] if sign_off is not None else []
    # A line naming them with their role, or a name and a role on two lines, among the
    # first (a closing phrase may open the sign-off: "Kind regards,").
    for start in range(min(len(lines), SIGNATORY_LINES)):
        for end in (start + 1, start + 2):
            line = byline_line(lines[start:end]) if end <= len(lines) else None
            language = detect(line) if line else None
            if language and language.is_byline(line, 2) and language.names_person(line):
                return language.byline_parts(line)[0]
    return ""


SIGNATORY_LINES = 2  # the sign-off's lines a signatory's name may open on
