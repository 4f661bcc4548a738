from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from demo.seed import ACCOUNTS, DEMO_TOTP_SECRET
from demo.services import demo_load


class Command(BaseCommand):
    help = "Load the working group's 2020 work plan and 2019 achievements, and the demo accounts."

    def handle(self, *args, **options) -> None:
        try:
            counts = demo_load()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {counts['cities']} cities, {counts['activities']} activities, "
                f"{counts['practices']} good practices."
            )
        )
        self.stdout.write("Demo accounts (password from DEMO_PASSWORD):")
        for email, is_staff, city, _role, _first, _last in ACCOUNTS:
            who = "network staff" if is_staff else f"officer of {city.title()}"
            self.stdout.write(f"  {email:<22} {who}")
        self.stdout.write(f"  password: {settings.DEMO_PASSWORD}")
        code = getattr(settings, "MFA_TOTP_INSECURE_BYPASS_CODE", None)
        self.stdout.write(
            f"  staff second factor: code {code} (development only), or an authenticator app "
            f"set up with the secret {DEMO_TOTP_SECRET}"
            if code
            else f"  staff second factor: an authenticator app with the secret {DEMO_TOTP_SECRET}"
        )
