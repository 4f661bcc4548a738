"""Reading notifications: which still hold (their person can be reached and still sees their
subject), the records their messages name by title in the reader's language, a person's list and
unread count."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from translations.reading import localize

from .kinds import KINDS
from .models import Notification


def still_relevant(notification: Notification) -> bool:
    """The person can still be reached and still see the subject; otherwise the notification
    is neither sent nor listed."""
    person = notification.recipient
    if not person.is_active or person.erased_at is not None:
        return False
    kind = KINDS.get(notification.kind)
    subject = notification.subject
    return kind is not None and subject is not None and kind.visible(person, subject)


def titles_localize(notifications: Iterable[Notification], language: str) -> None:
    """The records the messages name (a practice, a meeting, a plan) by their title in
    ``language`` where they have a translation into it; else as recorded when notified. One
    query per kind of record, however many notifications (their subjects already read)."""
    named = []
    for notification in notifications:
        kind = KINDS.get(notification.kind)
        subject = notification.subject if kind is not None and kind.titles else None
        if subject is not None:
            records = {name: r for name, r in kind.titles(subject).items() if r is not None}
            named.append((notification, records))
    localize([record for _n, records in named for record in records.values()], language)
    for notification, records in named:
        notification.titles = {
            name: record.title
            for name, record in records.items()
            if record.shown.translated and record.shown.language == language
        }


def notifications_for(*, user) -> models.QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).prefetch_related("subject")
