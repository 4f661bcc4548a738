"""Every edit form of the workspace, found from the URL list, against two sessions editing the same
object: the later save is refused (409) with both values shown, nothing of the earlier one is lost,
and saving the conflict page keeps the later person's choice. A form that saves an existing object
without the edit token fails the test, so a new edit form cannot forget the protection."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from .editing import as_browser_sends, changed
from .form_world import Form, post_forms
from .test_url_matrix import EXPECTED, _path
from .url_world import build_world

# Forms on workspace pages that write something new rather than edit a saved object: creating
# (a plan, an action, a finding, a registration, a report...), or acting in one step (publish,
# submit, delete, mark as done), where the service refuses what no longer applies.
NOT_EDIT_FORMS = {
    "meetings:register",  # a new registration
    "meetings:attendee_new",  # a new participant, marked present
    "meetings:agenda_duplicate",  # copies an agenda into an empty one
    "meetings:document_new",  # a new document
    "practices:attachment_upload",  # a new file
    "practices:transfer_new",  # records a city's adoption (one row per city, kept)
    "practices:practice_review",  # a decision on the practice's state, refused when stale
    "actionplans:review",  # adds a finding
    "actionplans:evidence",  # a new file
    "actionplans:measurement_new",  # a new dated value (a second one on a date is refused)
    "cities:invitation_new",  # a new invitation
    "accounts:person_erase",  # an erasure, asked to confirm
    "accounts:address_data",  # looks up, downloads or erases what an address holds
    "accounts:own_account_erase",
    "practices:themes_follow",  # a person's own choice of themes: nobody else edits it
}
# Text fields the walker changes, in order of preference: free text no rule refuses.
PREFERRED = [
    "description", "summary", "narrative", "response", "minutes", "outcomes", "note",
    "questions", "introduction", "baseline", "results", "statement", "title", "name", "label",
    "room", "venue",
]  # fmt: skip
STAFF = "staff@example.org"
EDITING_APPS = {"accounts", "actionplans", "cities", "meetings", "objectives", "practices"}


def _action_of(form: Form, page: str) -> str:
    return form.action or page


def _changes(form: Form, name: str) -> tuple[dict, dict, str, str]:
    """What each session changes: a free text field, or else a group of checkboxes."""
    names = {f.name for f in form.fields if f.kind in ("text", "textarea") and not f.hidden}
    for wanted in PREFERRED:
        for field in sorted(names):
            if field == wanted or field.endswith(f"-{wanted}"):
                first, second = f"First session ({name})", f"Second session ({name})"
                return {field: first}, {field: second}, field, first
    boxes = [f for f in form.fields if f.kind == "checkbox" and f.value and not f.checked]
    assert boxes, f"{name}: nothing to change"
    field = boxes[0].name
    second = [boxes[1].value] if len(boxes) > 1 else [boxes[0].value]
    return {field: [boxes[0].value]}, {field: second}, field, ""


def _walked(name: str, page: str) -> bool:
    """The pages whose forms are walked: the workspace's pages of the apps editing saved
    objects, and a person's own data."""
    app = name.partition(":")[0]
    return app in EDITING_APPS and ("/workspace/" in page or app == "accounts")


def _edit_forms(client: Client, world) -> tuple[list, list]:
    """(page, action, form) for every form carrying an edit token; and the self-posting forms
    of pages about a saved object that carry none."""
    protected, unprotected = [], []
    for name, statuses in EXPECTED.items():
        if statuses[0] != 200:
            continue
        page = _path(name, world)
        if not _walked(name, page):
            continue
        response = client.get(page)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        for form in post_forms(response.content.decode()):
            action = _action_of(form, page)
            if any(f.name.endswith("edit_token") and f.value for f in form.fields):
                protected.append((name, page, action, form))
            elif action == page and not name.endswith("new") and name not in NOT_EDIT_FORMS:
                unprotected.append(name)
    return protected, unprotected


def _same_form(client: Client, page: str, form: Form) -> Form | None:
    """The form posting where ``form`` posts, as ``client`` sees the page now."""
    html = client.get(page).content.decode()
    return next((f for f in post_forms(html) if f.action == form.action), None)


def _saved(client: Client, page: str, form: Form, field: str, expected: list[str]) -> bool:
    """Whether the page shows ``expected`` as the saved value: in its form, or as text where the
    form gives way to what was saved (a finding's response)."""
    again = _same_form(client, page, form)
    if again is not None:
        return as_browser_sends(again).get(field, []) == expected
    html = client.get(page).content.decode()
    return all(value.replace("'", "&#x27;") in html for value in expected)


@pytest.mark.django_db
def test_every_edit_form_refuses_a_stale_save_and_loses_nothing(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(settings)
    staff = get_user_model().objects.get(email=STAFF)
    first, second = Client(), Client()
    first.force_login(staff)
    second.force_login(staff)

    protected, unprotected = _edit_forms(first, world)
    assert unprotected == [], f"edit forms without the edit token: {unprotected}"
    walked = set()
    for name, page, action, form in protected:
        first_change, second_change, field, marker = _changes(form, name)
        opened_first = as_browser_sends(form)
        opened_second = as_browser_sends(_same_form(second, page, form))
        saved = first.post(action, changed(opened_first, **first_change))
        assert saved.status_code == 302, (name, saved.status_code)

        stale = second.post(action, changed(opened_second, **second_change))
        assert stale.status_code == 409, (name, stale.status_code)
        html = stale.content.decode()
        assert "Someone else saved this while you were editing" in html, name
        if marker:
            assert marker in html, name  # what is saved now, shown
            assert second_change[field] in html, name  # what they typed, kept

        # The first person's save is still what is saved.
        assert _saved(first, page, form, field, changed({}, **first_change)[field]), name

        # Saving the conflict page keeps the second person's choice.
        conflict_form = next(f for f in post_forms(html) if f.action == form.action)
        resolved = second.post(action, as_browser_sends(conflict_form))
        assert resolved.status_code == 302, (name, resolved.status_code)
        assert _saved(first, page, form, field, changed({}, **second_change)[field]), name
        walked.add(name)

    # The walk reached the edit forms the portal has (a lost form would shrink this set).
    assert walked >= {
        "actionplans:edit", "actionplans:action_edit", "actionplans:action_validate",
        "actionplans:milestone_edit", "actionplans:indicator_edit", "actionplans:update_edit",
        "meetings:meeting_edit", "meetings:agenda_item_edit",
        "meetings:agenda_session_edit", "meetings:decision_edit",
        "meetings:outcomes_edit", "practices:practice_edit",
        "practices:guideline_edit", "meetings:attendance_edit",
        "actionplans:review", "objectives:work_plan_edit",
        "objectives:objective_edit", "objectives:activity_edit",
        "objectives:achievement_edit", "objectives:figure_edit",
        "objectives:advocacy_edit", "cities:pledge_edit",
    }, sorted(walked)  # fmt: skip
