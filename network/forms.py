"""The dashboard's filters: a GET form whose unknown values are left out, never an error page."""

from __future__ import annotations

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actionplans.models import ActionPlan

from .selectors import Scope


class NetworkFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, data, *, countries: list[tuple[str, str]], initial=None) -> None:
        super().__init__(data, initial=initial)
        self.fields["country"].choices = [("", _("All countries")), *countries]
        self.fields["theme"].choices = [("", _("All themes")), *ActionPlan.Topic.choices]

    def scope(self, *, every_plan: bool) -> Scope:
        """The valid filters; a value that is not one of the choices is left out."""
        self.is_valid()
        return Scope(
            country=self.cleaned_data.get("country") or "",
            theme=self.cleaned_data.get("theme") or "",
            every_plan=every_plan,
        )

    def notices(self) -> list[str]:
        """What was left out, in words (after ``scope``)."""
        return [
            gettext("“%(value)s” is not one of the choices for %(filter)s: it was left out.")
            % {
                "value": Truncator(self.data.get(name, "")).chars(40),
                "filter": str(self.fields[name].label).lower(),
            }
            for name in self.errors
        ]
