"""One fork rule (chronik.sources.fork_rule) for build, serve and check: where fork fails or does not exist,
everything runs in one process with the same output; under serve nothing forks."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from chronik.sources import fork_rule
from conftest import PROJECT, SOURCE_DATE_EPOCH, comparable_site, copy_project

# Runs `mkdocs` or `python -m chronik` with fork failing (`eagain`) or gone (`gone`), and with a second
# process wanted from the first file on (the shipped chronicle has fewer files than the thresholds).
FAULTY = """
import errno, os, runpy, sys
from chronik.sources import loading
loading._AHEAD_FROM = loading._TWO_PROCESSES_FROM = 1
fault, module = sys.argv.pop(1), sys.argv.pop(1)
if fault == "eagain":
    def fork():
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
    os.fork = fork
else:
    del os.fork
sys.argv[0] = module
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def _run_faulty(fault: str, project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=str(project / "hooks"))
    return subprocess.run([sys.executable, "-c", FAULTY, fault, *arguments], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("fault", ["eagain", "gone"])
def test_a_build_where_fork_fails_or_is_missing_gives_the_same_site(site: Path, tmp_path: Path, fault: str) -> None:
    project = copy_project(tmp_path / "project")
    result = _run_faulty(fault, project, "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "im zweiten Prozess" not in result.stderr  # it knew it ran in one
    assert comparable_site(tmp_path / "site") == comparable_site(site)


@pytest.mark.parametrize("fault", ["eagain", "gone"])
def test_the_checker_where_fork_fails_or_is_missing_gives_the_same_report(fault: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "events" / "2026-03-10-zz-kaputt.yaml").write_text("title: [kaputt\n", encoding="utf-8")
    expected = subprocess.run([sys.executable, "-m", "chronik", "check"], cwd=project, capture_output=True,
                              text=True, env=dict(os.environ, PYTHONPATH=str(project / "hooks")), timeout=300)
    result = _run_faulty(fault, project, "chronik", "check")
    assert "Traceback" not in result.stderr
    assert "zz-kaputt.yaml:1" in result.stdout + result.stderr
    assert (result.returncode, result.stdout, result.stderr) == (expected.returncode, expected.stdout, expected.stderr)


def test_serve_never_forks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs' server and watcher threads run under serve (Python 3.12 warns of every fork there)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    forks = []
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or pytest.fail("forked under serve"))
    project = copy_project(tmp_path / "project")
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=True)
    for _ in range(2):
        build(config, dirty=True)
    assert forks == []
    assert (tmp_path / "site" / "zeitleiste" / "index.html").is_file()


def test_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fork_rule.may_fork("x") is (sys.platform == "linux")
    assert not fork_rule.may_fork("x", serving=True)
    monkeypatch.delattr(os, "fork")
    assert not fork_rule.may_fork("x")


def test_a_failed_fork_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    def fork():
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
    monkeypatch.setattr(os, "fork", fork)
    process = multiprocessing.get_context("fork").Process(target=print)
    assert fork_rule.start(process, "x") is False
