"""Maps at build time, as inline SVG: the president-elect's travels (start page), a locator map per country
page and per event page with a known place.

No JavaScript, nothing to load: outlines come from geography.py (drawn once per frame and build), the
colours from Material's CSS variables (assets/chronik.css), so light and dark mode both work. Precision is
drawn as it is known: a point for a city, a shaded country when only the country is known, nothing when
the place is unknown. Each map has a title („Karte: …“), a description and a list of its places, and each
stop links to its event. Labels are at least 12 px on a 390 px phone: a map is drawn at most WIDE pixels
wide, and a phone shows at least 0.74 of that.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..chronicle import countries as country_names
from ..chronicle.index import ChronicleIndex
from ..chronicle.model import Event
from ..chronicle.places import COUNTRY, POINT, Location, Lookup, locate
from ..chronicle.vocabulary import count_phrase
from .geography import Frame, country_bounds, frame_around, outlines
from .published import event_path, page_folder
from .templating import render

WIDE, NARROW = 480, 320  # pixels: the start page's map, the locator maps
FONT = {WIDE: 17, NARROW: 13}  # 17 px at 480 shows as 12.7 px on a phone's 358 px of text width
RADIUS = {WIDE: 11, NARROW: 8}
LISTED = 12  # events named per place in a map's list; the page lists them all
MAX_STOPS = 40  # numbered stops a map draws: the newest on the start page, those of the most events on a country's
CLOSED = ("postponed", "cancelled")


@dataclass
class _Stop:
    """One marker: a place and the events there, in date order."""

    location: Location
    events: list[Event] = field(default_factory=list)
    number: int | None = None
    home: bool = False
    also: list[int] = field(default_factory=list)  # numbers of stops too close to draw apart, drawn here

    @property
    def planned(self) -> bool:
        return bool(self.events) and all(event.is_open for event in self.events)


class Maps:
    """The maps of one build; outlines are shared between maps with the same frame."""

    def __init__(self, index: ChronicleIndex) -> None:
        self.index = index
        self._event_maps: dict[tuple[Location, ...], str] = {}

    def lookup(self, event: Event) -> Lookup:
        return locate(event.place, dict(event.location), event.countries)

    @cached_property
    def _located(self) -> list[tuple[Event, Lookup]]:
        return [(event, self.lookup(event)) for event in self.index.events if event.status not in CLOSED]

    # The start page -------------------------------------------------------------------------------
    def travels(self, here: str) -> str:
        """The president-elect's route in date order: numbered stops away from the place most of his
        events happened (drawn as a square), planned stops hollow and dashed."""
        person = self.index.settings.president_elect
        visits: list[_Stop] = []
        shaded: set[str] = set()
        for event, lookup in self._located:
            if person not in event.people or lookup.guessed:
                continue
            shaded.update(loc.country for loc in lookup.locations)
            for loc in lookup.locations:
                if loc.precision != POINT:
                    continue
                if visits and _same_place(visits[-1].location, loc):
                    visits[-1].events.append(event)
                else:
                    visits.append(_Stop(loc, [event]))
        if not any(_key(stop.location) != _key(visits[0].location) for stop in visits):
            return ""  # one place only: no travels to draw
        counts = Counter(_key(stop.location) for stop in visits for _ in stop.events)
        home_key = max(counts, key=lambda key: (counts[key], -min(i for i, s in enumerate(visits) if _key(s.location) == key)))
        number, original = 0, visits
        for stop in visits:
            if _key(stop.location) == home_key:
                stop.home = True
            else:
                number += 1
                stop.number = number
        total = number
        if total > MAX_STOPS:  # the newest stops, from the visit before the first of them (often home)
            first = next(i for i, stop in enumerate(visits) if stop.number == total - MAX_STOPS + 1)
            visits = visits[max(0, first - 1):]
        frame = frame_around([_point_bounds(s.location) for s in visits], WIDE, aspect=(0.8, 1.6))
        home = next((stop for stop in visits if stop.home), None) or _Stop(
            next(s.location for s in original if s.home), home=True)
        markers = _merge_close(frame, [_Stop(home.location, [e for s in visits if s.home for e in s.events], home=True),
                                       *(stop for stop in visits if not stop.home)])
        route = [{"d": f"M{_xy(frame, a.location)}L{_xy(frame, b.location)}", "planned": a.planned or b.planned}
                 for a, b in zip(visits, visits[1:])]
        name = self.index.people[person].name
        numbered = [stop for stop in visits if not stop.home]
        return self._render(
            "reisen", frame, here, shaded, markers, route,
            title=f"Karte: Die Reisen von {name}",
            description=(f"Karte mit {count_phrase(len(numbered), 'Station')} der Reisen von {name} in zeitlicher "
                         + (f"Folge (die letzten von {total}), " if total > len(numbered) else "Folge, ")
                         + f"nummeriert, von und nach {home.location.name}. Ausgefüllte Kreise: stattgefunden; "
                         "hohle, gestrichelte: geplant. Dunkler hinterlegt: die Länder der Reisen."),
            caption=f"Die Reisen von {name}: Stationen in zeitlicher Folge, Quadrat: {home.location.name}.",
            summary="Die Stationen als Liste",
            items=[self._item(stop, here, f"{stop.number}. {stop.location.name}") for stop in numbered])

    # Country pages ----------------------------------------------------------------------------------
    def country(self, code: str, here: str) -> str:
        """A locator map of a country with every place of the chronicle in it, numbered by first event."""
        bounds = country_bounds(code)
        if bounds is None:
            return ""
        stops: dict[tuple[float, float], _Stop] = {}
        for event, lookup in self._located:
            for loc in lookup.locations:
                if loc.precision == POINT and loc.country == code:
                    stops.setdefault(_key(loc), _Stop(loc)).events.append(event)
        for number, stop in enumerate(stops.values(), start=1):
            stop.number = number
        more = max(0, len(stops) - MAX_STOPS)  # the places of the most events stay
        if more:
            kept = {id(stop) for stop in sorted(stops.values(), key=lambda s: -len(s.events))[:MAX_STOPS]}
            stops = {key: stop for key, stop in stops.items() if id(stop) in kept}
        frame = frame_around([bounds, *(_point_bounds(s.location) for s in stops.values())], NARROW)
        name = country_names.german_name(code)
        return self._render(
            "land", frame, here, {code}, _merge_close(frame, list(stops.values())), [],
            title=f"Karte: {name}",
            description=f"Lagekarte von {name}, grau hinterlegt, mit "
                        f"{count_phrase(len(stops), 'Ort')} der Chronik"
                        + (f" (den {len(stops)} mit den meisten Ereignissen von {len(stops) + more})" if more else "")
                        + ", nummeriert in der Folge ihres ersten "
                        "Ereignisses." if stops else f"Lagekarte von {name}, grau hinterlegt; die Chronik nennt "
                        "hier keinen genaueren Ort.",
            caption=f"{name} und die Orte der Chronik." if stops else f"{name}; die Chronik nennt hier keinen "
                    "genaueren Ort.",
            summary="Die Orte als Liste",
            items=[self._item(stop, here, f"{stop.number}. {stop.location.name}") for stop in stops.values()])

    # Event pages ---------------------------------------------------------------------------------------
    def event(self, event: Event, here: str) -> str:
        """A small locator map: the event's points, or its countries shaded when only they are known. The same
        for every event at the same places (drawn once: a point links to the page it is on)."""
        lookup = self.lookup(event)
        if lookup.guessed or not lookup.locations:
            return ""
        if lookup.locations not in self._event_maps:
            self._event_maps[lookup.locations] = self._event_map(lookup)
        return self._event_maps[lookup.locations]

    def _event_map(self, lookup: Lookup) -> str:
        codes = {loc.country for loc in lookup.locations}
        bounds = [b for code in sorted(codes) if (b := country_bounds(code)) is not None]
        points = [loc for loc in lookup.locations if loc.precision == POINT]
        frame = frame_around(bounds + [_point_bounds(loc) for loc in points], NARROW, aspect=(1.0, 1.8))
        named = ", ".join(loc.name for loc in lookup.locations)
        exact = ("als Punkt" if len(points) == len(lookup.locations) else
                 "grau hinterlegt; nur das Land ist bekannt" if not points else "Punkte für Städte, grau hinterlegt die Länder")
        return self._render(
            "ereignis", frame, "", {loc.country for loc in lookup.locations if loc.precision == COUNTRY},
            [_Stop(loc) for loc in points], [], labels=True,
            title=f"Karte: {named}",
            description=f"Lagekarte des Ereignisorts {named} ({exact}).",
            caption=f"Ort: {named}" + ("" if points else " (nur das Land ist bekannt)") + ".",
            summary="", items=[])

    # Drawing -----------------------------------------------------------------------------------------
    def _render(self, kind: str, frame: Frame, here: str, shaded: set[str], stops: list[_Stop],
                route: list[dict], title: str, description: str, caption: str, summary: str, items: list[dict],
                labels: bool = False) -> str:
        width, font, radius = frame.width, FONT[frame.width], RADIUS[frame.width]
        markers = []
        places = [frame.xy(stop.location.longitude, stop.location.latitude) for stop in stops]
        for stop, (x, y) in zip(stops, places):
            label = " ".join(filter(None, [stop.location.name if labels or stop.home else "", _numbers(stop.also)]))
            label_x, label_y, anchor = _label_place(x, y, places, (width, frame.height), radius, font,
                                                    len(label) * font * 0.58)
            r = radius if (stop.number or stop.home) else radius * 0.6
            markers.append({
                "x": _n(x), "y": _n(y), "r": _n(r), "left": _n(x - r), "top": _n(y - r), "side": _n(2 * r),
                "home": stop.home, "number": stop.number, "planned": stop.planned and not stop.home,
                "href": self._href(here, stop.events[-1]) if stop.events else "./",  # an event page's own point
                "tip": stop.location.name + (f": {stop.events[-1].title}" if stop.events else "")
                       + (f" und {len(stop.events) - 1} weitere" if len(stop.events) > 1 else ""),
                "label": label,
                "label_x": _n(label_x), "label_y": _n(label_y), "anchor": anchor,
            })
        return render("map.svg.j2", kind=kind, width=width, height=frame.height, font=font, title=title,
                      description=description, caption=caption, summary=summary, items=items, route=route,
                      stops=markers,
                      countries=[{"d": d, "shaded": code in shaded}
                                 for code, d in outlines(frame)]).strip()

    def _item(self, stop: _Stop, here: str, text: str) -> dict:
        return {"text": text, "more": max(0, len(stop.events) - LISTED), "events": [
            {"title": e.title, "href": self._href(here, e), "date": self.index.date_text(e),
             "planned": self.index.status_label(e) if e.is_open else ""} for e in stop.events[:LISTED]]}

    @staticmethod
    def _href(here: str, event: Event) -> str:
        """A link in raw HTML, which MkDocs does not rewrite: from folder to folder, as the site publishes."""
        return posixpath.relpath(page_folder(event_path(event.id)), page_folder(here).rstrip("/") or ".") + "/"


def _label_place(x: float, y: float, places: list[tuple[float, float]], size: tuple[int, int], radius: int,
                 font: int, length: float) -> tuple[float, float, str]:
    """Where a label (`length` pixels wide, estimated) goes: right of its point, else left, above or below,
    the first place that stays inside the map and covers no other marker; right if none does."""
    gap = radius + 3
    candidates = [(x + gap, y, "start", x + gap, x + gap + length), (x - gap, y, "end", x - gap - length, x - gap),
                  (x, y - gap - font / 2, "middle", x - length / 2, x + length / 2),
                  (x, y + gap + font / 2, "middle", x - length / 2, x + length / 2)]
    for label_x, label_y, anchor, left, right in candidates:
        inside = left >= 0 and right <= size[0] and font / 2 <= label_y <= size[1] - font / 2
        covers = any(left - radius < px < right + radius and abs(py - label_y) < radius + font / 2
                     for px, py in places if (px, py) != (x, y))
        if inside and not covers:
            return label_x, label_y, anchor
    return candidates[0][:3]


def _merge_close(frame: Frame, stops: list[_Stop]) -> list[_Stop]:
    """Stops closer than two markers' width become one marker, which names the others' numbers beside it
    ("17–20"): Valparaíso is four pixels from Santiago on a map of two continents."""
    merged: list[_Stop] = []
    reach = 2 * RADIUS[frame.width]
    for stop in stops:
        x, y = frame.xy(stop.location.longitude, stop.location.latitude)
        for kept in merged:
            kept_x, kept_y = frame.xy(kept.location.longitude, kept.location.latitude)
            if (x - kept_x) ** 2 + (y - kept_y) ** 2 < reach ** 2:
                kept.also.append(stop.number)
                break
        else:
            merged.append(_Stop(stop.location, stop.events, stop.number, stop.home))
    for stop in merged:
        if stop.also and stop.number is not None:
            stop.also.insert(0, stop.number)
    return merged


def _numbers(numbers: list[int]) -> str:
    """[4, 5, 17, 18, 19] -> "4, 5, 17–19"."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)


def _key(location: Location) -> tuple[float, float]:
    return (round(location.latitude or 0, 2), round(location.longitude or 0, 2))


def _same_place(a: Location, b: Location) -> bool:
    return _key(a) == _key(b)


def _point_bounds(location: Location) -> tuple[float, float, float, float]:
    return (location.longitude, location.latitude, location.longitude, location.latitude)


def _xy(frame: Frame, location: Location) -> str:
    x, y = frame.xy(location.longitude, location.latitude)
    return f"{_n(x)} {_n(y)}"


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")
