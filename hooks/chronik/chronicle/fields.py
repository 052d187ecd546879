"""The file formats: every field of an event and a person file, defined once.

The checker validates with these definitions and the contributor docs are
tested against them, so the contract lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("happened", "planned", "tentative", "postponed", "cancelled")
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s/?#<>\"]+\.[^\s/?#<>\"]+[^\s<>\"]*$"  # absolute http(s), no quotes or brackets
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
RESERVED_IDS = frozenset({"index"})  # `personen/index.md` is the list of people, not a person
MAX_TEXT = 300  # one-line fields: titles, places, names
MAX_MARKDOWN = 20_000  # a summary is a few paragraphs, not an article
MAX_ITEMS = 100
# `time`: "HH:MM" on the 24-hour clock, local time at the place, or a part of the day.
TIME_PATTERN = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"
PARTS_OF_DAY = ("morning", "midday", "afternoon", "evening", "night")
# A language as BCP 47 tag: language, optional script, optional region (`es`, `es-CL`, `zh-Hans`).
LANGUAGE_PATTERN = r"^([a-z]{2,3})(?:-([A-Z][a-z]{3}))?(?:-([A-Z]{2}|[0-9]{3}))?$"


@dataclass(frozen=True)
class Field:
    """One key of a data file.

    kind is one of: text (one line, plain), markdown, date, time, bool, status,
    country, person, topic, event, url, wikidata, source (a position in `sources`),
    geonames (a GeoNames id), latitude, longitude (degrees, WGS 84),
    language (a BCP 47 tag), reference (an event id or an address),
    participant (a person id, or an object with `fields`), list, object.

    `needs` (objects only): keys that must be present when another one is, e.g. a quote's
    `original` needs `language` and `source`.
    """

    kind: str
    required: bool = False
    item: "Field | None" = None
    fields: "dict[str, Field]" = field(default_factory=dict)
    min_items: int = 0
    help: str = ""
    needs: "dict[str, tuple[str, ...]]" = field(default_factory=dict)


def _list(item: Field, required: bool = False, min_items: int = 0, help: str = "") -> Field:
    return Field("list", required=required, item=item, min_items=min_items, help=help)


def _object(fields: dict[str, Field], needs: dict[str, tuple[str, ...]] | None = None) -> Field:
    return Field("object", fields=fields, needs=needs or {})


SOURCE_FIELDS = {
    "publisher": Field("text", required=True, help="Wer die Quelle veröffentlicht hat"),
    "title": Field("text", required=True, help="Titel des Artikels, Interviews oder Dokuments"),
    "date": Field("date", help="Datum der Veröffentlichung"),
    "url": Field("url", help="Adresse der Quelle, nur http oder https"),
    "archive_url": Field("url", help="Adresse einer archivierten Kopie, nur http oder https"),
}

PARTICIPANT_FIELDS = {
    "id": Field("person", required=True, help="Kennung der Person aus people/"),
    "note": Field("text", required=True, help="Kurzer Zusatz zur Teilnahme, z. B. „möglicherweise“, „per Video“"),
}

FIGURE_FIELDS = {
    "label": Field("text", required=True, help="Was die Zahl angibt, z. B. „Stimmenanteil in der Stichwahl“"),
    "value": Field("text", required=True, help="Der Wert, wie die Quelle ihn nennt, z. B. \"58,2 %\""),
    "source": Field("source", required=True, help="Nummer der Quelle unter sources, von 1 an gezählt"),
}

# Ranges of the number kinds: (lowest, highest, whole numbers only, example).
NUMBER_RANGES = {"latitude": (-90, 90, False, "-33.4429"), "longitude": (-180, 180, False, "-70.6539"),
                 "geonames": (1, 99_999_999, True, "3871336")}
# `location`: where `place` cannot be looked up, or to pin it down: geonames (a city), latitude + longitude (a
# point; with geonames too, the point wins), or country alone (only the country is known). The keys given are
# the precision (chronicle/places.py); sources/place_rules.py checks them against `countries`.
LOCATION_FIELDS = {
    "geonames": Field("geonames", help="Kennung des Orts bei GeoNames (Zahl aus der Adresse geonames.org/…), "
                      "ein Ort mit mindestens 15.000 Einwohnern"),
    "latitude": Field("latitude", help="Breitengrad in Grad, −90 bis 90 (Süden negativ), z. B. -33.4429"),
    "longitude": Field("longitude", help="Längengrad in Grad, −180 bis 180 (Westen negativ), z. B. -70.6539"),
    "country": Field("country", help="Land des Orts als ISO-3166-1-Code, Pflicht mit latitude; allein: nur das "
                     "Land ist bekannt"),
    "name": Field("text", help="Name des Orts, wie die Karte ihn zeigt; Standard: der erste Teil von place"),
}
# What `./dev new` writes as the example of each `location` field: each fails `check` until replaced.
LOCATION_PLACEHOLDERS = {"geonames": "KENNUNG", "latitude": "BREITE", "longitude": "LÄNGE", "country": "LAND",
                         "name": '""'}

EVENT_FIELDS = {
    "title": Field("text", required=True, help="Überschrift, eine Zeile, reiner Text"),
    "date": Field("date", required=True, help="JJJJ-MM-TT, JJJJ-MM (nur Monat bekannt) oder JJJJ"),
    "end": Field("date", help="Letzter Tag bei mehrtägigen Ereignissen; gleiche Formen; nicht vor date"),
    "time": Field("time", help="Uhrzeit „HH:MM“ (24 Stunden, Ortszeit) oder morning, midday, afternoon, "
                  "evening, night; nur bei einem Datum mit Tag"),
    "approximate": Field("bool", help="true, wenn die Daten ungefähr sind („Anfang Januar“); Standard false"),
    "status": Field("status", help="happened (Standard), planned, tentative, postponed oder cancelled"),
    "place": Field("text", help="Ort, freier Text"),
    "location": _object(LOCATION_FIELDS, needs={"latitude": ("longitude", "country"), "longitude": ("latitude",)}),
    "countries": _list(Field("country"), required=True, min_items=1,
                       help="Beteiligte Länder als ISO-3166-1-Codes, z. B. [AR, PE]"),
    "people": _list(Field("participant", fields=PARTICIPANT_FIELDS),
                    help="Beteiligte Personen: Kennungen aus people/, oder {id: …, note: …} mit einem Zusatz"),
    "mentioned": _list(Field("person"), help="Erwähnte, aber nicht anwesende Personen: Kennungen aus people/"),
    "topics": _list(Field("topic"), help="Themen: Kennungen aus der Themenliste in mkdocs.yml"),
    "part_of": Field("event", help="Kennung eines anderen Ereignisses, zu dem dieses gehört (z. B. einer Reise)"),
    "summary": Field("markdown", required=True, help="Was geschah; Markdown ohne HTML"),
    "teaser": Field("text", help="Eigener Anreißer für Zeitleiste und Listen, ein Satz, reiner Text; "
                    "Standard: der erste Satz von summary"),
    "quotes": _list(_object({
        "by": Field("person", required=True, help="Kennung der sprechenden Person; muss unter people stehen"),
        "text": Field("text", required=True, help="Wörtliches Zitat ohne Anführungszeichen, auf Deutsch"),
        "original": Field("text", help="Der Wortlaut in der Sprache, in der er fiel, wenn `text` übersetzt ist"),
        "language": Field("language", help="Sprache von `original` als BCP-47-Code, z. B. es oder es-CL; "
                          "Pflicht mit original"),
        "source": Field("source", help="Nummer der Quelle unter sources, die das Zitat wiedergibt; "
                        "Pflicht mit original"),
    }, needs={"original": ("language", "source")}), help="Wörtliche Zitate"),
    "figures": _list(_object(FIGURE_FIELDS), help="Zahlen mit ihrer Quelle; weichen Quellen ab, je Quelle ein Eintrag"),
    "sources": _list(_object(SOURCE_FIELDS), required=True, min_items=1, help="Mindestens eine Quelle"),
    "corrections": _list(_object({
        "date": Field("date", required=True, help="Tag der Korrektur"),
        "text": Field("markdown", required=True, help="Was korrigiert wurde"),
    }), help="Korrekturen, die Lesern auf der Seite gezeigt werden"),
}

PERSON_FIELDS = {
    "name": Field("text", required=True, help="Name, wie er im Herkunftsland geschrieben wird"),
    "sort_name": Field("text", help="Sortierform, z. B. „Pérez, Ana“; Standard: letztes Wort zuerst"),
    "aliases": _list(Field("text"), help="Andere Schreibweisen und vollständige Namen"),
    "description": Field("text", required=True, help="Wer die Person ist, eine Zeile"),
    "countries": _list(Field("country"), help="Länder der Person als ISO-3166-1-Codes"),
    "roles": _list(_object({
        "title": Field("text", required=True, help="Amt oder Funktion"),
        "from": Field("date", required=True, help="Beginn"),
        "to": Field("date", help="Ende; fehlt, solange die Rolle andauert"),
        "source": Field("reference", help="Beleg: Kennung eines Ereignisses, dessen Quellen das Amt nennen, "
                        "oder die Adresse einer Quelle"),
    }), help="Ämter mit Daten"),
    "wikidata": Field("wikidata", help="Wikidata-Kennung, Q gefolgt von Ziffern"),
}


def participant(entry: object) -> tuple[object, str | None]:
    """An entry of an event's `people`: (person id, note or None); the id may be anything if unchecked."""
    if isinstance(entry, dict):
        return entry.get("id"), entry.get("note")
    return entry, None
