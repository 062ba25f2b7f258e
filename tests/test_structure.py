from pathlib import Path

import pytest

from pipeline.model import Byline, Figure, Heading, Metadata, Paragraph, from_json, plain, to_json
from pipeline.readers.cleaning import clean_line
from pipeline.readers.front_matter import parse_byline
from pipeline.readers.scraped import scraped_document


def structure(text: str, metadata: Metadata | None = None, name: str = "piece"):
    return scraped_document(name, text, metadata or Metadata(title=""))[0]


def kinds(document) -> list[str]:
    return [type(block).__name__ for block in document.blocks]


def test_byline_parts():
    assert parse_byline("Benson KWOK Joon-fung, IDSM, Director of Immigration") == Byline(
        "Benson KWOK Joon-fung", ("IDSM",), "Director of Immigration"
    )
    assert parse_byline("A Name, JP, MH, Head, Division") == Byline("A Name", ("JP", "MH"), "Head, Division")


@pytest.mark.parametrize("line", [
    "Eleanor Whitcombe, Chair of Trustees", "Tom Reilly, Head of Communications",
    "Ana de Souza, Chief Executive", "Mary-Jane O'Neill, Acting Director"])
def test_a_name_written_plainly_before_an_office_under_the_title_is_the_byline(line):
    document = structure(f"Chair's statement\n{line}\n\nThe year tested us as never before. "
                         "A wet spring closed the line for eleven days.\n")
    assert document.byline is not None
    assert line.replace("'", "\u2019").startswith(document.byline.name)
    assert kinds(document) == ["Paragraph"]


@pytest.mark.parametrize(("line", "name", "role"), [
    ("By the Chair of Trustees, Northfold Museums Trust", "The Chair of Trustees",
     "Northfold Museums Trust"),
    ("By our Head of Learning", "Our Head of Learning", ""),
    ("By a Member of Staff, Eastgate Library", "A Member of Staff", "Eastgate Library"),
])
def test_a_byline_naming_an_office_keeps_the_capital_its_by_carried(line, name, role):
    """A byline naming an office, not a person ("By the Chair of Trustees"): printed, as every
    byline, without its "By", its first word opens the line and takes the capital, as the
    first word of a display line does: never a lower-case "the"."""
    document = structure(f"In memory of a friend\n{line}\n\nThe year tested us as never "
                         "before. A wet spring closed the line for eleven days.\n")
    assert document.byline == Byline(name, (), role)


@pytest.mark.parametrize("line", [
    "Harbour Board, Director's Office", "Annual Review, Chief Executive's Report",
    "Fenland Rivers Trust, Annual Report 2024"])
def test_a_body_or_a_publication_before_words_of_office_is_no_byline(line):
    document = structure(f"Chair's statement\n{line}\n\nThe year tested us as never before. "
                         "A wet spring closed the line for eleven days.\n")
    assert document.byline is None


def test_the_seed(seed_text):
    document = structure(seed_text, Metadata(title="Director’s Review"))
    assert document.byline == Byline("Benson KWOK\u00a0Joon-fung", ("IDSM",), "Director of Immigration")
    assert len(document.headings) == 5
    assert len(document.figures) == 5
    assert len(document.paragraphs) == 9
    assert [f.number for f in document.figures] == [1, 2, 3, 4, 5]
    assert kinds(document)[:4] == ["Paragraph", "Figure", "Heading", "Paragraph"]
    assert document.headings[0].text == "Fostering connectivity and pooling talent and wisdom"


def test_another_web_page_text(library_chapter):
    document = structure(library_chapter, name="library-chapter")
    assert document.metadata.title == "Library chapter"
    assert document.byline.name == "Chief Librarian"
    assert [h.text for h in document.headings] == ["Opening the stacks", "Serving every reader"]
    assert [f.text for f in document.figures] == [
        "Readers in the refurbished reading room of the central library."
    ]
    assert len(document.paragraphs) == 4
    assert "\u2018" not in document.paragraphs[0].text  # libraries’ is an apostrophe
    assert "libraries\u2019" in document.paragraphs[0].text


@pytest.mark.parametrize(("label", "value"), [
    ("Date and time:", "Monday, 7 October 2024, 6:30 pm"),
    ("Venue:", "Room 101, Community Hall"),
    ("地點：", "社區會堂101室"),
])
def test_a_fields_label_over_its_value_is_one_field(label, value):
    """A field's label alone on its line, a few words and a colon, over its value, in a text
    not wrapped: one field, its label and its value (the value had been a heading of its
    own, a date and time read as an event's)."""
    body = ("The next meeting will be held as follows." if label.isascii()
            else "下次會議安排如下。")
    closing = "Members are asked to confirm attendance." if label.isascii() else "請會員回覆出席。"
    document = structure(f"Meeting\n\n{body}\n\n{label}\n{value}\n\n{closing}\n",
                         Metadata(title="Meeting"))
    assert kinds(document) == ["Paragraph", "Paragraph", "Paragraph"]
    assert document.blocks[1].text.replace("\u00a0", " ") in (f"{label} {value}",
                                                                f"{label}{value}")


@pytest.mark.parametrize(("body", "field", "closing"), [
    ("Our autumn talk will look at the history of the harbour's lighthouses.",
     "Venue: Room 101, Community Hall",
     "All members are welcome, and tea will be served after the talk."),
    ("本會秋季講座將介紹香港燈塔的歷史。", "地點：社區會堂101室", "歡迎所有會員出席，講座後設茶點。"),
], ids=["Venue", "地點"])
def test_a_fields_line_alone_between_paragraphs_is_no_heading(body, field, closing):
    """A line giving a field a listing or a notice gives (`Venue: …`, `地點：…`, the
    profile's `field_label`) between two paragraphs: a paragraph, never a heading over the
    text after it (it had been one)."""
    document = structure(f"Talk\n\n{body}\n\n{field}\n\n{closing}\n", Metadata(title="Talk"))
    assert kinds(document) == ["Paragraph", "Paragraph", "Paragraph"]


def test_a_short_lead_in_over_items_punctuated_as_a_lists_is_no_field():
    """`Aims:` over lines punctuated as a list's items leads into them: their list, no field
    of its first item."""
    document = structure(
        "Plans\n\nWe set ourselves two aims this year, after a long consultation with our "
        "members, our staff and the residents of the estates we manage across the borough.\n\n"
        "Aims:\nto reduce waste;\nto cut costs.\n\nWe met both aims by the end of the year, "
        "well within the budget the board had agreed with the council in the spring.\n",
        Metadata(title="Plans"))
    assert kinds(document) == ["Paragraph", "Paragraph", "List", "Paragraph"]


def test_title_from_the_texts_own_heading():
    document = structure("Annual Review\n\nFirst heading\n\nBody text here.")
    assert document.metadata.title == "Annual Review"
    assert kinds(document) == ["Heading", "Paragraph"]


def test_metadata_images_and_alt_text_reach_figures():
    text = "Body.\n\n\u00a0\n\nCaption one.\n\nCaption one.\n\nEnd."
    document = structure(text, Metadata(title="T", images={1: "a.png"}, alt={1: "A photo"}))
    assert document.figures == [Figure(1, document.figures[0].caption, "a.png", "A photo")]


def test_the_last_short_line_is_the_sign_off_not_a_heading():
    assert kinds(structure("T\n\nBody text.\n\nThank you")) == ["Paragraph", "SignOff"]


def test_json_round_trip(seed_text):
    document = structure(seed_text, Metadata(title="Director’s Review", images={2: "x.png"}))
    assert from_json(to_json(document)) == document
    assert isinstance(document.blocks[0], Paragraph)
    assert isinstance(document.blocks[2], Heading)


def test_dates_come_from_the_metadata_or_a_fixed_epoch():
    import datetime as dt

    assert Metadata("T", date="2024").moment == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert Metadata("T", date="2024-06").moment == dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    assert Metadata("T", date="2024-06-11").moment == dt.datetime(2024, 6, 11, tzinfo=dt.UTC)
    assert Metadata("T").moment == dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def test_numbered_headings():
    document = structure("1. Introduction\n\nBody text here.\n\n2.1 Scope\n\nMore text.", Metadata("T"))
    assert [h.text for h in document.headings] == ["1. Introduction", "2.1\u00a0Scope"]


def test_a_title_written_twice_at_the_top_is_the_title_not_a_byline():
    document = structure("Control Points\nControl Points\n\nBy Chief Officer, Control Branch\n\n"
                         "A heading\n\nBody text here.")
    assert document.metadata.title == "Control Points"
    assert document.byline == Byline("Chief Officer", (), "Control Branch")
    assert [h.text for h in document.headings] == ["A heading"]


def test_a_doubled_caption_after_the_first_paragraph_is_not_a_byline():
    text = ("The first paragraph of the piece.\n\n\u00a0\n\nThe director, at the ceremony\n\n"
            "The director, at the ceremony\n\nMore text.")
    document = structure(text, Metadata("T"))
    assert document.byline is None
    assert [f.text for f in document.figures] == ["The director, at the ceremony"]


@pytest.mark.parametrize(("caption", "paragraphs"), [
    ("The new wing at its opening, 14 March 2025",
     ["The trust spent the year repairing the sea wall and the old pier, on time.",
      "Our volunteers gave more than 4,000 hours to the work."]),
    ("Volunteers at the summer fair, June 2024",
     ["The fair raised more than £3,000 for the lifeboat station this year.",
      "We thank everyone who baked, sold and bought."]),
    ("新翼開幕典禮，2025年3月14日", ["信託今年修復了海堤和舊碼頭，工程準時完成。", "我們感謝每一位義工。"]),
])
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_dated_caption_written_twice_under_the_title_is_a_figure_not_a_byline(
        caption, paragraphs, gap):
    """A lead photo's caption, dated after a comma, that the page wrote twice under the title
    (its picture gone), blank lines between them or none: a figure's caption, as a doubled
    line is; it had been the byline, its words the name and its date the role."""
    text = gap.join(["Harbour Trust Annual Review", caption, caption, *paragraphs]) + "\n"
    document = structure(text)
    assert document.byline is None
    assert [" ".join(figure.text.split()) for figure in document.figures] == [caption]
    assert kinds(document) == ["Figure", "Paragraph", "Paragraph"]


@pytest.mark.parametrize(("title", "heading"), [
    ("Chief Inspector's foreword: annual report 2024 to 2025", "Chief Inspector's foreword"),
    ("Riverside Trust Annual Review", "A Message from the Chair"),
    ("Riverside Trust Annual Review", "2. Our work this year"),
    ("Westmere Rowing Association Annual Report 2024", "Highlights of the year"),
    ("Westmere Rowing Association Annual Report 2024", "A word from our chair"),
    ("Westmere Rowing Association Annual Report 2024", "Our year at a glance"),
])
def test_a_heading_written_twice_under_the_title_stays_a_heading(title, heading):
    """A section's heading the page wrote twice under the title (a tab's label, then the
    heading), with no photo's place beside it: the heading, no photo's caption, though
    short and in sentence case as a caption may be."""
    document = structure(f"{title}\n{heading}\n{heading}\n\nThe trust spent the year "
                         "clearing the towpath and planting the new orchard.\n")
    assert not document.figures
    assert kinds(document)[0] == "Heading"


@pytest.mark.parametrize(("line", "byline"), [
    ("By Jane Smith, 14 March 2025", Byline("Jane Smith", (), "14 March 2025")),
    ("Posted by Jane Smith, Chair · 14 March 2025", Byline("Jane Smith", (), "Chair")),
])
def test_a_byline_with_its_date_under_the_title_stays_the_byline(line, byline):
    """A byline naming its author, with a date, written once under the title: the byline."""
    document = structure(f"Harbour Trust Annual Review\n{line}\n\nThe trust spent the year "
                         "repairing the sea wall and the old pier, on time.\n")
    assert document.byline is not None
    assert (document.byline.name, document.byline.role.replace("\u00a0", " ")) == (
        byline.name, byline.role)
    assert not document.figures


@pytest.mark.parametrize(("name", "dates", "after"), [
    ("clinic-trust-highlights", ["April 2024", "July 2024", "October 2024", "January 2025"],
     "Looking ahead"),
    ("harbour-clinic-milestones-zh", ["2024年4月", "2024年7月", "2024年10月", "2025年1月"],
     "展望"),
])
def test_a_run_of_dates_each_over_its_entry_heads_the_entries(name, dates, after):
    """A year's milestones, each date alone on the line over its entry: each date heads its
    entry (they had been paragraphs of a date), one level below the section they stand in;
    the section after them keeps its own level, and the sign-off's date stays the sign-off's."""
    path = Path(__file__).parent / "texts" / "reports" / f"{name}.txt"
    document = structure(path.read_text(encoding="utf-8"), name=name)
    headings = [(block.text, block.level) for block in document.blocks
                if isinstance(block, Heading)]
    assert headings == [*((date, 1) for date in dates), (after, 1)]
    assert kinds(document)[:3] == ["Paragraph", "Heading", "Paragraph"]
    assert kinds(document)[-1] == "SignOff"
    # Under a section's heading, one level below it.
    text = path.read_text(encoding="utf-8").replace(dates[0], f"Milestones\n\n{dates[0]}", 1)
    levels = [block.level for block in structure(text, name=name).blocks
              if isinstance(block, Heading)]
    assert levels == [1, 2, 2, 2, 2, 1]


@pytest.mark.parametrize("text", [
    # One date alone over a paragraph: a date, not a run of entries.
    "Report\n\nThe year went well.\n\nApril 2024\n\nThe clinic opened.\n\nIt was busy.\n",
    # Dates over headings: the headings head their sections.
    "Report\n\nThe year went well.\n\nApril 2024\n\nA new clinic\n\nThe clinic opened.\n\n"
    "July 2024\n\nA new van\n\nThe van set out.\n",
])
def test_a_date_alone_or_over_a_heading_stays_as_it_stands(text):
    (date,) = [block for block in structure(text).blocks if block.text == "April 2024"]
    assert isinstance(date, Paragraph)


@pytest.mark.parametrize(("title", "figure"), [
    ("Figure 1: Visitors by month, 2023 and 2024", True),
    ("Chart 2 Visitors by age group", True), ("Map 3 \u2013 The new routes", True),
    ("圖1：每月訪客人次", True), ("圖一　每月訪客人次", True),
    ("Photo 1: The Secretary (centre) tours the new depot.", True), ("相片1：署長視察工地", True),
    ("Photo: Sam Reid", False),
    ("Figure 1 shows the visitors by month.", False), ("Figures rose in every month", False),
])
def test_a_figures_title_on_a_line_of_its_own_is_its_caption(title, figure):
    """A chart's title left where the chart stood when the text was copied (`Figure 1:
    Visitors by month`): the figure's caption, its picture to come (a proof until it is
    supplied), not a heading; a sentence naming a figure is none."""
    body = ("Visitor numbers recovered strongly in 2024, passing their 2019 level for the "
            "first time in five years.")
    more = "The summer months were the busiest, with August alone bringing 61,000 visitors."
    document = structure(f"Visitors\n\n{body}\n\n{title}\n\n{more}\n", Metadata(title="Visitors"))
    assert (kinds(document) == ["Paragraph", "Figure", "Paragraph"]) is figure
    if figure:
        assert document.figures[0].text.replace("\u00a0", " ") == title
        assert not document.figures[0].image


def test_a_source_line_closing_a_text_is_no_sign_off():
    """`Source: ticketing system` under the last paragraph says where the figures come from:
    a paragraph, never a signature (the figures' titles over it are captions)."""
    path = Path(__file__).parent / "texts" / "reports" / "museum-visitors-2024.txt"
    document = structure(path.read_text(encoding="utf-8"), name="museum-visitors-2024")
    assert kinds(document) == ["Paragraph", "Figure", "Paragraph", "Figure", "Paragraph",
                               "Paragraph"]
    assert document.blocks[-1].text == "Source: ticketing system"


def test_a_name_with_a_lifes_years_under_the_title_is_a_tributes_subtitle():
    """`In memoriam` over the name of the one it remembers and their years: the tribute's
    subtitle, not a byline (the years had been read as a role); the text opens after it."""
    path = Path(__file__).parent / "texts" / "reports" / "foundation-chair-tribute.txt"
    document = structure(path.read_text(encoding="utf-8"), name="foundation-chair-tribute")
    assert document.metadata.title == "In memoriam" and document.byline is None
    assert document.metadata.subtitle.replace("\u00a0", " ") == (
        "Professor Helen WONG Mei-ling, SBS, JP (1948\u20132024)")
    assert document.blocks[0].text.startswith("It is with great sadness")
    assert document.blocks[-1].texts == ["Board of Governors", "November 2024"]


@pytest.mark.parametrize(("closing", "date"), [
    ("Hong Kong, 20 June 2025", "2025-06-20"), ("香港，二〇二五年六月二十日", "2025-06-20"),
    ("22 September 2025", "2025-09-22"), ("Hong Kong", ""),
])
def test_the_place_and_date_a_letter_is_signed_on_date_it(closing, date):
    """A letter's sign-off closing with where and when it was signed dates the text, where
    the metadata gives no date (it had dated it only by a date alone)."""
    path = Path(__file__).parent / "texts" / "reports" / "shipping-company-shareholders-letter.txt"
    text = path.read_text(encoding="utf-8").replace("Hong Kong, 20 June 2025", closing)
    document = structure(text, name="letter")
    assert document.metadata.date == date
    assert document.blocks[-1].texts[-1].replace("\u00a0", " ") == closing


def test_a_line_marked_bold_whole_over_the_text_is_a_heading():
    """`**Our priorities**` alone over the text, as a post or a mail heads a section: a
    heading (it had been a paragraph of bold, which a screen reader cannot go to); a bold
    sentence alone stays a paragraph."""
    text = ("We had a busy year on the quays.\n\n**Our priorities**\n\nWe worked on three "
            "things this year, and finished two of them.\n\n**Thank you to every volunteer.**"
            "\n\nWe could not have done it without you.\n")
    document, _ = scraped_document("post", text, Metadata(title="A year", language="en-GB"))
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        "Our priorities"]


def test_sibling_sections_share_the_level_a_lifted_first_one_takes():
    """A chapter's sections `4.1`, `4.2` over the next chapter's `5.`: the first heading may
    skip no level, so `4.1` is lifted to level 1, and `4.2`, its sibling, with it (it had
    stayed at level 2 under `4.1` at level 1)."""
    paragraph = ("The harbour trust dredged the inner basin for the first time in a decade, "
                 "and the channel now holds a depth of four metres at low water.")
    text = "\n\n".join(["Harbour works", "4.1 Dredging", paragraph, "4.2 Moorings", paragraph,
                        "5. Looking ahead", paragraph])
    document = structure(text)
    assert [(block.text, block.level) for block in document.blocks
            if isinstance(block, Heading)] == [
        ("4.1\u00a0Dredging", 1), ("4.2\u00a0Moorings", 1), ("5. Looking ahead", 1)]


@pytest.mark.parametrize(("greeting", "question"), [
    ("Dear Member,", "Could you give an hour a month to read with a child at our centre?"),
    ("Dear friends,", "Will you stand with us this winter?"),
    ("各位會員：", "您願意每月抽一小時，到中心陪孩子閱讀嗎？"),
])
def test_a_question_in_a_letter_is_its_sentence_not_a_heading(greeting, question):
    """A question under a letter's greeting asks its reader: a paragraph of the letter, not
    a heading over what follows."""
    said = ("The reading club met every week this year, and sixty children joined it.",
            "Every hour a volunteer gives is an hour a child reads aloud to someone.")
    if "：" in greeting:
        said = ("今年閱讀小組每週聚會，共有六十名兒童參加。", "義工每付出一小時，就有一個孩子多讀一小時。")
    text = f"Autumn letter\n\n{greeting}\n\n{said[0]}\n\n{question}\n\n{said[1]}"
    document = structure(text)
    assert kinds(document) == ["Paragraph"] * 4
    assert document.blocks[2].text == question


def test_a_question_heading_a_reports_section_stays_a_heading():
    text = ("Annual review\n\nThe reading club met every week this year, and sixty children "
            "joined it.\n\nWhat did we achieve?\n\nEvery hour a volunteer gave was an hour a "
            "child read aloud to someone.\n\nWhere next for the club?\n\nWe will open a second "
            "club in the spring, at the library on Mill Road.")
    document = structure(text)
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        "What did we achieve?", "Where next for the club?"]


@pytest.mark.parametrize(("greeting", "heading", "question"), [
    ("Dear Member,", "What the club gave", "Could you give an hour a month?"),
    ("各位會員：", "閱讀小組的成果", "您可以如何參與？"),
])
def test_a_question_under_a_heading_of_a_letter_stays_a_heading(greeting, heading, question):
    """A letter parted into sections by its headings: a question heading one of them, under
    another heading rather than the greeting, is a heading as in a report."""
    said = ("The reading club met every week this year, and sixty children joined it.",
            "Every hour a volunteer gives is an hour a child reads aloud to someone.",
            "You can join online or at the centre, on any weekday morning.")
    if "：" in greeting:
        said = ("今年閱讀小組每週聚會，共有六十名兒童參加。", "義工每付出一小時，就有一個孩子多讀一小時。",
                "您可以在網上或到中心報名，平日上午均可。")
    text = (f"Autumn letter\n\n{greeting}\n\n{said[0]}\n\n{heading}\n\n{said[1]}\n\n"
            f"{question}\n\n{said[2]}")
    document = structure(text)
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        heading, question]


@pytest.mark.parametrize(("heading", "address", "body"), [
    ("Our Hensall office", ["2 Tanner's Row", "Cold Ashby CA9 2LX"],
     "The office is open on weekday mornings for members renewing their subscriptions."),
    ("Where to find the shop", ["41 Harrow Street", "Dunmere, DN7 3QA"],
     "The shop sells second-hand books, and every penny of its takings goes to the hospice."),
    ("本會辦事處", ["九龍觀塘協和街123號", "海濱大廈5樓"], "辦事處逢星期一至五開放，歡迎會員親臨查詢。"),
])  # fmt: skip
def test_two_lines_of_an_address_under_a_heading_are_its_lines_not_headings(heading, address,
                                                                          body):
    intro = ("The society met nine times this year." if body.isascii()
             else "本會今年共舉行九次會議。")
    lines = "\n".join(address)
    document = structure(f"{intro}\n\n{heading}\n\n{lines}\n\n{body}\n")
    assert kinds(document) == ["Paragraph", "Heading", "LineBlock", "Paragraph"]
    written = [text.replace("\xa0", " ") for text in document.blocks[2].texts]
    assert written == [line.replace("'", "\u2019") for line in address]


@pytest.mark.parametrize(("titles", "units", "joined"), [
    (("表五：支出分析", "表六：Staff numbers"), ("千港元", "%"),
     ("表五：支出分析（千港元）", "表六：Staff numbers（%）")),
    (("Table 5: Spending by ward", "Table 6: Staff turnover"), ("£000", "%"),
     ("Table 5: Spending by ward (£000)", "Table 6: Staff turnover (%)")),
])  # fmt: skip
def test_a_bare_unit_under_each_tables_title_joins_that_title(titles, units, joined):
    intro = "本年度支出大致平穩。" if titles[0].startswith("表") else "Spending held steady."
    tables = [f"{title}\n{unit}\nItem\t2023\t2024\nRent\t410\t425\nWages\t980\t1,020"
              for title, unit in zip(titles, units, strict=True)]
    document = structure("\n\n".join([intro, *tables]) + "\n")
    assert kinds(document) == ["Paragraph", "Table", "Table"]
    assert [plain(table.caption) for table in document.blocks[1:]] == list(joined)


# A contact heading, a text's sections (each its heading and text), and a contact for each.
CONTACT_SECTIONS = [
    ("Enquiries",
     [("Home library service", "Volunteers bring books to readers who cannot reach a branch, "
       "once a fortnight, at no charge."),
      ("Local studies", "The archive holds parish maps, rate books and photographs from 1850, "
       "and can be seen by appointment."),
      ("Reading groups", "Twelve groups meet across the borough, and each borrows its sets of "
       "books from the central library.")],
     [["Helen Marsh", "Tel: 01632 960 210", "Email: h.marsh@libraries.example.org"],
      ["Daniel Achebe", "Tel: 01632 960 233", "Email: d.achebe@libraries.example.org"],
      ["Rosa Fenwick", "Tel: 01632 960 257", "Email: r.fenwick@libraries.example.org"]]),
    ("查詢",
     [("長者送書服務", "義工每兩星期把圖書送到未能親臨圖書館的讀者家中，費用全免。"),
      ("地方文獻", "文獻室藏有一八五零年以來的地圖、差餉冊及照片，須預約查閱。"),
      ("讀書會", "區內共有十二個讀書會，各會的書籍均由中央圖書館借出。")],
     [["陳大文先生", "電話：2345 6789", "電郵：taiman.chan@library.example.org.hk"],
      ["李嘉欣女士", "電話：2345 6790", "電郵：kayan.lee@library.example.org.hk"],
      ["黃志明先生", "電話：2345 6791", "電郵：chiming.wong@library.example.org.hk"]]),
]  # fmt: skip


@pytest.mark.parametrize(("heading", "sections", "contacts"), CONTACT_SECTIONS)
@pytest.mark.parametrize("headed", [3, 2, 1])
@pytest.mark.parametrize("under", ["\n", "\n\n"])
@pytest.mark.parametrize("over", ["\n", "\n\n"])
def test_the_lines_under_a_contact_heading_are_one_block_of_lines_in_every_section(
        heading, sections, contacts, headed, under, over):
    """A contact heading over a contact's name, telephone number and e-mail address ending
    each of a text's sections, or some of them, right under the heading or a blank line
    under it, right under the section's text or a blank line under it: the name the first
    of one block of lines under the heading, in every section (it had been a heading over
    the others, save in the last section)."""
    written = [f"{title}\n\n{text}" + (f"{over}{heading}{under}" + "\n".join(lines)
                                       if index >= len(sections) - headed else "")
               for index, ((title, text), lines) in enumerate(zip(sections, contacts,
                                                                   strict=True))]
    intro = ("The library service lends some two million books a year."
             if heading.isascii() else "圖書館每年借出約二百萬冊圖書。")
    document = structure("\n\n".join([intro, *written]) + "\n")
    headed_at = [index for index, block in enumerate(document.blocks)
                 if isinstance(block, Heading) and block.text == heading]
    assert len(headed_at) == headed
    assert [document.blocks[at + 1].texts for at in headed_at] == [
        [clean_line(line) for line in lines] for lines in contacts[len(sections) - headed:]]
    assert kinds(document).count("Heading") == len(sections) + headed


@pytest.mark.parametrize(("heading", "sections", "contacts"), CONTACT_SECTIONS)
@pytest.mark.parametrize("headed", [(0, 1, 2), (0, 1), (1,), (0, 2)])
def test_the_lines_under_a_contact_heading_end_at_the_last_contact_line_with_no_blank_lines(
        heading, sections, contacts, headed):
    """A text with no blank lines at all, as a browser's copy writes one: a section's text,
    a contact heading over a name, a telephone number and an e-mail address, then the next
    section's heading over its text. The contact's lines are one block under the heading,
    ending at the last contact line, and the next section's heading is a heading (it had run
    on with the contact lines into one paragraph, the name a heading over them)."""
    intro = ("The library service lends some two million books a year."
             if heading.isascii() else "圖書館每年借出約二百萬冊圖書。")
    written = [line for index, ((title, text), lines) in enumerate(zip(sections, contacts,
                                                                       strict=True))
               for line in [title, text, *([heading, *lines] if index in headed else [])]]
    document = structure("\n".join([intro, *written]) + "\n")
    headed_at = [index for index, block in enumerate(document.blocks)
                 if isinstance(block, Heading) and block.text == heading]
    assert [document.blocks[at + 1].texts for at in headed_at] == [
        [clean_line(line) for line in contacts[index]] for index in headed]
    titles = [block.text for block in document.blocks
              if isinstance(block, Heading) and block.text != heading]
    assert titles == [title for title, _ in sections]
    assert kinds(document).count("Paragraph") == len(sections) + 1


# A paragraph after a contact's lines, in English and in Chinese (by `heading.isascii()`).
CLOSING = {True: "We thank every volunteer who gave their time this year.",
           False: "我們感謝年內付出時間的每一位義工。"}


def with_role(lines: list[str], english: bool) -> list[str]:
    """A contact's lines with its holder's role under the name."""
    return [lines[0], "Press Officer" if english else "新聞主任", *lines[1:]]


def heading_at(document, heading: str) -> int:
    return next(index for index, block in enumerate(document.blocks)
                if isinstance(block, Heading) and block.text == heading)


@pytest.mark.parametrize(("heading", "sections", "contacts"), CONTACT_SECTIONS)
@pytest.mark.parametrize("role", [False, True])
def test_contact_lines_with_running_text_right_under_them_end_at_the_last_contact_line(
        heading, sections, contacts, role):
    """A text with no blank lines at all: a contact heading over a name (and a role), a
    telephone number and an e-mail address, and the text going on right under them, a
    paragraph. The contact's lines are one block under the heading, and the paragraph one of
    its own (the name had been a heading, the contact lines run into the paragraph)."""
    english = heading.isascii()
    (title, text), lines = sections[0], contacts[0]
    lines = with_role(lines, english) if role else lines
    closing = CLOSING[english]
    document = structure("\n".join([title, text, heading, *lines, closing]) + "\n")
    at = heading_at(document, heading)
    assert document.blocks[at + 1].texts == [clean_line(line) for line in lines]
    assert kinds(document)[at + 2:] == ["Paragraph"]
    assert document.blocks[at + 2].text == closing


@pytest.mark.parametrize(("heading", "sections", "contacts"), CONTACT_SECTIONS)
@pytest.mark.parametrize("role", [False, True])
def test_a_name_right_over_contact_lines_with_no_heading_is_one_block_with_them(
        heading, sections, contacts, role):
    """A person's name over a telephone number and an e-mail address (a role's line between
    or not), no contact heading over them, between two paragraphs: one block of lines (the
    name had been a heading over the rest). A line naming no one over contact lines (an
    office's) still heads them."""
    english = heading.isascii()
    (_, text), lines = sections[0], contacts[0]
    lines = with_role(lines, english) if role else lines
    office = ["Our offices" if english else "辦事處", *contacts[0][1:]]
    closing = CLOSING[english]
    after = ("Each branch posts its opening hours at its door." if english
             else "各分館的開放時間均張貼於館外。")
    document = structure("\n\n".join([text, "\n".join(lines), closing, "\n".join(office),
                                       after]) + "\n")
    assert kinds(document) == ["Paragraph", "LineBlock", "Paragraph", "Heading", "LineBlock",
                               "Paragraph"]
    assert document.blocks[1].texts == [clean_line(line) for line in lines]
    assert document.blocks[3].text == office[0]


@pytest.mark.parametrize(("heading", "sections", "contacts"), CONTACT_SECTIONS)
def test_a_field_right_under_contact_lines_is_theirs_with_running_text_under_it(
        heading, sections, contacts):
    """A text with no blank lines: a field under the contact lines (`Office hours: …`), then
    the text going on: the field ends the contact's block (it had headed the text)."""
    english = heading.isascii()
    (title, text), lines = sections[0], contacts[0]
    lines = [*lines, "Office hours: Monday to Friday, 9 am to 5 pm" if english
             else "辦公時間：星期一至五上午九時至下午五時"]
    closing = CLOSING[english]
    document = structure("\n".join([title, text, heading, *lines, closing]) + "\n")
    at = heading_at(document, heading)
    assert document.blocks[at + 1].texts == [clean_line(line) for line in lines]
    assert kinds(document)[at + 2:] == ["Paragraph"]


@pytest.mark.parametrize("line, heading", [
    ("Then she turned to the audience and asked, \u201cWhat should we do next?\u201d", False),
    ("The Chair asked, \u2018Who\u2019s next?\u2019", False),
    ("One volunteer put it simply: \u201cWe came to help!\u201d", False),
    ("\u2018Why do we do it?\u2019", True),
    ("What comes next?", True),
])
def test_a_sentence_reporting_a_question_is_no_heading(line, heading):
    """Words said, quoted after the comma or colon introducing them, end a sentence reporting
    them: a paragraph between paragraphs (it had been a heading); a quoted question alone,
    or a question, may head a section."""
    text = (f"A Year of Change\n\nAt the staff conference in June, the Chief Executive reviewed "
            f"the year.\n\n{line}\n\nThe answers filled three flip charts and shaped our plan.")
    blocks = scraped_document("piece", text, Metadata(title=""))[0].blocks
    assert isinstance(blocks[1], Heading) is heading
