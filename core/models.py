"""What the file store needs to stay consistent with the database during a backup, and the
language every written record knows it was written in."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class StorageHold(models.Model):
    """A backup in progress: while one exists, stored files are not deleted (the backup's
    snapshot may still name them); their deletions wait in PendingFileDeletion."""

    reason = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.reason} since {self.created_at:%Y-%m-%d %H:%M}"


class PendingFileDeletion(models.Model):
    """A stored file whose row is gone, deleted after the backup (or when the store answers)."""

    name = models.CharField(max_length=500)
    requested_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


def _content_language_choices():
    from .languages import CONTENT_LANGUAGES

    return CONTENT_LANGUAGES


class WrittenIn(models.Model):
    """A record whose texts were written in one language (its original); translations into
    other languages live beside it (translations app) and never replace it."""

    original_language = models.CharField(
        _("language of the original"),
        max_length=8,
        choices=_content_language_choices,
        default="en",
        help_text=_("The language this text was written in."),
    )

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        kwargs = {} if fetch_mode is None else {"fetch_mode": fetch_mode}
        instance = super().from_db(db, field_names, values, **kwargs)
        # The language as saved, so a save that leaves it alone checks nothing more
        # (translations.signals).
        instance._saved_language = instance.__dict__.get("original_language")
        return instance


def stored_language(record: WrittenIn) -> str | None:
    """The language ``record``'s stored row says, whatever a form wrote on it since it was read:
    remembered when it was read (no query), read again for a record made otherwise."""
    remembered = getattr(record, "_saved_language", None)
    if remembered or record.pk is None:
        return remembered
    return (
        type(record)
        ._default_manager.filter(pk=record.pk)
        .values_list("original_language", flat=True)
        .first()
    )
