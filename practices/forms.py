from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cities.models import City
from core.fields import ModelMultipleChoiceField
from core.forms import EditForm, EditTokenForm
from core.languages import CONTENT_LANGUAGES
from objectives.models import Activity

from .models import GuidelineAuthor, Practice, Theme, Transfer

PRACTICE_FIELDS = [
    "original_language",
    "title",
    "summary",
    "description",
    "themes",
    "target_group",
    "start_year",
    "end_year",
    "funding_sources",
    "results",
    "success_factors",
    "transferability",
    "lessons_learnt",
    "contact_role",
    "strategic_objectives",
    "priority",
]


class PracticeForm(EditForm):
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: the address, a space, then its title."),
    )

    class Meta:
        model = Practice
        fields = PRACTICE_FIELDS
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "success_factors": forms.Textarea(attrs={"rows": 3}),
            "transferability": forms.Textarea(attrs={"rows": 3}),
            "lessons_learnt": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple,
            "funding_sources": forms.CheckboxSelectMultiple,
            "strategic_objectives": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "themes": ModelMultipleChoiceField,
            "funding_sources": ModelMultipleChoiceField,
            "strategic_objectives": ModelMultipleChoiceField,
        }
        help_texts = {
            "description": _(
                "Paragraphs, lists, bold, italics and links are kept; other markup is removed."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        written_in = self.fields["original_language"]
        written_in.required = False  # left out: as it was, or the interface's language
        written_in.help_text = _("The language you write this practice in.")
        if self.instance.pk is None:
            written_in.initial = get_language()

    def clean_original_language(self) -> str:
        return self.cleaned_data.get("original_language") or (
            self.instance.original_language if self.instance.pk else get_language()
        )

    def get_initial_for_field(self, field, field_name):
        value = super().get_initial_for_field(field, field_name)
        if field_name == "links" and isinstance(value, list):
            return "\n".join(f"{url} {title}" for title, url in value)
        return value

    def values_from(self, practice: Practice) -> dict:
        links = [[link.title, link.url] for link in practice.links.all()]
        return {**super().values_from(practice), "links": links}

    def clean_links(self) -> list[tuple[str, str]]:
        links, validate = [], URLValidator(schemes=["http", "https"])
        for number, line in enumerate(self.cleaned_data["links"].splitlines(), start=1):
            if not line.strip():
                continue
            url, _space, title = line.strip().partition(" ")
            try:
                validate(url)
            except ValidationError:
                raise ValidationError(
                    _("Line %(number)s does not start with a web address (https://…).")
                    % {"number": number}
                ) from None
            links.append((title.strip() or url, url))
        return links

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot be before the start year."))
        return cleaned

    def practice_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in PRACTICE_FIELDS}


class ProposeForm(PracticeForm):
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.none())

    class Meta(PracticeForm.Meta):
        fields = ["city", *PRACTICE_FIELDS]

    def __init__(self, *args, cities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        if cities.count() == 1:
            self.fields["city"].initial = cities.first()


class ReviewForm(forms.Form):
    DECISIONS = [("publish", _("Publish")), ("changes", _("Ask for changes"))]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment to the city"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when asking for changes."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "changes" and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Say what should change."))
        return cleaned


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, image (PNG, JPEG, WebP) or office document, up to 10 MB."),
    )


class TransferForm(forms.ModelForm):
    class Meta:
        model = Transfer
        fields = ["city", "stage", "adaptations", "activity"]
        widgets = {"adaptations": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, cities, practice, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice
        self.fields["city"].queryset = cities.exclude(pk=practice.city_id)
        self.fields["activity"].queryset = Activity.objects.filter(kind__in=Activity.EVENT_KINDS)
        self.fields["activity"].required = False

    def clean_city(self):
        city = self.cleaned_data["city"]
        if city.pk == self.practice.city_id:
            raise ValidationError(_("A city cannot adopt its own practice."))
        return city


class GuidelineForm(EditTokenForm):
    original_language = forms.ChoiceField(
        label=_("Language of the original"),
        choices=CONTENT_LANGUAGES,
        required=False,
        help_text=_("The language this text is written in."),
    )
    title = forms.CharField(label=_("Title"), max_length=250)
    topic = forms.CharField(label=_("Topic"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    activity = forms.ModelChoiceField(
        label=_("The activity it came from"),
        queryset=Activity.objects.all(),
        required=False,
    )
    practices = ModelMultipleChoiceField(
        label=_("Good practices it draws on"),
        queryset=Practice.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, practices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practices"].queryset = practices
        if self.edit_object is None:
            self.fields["original_language"].initial = get_language()

    def clean_original_language(self) -> str:
        return self.cleaned_data.get("original_language") or (
            self.edit_object.original_language if self.edit_object else get_language()
        )

    def values_from(self, guideline) -> dict:
        # Sections and authors are edited in formsets beside the form (companion_values).
        return {
            "original_language": guideline.original_language,
            "title": guideline.title,
            "topic": guideline.topic,
            "introduction": guideline.introduction,
            "activity": guideline.activity_id,
            "practices": list(guideline.practices.values_list("pk", flat=True)),
            "sections": [
                [section.title, section.body, [r.text for r in section.recommendations.all()]]
                for section in guideline.sections.prefetch_related("recommendations")
            ],
            "authors": [[a.role, a.city_id, a.organisation] for a in guideline.authors.all()],
        }


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Section title"), max_length=250)
    body = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )

    def clean_recommendations(self) -> list[str]:
        return [
            line.strip()
            for line in self.cleaned_data["recommendations"].splitlines()
            if line.strip()
        ]


class AuthorForm(forms.ModelForm):
    class Meta:
        model = GuidelineAuthor
        fields = ["role", "city", "organisation"]


# Capped: the posted form count is input, and Django's own cap (2,000 forms) takes seconds.
SectionFormSet = forms.formset_factory(
    SectionForm, extra=2, can_delete=True, max_num=100, absolute_max=100, validate_max=True
)
AuthorFormSet = forms.formset_factory(
    AuthorForm, extra=2, can_delete=True, max_num=50, absolute_max=50, validate_max=True
)


class FollowThemesForm(forms.Form):
    themes = ModelMultipleChoiceField(
        label=_("Themes you follow"),
        queryset=Theme.objects.order_by("code"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("A new guideline drawing on practices of these themes is announced to you."),
    )
