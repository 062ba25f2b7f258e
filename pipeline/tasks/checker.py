"""doit's check of whether a file changed, each file hashed once a run, by SHA-256.

doit's MD5 checker hashes a task's changed dependencies when the task succeeds, once a task:
every PDF task depends on every font of its layout, and the Chinese faces alone are 40 MB, so
a cold build would hash them three times a document. A file's digest is kept for the run,
under its time stamp and size (which doit compares first anyway). SHA-256 rather than MD5:
processors hash it in hardware, over twice as fast.
"""

from __future__ import annotations

import functools
import hashlib
import os

from doit.dependency import MD5Checker


class OnceARunChecker(MD5Checker):
    """doit's MD5Checker, each (file, time stamp, size) hashed once a run, by SHA-256."""

    def check_modified(self, file_path, file_stat, state):
        timestamp, size, digest = state
        if file_stat.st_mtime == timestamp:
            return False
        if file_stat.st_size != size:
            return True
        return digest != file_state(file_path, file_stat.st_mtime, file_stat.st_size)[2]

    def get_state(self, dep, current_state):
        timestamp = os.path.getmtime(dep)
        if current_state and current_state[0] == timestamp:
            return None  # unchanged since doit saved it: as MD5Checker
        return file_state(dep, timestamp, os.path.getsize(dep))


@functools.cache
def file_state(path: str, timestamp: float, size: int) -> tuple[float, int, str]:
    return timestamp, size, file_digest(path)


def file_digest(path: str) -> str:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()
