"""Page previews: a PNG per page, a contact sheet, the same bytes for the same PDF."""

from pathlib import Path

import pytest
from PIL import Image

from pipeline.preview import SHEET_COLUMNS, render_previews


def pdf_with_pages(count: int) -> bytes:
    import weasyprint

    pages = "".join(f'<p style="break-after: page">Page {number}</p>'
                    for number in range(1, count + 1))
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


def write(folder: Path, data: bytes) -> Path:
    path = folder / "sample.pdf"
    path.write_bytes(data)
    return path


def test_a_png_per_page_and_a_contact_sheet(six_pages, tmp_path):
    paths = render_previews(write(tmp_path, six_pages), tmp_path / "previews", "sample")
    assert [path.name for path in paths] == [
        *(f"sample-p{number:03d}.png" for number in range(1, 7)), "sample-contact.png"]
    sizes = {Image.open(path).size for path in paths[:-1]}
    assert len(sizes) == 1 and near(sizes.pop(), a6_pixels(50))
    width, height = a6_pixels(50)
    with Image.open(paths[-1]) as sheet:
        assert sheet.format == "PNG"
        assert sheet.width > SHEET_COLUMNS * width and sheet.height > 2 * height  # two rows


def test_dpi_sets_the_scale(six_pages, tmp_path):
    paths = render_previews(write(tmp_path, six_pages), tmp_path, "sample", dpi=100)
    with Image.open(paths[0]) as page:
        assert near(page.size, a6_pixels(100))


def test_the_same_pdf_gives_the_same_bytes(six_pages, tmp_path):
    pdf = write(tmp_path, six_pages)
    first = [path.read_bytes() for path in render_previews(pdf, tmp_path / "a", "sample")]
    second = [path.read_bytes() for path in render_previews(pdf, tmp_path / "b", "sample")]
    assert first == second


def test_pages_of_an_earlier_longer_build_are_removed(six_pages, tmp_path):
    folder = tmp_path / "previews"
    render_previews(write(tmp_path, six_pages), folder, "sample")
    other = folder / "sample-notes-p009.png"  # another stem, left alone
    other.write_bytes(b"")
    render_previews(write(tmp_path, pdf_with_pages(2)), folder, "sample")
    assert sorted(path.name for path in folder.iterdir()) == [
        "sample-contact.png", "sample-notes-p009.png", "sample-p001.png", "sample-p002.png"]


def test_no_temporary_files_are_left(six_pages, tmp_path):
    folder = tmp_path / "previews"
    render_previews(write(tmp_path, six_pages), folder, "sample")
    assert not [path for path in folder.iterdir() if path.name.startswith(".")]
