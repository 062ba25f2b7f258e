"""doit's check of whether a file changed, each file hashed once a run.

doit's MD5 checker hashes a task's changed dependencies when the task succeeds, once a task:
every PDF task depends on every font of its layout, and the Chinese faces alone are 40 MB, so
a cold build would hash them three times a document. A file's digest is kept for the run,
under its time stamp and size (which doit compares first anyway).
"""

from __future__ import annotations

import functools
import os

from doit.dependency import MD5Checker, get_file_md5


class OnceARunChecker(MD5Checker):
    """doit's MD5Checker, each (file, time stamp, size) hashed once a run."""

    def get_state(self, dep, current_state):
        timestamp = os.path.getmtime(dep)
        if current_state and current_state[0] == timestamp:
            return None  # unchanged since doit saved it: as MD5Checker
        return file_state(dep, timestamp, os.path.getsize(dep))


@functools.cache
def file_state(path: str, timestamp: float, size: int) -> tuple[float, int, str]:
    return timestamp, size, get_file_md5(path)
