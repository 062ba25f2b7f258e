"""WeasyPrint imported without the library search: the libraries are found all the same,
and the search is left as it was for everything else; fontTools' subsetter and instancer
are imported at their first use, not with it; its C declarations are loaded as cffi
compiles them, not parsed."""

import ctypes.util
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.writers.pdf.engine import Deferred, names_left_to_the_dynamic_linker

REPOSITORY = Path(__file__).resolve().parent.parent
FONT = REPOSITORY / "layouts" / "fonts" / "NotoSans-Regular.ttf"


def test_weasyprint_finds_its_libraries_and_the_search_is_restored():
    search = ctypes.util.find_library
    from pipeline.writers.pdf import engine

    assert engine.weasyprint.text.ffi.pango is not None
    assert ctypes.util.find_library is search


def test_a_name_the_linker_does_not_know_is_not_searched_for_while_importing():
    with names_left_to_the_dynamic_linker():
        assert ctypes.util.find_library("c") is None
    assert ctypes.util.find_library("c") is not None


# A fresh process: which of the deferred modules importing WeasyPrint really imported, what
# WeasyPrint's names are once used, and that any other import of them is Python's own.
DEFERRED = """
import importlib.util, sys
import pipeline.writers.pdf.engine
import weasyprint.pdf.fonts as fonts
print(type(fonts.subset).__name__, "fontTools.subset" in sys.modules,
      "fontTools.varLib" in sys.modules)
print(fonts.subset.Subsetter.__module__, "fontTools.subset" in sys.modules)
import fontTools.varLib.instancer
import fontTools.subset.cff
print(fontTools.varLib.instancer.instantiateVariableFont.__module__,
      importlib.util.find_spec("fontTools.subset").name)
"""


def test_the_subsetter_and_instancer_are_not_imported_with_weasyprint_but_at_first_use():
    found = subprocess.run([sys.executable, "-c", DEFERRED], capture_output=True, text=True,
                           check=True).stdout.split()
    assert found == ["Deferred", "False", "False", "fontTools.subset", "True",
                     "fontTools.varLib.instancer", "fontTools.subset"]


def test_the_instancers_function_imported_by_name_calls_the_real_one():
    from fontTools.ttLib import TTFont

    stand_in = Deferred("fontTools.varLib.instancer")
    with pytest.raises(ValueError, match="fvar"):  # the real function's answer to a static face
        stand_in.deferred("instantiateVariableFont")(TTFont(FONT), {"wght": 400})


# A fresh process: whether cffi parsed any C (pycparser imported) as WeasyPrint was imported,
# and that its bindings answer, the writer's own among them (c_declarations.py).
DECLARED = """
import sys
{before}
from pipeline.writers.pdf import engine
from weasyprint.text.ffi import ffi, fontconfig, pango
print("pycparser" in sys.modules, type(ffi).__name__,
      ffi.sizeof("PangoItemAnalysis") > 0, fontconfig.FcConfigCreate != ffi.NULL,
      callable(pango.pango_shape_full), pango.pango_version() > 0)
"""


def declared(before: str = "") -> list[str]:
    return subprocess.run([sys.executable, "-c", DECLARED.format(before=before)],
                          capture_output=True, text=True, check=True).stdout.split()


def test_weasyprints_c_declarations_are_loaded_compiled_not_parsed():
    assert declared() == ["False", "CompiledDeclarations", "True", "True", "True", "True"]


def test_declarations_other_than_those_compiled_are_parsed_as_cffi_parses_them():
    """A WeasyPrint declaring other C than weasyprint_types.py was written from (an upgrade
    before it is written again) is given an FFI parsing them, and the writer's own."""
    other = "import pipeline.writers.pdf.weasyprint_types as t; t.DECLARATIONS_SHA256 = ''"
    assert declared(other) == ["True", "CompiledDeclarations", "True", "True", "True", "True"]


def test_the_compiled_declarations_are_those_of_the_weasyprint_and_cffi_installed(tmp_path):
    """Written again by the tool, weasyprint_types.py is unchanged: after an upgrade of
    WeasyPrint or cffi, this fails until `python tools/weasyprint_types.py` is run."""
    written = tmp_path / "weasyprint_types.py"
    subprocess.run([sys.executable, str(REPOSITORY / "tools" / "weasyprint_types.py"),
                    str(written)], capture_output=True, check=True)
    committed = REPOSITORY / "pipeline" / "writers" / "pdf" / "weasyprint_types.py"
    assert written.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
        "run `python tools/weasyprint_types.py`")


def test_weasyprint_imported_before_the_engine_is_given_the_writers_declarations_too():
    """WeasyPrint imported on its own first (a tool, a test), its declarations parsed: the
    engine declares the writer's own to its FFI, so the repository's font configuration and
    the own forms' shaping find their C functions (FcConfigCreate had been missing)."""
    assert declared("import weasyprint") == ["True", "FFI", "True", "True", "True", "True"]
