from __future__ import annotations

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("request/", views.report_request, name="request"),
    path("<uuid:uid>/", views.report_status, name="status"),
    path("<uuid:uid>/download/", views.report_download, name="download"),
    path("<uuid:uid>/retry/", views.report_retry, name="retry"),
]
