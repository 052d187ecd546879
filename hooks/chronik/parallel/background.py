"""Render a planned site on the second core while the site engine works on the pages it already has.

A site engine registers every planned page and file at once (`site.plan_site`: paths are known
before content) and asks for each page's Markdown when it reads the page, for the files when it
writes them. A forked process renders pages and files in plan order and streams them back; a
thread here receives them, so the worker never waits for the engine. MkDocs spends its first phase
turning Markdown into HTML on one core: the pages are ready long before it asks for the last one.

Once its own work is done, the worker can take over part of the engine's: converting pages (for
MkDocs: Markdown to HTML, by MkDocs' own code; `Sharing`). The engine converts pages from the front
of the list, the worker from the back, until they meet; each page is claimed by exactly one side.

Where the fork rule says no (chronik.sources.fork_rule: not Linux, under serve) or the fork fails,
everything is rendered here, on demand, and the engine converts every page itself; the same happens
from the moment a worker stops answering while alive (SILENCE_LIMIT). The output is the same either
way: the same functions render the same plan.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..sources import fork_rule
from ..sources.claims import Claims
from ..publish.site import SitePlan
from ..pages.views import PageGroup

_BATCH = 32  # pages per message: fewer, larger messages cost the receiving thread less of the GIL
_PIPE_SIZE = 1 << 20  # Linux' default upper limit for unprivileged processes (/proc/sys/fs/pipe-max-size)
_CONVERTED_BATCH = 8  # converted pages are larger; the engine waits for the last ones where both sides meet
_PURPOSE = "Seiten und Dateien der Chronik"
# Seconds the worker may stay silent while the engine waits for it: it sends every few pages, each rendered in
# milliseconds. A worker silent for longer is stopped and the engine does its work itself.
SILENCE_LIMIT = 60.0


@dataclass(frozen=True)
class Sharing:
    """Pages the worker may convert for the engine once pages and files are rendered.

    `paths`: in the order the engine converts them. `convert(path, markdown)` runs in the worker and
    returns the engine's result as bytes, or None where the engine must convert the page itself
    (say, because converting it there logged a warning the engine has to show)."""

    paths: Sequence[str]
    convert: Callable[[str, str], bytes | None]


class BackgroundError(RuntimeError):
    """The worker failed; the message carries its traceback (a bug, not a data problem)."""


class SiteRenderer:
    """`groups`: the page groups this renderer makes (all of the plan's unless given); `sharing`: pages
    the worker converts for the engine when it has time (only when forked); `forked`: whether to fork (by
    default as the fork rule says, `serving` under `mkdocs serve`)."""

    def __init__(self, plan: SitePlan, forked: bool | None = None, groups: list[PageGroup] | None = None,
                 sharing: Sharing | None = None, serving: bool = False) -> None:
        self._plan = plan
        self._groups = plan.groups if groups is None else groups
        self._ready: dict[str, Any] = {}  # path -> Markdown (pages) or bytes (site files)
        self._converted: dict[str, bytes | None] = {}  # path -> what the worker's conversion gave
        self._sharing = sharing
        self._owed = {page_plan.path for group in self._groups for page_plan in group.plans}
        self._claims: Claims | None = None
        self._shared_index = {path: index for index, path in enumerate(sharing.paths)} if sharing else {}
        self._done = False
        self._failure: str | None = None  # the worker's traceback
        self._changed = threading.Condition()
        self.seconds = 0.0  # the time rendering pages and files took (in the worker: its own clock), for the log
        self._last_heard = time.monotonic()  # when the worker last sent something
        self._pages = (page for group in self._groups for page in group.render())  # rendered here: in order, once
        self._process: Any = None
        self.forked = (fork_rule.may_fork(_PURPOSE, serving) if forked is None else forked) and self._start_worker()

    def page(self, path: str) -> str:
        """The Markdown of a planned page (waits for the worker if it has not sent it yet)."""
        self._owed.discard(path)
        return self._take(path) if self.forked else self._render_here(path)

    def take_page(self, path: str) -> str | None:
        """`page` for a page this renderer still owes; None for any other (hand-written, or taken)."""
        return self.page(path) if path in self._owed else None

    def converted(self, path: str) -> bytes | None:
        """For a page the engine is about to convert: the worker's result, or None if the engine
        converts it itself (the page is not shared, the worker has not claimed it, or it declined)."""
        index = self._shared_index.get(path)
        if index is None or self._claims is None or self._claims.front_takes(index):
            return None
        return self._arrived(self._converted, path)

    def files(self) -> dict[str, bytes]:
        """Every site file, by path (waits for the worker to finish)."""
        if self.forked and self._wait(lambda: self._done):
            self._raise_failure()
            files = {path: self._ready.pop(path) for path in self._plan.file_paths}
            self.close()
            return files
        started = time.perf_counter()
        files = {file.path: file.content for file in self._plan.files()}
        self.seconds += time.perf_counter() - started
        return files

    def close(self) -> None:
        """Stop the worker (after the files arrived, or when the build is abandoned)."""
        process, self._process = self._process, None
        if process is not None:
            if process.is_alive() and not self._done:
                process.kill()  # SIGKILL: a stopped worker ignores SIGTERM until it runs again
            process.join()

    def _render_here(self, path: str) -> str:
        started = time.perf_counter()
        while path not in self._ready:
            page = next(self._pages)  # StopIteration here would be a path outside the plan: a bug
            self._ready[page.path] = page.markdown
        self.seconds += time.perf_counter() - started
        return self._ready.pop(path)

    def _take(self, path: str) -> str:
        markdown = self._arrived(self._ready, path)
        return self._render_here(path) if markdown is None else markdown

    def _arrived(self, store: dict[str, Any], path: str) -> Any:
        """What the worker sent for `path` into `store` (waiting for it), taken out of `store`; None if the
        worker stopped answering (the engine does the work itself from now on)."""
        if self.forked and self._wait(lambda: path in store or self._done):
            with self._changed:
                if path in store:
                    return store.pop(path)
            self._raise_failure()
            raise KeyError(path)  # the worker finished without it: a path outside the plan, a bug
        return None

    def _wait(self, ready: Callable[[], bool]) -> bool:
        """Wait until `ready()` or the worker failed (True), or until it has been silent for SILENCE_LIMIT
        seconds while alive (False): then it is stopped, and the engine does its work itself."""
        with self._changed:
            while not (ready() or self._failure is not None):
                silent = time.monotonic() - self._last_heard
                if silent >= SILENCE_LIMIT:
                    break
                self._changed.wait(SILENCE_LIMIT - silent)
            else:
                return True
        self._give_up()
        return False

    def _give_up(self) -> None:
        self.forked, self._claims = False, None  # every page not yet sent: rendered and converted here
        self.close()

    def _raise_failure(self) -> None:
        if self._failure is None:
            return
        raise BackgroundError(f"Die Seiten der Chronik konnten nicht erzeugt werden:\n{self._failure}")

    def _start_worker(self) -> bool:
        """Fork the worker and start receiving; False if the fork failed."""
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        _widen(receiver)
        if self._sharing is not None:
            self._claims = Claims(context, len(self._sharing.paths))
        self._process = context.Process(target=_work, args=(self._plan, self._groups, sender, self._sharing,
                                                            self._claims), name="chronik-pages", daemon=True)
        started = fork_rule.start(self._process, _PURPOSE)
        sender.close()  # the worker holds the only sending end: its exit ends the stream
        if not started:
            receiver.close()
            self._process = self._claims = None
            return False
        threading.Thread(target=self._receive, args=(receiver,), name="chronik-pages", daemon=True).start()
        return True

    def _receive(self, receiver: Any) -> None:
        while True:
            try:
                kind, payload = receiver.recv()
            except (EOFError, OSError):
                kind, payload = "failure", "Der Hintergrundprozess endete ohne Ergebnis."
            with self._changed:
                self._last_heard = time.monotonic()
                if kind == "items":
                    self._ready.update(payload)
                elif kind == "converted":
                    self._converted.update(payload)
                elif kind == "done":
                    self._done, self.seconds = True, payload
                else:
                    self._failure = payload
                self._changed.notify_all()
            if kind not in ("items", "converted"):
                receiver.close()
                return


def _widen(connection: Any) -> None:
    """A larger pipe (64 KiB by default): the worker writes whole batches without waiting for the
    receiving thread, which must first get the GIL from the engine's busy thread for every read."""
    try:
        import fcntl
        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or the system allows less: slower, not wrong


def _work(plan: SitePlan, groups: list[PageGroup], sender: Any, sharing: Sharing | None,
          claims: Claims | None) -> None:
    """In the forked process: the pages of `groups`, then every file, in plan order; then, from the
    back, shared pages the engine has not reached yet."""
    started = time.perf_counter()
    shared = set(sharing.paths) if sharing else set()
    kept: dict[str, str] = {}  # the Markdown of shared pages, for converting them later
    try:
        batch: dict[str, Any] = {}
        size = 1  # the engine waits for the first page: send it alone, then batches twice as large up to _BATCH
        for page in (page for group in groups for page in group.render()):
            batch[page.path] = page.markdown
            if page.path in shared:
                kept[page.path] = page.markdown
            if len(batch) == size:
                sender.send(("items", batch))
                batch, size = {}, min(2 * size, _BATCH)
        sender.send(("items", batch))
        sender.send(("items", {file.path: file.content for file in plan.files()}))
        rendered_in = time.perf_counter() - started
        if sharing is not None and claims is not None:
            _convert_from_the_back(sharing, claims, kept, sender)
        sender.send(("done", rendered_in))
    except BaseException:  # noqa: BLE001 - a bug (data problems stop the build before): hand it to the build
        sender.send(("failure", traceback.format_exc()))
    finally:
        sender.close()


def _convert_from_the_back(sharing: Sharing, claims: Claims, markdown: dict[str, str], sender: Any) -> None:
    converted: dict[str, bytes | None] = {}
    while (index := claims.back_takes()) is not None:
        path = sharing.paths[index]
        try:
            converted[path] = sharing.convert(path, markdown.pop(path))
        except Exception:  # noqa: BLE001 - the engine converts the page again and reports the error itself
            converted[path] = None
        if len(converted) == _CONVERTED_BATCH:
            sender.send(("converted", converted))
            converted = {}
    sender.send(("converted", converted))
