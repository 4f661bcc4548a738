from __future__ import annotations

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import docs, views

# The open data API, outside the language prefix (Accept-Language chooses). The api app's other
# pages, the personal tokens of the workspace, need the prefix: they are in api/workspace_urls.py.
app_name = "api"

urlpatterns = [
    path("api/v1/", views.RootView.as_view(), name="root"),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/docs/", docs.api_docs, name="docs"),
    path("api/v1/cities/", views.CityListView.as_view(), name="cities"),
    path("api/v1/cities/<slug:slug>/", views.CityDetailView.as_view(), name="city"),
    path("api/v1/work-plans/", views.WorkPlanListView.as_view(), name="work_plans"),
    path("api/v1/work-plans/<int:year>/", views.WorkPlanDetailView.as_view(), name="work_plan"),
    path("api/v1/activities/", views.ActivityListView.as_view(), name="activities"),
    path("api/v1/activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity"),
    path("api/v1/achievements/", views.AchievementListView.as_view(), name="achievements"),
    path(
        "api/v1/achievements/<int:pk>/", views.AchievementDetailView.as_view(), name="achievement"
    ),
    path("api/v1/practices/", views.PracticeListView.as_view(), name="practices"),
    path("api/v1/practices/<slug:slug>/", views.PracticeDetailView.as_view(), name="practice"),
    path("api/v1/guidelines/", views.GuidelineListView.as_view(), name="guidelines"),
    path("api/v1/guidelines/<slug:slug>/", views.GuidelineDetailView.as_view(), name="guideline"),
    path("api/v1/meetings/", views.MeetingListView.as_view(), name="meetings"),
    path("api/v1/meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting"),
    path("api/v1/plans/", views.PlanListView.as_view(), name="plans"),
    path("api/v1/plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan"),
    path("api/v1/indicators/", views.IndicatorListView.as_view(), name="indicators"),
    path("api/v1/indicators/<int:pk>/", views.IndicatorDetailView.as_view(), name="indicator"),
    path(
        "api/v1/indicators/<int:pk>/measurements/",
        views.MeasurementCreateView.as_view(),
        name="measurements",
    ),
    path("api/v1/eu-targets/", views.EUTargetListView.as_view(), name="eu_targets"),
    path("api/v1/eu-targets/<slug:code>/", views.EUTargetDetailView.as_view(), name="eu_target"),
    # Anything else under /api/v1/ ending with a slash: a problem document (a path without the
    # slash is first redirected to it by CommonMiddleware).
    re_path(r"^api/v1/.*/$", views.NotFoundView.as_view()),
]
