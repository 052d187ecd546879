"""Languages by BCP 47 tag (`es`, `es-CL`, `pt-BR`): checked against CLDR through babel, named in German.

Quotes carry the language of their original words; the page names it ("Spanisch") and the HTML marks the
original with `lang`, so screen readers pronounce it right.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from .fields import LANGUAGE_PATTERN
from .text import fold

# language, optional script, optional region: the subset of BCP 47 that names how people speak.
_TAG = re.compile(LANGUAGE_PATTERN)


@lru_cache(maxsize=None)
def _german() -> Locale:
    return Locale("de")


def is_language_tag(tag: str) -> bool:
    """`es`, `es-CL`, `zh-Hans`: a known language, in the spelling BCP 47 recommends."""
    match = _TAG.match(tag)
    if not match:
        return False
    language, script, region = match.groups()
    names = _german()
    if language not in names.languages:
        return False
    if script and script not in names.scripts:
        return False
    return not region or region in names.territories


def german_name(tag: str) -> str:
    """`es` -> `Spanisch`, `es-CL` -> `Spanisch (Chile)`; the tag itself if CLDR has no name."""
    try:
        return Locale.parse(tag, sep="-").get_display_name("de") or tag
    except (ValueError, UnknownLocaleError):
        return tag


def suggest(text: str) -> str | None:
    """The tag a contributor probably meant: `ES` -> es, `es_CL` -> es-CL, `Spanisch` -> es, `spa` -> es."""
    cleaned = text.strip()
    parts = re.split(r"[-_]", cleaned)
    if parts and parts[0]:
        candidate = "-".join([parts[0].lower()] + [p.title() if len(p) == 4 else p.upper() for p in parts[1:]])
        if is_language_tag(candidate):
            return candidate
    folded = fold(cleaned)
    for locale in ("de", "es", "en"):
        for code, name in Locale(locale).languages.items():
            if "_" not in code and fold(name) == folded:
                return code
    try:  # three-letter codes (`spa`, `deu`) have two-letter equivalents
        language = Locale.parse(cleaned.lower(), sep="-").language
    except (ValueError, UnknownLocaleError):
        return None
    return language if is_language_tag(language) else None
