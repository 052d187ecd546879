"""Who was who on a day: the role a person held at an event's date, for every place that names them.

The one rule: the person's `roles` that cover the day (the latest begun wins); without one, the
`description`. Nothing is inferred: a president-elect becomes president on a page only when their
file says so, with the source that reports it (`roles[].source`).
"""

from __future__ import annotations

import datetime as dt

from .model import Person, Role


def role_on(person: Person, day: dt.date) -> str:
    """The role `person` held on `day`, as one line of plain text."""
    current = [role for role in person.roles if _covers(role, day)]
    if current:
        return max(current, key=lambda role: role.start.first).title
    return person.description


def _covers(role: Role, day: dt.date) -> bool:
    if role.start.first > day:
        return False
    return role.end is None or day <= role.end.last
