"""What meetings notify about: a meeting published (to its host city's officers), its agenda
changed once published (to the people registered, once a day at most), a registration confirmed,
put on the waiting list, given a place or cancelled (to the person, with the meeting's .ics), and
the daily reminders: meetings in 7 days and tomorrow, follow-ups due in 7 days and overdue."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.models import CityMembership
from notifications.kinds import register_kinds, reminder
from notifications.sending import ATTACHMENTS
from notifications.services import notify, notify_many

from .calendar import calendar_name, meetings_calendar
from .models import FollowUp, Meeting, Registration

MEETING_REMINDERS = (7, 1)  # days before a meeting
FOLLOWUP_AHEAD = 7


def _meeting_visible(user, meeting) -> bool:
    return meeting.is_published or user.is_staff


def _registration_visible(user, registration) -> bool:
    return registration.user_id == user.pk and registration.meeting.is_published


def _registration_titled(registration) -> dict:
    return {"meeting": registration.meeting}


def _followup_visible(user, followup) -> bool:
    return (
        user.is_staff or CityMembership.objects.filter(user=user, city_id=followup.city_id).exists()
    )


register_kinds(
    ("meeting_published", _("Meeting published"),
     _("%(meeting)s (%(period)s) is published: registration is open.")),
    ("agenda_changed", _("Agenda changed"), _("The agenda of %(meeting)s changed.")),
    ("meeting_soon", _("Meeting coming up"), _("%(meeting)s starts on %(start_date)s.")),
    visible=_meeting_visible, titles=lambda meeting: {"meeting": meeting},
)  # fmt: skip
register_kinds(
    ("registration_confirmed", _("Registration confirmed"),
     _("%(name)s has a place at %(meeting)s (%(period)s).")),
    ("registration_waiting", _("On the waiting list"),
     _("%(meeting)s is full: %(name)s is on the waiting list and hears as soon as a place frees.")),
    ("registration_promoted", _("A place freed up"),
     _("A place freed up: %(name)s now has a place at %(meeting)s (%(period)s).")),
    visible=_registration_visible, titles=_registration_titled,
)  # fmt: skip
register_kinds(
    ("registration_cancelled", _("Registration cancelled"),
     _("The registration of %(name)s for %(meeting)s is cancelled.")),
    # Its person hears of it even once the meeting is no longer public.
    visible=lambda user, registration: registration.user_id == user.pk,
    titles=_registration_titled,
)  # fmt: skip
register_kinds(
    ("followup_due", _("Follow-up of a meeting due"),
     _("%(city)s: “%(decision)s” is due on %(due_date)s.")),
    ("followup_late", _("Follow-up of a meeting late"),
     _("%(city)s: “%(decision)s” was due on %(due_date)s.")),
    visible=_followup_visible,
)  # fmt: skip


def registration_ics(registration: Registration) -> list[tuple[str, bytes, str]]:
    """The meeting's .ics, attached to the e-mails about a place."""
    meeting = registration.meeting
    site = settings.SITE_URL.rstrip("/")
    body = meetings_calendar(
        [meeting],
        name=calendar_name(meeting),
        url_for=lambda m: site + m.get_absolute_url(),
        calendar_url=site + reverse("meetings:meeting_calendar", kwargs={"slug": meeting.slug}),
    )
    return [(f"{meeting.slug}.ics", body, "text/calendar")]


for _kind in ("registration_confirmed", "registration_waiting", "registration_promoted"):
    ATTACHMENTS[_kind] = registration_ics


def _context(meeting: Meeting, **extra) -> dict:
    city = meeting.host_city.name if meeting.host_city_id else ""
    return {"meeting": meeting.title, "period": meeting.period_label, "city": city, **extra}


def _registered_people(meeting: Meeting) -> list:
    registrations = meeting.registrations.exclude(status=Registration.Status.CANCELLED)
    return [r.user for r in registrations.filter(user__isnull=False).select_related("user")]


def meeting_published(meeting: Meeting) -> None:
    officers = CityMembership.objects.filter(city_id=meeting.host_city_id).select_related("user")
    notify(
        recipients=[m.user for m in officers],
        kind="meeting_published",
        subject=meeting,
        url=meeting.get_absolute_url(),
        context=_context(meeting),
    )


def agenda_changed(meeting: Meeting) -> None:
    """Once a day at most, however many items staff move."""
    notify(
        recipients=_registered_people(meeting),
        kind="agenda_changed",
        subject=meeting,
        url=meeting.get_absolute_url(),
        context=_context(meeting),
        occasion=f"agenda-{timezone.localdate()}",
    )


KIND_OF_STATUS = {
    Registration.Status.CONFIRMED: "registration_confirmed",
    Registration.Status.WAITING: "registration_waiting",
}


def registration_changed(registration: Registration, *, kind: str | None = None) -> None:
    """Tell the person registered (an account's own registration) what became of it."""
    kind = kind or KIND_OF_STATUS.get(registration.status, "registration_cancelled")
    meeting = registration.meeting
    notify(
        recipients=[registration.user] if registration.user_id else [],
        kind=kind,
        subject=registration,
        url=meeting.get_absolute_url(),
        context=_context(meeting, name=registration.name),
        occasion=f"{registration.status}-{registration.status_changed_at:%Y%m%d%H%M%S}",
    )


# --- Daily reminders --------------------------------------------------------------------


@reminder
def meetings_soon(*, today: date) -> int:
    """Meetings starting in 7 days or tomorrow (in the host city's calendar), to the people
    registered: a fixed number of queries."""
    window = [today + timedelta(days=days) for days in MEETING_REMINDERS]
    start = timezone.now() - timedelta(days=1)
    meetings = [
        m
        for m in Meeting.objects.filter(
            published_at__isnull=False,
            starts_at__gte=start,
            starts_at__lte=start + timedelta(days=max(MEETING_REMINDERS) + 3),
        ).select_related("host_city")
        if m.start_date in window
    ]
    registrations = (
        Registration.objects.filter(meeting__in=meetings, user__isnull=False)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
    )
    by_meeting: dict[int, list] = {}
    for registration in registrations:
        by_meeting.setdefault(registration.meeting_id, []).append(registration.user)
    rows = []
    for meeting in meetings:
        days = (meeting.start_date - today).days
        context = _context(meeting, start_date=meeting.start_date.isoformat())
        rows += [
            (person, "meeting_soon", meeting, meeting.get_absolute_url(), context, f"in-{days}")
            for person in by_meeting.get(meeting.pk, [])
        ]
    return notify_many(rows)


@reminder
def followups_due(*, today: date) -> int:
    """Open follow-ups due in 7 days, and the day after their date, to their city's officers."""
    followups = list(
        FollowUp.objects.filter(
            status=FollowUp.Status.OPEN,
            decision__due_date__in=[
                today + timedelta(days=FOLLOWUP_AHEAD),
                today - timedelta(days=1),
            ],
        ).select_related("decision__meeting", "city")
    )
    officers: dict[int, list] = {}
    for membership in CityMembership.objects.filter(
        city_id__in={f.city_id for f in followups}
    ).select_related("user"):
        officers.setdefault(membership.city_id, []).append(membership.user)
    rows = []
    url = reverse("workspace:home")
    for followup in followups:
        due = followup.decision.due_date
        kind = "followup_late" if due < today else "followup_due"
        context = {
            "city": followup.city.name,
            "decision": followup.decision.title,
            "due_date": due.isoformat(),
        }
        rows += [
            (person, kind, followup, url, context, kind)
            for person in officers.get(followup.city_id, [])
        ]
    return notify_many(rows)
