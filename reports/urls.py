from __future__ import annotations

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/request/", views.report_request, name="request"),
    path("reports/<uuid:uid>/", views.report_status, name="status"),
    path("reports/<uuid:uid>/download/", views.report_download, name="download"),
    path("reports/<uuid:uid>/retry/", views.report_retry, name="retry"),
]
