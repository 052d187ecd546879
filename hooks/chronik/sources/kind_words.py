"""What the checker says about a value of the wrong type, per field kind (`fields.Field.kind`), in German:
what a value of that kind is ("eine Personen-Kennung") and how to write one."""

from __future__ import annotations

WRONG_TYPE_HINTS = {
    "text": "Schreibe den Text in dieselbe Zeile hinter den Feldnamen.",
    "markdown": "Schreibe den Text hinter den Feldnamen, mehrzeilig mit `|`.",
    "wikidata": "Schreibe Q gefolgt von Ziffern, z. B. Q320.",
    "country": "Schreibe den zweistelligen Code, z. B. AR.",
    "time": 'Schreibe die Uhrzeit in Anführungszeichen, z. B. "12:30", oder morning, midday, afternoon, evening, night.',
    "participant": "Schreibe die Kennung der Person oder `{id: kennung, note: möglicherweise}`.",
    "language": "Schreibe den Sprachcode, z. B. es.",
}

EXPECTED_TEXT = {
    "text": "ein Text",
    "markdown": "ein Text",
    "person": "eine Personen-Kennung",
    "topic": "eine Themen-Kennung",
    "event": "eine Ereignis-Kennung",
    "country": "ein Ländercode",
    "status": "ein Status",
    "time": "eine Uhrzeit",
    "participant": "eine Personen-Kennung",
    "url": "eine Adresse",
    "wikidata": "eine Wikidata-Kennung",
    "language": "ein Sprachcode",
    "reference": "eine Ereignis-Kennung oder eine Adresse",
}
