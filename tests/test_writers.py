"""The table of writers: every writer handles every type of block in the model, and a block
type it has no rule for is an error, never a paragraph."""

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
)
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


def test_every_block_type_has_an_example():
    assert set(get_args(Block)) == set(EXAMPLES)


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_writer_writes_every_block_type(writer, tmp_path):
    output = WRITERS[writer](document(*EXAMPLES.values()), LAYOUT, tmp_path)
    assert output


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_block_type_a_writer_lacks_is_an_error_not_a_paragraph(writer, tmp_path):
    with pytest.raises(UnknownBlock, match="Marginalia"):
        WRITERS[writer](document(EXAMPLES[Paragraph], Marginalia()), LAYOUT, tmp_path)
