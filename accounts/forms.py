from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


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


class AddressDataForm(forms.Form):
    """Staff look up what is held about someone without an account, by their address."""

    ACTIONS = {"show", "download", "erase"}

    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Of a meeting's guest or an expert invited to a review."),
    )
    confirm = forms.BooleanField(
        label=_("I confirm the erasure: it cannot be undone"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.action = self.data.get("action", "show") if self.is_bound else "show"

    def clean(self):
        cleaned = super().clean()
        if self.action not in self.ACTIONS:
            raise forms.ValidationError(_("Choose what to do with the data."))
        if self.action == "erase" and not cleaned.get("confirm"):
            self.add_error("confirm", _("Tick the box to confirm the erasure."))
        return cleaned
