"""The table of writers the build looks its outputs' writers up in, and the model's other forms
(its JSON, the HTML a layout lays out, the marked-up text an edited draft becomes): each
handles every type of block in the model, and a block type it has no rule for is an error,
never a paragraph."""

from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import pytest

from pipeline.layouts import load_layout
from pipeline.model import (
    Block,
    Byline,
    Document,
    Figure,
    Heading,
    LineBlock,
    List,
    ListItem,
    Metadata,
    Note,
    Paragraph,
    Quotation,
    SignOff,
    Span,
    Table,
    UnknownBlock,
    to_json,
)
from pipeline.writers.html import render_html
from pipeline.writers.markup import write_markup
from pipeline.writers.registry import WRITERS

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = load_layout(ROOT / "layouts", "screen")

# One of every block type the model has; a new type without an example here fails below.
EXAMPLES = {
    Heading: Heading("Serving every reader"),
    Paragraph: Paragraph((Span("The mobile library visited "), Span("60", bold=True),
                          Span(" villages."))),
    Quotation: Quotation((Span("The library is the one place in town where "),
                          Span("nobody", italic=True), Span(" asks me to buy anything."))),
    LineBlock: LineBlock(((Span("Central Library"),), (Span("1 Harbour Road"),),
                          (Span("Hong Kong", italic=True),))),
    Figure: Figure(1, (Span("Readers in the reading room"),)),
    List: List((ListItem((Span("opening two branches"),),
                         List((ListItem((Span("one in the port"),)),), "lower-alpha")),
                ListItem((Span("lending e-books"), Span("1", note="1")))), "decimal"),
    Table: Table(((Span("Branch"),), (Span("Loans"),)),
                 (((Span("Central"),), (Span("−2.7%"),)),)),
    SignOff: SignOff(((Span("On behalf of the Board"),), (Span("A Name"),))),
    Note: Note("1", (Span("Counted at the doors."),)),
}


@dataclass(frozen=True)
class Marginalia:
    """A block type no writer knows."""

    text: str = "a note in the margin"


def document(*blocks) -> Document:
    return Document("sample", Metadata(title="Annual Review"), Byline("A Name", (), "Chief"),
                    tuple(blocks))


# Each called as the build calls its writers; what it gave, in bytes or text (a draft's data).
FORMS = {
    **WRITERS,
    "json": lambda document, layout, source_dir: to_json(document),
    "html": lambda document, layout, source_dir: render_html(document, layout),
    "markup": lambda document, layout, source_dir: write_markup(document),
}


def written(output):
    return getattr(output, "data", output)


def test_every_block_type_has_an_example():
    assert set(get_args(Block)) == set(EXAMPLES)


@pytest.mark.parametrize("writer", sorted(FORMS))
def test_every_writer_writes_every_block_type(writer, tmp_path):
    output = FORMS[writer](document(*EXAMPLES.values()), LAYOUT, tmp_path)
    assert written(output)


@pytest.mark.parametrize("writer", sorted(FORMS))
def test_a_block_type_a_writer_lacks_is_an_error_not_a_paragraph(writer, tmp_path):
    with pytest.raises(UnknownBlock, match="Marginalia"):
        FORMS[writer](document(EXAMPLES[Paragraph], Marginalia()), LAYOUT, tmp_path)
