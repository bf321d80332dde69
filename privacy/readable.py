"""The readable side of a copy of data: Polish labels and local times for index.html.

Providers return plain JSON data with stable English keys (`data.json` keeps
them) and declare a label for every key in `DataProvider.labels`. Here that data
becomes a tree of nodes the template `privacy/_export_value.html` renders:

- `{"kind": "text", "text": …}` for a value: yes/no, a dash for nothing, an
  ISO 8601 time shown in Polish time (Europe/Warsaw) and Polish date format;
- `{"kind": "values", "items": [text, …]}` for a list of plain values;
- `{"kind": "list", "items": [node, …]}` for any other list;
- `{"kind": "record", "rows": [{"key", "label", "value": node}, …]}` for an object;
- `{"kind": "table", "columns": [label, …], "rows": [[text, …], …]}` for a list of
  objects with the same keys and plain values (answers, lessons, addresses).
"""

import re
from datetime import date, datetime

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

# Only what the providers write with `isoformat()`: an aware time, or a date.
ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$"
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME_FORMAT = "j E Y, H:i"
DATE_FORMAT = "j E Y"


def display(value) -> str:
    """One value as a person reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str) and ISO_DATETIME.match(value):
        return date_format(localtime(datetime.fromisoformat(value)), DATETIME_FORMAT)
    if isinstance(value, str) and ISO_DATE.match(value):
        return date_format(date.fromisoformat(value), DATE_FORMAT)
    return str(value)


def label(key: str, labels: dict) -> str:
    """The Polish label of a key; a missing one shows the key rather than failing."""
    return str(labels.get(key, key))


def _flat_records(items) -> bool:
    return (
        all(isinstance(item, dict) and item for item in items)
        and len({tuple(item) for item in items}) == 1
        and not any(
            isinstance(value, dict | list | tuple)
            for item in items
            for value in item.values()
        )
    )


def node(value, labels: dict) -> dict:
    if isinstance(value, list | tuple) and value and _flat_records(value):
        return {
            "kind": "table",
            "columns": [label(key, labels) for key in value[0]],
            "rows": [[display(item) for item in row.values()] for row in value],
        }
    if isinstance(value, dict):
        return {
            "kind": "record",
            "rows": [
                {"key": key, "label": label(key, labels), "value": node(item, labels)}
                for key, item in value.items()
            ],
        }
    if isinstance(value, list | tuple):
        if not value:
            return {"kind": "text", "text": _("none")}
        if not any(isinstance(item, dict | list | tuple) for item in value):
            return {"kind": "values", "items": [display(item) for item in value]}
        return {"kind": "list", "items": [node(item, labels) for item in value]}
    return {"kind": "text", "text": display(value)}


def keys_used(value) -> set[str]:
    """Every key of every object in the data, at any depth."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_used(item)}
    if isinstance(value, list | tuple):
        return {key for item in value for key in keys_used(item)}
    return set()


def field_descriptions(data: dict, labels: dict) -> dict:
    """The label of each key the data uses, for documenting `data.json` itself."""
    return {key: label(key, labels) for key in sorted(keys_used(data))}
