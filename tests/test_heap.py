"""A build step runs from a frame tall enough that CPython maps a chunk of its own for the
step's frames (tasks/heap.py): the step's answer, arguments and errors are untouched."""

import pytest

from pipeline.tasks.heap import STEP_FRAME_SLOTS, on_a_roomy_stack

# CPython's smallest chunk of frames, and the slots it keeps free beyond a frame (3.11, 3.12).
CHUNK_BYTES = 16 * 1024
OVERHEAD_SLOTS = 1000


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
