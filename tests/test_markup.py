"""The marked-up source: its header and blocks, emphasis and escapes, errors, exact round trip."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from pipeline.errors import PipelineError
from pipeline.model import (
    POSITIONS,
    Byline,
    Document,
    Figure,
    Heading,
    LineBlock,
    Metadata,
    Paragraph,
    Quotation,
    SignOff,
    Span,
    plain,
    unskipped,
)
from pipeline.readers.cleaning import WHITE_SPACE, clean_front_line, clean_line, clean_spans
from pipeline.readers.front_matter import parse_byline
from pipeline.readers.markup import read_markup
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped, scraped_document
from pipeline.writers.markup import write_markup, write_spans

from .conftest import ROOT, SEED

NBSP = "\u00a0"
EXAMPLE = """Title: Director's Review
Subtitle: Annual Report 2024
Byline: Benson KWOK Joon-fung, IDSM, Director of Immigration

The year 2024 marked the *75th anniversary* of the founding of the **PRC**.

# A new headquarters

On 11 June, the new Immigration Headquarters
opened in Tseung Kwan O.

![The new headquarters in Tseung Kwan O](photos/headquarters.jpg)

## Serving the public
"""


@pytest.fixture(scope="module")
def source_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("source")
    (folder / "photos").mkdir()
    for name in ("photos/headquarters.jpg", "a.png", "photos/b.jpg"):
        Image.new("RGB", (2, 2)).save(folder / name)  # a picture: its header is checked
    return folder


def read(text: str, source_dir: Path, metadata: Metadata | None = None) -> Document:
    return read_markup(text, source_dir / "piece.md", metadata or Metadata(title=""), source_dir)


def failure(text: str, source_dir: Path) -> str:
    with pytest.raises(PipelineError) as raised:
        read(text, source_dir)
    return str(raised.value)


def test_the_documented_example(source_dir):
    document = read(EXAMPLE, source_dir, Metadata(title="Other", alt={1: "Two towers"}))
    assert document.name == "piece"
    assert document.metadata.title == "Director’s Review"
    assert document.metadata.subtitle == "Annual Report 2024"
    assert document.byline == Byline("Benson KWOK\u00a0Joon-fung", ("IDSM",), "Director of Immigration")
    assert document.blocks == (
        Paragraph(
            (
                Span("The year 2024 marked the "),
                Span("75th anniversary", italic=True),
                Span(" of the founding of the "),
                Span("PRC", bold=True),
                Span("."),
            )
        ),
        Heading("A new headquarters"),
        Paragraph((Span(f"On 11{NBSP}June, the new Immigration Headquarters opened in Tseung Kwan O."),)),
        Figure(1, (Span("The new headquarters in Tseung Kwan O"),), "photos/headquarters.jpg", "Two towers"),
        Heading("Serving the public", 2),
    )


def test_the_title_falls_back_on_the_metadata_then_the_file_name(source_dir):
    assert read("Text.", source_dir, Metadata(title="From TOML")).metadata.title == "From TOML"
    assert read("Text.", source_dir).metadata.title == "Piece"
    assert read("Title:\n\nText.", source_dir).metadata.title == "Piece"


def test_a_subtitle_left_out_comes_from_the_metadata_and_an_empty_one_means_none(source_dir):
    metadata = Metadata(title="T", subtitle="Annual Report 2024")
    assert read("Title: T\n\nText.", source_dir, metadata).metadata.subtitle == "Annual Report 2024"
    assert read("Title: T\nSubtitle:\n\nText.", source_dir, metadata).metadata.subtitle == ""


def test_a_date_the_text_gave_is_kept_in_the_header_and_the_metadatas_comes_first(source_dir):
    """A press release's date, its line dropped from the scraped text, stays with the text
    once a DOCX is imported; a date set in the metadata afterwards still takes over."""
    dated = Document("piece", Metadata(title="T", date="2025-03-03"), None,
                     (Paragraph((Span("Text."),)),))
    markup = write_markup(dated)
    assert markup.startswith("Title: T\nSubtitle:\nDate: 2025-03-03\n\n")
    assert read(markup, source_dir, Metadata(title="")) == dated
    assert read(markup, source_dir, Metadata(title="", date="2024")).metadata.date == "2024"
    undated = replace(dated, metadata=Metadata(title="T"))
    assert "Date:" not in write_markup(undated)


def test_header_keys_ignore_case_and_a_blank_first_line_means_no_header(source_dir):
    assert read("title: A\nBYLINE: Ann Lee\n\nText.", source_dir).byline == Byline("Ann Lee")
    document = read("\nNote: this is a paragraph.", source_dir)
    assert document.blocks == (Paragraph((Span("Note: this is a paragraph."),)),)


def test_figures_are_numbered_and_take_images_and_alt_text_from_the_metadata(source_dir):
    metadata = Metadata(title="T", images={1: "a.png", 2: "photos/b.jpg"}, alt={2: "Alt"})
    text = "![One]()\n\n![Two]()\n\n![Three](./photos/../a.png)\n\n![]()"
    assert read(text, source_dir, metadata).blocks == (
        Figure(1, (Span("One"),), "a.png"),
        Figure(2, (Span("Two"),), "photos/b.jpg", "Alt"),
        Figure(3, (Span("Three"),), "a.png"),
        Figure(4, ()),
    )


@pytest.mark.parametrize(
    ("markup", "spans"),
    [
        ("***both*** plain", (Span("both", True, True), Span(" plain"))),
        ("**a***b*", (Span("a", bold=True), Span("b", italic=True))),
        ("**bold *and italic* again**", (Span("bold ", bold=True), Span("and italic", True, True), Span(" again", bold=True))),
        # Spaces at the edges of emphasis keep only what they share with their neighbours.
        ("a* b *c", (Span("a "), Span("b", italic=True), Span(" c"))),
        ("**bold *and*** *italic*", (Span("bold ", bold=True), Span("and", True, True), Span(" "), Span("italic", italic=True))),
        # Typography sees the whole text: quotes curl and numbers bind across emphasis.
        ('"*Open*" 298 *million*', (Span("‘"), Span("Open", italic=True), Span(f"’ 298{NBSP}"), Span("million", italic=True))),
        ("People*'s*", (Span("People"), Span("’s", italic=True))),
    ],
)
def test_asterisks_switch_emphasis(source_dir, markup, spans):
    assert read(f"\n{markup}", source_dir).blocks == (Paragraph(spans),)


def test_backslashes_escape(source_dir):
    text = ("\n\\# not a heading\n\n\\![not a figure]()\n\n2 \\* 3 \\\\ \\[x\\] C:\\Users\n\n"
            "\\> not a quotation\n\n# \\*Starred\\*")
    assert read(text, source_dir).blocks == (
        Paragraph((Span("# not a heading"),)),
        Paragraph((Span("![not a figure]()"),)),
        Paragraph((Span("2 * 3 \\ [x] C:\\Users"),)),
        Paragraph((Span("> not a quotation"),)),
        Heading("*Starred*"),
    )


def test_lines_opened_by_a_chevron_are_a_displayed_quotation(source_dir):
    """As pandoc's block quotation of one paragraph: its lines join, its inline markup read."""
    document = read("\nShe wrote:\n\n> The boat was *late*\n>again.\n\nWe agree.", source_dir)
    assert document.blocks == (
        Paragraph((Span("She wrote:"),)),
        Quotation((Span("The boat was "), Span("late", italic=True), Span(" again."))),
        Paragraph((Span("We agree."),)),
    )
    assert write_markup(document).split("\n\n")[-2] == "> The boat was *late* again."


@pytest.mark.parametrize(
    ("markup", "levels"),
    [
        ("## Under no heading\n\nText.", [1]),
        ("# Part\n\n### Three down\n\nText.\n\n#### Four\n\n# Next", [1, 2, 3, 1]),
        ("# A\n\n## B\n\n### C\n\n## D", [1, 2, 3, 2]),
    ],
)
def test_a_heading_never_skips_a_level(markup, levels, source_dir):
    # An editor's Heading 2 under no Heading 1: the tagged editions' H1 would be followed by
    # an H3 (PDF/UA-1 7.4.2, Matterhorn 14-003), the bookmarks would nest under nothing.
    headings = [block.level for block in read(markup, source_dir).blocks
                if isinstance(block, Heading)]
    assert headings == levels


def test_a_hash_without_a_space_starts_a_paragraph(source_dir):
    assert read("\n#hashtag campaign", source_dir).blocks == (Paragraph((Span("#hashtag campaign"),)),)


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("Author: Ann\n\nText.", "line 1: unknown header key 'Author'; the keys are Title, Subtitle, Byline"),
        ("Title: A\nTitle: B", "line 2: Title given twice"),
        ("Date: 3 March 2025\n\nText.", "line 1: Date is '3 March 2025'; write a day 2025-03-03"),
        ("Date: 2025-02-30\n\nText.", "line 1: Date is '2025-02-30'"),
        ("Title: A\nText right after.", "line 2: not a 'Key: value' line"),
        ("Title: A\n\nOne.\n\n![A caption(a.png)", "line 5: unterminated '!['"),
        ("\n![A caption](a.png) and more", "line 2: a figure is ![caption](image) alone on its line"),
        ("\n![Outside](../secret.png)", "line 2: image '../secret.png' lies outside source/"),
        ("\n![Missing](missing.png)", "line 2: image 'missing.png' does not exist in source/"),
        ("\n![Text](notes.txt)", "line 2: image 'notes.txt' is not a PNG, JPEG, GIF, SVG or WebP file"),
        ("\n# Heading\nBody text", "line 2: a heading takes one line"),
        ("\n#", "line 2: a heading with no text"),
        ("\nOne\ntwo *three\nfour", "line 3: italic switched on here is never switched off"),
        ("\n**bold *and italic***\nand** more", "line 3: bold switched on here is never switched off"),
        ("\nFour ****stars****", "line 2: 4 asterisks in a row"),
        # A link leads to a web page or a mail only: nothing that runs, nor a file.
        ("\nSee [our page](javascript:alert(document.domain)).",
         "line 2: link 'javascript:alert(document.domain)' is not a web, mail or telephone address"),
        ("\nOne\n[the ledger](JavaScript:void(0))", "line 3: link 'JavaScript:void(0)' is not"),
        ("\n[the accounts](file:///etc/passwd)", "line 2: link 'file:///etc/passwd' is not"),
        ("\n[local](/etc/passwd)", "line 2: link '/etc/passwd' is not a web, mail or telephone address"),
        ("\n[rel](../../../etc/passwd)", "line 2: link '../../../etc/passwd' is not"),
        ("\n[minutes](minutes-2024.pdf)", "line 2: link 'minutes-2024.pdf' is not"),
        ("\n[the site](www.example.org)", "line 2: link 'www.example.org' is not"),
        ("\n**[a form](data:text/html,<b>x</b>)**", "line 2: link 'data:text/html,<b>x</b>' is not"),
        ("\n[files](ftp://files.example.org/a.zip)", "line 2: link 'ftp://files.example.org/a.zip'"),
        # A telephone number is its figures and the marks it is written with, nothing else.
        ("\n[the desk](tel:+441632960555;phone-context=x)", "line 2: link 'tel:+441632960555;"),
        ("\n[the desk](tel:0800-FLOWERS)", "line 2: link 'tel:0800-FLOWERS' is not a web, mail"),
        ("\n[the desk](tel:)", "line 2: link 'tel:' is not a web, mail or telephone address"),
        ("\n[the desk](tel:01632+960555)", "line 2: link 'tel:01632+960555' is not"),
    ],
)
def test_bad_markup_is_refused_naming_the_file_and_line(source_dir, markup, message):
    text = failure(markup, source_dir)
    assert text.startswith(f"{source_dir / 'piece.md'}: {message}")
    assert "\n" not in text


@pytest.mark.parametrize("address", ["https://example.org/a", "HTTP://EXAMPLE.ORG",
                                     "mailto:clerk@example.org", "tel:+441632960555",
                                     "tel:+44 (0)1632 960-555", "TEL:01632.960.555"])
def test_a_link_to_a_web_page_a_mail_or_a_telephone_is_read(source_dir, address):
    assert read(f"\n[the clerk](<{address}>)", source_dir).blocks == (
        Paragraph((Span("the clerk", link=address),)),)


def test_a_telephone_number_shown_as_itself_is_a_link(source_dir):
    assert read("\nCall <tel:+441632960555>.", source_dir).blocks == (Paragraph((
        Span("Call "), Span("tel:+441632960555", link="tel:+441632960555"), Span("."))),)


@pytest.mark.parametrize(("text", "written"), [
    ("# not a heading", "\\# not a heading"), ("#hashtag", "\\#hashtag"),
    ("! not a figure", "\\! not a figure"), ("![not] (a figure)", "\\!\\[not\\] (a figure)"),
])
def test_a_paragraph_that_starts_like_a_heading_or_figure_is_escaped(text, written, source_dir):
    document = Document("piece", Metadata(title="T"), None, (Paragraph((Span(text),)),))
    markup = write_markup(document)
    assert markup.endswith(f"\n\n{written}\n")
    assert read_markup(markup, source_dir / "piece.md", document.metadata, source_dir) == document


def test_writing_names_only_images_the_metadata_does_not(source_dir):
    metadata = Metadata(title="T", images={1: "a.png"})
    document = read("\n![One]()\n\n![Two](photos/b.jpg)", source_dir, metadata)
    assert write_markup(document) == "Title: T\nSubtitle:\n\n![One]()\n\n![Two](photos/b.jpg)\n"


def seed_document() -> Document:
    metadata = load_metadata(SEED.with_suffix(".toml"), ["print", "screen"])
    return read_scraped(SEED, metadata)[0]


def test_the_seed_document_round_trips():
    document = seed_document()
    path = ROOT / "source" / f"{document.name}.md"
    markup = write_markup(document)
    assert read_markup(markup, path, document.metadata, ROOT / "source") == document
    assert markup.startswith("Title: Director’s Review\nSubtitle:\nByline: Benson KWOK")


def test_the_library_chapter_round_trips(library_chapter, source_dir):
    document, _ = scraped_document("piece", library_chapter, Metadata(title=""))
    assert read_markup(write_markup(document), source_dir / "piece.md", document.metadata, source_dir) == document


def test_cleaning_spans_is_idempotent_and_keeps_emphasis_per_character():
    spans = (Span("  He said "), Span('"yes..."', italic=True), Span(" -- twice\tand\nagain  "))
    cleaned = clean_spans(spans)
    assert cleaned == (Span("He said "), Span("‘yes…’", italic=True), Span("\u00a0– twice and again"))
    assert clean_spans(cleaned) == cleaned


def typography_settles(spans: list[Span]) -> bool:
    """clean_line settles after one pass (it does not on "a - - a": a second dash follows)."""
    once = clean_line(WHITE_SPACE.sub(" ", plain(tuple(spans))))
    return clean_line(once) == once


# A phrase's language: none, one without a profile of its own, and the profiles' own.
LANGUAGES = ("", "", "fr", "fr-CA", "zh-HK", "en-GB")


@given(spans=st.lists(st.builds(Span, st.text(st.sampled_from(list(" a'.\t-/:")), max_size=6), st.booleans(), st.booleans(),
                               position=st.sampled_from(POSITIONS), link=st.sampled_from(("", "https://a.example/b")),
                               language=st.sampled_from(LANGUAGES)), max_size=6))
@example(spans=[Span("-"), Span("--"), Span("- ", italic=True), Span("a")])  # a no-break space made
def test_cleaning_spans_gives_one_form(spans):
    assume(typography_settles(spans))
    cleaned = clean_spans(spans)
    assert clean_spans(cleaned) == cleaned
    assert all(span.text for span in cleaned)


# --- Round trip of random documents ----------------------------------------------------------

IMAGES = (None, "a.png", "photos/b.jpg")
# Markup's own characters are frequent, so the escapes are exercised.
CHARACTERS = st.one_of(
    st.sampled_from(list("*\\#![]() \"'-.,:12aZ\t^~<>") + [NBSP]),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
RAW_TEXT = st.text(CHARACTERS, max_size=12)
LINKS = ("", "https://example.org/a_(b)", "https://example.org/a b", "mailto:ann@example.org")
RAW_SPANS = st.lists(st.builds(Span, RAW_TEXT, st.booleans(), st.booleans(),
                               position=st.sampled_from(POSITIONS), link=st.sampled_from(LINKS),
                               language=st.sampled_from(LANGUAGES)),
                     max_size=5)
CLEAN_SPANS = RAW_SPANS.filter(typography_settles).map(clean_spans)
CLEAN_TEXT = CLEAN_SPANS.map(plain)


@st.composite
def documents(draw) -> Document:
    metadata = Metadata(
        title=draw(CLEAN_TEXT.filter(bool)),
        subtitle=draw(CLEAN_TEXT),
        images=draw(st.dictionaries(st.integers(1, 4), st.sampled_from(IMAGES[1:]), max_size=3)),
        alt=draw(st.dictionaries(st.integers(1, 4), CLEAN_TEXT.filter(bool), max_size=3)),
    )
    blocks = []
    for kind in draw(st.lists(st.sampled_from(["heading", "paragraph", "quotation", "lines",
                                               "figure"]), max_size=8)):
        if kind == "heading":
            blocks.append(Heading(draw(CLEAN_TEXT.filter(bool)), draw(st.integers(1, 9))))
        elif kind == "paragraph":
            blocks.append(Paragraph(draw(CLEAN_SPANS.filter(bool))))
        elif kind == "quotation":
            blocks.append(Quotation(draw(CLEAN_SPANS.filter(bool))))
        elif kind == "lines":
            blocks.append(LineBlock(tuple(draw(st.lists(CLEAN_SPANS.filter(bool), min_size=1,
                                                         max_size=3)))))
        else:
            # Numbered in order, or as figures deleted, moved and added in a draft leave them.
            taken = {block.number for block in blocks if isinstance(block, Figure)}
            number = draw(st.sampled_from([len(taken) + 1] * 3 + list(range(1, 9))))
            assume(number not in taken)
            # A figure the metadata gives no image to shows one of its own, or none; its
            # alternative text is the metadata's, or its own.
            image = metadata.images.get(number) or draw(st.sampled_from(IMAGES))
            alt = draw(st.sampled_from([metadata.alt.get(number), "A heron ‘on’ the weir, C:\\x"]))
            blocks.append(Figure(number, draw(CLEAN_SPANS), image, alt))
    byline_text = draw(st.none() | CLEAN_TEXT.filter(lambda text: text.strip(" ,")))
    byline = None if byline_text is None else parse_byline(byline_text)
    # As a reader makes it: its text reads back the same and is clean (no typography left
    # to apply once the name and role are joined again). The front matter is cleaned by its
    # parts, as the readers clean it (a title and its parallel half by half).
    assume(byline is None or (parse_byline(byline.text) == byline
                              and clean_line(byline.text) == byline.text
                              and clean_front_line(byline.text, True) == byline.text))
    assume(all(clean_front_line(text) == text for text in (metadata.title, metadata.subtitle)))
    # Headings as a reader levels them: none more than one level below the one before.
    return Document("piece", metadata, byline, tuple(unskipped(blocks)))


@pytest.mark.slow
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents())
def test_reading_what_was_written_gives_the_document_back(document, source_dir):
    markup = write_markup(document)
    assert read_markup(markup, source_dir / "piece.md", document.metadata, source_dir) == document


def test_a_reference_to_a_note_the_text_does_not_hold_stays_as_written(source_dir):
    """As pandoc prints it: a note call leading nowhere would be a link to nothing."""
    document = read("Ships came.[^2] Trade grew.[^1]\n\n[^1]: Counted by arrivals.", source_dir)
    (paragraph, note) = document.blocks
    assert [(span.text, span.note) for span in paragraph.spans] == [
        ("Ships came.[^2] Trade grew.", ""), ("1", "1")]
    assert note.label == "1"


@pytest.mark.parametrize("notes", [
    "[^1]: Counted by arrivals.\n[^2]: Excluding transit passengers.",
    "[^1]: Counted by\narrivals.\n   [^2]: Excluding transit\npassengers.",
    "[^a]: 按抵港人次計算。\n[^b]: 不包括過境旅客。",
])
def test_notes_on_consecutive_lines_are_notes_of_their_own(notes, source_dir):
    """As pandoc reads them: a line opening a note opens one, blank line or none before it;
    any other line carries on the note before."""
    labels = re.findall(r"\[\^(\w+)\]:", notes)
    calls = "".join(f"[^{label}]" for label in labels)
    document = read(f"Ships came.{calls}\n\n{notes}", source_dir)
    notes_read = [block for block in document.blocks if not isinstance(block, Paragraph)]
    assert [note.label for note in notes_read] == labels
    texts = [plain(note.spans) for note in notes_read]
    assert not any("[^" in text for text in texts)
    assert texts[1].endswith(("passengers.", "旅客。"))


def test_a_note_line_indented_four_spaces_carries_on_the_note_before(source_dir):
    """Pandoc reads it as the note's text, not a note of its own."""
    document = read("Ships came.[^1]\n\n[^1]: Counted\n    [^2]: by arrivals.", source_dir)
    (_, note) = document.blocks
    assert plain(note.spans) == "Counted [^2]: by arrivals."


SIGN_OFFS = [
    "Yours sincerely,\\\nWONG Siu-ming\\\nDirector of Leisure Services",
    "Yours sincerely,\\\nWONG Siu-ming,\nDirector of Leisure Services\\\n2 April 2025",
    "康樂事務署署長\\\n黃小明\\\n二〇二五年\n四月二日",
    "Avec mes salutations distinguées,\\\nMarie DUPONT\\",
]


def pandoc_lines(markup: str) -> list[str]:
    """The lines of the paragraph pandoc reads in `markup`, broken where it breaks them."""
    result = subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=markup,
                            text=True, capture_output=True, check=True)
    lines = [""]
    for inline in json.loads(result.stdout)["blocks"][0]["c"]:
        if inline["t"] == "LineBreak":
            lines.append("")
        else:
            lines[-1] += {"Str": inline.get("c"), "Space": " ", "SoftBreak": " "}[inline["t"]]
    return [line for line in lines if line]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("markup", SIGN_OFFS)
def test_a_sign_off_breaks_its_lines_where_pandoc_does(markup, source_dir):
    """A backslash ending a line breaks it; a line without one joins the next, the last line
    needing none."""
    (sign_off,) = read(f"\n{markup}", source_dir).blocks
    assert isinstance(sign_off, SignOff)
    assert not any("\\" in text for text in sign_off.texts)
    # Pandoc joins lines with a space even between Chinese characters; the house style sets
    # none there.
    spaces = r"\s" if re.search("[\u4e00-\u9fff]", markup) else NBSP
    assert [re.sub(spaces, "", text) for text in sign_off.texts] == [
        re.sub(spaces, "", clean_line(line)) for line in pandoc_lines(markup)]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("lines", [("Ashcombe Water Services", "14 March 2025"),
                                   ("沿江市水务局", "2025年3月14日"), ("Yours faithfully,",)])
def test_a_written_sign_off_reads_back_as_pandoc_reads_it(lines, source_dir):
    """Its lines broken by pandoc's hard break, the last without one (a break ending a
    paragraph, which pandoc keeps as an empty line); a line alone keeps one, or it would
    read as a paragraph."""
    sign_off = SignOff(tuple((Span(line),) for line in lines))
    markup = write_markup(Document("piece", Metadata(title="T"), None, (sign_off,)))
    written = markup.split("\n\n", 1)[1].strip()
    assert written.endswith("\\") == (len(lines) == 1)
    assert [line.replace(NBSP, " ") for line in pandoc_lines(written)] == list(lines)
    assert [text.replace(NBSP, " ") for text in read(f"\n{written}", source_dir).blocks[0].texts
            ] == list(lines)


@pytest.mark.parametrize("markup", [
    "# Leisure and culture\\",
    "- New pools opened\\\n  in two districts;\n- sports centres open longer.",
    "Ships came.[^1]\n\n[^1]: Counted\\\nby arrivals.",
    "Visitors rose by a tenth\nover the year.\\",
])
def test_a_hard_break_where_no_lines_are_kept_leaves_no_backslash(markup, source_dir):
    """A heading, list item, note or paragraph holds no lines of its own: a hard break in
    it joins its lines as a space does, never a literal backslash in the text."""
    document = read(f"\n{markup}", source_dir)
    assert not any(isinstance(block, SignOff) for block in document.blocks)
    assert "\\" not in write_markup(document).replace("\\\\", "")
    assert "\\" not in str(document.blocks)


@pytest.mark.parametrize(("markup", "language"), [
    ("Il dit [bonjour à tous]{lang=fr} et partit.", "fr"),
    ('Il dit [bonjour à tous]{lang="fr-CA"} et partit.', "fr-CA"),
    ('Il dit [bonjour à tous]{#greeting .quoted lang=fr data-x="a b"} et partit.', "fr"),
])
def test_a_bracketed_span_says_its_phrase_s_language(markup, language, source_dir):
    """Pandoc's span with `lang`: only the language is kept, its other attributes go."""
    (paragraph,) = read(markup, source_dir).blocks
    assert [(span.text, span.language) for span in paragraph.spans] == [
        ("Il dit ", ""), ("bonjour à tous", language), (" et partit.", "")]
    assert write_spans(paragraph.spans) == f"Il dit [bonjour à tous]{{lang={language}}} et partit."


@pytest.mark.parametrize("markup", ["[plain]{.foo}", "[plain]{lang=}", "[plain]{lang=\"a b\"}"])
def test_a_bracketed_span_without_a_language_stays_as_written(markup, source_dir):
    (paragraph,) = read(markup, source_dir).blocks
    assert not any(span.language for span in paragraph.spans)
    assert plain(paragraph.spans).startswith("[plain]{")


def test_plain_spaces_an_editor_types_are_bound_again_as_the_house_style_binds_them(tmp_path):
    """An editor replacing words in the draft types plain spaces where the draft held no-break
    ones (Find and Replace matches no no-break space to a typed one): the import binds those
    words again, so the editions set them as before (README, Editing the DOCX draft)."""
    document = read_markup("Mrs Alice Moreton told 1,250 members the budget was 298 million.\n",
                           tmp_path / "x.md", Metadata(title="Review", language="en-GB"),
                           tmp_path)
    assert document.blocks[0].text == (
        "Mrs\u00a0Alice Moreton told 1,250\u00a0members the budget was 298\u00a0million.")


def test_a_date_the_sign_off_gives_follows_an_edit_of_the_sign_off(tmp_path):
    """A letter dated by its signature: its marked-up form writes no date of its own, so an
    editor changing the signature's date changes the editions' (the date had been frozen in
    the marked-up source at the first import, and the opener printed the old one)."""
    text = ("致家長的信\n\n各位家長：\n\n本校將於九月開學，請家長留意以下安排。\n\n"
            "校長\n陳美玲\n二〇二五年八月二十日\n")
    metadata = Metadata(title="", language="zh-HK")
    document = scraped_document("letter", text, metadata)[0]
    assert document.metadata.date == "2025-08-20"
    markup = write_markup(document)
    assert "Date:" not in markup
    edited = read_markup(markup.replace("八月二十日", "八月二十二日"), tmp_path / "letter.md",
                         metadata, tmp_path)
    assert edited.metadata.date == "2025-08-22"
    assert edited.imprint_date == "二〇二五年八月二十二日"
