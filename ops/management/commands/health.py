"""manage.py health: what /healthz says, for a container's health check (beat has no port)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from roma_wg.health import health_states

PARTS = ["database", "broker", "worker", "beat"]


class Command(BaseCommand):
    help = (
        "Print the state of database, broker, worker and beat; fail when a required one is not ok."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--require",
            nargs="+",
            choices=PARTS,
            default=["database"],
            help="parts that must be ok (default: database)",
        )

    def handle(self, *args, **options) -> None:
        states = health_states()
        self.stdout.write(json.dumps(states))
        failing = [part for part in options["require"] if states[part] not in {"ok", "in-process"}]
        if failing:
            raise CommandError(", ".join(f"{part}: {states[part]}" for part in failing))
