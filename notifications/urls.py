from __future__ import annotations

from django.urls import path

from . import views

app_name = "notifications"

# Mounted under /workspace/notifications/.
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read/", views.notifications_mark_read, name="mark_read"),
    path("settings/", views.notification_settings, name="settings"),
    path("<int:pk>/", views.notification_open, name="open"),
]

# Mounted under /notifications/: the e-mails' unsubscribe link works without signing in.
public_patterns = (
    [path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe")],
    "notifications_public",
)
