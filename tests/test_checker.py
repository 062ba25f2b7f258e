"""doit's file check: a file whose time stamp changed counts as changed only when its
content did, and each file is hashed once a run."""

import os

from pipeline.tasks.checker import OnceARunChecker


def test_a_touched_file_is_unchanged_and_an_edited_one_changed(tmp_path):
    dep = tmp_path / "style.css"
    dep.write_text("p { margin: 0 }")
    checker = OnceARunChecker()
    state = checker.get_state(str(dep), None)
    assert checker.get_state(str(dep), state) is None  # same time stamp: not hashed again

    os.utime(dep, (state[0] + 5, state[0] + 5))
    assert not checker.check_modified(str(dep), os.stat(dep), state)

    dep.write_text("p { margin: 1 }")  # the same size
    os.utime(dep, (state[0] + 10, state[0] + 10))
    assert checker.check_modified(str(dep), os.stat(dep), state)

    dep.write_text("p { margin: 10 }")
    assert checker.check_modified(str(dep), os.stat(dep), state)
