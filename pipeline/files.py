"""Files: outputs written atomically, so a failed or killed build never leaves half a file;
and every path the build follows kept inside the folder it belongs to."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import PipelineError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# What a picture's file may end in (in any case): a figure's, named by its metadata.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
# mkstemp makes files only their owner may read; an output is an ordinary file.
FILE_MODE = 0o666 & ~_umask()


def write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    temporary = staged(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# What a staged temporary's name adds to its file's: a dot before it, and mkstemp's dot, eight
# random characters and ".part" after it (see `staged`).
STAGED_NAME_BYTES = len(".") + len(".12345678.part")


def staged(path: Path, data: bytes) -> Path:
    """`data` written and synced to a new temporary file beside `path`, to be moved there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A build killed mid-write (kill -9) leaves its temporary behind: the next write removes it.
    remove_temporaries(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def remove_temporaries(path: Path) -> None:
    """The temporaries writes of `path` killed midway left beside it (see `staged`)."""
    for stale in temporaries(path):
        stale.unlink(missing_ok=True)


def temporaries(path: Path) -> list[Path]:
    # Told by their names' ends, not globbed: a glob compiled a pattern for each file's name,
    # 0.08 ms of a write, against 0.015 ms now.
    prefix, suffix = f".{path.name}.", ".part"
    try:
        names = os.listdir(path.parent)
    except OSError:  # no folder, or one that cannot be read: no temporary either
        return []
    return [path.parent / name for name in names
            if name.startswith(prefix) and name.endswith(suffix)
            and len(name) >= len(prefix) + len(suffix)]


# What a dry run (`doit clean -n`) would remove, in order, while one plans (`planned_removals`):
# None when removing is real.
_planned: dict[Path, None] | None = None


@contextlib.contextmanager
def planned_removals(planning: bool = True) -> Iterator[dict[Path, None]]:
    """Within it, when `planning`, `remove` and `remove_empty` remove nothing but list what
    they would remove, in order (the keys of the dictionary yielded): a dry run decides as
    the real removal does."""
    global _planned
    planned: dict[Path, None] = {}
    _planned = planned if planning else None
    try:
        yield planned
    finally:
        _planned = None


def remove(path: Path) -> bool:
    """`path`, an output, removed with any temporary of its writes; whether it was there."""
    if _planned is not None:
        return plan_removal(path)
    remove_temporaries(path)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def plan_removal(path: Path) -> bool:
    """`remove` in a dry run: `path` and its temporaries listed, not removed."""
    for stale in temporaries(path):
        _planned.setdefault(stale)
    if not os.path.lexists(path) or path in _planned:  # not there, or removed already
        return False
    _planned[path] = None
    return True


def remove_empty(folder: Path) -> None:
    """`folder`, when it is a folder (not a link to one) and holds nothing."""
    if _planned is not None:  # a dry run: empty once all it holds is listed
        if (folder.is_dir() and not folder.is_symlink()
                and all(path in _planned for path in folder.iterdir())):
            _planned.setdefault(folder)
        return
    with contextlib.suppress(OSError):  # not empty, not there, or a link
        folder.rmdir()


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_json(path: Path, data: object) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def read_at_most(path: Path, limit: int) -> bytes:
    """The bytes of the input file `path`, refused in one line naming it when larger than
    `limit` (before it is read whole) or when it cannot be read."""
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
            if len(data) > limit:
                size = os.fstat(stream.fileno()).st_size
                raise PipelineError(path, f"too large ({size:,} bytes; the limit is {limit:,})")
    except OSError as error:
        raise PipelineError(path, f"cannot be read: {(error.strerror or str(error)).lower()}"
                            ) from None
    return data


# --- Confinement -----------------------------------------------------------------------------


def inside(path: Path, folder: Path, links: Links | None = None) -> Path:
    """`path` with every symbolic link followed, when it stays inside `folder` (its links
    followed too); a link leading out, or a loop of links, is refused naming `path`. `links`
    follows the links of a check of many paths (Links)."""
    links = links or Links()
    real = links.resolved(path)
    if not real.is_relative_to(links.folder(folder)):
        raise PipelineError(path, f"is a symbolic link leading out of {folder.name}/ (to {real});"
                                  " only files inside the project are read or written")
    return real


def input_file(path: Path, folder: Path, links: Links | None = None) -> Path:
    """`path` inside `folder` (see `inside`) and, when it exists, an ordinary file this
    process may read: a folder, a pipe (whose reading would wait forever) or a device is
    refused, naming `path`."""
    real = inside(path, folder, links)
    if problem := unreadable(real):
        raise PipelineError(path, problem)
    return real


def unreadable(path: Path) -> str | None:
    """What keeps `path`, when it exists, from being read as an ordinary file, if anything."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if not stat.S_ISREG(mode):
        return "is not an ordinary file (a pipe, socket or device)"
    if not os.access(path, os.R_OK):
        return "cannot be read: permission denied"
    return None


def lies_inside(path: Path, folder: Path) -> bool:
    """Whether `path` is inside `folder` once the symbolic links of both are followed."""
    return resolved(path).is_relative_to(resolved(folder))


class Links:
    """Paths with their symbolic links followed for one check of many paths, each folder's
    once: a file that is no link lies where its folder, followed, leads (as `Path.resolve`
    finds it), so a layout's forty files cost one following of its folder, not forty (a build
    step checks its files before it opens any). Kept for one check only: a link changed
    afterwards is followed afresh by the next."""

    def __init__(self):
        self.folders: dict[Path, Path] = {}

    def folder(self, path: Path) -> Path:
        if path not in self.folders:
            self.folders[path] = resolved(path)
        return self.folders[path]

    def resolved(self, path: Path) -> Path:
        try:
            plain = path.name not in ("", ".", "..") and not path.is_symlink()
        except OSError:  # a folder that may not be searched: followed as Path.resolve does
            plain = False
        return self.folder(path.parent) / path.name if plain else resolved(path)


def resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop, later OSError
        raise PipelineError(path, "is a loop of symbolic links") from None
