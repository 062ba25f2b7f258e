"""WeasyPrint imported without the library search: the libraries are found all the same,
and the search is left as it was for everything else."""

import ctypes.util

from pipeline.writers.pdf.engine import names_left_to_the_dynamic_linker


def test_weasyprint_finds_its_libraries_and_the_search_is_restored():
    search = ctypes.util.find_library
    from pipeline.writers.pdf import engine

    assert engine.weasyprint.text.ffi.pango is not None
    assert ctypes.util.find_library is search


def test_a_name_the_linker_does_not_know_is_not_searched_for_while_importing():
    with names_left_to_the_dynamic_linker():
        assert ctypes.util.find_library("c") is None
    assert ctypes.util.find_library("c") is not None
