"""No link leads nowhere: a Link element holds a link annotation (ISO 32000-1, 14.8.4.4.2: a
Link associates content with one), or a screen reader announces a link that goes nowhere.
A note's reference is one when the text holds no such note: the marked-up form writes such
a reference as it stands, `[^2]`, as pandoc prints it, and the preflight's
logical-structure rule fails an edition holding a Link without an annotation, whatever
model it was made from."""

from __future__ import annotations

import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.model import Document, Metadata, Note, Paragraph, Span
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT

pytestmark = pytest.mark.slow  # a tagged edition is laid out

LAYOUTS = ROOT / "layouts"


def test_the_preflight_fails_a_link_to_nothing(tmp_path):
    document = Document("harbour-report", Metadata(title="Harbour Report"), None, (
        Paragraph((Span("More ships came this year."), Span("2", note="2"),
                   Span(" Trade grew by a tenth."), Span("1", note="1"))),
        Note("1", (Span("Counted by arrivals."),))))
    layout = load_layout(LAYOUTS, "screen")
    path = tmp_path / "harbour-report-screen.pdf"
    path.write_bytes(render_pdf(document, layout, tmp_path))
    report = preflight(path, document, layout)
    (check,) = [check for check in report.checks if check.rule == "logical-structure"]
    assert not check.passed
    assert "1 Link elements hold no link annotation" in check.message
