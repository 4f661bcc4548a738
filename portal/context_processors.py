from __future__ import annotations

from django.http import HttpRequest

from fragments.versions import cached_for_content
from objectives.selectors import navigation_years


def navigation(request: HttpRequest) -> dict[str, int | None]:
    """The years the main menu links to: the newest work plan and achievements."""
    work_plan_year, achievements_year = cached_for_content(
        "navigation-years", navigation_years, apps=["objectives"]
    )
    return {"nav_work_plan_year": work_plan_year, "nav_achievements_year": achievements_year}
