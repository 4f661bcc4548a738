from __future__ import annotations

from calendar import monthrange
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cities.models import City, Commitment
from core.models import WrittenIn

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]

# (first month, last month) of a season within the plan's year; winter straddles two years, so
# within one year's plan it means the year as a whole.
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (1, 12)}


class NetworkPriority(WrittenIn):
    """A priority of the network's strategic framework (the seed's "SAF strategy" priorities)."""

    title = models.CharField(_("title"), max_length=255, unique=True)
    framework = models.CharField(_("framework"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("network priority")
        verbose_name_plural = _("network priorities")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class StrategicObjective(WrittenIn):
    """One of the network's strategic objectives, numbered like "1.4"."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    title = models.CharField(_("title"), max_length=255)

    class Meta:
        verbose_name = _("strategic objective")
        verbose_name_plural = _("strategic objectives")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class WorkPlan(WrittenIn):
    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=YEAR_VALIDATORS)
    introduction = models.TextField(_("introduction"), blank=True)
    strategic_objectives = models.ManyToManyField(
        StrategicObjective,
        blank=True,
        related_name="work_plans",
        verbose_name=_("strategic objectives"),
        help_text=_("The network's strategic objectives this year's objectives contribute to."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published on"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(_("Work plan %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("objectives:work_plan", kwargs={"year": self.year})


class WorkPlanContact(models.Model):
    """Who to contact about the work plan, named by role rather than by person."""

    work_plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(_("role"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("work plan contact")
        verbose_name_plural = _("work plan contacts")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.role}, {self.organisation}"


class Objective(WrittenIn):
    work_plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    priority = models.ForeignKey(
        NetworkPriority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name=_("network priority"),
    )
    strategic_objectives = models.ManyToManyField(
        StrategicObjective,
        blank=True,
        related_name="objectives",
        verbose_name=_("strategic objectives"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["work_plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["work_plan", "number"], name="objective_number_per_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Activity(WrittenIn):
    """Something the working group does: an event (policy transfer, meeting, review) or work."""

    class Kind(models.TextChoices):
        POLICY_TRANSFER = "policy_transfer", _("Policy transfer")
        CRITICAL_FRIEND_REVIEW = "critical_friend_review", _("Critical friend review")
        WORKING_GROUP_MEETING = "working_group_meeting", _("Working group meeting")
        GUIDELINE = "guideline", _("Guideline development")
        ACTION_PLAN_DRAFTING = "action_plan_drafting", _("Action plan drafting")
        ADVOCACY = "advocacy", _("Advocacy")
        PROGRESS_REPORT = "progress_report", _("Progress report")

    class Season(models.TextChoices):
        SPRING = "spring", _("Spring")
        SUMMER = "summer", _("Summer")
        AUTUMN = "autumn", _("Autumn")
        WINTER = "winter", _("Winter")

    EVENT_KINDS = (Kind.POLICY_TRANSFER, Kind.CRITICAL_FRIEND_REVIEW, Kind.WORKING_GROUP_MEETING)

    objective = models.ForeignKey(
        Objective,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("objective"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    host_city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_activities",
        verbose_name=_("host city"),
    )
    season = models.CharField(_("season"), max_length=10, choices=Season.choices, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    # The rest of an activity's state (planned, in progress, done, overdue) is derived from its
    # evidence and its dates (objectives.evidence); cancelling is the one decision people record.
    is_cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Tick when the group decided not to do it; it then counts for nothing."),
    )
    participating_cities = models.ManyToManyField(
        City, blank=True, related_name="activities", verbose_name=_("participating cities")
    )
    outcomes = models.TextField(_("outcomes"), blank=True)
    stakeholders = models.ManyToManyField(
        "Stakeholder", blank=True, related_name="activities", verbose_name=_("stakeholders")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["year", "objective__number", "order", "id"]
        indexes = [
            # "What comes next" on the home page and a city's activities, by date.
            models.Index(fields=["year", "start_date"], name="activity_by_year_date_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.start_date and self.start_date.year != self.year:
            raise ValidationError({"start_date": _("The start date must fall in the year.")})
        if self.objective_id and self.objective.work_plan.year != self.year:
            raise ValidationError({"year": _("The year must be the year of the objective's plan.")})

    @property
    def is_event(self) -> bool:
        return self.kind in self.EVENT_KINDS

    def public_page_url(self) -> str:
        """Where the public reads about it: its objective in a published work plan, else the
        achievements of its year that cite it; "" when no public page shows it."""
        if self.objective_id and self.objective.work_plan.is_published:
            url = reverse("objectives:work_plan", kwargs={"year": self.objective.work_plan.year})
            return f"{url}#objective-{self.objective.number}"
        if self.achievements.exists():
            return reverse("objectives:achievements", kwargs={"year": self.year})
        return ""

    @property
    def period(self) -> tuple[date, date]:
        """The first and last day the activity is planned for: its dates, else its season
        (spring March–May, summer June–August, autumn September–November, winter the year),
        else the whole year."""
        if self.start_date:
            return self.start_date, self.end_date or self.start_date
        if self.season in SEASON_MONTHS:
            first, last = SEASON_MONTHS[self.season]
            return date(self.year, first, 1), date(self.year, last, monthrange(self.year, last)[1])
        return date(self.year, 1, 1), date(self.year, 12, 31)

    @property
    def period_label(self) -> str:
        """ "24–26 September 2019", "Spring 2020" or "2019", localised."""
        if self.start_date:
            end = self.end_date or self.start_date
            if end == self.start_date:
                return date_format(self.start_date, "j F Y")
            if (end.year, end.month) == (self.start_date.year, self.start_date.month):
                return f"{self.start_date.day}–{date_format(end, 'j F Y')}"
            return f"{date_format(self.start_date, 'j F')} – {date_format(end, 'j F Y')}"
        if self.season:
            return f"{self.get_season_display()} {self.year}"
        return str(self.year)


class Stakeholder(models.Model):
    """An institution or network the working group advocates towards or works with."""

    class Kind(models.TextChoices):
        EU_INSTITUTION = "eu_institution", _("EU institution")
        INTERNATIONAL = "international", _("International organisation")
        NETWORK = "network", _("European network")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("part of"),
    )

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class AdvocacyAction(WrittenIn):
    """Something done towards stakeholders: a contribution, a hearing, a meeting, a campaign."""

    class Kind(models.TextChoices):
        CONTRIBUTION = "contribution", _("Written contribution")
        CONSULTATION = "consultation_response", _("Consultation response")
        HEARING = "hearing", _("Hearing")
        MEETING = "meeting", _("Meeting")
        PRESENTATION = "presentation", _("Presentation")
        CAMPAIGN = "campaign", _("Campaign")

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("When it was sent, held or presented.")
    )
    link = models.URLField(
        _("link to the document"), blank=True, help_text=_("A public page or document, if any.")
    )
    stakeholders = models.ManyToManyField(
        Stakeholder,
        blank=True,
        related_name="advocacy_actions",
        verbose_name=_("addressed to"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advocacy_actions",
        verbose_name=_("activity"),
    )

    class Meta:
        verbose_name = _("advocacy action")
        verbose_name_plural = _("advocacy actions")
        ordering = ["-year", "id"]

    def __str__(self) -> str:
        return self.title


class Achievement(WrittenIn):
    """One of a year's main achievements: a narrative with its figures and sources."""

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    title = models.CharField(_("title"), max_length=300)
    narrative = models.TextField(_("narrative"))
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="achievements", verbose_name=_("activities")
    )
    advocacy_actions = models.ManyToManyField(
        AdvocacyAction, blank=True, related_name="achievements", verbose_name=_("advocacy actions")
    )
    cities = models.ManyToManyField(
        City, blank=True, related_name="achievements", verbose_name=_("cities")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        ordering = ["year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="achievement_number_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.year} – {self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("objectives:achievements", kwargs={"year": self.year})


class AchievementFigure(WrittenIn):
    """A figure quoted by an achievement, computed from the records: e.g. the city officers who
    attended the Toulouse transfer, or the cities that pledged to a principle. Its ``key`` puts
    it in the narrative as ``{key}``; ``measure`` names how it is counted (objectives.evidence)."""

    achievement = models.ForeignKey(Achievement, on_delete=models.CASCADE, related_name="figures")
    key = models.SlugField(
        _("name in the narrative"),
        max_length=40,
        help_text=_("Write it in the narrative between braces, e.g. {officers}."),
    )
    label = models.CharField(_("label"), max_length=200)
    measure = models.CharField(_("what is counted"), max_length=40)
    parameter = models.CharField(_("which ones"), max_length=40, blank=True)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("from activity"),
    )
    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("commitment"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["achievement", "key"], name="figure_key_per_achievement"
            )
        ]

    def __str__(self) -> str:
        return f"{{{self.key}}} {self.label}"


class Evidence(models.Model):
    """A record showing an activity was done: a meeting, an action plan, a guideline, a progress
    update... linked by staff. Links the records make themselves (a meeting's activity, a
    transfer's activity) count without a row here."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="evidence")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "content_type", "object_id"], name="evidence_once_per_activity"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="evidence_record_idx")]

    def __str__(self) -> str:
        return f"{self.activity}: {self.content_type.model} {self.object_id}"
