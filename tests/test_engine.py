"""WeasyPrint imported without the library search: the libraries are found all the same,
and the search is left as it was for everything else; fontTools' subsetter and instancer
are imported at their first use, not with it."""

import ctypes.util
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.writers.pdf.engine import Deferred, names_left_to_the_dynamic_linker

FONT = Path(__file__).resolve().parent.parent / "layouts" / "fonts" / "NotoSans-Regular.ttf"


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


def test_the_c_types_weasyprint_names_are_parsed_as_it_is_imported():
    """Parsed before the build forks its workers, so they share them (tasks/preload.py); each
    is one WeasyPrint names in its own code, so the list outlives no upgrade unnoticed."""
    from pipeline.writers.pdf import engine

    named = "".join(path.read_text(encoding="utf-8")
                    for path in Path(engine.weasyprint.__file__).parent.rglob("*.py"))
    for c_type in engine.C_TYPES:
        assert c_type in engine.ffi._parsed_types
        assert f"'{c_type}'" in named
