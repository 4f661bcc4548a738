from __future__ import annotations

from django.contrib import admin

from .models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "language", "requested_by", "created_at"]
    list_filter = ["kind", "status", "language"]
    search_fields = ["title", "fingerprint"]
    readonly_fields = [
        "uid",
        "kind",
        "object_id",
        "year",
        "title",
        "requested_by",
        "language",
        "status",
        "error",
        "file",
        "fingerprint",
        "reused_from",
        "attempts",
        "render_seconds",
        "created_at",
        "started_at",
        "finished_at",
        "expires_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False
