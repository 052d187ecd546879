"""The overview chart: well-formed SVG with a name, a description and a table; the right bars in the
right style; today's marker; the same output for the same data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from chronik.pages.chart import overview_html, weeks
from chronik.chronicle.dates import parse_partial_date
from chronik.chronicle.model import Chronicle, Event, Settings, Source

SVG = "{http://www.w3.org/2000/svg}"
SETTINGS = Settings(title="Test", country="CL", president_elect="ana-perez", election=dt.date(2025, 12, 14),
                    inauguration=dt.date(2026, 3, 11), topics={})
HATCHED = "url(#verlauf-schraffur)"


def event(event_id: str, date: str, status: str = "happened", title: str = "Titel") -> Event:
    return Event(id=event_id, path=f"events/{event_id}.yaml", title=title, date=parse_partial_date(date),
                 summary="Text.", countries=("CL",), sources=(Source("Zeitung", "Bericht"),), status=status)


def chronicle(*events: Event, today: dt.date = dt.date(2026, 1, 15)) -> Chronicle:
    return Chronicle(SETTINGS, tuple(sorted(events, key=lambda e: e.sort_key)), {}, today)


EVENTS = (
    event("2025-12-14-a", "2025-12-14"),  # week 1: the election, a Sunday, alone
    event("2025-12-20-b", "2025-12-20"), event("2025-12-21-c", "2025-12-21"),  # week 2, Monday to Sunday
    event("2025-12-22-d", "2025-12-22", "planned"),  # week 3
    event("2026-03-11-e", "2026-03-11", "tentative"),  # week 14, Monday to Wednesday
    event("2026-01-f", "2026-01", "planned"),  # no day: not drawn
    dataclasses.replace(event("2026-03-02-j", "2026-03-02", "planned"), approximate=True),  # "etwa Anfang März"
    event("2026-01-10-g", "2026-01-10", "cancelled"),  # called off: not drawn
    event("2025-11-30-h", "2025-11-30"), event("2026-04-01-i", "2026-04-01"),  # outside
)


def figure(chron: Chronicle) -> ET.Element:
    return ET.fromstring(overview_html(chron))  # XML-parsable, so well-formed as SVG and as HTML


def test_the_chart_is_well_formed_and_accessible() -> None:
    root = figure(chronicle(*EVENTS))
    assert root.tag == "figure"
    svg = root.find(f"{SVG}svg")
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert title.text == ("Ereignisse je Woche von der Wahl am 14. Dezember 2025 bis zur Amtsübernahme am "
                          "11. März 2026")
    assert desc.text == (
        "Säulendiagramm. Eingezeichnet: 3 stattgefunden, 2 geplant oder möglich. Die meisten Ereignisse, 2, fallen "
        "in die Woche 15.–21. Dezember 2025. Heute ist der 15. Januar 2026, 32\u00a0Tage nach der Wahl. Nicht "
        "eingezeichnet: 2 geplante oder mögliche Ereignisse ohne genauen Tag, 1 abgesagtes oder verschobenes "
        "Ereignis und 2 Ereignisse außerhalb dieses Zeitraums. Ausgefüllte Säulen: stattgefunden; schraffierte: "
        "geplant oder möglich; gestrichelte Linie: heute.")
    # Every plan is counted once: drawn (2) or named as not drawn for want of a day (2).
    assert root.find("figcaption").text.startswith("Eingezeichnet: 3 stattgefunden, 2 geplant oder möglich.")
    rows = [[cell.text for cell in row] for row in root.iter("tr")][1:]
    assert len(rows) == 14
    assert rows[0] == ["1", "14. Dezember 2025", "1", "0"]
    assert rows[1] == ["2", "15.–21. Dezember 2025", "2", "0"]
    assert rows[2] == ["3", "22.–28. Dezember 2025", "0", "1"]
    assert rows[13] == ["14", "9.–11. März 2026", "0", "1"]
    assert not re.search(r"<script|\bon[a-z]+=|href=|https?://(?!www\.w3\.org/2000/svg)", overview_html(
        chronicle(*EVENTS)))  # nothing to run, nothing to load


def test_happened_and_planned_bars_differ_in_shape_not_only_colour() -> None:
    svg = figure(chronicle(*EVENTS)).find(f"{SVG}svg")
    bars = [group for group in svg.findall(f"{SVG}g") if group.find(f"{SVG}title") is not None]
    assert [group.find(f"{SVG}title").text for group in bars] == [
        "14. Dezember 2025: 1 stattgefunden, 0 geplant oder möglich",
        "15.–21. Dezember 2025: 2 stattgefunden, 0 geplant oder möglich",
        "22.–28. Dezember 2025: 0 stattgefunden, 1 geplant oder möglich",
        "9.–11. März 2026: 0 stattgefunden, 1 geplant oder möglich",
    ]
    styles = [[(rect.get("fill"), rect.get("stroke")) for rect in group.findall(f"{SVG}rect")] for group in bars]
    solid, hatched = ("currentColor", None), (HATCHED, "currentColor")
    assert styles == [[solid], [solid], [hatched], [hatched]]
    heights = [[float(rect.get("height")) for rect in group.findall(f"{SVG}rect")] for group in bars]
    assert heights[1][0] == 2 * heights[0][0] == 2 * heights[2][0] == 2 * heights[3][0]


def test_todays_marker_moves_with_today_and_waits_at_the_edge() -> None:
    def marker(today: dt.date) -> tuple[float, str]:
        svg = figure(chronicle(*EVENTS, today=today)).find(f"{SVG}svg")
        label = [t for t in svg.findall(f"{SVG}text") if t.text and "heute" in t.text][0]
        return float(label.get("x")), label.text
    start, middle, end = (marker(day) for day in (dt.date(2025, 12, 14), dt.date(2026, 1, 27), dt.date(2026, 3, 11)))
    assert start[0] < middle[0] < end[0] and {start[1], middle[1], end[1]} == {"heute"}
    assert marker(dt.date(2026, 11, 18)) == (544.0, "heute →")
    assert marker(dt.date(2025, 1, 1)) == (40.0, "← heute")
    after = overview_html(chronicle(*EVENTS, today=dt.date(2026, 11, 18)))
    # A date, not an event: whether the inauguration took place, the events say, not the chart.
    assert "Heute (18. November 2026) liegt nach dem letzten Tag des Diagramms, dem 11. März 2026." in after
    assert "nach der Amtsübernahme" not in after


def test_weeks_run_from_monday_to_sunday_cut_to_election_and_inauguration() -> None:
    data, left_out = weeks(chronicle(*EVENTS))
    assert [(w.first, w.last) for w in data[:3]] == [
        (dt.date(2025, 12, 14), dt.date(2025, 12, 14)),  # the election day, a Sunday
        (dt.date(2025, 12, 15), dt.date(2025, 12, 21)), (dt.date(2025, 12, 22), dt.date(2025, 12, 28))]
    assert all(w.first.weekday() == 0 for w in data[1:])
    assert data[-1].last == dt.date(2026, 3, 11)
    assert left_out == {"outside": 2, "called_off": 1, "vague": 0, "vague_planned": 2}


def test_same_data_same_chart_and_an_empty_chronicle_still_draws() -> None:
    assert overview_html(chronicle(*EVENTS)) == overview_html(chronicle(*reversed(EVENTS)))
    empty = figure(chronicle())
    assert "Eingezeichnet: 0 stattgefunden, 0 geplant oder möglich." in empty.find("figcaption").text
    hostile = overview_html(chronicle(event("2025-12-20-x", "2025-12-20", title="</svg><script>x</script>")))
    assert "<script>" not in hostile  # titles are not drawn; counts are


def test_the_chart_follows_the_news_on_the_start_page_and_the_entries_on_the_timeline(site: Path) -> None:
    # Readers come for the events: the chart comes after the newest of them.
    before = {"index.html": '<h2 id="zuletzt">', "zeitleiste/index.html": 'class="chronik-eintrag__datum"'}
    for path, news in before.items():
        html = (site / path).read_text(encoding="utf-8")
        [block] = re.findall(r'<figure class="chronik-verlauf">.*?</figure>', html, re.DOTALL)
        ET.fromstring(block)
        assert html.index(news) < html.index('<figure class="chronik-verlauf">'), path
