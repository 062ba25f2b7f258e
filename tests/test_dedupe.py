import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.languages import NBSP
from pipeline.readers.cleaning import PHOTO_MARKER, clean_text
from pipeline.readers.scraped.dedupe import (
    MAX_PULL_QUOTES,
    PULL_QUOTE,
    Unit,
    deduplicate,
    report,
)


def texts(text: str) -> list[str]:
    return [unit.text for unit in deduplicate(text).units if unit.kind == "text"]


def test_repeated_lines_collapse_and_count():
    result = deduplicate("Byline, Role\nByline, Role\nbyline role\n\nBody text.")
    assert [(u.text, u.repeats) for u in result.units] == [("Byline, Role", 3), ("Body text.", 1)]
    assert [drop.lines for drop in result.drops] == [(2,), (3,)]


def test_near_twins_separated_by_blank_lines_and_markers_are_dropped():
    text = f"A caption here.\n\n{NBSP}\n\nA  caption here\n\nNext."
    assert texts(text) == ["A caption here.", "Next."]
    assert deduplicate(text).units[0].repeats == 2


@pytest.mark.parametrize(("bare", "credited"), [
    ("Volunteers planting trees at Lung Fu Shan.",
     "Volunteers planting trees at Lung Fu Shan. (Photo: Amy Lo)"),
    ("義工在龍虎山植樹。", "義工在龍虎山植樹。（攝影：盧美儀）"),
], ids=["English", "Chinese"])
@pytest.mark.parametrize("credit_first", [False, True], ids=["credit second", "credit first"])
def test_a_caption_written_again_with_its_credit_is_one_caption_credit_and_all(
        bare, credited, credit_first):
    """A caption a page writes twice, once with its picture's credit after it: one caption
    written twice (a figure's), the credited copy kept, the other dropped; both had been
    kept, paragraphs, the picture's place lost."""
    first, second = (credited, bare) if credit_first else (bare, credited)
    result = deduplicate(f"{first}\n\n{second}\n\nNext.")
    assert [(unit.text, unit.repeats) for unit in result.units] == [(credited, 2), ("Next.", 1)]
    assert [drop.text for drop in result.drops] == [bare]


def test_a_sentence_and_more_after_it_is_no_credited_twin():
    """A line saying another again and going on (not a credit) is its own."""
    assert texts("We planted trees.\n\nWe planted trees. Photos follow below.\n\nNext.") == [
        "We planted trees.", "We planted trees. Photos follow below.", "Next."]


def test_a_sentence_recurring_in_two_paragraphs_is_kept():
    text = "Same sentence. First para.\n\nSame sentence. Second para."
    assert texts(text) == ["Same sentence. First para.", "Same sentence. Second para."]


PARAGRAPH = ("Our tenants told us that repairs mattered most, and this year we listened. We "
             "rebuilt the repairs service from the ground up, with a named officer for every "
             "estate.")


@pytest.mark.parametrize(("quote", "paragraph"), [
    ("\u2018We rebuilt the repairs service from the ground up.\u2019", PARAGRAPH),
    ("\u201cWe rebuilt the repairs service from the ground up,\u201d", PARAGRAPH),
    ("「我們由零開始重建維修服務。」",
     "租戶告訴我們，維修最重要。今年我們由零開始重建維修服務，每個屋邨都有專責主任。"),
], ids=["single quotes", "double quotes", "chinese"])
def test_a_pull_quote_of_words_a_paragraph_says_is_dropped(quote, paragraph):
    """A line that is all a quotation of words a paragraph says (a page's pull quote, set
    large beside the text), anywhere in the text: dropped, the paragraph named in its place."""
    for text in (f"{paragraph}\n\n{quote}\n\nMore text after it.",
                 f"{quote}\n\nFirst.\n\n{paragraph}"):
        result = deduplicate(text)
        assert quote not in texts(text) and paragraph in texts(text)
        (drop,) = result.drops
        assert (drop.text, drop.reason, drop.kept_text) == (quote, PULL_QUOTE, paragraph)


def test_a_pull_quote_among_the_lines_of_a_page_not_wrapped_is_dropped():
    """A page copied with no blank lines is one block, each line a paragraph of its own."""
    quote = "「我們會以速度、效率和質量並重的方式推展工程。」"
    said = "政務司司長表示：「我們會以速度、效率和質量並重的方式推展工程。」這是政府的承諾。"
    text = f"第一段。\n{quote}\n{said}\n最後一段。"
    result = deduplicate(text)
    assert [unit.rows for unit in result.units] == [("第一段。", said, "最後一段。")]
    assert [(drop.text, drop.lines, drop.kept_text) for drop in result.drops] == [
        (quote, (2,), said)]


def test_a_text_of_many_quotations_is_a_collection_of_them_not_pull_quotes():
    """More lines that are quotations than a page sets pull quotes (MAX_PULL_QUOTES): the
    text's own, a collection of testimonials, kept, each of them said again or not."""
    said = [f"Resident {number} told us the repairs came within the week." for number in
            range(MAX_PULL_QUOTES + 1)]
    quoted = [f"\u2018{line}\u2019" for line in said]
    text = "\n\n".join([" ".join(said), *quoted])
    assert not deduplicate(text).drops


@pytest.mark.parametrize("text", [
    # A short quotation may recur; a quotation said nowhere else is the text's own.
    f"{PARAGRAPH} \u2018Thank you.\u2019\n\n\u2018Thank you.\u2019",
    f"{PARAGRAPH}\n\n\u2018Repairs are the one thing we will be judged on, year after year.\u2019",
])
def test_a_short_or_new_quotation_stays(text):
    assert not deduplicate(text).drops


def test_distant_repetition_is_kept():
    assert texts("Refrain.\n\nVerse.\n\nRefrain.") == ["Refrain.", "Verse.", "Refrain."]


def test_a_phrase_written_twice_on_one_line_is_halved():
    assert texts("Our people Our people\n\nText.") == ["Our people", "Text."]
    assert texts("Bora Bora\n\nText.") == ["Bora Bora", "Text."]


def test_a_line_of_chinese_and_english_written_twice_keeps_its_english_words_apart():
    # Mostly Chinese, the line is compared a character at a time, spaces aside: the half
    # kept is the line's own, the spaces between its English words still there.
    line = "The festival’s motto，藝術屬於每一個人——我們會繼續努力……, opened the season."
    assert texts(f"{line} {line}\n\nText.") == [line, "Text."]
    assert texts("主席報告 主席報告\n\n正文。") == ["主席報告", "正文。"]


def test_hard_wrapped_paragraph_reads_as_one():
    assert texts("one line\nwrapped here.\n\none line\nwrapped here") == ["one line wrapped here."]


def test_the_seed_report_names_each_drop_and_its_twin(seed_text):
    result = deduplicate(clean_text(seed_text))
    dropped = report("seed", result)["dropped"]
    assert len(dropped) == 3 + 5  # byline three more times, five captions once more
    for drop in dropped:
        lines = seed_text.split("\n")
        assert all(lines[n - 1].strip() for n in drop["lines"])
        assert drop["kept"]["lines"][0] < drop["lines"][0]


blocks = st.lists(
    st.sampled_from(["Alpha beta.", "alpha beta", "Gamma delta", "Our people Our people", NBSP,
                     "Epsilon.\nzeta.", "", "***"])
    | st.text(alphabet="ab .,\n\u00a0", max_size=20),
    max_size=15,
).map("\n\n".join)


@given(blocks)
def test_deduplication_is_idempotent(text):
    once = deduplicate(clean_text(text)).units
    twice = deduplicate(units_to_text(once)).units
    assert [(u.kind, u.text) for u in twice] == [(u.kind, u.text) for u in once]


@given(blocks)
def test_only_whole_repeated_blocks_lose_words(text):
    cleaned = clean_text(text)
    result = deduplicate(cleaned)
    kept = re.findall(r"\w+", units_to_text(result.units))
    dropped = [w for drop in result.drops for w in re.findall(r"\w+", drop.text)]
    assert sorted(kept + dropped) == sorted(re.findall(r"\w+", cleaned))
    for drop in result.drops:
        words = " ".join(re.findall(r"\w+", drop.text.casefold()))
        kept_words = " ".join(re.findall(r"\w+", drop.kept_text.casefold()))
        # A pull quote's words are said, in order, in the block it quotes; a twin's are its.
        assert words in kept_words if drop.reason == PULL_QUOTE else words == kept_words


def units_to_text(units: list[Unit]) -> str:
    """The deduplicated text, blocks separated by blank lines, as a source would hold it."""
    return "\n\n".join(PHOTO_MARKER if u.kind == "marker" else u.text for u in units) + "\n"


def test_the_report_quotes_each_dropped_line_as_the_source_writes_it():
    """A dropped line is quoted cleaned, as the model would have held it, and as the source
    writes it (`source`), so an editor finds it by searching the text (the copy-editor's
    finding: `© 2024 晨曦…` had been reported as `© 2024晨曦…`, `- FINAL` as `– FINAL`)."""
    from pipeline.model import Metadata
    from pipeline.readers.scraped import scraped_document

    text = ("Skip to main content\n\nOur year in review\n\nThe centre opened its doors to 412 "
            "families this year, twice as many as the year before.\n\n"
            "Sent: Friday, 14 March 2025 - FINAL\n\nBack to top\n\n"
            "© 2024 Riverside Centre. All rights reserved.\n")
    _, found = scraped_document("review", text, Metadata(title="Our year in review"))
    lines = text.split("\n")
    for drop in found["dropped"]:
        assert drop["source"] == [lines[number - 1] for number in drop["lines"]]
    footer = next(drop for drop in found["dropped"] if drop["text"].startswith("©"))
    assert footer["source"] == ["© 2024 Riverside Centre. All rights reserved."]


def test_a_units_text_once_read_is_that_of_its_own_rows():
    """Kept once read (the structure's tests read it again and again): a unit made from
    another with other rows (`replace`, `piece`, `apart`) reads its own."""
    unit = Unit("text", ("The walk opens", "in\tMay."), (1, 2))
    assert unit.text == "The walk opens in May."
    assert replace(unit, rows=("Closed", "in June.")).text == "Closed in June."
    assert unit.piece(0, 1).text == "The walk opens"
    assert [each.text for each in unit.apart()] == ["The walk opens", "in May."]
    assert unit.text == "The walk opens in May."
