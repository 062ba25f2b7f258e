"""Fifteen web pages of the kinds a publications unit scrapes (tests/texts/web/: a department
overview, a report chapter, a Chinese review, a bilingual message, a statutory body's
statement, a housing charity's report, an inspectorate's foreword on a government site
and a Chinese council's message, each with a cookie banner and a breadcrumb trail a crumb a
line, a guild's letter on its blog, under its menu and over its readers' comments, and a
choir's e-mailed newsletter, titled by its metadata under the newsletter's name, a
university's report chapter under its site's name, its download link, its neighbours' links
and its address under its notes, a charity's blog post under its menu, its picture's caption
written once with its credit, a waterways trust's review whose table is typed with bars
and whose dateline names its poster first, a canal society's page with no blank line between
its blocks, its byline over the first paragraph, its lists nested and its quotation set in,
a charity's site-builder page whose menu runs into its title and byline written twice, a
government policy paper under its kicker over the line naming its publisher and its
numbered contents, and others), each with its page's furniture, built into every edition and the DOCX draft and
read as a copy-editor would: no debris, the title and byline right, every list level, heading
level, table caption and sign-off as written, every word once, addresses as written."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn

from pipeline.layouts import load_layout
from pipeline.model import List, SignOff, Table, from_json, plain
from pipeline.readers.docx.draft import docx_document
from pipeline.readers.markup import read_markup
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped
from pipeline.readers.scraped.dedupe import PULL_QUOTE
from pipeline.writers.docx.draft import write_docx
from pipeline.writers.markup import write_markup

from .support import copy_project, doit, pdf_text, squash

TEXTS = Path(__file__).parent / "texts" / "web"
NAMES = sorted(path.stem for path in TEXTS.glob("*.txt"))
LAYOUTS = ("print", "screen", "large-print")
DRAFT_LAYOUT = load_layout(Path(__file__).resolve().parent.parent / "layouts", "print")

# What each page's furniture says: none of it may reach an edition. (A site's name over its
# navigation, a body's, reaches the opener as the organisation: `University of Northmoor`.)
DEBRIS = ("Skip to", "Back to top", "Print this page", "Share this page", "Last revision date",
          "Home >", "Home ›", "English | ", "Privacy", "Sitemap", "Important notices", "©",
          "Text size", "Brand Hong Kong", "Follow us", "返回頁首", "最後修訂日期", "列印本頁",
          "跳至主要內容", "首頁 >", "私隱政策", "本網站使用Cookies", "Reading time",
          "Registered charity", "Related content", "Was this page helpful", "Modern slavery",
          "Cookies on", "additional cookies", "Justice and the courts", "Corporate report",
          "Is this page useful", "Open Government Licence", "Help and services",
          "關於我們", "此網頁是否有用", "Search for", "guildadmin", "Categories", "Share this",
          "Like this", "thoughts on", "Leave a Reply", "WordPress", "Margaret Hale",
          "View this email", "Spring Newsletter", "Forward to a friend", "mailing",
          "unsubscribe", "Quay Street", "Download this", "Previous chapter", "Next chapter",
          "Castle Hill", "Our Services", "Email Address", "Sign Up",
          "We respect your privacy", "Orchard Road", "Squarespace", "Tags:",
          "Related articles", "Lock 14 gates go back in", "Get Involved", "Policy paper",
          "From: Department", "Contents")
# The addresses, file names and codes each page writes, which every edition carries as written.
WORDS = {
    "stormwater-department-overview": [
        "https://www.ssd.gov.hk/en/publications/annual-reports/2023-24/index.html",
        "enquiry-ssd@ssd.gov.hk", "Audited_Accounts_2023-24.pdf"],
    "transport-digest-chapter": [
        "https://www.td.gov.hk/en/publications_and_press_releases/publications/"
        "annual_transport_digest/2023-24/index.html",
        "transport-stats-2023-24@td.gov.hk", "Digest_Ch3_2023-24.xlsx", "CB(4)1021/23-24"],
    "works-department-review": [
        "https://www.pwd.gov.hk/tc/publications/annual-report/2023-24/index.html",
        "training-2023-24@pwd.gov.hk"],
    "arts-council-message": ["https://www.adc.org.hk/en/whats-on/arts-space-2024-25/"],
    "homes-trust-chief-executive": [],
    "inspectorate-foreword": [],
    "consumer-council-chair": [],
    "guild-annual-letter": [],
    "choir-newsletter": [],
    "charity-year-review": [],
    "heritage-trust-foreword": [],
    "ombudsman-local-services": ["https://www.ombudsman.example.gov.uk/decisions/2023-24/"],
    "northmoor-research-chapter": ["Tidewater Analytics"],
    "brightwater-ceo-blog": [],
    "brookfield-hospice-trustees": [],
    "friends-of-ashcombe-foreword": [],
    "care-council-statement": [
        "https://www.rcc.org.hk/en/publications/reports/2023-24/residential-care-review.html",
        "media-enquiries@rcc.org.hk", "Residential_Care_Review_2023-24.pdf"],
    "waterways-trust-review": ["waterwaysheritage.org.uk/volunteer"],
    "canal-society-chair": [],
    "hillside-larder-chair": ["hello@hillsidelarder.org.uk", "www.hillsidelarder.org.uk/volunteer"],
    "peat-restoration-progress": [
        "https://www.gov.uk/government/publications/england-peat-action-plan",
        "peat.policy@defra.gov.uk", "NCPGS-2024/07"],
    "vc-foreword-wordpress": [],
    "arts-festival-squarespace": ["access@harrowgillfestival.org.uk"],
    "rural-museum-foreword-wix": ["www.fellbridgemuseum.org.uk/collections-online"],
}
TITLES = {
    "stormwater-department-overview": "Department Overview",
    "transport-digest-chapter": "Chapter 3: Public Transport",
    "works-department-review": "署長回顧",
    "arts-council-message": "Chairperson\u2019s Message 主席的話",
    "care-council-statement": "Statement on the Review of Residential Care Services",
    "homes-trust-chief-executive": "Chief Executive\u2019s report",
    "inspectorate-foreword": "Chief Inspector\u2019s foreword: annual report 2024 to 2025",
    "consumer-council-chair": "主席的話",  # written three times, its dateline between
    "guild-annual-letter": "Annual letter from the Master, 2025",
    "choir-newsletter": "A word from our Chair",  # its metadata's, under the newsletter's name
    # The post's dated headline, not the site's name over its menu.
    "charity-year-review": "Our Year in Review: 2023\u201324",
    # The metadata's, its page's title line under its chapter's label.
    "ombudsman-local-services": "Complaints about local services",
    # Under the site's menu, which no dateline shows.
    "heritage-trust-foreword": "Chair\u2019s Foreword",
    # Under the breadcrumb trail whose last crumb it names, not the site's name over it.
    "northmoor-research-chapter": "Chapter 4: Research and innovation",
    "brightwater-ceo-blog": "A year of muddy boots: looking back on 2024",  # its dateline under it
    # Under the site's menu a link a line, and a cookie banner over it.
    "brookfield-hospice-trustees": "Trustees\u2019 Report 2024/25: Review of the Year",
    # Under its dateline, which names a doctor ("by Dr Alasdair Whitcombe").
    "friends-of-ashcombe-foreword": "A Foreword from our President",
    # Over its subtitle and its dateline, which names who posted it first.
    "waterways-trust-review": "Chief Executive\u2019s review",
    "canal-society-chair": "Chair\u2019s introduction",  # its dateline and reading time under it
    # Written twice under the site's menu, no blank line between them.
    "hillside-larder-chair": "A Message from our Chair",
    # Under its kicker ("Policy paper"), over the line naming its publisher ("From: …").
    "peat-restoration-progress": "Lowland Peat Restoration: progress report 2023\u201324",
    # Under its breadcrumb trail, over its dateline.
    "vc-foreword-wordpress": "A foreword to our Strategy 2030",
    "arts-festival-squarespace": "Harrowgill Arts Festival 2025",
    "rural-museum-foreword-wix": "Director\u2019s Foreword",
}
BYLINES = {
    "works-department-review": ("何詠詩", "工務工程署署長"),
    "arts-council-message": ("Dr\u00a0Grace LAU\u00a0Wing-sze", "Chairperson"),
    "homes-trust-chief-executive": ("Aisha Rahman", "Chief Executive"),
    "heritage-trust-foreword": ("Dr\u00a0Helen Arkwright", "Chair of Trustees"),  # under a standfirst
    # Written twice over the first paragraph, no blank line between.
    "canal-society-chair": ("Dr\u00a0Naomi Fairweather", "Chair"),
    "hillside-larder-chair": ("Margaret O\u2019Sullivan", "Chair of Trustees"),  # written twice
    "vc-foreword-wordpress": ("Professor\u00a0Aileen Marchbank",
                              "Vice-Chancellor, Fenwold University"),
    "rural-museum-foreword-wix": ("Dr\u00a0Helena Marsh", "Director"),
}
SIGN_OFFS = {
    # Over a newsletter's sign-up box and the footer's address, which are no sign-off.
    "brookfield-hospice-trustees": ["Mark Delaney", "Chair of Trustees", "22\u00a0September 2025"],
    "works-department-review": ["工務工程署署長", "何詠詩", "2024年7月"],
    "arts-council-message": ["Dr\u00a0Grace LAU\u00a0Wing-sze, JP", "Chairperson", "July 2024"],
    "care-council-statement": ["Residential Care Council", "27\u00a0June 2024"],
    # Over a note its asterisk labels, called by "hours*" above: the note follows it.
    "homes-trust-chief-executive": ["Aisha Rahman", "Chief Executive"],
    "inspectorate-foreword": ["Morag Ellison", "Chief Inspector of Custodial Services",
                              "July 2025"],
    "consumer-council-chair": ["主席", "黃美玲", "2025年6月"],
    "guild-annual-letter": ["With thanks to you all,", "Thomas Ward", "Master, 2024\u201325"],
    "choir-newsletter": ["With warm wishes,", "Ruth Adeyemi", "Chair"],
    "charity-year-review": ["With thanks,", "Helen Marsh",
                            "Chief Executive, Northgate Community Larder"],
    "ombudsman-local-services": ["Amanda Rowe-Clarke", "Local Services Ombudsman",
                                 "18\u00a0July 2024"],
    "heritage-trust-foreword": ["Helen Arkwright", "Chair of Trustees", "September 2024"],
    "brightwater-ceo-blog": ["Helen Okafor", "Chief Executive"],
    "friends-of-ashcombe-foreword": ["Yours sincerely,", "Dr\u00a0Alasdair Whitcombe",
                                     "President, The Friends of Ashcombe House",
                                     "Ashcombe, Somerset", "31\u00a0March 2025"],
    "waterways-trust-review": ["Marion Achebe", "Chief Executive"],
    "canal-society-chair": ["With thanks,", "Naomi Fairweather", "Chair of Trustees"],
    "hillside-larder-chair": ["With my warmest thanks,", "Margaret O\u2019Sullivan",
                              "Chair of Trustees"],
    # Over its share row, related posts and comment form, which are no sign-off.
    "vc-foreword-wordpress": ["Professor\u00a0Aileen Marchbank", "Vice-Chancellor"],
    # Its director's welcome, signed over the programme under it.
    "arts-festival-squarespace": ["Maya Threlfall", "Festival Director"],
    "rural-museum-foreword-wix": ["Dr\u00a0Helena Marsh", "Director", "December 2024"],
}


def read(name: str):
    path = TEXTS / f"{name}.txt"
    return read_scraped(path, load_metadata(path.with_suffix(".toml"), list(LAYOUTS)))


def texts_of(document) -> list[str]:
    """Every text the document prints, front matter included."""
    found = [document.metadata.title, document.byline.text if document.byline else ""]
    for block in document.blocks:
        match block:
            case List() | SignOff():
                found += block.texts
            case Table():
                found += [plain(block.caption), *block.texts]
            case _:
                found.append(block.text)
    return found


def shape(block: List) -> list:
    items: list = [(block.style, block.marker)]
    for item in block.items:
        items.append(item.text.replace("\u00a0", " "))
        if item.sublist is not None:
            items.append(shape(item.sublist))
    return items


# --- The model -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_no_debris_and_the_title_byline_and_sign_off_as_written(name):
    document, report = read(name)
    texts = texts_of(document)
    assert not [text for text in texts for phrase in DEBRIS if phrase in text]
    assert document.metadata.title == TITLES[name]
    byline = (document.byline.name, document.byline.role) if document.byline else None
    assert byline == BYLINES.get(name)
    sign_offs = [block.texts for block in document.blocks if isinstance(block, SignOff)]
    assert sign_offs == ([SIGN_OFFS[name]] if name in SIGN_OFFS else [])
    debris = [drop for drop in report["dropped"] if drop["reason"].startswith("web page debris")]
    assert len(debris) == report["web_page_debris"] >= 8


@pytest.mark.parametrize("name", NAMES)
def test_addresses_file_names_and_codes_are_as_written(name):
    document, _ = read(name)
    joined = "\n".join(texts_of(document))
    for word in WORDS[name]:
        assert word in joined


def test_running_text_that_mentions_cookies_stays():
    document, _ = read("stormwater-department-overview")
    assert any("how we use cookies to count visits" in text for text in texts_of(document))


def test_headings_take_their_levels_from_their_numbers():
    headings = {name: [(h.text.replace("\u00a0", " "), h.level) for h in read(name)[0].headings]
                for name in ("stormwater-department-overview", "care-council-statement",
                             "transport-digest-chapter", "works-department-review")}
    assert headings["stormwater-department-overview"] == [
        ("1. Who we are", 1), ("1.1 Our vision", 2), ("1.2 Our mission", 2),
        ("2. What we do", 1), ("2.1 Drainage services", 2), ("2.1.1 Village drainage", 3),
        ("2.1.2 Stormwater storage", 3), ("2.2 Sewage services", 2),
        ("3. Working with the community", 1)]
    assert [level for _, level in headings["care-council-statement"]] == [1, 2, 2, 3, 3, 1, 1]
    assert {level for _, level in headings["transport-digest-chapter"]} == {1}
    assert [level for _, level in headings["works-department-review"]] == [1, 1, 1]


def test_every_list_level_keeps_its_style_and_marker():
    lists = {name: [shape(block) for block in read(name)[0].blocks if isinstance(block, List)]
             for name in NAMES}
    mission, priorities, tanks, works = lists["stormwater-department-overview"]
    assert mission[0] == ("lower-alpha", "(%)") and mission[3][0] == ("lower-roman", "(%)")
    assert (priorities[0], tanks[0]) == (("decimal", ""), ("bullet", ""))  # two lists
    assert works[2][2] == [("bullet", ""), "2.45 million cubic metres a day",
                           "serving Kowloon and the north of Hong Kong Island"]
    (measures,) = lists["transport-digest-chapter"]
    assert measures[0] == ("lower-alpha", "") and measures[2][0] == ("lower-roman", "")
    assert measures[2][3] == [("bullet", ""), "Central to Cheung Chau;", "Central to Mui Wo;"]
    (recommendations,) = lists["care-council-statement"]
    assert recommendations[2][3] == [("upper-alpha", ""), "the former school site in Tin Shui Wai;",
                                     "the government land next to Sha Tin Hospital;"]
    measures, placement = lists["works-department-review"]
    assert measures[0] == ("trad-chinese-informal", "\uff08%\uff09")
    assert placement[0] == ("decimal", "")


def test_table_titles_are_captions():
    captions = [plain(block.caption).replace("\u00a0", " ") for name in NAMES
                for block in read(name)[0].blocks if isinstance(block, Table)]
    assert captions == [
        "Table 1: Income and expenditure, 2024 (\u00a3000)",
        "Table 2 Median waiting time for a subsidised place, by district",
        "",  # the charity's donations, pasted tab-separated under its heading, have no title
        "",  # nor has the council's table, under its section's heading
        "Table 1 Income 2023–24",
        "Table 2: Key figures, 2023–24 and 2024–25",
        "",  # nor has the inspectorate's
        "Table 4.1 Research income by source (\u00a3 million)",
        "Table 3.1 Complaints and enquiries received, by subject, 2023–24",
        "Table 3.1 Average daily patronage by operator",
        "Table 3.2 New bus stops by district",
        "",  # nor has the waterways trust's, typed with bars
        "表1 各區數碼工地數目"]


@pytest.mark.parametrize("name", NAMES)
def test_the_marked_up_form_and_the_draft_give_the_page_back(name):
    document, _ = read(name)
    markup = read_markup(write_markup(document), TEXTS / f"{name}.md", document.metadata, TEXTS)
    assert markup.blocks == document.blocks and markup.byline == document.byline
    drafted = docx_document(write_docx(document, DRAFT_LAYOUT, TEXTS), TEXTS / f"{name}.docx",
                            document.metadata)
    assert drafted.blocks == document.blocks


# --- Every edition ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    folder = copy_project(tmp_path_factory.mktemp("web") / "project", library=False)
    for path in TEXTS.iterdir():
        shutil.copy(path, folder / "source" / path.name)
    result = doit(folder, *(f"preflight:{name}/{layout}" for name in NAMES for layout in LAYOUTS),
                  *(f"docx:{name}" for name in NAMES))
    assert result.returncode == 0, result.stdout + result.stderr
    return folder, result.stdout


def model(folder: Path, name: str):
    return from_json(json.loads((folder / "output" / name / f"{name}.json").read_text("utf-8")))


@pytest.mark.slow
def test_every_edition_passes_its_preflight_and_the_console_counts_the_debris(built):
    folder, console = built
    for name in NAMES:
        report = json.loads((folder / "output" / name / f"{name}.dedupe.json").read_text())
        mail = report["e_mail_debris"]  # a newsletter's subscription footer, say
        assert (f"  {report['web_page_debris']} lines dropped as web page debris"
                + (f" and {mail} as e-mail debris" if mail else "")
                + f" (listed in {name}.dedupe.json)") in console
        for layout in LAYOUTS:
            preflight = json.loads((folder / "output" / name / f"{name}-{layout}.preflight.json")
                                   .read_text())
            assert all(check["passed"] for check in preflight["checks"]
                       if check["severity"] == "error")


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_no_debris_and_every_address_as_written_in_every_edition(built, name):
    folder, _ = built
    for layout in LAYOUTS:
        text = pdf_text(folder / "output" / name / f"{name}-{layout}.pdf")
        assert not [phrase for phrase in DEBRIS if squash(phrase) in text]
        for word in WORDS[name]:
            assert squash(word) in text  # squashed: hyphens are left out, en dashes kept
            if "2023-24" in word:
                assert squash(word.replace("2023-24", "2023\u201324")) not in text
    draft = docx.Document(str(folder / "output" / name / f"{name}.docx"))
    written = "\n".join(paragraph.text for paragraph in draft.paragraphs)
    assert all(word in written for word in WORDS[name])
    assert not [phrase for phrase in DEBRIS if phrase in written]


@pytest.mark.slow
def test_a_links_target_is_the_address_as_written(built):
    folder, _ = built
    name = "stormwater-department-overview"
    with pikepdf.open(folder / "output" / name / f"{name}-screen.pdf") as pdf:
        targets = {str(annotation.A.URI) for page in pdf.pages
                   for annotation in page.get("/Annots", []) if "/A" in annotation}
    assert targets == {WORDS[name][0], f"mailto:{WORDS[name][1]}"}


def headings_in_tree(path: Path) -> list[tuple[str, int]]:
    """Each heading element of the tag tree, and how many Sect elements hold it."""
    found = []
    with pikepdf.open(path) as pdf:
        def walk(element, sections: int) -> None:
            kind = str(element.get("/S", ""))
            if kind in ("/H2", "/H3", "/H4"):
                found.append((kind, sections))
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/K" in kid:
                    walk(kid, sections + (kind == "/Sect"))

        walk(pdf.Root.StructTreeRoot, 0)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_headings_nest_in_the_bookmarks_and_the_tag_tree(built, layout):
    folder, _ = built
    name = "stormwater-department-overview"
    document = model(folder, name)
    path = folder / "output" / name / f"{name}-{layout}.pdf"
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        (title,) = outline.root
        depths = []

        def walk(items, depth):
            for item in items:
                depths.append((item.title, depth))
                walk(item.children, depth + 1)

        walk(title.children, 1)
    assert depths == [(heading.text, heading.level) for heading in document.headings]
    # The title is H1 in the opener; a section of level n is H(n+1) inside n Sect elements.
    assert headings_in_tree(path) == [(f"/H{heading.level + 1}", heading.level)
                                      for heading in document.headings]


@pytest.mark.slow
def test_a_tables_title_is_a_caption_inside_its_table(built):
    folder, _ = built
    name = "transport-digest-chapter"
    with pikepdf.open(folder / "output" / name / f"{name}-screen.pdf") as pdf:
        tables = [element for element in pdf.objects if isinstance(element, pikepdf.Dictionary)
                  and element.get("/S") == pikepdf.Name.Table]
        first_kids = [str(table.K[0].S) for table in tables]
        bookmarks = [item.title for item in pdf.open_outline().root[0].children]
    assert first_kids == ["/Caption", "/Caption"]
    assert not [title for title in bookmarks if title.startswith("Table")]


@pytest.mark.slow
def test_the_draft_has_words_heading_levels_lists_and_captions(built):
    folder, _ = built
    name = "stormwater-department-overview"
    draft = docx.Document(str(folder / "output" / name / f"{name}.docx"))
    styles = [(paragraph.style.name, paragraph.text) for paragraph in draft.paragraphs]
    assert ("Heading 2", "1.1\u00a0Our vision") in styles
    assert ("Heading 3", "2.1.1 Village drainage") in styles
    assert ("List Bullet 3", "2.45\u00a0million cubic metres a day") in styles
    level_texts = {level.find(qn("w:lvlText")).get(qn("w:val"))
                   for level in draft.part.numbering_part.element.iter(qn("w:lvl"))}
    assert {"(%1)", "(%2)", "%1.", "\u2022", "\u2013", "\u2023"} <= level_texts
    chapter = docx.Document(str(folder / "output" / "transport-digest-chapter" /
                                "transport-digest-chapter.docx"))
    captions = [paragraph for paragraph in chapter.paragraphs if paragraph.style.name == "Caption"]
    assert [caption.text for caption in captions][0].startswith("Table 3.1")
    assert all(caption._p.getnext().tag == qn("w:tbl") for caption in captions)


@pytest.mark.slow
def test_pandoc_reads_the_drafts_levels(built):
    folder, _ = built
    name = "stormwater-department-overview"
    markdown = subprocess.run(["pandoc", "-f", "docx", "-t", "markdown",
                               str(folder / "output" / name / f"{name}.docx")],
                              capture_output=True, text=True, check=True).stdout
    markdown = markdown.replace("\u00a0", " ")
    assert "## 1.1 Our vision" in markdown and "### 2.1.1 Village drainage" in markdown
    assert "(b) protect the community" in markdown
    assert "        -   2.45 million cubic metres a day" in markdown


def test_a_table_typed_with_bars_and_a_dateline_naming_its_poster_first():
    document, _ = read("waterways-trust-review")
    metadata = document.metadata
    assert (metadata.subtitle, metadata.author, metadata.date) == (
        "Annual review 2024/25", "Marion Achebe", "2025-06-12")
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    assert [plain(cell) for cell in table.header] == ["Area", "2023/24", "2024/25", "Change"]
    assert [plain(row[0]) for row in table.rows][-1] == "Total"
    assert table.numeric == (False, True, True, True)


def test_a_pull_quote_set_twice_is_kept_once_and_the_signature_dates_the_text():
    """A charity's page sets a quotation between its sections and again further on: the
    second is a pull quote's repetition, dropped; the sign-off's date (its metadata giving
    none) dates the text, which the opener prints."""
    document, report = read("brookfield-hospice-trustees")
    quoted = [text for text in texts_of(document) if text.startswith("\u2018Brookfield gave Dad")]
    assert len(quoted) == 1
    assert any(drop["reason"] == PULL_QUOTE for drop in report["dropped"]
               if drop["text"].startswith("\u2018Brookfield gave Dad"))
    assert document.metadata.date == "2025-09-22"


def test_a_page_with_no_blank_line_between_its_blocks_keeps_its_lists_and_quotation():
    """A society's page whose blocks no blank line parts: a bulleted list's last item over a
    lead-in ("Our work fell under three headings:") ends the list (the lead-in had run into
    the item, and the numbered list under it nested in the bullets, its first item parted
    from the rest); the line indented among lines at the margin is a displayed quotation
    (it had been a paragraph)."""
    document, _ = read("canal-society-chair")
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds[:8] == ["Paragraph", "Heading", "List", "Paragraph", "List", "Paragraph",
                         "Quotation", "Table"]
    bullets, numbered = (block for block in document.blocks if isinstance(block, List))
    assert bullets.items[-1].text.replace("\u00a0", " ") == "2 lock gates replaced"
    assert [item.text for item in numbered.items] == [
        "Restoration", "Education, with 41\u00a0school visits;",
        "Heritage, including the re-opening of the toll house."]
    assert shape(numbered.items[0].sublist)[1:] == [
        "Lock 14 at Hartley Bottom, where the gates had failed;",
        "the culvert under Mill Lane, which had partly collapsed:",
        [("lower-roman", ""), "the survey (March);", "the repair (June to August);"]]
