"""The figures' pictures made ready before layout, and known again in the PDF.

WeasyPrint 70 reads a picture as Pillow opens it: a 16-bit greyscale PNG comes out as a
black box (or stops the print conversion), and an RGB picture is written as DeviceRGB
without the ICC profile it was made in, so an Adobe RGB photo would be separated as if it
were sRGB. Before layout each picture is read once: one Pillow cannot read stops its
document, naming the file; 16-bit and palette pictures become 8-bit ones (grey kept grey,
a palette's transparency kept as alpha); an SVG picture lacking a viewBox is given the one
its size implies, its file untouched; the rest reach WeasyPrint as they are. After
WeasyPrint, each picture's ICC profile becomes its image's colour space (ICCBased): screens
show it as made, and the print finisher converts it to CMYK from that profile. A CMYK
picture keeps DeviceCMYK in print: it goes to press as it is.

WeasyPrint names each image resource by a hash of its URL, so an image in the PDF is known
by the file it came from, whatever its pixel size (`resource_prefix`).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import RenderingError
from pipeline.model import Document
from pipeline.writers.pdf.urls import picture_url, project_file

EIGHT_BIT = {"1": "L", "PA": "RGBA", "La": "LA", "RGBa": "RGBA"}  # else RGB
SIXTEEN_BIT_SCALE = 1 / 257  # 65535 -> 255
PROFILE_SPACES = {"L": b"GRAY", "LA": b"GRAY", "RGB": b"RGB ", "RGBA": b"RGB ", "CMYK": b"CMYK"}
COMPONENTS = {b"GRAY": 1, b"RGB ": 3, b"CMYK": 4}


@dataclass(frozen=True)
class Picture:
    """A figure's picture as WeasyPrint reads it, and the profile it was made in."""

    image: str  # the figure's image, relative to source/
    data: bytes
    profile: bytes | None  # ICC, its colour space the picture's
    mode: str  # Pillow's: "RGB", "L", "CMYK", "RGBA", "LA"


def prepared(document: Document, source_dir: Path) -> dict[Path, Picture]:
    """Every figure's raster picture, and each SVG picture lacking a viewBox, by its file's
    real path (an SVG picture giving one reaches WeasyPrint as it is)."""
    from pipeline.readers.pictures import SVG_SUFFIX

    pictures = {}
    for figure in document.figures:
        path = (project_file(picture_url(figure.image), source_dir.resolve(), source_dir.resolve())
                if figure.image else None)
        if path is None:
            continue
        if path.suffix.lower() != SVG_SUFFIX:
            pictures[path] = prepared_picture(figure.image, path)
        elif svg := prepared_svg(figure.image, path):
            pictures[path] = svg
    return pictures


def prepared_svg(image: str, path: Path) -> Picture | None:
    """The SVG picture `image`, checked again (it may have changed since its model was
    built), with the viewBox its size implies where it gives none (with_viewbox); None where
    WeasyPrint is to read the file as it is. Its vectors are drawn in RGB."""
    from pipeline.readers.pictures import svg_problem

    data = path.read_bytes()
    if problem := svg_problem(data):
        raise RenderingError(f"picture {image} {problem}")
    boxed = with_viewbox(data)
    return Picture(image, boxed, None, "RGB") if boxed else None


def with_viewbox(data: bytes) -> bytes | None:
    """The checked SVG `data` given the viewBox its width and height imply (0 0, then each
    in px), as a browser shows an SVG picture lacking one; None where it gives one, or no
    size to take one from (a percentage: its box's). WeasyPrint 70 scales such a drawing
    from its size to its box, but sets what it gives as a percentage of its size at its
    box's: a field filling a 3000 px SVG filled 529/3000 of a 529 px box."""
    from lxml import etree

    from pipeline.readers.pictures import svg_side

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    if root.get("viewBox", "").strip():
        return None
    width, height = svg_side(root.get("width")), svg_side(root.get("height"))
    if not (width and height):
        return None
    root.set("viewBox", f"0 0 {width} {height}")
    return etree.tostring(root.getroottree(), encoding="utf-8")


def prepared_picture(image: str, path: Path) -> Picture:
    from PIL import Image

    from pipeline.readers.pictures import decoded

    try:
        data = path.read_bytes()
        # A truncated or corrupt file fails here, not in WeasyPrint (which prints it grey).
        with decoded(image, io.BytesIO(data)) as opened:
            profile = opened.info.get("icc_profile") or None
            picture = eight_bit(opened)
            if picture is not opened:
                output = io.BytesIO()
                picture.save(output, format="PNG")
                data = output.getvalue()
            mode = picture.mode
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise RenderingError(f"picture {image} cannot be read: {error}") from None
    if profile is not None and not fits(profile, mode):
        raise RenderingError(f"picture {image} cannot be converted: its ICC profile is not "
                             f"a {mode} profile Little CMS can read")
    return Picture(image, data, profile, mode)


def eight_bit(picture):
    """The picture with 8 bits a channel, in a mode WeasyPrint writes as it is (grey kept
    grey, transparency as alpha); itself when it already is one."""
    mode = picture.mode
    if "transparency" in picture.info and mode in ("L", "P", "RGB"):
        return picture.convert("LA" if mode == "L" else "RGBA")
    if mode in PROFILE_SPACES:
        return picture
    if mode.startswith("I") or mode == "F":  # 16-bit or floating-point grey
        return picture.convert("I").point(lambda value: value * SIXTEEN_BIT_SCALE).convert("L")
    return picture.convert(EIGHT_BIT.get(mode, "RGB"))


def fits(profile: bytes, mode: str) -> bool:
    """Whether `profile` is an ICC profile Little CMS reads, of the picture's colour space."""
    from PIL import ImageCms

    try:
        ImageCms.ImageCmsProfile(io.BytesIO(profile))
    except (OSError, ImageCms.PyCMSError):
        return False
    return profile[16:20] == PROFILE_SPACES.get(mode)


def resource_prefix(image: str) -> str:
    """How the image resources WeasyPrint makes of a figure's image are named: "/i", the
    MD5 of its URL, then a digit (whether it is interpolated)."""
    return "/i" + hashlib.md5(picture_url(image).encode(), usedforsecurity=False).hexdigest()


def picture_of(name: str, images: list[str]) -> str | None:
    """Which of the figures' `images` an image resource `name` was made from."""
    return next((image for image in images if name.startswith(resource_prefix(image))), None)


def embed_profiles(pdf, pictures: list[Picture], print_ready: bool) -> None:
    """Each picture's ICC profile as its images' colour space, in the PDF (pikepdf); in a
    print file, not a CMYK picture's (it goes to press as it is)."""
    import pikepdf

    by_prefix = {resource_prefix(picture.image): picture for picture in pictures
                 if picture.profile and not (print_ready and picture.mode == "CMYK")}
    streams: dict[bytes, object] = {}
    for page in pdf.pages:
        for name, image in page.obj.get("/Resources", {}).get("/XObject", {}).items():
            picture = next((found for prefix, found in by_prefix.items()
                            if name.startswith(prefix)), None)
            if picture is None or image.get("/Subtype") != pikepdf.Name.Image:
                continue
            if picture.profile not in streams:
                streams[picture.profile] = pdf.make_stream(
                    picture.profile, N=COMPONENTS[picture.profile[16:20]])
            image.ColorSpace = pikepdf.Array([pikepdf.Name.ICCBased,
                                              streams[picture.profile]])
