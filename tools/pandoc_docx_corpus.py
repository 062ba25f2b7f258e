"""pandoc's DOCX test files read as editors' drafts: each read with every word, or refused in
one line. Not part of the test suite: the files are pandoc's (GPL), not ours to ship, and
no test reads outside the repository; each kind of fault found here has a test of its own
with a DOCX of our own making (tests/test_docx_edits.py).

    git --git-dir=<pandoc mirror> show HEAD:test/docx/<file> > <folder>/<file>
    python tools/pandoc_docx_corpus.py <folder> [--words]

For each file: the words pandoc reads (`pandoc -t plain`, less its list and note markers)
against the words of our document (title, byline, every block and note); a word pandoc
reads that we do not is lost, one we read that pandoc does not is invented. Headings,
tables and notes are counted in pandoc's reading (`-t json`) and ours. A refusal is one
line naming what the file holds; anything else (a Python exception) is a fault.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import traceback
import unicodedata
from collections import Counter
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.model import Document, Figure, Heading, List, Metadata, Note, SignOff, Table, plain
from pipeline.readers.docx.draft import docx_document

WORD = re.compile(r"[^\W_]+")  # pandoc writes a subscript _(so): the underscore is no word
# What pandoc's plain text adds that is no word of the text: list markers, note marks.
MARKER = re.compile(r"^\s*(?:[-*•◦▪]|\(?(?:\d+|[a-zA-Z]{1,4})[.)])\s+", re.MULTILINE)
NOTE_MARK = re.compile(r"\[\d+\]|\^\d+")
STRUCTURES = ("Header", "Table", "Note")


def words(text: str) -> Counter:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return Counter(WORD.findall(folded))


def pandoc(path: Path, to: str) -> str:
    return subprocess.run(["pandoc", "-s", "-f", "docx", "-t", to, "--wrap=none", str(path)],
                          capture_output=True, text=True, check=True).stdout


def pandoc_words(path: Path) -> Counter:
    return words(NOTE_MARK.sub(" ", MARKER.sub("", pandoc(path, "plain"))))


def pandoc_structures(path: Path) -> Counter:
    counts: Counter = Counter()

    def walk(node) -> None:
        if isinstance(node, dict):
            if node.get("t") in STRUCTURES:
                counts[node["t"]] += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(pandoc(path, "json"))["blocks"])
    return counts


def texts(block) -> list[str]:
    match block:
        case Heading():
            return [block.text]
        case Figure():
            return [block.text]
        case List():
            return block.texts
        case Table():
            return [plain(block.caption), *block.texts]
        case SignOff():
            return block.texts
        case Note():
            return [block.text]
    return [plain(tuple(span for span in block.spans if not span.note))]


def our_words(document: Document) -> Counter:
    front = [document.metadata.title, document.metadata.subtitle,
             document.byline.text if document.byline else ""]
    return words(" ".join(front + [text for block in document.blocks for text in texts(block)]))


def our_structures(document: Document) -> Counter:
    return Counter({"Header": len(document.headings),
                    "Table": sum(isinstance(block, Table) for block in document.blocks),
                    "Note": sum(isinstance(block, Note) for block in document.blocks)})


def examine(path: Path) -> dict:
    try:
        expected = pandoc_words(path)
    except subprocess.CalledProcessError as error:  # this pandoc is older than the file
        return {"file": path.name, "verdict": "pandoc cannot read it",
                "said": error.stderr.strip().splitlines()[-1] if error.stderr else ""}
    try:
        document = docx_document(path.read_bytes(), path, Metadata(title=""))
    except PipelineError as error:
        return {"file": path.name, "verdict": "refused", "said": error.problem,
                "pandoc words": sum(expected.values())}
    except Exception:  # noqa: BLE001 (a fault of ours, reported, not raised)
        return {"file": path.name, "verdict": "FAULT",
                "said": traceback.format_exc().strip().splitlines()[-1]}
    ours = our_words(document)
    # The title pandoc does not print (it is metadata) is no invented word.
    lost, invented = expected - ours, ours - expected - words(document.metadata.title)
    structures = {kind: (pandoc_structures(path)[kind], our_structures(document)[kind])
                  for kind in STRUCTURES}
    return {"file": path.name, "verdict": "lost words" if lost else "every word",
            "pandoc words": sum(expected.values()), "lost": dict(lost),
            "invented": dict(invented),
            "structures": {kind: counts for kind, counts in structures.items()
                           if counts[0] != counts[1]}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--words", action="store_true", help="list the words lost and invented")
    options = parser.parse_args()
    results = [examine(path) for path in sorted(options.folder.glob("*.docx"))]
    for result in results:
        line = f"{result['file']:<44} {result['verdict']}"
        if "said" in result:
            line += f": {result['said']}"
        else:
            line += f" ({result['pandoc words']} words)"
            if result["lost"]:
                line += f"; {sum(result['lost'].values())} lost"
            if result["invented"]:
                line += f"; {sum(result['invented'].values())} invented"
            if result["structures"]:
                line += "; pandoc/ours " + ", ".join(f"{kind} {a}/{b}" for kind, (a, b)
                                                     in result["structures"].items())
        print(line)
        if options.words and result.get("lost"):
            print(f"    lost: {' '.join(sorted(result['lost']))}")
        if options.words and result.get("invented"):
            print(f"    invented: {' '.join(sorted(result['invented']))}")
    tally = Counter(result["verdict"] for result in results)
    print(f"\n{len(results)} files: " + ", ".join(f"{count} {verdict}"
                                                  for verdict, count in tally.most_common()))
    return 1 if tally["FAULT"] or tally["lost words"] else 0


if __name__ == "__main__":
    sys.exit(main())
