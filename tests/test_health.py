from __future__ import annotations

import pytest
from django.conf import settings
from django.db import DatabaseError


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"] == ("ok" if settings.REDIS_URL else "in-process")


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_healthz_reports_an_unreachable_broker(client, settings, monkeypatch):
    from roma_wg.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "unavailable"


# --- Worker and beat ----------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_reports_the_worker_and_beat(client, celery_worker_if_broker):
    from ops.tasks import beat_tick

    body = client.get("/healthz").json()
    assert body["worker"] == ("ok" if settings.REDIS_URL else "in-process")
    assert body["beat"] == "unavailable"  # no tick recorded yet

    beat_tick.apply()
    assert client.get("/healthz").json()["beat"] == "ok"


@pytest.mark.django_db
def test_beat_is_late_after_two_intervals_without_a_tick(client, settings):
    import time

    from ops.beat import tick_record

    settings.BEAT_TICK_SECONDS = 60
    tick_record(now=time.time() - 100)
    assert client.get("/healthz").json()["beat"] == "ok"
    tick_record(now=time.time() - 121)
    response = client.get("/healthz")
    assert response.json()["beat"] == "late"
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_silent_worker_is_unavailable_within_two_seconds(client, settings, monkeypatch):

    from roma_wg import health
    from roma_wg.celery import app

    asked = []
    real_ping = app.control.ping

    def ping(**kwargs):
        asked.append(kwargs.get("timeout"))
        return real_ping(**kwargs) if settings.REDIS_URL else []

    if not settings.REDIS_URL:
        settings.CELERY_TASK_ALWAYS_EAGER = False
        monkeypatch.setattr(health, "_broker_state", lambda: "ok")
    monkeypatch.setattr(app.control, "ping", ping)
    body = client.get("/healthz").json()  # no worker consumes in this test
    assert body["worker"] == "unavailable"
    # The wait is bounded by the ping's own timeout, not measured here (no timed assertion).
    assert asked and all(timeout is not None and timeout <= 2 for timeout in asked)


@pytest.mark.django_db
def test_a_slow_worker_is_late(client, settings, monkeypatch):
    import time

    from roma_wg import health
    from roma_wg.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(health, "_broker_state", lambda: "ok")

    def slow_ping(**kwargs):
        time.sleep(1.2)
        return [{"celery@host": {"ok": "pong"}}]

    monkeypatch.setattr(app.control, "ping", slow_ping)
    assert client.get("/healthz").json()["worker"] == "late"


@pytest.mark.django_db
def test_healthz_keeps_working_when_the_broker_is_down(client, settings, monkeypatch):
    from roma_wg.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["broker"] == "unavailable" and body["worker"] == "unavailable"
    assert body["database"] == "ok"


# --- Readiness ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_readyz_is_ready_with_database_cache_and_files(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok", "cache": "ok", "files": "ok"}


@pytest.mark.django_db
def test_readyz_is_not_ready_when_the_database_is_down(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_readyz_is_not_ready_when_the_file_store_is_down_but_healthz_stays_up(client, settings):
    from .objectstore import ObjectStore

    store = ObjectStore().start()
    try:
        settings.STORAGES = {
            **settings.STORAGES,
            "default": store.storage_setting(store.new_bucket()),
        }
        settings.S3_CONNECT_TIMEOUT = 1
        assert client.get("/readyz").status_code == 200
    finally:
        store.stop()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["files"] == "unavailable"
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_probes_answer_on_an_internal_host_name_other_pages_do_not(client, settings):
    settings.METRICS_TOKEN = "a-metrics-token-long-enough-0123456789"
    assert client.get("/healthz", HTTP_HOST="127.0.0.1:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="web:8000").status_code == 200
    scraped = client.get(
        "/metrics", HTTP_HOST="web:8000", HTTP_AUTHORIZATION=f"Bearer {settings.METRICS_TOKEN}"
    )
    assert scraped.status_code == 200
    assert client.get("/metrics", HTTP_HOST="web:8000").status_code == 404
    assert client.get("/en/", HTTP_HOST="web:8000").status_code == 400
