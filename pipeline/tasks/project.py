"""Where a project keeps its sources, layouts and outputs, and what it holds."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import PipelineError
from pipeline.files import (
    IMAGE_SUFFIXES,
    STAGED_NAME_BYTES,
    Links,
    input_file,
    inside,
    lies_inside,
)
from pipeline.layout_folders import HYPHENATION_EXCEPTIONS, REFERENCE_DOCX, SETTINGS, layout_names

if TYPE_CHECKING:  # a build with nothing to do names layouts but reads none
    from pipeline.layouts import Layout

# The layout whose page, fonts and house style (reference.docx) the DOCX draft takes.
DRAFT_LAYOUT = "print"
# What a word processor saves a draft as, under its own name or another.
EDITOR_FORMATS = frozenset((".docx", ".docm", ".doc", ".odt", ".fodt", ".rtf"))
# What a text of source/ ends in: scraped (plain text), or marked up.
TEXT_SUFFIXES = (".txt", ".md")
# What a text's metadata ends in: source/<name>.toml.
METADATA_SUFFIX = ".toml"
# The most bytes a file's name may take (NAME_MAX on Linux, in UTF-8).
NAME_MAX = 255
# What a terminal acts on rather than shows, in a name it prints (a task's, a message's):
# control characters (an escape sequence's ESC colouring the console, a carriage return
# writing over the line, a line feed), line and paragraph separators, and the controls that
# reorder what it shows.
UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069]")
# A byte of a name that is not UTF-8, as Python reads one (a lone surrogate, U+DC80-U+DCFF
# for the bytes 0x80-0xFF): no database, terminal or file of UTF-8 can hold it.
UNDECODED = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    @property
    def layouts_dir(self) -> Path:
        return self.root / "layouts"

    @property
    def output_root(self) -> Path:
        return self.root / "output"

    def documents(self) -> list[str]:
        """Every text in source/, scraped or marked up, by name (the file's stem), but those
        `misnamed`."""
        named = self.named_texts()
        clashing = spelt_alike(named)
        return sorted({name for path in named
                       if (name := document_name(path)) not in clashing})

    def misnamed(self) -> list[PipelineError]:
        """The texts whose name cannot name a folder in output/ (`...txt` would write into
        the project's own folder), is too long for a file built of it, or holds what a
        terminal acts on, each refused in one line naming it `shown`; and a document's texts
        of one kind whose suffixes differ in case alone (`a.txt`, `a.TXT`), which to read no
        one can tell, refused in one line naming them all."""
        room = self.name_room
        return [*(PipelineError(path.with_name(shown(path.name)), problem)
                  for path in self.texts() if (problem := name_problem(path, room))),
                *(self.refused_alike(name, texts)
                  for name, texts in spelt_alike(self.named_texts()).items())]

    def named_texts(self) -> list[Path]:
        """The texts whose name can name a document (`name_problem`)."""
        room = self.name_room
        return [path for path in self.texts() if not name_problem(path, room)]

    def refused_alike(self, name: str, texts: list[Path]) -> PipelineError:
        """The one line refusing document `name`'s `texts` spelt alike, naming them all."""
        first, *others = sorted(texts)
        listed = " and ".join(str(path.relative_to(self.root)) for path in others)
        return PipelineError(first, f"refused, and so {'is' if len(others) == 1 else 'are'} "
                                    f"{listed}: texts of one document, {name}, whose suffixes"
                                    " differ in case alone; keep one")

    @functools.cached_property
    def name_room(self) -> int:
        """The most bytes a document's name may take: the longest file name the build makes of
        it (an edition's preflight report or contact sheet, in the longest layout's name),
        staged under its temporary name (files.staged), must be a name the system can hold.
        (A page's preview, `-p1320.png`, is shorter than its contact sheet.) Reckoned once:
        declaring the tasks asks it for every text, a build with nothing to do too."""
        stem = "x"
        made = [*self.outputs(stem, self.layouts()),
                *(self.contact_sheet(stem, layout) for layout in self.layouts())]
        longest = max(len(path.name.encode()) for path in made) - len(stem)
        return NAME_MAX - longest - STAGED_NAME_BYTES

    def texts(self) -> list[Path]:
        """The texts in source/: its .txt and .md files, their suffix in any case (`x.TXT`, as
        Windows may save one; pandoc reads a file by its suffix so), but the project's
        hyphenation list."""
        if not self.source_dir.is_dir():
            return []
        return sorted(path for path in self.source_dir.iterdir()
                      if path.name.lower().endswith(TEXT_SUFFIXES)
                      and path != self.hyphenation_list)

    def unread(self) -> list[Path]:
        """The files of source/ no build reads: neither a text (nor the hyphenation list), nor
        a picture (which metadata names), nor a hidden file, nor a text's metadata; with the
        metadata naming no text, and one not ending `.toml` as written (`x.TOML`), which
        the build does not look for."""
        if not self.source_dir.is_dir():
            return []
        texts = {path.stem for path in self.source_dir.iterdir()
                 if path.suffix.lower() in TEXT_SUFFIXES}
        return sorted(path for path in self.source_dir.iterdir()
                      if not path.name.startswith(".") and path.is_file()
                      and path.suffix.lower() not in (*TEXT_SUFFIXES, *IMAGE_SUFFIXES)
                      and not (path.suffix == METADATA_SUFFIX and path.stem in texts))

    def layouts(self) -> list[str]:
        return layout_names(self.layouts_dir)

    def layouts_of(self, wanted: Iterable[str]) -> list[str]:
        """The layouts a document's metadata names (`wanted`; none named: every one)."""
        wanted = set(wanted)
        return [layout for layout in self.layouts() if not wanted or layout in wanted]

    def left_behind(self) -> list[str]:
        """The folders of output/ no document builds into any more: their text was removed
        from source/ (or renamed). A text refused (`misnamed`: two spelt alike, say) is
        still there: its folder is kept while the refusal stands."""
        if not self.output_root.is_dir():
            return []
        documents = {document_name(path) for path in self.texts()}
        return sorted(path.name for path in self.output_root.iterdir()
                      if path.is_dir() and path.name not in documents)

    def declared_name(self, argument: str) -> str:
        """A command line's argument as the tasks name it: a file of the project given by its
        absolute path, relative to the project's folder (task_paths); any other as it is."""
        path = Path(argument)
        return self.task_paths([path.resolve()])[0] if path.is_absolute() else argument

    def task_paths(self, paths: Iterable[Path]) -> list[str]:
        """`paths` as a task names them to doit, which keeps each file's state under that name:
        relative to the project's folder, which doit works in, where they lie in it (so the
        project copied or moved elsewhere finds its record, and is up to date); the pipeline's
        own code installed elsewhere as it is. By the folder's name as a prefix, not pathlib's
        relative_to: a build with nothing to do names some thousand files a run this way."""
        inside = f"{self.root}{os.sep}"
        return [text[len(inside):] if (text := str(path)).startswith(inside) else text
                for path in paths]

    # --- a document's inputs ------------------------------------------------------------

    def scraped(self, name: str) -> Path:
        """The text as copied from a web page or an e-mail: source/<name>.txt."""
        return self.spelt(name, ".txt")

    def markup(self, name: str) -> Path:
        """The marked-up text, read in preference to the scraped one; imported DOCX edits go
        here (source/<name>.md, when there is none yet)."""
        return self.spelt(name, ".md")

    def spelt(self, name: str, suffix: str) -> Path:
        """source/<name><suffix>, as the file there spells its suffix (`x.TXT`), else as
        `suffix` does."""
        path = self.source_dir / f"{name}{suffix}"
        if path.exists() or not self.source_dir.is_dir():
            return path
        return next((found for found in self.source_dir.iterdir()
                     if found.name.startswith(name) and found.name[len(name):].lower() == suffix),
                    path)

    def metadata(self, name: str) -> Path:
        return self.source_dir / f"{name}{METADATA_SUFFIX}"

    def media(self, name: str) -> Path:
        """The folder of the pictures taken out of an edited draft: source/<name>.media/."""
        return self.source_dir / f"{name}.media"

    def text_source(self, name: str) -> Path:
        """The one file a document's text is read from: the marked-up text when there is one,
        else the scraped text."""
        return self.markup(name) if self.markup(name).exists() else self.scraped(name)

    @property
    def hyphenation_list(self) -> Path:
        """The project's hyphenation exceptions, over each layout's: source/hyphenation.txt."""
        return self.source_dir / HYPHENATION_EXCEPTIONS

    def exceptions_files(self, name: str) -> list[Path]:
        """The files a document's editions that hyphenate take their user's hyphenation
        exceptions from, present or not: the project's list, then the document's metadata
        (its `hyphenation` key), which count over the layout's, in that order."""
        return [self.hyphenation_list, self.metadata(name)]

    def inputs(self, name: str) -> list[Path]:
        """Every file a document's text and metadata may come from, present or not."""
        return [self.scraped(name), self.metadata(name), self.markup(name)]

    # --- a document's outputs -----------------------------------------------------------

    def output_dir(self, name: str) -> Path:
        return self.output_root / name

    def model(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.json"

    def dedupe_report(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.dedupe.json"

    def pdf(self, name: str, layout: str) -> Path:
        """An edition under the name it goes out by: to press, or to be published."""
        return self.output_dir(name) / f"{name}-{layout}.pdf"

    def failed_pdf(self, name: str, layout: str) -> Path:
        """Where an edition that failed its preflight is set aside, never under its own name."""
        return self.output_dir(name) / f"{name}-{layout}.FAILED.pdf"

    def built_pdf(self, name: str, layout: str) -> Path | None:
        """The edition as its last build left it: under its own name, else set aside as failed,
        else None."""
        return next((path for path in (self.pdf(name, layout), self.failed_pdf(name, layout))
                     if path.exists()), None)

    def preflight_report(self, name: str, layout: str) -> Path:
        return self.output_dir(name) / f"{name}-{layout}.preflight.json"

    def preview_dir(self, name: str) -> Path:
        return self.output_dir(name) / "preview"

    def contact_sheet(self, name: str, layout: str) -> Path:
        """The first contact sheet of an edition (every edition has one; a long one, more)."""
        return self.preview_dir(name) / f"{name}-{layout}-contact-01.png"

    def docx(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.docx"

    def stray_drafts(self, name: str) -> list[Path]:
        """Documents an editor saved beside the draft under another name or in another
        format (`x (edited).docx`, `x.odt`), which the build does not read; the word
        processors' lock files (`~$x.docx`, `.~lock.x.docx#`) aside."""
        folder = self.output_dir(name)
        if not folder.is_dir():
            return []
        return sorted(path for path in folder.iterdir()
                      if path.suffix.lower() in EDITOR_FORMATS and path != self.docx(name)
                      and not path.name.startswith(("~$", ".~lock.")))

    def draft_state(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.draft.json"

    # --- layouts ------------------------------------------------------------------------

    def layout(self, name: str) -> Layout:
        from pipeline.layouts import Layout

        return Layout(name, self.layouts_dir / name)

    def layout_files(self, layout: str) -> list[Path]:
        """Every file a layout's PDF editions depend on (Layout.files), shared templates and
        fonts included, as its settings name them (as the defaults do, when they cannot be
        read: its pdf tasks say why); a file leading out of layouts/ is not one
        (`refuse_escapes` names it)."""
        from pipeline.layouts import load_layout

        try:
            found = load_layout(self.layouts_dir, layout)
        except (PipelineError, OSError):
            found = self.layout(layout)
        return self.within_layouts(found.files)

    def within_layouts(self, paths: list[Path]) -> list[Path]:
        """`paths` but those leading out of layouts/ (or looping): doit would read them to
        hash them, before a build step can refuse them."""
        def confined(path: Path) -> bool:
            try:
                return lies_inside(path, self.layouts_dir)
            except PipelineError:
                return False
        return [path for path in paths if confined(path)]

    def draft_layout_files(self) -> list[Path]:
        """What the DOCX draft takes from its layout: the settings, and the house style when
        the layout holds one."""
        folder = self.layouts_dir / DRAFT_LAYOUT
        reference = [folder / REFERENCE_DOCX] if (folder / REFERENCE_DOCX).exists() else []
        return self.within_layouts([folder / SETTINGS, *reference])

    # --- confinement --------------------------------------------------------------------

    def refuse_escapes(self, name: str, layouts: Iterable[str] = ()) -> None:
        """Stop, in one line naming the file, a build of document `name` (through `layouts`)
        that would read or write outside the project: every input must lie in source/ or
        layouts/ and every output in output/<name>/ once symbolic links are followed, each an
        ordinary readable file; a loop of links is refused too. A build step calls this
        before it opens anything."""
        links = Links()
        for folder in (self.source_dir, self.layouts_dir, self.output_root):
            inside(folder, self.root, links)
        for path in [*self.inputs(name), self.hyphenation_list]:
            input_file(path, self.source_dir, links)
        inside(self.output_dir(name), self.output_root, links)
        inside(self.preview_dir(name), self.output_dir(name), links)
        for path in self.outputs(name, layouts):
            input_file(path, self.output_dir(name), links)
        for layout in layouts:
            folder = self.layout(layout)
            for path in (*folder.files, folder.reference_docx):
                input_file(path, self.layouts_dir, links)

    def confined(self, name: str) -> bool:
        """Whether document `name`'s own files all lie in the project (`refuse_escapes`)."""
        try:
            self.refuse_escapes(name)
        except PipelineError:
            return False
        return True

    def refuse_escapes_of_pictures(self, images: Iterable[str]) -> None:
        """Stop, naming it, at a figure's picture (named relative to source/) that leads out
        of source/."""
        for image in images:
            if image:
                input_file(self.source_dir / image, self.source_dir)

    def outputs(self, name: str, layouts: Iterable[str] = ()) -> list[Path]:
        """The files of output/<name>/ a build of `name` through `layouts` reads or writes."""
        return [self.model(name), self.dedupe_report(name), self.draft_state(name),
                self.docx(name),
                *(path for layout in layouts
                  for path in (self.pdf(name, layout), self.failed_pdf(name, layout),
                               self.preflight_report(name, layout)))]


def document_name(text: Path) -> str:
    """The document a text of source/ is: its file's name without the suffix (none for
    `.txt`, which Path.stem takes for a name with no suffix)."""
    return text.name.rpartition(".")[0]


def spelt_alike(texts: list[Path]) -> dict[str, list[Path]]:
    """The documents with two texts of one kind, scraped or marked up, whose suffixes differ
    in case alone (`a.txt`, `a.TXT`), and those texts."""
    kinds: dict[tuple[str, str], list[Path]] = {}
    for path in texts:
        name = document_name(path)
        kinds.setdefault((name, path.name[len(name):].lower()), []).append(path)
    alike: dict[str, list[Path]] = {}
    for (name, _), paths in kinds.items():
        if len(paths) > 1:
            alike.setdefault(name, []).extend(paths)
    return alike


def name_problem(text: Path, room: int) -> str | None:
    """What keeps `text`'s name from naming a document whose names take at most `room`
    bytes, if anything."""
    name = document_name(text)
    if not name:
        return f"its name is empty (no document name before {text.name}); rename the file"
    if not path_name(name):
        return f"its name {name!r} cannot name a folder in output/; rename the file"
    size = len(os.fsencode(name))
    if size > room:
        return f"its name is too long ({size:,} bytes; at most {room:,})"
    undecoded = dict.fromkeys(UNDECODED.findall(name))
    if undecoded:
        return (f"its name is not valid UTF-8 (its bytes {', '.join(map(shown, undecoded))}"
                " spell no character); rename the file")
    unshown = dict.fromkeys(UNSHOWN.findall(name))
    if unshown:
        return (f"its name holds {', '.join(map(shown, unshown))}, which a terminal acts on"
                " rather than shows; rename the file")
    return None


def shown(name: str) -> str:
    """`name` as a message shows it: what a terminal acts on written as Python escapes it
    (`\\x1b`, `\\r`, `\\n`), and a byte that is no UTF-8 as the byte it is (`\\xff`)."""
    name = UNDECODED.sub(lambda found: f"\\x{ord(found.group()) - 0xDC00:02x}", name)
    return UNSHOWN.sub(lambda found: found.group().encode("unicode_escape").decode(), name)


def path_name(name: str) -> bool:
    """Whether `name` (a file's stem) can name a folder of its own: not `.` or `..`."""
    return name not in ("", ".", "..")
