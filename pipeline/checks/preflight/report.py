"""The preflight's report: each rule's verdict on an edition, and the totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pikepdf

from pipeline.layouts import Layout
from pipeline.model import Document

Severity = Literal["error", "warning"]

PROBLEMS_SHOWN = 5  # a message lists this many problems, then counts the rest


@dataclass(frozen=True)
class Check:
    rule: str
    severity: Severity
    passed: bool
    message: str


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

    def to_json(self) -> dict:
        return {
            "pdf": self.pdf.name,
            "layout": self.layout,
            "pages": self.pages,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "checks": [
                {"rule": c.rule, "severity": c.severity, "passed": c.passed, "message": c.message}
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


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    problems: Callable[[Edition], list[str]]


def run_rule(rule: Rule, edition: Edition) -> Check:
    problems = list(dict.fromkeys(rule.problems(edition)))  # each problem once, in order
    if not problems:
        return Check(rule.name, rule.severity, True, "ok")
    shown = problems[:PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    message = "; ".join(shown) + (f"; and {more} more" if more else "")
    return Check(rule.name, rule.severity, False, message)
