"""Headless Chromium (Debian's package) driven by Playwright, and axe-core for accessibility."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_violations(page) -> list[str]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page, one readable line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_AA)
    lines = []
    for violation in results.response["violations"]:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines


def totp_code(secret: str) -> str:
    """The current code of an authenticator app set up with ``secret``."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page, base_url: str, email: str, password: str, *, totp_secret: str | None = None):
    """Sign in through the real form; staff then give their authenticator code."""
    page.goto(base_url + "/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    if totp_secret and "/2fa/" in page.url:
        page.locator("input[name=code]").fill(totp_code(totp_secret))
        page.locator("input[name=code]").press("Enter")
        page.wait_for_load_state()


ARTIFACTS = Path(__file__).resolve().parent.parent / "var" / "test-artifacts"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Shots:
    """Screenshots of each page of one flow, kept as test artifacts:
    ``var/test-artifacts/<folder>/<flow>-<nn>-<what>.png``, in order."""

    def __init__(self, page, folder: str, flow: str) -> None:
        self.page, self.flow, self.paths = page, flow, []
        self.folder = ARTIFACTS / folder
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob(f"{flow}-*.png"):
            old.unlink()

    def take(self, what: str) -> None:
        self.page.wait_for_load_state()
        path = self.folder / f"{self.flow}-{len(self.paths) + 1:02d}-{what}.png"
        self.page.screenshot(path=str(path), full_page=True)
        self.paths.append(path)

    def assert_kept(self, count: int) -> None:
        assert len(self.paths) == count
        for path in self.paths:
            data = path.read_bytes()
            assert data.startswith(PNG_SIGNATURE) and len(data) > 1000, path
