from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cities.selectors import city_officer_counts
from fragments.context_processors import read_with_versions

from .dashboard import dashboard_for, dashboard_keys, memberships_key, memberships_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The signed-in home: what needs this person now, then their plans and cities."""
    # The person's cities and to-dos are kept parts, read with the versions in one round trip.
    read_with_versions(request, [memberships_key(request.user), *dashboard_keys(request)])
    memberships = memberships_of(request)
    context = {
        "dashboard": dashboard_for(request=request, memberships=memberships),
        "memberships": memberships,
    }
    if request.user.is_staff:
        context["all_cities"] = list(city_officer_counts())
    return render(request, "workspace/home.html", context)
