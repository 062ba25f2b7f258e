"""Each stream of a PDF deflated once as WeasyPrint writes it, not twice.

Given an identifier (render.py gives one, for reproducible files), pydyf's PDF.write
(pydyf 0.11) serialises every object a second time to hash the file into the identifier's
second part, deflating every stream again at level 9: the fonts' and each page's. Nothing
changes a stream while the file is written, so its second serialisation is its first's
bytes, kept until the file is written: the same file, in less time.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator


@contextlib.contextmanager
def streams_serialised_once() -> Iterator[None]:
    """While this lasts, pydyf's PDF.write serialises each stream once."""
    import pydyf

    write = pydyf.PDF.write

    @functools.wraps(write)
    def written_once(pdf, *arguments, **options):
        with remembered_streams(pydyf.Stream):
            return write(pdf, *arguments, **options)

    pydyf.PDF.write = written_once
    try:
        yield
    finally:
        pydyf.PDF.write = write


@contextlib.contextmanager
def remembered_streams(stream_class) -> Iterator[None]:
    """A stream's bytes (its `data`) worked out at their first use and given again after."""
    serialise = stream_class.data.fget
    # Keyed by identity, each stream held beside its bytes, so no other can take its id.
    known: dict[int, tuple[object, bytes]] = {}

    def data(stream) -> bytes:
        kept = known.get(id(stream))
        if kept is None:
            kept = known[id(stream)] = (stream, serialise(stream))
        return kept[1]

    stream_class.data = property(data)
    try:
        yield
    finally:
        stream_class.data = property(serialise)
