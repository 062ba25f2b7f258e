"""LibreOffice started headless for a script driving it over UNO, and stopped after: what the
scripts making the editors' drafts (drafts/make_drafts.py) and retyping them
(libreoffice_retype.py) share. Imported only in the system's Python, where LibreOffice's
bridge (python3-uno) is."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import uno


@contextlib.contextmanager
def office(profile: Path, pipe: str, home: Path | None = None) -> Iterator[object]:
    """LibreOffice's component context, LibreOffice running with the throwaway `profile`
    (and HOME `home`), listening on the named `pipe`; stopped, it and its children, after."""
    process = subprocess.Popen(
        [shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile.as_uri()}",
         "--headless", "--invisible", "--norestore",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, **({"HOME": str(home)} if home else {})})
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(300):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 (not listening yet)
                time.sleep(0.2)
        yield context
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                                   context)
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
    finally:
        time.sleep(1)
        with contextlib.suppress(ProcessLookupError):  # soffice and the soffice.bin it starts
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
