"""Checked files kept between the builds of one `serve` process (see `FileCache`)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from dataclasses import dataclass

from ..chronicle.fields import Field
from .loading import check_content
from .problems import Problem
from .references import Checked


class FileCache:
    """Checked files kept between the builds of one `serve` process: a file whose identity, size and
    modification and change times are unchanged is neither read nor checked again. Rules across files always
    run anew. The times come from a coarse clock (milliseconds): a file changed no longer than
    _IN_DOUBT before it was cached may have been changed again in the same tick, so its bytes are compared."""

    def __init__(self) -> None:
        self._entries: dict[str, _CacheEntry] = {}

    def check(self, path: str, relative: str, spec: dict[str, Field]) -> tuple[Checked, list[Problem]]:
        stat = os.stat(path)
        stamp = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
        entry = self._entries.get(relative)
        if entry is not None and entry.stamp == stamp and entry.in_doubt:
            compared_at = time.time_ns()
            if _file_digest(path) != entry.digest:
                entry = None
            elif not _in_doubt(stamp, compared_at):  # the same bytes, compared after the tick: no doubt any more
                entry = self._entries[relative] = dataclasses.replace(entry, in_doubt=False)
        if entry is None or entry.stamp != stamp:
            entry = self._entries[relative] = _CacheEntry.of(path, relative, spec, stamp)
        return entry.checked, list(entry.problems)


_IN_DOUBT = 2_000_000_000  # nanoseconds; far above the file system clock's tick


@dataclass(frozen=True)
class _CacheEntry:
    stamp: tuple[int, ...]
    digest: bytes  # of the bytes checked
    in_doubt: bool  # changed so shortly before it was read that a later change may keep the stamp
    checked: Checked
    problems: list[Problem]

    @classmethod
    def of(cls, path: str, relative: str, spec: dict[str, Field], stamp: tuple[int, ...]) -> _CacheEntry:
        read_at = time.time_ns()
        with open(path, "rb") as file:
            content = file.read()
        checked, problems = check_content(relative, content, spec)
        return cls(stamp, _digest(content), _in_doubt(stamp, read_at), checked, problems)


def _in_doubt(stamp: tuple[int, ...], read_at: int) -> bool:
    return read_at - max(stamp[3:]) < _IN_DOUBT


def _file_digest(path: str) -> bytes:
    with open(path, "rb") as file:
        return _digest(file.read())


def _digest(content: bytes) -> bytes:
    return hashlib.blake2b(content, digest_size=16).digest()
