from __future__ import annotations

from django.urls import path

from . import views, workspace_views

app_name = "practices"

urlpatterns = [
    path("practices/", views.practice_list, name="list"),
    path("practices/feed/", views.practice_feed, name="feed"),
    path("practices/export.csv", views.export_csv, name="export_csv"),
    path("practices/export.json", views.export_json, name="export_json"),
    path("practices/<slug:slug>/", views.practice_detail, name="detail"),
    path("practices/<slug:slug>/files/<int:pk>/", views.attachment_download, name="attachment"),
    path("guidelines/", views.guideline_list, name="guidelines"),
    path("guidelines/<slug:slug>/", views.guideline_detail, name="guideline"),
]

# Mounted under /workspace/ by the root URLconf, namespace "practices_workspace".
workspace_urlpatterns = [
    path("practices/", workspace_views.practice_workspace_list, name="list"),
    path("practices/new/", workspace_views.practice_new, name="new"),
    path("practices/<int:pk>/", workspace_views.practice_edit, name="edit"),
    path("practices/themes/", workspace_views.themes_follow_view, name="themes"),
    path("practices/<int:pk>/submit/", workspace_views.practice_submit_view, name="submit"),
    path("practices/<int:pk>/review/", workspace_views.practice_review, name="review"),
    path("practices/<int:pk>/files/", workspace_views.attachment_upload, name="attachment_upload"),
    path(
        "practices/<int:pk>/files/<int:attachment_pk>/delete/",
        workspace_views.attachment_remove,
        name="attachment_delete",
    ),
    path("practices/<int:pk>/transfers/new/", workspace_views.transfer_new, name="transfer_new"),
    path("guidelines/", workspace_views.guideline_workspace_list, name="guidelines"),
    path("guidelines/new/", workspace_views.guideline_edit, name="guideline_new"),
    path("guidelines/<int:pk>/", workspace_views.guideline_edit, name="guideline_edit"),
    path(
        "guidelines/<int:pk>/publish/",
        workspace_views.guideline_publish_view,
        name="guideline_publish",
    ),
]
