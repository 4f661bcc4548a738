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


# --- Object store, health checks, logs and metrics -----------------------------------------

PORTAL_SERVICES = ["migrate", "web", "worker", "beat", "backup"]


def test_every_portal_service_uses_the_object_store_logs_and_metrics_settings():
    services = _compose()["services"]
    for name in PORTAL_SERVICES:
        environment = services[name]["environment"]
        assert environment["S3_ENDPOINT_URL"].endswith("http://objectstore:9000}"), name
        assert environment["S3_BUCKET"], name
        assert environment["S3_ACCESS_KEY_ID"].startswith("${S3_ACCESS_KEY_ID:?"), name
        assert environment["S3_SECRET_ACCESS_KEY"].startswith("${S3_SECRET_ACCESS_KEY:?"), name
        assert environment["METRICS_TOKEN"].startswith("${METRICS_TOKEN:?"), name
        assert environment["LOG_FORMAT"] == "json", name
        assert environment["PROMETHEUS_MULTIPROC_DIR"], name
        # No file lives on a container's own disk any more.
        assert "MEDIA_ROOT" not in environment, name
        assert not any("media" in volume for volume in services[name].get("volumes", [])), name


def test_portal_services_wait_for_every_store_they_use():
    services = _compose()["services"]
    for name in PORTAL_SERVICES:
        depends = services[name]["depends_on"]
        for store in ["db", "redis", "objectstore"]:
            assert depends[store]["condition"] == "service_healthy", (name, store)
        assert depends["objectstore-init"]["condition"] == "service_completed_successfully"
    for name in ["web", "worker", "beat"]:
        assert services[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )


def test_every_dependency_exists_and_a_healthy_one_has_a_health_check():
    services = _compose()["services"]
    for name, service in services.items():
        for target, rule in service.get("depends_on", {}).items():
            assert target in services, (name, target)
            if rule["condition"] == "service_healthy":
                assert "healthcheck" in services[target], (name, target)
                assert not services[target]["healthcheck"].get("disable"), (name, target)


def test_the_object_store_is_private_and_checked():
    services = _compose()["services"]
    store = services["objectstore"]
    assert "minio" in store["image"]
    assert store["command"][0] == "server"
    assert "ports" not in store  # reached by the portal only, never by browsers
    assert store["environment"]["MINIO_ROOT_PASSWORD"].startswith("${S3_SECRET_ACCESS_KEY:?")
    assert "objects:/data" in store["volumes"]
    assert store["healthcheck"]["test"] == ["CMD", "mc", "ready", "local"]
    init = " ".join(services["objectstore-init"]["command"])
    assert "mc mb --ignore-existing" in init and "mc anonymous set none" in init
    assert "objects" in _compose()["volumes"]


def test_health_checks_use_the_readiness_page_and_beats_heartbeat():
    services = _compose()["services"]
    assert services["web"]["healthcheck"]["test"][-1] == "http://127.0.0.1:8000/readyz"
    assert services["beat"]["healthcheck"]["test"] == [
        "CMD", "python", "manage.py", "health", "--require", "beat"
    ]  # fmt: skip
    # Two beat intervals (60 s) fit in its start period before a missing tick counts.
    assert int(services["beat"]["healthcheck"]["start_period"].rstrip("s")) >= 120
    assert "inspect ping" in services["worker"]["healthcheck"]["test"][-1]


def test_metrics_are_not_published():
    services = _compose()["services"]
    assert services["web"]["ports"] == ["8000:8000"]  # /metrics needs the bearer token
    worker = services["worker"]
    assert worker["environment"]["WORKER_METRICS_PORT"] == "9808"
    assert "9808" in worker["expose"] and "ports" not in worker


def test_gunicorn_logs_json_lines_without_an_access_log():
    web = _compose()["services"]["web"]["command"]
    assert web[:2] == ["gunicorn", "roma_wg.wsgi:application"]
    assert "roma_wg/gunicorn.py" in web and "--access-logfile" not in web
    source = (ROOT / "roma_wg" / "gunicorn.py").read_text()
    assert "accesslog = None" in source and "ops.logs.formatter" in source


def test_the_backup_service_writes_to_its_volume_on_demand():
    backup = _compose()["services"]["backup"]
    assert backup["command"] == ["python", "manage.py", "backup"]
    assert backup["profiles"] == ["backup"]
    assert "backups:/app/var/backups" in backup["volumes"]
    assert backup["environment"]["BACKUP_DIR"] == "/app/var/backups"


def test_the_image_has_pg_dump_of_the_database_servers_version():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "postgresql-client" in dockerfile
    # Debian 13 (trixie) ships PostgreSQL 17's client tools; the db service runs 17.
    assert "FROM python:3.13-slim-trixie" in dockerfile
    assert _compose()["services"]["db"]["image"] == "postgres:17"
    assert "roma_wg/gunicorn.py" in dockerfile


def test_ci_installs_the_postgresql_client_tools():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "command -v pg_dump" in ci and "postgresql-client" in ci


def test_gunicorn_loads_the_application_once_before_forking_and_it_opens_no_connection():
    import runpy

    from django.db import connections

    config = runpy.run_path(str(ROOT / "roma_wg" / "gunicorn.py"))
    assert config["preload_app"] is True
    # What the master loads (roma_wg/wsgi.py with its warm-up) leaves no connection to inherit:
    # it asks no database anything. This test has no database access, so a query would raise;
    # the connections closed stay closed (an in-memory SQLite test database ignores close()).
    from roma_wg.warmup import warm

    for connection in connections.all():
        connection.close()
    closed = [c for c in connections.all() if c.connection is None]
    warm()
    assert all(c.connection is None for c in closed)


def test_loading_the_portal_does_not_import_the_pdf_engine():
    """WeasyPrint takes seconds to import: a web process (or a test's host) that makes no PDF
    never pays for it; the first PDF loads it."""
    import subprocess
    import sys

    code = (
        "import os, sys, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'roma_wg.settings'; "
        "django.setup(); import roma_wg.urls, reports.tasks; "
        "print('weasyprint' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
