"""100 % black overprints in the print edition, as InDesign's [Black] swatch does: text and
rules in black add their plate to what lies under them, and take nothing from the other
plates; any other colour knocks out. Ghostscript's separations show it; the preflight warns
of black text that does not."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pytest
from PIL import Image

from pipeline.checks.preflight import preflight
from pipeline.layout_folders import layout_names
from pipeline.layouts import load_layout
from pipeline.pdf.overprint import TEXT_SHOWING, graphics_states, knocked_out_text, painted
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped
from pipeline.writers.pdf.print_ready import overprint_black
from pipeline.writers.pdf.render import render_pdf
from tests.test_render import LAYOUTS, ROOT

SEED = "director-review-2024"

# Black text on a cyan panel, a house-coloured heading above it.
PANEL = """<style>@page { size: A6; margin: 10mm }
h1 { color: device-cmyk(0.95 0.6 0.1 0.35) }
div { background: device-cmyk(1 0 0 0); color: device-cmyk(0 0 0 1); font: bold 40pt serif;
      padding: 4mm }</style>
<h1>Heading</h1><div>HHHH</div>"""


def instructions(page) -> list[tuple[list, str]]:
    return [(list(item.operands), str(item.operator)) for item in pikepdf.parse_content_stream(page)]


@pytest.fixture(scope="module")
def panel() -> tuple[bytes, bytes]:
    """The panel's PDF as WeasyPrint writes it, and with black set to overprint."""
    import weasyprint

    written = weasyprint.HTML(string=PANEL).write_pdf()
    with pikepdf.open(io.BytesIO(written)) as pdf:
        overprint_black(pdf)
        finished = io.BytesIO()
        pdf.save(finished)
    return written, finished.getvalue()


def plates(pdf: bytes, folder) -> dict[str, Image.Image]:
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep",
                    "-r72", f"-sOutputFile={folder}/sep.tif", "-"], input=pdf, check=True,
                   capture_output=True)
    return {colour: Image.open(folder / f"sep({colour}).tif").convert("L")
            for colour in ("Cyan", "Black")}


def cyan_under_black(pdf: bytes, folder) -> tuple[int, int]:
    """Of the pixels inked black, how many carry no cyan, and how many in all (tiffsep's
    plates are 255 for no ink)."""
    separated = plates(pdf, folder)
    # A grey plate's bytes are its pixels, one a byte.
    pairs = [(cyan, black) for cyan, black in zip(separated["Cyan"].tobytes(),
                                                 separated["Black"].tobytes(), strict=True)
             if black < 64]
    return sum(1 for cyan, _ in pairs if cyan > 192), len(pairs)


def test_black_text_on_a_tint_keeps_the_tint_under_it(panel, tmp_path):
    written, finished = panel
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    holes, inked = cyan_under_black(written, tmp_path / "before")
    assert inked and holes > inked / 2  # knocked out: white gaps in the cyan under the letters
    holes, inked = cyan_under_black(finished, tmp_path / "after")
    assert inked and holes == 0


def test_only_black_overprints(panel):
    _, finished = panel
    with pikepdf.open(io.BytesIO(finished)) as pdf:
        page = pdf.pages[0]
        paintings = list(painted(instructions(page), graphics_states(page.obj)))
        assert knocked_out_text(instructions(page), page.obj) == 0
    texts = [paint for paint in paintings if paint.operator in TEXT_SHOWING]
    assert {paint.black_fill for paint in texts} == {True, False}  # the heading is coloured
    for paint in paintings:  # the overprint each needs is the one in force
        assert (paint.ink.overprint_fill, paint.ink.overprint_stroke) == paint.wanted


def test_the_print_edition_overprints_its_black_text_and_the_preflight_agrees(tmp_path):
    metadata = load_metadata(ROOT / "source" / f"{SEED}.toml", layout_names(LAYOUTS))
    seed = read_scraped(ROOT / "source" / f"{SEED}.txt", metadata)[0]
    layout = load_layout(LAYOUTS, "print")
    pdf_path = tmp_path / f"{SEED}-print.pdf"
    pdf_path.write_bytes(render_pdf(seed, layout, ROOT / "source"))
    with pikepdf.open(pdf_path) as pdf:
        assert sum(knocked_out_text(instructions(page), page.obj) for page in pdf.pages) == 0
    assert not [check for check in preflight(pdf_path, seed, layout).checks
                if check.rule == "black-overprint" and not check.passed]
    # The same pages without their overprint: the preflight names each page.
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            kept = [(operands, pikepdf.Operator(operator))
                    for operands, operator in instructions(page)
                    if not (operator == "gs" and str(operands[0]).startswith("/Overprint"))]
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        stripped = tmp_path / "stripped.pdf"
        pdf.save(stripped)
    check = next(check for check in preflight(stripped, seed, layout).checks
                 if check.rule == "black-overprint")
    assert check.severity == "warning" and not check.passed
    assert "page 1:" in check.message and "100 % black text not set to overprint" in check.message
