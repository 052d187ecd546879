"""iCalendar content lines (RFC 5545, section 3.1), written directly.

The icalendar library builds an object per property and folds every line in Python; at 10,000
events that was most of the calendars' cost. Our calendars use a handful of value types, so they
are written here: TEXT escaped (3.3.11), lines folded at 75 octets without splitting a UTF-8
character (3.1), CRLF line ends. The tests parse every calendar back with icalendar.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

Property = tuple[str, str]  # ("DTSTART;VALUE=DATE", "20251214"): name with parameters, value as written


def text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def text_list(values: Iterable[str]) -> str:
    """Several TEXT values of one property (e.g. CATEGORIES), separated by commas."""
    return ",".join(text(value) for value in values)


def date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def component(name: str, properties: Iterable[Property], children: Iterable[bytes] = ()) -> bytes:
    """BEGIN:name, the properties, the already written children, END:name."""
    lines = [f"BEGIN:{name}\r\n".encode()]
    lines += [fold(f"{key}:{value}") for key, value in properties]
    lines += children
    lines.append(f"END:{name}\r\n".encode())
    return b"".join(lines)


def fold(line: str) -> bytes:
    """One content line, folded: at most 75 octets per line, continuation lines start with a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never inside a UTF-8 character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74
    return b"\r\n ".join(parts) + b"\r\n"
