"""A draft saved with no edit (opened and saved again, LibreOffice's autosave) makes no
marked-up source, so the text stays the source and a correction to it still builds; an
imported draft's title and subtitle, the same as the metadata file's, are left to it, so a
later change there takes effect."""

from __future__ import annotations

import shutil
from dataclasses import replace

import docx
import pytest

from pipeline import files
from pipeline.model import Document, Heading, Metadata, Paragraph, Span, from_json, to_json
from pipeline.readers.decoding import read_source
from pipeline.readers.markup import read_markup
from pipeline.tasks import drafts
from pipeline.tasks.project import Project
from pipeline.writers.docx.draft import write_draft

from .conftest import ROOT
from .support import SEED, copy_project, doit, libreoffice, pdf_text, squash
from .test_docx_edits import LAYOUT
from .test_docx_reader import edited, paragraph_starting
from .test_draft_pictures import METADATA, NAME, project  # noqa: F401 (a fixture)


def import_now(project) -> str | None:  # noqa: F811 (the fixture's name)
    return drafts.import_draft(project, NAME, METADATA,
                               drafts.load_state(project.draft_state(NAME)))


def test_a_draft_saved_with_no_edit_makes_no_marked_up_source(project):  # noqa: F811
    saved = docx.Document(str(project.docx(NAME)))
    saved.save(str(project.docx(NAME)))
    state = drafts.load_state(project.draft_state(NAME))
    assert drafts.edited(project.docx(NAME), state)
    assert import_now(project) is None  # nothing to tell
    assert not project.markup(NAME).exists()
    assert not drafts.edited(project.docx(NAME), drafts.load_state(project.draft_state(NAME)))


def test_the_build_says_where_an_editor_s_edits_went(project):  # noqa: F811
    edited(project.docx(NAME), lambda draft: paragraph_starting(draft, "Fares").add_run(" Again."))
    docx_path = project.docx(NAME).relative_to(project.root)
    markup = project.markup(NAME).relative_to(project.root)
    assert import_now(project) == (f"{docx_path}: its edits imported into {markup}, the text "
                                   "every edition is built from")


def test_a_title_the_same_as_the_metadata_file_s_is_left_to_it(project):  # noqa: F811
    edited(project.docx(NAME), lambda draft: paragraph_starting(draft, "Fares").add_run(" Again."))
    import_now(project)
    markup = project.markup(NAME)
    header = read_source(markup).split("\n\n")[0].split("\n")
    assert header == ["Title:"]
    retitled = replace(METADATA, title="A Year at the Piers", subtitle="Our ferries in 2024")
    document = read_markup(read_source(markup), markup, retitled, project.source_dir)
    assert (document.metadata.title, document.metadata.subtitle) == (
        "A Year at the Piers", "Our ferries in 2024")


@pytest.mark.slow
def test_a_draft_re_saved_in_libreoffice_leaves_the_text_to_correct(tmp_path):
    """Opened and saved in LibreOffice, unchanged: a correction to the text then builds
    into every edition, where it had been refused as if the draft held edits."""
    folder = copy_project(tmp_path / "project", library=False)
    assert doit(folder).returncode == 0
    draft = folder / "output" / SEED / f"{SEED}.docx"
    out = tmp_path / "saved"
    libreoffice(tmp_path / "lo", "--convert-to", "docx", "--outdir", str(out), str(draft))
    shutil.copy(out / draft.name, draft)
    assert doit(folder).returncode == 0
    assert not (folder / "source" / f"{SEED}.md").exists()
    text = folder / "source" / f"{SEED}.txt"
    text.write_text(read_source(text).replace("two buildings", "twin buildings"),
                    encoding="utf-8")
    result = doit(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert squash("twin buildings") in squash(pdf_text(folder / "output" / SEED / f"{SEED}-print.pdf"))


@pytest.mark.parametrize("lock", [".~lock.{}#", "~${}"])
def test_a_draft_open_in_word_or_libreoffice_is_not_replaced(project, lock):  # noqa: F811
    """The lock file LibreOffice (`.~lock.<name>#`) or Word (`~$…`) keeps beside the draft it
    has open: the draft is not replaced under the editor's window (whose next save would
    then be refused as made from an older draft), and the build says so in a note, not a
    failure (every build had failed while the editor kept the draft open, as one works);
    the first build after it is closed replaces it."""
    from pipeline.tasks.steps import build_docx

    docx_path = project.docx(NAME)
    name = docx_path.name if lock.startswith(".") else docx_path.name[2:]
    held = docx_path.parent / lock.format(name)
    held.write_bytes(b"")
    before = docx_path.read_bytes()
    note = build_docx(project.root, NAME)
    assert "is open in Word or LibreOffice" in note and "\n" not in note
    assert docx_path.read_bytes() == before
    assert not drafts.draft_current(project, NAME)  # due again at the next build
    held.unlink()
    shutil.copytree(ROOT / "layouts", project.root / "layouts")
    assert build_docx(project.root, NAME) is None
    assert drafts.draft_current(project, NAME)


def drafted(folder, written: Document, text: str, toml: str = "") -> Project:
    """A project whose draft of `written` (from its source `text`, and metadata file `toml`
    if any) the pipeline wrote, its model and bookkeeping kept."""
    made = Project(folder)
    name = written.name
    made.source_dir.mkdir(parents=True)
    if toml:
        made.metadata(name).write_text(toml, encoding="utf-8")
    made.scraped(name).write_text(text, encoding="utf-8")
    draft = write_draft(written, LAYOUT, made.source_dir)
    made.docx(name).parent.mkdir(parents=True)
    made.docx(name).write_bytes(draft.data)
    files.write_json(made.model(name), to_json(written))
    files.write_json(made.draft_state(name), {
        "written": drafts.digest_of(draft.data), "sources": drafts.digests(made.inputs(name))})
    return made


def test_a_chinese_draft_saved_with_no_edit_makes_no_marked_up_source(tmp_path):
    """A Chinese text whose metadata file names no language (its text's characters say it):
    its draft opened and saved, unchanged, makes no marked-up source (it had been read in
    the metadata's default language, and so taken for an edit)."""
    metadata = Metadata(title="主席報告")
    written = Document("report", replace(metadata, language="zh-HK"), None, (
        Paragraph((Span("本會全年服務人次達186萬，較去年上升約12%。"),)),
        Paragraph((Span("感謝各位義工的支持。"),))))
    chinese = drafted(tmp_path, written, "本會全年服務人次達186萬。\n", 'title = "主席報告"\n')
    docx.Document(str(chinese.docx("report"))).save(str(chinese.docx("report")))
    said = drafts.import_draft(chinese, "report", metadata,
                               drafts.load_state(chinese.draft_state("report")))
    assert said is None and not chinese.markup("report").exists()


# Texts with no metadata file, whose words give their front matter: a title and a subtitle
# over the text, the body a page's footer or a sign-off names, the date of a dateline or a
# sign-off, a byline, its poster or signatory the author; in English and in Chinese.
INFERRED = ROOT / "tests" / "texts" / "inferred_front"
INFERRED_NAMES = sorted(path.stem for path in INFERRED.glob("*.txt"))


def inferred_drafts(folder) -> Project:
    """A project holding the INFERRED texts and no metadata file, each text's model and draft
    built as the build builds them."""
    from pipeline.tasks.steps import build_docx, build_model

    made = Project(copy_project(folder, library=False))
    for name in INFERRED_NAMES:
        shutil.copy(INFERRED / f"{name}.txt", made.source_dir)
        assert build_model(made.root, name) is None
        assert build_docx(made.root, name) is None
    return made


def built_model(made: Project, name: str) -> Document:
    return from_json(files.read_json(made.model(name)))


def test_the_front_matter_a_text_gives_survives_its_draft_saved_with_no_edit(tmp_path):
    """A text with no metadata file, its organisation, date, author and language given by
    its words (a footer, a dateline, a sign-off): its draft opened and saved with no edit is
    read as holding none, and the model stays as built (the organisation, and the author
    its poster or signatory is, had been lost as the draft was read, and the draft taken for
    an edit, imported into a marked-up source without them)."""
    from pipeline.tasks.steps import build_model

    made = inferred_drafts(tmp_path / "project")
    for name in INFERRED_NAMES:
        before = made.model(name).read_bytes()
        docx.Document(str(made.docx(name))).save(str(made.docx(name)))
        assert build_model(made.root, name) is None, name
        assert not made.markup(name).exists(), name
        assert made.model(name).read_bytes() == before, name


@pytest.mark.slow
def test_the_front_matter_a_text_gives_survives_its_draft_re_saved_in_libreoffice(tmp_path):
    """As above, the drafts opened and saved again in LibreOffice."""
    from pipeline.tasks.steps import build_model

    made = inferred_drafts(tmp_path / "project")
    saved = tmp_path / "saved"
    libreoffice(tmp_path / "lo", "--convert-to", "docx", "--outdir", str(saved),
                *(str(made.docx(name)) for name in INFERRED_NAMES))
    for name in INFERRED_NAMES:
        before = made.model(name).read_bytes()
        shutil.copy(saved / made.docx(name).name, made.docx(name))
        assert build_model(made.root, name) is None, name
        assert made.model(name).read_bytes() == before, name


@pytest.mark.parametrize("style", ["Title", "Subtitle", "Byline", "Body Text"])
def test_an_edit_to_a_draft_keeps_the_front_matter_its_text_gave(tmp_path, style):
    """An editor's change to the title, the subtitle, the byline or the text of a draft whose
    text gave its own front matter is imported, and the marked-up source built from then on
    keeps what the draft holds nowhere: the organisation, the date and the language (the
    organisation had been lost), and the author the editions' properties name."""
    from pipeline.tasks.steps import build_model

    made = inferred_drafts(tmp_path / "project")
    for name in INFERRED_NAMES:
        written = built_model(made, name)
        draft = docx.Document(str(made.docx(name)))
        styled = [paragraph for paragraph in draft.paragraphs if paragraph.style.name == style]
        if not styled:
            continue
        styled[0].add_run(", Honorary Secretary" if style == "Byline" else " Revised")
        draft.save(str(made.docx(name)))
        build_model(made.root, name)
        assert made.markup(name).exists(), name
        document, meta = built_model(made, name), written.metadata
        assert (document.metadata.organisation, document.metadata.date,
                document.metadata.language, document.author) == (
            meta.organisation, meta.date, meta.language, written.author), name
        edited_front = {"Title": (document.metadata.title, f"{meta.title} Revised"),
                        "Subtitle": (document.metadata.subtitle, f"{meta.subtitle} Revised"),
                        "Byline": (document.byline and document.byline.role,
                                   "Honorary Secretary")}
        if style in edited_front:
            assert edited_front[style][0] == edited_front[style][1], name
        else:
            assert document.blocks != written.blocks, name


@pytest.mark.parametrize(("name", "signed", "resigned"), [
    ("lantern-society-letter", "14\u00a0June 2025", "21\u00a0June 2025"),
    ("lantern-society-letter-zh", "二〇二五年六月十四日", "二〇二五年六月二十一日")])
def test_a_date_changed_in_a_drafts_sign_off_dates_the_editions(tmp_path, name, signed, resigned):
    """A text with no metadata file, dated by its sign-off: the editor changes the date under
    the signature, and the editions are dated so (the date as built had been kept over it,
    written into the marked-up source's header)."""
    from pipeline.tasks.steps import build_model

    made = inferred_drafts(tmp_path / "project")
    draft = docx.Document(str(made.docx(name)))
    for run in (run for paragraph in draft.paragraphs for run in paragraph.runs):
        run.text = run.text.replace(signed, resigned)
    draft.save(str(made.docx(name)))
    build_model(made.root, name)
    assert "Date:" not in read_source(made.markup(name))
    assert built_model(made, name).metadata.date == "2025-06-21"


def test_a_draft_whose_title_was_deleted_is_refused_where_the_metadata_gives_none(tmp_path):
    """The draft's Title paragraph deleted, the metadata file naming no title (the text
    gave it): refused in one line naming the draft, nothing written (its file's name had
    titled every edition, and kept a title given later in the metadata file from them)."""
    from pipeline.errors import PipelineError

    written = Document("update", Metadata(title="Winter repairs update"), None, (
        Paragraph((Span("We have cleared 410 of the 520 repairs reported in December."),)),))
    untitled = drafted(tmp_path, written, "Winter repairs update\n\nWe have cleared 410.\n")
    edited_draft = docx.Document(str(untitled.docx("update")))
    for paragraph in edited_draft.paragraphs:
        if paragraph.style.name == "Title":
            paragraph._element.getparent().remove(paragraph._element)
    edited_draft.save(str(untitled.docx("update")))
    with pytest.raises(PipelineError, match="has no title"):
        drafts.import_draft(untitled, "update", Metadata(title=""),
                            drafts.load_state(untitled.draft_state("update")))
    assert not untitled.markup("update").exists()


# A heading the editor styled past the level below the one before (a Heading 3 under a
# Heading 1), in English and in Chinese: the editions read it a level up.
SECTIONED = {
    "English": (Document("review", Metadata(title="Annual Review 2024"), None, (
        Heading("Our services", 1),
        Paragraph((Span("The clinic saw 4,200 families this year."),)),
        Heading("Outreach", 2),
        Paragraph((Span("Two vans now visit the outlying villages."),)))),
        "The clinic saw", "Training our volunteers"),
    "Chinese": (Document("review", Metadata(title="年報", language="zh-HK"), None, (
        Heading("服務發展", 1),
        Paragraph((Span("本年度共服務四千二百個家庭。"),)),
        Heading("外展服務", 2),
        Paragraph((Span("兩部流動車定期探訪離島村落。"),)))),
        "本年度共服務", "義工培訓"),
}


def sectioned_draft(folder, language: str, style: str) -> tuple[Project, str]:
    """The project of SECTIONED's `language` text, its draft edited: a heading in `style`
    added under the first heading's paragraph. Returned with the heading's words."""
    written, after, words = SECTIONED[language]
    made = drafted(folder, written, f"{written.metadata.title}\n\n{after}\n",
                   f'title = "{written.metadata.title}"\n')
    edited(made.docx("review"), lambda draft: paragraph_starting(draft, after)._p.addnext(
        draft.add_paragraph(words, style=style)._p))
    return made, words


def import_review(made: Project, language: str) -> str | None:
    """What the build says importing the edited draft of SECTIONED's `language` text."""
    metadata = Metadata(title=SECTIONED[language][0].metadata.title)  # as its file gives
    return drafts.import_draft(made, "review", metadata,
                               drafts.load_state(made.draft_state("review")))


@pytest.mark.parametrize("language", SECTIONED)
def test_a_heading_that_would_skip_a_level_is_said_to_be_read_a_level_up(tmp_path, language):
    """A Heading 3 added under a Heading 1 is imported as the editor styled it, and the build
    says, in a line of its own, the level every edition reads it at (it had been read a level
    up with no word to the editor, the rebuilt draft showing it so)."""
    made, words = sectioned_draft(tmp_path, language, "Heading 3")
    said = import_review(made, language)
    docx_path = made.docx("review").relative_to(made.root)
    assert said.split("\n")[1:] == [
        f"{docx_path}: '{words}' is read as Heading 2: a heading skips no level"]
    document = read_markup(read_source(made.markup("review")), made.markup("review"),
                           SECTIONED[language][0].metadata, made.source_dir)
    assert [(block.text, block.level) for block in document.blocks
            if isinstance(block, Heading)][:2] == [(SECTIONED[language][0].blocks[0].text, 1),
                                                   (words, 2)]


@pytest.mark.parametrize("language", SECTIONED)
def test_a_heading_one_level_below_the_one_before_is_nothing_to_tell(tmp_path, language):
    made, _ = sectioned_draft(tmp_path, language, "Heading 2")
    said = import_review(made, language)
    assert "\n" not in said and "is read as Heading" not in said


def test_a_text_changed_after_a_drafts_edits_were_imported_names_where_to_correct_it(
        project):  # noqa: F811
    """The text corrected once the draft's edits are in the marked-up source: refused in one
    line naming the three ways on, among them the correction made in the marked-up source or
    the draft, which keeps the edits (the line had offered only to drop them or to undo)."""
    from pipeline.errors import PipelineError

    edited(project.docx(NAME), lambda draft: paragraph_starting(draft, "Fares").add_run(" Again."))
    import_now(project)
    project.scraped(NAME).write_text("The new pier opened in April.\n", encoding="utf-8")
    with pytest.raises(PipelineError) as raised:
        drafts.refuse_stale_markup(project, NAME, drafts.load_state(project.draft_state(NAME)))
    said = str(raised.value)
    assert "\n" not in said
    assert said.startswith(f"source/{NAME}.txt: changed, but source/{NAME}.md")
    assert f"make the correction in source/{NAME}.md or in the draft instead" in said
    assert f"delete source/{NAME}.md" in said
