"""Several people using the embedded default (a SQLite file) at once, in one process with a
thread per person, as `make run` serves them. Run by tests/test_sqlite_concurrency.py in its own
process (the settings must name the SQLite file before Django starts); prints one JSON line.

Usage: python tests/sqlite_load.py <database file>
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(database: str) -> dict:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["REDIS_URL"] = ""
    os.environ["DJANGO_SETTINGS_MODULE"] = "roma_wg.settings"
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)
    return run(database)


def run(database: str) -> dict:
    from django.db import connection
    from django.test import Client

    from actionplans.models import Action
    from cities.models import CityMembership, Invitation
    from tests.editing import changed, form_as_shown
    from tests.factories import (
        ActionFactory,
        CityFactory,
        MembershipFactory,
        PlanFactory,
        UserFactory,
    )
    from tests.sessions import force_login_every_factor

    braga = CityFactory(name="Braga", slug="braga")
    plan = PlanFactory(city=braga, title="Braga plan")
    people = [MembershipFactory(city=braga, user=UserFactory()).user for _ in range(6)]
    actions = [ActionFactory(plan=plan, title=f"Action {n}", progress=0) for n in range(6)]
    invitation = Invitation.objects.create(city=braga, email="new.officer@example.org")
    connection.close()

    statuses: Counter = Counter()
    errors: list[str] = []
    lock = threading.Lock()

    def record(label: str, response=None, error: BaseException | None = None) -> None:
        with lock:
            if error is not None:
                statuses[f"{label}:exception"] += 1
                errors.append(f"{label}: {error!r}")
            else:
                statuses[f"{label}:{response.status_code}"] += 1
                if response.status_code >= 500:
                    errors.append(f"{label}: {response.status_code}")

    def signed_in(person) -> Client:
        client = Client(raise_request_exception=True)
        force_login_every_factor(client, person)
        return client

    def in_thread(work):
        def wrapped(*args):
            from django.db import connection as own

            try:
                work(*args)
            except BaseException as error:  # recorded: the test reads them all
                record("thread", error=error)
                errors.append(traceback.format_exc(limit=3))
            finally:
                own.close()

        return wrapped

    # 1. Each person saves their own action ten times while the others do the same and browse
    #    (every request writes the session): nobody fails, every last value is kept.
    start = threading.Barrier(len(people) + 1)

    @in_thread
    def edit_own_action(person, action) -> None:
        client = signed_in(person)
        url = f"/en/workspace/actions/{action.pk}/"
        start.wait()
        for progress in range(1, 11):
            try:
                data = changed(form_as_shown(client, url), progress=str(progress * 10))
                record("save", client.post(url, data))
                record("browse", client.get("/en/workspace/"))
            except BaseException as error:
                record("save", error=error)

    # 2. Meanwhile the invited officer accepts (the account and the session written at once).
    @in_thread
    def accept_invitation() -> None:
        client = Client(raise_request_exception=True)
        link = f"/en/accounts/invitation/{invitation.token}/"
        start.wait()
        try:
            record("invitation_page", client.get(link))
            password = "Braga-2020-plan!"
            response = client.post(link, {"password1": password, "password2": password})
            record("invitation", response)
            record("after_invitation", client.get("/en/workspace/"))
        except BaseException as error:
            record("invitation", error=error)

    threads = [
        threading.Thread(target=edit_own_action, args=(person, action))
        for person, action in zip(people, actions, strict=True)
    ]
    threads.append(threading.Thread(target=accept_invitation))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    kept = sorted(Action.objects.filter(plan=plan).values_list("progress", flat=True))
    joined = CityMembership.objects.filter(user__email="new.officer@example.org").exists()

    # 3. Two people save the same action at the same moment from forms opened at once: one
    #    save goes through, the other is refused as a conflict, and neither fails.
    first, second = signed_in(people[0]), signed_in(people[1])
    target = actions[0]
    url = f"/en/workspace/actions/{target.pk}/"
    opened = [form_as_shown(first, url), form_as_shown(second, url)]
    connection.close()
    together = threading.Barrier(2)
    outcome: dict[str, int] = {}

    @in_thread
    def save_at_once(name, client, data) -> None:
        together.wait()
        try:
            response = client.post(url, data)
            outcome[name] = response.status_code
            record("same_object", response)
        except BaseException as error:
            record("same_object", error=error)

    pair = [
        threading.Thread(
            target=save_at_once, args=("first", first, changed(opened[0], title="By the first"))
        ),
        threading.Thread(
            target=save_at_once, args=("second", second, changed(opened[1], title="By the second"))
        ),
    ]
    for thread in pair:
        thread.start()
    for thread in pair:
        thread.join()
    target.refresh_from_db()

    # 4. /healthz while another program holds the write lock of the file, then after.
    health = {}
    anonymous = Client()
    holder = sqlite3.connect(database, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        response = anonymous.get("/healthz")
        health["locked"] = [response.status_code, response.json()["database"]]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    response = anonymous.get("/healthz")
    health["free"] = [response.status_code, response.json()["database"]]

    return {
        "statuses": dict(statuses),
        "errors": errors,
        "progress_kept": kept,
        "invitation_joined": joined,
        "same_object": outcome,
        "same_object_title": target.title,
        "health": health,
        "journal_mode": _journal_mode(database),
    }


def _journal_mode(database: str) -> str:
    with sqlite3.connect(database) as raw:
        return raw.execute("PRAGMA journal_mode").fetchone()[0]


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
