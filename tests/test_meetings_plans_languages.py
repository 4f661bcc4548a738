"""Meetings, action plans, city pages and the network dashboard in the visitor's language:
translations shown where they exist, the original marked with its language where they do not,
?language= to read another version, the workspace's links to the translations, and the city
names in other languages."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from actionplans.models import Action, ActionPlan, EUTarget
from cities.models import City
from meetings.models import AgendaItem, Meeting
from translations.services import translation_for

from .editing import changed, form_as_shown
from .factories import ActionFactory, MembershipFactory, PlanFactory, StaffFactory, UserFactory
from .meetings_factories import AgendaItemFactory
from .translating import translate as translation_save

pytestmark = pytest.mark.django_db

MEETING = "braga-critical-friend-review-2019"

MEETING_FR = {
    "title": "Revue par les pairs de Braga",
    "description": "Les villes examinent ensemble le plan de Braga.",
    "practical_information": "Rendez-vous à la mairie à neuf heures.",
    "outcomes": "Braga ouvre deux nouveaux guichets de quartier.",
}
ITEM_FR = {"title": "Visite du quartier", "description": "Rencontre avec les médiateurs."}
PLAN_FR = {
    "title": "Plan d’inclusion de Braga",
    "summary": "Des médiateurs dans chaque école.",
    "baseline": "Un enfant sur trois quitte l’école trop tôt.",
}
ACTION_FR = {"title": "Former les médiateurs scolaires", "description": "Deux sessions par an."}
CITY_FR = "Braga accueille des familles roms depuis les années soixante."
CITY_EN = "Braga has welcomed Roma families since the sixties."


@pytest.fixture
def staff(db):
    return StaffFactory(email="staff.languages@example.org")


@pytest.fixture
def meeting(demo) -> Meeting:
    return Meeting.objects.get(slug=MEETING)


@pytest.fixture
def item(meeting) -> AgendaItem:
    return meeting.items.order_by("starts_at", "id").first()


@pytest.fixture
def plan(demo) -> ActionPlan:
    return ActionPlan.objects.get(city__slug="braga", is_public=True)


@pytest.fixture
def action(plan) -> Action:
    return plan.actions.order_by("id").first()


@pytest.fixture
def braga(demo) -> City:
    City.objects.filter(slug="braga").update(description=CITY_EN)
    return City.objects.get(slug="braga")


def _html(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def _element(html: str, tag: str, text: str) -> str:
    """The opening tag of the element of ``tag`` that holds ``text``."""
    text = re.escape(escape(text))
    found = re.search(rf"<{tag}\b[^>]*>(?:(?!</{tag}>).)*?{text}", html, re.S)
    assert found, f"no <{tag}> holding {text!r}"
    return found.group(0).split(">", 1)[0] + ">"


def _notice(html: str) -> str:
    found = re.search(r'<div class="language-notice".*?</div>', html, re.S)
    return found.group(0) if found else ""


# --- Meetings ------------------------------------------------------------------------------


def test_a_translated_meeting_and_agenda_item_read_in_french_on_french_pages(
    client, meeting, item, staff
):
    english_title, english_item = meeting.title, item.title
    translation_save(record=meeting, language="fr", texts=MEETING_FR, by=staff)
    translation_save(record=item, language="fr", texts=ITEM_FR, by=staff)

    html = _html(client, f"/fr/meetings/{MEETING}/")
    assert MEETING_FR["title"] in html
    assert MEETING_FR["description"] in html
    assert MEETING_FR["practical_information"] in html
    assert MEETING_FR["outcomes"] in html
    assert ITEM_FR["title"] in html and ITEM_FR["description"] in html
    # In the page's language: no lang attribute on the texts.
    assert "lang=" not in _element(html, "h1", MEETING_FR["title"])
    assert "lang=" not in _element(html, "span", ITEM_FR["title"])
    # The notice says it is a translation and links the original.
    notice = _notice(html)
    assert notice and "?language=en" in notice and 'hreflang="en"' in notice

    listing = _html(client, "/fr/meetings/")
    assert MEETING_FR["title"] in listing
    assert escape(english_title) not in listing

    english = _html(client, f"/en/meetings/{MEETING}/")
    assert escape(english_title) in english and escape(english_item) in english
    assert MEETING_FR["title"] not in english and ITEM_FR["title"] not in english
    assert _notice(english) == ""


def test_an_untranslated_meeting_on_a_french_page_is_marked_english_with_a_notice(
    client, meeting, item
):
    html = _html(client, f"/fr/meetings/{MEETING}/")
    assert 'lang="en"' in _element(html, "h1", meeting.title)
    assert 'lang="en"' in _element(html, "span", item.title)
    assert 'lang="en"' in _element(html, "p", meeting.description.splitlines()[0])
    assert _notice(html)
    # The cards of the list say it too.
    listing = _html(client, "/fr/meetings/")
    assert 'lang="en"' in _element(listing, "h3", meeting.title)
    assert 'class="text-language"' in listing


def test_language_parameter_shows_the_original_on_a_french_page(client, meeting, item, staff):
    translation_save(record=meeting, language="fr", texts=MEETING_FR, by=staff)
    translation_save(record=item, language="fr", texts=ITEM_FR, by=staff)
    html = _html(client, f"/fr/meetings/{MEETING}/?language=en")
    assert MEETING_FR["title"] not in html and ITEM_FR["title"] not in html
    assert 'lang="en"' in _element(html, "h1", meeting.title)
    assert 'lang="en"' in _element(html, "span", item.title)
    # The notice offers the French version back.
    assert "?language=fr" in _notice(html)
    # A value the portal does not know is ignored: the French again.
    assert MEETING_FR["title"] in _html(client, f"/fr/meetings/{MEETING}/?language=xx")


def test_a_saved_translation_shows_at_once_on_the_cached_pages(client, meeting, plan, staff):
    anonymous = Client()
    pages = [f"/fr/meetings/{MEETING}/", "/fr/meetings/", f"/fr/plans/{plan.pk}/"]
    for url in pages:
        _html(anonymous, url)
        _html(anonymous, url)  # from the page cache
    translation_save(record=meeting, language="fr", texts=MEETING_FR, by=staff)
    translation_save(record=plan, language="fr", texts=PLAN_FR, by=staff)
    assert MEETING_FR["title"] in _html(anonymous, f"/fr/meetings/{MEETING}/")
    assert MEETING_FR["title"] in _html(anonymous, "/fr/meetings/")
    assert PLAN_FR["title"] in _html(anonymous, f"/fr/plans/{plan.pk}/")
    # And when the translation changes again.
    translation_save(
        record=meeting,
        language="fr",
        texts={**MEETING_FR, "title": "Revue de Braga, deuxième version"},
        by=staff,
        translation=translation_for(meeting, "fr"),
    )
    assert "Revue de Braga, deuxième version" in _html(anonymous, f"/fr/meetings/{MEETING}/")


# --- Action plans --------------------------------------------------------------------------


def test_a_translated_public_plan_and_action_read_in_french(client, plan, action, staff):
    english_title, english_action = plan.title, action.title
    translation_save(record=plan, language="fr", texts=PLAN_FR, by=staff)
    translation_save(record=action, language="fr", texts=ACTION_FR, by=staff)

    html = _html(client, f"/fr/plans/{plan.pk}/")
    for text in [*PLAN_FR.values(), *ACTION_FR.values()]:
        assert escape(text) in html
    assert "lang=" not in _element(html, "h1", PLAN_FR["title"])
    assert _notice(html)

    english = _html(client, f"/en/plans/{plan.pk}/")
    assert escape(english_title) in english and escape(english_action) in english
    assert PLAN_FR["title"] not in english and ACTION_FR["title"] not in english

    asked = _html(client, f"/fr/plans/{plan.pk}/?language=en")
    assert 'lang="en"' in _element(asked, "h1", english_title)
    assert 'lang="en"' in _element(asked, "h3", english_action)


def test_an_untranslated_plan_on_a_french_page_is_marked_english(client, plan, action):
    html = _html(client, f"/fr/plans/{plan.pk}/")
    assert 'lang="en"' in _element(html, "h1", plan.title)
    assert 'lang="en"' in _element(html, "h3", action.title)
    assert _notice(html)


def test_a_plan_written_in_portuguese_is_marked_so_on_english_pages(client, plan):
    ActionPlan.objects.filter(pk=plan.pk).update(original_language="pt")
    html = _html(client, f"/en/plans/{plan.pk}/")
    assert 'lang="pt"' in _element(html, "h1", plan.title)


# --- The city page and city names ----------------------------------------------------------


def test_a_translated_city_description_reads_in_french(client, braga, staff):
    translation_save(record=braga, language="fr", texts={"description": CITY_FR}, by=staff)
    html = _html(client, "/fr/cities/braga/")
    assert CITY_FR in html and CITY_EN not in html
    assert "lang=" not in _element(html, "p", CITY_FR)
    assert _notice(html)
    english = _html(client, "/en/cities/braga/")
    assert CITY_EN in english and CITY_FR not in english
    # Untranslated into Portuguese: the English, marked so.
    portuguese = _html(client, "/pt/cities/braga/")
    assert 'lang="en"' in _element(portuguese, "p", CITY_EN)
    # The cached page follows a new translation at once.
    translation_save(
        record=braga,
        language="fr",
        texts={"description": "Une autre description."},
        by=staff,
        translation=translation_for(braga, "fr"),
    )
    assert "Une autre description." in _html(Client(), "/fr/cities/braga/")


def test_city_names_in_other_languages_on_french_pages(client, meeting, demo):
    City.objects.filter(slug="warsaw").update(names={"fr": "Varsovie", "it": "Varsavia"})
    City.objects.filter(slug="athens").update(names={"fr": "Athènes"})
    assert "<h1>Varsovie</h1>" in _html(client, "/fr/cities/warsaw/")
    assert "<h1>Warsaw</h1>" in _html(client, "/en/cities/warsaw/")
    assert "<h1>Varsavia</h1>" in _html(client, "/it/cities/warsaw/")
    directory = _html(client, "/fr/cities/")
    assert "Athènes" in directory and "Varsovie" in directory
    # A meeting hosted in Athens names it so on the French meeting pages.
    Meeting.objects.filter(pk=meeting.pk).update(host_city=City.objects.get(slug="athens"))
    assert "Athènes" in _html(client, f"/fr/meetings/{MEETING}/")


def test_staff_edit_the_city_names_in_the_admin(client, demo):
    admin = StaffFactory(email="admin.languages@example.org", is_superuser=True)
    client.force_login(admin)
    warsaw = City.objects.get(slug="warsaw")
    url = reverse("admin:cities_city_change", args=[warsaw.pk])
    page = _html(client, url)
    for label in ["Name in French", "Name in Portuguese", "Name in Italian", "Name in German"]:
        assert label in page
    data = form_as_shown(client, url)
    data = changed(data, name_fr="Varsovie", name_pt="Varsóvia", name_de="Warschau", name_it="")
    response = client.post(url, {k: v for k, v in data.items() if not k.startswith("_")})
    assert response.status_code == 302, response.content.decode()[:2000]
    warsaw.refresh_from_db()
    assert warsaw.names == {"fr": "Varsovie", "pt": "Varsóvia", "de": "Warschau"}
    # A name in another language is kept; the same name as in English is not stored.
    City.objects.filter(pk=warsaw.pk).update(names={**warsaw.names, "pl": "Warszawa"})
    data = changed(form_as_shown(client, url), name_de="Warsaw")
    response = client.post(url, {k: v for k, v in data.items() if not k.startswith("_")})
    assert response.status_code == 302
    warsaw.refresh_from_db()
    assert warsaw.names == {"fr": "Varsovie", "pt": "Varsóvia", "pl": "Warszawa"}


# --- The network dashboard -----------------------------------------------------------------


def test_an_eu_target_translated_reads_so_on_the_dashboard(client, demo, staff):
    target = EUTarget.objects.get(code="employment")
    translation_save(
        record=target,
        language="fr",
        texts={"objective": "Emploi de qualité (traduit)", "title": "Réduire l’écart (traduit)"},
        by=staff,
    )
    html = _html(client, "/fr/network/")
    assert "Réduire l’écart (traduit)" in html
    assert 'lang="en"' not in _element(html, "a", "Réduire l’écart (traduit)")
    page = _html(client, "/fr/network/targets/employment/")
    assert "Emploi de qualité (traduit)" in page and "Réduire l’écart (traduit)" in page
    # Asked for the original: the English, marked so.
    original = _html(client, "/fr/network/targets/employment/?language=en")
    assert 'lang="en"' in _element(original, "h1", target.title)
    assert "Réduire l’écart (traduit)" not in _html(client, "/en/network/")


# --- The workspace -------------------------------------------------------------------------


def test_who_may_open_the_translations_of_plans_meetings_and_the_city(client, demo, meeting):
    braga = City.objects.get(slug="braga")
    private = PlanFactory(city=braga, title="Private plan", is_public=False)
    public = ActionPlan.objects.get(city=braga, is_public=True)
    braga_officer = MembershipFactory(city=braga, user=UserFactory()).user
    turin_officer = MembershipFactory(city=City.objects.get(slug="turin"), user=UserFactory()).user

    def status(user, key, pk) -> int:
        client.force_login(user)
        return client.get(f"/en/workspace/translations/{key}/{pk}/").status_code

    assert status(braga_officer, "actionplans.actionplan", private.pk) == 200
    assert status(braga_officer, "actionplans.actionplan", public.pk) == 200
    assert status(braga_officer, "actionplans.action", ActionFactory(plan=private).pk) == 200
    assert status(braga_officer, "cities.city", braga.pk) == 200
    assert status(turin_officer, "actionplans.actionplan", private.pk) == 404
    assert status(turin_officer, "cities.city", braga.pk) == 404
    assert status(braga_officer, "meetings.meeting", meeting.pk) == 404
    assert status(turin_officer, "meetings.meeting", meeting.pk) == 404
    item = meeting.items.first()
    assert status(braga_officer, "meetings.agendaitem", item.pk) == 404
    staff = StaffFactory(email="staff.translations@example.org")
    assert status(staff, "meetings.meeting", meeting.pk) == 200
    assert status(staff, "meetings.agendaitem", item.pk) == 200


def test_the_workspace_links_to_the_translations(client, demo, meeting):
    braga = City.objects.get(slug="braga")
    plan = ActionPlan.objects.get(city=braga, is_public=True)
    action = plan.actions.first()
    officer = MembershipFactory(city=braga, user=UserFactory()).user
    client.force_login(officer)
    html = _html(client, f"/en/workspace/plans/{plan.pk}/")
    assert f"/en/workspace/translations/actionplans.actionplan/{plan.pk}/" in html
    assert f"/en/workspace/translations/actionplans.action/{action.pk}/" in html
    city_page = _html(client, "/en/cities/braga/")
    assert f"/en/workspace/translations/cities.city/{braga.pk}/" in city_page
    # Another city's officer sees no such link on Braga's page.
    client.force_login(MembershipFactory(city=City.objects.get(slug="turin")).user)
    assert "/workspace/translations/" not in _html(client, "/en/cities/braga/")

    staff = StaffFactory(email="staff.links@example.org")
    client.force_login(staff)
    manage = _html(client, f"/en/workspace/meetings/{MEETING}/")
    assert f"/en/workspace/translations/meetings.meeting/{meeting.pk}/" in manage
    agenda = _html(client, f"/en/workspace/meetings/{MEETING}/agenda/")
    item, session = meeting.items.first(), meeting.sessions.first()
    assert f"/en/workspace/translations/meetings.agendaitem/{item.pk}/" in agenda
    assert f"/en/workspace/translations/meetings.agendasession/{session.pk}/" in agenda
    assert f"/en/workspace/translations/cities.city/{braga.pk}/" in _html(
        client, "/en/workspace/cities/braga/officers/"
    )


def test_the_meeting_form_says_the_language_of_the_original(client, meeting, staff):
    client.force_login(staff)
    url = f"/en/workspace/meetings/{MEETING}/edit/"
    page = _html(client, url)
    assert "Language of the original" in page
    response = client.post(url, changed(form_as_shown(client, url), original_language="pt"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.original_language == "pt"
    # Its agenda, written in the same language, follows; new items and sessions start in it.
    assert set(meeting.items.values_list("original_language", flat=True)) == {"pt"}
    assert set(meeting.sessions.values_list("original_language", flat=True)) == {"pt"}
    client.post(f"/en/workspace/meetings/{MEETING}/agenda/sessions/new/", {"title": "Sessão nova"})
    assert meeting.sessions.get(title="Sessão nova").original_language == "pt"
    # Not a language that already has a translation of it: that would hide the translation.
    translation_save(record=meeting, language="fr", texts=MEETING_FR, by=staff)
    response = client.post(url, changed(form_as_shown(client, url), original_language="fr"))
    assert response.status_code == 400
    meeting.refresh_from_db()
    assert meeting.original_language == "pt"


def test_a_new_meeting_records_the_language_of_the_original(client, staff, demo):
    client.force_login(staff)
    data = changed(
        form_as_shown(client, "/en/workspace/meetings/new/"),
        kind="working_group_meeting",
        title="Réunion du groupe",
        host_city=str(City.objects.get(slug="toulouse").pk),
        starts_at="2031-03-04T09:00",
        ends_at="2031-03-05T13:00",
        original_language="fr",
    )
    response = client.post("/en/workspace/meetings/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Meeting.objects.get(title="Réunion du groupe").original_language == "fr"


def test_the_plan_form_says_the_language_of_the_original(client, plan, staff):
    officer = MembershipFactory(city=plan.city, user=UserFactory()).user
    client.force_login(officer)
    url = f"/en/workspace/plans/{plan.pk}/edit/"
    assert "Language of the original" in _html(client, url)
    response = client.post(url, changed(form_as_shown(client, url), original_language="pt"))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.original_language == "pt"
    # Its actions, written in the same language, follow; a new action starts in it.
    assert set(plan.actions.values_list("original_language", flat=True)) == {"pt"}
    new_action = f"/en/workspace/plans/{plan.pk}/actions/new/"
    response = client.post(new_action, changed(form_as_shown(client, new_action), title="Nova"))
    assert response.status_code == 302
    assert plan.actions.get(title="Nova").original_language == "pt"
    translation_save(record=plan, language="fr", texts=PLAN_FR, by=officer)
    response = client.post(url, changed(form_as_shown(client, url), original_language="fr"))
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.original_language == "pt"


# --- Queries -------------------------------------------------------------------------------


def _count(client: Client, url: str) -> int:
    cache.clear()  # rendered again, not from a cached fragment
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_translated_pages_read_the_same_number_of_queries_however_many_translations(
    client, meeting, plan, braga, staff
):
    from django.contrib.contenttypes.models import ContentType

    from translations.registry import registered

    ContentType.objects.get_for_models(*(spec.model for spec in registered()))
    pages = [
        f"/fr/meetings/{MEETING}/",
        "/fr/meetings/",
        f"/fr/plans/{plan.pk}/",
        "/fr/cities/braga/",
        "/fr/network/",
        "/fr/network/targets/employment/",
    ]
    AgendaItemFactory(meeting=meeting, title="First item")
    ActionFactory(plan=plan, title="First action")
    before = {url: _count(client, url) for url in pages}

    translation_save(record=meeting, language="fr", texts=MEETING_FR, by=staff)
    translation_save(record=plan, language="fr", texts=PLAN_FR, by=staff)
    translation_save(record=braga, language="fr", texts={"description": CITY_FR}, by=staff)
    for n, item in enumerate(meeting.items.all()):
        translation_save(record=item, language="fr", texts={"title": f"Point {n}"}, by=staff)
    for n, action in enumerate(plan.actions.all()):
        translation_save(record=action, language="fr", texts={"title": f"Action {n}"}, by=staff)
    for n in range(3):
        ActionFactory(plan=plan, title=f"More {n}", start_date=date(2020, 1, 1))
    for n, target in enumerate(EUTarget.objects.all()):
        translation_save(
            record=target, language="fr", texts={"title": f"Cible {n}", "objective": "O"}, by=staff
        )
    for meeting_ in Meeting.objects.filter(published_at__isnull=False):
        if translation_for(meeting_, "fr") is None:
            translation_save(
                record=meeting_, language="fr", texts={"title": f"Réunion {meeting_.pk}"}, by=staff
            )

    after = {url: _count(client, url) for url in pages}
    assert after == before
