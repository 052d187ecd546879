"""`mkdocs serve` survives broken data files, shows their problems in the browser, and shows the fix
once it is saved."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from conftest import CHRONICLES, SOURCE_DATE_EPOCH, copy_project, temporary_leftovers, write_past_plans

EVENT = "events/2025-12-14-kast-gewinnt-stichwahl.yaml"
PAGE = "ereignisse/2025-12-14-kast-gewinnt-stichwahl/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _fetch_any(url: str) -> tuple[int, str]:
    """Status and page, also for 404; a request that hangs fails the test (timeout), it is not retried."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _wait_for(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@contextmanager
def _serving(tmp_path: Path, past_plans: int = 0) -> Iterator[tuple[Path, str, Path, subprocess.Popen]]:
    """A copy of the project under `mkdocs serve`: (project, event page URL, log file, server); with
    `past_plans` plans whose date has passed and that no newer source confirms."""
    project = copy_project(tmp_path / "project")
    write_past_plans(project, past_plans)
    port = _free_port()
    log_path = tmp_path / "serve.log"
    temp = tmp_path / "temp"  # where serve keeps its copy of the site
    temp.mkdir()
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, NO_MKDOCS_2_WARNING="1", TMPDIR=str(temp))
    with log_path.open("w", encoding="utf-8") as log:
        # As `./dev serve` runs it. --livereload explicitly: it is what watches the files (and click 8.3.0/8.3.1
        # turned it off).
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty",
                                   "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        url = f"http://127.0.0.1:{port}/chronik/{PAGE}"
        try:
            _wait_for(lambda: "Kast gewinnt die Stichwahl" in _fetch(url), "the first build")
            yield project, url, log_path, server
            assert "Traceback" not in log_path.read_text(encoding="utf-8")
        finally:
            server.terminate()  # SIGTERM, as tools stop it
            server.wait(timeout=30)
    assert temporary_leftovers(temp) == []  # serve removed its copy of the site


def _rename_event(project: Path) -> None:
    event = project / EVENT
    event.write_text(event.read_text(encoding="utf-8").replace("Kast gewinnt die Stichwahl",
                                                                "Kast siegt in der Stichwahl"), encoding="utf-8")


def test_serve_keeps_running_on_errors_and_recovers(tmp_path: Path) -> None:
    with _serving(tmp_path, past_plans=2) as (project, url, log, server):
        event = project / EVENT
        original = event.read_text(encoding="utf-8")
        event.write_text(original.replace("title:", "titel:"), encoding="utf-8")
        _wait_for(lambda: "Unbekanntes Feld `titel`" in log.read_text(encoding="utf-8"), "the error")
        assert server.poll() is None, "serve stopped on a data error"
        event.write_text(original, encoding="utf-8")
        _rename_event(project)
        _wait_for(lambda: "Kast siegt in der Stichwahl" in _fetch(url), "the fixed page")
        # Every rebuild sums up the plans whose date has passed in one line: the error above stood out.
        text = log.read_text(encoding="utf-8")
        assert "aber das Datum ist vorbei" not in text
        assert text.count("Pläne mit vergangenem Datum") >= 2  # the first build and at least one rebuild


def test_serve_survives_the_whole_corpus_at_once_and_recovers(tmp_path: Path) -> None:
    with _serving(tmp_path) as (project, url, log, server):
        copied = 0
        for case in sorted(CHRONICLES.glob("invalid-*")):
            for source in sorted(path for path in case.glob("events/**/*") if path.is_file()):
                target = project / "events" / "korpus" / case.name / source.relative_to(case / "events")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
                copied += 1
        assert copied > 30
        _wait_for(lambda: "korpus/invalid-" in log.read_text(encoding="utf-8"), "the errors")
        _wait_for(lambda: "korpus/invalid-" in _fetch_any(url)[1], "the error page")
        assert server.poll() is None, "serve stopped on the corpus"
        shutil.rmtree(project / "events" / "korpus")
        _rename_event(project)
        _wait_for(lambda: "Kast siegt in der Stichwahl" in _fetch(url), "the recovered site")


BROKEN_LINE = 3  # an unclosed quote here; libyaml itself reports a later line


def _break_title(project: Path) -> str:
    event = project / EVENT
    original = event.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    assert lines[BROKEN_LINE - 1].startswith("title:")  # the line the problem must be reported on
    lines[BROKEN_LINE - 1] = 'title: "Kast gewinnt die Stichwahl\n'
    event.write_text("".join(lines), encoding="utf-8")
    return original


def test_serve_shows_the_problems_on_every_page_and_never_holds_a_request(tmp_path: Path) -> None:
    with _serving(tmp_path) as (project, url, log, server):
        start = url.split("/chronik/")[0] + "/chronik/"
        original = _break_title(project)
        where = f"{EVENT}:{BROKEN_LINE}"
        _wait_for(lambda: where in _fetch_any(url)[1], "the error page")
        for address in (url, start, start + "personen/", start + "gibt-es-nicht/"):
            status, page = _fetch_any(address)  # answered at once, not held until a good build
            assert status in (200, 404) and "data-chronik-fehlerseite" in page, address
            assert (f'<code>{where}</code>: YAML-Syntaxfehler: Das Anführungszeichen &quot; in dieser Zeile wird nicht '
                    "geschlossen") in page  # escaped: a contributor's text is never markup
            assert "Die Daten enthalten 1 Fehler in 1 Datei" in page
        assert "An error happened during the rebuild" not in log.read_text(encoding="utf-8")
        assert server.poll() is None
        (project / EVENT).write_text(original, encoding="utf-8")
        _rename_event(project)
        _wait_for(lambda: "Kast siegt in der Stichwahl" in _fetch(url), "the fixed page")
        assert "data-chronik-fehlerseite" not in _fetch(start)


def test_an_open_browser_shows_the_problems_and_then_the_fixed_page_by_itself(tmp_path: Path, page) -> None:
    """Live reload in a real Chromium: nobody presses reload."""
    with _serving(tmp_path) as (project, url, log, server):
        page.goto(url)
        assert page.locator("article h1").first.inner_text().strip() == "Kast gewinnt die Stichwahl"
        original = _break_title(project)
        page.wait_for_selector("html[data-chronik-fehlerseite]", timeout=60_000)
        assert f"{EVENT}:{BROKEN_LINE}" in page.locator("main").inner_text()
        (project / EVENT).write_text(original, encoding="utf-8")
        _rename_event(project)
        page.wait_for_function("() => document.querySelector('article h1')?.textContent.includes('Kast siegt')",
                               timeout=60_000)


BROKEN_FILE = "events/2026-01-01-kaputt.yaml"


def _searched_urls(temp: Path) -> set[str]:
    """The addresses in the search index of the site serve writes into `temp`."""
    urls = set()
    for fragment in temp.glob("mkdocs_*/pagefind/fragment/*.pf_fragment"):
        urls.add(json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))["url"])
    return urls


def test_with_dirty_every_page_shows_the_problems_and_every_page_comes_back(tmp_path: Path) -> None:
    """README: while a file is broken every page shows the problems, hand-written ones and those of the
    chronicle alike; after the fix every page is back, and the search finds "Über" again."""
    with _serving(tmp_path) as (project, url, log, server):
        start = url.split("/chronik/")[0] + "/chronik/"
        pages = [url, start, start + "ueber/", start + "suche/", start + "zeitleiste/",
                 start + "personen/jose-antonio-kast/", start + "laender/cl/", start + "themen/wahl/"]
        _wait_for(lambda: {"/ueber/", "/personen/jose-antonio-kast/"} <= _searched_urls(tmp_path / "temp"),
                  "the first search index")
        (project / BROKEN_FILE).write_text('title: "kaputt\n', encoding="utf-8")
        _wait_for(lambda: all(f"{BROKEN_FILE}:" in _fetch_any(page)[1] for page in pages), "the problems everywhere")
        indexed = log.read_text(encoding="utf-8").count("Suchindex:")
        (project / BROKEN_FILE).unlink()
        _wait_for(lambda: not any("data-chronik-fehlerseite" in _fetch_any(page)[1] for page in pages),
                  "every page back")
        assert "<h1" in _fetch(start + "ueber/") and "Kast gewinnt die Stichwahl" in _fetch(url)
        _wait_for(lambda: log.read_text(encoding="utf-8").count("Suchindex:") > indexed, "the new search index")
        assert {"/ueber/", "/personen/jose-antonio-kast/"} <= _searched_urls(tmp_path / "temp")
