"""The package as a newsroom gets it: a wheel built from the source, installed into a fresh virtual
environment with nothing but its own dependencies. Nothing here puts hooks/ on the path or reuses a
package of the test environment: a missing dependency, template or asset fails these tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import chronik
from conftest import FIXTURES, PROJECT, SOURCE_DATE_EPOCH, mkdocs_build

SOURCE = ("pyproject.toml", "hooks/chronik")  # what the wheel is built from


def _run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
         timeout: int = 600) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env or _clean_env(), capture_output=True,
                            text=True, timeout=timeout)
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result


def _clean_env() -> dict[str, str]:
    """The environment without anything that would let Python find the checkout's package."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, NO_MKDOCS_2_WARNING="1")
    for name in ("PYTHONPATH", "VIRTUAL_ENV", "CHRONIK_VENV"):
        env.pop(name, None)
    return env


@pytest.fixture(scope="session")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel of this checkout and its dependencies (from the package
    index, through pip's cache); returns its bin/ folder."""
    work = tmp_path_factory.mktemp("paket")
    source = work / "quelle"  # a copy, so that building leaves nothing in the checkout
    for part in SOURCE:
        if (PROJECT / part).is_dir():
            shutil.copytree(PROJECT / part, source / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy(PROJECT / part, source / part)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", work / "wheels", source)
    wheels = sorted((work / "wheels").glob("chronik-*.whl"))
    assert [wheel.name for wheel in wheels] == [f"chronik-{chronik.__version__}-py3-none-any.whl"]
    _run(sys.executable, "-m", "venv", work / "venv")
    bin_dir = work / "venv" / "bin"
    _run(bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheels[0])
    return bin_dir


def test_the_installed_package_is_the_wheel_not_the_checkout(venv: Path) -> None:
    found = _run(venv / "python", "-c", "import chronik, sys; print(chronik.__file__); print(sys.path)", cwd=venv)
    location = Path(found.stdout.splitlines()[0])
    assert location.is_relative_to(venv.parent) and "site-packages" in location.parts
    assert str(PROJECT) not in found.stdout
    assert _run(venv / "chronik", "--version").stdout == f"chronik {chronik.__version__}\n"
    files = _run(venv / "python", "-c", "import chronik, pathlib; root = pathlib.Path(chronik.__file__).parent; "
                 "print(sorted(p.relative_to(root).as_posix() for p in root.rglob('*') if p.is_file() "
                 "and '__pycache__' not in p.parts and p.suffix != '.py'))").stdout
    for data in ("pages/templates/event.md.j2", "publish/open_data.schema.json", "mkdocs/theme/main.html",
                 "mkdocs/theme/assets/suche.js", "tools/starter/mkdocs.yml", "tools/starter/dot-github/workflows/ci.yml",
                 "tools/starter/dev"):
        assert f"'{data}'" in files, data


def test_chronik_neu_then_a_strict_build_with_the_installed_package_only(venv: Path, tmp_path: Path) -> None:
    folder = tmp_path / "neue-chronik"
    _run(venv / "chronik", "neu", folder, "--land", "PE", "--wahl", "2026-06-07", "--amtsuebernahme", "2026-07-28",
         "--gewaehlt", "Ana Pérez", "--repository", "https://github.com/redaktion/chronik-peru", cwd=tmp_path)
    assert not (folder / "hooks" / "chronik").exists()
    checked = _run(venv / "chronik", "pruefen", cwd=folder)
    assert checked.stderr.splitlines()[-1] == "Alles in Ordnung: 1 Ereignis, 1 Person geprüft."
    result = mkdocs_build(folder, tmp_path / "site", python=str(venv / "python"))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    site = tmp_path / "site"
    assert "Ana Pérez gewinnt die Wahl" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "personen" / "ana-perez" / "index.html").is_file()
    assert (site / "assets" / "suche.js").is_file() and (site / "pagefind" / "pagefind.js").is_file()
    # The newsroom's own command runs the same with the same environment: check, then a strict build.
    dev = _run("bash", "dev", "test", cwd=folder, env=dict(_clean_env(), CHRONIK_VENV=str(venv.parent)))
    assert "Alles in Ordnung: 1 Ereignis, 1 Person geprüft." in dev.stderr
    assert (folder / "site" / "index.html").is_file()


def test_the_argentina_chronicle_builds_from_the_installed_package(venv: Path, tmp_path: Path) -> None:
    project = shutil.copytree(FIXTURES / "argentinien", tmp_path / "argentinien")
    assert sorted(path.name for path in (project / "hooks").iterdir()) == ["chronicle.py"]  # no generator inside
    result = mkdocs_build(project, tmp_path / "site", python=str(venv / "python"))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    site = tmp_path / "site"
    for event in sorted((FIXTURES / "argentinien" / "events").glob("*.yaml")):
        assert (site / "ereignisse" / event.stem / "index.html").is_file(), event.stem
    assert "<title>Argentiniens Machtwechsel 2023</title>" in (site / "feeds" / "chronik.xml").read_text("utf-8")
    assert (site / "assets" / "chronik.css").read_bytes() == \
        (PROJECT / "hooks" / "chronik" / "mkdocs" / "theme" / "assets" / "chronik.css").read_bytes()
