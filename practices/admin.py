from __future__ import annotations

from django.contrib import admin

from .models import (
    Guideline,
    GuidelineAuthor,
    GuidelineSection,
    Practice,
    PracticeAttachment,
    PracticeEvent,
    PracticeLink,
    Transfer,
)
from .search import practices_search_index


class LinkInline(admin.TabularInline):
    model = PracticeLink
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = PracticeAttachment
    extra = 0
    readonly_fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]


class EventInline(admin.TabularInline):
    model = PracticeEvent
    extra = 0
    readonly_fields = ["from_status", "to_status", "comment", "by", "at"]
    can_delete = False


class TransferInline(admin.TabularInline):
    model = Transfer
    fk_name = "practice"
    extra = 0


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "city", "status", "published_at"]
    list_filter = ["status", "themes", "city__country"]
    search_fields = ["title", "summary"]
    readonly_fields = ["status", "published_at", "created_by"]
    filter_horizontal = ["themes", "funding_sources", "strategic_objectives"]
    inlines = [LinkInline, AttachmentInline, TransferInline, EventInline]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        practices_search_index(practice_ids=[obj.pk])  # the library searches what is saved


class SectionInline(admin.StackedInline):
    model = GuidelineSection
    extra = 0


class AuthorInline(admin.TabularInline):
    model = GuidelineAuthor
    extra = 0


@admin.register(Guideline)
class GuidelineAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at"]
    list_filter = ["status"]
    filter_horizontal = ["practices"]
    inlines = [AuthorInline, SectionInline]
