"""Editing without losing anyone's work: a stale save is refused, and saving again keeps what
the other person saved in every field this person did not touch.

An edit form carries a signed *edit token*: a fingerprint of each edited field as it was when the
form was opened (the base). A save compares three values per field under a row lock:

- the base (the token), what is *saved* now, and *yours* (the submitted form).
- Saved equal to the base in every field: nobody else saved; the save goes through.
- Otherwise the save is refused (``EditConflict``), and the form comes back holding, per field,
  yours where you changed it and the saved value where only the other person did; fields both
  changed are listed side by side and keep yours until you decide.

Fingerprints rather than a version number: a change to a field the form does not edit (a staff
validation beside an officer's progress, say) is no conflict, and the token needs no column.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core import signing
from django.db import connection, models
from django.db.models.fields.files import FieldFile
from django.utils import formats
from django.utils.translation import gettext as _

SALT = "core.editing"


class BadEditToken(Exception):
    """The token is missing, damaged, or belongs to another object or form."""


@dataclass(frozen=True)
class ChangedField:
    label: str
    yours: str
    theirs: str


class EditConflict(Exception):
    """Someone else saved since the form was opened; nothing was written.

    ``changed``: fields both changed, differently (the person decides); ``theirs_only``: fields
    only the other person changed (the form takes their value).
    """

    def __init__(
        self,
        *,
        current: models.Model,
        changed: list[ChangedField],
        theirs_only: list[ChangedField],
    ) -> None:
        super().__init__("edit conflict")
        self.current = current
        self.changed = changed
        self.theirs_only = theirs_only


def _canonical(model_field: models.Field, value) -> str:
    """One text per value, whether it comes from a cleaned form or from the saved row."""
    if model_field.many_to_many:
        return ",".join(sorted(str(getattr(item, "pk", item)) for item in value or []))
    if value is None or value == "":
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            return format(Decimal(str(value)).normalize(), "f")
        except InvalidOperation:
            return str(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True, default=str)
    return str(value)


def _fingerprint(model_field: models.Field, value) -> str:
    text = _canonical(model_field, value)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _saved_value(instance: models.Model, name: str):
    model_field = instance._meta.get_field(name)
    if model_field.many_to_many:
        return list(getattr(instance, name).all()) if instance.pk else []
    return getattr(instance, name)


def fingerprints(instance: models.Model, names: list[str]) -> dict[str, str]:
    meta = instance._meta
    return {
        name: _fingerprint(meta.get_field(name), _saved_value(instance, name)) for name in names
    }


def edit_token(instance: models.Model, names: list[str]) -> str:
    """The token an edit form carries: which object, and its fields as the person sees them."""
    payload = {
        "m": instance._meta.label_lower,
        "pk": instance.pk,
        "f": fingerprints(instance, names),
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def read_edit_token(token: str, instance: models.Model, names: list[str]) -> dict[str, str]:
    """The base fingerprints, or BadEditToken when the token does not fit this object and form."""
    try:
        payload = signing.loads(token or "", salt=SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadEditToken from error
    if (
        not isinstance(payload, dict)
        or payload.get("m") != instance._meta.label_lower
        or payload.get("pk") != instance.pk
        or not isinstance(payload.get("f"), dict)
        or sorted(payload["f"]) != sorted(names)
    ):
        raise BadEditToken
    return payload["f"]


def display(model_field: models.Field, value) -> str:
    """A value as the person reads it: labels for choices, dates and numbers localised."""
    if model_field.many_to_many:
        return ", ".join(str(item) for item in value or [])
    if value is None or value == "":
        return ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date | datetime.datetime | Decimal | float | int):
        return str(formats.localize(value, use_l10n=True))
    return str(value)


def edit_guard(model: type[models.Model], *, pk: int, data: dict, base: dict[str, str]):
    """Lock the row and return it, or raise EditConflict if someone saved since ``base``.

    Call inside the service's transaction, before writing. ``data`` holds the person's values
    for exactly the fields ``base`` fingerprints.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("edit_guard() runs inside the transaction that writes the object.")
    instance = model._default_manager.select_for_update().get(pk=pk)
    if sorted(base) != sorted(data):
        raise BadEditToken
    meta = instance._meta
    changed, theirs_only = [], []
    for name, yours in data.items():
        model_field = meta.get_field(name)
        saved = _saved_value(instance, name)
        saved_fp = _fingerprint(model_field, saved)
        if saved_fp == base[name]:
            continue
        yours_fp = _fingerprint(model_field, yours)
        label = str(model_field.verbose_name)
        row = ChangedField(label, display(model_field, yours), display(model_field, saved))
        if yours_fp == base[name]:
            theirs_only.append(row)
        elif yours_fp != saved_fp:
            changed.append(row)
        else:  # both made the same change
            theirs_only.append(row)
    if changed or theirs_only:
        raise EditConflict(current=instance, changed=changed, theirs_only=theirs_only)
    return instance


def merged_initial(form, conflict: EditConflict) -> dict:
    """What the form shows after a conflict: yours where you changed a field, saved elsewhere."""
    names = form.edited_fields()
    base = form.base or {}
    meta = conflict.current._meta
    initial = {}
    for name in names:
        yours = form.cleaned_data.get(name)
        if _fingerprint(meta.get_field(name), yours) != base.get(name):
            initial[name] = yours
    return initial


def apply(instance: models.Model, data: dict) -> list[tuple[str, object]]:
    """Set the scalar fields of ``data`` on the instance; return the many-to-many ones to set
    after it is saved."""
    later = []
    meta = instance._meta
    for name, value in data.items():
        if meta.get_field(name).many_to_many:
            later.append((name, value))
        else:
            setattr(instance, name, value)
    return later


def apply_many_to_many(instance: models.Model, later: list[tuple[str, object]]) -> None:
    for name, value in later:
        getattr(instance, name).set(value or [])
