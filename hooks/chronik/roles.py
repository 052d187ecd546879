"""Who was who on a day: the role a person held at an event's date, for every place that names them.

The one rule: the person's `roles` that cover the day (the latest begun wins); without one, the
`description`. The president-elect's open role ends the day before the inauguration from the
settings; from that day on they are in office, unless their `roles` say otherwise (a role with an
explicit `to` after the inauguration, or one that begins on or after it).
"""

from __future__ import annotations

import datetime as dt
import re

from . import countries
from .model import Person, Role, Settings

_ELECT = re.compile(r"^(?:Designierter|Designierte|Gewählter|Gewählte)\s+(\S.*)$")


def role_on(person: Person, day: dt.date, settings: Settings) -> str:
    """The role `person` held on `day`, as one line of plain text."""
    elect = person.id == settings.president_elect
    current = [role for role in person.roles if _covers(role, day, settings.inauguration if elect else None)]
    if current:
        return max(current, key=lambda role: role.start.first).title
    if elect and day >= settings.inauguration:
        return in_office_title(person, settings)
    return person.description


def in_office_title(person: Person, settings: Settings) -> str:
    """`Designierter Präsident Chiles` -> `Präsident Chiles`; else `Präsident von <Land>`."""
    for text in [role.title for role in person.roles] + [person.description]:
        match = _ELECT.match(text)
        if match:
            rest = match.group(1)
            return rest[0].upper() + rest[1:]
    return f"Präsident von {countries.german_name(settings.country)}"


def _covers(role: Role, day: dt.date, inauguration: dt.date | None) -> bool:
    if role.start.first > day:
        return False
    if role.end is not None:
        return day <= role.end.last
    # The president-elect's open role that began before the inauguration ends with it.
    return inauguration is None or role.start.first >= inauguration or day < inauguration
