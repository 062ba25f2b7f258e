"""A tagged PDF's structure tree as a reader walks it: its elements and their kids, and the
marked content each instruction of a page belongs to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pikepdf

from pipeline.pdf.pages import Instruction


def kids_of(element: pikepdf.Dictionary) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def is_element(kid) -> bool:
    return isinstance(kid, pikepdf.Dictionary) and "/S" in kid


def structure_elements(node) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under `node`, following /K."""
    for element, _ in elements_with_parents(node):
        yield element


def elements_with_parents(node) -> Iterator[tuple[pikepdf.Dictionary, pikepdf.Dictionary]]:
    """(element, parent) for every structure element under `node`."""
    for kid in kids_of(node):
        if is_element(kid):
            yield kid, node
            yield from elements_with_parents(kid)


def object_references(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    """The references to annotations (OBJR) an element holds, in order."""
    return [kid for kid in kids_of(element) if isinstance(kid, pikepdf.Dictionary)
            and kid.get("/Type") == pikepdf.Name.OBJR]


def link_target(annotation: pikepdf.Dictionary) -> str:
    """Where a link annotation leads: its address or its named destination."""
    action = annotation.get("/A")
    if isinstance(action, pikepdf.Dictionary) and "/URI" in action:
        return str(action.URI)
    return str(annotation.get("/Dest", ""))


def continues_link(link: pikepdf.Dictionary, piece: pikepdf.Dictionary, pages: dict) -> bool:
    """Whether the Link element `piece` is the rest of the Link `link`, set on a later line:
    it leads where `link` does, below it or on a later page (`pages`: each page's number by
    its object's objgen)."""
    first, rest = object_references(link), object_references(piece)
    if not first or not rest or link_target(first[-1].Obj) != link_target(rest[0].Obj):
        return False
    before, after = pages.get(first[-1].Pg.objgen, -1), pages.get(rest[0].Pg.objgen, -1)
    if before != after:
        return after > before
    # PDF's y grows upwards: the piece's top is at or below the foot of the line before.
    above, below = ([float(value) for value in reference.Obj.Rect]
                    for reference in (first[-1], rest[0]))
    return max(below[1], below[3]) <= min(above[1], above[3]) + 0.5


def edge_link(element, end: int) -> pikepdf.Dictionary | None:
    """The Link that `element` is, or that stands at its end (`end` -1) or its start (0)
    inside the elements wrapping it (a piece of emphasis holding a link's piece); None where
    content, or nothing, stands there."""
    while is_element(element):
        if element.S == pikepdf.Name.Link:
            return element
        kids = kids_of(element)
        if not kids:
            return None
        element = kids[end]
    return None


def split_link(before, after, pages: dict) -> bool:
    """Whether the siblings `before` and `after` end and start with pieces of one link set
    on two lines, each a Link of its own (bare, or inside a piece of emphasis each)."""
    first, rest = edge_link(before, -1), edge_link(after, 0)
    return (first is not None and rest is not None and first.objgen != rest.objgen
            and continues_link(first, rest, pages))


def marked_content_id(operands, operator) -> int | None:
    """The MCID a BDC operator opens, if it names one."""
    properties = operands[1] if str(operator) == "BDC" and len(operands) == 2 else None
    if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
        return int(properties.MCID)
    return None


# The operators that paint: text shown, images and forms, shadings, paths filled or stroked.
PAINTING = frozenset(("Tj", "TJ", "'", '"', "Do", "INLINE IMAGE", "sh", "S", "s", "f", "F",
                      "f*", "B", "B*", "b", "b*"))


def paints(operator: str) -> bool:
    return operator in PAINTING


@dataclass(frozen=True)
class MarkedSequence:
    """A marked-content sequence that has an MCID: where it opens and ends among the page's
    instructions (`end` None when it is never closed), and whether it paints anything."""

    mcid: int
    start: int
    end: int | None
    painted: bool


def marked_sequences(instructions: Iterable[tuple[list, str]]) -> list[MarkedSequence]:
    """Each marked-content sequence with an MCID of a page's (operands, operator)
    instructions, in the order they open."""
    opened: list[tuple[int, int | None]] = []  # (where, MCID) of each sequence open
    spans: dict[int, list] = {}  # MCID -> [start, end]
    painted: set[int] = set()
    for where, (operands, operator) in enumerate(instructions):
        operator = str(operator)
        if operator in ("BDC", "BMC"):
            mcid = marked_content_id(operands, operator)
            opened.append((where, mcid))
            if mcid is not None:
                spans[mcid] = [where, None]
        elif operator == "EMC" and opened:
            _, mcid = opened.pop()
            if mcid is not None:
                spans[mcid][1] = where
        elif paints(operator):
            painted |= {mcid for _, mcid in opened if mcid is not None}
    return [MarkedSequence(mcid, start, end, mcid in painted)
            for mcid, (start, end) in spans.items()]


def unmarked_paintings(instructions: Iterable[tuple[list, str]]) -> int:
    """How many of a page's paintings stand in no marked content with an MCID and in no
    artifact: content neither tagged nor an artifact, which PDF/UA-1 forbids (ISO 14289-1,
    7.1; Matterhorn 01-005) and a screen reader skips or reads out of order."""
    covered: list[bool] = []  # for each sequence open: tagged, or an artifact
    found = 0
    for operands, operator in instructions:
        operator = str(operator)
        if operator in ("BDC", "BMC"):
            covered.append(marked_content_id(operands, operator) is not None
                           or bool(operands) and operands[0] == pikepdf.Name.Artifact)
        elif operator == "EMC" and covered:
            covered.pop()
        elif paints(operator) and not any(covered):
            found += 1
    return found


def parent_tree(root: pikepdf.Dictionary) -> dict[int, object]:
    """The parent tree's entries by key: a page's array of elements by MCID, or an
    annotation's element."""
    nums = root.ParentTree.Nums
    return {int(nums[index]): nums[index + 1] for index in range(0, len(nums), 2)}


def marked_instructions(
        instructions: Iterable[Instruction]) -> Iterator[tuple[list, str, tuple, int | None]]:
    """Each of a page's instructions with its CTM (pages.placed's) and the MCID of the
    innermost marked content around it that has one (None outside any)."""
    innermost: list[int | None] = []  # for each sequence open, the MCID in force inside it
    for operands, operator, ctm in instructions:
        if operator in ("BDC", "BMC"):
            mcid = marked_content_id(operands, operator)
            innermost.append(innermost[-1] if mcid is None and innermost else mcid)
        elif operator == "EMC" and innermost:
            innermost.pop()
        yield operands, operator, ctm, innermost[-1] if innermost else None


def attribute(element: pikepdf.Dictionary, owner: str, key: str):
    """The value of `key` in the element's attributes of `owner` ("/List", "/Table"): /A is
    one attribute object or an array of them, each maybe followed by a revision number
    (ISO 32000-1, 14.7.5.2); None where none says."""
    attributes = element.get("/A")
    objects = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
    for candidate in objects:
        if (isinstance(candidate, pikepdf.Dictionary)
                and candidate.get("/O") == pikepdf.Name(owner) and key in candidate):
            return candidate[key]
    return None


def lists(node, depth: int = 0) -> Iterator[tuple[pikepdf.Dictionary, int]]:
    """Every list (L) under `node` in reading order, with how many lists it is nested in."""
    for kid in kids_of(node):
        if is_element(kid):
            nested = kid.S == pikepdf.Name.L
            if nested:
                yield kid, depth
            yield from lists(kid, depth + nested)
