"""Which records can be translated, which of their fields, and who may translate them.

Each app declares its translatable models in its own ``translatable.py`` (found when the
translations app is ready), so this app imports none of them::

    register(Practice, fields=["title", "summary"], may_translate=can_translate_practice)

``parts(obj)`` names records translated on the same page as ``obj`` (a guideline's sections),
each of a registered model.

``may_translate(user, obj)`` comes from the app's access module: the same people who may see
the record and answer for its content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Translatable:
    model: type[models.Model]
    fields: tuple[str, ...]
    may_translate: Callable[[object, models.Model], bool]
    # The records translated with it on one page (a guideline's sections and recommendations).
    parts: Callable[[models.Model], list] | None = None

    def with_parts(self, obj: models.Model) -> list[models.Model]:
        return [obj, *(self.parts(obj) if self.parts else [])]

    @property
    def key(self) -> str:
        """How addresses name the model: "practices.practice"."""
        return self.model._meta.label_lower

    def texts_of(self, obj: models.Model) -> dict[str, str]:
        """The original's texts, field by field."""
        return {name: getattr(obj, name) or "" for name in self.fields}

    def field(self, name: str) -> models.Field:
        return self.model._meta.get_field(name)


_registry: dict[str, Translatable] = {}


def register(
    model: type[models.Model],
    *,
    fields: list[str] | tuple[str, ...],
    may_translate: Callable[[object, models.Model], bool],
    parts: Callable[[models.Model], list] | None = None,
) -> None:
    if not any(f.name == "original_language" for f in model._meta.get_fields()):
        raise TypeError(f"{model._meta.label} must know its original language (core.WrittenIn)")
    spec = Translatable(model, tuple(fields), may_translate, parts)
    _registry[spec.key] = spec


def spec_for(model_or_obj) -> Translatable | None:
    return _registry.get(model_or_obj._meta.label_lower)


def spec_by_key(key: str) -> Translatable | None:
    return _registry.get(key)


def registered() -> list[Translatable]:
    return list(_registry.values())
