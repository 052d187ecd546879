"""The contributor docs and the file format agree: every field documented, templates valid."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from chronik.chronicle.fields import EVENT_FIELDS, MAX_ITEMS, MAX_MARKDOWN, MAX_TEXT, PERSON_FIELDS, Field
from chronik.sources.loading import load_chronicle
from chronik.sources.settings import read_config, settings_from_config
from chronik.sources.validate import validate_document
from chronik.sources.yaml_source import MAX_FILE_BYTES, MAX_NODES, read_document
from conftest import PROJECT, SHIPPED_TODAY

MITMACHEN = PROJECT / "docs" / "mitmachen.md"


def yaml_blocks() -> list[str]:
    """The templates: YAML blocks that are whole files (short examples of one field are not)."""
    blocks = re.findall(r"^```yaml\n(.*?)^```", MITMACHEN.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    return [block for block in blocks if block.startswith("# yaml-language-server:")]


def field_names(spec: dict[str, Field], prefix: str = "") -> list[str]:
    names = []
    for name, field in spec.items():
        names.append(prefix + name)
        nested = field.item.fields if field.kind == "list" and field.item and field.item.fields else field.fields
        names += field_names(nested, f"{prefix}{name}.")
    return names


def keys_in(data, prefix: str = "") -> set[str]:
    found = set()
    if isinstance(data, dict):
        for key, value in data.items():
            found.add(prefix + key)
            found |= keys_in(value, f"{prefix}{key}.")
    elif isinstance(data, list):
        for item in data:
            found |= keys_in(item, prefix)
    return found


def test_the_page_has_one_event_and_one_person_template() -> None:
    assert len(yaml_blocks()) == 2


def test_the_event_template_shows_every_field_and_is_valid() -> None:
    document, problems = read_document("docs/mitmachen.md", yaml_blocks()[0].encode())
    assert problems == []
    assert validate_document(document, EVENT_FIELDS)[0] == []
    assert sorted(set(field_names(EVENT_FIELDS)) - keys_in(document.data)) == []


def test_the_person_template_shows_every_field_and_is_valid() -> None:
    document, problems = read_document("docs/mitmachen.md", yaml_blocks()[1].encode())
    assert problems == []
    assert validate_document(document, PERSON_FIELDS)[0] == []
    assert sorted(set(field_names(PERSON_FIELDS)) - keys_in(document.data)) == []


def test_the_event_template_works_as_a_real_file_in_the_shipped_chronicle(tmp_path: Path) -> None:
    for part in ("events", "people"):
        shutil.copytree(PROJECT / part, tmp_path / part)
    (tmp_path / "events" / "2025-12-22-vorlage.yaml").write_text(yaml_blocks()[0], encoding="utf-8")
    result = load_chronicle(tmp_path, settings_from_config(read_config(PROJECT)), SHIPPED_TODAY)
    assert [p.format() for p in result.errors] == []


def test_every_field_is_explained_with_its_status() -> None:
    text = MITMACHEN.read_text(encoding="utf-8")
    assert "(Pflicht)" in text and "(optional)" in text
    for name in field_names(EVENT_FIELDS) + field_names(PERSON_FIELDS):
        assert f"{name.split('.')[-1]}:" in text, name


def test_the_limits_on_the_page_are_the_limits_in_the_code() -> None:
    text = MITMACHEN.read_text(encoding="utf-8")
    for limit in (MAX_FILE_BYTES, MAX_TEXT, MAX_MARKDOWN, MAX_ITEMS, MAX_NODES):
        assert f"{limit:,}".replace(",", ".") in text, limit


def test_every_topic_of_the_settings_is_listed() -> None:
    text = MITMACHEN.read_text(encoding="utf-8")
    for topic_id, label in settings_from_config(read_config(PROJECT)).topics.items():
        assert f"`{topic_id}`" in text and label in text, topic_id
