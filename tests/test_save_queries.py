"""A plan's save asks the database what it must: the row is read once to check access and once,
locked, to check the edit; related objects the row still points to are not looked up again by
the service; a changed related object still is, and constraints are checked whole."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplans.models import ActionPlan
from actionplans.services import plan_save

from .editing import changed, form_as_shown
from .factories import ObjectiveFactory, PlanFactory


def _touching(queries, table: str) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if f'"{table}"' in q["sql"]]


@pytest.fixture
def plan_and_officer(braga, braga_officer):
    objective = ObjectiveFactory()
    plan = PlanFactory(city=braga, objective=objective)
    return plan, braga_officer


@pytest.mark.django_db
def test_a_plan_save_reads_each_row_it_needs_once(client, plan_and_officer):
    plan, officer = plan_and_officer
    client.force_login(officer)
    url = f"/en/workspace/plans/{plan.pk}/edit/"
    data = changed(form_as_shown(client, url), title=["A clearer title"])
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    assert response.status_code == 302
    plan_reads = [
        sql for sql in _touching(queries, "actionplans_actionplan") if sql.startswith("SELECT")
    ]
    assert len(plan_reads) == 2  # access, then the locked row the edit is checked against
    # The form finds the choice and the model checks it once; the service does not again.
    assert len(_touching(queries, "objectives_objective")) == 2
    # The plan's city is read with the plan (a join), never looked up on its own.
    assert [sql for sql in _touching(queries, "cities_city") if 'FROM "cities_city"' in sql] == []
    plan.refresh_from_db()
    assert plan.title == "A clearer title"


@pytest.mark.django_db
def test_a_changed_related_object_is_still_checked(plan_and_officer):
    plan, officer = plan_and_officer
    gone = ObjectiveFactory()
    gone_pk = gone.pk
    gone.delete()
    missing = type(gone)(pk=gone_pk)
    with pytest.raises(ValidationError) as refused:
        plan_save(plan=plan, data={"objective": missing}, by=officer)
    assert "objective" in refused.value.message_dict
    assert ActionPlan.objects.get(pk=plan.pk).objective_id != gone_pk


@pytest.mark.django_db
def test_a_form_still_refuses_a_second_row_a_constraint_forbids(braga):
    """Leaving known related objects out of the lookups must not leave them out of the
    constraints that name them: a second pledge of a city to one commitment is refused."""
    from cities.forms import PledgeForm
    from cities.models import Commitment, Pledge

    commitment = Commitment.objects.create(title="Principle 3", framework="EPSR")
    Pledge.objects.create(city=braga, commitment=commitment, year=2021)
    form = PledgeForm(data={"city": braga.pk, "commitment": commitment.pk, "year": 2021})
    assert not form.is_valid()
    assert Pledge.objects.count() == 1
