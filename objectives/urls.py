from __future__ import annotations

from django.urls import path, register_converter

from . import views, workspace_views
from .converters import YearConverter

register_converter(YearConverter, "year")

app_name = "objectives"

w = workspace_views
urlpatterns = [
    # Public.
    path("work-plans/", views.work_plan_list, name="work_plans"),
    path("work-plans/<year:year>/", views.work_plan_page, name="work_plan"),
    path("achievements/<year:year>/", views.achievements_page, name="achievements"),
    # Network staff plan the year.
    path("workspace/work-plans/", w.plan_list, name="workspace_list"),
    path("workspace/work-plans/start-next/", w.plan_start_next, name="work_plan_start_next"),
    path("workspace/work-plans/<year:year>/", w.plan_page, name="work_plan_manage"),
    path("workspace/work-plans/<year:year>/edit/", w.plan_edit, name="work_plan_edit"),
    path("workspace/work-plans/<year:year>/publish/", w.plan_publish, name="work_plan_publish"),
    path("workspace/work-plans/<year:year>/preview/", w.plan_preview, name="work_plan_preview"),
    path("workspace/work-plans/<year:year>/history/", w.plan_history, name="work_plan_history"),
    path("workspace/work-plans/<year:year>/objectives/new/", w.objective_new, name="objective_new"),
    path("workspace/work-plans/objectives/<int:pk>/edit/", w.objective_edit, name="objective_edit"),
    path(
        "workspace/work-plans/objectives/<int:pk>/delete/",
        w.objective_delete,
        name="objective_delete",
    ),
    path(
        "workspace/work-plans/objectives/<int:pk>/activities/new/",
        w.activity_new,
        name="activity_new",
    ),
    path("workspace/work-plans/activities/<int:pk>/edit/", w.activity_edit, name="activity_edit"),
    path(
        "workspace/work-plans/activities/<int:pk>/delete/",
        w.activity_delete,
        name="activity_delete",
    ),
    path("workspace/work-plans/activities/<int:pk>/evidence/", w.evidence, name="evidence_list"),
    path(
        "workspace/work-plans/activities/<int:pk>/evidence/new/",
        w.evidence_new,
        name="evidence_new",
    ),
    path(
        "workspace/work-plans/activities/<int:pk>/evidence/<int:link_pk>/remove/",
        w.evidence_remove,
        name="evidence_remove",
    ),
    path(
        "workspace/work-plans/<year:year>/achievements/",
        w.achievements,
        name="achievement_workspace_list",
    ),
    path(
        "workspace/work-plans/<year:year>/achievements/new/",
        w.achievement_new,
        name="achievement_new",
    ),
    path(
        "workspace/work-plans/achievements/<int:pk>/edit/",
        w.achievement_edit,
        name="achievement_edit",
    ),
    path(
        "workspace/work-plans/achievements/<int:pk>/delete/",
        w.achievement_delete,
        name="achievement_delete",
    ),
    path(
        "workspace/work-plans/achievements/<int:pk>/figures/new/",
        w.figure_new,
        name="figure_new",
    ),
    path("workspace/work-plans/figures/<int:pk>/edit/", w.figure_edit, name="figure_edit"),
    path("workspace/work-plans/figures/<int:pk>/delete/", w.figure_delete, name="figure_delete"),
    path("workspace/work-plans/<year:year>/advocacy/new/", w.advocacy_new, name="advocacy_new"),
    path("workspace/work-plans/advocacy/<int:pk>/edit/", w.advocacy_edit, name="advocacy_edit"),
    path(
        "workspace/work-plans/advocacy/<int:pk>/delete/",
        w.advocacy_delete,
        name="advocacy_delete",
    ),
]
