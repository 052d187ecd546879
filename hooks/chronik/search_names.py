"""The names list behind the search's "Meintest du …?": every person, country and topic page by its names.

The search (docs/assets/suche.js) loads it when a reader opens the search and compares a query that
found no such page with these names. It holds nothing but names, kinds and addresses: per kind (the
folder of its pages, which is also the kind), one row per page, `[address in that folder, name, …]`.
"""

from __future__ import annotations

import json

from . import countries
from .model import Chronicle
from .pages import country_codes
from .published import SiteFile, page_folder, person_path, topic_path
from .text import sort_key

SEARCH_NAMES = "suche/namen.json"


def build_search_names(chronicle: Chronicle) -> SiteFile:
    people = [[_slug(person_path(p.id)), p.name, *p.aliases]
              for p in sorted(chronicle.people.values(), key=lambda p: sort_key(p.sort_name))]
    places = [[code.lower(), *_unique(countries.german_name(code), countries.spanish_name(code))]
              for code in country_codes(chronicle)]
    used = {topic for event in chronicle.events for topic in event.topics}
    topics = [[_slug(topic_path(topic_id)), label] for topic_id, label in chronicle.settings.topics.items()
              if topic_id in used]
    names = {"personen/": people, "laender/": places, "themen/": topics}
    text = json.dumps(names, ensure_ascii=False, separators=(",", ":"))
    return SiteFile(SEARCH_NAMES, text.encode("utf-8") + b"\n")


def _slug(path: str) -> str:
    """`personen/jose-antonio-kast.md` -> `jose-antonio-kast`: the page's folder within its kind's."""
    return page_folder(path).rstrip("/").rsplit("/", 1)[-1]


def _unique(*names: str) -> list[str]:
    return list(dict.fromkeys(names))
