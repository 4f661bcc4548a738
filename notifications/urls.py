from __future__ import annotations

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("workspace/notifications/", views.notification_list, name="list"),
    path("workspace/notifications/read/", views.notifications_mark_read, name="mark_read"),
    path("workspace/notifications/settings/", views.notification_settings, name="settings"),
    path("workspace/notifications/<int:pk>/", views.notification_open, name="open"),
    # The e-mails' unsubscribe link works without signing in.
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
