"""Problems found in the data: what went wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..chronicle.vocabulary import count_phrase

ERROR = "error"
INFO = "info"
PAST_PLAN = "past-plan"  # an open plan whose date has passed: one notice per file from `./dev check`

# German labels readers of the checker see; the severity keys stay English.
_SEVERITY_LABELS = {ERROR: "Fehler", INFO: "Hinweis"}


@dataclass(frozen=True)
class Problem:
    """One finding in one file.

    `path` is relative to the project root with forward slashes; `line` is
    1-based, or None when the whole file is at fault.
    """

    path: str
    line: int | None
    message: str
    hint: str = ""
    severity: str = ERROR
    kind: str = ""  # a family of notices that the build may sum up in one line, e.g. PAST_PLAN

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        """`path:line: Fehler: message (hint)` — the shape editors and CI recognise."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {_SEVERITY_LABELS[self.severity]}: {self.message}"
        return f"{text} – {self.hint}" if self.hint else text

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown inline on the pull request."""
        command = "error" if self.is_error else "notice"
        location = f"file={_escape_property(self.path)}"
        if self.line is not None:
            location += f",line={self.line}"
        body = f"{self.message} – {self.hint}" if self.hint else self.message
        return f"::{command} {location}::{_escape_data(body)}"


class CommandError(Exception):
    """Why a command did nothing, in German, with what to do instead."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint

    def format(self) -> str:
        return f"Fehler: {self.message} – {self.hint}" if self.hint else f"Fehler: {self.message}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """File order, then line order (whole-file problems first); on one line, the order found."""
    return sorted(problems, key=lambda p: (p.path, p.line or 0))


def build_report(problems: Iterable[Problem]) -> list[Problem]:
    """What a build or `serve` prints: every error and notice, but past plans as one line with their
    count, so that one real error does not drown among them; `./dev check` lists each."""
    problems = list(problems)
    past = [p for p in problems if p.kind == PAST_PLAN]
    shown = [p for p in problems if p.kind != PAST_PLAN]
    if past:
        shown.append(Problem("events", None, f"{count_phrase(len(past), 'Plan')} mit vergangenem Datum und ohne "
                             "neuere Quelle", "`./dev check` listet sie einzeln.", INFO))
    return shown


def count_summary(problems: Iterable[Problem]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    files = len({p.path for p in problems if p.is_error})
    return f"{count_phrase(errors, 'Fehler')} in {count_phrase(files, 'Datei')}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
