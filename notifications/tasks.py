"""The notifications' background work: sending what is due, the daily reminders, the weekly
digests. Each calls ``sending`` or the apps' reminders, never ``services`` (which queues them)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from .kinds import REMINDERS
from .sending import deliver_pending, digests_send


@shared_task(acks_late=True, time_limit=300, soft_time_limit=240)
def notifications_deliver() -> int:
    """Send the e-mails that are due (new ones, and retries after a failure). Safe to repeat:
    each row is claimed before it is sent."""
    return deliver_pending()


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def notifications_remind() -> int:
    """Daily: every app's reminders (updates due, reviews closing, meetings, follow-ups...).
    Safe to repeat: a reminder is recorded once per occasion."""
    today = timezone.localdate()
    return sum(remind(today=today) for remind in REMINDERS)


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def notifications_digest() -> int:
    """Hourly: the weekly digests of everyone whose Monday morning it is."""
    return digests_send()
