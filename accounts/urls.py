from __future__ import annotations

from django.urls import path

from . import views

# Mounted by the root URLconf under /accounts/data/ (beside allauth's pages).
app_name = "personal_data"

urlpatterns = [
    path("", views.my_data, name="page"),
    path("download/", views.my_data_download, name="download"),
    path("erase/", views.erase_own_account, name="erase"),
    path("erased/", views.erased, name="erased"),
]

# Mounted under /workspace/people/: staff tools.
people_patterns = (
    [
        path("<int:pk>/erase/", views.erase_person, name="erase"),
        path("without-account/", views.address_data, name="address_data"),
    ],
    "people",
)
