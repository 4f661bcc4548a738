"""Writes for meetings: the meeting, its agenda, registrations, attendance and decisions.

Each service validates what it is given and raises ``ValidationError`` keyed by form field, so a
view can show the message next to the field. Changes to what the public sees mark the meeting as
updated (the page says "updated on", calendars get a new SEQUENCE).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from cities.access import is_officer_of
from cities.models import City
from core.languages import CONTENT_LANGUAGE_CODES, language_in_sentence
from core.storage import stored_file_delete
from core.uploads import validate_upload
from fragments.versions import content_changed
from objectives.models import Activity
from translations.models import Translation
from translations.services import translation_for

from . import notices
from .models import (
    AgendaItem,
    AgendaSession,
    Decision,
    FollowUp,
    GuestInvitation,
    Meeting,
    MeetingDocument,
    Registration,
    Speaker,
    in_zone,
    new_secret,
)
from .tasks import guest_email_send, guest_invitation_send, registration_promoted_notify

# Documents: what people open in a browser or an office suite (core.uploads.FILE_TYPES), up to
# the MEETING_DOCUMENT_MAX_SIZE setting.
DOCUMENT_TYPES = ["pdf", "docx", "pptx", "xlsx", "odt", "odp", "png", "jpg"]


def _locked_meeting(pk: int) -> Meeting:
    """The meeting's row, locked until the transaction ends: one writer per meeting at a time.

    ``of=("self",)``: PostgreSQL cannot lock the nullable side (the host city) of the join.
    """
    return Meeting.objects.select_for_update(of=("self",)).select_related("host_city").get(pk=pk)


def _changed(meeting: Meeting) -> None:
    """What the public sees changed: stamp it and, once published, bump the calendar sequence."""
    meeting.updated_at = timezone.now()
    fields = ["updated_at"]
    if meeting.is_published:
        meeting.sequence += 1
        fields.append("sequence")
    Meeting.objects.filter(pk=meeting.pk).update(
        **{name: getattr(meeting, name) for name in fields}
    )
    # Bulk updates (agenda moves, attendance) send no signals: cached pages must go all the same.
    content_changed("meetings")


def _agenda_changed(meeting: Meeting) -> None:
    """The agenda (or the meeting's dates) changed: the people registered hear of it once
    published."""
    _changed(meeting)
    if meeting.is_published:
        notices.agenda_changed(meeting)


def _local(meeting: Meeting, moment: datetime) -> str:
    local = meeting.local(moment)
    return f"{date_format(local, 'DATE_FORMAT')} {time_format(local, 'H:i')}"


# --- Meetings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingData:
    """What staff enter about a meeting; times are aware (the form applies the city's zone)."""

    kind: str
    title: str
    host_city: City | None
    starts_at: datetime
    ends_at: datetime
    venue: str = ""
    address: str = ""
    description: str = ""
    practical_information: str = ""
    capacity: int | None = None
    registration_deadline: datetime | None = None
    activity: Activity | None = None
    guest_access: str = Meeting.GuestAccess.OFFICERS
    guests_need_approval: bool = False
    original_language: str = "en"


def _meeting_validate(data: MeetingData, *, meeting: Meeting | None = None) -> None:
    errors: dict[str, str] = {}
    if data.kind not in Meeting.Kind.values:
        errors["kind"] = _("Choose a kind of meeting.")
    if not data.title.strip():
        errors["title"] = _("Give the meeting a title.")
    if data.host_city is None and data.kind != Meeting.Kind.ONLINE_MEETING:
        errors["host_city"] = _("Choose the city that hosts the meeting.")
    if data.ends_at < data.starts_at:
        errors["ends_at"] = _("The meeting cannot end before it starts.")
    elif data.ends_at - data.starts_at > timedelta(days=14):
        errors["ends_at"] = _("A meeting lasts two weeks at most; check the end date.")
    if data.capacity is not None and data.capacity < 1:
        errors["capacity"] = _("The capacity is at least one place; leave it empty for no limit.")
    if data.registration_deadline and data.registration_deadline > data.starts_at:
        errors["registration_deadline"] = _("Registration must close before the meeting starts.")
    if data.guest_access not in Meeting.GuestAccess.values:
        errors["guest_access"] = _("Choose who may register.")
    if data.activity is not None and data.activity.kind not in Activity.EVENT_KINDS:
        errors["activity"] = _("Choose a planned event (a transfer, a review or a meeting).")
    if data.original_language not in CONTENT_LANGUAGE_CODES:
        errors["original_language"] = _("Choose the language the texts are written in.")
    elif (
        meeting is not None
        and meeting.original_language != data.original_language
        and translation_for(meeting, data.original_language) is not None
    ):
        errors["original_language"] = _(
            "There is a translation into %(language)s: delete it first (Translations), then "
            "say the original is in %(language)s."
        ) % {"language": language_in_sentence(data.original_language)}
    if meeting is not None and "ends_at" not in errors:
        outside = sum(
            1
            for item in meeting.items.all()
            if item.starts_at < data.starts_at or item.ends_at > data.ends_at
        )
        if outside:
            errors["starts_at"] = ngettext(
                "%(count)s agenda item would fall outside the new dates; move it first.",
                "%(count)s agenda items would fall outside the new dates; move them first.",
                outside,
            ) % {"count": outside}
    if errors:
        raise ValidationError(errors)


def _unique_slug(base: str) -> str:
    base = slugify(base)[:100].strip("-") or "meeting"
    slug, n = base, 1
    while Meeting.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _fields(data: MeetingData) -> dict:
    return {
        "kind": data.kind,
        "title": data.title.strip(),
        "host_city": data.host_city,
        "venue": data.venue.strip(),
        "address": data.address.strip(),
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "description": data.description.strip(),
        "practical_information": data.practical_information.strip(),
        "capacity": data.capacity,
        "registration_deadline": data.registration_deadline,
        "activity": data.activity,
        "guest_access": data.guest_access,
        "guests_need_approval": data.guests_need_approval,
        "original_language": data.original_language,
    }


@transaction.atomic
def meeting_create(*, data: MeetingData, by: User) -> Meeting:
    _meeting_validate(data)
    meeting = Meeting(**_fields(data))
    # A readable, stable address: "braga-critical-friend-review-2019".
    place = data.host_city.slug if data.host_city else "online"
    kind = data.kind.replace("_", "-")
    meeting.slug = _unique_slug(f"{place}-{kind}-{meeting.start_date.year}")
    meeting.save()
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, data: MeetingData, by: User) -> Meeting:
    meeting = _locked_meeting(meeting.pk)
    _meeting_validate(data, meeting=meeting)
    language = meeting.original_language
    for name, value in _fields(data).items():
        setattr(meeting, name, value)
    meeting.save()
    if meeting.original_language != language:
        _agenda_language_follows(meeting, old=language)
    _agenda_changed(meeting)
    # More places may free the waiting list.
    _promote_waiting(meeting)
    return meeting


def _agenda_language_follows(meeting: Meeting, *, old: str) -> None:
    """The sessions and items written in the meeting's former language are said to be in its
    new one (those already translated into the new language keep theirs)."""
    new = meeting.original_language
    for parts in (meeting.sessions.all(), meeting.items.all()):
        translated = Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(parts.model), language=new
        ).values("object_id")
        parts.filter(original_language=old).exclude(pk__in=translated).update(original_language=new)


@transaction.atomic
def meeting_publish(*, meeting: Meeting, by: User) -> Meeting:
    meeting = _locked_meeting(meeting.pk)
    if meeting.is_published:
        raise ValidationError(_("This meeting is already published."))
    now = timezone.now()
    meeting.published_at = now
    meeting.updated_at = now
    meeting.save(update_fields=["published_at", "updated_at"])
    notices.meeting_published(meeting)
    return meeting


@transaction.atomic
def meeting_unpublish(*, meeting: Meeting, by: User) -> Meeting:
    """Back to draft: only while nobody has registered, so no one loses a place silently."""
    meeting = _locked_meeting(meeting.pk)
    if not meeting.is_published:
        raise ValidationError(_("This meeting is a draft already."))
    if meeting.registrations.exclude(status=Registration.Status.CANCELLED).exists():
        raise ValidationError(
            _("People have registered for this meeting; it cannot go back to draft.")
        )
    meeting.published_at = None
    meeting.save(update_fields=["published_at"])
    return meeting


# --- Agenda -----------------------------------------------------------------------------


@transaction.atomic
def agenda_session_save(
    *,
    meeting: Meeting,
    title: str,
    description: str = "",
    session: AgendaSession | None = None,
    by: User,
) -> AgendaSession:
    if not title.strip():
        raise ValidationError({"title": _("Give the session a title.")})
    if session is None:
        session = AgendaSession(meeting=meeting, original_language=meeting.original_language)
    elif session.meeting_id != meeting.pk:
        raise ValidationError(_("This session belongs to another meeting."))
    session.title = title.strip()
    session.description = description.strip()
    session.save()
    _agenda_changed(meeting)
    return session


@transaction.atomic
def agenda_session_delete(*, session: AgendaSession, by: User) -> None:
    meeting = session.meeting
    session.delete()  # its items stay, outside any session
    _agenda_changed(meeting)


@dataclass(frozen=True)
class ItemData:
    kind: str
    title: str
    day: date
    start_time: time
    duration: int
    room: str = ""
    description: str = ""
    session: AgendaSession | None = None
    speakers: Sequence[tuple[str, str]] = ()  # (name, role)


def _same_room(room: str) -> Q:
    return Q(room__iexact=room.strip())


def _item_validate(
    *, meeting: Meeting, data: ItemData, item: AgendaItem | None = None
) -> tuple[datetime, datetime]:
    """The item's start and end, if it fits the meeting's dates and its room is free."""
    errors: dict[str, str] = {}
    if data.kind not in AgendaItem.Kind.values:
        errors["kind"] = _("Choose a kind of item.")
    if not data.title.strip():
        errors["title"] = _("Give the item a title.")
    if not 5 <= data.duration <= 24 * 60:
        errors["duration"] = _("An item lasts between 5 minutes and 24 hours.")
    if data.session is not None and data.session.meeting_id != meeting.pk:
        errors["session"] = _("Choose a session of this meeting.")
    if errors:
        raise ValidationError(errors)

    try:
        starts_at = in_zone(datetime.combine(data.day, data.start_time), meeting.time_zone)
    except ValueError:
        raise ValidationError(
            {
                "start_time": _(
                    "This time does not exist in %(zone)s: the clocks change that night."
                )
                % {"zone": meeting.time_zone}
            }
        ) from None
    ends_at = starts_at + timedelta(minutes=data.duration)
    if starts_at < meeting.starts_at or ends_at > meeting.ends_at:
        message = _(
            "This item is outside the meeting, which runs from %(start)s to %(end)s "
            "(local time in %(place)s)."
        ) % {
            "start": _local(meeting, meeting.starts_at),
            "end": _local(meeting, meeting.ends_at),
            "place": meeting.host_city or meeting.time_zone,
        }
        if data.day not in meeting.days:
            field = "day"
        elif starts_at < meeting.starts_at or starts_at >= meeting.ends_at:
            field = "start_time"
        else:
            field = "duration"
        raise ValidationError({field: message})

    others = meeting.items.filter(_same_room(data.room)).filter(
        starts_at__lt=ends_at, starts_at__gte=starts_at - timedelta(days=1)
    )
    if item is not None:
        others = others.exclude(pk=item.pk)
    for other in others.order_by("starts_at"):
        if other.ends_at > starts_at:
            where = data.room.strip() or _("the main room")
            raise ValidationError(
                {
                    "start_time": _(
                        "This overlaps “%(title)s” (%(start)s–%(end)s) in %(room)s. "
                        "Choose another time or another room."
                    )
                    % {
                        "title": other.title,
                        "start": time_format(meeting.local(other.starts_at), "H:i"),
                        "end": time_format(meeting.local(other.ends_at), "H:i"),
                        "room": where,
                    }
                }
            )
    return starts_at, ends_at


def _speakers_set(item: AgendaItem, speakers: Iterable[tuple[str, str]]) -> None:
    item.speakers.all().delete()
    Speaker.objects.bulk_create(
        Speaker(item=item, name=name.strip(), role=role.strip(), order=n)
        for n, (name, role) in enumerate(speakers)
        if name.strip()
    )


@transaction.atomic
def agenda_item_create(*, meeting: Meeting, data: ItemData, by: User) -> AgendaItem:
    # One writer per meeting at a time, so two overlapping items cannot both pass the check.
    meeting = _locked_meeting(meeting.pk)
    starts_at, _ends = _item_validate(meeting=meeting, data=data)
    item = AgendaItem.objects.create(
        meeting=meeting,
        session=data.session,
        kind=data.kind,
        title=data.title.strip(),
        description=data.description.strip(),
        starts_at=starts_at,
        duration=data.duration,
        room=data.room.strip(),
        original_language=meeting.original_language,
    )
    _speakers_set(item, data.speakers)
    _agenda_changed(meeting)
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, data: ItemData, by: User) -> AgendaItem:
    meeting = _locked_meeting(item.meeting_id)
    starts_at, _ends = _item_validate(meeting=meeting, data=data, item=item)
    item.session = data.session
    item.kind = data.kind
    item.title = data.title.strip()
    item.description = data.description.strip()
    item.starts_at = starts_at
    item.duration = data.duration
    item.room = data.room.strip()
    item.save()
    _speakers_set(item, data.speakers)
    _agenda_changed(meeting)
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, by: User) -> None:
    meeting = item.meeting
    item.delete()
    _agenda_changed(meeting)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, direction: str, by: User) -> AgendaItem:
    """Swap an item with the one before or after it in the same room on the same day.

    The two keep the time slot they share: the first of them starts when the earlier one
    started, the second follows after the same gap as before.
    """
    if direction not in ("up", "down"):
        raise ValidationError(_("Move an item up or down."))
    meeting = _locked_meeting(item.meeting_id)
    item = AgendaItem.objects.get(pk=item.pk)
    day = meeting.local(item.starts_at).date()
    same_day = [
        other
        for other in meeting.items.filter(_same_room(item.room)).order_by("starts_at", "id")
        if meeting.local(other.starts_at).date() == day
    ]
    index = next(n for n, other in enumerate(same_day) if other.pk == item.pk)
    neighbour_index = index - 1 if direction == "up" else index + 1
    if not 0 <= neighbour_index < len(same_day):
        raise ValidationError(
            _("This item is already the first of its day.")
            if direction == "up"
            else _("This item is already the last of its day.")
        )
    first, second = sorted([item, same_day[neighbour_index]], key=lambda i: i.starts_at)
    gap = second.starts_at - first.ends_at
    second_new_start = first.starts_at
    first_new_start = second_new_start + timedelta(minutes=second.duration) + gap
    # Together they still span exactly the time they spanned, so nothing else can overlap.
    second.starts_at, first.starts_at = second_new_start, first_new_start
    AgendaItem.objects.bulk_update([first, second], ["starts_at"])
    _agenda_changed(meeting)
    return item


@transaction.atomic
def agenda_duplicate(*, source: Meeting, target: Meeting, by: User) -> tuple[int, int]:
    """Copy another meeting's agenda as a start: day n of the source becomes day n here.

    Returns (items copied, items left out because the target has fewer days or hours).
    """
    target = _locked_meeting(target.pk)
    if source.pk == target.pk:
        raise ValidationError({"source": _("Choose another meeting than this one.")})
    if target.items.exists():
        raise ValidationError(
            {"source": _("This meeting already has an agenda; copy only into an empty agenda.")}
        )
    source_days = source.days
    sessions: dict[int, AgendaSession] = {}
    copied = skipped = 0
    for item in source.items.select_related("session").prefetch_related("speakers"):
        local = source.local(item.starts_at)
        day_index = (local.date() - source_days[0]).days
        day = target.start_date + timedelta(days=day_index)
        try:
            starts_at = in_zone(datetime.combine(day, local.time()), target.time_zone)
        except ValueError:
            skipped += 1
            continue
        ends_at = starts_at + timedelta(minutes=item.duration)
        if starts_at < target.starts_at or ends_at > target.ends_at:
            skipped += 1
            continue
        session = None
        if item.session_id:
            if item.session_id not in sessions:
                sessions[item.session_id] = AgendaSession.objects.create(
                    meeting=target,
                    title=item.session.title,
                    description=item.session.description,
                    original_language=item.session.original_language,
                )
            session = sessions[item.session_id]
        copy = AgendaItem.objects.create(
            meeting=target,
            session=session,
            kind=item.kind,
            title=item.title,
            description=item.description,
            starts_at=starts_at,
            duration=item.duration,
            room=item.room,
            original_language=item.original_language,
        )
        _speakers_set(copy, [(s.name, s.role) for s in item.speakers.all()])
        copied += 1
    if not copied and skipped:
        raise ValidationError(
            {"source": _("None of its items fits within this meeting's dates and times.")}
        )
    _agenda_changed(target)
    return copied, skipped


# --- Documents --------------------------------------------------------------------------


@transaction.atomic
def document_add(*, meeting: Meeting, title: str, file: UploadedFile, by: User) -> MeetingDocument:
    """A public document of the meeting, checked as every upload is (core.uploads); stored
    under its title, with the extension of the type its content is."""
    if not title.strip():
        raise ValidationError({"title": _("Give the document a title.")})
    try:
        checked = validate_upload(
            file, allowed=DOCUMENT_TYPES, max_size=settings.MEETING_DOCUMENT_MAX_SIZE
        )
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    document = MeetingDocument(
        meeting=meeting, title=title.strip(), content_type=checked.mime, size=file.size
    )
    name = f"{slugify(title)[:60] or 'document'}.{checked.extension}"
    document.file.save(name, file, save=False)
    document.save()
    _changed(meeting)
    return document


@transaction.atomic
def document_delete(*, document: MeetingDocument, by: User) -> None:
    meeting = document.meeting
    # After the commit, and not while a backup copies the files (core/storage.py).
    stored_file_delete(document.file.name, storage=document.file.storage)
    document.delete()
    _changed(meeting)


# --- Registrations ----------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantData:
    name: str
    city: City | None
    kind: str = Registration.Kind.CITY_OFFICER
    organisation: str = ""
    role: str = ""
    email: str = ""
    dietary_needs: str = ""
    accessibility_needs: str = ""


def _participant_validate(*, meeting: Meeting, data: ParticipantData, by: User) -> None:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = _("Give the participant's name.")
    if data.kind not in Registration.Kind.values:
        errors["kind"] = _("Choose what the participant comes as.")
    if not by.is_staff:
        if data.city is None or not is_officer_of(by, data.city.pk):
            errors["city"] = _("You can register people of your own city only.")
        if not data.email.strip():
            errors["email"] = _("Give an e-mail address, so the staff can reach the participant.")
        if data.kind not in (Registration.Kind.CITY_OFFICER, Registration.Kind.LOCAL_EXPERT):
            errors["kind"] = _("Officers register city officers and local experts.")
    email = data.email.strip().lower()
    if (
        email
        and "email" not in errors
        and meeting.registrations.filter(email__iexact=email)
        .exclude(status=Registration.Status.CANCELLED)
        .exists()
    ):
        errors["email"] = _("This person is already registered for this meeting.")
    if errors:
        raise ValidationError(errors)


def _participant_fields(data: ParticipantData) -> dict:
    return {
        "name": data.name.strip(),
        "organisation": data.organisation.strip(),
        "city": data.city,
        "role": data.role.strip(),
        "kind": data.kind,
        "email": data.email.strip().lower(),
        "dietary_needs": data.dietary_needs.strip(),
        "accessibility_needs": data.accessibility_needs.strip(),
    }


def _registration_closed(meeting: Meeting, *, now, deadline_applies: bool) -> str | None:
    """Why nobody may register for the meeting now (or None): a draft, a meeting that has
    started, a deadline that passed (for those it applies to)."""
    if not meeting.is_published:
        return _("Registration opens when the meeting is published.")
    if meeting.starts_at <= now:
        return _("This meeting has started; registration is closed.")
    if deadline_applies and meeting.registration_deadline and now > meeting.registration_deadline:
        return _("Registration closed on %(date)s.") % {
            "date": _local(meeting, meeting.registration_deadline)
        }
    return None


def _take_place(meeting: Meeting, registration: Registration, *, now) -> None:
    """A place while there is one, else the end of the waiting list (not saved). The caller
    holds the meeting's row lock, so two people asking for the last place are served one after
    the other: one gets it, the other waits."""
    confirmed = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
    full = meeting.capacity is not None and confirmed >= meeting.capacity
    registration.status = Registration.Status.WAITING if full else Registration.Status.CONFIRMED
    registration.status_changed_at = now


def _already_registered() -> ValidationError:
    return ValidationError({"email": _("This person is already registered for this meeting.")})


def registration_create(*, meeting: Meeting, data: ParticipantData, by: User) -> Registration:
    """Register someone: a place while there is one, else the waiting list.

    The meeting's row is locked while places are counted, so two people asking for the last
    place at once are served one after the other: one gets it, the other waits.
    Officers register people of their own cities until the deadline; staff anyone, any time
    before the meeting starts.
    """
    try:
        with transaction.atomic():
            meeting = _locked_meeting(meeting.pk)
            now = timezone.now()
            closed = _registration_closed(meeting, now=now, deadline_applies=not by.is_staff)
            if closed:
                raise ValidationError(closed)
            _participant_validate(meeting=meeting, data=data, by=by)
            user = by if data.email.strip().lower() == by.email.lower() else None
            registration = Registration(
                meeting=meeting,
                user=user,
                registered_by=by,
                created_at=now,
                **_participant_fields(data),
            )
            _take_place(meeting, registration, now=now)
            registration.save()
            notices.registration_changed(registration)
            return registration
    except IntegrityError:
        # The unique e-mail constraint caught a double submission the check above raced with.
        raise _already_registered() from None


def _promote_waiting(meeting: Meeting) -> list[Registration]:
    """Give freed places to the waiting list in order. The caller holds the meeting's lock."""
    if meeting.starts_at <= timezone.now():
        return []
    waiting = meeting.registrations.filter(status=Registration.Status.WAITING).order_by(
        "created_at", "id"
    )
    if meeting.capacity is not None:
        confirmed = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
        waiting = waiting[: max(meeting.capacity - confirmed, 0)]
    promoted = list(waiting)
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at"])
        if registration.user_id:
            notices.registration_changed(registration, kind="registration_promoted")
        elif registration.self_registered:  # a guest: their e-mail, with their links
            guest_email_send.delay_on_commit(registration.pk, "promoted")
        else:  # someone registered by staff without an account: the e-mail of their registration
            registration_promoted_notify.delay_on_commit(registration.pk)
    return promoted


def _cancel(meeting: Meeting, registration: Registration) -> list[Registration]:
    """Cancel (the caller checked who may); a freed place goes to the waiting list in order.
    The caller holds the meeting's lock. Returns the registrations promoted."""
    registration.status = Registration.Status.CANCELLED
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    return _promote_waiting(meeting)


@transaction.atomic
def registration_cancel(*, registration: Registration, by: User) -> list[Registration]:
    """Cancel a registration; a freed place goes to the first on the waiting list.

    Returns the registrations promoted from the waiting list.
    """
    meeting = _locked_meeting(registration.meeting_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("This registration is cancelled already."))
    if meeting.starts_at <= timezone.now() and not by.is_staff:
        raise ValidationError(_("This meeting has started; ask the staff to cancel."))
    if not by.is_staff and (
        registration.self_registered or not is_officer_of(by, registration.city_id)
    ):
        raise ValidationError(_("You can cancel registrations of your own city only."))
    promoted = _cancel(meeting, registration)
    if registration.self_registered:
        guest_email_send.delay_on_commit(registration.pk, "cancelled")
    elif registration.user_id != by.pk:  # who cancelled their own registration knows it
        notices.registration_changed(registration)
    return promoted


@transaction.atomic
def attendance_record(*, meeting: Meeting, attended: Iterable[Registration], by: User) -> int:
    """Mark who came among the confirmed participants (the others did not). Returns the count."""
    ids = {registration.pk for registration in attended}
    confirmed = meeting.registrations.filter(status=Registration.Status.CONFIRMED)
    if ids - set(confirmed.values_list("pk", flat=True)):
        raise ValidationError({"attended": _("Choose confirmed participants of this meeting.")})
    confirmed.filter(pk__in=ids).update(attended=True)
    confirmed.exclude(pk__in=ids).update(attended=False)
    _changed(meeting)
    return len(ids)


@transaction.atomic
def attendee_add(*, meeting: Meeting, data: ParticipantData, by: User) -> Registration:
    """Staff add someone who came without registering: confirmed and attended."""
    if not by.is_staff:
        raise ValidationError(_("Only the staff record attendance."))
    _participant_validate(meeting=meeting, data=data, by=by)
    now = timezone.now()
    registration = Registration.objects.create(
        meeting=meeting,
        registered_by=by,
        status=Registration.Status.CONFIRMED,
        attended=True,
        created_at=now,
        status_changed_at=now,
        **_participant_fields(data),
    )
    _changed(meeting)
    return registration


# --- Guests: people without an account ----------------------------------------------------


@dataclass(frozen=True)
class GuestData:
    """What a guest gives on the public form. Nothing about ethnic origin, ever."""

    name: str
    email: str
    place: str
    country: str
    guest_category: str
    language: str
    organisation: str = ""
    dietary_needs: str = ""
    accessibility_needs: str = ""


@dataclass(frozen=True)
class GuestAttempt:
    """What became of a guest's form: a new registration waiting for its e-mail confirmation,
    or ``again``: the address already has one (its details were e-mailed to it once more)."""

    registration: Registration
    again: bool = False


def _invitation_usable(invitation: GuestInvitation, *, meeting: Meeting, email: str) -> str | None:
    """Why the invitation cannot be used (or None). The caller holds the meeting's lock."""
    if invitation.meeting_id != meeting.pk or invitation.revoked_at is not None:
        return _("This invitation link no longer works. Ask the network staff for a new one.")
    if invitation.is_personal and invitation.email.lower() != email:
        return _("This invitation is personal: register with the address it was sent to.")
    used = invitation.registrations.exclude(
        status__in=[Registration.Status.CANCELLED, Registration.Status.DECLINED]
    ).count()
    if used >= invitation.max_uses:
        return _("This invitation link has been used as many times as it allows.")
    return None


def _member_city(place: str, country: str) -> City | None:
    """The member city a guest comes from, when the town they give is one."""
    return City.objects.filter(name__iexact=place.strip(), country=country).first()


def guest_registration_start(
    *, meeting: Meeting, data: GuestData, invitation: GuestInvitation | None = None
) -> GuestAttempt:
    """A guest asks to register: a pending registration that takes no place until its e-mail
    address is confirmed through the link e-mailed to it. An address already registered for
    the meeting gets no second one: its details are e-mailed to it again (at most a few times
    an hour), and whoever asked learns no more than that."""
    email = data.email.strip().lower()
    try:
        with transaction.atomic():
            meeting = _locked_meeting(meeting.pk)
            now = timezone.now()
            if meeting.guest_access == Meeting.GuestAccess.OFFICERS:
                raise ValidationError(_("This meeting does not take guest registrations."))
            closed = _registration_closed(meeting, now=now, deadline_applies=True)
            if closed:
                raise ValidationError(closed)
            existing = (
                meeting.registrations.filter(email__iexact=email)
                .exclude(status=Registration.Status.CANCELLED)
                .first()
            )
            if existing is not None:
                return GuestAttempt(existing, again=True)
            if meeting.guest_access == Meeting.GuestAccess.INVITED and invitation is None:
                raise ValidationError(_("Guests of this meeting register through an invitation."))
            if invitation is not None:
                invitation = GuestInvitation.objects.select_for_update().get(pk=invitation.pk)
                refused = _invitation_usable(invitation, meeting=meeting, email=email)
                if refused:
                    raise ValidationError(refused)
            errors = {}
            if data.guest_category not in Registration.GuestCategory.values:
                errors["guest_category"] = _("Choose what you come as.")
            if not data.name.strip():
                errors["name"] = _("Give your name.")
            if errors:
                raise ValidationError(errors)
            registration = Registration.objects.create(
                meeting=meeting,
                kind=Registration.Kind.GUEST,
                status=Registration.Status.PENDING,
                self_registered=True,
                invitation=invitation,
                guest_key=new_secret(),
                name=data.name.strip(),
                organisation=data.organisation.strip(),
                place=data.place.strip(),
                country=data.country,
                city=_member_city(data.place, data.country),
                guest_category=data.guest_category,
                language=data.language,
                email=email,
                dietary_needs=data.dietary_needs.strip(),
                accessibility_needs=data.accessibility_needs.strip(),
                created_at=now,
                status_changed_at=now,
            )
            guest_email_send.delay_on_commit(registration.pk, "confirm")
            return GuestAttempt(registration)
    except IntegrityError:
        # Two submissions of one address at once: the constraint kept one.
        raise _already_registered() from None


def guest_registration_remind(*, registration: Registration) -> None:
    """E-mail a guest's registration to its address once more (the form was sent again)."""
    guest_email_send.delay_on_commit(registration.pk, "again")


@transaction.atomic
def guest_registration_confirm(*, registration: Registration) -> Registration:
    """The guest followed the link in their e-mail: the place counts from now on, or waits for
    the staff's approval where the meeting asks for it."""
    meeting = _locked_meeting(registration.meeting_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status != Registration.Status.PENDING:
        return registration  # confirmed before: the link works, nothing changes
    now = timezone.now()
    if meeting.starts_at <= now:
        raise ValidationError(_("This meeting has started; registration is closed."))
    registration.email_confirmed_at = now
    if meeting.guests_need_approval:
        registration.status = Registration.Status.AWAITING_APPROVAL
        registration.status_changed_at = now
        event = "awaiting_approval"
    else:
        _take_place(meeting, registration, now=now)
        event = registration.status
    registration.save(update_fields=["status", "status_changed_at", "email_confirmed_at"])
    _changed_registrations(meeting)
    guest_email_send.delay_on_commit(registration.pk, event)
    return registration


def _changed_registrations(meeting: Meeting) -> None:
    """Places changed: the public page's places left must show it."""
    content_changed("meetings")


@transaction.atomic
def guest_registration_approve(*, registration: Registration, by: User) -> Registration:
    """Staff accept a guest: a place while there is one, else the waiting list."""
    meeting = _locked_meeting(registration.meeting_id)
    registration = Registration.objects.get(pk=registration.pk)
    if not by.is_staff:
        raise ValidationError(_("Only the staff approve guests."))
    if registration.status != Registration.Status.AWAITING_APPROVAL:
        raise ValidationError(_("This registration is not waiting for approval."))
    closed = _registration_closed(meeting, now=timezone.now(), deadline_applies=False)
    if closed:
        raise ValidationError(closed)
    _take_place(meeting, registration, now=timezone.now())
    registration.save(update_fields=["status", "status_changed_at"])
    _changed_registrations(meeting)
    guest_email_send.delay_on_commit(registration.pk, registration.status)
    return registration


@transaction.atomic
def guest_registration_decline(*, registration: Registration, by: User) -> list[Registration]:
    """Staff decline a guest (waiting for approval, or even with a place: it goes to the next
    on the waiting list). The guest is told. Returns the registrations promoted."""
    meeting = _locked_meeting(registration.meeting_id)
    registration = Registration.objects.get(pk=registration.pk)
    if not by.is_staff:
        raise ValidationError(_("Only the staff decline guests."))
    if not registration.self_registered or registration.status not in (
        Registration.Status.AWAITING_APPROVAL,
        Registration.Status.CONFIRMED,
        Registration.Status.WAITING,
    ):
        raise ValidationError(_("This registration cannot be declined now."))
    freed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.DECLINED
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    promoted = _promote_waiting(meeting) if freed else []
    _changed_registrations(meeting)
    guest_email_send.delay_on_commit(registration.pk, "declined")
    return promoted


@transaction.atomic
def guest_registration_cancel(*, registration: Registration) -> list[Registration]:
    """The guest cancels through their link (the link is the proof): a freed place goes to the
    waiting list. Returns the registrations promoted."""
    meeting = _locked_meeting(registration.meeting_id)
    registration = Registration.objects.get(pk=registration.pk)
    if not registration.is_active:
        raise ValidationError(_("This registration is cancelled already."))
    if meeting.starts_at <= timezone.now():
        raise ValidationError(_("This meeting has started; write to the network staff to cancel."))
    promoted = _cancel(meeting, registration)
    _changed_registrations(meeting)
    guest_email_send.delay_on_commit(registration.pk, "cancelled")
    return promoted


@transaction.atomic
def guest_registration_erase(*, registration: Registration) -> Registration:
    """A guest's details erased at their request: the registration is cancelled if it is
    still active (a freed place goes to the waiting list); only what the figures count stays
    (role category, city, country, attendance). Their links stop working."""
    meeting = _locked_meeting(registration.meeting_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.is_active and meeting.starts_at > timezone.now():
        _cancel(meeting, registration)
    Registration.objects.filter(pk=registration.pk).guest_details_blank()
    _changed_registrations(meeting)
    registration.refresh_from_db()
    return registration


@dataclass(frozen=True)
class GuestInvitationData:
    """A personal invitation (an address: one use) or a shared link (a number of uses)."""

    email: str = ""
    name: str = ""
    max_uses: int = 1


@transaction.atomic
def guest_invitation_create(
    *, meeting: Meeting, data: GuestInvitationData, by: User
) -> GuestInvitation:
    meeting = _locked_meeting(meeting.pk)
    email = data.email.strip().lower()
    if meeting.guest_access != Meeting.GuestAccess.INVITED:
        raise ValidationError(
            _("Invitations are for meetings open to invited guests: change who may register first.")
        )
    if meeting.starts_at <= timezone.now():
        raise ValidationError(_("This meeting has started."))
    if (
        email
        and meeting.guest_invitations.filter(email__iexact=email, revoked_at__isnull=True).exists()
    ):
        raise ValidationError({"email": _("This address already has an invitation.")})
    if not email and data.max_uses < 1:
        raise ValidationError({"max_uses": _("A shared link allows at least one registration.")})
    invitation = GuestInvitation.objects.create(
        meeting=meeting,
        email=email,
        name=data.name.strip(),
        max_uses=1 if email else data.max_uses,
        created_by=by,
    )
    if email:
        guest_invitation_send.delay_on_commit(invitation.pk)
    return invitation


@transaction.atomic
def guest_invitation_revoke(*, invitation: GuestInvitation, by: User) -> GuestInvitation:
    """The link works no more; guests who registered through it keep their registration."""
    invitation = GuestInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.revoked_at is not None:
        raise ValidationError(_("This invitation is revoked already."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


# --- Minutes, outcomes, decisions -------------------------------------------------------


@transaction.atomic
def meeting_outcomes_update(*, meeting: Meeting, minutes: str, outcomes: str, by: User) -> Meeting:
    meeting.minutes = minutes.strip()
    meeting.outcomes = outcomes.strip()
    meeting.save(update_fields=["minutes", "outcomes"])
    _changed(meeting)
    return meeting


@dataclass(frozen=True)
class DecisionData:
    title: str
    description: str = ""
    due_date: date | None = None
    cities: Sequence[City] = ()


def _decision_validate(data: DecisionData) -> None:
    if not data.title.strip():
        raise ValidationError({"title": _("Write down the decision.")})


def _followups_set(decision: Decision, cities: Iterable[City]) -> None:
    """One follow-up per city; done follow-ups of cities kept stay done."""
    wanted = {city.pk for city in cities}
    decision.followups.exclude(city_id__in=wanted).delete()
    have = set(decision.followups.values_list("city_id", flat=True))
    FollowUp.objects.bulk_create(
        FollowUp(decision=decision, city_id=city_id) for city_id in sorted(wanted - have)
    )


@transaction.atomic
def decision_create(*, meeting: Meeting, data: DecisionData, by: User) -> Decision:
    _decision_validate(data)
    decision = Decision.objects.create(
        meeting=meeting,
        title=data.title.strip(),
        description=data.description.strip(),
        due_date=data.due_date,
    )
    _followups_set(decision, data.cities)
    _changed(meeting)
    return decision


@transaction.atomic
def decision_update(*, decision: Decision, data: DecisionData, by: User) -> Decision:
    _decision_validate(data)
    decision.title = data.title.strip()
    decision.description = data.description.strip()
    decision.due_date = data.due_date
    decision.save()
    _followups_set(decision, data.cities)
    _changed(decision.meeting)
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision, by: User) -> None:
    meeting = decision.meeting
    decision.delete()
    _changed(meeting)


@transaction.atomic
def followup_complete(*, followup: FollowUp, by: User) -> FollowUp:
    followup = FollowUp.objects.select_for_update().get(pk=followup.pk)
    if not by.is_staff and not is_officer_of(by, followup.city_id):
        raise ValidationError(_("Only the city's officers or the staff close its follow-ups."))
    if followup.status == FollowUp.Status.DONE:
        raise ValidationError(_("This follow-up is done already."))
    followup.status = FollowUp.Status.DONE
    followup.done_at = timezone.now()
    followup.done_by = by
    followup.save(update_fields=["status", "done_at", "done_by"])
    return followup
