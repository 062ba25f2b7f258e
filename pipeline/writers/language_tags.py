"""Phrases of another language inside a text (Chinese in an English one, English in a Chinese
one), tagged as such for
the HTML: a `lang` attribute, which the PDF's tags, the fonts and the line breaking follow."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from pipeline.addresses import SET_APART
from pipeline.languages import CURRENCY_CODE, Profile, detect, phrases, profile_for

LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
LINE_END = "\ue000"  # stands for a forced break until the markup is made (line_breaks.py)
# Characters of the longest phrase inside another language kept on one line: a name
# (莫慧琳), a title (主席報告); a longer one breaks where its language breaks.
MAX_WHOLE_PHRASE = 8


def tagged(text: str, language: str) -> Markup:
    """`text` escaped, each phrase of a language other than the document's `language` in a
    `<span lang>` (Chinese in English, English in Chinese); a short one of a language that
    spaces no words (a Chinese name, a title) kept whole on its line, as a word is: a
    spaced one breaks at its spaces as the text around it would. The phrases are those of
    the text as it reads, the writer's line ends in it (LINE_END) aside, each put back where
    it stood: a phrase a line end parts is one still (`Smart Harbour` over `3.5`), not a
    phrase and figures of no language, read in the document's."""
    own = profile_for(language)
    return Markup("").join(phrase(piece, profile) if profile else compressed(piece, own)
                           for piece, profile in across_line_ends(text, own))


def across_line_ends(text: str, own: Profile) -> list[tuple[str, Profile | None]]:
    """`text` cut into its phrases (`phrases`) as found without its line ends, each line end
    put back inside the phrase it parts, or in the document's text next to it where it
    stands between two phrases."""
    cut: list[tuple[str, Profile | None]] = []
    position = 0
    for piece, profile in phrases(text.replace(LINE_END, ""), own):
        while text.startswith(LINE_END, position):  # between two: in neither
            cut.append((LINE_END, None))
            position += 1
        start, letters = position, 0
        while letters < len(piece):
            letters += text[position] != LINE_END
            position += 1
        cut.append((text[start:position], profile))
    cut.append((text[position:], None))
    joined: list[tuple[str, Profile | None]] = []
    for piece, profile in cut:
        if joined and profile is None and joined[-1][1] is None:
            joined[-1] = (joined[-1][0] + piece, None)
        elif piece:
            joined.append((piece, profile))
    return joined


def wholly_in(text: str, language: str) -> Profile | None:
    """The language other than the document's `language` a whole text is written in (an
    English paragraph in a Chinese document), the phrases found leaving nothing outside
    them but spaces, figures, marks, addresses, currencies' codes and figures with letters
    (no phrase of any language: "HK$1.2 billion", "Stage 2B" are English); None where it is
    the document's, or mixed."""
    pieces = phrases(text, profile_for(language))
    others = {profile for _, profile in pieces if profile is not None}
    if len(others) != 1 or any(LETTER.search(re.sub(f"{SET_APART}|{CURRENCY_CODE}|{CODED}", "",
                                                    piece))
                               for piece, profile in pieces if profile is None):
        return None
    return others.pop()


# Figures with Latin letters: "2B", "PM2.5", "5G", "1.8-kilometre", "mid-2026".
CODED = r"\b(?:[A-Za-z]+-)?[A-Za-z]*\d[A-Za-z\d.]*(?:-[A-Za-z]+)*\b"


def phrase(text: str, profile: Profile) -> Markup:
    """A phrase of `profile`'s language; one kept whole that a line end parts (in a text the
    writer broke into lines) a span a line, each kept whole, the line end and the spaces
    around it outside them (a kept whole span holds no line feed: chinese.css)."""
    read = text.replace(LINE_END, "")
    if LINE_END in text and kept_whole(read, profile):
        return Markup(LINE_END).join(
            Markup("{}{}{}").format(line[:len(line) - len(line.lstrip())],
                                    in_language(compressed(line.strip(), profile),
                                                line.strip(), profile.tag, profile),
                                    line[len(line.rstrip()):]) if line.strip() else line
            for line in text.split(LINE_END))
    return in_language(compressed(text, profile), read, profile.tag, profile)


def compressed(text: str, profile: Profile, before: str = "") -> Markup:
    """`text` escaped, each mark its language sets half its width beside another in a
    `<span class="halt">` (clreq 3.1.6.2: 」， an em and a half, not two), with the letter
    next to it (a Han character), which `halt` leaves as it is: a mark alone in its box is
    of no script, shaped in none, and so in the face's default forms (a Traditional full
    stop, centred, in a Simplified text), not its language's. Its marks set in its own forms
    only among its letters (`own_form_marks`: the Chinese dash and ellipsis) after a letter
    of another script (用4S……我們) are set in a span of their own with its letter after
    them, which gives them its script: in the Latin letters' box they took theirs. Set
    right after `before`, text of another element, its opening mark facing a mark that
    ends `before` is halved too (`after_mark`)."""
    spans = halved(text, profile) + own_forms(text, profile) + after_mark(text, before, profile)
    parts, position = [], 0
    for start, end, halt in joined(spans):
        parts += [escape(text[position:start]),
                  Markup('<span class="{}">{}</span>').format("halt" if halt else "own-forms",
                                                              text[start:end])]
        position = end
    return Markup("").join([*parts, escape(text[position:])])


def halved(text: str, profile: Profile) -> list[tuple[int, int, bool]]:
    """(start, end, True) of each span of `text` set in `halt`, in order."""
    if not profile.compressed_punctuation:
        return []
    spans: list[list[int]] = []  # [start, end] of each span, in order
    for match in re.finditer(profile.compressed_punctuation, text):
        start, end = match.span()
        taken = spans[-1][1] if spans else 0
        if start > taken and LETTER.match(text, start - 1):
            start -= 1
        elif LETTER.match(text, end):
            end += 1
        if spans and start == taken:  # right after the last: one span (「甲」)
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(start, end, True) for start, end in spans]


def after_mark(text: str, before: str, profile: Profile) -> list[tuple[int, int, bool]]:
    """(0, end, True) where `text` opens with an opening mark compressed against the mark
    `before` ends with (`…年度）` then `（續）`, `…。` then `（…`), the letter after it with
    it; else none. Halved, the opening mark drops its blank half, which faces the mark
    before: the pair takes an em and a half, as it would halving that mark."""
    if not (profile.compressed_punctuation and before and text[:1]
            and text[0] in profile.opening_marks
            and re.search(profile.compressed_punctuation, before[-1] + text[0])):
        return []
    return [(0, 1 + bool(LETTER.match(text, 1)), True)]


def own_forms(text: str, profile: Profile) -> list[tuple[int, int, bool]]:
    """(start, end, False) of each run of `profile`'s `own_form_marks` in `text` whose last
    letter before is of another script, with the letter of its own after it (alone where
    none follows, which the PDF writer shapes again in its script: pdf/own_forms.py)."""
    if not profile.own_form_marks:
        return []
    own = re.compile(f"[{profile.characters}]")
    spans = []
    for match in re.finditer(profile.own_form_marks, text):
        letters = LETTER.findall(text, 0, match.start())
        if letters and not own.match(letters[-1]):
            spans.append((match.start(), match.end() + bool(own.match(text, match.end())),
                          False))
    return spans


def joined(spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """`spans` in order, those that overlap or touch made one, in `halt` if either is
    (which changes neither a dash, an ellipsis nor a letter)."""
    result: list[tuple[int, int, bool]] = []
    for start, end, halt in sorted(spans):
        if result and start <= result[-1][1]:
            last_start, last_end, last_halt = result[-1]
            result[-1] = (last_start, max(end, last_end), halt or last_halt)
        else:
            result.append((start, end, halt))
    return result


def given(inside: Markup, text: str, language: str) -> Markup:
    """A phrase whose `language` its author gave, set as `inside`: kept whole as a found one
    is where its characters are of a language that spaces no words (a Cantonese name)."""
    return in_language(inside, text, language, detect(text))


def in_language(inside: Markup, text: str, language: str, profile: Profile) -> Markup:
    if kept_whole(text, profile):
        return Markup('<span lang="{}" class="phrase">{}</span>').format(language, inside)
    return Markup('<span lang="{}">{}</span>').format(language, inside)


def kept_whole(text: str, profile: Profile) -> bool:
    """Whether a phrase of `text` in `profile`'s language is kept whole on its line."""
    return len(text) <= MAX_WHOLE_PHRASE and not profile.words_spaced
