from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.forms import EditForm

from .models import City, Commitment, Invitation, Pledge


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            try:
                password_validation.validate_password(p1)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


# The city's name in the interface's languages other than English, kept in ``City.names``.
NAME_LANGUAGES = ["fr", "pt", "it", "de"]


def _name_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=120,
        required=False,
        help_text=_("Leave empty where the name is written as in English."),
    )


class CityAdminForm(forms.ModelForm):
    """The city as the staff edit it in the admin, with its name in the other languages of the
    interface (Varsovie, Varsóvia); names in any other language stay as they are."""

    name_fr = _name_field(_("Name in French"))
    name_pt = _name_field(_("Name in Portuguese"))
    name_it = _name_field(_("Name in Italian"))
    name_de = _name_field(_("Name in German"))

    class Meta:
        model = City
        fields = [
            "name",
            "slug",
            "country",
            "latitude",
            "longitude",
            "timezone",
            "membership",
            "description",
            "original_language",
            "contact_role",
            "contact_email",
            "website",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        names = self.instance.names or {}
        for code in NAME_LANGUAGES:
            self.initial.setdefault(f"name_{code}", names.get(code, ""))

    def names_from_form(self) -> dict:
        names = dict(self.instance.names or {})
        own = " ".join((self.cleaned_data.get("name") or "").split())
        for code in NAME_LANGUAGES:
            value = " ".join((self.cleaned_data.get(f"name_{code}") or "").split())
            if value and value != own:
                names[code] = value
            else:
                names.pop(code, None)
        return names

    def save(self, commit: bool = True) -> City:
        self.instance.names = self.names_from_form()
        return super().save(commit)


class PledgeForm(EditForm):
    class Meta:
        model = Pledge
        fields = ["city", "commitment", "year", "made_on", "statement", "source_url"]
        widgets = {
            "made_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "statement": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"made_on": _("The day it was made, if known.")}

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.order_by("name")
        self.fields["city"].empty_label = _("Choose a city")
        self.fields["commitment"].queryset = Commitment.objects.all()
        self.fields["commitment"].empty_label = _("Choose a commitment")
        self.fields["commitment"].help_text = format_html(
            '{} <a href="{}">{}</a>',
            _("Not in the list?"),
            reverse("cities:commitment_new"),
            _("Add a commitment"),
        )


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["title", "framework"]
        help_texts = {
            "title": _("For example: Principle 3, equal opportunities."),
            "framework": _("For example: European Pillar of Social Rights."),
        }
