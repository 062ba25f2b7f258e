"""A language profile: what differs between the languages a document may be written in.

Readers ask a line's profile how it is typeset and whether it is a heading or a byline;
writers ask the document's how its date reads, whether it hyphenates and slants, and ask the
profiles of the scripts it holds which faces set them; checks ask which /Lang a piece of text
needs. Rules that hold for every language stay with the readers and writers.

Character classes are kept as patterns, not compiled here: a class of CJK characters takes
milliseconds to compile, and dodo.py imports the profiles for every doit, even one with
nothing to do; `re` compiles each once, on first use.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

NBSP = "\u00a0"  # no-break space: binds a figure to its unit, a title to its name
WORD_JOINER = "\u2060"  # forbids a line break on either side, and is no character of the text
# A word of the Latin script, which a text in any language may hold (a name, an English body).
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# A currency's code before its sign ("HK$1.2億", "US$300萬"): read with its figure, in the
# language around it, no phrase of English (languages/english.py) nor a word of its own.
CURRENCY_SIGNS = "$\u00a3\u20ac\u00a5"
CURRENCY_CODE = rf"\b[A-Z]{{1,3}}(?=[{CURRENCY_SIGNS}])"
# Currencies' codes (ISO 4217's) the texts write before a figure: `GBP 180,000`, `RMB 50`.
CURRENCY_CODES = "GBP|USD|EUR|HKD|RMB|CNY|JPY|AUD|CAD|SGD|NZD|CHF|MOP|TWD"
# A figure in a table's cell, in every language: "1,204", "−2.7%", "+3.6 pts", "£3.4m", "HK$1.2bn",
# "(12)", "（9,870）", "7:40", a bound ("<30", "≤5", ">95%": a target's), or a dash standing for
# none ("–", the Chinese "——"); {before}, {units} and {none} take a language's words before a
# figure, its units and its words for none.
FIGURE = (r"[(\uff08−+\-]?(?:[<>\u2264\u2265\u2248~]\s?)?(?:{before})?(?:[A-Z]{{1,2}}\$|[£$€¥])?"
          r"\d[\d,.:]*\s?"
          r"(?:%|bn|pts?|pp|[km]{units})?[)\uff09]?"
          r"|[–—−-]|——{none}")


class LazyPattern:
    """A pattern compiled on its first use, not as its module is imported: a class of CJK
    characters takes over a millisecond to compile, and a text in English never uses the
    Chinese profile's. It is used as the compiled pattern is (`match`, `sub`, `pattern`)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str):
        if name.startswith("__"):  # no special method of a pattern's (copy's, pickle's)
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        # Kept as this object's own, so a later use finds it without coming here again.
        for attribute in ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn",
                          "split", "groupindex", "groups"):
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


@dataclass
class OpenQuotes:
    """The quotations a paragraph's lines so far leave open, for its next line (a text copied
    out of a mail breaks a paragraph into lines, and a quotation runs on over the break):
    how deep (English's levels) and of which kinds (Chinese's straight quotes, each closing
    the one of its kind left open)."""

    depth: int = 0
    kinds: list[str] = field(default_factory=list)


# The open quotations of the paragraph whose lines are being typeset, if any (else each line
# stands alone, as a title or a cell does).
PARAGRAPH_QUOTES: ContextVar[OpenQuotes | None] = ContextVar("PARAGRAPH_QUOTES", default=None)


def open_quotes() -> OpenQuotes:
    """The quotations the paragraph's lines before left open: none for a line alone."""
    return PARAGRAPH_QUOTES.get() or OpenQuotes()


@contextmanager
def lines_of(paragraph: OpenQuotes | None) -> Iterator[None]:
    """Lines typeset meanwhile are lines of `paragraph` (None: each alone)."""
    token = PARAGRAPH_QUOTES.set(paragraph)
    try:
        yield
    finally:
        PARAGRAPH_QUOTES.reset(token)


@dataclass(frozen=True)
class Numerals:
    """A language's own numbering of list items ("一、", "（二）"), beside the numbers,
    letters and roman numerals every language shares."""

    style: str  # CSS's counter style, the model's list style: "trad-chinese-informal"
    pattern: str  # a numeral of the style, as a regex
    suffix: str  # what follows the numeral in a marker of the marked-up form: "、"
    value: Callable[[str], int]  # "十一" -> 11
    numeral: Callable[[int], str]  # 11 -> "十一"
    word_format: str  # Word's w:numFmt writing it, in the DOCX draft
    word_formats: tuple[str, ...]  # Word's w:numFmt values read back as it
    last: int  # the largest number `numeral` writes (and `pattern` reads): 99 for "九十九"


@dataclass(frozen=True)
class Furniture:
    """What a web page's furniture, and an e-mail's header and footer, say in a language:
    each a regex matching a whole line (icons and a closing colon aside), the debris the
    scraped reader removes (readers/scraped/debris.py)."""

    skip: str = ""  # a skip link: "Skip to main content"
    back_to_top: str = ""  # "Back to top"
    print_or_share: str = ""  # "Print this page", "Share"
    page_tools: str = ""  # "Text size: A A A", "Listen to this page", "Read more"
    # What a copy leaves on a line of its own where a picture stood (its alt text): WeChat's
    # "图片", a signature's scan over the name it signs ("[Signature]").
    picture: str = ""
    contents: str = ""  # what heads a page's own list of its sections: "On this page"
    feedback: str = ""  # a page's question about itself: "Was this page helpful? Yes | No"
    footer: str = ""  # a footer's line: its revision date, its copyright
    # The editors a page credits, under its text or its byline ("责任编辑：贺晓岚", a WeChat
    # article's "摄影 | 王磊 李想"): the page's record of who made it, listed, not printed.
    credits: str = ""
    # What labels a picture over its caption, on a line of its own, as a government's release
    # sets its photos under its text ("Photo" over "The Director … reads with pupils …").
    picture_label: str = ""
    # What names a body's logo in a picture's alternative text ("[Harbourside University
    # logo]"): the picture's place, left where a mail or a page was copied.
    logo: str = ""
    # What a link to download a file opens with ("Download PDF: … (PDF, 412 KB)").
    download: str = ""
    # What heads the readers' comments under a post ("3 thoughts on “…”", "Leave a Reply"):
    # from there to the end is the page's, not the text's.
    comments: str = ""
    # A social network's link to the rest of a post, ending its text's line after an
    # ellipsis ("… See more", "…查看更多"): the network's, not the text's.
    expand_link: str = ""
    dateline: str = ""  # when the page was posted: "Published: 12 July 2025"
    # Who posted it, named in that line: "Posted on 3 March 2025 by Helen Okafor" (the
    # group `name`; a person's name, not a site's user name; and `role`, where it follows).
    posted_by: str = ""
    # How long the post takes to read, in that line ("4 min read"): a post's byline, whoever
    # it names (a person, or a team: "Posted by Editorial Team | 4 min read").
    reading_time: str = ""
    links: str = ""  # a link that could also head a section: "Contact us", "Search"
    # What heads a page's list of its other posts under the text ("Related", "You may also
    # like", "相關文章"): each a title, its date, its category, none of it the text's.
    related: str = ""
    # The networks and actions a page's share buttons name, a line each under its "Share
    # this:" ("Facebook", "X", "LinkedIn", "微博").
    share_networks: str = ""
    # What heads a fundraising page's feed of its donations ("Donations", "Recent", "Top"),
    # each a donor's name, the sum, a message and how long ago, to "Show more": the page's.
    donations: str = ""
    # A fundraising page's totals: "raised of £20,000 target", "by 312 supporters".
    totals: str = ""
    # A fundraising page's line over an update its owner posts ("Harbour Lights Hospice
    # posted an update") and its label naming the cause it raises for ("Supporting Harbour
    # Lights Hospice"): the platform's, not the appeal's words.
    fundraiser_lines: str = ""
    # The labels of a notes app's page properties, each on a line over its values ("Created
    # by" over "Rhiannon Gathercole", "Tags" over "AGM"): the app's record of the page.
    properties: str = ""
    # The label of a newsletter's sign-up field, alone on its line ("Email Address", "電郵
    # 地址"): the box it stands in (its heading, its pitch, its button, its thanks) is the
    # page's.
    sign_up_field: str = ""
    # What heads such a box ("Subscribe to The Tidewater Dispatch", "訂閱電子報"): where the
    # page has no blank line to part the box from the text, it opens there.
    sign_up_heading: str = ""
    # What closes such a box under its button: its promise and the thanks it shows once sent
    # ("We respect your privacy.", "Thank you!", "感謝訂閱！").
    sign_up_end: str = ""
    # A platform's label over the name of the publication a post appears in, alone on its
    # line over the post's date ("Published in" over "Riverside Food Link").
    published_in: str = ""
    # A government page's labels over its record of itself, each alone over its value:
    # who published it (`publisher_label`, "From:"), when (`published_label`, "Published"),
    # and what else (`record_label`, "Applies to:", "Last updated").
    publisher_label: str = ""
    published_label: str = ""
    record_label: str = ""
    # The kind of document such a page names over its title ("Corporate report", "Policy
    # paper"): its label, not the title.
    page_kind: str = ""
    # The name of a site's section of news, alone over a release's or a story's headline
    # ("News", "Press releases", "新聞動態"): where the page stands, as a breadcrumb's last
    # crumb would say, not the title.
    news_section: str = ""
    # The links to the articles before and after it, each with its title: "Next article: …",
    # "上一篇：…".
    neighbours: str = ""
    row_prefix: str = ""  # what opens a row of sharing links: "Share:", "Follow us:"
    trail_prefix: str = ""  # what labels a breadcrumb trail: "You are here:", "您的位置："
    buttons: str = ""  # a cookie notice's buttons: "Accept", "Decline"
    # What a mail program's web view writes round a mail copied from it (Gmail's "Inbox",
    # its sender "Name <address> Unsubscribe", "Fri, 28 Mar, 15:42 (2 days ago)", "to me"),
    # and the lines shaped as its own that a text writes too ("Ms Jane Lee <jane@…>",
    # "Monday, 7 October 2024, 6:30 pm"): the mail program's only beside its own.
    mail_view: str = ""
    mail_view_shaped: str = ""
    # A blog platform's card of the author under the post and its readers' prompts
    # ("Written by …", "214 Followers", "No responses yet", "Respond"): from there to the end
    # is the platform's.
    author_card: str = ""
    cookies: str = ""  # the word for a cookie, in a notice asking consent to them
    consent: str = ""  # what such a notice asks: "agree", "accept"
    names: tuple[str, ...] = ()  # the language's names on a language switcher, folded
    # What an e-mail leaves in a text copied out of it:
    mail_fields: str = ""  # its header's field names: "From", "Sent", "To", "Subject"
    mail_sender: str = ""  # the field naming its sender: "From"
    mail_subject: str = ""  # the field naming its subject: "Subject"
    mail_replies: str = ""  # what a reply's or a forward's subject opens with: "RE", "FW"
    mail_forwards: str = ""  # what a forward's alone opens with: "FW"
    mail_separator: str = ""  # the line over a mail quoted or forwarded: "Original Message"
    mail_forwarded: str = ""  # such a line over a mail forwarded: "Forwarded message"
    # A reply's line over the mail it quotes ("On … wrote:"), which also holds an address or
    # a time.
    mail_attribution: str = ""
    # Its footer's lines: "Sent from my iPhone", a confidentiality notice about the mail
    # itself ("This e-mail and any attachments are confidential …"), a plea to the printer.
    mail_footer: str = ""
    # The warning a mail system sets over a mail from outside ("CAUTION: This email
    # originated from outside of the organisation. …").
    mail_warning: str = ""
    # The line greeting its readers over its text ("Hi all,", "Dear colleagues,", "各位同事："),
    # and the labels of its signature's contact details ("Tel", "M", "E-mail", "電話").
    mail_salutation: str = ""
    mail_contact: str = ""
    # The label of a signature's postal address, before its street ("Address", "地址").
    mail_address: str = ""
    # A company's or a charity's notice of its registration, under a mail's signature or in
    # a page's footer ("… is a registered charity in England and Wales (no. 1087654)").
    legal_notice: str = ""
    # What a press release leaves: the line over its headline ("PRESS RELEASE", "For
    # immediate release", each a phrase the line may join with others), and the mark under
    # its text, as the whole line ("- ENDS -", "###"), over its notes to editors.
    release: str = ""
    end_mark: str = ""
    # What a government's release sets under its end mark, each a line of its own: the day
    # it was issued, its weekday with it, and the hour ("Friday, March 14, 2025", "Issued at
    # HKT 15:30", "NNNN"; "2025年3月14日（星期五）", "香港時間15時30分").
    release_stamp: str = ""
    # What a site adds at the end of a release's headline about the page, not the text: the
    # languages it is published in, the pictures or video beside it ("(English only)",
    # "(with photos)", "（只有中文）", "（附圖／短片）").
    headline_tag: str = ""
    # What ends a page's teaser of another page, a line of its own under the teaser's title
    # and blurb ("Read more", "閱讀更多").
    teaser_end: str = ""
    # The label naming the body publishing a page, on a line under its title ("From:
    # Department for Transport"): the publisher, not the text's. (A Chinese page's source,
    # "來源：…", "发布机构：…", is among its record's fields, each debris wherever it stands.)
    publisher: str = ""
    # What a printed page's folio names its page by, beside the figure ("Page", "p."),
    # where a PDF viewer's copy keeps it (readers/scraped/pages.py).
    page: str = ""


@dataclass(frozen=True)
class Encoding:
    """A legacy encoding texts in a language arrive in, other than Unicode's."""

    codec: str  # Python's name for it: "big5hkscs"
    name: str  # as a text editor's Save As names it, in messages: "Big5"


@dataclass(frozen=True)
class Faces:
    """The faces a layout names for a script: `<fonts>_body_font`, `<fonts>_heading_font`."""

    body: str = ""
    heading: str = ""


@dataclass(frozen=True)
class Measure:
    """How many characters a line of body text holds, the fewest and the most the house style
    asks, counted as a typesetter counts them: letters, figures, marks and the spaces between
    words; in a language whose words are not spaced (Chinese), set on a grid of whole
    characters, full-width characters, a line's width in ems of the body."""

    fewest: int
    most: int


@dataclass(frozen=True)
class ReaderWords:
    """What the editions say in a language that the author did not write."""

    # A picture's alternative text when the metadata gives none: its caption describes it, and
    # is read right after it (WAI's images tutorial: an image described by adjacent text).
    alt: str
    note: str  # a note reference's link, "{label}" the note's label
    back: str  # the link from a note back to where it is referred to
    # On a print proof's box where a picture is still to come, "{number}" the figure's.
    to_come: str
    # After a table's title where it is set again over the rest of the table on a later
    # page, its separator from the title included.
    continued: str
    # On every page of a proof (its slug, its foot), "{count}" the pictures still to come and
    # "{plural}" what follows a word counting more than one.
    proof: str
    # Each symbol a note may be labelled with, in words (Profile.said_label).
    symbols: dict[str, str] = field(default_factory=dict)


# An apostrophe inside a Latin word ("People’s"), as a regex: never a quote.
LATIN_APOSTROPHE = "(?<=[A-Za-z\u00c0-\u024f])\u2019(?=[A-Za-z\u00c0-\u024f])"


class Profile:
    """A language: how the readers recognise and clean its text, how the writers set it.

    A subclass sets the attributes and overrides the methods that differ; the registry
    (pipeline/languages/__init__.py) lists the profiles.
    """

    tag = ""  # the BCP 47 tag it writes: the model's language, HTML lang, PDF /Lang
    # Tags answered by this profile: a tag that is one of them or begins with one and "-"
    # ("zh" answers "zh-Hant-HK"); the longest that answers a tag wins.
    tags: tuple[str, ...] = ()
    name = ""  # in messages: "Chinese"
    rule = ""  # the preflight rule checking its text's /Lang in other languages' editions
    # Its script (ISO 15924: "Latn", "Hani"): profiles of one script (Traditional and
    # Simplified Chinese) tell their texts apart by `holds`, and are not tagged in each other.
    script = ""
    # A character class of its script's letters ("" where they are the default's): a
    # document holding one of its texts loads its faces and tags its phrases.
    characters = ""
    # A run of its text inside another language's, as a regex ("" for none): what is tagged.
    phrase = ""
    # Words parted by spaces; else the text runs on, and a repeated phrase is counted in
    # characters, the spaces beside them not counting.
    words_spaced = True
    # The space parting a heading's number from its words ("01 Our year", "01　我們的一年"),
    # and the brackets set around a table's unit under its title ("(HK$ million)", "（百萬元）").
    word_gap = " "
    brackets = ("(", ")")
    # The characters a number is written in, where its words are not spaced ("" where none):
    # a heading's line never breaks between two of them, nor before the unit after them
    # ("二〇二四年" whole).
    numeral_characters = ""
    # What joins two such numbers into a range, which a heading's line never breaks either
    # ("二〇二三至二四年度" whole).
    range_joiners = ""
    # A character class of the punctuation set with its text ("" where the default's): in a
    # language whose words are not spaced, no space stands beside it either.
    punctuation = ""
    # What a space before never breaks, as a regex ("" nothing): that space is a no-break
    # one, in a line and where a paragraph's lines are joined (British: a sentence's dash
    # ends a line, never starts one).
    no_break_before = ""
    # A line that is one word (one character) written over and over is a repetition when it
    # is written this many times; 0: never.
    single_word_repeats = 3
    # Whether a subtitle on a line of its own keeps the dash opening it (GB/T 15834's ——)
    subtitle_dash = False
    sentence_ends = ""  # marks ending a sentence or a clause: a sign-off line ends in none
    # Its quotes by their level: the opening marks outside and inside, then the closing ones
    # ("" none of its own).
    quotes = ("", "")
    lead_in_end = ":"  # what ends a lead-in, which stays with the list or table it introduces
    sentence_break = ""  # a sentence ending inside a line, as a regex: no sign-off line
    notes_headings: tuple[str, ...] = ()  # regexes of the headings over a text's notes
    # An official document's number on a line of its own, between its issuer and its title,
    # as a regex ("" none): "滨政办发〔2025〕12号" (GB/T 9704's 发文字号).
    document_number = ""
    postscript = ""  # how a postscript after a letter's sign-off opens, as a regex: "P.S."
    # An ordinal word opening a line that counts itself among the lines beside it, before
    # the comma after it, as a regex: "First", "Secondly", "第一", "其二".
    ordinal_opening = ""
    # What a speech's transcript notes of its audience, in brackets on a line of its own, as
    # a regex: "Applause", "掌聲".
    stage_direction = ""
    # The audience's answer among those notes, as a regex ("Applause", "Laughter", "掌聲"; not
    # "Pause" nor "Video", which prose names in brackets too): a text noting it more than
    # once is a transcript.
    audience_reaction = ""
    # Who a transcript's direction saying what is done opens with, before what they do, as a
    # regex ("Mr Vaughan", "The Lord Mayor", "Megan Price"): a note on the text says no one
    # ("Figures unaudited", "See also the accounts").
    stage_agent = ""
    # How a speech's rubric over what was said opens, saying who gave it (and where and
    # when), as a regex: "Delivered by", "Speech by", "…在…上的講話".
    speech_rubric = ""
    # The wish that closes a letter on a line of its own over the line it is addressed to
    # ("此致" over "各位會員"), set at the left, apart from the signature; a regex.
    closing_wish = ""
    # The salute a closing wish leads to, on a line of its own after the line addressed
    # ("敬禮" under "此致" over "各位家長"), a regex.
    closing_salute = ""
    # A speech's address to its audience on a line of its own, over its first paragraph
    # ("Chairman Wong, distinguished guests, ladies and gentlemen,"), a regex: a greeting,
    # as a letter's is. A language that greets its audience as its mails greet their
    # readers ("主席、各位嘉賓：") needs none apart from its `mail_salutation`.
    speech_salutation = ""
    # A formal letter's closing phrase on a line of its own ("Yours sincerely,", "謹啟"), a
    # regex: a mail that closes so is a letter, and the greeting opening it the letter's.
    valediction = ""
    # What names a letter in a mail's subject ("End of year letter from the Headteacher",
    # "致家長信"), a regex searched: a mail so titled is a letter, its greeting the letter's.
    letter = ""
    # What opens a news story's first paragraph, as a regex: its place in capitals and its
    # date before a dash ("CHELMSFORD, 11 February 2025 – The Partnership today …").
    news_dateline = ""
    # The words a title shortened for its running heads does not end on, folded: "in", "of"
    # (a preposition, an article, a conjunction); nor a balanced heading's line, where it
    # can end on another (justified.balance).
    unending_words: frozenset[str] = frozenset()
    # What heads the contact lines closing a press release or a notice ("Media contact",
    # "傳媒查詢"), a regex: a heading over them, not a signature's first line.
    contact_heading = ""
    # A line leading in to the contact lines under it by a verb of contacting at its end,
    # with no colon ("For more information, contact", "如有查詢，請聯絡"), a regex of the
    # whole line: running text, as with its colon, never their heading.
    contact_lead_in = ""
    # A line of a postal address, a regex of the whole line: a street's name after its
    # number ("2 Tanner's Row"), a town before its postcode ("Cold Ashby CA9 2LX"). Lines,
    # never a heading.
    address_line = ""
    # What labels a line of minutes recording who attended or sent apologies ("Present",
    # "In attendance", "列席"), a regex: before a colon and names, the line is a record,
    # never a heading (an item "Apologies for absence" alone on its line is one).
    attendance_label = ""
    # A picture's credit, the whole line, as a regex: "Photo: Garden photography team".
    photo_credit = ""
    numerals: Numerals | None = None  # its own list numbering, if it has one
    furniture = Furniture()  # what a web page's furniture says in it
    table_title = ""  # how a table's title opens, as a regex: "Table 3.1"
    # How a figure's title opens, as a regex: "Figure 2", "Chart 3" (its picture, a chart, left
    # behind where the text was copied).
    figure_title = ""
    # A line that is only the year a piece covers, as a regex ("2024/25", "2024-25年度"): the
    # subtitle under a title, never a title itself.
    year_line = ""
    # A division's label, as a regex, where it opens a page's title line ("Chapter 2: …",
    # "第二章 …"): the piece's place in its publication, not words of its title.
    division = ""
    # What opens the line, before a colon, saying what a table's figures count in ("Units"),
    # and where they come from or what to note of them ("Source"); each a regex.
    table_unit = ""
    table_source = ""
    # What a row under a table's header says over a column of figures, in words, to name what
    # they count in, after a currency's sign or none, as a regex ("" none): "thousands",
    # "£ million", "千元", "百萬港元", "人次".
    column_unit = ""
    # What the first cell of a table's last row says where the row totals those above it
    # ("Total", "合計"), as a regex.
    table_total = ""

    def is_table_note(self, text: str) -> bool:
        """Whether `text` says what a table's figures count in or where they come from, or
        is one of its numbered notes ("Source: audited accounts", "單位：百萬元", "Note 2:",
        "註1："): a paragraph, never a heading."""
        labels = "|".join(label for label in (self.table_unit, self.table_source) if label)
        return bool(labels) and bool(re.match(
            rf"(?:{labels})\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,2}})?\s*[:：]\s*\S", text,
            re.IGNORECASE))
    # The legacy encodings its texts arrive in (not UTF-8), read when a text's bytes decode
    # in one strictly and its letters read as this language's: most of them among `common`,
    # its commonest letters (readers/decoding.py).
    encodings: tuple[Encoding, ...] = ()
    common = ""
    role_first = False  # a byline reads role then name
    hyphenates = True  # words may break with a hyphen where a layout hyphenates
    # Its body text's lines, in characters: the house style's 50 to 80 (about 66 ideal), which
    # the layouts' [language] tables set its editions to and the preflight's `measure` checks.
    measure = Measure(50, 80)
    # What never starts a line, though the renderer's line breaking would let it (a regex;
    # "" nothing): it is kept with the character before.
    unbroken_before = ""
    # Marks of no script that its faces set in its own forms among its letters only (a regex;
    # "" none): the renderer shapes a mark in the script of the letters before it in its
    # element, and a Chinese face sets its dash and ellipsis after Latin ones in theirs
    # (proportional, the dots on the baseline). The HTML writer gives them an element of
    # their own with the letter of this language after them (writers/language_tags.py).
    own_form_marks = ""
    # Its opening and closing marks (brackets and quotes), a class's characters ("" none, as
    # for English, whose quotes the renderer breaks by): a heading's line may start before an
    # opening one, and no break leaves one character alone beside either (justified.py).
    opening_marks = ""
    closing_marks = ""
    # What opens an interview's question, as a regex ("" none): "Q:", "問：".
    question = ""
    # A field's label opening its line before the field's value, as a regex ("" none):
    # "Venue: ", "cc: ", "地點：". Lines each opening so are a notice's or a letter's fields.
    field = ""
    # A label alone on its line over the question or the reply it labels, as a regex ("" none):
    # "Question:", "Reply:", as a reply to a legislator's question sets them.
    exchange_label = ""
    # Where a short label in its script (a table's cell) may break when it cannot be set
    # whole, as a regex of places ("" nowhere but where the renderer would): between its
    # words, as far as their marks show them, for a script written without spaces.
    label_breaks = ""
    # Its units and measure words (a character class; "" none): after a figure they never
    # start a line, nor part from each other ("7.9億元", "2024年", "300多人"), as its
    # unbreakable sequences ask (clreq 3.1.7).
    units = ""
    # What may stand before a figure in a table's cell and leave it a figure (a regex; ""
    # nothing): "about", "over" ("約2.98億", "逾300人").
    figure_before = ""
    figure_none = ""  # what stands for no figure in a column of them (a regex): "n/a"
    # Its ranges whose ends join letters to their figures, as a regex ("" none): "10am-4pm",
    # "1990s-2000s", "1 April-31 July". Shaped as a code ("HKU-2023-24"), which cleaning
    # carries as written, such a range is cleaned as the range it is.
    lettered_ranges = ""
    # A paragraph's last letter may stand alone on its last line; else it is kept with
    # what stands before it, a letter, a mark or a Latin word (a block of its `characters`).
    lone_last_letter = True
    italic = True  # has italic; else what Latin sets in italic stays upright
    # A signature (role, name, date) stands flush right, as its letters set it; else flush left.
    sign_off_right = False
    # How far the first line of every paragraph is indented, in characters (Chinese: two);
    # else a paragraph is set apart by the space after the one before.
    paragraph_indent = 0
    # Its body text is justified in every edition (chinese.css), and so in the draft's Body
    # Text; else the layouts say.
    body_justified = False
    # Its letters have small capitals; else small caps set on its own letters (`characters`)
    # mean nothing, and are not kept (a Latin word among them keeps its own).
    small_caps = True
    # A justified line holding one of these characters (a regex; "" none) is spread between
    # its characters, not at its spaces (CSS Text 3's inter-character justification).
    spread_characters = ""
    # Punctuation set half its width where another mark stands beside it (a regex; "" none):
    # the blank half of a bracket next to a mark, so two marks take an em and a half, not
    # two (clreq 3.1.6.2); the faces' `halt` feature sets it (chinese.css, `.halt`).
    compressed_punctuation = ""
    # Its faces: the layout settings `<fonts>_body_font` and `<fonts>_heading_font`, which
    # the stylesheet `fonts_css` in layouts/fonts/ declares, loaded only for a document
    # holding its characters ("" for the default's, the layout's own body_font and
    # heading_font in fonts.css).
    fonts = ""
    fonts_css = ""
    # The face in the layouts' fonts folder a proof's note ("PROOF – 5 pictures missing") is
    # drawn from, as outlines (writers/pdf/slug.py): the default's is the layouts' sans.
    note_face = "NotoSans-Bold.ttf"
    docx_font = ""  # the w:rFonts attribute naming its face in the DOCX draft: "w:eastAsia"
    docx_language = ""  # the w:lang attribute naming it there: "w:eastAsia"
    # The tag Word and LibreOffice know it by, there, where they know no `tag` ("" the same).
    docx_tag = ""
    reader_words = ReaderWords("Image; its caption follows.", "Note {label}",
                               "Back to the text of note {label}", "Picture {number} to come",
                               "\u00a0(continued)",
                               "PROOF \u2013 {count} picture{plural} missing",
                               {"*": "asterisk", "\uff0a": "asterisk", "\u2020": "dagger",
                                "\u2021": "double dagger", "\u00a7": "section"})

    def __repr__(self) -> str:
        return f"<{type(self).__name__} profile {self.tag}>"

    def said_label(self, label: str) -> str:
        """A note's label as its link and its reference say it to a screen reader: each of
        its symbols in words (`*` "asterisk", `††` "dagger dagger"), as one at its default
        punctuation says none of them (`Note *` was read "Note"); a number as it is."""
        names = [self.reader_words.symbols.get(char) for char in label]
        if not label or not all(names):
            return label
        return (" " if self.words_spaced else "").join(names)

    def regional_tag(self, text: str) -> str:
        """The tag of the language `text` is written in, where the text says its region
        (a Taiwan text's year of the Republic): the profile's own where it says none."""
        return self.tag

    def answers(self, tag: str) -> int:
        """How closely the profile answers the language `tag`: the length of its tag that
        `tag` is or begins with, 0 when none."""
        folded = tag.casefold()
        return max((len(own) for own in self.tags
                    if folded == own or folded.startswith(own + "-")), default=0)

    def holds(self, text: str) -> bool:
        """Whether `text` holds letters of this language's own (a Han character)."""
        return bool(self.characters) and bool(re.search(f"[{self.characters}]", text))

    def heading_breaks(self, text: str, openings: tuple[str, ...]) -> frozenset[int]:
        """Where a line of a heading `text` best starts, if its balance allows, in a language
        whose words no space parts (a word's edge, which breaking by characters may miss);
        `openings`, what may name who speaks (the organisation, the text's first paragraph).
        None here: spaces part the words."""
        return frozenset()

    def unspaced(self, character: str) -> bool:
        """Whether `character` is one of its letters or marks, written with no space beside
        them (a Han character, 。), in a language whose words are not spaced."""
        return not self.words_spaced and bool(
            re.match(f"[{self.characters}{self.punctuation}]", character))

    def frames(self, line: str) -> bool:
        """Whether `line` ends as a sentence of this language (its own full stop, perhaps
        inside a closing quote or bracket), which may quote or name a phrase of another's
        (籌備"Hong Kong Book Fair"。): its quotes and the punctuation beside them are this
        language's, however many words the phrase holds."""
        return bool(self.characters and self.sentence_ends) and bool(
            re.search(f"[{self.sentence_ends}][\"'\u201d\u2019\u300d\u300f\uff09)]*$", line))

    def writes(self, text: str) -> bool:
        """Whether `text` is written in this language, as its characters say."""
        return False

    def punctuates(self, text: str) -> bool:
        """Whether `text` holds marks only this language's sentences set: a line of the
        document's language, however many words of another it quotes."""
        return False

    def dominates(self, text: str) -> bool:
        """Whether a piece of text inside a document in another language is in this one, and
        is tagged so."""
        return False

    def requoted(self, text: str, other: Profile) -> str:
        """`text`, a phrase in this language quoted as `other` (a language of its script)
        quotes, in this language's quotes, level for level: a Simplified phrase in a
        Traditional text, its 「」 become “ ” (GB/T 15834). An apostrophe in a Latin word is
        no quote."""
        theirs, ours = "".join(other.quotes), "".join(self.quotes)
        if len(theirs) != len(ours) or not theirs:
            return text
        return re.sub(f"(?!{LATIN_APOSTROPHE})[{re.escape(theirs)}]",
                      lambda mark: ours[theirs.index(mark.group())], text)

    def typeset(self, line: str) -> str:
        """The house style's punctuation and spacing for one line, never its words; the
        line's white space comes as single spaces."""
        raise NotImplementedError

    def compound(self, head: str, tail: str) -> bool:
        """Whether `head` and `tail`, a hyphen between them, are a compound it writes with
        one (`well-being`, `ship-to` and `shore`): where a typeset line ends on that hyphen,
        it stays."""
        return False

    def is_heading(self, text: str) -> bool:
        """A line shaped as a section heading (its section number taken off)."""
        raise NotImplementedError

    def is_title(self, text: str) -> bool:
        """A heading written as this language writes a title (English's title case): what a
        heading beside its twin in another language shows ("主席報告 Chairman's Statement"),
        where a sentence's words in two languages do not."""
        return self.is_heading(text)

    def is_byline(self, text: str, repeats: int) -> bool:
        """A line at the top, written `repeats` times, shaped as a byline."""
        raise NotImplementedError

    def names_body(self, text: str) -> bool:
        """A line that is a body's name alone, as a page writes the organisation's under the
        piece's title."""
        return False

    def is_name(self, text: str) -> bool:
        """A line that is a person's name alone, as a blog's page writes its author's over the
        post's date and tools."""
        return False

    def names_speaker(self, name: str, text: str, turns: Sequence[str]) -> bool:
        """Whether `name`, opening the `turns` of an interview in `text`, is a person's: a
        name, never a label's common noun ("Aims:", "目標：")."""
        return self.is_name(name)

    def names_person(self, text: str) -> bool:
        """A byline-shaped line whose words show it names someone, so that written once, right
        under the title, it is the byline (as a subtitle is not)."""
        return False

    def names_someone(self, text: str) -> bool:
        """A line that names a person, alone or in a byline's shape, as a portrait's caption
        does ("Professor Amara Okonjo", "陳大文博士"): the person's words, not a heading's."""
        return self.names_person(text)

    def dated_caption(self, text: str) -> bool:
        """A line shaped "words, date" whose words name no one ("The new wing at its opening,
        14 March 2025", "新翼開幕典禮，2025年3月14日"): a photo's caption, dated, as a page
        writes it twice under its picture; no byline, which names its author, a date after
        the name or not ("By Jane Smith, 14 March 2025")."""
        name, _, role = self.byline_parts(text)
        return self.is_date(role) and not self.is_name(name) and not self.names_person(text)

    def office_body(self, text: str) -> str | None:
        """Where `text` is an office held ("Leader of Ashdown Vale District Council"): the
        body it is held at ("Ashdown Vale District Council"), or "" where it names none; None
        where `text` is no office (a body's name alone)."""
        return None

    def is_role(self, text: str) -> bool:
        """A line that may be a role on its own, under or over the name of the person holding
        it ("Chair", "主席"): short, one phrase, no sentence's end, no date, no division's
        label."""
        return (self.is_heading(text) and not self.is_date(text)
                and not text.endswith(tuple(self.sentence_ends))
                and not self.opens_division(text))

    def opens_division(self, text: str) -> bool:
        """Whether `text` opens with a division's label ("第三章　环境", "Chapter 3, Our
        people"): a heading, whose label is never a role, nor its name a person's."""
        return bool(self.division) and re.match(f"(?:{self.division})", text.strip()) is not None

    def byline_parts(self, text: str) -> tuple[str, tuple[str, ...], str]:
        """A byline's name, honours and role."""
        raise NotImplementedError

    def byline_text(self, name: str, honours: tuple[str, ...], role: str,
                    spaced: bool = False) -> str:
        """The byline as one line, parts in this language's order; `spaced`: the honours
        after spaces, as their author wrote them, not commas."""
        raise NotImplementedError

    def honour_separators(self, honours: tuple[str, ...], spaced: bool = False
                          ) -> tuple[str, ...]:
        """What stands before each of a name's `honours` in this language's byline: a space
        where their author wrote them so (`spaced`), else a comma."""
        return (" " if spaced else ", ",) * len(honours)

    # Its ways of writing a date and a time, each a regex a line matches whole (None: this
    # language has none), which the methods below ask: a date alone, a day alone, a line led
    # by a day, one led by a time of day, a stretch of time, the stretch a piece covers.
    date_alone: re.Pattern | None = None
    when: re.Pattern | None = None
    when_led: re.Pattern | None = None
    timed: re.Pattern | None = None
    period: re.Pattern | None = None
    period_covered: re.Pattern | None = None

    def shown_date(self, date: str) -> str:
        """The metadata's date ("2024", "2024-06", "2024-06-11") as a reader sees it."""
        raise NotImplementedError

    def is_date(self, text: str) -> bool:
        """A date written alone ("27 June 2024"): a dateline or a sign-off's, no heading."""
        return whole(self.date_alone, text)

    def speaker(self, text: str) -> str:
        """The speaker a transcript's turn opens with, as this language writes one ("TR:",
        "GRACE ADEBAYO:"), its colon included; "" for none."""
        return ""

    def is_when(self, text: str) -> bool:
        """A day written alone, its weekday and its time perhaps with it, its year perhaps
        not ("Saturday 12 April, 10am–4pm"), as a listing of events heads each one."""
        return whole(self.when, text)

    def led_by_when(self, text: str) -> bool:
        """A line opening with such a day, then what is held there ("Wednesday 12 March,
        12.30–1.30 pm, Room G.14"), as a list of meetings sets each one."""
        return whole(self.when_led, text)

    def names_issue(self, text: str) -> bool:
        """A publication and its year alone, as the piece's page names the report it is
        part of under its title ("Annual Review 2024", "2023-24年報")."""
        return False

    # The kinds of document a line names alone over its title, a regex it matches whole
    # (None: none): a notice's `NOTICE`, `公告`.
    document_kind: re.Pattern | None = None
    # The labels a listing's or a notice's field opens with, its colon and its value after
    # them ("Venue: Room 101", "地點：社區會堂"), a regex a line's start matches (None: none).
    field_label: re.Pattern | None = None

    def is_labelled_field(self, text: str) -> bool:
        """A line giving a field a listing or a notice gives (`Venue: Room 101, Community
        Hall`): its value, never a heading over what follows."""
        return self.field_label is not None and bool(self.field_label.match(text.strip()))

    def names_document_kind(self, text: str) -> bool:
        """A line naming only the kind of document it heads ("NOTICE", "Public notice",
        "公告"), as a notice sets it over its title: its kicker, never its title."""
        return whole(self.document_kind, text.strip())

    def opens_with_time(self, text: str) -> bool:
        """A line opening with a time of day, then what happens then ("6.30pm – Opening:
        The Mill Sings", "下午2時 開幕禮"), as a programme heads each of a day's events."""
        return whole(self.timed, text)

    def is_period(self, text: str) -> bool:
        """A stretch of time written alone, as a timeline's sections are headed: a month
        (perhaps with its year), a year, a season or a quarter of one ("January", "Spring
        2024", "2023", "三月")."""
        return whole(self.period, text.strip())

    def is_period_covered(self, text: str) -> bool:
        """The stretch of time a piece covers, written alone, as accounts state it under
        their title ("For the year ended 31 March 2024", "截至2024年3月31日止年度"): the
        piece's subtitle wherever it stands under the title."""
        return whole(self.period_covered, text.strip())

    def date_in(self, text: str) -> str:
        """The first date `text` writes ("Published: 3 March 2025"), as the metadata writes
        one ("2025-03-03", "2025-03", "2025"); "" for none, or for one no calendar has."""
        return ""

    def day_given(self, rubric: str) -> str:
        """The day a speech's `rubric` says it was given, as the metadata writes one: where
        it names another day first ("reflecting on the storm of 12 March 2019, at the annual
        supper on Saturday 23 May 2026"), the day of its delivery, which closes it; "" for
        none."""
        return self.date_in(rubric)

    def written_date(self, text: str, date: str) -> str:
        """The words in which `text` writes the metadata's `date`, where this language's
        editions show a date as its text writes it; "" where they show every date alike
        (shown_date), or the text writes no such date."""
        return ""

    def is_figure(self, cell: str) -> bool:
        """Whether a table's `cell` (stripped) is a figure as this language writes one, with
        its units ("3.1億元", "2,450萬", "約2.98億"), or stands for none ("–", "n/a"): a
        column of them is set as figures, aligned right."""
        return bool(figure_cell(self.figure_before, self.units, self.figure_none)
                    .fullmatch(cell))

    def count(self, text: str) -> int:
        """How many of its own letters `text` holds."""
        return len(re.findall(f"[{self.characters}]", text)) if self.characters else 0


def iso_date(year: int, month: int, day: str | int | None = None) -> str:
    """"2025-03-03" (or "2025-03" without a day), as the metadata writes a date; "" for a day
    no calendar has (31 June)."""
    try:
        found = dt.date(year, month, int(day) if day else 1)
    except ValueError:
        return ""
    return found.isoformat() if day else found.isoformat()[:7]


@functools.cache
def whole(pattern: re.Pattern | None, text: str) -> bool:
    """Whether `pattern` matches the whole of `text` (None matches nothing)."""
    return pattern is not None and bool(pattern.fullmatch(text))


def figure_cell(before: str, units: str, none: str) -> re.Pattern:
    return re.compile(FIGURE.format(before=before, units=f"|[{units}]+" if units else "",
                                    none=f"|{none}" if none else ""), re.IGNORECASE)
