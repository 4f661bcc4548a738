from __future__ import annotations

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import docs, views

app_name = "api"

# Mounted at /api/v1/ by the root URLconf (no language prefix: Accept-Language chooses).
urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.api_docs, name="docs"),
    path("cities/", views.CityListView.as_view(), name="cities"),
    path("cities/<slug:slug>/", views.CityDetailView.as_view(), name="city"),
    path("work-plans/", views.WorkPlanListView.as_view(), name="work_plans"),
    path("work-plans/<int:year>/", views.WorkPlanDetailView.as_view(), name="work_plan"),
    path("activities/", views.ActivityListView.as_view(), name="activities"),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity"),
    path("achievements/", views.AchievementListView.as_view(), name="achievements"),
    path("achievements/<int:pk>/", views.AchievementDetailView.as_view(), name="achievement"),
    path("practices/", views.PracticeListView.as_view(), name="practices"),
    path("practices/<slug:slug>/", views.PracticeDetailView.as_view(), name="practice"),
    path("guidelines/", views.GuidelineListView.as_view(), name="guidelines"),
    path("guidelines/<slug:slug>/", views.GuidelineDetailView.as_view(), name="guideline"),
    path("meetings/", views.MeetingListView.as_view(), name="meetings"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting"),
    path("plans/", views.PlanListView.as_view(), name="plans"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan"),
    path("indicators/", views.IndicatorListView.as_view(), name="indicators"),
    path("indicators/<int:pk>/", views.IndicatorDetailView.as_view(), name="indicator"),
    path(
        "indicators/<int:pk>/measurements/",
        views.MeasurementCreateView.as_view(),
        name="measurements",
    ),
    path("eu-targets/", views.EUTargetListView.as_view(), name="eu_targets"),
    path("eu-targets/<slug:code>/", views.EUTargetDetailView.as_view(), name="eu_target"),
    # Anything else under /api/v1/ ending with a slash: a problem document (a path without the
    # slash is first redirected to it by CommonMiddleware).
    re_path(r"^.*/$", views.NotFoundView.as_view()),
]
