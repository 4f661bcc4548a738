"""Every URL of the project against staff, the owning city's officer, another city's officer
and an anonymous visitor. A URL without an entry here makes the first test fail."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .url_world import build_world, expert_client

pytestmark = pytest.mark.slow

PEOPLE = ["staff@example.org", "braga@example.org", "turin@example.org", None]

# URL name -> the world's objects its arguments come from.
ARGS = {
    "healthz": {},
    "readyz": {},
    "metrics": {},
    "portal:home": {},
    "portal:city": {"slug": "braga"},
    "portal:accessibility": {},
    "portal:privacy": {},
    "cities:list": {},
    "objectives:work_plans": {},
    "objectives:work_plan": {"year": 2020},
    "objectives:achievements": {"year": 2019},
    "objectives_workspace:list": {},
    "objectives_workspace:start_next": {},
    "objectives_workspace:plan": {"year": 2020},
    "objectives_workspace:plan_edit": {"year": 2020},
    "objectives_workspace:publish": {"year": 2021},
    "objectives_workspace:preview": {"year": 2021},
    "objectives_workspace:history": {"year": 2020},
    "objectives_workspace:objective_new": {"year": 2020},
    "objectives_workspace:objective_edit": {"pk": "wp_objective"},
    "objectives_workspace:objective_delete": {"pk": "wp_objective"},
    "objectives_workspace:activity_new": {"pk": "wp_objective"},
    "objectives_workspace:activity_edit": {"pk": "wp_activity"},
    "objectives_workspace:activity_delete": {"pk": "wp_activity"},
    "objectives_workspace:evidence": {"pk": "wp_activity"},
    "objectives_workspace:evidence_new": {"pk": "wp_activity"},
    "objectives_workspace:evidence_remove": {"pk": "wp_activity", "link_pk": "wp_evidence"},
    "objectives_workspace:achievements": {"year": 2019},
    "objectives_workspace:achievement_new": {"year": 2019},
    "objectives_workspace:achievement_edit": {"pk": "achievement"},
    "objectives_workspace:achievement_delete": {"pk": "achievement"},
    "objectives_workspace:figure_new": {"pk": "achievement"},
    "objectives_workspace:figure_edit": {"pk": "figure"},
    "objectives_workspace:figure_delete": {"pk": "figure"},
    "objectives_workspace:advocacy_new": {"year": 2019},
    "objectives_workspace:advocacy_edit": {"pk": "advocacy"},
    "objectives_workspace:advocacy_delete": {"pk": "advocacy"},
    "pledges_workspace:list": {},
    "pledges_workspace:new": {},
    "pledges_workspace:edit": {"pk": "pledge"},
    "pledges_workspace:delete": {"pk": "pledge"},
    "pledges_workspace:commitment_new": {},
    "meetings:list": {},
    "meetings:calendar": {},
    "meetings:detail": {"slug": "meeting"},
    "meetings:meeting_calendar": {"slug": "meeting"},
    "meetings:document": {"slug": "meeting", "pk": "document"},
    "meetings:register": {"slug": "meeting"},
    "meetings:registration_cancel": {"slug": "meeting", "pk": "registration"},
    "meetings:guest_register": {"slug": "meeting"},
    "meetings:guest_sent": {"slug": "meeting"},
    "meetings:guest_invited": {"slug": "meeting", "token": "guest_invitation_token"},
    "meetings:guest_confirm": {"token": "guest_confirm_token"},
    "meetings:guest_registration": {"token": "guest_token"},
    "meetings:guest_cancel": {"token": "guest_token"},
    "meetings:guest_erase": {"token": "guest_token"},
    "meetings:guest_data": {"token": "guest_token"},
    "meetings_workspace:list": {},
    "meetings_workspace:new": {},
    "meetings_workspace:followup_done": {"pk": "followup"},
    "meetings_workspace:manage": {"slug": "meeting"},
    "meetings_workspace:edit": {"slug": "meeting"},
    "meetings_workspace:publish": {"slug": "meeting"},
    "meetings_workspace:document_new": {"slug": "meeting"},
    "meetings_workspace:document_delete": {"slug": "meeting", "pk": "document"},
    "meetings_workspace:agenda": {"slug": "meeting"},
    "meetings_workspace:agenda_duplicate": {"slug": "meeting"},
    "meetings_workspace:item_new": {"slug": "meeting"},
    "meetings_workspace:item_edit": {"slug": "meeting", "pk": "item"},
    "meetings_workspace:item_delete": {"slug": "meeting", "pk": "item"},
    "meetings_workspace:item_move": {"slug": "meeting", "pk": "item"},
    "meetings_workspace:session_new": {"slug": "meeting"},
    "meetings_workspace:session_edit": {"slug": "meeting", "pk": "session"},
    "meetings_workspace:session_delete": {"slug": "meeting", "pk": "session"},
    "meetings_workspace:registrations": {"slug": "meeting"},
    "meetings_workspace:registrations_csv": {"slug": "meeting"},
    "meetings_workspace:attendance": {"slug": "meeting"},
    "meetings_workspace:attendee_new": {"slug": "meeting"},
    "meetings_workspace:guests": {"slug": "meeting"},
    "meetings_workspace:guest_approve": {"slug": "meeting", "pk": "guest"},
    "meetings_workspace:guest_decline": {"slug": "meeting", "pk": "guest"},
    "meetings_workspace:guest_invitation_new": {"slug": "meeting"},
    "meetings_workspace:guest_invitation_revoke": {"slug": "meeting", "pk": "guest_invitation"},
    "meetings_workspace:outcomes": {"slug": "meeting"},
    "meetings_workspace:decision_new": {"slug": "meeting"},
    "meetings_workspace:decision_edit": {"slug": "meeting", "pk": "decision"},
    "meetings_workspace:decision_delete": {"slug": "meeting", "pk": "decision"},
    "practices:list": {},
    "practices:feed": {},
    "practices:export_csv": {},
    "practices:export_json": {},
    "practices:detail": {"slug": "practice_slug"},
    "practices:attachment": {"slug": "practice_slug", "pk": "attachment"},
    "practices:guidelines": {},
    "practices:guideline": {"slug": "guideline_slug"},
    "actionplans_public:public": {"pk": "plan"},
    "network:dashboard": {},
    "network:data_csv": {},
    "network:target": {"code": "edu-upper-secondary"},
    "invitations:accept": {"token": "token"},
    "workspace:home": {},
    "invitations_staff:new": {"slug": "braga"},
    "practices_workspace:list": {},
    "practices_workspace:new": {},
    "practices_workspace:edit": {"pk": "practice"},
    "practices_workspace:submit": {"pk": "practice"},
    "practices_workspace:review": {"pk": "practice"},
    "practices_workspace:attachment_upload": {"pk": "practice"},
    "practices_workspace:attachment_delete": {"pk": "practice", "attachment_pk": "attachment"},
    "practices_workspace:transfer_new": {"pk": "practice"},
    "practices_workspace:guidelines": {},
    "practices_workspace:guideline_new": {},
    "practices_workspace:guideline_edit": {"pk": "guideline"},
    "practices_workspace:guideline_publish": {"pk": "guideline"},
    "actionplans:list": {},
    "actionplans:new": {},
    "actionplans:plan": {"pk": "plan"},
    "actionplans:edit": {"pk": "plan"},
    "actionplans:history": {"pk": "plan"},
    "actionplans:action_new": {"plan_pk": "plan"},
    "actionplans:action_edit": {"pk": "action"},
    "actionplans:action_validate": {"pk": "action"},
    "actionplans:evidence": {"pk": "action"},
    "actionplans:evidence_file": {"pk": "evidence"},
    "actionplans:milestone_new": {"action_pk": "action"},
    "actionplans:milestone_edit": {"pk": "milestone"},
    "actionplans:indicator_new": {"plan_pk": "plan"},
    "actionplans:indicator_edit": {"pk": "indicator"},
    "actionplans:measurement_new": {"pk": "indicator"},
    "actionplans:update_new": {"plan_pk": "plan"},
    "actionplans:update": {"pk": "update"},
    "actionplans:update_edit": {"pk": "update"},
    "actionplans:review_new": {"plan_pk": "plan"},
    "actionplans:review": {"pk": "review"},
    "actionplans:review_close": {"pk": "review"},
    "actionplans:finding_respond": {"pk": "finding"},
    "actionplans:expert_new": {"pk": "review"},
    "actionplans:expert_revoke": {"pk": "expert"},
    "actionplans:expert_link": {"pk": "expert"},
    "experts:link": {"token": "expert_token"},
    "experts:new_link": {},
    "experts:link_sent": {},
    "experts:review": {"pk": "review"},
    "experts:plan": {"pk": "review"},
    "experts:sign_out": {},
    "reports:request": {},
    "reports:status": {"uid": "report"},
    "reports:download": {"uid": "report"},
    "reports:retry": {"uid": "report"},
    "personal_data:page": {},
    "personal_data:download": {},
    "personal_data:erase": {},
    "personal_data:erased": {},
    "people:erase": {"pk": "officer"},
    "people:address_data": {},
    "officers:list": {"slug": "braga"},
    "practices_workspace:themes": {},
    "notifications:list": {},
    "notifications:mark_read": {},
    "notifications:settings": {},
    "notifications:open": {"pk": "notification"},
    "notifications_public:unsubscribe": {"token": "unsubscribe_token"},
    "api:root": {},
    "api:schema": {},
    "api:docs": {},
    "api:cities": {},
    "api:city": {"slug": "braga"},
    "api:work_plans": {},
    "api:work_plan": {"year": 2020},
    "api:activities": {},
    "api:activity": {"pk": "activity"},
    "api:achievements": {},
    "api:achievement": {"pk": "achievement"},
    "api:practices": {},
    "api:practice": {"slug": "practice_slug"},
    "api:guidelines": {},
    "api:guideline": {"slug": "guideline_slug"},
    "api:meetings": {},
    "api:meeting": {"slug": "meeting"},
    "api:plans": {},
    "api:plan": {"pk": "plan"},
    "api:indicators": {},
    "api:indicator": {"pk": "indicator"},
    "api:measurements": {"pk": "indicator"},
    "api:eu_targets": {},
    "api:eu_target": {"code": "edu-upper-secondary"},
    "api_tokens:list": {},
    "api_tokens:revoke": {"pk": "api_token"},
    "translations:versions": {"key": "practices.practice", "pk": "practice"},
    "translations:edit": {"key": "practices.practice", "pk": "practice", "language": "fr"},
    "translations:check": {"key": "practices.practice", "pk": "practice", "language": "fr"},
    "translations:delete": {"key": "practices.practice", "pk": "practice", "language": "fr"},
    "opendata:index": {},
    "opendata:bundle": {},
    "opendata:file": {"name": "indicators", "suffix": "csv"},
    "imports:plan_upload": {"pk": "plan", "kind": "actions"},
    "imports:plan_template": {"pk": "plan", "kind": "milestones", "fmt": "xlsx"},
    "imports:indicator_upload": {"pk": "indicator"},
    "imports:indicator_template": {"pk": "indicator", "fmt": "csv"},
    "imports:preview": {"uid": "data_import"},
    "imports:confirm": {"uid": "data_import"},
}

# Expected GET status for (staff, Braga's lead officer, Turin's officer, anonymous).
# GET on a POST-only address answers 405 to everyone; POSTs by outsiders are checked below.
EXPECTED: dict[str, tuple[int, int, int, int]] = {
    "healthz": (200, 200, 200, 200),
    "readyz": (200, 200, 200, 200),
    # Prometheus' address: 404 without its bearer token, whoever asks.
    "metrics": (404, 404, 404, 404),
    "portal:home": (200, 200, 200, 200),
    "portal:city": (200, 200, 200, 200),
    "portal:accessibility": (200, 200, 200, 200),
    "portal:privacy": (200, 200, 200, 200),
    "cities:list": (200, 200, 200, 200),
    "objectives:work_plans": (200, 200, 200, 200),
    "objectives:work_plan": (200, 200, 200, 200),
    "objectives:achievements": (200, 200, 200, 200),
    "objectives_workspace:list": (200, 403, 403, 302),
    "objectives_workspace:start_next": (405, 405, 405, 405),
    "objectives_workspace:plan": (200, 403, 403, 302),
    "objectives_workspace:plan_edit": (200, 403, 403, 302),
    "objectives_workspace:publish": (405, 405, 405, 405),
    "objectives_workspace:preview": (200, 403, 403, 302),
    "objectives_workspace:history": (200, 403, 403, 302),
    "objectives_workspace:objective_new": (200, 403, 403, 302),
    "objectives_workspace:objective_edit": (200, 403, 403, 302),
    "objectives_workspace:objective_delete": (405, 405, 405, 405),
    "objectives_workspace:activity_new": (200, 403, 403, 302),
    "objectives_workspace:activity_edit": (200, 403, 403, 302),
    "objectives_workspace:activity_delete": (405, 405, 405, 405),
    "objectives_workspace:evidence": (200, 403, 403, 302),
    "objectives_workspace:evidence_new": (405, 405, 405, 405),
    "objectives_workspace:evidence_remove": (405, 405, 405, 405),
    "objectives_workspace:achievements": (200, 403, 403, 302),
    "objectives_workspace:achievement_new": (200, 403, 403, 302),
    "objectives_workspace:achievement_edit": (200, 403, 403, 302),
    "objectives_workspace:achievement_delete": (405, 405, 405, 405),
    "objectives_workspace:figure_new": (200, 403, 403, 302),
    "objectives_workspace:figure_edit": (200, 403, 403, 302),
    "objectives_workspace:figure_delete": (405, 405, 405, 405),
    "objectives_workspace:advocacy_new": (200, 403, 403, 302),
    "objectives_workspace:advocacy_edit": (200, 403, 403, 302),
    "objectives_workspace:advocacy_delete": (405, 405, 405, 405),
    "pledges_workspace:list": (200, 403, 403, 302),
    "pledges_workspace:new": (200, 403, 403, 302),
    "pledges_workspace:edit": (200, 403, 403, 302),
    "pledges_workspace:delete": (405, 405, 405, 405),
    "pledges_workspace:commitment_new": (200, 403, 403, 302),
    "meetings:list": (200, 200, 200, 200),
    "meetings:calendar": (200, 200, 200, 200),
    "meetings:detail": (200, 200, 200, 200),
    "meetings:meeting_calendar": (200, 200, 200, 200),
    "meetings:document": (200, 200, 200, 200),
    "meetings:register": (200, 200, 200, 302),
    "meetings:registration_cancel": (405, 405, 405, 405),
    # The world's meeting is open to anyone as a guest; a guest's own links need no sign-in:
    # the signed token is the proof.
    "meetings:guest_register": (200, 200, 200, 200),
    "meetings:guest_sent": (200, 200, 200, 200),
    "meetings:guest_invited": (200, 200, 200, 200),
    "meetings:guest_confirm": (200, 200, 200, 200),
    "meetings:guest_registration": (200, 200, 200, 200),
    "meetings:guest_cancel": (200, 200, 200, 200),
    "meetings:guest_erase": (200, 200, 200, 200),
    "meetings:guest_data": (200, 200, 200, 200),
    "meetings_workspace:list": (200, 200, 200, 302),
    "meetings_workspace:new": (200, 403, 403, 302),
    "meetings_workspace:followup_done": (405, 405, 405, 405),
    "meetings_workspace:manage": (200, 403, 403, 302),
    "meetings_workspace:edit": (200, 403, 403, 302),
    "meetings_workspace:publish": (405, 405, 405, 405),
    "meetings_workspace:document_new": (405, 405, 405, 405),
    "meetings_workspace:document_delete": (405, 405, 405, 405),
    "meetings_workspace:agenda": (200, 403, 403, 302),
    "meetings_workspace:agenda_duplicate": (405, 405, 405, 405),
    "meetings_workspace:item_new": (200, 403, 403, 302),
    "meetings_workspace:item_edit": (200, 403, 403, 302),
    "meetings_workspace:item_delete": (405, 405, 405, 405),
    "meetings_workspace:item_move": (405, 405, 405, 405),
    "meetings_workspace:session_new": (200, 403, 403, 302),
    "meetings_workspace:session_edit": (200, 403, 403, 302),
    "meetings_workspace:session_delete": (405, 405, 405, 405),
    "meetings_workspace:registrations": (200, 403, 403, 302),
    "meetings_workspace:registrations_csv": (200, 403, 403, 302),
    "meetings_workspace:attendance": (200, 403, 403, 302),
    "meetings_workspace:attendee_new": (200, 403, 403, 302),
    # Guests' details: staff, and the host city's officers (the meeting is in Braga).
    "meetings_workspace:guests": (200, 200, 403, 302),
    "meetings_workspace:guest_approve": (405, 405, 405, 405),
    "meetings_workspace:guest_decline": (405, 405, 405, 405),
    "meetings_workspace:guest_invitation_new": (200, 403, 403, 302),
    "meetings_workspace:guest_invitation_revoke": (405, 405, 405, 405),
    "meetings_workspace:outcomes": (200, 403, 403, 302),
    "meetings_workspace:decision_new": (200, 403, 403, 302),
    "meetings_workspace:decision_edit": (200, 403, 403, 302),
    "meetings_workspace:decision_delete": (405, 405, 405, 405),
    "practices:list": (200, 200, 200, 200),
    "practices:feed": (200, 200, 200, 200),
    "practices:export_csv": (200, 200, 200, 200),
    "practices:export_json": (200, 200, 200, 200),
    "practices:detail": (200, 200, 404, 404),
    "practices:attachment": (200, 200, 404, 404),
    "practices:guidelines": (200, 200, 200, 200),
    "practices:guideline": (200, 404, 404, 404),
    "actionplans_public:public": (404, 404, 404, 404),
    # Public; staff see more there (private plans, late updates), nobody is refused.
    "network:dashboard": (200, 200, 200, 200),
    "network:data_csv": (200, 200, 200, 200),
    "network:target": (200, 200, 200, 200),
    # The invitation is for new@example.org: signed in as anyone else, the link is refused.
    "invitations:accept": (403, 403, 403, 200),
    "workspace:home": (200, 200, 200, 302),
    "invitations_staff:new": (200, 200, 403, 302),
    "practices_workspace:list": (200, 200, 200, 302),
    "practices_workspace:new": (200, 200, 200, 302),
    "practices_workspace:edit": (200, 200, 404, 302),
    "practices_workspace:submit": (405, 405, 405, 302),
    "practices_workspace:review": (200, 403, 403, 302),
    "practices_workspace:attachment_upload": (200, 200, 404, 302),
    "practices_workspace:attachment_delete": (405, 405, 405, 302),
    "practices_workspace:transfer_new": (200, 403, 404, 302),
    "practices_workspace:guidelines": (200, 403, 403, 302),
    "practices_workspace:guideline_new": (200, 403, 403, 302),
    "practices_workspace:guideline_edit": (200, 403, 403, 302),
    "practices_workspace:guideline_publish": (405, 403, 403, 302),
    "actionplans:list": (200, 200, 200, 302),
    "actionplans:new": (200, 200, 200, 302),
    "actionplans:plan": (200, 200, 404, 302),
    "actionplans:edit": (200, 200, 404, 302),
    "actionplans:history": (200, 200, 404, 302),
    "actionplans:action_new": (200, 200, 404, 302),
    "actionplans:action_edit": (200, 200, 404, 302),
    "actionplans:action_validate": (200, 403, 404, 302),
    "actionplans:evidence": (200, 200, 404, 302),
    "actionplans:evidence_file": (200, 200, 404, 302),
    "actionplans:milestone_new": (200, 200, 404, 302),
    "actionplans:milestone_edit": (200, 200, 404, 302),
    "actionplans:indicator_new": (200, 200, 404, 302),
    "actionplans:indicator_edit": (200, 200, 404, 302),
    "actionplans:measurement_new": (200, 200, 404, 302),
    "actionplans:update_new": (200, 200, 404, 302),
    "actionplans:update": (200, 200, 404, 302),
    "actionplans:update_edit": (200, 200, 404, 302),
    "actionplans:review_new": (200, 403, 403, 302),
    "actionplans:review": (200, 200, 404, 302),
    "actionplans:review_close": (405, 403, 403, 302),
    "actionplans:finding_respond": (405, 405, 405, 302),
    "actionplans:expert_new": (200, 403, 403, 302),
    "actionplans:expert_revoke": (405, 405, 405, 405),
    "actionplans:expert_link": (405, 405, 405, 405),
    # Invited experts (no account): the link and the new-link form are public; their review and
    # plan open only in the session one of their links started (EXTERNAL_EXPECTED).
    "experts:link": (200, 200, 200, 200),
    "experts:new_link": (200, 200, 200, 200),
    "experts:link_sent": (200, 200, 200, 200),
    "experts:review": (302, 302, 302, 302),
    "experts:plan": (302, 302, 302, 302),
    "experts:sign_out": (405, 405, 405, 405),
    "reports:request": (405, 405, 405, 405),
    "reports:status": (200, 200, 404, 404),
    "reports:download": (404, 404, 404, 404),
    "reports:retry": (405, 405, 405, 405),
    "personal_data:page": (200, 200, 200, 302),
    "personal_data:download": (200, 200, 200, 302),
    "personal_data:erase": (200, 200, 200, 302),
    "personal_data:erased": (302, 302, 302, 200),
    "people:erase": (200, 403, 403, 302),
    "people:address_data": (200, 403, 403, 302),
    "officers:list": (200, 200, 403, 302),
    "practices_workspace:themes": (200, 200, 200, 302),
    "notifications:list": (200, 200, 200, 302),
    "notifications:mark_read": (405, 405, 405, 302),
    "notifications:settings": (200, 200, 200, 302),
    # Braga's lead's own notification: it opens its page; anyone else's answer is 404.
    "notifications:open": (404, 302, 404, 302),
    # The unsubscribe link needs no sign-in: the signed token is the proof.
    "notifications_public:unsubscribe": (200, 200, 200, 200),
    # The open data API: public data to everyone, the same whoever asks (no session there).
    "api:root": (200, 200, 200, 200),
    "api:schema": (200, 200, 200, 200),
    "api:docs": (200, 200, 200, 200),
    "api:cities": (200, 200, 200, 200),
    "api:city": (200, 200, 200, 200),
    "api:work_plans": (200, 200, 200, 200),
    "api:work_plan": (200, 200, 200, 200),
    "api:activities": (200, 200, 200, 200),
    "api:activity": (200, 200, 200, 200),
    "api:achievements": (200, 200, 200, 200),
    "api:achievement": (200, 200, 200, 200),
    "api:practices": (200, 200, 200, 200),
    # A draft practice, a draft guideline and a private plan are not in the API, even for staff.
    "api:practice": (404, 404, 404, 404),
    "api:guidelines": (200, 200, 200, 200),
    "api:guideline": (404, 404, 404, 404),
    "api:meetings": (200, 200, 200, 200),
    "api:meeting": (200, 200, 200, 200),
    "api:plans": (200, 200, 200, 200),
    "api:plan": (404, 404, 404, 404),
    "api:indicators": (200, 200, 200, 200),
    "api:indicator": (404, 404, 404, 404),
    # POST only, with a token (tests/test_api.py).
    "api:measurements": (405, 405, 405, 405),
    "api:eu_targets": (200, 200, 200, 200),
    "api:eu_target": (200, 200, 200, 200),
    "api_tokens:list": (200, 200, 200, 302),
    "api_tokens:revoke": (405, 405, 405, 405),
    # A draft practice of Braga: its officers and staff translate it; others learn nothing.
    "translations:versions": (200, 200, 404, 302),
    "translations:edit": (200, 200, 404, 302),
    "translations:check": (405, 405, 405, 405),
    "translations:delete": (405, 405, 405, 405),
    "opendata:index": (200, 200, 200, 200),
    # No zip file built yet in this world.
    "opendata:bundle": (404, 404, 404, 404),
    "opendata:file": (200, 200, 200, 200),
    "imports:plan_upload": (200, 200, 404, 302),
    "imports:plan_template": (200, 200, 404, 302),
    "imports:indicator_upload": (200, 200, 404, 302),
    "imports:indicator_template": (200, 200, 404, 302),
    "imports:preview": (200, 200, 404, 302),
    "imports:confirm": (405, 405, 405, 405),
}

# POST-only addresses: what another city's officer and an anonymous visitor get when they post.
POST_ONLY = [name for name, statuses in EXPECTED.items() if statuses[0] == 405]
# (another city's officer, anonymous): a missing right is 403, another city's object 404,
# an anonymous visitor goes to sign in (302); a report is 404 to whoever may not see it.
POST_EXPECTED = {
    "objectives_workspace:start_next": (403, 302),
    "objectives_workspace:publish": (403, 302),
    "objectives_workspace:objective_delete": (403, 302),
    "objectives_workspace:activity_delete": (403, 302),
    "objectives_workspace:evidence_new": (403, 302),
    "objectives_workspace:evidence_remove": (403, 302),
    "objectives_workspace:achievement_delete": (403, 302),
    "objectives_workspace:figure_delete": (403, 302),
    "objectives_workspace:advocacy_delete": (403, 302),
    "pledges_workspace:delete": (403, 302),
    "meetings:registration_cancel": (404, 302),
    "meetings_workspace:followup_done": (404, 302),
    "meetings_workspace:publish": (403, 302),
    "meetings_workspace:document_new": (403, 302),
    "meetings_workspace:document_delete": (403, 302),
    "meetings_workspace:agenda_duplicate": (403, 302),
    "meetings_workspace:item_delete": (403, 302),
    "meetings_workspace:item_move": (403, 302),
    "meetings_workspace:session_delete": (403, 302),
    "meetings_workspace:decision_delete": (403, 302),
    "meetings_workspace:guest_approve": (403, 302),
    "meetings_workspace:guest_decline": (403, 302),
    "meetings_workspace:guest_invitation_revoke": (403, 302),
    "practices_workspace:submit": (404, 302),
    "practices_workspace:attachment_delete": (404, 302),
    "practices_workspace:guideline_publish": (403, 302),
    "actionplans:review_close": (403, 302),
    "actionplans:finding_respond": (404, 302),
    "actionplans:expert_revoke": (403, 302),
    "actionplans:expert_link": (403, 302),
    # Ends an expert's session (there is none here): nothing to refuse, back home.
    "experts:sign_out": (302, 302),
    "reports:request": (404, 404),
    "reports:retry": (404, 404),
    # Marks the person's own notifications (none here) as read; anonymous visitors sign in.
    "notifications:mark_read": (302, 302),
    # A token of Braga's lead: another person's token is not theirs to revoke.
    "api_tokens:revoke": (404, 302),
    "imports:confirm": (404, 302),
    "translations:check": (404, 302),
    "translations:delete": (404, 302),
    # Without a token: a problem document (401) whoever posts.
    "api:measurements": (401, 401),
}

# The fifth kind of visitor: the world's invited expert, in the limited session one of their
# sign-in links started (no account). Every address answers them as it answers an anonymous
# visitor (the fourth column, and POST_EXPECTED's second), except their own review and plan.
EXTERNAL_EXPECTED = {"experts:review": 200, "experts:plan": 200}
EXTERNAL_POST_EXPECTED: dict[str, int] = {}

NOT_CHECKED: set[str] = set()


def _names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in [namespace, pattern.namespace] if n) or None
            if inner == "admin" or (pattern.app_name or "").startswith(("account", "mfa")):
                continue
            yield from _names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            if pattern.name.startswith(("account_", "mfa_", "usersessions")):
                continue
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def _path(name: str, world) -> str:
    kwargs = {
        key: (world[value] if isinstance(value, str) and value in world.ids else value)
        for key, value in ARGS[name].items()
    }
    return reverse(name, kwargs=kwargs)


def test_every_url_of_the_project_is_in_the_matrix():
    names = set(_names(get_resolver().url_patterns)) - NOT_CHECKED
    assert names - set(ARGS) == set(), "new URLs need an entry in ARGS and EXPECTED"
    assert set(EXPECTED) == set(ARGS)


@pytest.mark.django_db
def test_every_url_answers_each_kind_of_person_as_expected(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(settings)
    from django.contrib.auth import get_user_model

    got = {}
    for name in ARGS:
        path = _path(name, world)
        statuses = []
        for email in PEOPLE:
            client = Client()
            if email:
                client.force_login(get_user_model().objects.get(email=email))
            statuses.append(client.get(path).status_code)
        got[name] = tuple(statuses)
    wrong = {
        name: (got[name], EXPECTED.get(name)) for name in ARGS if got[name] != EXPECTED.get(name)
    }
    assert wrong == {}


@pytest.mark.django_db
def test_outsiders_cannot_post_to_any_post_only_address(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(settings)
    from django.contrib.auth import get_user_model

    other_city = Client()
    other_city.force_login(get_user_model().objects.get(email="turin@example.org"))
    refused = {}
    for name in POST_ONLY:
        path = _path(name, world)
        refused[name] = (other_city.post(path).status_code, Client().post(path).status_code)
    assert refused == POST_EXPECTED


@pytest.mark.django_db
def test_an_invited_expert_is_answered_as_an_anonymous_visitor_but_on_their_review(
    demo, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(settings)
    client = expert_client(world)
    got = {name: client.get(_path(name, world)).status_code for name in ARGS}
    expected = {name: EXTERNAL_EXPECTED.get(name, EXPECTED[name][3]) for name in ARGS}
    assert {name: (got[name], expected[name]) for name in ARGS if got[name] != expected[name]} == {}
    assert client.session.get("external_reviewer"), "the expert's session ended on the way"

    posted = {}
    for name in POST_ONLY:
        posted[name] = expert_client(world).post(_path(name, world)).status_code
    expected_posts = {
        name: EXTERNAL_POST_EXPECTED.get(name, POST_EXPECTED[name][1]) for name in POST_ONLY
    }
    assert posted == expected_posts
