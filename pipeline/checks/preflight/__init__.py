"""Preflight: check a built PDF edition before anyone sends it to print or publishes it.

Each rule is a small function from an `Edition` (the opened PDF, its document and its
layout) to a list of problems; no problems means the rule passed. The layout chooses the
rules: PDF/X layouts get the print rules, PDF/UA layouts the accessibility rules, and
every layout the rules on fonts, bookmarks and text, and the typesetter's.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from pipeline.checks.preflight.common_rules import COMMON_RULES
from pipeline.checks.preflight.print_rules import PRINT_RULES
from pipeline.checks.preflight.report import Edition, Report, Rule, run_rule
from pipeline.checks.preflight.tagged_rules import TAGGED_RULES
from pipeline.checks.preflight.typography_rules import (
    PAST_MEASURE_RULE,
    SMALLEST_TYPE,
    TYPOGRAPHY_RULES,
)
from pipeline.layouts import Layout
from pipeline.model import Document


def preflight(pdf: Path, document: Document, layout: Layout,
              source_dir: Path | None = None) -> Report:
    """Run the layout's rules on the PDF edition `pdf` of `document`, whose pictures are in
    `source_dir`, as the layout sets the document's language."""
    layout = layout.for_language(document.metadata.language)
    rules = rules_for(layout)
    readings = tuple(dict.fromkeys(reading for rule in rules for reading in rule.reads))
    with pikepdf.open(pdf) as opened:
        edition = Edition(pdf, opened, document, layout, source_dir, readings)
        checks = tuple(run_rule(rule, edition) for rule in rules)
        pages = len(opened.pages)
    return Report(pdf, layout.name, checks, pages)


def rules_for(layout: Layout) -> list[Rule]:
    chosen = []
    if layout.is_pdfx:
        chosen += PRINT_RULES
    if layout.is_tagged:
        chosen += TAGGED_RULES
    if layout.smallest_type_pt:
        chosen.append(SMALLEST_TYPE)
    chosen.append(PAST_MEASURE_RULE)
    return [*chosen, *COMMON_RULES, *TYPOGRAPHY_RULES]
