"""Editors' DOCX edits flow into every edition, and nothing they type is lost."""

import shutil

import docx
import pytest
from docx.oxml.ns import qn

from .support import (
    SEED,
    doit,
    libreoffice,
    pdf_text,
    pdfs,
    squash,
    tasks_run,
)

pytestmark = pytest.mark.slow  # each test builds the seed's editions again after an edit


@pytest.fixture
def built(seed_build):
    return seed_build.restored()


def draft_path(folder):
    return folder / "output" / SEED / f"{SEED}.docx"


def saved_with(folder, draft: bytes, text: str) -> None:
    """`draft` saved over the document's draft with a paragraph `text` added at its end, as
    an editor saving a copy they kept open."""
    draft_path(folder).write_bytes(draft)
    edited = docx.Document(str(draft_path(folder)))
    edited.add_paragraph(text, style="Body Text")
    edited.save(str(draft_path(folder)))


def assert_refused(folder, line: str) -> None:
    """The build refuses the draft in one line holding `line`, and leaves it as saved."""
    saved = draft_path(folder).read_bytes()
    result = doit(folder)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert line in output
    assert draft_path(folder).read_bytes() == saved


def insert_paragraph_after(paragraph, text, style):
    new = paragraph._parent.add_paragraph(text, style=style)
    paragraph._p.addnext(new._p)
    return new


def test_edits_reach_every_pdf_and_the_regenerated_draft(built):
    raw = (built / "source" / f"{SEED}.txt").read_bytes()
    draft = docx.Document(str(draft_path(built)))
    body = [p for p in draft.paragraphs if p.style.name == "Body Text"]
    captions = [p for p in draft.paragraphs if p.style.name == "Caption"]
    body[0].runs[0].text = body[0].runs[0].text.replace("The year 2024", "The remarkable year 2024")
    added = insert_paragraph_after(body[1], "An editor added this paragraph by hand.", "Body Text")
    added.add_run(" With emphasis.").italic = True
    body[3].style = draft.styles["Heading 1"]
    body[3].text = "A paragraph made a heading"
    deleted_caption = captions[1].text
    captions[1]._p.getparent().remove(captions[1]._p)
    draft.save(str(draft_path(built)))

    result = doit(built)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (built / "source" / f"{SEED}.txt").read_bytes() == raw  # the raw text stays untouched
    markup = (built / "source" / f"{SEED}.md").read_text(encoding="utf-8")
    # Figure 2 is gone; the figures after it keep their numbers (and would keep their pictures).
    assert "{#figure-3}" in markup and "{#figure-5}" in markup and "{#figure-2}" not in markup

    changes = ["The remarkable year 2024", "An editor added this paragraph by hand. With emphasis.",
               "A paragraph made a heading"]
    for pdf in pdfs(built, SEED):
        text = pdf_text(pdf)
        for change in changes:
            assert squash(change) in text, (pdf.name, change)
        assert squash(deleted_caption) not in text, pdf.name
    regenerated = docx.Document(str(draft_path(built)))
    paragraphs = [(p.style.name, p.text) for p in regenerated.paragraphs]
    assert ("Heading 1", "A paragraph made a heading") in paragraphs
    assert any("The remarkable year 2024" in text for _, text in paragraphs)
    assert deleted_caption not in [text for _, text in paragraphs]
    marks = [mark.get(qn("w:name")) for mark in regenerated.element.body.iter(qn("w:bookmarkStart"))]
    assert marks == ["_Figure1", "_Figure3", "_Figure4", "_Figure5"]
    italic = [r.text for p in regenerated.paragraphs for r in p.runs if r.italic]
    assert any("With emphasis." in text for text in italic)

    assert not tasks_run(doit(built))  # once imported, nothing more to do


def test_source_and_draft_both_changed_stop_and_overwrite_neither(built):
    draft = docx.Document(str(draft_path(built)))
    draft.add_paragraph("An editor's late addition.", style="Body Text")
    draft.save(str(draft_path(built)))
    edited = draft_path(built).read_bytes()
    source = built / "source" / f"{SEED}.txt"
    source.write_text(source.read_text() + "\nA writer's late addition.\n")
    changed = source.read_bytes()

    result = doit(built)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"output/{SEED}/{SEED}.docx: was edited, and source/{SEED}.txt changed too" in output
    assert "Traceback" not in output
    assert draft_path(built).read_bytes() == edited
    assert source.read_bytes() == changed
    assert not (built / "source" / f"{SEED}.md").exists()


def test_a_draft_older_than_the_source_s_last_change_is_refused(built):
    """Kept open while the source changed and the build wrote a new draft, then saved: its
    import would undo the change. Saved again from a draft written since, it is read."""
    open_draft = draft_path(built).read_bytes()
    source = built / "source" / f"{SEED}.txt"
    source.write_text(source.read_text() + "\nA writer's late addition.\n")
    assert doit(built).returncode == 0
    current = draft_path(built).read_bytes()

    saved_with(built, open_draft, "An editor's addition to the older draft.")
    assert_refused(built, f"output/{SEED}/{SEED}.docx: was edited from an older draft, written"
                          " before the source last changed, and would undo that change")
    assert not (built / "source" / f"{SEED}.md").exists()

    saved_with(built, current, "An editor's addition to the new draft.")
    assert doit(built).returncode == 0
    markup = (built / "source" / f"{SEED}.md").read_text()
    assert "A writer’s late addition." in markup  # as cleaning writes the apostrophe
    assert "An editor’s addition to the new draft." in markup


def test_tracked_changes_stop_the_import(built):
    draft = docx.Document(str(draft_path(built)))
    paragraph = next(p for p in draft.paragraphs if p.style.name == "Body Text")
    insertion = paragraph._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "Editor"})
    run = paragraph.add_run(" inserted words")._r
    insertion.append(run)
    paragraph._p.append(insertion)
    draft.save(str(draft_path(built)))
    edited = draft_path(built).read_bytes()

    result = doit(built)
    assert result.returncode != 0
    assert "tracked changes" in result.stdout + result.stderr
    assert draft_path(built).read_bytes() == edited
    # The editions listed are the last build's, and the summary says so.
    assert "these are the previous build's editions" in result.stdout
    assert f"{SEED}-print.pdf" in result.stdout


def test_an_unreadable_draft_is_kept_as_it_is(built):
    draft_path(built).write_bytes(b"this is not a zip file")
    result = doit(built)
    assert result.returncode != 0
    assert "not a readable DOCX" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert draft_path(built).read_bytes() == b"this is not a zip file"


def test_a_draft_saved_by_libreoffice_imports(built, tmp_path):
    converted = tmp_path / "converted"
    libreoffice(tmp_path / "lo", "--convert-to", "docx", "--outdir", str(converted),
                str(draft_path(built)))
    shutil.copy(converted / f"{SEED}.docx", draft_path(built))
    result = doit(built)
    assert result.returncode == 0, result.stdout + result.stderr
    seed_paragraph = "Hong Kong is an important hub for international aviation"
    for pdf in pdfs(built, SEED):
        assert squash(seed_paragraph) in pdf_text(pdf)
    regenerated = docx.Document(str(draft_path(built)))
    assert [p.style.name for p in regenerated.paragraphs if p.style.name == "Heading 1"]


def test_an_old_copy_saved_after_edits_made_in_a_later_draft_is_refused(built):
    """An editor's copy is imported; another editor edits the draft written from it, and that
    is imported; the first copy, saved again as it was (a window left open), would undo the
    second editor's edit and is refused, the edit kept."""
    first = docx.Document(str(draft_path(built)))
    opening = next(p for p in first.paragraphs if p.style.name == "Body Text")
    opening.runs[0].text = opening.runs[0].text.replace("The year 2024", "The remarkable year 2024")
    first.save(str(draft_path(built)))
    first_copy = draft_path(built).read_bytes()
    assert doit(built).returncode == 0

    second = docx.Document(str(draft_path(built)))
    later = [p for p in second.paragraphs if p.style.name == "Body Text"][1]
    later.runs[0].text = "The second editor's words. " + later.runs[0].text
    second.save(str(draft_path(built)))
    assert doit(built).returncode == 0

    draft_path(built).write_bytes(first_copy)
    assert_refused(built, f"output/{SEED}/{SEED}.docx: was edited from a draft written before"
                          " edits already imported, and would undo them")
    assert "The second editor" in (built / "source" / f"{SEED}.md").read_text()


def test_a_second_editors_copy_of_the_same_draft_is_refused_the_first_saving_again_is_not(built):
    """Two editors each edit a copy of one draft: the first saved is imported; the second,
    still holding the paragraph the first changed as it was, would undo that edit and is
    refused; the first editor saving again from the same window (the edit, and more) is
    imported."""
    original = draft_path(built).read_bytes()
    first = docx.Document(str(draft_path(built)))
    opening = next(p for p in first.paragraphs if p.style.name == "Body Text")
    opening.runs[0].text = opening.runs[0].text.replace("The year 2024", "The remarkable year 2024")
    first.save(str(draft_path(built)))
    assert doit(built).returncode == 0

    saved_with(built, original, "The second editor's addition.")
    assert_refused(built, f"output/{SEED}/{SEED}.docx: was edited from a draft written before"
                          " edits already imported, and would undo them: it holds 'The year 2024")
    assert "The remarkable year 2024" in (built / "source" / f"{SEED}.md").read_text()

    first.add_paragraph("The first editor's later addition.", style="Body Text")
    first.save(str(draft_path(built)))
    assert doit(built).returncode == 0
    markup = (built / "source" / f"{SEED}.md").read_text()
    assert "The remarkable year 2024" in markup
    assert "The first editor’s later addition." in markup
