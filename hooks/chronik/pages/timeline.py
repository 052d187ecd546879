"""The timeline: every event by month.

A short chronicle has one page, `zeitleiste.md`. Past TIMELINE_SPLIT events it becomes an
overview with the chart and every month with its count, and each month gets its own page
`zeitleiste/JJJJ-MM.md` (dates known only to the year: `zeitleiste/JJJJ.md`) with links to the
previous and next month and the overview.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..chronicle.dates import MONTH_NAMES
from .published import TIMELINE, timeline_month_path
from .views import UNSCHEDULED, Page, PagePlan, Views, link, month_anchor, month_groups, month_heading, month_key, render_page
from ..chronicle.vocabulary import count_phrase

TIMELINE_SPLIT = 300  # more events: zeitleiste.md becomes an overview, one page per month below zeitleiste/


def timeline_plans(views: Views) -> tuple[PagePlan, ...]:
    index = views.index
    overview = PagePlan(TIMELINE, in_nav=True, listing=True)
    if len(index.events) <= TIMELINE_SPLIT:
        return (overview,)
    return (overview, *(PagePlan(timeline_month_path(year, month), listing=True)
                        for (year, month), _ in month_groups(index.events, index.is_unscheduled)))


def timeline_pages(views: Views) -> list[Page]:
    index = views.index
    chart = views.overview_chart
    if len(index.events) <= TIMELINE_SPLIT:
        newest = month_anchor(*month_key(index.latest[0], index.is_unscheduled)) if index.latest else None  # newest happened event
        description = (f"Zeitleiste der Chronik: {count_phrase(len(index.events), 'Ereignis')} nach Datum, jedes mit "
                       "Wochentag, Status und dem Wichtigsten in einem Satz.")
        return [render_page(TIMELINE, "timeline.md.j2", in_nav=True, listing=True, description=description,
                            months=views.months(index.events, TIMELINE), chart=chart, newest=newest)]
    groups = month_groups(index.events, index.is_unscheduled)
    paths = [timeline_month_path(year, month) for (year, month), _ in groups]
    years: dict[str, list[dict[str, Any]]] = defaultdict(list)  # heading -> its months
    for path, ((year, month), events) in zip(paths, groups):
        heading = str(year) if month else month_heading(year, month)  # "Ohne festen Termin" stands alone
        years[heading].append({"label": MONTH_NAMES[month] if month else "alle Ereignisse",
                            "link": link(TIMELINE, path), "count": len(events)})
    pages = [render_page(TIMELINE, "timeline_overview.md.j2", in_nav=True, listing=True, chart=chart,
                         total=len(index.events),
                         years=[{"year": year, "months": months, "count": sum(m["count"] for m in months)}
                                for year, months in years.items()])]
    for position, ((year, month), events) in enumerate(groups):
        here = paths[position]
        neighbours = {name: {"label": month_heading(*groups[other][0]), "link": link(here, paths[other])}
                      for name, other in (("previous", position - 1), ("next", position + 1))
                      if 0 <= other < len(groups)}
        pages.append(render_page(here, "timeline_month.md.j2", listing=True,
                                 heading=month_heading(year, month), overview=link(here, TIMELINE),
                                 previous=neighbours.get("previous"), next=neighbours.get("next"),
                                 in_month=(year, month) != UNSCHEDULED,
                                 events=[views.event_item(e, here) for e in events]))
    return pages
