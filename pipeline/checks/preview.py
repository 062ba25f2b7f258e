"""Page previews of a built PDF, so a person can look at it before it goes to print.

A PNG per page (stem-p001.png, ...), to read it, and contact sheets of SHEET_PAGES pages
each (stem-contact-01.png, stem-contact-02.png, ...), to see the run of pages at a glance:
their thumbnails, at 1/SHEET_REDUCTION of the pages' scale, as a contact sheet has them.
A page (or sheet) with no colour is written in grey, a third of the bytes to encode, the same
pixels.

Pages are streamed: each is rendered, written, pasted into the sheet being filled and
closed before the next, so memory holds one page and one sheet whatever the length of the
document (holding every page at once took over a gigabyte for a few hundred pages, and one
sheet of them all grew past Pillow's decompression-bomb limit).

The same PDF always gives the same bytes: pdfium renders deterministically, the encoder writes
no time into a PNG, and the sheets' cells are sized from the pages' rendered sizes, read
before any page is rendered.
"""

from __future__ import annotations

import glob
import math
import re
import struct
import zlib
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops

from pipeline.files import remove, write_bytes

SHEET_COLUMNS = 4
SHEET_PAGES = 24  # six rows of four: an A4 sheet at 25 dpi is about 1 by 2 kilopixels
SHEET_REDUCTION = 2  # a thumbnail's side against its page's
SHEET_GAP_PX = 8
SHEET_BACKGROUND = (128, 128, 128)  # mid grey, so white pages stand out
# Encoding is most of a preview's time. A page's rows are written unfiltered (PNG's filter
# None) and deflated at zlib's level 3: a rendered page is mostly runs of white, which deflate
# finds as well unfiltered, so the files are 14 % smaller than Pillow's and take half its time
# (0.23 s against 0.41 s for the seed's 27 pages and 3 sheets), Pillow trying five filters on
# every row.
PNG_COMPRESS_LEVEL = 3
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_COLOUR_TYPES = {"L": (0, 1), "RGB": (2, 3)}  # Pillow's mode: PNG's colour type, bytes a pixel
METRES_AN_INCH = 0.0254


def render_previews(pdf: Path, folder: Path, stem: str, dpi: int = 50) -> list[Path]:
    """Write the page PNGs and the contact sheets into `folder`; return their paths, pages
    first. Page PNGs and sheets of this stem beyond the last (from a longer build) are
    removed, and so is the single sheet (stem-contact.png) earlier builds wrote."""
    scale = dpi / 72
    document = pdfium.PdfDocument(pdf)
    try:
        sizes = [rendered_size(document, index, scale) for index in range(len(document))]
        # One cell size for every sheet: the largest page's thumbnail.
        cell = thumbnail_size((max((width for width, _ in sizes), default=0),
                               max((height for _, height in sizes), default=0)))
        pages = [folder / page_file_name(stem, index + 1) for index in range(len(sizes))]
        sheets = [folder / sheet_file_name(stem, number)
                  for number in range(1, sheet_count(len(sizes)) + 1)]
        for number, sheet in enumerate(sheets):
            first = number * SHEET_PAGES
            on_sheet = range(first, min(first + SHEET_PAGES, len(sizes)))
            write_sheet(document, on_sheet, sizes, cell, scale, dpi, pages, sheet)
    finally:
        document.close()
    remove_stale(folder, stem, len(pages), len(sheets))
    return [*pages, *sheets]


def write_sheet(document: pdfium.PdfDocument, on_sheet: range, sizes: list[tuple[int, int]],
                cell: tuple[int, int], scale: float, dpi: int, pages: list[Path],
                sheet_path: Path) -> None:
    """Render the pages `on_sheet`, write each to its PNG in `pages`, and the sheet of them."""
    sheet = new_sheet(len(on_sheet), cell)
    try:
        for place, index in enumerate(on_sheet):
            image = render_page(document, index, scale)
            try:
                if image.size != sizes[index]:  # a cell too small would clip it
                    raise RuntimeError(f"page {index + 1} rendered at {image.size}, "
                                       f"not at {sizes[index]}")
                write_bytes(pages[index], png_bytes(image, dpi))
                thumbnail = image.reduce(SHEET_REDUCTION)
                sheet.paste(thumbnail, cell_position(place, cell))
                thumbnail.close()
            finally:
                image.close()  # Pillow's `with` would not free an image's memory
        write_bytes(sheet_path, png_bytes(sheet, dpi / SHEET_REDUCTION))
    finally:
        sheet.close()


def page_file_name(stem: str, number: int) -> str:
    return f"{stem}-p{number:03d}.png"


def sheet_file_name(stem: str, number: int) -> str:
    return f"{stem}-contact-{number:02d}.png"


def sheet_count(page_count: int) -> int:
    """SHEET_PAGES pages a sheet; a PDF without pages still gets one (empty) sheet."""
    return max(1, -(-page_count // SHEET_PAGES))


def rendered_size(document: pdfium.PdfDocument, index: int, scale: float) -> tuple[int, int]:
    """The size in pixels pdfium renders page `index` at `scale`: its visible area (CropBox,
    rotation applied) rounded up, as PdfPage.render sizes its bitmap. Checked against each
    rendered page. Read from the document, not a loaded page: loading one parses its content,
    which only rendering it needs (20 ms of the 0.4 s the seed's previews take)."""
    width, height = document.get_page_size(index)
    return math.ceil(width * scale), math.ceil(height * scale)


def thumbnail_size(size: tuple[int, int]) -> tuple[int, int]:
    """The size of a page's thumbnail: Pillow's reduce rounds up."""
    return -(-size[0] // SHEET_REDUCTION), -(-size[1] // SHEET_REDUCTION)


def render_page(document: pdfium.PdfDocument, index: int, scale: float) -> Image.Image:
    """Page `index` as an RGB image, its visible area (CropBox) at `scale`: a print edition
    shows its bleed and marks, as the printer will see them. pdfium's page and bitmap are
    closed before this returns: the image is a copy."""
    page = document[index]
    try:
        bitmap = page.render(scale=scale, may_draw_forms=True)
        try:
            image = bitmap.to_pil()  # pdfium's BGR, copied into Pillow's RGB
            return image if image.mode == "RGB" else image.convert("RGB")
        finally:
            bitmap.close()
    finally:
        page.close()


def new_sheet(page_count: int, cell: tuple[int, int]) -> Image.Image:
    """A grey sheet for `page_count` pages in rows of SHEET_COLUMNS, in cells of size `cell`."""
    cell_width, cell_height = cell
    columns = min(page_count, SHEET_COLUMNS) or 1
    rows = -(-page_count // SHEET_COLUMNS) or 1
    return Image.new(
        "RGB",
        (columns * (cell_width + SHEET_GAP_PX) + SHEET_GAP_PX,
         rows * (cell_height + SHEET_GAP_PX) + SHEET_GAP_PX),
        SHEET_BACKGROUND,
    )


def cell_position(place: int, cell: tuple[int, int]) -> tuple[int, int]:
    """The top left corner of the `place`th cell of a sheet (from 0, row by row)."""
    row, column = divmod(place, SHEET_COLUMNS)
    return (SHEET_GAP_PX + column * (cell[0] + SHEET_GAP_PX),
            SHEET_GAP_PX + row * (cell[1] + SHEET_GAP_PX))


def png_bytes(image: Image.Image, dpi: float) -> bytes:
    """An RGB image as a PNG of `dpi`, 8 bits a sample, in grey where it has no colour."""
    grey = image.convert("L") if colourless(image) else None
    try:
        return png_encoded(grey or image, dpi)
    finally:
        if grey is not None:
            grey.close()


def png_encoded(image: Image.Image, dpi: float) -> bytes:
    """A grey or RGB image as a PNG (ISO/IEC 15948): its header, its resolution and its rows,
    each led by filter type 0 (None), deflated in one IDAT chunk."""
    colour_type, pixel_bytes = PNG_COLOUR_TYPES[image.mode]
    width, height = image.size
    pixels = image.tobytes()
    stride = width * pixel_bytes
    rows = b"".join(b"\0" + pixels[start:start + stride]
                    for start in range(0, len(pixels), stride))
    dots_a_metre = round(dpi / METRES_AN_INCH)
    return b"".join((
        PNG_SIGNATURE,
        png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)),
        png_chunk(b"pHYs", struct.pack(">IIB", dots_a_metre, dots_a_metre, 1)),
        png_chunk(b"IDAT", zlib.compress(rows, PNG_COMPRESS_LEVEL)),
        png_chunk(b"IEND", b""),
    ))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data)))


def colourless(image: Image.Image) -> bool:
    """Whether every pixel of an RGB image is grey: its red, green and blue all equal."""
    red, green, blue = image.split()
    return all(ImageChops.difference(one, other).getbbox() is None
               for one, other in ((red, green), (green, blue)))


def remove_stale(folder: Path, stem: str, page_count: int, sheet_count: int) -> bool:
    """Remove this stem's page PNGs beyond `page_count`, sheets beyond `sheet_count`, and
    the unnumbered sheet of earlier builds; another stem's files (stem-notes-p009.png) stay.
    Whether any was removed."""
    numbered = re.compile(rf"{re.escape(stem)}-(?:p(?P<page>\d+)|contact-(?P<sheet>\d+))\.png")
    removed = False
    for path in folder.glob(f"{glob.escape(stem)}-*.png"):
        if path.name == f"{stem}-contact.png":
            removed |= remove(path)
        elif match := numbered.fullmatch(path.name):
            page, sheet = match["page"], match["sheet"]
            if (page and int(page) > page_count) or (sheet and int(sheet) > sheet_count):
                removed |= remove(path)
    return removed
