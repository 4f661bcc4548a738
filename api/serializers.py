"""What the API answers, resource by resource: only what the public pages show.

Every object has its stable ``id`` and ``url`` (its address in the API) and ``html_url`` (its
public page), absolute. Values of indicators that count people are suppressed below 10, as on
the public plan page (``actionplans.templatetags.actionplans.hides_small_count``).
"""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actionplans.templatetags.actionplans import hides_small_count, small_count_text
from objectives.evidence import State


def absolute(context: dict, path: str) -> str:
    return context["request"].build_absolute_uri(path) if path else ""


def api_url(context: dict, name: str, **kwargs) -> str:
    return absolute(context, reverse(f"api:{name}", kwargs=kwargs))


def label(value) -> str:
    return str(value) if value is not None else ""


# --- References: the short form of an object inside another -----------------------------------


class CityRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, city) -> str:
        return api_url(self.context, "city", slug=city.slug)


class PracticeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, practice) -> str:
        return api_url(self.context, "practice", slug=practice.slug)


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


def code_label(code: str, text) -> dict:
    return {"code": code, "label": label(text)}


class PublicValueSerializer(serializers.Serializer):
    """A figure as the public reads it: ``value`` is null where it is suppressed."""

    value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    shown = serializers.CharField(help_text="The value as the public page shows it.")
    suppressed = serializers.BooleanField(
        help_text="A count of people below 10, left out so that nobody can be identified."
    )


def public_value(value, indicator) -> dict:
    if value is None:
        return {"value": None, "shown": "", "suppressed": False}
    number = Decimal(str(value))
    if hides_small_count(number, indicator):
        return {"value": None, "shown": small_count_text(), "suppressed": True}
    shown = number.normalize() if number == number.to_integral() else number
    return {"value": number, "shown": format(shown, "f"), "suppressed": False}


# --- Cities ------------------------------------------------------------------------------------


class PledgeSerializer(serializers.Serializer):
    commitment = serializers.SerializerMethodField()
    year = serializers.IntegerField()
    made_on = serializers.DateField(allow_null=True)
    statement = serializers.CharField()
    source_url = serializers.URLField()

    @extend_schema_field(
        {"type": "object", "properties": {"id": {"type": "integer"}, "title": {"type": "string"},
                                          "framework": {"type": "string"}}}
    )  # fmt: skip
    def get_commitment(self, pledge) -> dict:
        c = pledge.commitment
        return {"id": c.pk, "title": c.title, "framework": c.framework}


class CitySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    country = serializers.SerializerMethodField(help_text="ISO 3166-1 alpha-2 code.")
    country_name = serializers.SerializerMethodField()
    latitude = serializers.DecimalField(max_digits=8, decimal_places=5)
    longitude = serializers.DecimalField(max_digits=8, decimal_places=5)
    membership = serializers.SerializerMethodField()
    description = serializers.CharField()
    contact_role = serializers.CharField()
    contact_email = serializers.EmailField()
    website = serializers.URLField()
    pledges = PledgeSerializer(many=True, source="pledges.all")
    links = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    def get_country(self, city) -> str:
        return city.country.code

    def get_country_name(self, city) -> str:
        return str(city.country.name)

    @extend_schema_field(CodeLabelSerializer)
    def get_membership(self, city) -> dict:
        return code_label(city.membership, city.get_membership_display())

    @extend_schema_field(
        {"type": "object", "properties": {name: {"type": "string", "format": "uri"}
                                          for name in ("practices", "plans", "meetings")}}
    )  # fmt: skip
    def get_links(self, city) -> dict:
        base = {name: api_url(self.context, name) for name in ("practices", "plans", "meetings")}
        return {name: f"{url}?city={city.slug}" for name, url in base.items()}

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, city) -> str:
        return api_url(self.context, "city", slug=city.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, city) -> str:
        return absolute(self.context, city.get_absolute_url())


# --- Work plans, activities, achievements ------------------------------------------------------


def public_state(progress) -> tuple[str, str]:
    """The state the public reads: an activity overdue for staff has "no record yet"."""
    if progress.state == State.OVERDUE:
        return "no_record_yet", progress.public_label
    return str(progress.state), progress.public_label


class EvidenceSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    date = serializers.DateField(allow_null=True)
    url = serializers.CharField(help_text="Its public page, absolute; empty when it has none.")


class ActivitySerializer(serializers.Serializer):
    """An activity with its ``progress`` (objectives.evidence.ActivityProgress) in the context
    under ``progress`` (activity id -> progress)."""

    id = serializers.IntegerField()
    year = serializers.IntegerField()
    objective = serializers.SerializerMethodField()
    kind = serializers.SerializerMethodField()
    title = serializers.CharField()
    description = serializers.CharField()
    host_city = serializers.SerializerMethodField()
    participating_cities = serializers.SerializerMethodField()
    season = serializers.CharField()
    start = serializers.SerializerMethodField()
    end = serializers.SerializerMethodField()
    period_label = serializers.CharField()
    state = serializers.SerializerMethodField(
        help_text="planned, in_progress, done, no_record_yet (its period is over with nothing "
        "to show it was done) or cancelled: derived from its evidence and dates."
    )
    state_label = serializers.SerializerMethodField()
    outcomes = serializers.CharField()
    stakeholders = serializers.SerializerMethodField()
    evidence = serializers.SerializerMethodField()
    evidence_not_public = serializers.SerializerMethodField(
        help_text='What exists but is not public, as counts: "1 action plan, not public".'
    )
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    def _progress(self, activity):
        return self.context["progress"][activity.pk]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_objective(self, activity) -> int | None:
        return activity.objective.number if activity.objective_id else None

    @extend_schema_field(CodeLabelSerializer)
    def get_kind(self, activity) -> dict:
        return code_label(activity.kind, activity.get_kind_display())

    @extend_schema_field(CityRefSerializer(allow_null=True))
    def get_host_city(self, activity):
        if activity.host_city is None:
            return None
        return CityRefSerializer(activity.host_city, context=self.context).data

    @extend_schema_field(CityRefSerializer(many=True))
    def get_participating_cities(self, activity) -> list:
        cities = activity.participating_cities.all()
        return CityRefSerializer(cities, many=True, context=self.context).data

    @extend_schema_field(OpenApiTypes.DATE)
    def get_start(self, activity):
        return activity.period[0]

    @extend_schema_field(OpenApiTypes.DATE)
    def get_end(self, activity):
        return activity.period[1]

    def get_state(self, activity) -> str:
        return public_state(self._progress(activity))[0]

    def get_state_label(self, activity) -> str:
        return public_state(self._progress(activity))[1]

    def get_stakeholders(self, activity) -> list[str]:
        return [str(s) for s in activity.stakeholders.all()]

    @extend_schema_field(EvidenceSerializer(many=True))
    def get_evidence(self, activity) -> list:
        return [
            {
                "kind": item.kind,
                "title": item.title,
                "date": item.date,
                "url": absolute(self.context, item.url) if item.url else "",
            }
            for item in self._progress(activity).public_items
        ]

    def get_evidence_not_public(self, activity) -> list[str]:
        return [str(line) for line in self._progress(activity).private_summary]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, activity) -> str:
        return api_url(self.context, "activity", pk=activity.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, activity) -> str:
        return absolute(self.context, activity.public_page_url())


class StrategicObjectiveSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()


class ObjectiveSerializer(serializers.Serializer):
    """An objectives.evidence.ObjectiveProgress."""

    number = serializers.IntegerField(source="objective.number")
    title = serializers.CharField(source="objective.title")
    description = serializers.CharField(source="objective.description")
    priority = serializers.SerializerMethodField()
    strategic_objectives = StrategicObjectiveSerializer(
        many=True, source="objective.strategic_objectives.all"
    )
    state = serializers.CharField(help_text="not_started, in_progress or done")
    state_label = serializers.CharField()
    summary = serializers.CharField()
    activities = serializers.SerializerMethodField()

    @extend_schema_field(
        {"type": "object", "nullable": True,
         "properties": {"title": {"type": "string"}, "framework": {"type": "string"}}}
    )  # fmt: skip
    def get_priority(self, progress):
        priority = progress.objective.priority
        return {"title": priority.title, "framework": priority.framework} if priority else None

    @extend_schema_field(ActivitySerializer(many=True))
    def get_activities(self, progress) -> list:
        activities = [p.activity for p in progress.activities]
        return ActivitySerializer(activities, many=True, context=self.context).data


class ContactSerializer(serializers.Serializer):
    role = serializers.CharField()
    organisation = serializers.CharField()
    email = serializers.EmailField()


class WorkPlanListSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    introduction = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, plan) -> str:
        return api_url(self.context, "work_plan", year=plan.year)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, plan) -> str:
        return absolute(self.context, plan.get_absolute_url())


class WorkPlanSerializer(WorkPlanListSerializer):
    strategic_objectives = StrategicObjectiveSerializer(
        many=True, source="strategic_objectives.all"
    )
    contacts = ContactSerializer(many=True, source="contacts.all")
    objectives = serializers.SerializerMethodField()

    @extend_schema_field(ObjectiveSerializer(many=True))
    def get_objectives(self, plan) -> list:
        return ObjectiveSerializer(self.context["objectives"], many=True, context=self.context).data


class FigureSerializer(serializers.Serializer):
    """An objectives.evidence.FigureValue: counted from the records when asked."""

    key = serializers.CharField(source="figure.key")
    label = serializers.CharField(source="figure.label")
    value = serializers.SerializerMethodField()
    shown = serializers.CharField()
    suppressed = serializers.SerializerMethodField()

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_value(self, value):
        return None if self.get_suppressed(value) else value.value

    def get_suppressed(self, value) -> bool:
        return value.shown != str(value.value)


class AdvocacySerializer(serializers.Serializer):
    kind = serializers.SerializerMethodField()
    title = serializers.CharField()
    description = serializers.CharField()
    date = serializers.DateField(allow_null=True)
    link = serializers.URLField()
    addressed_to = serializers.SerializerMethodField()

    @extend_schema_field(CodeLabelSerializer)
    def get_kind(self, action) -> dict:
        return code_label(action.kind, action.get_kind_display())

    def get_addressed_to(self, action) -> list[str]:
        return [str(s) for s in action.stakeholders.all()]


class ActivityRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    period_label = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, activity) -> str:
        return api_url(self.context, "activity", pk=activity.pk)


class AchievementSerializer(serializers.Serializer):
    """An objectives.evidence.AchievementView: the narrative with its figures in it."""

    id = serializers.IntegerField(source="achievement.pk")
    year = serializers.IntegerField(source="achievement.year")
    number = serializers.IntegerField(source="achievement.number")
    title = serializers.CharField(source="achievement.title")
    narrative = serializers.CharField(help_text="With each figure written in, as shown.")
    figures = FigureSerializer(many=True)
    activities = serializers.SerializerMethodField()
    advocacy = AdvocacySerializer(many=True, source="achievement.advocacy_actions.all")
    cities = CityRefSerializer(many=True, source="achievement.cities.all")
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    @extend_schema_field(ActivityRefSerializer(many=True))
    def get_activities(self, view) -> list:
        activities = view.achievement.activities.all()
        return ActivityRefSerializer(activities, many=True, context=self.context).data

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, view) -> str:
        return api_url(self.context, "achievement", pk=view.achievement.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, view) -> str:
        return absolute(self.context, view.achievement.get_absolute_url())


# --- Practices and guidelines ------------------------------------------------------------------


class PracticeListSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    city = CityRefSerializer()
    country = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    summary = serializers.CharField()
    start_year = serializers.IntegerField()
    end_year = serializers.IntegerField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    def get_country(self, practice) -> str:
        return practice.city.country.code

    @extend_schema_field(CodeLabelSerializer(many=True))
    def get_themes(self, practice) -> list:
        return [code_label(t.code, t.get_code_display()) for t in practice.themes.all()]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, practice) -> str:
        return api_url(self.context, "practice", slug=practice.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, practice) -> str:
        return absolute(self.context, practice.get_absolute_url())


class LinkSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()


class FileSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    size = serializers.IntegerField()
    content_type = serializers.CharField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, stored) -> str:
        return absolute(self.context, stored.get_absolute_url())


class TransferSerializer(serializers.Serializer):
    city = CityRefSerializer()
    stage = serializers.SerializerMethodField()
    adaptations = serializers.CharField()

    @extend_schema_field(CodeLabelSerializer)
    def get_stage(self, transfer) -> dict:
        return code_label(transfer.stage, transfer.get_stage_display())


class GuidelineRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, guideline) -> str:
        return api_url(self.context, "guideline", slug=guideline.slug)


class PracticeSerializer(PracticeListSerializer):
    description = serializers.CharField(help_text="Sanitised HTML.")
    target_group = serializers.CharField()
    funding_sources = serializers.SerializerMethodField()
    results = serializers.CharField()
    success_factors = serializers.CharField()
    transferability = serializers.CharField()
    lessons_learnt = serializers.CharField()
    contact_role = serializers.CharField()
    strategic_objectives = StrategicObjectiveSerializer(
        many=True, source="strategic_objectives.all"
    )
    priority = serializers.SerializerMethodField()
    links = LinkSerializer(many=True, source="links.all")
    attachments = FileSerializer(many=True, source="attachments.all")
    adopted_by = TransferSerializer(many=True, source="transfers.all")
    guidelines = GuidelineRefSerializer(many=True, source="guidelines.all")

    @extend_schema_field(CodeLabelSerializer(many=True))
    def get_funding_sources(self, practice) -> list:
        return [code_label(f.code, f.get_code_display()) for f in practice.funding_sources.all()]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_priority(self, practice):
        return practice.priority.title if practice.priority else None


class FacetOptionSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    options = FacetOptionSerializer(many=True)


class GuidelineListSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    topic = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, guideline) -> str:
        return api_url(self.context, "guideline", slug=guideline.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, guideline) -> str:
        return absolute(self.context, guideline.get_absolute_url())


class SectionSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    title = serializers.CharField()
    body = serializers.CharField(help_text="Sanitised HTML.")
    recommendations = serializers.SerializerMethodField()

    def get_recommendations(self, section) -> list[str]:
        return [r.text for r in section.recommendations.all()]


class AuthorSerializer(serializers.Serializer):
    role = serializers.CharField()
    city = CityRefSerializer(allow_null=True)
    organisation = serializers.CharField()


class GuidelineSerializer(GuidelineListSerializer):
    introduction = serializers.CharField(help_text="Sanitised HTML.")
    authors = AuthorSerializer(many=True, source="authors.all")
    sections = SectionSerializer(many=True, source="sections.all")
    practices = PracticeRefSerializer(many=True, source="practices.all")
    activity = ActivityRefSerializer(allow_null=True)


# --- Meetings ----------------------------------------------------------------------------------


class MeetingListSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    uid = serializers.UUIDField(help_text="Its identity in calendars.")
    slug = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.SerializerMethodField()
    host_city = CityRefSerializer(allow_null=True)
    venue = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    time_zone = serializers.CharField(help_text="Times are local in this zone.")
    period_label = serializers.CharField()
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()
    calendar_url = serializers.SerializerMethodField()

    @extend_schema_field(CodeLabelSerializer)
    def get_kind(self, meeting) -> dict:
        return code_label(meeting.kind, meeting.get_kind_display())

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, meeting) -> str:
        return api_url(self.context, "meeting", slug=meeting.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, meeting) -> str:
        return absolute(self.context, meeting.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_calendar_url(self, meeting) -> str:
        path = reverse("meetings:meeting_calendar", kwargs={"slug": meeting.slug})
        return absolute(self.context, path)


class SpeakerSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()


class AgendaItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.SerializerMethodField()
    session = serializers.SerializerMethodField()
    description = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    duration = serializers.IntegerField(help_text="Minutes.")
    room = serializers.CharField()
    speakers = SpeakerSerializer(many=True, source="speakers.all")

    @extend_schema_field(CodeLabelSerializer)
    def get_kind(self, item) -> dict:
        return code_label(item.kind, item.get_kind_display())

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_session(self, item):
        return item.session.title if item.session_id else None


class AgendaDaySerializer(serializers.Serializer):
    number = serializers.IntegerField()
    date = serializers.DateField()
    items = AgendaItemSerializer(many=True)


class FollowUpSerializer(serializers.Serializer):
    city = CityRefSerializer()
    status = serializers.SerializerMethodField()

    @extend_schema_field(CodeLabelSerializer)
    def get_status(self, followup) -> dict:
        return code_label(followup.status, followup.get_status_display())


class DecisionSerializer(serializers.Serializer):
    title = serializers.CharField()
    description = serializers.CharField()
    due_date = serializers.DateField(allow_null=True)
    followups = FollowUpSerializer(many=True, source="followups.all")


class AttendanceSerializer(serializers.Serializer):
    headline = serializers.CharField()
    cities = serializers.IntegerField()
    by_kind = serializers.SerializerMethodField()

    @extend_schema_field(
        {"type": "array", "items": {"type": "object", "properties": {
            "count": {"type": "integer"}, "label": {"type": "string"}}}}
    )  # fmt: skip
    def get_by_kind(self, figures) -> list:
        return [{"count": count, "label": noun} for count, noun in figures.kinds]


class MeetingSerializer(MeetingListSerializer):
    description = serializers.CharField()
    address = serializers.CharField()
    practical_information = serializers.CharField()
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    activity = serializers.SerializerMethodField()
    agenda = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    outcomes = serializers.SerializerMethodField(help_text="Once the meeting is over.")
    attendance = serializers.SerializerMethodField()
    decisions = serializers.SerializerMethodField()

    @extend_schema_field(ActivityRefSerializer(allow_null=True))
    def get_activity(self, meeting):
        activity = meeting.activity
        if activity is None or not self.context.get("activity_public"):
            return None
        return ActivityRefSerializer(activity, context=self.context).data

    @extend_schema_field(AgendaDaySerializer(many=True))
    def get_agenda(self, meeting) -> list:
        return AgendaDaySerializer(self.context["agenda"], many=True, context=self.context).data

    @extend_schema_field(FileSerializer(many=True))
    def get_documents(self, meeting) -> list:
        documents = [
            {
                "title": d.title,
                "url": absolute(self.context, d.get_absolute_url()),
                "size": d.size,
                "content_type": d.content_type,
            }
            for d in meeting.documents.all()
        ]
        return documents

    def get_outcomes(self, meeting) -> str:
        return meeting.outcomes if meeting.is_past else ""

    @extend_schema_field(AttendanceSerializer(allow_null=True))
    def get_attendance(self, meeting):
        figures = self.context.get("figures")
        if not meeting.is_past or figures is None:
            return None
        return AttendanceSerializer(figures, context=self.context).data

    @extend_schema_field(DecisionSerializer(many=True))
    def get_decisions(self, meeting) -> list:
        if not meeting.is_past:
            return []
        return DecisionSerializer(meeting.decisions.all(), many=True, context=self.context).data


# --- Action plans and indicators ---------------------------------------------------------------


class PlanRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, plan) -> str:
        return api_url(self.context, "plan", pk=plan.pk)


class EUTargetSerializer(serializers.Serializer):
    code = serializers.CharField()
    objective = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()
    indicators_url = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    def get_objective(self, target) -> str:
        return _(target.objective)

    def get_title(self, target) -> str:
        return _(target.title)

    @extend_schema_field(OpenApiTypes.URI)
    def get_indicators_url(self, target) -> str:
        return f"{api_url(self.context, 'indicators')}?eu_target={target.code}"

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, target) -> str:
        return api_url(self.context, "eu_target", code=target.code)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, target) -> str:
        return absolute(self.context, reverse("network:target", kwargs={"code": target.code}))


class MeasurementSerializer(serializers.Serializer):
    date = serializers.DateField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    shown = serializers.CharField()
    suppressed = serializers.BooleanField()


class IndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    plan = PlanRefSerializer()
    city = serializers.SerializerMethodField()
    name = serializers.CharField()
    unit = serializers.CharField()
    counts_people = serializers.BooleanField(source="is_count_of_people")
    direction = serializers.SerializerMethodField()
    baseline_year = serializers.IntegerField()
    baseline = serializers.SerializerMethodField()
    target_year = serializers.IntegerField()
    target = serializers.SerializerMethodField()
    data_source = serializers.CharField()
    eu_target = serializers.SerializerMethodField()
    measurements = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    @extend_schema_field(CityRefSerializer)
    def get_city(self, indicator) -> dict:
        return CityRefSerializer(indicator.plan.city, context=self.context).data

    @extend_schema_field(CodeLabelSerializer)
    def get_direction(self, indicator) -> dict:
        return code_label(indicator.direction, indicator.get_direction_display())

    @extend_schema_field(PublicValueSerializer)
    def get_baseline(self, indicator) -> dict:
        return public_value(indicator.baseline_value, indicator)

    @extend_schema_field(PublicValueSerializer)
    def get_target(self, indicator) -> dict:
        return public_value(indicator.target_value, indicator)

    @extend_schema_field(
        {"type": "object", "nullable": True, "properties": {
            "code": {"type": "string"}, "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"}}}
    )  # fmt: skip
    def get_eu_target(self, indicator):
        target = indicator.eu_target
        if target is None:
            return None
        return {
            "code": target.code,
            "title": _(target.title),
            "url": api_url(self.context, "eu_target", code=target.code),
        }

    @extend_schema_field(MeasurementSerializer(many=True))
    def get_measurements(self, indicator) -> list:
        return [
            {"date": m.date, **public_value(m.value, indicator)}
            for m in indicator.measurements.all()
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, indicator) -> str:
        return api_url(self.context, "indicator", pk=indicator.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, indicator) -> str:
        return absolute(self.context, indicator.plan.get_absolute_url()) + "#indicators"


class MilestoneSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    due_date = serializers.DateField()
    done_date = serializers.DateField(allow_null=True)
    overdue = serializers.BooleanField(source="is_overdue")


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    order = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    responsible_body = serializers.CharField()
    partners = serializers.CharField()
    budget = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    funding_source = serializers.SerializerMethodField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    status = serializers.SerializerMethodField(help_text="The city's own assessment.")
    progress = serializers.IntegerField(help_text="Per cent done, as the city says.")
    validated_status = serializers.SerializerMethodField(
        help_text="As staff or critical friends validated it; null until they have."
    )
    validation_note = serializers.CharField()
    milestones = MilestoneSerializer(many=True, source="milestones.all")

    @extend_schema_field(CodeLabelSerializer(allow_null=True))
    def get_funding_source(self, action):
        source = action.funding_source
        return code_label(source.code, source.get_code_display()) if source else None

    @extend_schema_field(CodeLabelSerializer)
    def get_status(self, action) -> dict:
        return code_label(action.status, action.get_status_display())

    @extend_schema_field(CodeLabelSerializer(allow_null=True))
    def get_validated_status(self, action):
        if not action.validated_status:
            return None
        return code_label(action.validated_status, action.get_validated_status_display())


class UpdateSerializer(serializers.Serializer):
    period_label = serializers.CharField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    submitted_at = serializers.DateTimeField()
    narrative = serializers.SerializerMethodField(help_text="Its first 60 words, as the page.")

    def get_narrative(self, update) -> str:
        return Truncator(update.narrative).words(60)


class PlanListSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    city = CityRefSerializer()
    topic = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    @extend_schema_field(CodeLabelSerializer)
    def get_topic(self, plan) -> dict:
        return code_label(plan.topic, plan.get_topic_display())

    @extend_schema_field(CodeLabelSerializer)
    def get_status(self, plan) -> dict:
        return code_label(plan.status, plan.get_status_display())

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, plan) -> str:
        return api_url(self.context, "plan", pk=plan.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, plan) -> str:
        return absolute(self.context, plan.get_absolute_url())


class PlanSerializer(PlanListSerializer):
    summary = serializers.CharField()
    baseline = serializers.CharField()
    objective = serializers.SerializerMethodField()
    inspired_by = serializers.SerializerMethodField()
    actions = ActionSerializer(many=True, source="actions.all")
    indicators = serializers.SerializerMethodField()
    updates = UpdateSerializer(many=True, source="updates.all")

    @extend_schema_field(
        {"type": "object", "nullable": True, "properties": {
            "work_plan": {"type": "integer"}, "number": {"type": "integer"},
            "title": {"type": "string"}}}
    )  # fmt: skip
    def get_objective(self, plan):
        objective = plan.objective
        if objective is None or not objective.work_plan.is_published:
            return None
        return {
            "work_plan": objective.work_plan.year,
            "number": objective.number,
            "title": objective.title,
        }

    @extend_schema_field(PracticeRefSerializer(allow_null=True))
    def get_inspired_by(self, plan):
        practice = plan.inspired_by
        if practice is None or not practice.is_published:
            return None
        return PracticeRefSerializer(practice, context=self.context).data

    @extend_schema_field(IndicatorSerializer(many=True))
    def get_indicators(self, plan) -> list:
        indicators = list(plan.indicators.all())
        for indicator in indicators:
            indicator.plan = plan  # the plan is known: no query per indicator
        return IndicatorSerializer(indicators, many=True, context=self.context).data


# --- Writes ------------------------------------------------------------------------------------


class MeasurementInputSerializer(serializers.Serializer):
    date = serializers.DateField(help_text="The day the value was measured (YYYY-MM-DD).")
    value = serializers.DecimalField(max_digits=12, decimal_places=2)
    note = serializers.CharField(max_length=250, required=False, allow_blank=True, default="")


class MeasurementCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    indicator = serializers.URLField()
    date = serializers.DateField()
    value = serializers.DecimalField(max_digits=12, decimal_places=2)
    note = serializers.CharField()
