"""What every workspace edit form builds on."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .editing import BadEditToken, edit_token, read_edit_token
from .fields import read_choices_at_once

STALE_FORM = _(
    "This form is out of date or incomplete, so nothing was saved. Open the page again and make "
    "your change there."
)


class EditTokenMixin:
    """A form that edits one saved object carries its edit token (core/editing.py).

    A model form edits its instance; another form names the object with ``edit_object=`` and
    says how it shows that object (``values_from``). Saving an existing object without a token,
    or with one that does not fit, is refused with a form error (400), never applied.
    """

    edit_object: models.Model | None

    def setup_edit_token(self, edit_object: models.Model | None) -> None:
        self.edit_object = edit_object if edit_object is not None and edit_object.pk else None
        self.base: dict[str, str] | None = None
        # Values edited beside the form (a formset of speakers, sections): the view sets them
        # once the formset is valid, under the names values_from() gives them.
        self.companion_values: dict = {}
        self._shown: dict | None = None
        self.fields["edit_token"] = forms.CharField(widget=forms.HiddenInput, required=False)
        read_choices_at_once(self)

    def shown_values(self) -> dict:
        """values_from() of the object as the form opened it: read once, when first needed (after
        the subclass's __init__ has set its choices)."""
        if self._shown is None:
            self._shown = self.values_from(self.edit_object)
        return self._shown

    def get_initial_for_field(self, field, field_name):
        if self.edit_object is not None:
            if field_name == "edit_token":
                return edit_token(self.edit_object, self.shown_values())
            if field_name not in self.initial and field_name in self.shown_values():
                return self.shown_values()[field_name]
        return super().get_initial_for_field(field, field_name)

    def values_from(self, obj: models.Model) -> dict:
        """The object's values as this form (and its companion formsets) show them."""
        raise NotImplementedError

    def edited_values(self) -> dict:
        """The person's values for the same names."""
        names = self.shown_values()
        return {
            name: self.companion_values[name]
            if name in self.companion_values
            else self.cleaned_data.get(name)
            for name in names
        }

    def check_edit_token(self) -> None:
        if self.edit_object is None:
            return
        try:
            self.base = read_edit_token(
                self.data.get(self.add_prefix("edit_token"), ""),
                self.edit_object,
                list(self.shown_values()),
            )
        except BadEditToken:
            raise forms.ValidationError(STALE_FORM, code="edit_token") from None


class EditForm(EditTokenMixin, forms.ModelForm):
    """A model form carrying the edit token of its instance."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setup_edit_token(self.instance)

    def edited_names(self) -> list[str]:
        """The model fields this form edits."""
        model = self._meta.model
        names = {f.name for f in model._meta.get_fields() if f.concrete or f.many_to_many}
        return [name for name in self._meta.fields or [] if name in self.fields and name in names]

    def values_from(self, obj: models.Model) -> dict:
        values = {}
        for name in self.edited_names():
            field = obj._meta.get_field(name)
            value = field.value_from_object(obj)
            values[name] = list(value) if field.many_to_many else value
        return values

    def clean(self):
        cleaned = super().clean()
        self.check_edit_token()
        return cleaned

    def model_data(self) -> dict:
        """The person's values for the model fields this form edits (for the service)."""
        return {name: self.cleaned_data.get(name) for name in self.edited_names()}


class EditTokenForm(EditTokenMixin, forms.Form):
    """A form (not a model form) editing ``edit_object``; subclasses define ``values_from``."""

    def __init__(self, *args, edit_object: models.Model | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setup_edit_token(edit_object)

    def clean(self):
        cleaned = super().clean()
        self.check_edit_token()
        return cleaned
