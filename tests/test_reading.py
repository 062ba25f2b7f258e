import codecs

import pytest

from pipeline.errors import PipelineError
from pipeline.readers.decoding import MAX_LINE_CHARACTERS, decode_legacy, decode_source

SAMPLE = "People’s “quoted” – text"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with its byte-order mark
        SAMPLE.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
        SAMPLE.encode("cp1252"),
        decode_legacy(SAMPLE.encode("utf-8")).encode("utf-8"),  # encoded twice: mojibake
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be", "cp1252", "mojibake"],
)
def test_encodings_decode_to_the_same_text(data):
    assert decode_source(data) == SAMPLE


def test_line_ends_and_control_characters_are_normalised_and_tabs_kept_for_tables():
    assert decode_source(b"one\r\ntwo\rthree\x07\x1b\nfour\tfive") == "one\ntwo\nthree\nfour\tfive"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "empty"),
        (b"%PDF-1.7\n%binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"PK\x03\x04 zipped", "zip"),
        (b"abc\x00\x01\x02", "NUL"),
        (b"x" * (MAX_LINE_CHARACTERS + 1), "limit"),
    ],
)
def test_what_is_not_text_is_refused_in_one_line_naming_the_file(data, problem):
    with pytest.raises(PipelineError) as caught:
        decode_source(data, "source/bad.txt")
    message = str(caught.value)
    assert message.startswith("source/bad.txt: ")
    assert problem in message
    assert "\n" not in message


# Texts of a Hong Kong department and a mainland one, as their editors' legacy encodings
# save them, and a Western one.
TRADITIONAL = ("渡輪服務年報\n\n本年度渡輪乘客共有四千二百萬人次，比去年增加百分之六。"
               "新船已於九月投入服務，我們會繼續改善碼頭設施，方便長者及輪椅使用者。\n")
SIMPLIFIED = ("图书馆年度报告\n\n我们的图书馆今年举办了三百多场活动，参加的读者超过十万人。"
              "新馆将于明年开放，届时会有更多座位和电脑供市民使用。\n")
WESTERN = "Relatório anual: as informações sobre as ações da comissão estão disponíveis.\n"


@pytest.mark.parametrize(("text", "encoding"), [
    (TRADITIONAL, "big5"),
    (TRADITIONAL, "big5hkscs"),
    (TRADITIONAL + "香港特別行政區的「邨」與「㗎」。\n", "big5hkscs"),  # HKSCS's own characters
    (TRADITIONAL, "gb18030"),  # GBK holds the Traditional forms too
    (SIMPLIFIED, "gb2312"),
    (SIMPLIFIED, "gbk"),
    (SIMPLIFIED, "gb18030"),
    (TRADITIONAL, "utf-16-le"),  # without a byte-order mark
    (TRADITIONAL, "utf-16-be"),
    (SAMPLE + "\n", "utf-16-le"),
    (SAMPLE + "\n", "utf-16-be"),
    (WESTERN, "cp1252"),
    (WESTERN, "utf-16-le"),
])  # fmt: skip
def test_legacy_chinese_and_unmarked_utf16_read_as_written(text, encoding):
    assert decode_source(text.encode(encoding), "source/x.txt") == text


@pytest.mark.parametrize(("data", "problem"), [
    # A byte no Big5 character has, in a Big5 text: refused naming Big5, not misread.
    (TRADITIONAL.encode("big5")[:40] + b"\xff\xff" + TRADITIONAL.encode("big5")[40:],
     "reads as Big5 but byte 40 is not valid Big5; save it as UTF-8"),
    ("港口報告\n".encode("big5"), "too short to tell whether it is Big5 or GB18030"),
    ("港湾局の年次報告書です。今年は多くの船が入港しました。\n".encode("shift_jis"),
     "not UTF-8, nor text in Windows-1252, Big5 or GB18030 (GBK, GB2312); save it as UTF-8"),
    ("Годовой отчёт гавани за 2024 год.\n".encode("cp1251"), "nor text in Windows-1252"),
    # An English text naming people in Big5: their names, never mojibake.
    ("The Chair, Mr CHAN Tai-man (陳大文), thanked Ms LEE (李美玲).\n".encode("big5"),
     "too short to tell"),
    ("Harbour".encode("utf-16-le"), "suggest UTF-16 without a byte-order mark"),
])  # fmt: skip
def test_bytes_read_in_no_encoding_for_sure_are_refused_naming_it(data, problem):
    with pytest.raises(PipelineError) as caught:
        decode_source(data, "source/x.txt")
    assert str(caught.value) == f"source/x.txt: {problem}" or problem in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_big5_text_is_never_read_as_windows_1252():
    data = TRADITIONAL.encode("big5")
    assert decode_legacy(data) != TRADITIONAL  # what reading it as Windows-1252 gave
    assert decode_source(data) == TRADITIONAL


@pytest.mark.parametrize("text", [
    "\u200b",                        # a zero-width space, copied where a page's spacer stood
    "\u200c\u200d\n\u2060 \u00ad",   # joiners, a word joiner and a soft hyphen
    "\u200e\u202e\t\u2066\u2069\n",  # marks and controls of direction
])  # fmt: skip
def test_a_text_of_invisible_characters_only_is_empty(text):
    """A text holding only characters that draw nothing is refused as one of white space is;
    it had been read, and said to hold only web page and e-mail debris."""
    with pytest.raises(PipelineError) as caught:
        decode_source(text.encode(), "source/blank.txt")
    assert str(caught.value) == \
        "source/blank.txt: no text: the file is empty or holds only white space"
