"""English as the house style writes it (en-GB): the default profile, and the rules of any
language without a profile of its own.

Cleaning gives British typography, never other words: curly quotes by position, single
outside and double inside whichever the author used, spaced en dashes, the ellipsis, ranges of
years, figures, times and names of days or months with an en dash ("2023–24", "4–29 March",
"pp. 12–15", "9:30–11:00", "Monday–Friday"), the minus sign before a figure or a sum, a
number bound to the word it counts, "per cent" and an honorific bound to what follows. A
heading is a short line, one phrase, without a closing full stop; a byline is "Name, HONOURS,
Role".
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Sequence

from pipeline.languages.profile import (
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    NBSP,
    Furniture,
    Profile,
    iso_date,
    open_quotes,
)

# A body's registration, as its footer gives it: "Registered charity no. 1098765".
REGISTRATION = (r"registered (?:charity|company|society|office)|(?:charity|company|vat)"
                r" (?:registration )?(?:no\.?|number)")
# The line a mail program sets over a mail forwarded: "---------- Forwarded message ---------".
# The networks a body keeps an account on, which its page or mail points to.
SOCIAL_NETWORKS = (r"x|twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky"
                   r"|mastodon|whatsapp")
FORWARDED_MESSAGE = r"forwarded message|begin forwarded message"
# Whom a speech addresses: one by title or name ("Deputy Secretary", "Mr Chan", "Professor
# the Hon. Lee"), and the audience ("distinguished guests", "fellow graduates").
ADDRESSED = r"[\w.'\u2019()&-]+(?:[ \u00a0][\w.'\u2019()&-]+){0,5}"
AUDIENCE_WORD = (r"dear|distinguished|honou?red|honou?rable|respected|esteemed|fellow|valued"
                 r"|special|invited|young")
AUDIENCE = (r"(?:guests|friends|colleagues|delegates|members|graduates|students|parents"
            r"|partners|excellencies)(?: and (?:[\w'\u2019-]+ )?(?:guests|friends|colleagues"
            r"|members|partners|students|parents))?|ladies and gentlemen")
# Three dots, spaced or not (a fourth after them the sentence's full stop); not five or more
# run together, a leader of dots for a signature or a figure to be written in ("Chair
# ............  Date ........"), which stays as typed.
ELLIPSIS = re.compile(r"(?<!\.)\.\s?\.\s?\.(?!\.\.)")
# Two or three hyphens for a dash; four or more draw a rule, and are left as drawn.
DOUBLE_HYPHEN = re.compile(r"\s*(?<!-)-{2,3}(?!-)\s*")
# Two hyphens between two words, unspaced, as TeX writes an en dash: a range where the range's
# rules read the two words as one with a hyphen between ("Tuesday--Sunday", "10am--5pm",
# "2023--24"), else a dash ("It was--as I said--long").
# Each end of 30 characters at most, so a line of no spaces reads in linear time.
UNSPACED_DOUBLE_HYPHEN = re.compile(r"(?P<left>[^\s(\[-]{1,30})--(?P<right>[\w£$€][^\s-]{0,29})")
# The space after a spaced hyphen is looked at, not taken, so "a - - a" is found twice.
SPACED_HYPHEN = re.compile(r"(?<=\S) -(?= \S)")
EM_DASH = re.compile(r"\s*\u2014\s*")
YEAR_RANGE = re.compile(r"\b((?:1[5-9]|20)\d\d)-(\d\d(?:\d\d)?)\b")  # 1500 on
YEARS_IN_A_RANGE = 20  # "2023-24", "2019-35": a year range written with two digits
# A range of figures ("4-29 March", "pp. 12-15", "6-8 hours", "1,200-1,500"): figures of up
# to three digits before their separators, the first the smaller; after "p." or "pages",
# figures of any length. A telephone number ("2877-0660") or a code's part is no range.
FIGURE = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"
# A division's number in words, as a label writes it: `Chapter Three`, `PART TWO`.
SPELT_NUMBERS = ("one two three four five six seven eight nine ten eleven twelve thirteen"
                 " fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
NUMBER_WORDS = "|".join([*map(str.title, SPELT_NUMBERS), *map(str.upper, SPELT_NUMBERS)])
NUMBER_RANGE = re.compile(
    rf"(?<![\w.,/:\u2013\u2212-])({FIGURE})-({FIGURE})(?![\w/\u2013-]|[.,]\d)"
    r"|(?<=\bpp\. )(\d+)-(\d+)\b|(?<=\bpp\.)(\d+)-(\d+)\b|(?<=\bpages )(\d+)-(\d+)\b"
)
# A score or a bowler's figures after the word telling so ("won 1-3", "took 3-21", "figures of
# 5-43"): two counts, no range, written with their hyphen as the smaller first.
SCORED = re.compile(r"\b(?:won|lost|drew|beat|beaten|defeated|(?P<took>took|taking|takes)"
                    r"|figures of)\s+(?:by\s+)?$", re.IGNORECASE)
# What a span of time or a quantity is counted in, after the figures: "took 40-50 minutes".
MEASURED = re.compile(r"[\s\u00a0]*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?"
                      r"|years?|per[\s\u00a0]cent|percent|%|times|people"
                      r"|(?:kg|km|mm|cm|ha|ml|mg|mph|ft|sq)\b)", re.IGNORECASE)
# A range of times of day ("9:30-11:00", "7:30-10:00 pm"): hours and minutes at each end.
CLOCK_RANGE = re.compile(r"(?<![\w.:/\u2013-])(\d{1,2}:\d\d)-(\d{1,2}:\d\d)"
                         r"(?![\w:/\u2013-]|[.,]\d)")
# Ranges whose ends join letters to their figures, each end as a group: times of day by the
# clock's half ("10am-4pm", "9.30am-5pm", "1-2pm"), decades ("1990s-2000s"), sums with their
# currency ("£1.2m-£1.5m", "HK$2m-HK$3m") and dates ("1 April-31 July"); on neither side a
# letter, figure, slash or hyphen more ("file 10am-4pm-v2" is a code's).
NOT_BEFORE = r"(?<![\w.,/:\u2013\u2212-])"
NOT_AFTER = r"(?![\w/\u2013-]|[.,]\d)"
TIME = r"\d{1,2}(?:[.:]\d\d)?"
HALF_DAY = r" ?(?:am|pm|a\.m\.|p\.m\.)"
SUM = rf"[A-Z]{{0,3}}[$£€¥]{FIGURE}(?:m|bn|k)?"
TIME_RANGE = re.compile(rf"{NOT_BEFORE}({TIME}(?:{HALF_DAY})?)-({TIME}{HALF_DAY}){NOT_AFTER}")
DECADE = r"(?:1\d|20)?\d0s"  # "1990s", or "90s" without its century ("1970s-90s")
DECADE_RANGE = re.compile(rf"{NOT_BEFORE}({DECADE})-({DECADE}){NOT_AFTER}")
SUM_RANGE = re.compile(rf"(?<![\w.,/:\u2013\u2212$£€¥-])({SUM})-({SUM}){NOT_AFTER}")
# Two figures a spaced dash parts ("rise by 10 - 12 per cent", as the dash is set by then):
# a range where what they measure follows (MEASURED) and figure_range reads one.
SPACED_FIGURES = re.compile(rf"{NOT_BEFORE}({FIGURE}) \u2013 ({FIGURE}){NOT_AFTER}")
# Pages a spaced dash parts ("read pages 10 - 12"): a range, though no measure follows.
PAGES = re.compile(r"\b(?:pages|pp\.)[ \u00a0]$")
# A label numbered by the first figure ("Part 2 - 12 months of recovery", "Priority 3 - 40 per
# cent less waste"): the figure is the label's, no range's end, and the dash a sentence's. A
# label is a word the profile knows as one, or a word capitalised inside a sentence ("see
# Goal 1 - 50% fewer"); one opening a sentence only if known so ("About 10 - 12 per cent").
NUMBERING_LABEL = re.compile(
    r"(?:(?<![\w'\u2019-])(?i:chapter|section|part|phase|stage|step|table|figure|appendix|annex"
    r"|schedule|article|clause|volume|tier|priority|goal|objective|aim|item|theme)"
    r"|(?<=[^\s.!?:;(\[\"'\u2018\u201c] )[A-Z][a-z]+)[ \u00a0]$")
# A hyphen standing for a minus: before a figure, at the start of a word ("-2.7%", "(-13)"),
# or before a sum's currency ("-£0.3 million", "-HK$2.1 billion"), or after it ("£-23,000").
# A letter x between two figures is the multiplication sign (`2.1 x 1.8 m`, `1920x1080`):
# spaced as the author spaced it; never in a hexadecimal number's `0x`.
TIMES = re.compile(r"(?<=\d)( ?)x(?=\1\d)(?<!\b0x)")
MINUS = re.compile(r"(?:(?<=^)|(?<=[\s(\[])|(?<=[$£€¥]))-(?=(?:[A-Z]{0,3}[$£€¥])?\d)")

# A quote opens after these; after an equals sign too, as a value's (`x ="y"`).
OPENING_CONTEXT = " \u00a0([{\u2018\u201c\u2013\u2014/="
# An apostrophe opening a word stands for what is left out, not for an opening quote: the
# first letters of one of the few words written so ("'til", "'tis", "'em", rock "'n'" roll)
# or a century ("'23", "'90s", "'23-24", as Pandoc's smart quotes take "'90s"), or the
# thousands a table counts in ("£'000"), unless a quote closes after it ("'24 hours a day'";
# not "volunteers'", a plural's apostrophe).
WORD_START = r"(?:(?<=^)|(?<=[\s(\[\u2013$£€¥]))'"
ELIDED_WORD = re.compile(rf"{WORD_START}(?=(?i:til|tis|twas|twere|em|n)(?![\w-]))")
ELIDED_YEAR = re.compile(rf"{WORD_START}(?=\d\d(?:s\b|(?![\d%/]|[.,:]\d))|000\b)")
# Curly quotes, and how deep quotations are read as nested (deeper counts as that deep).
QUOTE_MARKS = "\u2018\u2019\u201c\u201d"
OPENING_MARKS = "\u2018\u201c"
PHRASE_MARKS = tuple(".,;:!?")  # after a closing quote, not after an apostrophe
MAX_QUOTE_DEPTH = 8
# A straight quote right after a figure, no letter after it: an inch's or a second's mark,
# unless it closes a quotation; a foot's (a minute's) before the inches (`5' 10"`).
INCH = re.compile(r'(?<=\d)"(?![^\W\d_])')
FOOT = re.compile(r"(?<=\d)'(?= ?\d+(?:\.\d+)?(?:\"|\u2033))")
# A straight single quote outside a word ("don't" holds one inside).
SINGLE_QUOTE = re.compile(r"(?<!\w)'|'(?!\w)")

# What a number after it names rather than counts: a month's day ("March 20 through"), a
# flat, a room or a ward ("flat 12 wrote", "Ward 7 opened"), a school's year or class ("Year 6
# parents", "Form 5 students"), a phase or a measure ("Phase 1 recommendations", "Progress 8
# score"); the word after it is no count's. (A table's or a chapter's
# number stays bound to its title's first word.)
NAMED_BY_NUMBER = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|[Ff]lat|[Rr]oom|[Pp]age"
    r"|[Bb]lock|[Uu]nit|[Pp]latform|[Gg]ate|[Ll]evel|[Ff]loor|[Ww]ard|[Bb]ay|[Rr]oute"
    r"|Year|Class|Form|Grade|[Pp]hase|[Ss]tage|[Ss]tep|Tier|Progress|Attainment)"
    r"[ \u00a0]\Z")
NAMING_WORD_CHARACTERS = len("September ")  # the longest of them, and its space
# A number and the word it counts or measures: "298 million", "2,700 claims", "11 June",
# "6–8 hours"; not a century after its apostrophe ("in ’23 we"), nor a year range's second
# year ("2023–24 that"), which count nothing; nor a word no number counts, a function word
# ("£150,000 that we met", "the 22 who took", "94 but"); a word such as "on" counted only as
# a compound's first part ("204 on-call firefighters"). A unit's sign the author spaced from
# its figure is bound as its word is ("18 °C", "58 %", "3 ‰").
UNIT_SIGN = re.compile("[\u00b0%\u2030]")
UNCOUNTED_WORDS = ("and|or|nor|but|so|yet|to|of|in|on|at|by|for|from|with|into|than|as|the|a|an"
                   "|is|was|were|are|be|been|has|had|have|will|would|can|could|should|must"
                   "|did|does|not|that|which|who|whom|whose|this|these|those|it|its|we|they"
                   "|he|she|you|our|their|his|her|if|when|while|because|since|until")
NUMBER_AND_WORD = re.compile(
    r"(?<![\w.,\u2019-])(?<!(?:19|20)\d\d\u2013)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?) "
    rf"(?!(?:{UNCOUNTED_WORDS})\b(?!-))"
    rf"(?=[^\W\d_]|{UNIT_SIGN.pattern})"  # a word, or a unit's sign
)
YEAR_LIKE = re.compile(r"[12]\d{3}")
# An amount's currency before its figure (`GBP 180,000`, `£ 5`, `HK$2.98`): the word after
# the figure is what the amount counts in only where it is a multiple (`GBP 1.2 million`),
# else none it counts (`GBP 180,000 made`).
AMOUNT_BEFORE = re.compile(r"(?:\b[A-Z]{3}[ \u00a0]|[$£€¥][ \u00a0]?)\Z")
MULTIPLE = re.compile(r"(?:million|billion|thousand|trillion|mn|bn|m|k)\b")
# A currency's code before its figure, which a line never parts from it (ISO 4217's codes
# the texts write: `GBP 180,000`, `HKD 2.5 million`).
CODE_AND_FIGURE = re.compile(rf"\b(?:{CURRENCY_CODES}) (?=\d)")
PER_CENT = re.compile(r"\bper cent\b")
# A currency and the multiple it counts in, as a table's heading gives them: "(£ million)",
# "(HK$ '000)": one unit, which a line never parts.
CURRENCY_MULTIPLE = re.compile(
    r"(?<![\w$£€¥])((?:[A-Z]{1,3})?[$£€¥]) (?=(?:million|billion|thousand|trillion|mn|bn|m|k)\b"
    r"|['\u2019]000\b)")
# A form of address or a title, never parted from the name after it. Words written out
# ("Professor", "Sir") take no full stop: after one they end a sentence.
HONORIFIC = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr)\.? (?=\w)|(?:Prof|Revd|Rev|Cllr|St)\.? (?=[A-Z])"
                       r"|(?:Miss|Mx|Professor|Sir|Dame) (?=[A-Z]))")
# An abbreviation a figure follows, which a line never parts from it: "pp. 34–36", "No. 5",
# "c. 1910".
NUMBERED = re.compile(r"\b(?:pp?|[Nn]os?|[Pp]aras?|[Cc]h|[Vv]ols?|[Ff]igs?|[Ss]ec|ca?)\. (?=\d)")
# A label and the number naming what it labels, in a sentence ("in Chapter 4 of", "the
# Inquiry's Phase 1 recommendations", "at Key Stage 2"), which a line never parts (a title's
# label opening its line, a table's "Table 2.1: …", is left as written).
LABEL_AND_NUMBER = re.compile(
    r"(?<=\S )(?:[Cc]hapter|[Ss]ection|[Pp]art|[Pp]hase|[Ss]tage|[Ss]tep|[Tt]able|[Ff]igure"
    r"|[Aa]ppendix|[Aa]nnex|[Ss]chedule|[Aa]rticle|[Cc]lause|[Vv]olume|[Pp]age|Tier|Progress"
    r"|Attainment) (?=\d)")
# What shows a name is a person's: a form of address or a title before it, or a surname in
# capitals beside a given name ("Alan LAU Ka-ming", "CHAN Tai-man"), as Hong Kong writes them.
PERSON = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Rev|Revd|Ir"
                    r"|The Hon|Hon|Cllr|Councillor)\.?[\s\u00a0]"
                    r"|.*\b(?:[A-Z][a-z]+ [A-Z]{2,}|[A-Z]{2,}[ \u00a0][A-Z][a-z]+)\b")
# How an audience answers a speech, as its transcript notes it: "(Laughter)", "[Applause]".
REACTIONS = "applause|laughter|cheers|cheering"
# Who a transcript's direction says does something, before the word in lower case saying
# what: someone by a form of address ("Mr Vaughan points"), a title after "The" ("The Lord
# Mayor gestures") or a name of two words or more ("Megan Price hands").
STAGE_AGENT = (r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Rev|Revd|Cllr"
               r"|Councillor)\.?[ \u00a0][A-Z]|The[ \u00a0](?:[A-Z][\w'\u2019-]*[ \u00a0])+[a-z]"
               r"|[A-Z][\w'\u2019-]*(?:[ \u00a0][A-Z][\w'\u2019-]*)+[ \u00a0][a-z])")
# An office a byline's role opens with ("Chair of Trustees", "Chief Executive", "Head of
# Communications", "Acting Director", "General Secretary"): after a name written plainly
# ("Eleanor Whitcombe, Chair of Trustees"), it shows the name a person's, where a subtitle's
# words name none ("Fenland Rivers Trust, Annual Report 2024").
OFFICE = re.compile(
    r"(?:(?:Acting|Interim|Deputy|Assistant|Associate|Honorary|Hon|Joint|Senior|Executive"
    r"|Founding|Vice|Pro|General)[\s-])*"
    r"(?:Chair(?:man|woman|person)?|President|Chief|Director(?:-General)?|Secretary"
    r"|Treasurer|Principal|Dean|Head(?:teacher|master|mistress)?|Chancellor"
    r"|Vice-Chancellor|Provost|Rector|Warden|Master|Governor|Commissioner|Ombudsman|Minister"
    r"|Mayor|Trustee|Founder|Manager|Managing Director|Editor|Registrar|Convener|Leader"
    r"|Partner|Superintendent|Controller|Administrator|Co-?ordinator|Officer|Curator"
    r"|Librarian|Archivist|Conductor|Captain|Chaplain|Vicar|Bishop|Ambassador|Consul"
    r"|Clerk|Auditor|Surveyor|Engineer|Inspector|Lecturer"
    # and the chief officers' initials: "CEO at Tablefor1"
    r"|CEO|COO|CFO|CTO|CIO)\b")
# The words that call someone by their office in running words, as a caption does and no
# byline: "our new chair".
CALLED = re.compile(r"(?:our|their|its|my|your)\s+(?:(?:new|former|outgoing|incoming|retiring"
                    r"|late)\s+)?", re.IGNORECASE)
MAX_NAME_WORDS = 6  # "Professor Sir John Michael Smith", at most
POSSESSIVE = re.compile(r"['\u2019]s\b")  # "Director's Office" names no office held
# What parts an office from the body where it is held ("Chief Executive at St Columba's
# Hospice"), whose name may be possessive.
OFFICE_HELD = re.compile(r"\s+(?:at|of)\s+")
# The words a body's name ends with ("Ashbury Allotment Society", "Riverside Housing
# Group"), or opens with before "of" ("University of Eastmoor").
BODY_WORDS = (r"Board|Trust|Council|Society|Association|Committee|Authority|Department"
              r"|Office|Ministry|Bureau|Agency|Commission|Company|Group|Club|Fund|Foundation"
              r"|University|College|School|Academy|Hospital|Museums?|Library|Libraries|Centre"
              r"|Center|Institute|Institution|Services?|Partnership|Federation|Union|Guild"
              r"|League|Network|Alliance|Corporation|Charity|Co-?operative|Choir|Orchestra"
              r"|Friends|Kitchen|Pantry|Food Bank|Hospice|Shelter|Project|plc|PLC|Ltd|Limited"
              r"|LLP|Inc|Festival|Collective|Ensemble")
BODY = re.compile(rf"(?:[A-Z][\w'\u2019&.-]*\s+|(?:and|of|for|the|&)\s+)+(?:{BODY_WORDS})"
                  rf"|(?:The\s+)?(?:[A-Z][\w'\u2019&.-]*\s+)*(?:{BODY_WORDS})\s+(?:of|for)\s+"
                  r"(?:the\s+)?[A-Z].*")  # "Friends of the Lune Estuary" too
MAX_BODY_WORDS = 8
# The words a part of a body ends with, which an office held "of" it names ("Director of
# Housing Services", "Head of Finance Department"): a department, not the body it is part of.
DEPARTMENT = re.compile(r"\b(?:Services|Department|Directorate|Division)$")
# A name written plainly: two to four capitalised words, a particle among them ("Ana de
# Souza", "Mary-Jane O'Neill"), none a possessive ("Chair's Statement") nor a word naming a
# body, a publication or a team ("Harbour Board", "Annual Review", "Press Office").
# The words naming a publication or a piece of one.
PUBLICATION_WORDS = (r"Review|Report|Statement|Message|Letter|Foreword|News|Update|Annual|Year"
                     r"|Plan|Strategy|Programme|Overview|Summary|Highlights")
PIECE_TITLE = re.compile(rf"(?:(?:The|An?|Our|My)\s+)?(?:{PUBLICATION_WORDS})\b")
# A piece its author's office names: "Chair's statement", "Director's Review 2024".
OWN_PIECE = re.compile(rf".*['\u2019]s\s+(?:\w+\s+)?(?:{PUBLICATION_WORDS})\b.*", re.IGNORECASE)
# The words naming a body's staff, a team or a desk, not a person: "Communications Team".
STAFF_WORDS = r"Team|Unit|Desk|Staff|Editors?|Editorial|Admin|Administrator|Webmaster"
# A yearly publication and its year: "Annual Review 2024", "Impact Report 2023–24", in
# sentence case too, as a page names it ("Annual review 2025–26", "Impact report 2023/24").
ISSUE = re.compile(r"(?:The\s+)?(?:[A-Z][\w'\u2019&-]*\s+){0,4}?(?:Annual|Impact|Yearly)\s+"
                   r"(?:[Rr]eview|[Rr]eport)\s+\d{4}(?:[\u2013/-]\d{2}(?:\d{2})?)?")
PLAIN_NAME = re.compile(
    rf"(?!.*{POSSESSIVE.pattern})"
    rf"(?!.*\b(?:{BODY_WORDS}|{PUBLICATION_WORDS}|{STAFF_WORDS})\b)"
    r"[A-Z][\w'\u2019-]+(?: (?:[A-Z][\w'\u2019.-]*|de|da|di|van|von|der|den|la|le|bin|binti)){1,3}")
# Words no heading ends on: an article, a conjunction, the "that" of a clause to come (a
# heading may end on a preposition: "What we stand for").
LEADING_WORDS = frozenset(("a", "an", "the", "and", "or", "but", "nor", "that"))
# An ellipsis marking words left out inside a sentence keeps the author's spaces round it, as
# British practice sets one (`an aeroplane … it starts`); one ending a phrase stands against
# it (`more than that…’`).
SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\S) +(?=[,.;:!?)\]\u2019\u201d](?:\s|$)"
                                      r"|\u2026(?:[\u2019\u201d)\],.;:!?]|$))")
# A stray space inside an opening bracket (`( see above )`), closed up as the one before the
# closing bracket is; a form's box (`[ ]`) is set aside before the rules run.
SPACE_AFTER_OPENING_BRACKET = re.compile(r"(?<=[(\[]) +(?=\S)")
SPACES = re.compile(" {2,}")  # left side by side where a rule took what stood between
# A collection's number, its code in capitals spaced from its colon (`TWCMS : 2011.4471`, as
# museums write an accession number): a code, kept as written, and never parted by a line.
SPACED_CODE = re.compile(r"\b([A-Z]{2,}) : (?=\d)")
# A sentence's spaced dash, which in British practice ends a line, never starts one.
SENTENCE_DASH = "\u2013(?: |$)"
SPACE_BEFORE_DASH = re.compile(f"(?<=\\S) (?={SENTENCE_DASH})")
# A family name in capitals and the given name after it, written as Hong Kong writes them
# ("LEE Chi-keung"): one name, which a line never parts.
FAMILY_AND_GIVEN_NAME = re.compile(r"\b([A-Z]{2,}) (?=[A-Z][a-z]+-[a-z]+\b)")

READING_TIME = r"\d{1,3}[ \u00a0]?(?:minutes?|mins?) read"  # a post's: "4 min read"
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November"
          "|December")
# A month's name in full or short, as a dateline writes it ("Mar 14, 2025", "14 Sept 2024").
NAMED_MONTH = rf"{MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# The same as a date writes them, or in capitals, as a line set in capitals does ("TUESDAY 3
# JUNE 2025").
DATE_MONTH = f"{NAMED_MONTH}|{NAMED_MONTH.upper()}"
DATE_WEEKDAY = f"{WEEKDAYS}|{WEEKDAYS.upper()}"
# 27 June 2024, June 27, 2024, its weekday perhaps before it (Wednesday 5 February 2025).
DATE = re.compile(rf"(?:(?:{DATE_WEEKDAY}),?[ \u00a0])?"
                  rf"(?:(?:\d{{1,2}}[ \u00a0])?(?:{DATE_MONTH})[ \u00a0]\d{{4}}"
                  rf"|(?:{DATE_MONTH}) \d{{1,2}}, \d{{4}})")
# A month, a season or a quarter, its year perhaps with it, or a year alone: "January",
# "March 2024", "Spring 2024", "Q1 2024", "2023".
PERIOD = re.compile(rf"(?:(?:{MONTHS}|Spring|Summer|Autumn|Winter|Q[1-4])(?:[ \u00a0]\d{{4}})?"
                    r"|\d{4})")
# The stretch of time accounts cover, written alone under their title: "For the year ended 31
# March 2024", "Year to 31 March 2025", "Six months ending 30 September 2024", "1 April 2023
# to 31 March 2024".
PERIOD_COVERED = re.compile(
    rf"(?:for )?(?:the )?(?:(?:financial|fiscal|accounting) )?(?:(?:year|period|(?:three|six"
    rf"|nine|twelve) months|quarter|half-year) (?:ended|ending|to) {DATE.pattern}"
    rf"|{DATE.pattern} (?:to|\u2013) {DATE.pattern})", re.IGNORECASE)
SEASON_YEAR = re.compile(r"\b(?:Spring|Summer|Autumn|Winter)[ \u00a0](?P<year>\d{4})\b")
# The same, its parts named, found within a line.
DATE_PARTS = re.compile(rf"\b(?:(?P<day>\d{{1,2}})[ \u00a0])?(?P<month>{DATE_MONTH})[ \u00a0]"
                        rf"(?:(?P<day_after>\d{{1,2}}), )?(?P<year>\d{{4}})\b")
# A range of days or months by name, in full or short ("Monday-Friday", "Jan-Mar"), or of
# dates ("1 April-31 July"): an en dash.
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun"
# A date written alone, its weekday perhaps after it in brackets: "3 June 2025 (Tuesday)".
DATE_ALONE = re.compile(rf"(?:{DATE.pattern})(?:[ \u00a0]?\((?:{DAYS}|{DAYS.upper()})\))?")
SHORT_MONTHS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
NAMED_RANGE = re.compile(rf"(?<![\w\u2013-])({MONTHS}|{SHORT_MONTHS})-({MONTHS}|{SHORT_MONTHS})"
                         rf"(?![\w\u2013-])|(?<![\w\u2013-])({DAYS})-({DAYS})(?![\w\u2013-])")
DAY_OF_MONTH = rf"\d{{1,2}}[ \u00a0](?:{MONTHS}|{SHORT_MONTHS})"
DATE_RANGE = re.compile(rf"{NOT_BEFORE}({DAY_OF_MONTH})-({DAY_OF_MONTH}){NOT_AFTER}")
LETTERED_RANGES = (TIME_RANGE, DECADE_RANGE, SUM_RANGE, DATE_RANGE)
# A day, its weekday and its time perhaps with it, its year perhaps not, as a listing of
# events heads each one: "Saturday 12 April, 10am–4pm", "Sunday 27 April 2025, 2pm",
# "Thursday, May 8 at 7.30 pm".
CLOCK = r"\d{1,2}(?:[.:]\d{2})?[ \u00a0]?(?:am|pm|a\.m\.|p\.m\.)"
# An embargo's hour, its zone perhaps after it and "on" before its day: "00:01 hrs", "10:00
# GMT on", "9.30am HKT,".
EMBARGO_HOUR = (rf"\d{{1,2}}[.:]\d{{2}}(?:{HALF_DAY}|\s*(?:hrs|hours))?"
                r"(?:\s*(?-i:[A-Z]{1,3}T|UTC))?,?(?:\s*on\b)?")
WHEN = re.compile(
    rf"(?:(?:{DAYS}),?[ \u00a0])?(?:\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0](?:{NAMED_MONTH})"
    rf"|(?:{NAMED_MONTH})[ \u00a0]\d{{1,2}}(?:st|nd|rd|th)?)(?:,?[ \u00a0]\d{{4}})?"
    rf"(?:,?[ \u00a0](?:at[ \u00a0]|from[ \u00a0])?(?:\d{{1,2}}(?:[.:]\d{{2}})?[ \u00a0]?[\u2013-]"
    rf"[ \u00a0]?)?{CLOCK}(?:[ \u00a0]?[\u2013-][ \u00a0]?(?:{CLOCK}|late|close|midnight))?)?")
# A line led by a time of day or a span of them, then what happens then ("6.30pm – Opening",
# "10am–4pm – Making Day", "19:30: Concert").
TIMED = re.compile(rf"(?:(?:\d{{1,2}}(?:[.:]\d{{2}})?(?:{HALF_DAY})?[ \u00a0]?[\u2013-][ \u00a0]?)?"
                   rf"{CLOCK}|\d{{1,2}}:\d{{2}}(?:[ \u00a0]?[\u2013-][ \u00a0]?\d{{1,2}}:\d{{2}})?)"
                   rf"(?:[ \u00a0]+[\u2013\u2014-]|:)[ \u00a0]+\S.*")
# A line led by a day and its time, then what is held there ("Wednesday 12 March, 12.30–1.30
# pm, Room G.14"), as a list of meetings sets each one.
WHEN_LED = re.compile(rf"(?:{WHEN.pattern})(?:,|:|[ \u00a0][\u2013-])[ \u00a0]+\S.*")

MAX_HEADING_WORDS = 14
# Words said, quoted after the comma or colon introducing them, ending the line: a sentence
# reporting them (`Then she asked, "What should we do next?"`), never a heading.
REPORTED_SPEECH = re.compile("\\w[,:] [\u2018\u201c][^\u2018\u201c]+[?!.][\u2019\u201d]$")
MAX_HEADING_CHARACTERS = 120
# A line in title case may be a title of more words: a report's title with its subtitle after
# a colon (`Culture, Community and Continuity in a Year of Unexpected Change: The Chair's
# Statement to Members and Friends of the Foundation`), as no sentence is written.
MAX_TITLE_CASE_WORDS = 24
MAX_TITLE_CASE_CHARACTERS = 180
# The words title case leaves in lower case: articles, conjunctions, short prepositions.
TITLE_LOWER_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via from into onto with"
    .split())
MAX_BYLINE_WORDS = 25

# Post-nominals: orders, fellowships, degrees, offices. Known by name, they are found in
# any case ("FREng", "FMedSci") and after a name without commas ("Ann Lee DBE FRS").
POST_NOMINALS = frozenset(
    """GBE KBE DBE CBE OBE MBE CB CMG KCMG GCMG KCB GCB CVO LVO MVO KCVO DCVO CH OM DL JP KC QC
    MP MSP MS MLA CEng FRS FBA FREng FRSE FMedSci FInstP FRCP FRCS FRCA FRCGP FRCOG FRCR
    FRCPath FRCPsych FRCPCH FRCPE FRCSEd FRCPI FRCVS FRCOphth FAcSS FLSW FRSGS FRAeS
    FIStructE FIMechE FICE FIET FRSocMed FRSB FRSC FRMetS FRGS FRHistS FRSL FRSA FRSNZ FAHMS
    FCA FCCA ACA FCIPD FCMI FIoD FCIArb FHEA SFHEA PFHEA FHKIE FHKAM FHKCP GBS SBS BBS MH
    FSA FSAScot FLS FRAS FRIBA FRTPI FRICS FCILIP FRCM FRAM FRPS
    IDSM PDSM FSDSM PhD DPhil MPhil DSc DLitt LLD EdD MD MA MSc BA BSc MBA LLB LLM MBBS
    MBChB MEng BEng MRCP MRCPsych MRCGP MRCOG HonFREng HonFRCP""".split()
)
# Between commas, capitals read as post-nominals too: "IDSM", "FRS", "KC (Scot)".
CAPITALS_HONOUR = re.compile(r"[A-Z]{2,6}(\s?\([A-Za-z.]+\))?")
# A phrase in Latin letters inside a text in another script ("Hong Kong Book Fair" in a
# Chinese sentence): words of letters (joined by an apostrophe or a hyphen) parted by
# spaces; never a piece of an address, a file name or a code ("www.example.hk",
# "annual-report-2024", "CB(4)1021"), which is no language's words. A hyphen may hold the
# word joiner a writer keeps a name's parts together with ("Goethe-\u2060Institut"); a colon
# and a space part a title's halves ("Microplastics in Urban Rivers: What We Know"), a
# colon before anything else ("https:") ends no phrase; nor does a currency's code before its
# sign ("HK$1.2億", "US$300萬"), which is read with its figure. Figures and a comma between
# its words are the phrase's ("welcomed 12.6 million visitors in 2023–24, up 18 per cent"),
# and a figure or a few after its last word where no letter follows ("Harbour 2030」",
# "WhatsApp 6612 3456"; not the "12,600" of "visitors 12,600名", which counts in Chinese):
# set in its face, not the Chinese face's Latin letters; so are the quotation marks and
# apostrophes between its words ("launches ‘Piers Remembered’ oral", "crews’ voices"). So
# are the stops, dashes and brackets between its words and the stop after its last, up to
# where Chinese resumes ("St. James’ Settlement", "given on 1 July 2025.", "Dr. Lee
# (Chair)"), which are no language's: a screen reader speaks them, and the year, in the
# phrase's language. A bracket is the phrase's with its words, whole ("Mr. J. Smith
# (U.K.)"): one a Chinese sentence opens round the phrase ("(HKU)") is the sentence's, as are
# its full-width marks. An abbreviation's letters and stops are one word ("U.K.", "e.g."),
# and a figure a space parts from the word after it opens the phrase ("1 July 2025.",
# "2024 Annual Report"), not one a Chinese character or a currency's sign ends. A word
# joiner, which a writer binds characters with, is read as nothing (languages.runs).
LATIN_LETTER = "A-Za-z\u00c0-\u024f"
LATIN_PHRASE_WORD = (f"(?:(?:[{LATIN_LETTER}]+\\.){{2,}}"
                     f"|[{LATIN_LETTER}]+(?:(?:['\u2019]|-)[{LATIN_LETTER}]+)*)")
PHRASE_FIGURE = "[0-9](?:[0-9.,%\u2013-]*[0-9%])?"
# What may close a word or a figure before the spaces after it: a quote, then a stop.
PHRASE_STOP = "['\u2019\u201d]?[.:,;!?]?"
PHRASE_TOKEN = f"(?:{LATIN_PHRASE_WORD}|{PHRASE_FIGURE})"
BRACKETS = ((r"\(", r"\)"), (r"\[", r"\]"))
PHRASE_BRACKETED = "|".join(
    f"{opening}{PHRASE_TOKEN}(?:{PHRASE_STOP}[ \u00a0]+[\u2018\u201c]?{PHRASE_TOKEN})*{closing}"
    for opening, closing in BRACKETS)
LATIN_PHRASE = (f"(?<![{LATIN_LETTER}0-9_./:@)\\-{CURRENCY_SIGNS}])"
                f"(?:{PHRASE_FIGURE}[ \u00a0])?{LATIN_PHRASE_WORD}"
                f"(?:{PHRASE_STOP}[ \u00a0]+"
                f"(?:(?:{PHRASE_FIGURE}|[\u2013\u2014-]){PHRASE_STOP}[ \u00a0]+)*"
                f"[\u2018\u201c]?(?:(?:{PHRASE_FIGURE}-)?{LATIN_PHRASE_WORD}|{PHRASE_BRACKETED}))*"
                f"(?:{PHRASE_STOP}(?:[ \u00a0]+{PHRASE_FIGURE}){{1,3}}"
                f"(?![^\\W\\d_]|[0-9%\u2013-]|[.,][{LATIN_LETTER}0-9]))?"
                f"(?:[,;!?]|\\.(?!\\.)|:(?!\\S))?"
                f"(?![{LATIN_LETTER}0-9_/@(\\-{CURRENCY_SIGNS}]|:\\S|\\.[{LATIN_LETTER}0-9])")


# The parts of compounds British writes with a hyphen, as their first word or their last
# (`self-assessment`, `community-led`): a typeset line ending on the hyphen keeps it. A
# first part stands before a word of four letters at least (`multi-` over `ple` is
# `multiple`), a last after one of three (`un-` over `related` is `unrelated`); none is a
# syllable a hyphenation dictionary breaks a single word at (`state-ment`, `under-standing`).
COMPOUND_HEADS = re.compile(r"self|well|non|cross|multi|long|short|full|half|mid|cost|world"
                            r"|first|third|old", re.IGNORECASE)
# What ends a single word, not a compound's part (`well-` over `ness` is `wellness`).
SUFFIX = re.compile(r"(?:ness|ment|ship|less|ful|able|ible|ity|ing|er|est|ie|ical|ous|ive"
                    r"|ly|al|age|ism|ist|ise|ize|ation)s?|ied|ier|iest|ed", re.IGNORECASE)
COMPOUND_TAILS = re.compile(
    r"based|led|run|term|making|wide|scale|free|friendly|owned|funded|related|specific"
    r"|focused|level|year|month|week|being|looking|saving|sharing|building|quality|income"
    r"|class|made|designed|centred|centered|driven|oriented|sized|known|minded|powered"
    r"|party|ups?|end", re.IGNORECASE)
# A prefix British writes with a hyphen before the vowel it ends with ("re-elect",
# "co-operate", "pre-empt", "anti-inflammatory").
VOWEL_PREFIXES = re.compile(r"re|pre|de|co|anti|semi|multi", re.IGNORECASE)
MIN_COMPOUND_TAIL, MIN_COMPOUND_HEAD = 4, 3
# The short words joining a compound of three words or more (`ship-to-shore`,
# `state-of-the-art`, `one-in-four`, `cash-and-carry`).
JOINING_WORDS = re.compile(r"to|of|the|and|or|in|on|by|for|at|a|an|per", re.IGNORECASE)


# What opens an interview's question: "Q:", "Q.", "Question:" ("A." may letter a section).
QUESTION = r"Q\s*[:.]\s|Question\s*:\s"
# What opens a byline before its author's name: "By ", or the words it says the author wrote
# ("Interview by ", "Words by ").
BY = re.compile(r"(?:(?:Interview|Interviewed|Words|Text|Story|Written) by|By) ")
# A blog's field naming its author, before a name: "Author: Hannah Price".
AUTHOR_FIELD = re.compile(r"(?:Author|Written by|Words|Text)\s?:\s*")
# What a speech's or a message's byline says before the name ("Speech by Mr Henry Fan,
# Chairman"): the label, not the name; a title's words where an office follows it ("Speech
# by the Lord Mayor at …").
SPOKEN_BY = re.compile(r"(?:Speech|Remarks|Address|Keynote|Message|Foreword) (?:by|from) ")
# A transcript's speaker, in capitals or by initials (two letters at least: an answer's `A:`
# is none), before what they say: "TR: ", "GRACE ADEBAYO: ": a turn of the conversation,
# never a heading.
SPEAKER = re.compile(r"[A-Z][A-Z.'\u2019\u00a0 -]{1,30}:\s")
# Who speaks in an interview by their part in it, not their name: "Interviewer: ".
INTERVIEW_ROLE = re.compile(r"Interviewer|Interviewee|Host|Presenter|Reporter|Moderator|Guest")
# The words one person speaking says to another: "I", "my", "you".
PERSONAL = re.compile(r"\b(?:I|[Mm][ey]|[Yy]ou(?:rs?)?)\b")
# A speaker by their initials: "TR: ", "Q: ".
INITIALS = re.compile(r"[A-Z]{1,3}")


def is_turn(text: str) -> bool:
    """A speaker in capitals, then what they say, in small letters too (a headline in
    capitals, `PAY OFFER: BALLOT OPENS 24 MARCH`, is none)."""
    speaker = SPEAKER.match(text)
    return speaker is not None and any(char.islower() for char in text[speaker.end():])


def title_cased(text: str) -> bool:
    """Whether each word after the first is capitalised but the short ones title case need
    not capitalise ("A Message from the Director")."""
    return all(word[:1].isupper() or word[:1].isdigit() or word in TITLE_LOWER_WORDS
               for word in text.split()[1:])

class English(Profile):
    tag = "en-GB"
    tags = ("en",)
    name = "English"
    rule = "english-language"
    script = "Latn"
    phrase = LATIN_PHRASE
    sentence_ends = ".;:!?\u2026"  # an ellipsis may end a sentence too ("…promise more than that…")
    figure_none = r"n/a|n\.a\."
    date_alone = DATE_ALONE
    when = WHEN
    when_led = WHEN_LED
    timed = TIMED
    document_kind = re.compile(r"(?:public |official )?(?:notice|announcement|circular"
                               r"|memorandum|bulletin)", re.IGNORECASE)
    field_label = re.compile(r"(?:dates?(?: and times?)?|times?|venue|place|location|address"
                             r"|cost|price|admission|tickets?|fees?|deadline|closing date"
                             r"|contact|enquiries|tel(?:ephone)?|phone|e-?mail|website"
                             r"|speakers?|host|organi[sz]er|registration|booking|rsvp)"
                             r" ?: *\S", re.IGNORECASE)
    period = PERIOD
    period_covered = PERIOD_COVERED
    # A sentence ending inside a line: never an initial's or a title's full stop ("Dr. Lei
    # Kin Man", "J. Smith", "St. Paul's").
    sentence_break = (r"(?:(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|Jr|Sr|St|No|Co))(?<!\b(?:Mrs|Rev|Ltd"
                      r"|Inc))(?<!\b(?:Prof|Revd))\.|[!?])\s")
    no_break_before = SENTENCE_DASH
    notes_headings = ("notes?", "footnotes", "endnotes")
    stage_direction = (rf"(?:(?:sustained|prolonged|loud|warm) )?(?:{REACTIONS}"
                       r"|pause|inaudible|video(?: plays| shown)?)"
                       r"(?: and (?:applause|laughter|cheers))?")
    audience_reaction = (rf"(?:(?:sustained|prolonged|loud|warm) )?(?:{REACTIONS})"
                         r"(?: and (?:applause|laughter|cheers))?")
    stage_agent = STAGE_AGENT
    # "Speech by", "Remarks as delivered by", "Delivered by"; not "Given by" alone, which
    # says who gave a gift as often as a speech.
    speech_rubric = (r"(?:(?:speech|address|remarks|lecture|sermon|keynote(?: address| speech)?)"
                     r"\s+(?:(?:as\s+)?(?:delivered|given|made)\s+)?"
                     r"|(?:as\s+)?delivered\s+)by\b")
    # "P.S.", "P. S.", "P.P.S.", "PS:"; or the line naming what the letter encloses ("Enc.",
    # "Attachment:").
    postscript = (r"(?:P\.\s?){1,2}S\.|P{1,2}S\b:?|Enc(?:l(?:osures?)?)?(?:\.|\s*[:：])"
                  r"|Attachments?\s*[:：]")
    contact_heading = (r"(?:for )?(?:(?:media|press|news) )?(?:contacts?|enquiries|inquiries)"
                       r"|(?:for )?(?:further|more) information(?:,? (?:please )?contact(?: us)?)?"
                       r"|press office|contact us|get in touch")
    attendance_label = r"(?:also )?present|in attendance|absent|apologies(?: for absence)?"
    # The verb after a clause, "please" or a modal ("For a copy, write to", "Please call",
    # "Journalists should contact"): "Media contact" ends in the noun.
    contact_lead_in = (r"(?:.+[,;]\s*|(?:.+\s)?please\s+|.+\s(?:should|can|may|could)\s+)"
                       r"(?:contact|call|phone|ring|telephone|e-?mail|write\s+to)"
                       r"|(?:.+\s)?write\s+to")
    # A number and a space (a no-break one, cleaned) before the street's name.
    address_line = (r"(?:Flat|Unit)\s\d+[A-Z]?,?\s\d+[A-Z]?|\d+[A-Z]?(?:[\u2013-]\d+)?,?"
                    r"(?:\s[A-Z][\w'\u2019.-]*){1,3}\s(?:Street|Road|Lane|Row|Way|Close|Yard"
                    r"|Wynd|Avenue|Drive|Place|Square|Court|Terrace|Crescent|Hill|Gardens|Walk"
                    r"|Mews|Grove|Parade|Quay|Wharf|Green|Rise|Gate|St|Rd|Ave)\.?"
                    r"|(?:[A-Z][\w'\u2019.-]*,?\s){1,3}[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}")
    news_dateline = (r"[A-Z][A-Z.'\u2019 -]{1,40}(?: \([^)]{1,30}\))?,\s+[^\u2013\u2014]{6,30}?"
                     r"\s+[\u2013\u2014]\s")
    unending_words = frozenset((
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "into",
        "over", "under", "and", "or", "but", "nor", "as", "its", "our", "their", "his", "her",
        "this", "that", "these", "those"))
    # Those addressed by title or name, parted by commas ("Deputy Secretary, Mr Chan,"),
    # then the audience ("distinguished guests, ladies and gentlemen"); an audience alone only
    # as a speech addresses one ("Distinguished guests,", not "Members:").
    speech_salutation = (
        rf"(?:{ADDRESSED}, ){{1,6}}(?:(?:{AUDIENCE_WORD}) ){{0,2}}(?:{AUDIENCE})[,:!]"
        rf"|(?:(?:my|our) )?(?:(?:{AUDIENCE_WORD}) ){{1,2}}(?:{AUDIENCE})[,:!]"
        r"|ladies and gentlemen[,:!]"
        # a legislature's or a meeting's chair, whom its members address
        r"|(?:(?:mr|madam) )?(?:deputy )?(?:president|chairman|chairwoman|chair|speaker)[,:!]")
    letter = r"\bletter\b"
    ordinal_opening = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                       r"(?:ly)?|last(?:ly)?|finally")
    valediction = (r"(?:yours (?:sincerely|faithfully|truly|ever)|(?:very )?(?:sincerely|truly)"
                   r" yours|yours|with (?:(?:all )?(?:my |our )?(?:very )?(?:best|warm|warmest|kind"
                   r"|kindest|every good) )?(?:wishes|regards)),?")
    photo_credit = (r"(?:(?:photo(?:graph)?|image|picture|illustration)s?(?: credits?)?"
                    r"|credits?)\s*(?::|by\b)\s*[^.!?]{1,80}\.?")
    table_title = r"(?:Table|TABLE) [0-9]+(?:\.[0-9]+)*[A-Za-z]?\b"
    figure_title = (r"(?:Figure|FIGURE|Fig\.|Chart|CHART|Graph|Diagram|Map|Exhibit|Photo|Picture)"
                    r" [0-9]+(?:\.[0-9]+)*[A-Za-z]?\b")
    year_line = r"(?:(?:financial|fiscal) year )?[0-9]{4}(?: ?[\u2013/-] ?(?:[0-9]{2}){1,2})?"
    division = (r"(?:Chapter|CHAPTER|Part|PART|Section|SECTION|Appendix|APPENDIX|Annex|ANNEX"
                r"|Agenda item|AGENDA ITEM)"
                rf" (?:[0-9]+(?:\.[0-9]+)*|[IVXLC]+|[A-Z]|{NUMBER_WORDS})\b")
    table_unit = r"units?"
    column_unit = r"(?i:thousands?|millions?|billions?|per\s?cent)"
    # Or the bottom line of accounts: "Surplus/(deficit)", "Net surplus for the year".
    table_total = (r"(?:grand |sub-?)?totals?(?: \w+){0,2}"
                   r"|(?:net (?:income|expenditure|result)|(?:net )?(?:surplus|deficit)"
                   r"(?: ?/ ?\(?(?:surplus|deficit)\)?)?)(?: for the (?:year|period))?")
    table_source = r"sources?|notes?"
    furniture = Furniture(
        skip=r"(?:skip|jump|go) (?:directly )?to (?:the )?(?:main |page )?"
             r"(?:content|navigation|menu|search)",
page=r"page|p\.?",
        teaser_end=r"(?:read|find out|learn|see|discover|view) more|continue reading|more"
                   r"(?: \u203a| >| \u2192)?",
                back_to_top=r"(?:(?:back|return|go|jump|scroll) (?:up )?to )?(?:the )?top"
                    r"(?: of (?:the |this )?page)?",
        print_or_share=r"(?:print|share|e-?mail|bookmark|send|forward)(?: (?:this|the))?"
                       r"(?: (?:page|article|story|post|link|e-?mail|newsletter))?(?: (?:on|via|by)"
                       r" [\w ]{1,20}| to a friend)?|printer[- ]friendly(?: version| page)?"
                       # a newsletter's link to its page: "View this email in your browser"
                       r"|(?:having trouble viewing this e-?mail\?\s*)?view (?:this (?:e-?mail"
                       r"|newsletter|message) )?(?:it )?(?:in|on) (?:your|a|the) (?:web )?browser"
                       r"|view (?:this (?:e-?mail|newsletter) )?online"
                       r"|print (?:friendly )?version"
                       # a row of networks to share on, with no separators between them
                       r"|(?:(?:facebook|twitter|x|linkedin|whatsapp|weibo|wechat|telegram"
                       r"|e-?mail)\s*){2,}"
                       r"|download(?: (?:the|this))?(?: (?:full|pdf|document|file|report"
                       r"|version|article|chapter|section|page|publication|summary))*"
                       r"(?: \([^)]{1,20}\))?"
                       # a blog's button to like the post, and what it shows as it loads
                       r"|like this|like(?: loading(?:\.\.\.|\u2026)?)?|copy link"
                       # a platform's buttons under a post: "Comment", "Repost"
                       r"|comment|repost|reshare|retweet"
                       # a platform's button to follow the author: "+ Follow" (icons aside)
                       r"|follow",
        page_tools=r"(?:text|font) size\b.*|A\+? ?A ?A-?"
                   # how long the page takes to read: "Reading time: 4 minutes", "6 min read"
                   r"|(?:estimated )?reading time\s*[:：]?\s*(?:about |approx\.? )?\d+"
                   r"(?:\s*[–-]\s*\d+)?\s*min(?:ute)?s?\.?|\d+[ \u00a0-]min(?:ute)?s?\.? read"
                   # the page read aloud or translated, its sections opened and closed
                   r"|listen(?: to)?(?: this)?(?: page| article| post| story| episode)?"
                   r"|translate(?: this)?(?: page)?"
                   # a post's audio player, at its start (what is left: debris.MEDIA_TIME)
                   r"|0:00"
                   # a post for paying subscribers only, as its platform marks it: "∙ Paid"
                   r"|paid"
                   # how long ago a post, a comment or a gift was made: "2 days ago"
                   r"|(?:\d{1,3}|an?|one)[ \u00a0](?:second|minute|hour|day|week|month|year)s?"
                   r" ago"
                   # a professional network's label for a post, its screen readers' heading
                   r"|feed post(?: number \d{1,3})?"
                   # a reel's sound, as Instagram names it under the account: "Original audio"
                   r"|original audio|original sound"
                   # a professional network's post: how near its author is to the reader
                   # ("• 1st", "2nd"), and how old the post is ("2d • Edited •", "1w •")
                   r"|(?:[•·]\s*)?(?:1st|2nd|3rd\+?)"
                   r"|\d{1,2}\s?(?:h|d|w|mo|yr?)(?:\s*[•·]\s*edited)?(?:\s*[•·])?"
                   # a newsletter's sign-up box: "Type your email...", "Subscribe", its
                   # field's label and its promise ("Email Address", "We respect your privacy.")
                   r"|(?:type|enter) your e-?mail(?: address)?(?:\.\.\.|\u2026)?"
                   r"|(?:your )?e-?mail address\s*\*?|your e-?mail\s*\*?"
                   r"|we respect your privacy\.?|no spam(?:, ever)?[.!]?"
                   r"|we(?:'|\u2019)?ll never share your (?:e-?mail(?: address)?|details)"
                   r"(?: with anyone)?\.?|(?:you can )?unsubscribe at any time\.?"
                   r"|(?:read|show|see|view) (?:more|less)|(?:expand|collapse|open|close|show"
                   r"|hide) all(?: sections)?"
                   # a gallery's counter and its buttons: "1 of 12", "Next image"
                   r"|\d{1,3} of \d{1,3}|(?:previous|next|prev) (?:image|photo|picture|slide)"
                   r"|(?:view|open|close) (?:the )?(?:gallery|slideshow)"
                   # what a post or a video embedded from elsewhere leaves: "View this post on
                   # Instagram", "A post shared by …", "Video unavailable"
                   r"|view this (?:post|photo|video|profile) on (?:instagram|facebook|x|twitter"
                   r"|tiktok|linkedin)|a (?:post|photo|video) shared by .{1,80}"
                   r"|(?:this )?video (?:is )?(?:unavailable|private)|watch on (?:youtube|vimeo)"
                   r"|click (?:here )?to (?:enlarge|zoom(?: in)?|view (?:larger|full[- ]size))"
                   r"(?: (?:image|photo|picture))?|(?:view|see) (?:larger|full[- ]size)"
                   r"(?: (?:image|photo|picture))?",
        picture=r"\[(?:image|photo|picture|logo|signature)\]"
                # a social network's words for a picture, in place of the picture: "Kestlebury
                # Museum's photo.", "May be an image of 10 people and outdoors"
                r"|.{1,80}(?:'|\u2019)s (?:photo|image|video)\.?|may be an image of .{1,120}"
                # a mail's or a page's icons linking to the body's accounts, copied as their
                # alternative texts: "Facebook icon", "Website icon"
                rf"|(?:{SOCIAL_NETWORKS}|website|e-?mail) (?:icon|logo)",
        picture_label=r"photos?|pictures?|images?|photographs?",
        logo=r"\blogo\b",
        download="download",
        contents=r"on this page|in this (?:page|section|article)|contents(?: of this page)?"
                 r"|page contents|jump to(?: a)? section",
        feedback=r"(?:was|is|did) (?:this|the) (?:page|article|information|answer) (?:helpful"
                 r"|useful|help(?: you)?)\??(?:\s*(?:yes|no)(?:\s*[|/]?\s*(?:yes|no))?)?"
                 r"|did you find what you (?:were|are) looking for\??(?:\s*yes\s*[|/]?\s*no)?"
                 r"|(?:report (?:a problem|an issue|an error)|give feedback) (?:with|on|about)"
                 r" this page|(?:rate|feedback on) this page",
        footer=r"(?:page |this page was )?last (?:revision|revised|updated|modified|reviewed"
               r"|review)(?: date| on)?\b.{0,40}|(?:date of )?last (?:revision|review|update)"
               r"\b.{0,40}|copyright.{0,80}|©.{0,160}|.{0,120}(?:©|all rights reserved).{0,40}"
               r"|(?:this (?:web)?site|this page) is best viewed .{0,80}"
               r"|(?:tags?|categor(?:y|ies)|filed under)\s*[:：].{0,100}"
               # the page's licence: "All content is available under the Open Government
               # Licence v3.0, except where otherwise stated"
               r"|(?:all )?(?:content|text|material) (?:on this (?:site|page) )?(?:is )?"
               r"(?:available|published|licen[cs]ed) under (?:the |a )?[\w .-]{0,40}"
               r"licen[cs]e\b.{0,80}|this (?:work|page|site|website) is licen[cs]ed under"
               r" .{0,120}"
               # the body's registration: "Registered charity no. 1098765 | Company no. …"
               rf"|(?:{REGISTRATION})\b.{{0,160}}"
               # a newsletter's pitch under its posts: "Thanks for reading The Lantern Notes!
               # Subscribe for free to receive new posts and support my work."
               r"|thanks for reading\b.{0,80}?[!.]\s*subscribe\b.{0,120}"
               # the body's accounts: "Follow us on X @KestrelfordBC and on Facebook."
               rf"|(?:follow|find|join) us on (?:{SOCIAL_NETWORKS})\b.{{0,100}}",
        dateline=r"(?:(?:(?:first )?(?:published|posted|issued|released)(?: on| date)?"
                 r"|date (?:published|posted|issued))\s*[:：]?\s*[^.!?]{0,30}\d{4}"
                 # who posted it first, with their role: "Posted by Marion Achebe, Chief
                 # Executive · 12 June 2025", "Written by Sam Hale on 3 May 2025"
                 r"|(?:posted|written|published) by [^.!?·|•\d]{1,60}?"
                 r"(?:\s*[·|•,\u2013\u2014-]\s*(?:on\s+)?|\s+on\s+)[^.!?]{0,20}\d{4})"
                 r"(?:,? \d{1,2}[:.]\d{2}(?:[ \u00a0]?[ap]\.?m\.?)?)?"
                 r"(?: by [\w .'\u2019\u00a0-]{1,40}?)?"  # "… by guildadmin", who posted it
                 # and how long it takes to read: "… · 4 min read"
                 rf"(?:\s*[·|•,\u2013\u2014-]\s*{READING_TIME})?"
                 # undated, how long it takes to read in its place: "Posted by Editorial
                 # Team | 4 min read"
                 rf"|(?:posted|written|published) by [^.!?·|•\d]{{1,60}}?"
                 rf"\s*[·|•,\u2013\u2014-]\s*{READING_TIME}"
                 # a social network's stamp on a post: "17 September at 19:42 ·",
                 # "September 17, 2024 at 7:42 PM"
                 rf"|(?:\d{{1,2}}[ \u00a0](?:{NAMED_MONTH})|(?:{NAMED_MONTH})[ \u00a0]\d{{1,2}})"
                 r"(?:,?[ \u00a0]\d{4})? at \d{1,2}[:.]\d{2}(?:[ \u00a0]?[ap]\.?m\.?)?(?:\s*[·•])?",
        # (and their role after it, up to the next of the line's parts: "Posted by Marion
        # Achebe, Chief Executive · 12 June 2025", the group `role`)
        posted_by=r"\bby\s+(?P<name>(?:[A-Z][\w'\u2019.-]*\s+){1,3}[A-Z][\w'\u2019-]+)"
                  r"(?:,\s*(?P<role>[^\d·|•\u2013\u2014]{2,80}?)(?=\s*(?:$|[·|•\u2013\u2014]"
                  r"|\s-\s|\s+on\s|,\s*\d)))?"
                  r"\s*(?:$|[,·|•\u2013\u2014]|-\s|on\s)",
        reading_time=READING_TIME,
        neighbours=r"[«‹<]?\s*(?:previous|next|older|newer)(?: (?:article|story|post|news"
                   r"|item|entry|chapter|section|page))\s*[:：]\s*.{1,150}?(?:\s*[»›>])?",
        links=r"home(?: ?page)?|menu|main menu|(?:open|close) menu(?: (?:open|close) menu)?"
              # a fundraising platform's: "Start fundraising", "Report this page"
              r"|start (?:a )?fundraising|report this (?:page|post|fundraiser|article|comment)"
              # a government page's link back to the list it came from, alone: "Back"
              r"|back|go back|(?:back|return) to (?:the )?(?:previous page|list|index)"
              # a site builder's shop: "Cart 0", "Basket (2)"
              r"|(?:cart|basket|bag)(?: \(?\d{1,3}\)?)?"
              r"|search(?: for| this site)?|sitemap|site map"
              # a professional network's menu: "My Network", "Jobs", "Messaging"; logged out,
              # "Articles", "People", "Learning", "Games", "Join now"
              r"|my network|jobs|messaging|notifications|articles|people|learning|games"
              r"|join now"
              r"|sign in|log ?in|sign up|subscribe(?: now| for free)?"
              # a blogging platform's link to write a post of one's own, by "Sign in"; its link
              # to its app, at the page's top ("Open in app", "Get the app")
              r"|write|open in (?:the )?app|get the app"
              r"|forgot(?:ten)? (?:your )?(?:account|password)\??|create (?:new )?account"
              # a page's calls to act: "Donate now", "Become a member", "Watch on YouTube"
              r"|donate(?: now| today| online)?|give (?:now|today|online)|make a (?:donation|gift)"
              r"|(?:see|view) all(?: [\w ]{1,30})?|(?:buy|get) tickets"
              r"|book (?:now|online|(?:your|a) (?:place|seat|ticket)s?)"
              r"|register(?: now| today| online| here)?"
              r"|become a (?:member|friend|volunteer|supporter)|support us|join (?:us|today)"
              r"|sign up (?:to|for) (?:our|the) (?:e-?)?newsletter"
              r"|watch (?:the|this|our) video(?: \(\d{1,2}:\d{2}\))?"
              r"|contact(?: us)?|get in touch|accessibility(?: statement)?"
              r"|privacy(?: policy| statement| notice)?|important notices?|disclaimer"
              r"|terms(?: of use| and conditions"
              r"| & conditions)?|help|faqs?|feedback|rss|cookie (?:policy|settings|preferences)"
              r"|follow us|links|related(?: (?:articles|links|stories|news|pages|content"
              r"|posts))?|(?:today(?:'|\u2019)s )?press releases"
              # a blog platform's links to the author's and the site's other posts
              r"|(?:more|see all|recommended) from [\w .'\u2019&-]{1,60}"
              r"|recommended (?:for you|reading)"
              r"|see also|(?:previous|next|prev\.?|older|newer)(?: (?:article|story|page|post"
              r"|item|news))?",
        # what a blog writes: "3 thoughts on “Title”", "One response to “Title”", "5 Comments"
        related=r"related(?: (?:articles|links|stories|news|pages|content|posts|reading))?"
                r"|you (?:may|might) also (?:like|enjoy)|more (?:news|stories|posts)(?: like this)?"
                r"|read next",
        donations=r"(?:recent |latest |top )?(?:donations|donors|supporters)(?: \(\d[\d,]*\))?",
        totals=r"raised(?: of| towards)? [£$€]\s?[\d,.]+[km]?(?:[ \u00a0](?:target|goal))?"
               r"|(?:by |from )?[\d,]+[ \u00a0](?:supporters|donors|donations)"
               r"|[\d.]+%[ \u00a0](?:of target|raised)",
        fundraiser_lines=r".{1,80}? (?:posted|shared|added) an update|supporting .{1,80}",
        published_in=r"published in",
        publisher_label=r"from",
        published_label=r"published|first published",
        record_label=r"applies to|last updated|updated|part of",
        page_kind=r"corporate report|policy paper|guidance|news story|speech|independent report"
                  r"|research and analysis|consultation outcome|open consultation"
                  r"|transparency data|statutory guidance|correspondence|official statistics",
        news_section=r"(?:latest |our )?news(?: (?:and|&) (?:events|updates|media|stories))?"
                     r"|news ?room|(?:press|media|news) releases|media (?:centre|center)"
                     r"|latest updates|announcements",
        properties=r"created(?: by| time)?|last edited(?: by| time)?|tags|status|owner"
                   r"|assignee|date created|last updated",
        # (not "Email" alone: a share button's, or a contact's label)
        sign_up_field=r"(?:(?:type|enter) )?your e-?mail(?: address)?(?: here)?"
                      r"(?:\.\.\.|\u2026)?\s*\*?|e-?mail address\s*\*?|e-?mail\s*\*"
                      r"|(?:first|last) name\s*\*?",
        sign_up_heading=r"(?:subscribe|sign up)(?: (?:to|for) .{1,60})?"
                        r"|(?:get|join) our (?:e-?)?newsletter|newsletter sign-?up",
        sign_up_end=r"we respect your privacy\.?|no spam(?:, ever)?[.!]?"
                    r"|(?:you can )?unsubscribe at any time\.?"
                    r"|thank you[.!]?|thanks(?: for (?:subscribing|signing up))?[.!]?"
                    r"|thank you for (?:subscribing|signing up)[.!]?"
                    r"|you(?:'|\u2019)re (?:subscribed|signed up|on the list)[.!]?",
        share_networks=r"facebook|x|twitter|linkedin|whatsapp|threads|bluesky|mastodon|reddit"
                       r"|pinterest|tumblr|telegram|pocket|e-?mail|print|copy link"
                       # a post platform's own ("Notes", Substack's) and its menu of the rest
                       r"|notes|more(?: options)?",
        comments=r"all reactions:?(?:\s*\d[\d,.]*[km]?)?"
                 r"|(?:\d+|one|two|three)[ \u00a0](?:thoughts?|comments?|responses?|replies"
                 r"|likes?|restacks?)"
                 r"(?: (?:on|to) [\u2018\u201c\"'].{1,120}[\u2019\u201d\"'])?"
                 r"|(?:leave|post|add|write) a (?:reply|comment)|comments? (?:are )?closed\.?"
                 r"|join the (?:discussion|conversation)|discussion about this (?:post|article)"
                 r"|restacks"
                 # a platform's counts under a post: "14 comments · 9 reposts"
                 r"|(?:\d[\d,.]*[KkMm]?[ \u00a0](?:comments?|reposts?|shares?|reactions?)"
                 r"\s*[\u00b7\u2022|,]?\s*){1,4}"
                 # who reacted: "You, Margaret Ellery and 1.2K others"
                 r"|(?:you|[\w .'\u2019-]{1,40})(?:, [\w .'\u2019-]{1,40})? and [\d,.]+[KkMm]?"
                 r" others?",
        row_prefix=r"share(?: this)?(?: page)?|follow us(?: on)?",
        # LinkedIn's is a bare "… more"
        expand_link=r"(?:\.\.\.|\u2026)\s*(?:(?:see|read|show) )?more",
        trail_prefix=r"you are here|(?:current )?location",
        mail_view=r"inbox|to me(?:,? [\w .,'\u2019-]{1,60})?"
                  r"|[^<>\n]{1,80}<[^<>@\s]+@[^<>\s]+>\s*unsubscribe"
                  rf"|(?:{DAYS}),? \d{{1,2}}[ \u00a0](?:{NAMED_MONTH})(?:[ \u00a0]\d{{4}})?,?"
                  r" \d{1,2}:\d{2}(?:[ \u00a0]?[ap]m)? \([\w \u00a0]{1,20} ago\)",
        mail_view_shaped=r"[^<>\n]{1,80}<[^<>@\s]+@[^<>\s]+>"
                         rf"|(?:{DAYS}),? \d{{1,2}}[ \u00a0](?:{NAMED_MONTH})"
                         r"(?:[ \u00a0]\d{4})?,? \d{1,2}:\d{2}(?:[ \u00a0]?[ap]m)?",
        author_card=r"written by [\w .'\u2019-]{1,60}|\d[\d,.]*[ \u00a0]?k?[ \u00a0]followers?"
                    r"|\d[\d,.]*[ \u00a0]following|no responses yet|what are your thoughts\??",
        buttons=r"(?:accept|decline|reject|refuse|allow)(?: all| additional| optional"
                r"| analytics| non-essential)?(?: cookies)?|got it|ok(?:ay)?|i agree|agree"
                r"|close|dismiss|(?:view|manage|change|customi[sz]e) (?:cookies|(?:cookie )?"
                r"(?:preferences|settings))|hide (?:this|the|cookie) message"
                r"|(?:find out|learn|read) more|more information",
        cookies=r"cookie",
        consent=r"\b(?:accept|agree|consent|continu\w*|by using|by browsing|we use|uses"
                r"|use of)\b",
        names=("english", "eng", "en"),
        mail_fields=r"from|sent|date|to|cc|bcc|reply-to|subject|importance|attachments?",
        mail_sender=r"from",
        publisher=r"from|published by|publisher",
        mail_subject=r"subject",
        mail_replies=r"re|fwd?",
        mail_forwards=r"fwd?",
        mail_separator=rf"original message|{FORWARDED_MESSAGE}",
        mail_forwarded=FORWARDED_MESSAGE,
        mail_attribution=r"on\b.{4,200}\bwrote",
        mail_footer=r"sent from my \w+(?: \w+){0,3}|(?:sent from|get) (?:outlook|mail|gmail"
                    r"|yahoo mail)\b.{0,40}|.{0,30}\bconsider the environment before printing"
                    r"\b.{0,40}|(?:this|the information (?:contained )?in this|the contents? of"
                    r" this) (?:e-?mail|message|communication|transmission)\b.{0,200}?"
                    r"(?:\b(?:is|are|may be|may contain|contains?) (?:strictly |legally )?"
                    r"(?:confidential|privileged)|\bintended (?:solely |only )?for)\b.*"
                    r"|if you (?:are not the intended recipient|have received this (?:e-?mail"
                    r"|message|communication) in error)\b.*"
                    # a newsletter's: why it came, where from, how to stop it
                    r"|you (?:are )?receiv(?:e|ed|ing) this (?:e-?mail|newsletter|message)"
                    r" because\b.*|(?:our )?mailing address is:?"
                    r"|want to change how you receive these e-?mails\??"
                    r"|(?:you can |click here to |or )?(?:update your preferences or )?"
                    r"unsubscribe(?: from this list)?\b.{0,60}"
                    r"|(?:you can )?update (?:your )?(?:subscription )?preferences"
                    r"|manage (?:your )?subscription"
                    r"|add us to your address book|forward (?:this e-?mail )?to a friend",
        mail_warning=r"(?:\[?(?:external|caution|warning|notice|attention)\]?\s*[:：-]?\s*)?"
                     r"(?:this|the) (?:e-?mail|message) (?:originated|came|comes|was sent|is)"
                     r" from (?:outside|an external)\b.*",
        # A greeting and a few words, no sentence, closed by a comma or "!" ("Dear Sir or
        # Madam,"), or a greeting and a word alone ("Good morning team", "Hi all").
        # A title is bound to its name by a no-break space ("Dear Dr Lee,").
        mail_salutation=r"(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))"
                        r"(?:(?:[ \u00a0][\w.'\u2019-]+){0,4}(?:[,!]|(?=:))| [\w'\u2019-]+)?",
        mail_address=r"(?:postal |office )?address",
        mail_contact=r"t|tel|telephone|phone|direct(?: line)?|office|m|mob|mobile|cell|f|fax"
                     r"|e|e-?mail|w|web|website",
        legal_notice=rf"\b(?:{REGISTRATION}|registered in (?:england|scotland|wales"
                     r"|northern ireland|ireland|hong kong)|company limited by guarantee"
                     r"|section 88 of the inland revenue ordinance)\b",
        release=r"(?:press|media|news) release|for (?:immediate|general) release"
                # the release's own number: "Ref: PR/2025/041", "Press release no. 41/25"
                r"|(?:our )?ref(?:erence)?(?:\.|\s*no\.?)?\s*[:：]?\s*[A-Z]{0,6}[\d/ .-]*\d[\w/.-]*"
                r"|(?:press |news |media )?release (?:no\.?|number)\s*[:：]?\s*[\w/.-]*\d[\w/.-]*"
                r"|(?:strictly )?embargoed (?:until|till|to)\b.{1,40}"
                # after a colon its hour, its day left to be the line's date: "EMBARGO: 00:01
                # hrs Thursday 5 June 2025"
                rf"|(?:strictly )?embargo(?:ed)?\s*[:：](?:\s*(?:until|till)\b)?"
                rf"(?:\s*{EMBARGO_HOUR})?"
                # a speech's note to the press that what was said may differ
                r"|(?:please )?check against delivery|(?:speech )?as prepared for delivery",
        # "ENDS" or "END" alone in capitals ("Ends", as UK releases write it), or any case
        # between dashes ("- THE END -", as a WeChat article ends); "-30-", "###".
        end_mark=r"(?-i:ENDS?|Ends)|(?:[-\u2013\u2014\u2212*] ?)+(?:ends?|the end|end of "
                 r"(?:release|text)|30)(?: ?[-\u2013\u2014\u2212*])+|(?:# ?){3}"
                 # a Hong Kong government release's, its day after it: "Ends/Friday, March 14,
                 # 2025"
                 rf"|(?-i:Ends)/(?:(?:{DAYS}),? )?(?:{DATE.pattern})",
        release_stamp=rf"(?:(?:{DAYS}),? )?(?:{DATE.pattern})"
                      r"|(?:Issued at )?HKT \d{1,2}:\d{2}|(?-i:NNNN)",
        headline_tag=r"\((?:English|Chinese) only\)"
                     r"|\(with (?:photos?|videos?)(?: ?(?:/|and|&) ?(?:photos?|videos?))?\)",
    )

    # The house style's quotes: single outside, double inside (and single again within).
    quotes = ("\u2018\u201c", "\u2019\u201d")
    lettered_ranges = "|".join(f"(?:{pattern.pattern})" for pattern in LETTERED_RANGES)
    question = QUESTION
    exchange_label = r"(?:Question|Reply|Answer)\s*:"
    field = r"[A-Za-z][\w'\u2019.&/-]*(?:,? [\w'\u2019.&/-]+){0,3} ?:\s+(?=\S)"

    def typeset(self, line: str) -> str:
        if line == "-":  # a table's cell for none, as "--" or "—" is: a dash, not a hyphen
            return "\u2013"
        line = ELLIPSIS.sub("\u2026", line)
        if "--" in line:
            line = UNSPACED_DOUBLE_HYPHEN.sub(unspaced_range, line)
        line = DOUBLE_HYPHEN.sub(" \u2013 ", line)
        line = SPACED_HYPHEN.sub(" \u2013", line)
        line = EM_DASH.sub(" \u2013 ", line)
        line = SPACED_FIGURES.sub(spaced_figure_range, line)
        line = YEAR_RANGE.sub(year_range, line)
        line = NUMBER_RANGE.sub(figure_range, line)
        line = CLOCK_RANGE.sub("\\1\u2013\\2", line)
        for lettered in LETTERED_RANGES:
            line = lettered.sub("\\1\u2013\\2", line)
        line = NAMED_RANGE.sub(lambda match: "\u2013".join(filter(None, match.groups())), line)
        line = MINUS.sub("\u2212", line)
        line = TIMES.sub("\\1\u00d7", line)
        paragraph = open_quotes()
        line = primes(line)
        line, paragraph.depth = nested(curl_quotes(line), *self.quotes, paragraph.depth)
        line = bind_numbers(line)
        line = PER_CENT.sub("per" + NBSP + "cent", line)
        line = CURRENCY_MULTIPLE.sub("\\1" + NBSP, line)
        line = HONORIFIC.sub(lambda m: m.group(0)[:-1] + NBSP, line)
        line = NUMBERED.sub(lambda m: m.group(0)[:-1] + NBSP, line)
        line = LABEL_AND_NUMBER.sub(lambda m: m.group(0)[:-1] + NBSP, line)
        line = FAMILY_AND_GIVEN_NAME.sub(r"\1" + NBSP, line)
        line = SPACED_CODE.sub(f"\\1{NBSP}:{NBSP}", line)
        line = SPACE_BEFORE_PUNCTUATION.sub("", line)
        line = SPACE_AFTER_OPENING_BRACKET.sub("", line)
        line = SPACES.sub(" ", line).strip(" ")
        return SPACE_BEFORE_DASH.sub(NBSP, line)

    def holds(self, text: str) -> bool:
        """A word of two Latin letters at least: a single letter ("A座", a block's name) is
        read in the language around it."""
        return bool(re.search(f"[{LATIN_LETTER}]{{2}}", text))

    def dominates(self, text: str) -> bool:
        """Latin words and no letter of another script."""
        return self.holds(text) and all(not character.isalpha() or
                                        re.match(f"[{LATIN_LETTER}]", character)
                                        for character in text)

    def is_heading(self, text: str) -> bool:
        return (
            bool(text) and
            (len(text.split()) <= MAX_HEADING_WORDS and len(text) <= MAX_HEADING_CHARACTERS
             or len(text.split()) <= MAX_TITLE_CASE_WORDS
             and len(text) <= MAX_TITLE_CASE_CHARACTERS and title_cased(text))
            and not text.endswith((".", ",", ";", ":", "!", "\u2026"))
            and not re.search("[.,;:!\u2026][\u2019\u201d]+$", text)  # a quoted sentence
            and not REPORTED_SPEECH.search(text)  # `…and asked, 'What should we do next?'`
            and not re.search(r"[.!?]\s", text)  # one phrase, not sentences
            # no sentence's start, leading into what follows ("RESOLVED that" over its items)
            and text.split()[-1].casefold() not in LEADING_WORDS
            and (text[0].isupper() or text[0].isdigit() or text[0] in "\u2018\u201c")
            and not re.match(QUESTION, text)  # an interview's question
            and not is_turn(text)  # a transcript's turn
            and not self.is_table_note(text)
        )

    def is_title(self, text: str) -> bool:
        """A heading in title case ("A Message from the Director")."""
        return self.is_heading(text) and title_cased(text)

    def is_byline(self, text: str, repeats: int) -> bool:
        """Written again and again at the top, and shaped "Name, Role" (or "By Name", or a name
        and its post-nominals)."""
        short = len(text.split()) <= MAX_BYLINE_WORDS and not text.endswith((".", ":", ";"))
        # "Name, Role", "By Name", or a name and its post-nominals ("Alan Whitcombe FSA").
        shaped = "," in text or self.by(text) or bool(self.byline_parts(text)[1])
        return (short and shaped and (repeats >= 2 or self.by(text))
                and not self.opens_division(text) and not self.called_by_office(text))

    def by(self, text: str) -> bool:
        """"By Ann Lee", "Interview by Ann Lee", or a page's "by Eleanor Fitch, Artistic
        Director": in lower case, a name must follow (a line "by the Lottery …" goes on a
        sentence), as it must a blog's field ("Author: Hannah Price"; "Text: HELP to 70085"
        asks for a message)."""
        named = AUTHOR_FIELD.match(text)
        return (bool(BY.match(text)) or named is not None and self.named_after(text, named.end())
                or text.startswith("by ") and self.named_after(text, len("by ")))

    def named_after(self, text: str, start: int) -> bool:
        """Whether a name opens `text` at `start`, a label before it (`by `, `Author: `), the
        comma after it ending it."""
        return self.is_name(text[start:].split(",")[0].strip())

    def is_role(self, text: str) -> bool:
        """A role, no piece's title opened by a publication's word ("Report of the Chair of
        Trustees" over the chair's name is the piece's heading, not its author's role), nor
        ended by one after a possessive ("Chair's statement"; "Children's Commissioner" is
        a role)."""
        return (super().is_role(text) and not PIECE_TITLE.match(text)
                and not OWN_PIECE.fullmatch(text.strip()))

    def office_body(self, text: str) -> str | None:
        office = OFFICE.match(text)
        if not office or POSSESSIVE.search(OFFICE_HELD.split(text)[0]):
            return None
        # "Chair, Friends of Eastgate Library"; "Leader of Ashdown Vale District Council"
        rest = text[office.end():].lstrip()
        held = OFFICE_HELD.search(text)
        body = rest[1:] if rest.startswith(",") else text[held.end():] if held else ""
        body = re.sub(r"^the\s+", "", body.strip())
        if held and not rest.startswith(",") and held.group().strip() == "of" and (
                DEPARTMENT.search(body)):
            return ""  # the department its office is held of, no body
        return body if body and self.names_body(body) else ""

    def names_body(self, text: str) -> bool:
        """"Ashbury Allotment Society", "University of Eastmoor": a body's name alone."""
        return len(text.split()) <= MAX_BODY_WORDS and bool(BODY.fullmatch(text))

    def is_name(self, text: str) -> bool:
        """"Samira Haddad", "Dr Ann Lee": a name written plainly, or after a form of address;
        no role after it."""
        return bool(PLAIN_NAME.fullmatch(text) or PERSON.match(text) and "," not in text
                    and len(text.split()) <= MAX_NAME_WORDS
                    and not text.endswith(tuple(self.sentence_ends)))

    def names_speaker(self, name: str, text: str, turns: Sequence[str]) -> bool:
        """A name ("Ruth Adeyemi", "Dr Lee"), initials ("TR"), a part in the interview or an
        office ("Interviewer", "Chair"); or a given name alone that `text` writes in full
        ("Ruth", as "Ruth Adeyemi-Clarke, 71, has looked after …") or whose `turns` speak as
        one person to another ("Grainne: In 1979 … My father …", "Tomasz: What do you
        remember?"): a common noun, a plan's "Aims" or a listing's "Venue", is no one's."""
        full = re.search(rf"\b{re.escape(name)}(?:[ \u00a0][A-Z][\w'\u2019-]*){{1,3}}", text)
        return (bool(INITIALS.fullmatch(name) or INTERVIEW_ROLE.fullmatch(name)
                     or OFFICE.fullmatch(name)) or self.is_name(name)
                or full is not None and self.is_name(full.group().replace("\u00a0", " "))
                or any(PERSONAL.search(turn) for turn in turns))

    def names_someone(self, text: str) -> bool:
        """A byline's shape, or a name shown a person's by a form of address or a surname in
        capitals ("Professor Amara Okonjo"; not "Our Volunteers", shaped as a plain name), or
        by the office they hold, in words of the text's ("Our chair, Jane Smith")."""
        return (self.names_person(text) or bool(PERSON.match(text)) and self.is_name(text)
                or self.called_by_office(text))

    def called_by_office(self, text: str) -> bool:
        """A name and, a comma between them in either order, the office its holder is called
        by in running words, as a portrait's label calls them and no byline ("Our chair, Jane
        Smith", "Dr Amir Patel, our new treasurer"); not a heading's two phrases ("Thank you,
        volunteers")."""
        parts = [part.strip() for part in text.split(",")]
        if len(parts) != 2:
            return False
        return any((called := CALLED.match(office)) is not None
                   and OFFICE.match(string.capwords(office[called.end():]))
                   and (PLAIN_NAME.fullmatch(name) or bool(PERSON.match(name))
                        and self.is_name(name))
                   for name, office in (parts, parts[::-1]))

    def names_person(self, text: str) -> bool:
        """"By …", known post-nominals ("…, SBS, JP, Chairman"), or a name shown a person's by
        a form of address or a surname in capitals before a role, or written plainly before
        an office."""
        name, honours, role = self.byline_parts(text)
        return (self.by(text) or any(honour in POST_NOMINALS for honour in honours)
                or bool(role and PERSON.match(name))
                or bool(OFFICE.match(role) and not POSSESSIVE.search(OFFICE_HELD.split(role)[0])
                        and PLAIN_NAME.fullmatch(name)))

    def byline_parts(self, text: str) -> tuple[str, tuple[str, ...], str]:
        """"Benson KWOK Joon-fung, IDSM, Director of Immigration" -> name, honours, role.

        Honours follow the name between commas, or after it within its part from a known
        post-nominal on ("Ann Lee DBE FRS, President", "Jo Hale FRICS FICSV"; a surname in
        capitals stays a name). An office named after "By" ("By the Chair of Trustees")
        opens the byline, which is set without its "By", and takes the capital "By" had; a
        speech's label before a name ("Speech by Mr Henry Fan") is no part of it either."""
        if self.by(text):
            text = (BY.sub("", text, count=1) if BY.match(text)
                    else AUTHOR_FIELD.sub("", text, count=1) if AUTHOR_FIELD.match(text)
                    else text[len("by "):])
            text = text[:1].upper() + text[1:]
        spoken = SPOKEN_BY.match(text)
        if spoken and (PERSON.match(text[spoken.end():])
                       or self.named_after(text, spoken.end())):
            text = text[spoken.end():]
        parts = [part.strip() for part in text.split(",") if part.strip()]
        words, rest = parts[0].split(" "), parts[1:]
        # The run of capitals ending the part, from its first known post-nominal: an
        # unknown one after a known one is one too ("FRICS FICSV"); a surname in capitals
        # before them stays the name's ("Anne MARTIN FRICS").
        trailing = 0
        while trailing < len(words) - 2 and is_honour(words[-1 - trailing]):
            trailing += 1
        while trailing and words[-trailing] not in POST_NOMINALS:
            trailing -= 1
        honours = words[len(words) - trailing :]
        words = words[: len(words) - trailing]
        while rest and is_honour(rest[0]):
            honours.append(rest.pop(0))
        return " ".join(words), tuple(honours), ", ".join(rest)

    def byline_text(self, name: str, honours: tuple[str, ...], role: str,
                    spaced: bool = False) -> str:
        named = name + "".join(f"{before}{honour}" for before, honour
                               in zip(self.honour_separators(honours, spaced), honours,
                                      strict=True))
        return ", ".join([named, *([role] if role else [])])

    def compound(self, head: str, tail: str) -> bool:
        compounded, _, head = head.rpartition("-")
        if compounded and JOINING_WORDS.fullmatch(head):
            return True  # a hyphen breaks no word after a whole one that joins a compound
        if VOWEL_PREFIXES.fullmatch(head) and tail[:1].lower() == head[-1:].lower():
            return True
        return (bool(COMPOUND_HEADS.fullmatch(head)) and len(tail) >= MIN_COMPOUND_TAIL
                and not SUFFIX.fullmatch(tail)
                or bool(COMPOUND_TAILS.fullmatch(tail)) and len(head) >= MIN_COMPOUND_HEAD)

    def speaker(self, text: str) -> str:
        return SPEAKER.match(text).group().rstrip() if is_turn(text) else ""

    def names_issue(self, text: str) -> bool:
        return bool(ISSUE.fullmatch(text.strip()))

    def date_in(self, text: str) -> str:
        match = DATE_PARTS.search(text)
        if not match:
            # A season's issue ("Spring 2024 | Staff newsletter"): its year.
            season = SEASON_YEAR.search(text)
            return season["year"] if season else ""
        month = next(number for number, name in enumerate(MONTHS.split("|"), 1)
                     if name.startswith(match["month"].rstrip(".").title()))
        return iso_date(int(match["year"]), month, match["day"] or match["day_after"])

    def day_given(self, rubric: str) -> str:
        """The date led by its weekday ("on Saturday 23 May 2026"), else the last it writes
        ("…, Guildhall, 14 October 2025")."""
        found = list(DATE.finditer(rubric))
        led = [date for date in found if re.match(DATE_WEEKDAY, date.group())]
        return self.date_in((led[0] if led else found[-1]).group()) if found else ""

    def shown_date(self, date: str) -> str:
        """"2024", "June 2024", "11 June 2024"."""
        parts = date.split("-")
        if len(parts) == 1:
            return date
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
        return f"{day.day} {day:%B %Y}" if len(parts) == 3 else f"{day:%B %Y}"


def unspaced_range(match: re.Match) -> str:
    """A range's en dash, unspaced, where two hyphens join its ends (UNSPACED_DOUBLE_HYPHEN);
    else the two hyphens, which are a dash."""
    right = match["right"].rstrip(".,;:!?)\u2019\u201d")
    joined = f"{match['left']}-{right}"
    ranged = any(pattern.fullmatch(joined) for pattern in
                 (YEAR_RANGE, NUMBER_RANGE, CLOCK_RANGE, NAMED_RANGE, *LETTERED_RANGES))
    return f"{match['left']}\u2013{match['right']}" if ranged else match.group()


def year_range(match: re.Match) -> str:
    """"2023-24", "1999-2000": an en dash; "2023-0045", no year range, keeps its hyphen."""
    first, second = match.groups()
    start = int(first)
    end = int(second) if len(second) == 4 else start // 100 * 100 + int(second)
    if len(second) == 2 and end <= start:  # "1999-00"
        end += 100
    plausible = start < end <= start + (YEARS_IN_A_RANGE if len(second) == 2 else 999)
    return f"{first}\u2013{second}" if plausible else match.group()


def figure_range(match: re.Match) -> str:
    first, second = (group for group in match.groups() if group is not None)
    smaller = float(first.replace(",", "")) < float(second.replace(",", ""))
    said = SCORED.search(match.string, 0, match.start())
    scored = said is not None and not (
        said.group("took") and MEASURED.match(match.string, match.end()))
    return f"{first}\u2013{second}" if smaller and not scored else match.group()


def spaced_figure_range(match: re.Match) -> str:
    """"10 – 12 per cent", "pages 10 – 12": a range, unspaced, where a measure follows or
    pages come before, and no label is numbered by the first figure; else the dash."""
    measured = (MEASURED.match(match.string, match.end())
                or PAGES.search(match.string, 0, match.start()))
    labelled = NUMBERING_LABEL.search(match.string, 0, match.start())
    return figure_range(match) if measured and not labelled else match.group()


def primes(line: str) -> str:
    """Straight quotes after a figure that measure (`12" mains`, `5' 10"`): primes, the
    inch's ″ and the foot's ′, never curly quotes, which read as feet for inches. A double
    one closing a quotation its line opened (`"we need 10"`) stays a quote, and so does a
    single one but before inches (`5' 10"`), the apostrophe of `1990's` and a quotation's
    close alike."""
    line = FOOT.sub("\u2032", line)
    inches = {found.start() for found in INCH.finditer(line)}
    characters, opened = list(line), 0  # quotation marks opened and not yet closed
    for index, character in enumerate(characters):
        if character in '"\u201c\u201d':
            if index in inches and not opened:
                characters[index] = "\u2033"
            else:
                opened = max(opened + (1 if character == "\u201c" or character == '"'
                                       and not opened else -1), 0)
    return "".join(characters)


def curl_quotes(line: str) -> str:
    """Straight quotes become curly ones, opening or closing by their position."""
    line = ELIDED_WORD.sub("\u2019", line)
    line = ELIDED_YEAR.sub(lambda match: "'" if quote_closes(line, match.end()) else "\u2019",
                           line)
    characters = list(line)
    for index, character in enumerate(characters):
        if character not in "'\"":
            continue
        before = characters[index - 1] if index else " "
        opening = before in OPENING_CONTEXT
        if character == "'":
            characters[index] = "\u2018" if opening else "\u2019"
        else:
            characters[index] = "\u201c" if opening else "\u201d"
    return "".join(characters)


def nested(line: str, opening: str, closing: str, depth: int = 0) -> tuple[str, int]:
    """Curly quotes as the house style nests them, whichever marks the author used: the
    first of `opening` and `closing` outside, the second inside, the first again within;
    and the depth left open, for the paragraph's next line, the line starting at `depth`.

    An opening mark opens a level. A closing mark (but one with a letter after it, "don’t",
    or rock ’n’ roll's) may close the innermost level or be an apostrophe ("volunteers’"):
    it closes one only where that leaves fewer marks unmatched in the line. So the levels
    are read from where the marks stand, not from which marks they are, and a line set
    already reads the same. A double closing mark with no level open (a quotation going on
    from a paragraph before) is outside.
    """
    marks = [(index, mark) for index, mark in enumerate(line) if mark in QUOTE_MARKS
             and (mark in OPENING_MARKS or not in_word(line, index))]
    # A closing mark closes on a tie where a phrase's mark follows it, or where no plural
    # stands before it to own it as an apostrophe (`‘new’ rules`, not `the members’ vote`).
    closes = closing_marks([mark in OPENING_MARKS for _, mark in marks], depth,
                           [line[index + 1:index + 2] in PHRASE_MARKS
                            or line[index - 1:index] not in ("s", "S") for index, _ in marks])
    characters = list(line)
    for (index, mark), closes_one in zip(marks, closes, strict=True):
        if mark in OPENING_MARKS:
            characters[index] = opening[depth % 2]
            depth = min(depth + 1, MAX_QUOTE_DEPTH)
        elif closes_one:
            depth -= 1
            characters[index] = closing[depth % 2]
        elif mark == "\u201d":
            # Never an apostrophe: a quotation's close, shown as the close of the level open
            # round it, which a later mark closes (`“draft” … the members’ copy`).
            characters[index] = closing[(depth - 1) % 2] if depth else closing[0]
    return "".join(characters), depth


def in_word(line: str, index: int) -> bool:
    """Whether the closing mark at `index` is an apostrophe inside a word ("don’t", rock ’n’
    roll's, the year's "’90s"), not a quotation's close: a letter after it, or a figure
    after it at a word's start; a figure after a word's close is a note's call
    (`observation.”4`)."""
    after = line[index + 1 : index + 2]
    return (after.isalpha() or line[max(index - 2, 0) : index] == "\u2019n"
            or after.isdigit() and line[index - 1 : index] in ("", " ", "\u00a0"))


def closing_marks(opens: list[bool], start: int = 0, before_marks: list[bool] | None = None
                  ) -> list[bool]:
    """For each quote mark, opening (`opens`) or closing, whether it closes a level (see
    `nested`), the line starting at depth `start`: fewest unmatched, found from the end of
    the line back, each mark's choices at each depth once. Where closing it or not leaves
    as many unmatched, a mark closes where `before_marks` says it may (a mark ending a
    phrase after it, no plural before it): `'stayed'.` and `“draft”` before `the members’
    copy` close there, and a plural's apostrophe later in the line (`the under-twelves’
    team`) is one."""
    levels = range(MAX_QUOTE_DEPTH + 1)
    unmatched = [list(levels)]  # from the marks after this one on, at each depth
    for opening in reversed(opens):
        after = unmatched[-1]
        unmatched.append([after[min(depth + 1, MAX_QUOTE_DEPTH)] if opening
                          else min(after[depth - 1], after[depth]) if depth else after[0]
                          for depth in levels])
    unmatched.reverse()
    closes, depth = [], min(start, MAX_QUOTE_DEPTH)
    ending = before_marks or [False] * len(opens)
    for position, opening in enumerate(opens):
        after = unmatched[position + 1]
        closes.append(not opening and depth > 0 and (
            after[depth - 1] < after[depth]
            or after[depth - 1] == after[depth] and ending[position]))
        depth = min(depth + 1, MAX_QUOTE_DEPTH) if opening else depth - closes[-1]
    return closes


def quote_closes(line: str, start: int) -> bool:
    """Whether the next single quote after `start` closes a quotation: after a word, not a
    plural's apostrophe ("volunteers' work")."""
    after = SINGLE_QUOTE.search(line, start)
    return bool(after and after.start() > start and not line[after.start() - 1].isspace()
                and line[after.start() - 1] not in "sS([")


def bind_numbers(line: str) -> str:
    def bind(match: re.Match) -> str:
        number = match.group(1)
        # Only the word before is looked at (a line of many numbers is read once).
        before = max(0, match.start() - NAMING_WORD_CHARACTERS)
        if UNIT_SIGN.match(line, match.end()):
            return number + NBSP  # a measure, never a year ("1200 °C")
        if (YEAR_LIKE.fullmatch(number) or NAMED_BY_NUMBER.search(line, before, match.start())
                or AMOUNT_BEFORE.search(line, max(0, match.start() - 4), match.start())
                and not MULTIPLE.match(line, match.end())):
            return match.group(0)
        return number + NBSP

    return CODE_AND_FIGURE.sub(lambda code: code.group()[:-1] + NBSP,
                               NUMBER_AND_WORD.sub(bind, line))


def is_honour(text: str) -> bool:
    return text in POST_NOMINALS or bool(CAPITALS_HONOUR.fullmatch(text))


ENGLISH = English()
