from __future__ import annotations

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    # A person's own data, beside allauth's pages under /accounts/.
    path("accounts/data/", views.my_data, name="my_data"),
    path("accounts/data/download/", views.my_data_download, name="my_data_download"),
    path("accounts/data/erase/", views.erase_own_account, name="own_account_erase"),
    path("accounts/data/erased/", views.erased, name="own_account_erased"),
    # Staff tools.
    path("workspace/people/<int:pk>/erase/", views.erase_person, name="person_erase"),
    path("workspace/people/without-account/", views.address_data, name="address_data"),
]
