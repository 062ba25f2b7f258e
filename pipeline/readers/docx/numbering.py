"""Lists as Word numbers them: each numbered paragraph's level, style and the number Word shows.

A paragraph is numbered by a numbering instance (w:num) and a level, its own or its style's;
instance 0 ("No List") numbers none, even in a List Bullet paragraph. Word counts by the
abstract definition an instance refers to, so two instances of one definition continue each
other's numbers; an instance that overrides a level's start (w:startOverride, as "Restart
numbering" writes) restarts it where that instance is first used; a level restarts after
each item of a level above it unless its definition says otherwise (w:lvlRestart). A level
may be redefined by the instance (w:lvlOverride/w:lvl), and a definition may be another's
(w:numStyleLink). Without numbering, a List Bullet or List Number style (List Bullet 2 …)
makes a list paragraph of its own.

Word's formats become the model's list styles (decimal, letters, roman numerals, a
language's own such as Chinese counting), and its level text the marker, 1. (1) or 1)
(model.MARKERS); figures in circles (①) are the model's circled style; formats that show
the same figures differently (01, ⑴, ⒈) are decimal; any
other (First, Second …) is refused by the caller, since the editions could not print it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from pipeline.languages import NUMERALS
from pipeline.list_numbers import CIRCLED_STYLE, circled, letters, roman
from pipeline.model import MARKERS, List
from pipeline.readers.docx.structures import Styles, value_of, whole_number
from pipeline.readers.numbering import marker_of

LIST_STYLE = re.compile(r"list (bullet|number)(?: (\d))?")
WORD_FORMATS = {
    "bullet": "bullet", "decimal": "decimal", "lowerLetter": "lower-alpha",
    "upperLetter": "upper-alpha", "lowerRoman": "lower-roman", "upperRoman": "upper-roman",
    # A language's own ("taiwaneseCounting" and its kin: "trad-chinese-informal").
    **{word: numerals.style for numerals in NUMERALS for word in numerals.word_formats},
    # Figures in circles: ①, and the same as Word's East Asian templates name them.
    "decimalEnclosedCircle": CIRCLED_STYLE, "decimalEnclosedCircleChinese": CIRCLED_STYLE,
    # The same figures, written otherwise: 01, (1), 1., full-width 1.
    "decimalZero": "decimal",
    "decimalEnclosedParen": "decimal", "decimalEnclosedFullstop": "decimal",
    "decimalFullWidth": "decimal", "decimalFullWidth2": "decimal", "decimalHalfWidth": "decimal",
}
UNNUMBERED = "none"  # a level that shows no number: its paragraphs are no list's
# A level's text: the numbers of the levels above, each followed by a full stop, then its own.
COMPOUND = re.compile(r"(?P<path>(?:%\d\.)*?)(?P<own>[^%]*%\d[^%]*)", re.DOTALL)
LEVELS = 9


@dataclass(frozen=True)
class Level:
    """One level of a numbering definition."""

    word_format: str  # Word's numFmt
    start: int = 1
    text: str = "%1."  # lvlText: what Word shows, %n standing for level n's number
    restart: int | None = None  # lvlRestart: restarts after level n-1 (0: never)

    @property
    def style(self) -> str | None:
        """The model's list style; None for a format the model has not."""
        return WORD_FORMATS.get(self.word_format)

    @property
    def marker(self) -> str:
        """The model's marker for the level's own number: "(%1)" -> "(%)", "%2)" -> "%)",
        "%1.%2)" -> "%)"; "" for the style's usual "%1." or "%1、"; a bullet's pictograph
        ("✅"), which the editions print as the list's, and "" for any other bullet (•, ◦,
        Symbol's private-use ones), which they set as their own."""
        if self.style == "bullet":
            bullet = marker_of(f"{self.text} item")
            return self.text if bullet is not None and bullet.pictograph else ""
        match = COMPOUND.fullmatch(self.text)
        marker = re.sub(r"%\d", "%", match.group("own")) if match else ""
        if self.style in (None, "bullet") or marker not in MARKERS:
            return ""
        return "" if marker == "%".join(List((), self.style).affixes) else marker

    @property
    def blank_bullet(self) -> bool:
        """A bullet level showing nothing: what LibreOffice saves for a bullet it cannot hold
        (one outside Unicode's Basic Multilingual Plane, 👉), as it keeps one UTF-16 unit."""
        return self.style == "bullet" and not self.text

    @property
    def parents(self) -> int | None:
        """How many levels' numbers the level's text shows before its own, each followed by
        a full stop, as the model's compound lists print them: 0 for "%1." or "(%2)", 1 for
        "%1.%2.", 2 for "%1.%2.%3)"; None for numbers shown otherwise ("%1-%2", "%2.%1",
        "%1.%3."), which the editions cannot print."""
        match = COMPOUND.fullmatch(self.text)
        if match is None:  # no number, or numbers shown otherwise
            return 0 if "%" not in self.text else None
        above = match.group("path").count("%")
        shown = [int(level) for level in re.findall(r"%(\d)", self.text)]
        return above if above == 0 or shown == list(range(1, above + 2)) else None


@dataclass(frozen=True)
class Place:
    """A numbered paragraph's place: its level, its definition and the number Word shows."""

    level: int
    definition: str  # the abstract definition, or the style a style list is named by
    format: Level
    number: int
    shown: str  # what Word shows before the text: "2.", "iv)", "3.1"


@dataclass
class Instance:
    definition: str
    starts: dict[int, int]  # level -> its start override
    levels: dict[int, Level]  # level -> its redefinition


@dataclass
class Numbering:
    """The draft's numbering, counted in document order: ask `place` of each paragraph once,
    in order."""

    styles: Styles
    definitions: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, Instance] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    used: set[tuple[str, int]] = field(default_factory=set)  # (instance, level) seen

    @classmethod
    def of(cls, draft, styles: Styles) -> Numbering:
        numbering = cls(styles)
        try:
            part = draft.part.numbering_part.element
        except NotImplementedError:
            return numbering
        links = {}
        for abstract in part.iter(qn("w:abstractNum")):
            key = abstract.get(qn("w:abstractNumId"))
            numbering.definitions[key] = {level_number(level): level_of(level)
                                          for level in abstract.iter(qn("w:lvl"))}
            link = value_of(abstract, "w:numStyleLink")
            if link:
                links[key] = link
        for number in part.iter(qn("w:num")):
            overrides = number.findall(qn("w:lvlOverride"))
            numbering.instances[number.get(qn("w:numId"))] = Instance(
                value_of(number, "w:abstractNumId") or "",
                {level_number(o): whole_number(value_of(o, "w:startOverride"), 1)
                 for o in overrides if value_of(o, "w:startOverride") is not None},
                {level_number(o): level_of(o.find(qn("w:lvl")))
                 for o in overrides if o.find(qn("w:lvl")) is not None},
            )
        numbering.follow_style_links(links)
        return numbering

    def follow_style_links(self, links: dict[str, str]) -> None:
        """A definition that only names a numbering style (w:numStyleLink) is the one that
        style's instance refers to."""
        for key, style_id in links.items():
            number_id, _ = self.style_numbering(style_id)
            instance = self.instances.get(number_id or "")
            if instance is not None and instance.definition in self.definitions:
                self.definitions[key] = self.definitions[instance.definition]

    def style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self.styles.chain(style_id):
            number_id, level = numbering_properties(style)
            if number_id is not None:
                return number_id, level
        return None, None

    def place(self, p) -> Place | None:
        """Where a paragraph stands in its list, counting it; None for one in no list."""
        style_id = self.styles.paragraph_style(p)
        number_id, level = numbering_properties(p)
        if number_id is None:
            number_id, style_level = self.style_numbering(style_id)
            level = level if level is not None else style_level
            if (deeper := self.deeper_list_style(style_id)) is not None:
                # Word's List Bullet 2 (List Number 3 …) numbers by a list of its own, at
                # its first level, indented deeper: the second (third) level of the list
                # its List Bullet (List Number) paragraphs make, as it shows.
                number_id, level = deeper
        if number_id is None:
            return self.style_list(style_id)
        instance = self.instances.get(number_id)
        if number_id == "0" or instance is None:
            return None
        level = min(max(level or 0, 0), LEVELS - 1)
        definition = self.definitions.get(instance.definition, {})
        formats = {**definition, **instance.levels}
        level_format = defined_level(formats, level)
        if level_format.word_format == UNNUMBERED:
            return None
        first_use = (number_id, level) not in self.used
        self.used.add((number_id, level))
        start = instance.starts.get(level) if first_use else None
        number = self.count(instance.definition, level, formats, start)
        return Place(level, instance.definition, level_format, number,
                     shown(level_format.text, self.counters[instance.definition], formats))

    def count(self, definition: str, level: int, formats: dict[int, Level],
              start: int | None) -> int:
        counters = self.counters.setdefault(definition, [None] * LEVELS)
        for above in range(level):  # a level above never used counts from its start
            if counters[above] is None:
                counters[above] = formats.get(above, Level("decimal")).start
        if start is not None:
            counters[level] = start
        elif counters[level] is None:
            counters[level] = formats.get(level, Level("decimal")).start
        else:
            counters[level] += 1
        for below in range(level + 1, LEVELS):
            restart = formats.get(below, Level("decimal")).restart
            if restart is None or 0 < restart <= level + 1:
                counters[below] = None
        return counters[level]

    def deeper_list_style(self, style_id: str | None) -> tuple[str, int] | None:
        """For a paragraph in Word's List Bullet 2 or List Number 2 (or deeper) style: the
        numbering of the style of its first level (List Bullet, List Number) and its own
        level; None for any other, or where the first level's style numbers nothing."""
        match = next(filter(None, map(LIST_STYLE.fullmatch, self.styles.names(style_id))), None)
        if match is None or int(match.group(2) or 1) < 2:
            return None
        first = next((each for each in self.styles.elements
                      if f"list {match.group(1)}" in self.styles.names(each)), None)
        number_id = self.style_numbering(first)[0] if first is not None else None
        return (number_id, int(match.group(2)) - 1) if number_id is not None else None

    def style_list(self, style_id: str | None) -> Place | None:
        """A List Bullet or List Number paragraph whose style has no numbering of its own."""
        for name in self.styles.names(style_id):
            match = LIST_STYLE.fullmatch(name)
            if match:
                level = int(match.group(2) or 1) - 1
                word_format = "bullet" if match.group(1) == "bullet" else "decimal"
                formats = {level: Level(word_format)}
                number = self.count(f"style:{word_format}", level, formats, None)
                return Place(level, f"style:{word_format}", formats[level], number,
                             f"{number}." if word_format == "decimal" else "\u2022")
        return None


def numbering_properties(element) -> tuple[str | None, int | None]:
    """The numbering instance and level a paragraph or style names (w:numPr)."""
    properties = element.find(qn("w:pPr"))
    numbered = properties.find(qn("w:numPr")) if properties is not None else None
    if numbered is None:
        return None, None
    level = value_of(numbered, "w:ilvl")
    return value_of(numbered, "w:numId"), whole_number(level, 0) if level is not None else None


def level_number(element) -> int:
    """A level's index (w:ilvl), from 0 to 8."""
    return min(max(whole_number(element.get(qn("w:ilvl")), 0), 0), LEVELS - 1)


def level_of(element) -> Level:
    restart = value_of(element, "w:lvlRestart")
    return Level(value_of(element, "w:numFmt") or "decimal",
                 whole_number(value_of(element, "w:start"), 1),
                 value_of(element, "w:lvlText") or "",
                 whole_number(restart, None))


def defined_level(formats: dict[int, Level], level: int) -> Level:
    """A level's format; for a level its list does not define (a paragraph nested deeper than
    its list goes, as a hand-made draft may be), the nearest level above it that it does,
    so a bullet list's item stays a bullet, not a number the editor never saw; else decimal."""
    above = [defined for defined in formats if defined <= level]
    return formats[max(above)] if above else Level("decimal")


def shown(text: str, counters: list[int | None], formats: dict[int, Level]) -> str:
    """lvlText with each %n replaced by level n's number in its format."""
    return re.sub(r"%([1-9])", lambda match: formatted(
        counters[int(match.group(1)) - 1] or 0,
        formats.get(int(match.group(1)) - 1, Level("decimal")).word_format), text)


def formatted(number: int, word_format: str) -> str:
    """A number as Word shows it in letters, roman numerals, circled figures or a language's
    own numerals, else in figures."""
    style = WORD_FORMATS.get(word_format)
    match style:
        case "lower-alpha" | "upper-alpha":
            value = letters(number)
            return value.upper() if word_format.startswith("upper") else value
        case "lower-roman" | "upper-roman":
            value = roman(number)
            return value.upper() if word_format.startswith("upper") else value
        case "circled-decimal":
            return circled(number)
    own = next((numerals for numerals in NUMERALS if numerals.style == style), None)
    return own.numeral(number) if own else str(number)
