from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, ActionPlan, EUTarget, Indicator, ProgressUpdate, Review


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0
    fields = ["order", "title", "status", "progress", "validated_status"]


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "city", "topic", "status", "is_public"]
    list_filter = ["status", "topic", "is_public"]
    search_fields = ["title"]
    inlines = [ActionInline]


admin.site.register(Indicator, SimpleHistoryAdmin)
admin.site.register(ProgressUpdate)
admin.site.register(Review)
admin.site.register(EUTarget)
