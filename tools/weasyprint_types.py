"""Write pipeline/writers/pdf/weasyprint_types.py: WeasyPrint's C declarations, and the
writer's own after them (c_declarations.py), as cffi compiles them out of line (ABI mode),
for the engine to load instead of parsing them.

Run again whenever WeasyPrint or cffi is upgraded (tests/test_engine.py says so):
`python tools/weasyprint_types.py` (or give another path to write to).
"""

from __future__ import annotations

import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

import cffi

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.writers.pdf.c_declarations import (  # noqa: E402
    OWN_DECLARATIONS,
    declarations_digest,
)

MODULE = "pipeline.writers.pdf.weasyprint_types"
TARGET = Path(__file__).resolve().parent.parent / "pipeline" / "writers" / "pdf" / \
    "weasyprint_types.py"


def declarations() -> str:
    """The C declarations WeasyPrint gives cffi as it is imported (text/ffi.py), once."""
    given = []
    parse = cffi.FFI.cdef

    def recorded(ffi, source, *arguments, **options):
        given.append(source)
        return parse(ffi, source, *arguments, **options)

    cffi.FFI.cdef = recorded
    try:
        import weasyprint.text.ffi  # noqa: F401  (the import declares them)
    finally:
        cffi.FFI.cdef = parse
    if len(given) != 1:
        raise SystemExit(f"WeasyPrint declared C types {len(given)} times, not once")
    return given[0]


def write(path: Path) -> None:
    source = declarations()
    builder = cffi.FFI()
    builder.cdef(source)
    builder.cdef(OWN_DECLARATIONS)
    builder.set_source(MODULE, None)
    with tempfile.TemporaryDirectory() as folder:
        emitted = Path(folder) / "types.py"
        builder.emit_python_code(str(emitted))
        code = emitted.read_text(encoding="utf-8").removeprefix("# auto-generated file\n")
    digest = declarations_digest(source)
    path.write_text(
        f'"""WeasyPrint {version("weasyprint")}\'s C declarations compiled out of line by cffi'
        f' {cffi.__version__}:\nwritten by tools/weasyprint_types.py, not by hand."""\n'
        "# ruff: noqa\n\n"
        f'DECLARATIONS_SHA256 = "{digest}"\n{code}', encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
