"""Page previews: a PNG per page, contact sheets of 24 pages' thumbnails, grey where a page has
no colour, the same bytes for the same PDF, one page in memory at a time."""

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from pipeline.checks import preview
from pipeline.checks.preview import (
    SHEET_COLUMNS,
    SHEET_GAP_PX,
    SHEET_PAGES,
    SHEET_REDUCTION,
    render_previews,
)


def pdf_with_pages(count: int, coloured: frozenset[int] = frozenset()) -> bytes:
    import weasyprint

    pages = "".join(f'<p style="break-after: page{"; color: #c00" * (number in coloured)}">'
                    f'Page {number}</p>' for number in range(1, count + 1))
    html = f"<style>@page {{ size: A6 }}</style><body>{pages}</body>"
    return weasyprint.HTML(string=html).write_pdf()


def a6_pixels(dpi: int) -> tuple[float, float]:
    return 105 / 25.4 * dpi, 148 / 25.4 * dpi


def near(size: tuple[int, int], expected: tuple[float, float]) -> bool:
    """Within a pixel: pdfium rounds a page's size to whole pixels its own way."""
    return all(abs(value - wanted) <= 1 for value, wanted in zip(size, expected, strict=True))


@pytest.fixture(scope="module")
def six_pages() -> bytes:
    return pdf_with_pages(6)


@pytest.fixture(scope="module")
def thirty_pages() -> bytes:
    return pdf_with_pages(30)


def write(folder: Path, data: bytes) -> Path:
    path = folder / "sample.pdf"
    path.write_bytes(data)
    return path


def test_a_png_per_page_and_a_contact_sheet(six_pages, tmp_path):
    paths = render_previews(write(tmp_path, six_pages), tmp_path / "previews", "sample")
    assert [path.name for path in paths] == [
        *(f"sample-p{number:03d}.png" for number in range(1, 7)), "sample-contact-01.png"]
    sizes = {Image.open(path).size for path in paths[:-1]}
    assert len(sizes) == 1 and near(sizes.pop(), a6_pixels(50))
    width, height = a6_pixels(50 / SHEET_REDUCTION)  # thumbnails
    with Image.open(paths[-1]) as sheet:
        assert sheet.format == "PNG" and sheet.info["dpi"] == pytest.approx((25, 25), abs=0.01)
        assert sheet.width > SHEET_COLUMNS * width and sheet.height > 2 * height  # two rows
        assert sheet.width < SHEET_COLUMNS * (width + 1 + SHEET_GAP_PX) + SHEET_GAP_PX


def test_a_page_without_colour_is_written_in_grey(tmp_path):
    """The same pixels in a third of the bytes: a page of black text is grey, a page with a
    red line is in colour, and the sheet holding it too."""
    pdf = write(tmp_path, pdf_with_pages(2, coloured=frozenset({2})))
    first, second, sheet = render_previews(pdf, tmp_path / "previews", "sample")
    with Image.open(first) as grey, Image.open(second) as red, Image.open(sheet) as both:
        assert (grey.mode, red.mode, both.mode) == ("L", "RGB", "RGB")
        darkest, lightest = grey.getextrema()
        assert lightest == 255 and darkest < 128  # dark text on white
        red_band, green_band, _ = red.split()
        assert ImageChops.subtract(red_band, green_band).getbbox() is not None  # red somewhere
    only_grey = render_previews(write(tmp_path, pdf_with_pages(2)), tmp_path / "grey", "sample")
    with Image.open(only_grey[-1]) as sheet:
        assert sheet.mode == "L"


def test_a_page_png_holds_the_rendered_pixels_and_resolution(six_pages, tmp_path):
    """Written unfiltered by the preview's own encoder: a PNG decoder (Pillow's) reads back
    the pixels pdfium rendered, in grey or colour, and the resolution they were rendered at."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(write(tmp_path, pdf_with_pages(1, frozenset({1}))))
    rendered = preview.render_page(document, 0, 100 / 72)
    for image in (rendered, rendered.convert("L").convert("RGB")):
        path = tmp_path / "page.png"
        path.write_bytes(preview.png_bytes(image, 100))
        with Image.open(path) as written:
            written.load()
            assert written.info["dpi"] == pytest.approx((100, 100), abs=0.01)
            assert written.convert("RGB").tobytes() == image.tobytes()
    document.close()


def test_dpi_sets_the_scale(six_pages, tmp_path):
    paths = render_previews(write(tmp_path, six_pages), tmp_path, "sample", dpi=100)
    with Image.open(paths[0]) as page:
        assert near(page.size, a6_pixels(100))


def test_a_page_turned_and_cropped_is_shown_as_a_viewer_shows_it(six_pages, tmp_path):
    """Each page's size is read without loading the page: a turned page is still seen on its
    side, and a cropped one at its CropBox."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(six_pages)) as pdf:
        pdf.pages[1].Rotate = 90
        left, bottom, right, top = map(float, pdf.pages[2].MediaBox)
        pdf.pages[2].CropBox = [left, bottom, right, bottom + (top - bottom) / 2]
        turned = io.BytesIO()
        pdf.save(turned)
    paths = render_previews(write(tmp_path, turned.getvalue()), tmp_path, "sample")
    width, height = a6_pixels(50)
    with Image.open(paths[1]) as page:
        assert near(page.size, (height, width))
    with Image.open(paths[2]) as page:
        assert near(page.size, (width, height / 2))


def test_a_contact_sheet_per_24_pages(thirty_pages, tmp_path):
    assert SHEET_PAGES == 24 and SHEET_COLUMNS == 4
    paths = render_previews(write(tmp_path, thirty_pages), tmp_path / "previews", "sample")
    assert [path.name for path in paths] == [
        *(f"sample-p{number:03d}.png" for number in range(1, 31)),
        "sample-contact-01.png", "sample-contact-02.png"]
    with Image.open(paths[0]) as page:
        width, height = page.reduce(SHEET_REDUCTION).size
    with Image.open(paths[-2]) as first, Image.open(paths[-1]) as second:
        # Six rows of four, then the six pages left in two rows; the same cells on both.
        assert first.size == (4 * (width + SHEET_GAP_PX) + SHEET_GAP_PX,
                              6 * (height + SHEET_GAP_PX) + SHEET_GAP_PX)
        assert second.size == (first.width, 2 * (height + SHEET_GAP_PX) + SHEET_GAP_PX)
        # The second sheet begins with page 25 and ends with page 30.
        for sheet, place, number in ((first, 0, 1), (first, 23, 24), (second, 0, 25),
                                     (second, 5, 30)):
            row, column = divmod(place, SHEET_COLUMNS)
            left = SHEET_GAP_PX + column * (width + SHEET_GAP_PX)
            top = SHEET_GAP_PX + row * (height + SHEET_GAP_PX)
            with Image.open(paths[number - 1]) as page:  # its thumbnail
                cell = sheet.crop((left, top, left + width, top + height))
                thumbnail = page.convert("RGB").reduce(SHEET_REDUCTION)
                assert cell.tobytes() == thumbnail.convert(sheet.mode).tobytes(), (place, number)


def test_one_page_in_memory_at_a_time(thirty_pages, tmp_path, monkeypatch):
    rendered = []
    real = preview.render_page

    def render_page(*arguments):
        for earlier in rendered:  # every page rendered before is closed, its memory freed
            with pytest.raises(ValueError, match="closed image"):
                earlier.getpixel((0, 0))
        rendered.append(real(*arguments))
        return rendered[-1]

    monkeypatch.setattr(preview, "render_page", render_page)
    render_previews(write(tmp_path, thirty_pages), tmp_path / "previews", "sample")
    assert len(rendered) == 30


def test_the_same_pdf_gives_the_same_bytes(thirty_pages, tmp_path):
    pdf = write(tmp_path, thirty_pages)
    first = [path.read_bytes() for path in render_previews(pdf, tmp_path / "a", "sample")]
    second = [path.read_bytes() for path in render_previews(pdf, tmp_path / "b", "sample")]
    assert len(first) == 32 and first == second


def test_pages_and_sheets_of_an_earlier_longer_build_are_removed(thirty_pages, tmp_path):
    folder = tmp_path / "previews"
    render_previews(write(tmp_path, thirty_pages), folder, "sample")
    (folder / "sample-contact.png").write_bytes(b"")  # the single sheet of earlier builds
    others = ["sample-notes-contact-02.png", "sample-notes-p009.png"]  # another stem's, kept
    for name in others:
        (folder / name).write_bytes(b"")
    render_previews(write(tmp_path, pdf_with_pages(2)), folder, "sample")
    assert sorted(path.name for path in folder.iterdir()) == [
        "sample-contact-01.png", *others, "sample-p001.png", "sample-p002.png"]


def test_no_temporary_files_are_left(six_pages, tmp_path):
    folder = tmp_path / "previews"
    render_previews(write(tmp_path, six_pages), folder, "sample")
    assert not [path for path in folder.iterdir() if path.name.startswith(".")]
