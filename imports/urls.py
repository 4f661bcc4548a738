from __future__ import annotations

from django.urls import path

from . import views

app_name = "imports"

# Mounted under /workspace/ by the root URLconf.
urlpatterns = [
    path("plans/<int:pk>/import/<slug:kind>/", views.plan_upload, name="plan_upload"),
    path(
        "plans/<int:pk>/import/<slug:kind>/template.<slug:fmt>",
        views.plan_template,
        name="plan_template",
    ),
    path("indicators/<int:pk>/import/", views.indicator_upload, name="indicator_upload"),
    path(
        "indicators/<int:pk>/import/template.<slug:fmt>",
        views.indicator_template,
        name="indicator_template",
    ),
    path("imports/<uuid:uid>/", views.preview, name="preview"),
    path("imports/<uuid:uid>/confirm/", views.confirm, name="confirm"),
]
