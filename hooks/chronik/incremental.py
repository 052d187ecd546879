"""What changed since the previous build of one `serve` process.

`mkdocs serve --dirty` renders only pages whose file reports itself modified. MkDocs' generated
files always do, so the hook asks this tracker instead: a generated page or file is modified when
its content differs from the previous build's, and a hand-written page with `<!-- chronik: … -->`
markers when any fragment does. A full build never consults it.
"""

from __future__ import annotations

import hashlib


def _digest(content: str | bytes) -> bytes:
    return hashlib.blake2b(content.encode("utf-8") if isinstance(content, str) else content, digest_size=16).digest()


class ChangeTracker:
    def __init__(self) -> None:
        self._previous: dict[str, bytes] = {}
        self._current: dict[str, bytes] = {}

    def start(self) -> None:
        """A new build: what the last one recorded becomes the comparison."""
        if self._current:
            self._previous = self._current
        self._current = {}

    def changed(self, path: str, content: str | bytes) -> bool:
        """Record `content` for `path`; True if it differs from the previous build's (or is new)."""
        digest = self._current[path] = _digest(content)
        return self._previous.get(path) != digest

    def fragments_changed(self, fragments: dict[str, str]) -> bool:
        return any([self.changed(f"fragment:{name}", text) for name, text in sorted(fragments.items())])

    def forget(self) -> None:
        """After a failed or broken build nothing is known to be current: the next build renders all."""
        self._previous, self._current = {}, {}
