"""`mkdocs serve` survives a broken data file and shows the fix once it is saved."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import SOURCE_DATE_EPOCH, copy_project

EVENT = "events/2025-12-14-kast-gewinnt-stichwahl.yaml"
PAGE = "ereignisse/2025-12-14-kast-gewinnt-stichwahl/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


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


def test_serve_keeps_running_on_errors_and_recovers(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/chronik/{PAGE}"
    event = project / EVENT
    original = event.read_text(encoding="utf-8")
    try:
        _wait_for(lambda: "Kast gewinnt die Stichwahl" in _fetch(url), "the first build")
        event.write_text(original.replace("title:", "titel:"), encoding="utf-8")
        _wait_for(lambda: "Unbekanntes Feld `titel`" in Path(log.name).read_text(encoding="utf-8"), "the error")
        assert server.poll() is None, "serve stopped on a data error"
        event.write_text(original.replace("Kast gewinnt die Stichwahl", "Kast siegt in der Stichwahl"),
                         encoding="utf-8")
        _wait_for(lambda: "Kast siegt in der Stichwahl" in _fetch(url), "the fixed page")
        assert "Traceback" not in Path(log.name).read_text(encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
