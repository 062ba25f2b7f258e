"""Reading a source file: bytes to plain text with LF line ends, or a clear refusal."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import ftfy

from pipeline.errors import PipelineError
from pipeline.files import read_at_most

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


def read_source(path: Path) -> str:
    return decode_source(read_at_most(path, MAX_SOURCE_BYTES), path)


def decode_source(data: bytes, path: Path | str = "<text>") -> str:
    """Decode the bytes of a source text and normalise its line ends and control characters."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise PipelineError(path, f"not a text file: it is {kind}")
    text = normalise_characters(decode(data, path))
    if not text.strip():
        raise PipelineError(path, "no text: the file is empty or holds only white space")
    longest = max(len(line) for line in text.split("\n"))
    if longest > MAX_LINE_CHARACTERS:
        raise PipelineError(
            path,
            f"a line of {longest:,} characters; the limit is {MAX_LINE_CHARACTERS:,}"
            " (is this really a text to publish?)",
        )
    return text


def decode(data: bytes, path: Path | str = "<text>") -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    if b"\x00" in data:
        raise PipelineError(path, "not a text file: it holds NUL bytes (binary data?)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = decode_legacy(data)
    # Text encoded twice ("Peopleâ€™s") is repaired; ftfy changes nothing that is not mojibake.
    return ftfy.fix_encoding(text)


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
