"""WeasyPrint, imported once a process, without the library search and the font tools it
does not need.

As it is imported, WeasyPrint opens Pango, HarfBuzz and fontconfig by trying each library's
names on every platform in turn (`libpango-1.0-0`, `pango-1.0`, ..., `libpango-1.0.so.0`),
and cffi asks `ctypes.util.find_library` about each name the dynamic linker does not know:
on Linux that runs ldconfig, gcc and ld for every miss, 26 lookups costing about 0.3 s
of processor time. The dynamic linker finds the Linux names of the same lists by itself
(through its cache and LD_LIBRARY_PATH, as for any other program), so while WeasyPrint is
imported a name it does not know is simply not found, and the next name is tried.

It also imports fontTools' subsetter and its variable-font instancer (a fifth of its import,
with the modules only they use): fonts are subset through uharfbuzz here
(font_subsetting.py), and the instancer serves only variable faces, which the layouts do not
use. Both are imported when first used instead.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import importlib
import sys
import types
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


# fontTools modules WeasyPrint imports and uses only for what is done otherwise here, and
# the names it imports from each.
DEFERRED = {"fontTools.subset": (), "fontTools.varLib.instancer": ("instantiateVariableFont",)}


class Deferred(types.ModuleType):
    """A stand-in for a module, importing it at the first use of one of its names."""

    def real(self) -> types.ModuleType:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return importlib.import_module(self.__name__)

    def __getattr__(self, name: str):
        if name.startswith("__"):  # asked by the import system: a plain module's answer
            raise AttributeError(name)
        return getattr(self.real(), name)

    def deferred(self, name: str):
        """The module's function `name`, for a module that imports it by name."""
        def call(*arguments, **options):
            return getattr(self.real(), name)(*arguments, **options)
        return call


@contextlib.contextmanager
def font_tools_deferred() -> Iterator[None]:
    """While WeasyPrint is imported, DEFERRED's modules not yet imported are stand-ins, which
    import them at their first use; then they are taken out of sys.modules again, so only
    WeasyPrint holds them, and any other import of those modules is Python's own."""
    placed = [name for name in DEFERRED if name not in sys.modules]
    for name in placed:
        stand_in = Deferred(name)
        for function in DEFERRED[name]:
            setattr(stand_in, function, stand_in.deferred(function))
        sys.modules[name] = stand_in
    try:
        yield
    finally:
        for name in placed:
            if isinstance(sys.modules.get(name), Deferred):
                del sys.modules[name]


# WeasyPrint warns on import when the system lacks libharfbuzz-subset, which it no longer
# needs here: fonts are subset through uharfbuzz (font_subsetting.py).
warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
with names_left_to_the_dynamic_linker(), font_tools_deferred():
    import weasyprint  # noqa: F401  (the import is the point: once, cheaply)
    from weasyprint.text.ffi import ffi

# The C types WeasyPrint names by their declarations (ffi.new, ffi.cast) in every PDF: as
# it registers the faces, measures and breaks lines, and reads the faces' tables to embed
# them. One it names otherwise (an array of a font's own length) is parsed where it is used.
C_TYPES = ("PangoFcFontMap *", "FcChar8 **", "PangoRectangle *", "PangoLogAttr[]", "char[]",
           "unsigned int *", "hb_tag_t[100]", "char[4]")
for c_type in C_TYPES:
    ffi.typeof(c_type)  # cffi keeps what it parsed, by the declaration
