"""Writes for the network's year: the work plan, its objectives and activities, the evidence
linked to activities, advocacy outputs, achievements and their figures.

Each service validates what it is given and raises ``ValidationError`` keyed by form field, so
a view can show the message next to the field. ``by`` is recorded in the history as who made the
change. Forms editing a saved object have checked its edit token first, in the same transaction
(core/views.save_edited).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .evidence import (
    State,
    link_evidence,
    measure_for,
    narrative_placeholders,
    progress_for,
    source_for,
)
from .models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    Evidence,
    Objective,
    WorkPlan,
    WorkPlanContact,
)

# (role, organisation, e-mail) of a work plan's contacts, in their order.
Contact = tuple[str, str, str]


def _write(instance: models.Model, data: dict, *, by: User | None) -> models.Model:
    """Write the edited fields onto the object, check it as the model does, save it and its
    many-to-many choices; ``by`` goes into the history."""
    many_to_many = []
    for name, value in data.items():
        if instance._meta.get_field(name).many_to_many:
            many_to_many.append((name, value))
        else:
            setattr(instance, name, value)
    instance.full_clean(validate_constraints=False)
    if by is not None:
        instance._history_user = by
    instance.save()
    for name, value in many_to_many:
        getattr(instance, name).set(value or [])
    return instance


def _saved_or_taken(save, *, field: str, message: str):
    """Run ``save()`` in a savepoint; a unique constraint that refuses it (someone took the
    number or the key in between) becomes a message next to ``field``."""
    try:
        with transaction.atomic():
            return save()
    except IntegrityError:
        raise ValidationError({field: message}) from None


# --- The work plan ----------------------------------------------------------------------------


def _open_activities(plan: WorkPlan) -> set[int]:
    """Ids of the plan's activities still to do: not cancelled, and not done by their evidence."""
    activities = Activity.objects.filter(objective__work_plan=plan)
    return {
        pk
        for pk, progress in progress_for(activities).items()
        if progress.state not in (State.CANCELLED, State.DONE)
    }


def _moved_to(activity: Activity, year: int) -> dict:
    """The activity's dates and season in ``year``: dates that no longer fall in it are cleared;
    a season is a season of any year and stays."""
    start, end = activity.start_date, activity.end_date
    if start is None or start.year != year:
        start = end = None
    elif end is not None and end < start:
        end = None
    return {"start_date": start, "end_date": end, "season": activity.season}


def work_plan_start_next(*, by: User) -> WorkPlan:
    """A draft plan for the year after the newest published one: its objectives, and its
    activities still open (not cancelled, not done), moved to the new year. Once only: a second
    start, or two at once, is refused by the year's uniqueness."""
    source = WorkPlan.objects.filter(is_published=True).order_by("-year").first()
    if source is None:
        raise ValidationError(_("Publish a work plan first: the next year starts from it."))
    year = source.year + 1
    if year > 2100:
        raise ValidationError(_("Work plans go up to 2100."))
    taken = _("A work plan for %(year)s already exists: open it to continue.") % {"year": year}
    if WorkPlan.objects.filter(year=year).exists():
        raise ValidationError(taken)
    still_open = _open_activities(source)
    try:
        with transaction.atomic():
            plan = WorkPlan(year=year, introduction="")
            plan._history_user = by
            plan.save()
            plan.strategic_objectives.set(source.strategic_objectives.all())
            WorkPlanContact.objects.bulk_create(
                WorkPlanContact(
                    work_plan=plan,
                    role=c.role,
                    organisation=c.organisation,
                    email=c.email,
                    order=c.order,
                )
                for c in source.contacts.all()
            )
            objectives = source.objectives.prefetch_related(
                "strategic_objectives",
                models.Prefetch(
                    "activities",
                    queryset=Activity.objects.filter(pk__in=still_open).prefetch_related(
                        "participating_cities", "stakeholders"
                    ),
                ),
            )
            for old in objectives.order_by("number"):
                objective = Objective(
                    work_plan=plan,
                    number=old.number,
                    title=old.title,
                    description=old.description,
                    priority_id=old.priority_id,
                )
                objective._history_user = by
                objective.save()
                objective.strategic_objectives.set(old.strategic_objectives.all())
                for activity in old.activities.all():
                    copy = Activity(
                        objective=objective,
                        year=year,
                        order=activity.order,
                        kind=activity.kind,
                        title=activity.title,
                        description=activity.description,
                        host_city_id=activity.host_city_id,
                        **_moved_to(activity, year),
                    )
                    copy._history_user = by
                    copy.save()
                    copy.participating_cities.set(activity.participating_cities.all())
                    copy.stakeholders.set(activity.stakeholders.all())
    except IntegrityError:
        raise ValidationError(taken) from None
    return plan


@transaction.atomic
def work_plan_publish(*, work_plan: WorkPlan, by: User) -> WorkPlan:
    plan = WorkPlan.objects.select_for_update().get(pk=work_plan.pk)
    if plan.is_published:
        raise ValidationError(
            _("The work plan %(year)s is already published.") % {"year": plan.year}
        )
    plan.is_published = True
    plan.published_at = timezone.now()
    plan._history_user = by
    plan.save(update_fields=["is_published", "published_at"])
    return plan


@transaction.atomic
def work_plan_update(
    *, work_plan: WorkPlan, data: dict, contacts: Iterable[Contact], by: User
) -> WorkPlan:
    """The plan's introduction and strategic objectives, and its contacts (replaced)."""
    plan = _write(work_plan, data, by=by)
    plan.contacts.all().delete()
    WorkPlanContact.objects.bulk_create(
        WorkPlanContact(work_plan=plan, role=role, organisation=organisation, email=email, order=i)
        for i, (role, organisation, email) in enumerate(contacts)
    )
    return plan


# --- Objectives and activities ------------------------------------------------------------------


def _number_taken(work_plan: WorkPlan, number, objective: Objective | None) -> bool:
    others = Objective.objects.filter(work_plan=work_plan, number=number)
    if objective is not None:
        others = others.exclude(pk=objective.pk)
    return others.exists()


@transaction.atomic
def objective_save(
    *, work_plan: WorkPlan, objective: Objective | None, data: dict, by: User
) -> Objective:
    taken = _("Another objective of this plan has this number.")
    if _number_taken(work_plan, data.get("number"), objective):
        raise ValidationError({"number": taken})
    instance = objective or Objective(work_plan=work_plan)
    return _saved_or_taken(lambda: _write(instance, data, by=by), field="number", message=taken)


@transaction.atomic
def objective_delete(*, objective: Objective, by: User) -> None:
    if objective.activities.exists():
        raise ValidationError(
            _("“%(objective)s” still has activities: delete them or mark them cancelled first.")
            % {"objective": objective.title}
        )
    objective._history_user = by
    objective.delete()


@transaction.atomic
def activity_save(
    *, objective: Objective, activity: Activity | None, data: dict, by: User
) -> Activity:
    if activity is None:
        last = objective.activities.aggregate(last=Max("order"))["last"]
        activity = Activity(
            objective=objective,
            year=objective.work_plan.year,
            order=0 if last is None else last + 1,
        )
    start, end = data.get("start_date"), data.get("end_date")
    if end and not start:
        raise ValidationError({"start_date": _("Give the start date too, or clear the end date.")})
    if end and end.year > activity.year + 1:
        raise ValidationError({"end_date": _("The end date is too far from the plan's year.")})
    return _write(activity, data, by=by)


@transaction.atomic
def activity_delete(*, activity: Activity, by: User) -> None:
    """Deleting is for what was entered by mistake: an activity with records showing its work
    stays (mark it cancelled instead), so that the year's account keeps them."""
    items = progress_for([activity])[activity.pk].items
    if items:
        raise ValidationError(
            _(
                "“%(activity)s” has records showing its work (%(records)s): mark it cancelled "
                "instead, or remove its evidence first."
            )
            % {"activity": activity.title, "records": ", ".join(item.title for item in items)}
        )
    activity._history_user = by
    activity.delete()


# --- Evidence -------------------------------------------------------------------------------


@transaction.atomic
def evidence_link_add(*, activity: Activity, record: models.Model, by: User) -> Evidence:
    """Links a record staff may link to this activity (``source.candidates``) as its evidence."""
    source = source_for(record._meta.label_lower)
    if (
        source is None
        or source.candidates is None
        or not source.candidates(activity).filter(pk=record.pk).exists()
    ):
        raise ValidationError({"record": _("This record cannot show this activity's work.")})
    already = Evidence.objects.filter(
        activity=activity,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
    ).exists()
    if already:
        raise ValidationError({"record": _("This record is linked already.")})
    return link_evidence(activity=activity, record=record, by=by)


@transaction.atomic
def evidence_link_remove(*, link: Evidence, by: User) -> None:
    Evidence.objects.filter(pk=link.pk).delete()


# --- Advocacy outputs -----------------------------------------------------------------------


def _check_date(when: date | None, year: int) -> None:
    if when is not None and not year - 1 <= when.year <= year + 1:
        raise ValidationError(
            {
                "date": _("Give a date in %(year)s, or in the year before or after it.")
                % {"year": year}
            }
        )


@transaction.atomic
def advocacy_save(
    *, year: int, action: AdvocacyAction | None, data: dict, by: User
) -> AdvocacyAction:
    instance = action or AdvocacyAction(year=year)
    _check_date(data.get("date"), instance.year)
    return _write(instance, data, by=by)


@transaction.atomic
def advocacy_delete(*, action: AdvocacyAction, by: User) -> None:
    action.delete()


# --- Achievements and their figures ---------------------------------------------------------


def _check_narrative(narrative: str, keys: Iterable[str]) -> None:
    unknown = sorted(narrative_placeholders(narrative or "") - set(keys))
    if unknown:
        names = ", ".join(f"{{{key}}}" for key in unknown)
        raise ValidationError(
            {
                "narrative": _(
                    "The narrative names figures this achievement does not have: %(names)s. "
                    "Add those figures first, or take the braces away."
                )
                % {"names": names}
            }
        )


@transaction.atomic
def achievement_save(
    *, year: int, achievement: Achievement | None, data: dict, by: User
) -> Achievement:
    """An achievement of the year; a new one comes after the year's others. Its narrative may
    name only its own figures, as ``{key}``."""
    keys = achievement.figures.values_list("key", flat=True) if achievement is not None else []
    _check_narrative(data.get("narrative", ""), keys)
    if achievement is None:
        last = Achievement.objects.filter(year=year).aggregate(last=Max("number"))["last"]
        achievement = Achievement(year=year, number=(last or 0) + 1)
    instance = achievement
    return _saved_or_taken(
        lambda: _write(instance, data, by=by),
        field="title",
        message=_("Someone added an achievement at the same moment: save again."),
    )


@transaction.atomic
def achievement_delete(*, achievement: Achievement, by: User) -> None:
    achievement._history_user = by
    achievement.delete()


def _check_figure(achievement: Achievement, figure: AchievementFigure | None, data: dict) -> None:
    errors: dict[str, str] = {}
    key = data.get("key", "")
    measure = measure_for(data.get("measure", ""))
    if measure is None:
        errors["measure"] = _("Choose what is counted.")
    else:
        allowed = {code for code, _label in measure.parameters()} if measure.parameters else {""}
        if (data.get("parameter") or "") not in allowed:
            errors["parameter"] = _("Choose one of the choices this count offers.")
    others = achievement.figures.filter(key=key)
    if figure is not None:
        others = others.exclude(pk=figure.pk)
    if others.exists():
        errors["key"] = _("Another figure of this achievement has this name.")
    used = narrative_placeholders(achievement.narrative)
    if figure is not None and figure.key != key and figure.key in used:
        errors["key"] = _(
            "The narrative writes {%(key)s}: change it there first, then rename the figure."
        ) % {"key": figure.key}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def figure_save(
    *, achievement: Achievement, figure: AchievementFigure | None, data: dict, by: User
) -> AchievementFigure:
    achievement = Achievement.objects.select_for_update().get(pk=achievement.pk)
    _check_figure(achievement, figure, data)
    if figure is None:
        last = achievement.figures.aggregate(last=Max("order"))["last"]
        figure = AchievementFigure(achievement=achievement, order=0 if last is None else last + 1)
    instance = figure
    return _saved_or_taken(
        lambda: _write(instance, data, by=by),
        field="key",
        message=_("Another figure of this achievement has this name."),
    )


@transaction.atomic
def figure_delete(*, figure: AchievementFigure, by: User) -> None:
    achievement = Achievement.objects.select_for_update().get(pk=figure.achievement_id)
    if figure.key in narrative_placeholders(achievement.narrative):
        raise ValidationError(
            _(
                "The narrative writes {%(key)s}: take it out of the narrative first, then "
                "delete the figure."
            )
            % {"key": figure.key}
        )
    figure.delete()
