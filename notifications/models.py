"""A notification: one row per (recipient, kind, subject, occasion), so the same reminder is
never recorded (or sent) twice, whatever runs it twice."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import KINDS, Delivery


class Notification(models.Model):
    class Email(models.TextChoices):
        PENDING = "pending", _("To be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        DIGEST = "digest", _("Waiting for the weekly digest")
        DIGESTED = "digested", _("Sent in a weekly digest")
        SITE_ONLY = "site_only", _("Not sent by e-mail")
        FAILED = "failed", _("Could not be sent")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40)
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    # What makes a reminder about the same subject a new one: "due-2026-12-20", "week-3";
    # empty for an event that happens once (a review opened).
    occasion = models.CharField(max_length=60, blank=True)
    # The message's values (names of things, dates as ISO text), rendered in the reader's
    # language when shown or sent.
    context = models.JSONField(default=dict)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_status = models.CharField(max_length=12, choices=Email.choices, default=Email.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    email_error = models.TextField(blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject_type", "subject_id", "occasion"],
                name="one_notification_per_occasion",
            )
        ]
        indexes = [
            # A person's list, newest first, and the unread count in the header.
            models.Index(
                fields=["recipient", "read_at", "-created_at"], name="notification_inbox_idx"
            ),
            # What the delivery sweep sends next.
            models.Index(
                fields=["email_status", "next_attempt_at"], name="notification_delivery_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def message(self) -> str:
        """In the active language; the records it names in their translation into the reader's
        language where ``selectors.titles_localize`` found one."""
        kind = KINDS.get(self.kind)
        return kind.render({**self.context, **getattr(self, "titles", {})}) if kind else ""

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Preference(models.Model):
    """How a person wants one kind of notification: at once, in the weekly digest, or only on
    the site. Without a row, the kind's default holds."""

    class DeliveryChoice(models.TextChoices):
        AT_ONCE = Delivery.AT_ONCE, _("By e-mail at once")
        DIGEST = Delivery.DIGEST, _("In a weekly e-mail")
        SITE_ONLY = Delivery.SITE_ONLY, _("Only on the site")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=40)
    delivery = models.CharField(max_length=12, choices=DeliveryChoice.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"


class DigestSent(models.Model):
    """The weekly digest of one person for one week: sent once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.DateField()  # the Monday
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="one_digest_per_week")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.week}"
