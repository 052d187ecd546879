"""The names list behind the search's "Meinten Sie …?": every person, country and topic page by its names.

The search (theme/assets/suche.js) loads it when a reader opens the search and compares a query that
found no such page with these names. It holds nothing but names, kinds and addresses: per kind (the
folder of its pages, which is also the kind), one row per page, `[address, name, other names …]`.
Most addresses follow from the name (`José Antonio Kast` -> `jose-antonio-kast`), so the address is
"" then, or only its ending (`-2` for `jose-perez-2`); otherwise it is written out. That keeps the
list at a few KB for 1,000 people (bench/search_names.py); vorschlaege.js derives them alike.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Callable

from ..chronicle import countries
from ..chronicle.index import ChronicleIndex
from ..pages.published import SiteFile, country_path, page_folder, person_path, topic_path
from ..chronicle.text import fold, sort_key

SEARCH_NAMES = "suche/namen.json"


def build_search_names(index: ChronicleIndex) -> SiteFile:
    """The names list, keyed by the folders of the person, country and topic pages (`personen/` …)."""
    people = [[_address(p.id, p.name), p.name, *_new_words(p.name, p.aliases)]
              for p in sorted(index.people.values(), key=lambda p: sort_key(p.sort_name))]
    places = [[code.lower(), *_unique(countries.german_name(code), countries.spanish_name(code))]
              for code in index.country_codes]
    topics = [[_address(topic_id, index.settings.topics[topic_id]), index.settings.topics[topic_id]]
              for topic_id in index.topic_ids]
    names = {_folder(person_path): people, _folder(country_path): places, _folder(topic_path): topics}
    text = json.dumps(names, ensure_ascii=False, separators=(",", ":"))
    return SiteFile(SEARCH_NAMES, text.encode("utf-8") + b"\n")


def _folder(path_of: Callable[[str], str]) -> str:
    """`person_path` -> `personen/`: where the pages of a kind live."""
    return page_folder(path_of("x")).removesuffix("x/")


def _address(slug: str, name: str) -> str:
    """What the list needs to tell the address from the name (see the module's docstring)."""
    derived = _name_slug(name)
    if not derived or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug) or not slug.startswith(derived):
        return slug
    rest = slug[len(derived):]
    return rest if rest == "" or rest.startswith("-") else slug


def _name_slug(name: str) -> str:
    """`José Antonio Kast` -> `jose-antonio-kast`, step by step as `fold` and `slug` in vorschlaege.js."""
    bare = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.category(c).startswith("M"))
    return "-".join(re.findall(r"[^\W_]+", bare.lower().replace("ß", "ss")))


def _new_words(name: str, aliases: tuple[str, ...]) -> list[str]:
    """The aliases that add a word to the name: suggestions compare words, and the list stays small
    (`Eduardo Frei` adds nothing to `Eduardo Frei Ruiz-Tagle`, `José Antonio Kast Rist` adds `Rist`)."""
    known = _words(name)
    kept = []
    for alias in aliases:
        words = _words(alias)
        if not words <= known:
            kept.append(alias)
            known |= words
    return kept


def _words(name: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", fold(name)))  # as vorschlaege.js splits them


def _unique(*names: str) -> list[str]:
    return list(dict.fromkeys(names))
