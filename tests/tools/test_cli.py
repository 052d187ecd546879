"""The command line as a contributor meets it: `new` files that pass `check` once filled in, `check`
inside GitHub Actions, and the `./dev` entry points."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from chronik.tools import schema as chronik_schema
from chronik.tools.cli import main as chronik_cli
from chronik.chronicle.fields import EVENT_FIELDS, PERSON_FIELDS
from chronik.sources.loading import load_chronicle
from conftest import generated_pages
from chronik.sources.problems import Problem
from chronik.chronicle.slugs import MAX_SLUG, slug
from chronik.sources.settings import build_date, read_config, settings_from_config
from chronik.sources.yaml_source import read_document
from conftest import PROJECT
from test_docs import field_names

TODAY = "1796428800"  # 2026-12-05, as SOURCE_DATE_EPOCH: after every event of the shipped chronicle


@pytest.fixture
def root(tmp_path: Path, monkeypatch) -> Path:
    """A project with the shipped data and settings, on a fixed day, outside GitHub Actions."""
    for part in ("events", "people"):
        shutil.copytree(PROJECT / part, tmp_path / part)
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def run(root: Path, capsys, *args: str) -> tuple[int, str, str]:
    status = chronik_cli(["--root", str(root), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def messages(err: str) -> list[str]:
    """`path:line: Fehler: message – hint` -> `line: message`, without the closing count line."""
    return [re.sub(r"^[^:]+:(\d+): Fehler: (.*?) – .*$", r"\1: \2", line) for line in err.splitlines()[:-1]]


def fill_event(text: str) -> str:
    return (text.replace("summary: |\n", "summary: |\n  Kast traf Borić im Palacio de La Moneda.\n", 1)
                .replace("  - publisher:\n", "  - publisher: La Tercera\n", 1)
                .replace("    title:\n", "    title: Kast und Borić sprechen über die Übergabe\n", 1))


def uncomment(text: str) -> str:
    """What a contributor does to use every optional field: drop `# ` in front of commented-out YAML
    (`# place: …`, `#   - by: …`, `#   # by (Pflicht): …`), keep the explanations."""
    lines = []
    for line in text.splitlines():
        match = re.match(r"^(\s*)# (.*)$", line)
        if match and re.match(r"^(\s*(- )?[a-z_]+:( |$)|\s+# )", match.group(2)):
            line = match.group(1) + match.group(2)
        lines.append(line)
    return "\n".join(lines) + "\n"


def blocks(text: str) -> dict[str, list[str]]:
    """The comment block of each top-level field, found by its line `key:` or `# key:`."""
    found = {}
    for block in text.split("\n\n")[1:]:
        lines = block.splitlines()
        key = next(re.match(r"^(?:# )?([a-z_]+):", line).group(1) for line in lines
                   if re.match(r"^(?:# )?[a-z_]+:", line))
        found[key] = lines
    return found


# new event ------------------------------------------------------------------------------------

def test_a_new_event_has_every_field_and_passes_check_once_filled_in(root: Path, capsys) -> None:
    status, out, err = run(root, capsys, "new", "event", "Kast trifft Gabriel Borić", "--date", "2026-01-06",
                           "--person", "jose-antonio-kast", "--country", "CL", "--country", "pe")
    relative = "events/2026-01-06-kast-trifft-gabriel-boric.yaml"
    assert (status, out) == (0, relative + "\n"), err
    assert f"./dev check {relative}" in err
    text = (root / relative).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/event.schema.json"
    assert lines[1] == "# Ereignis der Chronik; Format: siehe docs/mitmachen.md"
    for name in field_names(EVENT_FIELDS):
        assert re.search(rf"^[#\s]*(- )?{name.split('.')[-1]}:", text, re.MULTILINE), name
    commented = blocks(text)
    assert list(commented) == list(EVENT_FIELDS)
    for key, field in EVENT_FIELDS.items():
        assert commented[key][0].startswith("# (Pflicht)" if field.required else "# (optional)"), key
    assert "title: Kast trifft Gabriel Borić\n" in text and "date: 2026-01-06\n" in text
    assert "countries: [CL, PE]\n" in text and "people:\n  - jose-antonio-kast\n" in text
    assert "status: happened\n" in text  # 6 January lies before the day of the build

    # Not filled in: `check` names exactly the gaps, with their lines.
    status, _, err = run(root, capsys, "check", relative)
    gaps = {key: lines.index(line) + 1 for key, line in (("summary", "summary: |"), ("publisher", "  - publisher:"),
                                                          ("title", "    title:"))}
    assert status == 1
    assert messages(err) == [f"{gaps['summary']}: `summary` ist leer",
                             f"{gaps['publisher']}: `sources[0].publisher` ist leer",
                             f"{gaps['title']}: `sources[0].title` ist leer"]

    (root / relative).write_text(fill_event(text), encoding="utf-8")
    status, _, err = run(root, capsys, "check", relative)
    assert status == 0, err
    # ... and it is on the site, and the editor's schema agrees.
    settings = settings_from_config(read_config(root))
    chronicle = load_chronicle(root, settings, build_date()).chronicle
    page = next(p for p in generated_pages(chronicle) if p.path == "ereignisse/2026-01-06-kast-trifft-gabriel-boric.md")
    assert "Kast trifft Gabriel Borić" in page.markdown and "La Tercera" in page.markdown
    data = yaml.safe_load(fill_event(text).replace("date: 2026-01-06", "date: '2026-01-06'"))
    jsonschema.Draft202012Validator(chronik_schema.event_schema()).validate(data)


def test_uncommented_examples_are_either_harmless_or_refused_until_replaced(root: Path, capsys) -> None:
    """Uncommenting an example without editing it must never publish an invented fact."""
    run(root, capsys, "new", "event", "Kast trifft Borić", "--date", "2026-01-06")
    path = root / "events/2026-01-06-kast-trifft-boric.yaml"
    path.write_text(uncomment(fill_event(path.read_text(encoding="utf-8"))), encoding="utf-8")
    status, _, err = run(root, capsys, "check", "events/2026-01-06-kast-trifft-boric.yaml")
    assert status == 1
    refused = [re.match(r"^\d+: `([^`]+)`", m).group(1) for m in messages(err)]
    assert refused == ["time", "place", "location.geonames", "location.latitude", "location.longitude", "LAND",
                       "location.name", "KENNUNG", "KENNUNG", "THEMA", "KENNUNG-DES-EREIGNISSES", "teaser", "KENNUNG",
                       "quotes[0].text", "quotes[0].original", "figures[0].label", "figures[0].value", "sources[0].url",
                       "sources[0].archive_url", "corrections[0].text"]
    # What stays valid cannot be wrong: end = date, approximate, the status, the dates of source and correction.

    run(root, capsys, "new", "person", "Érika Muñoz Prueba")  # nobody the chronicle knows
    path = root / "people/erika-munoz-prueba.yaml"
    text = path.read_text(encoding="utf-8").replace("\ndescription:\n", "\ndescription: Ministerin\n")
    path.write_text(uncomment(text), encoding="utf-8")
    status, _, err = run(root, capsys, "check", "people/erika-munoz-prueba.yaml")
    refused = [re.match(r"^\d+: `([^`]+)`", m).group(1) for m in messages(err)]
    assert refused == ["aliases[0]", "LAND", "roles[0].title", "roles[0].from", "roles[0].to", "roles[0].source", "Q"]


@pytest.mark.parametrize("date, status", [("2026-12-04", "happened"), ("2026-12", "happened"),
                                          ("2026-12-06", "planned"), ("2027-03", "planned")])
def test_an_event_in_the_future_starts_as_planned(root: Path, capsys, date: str, status: str) -> None:
    _, out, _ = run(root, capsys, "new", "event", "Treffen", "--date", date)
    assert f"\nstatus: {status}\n" in (root / out.strip()).read_text(encoding="utf-8")


@pytest.mark.parametrize("title", ["Kast: Treffen", "NO", "12:30", "#1 der Liste", "[Eilmeldung] Treffen",
                                   "Treffen # zwei", "'zitiert'", '"doppelt"', "yes", "Treffen: „Übergabe“ – 100 %"])
def test_titles_are_written_so_that_they_read_back_exactly(root: Path, capsys, title: str) -> None:
    status, out, err = run(root, capsys, "new", "event", title, "--date", "2026-01-06", "--id", "2026-01-06-x",
                           "--country", "no")
    assert status == 0, err
    document, problems = read_document("events/x.yaml", (root / out.strip()).read_bytes())
    assert problems == []
    assert document.data["title"] == title and document.data["countries"] == ["NO"]


def test_a_new_event_never_overwrites_an_existing_one(root: Path, capsys) -> None:
    existing = root / "events/2025-12-22-kast-trifft-bachelet.yaml"
    before = existing.read_bytes()
    status, out, err = run(root, capsys, "new", "event", "Kast trifft Bachelet", "--date", "2025-12-22")
    assert (status, out) == (1, "")
    assert err == ("Fehler: Die Datei events/2025-12-22-kast-trifft-bachelet.yaml gibt es schon; sie bleibt, wie sie "
                   "ist – Ändere sie direkt, oder gib mit --id eine andere Kennung an.\n")
    assert existing.read_bytes() == before
    (root / "events/2026").mkdir()
    (root / "events/2026/2026-01-06-treffen.yaml").write_text("title: x\n", encoding="utf-8")
    status, _, err = run(root, capsys, "new", "event", "Treffen", "--date", "2026-01-06")
    assert status == 1 and "events/2026/2026-01-06-treffen.yaml gibt es schon" in err
    assert not (root / "events/2026-01-06-treffen.yaml").exists()


@pytest.mark.parametrize("args, error", [
    (["--person", "bachelet"], "Fehler: Unbekannte Person `bachelet` – Meintest du `michelle-bachelet`? Sonst: Lege "
                               'sie an mit ./dev new person "Vorname Nachname".'),
    (["--person", "michele-bachelet"], "Fehler: Unbekannte Person `michele-bachelet` – Meintest du "
                                       "`michelle-bachelet`? Sonst: Lege sie an mit ./dev new person \"Vorname "
                                       "Nachname\"."),
    (["--person", "juan-perez"], 'Fehler: Unbekannte Person `juan-perez` – Lege sie an mit ./dev new person '
                                 '"Vorname Nachname".'),
    (["--country", "Peru"], "Fehler: `Peru` ist kein Ländercode nach ISO 3166-1 – Meintest du `PE`?"),
    (["--id", "Treffen"], "Fehler: `Treffen` ist keine gültige Kennung – Erlaubt sind Kleinbuchstaben a–z, Ziffern "
                          "und Bindestriche, z. B. `2026-01-06-treffen`."),
])
def test_a_new_event_refuses_what_check_would_refuse(root: Path, capsys, args: list[str], error: str) -> None:
    before = sorted(p.name for p in (root / "events").iterdir())
    status, out, err = run(root, capsys, "new", "event", "Treffen", "--date", "2026-01-06", *args)
    assert (status, out, err) == (1, "", error + "\n")
    assert sorted(p.name for p in (root / "events").iterdir()) == before


@pytest.mark.parametrize("args, error", [
    (["Treffen"], "Fehler: --date fehlt – Gib das Datum des Ereignisses an, z. B. --date 2026-01-06."),
    (["Treffen", "--date", "2026-02-30"], "Fehler: --date: den 30. Februar 2026 gibt es nicht (Februar 2026 hat 28 "
                                          "Tage) – Schreibe das Datum als JJJJ-MM-TT, JJJJ-MM oder JJJJ."),
    (["Treffen", "--date", "6.1.2026"], "Fehler: --date: „6.1.2026“ ist kein Datum der Form JJJJ-MM-TT, JJJJ-MM oder "
                                        "JJJJ; meintest du 2026-01-06? – Schreibe das Datum als JJJJ-MM-TT, JJJJ-MM "
                                        "oder JJJJ."),
    (["Treffen <b>", "--date", "2026-01-06"], "Fehler: `title` enthält < oder > – Spitze Klammern sind in "
                                              "einzeiligen Feldern nicht erlaubt; lass sie weg oder schreibe „…“."),
    (["„?“", "--date", "2026-01-06"], "Fehler: Aus dem Titel lässt sich keine Kennung bilden – Gib mit --id eine "
                                      "an, z. B. --id 2026-01-06-treffen-in-lima."),
])
def test_a_new_event_needs_a_date_and_a_title_that_check_accepts(root: Path, capsys, args, error: str) -> None:
    assert run(root, capsys, "new", "event", *args) == (1, "", error + "\n")


@pytest.mark.parametrize("text, expected", [
    ("Kast trifft Bachelet", "kast-trifft-bachelet"),
    ("Übergabe: Größe ärgert Öl", "uebergabe-groesse-aergert-oel"),
    ("José Jerí in Perú", "jose-jeri-in-peru"),
    ("  „Zitat“ — 2026!  ", "zitat-2026"),
    ("Æon, Œuvre, Øre, Łódź", "aeon-oeuvre-ore-lodz"),
    ("???", ""),
])
def test_slugs_are_ascii_with_german_umlauts_spelled_out(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_long_titles_are_cut_between_words() -> None:
    long = slug("Kast trifft die Präsidenten von Argentinien, Peru, Ecuador, Bolivien und Paraguay in Asunción")
    assert long == "kast-trifft-die-praesidenten-von-argentinien-peru-ecuador"
    assert len(long) <= MAX_SLUG and slug("x" * 100) == "x" * MAX_SLUG


# new person -----------------------------------------------------------------------------------

def test_a_new_person_has_every_field_and_passes_check_once_described(root: Path, capsys) -> None:
    status, out, err = run(root, capsys, "new", "person", "Gabriel Borić Font", "--country", "cl")
    relative = "people/gabriel-boric-font.yaml"
    assert (status, out) == (0, relative + "\n"), err
    text = (root / relative).read_text(encoding="utf-8")
    assert text.splitlines()[:2] == ["# yaml-language-server: $schema=../schema/person.schema.json",
                                     "# Person der Chronik; Format: siehe docs/mitmachen.md"]
    for name in field_names(PERSON_FIELDS):
        assert re.search(rf"^[#\s]*(- )?{name.split('.')[-1]}:", text, re.MULTILINE), name
    commented = blocks(text)
    assert list(commented) == list(PERSON_FIELDS)
    for key, field in PERSON_FIELDS.items():
        assert commented[key][0].startswith("# (Pflicht)" if field.required else "# (optional)"), key
    status, _, err = run(root, capsys, "check", relative)
    assert status == 1 and [m.split(": ", 1)[1] for m in messages(err)] == ["`description` ist leer"]
    described = text.replace("\ndescription:\n", "\ndescription: Präsident Chiles\n")
    (root / relative).write_text(described, encoding="utf-8")
    assert run(root, capsys, "check", relative)[0] == 0
    assert run(root, capsys, "new", "event", "Kast trifft Borić", "--date", "2026-01-06", "--person",
               "gabriel-boric-font")[0] == 0


def test_a_new_person_never_overwrites_an_existing_one(root: Path, capsys) -> None:
    status, out, err = run(root, capsys, "new", "person", "José Antonio Kast")
    assert (status, out) == (1, "")
    assert err.startswith("Fehler: Die Datei people/jose-antonio-kast.yaml gibt es schon")


# check ----------------------------------------------------------------------------------------

BROKEN = """\
title: Kast trifft Bachelet
date: 2025-12-22
status: geplannt
countries: [CL, NO]
summary: Treffen mit 100 % Einigkeit.
sources:
  - publisher: Zeitung
    url: www.example.org
"""


def test_check_in_github_actions_also_prints_annotations(root: Path, capsys, monkeypatch) -> None:
    (root / "events/2025-12-22-beispiel.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "events/2025-12-23-mit,komma.yaml").write_text("title: x\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    status, out, err = run(root, capsys, "check")
    assert status == 1
    human = err.splitlines()[:-1]
    assert err.splitlines()[-1] == "5 Fehler in 2 Dateien."
    annotations = out.splitlines()
    assert len(annotations) == len(human)  # one annotation for every line, notices included
    assert [a for a in annotations if a.startswith("::error ")] == [
        "::error file=events/2025-12-22-beispiel.yaml,line=3::Unbekannter Status `geplannt` – Meintest du `planned`? "
        "Erlaubt sind: happened, planned, tentative, postponed, cancelled.",
        "::error file=events/2025-12-22-beispiel.yaml,line=4::`countries[1]` soll ein Ländercode sein, aber YAML liest "
        "`NO` als Wahrheitswert (false) – Setze den Wert in Anführungszeichen: \"NO\".",
        "::error file=events/2025-12-22-beispiel.yaml,line=7::Pflichtfeld `title` fehlt in `sources[0]` – Ergänze "
        "`title:` (Titel des Artikels, Interviews oder Dokuments).",
        "::error file=events/2025-12-22-beispiel.yaml,line=8::`sources[0].url` ist keine http- oder https-Adresse – "
        "Gib die vollständige Adresse an, beginnend mit https://.",
        "::error file=events/2025-12-23-mit%2Ckomma.yaml::Der Dateiname `2025-12-23-mit,komma.yaml` ist keine gültige "
        "Kennung – Erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. `2025-12-23-mit-komma.yaml`.",
    ]
    assert all(a.startswith(("::error ", "::notice ")) for a in annotations)


def test_outside_github_actions_check_prints_no_annotations(root: Path, capsys) -> None:
    (root / "events/2025-12-22-beispiel.yaml").write_text(BROKEN, encoding="utf-8")
    status, out, _ = run(root, capsys, "check")
    assert (status, out) == (1, "")


def test_annotations_escape_what_github_would_read_as_syntax() -> None:
    problem = Problem("events/a,b:c%.yaml", 3, "100 % sicher\nZeile 2\r", "Hinweis, mit: Doppelpunkt")
    assert problem.format_github() == ("::error file=events/a%2Cb%3Ac%25.yaml,line=3::100 %25 sicher%0AZeile 2%0D – "
                                       "Hinweis, mit: Doppelpunkt")


def test_check_says_so_when_a_named_file_is_not_data(root: Path, capsys) -> None:
    (root / "docs").mkdir()
    (root / "docs/x.yaml").write_text("title: x\n", encoding="utf-8")
    status, out, err = run(root, capsys, "check", str(root / "events/2025-12-22-gibt-es-nicht.yaml"),
                           str(root / "docs/x.yaml"))
    assert status == 1
    assert err.splitlines() == [
        "events/2025-12-22-gibt-es-nicht.yaml: Fehler: Die Datei gibt es nicht – Prüfe den Pfad; ohne Pfad prüft "
        "`check` alle Daten.",
        "docs/x.yaml: Fehler: Die Datei liegt nicht in events/ oder people/ – `check` prüft nur Ereignisse und "
        "Personen.",
        "2 Fehler in 2 Dateien.",
    ]


def test_check_of_a_sound_file_succeeds_while_another_file_is_broken(root: Path, capsys) -> None:
    """The pre-commit hook checks the changed files only; a broken file elsewhere must not crash it."""
    (root / "events/2025-12-30-kaputt.yaml").write_text("title: Kaputt\n", encoding="utf-8")
    status, _, err = run(root, capsys, "check", str(root / "events/2025-12-22-kast-trifft-bachelet.yaml"))
    assert status == 0
    assert err.splitlines() == ["Alles in Ordnung: 1 Datei geprüft. Andere Dateien der Chronik enthalten Fehler; "
                                "`check` ohne Pfad zeigt sie."]
    status, _, err = run(root, capsys, "check", str(root / "events/2025-12-30-kaputt.yaml"))
    assert status == 1 and err.splitlines()[-1] == "4 Fehler in 1 Datei."


def test_checking_all_shipped_data_as_a_program_succeeds() -> None:
    """`python -m chronik check` on the shipped data (no wall-clock limit: timings belong to bench/)."""
    env = dict(os.environ, PYTHONPATH=str(PROJECT / "hooks"))
    result = subprocess.run([sys.executable, "-m", "chronik", "check"], cwd=PROJECT, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    events, people = len(list(PROJECT.glob("events/**/*.yaml"))), len(list(PROJECT.glob("people/*.yaml")))
    assert f"Alles in Ordnung: {events} Ereignisse, {people} Personen geprüft." in result.stdout + result.stderr


# ./dev --------------------------------------------------------------------------------------------

def test_dev_passes_new_and_summary_through(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("dev", "requirements.txt", "requirements-dev.txt", "mkdocs.yml"):
        shutil.copy(PROJECT / name, project / name)
    for part in ("events", "people", "hooks"):
        shutil.copytree(PROJECT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], cwd=project, check=True)
    env = dict(os.environ, CHRONIK_VENV=str(PROJECT / ".venv"), SOURCE_DATE_EPOCH=TODAY)

    def dev(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", "dev", *args], cwd=project, env=env, capture_output=True, text=True,
                              timeout=120)

    created = dev("new", "event", "Kast trifft Borić", "--date", "2026-01-06")
    assert created.returncode == 0, created.stderr
    assert created.stdout == "events/2026-01-06-kast-trifft-boric.yaml\n"
    assert dev("new", "person", "Érika Muñoz Prueba").stdout == "people/erika-munoz-prueba.yaml\n"
    summary = dev("summary", "main")
    assert summary.returncode == 0, summary.stderr
    assert "1 neues Ereignis" in summary.stdout and "1 neue Person" in summary.stdout
    usage = dev("--help")
    assert usage.returncode == 0
    assert "./dev new event" in usage.stdout and "./dev summary" in usage.stdout and "./dev from-issue" in usage.stdout
    unknown = dev("hilfe")
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert unknown.stderr.startswith("Unbekannter Befehl: ./dev hilfe\nBefehle: serve, build, test, check, pages, "
                                     "new, python, summary, schema, from-issue\n")
    assert "./dev new event" in unknown.stderr
    missing = dev("new")
    assert missing.returncode == 2
    assert missing.stderr.splitlines()[-2:] == ["Aufruf: python -m chronik new [-h] ART ...",
                                                "Fehler: Es fehlt: ART – Mehr dazu: python -m chronik new --help"]

    # Right after a commit, `summary` without a base still shows the branch's changes: it compares with
    # the commit where the branch left origin/main, and says so.
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=project, check=True)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, check=True, capture_output=True,
                          text=True).stdout.strip()
    subprocess.run(["git", "switch", "-q", "-c", "mein-beitrag"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "new files"], cwd=project, check=True)
    assert "keine Änderungen" in dev("summary", "HEAD").stdout
    default = dev("summary")
    assert default.returncode == 0, default.stderr
    assert "1 neues Ereignis" in default.stdout and "1 neue Person" in default.stdout
    assert f"Verglichen mit {base[:12]}, dem Commit, an dem dieser Branch von origin/main abzweigt." in default.stderr


# German usage and argument errors ------------------------------------------------------------------

ENGLISH = re.compile(r"\b(usage|error|argument|arguments|required|invalid|choice|unrecognized|show|help message|"
                     r"options|positional|expected)\b")


@pytest.mark.parametrize("argv, error", [
    ([], "Fehler: Es fehlt: BEFEHL – Mehr dazu: python -m chronik --help"),
    (["bogus"], "Fehler: BEFEHL: „bogus“ gibt es nicht; möglich sind: 'check', 'pruefen', 'pages', 'seiten', 'schema', "
                "'new', 'anlegen', 'summary', 'zusammenfassung', 'from-issue', 'aus-issue', 'neu' – Mehr dazu: "
                "python -m chronik --help"),
    (["new"], "Fehler: Es fehlt: ART – Mehr dazu: python -m chronik new --help"),
    (["new", "event"], "Fehler: Es fehlt: TITEL – Mehr dazu: python -m chronik new event --help"),
    (["new", "event", "x", "--date"], "Fehler: --date: Hier fehlt ein Wert – Mehr dazu: python -m chronik new event "
                                      "--help"),
    (["check", "--alle"], "Fehler: Unbekannte Angaben: --alle – Mehr dazu: python -m chronik --help"),
    (["pages"], "Fehler: Es fehlt: ZIELORDNER – Mehr dazu: python -m chronik pages --help"),
    (["from-issue"], "Fehler: Es fehlt: DATEI – Mehr dazu: python -m chronik from-issue --help"),
    (["summary", "a", "b"], "Fehler: Unbekannte Angaben: b – Mehr dazu: python -m chronik --help"),
])
def test_argument_errors_are_german(capsys, argv: list[str], error: str) -> None:
    with pytest.raises(SystemExit) as exit:
        chronik_cli(argv)
    err = capsys.readouterr().err
    assert exit.value.code == 2
    assert err.startswith("Aufruf: python -m chronik") and err.splitlines()[-1] == error
    assert not ENGLISH.search(err), err


@pytest.mark.parametrize("argv", [[], ["check"], ["pages"], ["schema"], ["new"], ["new", "event"], ["new", "person"],
                                  ["summary"], ["from-issue"], ["neu"]], ids=lambda argv: " ".join(argv) or "chronik")
def test_help_is_german(capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        chronik_cli([*argv, "--help"])
    out = capsys.readouterr().out
    assert exit.value.code == 0
    assert out.startswith("Aufruf: ") and "Optionen:" in out and "Diese Hilfe zeigen und beenden" in out
    assert not ENGLISH.search(out), out


def test_argparse_is_english_again_after_the_command(capsys) -> None:
    """The German texts are lent for one command line only; other users of argparse (pytest) keep theirs."""
    import argparse
    with pytest.raises(SystemExit):
        chronik_cli(["--help"])
    capsys.readouterr()
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"
