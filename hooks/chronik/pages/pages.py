"""Turn a chronicle into pages: (path, Markdown) pairs, ready for any site engine.

One page per event, person, country and topic, plus the timeline (timeline.py) and the indexes
(listings.py). All grouping and sorting comes from the index (index.py), explicitly; view pieces
come from views.py; the templates only loop and format.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

from ..chronicle import countries
from . import structured_data
from ..chronicle.dates import format_span
from ..chronicle.index import ChronicleIndex
from .listings import Listings, list_plans, paginate
from ..chronicle.model import Event, Person
from .published import (COUNTRIES_INDEX, own_feed_title, TOPICS_INDEX, country_feed_path, country_path, event_path,
                        person_feed_path, person_path, topic_path)
from .search_marks import NAME_SORT, name_rank, name_weight
from ..chronicle.text import sort_key
from ..chronicle.vocabulary import count_phrase
from .timeline import timeline_pages, timeline_plans
from .views import (Page, PageGroup, PagePlan, Views, link, render_page, search_data,
                    single)

COMPANIONS_COUNT = 30  # beyond that, "und N weitere": the page must not grow with the chronicle
MENTIONED_COUNT = 30
PLANS_COUNT = 30  # a person page lists at most this many plans (the page stays small; the timeline has all)


def build_pages(views: Views) -> list[Page]:
    """Every generated page of the chronicle, in a fixed order."""
    return [page for group in plan_pages(views) for page in group.render()]


def plan_pages(views: Views) -> list[PageGroup]:
    """Every generated page as a plan first, rendered on demand (see background.py), in a fixed order."""
    return _PageBuilder(views).groups()


class _PageBuilder:
    def __init__(self, views: Views) -> None:
        self.views = views
        self.index: ChronicleIndex = views.index
        self.listings = Listings(views)

    def groups(self) -> list[PageGroup]:
        index = self.index
        groups = [single(PagePlan(event_path(event.id), event.path), partial(self._event_page, event))
                  for event in index.events]
        groups += [PageGroup(list_plans(person_path(person.id), index.took_part(person.id), person.path),
                             partial(self._person_pages, person)) for person in index.people.values()]
        groups += [PageGroup(list_plans(country_path(code), index.by_country[code]),
                             partial(self._country_pages, code)) for code in index.country_codes]
        groups += [PageGroup(list_plans(topic_path(topic_id), index.by_topic[topic_id]),
                             partial(self._topic_pages, topic_id)) for topic_id in index.topic_ids]
        groups.append(PageGroup(timeline_plans(self.views), partial(timeline_pages, self.views)))
        groups.append(PageGroup(self.listings.people_index_plans(), self.listings.people_index_pages))
        groups.append(single(PagePlan(COUNTRIES_INDEX, in_nav=True, listing=True), self._countries_index))
        groups.append(single(PagePlan(TOPICS_INDEX, in_nav=True, listing=True), self._topics_index))
        return groups

    def _countries_index(self) -> Page:
        index = self.index
        return render_page(COUNTRIES_INDEX, "countries_index.md.j2", in_nav=True, listing=True, countries=[
            self.views.country(code, COUNTRIES_INDEX) | {"count": len(index.by_country[code])}
            for code in index.country_codes])

    def _topics_index(self) -> Page:
        index = self.index
        return render_page(TOPICS_INDEX, "topics_index.md.j2", in_nav=True, listing=True, topics=[
            {"label": index.settings.topics[topic_id], "link": link(TOPICS_INDEX, topic_path(topic_id)),
             "count": len(index.by_topic[topic_id])}
            for topic_id in sorted(index.topic_ids, key=lambda t: sort_key(index.settings.topics[t]))])

    def _event_page(self, event: Event) -> Page:
        index, views = self.index, self.views
        here = event_path(event.id)
        parent = index.by_id.get(event.part_of) if event.part_of else None
        return render_page(
            here, "event.md.j2", source=event.path,
            event=event,
            map=views.maps.event(event, here),
            description=index.description(event),
            facts=views.event_item(event, here),
            status_box=self._status_box(event),
            people=[views.person(pid, here, event) for pid in event.people],
            mentioned=[views.person(pid, here, event) for pid in event.mentioned],
            figures=views.figures(event),
            countries=[views.country(code, here) for code in event.countries],
            topics=[views.topic(tid, here) for tid in event.topics],
            quotes=[views.quote(event, q, here) for q in event.quotes],
            parent=views.event_item(parent, here) if parent else None,
            siblings=[views.event_item(e, here) for e in index.children[parent.id] if e.id != event.id]
            if parent else [],
            children=[views.event_item(e, here) for e in index.children[event.id]],
            sources=[{"publisher": s.publisher, "title": s.title, "url": s.url, "archive_url": s.archive_url,
                      "date": format_span(s.date, None) if s.date else None,
                      "note": link(here, index.settings.sourcing_note)
                      if index.settings.sourcing_note and not s.url else None} for s in event.sources],
            corrections=[{"date": format_span(c.date, None), "text": c.text} for c in event.corrections],
            json_ld=structured_data.script_element(structured_data.event_data(index.chronicle, event, parent)),
            search=search_data(
                filters=[("Person", index.people[pid].name) for pid in event.people + event.mentioned]
                + [("Land", countries.german_name(code)) for code in event.countries]
                + [("Status", index.status_label(event)), ("Jahr", str(event.date.first.year))],
                meta={"art": "Ereignis", "datum": " · ".join(
                    filter(None, [index.date_text(event), index.time_text(event), index.stale_label(event)]))}),
        )

    def _status_box(self, event: Event) -> dict[str, str] | None:
        """The note above an event that has not (yet) happened: its kind and its sentence."""
        if event.status == "happened":
            return None
        newest = event.newest_source_date
        of = f" vom {format_span(newest, None)}" if newest else ""
        if self.index.is_past_plan(event):
            text = (f"Dieser Plan gibt den Stand der neuesten Quelle{of} wieder. Das Datum ist vorbei; eine "
                    "Bestätigung, dass es so stattgefunden hat, liegt der Chronik nicht vor.")
        else:
            text = {"planned": f"Geplant, Stand der neuesten Quelle{of}.",
                    "tentative": f"Möglich, aber unbestätigt (Stand der neuesten Quelle{of}).",
                    "postponed": "Dieses Ereignis wurde verschoben.",
                    "cancelled": "Dieses Ereignis wurde abgesagt."}[event.status]
        warn = self.index.is_past_plan(event) or event.status in ("postponed", "cancelled")
        return {"kind": "warning" if warn else "info", "label": self.index.status_label(event), "text": text}

    def _person_pages(self, person: Person) -> list[Page]:
        index, views = self.index, self.views
        here, feed = person_path(person.id), person_feed_path(person.id)
        events = index.by_person[person.id]
        event_countries = Counter(code for event in events for code in event.countries)
        took_part, mentions, plans = index.took_part(person.id), index.mentions(person.id), index.plans_with(person.id)
        chunks = paginate(here, took_part)  # what they did; plans and mentions follow on the first page

        def quotes(chunk: list[Event], page: str) -> list[dict[str, Any]]:  # a long list: the quotes of its page
            return [views.quote(event, q, page) | {"event": views.event_item(event, page)}
                    for event in chunk for q in event.quotes if q.by == person.id]

        weight = name_weight(len(events) + len(index.mentioned_in[person.id]), len(index.events),
                             person.id == index.settings.president_elect)
        first = render_page(
            here, "person.md.j2", source=person.path,
            person=person,
            description=f"{person.name} – {person.description}",
            roles=[views.role(r, here) for r in person.roles],
            events=[views.event_item(e, here, person.id) for e in chunks[0][1]],
            paged=self.listings.paged(chunks, 0, person.id),
            quotes=quotes(chunks[0][1], here),
            plans=[views.event_item(e, here, person.id) for e in plans[-PLANS_COUNT:]],  # the newest: upcoming ones
            plans_earlier=max(0, len(plans) - PLANS_COUNT),
            mentioned_in=[views.event_item(e, here) for e in mentions[:MENTIONED_COUNT]],
            mentioned_more=max(0, len(mentions) - MENTIONED_COUNT),
            companions=self._companions(person.id, here),
            countries=[views.country(code, here) | {"count": count}
                       for code, count in sorted(event_countries.items(),
                                                 key=lambda item: (-item[1], sort_key(countries.german_name(item[0]))))],
            home=[views.country(code, here) for code in person.countries],
            # no feed without entries: a person named nowhere yet gets none (publish.feeds.feeds)
            feed=link(here, feed) if events or mentions else None,
            own_feed={"path": feed, "title": own_feed_title(index, person.name)} if events or mentions else None,
            json_ld=structured_data.script_element(structured_data.person_data(index.chronicle, person)),
            search=search_data(filters=[("Person", person.name)], meta={"art": "Person"},
                               sort={NAME_SORT: name_rank(weight)}) | {"weight": weight},
        )
        return [first, *self.listings.more_pages(chunks, person.name, "", here, quotes, person.id)]

    def _companions(self, person_id: str, here: str) -> dict[str, Any] | None:
        """Everyone present with the person, complete up to COMPANIONS_COUNT, then "und N weitere"
        (their events list names them all). "Häufig" only where someone shares more than one event."""
        counted = self.index.companions(person_id)
        if not counted:
            return None
        return {"heading": "Häufig gemeinsam mit" if counted[0][1] > 1 else "Gemeinsam mit",
                "people": [self.views.person(pid, here) | {"count": count} for pid, count in counted[:COMPANIONS_COUNT]],
                "more": max(0, len(counted) - COMPANIONS_COUNT)}

    def _country_pages(self, code: str) -> list[Page]:
        index, views = self.index, self.views
        here, feed = country_path(code), country_feed_path(code)
        people = sorted((p for p in index.people.values() if code in p.countries), key=lambda p: sort_key(p.sort_name))
        chunks = paginate(here, index.by_country[code])
        name = countries.german_name(code)
        country = views.country(code, here)
        description = f"{count_phrase(len(index.by_country[code]), 'Ereignis')} mit Bezug zu {country['dative']}"
        if people:
            description += f", {count_phrase(len(people), 'Person')} aus {country['dative']}"
        first = render_page(
            here, "country.md.j2",
            country=country, description=description + ".",
            map=views.maps.country(code, here),
            spanish_name=countries.spanish_name(code),
            events=[views.event_item(e, here) for e in chunks[0][1]],
            paged=self.listings.paged(chunks, 0),
            people=[views.person(p.id, here) for p in people],
            feed=link(here, feed),
            own_feed={"path": feed, "title": own_feed_title(index, name)},
            search=search_data(filters=[("Land", name)], meta={"art": "Land"}, sort={NAME_SORT: name_rank(10)}),
        )
        return [first, *self.listings.more_pages(chunks, name, "", here)]

    def _topic_pages(self, topic_id: str) -> list[Page]:
        here = topic_path(topic_id)
        label = self.index.settings.topics[topic_id]
        chunks = paginate(here, self.index.by_topic[topic_id])
        events = count_phrase(len(self.index.by_topic[topic_id]), "Ereignis")
        first = render_page(here, "topic.md.j2", label=label, description=f"Thema „{label}“ in der Chronik: {events}.",
                            months=self.views.months(chunks[0][1], here), paged=self.listings.paged(chunks, 0),
                            search=search_data(meta={"art": "Thema"}))
        return [first, *self.listings.more_pages(chunks, label, "Thema: ", here)]
