from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cities.models import City
from core.models import WrittenIn
from objectives.models import Objective
from practices.models import FundingSource, Practice, Transfer
from practices.uploads import StoredFile

YEAR = [MinValueValidator(2000), MaxValueValidator(2100)]


class EUTarget(WrittenIn):
    """A headline target of the EU Roma strategic framework 2020–2030 (see eu_targets.py)."""

    code = models.SlugField(max_length=40, unique=True)
    objective = models.CharField(_("objective"), max_length=200)
    title = models.CharField(_("headline target"), max_length=300)

    class Meta:
        verbose_name = _("EU Roma framework target")
        verbose_name_plural = _("EU Roma framework targets")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class Versioned(models.Model):
    """Optimistic locking: a save names the version it started from, so two people editing at
    once never silently overwrite each other (see services.saved_with_version)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class ActionPlan(Versioned, WrittenIn):
    class Topic(models.TextChoices):
        SCHOOL_DROPOUT = "school_dropout", _("School dropout")
        EDUCATION = "education", _("Education")
        HOUSING = "housing", _("Housing")
        COMMUNITY = "community_building", _("Community building")
        EMPLOYMENT = "employment", _("Employment")
        HEALTH = "health", _("Health")
        ANTI_DISCRIMINATION = "anti_discrimination", _("Anti-discrimination")
        INTEGRATED = "integrated", _("Integrated plan")

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        ADOPTED = "adopted", _("Adopted")
        IMPLEMENTATION = "implementation", _("In implementation")
        COMPLETED = "completed", _("Completed")
        DISCONTINUED = "discontinued", _("Discontinued")

    city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="action_plans", verbose_name=_("city")
    )
    title = models.CharField(_("title"), max_length=250)
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_plans",
        verbose_name=_("objective of the working group it serves"),
    )
    inspired_by = models.ForeignKey(
        Practice,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspired_plans",
        verbose_name=_("inspired by the good practice"),
    )
    transfer = models.OneToOneField(
        Transfer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_plan",
        verbose_name=_("the transfer it came from"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFTING
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    baseline = models.TextField(_("baseline situation"), blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Public plans have a page anyone can read; private ones only the city and staff."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["city__name", "title"]
        indexes = [models.Index(fields=["city", "status"], name="plan_city_status_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actionplans:plan_public", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    COMPLETED = "completed", _("Completed")
    DROPPED = "dropped", _("Dropped")


class ValidatedStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    COMPLETED = "completed", _("Completed")
    DROPPED = "dropped", _("Dropped")
    NO_EVIDENCE = "no_evidence", _("No evidence")


class Action(Versioned, WrittenIn):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    responsible_body = models.CharField(_("responsible body"), max_length=200, blank=True)
    partners = models.CharField(_("partners"), max_length=300, blank=True)
    budget = models.DecimalField(
        _("budget (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    funding_source = models.ForeignKey(
        FundingSource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("funding source"),
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status (self-assessed)"),
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.NOT_STARTED,
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    validated_status = models.CharField(
        _("validated status"), max_length=20, choices=ValidatedStatus.choices, blank=True
    )
    validation_note = models.TextField(_("validation note"), blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    validated_at = models.DateTimeField(null=True, blank=True)
    responds_to = models.ForeignKey(
        "Finding",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followup_actions",
        verbose_name=_("answers the recommendation"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["order", "id"]
        # A plan's page lists its actions in order.
        indexes = [models.Index(fields=["plan", "order", "id"], name="action_plan_order_idx")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})


class ActionEvidence(StoredFile):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")

    class Meta(StoredFile.Meta):
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def get_absolute_url(self) -> str:
        return reverse("actionplans:evidence_file", kwargs={"pk": self.pk})


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=250)
    due_date = models.DateField(_("due"))
    done_date = models.DateField(_("done"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["done_date", "due_date"], name="milestone_overdue_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.done_date is None and self.due_date < timezone.localdate()


class Indicator(Versioned):
    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=250)
    unit = models.CharField(_("unit"), max_length=50, help_text=_("e.g. %, children, households"))
    is_count_of_people = models.BooleanField(
        _("counts people"),
        default=False,
        help_text=_("Public pages show counts of people below 10 as “fewer than 10”."),
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    baseline_value = models.DecimalField(_("baseline value"), max_digits=12, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), validators=YEAR)
    target_value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("target year"), validators=YEAR)
    data_source = models.CharField(_("data source"), max_length=250, blank=True)
    eu_target = models.ForeignKey(
        EUTarget,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("EU Roma framework target"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.baseline_year and self.target_year and self.target_year <= self.baseline_year:
            raise ValidationError(
                {"target_year": _("The target year must come after the baseline year.")}
            )


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=250, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="one_measurement_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.date})"


class ProgressUpdate(models.Model):
    """A report for one period. On submission it freezes every indicator value and action
    status, so later edits to the plan never change what was reported."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="updates")
    period_label = models.CharField(
        _("period"), max_length=50, help_text=_("e.g. 2020, first half")
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    narrative = models.TextField(_("narrative"))
    snapshot = models.JSONField(default=dict, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects the update"),
    )
    # Who saved the draft last, and when: the dashboard and the plan page show it.
    saved_at = models.DateTimeField(null=True, blank=True, editable=False)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-period_end", "-id"]
        # A plan's updates, the latest period first (the dashboard's "update due").
        indexes = [models.Index(fields=["plan", "-period_end"], name="update_plan_period_idx")]

    def __str__(self) -> str:
        return f"{self.plan}: {self.period_label}"

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Review(models.Model):
    """A critical friend review of one city's plan by officers of other cities."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reviews")
    questions = models.TextField(_("the host city's questions"))
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("visit"),
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    peers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="peer_reviews", verbose_name=_("peer team")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("critical friend review")
        verbose_name_plural = _("critical friend reviews")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(_("Review of %(plan)s") % {"plan": self.plan})

    @property
    def held_on(self):
        """The review's own date: its visit (the meeting) when it has one, else its opening."""
        if self.meeting_id is not None:
            return self.meeting.start_date
        return timezone.localdate(self.created_at)


class Finding(models.Model):
    class Section(models.TextChoices):
        BASELINE = "baseline", _("Baseline situation")
        ACTIONS = "actions", _("Actions")
        INDICATORS = "indicators", _("Indicators")
        GOVERNANCE = "governance", _("Governance and partners")
        OVERALL = "overall", _("Overall")

    class Kind(models.TextChoices):
        FINDING = "finding", _("Finding")
        RECOMMENDATION = "recommendation", _("Recommendation")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    section = models.CharField(_("plan section"), max_length=20, choices=Section.choices)
    action = models.ForeignKey(
        Action,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name=_("about the action"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Written by an invited expert from outside the portal (no account): shown by organisation.
    external_author = models.ForeignKey(
        "ExternalReviewer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    response = models.TextField(_("the host city's response"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["section", "id"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def author_label(self) -> str:
        """Who wrote it as the review shows it: a peer's name, an invited expert's organisation
        (never their e-mail address)."""
        if self.external_author_id:
            return self.external_author.shown_as
        if self.author_id:
            return self.author.display_name
        return ""


class ExternalReviewer(models.Model):
    """A person from outside the portal invited to one review, as a peer or as an evaluator of
    the plan: never an account. They sign in with single-use links sent by e-mail, which open
    that review and that plan only, while the review is open and until staff revoke them."""

    class Role(models.TextChoices):
        PEER = "peer", _("Review peer")
        EVALUATOR = "evaluator", _("Evaluator of the plan")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="external_reviewers")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("invited as"), max_length=20, choices=Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # When their access ended (revoked, or the review closed): their details are erased a set
    # time later (settings.GUEST_CONTACT_RETENTION_MONTHS).
    access_ended_at = models.DateTimeField(null=True, blank=True)
    last_signed_in_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invited expert")
        verbose_name_plural = _("invited experts")
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "email"],
                condition=models.Q(revoked_at__isnull=True, erased_at__isnull=True),
                name="one_active_invitation_per_expert_and_review",
            )
        ]

    def __str__(self) -> str:
        return self.shown_as

    @property
    def shown_as(self) -> str:
        """ "External evaluation team (evaluator of the plan)": their organisation and role."""
        return str(
            _("%(organisation)s (%(role)s)")
            % {"organisation": self.organisation, "role": self.get_role_display().lower()}
        )

    @property
    def has_access(self) -> bool:
        return (
            self.revoked_at is None
            and self.erased_at is None
            and self.review.status == Review.Status.OPEN
        )


class ExternalLink(models.Model):
    """A single-use sign-in link of an invited expert: only its hash is kept; the link itself is
    in the e-mail. Used once, expired or revoked, it opens nothing."""

    reviewer = models.ForeignKey(ExternalReviewer, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("expert's sign-in link")
        verbose_name_plural = _("experts' sign-in links")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.reviewer} ({self.created_at:%Y-%m-%d %H:%M})"
