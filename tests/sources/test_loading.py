"""loading.py: which files are data, their ids, and the chronicle or every problem at once."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest

from chronik.sources import loading
from chronik.sources.file_cache import FileCache
from chronik.sources.loading import load_chronicle
from chronik.sources.settings import read_config, settings_from_config
from conftest import PROJECT

TODAY = dt.date(2026, 1, 15)
SETTINGS = settings_from_config({"extra": {"chronicle": {
    "title": "Testchronik", "country": "AR", "president_elect": "ana-perez", "election": "2025-12-14",
    "inauguration": "2026-03-11", "topics": {"wahl": "Wahl"}}}})
PERSON = "name: Ana Pérez\ndescription: Präsidentin\n"


def _event(title: str, date: str, *extra: str) -> str:
    return "\n".join([f"title: {title}", f"date: {date}", "countries: [AR]", "summary: Etwas geschah.",
                      "sources:", "  - publisher: Zeitung", "    title: Bericht", *extra]) + "\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "events").mkdir()
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "ana-perez.yaml").write_text(PERSON, encoding="utf-8")
    return tmp_path


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _messages(root: Path, only: set[str] | None = None) -> list[str]:
    return [p.format() for p in load_chronicle(root, SETTINGS, TODAY, only).problems]


def test_a_good_chronicle_comes_in_date_order_with_people_by_id(root: Path) -> None:
    _write(root, "events/2026/2026-01-reise.yaml", _event("Reise", "2026-01"))
    _write(root, "events/2026-01-05-treffen.yaml", _event("Treffen", "2026-01-05", "people: [juan]"))
    _write(root, "events/2025-12-20-wahl.yaml", _event("Wahl", "2025-12-20"))
    _write(root, "people/juan.yaml", "name: Juan\ndescription: Berater\n")
    result = load_chronicle(root, SETTINGS, TODAY)
    assert result.problems == [] and result.errors == []
    chronicle = result.chronicle
    # A month-only date starts on the first (README: one order for everything).
    assert [e.id for e in chronicle.events] == ["2025-12-20-wahl", "2026-01-reise", "2026-01-05-treffen"]
    assert chronicle.events[1].path == "events/2026/2026-01-reise.yaml"
    assert list(chronicle.people) == ["ana-perez", "juan"]
    assert (chronicle.settings, chronicle.today) == (SETTINGS, TODAY)


def test_readme_and_hidden_files_are_not_data(root: Path) -> None:
    _write(root, "events/README.md", "# Ereignisse\n")
    _write(root, "events/.gitkeep", "")
    _write(root, "people/readme.md", "Personen\n")
    result = load_chronicle(root, SETTINGS, TODAY)
    assert result.problems == [] and result.chronicle.events == ()


def test_a_missing_folder_is_an_error_not_an_empty_chronicle(root: Path) -> None:
    (root / "events").rmdir()
    assert _messages(root) == ["events: Fehler: Der Ordner `events/` fehlt – Lege den Ordner `events/` an."]
    assert load_chronicle(root, SETTINGS, TODAY).chronicle is None


def test_files_that_are_not_yaml_data_are_named_with_a_hint(root: Path) -> None:
    _write(root, "events/2025-12-20-wahl.yml", _event("Wahl", "2025-12-20"))
    _write(root, "events/notizen.txt", "x")
    assert _messages(root) == [
        "events/2025-12-20-wahl.yml: Fehler: Die Datei endet nicht auf `.yaml` – Benenne die Datei in "
        "`2025-12-20-wahl.yaml` um.",
        "events/notizen.txt: Fehler: Die Datei endet nicht auf `.yaml` – Nur .yaml-Dateien gehören nach "
        "`events/`; verschiebe oder lösche sie.",
    ]


def test_bad_and_reserved_file_names_are_refused_with_a_suggestion(root: Path) -> None:
    _write(root, "events/2025-12-20 Wahl in Perú.yaml", _event("Wahl", "2025-12-20"))
    _write(root, "people/index.yaml", PERSON)
    assert _messages(root) == [
        "events/2025-12-20 Wahl in Perú.yaml: Fehler: Der Dateiname `2025-12-20 Wahl in Perú.yaml` ist keine "
        "gültige Kennung – Erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. "
        "`2025-12-20-wahl-in-peru.yaml`.",
        "people/index.yaml: Fehler: `index` ist als Kennung reserviert – Wähle einen anderen Dateinamen.",
    ]


def test_events_may_lie_in_subfolders_but_ids_stay_unique(root: Path) -> None:
    _write(root, "events/2025/2025-12-20-wahl.yaml", _event("Wahl", "2025-12-20"))
    _write(root, "events/2026/2025-12-20-wahl.yaml", _event("Wahl", "2025-12-20"))
    assert _messages(root) == [
        "events/2026/2025-12-20-wahl.yaml: Fehler: Die Kennung `2025-12-20-wahl` gibt es schon: "
        "events/2025/2025-12-20-wahl.yaml – Kennungen müssen in allen Unterordnern eindeutig sein; benenne eine "
        "der Dateien um."]


def test_people_may_not_lie_in_subfolders(root: Path) -> None:
    _write(root, "people/chile/juan.yaml", "name: Juan\ndescription: Berater\n")
    assert _messages(root) == ["people/chile: Fehler: Unterordner in `people/` werden nicht gelesen – Lege die "
                               "Dateien direkt in `people/` ab."]


def test_symlinks_are_refused(root: Path) -> None:
    _write(root, "elsewhere/2025-12-20-wahl.yaml", _event("Wahl", "2025-12-20"))
    (root / "events" / "2025-12-20-wahl.yaml").symlink_to(root / "elsewhere" / "2025-12-20-wahl.yaml")
    assert _messages(root) == ["events/2025-12-20-wahl.yaml: Fehler: Verknüpfungen (Symlinks) sind nicht erlaubt "
                               "– Lege Dateien und Ordner direkt hier an statt als Verknüpfung."]


@pytest.mark.parametrize("recursive", [True, False])
def test_the_folder_listing_finds_what_glob_finds_in_its_order(tmp_path: Path, recursive: bool) -> None:
    for name in ["a/b.yaml", "a-b.yaml", "a.yaml", "A.yaml", ".verborgen/c.yaml", "a/.d.yaml", "z/y/x.yaml",
                 "ä.yaml", "a/b/c/d.yaml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "verknuepft").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "datei.yaml").symlink_to(tmp_path / "a.yaml")
    expected = sorted(tmp_path.glob("**/*" if recursive else "*"))
    listed = loading._entries(tmp_path, recursive)
    assert [Path(entry.path) for entry in listed] == expected
    assert [entry.is_symlink() for entry in listed] == [path.is_symlink() for path in expected]
    assert [entry.is_dir() for entry in listed] == [path.is_dir() for path in expected]


def test_a_broken_file_still_exists_for_references(root: Path) -> None:
    """A person whose file is broken is reported once, not again as unknown in every event naming her."""
    _write(root, "people/juan.yaml", "name: [Juan\n")
    _write(root, "events/2025-12-20-wahl.yaml", _event("Wahl", "2025-12-20", "people: [juan]"))
    messages = _messages(root)
    assert len(messages) == 1 and messages[0].startswith("people/juan.yaml:1: Fehler: YAML-Syntaxfehler")


def test_only_limits_the_problems_but_every_file_is_read(root: Path) -> None:
    _write(root, "events/2025-12-20-wahl.yaml", _event("Wahl", "2025-12-20", "people: [juan]"))
    _write(root, "events/2025-12-21-kaputt.yaml", "title: Kaputt\n")
    _write(root, "people/juan.yaml", "name: Juan\ndescription: Berater\n")
    result = load_chronicle(root, SETTINGS, TODAY, only={"events/2025-12-20-wahl.yaml"})
    assert result.problems == []
    assert result.chronicle is None  # nothing reported, but no chronicle from a broken file
    _write(root, "events/2025-12-21-kaputt.yaml", _event("Heil", "2025-12-21"))
    assert load_chronicle(root, SETTINGS, TODAY, only={"events/2025-12-20-wahl.yaml"}).chronicle is not None
    _write(root, "events/2025-12-21-kaputt.yaml", "title: Kaputt\n")
    assert {p.path for p in load_chronicle(root, SETTINGS, TODAY).errors} == {"events/2025-12-21-kaputt.yaml"}


def test_notes_do_not_stop_the_chronicle(root: Path) -> None:
    _write(root, "events/2026-01-01-plan.yaml", _event("Plan", "2026-01-01", "status: planned"))
    result = load_chronicle(root, SETTINGS, TODAY)
    assert [p.severity for p in result.problems] == ["info"] and result.errors == []
    assert [e.id for e in result.chronicle.events] == ["2026-01-01-plan"]


def _two_processes_case(tmp_path: Path) -> Path:
    """The shipped chronicle with problems in the last files of events/, the first the other process checks."""
    case = tmp_path / "case"
    shutil.copytree(PROJECT / "events", case / "events")
    shutil.copytree(PROJECT / "people", case / "people")
    (case / "events" / "2026-03-10-zz-kaputt.yaml").write_text("title: [kaputt\n", encoding="utf-8")
    (case / "events" / "2026-03-11-zz-unbekannt.yaml").write_text(
        "title: Unbekannt\ndate: 2026-03-11\ncountries: [CL]\npeople: [niemand]\nsummary: Etwas.\n"
        "sources:\n  - publisher: P\n    title: T\n", encoding="utf-8")
    return case


def _checked_ahead(case: Path, monkeypatch: pytest.MonkeyPatch) -> loading.CheckingAhead:
    """Checking started ahead, and given the time to take every file in the other process."""
    monkeypatch.setattr(loading, "_AHEAD_FROM", 1)
    ahead = loading.start_checking(case)
    waited = time.monotonic()
    while ahead._claims._back.value > 0 and time.monotonic() - waited < 30:
        time.sleep(0.01)
    return ahead


def test_files_checked_ahead_by_a_second_process_give_the_same_result(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = _two_processes_case(tmp_path)
    settings = settings_from_config(read_config(PROJECT))
    one = load_chronicle(case, settings, dt.date(2026, 11, 18))
    ahead = _checked_ahead(case, monkeypatch)
    monkeypatch.setattr(loading, "_check_file", lambda *args: pytest.fail("checked here, not ahead"))
    two = load_chronicle(case, settings, dt.date(2026, 11, 18), ahead=ahead)
    assert [p.format() for p in two.problems] == [p.format() for p in one.problems]
    assert any("zz-kaputt" in p.path for p in two.problems) and any("niemand" in p.message for p in two.problems)


def test_if_the_second_process_fails_its_files_are_checked_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_from_config(read_config(PROJECT))
    one = load_chronicle(PROJECT, settings, dt.date(2026, 11, 18))

    def takes_all_and_fails(jobs, claims, sender) -> None:
        while claims.back_takes() is not None:
            pass
        sender.close()  # sends nothing
    monkeypatch.setattr(loading, "_check_from_the_back", takes_all_and_fails)
    two = load_chronicle(PROJECT, settings, dt.date(2026, 11, 18), ahead=_checked_ahead(PROJECT, monkeypatch))
    assert two.chronicle == one.chronicle and two.problems == one.problems


def test_with_many_files_the_checker_shares_them_with_a_second_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = _two_processes_case(tmp_path)
    settings = settings_from_config(read_config(PROJECT))
    one = load_chronicle(case, settings, dt.date(2026, 11, 18))
    monkeypatch.setattr(loading, "_TWO_PROCESSES_FROM", 2)
    started = []
    monkeypatch.setattr(loading.CheckingAhead, "__init__", lambda self, listing, original=loading.CheckingAhead.__init__:
                        started.append(listing) or original(self, listing))
    two = load_chronicle(case, settings, dt.date(2026, 11, 18))
    assert len(started) == 1 and [p.format() for p in two.problems] == [p.format() for p in one.problems]


def test_if_the_second_process_stops_answering_its_files_are_checked_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = _two_processes_case(tmp_path)
    settings = settings_from_config(read_config(PROJECT))
    one = load_chronicle(case, settings, dt.date(2026, 11, 18))
    monkeypatch.setattr(loading, "SILENCE_LIMIT", 1.0, raising=False)
    original = loading._check_from_the_back

    def claims_all_then_stops(jobs, claims, sender) -> None:
        while claims.back_takes() is not None:
            pass
        os.kill(os.getpid(), signal.SIGSTOP)  # alive, silent, holding every file it claimed
        original(jobs, claims, sender)
    monkeypatch.setattr(loading, "_check_from_the_back", claims_all_then_stops)
    ahead = _checked_ahead(case, monkeypatch)
    process = ahead._process
    done: list = []
    worker = threading.Thread(target=lambda: done.append(load_chronicle(case, settings, dt.date(2026, 11, 18),
                                                                        ahead=ahead)), daemon=True)
    worker.start()
    worker.join(30)
    if not done:
        os.kill(process.pid, signal.SIGKILL)
    assert done, "still waiting for the stopped process"
    assert [p.format() for p in done[0].problems] == [p.format() for p in one.problems]


def test_the_file_cache_sees_an_edit_of_the_same_size_that_keeps_the_modification_time(tmp_path: Path) -> None:
    path = tmp_path / "events" / "2026-01-01-a.yaml"
    path.parent.mkdir()
    path.write_text(_event("Alpha", "2026-01-01"), encoding="utf-8")
    cache = FileCache()
    spec = loading.EVENT_FIELDS
    first, _ = cache.check(str(path), "events/2026-01-01-a.yaml", spec)
    assert first.good["title"] == "Alpha"
    stat = path.stat()
    path.write_text(_event("Omega", "2026-01-01"), encoding="utf-8")  # as long as before
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as an editor or a checkout may leave it
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    second, _ = cache.check(str(path), "events/2026-01-01-a.yaml", spec)
    assert second.good["title"] == "Omega"
