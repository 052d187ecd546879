"""When the build may use a second process, decided in one place for build, serve and check.

A second process is a fork: it shares the engine's objects as they are at that moment. It is used
only where fork is the platform's safe default (Linux), where `os.fork` exists, never under serve
(MkDocs' server and watcher threads run there, and a fork copies whatever lock they hold; Python 3.12
warns of it), and a fork that fails (at the process limit: EAGAIN) means one process. Every caller
gives the same output in one process. (Here, with claims.py, because the checker uses it too.)
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from typing import Any

log = logging.getLogger("mkdocs.hooks.chronicle")  # as the adapter's: `mkdocs` shows it, `--strict` ignores debug


def may_fork(purpose: str, serving: bool = False) -> bool:
    """Whether `purpose` (what the second process would do, for the log) may run in a forked process;
    `serving`: under `mkdocs serve`."""
    if serving:
        reason = "nicht unter serve"
    elif not hasattr(os, "fork") or "fork" not in multiprocessing.get_all_start_methods():
        reason = "fork gibt es hier nicht"
    elif not sys.platform.startswith("linux"):
        reason = f"fork ist auf {sys.platform} nicht der sichere Standard"
    else:
        return True
    log.debug(f"Ein Prozess für {purpose}: {reason}")
    return False


def start(process: Any, purpose: str) -> bool:
    """Start a `multiprocessing` process made with the "fork" context; False if the fork failed (the
    caller does the work itself)."""
    try:
        process.start()
    except (OSError, AttributeError) as error:  # EAGAIN, ENOMEM; AttributeError: os.fork gone meanwhile
        log.debug(f"Ein Prozess für {purpose}: fork scheiterte ({error})")
        return False
    return True
