from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import transaction

from .experts import external_reviewers_purge as purge
from .experts import link_create, link_message
from .models import ExternalReviewer


@shared_task(
    acks_late=True,
    time_limit=60,
    soft_time_limit=45,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def expert_link_send(reviewer_id: int, occasion: str) -> None:
    """E-mail an invited expert a new single-use sign-in link. The link is made here, so its
    token exists only in the e-mail (the database keeps its hash)."""
    reviewer = (
        ExternalReviewer.objects.select_related("review__plan__city").filter(pk=reviewer_id).first()
    )
    if reviewer is None or not reviewer.email or not reviewer.has_access:
        return  # revoked, erased or the review closed since it was queued
    with transaction.atomic():
        token = link_create(reviewer)
        # Sent inside the transaction: a failed e-mail leaves no link behind.
        link_message(reviewer, token=token, occasion=occasion).send()


@shared_task(acks_late=True, time_limit=300, soft_time_limit=240)
def external_reviewers_purge() -> int:
    """Daily: erase invited experts' names and addresses GUEST_CONTACT_RETENTION_MONTHS after
    their access ended. Safe to repeat."""
    return purge(months=settings.GUEST_CONTACT_RETENTION_MONTHS)
