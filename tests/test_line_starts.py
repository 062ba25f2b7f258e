"""Where lines start and end in the PDFs, measured with pdftotext: a sentence's dash ends a
line and never starts one, a name is never parted from its given name, a list item's last
word is never hyphenated, a hard-wrapped Chinese paragraph runs on with no space where its
source's lines met, and a Chinese call before 。 never starts a line, nor 。 after it. Texts of
our own set a paragraph again and again, its first word a letter (a character) longer each
time, so that each place comes to a line's end in some of them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipeline.checks.preflight import preflight
from pipeline.layouts import load_layout

from .conftest import ROOT
from .support import scraped_editions
from .typesetting import set_lines

LAYOUTS = ROOT / "layouts"
EDITIONS = ["print", "large-print"]
REPEATS = 30
LAST_WORD = "accommodation"  # each list item's last word, long enough to hyphenate

pytestmark = pytest.mark.slow  # each edition is rendered


def english(number: int) -> str:
    return (f"{'i' * number}n The number of visitors to the reading rooms rose once again "
            "-- the number of attendances at the talks rose too -- and Mr LEE Chi-keung, "
            "who chairs the Friends of the Library, thanked Ms WONG Mei-ling for her work.")


def item(number: int) -> str:
    return (f"- {'i' * number}n the grants for students, especially in the months after "
            f"their graduation, and the {LAST_WORD};")


def chinese(number: int) -> str:
    """A paragraph hard-wrapped as a web page's text is copied, a call before 。."""
    return (f"{'港' * number}本年度圖書館的借閱量上升百分之五，\n較去年增加不少，"
            "詳情請參考[1]。各區分館的開放時間\n亦已延長，市民對新服務的反應良好，"
            "我們會繼續努力。")


TEXTS = {
    "library-review": "\n\n".join(["Library review", *(english(n) for n in range(REPEATS)),
                                   "The grants cover:",
                                   "\n".join(item(n) for n in range(REPEATS))]),
    "library-review-zh": "\n\n".join(["圖書館年報", *(chinese(n) for n in range(REPEATS)),
                                      "註釋", "[1] 數字來自圖書館的統計。"]),
}


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[tuple[str, str], tuple[Path, list[str]]]:
    folder = tmp_path_factory.mktemp("line-starts")
    built = {}
    for name, text in TEXTS.items():
        document, pdfs = scraped_editions(folder, name, text, EDITIONS)
        for layout, pdf in pdfs.items():
            set_ = set_lines(pdf)
            lines = [" ".join(word for _, _, word in line.words) for line in set_]
            ending = lines.index("註釋") if "註釋" in lines else len(lines)  # the notes aside
            built[(name, layout)] = (pdf, lines[:ending], document, set_[:ending])
    return built


@pytest.mark.parametrize("layout", EDITIONS)
def test_a_sentence_dash_ends_a_line_and_a_name_stays_whole(editions, layout):
    _, lines, _, _ = editions[("library-review", layout)]
    assert not [line for line in lines if line.startswith("\u2013")]
    # The sweep brings dashes to the ends of lines.
    assert sum(line.endswith("\u2013") for line in lines) >= 3
    assert not [line for line in lines if line.endswith(("LEE", "WONG"))
                or line.startswith(("Chi-keung", "Mei-ling"))]


def test_a_list_items_last_word_is_never_hyphenated(editions):
    pdf, lines, _, _ = editions[("library-review", "print")]
    text = "\n".join(lines)
    assert text.count(f"{LAST_WORD};") == REPEATS
    # Earlier words of the items still are, where the lines want it.
    assert any(line.endswith(("-", "\u2010")) for line in lines)


def test_the_preflight_counts_every_hyphenated_line(editions):
    pdf, lines, document, _ = editions[("library-review", "print")]
    report = preflight(pdf, document, load_layout(LAYOUTS, "print"))
    summary = next(check.message for check in report.checks if check.rule == "typography")
    shown = sum(line.endswith(("-", "\u2010")) for line in lines)
    assert shown and f"{shown} hyphenated" in summary, (shown, summary)


@pytest.mark.parametrize("layout", EDITIONS)
def test_a_hard_wrapped_chinese_paragraph_runs_on_and_a_call_stays_with_its_words(editions,
                                                                                 layout):
    pdf, lines, document, set_ = editions[("library-review-zh", layout)]
    assert all("百分之五，較去年" in block.text for block in document.blocks[:REPEATS])
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          check=True, text=True).stdout
    assert "五， 較" not in text and "間 亦" not in text and "間亦" in text
    assert not [line for line in lines if line[:1] == "。"]
    # A raised call pdftotext reads as a line of its own follows the character before it on
    # its line, never the line's start.
    size = load_layout(LAYOUTS, layout).for_language(document.metadata.language).body_size_pt
    calls = [line for line in set_ if line.words and line.words[0][2] == "1"]
    for call in calls:
        assert any(other.page == call.page and abs(other.top - call.top) < size
                   and any(abs(end - call.left) < size / 4 for _, end, _ in other.words)
                   for other in set_ if other is not call), call
    # The sweep brings the call to the ends of lines.
    assert sum(line.endswith(("1", "1。", "考")) for line in lines) + len(calls) >= 2
