"""What a change does to the chronicle, in plain German Markdown: for pull requests and reviewers.

    python -m chronik summary origin/main

compares the data files of the working tree (tracked and new ones) with those of a git
revision: events and people added, removed and changed, and what changed, in words (status
planned -> happened, dates, titles, sources). Files are read with the checker's reader, so a
file with errors is still described (and said to have errors). Only `git` is called.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..chronicle.dates import DateError, format_span, parse_partial_date
from ..sources.loading import EVENTS_DIR, PEOPLE_DIR
from ..chronicle.vocabulary import STATUS_LABELS, count_phrase
from ..sources.problems import CommandError
from ..chronicle.fields import participant
from ..chronicle.text import escape_markdown
from ..sources.yaml_source import read_document

MAX_LISTED = 20  # files named one by one in the "only comments or layout" line
UPSTREAM = "origin/main"  # the branch pull requests go to; `summary` without a base compares with it

_FIELD_NAMES = {
    "title": "Titel", "date": "Datum", "end": "Datum", "approximate": "Datum", "status": "Status", "place": "Ort",
    "countries": "Länder", "people": "Personen", "topics": "Themen", "part_of": "übergeordnetes Ereignis",
    "time": "Uhrzeit", "mentioned": "erwähnte Personen", "figures": "Zahlen",
    "summary": "Zusammenfassung", "teaser": "Anreißer", "quotes": "Zitate", "sources": "Quellen", "corrections": "Korrekturen",
    "name": "Name", "sort_name": "Sortierform", "aliases": "andere Schreibweisen", "description": "Beschreibung",
    "roles": "Ämter", "wikidata": "Wikidata-Kennung",
}


class SummaryError(CommandError):
    """Why no summary could be made."""


@dataclass(frozen=True)
class Version:
    path: str
    data: dict[str, Any] | None  # None: the file cannot be read as fields (it has errors)


@dataclass(frozen=True)
class Change:
    folder: str  # events or people
    id: str
    old: Version | None  # None: added
    new: Version | None  # None: removed


def summary_markdown(root: Path, base: str) -> str:
    return render(changes(root, base), base)


def merge_base(root: Path, upstream: str) -> str:
    """The commit where the current branch left `upstream`: what a pull request would compare with."""
    commit = _resolve(root, upstream)
    return _git(root, "merge-base", "HEAD", commit).decode().strip()[:12]


def changes(root: Path, base: str) -> list[Change]:
    """Every data file that differs between `base` and the working tree, paired by id (a file moved
    to another folder is one change, not a removal and an addition)."""
    if base.startswith("-"):
        raise SummaryError(f"`{base}` ist keine Git-Revision",
                           "Nenne einen Branch, Tag oder Commit, z. B. origin/main.")
    commit = _resolve(root, base)
    listed = _git(root, "diff", "--name-status", "--no-renames", "-z", commit, "--", EVENTS_DIR, PEOPLE_DIR)
    fields = listed.decode("utf-8", "surrogateescape").split("\0")
    old_paths, new_paths = [], []
    for status, path in zip(fields[0::2], fields[1::2]):
        if status in ("M", "T", "D"):
            old_paths.append(path)
        if status in ("M", "T", "A"):
            new_paths.append(path)
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", EVENTS_DIR, PEOPLE_DIR)
    new_paths += [path for path in untracked.decode("utf-8", "surrogateescape").split("\0") if path]
    old = _versions(_show(root, commit, _data_paths(old_paths)))
    new = _versions({path: (root / path).read_bytes() for path in _data_paths(new_paths)})
    return [Change(folder, file_id, old.get((folder, file_id)), new.get((folder, file_id)))
            for folder, file_id in sorted(set(old) | set(new))]


def render(found: list[Change], base: str) -> str:
    sections: list[tuple[str, list[str]]] = []
    counts: list[str] = []
    unchanged: list[str] = []
    for folder, noun in ((EVENTS_DIR, ("Ereignis", "Ereignisse", "es")), (PEOPLE_DIR, ("Person", "Personen", ""))):
        mine = [change for change in found if change.folder == folder]
        added = [_added(change) for change in mine if change.old is None]
        removed = [_removed(change) for change in mine if change.new is None]
        changed = []
        for change in mine:
            if change.old is None or change.new is None:
                continue
            described = _changed(change)
            if described is None:
                unchanged.append(change.new.path)
            else:
                changed.append(described)
        singular, plural, ending = noun
        for items, adjective, heading in ((added, "neu", "Neue"), (changed, "geändert", "Geänderte"),
                                          (removed, "entfernt", "Entfernte")):
            if items:
                counts.append(_count(len(items), adjective, singular, plural, ending))
                sections.append((f"{heading} {plural}", items))
    lines = ["## Änderungen an der Chronik", ""]
    if counts:
        lines += [f"Gegenüber {_code(base)}: {_join(counts)}.", ""]
    elif not unchanged:
        lines += [f"Gegenüber {_code(base)} keine Änderungen an Ereignissen oder Personen.", ""]
    else:
        lines += [f"Gegenüber {_code(base)} keine inhaltlichen Änderungen an Ereignissen oder Personen.", ""]
    for heading, items in sections:
        lines += [f"### {heading}", "", *(f"- {item}" for item in items), ""]
    if unchanged:
        named = ", ".join(_code(path) for path in unchanged[:MAX_LISTED])
        more = f" und {len(unchanged) - MAX_LISTED} weitere" if len(unchanged) > MAX_LISTED else ""
        files = count_phrase(len(unchanged), "Datei")
        lines += ["### Nur Kommentare oder Formatierung", "",
                  f"{files} mit denselben Angaben wie zuvor: {named}{more}.", ""]
    return "\n".join(lines)


# What changed, in words -------------------------------------------------------------------------

def _added(change: Change) -> str:
    assert change.new is not None
    data, where = change.new.data, _code(change.new.path)
    if data is None:
        return f"{where} – die Datei hat Fehler; `./dev check` zeigt sie"
    if change.folder == EVENTS_DIR:
        return f"**{_when(data)}:** {_title(data, change.id)} ({_status(data)}) – {where}"
    return _person(data, change.id, where)


def _removed(change: Change) -> str:
    assert change.old is not None
    data, where = change.old.data, _code(change.old.path)
    if data is None:
        return where
    if change.folder == EVENTS_DIR:
        return f"**{_title(data, change.id)}** ({_when(data)}) – {where}"
    return _person(data, change.id, where)


def _changed(change: Change) -> str | None:
    """What changed in words, or None when the data is the same (comments, layout)."""
    assert change.old is not None and change.new is not None
    old, new = change.old.data, change.new.data
    where = _code(change.new.path)
    if change.old.path != change.new.path:
        where = f"{_code(change.old.path)} → {where}"
    if new is None:
        title = _title(old, change.id) if old else _code(change.id)
        return f"**{title}:** die Datei hat jetzt Fehler; `./dev check` zeigt sie – {where}"
    if old == new:
        return None if change.old.path == change.new.path else \
            f"**{_title(new, change.id)}:** nur in einen anderen Ordner gelegt – {where}"
    if old is None:
        return f"**{_title(new, change.id)}:** vorher mit Fehlern, jetzt lesbar – {where}"
    parts: list[str] = []
    if old.get("title", old.get("name")) != new.get("title", new.get("name")) and _title(old, ""):
        parts.append(f"{'Titel' if change.folder == EVENTS_DIR else 'Name'} vorher „{_title(old, '')}“")
    if change.folder == EVENTS_DIR:
        if _status(old) != _status(new):
            parts.append(f"Status {_status(old)} → {_status(new)}")
        if _when(old) != _when(new):
            parts.append(f"Datum {_when(old)} → {_when(new)}")
        parts += _list_change(old, new, "sources", "Quelle", "Quellen", "ergänzt", "entfernt")
        parts += _list_change(old, new, "people", "Person", "Personen", "ergänzt", "entfernt", name_items=True)
        parts += _list_change(old, new, "corrections", "Korrektur", "Korrekturen", "ergänzt", "entfernt")
    elif old.get("description") != new.get("description") and "description" in new:
        parts.append(f"Beschreibung jetzt „{escape_markdown(str(new['description']))}“")
    described = {"title", "name", "status", "date", "end", "approximate", "sources", "people", "corrections",
                 "description"} if change.folder == EVENTS_DIR else {"name", "description"}
    others = sorted({_FIELD_NAMES.get(key, key) for key in set(old) | set(new)
                     if key not in described and old.get(key) != new.get(key)})
    if others:
        parts.append(("außerdem geändert: " if parts else "geändert: ") + ", ".join(others))
    if not parts:  # e.g. a changed description of a person that names no description any more
        parts.append("geändert")
    return f"**{_title(new, change.id)}:** {'; '.join(parts)} – {where}"


def _list_change(old: dict[str, Any], new: dict[str, Any], key: str, singular: str, plural: str,
                 more: str, less: str, name_items: bool = False) -> list[str]:
    before, after = _items(old.get(key)), _items(new.get(key))
    added = [item for item in after if item not in before]
    removed = [item for item in before if item not in after]
    parts = []
    for items, verb in ((added, more), (removed, less)):
        if not items:
            continue
        if name_items:
            named = ", ".join(_named(item) for item in items)
            parts.append(f"{singular if len(items) == 1 else plural} {verb}: {named}")
        else:
            parts.append(f"{len(items)} {singular if len(items) == 1 else plural} {verb}")
    return parts


def _named(item: Any) -> str:
    """`diego-paco` or, for a qualified participant, `diego-paco` (möglicherweise)."""
    person_id, note = participant(item)
    return _code(str(person_id)) + (f" ({escape_markdown(str(note))})" if note else "")


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _title(data: dict[str, Any], fallback: str) -> str:
    title = data.get("title", data.get("name"))
    if isinstance(title, str) and title.strip():
        return escape_markdown(title.strip())
    return _code(fallback) if fallback else ""


def _person(data: dict[str, Any], file_id: str, where: str) -> str:
    """`**Name:** description – path`"""
    description = data.get("description")
    if isinstance(description, str) and description.strip():
        return f"**{_title(data, file_id)}:** {escape_markdown(description.strip())} – {where}"
    return f"**{_title(data, file_id)}** – {where}"


def _status(data: dict[str, Any]) -> str:
    status = data.get("status", "happened")
    return STATUS_LABELS.get(status, escape_markdown(str(status))) if isinstance(status, str) else "ohne Status"


def _when(data: dict[str, Any]) -> str:
    try:
        start = parse_partial_date(data.get("date"))
        end = parse_partial_date(data["end"]) if data.get("end") is not None else None
    except DateError:
        return escape_markdown(str(data.get("date", "ohne Datum")))
    return format_span(start, end, data.get("approximate") is True)


def _count(number: int, adjective: str, singular: str, plural: str, ending: str) -> str:
    """`1 neues Ereignis`, `2 neue Ereignisse`, `1 geänderte Person`."""
    if number == 1:
        return f"1 {adjective}{ending or 'e'} {singular}"
    return f"{number} {adjective}e {plural}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " und " + parts[-1]


def _code(text: str) -> str:
    return f"`{text}`" if "`" not in text and "\n" not in text else escape_markdown(text)


# Files and git ----------------------------------------------------------------------------------

def _data_paths(paths: list[str]) -> list[str]:
    """Paths the chronicle reads: events/**/*.yaml and people/*.yaml."""
    found = []
    for path in paths:
        parts = path.split("/")
        if not path.endswith(".yaml"):
            continue
        if parts[0] == EVENTS_DIR or (parts[0] == PEOPLE_DIR and len(parts) == 2):
            found.append(path)
    return sorted(set(found))


def _versions(contents: dict[str, bytes | None]) -> dict[tuple[str, str], Version]:
    versions = {}
    for path, raw in contents.items():
        if raw is None:
            continue
        document, _ = read_document(path, raw)
        data = document.data if document is not None and isinstance(document.data, dict) else None
        folder, file_id = path.split("/", 1)[0], path.rsplit("/", 1)[-1].removesuffix(".yaml")
        versions[(folder, file_id)] = Version(path, data)
    return versions


def _resolve(root: Path, base: str) -> str:
    try:
        found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd=root,
                               capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise SummaryError("git ist nicht installiert",
                           "Installiere git, z. B. mit `sudo apt-get install git`.") from None
    if found.returncode != 0:
        if "not a git repository" in found.stderr:
            raise SummaryError(f"{root} ist kein Git-Repository", "Rufe den Befehl in einem Klon der Chronik auf.")
        raise SummaryError(f"Die Git-Revision `{base}` gibt es hier nicht",
                           "Hole sie zuerst, z. B. mit `git fetch origin main`, oder nenne einen Branch, Tag oder "
                           "Commit, den es gibt.")
    return found.stdout.strip()


def _show(root: Path, commit: str, paths: list[str]) -> dict[str, bytes | None]:
    """The contents of `paths` at `commit`, with one `git cat-file` for all of them."""
    if not paths:
        return {}
    request = "".join(f"{commit}:{path}\n" for path in paths).encode("utf-8", "surrogateescape")
    out = _git(root, "cat-file", "--batch", stdin=request)
    contents: dict[str, bytes | None] = {}
    position = 0
    for path in paths:
        end = out.index(b"\n", position)
        header = out[position:end].decode("utf-8", "surrogateescape").split(" ")
        position = end + 1
        if len(header) != 3 or header[-1] == "missing":
            contents[path] = None
            continue
        size = int(header[2])
        contents[path] = out[position:position + size] if header[1] == "blob" else None
        position += size + 1
    return contents


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    result = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, check=False)
    if result.returncode != 0:
        raise SummaryError(f"`git {args[0]}` ist gescheitert: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout
