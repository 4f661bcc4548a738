"""The public API: read-only views over what the public pages show, each through the selectors
those pages use, and the one write, a measurement posted with a personal token."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers as drf
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from actionplans import access as plan_access
from actionplans.models import ActionPlan, EUTarget, Indicator, Measurement
from actionplans.selectors import plan_overview
from actionplans.services import measurement_add
from cities.models import City
from cities.selectors import city_list
from core.access import found_or_404
from meetings.filters import MeetingFilter
from meetings.models import Meeting
from meetings.selectors import (
    attendance_figures,
    meeting_agenda,
    meeting_detail,
    published_meetings,
)
from objectives.evidence import achievements_with_figures, progress_for, work_plan_progress
from objectives.models import Activity, WorkPlan
from objectives.selectors import achievements_for_year, all_achievements, work_plan_for_year
from practices.models import Guideline, GuidelineStatus, Practice
from practices.selectors import (
    FACET_FIELDS,
    guideline_page,
    library_facets,
    practice_page,
    practices_filtered,
    published_guidelines,
)

from . import serializers as s
from .authentication import TokenAuthentication
from .base import (
    PublicView,
    boolean,
    integer,
    license_document,
    one_of,
    page_body,
    paginate,
    paginated,
    with_license,
)
from .problems import PROBLEM_TYPE, not_found_response
from .throttling import AddressRateThrottle, TokenWriteThrottle

PAGE_PARAMS = [
    OpenApiParameter("page", int, description="Page number, from 1."),
    OpenApiParameter("page_size", int, description="Results a page, 1 to 100 (20)."),
]
PROBLEM = OpenApiResponse(description="A problem document (RFC 9457), application/problem+json.")
ERRORS = {400: PROBLEM, 404: PROBLEM, 429: PROBLEM}


def _context(request, **extra) -> dict:
    return {"request": request, **extra}


# --- The root ----------------------------------------------------------------------------------

RESOURCES = [
    "cities", "work_plans", "activities", "achievements", "practices", "guidelines",
    "meetings", "plans", "indicators", "eu_targets",
]  # fmt: skip


class RootView(PublicView):
    @extend_schema(
        summary="What the API has",
        responses=inline_serializer(
            "Root",
            {
                **{name: drf.URLField() for name in RESOURCES},
                "schema": drf.URLField(),
                "docs": drf.URLField(),
                "downloads": drf.URLField(),
                "license": s.serializers.DictField(),
            },
        ),
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        links = {name: request.build_absolute_uri(reverse(f"api:{name}")) for name in RESOURCES}
        return {
            **links,
            "schema": request.build_absolute_uri(reverse("api:schema")),
            "docs": request.build_absolute_uri(reverse("api:docs")),
            "downloads": request.build_absolute_uri(reverse("opendata:index")),
            "license": license_document(),
        }


# --- Cities ------------------------------------------------------------------------------------

MEMBERSHIPS = [code for code, _label in City.Membership.choices]


class CityListView(PublicView):
    content_apps = ("cities",)
    parsers = {
        "country": one_of(lambda: [code for code, _name in countries]),
        "membership": one_of(MEMBERSHIPS),
        "pledged": boolean,
    }

    @extend_schema(
        operation_id="cities_list",
        summary="Member cities",
        description="Every city of the network by name, with its public pledges.",
        parameters=[
            OpenApiParameter("country", str, description="ISO 3166-1 alpha-2 code, e.g. RO."),
            OpenApiParameter("membership", str, enum=MEMBERSHIPS),
            OpenApiParameter("pledged", bool, description="Only cities with a public pledge."),
            *PAGE_PARAMS,
        ],
        responses={200: paginated(s.CitySerializer, "CityPage"), **ERRORS},
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        cities = city_list(pledged=params.get("pledged", False)).prefetch_related(
            "pledges__commitment"
        )
        if "country" in params:
            cities = cities.filter(country=params["country"])
        if "membership" in params:
            cities = cities.filter(membership=params["membership"])
        page = paginate(request, cities, params)
        data = s.CitySerializer(page.items, many=True, context=_context(request)).data
        return page_body(page, data)


class CityDetailView(PublicView):
    content_apps = ("cities",)

    @extend_schema(
        summary="A city",
        responses={200: with_license(s.CitySerializer, "CityDetail"), **ERRORS},
    )
    def get(self, request, slug: str):
        return self.respond(request, slug=slug)

    def build(self, request, params, slug):
        city = found_or_404(
            City.objects.prefetch_related("pledges__commitment"),
            _("There is no city at this address."),
            slug=slug,
        )
        return {**s.CitySerializer(city, context=_context(request)).data,
                "license": license_document()}  # fmt: skip


# --- Work plans, activities, achievements ------------------------------------------------------


class WorkPlanListView(PublicView):
    content_apps = ("objectives",)

    @extend_schema(
        operation_id="work_plans_list",
        summary="Work plans",
        description="The published work plans, newest first.",
        parameters=PAGE_PARAMS,
        responses={200: paginated(s.WorkPlanListSerializer, "WorkPlanPage"), **ERRORS},
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        plans = WorkPlan.objects.filter(is_published=True).order_by("-year")
        page = paginate(request, plans, params)
        data = s.WorkPlanListSerializer(page.items, many=True, context=_context(request)).data
        return page_body(page, data)


class WorkPlanDetailView(PublicView):
    daily = True  # activities' states move with the days

    @extend_schema(
        summary="A year's work plan",
        description="Its objectives, each with its state and its activities: their state comes "
        "from the records that show they were done (objectives.evidence), not from a status "
        "typed in.",
        responses={200: with_license(s.WorkPlanSerializer, "WorkPlanDetail"), **ERRORS},
    )
    def get(self, request, year: int):
        return self.respond(request, year=year)

    def build(self, request, params, year):
        try:
            plan = work_plan_for_year(year=year)
        except WorkPlan.DoesNotExist:
            raise Http404(
                _("There is no published work plan for %(year)s.") % {"year": year}
            ) from None
        objectives = work_plan_progress(plan)
        progress = {p.activity.pk: p for o in objectives for p in o.activities}
        context = _context(request, objectives=objectives, progress=progress)
        return {**s.WorkPlanSerializer(plan, context=context).data, "license": license_document()}


def public_activities():
    """Activities the public may read: outside any work plan, or in a published one."""
    return (
        Activity.objects.filter(
            Q(objective__isnull=True) | Q(objective__work_plan__is_published=True)
        )
        .select_related("host_city", "objective__work_plan")
        .prefetch_related("participating_cities", "stakeholders")
        .order_by("year", "objective__number", "order", "id")
    )


class ActivityListView(PublicView):
    daily = True
    parsers = {"year": integer(2000, 2100), "city": None}

    @extend_schema(
        operation_id="activities_list",
        summary="Activities",
        description="The working group's activities with their state, derived from their "
        "evidence and dates.",
        parameters=[
            OpenApiParameter("year", int),
            OpenApiParameter(
                "city", str, description="A city's slug: what it hosted or took part in."
            ),  # fmt: skip
            *PAGE_PARAMS,
        ],
        responses={200: paginated(s.ActivitySerializer, "ActivityPage"), **ERRORS},
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        activities = public_activities()
        if "year" in params:
            activities = activities.filter(year=params["year"])
        if "city" in params:
            city = _city_param(params["city"])
            activities = activities.filter(
                Q(host_city=city) | Q(participating_cities=city)
            ).distinct()
        page = paginate(request, activities, params)
        context = _context(request, progress=progress_for(page.items))
        return page_body(page, s.ActivitySerializer(page.items, many=True, context=context).data)


class ActivityDetailView(PublicView):
    daily = True

    @extend_schema(
        summary="An activity",
        responses={200: with_license(s.ActivitySerializer, "ActivityDetail"), **ERRORS},
    )
    def get(self, request, pk: int):
        return self.respond(request, pk=pk)

    def build(self, request, params, pk):
        activity = found_or_404(
            public_activities(), _("There is no activity at this address."), pk=pk
        )
        context = _context(request, progress=progress_for([activity]))
        data = s.ActivitySerializer(activity, context=context).data
        return {**data, "license": license_document()}


class AchievementListView(PublicView):
    parsers = {"year": integer(2000, 2100)}

    @extend_schema(
        operation_id="achievements_list",
        summary="Achievements",
        description="The years' main achievements; their figures are counted from the records "
        "when asked (attendance, pledges, plans, guidelines); counts of people below 10 are "
        "suppressed.",
        parameters=[OpenApiParameter("year", int), *PAGE_PARAMS],
        responses={200: paginated(s.AchievementSerializer, "AchievementPage"), **ERRORS},
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        if "year" in params:
            achievements = achievements_for_year(year=params["year"])
        else:
            achievements = all_achievements()
        page = paginate(request, achievements, params)
        views = achievements_with_figures(page.items)
        context = _context(request)
        return page_body(page, s.AchievementSerializer(views, many=True, context=context).data)


class AchievementDetailView(PublicView):
    @extend_schema(
        summary="An achievement",
        responses={200: with_license(s.AchievementSerializer, "AchievementDetail"), **ERRORS},
    )
    def get(self, request, pk: int):
        return self.respond(request, pk=pk)

    def build(self, request, params, pk):
        achievement = found_or_404(
            all_achievements(), _("There is no achievement at this address."), pk=pk
        )
        view = achievements_with_figures([achievement])[0]
        data = s.AchievementSerializer(view, context=_context(request)).data
        return {**data, "license": license_document()}


# --- Practices and guidelines ------------------------------------------------------------------

LIBRARY_APPS = ("practices", "cities", "objectives")


class PracticeListView(PublicView):
    content_apps = LIBRARY_APPS
    parsers = {"q": None, "year": None, "sort": None}
    multiple = tuple(FACET_FIELDS)

    @extend_schema(
        operation_id="practices_list",
        summary="Good practices",
        description="The library: the same filters, full-text search and facets as /practices/. "
        "Repeat a filter for several values (theme=education&theme=housing). Each facet counts "
        "the practices under every other filter in force.",
        parameters=[
            OpenApiParameter("q", str, description="Full-text search (ranked on PostgreSQL)."),
            OpenApiParameter("theme", str, many=True),
            OpenApiParameter("country", str, many=True, description="ISO 3166-1 alpha-2."),
            OpenApiParameter("city", str, many=True, description="A city's slug."),
            OpenApiParameter("funding", str, many=True),
            OpenApiParameter("objective", str, many=True, description="e.g. 1.4"),
            OpenApiParameter("year", int, description="Active in that year."),
            OpenApiParameter("sort", str, enum=["relevance", "newest", "city"]),
            *PAGE_PARAMS,
        ],
        responses={
            200: paginated(
                s.PracticeListSerializer, "PracticePage", facets=s.FacetSerializer(many=True)
            ),
            **ERRORS,
        },
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        filters = request.GET.copy()
        for name in ("page", "page_size"):
            filters.pop(name, None)
        filterset, practices = practices_filtered(params=filters)
        if not filterset.is_valid():
            raise ValidationError({name: list(e) for name, e in filterset.form.errors.items()})
        facets, total = library_facets(params=filters, filterset=filterset)
        page = paginate(request, practices, params, count=total)
        data = s.PracticeListSerializer(page.items, many=True, context=_context(request)).data
        facet_data = [
            {
                "name": facet.name,
                "label": facet.label,
                "options": [o.__dict__ for o in facet.options],
            }
            for facet in facets
        ]
        return page_body(page, data, facets=facet_data)


class PracticeDetailView(PublicView):
    content_apps = LIBRARY_APPS

    @extend_schema(
        summary="A good practice",
        responses={200: with_license(s.PracticeSerializer, "PracticeDetail"), **ERRORS},
    )
    def get(self, request, slug: str):
        return self.respond(request, slug=slug)

    def build(self, request, params, slug):
        found = found_or_404(
            Practice.objects.all(),
            _("There is no good practice at this address."),
            slug=slug,
            status="published",
        )
        practice = practice_page(practice=found)
        data = s.PracticeSerializer(practice, context=_context(request)).data
        return {**data, "license": license_document()}


class GuidelineListView(PublicView):
    content_apps = ("practices",)

    @extend_schema(
        operation_id="guidelines_list",
        summary="Guidelines",
        description="Published guidelines, newest first.",
        parameters=PAGE_PARAMS,
        responses={200: paginated(s.GuidelineListSerializer, "GuidelinePage"), **ERRORS},
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        page = paginate(request, published_guidelines(), params)
        data = s.GuidelineListSerializer(page.items, many=True, context=_context(request)).data
        return page_body(page, data)


class GuidelineDetailView(PublicView):
    content_apps = LIBRARY_APPS

    @extend_schema(
        summary="A guideline",
        description="With its sections and their recommendations.",
        responses={200: with_license(s.GuidelineSerializer, "GuidelineDetail"), **ERRORS},
    )
    def get(self, request, slug: str):
        return self.respond(request, slug=slug)

    def build(self, request, params, slug):
        found = found_or_404(
            Guideline.objects.all(),
            _("There is no guideline at this address."),
            slug=slug,
            status=GuidelineStatus.PUBLISHED,
        )
        guideline = guideline_page(guideline=found)
        if guideline.activity is not None and not _activity_is_public(guideline.activity):
            guideline.activity = None
        data = s.GuidelineSerializer(guideline, context=_context(request)).data
        return {**data, "license": license_document()}


def _activity_is_public(activity) -> bool:
    return activity.objective_id is None or activity.objective.work_plan.is_published


# --- Meetings ----------------------------------------------------------------------------------

MEETING_APPS = ("meetings", "cities", "objectives")


class MeetingListView(PublicView):
    content_apps = MEETING_APPS
    parsers = {"kind": None, "city": None, "year": None, "upcoming": boolean}

    @extend_schema(
        operation_id="meetings_list",
        summary="Meetings",
        description="Published meetings, soonest first (upcoming=true: those not over yet).",
        parameters=[
            OpenApiParameter("kind", str, enum=[k for k, _l in Meeting.Kind.choices]),
            OpenApiParameter("city", str, description="The host city's slug."),
            OpenApiParameter("year", int),
            OpenApiParameter("upcoming", bool),
            *PAGE_PARAMS,
        ],
        responses={200: paginated(s.MeetingListSerializer, "MeetingPage"), **ERRORS},
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        data = {k: params[k] for k in ("kind", "city", "year") if k in params}
        filters = MeetingFilter(data or None, queryset=published_meetings())
        if data and not filters.is_valid():
            raise ValidationError({name: list(e) for name, e in filters.form.errors.items()})
        meetings = filters.qs.order_by("starts_at", "id")
        if "upcoming" in params:
            now = timezone.now()
            meetings = (
                meetings.filter(ends_at__gte=now)
                if params["upcoming"]
                else meetings.filter(ends_at__lt=now)
            )
        page = paginate(request, meetings, params)
        data = s.MeetingListSerializer(page.items, many=True, context=_context(request)).data
        return page_body(page, data)


class MeetingDetailView(PublicView):
    content_apps = MEETING_APPS

    @extend_schema(
        summary="A meeting",
        description="With its published agenda (days, items, sessions, speakers), documents "
        "and, once it is over, its outcomes, attendance figures and decisions.",
        responses={200: with_license(s.MeetingSerializer, "MeetingDetail"), **ERRORS},
    )
    def get(self, request, slug: str):
        return self.respond(request, slug=slug)

    def build(self, request, params, slug):
        meeting = found_or_404(
            meeting_detail(),
            _("There is no meeting at this address."),
            slug=slug,
            published_at__isnull=False,
        )
        context = _context(
            request,
            agenda=meeting_agenda(meeting=meeting),
            figures=attendance_figures(meetings=[meeting]).get(meeting.pk)
            if meeting.is_past
            else None,
            activity_public=meeting.activity is not None and _activity_is_public(meeting.activity),
        )
        data = s.MeetingSerializer(meeting, context=context).data
        return {**data, "license": license_document()}


# --- Action plans, indicators, EU targets ------------------------------------------------------

PLAN_APPS = ("actionplans", "cities", "practices", "objectives")


def _city_param(slug: str) -> City:
    city = City.objects.filter(slug=slug).first()
    if city is None:
        raise ValidationError({"city": [_("There is no city “%(slug)s”.") % {"slug": slug[:60]}]})
    return city


def public_plans():
    return ActionPlan.objects.filter(is_public=True).select_related("city")


class PlanListView(PublicView):
    content_apps = PLAN_APPS
    parsers = {
        "city": None,
        "status": one_of([c for c, _l in ActionPlan.Status.choices]),
        "topic": one_of([c for c, _l in ActionPlan.Topic.choices]),
    }

    @extend_schema(
        operation_id="plans_list",
        summary="Public action plans",
        description="The action plans cities made public, by city and title.",
        parameters=[
            OpenApiParameter("city", str, description="A city's slug."),
            OpenApiParameter("status", str, enum=[c for c, _l in ActionPlan.Status.choices]),
            OpenApiParameter("topic", str, enum=[c for c, _l in ActionPlan.Topic.choices]),
            *PAGE_PARAMS,
        ],
        responses={200: paginated(s.PlanListSerializer, "PlanPage"), **ERRORS},
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        plans = public_plans().order_by("city__name", "title", "id")
        if "city" in params:
            plans = plans.filter(city=_city_param(params["city"]))
        for name in ("status", "topic"):
            if name in params:
                plans = plans.filter(**{name: params[name]})
        page = paginate(request, plans, params)
        data = s.PlanListSerializer(page.items, many=True, context=_context(request)).data
        return page_body(page, data)


class PlanDetailView(PublicView):
    content_apps = PLAN_APPS
    daily = True  # overdue milestones

    @extend_schema(
        summary="A public action plan",
        description="Its actions with their milestones, its indicators with their measurements "
        "(counts of people below 10 suppressed, as on the plan's page) and its submitted "
        "progress updates.",
        responses={200: with_license(s.PlanSerializer, "PlanDetail"), **ERRORS},
    )
    def get(self, request, pk: int):
        return self.respond(request, pk=pk)

    def build(self, request, params, pk):
        try:
            public = plan_access.get_public_plan(pk=pk)
        except Http404:
            raise Http404(_("There is no public action plan at this address.")) from None
        plan = plan_overview(plan=public)
        data = s.PlanSerializer(plan, context=_context(request)).data
        return {**data, "license": license_document()}


def public_indicators():
    measurements = Measurement.objects.order_by("date", "id")
    return (
        Indicator.objects.filter(plan__is_public=True)
        .select_related("plan__city", "eu_target")
        .prefetch_related(Prefetch("measurements", queryset=measurements))
        .order_by("plan__city__name", "plan_id", "id")
    )


class IndicatorListView(PublicView):
    content_apps = PLAN_APPS
    parsers = {"plan": integer(1, 2**62), "city": None, "eu_target": None}

    @extend_schema(
        operation_id="indicators_list",
        summary="Indicators of public plans",
        parameters=[
            OpenApiParameter("plan", int, description="A public plan's id."),
            OpenApiParameter("city", str, description="A city's slug."),
            OpenApiParameter("eu_target", str, description="An EU Roma framework target's code."),
            *PAGE_PARAMS,
        ],
        responses={200: paginated(s.IndicatorSerializer, "IndicatorPage"), **ERRORS},
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        indicators = public_indicators()
        if "plan" in params:
            indicators = indicators.filter(plan_id=params["plan"])
        if "city" in params:
            indicators = indicators.filter(plan__city=_city_param(params["city"]))
        if "eu_target" in params:
            code = params["eu_target"]
            if not EUTarget.objects.filter(code=code).exists():
                raise ValidationError(
                    {"eu_target": [_("There is no EU target “%(code)s”.") % {"code": code[:60]}]}
                )
            indicators = indicators.filter(eu_target__code=code)
        page = paginate(request, indicators, params)
        data = s.IndicatorSerializer(page.items, many=True, context=_context(request)).data
        return page_body(page, data)


class IndicatorDetailView(PublicView):
    content_apps = PLAN_APPS

    @extend_schema(
        summary="An indicator of a public plan",
        responses={200: with_license(s.IndicatorSerializer, "IndicatorDetail"), **ERRORS},
    )
    def get(self, request, pk: int):
        return self.respond(request, pk=pk)

    def build(self, request, params, pk):
        indicator = found_or_404(
            public_indicators(), _("There is no indicator of a public plan at this address."), pk=pk
        )
        data = s.IndicatorSerializer(indicator, context=_context(request)).data
        return {**data, "license": license_document()}


class EUTargetListView(PublicView):
    content_apps = ("actionplans",)

    @extend_schema(
        operation_id="eu_targets_list",
        summary="EU Roma framework targets",
        description="The headline targets of the EU Roma strategic framework 2020–2030 that "
        "plans' indicators may serve.",
        parameters=PAGE_PARAMS,
        responses={200: paginated(s.EUTargetSerializer, "EUTargetPage"), **ERRORS},
    )
    def get(self, request):
        return self.respond(request)

    def build(self, request, params):
        page = paginate(request, EUTarget.objects.order_by("id"), params)
        data = s.EUTargetSerializer(page.items, many=True, context=_context(request)).data
        return page_body(page, data)


class EUTargetDetailView(PublicView):
    content_apps = ("actionplans",)

    @extend_schema(
        summary="An EU Roma framework target",
        responses={200: with_license(s.EUTargetSerializer, "EUTargetDetail"), **ERRORS},
    )
    def get(self, request, code: str):
        return self.respond(request, code=code)

    def build(self, request, params, code):
        target = found_or_404(
            EUTarget.objects.all(), _("There is no EU target at this address."), code=code
        )
        data = s.EUTargetSerializer(target, context=_context(request)).data
        return {**data, "license": license_document()}


# --- The write: a measurement posted by a city system ------------------------------------------


class MeasurementCreateView(APIView):
    """POST /api/v1/indicators/<id>/measurements/ with ``Authorization: Bearer <token>``."""

    authentication_classes = [TokenAuthentication]
    throttle_classes = [AddressRateThrottle, TokenWriteThrottle]

    @extend_schema(
        summary="Add a measurement to an indicator of your city",
        description="With a personal API token (workspace, “API tokens”). The measurement goes "
        "through the same checks and history as the form: one a date, an indicator of the "
        "token's city. Another city's public indicator: 403, a private one: 404 (as if it did "
        "not exist); a missing, wrong, expired or revoked "
        "token: 401.",
        request=s.MeasurementInputSerializer,
        responses={
            201: s.MeasurementCreatedSerializer,
            400: PROBLEM,
            401: PROBLEM,
            403: PROBLEM,
            404: PROBLEM,
            429: PROBLEM,
        },
    )
    def post(self, request, pk: int):
        token = request.auth
        if token is None:
            return _unauthenticated(request)
        indicator = found_or_404(
            Indicator.objects.select_related("plan__city"),
            _("There is no indicator at this address."),
            pk=pk,
        )
        if indicator.plan.city_id != token.city_id:
            if not indicator.plan.is_public:  # as the forms do: another city's private ids
                raise Http404(_("There is no indicator at this address."))  # do not exist
            raise PermissionDenied(
                _("This token writes to the indicators of %(city)s only.")
                % {"city": token.city.name}
            )
        if not plan_access.can_edit(request.user, indicator.plan):
            raise PermissionDenied(_("The token's account no longer works for this city."))
        given = s.MeasurementInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            measurement = measurement_add(
                indicator=indicator, data=dict(given.validated_data), by=request.user
            )
        except DjangoValidationError as error:
            raise ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        body = {
            "id": measurement.pk,
            "indicator": request.build_absolute_uri(
                reverse("api:indicator", kwargs={"pk": indicator.pk})
            ),
            "date": measurement.date,
            "value": measurement.value,
            "note": measurement.note,
        }
        return Response(body, status=201)


def _unauthenticated(request):
    from rest_framework.exceptions import NotAuthenticated

    raise NotAuthenticated(_("Send your token: “Authorization: Bearer <token>”."))


# --- Anything else under /api/ -----------------------------------------------------------------


class NotFoundView(APIView):
    """Any address under /api/ that the API does not have: a problem document, for every
    method."""

    authentication_classes: list = []
    schema = None  # not part of the OpenAPI description

    def handle(self, request, *args, **kwargs):
        return not_found_response(request)

    get = post = put = patch = delete = head = options = handle


__all__ = ["OpenApiTypes", "PROBLEM_TYPE"]
