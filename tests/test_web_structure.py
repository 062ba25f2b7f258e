"""Every level of a web page's structure read: lists nested to three levels in every marker
style, adjacent lists kept apart, headings levelled by their numbers, table titles as
captions, a bilingual title on two lines; kept through the marked-up form and the DOCX."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from pipeline.layouts import load_layout
from pipeline.model import (
    Heading,
    List,
    Metadata,
    Paragraph,
    SignOff,
    Table,
    from_json,
    plain,
    to_json,
)
from pipeline.readers.docx.draft import docx_document
from pipeline.readers.markup import read_markup
from pipeline.readers.scraped import scraped_document
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.markup import write_markup

LAYOUT = load_layout(Path(__file__).resolve().parent.parent / "layouts", "print")
OPENING = "The text opens with a paragraph of its own, before the list."


def document_of(text: str, title: str = "Report"):
    return scraped_document("piece", text, Metadata(title=title))[0]


def lists_of(document) -> list[List]:
    return [block for block in document.blocks if isinstance(block, List)]


def shape(block: List) -> list:
    """A list as (style, start, marker) and its items' texts, each nested list after its item."""
    items: list = [(block.style, block.start, block.marker)]
    for item in block.items:
        items.append(item.text)
        if item.sublist is not None:
            items.append(shape(item.sublist))
    return items


def round_trips(document) -> None:
    """The document comes back the same from its marked-up form, its DOCX and its JSON."""
    markup = read_markup(write_markup(document), Path("piece.md"), document.metadata, Path("."))
    assert markup.blocks == document.blocks
    drafted = docx_document(write_docx(document, LAYOUT, Path(".")), Path("piece.docx"),
                            document.metadata)
    assert drafted.blocks == document.blocks
    assert from_json(to_json(document)) == document


def test_a_lettered_list_with_roman_sublists_nests_and_carries_on():
    document = document_of(f"{OPENING}\n\nThe Council recommends that:\n(a) more places;\n"
                           "(b) help at home, by:\n(i) more visits;\n(ii) longer hours;\n"
                           "(c) a review.")
    (found,) = lists_of(document)
    assert shape(found) == [("lower-alpha", 1, "(%)"), "more places;", "help at home, by:",
                            [("lower-roman", 1, "(%)"), "more visits;", "longer hours;"],
                            "a review."]
    round_trips(document)


def test_i_after_h_is_a_letter_and_after_another_letter_a_numeral():
    letters = "\n".join(f"({letter}) item {letter};" for letter in "abcdefghij")
    (found,) = lists_of(document_of(f"{OPENING}\n\nThe items:\n{letters}"))
    assert found.style == "lower-alpha" and len(found.items) == 10
    numerals = "\n".join(f"({numeral}) part {numeral};" for numeral in ("i", "ii", "iii", "iv",
                                                                          "v", "vi", "x"))
    (found,) = lists_of(document_of(f"{OPENING}\n\nThe items:\n(a) one;\n{numerals}\n(b) two."))
    assert shape(found)[2][0] == ("lower-roman", 1, "(%)") and len(shape(found)[2]) == 8


@pytest.mark.parametrize(("markers", "styles"), [
    (("1.", "a.", "i."), [("decimal", 1, ""), ("lower-alpha", 1, ""), ("lower-roman", 1, "")]),
    (("(a)", "(i)", "A."), [("lower-alpha", 1, "(%)"), ("lower-roman", 1, "(%)"),
                            ("upper-alpha", 1, "")]),
    (("1)", "•", "–"), [("decimal", 1, "%)"), ("bullet", 1, ""), ("bullet", 1, "")]),
    (("•", "◦", "▪"), [("bullet", 1, ""), ("bullet", 1, ""), ("bullet", 1, "")]),
    (("一、", "（一）", "1."), [("trad-chinese-informal", 1, ""),
                              ("trad-chinese-informal", 1, "（%）"), ("decimal", 1, "")]),
    (("一、", "1、", "(1)"), [("trad-chinese-informal", 1, ""), ("decimal", 1, "%、"),
                             ("decimal", 1, "(%)")]),
])  # fmt: skip
def test_three_levels_in_every_marker_style(markers, styles):
    def marker(level: int, number: int) -> str:
        mark = markers[level]
        if mark in "•◦▪–":
            return mark + " "
        values = {"1": str(number), "a": "ab"[number - 1], "i": "i" * number,
                  "A": "AB"[number - 1], "一": "一二"[number - 1]}
        key = next(key for key in values if key in mark)
        return mark.replace(key, values[key]) + ("" if mark[-1] in "、）" else " ")

    lines = []
    for top in (1, 2):
        lines.append(f"{marker(0, top)}outer {top};")
        for middle in (1, 2):
            lines.append(f"{marker(1, middle)}middle {middle};")
            lines.append(f"{marker(2, 1)}inner one;")
            lines.append(f"{marker(2, 2)}inner two;")
    (found,) = lists_of(document_of(f"{OPENING}\n\nThe plan:\n" + "\n".join(lines)))
    middle = found.items[1].sublist
    inner = middle.items[1].sublist
    assert [(block.style, block.start, block.marker) for block in (found, middle, inner)] == styles
    assert [item.text for item in inner.items] == ["inner one;", "inner two;"]
    assert len(found.items) == 2 and len(middle.items) == 2
    round_trips(document_of(f"{OPENING}\n\nThe plan:\n" + "\n".join(lines)))


def test_a_numbered_list_then_a_bulleted_one_stay_two_lists():
    document = document_of(f"{OPENING}\n\nOur priorities are:\n1. homes;\n2. jobs.\n\n"
                           "• Homes come first.\n• Jobs follow.\n\nA closing paragraph.")
    first, second = lists_of(document)
    assert (first.style, len(first.items)) == ("decimal", 2)
    assert (second.style, len(second.items)) == ("bullet", 2)
    round_trips(document)


@pytest.mark.parametrize("bullet, space", [("\u2027", " "), ("\u2027", ""), ("\u30fb", ""),
                                           ("\u00b7", ""), ("\u25c6", " ")],
                         ids=["hyphenation point", "hyphenation point unspaced",
                              "katakana middle dot unspaced", "middle dot unspaced", "diamond"])
def test_lines_opened_by_a_hong_kong_pages_bullet_are_a_list(bullet, space):
    """A Hong Kong page bullets its lists with the hyphenation point (`‧`) or a middle dot,
    Chinese with no space after it: a list, each line an item; it had been one paragraph
    (or one an item), the bullets kept in its words."""
    items = ["每月上門探訪；", "免費健康檢查；", "電話關懷熱線。"]
    document = document_of("本會年內服務超過三千名長者。\n\n本會提供以下服務：\n\n"
                           + "\n".join(f"{bullet}{space}{item}" for item in items)
                           + "\n\n歡迎查詢。", title="服務簡介")
    (found,) = lists_of(document)
    assert shape(found) == [("bullet", 1, ""), *items]
    round_trips(document)


def test_a_line_opened_by_a_dash_or_a_letter_with_no_space_is_no_item():
    """Only a bullet that is no letter nor dash opens an item with no space after it: `-`
    before a word is a hyphen's, `o` a word's."""
    document = document_of("本會年內服務超過三千名長者。\n\n-每月上門探訪；\n-免費健康檢查。\n\n歡迎查詢。",
                           title="服務簡介")
    assert lists_of(document) == []


def test_bullets_after_an_item_leading_into_them_are_nested():
    (found,) = lists_of(document_of(f"{OPENING}\n\nWe will:\n1. build homes, namely:\n\n"
                                    "• in Tuen Mun;\n• in Tai Po;\n\n2. create jobs."))
    assert [item.text for item in found.items] == ["build homes, namely:", "create jobs."]
    assert found.items[0].sublist.style == "bullet"


def test_headings_take_their_level_from_their_numbers():
    text = "\n\n".join([OPENING, "1. Background", "Some text here.", "1.1 Scope",
                        "More text here.", "1.1.1 Surveys", "Text again.", "2. Findings",
                        "The findings."])
    headings = document_of(text).headings
    assert [(heading.text, heading.level) for heading in headings] == [
        ("1. Background", 1), ("1.1\u00a0Scope", 2), ("1.1.1 Surveys", 3),
        ("2. Findings", 1)]


def test_a_chapters_sections_are_its_first_level_and_no_level_is_skipped():
    text = "\n\n".join([OPENING, "3.1 Patronage", "Text.", "3.1.1 Rail", "Text.",
                        "3.2 Fares", "Text.", "Unnumbered", "Text."])
    assert [heading.level for heading in document_of(text).headings] == [1, 2, 1, 1]
    text = "\n\n".join([OPENING, "1. Top", "Text.", "1.1.1 Too deep", "Text."])
    assert [heading.level for heading in document_of(text).headings] == [1, 2]


def test_chinese_section_numbers_give_levels_too():
    text = "\n\n".join(["第一段文字。", "一、推動創新", "本署年內推行多項措施。", "（一）數碼工地",
                        "工地採用新系統。", "二、培育人才", "課程已有學員畢業。"])
    assert [heading.level for heading in document_of(text).headings] == [1, 2, 1]


def test_a_numbered_heading_after_a_list_of_other_markers_is_a_heading():
    document = document_of(f"{OPENING}\n\nWe:\n(a) plan;\n(b) build.\n\n2. What we do\n\n"
                           "Our work falls into three areas.")
    assert isinstance(document.blocks[-2], Heading) and document.blocks[-2].text == "2. What we do"


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_table_title_above_a_table_is_its_caption(gap):
    document = document_of(f"{OPENING}\n\nTable 3.1 Average daily patronage by operator{gap}"
                           "Operator\t2022-23\t2023-24\nMetro\t4,103\t4,377\nBuses\t3,412\t3,590"
                           "\n\nA paragraph after it.")
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    assert plain(table.caption) == "Table 3.1\u00a0Average daily patronage by operator"
    assert not document.headings
    round_trips(document)


LONG_LINE = ("This was the year we doubled the number of homes we retrofitted, and the year our "
             "tenants' panel first set the targets for our repairs.")  # a page not wrapped
ZH_LONG_LINE = "這一年，我們翻新的單位數目倍增，租戶小組亦首次為維修工作訂下目標，我們會按季公布進度，讓租戶隨時監察各項工作。"


@pytest.mark.parametrize(("opening", "figures", "items"), [
    (LONG_LINE, "1,482\nhomes let\n96%\nemergency repairs on time\n£3.6m\n"
     "rent arrears, down from £4.1m",
     ["1,482\u00a0homes let", "96% emergency repairs on time",
      "£3.6m rent arrears, down from £4.1m"]),
    (ZH_LONG_LINE, "1,482個\n出租單位\n96%\n緊急維修準時完成\n約2.98億元\n全年維修開支",
     ["1,482個出租單位", "96%緊急維修準時完成", "約2.98億元全年維修開支"]),
    # A figure with a unit of its own: minutes, years.
    (LONG_LINE, "25 minutes\nfrom Kwu Tung to the city\n12 years\nof planning",
     ["25\u00a0minutes from Kwu Tung to the city", "12\u00a0years of planning"]),
    (ZH_LONG_LINE, "25分鐘\n古洞往返市區\n18.9萬個\n公營房屋單位",
     ["25分鐘古洞往返市區", "18.9萬個公營房屋單位"]),
    # A text wrapped (no line wider than a wrap), its blocks parted by blank lines, alike.
    (OPENING, "1,482\nhomes let\n96%\nemergency repairs on time",
     ["1,482\u00a0homes let", "96% emergency repairs on time"]),
], ids=["english", "chinese", "wrapped", "english units", "chinese units"])
def test_key_figures_each_over_its_words_are_a_list(opening, figures, items):
    """A page's key figures, each alone on its line over what it counts, under a heading and
    over the next, with or without blank lines between the page's blocks: a list of figures
    and their words, not one paragraph running them together."""
    heading, after = ("主要數字", "展望") if opening == ZH_LONG_LINE else ("Key facts", "Looking ahead")
    for joint in ("\n", "\n\n") if opening != OPENING else ("\n\n",):
        document = document_of(joint.join((opening, heading, figures, after, opening)))
        (found,) = lists_of(document)
        assert (found.style, [item.text for item in found.items]) == ("bullet", items)
        assert [type(block).__name__ for block in document.blocks] == [
            "Paragraph", "Heading", "List", "Heading", "Paragraph"]
        round_trips(document)


@pytest.mark.parametrize("text", [
    "Figures\n2023\nThe year began with a storm that closed the harbour for three days.\n"
    "2024\nThe year ended calmly.",  # a year over a sentence: a heading, not a key figure
    "Figures\n1,482\nhomes let",  # one figure alone
])
def test_a_figure_over_a_sentence_or_alone_is_no_list(text):
    assert not lists_of(document_of(f"{LONG_LINE}\n{text}"))


@pytest.mark.parametrize("line", [
    "\u2018Repairs are the one thing we will be judged on.\u2019",
    "\u201cWe listened, and we acted!\u201d",
])
def test_a_quoted_sentence_alone_on_its_line_is_no_heading(line):
    document = document_of(f"{LONG_LINE}\n{line}\n{LONG_LINE}")
    assert not document.headings and len(document.blocks) == 3


def test_a_page_of_short_paragraphs_each_ending_a_sentence_was_not_wrapped():
    """Chinese paragraphs of under 50 characters are narrower than any wrap: each line ends
    a sentence, which a wrap never leaves, so each is a paragraph of its own, and the line
    over one a heading, with no blank line between."""
    lines = ["房屋", "政府今日公布，未來五年將興建公營房屋十八萬九千個單位，加快簡約公屋的落成。",
             "交通", "北部都會區的鐵路項目會提前一年動工，預計2033年通車。",
             "區內將新增三個車站，方便居民往返市區及新界東北各區，減少轉車次數。"]
    document = document_of("\n".join(lines))
    assert [type(block).__name__ for block in document.blocks] == [
        "Heading", "Paragraph", "Heading", "Paragraph", "Paragraph"]
    # A mail's paragraph wrapped inside its sentences still joins.
    wrapped = ("The orchestra played to more than forty thousand people this\n"
               "season, in halls, schools and hospital wards across the\n"
               "territory, and every concert was sold out.")
    assert len(document_of(wrapped).blocks) == 1


@pytest.mark.parametrize("lines", [
    ["灣仔社區藝術中心二〇二四至二五年度活動回顧",
     "中心全年舉辦工作坊及展覽共八十六項，參加人次較上年度上升一成。",
     "康文署撥款HK$80萬。", "展覽入場人次逾三萬。", "灣仔社區藝術中心", "2025年3月31日"],
    ["东湖社区图书馆年度报告", "图书馆全年借出图书十二万册，较上年增加一成。",
     "市政府拨款 RMB 50 万元。", "读者满意度达百分之九十。", "东湖社区图书馆", "2025年1月15日"],
    ["Eastlake Community Library: the year in review",
     "The library lent 120,000 books this year, a tenth more than the year before.",
     "The council gave £50,000.", "Nine readers in ten said they were satisfied with it.",
     "Eastlake Library",
     "15 January 2025"],
], ids=["traditional", "simplified", "english"])
def test_a_page_whose_lines_each_end_a_sentence_under_its_headline_was_not_wrapped(lines):
    """A headline over short paragraphs, each a line ending a sentence, and a signature: no
    line a wrap broke, though the headline ends none (its author broke it, with room to
    spare), and in Chinese only one is as wide as a wrap's. The headline titles the text, and each line
    is its own paragraph; none runs on into the widest line over it."""
    document = scraped_document("piece", "\n".join(lines), Metadata(title=""))[0]
    assert document.metadata.title == lines[0]
    # (The spaces round a currency in Chinese closed up, a no-break space after a figure.)
    assert [plain(block.spans).replace("\u00a0", " ") for block in document.blocks[:3]] == [
        line.replace(" RMB 50 ", "RMB50") for line in lines[1:4]]


def test_a_quotations_attribution_under_it_is_its_own_line_opened_by_a_dash():
    """ "- Name, role" under a quotation ends its block, as the heading under it starts its
    own; the hyphen opening it is set as a dash, the quotation over it displayed, as a pull
    quote is. Bullets of a list still make a list."""
    document = document_of(f"{LONG_LINE}\n\"I didn't have to ring anyone twice.\"\n"
                           f"- Mrs Alice Chan, resident\nRepairs in numbers\n{LONG_LINE}")
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Quotation", "Paragraph", "Heading", "Paragraph"]
    assert document.blocks[2].text == "\u2013 Mrs\u00a0Alice Chan, resident"
    listed = document_of(f"{LONG_LINE}\nWe promised:\n- Faster repairs\n- Fewer calls\n"
                         f"Looking ahead\n{LONG_LINE}")
    assert [item.text for item in lists_of(listed)[0].items] == ["Faster repairs", "Fewer calls"]


@pytest.mark.parametrize(("sections", "headings", "items"), [
    ("一、主要工作\n（一）新建社區圖書館12所；\n（二）推出24小時自助借還服務。\n二、數碼服務\n"
     "電子書借閱量達到860萬冊次，比上年增長35%。",
     ["一、主要工作", "二、數碼服務"], ["新建社區圖書館12所；", "推出24小時自助借還服務。"]),
    ("1. Housing\n(a) 1,200 new homes by 2030;\n(b) rents within reach.\n2. Transport\n"
     "The new line will open a year early, in 2033, with three new stations.",
     ["1. Housing", "2. Transport"], ["1,200\u00a0new homes by 2030;", "rents within reach."]),
], ids=["chinese", "english"])
def test_numbered_sections_over_items_numbered_otherwise_are_headings(sections, headings,
                                                                     items):
    """"一、" over "（一）" items, then "二、" over a paragraph: the sections' headings, their
    items a list; under a lead-in ("…如下：") the same lines are a list's items."""
    document = document_of(f"{OPENING}\n\n{sections}")
    assert [heading.text for heading in document.headings] == headings
    assert [item.text for item in lists_of(document)[0].items] == items
    led = document_of(f"{OPENING}\n\nThe plan:\n{sections}")
    assert not led.headings


@pytest.mark.parametrize(("title", "caption"), [
    ("表1  主要服務指標", "表1 主要服務指標"), ("Table 2  Key figures", "Table 2\u00a0Key figures"),
])
def test_a_table_title_whose_number_stands_apart_is_the_caption(title, caption):
    document = document_of(f"{OPENING}\n\n{title}\n指標\t2023\t2024\n讀者\t1,050\t1,280\n"
                           "外借\t1,870\t2,150\n\n完。")
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    assert plain(table.caption) == caption
    assert [plain(cell) for cell in table.header] == ["指標", "2023", "2024"]


@pytest.mark.parametrize(("line", "heading"), [
    ("主任寄语 A Message from the Director", True), ("主席報告 Chairman’s Statement", True),
    ("Upcoming Events 近期活動", True),
    ("主任寄语 a message sent to every member of the centre", False),
])
def test_a_heading_in_two_languages_is_one_where_each_half_is_a_title(line, heading):
    document = document_of(f"第一段文字，說明本年度的工作。\n\n{line}\n\n第二段文字，說明來年的計劃。")
    assert any(isinstance(block, Heading) and block.text == line
               for block in document.blocks) is heading


@pytest.mark.parametrize("title", ["表1  二〇二四年主要服務指標", "Table 2.1  Sailings by route"])
def test_a_title_apart_over_a_table_of_four_columns_and_its_source(title):
    """Two cells to the rows' four (not one short, as a header over its rows' labels): the
    title is the caption all the same, every row the table's, the source line under it."""
    rows = ("項目\t2023\t2024\t變動\n借閱\t2,105\t2,231\t+6.0%\n"
            "講座\t142\t186\t+31.0%\nWi-Fi 連線\t3.8\t4.6\t+21.1%\n")
    document = document_of(f"{OPENING}\n\n{title}\n{rows}資料來源：本館借閱系統\n\n完。")
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    assert plain(table.caption).split()[-1] == title.split()[-1]
    assert [plain(cell) for cell in table.header] == ["項目", "2023", "2024", "變動"]
    assert [plain(row[0]) for row in table.rows] == ["借閱", "講座", "Wi-Fi 連線"]
    assert not any(isinstance(block, Heading) for block in document.blocks)
    assert "資料來源：本館借閱系統" in [block.text for block in document.blocks
                                  if isinstance(block, Paragraph)]


def test_a_chinese_table_title_and_a_sentence_naming_a_table():
    document = document_of("第一段文字。\n\n表1 各區工地數目\n地區\t數目\n港島\t3\n九龍\t4\n\n完。")
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    assert plain(table.caption).startswith("表1")
    document = document_of(f"{OPENING}\n\nTable 2 shows the figures.\n\nA\tB\n1\t2\n3\t4")
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    assert table.caption == ()


def test_a_bilingual_title_on_two_lines_is_one_title_then_the_byline():
    document = document_of("Chairperson's Message\n主席的話\n\nBy Grace LAU Wing-sze, "
                           f"Chairperson\n\n{OPENING}\n\nA year\n\n{OPENING}", title="")
    assert document.metadata.title == "Chairperson\u2019s Message 主席的話"
    assert (document.byline.name, document.byline.role) == ("Grace LAU\u00a0Wing-sze", "Chairperson")
    assert [heading.text for heading in document.headings] == ["A year"]


def test_a_date_alone_is_no_heading():
    document = document_of(f"{OPENING}\n\n27 June 2024\n\n{OPENING}")
    assert not document.headings


def test_the_draft_numbers_each_level_as_written():
    document = document_of(f"{OPENING}\n\nThe plan:\n(a) one;\n(i) first;\n• deep;\n• deeper;\n"
                           "(ii) second;\n(b) two.\n\nTable 1 Things\nA\tB\n1\t2\n3\t4")
    draft = docx.Document(io.BytesIO(write_docx(document, LAYOUT, Path("."))))
    styles = [paragraph.style.name for paragraph in draft.paragraphs]
    assert styles.count("List Number") == 2 and styles.count("List Number 2") == 2
    assert styles.count("List Bullet 3") == 2
    level_texts = [level.find(docx.oxml.ns.qn("w:lvlText")).get(docx.oxml.ns.qn("w:val"))
                   for level in draft.part.numbering_part.element.iter(
                       docx.oxml.ns.qn("w:lvl"))]
    assert "(%1)" in level_texts and "(%2)" in level_texts and "\u2023" in level_texts
    caption = next(p for p in draft.paragraphs if p.text == "Table 1\u00a0Things")
    assert caption.style.name == "Caption"
    assert caption._p.getnext().tag == docx.oxml.ns.qn("w:tbl")


REPORTS = Path(__file__).parent / "texts" / "reports"
POSTS = Path(__file__).parent / "texts" / "posts"
PIECES = sorted((*REPORTS.glob("*.txt"), *POSTS.glob("*.txt")))


@pytest.mark.parametrize("path", PIECES, ids=lambda path: path.stem)
def test_each_pieces_structure_comes_back_from_its_draft_and_its_marked_up_form(path):
    """The texts of tests/texts/reports (milestones, accounts, an interview, a letter's
    address, a tribute, figures' titles, notes in superior figures, numbered paragraphs)
    and tests/texts/posts (blog posts on their platforms' pages): what the reader makes of
    each comes back the same from the DOCX draft an editor opens, from the marked-up form
    and from the JSON model."""
    from pipeline.readers.scraped import read_scraped

    document, _ = read_scraped(path, Metadata(title=""))
    round_trips(document)


def test_a_list_whose_markers_the_copy_lost_is_known_by_its_punctuation():
    """A lead-in ending with a colon over items in lower case, each ending with a semicolon
    and the last with a full stop (as the house style punctuates a list), with a blank line
    between them or none: a bulleted list, its items as written; in Chinese, whose script has
    no cases, by its punctuation alone."""
    items = ("our sponsors, the Red Lion and Hughes & Daughter Builders;",
             "the groundsman, for keeping the pitch playable all winter; and",
             "every parent who washed a kit or drove a minibus.")
    # Its paragraphs each on one line, as a page's are copied: a text not wrapped.
    season = ("It was a long season for everyone at the club, and we learned a great deal "
              "from it, on the pitch and off it, from the first friendly to the cup final.")
    for gap in ("\n", "\n\n"):
        text = (f"{season}\n\nThe committee would like to thank:{gap}{gap.join(items)}\n\n"
                "See you all next season at the ground.\n")
        blocks = document_of(text).blocks
        assert [type(block).__name__ for block in blocks] == [
            "Paragraph", "Paragraph", "List", "Paragraph"]
        assert shape(blocks[2]) == [("bullet", 1, ""), *items]
    chinese = ("本中心今年的工作重點如下：\n\n加強長者社區照顧服務；\n\n擴展護老者支援網絡；\n\n"
               "推動樂齡科技應用。\n\n我們會繼續努力。\n")
    document = scraped_document("piece", chinese, Metadata(title="報告", language="zh-HK"))[0]
    assert [item.text for item in lists_of(document)[0].items] == [
        "加強長者社區照顧服務；", "擴展護老者支援網絡；", "推動樂齡科技應用。"]


@pytest.mark.parametrize("items", [
    # One item alone is no list; nor are items whose last does not end the sentence, nor
    # paragraphs opened by a figure or a quote.
    ("our sponsors, the Red Lion.",),
    ("our sponsors, the Red Lion;", "the groundsman, for the pitch;"),
    ("12 new sponsors joined us;", "\u2018the pitch was never better.\u2019"),
])
def test_paragraphs_under_a_colon_not_punctuated_as_a_list_stay_paragraphs(items):
    text = f"{OPENING}\n\nThe committee would like to thank:\n\n" + "\n\n".join(items) + "\n"
    assert not lists_of(document_of(text))


@pytest.mark.parametrize(("language", "lines"), [
    ("zh-HK", ("我希望大家記住三件事：", "第一，多讀書；", "第二，多交朋友；", "第三，多做運動。")),
    ("zh-HK", ("這個計劃有兩個目標：", "其一、照顧長者；", "其二、支援護老者。")),
    ("zh-Hans", ("我们今年会做三件事：", "第一，扩建图书馆；", "第二，增加奖学金；",
                 "最后，改善宿舍。")),
    ("en-GB", ("The board asks you to remember three things:", "First, keep asking questions;",
               "Second, look after each other;", "Third, come back and tell us.")),
    ("en-GB", ("Our plan has two parts:", "firstly, we repair the roof;",
               "secondly, we open the hall to every club in the town.")),
])  # fmt: skip
def test_lines_under_a_colon_whose_first_words_count_them_get_no_bullet(language, lines):
    """Items punctuated as a list (a lead-in's colon, semicolons, a full stop) whose own first
    words count them (`第一，`, `其二、`, `First,`, `secondly,`) are paragraphs as written,
    never labelled a second time by a bullet (`• 第一，保持好奇；`, the copy-editor's
    finding); nothing of them is lost, in the model or the draft read back."""
    # Its paragraphs each on one line, as a page's are copied: a text not wrapped.
    opening = ("今天是值得慶祝的日子，看到台下一張張笑臉，我不禁想起大家四年前第一次踏進校園時的樣子，"
               "有點緊張，也有點好奇。" if language.startswith("zh") else
               "It was a long year for everyone here, and we learned a great deal from it, in "
               "the classroom and out of it, from the first week to the last.")
    text = f"{opening}\n\n" + "\n".join(lines) + "\n\n" + "That is all.\n"
    document = scraped_document("piece", text, Metadata(title="Piece", language=language))[0]
    assert not lists_of(document)
    assert [block.text for block in document.blocks[1:-1]] == list(lines)
    round_trips(document)


def test_items_under_a_lead_in_over_their_numbered_sub_items_are_a_list():
    """`We have agreed three priorities …:` over `1. Get repairs right first time` over its
    sub-items indented, `1.1 Give every operative a van stocked for the 50 most common
    jobs.` (a sentence of twelve words, which alone would be a paragraph its number opens):
    one list nested two deep (each `1.` had been a heading, its sub-items paragraphs)."""
    from pipeline.readers.scraped import read_scraped

    path = Path(__file__).parent / "texts" / "reports" / "housing-provider-performance.txt"
    document, _ = read_scraped(path, Metadata(title=""))
    assert [block.text for block in document.headings] == [
        "Key performance indicators", "What we will do next year"]
    (priorities,) = lists_of(document)
    assert [item.text for item in priorities.items] == [
        "Get repairs right first time", "Reduce the time homes stand empty",
        "Deal with damp and mould faster"]
    assert all(len(item.sublist.items) == 2 and item.sublist.compound
               for item in priorities.items)
    round_trips(document)


def test_a_committees_minutes_keep_their_lines_their_leaders_and_their_resolutions():
    """A council's minutes: the attendance (`Present: …`, `In attendance: …`, `Apologies:
    …`) lines as written (they had run into one paragraph, the first of 17 words too long
    for a field); a paragraph ending with an ellipsis inside its quotes ends there (`…more
    than that…’` had run into `Members noted that:`); `RESOLVED that` leads into its items, a
    list (it had been a section's heading); the signature's dotted leaders stay as typed
    (they had become ellipses), its line the sign-off."""
    from pipeline.model import LineBlock
    from pipeline.readers.scraped import read_scraped

    path = Path(__file__).parent / "texts" / "reports" / "council-committee-minutes.txt"
    document, _ = read_scraped(path, Metadata(title=""))
    lines = next(block for block in document.blocks if isinstance(block, LineBlock))
    assert [plain(line).split(":")[0] for line in lines.lines] == [
        "Present", "In attendance", "Apologies"]
    texts = [getattr(block, "text", "") for block in document.blocks]
    quoted = next(text for text in texts if "promise more than that" in text)
    assert quoted.endswith("that\u2026\u2019")
    resolved = [index for index, text in enumerate(texts) if text == "RESOLVED that"]
    assert resolved and all(isinstance(document.blocks[index + 1], List) for index in resolved)
    assert "RESOLVED that" not in [heading.text for heading in document.headings]
    signature = document.blocks[-1]
    assert isinstance(signature, SignOff) and signature.texts[0].startswith("Chair .....")
    assert "\u2026" not in signature.texts[0]
    round_trips(document)


def test_a_line_whose_sentence_goes_on_into_the_list_under_it_leads_into_it():
    """A line over a list carrying on its sentence (its first item in lower case, each item
    before its last ending as a clause does, `…;`, `…; and`) leads into the list, a
    paragraph: never a section's heading, though shaped as one."""
    lead = "Agreed: That the Board"
    text = (f"{OPENING}\n\n{lead}\n(a) adopt the revised grants policy;\n"
            "(b) review the reserves in October; and\n(c) thank the outgoing treasurer.\n\n"
            "Any other business\n\nThere was none, and the meeting closed at 8.40pm.")
    document = document_of(text)
    assert lead not in [heading.text for heading in document.headings]
    assert isinstance(document.blocks[1], Paragraph) and isinstance(document.blocks[2], List)
    assert [heading.text for heading in document.headings] == ["Any other business"]



def test_an_item_numbered_under_the_last_item_of_a_list_four_deep_is_its_item():
    """A list numbered 1. to 2.1.1.1 in a text not wrapped, each item on a line of its own: the
    last (`2.1.1.1 …` under `2.1.1 …`, a paragraph under it) is the list's, as `1.1.1.1` was
    before it (it had been a section's heading: its kind of number was looked for among the
    items' read without the numbers they are numbered under)."""
    text = "\n\n".join([
        "The library service lends books, recordings and films from its central library and "
        "eleven branches, and it keeps the county's archives, which hold the records of its "
        "parishes, its courts and its councils since the sixteenth century.",
        "1 Libraries and archives", "The service is run in these parts:",
        "1. Lending from the central library and its branches in the towns and the villages\n"
        "1.1 Books for adults, in print and as recordings, bought for each branch by its staff\n"
        "1.1.1 Fiction and poetry\n"
        "1.1.1.1 Novels in large type for readers with poor sight, lent free for a month\n"
        "1.1.1.2 Recorded books for readers who cannot hold a book, sent to them by post\n"
        "1.1.2 Reference works\n"
        "2. Archives held for the county\n"
        "2.1 Parish records\n"
        "2.1.1 Registers of baptisms and burials\n"
        "2.1.1.1 Copies on film of registers too fragile to be handled by readers",
        "Each part of the service reports to the board once a year, and the board publishes "
        "what each part lent, kept and spent in that year, with the number of its readers.",
        "2 Staff", "The staff grew."])
    document = document_of(text)
    assert [heading.text for heading in document.headings] == [
        "1\u00a0Libraries and archives", "2\u00a0Staff"]
    (found,) = lists_of(document)
    registers = found.items[1].sublist.items[0].sublist.items[0]
    assert registers.text == "Registers of baptisms and burials"
    assert [item.text for item in registers.sublist.items] == [
        "Copies on film of registers too fragile to be handled by readers"]
