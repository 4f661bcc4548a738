"""What needs a person now: each app lists its own to-dos, the workspace dashboard gathers them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Todo:
    """One thing to do, with the one action that does it.

    ``group`` names the dashboard section it belongs to; ``urgency`` orders within it (0: late,
    1: due soon, 2: waiting); ``post`` makes the action a button posting to ``url`` (marking
    something done) rather than a link; ``until``: the moment it stops applying, when that
    comes with the clock rather than with a change (a meeting's registration closing).
    """

    group: str
    title: str
    url: str
    action: str
    detail: str = ""
    due: date | None = None
    urgency: int = 2
    post: bool = False
    until: datetime | None = None

    @property
    def late(self) -> bool:
        return self.urgency == 0

    @property
    def sort_key(self) -> tuple:
        return (self.urgency, self.due or date.max, self.title)
