"""The languages a document may be written in, each a profile (profile.py) that readers,
writers and checks ask: English (en-GB, the default, english.py), Traditional Chinese
(zh-HK, chinese.py) and Simplified Chinese (zh-Hans, simplified_chinese.py). Adding one is
README.md's "Adding a language".

The registry: the profile of a language tag, the language of a text read from its
characters, the phrases of other languages inside a text, and the scripts a document holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

from pipeline.addresses import SET_APART
from pipeline.languages.chinese import CHINESE
from pipeline.languages.english import ENGLISH
from pipeline.languages.profile import (
    CURRENCY_CODE,
    LATIN_WORD,
    NBSP,
    WORD_JOINER,
    Faces,
    Numerals,
    Profile,
)
from pipeline.languages.simplified_chinese import SIMPLIFIED_CHINESE

__all__ = ["CURRENCY_CODE", "DEFAULT", "LANGUAGE_TAG", "LATIN_WORD", "NBSP", "PROFILES",
           "SOFT_HYPHEN", "Faces", "Numerals", "Profile", "alternatives", "detect",
           "docx_language_attributes", "holder_of", "holds_phrase", "joined_lines", "line_joins",
           "opening_language", "own_language", "phrase_languages", "phrases", "profile_for",
           "regional_variant", "scripts", "takes_small_caps", "text_language", "word_count"]

# A language tag as BCP 47 spells one: "fr", "fr-CA", "zh-Hant-HK".
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
DEFAULT = ENGLISH  # the model's language when neither the metadata nor the text says
# Every profile, the default first; a text is in the first of the others that writes it
# (Simplified Chinese before Chinese, which holds any Han text).
PROFILES: tuple[Profile, ...] = (ENGLISH, SIMPLIFIED_CHINESE, CHINESE)


def alternatives(patterns: Iterable[str]) -> str:
    """Every language's `patterns` as one alternation, each once: Simplified Chinese says
    much as Chinese does, and an alternative written again is compiled again (milliseconds,
    in a pattern of every language's words) yet never matches where the first did not."""
    return "|".join(dict.fromkeys(pattern for pattern in patterns if pattern))


# What every profile contributes to rules the readers apply whatever a line's language.
SENTENCE_ENDS = tuple("".join(profile.sentence_ends for profile in PROFILES))
# What may close a sentence after its end: quotes and brackets ("… show us.’", "…不停步。」").
SENTENCE_CLOSERS = "\"'\u201d\u2019\u300d\u300f\uff09)]"
LEAD_IN_ENDS = tuple(sorted({profile.lead_in_end for profile in PROFILES}))  # any language's
SENTENCE_BREAK = alternatives(profile.sentence_break for profile in PROFILES)
NOTES_HEADINGS = alternatives(heading for profile in PROFILES for heading in profile.notes_headings)
# A notes section's heading, in any language: "Notes", "註釋".
NOTES_HEADING = re.compile(rf"(?:{NOTES_HEADINGS})\s*[:：]?", re.IGNORECASE)
# A note's number in brackets after the word for a note, as Hong Kong reports call theirs
# (`…上升21.3%（註1）。`, `(Note 2)`), the number its group.
NAMED_NOTE_CALL = rf"[(\uff08]\s*(?i:{NOTES_HEADINGS})\s*(\d{{1,3}})\s*[)\uff09]"
POSTSCRIPT = alternatives(profile.postscript for profile in PROFILES)


def any_language(patterns: Iterable[str], ending: str = "", flags: int = 0) -> re.Pattern:
    """One pattern of what every language's profile says (`ending` after any of them): none
    matches nothing."""
    said = alternatives(patterns)
    return re.compile(f"(?:{said}){ending}" if said else "(?!)", flags)


# A division's label opening a page's title line, in any language, and what parts it from the
# title: "Chapter 2: ", "第二章　".
DIVISION_LABEL = any_language((profile.division for profile in PROFILES),
                              r"\s*[:：.．,，\u2013\u2014-]?\s*")
# What the first cell of a table's totals row says, in any language: "Total", "合計".
TABLE_TOTAL = any_language((profile.table_total for profile in PROFILES),
                           flags=re.IGNORECASE)
# A figure's title opening a line, in any language: its number ("Figure 2", "Chart 3", "圖1"),
# then a mark, or a capital or a year opening its words ("Figure 2: Visitors", "Chart 3
# Visitors", "图1 2020—2024年温室气体排放强度").
FIGURE_TITLE = any_language((profile.figure_title for profile in PROFILES),
                            r"(?:\s*[:\uff1a.\uff0e\u2013\u2014-]\s*"
                            r"|\s+(?=[A-Z\u3400-\u9fff]|\d{4}(?!\d)))\S")
# A letter's closing wish on its own line, in any language that sets one apart: "此致".
CLOSING_WISH = any_language(profile.closing_wish for profile in PROFILES)
CLOSING_SALUTE = any_language(profile.closing_salute for profile in PROFILES)
# A mail's greeting to its readers on a line of its own, in any language: "Dear members,",
# "各位會員：".
MAIL_GREETING = any_language((profile.furniture.mail_salutation for profile in PROFILES),
                             r"\s*[:：]?\s*", re.IGNORECASE)
# A picture's label over its caption on a line of its own, in any language: "Photo", "相片".
PICTURE_LABEL = any_language((profile.furniture.picture_label for profile in PROFILES),
                             flags=re.IGNORECASE)
# What a speech's transcript notes of its audience on a line of its own, in brackets, in any
# language: "(Laughter)", "[Sustained applause]", "（掌聲）".
STAGE_DIRECTION = re.compile(r"[(\[\uff08]\s*(?:{})\s*[)\]\uff09]".format(alternatives(
    profile.stage_direction for profile in PROFILES)), re.IGNORECASE)
# The audience's answer a transcript notes in brackets, in any language: "(Laughter)",
# "[Sustained applause]", "（掌聲）"; not "(video)", which prose writes too.
AUDIENCE_REACTION = re.compile(r"[(\[\uff08]\s*(?:{})\s*[)\]\uff09]".format(alternatives(
    profile.audience_reaction for profile in PROFILES)), re.IGNORECASE)
# A transcript's direction wholly in one pair of brackets, in any language: its audience's
# answer opening it ("[Sustained applause as the portrait is unveiled.]"), or who does what
# ("[The Lord Mayor gestures towards the pool.]"); no note's number ("[1]") nor a note on
# the text ("(Figures unaudited.)").
DIRECTION = re.compile(r"\[\s*(?:(?i:{reaction})\b|{agent})[^\[\]]*\]"
                       r"|\(\s*(?:(?i:{reaction})\b|{agent})[^()]*\)".format(
                           reaction=alternatives(profile.stage_direction
                                                 for profile in PROFILES),
                           agent=any_language(profile.stage_agent for profile in PROFILES).pattern))
# A speech's rubric opening a line, saying who gave it, in any language: "Delivered by",
# "Speech by", "…在…上的講話".
SPEECH_RUBRIC = any_language((profile.speech_rubric for profile in PROFILES),
                             flags=re.IGNORECASE)
# An official document's number on a line of its own, in any language: "滨政办发〔2025〕12号".
DOCUMENT_NUMBER = any_language(profile.document_number for profile in PROFILES)
# A line naming the body publishing a page, under its title, in any language (the group
# `name`): "From: Department for Transport".
PUBLISHER_LINE = any_language((profile.furniture.publisher for profile in PROFILES),
                              r"\s*[:：]\s*(?P<name>\S.*)", re.IGNORECASE)
# A letter's greeting on a line of its own, or a speech's address to its audience ("Ladies
# and gentlemen,"), in any language.
GREETING = any_language((pattern for profile in PROFILES for pattern in (
    profile.furniture.mail_salutation, profile.speech_salutation)), r"\s*[:：]?\s*", re.IGNORECASE)
# A line counting itself by its first word, before the comma after it, in any language:
# "Secondly,", "第二，", "其二、".
ORDINAL_OPENING = any_language((profile.ordinal_opening for profile in PROFILES),
                               r"\s*[,\uff0c\u3001:\uff1a]", re.IGNORECASE)
# What names a letter in a mail's subject, in any language: "… letter …", "…家長信".
LETTER = any_language((profile.letter for profile in PROFILES), flags=re.IGNORECASE)
# A formal letter's closing phrase on a line of its own, in any language: "Yours sincerely,".
VALEDICTION = any_language((profile.valediction for profile in PROFILES), flags=re.IGNORECASE)
# The place and date opening a news story's first paragraph, in any language:
# "CHELMSFORD, 11 February 2025 – ".
NEWS_DATELINE = any_language(profile.news_dateline for profile in PROFILES)
# A line leading in to contact lines by the verb at its end, in any language ("For more
# information, contact", "如有查詢，請聯絡"), perhaps with its colon.
CONTACT_LEAD_IN = any_language((profile.contact_lead_in for profile in PROFILES),
                               r"\s*[:：]?", re.IGNORECASE)
# A line of a postal address, in any language: "2 Tanner's Row", "Cold Ashby CA9 2LX",
# "觀塘協和街123號".
ADDRESS_LINE = any_language(profile.address_line for profile in PROFILES)
# What heads the contact lines closing a press release, in any language: "Media contact";
# not a lead-in, which a heading's words may end ("For more information, contact").
CONTACT_HEADING = re.compile(rf"(?!{CONTACT_LEAD_IN.pattern}$)" + any_language(
    (profile.contact_heading for profile in PROFILES), r"\s*[:：]?").pattern, re.IGNORECASE)
# A release's media contact on one line, its heading before what it says (`Media enquiries:
# Ms Karen Yip, 2987 6500`, `傳媒查詢：葉嘉欣女士…`): someone's details, no heading.
MEDIA_CONTACT = any_language((profile.contact_heading for profile in PROFILES),
                             r"\s*[:：]\s*\S", re.IGNORECASE)
# A line of minutes recording who attended, its label then names (`In attendance: Mr Sam
# Byrne`, `列席：何家豪先生`): a record, no heading.
ATTENDANCE = any_language((profile.attendance_label for profile in PROFILES),
                          r"\s*[:：]\s*\S", re.IGNORECASE)
# The symbols that label a note: asterisk (and the full-width one of Chinese text), dagger,
# double dagger, section sign, and the circled numbers ① to ⑳ of Chinese notes (GB/T
# 7714's and mainland publishers' footnote marks).
NOTE_SYMBOLS = "*\uff0a\u2020\u2021\u00a7\u2460-\u2473"
# The calls of notes a sentence may end with, after its stop: symbols, a bracketed figure, a
# superior figure (`….*`, `….[2]`, `….¹`).
CALLS_AFTER_END = re.compile(
    rf"(?:[{NOTE_SYMBOLS}]{{1,3}}|\[\d{{1,3}}\]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)+$")
# The end of a line they are sought in: a sentence's calls are a few characters, and sought in
# a whole line of calls (`[1][1]…`) they would be sought again from each one, a long line read
# once a character.
CALLS_TAIL = 40
# A note a symbol labels ("* Excluding …", "† …"), as a web page sets one under its text or
# its table; a Chinese one may set its text right after the symbol ("＊不包括…"), where a
# Latin letter would make a word of emphasis ("*Note*").
SYMBOL_LABEL = re.compile(
    rf"([{NOTE_SYMBOLS}]{{1,3}})(?:\s+|(?=[^\x00-\u024f]))(?=[^\s{NOTE_SYMBOLS}])")
# A quotation's attribution, in any language: a dash and a space, or Chinese's dash of two
# ("- Professor Richard TSANG", "– Professor …" once typeset, "——王立新").
ATTRIBUTION = re.compile("[-\u2013\u2014]+ (?=\\S)|\u2014\u2014(?=\\S)")
# A picture's credit on a line of its own, in any language: "Photo: …", "圖片來源：…".
PHOTO_CREDIT = any_language((profile.photo_credit for profile in PROFILES),
                            flags=re.IGNORECASE)
# What opens an interview's question, in any language: "Q:", "問：".
QUESTION = any_language(profile.question for profile in PROFILES)
# A field's label opening its line before the value ("Venue: ", "地點："), in any language.
FIELD = any_language(profile.field for profile in PROFILES)
# A label alone on its line over the question or the reply it labels, in any language.
EXCHANGE_LABEL = any_language(profile.exchange_label for profile in PROFILES)
# A speaker's name opening their turn, a colon after it: a word or two, no figure
# ("Daniel: ", "Ruth Adeyemi: ", "李明：").
NAMED_TURN = re.compile(r"(?P<name>[^\W\d_][\w'\u2019-]*(?: [^\W\d_][\w'\u2019-]*)?)"
                        r"\s?[:\uff1a]\s*(?=\S)")
MIN_TURNS = 2  # each speaker's, in an interview written by its speakers' names
NUMERALS = tuple(profile.numerals for profile in PROFILES if profile.numerals)
# The first of each one's counts: "一".
FIRST_NUMERALS = tuple(dict.fromkeys(numerals.numeral(1) for numerals in NUMERALS))
NUMERAL = "|".join(numerals.pattern for numerals in NUMERALS)  # a numeral of any of them
# The marker of the marked-up form numbering with one of them: "一、"
NUMERAL_MARKER = "|".join(f"(?:{numerals.pattern}){re.escape(numerals.suffix)}"
                          for numerals in NUMERALS)
# Letters of the scripts that part no words by spaces: a space beside one is not a word's.
UNSPACED = "".join(profile.characters for profile in PROFILES if not profile.words_spaced)
# The opening marks those languages write (「, （), which may follow a marker unspaced too.
UNSPACED_OPENING = "".join(dict.fromkeys("".join(
    profile.opening_marks for profile in PROFILES if not profile.words_spaced)))
# Every language's units and measure words, kept with the figure before them: "7.9億元".
UNITS = "".join(sorted(set("".join(profile.units for profile in PROFILES))))


def profile_for(tag: str) -> Profile:
    """The profile answering the language `tag` most closely ("zh-Hant" -> Chinese); the
    default's rules for a language without a profile of its own ("fr-FR")."""
    closest = max(PROFILES, key=lambda profile: profile.answers(tag))  # the first of equals
    return closest if closest.answers(tag) else DEFAULT


def regional_variant(tag: str, other: str) -> bool:
    """Whether the tags name one language, as one profile writes it, in two regions
    ("en-US" and "en-GB", "zh-TW" and "zh-HK"); not two languages one profile's rules serve
    ("fr-FR" and "en-GB"), nor two scripts of one ("zh-CN" and "zh-HK")."""
    def primary(language: str) -> str:
        return language.split("-")[0].casefold()
    return primary(tag) == primary(other) and profile_for(tag) is profile_for(other)


def detect(text: str) -> Profile:
    """The language `text` is written in, as its characters say."""
    return next((profile for profile in PROFILES
                 if profile is not DEFAULT and profile.writes(text)), DEFAULT)


def written_in(text: str, document: Profile | None) -> Profile:
    """The language a sentence (a line, a paragraph) of a document in `document` is written
    in: its characters', or the document's where that is of the same script (a line of
    either Chinese in a Chinese document is the document's), or where the text has no
    letters to say (a table's cell "2022-23" is the document's figures). A text ending as a
    sentence of a language (`frames`) is of that language's script, however many words of
    another it quotes: a Chinese sentence quoting an English name of four words is Chinese,
    its quotes 「」; so is a text holding the marks only the document's language sets
    (`punctuates`: Chinese's ，and ：), however much English it names (`學術報告：Dr Sarah
    Mitchell – “Microplastics in Urban Rivers: What We Know”，地點：環境樓`). Its quotations
    are the words they quote, not the sentence's: an English sentence quoting a Chinese one
    (`The chairman said: 「這條長廊屬於每一位市民。」 The walk belongs to everyone.`) is
    English, its colon an English one."""
    own = unquoted(text)
    language = detect(own)
    if document is not None and document.punctuates(own):
        return document
    framing = next((profile for profile in PROFILES if profile.frames(own)), None)
    if framing is not None and framing.script != language.script:
        language = holder_of(own, framing.script) or framing
    if document is not None and (document.script == language.script or not WORD_LETTER.search(own)):
        return document
    return language


# A quotation in corner brackets or in curly quotes, as the house styles set them (an English
# sentence's in single ones); a closing single quote before a letter is an apostrophe.
QUOTATION = re.compile("\u300c[^\u300c\u300d]*\u300d|\u300e[^\u300e\u300f]*\u300f"
                       "|\u201c[^\u201c\u201d]*\u201d|\u2018(?:[^\u2018\u2019]|\u2019(?=\\w))*\u2019")
WORD_LETTER = re.compile(r"[^\W\d_]")  # of any script: what says a text's language


def unquoted(text: str) -> str:
    """`text` with its quotations in a language whose words no spaces part (Chinese quoted)
    left out; `text` itself where nothing outside them holds a letter (a line that is a
    quotation, a title in 「」). A quotation of words (`said ‘we’ll open’`) counts as the
    words around it do."""
    outside = QUOTATION.sub(lambda quotation: quotation.group() if detect(
        quotation.group()).words_spaced else " ", text)
    return outside if WORD_LETTER.search(outside) else text


def own_language(text: str, language: Profile) -> Profile:
    """The language a line of display text (a heading, a running head) is set in: the
    document's `language`, or its own where one of the two spaces its words and the other
    does not (an English headline over a bilingual release read as Chinese)."""
    found = detect(text)
    return found if found.words_spaced != language.words_spaced else language


def opening_language(title: str, opening: str, language: str) -> str:
    """The language a document in `language` (its tag) opens in, as a reader meets it: its
    own, or the other one that its `title` and its first paragraph (`opening`) are both
    written in (a piece in English and Chinese in parallel, read as Chinese since its
    characters outnumber its English words, whose title and first paragraph are English)."""
    document = profile_for(language)
    if not (title.strip() and opening.strip()):
        return language
    found = {own_language(text, document) for text in (title, opening)}
    opened_in = found.pop() if len(found) == 1 else document
    return language if opened_in is document else opened_in.regional_tag(f"{title} {opening}")


def language_boundary(text: str) -> int | None:
    """The space where a text written in two languages, one after the other, passes from a
    language whose words are spaced to one whose are not (or back); None where there is no
    such space, or more than one."""
    # A word of no letters (a figure, a dash) is of the language beside it.
    words = [word for word in re.finditer(r"\S+", text) if any(map(str.isalpha, word.group()))]
    # A word of ASCII letters is of a language whose words are spaced, whichever it is (no
    # profile asked: most words of an English text, a third of the time this took).
    spaced = [word.group().isascii() or detect(word.group()).words_spaced for word in words]
    changes = [index for index in range(1, len(words)) if spaced[index] != spaced[index - 1]]
    return words[changes[0]].start() - 1 if len(changes) == 1 else None


def language_halves(text: str) -> tuple[str, ...]:
    """A text written in two languages, one after the other, in its two halves, the space
    between them left out (`香港青年藝術基金會`, `Hong Kong Youth Arts Foundation`); the
    text alone where it holds no one language_boundary."""
    boundary = language_boundary(text)
    return (text,) if boundary is None else (text[:boundary], text[boundary + 1:])


# A sentence's end, perhaps inside its closing quotes or brackets, with no space after it:
# by the marks of a language whose words are spaced, or one whose are not.
UNSPACED_SENTENCE_ENDS = {
    True: re.compile(f"[.!?\u2026][{re.escape(SENTENCE_CLOSERS)}]*(?=\\S)"),
    False: re.compile(f"[\u3002\uff01\uff1f][{re.escape(SENTENCE_CLOSERS)}]*(?=\\S)"),
}


def sentence_boundary(text: str) -> int | None:
    """Where a text of two sentences in two languages, one after the other with no space
    between them (a caption and its translation, each a line of its own, joined: `…上課。
    Participants of …`), passes from one to the other, the first ending by its own
    language's mark; None where no sentence ends there (`8.6MB`, `報告.txt`), or the text
    changes language more than once."""
    ends = {end.end(): spaced for spaced, marks in UNSPACED_SENTENCE_ENDS.items()
            for end in marks.finditer(text)}
    if not ends:
        return None
    # Each end parted from what follows, as a space would: the one change of language, read
    # once over the whole text (its ends many: `…` typed as dots), must fall at one.
    cuts = sorted(ends)
    boundary = language_boundary(" ".join(text[start:end] for start, end
                                          in pairwise([0, *cuts, len(text)])))
    at = {cut + count: cut for count, cut in enumerate(cuts)}.get(boundary)
    return at if at is not None and detect(text[:at]).words_spaced == ends[at] else None


# A hyphen ending a line after a letter: a compound's, or a word's a printed page broke there.
HYPHEN_ENDED = re.compile(r"(?<=[^\W\d_])-$")
SOFT_HYPHEN = "\u00ad"  # where a printed page broke a word (readers/scraped/pages.py)


# In a language whose words no spaces part (Chinese), its characters count so many to a word.
CHARACTERS_A_WORD = 2


def columns(text: str) -> int:
    """How many columns `text` takes, as a terminal and a mail program count them: two a
    Chinese character (East Asian Wide or Fullwidth), one any other."""
    if text.isascii():  # no character of it wide: most lines of an English text
        return len(text)
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1
               for character in text)


def word_count(text: str) -> float:
    """How many words `text` holds: in a language whose words no spaces part, its characters
    counted CHARACTERS_A_WORD to a word."""
    language = detect(text)
    if language.words_spaced:
        return len(text.split())
    return language.count(text) / CHARACTERS_A_WORD


def joined_lines(lines: Sequence[str]) -> str:
    """A paragraph's lines, as its source wrapped them, read as one line: a soft hyphen
    ending a line (a word a printed page broke there) gone."""
    return "".join(join + line.removesuffix(SOFT_HYPHEN)
                   for join, line in zip(["", *line_joins(lines)], lines, strict=False))


def line_joins(lines: Sequence[str]) -> list[str]:
    """What stands between each of a paragraph's lines and the next, once joined: a space;
    none between two characters of a language that sets no space beside them (Chinese:
    "百分之五，" and "較去年"), nor, in a text in such a language, between one of them and
    a Latin letter or a figure (the house style: "2024年", "香港大學HKU"); a no-break space
    before what the paragraph's language never lets start a line (British: a sentence's
    dash), or where its house style binds the words either side ("1,146" over "students",
    "Dr" over "Margaret": a no-break space, as cleaning set it had they stood on one line)."""
    language = detect(" ".join(lines))
    return [line_join(before, after, language)
            for before, after in zip(lines, lines[1:], strict=False)]


MAX_BROKEN_ADDRESS = 300  # characters of a line's end an address there is sought in
# An address or a DOI a line's end broke after a slash ("doi:10.1016/" over
# "j.jhydrol.2016.05.041", as a PDF's page sets it): it goes on on the next line, whole.
BROKEN_ADDRESS = re.compile(r"(?:https?://|www\.|doi:|(?<![\w.])10\.\d{4,9}/)\S*/$",
                            re.IGNORECASE)


def line_join(before: str, start: str, language: Profile) -> str:
    end, first = before[-1:], start[:1]
    if end == SOFT_HYPHEN or (first.islower() and HYPHEN_ENDED.search(before)):
        return ""  # a word broken at the line's end, or a compound's halves ("well-" "being")
    if first.strip() and (BROKEN_ADDRESS.search(before[-MAX_BROKEN_ADDRESS:])
                          or end in NAME_JOINERS and broken_name(before, start)):
        return ""
    if any(profile.unspaced(end) and profile.unspaced(first) for profile in PROFILES):
        return ""
    if language.unspaced(end) or language.unspaced(first):
        return ""
    if language.no_break_before and re.match(language.no_break_before, start):
        return "\u00a0"
    return "\u00a0" if bound(before, start, language) else " "


# What joins a file name's or an address's words, after which a line's end may break one
# (`Accounts_` over `2023-24_final.pdf`): no word ends so.
NAME_JOINERS = ("_", "/")


def broken_name(before: str, start: str) -> bool:
    """Whether the last word of `before` and the first of `start` are one file name or
    address that the line's end broke (`Accounts_` over `2023-24_final.pdf`,
    `www.…/reserves-` over `policy.pdf`, `finance-` over `team@example.org`)."""
    last, following = before.rsplit(maxsplit=1)[-1], start.split(maxsplit=1)[0]
    return any(match.start() < len(last) < match.end()
               for match in re.finditer(SET_APART, last + following, re.ASCII))


def bound(before: str, start: str, language: Profile) -> bool:
    """Whether the language's typesetting binds the last word of `before` to the first of
    `start` with a no-break space: asked only of a short word or one holding a figure, which
    are what it binds (a title, a figure and what it counts)."""
    last, following = before.rsplit(" ", 1)[-1], start.split(" ", 1)[0]
    if not last or not following or (len(last) > MAX_BOUND_WORD
                                      and not any(char.isdigit() for char in last)):
        return False
    return language.typeset(f"{last} {following}") == f"{last}\u00a0{following}"


MAX_BOUND_WORD = 4  # "Dr", "Mrs", "No.", "p."


def docx_language_attributes(text: str) -> tuple[str, ...]:
    """The attributes of a DOCX w:lang that say the language of `text`, as Word reads them:
    w:val for Latin letters (and any script without one of its own), and the attribute of
    each script `text` holds that has its own (w:eastAsia for Han characters)."""
    return ("w:val", *dict.fromkeys(profile.docx_language for profile in PROFILES
                                    if profile.docx_language and profile.holds(text)))


def takes_small_caps(text: str) -> bool:
    """Whether small capitals change `text`: it holds a letter of a language that has them
    (a Latin word among Chinese characters, not the characters)."""
    uncased = "".join(profile.characters for profile in PROFILES if not profile.small_caps)
    letters = re.sub(f"[{uncased}]", "", text) if uncased else text
    return any(character.isalpha() for character in letters)


def text_language(text: str, given: str = DEFAULT.tag, named: bool = False) -> str:
    """A document's language: the metadata's when it names one (`named`, the default's too,
    written), or one other than the default, else the one its text is written in."""
    if named or given != DEFAULT.tag:
        return given
    return detect(text).regional_tag(text)


def phrases(text: str, document: Profile) -> list[tuple[str, Profile | None]]:
    """`text` cut into pieces, each a phrase of another language (with its profile) or the
    `document`'s own (None): the phrases to tag inside a text. Languages of the document's
    own script are not looked for (Chinese in Chinese)."""
    pieces: list[tuple[str, Profile | None]] = [(text, None)] if text else []
    for profile in PROFILES:
        if profile.script != document.script and profile.phrase:
            pieces = [cut for piece, language in pieces
                      for cut in (runs(piece, profile) if language is None
                                  else [(piece, language)])]
    return [(piece, narrowest(piece, language)) for piece, language in pieces]


def narrowest(piece: str, language: Profile | None) -> Profile | None:
    """The language of a phrase found as `language`'s: a language of its script listed
    before it that holds the phrase (Simplified Chinese's characters, in a text whose other
    Chinese phrase is Traditional: each phrase its own)."""
    if language is None or not language.characters:
        return language
    holder = holder_of(piece, language.script)
    return holder if holder is not None and PROFILES.index(holder) < PROFILES.index(language) \
        else language


def phrase_languages(held: frozenset[Profile]) -> tuple[Profile, ...]:
    """The languages whose phrases a document holding the scripts of `held` (its `scripts`)
    may hold, as PROFILES lists them: those, and the languages of the Latin letters (no
    letters of their own), which any document may hold (English in a Chinese text)."""
    return tuple(profile for profile in PROFILES
                 if profile in held or profile.phrase and not profile.characters)


def holds_phrase(text: str, profile: Profile) -> bool:
    """Whether `text` holds a phrase of `profile`'s, as a document in another script tags
    it: a text of its script held by it first (Simplified Chinese's characters), or a run
    of its phrase (English words)."""
    if profile.characters:
        return holder_of(text, profile.script) is profile
    return any(language is profile for _, language in runs(text, profile))


def runs(text: str, profile: Profile) -> list[tuple[str, Profile | None]]:
    """`text` cut into the runs of `profile`'s phrases and what stands between them, its word
    joiners read as nothing: a writer binds characters with them (`ISO 9001⁠……`, `(⁠note)`),
    which leaves the words as they were; one at a phrase's end is left after it."""
    if not profile.holds(text):
        return [(text, None)]
    pieces: list[tuple[str, Profile | None]] = []
    position = 0
    kept = [offset for offset, character in enumerate(text) if character != WORD_JOINER]
    for match in re.finditer(profile.phrase, "".join(text[offset] for offset in kept)):
        if not profile.holds(match.group()):
            continue  # punctuation alone (a full-width space) is no phrase
        start, end = kept[match.start()], kept[match.end() - 1] + 1
        if start > position:
            pieces.append((text[position:start], None))
        pieces.append((text[start:end], profile))
        position = end
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


def scripts(texts: Iterable[str]) -> frozenset[Profile]:
    """The profiles with letters of their own (Han for Chinese) that `texts` hold, a text
    being held by the first profile of each script that holds it: the languages whose faces
    a document's editions load and whose phrases they tag."""
    wanted = [profile for profile in PROFILES if profile.characters]
    found: set[Profile] = set()
    for text in texts:
        if text.isascii():
            continue
        found |= {holder for script in dict.fromkeys(profile.script for profile in wanted)
                  if (holder := holder_of(text, script))}
        if len(found) == len(wanted):
            break
    return frozenset(found)


def holder_of(text: str, script: str) -> Profile | None:
    """The first profile of `script` that holds `text` (Simplified Chinese before Chinese,
    which holds any Han text), None when none does."""
    return next((profile for profile in PROFILES
                 if profile.script == script and profile.characters and profile.holds(text)),
                None)


# What only the emoji faces draw: the characters Unicode shows as emoji by default
# (Emoji_Presentation, emoji-data.txt: the supplementary planes' emoji blocks and these of the
# first plane), or any followed by the emoji variation selector (U+FE0F); a tick or a ballot
# box (✓, ☑), which the symbol faces have, is none.
PICTOGRAPH = re.compile(
    "[\U0001f000-\U0001faff\ufe0f\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe"
    "\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5"
    "\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c"
    "\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55]")


# A pictograph a web page, a post or a mail heads a line with as its bullet, however its
# meaning reads (✅ done, 👉 to do, ➤, ★, ◆): an emoji (with its variation selector, skin tone,
# or a keycap's), a flag, or a symbol of the arrows, technical, geometric shapes, miscellaneous
# symbols, dingbats or supplemental arrows blocks. Never a letter, a figure, a Chinese mark
# (`※`) or a note's symbol (`*`, `†`).
PICTOGRAPH_BULLET = (
    "(?:[0-9#*]\ufe0f?\u20e3|[\U0001f1e6-\U0001f1ff]{2}"
    "|[\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2900-\u297f"
    "\u2b00-\u2bff][\ufe0e\ufe0f]?[\U0001f3fb-\U0001f3ff]?)"
)


def without_trailing_pictographs(text: str) -> str:
    """`text` without the pictographs (and spaces) after its last word: `Come and say hello!
    👋`. A loop, not a pattern: a line of pictographs ending in a letter reads in linear
    time."""
    end = len(text)
    while end and (text[end - 1].isspace() or PICTOGRAPH.match(text, end - 1)):
        end -= 1
    return text[:end]


def is_speech_rubric(text: str) -> bool:
    """Whether `text`, a text's title or the line opening it, is a speech's rubric, saying
    who gave it: "Remarks by the Chair …", "陳主席在…上的講話"; a rubric ends no sentence,
    as one of the body does ("Delivered by volunteers on 6 March, the parcels reached every
    house.")."""
    return bool(SPEECH_RUBRIC.match(text.strip())) and not ends_sentence(text)


def ends_sentence(text: str) -> bool:
    """Whether `text` ends a sentence (or a clause, with a colon), in any language, perhaps
    inside closing quotes or brackets, and before the call of a note (`…£412,000.*`) or
    pictographs (`Come and say hello! 👋`)."""
    text = without_trailing_pictographs(text)
    text = text[:-CALLS_TAIL] + CALLS_AFTER_END.sub("", text[-CALLS_TAIL:])
    return text.rstrip(SENTENCE_CLOSERS).endswith(SENTENCE_ENDS)


def is_lead_in(text: str) -> bool:
    """Whether paragraph `text` leads in to what follows it: it ends as a lead-in ends, in any
    language (`:`, `：`), or, as the readers read one, in a verb of contacting over the
    contact lines it introduces ("For more information, contact", "如有查詢，請聯絡")."""
    text = text.strip()
    return text.endswith(LEAD_IN_ENDS) or bool(CONTACT_LEAD_IN.fullmatch(text))


def interview_speakers(texts: Sequence[str]) -> frozenset[str]:
    """The two names an interview's turns open with, where the lines `texts` (its author's
    name among them) hold one written by its speakers' names, as a Q&A by its labels
    ("Daniel: What drew you to the garden?" over "Ruth: My late husband …"): two names, each
    a person's (Profile.names_speaker) opening two turns or more, taking turns, one asking
    (each of its turns ends with a question mark); none else (a listing's fields, "Date:"
    over "Venue:", ask nothing; a plan's, "Aims:" over "Means:", are no one's)."""
    turns = [(found["name"], text.rstrip()) for text in texts
             if (found := NAMED_TURN.match(text.strip()))]
    names = {name for name, count in Counter(name for name, _ in turns).items()
             if count >= MIN_TURNS}
    turns = [(name, text) for name, text in turns if name in names]
    alternate = all(first[0] != second[0] for first, second in pairwise(turns))
    said = "\n".join(texts)
    people = all(detect(name).names_speaker(name, said, [text for who, text in turns
                                                          if who == name]) for name in names)
    asks = any(all(text.endswith(("?", "\uff1f")) for name, text in turns if name == asker)
               for asker in names)
    return frozenset(names) if len(names) == 2 and alternate and asks and people else frozenset()
