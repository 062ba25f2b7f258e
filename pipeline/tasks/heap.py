"""Python's cyclic garbage collector set for a build: few, large, short-lived object graphs.

Laying out a PDF makes hundreds of thousands of boxes and styles. With Python's defaults a
young collection runs every 700 new objects, and each older one walks every object alive,
the libraries' own included, so a layout's cost grew faster than its pages: a 61-page print
edition spent a fifth of its time collecting. Before each step, what is alive (the libraries,
imported once a process) is frozen out of collection, as Python's documentation advises for
long-lived objects (gc.freeze), and young collections come less often. Garbage is still
collected: the heap is collected before it is frozen, and reference counting frees the rest.
"""

from __future__ import annotations

import gc

# New objects between young collections (Python's default 700), and young and middle
# collections before an older one (its defaults 10 and 10).
THRESHOLDS = (50_000, 20, 100)


def collect_less() -> None:
    """Collect what is garbage now, freeze what is alive, and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
