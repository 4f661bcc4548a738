"""A plan's save asks the database what it must and nothing twice: the row is read once to check
access and once, locked, to check the edit; related objects the form already found, or that
the row already points to, are not looked up again; a changed related object still is."""

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
    assert len(_touching(queries, "objectives_objective")) == 1  # the form finds the choice
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
