"""The signed-in home as a task list: every app's to-dos for this person, grouped, counted and
ordered by urgency (what is late first)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from actionplans.selectors import plans_for_user
from actionplans.selectors import todos_for as plan_todos
from cities.models import City
from core.todo import Todo
from meetings.selectors import todos_for as meeting_todos
from notifications.services import todos_for as notification_todos
from objectives.selectors import todos_for as work_plan_todos
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

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups)


def dashboard_for(*, user) -> Dashboard:
    plans = list(plans_for_user(user=user))
    # Follow-ups, registrations and drafts are a city's work: its officers', not the staff's.
    own_cities = list(City.objects.filter(memberships__user=user).order_by("name"))
    todos = [
        *plan_todos(user=user, plans=plans),
        *meeting_todos(user=user, cities=own_cities),
        *practice_todos(user=user, cities=own_cities),
        *report_todos(user=user),
        *notification_todos(user=user),
        *work_plan_todos(user=user),
    ]
    groups = []
    order = list(GROUPS)
    for key in order:
        mine = sorted((t for t in todos if t.group == key), key=lambda t: t.sort_key)
        if mine:
            groups.append(TaskGroup(key, str(GROUPS[key]), mine))
    groups.sort(key=lambda g: (min(t.urgency for t in g.todos), order.index(g.key)))
    return Dashboard(groups=groups, plans=plans, own_cities=own_cities)
