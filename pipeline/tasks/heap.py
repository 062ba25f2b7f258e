"""Memory for a build: Python's cyclic garbage collector set for few, large, short-lived
object graphs, and a stack that a layout's deep recursion does not map and unmap.

Laying out a PDF makes hundreds of thousands of boxes and styles. With Python's defaults a
young collection runs every 700 new objects, and each older one walks every object alive,
the libraries' own included, so a layout's cost grew faster than its pages: a 61-page print
edition spent a fifth of its time collecting. Before each step, what is alive (the libraries,
imported once a process) is frozen out of collection, as Python's documentation advises for
long-lived objects (gc.freeze), and young collections come less often. Garbage is still
collected: the heap is collected before it is frozen, and reference counting frees the rest.

CPython keeps a thread's frames in chunks of 16 KB, each mapped from the kernel when a call
finds no room left in the last one, and unmapped as soon as the calls return out of it. A
layout recurses deeply, back and forth across those boundaries: a cold build of the seed
mapped and unmapped some 44,000 chunks, a tenth of a PDF's processor time. A step is run
from a frame made STEP_FRAME_SLOTS tall, for which CPython maps one chunk of 256 KB, and
the step's own frames fit in the 133 KB left in it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# New objects between young collections (Python's default 700), and young and middle
# collections before an older one (its defaults 10 and 10).
THRESHOLDS = (50_000, 20, 100)
# A new chunk holds the frame that needs it and 1,000 slots more, rounded up to a power of
# two bytes: 8 × (15,400 + 1,000) bytes is just over 128 KB, so the chunk is 256 KB.
STEP_FRAME_SLOTS = 15_400


def collect_less() -> None:
    """Collect what is garbage now, freeze what is alive, and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


def on_a_roomy_stack(step: Callable[..., T], *arguments) -> T:
    """`step(*arguments)`, its frames in a chunk of their own (see above)."""
    return step(*arguments)


# The frame's evaluation stack, never used beyond its first slots, is what makes it tall.
on_a_roomy_stack.__code__ = on_a_roomy_stack.__code__.replace(co_stacksize=STEP_FRAME_SLOTS)
