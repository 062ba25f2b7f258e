import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pipeline.readers.cleaning import (
    INVISIBLE,
    NBSP,
    PHOTO_MARKER,
    clean_line,
    clean_text,
)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_quotes_curl_by_position():
    assert clean_line("the 'super-connector' role") == "the \u2018super-connector\u2019 role"
    assert clean_line("'The security' of people's") == "\u2018The security\u2019 of people\u2019s"
    assert clean_line('he said "yes" (\'no\')') == "he said \u201cyes\u201d (\u2018no\u2019)"
    assert clean_line("the graduates' incentive") == "the graduates\u2019 incentive"


def test_dashes_ellipses_and_ranges():
    assert clean_line("hours -- longer -- drew") == "hours \u2013 longer \u2013 drew"
    assert clean_line("one - two") == "one \u2013 two"
    assert clean_line("a - - a") == "a \u2013 \u2013 a"
    assert clean_line("in 2023-24 and 1999-2000") == "in 2023\u201324 and 1999\u20132000"
    assert clean_line("and so...") == "and so\u2026"
    assert clean_line("well-being and e-Channels") == "well-being and e-Channels"


def test_no_break_spaces_bind_numbers_to_what_they_count():
    assert clean_line("over HK$24 billion") == f"over HK$24{NBSP}billion"
    assert clean_line("about 41 per cent") == f"about 41{NBSP}per{NBSP}cent"
    assert clean_line("On 11 June, 2,700 claims") == f"On 11{NBSP}June, 2,700{NBSP}claims"
    assert clean_line("Mr Chan and Dr. Lee") == f"Mr{NBSP}Chan and Dr.{NBSP}Lee"
    # A year counts nothing.
    assert clean_line("In 2024 the year") == "In 2024 the year"


def test_white_space():
    assert clean_line("  two  spaces   here , and before ; punctuation  ") == (
        "two spaces here, and before; punctuation"
    )
    assert clean_line(f" {NBSP} ") == PHOTO_MARKER
    assert clean_line(" \t ") == ""


def test_the_seed_keeps_every_word_in_order(seed_text):
    cleaned = clean_text(seed_text)
    assert words(undo_typography(cleaned)) == words(seed_text)
    assert "'" not in cleaned and '"' not in cleaned
    assert len(cleaned.split("\n")) == len(seed_text.split("\n"))


text_lines = st.lists(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
    | st.sampled_from(["'quoted' text", 'a "b" c', "x -- y", "41 per cent", NBSP, "a...b"]),
    max_size=12,
).map("\n".join)


@given(text_lines)
def test_cleaning_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once


@given(text_lines)
def test_cleaning_never_changes_the_words(text):
    # Normalisation may compose characters, and invisible characters (a soft hyphen,
    # a zero-width space) are removed from inside words: compare in that form.
    expected = words(unicodedata.normalize("NFC", INVISIBLE.sub("", text)))
    assert words(undo_typography(clean_text(text))) == expected


def undo_typography(text: str) -> str:
    """The text with curly quotes, dashes, ellipses and no-break spaces made plain again.

    What the tests compare to check that cleaning changed the typography only, never
    the words.
    """
    table = str.maketrans(
        {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", NBSP: " "}
    )
    return text.translate(table).replace("\u2026", "...")
