"""Metadata: the optional source/<name>.toml beside a source text, checked key by key."""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import replace
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.model import Metadata
from pipeline.readers.cleaning import clean_line

TEXT_KEYS = ("title", "subtitle", "organisation", "author", "language")
DATE_FORMS = ('a date is written date = 2024 (a year), date = "2024-06" (a month, in quotes) '
              "or date = 2024-06-11 (a day)")
KEYS = (*TEXT_KEYS, "date", "layouts", "images", "alt")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")


def load_metadata(path: Path, layouts: list[str]) -> Metadata:
    """The metadata in `path` (an empty title when the file does not give one)."""
    if not path.exists():
        return Metadata(title="")
    text = ""
    try:
        text = path.read_text(encoding="utf-8")
        settings = tomllib.loads(text)
    except UnicodeDecodeError:
        raise PipelineError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise PipelineError(path, f"not valid TOML: {error}{toml_hint(text, error)}") from None
    return parse_metadata(settings, path, layouts)


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
    unknown = sorted(set(settings) - set(KEYS))
    if unknown:
        raise PipelineError(
            path, f"unknown key {', '.join(map(repr, unknown))}; known keys: {', '.join(KEYS)}"
        )
    metadata = Metadata(title="")
    for key in TEXT_KEYS:
        if key in settings:
            metadata = replace(metadata, **{key: text_value(settings[key], key, path)})
    if not LANGUAGE_TAG.fullmatch(metadata.language):
        raise PipelineError(path, f"language {metadata.language!r} is not a tag like en-GB")
    return replace(
        metadata,
        date=date_value(settings.get("date", ""), path),
        layouts=chosen_layouts(settings.get("layouts", []), path, layouts),
        images={n: image_path(p, path.parent, path)
                for n, p in figure_table(settings, "images", path).items()},
        alt=figure_table(settings, "alt", path),
    )


def text_value(value: object, key: str, path: Path) -> str:
    if not isinstance(value, str):
        raise PipelineError(path, f"{key} must be text in quotes, not {value!r}")
    return clean_line(value)


def date_value(value: object, path: Path) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str | datetime.date):
        raise PipelineError(path, f"date is {value!r}; {DATE_FORMS}")
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
    source_dir = source_dir.resolve()
    image = (source_dir / value).resolve()
    if not image.is_relative_to(source_dir) or Path(value).is_absolute():
        raise PipelineError(path, f"image {value!r} lies outside source/")
    if image.suffix.lower() not in IMAGE_SUFFIXES:
        raise PipelineError(path, f"image {value!r} is not a PNG, JPEG, GIF, SVG or WebP file")
    if not image.is_file():
        raise PipelineError(path, f"image {value!r} does not exist in source/")
    return image.relative_to(source_dir).as_posix()
