"""Guests without an account: the links in their e-mails and the e-mails themselves.

A guest proves who they are by the links the portal e-mails them: a confirmation link (a week)
and a link to see or cancel their registration (until their details are erased). Both are signed
and hold the registration's own secret (``guest_key``), which erasure blanks: an old link then
opens nothing. Guests get no notification rows (those are for accounts): each e-mail is sent by
a task, in the language they chose, with the links and, about a place, the meeting's .ics.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from translations.reading import localized

from .models import GUEST_CONFIRMATION_TIME, GuestInvitation, Registration
from .notices import registration_ics

CONFIRM_SALT = "meetings.guest.confirm"
REGISTRATION_SALT = "meetings.guest.registration"

# What the e-mails are about: a status the registration took, or an occasion.
EVENTS = {
    "confirm",  # confirm your address
    "again",  # the form was sent again for this address: here are your links
    "awaiting_approval",
    "confirmed",
    "waiting",
    "promoted",
    "declined",
    "cancelled",
}
# E-mails about a place carry the meeting's calendar file.
WITH_CALENDAR = {"confirmed", "waiting", "promoted"}


def confirm_token(registration: Registration) -> str:
    return signing.dumps([registration.pk, registration.guest_key], salt=CONFIRM_SALT)


def registration_token(registration: Registration) -> str:
    return signing.Signer(salt=REGISTRATION_SALT).sign_object(
        [registration.pk, registration.guest_key]
    )


def _registration(value) -> Registration | None:
    if not (isinstance(value, list) and len(value) == 2):
        return None
    pk, key = value
    if not isinstance(pk, int) or not isinstance(key, str) or not key:
        return None
    return (
        Registration.objects.select_related("meeting__host_city", "city", "invitation")
        .filter(pk=pk, guest_key=key, self_registered=True)
        .first()
    )


def registration_for_confirm_token(token: str) -> Registration | None:
    """The registration a confirmation link names, while the link is valid (a week)."""
    try:
        value = signing.loads(
            token, salt=CONFIRM_SALT, max_age=GUEST_CONFIRMATION_TIME.total_seconds()
        )
    except (signing.BadSignature, ValueError):
        return None
    return _registration(value)


def registration_for_token(token: str) -> Registration | None:
    """The registration a guest's own link names, or None."""
    try:
        value = signing.Signer(salt=REGISTRATION_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return _registration(value)


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def email_language(registration: Registration) -> str:
    """The language a person registered without an account reads the portal's e-mails in."""
    languages = dict(settings.LANGUAGES)
    return registration.language if registration.language in languages else settings.LANGUAGE_CODE


def guest_message(registration: Registration, event: str) -> EmailMessage:
    """The e-mail telling a guest about their registration, in the language they chose (the
    meeting's title too, and its calendar file, where it has a translation into it): always
    with the link to see or cancel it."""
    if event not in EVENTS:
        raise ValueError(f"Unknown guest e-mail {event!r}")
    language = email_language(registration)
    meeting = localized(registration.meeting, language)
    with translation.override(language):
        token = registration_token(registration)
        context = {
            "registration": registration,
            "meeting": meeting,
            "event": event,
            "meeting_link": _absolute(meeting.get_absolute_url()),
            "registration_link": _absolute(
                reverse("meetings:guest_registration", kwargs={"token": token})
            ),
            "cancel_link": _absolute(reverse("meetings:guest_cancel", kwargs={"token": token})),
            "confirm_link": _absolute(
                reverse("meetings:guest_confirm", kwargs={"token": confirm_token(registration)})
            )
            if registration.status == Registration.Status.PENDING
            else "",
            "confirmation_days": GUEST_CONFIRMATION_TIME.days,
        }
        subject = render_to_string("meetings/email/guest_subject.txt", context).strip()
        body = render_to_string("meetings/email/guest_body.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[registration.email])
    calendar = event in WITH_CALENDAR or (
        event == "again"
        and registration.status in (Registration.Status.CONFIRMED, Registration.Status.WAITING)
    )
    if calendar:
        for name, content, mimetype in registration_ics(registration):
            message.attach(name, content, mimetype)
    return message


def invitation_message(invitation: GuestInvitation) -> EmailMessage:
    """A personal invitation: the link to the meeting's guest form, in the portal's default
    language (the guest chooses theirs on the form)."""
    meeting = localized(invitation.meeting, settings.LANGUAGE_CODE)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "meeting": meeting,
            "link": _absolute(invitation.get_absolute_url()),
            "meeting_link": _absolute(meeting.get_absolute_url()),
        }
        subject = render_to_string("meetings/email/guest_invitation_subject.txt", context).strip()
        body = render_to_string("meetings/email/guest_invitation_body.txt", context)
    return EmailMessage(subject=subject, body=body, to=[invitation.email])
