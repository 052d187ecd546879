"""Every page of a test build is valid HTML, judged by the Nu Html Checker (the W3C's validator), without
exceptions: where Material's templates wrote invalid markup, the chronicle's theme overrides them
(theme/partials/toc.html).

`./dev test` installs the checker (npm `vnu-jar`, pinned in tests/validator/) and, where it can, Java.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT

VNU = PROJECT / "tests" / "validator" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Markup the checker must reject: the chart's old mistake, a <details> after the figure's caption.
INVALID = ("<!DOCTYPE html><html lang=de><title>x</title><figure><svg></svg><figcaption>x</figcaption>"
           "<details><summary>y</summary></details></figure></html>")


def require_checker() -> str:
    java = shutil.which("java")
    if java and VNU.exists():
        return java
    message = f"Java oder der Nu Html Checker ({VNU.relative_to(PROJECT)}) fehlt; `./dev test` installiert beide"
    if os.environ.get("CHRONIK_REQUIRE_VALIDATOR"):
        pytest.fail(message)
    pytest.skip(message)


def check(java: str, *paths: Path) -> list[dict]:
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                             *map(str, paths)], capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


def test_every_page_is_valid_html(site: Path, tmp_path: Path) -> None:
    java = require_checker()
    invalid = tmp_path / "ungueltig.html"
    invalid.write_text(INVALID, encoding="utf-8")
    messages = check(java, site, invalid)
    pages = {message["url"] for message in messages}
    assert any(url.endswith("/ungueltig.html") for url in pages), "the checker found nothing in invalid markup"
    errors = [f"{m['url'].removeprefix('file:' + str(site))}:{m.get('lastLine')}: {m['message']}"
              for m in messages if not m["url"].endswith("/ungueltig.html")]
    assert errors == []
    assert len(list(site.rglob("*.html"))) > 30  # the whole site was there to check
