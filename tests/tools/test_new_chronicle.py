"""`chronik neu`: a new chronicle, made from options alone, that passes its checks and builds strictly."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import chronik
from chronik.tools.cli import main as chronik_cli
from conftest import PROJECT, mkdocs_build

BIN = Path(sys.executable).parent
ARGENTINA = ["--land", "AR", "--wahl", "2023-11-19", "--amtsuebernahme", "2023-12-10", "--gewaehlt", "Javier Milei"]
EXPECTED = [
    ".github/ISSUE_TEMPLATE/config.yml", ".github/ISSUE_TEMPLATE/ereignis-vorschlagen.yml",
    ".github/ISSUE_TEMPLATE/fehler-melden.yml", ".github/PULL_REQUEST_TEMPLATE.md", ".github/workflows/ci.yml",
    ".github/workflows/ereignis-uebernehmen.yml", ".github/workflows/pages.yml", ".gitignore",
    ".pre-commit-config.yaml", "README.md", "dev", "docs/daten.md", "docs/index.md", "docs/mitmachen.md",
    "docs/suche.md", "docs/ueber.md", "events/2023-11-19-javier-milei-gewinnt-die-wahl.yaml", "hooks/chronicle.py",
    "mkdocs.yml", "people/javier-milei.yaml", "requirements.txt", "schema/event.schema.json",
    "schema/person.schema.json",
]


def neu(capsys, folder: Path, *options: str) -> tuple[int, str, str]:
    status = chronik_cli(["neu", str(folder), *options], prog="chronik")
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("neu") / "chronik-argentinien"
    assert chronik_cli(["neu", str(folder), *ARGENTINA, "--repository", "https://github.com/Zeitung/chronik-ar",
                        "--zeitzone", "America/Argentina/Buenos_Aires"]) == 0
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def test_neu_writes_the_files_of_a_chronicle_and_names_them(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "neu"
    status, out, err = neu(capsys, folder, *ARGENTINA)
    assert status == 0
    assert out.splitlines() == [f"{folder.as_posix()}/{path}" for path in EXPECTED]
    assert _files(folder) == EXPECTED
    assert err == f"Neue Chronik in {folder} angelegt (23 Dateien). Weiter: cd {folder} && ./dev serve\n"
    assert os.access(folder / "dev", os.X_OK)
    leftovers = [path for path in EXPECTED if "{chronik:" in (folder / path).read_text(encoding="utf-8")]
    assert leftovers == []


def test_the_settings_come_from_the_options(chronicle: Path) -> None:
    config = yaml.safe_load((chronicle / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Chronik: Machtwechsel in Argentinien 2023"
    assert config["site_url"] == "https://zeitung.github.io/chronik-ar/"  # GitHub Pages of the repository
    assert config["theme"]["language"] == "de" and "custom_dir" not in config["theme"]
    assert config["extra"]["chronicle"] == {
        "title": "Machtwechsel in Argentinien 2023", "country": "AR", "president_elect": "javier-milei",
        "election": dt.date(2023, 11, 19), "inauguration": dt.date(2023, 12, 10),
        "repository": "https://github.com/Zeitung/chronik-ar", "timezone": "America/Argentina/Buenos_Aires",
        "footer": {"Mitmachen": "mitmachen.md"},
        "topics": {"wahl": "Wahl", "amtsuebergabe": "Amtsübergabe", "regierungsbildung": "Regierungsbildung",
                   "aussenpolitik": "Außenpolitik und Reisen"}}
    assert "von der Wahl am 19. November 2023" in (chronicle / "docs" / "index.md").read_text(encoding="utf-8")
    assert "10. Dezember 2023, 21 Tage\ndanach" in (chronicle / "docs" / "ueber.md").read_text(encoding="utf-8")
    forms = (chronicle / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8")
    assert "url: https://zeitung.github.io/chronik-ar/mitmachen/" in forms


def test_the_new_chronicle_is_pinned_to_this_version_and_uses_the_packages_hook(chronicle: Path) -> None:
    assert (chronicle / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == \
        f"chronik=={chronik.__version__}"
    # One hook file for every chronicle: this repository's is the one `chronik neu` writes.
    assert (chronicle / "hooks" / "chronicle.py").read_bytes() == (PROJECT / "hooks" / "chronicle.py").read_bytes()
    assert "./dev serve" in (chronicle / "README.md").read_text(encoding="utf-8")
    assert "./dev test" in (chronicle / "README.md").read_text(encoding="utf-8")


def test_the_new_chronicle_passes_its_check_and_builds_strictly(chronicle: Path, tmp_path: Path, capsys) -> None:
    assert chronik_cli(["--root", str(chronicle), "pruefen"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "Alles in Ordnung: 1 Ereignis, 1 Person geprüft."
    result = mkdocs_build(chronicle, tmp_path / "site", pythonpath=PROJECT / "hooks")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    start = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Javier Milei gewinnt die Wahl" in start and "data-pagefind-body" not in start
    assert (tmp_path / "site" / "personen" / "javier-milei" / "index.html").is_file()
    assert (tmp_path / "site" / "assets" / "suche.js").is_file() and (tmp_path / "site" / "pagefind").is_dir()


def test_the_same_options_write_the_same_files(tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "a" / "chronik", tmp_path / "b" / "chronik"
    for folder in (first, second):
        assert neu(capsys, folder, *ARGENTINA)[0] == 0
    assert {path: (first / path).read_bytes() for path in _files(first)} == \
        {path: (second / path).read_bytes() for path in _files(second)}


def test_the_new_chronicles_workflows_and_forms_pass_the_linters(chronicle: Path) -> None:
    workflows = sorted(str(path) for path in (chronicle / ".github" / "workflows").glob("*.yml"))
    result = subprocess.run([str(BIN / "actionlint"), "-no-color", *workflows], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
    result = subprocess.run([str(BIN / "zizmor"), "--offline", "--format=json", "--no-progress",
                             str(chronicle / ".github" / "workflows")], capture_output=True, text=True)
    assert result.returncode == 0 and json.loads(result.stdout) == [], result.stdout + result.stderr
    forms = chronicle / ".github" / "ISSUE_TEMPLATE"
    for schema, files in (("vendor.github-workflows", workflows),
                          ("vendor.github-issue-forms", [forms / "ereignis-vorschlagen.yml", forms / "fehler-melden.yml"]),
                          ("vendor.github-issue-config", [forms / "config.yml"])):
        result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("options, error", [
    (["--land", "Argentinien"], "Fehler: „Argentinien“ ist kein Ländercode – Meintest du AR?"),
    (["--amtsuebernahme", "2023-11-01"], "Fehler: Die Amtsübernahme liegt vor der Wahl – Prüfe --wahl und "
                                         "--amtsuebernahme."),
    (["--repository", "https://gitlab.com/a/b"], "Fehler: „https://gitlab.com/a/b“ ist keine Repository-Adresse auf "
                                                 "GitHub – Schreibe z. B. https://github.com/zeitung/chronik."),
    (["--adresse", "https://zeitung.de/chronik"], "Fehler: „https://zeitung.de/chronik“ ist keine Website-Adresse – "
                                                  "Schreibe sie mit https:// und einem / am Ende, z. B. "
                                                  "https://zeitung.de/chronik/."),
    (["--zeitzone", "Mars/Olympus"], "Fehler: „Mars/Olympus“ ist keine Zeitzone – Nenne sie wie in der "
                                     "IANA-Datenbank, z. B. America/Santiago."),
])
def test_wrong_options_write_nothing_and_say_why_in_german(tmp_path: Path, capsys, options: list[str],
                                                             error: str) -> None:
    status, out, err = neu(capsys, tmp_path / "neu", *ARGENTINA, *options)
    assert (status, out, err) == (1, "", error + "\n")
    assert not (tmp_path / "neu").exists()


def test_neu_never_writes_into_a_folder_that_holds_something(tmp_path: Path, capsys) -> None:
    (tmp_path / "alt").mkdir()
    (tmp_path / "alt" / "notiz.txt").write_text("bleibt", encoding="utf-8")
    status, _, err = neu(capsys, tmp_path / "alt", *ARGENTINA)
    assert status == 1 and "gibt es schon und ist nicht leer" in err
    assert _files(tmp_path / "alt") == ["notiz.txt"]
    assert neu(capsys, tmp_path / "leer", *ARGENTINA)[0] == 0  # a missing folder is made
    (tmp_path / "auch-leer").mkdir()
    assert neu(capsys, tmp_path / "auch-leer", *ARGENTINA)[0] == 0  # an empty one is fine


def test_defaults_need_only_country_and_dates(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "meine-chronik"
    status, _, _ = neu(capsys, folder, "--land", "CL", "--wahl", "2025-12-14", "--amtsuebernahme", "2026-03-11")
    assert status == 0
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["extra"]["chronicle"]["title"] == "Machtwechsel in Chile 2025/26"
    assert config["extra"]["chronicle"]["president_elect"] == "vorname-nachname"
    assert config["site_url"] == "https://example.org/meine-chronik/"
    assert "repository" not in config["extra"]["chronicle"] and "timezone" not in config["extra"]["chronicle"]
