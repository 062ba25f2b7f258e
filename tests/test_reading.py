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
