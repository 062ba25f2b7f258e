"""One build at a time in a project: a second `doit` waits for the first, saying so."""

from __future__ import annotations

import fcntl
import sys
from pathlib import Path
from typing import IO


def hold_build_lock(path: Path) -> IO:
    """Lock `path` for this process's lifetime; wait, with a message, while another build holds it.

    The lock keeps two runs from building the same outputs and writing the dependency
    database at once. The operating system releases it when the process ends, even on kill -9.
    """
    handle = path.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"another build is running in {path.parent}; waiting for it to finish",
              file=sys.stderr, flush=True)
        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle
