"""Every tagged edition of every sample text read as assistive technology reads it: the tag
tree walked in order, an element with alternative text read as that text and its children
not at all (ISO 32000-1, 14.9.3), the text of its marked content collected with its spaces,
and compared word for word, in order, with the document model. No two words run together,
every caption is read once, after its picture's alternative text, where the model has its
figure (however the layout placed it: ISO 32000-1 14.8.2.3), and the preflight's
tagged rules pass the same files (no rule asks for what this reading forbids). pdfua and
qpdf --check look at the same files from outside."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.languages import profile_for
from pipeline.layout_folders import layout_names
from pipeline.layouts import load_layout
from pipeline.model import (
    Block,
    Document,
    Figure,
    Heading,
    LineBlock,
    List,
    Metadata,
    Note,
    Paragraph,
    Quotation,
    SignOff,
    Span,
    Table,
    plain,
    with_spans,
)
from pipeline.pdf.structure import is_element, kids_of
from pipeline.pdf.text import element_text, marked_texts
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT

# Every tagged edition of every sample text is rendered: the slow tier.
pytestmark = pytest.mark.slow

LAYOUTS = ROOT / "layouts"
TESTS = ROOT / "tests"
TAGGED = [name for name in layout_names(LAYOUTS) if load_layout(LAYOUTS, name).is_tagged]
# Elements read within the line they stand in; any other ends what was read before it.
INLINE = ("/Span", "/Link", "/Reference", "/NonStruct")
UNSPOKEN = re.compile(r"[\u00ad\u200b]")


def sample_texts() -> list[Path]:
    folders = [TESTS / "texts", TESTS / "chinese_texts", TESTS / "simplified_chinese_texts",
               TESTS / "texts" / "structure",
               TESTS / "texts" / "tag_details", TESTS / "texts" / "web", ROOT / "source"]
    return sorted(path for folder in folders for path in folder.glob("*.txt"))


def read(path: Path) -> Document:
    metadata = load_metadata(path.with_suffix(".toml"), layout_names(LAYOUTS))
    return read_scraped(path, metadata)[0]


def spoken(element, texts: dict, page=None) -> list[str]:
    """What a screen reader says of `element`: its /Alt, or the text of its marked content
    and its elements'; a list's labels aside (they are the writer's, not the model's)."""
    if element.get("/S") == pikepdf.Name.Lbl:
        return []
    page = element.get("/Pg", page)
    if "/Alt" in element:  # read in its line where its element is (a note's Reference)
        apart = " " if element.get("/S") in INLINE else "\n"
        return [apart, str(element.Alt), apart]
    parts = [] if element.get("/S") in INLINE else ["\n"]
    for kid in kids_of(element):
        if is_element(kid):
            parts += spoken(kid, texts, page)
        elif isinstance(kid, int):
            parts.append(texts.get((page.objgen, kid), ""))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
            parts.append(texts.get((kid.Pg.objgen, int(kid.MCID)), ""))
    if element.get("/S") not in INLINE:
        parts.append("\n")
    return parts


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", UNSPOKEN.sub("", text)).split()


def expected(document: Document) -> list[str]:
    """The model's words in order, each figure's where the model has it (its alternative
    text, then its caption), wherever the layout set it."""
    metadata, byline = document.metadata, document.byline
    front = [metadata.title, metadata.subtitle, metadata.organisation,
             document.imprint_date]
    if byline is not None:
        honours = "".join(f"{before}{honour}" for before, honour in byline.separated_honours)
        front.append(f"{byline.role} {byline.name}{honours}" if byline.role_first
                     else f"{byline.name}{honours} {byline.role}")
    text = list(front)
    for block in (said_calls(block, metadata.language) for block in document.blocks):
        match block:
            case Figure():
                alt = block.alternative_text(metadata.language) if block.image else ""
                text.append(f"{alt} {block.text}")
            case Heading() | Paragraph() | Quotation():
                text.append(block.text)
            case Table():  # its title, the Caption opening it, first
                text += [plain(block.caption), *block.texts]
            case List() | SignOff() | LineBlock():
                text += block.texts
            case Note():
                text.append(f"{block.label} {block.text}")
    return words(" ".join(text))


def said_calls(block: Block, language: str) -> Block:
    """A block as a screen reader says it: each note's call as its Reference's alternate
    description ("Note 1"), apart from the words next to it."""
    profile = profile_for(language)
    note = profile.reader_words.note
    return with_spans(block, lambda spans: tuple(
        replace(span, text=f" {note.format(label=profile.said_label(span.note))} ")
        if span.note else span for span in spans))


def first_difference(said: list[str], wanted: list[str]) -> str:
    for index, (got, want) in enumerate(zip(said, wanted, strict=False)):
        if got != want:
            return (f"word {index}: read {' '.join(said[max(index - 3, 0):index + 3])!r}, the model "
                    f"has {' '.join(wanted[max(index - 3, 0):index + 3])!r}")
    return f"read {len(said)} words, the model has {len(wanted)}"


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[tuple[str, str], tuple[Path, Document]]:
    """Every tagged edition of every sample text, with its document."""
    folder = tmp_path_factory.mktemp("tagged")
    built = {}
    for path in sample_texts():
        document = read(path)
        for layout in TAGGED:
            pdf = folder / f"{path.stem}-{layout}.pdf"
            pdf.write_bytes(render_pdf(document, load_layout(LAYOUTS, layout), path.parent))
            built[(path.stem, layout)] = (pdf, document)
    return built


def test_the_samples_are_many_and_of_both_languages():
    names = [path.stem for path in sample_texts()]
    assert len(names) >= 16 and "director-review-2024" in names
    assert any(read(path).metadata.language.startswith("zh") for path in sample_texts())


def test_every_tagged_edition_reads_as_the_model_word_for_word(editions):
    failures = []
    for (name, layout), (pdf_path, document) in editions.items():
        with pikepdf.open(pdf_path) as pdf:
            said = words("".join(spoken(pdf.Root.StructTreeRoot, marked_texts(pdf))))
        wanted = expected(document)
        if said != wanted:
            failures.append(f"{name} {layout}: {first_difference(said, wanted)}")
    assert not failures, "\n".join(failures)


def test_the_preflight_passes_what_reads_right(editions):
    failures = []
    for (name, layout), (pdf_path, document) in editions.items():
        report = preflight(pdf_path, document, load_layout(LAYOUTS, layout))
        failures += [f"{name} {layout}: {check.rule}: {check.message}"
                     for check in report.errors]
    assert not failures, "\n".join(failures)


def test_qpdf_finds_every_tagged_edition_sound(editions):
    for pdf_path, _ in editions.values():
        result = subprocess.run(["qpdf", "--check", str(pdf_path)], capture_output=True,
                                text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_pdfua_finds_no_fault_in_a_tagged_edition(editions):
    import pdfua

    results = {key: pdfua.validate(str(pdf_path)) for key, (pdf_path, _) in editions.items()}
    failures = [f"{name} {layout}: {finding}" for (name, layout), result in results.items()
                for finding in result.findings]
    assert not failures, "\n".join(failures[:20])
    # A rule the tool could not run passes nothing. pdfua 0.1.3's heading rule (UA-14-001)
    # fails on any heading whose /K is an array (it asks a pikepdf Array for an attribute),
    # as every heading's is: the tree's own rule (logical-structure) checks headings instead.
    unrun = [f"{name} {layout}: {outcome.rule_id} {outcome.skipped_reason}"
             for (name, layout), result in results.items() for outcome in result.skipped
             if not (outcome.rule_id == "UA-14-001" and "'/is_integer'" in outcome.skipped_reason)]
    assert not unrun, "\n".join(unrun[:20])


@pytest.mark.slow
def test_a_block_of_lines_reads_a_line_at_a_time(tmp_path):
    """A block of lines broken by hand (an object's details, a post's lines): in the tagged
    editions a Div holding a P a line, as a sign-off's lines are, so a screen reader pauses
    between them (they had been one P, read as one run of words)."""
    lines = ("Joseon dynasty, 18th century", "Gyeonggi province, Korea",
             "Porcelain with clear glaze")
    document = Document("lines", Metadata(title="Moon jar"), None, (
        LineBlock(tuple((Span(line),) for line in lines)),
        Paragraph((Span("The jar takes its name from its pale glaze and full form."),))))
    for name in ("screen", "large-print"):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", name), tmp_path))
        with pikepdf.open(pdf) as opened:
            texts = marked_texts(opened)
            divs = [element for element in walk(opened.Root.StructTreeRoot)
                    if element.get("/S") == pikepdf.Name.Div]
            assert divs, name
            paragraphs = [kid for kid in kids_of(divs[0]) if is_element(kid)]
            assert [kid.S for kid in paragraphs] == [pikepdf.Name.P] * 3
            said = [" ".join(spoken(kid, texts)).strip() for kid in paragraphs]
            assert [text.replace("\u00a0", " ") for text in said] == list(lines), said


@pytest.mark.slow
def test_a_note_call_ending_a_line_keeps_the_word_space_after_it(tmp_path):
    """A note's call at a line's end (the address after it too long for the line) shows the
    word space drawn there: its Reference's alternate description, read in place of all it
    shows (ISO 32000-1, 14.9.3), ends with that space, or the next line's word is read run
    into it (`Note 1The full data set`). Every Reference's description ends with a space
    exactly where what it stands for does."""
    document = Document("calls", Metadata(title="Operations review"), None, (
        Paragraph((Span("This chapter reports on the year's operations across all sixty "
                        "districts."), Span("1", note="1"),
                   Span(" The full data set is published at https://data.example.gov.uk/"
                        "operations/2024-25/district-level-statistics-full-release and can be "
                        "downloaded."))),
        Note("1", (Span("Figures for the year to 31 March 2025."),)),
    ))
    ended = 0
    for name in ("screen", "large-print"):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(render_pdf(document, load_layout(ROOT / "layouts", name), tmp_path))
        with pikepdf.open(pdf) as opened:
            texts = marked_texts(opened)
            for element in walk(opened.Root.StructTreeRoot):
                if element.get("/S") == pikepdf.Name.Reference:
                    shown = element_text(element, texts)
                    assert str(element.Alt).endswith(" ") == shown[-1:].isspace(), shown
                    ended += str(element.Alt).endswith(" ")
    assert ended  # the call ends a line in one edition at least


def walk(element):
    for kid in kids_of(element):
        if is_element(kid):
            yield kid
            yield from walk(kid)
