"""Read the issue form "Ereignis vorschlagen" as GitHub renders it into an issue body.

GitHub writes each field as a heading `### <label>`, a blank line and the answer; an empty optional
field reads `_No response_`, checkboxes read `- [x] <option>` or `- [ ] <option>`. The labels below are
the contract with `.github/ISSUE_TEMPLATE/ereignis-vorschlagen.yml` (a test holds both together).
Everything here is plain text; nothing is interpreted as YAML or Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chronicle.dates import DateError, parse_partial_date
from ..sources.problems import Problem

TITLE_PREFIX = "Ereignis:"
NO_RESPONSE = "_No response_"
# Form label -> what the command makes of it (None: for the maintainer only, not part of the file).
LABELS = {"Datum": "date", "Was geschah": "summary", "Personen": "people", "Länder": "countries",
          "Quellen": "sources", "Angaben": "flags", "Hinweise": None}
REQUIRED = ("Datum", "Was geschah", "Quellen")
# The checkbox options of "Angaben" and the field each one sets.
FLAGS = {"Das Datum ist nur ungefähr bekannt": "approximate",
         "Das Ereignis ist erst angekündigt oder geplant": "planned"}
SOURCE_SHAPE = "Verlag, „Titel“, JJJJ-MM-TT, https://…"
_CHECKBOX = re.compile(r"^[-*] \[([ xX])\] (.+)$")
_QUOTED_TITLE = re.compile(r"^(?P<publisher>[^„“\"«]+?),?\s*[„“\"«](?P<title>[^“”\"»]+)[“”\"»](?P<rest>.*)$")
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;\n]|\bund\b)\s*")


@dataclass(frozen=True)
class Answers:
    """The answers by form label; None for a field left empty."""

    values: dict[str, str | None]

    def get(self, label: str) -> str | None:
        return self.values.get(label)


def parse_body(body: str, where: str) -> tuple[Answers, list[Problem]]:
    """Split the body at the form's headings; every problem at once, the answers as typed."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings: list[tuple[int, str]] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines):
        label = line[4:].strip() if line.startswith("### ") else None
        if label in LABELS:
            if any(label == seen for _, seen in headings):
                problems.append(_problem(where, label, "Die Überschrift steht mehrmals im Issue",
                                         f"Eine Antwort darf keine Zeile „### {label}“ enthalten; lösche sie."))
            headings.append((number, label))
    values: dict[str, str | None] = {}
    for index, (number, label) in enumerate(headings):
        end = headings[index + 1][0] if index + 1 < len(headings) else len(lines)
        answer = "\n".join(lines[number + 1:end]).strip()
        values.setdefault(label, None if answer in ("", NO_RESPONSE) else answer)
    for label in REQUIRED:
        if values.get(label) is None:
            problems.append(_problem(where, label, "Die Antwort fehlt",
                                     "Das Feld ist Pflicht; ergänze es im Issue (Bearbeiten)."))
    return Answers(values), problems


def event_title(issue_title: str) -> str:
    """`Ereignis: Treffen im Palast` -> `Treffen im Palast`."""
    title = issue_title.strip()
    if title.casefold().startswith(TITLE_PREFIX.casefold()):
        title = title[len(TITLE_PREFIX):]
    return title.strip()


def split_list(answer: str | None) -> list[str]:
    """`Ana Pérez, José Jerí und Erika Mustermann` -> three names."""
    if answer is None:
        return []
    return [item.strip(" -*") for item in _LIST_SEPARATOR.split(answer) if item.strip(" -*")]


def checked_flags(answer: str | None) -> set[str]:
    """The fields the ticked options of "Angaben" set; an unknown option is ignored, not guessed."""
    ticked = set()
    for line in (answer or "").split("\n"):
        match = _CHECKBOX.match(line.strip())
        if match and match.group(1) in "xX" and match.group(2).strip() in FLAGS:
            ticked.add(FLAGS[match.group(2).strip()])
    return ticked


def parse_sources(answer: str | None, where: str) -> tuple[list[dict[str, str]], list[Problem]]:
    """One source a line, as the form asks: `Verlag, „Titel“, JJJJ-MM-TT, https://…` (date and
    address optional). Title in quotes, or else everything between publisher and date/address."""
    sources: list[dict[str, str]] = []
    problems: list[Problem] = []
    lines = [line.strip().lstrip("-* ").strip() for line in (answer or "").split("\n")]
    for number, line in enumerate((line for line in lines if line), start=1):
        source, problem = _source(line)
        if problem:
            problems.append(_problem(where, "Quellen", f"Quelle {number}: {problem}",
                                     f"Schreib je Quelle eine Zeile: {SOURCE_SHAPE} (Datum und Adresse nur, "
                                     "wenn bekannt)."))
        else:
            sources.append(source)
    return sources, problems


def _source(line: str) -> tuple[dict[str, str], str | None]:
    quoted = _QUOTED_TITLE.match(line)
    if quoted:
        publisher, title = quoted["publisher"].strip(" ,"), quoted["title"].strip()
        rest = [part.strip() for part in quoted["rest"].split(",") if part.strip()]
    else:
        parts = [part.strip() for part in line.split(",")]
        publisher, rest = parts[0], parts[1:]
        tail = len(rest)
        while tail and _is_date_or_url(rest[tail - 1]):
            tail -= 1
        title, rest = ", ".join(rest[:tail]), rest[tail:]
    if not publisher:
        return {}, "Der Verlag fehlt"
    if not title:
        return {}, "Der Titel fehlt"
    source = {"publisher": publisher, "title": title}
    for part in rest:
        key = "url" if part.startswith(("http://", "https://")) or ":" in part else "date"
        if key in source:
            return {}, f"„{part[:80]}“: eine Quelle hat höchstens ein Datum und eine Adresse"
        if key == "date":
            try:
                part = parse_partial_date(part).iso()
            except DateError as error:
                return {}, f"„{part[:80]}“ ist kein Datum: {error}"
        source[key] = part
    return source, None


def _is_date_or_url(part: str) -> bool:
    if part.startswith(("http://", "https://")):
        return True
    try:
        parse_partial_date(part)
    except DateError:
        return False
    return True


def _problem(where: str, label: str, message: str, hint: str) -> Problem:
    return Problem(where, None, f"Feld „{label}“: {message}", hint)
