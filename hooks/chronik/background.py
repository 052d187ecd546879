"""Render a planned site on the second core while the site engine works on the pages it already has.

A site engine registers every planned page and file at once (`site.plan_site`: paths are known
before content) and asks for each page's Markdown when it reads the page, for the files when it
writes them. A forked process renders pages and files in plan order and streams them back; a
thread here receives them, so the worker never waits for the engine. MkDocs spends its first phase
turning Markdown into HTML on one core: the pages are ready long before it asks for the last one.

Where `fork` is not available (Windows, macOS' default), everything is rendered here, on demand.
The output is the same either way: the same functions render the same plan.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
import time
import traceback
from typing import Any

from .site import SitePlan
from .views import PageGroup

_BATCH = 32  # pages per message: fewer, larger messages cost the receiving thread less of the GIL


class BackgroundError(RuntimeError):
    """The worker failed; the message carries its traceback (a bug, not a data problem)."""


class SiteRenderer:
    """`groups`: the page groups this renderer makes (all of the plan's unless given)."""

    def __init__(self, plan: SitePlan, forked: bool | None = None, groups: list[PageGroup] | None = None) -> None:
        self._plan = plan
        self._groups = plan.groups if groups is None else groups
        self._ready: dict[str, Any] = {}  # path -> Markdown (pages) or bytes (site files)
        self._done = False
        self._failure: str | None = None  # the worker's traceback
        self._changed = threading.Condition()
        self.seconds = 0.0  # the time rendering took (in the worker: its own clock), for the build's log
        if forked is None:
            forked = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
        self.forked = forked
        self._process: Any = None
        if forked:
            self._start_worker()
        else:
            self._pages = (page for group in self._groups for page in group.render())

    def page(self, path: str) -> str:
        """The Markdown of a planned page (waits for the worker if it has not sent it yet)."""
        return self._take(path) if self.forked else self._render_here(path)

    def files(self) -> dict[str, bytes]:
        """Every site file, by path (waits for the worker to finish)."""
        if not self.forked:
            started = time.perf_counter()
            files = {file.path: file.content for file in self._plan.files()}
            self.seconds += time.perf_counter() - started
            return files
        with self._changed:
            self._changed.wait_for(lambda: self._done or self._failure is not None)
        self._raise_failure()
        files = {path: self._ready.pop(path) for path in self._plan.file_paths}
        self.close()
        return files

    def close(self) -> None:
        """Stop the worker (after the files arrived, or when the build is abandoned)."""
        process, self._process = self._process, None
        if process is not None:
            if process.is_alive() and not self._done:
                process.terminate()
            process.join()

    def _render_here(self, path: str) -> str:
        started = time.perf_counter()
        while path not in self._ready:
            page = next(self._pages)  # StopIteration here would be a path outside the plan: a bug
            self._ready[page.path] = page.markdown
        self.seconds += time.perf_counter() - started
        return self._ready.pop(path)

    def _take(self, path: str) -> str:
        with self._changed:
            self._changed.wait_for(lambda: path in self._ready or self._done or self._failure is not None)
            if path in self._ready:
                return self._ready.pop(path)
        self._raise_failure()
        raise KeyError(path)  # the worker finished without this page: a path outside the plan

    def _raise_failure(self) -> None:
        if self._failure is None:
            return
        raise BackgroundError(f"Die Seiten der Chronik konnten nicht erzeugt werden:\n{self._failure}")

    def _start_worker(self) -> None:
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_work, args=(self._plan, self._groups, sender), name="chronik-pages",
                                        daemon=True)
        self._process.start()
        sender.close()  # the worker holds the only sending end: its exit ends the stream
        threading.Thread(target=self._receive, args=(receiver,), name="chronik-pages", daemon=True).start()

    def _receive(self, receiver: Any) -> None:
        while True:
            try:
                kind, payload = receiver.recv()
            except (EOFError, OSError):
                kind, payload = "failure", "Der Hintergrundprozess endete ohne Ergebnis."
            with self._changed:
                if kind == "items":
                    self._ready.update(payload)
                elif kind == "done":
                    self._done, self.seconds = True, payload
                else:
                    self._failure = payload
                self._changed.notify_all()
            if kind != "items":
                receiver.close()
                return


def _work(plan: SitePlan, groups: list[PageGroup], sender: Any) -> None:
    """In the forked process: the pages of `groups`, then every file, in plan order."""
    started = time.perf_counter()
    try:
        batch: dict[str, Any] = {}
        for page in (page for group in groups for page in group.render()):
            batch[page.path] = page.markdown
            if len(batch) == _BATCH:
                sender.send(("items", batch))
                batch = {}
        sender.send(("items", batch))
        sender.send(("items", {file.path: file.content for file in plan.files()}))
        sender.send(("done", time.perf_counter() - started))
    except BaseException:  # noqa: BLE001 - a bug (data problems stop the build before): hand it to the build
        sender.send(("failure", traceback.format_exc()))
    finally:
        sender.close()
