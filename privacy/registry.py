"""What each app holds about a person, and how to export, erase and expire it.

Every app that stores data about people declares one provider in its own
`privacy.py`; this layer finds them and knows apps only through them. Tests in
`tests/privacy/test_registry.py` fail when a model pointing at the user model, or
a model of the portal's apps holding a file, is declared by no provider.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model

# Erasure runs providers from the lowest order up. The account goes last: until
# then the other providers can still find the person's data through it.
ERASE_EARLY = 10
ERASE_DEFAULT = 50
ERASE_ACCOUNT_LAST = 100

_providers: list["DataProvider"] = []


def _no_files(user) -> Iterable:
    return ()


@dataclass(frozen=True)
class DataProvider:
    """One app's part of a person's data.

    - `export(user)` returns a JSON-serialisable dict for the copy of data;
    - `erase(user)` deletes or pseudonymises it and returns what was kept, and why;
    - `files(user)` yields `(name, FieldFile)` for every file held for the person,
      which the copy of data includes; `file_fields` names the model fields
      (`"app_label.Model.field"`) that hold such files;
    - `expire(now, periods)` deletes what has outlived its retention period
      (`periods` is the IOD's RetentionSettings) and returns `{what: count}`;
    - `labels` maps every key `export` uses, at any depth, to its (lazy) Polish
      label for the readable `index.html`; `data.json` keeps the keys;
    - `portable` names the top-level keys of `export` that the person gave and
      that are processed on consent or contract: their data to take elsewhere
      (RODO art. 20).
    """

    key: str
    label: str
    models: tuple
    export: Callable
    erase: Callable
    erase_order: int = ERASE_DEFAULT
    files: Callable = _no_files
    file_fields: tuple = ()
    expire: Callable | None = None
    labels: dict | None = None
    portable: tuple = ()

    def __post_init__(self):
        if any(provider.key == self.key for provider in _providers):
            raise ValueError(f"Provider {self.key} is registered twice.")


def register(provider: DataProvider) -> DataProvider:
    _providers.append(provider)
    return provider


def providers() -> list[DataProvider]:
    """Every provider, in the order erasure runs them."""
    return sorted(_providers, key=lambda provider: provider.erase_order)


def covered_models() -> set:
    return {model for provider in _providers for model in provider.models}


def declared_file_fields() -> set[str]:
    return {name for provider in _providers for name in provider.file_fields}


def user_relations():
    """Every concrete foreign key or one-to-one field pointing at the user model."""
    user_model = get_user_model()
    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if (
                getattr(model_field, "concrete", False)
                and model_field.is_relation
                and (model_field.many_to_one or model_field.one_to_one)
                and model_field.related_model is user_model
                and model_field.model is model
            ):
                yield model, model_field
