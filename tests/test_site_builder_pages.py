"""A page a site builder made (Squarespace, Wix): its menu at the top with no dateline under
the title, the subtitle the metadata gives written under the title, a standfirst over the
byline, a timeline, a pull quote with no quotation marks, teasers of the site's other pages
and an address in its footer; each read as a copy-editor would."""

from __future__ import annotations

from pathlib import Path

from pipeline.model import List, Metadata, Paragraph, plain
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
