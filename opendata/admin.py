from __future__ import annotations

from django.contrib import admin

from .models import DataBundle


@admin.register(DataBundle)
class DataBundleAdmin(admin.ModelAdmin):
    list_display = ["built_at", "size", "file"]
    readonly_fields = ["file", "size", "contents", "built_at"]
