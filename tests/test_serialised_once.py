"""WeasyPrint's PDF writing deflates each stream once (writers/pdf/serialised_once.py), and
writes the same file as before."""

import io

import pydyf

from pipeline.writers.pdf.serialised_once import streams_serialised_once


def pdf_with_streams(count: int) -> pydyf.PDF:
    pdf = pydyf.PDF()
    for number in range(count):
        stream = pydyf.Stream(compress=True)
        stream.set_color_rgb(0, 0, number / count)
        stream.rectangle(number, number, 10, 10)
        stream.fill()
        pdf.add_object(stream)
    return pdf


def written(pdf: pydyf.PDF) -> bytes:
    output = io.BytesIO()
    pdf.write(output, identifier=b"0123456789abcdef", compress=True)
    return output.getvalue()


def serialisations(monkeypatch, pdf: pydyf.PDF) -> int:
    """How many times writing `pdf` serialises one of its streams."""
    stream = pdf.objects[-1]
    calls = []
    serialise = pydyf.Stream.data.fget
    monkeypatch.setattr(pydyf.Stream, "data", property(
        lambda each: calls.append(each is stream) or serialise(each)))
    written(pdf)
    return sum(calls)


def test_the_same_file_is_written():
    expected = written(pdf_with_streams(5))
    with streams_serialised_once():
        assert written(pdf_with_streams(5)) == expected
    assert written(pdf_with_streams(5)) == expected  # and pydyf is itself again after


def test_each_stream_is_serialised_once(monkeypatch):
    assert serialisations(monkeypatch, pdf_with_streams(3)) == 2  # pydyf's own: twice
    with streams_serialised_once():
        assert serialisations(monkeypatch, pdf_with_streams(3)) == 1
