"""Recording notifications and delivering them: at once, in the weekly digest, or only on the
site; retried after a failure, never twice."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from translations.reading import localize

from .kinds import KINDS, Delivery
from .models import DigestSent, Notification, Preference

logger = logging.getLogger(__name__)

# A claimed row not marked sent after this long was lost with its worker: it is sent again.
SENDING_LEASE = timedelta(minutes=10)
# After this many failed attempts an e-mail is given up and shown to staff.
MAX_ATTEMPTS = 6
DELIVERY_BATCH = 200
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 365  # an unsubscribe link works for a year
# The weekly digest goes out on Monday morning, in the person's own time zone.
DIGEST_WEEKDAY, DIGEST_FROM_HOUR, DIGEST_UNTIL_HOUR = 0, 7, 12

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
    _deliver_after_commit()
    return len(objects)


def _deliver_after_commit() -> None:
    from .tasks import notifications_deliver

    notifications_deliver.delay_on_commit()


def delivery_for(*, user_ids: list[int], kind: str) -> dict[int, str]:
    chosen = dict(
        Preference.objects.filter(user_id__in=user_ids, kind=kind).values_list(
            "user_id", "delivery"
        )
    )
    return {user_id: chosen.get(user_id, KINDS[kind].default) for user_id in user_ids}


# --- Who may still read it --------------------------------------------------------------


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


def visible_page(notifications: list[Notification]) -> list[Notification]:
    """The notifications of a page that still hold; the others are removed for good."""
    kept, gone = [], []
    for notification in notifications:
        (kept if still_relevant(notification) else gone).append(notification.pk)
    if gone:
        Notification.objects.filter(pk__in=gone).delete()
    return [n for n in notifications if n.pk in set(kept)]


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(*, user, notification: Notification | None = None) -> int:
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification is not None:
        rows = rows.filter(pk=notification.pk)
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


# --- Unsubscribing by a link in the e-mail ----------------------------------------------


def unsubscribe_token(*, user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """(user id, kind), or signing.BadSignature (tampered) / SignatureExpired (too old)."""
    payload = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    if not isinstance(payload, dict) or payload.get("k") not in KINDS:
        raise signing.BadSignature("not a token of ours")
    return int(payload["u"]), payload["k"]


# --- Sending ----------------------------------------------------------------------------


def _due(now: datetime) -> Q:
    pending = Q(email_status=Notification.Email.PENDING) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    lost = Q(email_status=Notification.Email.SENDING, next_attempt_at__lte=now)
    return pending | lost


def deliver_pending(*, now: datetime | None = None, limit: int = DELIVERY_BATCH) -> int:
    """Send what is due, each row claimed first so that two workers never send it twice.
    Safe to run at any time and as often as wanted; returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for pk in Notification.objects.filter(_due(now)).values_list("pk", flat=True)[:limit]:
        claimed = Notification.objects.filter(_due(now), pk=pk).update(
            email_status=Notification.Email.SENDING,
            next_attempt_at=now + SENDING_LEASE,
            attempts=F("attempts") + 1,
        )
        if claimed and _send_one(pk, now=now):
            sent += 1
    return sent


def _language(user) -> str:
    languages = dict(settings.LANGUAGES)
    return user.language if user.language in languages else settings.LANGUAGE_CODE


LANGUAGE_PREFIX = re.compile(r"^/[a-z]{2}/")


def in_language(path: str, language: str) -> str:
    """The same page in the reader's language: "/en/workspace/…" becomes "/fr/workspace/…"."""
    return LANGUAGE_PREFIX.sub(f"/{language}/", path, count=1)


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _message_for(notification: Notification) -> EmailMultiAlternatives:
    person = notification.recipient
    kind = KINDS[notification.kind]
    with translation.override(_language(person)):
        titles_localize([notification], _language(person))
        unsubscribe = _absolute(
            reverse(
                "notifications:unsubscribe",
                kwargs={"token": unsubscribe_token(user=person, kind=notification.kind)},
            )
        )
        context = {
            "notification": notification,
            "kind": kind,
            "message": notification.message,
            "link": _absolute(in_language(notification.url, _language(person))),
            "settings_link": _absolute(reverse("notifications:settings")),
            "unsubscribe_link": unsubscribe,
        }
        subject = render_to_string("notifications/email/subject.txt", context).strip()
        text = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[person.email],
        headers={
            # RFC 8058: mail clients show an "unsubscribe" button that posts to this address.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments_for(notification):
        message.attach(name, content, mimetype)
    return message


# Apps add files to their notifications' e-mails (a meeting's .ics): kind -> callable.
ATTACHMENTS: dict = {}


def attachments_for(notification: Notification) -> list[tuple[str, bytes, str]]:
    make = ATTACHMENTS.get(notification.kind)
    return make(notification.subject) if make else []


def _send_one(pk: int, *, now: datetime) -> bool:
    notification = (
        Notification.objects.select_related("recipient", "subject_type").filter(pk=pk).first()
    )
    if notification is None:
        return False
    if not still_relevant(notification):
        notification.delete()
        return False
    try:
        _message_for(notification).send()
    except Exception as error:  # SMTP down, refused, a bug: kept and tried again later
        logger.warning(
            "Notification %s not sent (attempt %s): %s", pk, notification.attempts, error
        )
        failed = notification.attempts >= MAX_ATTEMPTS
        Notification.objects.filter(pk=pk).update(
            email_status=Notification.Email.FAILED if failed else Notification.Email.PENDING,
            next_attempt_at=None if failed else now + _backoff(notification.attempts),
            email_error=f"{type(error).__name__}: {error}"[:500],
        )
        return False
    Notification.objects.filter(pk=pk).update(
        email_status=Notification.Email.SENT, emailed_at=timezone.now(), email_error=""
    )
    return True


def _backoff(attempts: int) -> timedelta:
    """1, 4, 16, 64 minutes... capped at a day."""
    return timedelta(minutes=min(4 ** max(attempts - 1, 0), 24 * 60))


# --- The weekly digest ------------------------------------------------------------------


def person_zone(user) -> ZoneInfo:
    """A person's time zone: their (first) city's, else the network's."""
    membership = user.city_memberships.select_related("city").order_by("city__name").first()
    name = membership.city.timezone if membership else settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def digests_send(*, now: datetime | None = None) -> int:
    """Hourly: the weekly digest of everyone whose Monday morning it is, once a week."""
    now = now or timezone.now()
    waiting = (
        Notification.objects.filter(email_status=Notification.Email.DIGEST)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    from django.contrib.auth import get_user_model

    sent = 0
    for person in get_user_model().objects.filter(pk__in=list(waiting)):
        local = now.astimezone(person_zone(person))
        if local.weekday() != DIGEST_WEEKDAY or not (
            DIGEST_FROM_HOUR <= local.hour < DIGEST_UNTIL_HOUR
        ):
            continue
        if _digest_one(person, week=local.date()):
            sent += 1
    return sent


def _digest_one(person, *, week: date) -> bool:
    try:
        with transaction.atomic():
            DigestSent.objects.create(user=person, week=week)  # the claim: once a week
            rows = [
                n
                for n in Notification.objects.filter(
                    recipient=person, email_status=Notification.Email.DIGEST
                )
                .select_related("subject_type", "recipient")
                .prefetch_related("subject")
                .order_by("created_at")
                if still_relevant(n)
            ]
            if not rows:
                return False
            _digest_message(person, rows).send()
            Notification.objects.filter(pk__in=[n.pk for n in rows]).update(
                email_status=Notification.Email.DIGESTED, emailed_at=timezone.now()
            )
    except IntegrityError:
        return False  # someone else sent this week's digest
    except Exception as error:  # SMTP down: the claim is rolled back, next hour tries again
        logger.warning("Digest of %s not sent: %s", person.pk, error)
        return False
    return True


def digest_groups(rows: list[Notification]) -> list[tuple[str, list[tuple[str, list]]]]:
    """(city, [(kind label, notifications)]) in a stable order: what the digest shows."""
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        kind = KINDS[row.kind]
        grouped[row.context.get("city", "")][str(kind.label)].append(row)
    return [
        (city, sorted(kinds.items())) for city, kinds in sorted(grouped.items(), key=lambda i: i[0])
    ]


def _digest_message(person, rows: list[Notification]) -> EmailMultiAlternatives:
    with translation.override(_language(person)):
        titles_localize(rows, _language(person))
        for row in rows:
            row.url = in_language(row.url, _language(person))
        context = {
            "groups": digest_groups(rows),
            "count": len(rows),
            "site": settings.SITE_URL.rstrip("/"),
            "settings_link": _absolute(reverse("notifications:settings")),
        }
        subject = render_to_string("notifications/email/digest_subject.txt", context).strip()
        text = render_to_string("notifications/email/digest.txt", context)
        html = render_to_string("notifications/email/digest.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[person.email])
    message.attach_alternative(html, "text/html")
    return message


def todos_for(*, user) -> list:
    """For staff: the e-mails the portal gave up sending (the dashboard shows the count)."""
    from core.todo import Todo

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
