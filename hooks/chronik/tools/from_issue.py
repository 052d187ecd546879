"""Turn an issue made with the form "Ereignis vorschlagen" into an event file.

    ./dev from-issue "$GITHUB_EVENT_PATH"

reads the event payload GitHub Actions hands a workflow (`issue.title`, `issue.body`, `issue.number`,
`issue.html_url`), matches names to people and countries, writes `events/<id>.yaml` in the house style
and checks it as `./dev check` does. The issue is untrusted input: every value goes through a YAML
emitter, so no answer can add a key or a second document, and the checker judges the result.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..chronicle import countries as country_names
from ..chronicle.dates import DateError, parse_partial_date
from ..chronicle.fields import EVENT_FIELDS
from .issue_form import Answers, checked_flags, event_title, parse_body, parse_sources, split_list
from ..sources.loading import EVENTS_DIR, load_chronicle
from ..chronicle.model import Chronicle, Person
from ..sources.problems import CommandError, Problem
from .scaffold import NewFile, ScaffoldError, write
from ..chronicle.slugs import slug
from .schema import schema_line
from ..chronicle.text import fold

MAX_PAYLOAD = 1_000_000  # GitHub caps an issue body at 65,536 characters; anything far larger is not an issue
_ISSUE_URL = re.compile(r"^https://[^\s<>\"]+$")


class IssueError(CommandError):
    """Why the payload is not an issue at all."""


@dataclass(frozen=True)
class Issue:
    number: int
    title: str
    body: str
    url: str

    @property
    def where(self) -> str:
        return f"Issue #{self.number}"


def read_issue(path: Path) -> Issue:
    """The issue from a GitHub Actions event payload (or a file holding just the issue)."""
    try:
        raw = path.read_bytes()
    except OSError:
        raise IssueError(f"Die Datei {path} lässt sich nicht lesen",
                         "Gib die Datei an, die GitHub Actions in $GITHUB_EVENT_PATH ablegt.") from None
    try:
        if len(raw) > MAX_PAYLOAD:
            raise ValueError
        payload = json.loads(raw.decode("utf-8"))
        issue = payload.get("issue", payload)
        number, title, body = issue["number"], issue["title"], issue.get("body") or ""
        if not isinstance(number, int) or not isinstance(title, str) or not isinstance(body, str):
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError):
        raise IssueError(f"{path} enthält kein Issue",
                         "Erwartet wird JSON mit issue.number, issue.title und issue.body.") from None
    url = issue.get("html_url") if isinstance(issue.get("html_url"), str) else ""
    return Issue(number, title, body, url if _ISSUE_URL.match(url) else "")


def event_from_issue(chronicle: Chronicle, issue: Issue) -> tuple[NewFile | None, list[Problem]]:
    """The new event file, or every problem of the issue's answers at once."""
    answers, problems = parse_body(issue.body, issue.where)
    title = event_title(issue.title)
    if not title:
        problems.append(Problem(issue.where, None, "Der Titel des Issues ist leer",
                                "Gib dem Issue einen Titel: „Ereignis: Kurzer Titel“."))
    data, found = _data(chronicle, answers, issue.where, title)
    problems += found
    if problems:
        return None, problems
    file_id = f"{data['date']}-{slug(title)}" if slug(title) else None
    if file_id is None:
        return None, [Problem(issue.where, None, "Aus dem Titel lässt sich keine Kennung bilden",
                              "Der Titel braucht Buchstaben oder Ziffern, z. B. „Treffen im Präsidentenpalast“.")]
    relative = f"{EVENTS_DIR}/{file_id}.yaml"
    source = f"# Übernommen aus Issue #{issue.number}" + (f": {issue.url}" if issue.url else "")
    header = [schema_line(relative), "# Ereignis der Chronik; Format: siehe docs/mitmachen.md", source]
    return NewFile(relative, "\n".join(header) + "\n" + dump_event(data)), []


def check_written(root: Path, chronicle: Chronicle, relative: str) -> list[Problem]:
    """What `./dev check FILE` says about the written file."""
    return load_chronicle(root, chronicle.settings, chronicle.today, only={relative}).problems


def _data(chronicle: Chronicle, answers: Answers, where: str, title: str) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    data: dict[str, Any] = {"title": title}
    when = None
    if answers.get("Datum") is not None:
        try:
            when = parse_partial_date(answers.get("Datum").strip())
            data["date"] = when.iso()
        except DateError as error:
            problems.append(Problem(where, None, f"Feld „Datum“: {error}",
                                    "Schreib das Datum als JJJJ-MM-TT, JJJJ-MM oder JJJJ."))
    flags = checked_flags(answers.get("Angaben"))
    if "approximate" in flags:
        data["approximate"] = True
    future = when is not None and when.first > chronicle.today
    data["status"] = "planned" if "planned" in flags or future else "happened"
    codes = [_country(name, where, problems) for name in split_list(answers.get("Länder"))]
    data["countries"] = list(dict.fromkeys(code for code in codes if code)) or [chronicle.settings.country]
    people = [_person(chronicle, name, where, problems) for name in split_list(answers.get("Personen"))]
    if any(people):
        data["people"] = list(dict.fromkeys(person for person in people if person))
    data["summary"] = (answers.get("Was geschah") or "").strip() + "\n"
    data["sources"], found = parse_sources(answers.get("Quellen"), where)
    return data, problems + found


def _person(chronicle: Chronicle, name: str, where: str, problems: list[Problem]) -> str | None:
    """A typed name -> the person's id, by id, name or alias, ignoring accents and case."""
    wanted = fold(name)
    matches = sorted({person.id for person in chronicle.people.values()
                      if wanted in {person.id, *(fold(known) for known in _names(person))}})
    if len(matches) == 1:
        return matches[0]
    if matches:
        problems.append(Problem(where, None, f"Feld „Personen“: „{name}“ passt auf mehrere Personen: "
                                f"{', '.join(matches)}", "Schreib den vollständigen Namen."))
        return None
    by_name = {fold(known): person for person in chronicle.people.values() for known in _names(person)}
    close = [by_name[key] for key in difflib.get_close_matches(wanted, sorted(by_name), n=3, cutoff=0.5)]
    listed = ", ".join(dict.fromkeys(f"{person.name} (`{person.id}`)" for person in close))
    problems.append(Problem(where, None, f"Feld „Personen“: „{name}“ steht nicht in people/",
                            (f"Am ähnlichsten: {listed}. " if listed else "")
                            + "Schreib den Namen wie dort, oder das Team legt die Person zuerst an "
                            '(./dev new person "Vorname Nachname").'))
    return None


def _names(person: Person) -> tuple[str, ...]:
    return (person.name, *person.aliases)


def _country(name: str, where: str, problems: list[Problem]) -> str | None:
    """`Peru`, `PE`, `pe`, `Perú` -> the ISO code."""
    code = country_names.suggest(name)
    if code is None:
        problems.append(Problem(where, None, f"Feld „Länder“: „{name}“ ist kein bekanntes Land",
                                "Schreib den deutschen Namen (z. B. Peru) oder den Code nach ISO 3166-1 (PE)."))
    return code


# The file text: the house style of the shipped events, written by PyYAML's emitter ---------------

class _Flow(list):
    """A list written in one line, `[AR, PE]`, as the shipped files write ids and codes."""


class _Date(str):
    """A date as the format writes it: 2026-01-06, 2026-01 or 2026, without quotes."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # `sources:` then `  - publisher: …`, indented like the shipped files.
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text as a block (`summary: |`); the emitter falls back to quotes when a block cannot hold it.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _date(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Tagged as YAML reads it (timestamp, int or str), the emitter needs no quotes; the checker reads all three.
    return dumper.represent_scalar(dumper.resolve(yaml.ScalarNode, value, (True, False)), value)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(_Date, _date)
_Dumper.add_representer(_Flow, lambda dumper, value: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", value, flow_style=True))


def dump_event(data: dict[str, Any]) -> str:
    """The fields in the order of the format, as the shipped files write them."""
    ordered = {key: _Flow(data[key]) if key in ("countries", "people") else data[key]
               for key in EVENT_FIELDS if key in data}
    ordered["date"] = _Date(ordered["date"])
    ordered["sources"] = [{key: _Date(value) if key == "date" else value for key, value in source.items()}
                          for source in ordered["sources"]]
    return yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False, indent=2)


def convert(root: Path, chronicle: Chronicle, issue: Issue) -> tuple[NewFile | None, list[Problem]]:
    """Write the event and check it; on any error nothing stays behind."""
    new, problems = event_from_issue(chronicle, issue)
    if new is None:
        return None, problems
    try:
        path = write(root, new)
    except ScaffoldError:
        raise IssueError(f"Die Datei {new.path} gibt es schon; sie bleibt, wie sie ist",
                         "Ist das Ereignis schon eingetragen? Sonst gib dem Issue einen anderen Titel.") from None
    problems = check_written(root, chronicle, new.path)
    if any(problem.is_error for problem in problems):
        path.unlink()
        return None, problems
    return new, problems
