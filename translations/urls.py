from __future__ import annotations

from django.urls import path

from . import views

app_name = "translations"

urlpatterns = [
    path("workspace/translations/<str:key>/<int:pk>/", views.versions, name="versions"),
    path("workspace/translations/<str:key>/<int:pk>/<str:language>/", views.edit, name="edit"),
    path(
        "workspace/translations/<str:key>/<int:pk>/<str:language>/check/", views.check, name="check"
    ),
    path(
        "workspace/translations/<str:key>/<int:pk>/<str:language>/delete/",
        views.delete,
        name="delete",
    ),
]
