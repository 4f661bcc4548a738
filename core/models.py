"""What the file store needs to stay consistent with the database during a backup."""

from __future__ import annotations

from django.db import models


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
