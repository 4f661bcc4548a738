from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Each app describes the personal data it holds in its own personal_data.py (see
        # accounts/personal_data.py): accounts never imports the apps that come after it.
        autodiscover_modules("personal_data")
        # Connects the receiver that counts setting up TOTP as passing the second factor.
        from . import mfa  # noqa: F401
