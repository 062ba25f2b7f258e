"""What every reader makes of a piece's front matter: its byline, and a title when none is given."""

from __future__ import annotations

import re

from pipeline.languages import is_chinese
from pipeline.model import Byline
from pipeline.readers import chinese

# Post-nominals: orders, fellowships, degrees, offices. Known by name, they are found in
# any case ("FREng", "FMedSci") and after a name without commas ("Ann Lee DBE FRS").
POST_NOMINALS = frozenset(
    """GBE KBE DBE CBE OBE MBE CB CMG KCMG GCMG KCB GCB CVO LVO MVO KCVO DCVO CH OM DL JP KC QC
    MP MSP MS MLA CEng FRS FBA FREng FRSE FMedSci FInstP FRCP FRCS FRCA FRCGP FRCOG FRCR
    FRCPath FRCPsych FRCPCH FRCPE FRCSEd FRCPI FRCVS FRCOphth FAcSS FLSW FRSGS FRAeS
    FIStructE FIMechE FICE FIET FRSocMed FRSB FRSC FRMetS FRGS FRHistS FRSL FRSA FRSNZ FAHMS
    FCA FCCA ACA FCIPD FCMI FIoD FCIArb FHEA SFHEA PFHEA FHKIE FHKAM FHKCP GBS SBS BBS MH
    IDSM PDSM FSDSM PhD DPhil MPhil DSc DLitt LLD EdD MD MA MSc BA BSc MBA LLB LLM MBBS
    MBChB MEng BEng MRCP MRCPsych MRCGP MRCOG HonFREng HonFRCP""".split()
)
# Between commas, capitals read as post-nominals too: "IDSM", "FRS", "KC (Scot)".
CAPITALS_HONOUR = re.compile(r"[A-Z]{2,6}(\s?\([A-Za-z.]+\))?")


def is_honour(text: str) -> bool:
    return text in POST_NOMINALS or bool(CAPITALS_HONOUR.fullmatch(text))


def parse_byline(text: str) -> Byline:
    """"Benson KWOK Joon-fung, IDSM, Director of Immigration" -> name, honours, role;
    "海港事務監督 莫慧琳" (or "莫慧琳，海港事務監督") -> the name and the role.

    Honours follow the name between commas, or after it within its part when they are
    known post-nominals ("Ann Lee DBE FRS, President"; a surname in capitals stays a name).
    """
    if is_chinese(text):
        name, role = chinese.byline_parts(text)
        return Byline(name, (), role)
    parts = [part.strip() for part in text.removeprefix("By ").split(",") if part.strip()]
    words, rest = parts[0].split(" "), parts[1:]
    trailing = 0
    while trailing < len(words) - 2 and words[-1 - trailing] in POST_NOMINALS:
        trailing += 1
    honours = words[len(words) - trailing :]
    words = words[: len(words) - trailing]
    while rest and is_honour(rest[0]):
        honours.append(rest.pop(0))
    return Byline(" ".join(words), tuple(honours), ", ".join(rest))


def title_from_name(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else name
