"""The one permission matrix of the project: every URL against each kind of person.

People (PEOPLE, the columns): staff, Braga's lead officer, Braga's ordinary officer, Turin's
officer (another city) and an anonymous visitor; and an invited expert (no account), answered as
an anonymous visitor except where EXTERNAL_EXPECTED says otherwise.

Rows: EXPECTED, the GET status of every URL for each person; POST_EXPECTED, the POST status of
every URL that accepts a POST (the POST-only ones and the form pages), with the body a browser
would send (POST_BODIES): who posts successfully (a redirect, or 200 with the result) and who is
refused (403, 404, or SIGN_IN: a redirect to the sign-in page; 400 where the service or the form
refuses that person's valid-looking body, said beside the row). A refused POST writes nothing.

A URL without a GET row, or accepting a POST without a POST row, makes a test fail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
import tablib
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .form_world import browser_data, post_forms, tables_written
from .url_world import BRAGA_OFFICER, PDF, World, expert_client

pytestmark = pytest.mark.slow

PEOPLE = ["staff@example.org", "braga@example.org", BRAGA_OFFICER, "turin@example.org", None]
STAFF, LEAD, OFFICER, OTHER_CITY, ANONYMOUS = range(len(PEOPLE))
EXPERT = "expert"  # the invited expert's limited session, in the POST checks

# URL name -> the world's objects its arguments come from.
ARGS = {
    "admin:index": {},
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
    "objectives:workspace_list": {},
    "objectives:work_plan_start_next": {},
    "objectives:work_plan_manage": {"year": 2020},
    "objectives:work_plan_edit": {"year": 2020},
    "objectives:work_plan_publish": {"year": 2021},
    "objectives:work_plan_preview": {"year": 2021},
    "objectives:work_plan_history": {"year": 2020},
    "objectives:objective_new": {"year": 2020},
    "objectives:objective_edit": {"pk": "wp_objective"},
    "objectives:objective_delete": {"pk": "empty_objective"},
    "objectives:activity_new": {"pk": "wp_objective"},
    "objectives:activity_edit": {"pk": "wp_activity"},
    "objectives:activity_delete": {"pk": "draft_activity"},
    "objectives:evidence_list": {"pk": "wp_activity"},
    "objectives:evidence_new": {"pk": "wp_activity"},
    "objectives:evidence_remove": {"pk": "wp_activity", "link_pk": "wp_evidence"},
    "objectives:achievement_workspace_list": {"year": 2019},
    "objectives:achievement_new": {"year": 2019},
    "objectives:achievement_edit": {"pk": "achievement"},
    "objectives:achievement_delete": {"pk": "achievement"},
    "objectives:figure_new": {"pk": "achievement"},
    "objectives:figure_edit": {"pk": "figure"},
    "objectives:figure_delete": {"pk": "unquoted_figure"},
    "objectives:advocacy_new": {"year": 2019},
    "objectives:advocacy_edit": {"pk": "advocacy"},
    "objectives:advocacy_delete": {"pk": "advocacy"},
    "cities:pledge_list": {},
    "cities:pledge_new": {},
    "cities:pledge_edit": {"pk": "pledge"},
    "cities:pledge_delete": {"pk": "pledge"},
    "cities:commitment_new": {},
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
    "meetings:workspace_list": {},
    "meetings:meeting_new": {},
    "meetings:followup_done": {"pk": "followup"},
    "meetings:meeting_manage": {"slug": "meeting"},
    "meetings:meeting_edit": {"slug": "meeting"},
    "meetings:meeting_publish": {"slug": "new_meeting"},
    "meetings:document_new": {"slug": "meeting"},
    "meetings:document_delete": {"slug": "meeting", "pk": "document"},
    "meetings:agenda_edit": {"slug": "meeting"},
    "meetings:agenda_duplicate": {"slug": "new_meeting"},
    "meetings:agenda_item_new": {"slug": "meeting"},
    "meetings:agenda_item_edit": {"slug": "meeting", "pk": "item"},
    "meetings:agenda_item_delete": {"slug": "meeting", "pk": "item"},
    "meetings:agenda_item_move": {"slug": "meeting", "pk": "item"},
    "meetings:agenda_session_new": {"slug": "meeting"},
    "meetings:agenda_session_edit": {"slug": "meeting", "pk": "session"},
    "meetings:agenda_session_delete": {"slug": "meeting", "pk": "session"},
    "meetings:registration_list": {"slug": "meeting"},
    "meetings:registration_list_csv": {"slug": "meeting"},
    "meetings:attendance_edit": {"slug": "meeting"},
    "meetings:attendee_new": {"slug": "meeting"},
    "meetings:guest_list": {"slug": "meeting"},
    "meetings:guest_approve": {"slug": "meeting", "pk": "guest"},
    "meetings:guest_decline": {"slug": "meeting", "pk": "guest"},
    "meetings:guest_invitation_new": {"slug": "new_meeting"},
    "meetings:guest_invitation_revoke": {"slug": "meeting", "pk": "guest_invitation"},
    "meetings:outcomes_edit": {"slug": "meeting"},
    "meetings:decision_new": {"slug": "meeting"},
    "meetings:decision_edit": {"slug": "meeting", "pk": "decision"},
    "meetings:decision_delete": {"slug": "meeting", "pk": "decision"},
    "practices:list": {},
    "practices:feed": {},
    "practices:export_csv": {},
    "practices:export_json": {},
    "practices:detail": {"slug": "practice_slug"},
    "practices:attachment": {"slug": "practice_slug", "pk": "attachment"},
    "practices:guidelines": {},
    "practices:guideline": {"slug": "guideline_slug"},
    "actionplans:plan_public": {"pk": "plan"},
    "network:dashboard": {},
    "network:data_csv": {},
    "network:target": {"code": "edu-upper-secondary"},
    "cities:invitation_accept": {"token": "token"},
    "workspace:home": {},
    "cities:invitation_new": {"slug": "braga"},
    "practices:workspace_list": {},
    "practices:practice_new": {},
    "practices:practice_edit": {"pk": "practice"},
    "practices:practice_submit": {"pk": "practice"},
    "practices:practice_review": {"pk": "practice"},
    "practices:attachment_upload": {"pk": "practice"},
    "practices:attachment_delete": {"pk": "practice", "attachment_pk": "attachment"},
    "practices:transfer_new": {"pk": "practice"},
    "practices:guideline_workspace_list": {},
    "practices:guideline_new": {},
    "practices:guideline_edit": {"pk": "guideline"},
    "practices:guideline_publish": {"pk": "guideline"},
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
    "actionplans:expert_sign_in": {"token": "expert_token"},
    "actionplans:expert_link_request": {},
    "actionplans:expert_link_sent": {},
    "actionplans:expert_review": {"pk": "review"},
    "actionplans:expert_plan": {"pk": "review"},
    "actionplans:expert_sign_out": {},
    "reports:request": {},
    "reports:status": {"uid": "report"},
    "reports:download": {"uid": "report"},
    "reports:retry": {"uid": "report"},
    "accounts:my_data": {},
    "accounts:my_data_download": {},
    "accounts:own_account_erase": {},
    "accounts:own_account_erased": {},
    "accounts:person_erase": {"pk": "officer"},
    "accounts:address_data": {},
    "cities:officer_list": {"slug": "braga"},
    "practices:themes_follow": {},
    "notifications:list": {},
    "notifications:mark_read": {},
    "notifications:settings": {},
    "notifications:open": {"pk": "notification"},
    "notifications:unsubscribe": {"token": "unsubscribe_token"},
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

# Expected GET status for PEOPLE: (staff, Braga's lead, Braga's officer, Turin's officer,
# anonymous).
# GET on a POST-only address answers 405 to everyone; its POSTs are in POST_EXPECTED.
EXPECTED: dict[str, tuple[int, int, int, int, int]] = {
    # Django's admin: staff only; everyone else is sent to its sign-in page.
    "admin:index": (200, 302, 302, 302, 302),
    "healthz": (200, 200, 200, 200, 200),
    "readyz": (200, 200, 200, 200, 200),
    # Prometheus' address: 404 without its bearer token, whoever asks.
    "metrics": (404, 404, 404, 404, 404),
    "portal:home": (200, 200, 200, 200, 200),
    "portal:city": (200, 200, 200, 200, 200),
    "portal:accessibility": (200, 200, 200, 200, 200),
    "portal:privacy": (200, 200, 200, 200, 200),
    "cities:list": (200, 200, 200, 200, 200),
    "objectives:work_plans": (200, 200, 200, 200, 200),
    "objectives:work_plan": (200, 200, 200, 200, 200),
    "objectives:achievements": (200, 200, 200, 200, 200),
    "objectives:workspace_list": (200, 403, 403, 403, 302),
    "objectives:work_plan_start_next": (405, 405, 405, 405, 405),
    "objectives:work_plan_manage": (200, 403, 403, 403, 302),
    "objectives:work_plan_edit": (200, 403, 403, 403, 302),
    "objectives:work_plan_publish": (405, 405, 405, 405, 405),
    "objectives:work_plan_preview": (200, 403, 403, 403, 302),
    "objectives:work_plan_history": (200, 403, 403, 403, 302),
    "objectives:objective_new": (200, 403, 403, 403, 302),
    "objectives:objective_edit": (200, 403, 403, 403, 302),
    "objectives:objective_delete": (405, 405, 405, 405, 405),
    "objectives:activity_new": (200, 403, 403, 403, 302),
    "objectives:activity_edit": (200, 403, 403, 403, 302),
    "objectives:activity_delete": (405, 405, 405, 405, 405),
    "objectives:evidence_list": (200, 403, 403, 403, 302),
    "objectives:evidence_new": (405, 405, 405, 405, 405),
    "objectives:evidence_remove": (405, 405, 405, 405, 405),
    "objectives:achievement_workspace_list": (200, 403, 403, 403, 302),
    "objectives:achievement_new": (200, 403, 403, 403, 302),
    "objectives:achievement_edit": (200, 403, 403, 403, 302),
    "objectives:achievement_delete": (405, 405, 405, 405, 405),
    "objectives:figure_new": (200, 403, 403, 403, 302),
    "objectives:figure_edit": (200, 403, 403, 403, 302),
    "objectives:figure_delete": (405, 405, 405, 405, 405),
    "objectives:advocacy_new": (200, 403, 403, 403, 302),
    "objectives:advocacy_edit": (200, 403, 403, 403, 302),
    "objectives:advocacy_delete": (405, 405, 405, 405, 405),
    "cities:pledge_list": (200, 403, 403, 403, 302),
    "cities:pledge_new": (200, 403, 403, 403, 302),
    "cities:pledge_edit": (200, 403, 403, 403, 302),
    "cities:pledge_delete": (405, 405, 405, 405, 405),
    "cities:commitment_new": (200, 403, 403, 403, 302),
    "meetings:list": (200, 200, 200, 200, 200),
    "meetings:calendar": (200, 200, 200, 200, 200),
    "meetings:detail": (200, 200, 200, 200, 200),
    "meetings:meeting_calendar": (200, 200, 200, 200, 200),
    "meetings:document": (200, 200, 200, 200, 200),
    "meetings:register": (200, 200, 200, 200, 302),
    "meetings:registration_cancel": (405, 405, 405, 405, 405),
    # The world's meeting is open to anyone as a guest; a guest's own links need no sign-in:
    # the signed token is the proof.
    "meetings:guest_register": (200, 200, 200, 200, 200),
    "meetings:guest_sent": (200, 200, 200, 200, 200),
    "meetings:guest_invited": (200, 200, 200, 200, 200),
    "meetings:guest_confirm": (200, 200, 200, 200, 200),
    "meetings:guest_registration": (200, 200, 200, 200, 200),
    "meetings:guest_cancel": (200, 200, 200, 200, 200),
    "meetings:guest_erase": (200, 200, 200, 200, 200),
    "meetings:guest_data": (200, 200, 200, 200, 200),
    "meetings:workspace_list": (200, 200, 200, 200, 302),
    "meetings:meeting_new": (200, 403, 403, 403, 302),
    "meetings:followup_done": (405, 405, 405, 405, 405),
    "meetings:meeting_manage": (200, 403, 403, 403, 302),
    "meetings:meeting_edit": (200, 403, 403, 403, 302),
    "meetings:meeting_publish": (405, 405, 405, 405, 405),
    "meetings:document_new": (405, 405, 405, 405, 405),
    "meetings:document_delete": (405, 405, 405, 405, 405),
    "meetings:agenda_edit": (200, 403, 403, 403, 302),
    "meetings:agenda_duplicate": (405, 405, 405, 405, 405),
    "meetings:agenda_item_new": (200, 403, 403, 403, 302),
    "meetings:agenda_item_edit": (200, 403, 403, 403, 302),
    "meetings:agenda_item_delete": (405, 405, 405, 405, 405),
    "meetings:agenda_item_move": (405, 405, 405, 405, 405),
    "meetings:agenda_session_new": (200, 403, 403, 403, 302),
    "meetings:agenda_session_edit": (200, 403, 403, 403, 302),
    "meetings:agenda_session_delete": (405, 405, 405, 405, 405),
    "meetings:registration_list": (200, 403, 403, 403, 302),
    "meetings:registration_list_csv": (200, 403, 403, 403, 302),
    "meetings:attendance_edit": (200, 403, 403, 403, 302),
    "meetings:attendee_new": (200, 403, 403, 403, 302),
    # Guests' details: staff, and the host city's officers (the meeting is in Braga).
    "meetings:guest_list": (200, 200, 200, 403, 302),
    "meetings:guest_approve": (405, 405, 405, 405, 405),
    "meetings:guest_decline": (405, 405, 405, 405, 405),
    "meetings:guest_invitation_new": (200, 403, 403, 403, 302),
    "meetings:guest_invitation_revoke": (405, 405, 405, 405, 405),
    "meetings:outcomes_edit": (200, 403, 403, 403, 302),
    "meetings:decision_new": (200, 403, 403, 403, 302),
    "meetings:decision_edit": (200, 403, 403, 403, 302),
    "meetings:decision_delete": (405, 405, 405, 405, 405),
    "practices:list": (200, 200, 200, 200, 200),
    "practices:feed": (200, 200, 200, 200, 200),
    "practices:export_csv": (200, 200, 200, 200, 200),
    "practices:export_json": (200, 200, 200, 200, 200),
    "practices:detail": (200, 200, 200, 404, 404),
    "practices:attachment": (200, 200, 200, 404, 404),
    "practices:guidelines": (200, 200, 200, 200, 200),
    "practices:guideline": (200, 404, 404, 404, 404),
    "actionplans:plan_public": (404, 404, 404, 404, 404),
    # Public; staff see more there (private plans, late updates), nobody is refused.
    "network:dashboard": (200, 200, 200, 200, 200),
    "network:data_csv": (200, 200, 200, 200, 200),
    "network:target": (200, 200, 200, 200, 200),
    # The invitation is for new@example.org: signed in as anyone else, the link is refused.
    "cities:invitation_accept": (403, 403, 403, 403, 200),
    "workspace:home": (200, 200, 200, 200, 302),
    # Inviting officers and the list of a city's officers: staff and the city's lead only.
    "cities:invitation_new": (200, 200, 403, 403, 302),
    "practices:workspace_list": (200, 200, 200, 200, 302),
    "practices:practice_new": (200, 200, 200, 200, 302),
    "practices:practice_edit": (200, 200, 200, 404, 302),
    "practices:practice_submit": (405, 405, 405, 405, 302),
    "practices:practice_review": (200, 403, 403, 403, 302),
    "practices:attachment_upload": (200, 200, 200, 404, 302),
    "practices:attachment_delete": (405, 405, 405, 405, 302),
    "practices:transfer_new": (200, 403, 403, 404, 302),
    "practices:guideline_workspace_list": (200, 403, 403, 403, 302),
    "practices:guideline_new": (200, 403, 403, 403, 302),
    "practices:guideline_edit": (200, 403, 403, 403, 302),
    "practices:guideline_publish": (405, 403, 403, 403, 302),
    "actionplans:list": (200, 200, 200, 200, 302),
    "actionplans:new": (200, 200, 200, 200, 302),
    "actionplans:plan": (200, 200, 200, 404, 302),
    "actionplans:edit": (200, 200, 200, 404, 302),
    "actionplans:history": (200, 200, 200, 404, 302),
    "actionplans:action_new": (200, 200, 200, 404, 302),
    "actionplans:action_edit": (200, 200, 200, 404, 302),
    "actionplans:action_validate": (200, 403, 403, 404, 302),
    "actionplans:evidence": (200, 200, 200, 404, 302),
    "actionplans:evidence_file": (200, 200, 200, 404, 302),
    "actionplans:milestone_new": (200, 200, 200, 404, 302),
    "actionplans:milestone_edit": (200, 200, 200, 404, 302),
    "actionplans:indicator_new": (200, 200, 200, 404, 302),
    "actionplans:indicator_edit": (200, 200, 200, 404, 302),
    "actionplans:measurement_new": (200, 200, 200, 404, 302),
    "actionplans:update_new": (200, 200, 200, 404, 302),
    "actionplans:update": (200, 200, 200, 404, 302),
    "actionplans:update_edit": (200, 200, 200, 404, 302),
    "actionplans:review_new": (200, 403, 403, 403, 302),
    "actionplans:review": (200, 200, 200, 404, 302),
    "actionplans:review_close": (405, 403, 403, 403, 302),
    "actionplans:finding_respond": (405, 405, 405, 405, 302),
    "actionplans:expert_new": (200, 403, 403, 403, 302),
    "actionplans:expert_revoke": (405, 405, 405, 405, 405),
    "actionplans:expert_link": (405, 405, 405, 405, 405),
    # Invited experts (no account): the link and the new-link form are public; their review and
    # plan open only in the session one of their links started (EXTERNAL_EXPECTED).
    "actionplans:expert_sign_in": (200, 200, 200, 200, 200),
    "actionplans:expert_link_request": (200, 200, 200, 200, 200),
    "actionplans:expert_link_sent": (200, 200, 200, 200, 200),
    "actionplans:expert_review": (302, 302, 302, 302, 302),
    "actionplans:expert_plan": (302, 302, 302, 302, 302),
    "actionplans:expert_sign_out": (405, 405, 405, 405, 405),
    "reports:request": (405, 405, 405, 405, 405),
    "reports:status": (200, 200, 200, 404, 404),
    "reports:download": (404, 404, 404, 404, 404),
    "reports:retry": (405, 405, 405, 405, 405),
    "accounts:my_data": (200, 200, 200, 200, 302),
    "accounts:my_data_download": (200, 200, 200, 200, 302),
    "accounts:own_account_erase": (200, 200, 200, 200, 302),
    "accounts:own_account_erased": (302, 302, 302, 302, 200),
    "accounts:person_erase": (200, 403, 403, 403, 302),
    "accounts:address_data": (200, 403, 403, 403, 302),
    "cities:officer_list": (200, 200, 403, 403, 302),
    "practices:themes_follow": (200, 200, 200, 200, 302),
    "notifications:list": (200, 200, 200, 200, 302),
    "notifications:mark_read": (405, 405, 405, 405, 302),
    "notifications:settings": (200, 200, 200, 200, 302),
    # Braga's lead's own notification: it opens its page; anyone else's answer is 404.
    "notifications:open": (404, 302, 404, 404, 302),
    # The unsubscribe link needs no sign-in: the signed token is the proof.
    "notifications:unsubscribe": (200, 200, 200, 200, 200),
    # The open data API: public data to everyone, the same whoever asks (no session there).
    "api:root": (200, 200, 200, 200, 200),
    "api:schema": (200, 200, 200, 200, 200),
    "api:docs": (200, 200, 200, 200, 200),
    "api:cities": (200, 200, 200, 200, 200),
    "api:city": (200, 200, 200, 200, 200),
    "api:work_plans": (200, 200, 200, 200, 200),
    "api:work_plan": (200, 200, 200, 200, 200),
    "api:activities": (200, 200, 200, 200, 200),
    "api:activity": (200, 200, 200, 200, 200),
    "api:achievements": (200, 200, 200, 200, 200),
    "api:achievement": (200, 200, 200, 200, 200),
    "api:practices": (200, 200, 200, 200, 200),
    # A draft practice, a draft guideline and a private plan are not in the API, even for staff.
    "api:practice": (404, 404, 404, 404, 404),
    "api:guidelines": (200, 200, 200, 200, 200),
    "api:guideline": (404, 404, 404, 404, 404),
    "api:meetings": (200, 200, 200, 200, 200),
    "api:meeting": (200, 200, 200, 200, 200),
    "api:plans": (200, 200, 200, 200, 200),
    "api:plan": (404, 404, 404, 404, 404),
    "api:indicators": (200, 200, 200, 200, 200),
    "api:indicator": (404, 404, 404, 404, 404),
    # POST only, with a token (tests/test_api.py).
    "api:measurements": (405, 405, 405, 405, 405),
    "api:eu_targets": (200, 200, 200, 200, 200),
    "api:eu_target": (200, 200, 200, 200, 200),
    "api_tokens:list": (200, 200, 200, 200, 302),
    "api_tokens:revoke": (405, 405, 405, 405, 405),
    # A draft practice of Braga: its officers and staff translate it; others learn nothing.
    "translations:versions": (200, 200, 200, 404, 302),
    "translations:edit": (200, 200, 200, 404, 302),
    "translations:check": (405, 405, 405, 405, 405),
    "translations:delete": (405, 405, 405, 405, 405),
    "opendata:index": (200, 200, 200, 200, 200),
    # No zip file built yet in this world.
    "opendata:bundle": (404, 404, 404, 404, 404),
    "opendata:file": (200, 200, 200, 200, 200),
    "imports:plan_upload": (200, 200, 200, 404, 302),
    "imports:plan_template": (200, 200, 200, 404, 302),
    "imports:indicator_upload": (200, 200, 200, 404, 302),
    "imports:indicator_template": (200, 200, 200, 404, 302),
    # An import is its author's (Braga's lead) until confirmed; staff see every import.
    "imports:preview": (200, 200, 404, 404, 302),
    "imports:confirm": (405, 405, 405, 405, 405),
}

# Every redirect of an anonymous visitor's GET goes to a sign-in page, except these: an invited
# expert's pages, for which there is no account to sign in with.
ANONYMOUS_REDIRECTED_ELSEWHERE = {"actionplans:expert_review", "actionplans:expert_plan"}

# The GET-only addresses answer a POST with 405 (checked as staff, who passes every other check).
POST_ONLY = [name for name, statuses in EXPECTED.items() if statuses[STAFF] == 405]

SIGN_IN = "sign in"  # a redirect to the sign-in page

# A page without a form of its own answers a POST as it answers a GET: its EXPECTED row.
AS_GET = "as GET"

# Expected POST status for PEOPLE (as in EXPECTED), each person sending the body of POST_BODIES.
POST_EXPECTED: dict[str, tuple | str] = {
    "admin:index": AS_GET,
    "healthz": AS_GET,
    "readyz": AS_GET,
    "metrics": AS_GET,
    "portal:home": AS_GET,
    "portal:city": AS_GET,
    "portal:accessibility": AS_GET,
    "portal:privacy": AS_GET,
    "cities:list": AS_GET,
    "objectives:work_plans": AS_GET,
    "objectives:work_plan": AS_GET,
    "objectives:achievements": AS_GET,
    "objectives:workspace_list": AS_GET,
    # 400: the world holds the draft of 2021 already, the year after the last published plan:
    # the list's button starts the next plan once (test_work_plan_editing starts one).
    "objectives:work_plan_start_next": (400, 403, 403, 403, SIGN_IN),
    "objectives:work_plan_manage": AS_GET,
    "objectives:work_plan_edit": (302, 403, 403, 403, SIGN_IN),
    "objectives:work_plan_publish": (302, 403, 403, 403, SIGN_IN),
    "objectives:work_plan_preview": AS_GET,
    "objectives:work_plan_history": AS_GET,
    "objectives:objective_new": (302, 403, 403, 403, SIGN_IN),
    "objectives:objective_edit": (302, 403, 403, 403, SIGN_IN),
    "objectives:objective_delete": (302, 403, 403, 403, SIGN_IN),
    "objectives:activity_new": (302, 403, 403, 403, SIGN_IN),
    "objectives:activity_edit": (302, 403, 403, 403, SIGN_IN),
    "objectives:activity_delete": (302, 403, 403, 403, SIGN_IN),
    "objectives:evidence_list": AS_GET,
    "objectives:evidence_new": (302, 403, 403, 403, SIGN_IN),
    "objectives:evidence_remove": (302, 403, 403, 403, SIGN_IN),
    "objectives:achievement_workspace_list": AS_GET,
    "objectives:achievement_new": (302, 403, 403, 403, SIGN_IN),
    "objectives:achievement_edit": (302, 403, 403, 403, SIGN_IN),
    "objectives:achievement_delete": (302, 403, 403, 403, SIGN_IN),
    "objectives:figure_new": (302, 403, 403, 403, SIGN_IN),
    "objectives:figure_edit": (302, 403, 403, 403, SIGN_IN),
    "objectives:figure_delete": (302, 403, 403, 403, SIGN_IN),
    "objectives:advocacy_new": (302, 403, 403, 403, SIGN_IN),
    "objectives:advocacy_edit": (302, 403, 403, 403, SIGN_IN),
    "objectives:advocacy_delete": (302, 403, 403, 403, SIGN_IN),
    "cities:pledge_list": AS_GET,
    "cities:pledge_new": (302, 403, 403, 403, SIGN_IN),
    "cities:pledge_edit": (302, 403, 403, 403, SIGN_IN),
    "cities:pledge_delete": (302, 403, 403, 403, SIGN_IN),
    "cities:commitment_new": (302, 403, 403, 403, SIGN_IN),
    "meetings:list": AS_GET,
    "meetings:calendar": AS_GET,
    "meetings:detail": AS_GET,
    "meetings:meeting_calendar": AS_GET,
    "meetings:document": AS_GET,
    # Each officer registers someone of their own city (Turin's too: the meeting is open).
    "meetings:register": (302, 302, 302, 302, SIGN_IN),
    "meetings:registration_cancel": (302, 302, 302, 404, SIGN_IN),
    # A guest's pages: the signed token or the open meeting is the proof, anyone may post.
    "meetings:guest_register": (302, 302, 302, 302, 302),
    "meetings:guest_sent": AS_GET,
    "meetings:guest_invited": (302, 302, 302, 302, 302),
    "meetings:guest_confirm": (302, 302, 302, 302, 302),
    "meetings:guest_registration": AS_GET,
    "meetings:guest_cancel": (302, 302, 302, 302, 302),
    "meetings:guest_erase": (302, 302, 302, 302, 302),
    "meetings:guest_data": AS_GET,
    "meetings:workspace_list": AS_GET,
    "meetings:meeting_new": (302, 403, 403, 403, SIGN_IN),
    "meetings:followup_done": (302, 302, 302, 404, SIGN_IN),
    "meetings:meeting_manage": AS_GET,
    "meetings:meeting_edit": (302, 403, 403, 403, SIGN_IN),
    "meetings:meeting_publish": (302, 403, 403, 403, SIGN_IN),
    "meetings:document_new": (302, 403, 403, 403, SIGN_IN),
    "meetings:document_delete": (302, 403, 403, 403, SIGN_IN),
    "meetings:agenda_edit": AS_GET,
    "meetings:agenda_duplicate": (302, 403, 403, 403, SIGN_IN),
    "meetings:agenda_item_new": (302, 403, 403, 403, SIGN_IN),
    "meetings:agenda_item_edit": (302, 403, 403, 403, SIGN_IN),
    "meetings:agenda_item_delete": (302, 403, 403, 403, SIGN_IN),
    "meetings:agenda_item_move": (302, 403, 403, 403, SIGN_IN),
    "meetings:agenda_session_new": (302, 403, 403, 403, SIGN_IN),
    "meetings:agenda_session_edit": (302, 403, 403, 403, SIGN_IN),
    "meetings:agenda_session_delete": (302, 403, 403, 403, SIGN_IN),
    "meetings:registration_list": AS_GET,
    "meetings:registration_list_csv": AS_GET,
    "meetings:attendance_edit": (302, 403, 403, 403, SIGN_IN),
    "meetings:attendee_new": (302, 403, 403, 403, SIGN_IN),
    "meetings:guest_list": AS_GET,
    "meetings:guest_approve": (302, 403, 403, 403, SIGN_IN),
    "meetings:guest_decline": (302, 403, 403, 403, SIGN_IN),
    "meetings:guest_invitation_new": (302, 403, 403, 403, SIGN_IN),
    "meetings:guest_invitation_revoke": (302, 403, 403, 403, SIGN_IN),
    "meetings:outcomes_edit": (302, 403, 403, 403, SIGN_IN),
    "meetings:decision_new": (302, 403, 403, 403, SIGN_IN),
    "meetings:decision_edit": (302, 403, 403, 403, SIGN_IN),
    "meetings:decision_delete": (302, 403, 403, 403, SIGN_IN),
    "practices:list": AS_GET,
    "practices:feed": AS_GET,
    "practices:export_csv": AS_GET,
    "practices:export_json": AS_GET,
    "practices:detail": AS_GET,
    "practices:attachment": AS_GET,
    "practices:guidelines": AS_GET,
    "practices:guideline": AS_GET,
    "actionplans:plan_public": AS_GET,
    # The invitation is for new@example.org: any signed-in person is refused.
    "cities:invitation_accept": (403, 403, 403, 403, 302),
    "workspace:home": AS_GET,
    # Inviting officers to Braga: staff and Braga's lead; its ordinary officer is refused.
    "cities:invitation_new": (302, 302, 403, 403, SIGN_IN),
    "practices:workspace_list": AS_GET,
    # Each officer proposes for their own city (Turin's officer for Turin), staff for any.
    "practices:practice_new": (302, 302, 302, 302, SIGN_IN),
    "practices:practice_edit": (302, 302, 302, 404, SIGN_IN),
    "practices:practice_submit": (302, 302, 302, 404, SIGN_IN),
    "practices:practice_review": (302, 403, 403, 403, SIGN_IN),
    "practices:attachment_upload": (302, 302, 302, 404, SIGN_IN),
    "practices:attachment_delete": (302, 302, 302, 404, SIGN_IN),
    "practices:transfer_new": (302, 403, 403, 404, SIGN_IN),
    "practices:guideline_workspace_list": AS_GET,
    "practices:guideline_new": (302, 403, 403, 403, SIGN_IN),
    "practices:guideline_edit": (302, 403, 403, 403, SIGN_IN),
    "practices:guideline_publish": (302, 403, 403, 403, SIGN_IN),
    "actionplans:list": AS_GET,
    # The form for Braga (staff chose it; Turin's officer has only Turin to start a plan for).
    "actionplans:new": (302, 302, 302, 302, SIGN_IN),
    "actionplans:plan": AS_GET,
    "actionplans:edit": (302, 302, 302, 404, SIGN_IN),
    "actionplans:history": AS_GET,
    "actionplans:action_new": (302, 302, 302, 404, SIGN_IN),
    "actionplans:action_edit": (302, 302, 302, 404, SIGN_IN),
    "actionplans:action_validate": (302, 403, 403, 404, SIGN_IN),
    "actionplans:evidence": (302, 302, 302, 404, SIGN_IN),
    "actionplans:evidence_file": AS_GET,
    "actionplans:milestone_new": (302, 302, 302, 404, SIGN_IN),
    "actionplans:milestone_edit": (302, 302, 302, 404, SIGN_IN),
    "actionplans:indicator_new": (302, 302, 302, 404, SIGN_IN),
    "actionplans:indicator_edit": (302, 302, 302, 404, SIGN_IN),
    "actionplans:measurement_new": (302, 302, 302, 404, SIGN_IN),
    "actionplans:update_new": (302, 302, 302, 404, SIGN_IN),
    "actionplans:update": AS_GET,
    "actionplans:update_edit": (302, 302, 302, 404, SIGN_IN),
    "actionplans:review_new": (302, 403, 403, 403, SIGN_IN),
    # The review page's form is the staff's (questions); Braga's officers answer findings.
    "actionplans:review": (302, 403, 403, 404, SIGN_IN),
    "actionplans:review_close": (302, 403, 403, 403, SIGN_IN),
    "actionplans:finding_respond": (302, 302, 302, 404, SIGN_IN),
    "actionplans:expert_new": (302, 403, 403, 403, SIGN_IN),
    "actionplans:expert_revoke": (302, 403, 403, 403, SIGN_IN),
    "actionplans:expert_link": (302, 403, 403, 403, SIGN_IN),
    "actionplans:expert_sign_in": (302, 302, 302, 302, 302),
    "actionplans:expert_link_request": (302, 302, 302, 302, 302),
    "actionplans:expert_link_sent": AS_GET,
    "actionplans:expert_review": AS_GET,
    "actionplans:expert_plan": AS_GET,
    "actionplans:expert_sign_out": (302, 302, 302, 302, 302),
    # Asking for a PDF of Braga's private plan (303 to its status page); reports:retry is 404
    # to everyone: the world's report did not fail.
    "reports:request": (303, 303, 303, 404, 404),
    "reports:retry": (404, 404, 404, 404, 404),
    "accounts:my_data": AS_GET,
    # The password typed again erases one's account; staff's is refused (400): the demo's staff
    # is the last administrator.
    "accounts:own_account_erase": (400, 302, 302, 302, SIGN_IN),
    "accounts:own_account_erased": AS_GET,
    "accounts:person_erase": (302, 403, 403, 403, SIGN_IN),
    "accounts:address_data": (302, 403, 403, 403, SIGN_IN),
    "cities:officer_list": AS_GET,
    "practices:themes_follow": (302, 302, 302, 302, SIGN_IN),
    "notifications:list": AS_GET,
    "notifications:mark_read": (302, 302, 302, 302, SIGN_IN),
    "notifications:settings": (302, 302, 302, 302, SIGN_IN),
    "notifications:open": AS_GET,
    "notifications:unsubscribe": (302, 302, 302, 302, 302),
    # Without a token: a problem document (401) whoever posts.
    "api:measurements": (401, 401, 401, 401, 401),
    "api_tokens:list": (302, 302, 302, 302, SIGN_IN),
    # A token of Braga's lead: only they and staff may revoke it.
    "api_tokens:revoke": (302, 302, 404, 404, SIGN_IN),
    "translations:versions": (302, 302, 302, 404, SIGN_IN),
    "translations:edit": (302, 302, 302, 404, SIGN_IN),
    # Another officer of Braga made the French translation: staff and Braga's officers check it.
    "translations:check": (302, 302, 302, 404, SIGN_IN),
    "translations:delete": (302, 302, 302, 404, SIGN_IN),
    # A spreadsheet read, its preview next (302); Turin's officer: 404.
    "imports:plan_upload": (302, 302, 302, 404, SIGN_IN),
    "imports:indicator_upload": (302, 302, 302, 404, SIGN_IN),
    # The world's import has no valid edit token: 404 to everyone signed in.
    "imports:confirm": (404, 404, 404, 404, SIGN_IN),
}


@dataclass(frozen=True)
class Upload:
    """A file a person chooses in a form's file field."""

    name: str
    content: bytes
    content_type: str

    def file(self) -> SimpleUploadedFile:
        return SimpleUploadedFile(self.name, self.content, self.content_type)


PDF_FILE = Upload("matrix.pdf", PDF, "application/pdf")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def spreadsheet(headers: list[str], *rows: tuple) -> Upload:
    """A real Excel workbook, as an officer's spreadsheet program saves one."""
    return Upload("matrix.xlsx", tablib.Dataset(*rows, headers=headers).export("xlsx"), XLSX)


@dataclass(frozen=True)
class Body:
    """What a browser sends to a URL that takes a POST: the form posting to it on ``page`` (a URL
    name, with ``page_args`` or its ARGS; by default the URL itself), as each person reads it
    there (as its first reader does, for those who may not open it), filled as a browser would
    send it (a PDF in each file field), with what the person types: ``typed`` (the world's ids
    filled in)."""

    page: str = ""
    page_args: dict = field(default_factory=dict)
    query: str = ""
    typed: Callable[[World], dict] = lambda world: {}


# The bodies that are not the URL's own form as a browser fills it by itself.
POST_BODIES: dict[str, Body] = {
    # Buttons and forms of another page, or of the URL's page asked for something.
    "objectives:work_plan_start_next": Body(page="objectives:workspace_list"),
    "objectives:evidence_new": Body(
        page="objectives:evidence_list",
        query="?kind=actionplans.actionplan",
        typed=lambda world: {"record": world["plan"]},
    ),
    "meetings:meeting_publish": Body(
        page="meetings:meeting_manage", page_args={"slug": "new_meeting"}
    ),
    "meetings:document_new": Body(page="meetings:meeting_manage"),
    "meetings:agenda_duplicate": Body(
        page="meetings:agenda_edit", page_args={"slug": "new_meeting"}
    ),
    "meetings:agenda_item_move": Body(page="meetings:agenda_edit"),
    "actionplans:finding_respond": Body(page="actionplans:review"),
    "translations:check": Body(page="translations:versions"),
    "actionplans:new": Body(query="?city=braga"),  # staff choose the city first
    # What a person types where the form's first choice or a made-up value would not do.
    "objectives:figure_new": Body(typed=lambda world: {"key": "cities_pledged"}),
    "cities:pledge_new": Body(typed=lambda world: {"city": world["city_without_pledge"]}),
    # A shared link for five registrations.
    "meetings:guest_invitation_new": Body(typed=lambda world: {"max_uses": "5"}),
    # A PDF of Braga's private plan: for those who may read the plan.
    "reports:request": Body(
        typed=lambda world: {"kind": "plan_progress", "object_id": world["plan"]}
    ),
    "imports:plan_upload": Body(
        typed=lambda world: {"file": spreadsheet(["title"], ("Homework clubs",))}
    ),
    "imports:indicator_upload": Body(
        typed=lambda world: {"file": spreadsheet(["date", "value"], ("2020-06-30", "83.5"))}
    ),
}

# The invited expert is answered as an anonymous visitor, except on these pages.
EXTERNAL_EXPECTED = {"actionplans:expert_review": 200, "actionplans:expert_plan": 200}

NOT_CHECKED: set[str] = set()


def _module(resolver: URLResolver) -> str:
    return getattr(resolver.urlconf_module, "__name__", "")


def _names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in [namespace, pattern.namespace] if n) or None
            if inner == "admin" or _module(pattern).startswith("allauth."):
                continue
            yield from _names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            if pattern.name.startswith(("account_", "mfa_", "usersessions")):
                continue
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def _path(name: str, world, args: dict | None = None) -> str:
    """The address of ``name`` with ``args`` (by default its ARGS), the world's ids filled in."""
    kwargs = {
        key: (world[value] if isinstance(value, str) and value in world.ids else value)
        for key, value in (args or ARGS[name]).items()
    }
    return reverse(name, kwargs=kwargs)


def _client(who, world: World) -> Client:
    if who == EXPERT:
        return expert_client(world)
    return world.sessions.client(who) if who else Client()


def test_every_url_of_the_project_is_in_the_matrix():
    names = set(_names(get_resolver().url_patterns)) - NOT_CHECKED
    assert names - set(ARGS) == set(), "new URLs need an entry in ARGS and EXPECTED"
    assert set(EXPECTED) == set(ARGS)
    assert set(POST_ONLY) <= set(POST_EXPECTED), "POST-only URLs need a row in POST_EXPECTED"
    assert set(POST_EXPECTED) <= set(ARGS)
    assert set(POST_BODIES) <= set(POST_EXPECTED)
    assert {body.page for body in POST_BODIES.values()} - {""} <= set(ARGS)
    rows = [*EXPECTED.values(), *(r for r in POST_EXPECTED.values() if r is not AS_GET)]
    assert all(len(row) == len(PEOPLE) for row in rows)


def test_every_url_answers_each_kind_of_person_as_expected(url_world):
    got, elsewhere = {}, set()
    for name in ARGS:
        path = _path(name, url_world)
        responses = [_client(email, url_world).get(path) for email in PEOPLE]
        got[name] = tuple(response.status_code for response in responses)
        anonymous = responses[ANONYMOUS]
        if anonymous.status_code == 302 and "/login/" not in anonymous["Location"]:
            elsewhere.add(name)
    wrong = {name: (got[name], EXPECTED[name]) for name in ARGS if got[name] != EXPECTED[name]}
    assert wrong == {}
    assert elsewhere == ANONYMOUS_REDIRECTED_ELSEWHERE


def test_an_invited_expert_is_answered_as_an_anonymous_visitor_but_on_their_review(url_world):
    client = expert_client(url_world)
    got = {name: client.get(_path(name, url_world)).status_code for name in ARGS}
    expected = {name: EXTERNAL_EXPECTED.get(name, EXPECTED[name][ANONYMOUS]) for name in ARGS}
    assert {name: (got[name], expected[name]) for name in ARGS if got[name] != expected[name]} == {}
    assert client.session.get("external_reviewer"), "the expert's session ended on the way"


def _form_data(name: str, who, world: World, read: dict) -> dict:
    """The body ``who`` sends to ``name`` (see Body); ``read`` keeps each page's forms as each
    person read them."""
    if POST_EXPECTED[name] is AS_GET:
        return {}
    body = POST_BODIES.get(name, Body())
    path = _path(name, world)
    page = _path(body.page or name, world, body.page_args) + body.query
    openers = EXPECTED[body.page or name]
    column = PEOPLE.index(who) if who in PEOPLE else None
    if column is None or openers[column] != 200:
        column = next((i for i, status in enumerate(openers) if status == 200), None)
    data = {}
    if column is not None:
        if (page, column) not in read:
            response = _client(PEOPLE[column], world).get(page)
            html = response.content.decode() if "text/html" in response["Content-Type"] else ""
            read[page, column] = post_forms(html)
        actions = {path} if body.page else {"", path}
        forms = [f for f in read[page, column] if f.action in actions]
        if forms:
            data = browser_data(forms[-1])
            data.update({f.name: PDF_FILE for f in forms[-1].fields if f.kind == "file"})
    return {**data, **body.typed(world)}


def _post(who, path: str, data: dict, world: World) -> tuple[int, object, set[str]]:
    """The answer to one POST (its status, and SIGN_IN for a redirect to the sign-in page) and
    the tables it wrote, all rolled back after it."""
    files = {key: value.file() for key, value in data.items() if isinstance(value, Upload)}
    cache.clear()  # no rate limit carried from one POST to the next
    with transaction.atomic():
        client = _client(who, world)
        with CaptureQueriesContext(connection) as queries:
            response = client.post(path, {**data, **files})
        transaction.set_rollback(True)
    status = response.status_code
    seen = status
    if status == 302 and "/accounts/login/" in response["Location"]:
        seen = SIGN_IN
    return status, seen, tables_written(queries)


def _post_expected(name: str) -> tuple:
    """The POST row of ``name`` with the invited expert's answer last; an AS_GET row is its GET
    row (statuses as they come, a sign-in redirect a 302)."""
    row = POST_EXPECTED[name]
    if row is AS_GET:
        return (*EXPECTED[name], EXTERNAL_EXPECTED.get(name, EXPECTED[name][ANONYMOUS]))
    return (*row, row[ANONYMOUS])


def test_every_post_answers_each_kind_of_person_as_expected(url_world):
    """Each POST row, person by person, each POST rolled back after it: a refused one (401,
    403, 404, or a redirect to sign in) wrote nothing; every other URL refuses a POST (405)."""
    got, wrote, read = {}, {}, {}
    for name, row in POST_EXPECTED.items():
        path = _path(name, url_world)
        statuses = []
        for who in [*PEOPLE, EXPERT]:
            data = _form_data(name, who, url_world, read)
            status, seen, written = _post(who, path, data, url_world)
            statuses.append(status if row is AS_GET else seen)
            if seen in (401, 403, 404, SIGN_IN) and written:
                wrote[name, who] = written
        got[name] = tuple(statuses)
    expected = {name: _post_expected(name) for name in POST_EXPECTED}
    assert {n: (got[n], expected[n]) for n in POST_EXPECTED if got[n] != expected[n]} == {}
    assert wrote == {}, "refused POSTs wrote to the database"
    others = {
        name: _post(PEOPLE[STAFF], _path(name, url_world), {}, url_world)[0]
        for name in ARGS
        if name not in POST_EXPECTED
    }
    assert {name: status for name, status in others.items() if status != 405} == {}, (
        "URLs accepting a POST need a row in POST_EXPECTED"
    )
