"""Editing without losing anyone's work: a stale save is refused, and saving again keeps what
the other person saved in every field this person did not touch.

An edit form carries a signed *edit token*: which object it edits and a fingerprint of each of
its fields as the form showed them when it was opened (the base). The save compares three values
per field while it holds the object's row lock, in the transaction that writes it:

- the base (from the token), what is *saved* now, and *yours* (the submitted form);
- saved equal to the base in every field: nobody else saved; the save goes through;
- otherwise nothing is written (``EditConflict``) and the form comes back holding, per field,
  yours where you changed it and the saved value where only the other person did; the fields
  both changed, differently, are listed side by side and keep yours until you decide.

Fields are compared as the form shows them, not as columns: a meeting's date and times, an
agenda item's speakers, a decision's cities. Fingerprints rather than a version number: a change
to something the form does not edit (staff validating an action beside the officer's progress,
say) is no conflict, and the token needs no column.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
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
    only the other person changed (the form now shows their value).
    """

    def __init__(
        self,
        *,
        current: models.Model,
        changed: list[ChangedField],
        theirs_only: list[ChangedField],
        merged: dict,
    ) -> None:
        super().__init__("edit conflict")
        self.current = current
        self.changed = changed
        self.theirs_only = theirs_only
        self.merged = merged


def _canonical(value) -> str:
    """One text per value, whether it comes from a cleaned form or from the saved object."""
    if value is None or value == "":
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | Decimal):
        try:
            return format(Decimal(str(value)).normalize(), "f")
        except InvalidOperation:
            return str(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, models.QuerySet | list | tuple | set | frozenset):
        items = [_canonical(item) for item in value]
        # A choice of several (cities, themes) has no order; a list of rows (speakers) has.
        if not any(isinstance(item, dict | list | tuple) for item in value):
            items.sort()
        return json.dumps(items)
    if isinstance(value, dict):
        return json.dumps({k: _canonical(v) for k, v in value.items()}, sort_keys=True)
    # Browsers send a textarea's lines ended with CR LF whatever was saved.
    return str(value).replace("\r\n", "\n")


def fingerprint(value) -> str:
    return hashlib.blake2b(_canonical(value).encode("utf-8"), digest_size=8).hexdigest()


def edit_token(instance: models.Model, values: dict) -> str:
    """The token an edit form carries: which object, and its fields as the form shows them."""
    payload = {
        "m": instance._meta.label_lower,
        "pk": instance.pk,
        "f": {name: fingerprint(value) for name, value in values.items()},
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


def shown(field: forms.Field | None, value) -> str:
    """A value as the form's reader knows it: choice labels, names, localised dates."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(field, forms.ModelChoiceField) and not isinstance(value, models.Model | list):
        if isinstance(value, models.QuerySet | tuple | set):
            value = list(value)
        else:
            found = field.queryset.filter(pk=value).first()
            return str(found) if found is not None else str(value)
    if isinstance(value, models.QuerySet | list | tuple | set):
        return ", ".join(shown(field, item) for item in value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dict):
        return " – ".join(str(v) for v in value.values() if v)
    choices = getattr(field, "choices", None)
    if choices is not None and not isinstance(field, forms.ModelChoiceField):
        flat = {}
        for key, label in choices:
            if isinstance(label, list | tuple):
                flat.update(dict(label))
            else:
                flat[key] = label
        if value in flat:
            return str(flat[value])
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date | datetime.time | Decimal | float | int):
        return str(formats.localize(value, use_l10n=True))
    return str(value)


def edit_guard(form) -> models.Model:
    """Lock the edited object's row and return it, or raise EditConflict when someone saved
    since the form was opened. Runs in the transaction that then writes the object."""
    if not connection.in_atomic_block:
        raise RuntimeError("edit_guard() runs inside the transaction that writes the object.")
    instance = form.edit_object
    current = instance._meta.model._default_manager.select_for_update().get(pk=instance.pk)
    saved_values = form.values_from(current)
    yours = form.edited_values()
    base = form.base
    if base is None or sorted(base) != sorted(saved_values):
        raise BadEditToken
    changed, theirs_only, merged = [], [], {}
    for name, saved in saved_values.items():
        saved_fp = fingerprint(saved)
        yours_fp = fingerprint(yours.get(name))
        merged[name] = yours.get(name) if yours_fp != base[name] else saved
        if saved_fp == base[name]:
            continue
        field = form.fields.get(name)
        label = str(field.label) if field is not None and field.label else name
        row = ChangedField(label, shown(field, yours.get(name)), shown(field, saved))
        if yours_fp not in (base[name], saved_fp):
            changed.append(row)
        else:  # only they changed it, or both made the same change
            theirs_only.append(row)
            merged[name] = saved
    if changed or theirs_only:
        raise EditConflict(current=current, changed=changed, theirs_only=theirs_only, merged=merged)
    # The view's copy may be older than the row in fields the form does not show: the service
    # writes the person's values onto the row as it is now (read and locked above; what
    # refresh_from_db() would read again).
    for field in instance._meta.concrete_fields:
        setattr(instance, field.attname, getattr(current, field.attname))
    instance.__dict__[LOCKED_RELATIONS] = {
        field.name: (field.attname, getattr(current, field.attname))
        for field in instance._meta.concrete_fields
        if field.is_relation
    }
    return current


LOCKED_RELATIONS = "_edit_guard_relations"


def unchanged_relations(instance: models.Model) -> list[str]:
    """The related objects ``instance`` still points to as its row did when edit_guard() locked
    it: they exist (the database's constraints say so), so validating the object need not look
    them up again. None for an instance edit_guard() did not read."""
    locked = instance.__dict__.get(LOCKED_RELATIONS, {})
    return [
        name for name, (attname, value) in locked.items() if getattr(instance, attname) == value
    ]
