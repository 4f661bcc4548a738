"""Documents and messages in the language asked for: a PDF report shows the records in their
translation into the report's language (else their original, said with lang) and the portal's
own words in it; notification and guest e-mails name records in the reader's language; the
practices feed is in the language of its address."""

from __future__ import annotations

import os
import re
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from django.core import mail
from django.utils.html import escape
from pypdf import PdfReader

from actionplans.models import ActionPlan
from meetings.models import Meeting, Registration
from notifications.sending import deliver_pending
from notifications.services import notify
from practices.models import Guideline, Practice
from reports import rendering
from reports.models import Report

from .factories import UserFactory
from .meetings_factories import RegistrationFactory
from .reports_helpers import download, pdf_text
from .translating import translate as translation_save

HOUSING = "moving-roma-out-of-camps-into-adequate-housing"
FRENCH_TITLE = "Sortir les Roms des campements vers un logement digne"
FRENCH_TOPIC = "Le logement des Roms vivant dans des campements et des squats"
FRENCH_INTRODUCTION = "<p>Ces lignes directrices ont été écrites après le transfert.</p>"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def bare_demo(demo):
    """The demo without its own translations: these tests say which texts are translated."""
    from translations.models import Translation

    Translation.objects.all().delete()


@pytest.fixture
def housing(bare_demo, staff) -> Guideline:
    """The housing guideline of the demo, with its texts and its sections in French."""
    guideline = Guideline.objects.get(slug=HOUSING)
    translation_save(
        record=guideline,
        language="fr",
        texts={"title": FRENCH_TITLE, "topic": FRENCH_TOPIC, "introduction": FRENCH_INTRODUCTION},
        by=staff,
    )
    for number, section in enumerate(guideline.sections.order_by("order"), start=1):
        translation_save(
            record=section,
            language="fr",
            texts={"title": f"Partie française {number}", "body": f"<p>Texte {number}.</p>"},
            by=staff,
        )
    return guideline


def _report(client, capture, language: str, **data) -> Report:
    """Ask for a report through its button on a page in ``language`` (tasks run in process)."""
    with capture(execute=True):
        response = client.post(f"/{language}/reports/request/", data)
    assert response.status_code == 303, response.status_code
    path = urlsplit(response["Location"]).path.removesuffix("download/")
    report = Report.objects.get(uid=path.rstrip("/").rsplit("/", 1)[-1])
    assert report.language == language
    assert report.status == Report.Status.READY, report.error
    return report


def _pdf_language(data: bytes) -> str:
    return str(PdfReader(BytesIO(data)).trailer["/Root"]["/Lang"])


def _keep(name: str, data: bytes) -> None:
    """REPORTS_KEEP_PDFS=/some/folder keeps the files to look at (as tests/test_reports.py)."""
    keep = os.environ.get("REPORTS_KEEP_PDFS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / name).write_bytes(data)


# --- PDF reports ----------------------------------------------------------------------------


def test_guideline_pdf_in_french_shows_the_french_translation_and_french_words(
    client, housing, eager_tasks, django_capture_on_commit_callbacks
):
    english_sections = list(housing.sections.order_by("order").values_list("title", flat=True))
    report = _report(
        client, django_capture_on_commit_callbacks, "fr", kind="guideline", object_id=housing.pk
    )
    assert report.title == FRENCH_TITLE

    _source, html = rendering.report_html(report=report)
    assert '<html lang="fr">' in html
    assert '<h2 id="toc-title">Sommaire</h2>' in html  # the portal's words: French too
    assert '<h2 id="section-1-title">1. <span>Partie française 1</span></h2>' in html
    # What has no French version yet says it is English: the activity, the authors' roles, the
    # practices it draws on.
    assert f'<span lang="en">{housing.activity.title}</span>' in html
    practice = housing.practices.order_by("pk").first()
    assert f'<p lang="en">{escape(practice.summary)}</p>' in html

    data = download(client, report)
    _keep("guideline-fr.pdf", data)
    text = " ".join(pdf_text(data).split())  # lines broken anywhere by the layout
    for french in [
        FRENCH_TITLE,
        FRENCH_TOPIC.upper(),  # the cover's line above the title, in capitals
        "Ces lignes directrices ont été écrites",
        "Partie française 1",
        "Partie française 3",
        "LIGNE DIRECTRICE",  # the cover (in capitals)
        "Sommaire",
        "Recommandations",
        "Groupe de travail sur l'inclusion des Roms",  # the cover and each page's footer
        "Page 2 sur",
        "Publié le",
    ]:
        assert french in text, french
    for english in [*english_sections, housing.title, "Contents", "Page 2 of", "Published on"]:
        assert english not in text, english
    assert re.search(r"Publié le \d{1,2} \w+ 20\d\d\.", text)  # a French date
    assert _pdf_language(data) == "fr"


def test_guideline_pdf_in_german_without_translation_is_english_text_with_german_words(
    client, housing, eager_tasks, django_capture_on_commit_callbacks
):
    report = _report(
        client, django_capture_on_commit_callbacks, "de", kind="guideline", object_id=housing.pk
    )
    assert report.title == housing.title  # the English original: there is no German version

    _source, html = rendering.report_html(report=report)
    assert '<html lang="en">' in html  # the language of the text
    assert '<h2 id="toc-title" lang="de">Inhalt</h2>' in html  # the portal's words: German
    assert '<h2 id="introduction-title" lang="de">Einleitung</h2>' in html
    assert '<h3 lang="de">Empfehlungen</h3>' in html
    assert f"<h1>{housing.title}</h1>" in html  # the guideline's own title: the document's

    data = download(client, report)
    _keep("guideline-de.pdf", data)
    text = " ".join(pdf_text(data).split())
    first_section = housing.sections.order_by("order").first().title
    for expected in [housing.title, first_section, "LEITLINIE", "Inhalt", "Seite 2 von"]:
        assert expected in text, expected
    assert "Partie française" not in text and "Page 2 of" not in text
    assert re.search(r"Veröffentlicht am \d{1,2}\. \w+ 20\d\d\.", text)  # a German date
    assert _pdf_language(data) == "en"


def test_a_section_left_untranslated_says_it_is_in_english(client, bare_demo, staff):
    guideline = Guideline.objects.get(slug=HOUSING)
    translation_save(
        record=guideline,
        language="fr",
        texts={"title": FRENCH_TITLE, "topic": FRENCH_TOPIC, "introduction": FRENCH_INTRODUCTION},
        by=staff,
    )
    first = guideline.sections.order_by("order").first()
    report = Report.objects.create(kind="guideline", object_id=guideline.pk, language="fr")
    _source, html = rendering.report_html(report=report)
    assert '<html lang="fr">' in html
    assert f'<span lang="en">{first.title}</span>' in html  # heading and table of contents
    assert f'<li lang="en"><a href="#section-1">1. {first.title}</a></li>' in html


def test_plan_progress_pdf_in_french_shows_the_french_plan(
    client, bare_demo, staff, eager_tasks, django_capture_on_commit_callbacks
):
    client.force_login(staff)  # a progress report is for the city and the staff
    plan = ActionPlan.objects.filter(is_public=True, updates__isnull=False).distinct().first()
    action = plan.actions.order_by("order").first()
    translation_save(
        record=plan,
        language="fr",
        texts={
            "title": "Plan intégré pour les quartiers défavorisés",
            "summary": "Résumé du plan.",
            "baseline": "La situation de départ.",
        },
        by=staff,
    )
    translation_save(
        record=action,
        language="fr",
        texts={"title": "Rénover les logements du quartier", "description": "Les travaux."},
        by=staff,
    )
    report = _report(
        client, django_capture_on_commit_callbacks, "fr", kind="plan_progress", object_id=plan.pk
    )
    _source, html = rendering.report_html(report=report)
    assert '<html lang="fr">' in html
    data = download(client, report)
    _keep("plan-progress-fr.pdf", data)
    text = " ".join(pdf_text(data).split())
    for french in [
        "Plan intégré pour les quartiers défavorisés",
        "Résumé du plan.",
        "Rénover les logements du quartier",
        "RAPPORT D'AVANCEMENT DU PLAN D'ACTION",  # the cover (in capitals)
        "Page 2 sur",
    ]:
        assert french in text, french
    assert plan.title not in text and action.title not in text
    # What the city wrote that has no translation is in the plan's original: said so.
    indicator = plan.indicators.first()
    assert f'<h3 id="indicator-{indicator.pk}" lang="en">{escape(indicator.name)} ' in html


def test_meeting_agenda_pdf_in_french_and_in_german(
    client, bare_demo, staff, eager_tasks, django_capture_on_commit_callbacks
):
    meeting = (
        Meeting.objects.filter(published_at__isnull=False, items__isnull=False)
        .distinct()
        .order_by("starts_at")
        .first()
    )
    first, second = meeting.items.order_by("starts_at", "room", "id")[:2]
    translation_save(
        record=meeting, language="fr", texts={"title": "Réunion sur l'école"}, by=staff
    )
    translation_save(
        record=first, language="fr", texts={"title": "Accueil des participants"}, by=staff
    )
    report = _report(
        client,
        django_capture_on_commit_callbacks,
        "fr",
        kind="meeting_agenda",
        object_id=meeting.pk,
    )
    assert report.title == "Programme\xa0: Réunion sur l'école"
    _source, html = rendering.report_html(report=report)
    assert '<html lang="fr">' in html
    assert "<p><strong>Accueil des participants</strong></p>" in html
    assert f'<p lang="en"><strong>{escape(second.title)}</strong></p>' in html  # no French yet
    data = download(client, report)
    _keep("agenda-fr.pdf", data)
    text = " ".join(pdf_text(data).split())
    assert "Réunion sur l'école" in text and "Accueil des participants" in text
    day = meeting.days[0]
    assert re.search(rf"Jour 1 · \w+ {day.day} \w+ {day.year}", text)  # "lundi 23 septembre"

    german = Report.objects.create(kind="meeting_agenda", object_id=meeting.pk, language="de")
    _source, html = rendering.report_html(report=german)
    assert '<html lang="en">' in html
    assert re.search(rf'lang="de">Tag 1 · \w+, {day.day}\. \w+ {day.year}</h2>', html)


def test_work_plan_pdf_in_french_shows_what_is_translated(client, bare_demo, staff):
    from objectives.models import WorkPlan

    work_plan = WorkPlan.objects.get(year=2020)
    first, second = work_plan.objectives.order_by("number")[:2]
    translation_save(
        record=work_plan, language="fr", texts={"introduction": "Notre plan."}, by=staff
    )
    translation_save(
        record=first, language="fr", texts={"title": "Moins d'abandon scolaire"}, by=staff
    )
    report = Report.objects.create(kind="work_plan", year=2020, language="fr")
    _source, html = rendering.report_html(report=report)
    assert '<html lang="fr">' in html
    assert '<p class="subtitle">Notre plan.</p>' in html
    assert "<span>Moins d&#x27;abandon scolaire</span></h3>" in html
    assert f'<span lang="en">{escape(second.title)}</span></h3>' in html


def test_a_stored_report_is_kept_per_language(
    client, housing, eager_tasks, django_capture_on_commit_callbacks
):
    french = _report(
        client, django_capture_on_commit_callbacks, "fr", kind="guideline", object_id=housing.pk
    )
    english = _report(
        client, django_capture_on_commit_callbacks, "en", kind="guideline", object_id=housing.pk
    )
    assert english.pk != french.pk and english.fingerprint != french.fingerprint
    assert english.title == Guideline.objects.get(pk=housing.pk).title
    again = _report(
        client, django_capture_on_commit_callbacks, "fr", kind="guideline", object_id=housing.pk
    )
    assert again.pk == french.pk  # the same French file, downloaded at once


# --- E-mails --------------------------------------------------------------------------------


def _practice_in_french(staff) -> Practice:
    practice = Practice.objects.filter(status="published").order_by("pk").first()
    translation_save(
        record=practice,
        language="fr",
        texts={"title": "Des médiateurs pour l'école", "summary": "En français."},
        by=staff,
    )
    return practice


def test_a_notification_names_the_practice_in_the_readers_language(bare_demo, staff):
    practice = _practice_in_french(staff)
    english_title = practice.title
    french_reader = UserFactory(email="lectrice@example.org", language="fr")
    english_reader = UserFactory(email="reader@example.org", language="en")
    notify(
        recipients=[french_reader, english_reader],
        kind="practice_published",
        subject=practice,
        url=practice.get_absolute_url(),
        context={"practice": practice.title, "city": practice.city.name},
    )
    mail.outbox.clear()
    assert deliver_pending() == 2
    by_reader = {message.to[0]: message for message in mail.outbox}

    french = by_reader["lectrice@example.org"]
    assert "Votre pratique «\xa0Des médiateurs pour l'école\xa0» est publiée." in french.body
    assert english_title not in french.body
    html = french.alternatives[0][0]
    assert '<html lang="fr">' in html and "Des médiateurs pour l&#x27;école" in html

    english = by_reader["reader@example.org"]
    assert f"Your practice “{english_title}” is published." in english.body


def test_the_weekly_digest_names_practices_in_the_readers_language_in_fixed_queries(
    bare_demo, staff
):
    from datetime import UTC, datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from notifications.models import Preference
    from notifications.sending import digests_send

    translated = _practice_in_french(staff)
    others = list(Practice.objects.filter(status="published").exclude(pk=translated.pk)[:3])

    def digest_for(email: str, practices: list) -> tuple[str, int]:
        reader = UserFactory(email=email, language="fr")
        Preference.objects.create(user=reader, kind="practice_published", delivery="digest")
        for practice in practices:
            notify(
                recipients=[reader],
                kind="practice_published",
                subject=Practice.objects.get(pk=practice.pk),
                url=practice.get_absolute_url(),
                context={"practice": practice.title, "city": practice.city.name},
            )
        mail.outbox.clear()
        monday_morning = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
        with CaptureQueriesContext(connection) as queries:
            assert digests_send(now=monday_morning) == 1
        (digest,) = mail.outbox
        return digest.body, len(queries)

    body, one = digest_for("une@example.org", [translated])
    assert "Des médiateurs pour l'école" in body
    body, four = digest_for("quatre@example.org", [translated, *others])
    assert "Des médiateurs pour l'école" in body and others[0].title in body
    assert four == one  # one query for the translations, however many practices


def test_the_notification_list_names_the_practice_in_the_page_language(client, bare_demo, staff):
    practice = _practice_in_french(staff)
    reader = UserFactory(email="lectrice@example.org", language="fr")
    notify(
        recipients=[reader],
        kind="practice_published",
        subject=practice,
        url=practice.get_absolute_url(),
        context={"practice": practice.title, "city": practice.city.name},
        email=False,
    )
    client.force_login(reader)
    french = client.get("/fr/workspace/notifications/").content.decode()
    assert "Des médiateurs pour l&#x27;école" in french
    assert escape(practice.title) in client.get("/en/workspace/notifications/").content.decode()


def test_a_guest_reads_of_the_meeting_in_their_language(bare_demo, staff):
    meeting = Meeting.objects.filter(published_at__isnull=False).order_by("starts_at").last()
    english_title = meeting.title
    translation_save(
        record=meeting,
        language="fr",
        texts={"title": "L'inclusion des Roms & les villes"},
        by=staff,
    )
    registration = RegistrationFactory(
        meeting=meeting,
        user=None,
        name="Invitée",
        email="invitee@example.org",
        self_registered=True,
        language="fr",
        status=Registration.Status.CONFIRMED,
    )
    from meetings.guests import guest_message

    message = guest_message(registration, "confirmed")
    assert message.subject == "Vous avez une place pour L'inclusion des Roms & les villes"
    assert "«\xa0L'inclusion des Roms & les villes\xa0»" in message.body  # plain text: not escaped
    assert english_title not in message.body
    assert "/fr/meetings/" in message.body
    (calendar,) = message.attachments
    assert "SUMMARY:L'inclusion des Roms & les villes" in calendar[1]


def test_allauth_writes_in_the_persons_language(client, bare_demo):
    UserFactory(email="lectrice@example.org", language="fr")
    mail.outbox.clear()
    response = client.post("/en/accounts/password/reset/", {"email": "lectrice@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "mot de passe" in message.body and "password" not in message.subject.lower()


# --- The practices feed ---------------------------------------------------------------------


def test_practices_feed_is_in_the_language_of_its_address(client, bare_demo, staff):
    practice = _practice_in_french(staff)
    response = client.get("/fr/practices/feed/")
    body = response.content.decode()
    assert '<feed xml:lang="fr" xmlns="http://www.w3.org/2005/Atom">' in body
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Bonnes pratiques du Groupe de travail sur l'inclusion des Roms"
    entries = {entry.link.rstrip("/").rsplit("/", 1)[-1]: entry for entry in feed.entries}
    translated = entries[practice.slug]
    assert translated.title.startswith("Des médiateurs pour l'école (")
    assert translated.summary == "En français."
    assert translated.title_detail.language == "fr"
    # The others in their original (none is translated into French here): each says which.
    originals = dict(Practice.objects.values_list("slug", "original_language"))
    others = [(entry, originals[slug]) for slug, entry in entries.items() if slug != practice.slug]
    assert others and all(entry.title_detail.language == original for entry, original in others)
    assert {original for _entry, original in others} > {"en", "pt"}
    english = next(entry for entry, original in others if original == "en")
    assert f'<entry xml:lang="en"><title>{english.title}' in body.replace("&#x27;", "'")

    english = client.get("/en/practices/feed/").content.decode()
    assert "Des médiateurs" not in english and practice.title in english
    assert "<entry><title>" in english  # in the feed's language: nothing to say
