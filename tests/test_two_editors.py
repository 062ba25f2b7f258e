"""Two editors editing copies of one draft, or an old copy saved after edits made in a later
draft (tasks/drafts.py): once edits are imported, a copy of a draft written before them
still holding a block as it was before them would undo them, and is refused; the same
editor saving again (the edits, or later words in their place) is not, nor is a copy of a
draft written after them."""

from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.model import Document, Heading, Metadata, Paragraph, Span
from pipeline.tasks.drafts import refuse_undoing_imports, superseded

DOCX = Path("output/review/review.docx")


def document(*texts: str) -> Document:
    return Document("review", Metadata(title="Review"), None,
                    (Heading("The year"), *(Paragraph((Span(text),)) for text in texts)))


WRITTEN = document("Ferries ran late.", "Piers were rebuilt.")
FIRST_IMPORT = document("Ferries ran on time.", "Piers were rebuilt.")


@pytest.fixture
def state() -> dict:
    kept: dict = {}
    superseded(kept, "draft-x", WRITTEN, FIRST_IMPORT)
    return kept


def test_a_copy_holding_a_block_as_it_was_before_the_import_is_refused(state):
    second_copy = document("Ferries ran late.", "Piers were rebuilt.", "An addition.")
    with pytest.raises(PipelineError) as raised:
        refuse_undoing_imports(second_copy, "draft-x", state, DOCX)
    assert str(raised.value) == (
        "output/review/review.docx: was edited from a draft written before edits already"
        " imported, and would undo them: it holds 'Ferries ran late.' as it was before them; move it"
        " out of output/review/, run doit, and copy its edits into the new draft. Nothing was"
        " overwritten")


@pytest.mark.parametrize("saved_again", [
    document("Ferries ran on time.", "Piers were rebuilt.", "An addition."),  # more edits
    document("Ferries ran on time, mostly.", "Piers were rebuilt."),  # the edit edited again
    document("Piers were rebuilt."),  # the edited block deleted
])
def test_the_same_editor_saving_again_is_imported(state, saved_again):
    refuse_undoing_imports(saved_again, "draft-x", state, DOCX)


def test_a_draft_written_since_or_naming_none_is_not_asked(state):
    refuse_undoing_imports(WRITTEN, "draft-y", state, DOCX)
    refuse_undoing_imports(WRITTEN, "", state, DOCX)


def test_each_import_from_a_draft_adds_what_it_replaced(state):
    superseded(state, "draft-x", FIRST_IMPORT, document("Ferries ran early.", "Piers were rebuilt."))
    for before in ("Ferries ran late.", "Ferries ran on time."):
        with pytest.raises(PipelineError):
            refuse_undoing_imports(document(before, "Piers were rebuilt."), "draft-x", state, DOCX)


def test_an_old_copy_saved_after_edits_made_in_a_later_draft_is_refused():
    """An editor's copy of the first draft, imported; then edits made in the draft written
    after it, imported: the first copy saved again unchanged would undo them."""
    second_import = document("Ferries ran on time.", "Piers were rebuilt in 2024.")
    state: dict = {"drafts": ["draft-x"]}
    superseded(state, "draft-x", WRITTEN, FIRST_IMPORT)
    state["drafts"].append("draft-y")  # written from the first import
    superseded(state, "draft-y", FIRST_IMPORT, second_import)
    with pytest.raises(PipelineError, match="'Piers were rebuilt.' as it was before them"):
        refuse_undoing_imports(FIRST_IMPORT, "draft-x", state, DOCX)
    # A copy of the draft written after the second import saw it: its editor may undo it.
    state["drafts"].append("draft-z")
    refuse_undoing_imports(FIRST_IMPORT, "draft-z", state, DOCX)
