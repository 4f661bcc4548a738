"""Production mode is checked in a fresh interpreter: settings are read once, at start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3J9-vQ2x_Lm8Rt5Wp1Zc7Ny4Hb6Df0Gs2Ja9Ke3Lu8Mo5Pi1Qr7Sw4Tx6Vy0Az-Bn_"


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # Only what a deployment would set: no test-run switches such as DJANGO_ALLOW_ASYNC_UNSAFE.
    dropped = ("PORTAL_", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "PORTAL_PRODUCTION": "1",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/roma_wg",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
    "ALLOWED_HOSTS": "portal.example.org",
    "EMAIL_HOST": "smtp.example.org",
}


def test_production_refuses_to_start_without_a_real_secret_key():
    result = _manage("check", **PRODUCTION)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr

    result = _manage("check", SECRET_KEY="django-insecure-" + "x" * 60, **PRODUCTION)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_sqlite_and_a_missing_broker():
    env = dict(PRODUCTION, SECRET_KEY=GOOD_KEY, DATABASE_URL="")
    assert "PostgreSQL" in _manage("check", **env).stderr
    env = dict(PRODUCTION, SECRET_KEY=GOOD_KEY, REDIS_URL="")
    assert "REDIS_URL" in _manage("check", **env).stderr
    env = dict(PRODUCTION, SECRET_KEY=GOOD_KEY, EMAIL_HOST="")
    assert "EMAIL_HOST" in _manage("check", **env).stderr


def test_deploy_check_is_clean_with_production_settings():
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=GOOD_KEY, **PRODUCTION
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_demo_data_is_refused_in_production():
    result = _manage("load_demo", SECRET_KEY=GOOD_KEY, **PRODUCTION)
    assert result.returncode != 0
    assert "refused in production" in result.stderr


def test_malformed_boolean_fails_loudly():
    result = _manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr
