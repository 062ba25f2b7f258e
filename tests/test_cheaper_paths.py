"""Work done once or more cheaply gives what it gave before: the boxes of a page walked in
document order with a stack (once while a layout is read for its mends), a span with no name in it left as it is, a glyph adjustment
made with less work still written to a hundredth, a template shared by the layouts compiled
once a process (and again once edited), a PDF's hyphenation list read without the text
readers (ftfy)."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

from jinja2 import Environment

from pipeline.writers.html import environment
from pipeline.writers.line_breaks import WORD_JOINER, kept_together
from pipeline.writers.pdf.glyph_positions import Adjustment, adjustment
from pipeline.writers.pdf.placement import descendants, outer_boxes, walked_once


def box(name: str, *children) -> SimpleNamespace:
    return SimpleNamespace(name=name, children=list(children))


def walked_by_recursion(node):
    yield node
    for child in getattr(node, "children", ()):
        yield from walked_by_recursion(child)


def test_a_page_s_boxes_are_walked_each_before_its_children_in_document_order():
    text = SimpleNamespace(name="text")  # a text box: no children attribute
    page = box("page", box("html", box("body", box("h1", box("line", text)),
                                       box("p", box("line"), box("line")), box("empty")),
                               box("footer")),
               box("margin", SimpleNamespace(name="folio")))
    walked = [node.name for node in descendants(page)]
    assert walked == [node.name for node in walked_by_recursion(page)]
    assert walked == ["page", "html", "body", "h1", "line", "text", "p", "line", "line",
                      "empty", "footer", "margin", "folio"]


def test_a_page_s_outer_boxes_are_walked_once_while_its_layout_is_read_and_afresh_after():
    """While the mends read a layout, a page's walk is kept for each that asks; after, a
    page carried over into the next layout, given its elements, is walked afresh."""
    def element_box(element: str, *children) -> SimpleNamespace:
        return SimpleNamespace(element=element, children=list(children))

    body = element_box("body", element_box("p", element_box(None)), element_box("figure"))
    page = SimpleNamespace(children=[element_box("html", body)])
    with walked_once():
        first = list(outer_boxes(page))
        body.children.append(element_box("table"))  # never so while read: the walk is kept
        assert list(outer_boxes(page)) == first
    assert [element for element, _ in first] == ["html", "body", "p", "figure"]
    assert [element for element, _ in outer_boxes(page)][-1] == "table"


def test_a_page_many_levels_deep_is_walked_whole():
    leaf = node = box("leaf")
    for level in range(2000):  # deeper than Python's recursion limit allows generators
        node = box(f"level {level}", node)
    assert list(descendants(node))[-1] is leaf


def test_text_without_a_name_s_hyphen_is_left_as_written():
    for text in ("cross-boundary well-being", "", "港珠澳大橋", "a plain sentence."):
        assert kept_together(text, "en-GB", last=False) == text
    assert kept_together("CHAN Tai-man", "en-GB", last=False) == f"CHAN Tai-{WORD_JOINER}man"


def test_a_glyph_adjustment_is_a_whole_number_written_to_a_hundredth():
    for value, written in ((-12.3456, "-12.35"), (250.0, "250"), (0.004, "0"),
                           (-0.5, "-0.5"), (7.1, "7.1"), (3, "3")):
        adjustment = Adjustment(value)
        assert adjustment == int(value)
        assert f">{adjustment}<" == f">{written}<"
        assert f"{adjustment:d}" == str(int(value))


def test_a_recurring_glyph_adjustment_is_made_once_and_each_value_written_as_its_own():
    assert adjustment(0.0196) is adjustment(0.0196)
    assert [f"{adjustment(value)}" for value in (-0.0013, 0.0013, 12.345, 12.3449)] == [
        "-0", "0", "12.35", "12.34"]


def test_a_template_shared_by_layouts_is_compiled_once_and_again_once_edited(tmp_path,
                                                                            monkeypatch):
    shared = tmp_path / "templates"
    shared.mkdir()
    template = shared / "document.html"
    template.write_text("<p>{{ words }}</p>", encoding="utf-8")
    folders = [tmp_path / name for name in ("print", "screen", "large-print")]
    for folder in folders:
        folder.mkdir()
    compiled = []
    compile_source = Environment.compile

    def counted(self, source, *arguments, **options):
        compiled.append(source)
        return compile_source(self, source, *arguments, **options)

    monkeypatch.setattr(Environment, "compile", counted)
    rendered = [environment(folder, shared).get_template("document.html").render(words="a")
                for folder in folders]
    assert rendered == ["<p>a</p>"] * 3 and len(compiled) == 1
    template.write_text("<div>{{ words }}</div>", encoding="utf-8")
    os.utime(template, (1, 1))  # another time: each environment looks at the file again
    environment.cache_clear()
    assert environment(folders[1], shared).get_template("document.html").render(
        words="b") == "<div>b</div>"
    assert len(compiled) == 2


def test_a_pdf_s_step_reads_the_hyphenation_list_without_importing_the_text_readers(
        tmp_path):
    metadata = tmp_path / "x.toml"
    metadata.write_text('title = "A Review"\nhyphenation = ["pro-ject"]\n', encoding="utf-8")
    script = ("import sys\n"
              "from pathlib import Path\n"
              "from pipeline.readers.metadata import load_hyphenation\n"
              f"print(load_hyphenation(Path({str(metadata)!r})))\n"
              "print(sorted(name for name in ('ftfy', 'pipeline.readers.cleaning',\n"
              "                               'pipeline.readers.decoding') if name in sys.modules))\n")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert shown == ["('pro-ject',)", "[]"]
