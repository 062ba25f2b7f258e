"""Web-page debris: the furniture of a page removed by its words, shape and place, in English
and Chinese, each line listed with its reason; running text that mentions the same words kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.languages import profile_for
from pipeline.model import Byline, Figure, Heading, LineBlock, Metadata, Paragraph, plain
from pipeline.readers.cleaning import clean_text
from pipeline.readers.scraped import NOTHING_LEFT, read_scraped, scraped_document
from pipeline.readers.scraped.debris import remove_debris

from .support import copy_project, doit

BODY = ("The Council met eleven times during the year and published two reports on the "
        "state of the harbour.")
MORE = "Its members visited every district, and heard from more than four hundred residents."


def kept_and_dropped(text: str) -> tuple[list[str], dict[str, str]]:
    """The lines kept, and each line dropped with its reason."""
    cleared = remove_debris(clean_text(text))
    return ([line for line in cleared.text.split("\n") if line],
            {drop.text: drop.reason.split(" debris: ", 1)[1] for drop in cleared.drops})


@pytest.mark.parametrize(("line", "reason"), [
    ("Skip to main content", "skip link"),
    ("Jump to navigation", "skip link"),
    ("跳至主要內容", "skip link"),
    ("English | 繁體 | 简体", "language switcher"),
    ("繁體 | 简体 | English", "language switcher"),
    ("EN | 繁 | 简", "language switcher"),
    ("Home > About us > Annual Report", "breadcrumb"),
    ("Home › Publications › Digest 2023-24 › Chapter 3", "breadcrumb"),
    ("首頁 > 關於我們 > 年報", "breadcrumb"),
    # A trail its label names, its crumbs parted by slashes, none of them "Home".
    ("You are here: University of Eastmoor / Faculty of Science / Geography / Annual report",
     "breadcrumb"),
    ("您的位置：首页 / 政务公开 / 通知公告", "breadcrumb"),
    ("English | Cymraeg", "language switcher"),
    ("Print this page", "print or share link"),
    ("Share this page", "print or share link"),
    ("🖶 Print", "print or share link"),
    ("Printer-friendly version", "print or share link"),
    ("列印本頁", "print or share link"),
    ("Share: Facebook | X | LinkedIn", "print or share link"),
    ("Text size: A A A", "page tools"),
    # A breadcrumb parted by slashes, a year among its crumbs, the page's long title last.
    ("Home / News / 2025 / A record year for the Maritime Museum", "breadcrumb"),
    ("Home > Press releases > Chief Executive opens the new harbour park at Kai Tak",
     "breadcrumb"),
    ("Published: 12 July 2025", "dateline"),
    ("Posted on 3 March 2024, 10:30 am", "dateline"),
    ("發佈日期：2025年7月12日", "dateline"),
    ("Facebook Twitter Email", "print or share link"),
    ("Download PDF (2.3 MB)", "print or share link"),
    ("Download this chapter (PDF, 1.4 MB)", "print or share link"),
    ("Previous chapter: Education and the student experience",
     "previous or next article link"),
    ("下載PDF（2.3MB）", "print or share link"),
    ("Click to enlarge", "page tools"),
    ("按此放大", "page tools"),
    ("Reading time: 4 minutes", "page tools"),
    ("6 min read", "page tools"),
    ("閱讀時間：約4分鐘", "page tools"),
    ("Listen to this page", "page tools"),
    ("Translate this page", "page tools"),
    ("Read more", "page tools"),
    ("Expand all sections", "page tools"),
    ("閱讀更多", "page tools"),
    ("【字体：大 中 小】【打印】【关闭】", "page tools"),
    ("字号：大 中 小", "page tools"),
    ("扫一扫在手机打开当前页", "page tools"),
    ("关闭窗口", "page tools"),
    ("分享到：", "print or share link"),
    ("分享到：QQ空间 微信 微博", "print or share link"),
    ("分享至 Facebook", "print or share link"),
    ("分享至 WhatsApp", "print or share link"),
    ("分享到微信", "print or share link"),
    # A row of networks, their names parted by gaps (two spaces copy as a tab) or marks.
    ("分享至 Facebook\tWhatsApp", "print or share link"),
    ("分享至 Facebook\tX\tWhatsApp", "print or share link"),
    ("分享到 微信、微博", "print or share link"),
    ("发布时间：2025-09-06 10:42\t来源：研究生院\t作者：韩悦\t浏览次数：2317", "dateline"),
    ("發佈日期：2025年7月12日 | 來源：新聞處", "dateline"),
    ("All content is available under the Open Government Licence v3.0, except where "
     "otherwise stated", "page footer"),
    ("This work is licensed under a Creative Commons Attribution 4.0 International License.",
     "page footer"),
    ("展開全部", "page tools"),
    # A newsletter's post, as its platform prints it around the post.
    ("Share this post", "print or share link"),
    ("Copy link", "print or share link"),
    ("Listen to this post", "page tools"),
    ("\u22129:41", "page tools"),  # what is left of the post read aloud
    ("Type your email\u2026", "page tools"),
    ("12 Likes", "readers' comments"),
    ("Discussion about this post", "readers' comments"),
    ("Thanks for reading The Lantern Notes! Subscribe for free to receive new posts and "
     "support my work.", "page footer"),
    ("Sign in", "link"),
    # A page's calls to act.
    ("Watch the video (3:42)", "link"),
    ("Donate now", "link"),
    # A row of the page's tools, and a tool's words in two languages on one line.
    ("【字体：大 中 小】\t打印本页\t关闭窗口", "page tools"),
    ("Back to top 返回頁首", "back-to-top link"),
    # A government page's record of itself.
    ("索引号：11350200MB0123456X/2025-00017", "page footer"),
    ("发布机构：滨江市生态环境局", "page footer"),
    ("发文日期：2025-01-15", "dateline"),
    # A social network's, logged out, and its stamp on a post.
    ("登入", "link"),
    ("3月8日 下午4:15 ·", "dateline"),
    # The credit of the page's banner, which the copy left out.
    ("图片来源：南江大学新闻中心", "credit of a picture the copy left out"),
    ("Photo: Harbour Trust / Jo Lam", "credit of a picture the copy left out"),
])  # fmt: skip
def test_furniture_above_the_text_goes_with_its_reason(line, reason):
    kept, dropped = kept_and_dropped(f"{line}\n\nThe Title\n\n{BODY}\n\n{MORE}")
    assert kept == ["The Title", BODY, MORE]
    said = {text.replace("\u00a0", " "): why for text, why in dropped.items()}  # house style
    assert said == {line.replace("2023-24", "2023–24"): reason}


@pytest.mark.parametrize("line", [
    "Was this page helpful? Yes | No",
    "Is this page useful? Yes No",
    "Was this information helpful?",
    "Did you find what you were looking for? Yes / No",
    "Report a problem with this page",
    "此網頁是否有用? 是 | 否",
    "你認為這網頁有幫助嗎？",
    "報告此網頁的問題",
])  # fmt: skip
def test_a_page_asking_about_itself_goes_after_the_text_or_between_sections(line):
    for text in (f"{BODY}\n\n{MORE}\n\n{line}", f"{BODY}\n\n{line}\n\nNext section\n\n{MORE}"):
        kept, dropped = kept_and_dropped(text)
        assert BODY in kept and MORE in kept and len(dropped) == 1
        assert set(dropped.values()) == {"page feedback"}


@pytest.mark.parametrize("line", [
    "Was this page helpful to you? Tell us at feedback@harbour.org.hk and we will reply.",
    "Is the new page useful to residents? The survey in March asked 2,000 of them.",
])  # fmt: skip
def test_running_text_asking_whether_a_page_helps_stays(line):
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{line}\n\n{MORE}")
    assert len(kept) == 3 and not dropped


@pytest.mark.parametrize("line", ["Back to top", "▲ Back to top", "Return to top of page",
                                  "Top of page", "返回頁首", "回到頁首"])
def test_back_to_top_between_sections_goes(line):
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{line}\n\nNext section\n\n{MORE}")
    assert kept == [BODY, "Next section", MORE]
    assert dropped == {line: "back-to-top link"}


def test_a_footer_goes_from_its_first_line_to_the_end_whatever_its_words():
    text = (f"{BODY}\n\n{MORE}\n\nChan Tai-man\nChairperson\n\n"
            "Last revision date: 15 July 2024\n\nImportant notices | Privacy policy\n"
            "Brand Hong Kong\nGovHK")
    kept, dropped = kept_and_dropped(text)
    assert kept == [BODY, MORE, "Chan Tai-man", "Chairperson"]  # the sign-off stays
    assert dropped["Brand Hong Kong"] == dropped["GovHK"] == "page footer"
    assert dropped["Last revision date: 15\u00a0July 2024"] == "page footer"


@pytest.mark.parametrize("footer", [
    "最後修訂日期：2024年7月15日\n私隱政策 | 重要告示 | 網頁指南",
    "© 2024 Harbour Council. All rights reserved.",
    "Copyright © 2024 | Terms of use | Accessibility",
    "Page last reviewed: 3 June 2024",
    "© 2026 Riverside Homes Association. Registered society no. 12345R. All rights reserved.",
    "© Crown copyright 2026. This publication is licensed under the terms of the Open "
    "Government Licence v3.0 except where otherwise stated.",
    "© 2026 水務委員會",
    "Registered charity no. 1098765 | Company no. 04561234 | Regulator of Social Housing no. L4521",
    "Registered office: 12 Mill Lane, Bristol BS1 4DJ",
    "慈善機構編號：91/12345",
])  # fmt: skip
def test_footers_in_english_and_chinese(footer):
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{MORE}\n\n{footer}")
    assert kept == [BODY, MORE]
    assert set(dropped.values()) <= {"page footer", "links", "link"}


@pytest.mark.parametrize("footer", [
    "Cookies   Terms of use   Accessibility statement   Contact the college\n"
    "© 2026 Fenwold College",
    "Site map    Disclaimer    Complaints procedure",
    "私隱政策   重要告示   網頁指南   無障礙瀏覽\n© 2026 水務委員會",
])  # fmt: skip
def test_a_footers_row_of_links_parted_by_runs_of_spaces_goes(footer):
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{MORE}\n\n{footer}")
    assert kept == [BODY, MORE]
    assert set(dropped.values()) <= {"page footer", "links"}


def test_a_tables_last_row_of_words_under_the_text_stays():
    table = "Ward   Councillor   Party\nMillbrook   Ann Hale   Green\nEastfield   Tom Reed   Labour"
    kept, _ = kept_and_dropped(f"{BODY}\n\n{table}")
    assert len(kept) == 4


def test_a_line_of_unknown_words_repeated_after_each_section_goes():
    text = (f"Opening\n\n{BODY}\n\nGo up ↑\n\nSecond part\n\n{MORE}\n\nGo up ↑\n\n"
            f"Third part\n\n{BODY}")
    kept, dropped = kept_and_dropped(text)
    assert kept == ["Opening", BODY, "Second part", MORE, "Third part", BODY]
    assert set(dropped.values()) == {"repeated page furniture"}


def test_a_heading_repeated_over_sections_of_text_stays():
    text = f"Housing\n\nOverview\n\n{BODY}\n\nTransport\n\nOverview\n\n{MORE}"
    kept, dropped = kept_and_dropped(text)
    assert kept.count("Overview") == 2 and not dropped


@pytest.mark.parametrize("line", [
    "Registered charities must publish their accounts within ten months of the year's end.",
    "Reading time matters: a tenant reads a letter in under 2 minutes, or not at all.",
])
def test_running_text_about_a_registration_or_reading_time_stays(line):
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{line}\n\n{MORE}")
    assert len(kept) == 3 and not dropped


@pytest.mark.parametrize(("label", "sections"), [
    ("On this page", ["Our year", "Research and innovation", "Looking ahead"]),
    ("本頁內容", ["年度回顧", "研究及創新"]),
])
def test_a_pages_list_of_its_own_sections_goes(label, sections):
    """The entries link to the headings further down, which stay."""
    text = "\n".join([label, *sections, *(f"{section}\n{BODY}" for section in sections)])
    kept, dropped = kept_and_dropped(text)
    assert kept == [line for section in sections for line in (section, BODY)]
    assert dropped == dict.fromkeys([label, *sections], "page contents")


def test_a_pages_list_of_its_numbered_sections_goes():
    """GOV.UK's Contents, each entry numbered as the heading it links to."""
    sections = ["1. Introduction", "2. What we achieved", "3. Next steps"]
    text = "\n".join(["Contents", *sections, *(f"\n{section}\n{BODY}" for section in sections)])
    kept, dropped = kept_and_dropped(text)
    assert kept == [line for section in sections for line in (section, BODY)]
    assert dropped == dict.fromkeys(["Contents", *sections], "page contents")


def test_a_contents_line_over_lines_said_nowhere_else_stays():
    text = f"Contents\nThe river\nThe estuary\n\n{BODY}\n\nThe river\n\n{MORE}"
    kept, dropped = kept_and_dropped(text)
    assert "The estuary" in kept and not dropped


def test_a_cookie_notice_goes_above_the_text_and_with_its_button():
    notice = ("This website uses cookies to improve your experience. By continuing to browse, "
              "you agree to our use of cookies.")
    kept, dropped = kept_and_dropped(f"{notice}\nAccept | Decline\n\nThe Title\n\n{BODY}")
    assert kept == ["The Title", BODY]
    assert set(dropped.values()) == {"cookie notice"}
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{notice}\nGot it\n\n{MORE}")
    assert kept == [BODY, MORE]


@pytest.mark.parametrize(("banner", "buttons"), [
    ("Cookies on GOV.UK\nWe use some essential cookies to make this website work.\n"
     "We\u2019d like to set additional cookies to understand how you use GOV.UK.",
     "Accept additional cookies\nReject additional cookies\nView cookies"),
    ("Cookie 設定\n本網站使用Cookie。繼續瀏覽即表示您同意我們使用Cookie。\n"
     "我們亦會使用分析用Cookie，以改善網站。", "接受所有Cookie\n管理Cookie設定"),
])  # fmt: skip
def test_a_cookie_banner_goes_whole_its_heading_lines_and_buttons(banner, buttons):
    """The lines next to a cookie notice that speak of cookies too (its heading, what else it
    asks) go with it and its buttons; a paragraph about cookies a blank line after stays."""
    about = "Cookies we sell count too: the bakery sold more of them than ever at the fair."
    kept, dropped = kept_and_dropped(f"{about}\n\n{banner}\n{buttons}\n\nThe Title\n\n{BODY}")
    assert kept == [about, "The Title", BODY]
    assert list(dropped) == f"{banner}\n{buttons}".split("\n")
    assert set(dropped.values()) == {"cookie notice"}


@pytest.mark.parametrize(("trail", "title", "dateline"), [
    ("Home\nJustice and the courts\nInspections\nCorporate report",
     "Chief Inspector\u2019s foreword", "Published 9 July 2025"),
    ("首頁\n關於我們\n刊物", "署長序言", "發佈日期：2025年7月9日"),
])  # fmt: skip
def test_a_breadcrumb_trail_a_crumb_a_line_goes_from_home_to_the_title_over_its_dateline(
        trail, title, dateline):
    kept, dropped = kept_and_dropped(f"{trail}\n{title}\n{dateline}\n\n{BODY}\n\n{MORE}")
    assert kept == [title, BODY, MORE]
    crumbs = trail.split("\n")[1:]
    assert [text for text, why in dropped.items() if why == "navigation over the title"] == crumbs
    # With no link home over them, or no dateline under the title, the lines stay (but a
    # government page's label of its kind over the title, `Corporate report`: a label).
    for text in (f"{chr(10).join(crumbs)}\n{title}\n{dateline}", f"{trail}\n{title}"):
        kept, _ = kept_and_dropped(f"{text}\n\n{BODY}\n\n{MORE}")
        assert crumbs[0] in kept and title in kept


@pytest.mark.parametrize("kind", ["Press release", "News story"])
@pytest.mark.parametrize("summary", ["", "Work on the scheme finished six months early.\n"],
                         ids=["no summary", "summary"])
def test_a_trail_a_crumb_a_line_goes_over_the_title_over_the_pages_record(kind, summary):
    """A government page: a crumb a line under the link home, the page's kind, the title, its
    summary perhaps, and its record of itself (`From:` over its publisher, `Published` over
    its date): the crumbs go, as over a title its dateline stands under (they had stayed,
    the first crumb taken for the title and the next for a heading over it)."""
    trail = "Home\nEnvironment\nFlooding and coastal change"
    title = "New flood defences protect 2,400 homes in Calder Valley"
    record = "From:\nEnvironment Agency\nPublished\n12 March 2025"
    kept, dropped = kept_and_dropped(f"{trail}\n{kind}\n{title}\n{summary}{record}\n{BODY}")
    assert kept[0] == title.replace("2,400 ", "2,400\u00a0")
    assert {"Home", "Environment", "Flooding and coastal change", kind} <= dropped.keys()
    assert dropped["Environment"] == dropped["Flooding and coastal change"] == (
        "navigation over the title")
    document = scraped_document("page", f"{trail}\n{kind}\n{title}\n{summary}{record}\n{BODY}",
                                Metadata(title=""))[0]
    assert (document.metadata.title, document.metadata.organisation) == (
        kept[0], "Environment Agency")
    assert not [block for block in document.blocks if isinstance(block, Heading)]


def test_the_sites_name_over_a_breadcrumb_trail_whose_last_crumb_the_title_names_goes():
    trail = "Home > Annual Report 2023-24 > Research and innovation"
    title = "Chapter 4: Research and innovation"
    kept, dropped = kept_and_dropped(f"University of Northmoor\n{trail}\n\n{title}\n\n{BODY}")
    assert kept == [title, BODY]
    assert dropped["University of Northmoor"] == "navigation over the title"
    # A trail set under the title (its last crumb names no line under it) leaves it.
    kept, _ = kept_and_dropped(f"Research and innovation\n{trail}\n\n{BODY}")
    assert kept == ["Research and innovation", BODY]


def test_the_sites_name_over_a_trail_of_two_crumbs_over_a_headline_goes():
    """A trail of two crumbs parted by an arrow, with no link home (`News & Events >
    Speeches`), is a breadcrumb; the site's name over it goes where a headline stands under
    it, though the trail's last crumb names the page's section, not the headline."""
    trail, title = "News & Events > Speeches", "President’s Address at the 42nd Congregation"
    kept, dropped = kept_and_dropped(f"Lakeside University\n{trail}\n\n{title}\n\n{BODY}")
    assert kept == [title, BODY]
    assert dropped == {"Lakeside University": "navigation over the title", trail: "breadcrumb"}
    # Words parted by an arrow that are a sentence's, or a crumb too long for a link, stay.
    for line in ("Costs rose > 5% in the year.", "Revenue > The costs of running every "
                 "district office and depot"):
        kept, _ = kept_and_dropped(f"{line}\n\n{BODY}")
        assert kept == [line, BODY]


@pytest.mark.parametrize("note", [
    "CHECK AGAINST DELIVERY", "(Check against delivery)", "Please check against delivery",
    "As prepared for delivery", "以當日宣讀為準", "（講辭以宣讀為準）", "以讲话为准",
])
def test_a_speechs_note_to_check_against_delivery_goes(note):
    """What a speech's page notes to the press over its text, that what was said counts,
    goes as a press release's line over its headline does."""
    title = "Address at the 42nd Congregation"
    kept, dropped = kept_and_dropped(f"{title}\n\n{note}\n\n{BODY}")
    assert kept == [title, BODY]
    assert dropped == {note: "press release line"}
    # In the text, a sentence saying so stays.
    sentence = (f"The Registrar reminded the press to {note.lower().strip('()')}."
                if note.isascii() else f"司長提醒傳媒，講辭{note.strip('（）')}。")
    kept, _ = kept_and_dropped(f"{title}\n\n{BODY}\n\n{sentence}")
    assert kept[-1] == sentence


def test_what_stands_after_the_pages_way_back_up_or_its_neighbours_is_its_footer():
    """The sign-off stands over them, the page's address under them."""
    for end in ("Back to top", "Next chapter: Our people"):
        kept, dropped = kept_and_dropped(
            f"{BODY}\n\n{MORE}\n\nChan Tai-man\nChairperson\n\n{end}\n\n"
            "University of Northmoor, Castle Hill, Durham DH1 9ZZ\nPrivacy | Accessibility")
        assert kept == [BODY, MORE, "Chan Tai-man", "Chairperson"]
        assert dropped["University of Northmoor, Castle Hill, Durham DH1 9ZZ"] == "page footer"


def test_running_text_that_mentions_cookies_or_the_page_stays():
    sentences = [
        "Our website uses cookies only to count visits, and visitors may accept or refuse "
        "them at any time.",
        "Readers may print this page or share it with colleagues; the last revision date of "
        "the policy is 15 July 2024.",
        "The bakery scheme sold 40,000 cookies at the festival, and every visitor agreed it "
        "should continue.",
        "Copyright in the photographs rests with the photographers, who kindly allowed the "
        "association to reproduce them in this report and in its online edition.",
    ]
    text = "\n\n".join([BODY, *sentences, MORE])
    kept, dropped = kept_and_dropped(text)
    assert not dropped and len(kept) == 6


def test_a_contact_line_after_the_text_stays():
    contact = "Media enquiries: Tel 2877 0660 | Fax 2877 0661 | media@rcc.org.hk"
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{MORE}\n\n{contact}\n\nPrivacy | Sitemap")
    assert kept == [BODY, MORE, contact]
    assert dropped == {"Privacy | Sitemap": "links"}


POST = """Open in app
Sign up
Sign in
Write

Five years of the code club
Samira Haddad
Samira Haddad
Follow
6 min read
\u00b7
Mar 3, 2025
124
3
Listen
Share

{body}

{more}

124
3
More from Samira Haddad
Recommended from Medium
Help
Privacy
"""


def test_a_blog_platforms_tools_counts_and_links_go_and_its_author_is_the_posts():
    """A post on a blog platform's page: the author's name over the post's tools and date
    (`Follow`, `6 min read`, a lone `·`, `Mar 3, 2025`) is the post's author, as a dateline
    naming them is; its readers' counts (`124` over `3`) go under its date and under its
    text, with the platform's links to more posts."""
    document, report = scraped_document("post", POST.format(body=BODY, more=MORE),
                                        Metadata(title=""))
    assert document.metadata.author == "Samira Haddad"
    assert document.metadata.date == "2025-03-03"
    assert [plain(block.spans) for block in document.blocks] == [BODY, MORE]
    reasons = {drop["text"]: drop["reason"].split(": ", 1)[-1] for drop in report["dropped"]}
    assert reasons["Follow"] == "print or share link" and reasons["\u00b7"] == "links"
    assert reasons["More from Samira Haddad"] == "link"
    assert reasons["124"] == "counts of the post's readers' likes and responses"


POSTS = Path(__file__).parent / "texts" / "posts"


def test_a_professional_networks_article_keeps_its_title_over_the_authors_name_and_role():
    """An article on a professional network's page: the name (twice) over the role over
    the date is the byline, the line over them the title (the title had gone as the site's
    navigation, the role made the title); `+ Follow` goes, though a sentence follows it."""
    document, _ = read_scraped(POSTS / "open-data-officer-linkedin.txt", Metadata(title=""))
    assert document.metadata.title == "What a year of open data taught our council"
    assert document.byline == Byline("Priya Nair", (),
                                     "Chief Digital Officer at Westmere Borough Council")
    assert document.metadata.date == "2025-01-22"
    assert document.blocks[0].text.startswith("A year ago, Westmere Borough Council")


def test_a_professional_networks_article_under_a_menu_row_and_over_its_counts():
    """The site's name and its menu in a row of single spaces under the skip link are its
    head (the title had been `LinkedIn`, the menu its subtitle); the author's name and
    role (its employer's name possessive) over `· 3rd+` are the byline, the headline's words
    after the role parted by bars (`| Trustee, Hospice UK | …`) dropped; the counts (`127`, `14 comments · 9 reposts`), the buttons (`Comment`,
    `Repost`) and the author's card under the text go."""
    document, report = read_scraped(POSTS / "hospice-ceo-linkedin.txt", Metadata(title=""))
    assert document.metadata.title == (
        "What 1,000\u00a0night shifts taught me about leadership \U0001f319")
    assert document.metadata.subtitle == ""
    assert document.byline.name == "Helen Achterberg"
    assert document.byline.role == "Chief Executive at St\u00a0Columba\u2019s Hospice"
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert texts[0].startswith("Twenty-two years ago") and texts[-1].startswith("If you lead")
    dropped = {drop["text"].replace("\u00a0", " ") for drop in report["dropped"]}
    assert {"127", "14 comments \u00b7 9 reposts", "Comment", "Repost"} <= dropped


def test_a_newsletters_subtitle_over_its_author_and_date_is_its_subtitle():
    """A newsletter post: the line under its title, over the author's name and the date, is
    its subtitle (it had been a heading); the mark of a paid post and its readers' counts
    under the date go."""
    document, report = read_scraped(POSTS / "library-friends-substack.txt", Metadata(title=""))
    assert document.metadata.subtitle == (
        "What 2024 looked like at the Eastgate Community Library")
    assert document.metadata.author == "Helen Osei"
    assert document.blocks[0].text == "Dear friends of the library,"
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert {"\u2219 Paid", "18", "4"} <= set(reasons)


def test_a_posts_date_author_and_counts_under_a_long_subtitle_go():
    """A press release posted as a newsletter: under its title, a subtitle as long as a
    sentence, then its author, its date (`Apr 09, 2025`), its readers' counts (`12`, `3`)
    and `FOR IMMEDIATE RELEASE`: the author and the date are the post's, the rest goes (the
    name and the counts had been headings, the date a paragraph, as nothing over the text's
    first running line was looked at)."""
    document, report = read_scraped(POSTS / "food-hub-release-substack.txt", Metadata(title=""))
    assert document.metadata.title == (
        "We\u2019re opening a second food hub\u00a0\u2013 and we need you")
    assert (document.metadata.author, document.metadata.date) == ("Amara Okafor", "2025-04-09")
    assert document.blocks[1].text.startswith("Manchester, 9\u00a0April 2025")
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert {"Apr 09, 2025", "12", "3", "FOR IMMEDIATE RELEASE"} <= set(reasons)


def test_a_pictures_place_in_a_pages_text_goes_alone():
    """`[Image: …]` where a page's photo stood goes, alone: the photo's caption the page wrote
    twice under it is a figure, the heading and the paragraph after it the text's (they had
    gone with it, taken for a mail's footer wrapped over five lines)."""
    document, report = read_scraped(POSTS / "football-club-season-report.txt",
                                    Metadata(title=""))
    caption = "The first team celebrate after the semi-final win against Ashby Town"
    figure = next(block for block in document.blocks if isinstance(block, Figure))
    assert plain(figure.caption) == caption
    after = document.blocks[document.blocks.index(figure) + 1:]
    assert after[0] == Heading("On the pitch")
    assert after[1].text.startswith("Our first team won 18 of their 26\u00a0league games")
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons[f"[Image: {caption}]"] == "web page debris: picture's place"
    assert not any(reason.startswith("e-mail") for reason in reasons.values())


@pytest.mark.parametrize(("place", "caption", "times"), [
    ("Image: ", "Visitors in the restored weaving gallery on opening day", 1),
    ("Photo: ", "The vice-chancellor speaking to students in the new library", 2),
    ("Picture: ", "Volunteers planting reeds at the lagoon’s edge.", 1),
    ("Photograph: ", "The new boathouse from the river", 2),
    ("圖片：", "主席（中）與米埔學生義工合照", 2),
    ("图片：", "主席（中）与米埔学生义工合照", 1),
    ("相片：", "署長（左三）與得獎學生合照", 1),
])
def test_a_pictures_place_saying_its_caption_makes_the_caption_under_it_a_figure(
        place, caption, times):
    """`[Image: X]` over `X` (written once or twice), as a page's copy leaves a photo by its
    alternative text over its caption: the caption is a figure's, however short or
    heading-like (it had been a heading, or printed with the place before it)."""
    chinese = place.endswith("：")
    opening = "過去一年，委員會的工作很忙。" if chinese else (
        "The year was a busy one for everyone at the trust, and we are proud of it.")
    after = "委員會感謝各位義工的支持。" if chinese else (
        "Our volunteers gave more than nine thousand hours this year, a record for us.")
    text = "\n".join([opening, "", f"[{place}{caption}]", *[caption] * times, "", after])
    document, report = scraped_document("piece", text, Metadata(title="Review"))
    figure = next(block for block in document.blocks if isinstance(block, Figure))
    assert plain(figure.caption) == caption
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Figure", "Paragraph"]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons[f"[{place}{caption}]"] == "web page debris: picture's place"


BLOG_POST = """\
Why we are planting a thousand hedgerow trees

The hedgerows along Mill Lane lost almost a third of their trees to ash dieback in the last
five years, and the birds that nested in them have gone with them.

This winter our volunteers will plant a thousand hawthorn, hazel and field maple whips, with
help from the two village schools and the parish council.

Thank you to everyone who has given a morning to the work so far.

Margaret Ellison
Chair of Trustees
{furniture}
© 2025 Millbrook Wildlife Trust. Registered charity no. 1123456.
"""


@pytest.mark.parametrize("furniture", [
    "Share this:\nFacebook\nX\nLinkedIn\nWhatsApp\nEmail\nPrint\n",
    "Share this:\nFacebook\nX\nEmail\n\nRelated\nOur new warden starts work\n"
    "12 January 2025\nIn \"News\"\nThe orchard’s first harvest\n3 October 2024\nIn \"Projects\"\n",
    "You may also like\nA winter walk along the brook\n4 February 2025\n"
    "Volunteers wanted for the spring survey\n20 January 2025\n",
])
def test_a_blogs_share_buttons_and_related_posts_go_not_into_the_sign_off(furniture):
    """WordPress's share row copied a button a line (`Facebook`, `X`, `LinkedIn`) and its
    related posts (a title, its date, `In "News"`) under the sign-off: the page's, not the
    letter's (they had been printed as the sign-off's lines)."""
    document, report = scraped_document("post", BLOG_POST.format(furniture=furniture),
                                        Metadata(title=""))
    assert document.blocks[-1].texts == ["Margaret Ellison", "Chair of Trustees"]
    kept = " ".join(getattr(block, "text", "") for block in document.blocks)
    for gone in ("Facebook", "LinkedIn", "warden", "orchard", "winter walk", "spring survey"):
        assert gone not in kept


@pytest.mark.parametrize("heading", ["Related posts", "You may also like", "Read next"])
@pytest.mark.parametrize("asked", ["Volunteers wanted for the spring survey!",
                                   "What lives in an old hedge?"])
def test_related_posts_titles_ending_the_page_go_though_one_exclaims_or_asks(heading, asked):
    """A blog's related posts under the sign-off, their titles alone, no date or category,
    one ending in "!" or "?", only the page's footer under them: the page's, not the text
    (the titles under the one that ends a sentence had gone as the footer, it and those over
    it stayed, headings and paragraphs after the sign-off)."""
    related = f"{heading}\nA winter walk along the brook\n{asked}\nOur orchard in numbers\n"
    document, report = scraped_document("post", BLOG_POST.format(furniture=related),
                                        Metadata(title=""))
    assert document.blocks[-1].texts == ["Margaret Ellison", "Chair of Trustees"]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    for title in (heading, "A winter walk along the brook", asked, "Our orchard in numbers"):
        assert reasons[title] == "web page debris: teasers of the site's other pages"


@pytest.mark.parametrize("section", [
    "Related work\nThe survey follows the county\u2019s count of 2019.\n"
    "Its method is the one the national hedgerow survey uses.",
    "Related reading\nThe parish council\u2019s own survey found the same losses.\n"
    "Its report is in the village library.",
    "相关阅读\n本次调查沿用了二〇一九年全市调查的方法。\n调查报告已存放于区图书馆。",
])
def test_a_last_section_of_sentences_under_a_related_heading_stays(section):
    """A text's last section, its heading "Related work", "Related reading" or "相关阅读"
    over lines ending in full stops, sentences, not posts' titles: the text's, heading and
    paragraphs, though only the footer follows it."""
    text = f"Hedgerow survey\n\n{BODY}\n\n{section}\n\n© 2025 Millbrook Wildlife Trust.\n"
    document, _ = scraped_document("post", text, Metadata(title=""))
    heading, *sentences = section.split("\n")
    assert [(type(block), block.text) for block in document.blocks[1:]] == [
        (Heading, heading), *((Paragraph, sentence) for sentence in sentences)]


def test_a_chinese_pages_share_buttons_and_related_articles_go():
    text = ("濕地保育委員會主席報告\n\n過去一年，委員會與漁塘業主合作，保育了一百二十公頃的魚塘。\n\n"
            "今年冬季，后海灣錄得的越冬水鳥數目較上一年度上升約百分之十二。\n\n"
            "我衷心感謝各位委員、同事和義工的支持。\n\n"
            "委員會主席\n鄭嘉穎\n二〇二五年三月\n分享\n微博\n微信\nFacebook\n\n相關文章\n"
            "米埔冬季觀鳥日\n2025年1月12日\n黑臉琵鷺數目創新高\n2024年12月3日\n")
    document, report = scraped_document("report", text, Metadata(title=""))
    assert document.blocks[-1].texts == ["委員會主席", "鄭嘉穎", "二〇二五年三月"]
    said = " ".join(getattr(block, "text", "") for block in document.blocks)
    assert "微博" not in said and "米埔冬季觀鳥日" not in said


DATED_TEASERS = ("{heading}\nFerry pier reopens after repairs\n2 March 2025\n"
                 "The pier at North Point is open again{end}\nRead more\n"
                 "New warden for the marshes\n14 February 2025\n"
                 "Amy Lo joins the Trust from the Wetland Park{end}\nRead more\n")
CHINESE_DATED_TEASERS = ("{heading}\n碼頭維修後重開\n2025年3月2日\n北角碼頭今日重新開放{end}\n"
                         "閱讀更多\n濕地新任管理員\n2025年2月14日\n盧小姐由濕地公園加入本會{end}\n"
                         "閱讀更多\n")


@pytest.mark.parametrize(("teasers", "signed"), [
    (DATED_TEASERS.format(heading=heading, end=end), signed)
    for heading in ("Related stories", "More news", "You may also like", "Read next", "")
    for end in (".", "...") for signed in ("", "Margaret Ellison\nChair of Trustees\n14 March 2025")
] + [
    (CHINESE_DATED_TEASERS.format(heading=heading, end=end), signed)
    for heading in ("相關新聞", "延伸閱讀", "相关阅读", "")
    for end in ("。", "……") for signed in ("", "委員會主席\n鄭嘉穎")
])
def test_a_pages_teasers_each_dated_go_however_their_blurbs_end(teasers, signed):
    """A page's teasers of its other pages, each a title, its date, a blurb and its "Read
    more", under their heading or none: the page's, whether a blurb ends in "..." or a full
    stop (the last teaser's title and date had been the text's sign-off, its blurb a
    paragraph after the text's last); the text's own sign-off over them stays."""
    chinese = "閱讀更多" in teasers
    body = ("委員會今年共舉行十一次會議。\n\n委員走訪各區，聽取了四百多名居民的意見。" if chinese
            else f"{BODY}\n\n{MORE}")
    document, _ = scraped_document("news", f"Harbour report\n\n{body}\n\n{signed}\n\n{teasers}",
                                   Metadata(title="Harbour report"))
    kept = [getattr(block, "text", None) or [line.replace("\u00a0", " ") for line in block.texts]
            for block in document.blocks]
    assert kept == body.split("\n\n") + ([signed.split("\n")] if signed else [])


@pytest.mark.parametrize(("footer", "organisation"), [
    ("© 2025 Millbrook Wildlife Trust. All rights reserved.", "Millbrook Wildlife Trust"),
    ("Millbrook Housing Association is a registered society. © Millbrook Housing Association "
     "2024 | Privacy | Cookies", "Millbrook Housing Association"),
    ("Copyright © 2023–2025 Millbrook Wildlife Trust", "Millbrook Wildlife Trust"),
    ("© 2025 Margaret Ellison", ""),  # a person's blog: no body publishes it
    ("© Crown copyright", ""),
])
def test_the_body_a_pages_copyright_line_names_publishes_it(footer, organisation):
    """Where nothing over the text names who publishes it, its page's copyright line does:
    the opener prints it (as a typesetter would be given it)."""
    text = BLOG_POST.format(furniture="").replace(
        "© 2025 Millbrook Wildlife Trust. Registered charity no. 1123456.", footer)
    document, report = scraped_document("post", text, Metadata(title=""))
    assert document.metadata.organisation == organisation
    assert footer in {drop["text"] for drop in report["dropped"]}


def test_a_chinese_pages_copyright_line_names_its_publisher_unless_the_metadata_does():
    text = ("主席報告\n\n過去一年，委員會與漁塘業主合作，保育了一百二十公頃的魚塘。\n\n"
            "今年冬季，后海灣錄得的越冬水鳥數目較上一年度上升約百分之十二。\n\n"
            "返回頁首\n© 2025 濕地保育委員會 版權所有\n")
    assert scraped_document("report", text, Metadata(title=""))[0].metadata.organisation \
        == "濕地保育委員會"
    assert scraped_document("report", text, Metadata(title="", organisation="米埔之友"))[0] \
        .metadata.organisation == "米埔之友"


@pytest.mark.parametrize(("footer", "organisation"), [
    # an English copyright line names the body in another script: the footer's own line does
    ("返回頁首\n國立東港海洋大學 National Donggang Ocean University\n地址：屏東縣東港鎮中正路100號\n"
     "Copyright © 2025 National Donggang Ocean University. All Rights Reserved.\n",
     "國立東港海洋大學"),
    ("返回頁首\nCopyright © 2025 National Donggang Ocean University. All Rights Reserved.\n", ""),
])
def test_a_chinese_page_s_publisher_is_named_in_chinese(footer, organisation):
    text = ("校長的話\n\n過去一年，本校與沿海漁村合作，開設了十二門海洋教育課程。\n\n"
            "今年，本校學生在全國海洋科技競賽中獲得三項金獎。\n\n" + footer)
    document, _ = scraped_document("report", text, Metadata(title=""))
    assert document.metadata.organisation == organisation


@pytest.mark.parametrize(("footer", "organisation"), [
    ("Kestrel Vale District Council | Contact us | Accessibility | Privacy and cookies",
     "Kestrel Vale District Council"),
    ("Fenmoor Rivers Trust ¦ Terms of use ¦ Sitemap", "Fenmoor Rivers Trust"),
    ("Home | News | Contact", ""),  # a menu's links: no body
])
def test_the_body_first_on_a_footers_row_of_links_publishes_the_page(footer, organisation):
    """A page's footer naming its publisher first on a row of links parted by bars: the
    opener prints the body (the row had named none, read as one name)."""
    text = f"The year at the depot\n\n{BODY}\n\n{MORE}\n\nBack to top\n{footer}\n"
    document, report = scraped_document("post", text, Metadata(title=""))
    assert document.metadata.organisation == organisation
    assert footer in {drop["text"] for drop in report["dropped"]}


def test_a_chinese_pages_footer_first_naming_its_publisher_on_a_row_of_links():
    text = ("主席報告\n\n過去一年，委員會與漁塘業主合作，保育了一百二十公頃的魚塘。\n\n"
            "返回頁首\n濕地保育委員會 | 聯絡我們 | 私隱政策\n")
    assert scraped_document("report", text, Metadata(title=""))[0].metadata.organisation \
        == "濕地保育委員會"


def test_what_a_gallery_and_posts_and_videos_embedded_leave_goes():
    """A gallery's counter and buttons (`1 of 12`, `Next image`), a post embedded from a
    social network (`View this post on Instagram`, `A post shared by …`) and a video
    (`Video unavailable`, `Watch on YouTube`): none of it text (they had been headings and a
    paragraph), the gallery's caption and the text kept."""
    document, report = read_scraped(POSTS / "canal-trust-volunteers-embeds.txt",
                                    Metadata(title=""))
    assert [type(block).__name__ for block in document.blocks] == ["Paragraph"] * 4
    assert document.blocks[1].text == "Volunteers planting hedgerow at Lock 9."
    assert {drop["text"] for drop in report["dropped"]} >= {
        "1 of 12", "Next image", "View this post on Instagram", "Video unavailable",
        "Watch on YouTube", "A post shared by Greenway Canal Trust (@greenwaycanal)"}


def test_a_menu_row_parted_by_spaces_over_the_title_goes():
    """The site's menu copied as a row of links parted by runs of spaces (`Visit   Collections
    Learn   Support Us   Shop`), under its breadcrumb and over the page's title: links, gone
    (the row had titled the page, the title made its subtitle). A table's header row, its
    cells words too, stays where no debris stands beside it."""
    document, report = read_scraped(POSTS / "museum-catalogue-entry.txt", Metadata(title=""))
    assert document.metadata.title.startswith("Threads of Empire")
    assert "Visit\tCollections\tLearn\tSupport Us\tShop" in {
        drop["text"] for drop in report["dropped"]}
    kept, _ = kept_and_dropped(f"{BODY}\n\nMeasure\tTarget\tTrend\nLeakage\t95\tImproving\n"
                               f"Repairs\t5\tSteady\n\n{MORE}")
    assert "Measure\tTarget\tTrend" in kept


def test_figures_alone_among_the_text_stay():
    """Key figures over their words, a figure alone between paragraphs: the text's."""
    kept, dropped = kept_and_dropped(f"{BODY}\n\n1,482\nhomes let\n\n96\n\n{MORE}")
    assert kept == [BODY, "1,482", "homes let", "96", MORE] and not dropped


def test_link_words_heading_a_section_stay():
    text = f"{BODY}\n\nContact us\n\nWrite to the Council at 1 Harbour Road.\n\nAccessibility\n\n{MORE}"
    kept, dropped = kept_and_dropped(text)
    assert "Contact us" in kept and "Accessibility" in kept and not dropped


ZH_BODY = "本年度，海港信託共管理四十個泊位，訪客人數創下新高。"
ZH_MORE = "我們衷心感謝每一位會員及捐款人在艱難的冬季給予支持。"


@pytest.mark.parametrize(("lead_in", "under", "body", "more"), [
    ("For bookings, please call", "Ruth Ellery, Warden\nTel: 01632 447 310", BODY, MORE),
    ("Opening hours:", "Monday to Friday\n9 am to 5 pm", BODY, MORE),
    ("如欲參觀，請聯絡", "陳志明先生\n電話：2890 1234", ZH_BODY, ZH_MORE),
    ("開放時間：", "星期一至五\n上午九時至下午五時", ZH_BODY, ZH_MORE),
])  # fmt: skip
def test_a_lead_in_written_over_each_sections_lines_stays_each_time(lead_in, under, body, more):
    section = f"{lead_in}\n\n{under}"
    text = "\n\n".join([body, section, more, section, body, section, more])
    kept, dropped = kept_and_dropped(text)
    assert kept.count(lead_in) == 3 and not dropped


@pytest.mark.parametrize(("heading", "contacts", "body", "more"), [
    ("Enquiries", [["Sarah Bennett", "Tel: 01632 960 112", "Email: grants@riverside.example.org"],
                   ["Tom Okafor", "Tel: 01632 960 348", "Email: capital@riverside.example.org"],
                   ["Priya Lal", "Tel: 01632 960 571", "Email: events@riverside.example.org"]],
     BODY, MORE),
    ("Bookings", [["The Warden", "01632 447 310"], ["The Lock Keeper", "01632 447 322"],
                  ["The Boathouse", "hire@boathouse.example.org"]], BODY, MORE),
    ("查詢", [["陳小姐", "電話：2345 6789", "電郵：chan@example.org.hk"],
              ["李先生", "電話：2345 6790", "電郵：lee@example.org.hk"],
              ["黃小姐", "電話：2345 6791", "電郵：wong@example.org.hk"]], ZH_BODY, ZH_MORE),
])  # fmt: skip
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_heading_over_each_sections_contact_lines_stays_each_time(
        heading, contacts, body, more, gap):
    """A plain heading written over the contact lines of each section (a name, a telephone
    number, an e-mail address), under the section's text or a blank line under it: the
    text's each time; it had gone as repeated page furniture."""
    sections = [gap.join([text, "\n".join([heading, *lines])])
                for text, lines in zip([body, more, body], contacts, strict=True)]
    kept, dropped = kept_and_dropped("\n\n".join(sections))
    assert kept.count(heading) == 3 and not dropped


@pytest.mark.parametrize(("heading", "sections", "contacts"), [
    ("Enquiries", [("Moorings", BODY), ("Slipway repairs", MORE), ("Sailing school", BODY)],
     [["Sarah Bennett", "Tel: 01632 960 112", "Email: grants@riverside.example.org"],
      ["Tom Okafor", "Fax: 01632 960 348", "Website: www.riverside.example.org"],
      ["Priya Lal", "Tel: 01632 960 571", "Address: 4 Quay Lane, Kingsmead"]]),
    ("查詢", [("泊位", ZH_BODY), ("船排維修", ZH_MORE), ("帆船學校", ZH_BODY)],
     [["陳小姐", "電話：2345 6789", "電郵：chan@example.org.hk"],
      ["李先生", "傳真：2345 6790", "地址：九龍觀塘協和街123號地下"],
      ["黃小姐", "電話：2345 6791", "電郵：wong@example.org.hk"]]),
])  # fmt: skip
def test_a_heading_over_each_sections_contact_lines_stays_with_no_blank_line_anywhere(
        heading, sections, contacts):
    """A text with no blank lines at all, as a browser's copy writes one: each section's
    heading, its text, then a contact heading over a name and contact lines, the next
    section's heading right under them. The contact heading is the text's each time; its
    contact lines had been taken to run on to the next section's text, a sentence, and it
    had gone as repeated page furniture."""
    text = "\n".join(line for (title, body), lines in zip(sections, contacts, strict=True)
                     for line in [title, body, heading, *lines])
    kept, dropped = kept_and_dropped(text)
    assert kept.count(heading) == 3 and not dropped


@pytest.mark.parametrize(("heading", "details", "body", "more"), [
    ("Contact us", ["Harbour Trust", "The Boat House, Quay Lane", "Portsmouth PO1 2AB"],
     BODY, MORE),
    ("Get in touch", ["Harbour Trust, Quay House, Dock Road", "Tel: 023 9200 1234",
                      "info@harbourtrust.example.org"], BODY, MORE),
    ("Contact", ["Kestrel Vale Orchard", "01632 960 218"], BODY, MORE),
    ("聯絡我們", ["海港信託", "地址：香港九龍觀塘協和街123號", "電話：2345 6789"], ZH_BODY, ZH_MORE),
], ids=["address", "telephone", "unlabelled", "chinese"])
def test_contact_words_over_contact_lines_head_them(heading, details, body, more):
    """A menu's link words over an address, a telephone number or an e-mail address head
    them, at the text's end or between its paragraphs (they had gone as a link, the address
    left with no heading); alone among a menu's links, nothing under them, they still go."""
    lines = "\n".join(details)
    for text in (f"{body}\n\n{more}\n\n{heading}\n\n{lines}",
                 f"{body}\n\n{heading}\n{lines}\n\n{more}"):
        document, _ = scraped_document("review", text, Metadata(title="Our year"))
        at = next(index for index, block in enumerate(document.blocks)
                  if isinstance(block, Heading))
        heading_block, address = document.blocks[at:at + 2]
        assert heading_block.text == heading
        assert isinstance(address, LineBlock) and address.texts == details
    kept, dropped = kept_and_dropped(f"{body}\n\n{more}\n\nHome\nNews\n{heading}\nDonate")
    assert kept == [body, more] and heading in dropped
    kept, dropped = kept_and_dropped(f"{body}\n\n{more}\n\n{heading}")
    assert kept == [body, more] and heading in dropped


@pytest.mark.parametrize(("menu", "strip", "title", "body"), [
    (["Home", "About us", "Our homes", "Contact us"],
     "Tel: 01632 960 321 | Email: office@ashcombe.example.org.uk",
     "Clerk's report 2024", BODY),
    (["Home", "What we do", "Volunteer", "Get in touch"],
     "Telephone 0117 496 0123 | hello@kestrelvale.example.org",
     "Kestrel Vale Orchard: Chair's review", MORE),
    (["首頁", "關於我們", "服務", "聯絡我們"], "電話：2345 6789 | 電郵：info@harbour.example.org.hk",
     "海港信託年報2024", ZH_BODY),
], ids=["english", "other-words", "chinese"])
def test_a_menu_ending_in_contact_words_over_the_site_s_contact_strip_goes(menu, strip, title,
                                                                          body):
    """A menu's last link of contact words right over the page's contact strip is the menu's,
    no heading (a heading stands after a blank line): the menu and the strip go, and the
    page's headline is the title (the menu had stayed, its first link the title)."""
    text = "\n".join(["Skip to main content", *menu, strip]) + f"\n\n{title}\n\n{body}"
    document, _ = scraped_document("page", text, Metadata(title=""))
    assert document.metadata.title.replace("\u2019", "'") == title
    assert [block.text for block in document.blocks] == [body]


@pytest.mark.parametrize("footer", [
    "Was this page helpful?\nYes No\nRelated articles\nMuseum reopens\nTags: museum, news",
    "Previous article | Next article",
    "此網頁對你有用嗎？\n有 沒有\n標籤：博物館",
    "上一篇 | 下一篇",
    # Each with the title of the article it links to; the editors credited; the site's
    # address and its registration.
    "Previous article: Museum reopens after repairs\nNext article: A new director for the archive",
    "« Previous post: Our volunteers' summer",
    "上一篇：我校举行2025年教师节表彰大会\n下一篇：我校在全国大学生数学建模竞赛中再创佳绩",
    "责任编辑：贺晓岚\t审核：陆思远",
    "（責任編輯：陳美玲）",
    "地址：湖北省武汉市洪山区珞喻东路1088号\t邮编：430074\t鄂ICP备05003529号-1",
    "京公网安备 11010502030143号",
])
def test_a_news_pages_footer_goes(footer):
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{MORE}\n\n{footer}")
    assert kept == [BODY, MORE]
    assert len(dropped) == len(footer.split("\n"))


def test_running_text_naming_a_date_or_a_download_stays():
    sentences = ["Published in 2024, the survey found the harbour cleaner than in 1990.",
                 "Download the full report from the Council's office, free of charge."]
    kept, dropped = kept_and_dropped("\n\n".join([BODY, *sentences, MORE]))
    assert not dropped and len(kept) == 4
    # "Home" opening a line of running text with slashes in it is no breadcrumb.
    line = "Home / office working rose to 40 per cent of staff this year."
    assert kept_and_dropped(f"{BODY}\n\n{line}")[1] == {}


def test_a_menu_word_above_the_text_goes():
    kept, dropped = kept_and_dropped(f"Menu\nSearch\nHome > News\n\nThe Title\n\n{BODY}")
    assert kept == ["The Title", BODY]
    assert dropped == {"Menu": "link", "Search": "link", "Home > News": "breadcrumb"}


def test_a_blogs_menu_over_its_dated_title_goes_and_who_posted_it():
    """A blog's menu a link a line, its site's name among them, between its search box and
    the post's title, which the line saying when (and by whom) it was posted stands under;
    the post's categories under it."""
    text = ("Menu\nSearch for:\nThe Riverside Weavers\u2019 Guild\nNews\nEvents\n"
            "Annual letter\nPosted on 14 March 2025 by guildadmin\n"
            f"Categories: Annual reports, News\n\n{BODY}\n\n{MORE}")
    kept, dropped = kept_and_dropped(text)
    dropped = {text.replace("\u00a0", " "): why for text, why in dropped.items()}  # house style
    assert kept == ["Annual letter", BODY, MORE]
    assert dropped["Posted on 14 March 2025 by guildadmin"] == "dateline"
    assert dropped["Categories: Annual reports, News"] == "page footer"
    assert [text for text, why in dropped.items() if why == "navigation over the title"] == [
        "The Riverside Weavers\u2019 Guild", "News", "Events"]


@pytest.mark.parametrize(("line", "author", "body"), [
    ("Posted by Editorial Team | 4 min read", "Editorial Team", BODY),
    ("Written by Tomas Reyes \u00b7 7 minutes read", "Tomas Reyes", BODY),
    ("發布：編輯部 | 閱讀時間 4 分鐘", "編輯部", "本會全年舉辦十一次會議，並就海港狀況發表兩份報告。"),
    ("发布：宣传部 | 阅读时间：约6分钟", "宣传部", "本会全年举办十一次会议，并就海港状况发表两份报告。"),
])
def test_an_undated_posted_by_line_with_its_reading_time_is_the_byline(line, author, body):
    """A post's line naming who posted it and how long it takes to read, with no date: its
    byline, whoever it names (a team as well as a person), not a line of the text."""
    document, report = scraped_document("post", f"Annual letter\n{line}\n\n{body}\n",
                                        Metadata(title=""))
    assert document.metadata.author == author
    assert line.replace(" ", "") in {drop["text"].replace("\u00a0", "").replace(" ", "")
                                     for drop in report["dropped"]}
    assert [plain(block.spans) for block in document.blocks] == [body]


def test_a_sites_name_and_menu_among_its_links_over_the_dated_title_go():
    """The site's name over "Home", its menu a link a line, then more of its links
    ("Contact", the search box's "Search for:") over the post's dated title: the page's
    head, none of it headings."""
    text = ("Skip to content\nNorthgate Community Larder\nHome\nAbout Us\nGet Help\nDonate\n"
            "Contact\nSearch for:\n\nOur Year in Review\n\nPosted on 12 March 2024 by admin"
            f"\n\n{BODY}\n\n{MORE}")
    kept, dropped = kept_and_dropped(text)
    assert kept == ["Our Year in Review", BODY, MORE]
    assert [text for text, why in dropped.items() if why == "navigation over the title"] == [
        "Northgate Community Larder", "About Us", "Get Help"]
    assert dropped["Donate"] == "link"  # a call to act, as the site's links are


def test_a_row_of_related_links_under_its_heading_after_the_signature_is_the_footer():
    text = ("滨江市生态环境局2024年工作总结\n\n2024年，全市生态环境质量持续改善。\n\n"
            "2025年，我局将重点推进“无废城市”建设。\n\n滨江市生态环境局\n2025年1月15日\n"
            "相关链接：\n滨江市人民政府    生态环境部    江苏省生态环境厅\n")
    document, report = scraped_document("summary", text, Metadata(title="", language="zh-Hans"))
    assert [type(block).__name__ for block in document.blocks][-1] == "SignOff"
    assert {drop["text"] for drop in report["dropped"]} >= {"相关链接："}


@pytest.mark.parametrize("date", ["Mar 14, 2025", "14 March 2025", "Sept 3, 2024"])
def test_a_date_alone_over_the_text_dates_it_and_goes(date):
    """A post's date under its title and author, over its text: the text's date, not a
    line of it, listed as the date and counted as no debris; the author's name over it, the
    post's author (it had been a heading)."""
    document, report = scraped_document("post", f"Where the money went\nEleanor Marsh\n{date}"
                                        f"\n\n{BODY}\n\n{MORE}", Metadata(title=""))
    assert document.metadata.date == profile_for("en-GB").date_in(date)
    assert document.metadata.author == "Eleanor Marsh"
    assert [drop["reason"] for drop in report["dropped"]] == [
        "web page debris: the post's author, over its date",
        "the text's date, which the metadata keeps where it gives none"]
    assert report["web_page_debris"] == 1
    assert date not in " ".join(block.text for block in document.blocks)


@pytest.mark.parametrize(("text", "date"), [
    ("校長在畢業典禮上的致辭\n2025年11月20日\n\n各位畢業同學：\n\n今天是一個值得慶祝的日子。"
     "\n\n希望大家記住三件事。", "2025-11-20"),
    ("Vice-Chancellor's address to graduates\n20 November 2025\n\nGraduates, families, "
     "friends:\n\nToday is a day to celebrate.\n\nI hope you will remember three things.",
     "2025-11-20"),
])
def test_a_speechs_date_under_its_title_is_its_date_not_a_pages_debris(text, date):
    """A transcript's date alone under its title dates it: the dedupe report lists the line
    as the text's date, and no line as a web page's debris (the console had said one)."""
    document, report = scraped_document("speech", text, Metadata(title=""))
    assert document.metadata.date == date
    assert [drop["reason"] for drop in report["dropped"]] == [
        "the text's date, which the metadata keeps where it gives none"]
    assert report["web_page_debris"] == 0


@pytest.mark.parametrize("comments", [
    "3 thoughts on \u201cAnnual letter\u201d\nMargaret Hale says:\n15 March 2025 at 9:12 am\n"
    "Wonderful news about the studio. Congratulations to everyone.\nReply\nLeave a Reply\n"
    "Your email address will not be published. Required fields are marked *\nPost Comment",
    "Leave a comment\nComments are welcome. Please keep them to the subject of the post.",
    "發表評論\n陳小姐：\n恭喜各位，展覽非常精彩，期待明年再來參觀。\n回覆",
])  # fmt: skip
def test_readers_comments_under_the_text_go_to_the_end(comments):
    """From the line heading the readers' comments to the end, whatever they say: the
    commenters' sentences are no part of the text; a share row, a network a line, before
    them goes with them."""
    text = f"{BODY}\n\n{MORE}\n\nShare this:\nTwitter\nFacebook\nLike this:\n{comments}"
    kept, dropped = kept_and_dropped(text)
    assert kept == [BODY, MORE]
    assert "readers' comments" in dropped.values()


@pytest.mark.parametrize("contents", [
    "Contents\nForeword . . . . . . iv\nChair\u2019s statement ........ 3\nAccounts ........ 12",
    "目錄\n主席報告……………… 3\n總裁回顧…………………5",
    "Chair\u2019s statement ........ 3\nAccounts ........ 12",  # no line naming it
])  # fmt: skip
def test_the_sources_contents_list_with_its_pages_goes(contents):
    """A contents list copied with the text, each entry's page after a leader of dots: its
    pages are the source's, not the editions'."""
    kept, dropped = kept_and_dropped(f"The Title\n\n{contents}\n\n{BODY}\n\n{MORE}")
    assert kept == ["The Title", BODY, MORE]
    assert set(dropped.values()) == {"contents list, its page numbers the source's"}


def test_one_line_ending_in_dots_and_a_figure_stays():
    line = "The fund grew from 3 to ... 12"
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{line}\n\n{MORE}")
    assert len(kept) == 3 and not dropped


@pytest.mark.parametrize(("row", "date"), [
    ("来源：市水务局 | 发布时间：2025-03-14 10:30 | 字号：大 中 小 | 打印本页", "2025-03-14"),
    ("Source: Water Bureau | Published: 14 March 2025 | Print this page", "2025-03-14"),
])  # fmt: skip
def test_a_row_of_links_giving_the_publishing_date_dates_the_text(row, date):
    """A page's row of its source, its publishing date (in figures too, as a Chinese page
    writes one) and its tools: a dateline, whose date is the text's."""
    document, report = scraped_document("page", f"The Title\n{row}\n\n{BODY}\n\n{MORE}",
                                        Metadata(title=""))
    assert document.metadata.date == date
    assert [drop["reason"] for drop in report["dropped"]] == ["web page debris: dateline"]


@pytest.mark.parametrize("heading", ["Two responses to the consultation", "評論",
                                     "No comments were received on the draft."])
def test_a_heading_or_sentence_about_responses_opens_no_comments(heading):
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{heading}\n\n{MORE}")
    assert kept == [BODY, heading, MORE] and not dropped


def test_lines_keep_their_numbers_and_the_report_lists_each_line():
    text = f"Skip to content\nEnglish | 中文\n\nThe Title\n\n{BODY}\n\nBack to top"
    document, report = scraped_document("page", text, Metadata(title=""))
    assert document.metadata.title == "The Title"
    assert report["web_page_debris"] == 3
    assert [(drop["lines"], drop["reason"]) for drop in report["dropped"]] == [
        ([1], "web page debris: skip link"), ([2], "web page debris: language switcher"),
        ([8], "web page debris: back-to-top link")]
    assert all("kept" not in drop for drop in report["dropped"])


def test_the_title_and_byline_stand_after_the_debris():
    text = ("Skip to main content\nHome > About us > Chair's statement\nPrint this page\n\n"
            "Chair's Statement\n\nBy Ann LEE Wai-man, JP, Chair\n\n"
            f"{BODY}\n\nA year of change\n\n{MORE}")
    document, _ = scraped_document("page", text, Metadata(title=""))
    assert document.metadata.title == "Chair\u2019s Statement"
    assert (document.byline.name, document.byline.role) == ("Ann LEE\u00a0Wai-man", "Chair")
    assert document.blocks[1] == Heading("A year of change")
    assert isinstance(document.blocks[0], Paragraph) and plain(document.blocks[0].spans) == BODY


def test_a_page_of_debris_only_says_so():
    with pytest.raises(PipelineError) as raised:
        scraped_document("page", "Skip to main content\nEnglish | 繁體\n\nBack to top\n\n"
                         "© 2024 Harbour Council", Metadata(title=""))
    assert raised.value.problem == NOTHING_LEFT


@pytest.mark.slow
def test_a_page_of_debris_stops_that_document_alone(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    (folder / "source" / "menu-only.txt").write_text(
        "Skip to main content\nHome > About us\nEnglish | 繁體 | 简体\n\nBack to top\n\n"
        "Last revision date: 15 July 2024\nPrivacy Policy | Sitemap\n", encoding="utf-8")
    result = doit(folder, "model")
    errors = [line for line in result.stdout.splitlines() if line.startswith("error:")]
    assert errors == [f"error: source/menu-only.txt: {NOTHING_LEFT}"]
    assert "Traceback" not in result.stdout + result.stderr
    assert (folder / "output" / "director-review-2024" / "director-review-2024.json").exists()
    assert result.returncode != 0


@pytest.mark.parametrize("rule", ["-----", "__________", "==========", "------------",
                                  "**********", "＊＊＊＊＊＊＊＊", "* * * * *"])
def test_a_rule_drawn_in_the_text_goes_and_is_listed(rule):
    text = f"Annual Note\n\n{BODY}\n\n{rule}\n\n{MORE}\n"
    document, report = scraped_document("note", text, Metadata(title=""))
    assert [block.text for block in document.blocks] == [BODY, MORE]
    assert [drop["reason"] for drop in report["dropped"]] == [
        "web page debris: rule drawn in the text"]
    assert report["dropped"][0]["text"] == rule  # as drawn: four hyphens or more are no dash


def test_three_asterisks_part_the_text_and_stay():
    """`* * *` parts a text's sections (a dinkus): the author's, not a rule the page drew."""
    document, report = scraped_document("note", f"Annual Note\n\n{BODY}\n\n* * *\n\n{MORE}\n",
                                        Metadata(title=""))
    assert [block.text for block in document.blocks] == [BODY, "* * *", MORE]
    assert report["dropped"] == []


@pytest.mark.parametrize("line", [
    "Next year we will publish a short follow-up on each establishment.",
    "上一篇文章談到的計劃，今年已經完成。",
    "编辑部全体同事在这一年里付出了很多努力。",
])
def test_running_text_about_the_next_article_or_the_editors_stays(line):
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{line}\n\n{MORE}")
    assert line in kept and not dropped


def test_who_a_blogs_dateline_says_posted_it_is_its_author_a_user_name_none():
    from pipeline.model import Metadata
    from pipeline.readers.scraped import scraped_document

    for posted, author in (("Posted on 3 March 2025 by Helen Okafor", "Helen Okafor"),
                           ("Posted on 3 March 2025 by guildadmin", "")):
        document, _ = scraped_document(
            "post", f"A year of muddy boots\n\n{posted}\n\n{BODY}\n\n{MORE}", Metadata(title=""))
        assert (document.metadata.author, document.metadata.date) == (author, "2025-03-03")


@pytest.mark.parametrize(("posted", "author", "date"), [
    ("Posted by Marion Achebe, Chief Executive \u00b7 12 June 2025", "Marion Achebe",
     "2025-06-12"),
    ("Posted by Marion Achebe \u2013 12 June 2025, 10:30 am", "Marion Achebe", "2025-06-12"),
    ("Written by Sam Hale on 3 May 2025", "Sam Hale", "2025-05-03"),
    ("Published by the Board on 4 June 2025", "", "2025-06-04"),
    # How long the post takes to read, after it (it had been the subtitle).
    ("Posted 14 January 2025 by Tom Reilly \u00b7 4 min read", "Tom Reilly", "2025-01-14"),
    ("Posted on 3 March 2025 by Helen Okafor | 6 minutes read", "Helen Okafor", "2025-03-03"),
])
def test_a_dateline_naming_its_poster_first_is_a_dateline(posted, author, date):
    """Who posted the page (and their role) before the date: the line had been the text's
    first heading; it gives the text its author, where it names a person, and its date."""
    from pipeline.model import Metadata
    from pipeline.readers.scraped import scraped_document

    document, report = scraped_document(
        "post", f"Chief Executive\u2019s review\n{posted}\n\n{BODY}\n\n{MORE}",
        Metadata(title=""))
    assert [block.text for block in document.blocks] == [BODY, MORE]
    assert (document.metadata.author, document.metadata.date) == (author, date)
    assert [drop["text"].replace("\u00a0", " ") for drop in report["dropped"]] == [posted]


@pytest.mark.parametrize(("posted", "byline"), [
    ("Posted by Owen Farrant, Director of Education and Skills \u00b7 14 March 2025 \u00b7 "
     "7 min read", Byline("Owen Farrant", role="Director of Education and Skills")),
    ("Posted by Owen Farrant, Head of Parks | 14 March 2025 | 7 min read",
     Byline("Owen Farrant", role="Head of Parks")),
    ("Posted by Owen Farrant, Vice-Chair \u2022 14 March 2025 \u2022 7 min read",
     Byline("Owen Farrant", role="Vice-Chair")),
    ("Posted by Owen Farrant, Head of Parks \u2013 14 March 2025 \u2013 7 min read",
     Byline("Owen Farrant", role="Head of Parks")),
    ("Written by Owen Farrant, Head of Parks on 14 March 2025", Byline("Owen Farrant",
                                                                       role="Head of Parks")),
    # No role: the name alone, the date after its comma no role.
    ("Posted by Owen Farrant \u00b7 14 March 2025 \u00b7 7 min read", Byline("Owen Farrant")),
    ("Posted by Owen Farrant, 14 March 2025", Byline("Owen Farrant")),
])
def test_a_datelines_poster_and_their_role_are_the_byline(posted, byline):
    """A blog's dateline of parts (the poster's name and role, the date, the reading time)
    parted by middle dots, bars, bullets or dashes: the name and the role are the byline
    (the role had been lost, the byline the name alone), the name the author, the date the
    text's, and the line goes as debris."""
    document, report = scraped_document(
        "post", f"Planting the river path\n\n{posted}\n\n{BODY}\n\n{MORE}", Metadata(title=""))
    assert document.byline == byline
    assert (document.metadata.author, document.metadata.date) == ("Owen Farrant", "2025-03-14")
    assert [block.text for block in document.blocks] == [BODY, MORE]
    assert len(report["dropped"]) == 1


def test_the_line_a_dateline_stands_under_is_the_title_s_subtitle():
    """The page's head ends over its dateline: the line between the title and the dateline
    is the subtitle (it had been a heading over the first paragraph, once the dateline went)."""
    from pipeline.model import Metadata
    from pipeline.readers.scraped import scraped_document

    text = ("Chief Executive\u2019s review\nAnnual review 2024/25\nPosted by Marion Achebe, "
            f"Chief Executive \u00b7 12 June 2025\n\n{BODY}\n\n{MORE}")
    document, _ = scraped_document("post", text, Metadata(title=""))
    assert (document.metadata.title, document.metadata.subtitle) == (
        "Chief Executive\u2019s review", "Annual review 2024/25")
    assert [block.text for block in document.blocks] == [BODY, MORE]


def test_a_dateline_over_the_title_naming_a_doctor_is_the_authors_not_the_title():
    """Its title bound to the name by a no-break space ("Dr Alasdair"), the line is still a
    dateline: it had been the title, the page's own title a heading."""
    from pipeline.model import Metadata
    from pipeline.readers.scraped import scraped_document

    text = (f"Home › News › Foreword\nPosted on 2 April 2025 by Dr Alasdair Whitcombe\n"
            f"A Foreword from our President\n\n{BODY}\n\n{MORE}")
    document, _ = scraped_document("post", text, Metadata(title=""))
    assert document.metadata.title == "A Foreword from our President"
    assert (document.metadata.author, document.metadata.date) == (
        "Dr Alasdair Whitcombe", "2025-04-02")


def test_a_posts_hashtags_open_its_footer_and_a_line_pointing_to_an_address_signs_nothing():
    """A post's line of hashtags after its text (`#charity #community …`) goes, and what the
    platform shows under it (`…see more`, its reactions and counts, `Like`, `Comment`); a
    last line pointing to the report's address is the text's, not a sign-off (no name)."""
    text = ("When we started the trust in a borrowed church hall, we had six volunteers and "
            "a van that did not always start.\n\nThis year we served more hot meals than "
            "ever, and we did it with twice as many volunteers.\n\n"
            "Read the full report at www.greenlanetrust.org.uk/impact-2023-24\n\n"
            "#charity #community #impact #volunteering\n…see more\n187\n"
            "23 comments • 14 reposts\nLike\nComment\nRepost\nSend\n")
    document, report = scraped_document("post", text, Metadata(title="Post"))
    assert [type(block).__name__ for block in document.blocks] == ["Paragraph"] * 3
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["#charity #community #impact #volunteering"] == (
        "web page debris: a post's hashtags")
    assert "23\u00a0comments • 14\u00a0reposts" in reasons


@pytest.mark.parametrize("line", ["\u2022 1st", "2nd", "\u2022 3rd+", "2d \u2022 Edited \u2022",
                                  "1w \u2022", "3mo"])
def test_a_professional_networks_post_marks_go(line):
    """What a professional network prints over a post: how near its author is to the reader
    (`• 1st`) and how old the post is (`2d • Edited •`)."""
    text = (f"Priya Sharma\n{line}\n\n{BODY}\n\n{MORE}\n")
    _, report = scraped_document("post", text, Metadata(title="Post"))
    assert line in {drop["text"] for drop in report["dropped"]}


def test_a_facebook_posts_head_is_its_pages_and_its_figures_are_lines():
    """A club's post copied from Facebook: `Facebook`, `Log In` and the post's stamp (`17
    September at 19:42 ·`) go, the club's name over the stamp is the organisation (it had been
    the title, the network's name before it), and its figures under `The numbers`, a label
    and its value a line, stay lines (each had been a heading)."""
    document, report = read_scraped(POSTS / "cricket-club-chair-facebook.txt", Metadata(title=""))
    assert document.metadata.title == "Chair\u2019s end-of-season report 2024 \U0001f3cf"
    assert document.metadata.organisation == "Ashcombe Vale Cricket Club"
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["17\u00a0September at 19:42 \u00b7"] == "web page debris: dateline"
    assert "Facebook" in reasons
    numbers = document.blocks[[getattr(block, "text", "") for block in document.blocks]
                              .index("The numbers") + 1]
    assert isinstance(numbers, LineBlock) and numbers.texts[1] == "Matches played, all teams: 94"


def test_a_wordpress_posts_share_row_related_posts_and_photo_go_or_stay_as_they_are():
    """A vice-chancellor's foreword on a WordPress site: its `[Photo: …]` over its caption
    is a figure, its share row a button a line, its related posts (title, date, `In "News"`)
    and its comment form go; the sign-off is the vice-chancellor's alone, and the university
    its copyright line names is the organisation."""
    document, report = read_scraped(Path(__file__).parent / "texts" / "web"
                                    / "vc-foreword-wordpress.txt", Metadata(title=""))
    assert document.blocks[-1].texts == ["Professor\u00a0Aileen Marchbank", "Vice-Chancellor"]
    assert isinstance(document.blocks[0], Figure)
    assert document.metadata.organisation == "Fenwold University"


def test_a_medium_posts_end_goes_from_its_tags_to_the_platforms_links():
    """A founder's post on Medium: under its last sentence, its topic tags, its readers'
    counts, `Written by …`, `214 Followers`, the author's blurb, `No responses yet`,
    `Respond` and the platform's links: none the text's (they had been headings, lines and a
    sign-off)."""
    document, report = read_scraped(POSTS / "larder-founder-medium.txt", Metadata(title=""))
    assert document.blocks[-1].text.startswith("Ruth Okonjo-Hale is the founder")
    # Its author, over `Follow` and its date, is its byline, which the opener prints.
    assert document.byline == Byline("Ruth Okonjo-Hale")
    said = " ".join(getattr(block, "text", "") for block in document.blocks)
    for gone in ("Food Poverty", "Followers", "Respond", "Writing about food"):
        assert gone not in said


def test_a_professional_networks_degree_after_its_authors_name_goes():
    """`Dr Catherine Mbeki-Rowe • 1st`: the byline is her name, the degree LinkedIn shows
    its reader the network's."""
    document, report = read_scraped(POSTS / "hospital-chair-linkedin-post.txt",
                                    Metadata(title=""))
    assert document.byline.name == "Dr\u00a0Catherine Mbeki-Rowe"
    assert "\u2022 1st" in {drop["text"] for drop in report["dropped"]}
    # "Feed post", the network's heading for a post, titles nothing: the post has no title.
    assert document.metadata.title == "Hospital chair linkedin post"
    assert "Feed post" in {drop["text"] for drop in report["dropped"]}


def test_a_menu_run_into_its_breadcrumb_trail_ends_there_the_title_and_byline_under_it_stay():
    """A site's menu copied a link a line, its breadcrumb trail, then the page's title and
    byline with no blank line between (an NHS trust's page; a university's): the menu ends
    at the trail, the title and byline are the page's, not its navigation."""
    text = ("Skip to main content\nWe use cookies to make this website work and to understand "
            "how you use it.\nAccept all cookies\nReject non-essential cookies\nCookie settings\n"
            "Eastmoor University\nHome\nStudy with us\nResearch\nWork for us\nAbout us\nContact\n"
            "Search\nHome > About us > Reports > Vice-Chancellor's foreword\n"
            "Vice-Chancellor's foreword\nProfessor Helen Adeyemi, Vice-Chancellor\n\n"
            "This has been a year of steady growth for the University, and I am grateful to "
            "every colleague who made it so.\n\nOur students\n\nWe welcomed 4,200 new students "
            "this autumn, the most in our history.\n")
    document, report = scraped_document("foreword", text, Metadata(title="", language="en-GB"))
    assert document.metadata.title == "Vice-Chancellor\u2019s foreword"
    assert document.byline is not None and document.byline.role == "Vice-Chancellor"
    assert {line["text"] for line in report["dropped"]} >= {"Study with us", "Research", "Search"}


def test_a_pages_footer_after_its_related_post_holds_its_address_and_telephone():
    """Under a sign-off, a blog's share row, a related post's title, `Back to top`, then the
    body's name, its address and a line of its telephone and address parted by a spaced bar
    (`01932 555 210  |  info@…`): the page's footer, all of it (the related post's title,
    the name and the address had been headings, the contact line a paragraph: a page of
    debris)."""
    text = "\n".join([
        "Our year at the riverside centre", "",
        "The centre welcomed 6,200 visitors this year, and our volunteers gave 11,000 hours.",
        "", "Thank you to everyone who helped.", "", "Priya Desai", "Centre Manager", "",
        "Share this:", "Facebook", "Email", "Related", "Summer trail opens to walkers",
        "Read more", "Back to top", "Eastbrook Riverside Centre",
        "Mill Lane, Eastbrook, Kent TN8 2QR", "01932 555 210  |  info@eastbrookriverside.org.uk",
        "Registered charity no. 1098765.", "Privacy policy  |  Cookie policy"])
    document, _ = scraped_document("page", text, Metadata(title=""))
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Paragraph", "SignOff"]


@pytest.mark.parametrize("row", [
    "Share Facebook X LinkedIn Email",
    "Share this page   Facebook   WhatsApp   Print",
    "分享 Facebook X WhatsApp 電郵",
    "分享 微信 微博 复制链接",
])
def test_a_share_row_its_word_opening_it_parted_by_spaces_goes_not_into_the_sign_off(row):
    """A page's share row copied on one line, its word over the networks with no colon or
    bar (`Share Facebook X LinkedIn Email`): the page's, not a signature under the text."""
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{MORE}\n\n{row}")
    assert kept == [BODY, MORE]
    assert list(dropped.values()) == ["print or share link"]


def test_a_line_sharing_words_of_the_text_after_share_stays():
    line = "Share your memories of the harbour with us"
    kept, _ = kept_and_dropped(f"{BODY}\n\n{line}\n\n{MORE}")
    assert line in kept


@pytest.mark.parametrize("row", ["[Print] [Share]", "[列印] [分享至 Facebook]", "[打印本页]"])
def test_a_row_of_page_tools_in_square_brackets_goes(row):
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{row}\n\n{MORE}")
    assert kept == [BODY, MORE]
    assert list(dropped.values()) == ["print or share link"]


@pytest.mark.parametrize(("row", "reason"), [
    ("打印本页 分享到： 微信 微博", "print or share link"),
    ("列印本頁 分享至：Facebook WhatsApp 電郵", "print or share link"),
    ("加入收藏 打印本页 关闭窗口", "print or share link"),
    ("【字號：大 中 小】 列印本頁 分享至 Facebook", "page tools"),
    ("分享到： 微信 朋友圈 新浪微博 QQ空间 豆瓣 知乎", "print or share link"),
])  # fmt: skip
def test_a_chinese_row_of_page_tools_its_share_link_naming_networks_goes(row, reason):
    """A page's tools on one line in Chinese, a space parting them, one of them a share link
    naming its networks after a colon (`打印本页 分享到： 微信 微博`): the page's, gone, however
    many words its tools hold (it had been kept, and titled the text)."""
    kept, dropped = kept_and_dropped(f"{row}\n\n{BODY}\n\n{MORE}")
    assert kept == [BODY, MORE]
    assert list(dropped.values()) == [reason]


@pytest.mark.parametrize("row", [
    "字號：大 中 小 列印本頁", "字號大中小列印本頁", "字号 大 中 小 打印本页",
    "字体：小 中 大 打印 关闭窗口", "字號：大 中 小 列印本頁 分享至 Facebook",
])
def test_a_chinese_type_size_run_into_the_page_s_other_tools_goes(row):
    """The type size's choice and the tools beside it (`字號：大 中 小 列印本頁`), which
    cleaning runs together, its last size a character alone (`字號：大中小列印本頁`): the
    page's, gone, in either writing (it had stayed as a line of the text)."""
    kept, dropped = kept_and_dropped(f"{BODY}\n\n{row}\n\n{MORE}")
    assert kept == [BODY, MORE]
    assert list(dropped.values()) == ["page tools"]


@pytest.mark.parametrize("line", [
    "如需列印本頁，請使用頁面右上角的字號：大中小列印本頁工具。",
    "字號大中小列印本頁說明",
    "列印本頁的字号大中小设定",
])
def test_chinese_words_about_the_type_size_and_printing_that_are_no_tools_stay(line):
    kept, _ = kept_and_dropped(f"{BODY}\n\n{line}\n\n本館的藏品在年內增加了三百件。")
    assert line in kept


@pytest.mark.parametrize("line", [
    "欢迎读者把文章分享到微信和微博。",
    "打印本页 分享到 微信 的做法并不可取",
    "收藏",
])
def test_chinese_words_about_sharing_that_are_no_tools_stay(line):
    """Running text that speaks of sharing, a row whose words go on past its tools, and a
    heading a tool's word could be (收藏, a museum's collection) over a sentence stay."""
    kept, _ = kept_and_dropped(f"{BODY}\n\n{line}\n\n本館的藏品在年內增加了三百件。")
    assert line in kept


def test_words_in_square_brackets_that_are_no_tools_stay():
    kept, _ = kept_and_dropped(f"{BODY}\n\n[Applause] [Laughter]\n\n{MORE}")
    assert "[Applause] [Laughter]" in kept


def test_a_professional_networks_bare_more_link_goes():
    """LinkedIn's link to the rest of an article is a bare `… more` ending the line the copy
    took it with (`… See more` elsewhere): the network's, not the writer's."""
    text = ("How our volunteers reshaped the tea round\n\n"
            f"{BODY}\n\nIf your trust has tried the same, do get in touch... more\n\n"
            "Like\nComment\nRepost\n")
    document, _ = scraped_document("post", text, Metadata(title="Post"))
    texts = [plain(block.spans) for block in document.blocks if isinstance(block, Paragraph)]
    assert texts[-1] == "If your trust has tried the same, do get in touch"


@pytest.mark.parametrize("heading", ["Learning", "Contact us", "Feedback"])
def test_link_words_heading_a_section_of_a_wrapped_text_stay(heading):
    """A section's heading in words a page's menu holds too, between two paragraphs of a
    text wrapped at its line ends (a chapter copied out of its PDF), no web furniture beside
    it and no sentence alone on the line under it: the text's heading (it had gone as a
    link, its section run into the one before); a menu's links over the text still go."""
    wrapped = ("Our volunteers catalogued the whole of the photographic archive this year,\n"
               "and found 212 prints that had never been recorded.\n"
               f"{heading}\n"
               "The education team welcomed 3,400 pupils from 41 schools to the\n"
               "workshops, twice as many as in the year before.\n")
    kept, dropped = kept_and_dropped(wrapped)
    assert heading in kept and not dropped
    kept, dropped = kept_and_dropped(f"Articles\nPeople\nJobs\n\n{wrapped}")
    assert heading in kept and dropped == {"Articles": "link", "People": "link", "Jobs": "link"}
    document, _ = scraped_document("chapter", wrapped, Metadata(title="Our year"))
    assert [block.text for block in document.blocks if isinstance(block, Heading)] == [heading]
