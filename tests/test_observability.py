"""Logs and metrics: one JSON line per request and per task, the request id carried into the
tasks a request queues, nothing personal or secret in any line; Prometheus metrics that only
the bearer of METRICS_TOKEN reads."""

from __future__ import annotations

import io
import json
import logging

import pytest
import requests

from .hosts import EMAIL, METRICS_TOKEN, form_with, sign_in, wait_until

WRONG_PASSWORD = "not-the-password-Zq81"


def _metric_lines(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(name)]


def test_a_walk_through_the_demo_logs_json_lines_without_personal_data(
    two_hosts, object_store, s3_storage, settings
):
    from actionplans.models import ActionPlan
    from reports.models import Report

    web_a, web_b, worker = two_hosts
    plan = ActionPlan.objects.filter(city__slug="braga", is_public=True).first()
    action = plan.actions.order_by("pk").first()
    browser = requests.Session()

    # A failed sign-in, then the right one.
    page = browser.get(f"{web_a.url}/en/accounts/login/")
    fields = form_with(page.text, "csrfmiddlewaretoken")
    fields.update({"login": "braga@example.org", "password": WRONG_PASSWORD})
    browser.post(
        f"{web_a.url}/en/accounts/login/",
        data=fields,
        headers={"Referer": f"{web_a.url}/en/accounts/login/"},
    )
    sign_in(browser, web_a, "braga@example.org", settings.DEMO_PASSWORD)
    user_id = (
        ActionPlan.objects.get(pk=plan.pk)
        .city.memberships.get(user__email="braga@example.org")
        .user_id
    )

    for host, path in [
        (web_a, "/en/"),
        (web_b, "/en/practices/?q=school"),
        (web_a, "/en/cities/braga/"),
        (web_b, "/en/workspace/"),
        (web_a, f"/en/workspace/plans/{plan.pk}/"),
        (web_b, "/en/meetings/"),
    ]:
        assert browser.get(f"{host.url}{path}").status_code == 200, path

    # A form post.
    edit_url = f"{web_a.url}/en/workspace/actions/{action.pk}/"
    fields = form_with(browser.get(edit_url).text, "title")
    fields["title"] = action.title + " (checked)"
    assert (
        browser.post(
            edit_url, data=fields, headers={"Referer": edit_url}, allow_redirects=False
        ).status_code
        == 302
    )

    # A report, rendered by the worker.
    asked = browser.post(
        f"{web_b.url}/en/reports/request/",
        data={
            "kind": "plan_progress",
            "object_id": plan.pk,
            "csrfmiddlewaretoken": browser.cookies.get("csrftoken"),
        },
        headers={"Referer": f"{web_b.url}/en/plans/{plan.pk}/"},
        allow_redirects=False,
    )
    assert asked.status_code == 303
    request_id = asked.headers["X-Request-ID"]
    report = Report.objects.latest("created_at")
    wait_until(lambda: not Report.objects.get(pk=report.pk).is_pending, timeout=90)
    assert browser.get(f"{web_a.url}/en/reports/{report.uid}/download/").status_code == 200
    secrets = {
        "session": browser.cookies.get("sessionid"),
        "csrf": browser.cookies.get("csrftoken"),
    }

    # Metrics: private, then what they count.
    metrics_url = f"{web_a.url}/metrics"
    assert requests.get(metrics_url).status_code == 404
    assert requests.get(metrics_url, headers={"Authorization": "Bearer wrong"}).status_code == 404
    scraped = requests.get(metrics_url, headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert scraped.status_code == 200
    assert _metric_lines(scraped.text, "portal_http_request_duration_seconds_bucket{")
    assert any(
        'view="actionplans:action_edit"' in line and 'status="302"' in line
        for line in _metric_lines(scraped.text, "portal_http_responses_total")
    )
    assert _metric_lines(scraped.text, 'portal_celery_queue_length{queue="roma_wg"}')
    assert _metric_lines(scraped.text, 'portal_reports_pending{status="queued"}')
    worker_metrics = requests.get(f"http://127.0.0.1:{worker.metrics_port}/metrics").text
    assert (
        'portal_celery_tasks_total{state="success",task="reports.tasks.report_render"} 1.0'
        in worker_metrics
    )
    assert _metric_lines(
        worker_metrics,
        'portal_celery_task_duration_seconds_count{task="reports.tasks.report_render"}',
    )

    for host in two_hosts:
        host.stop()
    outputs = {host.name: host.output() for host in two_hosts}
    lines = {}
    for name, text in outputs.items():
        # Celery says it stops with a bare sentence (not a log record); everything else is JSON.
        others = [line for line in text.splitlines() if not line.startswith("{") and line.strip()]
        assert others in ([], ["worker: Warm shutdown (MainProcess)"]), others
        lines[name] = [json.loads(line) for line in text.splitlines() if line.startswith("{")]

    # One line per request, with what an operator needs and nothing else about the person.
    requests_logged = [line for name in ("web-a", "web-b") for line in lines[name]]
    requests_logged = [line for line in requests_logged if line["event"] == "request"]
    assert len(requests_logged) >= 15
    for line in requests_logged:
        assert {"request_id", "method", "route", "view", "status", "duration_ms", "user_id"} <= set(
            line
        ), line
        assert "path" not in line and "ip" not in line and "email" not in line
    edits = [r for r in requests_logged if r["view"] == "actionplans:action_edit"]
    assert {r["status"] for r in edits} == {200, 302}
    assert all(r["user_id"] == user_id for r in edits)
    asked_line = next(r for r in requests_logged if r["request_id"] == request_id)
    assert asked_line["view"] == "reports:request" and asked_line["status"] == 303

    # One line per task, carrying the id of the request that queued it.
    tasks = [line for line in lines["worker"] if line["event"] == "task"]
    rendered = [t for t in tasks if t["task"] == "reports.tasks.report_render"]
    assert len(rendered) == 1
    assert rendered[0]["request_id"] == request_id
    assert rendered[0]["state"] == "success" and rendered[0]["duration_ms"] > 0

    # Nothing personal, no secret, anywhere.
    everything = "\n".join(outputs.values())
    assert not EMAIL.search(everything), EMAIL.search(everything).group(0)
    for secret in [settings.DEMO_PASSWORD, WRONG_PASSWORD, METRICS_TOKEN, *secrets.values()]:
        assert secret and secret not in everything
    from .objectstore import SECRET_KEY

    assert SECRET_KEY not in everything


# --- In the test process -------------------------------------------------------------------


@pytest.mark.django_db
def test_metrics_answer_404_without_the_token(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404
    settings.METRICS_TOKEN = METRICS_TOKEN
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer nope").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {METRICS_TOKEN}").status_code == 200


@pytest.mark.django_db
def test_metrics_count_requests_by_view_and_tasks_by_task(client, settings):
    from ops.tasks import beat_tick

    settings.METRICS_TOKEN = METRICS_TOKEN
    client.get("/healthz")
    beat_tick.apply()
    text = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {METRICS_TOKEN}").content.decode()
    assert any(
        'view="healthz"' in line and 'status="200"' in line
        for line in _metric_lines(text, "portal_http_responses_total")
    )
    assert _metric_lines(
        text, 'portal_http_request_duration_seconds_count{method="GET",view="healthz"}'
    )
    assert _metric_lines(
        text, 'portal_celery_tasks_total{state="success",task="ops.tasks.beat_tick"}'
    )
    assert _metric_lines(text, "portal_beat_last_tick_age_seconds ")
    assert _metric_lines(text, 'portal_reports_pending{status="running"} 0.0')


def test_log_lines_mask_addresses_and_drop_secret_fields():
    from ops.logs import formatter, get_logger

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter(json=True))
    root = logging.getLogger("test.scrub")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        root.info("Invitation sent to %s", "someone@example.org")
        get_logger("test.scrub").info(
            "signed in", password="hunter2-secret", session_token="abc", user_id=7
        )
        root.warning("Not Found: /en/accounts/password/reset/key/4-abc123def456ghi789jkl/")
    finally:
        root.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines[0]["event"] == "Invitation sent to [e-mail]"
    assert lines[1]["password"] == "[redacted]" and lines[1]["session_token"] == "[redacted]"
    assert lines[1]["user_id"] == 7
    assert "abc123def456" not in lines[2]["event"]
    assert "hunter2" not in stream.getvalue() and "someone@" not in stream.getvalue()


@pytest.mark.django_db
def test_every_answer_carries_its_request_id(client):
    response = client.get("/healthz")
    assert len(response["X-Request-ID"]) == 32
    assert client.get("/healthz")["X-Request-ID"] != response["X-Request-ID"]
