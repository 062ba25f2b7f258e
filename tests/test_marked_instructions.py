"""Which marked content each of a page's instructions is in (pdf/structure.py): the
innermost sequence around it that has an MCID, past a BMC or a BDC without one."""

from __future__ import annotations

import pikepdf

from pipeline.pdf.pages import IDENTITY
from pipeline.pdf.structure import marked_instructions


def marked(number: int) -> list:
    return [pikepdf.Name.P, pikepdf.Dictionary(MCID=number)]


def test_an_instruction_is_in_the_innermost_marked_content_with_an_mcid():
    instructions = [
        ([], "Tj"),
        (marked(0), "BDC"), ([], "Tj"),
        ([pikepdf.Name.Span], "BMC"), ([], "Tj"),
        ([pikepdf.Name.Span, pikepdf.Dictionary(Lang=pikepdf.String("en"))], "BDC"),
        ([], "Tj"),
        (marked(1), "BDC"), ([], "Tj"), ([], "EMC"),
        ([], "Tj"), ([], "EMC"), ([], "EMC"),
        ([], "Tj"), ([], "EMC"),
        ([], "Tj"),
    ]
    found = [mcid for _, operator, _, mcid in marked_instructions(
        (operands, operator, IDENTITY) for operands, operator in instructions)
        if operator == "Tj"]
    assert found == [None, 0, 0, 0, 1, 0, 0, None]
