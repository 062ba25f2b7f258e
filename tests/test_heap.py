"""The build's setting of Python's garbage collector, and the frame a build step runs from,
tall enough that CPython maps a chunk of its own for the step's frames (tasks/heap.py): the
step's answer, arguments and errors are untouched."""

import gc
import weakref

import pytest

from pipeline.tasks.heap import STEP_FRAME_SLOTS, THRESHOLDS, collect_less, on_a_roomy_stack

# CPython's smallest chunk of frames, and the slots it keeps free beyond a frame (3.11, 3.12).
CHUNK_BYTES = 16 * 1024
OVERHEAD_SLOTS = 1000


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


def test_the_step_runs_with_its_arguments_and_its_answer_comes_back():
    assert on_a_roomy_stack(lambda a, b: (a, b), 1, b"two") == (1, b"two")


def test_the_steps_error_comes_through():
    def failing():
        raise ValueError("a step's error")

    with pytest.raises(ValueError, match="a step's error"):
        on_a_roomy_stack(failing)


def test_the_frame_asks_for_a_chunk_of_256_kb_half_of_it_left_to_the_step():
    slots = on_a_roomy_stack.__code__.co_stacksize
    assert slots >= STEP_FRAME_SLOTS
    needed = 8 * (slots + OVERHEAD_SLOTS)
    chunk = CHUNK_BYTES
    while chunk < needed:
        chunk *= 2
    assert chunk == 256 * 1024
    assert chunk - 8 * slots > 128 * 1024


def test_deep_recursion_under_it_is_as_deep_as_without():
    def depth(n):
        return 0 if n == 0 else 1 + depth(n - 1)

    assert on_a_roomy_stack(depth, 500) == 500
