"""Tagged editions (PDF/UA) finished where WeasyPrint 70 leaves them short.

WeasyPrint marks the content of @page margin boxes (running heads, folios) with MCIDs
whose structure elements hang in the parent tree but not in the structure tree: content
that is neither tagged nor an artifact, which PDF/UA forbids. Here it becomes pagination
artifacts, as a reader should skip it. Every edition also gets page labels, so a
viewer's page numbers are the printed folios.
"""

from __future__ import annotations

import pikepdf

from pipeline.pdf.pages import transformed
from pipeline.pdf.structure import marked_content_id, marked_instructions, structure_elements

# Pagination artifacts: running heads (headers) and folios (footers) on every page.
HEADER = pikepdf.Dictionary(Type=pikepdf.Name.Pagination, Subtype=pikepdf.Name.Header)
FOOTER = pikepdf.Dictionary(Type=pikepdf.Name.Pagination, Subtype=pikepdf.Name.Footer)


def label_pages(pdf: pikepdf.Pdf) -> None:
    """Decimal page labels from 1, as the folio counter(page) prints them."""
    pdf.Root.PageLabels = pikepdf.Dictionary(
        Nums=pikepdf.Array([0, pikepdf.Dictionary(S=pikepdf.Name.D)]))


def mark_untagged_content_as_artifacts(pdf: pikepdf.Pdf) -> None:
    """Content whose structure element is not in the structure tree becomes an artifact,
    and leaves the parent tree."""
    root = pdf.Root.StructTreeRoot
    in_tree = {element.objgen for element in structure_elements(root)}
    nums = root.ParentTree.Nums
    for index in range(0, len(nums), 2):
        key, elements = int(nums[index]), nums[index + 1]
        if not isinstance(elements, pikepdf.Array) or key >= len(pdf.pages):
            continue  # an annotation's single element, not a page's marked content
        stray = {mcid for mcid, element in enumerate(elements)
                 if isinstance(element, pikepdf.Dictionary) and element.objgen not in in_tree}
        if stray:
            page = pdf.pages[key]
            make_artifacts(pdf, page, margin_artifacts(page, stray))


def make_artifacts(pdf: pikepdf.Pdf, page: pikepdf.Page,
                   kinds: dict[int, pikepdf.Dictionary]) -> None:
    """The marked-content sequences of the page's MCIDs in `kinds` made artifacts of the
    kind each names, and taken out of the parent tree."""
    instructions = []
    for operands, operator in pikepdf.parse_content_stream(page):
        mcid = marked_content_id(operands, operator)
        if mcid in kinds:
            operands = [pikepdf.Name.Artifact, kinds[mcid]]
        instructions.append((operands, operator))
    page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
    elements = parent_tree_entry(pdf, page)
    for mcid in kinds:
        if elements is not None and mcid < len(elements):
            elements[mcid] = None


def parent_tree_entry(pdf: pikepdf.Pdf, page: pikepdf.Page) -> pikepdf.Array | None:
    """The parent tree's array of the page's marked content, by MCID."""
    if "/StructParents" not in page.obj:
        return None
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    key = int(page.obj.StructParents)
    for index in range(0, len(nums), 2):
        if int(nums[index]) == key:
            return nums[index + 1]
    return None


def margin_artifacts(page: pikepdf.Page, mcids: set[int]) -> dict[int, pikepdf.Dictionary]:
    """Running heads and folios: a header above the page's middle, a footer below it."""
    heights = text_heights(page)
    middle = sum(map(float, (page.mediabox[1], page.mediabox[3]))) / 2
    return {mcid: HEADER if heights.get(mcid, middle) > middle else FOOTER for mcid in mcids}


def text_heights(page: pikepdf.Page) -> dict[int, float]:
    """The height on the page (points from its foot) where each marked-content sequence
    first places text: WeasyPrint sets each line with a text matrix (Tm) under its CTM."""
    heights: dict[int, float] = {}
    for operands, operator, ctm, mcid in marked_instructions(page):
        if operator in ("Tm", "Td", "TD") and mcid is not None:
            heights.setdefault(mcid, transformed(*map(float, operands[-2:]), ctm)[1])
    return heights


