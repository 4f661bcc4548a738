from __future__ import annotations

from django.http import HttpRequest

from fragments.context_processors import LAYOUT_KEYS, request_lookup
from fragments.versions import kept_with_version
from objectives.selectors import navigation_years

NAVIGATION_KEY = LAYOUT_KEYS[0]


def navigation(request: HttpRequest) -> dict[str, int | None]:
    """The years the main menu links to: the newest work plan and achievements, kept beside the
    objectives' version and read with the versions in the page's one cache lookup."""
    versions, stored = request_lookup(request)
    work_plan_year, achievements_year = kept_with_version(
        NAVIGATION_KEY, versions["objectives"], stored.get(NAVIGATION_KEY), navigation_years
    )
    return {"nav_work_plan_year": work_plan_year, "nav_achievements_year": achievements_year}
