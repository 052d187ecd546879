"""`chronik neu ORDNER`: a new chronicle that builds strictly and passes its checks right away.

The starter files (chronik/tools/starter/, package data) are written with the chronicle's settings filled in
for `{chronik:name}`; a leading `dot-` in a name becomes `.` (package data keeps no hidden files). One
example person (the president-elect) and one example event (the election) go to people/ and events/, the
data files' JSON Schemas to schema/, and requirements.txt pins the installed version of chronik.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__
from ..chronicle.countries import dative, german_name, is_country_code, suggest
from ..chronicle.dates import format_day
from ..sources.loading import EVENTS_DIR, PEOPLE_DIR
from ..sources.problems import CommandError
from .schema import write_schemas
from ..chronicle.slugs import slug

STARTER = Path(__file__).parent / "starter"
_TOKEN = re.compile(r"\{chronik:(\w+)\}")
_HIDDEN = "dot-"
_DATA = "data"  # the example files, written under their own names into events/ and people/
_LANGUAGE = re.compile(r"^[a-z]{2}(-[A-Za-z]{2,4})?$")
_REPOSITORY = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)$")
_SITE_URL = re.compile(r"^https?://[^\s/?#]+(/[^\s?#]*)?/$")


class NewChronicleError(CommandError):
    """Why no chronicle was written."""


@dataclass(frozen=True)
class ChronicleSetup:
    """What `chronik neu` asks for as options; everything else has a default."""

    country: str
    election: dt.date
    inauguration: dt.date
    president: str = "Vorname Nachname"
    title: str | None = None
    language: str = "de"
    repository: str | None = None
    site_url: str | None = None
    timezone: str | None = None


def create_chronicle(folder: Path, setup: ChronicleSetup, today: dt.date) -> list[Path]:
    """Write a new chronicle into `folder` (missing or empty); return the files written, relative to it.
    Raises NewChronicleError."""
    values = _values(folder, _checked(setup), today)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NewChronicleError(f"{folder} gibt es schon und ist nicht leer",
                                "Nenne einen neuen oder leeren Ordner; `chronik neu` überschreibt nichts.")
    written = []
    for source in sorted(STARTER.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            relative = _target(source.relative_to(STARTER), values)
            _write(folder / relative, _fill(source.read_text(encoding="utf-8"), values), source.stat().st_mode)
            written.append(relative)
    written += [path.relative_to(folder) for path in write_schemas(folder)]
    return sorted(written, key=lambda path: path.as_posix())


def _checked(setup: ChronicleSetup) -> ChronicleSetup:
    country = setup.country.strip().upper()
    if not is_country_code(country):
        guess = suggest(setup.country)
        raise NewChronicleError(f"„{setup.country}“ ist kein Ländercode",
                                f"Meintest du {guess}?" if guess else "Gib das Land als ISO-Code an, z. B. AR.")
    if setup.inauguration < setup.election:
        raise NewChronicleError("Die Amtsübernahme liegt vor der Wahl", "Prüfe --wahl und --amtsuebernahme.")
    if not slug(setup.president):
        raise NewChronicleError("Der Name der gewählten Person ergibt keine Kennung", "Gib einen Namen an.")
    if not _LANGUAGE.match(setup.language):
        raise NewChronicleError(f"„{setup.language}“ ist kein Sprachcode", "Schreibe z. B. de oder es.")
    if setup.repository is not None and not _REPOSITORY.match(setup.repository):
        raise NewChronicleError(f"„{setup.repository}“ ist keine Repository-Adresse auf GitHub",
                                "Schreibe z. B. https://github.com/zeitung/chronik.")
    if setup.site_url is not None and not _SITE_URL.match(setup.site_url):
        raise NewChronicleError(f"„{setup.site_url}“ ist keine Website-Adresse",
                                "Schreibe sie mit https:// und einem / am Ende, z. B. https://zeitung.de/chronik/.")
    if setup.timezone is not None and not _is_timezone(setup.timezone):
        raise NewChronicleError(f"„{setup.timezone}“ ist keine Zeitzone",
                                "Nenne sie wie in der IANA-Datenbank, z. B. America/Santiago.")
    return setup


def _is_timezone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _values(folder: Path, setup: ChronicleSetup, today: dt.date) -> dict[str, str]:
    country = setup.country.strip().upper()
    title = setup.title or f"Machtwechsel in {dative(country)} {_years(setup.election, setup.inauguration)}"
    site_url = setup.site_url or _site_url(folder, setup.repository)
    president_id = slug(setup.president)
    election, inauguration = format_day(setup.election), format_day(setup.inauguration)
    return {
        "version": __version__,
        "title": title,
        "site_name": f"Chronik: {title}",
        "description": f"Chronik des Übergangs von der Wahl am {election} bis zur Amtsübernahme am {inauguration}: "
                       "Ereignisse, Personen, Länder, Quellen.",
        "site_url": site_url,
        "serve_url": f"http://127.0.0.1:8000{urlsplit(site_url).path}",
        "language": setup.language,
        "country": country,
        "country_name": german_name(country),
        "country_dative": dative(country),
        "president_name": setup.president,
        "president_id": president_id,
        "election": setup.election.isoformat(),
        "inauguration": setup.inauguration.isoformat(),
        "election_long": election,
        "inauguration_long": inauguration,
        "inauguration_days": str((setup.inauguration - setup.election).days),
        "election_status": "happened" if setup.election <= today else "planned",
        "event_id": f"{setup.election.isoformat()}-{slug(setup.president + ' gewinnt die Wahl')}",
        "repository_line": f"    repository: {setup.repository}" if setup.repository else
                           "    # The repository on GitHub: Edit buttons and links to its issues derive from it.\n"
                           "    # repository: https://github.com/OWNER/NAME",
        "timezone_line": f"    timezone: {setup.timezone}" if setup.timezone else
                         "    # Times of day in the files are local times of this zone (calendars need it):\n"
                         "    # timezone: America/Santiago",
    }


def _years(election: dt.date, inauguration: dt.date) -> str:
    """2023; 2025/26 across a new year."""
    if election.year == inauguration.year:
        return str(election.year)
    return f"{election.year}/{inauguration.year % 100:02d}"


def _site_url(folder: Path, repository: str | None) -> str:
    """GitHub Pages' address for a repository; without one, a placeholder to replace before publishing."""
    if repository:
        owner, name = _REPOSITORY.match(repository).groups()
        return f"https://{owner.lower()}.github.io/{name}/"
    return f"https://example.org/{slug(folder.resolve().name) or 'chronik'}/"


def _target(relative: Path, values: dict[str, str]) -> Path:
    parts = [("." + part[len(_HIDDEN):]) if part.startswith(_HIDDEN) else part for part in relative.parts]
    if parts[0] == _DATA:  # data/event.yaml -> events/<id>.yaml, data/person.yaml -> people/<id>.yaml
        return (Path(EVENTS_DIR) / f"{values['event_id']}.yaml" if parts[1] == "event.yaml"
                else Path(PEOPLE_DIR) / f"{values['president_id']}.yaml")
    return Path(*parts)


def _fill(text: str, values: dict[str, str]) -> str:
    return _TOKEN.sub(lambda match: values[match.group(1)], text)


def _write(path: Path, text: str, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if path.name == "dev" or mode & 0o111:
        path.chmod(0o755)
