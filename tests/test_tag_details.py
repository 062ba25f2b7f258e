"""The tag tree's details a screen reader stumbles on: no element holding nothing (the Span
that kept a note's reference with its word, a byline's space the line dropped), a byline's
and a sign-off's lines each a P of their own inside the block's Div, and a parent tree that
names exactly the marked content of each page (ISO 32000-1, 14.7.4.4), nothing made an
artifact left in it. An English and a Chinese text, each with notes, a byline and a list;
the preflight's logical-structure rule flags each fault. No Span groups other elements saying
nothing of its own."""

from __future__ import annotations

import pikepdf
import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout
from pipeline.pdf.structure import (
    attribute,
    is_element,
    kids_of,
    lists,
    marked_content_id,
    structure_elements,
)
from pipeline.pdf.text import element_text, marked_texts

from .conftest import ROOT
from .support import tagged_editions

pytestmark = pytest.mark.slow  # tagged editions are rendered

LAYOUTS = ROOT / "layouts"
TEXTS = ROOT / "tests" / "texts" / "tag_details"
NAMES = ("ferries-chief-executive", "ferry-master-review")


edition = tagged_editions(TEXTS, NAMES)


def page_marked_content(page) -> list[int]:
    return [mcid for operands, operator in pikepdf.parse_content_stream(page)
            if (mcid := marked_content_id(operands, str(operator))) is not None]


def test_no_element_holds_nothing(edition):
    with pikepdf.open(edition[0]) as pdf:
        empty = [str(element.S) for element in structure_elements(pdf.Root.StructTreeRoot)
                 if not kids_of(element)]
    assert empty == []


def test_no_span_only_groups_other_elements_saying_nothing_of_its_own(edition):
    """WeasyPrint's Span of an HTML span around the Span of its text (the title's, the
    imprint's, the byline's): a level of the tree an auditor reads through for nothing."""
    with pikepdf.open(edition[0]) as pdf:
        grouping = [element for element in structure_elements(pdf.Root.StructTreeRoot)
                    if element.S == pikepdf.Name.Span and kids_of(element)
                    and all(is_element(kid) for kid in kids_of(element))
                    and set(element.keys()) <= {"/Type", "/S", "/P", "/K", "/Pg"}]
    assert grouping == []


def test_parent_tree_names_exactly_each_pages_marked_content(edition):
    with pikepdf.open(edition[0]) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[index]): nums[index + 1] for index in range(0, len(nums), 2)}
        held = {}
        for element in structure_elements(pdf.Root.StructTreeRoot):
            for kid in kids_of(element):
                if isinstance(kid, int):
                    held[(element.Pg.objgen, kid)] = element.objgen
                elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
                    held[(kid.Pg.objgen, int(kid.MCID))] = element.objgen
        for page in pdf.pages:
            marked = page_marked_content(page)
            entry = parents[int(page.obj.StructParents)]
            assert marked == list(range(len(marked)))  # numbered in the order drawn
            assert len(entry) == len(marked)
            assert [element.objgen for element in entry] == [
                held[(page.obj.objgen, mcid)] for mcid in marked]


def test_a_bylines_lines_are_read_apart(edition):
    path, document, _, _ = edition
    with pikepdf.open(path) as pdf:
        texts = marked_texts(pdf)
        document_element = kids_of(pdf.Root.StructTreeRoot)[0]
        blocks = [[element_text(line, texts).strip() for line in kids_of(element)]
                  for element in kids_of(document_element)
                  if is_element(element) and element.S == pikepdf.Name.Div]
    byline = document.byline
    if byline.role_first:  # one line: the role, then the name
        assert blocks == []
    else:
        name = ", ".join((byline.name, *byline.honours))
        assert [line.split() for line in blocks[0]] == [name.split(), byline.role.split()]


def test_chinese_numerals_are_numbered_none(edition):
    path, document, _, _ = edition
    with pikepdf.open(path) as pdf:
        numbering = [str(attribute(element, "/List", "/ListNumbering"))
                     for element, _ in lists(pdf.Root.StructTreeRoot)]
    assert numbering == (["/None"] if document.metadata.language == "zh-HK" else ["/Decimal"])


def test_the_preflight_passes_it(edition):
    path, document, layout, _ = edition
    report = preflight(path, document, load_layout(LAYOUTS, layout), TEXTS)
    assert [check.message for check in report.errors] == []


def test_the_preflight_flags_what_the_auditor_does(edition, tmp_path):
    """A null left for an MCID the page no longer marks, and an empty Span."""
    path, document, layout, _ = edition
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot
        entry = root.ParentTree.Nums[1]
        entry.append(None)
        paragraph = next(element for element in structure_elements(root)
                         if element.S == pikepdf.Name.P)
        paragraph.K = pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.Span, P=paragraph)),
            *kids_of(paragraph)])
        broken = tmp_path / path.name
        pdf.save(broken)
    report = preflight(broken, document, load_layout(LAYOUTS, layout), TEXTS)
    message = " ".join(check.message for check in report.errors)
    assert "which the page does not mark" in message
    assert "1 empty Span elements" in message


def test_finishing_holds_the_instructions_of_a_long_documents_first_pages_only(tmp_path):
    """The pages past CACHED_PAGES are parsed again by each step and written back as
    rewritten: the same file as when every page is held, without their memory."""
    import io

    import pikepdf
    from weasyprint import HTML

    from pipeline.pdf import pages
    from pipeline.pdf.pages import PageContents

    html = "".join(f'<p style="break-after: page">Page {number}</p>' for number in range(30))
    data = HTML(string=html).write_pdf()

    def rewritten(cached: int) -> bytes:
        original, pages.CACHED_PAGES = pages.CACHED_PAGES, cached
        try:
            with pikepdf.open(io.BytesIO(data)) as pdf:
                contents = PageContents(pdf)
                for page in pdf.pages:
                    contents.rewrite(page, [([], "q"), *contents.instructions(page), ([], "Q")])
                for page in pdf.pages:  # a second step reads what the first rewrote
                    contents.rewrite(page, contents.instructions(page)[1:])
                assert len(contents.parsed) == min(cached, 30)
                contents.write()
                output = io.BytesIO()
                pdf.save(output, deterministic_id=True)
                return output.getvalue()
        finally:
            pages.CACHED_PAGES = original

    assert rewritten(24) == rewritten(100)
