"""A web page copied with no blank lines between its blocks (a page built of `div`s, or a
heading, list or table beside a paragraph): each line is a paragraph, heading, list item or
table row of its own, not the wrapped line of one paragraph. A table's rows stand apart from
the lines around them, wrapped or not. Hard-wrapped text still joins."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Figure, Heading, List, Metadata, Note, Paragraph, SignOff, Table, plain
from pipeline.readers.scraped import read_scraped, scraped_document

TEXTS = Path(__file__).resolve().parent / "unwrapped_texts"
LONG = ("Income for the year was HK$48.2 million, of which 61 per cent came from the subvention"
        " and the rest from donations, grants and the shop.")  # wider than any wrap


def document_of(text: str):
    return scraped_document("piece", text, Metadata(title="Report"))[0]


def kinds(document) -> list[str]:
    return [type(block).__name__ for block in document.blocks]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("heritage-trust-chair", [
            Paragraph, Figure, Heading, Paragraph, List, Heading, Paragraph, Table, Heading,
            Paragraph, Paragraph, Heading, Paragraph, Paragraph, SignOff, Heading, Note, Note]),
        ("elderly-services-chief", [
            Paragraph, Figure, Heading, Paragraph, List, Heading, Table, Paragraph, Heading,
            Paragraph, SignOff, Heading, Note, Note]),
        # Every line of its main text is short: its first paragraph's says it was not wrapped.
        ("garden-works-review", [
            Paragraph, Heading, Paragraph, List, Heading, Paragraph, Table, Heading, Note]),
    ],
)
def test_a_page_copied_a_block_a_line_is_read_block_by_block(name, expected):
    document, _ = read_scraped(TEXTS / f"{name}.txt", Metadata(title=""))
    assert kinds(document) == [kind.__name__ for kind in expected]
    headings = [(block.text, block.level) for block in document.blocks
                if isinstance(block, Heading)]
    assert [level for _, level in headings][:2] == [1, 2 if name.startswith("heritage") else 1]
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    assert plain(table.caption).startswith(("Table 1", "表1"))
    assert len(table.rows) in (3, 4)
    # The sign-off is its lines, not a paragraph of them run together with the notes.
    for sign_off in [block for block in document.blocks if isinstance(block, SignOff)]:
        assert len(sign_off.lines) in (3, 4)


def test_a_table_stands_apart_from_the_wrapped_lines_around_it():
    document = document_of(
        "The harbour was busier than ever this year, as the\n"
        "figures below show for each of the piers.\n"
        "Table 2 Sailings by pier\n"
        "Pier\t2023\t2024\n"
        "Central\t1,200\t1,350\n"
        "Wan Chai\t800\t910\n"
        "Both piers will be rebuilt from next spring, in two\n"
        "phases.")
    assert kinds(document) == ["Paragraph", "Table", "Paragraph"]
    assert document.blocks[0].text == ("The harbour was busier than ever this year, as the"
                                       " figures below show for each of the piers.")
    assert plain(document.blocks[1].caption) == "Table 2\u00a0Sailings by pier"  # house style


def test_hard_wrapped_lines_still_join():
    wrapped = ("The Committee agreed the following priorities for the year, after a\n"
               "long debate at its meeting in March, and asked the Treasurer to report\n"
               "on them again in the autumn.")
    assert kinds(document_of(f"Opening words of the report.\n\n{wrapped}")) == [
        "Paragraph", "Paragraph"]


def test_a_long_address_on_a_line_of_its_own_is_no_sign_of_unwrapped_text():
    address = "https://www.example.org/annual-report/2024-25/" + "a-very-long-file-name-" * 4
    document = document_of(f"Opening words.\n\nThe statements are at\n{address}.pdf\n"
                           "and may be requested from the Secretary.")
    assert kinds(document) == ["Paragraph", "Paragraph"]


def test_a_heading_right_after_a_list_in_a_text_not_wrapped_is_a_heading():
    # As a browser copies `<ul>…</ul><h3>…</h3><p>…</p>`: no blank line after the list.
    document = document_of(f"{LONG}\n\nWe did three things:\n- repaired the pier;\n"
                           "- dredged the channel to its charted depth.\nNext year\n\n"
                           f"{LONG}")
    assert kinds(document) == ["Paragraph", "Paragraph", "List", "Heading", "Paragraph"]
    assert document.blocks[3].text == "Next year"


def test_lines_wider_than_a_wrap_are_paragraphs_each():
    document = document_of(f"Opening words.\n\nFinance\n{LONG}\n{LONG.replace('48.2', '50.1')}")
    assert kinds(document) == ["Paragraph", "Heading", "Paragraph", "Paragraph"]


def test_a_notes_heading_right_under_the_sign_off_parts_them():
    # Wrapped or not: the sign-off's last line, the heading and the notes are one block.
    document = document_of("Opening words of the report.\n\nWe thank every volunteer.[1]\n\n"
                           "Ann LEE\nChair\nNotes\n[1] Some 1,140 of them.")
    assert kinds(document) == ["Paragraph", "Paragraph", "SignOff", "Heading", "Note"]
    assert [plain(line) for line in document.blocks[2].lines] == ["Ann LEE", "Chair"]


def test_a_caption_written_twice_with_its_credit_is_one_figure():
    caption = "Volunteers on the stone path in March.\nPhoto: Lantau Heritage Trust"
    document = document_of(f"{LONG}\n\n\u00a0\n{caption}\n\n{caption}\n\n{LONG}")
    assert kinds(document) == ["Paragraph", "Figure", "Paragraph"]
    assert plain(document.blocks[1].caption) == (
        "Volunteers on the stone path in March. Photo: Lantau Heritage Trust")


def test_a_line_broken_inside_a_sentence_joins_in_a_text_not_wrapped():
    # A `<br>` or a hard return inside a paragraph of a page copied a paragraph a line.
    document = document_of(f"{LONG}\n\nThe garden opened in May\nwith 120 plots.")
    assert kinds(document) == ["Paragraph", "Paragraph"]
    assert document.blocks[1].text.replace("\u00a0", " ") == "The garden opened in May with 120 plots."


def test_a_news_page_keeps_its_title_byline_text_and_captioned_photo():
    document, report = read_scraped(TEXTS / "maritime-museum-news.txt", Metadata(title=""))
    assert document.metadata.title == "A record year for the Maritime Museum"
    assert document.byline is not None and document.byline.role == "Director"
    assert kinds(document) == ["Paragraph", "Figure", "Heading", "Paragraph", "List"]
    # The photo's credit, written under its caption each time, is the caption's.
    assert plain(document.blocks[1].caption).endswith("Photo: Hong Kong Maritime Museum")
    reasons = {drop["text"].replace("\u00a0", " "): drop["reason"] for drop in report["dropped"]}
    assert reasons["Published: 12 July 2025"] == "web page debris: dateline"
    assert reasons["Click to enlarge"] == "web page debris: page tools"


@pytest.mark.parametrize("greeting", ["Dear members,", "Good morning everyone,", "各位會員："])
def test_a_letters_greeting_over_its_first_line_is_a_paragraph_of_its_own(greeting):
    """A greeting over the letter's first sentence ends its block, as a heading does: it is
    no wrapped line of the paragraph under it."""
    document = document_of(f"{greeting}\n{LONG}\n{LONG.replace('61 per cent', 'half')}")
    assert [plain(block.spans).replace("\u00a0", " ") for block in document.blocks[:2]] == [
        greeting, LONG]


WRAPPED = ("{indent}The Society had a good year. Membership rose to 2,140, the highest\n"
           "in our history, and the journal appeared on time in every quarter.\n"
           "{indent}We also moved the library to the new reading room, where it is\n"
           "open four days a week, and the catalogue is now online.\n"
           "{indent}I thank the Council and the staff for their work.")
WRAPPED_ZH = ("{indent}過去一年，本會會員人數增至二千一百四十人，為歷來最多，\n會刊亦每季準時出版。\n"
              "{indent}我們把圖書館遷往新閱覽室，每週開放四天，\n目錄亦已上載網上。\n"
              "{indent}本人謹此感謝理事會及全體職員。")


@pytest.mark.parametrize(("text", "indent"), [
    (WRAPPED, "    "), (WRAPPED, "\t"), (WRAPPED_ZH, "\u3000\u3000"),
])  # fmt: skip
def test_paragraphs_marked_by_their_first_lines_indent_alone_stand_apart(text, indent):
    """A wrapped text whose paragraphs are marked by their first line's indent, no blank line
    between them (a typed letter, a text saved from a word processor; Chinese opening each
    with two full-width spaces): a paragraph from each indented line after a sentence's end."""
    document = document_of(f"Report\n\n{text.format(indent=indent)}")
    assert kinds(document) == ["Paragraph"] * 3
    assert document.blocks[2].text in ("I thank the Council and the staff for their work.",
                                       "本人謹此感謝理事會及全體職員。")


@pytest.mark.parametrize("text", [
    # An item's indented line carries on the item, a note's the note.
    "- The first item ends here.\n  A second sentence of the first item.\n- The second item.",
    "[1] Of state schools.\n   Private schools are counted apart.",
    # A block indented all alike is one paragraph, wrapped.
    "    A quotation set in from the margin, as the author wrote it, runs on.\n"
    "    It holds two sentences on two lines.",
    # An indented line inside a sentence carries it on.
    "The figures for the year, which the auditors\n    confirmed in May, are set out below.",
])  # fmt: skip
def test_an_indented_line_that_opens_no_paragraph_joins(text):
    document = document_of(f"Report\n\n{text}")
    assert len(document.blocks) == 1
