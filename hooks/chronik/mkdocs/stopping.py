"""How `mkdocs serve` stops: the same way, however it is asked to."""

from __future__ import annotations

import signal
import threading


def stop_on_sigterm_as_on_ctrl_c() -> None:
    """`mkdocs serve` removes its temporary copy of the site (`mkdocs_*` in the temp folder) when Ctrl-C
    interrupts it, but not on SIGTERM (how tools and `kill` stop it): SIGTERM becomes the same interrupt."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
