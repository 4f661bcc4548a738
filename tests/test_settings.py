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


def test_a_secret_may_come_from_a_file(tmp_path, monkeypatch):
    from roma_wg.env import env_int, env_str

    secret = tmp_path / "secret_key"
    secret.write_text("from-a-docker-secret\n")
    monkeypatch.delenv("SOME_SECRET", raising=False)
    monkeypatch.setenv("SOME_SECRET_FILE", str(secret))
    assert env_str("SOME_SECRET") == "from-a-docker-secret"
    monkeypatch.setenv("SOME_SECRET", "the variable wins")
    assert env_str("SOME_SECRET") == "the variable wins"
    (tmp_path / "count").write_text("12\n")
    monkeypatch.setenv("SOME_COUNT_FILE", str(tmp_path / "count"))
    assert env_int("SOME_COUNT", 3) == 12


def test_reading_the_settings_creates_no_directory(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db' / 'portal.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    subprocess.run([sys.executable, "-c", "import roma_wg.settings"], cwd=root, env=env, check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
