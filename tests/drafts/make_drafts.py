"""Makes the DOCX files in this folder as an editor would, with LibreOffice as the client.

Each file is a short text of its own, typed and formatted over UNO the way an editor works in
LibreOffice Writer (the toolbar's superscript, Insert > Special Character, a list restarted or
continued, Tab to nest an item, Insert > Table of Contents, a formula, a footnote in a
caption …) and saved as Word 2007-365 .docx. The tests read the files; this script is run by
hand, after a change of LibreOffice or of what a file should show:

    /usr/bin/python3 tests/drafts/make_drafts.py        # Debian: python3-uno, LibreOffice

It needs LibreOffice's Python bridge (python3-uno), which the tests themselves do not.
"""

from __future__ import annotations

import shutil
import struct
import sys
import tempfile
import zlib
from pathlib import Path

import uno  # noqa: F401 (LibreOffice's bridge; makes com.sun.star importable)
from com.sun.star.beans import PropertyValue
from com.sun.star.style import DropCapFormat
from com.sun.star.text.ControlCharacter import LINE_BREAK, PARAGRAPH_BREAK
from com.sun.star.text.TextContentAnchorType import AS_CHARACTER, AT_CHARACTER

FOLDER = Path(__file__).resolve().parent
sys.path.insert(0, str(FOLDER.parent))  # the tests' folder: LibreOffice's session
from libreoffice_session import office  # noqa: E402

PIPE = "pipeline-drafts"
# What text typed after a formatted run returns to (a link ends by itself).
PLAIN = {"CharEscapement": 0, "CharEscapementHeight": 100, "CharHidden": False,
         "CharStrikeout": 0, "CharWeight": 100.0, "CharPosture": 0,
         "CharFontName": "Liberation Serif", "CharFontCharSet": 1, "CharUnderline": 0,
         "CharCaseMap": 0, "CharWordMode": False, "CharStyleName": "Standard"}
UNDERLINE = {"CharUnderline": 1}  # com.sun.star.awt.FontUnderline: SINGLE, the toolbar's
SMALL_CAPS = {"CharCaseMap": 4}  # com.sun.star.style.CaseMap.SMALLCAPS (Format > Character)
SUPERSCRIPT = {"CharEscapement": 14000, "CharEscapementHeight": 58}  # the toolbar's: automatic
SUBSCRIPT = {"CharEscapement": -14000, "CharEscapementHeight": 58}


def prop(name: str, value) -> PropertyValue:
    holder = PropertyValue()
    holder.Name, holder.Value = name, value
    return holder


class Editor:
    """Types a document into LibreOffice Writer, a paragraph and a run at a time."""

    def __init__(self, desktop, graphics=None):
        self.doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                                (prop("Hidden", True),))
        self.graphics = graphics  # the GraphicProvider, for pictures
        self.text = self.doc.Text
        self.cursor = self.text.createTextCursor()
        self.started = False

    def paragraph(self, *runs, style: str = "Text body", numbering: str = "", level: int = 0,
                  restart: bool = False, start: int = -1, **properties) -> Editor:
        """A new paragraph of `runs` (text, or (text, formatting)) in a paragraph style, in a
        list style (`numbering`) at `level`, restarted (at `start`) if asked."""
        if self.started:
            self.text.insertControlCharacter(self.cursor, PARAGRAPH_BREAK, False)
        self.started = True
        self.cursor.ParaStyleName = style
        self.cursor.NumberingStyleName = numbering
        if numbering:
            self.cursor.NumberingLevel = level
            self.cursor.ParaIsNumberingRestart = restart
            if start >= 0:
                self.cursor.NumberingStartValue = start
        for name, value in properties.items():
            self.cursor.setPropertyValue(name, value)
        for run in runs:
            self.run(*((run, {}) if isinstance(run, str) else run))
        return self

    def run(self, text: str, formatting: dict) -> None:
        """Text typed, then selected and formatted, as an editor does."""
        self.text.insertString(self.cursor, text, False)
        if not formatting:
            return
        selection = self.text.createTextCursorByRange(self.cursor)
        selection.goLeft(len(text), True)
        for name, value in formatting.items():
            selection.setPropertyValue(name, value)
        for name in formatting:
            if name in PLAIN:
                self.cursor.setPropertyValue(name, PLAIN[name])

    def line_break(self) -> None:
        self.text.insertControlCharacter(self.cursor, LINE_BREAK, False)

    def content(self, service: str):
        """An object of the document's (a footnote, a field, an index), at the cursor."""
        made = self.doc.createInstance(service)
        return made

    def insert(self, content) -> None:
        self.text.insertTextContent(self.cursor, content, False)

    def footnote(self, text: str) -> None:
        note = self.content("com.sun.star.text.Footnote")
        self.insert(note)
        note.setString(text)

    def captioned_picture(self, picture: Path, caption: str, *more: str) -> None:
        """A picture with its caption, as Insert > Caption leaves one (SwDoc::InsertLabel; no
        UNO call makes it): a frame anchored at the cursor holding, in one paragraph of the
        Figure style, the picture as a character, a line break and "Figure <n>: caption",
        the number a Figure sequence field; `more`: paragraphs of body text after it, in the
        frame, as an editor may type there."""
        frame = self.content("com.sun.star.text.TextFrame")
        frame.AnchorType = AT_CHARACTER
        frame.Width = 8000  # hundredths of a millimetre
        self.insert(frame)
        text = frame.Text
        cursor = text.createTextCursor()
        cursor.ParaStyleName = "Figure"
        graphic = self.content("com.sun.star.text.TextGraphicObject")
        graphic.Graphic = self.graphics.queryGraphic((prop("URL", picture.as_uri()),))
        graphic.AnchorType = AS_CHARACTER
        graphic.Width, graphic.Height = 7000, 4375
        text.insertTextContent(cursor, graphic, False)
        text.insertControlCharacter(cursor, LINE_BREAK, False)
        text.insertString(cursor, "Figure ", False)
        number = self.content("com.sun.star.text.TextField.SetExpression")
        number.attachTextFieldMaster(self.doc.TextFieldMasters.getByName(
            "com.sun.star.text.fieldmaster.SetExpression.Figure"))
        number.NumberingType = 4  # arabic
        number.Content = "Figure+1"
        text.insertTextContent(cursor, number, False)
        text.insertString(cursor, f": {caption}", False)
        for paragraph in more:
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            cursor.ParaStyleName = "Text body"
            text.insertString(cursor, paragraph, False)

    def table(self, rows: list[list[str]]) -> None:
        table = self.content("com.sun.star.text.TextTable")
        table.initialize(len(rows), len(rows[0]))
        self.text.insertControlCharacter(self.cursor, PARAGRAPH_BREAK, False)
        self.insert(table)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.getCellByName(f"{'ABCDEFGH'[c]}{r + 1}").setString(value)

    def style(self, family: str, name: str, parent: str, **properties) -> None:
        """A style of the editor's own (Styles > New Style), based on `parent`."""
        made = self.doc.createInstance(f"com.sun.star.style.{family[:-1]}")
        self.doc.StyleFamilies.getByName(family).insertByName(name, made)
        made.ParentStyle = parent
        for key, value in properties.items():
            made.setPropertyValue(key, value)

    def save(self, name: str) -> None:
        self.doc.storeToURL((FOLDER / name).as_uri(), (prop("FilterName", "MS Word 2007 XML"),))
        self.doc.close(True)
        print(name)


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A PNG picture of one colour, written without Pillow (which python3-uno's Python may
    lack)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def captioned(desktop, graphics, folder: Path) -> None:
    """Pictures captioned with Insert > Caption, each frame anchored to the paragraph after
    it (LibreOffice lays a frame out at the top of its paragraph, and writes it at the
    paragraph's end); and a frame holding body text besides, which is refused."""
    pier, deck = folder / "pier.png", folder / "deck.png"
    pier.write_bytes(png(320, 200, (20, 40, 120)))
    deck.write_bytes(png(320, 200, (0, 128, 128)))
    editor = Editor(desktop, graphics).paragraph("The new pier opened in March.")
    editor.paragraph("")
    editor.captioned_picture(pier, "The new pier at Central")
    editor.paragraph("Ridership rose by a fifth.")
    editor.captioned_picture(deck, "On the upper deck")
    editor.paragraph("Fares held.").save("captioned-pictures.docx")
    editor = Editor(desktop, graphics).paragraph("The ferry sailed at dawn.")
    editor.captioned_picture(pier, "The pier", "Timetables are on the website.")
    editor.save("frame-with-text.docx")


def the_drafts(desktop, graphics) -> None:
    """Every file, each a text of its own."""
    with tempfile.TemporaryDirectory() as pictures:
        captioned(desktop, graphics, Path(pictures))

    # Science writing: superscripts and subscripts as the toolbar and Format > Character set them.
    Editor(desktop).paragraph(
        "Output rose to 4.1 × 10", ("6", SUPERSCRIPT), " tonnes while CO", ("2", SUBSCRIPT),
        " fell; the 2", ("nd", {"CharEscapement": 33, "CharEscapementHeight": 58}),
        " plant, on H", ("2", {"CharEscapement": -33, "CharEscapementHeight": 58}),
        "O, opened.").save("superscript-subscript.docx")

    # Insert > Special Character from Wingdings and Symbol; a link on two words.
    Editor(desktop).paragraph(
        "Approved ", ("\uf0fc", {"CharFontName": "Wingdings", "CharFontCharSet": 2}),
        " by the board, angle ", ("\uf061", {"CharFontName": "Symbol", "CharFontCharSet": 2}),
        ", see ", ("our website", {"HyperLinkURL": "https://museum.example.org/visit"}),
        " or https://museum.example.org/plain.").save("symbols-and-links.docx")

    # A numbered list starting at 5, interrupted, continued; then one restarted at v in roman.
    editor = Editor(desktop).paragraph("The board resolved:")
    for number, item in enumerate(("to open the east wing;", "to extend the hours;"), 0):
        editor.paragraph(item, numbering="Numbering 123", restart=number == 0,
                         start=5 if number == 0 else -1)
    editor.paragraph("And, after a vote:")
    editor.paragraph("to freeze the fees.", numbering="Numbering 123")
    editor.paragraph("The survey found:")
    for number, item in enumerate(("visitors rose;", "spending rose;"), 0):
        editor.paragraph(item, numbering="Numbering ivx", restart=number == 0,
                         start=5 if number == 0 else -1)
    editor.paragraph("Signed off.").save("lists-start-continue-restart.docx")

    # 28 lettered items; a list ended with "No List"; bullets then numbers, no text between.
    editor = Editor(desktop).paragraph("Stations on the line:")
    for number in range(1, 29):
        editor.paragraph(f"station {number};", numbering="Numbering abc")
    editor.paragraph("This paragraph was a list item until No List.", numbering="")
    editor.paragraph("first bullet;", numbering="List 1")
    editor.paragraph("second bullet.", numbering="List 1")
    editor.paragraph("first number;", numbering="Numbering 123", restart=True)
    editor.paragraph("second number.", numbering="Numbering 123")
    editor.save("lists-letters-ended-mixed.docx")

    # Bullets nested with Tab, three levels.
    Editor(desktop).paragraph("Our priorities:") \
        .paragraph("safety;", numbering="List 1") \
        .paragraph("in the tunnels;", numbering="List 1", level=1) \
        .paragraph("at night.", numbering="List 1", level=2) \
        .paragraph("service.", numbering="List 1") \
        .paragraph("After the list.").save("lists-nested.docx")

    # Hidden text; struck-out text.
    Editor(desktop).paragraph("Shown, ", ("and hidden", {"CharHidden": True}), ".") \
        .save("hidden-text.docx")
    Editor(desktop).paragraph("Kept, ", ("and struck", {"CharStrikeout": 1}), ".") \
        .save("struck-text.docx")

    # A table of contents over two headings.
    editor = Editor(desktop).paragraph("Opening words.")
    editor.paragraph("")
    index = editor.content("com.sun.star.text.ContentIndex")
    editor.insert(index)
    editor.paragraph("Finances", style="Heading 1").paragraph("Money came in.")
    editor.paragraph("Staff", style="Heading 1").paragraph("People joined.")
    index.update()
    editor.save("table-of-contents.docx")

    # A footnote in a caption, and one in a heading.
    editor = Editor(desktop).paragraph("The new ward opened.")
    editor.paragraph("The ward at night", style="Caption")
    editor.footnote("Photograph by the trust.")
    editor.save("footnote-in-caption.docx")
    editor = Editor(desktop).paragraph("Results", style="Heading 1")
    editor.footnote("Unaudited.")
    editor.paragraph("Income rose.").save("footnote-in-heading.docx")

    # A drop cap.
    cap = DropCapFormat()
    cap.Lines, cap.Count, cap.Distance = 3, 1, 0
    Editor(desktop).paragraph("Dropping the first letter of a chapter is an old habit.",
                              DropCapFormat=cap).save("drop-cap.docx")

    # A table with its caption typed under it; a page-number field in running text.
    editor = Editor(desktop).paragraph("Results by region:")
    editor.table([["Region", "Visits"], ["North", "1,204"], ["South", "980"]])
    editor.paragraph("Table 1: Visits by region", style="Caption")
    editor.paragraph("The end.").save("table-caption.docx")
    editor = Editor(desktop).paragraph("This is page ")
    page = editor.content("com.sun.star.text.TextField.PageNumber")
    page.NumberingType = 4  # arabic
    page.SubType = 1  # the current page
    editor.insert(page)
    editor.run(".", {})
    editor.save("page-number-field.docx")


def underline_drafts(desktop) -> None:
    """Underline and small capitals as an editor sets them: the toolbar's underline, other
    lines (double, wave, words only), Format > Character's small capitals, a character style
    and a paragraph style of the editor's own, a link underlined, proper names in Chinese."""
    editor = Editor(desktop)
    editor.style("CharacterStyles", "Ship Name", "", CharUnderline=2, CharPosture=2)
    editor.style("ParagraphStyles", "Motto", "Text body", CharUnderline=1)
    editor.paragraph("Steady as she goes.", style="Motto")  # first: no formatting typed yet
    editor.paragraph(
        "The ", ("Endeavour", {"CharStyleName": "Ship Name"}), " sailed under the ",
        ("Royal Navy", SMALL_CAPS), " flag; the log reads ", ("never", UNDERLINE), ", ",
        ("twice over", {"CharUnderline": 2}), ", ", ("in a wave", {"CharUnderline": 10}), ", ",
        ("word by word", {"CharUnderline": 1, "CharWordMode": True}), " and ",
        ("Admiralty Orders", {**UNDERLINE, **SMALL_CAPS, "CharWeight": 150.0}),
        "; see ", ("the log", {"HyperLinkURL": "https://navy.example.org/log", **UNDERLINE}),
        " or ", ("the crew list", {"HyperLinkURL": "https://navy.example.org/crew"}), ".")
    editor.paragraph(("孔子", UNDERLINE), "生於", ("魯國", UNDERLINE), "，見",
                     ("史記", SMALL_CAPS), "。")
    editor.save("underline-small-caps.docx")


def main() -> int:
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        with office(profile, PIPE) as context:
            desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
            graphics = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.graphic.GraphicProvider", context)
            the_drafts(desktop, graphics)
            underline_drafts(desktop)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
