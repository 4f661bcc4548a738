from __future__ import annotations

from django.contrib import admin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "user", "prefix", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["city"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at"]
