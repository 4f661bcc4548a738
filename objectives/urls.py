from __future__ import annotations

from django.urls import path, register_converter

from . import views
from .converters import YearConverter

register_converter(YearConverter, "year")

app_name = "objectives"

urlpatterns = [
    path("work-plans/", views.work_plan_list, name="work_plans"),
    path("work-plans/<year:year>/", views.work_plan_page, name="work_plan"),
    path("achievements/<year:year>/", views.achievements_page, name="achievements"),
]
