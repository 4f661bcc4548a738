from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Translations of what people write: a practice, a plan, an agenda, in other languages."""

    name = "translations"
    verbose_name = _("Translations")

    def ready(self) -> None:
        # Each app names its translatable models in its own translatable.py.
        autodiscover_modules("translatable")
        from . import signals  # noqa: F401
