"""What changed since the previous build of one `serve` process, and what need not be rendered again.

`mkdocs serve --dirty` renders only pages whose file reports itself modified. MkDocs' generated
files always do, so the hook asks this tracker instead: a generated page or file is modified when
its content differs from the previous build's, and a hand-written page with `<!-- chronik: … -->`
markers when any fragment does. A full build never consults it.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING

from ..chronicle.model import Chronicle, Event
from ..pages.published import (COUNTRIES_INDEX, PEOPLE_INDEX, TIMELINE, TOPICS_INDEX, country_path, event_path,
                        person_path, topic_path)
from ..chronicle.teasers import teaser

if TYPE_CHECKING:
    from ..chronicle.index import ChronicleIndex
    from ..publish.site import SitePlan
    from ..pages.views import Page


def _digest(content: str | bytes) -> bytes:
    return hashlib.blake2b(content.encode("utf-8") if isinstance(content, str) else content, digest_size=16).digest()


def without_dirty_warning(record: logging.LogRecord) -> bool:
    """A filter for MkDocs' warning that a dirty build may leave navigation and links stale. Here it cannot:
    every generated page whose content changed, and every page that shows fragments, is rendered again (all
    of them after broken data), and the navigation lists only hand-written pages and indexes. Under strict,
    the warning would abort every rebuild."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def modified() -> bool:
    """For a site engine's "is this file modified?" question (MkDocs' `File.is_modified`)."""
    return True


def unmodified() -> bool:
    return False


class ChangeTracker:
    def __init__(self) -> None:
        self._previous: dict[str, bytes] = {}
        self._current: dict[str, bytes] = {}

    def start(self) -> None:
        """A new build: what the last one recorded becomes the comparison."""
        if self._current:
            self._previous = self._current
        self._current = {}

    def changed(self, path: str, content: str | bytes) -> bool:
        """Record `content` for `path`; True if it differs from the previous build's (or is new)."""
        digest = self._current[path] = _digest(content)
        return self._previous.get(path) != digest

    def fragments_changed(self, fragments: dict[str, str]) -> bool:
        return any([self.changed(f"fragment:{name}", text) for name, text in sorted(fragments.items())])

    def forget(self) -> None:
        """After a failed or broken build nothing is known to be current: the next build renders all."""
        self._previous, self._current = {}, {}


# An edit of this many events or more renders everything again: the neighbourhoods would cover most pages.
_MANY = 20
_ALWAYS = (TIMELINE, PEOPLE_INDEX, COUNTRIES_INDEX, TOPICS_INDEX)  # they list or count every event


class PageCache:
    """The pages of the previous `serve` build, by page group. An edit of events only (people and
    settings unchanged, no event added or removed) renders again the groups that can show an edited
    event: its own page; the pages of its parent, parts and fellow parts; of its people, mentioned
    people, quoted speakers, countries and topics (before and after the edit); the timeline and
    the indexes; events whose shared first sentence makes the edit change their description.
    Everything else is taken from the previous build. Any other edit renders every page."""

    def __init__(self) -> None:
        self._chronicle: Chronicle | None = None
        self._groups: dict[str, list[Page]] = {}
        self.rendered = 0  # groups rendered by the last call (tests and the build's log)

    def pages(self, plan: SitePlan) -> list[Page]:
        stale = self._stale(plan.index)
        groups: dict[str, list[Page]] = {}
        self.rendered = 0
        for group in plan.groups:
            key = group.plans[0].path
            pages = self._groups.get(key)
            if stale is None or key in stale or pages is None or tuple(p.plan for p in pages) != group.plans:
                pages = group.render()
                self.rendered += 1
            groups[key] = pages
        self._groups, self._chronicle = groups, plan.index.chronicle
        return [page for pages in groups.values() for page in pages]

    @property
    def groups(self) -> int:
        """How many page groups the last call gave."""
        return len(self._groups)

    def forget(self) -> None:
        self._chronicle, self._groups = None, {}

    def _stale(self, index: ChronicleIndex) -> set[str] | None:
        """The first paths of the groups an edit can have changed; None: all of them."""
        old, new = self._chronicle, index.chronicle
        if (old is None or old.settings != new.settings or old.people != new.people or old.today != new.today
                or [e.id for e in old.events] != [e.id for e in new.events]):  # an added event or a new order
            return None
        before = {event.id: event for event in old.events}
        edited = [(before[event.id], event) for event in new.events if before[event.id] != event]
        if len(edited) >= _MANY:
            return None
        stale = set(_ALWAYS)
        for pair in edited:
            for event, chronicle in zip(pair, (old, new)):
                stale |= _neighbourhood(event, chronicle)
            if pair[0].summary != pair[1].summary:  # a first sentence shared with others adds the title
                shared = {teaser(pair[0].summary), teaser(pair[1].summary)}
                stale |= {event_path(e.id) for e in new.events if index.teaser(e) in shared}
        return stale


def _neighbourhood(event: Event, chronicle: Chronicle) -> set[str]:
    """The first paths of the groups that show `event` in `chronicle`."""
    family = {event.id} | ({event.part_of} if event.part_of else set())
    related = [e.id for e in chronicle.events if e.part_of in family]  # its parts, and its fellow parts
    return ({event_path(event_id) for event_id in family | set(related)}
            | {person_path(pid) for pid in (*event.people, *event.mentioned, *(q.by for q in event.quotes))}
            | {country_path(code) for code in event.countries} | {topic_path(tid) for tid in event.topics})
