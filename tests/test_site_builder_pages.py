"""A page a site builder made (Squarespace, Wix): its menu at the top with no dateline under
the title, its newsletter's sign-up box, a welcome signed over the programme under it, the subtitle the metadata gives written under the title, a standfirst over the
byline, a timeline, a pull quote with no quotation marks, teasers of the site's other pages
and an address in its footer; each read as a copy-editor would."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Heading, List, Metadata, Paragraph, SignOff, plain
from pipeline.readers.scraped import scraped_document

from .support import read_text

WEB = Path(__file__).parent / "texts" / "web"
BODY = ("The east wing restoration was the largest project the Trust has undertaken, and it "
        "took the whole of the year.")


def test_a_site_builder_s_page_reads_as_its_author_wrote_it():
    document = read_text(WEB / "heritage-trust-foreword.txt")
    metadata = document.metadata
    assert (metadata.title, metadata.subtitle) == ("Chair\u2019s Foreword", "Annual Review 2023\u201324")
    assert document.byline.name == "Dr\u00a0Helen Arkwright"
    assert document.byline.role == "Chair of Trustees"
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert texts[0].startswith("A year of doors reopening")  # the standfirst
    for gone in ("Visit", "Collections", "Open Menu Close Menu", "Annual Review 2023\u201324",
                 "Our conservation projects", "Volunteer with us", "Leave a legacy"):
        assert gone not in texts
    assert not any("Kendleby KN4" in text for text in texts)
    assert sum(text.startswith("The house is not a museum") for text in texts) == 1
    timeline = next(block for block in document.blocks if isinstance(block, List))
    assert [plain(item.spans).split("\u00a0\u2013 ")[0] for item in timeline.items] == [
        "March 2023", "June 2023", "October 2023", "March 2024", "April 2024"]


def test_a_menu_block_goes_only_where_half_its_lines_are_the_site_s_links():
    menu = "Skip to Content\nHarbour Trust\nHome\nVisit\nCollections\nDonate\n\n"
    title = "Our year\n\n"
    document = scraped_document("page", f"{menu}{title}{BODY}\n", Metadata(title=""))[0]
    assert document.metadata.title == "Our year"
    kept = "Harbour Trust\nVisit\nCollections\nEvents\nDonate\n\n"
    document = scraped_document("page", f"{kept}{title}{BODY}\n", Metadata(title=""))[0]
    assert document.metadata.title == "Harbour Trust"


def test_a_menu_run_into_a_cookie_banner_ends_there_the_page_s_head_under_it_stays():
    """A site's menu copied a link a line runs on, no blank line between, into its cookie
    banner and then the page's own head (the site's name, the title, a dated byline): the
    menu ends at the banner, its links of no known kind go ("Our crews", "Fixtures"), and
    the head under it is the page's, not its navigation."""
    head = ("Skip to content\nMenu\nHome\nOur crews\nFixtures\nContact us\n"
            "We use cookies to improve this site. Accept all cookies\nReject\n"
            "Harbourside Rowing Club\nAutumn Bulletin 2024\n"
            "Posted by Jane Porter | 12 June 2025\n\n")
    document, report = scraped_document("page", f"{head}{BODY}\n", Metadata(title=""))
    assert document.metadata.title == "Autumn Bulletin 2024"
    assert document.metadata.organisation == "Harbourside Rowing Club"
    assert {"Our crews", "Fixtures"} <= {drop["text"] for drop in report["dropped"]}
    assert [plain(block.spans) for block in document.blocks] == [BODY]


@pytest.mark.parametrize("body_name", ["Riverside Print Collective", "Estuary Chamber Ensemble"])
def test_a_collective_or_an_ensemble_over_a_bylined_title_is_its_organisation(body_name):
    """An arts body named a collective or an ensemble is a body's name as a club's is: over
    a title with a byline under it, it is the organisation, the title the piece's (it had
    been the title, the newsletter's name its subtitle)."""
    head = (f"{body_name}\nSpring Newsletter 2025\nPosted by Editorial Team | 4 min read\n\n")
    document, _ = scraped_document("page", f"{head}{BODY}\n", Metadata(title=""))
    assert (document.metadata.title, document.metadata.organisation) == (
        "Spring Newsletter 2025", body_name)


def test_a_timeline_s_lines_standing_apart_are_one_list():
    text = (f"Our year\n\nMarch 2023 – Roof works completed\n\nJune 2023 – Garden reopened\n\n"
            f"Restoring the east wing\n\n{BODY}\n")
    blocks = scraped_document("page", text, Metadata(title=""))[0].blocks
    assert isinstance(blocks[0], List) and len(blocks[0].items) == 2
    assert isinstance(blocks[-1], Paragraph)


def test_one_read_more_is_the_text_s_and_teasers_are_the_site_s():
    one = f"Our year\n\n{BODY}\n\nRead more\n\nThanks to every volunteer who helped us.\n"
    assert "Thanks to every volunteer" in " ".join(
        getattr(block, "text", "") for block in scraped_document("page", one, Metadata(title=""))[0].blocks)
    teasers = (f"Our year\n\n{BODY}\n\nRelated\n\nVolunteer with us\nFind a role that suits you."
               "\nRead more\n\nLeave a legacy\nHelp us look after the Hall.\nRead more\n")
    document, report = scraped_document("page", teasers, Metadata(title=""))
    assert [getattr(block, "text", "") for block in document.blocks] == [BODY]
    assert sum(drop["reason"].endswith("teasers of the site's other pages")
               for drop in report["dropped"]) == 7


def test_a_menu_running_into_the_title_written_twice_goes_and_the_byline_is_read():
    """A site builder doubles the page's title and byline under its menu with no blank line
    between them: the menu ends over the title, so its links of no known kind ("About",
    "Get Involved") go, and the byline written twice is read as one."""
    head = ("Skip to Content\nOpen Menu Close Menu\nHome\nAbout\nOur Work\nGet Involved\n"
            "Cart 0\nDonate\nDonate\nA Message from our Chair\nA Message from our Chair\n"
            "By Margaret O'Sullivan, Chair of Trustees\n"
            "By Margaret O'Sullivan, Chair of Trustees\n\n")
    document = scraped_document("page", f"{head}{BODY}\n", Metadata(title=""))[0]
    assert document.metadata.title == "A Message from our Chair"
    assert (document.byline.name, document.byline.role) == (
        "Margaret O\u2019Sullivan", "Chair of Trustees")
    assert [plain(block.spans) for block in document.blocks] == [BODY]


def test_a_festival_page_keeps_its_welcome_s_signature_and_its_programme_s_days():
    """The menu goes though fewer than half its lines are known links (`Programme` is one of
    the page's own sections), the sign-up box goes whole, the director signs the welcome
    over the programme, and each day heads its events."""
    document = read_text(WEB / "arts-festival-squarespace.txt")
    assert document.metadata.title == "Harrowgill Arts Festival 2025"
    assert document.metadata.organisation == "Harrowgill Arts Festival"  # its copyright line
    texts = [getattr(block, "text", "") for block in document.blocks]
    for gone in ("Venues", "Tickets", "Friends", "About", "Subscribe", "Sign Up",
                 "Thank you!", "Sign up with your email address to receive news and updates."):
        assert gone not in texts
    signature = next(block for block in document.blocks if isinstance(block, SignOff))
    assert [plain(line) for line in signature.lines] == ["Maya Threlfall", "Festival Director"]
    assert isinstance(document.blocks[document.blocks.index(signature) + 1], Heading)
    levels = {block.text.split("\u00a0")[0]: block.level for block in document.blocks
              if isinstance(block, Heading)}
    assert (levels["Programme"], levels["Friday 20"], levels["6.30pm"],
            levels["Sunday 22"], levels["Access"]) == (1, 2, 3, 2, 1)


def test_a_sign_up_box_goes_whole_in_either_language():
    for box, body in (
            ("Stay in touch\nGet our news once a month.\nFirst Name\nEmail Address *\n"
             "Subscribe\n", BODY),
            ("訂閱電子通訊\n請輸入您的電郵地址\n訂閱\n",
             "本會去年舉辦了十二場社區活動，參加人數超過三千人，比前年增加三成。")):
        document = scraped_document("page", f"Our year\n\n{body}\n\n{box}", Metadata(title=""))[0]
        assert [getattr(block, "text", "") for block in document.blocks] == [body]


def test_a_name_over_a_role_signs_a_section_only_over_a_heading():
    signed = (f"Welcome\n\n{BODY}\n\nRuth Okafor\nArtistic Director\n\nWhat\u2019s on\n\n"
              f"{BODY}\n")
    blocks = scraped_document("page", signed, Metadata(title="Our year"))[0].blocks
    assert [type(block).__name__ for block in blocks] == [
        "Heading", "Paragraph", "SignOff", "Heading", "Paragraph"]
    # Under a heading, the two lines over a paragraph are a section's heading and its kicker,
    # not a signature: nothing is signed there.
    unsigned = f"Welcome\n\n{BODY}\n\nRuth Okafor\nArtistic Director\n\n{BODY}\n"
    blocks = scraped_document("page", unsigned, Metadata(title="Our year"))[0].blocks
    assert not any(isinstance(block, SignOff) for block in blocks[:-1])


def test_a_programme_s_days_head_their_timed_events_in_either_language():
    english = ("Programme\n\nSaturday 5 July\n\n10am – Opening\n\nDoors open at the hall.\n\n"
               "2pm – Talks\n\nThree short talks.\n\nSunday 6 July\n\n11am – Walk\n\n"
               "Meet at the gate.\n\nGetting here\n\nBuses stop outside.\n")
    chinese = ("活動時間表\n\n3月21日（星期五）\n\n下午2時 開幕禮\n\n在大堂舉行。\n\n"
               "3月22日（星期六）\n\n上午10時 工作坊\n\n請預先報名。\n\n交通\n\n可乘巴士前往。\n")
    for text in (english, chinese):
        blocks = scraped_document("page", text, Metadata(title="Festival"))[0].blocks
        levels = [block.level for block in blocks if isinstance(block, Heading)]
        assert levels[0] == 1 and levels[-1] == 1
        assert levels[1:-1] in ([2, 3, 3, 2, 3], [2, 3, 2, 3])
    # One day alone heads nothing: its timed lines stay as the text set them.
    alone = "Programme\n\nSaturday 5 July\n\n10am – Opening\n\nDoors open at the hall.\n"
    blocks = scraped_document("page", alone, Metadata(title="Festival"))[0].blocks
    assert {block.level for block in blocks if isinstance(block, Heading)} == {1}
