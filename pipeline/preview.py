"""Page previews of a built PDF, so a person can look at it before it goes to print.

A PNG per page (stem-p001.png, ...) and a contact sheet of all pages (stem-contact.png).
The same PDF always gives the same bytes: pdfium renders deterministically and Pillow
writes no time into a PNG.
"""

from __future__ import annotations

import glob
import io
import re
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from .files import write_bytes

SHEET_COLUMNS = 4
SHEET_GAP_PX = 8
SHEET_BACKGROUND = (128, 128, 128)  # mid grey, so white pages stand out


def render_previews(pdf: Path, folder: Path, stem: str, dpi: int = 50) -> list[Path]:
    """Write the page PNGs and the contact sheet into `folder`; return their paths, pages
    first. Page PNGs of this stem beyond the last page (from a longer build) are removed."""
    pages = render_pages(pdf, dpi)
    paths = []
    for number, image in enumerate(pages, 1):
        path = folder / page_file_name(stem, number)
        write_bytes(path, png_bytes(image, dpi))
        paths.append(path)
    remove_stale_pages(folder, stem, len(pages))
    sheet = folder / f"{stem}-contact.png"
    write_bytes(sheet, png_bytes(contact_sheet(pages), dpi))
    return [*paths, sheet]


def page_file_name(stem: str, number: int) -> str:
    return f"{stem}-p{number:03d}.png"


def render_pages(pdf: Path, dpi: int) -> list[Image.Image]:
    """Each page as an RGB image, its visible area (CropBox) at `dpi`: a print edition
    shows its bleed and marks, as the printer will see them."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72, may_draw_forms=True).to_pil().convert("RGB")
                for page in document]
    finally:
        document.close()


def contact_sheet(pages: list[Image.Image]) -> Image.Image:
    """The pages in rows of SHEET_COLUMNS, in cells as large as the largest page."""
    cell_width = max((page.width for page in pages), default=0)
    cell_height = max((page.height for page in pages), default=0)
    columns = min(len(pages), SHEET_COLUMNS) or 1
    rows = -(-len(pages) // SHEET_COLUMNS) or 1
    sheet = Image.new(
        "RGB",
        (columns * (cell_width + SHEET_GAP_PX) + SHEET_GAP_PX,
         rows * (cell_height + SHEET_GAP_PX) + SHEET_GAP_PX),
        SHEET_BACKGROUND,
    )
    for index, page in enumerate(pages):
        row, column = divmod(index, SHEET_COLUMNS)
        sheet.paste(page, (SHEET_GAP_PX + column * (cell_width + SHEET_GAP_PX),
                           SHEET_GAP_PX + row * (cell_height + SHEET_GAP_PX)))
    return sheet


def png_bytes(image: Image.Image, dpi: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(dpi, dpi))
    return buffer.getvalue()


def remove_stale_pages(folder: Path, stem: str, page_count: int) -> None:
    page_png = re.compile(rf"{re.escape(stem)}-p(\d+)\.png")
    for path in folder.glob(f"{glob.escape(stem)}-p*.png"):
        match = page_png.fullmatch(path.name)
        if match and int(match[1]) > page_count:
            path.unlink()

