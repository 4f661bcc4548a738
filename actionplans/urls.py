from __future__ import annotations

from django.urls import path

from . import expert_views, views

app_name = "actionplans"

# Public: /plans/<id>/ ; the rest is mounted under /workspace/.
public_urlpatterns = [path("plans/<int:pk>/", views.plan_public, name="public")]

urlpatterns = [
    path("plans/", views.plan_list, name="list"),
    path("plans/new/", views.plan_new, name="new"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="edit"),
    path("plans/<int:pk>/history/", views.plan_history_view, name="history"),
    path("plans/<int:plan_pk>/actions/new/", views.action_edit, name="action_new"),
    path("actions/<int:pk>/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/validate/", views.action_validate_view, name="action_validate"),
    path("actions/<int:pk>/evidence/", views.evidence_upload, name="evidence"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_file"),
    path("actions/<int:action_pk>/milestones/new/", views.milestone_edit, name="milestone_new"),
    path("milestones/<int:pk>/", views.milestone_edit, name="milestone_edit"),
    path("plans/<int:plan_pk>/indicators/new/", views.indicator_edit, name="indicator_new"),
    path("indicators/<int:pk>/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/measurements/new/", views.measurement_new, name="measurement_new"),
    path("plans/<int:plan_pk>/updates/new/", views.update_edit, name="update_new"),
    path("updates/<int:pk>/", views.update_detail, name="update"),
    path("updates/<int:pk>/edit/", views.update_edit, name="update_edit"),
    path("plans/<int:plan_pk>/reviews/new/", views.review_new, name="review_new"),
    path("reviews/<int:pk>/", views.review_detail, name="review"),
    path("reviews/<int:pk>/close/", views.review_close_view, name="review_close"),
    path("findings/<int:pk>/respond/", views.finding_respond_view, name="finding_respond"),
    path("reviews/<int:pk>/experts/new/", expert_views.expert_new, name="expert_new"),
    path("experts/<int:pk>/revoke/", expert_views.expert_revoke_view, name="expert_revoke"),
    path("experts/<int:pk>/link/", expert_views.expert_link_view, name="expert_link"),
]

# Invited experts (no account), mounted under /experts/ with the namespace "experts".
expert_urlpatterns = [
    path("link/<str:token>/", expert_views.link, name="link"),
    path("new-link/", expert_views.new_link, name="new_link"),
    path("new-link/sent/", expert_views.link_sent, name="link_sent"),
    path("reviews/<int:pk>/", expert_views.review, name="review"),
    path("reviews/<int:pk>/plan/", expert_views.plan, name="plan"),
    path("sign-out/", expert_views.sign_out, name="sign_out"),
]
