"""One build at a time in a project: a second `doit` waits for the first, saying so."""

from __future__ import annotations

import fcntl
import os
import signal
import sys
from pathlib import Path
from typing import IO

PR_SET_PDEATHSIG = 1  # Linux prctl: the signal a process gets when its parent dies


def hold_build_lock(path: Path) -> IO:
    """Lock `path` for this process's lifetime; wait, with a message, while another build holds it.

    The lock keeps two runs from building the same outputs and writing the dependency
    database at once. The operating system releases it when the build ends, even on kill -9:
    the workers `doit -n` forks share it, so they are made to end with the build.
    """
    handle = path.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"another build is running in {path.parent}; waiting for it to finish",
              file=sys.stderr, flush=True)
        fcntl.flock(handle, fcntl.LOCK_EX)
    build = os.getpid()
    os.register_at_fork(after_in_child=lambda: end_with(build))
    return handle


def end_with(parent: int) -> None:
    """Have this forked worker killed when `parent` dies, rather than linger holding the lock."""
    if sys.platform.startswith("linux"):
        import ctypes  # here, in the worker: a build with nothing to do forks none

        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the line above took effect
        os._exit(1)
