"""Bad input on every form: each POST form of the project, found by reading its page as the
person who uses it, is sent empty, overlong, wrongly typed, wrongly encoded and hostile values.
The answer is a form with errors or a 4xx (or a redirect that saved nothing bad), never a 500;
data saved before is unchanged unless the form succeeded; hostile text never comes back raw.

One world (the demo data and the every-URL world) is built once for the module, inside a
transaction rolled back at the end; every submission runs in a savepoint rolled back after it.
"""

from __future__ import annotations

import re
import sys
import traceback
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db import connection, transaction
from django.forms import BaseForm, BaseFormSet, ModelChoiceField
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve, reverse

from reports.models import Report

from .demo_snapshot import demo_in_place
from .form_world import (
    CSRF,
    RAW_MARKERS,
    Form,
    Submission,
    database_fingerprint,
    post_forms,
    table_fingerprint,
    tables_written,
    variants,
)
from .meetings_factories import MeetingFactory
from .test_url_matrix import ANONYMOUS, ARGS, EXPECTED, LEAD, STAFF
from .test_url_matrix import _path as matrix_path
from .url_world import build_world, expert_client

pytestmark = pytest.mark.slow

PEOPLE = {"staff": "staff@example.org", "braga": "braga@example.org"}

# Pages outside the every-URL matrix: sign-in and account pages, and a few states the matrix
# world does not have (a meeting with no agenda yet, a report that failed).
ACCOUNT_PAGES = [
    "account_login", "account_reset_password", "account_reauthenticate",
    "account_request_reauthentication_code", "account_email", "account_change_password",
    "account_set_password", "mfa_index", "mfa_authenticate", "mfa_reauthenticate",
    "mfa_activate_totp", "mfa_deactivate_totp", "mfa_generate_recovery_codes",
]  # fmt: skip
EXTRA_PAGES = {
    "empty agenda": lambda w: reverse("meetings:agenda_edit", args=[w["empty_meeting"]]),
    "failed report": lambda w: reverse("reports:status", args=[w["failed_report"]]),
    "plan page": lambda w: reverse("actionplans:plan", args=[w["plan"]]),
    "draft work plan": lambda w: reverse("objectives:work_plan_manage", args=[2021]),
    "evidence of a kind": lambda w: (
        reverse("objectives:evidence_list", args=[w["wp_activity"]])
        + "?kind=actionplans.actionplan"
    ),
    "password reset key": lambda w: w["reset_url"],
    "e-mail confirmation": lambda w: reverse("account_confirm_email", args=[w["email_key"]]),
    **{name: (lambda w, name=name: reverse(name)) for name in ACCOUNT_PAGES},
}

# (page, who reads it, the addresses its forms post to that this page fuzzes).
# "+reauth": the person has just confirmed their password (allauth asks before MFA changes);
# "+stage": the person gave their password and is asked for the second factor.
TARGETS = [
    ("objectives:work_plan", "anon", {"reports:request"}),
    ("meetings:detail", "anon", {"reports:request"}),
    ("practices:guideline", "staff", {"reports:request"}),
    ("plan page", "braga", {"reports:request"}),
    ("failed report", "staff", {"reports:retry"}),
    ("meetings:register", "braga", {"meetings:register", "meetings:registration_cancel"}),
    ("meetings:register", "staff", {"meetings:register"}),
    ("meetings:guest_register", "anon", {"meetings:guest_register"}),
    ("meetings:guest_invited", "anon", {"meetings:guest_invited"}),
    ("meetings:guest_confirm", "anon", {"meetings:guest_confirm"}),
    ("meetings:guest_cancel", "anon", {"meetings:guest_cancel"}),
    ("meetings:guest_erase", "anon", {"meetings:guest_erase"}),
    (
        "meetings:guest_list",
        "staff",
        {
            "meetings:guest_approve",
            "meetings:guest_decline",
            "meetings:guest_invitation_revoke",
        },
    ),
    (
        "meetings:guest_invitation_new",
        "staff",
        {"meetings:guest_invitation_new"},
    ),
    ("meetings:workspace_list", "braga", {"meetings:followup_done"}),
    ("meetings:meeting_new", "staff", {"meetings:meeting_new"}),
    ("meetings:meeting_edit", "staff", {"meetings:meeting_edit"}),
    (
        "meetings:meeting_manage",
        "staff",
        {
            "meetings:meeting_publish",
            "meetings:document_new",
            "meetings:document_delete",
        },
    ),
    (
        "meetings:agenda_edit",
        "staff",
        {
            "meetings:agenda_item_move",
            "meetings:agenda_item_delete",
            "meetings:agenda_session_delete",
        },
    ),
    ("empty agenda", "staff", {"meetings:agenda_duplicate"}),
    ("meetings:agenda_item_new", "staff", {"meetings:agenda_item_new"}),
    ("meetings:agenda_item_edit", "staff", {"meetings:agenda_item_edit"}),
    ("meetings:agenda_session_new", "staff", {"meetings:agenda_session_new"}),
    ("meetings:agenda_session_edit", "staff", {"meetings:agenda_session_edit"}),
    ("meetings:attendance_edit", "staff", {"meetings:attendance_edit"}),
    ("meetings:attendee_new", "staff", {"meetings:attendee_new"}),
    (
        "meetings:outcomes_edit",
        "staff",
        {"meetings:outcomes_edit", "meetings:decision_delete"},
    ),
    ("meetings:decision_new", "staff", {"meetings:decision_new"}),
    ("meetings:decision_edit", "staff", {"meetings:decision_edit"}),
    ("cities:invitation_new", "braga", {"cities:invitation_new"}),
    ("cities:invitation_new", "staff", {"cities:invitation_new"}),
    ("cities:invitation_accept", "anon", {"cities:invitation_accept"}),
    ("practices:practice_new", "braga", {"practices:practice_new"}),
    ("practices:practice_new", "staff", {"practices:practice_new"}),
    (
        "practices:practice_edit",
        "braga",
        {
            "practices:practice_edit",
            "practices:practice_submit",
            "practices:attachment_delete",
            "practices:attachment_upload",
        },
    ),
    ("practices:practice_review", "staff", {"practices:practice_review"}),
    ("practices:transfer_new", "staff", {"practices:transfer_new"}),
    ("practices:guideline_new", "staff", {"practices:guideline_new"}),
    (
        "practices:guideline_edit",
        "staff",
        {"practices:guideline_edit", "practices:guideline_publish"},
    ),
    ("actionplans:new", "braga", {"actionplans:new"}),
    ("actionplans:edit", "braga", {"actionplans:edit"}),
    ("actionplans:action_new", "braga", {"actionplans:action_new"}),
    ("actionplans:action_edit", "braga", {"actionplans:action_edit"}),
    ("actionplans:action_validate", "staff", {"actionplans:action_validate"}),
    ("actionplans:evidence", "braga", {"actionplans:evidence"}),
    ("actionplans:milestone_new", "braga", {"actionplans:milestone_new"}),
    ("actionplans:milestone_edit", "braga", {"actionplans:milestone_edit"}),
    ("actionplans:indicator_new", "braga", {"actionplans:indicator_new"}),
    ("actionplans:indicator_edit", "braga", {"actionplans:indicator_edit"}),
    ("actionplans:measurement_new", "braga", {"actionplans:measurement_new"}),
    ("actionplans:update_new", "braga", {"actionplans:update_new"}),
    ("actionplans:update_edit", "braga", {"actionplans:update_edit"}),
    ("actionplans:review_new", "staff", {"actionplans:review_new"}),
    (
        "actionplans:review",
        "staff",
        {
            "actionplans:review",
            "actionplans:review_close",
            "actionplans:finding_respond",
            "actionplans:expert_revoke",
            "actionplans:expert_link",
        },
    ),
    ("actionplans:expert_new", "staff", {"actionplans:expert_new"}),
    ("actionplans:expert_sign_in", "anon", {"actionplans:expert_sign_in"}),
    ("actionplans:expert_link_request", "anon", {"actionplans:expert_link_request"}),
    # The invited expert, in the limited session of one of their links (no account).
    ("actionplans:expert_review", "expert", {"actionplans:expert_review"}),
    ("actionplans:review", "braga", {"actionplans:finding_respond"}),
    ("accounts:own_account_erase", "braga", {"accounts:own_account_erase"}),
    ("accounts:person_erase", "staff", {"accounts:person_erase"}),
    ("accounts:address_data", "staff", {"accounts:address_data"}),
    ("account_login", "anon", {"account_login"}),
    ("account_reset_password", "anon", {"account_reset_password"}),
    ("password reset key", "anon", {"account_reset_password_from_key"}),
    ("e-mail confirmation", "anon", {"account_confirm_email"}),
    ("account_reauthenticate", "braga", {"account_reauthenticate"}),
    (
        "account_request_reauthentication_code",
        "braga",
        {"account_request_reauthentication_code"},
    ),
    ("account_email", "braga", {"account_email"}),
    ("account_change_password", "braga", {"account_change_password"}),
    ("mfa_authenticate", "staff+stage", {"mfa_authenticate"}),
    ("mfa_reauthenticate", "staff", {"mfa_reauthenticate"}),
    ("mfa_activate_totp", "braga+reauth", {"mfa_activate_totp"}),
    ("mfa_deactivate_totp", "staff+reauth", {"mfa_deactivate_totp"}),
    ("mfa_generate_recovery_codes", "staff+reauth", {"mfa_generate_recovery_codes"}),
    (
        "objectives:workspace_list",
        "staff",
        {"objectives:work_plan_start_next", "objectives:work_plan_publish"},
    ),
    (
        "objectives:work_plan_manage",
        "staff",
        {"objectives:activity_delete"},
    ),
    (
        "draft work plan",
        "staff",
        {
            "objectives:work_plan_publish",
            "objectives:objective_delete",
            "objectives:activity_delete",
        },
    ),
    ("objectives:work_plan_edit", "staff", {"objectives:work_plan_edit"}),
    ("objectives:objective_new", "staff", {"objectives:objective_new"}),
    ("objectives:objective_edit", "staff", {"objectives:objective_edit"}),
    ("objectives:activity_new", "staff", {"objectives:activity_new"}),
    ("objectives:activity_edit", "staff", {"objectives:activity_edit"}),
    ("objectives:evidence_list", "staff", {"objectives:evidence_remove"}),
    (
        "evidence of a kind",
        "staff",
        {"objectives:evidence_new", "objectives:evidence_remove"},
    ),
    (
        "objectives:achievement_workspace_list",
        "staff",
        {
            "objectives:achievement_delete",
            "objectives:figure_delete",
            "objectives:advocacy_delete",
        },
    ),
    ("objectives:achievement_new", "staff", {"objectives:achievement_new"}),
    (
        "objectives:achievement_edit",
        "staff",
        {"objectives:achievement_edit"},
    ),
    ("objectives:figure_new", "staff", {"objectives:figure_new"}),
    ("objectives:figure_edit", "staff", {"objectives:figure_edit"}),
    ("objectives:advocacy_new", "staff", {"objectives:advocacy_new"}),
    ("objectives:advocacy_edit", "staff", {"objectives:advocacy_edit"}),
    ("cities:pledge_list", "staff", {"cities:pledge_delete"}),
    ("cities:pledge_new", "staff", {"cities:pledge_new"}),
    ("cities:pledge_edit", "staff", {"cities:pledge_edit"}),
    ("cities:commitment_new", "staff", {"cities:commitment_new"}),
    ("notifications:settings", "braga", {"notifications:settings"}),
    ("practices:themes_follow", "braga", {"practices:themes_follow"}),
    ("notifications:list", "braga", {"notifications:mark_read"}),
    ("notifications:unsubscribe", "anon", {"notifications:unsubscribe"}),
    ("api_tokens:list", "braga", {"api_tokens:list", "api_tokens:revoke"}),
    ("api_tokens:list", "staff", {"api_tokens:list", "api_tokens:revoke"}),
    ("imports:plan_upload", "braga", {"imports:plan_upload"}),
    ("imports:indicator_upload", "braga", {"imports:indicator_upload"}),
    ("imports:preview", "braga", {"imports:confirm"}),
    (
        "translations:versions",
        "braga",
        {"translations:versions", "translations:check", "translations:delete"},
    ),
    ("translations:edit", "braga", {"translations:edit"}),
]

# Answers that are neither an error shown nor a 4xx but are still harmless, and why.
SHOWN_AGAIN_WITHOUT_ERRORS = {
    # allauth reads a POST without "code" as a WebAuthn attempt (not offered here) and shows
    # the page again; nothing is saved and the person is still asked for the code.
    ("mfa_authenticate", "only the token"),
}

# Forms not fuzzed, and why.
NOT_FUZZED = {
    # Signing out takes no input; posting it ends the session the other forms run in.
    "account_logout",
    "actionplans:expert_sign_out",
    "admin:logout",  # Django's admin, reached from the matrix's admin:index row
}


# --- The world ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    # Uploads go three folders deep, so a name that climbs out would land where we look.
    root = tmp_path_factory.mktemp("fuzz")
    media = root / "a" / "b" / "media"
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media), PASSWORD_HASHERS=hashers),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_in_place()
            built = build_world(settings)
            built.ids.update(_fuzz_objects(built))
            built.ids["root"] = root
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _fuzz_objects(built) -> dict:
    users = get_user_model().objects
    staff, braga = users.get(email=PEOPLE["staff"]), users.get(email=PEOPLE["braga"])
    empty = MeetingFactory(slug="fuzz-empty-meeting", host_city=braga.city_memberships.get().city)
    failed = Report.objects.create(
        kind="guideline", object_id=built["guideline"], language="en", requested_by=staff,
        status=Report.Status.FAILED, error="The renderer stopped.",
    )  # fmt: skip
    # Another person's address: allauth lets no one with an unverified address add a factor.
    address = EmailAddress.objects.create(
        user=users.get(email="turin@example.org"), email="turin.second@example.org",
        verified=False, primary=False,
    )  # fmt: skip
    key = {"uidb36": user_pk_to_url_str(braga), "key": default_token_generator.make_token(braga)}
    return {
        "empty_meeting": empty.slug,
        "failed_report": failed.uid,
        "email_key": EmailConfirmationHMAC(address).key,
        "reset_url": reverse("account_reset_password_from_key", kwargs=key),
    }


def _client(who: str, world=None) -> Client:
    # CSRF checked as in production: every submission carries the token its form had.
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    person, _, state = who.partition("+")
    if person == "anon":
        return client
    if person == "expert":
        return expert_client(world, client)
    email, password = PEOPLE[person], settings.DEMO_PASSWORD
    if state == "stage":
        signed = _fill_in(client, reverse("account_login"), login=email, password=password)
        assert signed["Location"] == reverse("mfa_authenticate")
        return client
    client.force_login(get_user_model().objects.get(email=email))
    if state == "reauth":
        confirmed = _fill_in(client, reverse("account_reauthenticate"), password=password)
        assert confirmed.status_code == 302, "the password confirmation failed"
    return client


def _fill_in(client: Client, path: str, **values):
    """Post the page's form as a person would: with the token the page gave."""
    page = client.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    return client.post(path, {CSRF: token, **values})


def _page_path(page: str, built) -> str:
    if page in EXTRA_PAGES:
        return EXTRA_PAGES[page](built)
    return matrix_path(page, built)


def _action_name(form: Form, page_path: str) -> str:
    path = urlsplit(form.action or page_path).path
    try:
        return resolve(path).view_name
    except Resolver404:
        return f"? {path}"


# --- Sending and judging one submission ----------------------------------------------------------

ERRORS_SHOWN = re.compile(r'class="[^"]*\b(errorlist|message-error)\b|aria-invalid="true"')


def _post(client: Client, url: str, form: Form, sub: Submission):
    if sub.body is not None:
        # generic() sends the bytes as they are, whatever charset the type declares.
        return client.generic("POST", url, data=sub.body, content_type=sub.content_type)
    if form.multipart or sub.files:
        return client.post(url, {**sub.data, **sub.files})
    return client.post(
        url,
        data=urlencode(sub.data, doseq=True),
        content_type="application/x-www-form-urlencoded",
    )


def _raw_markers(html: str) -> list[str]:
    lowered = html.lower()
    return [marker for marker in RAW_MARKERS if marker.lower() in lowered]


def _html(response) -> str:
    if not response.get("Content-Type", "").startswith("text/html"):
        return ""
    return response.content.decode(errors="replace")


class Judge:
    """Sends submissions in savepoints and collects what went wrong."""

    def __init__(self, client: Client, who: str, page_path: str, root) -> None:
        self.client, self.who, self.page_path, self.root = client, who, page_path, root
        self.action = ""
        self.problems: list[str] = []
        self._before: dict[str, tuple] = {}
        self._errors: list[str] = []
        self._outside = self._files_outside_media()

    def _files_outside_media(self) -> set[str]:
        return {str(p) for p in self.root.rglob("*") if p.is_file() and "media" not in p.parts}

    def _exception(self, sender, request=None, **kwargs) -> None:
        kind, error, tb = sys.exc_info()
        frames = [f for f in traceback.extract_tb(tb) if "site-packages" not in f.filename]
        where = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        self._errors.append(f"{kind.__name__}: {ascii(str(error)[:200])}{where}")

    def send(self, url: str, form: Form, sub: Submission) -> None:
        where = f"{url} [{sub.label}]"
        cookies = SimpleCookie()
        cookies.load(self.client.cookies.output(header="", sep=";"))
        cache.clear()  # rate limits would answer 429 before the form is read
        self._errors = []
        after: dict[str, tuple] = {}
        got_request_exception.connect(self._exception)
        try:
            with transaction.atomic():
                with CaptureQueriesContext(connection) as queries:
                    response = _post(self.client, url, form, sub)
                status = response.status_code
                if status >= 500:
                    self.problems.append(f"{where}: {status} {'; '.join(self._errors)}")
                else:
                    self._judge(where, sub, response)
                    after = {t: table_fingerprint(t) for t in tables_written(queries)}
                transaction.set_rollback(True)
        finally:
            got_request_exception.disconnect(self._exception)
            self.client.cookies = cookies
        changed = sorted(t for t, fp in after.items() if self._fingerprint(t) != fp)
        success = 300 <= status < 400
        if changed and (sub.must_fail or not success):
            self.problems.append(f"{where}: answered {status} and changed {changed}")
        outside = self._files_outside_media() - self._outside
        if outside:
            self.problems.append(f"{where}: wrote outside the media folder: {sorted(outside)}")

    def _fingerprint(self, table: str) -> tuple:
        if table not in self._before:
            self._before[table] = table_fingerprint(table)
        return self._before[table]

    def _judge(self, where: str, sub: Submission, response) -> None:
        status, html = response.status_code, _html(response)
        if sub.hostile and (raw := _raw_markers(html)):
            self.problems.append(f"{where}: the answer shows {raw} unescaped")
        if 300 <= status < 400:
            location = response["Location"]
            if self.who != "anon" and reverse("account_login") in location:
                self.problems.append(f"{where}: the person was signed out ({location})")
            if sub.hostile:
                for path in {urlsplit(location).path, self.page_path}:
                    shown = self.client.get(path)
                    if raw := _raw_markers(_html(shown)):
                        self.problems.append(f"{where}: {path} then shows {raw} unescaped")
        elif (
            status < 300
            and not ERRORS_SHOWN.search(html)
            and (self.action, sub.label) not in SHOWN_AGAIN_WITHOUT_ERRORS
        ):
            self.problems.append(f"{where}: {status} without an error shown")


def _model_choices(response) -> dict:
    """HTML name of each model choice field of the page's forms -> its model."""
    found = {}
    for context in response.context or []:
        for value in context.flatten().values():
            forms = []
            if isinstance(value, BaseForm):
                forms = [value]
            elif isinstance(value, BaseFormSet):
                forms = [*value.forms, value.empty_form]
            for form in forms:
                for name, field in form.fields.items():
                    if isinstance(field, ModelChoiceField):
                        found[form.add_prefix(name)] = field.queryset.model
    return found


def _foreign_ids(form: Form, models: dict) -> dict[str, str]:
    """For each choice of an object: an object that exists but is not offered."""
    foreign = {}
    for name, members in form.choice_groups().items():
        model = models.get(name)
        if model is None:
            continue
        offered = {v for m in members for v in (m.options or [m.value]) if v.isdigit()}
        other = (
            model._default_manager.exclude(pk__in=[int(v) for v in offered])
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        if other is not None:
            foreign[name] = str(other)
    return foreign


def _form_key(form: Form, action: str) -> tuple:
    hidden = tuple(
        sorted((f.name, f.value) for f in form.fields if f.hidden and f.name not in (CSRF, "next"))
    )
    return action, tuple(sorted({f.name for f in form.fields})), hidden


# --- The tests -----------------------------------------------------------------------------------


def _target_id(target) -> str:
    page, who, _actions = target
    return f"{page}-{who}"


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS, ids=_target_id)
def test_bad_input_never_breaks_a_form(world, target):
    page, who, actions = target
    client = _client(who, world)
    page_path = _page_path(page, world)
    response = client.get(page_path, follow=True)
    assert response.status_code == 200, f"{page_path} answers {response.status_code}"
    page_path = response.request["PATH_INFO"]
    forms = {}
    for form in post_forms(response.content.decode()):
        action = _action_name(form, page_path)
        if action in actions:
            forms.setdefault(_form_key(form, action), form)
    found = {key[0] for key in forms}
    assert found == actions, f"{page_path} has no form posting to {actions - found}"
    models = _model_choices(response)
    saved = database_fingerprint()
    judge = Judge(client, who, page_path, world["root"])
    for (action, *_), form in forms.items():
        judge.action = action
        url = form.action or page_path
        for sub in variants(form, _foreign_ids(form, models)):
            judge.send(url, form, sub)
    assert judge.problems == [], "\n".join(judge.problems)
    assert database_fingerprint() == saved, "a submission's changes outlived its savepoint"


def _forms_reachable(client: Client, path: str) -> set[str]:
    response = client.get(path)
    if response.status_code != 200 or not _html(response):
        return set()
    return {_action_name(form, path) for form in post_forms(_html(response))}


@pytest.mark.django_db
def test_every_post_form_of_the_project_is_fuzzed(world):
    """Every page of the every-URL world, read by each kind of person, and the account pages:
    each form posting anywhere is fuzzed above or left out on purpose."""
    columns = {"staff": STAFF, "braga": LEAD, "anon": ANONYMOUS}
    found: dict[str, str] = {}
    for who, column in columns.items():
        client = _client(who)
        for name, statuses in EXPECTED.items():
            if statuses[column] == 200:
                for action in _forms_reachable(client, matrix_path(name, world)):
                    found.setdefault(action, f"{name} as {who}")
    for who in [*columns, "braga+reauth", "staff+reauth", "staff+stage"]:
        client = _client(who)
        for page in EXTRA_PAGES:
            for action in _forms_reachable(client, _page_path(page, world)):
                found.setdefault(action, f"{page} as {who}")
    fuzzed = set().union(*(actions for _page, _who, actions in TARGETS))
    missing = {action: where for action, where in found.items() if action not in fuzzed}
    assert set(missing) - NOT_FUZZED == set(), f"forms that no target fuzzes: {missing}"
    assert set(ARGS) >= {page for page, _who, _actions in TARGETS} - set(EXTRA_PAGES)
