"""Retypes paragraphs of a DOCX in LibreOffice over UNO, as an editor does, and saves it as
Word 2007-365 .docx: what LibreOffice keeps of a draft's marks after such edits.

    /usr/bin/python3 tests/libreoffice_retype.py FOLDER IN.docx OUT.docx EDITS.json

EDITS is a list of [start, words, count]: in the paragraph starting with `start`, the first
`count` characters (-1: all of them) replaced by `words`, typed over them; or of ["Tab",
start]: the list item starting with `start` nested one level deeper, as Tab does. LibreOffice's
Python bridge (python3-uno, which LibreOffice's Debian packages install) imports only in the
system's Python; FOLDER holds LibreOffice's throwaway profile.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import uno  # noqa: F401 (LibreOffice's bridge; makes com.sun.star importable)
from com.sun.star.beans import PropertyValue
from libreoffice_session import office

PIPE = "pipeline-retype"


def prop(name: str, value) -> PropertyValue:
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def paragraph(document, start: str):
    paragraphs = document.Text.createEnumeration()
    while paragraphs.hasMoreElements():
        found = paragraphs.nextElement()
        if found.supportsService("com.sun.star.text.Paragraph") and found.String.startswith(start):
            return found
    raise SystemExit(f"no paragraph starting {start!r}")


def retype(desktop, source: Path, target: Path, edits: list) -> None:
    document = desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, (prop("Hidden", True),))
    for edit in edits:
        if edit[0] == "Tab":
            item = paragraph(document, edit[1])
            item.NumberingLevel = item.NumberingLevel + 1
            continue
        start, words, count = edit
        cursor = document.Text.createTextCursorByRange(paragraph(document, start).Start)
        if count < 0:
            cursor.gotoEndOfParagraph(True)
        else:
            cursor.goRight(count, True)
        cursor.setString(words)
    document.storeToURL(target.as_uri(), (prop("FilterName", "MS Word 2007 XML"),
                                          prop("Overwrite", True)))
    document.close(True)


def main() -> int:
    folder, source, target, edits = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), \
        json.loads(Path(sys.argv[4]).read_text(encoding="utf-8"))
    with office(folder / "profile", PIPE, home=folder) as context:
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                                   context)
        retype(desktop, source, target, edits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
