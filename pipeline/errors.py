"""The one error type the pipeline reports to users: a file and what is wrong with it."""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """A problem with an input file, told in one line that names the file."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem
