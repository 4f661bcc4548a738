from __future__ import annotations

from django.urls import path

from . import views, workspace_views

app_name = "practices"

w = workspace_views
urlpatterns = [
    # Public.
    path("practices/", views.practice_list, name="list"),
    path("practices/feed/", views.practice_feed, name="feed"),
    path("practices/export.csv", views.export_csv, name="export_csv"),
    path("practices/export.json", views.export_json, name="export_json"),
    path("practices/<slug:slug>/", views.practice_detail, name="detail"),
    path("practices/<slug:slug>/files/<int:pk>/", views.attachment_download, name="attachment"),
    path("guidelines/", views.guideline_list, name="guidelines"),
    path("guidelines/<slug:slug>/", views.guideline_detail, name="guideline"),
    # Signed-in tools.
    path("workspace/practices/", w.practice_workspace_list, name="workspace_list"),
    path("workspace/practices/new/", w.practice_new, name="practice_new"),
    path("workspace/practices/<int:pk>/", w.practice_edit, name="practice_edit"),
    path("workspace/practices/themes/", w.themes_follow_view, name="themes_follow"),
    path("workspace/practices/<int:pk>/submit/", w.practice_submit_view, name="practice_submit"),
    path("workspace/practices/<int:pk>/review/", w.practice_review, name="practice_review"),
    path("workspace/practices/<int:pk>/files/", w.attachment_upload, name="attachment_upload"),
    path(
        "workspace/practices/<int:pk>/files/<int:attachment_pk>/delete/",
        w.attachment_remove,
        name="attachment_delete",
    ),
    path("workspace/practices/<int:pk>/transfers/new/", w.transfer_new, name="transfer_new"),
    path("workspace/guidelines/", w.guideline_workspace_list, name="guideline_workspace_list"),
    path("workspace/guidelines/new/", w.guideline_edit, name="guideline_new"),
    path("workspace/guidelines/<int:pk>/", w.guideline_edit, name="guideline_edit"),
    path(
        "workspace/guidelines/<int:pk>/publish/",
        w.guideline_publish_view,
        name="guideline_publish",
    ),
]
