from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from actionplans.selectors import dashboard_for
from cities.selectors import cities_for_user, city_officer_counts, memberships_for_user
from meetings.selectors import open_followups_for_cities


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The signed-in home: the person's cities and what they may do there."""
    context = {
        "memberships": list(memberships_for_user(request.user)),
        "dashboard": dashboard_for(user=request.user),
        "meeting_followups": list(open_followups_for_cities(cities=cities_for_user(request.user))),
    }
    if request.user.is_staff:
        context["all_cities"] = list(city_officer_counts())
    return render(request, "workspace/home.html", context)
