"""Reading a source file: bytes to plain text with LF line ends, or a clear refusal."""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from pathlib import Path

import ftfy

from pipeline.errors import PipelineError
from pipeline.files import read_at_most
from pipeline.languages import PROFILES, Profile

# A source larger than this would make a PDF of more than about 350 print pages, whose every
# edition takes more than about five minutes on two cores (README, "Errors and limits").
MAX_SOURCE_BYTES = 1024 * 1024
MAX_LINE_CHARACTERS = 100_000

# Signatures of files that are not text, whatever their name says.
BINARY_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (perhaps a DOCX)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
    b"\x7fELF": "a program",
}

# C0 and C1 controls other than tab and line ends, plus stray format characters.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe]")

# A reading of bytes in a legacy encoding is a language's when this share of its letters at
# least are the language's commonest (`Profile.common`), of this many letters at least, and
# twice the share of any other reading: measured, three in four for Chinese read rightly,
# under one in twenty for Big5 read as GB18030 or the reverse.
FAMILIAR_SHARE = 0.3
FAMILIAR_LETTERS = 8
CLEAR_LEAD = 2
# Windows-1252 text (English, French, Portuguese …) holds few bytes above 127, most of them
# alone between ASCII letters ("café"); a text in a legacy encoding of another script (Big5,
# KOI8, Shift-JIS) holds them in runs, each character two bytes or each letter one.
MAX_RUN_SHARE = 0.6
MIN_RUN_BYTES = 4
HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
# In a reading of UTF-16, characters no text holds: controls other than white space,
# unassigned code points, private use, surrogates.
UNREADABLE = frozenset(("Cc", "Cn", "Co", "Cs"))


def read_source(path: Path) -> str:
    return decode_source(read_at_most(path, MAX_SOURCE_BYTES), path)


def decode_source(data: bytes, path: Path | str = "<text>") -> str:
    """Decode the bytes of a source text and normalise its line ends and control characters."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise PipelineError(path, f"not a text file: it is {kind}")
    text = normalise_characters(decode(data, path))
    if not any(map(visible, text)):
        raise PipelineError(path, "no text: the file is empty or holds only white space")
    if (longest := longest_line(text)) > MAX_LINE_CHARACTERS:
        raise PipelineError(
            path,
            f"a line of {longest:,} characters; the limit is {MAX_LINE_CHARACTERS:,}"
            " (is this really a text to publish?)",
        )
    return text


def visible(character: str) -> bool:
    """Whether `character` shows: not white space, nor a format character drawing nothing
    (a zero-width space, a joiner, a soft hyphen, a mark of direction), which a text holding
    nothing else shows as empty."""
    return not character.isspace() and unicodedata.category(character) != "Cf"


def longest_line(text: str) -> int:
    """How many characters the longest line of `text` holds: the build reads no line longer
    than MAX_LINE_CHARACTERS, whether a source's or one an import of the draft would write."""
    return max(len(line) for line in text.split("\n"))


def decode(data: bytes, path: Path | str = "<text>") -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    if b"\x00" in data:
        return decode_unmarked_utf16(data, path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if not reads_as_western(data):
            return decode_language(data, path)
        text = decode_legacy(data)
    # Text encoded twice ("Peopleâ€™s") is repaired; ftfy changes nothing that is not mojibake.
    return ftfy.fix_encoding(text)


def decode_unmarked_utf16(data: bytes, path: Path | str) -> str:
    """Bytes holding NULs: UTF-16 without its byte-order mark when they read as text so, the
    byte order their NULs say first (an ASCII character's high byte is NUL, after it in
    UTF-16LE, before it in UTF-16BE); else no text."""
    after, before = data[1::2].count(0), data[0::2].count(0)
    orders = ("utf-16-le", "utf-16-be") if after >= before else ("utf-16-be", "utf-16-le")
    for codec in orders if len(data) % 2 == 0 else ():
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if reads_as_text(text):
            return text
    if len(data) % 2 == 0 and max(after, before) >= 2 * min(after, before) + 2:
        raise PipelineError(path, "its NUL bytes suggest UTF-16 without a byte-order mark,"
                                  " but it does not read as text so; save it as UTF-8")
    raise PipelineError(path, "not a text file: it holds NUL bytes (binary data?)")


def reads_as_text(text: str) -> bool:
    """A reading of UTF-16 holding only characters a text holds, and the spaces or line ends
    every text has (the wrong byte order reads them as other characters)."""
    whole = set(text) - set("\t\n\r\x0b\x0c")
    return bool(set(" \n") & set(text)) and not any(
        unicodedata.category(character) in UNREADABLE for character in whole)


def decode_language(data: bytes, path: Path | str) -> str:
    """Bytes neither UTF-8 nor Windows-1252 as a language's legacy encoding (Chinese in Big5
    or GB18030) when its reading of them is plainly that language's and they decode in it
    strictly. Never a misreading: any other bytes are refused, naming the encoding a
    language's reading almost fits."""
    readings = sorted(((familiarity(profile, text := data.decode(encoding.codec, "replace")),
                        len(letters(text)), encoding.name, encoding.codec)
                       for profile in PROFILES for encoding in profile.encodings), reverse=True)
    if not readings or readings[0][0] < FAMILIAR_SHARE:
        *names, last = ["Windows-1252", *(encoding.name for profile in PROFILES
                                          for encoding in profile.encodings)]
        raise PipelineError(path, f"not UTF-8, nor text in {', '.join(names)} or {last};"
                                  " save it as UTF-8")
    (share, count, name, codec), *others = readings
    if count < FAMILIAR_LETTERS or any(other[0] * CLEAR_LEAD > share for other in others):
        named = " or ".join(reading[2] for reading in readings)
        raise PipelineError(path, f"not UTF-8, and too short to tell whether it is {named};"
                                  " save it as UTF-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise PipelineError(path, f"reads as {name} but byte {error.start:,} is not valid"
                                  f" {name}; save it as UTF-8") from None


def letters(text: str) -> list[str]:
    """The letters of a text other than ASCII's: no punctuation, space or digit of ASCII."""
    return [character for character in text if not character.isascii()
            and unicodedata.category(character)[0] not in "PZ"]


def familiarity(profile: Profile, text: str) -> float:
    """The share of a text's letters that are among the language's commonest."""
    found, common = letters(text), commonest(profile)
    return sum(character in common for character in found) / len(found) if found else 0


@functools.cache
def commonest(profile: Profile) -> frozenset[str]:
    return frozenset(profile.common)


def reads_as_western(data: bytes) -> bool:
    """Bytes of Windows-1252 text: those above 127 mostly alone, not in runs."""
    runs = [len(run) for run in HIGH_BYTES.findall(data)]
    in_runs = sum(length for length in runs if length > 1)
    return in_runs < MIN_RUN_BYTES or in_runs <= MAX_RUN_SHARE * sum(runs)


def decode_legacy(data: bytes) -> str:
    """Windows-1252, the usual legacy encoding of English text; its five unused bytes as Latin-1."""
    return "".join(
        chunk.decode("cp1252", errors="strict") if not unused else chunk.decode("latin-1")
        for chunk, unused in _split_cp1252_unused(data)
    )


def _split_cp1252_unused(data: bytes):
    unused = re.compile(rb"[\x81\x8d\x8f\x90\x9d]+")
    position = 0
    for match in unused.finditer(data):
        yield data[position : match.start()], False
        yield match.group(), True
        position = match.end()
    yield data[position:], False


def _strict(data: bytes, encoding: str, path: Path | str) -> str:
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise PipelineError(
            path, f"not valid {encoding.upper()} at byte {error.start} despite its byte-order mark"
        ) from None


def normalise_characters(text: str) -> str:
    """LF line ends, no control characters; tabs stay, parting a pasted table's cells."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    return CONTROL_CHARACTERS.sub("", text)
