from __future__ import annotations

from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("data.csv", views.data_csv, name="data_csv"),
    path("targets/<slug:code>/", views.target, name="target"),
]
