from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.models import City
from cities.selectors import cities_for_user

DEFAULT_DAYS = 90


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What will use it, e.g. “statistics office export”."),
    )
    city = forms.ModelChoiceField(
        label=_("City"),
        queryset=City.objects.none(),
        help_text=_("The token adds measurements to this city's indicators only."),
    )
    expires_on = forms.DateField(
        label=_("Valid until"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The token stops working after this day."),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        kwargs.setdefault(
            "initial", {"expires_on": timezone.localdate() + timedelta(days=DEFAULT_DAYS)}
        )
        super().__init__(*args, **kwargs)
        cities = cities_for_user(user).order_by("name")
        self.fields["city"].queryset = cities
        if len(cities) == 1:
            self.fields["city"].initial = cities[0]
