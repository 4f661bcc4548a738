"""The network's year in the visitor's language: the work plans, the achievements and the home
page read a record's translation where one exists, else its original marked with its language
(``lang``) and a notice; a translation shows at once on the kept pages; the number of queries
does not grow with the records; the staff reach each record's translations from the workspace.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from core.languages import language_in_sentence, language_name
from objectives.evidence import figure_values, narrative_text
from objectives.models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    NetworkPriority,
    Objective,
    StrategicObjective,
    WorkPlan,
)
from translations.services import translation_for

from .editing import changed, form_as_shown
from .translating import translate as translation_save

pytestmark = pytest.mark.django_db

OBJECTIVE_FR = "Renforcer les villes contre le décrochage scolaire des enfants roms"
OBJECTIVE_DESCRIPTION_FR = "Trois villes apprennent de Turin comment garder les enfants à l’école."
ACTIVITY_FR = "Lignes directrices sur le décrochage scolaire des enfants roms"
ACTIVITY_DESCRIPTION_FR = "Rédiger des lignes directrices à partir du transfert de Turin."
OUTCOMES_EN = "Guidelines drafted with the cities of the transfer."
OUTCOMES_FR = "Lignes directrices rédigées avec les villes du transfert."
ACHIEVEMENT_FR = "Des villes mieux armées pour le logement des familles roms"
NARRATIVE_FR = "À Toulouse, {officers} agents municipaux venus de {cities} villes ont travaillé."
FIGURE_FR = "agents municipaux présents"
ADVOCACY_EN = "Letter to the new Commissioner for Equality"
ADVOCACY_FR = "Lettre à la nouvelle commissaire à l’égalité"


def _main(response) -> str:
    """The page's own content (the header's language switch has lang attributes of its own)."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _objective() -> Objective:
    return Objective.objects.get(work_plan__year=2020, number=1)


def _other_objective() -> Objective:
    return Objective.objects.get(work_plan__year=2020, number=2)


def _activity() -> Activity:
    return Activity.objects.get(objective__work_plan__year=2020, kind="guideline")


def _achievement() -> Achievement:
    return Achievement.objects.get(year=2019, number=1)


@pytest.fixture
def in_french(demo, staff):
    """An objective, an activity, an achievement and one of its figures translated into
    French by the staff (instead of the demo's own French)."""
    from translations.models import Translation

    Translation.objects.filter(language="fr").delete()
    activity = _activity()
    activity.outcomes = OUTCOMES_EN
    activity.save()
    translation_save(
        record=_objective(),
        language="fr",
        texts={"title": OBJECTIVE_FR, "description": OBJECTIVE_DESCRIPTION_FR},
        by=staff,
    )
    translation_save(
        record=activity,
        language="fr",
        texts={
            "title": ACTIVITY_FR,
            "description": ACTIVITY_DESCRIPTION_FR,
            "outcomes": OUTCOMES_FR,
        },
        by=staff,
    )
    advocacy = AdvocacyAction.objects.create(
        year=2020,
        kind="contribution",
        title=ADVOCACY_EN,
        activity=Activity.objects.get(title="Advocate for a Roma strategy post-2020"),
    )
    translation_save(record=advocacy, language="fr", texts={"title": ADVOCACY_FR}, by=staff)
    achievement = _achievement()
    translation_save(
        record=achievement,
        language="fr",
        texts={"title": ACHIEVEMENT_FR, "narrative": NARRATIVE_FR},
        by=staff,
    )
    translation_save(
        record=achievement.figures.get(key="officers"),
        language="fr",
        texts={"label": FIGURE_FR},
        by=staff,
    )
    return staff


# --- The public pages -------------------------------------------------------------------------


def test_the_work_plan_reads_in_french_where_a_translation_exists(client, in_french):
    page = _main(client.get("/fr/work-plans/2020/"))
    assert escape(OBJECTIVE_FR) in page
    assert escape(OBJECTIVE_DESCRIPTION_FR) in page
    assert escape(ACTIVITY_FR) in page
    assert escape(ACTIVITY_DESCRIPTION_FR) in page
    assert escape(OUTCOMES_FR) in page
    original = _objective()
    assert escape(original.title) not in page
    assert escape(_activity().title) not in page
    assert OUTCOMES_EN not in page
    # In the page's language: no lang of their own.
    assert f"<span>{escape(OBJECTIVE_FR)}</span>" in page
    # The objective not translated reads in English, marked as such.
    assert f'<span lang="en">{escape(_other_objective().title)}</span>' in page


def test_the_work_plan_reads_in_english_on_the_english_page(client, in_french):
    page = _main(client.get("/en/work-plans/2020/"))
    assert escape(_objective().title) in page
    assert escape(_activity().description) in page
    assert OUTCOMES_EN in page
    for french in (OBJECTIVE_FR, ACTIVITY_FR, OUTCOMES_FR):
        assert escape(french) not in page
    assert 'lang="' not in page  # everything is in the page's language
    assert "language-notice" not in page


def test_a_language_without_translation_shows_the_english_marked_and_a_notice(client, in_french):
    page = _main(client.get("/de/work-plans/2020/"))
    objective, activity = _objective(), _activity()
    assert f'<span lang="en">{escape(objective.title)}</span>' in page
    assert f'<p lang="en">{escape(objective.description)}</p>' in page or not objective.description
    assert f'<strong lang="en">{escape(activity.title)}</strong>' in page
    assert f'<p class="muted" lang="en">{escape(activity.description)}</p>' in page
    assert f'<span lang="en">{escape(OUTCOMES_EN)}</span>' in page
    introduction = WorkPlan.objects.get(year=2020).introduction
    assert f'<p class="lead" lang="en">{escape(introduction)}</p>' in page
    assert escape(OBJECTIVE_FR) not in page
    # The notice, once, near the top: the plan is only in English.
    with translation.override("de"):
        only = translation.gettext("Only available in %(language)s.") % {
            "language": language_name("en")
        }
    assert page.count('class="language-notice"') == 1
    assert escape(only) in page
    assert page.index('class="language-notice"') < page.index('id="objectives-title"')


def test_advocacy_outputs_shown_as_evidence_read_in_the_visitors_language(client, in_french):
    french = _main(client.get("/fr/work-plans/2020/"))
    assert f"<span>{escape(ADVOCACY_FR)}</span>" in french
    assert ADVOCACY_EN not in french
    german = _main(client.get("/de/work-plans/2020/"))
    assert f'<span lang="en">{escape(ADVOCACY_EN)}</span>' in german
    asked = _main(client.get("/fr/work-plans/2020/?language=en"))
    assert f'<span lang="en">{escape(ADVOCACY_EN)}</span>' in asked


def test_the_french_page_tells_where_the_plan_itself_is_not_translated(client, in_french):
    page = _main(client.get("/fr/work-plans/2020/"))
    assert page.count('class="language-notice"') == 1
    introduction = WorkPlan.objects.get(year=2020).introduction
    assert f'<p class="lead" lang="en">{escape(introduction)}</p>' in page


def test_asking_for_the_english_version_on_a_french_page(client, in_french):
    page = _main(client.get("/fr/work-plans/2020/?language=en"))
    assert f'<span lang="en">{escape(_objective().title)}</span>' in page
    assert escape(OBJECTIVE_FR) not in page
    assert escape(ACTIVITY_FR) not in page
    # Each version is its own copy: the French one is still French.
    again = _main(client.get("/fr/work-plans/2020/"))
    assert escape(OBJECTIVE_FR) in again
    home = _main(client.get("/fr/?language=en"))
    assert escape(_objective().title) in home
    assert escape(OBJECTIVE_FR) not in home


def test_the_work_plan_list_names_the_objectives_in_french(client, in_french):
    page = _main(client.get("/fr/work-plans/"))
    assert f"<span>{escape(OBJECTIVE_FR)}</span>" in page
    assert f'<span lang="en">{escape(_other_objective().title)}</span>' in page


def test_the_achievement_reads_in_french_with_its_figures_filled_in(client, in_french):
    page = _main(client.get("/fr/achievements/2019/"))
    achievement = _achievement()
    with translation.override("fr"):
        values = {
            value.figure.key: value.shown
            for value in figure_values(achievement.figures.all()).values()
        }
    assert escape(ACHIEVEMENT_FR) in page
    assert escape(narrative_text(NARRATIVE_FR, values)) in page
    assert "{officers}" not in page and "{cities}" not in page
    assert escape(FIGURE_FR) in page
    assert escape(achievement.title) not in page
    # The figure not translated keeps its English label, marked.
    cities = achievement.figures.get(key="cities")
    assert f'<span class="figure-label" lang="en">{escape(cities.label)}</span>' in page
    # Another achievement, not translated: in English, marked, with the short label.
    other = Achievement.objects.get(year=2019, number=2)
    assert f'lang="en">{escape(other.title)}</h2>' in page
    with translation.override("fr"):
        label = translation.gettext("In %(language)s") % {"language": language_in_sentence("en")}
    assert f'<span class="text-language">{escape(label)}</span>' in page


def test_the_achievement_reads_in_english_on_the_english_page(client, in_french):
    page = _main(client.get("/en/achievements/2019/"))
    assert escape(_achievement().title) in page
    assert escape(ACHIEVEMENT_FR) not in page
    assert escape(FIGURE_FR) not in page
    assert 'lang="' not in page


def test_the_home_page_names_the_objectives_in_french(client, in_french):
    page = _main(client.get("/fr/"))
    assert f"<h3>{escape(OBJECTIVE_FR)}</h3>" in page
    assert f'<h3 lang="en">{escape(_other_objective().title)}</h3>' in page
    english = _main(client.get("/en/"))
    assert f"<h3>{escape(_objective().title)}</h3>" in english
    assert escape(OBJECTIVE_FR) not in english


def test_the_city_page_reads_the_years_texts_in_french(client, in_french):
    achievement = _achievement()
    city = achievement.cities.first()
    page = _main(client.get(f"/fr/cities/{city.slug}/"))
    assert escape(ACHIEVEMENT_FR) in page
    assert escape(achievement.title) not in page


def test_a_saved_translation_shows_at_once_on_the_kept_pages(client, in_french):
    staff = in_french
    pages = ["/fr/", "/fr/work-plans/2020/", "/fr/work-plans/", "/fr/achievements/2019/"]
    for path in pages:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            kept = client.get(path)
        assert len(queries.captured_queries) == 0, path  # served from the page cache
        assert kept.status_code == 200
    objective = _objective()
    translation_save(
        record=objective,
        language="fr",
        texts={"title": "Un titre revu", "description": OBJECTIVE_DESCRIPTION_FR},
        by=staff,
        translation=translation_for(objective, "fr"),
    )
    achievement = _achievement()
    translation_save(
        record=achievement,
        language="fr",
        texts={"title": "Une réussite revue", "narrative": NARRATIVE_FR},
        by=staff,
        translation=translation_for(achievement, "fr"),
    )
    for path in pages[:3]:
        page = _main(client.get(path))
        assert "Un titre revu" in page, path
        assert escape(OBJECTIVE_FR) not in page, path
    assert "Une réussite revue" in _main(client.get("/fr/achievements/2019/"))


def test_the_home_fragment_is_made_again_after_a_translation(client, in_french):
    """A signed-in person is not served the kept page: the fragment is what changes."""
    staff = in_french
    client.force_login(staff)
    assert escape(OBJECTIVE_FR) in _main(client.get("/fr/"))
    objective = _objective()
    translation_save(
        record=objective,
        language="fr",
        texts={"title": "Un titre revu", "description": OBJECTIVE_DESCRIPTION_FR},
        by=staff,
        translation=translation_for(objective, "fr"),
    )
    assert "Un titre revu" in _main(client.get("/fr/"))


# --- Queries ------------------------------------------------------------------------------------

PAGES = [
    "/fr/",
    "/de/",
    "/fr/work-plans/",
    "/fr/work-plans/2020/",
    "/fr/work-plans/2020/?language=en",
    "/de/work-plans/2020/",
    "/fr/achievements/2019/",
    "/fr/cities/braga/",
]


def _counts(client: Client) -> dict[str, int]:
    counts = {}
    for path in PAGES:
        cache.clear()  # the first visit after a change, not a kept copy
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(queries.captured_queries)
    return counts


def _grow(staff, step: int) -> None:
    """More objectives, activities, advocacy outputs, achievements and figures, most of them
    translated."""
    from cities.models import City

    plan = WorkPlan.objects.get(year=2020)
    braga = City.objects.get(slug="braga")
    priority = NetworkPriority.objects.create(title=f"Grown priority {step}")
    strategic = StrategicObjective.objects.create(code=f"9.{step}", title=f"Grown {step}")
    plan.strategic_objectives.add(strategic)
    translation_save(record=priority, language="fr", texts={"title": "Priorité"}, by=staff)
    translation_save(record=strategic, language="fr", texts={"title": "Objectif"}, by=staff)
    for n in range(3):
        objective = Objective.objects.create(
            work_plan=plan, number=10 + step * 3 + n, title=f"Grown {step}-{n}", priority=priority
        )
        objective.strategic_objectives.add(strategic)
        translation_save(
            record=objective, language="fr", texts={"title": f"Objectif {step}-{n}"}, by=staff
        )
        for kind in ("working_group_meeting", "advocacy"):
            activity = Activity.objects.create(
                objective=objective,
                year=2020,
                kind=kind,
                title=f"Grown activity {step}-{n}",
                outcomes="Done",
                host_city=braga,
            )
            translation_save(
                record=activity,
                language="fr",
                texts={"title": f"Activité {step}-{n}", "outcomes": "Fait"},
                by=staff,
            )
            if kind == "advocacy":
                output = AdvocacyAction.objects.create(
                    year=2020, kind="hearing", title=f"Output {step}-{n}", activity=activity
                )
                translation_save(
                    record=output, language="fr", texts={"title": f"Sortie {step}"}, by=staff
                )
    achievement = Achievement.objects.create(
        year=2019, number=10 + step, title=f"Grown {step}", narrative="{grown} cities"
    )
    achievement.cities.add(braga)
    figure = AchievementFigure.objects.create(
        achievement=achievement, key="grown", label="cities", measure="pledging_cities"
    )
    action = AdvocacyAction.objects.create(year=2019, kind="hearing", title=f"Hearing {step}")
    achievement.advocacy_actions.add(action)
    achievement.activities.add(*Activity.objects.filter(title__startswith="Grown activity"))
    translation_save(
        record=achievement,
        language="fr",
        texts={"title": f"Réussite {step}", "narrative": "{grown} villes"},
        by=staff,
    )
    translation_save(record=figure, language="fr", texts={"label": "villes"}, by=staff)
    translation_save(record=action, language="fr", texts={"title": f"Audition {step}"}, by=staff)


def test_the_pages_run_the_same_number_of_queries_however_many_translations(client, in_french):
    staff = in_french
    _counts(client)  # caches filled once, as on a running site
    before = _counts(client)
    for step in range(2):
        _grow(staff, step)
    after = _counts(client)
    assert "Réussite 1" in _main(client.get("/fr/achievements/2019/"))
    grown = {path: (before[path], after[path]) for path in PAGES if before[path] != after[path]}
    assert not grown, f"queries grew with the records (before, after): {grown}"


# --- The workspace ------------------------------------------------------------------------------


def _versions(key: str, pk: int) -> str:
    return f"/en/workspace/translations/{key}/{pk}/"


def test_the_staff_find_each_records_translations_beside_its_edit_link(client, in_french):
    client.force_login(in_french)
    plan = WorkPlan.objects.get(year=2020)
    objective, activity = _objective(), _activity()
    page = client.get("/en/workspace/work-plans/2020/").content.decode()
    assert f'href="{_versions("objectives.workplan", plan.pk)}"' in page
    assert f'href="{_versions("objectives.objective", objective.pk)}"' in page
    assert f'href="{_versions("objectives.activity", activity.pk)}"' in page
    assert f'href="{_versions("objectives.networkpriority", objective.priority.pk)}"' in page
    strategic = plan.strategic_objectives.first()
    assert f'href="{_versions("objectives.strategicobjective", strategic.pk)}"' in page

    achievement = _achievement()
    page = client.get("/en/workspace/work-plans/2019/achievements/").content.decode()
    assert f'href="{_versions("objectives.achievement", achievement.pk)}"' in page
    for figure in achievement.figures.all():
        assert f'href="{_versions("objectives.achievementfigure", figure.pk)}"' in page
    for action in AdvocacyAction.objects.filter(year=2019):
        assert f'href="{_versions("objectives.advocacyaction", action.pk)}"' in page

    versions = client.get(_versions("objectives.objective", objective.pk))
    assert versions.status_code == 200
    assert escape(language_name("fr")) in versions.content.decode()


def test_city_officers_cannot_translate_the_years_texts(client, in_french):
    from cities.models import City

    from .factories import MembershipFactory, UserFactory

    officer = MembershipFactory(city=City.objects.get(slug="braga"), user=UserFactory()).user
    client.force_login(officer)
    objective = _objective()
    assert client.get(_versions("objectives.objective", objective.pk)).status_code == 404
    editor = f"{_versions('objectives.objective', objective.pk)}fr/"
    assert client.get(editor).status_code == 404
    assert client.post(editor, {"title": "Pris"}).status_code == 404
    assert translation_for(objective, "fr").texts["title"] == OBJECTIVE_FR


FORMS = [
    ("workplan", lambda: "/en/workspace/work-plans/2020/edit/", WorkPlan, lambda: None),
    (
        "objective",
        lambda: f"/en/workspace/work-plans/objectives/{_objective().pk}/edit/",
        Objective,
        _objective,
    ),
    (
        "activity",
        lambda: f"/en/workspace/work-plans/activities/{_activity().pk}/edit/",
        Activity,
        _activity,
    ),
    (
        "achievement",
        lambda: f"/en/workspace/work-plans/achievements/{_achievement().pk}/edit/",
        Achievement,
        _achievement,
    ),
    (
        "figure",
        lambda: (
            f"/en/workspace/work-plans/figures/{_achievement().figures.get(key='cities').pk}/edit/"
        ),
        AchievementFigure,
        lambda: _achievement().figures.get(key="cities"),
    ),
    (
        "advocacy",
        lambda: (
            "/en/workspace/work-plans/advocacy/"
            f"{AdvocacyAction.objects.filter(year=2019).first().pk}/edit/"
        ),
        AdvocacyAction,
        lambda: AdvocacyAction.objects.filter(year=2019).first(),
    ),
]


@pytest.mark.parametrize(("name", "url", "model", "record"), FORMS, ids=[f[0] for f in FORMS])
def test_the_edit_forms_say_the_language_of_the_original(
    client, demo, staff, name, url, model, record
):
    client.force_login(staff)
    address = url()
    page = client.get(address).content.decode()
    assert "Language of the original" in page
    assert "The language this text is written in" in page
    saved = client.post(address, changed(form_as_shown(client, address), original_language="it"))
    assert saved.status_code == 302, name
    found = record() or WorkPlan.objects.get(year=2020)
    assert found.original_language == "it"
    # A form opened before the change is stale: refused, not applied.
    stale = form_as_shown(client, address)
    client.post(address, changed(form_as_shown(client, address), original_language="pt"))
    refused = client.post(address, changed(stale, original_language="de"))
    assert refused.status_code == 409, name
    found = record() or WorkPlan.objects.get(year=2020)
    assert found.original_language == "pt"


def test_a_language_the_field_does_not_offer_is_refused(client, demo, staff):
    client.force_login(staff)
    address = f"/en/workspace/work-plans/objectives/{_objective().pk}/edit/"
    refused = client.post(address, changed(form_as_shown(client, address), original_language="xx"))
    assert refused.status_code == 400
    assert _objective().original_language == "en"
    assert re.search(r'name="original_language"[^>]*aria-invalid="true"', refused.content.decode())
