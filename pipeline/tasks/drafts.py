"""The DOCX draft's bookkeeping: what the pipeline last wrote and read.

The pipeline keeps, beside each draft, the digest of the DOCX it wrote and of the
source files it built from. A DOCX on disk with another digest was edited by
someone; a source file with another digest was changed by someone. Knowing both
is what lets an editor's changes flow into every edition and never be lost.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import files
from pipeline.errors import PipelineError, excerpt
from pipeline.tasks.project import Project, path_name

if TYPE_CHECKING:  # the model's import is not paid by declaring the tasks, which needs this
    from pipeline.model import Metadata

# Where the bookkeeping keeps the digest of each figure's picture in the draft it wrote.
PICTURES = "pictures"
# Where the bookkeeping keeps the identities of the drafts written since the sources last
# changed otherwise than by an import: a draft edited from one of them undoes no change.
DRAFTS = "drafts"
# Where it keeps, for each such draft, the digests of the blocks that imports made since it was
# written replaced (from it or from a later draft): a draft edited from it that still holds
# one was edited beside those edits (a second editor's copy, an old copy saved again), not
# after them, and would undo them.
SUPERSEDED = "superseded"
# Where a preflight report keeps the digest of the PDF it checked.
REPORT_DIGEST = "pdf_sha256"
# The digest of a file that cannot be read: never one the bookkeeping holds, so the task
# runs, and its step says what is wrong.
UNREADABLE = "unreadable"
# The draft the model was last built into waits to be written: Word or LibreOffice had the
# old one open.
PENDING = "pending"


def digest(path: Path) -> str | None:
    """The digest of the file `path`, None when there is none."""
    try:
        return digest_of(path.read_bytes())
    except FileNotFoundError:
        return None
    except OSError:
        return UNREADABLE


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digests(paths: list[Path]) -> dict[str, str | None]:
    return {path.name: digest(path) for path in paths}


def load_state(path: Path) -> dict:
    try:
        state = files.read_json(path)
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def known_versions(state: dict) -> set[str]:
    """The DOCX versions the pipeline knows: the one it wrote and the last one it imported."""
    return {state[key] for key in ("written", "imported") if state.get(key)}


def edited(docx: Path, state: dict) -> bool:
    """Whether the DOCX on disk is one the pipeline neither wrote nor imported.

    A DOCX found with no bookkeeping at all counts as edited: it may be an editor's.
    """
    return is_edit(digest(docx), state)


def is_edit(version: str | None, state: dict) -> bool:
    return version is not None and version not in known_versions(state)


def model_current(project: Project, name: str) -> bool:
    """For doit's `uptodate`: the model is current while its sources are the ones the last
    model build read, the layouts in layouts/ the ones it knew (the metadata's default is
    every layout, and a layout's folder deleted leaves editions to remove), and no edited
    draft waits to be read.

    Digests, not doit's file_dep, because a marked-up source appears when edits are
    imported, and a file_dep list that grows would rebuild once more for nothing. Asked while
    doit decides what to run: a document whose files lead out of the project, or cannot be
    read, is never up to date (its step says why), and nothing of it is read here."""
    if not project.confined(name):
        return False
    state = load_state(project.draft_state(name))
    return (state.get("sources") == digests(project.inputs(name))
            and state.get("layouts") == project.layouts()
            and not edited(project.docx(name), state))


def text_read(project: Project, name: str, state: dict) -> Path:
    """The file document `name`'s text was last read from, as its bookkeeping `state` says:
    the marked-up text when there was one, else the scraped text."""
    sources = state.get("sources") if isinstance(state.get("sources"), dict) else {}
    return project.markup(name) if sources.get(project.markup(name).name) else project.scraped(name)


def renamed_as(project: Project, name: str, state: dict) -> str | None:
    """The document whose text is the one document `name` was last built from, its text since
    gone from source/: the name it was renamed to, when one document alone holds it."""
    sources = state.get("sources") if isinstance(state.get("sources"), dict) else {}
    read = sources.get(text_read(project, name, state).name)
    if not read:
        return None
    holding = [other for other in project.documents()
               if other != name and digest(project.text_source(other)) == read]
    return holding[0] if len(holding) == 1 else None


def draft_current(project: Project, name: str) -> bool:
    """For doit's `uptodate`: no draft waits to be written in place of one an editor had
    open (build_docx)."""
    return not load_state(project.draft_state(name)).get(PENDING)


def vanished_layouts(project: Project, state: dict) -> list[str]:
    """The layouts the model was last built with, as its bookkeeping `state` names them,
    that layouts/ no longer holds (a folder deleted): their editions are no task's."""
    known = state.get("layouts")
    if not isinstance(known, list):
        return []
    return [layout for layout in known if isinstance(layout, str) and path_name(layout)
            and Path(layout).name == layout and layout not in project.layouts()]


def changed_sources(sources: list[Path], state: dict) -> list[Path]:
    """The source files that differ from the ones the last build read."""
    before = state.get("sources")
    if not before:
        return []
    now = digests(sources)
    names = sorted(set(before) | set(now))
    folder = sources[0].parent
    return [folder / name for name in names if before.get(name) != now.get(name)]


# --- The conflict policy -------------------------------------------------------------------


def import_draft(project: Project, name: str, metadata: Metadata, state: dict) -> str | None:
    """An editor's DOCX becomes the document's marked-up source; on conflict, nothing changes.
    Returned: the lines telling the editor where the edits went (if any), and of line
    breaks read as spaces, of bold paragraphs shaped as headings, of page breaks, of
    formatting a heading or the front matter does not keep, of headings read at a higher
    level than their style's and of italic set upright, if any.

    The DOCX is read once: the bytes parsed are the bytes recorded as imported, so a save
    made while they are parsed is a new version, imported by the next build. The model it
    was written from gives its figures' images and alternative text, by their identities;
    a picture the editor put in the draft is taken out of it (media.py).
    """
    from pipeline.readers.docx.draft import MAX_DOCX_BYTES, import_docx
    from pipeline.tasks.media import with_pictures
    from pipeline.writers.markup import write_markup

    docx = project.docx(name)
    changed = changed_sources(project.inputs(name), state)
    if changed:
        names = " and ".join(str(path.relative_to(project.root)) for path in changed)
        raise PipelineError(
            docx.relative_to(project.root),
            f"was edited, and {names} changed too since the last build; keep one change: "
            f"undo the source's, or move the DOCX out of {docx.parent.relative_to(project.root)}/"
            " (the build reads no other file there). Nothing was overwritten",
        )
    data = files.read_at_most(docx, MAX_DOCX_BYTES)
    written = written_document(project, name)
    imported = import_docx(data, docx, metadata, written)
    refuse_older_draft(imported.identity, state, docx.relative_to(project.root))
    refuse_undoing_imports(imported.document, imported.identity, state,
                           docx.relative_to(project.root))
    refuse_unbuildable(imported.document, write_markup(imported.document), docx)
    document = with_pictures(project, name, imported, state.get(PICTURES) or {}, written,
                             metadata)
    markup = write_markup(document, metadata)
    refuse_unbuildable(document, markup, docx)  # its pictures' names in it too
    # A draft saved with no edit (opened and saved, LibreOffice's autosave) makes no marked-up
    # source: the text stays the source, and a correction to it still builds.
    if document != written or project.markup(name).exists():
        files.write_text(project.markup(name), markup)
    if written is not None:
        superseded(state, imported.identity, written, document)
    # Recorded at once: should the build fail further on, the next one must not take the
    # new marked-up text for a change of its own.
    state["imported"] = digest_of(data)
    state["sources"] = digests(project.inputs(name))
    files.write_json(project.draft_state(name), state)
    said = [edits_imported(docx.relative_to(project.root),
                           project.markup(name).relative_to(project.root), document != written),
            breaks_joined(docx.relative_to(project.root), imported.joined),
            bold_lines(docx.relative_to(project.root), imported.bold_lines),
            page_breaks(docx.relative_to(project.root), imported.page_breaks),
            unkept_formatting(docx.relative_to(project.root), imported.unkept_formatting),
            raised_headings(docx.relative_to(project.root), document),
            upright_italics(docx.relative_to(project.root), document),
            unbulleted(docx.relative_to(project.root), imported.unbulleted)]
    return "\n".join(line for line in said if line) or None


def edits_imported(docx: Path, markup: Path, edited: bool) -> str | None:
    """The line saying the editor's edits were read, and where they now stand: the marked-up
    text every edition is built from (a draft saved with no edit says nothing)."""
    if not edited:
        return None
    return f"{docx}: its edits imported into {markup}, the text every edition is built from"


def bold_lines(docx: Path, lines: tuple[str, ...]) -> str | None:
    """The line saying which paragraphs of body text look like headings made by direct
    formatting, which the editions set as bold paragraphs."""
    if not lines:
        return None
    return (f"{docx}: {first_of(lines)} is bold Body Text, which the editions set as a bold "
            "paragraph; if it is a heading, give it a Heading style")


def page_breaks(docx: Path, at: tuple[tuple[str, str], ...]) -> str | None:
    """The line saying where the editor broke the page, which no edition keeps: each lays out
    its own pages, on its own page size. The first break is named by the paragraph it
    stands in, and whether before, after or in its words."""
    if not at:
        return None
    return (f"{docx}: the page break {at[0][0]} {first_of(tuple(text for _, text in at))} is "
            "not kept: each edition breaks its pages as its own page size and type need")


def unkept_formatting(docx: Path, unkept: tuple[tuple[str, str, str], ...]) -> str | None:
    """The line saying which headings and lines of the front matter hold formatting (italic,
    some words bold, underline, small capitals) the editions do not keep, setting each in its
    one style (its phrases in another language keep their language): the first one's
    formatting and place named."""
    if not unkept:
        return None
    formatting, place, _ = unkept[0]
    verb = "are" if formatting.endswith("s") else "is"  # small capitals
    style = ("a heading is set in its level's one style" if place == "heading"
             else f"the {place} is set in its one style")
    return (f"{docx}: the {formatting} in the {place} {first_of(tuple(w for *_, w in unkept))}"
            f" {verb} not kept: {style}")


def raised_headings(docx: Path, document) -> str | None:
    """The line saying which headings the editions read at a higher level than the draft's
    style gave them (a Heading 3 under a Heading 1), as the marked-up source is read: a
    heading skips no level (PDF/UA-1 7.4.2). The first one named with the level it is read
    at."""
    from pipeline.model import Heading, unskipped

    levelled = unskipped(list(document.blocks))
    raised = [(styled.text, read.level)
              for styled, read in zip(document.blocks, levelled, strict=True)
              if isinstance(styled, Heading) and read.level != styled.level]
    if not raised:
        return None
    return (f"{docx}: {first_of(tuple(text for text, _ in raised))} is read as Heading "
            f"{raised[0][1]}: a heading skips no level")


def breaks_joined(docx: Path, joined: tuple[str, ...]) -> str | None:
    """The line saying which paragraphs' line breaks were taken out, their lines run on (with
    a space between words, none between Chinese characters): the editions break a
    paragraph's lines as they set it, and the Lines style keeps lines."""
    if not joined:
        return None
    return (f"{docx}: the line break in {first_of(joined)} was taken out, its lines run on: "
            "the editions break a paragraph's lines as they set it (the Lines style keeps "
            "lines)")


def upright_italics(docx: Path, document) -> str | None:
    """The line saying which italic text the editions set upright: the characters of a
    language without italic (Chinese), which the draft keeps as the editor set it."""
    from pipeline.languages import phrases, profile_for
    from pipeline.model import document_spans

    own = profile_for(document.metadata.language)
    upright = [(span.text, language.name) for spans in document_spans(document) for span in spans
               if span.italic
               for piece, language in ((piece, profile or own)
                                       for piece, profile in phrases(span.text, own))
               if piece.strip() and not language.italic]
    if not upright:
        return None
    texts = tuple(dict.fromkeys(text for text, _ in upright))
    return (f"{docx}: the italic of {first_of(texts)} is set upright in the editions, as "
            f"{upright[0][1]} has no italic; make it bold to emphasise it")


def unbulleted(docx: Path, lists: tuple[str, ...]) -> str | None:
    """The line saying which lists came back with an empty bullet that the draft's lists as
    written do not account for (LibreOffice saves so a pictograph it cannot hold, 👉): the
    editions print their own bullet, never another pictograph silently."""
    if not lists:
        return None
    return (f"{docx}: the list opening {first_of(lists)} was saved with an empty bullet (as "
            "LibreOffice saves a pictograph it cannot hold, such as 👉) and holds no item of a "
            "list the draft was written with: the editions print their own bullet (•); to "
            "bullet it with a pictograph, open its items with it in the marked-up source "
            "(`👉 item`)")


def first_of(paragraphs: tuple[str, ...]) -> str:
    """The first of the paragraphs a notice names, quoted, and how many more there are."""
    more = f" (and {len(paragraphs) - 1} more)" if len(paragraphs) > 1 else ""
    return f"{excerpt(paragraphs[0])}{more}"


def refuse_older_draft(identity: str, state: dict, docx: Path) -> None:
    """A draft edited from one written before the source last changed (kept open in Word
    while the source was changed and rebuilt, then saved) would undo that change unseen.
    One that names no draft (its editor dropped the identity, or it is older than it) is
    read as any."""
    known = state.get(DRAFTS)
    if identity and isinstance(known, list) and identity not in known:
        raise PipelineError(docx, "was edited from an older draft, written before the source"
                                  f" last changed, and would undo that change; {moved_out(docx)}")


def refuse_undoing_imports(document, identity: str, state: dict, docx: Path) -> None:
    """Two editors each editing a copy of one draft, or an old copy of a draft saved after
    edits made in later drafts were imported: imported over those edits, it would undo them
    unseen. The copy an editor saves again from the same window holds its own edits (or its
    later words in their place); a copy holding a block as it was before an import made
    since its draft was written replaced it was edited beside that import. (Two copies
    changing the same block differently cannot be told from one editor's second thoughts:
    the last saved is imported.)"""
    kept = state.get(SUPERSEDED)
    replaced = set(kept.get(identity, ())) if identity and isinstance(kept, dict) else set()
    undone = next((block for block in document.blocks if block_digest(block) in replaced), None)
    if undone is not None:
        raise PipelineError(docx, "was edited from a draft written before edits already"
                                  " imported, and would undo them: it holds"
                                  f" {excerpt(block_words(undone))} as it was before them;"
                                  f" {moved_out(docx)}")


def moved_out(docx: Path) -> str:
    """What to do with a draft that cannot be imported: move it out of its folder (where the
    build would name it a stray), and copy its edits into the draft the build writes."""
    return (f"move it out of {docx.parent}/, run doit, and copy its edits into the new draft."
            " Nothing was overwritten")


def superseded(state: dict, identity: str, written, document) -> None:
    """Keep the blocks of the `written` model that `document`, imported from the draft
    `identity`, replaced or removed: for that draft and every draft written before this
    import, whose copies hold those blocks as they were."""
    kept = state.get(SUPERSEDED) if isinstance(state.get(SUPERSEDED), dict) else {}
    drafts = state.get(DRAFTS) if isinstance(state.get(DRAFTS), list) else []
    now = {block_digest(block) for block in document.blocks}
    replaced = {block_digest(block) for block in written.blocks} - now
    state[SUPERSEDED] = {**kept, **{draft: sorted(set(kept.get(draft, ())) | replaced)
                                    for draft in dict.fromkeys([*drafts, identity]) if draft}}


def block_digest(block) -> str:
    """A block's digest by what an editor writes in a draft: its words and their formatting;
    a figure's by its number and caption (its picture is resolved after, media.py)."""
    from pipeline.model import block_to_json

    written = {key: value for key, value in block_to_json(block).items()
               if key not in ("image", "alt")}
    return digest_of(json.dumps(written, sort_keys=True).encode("utf-8"))


def block_words(block) -> str:
    from pipeline.model import block_spans, plain

    return " ".join(plain(spans) for spans in block_spans(block))


def sources_changed(project: Project, name: str, state: dict) -> None:
    """The sources changed otherwise than by an import: no draft written before is one to
    import from any more."""
    if changed_sources(project.inputs(name), state):
        state[DRAFTS] = []
        state[SUPERSEDED] = {}


def draft_written(state: dict, identity: str) -> None:
    """A draft was written: edits made in it are the source's, as it now is."""
    known = state.get(DRAFTS) if isinstance(state.get(DRAFTS), list) else []
    state[DRAFTS] = known if identity in known else [*known, identity]


def refuse_unbuildable(document, markup: str, docx: Path) -> None:
    """The marked-up source an import would write must be one the build reads: one too large,
    of a line too long or of too many texts would stop every build until the DOCX changed.
    Refused naming the DOCX, before the source is written (and, checked first without the
    names of the pictures taken out, before they are)."""
    from pipeline.model import refuse_too_many_texts
    from pipeline.readers.decoding import MAX_LINE_CHARACTERS, MAX_SOURCE_BYTES, longest_line
    from pipeline.readers.docx.draft import too_large

    size = len(markup.encode("utf-8"))
    if size > MAX_SOURCE_BYTES:
        raise too_large(docx, f"{size:,}")
    if (longest := longest_line(markup)) > MAX_LINE_CHARACTERS:
        raise PipelineError(docx, f"too large to import: its text would make a line of"
                                  f" {longest:,} characters in the marked-up source (a paragraph"
                                  f" or table row); the limit is {MAX_LINE_CHARACTERS:,}")
    refuse_too_many_texts(document, docx)


def written_document(project: Project, name: str):
    """The document the draft was written from (the last model built), whose figures the
    draft's identify; None when there is none to read."""
    from pipeline.model import from_json

    try:
        return from_json(files.read_json(project.model(name)))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def refuse_stale_markup(project: Project, name: str, state: dict) -> None:
    """A scraped text changed after DOCX edits were imported: building either would lose
    something. The line names first the way that keeps both: the text put back as it was,
    and the correction made in the marked-up source (or the draft), which builds."""
    scraped = project.scraped(name)
    changed = changed_sources(project.inputs(name), state)
    if project.markup(name).exists() and scraped in changed:
        relative = scraped.relative_to(project.root)
        markup = project.markup(name).relative_to(project.root)
        raise PipelineError(
            relative,
            f"changed, but {markup} (holding the DOCX edits) is what builds; undo the change "
            f"and make the correction in {markup} or in the draft instead, or delete {markup} "
            f"to build from {relative.name} and drop those edits",
        )


def open_lock(docx: Path) -> Path | None:
    """The lock file Word or LibreOffice keeps beside a document it has open (LibreOffice's
    `.~lock.<name>#`; Word's `~$` over the name's first two characters, or before a short
    name), if there is one: the draft is being edited, and replacing it would leave the
    editor's window saving over a draft it never showed."""
    for name in (f".~lock.{docx.name}#", f"~${docx.name[2:]}", f"~${docx.name}"):
        if (docx.parent / name).exists():
            return docx.parent / name
    return None


def replace_draft(docx: Path, data: bytes, state: dict) -> bool:
    """Put the new draft `data` in place of `docx` unless an editor's version is there;
    return whether it was put in place.

    The old draft is first renamed aside, then checked, and the new one is linked into
    place only if no file has appeared there meanwhile (a link never replaces a file): an
    editor's save at any moment is either found and kept, or lands after the new draft.
    """
    staged = files.staged(docx, data)
    aside = docx.with_name(f".{docx.name}.previous")
    try:
        try:
            os.replace(docx, aside)
        except FileNotFoundError:
            aside = None
        if aside is not None and is_edit(digest(aside), state):
            restore(aside, docx)
            return False
        try:
            os.link(staged, docx)
        except FileExistsError:  # saved while the old draft stood aside
            if aside is not None:
                aside.unlink()
            return False
        if aside is not None and is_edit(digest(aside), state):  # written to while aside
            os.replace(aside, docx)
            return False
        return True
    finally:
        staged.unlink(missing_ok=True)
        if aside is not None:
            aside.unlink(missing_ok=True)


def restore(aside: Path, docx: Path) -> None:
    """Put an editor's draft back; should a newer save stand there already, keep both."""
    try:
        os.link(aside, docx)
    except FileExistsError:
        os.replace(aside, docx.with_name(f"{docx.stem}.kept{docx.suffix}"))
