"""Lighthouse scores of the pages readers use most: a measurement, not a test.

Builds the shipped chronicle, serves it on 127.0.0.1 the way a static host does (gzip), runs
Lighthouse 12.2.3 (npm, `npm ci --prefix bench` once) with the system's Chromium on each page
(mobile, simulated throttling, Lighthouse's defaults) and prints the four category scores.
Exit status 1 if a score misses its target: performance >= 95, the other three 100.

    PYTHONPATH=hooks .venv/bin/python bench/lighthouse.py [--keep FOLDER] [--desktop]

The site is built with `site_url` set to the local address, so that canonical links and the
feeds point where the pages are really served (as they do once deployed).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "bench" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PREFIX = "/chronik/"
PAGES = {
    "Start": "",
    "Zeitleiste": "zeitleiste/",
    "Ereignis": "ereignisse/2025-12-22-kast-trifft-bachelet/",
    "Person": "personen/michelle-bachelet/",
    "Land": "laender/cl/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")
_COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".ics", ".csv", ".txt"}


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site below PREFIX, gzip-compressed where the browser accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(PREFIX):] if path.startswith(PREFIX) else path)

    def send_head(self):  # noqa: ANN201 - same signature as the base class
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in _COMPRESSED
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        if self.path.split("?", 1)[0].endswith(PREFIX.rstrip("/")):
            return super().send_head()  # let the base class redirect to the slash
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages sends it
        self.end_headers()
        return io.BytesIO(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build(target: Path, site_url: str) -> Path:
    """The shipped project, copied, with site_url pointing at the local server; built strictly."""
    target.mkdir(parents=True, exist_ok=True)
    for part in ("mkdocs.yml", "docs", "events", "people", "hooks"):  # hooks/: the package brings its theme
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / part)
    config_path = target / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["site_url"] = site_url
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(target / "hooks"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "site"],
                   cwd=target, env=env, check=True)
    return target / "site"


def lighthouse(url: str, report: Path, desktop: bool) -> dict[str, int]:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               "--only-categories=" + ",".join(CATEGORIES), f"--chrome-flags={CHROME_FLAGS}", "--locale=de"]
    if desktop:
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), timeout=300)
    result = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def failed_audits(report: Path) -> list[str]:
    result = json.loads(report.read_text(encoding="utf-8"))
    failed = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failed.append(f"{name}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".rstrip())
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="write the site and the JSON reports into this folder")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset instead of mobile")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse fehlt: einmal `npm ci --prefix bench` ausführen.")
    work = args.keep or Path(tempfile.mkdtemp(prefix="chronik-lighthouse-"))
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site = build(work / "project", f"http://127.0.0.1:{port}{PREFIX}")
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    missed = False
    try:
        print(f"{'Seite':<12}" + "".join(f"{name:>16}" for name in CATEGORIES))
        for label, path in PAGES.items():
            report = work / f"{label.lower()}.json"
            scores = lighthouse(f"http://127.0.0.1:{port}{PREFIX}{path}", report, args.desktop)
            print(f"{label:<12}" + "".join(f"{scores[name]:>16}" for name in CATEGORIES), flush=True)
            if any(scores[name] < TARGETS[name] for name in CATEGORIES):
                missed = True
                for line in failed_audits(report):
                    print(f"{'':<12}  {line}")
    finally:
        server.shutdown()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("Ziele: " + ", ".join(f"{name} >= {target}" for name, target in TARGETS.items())
          + (" – verfehlt" if missed else " – erreicht"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
