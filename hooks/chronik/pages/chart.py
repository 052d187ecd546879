"""The overview chart: events per week from the election to the inauguration, as inline SVG.

Drawn at build time, no JavaScript and nothing to load. Happened events are solid bars, planned
and possible ones hatched and outlined (told apart by shape, not colour alone); a dashed line
marks today. The SVG uses `currentColor`, so it follows the page's light or dark scheme. Screen
readers get a `<title>` and `<desc>`, everyone a caption and a table of the numbers.

Only events whose day is known exactly count (not `approximate` ones: "etwa Anfang März" has no
week), by the week of their first day; the caption counts the others honestly, by what they are. Weeks
run from Monday to Sunday, as German calendars print them; the first and the last are cut to the
election and the inauguration.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from babel.dates import format_date

from ..chronicle.dates import DAY, PartialDate, days_after_election, format_day, format_span
from ..chronicle.model import Chronicle
from .templating import render
from ..chronicle.vocabulary import count_phrase

WIDTH, HEIGHT = 560, 250
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 56, 200  # the plot area: x from LEFT to WIDTH-RIGHT, y from TOP to BOTTOM
BAR_SHARE = 0.7  # of a week's width



@dataclass(frozen=True)
class Week:
    first: dt.date
    last: dt.date
    happened: int
    planned: int  # planned or tentative

    @property
    def label(self) -> str:
        return format_span(PartialDate(self.first, DAY), PartialDate(self.last, DAY))


def first_monday(day: dt.date) -> dt.date:
    """The Monday that begins the week of `day`."""
    return day - dt.timedelta(days=day.weekday())


def weeks(chronicle: Chronicle) -> tuple[list[Week], dict[str, int]]:
    """Counts per week (Monday to Sunday), and how many events are not drawn, by reason."""
    start, end = chronicle.settings.election, chronicle.settings.inauguration
    monday = first_monday(start)
    count = max(1, math.ceil(((end - monday).days + 1) / 7))  # at least one week, whatever the settings say
    happened, planned = [0] * count, [0] * count
    left_out = {"outside": 0, "called_off": 0, "vague": 0, "vague_planned": 0}
    for event in chronicle.events:
        day = event.date.first
        if event.date.last < start or day > end:  # a vague date counts as inside if it overlaps
            left_out["outside"] += 1
        elif event.status in ("postponed", "cancelled"):
            left_out["called_off"] += 1
        elif event.date.precision != DAY or event.approximate:
            left_out["vague_planned" if event.is_open else "vague"] += 1
        else:
            (planned if event.is_open else happened)[(day - monday).days // 7] += 1
    return [Week(max(monday + dt.timedelta(days=7 * i), start), min(monday + dt.timedelta(days=7 * i + 6), end),
                 happened[i], planned[i]) for i in range(count)], left_out


def overview_html(chronicle: Chronicle) -> str:
    """The chart as a `<figure>` of raw HTML, without blank lines (Markdown keeps it as it is)."""
    settings, today = chronicle.settings, chronicle.today
    start, end = settings.election, settings.inauguration
    data, left_out = weeks(chronicle)
    monday = first_monday(start)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, BOTTOM - TOP
    span_days = len(data) * 7
    step, top = _scale(max((w.happened + w.planned for w in data), default=0))

    def x(day: dt.date) -> float:
        return LEFT + (day - monday).days / span_days * plot_width

    def height(n: int) -> float:
        return n / top * plot_height

    slot = plot_width / len(data)
    bars = []
    for i, week in enumerate(data):
        if not week.happened + week.planned:
            continue
        solid, hatched = height(week.happened), height(week.planned)
        bars.append({"x": _n(LEFT + i * slot + slot * (1 - BAR_SHARE) / 2), "width": _n(slot * BAR_SHARE),
                     "tip": _week_text(week),
                     "solid": {"y": _n(BOTTOM - solid), "height": _n(solid)} if week.happened else None,
                     "hatched": {"y": _n(BOTTOM - solid - hatched), "height": _n(hatched)} if week.planned else None})
    months = []
    month = dt.date(start.year, start.month, 1)
    while month <= end:
        if month > start:
            months.append({"x": _n(x(month)), "label": format_date(month, "MMM", locale="de")})
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    inside = start <= today <= end
    today_x = x(today) if inside else (LEFT + plot_width if today > end else LEFT)
    anchor = "middle" if LEFT + 30 < today_x < WIDTH - RIGHT - 30 else ("end" if today_x > WIDTH / 2 else "start")
    today_label = "heute" if inside else ("heute →" if today > end else "← heute")
    summary = _summary(data, left_out, today, start, end)
    title = (f"Ereignisse je Woche von der Wahl am {format_day(start)} "
             f"bis zur Amtsübernahme am {format_day(end)}")
    markup = render(  # chart.svg.j2 is autoescaped: HTML and SVG
        "chart.svg.j2",
        width=WIDTH, height=HEIGHT, left=LEFT, right=WIDTH - RIGHT, top=TOP, bottom=BOTTOM,
        title=title, description=" ".join(["Säulendiagramm.", *summary,
                                           "Ausgefüllte Säulen: stattgefunden; schraffierte: geplant oder möglich; "
                                           "gestrichelte Linie: heute."]),
        summary=" ".join(summary),
        bars=bars,
        grid=[{"y": _n(BOTTOM - height(value)), "label": value} for value in range(0, top + 1, step)],
        months=months,
        ends=[{"x": _n(x(start)), "label": "Wahl", "anchor": "start"},
              {"x": _n(x(end + dt.timedelta(days=1))), "label": "Amtsübernahme", "anchor": "end"}],
        today={"x": _n(today_x), "label": today_label, "anchor": anchor},
        weeks=[{"number": i + 1, "label": w.label, "happened": w.happened, "planned": w.planned}
               for i, w in enumerate(data)],
    )
    return "\n".join(line for line in markup.splitlines() if line.strip()) + "\n"


def _summary(data: list[Week], left_out: dict[str, int], today: dt.date, start: dt.date, end: dt.date) -> list[str]:
    """The chart in sentences: for the caption and for screen readers."""
    totals = [w.happened + w.planned for w in data]
    summary = [f"Eingezeichnet: {sum(w.happened for w in data)} stattgefunden, "
               f"{sum(w.planned for w in data)} geplant oder möglich."]
    if totals and max(totals) > 1 and totals.count(max(totals)) == 1:
        busiest = data[totals.index(max(totals))]
        summary.append(f"Die meisten Ereignisse, {max(totals)}, fallen in die Woche {busiest.label}.")
    summary.append(_today_text(today, start, end))
    note = _left_out_text(left_out)
    if note:
        summary.append(note)
    return summary


def _scale(largest: int) -> tuple[int, int]:
    """A step of 1, 2 or 5 times a power of ten giving at most five grid lines, and the top value."""
    largest = max(largest, 1)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if math.ceil(largest / step) <= 5:
                return step, math.ceil(largest / step) * step
        magnitude *= 10


def _n(value: float) -> str:
    """Coordinates with one decimal, without a trailing `.0`: short and the same on every machine."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def _week_text(week: Week) -> str:
    return f"{week.label}: {week.happened} stattgefunden, {week.planned} geplant oder möglich"


def _today_text(today: dt.date, start: dt.date, end: dt.date) -> str:
    if today < start:
        return f"Heute ({format_day(today)}) liegt vor der Wahl."
    if today > end:  # a date, not an event: whether the inauguration took place, the events say
        return f"Heute ({format_day(today)}) liegt nach dem letzten Tag des Diagramms, dem {format_day(end)}."
    if today == start:
        return f"Heute ist der Tag der Wahl, der {format_day(today)}."
    return f"Heute ist der {format_day(today)}, {days_after_election(start, today)}."


def _left_out_text(left_out: dict[str, int]) -> str:
    parts = []
    if left_out["vague"]:
        n = left_out["vague"]
        parts.append(f"{count_phrase(n, 'Ereignis')} ohne genauen Tag (nur Monat, Jahr oder ungefähr bekannt)")
    if left_out["vague_planned"]:
        n = left_out["vague_planned"]
        parts.append(f"{count_phrase(n, 'geplantes oder mögliches Ereignis', 'geplante oder mögliche Ereignisse')} "
                     "ohne genauen Tag")
    if left_out["called_off"]:
        n = left_out["called_off"]
        parts.append(count_phrase(n, "abgesagtes oder verschobenes Ereignis", "abgesagte oder verschobene Ereignisse"))
    if left_out["outside"]:
        n = left_out["outside"]
        parts.append(f"{count_phrase(n, 'Ereignis')} außerhalb dieses Zeitraums")
    if not parts:
        return ""
    return "Nicht eingezeichnet: " + (", ".join(parts[:-1]) + " und " + parts[-1] if len(parts) > 1 else parts[0]) + "."

