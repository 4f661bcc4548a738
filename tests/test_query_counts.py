"""SQL queries per request do not grow with the data: every key page is measured on the demo,
then again after every table it reads has grown several times over, and the counts must match.

The pages are those the benchmark (bench/run.py) loads; a page whose count grows is an N+1 that
would make it slow at 10,000 practices and 500 cities.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actionplans.models import ActionPlan, EUTarget, Measurement, Milestone
from cities.models import OfficerRole
from meetings.models import Meeting
from practices.models import FundingSource, PracticeAttachment, PracticeLink, Transfer
from translations.registry import registered

from .factories import (
    ActionFactory,
    CityFactory,
    IndicatorFactory,
    MembershipFactory,
    PlanFactory,
    PracticeFactory,
    UserFactory,
)
from .meetings_factories import (
    AgendaItemFactory,
    AgendaSessionFactory,
    MeetingFactory,
    RegistrationFactory,
    SpeakerFactory,
)

PUBLIC_PAGES = {
    "home": "/en/",
    "cities": "/en/cities/",
    "city page": "/en/cities/braga/",
    "practices": "/en/practices/",
    "practices by theme and country": "/en/practices/?theme=education&country=PT",
    "practices full text": "/en/practices/?q=school+mediation",
    "practice page": "/en/practices/{practice}/",
    "meetings": "/en/meetings/",
    "meeting page": "/en/meetings/{meeting}/",
    "calendar": "/en/meetings/calendar.ics",
    "feed": "/en/practices/feed/",
    "public plan": "/en/plans/{plan}/",
    "network dashboard": "/en/network/",
    "network dashboard by country and theme": "/en/network/?country=PT&theme=integrated",
    "network target": "/en/network/targets/edu-upper-secondary/",
}
OFFICER_PAGES = {
    "dashboard": "/en/workspace/",
    "plan page": "/en/workspace/plans/{plan}/",
    "plan edit": "/en/workspace/plans/{plan}/edit/",
}


def _grow(braga, plan: ActionPlan, meeting: Meeting, practice, *, step: int) -> None:
    """Add several rows to every table the pages read, around the measured objects too."""
    funding = list(FundingSource.objects.all())
    cities = [
        CityFactory(name=f"Grown city {step}-{n}", slug=f"grown-{step}-{n}", country="PT")
        for n in range(6)
    ]
    for city in cities:
        MembershipFactory(city=city, user=UserFactory())
    for n, city in enumerate([*cities, braga, practice.city]):
        grown = PracticeFactory(
            city=city,
            title=f"School mediation grown {step}-{n}",
            themes=["education", "housing"],
            start_year=2016,
        )
        grown.funding_sources.set(funding[:2])
        PracticeLink.objects.create(practice=grown, title="Site", url="https://example.org/")
        Transfer.objects.create(
            practice=grown, city=braga if city != braga else cities[0], stage="adapt"
        )
    for n in range(3):
        PracticeAttachment.objects.create(
            practice=practice,
            title=f"Annex {step}-{n}",
            file=f"practices/annex-{step}-{n}.pdf",
            original_name="annex.pdf",
            content_type="application/pdf",
            size=1000,
        )
        PracticeLink.objects.create(
            practice=practice, title=f"Link {n}", url="https://example.org/"
        )
        Transfer.objects.get_or_create(
            practice=practice, city=cities[n], defaults={"stage": "adapt"}
        )

    for n in range(3):
        other = MeetingFactory(host_city=cities[n], slug=f"grown-meeting-{step}-{n}")
        AgendaItemFactory(meeting=other)
    session = AgendaSessionFactory(meeting=meeting)
    for n in range(4):
        item = AgendaItemFactory(
            meeting=meeting,
            session=session,
            starts_at=meeting.starts_at + timedelta(hours=n, minutes=step),
            duration=30,
        )
        SpeakerFactory(item=item)
        SpeakerFactory(item=item)
        RegistrationFactory(meeting=meeting, city=cities[n])

    targets = list(EUTarget.objects.filter(code__in=["edu-upper-secondary", "employment"]))
    for n in range(4):
        action = ActionFactory(plan=plan, title=f"Grown action {step}-{n}")
        Milestone.objects.create(
            action=action, title="Step", due_date=date(2020, 1, 1) + timedelta(days=n)
        )
        indicator = IndicatorFactory(
            plan=plan, name=f"Grown indicator {step}-{n}", eu_target=targets[n % len(targets)]
        )
        for year in range(2018, 2022):
            Measurement.objects.create(
                indicator=indicator, date=date(year, 6, 1), value=n + year % 7
            )
    PlanFactory(city=braga, title=f"Another plan {step}")


def _count(client, url: str, *, method: str = "get", data=None) -> tuple[int, int, str]:
    """Status, number of queries and the most repeated statement (to name an N+1)."""
    cache.clear()  # the first visit after a change, not a cached fragment
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
    shapes = Counter(re.sub(r"\d+", "N", query["sql"]) for query in queries.captured_queries)
    most_repeated = shapes.most_common(1)[0][0][:300] if shapes else ""
    return response.status_code, len(queries.captured_queries), most_repeated


def _plan_save_data(client, plan: ActionPlan) -> dict:
    form = client.get(f"/en/workspace/plans/{plan.pk}/edit/").context["form"]
    data = {}
    for name, bound in form._bound_items():
        value = bound.value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    data["summary"] = f"Saved at {timezone.now().isoformat()}"
    return data


def _measure(client, officer_client, objects: dict) -> dict[str, tuple[int, int, str]]:
    counts = {}
    for name, pattern in PUBLIC_PAGES.items():
        counts[name] = _count(client, pattern.format(**objects))
    for name, pattern in OFFICER_PAGES.items():
        counts[name] = _count(officer_client, pattern.format(**objects))
    plan = ActionPlan.objects.get(pk=objects["plan"])
    data = _plan_save_data(officer_client, plan)
    counts["plan edit save"] = _count(
        officer_client, f"/en/workspace/plans/{plan.pk}/edit/", method="post", data=data
    )
    return counts


@pytest.mark.django_db
def test_key_pages_run_the_same_number_of_queries_at_two_sizes(client, demo, settings):
    from django.test import Client

    # The session's once-a-minute refresh would be counted at one size and not the other.
    settings.SESSION_REFRESH_SECONDS = 24 * 60 * 60

    from practices.models import Practice

    braga = ActionPlan.objects.filter(city__slug="braga").first().city
    plan = ActionPlan.objects.filter(city=braga, is_public=True).first()
    meeting = Meeting.objects.filter(published_at__isnull=False).order_by("-starts_at").first()
    practice = Practice.objects.filter(status="published", city__slug="turin").first()
    officer = MembershipFactory(city=braga, role=OfficerRole.LEAD, user=UserFactory()).user
    officer_client = Client()
    officer_client.force_login(officer)
    officer_client.get("/en/workspace/")  # the session's first page stamps it
    objects = {"plan": plan.pk, "meeting": meeting.slug, "practice": practice.slug}
    # Pages read translations by content type, looked up once per process: not per request.
    ContentType.objects.get_for_models(*(spec.model for spec in registered()))

    _measure(client, officer_client, objects)  # caches filled once, as on a running site
    before = _measure(client, officer_client, objects)
    for step in range(3):
        _grow(braga, plan, meeting, practice, step=step)
    after = _measure(client, officer_client, objects)

    statuses = {name: status for name, (status, _, _) in after.items()}
    assert statuses == {
        **dict.fromkeys([*PUBLIC_PAGES, *OFFICER_PAGES], 200),
        "plan edit save": 302,
    }
    grown = {
        name: (before[name][1], after[name][1], after[name][2])
        for name in before
        if before[name][1] != after[name][1]
    }
    assert not grown, (
        f"queries per request grew with the data (before, after, most repeated): {grown}"
    )
