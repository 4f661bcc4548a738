"""Background work: with Redis, a real Celery worker takes the task from the broker."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.core import mail

from cities.services import invitation_create


@pytest.fixture
def celery_worker_if_broker():
    """A real worker thread consuming from Redis when there is one; eager tasks otherwise."""
    if not settings.REDIS_URL:
        yield None
        return
    from celery.contrib.testing.worker import start_worker

    from roma_wg.celery import app

    app.control.purge()
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING") as worker:
        yield worker


@pytest.mark.django_db(transaction=True)
def test_invitation_email_is_sent_by_the_task_after_commit(celery_worker_if_broker, braga, staff):
    invitation = invitation_create(
        city=braga, email="someone@example.org", role="officer", invited_by=staff
    )
    deadline = time.monotonic() + 20
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body
    assert mail.outbox[0].to == ["someone@example.org"]
