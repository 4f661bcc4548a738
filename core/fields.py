"""Form fields every app's forms share."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils import formats
from django.utils.translation import gettext_lazy as _

# The widest integer column of either database (bigint); no object has an id beyond it.
LARGEST_ID = 2**63 - 1


class ListedChoiceIterator(ModelChoiceIterator):
    """A choice field's objects read in one query. Django reads them with ``.iterator()``, which
    on PostgreSQL opens a server-side cursor (DECLARE, FETCH, CLOSE: three round trips for a
    list of a few dozen); each form has its own copy of the field's queryset, so reading it
    whole keeps nothing beyond the request."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


def read_choices_at_once(form: forms.BaseForm) -> None:
    """Every object choice field of ``form`` reads its choices in one query."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField) and field.iterator is ModelChoiceIterator:
            field.iterator = ListedChoiceIterator
            field.widget.choices = field.choices


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing ids no integer column holds before it queries them: SQLite
    cannot bind such a number (OverflowError) where PostgreSQL would find nothing."""

    iterator = ListedChoiceIterator

    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else []:
            if str(pk).lstrip("-").isdigit() and abs(int(pk)) > LARGEST_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)


class MoneyField(forms.DecimalField):
    """An amount in euros, shown and typed as people write it: "1,200,000" or "1 200 000"
    rather than "1200000.00". Grouping spaces, commas or dots are read as the language uses
    them."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("help_text", _("In euros, for example 1,200,000."))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            amount = Decimal(str(value))
            places = 0 if amount == amount.to_integral() else 2
            return formats.number_format(amount, decimal_pos=places, force_grouping=True)
        return value

    def to_python(self, value):
        if isinstance(value, str):
            grouping = formats.get_format("THOUSAND_SEPARATOR")
            decimal = formats.get_format("DECIMAL_SEPARATOR")
            text = value.strip().replace("€", "")
            for space in (" ", "\u00a0", "\u202f"):
                text = text.replace(space, "")
            if grouping.strip():
                text = text.replace(grouping, "")
            value = text.replace(decimal, ".")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # Not a number input: it would refuse the separators people type.
        attrs = super().widget_attrs(widget)
        for name in ("step", "min", "max"):
            attrs.pop(name, None)
        return attrs
