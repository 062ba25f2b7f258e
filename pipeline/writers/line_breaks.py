"""Where a line may break inside running text, decided before the PDF renderer sees it.

WeasyPrint hyphenates any word its dictionary knows, capitalised words, names and the parts
of addresses included, and its hyphenation is all or nothing per text. So the HTML writer
decides instead, as InDesign's settings would: soft hyphens go into ordinary lower-case
words only (never a capitalised word, a word with digits, a compound, which breaks at its
own hyphen, or an address), and the stylesheet sets `hyphens: manual`. An address may break
after `/`, `.` or `@`, with no hyphen added (a zero-width space); a compound in a title,
heading or name does not break at all.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pyphen
from markupsafe import Markup, escape

from pipeline import addresses
from pipeline.languages import DEFAULT, profile_for
from pipeline.layouts import Hyphenation
from pipeline.writers.language_tags import tagged

SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"  # a break opportunity that adds nothing
ADDRESS = re.compile(addresses.ADDRESS)
ADDRESS_BREAK = re.compile(r"(?<=[.@])(?=.)|(?<=/)(?=[^/])")  # never inside "//"
# A run of letters; whatever touches it (a hyphen, a digit) decides whether it may break.
LETTERS = re.compile(r"[^\W\d_]+")
HYPHENS = "-\u2010\u2011"
LIGATURE_SECONDS = "fijlt"
COMPOUND = re.compile(rf"\S*\w[{HYPHENS}]\w\S*")


@dataclass(frozen=True)
class LineBreaks:
    """The rules of one layout and language."""

    hyphenation: Hyphenation
    language: str
    links: bool
    whole_words: frozenset[tuple[int, str]] = frozenset()  # (block, word) never hyphenated

    def running(self, text: str, block: int = -1, in_link: bool = False) -> Markup:
        """Running text of block number `block`: addresses may break after / . @ (and are
        links where the layout has links, unless the text is a link's already); ordinary
        words are hyphenated where the layout hyphenates."""
        parts, position = [], 0
        for match in ADDRESS.finditer(text):
            parts += [self.words(text[position:match.start()], block),
                      address(match.group(), self.links and not in_link)]
            position = match.end()
        parts.append(self.words(text[position:], block))
        return Markup("").join(parts)

    # A second layout pass sets the same words again; the rules are frozen, so cached.
    @functools.lru_cache(maxsize=4096)  # noqa: B019
    def words(self, text: str, block: int) -> Markup:
        dictionary = hyphenator(self.language, self.hyphenation)
        if dictionary is None:
            return tagged(text, self.language)
        # A phrase in another language (Chinese) is never hyphenated: its characters are
        # not lower-case letters.
        return tagged(LETTERS.sub(lambda match: self.hyphenated(match, dictionary, block), text),
                      self.language)

    def hyphenated(self, match: re.Match, dictionary: pyphen.Pyphen, block: int) -> str:
        word, text = match.group(), match.string
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if (len(word) < self.hyphenation.min_word or not word.islower()
                or (block, word) in self.whole_words
                or before in HYPHENS or after in HYPHENS or before.isdigit() or after.isdigit()):
            return word
        # Not between the letters of a ligature (the f of "ff", "fi", "fl"): the shaper joins
        # them across the soft hyphen, and the glyph's text in the PDF comes out wrong.
        breaks = [position for position in dictionary.positions(word)
                  if not (word[position - 1] == "f" and word[position] in LIGATURE_SECONDS)]
        pieces = [word[start:end] for start, end in zip([0, *breaks], [*breaks, None],
                                                         strict=True)]
        return SOFT_HYPHEN.join(pieces)


def address(text: str, linked: bool) -> Markup:
    """An address with break opportunities after / . @, and a link when `linked`."""
    # A zero-width space, not <wbr>: WeasyPrint would make each piece a link of its own.
    shown = escape(ADDRESS_BREAK.sub(ZERO_WIDTH_SPACE, text))
    if not linked:
        return Markup('<span class="address">{}</span>').format(shown)
    return Markup('<a class="address" href="{}">{}</a>').format(link_target(text), shown)


def link_target(address: str) -> str:
    if "://" in address:
        return address
    return f"https://{address}" if address.startswith("www.") else f"mailto:{address}"


def unbroken(text: str, language: str = DEFAULT.tag) -> Markup:
    """Text whose compounds ("Vice-Chancellor") never break at their hyphen: for titles,
    headings and names, where a broken compound reads as two words. A phrase in another
    language than the document's `language` is tagged."""
    parts, position = [], 0
    for match in COMPOUND.finditer(text):
        parts += [tagged(text[position:match.start()], language),
                  Markup('<span class="compound">{}</span>').format(match.group())]
        position = match.end()
    parts.append(tagged(text[position:], language))
    return Markup("").join(parts)


@functools.cache
def hyphenator(language: str, hyphenation: Hyphenation) -> pyphen.Pyphen | None:
    """The hyphenation dictionary of `language`, or None where the layout does not hyphenate,
    the language is never hyphenated (Chinese) or no dictionary knows it."""
    if not hyphenation.enabled or not profile_for(language).hyphenates:
        return None
    known = pyphen.language_fallback(language.replace("-", "_"))
    if known is None:
        return None
    return pyphen.Pyphen(lang=known, left=hyphenation.min_before, right=hyphenation.min_after)
