"""pyphen's hyphenation dictionaries, each pattern read at its first lookup.

pyphen parses every pattern of a dictionary as it opens it (British English's 14,000: some
60 ms in each process that sets a PDF), where a document looks up a few hundred. Here the
dictionary keeps each pattern's line by its letters, and works out its values (the break
weights between the letters) as pyphen does, with pyphen's own parser, when it is first
looked up: the same patterns, so the same points. A dictionary whose lines pyphen rewrites
as it reads them (a character written `^^hh`, a nonstandard hyphenation `ff/f=f`) is read
by pyphen whole.
"""

from __future__ import annotations

from pathlib import Path

import pyphen

WITHOUT_DIGITS = str.maketrans("", "", "0123456789")
WITHOUT_ZEROS = str.maketrans("", "", "0")


class PatternsOnDemand:
    """A dictionary's patterns by their letters, as pyphen's HyphDict.patterns answers
    `get`: the offset of the first non-zero value, and the values from it to the last."""

    def __init__(self, lines: dict[str, str]):
        self.lines = lines
        self.read: dict[str, tuple[int, tuple[int, ...]]] = {}

    def get(self, letters: str, default=None):
        found = self.read.get(letters)
        if found is None:
            line = self.lines.get(letters)
            if line is None:
                return default
            found = self.read[letters] = weights(line)
        return found

    def keys(self):
        return self.lines.keys()


def weights(line: str) -> tuple[int, tuple[int, ...]]:
    """A pattern's values, trimmed of the zeros at either end, and the offset of the first,
    parsed as pyphen's HyphDict parses them."""
    values = [int(digit or "0") for digit, _ in pyphen.parse(line)]
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, tuple(values[start:end])


def pattern_lines(path: Path) -> dict[str, str] | None:
    """Each pattern line of the dictionary at `path` by its letters, the last for each (as
    pyphen keeps it); only lines with a value other than zero (pyphen skips the rest). None
    where a line would be rewritten as it is read."""
    with path.open("rb") as dictionary:
        encoding = dictionary.readline().decode()
    if encoding.lower() == "microsoft-cp1251":  # as pyphen names it for Python
        encoding = "cp1251"
    text = path.read_text(encoding)
    if "^^" in text:
        return None
    lines = {}
    for line in text.split("\n")[1:]:
        line = line.strip()
        if not line or line.startswith(pyphen.ignored):
            continue
        if "/" in line and "=" in line:
            return None
        letters = line.translate(WITHOUT_DIGITS)
        if len(letters) == len(line) or (
                "0" in line and len(line.translate(WITHOUT_ZEROS)) - len(letters) == 0):
            continue  # no value but zero
        lines[letters] = line
    return lines


def dictionary(path: Path) -> pyphen.HyphDict:
    """The dictionary at `path`, read as pyphen's, its patterns parsed on demand where its
    lines allow."""
    lines = pattern_lines(path)
    if lines is None:
        return pyphen.HyphDict(path)
    read = pyphen.HyphDict.__new__(pyphen.HyphDict)
    read.patterns, read.cache = PatternsOnDemand(lines), {}
    read.maxlen = max(map(len, lines))
    return read


def hyphenator(language: str, before: int, after: int) -> pyphen.Pyphen:
    """pyphen's hyphenator of `language` (a name pyphen knows), breaking no nearer a word's
    start than `before` letters nor its end than `after`."""
    path = pyphen.LANGUAGES[language]
    if path not in pyphen.hdcache:  # pyphen's cache of its dictionaries, which it reads from
        pyphen.hdcache[path] = dictionary(path)
    return pyphen.Pyphen(lang=language, left=before, right=after)
