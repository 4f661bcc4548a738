"""Values as people read them: labels for choices, names for related rows, localised numbers,
dates and yes/no, a dash for nothing. Never a stored code or "None"."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _

NOTHING = "—"


def model_value_label(field: models.Field, value) -> str:
    """A value of ``field`` as stored (a code, a related row's id) as its reader knows it."""
    if value is None or value == "":
        return NOTHING
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.many_to_one or field.one_to_one:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else NOTHING
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, Decimal | float | int):
        number = Decimal(str(value))
        places = 0 if number == number.to_integral() else None
        return formats.number_format(number, decimal_pos=places, force_grouping=True)
    return str(value)
