"""One set of objects for the every-URL access matrix: Braga owns private things, Turin is the
other city, staff see everything, anonymous visitors see only what is public. Braga has two
officers signed in by the matrix: its lead (the demo's braga@) and an ordinary officer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionplans.experts import link_create
from actionplans.models import (
    ActionEvidence,
    ExternalReviewer,
    Finding,
    Milestone,
    ProgressUpdate,
    Review,
)
from api.models import ApiToken
from cities.models import City, Invitation, Pledge
from imports.models import DataImport
from meetings.guests import confirm_token, registration_token
from meetings.models import GuestInvitation, MeetingDocument, Registration, new_secret
from notifications.models import Notification
from notifications.sending import unsubscribe_token
from objectives.models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    Evidence,
    Objective,
    WorkPlan,
)
from practices.models import Guideline, PracticeAttachment
from reports.models import Report
from translations.services import translation_save

from .factories import (
    ActionFactory,
    IndicatorFactory,
    MembershipFactory,
    PlanFactory,
    PracticeFactory,
    UserFactory,
)
from .meetings_factories import (
    AgendaItemFactory,
    AgendaSessionFactory,
    DecisionFactory,
    FollowUpFactory,
    MeetingFactory,
    RegistrationFactory,
)
from .sessions import SignedInSessions

BRAGA_OFFICER = "officer@braga.example.org"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class World:
    ids: dict
    # Signed-in browsers of the demo's people, for the matrix's many requests.
    sessions: SignedInSessions = field(default_factory=SignedInSessions)

    def __getitem__(self, key):
        return self.ids[key]


def build_world(settings) -> World:
    """Needs the demo data (demo accounts: staff@, braga@ (lead of Braga), turin@); adds
    Braga's ordinary officer (BRAGA_OFFICER)."""
    braga = City.objects.get(slug="braga")
    staff = get_user_model().objects.get(email="staff@example.org")
    plan = PlanFactory(city=braga, title="Private Braga plan", is_public=False)
    action = ActionFactory(plan=plan)
    indicator = IndicatorFactory(plan=plan)
    evidence = ActionEvidence.objects.create(
        action=action, title="E", file=ContentFile(PDF, name="e.pdf"), original_name="e.pdf",
        content_type="application/pdf", size=len(PDF),
    )  # fmt: skip
    milestone = Milestone.objects.create(action=action, title="M", due_date=date(2030, 1, 1))
    update = ProgressUpdate.objects.create(
        plan=plan, period_label="P", period_start=date(2020, 1, 1), period_end=date(2020, 6, 30),
        narrative="N",
    )  # fmt: skip
    review = Review.objects.create(plan=plan, questions="Q")
    finding = Finding.objects.create(review=review, section="overall", kind="finding", text="F")
    draft = PracticeFactory(city=braga, status="draft", slug="braga-draft")
    officer = MembershipFactory(city=braga, user=UserFactory(email="colleague@braga.example.org"))
    # Translated into French by another officer of Braga: staff and Braga's officers may check
    # it (someone else than its translator), change it or delete it.
    translation_save(
        record=draft,
        language="fr",
        texts={"title": "Brouillon", "summary": "Résumé.", "description": "<p>Texte.</p>"},
        by=officer.user,
    )
    attachment = PracticeAttachment.objects.create(
        practice=draft, title="A", file=ContentFile(PDF, name="a.pdf"), original_name="a.pdf",
        content_type="application/pdf", size=len(PDF),
    )  # fmt: skip
    guideline = Guideline.objects.create(title="Draft guideline", slug="draft-guideline", topic="T")
    # Open to guests, who need the staff's approval.
    meeting = MeetingFactory(
        host_city=braga, slug="braga-future-meeting", guest_access="open",
        guests_need_approval=True,
    )  # fmt: skip
    document = MeetingDocument.objects.create(
        meeting=meeting, title="D", file=ContentFile(PDF, name="d.pdf"),
        content_type="application/pdf", size=len(PDF),
    )  # fmt: skip
    session = AgendaSessionFactory(meeting=meeting)
    item = AgendaItemFactory(meeting=meeting, session=session)
    # An item later the same morning (the hour between them free): the first can move down.
    AgendaItemFactory(
        meeting=meeting, session=session, starts_at=meeting.starts_at + timedelta(hours=2)
    )
    # A meeting just set up: nobody registered (it may go back to draft), no agenda yet (one may
    # be copied into it), open to invited guests (who get invitations).
    new_meeting = MeetingFactory(host_city=braga, slug="braga-new-meeting", guest_access="invited")
    registration = RegistrationFactory(meeting=meeting, city=braga)
    decision = DecisionFactory(meeting=meeting)
    followup = FollowUpFactory(decision=decision, city=braga)
    report = Report.objects.create(
        kind="plan_progress", object_id=plan.pk, language="en", requested_by=staff
    )
    invitation = Invitation.objects.create(city=braga, email="new@example.org", invited_by=staff)
    # The matrix's ordinary (non-lead) officer of Braga, a person of its own, with the demo
    # accounts' password (typed again to erase one's account).
    MembershipFactory(
        city=braga, user=UserFactory(email=BRAGA_OFFICER, password=settings.DEMO_PASSWORD)
    )
    braga_lead = get_user_model().objects.get(email="braga@example.org")
    notification = Notification.objects.create(
        recipient=braga_lead, kind="review_opened", url=f"/en/workspace/reviews/{review.pk}/",
        subject_type=ContentType.objects.get_for_model(review), subject_id=review.pk,
        context={"plan": plan.title, "city": braga.name},
    )  # fmt: skip
    review.peers.add(staff)  # visible to the lead as the host city's officer
    data_import = DataImport.objects.create(
        kind="actions", plan=plan, file_name="actions.csv", edit_token="-",
        created_by=braga_lead,
        rows=[{"row": 2, "status": "new", "label": "New action", "values": {"title": "New"},
               "changes": []}],
    )  # fmt: skip
    token = ApiToken.objects.create(
        user=braga_lead, city=braga, name="Statistics export", prefix="rwg_test",
        key_hash="0" * 64, expires_at=timezone.now() + timedelta(days=30),
    )  # fmt: skip
    activity = Activity.objects.filter(objective__work_plan__is_published=True).first()
    year = _year_records()
    guest = {
        "meeting": meeting, "kind": "guest", "city": None, "role": "", "self_registered": True,
        "guest_category": "practitioner", "place": "Porto", "country": "PT",
    }  # fmt: skip
    pending_guest = RegistrationFactory(
        **guest, status=Registration.Status.PENDING, guest_key=new_secret(),
        name="Pending guest", email="pending.guest@example.org",
    )  # fmt: skip
    awaiting_guest = RegistrationFactory(
        **guest, status=Registration.Status.AWAITING_APPROVAL, guest_key=new_secret(),
        name="Awaiting guest", email="awaiting.guest@example.org",
    )  # fmt: skip
    shared_link = GuestInvitation.objects.create(meeting=meeting, max_uses=5, created_by=staff)
    expert = ExternalReviewer.objects.create(
        review=review, name="Invited evaluator", organisation="Evaluation team",
        email="expert@example.org", role=ExternalReviewer.Role.EVALUATOR, invited_by=staff,
    )  # fmt: skip
    return World(
        {
            "plan": plan.pk, "action": action.pk, "indicator": indicator.pk,
            "milestone": milestone.pk, "evidence": evidence.pk,
            "update": update.pk, "review": review.pk,
            "finding": finding.pk, "practice": draft.pk, "practice_slug": draft.slug,
            "attachment": attachment.pk, "guideline": guideline.pk,
            "guideline_slug": guideline.slug, "meeting": meeting.slug, "document": document.pk,
            "new_meeting": new_meeting.slug,
            "session": session.pk, "item": item.pk, "registration": registration.pk,
            "decision": decision.pk, "followup": followup.pk, "report": report.uid,
            "token": invitation.token, "officer": officer.user_id,
            "notification": notification.pk,
            "data_import": data_import.uid, "api_token": token.pk,
            "activity": activity.pk, "achievement": Achievement.objects.first().pk,
            "unsubscribe_token": unsubscribe_token(user=braga_lead, kind="review_opened"),
            **year,
            "guest": awaiting_guest.pk, "guest_token": registration_token(awaiting_guest),
            "guest_confirm_token": confirm_token(pending_guest),
            "guest_invitation": shared_link.pk, "guest_invitation_token": shared_link.token,
            "expert": expert.pk, "expert_token": link_create(expert),
        }
    )  # fmt: skip


def _year_records() -> dict:
    """The demo's 2020 plan (an activity with a staff evidence link), 2019 achievements, advocacy
    and pledges; and a draft plan for 2021 with an objective, an activity and an empty objective
    (these two with nothing that keeps them from being deleted), and a figure the narrative does
    not quote."""
    link = Evidence.objects.filter(activity__objective__work_plan__year=2020).first()
    achievement = Achievement.objects.filter(year=2019, figures__isnull=False).first()
    draft = WorkPlan.objects.create(year=2021, introduction="The draft of 2021.")
    objective = Objective.objects.create(work_plan=draft, number=1, title="Draft objective")
    empty = Objective.objects.create(work_plan=draft, number=2, title="Empty draft objective")
    activity = Activity.objects.create(
        objective=objective, year=2021, kind=Activity.Kind.GUIDELINE, title="Draft activity",
        season="spring",
    )  # fmt: skip
    unquoted = AchievementFigure.objects.create(
        achievement=achievement, key="unquoted", label="Not in the narrative",
        measure="pledging_cities", order=99,
    )  # fmt: skip
    pledge = Pledge.objects.order_by("pk").first()
    return {
        "wp_objective": link.activity.objective_id, "wp_activity": link.activity_id,
        "wp_evidence": link.pk, "achievement": achievement.pk,
        "figure": achievement.figures.first().pk, "unquoted_figure": unquoted.pk,
        "empty_objective": empty.pk, "draft_activity": activity.pk,
        "advocacy": AdvocacyAction.objects.filter(year=2019).first().pk,
        "pledge": pledge.pk,
        "city_without_pledge": City.objects.exclude(pledges__commitment=pledge.commitment)
        .order_by("name").first().pk,
    }  # fmt: skip


def expert_client(world: World, client: Client | None = None) -> Client:
    """A browser in the limited session of the world's invited expert (no account): one of
    their sign-in links used."""
    client = client or Client()
    token = link_create(ExternalReviewer.objects.get(pk=world["expert"]))
    url = reverse("actionplans:expert_sign_in", kwargs={"token": token})
    page = client.get(url).content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    response = client.post(url, {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 302, response.status_code
    return client
