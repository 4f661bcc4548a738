from __future__ import annotations

from django.urls import path

from . import views

app_name = "cities"

urlpatterns = [
    path("", views.city_directory, name="list"),
]

# Mounted by the root URLconf under /workspace/cities/ and /accounts/invitation/.
officer_patterns = (
    [path("<slug:slug>/officers/", views.officer_list, name="list")],
    "officers",
)
staff_patterns = (
    [path("<slug:slug>/invite/", views.invitation_new, name="new")],
    "invitations_staff",
)
invitation_patterns = (
    [path("<str:token>/", views.invitation_accept_view, name="accept")],
    "invitations",
)
# Mounted under /workspace/pledges/: network staff record the cities' pledges.
pledge_patterns = (
    [
        path("", views.pledge_list, name="list"),
        path("new/", views.pledge_new, name="new"),
        path("<int:pk>/edit/", views.pledge_edit, name="edit"),
        path("<int:pk>/delete/", views.pledge_delete_view, name="delete"),
        path("commitments/new/", views.commitment_new, name="commitment_new"),
    ],
    "pledges_workspace",
)
