from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """The public network dashboard: the whole network's action plans against the EU Roma
    framework targets. It reads `actionplans` and `cities`; no app below imports it."""

    name = "network"
    verbose_name = _("Network dashboard")
