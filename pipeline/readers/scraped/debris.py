"""Web-page and e-mail debris: what a page's furniture or a mail's header and footer leave in
the text copied out of it, removed as a copy-editor removes it, each line with its reason.

A line is debris by what it is and by its shape:
- a skip link, a print, share or e-mail link, a "back to top" link, a language switcher,
  a breadcrumb (`Home > About us > …`), a row of short links parted by `|`, `>`, `›`, `»`,
  a page footer's revision date, copyright or links, as each language's profile says them
  (Profile.furniture: English, Chinese);
- a short line written again and again between sections, after the text and before no
  sentence: furniture whatever its words ("Return to top", "回到頁首");
- a rule drawn in the text with five or more dashes, underscores or equals signs: the
  source's formatting, as a page's <hr> is;
- a page's list of its own sections under its words for one ("On this page", "本頁內容"),
  each entry naming a line further down, the heading it links to; the source's own contents
  list, each entry's page after a leader of dots ("Accounts ........ 12");
and by its place:
- the page's footer: from its first line after the last sentence of the text to the end,
  whatever stands there ("Brand Hong Kong" under the copyright line);
- the readers' comments under a post, from the line heading them ("3 thoughts on …") to
  the end;
- the site's navigation a link a line between a link of its ("Home") and the page's title,
  which its dateline stands under;
- a cookie notice above the text or below it, or followed by its button ("Accept"), with
  the lines of its banner that speak of cookies too, and its buttons;
- a word that could head a section ("Contact us", "Accessibility", "Search") only where no
  sentence follows it, and it stands between no paragraphs of a text wrapped at its line
  ends.
An e-mail's debris, as each language's profile says it too:
- its header: adjacent lines `Field: value`, two fields at least, its sender or its subject
  among them ("From:", "Sent:", "To:", "Subject:"; "寄件者：", "主旨："), with the rule Outlook
  draws above it; the subject, its "RE:" and "FW:" taken off, is kept for a title;
- the line over a mail quoted or forwarded ("-----Original Message-----"), a reply's line
  over the mail it quotes ("On …, Name <address> wrote:", holding an address or a time),
  and that mail when each of its lines to the end is quoted with ">", or when a reply's own
  text over the line holds more than the mail under it;
- its footer, from its first line after the text's last sentence to the end: "Sent from my
  iPhone", a plea to think before printing, a notice that the mail itself is confidential.
- in a text copied with a mail's header (or the line over a mail quoted), the line greeting
  its readers over its first sentence ("Hi all,", "Dear colleagues,", "各位同事："), and its
  signature's contact details after the last ("T: +852 2345 6789", an address); the sign-off,
  its closing, name and role, stays.
A press release's, as each language's profile says it too:
- the line over its headline ("PRESS RELEASE -- FOR IMMEDIATE RELEASE", "新聞稿"), above the
  text's first sentence, so that the headline is the title;
- the mark under its text ("- ENDS -", "###", "（完）"); its notes to editors stay.
A sentence of running text is never debris, whatever it mentions.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.addresses import ADDRESS
from pipeline.languages import (
    CLOSING_WISH,
    CONTACT_HEADING,
    LETTER,
    MAIL_GREETING,
    MEDIA_CONTACT,
    NBSP,
    NEWS_DATELINE,
    NOTES_HEADING,
    PHOTO_CREDIT,
    POSTSCRIPT,
    PROFILES,
    PUBLISHER_LINE,
    SENTENCE_CLOSERS,
    STAGE_DIRECTION,
    VALEDICTION,
    alternatives,
    columns,
    detect,
    ends_sentence,
    is_lead_in,
    language_halves,
    word_count,
)
from pipeline.languages.profile import LazyPattern
from pipeline.readers.cleaning import CELL, DOCUMENT_LANGUAGE, PHOTO_MARKER
from pipeline.readers.debris_kinds import MAIL, PRINTED_PAGE, RELEASE_DEBRIS, SOURCES, WEB_PAGE
from pipeline.readers.front_matter import byline_line
from pipeline.readers.scraped.breaks import QUOTE_MARK, QUOTE_MARKS, closes_sentence, wrapped_at
from pipeline.readers.scraped.dedupe import PAGE_SEAM, Drop, likeness_key
from pipeline.readers.scraped.lists import marked
from pipeline.readers.scraped.pages import FOLIO, RUNNING_HEAD, page_furniture, seams_closed

# The patterns below are compiled on first use (LazyPattern): a text holds a few kinds of
# debris (a page's, or a mail's, or a release's), and a pattern of every language's words
# takes milliseconds to compile.
MAIL_HEADER, MAIL_FOOTER = "e-mail header", "e-mail footer"
# Where the copy left a picture's place in words ("[Image: The first team celebrate …]"): on
# its own, in the text; after its last sentence, it opens the footer (a signature's logo).
PICTURE_PLACE = "picture's place"
MAIL_WARNING = "warning over a mail from outside"
SALUTATION, CONTACT_DETAILS = "salutation", "signature contact details"
SIGNATURE = "signature, its signatory signed off above"
SENDERS_SIGNATURE = "signature of the mail's sender, under the text's sign-off"
FORWARDING_NOTE = "forwarding note"
QUOTED_MAIL = "quoted mail"
COVERING_NOTE = "covering note, over the text titled as the mail's subject"
SENDERS_CLOSING = "the covering note's closing, under the text's sign-off"
# Columns of a title read as the subject's (a Chinese character takes two): no word alone.
MIN_TITLE_KEY = 8
MIN_SUBJECT_WORDS = 3  # of a title the subject names in other words
DRAWN_RULE = "rule drawn in the text"
SIGNATURE_LINES = 3  # a signature's name, role and organisation over its contact details
SIGNATURE_PARTS = LazyPattern(r" *[|,，/] *")
# A mail signature's delimiter, "-- " (RFC 3676), as cleaning leaves it: a dash alone.
SIGNATURE_DELIMITER = LazyPattern("--|[-\u2013\u2014]|\u2014\u2014")
MAX_SIGNATURE_LINES = 6
MAX_CLOSING_LINES = 3  # a mail's closing, the sender's name, perhaps their role
MAX_SIGNER_LINES = 3  # under a text's closing: a name, a role, an organisation
MAX_CLOSING_WORDS = 4  # "With very best wishes,"
DATELINE = "dateline"
COMMENTS = "readers' comments"
NAVIGATION = "navigation over the title"
# What parts a page's links or tools ("Follow · 6 min read"), left alone on its line.
LONE_SEPARATOR = LazyPattern(r"[|\u00a6\u00b7\u2022\u2219\u2027]")
# A post's counts of its readers' claps, likes and responses, each alone on its line
# ("124" over "3", "1.2K"), where the page shows them beside its tools; a year is none.
# (And a social network's: its reactions' pictographs over their count, `👍❤️😮 1.2K`, and the
# count of a post's pictures not shown, `+4`.)
READERS_COUNT = LazyPattern(r"(?!(?:19|20)\d\d$)\d{1,4}|\d{1,3}(?:\.\d)?[KkMm萬万]|\+\d{1,3}"
                            r"|(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?){1,4}"
                            r"\s*(?:\d{1,3}(?:[.,]\d{1,3})?[KkMm萬万]?)?")
READERS_COUNTS = "counts of the post's readers' likes and responses"
# A video's transcript as its page shows it (YouTube's "Transcript" panel): a time alone on a
# line over each of its captions' lines ("0:07" over "good evening everyone and welcome"),
# MIN_CAPTION_TIMES of them at least, the panel's heading and search box over the first, and
# the sounds it notes between ("[Music]"; "[Applause]" is the audience's, a stage direction).
CAPTION_TIME = LazyPattern(r"\d{1,2}:\d{2}(?::\d{2})?")
CAPTION_TIMES = "the time of a video's caption"
MIN_CAPTION_TIMES = 6
SOUND_TAG = LazyPattern(r"\[(?:music|sound|noise|inaudible|silence)\]", re.IGNORECASE)
# What is left of a page's audio or video, as its player shows it: "-9:41".
MEDIA_TIME = LazyPattern(r"[-\u2212]\d{1,2}:\d{2}(?::\d{2})?")
# The most words a tool in a row of them holds: a share link and the networks it names.
MAX_TOOL_WORDS = 8
# A page's tools each in square brackets, a row of them ("[列印] [分享至 Facebook]", "[Print]
# [Share]"): the icons' stripping takes the outer brackets only.
BRACKETED_TOOL = LazyPattern(r"[\[［【]([^\[\]［］【】]{1,30})[\]］】]")
BRACKETED_TOOLS = LazyPattern(rf"(?:\s*{BRACKETED_TOOL.pattern})+\s*")
# A post's hashtags, two or more and nothing else on their line: "#charity #community".
HASHTAGS = "a post's hashtags"
# (A pictograph or two may open the line: "🌿 #山林守護 #志工招募".)
HASHTAG_LINE = LazyPattern(r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?\s*){0,2}"
                           r"(?:#[^\s#]+\s*){2,}")
# The lines that open a page's or a mail's footer.
RELATED_PAGES = "teasers of the site's other pages"
SHARE = "print or share link"
AUTHOR_CARD = "the platform's card of the author, and its readers' prompts"
MAIL_VIEW = "the mail program's lines round the mail"
SIGN_UP_BOX = "newsletter sign-up box"
PAGE_LABEL = "the label of the page's kind, which the title under it opens with"
MAX_LABEL_WORDS = 3
CREDITS = "the editors the page credits"
FOOTER_KINDS = ("page footer", CREDITS, "links", "link", "page feedback", "print or share link",
                COMMENTS, MAIL_FOOTER, RELATED_PAGES, PICTURE_PLACE, HASHTAGS, AUTHOR_CARD,
                SIGN_UP_BOX)
# What ends a page's text: its link back up, its links to the pages before and after it; a
# sign-off stands over them, the page's footer (an address) under them.
PAGE_ENDS = ("back-to-top link", "previous or next article link")
# What a page's head holds besides its navigation's short lines, over its title.
PAGE_HEAD = ("link", "skip link", "language switcher")
# The lines a page's navigation, a crumb or a link a line, and its title take at most over its
# record of itself (recorded_title).
MAX_TRAIL_LINES = 8
# What opens a mail's text in a text copied out of mails: its header, or the line over a
# mail quoted or forwarded.
MAIL_OPENINGS = frozenset((MAIL_HEADER, "quoted-mail separator", "reply attribution"))
MAIL_KINDS = MAIL_OPENINGS | {MAIL_FOOTER, MAIL_WARNING, SALUTATION, CONTACT_DETAILS, SIGNATURE,
                              SENDERS_SIGNATURE, FORWARDING_NOTE, QUOTED_MAIL, COVERING_NOTE,
                              SENDERS_CLOSING, MAIL_VIEW}


def said(kind: str) -> str:
    """What every language's furniture says for one kind of line, as one pattern."""
    return alternatives(getattr(profile.furniture, kind) for profile in PROFILES)


# The languages a switcher names: each profile's, and others' own names for themselves, as
# a page offering a text in them writes them ("English | Cymraeg").
LANGUAGE_NAMES = frozenset(name for profile in PROFILES for name in profile.furniture.names) | {
    "cymraeg", "gaeilge", "gàidhlig", "français", "deutsch", "español", "português", "italiano",
    "nederlands", "polski", "русский", "العربية", "اردو", "हिन्दी", "日本語", "한국어",
    "bahasa melayu", "bahasa indonesia", "tiếng việt", "ไทย", "tagalog"}
# A cookie notice: a line about the site's cookies that asks for consent.
COOKIES = LazyPattern(said("cookies"), re.IGNORECASE)
CONSENT = LazyPattern(said("consent"), re.IGNORECASE)
# Separators between the links of a row.
SEPARATOR = LazyPattern(r"\s*(?:[|¦]|(?<=\s)[>›»·•/](?=\s)|[›»])\s*")
TRAIL = r"\s*[:：]?\s*"
MAX_LINK_WORDS = 5  # in each link of a row, or a line repeated as furniture
MAX_LINK_CHARACTERS = 40
MIN_ROW_LINKS = 3  # links of no known kind parted by "|": a row of them is the page's
MIN_MENU = 3  # lines of a menu block: two could be a title and its site's name
MAX_TAB_WORDS = 2  # in each of a page's tabs, a label a line
MAX_TEASER_LINES = 3  # a teaser's title, its blurb and its "Read more"
MIN_TEASERS = 2
SHORT_WORDS = 12  # a line of more words, or ending a sentence, is running text
CONTACT = LazyPattern(r"@|\d{4}[ \u00a0-]?\d{4}")  # an e-mail address, a telephone number
FIGURES = LazyPattern(r"[\d\s.,%+\-−–]+")  # a table's cell, a year: no link's words
# A header's line, "Subject: Thank you": a field's name, a colon (or a tab), its value.
MAIL_FIELD = LazyPattern(f"({said('mail_fields')}) *(?:[:：]|(?=\t))\\s*(.*)", re.IGNORECASE)
MAIL_KEY_FIELD = LazyPattern(f"{said('mail_sender')}|{said('mail_subject')}", re.IGNORECASE)
MAIL_SUBJECT = LazyPattern(said("mail_subject"), re.IGNORECASE)
MAIL_SENDER = LazyPattern(said("mail_sender"), re.IGNORECASE)
# A reply's and a forward's "RE:", "FW:", and a tag a mail system adds ("[EXTERNAL]").
REPLY_PREFIXES = LazyPattern(f"(?:(?:(?:{said('mail_replies')}) *[:：]|\\[[^\\]]{{1,20}}\\]) *)+",
                             re.IGNORECASE)
FORWARDED = LazyPattern(f"(?:{said('mail_forwards')}) *[:：]", re.IGNORECASE)
MAIL_STAMP = LazyPattern(r"@|\d:\d\d")  # an address or a time, in a reply's attribution
# Where a mail program or a page's copy left a picture in the text: "[image: River Trust logo]"
# (Gmail), "[cid:image001.png@01DA…]" (Outlook), "[Photo: The new library]", "[圖片：…]" (a
# page's picture by its alternative text), or a newsletter's logo by its alternative text
# ("[Harbourside University logo]", "[Mailchimp logo: Intuit Mailchimp]").
PICTURE_WORDS = said("picture_label")
IMAGE_PLACEHOLDER = LazyPattern(rf"\[(?:(?:cid|{PICTURE_WORDS})\s*[:：][^\]]{{0,200}}"
                                rf"|[^\]]{{0,60}}(?:{said('logo')})[^\]]{{0,60}})\]", re.IGNORECASE)
# A draft's comments, which a word processor writes after its text, each right after the
# letter marking where it stands in the text (Google Docs' "[a]Check this figure", where a
# note lettered so is spaced from its label), or Word's "Commented [AB1]: …": an editor's
# notes to the author, not the text's; their marks go from the text.
EDITORS_COMMENT = "an editor's comment on the draft"
COMMENT = LazyPattern(r"\[(?P<label>[a-z]{1,2})\]\S.*"
                      r"|(?P<word>Commented) \[[A-Za-z]{1,4}\d{1,3}\]\s*:.*")
COMMENT_MARK = LazyPattern(r"\[(?P<label>[a-z]{1,2})\]")
# A body's logo by its alternative text, a page's or a newsletter's picture copied as its
# words: "Harbourlight Trust logo" (a body's name: "Our new logo" is a heading's words).
LOGO_TEXT = LazyPattern(r"(?P<body>.{2,60}?)\s+logo", re.IGNORECASE)
# A picture's place by the words its caption under it says again: "[Image: Visitors in the
# restored gallery]" over "Visitors in the restored gallery"; or its label in brackets
# before them ("［相片］ 主席出席平頂儀式" over "主席出席平頂儀式").
DESCRIBED_PICTURE = LazyPattern(rf"\[(?:{PICTURE_WORDS})\s*[:：]\s*([^\]]+)\]"
                                rf"|[\[\uff3b\u3010](?:{PICTURE_WORDS})[\]\uff3d\u3011]\s*(\S.*)",
                                re.IGNORECASE)
# A line drawn of underscores or dashes, or of five asterisks or more, full-width too (a Hong
# Kong government release's "＊＊＊＊＊" under its headline; "* * *" is a section's break).
RULE = LazyPattern(r"[\s_=\-\u2013\u2014\u2500]{5,}|\s*(?:[*\uff0a]\s*){5,}")


# The gap between a row's words: spaces, or none where a Han word meets a Latin one, the
# space cleaning takes from between them ("分享Facebook WhatsApp電郵").
ROW_GAP = r"(?:\s+|(?<=[^\x00-\x7f])(?=[a-z])|(?<=[a-z])(?=[^\x00-\x7f]))"


def whole(pattern: str) -> LazyPattern:
    return LazyPattern(f"(?:{pattern}){TRAIL}", re.IGNORECASE)


DATELINE_LINE = whole(said("dateline"))
READING_TIME = LazyPattern(said("reading_time"), re.IGNORECASE)
FORWARD_SEPARATOR = whole(said("mail_forwarded"))
LEGAL_NOTICE = LazyPattern(said("legal_notice"), re.IGNORECASE)
# A link to download a file, its type and size after its name, in brackets of either width:
# "Download PDF: Community Grants annual report 2024-25 (PDF, 412 KB)", "下載2023-24年度年報
# （PDF，8.6MB）". (A file's name and size alone, an appendix's, is the text's list of them.)
FILE_LINK = LazyPattern(rf"(?:{said('download')}).{{0,150}}?\s*[(\[（]"
                        r"(?:pdf|docx?|xlsx?|odt|ods|pptx?|csv|zip|epub)"
                        r"\s*[,，]?\s*[\d.,]+\s?[kmg]i?b[)\]）]", re.IGNORECASE)
# Each kind of line: its reason, its pattern, and whether the words could head a section.
KINDS = (
    ("skip link", whole(said("skip")), False),
    ("back-to-top link", whole(said("back_to_top")), False),
    (SHARE, whole(said("print_or_share")), False),
    # A share row whose word opens it, its networks after it parted by spaces alone
    # ("Share Facebook X LinkedIn Email", "分享 Facebook X WhatsApp 電郵").
    (SHARE, whole(f"(?:{said('row_prefix')})(?:{ROW_GAP}(?:{said('share_networks')}))+"), False),
    ("page tools", whole(said("page_tools")), False),
    ("picture placeholder", whole(said("picture")), False),
    ("page feedback", whole(said("feedback")), False),
    ("page footer", whole(said("footer")), False),
    (CREDITS, whole(said("credits")), False),
    (COMMENTS, whole(said("comments")), False),
    (DATELINE, DATELINE_LINE, False),
    ("link", whole(said("links")), True),
    ("previous or next article link", whole(said("neighbours")), False),
    ("quoted-mail separator", whole(said("mail_separator")), False),
    (MAIL_FOOTER, whole(said("mail_footer")), False),
    (MAIL_VIEW, whole(said("mail_view")), False),
    (AUTHOR_CARD, whole(said("author_card")), False),
    (MAIL_WARNING, whole(said("mail_warning")), False),
    (HASHTAGS, HASHTAG_LINE, False),
    ("link to a file", FILE_LINK, False),
)
ATTRIBUTION = whole(said("mail_attribution"))
MAIL_VIEW_SHAPED = whole(said("mail_view_shaped"))
MAIL_VIEW_SPAN = 3  # lines from a line only a mail program writes to one shaped as its
# A signature's line of contact details: telephone numbers, e-mail and web addresses, each
# perhaps labelled ("T: +852 2345 6789 | M: +852 9123 4567", "電郵：chan@example.org"), by
# the languages' labels or a word or two and a colon ("Clubhouse: 01632 960 218").
CONTACT_VALUE = (rf"\+?\(?\d[\d ()\-.\u00a0]{{5,}}\d(?:[ \u00a0]?(?:ext\.?|x)[ \u00a0]?\d+)?"
                 rf"|{ADDRESS}")
CONTACT_LABEL = r"[^\W\d_]{2,20}(?: [^\W\d_]{2,20})? ?[:：] ?"
CONTACT_ITEM = (rf"(?:(?:{said('mail_contact')})\.? ?[:：.]? ?|{CONTACT_LABEL})?"
                rf"(?:{CONTACT_VALUE})")
# Parted as a signature parts them, or by the tab cleaning makes of a run of spaces (round a
# bar too: `01935 555210  |  info@…`).
CONTACT_LINE = LazyPattern(rf"{CONTACT_ITEM}(?:(?:[ \t]?[|/,;·•][ \t]?|\t){CONTACT_ITEM})*",
                           re.IGNORECASE)
# A signature's postal address after its label, with a figure in it (its number, its code).
POSTAL_ADDRESS = LazyPattern(rf"(?:{said('mail_address')}) ?[:：] ?(?=[^.。!?！？]*\d)"
                             r"[^.。!?！？]{4,100}", re.IGNORECASE)
# A sign-off's date in figures ("14.03.2025", "2025-03-14"), shaped as a number could be.
NUMERIC_DATE = LazyPattern(r"\d{1,4}([-./])\d{1,2}\1\d{1,4}")
MIN_PHONE_DIGITS = 7  # the fewest digits a line of telephone numbers holds
# A press release's line over its headline, its phrases perhaps joined ("PRESS RELEASE – FOR
# IMMEDIATE RELEASE") and dated ("PRESS RELEASE | 3 March 2025", "新聞稿 2025年3月3日"), and
# the mark under its text ("- ENDS -", "###", "（完）").
RELEASE = LazyPattern(said("release"), re.IGNORECASE)
RELEASE_JOINS = LazyPattern(r"[|/\uff5c\u2013\u2014]|\s-\s|\s{2,}")
RELEASE_PART_ENDS = " \t\u00a0:\uff1a,\uff0c()\uff08\uff09-"
END_MARK = LazyPattern(said("end_mark"), re.IGNORECASE)
RELEASE_STAMP_LINE = whole(said("release_stamp"))
HEADLINE_TAG = LazyPattern(rf"\s*(?:{said('headline_tag')})\s*$", re.IGNORECASE)
HEADLINE_TAG_KIND = "the site's note ending the headline of the page's languages or pictures"
DEGREE_KIND = "the network's degree of connection after its author's name"
# A draft's state after its title, as a word processor's copy keeps it ("Chair's Statement
# 2024–25 – DRAFT v3", "Annual Review (draft 2)"): the draft's, not the title's words.
DRAFT_STATE = r"(?:DRAFT|[Dd]raft)(?:\s+(?:v|version\s*)?\d+(?:\.\d+)*)?"
DRAFT_TAG = LazyPattern(rf"\s*(?:[\u2013\u2014-]\s*|,\s*){DRAFT_STATE}\s*$"
                        rf"|\s*[(\[]{DRAFT_STATE}[)\]]\s*$")
DRAFT_KIND = "the draft's state after its title"
EXPAND_KIND = "the network's link to the rest of the post, ending its line"
EXPAND_LINK = LazyPattern(rf"\s*(?:{said('expand_link')})\s*$", re.IGNORECASE)
DEGREE = LazyPattern(r"\s*[•·]\s*(?:1st|2nd|3rd\+?)\s*$")
# What a professional network's headline says of its author after their role, parted by
# bars ("Chief Executive at Harbourside Youth Trust | Trustee | Speaker"): the author's
# self-description, not the role a byline gives.
SELF_DESCRIPTION = LazyPattern(r"(?:\s*\|\s*[^|]{1,40}?)+\s*$")
SELF_DESCRIPTION_KIND = "the network's headline of its author after their role"
RELEASE_LINE, END_OF_RELEASE = "press release line", "press release end mark"
RELEASE_STAMP = "press release issue stamp"
RELEASE_KINDS = frozenset((RELEASE_LINE, END_OF_RELEASE, RELEASE_STAMP))
PAGE_KINDS = frozenset((FOLIO, RUNNING_HEAD))
# A page's widgets, which may stand inside a block of the text (within_block).
WIDGETS = frozenset(("page tools", "print or share link"))
# The lines whose date is the text's own: when it was released, or posted on its page.
# A date alone over the text, under its title: the text's own line, read into its metadata,
# listed for review and counted as no source's debris.
DATE_LINE = "the text's date, which the metadata keeps where it gives none"
READ_INTO_METADATA = frozenset((DATE_LINE,))
# What parts no block where it stands inside one (within_block), the block going on over it
# as over a page's seam, and the lines over and under it standing right under each other:
# a page's widgets, and a release's line, its stamp and the text's date between its kicker
# and its title (`Marine Department` over `Press release` over `12 March 2025` over the
# headline, no blank line between).
PARTS_NO_BLOCK = WIDGETS | READ_INTO_METADATA | {RELEASE_LINE, RELEASE_STAMP}
# A credit over the text's first sentence, under no caption: its picture, the page's banner,
# was not copied ("图片来源：南江大学新闻中心").
HEAD_PICTURE_CREDIT = "credit of a picture the copy left out"
POSTER = "the post's author, over its date"
# The fields a page's head sets by its dateline: who published it, how often it was read.
PAGE_FIELDS = ("page footer", "page tools", DATELINE)
ACCOUNT = "the account that posted it, over its name and again before its caption"
# An account's handle on a line of its own: letters, figures, stops and underscores, no space
# ("tynesidemaritime", "helen.marsh.conserves"), a lower-case letter among them.
HANDLE = LazyPattern(r"@?(?=[a-z0-9._]*[a-z])[a-z0-9][a-z0-9._]{1,28}[a-z0-9_]")
MAX_ACCOUNT_HEAD = 4  # the handle, its name, its place or sound, and the caption
POSTING_PAGE = "the page that posted it, over its date, which the opener prints"
CALLS_ENDING = LazyPattern(r"(?:\[\d{1,3}\])+$")  # a line's notes' calls: "… doubled.[2]"
DATED = frozenset((RELEASE_LINE, DATELINE, DATE_LINE, END_OF_RELEASE, RELEASE_STAMP))
LINK = whole(said("links"))
TEASER_END = whole(said("teaser_end"))
RELATED = whole(said("related"))
SHARE_NETWORK = whole(said("share_networks"))
SIGN_UP_FIELD = whole(said("sign_up_field"))
SIGN_UP_HEADING = whole(said("sign_up_heading"))
SIGN_UP_END = whole(said("sign_up_end"))
PROPERTY = whole(said("properties"))
DONATIONS = whole(said("donations"))
TOTALS = whole(said("totals"))
FUNDRAISER_LINE = whole(said("fundraiser_lines"))
PUBLISHED_IN = whole(said("published_in"))
PUBLISHER_LABEL = whole(said("publisher_label"))
PAGE_KIND = whole(said("page_kind"))
NEWS_SECTION = whole(said("news_section"))
PAGE_KIND_LABEL = "the kind of document the page names over its title"
PUBLISHED_LABEL = whole(said("published_label"))
RECORD_LABEL = whole(said("record_label"))
PAGE_RECORD = "the page's record of itself: who published it, when, where it applies"
PUBLISHER = "who published the page, as its record says: the organisation the opener prints"
MIN_RECORD_LABELS = 2
MIN_RECORD_SENTENCE_WORDS = 5  # a sentence of the text, not a label ending with a colon
PUBLICATION = "the publication the post appears in, over its date"
FUNDRAISING = "the fundraising page's totals and its feed of donations"
# A site's address alone, its domain's name and no path: "news.gov.hk", "www.example.org".
SITE_ADDRESS = LazyPattern(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}")
SUM = LazyPattern(r"[£$€¥]?[\d.,]+[km]?%?")  # a total's sum or share alone: "£12,450", "62%"
FEED_END = LazyPattern(r"(?:show|see|view|load) (?:more|all)(?: donations)?", re.IGNORECASE)
MAX_FEED_LINES = 60
PAGE_PROPERTIES = "the notes app's record of the page, its properties and icon"
MIN_PROPERTIES = 2
MAX_PROPERTY_WORDS = 5  # a property's value: a name, a date, a tag
# Who a footer's copyright line says holds it: the body after the mark and its year, up to
# the year, a full stop or a rule after it, or the words reserving the rights ("© 2025 Fenwold
# University. All rights reserved.", "© Northgate Homes 2024 | Privacy", "© 2024 濕地保育委員會
# 版權所有").
COPYRIGHT_HOLDER = LazyPattern(
    r"(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{2,4})?[\s,]*)?"
    # (a gap of spaces ends it too: `版权所有 © 青禾乡村教育基金会  隐私政策`)
    r"(?P<holder>[^\s\d|.。©][^|.。©]*?)"
    r"(?:\s*(?=$|\d{4}|[|.。]|all rights|版權所有|版权所有)|\s{2,}|\t)",
    re.IGNORECASE)
# A blog's category under a teaser of its other post (WordPress: `In "News"`).
IN_CATEGORY = LazyPattern(r"in\s*[\"'\u2018\u201c][^\"'\u2019\u201d]{1,40}[\"'\u2019\u201d]",
                          re.IGNORECASE)
MAX_DATE_WORDS = 4  # a date alone on its line: "3 October 2024", "Oct 3, 2024"
MAX_TEASER_WORDS = 16  # a post's title under "Related"
MAX_RELATED_TITLES = 6  # under "Related" ending the text, with no date to say what they are
TEASER_STEP = 2  # a teaser's line under the one before, a blank line between at most
TITLE_ENDS = ("!", "?", "\uff01", "\uff1f")  # what a title may end with, as a sentence does
# A newsletter's sign-up box: its heading, pitch, field, button, promise and thanks.
MAX_SIGN_UP_LINES = 8
MAX_SIGN_UP_WORDS = 20  # its pitch: "Sign up with your email address to receive news …"
MAX_TAG_WORDS = 3  # a post's topic tag, on a line of its own
CONTENTS = whole(said("contents"))
PAGE_CONTENTS = "page contents"
SOURCE_CONTENTS = "contents list, its page numbers the source's"
# An entry of a contents list ends with its page after a leader of dots: "Chair's statement
# ........ 3" (its dots an ellipsis once cleaned), "主席報告……3", "Foreword . . . . iv".
CONTENTS_PAGE = LazyPattern(r"(?:\d{1,4}|[ivxlc]{1,7})\Z", re.IGNORECASE)
LEADER = ".\u00b7\u2026"
MIN_LEADER = 2  # dots or ellipses
MIN_CONTENTS_ENTRIES = 2
BUTTON = whole(said("buttons"))
ROW_PREFIX = LazyPattern(f"(?:{said('row_prefix')})\\s*[:：]\\s*(?=\\S)", re.IGNORECASE)
BREADCRUMB_PREFIX = LazyPattern(f"(?:{said('trail_prefix')})\\s*[:：]\\s*(?=\\S)",
                                re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    number: int  # from 1
    text: str
    kind: str = ""  # the reason it is debris, found from its words and shape; "" for none
    doubtful: bool = False  # words that could also head a section


@dataclass
class Cleared:
    """A text with its debris blanked (so every other line keeps its number), a drop for each
    line removed, the subject of the e-mail it was copied out of ("" for none), the number
    of the line greeting the mail's readers (0 for none), and the date its press release
    line, its page's dateline or its news dateline gave, as the metadata writes one ("" for
    none), and who its dateline says posted it; the number of
    the line that dateline stands under, the page's headline (0 for none)."""

    text: str
    drops: list[Drop]
    subject: str = ""
    greeting: int = 0
    dated: str = ""
    headline: int = 0
    # Who posted the page, and their role, as its dateline names them ("" for none).
    poster: str = ""
    named: int = 0  # the line the page's breadcrumb trail names as its title (0 for none)
    site: str = ""  # the body whose site the page was copied from ("" for none)
    # The body a mailed text's signatory names in their signature ("" for none).
    signatory_body: str = ""
    # The body its footer's copyright line names, or its printed pages' running head ("" for
    # none).
    holder: str = ""
    # The lines dropped inside a block that part nothing (PARTS_NO_BLOCK): the lines over and
    # under each stand right under each other (dedupe.lines_apart).
    seamed: frozenset[int] = frozenset()

    @property
    def paged(self) -> bool:
        """Whether the text was copied out of printed pages: their folios were dropped."""
        return any(drop.reason == said_as(FOLIO) for drop in self.drops)

    def counted(self) -> dict[str, int]:
        """How many lines were a web page's debris, an e-mail's and a press release's (not a
        headline's tag: the line stays)."""
        return {source: sum(drop.reason.startswith(f"{source}: ") and drop.lines != drop.kept_lines
                            for drop in self.drops)
                for source in SOURCES}


def remove_debris(cleaned_text: str, known: tuple[str, ...] = ()) -> Cleared:
    """The text without its web-page and e-mail debris; `known`: what the metadata names the
    piece by, which a printed page's running head says."""
    rows = cleaned_text.split("\n")
    # Each line read without the addresses a mail's plain text writes after a link's words
    # (`Read more <https://…>`): the words are what a page's furniture says.
    lines = [classified(number, LINK_TARGET.sub("", row) or row)
             for number, row in enumerate(rows, 1) if row and row != PHOTO_MARKER]
    headers = mail_headers(lines)
    reasons = debris_reasons(lines, {line.number: MAIL_HEADER for block in headers
                                     for line in block}, known)
    if headers:
        reasons.update(forwarding_note(lines, reasons, headers))
        reasons.update(covering_note(lines, reasons, headers[0]))
        older = older_mail(lines, reasons, headers[0])
        if older:
            # The reply's signature stood over the mail it quotes, its last lines till now.
            reasons.update(older)
            reasons.update(contact_details(lines, reasons))
    drops = []
    tags = [(HEADLINE_TAG_KIND, headline_tags(lines, reasons)),
            (DEGREE_KIND, degree_tags(lines, reasons)),
            (SELF_DESCRIPTION_KIND, self_descriptions(lines, reasons)),
            (DRAFT_KIND, head_tags(lines, reasons, DRAFT_TAG, bool)),
            (EXPAND_KIND, expand_links(lines, reasons))]
    for kind, found in tags:
        for number, tag in found.items():
            kept = rows[number - 1][:tag.start()]
            drops.append(Drop(tag.group().strip(), (number,), said_as(kind), kept, (number,)))
            rows[number - 1] = kept
    for number, handle in caption_handles(lines, reasons).items():
        kept = rows[number - 1][handle.end():]
        drops.append(Drop(handle.group().strip(), (number,), said_as(ACCOUNT), kept, (number,)))
        rows[number - 1] = kept
    labels = {COMMENT.fullmatch(line.text.strip()).group("label") for line in lines
              if reasons.get(line.number) == EDITORS_COMMENT}
    for line in lines:
        if line.number in reasons or not labels:
            continue
        for mark in reversed([mark for mark in COMMENT_MARK.finditer(rows[line.number - 1])
                              if mark.group("label") in labels]):
            row = rows[line.number - 1]
            rows[line.number - 1] = row[:mark.start()] + row[mark.end():]
            drops.append(Drop(mark.group(), (line.number,), said_as(EDITORS_COMMENT),
                              rows[line.number - 1], (line.number,)))
    captioned = captioned_pictures(lines, reasons)
    reasons.update({number: PICTURE_PLACE for number in captioned})
    # A page's widget, or the text's date, inside a block parts nothing (within_block).
    seamed = frozenset(number for number, reason in reasons.items() if reason in PARTS_NO_BLOCK
                       and within_block(rows, number - 1, reasons))
    for line in lines:
        if line.number in reasons:
            # A page's furniture parts no paragraph: the text runs on over it; a picture's
            # place over its caption is where a photo stood, as a no-break space's line is.
            rows[line.number - 1] = PAGE_SEAM if reasons[line.number] in PAGE_KINDS or (
                reasons[line.number] == CAPTION_TIMES and not stage_beside(rows, line.number)
            ) or line.number in seamed else (
                PHOTO_MARKER + captioned[line.number] if line.number in captioned else "")
            drops.append(Drop(line.text, (line.number,), said_as(reasons[line.number])))
    rows = seams_closed(rows)
    # A text under a covering note, or forwarded under a forwarder's note, or titled right
    # under the greeting as the subject names it, opens with its own title, not with the
    # greeting of the mail that carries it.
    covered = not {COVERING_NOTE, FORWARDING_NOTE}.isdisjoint(reasons.values()) or bool(
        headers and subject_title(lines, reasons, headers[0])[1] == 0)
    greetings = [number for number, reason in reasons.items()
                 if reason == SALUTATION and not covered]
    letter = mailed(reasons) and lettered(lines, reasons) and not covered
    if letter:
        greetings = list(salutations(lines, reasons))  # the letter's own, kept
    # A letter sent by mail is dated as it was sent, where nothing in it dates it (a letter
    # forwarded, as the mail forwarded was).
    dated = published_on(lines, reasons) or (sent_on(carrier(headers)) if letter and headers
                                             else "")
    return Cleared("\n".join(rows), drops, next(filter(None, map(subject, headers)), ""),
                   min(greetings, default=0), dated,
                   headline(lines, reasons), posted_by(lines, reasons),
                   crumb_named(lines, reasons), site_body(lines, reasons),
                   signatory_body(lines, reasons),
                   rights_holder(lines, reasons) or footer_body(lines, reasons)
                   or running_body(lines, reasons), seamed)


def editors_comments(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A draft's comments after its text, a line each (COMMENT), each lettered as a mark in
    the text is ("[a]"), or Word's "Commented [AB1]: …" wherever it stands."""
    found = {line.number: EDITORS_COMMENT for line in lines
             if (comment := COMMENT.fullmatch(line.text.strip())) and comment.group("word")}
    text = "\n".join(line.text for line in lines)
    for line in reversed(lines):
        comment = COMMENT.fullmatch(line.text.strip())
        if line.number in reasons and line.number not in found:
            continue
        if comment is None:
            break
        if comment.group("label") and f"[{comment.group('label')}]" in text.replace(
                line.text, "", 1):
            found[line.number] = EDITORS_COMMENT
        elif not comment.group("word"):
            break
    return found


def stage_beside(rows: list[str], number: int) -> bool:
    """Whether a caption's time (line `number`) stands next to the audience's noise noted on
    a line of its own ("[Applause]"): the captions part there, the noise a line apart."""
    return any(STAGE_DIRECTION.fullmatch(rows[at].strip())
               for at in (number - 2, number) if 0 <= at < len(rows))


def captioned_pictures(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """The lines of pictures' places (PICTURE_PLACE) whose words the next line kept says
    again, as a caption under its picture does, and those words: each stands where its photo
    stood, and says which line is its caption."""
    found = {}
    for line, following in itertools.pairwise(line for line in lines
                                              if reasons.get(line.number) in (None, PICTURE_PLACE)):
        described = DESCRIBED_PICTURE.fullmatch(line.text.strip())
        words = described and (described.group(1) or described.group(2))
        # The label before words (`［相片］ …`) is a picture's place only where the words are
        # said again under it: alone, they are its caption (structure.labelled_caption).
        if (described and (reasons.get(line.number) == PICTURE_PLACE or described.group(2))
                and following.number not in reasons
                and likeness_key(words) == likeness_key(following.text)):
            found[line.number] = words
    return found


def within_block(rows: list[str], index: int, reasons: dict[int, str]) -> bool:
    """Whether row `index`, dropped, stands between two rows of the text in one block, no
    blank row on either side, only lines that part no block (PARTS_NO_BLOCK) between: a
    page's widget there (LinkedIn's `· 3rd+` between an author's name and headline) parts
    nothing, the block going on over it as over a page's seam."""
    def kept_beside(step: int) -> bool:
        at = index + step
        while 0 <= at < len(rows) and reasons.get(at + 1) in PARTS_NO_BLOCK:
            at += step
        return 0 <= at < len(rows) and bool(rows[at].strip()) and at + 1 not in reasons

    return kept_beside(-1) and kept_beside(1)


def site_body(lines: list[Line], reasons: dict[int, str]) -> str:
    """The body whose site the page was copied from, as its record names its publisher
    (PUBLISHER) or its name over the page's navigation says it ("Kingsbridge Borough
    Council", "江城理工大学"), gone with the navigation: the organisation the opener prints,
    where the metadata names none; "" for none. A link among the menu's, after its first,
    names a section of the site (`新聞中心`, `Visitor Centre`), not its body."""
    first_text = text_between(lines, reasons)[0]
    published = next((line.text.strip() for line in lines
                      if reasons.get(line.number) == PUBLISHER), "")
    head = [line.text.strip() for line in lines[:first_text]
            if reasons.get(line.number) in (NAVIGATION, "links", POSTING_PAGE)]
    posted = [line.text.strip() for line in lines[:first_text]
              if reasons.get(line.number) == POSTING_PAGE]
    return published or next((name for name in (*posted, *head[:1])
                              if detect(name).names_body(name)), "")


def rights_holder(lines: list[Line], reasons: dict[int, str]) -> str:
    """The body a page's footer says holds its copyright ("© 2025 Fenwold University. All
    rights reserved.", "© 2024 濕地保育委員會 版權所有"), gone with the footer: the
    organisation the opener prints where neither the metadata nor the text names one; ""
    for none (or for a person, "© 2025 Jane Smith"), or for a name in another script than
    the document's (a Chinese page's `Copyright © 2024 National Chia-Nan Shanhai
    University`: its opener names no body rather than name it in English)."""
    return next((holder for line in lines if reasons.get(line.number) in FOOTER_KINDS
                 for found in COPYRIGHT_HOLDER.finditer(line.text)
                 if names_body_here(holder := found.group("holder").strip())), "")


def names_body_here(text: str) -> bool:
    """Whether `text` names a body alone, in the document's script (DOCUMENT_LANGUAGE)."""
    document, language = DOCUMENT_LANGUAGE.get(), detect(text)
    return language.names_body(text) and (document is None
                                          or language.script == document.script)


def footer_body(lines: list[Line], reasons: dict[int, str]) -> str:
    """The body a page's footer names on a line of its own, in the document's script, gone
    with the footer (`國立嘉南山海大學 National Chia-Nan Shanhai University` over its
    address: its first half), or first on a row of its links (`Porthaven City Council |
    Contact us | Accessibility`): the organisation the opener prints where nothing else
    names one; "" for none. (A menu's link over the text, `My Network`, names none, nor a
    row of a menu's links, `Home | News | Contact`.)"""
    for line in lines[text_between(lines, reasons)[1] + 1:]:
        if reasons.get(line.number) not in FOOTER_KINDS:
            continue
        text = SEPARATOR.split(line.text.strip())[0]
        for name in language_halves(text):
            if names_body_here(name):
                return name
    return ""


# What parts a running head's parts: a wide space (a tab, as cleaning reads one), an
# ideographic one, a dash or a bar.
RUNNING_PARTS = LazyPattern(r"\s{2,}|\t|\u3000|\s+[|｜\u2013\u2014]\s+")


def running_body(lines: list[Line], reasons: dict[int, str]) -> str:
    """The body a printed page's running head or foot names, gone with it ("海濱發展及保育局
    二零二三至二四年報", "Harbour Board | Annual Report 2024"): the organisation the opener
    prints, where nothing else names one; "" for none. In a language whose words no spaces
    part, the body may open the head with no gap after it (`华晟新材料股份有限公司2024年度…报告`,
    its space taken out as Chinese sets figures): the longest start of it naming a body."""
    unspaced = (part for line in lines if reasons.get(line.number) == RUNNING_HEAD
                for part in RUNNING_PARTS.split(line.text.strip())
                if not detect(part).words_spaced)
    return body_among(lines, reasons, RUNNING_HEAD, RUNNING_PARTS) or next(
        (start for part in unspaced for start in (part[:end] for end in range(len(part) - 1, 1, -1))
         if detect(start).names_body(start)), "") or issue_body(lines, reasons)


def issue_body(lines: list[Line], reasons: dict[int, str]) -> str:
    """The body a running head or a folio's words name before the publication's issue
    (`16 | Tyneside Maritime Museum Annual Report 2023–24`: `Tyneside Maritime Museum`);
    "" for none."""
    for line in lines:
        if reasons.get(line.number) not in (RUNNING_HEAD, FOLIO):
            continue
        for part in RUNNING_PARTS.split(line.text.strip()):
            words = part.split()
            for cut in range(len(words) - 1, 0, -1):
                head = " ".join(words[:cut]).rstrip(":,\u2013\u2014- ")
                tail = " ".join(words[cut:])
                if detect(tail).names_issue(tail) and detect(head).names_body(head):
                    return head
    return ""


def signatory_body(lines: list[Line], reasons: dict[int, str]) -> str:
    """The body a mailed text's signatory names in the signature under it, gone with it
    ("Karen Whitfield | Chief Executive" over "St Columba's Hospice, Lanark Road, …"): the
    organisation the opener prints, where nothing else names one; "" for none."""
    return body_among(lines, reasons, SIGNATURE, SIGNATURE_PARTS)


def body_among(lines: list[Line], reasons: dict[int, str], kind: str,
               parts: re.Pattern) -> str:
    """The first part of a line dropped as `kind` (`parts` parting its parts) that names a
    body alone; "" for none."""
    return next((part for line in lines if reasons.get(line.number) == kind
                 for part in parts.split(line.text.strip()) if detect(part).names_body(part)),
                "")


def crumb_named(lines: list[Line], reasons: dict[int, str]) -> int:
    """The number of the line the last crumb of the page's breadcrumb trail names, over the
    text's first sentence (`The year in review 2024/25` under `Home > About us > Annual
    review > The year in review 2024/25`): the page's title, whatever line stands over it;
    0 for none."""
    trail = next((line for line in lines if reasons.get(line.number) == "breadcrumb"), None)
    if trail is None:
        return 0
    last = likeness_key(crumbs(trail.text)[-1])
    for line in lines:
        if line.number <= trail.number or line.number in reasons:
            continue
        if likeness_key(line.text) == last:
            return line.number
        if is_running(line.text):
            break
    return 0


def page_head(lines: list[Line], reasons: dict[int, str], under: Line) -> bool:
    """Whether the lines kept over line `under` are a page's head: its title, subtitle and
    author, no sentence among them (its text's first, ending with a note's call, is one)."""
    return not any(ends_sentence(CALLS_ENDING.sub("", line.text)) for line in lines
                   if line.number < under.number and line.number not in reasons)


def headline(lines: list[Line], reasons: dict[int, str]) -> int:
    """The number of the line the page's first dateline (or date) stands under, its author's
    name and role aside (over_byline): its headline, a line ending no sentence (0 for
    none)."""
    dated = next((index for index, line in enumerate(lines)
                  if reasons.get(line.number) in (DATELINE, DATE_LINE)), None)
    if dated:
        # Up over the page's other fields right over it ("發布單位：秘書室" over "發布日期：…").
        while (dated > 1 and reasons.get(lines[dated - 1].number) in PAGE_FIELDS
               and lines[dated - 1].number == lines[dated].number - 1):
            dated -= 1
    over = over_byline(lines, reasons, dated - 1) if dated else -1
    if over < 0 or lines[over].number in reasons or ends_sentence(lines[over].text):
        return 0
    above = lines[over - 1] if over > 0 else None
    if (above is not None and above.number not in reasons and detect(above.text).is_heading(
            above.text.strip()) and not detect(lines[over].text).is_heading(
            lines[over].text.strip())):
        return above.number  # the title, over its subtitle (`Lantern Trust announces …`)
    return lines[over].number


def over_byline(lines: list[Line], reasons: dict[int, str], index: int) -> int:
    """The index of the line over the author's lines that line `index` ends, or `index`
    itself where it ends none: their name alone (POSTER), or a byline, a name over a role
    ("Priya Nair" over "Chief Digital Officer at …", the name perhaps twice) or on one line
    with it, as a post's page writes it over its date."""
    while index > 0 and reasons.get(lines[index].number) == POSTER:
        index -= 1
    if index < 1 or lines[index].number in reasons:
        return index
    # The line over it, the site's own between them aside (LinkedIn's "· 3rd+").
    name = next((at for at in range(index - 1, 0, -1) if lines[at].number not in reasons), 0)
    text, above = lines[index].text.strip(), lines[name].text.strip()
    if byline_line([above, text]) is not None and not detect(text).is_name(text):
        index = name
        while index > 0 and lines[index - 1].text.strip() == above:
            index -= 1
        return index - 1
    return index - 1 if "," in text and detect(text).names_person(text) else index


def posted_by(lines: list[Line], reasons: dict[int, str]) -> str:
    """Who the page's dateline says posted it ("Posted on 3 March 2025 by Helen Okafor"),
    where it names a person, with the role it gives them ("Posted by Marion Achebe, Chief
    Executive · 12 June 2025"), as a byline writes them: the text's byline, and its author
    where its metadata names none."""
    for line in lines:
        if reasons.get(line.number) == POSTER:
            return line.text.strip()
        if reasons.get(line.number) != DATELINE:
            continue
        pattern = detect(line.text).furniture.posted_by
        if not pattern or not (found := re.search(pattern, line.text)):
            continue
        name, role = found.group("name"), found.groupdict().get("role")
        language = detect(name)
        # A person's, not an office's; or whoever a post's byline names, its reading time
        # showing it one (its team: "Posted by Editorial Team | 4 min read").
        if language.is_name(name) or READING_TIME.search(line.text):
            return language.byline_text(name, (), role) if role and language.is_role(
                role) else name
    return ""


def published_on(lines: list[Line], reasons: dict[int, str]) -> str:
    """The first date a line dropped as the text's release line or dateline gives, else the
    date of the news dateline opening its first sentence ("CHELMSFORD, 11 February 2025 –
    The Partnership today …"): the day the text was published, which its metadata keeps
    when it gives none of its own."""
    dropped = next((date for line in lines if reasons.get(line.number) in DATED
                    and (date := detect(line.text).date_in(line.text))), "")
    if dropped:
        return dropped
    for line in lines:  # to the text's first sentence: its title and deck end none
        if line.number in reasons:
            continue
        if opening := NEWS_DATELINE.match(line.text):
            return detect(line.text).date_in(opening.group())
        if ends_sentence(line.text):
            break
    return ""


def mail_view_lines(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """The lines shaped as a mail program's round a mail (its sender and address, its date
    and time: MAIL_VIEW_SHAPED) within MAIL_VIEW_SPAN lines of one only a mail program
    writes (`Inbox`, `to me`, `… (2 days ago)`): its too. Elsewhere they are the text's (a
    meeting's date and time, an enquiries line naming an address)."""
    viewed = [line.number for line in lines if reasons.get(line.number) == MAIL_VIEW]
    return {line.number: MAIL_VIEW for line in lines
            if line.number not in reasons and line.text.strip()
            and any(abs(line.number - number) <= MAIL_VIEW_SPAN for number in viewed)
            and MAIL_VIEW_SHAPED.fullmatch(line.text.strip())}


def said_as(kind: str) -> str:
    """The reason a line of debris of `kind` is listed with: whose debris, and what it was
    (what it was alone for a line the metadata reads, no debris)."""
    if kind in READ_INTO_METADATA:
        return kind
    source = (MAIL if kind in MAIL_KINDS else RELEASE_DEBRIS if kind in RELEASE_KINDS
              else PRINTED_PAGE if kind in PAGE_KINDS else WEB_PAGE)
    return f"{source}: {kind}"


def debris_reasons(lines: list[Line], headers: dict[int, str], known: tuple[str, ...] = ()
                   ) -> dict[int, str]:
    """line number -> reason, for every line of debris among `lines`, the lines of a mail's
    `headers` among them; `known`: what the metadata names the piece by."""
    reasons: dict[int, str] = dict(headers)
    reasons.update(page_furniture(lines, set(reasons), known))
    # A page's button said again in its text (a blog's `Subscribe`, at its head and between
    # two paragraphs): the page's there too, though a sentence follows it.
    buttons: set[str] = set()
    for index, line in enumerate(lines):
        if line.kind and not (line.doubtful and (sentence_follows(lines, index)
                                                 or amid_text(lines, reasons, index)
                                                 or heads_contacts(lines, index))
                              and line.text.strip().casefold() not in buttons) \
                and not credits_caption(lines, index):
            reasons.setdefault(line.number, line.kind)
            if line.doubtful:
                buttons.add(line.text.strip().casefold())
    reasons.update(mail_view_lines(lines, reasons))
    reasons.update(release_stamps(lines, reasons))
    reasons.update(parallel_release_head(lines, reasons))
    reasons.update(quoted_mail(lines, reasons))
    reasons.update(wrapped_notices(lines, reasons))
    first_text, last_text = text_between(lines, reasons)
    # A menu's row of links is no running text, though a line of as many words may be.
    for index, line in enumerate(lines[:first_text + 1]):
        if line.number not in reasons and menu_row(lines, reasons, index):
            reasons[line.number] = "links"
    reasons.update(footer_link_rows(lines, reasons))
    first_text, last_text = text_between(lines, reasons)
    # Over the text's first sentence, never a line of the text: a post's date, or a release's
    # line, may stand under its subtitle, a line as long as the text's (`Apr 09, 2025` under
    # `Lantern Trust announces …`).
    for index, line in enumerate(lines):
        if line.number in reasons:
            continue
        if is_release_line(without_icons(line.text)):
            reasons[line.number] = RELEASE_LINE
        elif detect(line.text).is_date(line.text.strip()) and page_head(lines, reasons, line):
            reasons[line.number] = DATE_LINE  # a post's date under its title: "Mar 14, 2025"
        elif index < first_text and PHOTO_CREDIT.fullmatch(line.text.strip()) \
                and not credits_caption(lines, index):
            reasons[line.number] = HEAD_PICTURE_CREDIT
        elif index >= first_text and ends_sentence(CALLS_ENDING.sub("", line.text)):
            break
    # Past it, a release's line as a block of its own: a speech's "Check against delivery"
    # under the press office's paragraph introducing it.
    reasons.update({line.number: RELEASE_LINE for line in standing_alone(lines)
                    if line.number not in reasons and is_release_line(without_icons(line.text))})
    for index, line in enumerate(lines):
        if line.number in reasons or not is_cookie_notice(line.text):
            continue
        if index < first_text or index > last_text or button_follows(lines, index):
            reasons.update({each.number: "cookie notice" for each in cookie_banner(lines, index)})
    reasons.update(readers_counts(lines, reasons))
    reasons.update(publication(lines, reasons, first_text))
    reasons.update(page_record(lines, reasons, first_text))
    reasons.update(author_over_date(lines, reasons, first_text))
    reasons.update(comments_section(lines, reasons, first_text))
    reasons.update(teasers(lines, reasons))
    reasons.update(related_posts(lines, reasons))
    reasons.update(share_buttons(lines, reasons))
    reasons.update(sign_up_box(lines))
    reasons.update(editors_comments(lines, reasons))
    reasons.update(legal_notices(lines, reasons))
    first_text, last_text = text_between(lines, reasons)
    reasons.update(repeated_furniture(lines, reasons))
    reasons.update(page_contents(lines, reasons))
    reasons.update(source_contents(lines, reasons))
    reasons.update(navigation(lines, reasons, first_text))
    reasons.update(site_head(lines, reasons, first_text))
    reasons.update(section_under_trail(lines, reasons, first_text))
    reasons.update(tabs_under_trail(lines, reasons, first_text))
    reasons.update(section_over_headline(lines, reasons, first_text))
    reasons.update(menu_block(lines, reasons, first_text))
    reasons.update(site_name_among_links(lines, reasons, first_text))
    reasons.update(label_over_its_line(lines, reasons, first_text))
    reasons.update(page_over_stamp(lines, reasons, first_text))
    reasons.update(account_head(lines, reasons))
    reasons.update(caption_track(lines, reasons))
    reasons.update(page_properties(lines, reasons))
    reasons.update(fundraising(lines, reasons))
    # Copied with a mail's header (or the line over a mail quoted), the text is a mail's: a
    # letter published on a page keeps its greeting, even under a mail's footer left in it.
    reasons.update(signature_block(lines, reasons))
    if mailed(reasons):
        if not lettered(lines, reasons):
            reasons.update(salutations(lines, reasons))
        reasons.update(contact_details(lines, reasons))
    reasons.update(platform_end(lines, reasons))
    for number, reason in footer(lines, reasons, last_text).items():
        if reason == MAIL_FOOTER and reasons.get(number) in (
                "links", "link", SIGNATURE, SENDERS_SIGNATURE, PICTURE_PLACE):
            reasons[number] = reason  # a signature's parts in a row, not a page's links
        reasons.setdefault(number, reason)
    return reasons


def credits_caption(lines: list[Line], index: int) -> bool:
    """Whether line `index` is a picture's credit right under its caption, a line the page
    also wrote a little above (a caption written twice): "攝影：管理局攝影組", which a news
    page's credits under its text would take for its footer, goes with the caption."""
    line = lines[index]
    if not index or not PHOTO_CREDIT.fullmatch(line.text.strip()):
        return False
    above = lines[index - 1]
    return above.number == line.number - 1 and any(
        earlier.text.strip() == above.text.strip()
        for earlier in lines[max(0, index - 4):index - 1])


def legal_notices(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A company's or a charity's notice of its registration under the text, as a mail's
    signature or a page's footer gives it ("The Trust is a registered charity in England and
    Wales (no. 1087654)", "Registered office: …"), with the lines it goes on over, wrapped:
    each after the text's last sentence but such notices. A sentence of the text saying as
    much, with a sentence after it, is the text's; and so is one under a release's end mark
    saying the body is registered ("The Trust is a registered charity."): a note to editors,
    which are the release's; and so is such a sentence with nothing of a page's footer under
    the text (a letter's last line, which an appeal must state)."""
    end = next((index for index, line in enumerate(lines)
                if reasons.get(line.number) == END_OF_RELEASE), len(lines))
    notices = {index: wrapped_on(lines, index, reasons) for index, line in enumerate(lines)
               if line.number not in reasons and LEGAL_NOTICE.search(line.text)
               and not (index > end and note_on_the_body(lines, index, reasons))}
    found = set(notices).union(*notices.values())
    last = max((index for index, line in enumerate(lines) if line.number not in reasons
                and index not in found and is_running(line.text)), default=-1)
    # A mail's, where the text was copied with its header or its footer.
    kind = MAIL_FOOTER if mailed(reasons) or MAIL_FOOTER in reasons.values() else "page footer"
    if kind != MAIL_FOOTER and not any(
            lines[index].number in reasons or lines[index].kind
            for index in range(last + 1, len(lines)) if index not in found):
        # Nothing of a page's footer (links, copyright, tools) under the text.
        found = set().union(*(notices[index] | {index} for index in notices
                              if not note_on_the_body(lines, index, reasons)))
    return {lines[index].number: kind for index in found if index > last}


def wrapped_on(lines: list[Line], index: int, reasons: dict[int, str]) -> set[int]:
    """The indexes of the lines line `index` goes on over, wrapped (wrapped_under)."""
    return set(range(index + 1, index + 1 + len(wrapped_under(lines, index, reasons))))


def note_on_the_body(lines: list[Line], index: int, reasons: dict[int, str]) -> bool:
    """Whether the registration notice on line `index` is a sentence saying the body is
    registered, its name before the registration and a full stop closing it (on the last
    line it wraps onto), not a label of the registration ("Registered charity no. …")."""
    notice = LEGAL_NOTICE.search(lines[index].text)
    last = ([lines[index], *wrapped_under(lines, index, reasons)])[-1]
    return bool(lines[index].text[:notice.start()].strip()) and closes_sentence(last.text)


def wrapped_notices(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """The lines of a mail's notice about itself (its confidentiality notice, its warning from
    outside) that go on from a line found one, wrapped (wrapped_under: "… intended solely
    for the" over "addressee. If you …"); and, where rules drawn across the mail fence it
    in (a line of asterisks over it and under it), every line between them (a notice of
    two paragraphs)."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        kind = reasons.get(line.number, found.get(line.number))
        if kind not in (MAIL_FOOTER, MAIL_WARNING):
            continue
        found |= {after.number: kind for after in wrapped_under(lines, index, reasons)}
        found |= {inside.number: kind for inside in fenced(lines, index, reasons)}
    return found


def wrapped_under(lines: list[Line], index: int, reasons: dict[int, str]) -> list[Line]:
    """The lines line `index` goes on over, wrapped: each right under it (no blank line
    between), not yet found debris, while the line over it ends no sentence, or it goes on
    with the sentence in lower case ("… accept our apologies;" over "please do not
    disclose …")."""
    found = []
    for before, after in itertools.pairwise(lines[index:]):
        if (after.number != before.number + 1 or after.number in reasons
                or ends_sentence(before.text) and not after.text[:1].islower()):
            break
        found.append(after)
    return found


def fenced(lines: list[Line], index: int, reasons: dict[int, str]) -> list[Line]:
    """The lines between the rules drawn over and under line `index`'s block, where the
    line right over the block is one, and another follows: [] where none."""
    start = index
    while start > 0 and lines[start - 1].number == lines[start].number - 1 \
            and reasons.get(lines[start - 1].number) != DRAWN_RULE:
        start -= 1
    if start == 0 or reasons.get(lines[start - 1].number) != DRAWN_RULE:
        return []
    end = next((after for after in range(index + 1, len(lines))
                if reasons.get(lines[after].number) == DRAWN_RULE), None)
    return [] if end is None else [line for line in lines[start:end]
                                   if line.number not in reasons]


def quoted_mail(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """The mail a reply answers, quoted under it: every line after the reply's attribution
    ("On …, Name <address> wrote:") to the end, each opened by ">"; the older mail, not the
    text."""
    for index, line in enumerate(lines):
        if reasons.get(line.number) != "reply attribution":
            continue
        quote = lines[index + 1:]
        if quote and all(quoted.text.startswith(QUOTE_MARK) for quoted in quote):
            return {quoted.number: QUOTED_MAIL for quoted in quote}
    return {}


def older_mail(lines: list[Line], reasons: dict[int, str],
               header: list[Line]) -> dict[int, str]:
    """In a reply (its subject opening "RE:", "回覆："), the mail it quotes under the line over
    it ("-----Original Message-----") to the end: the older mail, not the text, where the
    reply's own text holds more (else the reply is a note on the text it quotes)."""
    sent = subject_as_sent(header).strip()
    parts = REPLY_PREFIXES.match(sent) and not FORWARDED.match(sent) and around_separator(
        lines, reasons, header)
    if not parts or running_lines(parts[0]) <= running_lines(parts[1]):
        return {}
    return {line.number: QUOTED_MAIL for line in parts[1]}


def around_separator(lines: list[Line], reasons: dict[int, str], header: list[Line]
                     ) -> tuple[list[Line], list[Line]] | None:
    """The lines kept between a mail's `header` and the first line over a mail quoted or
    forwarded, and those after that line; None without one."""
    opened = header[-1].number
    separator = next((line.number for line in lines if line.number > opened
                      and reasons.get(line.number) == "quoted-mail separator"), None)
    if separator is None:
        return None
    return kept_apart(lines, reasons, opened, separator, separator)


def kept_apart(lines: list[Line], reasons: dict[int, str], after: int, before: int,
               under: int) -> tuple[list[Line], list[Line]]:
    """The lines not found debris between line numbers `after` and `before`, and those
    under line `under`: a mail's own lines, and the mail's it carries."""
    kept = [line for line in lines if line.number not in reasons]
    return ([line for line in kept if after < line.number < before],
            [line for line in kept if line.number > under])


def running_lines(lines: list[Line]) -> int:
    return sum(is_running(line.text) for line in lines)


def covering_note(lines: list[Line], reasons: dict[int, str],
                  header: list[Line]) -> dict[int, str]:
    """In a mail that carries a text titled as its subject says ("Treasurer's report" under
    "Subject: RE: Treasurer's report for the annual review"), the lines between its `header`
    (and greeting) and that title ("Here is the final text."), if any: the sender's, not the
    text's, where the text under the title holds more; and the sender's closing ("Thanks,",
    a name) in a block of its own under the text's sign-off."""
    kept, title = subject_title(lines, reasons, header)
    if title is None:
        return {}
    note, text = kept[:title], kept[title + 1:]
    if note and running_lines(note) >= running_lines(text):
        return {}
    if note and not any(is_running(line.text) or closes_mail(line.text) for line in note):
        return {}  # no word to the reader: the text's masthead ("St Mary's, Holbeck")
    return ({line.number: COVERING_NOTE for line in note[:signed_at(note)]}
            | {line.number: SENDERS_CLOSING for line in senders_closing(text)})


def signed_at(note: list[Line]) -> int:
    """How many of the lines over a text's title are the covering note's: all, or those to
    the end of its closing, a block of its own ("Kind regards," over the sender's name);
    the lines after it, the text's letterhead and reference ("WESTMERE TEACHERS'
    ASSOCIATION" over its address), are the text's."""
    for index in range(1, len(note)):
        end = index + 1
        while end < len(note) and note[end].number == note[end - 1].number + 1:
            end += 1
        if (note[index].number > note[index - 1].number + 1 and closes_mail(note[index].text)
                and end - index <= MAX_CLOSING_LINES and end < len(note)):
            return end
    return len(note)


def closes_mail(text: str) -> bool:
    """A mail's closing on a line of its own: a short phrase and its comma ("Kind regards,",
    "Thanks,", "Yours sincerely,")."""
    return text.rstrip().endswith((",", "\uff0c")) and word_count(text) <= MAX_CLOSING_WORDS


def subject_title(lines: list[Line], reasons: dict[int, str], header: list[Line]
                  ) -> tuple[list[Line], int | None]:
    """The lines kept under a mail's `header`, and the index among them of the line titling
    its text as the subject names it ("Treasurer's report" under "Subject: RE: Treasurer's
    report for the annual review"); None for none."""
    wanted = likeness_key(subject(header))
    subject_words = set(words_of(subject(header)))
    kept = [line for line in lines if line.number not in reasons
            and line.number > header[-1].number]
    return kept, next((index for index, line in enumerate(kept) if not is_running(line.text)
                       and columns(key := likeness_key(line.text)) >= MIN_TITLE_KEY
                       and (key in wanted or wanted in key
                            or named_within(words_of(line.text), subject_words))), None)


def words_of(text: str) -> list[str]:
    return [word.casefold() for word in re.findall(r"\w+", text.replace("\u2019", "'"))]


def named_within(words: list[str], subject_words: set[str]) -> bool:
    """Whether a line's words, but an article opening it and its figures (the year it
    reviews), are all the subject's, three at least ("A tribute to Peggy O'Donnell" under
    "Subject: Tribute to Margaret 'Peggy' O'Donnell for the staff bulletin", "Director's
    Review 2024-25" under "Subject: RE: Director's review for the annual review")."""
    words = words[1:] if words[:1] in (["a"], ["an"], ["the"]) else words
    words = [word for word in words if not word.isdigit()]
    # A possessive's "s" (words_of parts "Secretary's") names nothing of its own.
    named = set(words) - {"s"} - initialled(words, subject_words)
    return len(words) >= MIN_SUBJECT_WORDS and named <= subject_words


def initialled(words: list[str], subject_words: set[str]) -> set[str]:
    """The words of a line a subject's initialism stands for ("general", "secretary" for the
    "GS" of "Subject: GS annual report 2024"): two to four of them in a row, whose initials
    it is."""
    found: set[str] = set()
    for short in subject_words:
        if 2 <= len(short) <= 4 and short.isalpha():
            for start in range(len(words) - len(short) + 1):
                run = words[start:start + len(short)]
                if "".join(word[0] for word in run) == short:
                    found.update(run)
    return found


def senders_closing(text: list[Line]) -> list[Line]:
    """The last block of `text` (the lines after its last blank line), when it opens with a
    closing phrase ("Thanks,", "Best wishes,"), holds a name at most under it, and lines of
    a sign-off stand between it and the text's last sentence, or the text's notes do (its
    sign-off over them)."""
    running = [index for index, line in enumerate(text) if is_running(line.text)]
    starts = [index for index in range(1, len(text))
              if text[index].number > text[index - 1].number + 1]
    if not running or not starts:
        return []
    last = starts[-1]
    closing = text[last].text.endswith((",", "\uff0c")) and len(text) - last <= 2
    after_notes = any(NOTES_HEADING.fullmatch(line.text) for line in text[:last])
    return text[last:] if closing and (last > running[-1] + 1 or after_notes) else []


def headline_tags(lines: list[Line], reasons: dict[int, str]) -> dict[int, re.Match]:
    """The tag a site ends a headline with about its page (HEADLINE_TAG: "(English only)",
    "（附圖）"), on each line of the page's head: line number -> the tag, spaces before it
    included."""
    return head_tags(lines, reasons, HEADLINE_TAG, lambda before: bool(before))


def expand_links(lines: list[Line], reasons: dict[int, str]) -> dict[int, re.Match]:
    """A social network's link to the rest of a post (EXPAND_LINK: "… See more") ending a line
    of its text, copied with the text it showed: line number -> the link, its ellipsis and
    the spaces before them included."""
    return {line.number: found for line in lines if line.number not in reasons
            and (found := EXPAND_LINK.search(line.text)) and found.start() > 0}


def degree_tags(lines: list[Line], reasons: dict[int, str]) -> dict[int, re.Match]:
    """A professional network's degree of connection after its author's name on the name's
    line ("Dr Catherine Mbeki-Rowe • 1st"): line number -> the degree, spaces before it
    included."""
    return head_tags(lines, reasons, DEGREE, lambda before: detect(before).is_name(before))


def self_descriptions(lines: list[Line], reasons: dict[int, str]) -> dict[int, re.Match]:
    """A professional network's headline after its author's role held at a body, on the
    role's line in the page's head (" | Trustee | Speaker"): line number -> the words after
    the role, the bars and spaces included."""
    return head_tags(lines, reasons, SELF_DESCRIPTION,
                     lambda before: bool(detect(before).office_body(before)))


def head_tags(lines: list[Line], reasons: dict[int, str], tag: re.Pattern,
              kept: Callable[[str], bool]) -> dict[int, re.Match]:
    """Where `tag` ends a line of the page's head (its lines over the text's first
    sentence), what stands before it being what `kept` keeps."""
    found = {}
    for line in lines:
        if line.number in reasons:
            continue
        if ends_sentence(line.text):
            break
        if (match := tag.search(line.text)) and kept(line.text[:match.start()].strip()):
            found[line.number] = match
    return found


def release_stamps(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """The lines right under a release's end mark saying when it was issued (the profiles'
    `release_stamp`: its day, its hour), and such lines under its headline: the release's,
    whose date is the text's."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if reasons.get(line.number) != END_OF_RELEASE:
            continue
        for after in lines[index + 1:]:
            if after.number in reasons or not RELEASE_STAMP_LINE.fullmatch(after.text.strip()):
                break
            found[after.number] = RELEASE_STAMP
    if found:
        # The same stamp under the headline, over the text's first sentence: the release's.
        first_text = text_between(lines, reasons)[0]
        found.update({line.number: RELEASE_STAMP for line in lines[:first_text]
                      if line.number not in reasons
                      and RELEASE_STAMP_LINE.fullmatch(line.text.strip())})
    return found


def parallel_release_head(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A release in another language after a release's end mark (`Ends` over `NNNN` over
    `新聞稿`), perhaps after the first's media contact (`Media enquiries: …`, the first's
    own): its release lines and the date under its headline, the release's, as over the
    first (not a signature and a heading made of its head); its headline heads its
    text."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if reasons.get(line.number) != END_OF_RELEASE:
            continue
        head = kept_under(lines, reasons, index + 1)
        while head is not None and MEDIA_CONTACT.match(lines[head].text.strip()):
            head = kept_under(lines, reasons, head + 1)
        if head is None or not is_release_line(lines[head].text.strip()):
            continue
        while head + 1 < len(lines) and is_release_line(lines[head + 1].text.strip()):
            found[lines[head].number] = RELEASE_LINE
            head += 1
        found[lines[head].number] = RELEASE_LINE
        headline = kept_under(lines, reasons, head + 1)
        stamp = headline + 1 if headline is not None else len(lines)
        dated = lines[stamp].text.strip() if stamp < len(lines) else ""
        if dated and (RELEASE_STAMP_LINE.fullmatch(dated) or detect(dated).is_date(dated)):
            found[lines[stamp].number] = RELEASE_STAMP
    return found


def kept_under(lines: list[Line], reasons: dict[int, str], index: int) -> int | None:
    """The index of the nearest line at or under `index` that is no debris; None for none."""
    while index < len(lines) and lines[index].number in reasons:
        index += 1
    return index if index < len(lines) else None


def standing_alone(lines: list[Line]) -> list[Line]:
    """The lines that are a block of their own, blank lines (or the text's ends) round them."""
    numbers = {line.number for line in lines}
    return [line for line in lines
            if line.number - 1 not in numbers and line.number + 1 not in numbers]


def is_release_line(text: str) -> bool:
    """A press release's line over its headline: its phrases, and at most its date, each
    part a phrase or a date alone once the phrases are taken out ("PRESS RELEASE | 3 March
    2025", "新聞稿 2025年3月3日", "For immediate release: 3 March 2025")."""
    rest, phrases = RELEASE.subn("\t", text)
    parts = [part.strip(RELEASE_PART_ENDS) for part in RELEASE_JOINS.split(rest)
             for part in part.split("\t")]
    return phrases > 0 and all(not part or detect(part).is_date(part) for part in parts)


# A link's address in angle brackets after its words, as a mail program writes a link in
# plain text (Gmail's, Outlook's: `View this email in your browser <https://…>`).
LINK_TARGET = LazyPattern(r"\s*<(?:https?://|mailto:)[^<>\s]+>")


def classified(number: int, text: str) -> Line:
    if END_MARK.fullmatch(text.replace(NBSP, " ").strip()):
        return Line(number, text, END_OF_RELEASE)
    if RULE.fullmatch(text) or SIGNATURE_DELIMITER.fullmatch(text.strip()):
        # The source's formatting, as a page's <hr> is, not its text: a dash alone says
        # nothing (a mail signature's delimiter, where a mail's text was pasted).
        return Line(number, text, DRAWN_RULE)
    bare = without_icons(text)
    if IMAGE_PLACEHOLDER.fullmatch(text.strip()) or (
            (logo := LOGO_TEXT.fullmatch(text.strip()))
            and detect(logo.group("body")).names_body(logo.group("body"))):
        return Line(number, text, PICTURE_PLACE)
    if MEDIA_TIME.fullmatch(text.strip()):
        return Line(number, text, "page tools")
    if LONE_SEPARATOR.fullmatch(text.strip()):  # what parted two links or tools, alone
        return Line(number, text, "links")
    # Its words without the icons a copy left, or as they stand where they are marks alone
    # (a Taiwan site's access key ":::", which the icons' stripping empties).
    said_as_is = text.strip() if bare != text.strip() else None
    for reason, pattern, doubtful in KINDS:
        if pattern.fullmatch(bare) or said_as_is and pattern.fullmatch(said_as_is):
            return Line(number, text, reason, doubtful)
    pieces = furniture_pieces(text.strip() if BRACKETED_TOOLS.fullmatch(text) else bare)
    if pieces:  # a row of the page's tools, or a line of them in two languages
        return Line(number, text, pieces[0][0], all(doubtful for _, doubtful in pieces))
    if ATTRIBUTION.fullmatch(bare) and MAIL_STAMP.search(bare):
        return Line(number, text, "reply attribution")
    # A row of links never ends a sentence (the icons stripped would take its full stop).
    return Line(number, text, "" if ends_sentence(text) else link_row(bare))


def furniture_pieces(bare: str) -> list[tuple[str, bool]]:
    """The kind of each piece of a line made of the page's furniture alone: pieces a gap
    parts, as a row of tools ("【字体：大 中 小】  打印本页  关闭窗口"; in Chinese a space is
    gap enough), or its two languages' words ("Back to top 返回頁首"); none where any piece
    is not furniture."""
    halves = language_halves(bare)
    pieces = (BRACKETED_TOOL.findall(bare) if BRACKETED_TOOLS.fullmatch(bare)
              else bare.split(CELL) if CELL in bare
              # (a row of tools may end in a network's name: "列印本頁 分享至 Facebook")
              else (not detect(bare).words_spaced and tools(bare))
              or (list(halves) if len(halves) == 2 else []))
    found = []
    for piece in map(without_icons, pieces):
        kind = next(((reason, doubtful) for reason, pattern, doubtful in KINDS
                     if piece and pattern.fullmatch(piece)), None)
        if kind is None:
            return []
        found.append(kind)
    return found


def tools(row: str) -> list[str]:
    """The page's tools a row in a language whose words no spaces part is made of, each the
    longest one opening what is left of it, a space after it: a space is gap enough there
    ("【字体：大 中 小】 打印本页 关闭窗口"), and a tool may hold spaces ("打印本页 分享到：微信
    微博"). None where the row holds anything else, or separators (a row of links,
    link_row's)."""
    if SEPARATOR.search(row):
        return []
    found = []
    rest = row.strip()
    while rest:
        tool = opening_tool(rest)
        if not tool:
            return []
        found.append(tool)
        rest = rest[len(tool):].lstrip()
    return found


def opening_tool(text: str) -> str:
    """The longest of the page's tools `text` opens with, ending at a gap or at its end;
    "" for none."""
    gaps = [gap.start() for gap in re.finditer(r"\s+", text)][:MAX_TOOL_WORDS]
    for end in sorted({*gaps, len(text)}, reverse=True):
        piece = without_icons(text[:end])
        if piece and any(pattern.fullmatch(piece) for _, pattern, _ in KINDS):
            return text[:end]
    return ""


def mail_headers(lines: list[Line]) -> list[list[Line]]:
    """Each e-mail header among `lines`: adjacent lines `Field: value` naming two fields at
    least, the sender or the subject among them, with the rule drawn above it if any."""
    blocks: list[list[Line]] = []
    for index, line in enumerate(lines):
        if not MAIL_FIELD.fullmatch(line.text):
            continue
        if blocks and blocks[-1][-1] is lines[index - 1] and (
                line.number == lines[index - 1].number + 1):  # no blank line between
            blocks[-1].append(line)
        else:
            above = lines[index - 1] if index else None
            drawn = above and above.number == line.number - 1 and RULE.fullmatch(above.text)
            blocks.append([above, line] if drawn else [line])
    return [block for block in blocks if is_header(block)]


def carrier(headers: list[list[Line]]) -> list[Line]:
    """The header of the mail that carries the text: in a forward (its subject opening
    "FW:"), the mail forwarded's, the last; else the mail's own, the first."""
    return headers[-1] if FORWARDED.match(subject_as_sent(headers[0]).strip()) else headers[0]


def forwarded_unquoted(text: str) -> tuple[str, str]:
    """The `text` of a mail whose whole text under its last header is quoted, every line
    opened by ">" (a forward's, or the mail under "-----Original Message-----"; RFC 3676,
    4.5), with those marks taken off, a quote within a quote's too, and the date that header
    says the mail was sent: the quoted mail is the text, to be read as any text is. The text
    as it is and "" otherwise (a quotation among a mail's own lines stays one)."""
    rows = text.split("\n")
    headers = mail_headers([Line(number, row) for number, row in enumerate(rows, 1)
                            if row.strip()])
    if not headers:
        return text, ""
    after = headers[-1][-1].number
    body = [index for index in range(after, len(rows)) if rows[index].strip()]
    if not body or not all(rows[index].lstrip().startswith(QUOTE_MARK) for index in body):
        return text, ""
    for index in body:
        rows[index] = QUOTE_MARKS.sub("", rows[index].lstrip(), count=1)
    return "\n".join(rows), sent_on(headers[-1])


def is_header(block: list[Line]) -> bool:
    fields = [match.group(1).casefold() for line in block
              if (match := MAIL_FIELD.fullmatch(line.text))]
    return len(set(fields)) >= 2 and any(MAIL_KEY_FIELD.fullmatch(field) for field in fields)


def subject(header: list[Line]) -> str:
    """The subject a header gives, without the "RE:" and "FW:" of a reply or a forward."""
    return REPLY_PREFIXES.sub("", subject_as_sent(header), count=1).strip()


def sent_on(header: list[Line]) -> str:
    """The date a mail's header says it was sent ("Sent: 19 July 2024 16:42"), or ""."""
    return next((date for line in header if (date := detect(line.text).date_in(line.text))), "")


def subject_as_sent(header: list[Line]) -> str:
    for line in header:
        match = MAIL_FIELD.fullmatch(line.text)
        if match and MAIL_SUBJECT.fullmatch(match.group(1)):
            return match.group(2)
    return ""


def forwarding_note(lines: list[Line], reasons: dict[int, str],
                    headers: list[list[Line]]) -> dict[int, str]:
    """In a mail forwarded, the forwarder's lines over the line over the mail it forwards:
    those between its header (its subject opening "FW:") and greeting and that line
    ("Please find below the final text."), or the header of the mail forwarded where no
    such line stands over it (Outlook's); or, where that line stands right over the first
    header (Gmail's "---------- Forwarded message ---------" over the header of the mail
    forwarded), every line over it (what the program showed of the forwarder's mail: its
    subject, folder, sender and time, and the note). The forwarder's, not the document's,
    where the mail forwarded holds more of the text. A reply's lines over the mail it quotes
    are its own text, and stay."""
    header = headers[0]
    if FORWARDED.match(subject_as_sent(header).strip()):
        parts = around_separator(lines, reasons, header) or over_header(
            lines, reasons, header, headers[1:])
    else:
        parts = under_forward_line(lines, reasons, header)
    if not parts or not parts[0] or running_lines(parts[0]) >= running_lines(parts[1]):
        return {}
    return {line.number: FORWARDING_NOTE for line in parts[0]}


def over_header(lines: list[Line], reasons: dict[int, str], header: list[Line],
                later: list[list[Line]]) -> tuple[list[Line], list[Line]] | None:
    """The lines kept between a mail's `header` and the next header under it (the mail it
    forwards), and those under that one; None without one."""
    if not later:
        return None
    return kept_apart(lines, reasons, header[-1].number, later[0][0].number,
                      later[0][-1].number)


def under_forward_line(lines: list[Line], reasons: dict[int, str], header: list[Line]
                       ) -> tuple[list[Line], list[Line]] | None:
    """The lines kept over the line naming a mail forwarded that stands right over `header`,
    and those under the header; None where no such line stands there."""
    opened = header[0].number
    line = next((line for line in lines if line.number == opened - 1), None)
    if line is None or not FORWARD_SEPARATOR.fullmatch(without_icons(line.text)):
        return None
    return kept_apart(lines, reasons, 0, opened, header[-1].number)


def without_icons(text: str) -> str:
    """The line without the arrows, symbols and bullets a link's icon leaves at its ends
    ("▲ Back to top", "» Print"); a copyright sign stays."""
    start, end = 0, len(text)
    while start < end and is_icon(text[start]):
        start += 1
    while end > start and is_icon(text[end - 1]):
        end -= 1
    return text[start:end]


def is_icon(character: str) -> bool:
    category = unicodedata.category(character)
    return character.isspace() or (category[0] in "SP" and character not in "©()（）\"'‘’“”")


def link_row(text: str) -> str:
    """The kind of a row of links parted by separators, or "" when the line is none. A row
    opening with the site's own link (`Home / News / 2025 / …`) is a breadcrumb parted by
    slashes too, and a year or a number may be one of its crumbs (a news archive's); a
    breadcrumb's last crumb is the page's own title, as long as a heading may be."""
    if (trail := BREADCRUMB_PREFIX.match(text)) and breadcrumb_after(text[trail.end():]):
        return "breadcrumb"  # "You are here: University of Eastmoor / Geography / …"
    prefix = ROW_PREFIX.match(text)
    parts = SEPARATOR.split(text[prefix.end():] if prefix else text)
    home = len(parts) >= 2 and bool(LINK.fullmatch(parts[0]))
    crumbs = re.search(r"\s[>›»]\s|[›»]", text) or (home and re.search(r"\s/\s", text))
    last = is_link(parts[-1]) or (crumbs and len(parts) >= 2 and not is_running(parts[-1]))
    if not last or not all(is_link(part) or (home and FIGURES.fullmatch(part))
                           for part in parts[:-1]):
        return ""
    if prefix:
        return "print or share link"
    if len(parts) < 2:
        return ""
    if any(DATELINE_LINE.fullmatch(part) for part in parts):
        return DATELINE  # the row says when the page was published: its date is the text's
    if all(part.casefold() in LANGUAGE_NAMES for part in parts):
        return "language switcher"
    known = all(any(pattern.fullmatch(part) for _, pattern, _ in KINDS) for part in parts)
    if crumbs and (len(parts) >= 3 or known or home or is_link(parts[-1])):
        return "breadcrumb"
    if not is_link(parts[-1]):
        return ""
    if known or (len(parts) >= MIN_ROW_LINKS and "|" in text):
        return "links"
    return ""


def breadcrumb_after(text: str) -> bool:
    """Whether `text`, after a trail's label, is its crumbs: links parted by separators, the
    last the page's own title, as long as a heading may be."""
    parts = SEPARATOR.split(text)
    return len(parts) >= 2 and all(map(is_link, parts[:-1])) and not is_running(parts[-1])


def menu_row(lines: list[Line], reasons: dict[int, str], index: int) -> bool:
    """Whether line `index`, over the text, is the site's menu copied as a row of links parted
    by runs of spaces (cleaning's tabs: `Visit   Collections   Learn   Support Us`), beside
    the page's other debris (its breadcrumb, its skip link): MIN_ROW_LINKS links at least, no
    figure among them, as a table's header row has."""
    beside = [lines[other].number for other in (index - 1, index + 1) if 0 <= other < len(lines)]
    return is_spaced_link_row(lines[index].text) and any(number in reasons for number in beside)


def footer_link_rows(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """The footer's rows of links parted by runs of spaces (`Privacy   Accessibility
    Freedom of information`, over its copyright line): under the text, each a block of its
    own (no table's row over it), nothing but the page's debris or such rows under it."""
    rows: dict[int, str] = {}
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.number in reasons or line.number in rows:
            continue
        above = lines[index - 1] if index else None
        if not is_spaced_link_row(line.text) or (
                above and above.number == line.number - 1 and CELL in above.text):
            break
        rows[line.number] = "links"
    return rows


def is_spaced_link_row(text: str) -> bool:
    """A row of links parted by runs of spaces (cleaning's tabs): MIN_ROW_LINKS links at
    least, no figure among them, as a table's header row has."""
    cells = text.split(CELL)
    return len(cells) >= MIN_ROW_LINKS and all(is_link(cell.strip()) for cell in cells)


def is_link(text: str) -> bool:
    """A link's words: a few of them, and no sentence, figure, telephone number or e-mail
    address (a contact line is the text's)."""
    return (bool(text) and not ends_sentence(text) and word_count(text) <= MAX_LINK_WORDS
            and len(text) <= MAX_LINK_CHARACTERS
            and not FIGURES.fullmatch(text) and not CONTACT.search(text))


def is_running(text: str) -> bool:
    """A sentence, a list item or a table's row: text, not furniture. A short line with no
    closing mark (a title, a heading, a name) is neither."""
    if CELL in text or marked(text) is not None:
        return True
    return ends_sentence(text) or text.endswith("\u2026") or word_count(text) > SHORT_WORDS


def sentence_follows(lines: list[Line], index: int) -> bool:
    """The next line of text (other furniture and a cookie notice aside) is running text."""
    for line in lines[index + 1:]:
        if (line.kind and not line.doubtful) or is_cookie_notice(line.text):
            continue
        return is_running(line.text) and not line.kind
    return False


def heads_contacts(lines: list[Line], index: int) -> bool:
    """Whether the line at `index` heads the contact lines under it, a section's heading, not
    a menu's link: a contact heading's words ("Contact us", "聯絡我們") over a block of short
    lines of the text's (a blank line between at most), an address, a telephone number or an
    e-mail address among them ("Tallow Reach Canal Society" over "The Lock House, Wharf Lane"
    over "Hensall HN4 7QT"). It stands as a heading does, a blank line over it or nothing:
    right under a menu's links ("Home", "Our homes"), it is their last, over the site's
    contact strip ("Tel: … | Email: …")."""
    if not CONTACT_HEADING.fullmatch(lines[index].text.strip()):
        return False
    if index and lines[index - 1].number == lines[index].number - 1:
        return False
    return over_contact_lines(lines, index)


def over_contact_lines(lines: list[Line], index: int) -> bool:
    """Whether the line at `index` stands over a block of short lines of the text's (a blank
    line between at most), an address, a telephone number or an e-mail address among them:
    a contact's details, which the line heads. The block ends at its last such line: in a
    text with no blank lines, the next section's heading and text follow it right under."""
    block = lines[index + 1:index + 2]
    for line in lines[index + 2:]:
        if line.number != block[-1].number + 1 or is_running(line.text):
            break
        block.append(line)
    details = [at for at, line in enumerate(block) if is_contact_detail(line.text.strip())]
    return (bool(details) and not is_running(block[0].text)
            and all(not line.kind for line in block[:details[-1] + 1]))


def is_contact_detail(text: str) -> bool:
    """A line of a contact's details: a telephone number, an e-mail or a postal address."""
    return is_contact_line(text) or is_postal_line(text)


def is_postal_line(text: str) -> bool:
    """A line of a postal address, as far as its shape says: words and a figure (a house's
    number, a postcode: "12 Quay Street", "Hensall HN4 7QT", "觀塘協和街123號"), no date."""
    return (any(character.isdigit() for character in text)
            and any(character.isalpha() for character in text)
            and not detect(text).is_date(text))


def amid_text(lines: list[Line], reasons: dict[int, str], index: int) -> bool:
    """Whether the line at `index` stands between paragraphs of a text wrapped at its line
    ends, no furniture beside it: a sentence ends the line over it, and a wrap broke the
    line under it (`Learning` between two paragraphs of a chapter copied out of its PDF, no
    sentence alone on the line under it). A section's heading, where a page sets a link
    among its others, in its menu or its footer."""
    return (0 < index < len(lines) - 1
            and is_text(lines[index - 1], reasons) and ends_sentence(lines[index - 1].text)
            and is_text(lines[index + 1], reasons)
            and wrapped_at([line.text for line in lines], index + 1))


def is_text(line: Line, reasons: dict[int, str]) -> bool:
    """Whether `line` is, as far as its words and shape say, the text's: no furniture."""
    return not line.kind and line.number not in reasons


def page_record(lines: list[Line], reasons: dict[int, str], first_text: int
                ) -> dict[int, str]:
    """A government page's record of itself over its text (or under its summary), each label
    alone over its value,
    two labels at least (`From:` over `Office of the … Commissioner`, `Published` over `14
    May 2025`, `Applies to:` over `England`): the page's; who published it is the page that
    posted it (the organisation the opener prints), when, its dateline (the text's date)."""
    # Over the text, or under its summary (a line of running text under the title).
    second = next((index for index in range(first_text + 1, len(lines))
                   if lines[index].number not in reasons
                   and word_count(lines[index].text) >= MIN_RECORD_SENTENCE_WORDS
                   and ends_sentence(lines[index].text)),
                  len(lines))
    labels = [index for index, line in enumerate(lines[:second])
              if line.number not in reasons and index + 1 < len(lines)
              and lines[index + 1].number == line.number + 1
              and any(label.fullmatch(line.text.strip())
                      for label in (PUBLISHER_LABEL, PUBLISHED_LABEL, RECORD_LABEL))]
    if len(labels) < MIN_RECORD_LABELS:
        return {}
    found = {}
    for index in labels:
        label, value = lines[index], lines[index + 1]
        found[label.number] = PAGE_RECORD
        found[value.number] = (PUBLISHER if PUBLISHER_LABEL.fullmatch(label.text.strip())
                               else DATELINE if PUBLISHED_LABEL.fullmatch(label.text.strip())
                               and detect(value.text).date_in(value.text) else PAGE_RECORD)
    return found


def publication(lines: list[Line], reasons: dict[int, str], first_text: int
                ) -> dict[int, str]:
    """A platform's label over the text naming the publication a post appears in
    (`PUBLISHED_IN`: "Published in"), and that name on the line right under it: the page's,
    the post's author a line further up (so the name is not taken for the author); and the
    same name over the post's title, the publication's masthead (not the title)."""
    found = {}
    for line, name in itertools.pairwise(lines[:first_text]):
        if (line.number not in reasons and name.number == line.number + 1
                and PUBLISHED_IN.fullmatch(line.text.strip()) and not is_running(name.text)):
            found.update({line.number: PUBLICATION, name.number: PUBLICATION})
            found.update({other.number: PUBLICATION for other in lines[:first_text]
                          if other.number not in reasons
                          and likeness_key(other.text) == likeness_key(name.text)})
    return found


def author_over_date(lines: list[Line], reasons: dict[int, str], first_text: int
                     ) -> dict[int, str]:
    """A name alone under the page's title, over the post's date (over the text) with
    nothing but the page's debris between them ("Samira Haddad" over "Follow", "6 min read",
    "Mar 3, 2025"): the post's author, as a dateline naming them is."""
    # A post's date is found over the text's first sentence only (DATE_LINE), under its
    # subtitle perhaps; a dateline over the text's first line.
    dated = next((index for index, line in enumerate(lines)
                  if reasons.get(line.number) == DATE_LINE
                  or index < first_text and reasons.get(line.number) == DATELINE), None)
    if dated is None:
        return {}
    above = kept_above(lines, reasons, dated - 1)
    name = lines[above].text.strip() if above >= 0 else ""
    top = above
    while top > 0 and lines[top - 1].text.strip() == name:  # its picture's text, and its link
        top -= 1
    # A title stands over it, the page's debris perhaps between ("Report this article").
    if kept_above(lines, reasons, top - 1) < 0 or not detect(name).is_name(name):
        return {}
    return {line.number: POSTER for line in lines[top:above + 1]}


def kept_above(lines: list[Line], reasons: dict[int, str], index: int) -> int:
    """The index of the nearest line at or over `index` that is no debris; -1 for none."""
    while index >= 0 and lines[index].number in reasons:
        index -= 1
    return index


def page_over_stamp(lines: list[Line], reasons: dict[int, str], first_text: int
                    ) -> dict[int, str]:
    """A body's name alone over a post's stamp at the page's top, nothing but the page's
    debris over it and between them (`Facebook`, `Log In` over `Ashcombe Vale Cricket Club`
    over `17 September at 19:42 ·`): the page that posted it, its organisation, which the
    opener prints (not the title)."""
    stamp = next((index for index, line in enumerate(lines[:first_text + 2])
                  if reasons.get(line.number) == DATELINE), None)
    kept = [index for index in range(stamp or 0) if lines[index].number not in reasons]
    if stamp is None or len(kept) != 1:
        return {}
    name = lines[kept[0]].text.strip()
    return {lines[kept[0]].number: POSTING_PAGE} if detect(name).names_body(name) else {}


def fundraising(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A fundraising page's totals (`£12,450` over `raised of £20,000 target` over `by 312
    supporters` over `62%`), the lines of figures next to them among them; and its feed of
    donations, from its heading (`Donations`) to its `Show more`, no blank line between,
    how long ago each gift was made told twice at least; and, on such a page, the lines
    over an update its owner posts and the label naming the cause (FUNDRAISER_LINE)."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not TOTALS.fullmatch(line.text.strip()):
            continue
        for step in (-1, 1):
            at = index
            while (0 <= at + step < len(lines)
                   and abs(lines[at + step].number - lines[at].number) == 1
                   and (TOTALS.fullmatch(lines[at + step].text.strip())
                        or SUM.fullmatch(lines[at + step].text.strip()))):
                at += step
                found[lines[at].number] = FUNDRAISING
        found[line.number] = FUNDRAISING
    for index, line in enumerate(lines):
        if not DONATIONS.fullmatch(line.text.strip()):
            continue
        end = index + 1
        while (end < len(lines) and end - index < MAX_FEED_LINES
               and lines[end].number == lines[end - 1].number + 1
               and not FEED_END.fullmatch(lines[end - 1].text.strip())):
            end += 1
        feed = lines[index:end]
        if sum(reasons.get(each.number) == "page tools" for each in feed) >= 2:
            found.update({each.number: FUNDRAISING for each in feed})
    if found:
        found.update({line.number: FUNDRAISING for line in lines
                      if FUNDRAISER_LINE.fullmatch(line.text.strip())})
    return found


def page_properties(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A notes app's page properties over the text (Notion's `Created by` over `Rhiannon
    Gathercole`, `Tags` over `AGM`, `Board`), a line each, no blank line between, two labels
    at least, and the page's icon alone over its title (`⚡`)."""
    first_text = text_between(lines, reasons)[0]
    start = next((index for index, line in enumerate(lines[:first_text])
                  if PROPERTY.fullmatch(line.text.strip())), None)
    if start is None:
        return {}
    end = start
    while (end < first_text and lines[end].number == lines[start].number + end - start
           and word_count(lines[end].text) <= MAX_PROPERTY_WORDS
           and not ends_sentence(lines[end].text)):
        end += 1
    run = lines[start:end]
    if sum(bool(PROPERTY.fullmatch(line.text.strip())) for line in run) < MIN_PROPERTIES:
        return {}
    found = {line.number: PAGE_PROPERTIES for line in run}
    icons = [line for line in lines[:start] if line.number not in reasons
             and not without_icons(line.text).strip()]
    return found | {line.number: PAGE_PROPERTIES for line in icons}


def caption_track(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A video's transcript (CAPTION_TIME): each caption's time, the sounds it notes that no
    audience makes, and the panel's lines over its first time (`Transcript`, `Search in
    video`)."""
    times = [index for index, line in enumerate(lines)
             if CAPTION_TIME.fullmatch(line.text.strip()) and index + 1 < len(lines)
             and lines[index + 1].number == line.number + 1]
    if len(times) < MIN_CAPTION_TIMES:
        return {}
    found = {lines[index].number: CAPTION_TIMES for index in times}
    found |= {line.number: CAPTION_TIMES for line in lines[times[0]:]
              if SOUND_TAG.fullmatch(line.text.strip())}
    found |= {line.number: "page tools" for line in lines[:times[0]]
              if line.number not in reasons and is_link(line.text)}
    return found


def account_head(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A post's head as a photo platform shows it (Instagram's): the account's handle alone
    on the first line, the caption a few lines under it opening with the handle again
    (`tynesidemaritime` over `Tyneside Maritime Museum` over `Original audio`, then
    `tynesidemaritime 🚢 SHE'S BACK! …`); the handle the account's, the body's name under it
    the page that posted it, its organisation (a person's name, its author)."""
    kept = [line for line in lines[:MAX_ACCOUNT_HEAD + 1] if line.number not in reasons]
    if len(kept) < 2 or kept[0] is not lines[0] or not HANDLE.fullmatch(lines[0].text.strip()):
        return {}
    handle = lines[0].text.strip()
    caption = next((index for index, line in enumerate(kept[1:], 1)
                    if line.text.startswith(f"{handle} ")), None)
    if caption is None:
        return {}
    found = {lines[0].number: ACCOUNT}
    for line in kept[1:caption]:
        name = line.text.strip()
        found[line.number] = (POSTING_PAGE if detect(name).names_body(name)
                              else POSTER if detect(name).is_name(name) else ACCOUNT)
    return found


def caption_handles(lines: list[Line], reasons: dict[int, str]) -> dict[int, re.Match]:
    """The account's handle opening the caption under it, where its head was found
    (account_head): line number -> the handle, the space after it included."""
    handle = next((line.text.strip() for line in lines if reasons.get(line.number) == ACCOUNT
                   and HANDLE.fullmatch(line.text.strip())), None)
    if handle is None:
        return {}
    return {line.number: found for line in lines[:MAX_ACCOUNT_HEAD + 1]
            if line.number not in reasons
            and (found := re.match(rf"{re.escape(handle)} +", line.text))}


def readers_counts(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """Runs of readers' counts (READERS_COUNT) with the page's debris over and under them
    (its date, its tools), or under the text's last sentence over the page's footer."""
    found: dict[int, str] = {}
    start = 0
    while start < len(lines):
        end = start
        while (end < len(lines) and lines[end].number not in reasons
               and READERS_COUNT.fullmatch(lines[end].text.strip())):
            end += 1
        if 0 < start < end < len(lines) and (
                lines[end].number in reasons or lines[end].kind) and (
                lines[start - 1].number in reasons or closes_sentence(lines[start - 1].text)
                and reasons.get(lines[end].number, lines[end].kind) in FOOTER_KINDS):
            found.update({line.number: READERS_COUNTS for line in lines[start:end]})
        start = max(end, start + 1)
    return found


def is_cookie_notice(text: str) -> bool:
    return bool(COOKIES.search(text) and CONSENT.search(text))


def comments_section(lines: list[Line], reasons: dict[int, str], first_text: int
                     ) -> dict[int, str]:
    """The readers' comments under a post, from the line heading them after the text has
    begun ("3 thoughts on “…”", "Leave a Reply", "發表評論") to the end: their sentences are
    the commenters', not the text's."""
    start = next((index for index, line in enumerate(lines)
                  if index > first_text and reasons.get(line.number) == COMMENTS), None)
    if start is None:
        return {}
    return {line.number: COMMENTS for line in lines[start:] if line.number not in reasons}


def text_between(lines: list[Line], reasons: dict[int, str]) -> tuple[int, int]:
    """The indices of the first and the last line of running text not yet found debris (a
    cookie notice and a line of contact details aside: `01935 555210 | info@…` in a page's
    footer is no text's); len(lines) and -1 when there is none."""
    body = [index for index, line in enumerate(lines) if line.number not in reasons
            and is_running(line.text) and not is_cookie_notice(line.text)
            and not is_contact_line(line.text.strip())]
    return (body[0], body[-1]) if body else (len(lines), -1)


def cookie_banner(lines: list[Line], index: int) -> list[Line]:
    """The lines of the banner around the cookie notice on line `index`: the lines right next
    to it, no blank line between, that speak of cookies too (its heading, "Cookies on
    GOV.UK"; what else it asks), and its buttons ("Accept additional cookies", "View
    cookies")."""
    def of_banner(line: Line, next_to: Line) -> bool:
        return (abs(line.number - next_to.number) == 1 and bool(COOKIES.search(line.text))
                or is_button(line.text))

    start = index
    while start > 0 and of_banner(lines[start - 1], lines[start]):
        start -= 1
    end = index + 1
    while end < len(lines) and of_banner(lines[end], lines[end - 1]):
        end += 1
    return lines[start:end]


def is_button(text: str) -> bool:
    return all(BUTTON.fullmatch(part) for part in SEPARATOR.split(without_icons(text)))


def button_follows(lines: list[Line], index: int) -> bool:
    """A button ("Accept", "Accept | Decline") stands on the line after line `index`."""
    return index + 1 < len(lines) and is_button(lines[index + 1].text)


def repeated_furniture(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """Short lines written again after sections: each one after text, none before a
    sentence, two times at least ("Return to top" of a phrasing not known). A lead-in over
    the text it introduces ("For more information, please contact" over a name and a
    telephone number, "Opening hours:") is the text's, however often it is written, and so
    is the line it stands over; so is a heading over a contact's lines ("Enquiries" over a
    name, a telephone number and an e-mail address in each section)."""
    def is_candidate(index: int) -> bool:
        line = lines[index]
        return (line.number not in reasons and not is_running(line.text)
                and word_count(line.text) <= MAX_LINK_WORDS
                and not leads_in(lines, reasons, index)
                and not over_contact_lines(lines, index)
                and not (index > 0 and leads_in(lines, reasons, index - 1)))

    places: dict[str, list[int]] = {}
    for index in range(len(lines)):
        if is_candidate(index):
            places.setdefault(lines[index].text.casefold(), []).append(index)
    found = {}
    for indices in places.values():
        after_text = [index for index in indices
                      if index > 0 and is_running(lines[index - 1].text)
                      and lines[index - 1].number not in reasons]
        if len(after_text) >= 2 and not any(sentence_follows(lines, index) for index in indices):
            found.update({lines[index].number: "repeated page furniture" for index in indices})
    return found


def leads_in(lines: list[Line], reasons: dict[int, str], index: int) -> bool:
    """Whether the line at `index` is a lead-in (ending in a colon, or a verb of contacting)
    of the text's with a line of the text's under it: what it introduces."""
    return (is_lead_in(lines[index].text) and index + 1 < len(lines)
            and is_text(lines[index], reasons) and is_text(lines[index + 1], reasons))


def page_contents(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A page's list of its own sections: the line naming it ("On this page", "Contents")
    and the short lines under it (numbered as its sections are, or not), up to the first
    written again (the first section's heading, under the list), each of which a line
    further down says again (the heading it links to)."""
    found = {}
    for index, line in enumerate(lines):
        if line.number in reasons or not CONTENTS.fullmatch(without_icons(line.text)):
            continue
        entries: dict[str, Line] = {}  # by what each says
        for entry in lines[index + 1:]:
            key = likeness_key(entry.text)
            numbered = marked(entry.text)
            if (entry.number in reasons or key in entries
                    or is_running(numbered.text if numbered else entry.text)):
                break
            entries[key] = entry
        below = {likeness_key(later.text) for later in lines[index + 1 + len(entries):]}
        if len(entries) >= MIN_CONTENTS_ENTRIES and below.issuperset(entries):
            found.update({each.number: PAGE_CONTENTS for each in (line, *entries.values())})
    return found


def site_head(lines: list[Line], reasons: dict[int, str], first_text: int) -> dict[int, str]:
    """The short lines over the page's breadcrumb trail (the site's name), where the page's
    title stands under the trail, naming what its last crumb names ("… > Research and
    innovation" over "Chapter 4: Research and innovation"), or shaped as a heading, over the
    text ("News & Events > Speeches" over "President's Address at the 42nd Congregation"):
    the site's head, not the title. Where the text stands right under the trail, a line over
    it may be the title (a site setting its trail under the title), and stays."""
    trail = breadcrumb_trail(lines, reasons, first_text)
    if trail is None:
        return {}
    under = [line for line in lines[trail + 1:first_text] if line.number not in reasons]
    crumb = likeness_key(crumbs(lines[trail].text)[-1])
    named = columns(crumb) >= MIN_TITLE_KEY and any(crumb in likeness_key(line.text)
                                                   for line in under)
    if not named and not (under and detect(under[0].text).is_heading(under[0].text)):
        return {}
    return {line.number: NAVIGATION for line in lines[:trail]
            if line.number not in reasons and not is_running(line.text)}


def breadcrumb_trail(lines: list[Line], reasons: dict[int, str], first_text: int
                     ) -> int | None:
    """The index of the page's breadcrumb trail over its text, or None."""
    return next((index for index, line in enumerate(lines[:first_text])
                 if reasons.get(line.number) == "breadcrumb"), None)


def crumbs(trail: str) -> list[str]:
    """A breadcrumb trail's crumbs, the site's own first, the page's last."""
    return SEPARATOR.split(without_icons(trail))


def section_under_trail(lines: list[Line], reasons: dict[int, str], first_text: int
                        ) -> dict[int, str]:
    """The line right under the page's breadcrumb trail naming a crumb of it before the last
    (`Press Releases` under `Home > Press Releases > March 2025`), over another line ending
    no sentence, the headline: the name of the site's section the page stands in, as its
    trail says, not the text's title."""
    trail = breadcrumb_trail(lines, reasons, first_text)
    if trail is None:
        return {}
    kept = [line for line in lines[trail + 1:first_text + 1] if line.number not in reasons]
    sections = {likeness_key(crumb) for crumb in crumbs(lines[trail].text)[1:-1]}
    if (len(kept) < 2 or likeness_key(kept[0].text) not in sections
            or ends_sentence(kept[1].text) or CELL in kept[1].text):
        return {}
    return {kept[0].number: NAVIGATION}


def section_over_headline(lines: list[Line], reasons: dict[int, str], first_text: int
                          ) -> dict[int, str]:
    """The page's first line (its debris aside) naming the site's section of news (`News`,
    `Press releases`, `新聞動態`; the profiles' `news_section`) over the headline, a line
    shaped as a heading naming no one, over the text's first sentence or opening it: the
    section the page stands in, not the title. Over the text itself, no headline between,
    such a word is the title; under another line, a newsletter's section heading."""
    first = kept_under(lines, reasons, 0)
    if first is None or first >= first_text or not NEWS_SECTION.fullmatch(
            without_icons(lines[first].text).strip()):
        return {}
    under = kept_under(lines, reasons, first + 1)
    if under is None or under > first_text:
        return {}
    headline = lines[under].text.strip()
    language = detect(headline)
    if not language.is_heading(headline) or language.names_person(headline):
        return {}
    return {lines[first].number: NAVIGATION}


def tabs_under_trail(lines: list[Line], reasons: dict[int, str], first_text: int
                     ) -> dict[int, str]:
    """A page's tabs copied a label a line, right under its breadcrumb trail or its menu, in
    a block of their own (`新聞` over `活動`, a site builder's): two lines or more of a word
    or two each, as the menu's are, in one language, no person named, none naming the trail's
    last crumb (a title in two languages, `Chairperson's Message` over `主席的話`, is one),
    a heading-shaped line standing under them over the text (the title). The page's
    navigation, not its title and subtitle."""
    head = [index for index, line in enumerate(lines[:first_text])
            if reasons.get(line.number) in ("breadcrumb", "links", NAVIGATION)]
    if not head:
        return {}
    block = list(itertools.takewhile(
        lambda pair: pair[1].number == lines[head[-1] + 1].number + pair[0]
        and pair[1].number not in reasons, enumerate(lines[head[-1] + 1:first_text])))
    tabs = [line for _, line in block]
    under = head[-1] + 1 + len(tabs)
    if (len(tabs) < 2 or under >= first_text or lines[under].number == tabs[-1].number + 1
            or lines[under].number in reasons
            or not detect(lines[under].text).is_heading(lines[under].text)):
        return {}
    if not all(is_link(tab.text) and word_count(tab.text) <= MAX_TAB_WORDS
               and not detect(tab.text).names_person(tab.text.strip()) for tab in tabs):
        return {}
    trail = breadcrumb_trail(lines, reasons, first_text)
    page = likeness_key(crumbs(lines[trail].text)[-1]) if trail is not None else None
    if len({detect(tab.text) for tab in tabs}) > 1 or any(
            page and likeness_key(tab.text) in (page, *page.split()) for tab in tabs):
        return {}
    return {tab.number: NAVIGATION for tab in tabs}


def navigation(lines: list[Line], reasons: dict[int, str], first_text: int
               ) -> dict[int, str]:
    """The site's navigation copied a link a line over the page's title: the short lines
    between a link of the site's ("Home", "Search for:", "首頁") and the title, which its
    dateline ("Published 9 July 2025") shows, standing right under it, over the text: a
    breadcrumb trail a crumb a line, the site's name, its menu; and the site's name over a
    row of its links or its breadcrumb trail ("东湖理工大学新闻网")."""
    # Over the text, or right under its first line, a headline long enough to be read as
    # text.
    # (A government page's publisher may stand between them: "From: … Authority".)
    published = first_text + 1 < len(lines) and bool(
        PUBLISHER_LINE.fullmatch(lines[first_text + 1].text.strip()))
    dateline = next((index for index, line in enumerate(lines[:first_text + 2 + published])
                     if reasons.get(line.number) == DATELINE), None)
    title = over_byline(lines, reasons, dateline - 1 - published) if dateline is not None \
        else -1
    if title < 1 or lines[title].number in reasons:
        title = recorded_title(lines, reasons, first_text)
    if title < 1 or lines[title].number in reasons:
        return {}
    start = title
    # Up over the short lines and the site's links among them ("Home", "Contact"), and the
    # page's kind over its title ("Press release"), to the page's top or to anything else.
    while start > 0 and (reasons.get(lines[start - 1].number) in (*PAGE_HEAD, RELEASE_LINE) or (
            lines[start - 1].number not in reasons and not is_running(lines[start - 1].text))):
        start -= 1
    head = lines[start:title]
    crumbs = [line for line in head if line.number not in reasons]
    linked = start > 0 and reasons.get(lines[start - 1].number) == "link" or any(
        reasons.get(line.number) in PAGE_HEAD for line in head)
    found = {crumb.number: NAVIGATION for crumb in crumbs} if crumbs and linked else {}
    # The site's name over its navigation (a row of links, a breadcrumb trail), itself over
    # the dated title: the page's head, as its menu is.
    menus = [index for index, line in enumerate(lines[:start])
             if reasons.get(line.number) in ("links", "breadcrumb")]
    if menus:
        found.update({line.number: NAVIGATION for line in lines[:menus[-1]]
                      if line.number not in reasons and not is_running(line.text)})
    return found


def recorded_title(lines: list[Line], reasons: dict[int, str], first_text: int) -> int:
    """The index of the page's title right over its record of itself (`From:` over its
    publisher, `Published` over its date: page_record), or over the summary right over it (a
    sentence, as a government page sets one under its title), among the few lines opening
    the text; -1 for none."""
    record = next((index for index, line in enumerate(lines[:first_text + MAX_TRAIL_LINES])
                   if reasons.get(line.number) == PAGE_RECORD), None)
    if record is None:
        return -1
    title = record - 1
    if title > 0 and ends_sentence(lines[title].text):
        title -= 1  # the summary under the title
    return title if lines[title].number not in reasons and not ends_sentence(
        lines[title].text) else -1


def teasers(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A page's teasers of its other pages, two or more in a row: each a title and a blurb
    over its "Read more", a block of its own (blank lines, or debris, between them), the
    heading over them too ("Read more", "Related"): what the page links to, not the text."""
    runs: list[list[int]] = []
    for block in teaser_blocks(lines):
        between = lines[runs[-1][-1] + 1:block[0]] if runs else [None]
        if all(line is not None and line.number in reasons for line in between):
            runs[-1] += block
        else:
            runs.append(block)
    found: dict[int, str] = {}
    for run in runs:
        if sum(TEASER_END.fullmatch(lines[index].text.strip()) is not None
               for index in run) < MIN_TEASERS:
            continue
        over = lines[run[0] - 1].text.strip() if run[0] else ""
        heading = [run[0] - 1] if (TEASER_END.fullmatch(over) or LINK.fullmatch(over)
                                   or RELATED.fullmatch(over)) else []
        found.update({lines[index].number: RELATED_PAGES for index in heading + run})
    return found


def related_posts(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A blog's teasers of its other posts under a heading of theirs ("Related", "You may
    also like", "相關文章", "往期回顾"): the lines under it (teaser_run), each its post's
    title, date or category, where a date or a category (`In "News"`) among them says they
    are teasers, not a section's text, or where they are titles ending the text."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not RELATED.fullmatch(line.text.strip()):
            continue
        run = teaser_run(lines, index, reasons)
        end = index + 1 + len(run)
        if any(IN_CATEGORY.fullmatch(each.text.strip()) or is_date_line(each.text)
               for each in run) or closing_titles(run, lines[end:], reasons):
            found.update({each.number: RELATED_PAGES for each in (line, *run)})
    return found


def teaser_run(lines: list[Line], index: int, reasons: dict[int, str]) -> list[Line]:
    """The short lines under the heading of related posts at `index`, a blank line under it
    at most, and between them none or as between the first two (a blank line under each, as
    a WeChat article's copy sets them): where the spacing widens, the page's next part
    starts (its footer's contact lines)."""
    run: list[Line] = []
    spacing = TEASER_STEP
    for line in lines[index + 1:]:
        if (line.number - (run[-1] if run else lines[index]).number > spacing
                or line.number in reasons or word_count(line.text) > MAX_TEASER_WORDS):
            break
        if len(run) == 1:
            spacing = line.number - run[0].number
        run.append(line)
    return run


def closing_titles(run: list[Line], under: list[Line], reasons: dict[int, str]) -> bool:
    """Whether the lines `run` under a heading of related posts are the posts' titles ending
    the text: MAX_RELATED_TITLES at most, each a title (one may exclaim or ask, "Volunteers
    wanted!", none ends in a full stop, as a section's sentences do), only the page's
    furniture under them (`under`), whose lines would otherwise start the footer under the
    last title that ends a sentence."""
    return (0 < len(run) <= MAX_RELATED_TITLES and all(is_title(each.text) for each in run)
            and all(each.number in reasons for each in under))


def is_title(text: str) -> bool:
    """A title's line: ending no sentence, or ending one with "!" or "?" ("招募啦！")."""
    return not ends_sentence(text) or text.rstrip().rstrip(SENTENCE_CLOSERS).endswith(
        TITLE_ENDS)


def is_date_line(text: str) -> bool:
    """A date alone on its line: "3 October 2024", "2025年1月12日"."""
    return bool(detect(text).date_in(text)) and word_count(text) <= MAX_DATE_WORDS


def share_buttons(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """The buttons under a page's "Share this:", a line each, no blank line between, each
    naming a network or an action ("Facebook", "X", "LinkedIn", "Email"): its share row
    copied a button a line; and the card a share box shows between them (`Share this post`
    over the site's name and the post's title, over `Copy link`), a few short lines."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if reasons.get(line.number) != SHARE or index + 1 >= len(lines):
            continue
        card = share_card(lines[index:], reasons)
        found.update({each.number: SHARE for each in card})
        for before, after in itertools.pairwise(lines[index + len(card):]):
            if (after.number != before.number + 1
                    or not SHARE_NETWORK.fullmatch(after.text.strip())):
                break
            found[after.number] = SHARE
    return found


def share_card(lines: list[Line], reasons: dict[int, str]) -> list[Line]:
    """The lines of the card a share box shows under its opening line (`lines[0]`), over
    its first button (a share link, or a network under it), no blank line between: each
    short, of no sentence, MAX_CARD_LINES at most; none where no button follows them."""
    card: list[Line] = []
    for before, line in itertools.pairwise(lines[:MAX_CARD_LINES + 2]):
        if line.number != before.number + 1:
            return []
        if reasons.get(line.number) == SHARE or SHARE_NETWORK.fullmatch(line.text.strip()):
            return card
        if line.number in reasons or ends_sentence(line.text) or word_count(
                line.text) > MAX_TEASER_WORDS:
            return []
        card.append(line)
    return []


MAX_CARD_LINES = 3  # the site's name, the post's title, its subtitle


def sign_up_box(lines: list[Line]) -> dict[int, str]:
    """A newsletter's sign-up box copied a line each, no blank line between: every line of
    the block holding its field's label alone ("Email Address"), short lines all (its
    heading "Subscribe", its pitch, its button "Sign Up", "We respect your privacy.", the
    "Thank you!" it shows once sent). In a longer block (a page copied with no blank lines),
    the box runs from its heading (SIGN_UP_HEADING) over the field to its button under it."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not SIGN_UP_FIELD.fullmatch(line.text.strip()):
            continue
        start, end = index, index + 1
        while start > 0 and lines[start - 1].number == lines[start].number - 1:
            start -= 1
        while end < len(lines) and lines[end].number == lines[end - 1].number + 1:
            end += 1
        if end - start > MAX_SIGN_UP_LINES:
            start, end = headed_box(lines, start, index)
        box = [*box_heading(lines, start), *lines[start:end]]
        if 1 < len(box) <= MAX_SIGN_UP_LINES and all(
                word_count(each.text) <= MAX_SIGN_UP_WORDS for each in box):
            found.update({each.number: SIGN_UP_BOX for each in box})
    return found


def box_heading(lines: list[Line], start: int) -> list[Line]:
    """The block a blank line over a sign-up box's field (its block opening at index
    `start`), where a sign-up's heading opens it (`Subscribe to The Kindred Table` over
    `Launched 3 years ago` over its pitch): the box's head; [] for none."""
    if start == 0 or lines[start - 1].number != lines[start].number - 2:
        return []
    first = start - 1
    while first > 0 and lines[first - 1].number == lines[first].number - 1:
        first -= 1
    head = lines[first:start]
    return head if (len(head) <= MAX_SIGN_UP_LINES
                    and SIGN_UP_HEADING.fullmatch(head[0].text.strip())) else []


def headed_box(lines: list[Line], start: int, field: int) -> tuple[int, int]:
    """Where a sign-up box stands in a longer block, its field at index `field`: from its
    heading, the nearest over the field (MAX_SIGN_UP_LINES at most), to the line under the
    field, its button, and what closes the box under it (SIGN_UP_END: its promise, its
    thanks); none (an empty span) where no heading stands there."""
    heading = next((at for at in range(field - 1, max(start, field - MAX_SIGN_UP_LINES) - 1, -1)
                    if SIGN_UP_HEADING.fullmatch(lines[at].text.strip())), None)
    if heading is None:
        return field, field
    end = min(field + 2, len(lines))
    while (end < len(lines) and lines[end].number == lines[end - 1].number + 1
           and SIGN_UP_END.fullmatch(lines[end].text.strip())):
        end += 1
    return heading, end


def teaser_blocks(lines: list[Line]) -> list[list[int]]:
    """The indices of each teaser's lines: a "Read more" and the lines right over it (no
    blank line between), MAX_TEASER_LINES in all at most, its date's line besides (over its
    title or under it: `Ferry pier reopens` over `2 March 2025`)."""
    blocks = []
    for end, line in enumerate(lines):
        if not TEASER_END.fullmatch(line.text.strip()):
            continue
        start, taken = end, 1
        while (start > 0 and lines[start - 1].number == lines[start].number - 1
               and not TEASER_END.fullmatch(lines[start - 1].text.strip())):
            dated = is_date_line(lines[start - 1].text)
            if taken == MAX_TEASER_LINES and not dated:
                break
            start, taken = start - 1, taken + (not dated)
        blocks.append(list(range(start, end + 1)))
    return blocks


def menu_block(lines: list[Line], reasons: dict[int, str], first_text: int) -> dict[int, str]:
    """The site's menu copied a link a line, a blank line under it, at the page's top over
    the text (a page with no dateline to show its title): the first block, of MIN_MENU lines
    at least, half of them or more the site's links ("Home", "Skip to Content", "Open Menu"),
    the others short lines of no sentence (its name, "Visit", "Collections"); the cookie
    banner over it counts among the links, the page's head as they are, and the link to
    the page itself, its title written again under the menu. The block ends over a line
    of no link's written twice, one under the other: the page's title, or its byline, as a
    site builder doubles them (`A Message from our Chair` twice under `Donate`), or over the
    title standing right over the text, no blank line under the menu; or at its
    breadcrumb trail, which says where the page stands: the title and byline under it with
    no blank line between are the page's; or at the cookie banner under its links, the
    page's head running on under it (its site's name, its title)."""
    block = list(itertools.takewhile(
        lambda pair: pair[1].number == lines[0].number + pair[0]
        and reasons.get(lines[pair[0] - 1].number if pair[0] else None) != "breadcrumb",
        enumerate(lines)))
    block = block[:banner_end(lines, len(block))]
    doubled = written_twice(lines[:len(block)], reasons)
    # Opened by its link past it and ended by the title written twice (not its byline, under
    # the title): the page's head, its lines all the site's (its name, its menu, its cart's
    # count), whatever they say.
    headed = (doubled < len(block) and reasons.get(lines[0].number) == "skip link"
              and not detect(lines[doubled].text).names_person(lines[doubled].text.strip()))
    block = block[:doubled]
    # The site's contact strip under its menu ("Tel: … | Email: …"), the last of the page's
    # head: the site's, as its links are.
    strip = list(itertools.takewhile(lambda pair: is_contact_line(pair[1].text.strip()),
                                     reversed(block)))
    block = block[:len(block) - len(strip)]
    if len(block) == first_text and block and not is_link(block[-1][1].text):
        block = block[:-1]  # the page's title, right under its menu, no blank line between
    if len(block) < MIN_MENU or len(block) > first_text:
        return {}
    # The page's own link among them (its title, written again under the menu) is one.
    later = {line.text.strip() for line in lines[len(block):]}
    linked = sum(reasons.get(line.number) in (*PAGE_HEAD, "links", "cookie notice")
                 or line.text.strip() in later for _, line in block)
    rest = [line for _, line in block if line.number not in reasons]
    if (2 * linked < len(block) and not headed) or any(
            not (is_link(line.text) or headed and FIGURES.fullmatch(line.text.strip()))
            for line in rest):
        return {}
    return {line.number: NAVIGATION for line in (*rest, *(line for _, line in strip))}


def banner_end(lines: list[Line], length: int) -> int:
    """Where the first `length` lines, a block, end at a cookie banner under MIN_MENU lines
    of it at least (a menu over it: a banner over the menu counts among its links): its
    last line's index and one; `length` where none stands there."""
    notice = next((index for index in range(MIN_MENU, length)
                   if is_cookie_notice(lines[index].text)), None)
    if notice is None:
        return length
    return min(length, lines.index(cookie_banner(lines, notice)[-1]) + 1)


def site_name_among_links(lines: list[Line], reasons: dict[int, str], first_text: int
                          ) -> dict[int, str]:
    """A short line alone between the page's head's links over the text, a link of the
    site's right over it and right under it (`JustGiving` between `Skip to main content` and
    `Search`), or the site's address alone over the text (`news.gov.hk`): the site's name,
    its navigation's."""
    found = {line.number: NAVIGATION for line in lines[:first_text]
             if line.number not in reasons and SITE_ADDRESS.fullmatch(line.text.strip())}
    for index in range(1, min(first_text, len(lines) - 1)):
        line, over, under = lines[index], lines[index - 1], lines[index + 1]
        if (line.number not in reasons and is_link(line.text)
                and reasons.get(over.number) in (*PAGE_HEAD, "links")
                and reasons.get(under.number) in (*PAGE_HEAD, "links")
                and over.number == line.number - 1 and under.number == line.number + 1):
            found[line.number] = NAVIGATION
    return found


def label_over_its_line(lines: list[Line], reasons: dict[int, str], first_text: int
                        ) -> dict[int, str]:
    """A short line of the page's head whose words the line right under it opens with, and
    goes on from (`Agenda item` over `Agenda item 7 – Community Grants Programme …`, `News`
    over `News: …`): the label of the page's kind, which the title says again; or that
    names a kind of document a government page labels its title with (`Corporate report`
    over `Police and Crime Plan 2025 to 2029: …`; the profiles' `page_kind`)."""
    found = {}
    for line, under in itertools.pairwise(lines[:first_text + 1]):
        key, under_key = likeness_key(line.text), likeness_key(under.text)
        if line.number in reasons or under.number != line.number + 1:
            continue
        if (word_count(line.text) <= MAX_LABEL_WORDS and len(under_key) > len(key)
                and under_key.startswith(key + " ")) or (
                PAGE_KIND.fullmatch(line.text.strip()) and under.number not in reasons
                and detect(under.text).is_heading(under.text.strip())):
            found[line.number] = PAGE_LABEL if under_key.startswith(key) else PAGE_KIND_LABEL
    return found


def written_twice(lines: list[Line], reasons: dict[int, str]) -> int:
    """The index of the first of `lines`, no debris, that the line under it writes again;
    their count where none is."""
    return next((index for index, (line, under) in enumerate(itertools.pairwise(lines))
                 if line.number not in reasons
                 and likeness_key(line.text) == likeness_key(under.text)), len(lines))


def source_contents(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """The source's own contents list: two or more lines in a row, each an entry with its
    page after a leader of dots (`Chair's statement ........ 3`), and the line naming it over
    them (`Contents`, `目錄`): its pages are not the editions', which make their own
    navigation."""
    found: dict[int, str] = {}
    run: list[int] = []
    for index, line in enumerate([*lines, None]):
        if line is not None and line.number not in reasons and is_contents_entry(line.text):
            run.append(index)
            continue
        if len(run) >= MIN_CONTENTS_ENTRIES:
            heading = lines[run[0] - 1] if run[0] else None
            named = heading is not None and bool(CONTENTS.fullmatch(without_icons(heading.text)))
            found.update({lines[each].number: SOURCE_CONTENTS
                          for each in ([run[0] - 1] if named else []) + run})
        run = []
    return found


def is_contents_entry(text: str) -> bool:
    """Words, then a leader of dots, then a page: read from the end, so a line of dots with
    no page costs no more than its length."""
    text = text.strip()
    page = CONTENTS_PAGE.search(text)
    if page is None:
        return False
    before = text[:page.start()].rstrip()
    entry = before.rstrip(LEADER + " ")
    leader = before[len(entry):]
    return bool(entry.strip()) and sum(char in LEADER for char in leader) >= MIN_LEADER


def mailed(reasons: dict[int, str]) -> bool:
    """Whether the text was copied with a mail's header (or the line over a mail quoted)."""
    return any(reason in MAIL_OPENINGS for reason in reasons.values())


def lettered(lines: list[Line], reasons: dict[int, str]) -> bool:
    """Whether a mail's text closes as a letter does, on a line of its own ("Yours
    sincerely,", "謹啟", the wish "祝" over "春安"), or its subject names a letter ("End of
    year letter from the Headteacher"), or a title or heading over its first greeting does
    ("A letter from the Vicar", in a newsletter): a letter sent by mail, whose greeting is
    its own."""
    subject = subject_as_sent([line for line in lines if reasons.get(line.number) == MAIL_HEADER])
    kept = [line.text.strip() for line in lines if line.number not in reasons]
    greeted = next((index for index, text in enumerate(kept) if MAIL_GREETING.fullmatch(text)),
                   0)
    return bool(LETTER.search(subject.strip())) or any(
        LETTER.search(text) and not is_running(text) for text in kept[:greeted]) or any(
        VALEDICTION.fullmatch(text) or CLOSING_WISH.fullmatch(text) for text in kept)


def salutations(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """In a text copied out of mails, each line greeting a mail's readers ("Hi all,", "Dear
    colleagues,", "各位同事："), over the first sentence of the text or of a mail's text under
    its header or the line over it (a title may stand above it): the mail's, not the
    document's (but for a letter sent by mail: `lettered`; and but for a greeting under a
    title and its byline, a statement's own: `主席新年致辭` over `石角區議會主席 區志強` over
    `各位議員、各位同事：`)."""
    found = {}
    opening, above = True, []
    for line in lines:
        text = line.text.strip()
        if line.number in reasons:
            if reasons[line.number] in MAIL_OPENINGS:
                opening, above = True, []
        elif opening and MAIL_GREETING.fullmatch(text):
            if not bylined_piece(above):
                found[line.number] = SALUTATION
            opening = False
        elif is_running(line.text):
            opening = False
        else:
            above.append(text)
    return found


def bylined_piece(above: list[str]) -> bool:
    """Whether the lines over a mail's greeting, `above` it, end in a piece's title and its
    author's byline under it."""
    if len(above) < 2:
        return False
    language = detect(above[-1])
    return language.is_byline(above[-1], 2) and language.names_person(above[-1])


def signature_block(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A mail program's signature: the last line of a dash alone (the delimiter "-- " of
    RFC 3676, 4.3, as cleaning leaves it: "–", "——") and the lines under it, at most
    MAX_SIGNATURE_LINES, to the mail's footer or the end; under the sign-off, whose name and
    role stay. In a text copied without a mail's header, only lines that are no running
    text (a name, a role, contact details) are a signature's."""
    at = next((index for index in range(len(lines) - 1, -1, -1)
               if SIGNATURE_DELIMITER.fullmatch(lines[index].text.strip())), None)
    after = [line for line in lines[at + 1:] if line.number not in reasons] if at is not None \
        else []
    if at is None or len(after) > MAX_SIGNATURE_LINES or not mailed(reasons) and any(
            is_running(line.text) for line in after):
        return {}
    return {line.number: SIGNATURE for line in [lines[at], *after]}


def contact_details(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """In a text copied out of mails, the lines of contact details after its last sentence
    (telephone numbers, e-mail and web addresses, "T: +852 2345 6789", its numbers perhaps
    spaced apart as a table's cells are): the signature's, under the sign-off, whose name
    and role stay."""
    found: dict[int, str] = {}
    for line in reversed(lines):
        if line.number in reasons:
            continue
        if is_contact_line(line.text.strip()):
            found[line.number] = CONTACT_DETAILS
        elif re.match(POSTSCRIPT, line.text.strip()) and not found:
            continue  # a postscript under the signature: the letter's last words, kept
        elif is_running(line.text):
            break
    if found:
        found.update(signature_again(lines, {**reasons, **found}, min(found)))
    return found


def signature_again(lines: list[Line], reasons: dict[int, str], details: int) -> dict[int, str]:
    """The short lines right over the signature's contact details (line `details`): its name,
    role and organisation ("Priya Nair | Honorary Treasurer"), where a sign-off after the
    text's first sentence has already named that person (the notes between them, say): the
    mail's signature, the sign-off the document's. Its parts in a row, parted by `|`, may
    have been read as a page's links: they are the signature's all the same."""
    texts = [line for line in lines if reasons.get(line.number) in (None, "links", "link")]
    above = [line for line in texts if line.number < details]
    block: list[Line] = []
    for line in reversed(above):
        if is_running(line.text) or len(block) == SIGNATURE_LINES or (
                line.number + 1 != (block[-1] if block else Line(details, "")).number):
            break
        block.append(line)
    if not block:
        return {}
    if any(line.number + 1 == block[-1].number for line in above):
        return {}  # the lines of a longer sign-off (`In solidarity,`, a name, a role …)
    name = SIGNATURE_PARTS.split(block[-1].text.strip())[0].casefold()
    first_sentence = next((line.number for line in texts if is_running(line.text)), details)
    signed = [line for line in above
              if first_sentence < line.number < block[-1].number and not is_running(line.text)
              and line.text.strip().casefold().startswith(name)]
    # Or the mail's sender's, under a sign-off of the text's (its author's name and role).
    over = [line for line in above if line.number < block[-1].number]
    under_sign_off = bool(over) and over[-1].number + 1 < block[-1].number and not is_running(
        over[-1].text)
    sender = senders_name(lines, reasons).casefold()
    # (A body's name may be written shorter in the header: `區議會秘書處` of `石角區議會秘書處`.)
    sent = under_sign_off and bool(sender) and (name == sender or min(len(name), len(sender))
                                                >= MIN_SENDER_CHARACTERS
                                                and (sender in name or name in sender))
    if not name or not (signed or sent):
        return {}
    return {line.number: SIGNATURE if signed else SENDERS_SIGNATURE for line in block}


MIN_SENDER_CHARACTERS = 4  # a sender's name found inside a signature's, or its inside the name


def senders_name(lines: list[Line], reasons: dict[int, str]) -> str:
    """The name a mail's header says it is from ("From: Julia Whitfield <j.whitfield@…>"),
    or ""."""
    for line in lines:
        match = MAIL_FIELD.fullmatch(line.text) if reasons.get(line.number) == MAIL_HEADER \
            else None
        if match and MAIL_SENDER.fullmatch(match.group(1)):
            return re.sub(r"\s*<[^>]*>|[\"']", "", match.group(2)).strip()
    return ""


def is_contact_line(text: str) -> bool:
    """A line of contact details only: an address, or a telephone number's digits, and no
    date written in figures; or a postal address after its label ("地址：九龍觀塘協和街123號
    地下", "Address: 12 Mill Lane, Kingsmead")."""
    return (bool(CONTACT_LINE.fullmatch(text)) and not NUMERIC_DATE.fullmatch(text)
            and (bool(re.search(ADDRESS, text))
                 or sum(character.isdigit() for character in text) >= MIN_PHONE_DIGITS)
            or bool(POSTAL_ADDRESS.fullmatch(text)))


def signed_under(lines: list[Line], reasons: dict[int, str], start: int) -> int:
    """Where a footer may start, from line `start` (after the text's last sentence): past the
    text's closing and the signature under it ("With thanks," over "Jo Whitfield" over
    "Manager, Riverbank Food Bank"), which are the text's, whatever links stand over them
    (a newsletter's "DONATE NOW")."""
    closing = next((index for index in range(len(lines) - 1, start - 1, -1)
                    if lines[index].number not in reasons and not lines[index].kind
                    and closes_mail(lines[index].text)), None)
    if closing is None:
        return start
    end = closing + 1
    while (end < len(lines) and end - closing <= MAX_SIGNER_LINES
           and lines[end].number not in reasons and not lines[end].kind
           and not is_running(lines[end].text)):
        end += 1
    return end


def platform_end(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """A blogging platform's end of a post, from its card of the author (`Written by …`, `214
    Followers`) to the end, whatever stands there (the author's blurb, the readers' prompts,
    the platform's links), and over the card its readers' counts (`312`) and, where they
    stand right under the text's last sentence, the post's topic tags (`Charity` over `Food
    Poverty`), each a word or three, no comma (a sign-off's role has one)."""
    card = next((index for index, line in enumerate(lines)
                 if reasons.get(line.number) == AUTHOR_CARD), None)
    if card is None:
        return {}
    start = card
    while start > 0 and (reasons.get(lines[start - 1].number) == READERS_COUNTS or (
            lines[start - 1].number not in reasons
            and READERS_COUNT.fullmatch(lines[start - 1].text.strip()))):
        start -= 1
    tags = start
    while (tags > 0 and lines[tags - 1].number not in reasons
           and word_count(lines[tags - 1].text) <= MAX_TAG_WORDS
           and not re.search("[,\uff0c]", lines[tags - 1].text)
           and not ends_sentence(lines[tags - 1].text)):
        tags -= 1
    if tags < start and (tags == 0 or ends_sentence(lines[tags - 1].text)):
        start = tags
    return {line.number: AUTHOR_CARD for line in lines[start:]
            if reasons.get(line.number) in (None, AUTHOR_CARD, READERS_COUNTS)}


def footer(lines: list[Line], reasons: dict[int, str], last_text: int) -> dict[int, str]:
    """The page's or the mail's footer: from its first footer line after the last sentence
    of the text (its revision date, copyright or links, the page asking about itself, whose
    answers may stand on a line of their own; "Sent from my iPhone") to the end; a line of
    links heading a row of them ("相关链接：" over "滨江市人民政府  生态环境部") after the last
    sentence counts, though the row's gaps read as a table's."""
    last_sentence = max((index for index, line in enumerate(lines)
                         if line.number not in reasons and closes_sentence(line.text)), default=-1)
    for index in range(signed_under(lines, reasons, last_sentence + 1), len(lines)):
        reason = reasons.get(lines[index].number)
        # Over the text's last line, only a footer's own line starts it (a copyright, a
        # mail's "You are receiving this email because …"): what follows it is the page's
        # or the mail's, its address too, not the text's.
        # (A link kept, a menu's; not the heading over the text's contact lines.)
        link = reason is None and lines[index].kind == "link" and not heads_contacts(lines, index)
        if index <= last_text and reason not in (MAIL_FOOTER, "page footer", "page feedback") \
                and not link:
            continue
        if reason in FOOTER_KINDS or link:
            # A newsletter's web footer, mailed, is the mail's.
            kind = (MAIL_FOOTER if reason == MAIL_FOOTER or mailed(reasons)
                    and reason in (PICTURE_PLACE, "page footer") else "page footer")
            return {line.number: kind for line in lines[index:]}
        if reason in PAGE_ENDS:  # what follows the page's way back up, or its neighbours
            return {line.number: "page footer" for line in lines[index + 1:]}
    return {}
