"""The DOCX draft's bookkeeping: what the pipeline last wrote and read.

The pipeline keeps, beside each draft, the digest of the DOCX it wrote and of the
source files it built from. A DOCX on disk with another digest was edited by
someone; a source file with another digest was changed by someone. Knowing both
is what lets an editor's changes flow into every edition and never be lost.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline import files


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


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
    current = digest(docx)
    return current is not None and current not in known_versions(state)


def unedited(docx: Path, state_path: Path) -> bool:
    """For doit's `uptodate`: the model is stale while an edited draft waits to be read."""
    return not edited(docx, load_state(state_path))


def sources_unchanged(sources: list[Path], state_path: Path) -> bool:
    """For doit's `uptodate`: the sources are the ones the last model build read.

    Digests, not doit's file_dep, because a marked-up source appears when edits are
    imported, and a file_dep list that grows would rebuild once more for nothing.
    """
    return load_state(state_path).get("sources") == digests(sources)


def changed_sources(sources: list[Path], state: dict) -> list[Path]:
    """The source files that differ from the ones the last build read."""
    before = state.get("sources")
    if not before:
        return []
    now = digests(sources)
    names = sorted(set(before) | set(now))
    folder = sources[0].parent
    return [folder / name for name in names if before.get(name) != now.get(name)]
