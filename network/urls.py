from __future__ import annotations

from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("network/", views.dashboard, name="dashboard"),
    path("network/data.csv", views.data_csv, name="data_csv"),
    path("network/targets/<slug:code>/", views.target, name="target"),
]
