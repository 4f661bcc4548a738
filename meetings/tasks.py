from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from translations.reading import localized

from .guests import email_language, guest_message, invitation_message
from .models import GuestInvitation, Registration


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def participant_needs_purge() -> int:
    """Daily: delete participants' dietary and accessibility needs 30 days after a meeting.

    Safe to repeat: a second run finds nothing left to clear.
    """
    return Registration.objects.purge_expired_needs()


@shared_task(
    acks_late=True,
    time_limit=60,
    soft_time_limit=45,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def registration_promoted_notify(registration_id: int) -> None:
    """Tell someone from the waiting list that they have a place. Safe to repeat."""
    registration = (
        Registration.objects.select_related("meeting__host_city")
        .filter(pk=registration_id, status=Registration.Status.CONFIRMED)
        .first()
    )
    if registration is None or not registration.email:
        return
    language = email_language(registration)
    meeting = localized(registration.meeting, language)
    with translation.override(language):
        link = settings.SITE_URL.rstrip("/") + meeting.get_absolute_url()
        context = {"registration": registration, "meeting": meeting, "link": link}
        subject = render_to_string("meetings/email/promoted_subject.txt", context).strip()
        body = render_to_string("meetings/email/promoted_body.txt", context)
    send_mail(subject, body, None, [registration.email])


@shared_task(
    acks_late=True,
    time_limit=60,
    soft_time_limit=45,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def guest_email_send(registration_id: int, event: str) -> None:
    """Tell a guest (no account) what became of their registration, with their links."""
    registration = (
        Registration.objects.select_related("meeting__host_city", "city")
        .filter(pk=registration_id, self_registered=True)
        .first()
    )
    if registration is None or not registration.email:
        return  # erased, or deleted unconfirmed, since the e-mail was queued
    guest_message(registration, event).send()


@shared_task(
    acks_late=True,
    time_limit=60,
    soft_time_limit=45,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def guest_invitation_send(invitation_id: int) -> None:
    """E-mail a personal invitation to register for a meeting as a guest."""
    invitation = (
        GuestInvitation.objects.select_related("meeting__host_city")
        .filter(pk=invitation_id, revoked_at__isnull=True)
        .exclude(email="")
        .first()
    )
    if invitation is None:
        return
    invitation_message(invitation).send()


@shared_task(acks_late=True, time_limit=300, soft_time_limit=240)
def guest_data_purge() -> dict[str, int]:
    """Daily: guest registrations never confirmed are deleted after a week; who guests were
    (name, e-mail address, organisation) is erased GUEST_CONTACT_RETENTION_MONTHS after their
    meeting. Safe to repeat: a second run finds nothing left."""
    return {
        "unconfirmed_deleted": Registration.objects.unconfirmed_guests_delete(),
        "guests_erased": Registration.objects.guest_contacts_purge(
            months=settings.GUEST_CONTACT_RETENTION_MONTHS
        ),
    }
