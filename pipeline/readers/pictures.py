"""A figure's picture, checked where it enters (the metadata's [images], a marked-up figure,
a picture taken out of an edited DOCX draft): a picture of a kind the editions can print, of
a size they can hold.

Only the picture's header is read, so the check costs little on every build; a file that is
no picture, or a decompression bomb (a small file declaring billions of pixels), is named
in one line before any writer opens it, and so is an SVG drawing more than a renderer finishes
(its parts reused within parts reused), or giving a size no page holds, or none a renderer
converts (in em, or in words). The writers read each picture whole (`decoded`): one
cut short is refused there, naming it, for every edition and the draft alike.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

import cssselect2
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
# The elements an SVG picture draws, each part it reuses counted as often as it is drawn: a
# detailed map or a dense scatter chart draws some tens of thousands, while a file of a few
# kilobytes reusing its parts ten at a time, ten levels deep, draws 10^10, which no
# renderer finishes.
MAX_SVG_ELEMENTS = 100_000
# The properties whose url(#id) has the renderer draw the element named, of the kind named,
# at each element they apply to; those a child inherits from its parent. A marker is drawn
# at each of its shape's vertices.
DRAWING_PROPERTIES = {"fill": "pattern", "stroke": "pattern", "clip-path": "clipPath",
                      "mask": "mask", "marker": "marker", "marker-start": "marker",
                      "marker-mid": "marker", "marker-end": "marker"}
INHERITED_PROPERTIES = frozenset(DRAWING_PROPERTIES) - {"clip-path", "mask"}
PAINTED = frozenset(("circle", "ellipse", "line", "path", "polyline", "polygon", "rect", "text",
                     "tspan", "textPath"))
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
# An SVG's width or height: a number, and its unit, if any. The CSS px in each unit the renderer
# converts (none: px); em and ex, a font's sizes, give a picture none of its own.
SVG_LENGTH = re.compile(r"\s*((?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(%|[a-z]*)\s*")
SVG_UNITS = {"": 1, "px": 1, "pt": 96 / 72, "pc": 16, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4,
             "q": 96 / 25.4 / 4}
MAX_SVG_SIDE = 100_000  # px: 26 metres, far past any page
SVG_TEXT = "{http://www.w3.org/2000/svg}text"
# The elements whose content is drawn only where another names it (a <use>, a clip), if at all.
UNDRAWN = frozenset(("defs", "symbol", "clipPath", "mask", "pattern", "marker"))


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
    if problem := size_problem(root):
        return problem
    outside = list(dict.fromkeys(reference for reference in references(root) if reference
                                 and not reference.lower().startswith(OWN_REFERENCES)))
    if outside:
        more = f" and {len(outside) - 3} more" if len(outside) > 3 else ""
        return (f"refers to files outside it ({', '.join(outside[:3])}{more}); a picture "
                "must hold all it draws")
    try:
        drawn = drawn_elements(root)
    except RecursionError:
        drawn = math.inf
    if drawn > MAX_SVG_ELEMENTS:
        return (f"draws more than {MAX_SVG_ELEMENTS:,} elements, each part it reuses (<use>, "
                "a pattern, a marker) counted as often as it is drawn; simplify it, or supply "
                "it as a PNG")
    return None


def drawn_text(data: bytes) -> str:
    """The text the SVG picture `data` draws in its own place (a chart's labels, its title),
    in the order it draws it: each <text> element's, but those in a part drawn only where it
    is named; none for a picture that cannot be read."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError:
        return ""
    return "".join("".join(element.itertext()) for element in root.iter(SVG_TEXT)
                   if not any(etree.QName(outer).localname in UNDRAWN
                              for outer in element.iterancestors()))


def size_problem(root) -> str | None:
    """What keeps the SVG tree `root`'s width or height from being a size the renderer
    scales its drawing from, in words; None when each is one, or a percentage, or not given
    (its box's)."""
    for side in ("width", "height"):
        value = root.get(side)
        try:
            pixels = svg_side(value)
        except ValueError:
            return (f"gives its {side} as {value!r}, which cannot be converted to a size on the "
                    "page; give it in px, pt, mm, cm or in, or as a percentage")
        if pixels is not None and pixels > MAX_SVG_SIDE:
            return (f"gives its {side} as {pixels:,.0f} px, over the {MAX_SVG_SIDE:,} px (26 "
                    "metres) a picture may measure; save it at the size it is drawn")
    return None


def svg_side(value: str | None) -> float | None:
    """An SVG's width or height `value` in CSS px; None for a percentage, or none given.
    ValueError for one in no unit the renderer converts (em, ex, anything else)."""
    if value is None:
        return None
    length = SVG_LENGTH.fullmatch(value)
    if length is None or length[2] not in (*SVG_UNITS, "%"):
        raise ValueError(value)
    return None if length[2] == "%" else float(length[1]) * SVG_UNITS[length[2]]


def drawn_elements(root) -> float:
    """How many elements the SVG tree `root` has drawn: each element once, and each one a
    <use> or a drawing property (DRAWING_PROPERTIES) names again wherever it is drawn, with
    all it holds; a part drawing itself draws without end (math.inf). Each part is counted
    once for the properties it inherits, so counting takes time in the file's size."""
    named = {element.get("id"): element for element in root.iter(etree.Element)
             if element.get("id")}
    styled = sheet_references(root)
    counted: dict[tuple, float] = {}

    def count(element, inherited: frozenset) -> float:
        key = (element, inherited)
        if key not in counted:
            counted[key] = math.inf  # reached again before it is counted: it draws itself
            own = inherited | styled.get(element, frozenset()) | drawing_references(element)
            passed = frozenset(reference for reference in own
                               if reference[0] in INHERITED_PROPERTIES)
            total = 1 + sum(count(child, passed) for child in element.iterchildren(etree.Element))
            if etree.QName(element).localname == "use":
                target = named.get(used_id(element))
                total += count(target, passed) if target is not None else 0
            for prop, name in own:
                target = named.get(name)
                if target is not None and applies(prop, target, element):
                    total += times_drawn(prop, element) * count(target, frozenset())
            counted[key] = total
        return counted[key]

    return count(root, frozenset())


def used_id(use) -> str | None:
    """The id of the element a <use> draws (its href, in any namespace, is its own #id)."""
    href = next((value for name, value in use.attrib.items()
                 if etree.QName(name).localname == "href"), "").strip()
    return href[1:] if href.startswith("#") else None


def drawing_references(element) -> frozenset[tuple[str, str]]:
    """The (property, id) pairs `element` names in its attributes and its style attribute,
    for each drawing property given as url(#id)."""
    declarations = [(name, value) for name, value in element.attrib.items()
                    if name in DRAWING_PROPERTIES]
    if style := element.get("style"):
        declarations += [(item.lower_name, tinycss2.serialize(item.value)) for item in
                         tinycss2.parse_blocks_contents(style, skip_whitespace=True,
                                                        skip_comments=True)
                         if item.type == "declaration"]
    return frozenset(pair for name, value in declarations for pair in own_ids(name, value))


def sheet_references(root) -> dict:
    """The (property, id) pairs the rules of the SVG tree `root`'s <style> elements give
    each element they match, as drawing_references; matched as the renderer matches them."""
    def named(declarations: list[tuple[str, str]]) -> frozenset:
        return frozenset(pair for name, value in declarations for pair in own_ids(name, value))

    return {element: frozenset().union(*found)
            for element, found in sheet_matches(root, named).items()}


def sheet_matches(root, read: Callable[[list[tuple[str, str]]], object]) -> dict:
    """What `read` finds in each rule of the SVG tree `root`'s <style> elements (given the
    rule's declarations, (name, value) pairs; nothing found, falsy) for each element the
    rule matches, matched as the renderer matches them: by element, its findings from the
    least specific rule to the most, the last written last among equals."""
    matcher, matching = cssselect2.Matcher(), False
    for style in root.iter("{*}style"):
        for rule in tinycss2.parse_stylesheet("".join(style.itertext()), skip_whitespace=True,
                                              skip_comments=True):
            if rule.type != "qualified-rule":
                continue
            found = read([(item.lower_name, tinycss2.serialize(item.value))
                          for item in tinycss2.parse_blocks_contents(rule.content)
                          if item.type == "declaration"])
            try:
                selectors = cssselect2.compile_selector_list(rule.prelude) if found else ()
            except cssselect2.SelectorError:  # the renderer applies no such rule
                continue
            for selector in selectors:
                matcher.add_selector(selector, found)
                matching = True
    if not matching:
        return {}
    return {wrapper.etree_element: [match[-1] for match in matches]
            for wrapper in cssselect2.ElementWrapper.from_xml_root(root).iter_subtree()
            if (matches := matcher.match(wrapper))}


def own_ids(name: str, value: str) -> Iterator[tuple[str, str]]:
    """(name, id) for each url(#id) in the value of drawing property `name`."""
    if name in DRAWING_PROPERTIES and "(" in value:
        for url in css_references(tinycss2.parse_component_value_list(value)):
            if url.strip().startswith("#"):
                yield name, url.strip()[1:]


def applies(prop: str, target, element) -> bool:
    """Whether the renderer draws `target`, named by `prop`, for `element`: a pattern only
    filling or stroking a shape or text, a marker only on a shape with vertices."""
    if etree.QName(target).localname != DRAWING_PROPERTIES[prop]:
        return False
    return prop in ("clip-path", "mask") or etree.QName(element).localname in PAINTED


def times_drawn(prop: str, element) -> int:
    """How often `prop` has its element drawn for `element`: a marker at each vertex, of
    which a shape has at most as many as the numbers giving its points (2 for a line)."""
    if DRAWING_PROPERTIES[prop] != "marker":
        return 1
    shape = etree.QName(element).localname
    if shape == "line":
        return 2
    return len(NUMBER.findall(element.get("d" if shape == "path" else "points", "")))


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
