from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cities.selectors import city_officer_counts, memberships_for_user

from .dashboard import dashboard_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The signed-in home: what needs this person now, then their plans and cities."""
    memberships = list(memberships_for_user(request.user))
    context = {
        "dashboard": dashboard_for(request=request, memberships=memberships),
        "memberships": memberships,
    }
    if request.user.is_staff:
        context["all_cities"] = list(city_officer_counts())
    return render(request, "workspace/home.html", context)
