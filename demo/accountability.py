"""What shows the demo year's work was done: pledges, the plans drafted after the 2019 Toulouse
transfer, evidence links and the achievements' figures (demo/seed.py). Loaded after the
practices, meetings and plans it points at; loading again changes nothing."""

from __future__ import annotations

from datetime import date

from actionplans.models import ActionPlan, ProgressUpdate
from cities.models import City, Commitment, Pledge
from objectives.evidence import link_evidence
from objectives.models import Achievement, AchievementFigure, Activity
from practices.models import Transfer

from . import seed
from .actionplans import REPLICATING, _plan

TOULOUSE_PRACTICE = "toulouse-from-camps-to-housing"


def accountability_demo_load(*, cities: dict[str, City], activities: dict[str, Activity]) -> None:
    commitments = _pledges(cities)
    plans = _toulouse_transfer_plans(cities, activities["toulouse-2019"])
    records = {
        "toulouse_transfer_plans": plans,
        "replicating_plans": list(
            ActionPlan.objects.filter(
                city__slug__in=REPLICATING, topic=ActionPlan.Topic.SCHOOL_DROPOUT
            )
        ),
        "braga_plan": list(ActionPlan.objects.filter(city__slug="braga", is_public=True)),
        "braga_updates": list(
            ProgressUpdate.objects.filter(
                plan__city__slug="braga", submitted_at__isnull=False, period_end__year=2020
            )
        ),
    }
    for activity_key, kind, _which in seed.EVIDENCE:
        for record in records[kind]:
            link_evidence(activity=activities[activity_key], record=record, by=None)
    _figures(activities, commitments)


def _pledges(cities: dict[str, City]) -> dict[str, Commitment]:
    commitments = {}
    for key, (framework, title) in seed.COMMITMENTS.items():
        commitments[key], _ = Commitment.objects.get_or_create(framework=framework, title=title)
    for key, slug, year in seed.PLEDGES:
        Pledge.objects.get_or_create(
            city=cities[slug], commitment=commitments[key], defaults={"year": year}
        )
    return commitments


def _toulouse_transfer_plans(cities: dict[str, City], activity: Activity) -> list[ActionPlan]:
    """The four transfer cities' housing plans (the seed: they "had the opportunity to draft
    action plans ... and already took follow-up actions"). Their content is kept to a title:
    the seed says nothing more."""
    plans = []
    transfers = Transfer.objects.filter(practice__slug=TOULOUSE_PRACTICE).select_related("city")
    for transfer in transfers:
        if transfer.activity_id is None:
            transfer.activity = activity
            transfer.save(update_fields=["activity"])
        plan = ActionPlan.objects.filter(transfer=transfer).first() or _plan(
            transfer.city,
            {
                "title": f"Moving Roma families from camps into housing in {transfer.city.name}",
                "topic": "housing",
                "status": "implementation",
                "start": date(2020, 1, 1),
                "end": None,
                "summary": "Drafted after the 2019 policy transfer in Toulouse.",
                "baseline": "",
                "practice": TOULOUSE_PRACTICE,
                "public": False,
                "actions": [],
                "indicators": [],
                "updates": [],
            },
            objective=None,
        )
        if plan.transfer_id is None:
            plan.transfer = transfer
            plan.save(update_fields=["transfer"])
        plans.append(plan)
    return plans


def _figures(activities: dict[str, Activity], commitments: dict[str, Commitment]) -> None:
    for spec in seed.ACHIEVEMENTS_2019:
        achievement = Achievement.objects.get(year=2019, number=spec["number"])
        for order, (key, label, measure, parameter, activity, commitment) in enumerate(
            spec["figures"]
        ):
            AchievementFigure.objects.update_or_create(
                achievement=achievement,
                key=key,
                defaults={
                    "label": label,
                    "measure": measure,
                    "parameter": parameter,
                    "order": order,
                    "activity": activities.get(activity or ""),
                    "commitment": commitments.get(commitment or ""),
                },
            )
