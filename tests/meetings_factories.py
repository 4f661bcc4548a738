"""Test data for meetings: a published meeting in a month, hosted in Braga's time zone."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from meetings.models import (
    AgendaItem,
    AgendaSession,
    Decision,
    FollowUp,
    Meeting,
    Registration,
    Speaker,
    in_zone,
)

from .factories import CityFactory


def local(meeting: Meeting, day: int, hour: int, minute: int = 0) -> datetime:
    """The aware moment of day n (from 1) at hh:mm in the meeting's host city."""
    wall = datetime.combine(meeting.start_date + timedelta(days=day - 1), time(hour, minute))
    return in_zone(wall, meeting.time_zone)


def _start(meeting: Meeting) -> datetime:
    day = timezone.localdate() + timedelta(days=30)
    return in_zone(datetime.combine(day, time(9)), meeting.host_city.timezone)


class MeetingFactory(factory.django.DjangoModelFactory):
    """Three days, 09:00 on day 1 to 13:00 on day 3, host city's local time; published."""

    class Meta:
        model = Meeting
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"meeting-{n}")
    title = factory.Sequence(lambda n: f"Working group meeting {n}")
    kind = Meeting.Kind.WORKING_GROUP_MEETING
    host_city = factory.SubFactory(CityFactory, timezone="Europe/Lisbon")
    venue = "City Hall"
    starts_at = factory.LazyAttribute(_start)
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(days=2, hours=4))
    description = "The working group meets."
    published_at = factory.LazyAttribute(lambda m: timezone.now() - timedelta(days=1))
    updated_at = factory.SelfAttribute("published_at")

    class Params:
        draft = factory.Trait(published_at=None, updated_at=factory.LazyFunction(timezone.now))


class AgendaSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaSession

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Session {n}")


class AgendaItemFactory(factory.django.DjangoModelFactory):
    """An hour from the meeting's start unless told otherwise."""

    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    kind = AgendaItem.Kind.PLENARY
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    starts_at = factory.SelfAttribute("meeting.starts_at")
    duration = 60
    room = ""


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    item = factory.SubFactory(AgendaItemFactory)
    name = "Head of the housing department"
    role = "City of Braga"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    organisation = factory.LazyAttribute(lambda r: f"City of {r.city.name}" if r.city else "")
    city = factory.SubFactory(CityFactory)
    role = "Housing officer"
    kind = Registration.Kind.CITY_OFFICER
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    status = Registration.Status.CONFIRMED


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Decision {n}")


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    decision = factory.SubFactory(DecisionFactory)
    city = factory.SubFactory(CityFactory)
