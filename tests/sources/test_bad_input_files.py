"""Bad input that cannot live in a static fixture folder: symlinks pointing out of the project.

A symlink in git points wherever its author wants, e.g. to a secret on the CI machine;
the checker must refuse it without reading the target.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from chronik.sources.loading import load_chronicle
from chronik.sources.settings import read_config, settings_from_config
from conftest import CHRONICLES, FIXTURE_TODAY

MINIMAL = CHRONICLES / "minimal"
REFUSED = "Fehler: Verknüpfungen (Symlinks) sind nicht erlaubt – Lege Dateien und Ordner direkt hier an statt als Verknüpfung."


def _chronicle(tmp_path: Path) -> tuple[Path, Path]:
    """A valid chronicle in tmp_path/chronik and a folder outside it with a valid event file."""
    root = tmp_path / "chronik"
    shutil.copytree(MINIMAL / "events", root / "events")
    shutil.copytree(MINIMAL / "people", root / "people")
    outside = tmp_path / "ausserhalb"
    outside.mkdir()
    shutil.copyfile(MINIMAL / "events" / "2025-12-14-stichwahl.yaml", outside / "2025-12-20-geheim.yaml")
    return root, outside


def _messages(root: Path) -> list[str]:
    settings = settings_from_config(read_config(CHRONICLES))
    result = load_chronicle(root, settings, FIXTURE_TODAY)
    assert result.chronicle is None
    return [problem.format() for problem in result.problems]


def test_a_symlinked_event_file_pointing_outside_is_refused(tmp_path: Path) -> None:
    root, outside = _chronicle(tmp_path)
    (root / "events" / "2025-12-20-geheim.yaml").symlink_to(outside / "2025-12-20-geheim.yaml")
    assert _messages(root) == [f"events/2025-12-20-geheim.yaml: {REFUSED}"]


def test_a_symlinked_folder_inside_events_is_refused_and_not_entered(tmp_path: Path) -> None:
    root, outside = _chronicle(tmp_path)
    (root / "events" / "2025").symlink_to(outside, target_is_directory=True)
    # Only the link itself is reported: the files behind it are never read.
    assert _messages(root) == [f"events/2025: {REFUSED}"]


def test_a_symlinked_person_file_pointing_outside_is_refused(tmp_path: Path) -> None:
    root, outside = _chronicle(tmp_path)
    (root / "people" / "juan-nadie.yaml").symlink_to(outside / "2025-12-20-geheim.yaml")
    assert _messages(root) == [f"people/juan-nadie.yaml: {REFUSED}"]


def test_a_symlink_to_a_missing_target_is_refused(tmp_path: Path) -> None:
    root, outside = _chronicle(tmp_path)
    (root / "events" / "2025-12-21-weg.yaml").symlink_to(outside / "gibt-es-nicht.yaml")
    assert _messages(root) == [f"events/2025-12-21-weg.yaml: {REFUSED}"]


def test_an_events_folder_that_is_itself_a_link_is_refused(tmp_path: Path) -> None:
    root, outside = _chronicle(tmp_path)
    shutil.rmtree(root / "events")
    (root / "events").symlink_to(outside, target_is_directory=True)
    assert _messages(root) == [
        "events: Fehler: Der Ordner `events/` ist eine Verknüpfung (Symlink) – Lege `events/` als echten Ordner im "
        "Projekt an."]
