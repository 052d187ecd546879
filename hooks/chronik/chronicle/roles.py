"""Who was who on a day: the role a person held at an event's date, for every place that names them.

The one rule: the person's `roles` that cover the day (the latest begun wins); without one, the
`description`. Nothing is inferred: a president-elect becomes president on a page only when their
file says so, with the source that reports it (`roles[].source`).
"""

from __future__ import annotations

import datetime as dt
import re

from .model import Person, Role


def role_on(person: Person, day: dt.date) -> str:
    """The role `person` held on `day`, as one line of plain text."""
    current = [role for role in person.roles if _covers(role, day)]
    if current:
        return max(current, key=lambda role: role.start.first).title
    return person.description


# Files write a role as a label ("Designierter Präsident Chiles"); inside a sentence German writes the
# adjective in front small ("Kast, designierter Präsident Chiles"), the noun stays capitalised. An
# adjective or participle is told by its ending and by a capitalised noun after it ("Vorsitzender der
# UDI" is a noun and stays); a leading preposition ("Von Kast designierter …", "Im Gespräch …") too.
_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]*(?:ig|isch|iert|ählt|her|end|ünftig|lich)(?:e|er|es|en|em)$")
_PREPOSITIONS = frozenset({"Von", "Im", "Seit", "Bis", "Ab", "Bei", "Mit", "Ohne", "Laut"})


def in_sentence(role: str) -> str:
    """A role as it reads after a name inside a sentence: the leading adjective or preposition small."""
    words = role.split(" ", 2)
    first = words[0]
    adjective = len(words) > 1 and _ADJECTIVE.match(first) is not None and words[1][:1].isupper()
    if adjective or first in _PREPOSITIONS:
        return first[0].lower() + role[1:]
    return role


def _covers(role: Role, day: dt.date) -> bool:
    if role.start.first > day:
        return False
    return role.end is None or day <= role.end.last
