"""What each app holds about a person, and how to export and erase it.

Every app that stores data pointing at a user declares a provider in its own
`privacy.py`; `tests/privacy/test_registry.py` fails when a model that points at
the user model is covered by none.
"""

from collections.abc import Callable
from dataclasses import dataclass

_providers: list["DataProvider"] = []


@dataclass(frozen=True)
class DataProvider:
    key: str
    label: str
    models: tuple
    export: Callable  # (user) -> dict, JSON-serialisable
    erase: Callable  # (user) -> list[str]: what was kept, and why

    def __post_init__(self):
        if any(provider.key == self.key for provider in _providers):
            raise ValueError(f"Provider {self.key} is registered twice.")


def register(provider: DataProvider) -> DataProvider:
    _providers.append(provider)
    return provider


def providers() -> list[DataProvider]:
    return list(_providers)


def covered_models() -> set:
    return {model for provider in _providers for model in provider.models}


def user_relations():
    """Every concrete foreign key or one-to-one field pointing at the user model."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                getattr(field, "concrete", False)
                and field.is_relation
                and (field.many_to_one or field.one_to_one)
                and field.related_model is user_model
                and field.model is model
            ):
                yield model, field
