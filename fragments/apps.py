from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FragmentsConfig(AppConfig):
    """Cached rendering of public fragments, thrown away whenever public content changes."""

    name = "fragments"
    verbose_name = _("Cached public fragments")

    def ready(self) -> None:
        from . import versions

        versions.watch_public_content()
