"""The embedded default (a SQLite file) holds up when several people write at once: writers wait
for each other instead of failing with "database is locked", and nothing is lost.

It runs in its own process on a SQLite file of its own whatever database the rest of the suite
uses (tests/sqlite_load.py): the settings decide how SQLite is opened, before Django starts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# One load for the module's tests: in parallel runs they go to one worker (conftest.SAME_WORKER).
pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("sqlite_load.py")


@pytest.fixture(scope="module")
def load(tmp_path_factory) -> dict:
    database = tmp_path_factory.mktemp("sqlite") / "portal.sqlite3"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(database)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=SCRIPT.parent.parent,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_people_saving_at_once_on_sqlite_get_no_error_and_lose_nothing(load):
    assert load["errors"] == []
    assert load["statuses"]["save:302"] == 60
    assert load["statuses"]["browse:200"] == 60
    assert load["progress_kept"] == [100] * 6
    assert load["journal_mode"] == "wal"


def test_accepting_an_invitation_while_others_write_on_sqlite_succeeds(load):
    assert load["statuses"].get("invitation:302") == 1
    assert load["statuses"].get("after_invitation:200") == 1
    assert load["invitation_joined"]


def test_two_saves_of_one_object_at_once_on_sqlite_give_one_save_and_one_conflict(load):
    assert sorted(load["same_object"].values()) == [302, 409]
    winner = next(name for name, status in load["same_object"].items() if status == 302)
    assert load["same_object_title"] == f"By the {winner}"


def test_health_probe_reports_a_locked_sqlite_file(load):
    assert load["health"]["locked"] == [503, "unavailable"]
    assert load["health"]["free"] == [200, "ok"]
