"""The preflight's report: each rule's verdict on an edition, and the totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pikepdf

from pipeline.layouts import Layout
from pipeline.model import Document
from pipeline.pdf.glyphs import GLYPHS, Glyph
from pipeline.pdf.pages import POINTS_PER_MM, Box, Content, Reading, rectangle

# An error stops the build; a proof check lets it finish but the print file is a proof, not
# for press (a picture not yet supplied); a warning is for a person to look at.
Severity = Literal["error", "proof", "warning"]

PROBLEMS_SHOWN = 5  # a message lists this many problems, then counts the rest


@dataclass(frozen=True)
class Check:
    rule: str
    severity: Severity
    passed: bool
    message: str
    problems: tuple[str, ...] = ()  # what failed, each once, all of them


@dataclass(frozen=True)
class Report:
    pdf: Path
    layout: str
    checks: tuple[Check, ...]
    pages: int = 0

    @property
    def errors(self) -> list[Check]:
        return [check for check in self.checks if not check.passed and check.severity == "error"]

    @property
    def warnings(self) -> list[Check]:
        return [check for check in self.checks
                if not check.passed and check.severity == "warning"]

    @property
    def proofs(self) -> list[Check]:
        """Failed checks that make the edition a proof."""
        return [check for check in self.checks if not check.passed and check.severity == "proof"]

    @property
    def press_ready(self) -> bool:
        return not self.errors and not self.proofs

    def to_json(self) -> dict:
        return {
            "pdf": self.pdf.name,
            "layout": self.layout,
            "pages": self.pages,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "press_ready": self.press_ready,
            "checks": [
                {"rule": c.rule, "severity": c.severity, "passed": c.passed, "message": c.message,
                 "problems": list(c.problems)}
                for c in self.checks
            ],
        }


@dataclass(frozen=True)
class Edition:
    """What the rules look at: the PDF opened once, and what it should hold."""

    path: Path
    pdf: pikepdf.Pdf
    document: Document
    layout: Layout
    source_dir: Path | None = None  # where the figures' pictures are, to name them
    # What the rules to run read in the pages' content, or measure of their glyphs.
    readings: tuple[Reading | PageMeasure, ...] = ()
    cache: dict = field(default_factory=dict, compare=False)  # what rules measured, once

    def read(self, reading: Reading | PageMeasure) -> list:
        """What `reading` finds in each page's content, or measures of its glyphs. The first
        parses each page once for every one of `readings`: parsing costs more than reading,
        and holding every page's instructions (or glyphs) would take far more memory than
        what is read from them."""
        found = self.cache.setdefault("readings", {})
        if reading not in found:
            wanted = [each for each in dict.fromkeys((*self.readings, reading))
                      if each not in found]
            operators, maps = Reading.operators_of(wanted), self.cache.setdefault("maps", {})
            fonts = self.cache.setdefault("fonts", {})
            measuring = any(isinstance(each, PageMeasure) for each in wanted)
            for each in wanted:
                found[each] = []
            for number, page in enumerate(self.pdf.pages, 1):
                content = Content.read(page, page.obj, maps, operators, fonts)
                glyphs = GLYPHS.read(content) if measuring else []
                for each in wanted:
                    found[each].append(each.measure(self, number, glyphs)
                                       if isinstance(each, PageMeasure) else each.read(content))
        return found[reading]

    def text_area(self, number: int) -> Box:
        """The layout's text area on page `number` (from 1), inside its margins, measured
        from the TrimBox (the MediaBox when there is none), in the PDF's coordinates: once a
        page, for the several rules measuring it."""
        areas = self.cache.setdefault("text areas", {})
        if number not in areas:
            areas[number] = self.measured_text_area(number)
        return areas[number]

    def measured_text_area(self, number: int) -> Box:
        page = self.layout.page
        left, bottom, right, top = rectangle(self.pdf.pages[number - 1].trimbox)
        margin_left, margin_right = page.side_margins_mm(number)
        return (left + margin_left * POINTS_PER_MM, bottom + page.margin_bottom_mm * POINTS_PER_MM,
                right - margin_right * POINTS_PER_MM, top - page.margin_top_mm * POINTS_PER_MM)

    def turned_pages(self) -> frozenset[int]:
        """The pages (from 1) turned on their side against the first, as a table too wide for
        the measure is set on one (large print)."""
        def landscape(page) -> bool:
            left, bottom, right, top = rectangle(page.trimbox)
            return right - left > top - bottom
        first = landscape(self.pdf.pages[0])
        return frozenset(number for number, page in enumerate(self.pdf.pages, 1)
                         if landscape(page) != first)

    def text_band(self, number: int) -> Box:
        """The band of page `number` between its top and bottom margins, the page's whole
        width: the running heads and folios, in those margins, left out, and what hangs into
        the side margins kept (a list's labels, set outside its items)."""
        left, _, right, _ = rectangle(self.pdf.pages[number - 1].trimbox)
        _, bottom, _, top = self.text_area(number)
        return left, bottom, right, top


@dataclass(frozen=True)
class PageMeasure:
    """What a rule keeps of each page's glyphs (`measure`: of the edition, the page's number
    from 1, and its glyphs), taken as the page is read and kept in their stead: an edition
    of 300 pages shows some 900,000 glyphs, 230 MB held at once."""

    measure: Callable[[Edition, int, list[Glyph]], object]
    operators: str = GLYPHS.operators


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    problems: Callable[[Edition], list[str]]
    # What the rule measured, said whether it passed or not (else a pass says "ok").
    summary: Callable[[Edition], str] | None = None
    # What it reads in each page's content, or measures of its glyphs (Edition.read).
    reads: tuple[Reading | PageMeasure, ...] = ()


def run_rule(rule: Rule, edition: Edition) -> Check:
    """The rule's verdict. A failed check's message says what failed first, then what the
    rule measured: a reader, or a line cut short, meets the cause before the measurements."""
    problems = tuple(dict.fromkeys(rule.problems(edition)))  # each problem once, in order
    summary = rule.summary(edition) if rule.summary else ""
    if not problems:
        return Check(rule.name, rule.severity, True, summary or "ok")
    shown = problems[:PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    message = "; ".join(shown) + (f"; and {more} more" if more else "")
    return Check(rule.name, rule.severity, False,
                 f"{message} (measured: {summary})" if summary else message, problems)
