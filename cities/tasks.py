from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Invitation


@shared_task(
    acks_late=True,
    time_limit=60,
    soft_time_limit=45,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def invitation_send(invitation_id: int) -> None:
    """E-mail the invitation link. Safe to repeat: it only sends a message."""
    invitation = Invitation.objects.select_related("city").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_usable:
        return
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL.rstrip("/") + reverse(
            "cities:invitation_accept", kwargs={"token": invitation.token}
        )
        context = {"invitation": invitation, "link": link}
        subject = render_to_string("cities/email/invitation_subject.txt", context).strip()
        body = render_to_string("cities/email/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])
