"""The code an output is made by: the pipeline's modules a build step imports, followed
through every import, so a task's code dependencies are derived and cannot drift.

Imports are read from the source text, not executed, and only absolute imports of the
package count (ruff's TID252 forbids relative ones): declaring tasks stays cheap, a few
milliseconds for the whole package. A step is a function of steps.py; its code is what it
imports itself, what steps.py imports at module level, and everything those modules import,
at any level (a function's late import of WeasyPrint's writer is as real as a module's).
A registry (readers/registry.py, writers/registry.py) imports each entry's code late, in a
function of its own: a step looking an entry up by its key, `WRITERS["pdf"]`, runs that
entry's code and no other's (a draft's writer rebuilds no PDF); a step looking one up by a
key it learns as it runs, `READERS[source.suffix.lower()]`, may run any.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

PACKAGE = "pipeline"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
STEPS = f"{PACKAGE}.tasks.steps"

IMPORT = re.compile(
    rf"^[ \t]*(?:from[ \t]+({PACKAGE}(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)"
    rf"|import[ \t]+({PACKAGE}(?:\.\w+)*))",
    re.MULTILINE,
)
TOP_LEVEL_FUNCTION = re.compile(r"^def (\w+)\(", re.MULTILINE)
REGISTRIES = {"READERS": f"{PACKAGE}.readers.registry", "WRITERS": f"{PACKAGE}.writers.registry"}
LOOK_UP = re.compile(r"\b(READERS|WRITERS)\[([^]]*)\]")
ENTRY = re.compile(r'^[ \t]+"([^"]+)":[ \t]*(\w+),', re.MULTILINE)  # a registry's `"pdf": pdf,`


@functools.cache
def step_code(step: str) -> tuple[Path, ...]:
    """Every pipeline file the build step `step` (a function of steps.py) runs."""
    head, text = function_source(STEPS, step)
    entries = imports_in(head) | imports_in(text)
    named = entries_looked_up(text)
    entries = (entries - {STEPS} - named.keys()).union(*named.values())
    files = package_modules()
    return tuple(sorted({files[name] for name in {STEPS, *named, *closure(frozenset(entries))}}))


def entries_looked_up(text: str) -> dict[str, set[str]]:
    """Each registry `text` looks entries up in by their keys only, and the modules those
    entries import, with the registry's own."""
    keys: dict[str, set[str]] = {}
    for table, key in LOOK_UP.findall(text):
        keys.setdefault(REGISTRIES[table], set()).add(key)
    named = {}
    for registry, looked_up in keys.items():
        if not all(key.startswith('"') for key in looked_up):
            continue  # a key learnt as the step runs: any entry, the registry's whole code
        source = package_modules()[registry].read_text(encoding="utf-8")
        functions = dict(ENTRY.findall(source))
        named[registry] = imports_in(function_source(registry, "")[0]).union(
            *(imports_in(function_source(registry, functions[key.strip('"')])[1])
              for key in looked_up))
    return named


def function_source(module: str, function: str) -> tuple[str, str]:
    """The text of `module` before its first function (its own imports), and that of its
    top-level `function` (none: "")."""
    source = package_modules()[module].read_text(encoding="utf-8")
    functions = {match.group(1): match.start() for match in TOP_LEVEL_FUNCTION.finditer(source)}
    head = source[: min(functions.values(), default=len(source))]
    if not function:
        return head, ""
    if function not in functions:
        raise ValueError(f"{module} has no function {function!r}")
    start = functions[function]
    end = min((position for position in functions.values() if position > start),
              default=len(source))
    return head, source[start:end]


@functools.cache
def closure(modules: frozenset[str]) -> frozenset[str]:
    """`modules`, the packages holding them, and every pipeline module they import."""
    seen: set[str] = set()
    waiting = list(modules)
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        parent = name.rpartition(".")[0]
        if parent.startswith(PACKAGE):
            waiting.append(parent)
        waiting.extend(module_imports(name))
    return frozenset(seen)


@functools.cache
def module_imports(name: str) -> frozenset[str]:
    return frozenset(imports_in(package_modules()[name].read_text(encoding="utf-8")))


def imports_in(source: str) -> set[str]:
    """The pipeline modules imported anywhere in `source`."""
    names: set[str] = set()
    for match in IMPORT.finditer(source):
        base, imported, plain = match.groups()
        if plain:
            names.add(plain)
            continue
        names.add(base)
        for item in imported.strip("() \n").split(","):
            if item.split():
                names.add(f"{base}.{item.split()[0]}")
    return names & package_modules().keys()


@functools.cache
def package_modules() -> dict[str, Path]:
    """Every module of the package by its dotted name; a package by its __init__.py."""
    modules = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules
