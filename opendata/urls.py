from __future__ import annotations

from django.urls import path

from . import views

app_name = "opendata"

# Mounted at /data/ (under the language prefix) by the root URLconf.
urlpatterns = [
    path("", views.index, name="index"),
    path("roma-wg-open-data.zip", views.bundle_download, name="bundle"),
    path("<slug:name>.<str:suffix>", views.dataset_file, name="file"),
]
