"""The maps (pages/maps.py, pages/geography.py) on the fixture chronicle valid-places and the shipped one:
what each map draws, at which precision, within the size and label budgets, the same bytes every time.
The SVG itself is pinned by the golden pages (tests/fixtures/chronicles/valid-places/expected)."""

from __future__ import annotations

import re

import pytest

from chronik.chronicle.index import index_chronicle
from chronik.pages import geography
from chronik.pages.maps import FONT, NARROW, WIDE, Maps
from conftest import CHRONICLES, PROJECT, load_case

PHONE_TEXT_WIDTH = 358  # px: the text column of Material on a 390 px phone
MAX_BYTES = 60_000


@pytest.fixture(scope="module")
def places() -> Maps:
    return Maps(index_chronicle(load_case(CHRONICLES / "valid-places").chronicle))


def _event(maps: Maps, event_id: str):
    return next(event for event in maps.index.events if event.id == event_id)


def test_the_route_numbers_stops_in_date_order_and_draws_plans_hollow_and_dashed(places: Maps) -> None:
    svg = places.travels("index.md")
    assert re.findall(r'class="chronik-karte-nummer"[^>]*>(\d+)<', svg) == ["1", "4", "5"]  # 2, 3 beside Santiago
    assert ">Santiago 2, 3</text>" in svg  # the coast is too close to Santiago to draw apart
    items = re.findall(r"<li>(\d+\. [^:]+):", svg)
    assert items == ["1. Buenos Aires", "2. Viña del Mar", "3. Valparaíso", "4. Robinson-Crusoe-Insel", "5. Quito"]
    planned = re.search(r'<circle class="chronik-karte-geplant"[^>]*>\s*<text[^>]*>5<', svg)
    assert planned  # Quito is planned: a hollow circle
    assert svg.count('<path class="chronik-karte-geplant"') == 1  # the leg to Quito, dashed
    assert "Karte: Die Reisen von Ana Pérez" in svg and 'href="ereignisse/2025-12-16-buenos-aires/"' in svg


def test_a_country_known_only_as_a_country_is_shaded_without_a_point(places: Maps) -> None:
    svg = places.event(_event(places, "2025-12-20-peru-telefon"), "ereignisse/2025-12-20-peru-telefon.md")
    assert 'class="chronik-karte-fokus"' in svg and "<circle" not in svg
    assert "nur das Land ist bekannt" in svg


def test_an_event_with_a_point_gets_a_labelled_dot(places: Maps) -> None:
    svg = places.event(_event(places, "2025-12-16-buenos-aires"), "ereignisse/2025-12-16-buenos-aires.md")
    assert "<title id=\"karte-titel\">Karte: Buenos Aires</title>" in svg
    assert svg.count("<circle") == 1 and ">Buenos Aires</text>" in svg and "chronik-karte-fokus" not in svg


@pytest.mark.parametrize("event_id", ["2025-12-21-unbekannt", "2025-12-23-anderes-land"])
def test_an_unknown_place_or_one_outside_the_events_countries_gets_no_map(places: Maps, event_id: str) -> None:
    assert places.event(_event(places, event_id), f"ereignisse/{event_id}.md") == ""


def test_a_country_page_numbers_the_chronicles_places_in_it(places: Maps) -> None:
    svg = places.country("CL", "laender/cl.md")
    assert re.findall(r"<li>(\d+\. [^:]+):", svg) == ["1. Santiago", "2. Viña del Mar", "3. Valparaíso",
                                                     "4. Robinson-Crusoe-Insel", "5. Penco"]
    assert 'href="../../ereignisse/2025-12-17-zurueck/"' in svg  # from laender/cl/ to the newest event there


def test_maps_stay_within_their_budget_and_are_the_same_every_time(shipped_chronicle) -> None:
    maps = Maps(index_chronicle(shipped_chronicle))
    drawn = [maps.travels("index.md")] + [maps.country(code, f"laender/{code.lower()}.md")
                                          for code in maps.index.country_codes]
    drawn += [maps.event(event, f"ereignisse/{event.id}.md") for event in maps.index.events]
    drawn = [svg for svg in drawn if svg]
    assert len(drawn) > 50
    assert max(len(svg.encode()) for svg in drawn) <= MAX_BYTES
    again = Maps(index_chronicle(shipped_chronicle))
    assert again.travels("index.md") == drawn[0]


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_labels_are_at_least_12_px_on_a_phone(width: int) -> None:
    shown = min(width, PHONE_TEXT_WIDTH)  # a map is drawn at most its width, scaled down to fit a phone
    assert FONT[width] * shown / width >= 12


def test_natural_earth_shapes_decode_to_the_known_countries() -> None:
    west, south, east, north = geography.country_bounds("CL")
    assert (round(west), round(south), round(east), round(north)) == (-76, -54, -67, -18)  # the mainland
    assert {"AR", "BE", "HU", "SV", "PA", "DO"} <= set(geography.world())


def test_a_frame_keeps_a_long_country_readable() -> None:
    frame = geography.frame_around([geography.country_bounds("CL")], NARROW)
    assert frame.width / frame.height >= 0.54
    x, y = frame.xy(-70.65, -33.46)  # Santiago lies inside the drawing
    assert 0 < x < frame.width and 0 < y < frame.height
