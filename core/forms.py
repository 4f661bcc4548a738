"""The form every workspace edit form builds on."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .editing import BadEditToken, edit_token, read_edit_token


class EditForm(forms.ModelForm):
    """A model form that carries the edit token (core/editing.py) of the object it edits.

    A save of an existing object without a token, or with one that does not fit, is refused
    with a form error (400): it is never applied.
    """

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.base: dict[str, str] | None = None
        if self.instance.pk and not self.is_bound:
            self.initial["edit_token"] = edit_token(self.instance, self.edited_fields())

    def edited_fields(self) -> list[str]:
        """The model fields this form edits."""
        model_fields = {f.name for f in self.instance._meta.get_fields()}
        return [name for name in self.fields if name in model_fields]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            try:
                self.base = read_edit_token(
                    self.data.get(self.add_prefix("edit_token"), ""),
                    self.instance,
                    self.edited_fields(),
                )
            except BadEditToken:
                raise forms.ValidationError(
                    _(
                        "This form is out of date or incomplete, so nothing was saved. "
                        "Open the page again and make your change there."
                    ),
                    code="edit_token",
                ) from None
        return cleaned

    def model_data(self) -> dict:
        """The person's values for the edited fields (for the service and the edit guard)."""
        return {name: self.cleaned_data.get(name) for name in self.edited_fields()}
