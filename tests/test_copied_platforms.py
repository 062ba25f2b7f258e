"""Texts copied out of the platforms a publications unit receives them from, each read as a
copy-editor would: a charity's Mailchimp campaign (its logo's words, the subject over the
title, a picture's label over its caption), a foundation's WeChat article (its account's
header over and under its title), a Hong Kong body's report copied out of its PDF (a
paragraph its page's end broke, a sentence's word parted by the running foot and folio, the
body the running foot names), a sports trust's Google Docs draft (its editor's comments and
their marks, its state after its title, its body's name over it), a museum's Wix page (its
head run into the title written twice, its menu, cart count and subtitle), a union's report
cover, a hospital trust's SharePoint page (its team posting the page, not its author; a
change in points a figure), a museum's Instagram post (its account, its lines each opened by
a pictograph, its photographer's credit), a co-op's Notion page (its properties and icon,
its table a cell a line, its task boxes), a video's transcript (its captions' times, the
audience's applause), a hospice's fundraising page (its totals, its feed of donations, the
platform's name and links, its appeal's sign-off over them), a Hong Kong release in both
languages and a Taiwan university's news page (its skip link, its fields, its picture's
caption, its related link)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.model import (
    Figure,
    Heading,
    LineBlock,
    List,
    Metadata,
    Note,
    Paragraph,
    Quotation,
    SignOff,
    Table,
    plain,
)
from pipeline.readers.scraped import scraped_document
from pipeline.readers.scraped.debris import seams_closed
from pipeline.readers.scraped.dedupe import PAGE_SEAM

from .support import read_text

TEXTS = Path(__file__).parent / "texts"
SIMPLIFIED = Path(__file__).parent / "simplified_chinese_texts"
BODY = ("The east wing restoration was the largest project the Trust has undertaken, and it "
        "took the whole of the year.")


def texts_of(document) -> list[str]:
    return [getattr(block, "text", "") for block in document.blocks]


def test_a_campaign_s_logo_subject_and_labelled_picture():
    document = read_text(TEXTS / "mail" / "coastal-trust-mailchimp-letter.txt")
    metadata = document.metadata
    assert (metadata.title, metadata.organisation) == (
        "A letter from our Chief Executive", "Harbourlight Trust")
    texts = texts_of(document)
    assert texts[0] == "Dear Friend,"
    assert not any("logo" in text or "Harbourlight Trust\u00a0\u2013" in text for text in texts)
    figure = next(block for block in document.blocks if isinstance(block, Figure))
    assert plain(figure.caption) == ("Volunteers at our South Shields drop-in centre, "
                                     "October 2024")


def test_a_logo_s_words_go_only_where_they_name_a_body():
    for head, kept in (("Riverside Housing Trust logo\n\n", None),
                       ("Our new logo\n\n", "Our new logo")):
        document = scraped_document("mail", f"{head}Our year\n\n{BODY}\n", Metadata(title=""))[0]
        assert (kept or "Our year") == document.metadata.title


def test_a_picture_s_label_over_a_description_is_a_caption_not_a_credit():
    for line, caption in (("Image: Volunteers sorting donations at the depot", True),
                          ("Photo: Priya Shah", False), ("Photo: by the Trust's staff", False),
                          ("相片：署長與學生在新落成的圖書館內交流閱讀心得", True)):
        blocks = scraped_document("page", f"Our year\n\n{BODY}\n\n{line}\n\n{BODY}\n",
                                  Metadata(title=""))[0].blocks
        assert any(isinstance(block, Figure) for block in blocks) is caption, line


def test_a_page_title_naming_the_body_and_the_title_under_it():
    for page_title in ("Harbour Trust \u2013 Our year", "Our year | Harbour Trust"):
        document = scraped_document("page", f"{page_title}\n\nOur year\n\n{BODY}\n",
                                    Metadata(title=""))[0]
        assert (document.metadata.title, document.metadata.organisation) == (
            "Our year", "Harbour Trust")
        assert texts_of(document) == [BODY]


def test_a_wechat_article_s_header_is_its_author_account_and_date():
    document = read_text(SIMPLIFIED / "rural-schools-foundation-wechat.txt")
    metadata = document.metadata
    assert metadata.title == "理事长致辞｜以十年之约，守望乡村的每一间教室"
    assert (metadata.organisation, metadata.author, metadata.date) == (
        "青禾公益基金会", "林嘉宜", "2024-03-01")
    texts = texts_of(document)
    assert texts[0] == "各位伙伴、各位朋友："
    assert not any("原创" in text or "发表于" in text for text in texts)
    sign_off = next(block for block in document.blocks if isinstance(block, SignOff))
    assert sign_off.texts == ["青禾公益基金会理事长 林嘉宜", "2024年3月1日"]


def test_a_pdf_s_paragraph_goes_on_over_its_page_s_running_head_and_folio():
    document = read_text(TEXTS / "printed" / "harbourfront-authority-chairman-zh.txt")
    assert document.metadata.organisation == "海濱發展及保育局"  # its running foot's
    texts = texts_of(document)
    assert any("節省約3,600萬元。此外，本局亦在荃灣" in text for text in texts)
    assert not any(text.startswith("外，") for text in texts)
    levels = [(block.text, block.level) for block in document.blocks
              if isinstance(block, Heading)]
    assert levels == [("年度工作重點", 1), ("一、海濱長廊的延伸與優化", 2), ("二、財務狀況", 2),
                      ("展望", 1)]


def test_a_page_s_seam_closes_only_inside_a_paragraph_s_sentence():
    """The blank lines round a page's furniture part no paragraph whose sentence goes on
    over it; a heading, a sentence ended, a line going on in capitals or an item after it
    stay parted."""
    def closed(before: list[str], after: str) -> bool:
        rows = [*before, "", PAGE_SEAM, PAGE_SEAM, "", after]
        return seams_closed(rows)[len(before)] == PAGE_SEAM

    assert closed(["年內，本局完成了長廊工程，新", "增長廊約1.2公里。此"], "外，本局亦增設設施。")
    assert closed(["The works finished in March, a", "week early, and the"], "builders left.")
    assert not closed(["年度工作重點"], "年內，本局完成了長廊工程。")
    assert not closed(["本局完成了長廊工程，新增長", "廊約1.2公里。"], "此外，本局亦增設設施。")
    assert not closed(["The works finished in March, a", "week early, and the"], "Builders left.")
    assert not closed(["本局的工作包括：推廣海濱、保育", "環境及"], "一、海濱長廊")


def test_a_draft_s_comments_their_marks_and_its_state_go():
    document = read_text(TEXTS / "reports" / "sports-trust-chair-gdocs.txt")
    metadata = document.metadata
    assert (metadata.title, metadata.organisation) == (
        "Chair\u2019s Statement 2024\u201325", "Northvale Community Sports Trust")
    texts = texts_of(document)
    assert not any("[a]" in text or "[d]" in text or "Commented" in text for text in texts)
    assert any(text.endswith("than ever before.") for text in texts)
    _, report = scraped_document("draft", (TEXTS / "reports" / "sports-trust-chair-gdocs.txt")
                                 .read_text(encoding="utf-8"), Metadata(title=""))
    comments = [drop for drop in report["dropped"] if "comment" in drop["reason"]]
    assert len(comments) == 8  # four comments, and their four marks
    assert [drop["text"] for drop in report["dropped"] if "draft's state" in drop["reason"]] == [
        "\u2013 DRAFT v3"]


def test_a_cover_s_body_title_and_subtitle_over_its_byline():
    """The body's name over the title and the line under it, in one block, over the byline:
    the organisation, the title and its subtitle, each once."""
    cover = ("Northern Allied Transport Workers' Union\nPay and Conditions Report 2024-25\n"
             "Presented to the Biennial Delegate Conference, Scarborough\n\n"
             "By Siobhan Teague, General Secretary\n\n1. Introduction\n\n")
    document = scraped_document("report", f"{cover}{BODY}\n\n2. Settlements\n\n{BODY}\n",
                                Metadata(title=""))[0]
    metadata = document.metadata
    assert (metadata.organisation, metadata.title, metadata.subtitle) == (
        "Northern Allied Transport Workers\u2019 Union", "Pay and Conditions Report 2024\u201325",
        "Presented to the Biennial Delegate Conference, Scarborough")
    assert (document.byline.name, document.byline.role) == ("Siobhan Teague", "General Secretary")
    assert [(block.text, block.level) for block in document.blocks
            if isinstance(block, Heading)] == [("1. Introduction", 1), ("2. Settlements", 1)]


def test_a_lettered_note_stays_where_no_comment_follows():
    text = f"Our year\n\n{BODY}[a]\n\n[a] Figures are unaudited.\n"
    document = scraped_document("page", text, Metadata(title=""))[0]
    assert "Figures are unaudited" in " ".join(texts_of(document) + [
        plain(note.spans) for note in document.blocks if hasattr(note, "label")])


def test_a_site_s_head_run_into_its_title_written_twice_goes():
    document = read_text(TEXTS / "web" / "rural-museum-foreword-wix.txt")
    metadata = document.metadata
    assert (metadata.title, metadata.subtitle, metadata.organisation) == (
        "Director\u2019s Foreword", "Annual Review 2024", "Fellbridge Museum of Rural Life")
    assert (document.byline.name, document.byline.role) == ("Dr\u00a0Helena Marsh", "Director")
    assert isinstance(document.blocks[0], Paragraph)
    texts = texts_of(document)
    for gone in ("Visit", "What\u2019s On", "About", "0", "Opening hours", "Sign Up"):
        assert gone not in texts


def test_a_page_posted_by_a_team_names_no_author_and_its_changes_are_figures():
    document = read_text(TEXTS / "reports" / "hospital-ce-review-sharepoint.txt")
    assert document.metadata.author != "Communications Team"
    assert document.byline is not None and "Pilling" in document.byline.name
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert table.numeric == (False, True, True, True)  # "+3.6 pts": set right, as figures


def test_a_photo_platform_s_post_its_account_its_lines_and_its_credit():
    document = read_text(TEXTS / "posts" / "maritime-museum-instagram.txt")
    assert document.metadata.organisation == "Tyneside Maritime Museum"
    texts = texts_of(document)
    assert texts[0].startswith("\U0001f6a2 SHE\u2019S BACK!")  # the handle before it gone
    assert not any(text in ("tynesidemaritime", "Original audio") for text in texts)
    lines = next(block for block in document.blocks if isinstance(block, LineBlock))
    assert [plain(line)[:2] for line in lines.lines] == ["\U0001f4cd ", "\U0001f559 ",
                                                         "\U0001f39f\ufe0f"]
    assert not any(isinstance(block, SignOff) for block in document.blocks)  # 📸 credits


def test_a_notion_page_s_properties_table_a_cell_a_line_and_task_boxes():
    document = read_text(TEXTS / "reports" / "energy-coop-chair-notion.txt")
    assert document.metadata.title == "Chair\u2019s Report\u00a0\u2013 Annual General Meeting 2024"
    assert not any(text in ("Created by", "Tags", "Final", "\u26a1")
                   for text in texts_of(document))
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert [plain(cell) for cell in table.header] == [
        "Year", "Generation (MWh)", "Income (\u00a3)", "Interest paid"]
    assert [plain(row[0]) for row in table.rows] == ["2021\u201322", "2022\u201323", "2023\u201324"]
    assert table.numeric == (False, True, True, True)
    items = [item.text for block in document.blocks if isinstance(block, List)
             for item in block.items]
    assert "\u2611 Publish quarterly generation figures on the website" in items
    assert "\u2610 Explore a second site for a community wind turbine" in items


def test_cells_a_line_make_a_table_only_under_a_header_of_no_figures():
    table = "Year\nIncome\nVisitors\n2023\n£1.2m\n41,000\n2024\n£1.4m\n45,500\n"
    blocks = scraped_document("page", f"Our year\n\n{BODY}\n\n{table}\n{BODY}\n",
                              Metadata(title=""))[0].blocks
    found = next(block for block in blocks if isinstance(block, Table))
    assert len(found.header) == 3 and len(found.rows) == 2
    chinese = "年度\n收入\n2023年\n1.2億元\n2024年\n1.4億元\n"
    blocks = scraped_document("page", f"年報\n\n本會去年收入上升。\n\n{chinese}\n本會將繼續努力。\n",
                              Metadata(title=""))[0].blocks
    assert any(isinstance(block, Table) for block in blocks)
    names = "Trustees\nAnn Lee\nRaj Patel\nMary Ho\nTom Fry\nSue Kay\n"
    blocks = scraped_document("page", f"Our year\n\n{BODY}\n\n{names}\n{BODY}\n",
                              Metadata(title=""))[0].blocks
    assert not any(isinstance(block, Table) for block in blocks)


def test_a_taiwan_university_s_news_page():
    document = read_text(TEXTS / "posts" / "university-news-tw.txt")
    assert document.metadata.title.startswith("【校園新聞】本校榮獲教育部")
    assert document.metadata.organisation == "國立嘉南山海大學"  # its footer's, in Chinese
    texts = texts_of(document)
    assert not any(text.startswith(("跳到", "發布單位", "相關連結")) for text in texts)
    figure = next(block for block in document.blocks if isinstance(block, Figure))
    assert plain(figure.caption).startswith("校長林振華（右三）")
    assert not any(isinstance(block, SignOff) for block in document.blocks)


def test_a_release_s_back_link_signs_nothing():
    text = f"Our year\n\n{BODY}\n\nEnds\n\nBack\nTop\n"
    document = scraped_document("release", text, Metadata(title=""))[0]
    assert texts_of(document) == [BODY]
    document = read_text(TEXTS / "press" / "harbourfront-opening-bilingual.txt")
    assert not any(isinstance(block, SignOff) for block in document.blocks)
    # Its site's address over its headline is the site's, not the headline's first word.
    assert document.metadata.title == "Government opens Kai Tak Harbourside Promenade extension"


def test_a_video_s_transcript_reads_as_its_speech():
    """Its captions' times go and its lines run on as the speech's words, parted where the
    audience applauds or laughs (a stage direction); the panel's lines and "[Music]" go; no
    word is added or changed, not even a stop."""
    document = read_text(TEXTS / "posts" / "civic-awards-video-transcript.txt")
    texts = texts_of(document)
    assert texts[0] == ("good evening everyone and welcome to the Ashbourne Vale civic awards "
                        "2024 um it\u2019s a real pleasure to see so many of you here tonight "
                        "in the town hall")
    assert texts[1] == "[Applause]"
    assert not any(re.search(r"\b\d:\d\d\b|Music|Search in video", text) for text in texts)
    assert document.metadata.title != "Transcript"


def test_a_fundraising_page_s_appeal_without_its_totals_feed_and_platform():
    document = read_text(TEXTS / "posts" / "hospice-appeal-fundraising-page.txt")
    metadata = document.metadata
    assert (metadata.title, metadata.organisation) == (
        "Help the Harbour Lights Hospice build its new family room", "Harbour Lights Hospice")
    texts = texts_of(document)
    for gone in ("\u00a312,450", "Start fundraising", "Donations", "Report this page"):
        assert gone not in texts
    assert not any("days ago" in text or "Gift Aid" in text for text in texts)
    sign_off = next(block for block in document.blocks if isinstance(block, SignOff))
    assert sign_off.texts == ["With warmest wishes,", "Marguerite Okonkwo-Hale",
                              "Chief Executive, Harbour Lights Hospice"]


def test_an_appeal_s_last_gift_line_is_an_item_however_long():
    text = ("Give to the reading corners\n\n"
            "Every village school in the valley has asked us for a reading corner, and this "
            "spring we mean to build one in each of the twelve that asked first.\n"
            "What your gift could buy:\n"
            "$15 buys a shelf of picture books\n"
            "$40 buys a beanbag and a rug\n"
            "$120 pays for a carpenter's day\n"
            "$600 fits out a whole corner in a school of the valley for the coming year\n"
            "Whatever you give goes to the corners, and we will write to tell you which school "
            "it reached.\n")
    document, _ = scraped_document("corners", text, Metadata(title="", language="en-US"))
    listed = next(block for block in document.blocks if isinstance(block, List))
    # An amount is bound to no verb after it (`$600 fits`): it counts in a multiple alone.
    assert [plain(item.spans) for item in listed.items][-1] == (
        "$600 fits out a whole corner in a school of the valley for the coming year")
    assert texts_of(document)[-1].startswith("Whatever you give")


def test_a_line_the_audience_answers_is_said_not_a_heading():
    text = ("Prize evening\n\n"
            "We have come to the last prize of the evening, and it is the one the whole "
            "school voted for, which makes it the one that matters most.\n\n"
            "(Laughter)\n\n"
            "Please welcome Ms Adaeze Obi\n\n"
            "(Applause)\n\n"
            "Thank you all for coming, and do stay for the music in the hall afterwards.\n")
    document, _ = scraped_document("prizes", text, Metadata(title="", language="en-GB"))
    said = next(block for block in document.blocks if "Obi" in getattr(block, "text", ""))
    assert isinstance(said, Paragraph)
    assert not any(isinstance(block, Heading) for block in document.blocks)


def test_a_draft_s_title_again_without_its_year_heads_no_section():
    text = ("Treasurer\u2019s Report 2023/24\nTreasurer\u2019s Report\n\n"
            "Income\n\n"
            "Our income rose to \u00a3318,000 this year, the most the society has ever "
            "raised, and almost all of it came from members and the people of the town.\n")
    document, _ = scraped_document("treasurer", text, Metadata(title="", language="en-GB"))
    assert document.metadata.title == "Treasurer\u2019s Report 2023/24"
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == ["Income"]


def test_a_fundraising_page_s_update_keeps_its_heading_not_the_platform_s_lines():
    text = ("Help us rebuild the lifeboat station\n\n"
            "Our crew launched 61 times last year, and the old boathouse is no longer fit for "
            "the new boat. We need \u00a38,000 to finish the slipway.\n"
            "Yours,\n"
            "Tomasz Wiśniewski\n"
            "Station Chair, Porthkennack Lifeboat\n"
            "\u00a35,310\n"
            "raised of \u00a38,000 target\n"
            "by 140 supporters\n"
            "Share\n"
            "Facebook\n"
            "Updates\n"
            "Porthkennack Lifeboat posted an update\n"
            "3 days ago\n"
            "The slipway's steel arrived this morning. Thank you for getting us this far.\n"
            "Supporting Porthkennack Lifeboat\n")
    document, _ = scraped_document("lifeboat", text, Metadata(title="", language="en-GB"))
    texts = texts_of(document)
    assert not any("posted an update" in text or text.startswith("Supporting")
                   for text in texts)
    sign_off = next(block for block in document.blocks if isinstance(block, SignOff))
    assert sign_off.texts[-1] == "Station Chair, Porthkennack Lifeboat"
    heading = document.blocks.index(next(block for block in document.blocks
                                          if isinstance(block, Heading)))
    assert texts[heading] == "Updates"
    assert texts[heading + 1].startswith("The slipway\u2019s steel arrived")


def test_a_newsletter_platform_s_post():
    """A Substack post: its publication's name over its share box's card (the post's title
    again) and buttons (`Notes`, `More`), its own title and subtitle over the author and
    date, its sign-up box (`Subscribe to …`, `Launched 3 years ago`, its pitch, its field)
    under the text, with no blank line anywhere; its pull quote credited on its line."""
    document, report = scraped_document(
        "post", (TEXTS / "posts" / "kitchens-trust-substack-post.txt").read_text(),
        Metadata(title="", language="en-GB"))
    metadata = document.metadata
    assert (metadata.title, metadata.subtitle, metadata.organisation) == (
        "Why we stopped counting meals", "And what we count instead", "Tidewater Kitchens Trust")
    texts = texts_of(document)
    assert not any(text in ("Notes", "More", "Launched 3 years ago") or "Subscribe" in text
                   or "Tidewater Dispatch" in text for text in texts)
    assert "The Tidewater Dispatch" in {drop["text"] for drop in report["dropped"]}
    quotation = next(index for index, block in enumerate(document.blocks)
                     if isinstance(block, Quotation))
    assert texts[quotation + 1] == "\u2013 a guest at our Harbour Street kitchen"
    assert texts[quotation + 2].startswith("If you are a funder")
    assert isinstance(document.blocks[-1], Note)


def test_a_sign_up_box_in_a_page_with_no_blank_lines_runs_from_its_heading():
    text = ("館長的話\n過去一年，本館共舉辦展覽十二個，入場人次較上年增加百分之二十。\n"
            "我們亦與區內學校合作，推出導賞計劃，讓更多學生認識本區歷史。\n館長\n陳思敏\n"
            "訂閱電子報\n每月一次，把最新展覽帶到你的郵箱。\n請輸入您的電郵地址\n訂閱\n"
            "© 2025 城西歷史博物館 版權所有\n")
    document, report = scraped_document("museum", text, Metadata(title=""))
    assert document.blocks[-1].texts == ["館長", "陳思敏"]
    assert {"訂閱電子報", "每月一次，把最新展覽帶到你的郵箱。"} <= {
        drop["text"] for drop in report["dropped"]}


def test_a_council_committee_report_page():
    """A council's committee report: its page's kind over the title that opens with it
    (`Agenda item`), the meeting's date under the title and the report's author under that,
    its download link, its contact officer's line and its feedback buttons."""
    document, report = scraped_document(
        "report", (TEXTS / "reports" / "eastmere-committee-report.txt").read_text(),
        Metadata(title="", language="en-GB"))
    metadata = document.metadata
    assert metadata.title.startswith("Agenda item 7\u00a0\u2013 Community Grants Programme")
    assert metadata.subtitle.startswith("Meeting of Communities Committee, Wednesday")
    assert metadata.date == "2025-03-12"
    texts = texts_of(document)
    assert texts[0] == "Report of the Head of Communities"
    assert not any(text.startswith(("Download", "Was this page")) for text in texts)
    assert isinstance(document.blocks[1], Heading) and document.blocks[1].level == 1
    contact = next(block for block in document.blocks
                   if "Contact officer" in getattr(block, "text", ""))
    assert isinstance(contact, Paragraph)
    assert {"Agenda item", "Was this page helpful?", "Yes", "No"} <= {
        drop["text"] for drop in report["dropped"]}


def test_an_agenda_item_s_label_block_over_its_title_is_the_subtitle():
    text = ("Agenda item 4\nPlanning Committee \u2013 9 April 2025\n\n"
            "Land at Mill Lane: outline application\n\n"
            "Report of the Head of Planning\nWard: Millbrook\n\n"
            "1. Summary\n\n"
            "1.1 The application seeks outline permission for up to 40 homes on land north of "
            "Mill Lane, with access from the lane.\n\n"
            "Contact officer: Anil Varma, 01632 960 118, anil.varma@example.gov.uk\n\n"
            "Was this page helpful?  Yes  No\n")
    document, _ = scraped_document("item", text, Metadata(title="", language="en-GB"))
    metadata = document.metadata
    assert (metadata.title, metadata.subtitle, metadata.date) == (
        "Land at Mill Lane: outline application",
        "Agenda item 4, Planning Committee\u00a0\u2013 9\u00a0April 2025", "2025-04-09")
    assert isinstance(document.blocks[0], LineBlock)
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        "1. Summary"]
    assert texts_of(document)[-1].startswith("Contact officer: Anil Varma")


def test_a_release_s_deck_over_its_dateline_is_its_subtitle():
    text = ("Harbour college turns seaweed into packaging\n\n"
            "Films made from kelp break down in weeks, not centuries\n\n"
            "Published: 2 April 2025\n\n"
            "Researchers at the college have made a packaging film from farmed kelp that breaks "
            "down in a garden compost heap within six weeks.\n\n"
            "The work was funded by the county's innovation fund.\n")
    document, _ = scraped_document("release", text, Metadata(title="", language="en-GB"))
    assert document.metadata.subtitle == (
        "Films made from kelp break down in weeks, not centuries")
    assert not any(isinstance(block, Heading) for block in document.blocks)


def test_a_sign_up_box_s_heading_a_blank_line_over_its_field_goes_with_it():
    text = ("Notes from the allotment\n\n"
            "This spring the society took on six new plots, and every one of them was dug over "
            "by volunteers before Easter.\n\n"
            "Subscribe to The Allotment Letter\nLaunched 2 years ago\n"
            "Monthly news from the Fernhill allotment society.\n\n"
            "Type your email...\nSubscribe\n\n"
            "Next month we open the new water tanks, and everyone is welcome to the opening.\n")
    document, _ = scraped_document("letter", text, Metadata(title="", language="en-GB"))
    assert [type(block).__name__ for block in document.blocks] == ["Paragraph", "Paragraph"]


def test_a_chinese_byline_under_a_dashed_subtitle_and_a_copyright_holder_before_a_gap():
    text = ("館長致辭\n\n——寫在博物館開館二十周年之際\n\n館長 陳志強\n\n"
            "二十年前，博物館只有一個展廳和三名職員。今天，我們每年接待超過四十萬名訪客。\n\n"
            "我衷心感謝各位同事和義工的付出。\n\n"
            "版權所有 © 城南海事博物館  私隱政策\n")
    document, _ = scraped_document("museum", text, Metadata(title=""))
    assert (document.byline.role, document.byline.name) == ("館長", "陳志強")
    assert document.metadata.subtitle == "——寫在博物館開館二十周年之際"
    assert document.metadata.organisation == "城南海事博物館"


def test_a_professional_network_s_menu_goes_and_names_no_body():
    text = ("LinkedIn\nHome\nMy Network\nJobs\nMessaging\nNotifications\n\n"
            "Imogen Castell \u2022 1st\nHead of Fundraising at Larkhill Hospice\n"
            "3d \u2022\n\n"
            "Our winter appeal, in numbers \U0001f4ca\n\n"
            "Our winter appeal closed last night, and I wanted to say thank you to everyone "
            "who gave, shared or simply asked what we do.\n\n"
            "We raised \u00a384,200, more than any appeal in the hospice's history.\n")
    document, _ = scraped_document("post", text, Metadata(title="", language="en-GB"))
    texts = texts_of(document)
    assert not any(text in ("Jobs", "Messaging", "Notifications", "My Network")
                   for text in texts)
    assert document.metadata.organisation != "My Network"
    assert document.metadata.title == "Our winter appeal, in numbers \U0001f4ca"


def test_the_reviewers_platform_pages():
    """Five pages a copy-editor copied: each titled by its own headline, its head's lines
    and its platform's furniture gone or set as lines."""
    substack = read_text(TEXTS / "posts" / "kindred-kitchens-substack.txt")
    assert (substack.metadata.title, substack.metadata.subtitle) == (
        "Why we stopped counting meals",
        "What a year of listening taught a food charity about dignity")
    assert not any("Subscribe" in text or "Launched" in text for text in texts_of(substack))
    council = read_text(TEXTS / "reports" / "thornbury-committee-report.txt")
    assert council.metadata.title == "Review of Community Centre Hire Charges 2025\u201326"
    assert not any(isinstance(block, Heading) and block.level > 1
                   for block in council.blocks)
    linkedin = read_text(TEXTS / "posts" / "youth-trust-linkedin-year.txt")
    assert linkedin.metadata.title.startswith("My 2024 in review")
    release = read_text(TEXTS / "press" / "fenmoor-straw-release.txt")
    assert release.metadata.subtitle.startswith("New insulation board stores more carbon")
    heritage = read_text(TEXTS / "reports" / "heritage-authority-chairman-zh.txt")
    assert (heritage.byline.role, heritage.byline.name) == ("主席", "梁國華")
    assert not any("下載" in text for text in texts_of(heritage))
    foundation = read_text(SIMPLIFIED / "rural-education-foundation-chair.txt")
    assert (foundation.byline.role, foundation.metadata.organisation) == (
        "理事长", "青禾乡村教育基金会")


def test_a_museum_s_facebook_post_logged_out():
    text = ("Facebook\nLog In\nForgot account?\nLakeside Railway Museum\n"
            "3 October at 10:15 \u00b7\n"
            "\U0001f682 SHE'S STEAMING AGAIN! \U0001f682\n"
            "After four years in the workshop, our 1903 saddle-tank engine is back in steam "
            "and will haul the first trains of the autumn season this weekend.\n"
            "Trains run Friday--Sunday, 10am--4pm. Come and ride behind her! \U0001f44b\n"
            "Thank you to every volunteer who gave a Saturday to her boiler.\n"
            "See more\nAll reactions:\n412\n36 comments\nLike\nComment\nShare\n")
    document, _ = scraped_document("post", text, Metadata(title="", language="en-GB"))
    texts = texts_of(document)
    assert document.metadata.organisation == "Lakeside Railway Museum"
    assert texts[0] == "\U0001f682 SHE\u2019S STEAMING AGAIN! \U0001f682"
    assert texts[2].startswith("Trains run Friday\u2013Sunday, 10am\u20134pm.")
    assert texts[2].endswith("\U0001f44b") and texts[-1].startswith("Thank you")
    assert not any(text in ("Forgot account?", "All reactions:", "412") for text in texts)


def test_a_chinese_release_s_stamp_under_its_headline_goes_as_under_its_end_mark():
    text = ("新聞公報\n漁農自然護理署公布二〇二四年郊野公園遊客數字\n2025年2月18日（星期二）\n"
            "香港時間 11:00\n漁農自然護理署今日公布，二〇二四年郊野公園共錄得約一千三百萬人次到訪，"
            "較上年增加百分之六。\n署方表示，會繼續改善遠足徑及公眾設施。\n完\n"
            "2025年2月18日（星期二）\n香港時間11時00分\n")
    document, _ = scraped_document("release", text, Metadata(title=""))
    assert document.metadata.date == "2025-02-18"
    assert not any("香港時間" in text or "星期二" in text for text in texts_of(document))
    assert texts_of(document)[0].startswith("漁農自然護理署今日公布")


def test_a_report_s_name_over_the_first_line_and_a_figure_s_unit_under_its_title():
    text = ("Chapter 2: Our estate\nAnnual Review 2024\nThe Trust looked after 412 hectares of "
            "woodland this year, and planted more trees than in any year since it was founded.\n"
            "Figure 3: Trees planted each year\n(thousands)\n"
            "Planting was highest in the winter months, when the ground was soft.\n")
    document, _ = scraped_document("chapter", text, Metadata(title="", language="en-GB"))
    assert (document.metadata.title, document.metadata.subtitle) == (
        "Chapter 2: Our estate", "Annual Review 2024")
    figure = next(block for block in document.blocks if isinstance(block, Figure))
    assert plain(figure.caption) == "Figure 3: Trees planted each year (thousands)"


def test_a_chinese_figure_s_title_opened_by_a_year_and_its_unit_are_its_caption():
    text = ("三、绿色运营\n\n公司持续推进节能降耗，全年综合能耗较上年下降百分之五，"
            "单位产值水耗亦连续四年下降。\n\n"
            "图2 2021—2024年单位产值水耗变化\n（单位：吨/万元）\n\n"
            "公司将继续推进水资源循环利用，并在各生产基地推广中水回用。\n")
    document, _ = scraped_document("chapter", text, Metadata(title="", language="zh-Hans"))
    figure = next(block for block in document.blocks if isinstance(block, Figure))
    assert plain(figure.caption) == "图2 2021—2024年单位产值水耗变化（单位：吨/万元）"


def test_a_circular_signed_for_its_body_is_published_by_it():
    text = ("Circular 04/2025: Annual conference\n\nDear Colleague,\n\n"
            "Conference will meet in Harrogate from 12 to 14 May, and branches should send "
            "their motions to the office by 1 April.\n\n"
            "Yours sincerely,\n\nMorwenna Tresize\nGeneral Secretary\n"
            "Federation of Coastal Ferry Workers\n")
    document, _ = scraped_document("circular", text, Metadata(title="", language="en-GB"))
    assert document.metadata.organisation == "Federation of Coastal Ferry Workers"


def test_the_second_reviewers_pages():
    """A company's ESG chapter copied out of its PDF (its body in its running head, its
    figure's title and unit), a bureau's release (its stamp under its headline), a union's
    circular (its body under its signatory), a university's chapter (its report's name)."""
    esg = read_text(SIMPLIFIED / "huasheng-esg-chapter.txt")
    assert esg.metadata.organisation == "华晟新材料股份有限公司"
    figure = next(block for block in esg.blocks if isinstance(block, Figure))
    assert plain(figure.caption).endswith("（单位：吨二氧化碳当量/万元产值）")
    release = read_text(TEXTS / "press" / "transport-bureau-release-zh.txt")
    assert not any(isinstance(block, Heading) for block in release.blocks)
    circular = read_text(TEXTS / "mail" / "health-workers-circular.txt")
    assert circular.metadata.organisation == "National Association of Health Workers"
    chapter = read_text(TEXTS / "reports" / "northmoor-research-chapter.txt")
    assert chapter.metadata.subtitle == "Annual Report 2023\u201324"


def test_a_blog_platform_s_head_copied_with_no_blank_line_its_publication_not_its_author():
    """A blogging platform's post copied with no blank line anywhere: its `Write` link, the
    author's name twice over `Follow`, and `Published in` over the publication's name over
    the post's date: the title and subtitle stand, the author is the name, not the
    publication (which had been taken for the author, `Write` for the title)."""
    text = ("Sign up\nSign in\nWrite\nWhat a year of Saturday clinics taught us\n"
            "Notes from the free legal advice service at Bankside Community Law\n"
            "Imogen Castellanos\nImogen Castellanos\nFollow\nPublished in\nBankside Community Law\n"
            "·\n4 min read\n·\nJun 12, 2025\n51\n2\nListen\nShare\n"
            "When we opened the Saturday clinic, we expected twenty people a week. By June we "
            "were seeing sixty, and the queue started before the doors opened.\nMost came about "
            "housing. Many had been told they had no options, and most of them did have options, "
            "if someone had the time to look.\nWhat we changed\nWe stopped booking appointments "
            "and started triage at the door. Every visitor now sees a volunteer within fifteen "
            "minutes, even if only to be told where to go next.\nWe also started writing things "
            "down for people to take home. It sounds obvious. It was not what we did before.\n")
    document, report = scraped_document("post", text, Metadata(title="", language="en-GB"))
    assert document.metadata.title == "What a year of Saturday clinics taught us"
    assert document.metadata.subtitle.startswith("Notes from the free legal advice")
    assert document.byline.name == "Imogen Castellanos"
    dropped = {line["text"] for line in report["dropped"]}
    assert {"Write", "Published in", "Bankside Community Law"} <= dropped
    assert texts_of(document)[0].startswith("When we opened the Saturday clinic")


def test_a_short_line_written_twice_in_the_text_is_a_caption_when_it_describes():
    """A picture's caption written twice (the picture's text and its caption), shaped as a
    heading but of seven words or more: a figure, as a longer caption written twice is (it
    had been a heading); a heading written twice, shorter, stays a heading."""
    caption = "Pupils planting the new orchard with the Mayor of Elmstead"
    text = ("The orchard is finished at last, and every class has planted a tree.\n\n"
            f"{caption}\n{caption}\n\nOur thanks\nOur thanks\n\n"
            "Thank you to every family who gave a sapling.\n")
    document, _ = scraped_document("news", text, Metadata(title="Spring news", language="en-GB"))
    figures = [block for block in document.blocks if isinstance(block, Figure)]
    assert [plain(figure.caption) for figure in figures] == [caption]
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == ["Our thanks"]


def test_a_title_s_bar_parts_off_its_issue_or_its_body():
    """A page's title whose bar (between spaces) parts off the issue it names: the title and
    its subtitle; the body that publishes it: the title and the organisation. A title the
    metadata gives stays as given."""
    body = "\n\nThe term began with snow, and ends with the brightest summer fair we have held.\n"
    issue, _ = scraped_document("letter", "Parents' Bulletin | Summer Term 2025" + body,
                                Metadata(title="", language="en-GB"))
    assert (issue.metadata.title, issue.metadata.subtitle) == ("Parents\u2019 Bulletin",
                                                               "Summer Term 2025")
    published, _ = scraped_document("letter", "Chair's report | Elmstead Schools Trust" + body,
                                    Metadata(title="", language="en-GB"))
    assert (published.metadata.title, published.metadata.organisation) == (
        "Chair\u2019s report", "Elmstead Schools Trust")
    given, _ = scraped_document("letter", "Notes" + body,
                                Metadata(title="Parents' Bulletin | Summer Term 2025",
                                         language="en-GB"))
    assert given.metadata.title == "Parents' Bulletin | Summer Term 2025"


FACING_PAGES = """Part 2
Reading for everyone
Across our nine branches we lent 1,204,300 items this year, a rise of 6 per cent, and wel-
comed 38,900 new members, more than in any year since the central library reopened in
2016. Children's loans rose fastest, by 11 per cent, helped by the summer reading chal-
lenge, which 7,400 children finished.
Our home library service now reaches 612 readers who cannot visit a branch, each visited
once a fortnight by one of our volunteers, who also bring large-print and audio books.
We opened a second makerspace at Northgate, where 2,300 people used the 3D printers,
laser cutter and sewing machines in its first six months, most of them for the first
time in their lives.
22 | Dunmore Libraries Annual Report 2024–25
Dunmore Libraries Annual Report 2024–25 | 23
Digital inclusion
Our digital champions held 1,850 one-to-one sessions, most on using a smartphone to see
a doctor or apply for benefits. We lent 240 data-loaded tablets to people with no internet
at home, and 212 of them were returned on time and in good repair, with thanks.
Our libraries are also warm spaces. From November to March they stayed open until 8pm
on weekdays, and 14,600 visits were made in those evening hours alone, many by families
with young children and by older people living alone, who told us they came for company.
We will build on this in the year ahead with a programme of evening talks and clubs.
24 | Dunmore Libraries Annual Report 2024–25
"""


def test_facing_pages_mirrored_furniture_goes_and_the_words_they_broke_are_whole():
    """A chapter copied out of a PDF of facing pages, whose folio stands before the running
    foot on a left page and after it on a right one (`22 | Dunmore Libraries …`, `Dunmore
    Libraries … | 23`, one page's foot right over the next one's head): the furniture goes,
    and so do the hyphens that broke words at its lines' ends (`wel-` over `comed`); the
    division's label right over the title (`Part 2` over `Reading for everyone`) is its
    subtitle, the title the line under it; the body the running foot names before the
    report's issue is the organisation."""
    document, report = scraped_document("chapter", FACING_PAGES, Metadata(title="", language="en-GB"))
    assert (document.metadata.title, document.metadata.subtitle) == ("Reading for everyone",
                                                                     "Part 2")
    # The body its running foot names before the report's issue, which the opener prints.
    assert document.metadata.organisation == "Dunmore Libraries"
    words = " ".join(texts_of(document))
    assert "Dunmore Libraries Annual Report" not in words
    assert "welcomed 38,900" in words and "challenge, which" in words
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [
        "Digital inclusion"]


def test_a_signatory_s_name_under_contact_lines_goes_with_the_role_under_it():
    """A page's contact lines, each a field, over the signatory's name over their role, no
    blank line between: the lines kept as lines, the name and role the sign-off (the name
    had been run into the contact lines' paragraph, the role signing alone)."""
    text = ("Winter repairs update\nWe have cleared 410 of the 520 repairs reported in "
            "December, and the rest will be done by the end of March.\nIf your repair was "
            "booked before Christmas and nobody has come, please tell us, and we will put it "
            "first.\nWhat we are doing about damp\nEvery home with a damp report gets a visit "
            "within ten working days, and a written plan within five days of the visit.\n"
            "How to reach us\nRepairs line: 0300 555 0199 (free from mobiles and landlines, 8am "
            "to 6pm)\nEmail: repairs@harbourhomes.org.uk\nOnline: www.harbourhomes.org.uk/repairs"
            "\nAisha Coleman\nHead of Repairs\n")
    document, _ = scraped_document("update", text, Metadata(title="", language="en-GB"))
    *_, contact, sign_off = document.blocks
    assert isinstance(contact, LineBlock) and len(contact.lines) == 3
    assert isinstance(sign_off, SignOff) and sign_off.texts == ["Aisha Coleman", "Head of Repairs"]


def test_a_stage_direction_after_a_speech_s_last_words_is_not_its_sign_off():
    """`[Applause]` under a speech's `Thank you.`, over its speaker's name and role: a stage
    direction as the others are, the sign-off the name and role alone."""
    text = ("Members, it has been an honour to serve this Institute for a year.\n\n"
            "(Laughter)\n\nThank you.\n\n[Prolonged applause]\n\nDr Femi Adebayo\n"
            "President, 2024–25\n")
    document, _ = scraped_document("speech", text, Metadata(title="Address", language="en-GB"))
    *_, direction, sign_off = document.blocks
    assert isinstance(direction, Paragraph) and plain(direction.spans) == "[Prolonged applause]"
    assert isinstance(sign_off, SignOff) and sign_off.texts == ["Dr\u00a0Femi Adebayo",
                                                               "President, 2024–25"]


def test_a_note_s_bare_call_binds_no_word_after_it():
    """A PDF's bare call after a year (`in 2019.1 Attendance`), which cleaning had taken for
    a count of the word after it: called, with a plain space after it."""
    text = ("Annual figures\n\nThe gallery reopened in 2019.1 Attendance rose by a third in the "
            "year that followed, and the shop's takings by more.\n\n1 Figures for the "
            "financial year.\n")
    document, _ = scraped_document("figures", text, Metadata(title="", language="en-GB"))
    spans = document.blocks[0].spans
    call = next(index for index, span in enumerate(spans) if span.note)
    assert spans[call + 1].text.startswith(" Attendance")


SPACED_TABLES = """Reservoir levels

Storage held up well through a dry summer, and no restrictions were needed.
Table 3 Storage by reservoir
Reservoir Capacity 2023 2024
Upper Glen 1,240 88% 91%
Mill Dam 860 79% 84%
Total 2,100 84% 88%
The wettest month was November, when 212 mm of rain fell at Upper Glen.
表3 各水塘存水量
水塘 容量 2023年 2024年
上谷水塘 1,240 88% 91%
磨坊水塘 860 79% 84%
十一月雨量最多，上谷錄得212毫米。
"""


def test_a_pdf_s_table_a_single_space_parts_into_cells_under_its_title():
    """A table a PDF viewer copies with a single space between its cells, under its title
    (`Table 3 …`, `表3 …`): a table, its header's words its cells, its rows a label and
    figures, the paragraph under it apart (it had run into one paragraph, the Chinese rows'
    figures set against their labels: `上谷水塘1,240`)."""
    document, _ = scraped_document("levels", SPACED_TABLES, Metadata(title="", language="en-GB"))
    tables = [block for block in document.blocks if isinstance(block, Table)]
    assert [plain(table.caption) for table in tables] == ["Table 3\u00a0Storage by reservoir",
                                                          "表3 各水塘存水量"]
    assert [[plain(cell) for cell in table.header] for table in tables] == [
        ["Reservoir", "Capacity", "2023", "2024"], ["水塘", "容量", "2023年", "2024年"]]
    assert [[plain(cell) for cell in row] for row in tables[1].rows] == [
        ["上谷水塘", "1,240", "88%", "91%"], ["磨坊水塘", "860", "79%", "84%"]]
    assert texts_of(document)[-1] == "十一月雨量最多，上谷錄得212毫米。"


GAPPED_TABLES = """Waiting times

Table 4 Patients seen within 18 weeks
Ward            2022/23 (%)      2023/24 (%)
Orthopaedics        71.5        78.0
Cardiology          80.2        83.9

Table 5 Outpatient clinics
Clinic\tFirst visits (number)\tFollow-ups (number)
Diabetes        1,204        3,870
Fracture        2,916        5,112

表4 十八週內應診病人
科別　　2022/23年度（%）　　2023/24年度（%）
骨科    71.5    78.0
心臟科    80.2    83.9
"""


def test_a_table_s_header_over_rows_gaps_part_is_parted_by_its_gaps():
    """A table under its title whose rows runs of spaces part, its header parted by runs of
    spaces, a tab or full-width spaces: the header's cells as its gaps part them, a single
    space one within a cell (its words had been cut into as many cells as a row's, `Ward
    2022/23` | `(%) 2023/24` | `(%)`)."""
    document, _ = scraped_document("waits", GAPPED_TABLES, Metadata(title="", language="en-GB"))
    tables = [block for block in document.blocks if isinstance(block, Table)]
    assert [[plain(cell) for cell in table.header] for table in tables] == [
        ["Ward", "2022/23 (%)", "2023/24 (%)"],
        ["Clinic", "First visits (number)", "Follow-ups (number)"],
        ["科別", "2022/23年度（%）", "2023/24年度（%）"]]
    assert [[plain(cell) for cell in row] for row in tables[0].rows] == [
        ["Orthopaedics", "71.5", "78.0"], ["Cardiology", "80.2", "83.9"]]


def test_a_sentence_of_words_and_figures_under_a_table_s_title_is_no_table():
    """Lines under a table's title that are no label and figures (a sentence) stay as they
    are."""
    text = ("Notes on the accounts\n\nTable 4 Reserves\nOur reserves stood at 14 weeks of "
            "spending at the year's end.\nThey are invested in a deposit account.\n")
    document, _ = scraped_document("notes", text, Metadata(title="", language="en-GB"))
    assert not any(isinstance(block, Table) for block in document.blocks)


def test_a_professional_network_s_article_logged_out_its_headline_and_its_author():
    """An article on a professional network copied logged out: its menu (`Articles`,
    `People`, `Learning`, `Games`, `Join now`), `Report this article`, the author's name twice
    over their headline (`CEO at …`, an office by its initials) over the date: the title the
    article's headline, the byline the name and the headline (the headline had been the
    title, the article's own dropped as navigation)."""
    text = ("Skip to main content\nLinkedIn\nArticles\nPeople\nLearning\nJobs\nGames\nJoin now\n"
            "Sign in\n\nWhat our tenants taught us about repairs\n\nReport this article\n"
            "Sam Okafor\nSam Okafor\nCEO at Northgate Homes | Trustee | Making repairs simple for every tenant\n"
            "Published Apr 2, 2025\n+ Follow\n\nLast year we fixed 9,400 repairs, and we asked "
            "every tenant what we could have done better.\n\nMost of them said the same thing: "
            "tell us when you are coming, and come when you said.\n")
    document, report = scraped_document("article", text, Metadata(title="", language="en-GB"))
    assert document.metadata.title == "What our tenants taught us about repairs"
    assert (document.byline.name, document.byline.role) == (
        "Sam Okafor", "CEO at Northgate Homes | Trustee | Making repairs simple for every tenant")
    assert {"Articles", "Join now", "Report this article"} <= {
        drop["text"] for drop in report["dropped"]}


def test_a_government_page_s_record_of_itself_goes_its_publisher_and_date_kept():
    """A government page's kind over its title (`Corporate report`) and its record under
    its summary, each label alone over its value (`From:` over the office, `Published` over
    the date, `Applies to:` over `England`): the title is the page's own, the office the
    organisation, the date the text's, the rest dropped (they had been headings, and
    `Corporate report` the title)."""
    text = ("GOV.UK\nMenu\nHome\n\nCorporate report\nFire and Rescue Plan 2025 to 2028: "
            "foreword by the Chair\n\nThe Chair sets out the authority's priorities for the next "
            "three years.\n\nFrom:\nNorthvale Fire and Rescue Authority\nPublished\n3 June 2025\n"
            "Applies to:\nEngland\n\nForeword\n\nLast year our crews attended 9,412 incidents, "
            "fewer than in any year since records began.\n\nWe will keep it that way.\n")
    document, report = scraped_document("plan", text, Metadata(title="", language="en-GB"))
    metadata = document.metadata
    assert metadata.title == "Fire and Rescue Plan 2025 to 2028: foreword by the Chair"
    assert (metadata.organisation, metadata.date) == ("Northvale Fire and Rescue Authority",
                                                      "2025-06-03")
    assert {"Corporate report", "From:", "Published", "Applies to:", "England"} <= {
        drop["text"] for drop in report["dropped"]}


def test_a_blog_posts_deck_button_and_dated_caption_read_as_its_author_set_them():
    """A newsletter platform's post: its deck on the line right under its title (no full
    stop), the `Subscribe` button its page shows at its head said again between two
    paragraphs, and a picture's caption under the place it stood, dated (`…, June 2024.`):
    the deck the subtitle (it had been the first paragraph), the button gone (it had been a
    heading), the caption a figure's (it had been a paragraph)."""
    text = "\n".join([
        "Notes from the Fenland Archive", "Subscribe", "Sign in", "",
        "What the parish registers told us about the 1953 flood",
        "A year of reading, and the names we found in the margins", "",
        "Dr Tomas OKAFOR", "Jun 3, 2025", "", "Share", "",
        "The registers had not been opened since they came to us in 1978. We read all 14 of "
        "them, page by page, and found far more than we were looking for.", "", "Subscribe",
        "", "\u00a0", "Volunteers reading the Wisbech registers, June 2024. Each volume was "
        "cleaned before it was read.", "", "The registers",
        "", "Each register records the parish's baptisms, marriages and burials, and the "
        "clerks wrote far more in their margins than the law asked of them."])
    document, _ = scraped_document("post", text, Metadata(title=""))
    assert document.metadata.title == "What the parish registers told us about the 1953 flood"
    assert document.metadata.subtitle == (
        "A year of reading, and the names we found in the margins")
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Figure", "Heading", "Paragraph"]


def test_the_third_reviewers_pages():
    """A fire service's foreword on a government page (its site's name, its breadcrumb a crumb
    a line and its publisher's line under the title; its page asking about itself and the
    footer's links after the sign-off), an orchestra's post on a blogging platform (its link
    to its app, its publication's masthead over the title; a caption with its credit written
    twice over the first paragraph, no blank line between), and an academy trust's page off a
    site builder (its menu twice right over the title, a caption and its credit written twice,
    the byline under that lead picture, the sign-up box's thanks over the footer)."""
    foreword = read_text(TEXTS / "sites" / "fire-service-foreword-govuk.txt")
    assert (foreword.metadata.title, foreword.metadata.organisation) == (
        "Severnvale Fire and Rescue Service annual report 2023 to 2024: Chief Fire Officer\u2019s "
        "foreword", "Severnvale Fire and Rescue Authority")
    headings = [block.text for block in foreword.blocks if isinstance(block, Heading)]
    assert headings[0] == "A demanding year" and headings[-1] == "Looking ahead to 2024\u201325"
    assert isinstance(foreword.blocks[-1], SignOff)
    orchestra = read_text(TEXTS / "posts" / "orchestra-season-medium.txt")
    assert orchestra.metadata.title == "A season of firsts: looking back on 2023\u201324"
    figures = [block for block in orchestra.blocks if isinstance(block, Figure)]
    assert len(figures) == 2
    assert plain(figures[0].caption).endswith("opening night of the season. Photo: Marcus Tey")
    assert orchestra.blocks[1].text.startswith("When our music director")
    trust = read_text(TEXTS / "sites" / "academy-trust-chair-squarespace.txt")
    assert trust.metadata.title == "Chair\u2019s Review of the Year 2023/24"
    assert (trust.byline.name, trust.byline.role) == (
        "Alistair Drummond-Kerr", "Chair of the Board of Trustees")
    captions = [plain(block.caption) for block in trust.blocks if isinstance(block, Figure)]
    assert captions == [
        "Pupils from Glenmuir Primary at the opening of the new library, May 2024. Photo "
        "credit: Fiona Lachlan Photography",
        "The new heat pump installation at Strathbeg High School. Photo credit: Kirkhaven "
        "Academy Trust"]
    assert "Governance" in [block.text for block in trust.blocks if isinstance(block, Heading)]
    assert isinstance(trust.blocks[-1], SignOff)
    assert plain(trust.blocks[-1].lines[0]) == "Alistair Drummond-Kerr"


def test_a_forwarded_statement_keeps_its_own_greeting_and_its_sign_off_dated():
    """A district council chairman's statement forwarded by its secretariat: the greeting
    under the statement's title and byline is the statement's (it had gone as the mail's);
    the secretariat's name over its telephone lines, under the sign-off, is the mail's
    signature (it had been the sign-off's last line, the document left undated); and a
    Simplified page's count of its readings (`阅读次数：1,208`) goes as its Traditional twin
    does (it had closed the sign-off)."""
    statement = read_text(TEXTS / "mail" / "district-council-chairman.txt")
    assert statement.blocks[0].text == "各位議員、各位同事："
    assert [plain(line) for line in statement.blocks[-1].lines] == [
        "石角區議會主席", "區志強", "2025年1月3日"]
    assert statement.metadata.date == "2025-01-03"
    message = read_text(SIMPLIFIED / "water-board-ceo-message.txt")
    assert [plain(line) for line in message.blocks[-1].lines] == ["总裁", "林俊贤", "2024年7月"]
    assert message.metadata.date == "2024-07"


def test_the_third_reviewers_reports():
    """A union's chapter exported from a word processor (its chapter line under the report's
    name, its general secretary's byline; `2.1 Headline figures` right under `2. Membership`
    its first section's heading, not a line of details), a water company's chapter (the
    report's name under the title, a blank line between, over the first section's heading:
    the subtitle, and the sections at the top level), and a treasurer's report sent by mail
    (the period its accounts cover under the title: the subtitle, not a heading)."""
    union = read_text(TEXTS / "reports" / "union-general-secretary-chapter.txt")
    assert (union.metadata.title, union.metadata.subtitle) == (
        "Chapter 1: Organising, membership and bargaining",
        "General Secretary\u2019s Report to Conference 2024")
    assert (union.byline.name, union.byline.role) == (
        "Moira Fennimore", "General Secretary, Allied Transport and Logistics Workers\u2019 Union")
    headings = {block.text: block.level for block in union.blocks if isinstance(block, Heading)}
    assert headings["2. Membership"] == 1 and headings["2.1\u00a0Headline figures"] == 2
    assert headings["3.1\u00a0Brightway Parcels"] == 2
    chapter = read_text(TEXTS / "reports" / "water-operations-chapter.txt")
    assert chapter.metadata.subtitle == "Annual Report 2024\u201325"
    assert isinstance(chapter.blocks[0], Heading) and chapter.blocks[0].level == 1
    treasurer = read_text(TEXTS / "mail" / "treasurer-report-forwarded.txt")
    assert treasurer.metadata.subtitle == "For the year ended 31\u00a0March 2024"
    assert isinstance(treasurer.blocks[0], Paragraph)


def test_a_bilingual_page_s_heading_and_caption_each_in_both_languages():
    """A Macau body's page writing every block in Chinese, then in English: the report's
    name over its parallel, over the piece's title over its own, is the subtitle, and the
    title is the piece's, in both (the report's name had been the title, the piece's a
    heading); the byline over its parallel (`會長 何詠恩` over `President Ho Weng Ian`) is
    one byline in both (the two had been headings); a photo's caption, its translation and
    the caption again (as the page doubles a caption) is one figure captioned in both (the
    three had been paragraphs, the Chinese printed twice)."""
    page = read_text(TEXTS / "sites" / "macau-ngo-report-bilingual.txt")
    assert page.metadata.title == "會長的話 President\u2019s Message"
    assert page.metadata.subtitle == ("澳門晨光社會服務協會2024年度報告 Morning Light Social Service"
                                      " Association of Macao\u00a0\u2013 Annual Report 2024")
    assert (page.byline.role, page.byline.name, page.byline.parallel) == (
        "會長", "何詠恩", "President Ho Weng Ian")
    assert not any(isinstance(block, Heading) for block in page.blocks)
    figures = [plain(block.caption) for block in page.blocks if isinstance(block, Figure)]
    assert figures == ["「長者數碼樂」課程的學員在沙梨頭服務中心上課。Participants of the "
                       "\u2018Digital Seniors\u2019 course at the Patane centre."]
    assert not any(block.text.startswith("「長者數碼樂」課程的學員")
                   for block in page.blocks if isinstance(block, Paragraph))


def test_the_fourth_reviewers_pages():
    """A housing association's report copied out of a two-column PDF (its folios beside the
    publication's name, `…2024/25⇥7` and `8⇥…2024/25`, a year's range no rule; the first
    page's head; its pull quote over who said it), a museum's and a forest charity's posts
    off a social network (its words for the pictures, their counts, who reacted, its
    hashtags after a pictograph, its `… See more`), a vice-chancellor's speech (the press
    office's `Check against delivery` under its introduction), a council leader's post (the
    body her role is held at, signed under her first name) and a university's news page (its
    line of fields, a credit in brackets among them, dating it)."""
    report = read_text(TEXTS / "printed" / "harbourside-homes-ce-two-columns.txt")
    assert report.metadata.title == "Chief Executive\u2019s report"
    assert report.byline.role == "Chief Executive"
    texts = texts_of(report)
    assert not any("Harbourside Homes Annual Report" in text for text in texts)
    assert any("real progress." in text for text in texts)
    assert any(isinstance(block, Quotation) and block.text.startswith("\u2018Every empty home")
               for block in report.blocks)
    assert "\u2013 Dr\u00a0Priya Ramaswamy" in texts
    assert isinstance(report.blocks[-1], SignOff)
    # A long label a single space parts from its first figure: the figure a cell of its own
    # (every figure of the row had stood a column early).
    table = next(block for block in report.blocks if isinstance(block, Table))
    assert [plain(cell) for cell in table.rows[2]] == [
        "Damp reports inspected in 10\u00a0days", "62.0%", "94.0%", "+32.0"]
    museum = read_text(TEXTS / "posts" / "museum-review-facebook.txt")
    assert not any(isinstance(block, SignOff | Figure) for block in museum.blocks)
    # Its link to the rest of the post, ending the line the copy took the rest with.
    assert not any(text.endswith("See more") for text in texts_of(museum))
    assert any(text.endswith("collections@kestleburymuseum.org.uk") for text in texts_of(museum))
    forest = read_text(TEXTS / "posts" / "forest-guard-facebook-zh.txt")
    assert not any(isinstance(block, SignOff) for block in forest.blocks)
    assert not any("#" in text or "可能是" in text for text in texts_of(forest))
    speech = read_text(TEXTS / "press" / "vc-graduation-speech.txt")
    assert "Check against delivery" not in texts_of(speech)
    leader = read_text(TEXTS / "posts" / "council-leader-budget-blog.txt")
    assert leader.metadata.organisation == "Ashdown Vale District Council"
    news = read_text(SIMPLIFIED / "university-forum-news.txt")
    assert news.metadata.date == "2025-05-16"


def test_a_signed_text_is_written_by_its_signatory():
    """A letter or a message no byline credits is written by whoever signs it (`Jane
    Thornton` over `Headteacher`, after `Kind regards,`; `校長 陳家明博士`; `Cllr Joanne
    Marsh-Whitfield` under the first name she signs with): the editions' and the draft's
    properties name them (they had named no one: the copy-editors' finding), and so does
    the text's marked-up form, read again."""
    from pipeline.readers.markup import read_markup
    from pipeline.writers.markup import write_markup

    cases = [(TEXTS / "mail" / "school-head-letter-reply.txt", "Jane Thornton"),
             (TEXTS / "reports" / "school-principal-message-zh.txt", "陳家明博士"),
             (TEXTS / "posts" / "council-leader-budget-blog.txt",
              "Cllr Joanne Marsh-Whitfield")]
    for path, author in cases:
        document = read_text(path)
        assert document.author == author, path.name
        again = read_markup(write_markup(document), path.with_suffix(".md"),
                            Metadata(title=document.metadata.title,
                                     language=document.metadata.language), path.parent)
        assert again.author == author, path.name


def test_a_professional_networks_headline_after_its_authors_role_goes():
    """LinkedIn's headline under its author's name, their role held at a body and then what
    they say of themselves after bars (`| Mentor | Parkrun volunteer`): the byline's role is
    the role alone, the rest listed as dropped."""
    text = ("What three winters of warm spaces taught us\nTomasz Nowak\n"
            "Deputy Director at Eastgate Community Kitchen | Mentor | Parkrun volunteer\n"
            "Published Jan 14, 2025\n\n" + BODY + "\n\nLike\nComment\nRepost\n")
    document, report = scraped_document("article", text, Metadata(title=""))
    assert document.byline.role == "Deputy Director at Eastgate Community Kitchen"
    assert "| Mentor | Parkrun volunteer" in {drop["text"] for drop in report["dropped"]}


@pytest.mark.parametrize(("headline", "paragraph"), [
    ("Harvest Supper and Quiz Night at the Old School Hall",
     "Tickets for this year's supper are now on sale from the parish office, and every table "
     "of six will take part in the quiz after the pudding."),
    ("東區長者中心 二零二四年度聖誕聯歡會",
     "本中心將於十二月二十一日舉行聖誕聯歡會，歡迎會員攜同家人出席，名額有限，先到先得。"),
], ids=["english", "chinese"])
def test_a_headline_written_twice_at_the_head_of_the_text_is_its_heading(headline, paragraph):
    """A page's headline written twice over its text, as a copy doubles lines, under a
    title its metadata gives in other words: a heading once, never a missing picture's
    caption (it had been a figure, every edition a proof); under the same title, dropped as
    the title's repeat. A caption written twice at the head, a description, stays one."""
    text = f"Skip to main content\n{headline}\n{headline}\n{paragraph}\n\nMore to follow.\n"
    document, _ = scraped_document("notice", text, Metadata(title="Notices 2024"))
    assert not [block for block in document.blocks if isinstance(block, Figure)]
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [headline]
    same, _ = scraped_document("notice", text, Metadata(title=headline))
    assert not [block for block in same.blocks if isinstance(block, (Figure, Heading))]
    caption = "Volunteers setting the tables in the old school hall before the supper"
    pictured, _ = scraped_document("notice", f"{caption}\n{caption}\n\n{paragraph}\n",
                                   Metadata(title="Notices 2024", language="en-GB"))
    assert [plain(block.caption) for block in pictured.blocks
            if isinstance(block, Figure)] == [caption]


@pytest.mark.parametrize("text, rows", [
    ("Attendance\n\nAttendance at meetings in 2023/24 was as follows.\n\n"
     "Member          Board   Audit\nMr CHAN Tai-man 6/6     4/4\nMs LEE Mei-ling 5/6     3/4\n"
     "Dr WONG Kin-yip 6/6     -\n\nAll members attended at least 80% of meetings.\n",
     [["Mr\u00a0CHAN\u00a0Tai-man", "6/6", "4/4"], ["Ms\u00a0LEE\u00a0Mei-ling", "5/6", "3/4"],
      ["Dr\u00a0WONG\u00a0Kin-yip", "6/6", "\u2013"]]),
    ("出席紀錄\n\n二〇二三至二四年度會議出席情況如下。\n\n成員            理事會  審計委員會\n"
     "陳大文先生主席 6/6     4/4\n李美玲女士委員 5/6     3/4\n\n全體成員出席率均達八成以上。\n",
     [["陳大文先生主席", "6/6", "4/4"], ["李美玲女士委員", "5/6", "3/4"]]),
])
def test_a_table_aligned_by_spaces_whose_labels_fill_their_column_keeps_its_columns(text, rows):
    """A label filling its column, a single space before the first figure (or count of
    meetings attended, `6/6`), in every row: each figure under its own head (they had stood
    a column early, the last column empty)."""
    document, _ = scraped_document("attendance", text, Metadata(title=""))
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert [[plain(cell) for cell in row] for row in table.rows] == rows


@pytest.mark.parametrize("title, text", [
    ("Income, 2022/23 and 2023/24 (HK$ million)",
     "Treasurer's Report\n\nThe Council's income rose by 6% on the previous year.\n\n{title}\n"
     "\t2022/23\t2023/24\nGovernment subventions\t52.1\t54.8\nDonations\t18.3\t19.9\n\n"
     "Reserves stood at HK$23.7 million at year-end."),
    ("主要收入（百萬元）",
     "司庫報告\n\n本會收入較上年度增加百分之六。\n\n{title}\n\t2022/23\t2023/24\n政府資助\t52.1\t54.8\n"
     "捐款\t18.3\t19.9\n\n年底儲備為二千三百七十萬元。"),
])
def test_a_line_saying_what_a_tables_figures_count_in_right_over_it_is_its_title(title, text):
    """A line numbering no table but saying what its figures count in, in brackets, right
    over its rows: the table's title, its caption (it had been a heading, a bookmark and a
    section of its own, the table untitled)."""
    document, _ = scraped_document("treasurer", text.format(title=title), Metadata(title=""))
    assert not [block for block in document.blocks if isinstance(block, Heading)]
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert plain(table.caption).replace("\u00a0", " ") == title


def test_a_sentence_ending_in_a_unit_over_a_table_is_no_title():
    text = ("Treasurer's Report\n\nIncome rose again this year (HK$ million).\n"
            "\t2022/23\t2023/24\nGovernment subventions\t52.1\t54.8\nDonations\t18.3\t19.9\n")
    document, _ = scraped_document("treasurer", text, Metadata(title=""))
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert not table.caption
