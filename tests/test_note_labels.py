"""A note's text hangs from its number: the first line's first word starts where the lines
turned over under it start, as a typesetter sets endnotes (InDesign's hanging indent, LaTeX's
\\@makefntext), in every edition and language. The space written after the number in the HTML
(so the number and the text read apart) had stood in the first line, a word space further in."""

from __future__ import annotations

import pytest

from .support import scraped_editions
from .typesetting import measured, set_lines

pytestmark = pytest.mark.slow  # each edition is rendered

EDITIONS = ["print", "large-print"]

TEXTS = {
    "ferry-notes": ("Ferry services", "Notes", [
        "Crossings on the outlying island routes rose by a fifth over the year.[1] The "
        "night services, cut back in the spring, were restored in full by the autumn.[2]",
        "The operators' accounts, audited in March, are published with the franchise "
        "agreements and the fare tables that the Transport Department approved.",
        "Night services run from Central to the four islands between midnight and six in "
        "the morning, at the same fares as by day, whatever the weather at sea."]),
    "ferry-notes-zh": ("渡輪服務", "註釋", [
        "離島航線的乘客人次全年上升約五分之一。[1]春季削減的通宵服務亦已於秋季全面恢復。[2]",
        "營辦商的賬目已於三月完成審計，連同專營權協議及運輸署批准的票價表一併在網上公布，"
        "供市民查閱及下載，亦可在各碼頭的客務中心索取印本。",
        "通宵航線每晚由中環開往四個離島，開航時間由午夜至清晨六時，收費與日間相同，"
        "如遇惡劣天氣，航班或會取消，乘客應留意營辦商在碼頭及網站發出的最新消息。"]),
}


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("note-labels")
    built = {}
    for name, (title, heading, (paragraph, *notes)) in TEXTS.items():
        text = "\n\n".join([title, paragraph, heading,
                            "\n".join(f"[{n}] {note}" for n, note in enumerate(notes, 1))])
        _, pdfs = scraped_editions(folder, name, text, EDITIONS)
        built.update({(name, layout): pdf for layout, pdf in pdfs.items()})
    return built


@pytest.mark.parametrize("name", TEXTS)
@pytest.mark.parametrize("layout", EDITIONS)
def test_a_notes_first_line_starts_where_its_turned_lines_do(editions, name, layout):
    lines = set_lines(editions[(name, layout)])
    heading = next(i for i, line in enumerate(lines) if line.words[0][2] == TEXTS[name][1])
    notes = sorted(lines[heading + 1:], key=lambda line: (line.page, round(line.top), line.left))
    labels = [line for line in notes if [word[2] for word in line.words] in (["1"], ["2"])]
    assert len(labels) == 2, [line.words for line in notes]
    for label in labels:
        # pdftotext makes the number a line of its own, beside its text's first line
        first, turned = [line for line in notes if line is not label
                         and (line.page, line.top) >= (label.page, label.top - 1)][:2]
        assert abs(first.top - label.top) < 1 and turned.top > first.top + 1
        assert abs(first.left - turned.left) < 0.3, (
            f"note {label.words[0][2]}: its text starts {first.left - turned.left:+.2f} pt "
            "off the lines under it")


@pytest.mark.parametrize("layout", ["print", "screen"])
def test_notes_with_no_heading_stand_apart_from_the_text_under_a_short_rule(tmp_path, layout):
    """Notes under the last paragraph, or under the sign-off, with no heading of their own:
    a space and a short rule part them from the text, as a book sets its notes."""
    import pypdfium2 as pdfium

    title, _, (paragraph, *notes) = TEXTS["ferry-notes"]
    text = "\n\n".join([title, paragraph, "\n".join(f"[{n}] {note}"
                                                    for n, note in enumerate(notes, 1))])
    _, pdfs = scraped_editions(tmp_path, "ferry", text, [layout])
    lines = measured(pdfs[layout]).lines
    label = next(line for line in lines if line.text.strip() == "1")
    body = max((line for line in lines if line.page == label.page and line.top < label.top
                and line.height > label.height), key=lambda line: line.bottom)
    gap = (body.bottom, label.top)
    assert gap[1] - gap[0] > 15  # more than a line's leading: a space and the rule
    page = pdfium.PdfDocument(pdfs[layout])[label.page - 1]
    image = page.render(scale=2, may_draw_forms=False).to_pil().convert("L")
    # The trim's top edge in the rendered page (print has a bleed and a slug around it).
    offset = float(page.get_cropbox()[3]) - float(page.get_trimbox()[3])
    ruled = [y for y in range(int(2 * (gap[0] + offset)) + 1, int(2 * (gap[1] + offset)))
             if sum(image.getpixel((x, y)) < 200 for x in range(image.width)) > 100]
    assert ruled, f"no rule between the text and its notes ({gap})"
