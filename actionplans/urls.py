from __future__ import annotations

from django.urls import path

from . import expert_views, views

app_name = "actionplans"

e = expert_views
urlpatterns = [
    # Public: a plan the city shares.
    path("plans/<int:pk>/", views.plan_public, name="plan_public"),
    # Invited experts (no account): their sign-in links, then the one review and plan they see.
    path("experts/link/<str:token>/", e.link, name="expert_sign_in"),
    path("experts/new-link/", e.new_link, name="expert_link_request"),
    path("experts/new-link/sent/", e.link_sent, name="expert_link_sent"),
    path("experts/reviews/<int:pk>/", e.review, name="expert_review"),
    path("experts/reviews/<int:pk>/plan/", e.plan, name="expert_plan"),
    path("experts/sign-out/", e.sign_out, name="expert_sign_out"),
    # Signed-in tools.
    path("workspace/plans/", views.plan_list, name="list"),
    path("workspace/plans/new/", views.plan_new, name="new"),
    path("workspace/plans/<int:pk>/", views.plan_detail, name="plan"),
    path("workspace/plans/<int:pk>/edit/", views.plan_edit, name="edit"),
    path("workspace/plans/<int:pk>/history/", views.plan_history_view, name="history"),
    path("workspace/plans/<int:plan_pk>/actions/new/", views.action_edit, name="action_new"),
    path("workspace/actions/<int:pk>/", views.action_edit, name="action_edit"),
    path(
        "workspace/actions/<int:pk>/validate/",
        views.action_validate_view,
        name="action_validate",
    ),
    path("workspace/actions/<int:pk>/evidence/", views.evidence_upload, name="evidence"),
    path("workspace/evidence/<int:pk>/", views.evidence_download, name="evidence_file"),
    path(
        "workspace/actions/<int:action_pk>/milestones/new/",
        views.milestone_edit,
        name="milestone_new",
    ),
    path("workspace/milestones/<int:pk>/", views.milestone_edit, name="milestone_edit"),
    path(
        "workspace/plans/<int:plan_pk>/indicators/new/",
        views.indicator_edit,
        name="indicator_new",
    ),
    path("workspace/indicators/<int:pk>/", views.indicator_edit, name="indicator_edit"),
    path(
        "workspace/indicators/<int:pk>/measurements/new/",
        views.measurement_new,
        name="measurement_new",
    ),
    path("workspace/plans/<int:plan_pk>/updates/new/", views.update_edit, name="update_new"),
    path("workspace/updates/<int:pk>/", views.update_detail, name="update"),
    path("workspace/updates/<int:pk>/edit/", views.update_edit, name="update_edit"),
    path("workspace/plans/<int:plan_pk>/reviews/new/", views.review_new, name="review_new"),
    path("workspace/reviews/<int:pk>/", views.review_detail, name="review"),
    path("workspace/reviews/<int:pk>/close/", views.review_close_view, name="review_close"),
    path(
        "workspace/findings/<int:pk>/respond/",
        views.finding_respond_view,
        name="finding_respond",
    ),
    path("workspace/reviews/<int:pk>/experts/new/", e.expert_new, name="expert_new"),
    path("workspace/experts/<int:pk>/revoke/", e.expert_revoke_view, name="expert_revoke"),
    path("workspace/experts/<int:pk>/link/", e.expert_link_view, name="expert_link"),
]
