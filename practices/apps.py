from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices and guidelines")

    def ready(self) -> None:
        # The search texts follow the practices' translations.
        from . import signals  # noqa: F401
        from .facet_counts import watch_counted_data

        # The facets' counts are counted again only when what they count changes.
        watch_counted_data()
