"""The build steps: each reads its inputs from a project, runs a reader, a writer or a check,
and writes its outputs atomically.

Heavy libraries (WeasyPrint, python-docx) are imported inside the steps that use
them, so declaring tasks stays cheap.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from pipeline import files
from pipeline.errors import PipelineError, RenderingError
from pipeline.tasks.drafts import REPORT_DIGEST, digest
from pipeline.tasks.project import DRAFT_LAYOUT, Project

PROBLEMS_IN_ERROR = 2  # failed preflight checks named in the one-line error; the report has all


def build_model(root: Path, name: str) -> str | None:
    """Source (scraped text, or marked-up text holding DOCX edits) -> the document model, read
    by the reader of its kind (readers/registry.py); then the editions of the layouts its
    metadata no longer names are removed. Returned: the lines saying what the draft's import
    read otherwise than it stands (drafts.breaks_joined) and which editions went
    (`drop_editions`), if any."""
    from pipeline.model import refuse_too_many_texts, to_json
    from pipeline.readers.metadata import load_metadata
    from pipeline.readers.registry import READERS
    from pipeline.tasks import drafts

    project = checked(root, name)
    metadata = load_metadata(project.metadata(name), project.layouts())
    state = drafts.load_state(project.draft_state(name))
    imported = None
    if drafts.edited(project.docx(name), state):
        imported = drafts.import_draft(project, name, metadata, state)
    else:
        drafts.refuse_stale_markup(project, name, state)
        drafts.sources_changed(project, name, state)
    source = project.text_source(name)
    document, report = READERS[source.suffix.lower()](source, metadata, project.source_dir)
    refuse_too_many_texts(document, source)
    files.write_json(project.dedupe_report(name), report)
    files.write_json(project.model(name), to_json(document))
    dropped = drop_editions(project, name, metadata.layouts,
                            drafts.vanished_layouts(project, state))
    state["sources"] = drafts.digests(project.inputs(name))
    state["layouts"] = project.layouts()
    files.write_json(project.draft_state(name), state)
    unused = unused_figures(document, metadata, project.metadata(name).relative_to(root))
    untitled = None if metadata.title else titled_by_file_name(project, name, document)
    return "\n".join(line for line in (imported, dropped, unused, untitled) if line) or None


def titled_by_file_name(project: Project, name: str, document) -> str | None:
    """The line saying the text was titled by its file's name, its text holding no title and
    its metadata giving none (a post with no headline): the editions' title, running heads
    and the PDF's title, which a screen reader announces first, would say the file's name
    unremarked."""
    from pipeline.readers.decoding import read_source
    from pipeline.readers.front_matter import title_from_name

    title = document.metadata.title
    source = project.text_source(name)
    if title != title_from_name(name) or (
            " ".join(title.split()).casefold() in " ".join(read_source(source).split()).casefold()):
        return None
    toml = project.metadata(name).relative_to(project.root)
    return (f"{source.relative_to(project.root)}: titled {title!r} after its file's name, the "
            f"text holding no title and {toml} giving none; give it one as `title` in {toml}")


def unused_figures(document, metadata, toml: Path) -> str | None:
    """The line saying which figures the metadata file gives a picture or a description
    (`[images]`, `[alt]`) that the text does not hold (a typed number, or a caption whose
    figure an editor retyped as a new one): printed nowhere, which would go unseen."""
    held = {figure.number for figure in document.figures}
    named = sorted((set(metadata.images) | set(metadata.alt)) - held)
    if not named:
        return None
    listed = ", ".join(map(str, named))
    return (f"{toml}: [images] or [alt] names figure{'s' * (len(named) > 1)} {listed}, which "
            f"the text does not hold (its figures: {', '.join(map(str, sorted(held))) or 'none'})"
            "; its picture is printed nowhere")


def drop_editions(project: Project, name: str, wanted: tuple[str, ...],
                  vanished: list[str]) -> str | None:
    """Remove the editions of document `name` in the layouts its metadata no longer names
    (`wanted`), and in those deleted from layouts/ since its model was last built
    (`vanished`): no task builds them any more, and an edition left under its own name,
    older than the text, would be sent to press or published as if current. Only what the
    build wrote goes (PDF, previews, preflight report); the DOCX draft is every document's.
    The model task does this, as it is the one that reads the metadata again when it
    changes, and runs again when the layouts do. The console's line, when there was any such
    edition."""
    named = project.layouts_of(wanted)
    dropped = [layout for layout in project.layouts() if layout not in named]
    project.refuse_escapes(name, [*dropped, *vanished])
    removed = [layout for layout in dropped if remove_edition(project, name, layout)]
    gone = [layout for layout in vanished if remove_edition(project, name, layout)]
    if not removed and not gone:
        return None
    reasons = [f"{project.metadata(name).relative_to(project.root)} names "
               f"{' and '.join(named)} only"] if removed else []
    if gone:
        reasons.append(f"{project.layouts_dir.relative_to(project.root)}/ holds no "
                       f"{' or '.join(gone)} layout any more")
    both = sorted([*removed, *gone])
    editions = f"edition{'s' * (len(both) != 1)}"
    return (f"removed the {' and '.join(both)} {editions} of {name} (PDF, previews, "
            f"preflight report in {project.output_dir(name).relative_to(project.root)}/): "
            f"{'; '.join(reasons)}")


def remove_edition(project: Project, name: str, layout: str) -> bool:
    """Remove an edition's PDF (or the file it was set aside as), preflight report and
    previews; whether there was any of them."""
    from pipeline.checks.preview import remove_stale

    removed = [files.remove(path) for path in (project.pdf(name, layout),
                                               project.failed_pdf(name, layout),
                                               project.preflight_report(name, layout))]
    previews = remove_stale(project.preview_dir(name), f"{name}-{layout}", 0, 0)
    return any(removed) or previews


def checked(root: Path, name: str, *layouts: str) -> Project:
    """The project, once document `name`'s files and those of `layouts` are known to lie in
    it (Project.refuse_escapes): every step asks this before it opens a file."""
    project = Project(Path(root))
    project.refuse_escapes(name, layouts)
    return project


def load_document(project: Project, name: str):
    from pipeline.model import from_json

    document = from_json(files.read_json(project.model(name)))
    project.refuse_escapes_of_pictures(figure.image for figure in document.figures)
    return document


def build_pdf(root: Path, name: str, layout_name: str) -> None:
    from pipeline.layouts import check_fonts, load_layout
    from pipeline.writers.registry import WRITERS

    project = checked(root, name, layout_name)
    layout = load_layout(project.layouts_dir, layout_name)
    if layout.hyphenation.enabled:
        layout = layout.with_exceptions(user_exceptions(project, name))
    check_fonts(layout)
    try:
        pdf = WRITERS["pdf"](load_document(project, name), layout, project.source_dir)
    except RenderingError as error:
        raise PipelineError(project.text_source(name), str(error)) from None
    files.write_bytes(project.pdf(name, layout_name), pdf)


def user_exceptions(project: Project, name: str) -> tuple[str, ...]:
    """The hyphenation exceptions of the project and of document `name`, the document's last
    (Project.exceptions_files): the pdf tasks of the layouts that hyphenate depend on them."""
    from pipeline.layouts import hyphenation_exceptions
    from pipeline.readers.metadata import load_hyphenation

    listed, metadata = project.exceptions_files(name)
    return (*hyphenation_exceptions(listed), *load_hyphenation(metadata))


def check_pdf(root: Path, name: str, layout_name: str) -> None:
    """Preflight a PDF edition: a JSON report always; errors fail, naming the first checks.

    A PDF that fails (or that the check cannot read) is renamed <name>-<layout>.FAILED.pdf,
    so nothing under an edition's own name has failed; one that passes removes an earlier
    build's failed file. The check runs after the preview (dodo.py), the other step reading
    the PDF, so no step finds the file gone from under it."""
    from pipeline.checks.preflight import preflight
    from pipeline.layouts import load_layout

    project = checked(root, name, layout_name)
    pdf, failed = project.pdf(name, layout_name), project.failed_pdf(name, layout_name)
    try:
        report = preflight(pdf, load_document(project, name),
                           load_layout(project.layouts_dir, layout_name), project.source_dir)
    except Exception:
        set_aside(pdf, failed)
        raise
    report_path = project.preflight_report(name, layout_name)
    # The PDF's digest: the summary shows a verdict only beside the PDF it was given to.
    files.write_json(report_path, {**report.to_json(), REPORT_DIGEST: digest(pdf)})
    if not report.errors:
        failed.unlink(missing_ok=True)
        return
    set_aside(pdf, failed)
    named = "; ".join(f"{check.rule}: {check.message}"
                      for check in report.errors[:PROBLEMS_IN_ERROR])
    more = len(report.errors) - PROBLEMS_IN_ERROR
    rest = f"; {more} more in {report_path.name}" if more > 0 else ""
    raise PipelineError(failed.relative_to(project.root),
                        f"failed its preflight with {len(report.errors)} "
                        f"error{'s' * (len(report.errors) != 1)}: {named}{rest}")


def set_aside(pdf: Path, failed: Path) -> None:
    """`pdf` renamed `failed` in one step (replacing an earlier failed file): at no moment is
    there neither, or a failed file under the edition's own name."""
    with contextlib.suppress(FileNotFoundError):  # no PDF: nothing to set aside
        os.replace(pdf, failed)


def clean_check(root: Path, name: str, layout_name: str) -> None:
    """`doit clean` removes the preflight's report and any PDF it set aside as failed."""
    project = checked(root, name, layout_name)
    files.remove(project.preflight_report(name, layout_name))
    files.remove(project.failed_pdf(name, layout_name))
    remove_empty_folders(project, name)


def clean_pdf(root: Path, name: str, layout_name: str) -> None:
    """`doit clean` removes the edition's PDF."""
    project = checked(root, name, layout_name)
    files.remove(project.pdf(name, layout_name))
    remove_empty_folders(project, name)


def clean_model(root: Path, name: str, *dropped: str) -> None:
    """`doit clean` removes the model and the deduplication report, and the editions of the
    layouts the document no longer names (`dropped`), which no task of its cleans."""
    project = checked(root, name, *dropped)
    files.remove(project.model(name))
    files.remove(project.dedupe_report(name))
    for layout in dropped:
        remove_edition(project, name, layout)
    remove_empty_folders(project, name)


def clean_left_behind(root: Path, name: str) -> str | None:
    """`doit clean` removes what was built for a text since removed from source/, which has
    no task of its own: every file a task of its would clean."""
    clean_model(root, name, *Project(Path(root)).layouts())
    return clean_draft(root, name)


def remove_empty_folders(project: Project, name: str) -> None:
    """The folders the build made for document `name`, once cleaning left them empty
    (anything else in them keeps them)."""
    for folder in (project.preview_dir(name), project.output_dir(name), project.output_root):
        files.remove_empty(folder)


def preview_pdf(root: Path, name: str, layout_name: str) -> None:
    """A PNG of each page and a contact sheet, to look at before anything goes to print."""
    from pipeline.checks.preview import render_previews

    project = checked(root, name, layout_name)
    render_previews(project.pdf(name, layout_name), project.preview_dir(name),
                    f"{name}-{layout_name}")


def build_docx(root: Path, name: str) -> str | None:
    """The DOCX draft, regenerated from the model, never over an edit not yet imported; nor
    under an editor's window (Word or LibreOffice has it open): then it is left, the build
    says so in a note, and it is replaced at the first build after it is closed."""
    from pipeline.layouts import load_layout
    from pipeline.tasks import drafts
    from pipeline.writers.registry import WRITERS

    project = checked(root, name, DRAFT_LAYOUT)
    docx = project.docx(name)
    state = drafts.load_state(project.draft_state(name))
    if drafts.edited(docx, state):
        raise edited_during_build(project, docx)
    if (lock := drafts.open_lock(docx)) is not None:
        state[drafts.PENDING] = True
        files.write_json(project.draft_state(name), state)
        return (f"{docx.relative_to(project.root)} is open in Word or LibreOffice ({lock.name}"
                " beside it), so it was not replaced; the first doit after it is closed"
                " replaces it (delete that file if no program has the draft open)")
    layout = load_layout(project.layouts_dir, DRAFT_LAYOUT)
    try:
        draft = WRITERS["docx"](load_document(project, name), layout, project.source_dir)
    except RenderingError as error:  # a picture that cannot be read, named as the PDFs name it
        raise PipelineError(project.text_source(name), str(error)) from None
    if not drafts.replace_draft(docx, draft.data, state):
        raise edited_during_build(project, docx)
    state["written"] = drafts.digest_of(draft.data)
    state.pop(drafts.PENDING, None)
    drafts.draft_written(state, draft.identity)
    # What each figure's picture was, to tell a picture the editor replaced from it.
    state[drafts.PICTURES] = {str(number): picture for number, picture
                              in sorted(draft.pictures.items())}
    files.write_json(project.draft_state(name), state)
    return None


def edited_during_build(project: Project, docx: Path) -> PipelineError:
    return PipelineError(docx.relative_to(project.root),
                         "was edited during the build and is kept; run doit again to import it")


def clean_draft(root: Path, name: str) -> str | None:
    """`doit clean` removes the draft only when it holds no edit the pipeline has not read
    (the line saying it was kept), and with its bookkeeping the editions of the layouts
    deleted since the model was built."""
    from pipeline.tasks import drafts
    project = checked(root, name)
    docx = project.docx(name)
    state = drafts.load_state(project.draft_state(name))
    if drafts.edited(docx, state):
        return f"kept {docx.relative_to(project.root)}: it holds edits not yet imported"
    # The bookkeeping is all that names the layouts deleted from layouts/ since the model
    # was built: their editions go before it does.
    vanished = drafts.vanished_layouts(project, state)
    project.refuse_escapes(name, vanished)
    for layout in vanished:
        remove_edition(project, name, layout)
    files.remove(docx)
    files.remove(project.draft_state(name))
    remove_empty_folders(project, name)
    return None


def clean_previews(root: Path, name: str, layout_name: str) -> None:
    """`doit clean` removes an edition's page pictures and contact sheets, and nothing else."""
    from pipeline.checks.preview import remove_stale

    project = checked(root, name, layout_name)
    remove_stale(project.preview_dir(name), f"{name}-{layout_name}", 0, 0)
    remove_empty_folders(project, name)
