"""Every page of the demo as each kind of person sees it, in English and French: the pages the
every-URL matrix opens for them, and the public page of every record of the demo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.test import Client

from actionplans.models import ActionPlan
from cities.models import City
from meetings.models import Meeting
from objectives.models import WorkPlan
from practices.models import Guideline, Practice

from .test_url_matrix import EXPECTED, PEOPLE, _path

WHO = {"staff@example.org": "staff", "braga@example.org": "officer", None: "anonymous"}
ALLAUTH_PAGES = ["/en/accounts/login/", "/en/accounts/password/reset/"]


@dataclass(frozen=True)
class Page:
    who: str
    url: str
    html: str


def _demo_pages() -> list[str]:
    pages = [city.get_absolute_url() for city in City.objects.all()]
    published = Practice.objects.filter(status="published").values_list("slug", flat=True)
    pages += [f"/en/practices/{slug}/" for slug in published]
    pages += [f"/en/guidelines/{g.slug}/" for g in Guideline.objects.filter(status="published")]
    pages += [f"/en/meetings/{m.slug}/" for m in Meeting.objects.filter(published_at__isnull=False)]
    public_plans = ActionPlan.objects.filter(is_public=True).values_list("pk", flat=True)
    pages += [f"/en/plans/{pk}/" for pk in public_plans]
    pages += ["/en/work-plans/", "/en/cities/?pledged=1"]
    for year in WorkPlan.objects.values_list("year", flat=True):
        pages += [f"/en/work-plans/{year}/", f"/en/achievements/{year - 1}/"]  # 404 without any
    return pages


def _workspace_pages() -> list[str]:
    """The workspace pages of the demo's plans, updates and reviews (staff see them all)."""
    from actionplans.models import ProgressUpdate, Review

    pages = []
    for pk in ActionPlan.objects.values_list("pk", flat=True):
        pages += [f"/en/workspace/plans/{pk}/", f"/en/workspace/plans/{pk}/history/"]
    updates = ProgressUpdate.objects.values_list("pk", flat=True)
    pages += [f"/en/workspace/updates/{pk}/" for pk in updates]
    pages += [f"/en/workspace/reviews/{pk}/" for pk in Review.objects.values_list("pk", flat=True)]
    pages += [f"/en/workspace/meetings/{m.slug}/" for m in Meeting.objects.all()]
    return pages


def page_paths(world) -> dict[str, list[str]]:
    """Per kind of person, the English paths of the pages they open."""
    return _paths(world)


def _paths(world) -> dict[str, list[str]]:
    paths: dict[str, list[str]] = {}
    for index, email in enumerate(PEOPLE):
        if email in WHO:
            paths[WHO[email]] = [
                _path(name, world)
                for name, expected in EXPECTED.items()
                if expected[index] == 200 and not name.startswith("admin:")  # Django's own
            ]
    paths["anonymous"] += ALLAUTH_PAGES + _demo_pages()
    paths["staff"] += _workspace_pages()
    return paths


def every_page(world, languages=("en", "fr"), only: str | None = None) -> Iterator[Page]:
    """Each HTML page answering 200, once per person (``only``: that one) and language."""
    for who, paths in _paths(world).items():
        if only is not None and who != only:
            continue
        client = Client()
        email = next((e for e, w in WHO.items() if w == who), None)
        if email:
            client.force_login(get_user_model().objects.get(email=email))
        for path in dict.fromkeys(paths):
            for language in languages:
                url = path.replace("/en/", f"/{language}/", 1)
                response = client.get(url)
                if response.status_code == 200 and "text/html" in response["Content-Type"]:
                    yield Page(who, url, response.content.decode())
