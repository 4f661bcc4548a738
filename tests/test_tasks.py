"""Background work: with Redis, a real Celery worker takes the task from the broker."""

from __future__ import annotations

import time

import pytest
from django.core import mail

from cities.services import invitation_create


@pytest.mark.django_db(transaction=True)
def test_invitation_email_is_sent_by_the_task_after_commit(celery_worker_if_broker, braga, staff):
    invitation = invitation_create(
        city=braga, email="someone@example.org", role="officer", by=staff
    )
    deadline = time.monotonic() + 20
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body
    assert mail.outbox[0].to == ["someone@example.org"]
