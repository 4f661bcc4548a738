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
            reverse("pledges_workspace:commitment_new"),
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
