"""The build's setting of Python's garbage collector (pipeline/tasks/heap.py)."""

import gc
import weakref

from pipeline.tasks.heap import THRESHOLDS, collect_less


class Node:
    pass


def test_garbage_is_collected_not_frozen():
    cycle = Node()
    cycle.itself = cycle
    gone = weakref.ref(cycle)
    del cycle
    before = gc.get_threshold()
    try:
        collect_less()
        assert gone() is None  # a cycle left before the step is freed, not kept frozen
        assert gc.get_threshold() == THRESHOLDS
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
