from __future__ import annotations

from django import forms

from .kinds import KINDS
from .models import Preference


class PreferencesForm(forms.Form):
    """One choice per kind of notification: at once, weekly, or only on the site."""

    def __init__(self, *args, current: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, kind in sorted(KINDS.items(), key=lambda item: str(item[1].label)):
            self.fields[key] = forms.ChoiceField(
                label=kind.label,
                choices=Preference.DeliveryChoice.choices,
                widget=forms.Select,
                initial=current.get(key, kind.default),
            )
