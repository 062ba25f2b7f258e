"""Metadata: the optional source/<name>.toml beside a source text, checked key by key."""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import replace
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.files import IMAGE_SUFFIXES, lies_inside, read_at_most, unreadable
from pipeline.layouts import checked_exceptions
from pipeline.model import Metadata

TEXT_KEYS = ("title", "subtitle", "organisation", "author", "language")
DATE_FORMS = ('a date is written date = 2024 (a year), date = "2024-06" (a month, in quotes) '
              "or date = 2024-06-11 (a day)")
KEYS = (*TEXT_KEYS, "date", "layouts", "images", "alt", "hyphenation")
# Control characters, which no picture's file is named with (NUL no name can hold).
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
MAX_METADATA_BYTES = 256 * 1024
# Python's TOML reader takes time growing with the square of a dotted key's depth (20,000
# levels: 11 s); the metadata needs two (images.1), so a line of more is refused first.
MAX_DOTS_A_LINE = 32
# Multi-line and one-line strings (unterminated ones to where they stop), comments, dots, ends.
TOML_TOKEN = re.compile(r'"""[\s\S]*?(?:"""|\Z)|\'\'\'[\s\S]*?(?:\'\'\'|\Z)'
                        r'|"(?:[^"\\\n]|\\.)*"?|\'[^\'\n]*\'?|#[^\n]*|[.\n]')
LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]+")


def load_metadata(path: Path, layouts: list[str]) -> Metadata:
    """The metadata in `path` (an empty title when the file does not give one)."""
    if not path.exists():
        return Metadata(title="")
    return parse_metadata(read_settings(path), path, layouts)


def load_declared(path: Path, layouts: list[str]) -> tuple[tuple[str, ...], dict[int, str]]:
    """The layouts and the images the metadata in `path` names, checked as load_metadata
    checks them: what declaring a document's tasks needs. Its other texts are left to the
    model's step: cleaning them imports what only that step needs (ftfy), which the build
    would otherwise import before its first worker starts."""
    if not path.exists():
        return (), {}
    settings = read_settings(path)
    refuse_unknown_keys(settings, path)
    return chosen_layouts(settings.get("layouts", []), path, layouts), images(settings, path)


def load_hyphenation(path: Path) -> tuple[str, ...]:
    """The document's own hyphenation exceptions in `path` (`hyphenation = ["pro-ject"]`):
    not part of the model, so that a change to them rebuilds only the editions that
    hyphenate (README, "The metadata")."""
    if not path.exists():
        return ()
    return hyphenation_value(read_settings(path).get("hyphenation", []), path)


def read_settings(path: Path) -> dict:
    """The TOML in `path`, refused in one line when it is not UTF-8 or not valid TOML."""
    data = read_at_most(path, MAX_METADATA_BYTES)
    text = ""
    try:
        text = data.decode("utf-8")
        if most_dots_a_line(text) > MAX_DOTS_A_LINE:
            raise PipelineError(path, f"keys nested too deeply (more than {MAX_DOTS_A_LINE} dots "
                                      "on a line, outside quotes)")
        return tomllib.loads(text)
    except UnicodeDecodeError:
        raise PipelineError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise PipelineError(path, f"not valid TOML: {error}{toml_hint(text, error)}") from None
    except RecursionError:
        raise PipelineError(path, "arrays or tables nested too deeply (the metadata needs two "
                                  "levels)") from None


def most_dots_a_line(text: str) -> int:
    """The most dots on one line of a TOML text outside its strings and comments (a key is
    on one line), in one pass: each token below matches wherever it starts."""
    most = dots = 0
    for token in TOML_TOKEN.findall(text):
        if token == ".":
            dots += 1
            most = max(most, dots)
        elif "\n" in token:  # a line's end, or a multi-line string's
            dots = 0
    return most


def toml_hint(text: str, error: tomllib.TOMLDecodeError) -> str:
    """What to write instead, where the line TOML stopped at sets a key whose accepted forms
    TOML's own message cannot know: a date written as a year and month, say."""
    at_line = re.search(r"at line (\d+)", str(error))
    lines = text.splitlines()
    if not at_line or int(at_line.group(1)) > len(lines):
        return ""
    key = lines[int(at_line.group(1)) - 1].partition("=")[0].strip()
    if key == "date":
        return f"; {DATE_FORMS}"
    return ""


def parse_metadata(settings: dict, path: Path, layouts: list[str]) -> Metadata:
    refuse_unknown_keys(settings, path)
    metadata = Metadata(title="")
    for key in TEXT_KEYS:
        if key in settings:
            metadata = replace(metadata, **{key: text_value(settings[key], key, path)})
    if not LANGUAGE_TAG.fullmatch(metadata.language):
        raise PipelineError(path, f"language {metadata.language!r} is not a tag like en-GB")
    # Checked here, so a bad entry stops the document at once; the PDF writer reads them.
    hyphenation_value(settings.get("hyphenation", []), path)
    return replace(
        metadata,
        # A language written is the author's word, the default's too (text_language).
        language_named="language" in settings,
        date=date_value(settings.get("date", ""), path),
        layouts=chosen_layouts(settings.get("layouts", []), path, layouts),
        images=images(settings, path),
        alt=figure_table(settings, "alt", path),
    )


def refuse_unknown_keys(settings: dict, path: Path) -> None:
    unknown = sorted(set(settings) - set(KEYS))
    if unknown:
        raise PipelineError(
            path, f"unknown key {', '.join(map(repr, unknown))}; known keys: {', '.join(KEYS)}"
        )


def images(settings: dict, path: Path) -> dict[int, str]:
    """The figures' image files, by figure number, relative to the metadata's folder."""
    refuse_unnameable(settings.get("images"), path)
    return {number: image_path(file, path.parent, path)
            for number, file in figure_table(settings, "images", path).items()}


def refuse_unnameable(table: object, path: Path) -> None:
    """Stop at an image whose name holds a control character (\\x00, say), which no file's
    name does, shown escaped: cleaning it as text would drop the character, and the name
    quoted would be another file's."""
    if not isinstance(table, dict):
        return  # figure_table says what it should be
    for value in table.values():
        if isinstance(value, str) and (found := CONTROLS.findall(value)):
            held = ", ".join(dict.fromkeys(char.encode("unicode_escape").decode()
                                           for char in found))
            raise PipelineError(path, f"image {value!r} holds {held}, which no file's name"
                                      " holds; name the picture's file as it is")


def text_value(value: object, key: str, path: Path) -> str:
    if not isinstance(value, str):
        raise PipelineError(path, f"{key} must be text in quotes, not {kind(value)}")
    # Cleaning and decoding (ftfy) imported here, not for a PDF's step, which reads only
    # the hyphenation list of the metadata (load_hyphenation).
    from pipeline.readers.cleaning import clean_line
    from pipeline.readers.decoding import CONTROL_CHARACTERS

    # One line of text: a TOML string may hold line breaks and control characters (\u0000).
    return clean_line(CONTROL_CHARACTERS.sub("", LINE_BREAKS.sub(" ", value)))


def kind(value: object) -> str:
    """A TOML value named in words: a table or list is never printed, however deep."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def date_value(value: object, path: Path) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str | datetime.date):
        raise PipelineError(path, f"date is {kind(value)}; {DATE_FORMS}")
    text = str(value)[:10]
    if text and not valid_date(text):
        raise PipelineError(path, f"date is {value!r}; {DATE_FORMS}")
    return text


def valid_date(text: str) -> bool:
    """"2024", "2024-06" or "2024-06-11", each a real date."""
    if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", text):
        return False
    try:
        datetime.date.fromisoformat((text + "-01-01")[:10])
    except ValueError:
        return False
    return True


def chosen_layouts(value: object, path: Path, known: list[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise PipelineError(path, 'layouts must be a list of names, like ["print", "screen"]')
    for name in value:
        if name not in known:
            raise PipelineError(
                path, f"unknown layout {name!r}; the layouts are {', '.join(known)}"
            )
    return tuple(value)


def hyphenation_value(value: object, path: Path) -> tuple[str, ...]:
    """A list of words written with hyphens where they may break (one without hyphens never
    breaks), each refused naming the entry when it is not one."""
    if not isinstance(value, list):
        raise PipelineError(path, 'hyphenation must be a list of words, like hyphenation = '
                                  f'["pro-ject", "nevertheless"], not {kind(value)}')
    entries = [(f"hyphenation entry {number}", entry) for number, entry in enumerate(value, 1)]
    for where, entry in entries:
        if not isinstance(entry, str):
            raise PipelineError(path, f"{where} must be a word in quotes, not {kind(entry)}")
    return checked_exceptions(entries, path)


def figure_table(settings: dict, key: str, path: Path) -> dict[int, str]:
    table = settings.get(key, {})
    if not isinstance(table, dict):
        raise PipelineError(path, f'{key} must be a table of figure numbers, like {key}.1 = "..."')
    result = {}
    for number, value in table.items():
        if not number.isdigit() or int(number) < 1:
            raise PipelineError(path, f"{key}: {number!r} is not a figure number (1, 2, ...)")
        result[int(number)] = text_value(value, f"{key}.{number}", path)
    return result


def image_path(value: str, source_dir: Path, path: Path) -> str:
    """An image file named in `path` relative to `source_dir`, which it must stay inside."""
    from pipeline.readers.pictures import check_picture  # Pillow: not for every doit's start

    source_dir = source_dir.resolve()
    image = source_dir / value
    if Path(value).is_absolute() or not lies_inside(image, source_dir):
        raise PipelineError(path, f"image {value!r} lies outside source/")
    image = image.resolve()
    if image.suffix.lower() not in IMAGE_SUFFIXES:
        raise PipelineError(path, f"image {value!r} is not a PNG, JPEG, GIF, SVG or WebP file")
    if not image.exists():
        raise PipelineError(path, f"image {value!r} does not exist in source/")
    if problem := unreadable(image):
        raise PipelineError(path, f"image {value!r} {problem}")
    check_picture(image)
    return image.relative_to(source_dir).as_posix()
