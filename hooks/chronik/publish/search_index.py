"""Site search with Pagefind: the index itself.

The theme marks what Pagefind indexes (theme/main.html: `data-pagefind-body` on Material's
article, unless the page's front matter says `search: {exclude: true}`); chronik.pages.pages.search_marks keeps
the lists of other pages out of it; this module runs Pagefind. Pagefind writes a chunked index to
`pagefind/`; readers download only the chunks their query needs. It folds accents, so `jeri` finds `Jerí`.

During a build, `SearchIndexer` hands each rendered page to a Pagefind service process as soon
as MkDocs has rendered it, so that indexing runs on another core while MkDocs renders the next
page; after the build Pagefind builds the index and hands its files back to be written here.
`build_index` indexes a finished site folder from disk instead (for sites that were not rendered
in this process).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..pages.search_marks import SearchIndexError

BUNDLE_DIR = "pagefind"
_ENTRY = "pagefind-entry.json"  # names the index chunks pagefind.js loads: swapped in last
_BODY = "data-pagefind-body"  # theme/main.html writes it on the article of every searched page


class SearchIndexer:
    """One Pagefind index in a Pagefind service process, fed page by page as MkDocs renders them.

    Speaks the service's protocol (base64-encoded JSON messages, each ended by a comma, the same the
    `pagefind` Python package speaks) with a reader thread, because that package polls for each answer
    with a 0.1 s pause: 1,000 pages took minutes. Pages are handed to a writer thread, so that the
    build never waits while Pagefind reads; answers are collected by a reader thread and checked
    when the index is written."""

    def __init__(self) -> None:
        # Imported here: pagefind pulls in asyncio (70 ms), which a build that indexes nothing never needs.
        from pagefind.service import get_executable
        executable = get_executable()
        if executable is None:
            raise SearchIndexError("Pagefind fehlt; `./dev` installiert es (requirements.txt: pagefind_bin).")
        self._process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE)
        self._answers: dict[int, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._next_id = 0
        self._pages: list[int] = []
        self._outbox: queue.SimpleQueue[tuple[int, dict[str, Any]] | None] = queue.SimpleQueue()
        self._write_error: OSError | None = None
        self._reader = threading.Thread(target=self._read_answers, name="pagefind", daemon=True)
        self._reader.start()
        self._writer = threading.Thread(target=self._write_pages, name="pagefind-writer", daemon=True)
        self._writer.start()
        try:
            self._index_id = self._ask({"type": "NewIndex", "config": None})["index_id"]
        except SearchIndexError:
            self.close()
            raise

    def add(self, html: str, url: str) -> None:
        """Queue a rendered page and return at once. `url` as readers reach it, e.g. `/personen/x/`."""
        self._next_id += 1
        self._pages.append(self._next_id)
        self._outbox.put((self._next_id, {"type": "AddFile", "index_id": self._index_id, "file_path": None,
                                          "url": url, "file_contents": html}))

    def finish(self, site_dir: Path) -> str:
        """Wait for every page, write the index below `site_dir`, stop the service."""
        try:
            self._outbox.put(None)
            self._writer.join()
            if self._write_error is not None:
                raise SearchIndexError(f"Pagefind ist gescheitert: {self._write_error}")
            indexed = sum(1 for message in self._pages if self._wait(message).get("page_word_count"))
            # The index comes back as data and is written here: Pagefind's own WriteFiles answers before
            # its last writes are done and exits at the end of its input, which cut files short
            # (pagefind-ui.js at 112 KiB of 117 KiB, pagefind-worker.js).
            files = self._ask({"type": "GetFiles", "index_id": self._index_id})["files"]
            _write_bundle(site_dir / BUNDLE_DIR, files)
        finally:
            self.close()
        return f"Indexed {indexed} pages"

    def close(self) -> None:
        """Stop the service without writing anything (also after a failed build); no pipe stays open."""
        self._outbox.put(None)
        with contextlib.suppress(OSError):  # a service that died leaves a broken pipe
            self._process.stdin.close()
        if self._process.poll() is None:
            self._process.terminate()
        self._process.wait(timeout=30)
        self._writer.join(timeout=30)
        self._reader.join(timeout=30)  # it reads to the end of the output, which the exit closed
        self._process.stdout.close()

    def _send(self, payload: dict[str, Any]) -> int:
        self._next_id += 1
        try:
            self._write(self._next_id, payload)
        except OSError as error:
            raise SearchIndexError(f"Pagefind ist gescheitert: {error}") from None
        return self._next_id

    def _write(self, message_id: int, payload: dict[str, Any]) -> None:
        message = json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")
        self._process.stdin.write(base64.b64encode(message) + b",")
        self._process.stdin.flush()

    def _write_pages(self) -> None:
        while (item := self._outbox.get()) is not None:
            if self._write_error is None:  # after a failure, drain the queue; finish() reports it
                try:
                    self._write(*item)
                except (OSError, ValueError) as error:  # ValueError: stdin closed by close()
                    self._write_error = OSError(str(error))

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        return self._wait(self._send(payload))

    def _wait(self, message_id: int) -> dict[str, Any]:
        with self._arrived:
            if not self._arrived.wait_for(lambda: message_id in self._answers or self._process.poll() is not None,
                                          timeout=1800) or message_id not in self._answers:
                raise SearchIndexError("Pagefind ist gescheitert: der Dienst antwortet nicht mehr.")
            answer = self._answers.pop(message_id)
        if answer.get("type") == "Error":
            raise SearchIndexError(f"Pagefind ist gescheitert: {answer.get('message')}")
        return answer

    def _read_answers(self) -> None:
        # The index arrives as one message of tens of megabytes: collect its chunks in a list, not by
        # adding bytes to bytes (quadratic).
        stream, pending = self._process.stdout, []
        while chunk := stream.read1(1 << 20):
            if b"," not in chunk:
                pending.append(chunk)
                continue
            first, *complete, rest = chunk.split(b",")
            messages = [b"".join([*pending, first]), *complete]
            pending = [rest] if rest else []
            with self._arrived:
                for message in messages:
                    answer = json.loads(base64.b64decode(message))
                    self._answers[answer.get("message_id") or 0] = answer["payload"]
                self._arrived.notify_all()
            del messages
        with self._arrived:
            self._arrived.notify_all()


def _write_bundle(bundle: Path, files: list[dict[str, str]]) -> None:
    """Swap the files of Pagefind's GetFiles answer in below `bundle` (see `_swap_in`)."""
    def content(file: dict[str, str]) -> Callable[[], bytes]:
        def decoded() -> bytes:
            data, file["content"] = base64.b64decode(file["content"]), ""  # at 10,000 events the index is ~30 MB
            return data
        return decoded
    _swap_in(bundle, {file["path"]: content(file) for file in files})


def _swap_in(bundle: Path, files: dict[str, Callable[[], bytes]]) -> None:
    """Replace the index below `bundle` by `files` (path: its content) while readers keep using it: new files
    first (the chunks' names are hashes of their content), each written beside its place and renamed into it,
    the entry file last; then what only the old index used goes (Pagefind would keep stale chunks). At no
    moment is `pagefind.js` or the entry file missing, and the entry file names chunks that exist."""
    root = bundle.resolve()
    targets = {}
    for path in files:
        target = (root / path).resolve()
        if not target.is_relative_to(root) or target == root:
            raise SearchIndexError(f"Pagefind wollte außerhalb von {BUNDLE_DIR}/ schreiben: {path}")
        targets[path] = target
    for path in sorted(files, key=lambda path: (path == _ENTRY, "/" not in path, path)):
        target = targets[path]
        target.parent.mkdir(parents=True, exist_ok=True)
        incoming = target.with_name(f".{target.name}.neu")
        incoming.write_bytes(files[path]())
        os.replace(incoming, target)
    kept = set(targets.values())
    for old in sorted(root.rglob("*"), reverse=True):  # files before their folders
        if old.is_dir() and not old.is_symlink():
            if not any(old.iterdir()):
                old.rmdir()
        elif old not in kept:
            old.unlink()


class BuildSearch:
    """The search index of one build. Under `build`, each page goes to Pagefind while MkDocs renders
    the next (`SearchIndexer`). Under `serve --dirty` only changed pages pass by: the written site is
    indexed afterwards, in a thread, at low priority, one index at a time (`one_at_a_time`, a lock the
    serve session keeps: a newer rebuild's thread waits, then indexes the site as it is then)."""

    def __init__(self, afterwards: bool, one_at_a_time: threading.Lock | None = None) -> None:
        self._indexer = None if afterwards else SearchIndexer()
        self._one_at_a_time = one_at_a_time or threading.Lock()
        self._checked = False

    def add(self, html: str, url: str) -> None:
        """A page the search indexes. The first must carry the theme's mark (raises SearchIndexError)."""
        if not self._checked:
            if _BODY not in html:
                raise SearchIndexError(
                    f"Die Seite {url} trägt kein `{_BODY}`: Die Suche braucht die Vorlage `main.html` von Chronik "
                    "(im Paket: chronik/mkdocs/theme/main.html); eine eigene `main.html` in `theme.custom_dir` ersetzt "
                    "sie und muss ihre Blöcke übernehmen.")
            self._checked = True
        if self._indexer is not None:
            self._indexer.add(html, url)

    def finish(self, site_dir: Path, report: Callable[[str], None], warn: Callable[[str], None]) -> None:
        """Write the index (raises SearchIndexError), or start indexing the written site afterwards."""
        if self._indexer is not None:
            report(f"Suchindex: {self._indexer.finish(site_dir)}")
            return
        threading.Thread(target=self._index_afterwards, args=(site_dir, report, warn), name="pagefind",
                         daemon=True).start()

    def close(self) -> None:
        """Stop without writing anything (after a failed build)."""
        if self._indexer is not None:
            self._indexer.close()

    def _index_afterwards(self, site_dir: Path, report: Callable[[str], None], warn: Callable[[str], None]) -> None:
        with self._one_at_a_time:
            try:
                report(f"Suchindex: {build_index(site_dir, background=True)}")
            except SearchIndexError as error:
                warn(str(error))


def build_index(site_dir: Path, background: bool = False) -> str:
    """Run Pagefind over the built site; return its summary line. Raises SearchIndexError.
    `background` (serve): at low priority, so that the next rebuild after an edit is not slowed."""
    with tempfile.TemporaryDirectory(prefix="chronik-pagefind-") as written:  # beside the index readers use
        command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", written]
        if background and shutil.which("nice"):
            command = ["nice", "-n", "15", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
        if result.returncode != 0:
            raise SearchIndexError(f"Pagefind ist gescheitert:\n{result.stdout}\n{result.stderr}")
        new = {path.relative_to(written).as_posix(): path.read_bytes
               for path in sorted(Path(written).rglob("*")) if path.is_file()}
        _swap_in(site_dir / BUNDLE_DIR, new)
    indexed = [line.strip() for line in result.stdout.splitlines() if "Indexed" in line]
    return "; ".join(indexed)
