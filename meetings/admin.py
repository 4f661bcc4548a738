from __future__ import annotations

from django.contrib import admin

from .models import (
    AgendaItem,
    AgendaSession,
    Decision,
    FollowUp,
    Meeting,
    MeetingDocument,
    Registration,
    Speaker,
)


class SessionInline(admin.TabularInline):
    model = AgendaSession
    extra = 0


class DocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0
    readonly_fields = ["content_type", "size", "uploaded_at"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "host_city", "starts_at", "published_at"]
    list_filter = ["kind", "host_city"]
    search_fields = ["title", "slug"]
    readonly_fields = ["uid", "sequence", "created_at"]
    inlines = [SessionInline, DocumentInline]


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "starts_at", "duration", "room", "kind"]
    list_filter = ["kind", "meeting"]
    inlines = [SpeakerInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "meeting", "city", "kind", "status", "attended"]
    list_filter = ["status", "kind", "meeting"]
    search_fields = ["name", "organisation", "email"]
    readonly_fields = ["needs_purged_at", "created_at", "status_changed_at"]


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "due_date"]
    list_filter = ["meeting"]
    inlines = [FollowUpInline]
