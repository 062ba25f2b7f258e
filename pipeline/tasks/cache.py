"""What declaring and ordering the tasks find, kept between runs: each build step's code
(tasks/code.py), each layout's files, whether it hyphenates and whether it is print-ready, and
what each document's metadata says about its tasks (its layouts and images).

A `doit` with nothing to do should cost little more than starting doit. Reading every module
of the package for its imports, importing the metadata reader to parse each TOML and walking
the layouts' folders cost more than the rest of the declarations together; so each finding
is kept in a JSON file beside doit's database, under the stat (mtime_ns, size, inode) of
every file and folder it was found from, and found again when any of those differs. A
folder's stat changes when a file is added to it or removed, so a new module or font is seen
without listing the folders. The file is only a cache: a missing, unreadable or older one is
found again and rewritten, once, when the run ends; so is one copied or moved with its project,
whose findings name the files where they were.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

VERSION = 3  # of the file's form: a file of another version is found again

Stat = list[int] | None  # mtime_ns, size and inode; None where there is no file


class Declared(NamedTuple):
    """What declaring a document's tasks takes from its metadata."""

    layouts: tuple[str, ...]  # empty: every layout
    images: dict[str, str]  # figure number -> image file, relative to source/


class LayoutFacts(NamedTuple):
    """What declaring and ordering the tasks ask of a layout."""

    hyphenates: bool  # its editions then depend on the user's hyphenation exceptions
    print_ready: bool  # PDF/X: its PDF task, the longest, starts first


class DeclarationCache:
    def __init__(self, path: Path):
        self.path = path
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            kept = {}
        valid = (isinstance(kept, dict) and kept.get("version") == VERSION
                 and kept.get("folder") == str(path.parent))
        self.entries: dict[str, dict] = kept.get("entries", {}) if valid else {}
        self.stats: dict[str, Stat] = {}  # each file's, taken once a run
        self.answers: dict[str, Any] = {}  # each finding asked for this run
        self.changed = False

    def step_code(self, step: str) -> tuple[Path, ...]:
        """tasks/code.py's step_code, kept under the stat of every module of the package."""

        def find():
            from pipeline.tasks.code import PACKAGE_DIR, step_code

            package = self.stated(package_files(PACKAGE_DIR))
            return [str(path) for path in step_code(step)], package

        return self.remembered(f"code {step}", find, lambda files: tuple(map(Path, files)))

    def layout_files(self, project, layout: str) -> list[Path]:
        """project.layout_files(layout), kept under the stat of the folders they lie in and
        of every file there: its settings and stylesheets name them (a note edited only finds
        them again, the same files)."""

        def find():
            found = project.layout(layout)
            roots = (found.folder, found.templates_folder, found.fonts_folder)
            walked = [(Path(parent), names) for root in roots
                      for parent, _, names in os.walk(root)]
            stated = self.stated([*roots, *(parent for parent, _ in walked),
                                  *(parent / name for parent, names in walked for name in names)])
            return [str(path) for path in project.layout_files(layout)], stated

        return self.remembered(f"layout {layout}", find, lambda files: list(map(Path, files)))

    def layout_facts(self, project, layout: str) -> LayoutFacts:
        """What the tasks' declaring and ordering ask of a layout, kept under the stat of its
        settings and its own hyphenation list; a layout that cannot be read counts as
        hyphenating and not print-ready, and its pdf tasks say why."""

        def find():
            from pipeline.errors import PipelineError
            from pipeline.layout_folders import HYPHENATION_EXCEPTIONS, SETTINGS
            from pipeline.layouts import load_layout

            folder = project.layout(layout).folder
            files = self.stated([folder / SETTINGS, folder / HYPHENATION_EXCEPTIONS])
            try:
                found = load_layout(project.layouts_dir, layout)
            except (PipelineError, OSError):
                return list(LayoutFacts(hyphenates=True, print_ready=False)), files
            return list(LayoutFacts(found.hyphenation.enabled, found.is_pdfx)), files

        return self.remembered(f"layout facts {layout}", find,
                               lambda found: LayoutFacts(*map(bool, found)))

    def metadata(self, project, name: str) -> Declared:
        """A document's layouts and images from its metadata, kept under the stat of the
        TOML and of the images it names; raises PipelineError as load_declared does."""
        layouts = project.layouts()

        def find():
            from pipeline.readers.metadata import load_declared

            toml = self.stated([project.metadata(name)])
            chosen, found = load_declared(project.metadata(name), layouts)
            images = {str(number): image for number, image in found.items()}
            return ({"layouts": list(chosen), "images": images},
                    toml + [project.source_dir / image for image in images.values()])

        # The layouts there are decide which names a TOML may give: they are in the key.
        return self.remembered(json.dumps(["metadata", name, layouts]), find,
                               lambda found: Declared(tuple(found["layouts"]), found["images"]))

    def remembered(self, key: str, find: Callable[[], tuple[Any, list[Path]]],
                   form: Callable[[Any], Any]):
        """`form` of the value kept under `key` while the files it was found from are
        unchanged; else of the value `find()` returns with the files it was found from
        (those it reads are `stated` first, so an edit made while they are read is seen by
        the next run). The same answer when asked again in a run: tasks ask per document."""
        if key not in self.answers:
            entry = self.entries.get(key)
            if not (isinstance(entry, dict) and isinstance(entry.get("files"), dict)
                    and all(self.stat(path) == stat for path, stat in entry["files"].items())):
                value, files = find()
                entry = {"files": {str(path): self.stat(str(path)) for path in files},
                         "value": value}
                self.entries[key] = entry
                self.write_at_exit()
            self.answers[key] = form(entry["value"])
        return self.answers[key]

    def stated(self, paths: list[Path]) -> list[Path]:
        """`paths`, their stat taken now (before they are read)."""
        for path in paths:
            self.stat(str(path))
        return paths

    def stat(self, path: str) -> Stat:
        if path not in self.stats:
            try:
                found = os.stat(path)
            except OSError:
                self.stats[path] = None
            else:
                self.stats[path] = [found.st_mtime_ns, found.st_size, found.st_ino]
        return self.stats[path]

    def write_at_exit(self) -> None:
        """The file is written once, when this process ends, however many entries changed."""
        if not self.changed:
            self.changed = True
            atexit.register(self.write, os.getpid())

    def write(self, process: int) -> None:
        """Atomically but not synced: a cache lost is only found again."""
        if os.getpid() != process:  # a worker doit forked, ending
            return
        temporary = self.path.with_name(f".{self.path.name}.{process}.part")
        with contextlib.suppress(OSError):  # a read-only project builds, finding all each run
            temporary.write_text(json.dumps({"version": VERSION, "folder": str(self.path.parent),
                                             "entries": self.entries}), encoding="utf-8")
            os.replace(temporary, self.path)


def package_files(folder: Path) -> list[Path]:
    """Every folder and module of the package: what any step's code is found from."""
    found = []
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        found.append(Path(parent))
        found += [Path(parent, name) for name in sorted(names) if name.endswith(".py")]
    return found
