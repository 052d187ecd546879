"""The generator as a package: one version, German command names beside the English ones."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest

import chronik
from chronik.tools.cli import COMMAND_ALIASES, main as chronik_cli
from conftest import PROJECT

PYPROJECT = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_lives_in_one_place_and_follows_semantic_versioning() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?", chronik.__version__)
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "chronik.__version__"}


def test_the_changelog_has_a_section_for_the_current_version() -> None:
    changelog = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(chronik.__version__)}\b", changelog, re.MULTILINE)


def test_version_option_names_the_installed_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit:
        chronik_cli(["--version"], prog="chronik")
    assert (exit.value.code, capsys.readouterr().out) == (0, f"chronik {chronik.__version__}\n")


def test_runtime_dependencies_are_ranges_and_the_requirements_pin_each_of_them() -> None:
    pins = {}
    for line in (PROJECT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("#")[0].strip().split("==")
            pins[name.lower().replace("_", "-")] = version
    for requirement in PYPROJECT["project"]["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group().lower().replace("_", "-")
        assert "==" not in requirement and ">=" in requirement, requirement
        assert name in pins, f"{name} is a dependency of the package but not pinned in requirements.txt"
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"


@pytest.mark.parametrize("english, german", sorted(COMMAND_ALIASES.items()))
def test_each_german_command_name_runs_its_english_command(english: str, german: str, capsys) -> None:
    def help_of(name: str) -> str:
        with pytest.raises(SystemExit):
            chronik_cli([name, "--help"], prog="chronik")
        return capsys.readouterr().out.split("\n", 1)[1]  # past the usage line, which names the command
    assert help_of(german) == help_of(english)


def test_pruefen_checks_as_check_does(capsys) -> None:
    results = []
    for name in ("check", "pruefen"):
        status = chronik_cli(["--root", str(PROJECT), name, "events/2025-12-14-kast-gewinnt-stichwahl.yaml"])
        results.append((status, capsys.readouterr().err))
    assert results[0] == results[1] and results[0][0] == 0


WARNS = '''\
import warnings


def warn_from(module):
    warnings.warn_explicit("alt", DeprecationWarning, module.replace(".", "/") + ".py", 1, module=module)


def test_from_the_package():
    warn_from("chronik.chronicle.dates")


def test_from_the_hook_file():
    warn_from("hooks/chronicle.py")


def test_from_a_dependency():
    warn_from("markdown.core")


def test_from_a_module_whose_name_only_starts_alike():
    warn_from("chronikfremd")
'''


def test_deprecation_warnings_of_the_projects_own_code_fail_the_tests(tmp_path) -> None:
    (tmp_path / "test_warns.py").write_text(WARNS, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-c", str(PROJECT / "pyproject.toml"), "-p",
                             "no:cacheprovider", "-q", "-rf", str(tmp_path / "test_warns.py")],
                            capture_output=True, text=True, timeout=120)
    failed = sorted(re.findall(r"^FAILED \S*::(\w+)", result.stdout, re.MULTILINE))
    assert failed == ["test_from_the_hook_file", "test_from_the_package"], result.stdout
    assert "2 failed, 2 passed" in result.stdout
