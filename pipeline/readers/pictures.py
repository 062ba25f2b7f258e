"""A figure's picture, checked where it enters (the metadata's [images], a marked-up figure):
a picture of a kind the editions can print, of a size they can hold.

Only the file's header is read, so the check costs little on every build; a file that is
no picture, or a decompression bomb (a small file declaring billions of pixels), is named
in one line before any writer opens it.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from lxml import etree
from PIL import Image, UnidentifiedImageError

from pipeline.errors import PipelineError

# An A3 page at 400 ppi is 31 megapixels; a picture of more is no print picture, and
# decoding one takes gigabytes.
MAX_PICTURE_PIXELS = 60_000_000
MAX_SVG_BYTES = 16 * 1024 * 1024
RASTER_FORMATS = {"PNG", "JPEG", "MPO", "GIF", "WEBP"}
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"


def check_picture(path: Path) -> None:
    """Refuse, naming it, a picture file that is not a PNG, JPEG, GIF, WebP or SVG picture,
    or that holds more than MAX_PICTURE_PIXELS."""
    if path.suffix.lower() == ".svg":
        check_svg(path)
        return
    try:
        with warnings.catch_warnings():  # Pillow's own bomb warning: the limit below says it
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                kind, (width, height) = picture.format, picture.size
    except Image.DecompressionBombError:
        raise PipelineError(path, f"declares more than {MAX_PICTURE_PIXELS:,} pixels "
                                  "(a decompression bomb?); supply a smaller picture") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise PipelineError(path, "is not a picture (PNG, JPEG, GIF or WebP) that can be "
                                  "read") from None
    if kind not in RASTER_FORMATS:
        raise PipelineError(path, f"is a {kind} picture; supply a PNG, JPEG, GIF or WebP")
    if width * height > MAX_PICTURE_PIXELS:
        raise PipelineError(path, f"holds {width:,} x {height:,} pixels; the limit is "
                                  f"{MAX_PICTURE_PIXELS:,} pixels in all")


def check_svg(path: Path) -> None:
    """An SVG file: well-formed XML whose root is <svg>, read without entities or network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        if path.stat().st_size > MAX_SVG_BYTES:
            raise PipelineError(path, f"too large (the limit for an SVG picture is "
                                      f"{MAX_SVG_BYTES:,} bytes)")
        root = etree.parse(str(path), parser).getroot()
    except (etree.LxmlError, OSError):
        root = None
    if root is None or root.tag != SVG_ROOT:
        raise PipelineError(path, "is not an SVG picture that can be read")
