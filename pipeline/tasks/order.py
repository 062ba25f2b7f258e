"""The order in which the build starts the tasks ready to run: the longest first.

With a worker a core, a long task started last keeps one worker busy after the others have
finished: the seed's printer's PDF, laid out four times to mend its pages, took longer than
its screen and large-print editions together, and when doit happened to start it after them
the build ended 0.3 s later than it needed to. Started first, the shorter tasks fill the
other workers' time beside it (longest-processing-time-first scheduling).
"""

from __future__ import annotations

import functools

from pipeline.errors import PipelineError

# Each kind of task, longest first, as the seed's cold build measured them: a PDF 0.5 s to
# 0.9 s, a preview 0.1 s to 0.2 s, a preflight 0.1 s, a draft 0.1 s, a model less.
KINDS = ("pdf", "preview", "preflight", "docx", "model")


def rank(project, task_name: str) -> tuple[int, int]:
    """Where `task_name` (doit's `kind:document/layout`) comes among tasks ready together,
    lowest first: by its kind, and among PDFs the printer's first (justified, mended page by
    page, its colours converted: the longest of a document's editions)."""
    kind, _, name = task_name.partition(":")
    position = KINDS.index(kind) if kind in KINDS else len(KINDS)
    _, _, layout = name.partition("/")
    return position, 0 if kind == "pdf" and layout and print_ready(project, layout) else 1


@functools.cache
def print_ready(project, layout: str) -> bool:
    from pipeline.layouts import load_layout

    try:
        return load_layout(project.layouts_dir, layout).is_pdfx
    except (PipelineError, OSError):
        return False  # its PDF task says why
