"""A figure's picture, checked where it enters (the metadata's [images], a marked-up figure,
a picture taken out of an edited DOCX draft): a picture of a kind the editions can print, of
a size they can hold.

Only the picture's header is read, so the check costs little on every build; a file that is
no picture, or a decompression bomb (a small file declaring billions of pixels), is named
in one line before any writer opens it. The writers read each picture whole (`decoded`): one
cut short is refused there, naming it, for every edition and the draft alike.
"""

from __future__ import annotations

import warnings
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from lxml import etree
from PIL import Image, ImageFile, UnidentifiedImageError

from pipeline.errors import PipelineError, RenderingError

# An A3 page at 400 ppi is 31 megapixels; a picture of more is no print picture, and
# decoding one takes gigabytes.
MAX_PICTURE_PIXELS = 60_000_000
MAX_SVG_BYTES = 16 * 1024 * 1024
# Pillow's name of each kind the editions print, and the file suffix a picture of it takes.
RASTER_FORMATS = {"PNG": ".png", "JPEG": ".jpg", "MPO": ".jpg", "GIF": ".gif", "WEBP": ".webp"}
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"
SVG_SUFFIX = ".svg"


def check_picture(path: Path) -> None:
    """Refuse, naming it, a picture file that is not a PNG, JPEG, GIF, WebP or SVG picture,
    or that holds more than MAX_PICTURE_PIXELS."""
    if path.suffix.lower() == SVG_SUFFIX:
        check_svg(path)
        return
    try:
        with path.open("rb") as stream:
            raster_suffix(stream, path, "")
    except OSError:
        raise PipelineError(path, "is not a picture (PNG, JPEG, GIF or WebP) that can be "
                                  "read") from None


def picture_suffix(data: bytes, where: Path, what: str) -> str:
    """The file suffix of the picture `data` (".png", ".svg" …), checked as check_picture
    checks a file; refused in one line naming `where` and `what` the picture is ("the
    picture of figure 3")."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # XML: an SVG picture, if any
        if len(data) > MAX_SVG_BYTES or svg_root(BytesIO(data)) != SVG_ROOT:
            raise PipelineError(where, f"{what} is not an SVG picture that can be read")
        return SVG_SUFFIX
    return raster_suffix(BytesIO(data), where, f"{what} ")


def raster_suffix(stream: BinaryIO, where: Path, what: str) -> str:
    """The suffix of the PNG, JPEG, GIF or WebP picture in `stream`, read from its header;
    refused naming `where` and `what` (the words before each problem) otherwise."""
    try:
        with warnings.catch_warnings():  # Pillow's own bomb warning: the limit below says it
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(stream) as picture:
                kind, (width, height) = picture.format, picture.size
    except Image.DecompressionBombError:
        raise PipelineError(where, f"{what}declares more than {MAX_PICTURE_PIXELS:,} pixels "
                                   "(a decompression bomb?); supply a smaller picture") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise PipelineError(where, f"{what}is not a picture (PNG, JPEG, GIF or WebP) that can "
                                   "be read") from None
    if kind not in RASTER_FORMATS:
        raise PipelineError(where, f"{what}is a {kind} picture; supply a PNG, JPEG, GIF or WebP")
    if width * height > MAX_PICTURE_PIXELS:
        raise PipelineError(where, f"{what}holds {width:,} x {height:,} pixels; the limit is "
                                   f"{MAX_PICTURE_PIXELS:,} pixels in all")
    return RASTER_FORMATS[kind]


def decoded(image: str, stream: BinaryIO) -> Image.Image:
    """The picture in `stream`, figure image `image`, its every pixel decoded; one Pillow
    cannot read whole (cut short, corrupt, no picture) refused as RenderingError naming it."""
    try:
        picture = Image.open(stream)
        load_whole(picture)
    except UnidentifiedImageError:  # Pillow's message names a memory address, not the file
        raise RenderingError(f"picture {image} cannot be read: not a picture file (JPEG, PNG, "
                             "TIFF …)") from None
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise RenderingError(f"picture {image} cannot be read: {error}") from None
    return picture


def load_whole(picture: Image.Image) -> None:
    """Decode all of `picture`: a file cut short raises OSError, though WeasyPrint, once
    imported, has Pillow fill what is missing with grey (ImageFile.LOAD_TRUNCATED_IMAGES)."""
    filling = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        picture.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = filling


def check_svg(path: Path) -> None:
    """An SVG file: well-formed XML whose root is <svg>, read without entities or network."""
    try:
        if path.stat().st_size > MAX_SVG_BYTES:
            raise PipelineError(path, f"too large (the limit for an SVG picture is "
                                      f"{MAX_SVG_BYTES:,} bytes)")
        root = svg_root(str(path))
    except OSError:
        root = None
    if root != SVG_ROOT:
        raise PipelineError(path, "is not an SVG picture that can be read")


def svg_root(source) -> str | None:
    """The tag of the root of the XML in `source`, parsed without entities or network; None
    when it is not well formed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.parse(source, parser).getroot().tag
    except etree.LxmlError:
        return None
