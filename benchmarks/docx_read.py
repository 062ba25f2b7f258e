"""The cost of reading an edited DOCX draft back: a ~50-page draft, read by this tree's code
against a git revision's (default: main), interleaved so a burst of load hits both sides.

Each side writes its own draft of the same synthetic document (so each reads what it writes),
then reads it back several times in one process; the median of each side's reads is compared.

    python benchmarks/docx_read.py [--rev main] [--rounds 5] [--reads 3] [--pages]

`--pages` also renders the print edition once, to say how many pages the document makes.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PARTS = 7  # of the synthetic document: about eight print pages each, 56 in all

# Run in a child process whose pipeline package is the side's: builds the document from the
# model's oldest constructors (which every side has), writes the draft, times the reads.
CHILD = r"""
import json, sys, time
from pathlib import Path
from pipeline.layouts import load_layout
from pipeline.model import (Document, Figure, Heading, List, ListItem, Metadata, Note,
                            Paragraph, SignOff, Span, Table)
from pipeline.readers.docx.draft import read_docx
from pipeline.writers.docx.draft import write_docx

root, parts, reads, out = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
seed = (root / "source" / "director-review-2024.txt").read_text(encoding="utf-8")
sentences = [p.strip() for p in seed.split("\n\n") if len(p.strip()) > 200]
blocks, notes, figure = [], [], 0
for part in range(1, parts + 1):
    blocks.append(Heading(f"Part {part} of the review"))
    for number, text in enumerate(sentences, 1):
        label = f"{part}.{number}"
        blocks.append(Paragraph((Span(text[:120]), Span(" in bold", bold=True),
                                 Span(text[120:] + f" (Part {part}, block {number}.)"),
                                 Span(label, note=label))))
        notes.append(Note(label, (Span(f"A note on block {number} of part {part}."),)))
        if number % 4 == 0:
            figure += 1
            blocks.append(Figure(figure, (Span(f"Figure {figure}: a photograph of part {part}"),)))
    blocks.append(List(tuple(ListItem((Span(f"Item {i} of part {part}, a goal met."),),
                                      List((ListItem((Span("A nested point."),)),
                                            ListItem((Span("Another one."),))), "lower-alpha")
                                      if i == 2 else None)
                             for i in range(1, 6)), "decimal"))
    blocks.append(Table(((Span("Measure"),), (Span("Last year"),), (Span("This year"),)),
                        tuple(((Span(f"Measure {r}"),), (Span(f"{r * 1204:,}"),),
                               (Span(f"{r * 1311:,}"),)) for r in range(1, 9))))
blocks.append(SignOff(((Span("Yours sincerely,"),), (Span("A. N. Editor"),))))
document = Document("synthetic", Metadata(title="Synthetic Review"), None,
                    tuple(blocks + notes))
layout = load_layout(root / "layouts", "print")
out.write_bytes(write_docx(document, layout, root / "source"))
times = []
for _ in range(reads):
    start = time.perf_counter()
    read_docx(out, document.metadata)
    times.append(time.perf_counter() - start)
print(json.dumps({"times": times, "blocks": len(document.blocks)}))
"""

PDF_CHILD = r"""
import sys
from pathlib import Path
import docx
from pipeline.layouts import load_layout
from pipeline.model import Metadata
from pipeline.readers.docx.draft import read_docx
from pipeline.writers.pdf.render import render_pdf
root, draft = Path(sys.argv[1]), Path(sys.argv[2])
document = read_docx(draft, Metadata(title="Synthetic Review"))
pdf = render_pdf(document, load_layout(root / "layouts", "print"), root / "source")
import pikepdf
print(len(pikepdf.open(io := __import__("io").BytesIO(pdf)).pages))
"""


def snapshot(rev: str, folder: Path) -> Path:
    archive = subprocess.run(["git", "archive", "--format=tar", rev, "pipeline", "layouts",
                              "source"], cwd=REPO, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def side(root: Path, reads: int, out: Path) -> list[float]:
    """The read times of one child process whose pipeline is `root`'s."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", CHILD, str(root), str(PARTS), str(reads),
                             str(out)], env=env, cwd=root, check=True, capture_output=True,
                            text=True)
    return json.loads(result.stdout.splitlines()[-1])["times"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="main")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reads", type=int, default=3)
    parser.add_argument("--pages", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="docx-read-") as folder:
        before = snapshot(options.rev, Path(folder) / "before")
        drafts = {"before": Path(folder) / "before.docx", "after": Path(folder) / "after.docx"}
        times: dict[str, list[float]] = {"before": [], "after": []}
        for _ in range(options.rounds):
            times["before"] += side(before, options.reads, drafts["before"])
            times["after"] += side(REPO, options.reads, drafts["after"])
        medians = {key: statistics.median(value) for key, value in times.items()}
        print(f"draft: {drafts['after'].stat().st_size // 1024} KiB; "
              f"{options.rounds} rounds of {options.reads} reads a side")
        for key in ("before", "after"):
            print(f"{key:>6} ({options.rev if key == 'before' else 'this tree'}): "
                  f"median {medians[key]:.3f} s")
        print(f" ratio: {medians['after'] / medians['before']:.2f}x (target: 1.5x at most)")
        if options.pages:
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            pages = subprocess.run([sys.executable, "-c", PDF_CHILD, str(REPO),
                                    str(drafts["after"])], env=env, cwd=REPO, check=True,
                                   capture_output=True, text=True).stdout.strip()
            print(f" pages: {pages} (the print edition of the document read back)")
    return 0 if medians["after"] <= 1.5 * medians["before"] else 2


if __name__ == "__main__":
    sys.exit(main())
