"""Indicator charts a person can read: a value axis with round ticks, the baseline, the target
and the latest value written on the chart, a headline above it and the same in its text
alternative."""

from __future__ import annotations

import re
from datetime import date

import pytest

from actionplans.models import Measurement

from .factories import IndicatorFactory, PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(braga):
    plan = PlanFactory(city=braga, title="Braga plan")
    indicator = IndicatorFactory(
        plan=plan, name="Children at school", unit="%", baseline_value=72, baseline_year=2018,
        target_value=90, target_year=2022, is_count_of_people=False,
    )  # fmt: skip
    for day, value in [(date(2019, 6, 30), 76), (date(2019, 12, 31), 79), (date(2020, 6, 30), 83)]:
        Measurement.objects.create(indicator=indicator, date=day, value=value)
    return indicator


def _chart(html: str) -> str:
    return re.search(r'<svg class="chart".*?</svg>', html, re.S)[0]


def test_chart_writes_its_scale_and_its_three_values(client, braga_officer, indicator):
    client.force_login(braga_officer)
    html = client.get(f"/en/workspace/plans/{indicator.plan_id}/").content.decode()
    chart = _chart(html)
    ticks = re.findall(r'text-anchor="end"[^>]*>(\d+)</text>', chart)
    assert ticks == ["70", "75", "80", "85", "90"]
    for label in ("Target 90", "Baseline 72", "Now 83"):
        assert label in chart
    assert "83% on 30 June 2020 — target 90% by 2022" in html
    assert 'aria-label="Children at school: 83% on 30 June 2020 — target 90% by 2022"' in chart


def test_chart_reads_the_same_in_french(client, braga_officer, indicator):
    client.force_login(braga_officer)
    html = client.get(f"/fr/workspace/plans/{indicator.plan_id}/").content.decode()
    assert "83\u00a0% au 30 juin 2020 — cible\u00a0: 90\u00a0% en 2022" in html
    assert "Actuel 83" in _chart(html)


def test_public_chart_hides_small_counts_everywhere(client, braga):
    plan = PlanFactory(city=braga, title="Public plan", is_public=True)
    indicator = IndicatorFactory(
        plan=plan, name="Families rehoused", unit="families", baseline_value=4,
        baseline_year=2018, target_value=30, target_year=2022, is_count_of_people=True,
    )  # fmt: skip
    Measurement.objects.create(indicator=indicator, date=date(2020, 6, 30), value=7)
    html = client.get(f"/en/plans/{plan.pk}/").content.decode()
    chart = _chart(html)
    assert "Now 7" not in chart and "Baseline 4" not in chart
    assert "Baseline fewer than 10" in chart
    assert "No value measured yet" in html


def test_a_hidden_baseline_is_not_drawn_at_its_height(client, braga):
    """The label says "fewer than 10": the picture must not say 4 by where it draws the line."""
    plan = PlanFactory(city=braga, title="Public plan", is_public=True)
    hidden = IndicatorFactory(
        plan=plan, name="Families rehoused", unit="families", baseline_value=4,
        baseline_year=2018, target_value=30, target_year=2022, is_count_of_people=True,
    )  # fmt: skip
    Measurement.objects.create(indicator=hidden, date=date(2020, 6, 30), value=15)
    chart = _chart(client.get(f"/en/plans/{plan.pk}/").content.decode())
    assert "chart-baseline" not in chart and "chart-target" in chart
    hidden.is_count_of_people = False
    hidden.save()
    chart = _chart(client.get(f"/en/plans/{plan.pk}/").content.decode())
    assert "chart-baseline" in chart
