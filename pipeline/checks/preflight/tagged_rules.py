"""The accessibility rules of tagged editions (PDF/UA): structure, language, title, labels."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

import pikepdf

from pipeline.checks.preflight.report import Edition, Rule
from pipeline.languages import PROFILES, Profile, holds_phrase, phrase_languages, profile_for
from pipeline.list_numbers import LIST_NUMBERING
from pipeline.model import (
    Document,
    LineBlock,
    Note,
    Quotation,
    SignOff,
    Table,
    given_languages,
    plain,
)
from pipeline.pdf.pages import Content, Reading
from pipeline.pdf.structure import (
    PAINTING,
    attribute,
    edge_link,
    elements_with_parents,
    is_element,
    kids_of,
    link_target,
    marked_sequences,
    object_references,
    parent_tree,
    split_link,
    structure_elements,
    unmarked_paintings,
)
from pipeline.pdf.text import marked_texts


def tagged_problems(edition: Edition) -> list[str]:
    """A tagged PDF that says it is one and conforms to PDF/UA-1 (ISO 14289-1): its structure
    tree, /MarkInfo /Marked true and no /Suspects (7.1), its XMP identifying the part it
    conforms to (5), and each page with annotations ordering them by its structure (/Tabs
    /S, 7.18.3)."""
    root = edition.pdf.Root
    problems = []
    if "/StructTreeRoot" not in root:
        problems.append("no /StructTreeRoot")
    if root.get("/MarkInfo", {}).get("/Marked") is not True:
        problems.append("/MarkInfo /Marked is not true")
    if root.get("/MarkInfo", {}).get("/Suspects") is True:
        problems.append("/MarkInfo /Suspects is true: the tags are not to be trusted")
    if str(edition.pdf.open_metadata().get("pdfuaid:part", "")) != "1":
        problems.append("the XMP does not identify the file as PDF/UA-1 (pdfuaid:part)")
    unordered = [number for number, page in enumerate(edition.pdf.pages, 1)
                 if page.obj.get("/Annots") and page.obj.get("/Tabs") != pikepdf.Name.S]
    if unordered:
        problems.append(f"page {unordered[0]}: its annotations are not in the order of its "
                        "structure (/Tabs /S)")
    return problems


def language_problems(edition: Edition) -> list[str]:
    language = edition.pdf.Root.get("/Lang")
    expected = edition.document.spoken_language
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


def structure_problems(edition: Edition) -> list[str]:
    """The tag tree is the document's: no per-page parts; one P per paragraph or line
    block, even across pages (a figure still without its picture is its caption, a P); one
    BlockQuote per displayed quotation; one Note, with an ID,
    per note; one Figure per picture, with alternative text and its box in points on its
    page, its Caption the element after it (never inside it: Alt stands for the Figure and
    all it holds, ISO 32000-1 14.9.3); a table's title the Caption opening its Table (a
    Table may hold one as its first or last kid, 14.8.4.3); every list saying how its items
    are numbered; every ID in the IDTree; every marked content named in the parent tree by
    the element that holds it; every link annotation once in a Link (link_problems)."""
    root = edition.pdf.Root.get("/StructTreeRoot")
    if root is None:
        return []  # the tagged rule says so
    elements = list(elements_with_parents(root))
    kinds = elements_by_kind(elements)
    problems = []
    if kinds.get(pikepdf.Name.Part):
        problems.append("the tree is cut into per-page Part elements")
    # A paragraph, or a block of lines (a byline, a sign-off): a Div holding a P a line.
    body = [element for kind in (pikepdf.Name.P, pikepdf.Name.Div)
            for element, parent in kinds.get(kind, [])
            if parent.get("/S") in (pikepdf.Name.Document, pikepdf.Name.Sect)]
    document = edition.document
    pictures = [figure for figure in document.figures if figure.image]
    # Who said a displayed quotation, under it, is a P of its BlockQuote (structure_tree.told).
    attributed = document.attributions
    wanted = (len(document.paragraphs) - len(attributed) + (document.byline is not None)
              + len([block for block in document.blocks if isinstance(block, SignOff | LineBlock)])
              + len(document.figures) - len(pictures))
    if len(body) != wanted:
        problems.append(f"{len(body)} P elements for {wanted} paragraphs (byline, sign-off, line"
                        " blocks and figures awaiting their pictures included): "
                        "a paragraph is cut at a page break, or one is missing")
    quoted = [element for element, _ in kinds.get(pikepdf.Name.BlockQuote, [])]
    runs = [len(list(run)) for quotation, run in itertools.groupby(
        range(len(document.blocks)),
        key=lambda index: isinstance(document.blocks[index], Quotation)
        or index in attributed) if quotation]
    held = [sum(is_element(kid) and kid.S == pikepdf.Name.P for kid in kids_of(element))
            for element in quoted]
    if held != runs:
        problems.append(f"BlockQuote elements holding {held} paragraphs for displayed "
                        f"quotations of {runs}: one is cut at a page break, or missing")
    problems += note_problems([note for note, _ in kinds.get(pikepdf.Name.Note, [])], document)
    figures = kinds.get(pikepdf.Name.Figure, [])
    if len(figures) != len(pictures):
        problems.append(f"{len(figures)} Figure elements for {len(pictures)} pictures")
    for figure, parent in figures:
        problems += box_problems(edition, figure) + caption_problems(figure, parent)
    tables = [table for table, _ in kinds.get(pikepdf.Name.Table, [])]
    problems += table_caption_problems(tables, document)
    problems += list_problems([element for element, _ in kinds.get(pikepdf.Name.L, [])])
    problems += id_tree_problems(root, elements)
    problems += parent_tree_problems(edition.pdf, root, elements)
    problems += marked_content_problems(edition, root)
    problems += empty_element_problems(elements)
    problems += link_problems(edition.pdf, root, elements)
    problems += heading_level_problems(elements)
    problems += table_header_problems(tables, document)
    return problems


def elements_by_kind(elements: list) -> dict[pikepdf.Name, list]:
    """The (element, parent) pairs of each structure type, in the tree's order, for the
    rules asking for one type each: reading an element's /S through pikepdf is most of the
    cost of a pass over the tree. An element whose /S is no name is of none."""
    kinds: dict[pikepdf.Name, list] = {}
    for element, parent in elements:
        if isinstance(kind := element.S, pikepdf.Name):
            kinds.setdefault(kind, []).append((element, parent))
    return kinds


def table_header_problems(tables: list, document: Document) -> list[str]:
    """Each table's header cells are TH elements, each saying whom it heads: a /Scope, or
    else the data cells name their headers in /Headers (PDF/UA-1 7.5; Matterhorn 15-003);
    a table of no header cells in the document aside."""
    headed = all(any(plain(cell).strip() for cell in table.header)
                 for table in document.blocks if isinstance(table, Table))
    problems = []
    for number, table in enumerate(tables, 1):
        cells = list(structure_elements(table))
        heads = [cell for cell in cells if cell.S == pikepdf.Name.TH]
        data = [cell for cell in cells if cell.S == pikepdf.Name.TD]
        if not heads and headed:
            problems.append(f"table {number} holds no header cells (TH)")
        elif (any(attribute(head, "/Table", "/Scope") is None for head in heads)
              and any(attribute(cell, "/Table", "/Headers") is None for cell in data)):
            problems.append(f"table {number}: header cells with no /Scope, over data cells "
                            "naming no /Headers")
    return problems


def heading_level_problems(elements: list) -> list[str]:
    """Numbered headings that open on another level than H1, or skip one going down (H1,
    then H3): PDF/UA-1, ISO 14289-1, 7.4.2; Matterhorn 14-002 and 14-003."""
    levels = [int(name[2:]) for element, _ in elements
              if re.fullmatch(r"/H[1-6]", name := str(element.S))]
    problems = [f"the first heading is H{levels[0]}, not H1"] if levels and levels[0] != 1 else []
    problems += [f"H{deeper} follows H{level}, skipping a level"
                 for level, deeper in zip(levels, levels[1:], strict=False) if deeper > level + 1]
    return problems


def link_problems(pdf: pikepdf.Pdf, root, elements: list) -> list[str]:
    """Each link annotation is held by one Link element (PDF/UA-1 7.18.5, ISO 32000-1
    14.8.4.4.2; Matterhorn 28-011), which its /StructParent names in the parent tree; no two
    lie over the same words (a screen reader would announce the link twice, Tab stop at it
    twice); and a link set on several lines is one Link holding each line's annotation, not
    a Link a line (bare, or each in a line's piece of the emphasis around it); none is of no
    width or height (ISO 32000-1 12.5.2: its rectangle locates it over its words). A Link
    holds a link annotation (14.8.4.4.2: it associates content with one); without, a screen reader
    announces a link that leads nowhere."""
    pages = {page.objgen: number for number, page in enumerate(pdf.pages)}
    holders: dict[tuple[int, int], list] = {}
    for element, _ in elements:
        for reference in object_references(element):
            holders.setdefault(reference.Obj.objgen, []).append(element)
    parents = parent_tree(root)
    problems, seen = [], set()
    for number, page in enumerate(pdf.pages, 1):
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") != pikepdf.Name.Link:
                continue
            where = f"page {number}: the link to {link_target(annotation)!r}"
            held = holders.get(annotation.objgen, [])
            if len(held) != 1:
                problems.append(f"{where} is held by {len(held)} structure elements, not one")
            elif held[0].S != pikepdf.Name.Link:
                problems.append(f"{where} is in a {str(held[0].S)[1:]}, not a Link element")
            elif getattr(parents.get(int(annotation.get("/StructParent", -1))), "objgen",
                         None) != held[0].objgen:
                problems.append(f"{where}: its /StructParent does not name its Link")
            over = (number, link_target(annotation),
                    tuple(round(float(value), 1) for value in annotation.get("/Rect", ())))
            if len(over[2]) == 4 and (over[2][0] == over[2][2] or over[2][1] == over[2][3]):
                problems.append(f"{where} is a link annotation of no width or height, over no "
                                "text (Tab stops at it unseen)")
            if over in seen:
                problems.append(f"{where} is two link annotations over the same words")
            if not str(annotation.get("/Contents", "")).strip():
                problems.append(f"{where} has no /Contents describing it (PDF/UA-1 7.18.5)")
            seen.add(over)
    links = [element for element, _ in elements if element.S == pikepdf.Name.Link]
    nowhere = [element for element in links
               if not any(reference.Obj.get("/Subtype") == pikepdf.Name.Link
                          for reference in object_references(element))]
    if nowhere:
        problems.append(f"{len(nowhere)} Link elements hold no link annotation (a link to "
                        f"nothing, as a reference to a note the text does not hold)")
    # Only the kids of an element holding a Link may end and start with pieces of one.
    holding = {link.objgen for link in links}
    for element, parent in reversed(elements):  # each element's kids before it
        if element.objgen in holding:
            holding.add(parent.objgen)
    for element, _ in elements:
        if element.objgen not in holding:
            continue
        kids = kids_of(element)
        for before, after in zip(kids, kids[1:], strict=False):
            if split_link(before, after, pages):
                target = link_target(object_references(edge_link(before, -1))[-1].Obj)
                problems.append(f"the link to {target!r}, set on several lines, is a Link a"
                                " line, not one Link")
    return problems


def list_problems(lists: list[pikepdf.Dictionary]) -> list[str]:
    """Each L of the tree's `lists` names its numbering (/ListNumbering, one of ISO 32000-1's
    Table 347), which PDF/UA-1 (7.6) asks of a numbered list and assistive technology reads
    of any."""
    names = {f"/{name}" for name in (*LIST_NUMBERING.values(), "None")}
    unsaid = [element for element in lists
              if str(attribute(element, "/List", "/ListNumbering")) not in names]
    return [f"{len(unsaid)} of the lists (L) say no /ListNumbering of ISO 32000-1's"] \
        if unsaid else []


def note_problems(notes: list, document) -> list[str]:
    """One Note element, with an ID, per note."""
    wanted = len([block for block in document.blocks if isinstance(block, Note)])
    problems = [] if len(notes) == wanted else [f"{len(notes)} Note elements for {wanted} notes"]
    if any("/ID" not in note for note in notes):
        problems.append("a Note has no /ID")
    return problems


def caption_problems(figure: pikepdf.Dictionary, parent: pikepdf.Dictionary) -> list[str]:
    """A Figure has its alternative text, holds no Caption, and its Caption follows it."""
    problems = [] if str(figure.get("/Alt", "")).strip() else ["a Figure has no /Alt"]
    if any(is_element(kid) and kid.S == pikepdf.Name.Caption for kid in kids_of(figure)):
        problems.append("a Caption inside its Figure, hidden by the Figure's /Alt")
    siblings = [kid for kid in kids_of(parent) if is_element(kid)]
    position = next(index for index, kid in enumerate(siblings) if kid.objgen == figure.objgen)
    if position + 1 >= len(siblings) or siblings[position + 1].S != pikepdf.Name.Caption:
        problems.append("a Figure not followed by its Caption")
    return problems


def table_caption_problems(tables: list, document: Document) -> list[str]:
    """Each table with a title holds it as the Caption that opens its Table element."""
    titled = len([block for block in document.blocks if isinstance(block, Table) and block.caption])
    opened = len([element for element in tables
                  if next((kid.S for kid in kids_of(element) if is_element(kid)), None)
                  == pikepdf.Name.Caption])
    return [] if opened == titled else [
        f"{opened} Table elements open with their title's Caption, for {titled} titled tables"]


def id_tree_problems(root: pikepdf.Dictionary, elements: list) -> list[str]:
    """Every element's /ID is in the /IDTree, naming that element."""
    ids = {bytes(element.ID): element.objgen for element, _ in elements if "/ID" in element}
    names = list(root.get("/IDTree", {}).get("/Names", []))
    tree = {bytes(key): element.objgen for key, element in zip(names[0::2], names[1::2],
                                                                strict=False)}
    missing = [key.decode("latin-1") for key, objgen in ids.items() if tree.get(key) != objgen]
    return [f"/ID {missing[0]!r} not in the /IDTree"] if missing else []


def box_problems(edition: Edition, figure: pikepdf.Dictionary) -> list[str]:
    """A figure with a picture has its own box, in points, on its page."""
    attributes = figure.get("/A")
    if attributes is None or "/BBox" not in attributes:
        return []  # no picture: nothing is drawn to have a box
    box = [float(value) for value in attributes.BBox]
    media = [float(value) for value in pikepdf.Page(figure.Pg).mediabox]
    inside = (media[0] - 1 <= box[0] < box[2] <= media[2] + 1
              and media[1] - 1 <= box[1] < box[3] <= media[3] + 1)
    return [] if inside else [f"a Figure's box {box} is not on its page {media}"]


def parent_tree_problems(pdf: pikepdf.Pdf, root, elements) -> list[str]:
    held = {}
    for element, _ in elements:
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                held[(element.Pg.objgen, kid)] = element.objgen
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
                held[(kid.Pg.objgen, int(kid.MCID))] = element.objgen
    keys = {int(page.get("/StructParents")): page.objgen for page in pdf.pages
            if "/StructParents" in page}
    problems = []
    for key, entry in parent_tree(root).items():
        page = keys.get(key)
        if page is None or not isinstance(entry, pikepdf.Array):
            continue
        for mcid, element in enumerate(entry):
            if element is not None and held.get((page, mcid)) != element.objgen:
                problems.append(f"the parent tree names the wrong element for MCID {mcid}")
    return problems


def page_marks(content: Content) -> tuple[list[tuple[int, bool]], int]:
    """(MCID, whether it paints anything) of each marked content of a page, in order; and
    how many of its paintings are neither tagged nor an artifact."""
    instructions = [(operands, operator) for operands, operator, _ in content.instructions]
    sequences = marked_sequences(instructions)
    return ([(sequence.mcid, sequence.painted) for sequence in sequences],
            unmarked_paintings(instructions))


MARKED = Reading(page_marks, "BDC BMC EMC " + " ".join(sorted(PAINTING)))


def marked_content_problems(edition: Edition, root) -> list[str]:
    """The parent tree names exactly each page's marked content (ISO 32000-1, 14.7.4.4):
    an element for every MCID the page marks, no entry (nor a null) for one it does not;
    no marked content that paints nothing, an element's text that is not there; and nothing
    painted that is neither tagged nor an artifact (PDF/UA-1 7.1, Matterhorn 01-005)."""
    parents = parent_tree(root)
    problems = []
    for number, (page, (marked, unmarked)) in enumerate(
            zip(edition.pdf.pages, edition.read(MARKED), strict=True), 1):
        if unmarked:
            problems.append(f"page {number}: {unmarked} painting{'s' * (unmarked != 1)} "
                            "neither tagged nor an artifact")
        entry = parents.get(int(page.obj.get("/StructParents", -1)))
        entry = list(entry) if isinstance(entry, pikepdf.Array) else []
        ids = {mcid for mcid, _ in marked}
        problems += [f"page {number}: the parent tree holds MCID {mcid}, which the page does"
                     " not mark" for mcid in range(len(entry)) if mcid not in ids]
        problems += [f"page {number}: MCID {mcid} is held by no element in the parent tree"
                     for mcid in sorted(ids) if mcid >= len(entry) or entry[mcid] is None]
        problems += [f"page {number}: MCID {mcid} marks nothing drawn"
                     for mcid, drawn in marked if not drawn]
    return problems


def empty_element_problems(elements: list) -> list[str]:
    """No element holds nothing: an empty Span or NonStruct is noise to assistive technology
    (the PDF Association's Tagged PDF Best Practice Guide: Syntax, 3.5). An empty table
    cell keeps its place in the table's grid."""
    empty = [element for element, _ in elements
             if element.S in (pikepdf.Name.Span, pikepdf.Name.NonStruct)
             and not kids_of(element)]
    return [f"{len(empty)} empty {str(empty[0].S)[1:]} elements"] if empty else []


def phrase_language_problems(profile: Profile, edition: Edition) -> list[str]:
    """In a document in another script, every marked content that `profile` is the first of
    its script to hold (Han for Chinese; Simplified Chinese's own characters for it) lies in
    an element whose language (its own /Lang, or its ancestors') is of its script, or is
    one its author gave a phrase (Cantonese, `yue`, which has no profile of its own)."""
    root = edition.pdf.Root
    language = str(root.get("/Lang", ""))
    if ("/StructTreeRoot" not in root or profile_for(language).script == profile.script
            or profile not in phrase_languages(edition.document.scripts)):
        return []  # reading the pages' text back is for documents that may hold its words
    texts = marked_texts(edition.pdf)
    given = {tag for _, tag in given_languages(edition.document)} - {language}
    untagged = [key for key, spoken_as in marked_languages(root.StructTreeRoot, language)
                if holds_phrase(texts.get(key, ""), profile)
                and profile_for(spoken_as).script != profile.script and spoken_as not in given]
    if not untagged:
        return []
    first, name = texts[untagged[0]], profile.name
    article = "an" if name[0] in "AEIOU" else "a"
    return [f"{len(untagged)} pieces of {name} text without {article} {name} /Lang, as "
            f"{first!r}"]


def marked_languages(element, language: str, page=None) -> Iterator[tuple[tuple, str]]:
    """((page, MCID), the language it is spoken in) for every marked content in the tree."""
    language = str(element.get("/Lang", language))
    page = element.get("/Pg", page)
    for kid in kids_of(element):
        if is_element(kid):
            yield from marked_languages(kid, language, page)
        elif isinstance(kid, int) and page is not None:
            yield (page.objgen, kid), language
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
            yield (kid.Pg.objgen, int(kid.MCID)), language


def undescribed_pictures(edition: Edition) -> list[str]:
    """Pictures whose alternative text is the default, which leaves their description to
    the caption: valid PDF/UA (Matterhorn 13-004 asks only that a Figure have one), but
    whether the caption says what the picture shows is for a person to judge, as an auditor
    does (WCAG 1.1.1: a text alternative serving the picture's purpose)."""
    default = profile_for(edition.document.metadata.language).reader_words.alt
    metadata = f"{edition.document.name}.toml"
    return [f"figure {figure.number} has no [alt] in {metadata}: its caption alone, after "
            f"“{default}”, describes its picture" for figure in edition.document.figures
            if figure.image and not figure.alt]


TAGGED_RULES = (
    Rule("tagged", "error", tagged_problems),
    Rule("logical-structure", "error", structure_problems, reads=(MARKED,)),
    Rule("language", "error", language_problems),
    # One a language with a script of its own ("chinese-language").
    *(Rule(profile.rule, "error", functools.partial(phrase_language_problems, profile))
      for profile in PROFILES if profile.rule),
    Rule("display-title", "error", display_title_problems),
    Rule("page-labels", "error", page_label_problems),
    Rule("picture-descriptions", "warning", undescribed_pictures),
)
