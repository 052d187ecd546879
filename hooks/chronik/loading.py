"""Find, read and check every data file; return the chronicle and all problems at once."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import multiprocessing
import os
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .duplicates import possible_duplicates
from .fields import EVENT_FIELDS, ID_PATTERN, PERSON_FIELDS, RESERVED_IDS, Field
from .model import Chronicle, Settings, chronological, event_from_data, person_from_data
from .problems import Problem, sort_problems
from .references import Checked, check_references
from .slugs import slug
from .validate import validate_document
from .yaml_source import Document, read_document

EVENTS_DIR = "events"
PEOPLE_DIR = "people"
_ID = re.compile(ID_PATTERN)
_DATA_SUFFIXES = (".yaml", ".yml", ".json", ".YAML", ".YML")
_TWO_PROCESSES_FROM = 2000  # files; at 1,000 forking and sending back cost what they save (measured)


@dataclass(frozen=True)
class LoadResult:
    chronicle: Chronicle | None  # None when there is any error
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def load_chronicle(root: Path, settings: Settings, today: dt.date, only: set[str] | None = None,
                   cache: FileCache | None = None) -> LoadResult:
    """Read events/ and people/ below `root`.

    `only`, if given, limits the reported problems to these relative paths
    (the checker's `check FILE`); everything is still read, for references, and
    the chronicle is None while any file has an error, reported or not. `cache`
    keeps checked files between the builds of one `serve` process.
    """
    with _without_cycle_collector():
        return _load(root, settings, today, only, cache)


@contextlib.contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """Reading makes objects that stay (records, documents with their lines), hardly garbage: the
    cycle collector, triggered again and again by them, would only walk them (about a fifth of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(root: Path, settings: Settings, today: dt.date, only: set[str] | None,
          cache: FileCache | None) -> LoadResult:
    problems: list[Problem] = []
    events = _read_folder(root, EVENTS_DIR, EVENT_FIELDS, recursive=True, problems=problems, cache=cache)
    people = _read_folder(root, PEOPLE_DIR, PERSON_FIELDS, recursive=False, problems=problems, cache=cache)
    problems += check_references(settings, events, people, today)
    problems += possible_duplicates(events, settings.country)
    problems = sort_problems(problems)
    failed = any(p.is_error for p in problems)  # of any file: a chronicle needs all of them sound
    if only is not None:
        problems = [p for p in problems if p.path in only]
    if failed:
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
                 problems: list[Problem], cache: FileCache | None = None) -> dict[str, Checked]:
    """Every readable file of a folder by id, checked on its own."""
    paths: dict[str, str] = {}
    files: list[tuple[Path, str]] = []
    for path, file_id in _data_files(root, folder, recursive, problems):
        relative = path.relative_to(root).as_posix()
        if file_id in paths:
            problems.append(_duplicate_id(relative, file_id, paths[file_id]))
            continue
        paths[file_id] = relative
        files.append((path, relative))
    if cache is not None:
        results = [cache.check(path, relative, spec) for path, relative in files]
    else:
        results = _check_files(files, spec)
    checked: dict[str, Checked] = {}
    for file_id, (record, found) in zip(paths, results):
        problems += found
        checked[file_id] = record
    return checked


def _check_files(files: list[tuple[Path, str]], spec: dict[str, Field]) -> list[tuple[Checked, list[Problem]]]:
    """Every file through the per-file rules, in order. With many files, a forked process checks the
    second half meanwhile (each file is checked on its own); should it fail, they are checked here."""
    if len(files) < _TWO_PROCESSES_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [_check_file(path, relative, spec) for path, relative in files]
    half = len(files) // 2
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_check_elsewhere, args=(files[half:], spec, sender), daemon=True)
    process.start()
    sender.close()
    first = [_check_file(path, relative, spec) for path, relative in files[:half]]
    try:
        second = pickle.loads(receiver.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError):
        second = None
    finally:
        receiver.close()
        process.join()
    if second is None or len(second) != len(files) - half:
        second = [_check_file(path, relative, spec) for path, relative in files[half:]]
    return first + second


def _check_elsewhere(files: list[tuple[Path, str]], spec: dict[str, Field], sender: Any) -> None:
    with contextlib.suppress(BaseException):  # nothing sent: the parent checks these files itself
        results = [_check_file(path, relative, spec) for path, relative in files]
        sender.send_bytes(pickle.dumps(results, pickle.HIGHEST_PROTOCOL))
    sender.close()


def _check_file(path: Path, relative: str, spec: dict[str, Field]) -> tuple[Checked, list[Problem]]:
    document, found = read_document(relative, path.read_bytes())
    if document is None:  # unreadable, but it exists: references to it are not "unknown"
        return Checked(None, {}, frozenset(spec)), found
    record, more = check_document(document, spec)
    return record, found + more


class FileCache:
    """Checked files kept between the builds of one `serve` process: a file whose size and modification
    time are unchanged is neither read nor checked again. Rules across files always run anew."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple[int, int], Checked, list[Problem]]] = {}

    def check(self, path: Path, relative: str, spec: dict[str, Field]) -> tuple[Checked, list[Problem]]:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        entry = self._entries.get(relative)
        if entry is None or entry[0] != stamp:
            entry = (stamp, *_check_file(path, relative, spec))
            self._entries[relative] = entry
        return entry[1], list(entry[2])


def check_document(document: Document, spec: dict[str, Field]) -> tuple[Checked, list[Problem]]:
    """One read file through the per-file rules: its checked record and its problems."""
    found, bad, dates = validate_document(document, spec)
    data = document.data if isinstance(document.data, dict) else {}
    good = _with_dates({key: value for key, value in data.items() if key not in bad}, dates)
    return Checked(document, good, frozenset(bad)), found


def _with_dates(good: dict, dates: dict) -> dict:
    """The checked record: every valid date as the PartialDate the checker parsed, so that later
    stages never parse it again. Containers on the way are copied; the document stays as read."""
    record = dict(good)
    for path, date in dates.items():
        if path[0] not in record:
            continue
        container = record
        for key in path[:-1]:
            container[key] = copy = (dict(container[key]) if isinstance(container[key], dict)
                                     else list(container[key]))
            container = copy
        container[path[-1]] = date
    return record


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
    for entry in _entries(base, recursive):
        path = Path(entry.path)
        relative = path.relative_to(root).as_posix()
        if entry.is_symlink():
            problems.append(Problem(relative, None, "Verknüpfungen (Symlinks) sind nicht erlaubt",
                                    "Lege Dateien und Ordner direkt hier an statt als Verknüpfung."))
            continue
        if path.name.startswith(".") or path.name.lower() == "readme.md":
            continue
        if entry.is_dir():
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


def _entries(folder: Path, recursive: bool) -> list[os.DirEntry[str]]:
    """What `folder.glob("**/*")` (or `"*"`) finds, in the order of sorted paths, with the kind of each
    entry as the directory listing gave it: asking the file system per path took 0.2 s at 10,000 files.
    Like glob, it enters hidden folders, but no folder behind a symlink."""
    found: list[os.DirEntry[str]] = []
    folders = [str(folder)]
    while folders:
        with os.scandir(folders.pop()) as listing:
            for entry in listing:
                found.append(entry)
                if recursive and entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
    return sorted(found, key=lambda entry: Path(entry.path).parts)


def _duplicate_id(path: str, file_id: str, first_path: str) -> Problem:
    return Problem(path, None, f"Die Kennung `{file_id}` gibt es schon: {first_path}",
                   "Kennungen müssen in allen Unterordnern eindeutig sein; benenne eine der Dateien um.")


def _suggest_id(name: str) -> str:
    return slug(name) or "kurzer-titel"
