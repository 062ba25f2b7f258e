"""The print file as a printer's preflight meets it: a proof while pictures are missing,
press-ready once each is supplied at print resolution (a CMYK JPEG among them), stopped by
a coarse picture, and its marks outside the bleed whatever the bleed."""

import json
import re
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from .support import SEED, copy_project, doit

MM = 72 / 25.4
# 140 mm of column at 300 ppi is 1654 pixels; these are wider, so at least 300 ppi.
SHARP = (1800, 1200)
COARSE = (340, 226)  # 140 mm wide: about 62 ppi


def picture(path: Path, size, mode="RGB") -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    colour = (30, 90, 140) if mode == "RGB" else (70, 30, 0, 10)
    Image.new(mode, size, colour).save(path, "JPEG" if path.suffix == ".jpg" else "PNG")
    return path.name


def with_pictures(folder: Path, sizes) -> None:
    """The seed's five figures given pictures of `sizes`, the first a CMYK JPEG."""
    images = {}
    for number, size in enumerate(sizes, 1):
        suffix, mode = (".jpg", "CMYK") if number == 1 else (".png", "RGB")
        picture(folder / "source" / "photos" / f"photo-{number}{suffix}", size, mode)
        images[number] = f"photos/photo-{number}{suffix}"
    toml = folder / "source" / f"{SEED}.toml"
    lines = "".join(f'{number} = "{path}"\n' for number, path in images.items())
    toml.write_text(toml.read_text() + f"\n[images]\n{lines}")


def report(folder: Path, layout: str = "print") -> dict:
    return json.loads((folder / "output" / SEED / f"{SEED}-{layout}.preflight.json").read_text())


pytestmark = pytest.mark.slow  # every test reads or runs a doit build


@pytest.fixture(scope="module")
def without_pictures(seed_build) -> tuple[Path, str]:
    return seed_build.folder, seed_build.result


def test_missing_pictures_build_green_as_a_marked_proof(without_pictures):
    folder, result = without_pictures
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if f"{SEED}-print.pdf" in line)
    assert "PROOF, not for press" in line and "figure 1 has no picture" in line
    checked = report(folder)
    assert checked["press_ready"] is False and checked["errors"] == 0
    with pikepdf.open(folder / "output" / SEED / f"{SEED}-print.pdf") as pdf:
        slug = pdf.pages[0].obj.Contents[-1].read_bytes()
        assert b"\nf\nQ" in slug  # the note's outlines, filled, after the marks
    text = note_text(folder / "output" / SEED / f"{SEED}-print.pdf")
    assert text == ""  # outlines, not text: nothing a reader could copy from the slug


@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_missing_pictures_make_the_accessible_editions_marked_proofs_too(without_pictures,
                                                                          layout):
    """No edition passes for the finished one: the screen and large-print editions, which
    show such a figure's caption alone, are proofs, not to publish, and say so to whoever the
    file is sent: a note at the foot of every page, an artifact no reader reads as the text,
    and the XMP's rendition class."""
    folder, result = without_pictures
    line = next(line for line in result.stdout.splitlines() if f"{SEED}-{layout}.pdf" in line)
    assert "PROOF, not to publish" in line and "figure 1 has no picture" in line
    checked = report(folder, layout)
    assert checked["press_ready"] is False and checked["errors"] == 0
    with pikepdf.open(folder / "output" / SEED / f"{SEED}-{layout}.pdf") as pdf:
        assert pdf.open_metadata()["xmpMM:RenditionClass"] == "proof:pdf"
        for page in pdf.pages:
            content = page.obj.Contents.read_bytes()
            # After the page's content, its state restored: the note's outlines, an artifact.
            assert content.endswith(b"EMC\n") and b"\nQ\n/Artifact BMC\nq\n0 g\n" in content
            # In large print as large as its smallest type, for its readers: capitals of 16 pt
            # and their descenders stand some 16 pt tall, the screen's of 7 pt some 7.
            mark = content[content.rindex(b"/Artifact BMC"):].decode("ascii")
            heights = [float(y) for y in re.findall(r"[\d.]+ ([\d.]+) [lm]\n", mark)]
            tall = max(heights) - min(heights)
            assert (tall > 12) if layout == "large-print" else (4 < tall <= 8), tall


def note_text(pdf: Path) -> str:
    """Text outside the trim (pdftotext sees the MediaBox): none should be there."""
    import subprocess

    layout = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    words = re.findall(r'yMin="([\d.]+)"[^>]*>([^<]+)<', layout)
    return " ".join(word for top, word in words if float(top) < 13 * MM)


def test_every_picture_at_print_resolution_is_press_ready(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    with_pictures(folder, [SHARP] * 5)
    result = doit(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = report(folder)
    assert checked["press_ready"] is True
    assert checked["errors"] == 0 and checked["warnings"] == 0
    line = next(line for line in result.stdout.splitlines() if f"{SEED}-print.pdf" in line)
    assert "press-ready" in line and "PROOF" not in line
    assert (folder / "output" / SEED / f"{SEED}.docx").stat().st_size > 0  # CMYK JPEG too
    with pikepdf.open(folder / "output" / SEED / f"{SEED}-print.pdf") as pdf:
        assert b"\nf\nQ" not in pdf.pages[0].obj.Contents[-1].read_bytes()  # no note
    for layout in ("screen", "large-print"):
        with pikepdf.open(folder / "output" / SEED / f"{SEED}-{layout}.pdf") as pdf:
            assert b"/Artifact BMC" not in pdf.pages[0].obj.Contents.read_bytes()
            assert "xmpMM:RenditionClass" not in pdf.open_metadata()


def test_a_coarse_picture_stops_the_print_edition_naming_it(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    with_pictures(folder, [SHARP, COARSE, SHARP, SHARP, SHARP])
    result = doit(folder)
    assert result.returncode != 0
    errors = [line for line in result.stdout.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stdout
    assert re.search(rf"{SEED}-print\.FAILED\.pdf: failed its preflight with 1 error: "
                     r"image-resolution: "
                     r"page \d+: photos/photo-2.png \(340 x 226 px\) at \d+ ppi", errors[0])


def test_crop_marks_stay_outside_a_wider_bleed(seed_build):
    folder = seed_build.restored()  # built already: only the print edition is built again
    settings = folder / "layouts" / "print" / "layout.toml"
    settings.write_text(settings.read_text().replace("bleed_mm = 3.0", "bleed_mm = 5.0"))
    result = doit(folder, "preflight")
    assert result.returncode == 0, result.stdout + result.stderr
    checks = {check["rule"]: check for check in report(folder)["checks"]}
    assert checks["marks-outside-bleed"]["passed"]
    with pikepdf.open(folder / "output" / SEED / f"{SEED}-print.pdf") as pdf:
        page = pdf.pages[0]
        trim = [float(value) for value in page.trimbox]
        bleed = [float(value) for value in page.bleedbox]
        assert bleed[0] == pytest.approx(trim[0] - 5 * MM, abs=0.01)
        starts = re.findall(rb"([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l S",
                            page.obj.Contents[-1].read_bytes())
        assert len(starts) == 8
        for x1, y1, _, _ in starts:
            x, y = float(x1), float(y1)
            inside = bleed[0] + 0.01 < x < bleed[2] - 0.01 and bleed[1] + 0.01 < y < bleed[3] - 0.01
            assert not inside, (x, y)


@pytest.mark.parametrize(("language", "note"), [
    ("en-GB", "PROOF \u2013 2 pictures missing"),
    ("zh-HK", "校樣：2幅照片待補"),
    ("zh-Hans", "校样：2幅照片待补"),
])
def test_a_proofs_note_is_in_the_documents_language_and_drawn_in_faces_that_have_it(
        language, note):
    """A Chinese proof says so in Chinese (its slug had said `PROOF – 2 pictures missing`),
    each character drawn from the first of the note's faces that has it (the Hei for Han)."""
    from pipeline.model import Document, Figure, Metadata, Paragraph, Span
    from pipeline.writers.pdf.render import proof_note
    from pipeline.writers.pdf.slug import face_for

    figures = tuple(Figure(number, (Span("A caption"),)) for number in (1, 2))
    document = Document("proof", Metadata(title="T", language=language), None,
                        (Paragraph((Span("Text."),)), *figures))
    assert proof_note(document) == note
    fonts = Path(__file__).resolve().parent.parent / "layouts" / "fonts"
    assert all(face_for(character, fonts).get_nominal_glyph(ord(character)) is not None
               for character in note if not character.isspace())


@pytest.mark.parametrize("face", ["NotoSans-Bold.ttf", "NotoSansCJKtc-Bold.otf"])  # NOTE_FONTS
def test_a_proofs_note_is_drawn_from_its_faces_as_fonttools_reads_them(face):
    """Each character a note may hold (any language's words, figures) in each of the note's
    faces: the outline HarfBuzz draws, which the note is made of, is the one fontTools' glyph
    set draws (a TrueType face's quadratic curves too), in the same operators, and the glyph
    as wide."""
    from fontTools.ttLib import TTFont

    from pipeline.languages import PROFILES
    from pipeline.writers.pdf.slug import PathPen, opened_font

    path = Path(__file__).resolve().parent.parent / "layouts" / "fonts" / face
    drawn, read = opened_font(path), TTFont(path, lazy=True)
    glyphs, names = read.getGlyphSet(), read.getBestCmap()
    characters = set("0123456789").union(*(profile.reader_words.proof for profile in PROFILES))
    for character in sorted(c for c in characters if ord(c) in names):
        name = names[ord(character)]
        glyph = drawn.get_nominal_glyph(ord(character))
        ours, theirs = PathPen(0.007, 17.0, 17.0), PathPen(0.007, 17.0, 17.0)
        drawn.draw_glyph_with_pen(glyph, ours)
        theirs.glyphSet = glyphs  # composite glyphs drawn from their components
        glyphs[name].draw(theirs)
        assert ours.operators == theirs.operators, character
        assert drawn.get_glyph_h_advance(glyph) == read["hmtx"][name][0], character
