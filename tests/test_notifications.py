"""Notifications: who hears of what, once, in their language, by e-mail at once or weekly or only
on the site; retried when the mail server fails; stopped by a link that cannot be forged."""

from __future__ import annotations

import smtplib
from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.test import Client

from actionplans.models import Finding, ProgressUpdate, Review
from actionplans.notices import reviews_closing, updates_due
from actionplans.services import finding_add, finding_respond, review_close, review_open
from notifications import sending
from notifications.kinds import KINDS
from notifications.models import DigestSent, Notification, Preference
from notifications.sending import deliver_pending, digests_send, unsubscribe_token

from .factories import MembershipFactory, PlanFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manual_delivery(monkeypatch):
    """E-mails leave only when the test runs the delivery itself."""
    from notifications import tasks

    monkeypatch.setattr(tasks.notifications_deliver, "delay_on_commit", lambda *a, **k: None)


@pytest.fixture
def plan(braga):
    return PlanFactory(city=braga, title="Braga plan", status="implementation",
                       start_date=date(2026, 1, 1))  # fmt: skip


def _open_review(plan, peer, capture) -> Review:
    with capture(execute=True):
        return review_open(plan=plan, questions="How to scale up?", peers=[peer], by=StaffFactory())


def _kinds_of(user) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


# --- Events --------------------------------------------------------------------------------


def test_review_opened_tells_the_host_city_and_the_peers_only(
    plan, braga_officer, peer, turin_officer, django_capture_on_commit_callbacks, eager_tasks
):
    braga_officer.language = "fr"
    braga_officer.save()
    review = _open_review(plan, peer, django_capture_on_commit_callbacks)
    assert _kinds_of(braga_officer) == ["review_opened"]
    assert _kinds_of(peer) == ["review_opened"]
    assert _kinds_of(turin_officer) == []  # another city's officer, not a peer

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {braga_officer.email, peer.email}
    french, english = by_address[braga_officer.email], by_address[peer.email]
    assert "Revue par des amis critiques ouverte" in french.subject
    assert "Une revue par des amis critiques de Braga plan (Braga) est ouverte." in french.body
    assert "A critical friend review of Braga plan (Braga) is open." in english.body
    assert f"/en/workspace/reviews/{review.pk}/" in english.body
    assert f"/fr/workspace/reviews/{review.pk}/" in french.body
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/notifications/unsubscribe/" in english.extra_headers["List-Unsubscribe"]
    html = english.alternatives[0][0]
    assert "Open in the portal" in html


def test_findings_reach_the_host_and_answers_reach_staff_and_peers(
    plan, braga_officer, peer, staff, django_capture_on_commit_callbacks, eager_tasks
):
    review = _open_review(plan, peer, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        finding = finding_add(
            review=review, data={"section": "overall", "kind": "recommendation", "text": "R"},
            by=peer,
        )  # fmt: skip
    assert "finding_added" in _kinds_of(braga_officer)
    assert "finding_added" not in _kinds_of(peer)  # not told of their own finding
    with django_capture_on_commit_callbacks(execute=True):
        finding_respond(finding=finding, response="We will.", by=braga_officer)
    assert "finding_answered" in _kinds_of(staff)
    assert "finding_answered" in _kinds_of(peer)
    assert "finding_answered" not in _kinds_of(braga_officer)


def test_peers_lose_review_notifications_when_the_review_closes(
    plan, peer, braga_officer, django_capture_on_commit_callbacks, manual_delivery
):
    review = _open_review(plan, peer, django_capture_on_commit_callbacks)
    review_close(review=review, by=StaffFactory())
    client = Client()
    client.force_login(peer)
    html = client.get("/en/workspace/notifications/").content.decode()
    assert "Braga plan" not in html
    assert not Notification.objects.filter(recipient=peer).exists()
    client.force_login(braga_officer)
    assert "Braga plan" in client.get("/en/workspace/notifications/").content.decode()


def test_erased_or_deactivated_people_get_nothing(
    plan, braga_officer, peer, django_capture_on_commit_callbacks, eager_tasks
):
    braga_officer.is_active = False
    braga_officer.save()
    _open_review(plan, peer, django_capture_on_commit_callbacks)
    assert _kinds_of(braga_officer) == []
    assert [m.to for m in mail.outbox] == [[peer.email]]


# --- Once, whatever runs it twice ------------------------------------------------------------


def test_reminders_run_twice_record_and_send_each_once(
    plan, braga_officer, turin_officer, django_capture_on_commit_callbacks, eager_tasks
):
    due = plan.start_date + timedelta(days=183)
    with time_machine.travel(datetime.combine(due - timedelta(days=14), datetime.min.time(), UTC)):
        for _ in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                updates_due(today=due - timedelta(days=14))
            deliver_pending()
    assert _kinds_of(braga_officer) == ["update_due"]
    assert _kinds_of(turin_officer) == []
    assert len(mail.outbox) == 1
    assert "is due on 3 July 2026" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("days", "kind"),
    [(15, None), (14, "update_due"), (13, None), (0, "update_due"), (-7, "update_late"),
     (-8, None), (-14, "update_late")],
)  # fmt: skip
def test_update_reminders_fall_on_their_days(plan, braga_officer, days, kind):
    due = plan.start_date + timedelta(days=183)
    updates_due(today=due - timedelta(days=days))
    assert _kinds_of(braga_officer) == ([kind] if kind else [])


def test_a_draft_left_unsubmitted_is_recalled_a_week_before(plan, braga_officer):
    ProgressUpdate.objects.create(
        plan=plan, period_label="2026 H1", period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30), narrative="N",
    )  # fmt: skip
    due = plan.start_date + timedelta(days=183)
    updates_due(today=due - timedelta(days=7))
    assert _kinds_of(braga_officer) == ["draft_unsubmitted"]


def test_reviews_closing_in_a_week_are_recalled(plan, braga_officer, peer):
    review = Review.objects.create(plan=plan, questions="Q", due_date=date(2026, 12, 8))
    review.peers.add(peer)
    reviews_closing(today=date(2026, 12, 1))
    reviews_closing(today=date(2026, 12, 1))
    assert _kinds_of(braga_officer) == ["review_closing"]
    assert _kinds_of(peer) == ["review_closing"]


def test_two_workers_never_send_the_same_email(
    plan, peer, braga_officer, django_capture_on_commit_callbacks, manual_delivery
):
    _open_review(plan, peer, django_capture_on_commit_callbacks)
    original = sending._send_one
    second_worker: list[int] = []

    def second_worker_runs_meanwhile(pk, *, now):
        # While the first worker sends its first row, a second worker runs the same sweep.
        if not second_worker:
            second_worker.append(-1)
            second_worker[0] = deliver_pending(now=now)
        return original(pk, now=now)

    with mock.patch.object(sending, "_send_one", side_effect=second_worker_runs_meanwhile):
        first_worker = deliver_pending()
    assert (first_worker, second_worker[0]) == (1, 1)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([braga_officer.email, peer.email])


# --- Faults --------------------------------------------------------------------------------


def test_smtp_down_loses_nothing_and_the_email_goes_later(
    plan, peer, braga_officer, django_capture_on_commit_callbacks, manual_delivery
):
    _open_review(plan, peer, django_capture_on_commit_callbacks)
    with mock.patch(
        "django.core.mail.EmailMultiAlternatives.send",
        side_effect=smtplib.SMTPServerDisconnected("down"),
    ):
        assert deliver_pending() == 0
    waiting = Notification.objects.get(recipient=braga_officer)
    assert waiting.email_status == Notification.Email.PENDING
    assert "SMTPServerDisconnected" in waiting.email_error
    assert deliver_pending() == 0  # not before its next attempt
    assert deliver_pending(now=waiting.next_attempt_at + timedelta(seconds=1)) == 2
    assert len(mail.outbox) == 2


def test_a_worker_killed_while_sending_loses_nothing(
    plan, peer, braga_officer, django_capture_on_commit_callbacks, manual_delivery
):
    _open_review(plan, peer, django_capture_on_commit_callbacks)
    now = datetime.now(UTC)
    killed = mock.patch.object(sending, "_send_one", side_effect=SystemExit("worker killed"))
    with killed, pytest.raises(SystemExit):
        deliver_pending(now=now)
    claimed = Notification.objects.filter(email_status=Notification.Email.SENDING)
    assert claimed.count() == 1 and not mail.outbox
    assert deliver_pending(now=now) == 1  # the other row; the claimed one waits for its lease
    assert deliver_pending(now=now + sending.SENDING_LEASE + timedelta(seconds=1)) == 1
    assert len(mail.outbox) == 2


def test_a_permanent_failure_is_recorded_for_staff(
    plan, peer, braga_officer, staff, django_capture_on_commit_callbacks, manual_delivery
):
    _open_review(plan, peer, django_capture_on_commit_callbacks)
    now = datetime.now(UTC)
    with mock.patch(
        "django.core.mail.EmailMultiAlternatives.send",
        side_effect=smtplib.SMTPRecipientsRefused({}),
    ):
        for _ in range(sending.MAX_ATTEMPTS + 1):
            deliver_pending(now=now)
            now += timedelta(days=2)
    failed = Notification.objects.filter(email_status=Notification.Email.FAILED)
    assert failed.count() == 2
    client = Client()
    client.force_login(staff)
    assert "2 e-mails could not be sent" in client.get("/en/workspace/").content.decode()


# --- Preferences, digest, unsubscribe ------------------------------------------------------


def test_weekly_digest_groups_by_city_and_kind_and_goes_once(
    plan, peer, braga_officer, turin, django_capture_on_commit_callbacks, manual_delivery
):
    Preference.objects.create(user=peer, kind="review_opened", delivery="digest")
    Preference.objects.create(user=peer, kind="review_closing", delivery="digest")
    _open_review(plan, peer, django_capture_on_commit_callbacks)
    other = PlanFactory(city=turin, title="Other plan")
    review = Review.objects.create(plan=PlanFactory(city=plan.city, title="Second Braga plan"),
                                   questions="Q", due_date=date(2026, 12, 14))  # fmt: skip
    review.peers.add(peer)
    reviews_closing(today=date(2026, 12, 7))
    assert other  # a plan of another city with nothing for the peer
    deliver_pending()
    assert {m.to[0] for m in mail.outbox} == {braga_officer.email}  # the peer waits for Monday
    mail.outbox.clear()

    turin.timezone = "Europe/Rome"
    turin.save()
    sunday_evening = datetime(2026, 12, 6, 22, 0, tzinfo=UTC)
    assert digests_send(now=sunday_evening) == 0
    monday_8_rome = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)
    assert digests_send(now=monday_8_rome) == 1
    assert digests_send(now=monday_8_rome + timedelta(hours=1)) == 0  # once a week
    [digest] = mail.outbox
    assert digest.to == [peer.email]
    assert "2 notifications this week" in digest.subject
    body = digest.body
    assert body.index("Braga") < body.index("Critical friend review opened")
    assert "Review closing soon" in body and "Second Braga plan" in body
    assert DigestSent.objects.filter(user=peer).count() == 1
    assert not Notification.objects.filter(email_status="digest").exists()


def test_site_only_preference_sends_no_email_but_lists_it(
    plan, peer, braga_officer, django_capture_on_commit_callbacks, eager_tasks
):
    client = Client()
    client.force_login(braga_officer)
    page = client.get("/en/workspace/notifications/settings/")
    assert page.status_code == 200
    form = dict.fromkeys(KINDS, "at_once")
    form["review_opened"] = "site_only"
    assert client.post("/en/workspace/notifications/settings/", form).status_code == 302
    _open_review(plan, peer, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[peer.email]]
    html = client.get("/en/workspace/").content.decode()
    assert 'class="notifications-link"' in html and "unread" in html
    listing = client.get("/en/workspace/notifications/").content.decode()
    assert "A critical friend review of Braga plan (Braga) is open." in listing
    client.post("/en/workspace/notifications/read/")
    assert not Notification.objects.filter(recipient=braga_officer, read_at__isnull=True).exists()


def test_unsubscribe_link_works_once_signed_and_refuses_tampering_and_age(braga_officer, client):
    token = unsubscribe_token(user=braga_officer, kind="review_opened")
    url = f"/en/notifications/unsubscribe/{token}/"
    page = client.get(url)
    assert page.status_code == 200 and "Stop these e-mails" in page.content.decode()
    assert not Preference.objects.exists()  # a GET (a mail scanner) changes nothing

    one_click = Client(enforce_csrf_checks=True)  # a mail client posts without a form
    response = one_click.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 302
    assert (
        "You will not get these e-mails any more"
        in client.get(response["Location"]).content.decode()
    )
    assert Preference.objects.get(user=braga_officer, kind="review_opened").delivery == "site_only"

    assert client.get(url[:-5] + "xxxx/").status_code == 400
    forged = unsubscribe_token(user=braga_officer, kind="review_opened").replace(":", ";", 1)
    assert client.post(f"/en/notifications/unsubscribe/{forged}/").status_code == 400
    with time_machine.travel(datetime.now(UTC) + timedelta(days=400)):
        assert client.post(url).status_code == 410


def test_a_notification_opens_its_page_and_only_for_its_recipient(
    plan, peer, braga_officer, turin_officer, django_capture_on_commit_callbacks, manual_delivery
):
    review = _open_review(plan, peer, django_capture_on_commit_callbacks)
    notification = Notification.objects.get(recipient=braga_officer)
    client = Client()
    client.force_login(turin_officer)
    assert client.get(f"/en/workspace/notifications/{notification.pk}/").status_code == 404
    client.force_login(braga_officer)
    response = client.get(f"/en/workspace/notifications/{notification.pk}/")
    assert response["Location"] == f"/en/workspace/reviews/{review.pk}/"
    notification.refresh_from_db()
    assert notification.is_read


def test_finding_notification_follows_its_subject(plan, peer, braga_officer, manual_delivery):
    review = Review.objects.create(plan=plan, questions="Q")
    review.peers.add(peer)
    finding = Finding.objects.create(review=review, section="overall", kind="finding", text="F")
    from actionplans.notices import finding_added

    finding_added(finding)
    finding.delete()
    assert deliver_pending() == 0
    assert not Notification.objects.exists()


# --- Practices, guidelines, meetings, invitations, reports --------------------------------


def test_practice_submitted_reaches_staff_and_decisions_reach_the_proposer(
    braga, braga_officer, turin_officer, staff, manual_delivery
):
    from practices.models import PracticeStatus
    from practices.services import practice_publish, practice_request_changes, practice_submit

    from .factories import PracticeFactory

    practice = PracticeFactory(city=braga, title="Mediators", status=PracticeStatus.DRAFT,
                               created_by=braga_officer)  # fmt: skip
    practice_submit(practice=practice, by=braga_officer)
    assert _kinds_of(staff) == ["practice_submitted"]
    assert _kinds_of(turin_officer) == []
    practice_request_changes(practice=practice, comment="Add the results.", by=staff)
    practice_submit(practice=practice, by=braga_officer)
    practice_publish(practice=practice, by=staff)
    assert _kinds_of(braga_officer) == ["practice_changes", "practice_published"]
    changes = Notification.objects.get(recipient=braga_officer, kind="practice_changes")
    assert changes.message.endswith("“Mediators”: Add the results.")


def test_guideline_published_reaches_the_followers_of_its_themes(
    braga, braga_officer, turin_officer, client, manual_delivery
):
    from django.utils import timezone as tz

    from practices.models import Guideline, Theme
    from practices.services import choices_ensure, guideline_publish

    from .factories import PracticeFactory

    choices_ensure()
    housing = Theme.objects.get(code="housing")
    practice = PracticeFactory(city=braga, status="published", published_at=tz.now())
    practice.themes.add(housing)
    guideline = Guideline.objects.create(title="Housing guideline", slug="housing-g", topic="T")
    guideline.practices.add(practice)
    client.force_login(braga_officer)
    response = client.post("/en/workspace/practices/themes/", {"themes": [housing.pk]})
    assert response.status_code == 302
    guideline_publish(guideline=guideline, by=StaffFactory())
    assert _kinds_of(braga_officer) == ["guideline_published"]
    assert _kinds_of(turin_officer) == []
    assert Notification.objects.get(recipient=braga_officer).email_status == "digest"


def test_registrations_tell_the_person_with_the_meetings_calendar(
    braga, braga_officer, django_capture_on_commit_callbacks, eager_tasks
):
    from meetings.services import ParticipantData, registration_cancel, registration_create

    from .meetings_factories import MeetingFactory

    meeting = MeetingFactory(slug="m", host_city=braga, capacity=1)
    other = MembershipFactory(city=braga, user=UserFactory(email="second@braga.example.org")).user

    def data(person):
        return ParticipantData(name=person.email, city=braga, kind="city_officer",
                               email=person.email)  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        first = registration_create(meeting=meeting, data=data(braga_officer), by=braga_officer)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(meeting=meeting, data=data(other), by=other)
    assert _kinds_of(braga_officer) == ["registration_confirmed"]
    assert _kinds_of(other) == ["registration_waiting"]
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=first, by=braga_officer)
    assert _kinds_of(other) == ["registration_promoted", "registration_waiting"]
    promoted = next(m for m in mail.outbox if "freed up" in m.body and m.to == [other.email])
    name, content, mimetype = promoted.attachments[0]
    assert name == "m.ics" and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in (content if isinstance(content, str) else content.decode())


def test_agenda_changes_after_publication_tell_the_registered_once_a_day(
    braga, braga_officer, staff, manual_delivery
):
    from meetings.models import Registration
    from meetings.services import agenda_session_save

    from .meetings_factories import MeetingFactory, RegistrationFactory

    meeting = MeetingFactory(slug="m", host_city=braga)
    RegistrationFactory(meeting=meeting, city=braga, user=braga_officer,
                        email=braga_officer.email, status=Registration.Status.CONFIRMED,
                        )  # fmt: skip
    for title in ("Morning", "Afternoon"):
        agenda_session_save(meeting=meeting, title=title, by=staff)
    assert _kinds_of(braga_officer) == ["agenda_changed"]


def test_meeting_and_followup_reminders(braga, braga_officer, turin_officer, manual_delivery):
    from meetings.models import Registration
    from meetings.notices import followups_due, meetings_soon

    from .meetings_factories import (
        DecisionFactory,
        FollowUpFactory,
        MeetingFactory,
        RegistrationFactory,
    )

    start = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
    meeting = MeetingFactory(slug="m", host_city=braga, starts_at=start,
                             ends_at=start + timedelta(hours=8))  # fmt: skip
    RegistrationFactory(meeting=meeting, city=braga, user=braga_officer,
                        email=braga_officer.email, status=Registration.Status.CONFIRMED,
                        )  # fmt: skip
    FollowUpFactory(decision=DecisionFactory(meeting=meeting, due_date=date(2027, 3, 10)),
                    city=braga)  # fmt: skip
    for day, expected in [(date(2027, 3, 2), []), (date(2027, 3, 3), ["followup_due",
                          "meeting_soon"]), (date(2027, 3, 9), ["meeting_soon"]),
                          (date(2027, 3, 11), ["followup_late"])]:  # fmt: skip
        Notification.objects.all().delete()
        with time_machine.travel(datetime.combine(day, datetime.min.time(), UTC)):
            meetings_soon(today=day)
            followups_due(today=day)
        assert _kinds_of(braga_officer) == expected, day
        assert _kinds_of(turin_officer) == []


def test_invitation_about_to_expire_reminds_the_inviter(braga, braga_lead, manual_delivery):
    from cities.models import Invitation
    from cities.notices import invitations_expiring

    Invitation.objects.create(city=braga, email="late@example.org", invited_by=braga_lead,
                              expires_at=datetime(2026, 12, 3, 10, tzinfo=UTC))  # fmt: skip
    invitations_expiring(today=date(2026, 12, 1))
    invitations_expiring(today=date(2026, 12, 1))
    [notification] = Notification.objects.filter(recipient=braga_lead)
    assert "late@example.org" in notification.message and "3 December 2026" in notification.message


def test_a_slow_report_tells_who_asked_when_ready(staff, braga, manual_delivery):
    from reports.models import Report
    from reports.notices import report_ready

    now = datetime.now(UTC)
    quick = Report.objects.create(kind="guideline", object_id=1, language="en",
                                  requested_by=staff, status="ready", finished_at=now)  # fmt: skip
    report_ready(quick)
    slow = Report.objects.create(kind="guideline", object_id=2, language="en",
                                 requested_by=staff, status="ready")  # fmt: skip
    slow.finished_at = slow.created_at + timedelta(minutes=3)
    report_ready(slow)
    assert list(Notification.objects.values_list("subject_id", flat=True)) == [slow.pk]


def test_the_reminder_run_costs_the_same_queries_for_more_plans(braga, turin, manual_delivery):
    """The daily run reads in a fixed number of queries, whatever the number of plans."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from notifications.kinds import REMINDERS

    start = date(2026, 1, 1)
    today = start + timedelta(days=183)  # the updates are due: every plan is reminded

    def run() -> int:
        with CaptureQueriesContext(connection) as queries:
            for remind in REMINDERS:
                remind(today=today)
        return len(queries)

    def add_plans(count: int) -> None:
        for n in range(count):
            city = braga if n % 2 else turin
            PlanFactory(city=city, status="implementation", start_date=start)
            MembershipFactory(city=city, user=UserFactory())

    add_plans(3)
    run()  # content types and the like are read once per process
    Notification.objects.all().delete()
    few = run()
    Notification.objects.all().delete()
    add_plans(12)
    many = run()
    assert Notification.objects.filter(kind="update_due").count() > 30
    assert many == few


@pytest.mark.parametrize(
    ("start", "reminded_on", "kind"),
    [
        # Due on 1 January 2027: reminded on 18 December, across the year end.
        (date(2026, 7, 2), date(2026, 12, 18), "update_due"),
        (date(2026, 7, 2), date(2027, 1, 1), "update_due"),
        (date(2026, 7, 2), date(2027, 1, 8), "update_late"),
        # Due on 30 March 2026, the day after the clocks go forward; reminded on 16 March.
        (date(2025, 9, 28), date(2026, 3, 16), "update_due"),
        (date(2025, 9, 28), date(2026, 3, 30), "update_due"),
        # Late by a week across the night the clocks go back (25 October 2026).
        (date(2026, 4, 22), date(2026, 10, 29), "update_late"),
    ],
)
def test_update_reminders_hold_across_the_year_end_and_clock_changes(
    braga, braga_officer, manual_delivery, start, reminded_on, kind
):
    PlanFactory(city=braga, status="implementation", start_date=start)
    at_six = datetime.combine(reminded_on, datetime.min.time()).replace(hour=5, tzinfo=UTC)
    with time_machine.travel(at_six, tick=False):
        from notifications.tasks import notifications_remind

        notifications_remind()
        notifications_remind()  # beat ran twice: nothing more
    assert _kinds_of(braga_officer) == [kind]
