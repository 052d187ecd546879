"""The chronicle's own settings: `extra.chronicle` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import zoneinfo
from pathlib import Path
from typing import Any, Callable

import yaml

from ..chronicle.dates import DateError, parse_partial_date
from ..chronicle.fields import ID_PATTERN
from ..chronicle.model import Licence, Settings
from .problems import Problem

CONFIG_FILE = "mkdocs.yml"
_KEYS = ("title", "country", "president_elect", "election", "inauguration", "topics")
_OPTIONAL_KEYS = ("licence", "repository", "sourcing_note", "timezone", "short_title", "footer")
_DOCS_LINK = re.compile(r"^[a-z0-9][a-z0-9/_.-]*\.md(#[a-z0-9-]+)?$")
_LICENCE_KEYS = ("name", "url")
_DOCS_PAGE = re.compile(r"^[a-z0-9][a-z0-9/_.-]*\.md$")
SHORT_TITLE_LENGTH = 24  # what fits beside the header's buttons on a 390 px phone (test_browser_chrome)
_WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+(?:/[^\s?#]*)?$")
_REPOSITORY = re.compile(r"^https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


class SettingsError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def read_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, without MkDocs (it uses no Python tags on purpose)."""
    with open(root / CONFIG_FILE, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def settings_from_config(config: dict[str, Any]) -> Settings:
    """Read and check `extra.chronicle` and `site_url`; raise SettingsError listing every problem."""
    raw = (config.get("extra") or {}).get("chronicle")
    problems: list[Problem] = []

    def problem(message: str, hint: str) -> None:
        problems.append(Problem(CONFIG_FILE, None, message, hint))

    if not isinstance(raw, dict):
        problem("`extra.chronicle` fehlt", "Trage die Einstellungen der Chronik unter extra.chronicle ein.")
        raise SettingsError(problems)
    for key in _KEYS:
        if key not in raw:
            problem(f"`extra.chronicle.{key}` fehlt", "Siehe README.md, Abschnitt Einstellungen.")
    for key in sorted(set(raw) - set(_KEYS) - set(_OPTIONAL_KEYS)):
        problem(f"Unbekannte Einstellung `extra.chronicle.{key}`",
                "Erlaubt sind: " + ", ".join(_KEYS + _OPTIONAL_KEYS) + ".")
    dates = {}
    for key in ("election", "inauguration"):
        try:
            parsed = parse_partial_date(raw.get(key, "") if not isinstance(raw.get(key), dt.date)
                                        else raw[key].isoformat())
            if parsed.precision != "day":
                raise DateError("braucht einen Tag")
            dates[key] = parsed.first
        except DateError as exc:
            if key in raw:
                problem(f"`extra.chronicle.{key}`: {exc}", "Schreibe das Datum als JJJJ-MM-TT.")
    topics = raw.get("topics") or {}
    if not isinstance(topics, dict) or not all(isinstance(k, str) and re.match(ID_PATTERN, k) and isinstance(v, str)
                                               for k, v in topics.items()):
        problem("`extra.chronicle.topics` muss Kennung: Bezeichnung-Paare enthalten",
                "Schreibe z. B. `sicherheit: Sicherheit`.")
    licence = _licence(raw.get("licence"), problem)
    repository = raw.get("repository")
    if repository is not None and not (isinstance(repository, str) and _REPOSITORY.match(repository)):
        problem(f"`extra.chronicle.repository` ist keine Repository-Adresse: {repository!r}",
                "Schreibe die Adresse des Repositorys auf GitHub, z. B. https://github.com/zeitung/chronik.")
    sourcing_note = _sourcing_note(raw.get("sourcing_note"), problem)
    timezone = _timezone(raw.get("timezone"), problem)
    short_title, footer = _short_title(raw.get("short_title"), problem), _footer(raw.get("footer"), problem)
    site_url = config.get("site_url") or None
    if site_url is not None and not (isinstance(site_url, str) and _WEB_ADDRESS.match(site_url)):
        problem(f"`site_url` ist keine Web-Adresse: {site_url!r}",
                "Schreibe die öffentliche Adresse der Website, z. B. https://example.org/chronik/.")
    if problems:
        raise SettingsError(problems)
    return Settings(
        title=str(raw["title"]),
        country=str(raw["country"]),
        president_elect=str(raw["president_elect"]),
        election=dates["election"],
        inauguration=dates["inauguration"],
        topics={key: topics[key] for key in sorted(topics)},
        licence=licence,
        repository=repository,
        sourcing_note=sourcing_note,
        timezone=timezone, short_title=short_title, footer=footer,
        site_url=site_url if site_url is None or site_url.endswith("/") else site_url + "/",
    )


def _sourcing_note(raw: Any, problem: Callable[[str, str], None]) -> str | None:
    """`extra.chronicle.sourcing_note`: optional; a page in docs/, with an anchor if wanted."""
    if raw is not None and not (isinstance(raw, str) and _DOCS_LINK.match(raw)):
        problem(f"`extra.chronicle.sourcing_note` ist keine Seite in docs/: {raw!r}",
                "Schreibe den Pfad der Seite in docs/, wahlweise mit Anker, z. B. ueber.md#quellen.")
        return None
    return raw


def _short_title(raw: Any, problem: Callable[[str, str], None]) -> str | None:
    """`extra.chronicle.short_title`: optional; the header's title on phones, where site_name is cut off."""
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip() or len(raw.strip()) > SHORT_TITLE_LENGTH:
        problem(f"`extra.chronicle.short_title` ist kein kurzer Text: {raw!r}",
                f"Schreibe höchstens {SHORT_TITLE_LENGTH} Zeichen, z. B. `short_title: Chronik Chile 2025/26`.")
        return None
    return raw.strip()


def _footer(raw: Any, problem: Callable[[str, str], None]) -> tuple[tuple[str, str], ...]:
    """`extra.chronicle.footer`: optional; `Beschriftung: seite.md` pairs, pages in docs/ that the footer of
    every page links (pages for contributors, out of the main menu)."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(isinstance(label, str) and label.strip() and isinstance(page, str)
                                            and _DOCS_PAGE.match(page) for label, page in raw.items()):
        problem("`extra.chronicle.footer` muss Beschriftung: Seite-Paare enthalten",
                "Schreibe z. B. `Mitmachen: mitmachen.md` (Seiten in docs/, ohne Anker).")
        return ()
    return tuple((label.strip(), page) for label, page in raw.items())  # in the order written


def _licence(raw: Any, problem: Callable[[str, str], None]) -> Licence | None:
    """`extra.chronicle.licence`: optional; `name` is required, `url` an http(s) address."""
    if raw is None:
        return None
    hint = "Schreibe z. B. `licence: {name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/deed.de}`."
    if not isinstance(raw, dict):
        problem("`extra.chronicle.licence` muss `name` und `url` enthalten", hint)
        return None
    name, url = raw.get("name"), raw.get("url")
    good = True
    for key in sorted(set(raw) - set(_LICENCE_KEYS)):
        problem(f"Unbekannte Einstellung `extra.chronicle.licence.{key}`", "Erlaubt sind: name, url.")
        good = False
    if not isinstance(name, str) or not name.strip():
        problem("`extra.chronicle.licence.name` fehlt oder ist kein Text", hint)
        good = False
    if url is not None and not (isinstance(url, str) and _WEB_ADDRESS.match(url)):
        problem(f"`extra.chronicle.licence.url` ist keine Web-Adresse: {url!r}", hint)
        good = False
    return Licence(name.strip(), url) if good else None


def _timezone(raw: Any, problem: Callable[[str, str], None]) -> str | None:
    """`extra.chronicle.timezone`: an IANA zone name such as America/Santiago (from the pinned tzdata)."""
    if raw is None:
        return None
    if isinstance(raw, str) and "/" in raw:  # ZoneInfo also reads local files: only area/location names
        try:
            zoneinfo.ZoneInfo(raw)
            return raw
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            pass
    close = difflib.get_close_matches(str(raw), sorted(zoneinfo.available_timezones()), n=1, cutoff=0.6)
    problem(f"`extra.chronicle.timezone`: unbekannte Zeitzone {raw!r}",
            (f"Meintest du `{close[0]}`? " if close else "")
            + "Schreibe den Namen der Zeitzone des Landes aus der IANA-Datenbank, z. B. America/Santiago.")
    return None


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()
