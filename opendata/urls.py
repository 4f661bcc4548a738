from __future__ import annotations

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("data/", views.index, name="index"),
    path("data/roma-wg-open-data.zip", views.bundle_download, name="bundle"),
    path("data/<slug:name>.<str:suffix>", views.dataset_file, name="file"),
]
