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

And it declares its C types to cffi, some 16 kB of C that cffi parses with pycparser at every
import (about a tenth of it); weasyprint_types.py holds the same declarations as cffi compiles
them out of line (ABI mode, no compiler), written by tools/weasyprint_types.py from WeasyPrint's
own and the writer's (c_declarations.py), and WeasyPrint is given those where its declarations
are the ones they were written from.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import importlib
import sys
import types
import warnings
from collections.abc import Iterator

from pipeline.writers.pdf.c_declarations import OWN_DECLARATIONS, declarations_digest


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


class CompiledDeclarations:
    """What WeasyPrint is given for a new cffi.FFI while it is imported: declared what the
    out-of-line module was written from (their digest, with the writer's own declarations),
    it is that module's FFI; declared anything else, an FFI parsing it and then the writer's
    own, as cffi's own does. Either way it then answers with the chosen FFI's own names, set
    on it, at a plain attribute's speed."""

    def cdef(self, source: str, *arguments, **options) -> None:
        from pipeline.writers.pdf import weasyprint_types

        if (declarations_digest(source) == weasyprint_types.DECLARATIONS_SHA256
                and not (arguments or options)):
            ffi = weasyprint_types.ffi
        else:
            ffi = cffi_ffi()
            ffi.cdef(source, *arguments, **options)
            ffi.cdef(OWN_DECLARATIONS)
        for name in dir(ffi):
            if not name.startswith("__"):
                setattr(self, name, getattr(ffi, name))


def cffi_ffi():
    import cffi

    return cffi.api.FFI()


@contextlib.contextmanager
def declarations_compiled() -> Iterator[None]:
    import cffi

    new_ffi = cffi.FFI
    cffi.FFI = CompiledDeclarations
    try:
        yield
    finally:
        cffi.FFI = new_ffi


# WeasyPrint warns on import when the system lacks libharfbuzz-subset, which it no longer
# needs here: fonts are subset through uharfbuzz (font_subsetting.py).
warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
with names_left_to_the_dynamic_linker(), font_tools_deferred(), declarations_compiled():
    import weasyprint  # noqa: F401  (the import is the point: once, cheaply)
    from weasyprint.text.ffi import ffi

if not isinstance(ffi, CompiledDeclarations):
    # WeasyPrint was imported before this module, its declarations parsed: the writer's
    # own are declared to its FFI as well.
    ffi.cdef(OWN_DECLARATIONS)
