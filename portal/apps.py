from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Public pages that gather several apps: the home page and a city's page."""

    name = "portal"
    verbose_name = _("Public portal")
