from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

# The widest integer column of either database (bigint); no object has an id beyond it.
LARGEST_ID = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing ids no integer column holds before it queries them: SQLite
    cannot bind such a number (OverflowError) where PostgreSQL would find nothing."""

    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else []:
            if str(pk).lstrip("-").isdigit() and abs(int(pk)) > LARGEST_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)


class EraseOwnAccountForm(forms.Form):
    """Erasing one's own account asks for the password again: a session left open on a shared
    computer must not be enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you."),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password
