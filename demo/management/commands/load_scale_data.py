from __future__ import annotations

import time
from datetime import date

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from demo.scale import expected_counts, scale_counts, scale_delete, scale_load


class Command(BaseCommand):
    help = (
        "Generate a large, realistic data set (500 cities, 10,000 good practices, 2,000 action "
        "plans, 300 meetings... at --scale 1) beside the demo data, for the benchmark."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="multiplies every count (default 1.0)"
        )
        parser.add_argument(
            "--seed", type=int, default=2020, help="random seed: same seed, same data"
        )
        parser.add_argument(
            "--anchor",
            type=date.fromisoformat,
            default=None,
            help="date the data is spread around (YYYY-MM-DD, default today)",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete a previously generated data set first (the demo data stays)",
        )

    def handle(self, *args, scale: float, seed: int, anchor, replace: bool, **options) -> None:
        if scale <= 0:
            raise CommandError("--scale must be above 0.")
        started = time.perf_counter()
        try:
            present = scale_counts()
            if present["cities"]:
                if not replace:
                    raise CommandError(
                        "A generated data set is already loaded ("
                        + ", ".join(f"{n:,} {name}" for name, n in present.items())
                        + "). Nothing was changed; pass --replace to delete it and generate "
                        "it again."
                    )
                scale_delete()
                self.stdout.write(
                    f"Deleted the previous data set ({present['cities']:,} cities, "
                    f"{present['practices']:,} practices) in {time.perf_counter() - started:.1f} s."
                )

            def progress(step: str, seconds: float) -> None:
                if options["verbosity"] > 1:
                    self.stdout.write(f"  {step:<15} {seconds:6.1f} s")

            result = scale_load(scale=scale, seed_value=seed, anchor=anchor, progress=progress)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error

        expected = expected_counts(scale)
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated data set (scale {scale:g}, seed {seed}) in {result.seconds:.1f} s:"
            )
        )
        for name, count in result.counts.items():
            mark = "" if name not in expected or expected[name] == count else "  (unexpected)"
            self.stdout.write(f"  {count:>8,} {name.replace('_', ' ')}{mark}")
