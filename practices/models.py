from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cities.models import City
from core.models import WrittenIn
from core.urls import slug_url
from objectives.models import Activity, NetworkPriority, StrategicObjective

from .uploads import StoredFile

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


def _label(choices: type[models.TextChoices], code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:  # a code no longer offered: shown as it is stored
        return code


class Theme(models.Model):
    """One of the library's fixed themes; a row so practices can have several and be counted."""

    class Code(models.TextChoices):
        EDUCATION = "education", _("Education")
        HOUSING = "housing", _("Housing")
        EMPLOYMENT = "employment", _("Employment")
        HEALTH = "health", _("Health")
        ANTI_DISCRIMINATION = "anti-discrimination", _("Anti-discrimination")
        COMMUNITY = "community-building", _("Community building and self-organisation")
        MIGRANTS = "foreign-roma", _("Inclusion of foreign Roma and migrants")

    code = models.SlugField(_("code"), max_length=40, unique=True, choices=Code.choices)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["id"]

    def __str__(self) -> str:
        # The enumeration's label: get_code_display() builds a dict of the choices each time,
        # which a page listing a few hundred practices with their themes felt (~10 ms).
        return _label(self.Code, self.code)


class FundingSource(models.Model):
    class Code(models.TextChoices):
        MUNICIPAL = "municipal", _("Municipal budget")
        NATIONAL = "national", _("National funds")
        ESF = "esf-plus", _("European Social Fund Plus (ESF+)")
        ERDF = "erdf", _("European Regional Development Fund (ERDF)")
        OTHER = "other", _("Other")

    code = models.SlugField(_("code"), max_length=40, unique=True, choices=Code.choices)

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["id"]

    def __str__(self) -> str:
        # The enumeration's label: get_code_display() builds a dict of the choices each time,
        # which a page listing a few hundred practices with their themes felt (~10 ms).
        return _label(self.Code, self.code)


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")


# A city's officers change a practice while it is theirs to write; once submitted it is staff's.
EDITABLE_BY_CITY = {PracticeStatus.DRAFT, PracticeStatus.CHANGES_REQUESTED}


class Practice(WrittenIn):
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="practices", verbose_name=_("city")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(_("summary"), max_length=1000)
    description = models.TextField(_("full description"), blank=True)  # sanitised HTML
    themes = models.ManyToManyField(Theme, related_name="practices", verbose_name=_("themes"))
    target_group = models.CharField(_("target group"), max_length=300, blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty while the practice is ongoing."),
    )
    funding_sources = models.ManyToManyField(
        FundingSource, blank=True, related_name="practices", verbose_name=_("funding sources")
    )
    results = models.TextField(_("results"), blank=True)
    success_factors = models.TextField(_("what made it work"), blank=True)
    transferability = models.TextField(_("transferability"), blank=True)
    lessons_learnt = models.TextField(
        _("lessons learnt"), blank=True, help_text=_("Including from what did not work.")
    )
    contact_role = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("A role or a service, not a person's name."),
    )
    strategic_objectives = models.ManyToManyField(
        StrategicObjective,
        blank=True,
        related_name="practices",
        verbose_name=_("strategic objectives"),
    )
    priority = models.ForeignKey(
        NetworkPriority,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("network priority"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-published_at", "-id"]
        indexes = [
            # The public library: published practices, newest first.
            models.Index(fields=["status", "-published_at"], name="practice_library_newest_idx"),
            # Sorting by city, and a city's practices.
            models.Index(fields=["city", "status"], name="practice_city_idx"),
            # The period filter: active in a year.
            models.Index(fields=["start_year", "end_year"], name="practice_period_idx"),
            # The feed's and exports' version: published count and latest change.
            models.Index(fields=["status", "updated_at"], name="practice_feed_version_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        from .facet_counts import counted_values

        instance = super().from_db(db, field_names, values, **kwargs)
        # What the library's counts read, as stored: a save that leaves it alone keeps them.
        instance._counted_when_read = counted_values(instance)
        return instance

    def get_absolute_url(self) -> str:
        return slug_url("practices:detail", self.slug)

    def clean(self) -> None:
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    @property
    def is_published(self) -> bool:
        return self.status == PracticeStatus.PUBLISHED

    @property
    def period_label(self) -> str:
        if self.end_year is None:
            return str(_("since %(year)s (ongoing)") % {"year": self.start_year})
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"


class PracticeText(models.Model):
    """What the library searches: a practice's texts in one language it exists in, its original
    or a translation. Rebuilt from them by ``practices.search``, never written otherwise.

    PostgreSQL reads ``vector`` (stemmed with the language's ``config``, accents removed);
    SQLite, which has neither, reads ``folded`` (the texts lowercased, accents removed).
    """

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="search_texts")
    language = models.CharField(max_length=8)
    config = models.CharField(max_length=40)
    vector = SearchVectorField(null=True)
    folded = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "language"], name="one_search_text_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.practice_id} ({self.language})"


class PracticeLink(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class PracticeAttachment(StoredFile):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")

    class Meta(StoredFile.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def get_absolute_url(self) -> str:
        return reverse("practices:attachment", kwargs={"slug": self.practice.slug, "pk": self.pk})


class PracticeEvent(models.Model):
    """A state change of a practice: who moved it from what to what, when, and why."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=PracticeStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PracticeStatus.choices)
    comment = models.TextField(_("comment"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.practice}: {self.from_status} → {self.to_status}"


class Transfer(models.Model):
    """A city adopting another city's practice: the transfer record the library is known for.

    The action plan a transfer became points back here from ``actionplans`` (it comes later
    in the dependency order), so a practice shows "adapted by" and a plan "inspired by".
    """

    class Stage(models.TextChoices):
        UNDERSTAND = "understand", _("Understand")
        ADAPT = "adapt", _("Adapt")
        REUSE = "reuse", _("Re-use")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="transfers")
    city = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="transfers", verbose_name=_("adopting city")
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    adaptations = models.TextField(_("what was adapted"), blank=True)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="transfers",
        verbose_name=_("through activity"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["city__name"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "city"], name="one_transfer_per_city")
        ]

    def __str__(self) -> str:
        return f"{self.practice} → {self.city} ({self.get_stage_display()})"

    def clean(self) -> None:
        if self.practice_id and self.city_id and self.practice.city_id == self.city_id:
            raise ValidationError({"city": _("A city cannot adopt its own practice.")})


class GuidelineStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Guideline(WrittenIn):
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    topic = models.CharField(_("topic"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)  # sanitised HTML
    practices = models.ManyToManyField(
        Practice,
        blank=True,
        related_name="guidelines",
        verbose_name=_("good practices it draws on"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guidelines",
        verbose_name=_("the activity it came from"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=GuidelineStatus.choices, default=GuidelineStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("guideline")
        verbose_name_plural = _("guidelines")
        ordering = ["-published_at", "title"]
        indexes = [models.Index(fields=["status", "-published_at"], name="guideline_public_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:guideline", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == GuidelineStatus.PUBLISHED


class GuidelineAuthor(models.Model):
    """An author named by role and city (or organisation), not by personal name."""

    guideline = models.ForeignKey(Guideline, on_delete=models.CASCADE, related_name="authors")
    role = models.CharField(_("role"), max_length=200)
    city = models.ForeignKey(
        City, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("city")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.role}, {self.city or self.organisation}"


class GuidelineSection(WrittenIn):
    guideline = models.ForeignKey(Guideline, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=250)
    body = models.TextField(_("text"), blank=True)  # sanitised HTML

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class Recommendation(WrittenIn):
    section = models.ForeignKey(
        GuidelineSection, on_delete=models.CASCADE, related_name="recommendations"
    )
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("recommendation"))

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ThemeFollow(models.Model):
    """A person follows a theme: new guidelines drawing on it notify them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_themes"
    )
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="followers")

    class Meta:
        verbose_name = _("followed theme")
        verbose_name_plural = _("followed themes")
        constraints = [
            models.UniqueConstraint(fields=["user", "theme"], name="one_follow_per_theme")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.theme}"
