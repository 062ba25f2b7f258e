"""Helpers for the end-to-end tests: a copy of the project, real doit runs, PDF text."""

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pikepdf
import pytest

from pipeline.layout_folders import layout_names
from pipeline.layouts import load_layout
from pipeline.model import Document, List
from pipeline.pdf.structure import is_element, kids_of
from pipeline.pdf.text import marked_texts
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.pdf.render import render_pdf

from .conftest import LIBRARY_CHAPTER, ROOT
from .typesetting import MM, measured

SEED = "director-review-2024"
LIBRARY = "library-chapter"


def copy_project(folder: Path, library: bool = True, code: bool = False) -> Path:
    """A copy of the project's dodo.py, layouts and seed (and a second text, `library`); with
    `code`, of the pipeline package too, which then builds in place of the installed one."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "dodo.py", folder / "dodo.py")
    if code:
        shutil.copytree(ROOT / "pipeline", folder / "pipeline",
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "layouts", folder / "layouts")
    (folder / "source").mkdir()
    for name in (f"{SEED}.txt", f"{SEED}.toml"):
        shutil.copy(ROOT / "source" / name, folder / "source" / name)
    if library:
        (folder / "source" / f"{LIBRARY}.txt").write_text(LIBRARY_CHAPTER, encoding="utf-8")
    return folder


def doit(folder: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "doit", *arguments], cwd=folder,
                          capture_output=True, text=True, timeout=900)


class Build:
    """A copy of the project built once, for the tests of a module or session to share.

    `folder` keeps the build as it ended, to read (never to build in: the tests reading it
    would read what another changed). `restored()` puts
    the project back where it was built, as it was after the build, for a test that changes it
    and builds again: only what the change touches is rebuilt, as in a project of its own. The
    next test to restore it undoes the change, so only a test, never a module's fixture, holds
    the restored project.
    """

    def __init__(self, place: Path, *arguments: str):
        self.place = place
        self.result = doit(place, *arguments)
        assert self.result.returncode == 0, self.result.stdout + self.result.stderr
        self.folder = place.with_name(f"{place.name}-built")
        shutil.copytree(place, self.folder, symlinks=True)

    def restored(self) -> Path:
        shutil.rmtree(self.place)
        shutil.copytree(self.folder, self.place, symlinks=True)
        return self.place


def tasks_run(result: subprocess.CompletedProcess) -> list[str]:
    """The tasks a doit run executed (the console marks each with a leading dot)."""
    return [line for line in result.stdout.splitlines() if line.startswith(".")]


def squash(text: str) -> str:
    """Text as compared across renderings: no white space, no hyphens (hyphenation)."""
    return re.sub(r"[\s\u00ad\u200b\u2010-]+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path: Path) -> str:
    """The text of the PDF edition `path` inside its layout's text area (so without running
    heads and folios), squashed. Its layout is read from the project holding `path`
    (output/<name>/<name>-<layout>.pdf), as it sets the document's language (its model's)."""
    name = path.parent.name
    language = json.loads((path.parent / f"{name}.json").read_text(encoding="utf-8")
                          )["metadata"]["language"]
    layout = load_layout(path.parents[2] / "layouts",
                         path.stem.removeprefix(f"{name}-")).for_language(language)
    page = layout.page
    edition = measured(path)
    kept = []
    for line in edition.lines:
        left, _ = page.side_margins_mm(line.page)
        middle = (line.top + line.bottom) / 2
        if (line.left >= left * MM - 1 and middle >= page.margin_top_mm * MM
                and middle <= edition.trim[1] - page.margin_bottom_mm * MM):
            kept.append(line.text)
    return squash("".join(kept))


def pdfs(folder: Path, name: str) -> list[Path]:
    return sorted((folder / "output" / name).glob(f"{name}-*.pdf"))


def client(name: str) -> str:
    """A program the tests open our files with, which the README's set-up installs: where it is
    missing the test fails, saying so, rather than passing without it."""
    program = shutil.which(name)
    if program is None:
        pytest.fail(f"{name} is not installed: README.md, 'Set up and build', names the "
                    "Debian packages the tests need")
    return program


def libreoffice(folder: Path, *arguments: str, timeout: int = 300) -> None:
    """LibreOffice headless with a throwaway profile and HOME in `folder`, seeing only the
    project's fonts (layouts/fonts), as a machine with the fonts the draft names would."""
    folder.mkdir(parents=True, exist_ok=True)
    fonts = folder / "fonts.conf"
    fonts.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                     f"<fontconfig><dir>{ROOT / 'layouts' / 'fonts'}</dir>"
                     f"<cachedir>{folder / 'fontconfig'}</cachedir></fontconfig>\n",
                     encoding="utf-8")
    subprocess.run([client("soffice"), f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", *arguments], check=True, capture_output=True, timeout=timeout,
                   env={**os.environ, "HOME": str(folder), "FONTCONFIG_FILE": str(fonts)})


def scraped_editions(folder: Path, name: str, text: str, layouts: list[str]):
    """`text` as the scraped source `folder/name.txt` (with `name.toml` beside it, if any),
    read and set in each of `layouts`: the document and each layout's PDF."""
    from pipeline.writers.pdf.render import render_pdf

    source = folder / f"{name}.txt"
    source.write_text(text + "\n", encoding="utf-8")
    document = read_scraped(source, load_metadata(folder / f"{name}.toml", layouts))[0]
    pdfs = {}
    for layout in layouts:
        pdfs[layout] = folder / f"{name}-{layout}.pdf"
        pdfs[layout].write_bytes(render_pdf(document, load_layout(ROOT / "layouts", layout),
                                            folder))
    return document, pdfs


def swept(texts: dict[str, str], sweep, repeats: int) -> dict[str, str]:
    """Each text (name -> its title) as the title and the paragraph `sweep(n)` for n up to
    `repeats`: a paragraph whose first word grows a letter at a time, bringing each of its
    words to a line's end in some of them."""
    return {name: "\n\n".join([title, *(sweep(number) for number in range(repeats))])
            for name, title in texts.items()}


def set_lines(folder: Path, texts: dict[str, str], layouts: list[str]) -> dict:
    """Each text (name -> text) set in each of `layouts`: (name, layout) -> its PDF, its lines
    as pdftotext lays them out (stripped) and the document."""
    built = {}
    for name, text in texts.items():
        document, pdfs = scraped_editions(folder, name, text, layouts)
        for layout, pdf in pdfs.items():
            lines = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                   check=True, text=True).stdout.splitlines()
            built[(name, layout)] = (pdf, [line.strip() for line in lines], document)
    return built


def own_temporary_folder(tmp_path) -> dict[str, str]:
    """The environment of a build the test kills or interrupts, its temporary folder the
    test's own: a process killed outright runs no clean-up, and the copies of the faces its
    workers made would be left in the user's (and one interrupted may leave them, were its
    clean-up to fail)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return {**os.environ, "TMPDIR": str(folder)}


def read_text(path: Path) -> Document:
    """The document of the scraped text `path`, with its metadata beside it."""
    layouts = ROOT / "layouts"
    return read_scraped(path, load_metadata(path.with_suffix(".toml"), layout_names(layouts)))[0]


def rendered_edition(path: Path, layout: str, folder: Path) -> tuple[Path, Document]:
    """The `layout` edition of the scraped text `path` (its pictures beside it), written
    into `folder`, and its document."""
    document = read_text(path)
    pdf = folder / f"{path.stem}-{layout}.pdf"
    pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", layout), path.parent))
    return pdf, document


def tagged_editions(texts: Path, names: tuple[str, ...]):
    """A module's fixture: each text `names` in `texts` rendered in both tagged layouts, once a
    module; a test gets (its PDF, its document, the layout, the text's name)."""

    @pytest.fixture(scope="module", params=[(name, layout) for name in names
                                            for layout in ("screen", "large-print")],
                    ids=lambda param: "-".join(param))
    def edition(request, tmp_path_factory):
        name, layout = request.param
        path, document = rendered_edition(texts / f"{name}.txt", layout,
                                          tmp_path_factory.mktemp(name))
        return path, document, layout, name

    return edition


def spoken_languages(pdf: pikepdf.Pdf) -> list[tuple[str, str]]:
    """(text, the language it is spoken in: its element's /Lang or its ancestors') of each
    marked-content sequence, in the structure's order."""
    texts = marked_texts(pdf)
    found = []

    def walk(element, language, page):
        language = str(element.get("/Lang", language))
        page = element.get("/Pg", page)
        for kid in kids_of(element):
            if is_element(kid):
                walk(kid, language, page)
            elif isinstance(kid, int):
                found.append((texts.get((page.objgen, kid), ""), language))
            elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
                found.append((texts.get((kid.Pg.objgen, int(kid.MCID)), ""), language))

    walk(pdf.Root.StructTreeRoot, str(pdf.Root.Lang), None)
    return found


def lists_of(document: Document) -> list[List]:
    return [block for block in document.blocks if isinstance(block, List)]


def lists_typed_in_a_draft(document: Document, lines: tuple[str, ...], folder: Path
                           ) -> list[List]:
    """The lists read back from `document`'s draft after an editor typed `lines` at its end,
    each a paragraph of the body's style, as Word leaves markers typed by hand."""
    from pipeline.readers.docx.draft import read_docx

    draft = folder / f"{document.name}.docx"
    draft.write_bytes(write_docx(document, load_layout(ROOT / "layouts", "print"), folder))
    import docx

    opened = docx.Document(str(draft))
    for line in lines:
        opened.add_paragraph(line, style="Body Text")
    opened.save(str(draft))
    return lists_of(read_docx(draft, document.metadata))


def item_added_in_the_lists_numbering(draft: Path, text: str) -> None:
    """`draft` saved with a paragraph of `text` after its last, in that paragraph's style and
    list numbering: an item an editor adds at a list's end, as pressing Enter in Word does."""
    import copy

    import docx

    opened = docx.Document(str(draft))
    last = opened.paragraphs[-1]
    added = opened.add_paragraph(text, style=last.style)
    added._p.get_or_add_pPr().append(copy.deepcopy(last._p.pPr.numPr))
    opened.save(str(draft))
