import re
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.readers.cleaning import (
    INVISIBLE,
    NBSP,
    PHOTO_MARKER,
    clean_line,
    clean_text,
    reading_in,
)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_quotes_curl_by_position():
    assert clean_line("the 'super-connector' role") == "the \u2018super-connector\u2019 role"
    assert clean_line("'The security' of people's") == "\u2018The security\u2019 of people\u2019s"
    assert clean_line('he said "yes" (\'no\')') == "he said \u2018yes\u2019 (\u2018no\u2019)"
    assert clean_line("the graduates' incentive") == "the graduates\u2019 incentive"


@pytest.mark.parametrize(("written", "set_as"), [
    ('he said "we\'ll see \'the river\' first" later',
     "he said \u2018we\u2019ll see \u201cthe river\u201d first\u2019 later"),
    ("'I don't know \"why\",' she said",
     "\u2018I don\u2019t know \u201cwhy\u201d,\u2019 she said"),
    ('"the volunteers\' work"', "\u2018the volunteers\u2019 work\u2019"),
    ("'a \"b 'c' d\" e'", "\u2018a \u201cb \u2018c\u2019 d\u201d e\u2019"),
    ('a quotation going on.\" Then', "a quotation going on.\u2019 Then"),
    ("\u201cWord\u2019s\u201d quotes", "\u2018Word\u2019s\u2019 quotes"),
    ('"the volunteers\' \'pride\'"', "\u2018the volunteers\u2019 \u201cpride\u201d\u2019"),
    ("'a' and 'b'", "\u2018a\u2019 and \u2018b\u2019"),
    ('"It was \'rock \'n\' roll\'," he said',
     "\u2018It was \u201crock \u2019n\u2019 roll\u201d,\u2019 he said"),
    # A quote closing before a full stop, a plural's apostrophe later in the line: the
    # quote closes at its mark (it had closed at the apostrophe, `‘stayed”`).
    ('the word was "stayed". The coach of the under-twelves\' team',
     "the word was \u2018stayed\u2019. The coach of the under-twelves\u2019 team"),
])  # fmt: skip
def test_quotes_nest_single_outside_double_inside_whichever_the_author_used(written, set_as):
    assert clean_line(written) == set_as
    assert clean_line(set_as) == set_as


quoted_words = st.lists(
    st.tuples(st.sampled_from(["'", '"', "\u2018", "\u2019", "\u201c", "\u201d", ""]),
              st.sampled_from(["the", "volunteers", "don't", "'23", "'n'", "said", "s"]),
              st.sampled_from(["'", '"', "\u2019", "\u201d", "", "',", '."'])),
    max_size=8,
).map(lambda words: " ".join("".join(word) for word in words))


@given(quoted_words)
def test_quotes_nest_alike_when_the_line_is_set_again(line):
    once = clean_line(line)
    assert clean_line(once) == once


@pytest.mark.parametrize(("document", "lines", "set_as"), [
    # A paragraph broken into lines (a mail's, a copied page's): a quotation runs on.
    ("en-GB", 'He said, "The minister told us at the opening,\n"We open in May," and we'
              ' believed him." It opened in June.',
     "He said, \u2018The minister told us at the opening,\n\u201cWe open in May,\u201d and we"
     " believed him.\u2019 It opened in June."),
    ("zh-HK", '署長表示："我們會在五月開放碼頭，並於年底前完成\n所有工程。"碼頭於六月啟用。',
     "署長表示：「我們會在五月開放碼頭，並於年底前完成\n所有工程。」碼頭於六月啟用。"),
    ("zh-Hans", '署长表示："我们会在五月开放码头，并于年底前完成\n所有工程。"码头于六月启用。',
     "署长表示：“我们会在五月开放码头，并于年底前完成\n所有工程。”码头于六月启用。"),
    # A blank line ends the paragraph, and what it left open: each paragraph opens its own
    # (a quotation over several paragraphs opens each, as the house style writes it).
    ("en-GB", '"The first paragraph of a speech\n\n"and the second."',
     "\u2018The first paragraph of a speech\n\n\u2018and the second.\u2019"),
    ("zh-HK", '他說："第一段\n\n"第二段。"', "他說：「第一段\n\n「第二段。」"),
])  # fmt: skip
def test_a_quotation_runs_on_over_the_lines_of_a_wrapped_paragraph(document, lines, set_as):
    with reading_in(document):
        assert clean_text(lines, wrapped=True) == set_as


def test_a_tables_cells_are_quoted_each_alone():
    row = '"Piers opened\t"Ferries"\nin May," he said.'
    assert clean_text(row, wrapped=True) == (
        "\u2018Piers opened\t\u2018Ferries\u2019\nin May,\u2019 he said.")


def test_in_a_text_not_wrapped_each_line_is_quoted_alone():
    """A web page's paragraphs come a line each, with no blank line between: a quotation
    over two paragraphs opens each, at the outer level."""
    speech = '"The first paragraph of a speech.\n"The second, and its end."'
    assert clean_text(speech) == ("\u2018The first paragraph of a speech.\n"
                                  "\u2018The second, and its end.\u2019")


def test_dashes_ellipses_and_ranges():
    # The space before a sentence's dash is a no-break one: the dash ends a line (British).
    assert clean_line("hours -- longer -- drew") == "hours\u00a0\u2013 longer\u00a0\u2013 drew"
    assert clean_line("one - two") == "one\u00a0\u2013 two"
    assert clean_line("a - - a") == "a\u00a0\u2013\u00a0\u2013 a"
    assert clean_line("in 2023-24 and 1999-2000") == "in 2023\u201324 and 1999\u20132000"
    assert clean_line("and so...") == "and so\u2026"
    assert clean_line("well-being and e-Channels") == "well-being and e-Channels"


def test_no_break_spaces_bind_numbers_to_what_they_count():
    assert clean_line("over HK$24 billion") == f"over HK$24{NBSP}billion"
    assert clean_line("about 41 per cent") == f"about 41{NBSP}per{NBSP}cent"
    assert clean_line("On 11 June, 2,700 claims") == f"On 11{NBSP}June, 2,700{NBSP}claims"
    # A compound opening with a small word counts as any word; the small word alone none.
    assert clean_line("204 on-call staff, 12 on duty") == f"204{NBSP}on-call staff, 12 on duty"
    assert clean_line("Mr Chan and Dr. Lee") == f"Mr{NBSP}Chan and Dr.{NBSP}Lee"
    # A saint's name, as a church's or a hall's: "St" never ends a line.
    assert clean_line("at St Aidan's hall") == f"at St{NBSP}Aidan\u2019s hall"
    # An abbreviation a figure follows: a page, a number, a paragraph (never "up. 34").
    assert clean_line("(see pp. 34-36, No. 5 and para. 2)") == (
        f"(see pp.{NBSP}34\u201336, No.{NBSP}5 and para.{NBSP}2)")
    assert clean_line("It went up. 34 came") == f"It went up. 34{NBSP}came"
    # Circa before a year, as a catalogue dates an object (a line had parted "c." from 1910).
    assert clean_line("Collected c. 1910, sold ca. 1986") == (
        f"Collected c.{NBSP}1910, sold ca.{NBSP}1986")
    # A year counts nothing.
    assert clean_line("In 2024 the year") == "In 2024 the year"
    # Nor does a number before a function word: the word after it is no count's.
    assert clean_line("a deficit of £150,000 that we met, and the 22 who took badges") == (
        "a deficit of £150,000 that we met, and the 22 who took badges")
    assert clean_line("rose to 94 but we would") == "rose to 94 but we would"
    # A school's year or class is named by its number, which counts nothing after it.
    assert clean_line("Year 6 parents and Form 5 students") == "Year 6 parents and Form 5 students"
    # An amount counts in its multiple alone (`GBP 180,000` had been bound to `made`); its
    # currency's code stays with its figure.
    assert clean_line("a grant of GBP 180,000 made it possible, and £25 buys a kit") == (
        f"a grant of GBP{NBSP}180,000 made it possible, and £25 buys a kit")
    assert clean_line("raised GBP 1.2 million and £3 m") == (
        f"raised GBP{NBSP}1.2{NBSP}million and £3{NBSP}m")


def test_a_title_is_never_parted_from_the_name_after_it():
    """As Mr and Dr are: a professor, a knight, a councillor; a title written out ends a
    sentence where a full stop follows it, and a lower-case word after it is no name."""
    assert clean_line("Professor Richard TSANG and Prof. Ann Lee") == (
        f"Professor{NBSP}Richard TSANG and Prof.{NBSP}Ann Lee")
    assert clean_line("Sir Ian Hart, Dame Ruth Ng and Cllr Mark Hensby") == (
        f"Sir{NBSP}Ian Hart, Dame{NBSP}Ruth Ng and Cllr{NBSP}Mark Hensby")
    assert clean_line("Dear Sir or Madam, ask the Professor. Then") == (
        "Dear Sir or Madam, ask the Professor. Then")


@pytest.mark.parametrize(("written", "set_as"), [
    ("Rent arrears (£ million)", "Rent arrears (£\u00a0million)"),
    ("Expenditure (HK$ million)", "Expenditure (HK$\u00a0million)"),
    ("Grants (US$ bn)", "Grants (US$\u00a0bn)"),
    ("Income (HK$ '000)", "Income (HK$\u00a0\u2019000)"),
    ("Income (£'000)", "Income (£\u2019000)"),
    ("the £ sign and the $ key", "the £ sign and the $ key"),
])
def test_a_currency_stays_with_the_multiple_it_counts_in(written, set_as):
    """A table's heading "(£ million)" never breaks after the currency, and the apostrophe
    of "'000" (thousands) is one, not an opening quote."""
    assert clean_line(written) == set_as


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
    | st.sampled_from(["'quoted' text", 'a "b" c', "x -- y", "41 per cent", NBSP, "a...b",
                       "10am-4pm", "£1.2m-£1.5m", "1 April-31 July", "1990s-2000s",
                       "pp.12-15", "2023-24 that", "HK$2m-HK$3m-v2"]),
    max_size=12,
).map("\n".join)


@given(text_lines)
@example("0\t\u00a0")  # a row whose last cell is a no-break space: no row at all
@example("0\t\u200b")  # ... or an invisible character
@example(",(㐀")  # a comma before a bracket made full-width beside Chinese
@example("見表(1),(2)及(3)")  # ... and a bracket after a comma made full-width
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


@pytest.mark.parametrize("word", [
    "https://www.ssd.gov.hk/en/publications/annual-reports/2023-24/index.html",
    "www.example.org/reports/1999-2000/'draft'--final",
    "enquiry-2023-24@ssd.gov.hk",
    "Audited_Accounts_2023-24.pdf",
    "Digest_Ch3_2023-24.xlsx",
    "CB(4)1021/23-24",
    "HD/2023-24/0012",
    "HKU-2023-24",
])  # fmt: skip
def test_addresses_file_names_and_codes_are_carried_byte_for_byte(word):
    assert clean_line(f"See {word} for 2023-24.") == f"See {word} for 2023\u201324."
    assert clean_line(f"詳情見{word}。") == f"詳情見{word}。"


@pytest.mark.parametrize("code", [
    '<link rel="stylesheet" href="file:///etc/passwd">',
    "<img src='photos/quay.jpg' alt='The quay at dusk'>",
    '<td class="total" data-year="2023-24">',
    '<a xlink:href="#seal" title="The Trust\'s seal">',
])  # fmt: skip
def test_the_attributes_of_code_pasted_into_a_text_keep_their_straight_quotes(code):
    """Code is carried byte for byte: its attributes' quotes had been curled into no pair
    (`rel=”stylesheet’`: a closing double mark after the equals sign, a single one after the
    value)."""
    assert clean_line(f"Paste {code} into the page's head.") == \
        f"Paste {code} into the page\u2019s head."
    assert clean_line(f"請把{code}貼上。") == f"請把{code}貼上。"


@pytest.mark.parametrize("markup", [
    "<!-- the old menu -- kept for now -->",
    "<script>alert('x')</script>",
    "<STYLE>p{font-family:'Gill Sans'}</STYLE>",
    "<em>",
    "</b>",
    "<br/>",
])  # fmt: skip
def test_raw_html_in_a_text_is_carried_byte_for_byte(markup):
    """Raw HTML is printed as it stands: a comment's double hyphens had been a spaced en dash
    (`<! – … – >`), a script's quotes curled (`alert(‘x’)`). The sentence round it is still
    typeset, and angle brackets in prose are no tag."""
    assert clean_line(f"Delete {markup} -- it's 'old'.") == \
        f"Delete {markup}\u00a0\u2013 it\u2019s \u2018old\u2019."
    assert clean_line(f"請刪去{markup}。") == f"請刪去{markup}。"
    assert clean_line("If a < b and 'c' > d") == "If a < b and \u2018c\u2019 > d"


def test_quotes_beside_an_equals_sign_in_prose_still_pair():
    """Only an attribute is code: an equation's words quoted in a sentence are typeset."""
    assert clean_line('The rule "profit = income" held, and x ="y" read so.') == \
        "The rule \u2018profit = income\u2019 held, and x =\u2018y\u2019 read so."


@pytest.mark.parametrize(("written", "set_as"), [
    ("from 4-29 March", "from 4\u201329\u00a0March"),
    ("from 2.5-3.0 metres", "from 2.5\u20133.0\u00a0metres"),
    ("see pp. 12-15", "see pp.\u00a012\u201315"),
    ("takes 6-8 hours", "takes 6\u20138\u00a0hours"),
    ("each interview took 40-50 minutes", "each interview took 40\u201350\u00a0minutes"),
    ("people aged 60-64", "people aged 60\u201364"),
    ("between 1,200-1,500 stops", "between 1,200\u20131,500\u00a0stops"),
    ("pages 1024-1030", "pages 1024\u20131030"),
    ("in 1999-00", "in 1999\u201300"),
])  # fmt: skip
def test_ranges_of_figures_take_the_en_dash(written, set_as):
    assert clean_line(written) == set_as


@pytest.mark.parametrize("written", [
    "call 2877-0660", "won 3-1", "ISO 15930-7", "file 2023-0045", "COVID-19 cases",
    # a score or a bowler's figures, the smaller first: two counts, no range
    "lost 1-3 at home", "she took 3-21 on debut", "bowling figures of 5-43",
])  # fmt: skip
def test_hyphens_that_are_no_range_stay(written):
    assert clean_line(written) == written


@pytest.mark.parametrize(("written", "set_as"), [
    # Two figures a spaced hyphen (or dash) parts, the smaller first, before what they measure.
    ("charges rise by 10 - 12 per cent", "charges rise by 10\u201312\u00a0per\u00a0cent"),
    ("a wait of 2 -- 3 hours", "a wait of 2\u20133\u00a0hours"),
    ("between 5 \u2013 10% of staff", "between 5\u201310% of staff"),
    # A sentence's dash between words, a score and a subtraction stay dashes.
    ("it rose - slowly - by 3 per cent", "it rose\u00a0\u2013 slowly\u00a0\u2013 by 3\u00a0per\u00a0cent"),
    ("they won 3 - 1 at home", "they won 3\u00a0\u2013 1 at home"),
    ("12 - 5 per cent is 7", "12\u00a0\u2013 5\u00a0per\u00a0cent is 7"),
    ("of the 40 - 12 said so", "of the 40\u00a0\u2013 12\u00a0said so"),
    # Pages are a range though nothing measured follows them.
    ("read pages 10 - 12 for the detail", "read pages 10\u201312 for the detail"),
    # A figure numbering a label is no range's end: the label a word known as one, or one
    # capitalised inside a sentence; a word opening the sentence may be any word.
    ("Part 2 - 12 months of recovery", "Part 2\u00a0\u2013 12\u00a0months of recovery"),
    ("Priority 3 - 40 per cent less waste", "Priority 3\u00a0\u2013 40\u00a0per\u00a0cent less waste"),
    ("(Objective 2 -- 30% more visits)", "(Objective 2\u00a0\u2013 30% more visits)"),
    ("in stage 1 - 6 weeks of works", "in stage\u00a01\u00a0\u2013 6\u00a0weeks of works"),
    ("the board's Target 4 - 10 per cent", "the board\u2019s Target 4\u00a0\u2013 10\u00a0per\u00a0cent"),
    ("It fell. Some 2 - 3 weeks later", "It fell. Some 2\u20133\u00a0weeks later"),
])  # fmt: skip
def test_a_spaced_hyphen_between_figures_before_their_measure_is_a_range(written, set_as):
    assert clean_line(written) == set_as
    assert clean_line(set_as) == set_as


def test_chinese_punctuation_after_a_chinese_character_is_full_width_line_ends_included():
    assert clean_line("主要工作包括:") == "主要工作包括："
    assert clean_line("無人機測量,涵蓋全部大型工地;") == "無人機測量，涵蓋全部大型工地；"
    assert clean_line("採用建築信息模擬(BIM)技術") == "採用建築信息模擬（BIM）技術"
    assert clean_line("網址:https://www.pwd.gov.hk/tc/2023-24/") == (
        "網址：https://www.pwd.gov.hk/tc/2023-24/")
    assert clean_line("約2.98億元,共2,700宗。") == "約2.98億元，共2,700宗。"


def test_a_chinese_sentence_inside_an_english_line_takes_chinese_punctuation():
    assert clean_line("We will go on. 藝術屬於每一個人,我們會繼續努力。") == (
        "We will go on. 藝術屬於每一個人，我們會繼續努力。")
    assert clean_line("Chairperson's Message 主席的話, as she said") == (
        "Chairperson\u2019s Message 主席的話, as she said")



@pytest.mark.parametrize("language", ["en-GB", "zh-HK", "zh-CN"])
@pytest.mark.parametrize("written", [
    "The chairman said: 「這條長廊屬於每一位市民。」 The walk belongs to everyone.",
    "Our patron wrote: 「書香滿城，人人受益。」",
    "The motto reads “同心同行，共建社區。” in every branch: the staff chose it.",
])  # fmt: skip
def test_an_english_sentence_quoting_a_chinese_one_keeps_its_colon_and_spaces(language,
                                                                            written):
    """The quoted sentence's marks (its 。) are its own, not the quoting sentence's: an English
    sentence keeps its colon and the spaces around the quotation, in an English text or in a
    Chinese or bilingual one, however many Han characters it quotes."""
    with reading_in(language):
        cleaned = clean_line(written)
    assert re.sub("[‘’“”「」]", "", cleaned) == re.sub("[“”「」]", "", written)


def test_a_chinese_sentence_quoting_stays_chinese_in_a_bilingual_text():
    with reading_in("zh-HK"):
        assert clean_line("他說:「這條長廊屬於每一位市民。」") == "他說：「這條長廊屬於每一位市民。」"
        assert clean_line("主席表示「We will keep the walk open.」") == (
            "主席表示「We will keep the walk open.」")

@pytest.mark.parametrize(("language", "written", "set_as"), [
    ("zh-HK", '「故事時間」的小朋友在閱覽室。Children at a "Story Time" session.',
     "「故事時間」的小朋友在閱覽室。Children at a \u2018Story Time\u2019 session."),
    ("zh-CN", 'Volunteers at the "Clean Shores" day.志愿者参加"清洁海岸"活动。',
     "Volunteers at the \u2018Clean Shores\u2019 day.志愿者参加\u201c清洁海岸\u201d活动。"),
])  # fmt: skip
def test_a_sentence_and_its_translation_run_together_are_each_set_in_its_language(
        language, written, set_as):
    """As a caption's two lines joined are, and as each was set when a line of its own (a
    draft holding the caption reads back as built): the English sentence's quotes are
    English, whichever comes first; a decimal point ends no sentence."""
    with reading_in(language):
        assert clean_line(written) == set_as
        assert clean_line(set_as) == set_as
        assert clean_line("下載年報（PDF，8.6MB）") == "下載年報（PDF，8.6MB）"


@pytest.mark.parametrize("language, cells, figures", [
    ("zh-HK", "年度\t2022-23\t2023-24", ["2022-23", "2023-24"]),
    ("zh-CN", "财政年度\t2021-22\t6-8", ["2021-22", "6-8"]),
    ("en-GB", "Year\t2022-23\t6-8", ["2022\u201323", "6\u20138"]),
])  # fmt: skip
def test_a_cell_of_figures_alone_is_set_as_its_documents_figures(language, cells, figures):
    """Chinese figures stay as the author wrote them, in a table's cell as in a paragraph
    ("2023-24年度"); the en-dash range is English's."""
    with reading_in(language):
        assert clean_text(cells).split("\t")[1:] == figures
        assert clean_text(f"{figures[0]}年度") == f"{figures[0]}年度"


@pytest.mark.parametrize(("written", "set_as"), [
    ("年度\t個案\t變化\n2019/20\t3,905\t—\n2020/21\t4,011\t-2.6%",
     "年度\t個案\t變化\n2019/20\t3,905\t—\n2020/21\t4,011\t\u22122.6%"),
    ("增長-2.6%，（-3）", "增長\u22122.6%，（\u22123）"),
    ("鄂ICP备05003529号-1，2023-2024年", "鄂ICP备05003529号-1，2023-2024年"),
])  # fmt: skip
def test_a_chinese_minus_is_one_and_a_cell_s_dash_for_none_one_em(written, set_as):
    """A negative figure takes the minus sign in Chinese as in English (the house style); a
    dash alone, a table's cell for none, is one em, not the sentence's ——; a code's part and
    a range keep their hyphen."""
    with reading_in("zh-HK"):
        assert clean_text(written) == set_as


@pytest.mark.parametrize(("written", "set_as"), [
    ("met in '23 we agreed", "met in \u201923 we agreed"),
    ("the '90s and the '23-24 season", "the \u201990s and the \u201923\u201324\u00a0season"),
    ("(in '22.)", "(in \u201922.)"),
    ("Rock 'n' roll 'til dawn; 'Tis true, 'em all", (
        "Rock \u2019n\u2019 roll \u2019til dawn; \u2019Tis true, \u2019em all")),
    ("in '23 the volunteers' work", "in \u201923 the volunteers\u2019 work"),
    ("in '23 we said 'yes'", "in \u201923 we said \u2018yes\u2019"),
])  # fmt: skip
def test_an_apostrophe_opening_a_word_stands_for_what_is_left_out(written, set_as):
    assert clean_line(written) == set_as


@pytest.mark.parametrize(("written", "set_as"), [
    ("he said '24 hours a day'", "he said \u201824\u00a0hours a day\u2019"),
    ("'23 was our year,' she said", "\u201823 was our year,\u2019 she said"),
    ("the 'Emma' and 'n-grams' pages", "the \u2018Emma\u2019 and \u2018n-grams\u2019 pages"),
    ("a '2023 plan' and '12,000'", "a \u20182023 plan\u2019 and \u201812,000\u2019"),
])  # fmt: skip
def test_a_quotation_opening_with_figures_or_such_letters_still_opens(written, set_as):
    assert clean_line(written) == set_as


@pytest.mark.parametrize(("written", "set_as"), [
    ("between 9:30-11:00 on", "between 9:30\u201311:00 on"),
    ("runs 7:30-10:00 pm", "runs 7:30\u201310:00\u00a0pm"),
    ("open 22:00-02:00, shut 10:00-13:00.", "open 22:00\u201302:00, shut 10:00\u201313:00."),
])  # fmt: skip
def test_a_range_of_times_takes_the_en_dash(written, set_as):
    assert clean_line(written) == set_as


@pytest.mark.parametrize(("written", "set_as"), [
    ("open Wednesday--Saturday, 11am--4pm.", "open Wednesday\u2013Saturday, 11am\u20134pm."),
    ("in 2019--22 and on pages 40--48", "in 2019\u201322 and on pages 40\u201348"),
    ("it was--as she said--a hard winter", "it was\u00a0\u2013 as she said\u00a0\u2013 a hard winter"),
])  # fmt: skip
def test_two_hyphens_unspaced_are_a_range_s_en_dash_where_a_range_stands(written, set_as):
    """TeX's en dash, as a writer types it: unspaced where it joins a range's ends, else
    the house's spaced dash."""
    assert clean_line(written) == set_as


@pytest.mark.parametrize("written", [
    "at 12:30-45", "a ratio of 1:2-3:4", "see https://example.org/9:30-11:00", "code v1:30-11:00",
])  # fmt: skip
def test_figures_with_colons_that_are_no_range_of_times_stay(written):
    assert clean_line(written) == written


def test_a_minus_sign_before_a_sum_and_a_figure_bound_to_its_degrees():
    assert clean_line("net -£0.3 million, -HK$2.1 billion") == (
        "net \u2212£0.3\u00a0million, \u2212HK$2.1\u00a0billion")
    assert clean_line("from -4 to 18 °C") == "from \u22124 to 18\u00a0°C"
    assert clean_line("Ref A-£5 and e-$3") == "Ref A-£5 and e-$3"


def test_a_cell_holding_only_a_hyphen_is_a_dash_for_none():
    assert clean_text("Site\tSamples\tChange\nDon Mill\tn/a\t-") == (
        "Site\tSamples\tChange\nDon Mill\tn/a\t\u2013")
    assert clean_text("Don Mill  --  -") == "Don Mill\t\u2013\t\u2013"
    assert clean_line("a -") == "a -"


@pytest.mark.parametrize(("written", "set_as"), [
    ("open Monday-Friday", "open Monday\u2013Friday"),
    ("Mon-Fri and Sat-Sun", "Mon\u2013Fri and Sat\u2013Sun"),
    ("the May-June survey, Jan-Mar", "the May\u2013June survey, Jan\u2013Mar"),
])  # fmt: skip
def test_a_range_of_days_or_months_by_name_takes_the_en_dash(written, set_as):
    assert clean_line(written) == set_as


@pytest.mark.parametrize("written", [
    "Sun-dried, Sat-Nav, March-past", "Mon-Fri-Sat", "file Jan-Mar.pdf", "www.example.org/Mon-Fri",
    "Monday-March",
])  # fmt: skip
def test_names_of_days_and_months_joined_otherwise_keep_their_hyphen(written):
    assert clean_line(written) == written


def test_a_negative_figure_before_a_hyphen_is_no_range_however_often_cleaned():
    once = clean_line("from -3-9 and \u22123-9")
    assert once == "from \u22123-9 and \u22123-9"
    assert clean_line(once) == once


@pytest.mark.parametrize("document", ["zh-HK", "en-GB"])
@pytest.mark.parametrize(("written", "set_as"), [
    # An English name quoted in a Chinese sentence takes the sentence's marks (clreq 3.1.5;
    # Hong Kong's practice), however many words it has against the sentence's characters.
    ('並籌備"Hong Kong Book Fair"。', "並籌備「Hong Kong Book Fair」。"),
    ('參加"Art Basel Hong Kong"及"Clockenflap"。', "參加「Art Basel Hong Kong」及「Clockenflap」。"),
    # An apostrophe inside an English word stays one, inside a quotation too.
    ("館長說：'Don't worry'，然後離開。", "館長說：「Don’t worry」，然後離開。"),
    ("Lee's 書店參加\"Book Fair\"。", "Lee’s 書店參加「Book Fair」。"),
    ('他說："我們參加\'Hong Kong Book Fair\'。"', "他說：「我們參加『Hong Kong Book Fair』。」"),
    # Straight double quotes nested: where a mark stands says which it is, and one between
    # two characters leaves the fewest quotations unmatched (and none empty).
    ('他說："我們會參加"書展"。"', "他說：「我們會參加『書展』。」"),
    ('"他說"好""', "「他說『好』」"),
    ('"甲"和"乙"', "「甲」和「乙」"),
    ('所謂"智慧城市"是指"以科技改善生活"。', "所謂「智慧城市」是指「以科技改善生活」。"),
    # An English sentence naming a Chinese one keeps English quotes.
    ('The library said "we\'ll open" (公共圖書館).', "The library said ‘we’ll open’ (公共圖書館)."),
])  # fmt: skip
def test_quotes_in_a_chinese_sentence_are_corner_brackets_by_position(document, written,
                                                                       set_as):
    with reading_in(document):
        assert clean_line(written) == set_as
        assert clean_line(set_as) == set_as


chinese_quoted = st.lists(
    st.tuples(st.sampled_from(["'", '"', "\u300c", "\u2018", "\u201c", ""]),
              st.sampled_from(["Hong Kong Book Fair", "Don't worry", "Lee's", "書展", "說",
                               "graduates'", "2024年"]),
              st.sampled_from(["'", '"', "\u300d", "\u2019", "\u201d", "", "。", "，"])),
    min_size=1, max_size=6,
).map(lambda words: "".join("".join(word) for word in words))


@given(chinese_quoted, st.sampled_from(["zh-HK", "en-GB", "zh-Hans"]))
@example("說'Don't worry'。", "zh-HK")
@example('籌備"Hong Kong Book Fair"。', "en-GB")
def test_quotes_in_chinese_lines_read_the_same_when_cleaned_again(line, document):
    with reading_in(document):
        once = clean_line(line)
        assert clean_line(once) == once


@pytest.mark.parametrize(("written", "set_as"), [
    ("open 10am-4pm daily", "open 10am\u20134pm daily"),
    ("from 9.30am-5pm, or 1-2pm", "from 9.30am\u20135pm, or 1\u20132pm"),
    ("a cost of £1.2m-£1.5m", "a cost of £1.2m\u2013£1.5m"),
    ("HK$2m-HK$3m and €5-€10", "HK$2m\u2013HK$3m and €5\u2013€10"),
    ("from 1 April-31 July", "from 1\u00a0April\u201331\u00a0July"),
    ("in the 1990s-2000s", "in the 1990s\u20132000s"),
    # A decade's second end written without its century, or both ends so.
    ("surveys of the 1970s-90s had", "surveys of the 1970s\u201390s had"),
    ("the 2010s-20s saw", "the 2010s\u201320s saw"),
    ("voters in their 60s-70s", "voters in their 60s\u201370s"),
    ("see pp.12-15", "see pp.12\u201315"),
    ("the 2023-24 that followed", "the 2023\u201324 that followed"),
    ("in 1999-2000 there", "in 1999\u20132000 there"),
    # In brackets: the bracket closing after it is the sentence's, not a code's.
    ("late openings (6-9pm) drew", "late openings (6\u20139pm) drew"),
    ("open (10am-4pm)", "open (10am\u20134pm)"),
    # Years before 1900 too.
    ("logbooks (c. 1880-1950)", "logbooks (c.\u00a01880\u20131950)"),
    ("in 1850-60", "in 1850\u201360"),
])  # fmt: skip
def test_ranges_written_with_letters_take_the_en_dash(written, set_as):
    assert clean_line(written) == set_as
    assert clean_line(set_as) == set_as


@pytest.mark.parametrize("written", [
    "report 10am-4pm.pdf", "file 10am-4pm-v2", "www.example.org/1990s-2000s",
    "Plan_1990s-2000s.xlsx", "code 2m-HK3", "ref A10am-4pm", "(see CB(4)1021/23-24)",
    "ref 1600-1234", "file (report-2024-v2)",
])  # fmt: skip
def test_such_ranges_inside_codes_file_names_and_addresses_stay(written):
    assert clean_line(written) == written


def test_the_second_year_of_a_range_is_not_bound_but_a_count_still_is():
    assert clean_line("In 2023-24 that rose; for 6-8 hours") == (
        "In 2023\u201324 that rose; for 6\u20138\u00a0hours")


@pytest.mark.parametrize(("line", "cleaned"), [
    ('"Fine," said 黃小明.', "‘Fine,’ said 黃小明."),
    ('"We agree," 歐陽志豪 and 陳大文 replied.', "‘We agree,’ 歐陽志豪 and 陳大文 replied."),
    ("The 主席報告 was read by 陳大文.", "The 主席報告 was read by 陳大文."),
    # Chinese sentences stay Chinese: a run longer than a name, or Chinese punctuation.
    ('"好," 他說.', "「好，」他說。"),
    ('他說："Hello world"', "他說：「Hello world」"),
    ("並籌備 Hong Kong Book Fair 期間的活動", "並籌備Hong Kong Book Fair期間的活動"),
])
def test_an_english_line_naming_chinese_people_keeps_english_typography(line, cleaned):
    assert clean_line(line) == cleaned


@pytest.mark.parametrize(("written", "cleaned"), [
    (",(㐀", "，（㐀"),
    ("他說,(見附錄)好", "他說，（見附錄）好"),
    ("見表(1),(2)及(3)", "見表（1），（2）及（3）"),
    ("建築信息模擬(BIM)技術", "建築信息模擬（BIM）技術"),
])
def test_chinese_marks_beside_brackets_are_full_width_at_once(written, cleaned):
    assert clean_line(written) == cleaned
    assert clean_line(cleaned) == cleaned


@pytest.mark.parametrize(("written", "cleaned"), [
    ("本年度与 Mr. J. Smith (U.K.) 合作。", "本年度与Mr.\u00a0J. Smith (U.K.)合作。"),
    ("邀請 Dr. Amy Lo (Ph.D.) 主講，另有 Prof. Ho (2019) 出席。",
     "邀請Dr.\u00a0Amy Lo (Ph.D.)主講，另有Prof.\u00a0Ho (2019)出席。"),
    # A bracket the Chinese opened, or holding Chinese, is the sentence's.
    ("世界衞生組織 (World Health Organization) 指出。", "世界衞生組織（World Health Organization）指出。"),
    ("與 Smith (英國) 合作。", "與 Smith（英國）合作。"),
])
def test_brackets_wholly_around_latin_text_after_an_english_word_stay_half_width(written,
                                                                                  cleaned):
    """They are the English phrase's, spoken and set with it (english.LATIN_PHRASE), the
    phrase held by the Chinese without spaces as a Latin term is; made full-width, they had
    parted the phrase, its last words left untagged: `Smith（U.K.）`."""
    assert clean_line(written) == cleaned
    assert clean_line(cleaned) == cleaned


def test_latin_ligatures_a_pdf_viewer_copies_are_their_letters():
    from pipeline.model import Span
    from pipeline.readers.cleaning import clean_spans

    assert clean_text("The \ufb01rst time, with con\ufb01dence, on the \ufb02oor.") == (
        "The first time, with confidence, on the floor.")
    assert [(span.text, span.bold) for span in clean_spans(
        (Span("The "), Span("\ufb01rst", bold=True), Span(" time.")))] == [
        ("The ", False), ("first", True), (" time.", False)]


@pytest.mark.parametrize(("text", "cleaned"), [
    ("懇請\u3000貴局考慮上述意見。", "懇請\u3000貴局考慮上述意見。"),
    ("第二章\u3000勞資關係", "第二章\u3000勞資關係"),
    ("Annual\u3000Report", "Annual Report"),
])  # fmt: skip
def test_a_draft_or_marked_up_texts_full_width_gap_is_kept_as_a_scraped_ones(text, cleaned):
    """A Chinese letter's space of respect before the addressee (`懇請　貴局`), as an editor's
    DOCX and the marked-up form hold it, comes back as written (it had become a plain space,
    the text read from the draft differing from the one written into it); between Latin
    words it is a plain space, as in a scraped text."""
    from pipeline.model import Span, plain
    from pipeline.readers.cleaning import clean_spans

    assert plain(clean_spans((Span(text),))) == cleaned


@pytest.mark.parametrize(("line", "set_as"), [
    ('The "draft" is the members\' copy.', "The \u2018draft\u2019 is the members\u2019 copy."),
    ("The \u201cdraft\u201d is the members\u2019 copy.",
     "The \u2018draft\u2019 is the members\u2019 copy."),
    ('"Thanks to all our volunteers" and the trustees\' vote',
     "\u2018Thanks to all our volunteers\u2019 and the trustees\u2019 vote"),
    ('She said "the \'new\' rules" and the governors\' vote.',
     "She said \u2018the \u201cnew\u201d rules\u2019 and the governors\u2019 vote."),
    ("'The under-twelves' team stayed up', he said.",
     "\u2018The under-twelves\u2019 team stayed up\u2019, he said."),
])
def test_a_quotation_before_a_plurals_apostrophe_closes_with_its_own_mark(line, set_as):
    """A quotation's closing mark before a plural's apostrophe later in the line (`“draft”`
    … `the members’ copy`): the close of the level it ends, never a double mark left where
    the house style sets a single one (`‘draft”` had been printed, in the text read and in
    an editor's draft alike); and the line reads the same when it is cleaned again."""
    assert clean_line(line) == set_as
    assert clean_line(set_as) == set_as


@pytest.mark.parametrize(("line", "set_as"), [
    ('the ground of particular observation."4 Later', "the ground of particular observation.\u20194"
                                                      " Later"),
    ('"In the \'90s we grew," he said.', "\u2018In the \u201990s we grew,\u2019 he said."),
])
def test_a_quote_closes_before_a_notes_figure_as_it_opened(line, set_as):
    """A figure right after a quotation's close is a note's call: the close is the quote's
    (it had been taken for an apostrophe inside a word, and left unmatched); a year's
    elision before figures stays an apostrophe."""
    assert clean_line(line) == set_as


@pytest.mark.parametrize(("line", "set_as"), [
    ("like the flight of an aeroplane ... it starts", "like the flight of an aeroplane \u2026 it"
                                                      " starts"),
    ("In that order ... maybe.", "In that order \u2026 maybe."),
    ('more than that ..."', "more than that\u2026\u2019"),
    ("and so on ...", "and so on\u2026"),
])
def test_an_ellipsis_inside_a_sentence_keeps_its_spaces(line, set_as):
    """Words left out inside a sentence: the ellipsis keeps the author's spaces round it, as
    British practice sets one (the space before it had been taken away); one ending a phrase
    stands against it."""
    assert clean_line(line) == set_as


@pytest.mark.parametrize(("line", "set_as"), [
    ("Dimensions: 2.1 x 1.8 m", "Dimensions: 2.1 \u00d7 1.8\u00a0m"),
    ("a 1920x1080 screen", "a 1920\u00d71080 screen"),
    ("the register at 0x1F", "the register at 0x1F"),
    ("six x 3", "six x 3"),
])
def test_an_x_between_figures_is_the_multiplication_sign(line, set_as):
    assert clean_line(line) == set_as


@pytest.mark.parametrize(("line", "set_as"), [
    ("TWCMS : 2011.4471", "TWCMS\u00a0:\u00a02011.4471"),
    ("Accession number LDGAL : 1999.12.", "Accession number LDGAL\u00a0:\u00a01999.12."),
    ("Outcome : good", "Outcome: good"),
])
def test_a_collections_number_keeps_the_spaces_round_its_colon(line, set_as):
    """A museum's accession number (its code in capitals, a spaced colon, its number) is a
    code, kept as written and never parted by a line; a word's space before a colon goes."""
    assert clean_line(line) == set_as


@pytest.mark.parametrize(("line", "set_as"), [
    ("the Inquiry's Phase 1 recommendations", "the Inquiry\u2019s Phase\u00a01 recommendations"),
    ("the school's Progress 8 score rose", "the school\u2019s Progress\u00a08 score rose"),
    ("as set out in Chapter 4 of this report", "as set out in Chapter\u00a04 of this report"),
    ("see page 12 for details", "see page\u00a012 for details"),
    ("Chapter 1: Organising and bargaining", "Chapter 1: Organising and bargaining"),
    ("Table 2.1: Membership by region", "Table 2.1: Membership by region"),
])
def test_a_label_in_a_sentence_keeps_its_number_and_counts_nothing_after_it(line, set_as):
    """A label and the number naming what it labels never part at a line's end (`Chapter` over
    `4` had been printed), and the number counts no word after it (`Phase 1\u00a0recommendations`
    had been bound, and broke as `Phase` over `1 recommendations`): the copy-editor's
    finding. A title's label opening its line is left as written, as its structure reads it."""
    assert clean_line(line) == set_as


@pytest.mark.parametrize(("line", "set_as"), [
    ("a letter that flat 12 wrote to us", "a letter that flat 12 wrote to us"),
    ("from March 20 through May", "from March 20 through May"),
    ("the lounge on Ward 7 opened", "the lounge on Ward 7 opened"),
    ("48 flats were let", "48\u00a0flats were let"),
])
def test_a_number_naming_a_flat_or_a_day_is_not_bound_to_the_word_after_it(line, set_as):
    """A number counting the word after it is bound to it (`48 flats`); one naming what the
    word before it names (a flat, a ward, a month's day) counts nothing after it."""
    assert clean_line(line) == set_as


@pytest.mark.parametrize(("line", "set_as"), [
    ("Photographs may be used: [ ] Yes [ ] No", "Photographs may be used: [ ] Yes [ ] No"),
    ("Dietary needs ( ) vegetarian ( ) none", "Dietary needs ( ) vegetarian ( ) none"),
    ("Tick here [ ].", "Tick here [ ]."),
    ("同意刊登相片：［\u3000］同意［\u3000］不同意", "同意刊登相片：［\u3000］同意［\u3000］不同意"),
    ("需要膳食：（\u3000）素食（\u3000）不需要", "需要膳食：（\u3000）素食（\u3000）不需要"),
])
def test_a_forms_box_typed_to_be_ticked_is_kept_as_typed(line, set_as):
    """A box a form gives to tick, brackets round spaces alone, is kept as typed: the space
    before its closing bracket is none a copy-editor takes (it had been `[]`, and the Chinese
    `（）`)."""
    assert clean_line(line) == set_as


@pytest.mark.parametrize(("line", "set_as"), [
    ("The figures ( see above ) rose.", "The figures (see above) rose."),
    ("The figures (see above ) rose.", "The figures (see above) rose."),
    ("Members [ listed overleaf ] voted.", "Members [listed overleaf] voted."),
])
def test_stray_spaces_inside_brackets_in_prose_are_closed_up(line, set_as):
    """A stray space inside a bracket round words goes, at either end, as a copy-editor
    closes one up (the space after the opening bracket had been kept)."""
    assert clean_line(line) == set_as


def test_a_figure_keeps_its_per_cent_sign_on_its_line_where_a_space_parts_them():
    # The author's space kept, as a no-break one: a large-print line had ended "58" over "% of".
    assert clean_line("We upheld 58 % of appeals") == f"We upheld 58{NBSP}% of appeals"
    assert clean_line("down -2.5 % and 3 ‰ more") == f"down \u22122.5{NBSP}% and 3{NBSP}‰ more"
    assert clean_line("a rise of 4 pp on 1,250 %") == f"a rise of 4{NBSP}pp on 1,250{NBSP}%"
    # A figure before its sign is a measure, never a year: 1200 °C, 2025 % alike.
    assert clean_line("fired at 1200 °C") == f"fired at 1200{NBSP}°C"
    # No space is added where the author wrote none.
    assert clean_line("rose 41% in 2024") == "rose 41% in 2024"
