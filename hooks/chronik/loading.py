"""Find, read and check every data file; return the chronicle and all problems at once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .duplicates import possible_duplicates
from .fields import EVENT_FIELDS, ID_PATTERN, PERSON_FIELDS, RESERVED_IDS, Field
from .model import Chronicle, Settings, chronological, event_from_data, person_from_data
from .problems import Problem, sort_problems
from .references import Checked, check_references
from .slugs import slug
from .validate import validate_document
from .yaml_source import read_document

EVENTS_DIR = "events"
PEOPLE_DIR = "people"
_ID = re.compile(ID_PATTERN)
_DATA_SUFFIXES = (".yaml", ".yml", ".json", ".YAML", ".YML")


@dataclass(frozen=True)
class LoadResult:
    chronicle: Chronicle | None  # None when there is any error
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def load_chronicle(root: Path, settings: Settings, today: dt.date, only: set[str] | None = None) -> LoadResult:
    """Read events/ and people/ below `root`.

    `only`, if given, limits the reported problems to these relative paths
    (the checker's `check FILE`); everything is still read, for references.
    """
    problems: list[Problem] = []
    events = _read_folder(root, EVENTS_DIR, EVENT_FIELDS, recursive=True, problems=problems)
    people = _read_folder(root, PEOPLE_DIR, PERSON_FIELDS, recursive=False, problems=problems)
    problems += check_references(settings, events, people, today)
    problems += possible_duplicates(events, settings.country)
    if only is not None:
        problems = [p for p in problems if p.path in only]
    problems = sort_problems(problems)
    if any(p.is_error for p in problems):
        return LoadResult(None, problems)
    chronicle = Chronicle(
        settings=settings,
        events=chronological(event_from_data(event_id, checked.document.path, checked.good)
                             for event_id, checked in events.items()),
        people={person_id: person_from_data(person_id, people[person_id].document.path, people[person_id].good)
                for person_id in sorted(people)},
        today=today,
    )
    return LoadResult(chronicle, problems)


def _read_folder(root: Path, folder: str, spec: dict[str, Field], recursive: bool,
                 problems: list[Problem]) -> dict[str, Checked]:
    """Every readable file of a folder by id, checked on its own."""
    checked: dict[str, Checked] = {}
    paths: dict[str, str] = {}
    for path, file_id in _data_files(root, folder, recursive, problems):
        relative = path.relative_to(root).as_posix()
        if file_id in paths:
            problems.append(_duplicate_id(relative, file_id, paths[file_id]))
            continue
        paths[file_id] = relative
        document, found = read_document(relative, path.read_bytes())
        problems += found
        if document is None:  # unreadable, but it exists: references to it are not "unknown"
            checked[file_id] = Checked(None, {}, frozenset(spec))
            continue
        found, bad = validate_document(document, spec)
        problems += found
        data = document.data if isinstance(document.data, dict) else {}
        checked[file_id] = Checked(document, {key: value for key, value in data.items() if key not in bad},
                                   frozenset(bad))
    return checked


def _data_files(root: Path, folder: str, recursive: bool, problems: list[Problem]) -> list[tuple[Path, str]]:
    """The data files of a folder in a stable order, with their ids; bad names become problems."""
    base = root / folder
    if base.is_symlink():
        problems.append(Problem(folder, None, f"Der Ordner `{folder}/` ist eine Verknüpfung (Symlink)",
                                f"Lege `{folder}/` als echten Ordner im Projekt an."))
        return []
    if not base.is_dir():
        problems.append(Problem(folder, None, f"Der Ordner `{folder}/` fehlt", f"Lege den Ordner `{folder}/` an."))
        return []
    found: list[tuple[Path, str]] = []
    pattern = "**/*" if recursive else "*"
    for path in sorted(base.glob(pattern)):
        relative = path.relative_to(root).as_posix()
        if path.is_symlink():
            problems.append(Problem(relative, None, "Verknüpfungen (Symlinks) sind nicht erlaubt",
                                    "Lege Dateien und Ordner direkt hier an statt als Verknüpfung."))
            continue
        if path.name.startswith(".") or path.name.lower() == "readme.md":
            continue
        if path.is_dir():
            if not recursive:
                problems.append(Problem(relative, None, f"Unterordner in `{folder}/` werden nicht gelesen",
                                        f"Lege die Dateien direkt in `{folder}/` ab."))
            continue
        if path.suffix != ".yaml":
            hint = ("Benenne die Datei in `" + path.stem + ".yaml` um." if path.suffix in _DATA_SUFFIXES
                    else f"Nur .yaml-Dateien gehören nach `{folder}/`; verschiebe oder lösche sie.")
            problems.append(Problem(relative, None, "Die Datei endet nicht auf `.yaml`", hint))
            continue
        file_id = path.stem
        if not _ID.match(file_id):
            problems.append(Problem(relative, None, f"Der Dateiname `{path.name}` ist keine gültige Kennung",
                                    "Erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. "
                                    f"`{_suggest_id(file_id)}.yaml`."))
            continue
        if file_id in RESERVED_IDS:
            problems.append(Problem(relative, None, f"`{file_id}` ist als Kennung reserviert",
                                    "Wähle einen anderen Dateinamen."))
            continue
        found.append((path, file_id))
    return found


def _duplicate_id(path: str, file_id: str, first_path: str) -> Problem:
    return Problem(path, None, f"Die Kennung `{file_id}` gibt es schon: {first_path}",
                   "Kennungen müssen in allen Unterordnern eindeutig sein; benenne eine der Dateien um.")


def _suggest_id(name: str) -> str:
    return slug(name) or "2025-12-22-kurzer-titel"
