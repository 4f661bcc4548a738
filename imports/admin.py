from __future__ import annotations

from django.contrib import admin

from .models import DataImport


@admin.register(DataImport)
class DataImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "kind", "plan", "status", "created_by", "created_at"]
    list_filter = ["kind", "status"]
    readonly_fields = ["uid", "rows", "edit_token", "created_at", "applied_at"]
