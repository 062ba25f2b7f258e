"""The accessibility rules of tagged editions (PDF/UA): structure, language, title, labels."""

from __future__ import annotations

from pipeline.checks.preflight.report import Edition, Rule


def tagged_problems(edition: Edition) -> list[str]:
    root = edition.pdf.Root
    problems = []
    if "/StructTreeRoot" not in root:
        problems.append("no /StructTreeRoot")
    if root.get("/MarkInfo", {}).get("/Marked") is not True:
        problems.append("/MarkInfo /Marked is not true")
    return problems


def language_problems(edition: Edition) -> list[str]:
    language = edition.pdf.Root.get("/Lang")
    expected = edition.document.metadata.language
    # Language tags are case-insensitive: en-GB and en-gb are the same language.
    if language is None or str(language).casefold() != expected.casefold():
        return [f"catalog /Lang is {language and str(language)!r}, not {expected!r}"]
    return []


def display_title_problems(edition: Edition) -> list[str]:
    problems = []
    preferences = edition.pdf.Root.get("/ViewerPreferences", {})
    if preferences.get("/DisplayDocTitle") is not True:
        problems.append("/ViewerPreferences /DisplayDocTitle is not true")
    expected = edition.document.metadata.title
    titles = [str(edition.pdf.trailer.get("/Info", {}).get("/Title", "")),
              str(edition.pdf.open_metadata().get("dc:title", ""))]
    if expected not in titles:
        problems.append(f"no Info or XMP title {expected!r}")
    return problems


def page_label_problems(edition: Edition) -> list[str]:
    return [] if "/PageLabels" in edition.pdf.Root else ["no /PageLabels"]


TAGGED_RULES = (
    Rule("tagged", "error", tagged_problems),
    Rule("language", "error", language_problems),
    Rule("display-title", "error", display_title_problems),
    Rule("page-labels", "error", page_label_problems),
)
