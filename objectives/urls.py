from __future__ import annotations

from django.urls import path, register_converter

from . import views, workspace_views
from .converters import YearConverter

register_converter(YearConverter, "year")

app_name = "objectives"

urlpatterns = [
    path("work-plans/", views.work_plan_list, name="work_plans"),
    path("work-plans/<year:year>/", views.work_plan_page, name="work_plan"),
    path("achievements/<year:year>/", views.achievements_page, name="achievements"),
]

# Mounted by the root URLconf under /workspace/work-plans/ (namespace "objectives_workspace").
w = workspace_views
workspace_urlpatterns = [
    path("", w.plan_list, name="list"),
    path("start-next/", w.plan_start_next, name="start_next"),
    path("<year:year>/", w.plan_page, name="plan"),
    path("<year:year>/edit/", w.plan_edit, name="plan_edit"),
    path("<year:year>/publish/", w.plan_publish, name="publish"),
    path("<year:year>/preview/", w.plan_preview, name="preview"),
    path("<year:year>/history/", w.plan_history, name="history"),
    path("<year:year>/objectives/new/", w.objective_new, name="objective_new"),
    path("objectives/<int:pk>/edit/", w.objective_edit, name="objective_edit"),
    path("objectives/<int:pk>/delete/", w.objective_delete, name="objective_delete"),
    path("objectives/<int:pk>/activities/new/", w.activity_new, name="activity_new"),
    path("activities/<int:pk>/edit/", w.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/delete/", w.activity_delete, name="activity_delete"),
    path("activities/<int:pk>/evidence/", w.evidence, name="evidence"),
    path("activities/<int:pk>/evidence/new/", w.evidence_new, name="evidence_new"),
    path(
        "activities/<int:pk>/evidence/<int:link_pk>/remove/",
        w.evidence_remove,
        name="evidence_remove",
    ),
    path("<year:year>/achievements/", w.achievements, name="achievements"),
    path("<year:year>/achievements/new/", w.achievement_new, name="achievement_new"),
    path("achievements/<int:pk>/edit/", w.achievement_edit, name="achievement_edit"),
    path("achievements/<int:pk>/delete/", w.achievement_delete, name="achievement_delete"),
    path("achievements/<int:pk>/figures/new/", w.figure_new, name="figure_new"),
    path("figures/<int:pk>/edit/", w.figure_edit, name="figure_edit"),
    path("figures/<int:pk>/delete/", w.figure_delete, name="figure_delete"),
    path("<year:year>/advocacy/new/", w.advocacy_new, name="advocacy_new"),
    path("advocacy/<int:pk>/edit/", w.advocacy_edit, name="advocacy_edit"),
    path("advocacy/<int:pk>/delete/", w.advocacy_delete, name="advocacy_delete"),
]
