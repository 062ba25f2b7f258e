"""A table split over pages is closed on each page by the rule under its last row, as
LaTeX's longtable closes each part with its \\endfoot and InDesign with its repeated footer
rows: the part on the first page had stopped with no rule under it. The rule under the last
part is drawn once, and the foot that draws it holds nothing a screen reader reads."""

from __future__ import annotations

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.checks.preflight.print_rules import scale_of
from pipeline.layouts import load_layout
from pipeline.model import Document, Metadata, Span, Table
from pipeline.pdf.pages import Content, transformed
from pipeline.writers.html import render_html

from .conftest import ROOT
from .support import scraped_editions
from .typesetting import measured

LAYOUTS = ("print", "screen", "large-print")
RULE_PT = 0.75  # base.css: the rules over the header row and under the last row
ROW_PT = 40.0  # more than a row of any layout is tall, less than two


def grants() -> str:
    rows = "\n".join(f"Ward {number}\t{310 + number * 23:,}\t{12 + number % 17}"
                     for number in range(1, 43))
    return ("Community Grants Review\n\nThe fund made more grants this year than in any "
            "year since it opened, and every ward applied.\n\nThe grants each ward was "
            "awarded were as follows:\n\nTable 5 Grants by ward\nWard\tAmount (£)\tGrants\n"
            + rows + "\n\nThe fund opens again for applications in the spring.\n")


def libraries() -> str:
    rows = "\n".join(f"第{number}號圖書館\t{5000 + number * 37:,}\t{number % 8 + 2}"
                     for number in range(1, 43))
    return ("公共圖書館年報\n\n本年度各館的借書人次創歷年新高，晚間尤其繁忙。\n\n"
            "各館的借書人次如下：\n\n表2 各館借書人次\n圖書館\t借書人次\t分館\n" + rows
            + "\n\n各館將於明年起延長開放時間。\n")


def test_a_table_ends_in_a_foot_the_renderer_repeats_under_each_part():
    """The foot is an empty row, as wide as the table, whose rule closes it (base.css)."""
    table = Table(((Span("Ward"),), (Span("Grants"),)), (((Span("North"),), (Span("12"),)),))
    html = render_html(Document("grants", Metadata(title="Grants"), None, (table,)),
                       load_layout(ROOT / "layouts", "screen"))
    assert '</tbody>\n<tfoot>\n<tr><td colspan="2"></td></tr>\n</tfoot>\n</table>' in html


@pytest.mark.slow  # six editions rendered
@pytest.mark.parametrize(("name", "text", "first"), [
    ("grants", grants(), "Ward "), ("libraries", libraries(), "第"),
], ids=["English", "Chinese"])
def test_each_part_of_a_split_table_is_closed_by_its_rule_once(tmp_path, name, text, first):
    document, pdfs = scraped_editions(tmp_path, name, text, list(LAYOUTS))
    for layout, pdf in pdfs.items():
        edition = measured(pdf)
        rows = [line for line in edition.lines if line.text.startswith(first)]
        pages = sorted({line.page for line in rows})
        assert len(pages) >= 2, (layout, pages)
        rules = heavy_rules(pdf)
        for page in pages:
            last = max(line.bottom for line in rows if line.page == page)
            under = [(top, strokes) for top, strokes in rules[page - 1].items()
                     if last < top < last + ROW_PT]
            # One rule under the part's last row, each column's stretch of it drawn once.
            assert [strokes for _, strokes in under] == [3], (layout, page, under)
        report = preflight(pdf, document, load_layout(ROOT / "layouts", layout), tmp_path)
        assert not report.errors, [(check.rule, check.message) for check in report.errors]


def heavy_rules(pdf) -> list[dict[float, int]]:
    """Each page's horizontal rules of RULE_PT stroked (a table's collapsed borders, a stretch
    a column): how far from the page's top each stands, in points, with its stretches."""
    found = []
    with pikepdf.open(pdf) as opened:
        for page in opened.pages:
            trim_top = float(page.trimbox[3])
            rules: dict[float, int] = {}
            width, points = 1.0, []
            for operands, operator, ctm in Content.read(page, page.obj, {}).instructions:
                if operator == "w":
                    width = float(operands[0])
                elif operator in ("m", "l"):
                    points.append(transformed(*map(float, operands), ctm))
                elif operator == "S":
                    if (len(points) == 2 and abs(points[0][1] - points[1][1]) < 0.01
                            and abs(width * scale_of(ctm) - RULE_PT) < 0.05):
                        top = round(trim_top - points[0][1], 1)
                        rules[top] = rules.get(top, 0) + 1
                    points = []
                elif operator not in ("q", "Q", "cm"):
                    points = []
            found.append(rules)
    return found


@pytest.mark.slow  # a nine-page chapter rendered
def test_the_rule_closing_a_part_stands_right_under_its_last_row(tmp_path):
    """Where the renderer moves a table's page break a row earlier, the row it takes back
    leaves its height in the part's, and the foot's rule stood that far under the last row
    printed (16 mm, in a chapter whose pictures set the table's
    pages so); it stands right under it, as every part's does."""
    from PIL import Image

    from pipeline.model import Metadata
    from pipeline.readers.scraped import scraped_document
    from pipeline.writers.pdf.render import render_pdf

    pictures = {1: ("photo.jpg", (2000, 1400), "RGB"), 2: ("proof.jpg", (1800, 1200), "CMYK"),
                3: ("survey.jpg", (1700, 1100), "L"), 4: ("valley.jpg", (5000, 900), "RGB")}
    for name, size, mode in pictures.values():
        Image.new(mode, size, 120).save(tmp_path / name)
    text = (ROOT / "tests" / "texts" / "printed" / "water-trust-operations-chapter.txt"
            ).read_text(encoding="utf-8")
    document, _ = scraped_document("operations", text, Metadata(
        title="Operations and Finance Review 2024–25",
        subtitle="Annual Report 2024–25, Chapter 3", organisation="Riverside Water Trust",
        date="2025", images={number: name for number, (name, _, _) in pictures.items()}))
    pdf = tmp_path / "operations.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", "print"), tmp_path))
    edition = measured(pdf)
    for number, rules in enumerate(heavy_rules(pdf), 1):
        for top in rules:
            above = max(line.bottom for line in edition.lines
                        if line.page == number and line.bottom < top)
            assert top - above < 8, (number, top, above)
