from __future__ import annotations

from django.contrib import admin

from .models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    NetworkPriority,
    Objective,
    Stakeholder,
    StrategicObjective,
    WorkPlan,
    WorkPlanContact,
)


class ContactInline(admin.TabularInline):
    model = WorkPlanContact
    extra = 0


@admin.register(WorkPlan)
class WorkPlanAdmin(admin.ModelAdmin):
    list_display = ["year", "is_published"]
    filter_horizontal = ["strategic_objectives"]
    inlines = [ContactInline]


class ActivityInline(admin.StackedInline):
    model = Activity
    extra = 0
    fields = [
        "order",
        "year",
        "kind",
        "title",
        "host_city",
        "season",
        "start_date",
        "end_date",
        "is_cancelled",
    ]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "work_plan", "priority"]
    list_filter = ["work_plan"]
    filter_horizontal = ["strategic_objectives"]
    inlines = [ActivityInline]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "year", "host_city", "is_cancelled"]
    list_filter = ["kind", "year", "is_cancelled"]
    search_fields = ["title"]
    filter_horizontal = ["participating_cities"]


class FigureInline(admin.TabularInline):
    model = AchievementFigure
    extra = 0


@admin.register(Achievement)
class AchievementAdmin(admin.ModelAdmin):
    list_display = ["year", "number", "title"]
    list_filter = ["year"]
    filter_horizontal = ["activities", "advocacy_actions", "cities"]
    inlines = [FigureInline]


@admin.register(AdvocacyAction)
class AdvocacyActionAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "year"]
    list_filter = ["kind", "year"]
    filter_horizontal = ["stakeholders"]


admin.site.register(NetworkPriority)
admin.site.register(StrategicObjective)
admin.site.register(Stakeholder)
