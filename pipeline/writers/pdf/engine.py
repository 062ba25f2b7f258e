"""WeasyPrint, imported once a process, without the library search it does not need.

As it is imported, WeasyPrint opens Pango, HarfBuzz and fontconfig by trying each library's
names on every platform in turn (`libpango-1.0-0`, `pango-1.0`, ..., `libpango-1.0.so.0`),
and cffi asks `ctypes.util.find_library` about each name the dynamic linker does not know:
on Linux that runs ldconfig, gcc and ld for every miss, 26 lookups costing about 0.3 s
of processor time. The dynamic linker finds the Linux names of the same lists by itself
(through its cache and LD_LIBRARY_PATH, as for any other program), so while WeasyPrint is
imported a name it does not know is simply not found, and the next name is tried.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import warnings
from collections.abc import Iterator


@contextlib.contextmanager
def names_left_to_the_dynamic_linker() -> Iterator[None]:
    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = search


# WeasyPrint warns on import when the system lacks libharfbuzz-subset, which it no longer
# needs here: fonts are subset through uharfbuzz (font_subsetting.py).
warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
with names_left_to_the_dynamic_linker():
    import weasyprint  # noqa: F401  (the import is the point: once, cheaply)
