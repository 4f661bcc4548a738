"""Staff forms for the network's year. They check shapes; the services (objectives/services.py)
decide, and every form editing a saved object carries its edit token (core/forms.py)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cities.models import City, Commitment
from core.fields import ModelMultipleChoiceField
from core.forms import EditForm

from .evidence import measures
from .models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    Objective,
    Stakeholder,
    StrategicObjective,
    WorkPlan,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
KEY = re.compile(r"[a-z0-9_-]+")


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


# Every record of the year knows the language its texts are written in (translations app).
LANGUAGE = "original_language"
LANGUAGE_LABEL = {LANGUAGE: _("Language of the original")}
LANGUAGE_HELP = {LANGUAGE: _("The language this text is written in")}


class ActivityChoiceField(forms.ModelChoiceField):
    """An activity named with its year: the same title comes back year after year."""

    def label_from_instance(self, activity: Activity) -> str:
        return f"{activity.title} ({activity.year})"


class ActivitiesField(ModelMultipleChoiceField):
    def label_from_instance(self, activity: Activity) -> str:
        return f"{activity.title} ({activity.year})"


class AdvocacyField(ModelMultipleChoiceField):
    def label_from_instance(self, action: AdvocacyAction) -> str:
        return f"{action.title} ({action.date or action.year})"


def _activities_around(year: int) -> QuerySet[Activity]:
    return Activity.objects.filter(year__in=[year - 1, year, year + 1]).order_by(
        "-year", "objective__number", "order", "id"
    )


# --- The work plan ------------------------------------------------------------------------------


class WorkPlanForm(EditForm):
    contacts = forms.CharField(
        label=_("Contacts"),
        required=False,
        widget=_textarea(4),
        help_text=_(
            "One contact a line: the role, the organisation and, if you wish, an e-mail address, "
            "separated by semicolons. For example: Lead of the working group; City of Ghent; "
            "roma@example.org"
        ),
    )

    class Meta:
        model = WorkPlan
        fields = ["introduction", LANGUAGE, "strategic_objectives"]
        widgets = {
            "introduction": _textarea(6),
            "strategic_objectives": forms.CheckboxSelectMultiple,
        }
        field_classes = {"strategic_objectives": ModelMultipleChoiceField}
        labels = LANGUAGE_LABEL
        help_texts = LANGUAGE_HELP

    def get_initial_for_field(self, field, field_name):
        value = super().get_initial_for_field(field, field_name)
        if field_name == "contacts" and isinstance(value, list | tuple):
            return "\n".join("; ".join(part for part in contact if part) for contact in value)
        return value

    def values_from(self, plan: WorkPlan) -> dict:
        contacts = [[c.role, c.organisation, c.email] for c in plan.contacts.all()]
        return {**super().values_from(plan), "contacts": contacts}

    def clean_contacts(self) -> list[list[str]]:
        contacts = []
        for number, line in enumerate(self.cleaned_data["contacts"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(";")]
            if len(parts) < 2 or len(parts) > 3 or not parts[0] or not parts[1]:
                raise ValidationError(
                    _(
                        "Line %(number)s: write the role and the organisation, and the e-mail "
                        "address if you wish, separated by semicolons."
                    )
                    % {"number": number}
                )
            role, organisation, email = parts[0], parts[1], parts[2] if len(parts) == 3 else ""
            if len(role) > 200 or len(organisation) > 200:
                raise ValidationError(
                    _("Line %(number)s: keep the role and the organisation under 200 characters.")
                    % {"number": number}
                )
            if email:
                try:
                    validate_email(email)
                except ValidationError:
                    raise ValidationError(
                        _("Line %(number)s: “%(email)s” is not an e-mail address.")
                        % {"number": number, "email": email[:80]}
                    ) from None
            contacts.append([role, organisation, email])
        if len(contacts) > 30:
            raise ValidationError(_("Give at most 30 contacts."))
        return contacts


# --- Objectives and activities ----------------------------------------------------------------


class ObjectiveForm(EditForm):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=99)

    class Meta:
        model = Objective
        fields = ["number", "title", "description", LANGUAGE, "priority", "strategic_objectives"]
        widgets = {
            "description": _textarea(4),
            "strategic_objectives": forms.CheckboxSelectMultiple,
        }
        field_classes = {"strategic_objectives": ModelMultipleChoiceField}
        labels = LANGUAGE_LABEL
        help_texts = LANGUAGE_HELP

    def __init__(self, *args, work_plan: WorkPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["priority"].empty_label = _("No network priority")
        self.fields["strategic_objectives"].queryset = StrategicObjective.objects.all()
        if self.instance.pk is None:
            self.instance.work_plan = work_plan


class ActivityForm(EditForm):
    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "description",
            LANGUAGE,
            "host_city",
            "season",
            "start_date",
            "end_date",
            "participating_cities",
            "stakeholders",
            "outcomes",
            "is_cancelled",
        ]
        widgets = {
            "description": _textarea(4),
            "outcomes": _textarea(3),
            "start_date": DATE,
            "end_date": DATE,
            "participating_cities": forms.CheckboxSelectMultiple,
            "stakeholders": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "participating_cities": ModelMultipleChoiceField,
            "stakeholders": ModelMultipleChoiceField,
        }
        labels = {"is_cancelled": _("Cancelled"), **LANGUAGE_LABEL}
        help_texts = {
            "season": _("When there are no dates yet."),
            "outcomes": _("What came of it, once it is done."),
            **LANGUAGE_HELP,
        }

    def __init__(self, *args, objective: Objective, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host_city"].empty_label = _("No host city")
        self.fields["season"].choices = [("", _("No season")), *Activity.Season.choices]
        self.fields["host_city"].queryset = City.objects.order_by("name")
        self.fields["participating_cities"].queryset = City.objects.order_by("name")
        self.fields["stakeholders"].queryset = Stakeholder.objects.order_by("name")
        if self.instance.pk is None:
            self.instance.objective = objective
            self.instance.year = objective.work_plan.year
        year = self.instance.year
        for name in ("start_date", "end_date"):
            self.fields[name].widget.attrs.update({"min": f"{year}-01-01"})
        self.fields["start_date"].widget.attrs["max"] = f"{year}-12-31"
        self.fields["start_date"].help_text = _("A day of %(year)s.") % {"year": year}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if end and not start and "start_date" not in self.errors:
            self.add_error("start_date", _("Give the start date too, or clear the end date."))
        return cleaned


# --- Evidence ----------------------------------------------------------------------------------


class EvidenceLinkForm(forms.Form):
    """A record of one kind (the page's choice) linked as an activity's evidence."""

    def __init__(self, *args, candidates: QuerySet, label: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["record"] = forms.ModelChoiceField(
            label=label,
            queryset=candidates,
            empty_label=_("Choose one"),
        )


# --- Advocacy outputs ----------------------------------------------------------------------------


class AdvocacyForm(EditForm):
    class Meta:
        model = AdvocacyAction
        fields = [
            "kind",
            "title",
            "description",
            LANGUAGE,
            "date",
            "link",
            "stakeholders",
            "activity",
        ]
        widgets = {
            "description": _textarea(4),
            "date": DATE,
            "stakeholders": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "stakeholders": ModelMultipleChoiceField,
            "activity": ActivityChoiceField,
        }
        labels = LANGUAGE_LABEL
        help_texts = {
            "activity": _("The work plan's activity it carries out, if any."),
            **LANGUAGE_HELP,
        }

    def __init__(self, *args, year: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        year = self.instance.year if self.instance.pk else year
        self.fields["stakeholders"].queryset = Stakeholder.objects.order_by("name")
        self.fields["activity"].queryset = _activities_around(year)
        self.fields["activity"].empty_label = _("No activity")


# --- Achievements and figures ----------------------------------------------------------------


class AchievementForm(EditForm):
    class Meta:
        model = Achievement
        fields = ["title", "narrative", LANGUAGE, "activities", "advocacy_actions", "cities"]
        widgets = {
            "narrative": _textarea(8),
            "activities": forms.CheckboxSelectMultiple,
            "advocacy_actions": forms.CheckboxSelectMultiple,
            "cities": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "activities": ActivitiesField,
            "advocacy_actions": AdvocacyField,
            "cities": ModelMultipleChoiceField,
        }
        labels = {"advocacy_actions": _("Advocacy outputs"), **LANGUAGE_LABEL}
        help_texts = {
            "narrative": _(
                "Put a figure in the text by its name between braces, for example {officers}: "
                "add the figure first, then write its name here."
            ),
            **LANGUAGE_HELP,
        }

    def __init__(self, *args, year: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        year = self.instance.year if self.instance.pk else year
        self.fields["activities"].queryset = _activities_around(year)
        self.fields["advocacy_actions"].queryset = AdvocacyAction.objects.filter(
            year__in=[year - 1, year, year + 1]
        ).order_by("-year", "date", "id")
        self.fields["cities"].queryset = City.objects.order_by("name")


def measure_choices() -> list[tuple[str, str]]:
    return [(measure.code, str(measure.label)) for measure in measures()]


def parameter_choices() -> list:
    """The blank choice, then each count's own choices under its name."""
    choices: list = [("", _("All of them (or nothing to choose)"))]
    for measure in measures():
        if measure.parameters is not None:
            own = [(code, label) for code, label in measure.parameters() if code]
            if own:
                choices.append((str(measure.label), own))
    return choices


class FigureForm(EditForm):
    measure = forms.ChoiceField(label=_("What is counted"))
    parameter = forms.ChoiceField(
        label=_("Which ones"),
        required=False,
        help_text=_("Only some counts offer a choice here; the others count all."),
    )

    class Meta:
        model = AchievementFigure
        fields = ["key", "label", LANGUAGE, "measure", "parameter", "activity", "commitment"]
        field_classes = {"activity": ActivityChoiceField}
        labels = LANGUAGE_LABEL
        help_texts = {
            "activity": _("Counts about attendance, guidelines, transfers and plans use it."),
            "commitment": _("Counts about pledges use it."),
            **LANGUAGE_HELP,
        }

    def __init__(self, *args, achievement: Achievement, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = measure_choices()
        self.fields["parameter"].choices = parameter_choices()
        self.fields["activity"].queryset = _activities_around(achievement.year)
        self.fields["activity"].empty_label = _("No activity")
        self.fields["commitment"].queryset = Commitment.objects.all()
        self.fields["commitment"].empty_label = _("No commitment")

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        if not KEY.fullmatch(key):
            raise ValidationError(
                _("Use small letters, digits, hyphens or underscores only, for example officers.")
            )
        return key
