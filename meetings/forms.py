"""Forms for meetings. They check shapes and apply the host city's time zone; services decide."""

from __future__ import annotations

from datetime import UTC, datetime, time

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cities.models import City
from core.fields import ModelMultipleChoiceField
from core.forms import EditTokenForm
from core.languages import CONTENT_LANGUAGES
from objectives.models import Activity

from .models import AgendaItem, AgendaSession, Meeting, Registration, in_zone
from .services import (
    DecisionData,
    GuestData,
    GuestInvitationData,
    ItemData,
    MeetingData,
    ParticipantData,
)

NEEDS_HELP = _("Visible to the network staff only, and deleted 30 days after the meeting.")
GUEST_NEEDS_HELP = _(
    "Only what the organisers need to welcome you. Visible to the network staff and the "
    "organisers only, and deleted 30 days after the meeting."
)


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock date and time with no zone yet: the form applies the host city's zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        # Parsed as UTC only to avoid the current zone's DST gaps; the zone is dropped again.
        with timezone.override(UTC):
            result = super().to_python(value)
        return None if result is None else result.replace(tzinfo=None)

    def validate(self, value) -> None:
        super().validate(value)
        # Far-off years cannot be moved between time zones (year 1 has no day before it).
        if value and not 2000 <= value.year <= 2100:
            raise forms.ValidationError(_("Enter a date between 2000 and 2100."), code="range")


def _date_input(**attrs) -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date", **attrs}, format="%Y-%m-%d")


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class MeetingForm(EditTokenForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=Meeting.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    activity = forms.ModelChoiceField(
        label=_("Planned activity"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("None: a meeting on its own"),
        help_text=_("The work plan's activity this meeting carries out, if any."),
    )
    host_city = forms.ModelChoiceField(
        label=_("Host city"),
        queryset=City.objects.order_by("name"),
        required=False,
        help_text=_("Times are entered and shown in the host city's time zone."),
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"), help_text=_("The last day's closing time."))
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=1,
        max_value=10000,
        required=False,
        help_text=_("Places for participants; leave empty for no limit."),
    )
    registration_deadline = LocalDateTimeField(label=_("Registration deadline"), required=False)
    guest_access = forms.ChoiceField(
        label=_("Who may register"),
        choices=Meeting.GuestAccess.choices,
        initial=Meeting.GuestAccess.OFFICERS,
        required=False,  # left out: city officers only
        widget=forms.RadioSelect,
        help_text=_(
            "Guests are people without an account (local experts, practitioners, community "
            "representatives, researchers): they register with their e-mail address. Invited "
            "guests register through a link you send or share from the meeting's guests page."
        ),
    )
    guests_need_approval = forms.BooleanField(
        label=_("The staff approve each guest before they get a place"),
        required=False,
    )
    description = forms.CharField(label=_("Description"), widget=_textarea(6), required=False)
    practical_information = forms.CharField(
        label=_("Practical information"),
        widget=_textarea(6),
        required=False,
        help_text=_("Travel, accommodation, language, how to reach the venue."),
    )
    original_language = forms.ChoiceField(
        label=_("Language of the original"),
        choices=CONTENT_LANGUAGES,
        initial="en",
        required=False,  # left out: as it was (English for a new meeting)
        help_text=_(
            "The language the title, description, practical information and agenda are "
            "written in; translations into other languages are made from them."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = (
            Activity.objects.filter(kind__in=Activity.EVENT_KINDS)
            .select_related("host_city")
            .order_by("-year", "title")
        )
        self.fields["activity"].label_from_instance = lambda a: f"{a.year} – {a.title}"

    def values_from(self, meeting: Meeting) -> dict:
        return self.initial_for_meeting(meeting)

    def clean_guest_access(self) -> str:
        return self.cleaned_data.get("guest_access") or Meeting.GuestAccess.OFFICERS

    def clean_original_language(self) -> str:
        kept = self.edit_object.original_language if self.edit_object is not None else "en"
        return self.cleaned_data.get("original_language") or kept

    def edited_values(self) -> dict:
        # Compared as the form shows them: wall-clock times, before the host city's zone.
        return {**super().edited_values(), **self.local_times}

    @staticmethod
    def initial_for_meeting(meeting: Meeting) -> dict:
        return {
            "kind": meeting.kind,
            "title": meeting.title,
            "activity": meeting.activity_id,
            "host_city": meeting.host_city_id,
            "venue": meeting.venue,
            "address": meeting.address,
            "starts_at": meeting.local(meeting.starts_at).replace(tzinfo=None),
            "ends_at": meeting.local(meeting.ends_at).replace(tzinfo=None),
            "capacity": meeting.capacity,
            "registration_deadline": meeting.registration_deadline
            and meeting.local(meeting.registration_deadline).replace(tzinfo=None),
            "guest_access": meeting.guest_access,
            "guests_need_approval": meeting.guests_need_approval,
            "description": meeting.description,
            "practical_information": meeting.practical_information,
            "original_language": meeting.original_language,
        }

    @staticmethod
    def initial_for_activity(activity: Activity) -> dict:
        """A meeting from a planned activity: its kind, title, city and dates as a start."""
        initial = {
            "activity": activity.pk,
            "kind": activity.kind,
            "title": activity.title,
            "host_city": activity.host_city_id,
            "description": activity.description,
            "original_language": activity.original_language,
        }
        if activity.start_date:
            end = activity.end_date or activity.start_date
            initial["starts_at"] = datetime.combine(activity.start_date, time(9))
            initial["ends_at"] = datetime.combine(end, time(17))
        return initial

    def clean(self):
        cleaned = super().clean()
        city = cleaned.get("host_city")
        zone = city.timezone if city else settings.TIME_ZONE
        self.local_times = {
            name: cleaned.get(name) for name in ("starts_at", "ends_at", "registration_deadline")
        }
        for name in ("starts_at", "ends_at", "registration_deadline"):
            if cleaned.get(name):
                try:
                    cleaned[name] = in_zone(cleaned[name], zone)
                except ValueError:
                    self.add_error(
                        name, _("This time does not exist there: the clocks change that night.")
                    )
        return cleaned

    def to_data(self) -> MeetingData:
        data = self.cleaned_data
        return MeetingData(
            kind=data["kind"],
            title=data["title"],
            host_city=data["host_city"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            venue=data["venue"],
            address=data["address"],
            description=data["description"],
            practical_information=data["practical_information"],
            capacity=data["capacity"],
            registration_deadline=data["registration_deadline"],
            activity=data["activity"],
            guest_access=data["guest_access"],
            guests_need_approval=data["guests_need_approval"],
            original_language=data["original_language"],
        )


class SessionForm(EditTokenForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=_textarea(3), required=False)

    def values_from(self, session: AgendaSession) -> dict:
        return {"title": session.title, "description": session.description}


class AgendaItemForm(EditTokenForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=AgendaItem.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    session = forms.ModelChoiceField(
        label=_("Session"),
        queryset=AgendaSession.objects.none(),
        required=False,
        empty_label=_("No session"),
    )
    day = forms.DateField(label=_("Day"), widget=_date_input())
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=5, max_value=24 * 60, initial=60
    )
    room = forms.CharField(
        label=_("Room or place"),
        max_length=120,
        required=False,
        help_text=_(
            "Items in the same room cannot overlap; leave empty for the main room. "
            "Parallel workshops need a room each."
        ),
    )
    description = forms.CharField(label=_("Description"), widget=_textarea(4), required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["session"].queryset = meeting.sessions.order_by("id")
        self.fields["day"].widget.attrs.update(
            min=meeting.start_date.isoformat(), max=meeting.end_date.isoformat()
        )
        self.fields["day"].help_text = _("The meeting runs %(period)s.") % {
            "period": meeting.period_label
        }

    def values_from(self, item: AgendaItem) -> dict:
        # The speakers are edited in a formset beside the form (companion_values).
        speakers = [[s.name, s.role] for s in item.speakers.all()]
        return {**self.initial_for_item(item), "speakers": speakers}

    @staticmethod
    def initial_for_item(item: AgendaItem) -> dict:
        local = item.meeting.local(item.starts_at)
        return {
            "kind": item.kind,
            "title": item.title,
            "session": item.session_id,
            "day": local.date(),
            "start_time": local.time(),
            "duration": item.duration,
            "room": item.room,
            "description": item.description,
        }

    def to_data(self, speakers: list[tuple[str, str]]) -> ItemData:
        data = self.cleaned_data
        return ItemData(
            kind=data["kind"],
            title=data["title"],
            day=data["day"],
            start_time=data["start_time"],
            duration=data["duration"],
            room=data["room"],
            description=data["description"],
            session=data["session"],
            speakers=speakers,
        )


class SpeakerForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    role = forms.CharField(
        label=_("Role"),
        max_length=200,
        required=False,
        help_text=_("For example: Head of the social housing unit, City of Braga."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") and not cleaned.get("name"):
            self.add_error("name", _("Give the speaker's name, or clear the role."))
        return cleaned


SpeakerFormSet = forms.formset_factory(
    SpeakerForm, extra=2, max_num=12, absolute_max=12, validate_max=True
)


def speakers_from(formset) -> list[tuple[str, str]]:
    return [
        (form.cleaned_data["name"], form.cleaned_data.get("role", ""))
        for form in formset.forms
        if form.cleaned_data.get("name")
    ]


class DuplicateAgendaForm(forms.Form):
    source = forms.ModelChoiceField(
        label=_("Copy the agenda of"),
        queryset=Meeting.objects.none(),
        help_text=_("Day 1 of that meeting becomes day 1 of this one; times of day are kept."),
    )

    def __init__(self, *args, sources: QuerySet[Meeting], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources
        self.fields["source"].label_from_instance = lambda m: f"{m.title} ({m.period_label})"


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, office document or image, up to 20 MB. It will be public."),
    )


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.none())
    role = forms.CharField(
        label=_("Role"),
        max_length=200,
        required=False,
        help_text=_("For example: Housing officer."),
    )
    kind = forms.ChoiceField(label=_("Comes as"), choices=Registration.Kind.choices)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Visible to the network staff only."),
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"), widget=_textarea(2), required=False, help_text=NEEDS_HELP
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"), widget=_textarea(2), required=False, help_text=NEEDS_HELP
    )

    def __init__(self, *args, user, cities: QuerySet[City], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities.order_by("name")
        if user.is_staff:
            # Staff also register network staff, guests and people from outside member cities.
            self.fields["city"].required = False
            self.fields["email"].required = False
        else:
            self.fields["kind"].choices = [
                (Registration.Kind.CITY_OFFICER, Registration.Kind.CITY_OFFICER.label),
                (Registration.Kind.LOCAL_EXPERT, Registration.Kind.LOCAL_EXPERT.label),
            ]

    def to_data(self) -> ParticipantData:
        data = self.cleaned_data
        return ParticipantData(
            name=data["name"],
            city=data["city"],
            kind=data["kind"],
            organisation=data["organisation"],
            role=data["role"],
            email=data["email"],
            dietary_needs=data["dietary_needs"],
            accessibility_needs=data["accessibility_needs"],
        )


def _participant_label(registration: Registration) -> str:
    """ "Housing officer, City of Ghent" as it is; "Ana Silva · Braga" when the name lacks it;
    a guest with their role category: "Ana Costa · Local expert (guest) · Porto, Portugal"."""
    label = registration.name or str(_("Guest whose details are erased"))
    extras = (
        (registration.comes_as, registration.place_label)
        if registration.is_guest
        else (registration.role, registration.city.name if registration.city else "")
    )
    for extra in extras:
        if extra and extra not in label:
            label = f"{label} · {extra}"
    return label


class AttendanceForm(EditTokenForm):
    attended = ModelMultipleChoiceField(
        label=_("Who came"),
        queryset=Registration.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, candidates: QuerySet[Registration], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["attended"]
        field.queryset = candidates
        field.label_from_instance = _participant_label

    def values_from(self, meeting: Meeting) -> dict:
        # A query of its own each time: the guard reads the rows again under the lock.
        attended = self.fields["attended"].queryset.filter(attended=True)
        return {"attended": list(attended.values_list("pk", flat=True))}


class OutcomesForm(EditTokenForm):
    outcomes = forms.CharField(
        label=_("Outcomes"),
        widget=_textarea(6),
        required=False,
        help_text=_("Public: shown on the meeting's page."),
    )
    minutes = forms.CharField(
        label=_("Minutes"),
        widget=_textarea(12),
        required=False,
        help_text=_("Shown to signed-in officers and staff only."),
    )

    def values_from(self, meeting: Meeting) -> dict:
        return {"outcomes": meeting.outcomes, "minutes": meeting.minutes}


class DecisionForm(EditTokenForm):
    title = forms.CharField(label=_("Decision"), max_length=300)
    description = forms.CharField(label=_("Details"), widget=_textarea(3), required=False)
    due_date = forms.DateField(label=_("Due date"), widget=_date_input(), required=False)
    cities = ModelMultipleChoiceField(
        label=_("Cities that act on it"),
        queryset=City.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Each city gets a follow-up on its workspace until it is done."),
    )

    def values_from(self, decision) -> dict:
        return {
            "title": decision.title,
            "description": decision.description,
            "due_date": decision.due_date,
            "cities": list(decision.cities.all()),
        }

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due and not 2000 <= due.year <= 2100:
            raise forms.ValidationError(_("Enter a date between 2000 and 2100."))
        return due

    def to_data(self) -> DecisionData:
        data = self.cleaned_data
        return DecisionData(
            title=data["title"],
            description=data["description"],
            due_date=data["due_date"],
            cities=list(data["cities"]),
        )


# --- Guests -------------------------------------------------------------------------------

HONEYPOT = "website"


def _country_choices() -> list[tuple[str, str]]:
    return [("", _("Choose a country")), *((c.code, c.name) for c in countries)]


class GuestRegistrationForm(forms.Form):
    """The public form of a meeting open to guests. It asks for nothing about ethnic origin;
    the page says so. ``website`` is a trap for robots: people never see it, and a form that
    fills it in is thanked and forgotten."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "We send you a link to confirm it: your registration counts once you have opened it."
        ),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    place = forms.CharField(label=_("City or town"), max_length=120)
    country = forms.ChoiceField(label=_("Country"))
    guest_category = forms.ChoiceField(
        label=_("You come as"),
        choices=Registration.GuestCategory.choices,
        widget=forms.RadioSelect,
        help_text=_("The meeting's figures count people by this, never by name."),
    )
    language = forms.ChoiceField(label=_("Language of our e-mails"), choices=settings.LANGUAGES)
    dietary_needs = forms.CharField(
        label=_("Dietary needs"), widget=_textarea(2), required=False, help_text=GUEST_NEEDS_HELP
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        widget=_textarea(2),
        required=False,
        help_text=GUEST_NEEDS_HELP,
    )
    website = forms.CharField(label=_("Leave this field empty"), max_length=200, required=False)

    def __init__(self, *args, email: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_choices()
        self.fields["language"].initial = get_language()
        if email:
            # A personal invitation is for the address it was sent to.
            self.fields["email"].initial = email

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    def to_data(self) -> GuestData:
        data = self.cleaned_data
        return GuestData(
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            place=data["place"],
            country=data["country"],
            guest_category=data["guest_category"],
            language=data["language"],
            dietary_needs=data["dietary_needs"],
            accessibility_needs=data["accessibility_needs"],
        )


class GuestInvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_(
            "A personal invitation: the portal e-mails the person a link for them alone. Leave "
            "empty for a shared link you copy and send yourself."
        ),
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    max_uses = forms.IntegerField(
        label=_("Registrations a shared link allows"),
        min_value=1,
        max_value=1000,
        required=False,
        help_text=_("For a shared link only: it stops working after this many registrations."),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("max_uses") and not self.errors:
            self.add_error("max_uses", _("Say how many registrations the shared link allows."))
        return cleaned

    def to_data(self) -> GuestInvitationData:
        data = self.cleaned_data
        return GuestInvitationData(
            email=data["email"], name=data["name"], max_uses=data["max_uses"] or 1
        )
