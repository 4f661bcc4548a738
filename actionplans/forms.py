from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.fields import ModelMultipleChoiceField, MoneyField
from core.forms import EditForm, EditTokenForm
from practices.models import Practice, PracticeStatus, Transfer

from .models import (
    Action,
    ActionPlan,
    ExternalReviewer,
    Finding,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
    ValidatedStatus,
)
from .services import ExpertData

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(EditForm):
    class Meta:
        model = ActionPlan
        fields = [
            "title",
            "topic",
            "objective",
            "inspired_by",
            "status",
            "start_date",
            "end_date",
            "summary",
            "baseline",
            "original_language",
            "is_public",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "baseline": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, city=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The published practices the city recorded adopting (the plan's own choice stays): the
        # whole library, 10,000 practices, would make a list nobody can use.
        # Their ids first, read through the transfers' city index: "adopted or the plan's own"
        # as one condition made PostgreSQL read all 10,000 practices (24 ms).
        adopted = (
            Transfer.objects.filter(
                city=city or self.instance.city, practice__status=PracticeStatus.PUBLISHED
            )
            .order_by()
            .values_list("practice_id", flat=True)
        )
        shown = {*adopted, self.instance.inspired_by_id} - {None}
        self.fields["inspired_by"].queryset = Practice.objects.filter(pk__in=shown).only(
            "pk", "title"
        )
        self.fields["inspired_by"].help_text = _(
            "A practice your city recorded adopting: on the practice's page, “Record that a city "
            "adopted it” adds it to this list."
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end cannot be before the start."))
        return cleaned


class ActionForm(EditForm):
    class Meta:
        model = Action
        fields = [
            "title",
            "description",
            "responsible_body",
            "partners",
            "budget",
            "funding_source",
            "start_date",
            "end_date",
            "status",
            "progress",
            "responds_to",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100}),
        }
        field_classes = {"budget": MoneyField}
        labels = {"budget": _("Budget (€)")}

    def __init__(self, *args, plan: ActionPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responds_to"].queryset = Finding.objects.filter(
            review__plan=plan, kind=Finding.Kind.RECOMMENDATION
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end cannot be before the start."))
        return cleaned


class ValidateForm(EditTokenForm):
    status = forms.ChoiceField(label=_("Validated status"), choices=ValidatedStatus.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def values_from(self, action: Action) -> dict:
        return {"status": action.validated_status, "note": action.validation_note}


class MilestoneForm(EditForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_date", "done_date"]
        widgets = {"due_date": DATE, "done_date": DATE}


class IndicatorForm(EditForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "is_count_of_people",
            "direction",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "data_source",
            "eu_target",
        ]

    def clean(self):
        cleaned = super().clean()
        baseline, target = cleaned.get("baseline_year"), cleaned.get("target_year")
        if baseline and target and target <= baseline:
            self.add_error("target_year", _("The target year must come after the baseline year."))
        return cleaned


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["date", "value", "note"]
        widgets = {"date": DATE}


class UpdateForm(EditForm):
    class Meta:
        model = ProgressUpdate
        fields = ["period_label", "period_start", "period_end", "narrative"]
        widgets = {
            "period_start": DATE,
            "period_end": DATE,
            "narrative": forms.Textarea(attrs={"rows": 8}),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return cleaned


class ReviewForm(forms.Form):
    questions = forms.CharField(
        label=_("The host city's questions"), widget=forms.Textarea(attrs={"rows": 4})
    )
    peers = ModelMultipleChoiceField(
        label=_("Peer team"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Officers of other cities."),
    )
    due_date = forms.DateField(label=_("Due"), required=False, widget=DATE)

    def __init__(self, *args, plan: ActionPlan, meetings=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["peers"].queryset = (
            get_user_model()
            .objects.filter(city_memberships__isnull=False)
            .exclude(city_memberships__city=plan.city)
            .distinct()
            .order_by("email")
        )
        if meetings is not None:
            self.fields["meeting"] = forms.ModelChoiceField(
                label=_("Visit (meeting)"), queryset=meetings, required=False
            )


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["section", "action", "kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, plan: ActionPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = plan.actions.all()


class ResponseForm(EditTokenForm):
    """The host city's response to one finding (several on one page: prefixed by the finding)."""

    response = forms.CharField(label=_("Your response"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, finding: Finding, **kwargs) -> None:
        kwargs.setdefault("edit_object", finding)
        super().__init__(*args, prefix=f"finding-{finding.pk}", **kwargs)

    def values_from(self, finding: Finding) -> dict:
        return {"response": finding.response}


class ExpertInviteForm(forms.Form):
    """An expert from outside the portal, invited to one review by e-mail."""

    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("Their findings show it (never their e-mail address)."),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "They receive a sign-in link that works once; a new one whenever they ask. It opens "
            "this review and its plan only, until the review closes or you revoke it."
        ),
    )
    role = forms.ChoiceField(
        label=_("Invited as"), choices=ExternalReviewer.Role.choices, widget=forms.RadioSelect
    )

    def to_data(self) -> ExpertData:
        data = self.cleaned_data
        return ExpertData(
            name=data["name"], organisation=data["organisation"], email=data["email"],
            role=data["role"],
        )  # fmt: skip


class LinkRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The address the network staff invited to the review."),
    )
