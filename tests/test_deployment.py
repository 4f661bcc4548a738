"""The production topology file: it cannot run here (no Docker engine), so check its shape."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_web_worker_beat_database_and_broker_with_health_checks():
    services = _compose()["services"]
    for name in ["web", "worker", "beat", "db", "redis"]:
        assert name in services, name
        assert "healthcheck" in services[name], name
    assert "gunicorn" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "roma_wg", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "roma_wg", "beat"]


def test_compose_takes_secrets_from_the_environment_only():
    environment = _compose()["services"]["web"]["environment"]
    assert environment["PORTAL_PRODUCTION"] == "1"
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]
    assert environment["REDIS_URL"].startswith("redis://redis:")
