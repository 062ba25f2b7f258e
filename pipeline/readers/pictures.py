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
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

import tinycss2
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
UNREADABLE_SVG = "is not an SVG picture that can be read"
SVG_DTD = "-//W3C//DTD SVG"  # the public identifier of each version's DTD
REFERENCE_ATTRIBUTES = ("href", "src")  # in any namespace: xlink:href too
OWN_REFERENCES = ("#", "data:")  # its own fragments, and data it holds


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
        problem = UNREADABLE_SVG if len(data) > MAX_SVG_BYTES else svg_problem(data)
        if problem:
            raise PipelineError(where, f"{what} {problem}")
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
    """An SVG file the editions may draw (svg_problem), refused in one line otherwise."""
    try:
        if path.stat().st_size > MAX_SVG_BYTES:
            raise PipelineError(path, f"too large (the limit for an SVG picture is "
                                      f"{MAX_SVG_BYTES:,} bytes)")
        data = path.read_bytes()
    except OSError:
        raise PipelineError(path, UNREADABLE_SVG) from None
    if problem := svg_problem(data):
        raise PipelineError(path, problem)


def svg_problem(data: bytes) -> str | None:
    """What keeps the XML `data` from being an SVG picture the editions may draw, in words;
    None when it is one: well-formed XML whose root is <svg>, read without entities or
    network, declaring no DTD of its own, referring to nothing outside it. Rendering reads
    no file outside the project, but a reference refused there leaves the picture's box
    drawn with whatever the renderer had at hand."""
    if declares_dtd(data):
        return ("declares a DTD (a document type, where entities are declared), which a "
                "picture never needs; save it without one")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError:
        return UNREADABLE_SVG
    if root.tag != SVG_ROOT or any(isinstance(node, etree._Entity) for node in root.iter()):
        return UNREADABLE_SVG  # an entity the SVG DTD, which nothing reads, would declare
    outside = list(dict.fromkeys(reference for reference in references(root) if reference
                                 and not reference.lower().startswith(OWN_REFERENCES)))
    if outside:
        more = f" and {len(outside) - 3} more" if len(outside) > 3 else ""
        return (f"refers to files outside it ({', '.join(outside[:3])}{more}); a picture "
                "must hold all it draws")
    return None


class _RootReached(Exception):
    """The XML's root element starts: any DTD stands before it."""


def declares_dtd(data: bytes) -> bool:
    """Whether the XML `data` declares a document type, but the SVG DTD as Illustrator names
    it (its public identifier, which nothing reads, and no declarations of its own). Read
    by expat only as far as the root element; a DTD's declarations are never read."""
    declared = []

    def document_type(name, system_id, public_id, has_internal_subset):
        declared.append(has_internal_subset or not (public_id or "").startswith(SVG_DTD))
        raise _RootReached

    def root(name, attributes):
        raise _RootReached

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler, parser.StartElementHandler = document_type, root
    try:
        parser.Parse(data, True)
    except (_RootReached, expat.ExpatError):  # not well formed: refused when parsed
        pass
    return any(declared)


def references(root) -> Iterator[str]:
    """Every URL the SVG tree `root` gives: an href (or src) attribute, a url() in another
    attribute (fill, style …) or in a <style>, a stylesheet's @import, an xml-stylesheet."""
    for instruction in root.itersiblings(preceding=True):
        if getattr(instruction, "target", None) == "xml-stylesheet":
            yield instruction.get("href") or instruction.text
    for element in root.iter(etree.Element):
        for name, value in element.attrib.items():
            if etree.QName(name).localname in REFERENCE_ATTRIBUTES:
                yield value.strip()
            elif "(" in value:  # url( …), however its letters are escaped
                yield from css_references(tinycss2.parse_component_value_list(value))
        if etree.QName(element).localname == "style":
            yield from css_references(tinycss2.parse_component_value_list(
                "".join(element.itertext()), skip_comments=True))


def css_references(tokens) -> Iterator[str]:
    """The URLs in CSS `tokens` (tinycss2's), in the blocks and functions they hold too."""
    importing = False
    for token in tokens:
        if token.type == "url" or (importing and token.type == "string"):
            yield token.value
        elif token.type == "function" and token.lower_name == "url":
            yield from (argument.value for argument in token.arguments
                        if argument.type == "string")
        elif token.type in ("function", "() block", "[] block", "{} block"):
            yield from css_references(getattr(token, "arguments", None) or token.content)
        if token.type != "whitespace":
            importing = token.type == "at-keyword" and token.lower_value == "import"
