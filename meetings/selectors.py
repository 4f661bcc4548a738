"""Reads for meeting pages, each shaped for one page with its related rows fetched up front."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cities.models import City
from core.todo import Todo
from objectives.models import Activity

from .models import (
    PARTICIPANT_GROUPS,
    AgendaItem,
    AgendaSession,
    Decision,
    FollowUp,
    GuestInvitation,
    Meeting,
    Registration,
    participant_group,
    participant_kind_label,
    participant_kind_noun,
)

# --- Public lists -----------------------------------------------------------------------


def published_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(published_at__isnull=False).select_related("host_city")


def meetings_upcoming_and_past(
    *, meetings: QuerySet[Meeting], now: datetime | None = None
) -> tuple[QuerySet[Meeting], QuerySet[Meeting]]:
    """Upcoming (and running) meetings soonest first; past meetings newest first."""
    now = now or timezone.now()
    upcoming = meetings.filter(ends_at__gte=now).order_by("starts_at", "id")
    past = meetings.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    return upcoming, past


def meeting_years() -> list[int]:
    """Years with a published meeting, newest first, for the year filter."""
    starts = published_meetings().values_list("starts_at", flat=True)
    return sorted({start.year for start in starts}, reverse=True)


def meetings_for_city(*, city: City) -> QuerySet[Meeting]:
    """Published meetings the city hosted or sent people to, newest first."""
    # Guests who registered themselves name their city; only their attendance links it.
    took_part = (
        Registration.objects.filter(meeting=OuterRef("pk"), city=city)
        .filter(Q(self_registered=False) | Q(attended=True))
        .exclude(status=Registration.Status.CANCELLED)
    )
    return (
        published_meetings()
        .filter(Q(host_city=city) | Q(Exists(took_part)))
        .order_by("-starts_at", "-id")
    )


def meeting_detail() -> QuerySet[Meeting]:
    """The queryset a meeting's public page reads from (documents and outcomes prefetched)."""
    followups = FollowUp.objects.select_related("city").order_by("city__name")
    decisions = Decision.objects.prefetch_related(
        Prefetch("followups", queryset=followups)
    ).order_by("created_at", "id")
    return Meeting.objects.select_related(
        "host_city", "activity__objective__work_plan"
    ).prefetch_related("documents", Prefetch("decisions", queryset=decisions))


# --- Agenda -----------------------------------------------------------------------------


@dataclass
class AgendaBlock:
    """Consecutive items of one session (or of none) within a day."""

    session: AgendaSession | None
    items: list[AgendaItem] = field(default_factory=list)
    # A session resumed after a break keeps its one heading.
    show_heading: bool = True


@dataclass
class AgendaDay:
    number: int
    date: date
    blocks: list[AgendaBlock] = field(default_factory=list)

    @property
    def items(self) -> list[AgendaItem]:
        return [item for block in self.blocks for item in block.items]


def meeting_agenda(*, meeting: Meeting, include_empty_days: bool = False) -> list[AgendaDay]:
    """The timetable: one entry per day of the meeting (host city's dates), items in time order."""
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("session")
        .prefetch_related("speakers")
        .order_by("starts_at", "room", "id")
    )
    days = {day: AgendaDay(number=n, date=day) for n, day in enumerate(meeting.days, start=1)}
    for item in items:
        day = meeting.local(item.starts_at).date()
        if day not in days:  # only if the meeting's dates moved after the item was planned
            days[day] = AgendaDay(number=0, date=day)
        blocks = days[day].blocks
        if not blocks or blocks[-1].session != item.session:
            shown = [block.session for block in blocks if block.session and block.show_heading]
            resumed = bool(shown) and shown[-1] == item.session
            blocks.append(AgendaBlock(session=item.session, show_heading=not resumed))
        blocks[-1].items.append(item)
    ordered = [days[day] for day in sorted(days)]
    return [day for day in ordered if include_empty_days or day.blocks]


def agenda_sources(*, exclude: Meeting) -> QuerySet[Meeting]:
    """Meetings whose agenda can be copied as a start: any other one that has an agenda."""
    return (
        Meeting.objects.filter(items__isnull=False)
        .exclude(pk=exclude.pk)
        .select_related("host_city")
        .distinct()
        .order_by("-starts_at")
    )


# --- Attendance figures -----------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceFigures:
    """Who attended a meeting: people by participant group (their kind; guests by role
    category, a guest local expert with the local experts), and how many cities they came
    from. Nobody is named."""

    by_kind: dict[str, int]
    cities: int

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    @property
    def kinds(self) -> list[tuple[int, str]]:
        """(35, "city officers") for each participant kind present, in the kinds' order."""
        return [
            (self.by_kind[kind], participant_kind_noun(kind, self.by_kind[kind]))
            for kind in PARTICIPANT_GROUPS
            if self.by_kind.get(kind)
        ]

    @property
    def headline(self) -> str:
        """ "35 city officers from 15 European cities": the largest group and the cities."""
        if not self.by_kind:
            return ""
        kind = max(self.by_kind, key=lambda k: (self.by_kind[k], -PARTICIPANT_GROUPS.index(k)))
        people = participant_kind_label(kind, self.by_kind[kind])
        if not self.cities:
            return people
        return ngettext(
            "%(people)s from %(count)s European city",
            "%(people)s from %(count)s European cities",
            self.cities,
        ) % {"people": people, "count": self.cities}


def place_key(city_id: int | None, place: str, country: str) -> tuple | None:
    """One city however it is named: a member city by its row; a guest's own town by its name
    and country (Porto, PT, said by two guests, is one city)."""
    if city_id is not None:
        return ("city", city_id)
    if place.strip():
        return ("place", " ".join(place.lower().split()), country)
    return None


def attendance_figures(
    *, meetings: Iterable[Meeting] | QuerySet[Meeting]
) -> dict[int, AttendanceFigures]:
    """Per meeting id: attendees by participant group and distinct cities. Two queries in all.

    Counts people whose attendance was recorded; a meeting without any is left out.
    """
    ids = [meeting.pk for meeting in meetings]
    attended = Registration.objects.filter(meeting_id__in=ids, attended=True)
    by_kind: dict[int, dict[str, int]] = {}
    rows = attended.values("meeting_id", "kind", "guest_category").annotate(count=Count("id"))
    for row in rows.order_by():
        group = participant_group(row["kind"], row["guest_category"])
        groups = by_kind.setdefault(row["meeting_id"], {})
        groups[group] = groups.get(group, 0) + row["count"]
    places: dict[int, set] = {}
    for meeting_id, city_id, place, country in (
        attended.values_list("meeting_id", "city_id", "place", "country").distinct().order_by()
    ):
        key = place_key(city_id, place, country)
        if key is not None:
            places.setdefault(meeting_id, set()).add(key)
    return {
        meeting_id: AttendanceFigures(by_kind=kinds, cities=len(places.get(meeting_id, ())))
        for meeting_id, kinds in by_kind.items()
    }


# --- Registrations ----------------------------------------------------------------------


def registrations_for_meeting(*, meeting: Meeting) -> QuerySet[Registration]:
    """Everyone registered, for the staff: confirmed, then the waiting list in order."""
    return (
        Registration.objects.filter(meeting=meeting)
        .select_related("city")
        .order_by("status", "created_at", "id")
    )


def registrations_for_cities(*, meeting: Meeting, cities: QuerySet[City]) -> QuerySet[Registration]:
    """An officer's view: the people of their cities registered for the meeting."""
    return (
        Registration.objects.filter(meeting=meeting, city__in=cities, self_registered=False)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("city")
        .order_by("created_at", "id")
    )


@dataclass(frozen=True)
class Places:
    confirmed: int
    waiting: int
    capacity: int | None

    @property
    def left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed >= self.capacity


def meeting_places(*, meeting: Meeting) -> Places:
    counts = Registration.objects.filter(meeting=meeting).aggregate(
        confirmed=Count("id", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("id", filter=Q(status=Registration.Status.WAITING)),
    )
    return Places(capacity=meeting.capacity, **counts)


def attendance_candidates(*, meeting: Meeting) -> QuerySet[Registration]:
    """Confirmed participants, whose attendance staff record."""
    return (
        Registration.objects.filter(meeting=meeting, status=Registration.Status.CONFIRMED)
        .select_related("city")
        .order_by("city__name", "name", "id")
    )


# --- Guests -------------------------------------------------------------------------------


def guests_for_meeting(*, meeting: Meeting) -> QuerySet[Registration]:
    """Guests who registered themselves, for the staff and the organisers: those waiting for
    approval first, then by status and date."""
    return (
        Registration.objects.filter(meeting=meeting, self_registered=True)
        .select_related("city", "invitation")
        .order_by("status", "created_at", "id")
    )


def invitations_for_meeting(*, meeting: Meeting) -> QuerySet[GuestInvitation]:
    """The meeting's guest invitations, each with the registrations made through it."""
    used = Count(
        "registrations",
        filter=~Q(
            registrations__status__in=[
                Registration.Status.CANCELLED,
                Registration.Status.DECLINED,
            ]
        ),
    )
    return (
        GuestInvitation.objects.filter(meeting=meeting)
        .annotate(used=used)
        .order_by("revoked_at", "-created_at", "-id")
    )


# --- Workspace --------------------------------------------------------------------------


def meetings_for_staff() -> QuerySet[Meeting]:
    """Every meeting, drafts included, with its places taken and its waiting list."""
    return (
        Meeting.objects.select_related("host_city")
        .annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITING)
            ),
        )
        .order_by("-starts_at", "-id")
    )


def activities_without_meeting() -> QuerySet[Activity]:
    """Planned events of the work plans that no meeting carries out yet."""
    return (
        Activity.objects.filter(kind__in=Activity.EVENT_KINDS, meetings__isnull=True)
        .exclude(is_cancelled=True)
        .select_related("host_city")
        .order_by("-year", "start_date", "id")
    )


def meetings_open_for_registration(*, now: datetime | None = None) -> QuerySet[Meeting]:
    now = now or timezone.now()
    return (
        published_meetings()
        .filter(starts_at__gt=now)
        .filter(Q(registration_deadline__isnull=True) | Q(registration_deadline__gte=now))
        .order_by("starts_at", "id")
    )


def upcoming_registrations_for_cities(
    *, cities: QuerySet[City], now: datetime | None = None
) -> QuerySet[Registration]:
    now = now or timezone.now()
    return (
        Registration.objects.filter(
            city__in=cities, meeting__ends_at__gte=now, self_registered=False
        )
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("meeting", "city")
        .order_by("meeting__starts_at", "created_at", "id")
    )


# --- Decisions and follow-ups -----------------------------------------------------------


def decisions_for_meeting(*, meeting: Meeting) -> QuerySet[Decision]:
    followups = FollowUp.objects.select_related("city").order_by("city__name")
    return (
        Decision.objects.filter(meeting=meeting)
        .prefetch_related(Prefetch("followups", queryset=followups))
        .order_by("created_at", "id")
    )


def open_followups_for_cities(*, cities: Iterable[City] | QuerySet[City]) -> QuerySet[FollowUp]:
    """What the cities still have to do after past meetings, soonest due first.

    For a city's workspace dashboard: ``{% include "meetings/_followups.html" %}``.
    """
    return (
        FollowUp.objects.filter(city__in=cities, status=FollowUp.Status.OPEN)
        .select_related("decision__meeting__host_city", "city")
        .order_by("decision__due_date", "decision__meeting__starts_at", "id")
    )


def followups_carried_to(*, meeting: Meeting, public: bool = False) -> QuerySet[FollowUp]:
    """Open follow-ups of meetings held before this one: the next meeting's agenda lists them."""
    followups = FollowUp.objects.filter(
        status=FollowUp.Status.OPEN, decision__meeting__ends_at__lte=meeting.starts_at
    ).exclude(decision__meeting=meeting)
    if public:
        followups = followups.filter(decision__meeting__published_at__isnull=False)
    return followups.select_related("decision__meeting", "city").order_by(
        "decision__due_date", "decision__meeting__starts_at", "decision_id", "city__name"
    )


# --- Calendar ---------------------------------------------------------------------------


def calendar_window(*, today: date) -> tuple[datetime, datetime]:
    """The span the all-meetings calendar covers around ``today`` (settings CALENDAR_PAST_DAYS
    and CALENDAR_FUTURE_DAYS): a meeting is in it when part of it falls inside, so the file
    stays the same size however many years the network has met."""
    midnight = datetime.combine(today, datetime.min.time(), tzinfo=timezone.get_current_timezone())
    return (
        midnight - timedelta(days=settings.CALENDAR_PAST_DAYS),
        midnight + timedelta(days=settings.CALENDAR_FUTURE_DAYS + 1),
    )


def calendar_meetings(*, today: date) -> QuerySet[Meeting]:
    start, end = calendar_window(today=today)
    return (
        published_meetings()
        .filter(ends_at__gte=start, starts_at__lt=end)
        .order_by("starts_at", "id")
    )


def calendar_version(*, today: date) -> tuple[int, datetime | None]:
    """What the all-meetings feed depends on: how many meetings it holds and their latest
    change (with the day, which moves its window)."""
    state = (
        calendar_meetings(today=today)
        .order_by()
        .aggregate(count=Count("id"), latest=Max("updated_at"))
    )
    return state["count"], state["latest"]


# --- The dashboard ----------------------------------------------------------------------


def todos_for(*, user, cities: list[City]) -> list[Todo]:
    """Meeting work that needs an officer's cities: follow-ups decided at meetings, and meetings
    open for registration that none of their cities has registered for yet."""
    if not cities:
        return []
    today = timezone.localdate()
    todos = []
    followups = open_followups_for_cities(cities=cities).only(
        "city__name",
        "decision__title",
        "decision__due_date",
        "decision__meeting__title",
        "decision__meeting__host_city__timezone",
    )
    for followup in followups[:20]:
        due = followup.decision.due_date
        late = due is not None and due < today
        detail = _("Decided at %(meeting)s") % {"meeting": followup.decision.meeting.title}
        if due:
            when = _("was due on %(date)s") if late else _("due on %(date)s")
            detail += " · " + when % {"date": formats.date_format(due, "DATE_FORMAT")}
        todos.append(
            Todo(
                group="followups",
                title=_("%(city)s: %(decision)s")
                % {"city": followup.city.name, "decision": followup.decision.title},
                detail=detail,
                url=reverse("meetings:followup_done", kwargs={"pk": followup.pk}),
                action=_("Mark as done"),
                due=due,
                urgency=0 if late else 1,
                post=True,
            )
        )
    registered = Registration.objects.filter(
        city__in=cities, meeting=OuterRef("pk"), self_registered=False
    ).exclude(status=Registration.Status.CANCELLED)
    open_meetings = (
        meetings_open_for_registration()
        .annotate(registered=Exists(registered))
        .filter(registered=False)
        .select_related("host_city")
        .only(
            "slug", "title", "starts_at", "ends_at", "registration_deadline", "host_city__timezone"
        )[:10]
    )
    for meeting in open_meetings:
        closes = meeting.registration_deadline
        todos.append(
            Todo(
                group="meetings",
                title=meeting.title,
                detail=(
                    _("%(period)s · registration closes on %(date)s")
                    % {
                        "period": meeting.period_label,
                        "date": formats.date_format(timezone.localtime(closes), "DATE_FORMAT"),
                    }
                    if closes
                    else meeting.period_label
                ),
                url=reverse("meetings:register", kwargs={"slug": meeting.slug}),
                action=_("Register"),
                due=timezone.localtime(closes).date() if closes else None,
                urgency=2,
                until=min(closes, meeting.starts_at) if closes else meeting.starts_at,
            )
        )
    return todos
