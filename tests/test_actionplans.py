from __future__ import annotations

from datetime import date
from unittest import mock

import pytest
from django.test import Client

from actionplans.models import Action, ActionPlan, Measurement, ProgressUpdate, Review
from actionplans.services import (
    action_save,
    action_validate,
    measurement_add,
    plan_save,
    progress_update_save,
    progress_update_submit,
    review_open,
)

from .editing import changed, form_as_shown, form_as_shown_in
from .factories import (
    ActionFactory,
    IndicatorFactory,
    MembershipFactory,
    PlanFactory,
    PracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(braga):
    return PlanFactory(city=braga, title="Braga plan", start_date=date(2019, 1, 1))


@pytest.fixture
def action(plan):
    return ActionFactory(plan=plan, title="School mediators")


@pytest.fixture
def indicator(plan):
    return IndicatorFactory(plan=plan, name="Children back at school", is_count_of_people=True)


@pytest.fixture
def open_review(plan, peer):
    review = Review.objects.create(plan=plan, questions="How to scale up?")
    review.peers.add(peer)
    return review


def urls(plan, action, indicator):
    return [
        f"/en/workspace/plans/{plan.pk}/",
        f"/en/workspace/plans/{plan.pk}/edit/",
        f"/en/workspace/plans/{plan.pk}/history/",
        f"/en/workspace/plans/{plan.pk}/actions/new/",
        f"/en/workspace/actions/{action.pk}/",
        f"/en/workspace/actions/{action.pk}/validate/",
        f"/en/workspace/actions/{action.pk}/evidence/",
        f"/en/workspace/actions/{action.pk}/milestones/new/",
        f"/en/workspace/plans/{plan.pk}/indicators/new/",
        f"/en/workspace/indicators/{indicator.pk}/",
        f"/en/workspace/indicators/{indicator.pk}/measurements/new/",
        f"/en/workspace/plans/{plan.pk}/updates/new/",
        f"/en/workspace/plans/{plan.pk}/reviews/new/",
    ]


# Staff, Braga's officers, Turin's officer and anonymous visitors on these pages are rows of the
# one matrix (tests/test_url_matrix.py); a peer of an open review is a person only here.
PEER_EXPECTED = [200, 403, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403]


def test_a_peer_of_an_open_review_reads_the_plan_and_changes_nothing(
    client, plan, action, indicator, peer, open_review
):
    client.force_login(peer)
    got = [client.get(url).status_code for url in urls(plan, action, indicator)]
    assert got == PEER_EXPECTED


def test_private_plan_of_another_city_is_404_for_officers_and_the_public(
    client, plan, turin_officer
):
    assert client.get(f"/en/plans/{plan.pk}/").status_code == 404
    client.force_login(turin_officer)
    assert client.get(f"/en/plans/{plan.pk}/").status_code == 404
    assert client.get(f"/en/workspace/plans/{plan.pk}/").status_code == 404


def test_a_peer_sees_the_plan_only_while_the_review_is_open(client, plan, peer, open_review):
    client.force_login(peer)
    assert client.get(f"/en/workspace/plans/{plan.pk}/").status_code == 200
    other_private = PlanFactory(city=plan.city, title="Another private plan")
    assert client.get(f"/en/workspace/plans/{other_private.pk}/").status_code == 404
    open_review.status = Review.Status.CLOSED
    open_review.save()
    assert client.get(f"/en/workspace/plans/{plan.pk}/").status_code == 404


def test_two_people_editing_a_plan_never_overwrite_each_other(plan, braga_officer, staff):
    first, second = Client(), Client()
    first.force_login(braga_officer)
    second.force_login(staff)
    url = f"/en/workspace/plans/{plan.pk}/edit/"
    opened_first, opened_second = form_as_shown(first, url), form_as_shown(second, url)
    assert (
        first.post(url, changed(opened_first, summary="First person's summary")).status_code == 302
    )
    response = second.post(url, changed(opened_second, summary="Second person's summary"))
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this while you were editing" in html
    assert "First person&#x27;s summary" in html  # what is saved now
    assert "Second person&#x27;s summary" in html  # their input is kept in the form
    plan.refresh_from_db()
    assert plan.summary == "First person's summary"

    # Saving again from the conflict page keeps their version.
    again = form_as_shown_in(response)
    assert again["summary"] == ["Second person's summary"]
    assert second.post(url, again).status_code == 302
    plan.refresh_from_db()
    assert plan.summary == "Second person's summary"


def test_saving_again_after_a_conflict_keeps_the_other_persons_changes(plan, braga_officer, staff):
    """Three-way: a field only the other person changed keeps their value after "save again"."""
    first, second = Client(), Client()
    first.force_login(braga_officer)
    second.force_login(staff)
    url = f"/en/workspace/plans/{plan.pk}/edit/"
    opened_first, opened_second = form_as_shown(first, url), form_as_shown(second, url)
    assert first.post(url, changed(opened_first, title="Renamed by Braga")).status_code == 302

    response = second.post(url, changed(opened_second, summary="Staff's summary"))
    assert response.status_code == 409
    html = response.content.decode()
    assert "Renamed by Braga" in html  # listed as the other person's change, now in the form
    again = form_as_shown_in(response)
    assert again["title"] == ["Renamed by Braga"]
    assert again["summary"] == ["Staff's summary"]
    assert second.post(url, again).status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.summary) == ("Renamed by Braga", "Staff's summary")


def test_stale_resubmission_of_the_conflict_page_is_refused_again(plan, braga_officer, staff):
    """After the conflict page, a third save in between makes the second attempt stale too."""
    first, second = Client(), Client()
    first.force_login(braga_officer)
    second.force_login(staff)
    url = f"/en/workspace/plans/{plan.pk}/edit/"
    opened_second = form_as_shown(second, url)
    first.post(url, changed(form_as_shown(first, url), summary="One"))
    again = form_as_shown_in(second.post(url, changed(opened_second, summary="Two")))
    first.post(url, changed(form_as_shown(first, url), summary="Three"))
    response = second.post(url, again)
    assert response.status_code == 409
    plan.refresh_from_db()
    assert plan.summary == "Three"


@pytest.mark.parametrize("token", [None, "", "garbage", "a:b:c"])
def test_edit_without_a_valid_token_is_refused_and_not_applied(client, plan, braga_officer, token):
    client.force_login(braga_officer)
    url = f"/en/workspace/plans/{plan.pk}/edit/"
    data = changed(form_as_shown(client, url), title="Tampered", edit_token=token)
    response = client.post(url, data)
    assert response.status_code == 400
    assert "out of date or incomplete" in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "Braga plan"


def test_token_of_another_object_is_refused(client, plan, braga_officer, braga):
    other = PlanFactory(city=braga, title="Other plan")
    client.force_login(braga_officer)
    token = form_as_shown(client, f"/en/workspace/plans/{other.pk}/edit/")["edit_token"]
    url = f"/en/workspace/plans/{plan.pk}/edit/"
    response = client.post(url, changed(form_as_shown(client, url), title="X", edit_token=token))
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.title == "Braga plan"


def test_every_change_is_in_the_history_with_who_and_before_after(
    client, plan, braga_officer, action
):
    client.force_login(braga_officer)
    url = f"/en/workspace/actions/{action.pk}/"
    client.post(url, changed(form_as_shown(client, url), status="delayed", progress="35"))
    html = client.get(f"/en/workspace/plans/{plan.pk}/history/").content.decode()
    assert "Progress (%)" in html
    assert "<td>20</td><td>35</td>" in html
    assert braga_officer.email in html or "Alex" in html


def test_a_service_called_outside_a_request_records_who_acted(plan, action, indicator, staff):
    """A task, an import or the shell: no request tells the history who it was, ``by`` does."""
    actor = MembershipFactory(city=plan.city, user=UserFactory(email="script@braga.example.org"))
    by = actor.user
    plan_save(plan=plan, data={"title": "Braga plan, revised"}, by=by)
    action_save(plan=plan, action=action, data={"progress": 40}, by=by)
    action_validate(action=action, status="on_track", note="Seen on the visit.", by=staff)
    measurement = measurement_add(
        indicator=indicator, data={"date": date(2020, 3, 31), "value": 12}, by=by
    )
    assert ActionPlan.history.filter(id=plan.pk).latest().history_user == by
    records = Action.history.filter(id=action.pk).order_by("history_date")
    assert [r.history_user for r in records][-2:] == [by, staff]
    assert measurement.history.get().history_user == by


def test_a_review_and_its_peers_are_written_together_or_not_at_all(plan, peer, staff):
    with (
        mock.patch("actionplans.notices.review_opened", side_effect=RuntimeError("mail down")),
        pytest.raises(RuntimeError),
    ):
        review_open(plan=plan, questions="Q", peers=[peer], by=staff)
    assert not Review.objects.exists()
    assert not Review.peers.through.objects.exists()


@pytest.mark.parametrize(
    ("url_name", "data", "message"),
    [
        (
            "plan",
            {
                "title": "x",
                "topic": "housing",
                "status": "adopted",
                "start_date": "2020-05-01",
                "end_date": "2020-01-01",
            },
            "The end cannot be before the start.",
        ),
        (
            "indicator",
            {
                "name": "x",
                "unit": "%",
                "direction": "higher",
                "baseline_value": "1",
                "baseline_year": "2020",
                "target_value": "2",
                "target_year": "2019",
            },
            "The target year must come after the baseline year.",
        ),
        (
            "action",
            {"title": "x", "status": "on_track", "progress": "101"},
            "Ensure this value is less than or equal to 100.",
        ),
        (
            "action",
            {"title": "x", "status": "on_track", "progress": "abc"},
            "Enter a whole number.",
        ),
        ("measurement", {"date": "not a date", "value": "x"}, "Enter a valid date."),
    ],
)
def test_forms_explain_bad_dates_and_numbers_next_to_the_field(
    client, braga_officer, plan, indicator, url_name, data, message
):
    client.force_login(braga_officer)
    url = {
        "plan": f"/en/workspace/plans/{plan.pk}/edit/",
        "indicator": f"/en/workspace/plans/{plan.pk}/indicators/new/",
        "action": f"/en/workspace/plans/{plan.pk}/actions/new/",
        "measurement": f"/en/workspace/indicators/{indicator.pk}/measurements/new/",
    }[url_name]
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html


def test_a_submitted_update_is_frozen_and_only_followed_by_a_correction(
    client, braga_officer, plan, indicator, action
):
    Measurement.objects.create(indicator=indicator, date=date(2020, 6, 1), value=12)
    update = progress_update_save(
        plan=plan,
        update=None,
        data={
            "period_label": "2020 H1",
            "period_start": date(2020, 1, 1),
            "period_end": date(2020, 6, 30),
            "narrative": "Good half-year.",
        },
        by=braga_officer,
    )
    progress_update_submit(update=update, by=braga_officer)
    # Later changes to the plan do not change what was reported.
    Measurement.objects.filter(indicator=indicator).update(value=99)
    action.progress = 90
    action.save()
    client.force_login(braga_officer)
    html = client.get(f"/en/workspace/updates/{update.pk}/").content.decode()
    assert "<td>12</td>" in html and "99" not in html
    assert "<td>20%</td>" in html

    # Editing a submitted update goes back to it; a correction is a new update.
    response = client.post(f"/en/workspace/updates/{update.pk}/edit/", {"narrative": "Changed"})
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.narrative == "Good half-year."
    response = client.post(
        f"/en/workspace/plans/{plan.pk}/updates/new/",
        {
            "corrects": update.pk,
            "period_label": "2020 H1",
            "period_start": "2020-01-01",
            "period_end": "2020-06-30",
            "narrative": "Corrected figures.",
            "submit": "1",
        },
    )
    assert response.status_code == 302
    correction = ProgressUpdate.objects.exclude(pk=update.pk).get()
    assert correction.corrects == update and correction.is_submitted


def test_public_page_hides_counts_of_fewer_than_ten_people(client, plan, indicator):
    plan.is_public = True
    plan.save()
    Measurement.objects.create(indicator=indicator, date=date(2020, 6, 1), value=7)
    Measurement.objects.create(indicator=indicator, date=date(2020, 12, 1), value=23)
    html = client.get(f"/en/plans/{plan.pk}/").content.decode()
    assert "fewer than 10" in html
    assert "<td>7</td>" not in html
    assert "<td>23</td>" in html
    assert '<svg class="chart"' in html


def test_critical_friend_review_workflow(client, staff, plan, action, peer, braga_officer):
    client.force_login(staff)
    response = client.post(
        f"/en/workspace/plans/{plan.pk}/reviews/new/",
        {"questions": "How do we keep residents involved?", "peers": [peer.pk]},
    )
    assert response.status_code == 302
    review = Review.objects.get()

    client.force_login(peer)
    response = client.post(
        f"/en/workspace/reviews/{review.pk}/",
        {
            "section": "actions",
            "action": action.pk,
            "kind": "recommendation",
            "text": "Elect residents' committees.",
        },
    )
    assert response.status_code == 302
    finding = review.findings.get()
    assert (
        client.post(f"/en/workspace/findings/{finding.pk}/respond/", {"response": "x"}).status_code
        == 403
    )

    client.force_login(braga_officer)
    respond = f"/en/workspace/findings/{finding.pk}/respond/"
    shown = form_as_shown_in(client.get(f"/en/workspace/reviews/{review.pk}/"), action=respond)
    name = next(key for key in shown if key.endswith("response"))
    assert client.post(respond, changed(shown, **{name: "We will."})).status_code == 302
    finding.refresh_from_db()
    assert finding.response == "We will." and finding.responded_by == braga_officer

    # A follow-up action links back to the recommendation it answers.
    client.post(
        f"/en/workspace/plans/{plan.pk}/actions/new/",
        {
            "title": "Residents' committees",
            "status": "not_started",
            "progress": "0",
            "responds_to": finding.pk,
        },
    )
    assert finding.followup_actions.get().title == "Residents' committees"
    html = client.get(f"/en/workspace/reviews/{review.pk}/").content.decode()
    assert "Residents&#x27; committees" in html


def test_peers_must_come_from_other_cities(client, staff, plan, braga_officer):
    client.force_login(staff)
    response = client.post(
        f"/en/workspace/plans/{plan.pk}/reviews/new/",
        {"questions": "Q", "peers": [braga_officer.pk]},
    )
    assert response.status_code == 400
    assert not ActionPlan.objects.get().reviews.exists()


def test_demo_plans_load_with_their_history_and_review(client, demo):
    braga = ActionPlan.objects.get(city__slug="braga")
    assert braga.updates.filter(submitted_at__isnull=False).count() == 2
    assert braga.reviews.get().findings.count() == 2
    assert ActionPlan.objects.filter(topic="school_dropout").count() == 5
    html = client.get(f"/en/plans/{braga.pk}/").content.decode()
    assert "Integrated Plan of Action for Disadvantaged Communities" in html
    assert "Inspired by" in html


def test_a_correction_of_an_unknown_or_unsubmitted_update_is_404(client, braga_officer, plan):
    client.force_login(braga_officer)
    draft = progress_update_save(
        plan=plan,
        update=None,
        data={
            "period_label": "P",
            "period_start": date(2020, 1, 1),
            "period_end": date(2020, 6, 30),
            "narrative": "N",
        },
        by=braga_officer,
    )
    base = f"/en/workspace/plans/{plan.pk}/updates/new/?corrects="
    for raw in ["abc", "999999", str(draft.pk), "1e3"]:
        assert client.get(base + raw).status_code == 404, raw


def test_evidence_is_checked_attached_and_downloadable_by_the_plan_readers_only(
    client, braga_officer, turin_officer, action, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    client.force_login(braga_officer)
    url = f"/en/workspace/actions/{action.pk}/evidence/"
    refused = client.post(
        url, {"title": "x", "file": SimpleUploadedFile("x.pdf", b"MZ" + b"\0" * 99)}
    )
    assert refused.status_code == 400
    client.post(url, {"title": "Attendance sheet", "file": SimpleUploadedFile("sheet.pdf", pdf)})
    evidence = action.evidence.get()
    response = client.get(evidence.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="sheet.pdf"')
    assert b"".join(response.streaming_content) == pdf
    assert (
        "Attendance sheet" in client.get(f"/en/workspace/plans/{action.plan_id}/").content.decode()
    )
    client.force_login(turin_officer)
    assert client.get(evidence.get_absolute_url()).status_code == 404


def test_inspired_by_offers_the_practices_the_city_adopted(braga, turin):
    from actionplans.forms import PlanForm
    from practices.models import Transfer

    adopted = PracticeFactory(city=turin, title="Adopted by Braga")
    PracticeFactory.create_batch(3, city=turin)  # the rest of the library is not listed
    draft = PracticeFactory(city=turin, status="draft")
    Transfer.objects.create(practice=adopted, city=braga, stage="adapt")
    Transfer.objects.create(practice=draft, city=braga, stage="understand")

    offered = PlanForm(city=braga).fields["inspired_by"].queryset
    assert list(offered) == [adopted]

    other = PracticeFactory(city=turin, title="Not adopted")
    plan = PlanFactory(city=braga, inspired_by=other)
    assert set(PlanForm(instance=plan).fields["inspired_by"].queryset) == {adopted, other}
    form = PlanForm(instance=plan, data={"inspired_by": str(draft.pk)})
    assert not form.is_valid() and "inspired_by" in form.errors


def test_indicator_chart_carries_its_own_strokes_for_pdf_renderers(braga):
    """WeasyPrint draws inline SVG apart from the page's style sheet: without presentation
    attributes the line was filled black and the target and baseline lost their colours."""
    import re

    from actionplans.templatetags.actionplans import indicator_chart

    indicator = IndicatorFactory(plan=PlanFactory(city=braga))
    Measurement.objects.create(indicator=indicator, date=date(2020, 1, 1), value=12)
    Measurement.objects.create(indicator=indicator, date=date(2021, 1, 1), value=25)
    svg = str(indicator_chart(indicator, False))
    line = re.search(r"<polyline [^>]*>", svg)[0]
    assert 'fill="none"' in line and 'stroke="#0b3a5b"' in line
    assert re.search(r'<line class="chart-target"[^>]*stroke="#2e7d32"', svg)
    assert re.search(r'<line class="chart-baseline"[^>]*stroke="#a3470c"', svg)


# --- The plan page keeps the plan and the reader's rights (actionplans.access) ----------------


def test_the_kept_rights_of_a_plan_page_end_at_once_when_a_membership_or_review_does(
    plan, braga_officer, turin_officer, open_review, peer
):
    officer, other, reviewer = Client(), Client(), Client()
    officer.force_login(braga_officer)
    other.force_login(turin_officer)
    reviewer.force_login(peer)
    url = f"/en/workspace/plans/{plan.pk}/"
    for client in (officer, reviewer):
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200  # the kept plan and rights
    # Kept per reader: another city's officer is not let in by someone else's rights.
    assert other.get(url).status_code == 404

    braga_officer.city_memberships.all().delete()
    assert officer.get(url).status_code == 404
    open_review.status = Review.Status.CLOSED
    open_review.save()
    assert reviewer.get(url).status_code == 404


def test_a_plan_page_read_again_does_not_read_the_plan_or_the_rights_again(plan, braga_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(braga_officer)
    url = f"/en/workspace/plans/{plan.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200 and plan.title in response.content.decode()
    read = [q["sql"] for q in queries if "actionplans_" in q["sql"] or "cities_" in q["sql"]]
    assert read == []
