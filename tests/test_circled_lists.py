"""Lines opened by circled figures (`① 楼道照明不足；`, `②缺少公共活动空间；`, `① Create an
account …`), as Chinese, Japanese and English web pages number a list, are a list numbered
with them: the model's circled-decimal style, whose labels every edition prints (`Lbl`,
`/ListNumbering /Decimal`), the draft numbers with Word's decimalEnclosedCircle, and the
draft's import and the marked-up form read back. A note labelled ① at a text's end stays a
note."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from pipeline.layouts import load_layout
from pipeline.list_numbers import list_numbering, numeral
from pipeline.model import (
    Document,
    List,
    ListItem,
    Metadata,
    Note,
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
from pipeline.writers.docx.draft import write_docx
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

TEXTS = ROOT / "tests" / "texts" / "circled_lists"
# Simplified Chinese texts stand apart, where the Simplified reader's tests find them.
SIMPLIFIED = ROOT / "tests" / "simplified_chinese_texts"
ARTICLE = "street-committee-wechat-zh-hans"


def text_path(name: str) -> Path:
    return (SIMPLIFIED if name == ARTICLE else TEXTS) / f"{name}.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize(("name", "wanted"), [
    # A Simplified Chinese official account's article: ①… with no space, then ① … with one.
    (ARTICLE, [4, 3]),
    # An English page numbering as Japanese pages do.
    ("study-abroad-fair-web", [3, 2]),
    # A Traditional Chinese notice, its note labelled ① too.
    ("water-supplies-notice-zh-hant", [3]),
])
def test_lines_opened_by_circled_figures_are_a_list_numbered_with_them(name, wanted):
    found = lists_of(read_text(text_path(name)))
    assert [len(block.items) for block in found] == wanted
    assert all((block.style, block.start, block.marker) == ("circled-decimal", 1, "")
               for block in found)
    # The figures are the list's labels now, not the items' words.
    assert not any(item.text[:1] in "①②③④" or item.text[:1].isspace()
                   for block in found for item in block.items)
    assert found[0].labels() == ["①", "②", "③", "④"][:wanted[0]]


def test_a_mainland_article_s_circled_items_are_a_list_and_its_circled_notes_notes():
    text = ("东湖小区的故事\n\n居民们最关心的问题主要有三个①：\n\n① 楼道照明不足，晚上出行不安全；\n"
            "② 缺少公共活动空间；\n③ 垃圾分类点设置不合理。\n\n项目组随后开始工作②。\n\n"
            "① 根据2024年入户问卷。\n② 包括街道和两家社会组织。\n")
    document = scraped_document("story", text, Metadata(title="", language="zh-Hans"))[0]
    assert [block.texts for block in lists_of(document)] == [
        ["楼道照明不足，晚上出行不安全；", "缺少公共活动空间；", "垃圾分类点设置不合理。"]]
    assert not any("缺少公共活动空间" in block.text for block in document.blocks
                   if isinstance(block, Paragraph))
    # The lines labelled ① and ② that end it, each called above, are its notes still.
    assert [(block.label, block.text) for block in document.blocks if isinstance(block, Note)] == [
        ("①", "根据2024年入户问卷。"), ("②", "包括街道和两家社会组织。")]


def test_a_notice_s_circled_list_is_one_and_its_note_labelled_so_under_its_heading_a_note():
    notice = read_text(TEXTS / "water-supplies-notice-zh-hant.txt")
    assert [block.texts for block in lists_of(notice)] == [
        ["九龍城道全段；", "譚公道12號至56號（雙數門牌）；", "北帝街全段。"]]
    assert [(block.label, block.text) for block in notice.blocks if isinstance(block, Note)] == [
        ("①", "臨時供水站於工程期間全時間開放，市民須自備盛水器皿。")]
    called = next(block for block in notice.blocks
                  if isinstance(block, Paragraph) and "臨時供水站" in block.text)
    assert Span("①", note="①") in called.spans


def test_circled_figures_out_of_order_or_alone_read_as_figures_do():
    """As `2.` over `1.`: an item whose number does not follow opens a list from it; an item
    alone under no lead-in is its paragraph."""
    text = ("Our steps\n\nWe took these steps.\n\n② Second thing we did here.\n"
            "① First thing we did here.\n\nThat was all.\n")
    document = scraped_document("post", text, Metadata(title=""))[0]
    assert [(block.style, block.start, len(block.items)) for block in lists_of(document)] == [
        ("circled-decimal", 2, 1), ("circled-decimal", 1, 1)]
    lone = scraped_document("post", "Our steps\n\nWe took one step.\n\n③ Third of them.\n\n"
                            "That was all.\n", Metadata(title=""))[0]
    assert not lists_of(lone)


CIRCLED_LIST = List(tuple(ListItem((Span(text),)) for text in (
    "楼道照明不足；", "缺少公共活动空间；", "垃圾分类点设置不合理。")), "circled-decimal")


def document_of(*blocks, language: str = "zh-Hans") -> Document:
    return Document("story", Metadata(title="东湖小区", language=language), None, blocks)


def test_the_editions_label_each_item_with_its_circled_figure():
    assert [numeral("circled-decimal", number) for number in (1, 20, 21, 35, 36, 50)] == [
        "①", "⑳", "㉑", "㉟", "㊱", "㊿"]
    assert CIRCLED_LIST.labels() == ["①", "②", "③"]
    assert from_json(to_json(document_of(CIRCLED_LIST))).blocks == (CIRCLED_LIST,)
    html = str(render_html(document_of(CIRCLED_LIST), load_layout(ROOT / "layouts", "screen")))
    assert 'data-label="② "' in html and 'data-label="②. "' not in html
    # Figures, in a circle: Table 347's Decimal, as 1. and (1) are.
    assert list_numbering("circled-decimal", 0) == list_numbering("circled-decimal", 2) == (
        "Decimal")


def test_the_marked_up_form_writes_circled_figures_and_reads_the_same_list(tmp_path):
    document = document_of(Paragraph((Span("居民们最关心的问题："),)), CIRCLED_LIST,
                           Paragraph((Span("① 这一段以圈码开头，不是列表。"),)))
    text = write_markup(document)
    assert "① 楼道照明不足；\n② 缺少公共活动空间；\n③ 垃圾分类点设置不合理。" in text
    assert "\\① 这一段" in text
    assert read_markup(text, tmp_path / "story.md", document.metadata, tmp_path).blocks == (
        document.blocks)


def circled_levels(draft: Path) -> list[tuple[str, str]]:
    """The format and text of each level the draft's numbering circles."""
    with zipfile.ZipFile(draft) as opened:
        root = etree.fromstring(opened.read("word/numbering.xml"))
    return [(level.find(f"{W}numFmt").get(f"{W}val"), level.find(f"{W}lvlText").get(f"{W}val"))
            for level in root.iter(f"{W}lvl")
            if level.find(f"{W}numFmt").get(f"{W}val") == "decimalEnclosedCircle"]


def test_the_draft_numbers_with_word_s_circled_figures_and_reads_them_back(tmp_path):
    document = document_of(Paragraph((Span("居民们最关心的问题："),)), CIRCLED_LIST)
    draft = tmp_path / "story.docx"
    draft.write_bytes(write_docx(document, load_layout(ROOT / "layouts", "print"), tmp_path))
    assert ("decimalEnclosedCircle", "%1") in circled_levels(draft)
    assert read_docx(draft, document.metadata).blocks == document.blocks
    # An item the editor adds after the last, in the list's numbering, is the list's ④.
    item_added_in_the_lists_numbering(draft, "缺少停车位。")
    found = lists_of(read_docx(draft, document.metadata))[0]
    assert found.style == "circled-decimal" and found.labels()[-1] == "④"
    assert found.texts[-1] == "缺少停车位。"


def test_circled_figures_typed_in_a_draft_are_a_list_numbered_with_them(tmp_path):
    document = document_of(Paragraph((Span("To apply:"),)), language="en-GB")
    found = lists_typed_in_a_draft(
        document, ("\u2460\tKeep your stamps.", "\u2461\tHand in your pass."), tmp_path)
    assert [(block.style, block.texts) for block in found] == [
        ("circled-decimal", ["Keep your stamps.", "Hand in your pass."])]


@pytest.mark.slow
def test_a_build_tags_circled_labels_and_numbers_the_draft_with_them(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    for path in (folder / "source").iterdir():
        path.unlink()
    names = ("study-abroad-fair-web", ARTICLE)
    for name in names:
        (folder / "source" / f"{name}.txt").write_bytes(text_path(name).read_bytes())
    result = doit(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in names:
        out = folder / "output" / name
        model = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert any(block.get("style") == "circled-decimal" for block in model["blocks"])
        for layout in ("screen", "large-print"):
            with pikepdf.open(out / f"{name}-{layout}.pdf") as pdf:
                texts = marked_texts(pdf)
                element = next(element for element, _ in lists(pdf.Root.StructTreeRoot))
                assert element.A.ListNumbering == pikepdf.Name.Decimal
                items = [kid for kid in kids_of(element) if is_element(kid)]
                labels = []
                for item in items:
                    parts = [kid for kid in kids_of(item) if is_element(kid)]
                    assert [str(kid.S) for kid in parts] == ["/Lbl", "/LBody"]
                    labels.append(element_text(parts[0], texts).strip())
                assert labels[:2] == ["①", "②"], (name, layout, labels)
        assert circled_levels(out / f"{name}.docx")
