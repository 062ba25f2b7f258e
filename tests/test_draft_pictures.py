"""A picture the editor put in the DOCX draft (pasted, replaced, or the picture of a new
figure) is taken out of it under source/<name>.media/, as pandoc's --extract-media does, and
named in the marked-up source; the pipeline's own pictures and figures still to come are not."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from PIL import Image

from pipeline import files
from pipeline.errors import PipelineError, RenderingError
from pipeline.layouts import load_layout
from pipeline.model import Document, Figure, Metadata, Paragraph, Span, from_json, to_json
from pipeline.readers.decoding import read_source
from pipeline.readers.markup import read_markup
from pipeline.tasks import drafts
from pipeline.tasks.project import Project
from pipeline.writers.docx.draft import write_draft

from .support import client, copy_project, doit
from .test_docx_edits import LAYOUT, ROOT
from .test_docx_reader import edited, paragraph_starting

NAME = "harbour"
# A ferry company's year: three photographs and one still to come.
METADATA = Metadata(title="A Year on the Ferries", images={1: "photos/pier.png",
                                                           2: "photos/deck.jpg"},
                    alt={2: "Passengers on the upper deck"})
HARBOUR = Document(NAME, METADATA, None, (
    Paragraph((Span("The new pier opened in March."),)),
    Figure(1, (Span("The new pier at Central"),), "photos/pier.png"),
    Paragraph((Span("Ridership rose by a fifth."),)),
    Figure(2, (Span("On the upper deck"),), "photos/deck.jpg", "Passengers on the upper deck"),
    Figure(3, (Span("The night crossing, picture to come"),)),
    Paragraph((Span("Fares held."),)),
))
TOML = '''title = "A Year on the Ferries"

[images]
1 = "photos/pier.png"
2 = "photos/deck.jpg"

[alt]
2 = "Passengers on the upper deck"
'''


def picture(colour: str, kind: str = "PNG", size=(320, 200)) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", size, colour).save(data, kind)
    return data.getvalue()


@pytest.fixture
def project(tmp_path) -> Project:
    """A project whose draft the pipeline wrote from HARBOUR, its bookkeeping kept."""
    project = Project(tmp_path)
    (project.source_dir / "photos").mkdir(parents=True)
    (project.source_dir / "photos" / "pier.png").write_bytes(picture("navy"))
    (project.source_dir / "photos" / "deck.jpg").write_bytes(picture("teal", "JPEG"))
    return drafted(project, HARBOUR, TOML)


def drafted(project: Project, document: Document, toml: str) -> Project:
    """`project` with `document`'s draft written by the pipeline, its bookkeeping kept."""
    project.metadata(NAME).write_text(toml, encoding="utf-8")
    project.scraped(NAME).write_text("The new pier opened in March.\n", encoding="utf-8")
    draft = write_draft(document, LAYOUT, project.source_dir)
    project.docx(NAME).parent.mkdir(parents=True)
    project.docx(NAME).write_bytes(draft.data)
    files.write_json(project.model(NAME), to_json(document))
    state = {"written": drafts.digest_of(draft.data), "sources": drafts.digests(
        project.inputs(NAME)), drafts.PICTURES: {str(n): d for n, d in draft.pictures.items()}}
    files.write_json(project.draft_state(NAME), state)
    return project


def imported(project: Project, metadata: Metadata = METADATA) -> tuple[str, Document]:
    """The marked-up source the edited draft was imported as, and the document it reads."""
    state = drafts.load_state(project.draft_state(NAME))
    drafts.import_draft(project, NAME, metadata, state)
    markup = project.markup(NAME)
    return markup.read_text(encoding="utf-8"), read_markup(read_source(markup), markup,
                                                           metadata, project.source_dir)


def change_picture(draft, caption: str, data: bytes) -> None:
    """Word's Change Picture: the picture above `caption` shows a new image part, its name,
    size and alternative text kept."""
    holder = paragraph_starting(draft, caption)._p.getprevious()
    blip = next(holder.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
    rid, _ = draft.part.get_or_add_image(io.BytesIO(data))
    blip.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed", rid)


def add_figure(draft, before: str, caption: str, data: bytes) -> None:
    """A picture pasted above a new Caption paragraph, before the paragraph `before`."""
    anchor = paragraph_starting(draft, before)
    anchor.insert_paragraph_before("").add_run().add_picture(io.BytesIO(data))
    anchor.insert_paragraph_before(caption, style="Caption")


def test_a_draft_as_written_gives_no_picture_out(project):
    edited(project.docx(NAME), lambda draft: paragraph_starting(draft, "Fares").add_run(" Again."))
    markup, document = imported(project)
    assert not project.media(NAME).exists()
    assert [figure.image for figure in document.figures] == ["photos/pier.png",
                                                             "photos/deck.jpg", None]
    assert "![The night crossing, picture to come]()" in markup


def test_a_changed_picture_is_taken_out_and_named_in_the_source(project):
    new = picture("orange")
    edited(project.docx(NAME), lambda draft: change_picture(draft, "On the upper deck", new))
    markup, document = imported(project)
    assert "![On the upper deck](harbour.media/figure-2.png)" in markup
    assert (project.media(NAME) / "figure-2.png").read_bytes() == new
    assert document.figures[1] == Figure(2, (Span("On the upper deck"),),
                                         "harbour.media/figure-2.png",
                                         "Passengers on the upper deck")
    assert [path.name for path in project.media(NAME).iterdir()] == ["figure-2.png"]


def test_a_new_figures_picture_and_a_picture_for_one_to_come_are_taken_out(project):
    stile, night = picture("olive", "JPEG"), picture("black")

    def edit(draft):
        add_figure(draft, "Ridership", "The stile by the pier", stile)
        add_figure(draft, "The night crossing", "The night crossing", night)
        caption = paragraph_starting(draft, "The night crossing, picture")._p
        caption.getparent().remove(caption)

    edited(project.docx(NAME), edit)
    _, document = imported(project)
    assert [(figure.number, figure.text, figure.image) for figure in document.figures] == [
        (1, "The new pier at Central", "photos/pier.png"),
        (4, "The stile by the pier", "harbour.media/figure-4.jpg"),
        (2, "On the upper deck", "photos/deck.jpg"),
        (5, "The night crossing", "harbour.media/figure-5.png"),
    ]
    assert (project.media(NAME) / "figure-4.jpg").read_bytes() == stile


def test_a_picture_set_in_the_paragraph_over_a_caption_is_that_figure_s(project):
    """Word's Insert > Picture with the cursor at the end of the paragraph right over a
    caption sets the picture in that paragraph: it is the figure's picture, the figure after
    the paragraph; it had been dropped unsaid."""
    fares = picture("black")

    def edit(draft):
        paragraph_starting(draft, "Fares").add_run().add_picture(io.BytesIO(fares))
        draft.add_paragraph("The fare table", style="Caption")

    edited(project.docx(NAME), edit)
    _, document = imported(project)
    assert [type(block).__name__ for block in document.blocks[-2:]] == ["Paragraph", "Figure"]
    assert document.blocks[-1].image == "harbour.media/figure-4.png"
    assert (project.media(NAME) / "figure-4.png").read_bytes() == fares


def test_a_picture_in_a_paragraph_over_no_caption_is_refused_naming_that_paragraph(project):
    edited(project.docx(NAME), lambda draft: paragraph_starting(draft, "Fares").add_run()
           .add_picture(io.BytesIO(picture("black"))))
    with pytest.raises(PipelineError, match="holds a picture that is not a figure's \\(in 'Fares"):
        imported(project)


def test_a_caption_whose_words_were_deleted_under_its_picture_is_refused(project):
    """An editor selects a figure's caption and deletes its words, the Caption paragraph
    left under the picture: refused in one line, as a deleted caption paragraph is (the
    figure had gone from every edition, its picture with it, unsaid)."""
    def edit(draft):
        caption = paragraph_starting(draft, "On the upper deck")
        for run in caption.runs:
            run.text = ""

    edited(project.docx(NAME), edit)
    with pytest.raises(PipelineError, match="holds a picture whose caption is empty \\(after"):
        imported(project)


def test_an_editors_file_is_never_overwritten_and_the_same_picture_is_written_once(project):
    new = picture("orange")
    edited(project.docx(NAME), lambda draft: change_picture(draft, "The new pier at", new))
    project.media(NAME).mkdir()
    theirs = project.media(NAME) / "figure-1.png"
    theirs.write_bytes(picture("white"))
    markup, _ = imported(project)
    assert "![The new pier at Central](harbour.media/figure-1-2.png)" in markup
    assert theirs.read_bytes() == picture("white")
    # Imported again (saved once more, say): the picture already taken out is named again.
    edited(project.docx(NAME), lambda draft: paragraph_starting(draft, "Fares").add_run("!"))
    markup, _ = imported(project)
    assert "(harbour.media/figure-1-2.png)" in markup
    assert sorted(path.name for path in project.media(NAME).iterdir()) == [
        "figure-1-2.png", "figure-1.png"]


def test_a_draft_written_before_pictures_were_kept_compares_with_the_image_files(project):
    state = drafts.load_state(project.draft_state(NAME))
    del state[drafts.PICTURES]
    files.write_json(project.draft_state(NAME), state)
    new = picture("orange")
    edited(project.docx(NAME), lambda draft: change_picture(draft, "On the upper deck", new))
    _, document = imported(project)
    assert [figure.image for figure in document.figures] == [
        "photos/pier.png", "harbour.media/figure-2.png", None]


@pytest.mark.parametrize(("data", "problem"), [
    (picture("red", "BMP"), "the picture of figure 2 is a BMP picture; supply a PNG, JPEG, GIF"
                            " or WebP"),
    (picture("red", "PNG", (8000, 8000)), "the picture of figure 2 holds 8,000 x 8,000 pixels;"
                                          " the limit is 60,000,000 pixels in all"),
    (b'<?xml version="1.0"?><x>No picture</x>',
     "the picture of figure 2 is not an SVG picture that can be read"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/hosts"/></svg>',
     "the picture of figure 2 refers to files outside it (file:///etc/hosts); a picture must"
     " hold all it draws"),
    # Refused before anything is read, as any part declaring a DTD (but an SVG picture's).
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
     "its part word/media/image3.png declares a DTD (a document type, where entities are"
     " declared), which a Word or LibreOffice draft never does; save it again from Word or"
     " LibreOffice"),
])
def test_a_picture_the_editions_cannot_print_is_refused_and_nothing_written(project, data,
                                                                             problem):
    def edit(draft):
        change_picture(draft, "On the upper deck", picture("orange"))
        blip = next(paragraph_starting(draft, "On the upper deck")._p.getprevious().iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
        part = draft.part.related_parts[blip.get(
            "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")]
        part._blob = data

    edited(project.docx(NAME), edit)
    with pytest.raises(PipelineError) as raised:
        imported(project)
    assert raised.value.path.parts[-3:] == ("output", NAME, f"{NAME}.docx")
    assert raised.value.problem == problem
    assert not project.markup(NAME).exists() and not any(project.media(NAME).glob("*"))


def test_a_picture_linked_to_a_file_outside_the_draft_is_refused(project):
    def edit(draft):
        holder = paragraph_starting(draft, "The new pier at")._p.getprevious()
        blip = next(holder.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
        rid = draft.part.relate_to("file:///etc/hostname", docx.opc.constants.RELATIONSHIP_TYPE
                                   .IMAGE, is_external=True)
        blip.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed", rid)

    edited(project.docx(NAME), edit)
    with pytest.raises(PipelineError) as raised:
        imported(project)
    assert raised.value.path == project.docx(NAME)
    assert raised.value.problem == ("holds a picture linked to a file outside the draft (figure"
                                    " 1, after 'The new pier opened in March.'); insert the"
                                    " picture itself (not as a link), save, and run doit again")
    assert not project.markup(NAME).exists()


def test_a_media_folder_leading_out_of_source_is_refused(project, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    project.media(NAME).symlink_to(outside)
    edited(project.docx(NAME), lambda draft: change_picture(draft, "The new pier at",
                                                            picture("orange")))
    with pytest.raises(PipelineError) as raised:
        imported(project)
    assert "is a symbolic link leading out of source/" in str(raised.value)
    assert not any(outside.iterdir())


@pytest.mark.slow
def test_a_replaced_picture_reaches_every_edition_and_the_next_draft(tmp_path):
    """Built with doit: the editor replaces a picture in the draft; the next build takes it
    out, prints it, writes it into the new draft, and a build after that takes nothing out."""
    folder, draft = ferries_built(
        tmp_path, "pier.png", picture("navy", size=(1200, 800)),
        'title = "A Year on the Ferries"\n\n[images]\n1 = "photos/pier.png"\n',
        "The new pier at Central")
    source = folder / "source"
    new = picture("orange", size=(1200, 800))
    edited(draft, lambda document: change_picture(document, "The new pier at", new))
    result = doit(folder, "-n", "1", f"model:{NAME}", f"docx:{NAME}", f"pdf:{NAME}/screen")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (source / f"{NAME}.media" / "figure-1.png").read_bytes() == new
    assert "](harbour.media/figure-1.png)" in (source / f"{NAME}.md").read_text()
    package = docx.Document(str(draft)).part.package  # the new draft shows it
    assert any(part.blob == new for part in package.iter_parts())
    listing = subprocess.run([client("pdfimages"), "-list", str(folder / "output" / NAME /
                                                                  f"{NAME}-screen.pdf")],
                             capture_output=True, text=True, check=True).stdout
    assert "1200   800" in listing
    # LibreOffice opening and saving the new draft keeps the picture's bytes: nothing more
    # is taken out, and the source names the same file.
    client("soffice")
    saved = tmp_path / "saved"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--convert-to", "docx", "--outdir", str(saved), str(draft)],
                   check=True, capture_output=True, timeout=300, env={"HOME": str(tmp_path),
                                                                       "PATH": "/usr/bin:/bin"})
    shutil.copy(saved / draft.name, draft)
    result = doit(folder, "-n", "1", f"model:{NAME}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [path.name for path in (source / f"{NAME}.media").iterdir()] == ["figure-1.png"]
    assert "](harbour.media/figure-1.png)" in (source / f"{NAME}.md").read_text()


def ferries_built(tmp_path: Path, picture_name: str, data: bytes, metadata: str,
                  caption: str) -> tuple[Path, Path]:
    """A project whose one text pictures its figure (`caption`, written twice as a web page
    doubles it) by photos/`picture_name`, built with doit to its model and draft: the
    project's folder and the draft."""
    folder = copy_project(tmp_path / "project", library=False)
    source = folder / "source"
    (source / "photos").mkdir()
    (source / "photos" / picture_name).write_bytes(data)
    (source / f"{NAME}.toml").write_text(metadata, encoding="utf-8")
    (source / f"{NAME}.txt").write_text(
        "A Year on the Ferries\n\nThe new pier opened in March, and ridership rose by a fifth"
        f" over the year.\n\n\u00a0\n{caption}\n{caption}\n\n"
        "Fares held for the third year running, and the night crossing returned.\n",
        encoding="utf-8")
    result = doit(folder, "-n", "1", f"model:{NAME}", f"docx:{NAME}")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder, folder / "output" / NAME / f"{NAME}.docx"


def delete_picture(draft, caption: str) -> None:
    """The picture above `caption` selected and deleted, its caption kept."""
    holder = paragraph_starting(draft, caption)._p.getprevious()
    holder.getparent().remove(holder)


def test_a_picture_the_metadata_names_deleted_in_the_draft_is_refused(project):
    """Figure 2's picture deleted, its caption kept: the metadata's `[images] 2` would print
    it again in every edition (the deletion had been ignored without a word), so the import
    is refused, saying which line to delete."""
    edited(project.docx(NAME), lambda draft: delete_picture(draft, "On the upper deck"))
    before = project.docx(NAME).read_bytes()
    with pytest.raises(PipelineError) as raised:
        imported(project)
    assert str(raised.value) == (
        "output/harbour/harbour.docx: the picture of figure 2 was deleted (or moved), but "
        "source/harbour.toml names one for it ([images] 2 = \"photos/deck.jpg\"): to show no "
        "picture, delete that line; else put the picture back; save, and run doit again")
    assert project.docx(NAME).read_bytes() == before and not project.markup(NAME).exists()


def test_a_picture_the_metadata_does_not_name_deleted_leaves_its_figure_to_come(project):
    """A figure's picture the marked-up source names (one an editor pasted earlier), not the
    metadata, deleted in the draft: the figure's picture is to come, as the editor left it."""
    unnamed = METADATA.images.copy()
    del unnamed[2]
    metadata = Metadata(title=METADATA.title, images=unnamed, alt=METADATA.alt)
    project.metadata(NAME).write_text(TOML.replace('2 = "photos/deck.jpg"\n', ""),
                                      encoding="utf-8")
    state = drafts.load_state(project.draft_state(NAME))
    state["sources"] = drafts.digests(project.inputs(NAME))
    edited(project.docx(NAME), lambda draft: delete_picture(draft, "On the upper deck"))
    drafts.import_draft(project, NAME, metadata, state)
    markup = project.markup(NAME)
    document = read_markup(read_source(markup), markup, metadata, project.source_dir)
    assert [figure.image for figure in document.figures] == ["photos/pier.png", None, None]


# --- An SVG picture --------------------------------------------------------------------------

# A plan of the pier in two shapes, 480 by 320 CSS pixels: 360 by 240 points.
PLAN = ('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320" viewBox="0 0 480 320">'
        '<rect width="480" height="320" fill="#dce8f0"/>'
        '<path d="M40 280 L240 60 L440 280 Z" fill="#205080"/></svg>')
PLAN_TOML = ('title = "A Year on the Ferries"\n\n[images]\n1 = "photos/plan.svg"\n\n[alt]\n'
             '1 = "A plan of the new pier"\n')
PLAN_METADATA = Metadata(title="A Year on the Ferries", images={1: "photos/plan.svg"},
                         alt={1: "A plan of the new pier"})
PLANNED = Document(NAME, PLAN_METADATA, None, (
    Paragraph((Span("The new pier opened in March."),)),
    Figure(1, (Span("The plan of the new pier"),), "photos/plan.svg", "A plan of the new pier"),
    Paragraph((Span("Fares held."),)),
))


@pytest.fixture
def planned(tmp_path) -> Project:
    """A project whose figure's picture is an SVG, its draft written by the pipeline."""
    project = Project(tmp_path)
    (project.source_dir / "photos").mkdir(parents=True)
    (project.source_dir / "photos" / "plan.svg").write_text(PLAN, encoding="utf-8")
    return drafted(project, PLANNED, PLAN_TOML)


def test_an_svg_picture_is_shown_in_the_draft_as_a_png_of_it(planned):
    """python-docx embeds no SVG: the draft shows a PNG of it at 300 ppi, at the SVG's size,
    with the figure's alternative text, the same bytes from the same SVG. The draft had not
    been written at all ('not an image Word can show')."""
    data = planned.docx(NAME).read_bytes()
    assert write_draft(PLANNED, LAYOUT, planned.source_dir).data == data
    shape = docx.Document(io.BytesIO(data)).inline_shapes[0]
    assert (shape.width, shape.height) == (docx.shared.Pt(360), docx.shared.Pt(240))
    assert shape._inline.docPr.get("descr") == "A plan of the new pier"
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    part = docx.Document(io.BytesIO(data)).part.related_parts[blip.embed]
    assert part.content_type == "image/png"
    with Image.open(io.BytesIO(part.blob)) as png:
        assert png.size == (1500, 1000)
        assert png.convert("RGB").getpixel((750, 700)) == (0x20, 0x50, 0x80)  # the pier
        assert png.convert("RGB").getpixel((20, 20)) == (0xdc, 0xe8, 0xf0)  # the water


def test_an_svg_pictures_draft_read_back_keeps_the_svg_unless_the_picture_was_replaced(planned):
    edited(planned.docx(NAME), lambda draft: paragraph_starting(draft, "Fares").add_run(" Again."))
    _, document = imported(planned, PLAN_METADATA)
    assert document.figures == PLANNED.figures
    assert not planned.media(NAME).exists()
    new = picture("orange", "JPEG")
    edited(planned.docx(NAME), lambda draft: change_picture(draft, "The plan of", new))
    markup, document = imported(planned, PLAN_METADATA)
    assert "![The plan of the new pier](harbour.media/figure-1.jpg)" in markup
    assert document.figures[0].image == "harbour.media/figure-1.jpg"
    assert (planned.media(NAME) / "figure-1.jpg").read_bytes() == new


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["svg", "webp"])
def test_a_text_with_an_svg_or_webp_picture_builds_its_draft_and_reads_it_back(tmp_path,
                                                                                 kind):
    """Built with doit: a figure whose picture is an SVG or a WebP one, neither of which
    python-docx embeds, gets its draft (it had stopped the draft, exit 2), which read back
    keeps the picture's file, and whose picture replaced is taken out."""
    name, data, toml, caption = {
        "svg": ("plan.svg", PLAN.encode("utf-8"), PLAN_TOML, "The plan of the new pier"),
        "webp": ("quay.webp", quay("#205080", "#a0a098", "WEBP"), WEBP_TOML,
                 "The quay at Tai O")}[kind]
    folder, draft = ferries_built(tmp_path, name, data, toml, caption)
    source = folder / "source"

    def images() -> list[str | None]:
        model = files.read_json(folder / "output" / NAME / f"{NAME}.json")
        return [figure.image for figure in from_json(model).figures]

    edited(draft, lambda document: paragraph_starting(document, "Fares").add_run(" Again."))
    result = doit(folder, "-n", "1", f"model:{NAME}", f"docx:{NAME}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert images() == [f"photos/{name}"]
    assert not (source / f"{NAME}.media").exists()
    new = picture("orange", size=(1200, 800))
    edited(draft, lambda document: change_picture(document, caption[:11], new))
    result = doit(folder, "-n", "1", f"model:{NAME}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert images() == ["harbour.media/figure-1.png"]
    assert (source / f"{NAME}.media" / "figure-1.png").read_bytes() == new


# --- An SVG picture's text -------------------------------------------------------------------

def labelled(family: str, words: str) -> str:
    """A plan of a pier labelled `words` in font family `family` (none where empty)."""
    named = f' font-family="{family}"' if family else ""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320">'
            '<rect width="480" height="320" fill="#dce8f0"/>'
            f'<text x="20" y="120" font-size="36"{named}>{words}</text></svg>')


def labelled_plan(folder: Path, family: str, words: str, language: str = "en-GB") -> Document:
    """A document in `language` whose one figure is a plan `labelled`, saved in `folder`."""
    (folder / "plan.svg").write_text(labelled(family, words), encoding="utf-8")
    metadata = Metadata(title=words, images={1: "plan.svg"}, alt={1: words}, language=language)
    return Document(NAME, metadata, None, (Paragraph((Span(words),)),
                                           Figure(1, (Span(words),), "plan.svg", words)))


def drawn_fonts(folder: Path, document: Document) -> set[str]:
    """The fonts (their PostScript names, without their subsets' tags) that the page the draft
    renders the document's plan from is set in."""
    from pipeline.writers.docx.svg import drawn_page, fonts_for
    from pipeline.writers.pdf.urls import url_fetcher

    fonts = fonts_for(document, LAYOUT.for_language(document.metadata.language), folder)
    page = drawn_page("plan.svg", url_fetcher(fonts.layout.fonts_folder, folder), 480, 320, fonts)
    return embedded_fonts(page)


def embedded_fonts(data: bytes) -> set[str]:
    """The fonts the PDF `data` embeds, by their PostScript names without their subsets'
    tags."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {str(font.BaseFont).split("+")[-1] for font in pdf.objects
                if isinstance(font, pikepdf.Dictionary) and font.get("/Type") == "/Font"
                and "/FontDescriptor" in font}


@pytest.mark.parametrize(("family", "words", "language", "faces"), [
    ("", "Pier 4 arrivals", "en-GB", {"Noto-Sans"}),
    ("sans-serif", "Typhoon shelter", "en-GB", {"Noto-Sans"}),
    ("serif", "Outlying islands", "en-GB", {"Noto-Serif"}),
    ("Noto Serif", "Star Ferry, Central", "en-GB", {"Noto-Serif"}),
    ("sans-serif", "四號碼頭", "zh-HK", {"Noto-Sans-CJK-TC"}),
    ("serif", "天星碼頭", "zh-HK", {"Noto-Serif-CJK-TC"}),
    ("monospace", "Berth 7: 06:40", "en-GB", {"Noto-Sans"}),
    ("Arial", "Ferry timetable", "en-GB", {"Noto-Sans"}),
    ("Comic Sans MS", "Mind the gap", "en-GB", {"Noto-Sans"}),
    ("Georgia, serif", "Harbour master", "en-GB", {"Noto-Serif"}),
    ("Arial", "渡輪時間表", "zh-HK", {"Noto-Sans-CJK-TC"}),
])
def test_an_svg_pictures_text_is_drawn_in_the_draft_in_the_editions_faces(tmp_path, family,
                                                                         words, language, faces):
    """An SVG's text in a generic family, or none, or naming one of the layouts' faces, or a
    family the repository lacks, is drawn in the draft in the face the editions draw it in,
    from the repository's font files, the same PNG bytes each time: serif in the serif face,
    sans-serif, monospace and a family it lacks in the sans face, a list's first it holds. The
    draft had drawn a generic family in whichever face the machine's fontconfig preferred, and
    refused a family the repository lacks (monospace among them) as set in a machine's font."""
    document = labelled_plan(tmp_path, family, words, language)
    assert drawn_fonts(tmp_path, document) == faces
    first = write_draft(document, LAYOUT, tmp_path)
    assert write_draft(document, LAYOUT, tmp_path).data == first.data


@pytest.mark.parametrize(("family", "label", "faces"), [
    ("sans-serif", "鷺湖 Heron Lake", {"Noto-Sans", "Noto-Sans-CJK-TC"}),
    ("serif", "月湖 Moon Lake", {"Noto-Serif", "Noto-Serif-CJK-TC"}),
    ("Arial", "开放日 Open day", {"Noto-Sans", "Noto-Sans-CJK-TC"}),
    ("", "Open day 🎉", {"Noto-Sans", "Noto-Emoji"}),
])
def test_an_svg_pictures_labels_in_a_script_the_words_lack_are_drawn_in_its_faces(
        tmp_path, family, label, faces):
    """An SVG's labels in a script of its own the document's words hold none of (Chinese
    in an English document), or an emoji, are drawn in the repository's faces for them in
    the editions and the draft, those faces loaded for the picture as for the words. The
    picture had been refused, its characters lacking, and nothing built."""
    from pipeline.writers.pdf.render import render_pdf

    (tmp_path / "plan.svg").write_text(labelled(family, label), encoding="utf-8")
    document = Document(NAME, Metadata(title="The lakes", images={1: "plan.svg"},
                                       alt={1: "A plan of the lakes"}), None, (
        Paragraph((Span("The lakes drew more visitors than ever."),)),
        Figure(1, (Span("The lakes and their paths"),), "plan.svg", "A plan of the lakes")))
    assert drawn_fonts(tmp_path, document) == faces
    edition = render_pdf(document, load_layout(ROOT / "layouts", "screen"), tmp_path)
    assert faces <= embedded_fonts(edition)


@pytest.mark.parametrize("family", ["sans-serif", "Arial"])
def test_an_svg_pictures_text_the_repositorys_faces_lack_is_refused_in_draft_and_edition(
        tmp_path, family):
    """Text in a script none of the repository's faces draws (Thai), which only a font of the
    machine's would, stops the draft in one line naming the picture, as it stops the editions;
    the draft had drawn it in whatever font the machine had."""
    from pipeline.writers.pdf.render import render_pdf

    document = labelled_plan(tmp_path, family, "ท่าเรือ")
    document = Document(NAME, document.metadata, None, document.blocks[1:])
    with pytest.raises(RenderingError, match=r"^the layout fonts lack \d+ characters"):
        render_pdf(document, load_layout(ROOT / "layouts", "screen"), tmp_path)
    with pytest.raises(RenderingError, match=r"^picture plan\.svg: the layout fonts lack "
                                             r"\d+ characters \(.*U\+0E17.*\)[^\n]*$"):
        write_draft(document, LAYOUT, tmp_path)


# A sign in each kind of family an SVG's text may name.
SIGNS = ("sans-serif", "serif", "monospace", "Arial")
SIGNBOARD = ('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320">'
             + "".join(f'<text x="20" y="{60 + 60 * row}" font-size="30" font-family="{family}">'
                       f"Pier {row + 1} in {family}</text>" for row, family in enumerate(SIGNS))
             + "</svg>")
SIGNBOARD_DOCUMENT = Document(NAME, Metadata(title="The signs", images={1: "signs.svg"},
                                             alt={1: "The piers' signs"}),
                              None, (Paragraph((Span("The piers are signed anew."),)),
                                     Figure(1, (Span("The signs"),), "signs.svg", "The signs")))
# An edition of the signboard, its PDF's bytes written out, in a process of its own.
SIGNBOARD_EDITION = """import json, sys
from pathlib import Path
from pipeline.layouts import load_layout
from pipeline.model import from_json
from pipeline.writers.pdf.render import render_pdf
folder = Path(sys.argv[1])
document = from_json(json.loads((folder / "signs.json").read_text(encoding="utf-8")))
sys.stdout.buffer.write(render_pdf(document, load_layout(Path(sys.argv[2]), "screen"), folder))
"""


def test_an_svg_pictures_text_in_any_family_is_set_in_the_repositorys_faces(tmp_path):
    """The editions draw an SVG's text in a generic family or one the repository lacks in
    the repository's faces: its PDF embeds no other. It had been refused on a machine whose
    fontconfig preferred a face of its own (DejaVu Sans for sans-serif), and always where the
    family was monospace or Arial (a system's Noto Sans Mono, Liberation Sans)."""
    from pipeline.writers.pdf.render import render_pdf

    (tmp_path / "signs.svg").write_text(SIGNBOARD, encoding="utf-8")
    pdf = tmp_path / "signs.pdf"
    pdf.write_bytes(render_pdf(SIGNBOARD_DOCUMENT, load_layout(ROOT / "layouts", "screen"),
                               tmp_path))
    listed = subprocess.run([client("pdffonts"), str(pdf)], check=True, capture_output=True,
                            text=True).stdout.splitlines()[2:]
    assert {line.split()[0].split("+")[-1] for line in listed} <= {
        "Noto-Sans", "Noto-Serif", "Noto-Sans-Bold", "Noto-Serif-Bold", "Noto-Sans-Italic",
        "Noto-Serif-Italic"}


@pytest.mark.slow
def test_an_svg_pictures_edition_is_the_same_whatever_the_machines_fontconfig(tmp_path):
    """The same bytes whether the machine's fontconfig files (FONTCONFIG_FILE, or the user's
    own in HOME) prefer another installed face for every family or are left as they are: the
    pipeline's font configuration reads none of them. Under such files the picture had been
    refused, its text set in DejaVu Sans."""
    (tmp_path / "signs.svg").write_text(SIGNBOARD, encoding="utf-8")
    files.write_json(tmp_path / "signs.json", to_json(SIGNBOARD_DOCUMENT))
    preferring = "".join(f"<alias><family>{family}</family><prefer><family>DejaVu Sans</family>"
                         "</prefer></alias>" for family in SIGNS)
    hostile = ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
               f"<dir>/usr/share/fonts</dir><cachedir>{tmp_path / 'cache'}</cachedir>"
               f"{preferring}</fontconfig>\n")
    home = tmp_path / "home"
    (home / ".config" / "fontconfig").mkdir(parents=True)
    (home / ".config" / "fontconfig" / "fonts.conf").write_text(hostile, encoding="utf-8")
    (tmp_path / "fonts.conf").write_text(hostile, encoding="utf-8")

    def edition(**environment: str) -> bytes:
        return subprocess.run(
            [sys.executable, "-c", SIGNBOARD_EDITION, str(tmp_path), str(ROOT / "layouts")],
            check=True, capture_output=True, env={**os.environ, **environment}).stdout

    plain = edition()
    assert plain.startswith(b"%PDF")
    assert edition(FONTCONFIG_FILE=str(tmp_path / "fonts.conf")) == plain
    assert edition(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config")) == plain


@pytest.mark.parametrize("width, height", [("3000", "2000"), ("120mm", "80mm")])
def test_an_svg_without_a_viewbox_fills_its_drafts_png(tmp_path, width, height):
    """The draft's PNG of an SVG giving its size, not its viewBox, is all the drawing, as the
    editions draw it; it had held a speck of it in its corner."""
    from pipeline.writers.docx.svg import fonts_for, svg_as_png

    from .test_pictures import FIELD

    (tmp_path / "field.svg").write_text(FIELD.format(width, height))
    document = Document(NAME, Metadata(title="The Green"), None, (
        Figure(1, (Span("The green from the pavilion."),), "field.svg"),))
    with Image.open(svg_as_png("field.svg", tmp_path, 360,
                                fonts_for(document, LAYOUT, tmp_path))) as png:
        right, bottom = png.width - 1, png.height - 1
        assert png.width <= 1500 and abs(png.width / png.height - 1.5) < 0.01  # 360 pt at most
        corners = [(0, 0), (right, 0), (0, bottom), (right, bottom), (right // 2, bottom // 2)]
        assert {png.convert("RGB").getpixel(corner) for corner in corners} == {(0x20, 0xa0, 0x40)}


# --- A WebP picture, an animated one -----------------------------------------------------------

def quay(sea: str, stone: str, kind: str, frames: tuple[str, ...] = ()) -> bytes:
    """A 320 by 200 picture of a quay, the sea `sea` over the stone `stone`, saved as `kind`
    (a WebP one losslessly); animated through the colours `frames` after it, where given."""
    first = Image.new("RGB", (320, 200), stone)
    first.paste(sea, (0, 0, 320, 120))
    data = io.BytesIO()
    first.save(data, kind, save_all=bool(frames), lossless=True,
               append_images=[Image.new("RGB", (320, 200), colour) for colour in frames])
    return data.getvalue()


WEBP_TOML = ('title = "A Year on the Ferries"\n\n[images]\n1 = "photos/quay.webp"\n\n[alt]\n'
             '1 = "The quay at low tide"\n')
WEBP_METADATA = Metadata(title="A Year on the Ferries", images={1: "photos/quay.webp"},
                         alt={1: "The quay at low tide"})
QUAYSIDE = Document(NAME, WEBP_METADATA, None, (
    Paragraph((Span("The new pier opened in March."),)),
    Figure(1, (Span("The quay at Tai O"),), "photos/quay.webp", "The quay at low tide"),
    Paragraph((Span("Fares held."),)),
))


@pytest.fixture
def quayside(tmp_path) -> Project:
    """A project whose figure's picture is a WebP one, its draft written by the pipeline."""
    project = Project(tmp_path)
    (project.source_dir / "photos").mkdir(parents=True)
    (project.source_dir / "photos" / "quay.webp").write_bytes(quay("#205080", "#a0a098", "WEBP"))
    return drafted(project, QUAYSIDE, WEBP_TOML)


def drafted_picture(data: bytes) -> tuple:
    """The first picture in the draft `data`: its shape, and its image part."""
    draft = docx.Document(io.BytesIO(data))
    shape = draft.inline_shapes[0]
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    return shape, draft.part.related_parts[blip.embed]


def test_a_webp_picture_is_shown_in_the_draft_as_a_png_of_it(quayside):
    """python-docx embeds no WebP, nor does Word before 2019 show one: the draft shows a PNG of
    it, its pixels and size, with the figure's alternative text, the same bytes from the same
    picture. The draft had not been written at all ('not an image Word can show')."""
    data = quayside.docx(NAME).read_bytes()
    assert write_draft(QUAYSIDE, LAYOUT, quayside.source_dir).data == data
    shape, part = drafted_picture(data)
    assert shape._inline.docPr.get("descr") == "The quay at low tide"
    assert part.content_type == "image/png"
    with Image.open(io.BytesIO(part.blob)) as png:
        assert png.size == (320, 200)
        assert png.convert("RGB").getpixel((160, 40)) == (0x20, 0x50, 0x80)  # the sea
        assert png.convert("RGB").getpixel((160, 180)) == (0xa0, 0xa0, 0x98)  # the stone


def test_a_webp_pictures_draft_read_back_keeps_the_webp_unless_the_picture_was_replaced(
        quayside):
    edited(quayside.docx(NAME), lambda draft: paragraph_starting(draft, "Fares").add_run(" Again."))
    _, document = imported(quayside, WEBP_METADATA)
    assert document.figures == QUAYSIDE.figures
    assert not quayside.media(NAME).exists()
    new = picture("orange", "JPEG")
    edited(quayside.docx(NAME), lambda draft: change_picture(draft, "The quay at", new))
    markup, document = imported(quayside, WEBP_METADATA)
    assert "![The quay at Tai O](harbour.media/figure-1.jpg)" in markup
    assert document.figures[0].image == "harbour.media/figure-1.jpg"
    assert (quayside.media(NAME) / "figure-1.jpg").read_bytes() == new


@pytest.mark.parametrize(("name", "data", "shown"), [
    ("quay.png", quay("#205080", "#a0a098", "PNG"), "image/png"),
    ("quay.jpg", quay("#205080", "#a0a098", "JPEG"), "image/jpeg"),
    ("quay.gif", quay("#205080", "#a0a098", "GIF"), "image/gif"),
    ("quay.webp", quay("#205080", "#a0a098", "WEBP"), "image/png"),
    ("quay.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200">'
                 b'<rect width="320" height="120" fill="#205080"/>'
                 b'<rect y="120" width="320" height="80" fill="#a0a098"/></svg>', "image/png"),
    # Animated: the first frame, as the editions print it.
    ("tide.gif", quay("#205080", "#a0a098", "GIF", ("#ffffff", "#000000")), "image/png"),
    ("tide.webp", quay("#205080", "#a0a098", "WEBP", ("#ffffff", "#000000")), "image/png"),
], ids=["png", "jpeg", "gif", "webp", "svg", "animated-gif", "animated-webp"])
def test_every_kind_of_picture_the_editions_print_gives_a_draft_showing_it(tmp_path, name,
                                                                           data, shown):
    """A PNG, JPEG, GIF, WebP or SVG picture gives a draft showing the picture the editions
    print, an animated one its first frame, the same bytes each time."""
    (tmp_path / name).write_bytes(data)
    metadata = Metadata(title="The Quay", images={1: name}, alt={1: "The quay at low tide"})
    document = Document(NAME, metadata, None, (
        Figure(1, (Span("The quay at Tai O"),), name, "The quay at low tide"),))
    draft = write_draft(document, LAYOUT, tmp_path)
    assert write_draft(document, LAYOUT, tmp_path).data == draft.data
    shape, part = drafted_picture(draft.data)
    assert shape._inline.docPr.get("descr") == "The quay at low tide"
    assert part.content_type == shown
    with Image.open(io.BytesIO(part.blob)) as image:
        width, height = image.size
        sea, stone = (image.convert("RGB").getpixel((width // 2, height * y // 200))
                      for y in (40, 180))
    assert max(abs(a - b) for a, b in zip(sea, (0x20, 0x50, 0x80), strict=True)) <= 8
    assert max(abs(a - b) for a, b in zip(stone, (0xa0, 0xa0, 0x98), strict=True)) <= 8

