"""Layouts: a folder under layouts/ holding layout.toml and CSS, and a Jinja2 template
of its own or the shared one in layouts/templates/."""

from __future__ import annotations

import math
import os
import re
import struct
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from pipeline.errors import PipelineError
from pipeline.files import lies_inside, read_at_most
from pipeline.layout_folders import (
    FONTS,
    HYPHENATION_EXCEPTIONS,
    REFERENCE_DOCX,
    SETTINGS,
    TEMPLATES,
)

if TYPE_CHECKING:  # declaring the tasks names the layouts, and reads no profile or TOML
    from collections.abc import Callable

    from pipeline.languages import Faces, Profile

MAX_EXCEPTIONS_BYTES = 256 * 1024  # some 20,000 words: a list, not a dictionary
# An entry of a hyphenation exceptions list: letters, and single hyphens between them.
EXCEPTION = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
MARKS = ("crop",)
# What a stylesheet names a file by (an @import, a url()), and a template another template.
CSS_REFERENCE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)"""
                           r"""|@import\s+(?:"([^"]*)"|'([^']*)')""")
TEMPLATE_REFERENCE = re.compile(r"""\{%-?\s*(?:include|extends|import|from)\s+"""
                                r"""(?:"([^"]*)"|'([^']*)')""")
COMMENT = re.compile(r"/\*.*?\*/|\{#.*?#\}", re.S)
# What a layout may set otherwise for a language, in its table [language.<tag>]: the body's
# size and the page's margins, which together make the measure of its lines, and the measure
# its lines are checked against where the language's own cannot hold (large print).
LANGUAGE_SETTINGS = ("body_size_pt", "margin_top_mm", "margin_right_mm", "margin_bottom_mm",
                     "margin_left_mm", "measure")
PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "A3": (297.0, 420.0)}
# A figure's picture is set no taller than this share of the text area, scaled down whole (a
# tall portrait at the measure's width would run off its page): room is left on its page
# for its caption and some lines of text, as a typesetter sizes a portrait.
PICTURE_SHARE = 0.6


@dataclass(frozen=True)
class Page:
    size: str = "A4"
    margin_top_mm: float = 25.0
    margin_right_mm: float = 20.0
    margin_bottom_mm: float = 25.0
    margin_left_mm: float = 20.0
    bleed_mm: float = 0.0
    # Beyond the bleed: room for printer's marks, so they can stay out of the bleed.
    slug_mm: float = 0.0
    marks: tuple[str, ...] = ()  # "crop": drawn by writers/pdf/print_ready.py, in CMYK
    # How far from the trim crop marks start; never less than the bleed, whatever is set.
    marks_offset_mm: float = 3.0
    # Facing pages of a bound report: margin_left_mm is the inner (spine) margin, and on
    # left-hand pages the two side margins swap.
    mirrored: bool = False

    @property
    def width_mm(self) -> float:
        return PAGE_SIZES_MM[self.size][0]

    @property
    def height_mm(self) -> float:
        return PAGE_SIZES_MM[self.size][1]

    @property
    def measure_mm(self) -> float:
        """The width of the text area."""
        return self.width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def picture_height_mm(self) -> float:
        """The tallest a figure's picture is set (PICTURE_SHARE of the text area's height)."""
        return round(PICTURE_SHARE * (self.height_mm - self.margin_top_mm
                                      - self.margin_bottom_mm), 3)

    def side_margins_mm(self, number: int) -> tuple[float, float]:
        """The left and right margins of page `number` (from 1; page 1 is a right-hand page)."""
        if self.mirrored and number % 2 == 0:
            return self.margin_right_mm, self.margin_left_mm
        return self.margin_left_mm, self.margin_right_mm


@dataclass(frozen=True)
class Hyphenation:
    """Where the writers may break a word with a hyphen: ordinary lower-case words only,
    never a capitalised word or a name (unless an exceptions list writes it so), an address
    or a compound (it breaks at its own hyphen), and not in a ladder of more than
    `max_lines` hyphenated lines."""

    enabled: bool = False
    min_word: int = 7  # letters in the shortest word to hyphenate
    min_before: int = 3  # letters left before the hyphen
    min_after: int = 3  # letters carried to the next line
    max_lines: int = 2  # hyphenated line ends in a row
    max_share: float = 0.12  # of a justified edition's full lines, hyphenated at most
    # Words broken otherwise than the dictionary would ("cel-e-brate"), or never ("everyone"),
    # matched as written: the layout's hyphenation.txt, then a build's own lists over it
    # (Layout.with_exceptions); a word listed again breaks as the later entry writes it.
    exceptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Justification:
    """The word spaces of justified lines, in ems of their text: the writer breaks each
    justified paragraph so that its spaces stay between the narrowest and the widest, and
    goes up to the limit only where no breaking stays within the widest."""

    space_min_em: float = 0.2
    space_max_em: float = 0.45
    space_limit_em: float = 0.6
    # The house style's widest (about 0.25 to 0.45 em), as a gap is seen, the spacing of the
    # letter before it in: where no breaking stays within the widest, a line goes beyond
    # this only where no breaking of its paragraph keeps within it.
    space_usual_em: float = 0.45
    # Letter spacing a line may take, more or less, beside its spaces (as InDesign's letter
    # spacing); 0: none.
    letter_spacing_em: float = 0.0
    # The widest letter spacing of a line no breaking of its paragraph sets within the limit,
    # so its spaces stay within it (InDesign's letter spacing maximum); under
    # `letter_spacing_em`: that.
    letter_spacing_limit_em: float = 0.0


@dataclass(frozen=True)
class Furniture:
    """Running heads or folios: what stands in the margins from page 2 on, set as the layout
    says, which the preflight measures in the PDF."""

    font: str = ""  # a family of layouts/fonts/ (its Chinese twin follows for Chinese text)
    size_pt: float = 9.0
    colour: str = "#000000"  # "#rrggbb", or "device-cmyk(c m y k)" in print
    # "outer": on the outer edge of facing pages (running heads: the title on left-hand pages,
    # the section on right-hand ones); "centre": centred (running heads: the title).
    place: str = "outer"
    gap_mm: float = 5.0  # between the furniture and the text area
    letter_spacing_em: float = 0.0


PLACES = ("outer", "centre")


@dataclass(frozen=True)
class Layout:
    name: str
    folder: Path
    template: str = "document.html"
    stylesheet: str = "style.css"
    pdf_variant: str | None = None  # WeasyPrint's: "pdf/x-4", "pdf/ua-1", ...
    output_profile: str | None = None  # CMYK ICC profile file, relative to the layout folder
    output_condition: str = ""  # the output intent's identifier; else the profile's description
    # The most ink, in per cent of one plate, the output condition takes (the four plates'
    # sum): the printer's, given with the profile; 0 where the layout names none.
    total_ink_limit: float = 0.0
    body_font: str = ""
    heading_font: str = ""
    # Faces for the characters the text faces lack (symbols, arrows, mathematics), named
    # last in every font stack so only those characters are set in them.
    symbol_fonts: tuple[str, ...] = ()
    # The faces of other scripts, for a document holding them: (a profile's `fonts`, its
    # faces), from `<fonts>_body_font` and `<fonts>_heading_font` ("chinese_body_font").
    faces: tuple[tuple[str, Faces], ...] = ()
    body_size_pt: float = 11.0
    # The smallest type any text is set in (large print: 16 pt), which the preflight checks;
    # 0: none.
    smallest_type_pt: float = 0.0
    links: bool = True  # web and e-mail addresses as live links (not in print: PDF/X, CMYK)
    page: Page = field(default_factory=Page)
    hyphenation: Hyphenation = field(default_factory=Hyphenation)
    justification: Justification = field(default_factory=Justification)
    running_heads: Furniture | None = None
    folios: Furniture | None = None
    # The fewest and most characters a line of body text holds in this layout, where they
    # differ from its language's (the profile's `measure`); () the language's.
    measure: tuple[int, ...] = ()
    # The settings of LANGUAGE_SETTINGS set otherwise for a language (layout.toml's
    # [language.zh]: Chinese on its grid of whole characters, English nearer 66 characters a
    # line): (a language tag in lower case, its settings), for `for_language`.
    languages: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()

    @property
    def fonts_folder(self) -> Path:
        return self.folder.parent / FONTS

    @property
    def grid_characters(self) -> int:
        """How many characters of the body a line of a language written without spaces
        (Chinese) holds: the text area's width in whole characters, so every line fills it
        with none spread (clreq, 3.1: the text area a whole number of characters wide)."""
        # A measure of whole characters, rounded to the micrometre, holds them all.
        return int(self.page.measure_mm / (self.body_size_pt * 25.4 / 72) + 1e-3)

    @property
    def templates_folder(self) -> Path:
        return self.folder.parent / TEMPLATES

    def faces_for(self, profile: Profile) -> Faces:
        """The faces the layout names for the script of `profile`; none for the default's."""
        from pipeline.languages import Faces

        return dict(self.faces).get(profile.fonts, Faces()) if profile.fonts else Faces()

    def for_language(self, tag: str) -> Layout:
        """The layout as it sets a document in the language `tag`: with the settings of its
        table for the longest tag that `tag` is or begins with ("zh" for "zh-HK" and
        "zh-Hans", as RFC 4647's lookup of a language range), else as it is."""
        tables = dict(self.languages)
        parts = tag.casefold().split("-")
        found = next((tables[key] for key in ("-".join(parts[:end])
                                               for end in range(len(parts), 0, -1))
                      if key in tables), None)
        if found is None:
            return self
        settings = dict(found)
        page = {key: value for key, value in settings.items() if key.startswith("margin_")}
        layout = replace(self, page=replace(self.page, **page),
                         body_size_pt=settings.get("body_size_pt", self.body_size_pt),
                         measure=tuple(settings.get("measure", self.measure)), languages=())
        from pipeline.languages import profile_for

        return layout if profile_for(tag).words_spaced else layout.on_its_grid()

    def on_its_grid(self) -> Layout:
        """The layout with its outer margin wider by what the text area holds beyond a whole
        number of characters, so the text area is the grid's width (clreq, 3.1): the running
        heads and folios, set to the text area's edges, then stand at the grid's, not a part
        of a character beyond it on one side of every page."""
        if not all(isinstance(value, int | float) for value in (
                self.body_size_pt, self.page.margin_left_mm, self.page.margin_right_mm)):
            return self  # a table of the wrong types, which check_numbers refuses
        character = self.body_size_pt * 25.4 / 72
        spare = self.page.measure_mm - self.grid_characters * character
        # To the micrometre, rounded down: the text area never narrower than the grid.
        margin = math.floor((self.page.margin_right_mm + spare) * 1000) / 1000
        return replace(self, page=replace(self.page, margin_right_mm=margin))

    def for_scripts(self, scripts: frozenset[Profile]) -> Layout:
        """The layout without the faces of scripts a document does not hold."""
        held = {profile.fonts for profile in scripts}
        return replace(self, faces=tuple(entry for entry in self.faces if entry[0] in held))

    def with_exceptions(self, words: tuple[str, ...]) -> Layout:
        """The layout with `words` (a user's hyphenation exceptions) over its own list."""
        hyphenation = self.hyphenation
        return replace(self, hyphenation=replace(
            hyphenation, exceptions=(*hyphenation.exceptions, *words)))

    @property
    def is_pdfx(self) -> bool:
        """A print-ready edition: PDF/X, in CMYK, with an output intent."""
        return (self.pdf_variant or "").lower().startswith("pdf/x")

    @property
    def is_tagged(self) -> bool:
        """An accessible edition: PDF/UA, tagged."""
        return (self.pdf_variant or "").lower().startswith("pdf/ua")

    @property
    def reference_docx(self) -> Path:
        """The house style the layout's DOCX drafts start from, when the layout holds one."""
        return self.folder / REFERENCE_DOCX

    @property
    def files(self) -> list[Path]:
        """What the layout's PDF editions are made of, and so depend on: its settings and
        hyphenation list, its template and those it takes in, its stylesheet and the shared
        fonts' (the faces of other scripts and emoji's too), with every file they import or
        name, every font of the shared fonts (check_fonts reads them all), and its output
        profile; not the notes or scripts kept beside them, nor the DOCX house style. Only
        files that exist, and only those inside layouts/ are read for what they name."""
        fonts = [path for path in sorted(self.fonts_folder.glob("*"))
                 if path.suffix.lower() in FONT_SUFFIXES]
        stylesheets = [self.folder / self.stylesheet, *sorted(self.fonts_folder.glob("*.css"))]
        profile = [self.folder / self.output_profile] if isinstance(self.output_profile, str) \
            else []
        found = [self.folder / SETTINGS, self.folder / HYPHENATION_EXCEPTIONS, *profile, *fonts,
                 *self.named_from(self.template_file(self.template), TEMPLATE_REFERENCE,
                                  self.template_file),
                 *(path for sheet in stylesheets for path in self.named_from(
                     sheet, CSS_REFERENCE, lambda name, sheet=sheet: named_file(sheet, name)))]
        return sorted({path for path in found if path.is_file()})

    def template_file(self, name: str) -> Path:
        """Where the template `name` is found: in the layout's folder, else the shared one."""
        own = self.folder / name
        return own if own.is_file() else self.templates_folder / name

    def named_from(self, path: Path, reference: re.Pattern,
                   where: Callable[[str], Path]) -> list[Path]:
        """`path` and the files it names by `reference` (`where` a name is), and theirs: a
        file of its kind (a stylesheet's @import) is read for what it names, another (a font,
        a picture) only listed, and so is one leading out of layouts/, for refuse_escapes to
        name."""
        kind, found, waiting = path.suffix, {}, [path]
        while waiting:
            path = waiting.pop()
            if path in found or not path.is_file():
                continue
            found[path] = None
            if path.suffix != kind or not lies_inside(path, self.folder.parent):
                continue
            text = COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))
            waiting += [where(name) for match in reference.finditer(text)
                        if (name := next(filter(None, match.groups())))
                        and ":" not in name]  # data: and other URLs name no file here
        return list(found)


def named_file(stylesheet: Path, url: str) -> Path:
    """The file a stylesheet's relative `url` names (its query and fragment aside)."""
    name = unquote(urlsplit(url).path)
    return Path(os.path.normpath(stylesheet.parent / name))


def hyphenation_exceptions(path: Path) -> tuple[str, ...]:
    """The words of a hyphenation list file (a layout's, or the project's source/
    hyphenation.txt; none without one): a word a line, written with hyphens where it may
    break; blank lines and lines from "#" on are not words."""
    if not path.is_file():
        return ()
    try:
        text = read_at_most(path, MAX_EXCEPTIONS_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PipelineError(path, "not UTF-8 text") from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        word = line.split("#", 1)[0].strip()
        if word:
            entries.append((f"line {number}", word))
    return checked_exceptions(entries, path)


def checked_exceptions(entries: list[tuple[str, str]], path: Path) -> tuple[str, ...]:
    """The `entries` of an exceptions list, each (where it stands in `path`, the entry):
    refused, naming the file and the entry, when one is no word written with hyphens where
    it may break, or when a word is written twice with other breaks."""
    written: dict[str, str] = {}
    for where, entry in entries:
        if not EXCEPTION.fullmatch(entry):
            raise PipelineError(path, f"{where}: {entry[:60]!r} is not a word written with "
                                      "hyphens where it may break (pro-ject; a word written "
                                      "whole never breaks)")
        word = entry.replace("-", "")
        if written.get(word, entry) != entry:
            raise PipelineError(path, f"{where}: {entry!r} breaks {word!r} otherwise than "
                                      f"{written[word]!r} before it; keep one")
        written[word] = entry
    return tuple(written.values())


def load_layout(layouts_dir: Path, name: str) -> Layout:
    import tomllib

    from pipeline.languages import PROFILES, Faces

    folder = layouts_dir / name
    settings_file = folder / SETTINGS
    if not settings_file.is_file():
        raise PipelineError(settings_file, f"no layout named {name!r}")
    try:
        settings = tomllib.loads(settings_file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise PipelineError(settings_file, f"not valid TOML ({error})") from None
    except RecursionError:
        raise PipelineError(settings_file, "not valid TOML (nested too deeply)") from None
    page_settings = settings.pop("page", {})
    faces = tuple(
        (fonts, Faces(settings.pop(f"{fonts}_body_font", ""),
                      settings.pop(f"{fonts}_heading_font", "")))
        for fonts in dict.fromkeys(profile.fonts for profile in PROFILES if profile.fonts))
    # (once each: the languages of a script may share its faces, as both Chinese do)
    symbol_fonts = settings.pop("symbol_fonts", [])
    if not isinstance(symbol_fonts, list) or not all(isinstance(family, str)
                                                     for family in symbol_fonts):
        raise PipelineError(settings_file, "symbol_fonts must be a list of font families in "
                                           'quotes: ["Noto Sans Symbols 2"]')
    symbol_fonts = tuple(symbol_fonts)
    languages = language_settings(settings.pop("language", {}), settings_file)
    if "measure" in settings:  # every language's, where its own cannot hold
        settings["measure"] = checked_measure(settings["measure"], settings_file)
    if "languages" in settings:
        raise PipelineError(settings_file, "unknown setting languages: a language's settings "
                                           "are a table, [language.zh]")
    try:
        page = Page(**{**page_settings, "marks": tuple(page_settings.get("marks", ()))})
        hyphenation = Hyphenation(**settings.pop("hyphenation", {}),
                                  exceptions=hyphenation_exceptions(
                                      folder / HYPHENATION_EXCEPTIONS))
        furniture = {key: Furniture(**settings.pop(key)) for key in ("running_heads", "folios")
                     if key in settings}
        justification = Justification(**settings.pop("justification", {}))
        layout = Layout(name=name, folder=folder, page=page, hyphenation=hyphenation,
                        justification=justification, faces=faces, symbol_fonts=symbol_fonts,
                        languages=languages, **furniture, **settings)
    except TypeError as error:
        raise PipelineError(settings_file, f"unknown setting ({error})") from None
    if page.size not in PAGE_SIZES_MM:
        raise PipelineError(settings_file, f"unknown page size {page.size!r}")
    for kind, placed in furniture.items():
        if placed.place not in PLACES:
            raise PipelineError(settings_file, f"unknown place {placed.place!r} of {kind}: "
                                               f"{' or '.join(PLACES)}")
    check_numbers(layout, settings_file)
    for tag, _ in languages:
        check_numbers(layout.for_language(tag), settings_file, f"[language.{tag}]: ")
    if layout.output_profile is not None and not profile_inside(layout, layouts_dir):
        raise PipelineError(settings_file,
                            f"output_profile {layout.output_profile!r} lies outside layouts/")
    if unknown_marks := set(page.marks) - set(MARKS):
        raise PipelineError(settings_file, f"unknown page marks {sorted(unknown_marks)}")
    # Marks start at marks_offset_mm from the trim, and never inside the bleed.
    if page.marks and max(page.marks_offset_mm, page.bleed_mm) >= page.bleed_mm + page.slug_mm:
        raise PipelineError(settings_file, "crop marks would start beyond the page's edge: "
                                           "raise bleed_mm or slug_mm, or lower marks_offset_mm")
    return layout


def language_settings(tables: object, settings_file: Path
                      ) -> tuple[tuple[str, tuple[tuple[str, object], ...]], ...]:
    """The tables of layout.toml's [language]: each a language tag's, of LANGUAGE_SETTINGS
    only, refused in one line naming the table otherwise."""
    if not isinstance(tables, dict) or not all(isinstance(table, dict)
                                               for table in tables.values()):
        raise PipelineError(settings_file, "language must hold a table for each language, "
                                           "[language.zh], of body_size_pt and margins")
    found = []
    for tag, table in tables.items():
        if unknown := sorted(set(table) - set(LANGUAGE_SETTINGS)):
            raise PipelineError(settings_file, f"[language.{tag}]: {', '.join(unknown)} cannot "
                                               f"be set for a language, only "
                                               f"{', '.join(LANGUAGE_SETTINGS)}")
        settings = {**table, **({"measure": checked_measure(table["measure"], settings_file,
                                                            f"[language.{tag}]: ")}
                                if "measure" in table else {})}
        found.append((tag.casefold(), tuple(sorted(settings.items()))))
    return tuple(sorted(found))


def checked_measure(value: object, settings_file: Path, table: str = "") -> tuple[int, ...]:
    """A layout's `measure`: the fewest and the most characters a line, refused otherwise."""
    if not (isinstance(value, list) and len(value) == 2
            and all(type(count) is int and count > 0 for count in value)
            and value[0] <= value[1]):
        raise PipelineError(settings_file, f"{table}measure must be the fewest and the most "
                                           "characters a line, [28, 32]")
    return tuple(value)


def check_numbers(layout: Layout, settings_file: Path, table: str = "") -> None:
    """Lengths and sizes are numbers, none negative (a negative margin or bleed would set text
    off the page), and the margins leave room for text; `table` names the language's table
    whose settings `layout` holds."""
    page = layout.page
    numbers = [(f.name, getattr(page, f.name)) for f in fields(page) if f.type == "float"]
    numbers += [(f.name, getattr(layout.hyphenation, f.name))
                for f in fields(layout.hyphenation) if f.type == "int"]
    for name, value in [*numbers, ("body_size_pt", layout.body_size_pt)]:
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not math.isfinite(value) or value < 0:
            raise PipelineError(settings_file, f"{table}{name} must be a number of 0 or more, "
                                               f"not {value!r}")
    if layout.body_size_pt <= 0:
        raise PipelineError(settings_file, f"{table}body_size_pt must be more than 0")
    if (page.margin_left_mm + page.margin_right_mm >= page.width_mm
            or page.margin_top_mm + page.margin_bottom_mm >= page.height_mm):
        raise PipelineError(settings_file, f"{table}the margins leave no room for text on the "
                                           f"{page.size} page")


def profile_inside(layout: Layout, layouts_dir: Path) -> bool:
    """Whether the output profile the layout names is a file under `layouts_dir`."""
    name = layout.output_profile
    return (isinstance(name, str) and "\0" not in name and not Path(name).is_absolute()
            and lies_inside(layout.folder / name, layouts_dir))


FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")


def check_fonts(layout: Layout) -> None:
    """Refuse, naming it, a font file of the shared fonts that is not a font or is cut short:
    WeasyPrint would silently set its text in another face of the family (a bold for the
    regular). Only each file's table directory is read, not its glyphs."""
    from fontTools.ttLib import TTFont, TTLibError

    for path in sorted(layout.fonts_folder.iterdir()):
        if path.suffix.lower() not in FONT_SUFFIXES:
            continue
        try:
            with TTFont(path, lazy=True) as font:
                size = path.stat().st_size
                tables = font.reader.tables.values()
                whole = path.suffix.lower() in (".woff", ".woff2") or all(
                    table.offset + table.length <= size for table in tables)
                readable = whole and "cmap" in font and "name" in font
        except (TTLibError, OSError, ValueError, AssertionError, struct.error):
            readable = False
        if not readable:
            raise PipelineError(path, "is not a font file that can be read (cut short or "
                                      "corrupt); put the font back from its source")
