"""Lines each opened by the same pictograph (`✅ 86 volunteers trained`, `👉 open a fourth
site`, `➤ flatten cardboard boxes`) are a bulleted list whose bullet is that pictograph: the
list's marker, which every edition prints as the item's label (`Lbl`), the draft's numbering
sets as Word's bullet, and the draft's import and the marked-up form read back. A line alone,
lines opened by different pictographs (a post's `🎉 …` over `📸 …`), and a title or heading
with one stay as they were."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pikepdf
import pytest
from lxml import etree

from pipeline.layouts import load_layout
from pipeline.list_numbers import list_numbering
from pipeline.model import (
    Document,
    Heading,
    List,
    ListItem,
    Metadata,
    Paragraph,
    Span,
    from_json,
    to_json,
)
from pipeline.pdf.structure import is_element, kids_of, lists
from pipeline.pdf.text import element_text, marked_texts
from pipeline.readers.docx.draft import read_docx
from pipeline.readers.markup import read_markup
from pipeline.readers.scraped import scraped_document
from pipeline.writers.html import render_html
from pipeline.writers.markup import write_markup

from .conftest import ROOT
from .support import (
    copy_project,
    doit,
    item_added_in_the_lists_numbering,
    lists_of,
    lists_typed_in_a_draft,
    read_text,
)

TEXTS = ROOT / "tests" / "texts" / "pictograph_lists"


def texts_of(document: Document) -> list[str]:
    return list(document.texts())


@pytest.mark.parametrize(("name", "wanted"), [
    ("hedgehog-rescue-facebook", [("\u2714\ufe0f", 3), ("\u2b50", 3)]),  # ✔️ with its selector
    ("primary-school-newsletter", [("\u25b6\ufe0f", 3)]),  # ▶️
    ("council-bin-collections", [("\u27a4", 4)]),  # ➤
    ("seedling-ngo-post-zh", [("\u2705", 3)]),  # ✅ in Chinese
])
def test_lines_opened_by_one_pictograph_are_a_list_bulleted_with_it(name, wanted):
    document = read_text(TEXTS / f"{name}.txt")
    found = lists_of(document)
    assert [(block.marker, len(block.items)) for block in found] == wanted
    assert all(block.style == "bullet" for block in found)
    # The items' words without the pictograph, which is the list's now.
    assert not any(item.text.startswith(marker) for block in found
                   for marker in [block.marker] for item in block.items)


def test_a_post_s_lines_each_opened_by_another_pictograph_or_alone_stay_its_lines():
    post = read_text(TEXTS / "hedgehog-rescue-facebook.txt")
    hedgehogs = texts_of(post)
    # The ticks over them a list; the two lines under it each the post's own.
    assert lists_of(post)[0].marker == "\u2714\ufe0f"
    assert "\U0001f389 Congratulations to Megan, who completed her wildlife first aid" \
        " certificate this week!" in hedgehogs
    assert "\U0001f4f8 Photos by our volunteer Tom Ashby" in hedgehogs
    seedlings = read_text(TEXTS / "seedling-ngo-post-zh.txt")
    assert "\U0001f389 恭喜陳美玲同學獲選為本年度傑出環保大使！" in texts_of(seedlings)
    assert seedlings.metadata.title == "2024年度工作回顧 \U0001f331"
    # One pictograph line after a lead-in is that line, not a list of one.
    lone = scraped_document("post", "Our week\n\nWe still need one thing from you:\n\n"
                            "\u2b50 newspaper and clean towels\n\nThank you all!\n",
                            Metadata(title=""))[0]
    assert not lists_of(lone)
    assert "\u2b50 newspaper and clean towels" in texts_of(lone)


def test_two_runs_of_pictographs_one_under_the_other_are_two_lists():
    text = ("Our year\n\nHere is where we stand on our plans for the year:\n\n"
            "\u2705 open the Northgate site\n\u2705 train twenty mentors\n\n"
            "\u274c launch the summer scheme\n\u274c double the football sessions\n\n"
            "Thank you all for your help this year.\n")
    document = scraped_document("post", text, Metadata(title=""))[0]
    assert [(block.marker, [item.text for item in block.items])
            for block in lists_of(document)] == [
        ("\u2705", ["open the Northgate site", "train twenty mentors"]),
        ("\u274c", ["launch the summer scheme", "double the football sessions"])]


@pytest.mark.parametrize(("lines", "wanted"), [
    ("\u2705 1. Register online\n\u2705 2. Bring your ticket\n\u2705 3. Wear good shoes",
     ["\u2705 Register online", "\u2705 Bring your ticket", "\u2705 Wear good shoes"]),
    ("\U0001f449 1. 網上登記\n\U0001f449 2. 帶備門票",
     ["\U0001f449 網上登記", "\U0001f449 帶備門票"]),
    # Each item's own pictograph, its meaning (done, not done), stays with it.
    ("\u2705 1. open the Northgate site\n\u274c 2. launch the summer scheme",
     ["\u2705 open the Northgate site", "\u274c launch the summer scheme"]),
])
def test_lines_opened_by_a_pictograph_then_a_number_are_a_numbered_list(lines, wanted):
    """A pictograph before each line's number decorates the item: the list is numbered by
    them, its number written once, the pictograph kept before the item's words (it had been a
    bulleted list keeping `1.` in each item's words)."""
    text = f"Our walk\n\nHere is how to join us:\n\n{lines}\n\nThank you all!\n"
    (found,) = lists_of(scraped_document("post", text, Metadata(title=""))[0])
    assert (found.style, found.start, found.marker) == ("decimal", 1, "")
    assert [item.text for item in found.items] == wanted


PICTOGRAPH_LIST = List((ListItem((Span("open a fourth site in Northgate"),)),
                        ListItem((Span("double the girls\u2019 football sessions"),))),
                       marker="\U0001f449")


def test_the_editions_label_each_item_with_the_pictograph():
    assert PICTOGRAPH_LIST.labels() == ["\U0001f449", "\U0001f449"]
    assert from_json(to_json(document_of(PICTOGRAPH_LIST))).blocks == (PICTOGRAPH_LIST,)
    html = str(render_html(document_of(PICTOGRAPH_LIST), load_layout(ROOT / "layouts", "screen")))
    assert html.count('data-label="\U0001f449\u00a0"') == 2
    # No scheme of ISO 32000-1's Table 347 names a pictograph: its labels say it.
    assert list_numbering("bullet", 0, "\U0001f449") == "None"


def document_of(*blocks) -> Document:
    return Document("post", Metadata(title="Our year"), None, blocks)


def test_the_marked_up_form_writes_the_pictograph_and_reads_the_same_list(tmp_path):
    document = document_of(Paragraph((Span("Next year we want to go further:"),)),
                           PICTOGRAPH_LIST)
    text = write_markup(document)
    assert "\U0001f449 open a fourth site in Northgate\n\U0001f449 double" in text
    read = read_markup(text, tmp_path / "post.md", document.metadata, tmp_path)
    assert read.blocks == document.blocks


def test_a_pictograph_list_of_one_item_stays_a_list_and_a_paragraph_one_opens_a_paragraph(
        tmp_path):
    """The marked-up form escapes a paragraph opening with a pictograph and a space, so a
    line opened by one unescaped is a list's item, alone too (a ✅ list cut to one item in
    the draft had come back a paragraph)."""
    shop = document_of(
        Paragraph((Span("\u5e97\u8216\u672c\u5b63\u5b8c\u6210\uff1a"),)),  # 店舖本季完成：
        List((ListItem((Span("\u56de\u6536\u820a\u8863\u4e8c\u5343\u4ef6"),)),),  # 回收舊衣二千件
             marker="\u2705"),
        Paragraph((Span("\U0001f389 Congratulations to Megan, our 100th volunteer!"),)),
        Paragraph((Span("\U0001f449 "), Span("Read more", italic=True))))
    text = write_markup(shop)
    assert "\n\u2705 \u56de\u6536" in text
    assert "\n\\\U0001f389 Congratulations" in text and "\n\\\U0001f449 *Read" in text
    assert read_markup(text, tmp_path / "shop.md", shop.metadata, tmp_path).blocks == shop.blocks
    # Written by hand: one line a pictograph opens is a list of one, escaped a paragraph.
    lone = read_markup("Title: Our year\n\n\U0001f389 Megan ran 10k!\n\n"
                       "\\\U0001f389 Congratulations to Megan!\n",
                       tmp_path / "post.md", Metadata(title=""), tmp_path)
    assert lone.blocks == (List((ListItem((Span("Megan ran 10k!"),)),), marker="\U0001f389"),
                           Paragraph((Span("\U0001f389 Congratulations to Megan!"),)))


def test_the_draft_sets_the_pictograph_as_word_s_bullet_and_reads_it_back(tmp_path):
    from pipeline.writers.docx.draft import write_docx

    document = document_of(Paragraph((Span("Next year we want to go further:"),)),
                           PICTOGRAPH_LIST)
    draft = tmp_path / "post.docx"
    draft.write_bytes(write_docx(document, load_layout(ROOT / "layouts", "print"), tmp_path))
    assert bullet_texts(draft) >= {"\U0001f449"}
    assert read_docx(draft, document.metadata).blocks == document.blocks
    # An item the editor adds after the last, in the list's numbering, is the list's.
    item_added_in_the_lists_numbering(draft, "launch a mentoring scheme")
    items = lists_of(read_docx(draft, document.metadata))[0]
    assert items.marker == "\U0001f449" and items.texts[-1] == "launch a mentoring scheme"


def bullet_texts(draft: Path) -> set[str]:
    """The level texts of the draft's bullet levels (w:lvlText where w:numFmt is bullet)."""
    with zipfile.ZipFile(draft) as opened:
        root = etree.fromstring(opened.read("word/numbering.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return {level.find(f"{w}lvlText").get(f"{w}val") for level in root.iter(f"{w}lvl")
            if level.find(f"{w}numFmt").get(f"{w}val") == "bullet"}


FOOD_BANK = document_of(
    Paragraph((Span("This winter our volunteers:"),)),
    List((ListItem((Span("packed 2,300 food parcels"),)),
          ListItem((Span("delivered to 410 households"),))), marker="\U0001f449"),
    Paragraph((Span("Still to do:"),)),
    List((ListItem((Span("find a second warehouse"),)),
          ListItem((Span("train 20 new drivers"),))), marker="\u2705"))


def spaced(text: str) -> str:
    """The text with the house style's no-break spaces as typed ones."""
    return text.replace("\u00a0", " ")


def saved_with_empty_bullets(draft: Path) -> None:
    """The draft's pictograph bullets outside the Basic Multilingual Plane emptied, as
    LibreOffice saves them (it keeps one UTF-16 unit), its numbering's ids renumbered."""
    with zipfile.ZipFile(draft) as opened:
        parts = {name: opened.read(name) for name in opened.namelist()}
    root = etree.fromstring(parts["word/numbering.xml"])
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for text in root.iter(f"{w}lvlText"):
        if any(ord(character) > 0xFFFF for character in text.get(f"{w}val")):
            text.set(f"{w}val", "")
    parts["word/numbering.xml"] = etree.tostring(root)
    with zipfile.ZipFile(draft, "w") as opened:
        for name, data in parts.items():
            opened.writestr(name, data)


def test_a_bullet_saved_empty_is_the_pictograph_the_draft_wrote_there(tmp_path):
    from pipeline.readers.docx.draft import import_docx
    from pipeline.tasks.drafts import unbulleted
    from pipeline.writers.docx.draft import write_docx

    draft = tmp_path / "winter.docx"
    draft.write_bytes(write_docx(FOOD_BANK, load_layout(ROOT / "layouts", "print"), tmp_path))
    saved_with_empty_bullets(draft)
    opened = docx.Document(str(draft))
    next(p for p in opened.paragraphs if p.text.startswith("packed")).runs[0].text = \
        "packed 2,450 food parcels"
    opened.save(str(draft))
    imported = import_docx(draft.read_bytes(), draft, FOOD_BANK.metadata, FOOD_BANK)
    assert [(block.marker, spaced(block.texts[0])) for block in lists_of(imported.document)] == [
        ("\U0001f449", "packed 2,450 food parcels"), ("\u2705", "find a second warehouse")]
    assert imported.unbulleted == ()
    # Without the document it was written from, or with every item retyped, nothing accounts
    # for the empty bullet: the editions' own, and the import says so.
    for written in (None, replace(FOOD_BANK, blocks=FOOD_BANK.blocks[2:])):
        imported = import_docx(draft.read_bytes(), draft, FOOD_BANK.metadata, written)
        assert lists_of(imported.document)[0].marker == ""
        assert [spaced(text) for text in imported.unbulleted] == ["packed 2,450 food parcels"]
    said = unbulleted(Path("output/winter/winter.docx"), imported.unbulleted)
    assert spaced(said).startswith("output/winter/winter.docx: the list opening 'packed 2,450 food")
    assert "empty bullet" in said


@pytest.mark.slow
def test_a_pictograph_libreoffice_cannot_hold_comes_back_from_its_save(tmp_path):
    """LibreOffice keeps a bullet as one UTF-16 unit: an item of a 👉 list retyped and saved
    as .docx leaves the list's bullet empty, and its ids renumbered (the editions printed •
    and the import said nothing)."""
    import subprocess

    from pipeline.writers.docx.draft import write_docx

    draft = tmp_path / "winter.docx"
    draft.write_bytes(write_docx(FOOD_BANK, load_layout(ROOT / "layouts", "print"), tmp_path))
    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps([["packed", "packed 2,450 food parcels", -1]]))
    saved = tmp_path / "saved.docx"
    subprocess.run(["/usr/bin/python3", str(Path(__file__).parent / "libreoffice_retype.py"),
                    str(tmp_path), str(draft), str(saved), str(edits)], check=True, timeout=300,
                   capture_output=True)
    assert "" in bullet_texts(saved)
    found = lists_of(read_docx(saved, FOOD_BANK.metadata, FOOD_BANK))
    assert [(block.marker, [spaced(text) for text in block.texts]) for block in found] == [
        ("\U0001f449", ["packed 2,450 food parcels", "delivered to 410 households"]),
        ("\u2705", ["find a second warehouse", "train 20 new drivers"])]


def test_bullets_typed_as_text_in_a_draft_are_a_list_bulleted_with_them(tmp_path):
    document = document_of(Paragraph((Span("Done this year:"),)))
    found = lists_typed_in_a_draft(
        document, ("\u2705\tnew clubs opened", "\u2705\tmentors trained"), tmp_path)
    assert [(block.marker, block.texts) for block in found] == [
        ("\u2705", ["new clubs opened", "mentors trained"])]


def test_a_pictograph_typed_by_hand_among_the_list_s_items_is_one_of_them(tmp_path):
    """An item's numbering turned off and its pictograph typed (Word's bullet button off,
    `👉 …` typed), before, between or after the list's items, is an item of the list (the
    list had been parted in two round a paragraph); another pictograph's paragraph is not."""
    from pipeline.writers.docx.draft import write_docx

    draft = tmp_path / "winter.docx"
    draft.write_bytes(write_docx(FOOD_BANK, load_layout(ROOT / "layouts", "print"), tmp_path))
    opened = docx.Document(str(draft))
    item = next(p for p in opened.paragraphs if p.text.startswith("find"))
    item._p.pPr.numPr.numId.val = 0
    item.runs[0].text = "\u2705\tfind a second warehouse"
    for start, typed in (("packed", "\U0001f449 collected 900 coats"),
                         ("delivered", "\U0001f449 checked 60 smoke alarms")):
        next(p for p in opened.paragraphs if p.text.startswith(start)).insert_paragraph_before(
            typed, style="Body Text")
    opened.add_paragraph("\u2705 ordered a van", style="Body Text")
    opened.add_paragraph("\U0001f389 Thank you, every volunteer!", style="Body Text")
    opened.save(str(draft))
    read = read_docx(draft, FOOD_BANK.metadata, FOOD_BANK)
    assert [(block.marker, [spaced(text) for text in block.texts]) for block in lists_of(read)] == [
        ("\U0001f449", ["collected 900 coats", "packed 2,300 food parcels",
                        "checked 60 smoke alarms", "delivered to 410 households"]),
        ("\u2705", ["find a second warehouse", "train 20 new drivers", "ordered a van"])]
    assert read.blocks[-1] == Paragraph((Span("\U0001f389 Thank you, every volunteer!"),))


@pytest.mark.slow
def test_a_build_tags_the_pictograph_as_each_item_s_label_and_bullets_the_draft(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    for path in (folder / "source").iterdir():
        path.unlink()
    (folder / "source" / "council-bin-collections.txt").write_bytes(
        (TEXTS / "council-bin-collections.txt").read_bytes())
    (folder / "source" / "riverside.txt").write_text(RIVERSIDE, encoding="utf-8")
    result = doit(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    for name, pictograph, count in (("council-bin-collections", "\u27a4", 4),
                                    ("riverside", "\u2705", 2)):
        out = folder / "output" / name
        model = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert any(block.get("marker") == pictograph for block in model["blocks"])
        with pikepdf.open(out / f"{name}-screen.pdf") as pdf:
            texts = marked_texts(pdf)
            element = next(element for element, _ in lists(pdf.Root.StructTreeRoot))
            items = [kid for kid in kids_of(element) if is_element(kid)]
            assert len(items) == count
            for item in items:
                parts = [kid for kid in kids_of(item) if is_element(kid)]
                assert [str(kid.S) for kid in parts] == ["/Lbl", "/LBody"]
                assert element_text(parts[0], texts).strip() == pictograph
        assert pictograph in bullet_texts(out / f"{name}.docx")
        draft = docx.Document(str(out / f"{name}.docx"))
        assert sum(p._p.pPr is not None and p._p.pPr.numPr is not None
                   for p in draft.paragraphs) >= count


RIVERSIDE = """\
Riverside Youth Trust

Our year in numbers \U0001f389

What a year! Thanks to every volunteer, donor and young person who made it happen. Here is what we achieved together:

\u2705 1,240 young people joined our weekend clubs
\u2705 86 volunteers trained as youth mentors

Thank you all!

Jo Reynolds
Chief Executive
"""



@pytest.mark.parametrize("name", ["spring-fair-keycaps", "spring-fair-keycaps-zh"])
def test_lines_numbered_by_keycaps_are_a_numbered_list(name):
    """Lines opened by keycap figures (`1️⃣ A plant sale …`, `2️⃣兒童面部彩繪…`), as a post or
    a WeChat article numbers a list: a list numbered 1, 2, 3 as one typed `1.` is, the
    keycaps its numbers and none left in its items' text; they had been headings, or one
    paragraph running the items together."""
    (items,) = lists_of(read_text(TEXTS / f"{name}.txt"))
    assert (items.style, items.start, items.marker, len(items.items)) == ("decimal", 1, "", 3)
    assert not any("\u20e3" in item.text for item in items.items)
    typed = (TEXTS / f"{name}.txt").read_text(encoding="utf-8").replace("\ufe0f\u20e3", ". ")
    assert lists_of(scraped_document(name, typed, Metadata(title=""))[0]) == [items]


def test_keycaps_count_on_to_ten():
    """The keycap ten (🔟) numbers the tenth item, after 1️⃣ to 9️⃣."""
    rows = "\n".join(f"{number}\ufe0f\u20e3 Step {number} of the plan" for number in range(1, 10))
    document, _ = scraped_document("plan", f"The plan has ten steps:\n\n{rows}\n"
                                   "\U0001f51f Step 10 of the plan\n\nThat is all.",
                                   Metadata(title=""))
    (items,) = lists_of(document)
    assert (items.style, items.start, len(items.items)) == ("decimal", 1, 10)
    assert items.items[9].text == "Step\u00a010 of the plan"  # its figure bound to its word


@pytest.mark.parametrize(("text", "heading"), [
    ("Our spring.\n\n\U0001f33f Garden volunteers\n\nTwelve people joined the beds this year.\n",
     "\U0001f33f Garden volunteers"),
    ("Our spring.\n\n\U0001f4e3\ufe0f What comes next\n\nThe shop reopens in May.\n",
     "\U0001f4e3\ufe0f What comes next"),
    ("本年度工作順利完成。\n\n\U0001f3b5 音樂活動\n\n我們舉辦了十場音樂會。\n",
     "\U0001f3b5 音樂活動"),
])  # fmt: skip
def test_a_heading_a_pictograph_opens_is_a_heading_as_one_it_ends(text, heading):
    """A short line standing as a heading does, a blank line over and under it and no
    sentence's end, is one whatever pictograph opens it, as `Dates for your diary 📅` is
    (it had been a paragraph); a line ending a sentence stays one."""
    language = "zh-HK" if "\u3002" in text else "en-GB"
    document = scraped_document("post", text, Metadata(title="Newsletter", language=language))[0]
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [heading]
    said = text.replace(heading, heading + ": we did well!" if language == "en-GB" else
                        heading + "，我們做得很好！")
    document = scraped_document("post", said, Metadata(title="Newsletter", language=language))[0]
    assert not any(isinstance(block, Heading) for block in document.blocks)
