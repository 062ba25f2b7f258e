"""The one error type the pipeline reports to users: a file and what is wrong with it."""

from __future__ import annotations

from pathlib import Path

EXCERPT_CHARACTERS = 40  # of a text quoted in a message; the rest is cut


def excerpt(text: str, length: int = EXCERPT_CHARACTERS) -> str:
    """A piece of text quoted in a message, on one line: its white space (a no-break space
    or a line break too) as single spaces, cut short with an ellipsis."""
    flat = " ".join(text.split())
    short = flat if len(flat) <= length else flat[:length].rstrip() + "\u2026"
    quote = '"' if "'" in short else "'"
    return f"{quote}{short}{quote}"


class PipelineError(Exception):
    """A problem with an input file, told in one line that names the file."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem

    def seen_from(self, root: Path) -> str:
        """The message with the file named relative to `root`, as a user would type it."""
        path = self.path.relative_to(root) if self.path.is_relative_to(root) else self.path
        return f"{path}: {self.problem}"


class RenderingError(Exception):
    """A document that cannot be rendered as it stands (a character the fonts lack, an image
    that cannot be read). Writers know the model, not the file it came from: the build step
    names the file."""


def in_words(error: BaseException) -> str:
    """An unforeseen failure told in words, without Python's name for it."""
    if isinstance(error, MemoryError):
        return "ran out of memory"
    if isinstance(error, RecursionError):
        return "is nested too deeply to be read"
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"could not be built: {error.strerror.lower()}{where}"
    return f"could not be built: an unforeseen error ({error or 'no detail'})"
