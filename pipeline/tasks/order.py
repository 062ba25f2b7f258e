"""The order in which the build starts the tasks ready to run: the longest first.

With a worker a core, a long task started last keeps one worker busy after the others have
finished: the seed's printer's PDF, laid out four times to mend its pages, took longer than
its screen and large-print editions together, and when doit happened to start it after them
the build ended 0.3 s later than it needed to. Started first, the shorter tasks fill the
other workers' time beside it (longest-processing-time-first scheduling).
"""

from __future__ import annotations

from collections.abc import Callable

# Each kind of task, longest first, as the seed's cold build measured them: a PDF 0.5 s to
# 0.9 s, a preview 0.1 s to 0.2 s, a preflight 0.1 s, a draft 0.1 s, a model less.
KINDS = ("pdf", "preview", "preflight", "docx", "model")


def rank(print_ready: Callable[[str], bool], task_name: str) -> tuple[int, int]:
    """Where `task_name` (doit's `kind:document/layout`) comes among tasks ready together,
    lowest first: by its kind, and among PDFs those of a layout `print_ready` names first
    (justified, mended page by page, its colours converted: the longest of a document's
    editions). Asked of every task a build with nothing to do checks: `print_ready` is the
    declaration cache's, which reads no layout then."""
    kind, _, name = task_name.partition(":")
    position = KINDS.index(kind) if kind in KINDS else len(KINDS)
    _, _, layout = name.partition("/")
    return position, 0 if kind == "pdf" and layout and print_ready(layout) else 1
