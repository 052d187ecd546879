"""What the second process hands back to the site engine (see background.py), and how the engine
makes sure it is exactly what it would have made itself.

The worker does a step of the engine's own work on its forked copy of the engine's objects, and
sends back the attributes that step set, together with a digest of the input it started from. The
engine takes them only for the very same input. Objects both processes hold (the engine's files and
pages) travel as keys and come back as the receiving process' own objects.
"""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
from collections.abc import Callable
from typing import Any

Key = tuple[str, str]
_ABSENT = object()


def attributes_set_by(target: object, step: Callable[[], None]) -> dict[str, Any]:
    """Run `step` and return the attributes it set on `target`; `target` keeps its old ones (the
    worker keeps nothing it hands over: only the engine needs it)."""
    before = dict(vars(target))
    step()
    changed = {name: value for name, value in vars(target).items() if before.get(name, _ABSENT) is not value}
    for name in changed:
        if name in before:
            vars(target)[name] = before[name]
        else:
            del vars(target)[name]
    return changed


def pack(source: str, attributes: dict[str, Any], key_of: Callable[[object], Key | None]) -> bytes:
    """`attributes` made from `source`, for `unpack`; objects with a key travel as that key."""
    buffer = io.BytesIO()
    _KeyPickler(buffer, key_of).dump((_digest(source), attributes))
    return buffer.getvalue()


def unpack(payload: bytes, source: str, resolve: Callable[[Key], object]) -> dict[str, Any] | None:
    """The attributes of `pack`, or None if they were made from another source than `source`."""
    digest, attributes = _KeyUnpickler(io.BytesIO(payload), resolve).load()
    return attributes if digest == _digest(source) else None


# Python 3.13 made `persistent_id` and `persistent_load` read-only on pickler instances (assigning them
# raised in every conversion, so the worker converted no page there): methods of subclasses work on 3.11-3.13.
class _KeyPickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, key_of: Callable[[object], Key | None]) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self._key_of = key_of

    def persistent_id(self, obj: object) -> Key | None:
        return self._key_of(obj)


class _KeyUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, resolve: Callable[[Key], object]) -> None:
        super().__init__(file)
        self._resolve = resolve

    def persistent_load(self, key: Key) -> object:
        return self._resolve(key)


def _digest(source: str) -> bytes:
    return hashlib.blake2b(source.encode("utf-8"), digest_size=16).digest()


def collect_log_records(into: list[logging.LogRecord]) -> None:
    """In the worker: keep every log record in `into` instead of printing it. A message the engine's
    step logs belongs to the engine (under MkDocs' `strict` it counts there), so the worker declines
    such a page and the engine does the step itself. One handler at the root, every logger propagating."""
    collector = logging.Handler()
    collector.emit = into.append  # type: ignore[method-assign]
    for logger in logging.Logger.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            logger.handlers, logger.propagate = [], True
    logging.root.handlers = [collector]
