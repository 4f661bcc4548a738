from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # Each app says what it notifies about in its own notices.py (kinds, who may still see
        # the subject, its reminders): notifications imports none of the apps above it.
        autodiscover_modules("notices")
        # The header's unread count is read with the page's content versions.
        from fragments.context_processors import PERSONAL_LAYOUT_KEYS

        from .unread import unread_key

        if unread_key not in PERSONAL_LAYOUT_KEYS:
            PERSONAL_LAYOUT_KEYS.append(unread_key)
