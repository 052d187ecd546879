"""`./dev` picks a supported Python and says which; `./dev build` never leaves `site/` without a complete
site, however it is stopped, and stopping it stops everything it started."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PROJECT, UNSTABLE_SEARCH_FILES
from projects import CHRONICLES, fixture_project

RUNS = 24


def _fake_python(folder: Path, name: str, version: tuple[int, int] | None) -> None:
    """An interpreter named `name` that reports `version` (None: one that does not run, as a pyenv shim
    of an inactive version)."""
    script = folder / name
    if version is None:
        script.write_text("#!/bin/sh\necho \"pyenv: $0: command not found\" >&2\nexit 127\n", encoding="utf-8")
    else:
        script.write_text(f"""#!/bin/sh
if [ "$1" = "--version" ]; then echo "Python {version[0]}.{version[1]}.0"; exit 0; fi
if [ "$1" = "-c" ]; then exec {sys.executable} -c "import sys; sys.version_info = {version!r}; $2"; fi
exec {sys.executable} "$@"
""", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


@pytest.mark.parametrize(("pythons", "chosen"), [
    ({"python3.11": (3, 11), "python3.12": (3, 12), "python3.13": None, "python3": (3, 10)}, "python3.12 (Python 3.12.0)"),
    ({"python3.11": (3, 11), "python3": (3, 13)}, "python3.11 (Python 3.11.0)"),
    ({"python3": (3, 13)}, "python3 (Python 3.13.0)"),
], ids=["neuestes", "mit-namen-zuerst", "python3"])
def test_dev_picks_the_newest_supported_python_and_says_which(tmp_path: Path, pythons: dict, chosen: str) -> None:
    folder = tmp_path / "pythons"
    folder.mkdir()
    for name, version in pythons.items():
        _fake_python(folder, name, version)
    result = _dev_python(folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{folder}/{chosen}\n"


def test_dev_refuses_an_unsupported_python_and_chronik_python_wins(tmp_path: Path) -> None:
    folder = tmp_path / "pythons"
    folder.mkdir()
    _fake_python(folder, "python3", (3, 10))
    result = _dev_python(folder)
    assert result.returncode == 1 and "Kein unterstütztes Python gefunden (3.11 bis 3.13)" in result.stderr
    assert _dev_python(folder, str(folder / "python3")).stdout == f"{folder}/python3 (Python 3.10.0)\n"


def _dev_python(pythons: Path, chronik_python: str | None = None) -> subprocess.CompletedProcess[str]:
    """`./dev python` with only the interpreters in `pythons` on the PATH (and the tools ./dev needs)."""
    tools = pythons.parent / "tools"
    tools.mkdir(exist_ok=True)
    for tool in ("dirname", "sed", "cat"):
        if not (tools / tool).exists():
            (tools / tool).symlink_to(shutil.which(tool))
    env = dict(os.environ, PATH=f"{pythons}:{tools}")
    env.pop("CHRONIK_PYTHON", None)
    if chronik_python:
        env["CHRONIK_PYTHON"] = chronik_python
    return subprocess.run([shutil.which("bash"), str(PROJECT / "dev"), "python"], env=env, capture_output=True,
                          text=True)


def _files(site: Path) -> list[str]:
    """The files of a site; the search files whose names vary from build to build by their pattern."""
    names = (path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    return sorted(re.sub(r"_[0-9a-f]+\.", "_*.", name) if UNSTABLE_SEARCH_FILES.match(name) else name
                  for name in names)


def _left_running(project: Path) -> list[str]:
    """Processes still working in `project` (an orphaned MkDocs or Pagefind would be)."""
    running = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and Path(os.readlink(proc / "cwd")) == project:
                running.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            pass
    return running


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_dev_build_stopped_at_any_moment_leaves_a_complete_site(tmp_path: Path) -> None:
    project = fixture_project(CHRONICLES / "valid-trip", tmp_path / "project").resolve()
    for name in ("dev", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(PROJECT / name, project / name)
    env = dict(os.environ, CHRONIK_VENV=str(Path(sys.prefix)), SOURCE_DATE_EPOCH="1795000000")

    def build() -> subprocess.Popen:
        return subprocess.Popen(["bash", "dev", "build"], cwd=project, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
    started = time.monotonic()
    first = build()
    assert first.wait(timeout=300) == 0, first.stderr.read()
    first.stderr.close()
    duration = time.monotonic() - started
    expected = _files(project / "site")
    assert "index.html" in expected and any(name.startswith("pagefind/") for name in expected)
    chance = random.Random(23)
    for run in range(RUNS):
        running = build()
        time.sleep(chance.uniform(0, duration * 1.2))
        running.send_signal(signal.SIGINT if run % 4 == 3 else signal.SIGTERM)
        assert running.wait(timeout=60) is not None
        running.stderr.close()
        assert (project / "site" / "index.html").is_file(), f"run {run}"
        assert _files(project / "site") == expected, f"run {run}"
        assert _left_running(project) == [], f"run {run}"
        assert not (project / "site.neu").exists(), f"run {run}"
