from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ObjectivesConfig(AppConfig):
    name = "objectives"
    verbose_name = _("Work plans and objectives")

    def ready(self) -> None:
        # Each app says which of its records show the year's work was done, and how its
        # figures are counted, in its own evidence.py: objectives imports none of them.
        autodiscover_modules("evidence")
