"""The signed-in home as a task list: every app's to-dos for this person, grouped, counted and
ordered by urgency (what is late first)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from actionplans.selectors import plans_for_user
from actionplans.selectors import todos_for as plan_todos
from cities.models import City, CityMembership
from cities.selectors import memberships_for_user
from core.todo import Todo
from fragments.context_processors import kept_key, kept_value, read_with_versions, request_lookup
from meetings.selectors import todos_for as meeting_todos
from notifications.services import todos_for as notification_todos
from objectives.selectors import todos_for as year_todos
from practices.selectors import todos_for as practice_todos
from reports.selectors import todos_for as report_todos

# The sections of the task list, in the order they take when equally urgent.
GROUPS = {
    "updates": _("Progress updates"),
    "reviews": _("Critical friend reviews"),
    "milestones": _("Overdue milestones"),
    "followups": _("Follow-ups from meetings"),
    "practices": _("Good practices"),
    "staff": _("For the network staff"),
    "reports": _("Reports"),
    "meetings": _("Meetings open for registration"),
}


@dataclass(frozen=True)
class TaskGroup:
    key: str
    title: str
    todos: list[Todo]

    @property
    def count(self) -> int:
        return len(self.todos)

    @property
    def late(self) -> int:
        return sum(1 for todo in self.todos if todo.late)


@dataclass(frozen=True)
class Dashboard:
    groups: list[TaskGroup]
    plans: list
    own_cities: list[City]
    # The key of the officer's plan cards as last rendered ({% kept %}); none for staff.
    plans_key: str = ""

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups)


def _content_todos(*, user, own_cities: list[City], today) -> tuple[list[Todo], list]:
    """The to-dos that come from the portal's content, and the person's plans."""
    plans = list(plans_for_user(user=user, cities=own_cities))
    todos = [
        *plan_todos(user=user, plans=plans),
        *meeting_todos(user=user, cities=own_cities),
        *practice_todos(user=user, cities=own_cities),
        *year_todos(user=user, today=today),
    ]
    return todos, plans


def dashboard_keys(request) -> list[str]:
    """The cache keys an officer's dashboard reads (its to-dos, its plan cards), for the view to
    name in the page's one round trip. Their cities are not part of them: a membership that
    starts or ends changes the content versions they are kept beside."""
    key = f"dashboard:{request.user.pk}:{get_language()}:{timezone.localdate().isoformat()}"
    return [key, kept_key("dashboard-plans", key)]


def memberships_key(user) -> str:
    return kept_key("workspace-memberships", user.pk)


def memberships_of(request) -> list[CityMembership]:
    """The person's memberships with their cities, kept beside the content versions (the view
    names `memberships_key` in the page's round trip)."""
    user = request.user
    return kept_value(request, memberships_key(user), lambda: list(memberships_for_user(user)))


# What an officer's to-dos are read from: every public app's content and people's names.
DASHBOARD_APPS = sorted(settings.PUBLIC_CONTENT_APPS | settings.PRIVATE_CONTENT_APPS)


def _officer_todos(*, request, own_cities: list[City], today) -> tuple[list[Todo], list, str]:
    """An officer's content to-dos, kept until that content changes, the day ends or one of them
    stops applying (a meeting's registration closes): a dozen queries otherwise, on the page
    an officer comes back to most. Read in the page's one round trip with the versions."""
    user = request.user
    key, plans_key = dashboard_keys(request)
    read_with_versions(request, [key, plans_key])
    versions, found = request_lookup(request)
    version = ".".join(versions[app] for app in DASHBOARD_APPS)
    stored = found.get(key)
    if (
        stored is not None
        and stored[0] == version
        and (stored[1] is None or timezone.now() < stored[1])
    ):
        return stored[2], stored[3], plans_key
    todos, plans = _content_todos(user=user, own_cities=own_cities, today=today)
    until = min((todo.until for todo in todos if todo.until), default=None)
    cache.set(key, (version, until, todos, plans), timeout=settings.FRAGMENT_CACHE_SECONDS)
    return todos, plans, plans_key


def dashboard_for(*, request, memberships: list[CityMembership]) -> Dashboard:
    """The signed-in person's (``request.user``); ``memberships``: theirs, with their cities
    (the page shows them too)."""
    user = request.user
    # Follow-ups, registrations and drafts are a city's work: its officers', not the staff's.
    own_cities = sorted((m.city for m in memberships), key=lambda city: city.name)
    today = timezone.localdate()
    if user.is_staff:
        # The network's to-dos move with the clock (visits that end, updates that fall late):
        # read each time.
        todos, plans = _content_todos(user=user, own_cities=own_cities, today=today)
        plans_key = ""
    else:
        todos, plans, plans_key = _officer_todos(
            request=request, own_cities=own_cities, today=today
        )
    # Reports and e-mails that failed are read each time (their changes are made in bulk).
    todos = [*todos, *report_todos(user=user), *notification_todos(user=user)]
    groups = []
    order = list(GROUPS)
    for key in order:
        mine = sorted((t for t in todos if t.group == key), key=lambda t: t.sort_key)
        if mine:
            groups.append(TaskGroup(key, str(GROUPS[key]), mine))
    groups.sort(key=lambda g: (min(t.urgency for t in g.todos), order.index(g.key)))
    return Dashboard(groups=groups, plans=plans, own_cities=own_cities, plans_key=plans_key)
