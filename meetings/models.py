from __future__ import annotations

import secrets
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField

from cities.models import City
from core.dates import months_before
from core.models import WrittenIn
from core.urls import slug_url
from objectives.models import Activity

# Participants' dietary and accessibility needs are kept this long after a meeting ends.
NEEDS_RETENTION = timedelta(days=30)
# A guest registration whose e-mail address is not confirmed within this time is deleted.
GUEST_CONFIRMATION_TIME = timedelta(days=7)


def new_secret() -> str:
    return secrets.token_urlsafe(24)


def in_zone(wall: datetime, zone_name: str) -> datetime:
    """The aware moment of a wall-clock time in a zone; ValueError for a time the clocks skip."""
    zone = ZoneInfo(zone_name)
    moment = wall.replace(tzinfo=zone)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:
        raise ValueError(wall)
    return moment


def period_label(start: date, end: date) -> str:
    """ "24–26 September 2019", "30 September – 2 October 2019" or "24 September 2019"."""
    if end == start:
        return date_format(start, "j F Y")
    if (end.year, end.month) == (start.year, start.month):
        return f"{start.day}–{date_format(end, 'j F Y')}"
    if end.year == start.year:
        return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
    return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"


class Meeting(WrittenIn):
    """An event of the working group: draft until staff publish it, then public with its agenda.

    Times are stored in UTC and shown in the host city's time zone, which is where people meet.
    """

    class Kind(models.TextChoices):
        POLICY_TRANSFER = "policy_transfer", _("Policy transfer")
        CRITICAL_FRIEND_REVIEW = "critical_friend_review", _("Critical friend review")
        WORKING_GROUP_MEETING = "working_group_meeting", _("Working group meeting")
        ONLINE_MEETING = "online_meeting", _("Online meeting")

    class GuestAccess(models.TextChoices):
        """Who registers besides the city officers: people without an account, by e-mail."""

        OFFICERS = "officers", _("City officers only")
        INVITED = "invited", _("City officers and invited guests")
        OPEN = "open", _("Open to anyone")

    # The public identity of the event in calendars: never changes, unlike the slug or the title.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("planned activity"),
    )
    # Online meetings may have no host city; their times are then shown in Brussels time.
    host_city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        verbose_name=_("host city"),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    description = models.TextField(_("description"), blank=True)
    practical_information = models.TextField(_("practical information"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    guest_access = models.CharField(
        _("guests"), max_length=10, choices=GuestAccess.choices, default=GuestAccess.OFFICERS
    )
    guests_need_approval = models.BooleanField(
        _("guest registrations need approval"), default=False
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    # Set by the services whenever what the public sees changes (details, agenda, outcomes).
    updated_at = models.DateTimeField(_("updated on"), default=timezone.now)
    # iCalendar SEQUENCE: calendar programs replace their copy when it grows.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    minutes = models.TextField(_("minutes"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="meeting_ends_after_start"
            )
        ]
        indexes = [
            # The public list and the calendar feed: published meetings by date.
            models.Index(
                fields=["starts_at"],
                condition=Q(published_at__isnull=False),
                name="meeting_published_by_start_idx",
            ),
            # Upcoming meetings: published ones that have not ended yet.
            models.Index(
                fields=["ends_at"],
                condition=Q(published_at__isnull=False),
                name="meeting_published_by_end_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("meetings:detail", self.slug)

    @property
    def time_zone(self) -> str:
        if self.host_city_id:
            return self.host_city.timezone
        return settings.TIME_ZONE

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def local(self, moment: datetime) -> datetime:
        return timezone.localtime(moment, self.zone)

    @property
    def start_date(self) -> date:
        return self.local(self.starts_at).date()

    @property
    def end_date(self) -> date:
        return self.local(self.ends_at).date()

    @property
    def days(self) -> list[date]:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=n) for n in range(count)]

    @property
    def period_label(self) -> str:
        return period_label(self.start_date, self.end_date)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def was_updated(self) -> bool:
        """Changed after it was published: the page says "updated on"."""
        return self.is_published and self.updated_at > self.published_at

    @property
    def registration_is_open(self) -> bool:
        now = timezone.now()
        if not self.is_published or self.starts_at <= now:
            return False
        return self.registration_deadline is None or now <= self.registration_deadline

    @property
    def takes_guests(self) -> bool:
        return self.guest_access != self.GuestAccess.OFFICERS

    @property
    def open_to_anyone(self) -> bool:
        return self.guest_access == self.GuestAccess.OPEN


class AgendaSession(WrittenIn):
    """A named group of agenda items, e.g. "Day 1 morning: the city's integrated plan"."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class AgendaItem(WrittenIn):
    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary")
        WORKSHOP = "workshop", _("Workshop")
        SITE_VISIT = "site_visit", _("Site visit")
        BREAK = "break", _("Break")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    session = models.ForeignKey(
        AgendaSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("session"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLENARY)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    duration = models.PositiveIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(24 * 60)]
    )
    # Items in the same room may not overlap; parallel workshops use different rooms.
    room = models.CharField(_("room or place"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["starts_at", "room", "id"]
        indexes = [
            # A meeting's timetable, in time order.
            models.Index(fields=["meeting", "starts_at"], name="agenda_item_timetable_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration)


class Speaker(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


def _document_path(document: MeetingDocument, filename: str) -> str:
    return f"meetings/{document.meeting.uid}/{filename}"


class MeetingDocument(models.Model):
    """A file shown on the meeting's page: programme, presentations, a report."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=_document_path)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:document", kwargs={"slug": self.meeting.slug, "pk": self.pk})


class GuestInvitation(models.Model):
    """A link that lets guests register for a meeting open to invited guests: personal (one
    address, one use, e-mailed by the portal) or shared (copied by staff, up to a number of
    uses). Revoked, or once the meeting starts, it works no more."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guest_invitations")
    token = models.CharField(max_length=64, unique=True, default=new_secret, editable=False)
    # A personal invitation's address; empty for a shared link.
    email = models.EmailField(_("e-mail address"), blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    max_uses = models.PositiveIntegerField(
        _("registrations it allows"), default=1, validators=[MinValueValidator(1)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("guest invitation")
        verbose_name_plural = _("guest invitations")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.email or str(_("Shared link"))

    def get_absolute_url(self) -> str:
        return reverse(
            "meetings:guest_invited", kwargs={"slug": self.meeting.slug, "token": self.token}
        )

    @property
    def is_personal(self) -> bool:
        return bool(self.email)


class RegistrationQuerySet(models.QuerySet):
    def guest_details_blank(self, *, now: datetime | None = None) -> int:
        """Blank who these guests were (name, e-mail address, organisation, needs) and the
        secret of their links; what the figures count stays (role category, city, country,
        status, attendance)."""
        now = now or timezone.now()
        return self.update(
            name="",
            email="",
            organisation="",
            role="",
            guest_key="",
            dietary_needs="",
            accessibility_needs="",
            needs_purged_at=now,
            contact_purged_at=now,
        )

    def guest_contacts_purge(self, *, now: datetime | None = None, months: int = 12) -> int:
        """Erase who guests were ``months`` after their meeting ended, and the addresses of the
        personal invitations of those meetings. Returns how many registrations were cleared."""
        now = now or timezone.now()
        cutoff = months_before(now, months)
        cleared = self.filter(
            meeting__ends_at__lt=cutoff, self_registered=True, contact_purged_at__isnull=True
        ).guest_details_blank(now=now)
        GuestInvitation.objects.filter(meeting__ends_at__lt=cutoff).exclude(email="").update(
            email="", name=""
        )
        return cleared

    def unconfirmed_guests_delete(self, *, now: datetime | None = None) -> int:
        """Guest registrations never confirmed by e-mail: deleted a week after they were made."""
        now = now or timezone.now()
        deleted, _per_model = self.filter(
            status=Registration.Status.PENDING, created_at__lt=now - GUEST_CONFIRMATION_TIME
        ).delete()
        return deleted

    def purge_expired_needs(self, *, now: datetime | None = None) -> int:
        """Delete dietary and accessibility needs 30 days after the meeting ended.

        Like Django's ``clear_expired`` for sessions: data that must not outlive its purpose.
        Returns how many registrations were cleared.
        """
        now = now or timezone.now()
        expired = self.filter(
            meeting__ends_at__lt=now - NEEDS_RETENTION, needs_purged_at__isnull=True
        ).filter(~Q(dietary_needs="") | ~Q(accessibility_needs=""))
        return expired.update(dietary_needs="", accessibility_needs="", needs_purged_at=now)


class Registration(models.Model):
    """A person registered for a meeting; with attendance recorded, the meeting's figures.

    Only what the meeting needs is kept. E-mail and needs are for the staff's eyes; the needs
    are deleted 30 days after the meeting (``participant_needs_purge``), and what identifies a
    guest a configurable time later (``guest_data_purge``).

    Guests (people without an account) register through the public form: their row waits for
    the confirmation of their e-mail address (pending), then for the staff's approval where the
    meeting asks for it, before it takes a place or a turn on the waiting list.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        PENDING = "pending", _("Awaiting e-mail confirmation")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
        DECLINED = "declined", _("Declined")

    class Kind(models.TextChoices):
        CITY_OFFICER = "city_officer", _("City officer")
        LOCAL_EXPERT = "local_expert", _("Local expert")
        NETWORK_STAFF = "network_staff", _("Network staff")
        GUEST = "guest", _("Guest (speaker, practitioner, stakeholder)")

    class GuestCategory(models.TextChoices):
        """What a guest comes as: the figures count guests by it, never by name."""

        LOCAL_EXPERT = "local_expert", _("Local expert")
        PRACTITIONER = "practitioner", _("Practitioner")
        COMMUNITY_REPRESENTATIVE = "community_representative", _("Community representative")
        RESEARCHER = "researcher", _("Researcher")
        OTHER = "other", _("Other")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_registrations",
        verbose_name=_("city"),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    kind = models.CharField(
        _("participant kind"), max_length=20, choices=Kind.choices, default=Kind.CITY_OFFICER
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    needs_purged_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Guests: their role category, where they come from (a member city is also linked as
    # ``city``), the language they read the portal's e-mails in.
    guest_category = models.CharField(
        _("role category"), max_length=30, choices=GuestCategory.choices, blank=True
    )
    place = models.CharField(_("city or town"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    language = models.CharField(_("language of the e-mails"), max_length=10, blank=True)
    # Registered by the guest through the public form (not by an officer or staff).
    self_registered = models.BooleanField(default=False, editable=False)
    invitation = models.ForeignKey(
        GuestInvitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    # The secret in the guest's links (confirm, see or cancel): blanked when their details are
    # erased, so old links stop working.
    guest_key = models.CharField(max_length=64, blank=True, editable=False)
    email_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    contact_purged_at = models.DateTimeField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    # None until staff record attendance.
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email"],
                condition=~Q(email="") & ~Q(status="cancelled"),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [
            # Places taken and the waiting list in order, under the meeting's row lock.
            models.Index(fields=["meeting", "status", "created_at"], name="registration_queue_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.meeting}"

    @property
    def is_active(self) -> bool:
        return self.status not in (self.Status.CANCELLED, self.Status.DECLINED)

    @property
    def is_guest(self) -> bool:
        return self.kind == self.Kind.GUEST

    @property
    def group(self) -> str:
        return participant_group(self.kind, self.guest_category)

    @property
    def comes_as(self) -> str:
        """ "City officer", or a guest's category: "Local expert (guest)"."""
        if self.is_guest and self.guest_category:
            return str(_("%(category)s (guest)") % {"category": self.get_guest_category_display()})
        return str(self.get_kind_display())

    @property
    def place_label(self) -> str:
        """Where the person comes from: the member city, else the town and country given."""
        if self.city_id:
            return self.city.name
        if self.place and self.country:
            return f"{self.place}, {self.country.name}"
        return self.place or (self.country.name if self.country else "")


# Guests are counted with the people of the same role: a guest local expert is a local expert;
# guests of no particular category are "guests".
GUEST_GROUPS = {
    Registration.GuestCategory.LOCAL_EXPERT: "local_expert",
    Registration.GuestCategory.PRACTITIONER: "practitioner",
    Registration.GuestCategory.COMMUNITY_REPRESENTATIVE: "community_representative",
    Registration.GuestCategory.RESEARCHER: "researcher",
    Registration.GuestCategory.OTHER: "guest",
}
# The order figures list the groups in.
PARTICIPANT_GROUPS = [
    "city_officer",
    "local_expert",
    "practitioner",
    "community_representative",
    "researcher",
    "network_staff",
    "guest",
]


def participant_group(kind: str, guest_category: str = "") -> str:
    """How a participant is counted in a meeting's figures: by kind, a guest by role category."""
    if kind == Registration.Kind.GUEST:
        return GUEST_GROUPS.get(guest_category, "guest")
    return kind


def participant_kind_noun(kind: str, count: int) -> str:
    """ "city officers" beside a figure of 35, translated with the right plural; ``kind`` is a
    participant group (``participant_group``)."""
    nouns = {
        "city_officer": ngettext("city officer", "city officers", count),
        "local_expert": ngettext("local expert", "local experts", count),
        "practitioner": ngettext("practitioner", "practitioners", count),
        "community_representative": ngettext(
            "community representative", "community representatives", count
        ),
        "researcher": ngettext("researcher", "researchers", count),
        "network_staff": ngettext(
            "member of the network staff", "members of the network staff", count
        ),
        "guest": ngettext("guest", "guests", count),
    }
    return nouns[kind]


def participant_kind_label(kind: str, count: int) -> str:
    """ "35 city officers", "1 local expert", translated with the right plural."""
    labels = {
        "city_officer": ngettext("%(count)s city officer", "%(count)s city officers", count),
        "local_expert": ngettext("%(count)s local expert", "%(count)s local experts", count),
        "practitioner": ngettext("%(count)s practitioner", "%(count)s practitioners", count),
        "community_representative": ngettext(
            "%(count)s community representative", "%(count)s community representatives", count
        ),
        "researcher": ngettext("%(count)s researcher", "%(count)s researchers", count),
        "network_staff": ngettext(
            "%(count)s member of the network staff", "%(count)s members of the network staff", count
        ),
        "guest": ngettext("%(count)s guest", "%(count)s guests", count),
    }
    return labels[kind] % {"count": count}


class Decision(models.Model):
    """Something decided at a meeting; the cities that act on it each get a follow-up."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField(_("decision"), max_length=300)
    description = models.TextField(_("details"), blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    cities = models.ManyToManyField(
        City,
        through="FollowUp",
        blank=True,
        related_name="meeting_decisions",
        verbose_name=_("cities that act on it"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title


class FollowUp(models.Model):
    """One city's part of a decision: open until the city or the staff mark it done."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="followups")
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="meeting_followups")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["decision__due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "city"], name="one_followup_per_city")
        ]
        indexes = [
            # A city's open follow-ups on its dashboard.
            models.Index(fields=["city", "status"], name="followup_city_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.city}: {self.decision}"

    @property
    def is_overdue(self) -> bool:
        due = self.decision.due_date
        return self.status == self.Status.OPEN and due is not None and due < timezone.localdate()
