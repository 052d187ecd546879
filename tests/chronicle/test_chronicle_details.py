"""What a real chronicle must be able to say (issue 11): order within a day, who was who at the
date, present or only mentioned, plans that came true, stale plans, the time zone setting."""

from __future__ import annotations

import dataclasses
import datetime as dt

import feedparser
import pytest

from chronik.chronicle.dates import parse_partial_date
from chronik.publish.feeds import build_feeds
from chronik.chronicle.index import index_chronicle
from chronik.chronicle.model import Chronicle, Event, Person, Role, Settings, Source, chronological
from chronik.pages.published import SITE_FEED
from chronik.sources.problems import ERROR, INFO, PAST_PLAN, Problem, build_report
from chronik.chronicle.roles import role_on
from chronik.sources.settings import SettingsError, read_config, settings_from_config
from conftest import CHRONICLES, PROJECT, SEED_CHRONICLE, load_case

SETTINGS = Settings(title="Test", country="CL", president_elect="ana-perez", election=dt.date(2025, 12, 14),
                    inauguration=dt.date(2026, 3, 11), topics={}, site_url="https://example.org/c/")


def event(event_id: str, date: str, **fields) -> Event:
    values = dict(title="Titel", summary="Text.", countries=("CL",),
                  sources=(Source("Zeitung", "Bericht", parse_partial_date("2025-12-22")),))
    values.update(fields)
    return Event(id=event_id, path=f"events/{event_id}.yaml", date=parse_partial_date(date), **values)


def person(person_id: str, description: str, *roles: Role) -> Person:
    return Person(person_id, f"people/{person_id}.yaml", person_id.replace("-", " ").title(), description,
                  person_id, roles=roles)


def role(title: str, start: str, end: str | None = None) -> Role:
    return Role(title, parse_partial_date(start), parse_partial_date(end) if end else None)


# Order ------------------------------------------------------------------------------------------

def test_events_of_a_day_follow_their_time_then_untimed_by_id() -> None:
    day = [event("2025-12-22-a-ohne", "2025-12-22"), event("2025-12-22-b-abends", "2025-12-22", time="evening"),
           event("2025-12-22-c-mittag", "2025-12-22", time="midday"), event("2025-12-22-d-frueh", "2025-12-22",
                                                                             time="09:15"),
           event("2025-12-22-e-zwoelf", "2025-12-22", time="12:00"), event("2025-12-22-0-ohne", "2025-12-22")]
    assert [e.id for e in chronological(reversed(day))] == [
        "2025-12-22-d-frueh", "2025-12-22-e-zwoelf", "2025-12-22-c-mittag", "2025-12-22-b-abends",
        "2025-12-22-0-ohne", "2025-12-22-a-ohne"]


def test_an_event_comes_before_its_parts_even_where_a_part_starts_earlier() -> None:
    trip = event("2026-01-05-reise", "2026-01-05", approximate=True)
    early = event("2026-01-03-treffen", "2026-01-03", part_of="2026-01-05-reise")
    other = event("2026-01-04-anderes", "2026-01-04")
    month = event("2026-01-reise", "2026-01")
    inner = event("2026-01-01-rede", "2026-01-01", part_of="2026-01-reise", time="08:00")
    assert [e.id for e in chronological([other, early, trip, inner, month])] == [
        "2026-01-reise", "2026-01-01-rede", "2026-01-04-anderes", "2026-01-05-reise", "2026-01-03-treffen"]


def test_the_seed_lists_the_midday_meeting_before_the_evening_interview() -> None:
    ids = [e.id for e in load_case(SEED_CHRONICLE).chronicle.events]
    assert ids.index("2025-12-22-kast-trifft-bachelet") < ids.index("2025-12-22-interview-canal-13")
    assert ids.index("2025-12-22-reise-nach-ecuador") < ids.index("2025-12-22-interview-canal-13")  # its part


# Roles at the date ------------------------------------------------------------------------------

def test_the_role_is_the_one_held_on_the_day_and_the_description_otherwise() -> None:
    juan = person("juan", "Berater", role("Senator", "2018-03-11", "2025-12-13"), role("Minister", "2026-03"))
    assert role_on(juan, dt.date(2025, 12, 1)) == "Senator"
    assert role_on(juan, dt.date(2025, 12, 20)) == "Berater"
    assert role_on(juan, dt.date(2026, 3, 31)) == "Minister"
    assert role_on(juan, dt.date(2026, 4, 1)) == "Minister"  # open-ended


def test_nobody_is_promoted_by_a_date_in_the_settings() -> None:
    # The settings name ana-perez as president-elect and 11 March as the inauguration: without a role
    # from that day in her file, the pages keep saying what her file says.
    ana = person("ana-perez", "Gewählte Präsidentin", role("Designierte Präsidentin Chiles", "2025-12-14"))
    assert role_on(ana, dt.date(2026, 3, 10)) == "Designierte Präsidentin Chiles"
    assert role_on(ana, dt.date(2026, 3, 11)) == "Designierte Präsidentin Chiles"
    plain = person("ana-perez", "Politikerin")
    assert role_on(plain, dt.date(2026, 3, 11)) == "Politikerin"
    # A role that the data gives from that day on wins: the latest begun.
    sworn = person("ana-perez", "x", role("Designierte Präsidentin Chiles", "2025-12-14", "2026-03-10"),
                   role("Präsidentin Chiles", "2026-03-11"))
    assert role_on(sworn, dt.date(2026, 3, 10)) == "Designierte Präsidentin Chiles"
    assert role_on(sworn, dt.date(2026, 3, 11)) == "Präsidentin Chiles"


def test_kast_is_president_elect_before_and_president_from_the_inauguration_on_every_page() -> None:
    from conftest import generated_pages
    pages = {page.path: page.markdown for page in generated_pages(load_case(PROJECT).chronicle)}
    # The role as it reads after a name in a sentence: the adjective small, the noun capitalised.
    assert "[José Antonio Kast](../personen/jose-antonio-kast.md) (designierter Präsident Chiles)" in \
        pages["ereignisse/2025-12-22-kast-trifft-bachelet.md"]
    assert "[José Antonio Kast](../personen/jose-antonio-kast.md) (Präsident Chiles)" in \
        pages["ereignisse/2026-03-11-amtsuebernahme.md"]
    # A quote names who said it as they were on that day, as a newspaper would.
    assert "> — [José Antonio Kast](../personen/jose-antonio-kast.md), designierter Präsident Chiles · Quelle: " in \
        pages["ereignisse/2025-12-22-kast-trifft-bachelet.md"]
    assert "> — [José Antonio Kast](../personen/jose-antonio-kast.md), Präsident Chiles · Quelle: " in \
        pages["ereignisse/2026-03-11-amtsuebernahme.md"]
    assert "58,2\u00a0%" in pages["ereignisse/2025-12-14-kast-gewinnt-stichwahl.md"].split("## Zahlen", 1)[1]


def test_present_mentioned_and_qualified_people_are_told_apart() -> None:
    from conftest import generated_pages
    pages = {page.path: page.markdown for page in generated_pages(load_case(SEED_CHRONICLE).chronicle)}
    milei = pages["ereignisse/2025-12-16-kast-trifft-milei.md"]
    personen, erwaehnt = milei.split("**Personen:**", 1)[1].split("**Erwähnt:**", 1)
    assert "José Luis Daza" not in personen and "José Luis Daza" in erwaehnt.split("**Länder:**", 1)[0]
    assert "[Diego Paco](../personen/diego-paco.md) (Gouverneur von Arica; möglicherweise)" in \
        pages["ereignisse/2025-12-22-reise-nach-ecuador.md"]
    kast = pages["personen/jose-antonio-kast.md"]
    assert "José Luis Daza" not in kast  # mentioned, not a companion
    assert "## Gemeinsam mit" in kast and "Häufig" not in kast
    assert "## Erwähnt in" in pages["personen/jose-luis-daza.md"]


def test_feeds_name_people_with_their_role_on_the_day_and_their_note() -> None:
    ana = person("ana-perez", "Gewählte Präsidentin", role("Designierte Präsidentin Chiles", "2025-12-14"))
    juan = person("juan", "Berater")
    trip = event("2025-12-22-reise", "2025-12-22", people=("ana-perez", "juan"), notes=(("juan", "möglicherweise"),),
                 time="evening")
    plan = event("2026-01-05-plan", "2026-01-05", status="planned", people=("ana-perez",))
    chron = Chronicle(SETTINGS, (trip, plan), {"ana-perez": ana, "juan": juan}, dt.date(2026, 1, 15))
    feed = feedparser.parse(next(f.content for f in build_feeds(index_chronicle(chron)) if f.path == SITE_FEED))
    entries = {entry.link.rstrip("/").rsplit("/", 1)[1]: entry for entry in feed.entries}
    trip = entries["2025-12-22-reise"].content[0].value
    assert trip.startswith("<p><strong>22. Dezember 2025</strong> · abends</p>\n<p>Text.</p>")
    assert trip.endswith("<p>Personen: Ana Perez (designierte Präsidentin Chiles); Juan (Berater; möglicherweise)</p>")
    assert "geplant, Stand 22. Dezember 2025" in entries["2026-01-05-plan"].content[0].value


# Plans that came true ---------------------------------------------------------------------------

def test_a_plan_that_came_true_is_reported_as_a_possible_duplicate_naming_both_files() -> None:
    problems = load_case(CHRONICLES / "valid-possible-duplicate").problems
    notices = [p for p in problems if "Doppeleintrag" in p.message]
    assert {(p.path, p.message.split("`")[1]) for p in notices} == {
        ("events/2026-01-12-ana-perez-reist-nach-peru.yaml", "events/2026-01-ana-perez-plant-reise-nach-peru.yaml"),
        ("events/2026-01-ana-perez-plant-reise-nach-peru.yaml", "events/2026-01-12-ana-perez-reist-nach-peru.yaml")}
    assert all(p.severity == INFO and "ändere die Datei des Plans" in p.hint for p in notices)


@pytest.mark.parametrize("case", sorted(path.name for path in CHRONICLES.iterdir() if path.is_dir()
                                        and path.name != "valid-possible-duplicate"))
def test_no_other_fixture_and_not_the_seed_has_a_possible_duplicate(case: str) -> None:
    assert [p.format() for p in load_case(CHRONICLES / case).problems if "Doppeleintrag" in p.message] == []


def test_the_seed_has_no_possible_duplicate() -> None:
    assert [p.format() for p in load_case(PROJECT).problems if "Doppeleintrag" in p.message] == []


# Stale plans ------------------------------------------------------------------------------------

def test_the_build_sums_up_past_plans_in_one_line_and_keeps_everything_else() -> None:
    error = Problem("events/a.yaml", 3, "kaputt", "reparieren")
    other = Problem("events/b.yaml", 1, "Möglicher Doppeleintrag", "", INFO)
    past = [Problem(f"events/p{i}.yaml", 2, "vorbei", "", INFO, PAST_PLAN) for i in range(3)]
    report = build_report([past[0], error, past[1], other, past[2]])
    assert report[:2] == [error, other]
    assert [p.format() for p in report[2:]] == [
        "events: Hinweis: 3 Pläne mit vergangenem Datum und ohne neuere Quelle – `./dev check` listet sie einzeln."]
    assert build_report([error]) == [error] and error.severity == ERROR


def test_stale_plans_say_how_old_they_are_in_every_list() -> None:
    from conftest import generated_pages
    chron = load_case(SEED_CHRONICLE).chronicle
    chron = dataclasses.replace(chron, today=dt.date(2026, 11, 18))
    pages = {page.path: page.markdown for page in generated_pages(chron)}
    for path in ("zeitleiste.md", "personen/jose-antonio-kast.md", "laender/pe.md", "themen/aussenpolitik.md"):
        assert "[Kast plant Reise nach Peru]" in pages[path], path
        line = next(line for line in pages[path].splitlines() if "[Kast plant Reise nach Peru]" in line)
        assert ">geplant, Stand 22. Dezember 2025</span>" in line, (path, line)


# The time zone setting --------------------------------------------------------------------------

def _timezone_problems(value) -> list[str]:
    config = read_config(PROJECT)
    chronicle = dict(config["extra"]["chronicle"], timezone=value)
    try:
        settings_from_config({**config, "extra": {"chronicle": chronicle}})
    except SettingsError as error:
        return [f"{p.message} – {p.hint}" for p in error.problems]
    return []


def test_the_time_zone_comes_from_the_settings_and_an_unknown_one_is_an_error_with_a_hint() -> None:
    assert settings_from_config(read_config(PROJECT)).timezone == "America/Santiago"
    assert _timezone_problems("Europe/Berlin") == []
    assert _timezone_problems("America/Santiagoo") == [
        "`extra.chronicle.timezone`: unbekannte Zeitzone 'America/Santiagoo' – Meintest du `America/Santiago`? "
        "Schreibe den Namen der Zeitzone des Landes aus der IANA-Datenbank, z. B. America/Santiago."]
    assert len(_timezone_problems("Chile")) == 1  # a country is not a zone
    assert len(_timezone_problems(5)) == 1
    assert len(_timezone_problems("../../etc/passwd")) == 1
