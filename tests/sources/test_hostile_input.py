"""Hostile and broken input beyond the golden corpus: sizes, exit status, half-built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from chronik.tools.cli import main as chronik_cli
from conftest import CHRONICLES, PROJECT, copy_project, load_case, mkdocs_build
from projects import fixture_project

CASES = sorted(path for path in CHRONICLES.iterdir() if path.is_dir())
MINIMAL = CHRONICLES / "minimal"


def test_a_10_mb_file_is_refused_by_its_size(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(MINIMAL, case, ignore=shutil.ignore_patterns("expected"))
    (case / "events" / "2025-12-15-riesig.yaml").write_bytes(b"title: x\nsummary: " + b"a" * 10_000_000 + b"\n")
    assert [p.format() for p in load_case(case).problems] == [
        "events/2025-12-15-riesig.yaml: Fehler: Die Datei ist 10.000.019 Bytes groß, erlaubt sind höchstens "
        "100.000 – Teile den Inhalt auf mehrere Ereignisse auf oder kürze die Zusammenfassung."]


def test_a_list_of_10000_entries_is_refused_by_its_size(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(MINIMAL, case, ignore=shutil.ignore_patterns("expected"))
    entries = "".join("  - CL\n" for _ in range(10_000))
    (case / "events" / "2025-12-15-lang.yaml").write_text(f"title: x\ncountries:\n{entries}", encoding="utf-8")
    assert [p.format() for p in load_case(case).problems] == [
        "events/2025-12-15-lang.yaml:5000: Fehler: Die Datei enthält mehr als 5.000 Werte – Ein Ereignis braucht "
        "nur wenige Einträge; teile es auf."]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_checker_prints_every_problem_and_exits_by_severity(case: Path, tmp_path: Path, capsys) -> None:
    root = tmp_path / "root"
    shutil.copytree(case, root, ignore=shutil.ignore_patterns("expected"), symlinks=True)
    if not (root / "mkdocs.yml").exists():
        shutil.copy(CHRONICLES / "mkdocs.yml", root / "mkdocs.yml")
    expected = (case / "expected" / "problems.txt").read_text(encoding="utf-8").splitlines()
    os.environ["SOURCE_DATE_EPOCH"] = "1768435200"  # 2026-01-15, the fixtures' day
    try:
        status = chronik_cli(["--root", str(root), "check"])
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    printed = capsys.readouterr().err.splitlines()
    assert printed[:-1] == expected
    assert status == (1 if any(": Fehler: " in line for line in expected) else 0)
    assert printed[-1].startswith("Alles in Ordnung" if status == 0 else f"{sum(': Fehler: ' in l for l in expected)} Fehler")


def test_a_failed_build_leaves_the_last_good_site_in_place(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for name in ("dev", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(PROJECT / name, project / name)
    env = dict(os.environ, CHRONIK_VENV=str(PROJECT / ".venv"), SOURCE_DATE_EPOCH="1795000000")
    good = subprocess.run(["bash", "dev", "build"], cwd=project, env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    before = (project / "site" / "index.html").read_bytes()
    (project / "events" / "2025-12-24-kaputt.yaml").write_text("titel: kaputt\n", encoding="utf-8")
    bad = subprocess.run(["bash", "dev", "build"], cwd=project, env=env, capture_output=True, text=True)
    assert bad.returncode != 0
    assert "Traceback" not in bad.stderr
    assert (project / "site" / "index.html").read_bytes() == before


def test_a_fixture_chronicle_builds_byte_identically(tmp_path: Path) -> None:
    sites = []
    for name in ("a", "b"):
        project = fixture_project(CHRONICLES / "valid-trip", tmp_path / name)
        assert mkdocs_build(project, project / "site").returncode == 0
        sites.append({p.relative_to(project / "site").as_posix(): p.read_bytes()
                      for p in sorted((project / "site").rglob("*")) if p.is_file() and "pagefind" not in p.parts})
    assert sites[0] == sites[1]
