"""Loads the seed document as records. Idempotent: every record is looked up by a natural key."""

from __future__ import annotations

from datetime import date

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.urls import reverse

from accounts.mfa import totp_give
from cities.models import City, CityMembership
from objectives.models import (
    Achievement,
    Activity,
    AdvocacyAction,
    NetworkPriority,
    Objective,
    Stakeholder,
    StrategicObjective,
    WorkPlan,
    WorkPlanContact,
)

from . import seed
from .accountability import accountability_demo_load
from .actionplans import actionplans_demo_load
from .languages import CITY_NAMES, languages_demo_load
from .meetings import meetings_demo_load
from .practices import practices_demo_load


def _refuse_in_production() -> None:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo data and demo accounts are refused in production mode.")


def _activity(
    *,
    year: int,
    spec: dict,
    cities: dict[str, City],
    stakeholders: dict[str, Stakeholder],
    objective=None,
    order=0,
) -> Activity:
    start = date(*spec["start"]) if "start" in spec else None
    end = date(*spec["end"]) if "end" in spec else None
    activity, _ = Activity.objects.update_or_create(
        year=year,
        title=spec["title"],
        defaults={
            "objective": objective,
            "order": order,
            "kind": spec["kind"],
            "description": spec.get("description", ""),
            "host_city": cities.get(spec.get("host", "")),
            "season": spec.get("season", ""),
            "start_date": start,
            "end_date": end,
            "outcomes": spec.get("outcomes", ""),
        },
    )
    if activity.host_city:
        activity.participating_cities.add(activity.host_city)
    activity.stakeholders.set([stakeholders[name] for name in spec.get("stakeholders", [])])
    return activity


def demo_load() -> dict[str, int]:
    _refuse_in_production()  # before anything touches the database
    with transaction.atomic():
        return _load()


def _load() -> dict[str, int]:
    cities = {}
    for slug, name, country, lat, lon, membership, timezone in seed.CITIES:
        cities[slug], _ = City.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "country": country,
                "latitude": lat,
                "longitude": lon,
                "membership": membership,
                "timezone": timezone,
                "names": CITY_NAMES.get(slug, {}),
            },
        )

    strategic = {}
    for code, title in seed.STRATEGIC_OBJECTIVES:
        strategic[code], _ = StrategicObjective.objects.update_or_create(
            code=code, defaults={"title": title}
        )

    stakeholders: dict[str, Stakeholder] = {}
    for name, short, kind, parent in seed.STAKEHOLDERS:
        stakeholders[short], _ = Stakeholder.objects.update_or_create(
            name=name,
            defaults={"short_name": short, "kind": kind, "parent": stakeholders.get(parent or "")},
        )

    plan, _ = WorkPlan.objects.update_or_create(
        year=2020, defaults={"introduction": seed.INTRODUCTION, "is_published": True}
    )
    plan.strategic_objectives.set(strategic.values())
    for order, (role, organisation) in enumerate(seed.CONTACTS):
        WorkPlanContact.objects.update_or_create(
            work_plan=plan, role=role, defaults={"organisation": organisation, "order": order}
        )

    activities: dict[str, Activity] = {}
    for spec in seed.OBJECTIVES_2020:
        priority = None
        if spec["priority"]:
            priority, _ = NetworkPriority.objects.update_or_create(
                title=spec["priority"], defaults={"framework": seed.PRIORITY_FRAMEWORK}
            )
        objective, _ = Objective.objects.update_or_create(
            work_plan=plan,
            number=spec["number"],
            defaults={"title": spec["title"], "priority": priority},
        )
        for order, activity_spec in enumerate(spec["activities"]):
            activities[activity_spec["key"]] = _activity(
                year=2020,
                spec=activity_spec,
                cities=cities,
                stakeholders=stakeholders,
                objective=objective,
                order=order,
            )

    for order, spec in enumerate(seed.ACTIVITIES_2019):
        activities[spec["key"]] = _activity(
            year=2019, spec=spec, cities=cities, stakeholders=stakeholders, order=order
        )

    advocacy = {}
    for spec in seed.ADVOCACY_2019:
        action, _ = AdvocacyAction.objects.update_or_create(
            year=2019,
            title=spec["title"],
            defaults={"kind": spec["kind"], "description": spec.get("description", "")},
        )
        action.stakeholders.set([stakeholders[s] for s in spec["stakeholders"]])
        advocacy[spec["key"]] = action

    for spec in seed.ACHIEVEMENTS_2019:
        achievement, _ = Achievement.objects.update_or_create(
            year=2019,
            number=spec["number"],
            defaults={"title": spec["title"], "narrative": spec["narrative"]},
        )
        achievement.activities.set([activities[key] for key in spec["activities"]])
        achievement.advocacy_actions.set([advocacy[key] for key in spec["advocacy"]])
        achievement.cities.set([cities[slug] for slug in spec["cities"]])

    practices = practices_demo_load(cities=cities, activities=activities)
    meetings_demo_load(cities=cities)
    actionplans_demo_load(cities=cities)
    accountability_demo_load(cities=cities, activities=activities)
    accounts = demo_accounts_create(cities=cities)
    demo_notifications_create()
    languages_demo_load()  # after the accounts: the demo's staff translates
    return {
        "cities": len(cities),
        "activities": len(activities),
        "practices": practices,
        "accounts": accounts,
    }


def demo_notifications_create() -> int:
    """A few unread notifications for the demo accounts, so the loop shows when one tries the
    demo: Braga's officers hear of the 2019 review and its findings, staff of the responses.
    Listed on the site only (no e-mail); loading again adds none."""
    from actionplans.models import Review
    from notifications.services import notify

    told = 0
    for review in Review.objects.filter(plan__city__slug="braga").select_related("plan__city"):
        officers = [m.user for m in review.plan.city.memberships.select_related("user")]
        staff = get_user_model().objects.filter(is_staff=True)
        url = reverse("actionplans:review", kwargs={"pk": review.pk})
        context = {"plan": review.plan.title, "city": review.plan.city.name}
        told += notify(recipients=officers, kind="review_opened", subject=review, url=url,
                       context=context, email=False)  # fmt: skip
        for finding in review.findings.all():
            told += notify(
                recipients=officers, kind="finding_added", subject=finding, url=url,
                context=context,
                email=False,
            )  # fmt: skip
            if finding.response:
                told += notify(recipients=staff, kind="finding_answered", subject=finding,
                               url=url, context=context, email=False)  # fmt: skip
    return told


def demo_accounts_create(*, cities: dict[str, City]) -> int:
    _refuse_in_production()
    user_model = get_user_model()
    for email, is_staff, city_slug, role, first_name, last_name in seed.ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            email=email, defaults={"is_staff": is_staff, "is_superuser": is_staff}
        )
        if not user.first_name and not user.last_name:
            user.first_name, user.last_name = first_name, last_name
            user.save(update_fields=["first_name", "last_name"])
        if created or not user.check_password(settings.DEMO_PASSWORD):
            user.set_password(settings.DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if is_staff:
            totp_give(user=user, secret=seed.DEMO_TOTP_SECRET)
        if city_slug:
            CityMembership.objects.update_or_create(
                user=user, city=cities[city_slug], defaults={"role": role}
            )
    return len(seed.ACCOUNTS)
