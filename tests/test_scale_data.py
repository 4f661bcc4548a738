"""The large generated data set (demo/scale.py, `manage.py load_scale_data`) at a small scale:
exact proportional counts, the same records for the same seed, shown and searchable like any
other practice, and never mixed up with the demo."""

from __future__ import annotations

import hashlib
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils.html import escape

from cities.models import City, CityMembership
from demo.scale import (
    FULL_COUNTS,
    expected_counts,
    scale_cities,
    scale_counts,
    scale_delete,
    scale_digest_rows,
)
from meetings.models import Meeting, Registration
from practices.models import Practice, PracticeAttachment, PracticeText, Theme
from translations.models import Translation

pytestmark = pytest.mark.slow

SCALE = 0.005
ANCHOR = date(2026, 3, 1)


def _load(seed: int = 2020, *args: str) -> str:
    out = StringIO()
    call_command(
        "load_scale_data",
        "--scale",
        str(SCALE),
        "--seed",
        str(seed),
        "--anchor",
        ANCHOR.isoformat(),
        *args,
        stdout=out,
    )
    return out.getvalue()


def _digest() -> str:
    return hashlib.sha256("\n".join(scale_digest_rows()).encode()).hexdigest()


def _newest_generated_practice() -> Practice:
    return (
        Practice.objects.filter(city__in=scale_cities(), status="published")
        .order_by("-published_at", "-id")
        .first()
    )


def test_counts_are_the_full_counts_times_the_scale():
    assert expected_counts(1.0) == FULL_COUNTS
    assert expected_counts(0.1) == {
        "cities": 50,
        "practices": 1000,
        "plans": 200,
        "actions": 2000,
        "measurements": 4000,
        "meetings": 30,
        "registrations": 1500,
    }
    # A tiny scale keeps enough cities and meetings for transfers, peers and registrations.
    assert expected_counts(0.001)["cities"] == 3
    assert expected_counts(0.001)["meetings"] == 2


@pytest.mark.django_db
def test_load_creates_exactly_the_expected_counts():
    output = _load()
    assert scale_counts() == expected_counts(SCALE)
    assert "50 practices" in output
    assert "75 registrations" in output
    # Every theme is used, every practice has a theme, attachments are recorded.
    assert set(Theme.objects.filter(practices__isnull=False).values_list("code", flat=True)) == set(
        Theme.Code.values
    )
    assert not Practice.objects.filter(city__in=scale_cities(), themes__isnull=True).exists()
    assert PracticeAttachment.objects.filter(practice__city__in=scale_cities()).exists()
    # Officers belong to the generated cities; registrations respect a meeting's capacity.
    assert CityMembership.objects.filter(city__in=scale_cities()).count() >= 3
    for meeting in Meeting.objects.filter(host_city__in=scale_cities(), capacity__isnull=False):
        confirmed = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
        assert confirmed <= meeting.capacity
    for city in scale_cities():
        city.full_clean()


@pytest.mark.django_db
def test_same_seed_gives_the_same_records_and_another_seed_others():
    _load(seed=11)
    first = _digest()
    scale_delete()
    assert not scale_cities().exists()
    _load(seed=11)
    assert _digest() == first
    _load(12, "--replace")
    assert _digest() != first


@pytest.mark.django_db
def test_refuses_a_second_load_unless_replace_and_keeps_the_demo(demo):
    demo_cities = set(City.objects.values_list("slug", flat=True))
    demo_practices = Practice.objects.count()
    _load()
    with pytest.raises(CommandError, match="already loaded"):
        _load()
    assert scale_counts() == expected_counts(SCALE)

    output = _load(2020, "--replace")
    assert "Deleted the previous data set" in output
    assert scale_counts() == expected_counts(SCALE)
    scale_delete()
    assert set(City.objects.values_list("slug", flat=True)) == demo_cities
    assert Practice.objects.count() == demo_practices


@pytest.mark.django_db
def test_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        _load()
    assert not scale_cities().exists()


@pytest.mark.django_db
def test_generated_practices_show_in_the_library_and_on_their_page(client):
    client.get("/en/practices/")  # cached before the bulk load, which sends no signals
    _load()
    practice = _newest_generated_practice()

    listing = client.get("/en/practices/")
    assert listing.status_code == 200
    assert escape(practice.title) in listing.content.decode()

    page = client.get(f"/en/practices/{practice.slug}/")
    assert page.status_code == 200
    assert escape(practice.title) in page.content.decode()
    assert escape(practice.city.name) in page.content.decode()


@pytest.mark.django_db
def test_full_text_search_finds_a_generated_practice(client):
    _load()
    practice = _newest_generated_practice()
    # Bulk-created practices get their search texts like those saved through the services,
    # one for each language they exist in.
    generated = Practice.objects.filter(city__in=scale_cities())
    assert not generated.filter(search_texts__isnull=True).exists()
    translations = Translation.objects.filter(
        content_type__model="practice", object_id__in=generated.values("pk")
    )
    assert translations.exists()
    assert PracticeText.objects.filter(practice__in=generated).count() == (
        generated.count() + translations.count()
    )
    # The city's name is a word of the practice's title only the generator made up.
    response = client.get("/en/practices/", {"q": practice.city.name})
    assert response.status_code == 200
    # Matched words are highlighted in the titles, so look for the links to the pages.
    assert f'href="/en/practices/{practice.slug}/"' in response.content.decode()
    other = Practice.objects.exclude(city=practice.city).filter(status="published").first()
    assert f'href="/en/practices/{other.slug}/"' not in response.content.decode()


def test_every_generated_indicator_names_a_real_eu_target():
    from actionplans.eu_targets import EU_ROMA_TARGETS
    from demo.scale import INDICATORS

    codes = {code.lower() for code, _objective, _title in EU_ROMA_TARGETS}
    assert {target for *_rest, target in INDICATORS if target} <= codes
