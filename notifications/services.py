"""Recording notifications, in the transaction of the change they tell of, and queueing their
e-mails for after it commits (``sending`` sends them); marking them read; choosing how each kind
arrives."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.todo import Todo

from .kinds import KINDS, Delivery
from .models import Notification, Preference
from .selectors import still_relevant
from .tasks import notifications_deliver
from .unread import unread_changed

INITIAL_STATUS = {
    Delivery.AT_ONCE: Notification.Email.PENDING,
    Delivery.DIGEST: Notification.Email.DIGEST,
    Delivery.SITE_ONLY: Notification.Email.SITE_ONLY,
}


def _reachable(people: Iterable) -> list:
    """Active people with an account that was not erased, each once."""
    seen: dict[int, object] = {}
    for person in people:
        if person is not None and person.is_active and person.erased_at is None:
            seen.setdefault(person.pk, person)
    return list(seen.values())


def notify(
    *,
    recipients: Iterable,
    kind: str,
    subject: models.Model,
    url: str,
    context: dict | None = None,
    occasion: str = "",
    email: bool = True,
) -> int:
    """Record a notification for each person, once per (kind, subject, occasion), in the
    caller's transaction; the e-mails are sent after it commits (``email=False``: listed on
    the site only, as the demo data's). Returns the people told."""
    people = _reachable(recipients)
    if not people:
        return 0
    if kind not in KINDS:
        raise ValueError(f"Unknown notification kind {kind!r}: register it in a notices.py.")
    deliveries = delivery_for(user_ids=[p.pk for p in people], kind=kind)
    subject_type = ContentType.objects.get_for_model(subject)
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=person,
                kind=kind,
                subject_type=subject_type,
                subject_id=subject.pk,
                occasion=occasion,
                context=context or {},
                url=url,
                email_status=INITIAL_STATUS[deliveries[person.pk]]
                if email
                else Notification.Email.SITE_ONLY,
            )
            for person in people
        ],
        ignore_conflicts=True,  # the same occasion again: already recorded
    )
    unread_changed(p.pk for p in people)
    if email:
        _deliver_after_commit()
    return len(people)


def notify_many(rows: list[tuple]) -> int:
    """Record many notifications in one write (the reminder runs): ``rows`` of (person, kind,
    subject, url, context, occasion)."""
    rows = [row for row in rows if row[0].is_active and row[0].erased_at is None]
    if not rows:
        return 0
    kinds = {row[1] for row in rows}
    people = {row[0].pk for row in rows}
    chosen = {
        (user_id, kind): delivery
        for user_id, kind, delivery in Preference.objects.filter(
            user_id__in=people, kind__in=kinds
        ).values_list("user_id", "kind", "delivery")
    }
    types = {}
    objects = []
    for person, kind, subject, url, context, occasion in rows:
        model = type(subject)
        if model not in types:
            types[model] = ContentType.objects.get_for_model(model)
        delivery = chosen.get((person.pk, kind), KINDS[kind].default)
        objects.append(
            Notification(
                recipient=person,
                kind=kind,
                subject_type=types[model],
                subject_id=subject.pk,
                occasion=occasion,
                context=context,
                url=url,
                email_status=INITIAL_STATUS[delivery],
            )  # fmt: skip
        )
    Notification.objects.bulk_create(objects, ignore_conflicts=True, batch_size=500)
    unread_changed(people)
    _deliver_after_commit()
    return len(objects)


def _deliver_after_commit() -> None:
    notifications_deliver.delay_on_commit()


def delivery_for(*, user_ids: list[int], kind: str) -> dict[int, str]:
    chosen = dict(
        Preference.objects.filter(user_id__in=user_ids, kind=kind).values_list(
            "user_id", "delivery"
        )
    )
    return {user_id: chosen.get(user_id, KINDS[kind].default) for user_id in user_ids}


# --- A person's notifications and settings ----------------------------------------------


def visible_page(notifications: list[Notification]) -> list[Notification]:
    """The notifications of a page that still hold; the others are removed for good."""
    kept, gone = [], []
    for notification in notifications:
        (kept if still_relevant(notification) else gone).append(notification.pk)
    if gone:
        Notification.objects.filter(pk__in=gone).delete()
        unread_changed({n.recipient_id for n in notifications})
    return [n for n in notifications if n.pk in set(kept)]


def mark_read(*, user, notification: Notification | None = None) -> int:
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification is not None:
        rows = rows.filter(pk=notification.pk)
    unread_changed([user.pk])
    return rows.update(read_at=timezone.now())


def preference_set(*, user, kind: str, delivery: str) -> None:
    if kind not in KINDS or delivery not in INITIAL_STATUS:
        raise ValueError(kind)
    Preference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})
    # What waits to be e-mailed follows the new choice.
    waiting = Notification.objects.filter(
        recipient=user,
        kind=kind,
        email_status__in=[Notification.Email.PENDING, Notification.Email.DIGEST],
    )
    waiting.update(email_status=INITIAL_STATUS[delivery], next_attempt_at=None)


def todos_for(*, user) -> list:
    """For staff: the e-mails the portal gave up sending (the dashboard shows the count)."""
    if not user.is_staff:
        return []
    failed = Notification.objects.filter(email_status=Notification.Email.FAILED).count()
    if not failed:
        return []
    return [
        Todo(
            group="staff",
            title=ngettext(
                "%(count)s e-mail could not be sent",
                "%(count)s e-mails could not be sent",
                failed,
            )
            % {"count": failed},
            detail=_("The mail server refused them several times; check the addresses."),
            url=reverse("admin:notifications_notification_changelist")
            + "?email_status__exact=failed",
            action=_("See them"),
            urgency=1,
        )
    ]
