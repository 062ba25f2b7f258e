"""Measuring a PDF edition as a typesetter does, from the outside: poppler's pdftotext gives
each line's box and words, pikepdf the pages' trim boxes. Used by the tests of page layout."""

import statistics
import subprocess
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pikepdf

XHTML = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4
ADDED_HYPHEN = "\u2010"  # WeasyPrint's hyphenate-character: a break the renderer made
EVEN_SPACES = 0.1  # ems: a justified line's spaces differ by no more (fonts, letter spacing)


@dataclass(frozen=True)
class Line:
    page: int  # from 1
    left: float  # points from the trim's left edge
    top: float  # points from the trim's top edge
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Edition:
    lines: list[Line]
    pages: int
    trim: tuple[float, float]  # width, height in points

    def on_page(self, number: int) -> list[Line]:
        return [line for line in self.lines if line.page == number]

    def body(self) -> list[Line]:
        """Lines of the body size: the commonest line height, give or take a tenth."""
        common = Counter(round(line.height, 1) for line in self.lines).most_common(1)[0][0]
        return [line for line in self.lines if abs(line.height - common) <= common * 0.1]


def measured(pdf: Path) -> Edition:
    with pikepdf.open(pdf) as opened:
        offsets = []
        for page in opened.pages:
            media, trim = [list(map(float, box)) for box in (page.mediabox, page.trimbox)]
            offsets.append((trim[0] - media[0], media[3] - trim[3], trim[2] - trim[0],
                            trim[3] - trim[1]))
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                           check=True).stdout
    root = ElementTree.fromstring(xhtml)
    lines = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), 1):
        dx, dy, _, _ = offsets[number - 1]
        for line in page.iter(f"{XHTML}line"):
            words = [word.text or "" for word in line.iter(f"{XHTML}word")]
            lines.append(Line(number, float(line.get("xMin")) - dx, float(line.get("yMin")) - dy,
                              float(line.get("yMax")) - dy, " ".join(words)))
    return Edition(lines, len(offsets), offsets[0][2:])


def median_characters(edition: Edition) -> float:
    return statistics.median(len(line.text) for line in edition.body())


def hyphen_ladders(edition: Edition) -> list[list[str]]:
    """Runs of consecutive body lines ending with a hyphen, longest first."""
    runs, current = [], []
    for line in edition.body():
        if line.text.endswith(("-", ADDED_HYPHEN)):
            current.append(line.text)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return sorted(runs, key=len, reverse=True)


def added_hyphen_words(edition: Edition) -> list[str]:
    """The word fragment before each hyphen the renderer added at a line's end."""
    return [line.text.rsplit(" ", 1)[-1] for line in edition.lines
            if line.text.endswith(ADDED_HYPHEN)]


def empty_share(edition: Edition, number: int, top_mm: float, bottom_mm: float) -> float:
    """How much of page `number`'s text area below its last line of text is empty."""
    area_top, area_bottom = top_mm * MM, edition.trim[1] - bottom_mm * MM
    inside = [line for line in edition.on_page(number)
              if line.top >= area_top - 1 and line.bottom <= area_bottom + 1]
    if not inside:
        return 1.0
    return (area_bottom - max(line.bottom for line in inside)) / (area_bottom - area_top)


@dataclass(frozen=True)
class SetLine:
    """A line of words as pdftotext boxes them: the gaps between them are its spaces."""

    page: int
    left: float
    right: float
    top: float
    words: tuple[tuple[float, float, str], ...]  # (xMin, xMax, text)

    @property
    def text(self) -> str:
        return " ".join(word for _, _, word in self.words)

    def spaces(self) -> list[float]:
        return [after[0] - before[1] for before, after in zip(self.words, self.words[1:],
                                                             strict=False)]


def set_lines(pdf: Path) -> list[SetLine]:
    """Every line of the PDF with its words' boxes, in points from the trim's left edge."""
    with pikepdf.open(pdf) as opened:
        lefts = [float(page.trimbox[0]) - float(page.mediabox[0]) for page in opened.pages]
        tops = [float(page.mediabox[3]) - float(page.trimbox[3]) for page in opened.pages]
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                           check=True).stdout
    lines = []
    for number, page in enumerate(ElementTree.fromstring(xhtml).iter(f"{XHTML}page"), 1):
        dx, dy = lefts[number - 1], tops[number - 1]
        for line in page.iter(f"{XHTML}line"):
            words = tuple((float(word.get("xMin")) - dx, float(word.get("xMax")) - dx,
                           word.text or "") for word in line.iter(f"{XHTML}word"))
            lines.append(SetLine(number, float(line.get("xMin")) - dx,
                                 float(line.get("xMax")) - dx, float(line.get("yMin")) - dy,
                                 words))
    return lines


def justified_spaces(pdf: Path, page, size_pt: float) -> list[tuple[SetLine, list[float]]]:
    """The word spaces, in ems of the body size, of each full justified line of text: a line
    that reaches the right edge of the text area from its left edge (or a paragraph's
    indent), its spaces even (a table's row, whose gaps are columns, is not one), measured
    from the outside."""
    found = []
    for line in set_lines(pdf):
        left_mm, right_mm = page.side_margins_mm(line.page)
        area_left, area_right = left_mm * MM, page.width_mm * MM - right_mm * MM
        spaces = [space / size_pt for space in line.spaces()]
        inside = page.margin_top_mm * MM <= line.top <= (page.height_mm - page.margin_bottom_mm) * MM
        if (inside and abs(line.right - area_right) <= 0.6 and line.left - area_left <= 2 * size_pt
                and line.left >= area_left - 0.6 and spaces
                and max(spaces) - min(spaces) <= EVEN_SPACES):
            found.append((line, spaces))
    return found


def word_heights(pdf: Path) -> list[tuple[int, str, float]]:
    """(page, text, height in points) of every word: its size times its font's height."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                           check=True).stdout
    return [(number, word.text or "", float(word.get("yMax")) - float(word.get("yMin")))
            for number, page in enumerate(ElementTree.fromstring(xhtml).iter(f"{XHTML}page"), 1)
            for word in page.iter(f"{XHTML}word")]


def words_by_line(pdf: Path, pages: bool = False) -> list:
    """Each line pdftotext finds: its words' (left, right, text); with `pages`, (page, words)."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                           check=True).stdout
    lines = [(number, [(float(word.get("xMin")), float(word.get("xMax")), word.text or "")
                       for word in line.iter(f"{XHTML}word")])
             for number, page in enumerate(ElementTree.fromstring(xhtml).iter(f"{XHTML}page"))
             for line in page.iter(f"{XHTML}line")]
    return lines if pages else [words for _, words in lines]
