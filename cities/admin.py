from __future__ import annotations

from django.contrib import admin

from .forms import NAME_LANGUAGES, CityAdminForm
from .models import City, CityMembership, Invitation, Pledge


class PledgeInline(admin.TabularInline):
    model = Pledge
    extra = 0


class MembershipInline(admin.TabularInline):
    model = CityMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    form = CityAdminForm
    list_display = ["name", "country", "membership"]
    list_filter = ["membership", "country"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline, PledgeInline]

    def get_fields(self, request, obj=None):
        # The names in other languages just under the name.
        names = [f"name_{code}" for code in NAME_LANGUAGES]
        fields = [f for f in super().get_fields(request, obj) if f not in names]
        at = fields.index("name") + 1 if "name" in fields else 0
        return [*fields[:at], *names, *fields[at:]]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "city", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "city"]
    search_fields = ["email"]
    readonly_fields = ["token", "invited_by", "created_at", "accepted_at"]
