from __future__ import annotations

from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("workspace/plans/<int:pk>/import/<slug:kind>/", views.plan_upload, name="plan_upload"),
    path(
        "workspace/plans/<int:pk>/import/<slug:kind>/template.<slug:fmt>",
        views.plan_template,
        name="plan_template",
    ),
    path("workspace/indicators/<int:pk>/import/", views.indicator_upload, name="indicator_upload"),
    path(
        "workspace/indicators/<int:pk>/import/template.<slug:fmt>",
        views.indicator_template,
        name="indicator_template",
    ),
    path("workspace/imports/<uuid:uid>/", views.preview, name="preview"),
    path("workspace/imports/<uuid:uid>/confirm/", views.confirm, name="confirm"),
]
