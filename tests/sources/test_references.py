"""references.py: rules across files (people, topics, part_of, quotes) and dates in order, with the line."""

from __future__ import annotations

import datetime as dt

from chronik.chronicle.fields import EVENT_FIELDS, PERSON_FIELDS
from chronik.sources.loading import check_document
from chronik.sources.references import Checked, check_references
from chronik.sources.settings import settings_from_config
from chronik.sources.yaml_source import read_document

TODAY = dt.date(2026, 1, 15)
SETTINGS = settings_from_config({"extra": {"chronicle": {
    "title": "Testchronik", "country": "AR", "president_elect": "ana-perez", "election": "2025-12-14",
    "inauguration": "2026-03-11", "topics": {"wahl": "Wahl", "sicherheit": "Sicherheit"}}}})
ANA = "name: Ana Pérez\ndescription: Präsidentin\n"


def _checked(relative: str, text: str) -> Checked:
    """One file as loading.py hands it over: the fields that passed the per-file rules."""
    document, problems = read_document(relative, text.encode())
    if document is None:
        return Checked(None, {}, frozenset())
    return check_document(document, EVENT_FIELDS if relative.startswith("events/") else PERSON_FIELDS)[0]


def _event(date: str = "2025-12-20", *lines: str) -> str:
    return "\n".join([f"date: {date}", *lines, "title: T", "countries: [AR]", "summary: S",
                      "sources: [{publisher: Zeitung, title: Bericht, date: 2025-12-22}]"]) + "\n"


def _check(events: dict[str, str], people: dict[str, str] | None = None) -> list[str]:
    people = {"ana-perez": ANA} if people is None else people
    return [p.format() for p in check_references(
        SETTINGS, {i: _checked(f"events/{i}.yaml", t) for i, t in events.items()},
        {i: _checked(f"people/{i}.yaml", t) for i, t in people.items()}, TODAY)]


def test_sound_references_give_no_problems() -> None:
    assert _check({"a": _event("2025-12-20", "people: [ana-perez]", "topics: [wahl]",
                               "quotes: [{by: ana-perez, text: Ja}]"),
                   "b": _event("2025-12-21", "part_of: a")}) == []


def test_unknown_people_get_the_closest_id_or_the_file_to_create() -> None:
    assert _check({"a": _event("2025-12-20", "people: [ana-peres, juan]")}) == [
        "events/a.yaml:2: Fehler: Unbekannte Person `ana-peres` – Meintest du `ana-perez`?",
        "events/a.yaml:2: Fehler: Unbekannte Person `juan` – Lege people/juan.yaml an.",
    ]


def test_unknown_topics_point_to_the_settings() -> None:
    assert _check({"a": _event("2025-12-20", "topics: [wahlen, uno]")}) == [
        "events/a.yaml:2: Fehler: Unbekanntes Thema `wahlen` – Meintest du `wahl`?",
        "events/a.yaml:2: Fehler: Unbekanntes Thema `uno` – Ergänze es in mkdocs.yml unter extra.chronicle.topics.",
    ]


def test_a_quoted_person_must_be_listed_unless_the_list_itself_is_wrong() -> None:
    assert _check({"a": _event("2025-12-20", "people: []", "quotes:", "  - by: ana-perez", "    text: Ja")}) == [
        "events/a.yaml:4: Fehler: `ana-perez` wird zitiert, steht aber nicht unter `people` – Ergänze `ana-perez` "
        "in der Liste `people` dieses Ereignisses."]
    # A broken `people` is reported by the per-file rules; no second message about the quote.
    assert _check({"a": _event("2025-12-20", "people: ana-perez", "quotes: [{by: ana-perez, text: Ja}]")}) == []


def test_part_of_may_not_point_at_itself_nowhere_or_round_in_a_circle() -> None:
    assert _check({"a": _event("2025-12-20", "part_of: a")}) == [
        "events/a.yaml:2: Fehler: Ein Ereignis kann nicht Teil von sich selbst sein – Trage die Kennung des "
        "übergeordneten Ereignisses ein, z. B. der Reise."]
    assert _check({"reise": _event(), "a": _event("2025-12-20", "part_of: reisen")}) == [
        "events/a.yaml:2: Fehler: Unbekanntes Ereignis `reisen` – Meintest du `reise`?"]
    circle = _check({"a": _event("2025-12-20", "part_of: b"), "b": _event("2025-12-20", "part_of: a"),
                     "c": _event("2025-12-20", "part_of: a")})
    assert circle == [
        "events/a.yaml:2: Fehler: `part_of` bildet einen Kreis: a → b → a – Ein Ereignis darf nicht, auch nicht "
        "über andere, Teil von sich selbst sein.",
        "events/b.yaml:2: Fehler: `part_of` bildet einen Kreis: b → a → b – Ein Ereignis darf nicht, auch nicht "
        "über andere, Teil von sich selbst sein.",
    ]  # c only leads into the circle: reported on its members alone


def test_dates_in_order() -> None:
    # A month that contains the day does not end before it.
    assert _check({"a": _event("2025-12-20", "end: 2025-12")}) == []
    assert _check({"a": _event("2025-12-20", "end: 2025-11")}) == [
        "events/a.yaml:2: Fehler: `end` (2025-11) liegt vor `date` (2025-12-20) – Vertausche die beiden Daten "
        "oder korrigiere eines."]
    person = ANA + "roles:\n  - title: Ministerin\n    from: 2020\n    to: 2019-05\n"
    assert _check({}, {"ana-perez": person}) == [
        "people/ana-perez.yaml:6: Fehler: `roles[0].to` liegt vor `roles[0].from` – Vertausche die beiden Daten "
        "oder korrigiere eines."]


def test_past_plans_are_noted_and_future_facts_refused() -> None:
    assert _check({"a": _event("2026-01-10", "status: planned")}) == [
        "events/a.yaml:2: Hinweis: Status `planned`, aber das Datum ist vorbei (neueste Quelle vom "
        "22. Dezember 2025) – Gibt es eine neuere Quelle, trage den Status happened, postponed oder cancelled ein."]
    assert _check({"a": _event("2026-01-15", "status: planned")}) == []  # today is not past
    assert _check({"a": _event("2026-01-16")}) == [
        "events/a.yaml:1: Fehler: Das Ereignis liegt in der Zukunft (2026-01-16), hat aber den Status `happened` – "
        "Trage `status: planned` oder `status: tentative` ein."]


def test_the_president_elect_must_have_a_file() -> None:
    assert _check({}, {}) == ["mkdocs.yml: Fehler: `extra.chronicle.president_elect`: unbekannte Person "
                              "`ana-perez` – Lege people/ana-perez.yaml an."]


def test_unreadable_files_are_skipped_but_still_exist() -> None:
    assert _check({"a": "title: [kaputt\n", "b": _event("2025-12-20", "part_of: a")},
                  {"ana-perez": ANA, "juan": "name: [kaputt\n"}) == []
