"""Test data factories: one module, so every test builds records the same way."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from cities.models import City, CityMembership, OfficerRole
from objectives.models import Achievement, AchievementFigure, Activity, Objective, WorkPlan

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Tester{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class StaffFactory(UserFactory):
    """Network staff, with the second factor staff must have (TOTP, known secret)."""

    is_staff = True

    @factory.post_generation
    def second_factor(obj, create, extracted, **kwargs):
        from accounts.mfa import totp_give

        if create:
            totp_give(user=obj, secret=TOTP_SECRET)


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = "BE"
    latitude = 50.85
    longitude = 4.35


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CityMembership

    user = factory.SubFactory(UserFactory)
    city = factory.SubFactory(CityFactory)
    role = OfficerRole.OFFICER


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlan
        django_get_or_create = ["year"]

    year = 2020
    is_published = True


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    work_plan = factory.SubFactory(WorkPlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Objective title {n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    objective = factory.SubFactory(ObjectiveFactory)
    year = factory.SelfAttribute("objective.work_plan.year")
    kind = Activity.Kind.WORKING_GROUP_MEETING
    title = factory.Sequence(lambda n: f"Activity {n}")
    host_city = factory.SubFactory(CityFactory)


class AchievementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Achievement

    year = 2019
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Achievement {n}")
    narrative = "What was achieved."


class FigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AchievementFigure

    achievement = factory.SubFactory(AchievementFactory)
    key = factory.Sequence(lambda n: f"figure{n}")
    label = "cities"
    measure = "pledging_cities"


class PracticeFactory(factory.django.DjangoModelFactory):
    """A published practice with one theme; pass ``status`` for other states."""

    class Meta:
        model = "practices.Practice"
        skip_postgeneration_save = True

    city = factory.SubFactory(CityFactory)
    title = factory.Sequence(lambda n: f"Practice number {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary = "A summary of what the city did."
    description = "<p>What the city did, in detail.</p>"
    start_year = 2015
    status = "published"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        from practices.models import Theme
        from practices.services import choices_ensure

        if create:
            choices_ensure()
            codes = extracted or ["education"]
            obj.themes.set(Theme.objects.filter(code__in=codes))

    @factory.post_generation
    def reindex(obj, create, extracted, **kwargs):
        from practices.search import practices_search_index

        if create:
            practices_search_index(practice_ids=[obj.pk])


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actionplans.ActionPlan"

    city = factory.SubFactory(CityFactory)
    title = factory.Sequence(lambda n: f"Action plan {n}")
    topic = "school_dropout"
    status = "implementation"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actionplans.Action"

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    progress = 20


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actionplans.Indicator"

    plan = factory.SubFactory(PlanFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "children"
    baseline_value = 5
    baseline_year = 2018
    target_value = 40
    target_year = 2022
