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
from typing import TYPE_CHECKING, Any

from .duplicates import possible_duplicates
from ..chronicle.fields import EVENT_FIELDS, ID_PATTERN, PERSON_FIELDS, RESERVED_IDS, Field
from ..chronicle.model import Chronicle, Settings, chronological, event_from_data, person_from_data
from .place_rules import check_places
from .problems import Problem, sort_problems
from . import fork_rule
from .claims import ClaimError, Claims
from .references import Checked, check_references
from ..chronicle.slugs import slug
from .validate import validate_document
from .yaml_source import Document, read_document

if TYPE_CHECKING:
    from .file_cache import FileCache

EVENTS_DIR = "events"
PEOPLE_DIR = "people"
_ID = re.compile(ID_PATTERN)
_DATA_SUFFIXES = (".yaml", ".yml", ".json", ".YAML", ".YML")
_FOLDERS = ((EVENTS_DIR, EVENT_FIELDS, True), (PEOPLE_DIR, PERSON_FIELDS, False))  # folder, rules, subfolders
# Files from which a second process checks part of them: started at once (the checker), at 1,000 files forking
# and sending back cost what they saved (measured); started ahead (the build), it checks while MkDocs prepares.
_TWO_PROCESSES_FROM = 2000
_AHEAD_FROM = 200
_PURPOSE = "die Prüfung der Dateien"
# Seconds the checking process may stay silent once this one waits for it. It sends all at once; the time it
# needs is below this one's for the same number of files, which this one has just spent.
SILENCE_LIMIT = 60.0


@dataclass(frozen=True)
class LoadResult:
    chronicle: Chronicle | None  # None when there is any error
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def load_chronicle(root: Path, settings: Settings, today: dt.date, only: set[str] | None = None,
                   cache: FileCache | None = None, ahead: CheckingAhead | None = None) -> LoadResult:
    """Read events/ and people/ below `root`.

    `only`, if given, limits the reported problems to these relative paths
    (the checker's `check FILE`); everything is still read, for references, and
    the chronicle is None while any file has an error, reported or not. `cache`
    keeps checked files between the builds of one `serve` process; `ahead`, started
    earlier for the same `root` (see `start_checking`), has checked files meanwhile.
    """
    with _without_cycle_collector():
        return _load(root, settings, today, only, cache, ahead)


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
          cache: FileCache | None, ahead: CheckingAhead | None) -> LoadResult:
    listing = ahead.listing if ahead is not None else _Listing.of(root)
    problems = list(listing.problems)
    if ahead is not None:
        results = iter(ahead.results())
    elif cache is not None:
        results = iter([cache.check(path, relative, spec) for path, relative, spec in listing.jobs])
    elif len(listing.jobs) >= _TWO_PROCESSES_FROM and (sharing := CheckingAhead.start(listing)) is not None:
        results = iter(sharing.results())
    else:
        results = iter([_check_file(path, relative, spec) for path, relative, spec in listing.jobs])
    checked: dict[str, dict[str, Checked]] = {}
    for folder, files in listing.files.items():
        checked[folder] = {}
        for (file_id, _, _), (record, found) in zip(files, results):
            problems += found
            checked[folder][file_id] = record
    events, people = checked[EVENTS_DIR], checked[PEOPLE_DIR]
    problems += check_references(settings, events, people, today)
    problems += possible_duplicates(events, settings.country)
    problems += check_places(events)
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


@dataclass(frozen=True)
class _Listing:
    """The data files of both folders: by folder (id, path, relative path), as jobs for the checker in
    the same order, and the problems with names and ids."""
    files: dict[str, list[tuple[str, str, str]]]
    jobs: list[tuple[str, str, dict[str, Field]]]
    problems: list[Problem]

    @classmethod
    def of(cls, root: Path) -> _Listing:
        problems: list[Problem] = []
        files = {folder: _identified(root, folder, recursive, problems) for folder, _, recursive in _FOLDERS}
        jobs = [(path, relative, spec) for folder, spec, _ in _FOLDERS for _, path, relative in files[folder]]
        return cls(files, jobs, problems)


def _identified(root: Path, folder: str, recursive: bool, problems: list[Problem]) -> list[tuple[str, str, str]]:
    """A folder's data files (id, path, relative path), each id once."""
    paths: dict[str, str] = {}
    files = []
    for path, relative, file_id in _data_files(root, folder, recursive, problems):
        if file_id in paths:
            problems.append(_duplicate_id(relative, file_id, paths[file_id]))
            continue
        paths[file_id] = relative
        files.append((file_id, path, relative))
    return files


def start_checking(root: Path) -> CheckingAhead | None:
    """Under `mkdocs build`: begin checking the data files in a second process now, while the site engine
    prepares (the hook calls it in on_pre_build). None where it would not pay (few files) or cannot fork."""
    listing = _Listing.of(root)
    return CheckingAhead.start(listing) if len(listing.jobs) >= _AHEAD_FROM else None


class CheckingAhead:
    """The per-file rules for every listed file, shared with a forked process: it checks files from the
    back of the list, from the moment it starts; `results` checks from the front until both meet, then
    takes the other's results (pickled). Should the process fail or stop answering, its files are checked here."""

    def __init__(self, listing: _Listing) -> None:
        self.listing = listing
        context = multiprocessing.get_context("fork")
        self._claims = Claims(context, len(listing.jobs))
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_check_from_the_back, args=(listing.jobs, self._claims, sender),
                                        daemon=True)
        self.started = fork_rule.start(self._process, _PURPOSE)
        sender.close()

    @classmethod
    def start(cls, listing: _Listing) -> CheckingAhead | None:
        """Checking shared with a second process, or None where the fork rule says no or the fork fails."""
        if not fork_rule.may_fork(_PURPOSE):
            return None
        ahead = cls(listing)
        if not ahead.started:
            ahead._receiver.close()
            return None
        return ahead

    def results(self) -> list[tuple[Checked, list[Problem]]]:
        """Every file's checked record and problems, in the listing's order."""
        jobs = self.listing.jobs
        results: dict[int, tuple[Checked, list[Problem]]] = {}
        try:
            while (index := self._claims.front_takes_next()) is not None:
                results[index] = _check_file(*jobs[index])
            # A process that stops answering (stopped, swapping for minutes) is given up: its files are checked here.
            if self._receiver.poll(SILENCE_LIMIT):
                results |= pickle.loads(self._receiver.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError, ClaimError):
            pass
        finally:
            self.close()
        return [results[index] if index in results else _check_file(*jobs[index]) for index in range(len(jobs))]

    def close(self) -> None:
        self._receiver.close()
        if self._process.is_alive():
            self._process.kill()  # SIGKILL: a stopped process ignores SIGTERM until it runs again
        self._process.join()


def _check_from_the_back(jobs: list[tuple[str, str, dict[str, Field]]], claims: Claims, sender: Any) -> None:
    gc.disable()  # as in load_chronicle: what is read stays
    with contextlib.suppress(BaseException):  # nothing sent: the parent checks these files itself
        results = {}
        while (index := claims.back_takes()) is not None:
            results[index] = _check_file(*jobs[index])
        sender.send_bytes(pickle.dumps(results, pickle.HIGHEST_PROTOCOL))
    sender.close()


def _check_file(path: str, relative: str, spec: dict[str, Field]) -> tuple[Checked, list[Problem]]:
    with open(path, "rb") as file:
        return check_content(relative, file.read(), spec)


def check_content(relative: str, content: bytes, spec: dict[str, Field]) -> tuple[Checked, list[Problem]]:
    """One data file's bytes through the per-file rules: its checked record and its problems."""
    document, found = read_document(relative, content)
    if document is None:  # unreadable, but it exists: references to it are not "unknown"
        return Checked(None, {}, frozenset(spec)), found
    record, more = check_document(document, spec)
    return record, found + more


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


def _data_files(root: Path, folder: str, recursive: bool, problems: list[Problem]) -> list[tuple[str, str, str]]:
    """The data files of a folder in a stable order: path, path relative to `root`, id. Bad names become
    problems."""
    base = root / folder
    if base.is_symlink():
        problems.append(Problem(folder, None, f"Der Ordner `{folder}/` ist eine Verknüpfung (Symlink)",
                                f"Lege `{folder}/` als echten Ordner im Projekt an."))
        return []
    if not base.is_dir():
        problems.append(Problem(folder, None, f"Der Ordner `{folder}/` fehlt", f"Lege den Ordner `{folder}/` an."))
        return []
    found: list[tuple[str, str, str]] = []
    prefix = len(str(base))  # strings, not Path objects: this runs for every file of every build
    for entry in _entries(base, recursive):
        name, relative = entry.name, folder + entry.path[prefix:].replace(os.sep, "/")
        if entry.is_symlink():
            problems.append(Problem(relative, None, "Verknüpfungen (Symlinks) sind nicht erlaubt",
                                    "Lege Dateien und Ordner direkt hier an statt als Verknüpfung."))
            continue
        if name.startswith(".") or name.lower() == "readme.md":
            continue
        if entry.is_dir():
            if not recursive:
                problems.append(Problem(relative, None, f"Unterordner in `{folder}/` werden nicht gelesen",
                                        f"Lege die Dateien direkt in `{folder}/` ab."))
            continue
        dot = name.rfind(".")  # stem and suffix as pathlib has them
        stem, suffix = (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")
        if suffix != ".yaml":
            hint = ("Benenne die Datei in `" + stem + ".yaml` um." if suffix in _DATA_SUFFIXES
                    else f"Nur .yaml-Dateien gehören nach `{folder}/`; verschiebe oder lösche sie.")
            problems.append(Problem(relative, None, "Die Datei endet nicht auf `.yaml`", hint))
            continue
        if not _ID.match(stem):
            problems.append(Problem(relative, None, f"Der Dateiname `{name}` ist keine gültige Kennung",
                                    "Erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. "
                                    f"`{_suggest_id(stem)}.yaml`."))
            continue
        if stem in RESERVED_IDS:
            problems.append(Problem(relative, None, f"`{stem}` ist als Kennung reserviert",
                                    "Wähle einen anderen Dateinamen."))
            continue
        found.append((entry.path, relative, stem))
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
    return sorted(found, key=lambda entry: entry.path.split(os.sep))  # as Path.parts: "a/b" before "a-b"


def _duplicate_id(path: str, file_id: str, first_path: str) -> Problem:
    return Problem(path, None, f"Die Kennung `{file_id}` gibt es schon: {first_path}",
                   "Kennungen müssen in allen Unterordnern eindeutig sein; benenne eine der Dateien um.")


def _suggest_id(name: str) -> str:
    return slug(name) or "kurzer-titel"
