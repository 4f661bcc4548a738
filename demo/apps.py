from __future__ import annotations

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data: the working group's 2020 work plan and 2019 achievements as records."""

    name = "demo"
    verbose_name = "Demo data"
