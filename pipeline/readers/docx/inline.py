"""A DOCX paragraph's inline content as Word shows it: text with its emphasis, position
(superscript, subscript), underline, small capitals, links and note references, whatever
wraps it.

- Runs are read wherever they stand: in hyperlinks, content controls (w:sdt; one showing its
  placeholder holds no text of the editor's), smart tags, custom XML, w:ins holding no text of
  its own, simple fields (w:fldSimple) and complex fields (w:fldChar … w:instrText …
  separate … end), of which the current result is read, as Word shows it. A HYPERLINK field
  is a link, like w:hyperlink; a link to a bookmark inside the document keeps its text only,
  and one whose relationship is none, or no link's, is refused.
- A symbol (w:sym) is its Unicode character (symbols.py). A tab is a space; a line break
  is kept for the sign-off's lines, a space elsewhere; a page or column break a space.
- A run is bold, italic, raised or lowered, underlined (any kind of line), in small
  capitals or in a language other than the draft's (w:lang) by its own formatting, else its
  character style's; what hides, strikes,
  underlines or sets text in small capitals may also come from the paragraph's style, and
  in body text (a paragraph, a list item) bold and italic too (a style of the editor's
  own, italic as a whole), which elsewhere are the style's look (a heading's bold, a
  caption's or a quotation's italic). A
  link's underline is its style's look, so only the run's own is read there.

What Word would show but the editions cannot, or shows otherwise, is refused with a line
naming it and where it stands: an equation (OMML), an old-style VML picture or embedded
object, hidden or struck-out text, emphasis dots (着重號), characters combined two lines in
one or set across the line, a symbol with no Unicode character, a phonetic guide (ruby), a
table of contents or index, a page-number field, a link leading to no address. Each Story
keeps the fields open as it reads on, since a field (a table of contents above all) may run
over several paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

from pipeline.errors import PipelineError, excerpt
from pipeline.languages import (
    LANGUAGE_TAG,
    docx_language_attributes,
    phrases,
    profile_for,
    regional_variant,
)
from pipeline.model import Span, linkable
from pipeline.readers.docx.structures import (
    NOTE_REFERENCE_STYLES,
    Styles,
    place_of,
    run_properties,
    words_of,
)
from pipeline.readers.docx.symbols import symbol_character

# What a paragraph style's run properties give each of its runs, as Word shows them.
PARAGRAPH_WIDE = ("hidden", "struck", "double_struck", "underline", "small_caps",
                  "emphasis_mark", "combined")
# And in body text, its emphasis: a paragraph in an italic style of the editor's own is
# italic as a whole.
BODY_WIDE = (*PARAGRAPH_WIDE, "bold", "italic")
# In a heading or the front matter, set in its one style, the style's underline and small
# capitals are its look (a house style's small-capital title), as its bold and italic are.
PLAIN_WIDE = tuple(key for key in PARAGRAPH_WIDE if key not in ("underline", "small_caps"))

MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MARKUP_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Elements whose runs are the paragraph's own, read as if they were not there.
WRAPPERS = {qn(tag) for tag in ("w:smartTag", "w:customXml", "w:ins", "w:dir", "w:bdo")}
NOTE_REFERENCES = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}
BREAKS = {"page": " ", "column": " "}  # other breaks are line breaks
# The character styles a link's text is set in, by their ids: Word's, and LibreOffice's
# (Internet Link, Visited Internet Link).
LINK_CHARACTER_STYLES = frozenset({"Hyperlink", "FollowedHyperlink", "InternetLink",
                                   "VisitedInternetLink"})
CONTENTS_FIELDS = {"TOC": "a table of contents", "TOA": "a table of authorities",
                   "INDEX": "an index"}
CONTENTS_REMEDY = "the editions lay out their own pages and carry none: delete it"
PAGE_FIELDS = ("PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF")
SYMBOL_CODES = re.compile("[\uf020-\uf0ff]")  # a symbol font's characters, as Word maps them
HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+(?:"([^"]*)"|([^\s\\"]+))?', re.IGNORECASE)
# A link field's place in the page it leads to, after its address (`\l "hotline"`), as a
# w:hyperlink's anchor is: its fragment.
FIELD_LOCATION = re.compile(r'\\l\s+(?:"([^"]*)"|(\S+))', re.IGNORECASE)


@dataclass
class Field:
    """A complex field being read: its instruction, and whether its result has begun."""

    instruction: str = ""
    result: bool = False
    link: str = ""


@dataclass
class Story:
    """One flow of text read in order (the body, or the notes of a part) with what it needs:
    the styles, the relationships its links name, the notes' labels, and the fields open."""

    styles: Styles
    rels: dict
    labels: dict[tuple[str, str], str]
    path: object
    # The document's language, as it was last built; else the draft's (its w:val, which
    # drafts written before it named the language of Latin letters gave).
    document_language: str = ""
    fields: list[Field] = field(default_factory=list)
    instructing: int = 0  # the open fields still in their instruction: what they hold hides
    links: list[str] = field(default_factory=list)  # the HYPERLINK fields' showing their result
    seen: set = field(default_factory=set)  # every w:t met, shown or not
    pictures: list = field(default_factory=list)  # the w:drawing of the paragraph read last
    frames: list = field(default_factory=list)  # its text frames (their content unread)
    # Whether it holds a link, to an address or to a place in the draft: a heading or the
    # front matter, set as plain text, can carry neither.
    linked: bool = False
    plain: bool = False  # it is such a paragraph: any link in it is its reader's to refuse

    def paragraph(self, p, body: bool = False, plain: bool = False) -> list[Span]:
        """The paragraph's text as spans, not yet cleaned; line breaks as "\\n". What its
        style gives every run is read as the runs' own: what hides, strikes, underlines or
        sets in small capitals, and in `body` text (a paragraph, a list item) its emphasis,
        which elsewhere is the style's look (a heading's bold, a caption's italic). In `plain`
        text (a heading, the front matter) the style's underline and small capitals are its
        look too, and any link is refused by the caller, as one."""
        self.pictures, self.frames, self.linked, self.plain = [], [], False, plain
        spans: list[Span] = []
        wide = BODY_WIDE if body else PLAIN_WIDE if plain else PARAGRAPH_WIDE
        style = {key: value for key, value in
                 self.styles.run_properties(self.styles.paragraph_style(p)).items()
                 if key in wide}
        self.walk(p, "", spans, style)
        return spans

    def walk(self, element, link: str, spans: list[Span], style: dict) -> None:
        for child in element:
            tag = child.tag
            if tag == qn("w:r"):
                self.run(child, link, spans, style)
            elif tag == qn("w:hyperlink"):
                self.linked = True
                self.walk(child, self.target(child) or link, spans, style)
            elif tag == qn("w:sdt"):
                self.content_control(child, link, spans, style)
            elif tag == qn("w:fldSimple"):
                simple = Field(child.get(qn("w:instr"), ""), result=True)
                self.check(simple, child)
                self.walk(child, simple.link or link, spans, style)
            elif tag in WRAPPERS:
                self.walk(child, link, spans, style)
            elif tag.startswith(MATH):
                self.refuse(child, "an equation", "write it as text (E = mc²) or make it a"
                            " picture with a caption")
            elif tag == f"{MARKUP_COMPATIBILITY}AlternateContent":
                choice = child.find(f"{MARKUP_COMPATIBILITY}Choice")
                if choice is not None:
                    self.walk(choice, link, spans, style)

    def content_control(self, sdt, link: str, spans: list[Span], style: dict) -> None:
        content = sdt.find(qn("w:sdtContent"))
        properties = sdt.find(qn("w:sdtPr"))
        if content is None:
            return
        if properties is not None and properties.find(qn("w:showingPlcHdr")) is not None:
            self.seen.update(content.iter(qn("w:t")))  # the prompt, not the editor's text
            return
        self.walk(content, link, spans, style)

    def run(self, r, link: str, spans: list[Span], style: dict) -> None:
        properties = self.properties(r, style)
        reference = self.reference_label(r, properties)
        if reference is not None:
            self.seen.update(r.iter(qn("w:t")))  # a custom mark is the label
            if reference and self.shown():
                spans.append(Span(reference, properties.get("bold", False),
                                  properties.get("italic", False), note=reference))
            return
        for child in r:
            text = self.text_of(child, r)
            if text:
                self.show(text, properties, link, spans, r)

    def text_of(self, child, r) -> str:
        """What one child of a run shows; fields and pictures are noted as they pass."""
        tag = child.tag
        if tag == qn("w:t"):
            self.seen.add(child)
            return child.text or ""
        if tag in (qn("w:tab"), qn("w:ptab")):
            return "\t"
        if tag == qn("w:br"):
            return BREAKS.get(child.get(qn("w:type")), "\n")
        if tag == qn("w:cr"):
            return "\n"
        if tag == qn("w:noBreakHyphen"):
            return "\u2011"  # the editor's "do not break here", kept in every edition
        if tag == qn("w:sym"):
            return self.symbol(child, child.get(qn("w:font"), ""), child.get(qn("w:char"), ""))
        if tag == qn("w:fldChar"):
            self.field_char(child)
        elif tag == qn("w:instrText") and self.fields:
            self.fields[-1].instruction += child.text or ""
        elif tag == qn("w:drawing"):
            self.drawing(child)
        elif tag == qn("w:pict"):
            self.vml(child)
        elif tag == qn("w:object"):
            self.refuse(child, "an embedded object (an old equation, a chart or a"
                        " spreadsheet)", "make it a picture with a caption, or text")
        elif tag == qn("w:ruby"):
            self.phonetic_guide(child)
        elif tag == f"{MARKUP_COMPATIBILITY}AlternateContent":
            choice = child.find(f"{MARKUP_COMPATIBILITY}Choice")
            for drawing in [] if choice is None else choice.findall(qn("w:drawing")):
                self.drawing(drawing)
            fallback = child.find(f"{MARKUP_COMPATIBILITY}Fallback")
            if choice is not None and fallback is not None:  # a copy of the choice, for
                self.seen.update(fallback.iter(qn("w:t")))  # older readers: read once
        return ""

    def drawing(self, drawing) -> None:
        """A picture, or a text frame (a shape holding text, such as LibreOffice's frame
        holding a captioned picture), whose content the caller reads or leaves unread."""
        if next(drawing.iter(qn("w:txbxContent")), None) is None:
            self.pictures.append(drawing)
        else:
            self.frames.append(drawing)

    def show(self, text: str, properties: dict, link: str, spans: list[Span], r) -> None:
        if not self.shown():
            return
        if SYMBOL_CODES.search(text) and properties.get("font"):
            # Text in a symbol font, as LibreOffice writes a symbol: the font's own codes.
            text = SYMBOL_CODES.sub(lambda code: self.symbol(r, str(properties["font"]),
                                                             f"{ord(code.group()):04X}"), text)
        if text.strip() and properties.get("hidden"):
            self.refuse(r, f"hidden text {excerpt(text)}", "delete it, or unhide it"
                        " (Format > Font, Hidden), so that what prints is what Word shows")
        if text.strip() and (properties.get("struck") or properties.get("double_struck")):
            self.refuse(r, f"struck-out text {excerpt(text)}", "delete it, or remove the"
                        " strikethrough (a tracked deletion: accept or reject it)")
        if text.strip() and properties.get("emphasis_mark"):
            self.refuse(r, f"emphasis marks (着重號) on {excerpt(text)}", "make it bold instead"
                        " (Format > Font, Emphasis mark: none), as the editions emphasise")
        if text.strip() and properties.get("combined"):
            self.refuse(r, f"characters combined or set across the line {excerpt(text)}",
                        "write them on the line (Format > Asian Layout, none)")
        link = (self.links[-1] if self.links else "") or link
        if link and not linkable(link):
            raise PipelineError(self.path, f"holds a link on {excerpt(text)} ({where(r)}) to"
                                f" {excerpt(link)}, which is not a web, mail or telephone"
                                " address; link its words to an address starting https://,"
                                " http://, mailto: or tel: (Insert > Link), or remove the"
                                " link, save, and run doit again")
        # A link's underline is the look of its character style (Word's Hyperlink,
        # LibreOffice's Internet Link): in a link, or in that style without one (a link a
        # program dropped keeps its look), only the run's own underline is the editor's, and
        # not with a colour of its own (a web page's link pasted keeping its look, blue).
        styled = link or properties.get("style") in LINK_CHARACTER_STYLES
        own_line = properties.get("own_underline") and not properties.get("own_coloured")
        spans.append(Span(text, bool(properties.get("bold")), bool(properties.get("italic")),
                          position=str(properties.get("position", "")), link=link,
                          underline=bool(own_line if styled else properties.get("underline")),
                          small_caps=bool(properties.get("small_caps")),
                          language=self.language(text, properties.get("lang") or {})))

    def language(self, text: str, marks: dict[str, str]) -> str:
        """The language a run's own marks (or its character style's) give its text, where
        it differs from the draft's: its mark for the script the text is in (w:eastAsia for
        Han characters, else w:val), unless that is, in any region, the draft's default
        for it or the language the editions give the text unmarked (English words in
        Chinese), or no well-formed tag. Word marks what is typed with the keyboard's
        language and what is pasted with its source's, so an editor's correction in an
        en-GB draft comes marked en-US, one in a zh-HK draft zh-TW, with no language meant."""
        attribute = docx_language_attributes(text)[-1]
        given = marks.get(attribute, "")
        if not LANGUAGE_TAG.fullmatch(given):
            return ""
        document = profile_for(self.document_language
                               or self.styles.languages.get("w:val", ""))
        unmarked = {self.styles.languages.get(attribute, ""),
                    *((profile or document).tag for piece, profile in phrases(text, document)
                      if piece.strip())}
        return "" if any(regional_variant(given, tag) for tag in unmarked) else given

    def shown(self) -> bool:
        """Whether text read now is shown: not in a field's instruction."""
        return not self.instructing

    def properties(self, r, style: dict) -> dict:
        """The run's formatting: what its paragraph's `style` gives every run (`paragraph`),
        then its character style's, then its own."""
        own = r.find(qn("w:rPr"))
        character_style = own.find(qn("w:rStyle")) if own is not None else None
        style_id = character_style.get(qn("w:val")) if character_style is not None else None
        found = dict(style)
        found.update(self.styles.run_properties(style_id))
        if own is not None:
            direct = run_properties(own)
            found.update(direct)
            found["own_underline"] = direct.get("underline", False)
            found["own_coloured"] = direct.get("coloured", False)
        found["style"] = style_id
        return found

    def reference_label(self, r, properties: dict) -> str | None:
        """The label of the note a run refers to, "" for a note's own mark; None for a run
        that refers to none. Word's references by their number or mark; a run in a
        note-reference style by its text (a second reference to a note, say)."""
        for tag, kind in NOTE_REFERENCES.items():
            reference = r.find(tag)
            if reference is not None:
                return self.labels.get((kind, reference.get(qn("w:id"))), "")
        if set(self.styles.names(properties["style"])) & set(NOTE_REFERENCE_STYLES):
            return "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()
        return None

    def field_char(self, element) -> None:
        kind = element.get(qn("w:fldCharType"))
        if kind == "begin":
            self.fields.append(Field())
            self.instructing += 1
        elif kind == "separate" and self.fields and not self.fields[-1].result:
            self.showing(self.fields[-1], element)
        elif kind == "end" and self.fields:
            ended = self.fields.pop()
            if not ended.result:  # a field with no result shows none
                self.instructing -= 1
                self.check(ended, element)
            elif ended.link:
                self.links.pop()

    def showing(self, open_field: Field, element) -> None:
        """A field's result begins: what follows is shown, and linked if it is a link's."""
        open_field.result = True
        self.instructing -= 1
        self.check(open_field, element)
        if open_field.link:
            self.links.append(open_field.link)

    def check(self, open_field: Field, element) -> None:
        """A field's kind, once its instruction is known: a link, or refused."""
        words = open_field.instruction.split()
        kind = words[0].upper() if words else ""
        if kind in CONTENTS_FIELDS:
            self.refuse(element, CONTENTS_FIELDS[kind], CONTENTS_REMEDY)
        if kind in PAGE_FIELDS:
            self.refuse(element, "a page-number field", "page numbers are the layout's:"
                        " type the text instead")
        if kind == "HYPERLINK":
            self.linked = True
            instruction = open_field.instruction.strip()
            match = HYPERLINK_FIELD.match(instruction)
            address = (match.group(1) or match.group(2) or "") if match else ""
            place = FIELD_LOCATION.search(instruction)
            fragment = (place.group(1) or place.group(2)) if place else ""
            open_field.link = address + (f"#{fragment}" if address and fragment else "")

    def target(self, hyperlink) -> str:
        """A w:hyperlink's address; "" for one to a bookmark in the document. One whose
        relationship is none, or no link's (a part of the draft), leads nowhere: refused,
        as its words alone would drop the link unsaid (in plain text, as any link is)."""
        related = hyperlink.get(f"{R}id")
        if related is None:
            return ""
        rel = self.rels.get(related)
        if (rel is None or rel.reltype != RELATIONSHIP_TYPE.HYPERLINK) and not self.plain:
            self.refuse(hyperlink, "a link leading to no address", "insert the link again"
                        " (Insert > Link)")
        if rel is None or not rel.is_external:
            return ""
        anchor = hyperlink.get(qn("w:anchor"))
        return rel.target_ref + (f"#{anchor}" if anchor else "")

    def symbol(self, element, font: str, code: str) -> str:
        character = symbol_character(font, code)
        if character is None:
            self.refuse(element, f"a symbol of the font {font} ({code}) that has no Unicode"
                        " character", "insert it from an ordinary font (Insert > Symbol, the"
                        " text's own font)")
        return character

    def vml(self, picture) -> None:
        """An old-style picture: refused, unless it is a text box, a frame as text frames
        in DrawingML are."""
        if next(picture.iter(qn("w:txbxContent")), None) is None:
            self.refuse(picture, "an old-style (VML) picture or shape", "insert the picture"
                        " again (Insert > Picture) with a caption, or delete it")
        self.frames.append(picture)

    def phonetic_guide(self, ruby) -> None:
        """A phonetic guide (ruby: a reading set small over Chinese characters), which the
        editions' layout cannot set over its characters; read as text, its reading would
        stand in the sentence as words of it."""
        reading, base = ("".join(t.text or "" for t in ruby.iterfind(f"{qn(part)}//{qn('w:t')}"))
                         for part in ("w:rt", "w:rubyBase"))
        self.refuse(ruby, f"a phonetic guide {excerpt(reading)} over {excerpt(base)}",
                    "remove it (Word: Home > Phonetic Guide > Remove; LibreOffice: Format >"
                    " Asian Phonetic Guide), or write the reading after the words, in"
                    " brackets")

    def refuse(self, element, what: str, remedy: str) -> None:
        raise refusal(self.path, what, where(element), remedy)


def refusal(path, what: str, place: str, remedy: str) -> PipelineError:
    """The one line that refuses what a draft holds and the editions cannot carry."""
    return PipelineError(path, f"holds {what} ({place}), which the editions cannot carry;"
                         f" {remedy}, save, and run doit again")


def where(element) -> str:
    """Where an element stands, for a message: in its paragraph, by the paragraph's text."""
    paragraph = next(element.iterancestors(qn("w:p")), None)
    text = words_of(paragraph) if paragraph is not None else ""
    return f"in {excerpt(text)}" if text.strip() else place_of(element)


def lines(spans: list[Span]) -> list[list[Span]]:
    """Spans parted at their line breaks."""
    result: list[list[Span]] = [[]]
    for span in spans:
        for index, piece in enumerate(span.text.split("\n")):
            if index:
                result.append([])
            if piece:
                result[-1].append(replace(span, text=piece))
    return result


def note_label_of(body) -> dict[tuple[str, str], str]:
    """Each Word note's label: its custom mark, else its number among the numbered notes in
    the order of their references (footnotes and endnotes counted together)."""
    labels: dict[tuple[str, str], str] = {}
    numbered = 0
    for run in body.iter(qn("w:r")):
        for tag, kind in NOTE_REFERENCES.items():
            reference = run.find(tag)
            if reference is None:
                continue
            key = (kind, reference.get(qn("w:id")))
            if reference.get(qn("w:customMarkFollows")) in ("1", "true", "on"):
                labels[key] = "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()
            elif key not in labels:
                numbered += 1
                labels[key] = str(numbered)
    return labels

