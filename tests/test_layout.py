"""The layout every page shares: the menu and the footer are rendered once per process for each
page kind, year and language (core.templatetags.portal_tags.remembered), and must still mark
the page shown, follow the menu's years and speak the page's language."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplans.forms import PlanForm
from actionplans.models import ActionPlan
from core.fields import ListedChoiceIterator
from objectives.models import WorkPlan

CURRENT_LINK = re.compile(r'<a href="([^"]*)" aria-current="page">([^<]*)</a>')


def _menu(html: str) -> str:
    start = html.index('<nav class="main-nav wide-only"')
    return html[start : html.index("</nav>", start)]


def _current(html: str) -> list[tuple[str, str]]:
    return CURRENT_LINK.findall(_menu(html))


@pytest.mark.django_db
def test_the_menu_marks_the_page_shown_whichever_was_shown_before(client, demo):
    for _round in range(2):
        assert _current(client.get("/en/practices/").content.decode()) == [
            ("/en/practices/", "Good practices")
        ]
        assert _current(client.get("/en/meetings/").content.decode()) == [
            ("/en/meetings/", "Meetings")
        ]
        assert _current(client.get("/en/").content.decode()) == [("/en/", "Home")]
    french = client.get("/fr/practices/").content.decode()
    assert _current(french) == [("/fr/practices/", "Bonnes pratiques")]
    assert "Accessibilité" in french[french.index('<footer class="site-footer">') :]


@pytest.mark.django_db
def test_the_menu_follows_the_newest_published_work_plan(client, demo):
    newest = WorkPlan.objects.filter(is_published=True).order_by("-year").first()
    html = client.get("/en/").content.decode()
    assert f'href="/en/work-plans/{newest.year}/"' in _menu(html)
    WorkPlan.objects.create(year=newest.year + 1, is_published=True)
    html = client.get("/en/").content.decode()
    assert f'href="/en/work-plans/{newest.year + 1}/"' in _menu(html)
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="/en/work-plans/{newest.year + 1}/"' in footer


@pytest.mark.django_db
def test_the_footer_offers_sign_in_only_to_visitors(client, demo):
    sign_in = "Sign in for city officers and staff"
    assert sign_in in client.get("/en/").content.decode()
    client.force_login(get_user_model().objects.get(email="braga@example.org"))
    assert sign_in not in client.get("/en/").content.decode()
    client.logout()
    assert sign_in in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_edit_forms_read_their_choices_in_one_plain_query(client, demo):
    """Django reads a choice field's objects through a server-side cursor on PostgreSQL
    (DECLARE, FETCH, CLOSE); the portal's edit forms read them in one query each."""
    plan = ActionPlan.objects.select_related("city").filter(city__slug="braga").first()
    form = PlanForm(instance=plan)
    object_fields = [name for name in ("objective", "inspired_by") if name in form.fields]
    assert object_fields
    for name in object_fields:
        assert form.fields[name].iterator is ListedChoiceIterator
        assert isinstance(form.fields[name].widget.choices, ListedChoiceIterator)

    client.force_login(get_user_model().objects.get(email="braga@example.org"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/en/workspace/plans/{plan.pk}/edit/")
    assert response.status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if "DECLARE" in q["sql"]]
    html = response.content.decode()
    for name in object_fields:
        assert f'name="{name}"' in html


UNREAD = re.compile(
    r'class="notifications-link"[^>]*>[^<]*(?:<span class="task-count">(\d+)</span>)?'
)


def _unread(html: str) -> int:
    found = UNREAD.search(html)
    assert found, "the header has no notifications link"
    return int(found[1] or 0)


@pytest.mark.django_db
def test_the_headers_unread_count_is_kept_and_follows_every_change(client, demo):
    from notifications.services import mark_read, notify
    from practices.models import Practice

    person = get_user_model().objects.get(email="braga@example.org")
    client.force_login(person)
    before = _unread(client.get("/en/workspace/").content.decode())

    # Kept: the next page does not count the inbox again.
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/practices/").content.decode()
    assert _unread(html) == before
    assert not [q for q in queries.captured_queries if "notifications_notification" in q["sql"]]

    practice = Practice.objects.filter(city__slug="braga", status="published").first()
    notify(
        recipients=[person],
        kind="practice_published",
        subject=practice,
        url=practice.get_absolute_url(),
        context={"practice": practice.title, "city": practice.city.name},
        occasion="layout-test",
        email=False,
    )
    assert _unread(client.get("/en/workspace/").content.decode()) == before + 1
    mark_read(user=person)
    assert _unread(client.get("/en/workspace/").content.decode()) == 0
