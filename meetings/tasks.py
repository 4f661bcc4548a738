from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .models import Registration


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
    meeting = registration.meeting
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL.rstrip("/") + meeting.get_absolute_url()
        context = {"registration": registration, "meeting": meeting, "link": link}
        subject = render_to_string("meetings/email/promoted_subject.txt", context).strip()
        body = render_to_string("meetings/email/promoted_body.txt", context)
    send_mail(subject, body, None, [registration.email])
