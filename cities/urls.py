from __future__ import annotations

from django.urls import path

from . import views

app_name = "cities"

urlpatterns = [
    path("cities/", views.city_directory, name="list"),
    # The link of an invitation e-mail, beside allauth's pages.
    path(
        "accounts/invitation/<str:token>/", views.invitation_accept_view, name="invitation_accept"
    ),
    # Staff and a city's lead officers: who has access, and inviting more.
    path("workspace/cities/<slug:slug>/invite/", views.invitation_new, name="invitation_new"),
    path("workspace/cities/<slug:slug>/officers/", views.officer_list, name="officer_list"),
    # Network staff record the cities' pledges.
    path("workspace/pledges/", views.pledge_list, name="pledge_list"),
    path("workspace/pledges/new/", views.pledge_new, name="pledge_new"),
    path("workspace/pledges/<int:pk>/edit/", views.pledge_edit, name="pledge_edit"),
    path("workspace/pledges/<int:pk>/delete/", views.pledge_delete_view, name="pledge_delete"),
    path("workspace/pledges/commitments/new/", views.commitment_new, name="commitment_new"),
]
