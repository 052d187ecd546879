"""What a shared link shows and what every page may not contain, checked on the built site."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

FLAG_LETTERS = re.compile("[\U0001F1E6-\U0001F1FF]")  # regional indicators: emoji flags


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("property") or values.get("name")):
            self.meta[values.get("property") or values["name"]] = values.get("content") or ""
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts and "assets" not in p.parts)


def test_every_page_has_its_own_description_and_sharing_tags(site: Path) -> None:
    descriptions: dict[str, str] = {}
    for path in pages(site):
        name = path.relative_to(site).as_posix()
        parsed = head(path)
        meta = parsed.meta
        assert meta.get("description"), name
        assert meta["og:description"] == meta["twitter:description"] == meta["description"], name
        assert meta["og:title"] and meta["og:locale"] == "de_DE", name
        assert meta["og:site_name"] == "Chronik: Chiles Machtwechsel 2025/26", name
        assert meta["twitter:card"] == "summary", name
        assert meta["og:type"] == ("article" if name.startswith("ereignisse/") else "website"), name
        assert parsed.canonical and parsed.canonical.startswith("https://chronik-chile.github.io/chronik/"), name
        if name != "404.html":  # 404.html has no page, so no og:url
            assert meta["og:url"] == parsed.canonical, name
        assert meta["description"] not in descriptions, (name, descriptions.get(meta["description"]))
        descriptions[meta["description"]] = name


def test_the_404_page_has_a_german_title_and_its_own_canonical_address(site: Path) -> None:
    text = (site / "404.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Seite nicht gefunden - Chronik: Chiles Machtwechsel 2025/26</title>", text)
    assert head(site / "404.html").canonical == "https://chronik-chile.github.io/chronik/404.html"


def test_event_and_person_descriptions_say_what_the_page_is_about(site: Path) -> None:
    event = head(site / "ereignisse" / "2025-12-14-kast-gewinnt-stichwahl" / "index.html").meta
    assert event["description"].startswith("José Antonio Kast gewann am 14. Dezember 2025 die Stichwahl")
    assert event["og:title"] == "Kast gewinnt die Stichwahl"
    person = head(site / "personen" / "daniel-noboa" / "index.html").meta
    assert person["description"].startswith("Daniel Noboa – ")
    assert head(site / "index.html").meta["og:title"] == "Chronik: Chiles Machtwechsel 2025/26"


def test_no_page_or_feed_contains_an_emoji_flag_or_materials_credit(site: Path) -> None:
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".xml", ".ics", ".json", ".csv") or "pagefind" in path.parts:
            continue
        text = path.read_text(encoding="utf-8-sig")
        assert not FLAG_LETTERS.search(text), path
        assert "Made with" not in text, path


def test_country_names_take_their_article_in_sentences_and_feeds(site: Path) -> None:
    page = (site / "laender" / "us" / "index.html").read_text(encoding="utf-8")
    assert "mit Bezug zu den Vereinigten Staaten" in page and "zu Vereinigte Staaten" not in page
    feed = (site / "feeds" / "land-us.xml").read_text(encoding="utf-8")
    assert "mit Bezug zu den Vereinigten Staaten" in feed


def test_the_ceremony_is_the_amtsuebernahme_and_the_process_the_amtsuebergabe(site: Path) -> None:
    # One word for each: the inauguration on 11 March is Kast's „Amtsübernahme“ everywhere; the topic that
    # gathers the whole handover (meetings with Boric, teams, the ceremony) is the „Amtsübergabe“.
    for path in pages(site):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"Amtsübergabe (?:am 11\. März|in Valparaíso|fand)", text), path
    assert ">Thema: Amtsübergabe</h1>" in (site / "themen" / "amtsuebergabe" / "index.html").read_text(encoding="utf-8")
