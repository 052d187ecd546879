"""`summary BASE`: what a change does to the chronicle, in words, from a real git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from chronik.tools.cli import main as chronik_cli
from conftest import SEED_CHRONICLE

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A clone-like repository: the seed chronicle committed on `main`, the working tree free to change.
    (The seed, not the live chronicle: the words of a summary are tested against files that stay put.)"""
    for part in ("events", "people"):
        shutil.copytree(SEED_CHRONICLE / part, tmp_path / part)
    shutil.copy(SEED_CHRONICLE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def summary(repo: Path, capsys, base: str = "main") -> tuple[int, str, str]:
    status = chronik_cli(["--root", str(repo), "summary", "--", base])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NEW_EVENT = """\
title: Kast trifft Gabriel Borić
date: 2026-01-06
status: planned
countries: [CL]
people: [jose-antonio-kast, gabriel-boric]
summary: Ein Treffen.
sources:
  - publisher: La Tercera
    title: Kast und Borić
"""


def test_no_change_says_so(repo: Path, capsys) -> None:
    assert summary(repo, capsys) == (0, "## Änderungen an der Chronik\n\nGegenüber `main` keine Änderungen an "
                                        "Ereignissen oder Personen.\n", "")


def test_every_kind_of_change_in_plain_words(repo: Path, capsys) -> None:
    events, people = repo / "events", repo / "people"
    # The plan came true, on a day now known, with a new source.
    peru = events / "2026-01-reise-nach-peru.yaml"
    edit(peru, "date: 2026-01\n", "date: 2026-01-06\n")
    edit(peru, "status: planned\n", "status: happened\n")
    edit(peru, "sources:\n", "sources:\n  - publisher: La Tercera\n    title: Kast in Lima\n")
    edit(events / "2025-12-16-kast-trifft-milei.yaml", "title: Kast trifft Javier Milei in Buenos Aires",
         "title: Kast trifft Milei in Buenos Aires")
    bachelet = events / "2025-12-22-kast-trifft-bachelet.yaml"
    edit(bachelet, "time: midday\n", 'time: "12:30"\n')
    edit(bachelet, "people: [jose-antonio-kast, michelle-bachelet]\n",
         "people: [jose-antonio-kast, michelle-bachelet, {id: cristian-valenzuela, note: möglicherweise}]\n")
    edit(events / "2025-12-19-kast-trifft-frei.yaml", "# Ereignis der Chronik", "# Ereignis der Chronik (geprüft)")
    (events / "2025-12-moeglicher-besuch-in-spanien.yaml").unlink()
    (events / "2026").mkdir()
    (events / "2026-03-11-amtsuebernahme.yaml").rename(events / "2026" / "2026-03-11-amtsuebernahme.yaml")
    (events / "2026-01-06-kast-trifft-boric.yaml").write_text(NEW_EVENT, encoding="utf-8")  # untracked
    (events / "2026-02-01-kaputt.yaml").write_text("title: [kaputt\n", encoding="utf-8")
    (people / "gabriel-boric.yaml").write_text("name: Gabriel Borić\ndescription: Präsident Chiles\n",
                                               encoding="utf-8")
    git(repo, "add", "people/gabriel-boric.yaml")  # staged, not committed
    (people / "diego-paco.yaml").unlink()
    edit(people / "daniel-noboa.yaml", "description: ", "description: Staatschef Ecuadors, früher ")
    (repo / "docs").mkdir()
    (repo / "docs" / "neu.md").write_text("# Neu\n", encoding="utf-8")  # not data: not in the summary

    status, out, err = summary(repo, capsys)
    assert (status, err) == (0, "")
    noboa = (people / "daniel-noboa.yaml").read_text(encoding="utf-8").split("description: ")[1].split("\n")[0]
    assert out == f"""\
## Änderungen an der Chronik

Gegenüber `main`: 2 neue Ereignisse, 4 geänderte Ereignisse, 1 entferntes Ereignis, 1 neue Person, 1 geänderte Person \
und 1 entfernte Person.

### Neue Ereignisse

- **6. Januar 2026:** Kast trifft Gabriel Borić (geplant) – `events/2026-01-06-kast-trifft-boric.yaml`
- `events/2026-02-01-kaputt.yaml` – die Datei hat Fehler; `./dev check` zeigt sie

### Geänderte Ereignisse

- **Kast trifft Milei in Buenos Aires:** Titel vorher „Kast trifft Javier Milei in Buenos Aires“ – \
`events/2025-12-16-kast-trifft-milei.yaml`
- **Kast trifft Michelle Bachelet:** Person ergänzt: `cristian-valenzuela` (möglicherweise); außerdem geändert: Uhrzeit – `events/2025-12-22-kast-trifft-bachelet.yaml`
- **Kast plant Reise nach Peru:** Status geplant → stattgefunden; Datum Januar 2026 → 6. Januar 2026; 1 Quelle \
ergänzt – `events/2026-01-reise-nach-peru.yaml`
- **Amtsübernahme von José Antonio Kast:** nur in einen anderen Ordner gelegt – \
`events/2026-03-11-amtsuebernahme.yaml` → `events/2026/2026-03-11-amtsuebernahme.yaml`

### Entfernte Ereignisse

- **Möglicher Besuch Kasts in Spanien** (etwa Dezember 2025 – März 2026) – \
`events/2025-12-moeglicher-besuch-in-spanien.yaml`

### Neue Personen

- **Gabriel Borić:** Präsident Chiles – `people/gabriel-boric.yaml`

### Geänderte Personen

- **Daniel Noboa:** Beschreibung jetzt „{noboa}“ – `people/daniel-noboa.yaml`

### Entfernte Personen

- **Diego Paco:** Gouverneur von Arica – `people/diego-paco.yaml`

### Nur Kommentare oder Formatierung

1 Datei mit denselben Angaben wie zuvor: `events/2025-12-19-kast-trifft-frei.yaml`.
"""


def test_committed_changes_count_against_an_older_revision(repo: Path, capsys) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "switch", "-q", "-c", "vorschlag")
    (repo / "events" / "2026-01-06-kast-trifft-boric.yaml").write_text(NEW_EVENT, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Neues Ereignis")
    edit(repo / "events" / "2026-01-06-kast-trifft-boric.yaml", "status: planned", "status: cancelled")
    for revision in ("main", base):
        out = summary(repo, capsys, revision)[1]
        assert "Gegenüber" in out and "1 neues Ereignis." in out
        assert "Kast trifft Gabriel Borić (abgesagt)" in out
    out = summary(repo, capsys, "HEAD")[1]
    assert "**Kast trifft Gabriel Borić:** Status geplant → abgesagt – " in out


def test_a_file_that_breaks_or_heals_is_named(repo: Path, capsys) -> None:
    path = repo / "events" / "2025-12-22-kast-trifft-bachelet.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "\tkaputt\n", encoding="utf-8")
    assert ("**Kast trifft Michelle Bachelet:** die Datei hat jetzt Fehler; `./dev check` zeigt sie – "
            "`events/2025-12-22-kast-trifft-bachelet.yaml`") in summary(repo, capsys)[1]
    git(repo, "commit", "-q", "-am", "kaputt")
    path.write_text(good, encoding="utf-8")
    assert "**Kast trifft Michelle Bachelet:** vorher mit Fehlern, jetzt lesbar" in summary(repo, capsys, "HEAD")[1]


def test_titles_are_markdown_escaped(repo: Path, capsys) -> None:
    edit(repo / "events" / "2025-12-22-kast-trifft-bachelet.yaml", "title: Kast trifft Michelle Bachelet",
         'title: "Kast *trifft* [Bachelet](https://x.org)"')
    assert r"**Kast \*trifft\* \[Bachelet\](https://x.org):**" in summary(repo, capsys)[1]


@pytest.mark.parametrize("base, error", [
    ("gibt-es-nicht", "Fehler: Die Git-Revision `gibt-es-nicht` gibt es hier nicht – Hole sie zuerst, z. B. mit "
                      "`git fetch origin main`, oder nenne einen Branch, Tag oder Commit, den es gibt.\n"),
    ("--output=/tmp/x", "Fehler: `--output=/tmp/x` ist keine Git-Revision – Nenne einen Branch, Tag oder Commit, "
                        "z. B. origin/main.\n"),
])
def test_a_revision_that_is_not_there_is_a_clear_error(repo: Path, capsys, base: str, error: str) -> None:
    assert summary(repo, capsys, base) == (1, "", error)


def test_outside_a_git_repository(tmp_path: Path, capsys) -> None:
    status, out, err = summary(tmp_path, capsys)
    assert (status, out) == (1, "")
    assert err == f"Fehler: {tmp_path} ist kein Git-Repository – Rufe den Befehl in einem Klon der Chronik auf.\n"
