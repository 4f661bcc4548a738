"""Time and SQL queries of the daily reminder run (a benchmark, not a test).

    .venv/bin/python bench/reminders_bench.py [--json]

Runs every app's reminders (notifications.tasks.notifications_remind) on what the configured
database holds, for each of the next 14 days (so that updates due, reviews closing, meetings
coming up and follow-ups due all come round), inside a transaction that is rolled back: the
notifications it records are thrown away. bench/run.py runs it on the large generated data set.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roma_wg.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from actionplans.models import ActionPlan  # noqa: E402
from cities.models import City  # noqa: E402
from meetings.models import Registration  # noqa: E402
from notifications.kinds import REMINDERS  # noqa: E402
from notifications.models import Notification  # noqa: E402
from notifications.tasks import notifications_deliver  # noqa: E402

DAYS = 14


class Rollback(Exception):
    pass


def run() -> dict:
    data = {
        "cities": City.objects.count(),
        "plans": ActionPlan.objects.count(),
        "registrations": Registration.objects.count(),
    }
    days = []
    today = timezone.localdate()
    reverse("portal:home")  # the URLs are imported once per process, not per run
    # The run records; the e-mails are the delivery task's business, not measured here.
    notifications_deliver.delay_on_commit = lambda *args, **kwargs: None
    try:
        with transaction.atomic():
            for offset in range(DAYS):
                day = today + timedelta(days=offset)
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    recorded = sum(remind(today=day) for remind in REMINDERS)
                    seconds = time.perf_counter() - started
                days.append(
                    {"day": day.isoformat(), "seconds": round(seconds, 3),
                     "queries": len(queries), "notifications": recorded}
                )  # fmt: skip
            again = []
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                again_count = sum(remind(today=today) for remind in REMINDERS)
                again.append(round(time.perf_counter() - started, 3))
            total = Notification.objects.count()
            raise Rollback
    except Rollback:
        pass
    return {
        "data": data,
        "days": days,
        "max_seconds": max(d["seconds"] for d in days),
        "max_queries": max(d["queries"] for d in days),
        "recorded_in_all": total,
        "same_day_again": {"seconds": again[0], "queries": len(queries),
                           "attempted": again_count},
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run()
    if args.json:
        print(json.dumps(result))
        return
    print(f"Data: {result['data']}")
    for day in result["days"]:
        print(f"{day['day']}: {day['seconds']:.2f} s, {day['queries']} queries, "
              f"{day['notifications']} notifications")  # fmt: skip
    print(f"Slowest day {result['max_seconds']:.2f} s; most queries {result['max_queries']}; "
          f"{result['recorded_in_all']} notifications in 14 days")  # fmt: skip


if __name__ == "__main__":
    main()
