"""The tagged editions read in the document's order, whatever the pages' order: a figure that
the layout set after the paragraph following it, for want of room at the foot of its page,
is still read where the author put it (ISO 32000-1, 14.8.2.3: the structure's order is the
logical reading order; PDF/UA-1, 7.2). A text of its own, in the marked-up form, whose
figure does not fit under its first paragraph in the screen edition."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image

from pipeline.layout_folders import layout_names
from pipeline.layouts import load_layout
from pipeline.pdf.structure import is_element, kids_of, structure_elements
from pipeline.pdf.text import element_text, marked_texts
from pipeline.readers.markup import read_markup
from pipeline.readers.metadata import load_metadata
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT

pytestmark = pytest.mark.slow  # a tagged edition is rendered

LAYOUTS = ROOT / "layouts"
TEXT = ROOT / "tests" / "texts" / "reading_order" / "reservoir-review.md"


@pytest.fixture(scope="module")
def screen(tmp_path_factory) -> pikepdf.Pdf:
    source = tmp_path_factory.mktemp("source")
    (source / "photos").mkdir()
    Image.new("RGB", (1800, 1200), (40, 110, 160)).save(source / "photos" / "reservoir.jpg",
                                                         dpi=(300, 300))
    metadata = load_metadata(TEXT.with_suffix(".toml"), layout_names(LAYOUTS))
    document = read_markup(TEXT.read_text(encoding="utf-8"), TEXT, metadata, source)
    return pikepdf.open(io.BytesIO(render_pdf(document, load_layout(LAYOUTS, "screen"),
                                              source)))


def drawn(pdf: pikepdf.Pdf) -> list[str]:
    """The text of each marked-content sequence, in the order the pages draw them."""
    texts = marked_texts(pdf)
    pages = [page.objgen for page in pdf.pages]
    return [texts[key] for key in sorted(texts, key=lambda key: (pages.index(key[0]), key[1]))]


def test_a_figure_set_later_is_read_where_the_author_put_it(screen):
    sequences = drawn(screen)
    caption = next(index for index, text in enumerate(sequences) if text.startswith("The Fen"))
    following = next(index for index, text in enumerate(sequences) if text.startswith("Work "))
    assert following < caption, "the layout no longer sets this figure later: lengthen the " \
                                "paragraph before it until it does"
    texts = marked_texts(screen)
    section = next(element for element in structure_elements(screen.Root.StructTreeRoot)
                   if element.S == pikepdf.Name.Sect)
    read = [(str(kid.S), element_text(kid, texts)[:9]) for kid in kids_of(section)
            if is_element(kid)]
    assert read == [("/H2", "Reservoir"), ("/P", "The reser"), ("/Figure", ""),
                    ("/Caption", "The Fenwi"), ("/P", "Work on t"), ("/P", "Work on t")]
