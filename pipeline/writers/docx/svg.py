"""An SVG picture as the draft carries it: a PNG of it, at DRAFT_PPI.

python-docx embeds raster pictures only (Word draws an SVG only beside a raster copy of it),
so the draft shows a figure's SVG as a PNG: WeasyPrint draws the SVG, as it draws it in the
editions, on a page just its size, and pdfium renders that page. Its size is the SVG's own
(its width and height, or the text's width where it gives only a viewBox), never wider than
the text, as the draft sets any picture. The same SVG gives the same PNG bytes on any
machine: the page's pixels are all the PNG holds, no time and no name, and its text is drawn
as the editions draw it, in the faces their stylesheets declare from the repository's font
files, through the process's font configuration, subset and positioned as theirs are; text
that would need a font of the machine's is refused, as the editions refuse it.

The draft's bookkeeping keeps this PNG's digest as the figure's picture, so a draft read
back with it keeps the SVG file as the figure's image (tasks/media.py).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from pipeline.errors import RenderingError
from pipeline.layouts import Layout
from pipeline.model import Document
from pipeline.readers.pictures import MAX_PICTURE_PIXELS
from pipeline.writers.pdf.faces import (
    characters_lacking,
    declared_families,
    font_configuration,
    font_stylesheet_files,
)
from pipeline.writers.pdf.font_subsetting import use_uharfbuzz_subsetting
from pipeline.writers.pdf.glyph_positions import write_exact_adjustments
from pipeline.writers.pdf.lacking_glyphs import lacking_fonts
from pipeline.writers.pdf.pictures import prepared_svg
from pipeline.writers.pdf.urls import picture_url, url_fetcher

DRAFT_PPI = 300  # a press-ready picture's resolution: the draft may be printed too
CSS_PX_A_POINT = 96 / 72
PAGE = ("<style>@page {{ size: {width} {height}; margin: 0 }} body {{ margin: 0 }}"
        " img {{ display: block; max-width: 100%; {size} }}</style><img src=\"{url}\" alt=\"\">")


@dataclass(frozen=True)
class Fonts:
    """The fonts a document's SVG pictures are drawn in: the stylesheets declaring the faces
    its editions load (faces.font_stylesheet_files) in `layout`'s fonts folder, read only
    when a picture is drawn (a house style's layout may have none)."""

    layout: Layout
    stylesheets: tuple[Path, ...]


def fonts_for(document: Document, layout: Layout, source_dir: Path) -> Fonts:
    return Fonts(layout, tuple(font_stylesheet_files(document, layout, source_dir)))


def svg_as_png(image: str, source_dir: Path, text_width_pt: float, fonts: Fonts) -> BytesIO:
    """The PNG the draft shows figure image `image`, an SVG file in `source_dir`, as:
    checked again (it may have changed since the model was built), and drawn in `fonts`,
    reading nothing but itself, the data it holds and those fonts."""
    from pipeline.writers.pdf import engine  # noqa: F401  (WeasyPrint, imported cheaply)

    path = (source_dir / image).resolve()
    boxed = prepared_svg(image, path)
    fetcher = url_fetcher(fonts.layout.fonts_folder, source_dir, boxed and {path: boxed})
    width, height = laid_out_size(picture_url(image), fetcher, text_width_pt)
    if not (width and height):
        raise RenderingError(f"picture {image} cannot be read: it draws nothing (its width or"
                             " height is 0)")
    page = drawn_page(image, fetcher, width, height, fonts)
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
    document = HTML(string=html, url_fetcher=fetcher).render(font_config=font_configuration())
    boxes = [box for box in document.pages[0]._page_box.descendants()
             if isinstance(box, ReplacedBox)]
    return (boxes[0].width, boxes[0].height) if boxes else (0, 0)


def drawn_page(image: str, fetcher, width: float, height: float, fonts: Fonts) -> bytes:
    """A PDF of one page `width` by `height` CSS px, the SVG `image` drawn over all of it in
    `fonts`, as the editions draw it: set in any other font, or lacking a glyph, it is
    refused."""
    from weasyprint import CSS, HTML

    use_uharfbuzz_subsetting()
    write_exact_adjustments()
    font_config = font_configuration()
    stylesheets = [CSS(filename=path, url_fetcher=fetcher, font_config=font_config)
                   for path in fonts.stylesheets]
    html = PAGE.format(width=f"{width}px", height=f"{height}px", url=picture_url(image),
                       size=f"width: {width}px; height: {height}px")
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=stylesheets, font_config=font_config,
        finisher=functools.partial(refuse_lacking, image=image,
                                   families=declared_families(fonts.layout)))


def refuse_lacking(weasy_document, pdf, *, image: str, families: frozenset[str]) -> None:
    """Refuse the drawing of `image` where its text is set in a font of none of `families`
    or lacks a glyph, in the words the editions refuse it in."""
    if lacking := characters_lacking(weasy_document, families):
        raise RenderingError(f"picture {image}: {lacking_fonts(lacking)}")


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
