"""An SVG picture as the draft carries it: a PNG of it, at DRAFT_PPI.

python-docx embeds raster pictures only (Word draws an SVG only beside a raster copy of it),
so the draft shows a figure's SVG as a PNG: WeasyPrint draws the SVG, as it draws it in the
editions, on a page just its size, and pdfium renders that page. Its size is the SVG's own
(its width and height, or the text's width where it gives only a viewBox), never wider than
the text, as the draft sets any picture. The same SVG gives the same PNG bytes: the page's
pixels are all the PNG holds, no time and no name.

The draft's bookkeeping keeps this PNG's digest as the figure's picture, so a draft read
back with it keeps the SVG file as the figure's image (tasks/media.py).
"""

from __future__ import annotations

import math
from io import BytesIO
from pathlib import Path

from pipeline.errors import RenderingError
from pipeline.readers.pictures import MAX_PICTURE_PIXELS, svg_problem
from pipeline.writers.pdf.urls import picture_url, url_fetcher

DRAFT_PPI = 300  # a press-ready picture's resolution: the draft may be printed too
CSS_PX_A_POINT = 96 / 72
PAGE = ("<style>@page {{ size: {width} {height}; margin: 0 }} body {{ margin: 0 }}"
        " img {{ display: block; max-width: 100%; {size} }}</style><img src=\"{url}\" alt=\"\">")


def svg_as_png(image: str, source_dir: Path, text_width_pt: float) -> BytesIO:
    """The PNG the draft shows figure image `image`, an SVG file in `source_dir`, as:
    checked again (it may have changed since the model was built), and drawn reading
    nothing but itself and the data it holds."""
    from pipeline.writers.pdf import engine  # noqa: F401  (WeasyPrint, imported cheaply)

    problem = svg_problem((source_dir / image).read_bytes())
    if problem:
        raise RenderingError(f"picture {image} {problem}")
    fetcher = url_fetcher(source_dir, source_dir)
    url = picture_url(image)
    width, height = laid_out_size(url, fetcher, text_width_pt)
    if not (width and height):
        raise RenderingError(f"picture {image} cannot be read: it draws nothing (its width or"
                             " height is 0)")
    page = drawn_page(url, fetcher, width, height)
    # A picture of extreme proportions is rendered coarser rather than past the pixels any
    # picture may hold.
    scale = min(DRAFT_PPI / 72, math.sqrt(MAX_PICTURE_PIXELS / (width * height)) * CSS_PX_A_POINT)
    return rendered(page, scale)


def laid_out_size(url: str, fetcher, text_width_pt: float) -> tuple[float, float]:
    """The size (CSS px) WeasyPrint sets the SVG at in a column `text_width_pt` wide."""
    from weasyprint import HTML
    from weasyprint.formatting_structure.boxes import ReplacedBox

    column = f"{text_width_pt}pt"
    html = PAGE.format(width=column, height=column, size="", url=url)
    document = HTML(string=html, url_fetcher=fetcher).render()
    boxes = [box for box in document.pages[0]._page_box.descendants()
             if isinstance(box, ReplacedBox)]
    return (boxes[0].width, boxes[0].height) if boxes else (0, 0)


def drawn_page(url: str, fetcher, width: float, height: float) -> bytes:
    """A PDF of one page `width` by `height` CSS px, the SVG drawn over all of it."""
    from weasyprint import HTML

    html = PAGE.format(width=f"{width}px", height=f"{height}px", url=url,
                       size=f"width: {width}px; height: {height}px")
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def rendered(pdf: bytes, scale: float) -> BytesIO:
    """The PDF's one page as a PNG on white at `scale` pixels a point, its resolution said."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=scale)
        # pdfium rounds the page's size in pixels up: 240 pt at 300 ppi, 1000.0000000001
        # pixels in floating point, would be 1001.
        width, height = (round(side * scale) for side in page.get_size())
        picture = bitmap.to_pil().convert("RGB").crop((0, 0, width, height))
        bitmap.close()
        page.close()
    finally:
        document.close()
    png = BytesIO()
    picture.save(png, "PNG", dpi=(scale * 72, scale * 72))
    png.seek(0)
    return png
