"""Work shared by two processes from both ends of a list: this process takes items from the front,
a forked helper from the back, until they meet. Each item is taken by exactly one side."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

CLAIM_TIMEOUT = 60.0  # seconds


class ClaimError(RuntimeError):
    """The other process holds the lock for far too long (it died holding it); the message is German."""


class Claims:
    """`count` items; one lock and two counters in memory both processes share (create before the fork)."""

    def __init__(self, context: Any, count: int) -> None:
        self._lock = context.Lock()
        self._front = context.RawValue("q", 0)  # indexes below this one: the front's
        self._back = context.RawValue("q", count)  # indexes from this one on: the back's

    def front_takes(self, index: int) -> bool:
        """The front takes `index` (and gives up every index before it), unless the back has it."""
        with self._locked():
            if index < self._back.value:
                self._front.value = max(self._front.value, index + 1)
                return True
            return False

    def front_takes_next(self) -> int | None:
        """The next index from the front, or None when the back has taken it."""
        with self._locked():
            if self._front.value >= self._back.value:
                return None
            self._front.value += 1
            return self._front.value - 1

    def back_takes(self) -> int | None:
        """The next index from the back, or None when the front has taken it."""
        with self._locked():
            if self._back.value - 1 < self._front.value:
                return None
            self._back.value -= 1
            return self._back.value

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        # Held for microseconds; only a process killed while holding it leaves it taken: fail, do not hang.
        if not self._lock.acquire(timeout=CLAIM_TIMEOUT):
            raise ClaimError("Der zweite Prozess hält die Verteilung der Arbeit fest; der Build bricht ab.")
        try:
            yield
        finally:
            self._lock.release()
