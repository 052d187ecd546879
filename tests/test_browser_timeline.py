"""Issue 25 in a real browser: the timeline reads like a newspaper's, people's pages and feeds tell what
someone did from what was planned or said about them, figures and notes read like the text around them,
and the chart's labels stay legible on a phone."""

from __future__ import annotations

import re

import feedparser
import pytest

from browser import heading

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ENTRY = "li:has(> .chronik-eintrag__datum)"
WEEKDAY_DATE = re.compile(r"(Mo|Di|Mi|Do|Fr|Sa|So)\., [0-9]{1,2}\.(–[0-9]{1,2}\.)? \S+( – [0-9]{1,2}\. \S+)?")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember", "Jan.", "Feb.", "Apr.", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.")


def test_every_exact_day_in_the_timeline_names_its_weekday(page, base_url: str, shipped_chronicle) -> None:
    page.goto(base_url + "zeitleiste/")
    dates = page.locator(f"article {ENTRY} time").all_inner_texts()
    exact = [e for e in shipped_chronicle.events if e.date.precision == "day" and not e.approximate
             and (e.end is None or e.end.precision == "day")]
    weekdays = [text for text in dates if WEEKDAY_DATE.fullmatch(text)]
    assert len(weekdays) == len(exact) > 50, [text for text in dates if not WEEKDAY_DATE.fullmatch(text)]
    assert "Mo., 22. Dez." in dates  # under the heading "Dezember 2025": no year repeated
    assert not page.locator("article abbr", has_text=re.compile(r"^Tag \d+$")).count()


def test_no_teaser_ends_inside_a_date_a_number_or_after_an_article(page, base_url: str) -> None:
    page.goto(base_url + "zeitleiste/")
    teasers = page.locator(f"article {ENTRY} .chronik-eintrag__teaser").all_inner_texts()
    assert teasers
    for text in teasers:
        words = text.removesuffix(" …").split()
        cut = text.endswith(" …")
        assert not cut or not re.search(r"\d", words[-1]), text  # "am 22." …
        assert not cut or words[-1] not in MONTHS, text  # "22. Dezember" cut before its year is still a date
        assert not cut or words[-1].lower() not in {"am", "dem", "der", "des", "die", "das", "im", "in", "mit", "de",
                                                    "la", "und", "vom", "zum"}, text
        assert text.endswith((".", "!", "?", "“", "…", ")")), text  # a sentence end or a marked cut


def test_the_teaser_repeats_the_title_of_the_president_elect_rarely(page, base_url: str) -> None:
    page.goto(base_url + "zeitleiste/")
    teasers = page.locator(f"article {ENTRY} .chronik-eintrag__teaser").all_inner_texts()
    repeated = [t for t in teasers if "designierte Präsident José Antonio Kast" in t
                or "designierten Präsidenten José Antonio Kast" in t]
    assert len(repeated) <= len(teasers) // 4, len(repeated)


def test_plans_are_set_back_from_facts(page, base_url: str) -> None:
    # Every shipped plan has happened by now: an entry marked as the templates mark a plan shows the style.
    page.goto(base_url + "zeitleiste/")
    page.evaluate("""() => {
        const entry = document.querySelector('article li:has(> .chronik-eintrag__datum)');
        const plan = entry.cloneNode(true);
        plan.querySelectorAll('span').forEach(s => s.classList.add('chronik-eintrag--vorbehalt'));
        plan.id = 'plan';
        entry.after(plan);
    }""")
    size = "e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).color]"
    plan_size, plan_colour = page.locator("#plan .chronik-eintrag__text").evaluate(size)
    fact_size, fact_colour = page.locator("article li:has(> .chronik-eintrag__datum) .chronik-eintrag__text")\
        .first.evaluate(size)
    assert plan_size < fact_size and plan_colour != fact_colour


def test_no_person_page_offers_an_empty_feed(page, base_url: str, site, shipped_chronicle) -> None:
    for person_id in sorted(shipped_chronicle.people):
        html = (site / "personen" / person_id / "index.html").read_text(encoding="utf-8")
        offered = re.search(r'href="../../(feeds/person-[a-z0-9-]+\.xml)">Feed abonnieren', html)
        listed = len(re.findall(r'<li><span class="chronik-eintrag__datum', html)) + \
            len(re.findall(r'<li><a href="../../ereignisse/', html))
        if offered is None:
            assert listed == 0, person_id
            continue
        feed = feedparser.parse((site / offered.group(1)).read_bytes())
        assert feed.entries, person_id
    page.goto(base_url + "personen/jose-luis-daza/")  # only mentioned: his feed carries the mentions
    assert heading(page) == "José Luis Daza"
    assert page.locator("article h2", has_text="Erwähnt in").is_visible()
    assert not page.locator("article h2", has_text="Dabei gewesen").count()
    feed = feedparser.parse((site / "feeds" / "person-jose-luis-daza.xml").read_bytes())
    assert feed.entries and all(e.title.startswith("Erwähnung: ") for e in feed.entries)


def test_companions_count_only_events_that_happened(page, base_url: str, shipped_chronicle) -> None:
    page.goto(base_url + "personen/jose-antonio-kast/")
    section = page.locator("article h2", has_text=re.compile("gemeinsam mit", re.I))
    items = section.locator("xpath=following-sibling::ul[1]/li").all_inner_texts()
    happened = [e for e in shipped_chronicle.events if e.status == "happened" and "jose-antonio-kast" in e.people]
    assert items
    for item in items:
        if item.startswith("und "):  # "und 12 weitere Personen"
            continue
        name, count = re.match(r"(.+) – ([0-9]+) Ereignis", item).groups()
        person = next(p for p in shipped_chronicle.people.values() if p.name == name)
        assert int(count) == sum(person.id in e.people for e in happened), item


def test_the_figures_table_has_the_themes_style_and_numbered_sources(page, base_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url + "ereignisse/2025-12-14-kast-gewinnt-stichwahl/")
    table = page.locator("article .chronik-zahlen table")
    assert table.evaluate("t => getComputedStyle(t.querySelector('td')).borderTopStyle") != "none"
    assert table.evaluate("t => getComputedStyle(t.querySelector('td')).textAlign") in ("left", "start")
    sources = table.locator("td a").all_inner_texts()
    assert sources and all(re.fullmatch(r"\[[0-9]+\]", text) for text in sources)
    table.locator("td a").first.click()
    assert re.search(r"#quelle-[0-9]+$", page.url)
    # "58,16 %" never breaks: the number and its unit stand on one line
    cell = table.locator("td", has_text="%").first
    assert "\u00a0%" in cell.evaluate("e => e.textContent")


def test_caveat_boxes_are_set_in_body_size(page, base_url: str) -> None:
    page.goto(base_url + "ereignisse/2025-12-14-kast-gewinnt-stichwahl/")
    page.evaluate("""() => document.querySelector('article > p').insertAdjacentHTML('afterend',
        '<div class="admonition warning" id="box"><p class="admonition-title">Status</p><p>Hinweis</p></div>')""")
    body = page.locator("article > p").first.evaluate("e => getComputedStyle(e).fontSize")
    box = page.locator("#box p:not(.admonition-title)").evaluate("e => getComputedStyle(e).fontSize")
    assert box == body


def test_the_charts_labels_are_at_least_12_px_on_a_phone(page, base_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url)
    sizes = page.evaluate("""() => {
        const svg = document.querySelector('.chronik-verlauf svg');
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    }""")
    assert sizes and min(sizes) >= 12, sizes
    boxes = page.evaluate("""() => [...document.querySelectorAll('.chronik-verlauf svg text')]
        .map(t => t.getBoundingClientRect()).map(b => [b.left, b.top, b.right, b.bottom])""")
    for i, a in enumerate(boxes):  # larger letters, still no label over another
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
