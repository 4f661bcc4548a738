from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # The folders the portal writes to, made when it starts rather than when its settings
        # are read (reading them must not touch the disk): the embedded SQLite database's and
        # the collected static files' (WhiteNoise warns about a missing one).
        from pathlib import Path

        from django.conf import settings

        database = settings.DATABASES["default"]
        if database["ENGINE"].endswith("sqlite3") and str(database["NAME"]) != ":memory:":
            Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
