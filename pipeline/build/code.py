"""The code an output is made by: the pipeline's modules a build step imports, followed
through every import, so a task's code dependencies are derived and cannot drift.

Imports are read from the source (ast), not executed: declaring tasks stays cheap. A step
is a function of steps.py; its code is what it imports itself, what steps.py imports at
module level, and everything those modules import, at any level.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = "pipeline"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
STEPS = f"{PACKAGE}.build.steps"


def step_code(step: str) -> list[Path]:
    """Every pipeline file the build step `step` (a function of steps.py) runs."""
    tree = parsed(module_file(STEPS))
    function = next((node for node in tree.body
                     if isinstance(node, ast.FunctionDef) and node.name == step), None)
    if function is None:
        raise ValueError(f"{STEPS} has no step {step!r}")
    entries = (imported(function, STEPS) | imported_at_top(tree, STEPS)) - {STEPS}
    return sorted({module_file(name) for name in {STEPS, *closure(frozenset(entries))}})


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
        waiting.extend(imported(parsed(module_file(name)), name))
    return frozenset(seen)


def imported(node: ast.AST, module: str) -> set[str]:
    """The pipeline modules imported anywhere inside `node`, part of `module`."""
    names: set[str] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Import):
            names.update(alias.name for alias in child.names)
        elif isinstance(child, ast.ImportFrom):
            base = absolute(child, module)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in child.names)
    return {name for name in names if is_module(name)}


def imported_at_top(tree: ast.Module, module: str) -> set[str]:
    top = ast.Module(body=[node for node in tree.body
                           if isinstance(node, ast.Import | ast.ImportFrom)], type_ignores=[])
    return imported(top, module)


def absolute(node: ast.ImportFrom, module: str) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".")[: -node.level]
    return ".".join([*package, *([node.module] if node.module else [])])


def is_module(name: str) -> bool:
    return name.split(".")[0] == PACKAGE and module_file(name).is_file()


def module_file(name: str) -> Path:
    path = PACKAGE_DIR.parent.joinpath(*name.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


@functools.cache
def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_bytes(), filename=str(path))
