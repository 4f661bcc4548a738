"""Demo action plans: Braga's plan and its progress since the 2019 review, Berlin's Roma
Inclusion Action Plan with its external evaluation, and the school dropout plans of five
replicating cities (the 2020 objective 1). Figures are illustrative demo values."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from actionplans.models import (
    Action,
    ActionPlan,
    EUTarget,
    ExternalReviewer,
    Finding,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
    Review,
)
from actionplans.services import eu_targets_ensure, progress_update_submit
from cities.models import City
from objectives.models import Objective
from practices.models import Practice, Transfer

BRAGA = {
    "title": "Integrated Plan of Action for Disadvantaged Communities",
    "topic": "integrated",
    "status": "implementation",
    "start": date(2018, 1, 1),
    "end": date(2022, 12, 31),
    "summary": "Housing renovation, education, employment and participation in three social "
    "neighbourhoods, scaled up into a new neighbourhood after the 2019 critical friend review.",
    "baseline": "In 2018 the three social neighbourhoods housed about 1,200 people, many of them "
    "Roma families; school attendance and employment were well below the city average.",
    "practice": "braga-integrated-plan-disadvantaged-communities",
    "public": True,
    "actions": [
        (
            "Renovate flats in the three neighbourhoods",
            "Municipal housing company",
            1_200_000,
            "erdf",
            "on_track",
            70,
            "on_track",
            [
                ("First 40 flats renovated", date(2019, 12, 31), date(2019, 11, 20)),
                ("Remaining 60 flats renovated", date(2020, 12, 31), None),
            ],
        ),
        (
            "School mediators in the neighbourhood schools",
            "Education department",
            180_000,
            "esf-plus",
            "on_track",
            60,
            "on_track",
            [("Four mediators recruited", date(2019, 9, 1), date(2019, 9, 15))],
        ),
        (
            "Residents' committees in each neighbourhood",
            "Social cohesion department",
            25_000,
            "municipal",
            "delayed",
            35,
            "no_evidence",
            [("Committees elected", date(2020, 3, 31), None)],
        ),
        (
            "Extend the plan to a fourth neighbourhood",
            "Mayor's office",
            300_000,
            "national",
            "not_started",
            10,
            "",
            [("Needs assessment done", date(2020, 6, 30), None)],
        ),
    ],
    "indicators": [
        (
            "Children of the neighbourhoods attending school regularly",
            "%",
            False,
            "higher",
            "72",
            2018,
            "90",
            2022,
            "Education department records",
            "edu-upper-secondary",
            [(date(2019, 6, 30), "76"), (date(2019, 12, 31), "79"), (date(2020, 6, 30), "83")],
        ),
        (
            "Households living in renovated flats",
            "households",
            True,
            "higher",
            "0",
            2018,
            "100",
            2022,
            "Municipal housing company",
            "housing-deprivation",
            [(date(2019, 6, 30), "18"), (date(2019, 12, 31), "40"), (date(2020, 6, 30), "61")],
        ),
        (
            "Adults of the neighbourhoods in a job-search programme",
            "people",
            True,
            "higher",
            "4",
            2018,
            "60",
            2022,
            "Employment service",
            "employment",
            [(date(2019, 6, 30), "7"), (date(2019, 12, 31), "22"), (date(2020, 6, 30), "35")],
        ),
    ],
    "updates": [
        (
            "2019, second half",
            date(2019, 7, 1),
            date(2019, 12, 31),
            "The critical friend review of September brought peers from twelve cities to the three "
            "neighbourhoods. Renovation of the first 40 flats finished ahead of time.",
        ),
        (
            "2020, first half",
            date(2020, 1, 1),
            date(2020, 6, 30),
            "Renovations continued despite the health crisis; the residents' committees were "
            "postponed. The needs assessment for a fourth neighbourhood started.",
        ),
    ],
}

BERLIN = {
    "title": "Berlin Roma Inclusion Action Plan",
    "topic": "community_building",
    "status": "implementation",
    "start": date(2013, 7, 1),
    "end": None,
    "summary": "Inclusion of foreign Roma and self-organisation of Roma communities, with an "
    "external evaluation of its outcomes reviewed at the 2020 working group meeting.",
    "baseline": "Many Roma families moved to Berlin from other EU countries; access to "
    "counselling, schooling and health services was uneven across districts.",
    "practice": "berlin-roma-inclusion-action-plan",
    "public": True,
    "actions": [
        (
            "Counselling centres for EU-mobile families",
            "Senate Department for Social Affairs",
            900_000,
            "municipal",
            "on_track",
            80,
            "on_track",
            [("Two new centres opened", date(2019, 4, 1), date(2019, 5, 2))],
        ),
        (
            "Small grants for Roma self-organisations",
            "Senate Department for Integration",
            150_000,
            "municipal",
            "on_track",
            65,
            "",
            [],
        ),
        (
            "External evaluation of the action plan",
            "External evaluator",
            80_000,
            "other",
            "completed",
            100,
            "completed",
            [("Evaluation report delivered", date(2019, 12, 15), date(2019, 12, 10))],
        ),
    ],
    "indicators": [
        (
            "Families counselled per year",
            "families",
            True,
            "higher",
            "450",
            2017,
            "800",
            2021,
            "Counselling centres' reports",
            "participation",
            [(date(2018, 12, 31), "520"), (date(2019, 12, 31), "640")],
        ),
    ],
    "updates": [
        (
            "2019",
            date(2019, 1, 1),
            date(2019, 12, 31),
            "The external evaluation found the counselling centres effective and recommended a "
            "stronger role for Roma self-organisations in steering the plan.",
        ),
    ],
}

REPLICATING = ["ghent", "athens", "bucharest", "prague", "skopje"]


def _plan(city: City, spec: dict, objective) -> ActionPlan:
    plan, _ = ActionPlan.objects.update_or_create(
        city=city,
        title=spec["title"],
        defaults={
            "topic": spec["topic"],
            "status": spec["status"],
            "start_date": spec["start"],
            "end_date": spec["end"],
            "summary": spec["summary"],
            "baseline": spec["baseline"],
            "is_public": spec["public"],
            "objective": objective,
            "inspired_by": Practice.objects.filter(slug=spec.get("practice") or "").first(),
        },
    )
    actions = []
    for order, (title, body, budget, funding, status, progress, validated, milestones) in enumerate(
        spec["actions"]
    ):
        action, _ = Action.objects.update_or_create(
            plan=plan,
            title=title,
            defaults={
                "order": order,
                "responsible_body": body,
                "budget": Decimal(budget),
                "funding_source_id": _funding_id(funding),
                "status": status,
                "progress": progress,
                "validated_status": validated,
                "start_date": spec["start"],
            },
        )
        for m_title, due, done in milestones:
            Milestone.objects.update_or_create(
                action=action, title=m_title, defaults={"due_date": due, "done_date": done}
            )
        actions.append(action)
    targets = {t.code: t for t in EUTarget.objects.all()}
    for (
        name,
        unit,
        people,
        direction,
        base,
        base_year,
        target,
        target_year,
        source,
        eu,
        points,
    ) in spec["indicators"]:
        indicator, _ = Indicator.objects.update_or_create(
            plan=plan,
            name=name,
            defaults={
                "unit": unit,
                "is_count_of_people": people,
                "direction": direction,
                "baseline_value": Decimal(base),
                "baseline_year": base_year,
                "target_value": Decimal(target),
                "target_year": target_year,
                "data_source": source,
                "eu_target": targets.get(eu),
            },
        )
        for when, value in points:
            Measurement.objects.update_or_create(
                indicator=indicator, date=when, defaults={"value": Decimal(value)}
            )
    for label, start, end, narrative in spec["updates"]:
        update, created = ProgressUpdate.objects.get_or_create(
            plan=plan,
            period_label=label,
            defaults={"period_start": start, "period_end": end, "narrative": narrative},
        )
        if not update.is_submitted:
            progress_update_submit(update=update, by=None)
            # Dated as if sent two weeks after the period, like the real reports were.
            ProgressUpdate.objects.filter(pk=update.pk).update(
                submitted_at=datetime.combine(end + timedelta(days=14), time(10), tzinfo=UTC)
            )
    return plan


def _funding_id(code: str):
    from practices.models import FundingSource

    return FundingSource.objects.filter(code=code).values_list("pk", flat=True).first()


def actionplans_demo_load(*, cities: dict[str, City]) -> int:
    eu_targets_ensure()
    objective_1 = Objective.objects.filter(work_plan__year=2020, number=1).first()
    braga = _plan(cities["braga"], BRAGA, objective=None)
    objective_2 = Objective.objects.filter(work_plan__year=2020, number=2).first()
    berlin = _plan(cities["berlin"], BERLIN, objective=objective_2)

    turin_practice = Practice.objects.filter(slug="turin-school-dropout-strategy").first()
    for slug in REPLICATING:
        city = cities[slug]
        transfer = None
        if turin_practice:
            transfer, _ = Transfer.objects.get_or_create(
                practice=turin_practice,
                city=city,
                defaults={
                    "stage": "adapt",
                    "adaptations": "Preparing a local school dropout plan.",
                },
            )
        spec = {
            "title": f"Preventing school dropout of Roma children in {city.name}",
            "topic": "school_dropout",
            "status": "drafting",
            "start": date(2020, 9, 1),
            "end": date(2023, 7, 31),
            "summary": "A replicating city's plan drafted after the 2020 policy transfer in Turin.",
            "baseline": "",
            "practice": "turin-school-dropout-strategy",
            "public": False,
            "actions": [
                (
                    "School mediators in the schools with most early leavers",
                    "Education department",
                    60_000,
                    "esf-plus",
                    "not_started",
                    0,
                    "",
                    [("Mediators recruited", date(2020, 12, 31), None)],
                ),
                (
                    "Early warning of absences shared with families",
                    "Schools and social services",
                    15_000,
                    "municipal",
                    "not_started",
                    0,
                    "",
                    [],
                ),
            ],
            "indicators": [
                (
                    "Roma pupils leaving school early",
                    "%",
                    False,
                    "lower",
                    "30",
                    2019,
                    "15",
                    2023,
                    "Schools' records",
                    "edu-upper-secondary",
                    [],
                ),
            ],
            "updates": [],
        }
        plan = _plan(city, spec, objective=objective_1)
        if transfer and not ActionPlan.objects.filter(transfer=transfer).exists():
            plan.transfer = transfer
            plan.save(update_fields=["transfer"])

    _braga_review(braga, cities)
    _berlin_evaluation(berlin)
    return ActionPlan.objects.count()


def _berlin_evaluation(plan: ActionPlan) -> None:
    """The seed's external evaluation of the Berlin plan, as an open review with an invited
    evaluator from outside the portal (no account: a sign-in link by e-mail, asked for at
    /experts/new-link/ with evaluator@example.org)."""
    review, _ = Review.objects.get_or_create(
        plan=plan,
        questions__startswith="How far did the counselling centres",
        defaults={
            "questions": "How far did the counselling centres and the small grants reach the "
            "families they were meant for? What should change in the plan's next period?",
            "due_date": date(2027, 6, 30),
            "status": Review.Status.OPEN,
        },
    )
    ExternalReviewer.objects.get_or_create(
        review=review,
        email="evaluator@example.org",
        defaults={
            "name": "Evaluator of the Berlin action plan",
            "organisation": "External evaluation team",
            "role": ExternalReviewer.Role.EVALUATOR,
        },
    )


def _braga_review(plan: ActionPlan, cities: dict[str, City]) -> None:
    from meetings.models import Meeting

    meeting = Meeting.objects.filter(host_city=plan.city, kind="critical_friend_review").first()
    review, _ = Review.objects.get_or_create(
        plan=plan,
        defaults={
            "questions": "How can we scale the plan up into a new neighbourhood? How do we keep "
            "residents involved once renovations end?",
            "meeting": meeting,
            "due_date": date(2019, 10, 31),
            "status": Review.Status.CLOSED,
        },
    )
    if review.meeting is None and meeting is not None:
        review.meeting = meeting
        review.save(update_fields=["meeting"])
    if review.findings.exists():
        return
    committees = plan.actions.filter(title__startswith="Residents").first()
    extension = plan.actions.filter(title__startswith="Extend").first()
    Finding.objects.create(
        review=review,
        section=Finding.Section.GOVERNANCE,
        kind=Finding.Kind.FINDING,
        text="Residents are consulted on renovations but have no say in the plan's steering.",
        response="Agreed: residents' committees will be elected in each neighbourhood.",
        action=committees,
    )
    recommendation = Finding.objects.create(
        review=review,
        section=Finding.Section.ACTIONS,
        kind=Finding.Kind.RECOMMENDATION,
        text="Start the fourth neighbourhood with a needs assessment done with its residents.",
        response="The needs assessment is planned for the first half of 2020.",
    )
    if extension:
        extension.responds_to = recommendation
        extension.save(update_fields=["responds_to"])
