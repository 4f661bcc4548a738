"""Meeting pages: public ones, officers' registration, and the staff's workspace tools.

Every view finds its objects through ``meetings.access``; forms with errors answer 400.
"""

from __future__ import annotations

import csv
import hashlib
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import condition, require_POST

from accounts.sign_in import as_too_many, over_limit
from core.exports import spreadsheet_safe
from core.middleware import accepts_uploads
from core.storage import StorageUnavailable, file_response
from core.views import (
    Attempt,
    add_service_errors,
    attempt_save,
    form_page,
    form_status,
    storage_unavailable,
)
from fragments.pages import not_kept, public_page
from fragments.versions import cached_for_content
from objectives.models import Activity
from translations.reading import localize, localized

from . import services
from .access import (
    cities_of,
    followup_for_user,
    guest_registration_for_staff,
    guest_registration_from_confirm_link,
    guest_registration_from_link,
    invitation_for_guests,
    invitation_for_staff,
    is_officer,
    is_organiser,
    meeting_for_guests,
    meeting_for_organisers,
    meeting_for_registration,
    meeting_for_staff,
    meeting_for_visitor,
    officer_required,
    registration_for_user,
    staff_required,
)
from .calendar import calendar_name, meetings_calendar
from .filters import MeetingFilter
from .forms import (
    AgendaItemForm,
    AttendanceForm,
    DecisionForm,
    DocumentForm,
    DuplicateAgendaForm,
    GuestInvitationForm,
    GuestRegistrationForm,
    MeetingForm,
    OutcomesForm,
    RegistrationForm,
    SessionForm,
    SpeakerFormSet,
    speakers_from,
)
from .guests import registration_token
from .models import (
    GUEST_CONFIRMATION_TIME,
    AgendaItem,
    AgendaSession,
    Decision,
    GuestInvitation,
    Meeting,
    Registration,
)
from .personal_data import guest_registration_export
from .selectors import (
    activities_without_meeting,
    agenda_sources,
    attendance_candidates,
    attendance_figures,
    calendar_meetings,
    calendar_version,
    decisions_for_meeting,
    followups_carried_to,
    guests_for_meeting,
    invitations_for_meeting,
    meeting_agenda,
    meeting_detail,
    meeting_places,
    meetings_for_staff,
    meetings_open_for_registration,
    meetings_upcoming_and_past,
    open_followups_for_cities,
    published_meetings,
    registrations_for_cities,
    registrations_for_meeting,
    upcoming_registrations_for_cities,
)

PAST_PER_PAGE = 20
# What the public meeting pages show comes from these apps (the work plan: a meeting's activity).
MEETING_APPS = ["meetings", "cities", "objectives"]


def _refused(request: HttpRequest, error: ValidationError, *, back: str) -> HttpResponse:
    """A button whose action the service refused: say why, with the way back. 400."""
    return render(
        request, "meetings/refused.html", {"errors": error.messages, "back": back}, status=400
    )


def _next_or(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    # A path of this site only: redirect() would read any other word as a view's name.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _object_or_404(queryset, message: str, **lookup):
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404(message)
    return found


# --- Public pages -----------------------------------------------------------------------


@public_page(apps=MEETING_APPS, per="minute", params=[*MeetingFilter.base_filters, "page"])
def meeting_list(request: HttpRequest) -> HttpResponse:
    filters = MeetingFilter(request.GET or None, queryset=published_meetings())
    upcoming, past = meetings_upcoming_and_past(meetings=filters.qs)
    past_page = Paginator(past, PAST_PER_PAGE).get_page(request.GET.get("page"))
    if (filters.is_bound and filters.form.errors) or request.GET.get(
        "page", str(past_page.number)
    ) != str(past_page.number):
        not_kept(request)  # a value it ignored or a page it does not have

    def past_with_figures() -> list[Meeting]:
        meetings = localize(past_page.object_list, request=request)
        figures = attendance_figures(meetings=meetings)
        for meeting in meetings:
            meeting.figures = figures.get(meeting.pk)
        return meetings

    # Only the filters' own parameters: the pagination links carry them, and the cached
    # fragments are keyed on them (unknown parameters must not make new cache entries).
    query = QueryDict(mutable=True)
    for name in MeetingFilter.base_filters:
        if name in request.GET:
            query.setlist(name, request.GET.getlist(name))
    query_string = query.urlencode()
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "filter": filters,
            # The lists are a cached fragment: read only when it is rendered again.
            "upcoming": SimpleLazyObject(lambda: localize(upcoming, request=request)),
            "past_page": past_page,
            "past_meetings": SimpleLazyObject(past_with_figures),
            "query": query_string,
            "filter_key": hashlib.sha256(query_string.encode()).hexdigest()[:16],
            "is_filtered": bool(filters.is_bound and any(filters.form.cleaned_data.values())),
        },
    )


def _agenda_in_language(request: HttpRequest, meeting: Meeting) -> list:
    """The meeting's timetable, its sessions and items in the visitor's language."""
    agenda = meeting_agenda(meeting=meeting)
    blocks = [block for day in agenda for block in day.blocks]
    sessions = [block.session for block in blocks if block.session is not None]
    localize([*sessions, *(item for block in blocks for item in block.items)], request=request)
    return agenda


def _carried_in_language(request: HttpRequest, meeting: Meeting) -> list:
    """Open follow-ups of earlier meetings, those meetings' titles in the visitor's language."""
    carried = list(followups_carried_to(meeting=meeting, public=True))
    localize([followup.decision.meeting for followup in carried], request=request)
    return carried


@public_page(apps=MEETING_APPS, per="minute")
def meeting_page(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = localized(
        meeting_for_visitor(request.user, slug=slug, queryset=meeting_detail()), request=request
    )
    member = is_officer(request.user)
    context = {
        "meeting": meeting,
        # Read only when the cached outcomes, agenda and follow-ups are rendered again.
        "agenda": SimpleLazyObject(lambda: _agenda_in_language(request, meeting)),
        "places": meeting_places(meeting=meeting),
        "show_minutes": member,
        "can_register": member and meeting.registration_is_open,
        "guest_form": meeting.open_to_anyone and meeting.registration_is_open,
        "is_organiser": is_organiser(request.user, meeting),
    }
    if meeting.is_past:
        context["figures"] = SimpleLazyObject(
            lambda: attendance_figures(meetings=[meeting]).get(meeting.pk)
        )
    else:
        context["carried"] = SimpleLazyObject(lambda: _carried_in_language(request, meeting))
    if member:
        context["my_registrations"] = list(
            registrations_for_cities(meeting=meeting, cities=cities_of(request.user))
        )
    return render(request, "meetings/meeting_detail.html", context)


def document_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    meeting = meeting_for_visitor(request.user, slug=slug)
    document = _object_or_404(meeting.documents.all(), _("There is no such document."), pk=pk)
    return file_response(
        document.file,
        content_type=document.content_type,
        filename=document.file.name.rsplit("/", 1)[-1],
        as_attachment=False,
    )


# --- iCalendar feeds (conditional GET: ETag and Last-Modified) --------------------------


def _feed_meeting(request: HttpRequest, slug: str) -> Meeting | None:
    """The meeting a per-meeting feed shows, looked up once per request."""
    if not hasattr(request, "_feed_meeting"):
        try:
            request._feed_meeting = meeting_for_visitor(request.user, slug=slug)
        except Http404:
            request._feed_meeting = None
    return request._feed_meeting


def _meeting_etag(request: HttpRequest, slug: str) -> str | None:
    meeting = _feed_meeting(request, slug)
    if meeting is None:
        return None
    version = f"{meeting.uid}:{meeting.sequence}:{meeting.updated_at.isoformat()}:{get_language()}"
    return hashlib.sha256(version.encode()).hexdigest()[:32]


def _meeting_modified(request: HttpRequest, slug: str):
    meeting = _feed_meeting(request, slug)
    return meeting.updated_at if meeting else None


def _calendar_version(request: HttpRequest) -> tuple[int, object]:
    """Looked up once per request, shared by the ETag and the Last-Modified functions."""
    if not hasattr(request, "_calendar_version"):
        request._calendar_version = calendar_version(today=timezone.localdate())
    return request._calendar_version


def _feed_etag(request: HttpRequest) -> str:
    count, latest = _calendar_version(request)
    version = (
        f"{count}:{latest.isoformat() if latest else ''}:{timezone.localdate()}:{get_language()}"
    )
    return hashlib.sha256(version.encode()).hexdigest()[:32]


def _feed_modified(request: HttpRequest):
    return _calendar_version(request)[1]


def _ics_body(request: HttpRequest, meetings, *, name: str) -> bytes:
    return meetings_calendar(
        meetings,
        name=name,
        url_for=lambda m: request.build_absolute_uri(m.get_absolute_url()),
        calendar_url=request.build_absolute_uri(),
    )


def _ics_response(body: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


@public_page(apps=MEETING_APPS, per="day")
@condition(etag_func=_feed_etag, last_modified_func=_feed_modified)
def calendar_all(request: HttpRequest) -> HttpResponse:
    # Hundreds of meetings take long to serialise: the body is kept until a meeting changes
    # or the day (and with it the window of meetings it holds) moves on.
    today = timezone.localdate()
    body = cached_for_content(
        f"calendar:{get_language()}:{request.scheme}:{request.get_host()}:{today}",
        lambda: _ics_body(request, calendar_meetings(today=today), name=calendar_name()),
        apps=["meetings", "cities"],
    )
    return _ics_response(body, filename="meetings.ics")


@public_page(apps=MEETING_APPS)
@condition(etag_func=_meeting_etag, last_modified_func=_meeting_modified)
def calendar_meeting(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _feed_meeting(request, slug)
    if meeting is None:
        raise Http404(_("There is no meeting at this address."))
    return _ics_response(
        _ics_body(request, [meeting], name=calendar_name(meeting)), filename=f"{meeting.slug}.ics"
    )


# --- Registration (officers and staff) --------------------------------------------------


@login_required
def registration_new(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_registration(request.user, slug=slug)
    user = request.user
    cities = cities_of(user)
    own = list(cities[:2])
    initial = {"kind": Registration.Kind.CITY_OFFICER}
    if not user.is_staff and len(own) == 1:
        # Most often people register themselves: start from their own details.
        initial.update(name=user.get_full_name(), email=user.email, city=own[0])
    open_to_user = meeting.registration_is_open or (
        user.is_staff and meeting.is_published and not meeting.starts_at <= timezone.now()
    )
    form = RegistrationForm(request.POST or None, user=user, cities=cities, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                meeting=meeting, data=form.to_data(), by=user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if registration.status == Registration.Status.WAITING:
                messages.warning(
                    request,
                    _("The meeting is full: %(name)s is on the waiting list.")
                    % {"name": registration.name},
                )
            else:
                messages.success(
                    request, _("%(name)s is registered.") % {"name": registration.name}
                )
            return redirect("meetings:register", slug=meeting.slug)
    return render(
        request,
        "meetings/registration_form.html",
        {
            "meeting": meeting,
            "form": form,
            "open_to_user": open_to_user,
            "places": meeting_places(meeting=meeting),
            "registrations": list(registrations_for_cities(meeting=meeting, cities=cities)),
        },
        status=form_status(form),
    )


@require_POST
@login_required
def registration_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_registration(request.user, slug=slug)
    registration = registration_for_user(request.user, meeting=meeting, pk=pk)
    back = _next_or(request, reverse("meetings:register", kwargs={"slug": meeting.slug}))
    try:
        promoted = services.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        return _refused(request, error, back=back)
    messages.success(
        request, _("The registration of %(name)s is cancelled.") % {"name": registration.name}
    )
    for other in promoted:
        messages.info(
            request,
            _("%(name)s moves up from the waiting list.") % {"name": other.name},
        )
    return redirect(back)


# --- Workspace: the signed-in list ------------------------------------------------------


@officer_required
def workspace_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_staff:
        return render(
            request,
            "meetings/workspace/staff_list.html",
            {
                "meetings": list(meetings_for_staff()),
                "activities": list(activities_without_meeting()),
            },
        )
    cities = cities_of(user)
    return render(
        request,
        "meetings/workspace/officer_list.html",
        {
            "open_meetings": list(meetings_open_for_registration()),
            "registrations": list(upcoming_registrations_for_cities(cities=cities)),
            "followups": list(open_followups_for_cities(cities=cities)),
        },
    )


@require_POST
@officer_required
def followup_done(request: HttpRequest, pk: int) -> HttpResponse:
    followup = followup_for_user(request.user, pk=pk)
    back = _next_or(request, reverse("meetings_workspace:list"))
    try:
        services.followup_complete(followup=followup, by=request.user)
    except ValidationError as error:
        return _refused(request, error, back=back)
    messages.success(
        request, _("Follow-up done: %(decision)s") % {"decision": followup.decision.title}
    )
    return redirect(back)


# --- Workspace: the staff's meeting tools -----------------------------------------------


def _activity_from_query(request: HttpRequest) -> Activity | None:
    raw = request.GET.get("activity")
    if not raw:
        return None
    activity = None
    if raw.isdigit() and len(raw) < 12:
        activity = (
            Activity.objects.filter(pk=int(raw), kind__in=Activity.EVENT_KINDS)
            .select_related("host_city")
            .first()
        )
    if activity is None:
        raise Http404(_("There is no such planned event."))
    return activity


@staff_required
def meeting_new(request: HttpRequest) -> HttpResponse:
    activity = _activity_from_query(request)
    return form_page(
        request,
        form_class=MeetingForm,
        form_kwargs={"initial": MeetingForm.initial_for_activity(activity) if activity else {}},
        save=lambda form: services.meeting_create(data=form.to_data(), by=request.user),
        success=_("Meeting created as a draft. Now build its agenda."),
        done_url=lambda meeting: reverse("meetings_workspace:agenda", args=[meeting.slug]),
        template="meetings/workspace/meeting_form.html",
        context={"meeting": None, "activity": activity},
    )


@staff_required
def meeting_edit(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return form_page(
        request,
        form_class=MeetingForm,
        form_kwargs={"edit_object": meeting},
        save=lambda form: services.meeting_update(
            meeting=meeting, data=form.to_data(), by=request.user
        ),
        success=_("The meeting is saved."),
        done_url=reverse("meetings_workspace:manage", kwargs={"slug": meeting.slug}),
        template="meetings/workspace/meeting_form.html",
        context={"meeting": meeting},
    )


def _manage_page(request, meeting: Meeting, *, document_form=None) -> HttpResponse:
    document_form = document_form or DocumentForm()
    return render(
        request,
        "meetings/workspace/manage.html",
        {
            "meeting": meeting,
            "places": meeting_places(meeting=meeting),
            "documents": list(meeting.documents.all()),
            "document_form": document_form,
            "item_count": meeting.items.count(),
        },
        status=form_status(document_form),
    )


@staff_required
def meeting_manage(request: HttpRequest, slug: str) -> HttpResponse:
    return _manage_page(request, meeting_for_staff(slug=slug))


@require_POST
@staff_required
def meeting_publish(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    back = reverse("meetings_workspace:manage", kwargs={"slug": meeting.slug})
    try:
        if request.POST.get("action") == "unpublish":
            services.meeting_unpublish(meeting=meeting, by=request.user)
            messages.success(request, _("The meeting is a draft again."))
        else:
            services.meeting_publish(meeting=meeting, by=request.user)
            messages.success(request, _("The meeting and its agenda are public."))
    except ValidationError as error:
        return _refused(request, error, back=back)
    return redirect(back)


@accepts_uploads("MEETING_DOCUMENT_MAX_SIZE")
@require_POST
@staff_required
def document_new(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                meeting=meeting,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        except StorageUnavailable:
            storage_unavailable(request, form)
        else:
            messages.success(request, _("The document is added."))
            return redirect("meetings_workspace:manage", slug=meeting.slug)
    return _manage_page(request, meeting, document_form=form)


@require_POST
@staff_required
def document_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    document = _object_or_404(meeting.documents.all(), _("There is no such document."), pk=pk)
    services.document_delete(document=document, by=request.user)
    messages.success(request, _("The document is removed."))
    return redirect("meetings_workspace:manage", slug=meeting.slug)


# --- Workspace: agenda ------------------------------------------------------------------


def _agenda_page(request, meeting: Meeting, *, duplicate_form=None) -> HttpResponse:
    sources = agenda_sources(exclude=meeting)
    agenda = meeting_agenda(meeting=meeting, include_empty_days=True)
    has_items = any(day.blocks for day in agenda)
    if duplicate_form is None and not has_items:
        duplicate_form = DuplicateAgendaForm(sources=sources)
    return render(
        request,
        "meetings/workspace/agenda.html",
        {
            "meeting": meeting,
            "agenda": agenda,
            "sessions": list(meeting.sessions.order_by("id")),
            "duplicate_form": duplicate_form,
            "carried": list(followups_carried_to(meeting=meeting)),
        },
        status=form_status(duplicate_form),
    )


@staff_required
def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    return _agenda_page(request, meeting_for_staff(slug=slug))


@require_POST
@staff_required
def agenda_duplicate(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    form = DuplicateAgendaForm(request.POST, sources=agenda_sources(exclude=meeting))
    if form.is_valid():
        try:
            copied, skipped = services.agenda_duplicate(
                source=form.cleaned_data["source"], target=meeting, by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(count)s items copied.") % {"count": copied})
            if skipped:
                messages.warning(
                    request,
                    _("%(count)s items did not fit this meeting's dates and were left out.")
                    % {"count": skipped},
                )
            return redirect("meetings_workspace:agenda", slug=meeting.slug)
    return _agenda_page(request, meeting, duplicate_form=form)


def _item_form_page(request, meeting: Meeting, item: AgendaItem | None) -> HttpResponse:
    initial, speaker_rows = {}, []
    if item is None:
        initial = {"day": meeting.start_date}
        followup_id = request.GET.get("followup", "")
        if followup_id.isdigit() and len(followup_id) < 12:
            # An open follow-up of an earlier meeting, carried into this agenda.
            followup = followups_carried_to(meeting=meeting).filter(pk=int(followup_id)).first()
            if followup is not None:
                initial["title"] = _("Follow-up: %(decision)s") % {
                    "decision": followup.decision.title
                }
                initial["description"] = _("%(city)s reports on the decision of %(meeting)s.") % {
                    "city": followup.city.name,
                    "meeting": followup.decision.meeting.title,
                }
    else:
        speaker_rows = [[s.name, s.role] for s in item.speakers.all()]
    data = request.POST if request.method == "POST" else None
    form = AgendaItemForm(data, meeting=meeting, initial=initial, edit_object=item)
    speakers = SpeakerFormSet(data, initial=_speaker_initial(speaker_rows), prefix="speakers")
    attempt = Attempt(form)
    if data is not None and form.is_valid() and speakers.is_valid():
        rows = speakers_from(speakers)
        form.companion_values = {"speakers": [list(row) for row in rows]}

        def save(form):
            item_data = form.to_data(rows)
            if item is None:
                return services.agenda_item_create(meeting=meeting, data=item_data, by=request.user)
            return services.agenda_item_update(item=item, data=item_data, by=request.user)

        attempt = attempt_save(
            request,
            form,
            save,
            success=_("The agenda is saved."),
            done_url=reverse("meetings_workspace:agenda", kwargs={"slug": meeting.slug}),
            again=(AgendaItemForm, {"meeting": meeting}),
        )
        if attempt.response is not None:
            return attempt.response
        if attempt.conflict is not None:
            merged = attempt.conflict.merged["speakers"]
            speakers = SpeakerFormSet(initial=_speaker_initial(merged), prefix="speakers")
    form, conflict = attempt.form, attempt.conflict
    return render(
        request,
        "meetings/workspace/item_form.html",
        {
            "meeting": meeting,
            "item": item,
            "form": form,
            "speakers": speakers,
            "conflict": conflict,
        },
        status=form_status(form, speakers, conflict=conflict),
    )


def _speaker_initial(rows) -> list[dict]:
    return [{"name": name, "role": role} for name, role in rows]


@staff_required
def agenda_item_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _item_form_page(request, meeting_for_staff(slug=slug), None)


def _item(meeting: Meeting, pk: int) -> AgendaItem:
    return _object_or_404(
        meeting.items.select_related("meeting__host_city").prefetch_related("speakers"),
        _("There is no such agenda item."),
        pk=pk,
    )


@staff_required
def agenda_item_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return _item_form_page(request, meeting, _item(meeting, pk))


@require_POST
@staff_required
def agenda_item_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    item = _item(meeting, pk)
    services.agenda_item_delete(item=item, by=request.user)
    messages.success(request, _("“%(title)s” is removed from the agenda.") % {"title": item.title})
    return redirect("meetings_workspace:agenda", slug=meeting.slug)


@require_POST
@staff_required
def agenda_item_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    item = _item(meeting, pk)
    back = reverse("meetings_workspace:agenda", kwargs={"slug": meeting.slug})
    try:
        services.agenda_item_move(
            item=item, direction=request.POST.get("direction", ""), by=request.user
        )
    except ValidationError as error:
        return _refused(request, error, back=back)
    return redirect(f"{back}#item-{item.pk}")


def _session_form_page(request, meeting: Meeting, session: AgendaSession | None) -> HttpResponse:
    return form_page(
        request,
        form_class=SessionForm,
        form_kwargs={"edit_object": session},
        save=lambda form: services.agenda_session_save(
            meeting=meeting,
            session=session,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            by=request.user,
        ),
        success=_("The session is saved."),
        done_url=reverse("meetings_workspace:agenda", kwargs={"slug": meeting.slug}),
        template="meetings/workspace/session_form.html",
        context={"meeting": meeting, "session": session},
    )


def _session(meeting: Meeting, pk: int) -> AgendaSession:
    return _object_or_404(meeting.sessions.all(), _("There is no such session."), pk=pk)


@staff_required
def session_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _session_form_page(request, meeting_for_staff(slug=slug), None)


@staff_required
def session_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return _session_form_page(request, meeting, _session(meeting, pk))


@require_POST
@staff_required
def session_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    services.agenda_session_delete(session=_session(meeting, pk), by=request.user)
    messages.success(request, _("The session is removed; its items stay on the agenda."))
    return redirect("meetings_workspace:agenda", slug=meeting.slug)


# --- Workspace: registrations and attendance --------------------------------------------


@staff_required
def registrations(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    everyone = list(registrations_for_meeting(meeting=meeting))
    by_status = {status: [] for status in Registration.Status.values}
    for registration in everyone:
        by_status[registration.status].append(registration)
    return render(
        request,
        "meetings/workspace/registrations.html",
        {
            "meeting": meeting,
            "places": meeting_places(meeting=meeting),
            "confirmed": by_status[Registration.Status.CONFIRMED],
            "waiting": by_status[Registration.Status.WAITING],
            "cancelled": by_status[Registration.Status.CANCELLED],
        },
    )


CSV_COLUMNS = [
    ("name", gettext_lazy("Name")),
    ("organisation", gettext_lazy("Organisation")),
    ("city", gettext_lazy("City")),
    ("role", gettext_lazy("Role")),
    ("kind", gettext_lazy("Participant kind")),
    ("email", gettext_lazy("E-mail address")),
    ("status", gettext_lazy("Status")),
    ("position", gettext_lazy("Waiting list position")),
    ("registered", gettext_lazy("Registered on")),
    ("attended", gettext_lazy("Attended")),
    ("dietary_needs", gettext_lazy("Dietary needs")),
    ("accessibility_needs", gettext_lazy("Accessibility needs")),
]


@staff_required
def registrations_csv(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}-registrations.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response)
    writer.writerow([str(label) for _key, label in CSV_COLUMNS])
    position = 0
    attended_labels = {True: _("yes"), False: _("no"), None: ""}
    for registration in registrations_for_meeting(meeting=meeting):
        waiting = registration.status == Registration.Status.WAITING
        position += waiting
        row = [
            registration.name,
            registration.organisation,
            registration.place_label,
            registration.role,
            registration.comes_as,
            registration.email,
            registration.get_status_display(),
            str(position) if waiting else "",
            meeting.local(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            attended_labels[registration.attended],
            registration.dietary_needs,
            registration.accessibility_needs,
        ]
        writer.writerow([spreadsheet_safe(str(cell)) for cell in row])
    return response


@staff_required
def attendance(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return form_page(
        request,
        form_class=AttendanceForm,
        form_kwargs={"candidates": attendance_candidates(meeting=meeting), "edit_object": meeting},
        save=lambda form: services.attendance_record(
            meeting=meeting, attended=form.cleaned_data["attended"], by=request.user
        ),
        success=lambda count: _("Attendance recorded: %(count)s people.") % {"count": count},
        done_url=reverse("meetings_workspace:attendance", kwargs={"slug": meeting.slug}),
        template="meetings/workspace/attendance.html",
        context={
            "meeting": meeting,
            "figures": SimpleLazyObject(
                lambda: attendance_figures(meetings=[meeting]).get(meeting.pk)
            ),
        },
    )


@staff_required
def attendee_new(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    form = RegistrationForm(request.POST or None, user=request.user, cities=cities_of(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.attendee_add(meeting=meeting, data=form.to_data(), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The participant is added as present."))
            return redirect("meetings_workspace:attendance", slug=meeting.slug)
    return render(
        request,
        "meetings/workspace/attendee_form.html",
        {"meeting": meeting, "form": form},
        status=form_status(form),
    )


# --- Workspace: minutes, outcomes, decisions --------------------------------------------


@staff_required
def outcomes(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return form_page(
        request,
        form_class=OutcomesForm,
        form_kwargs={"edit_object": meeting},
        save=lambda form: services.meeting_outcomes_update(
            meeting=meeting,
            minutes=form.cleaned_data["minutes"],
            outcomes=form.cleaned_data["outcomes"],
            by=request.user,
        ),
        success=_("Minutes and outcomes are saved."),
        done_url=reverse("meetings_workspace:outcomes", kwargs={"slug": meeting.slug}),
        template="meetings/workspace/outcomes.html",
        context={
            "meeting": meeting,
            "decisions": SimpleLazyObject(lambda: list(decisions_for_meeting(meeting=meeting))),
        },
    )


def _decision_form_page(request, meeting: Meeting, decision: Decision | None) -> HttpResponse:
    def save(form):
        if decision is None:
            return services.decision_create(meeting=meeting, data=form.to_data(), by=request.user)
        return services.decision_update(decision=decision, data=form.to_data(), by=request.user)

    return form_page(
        request,
        form_class=DecisionForm,
        form_kwargs={"edit_object": decision},
        save=save,
        success=_("The decision is saved."),
        done_url=reverse("meetings_workspace:outcomes", kwargs={"slug": meeting.slug}),
        template="meetings/workspace/decision_form.html",
        context={"meeting": meeting, "decision": decision},
    )


def _decision(meeting: Meeting, pk: int) -> Decision:
    return _object_or_404(meeting.decisions.all(), _("There is no such decision."), pk=pk)


@staff_required
def decision_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _decision_form_page(request, meeting_for_staff(slug=slug), None)


@staff_required
def decision_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return _decision_form_page(request, meeting, _decision(meeting, pk))


@require_POST
@staff_required
def decision_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    services.decision_delete(decision=_decision(meeting, pk), by=request.user)
    messages.success(request, _("The decision and its follow-ups are removed."))
    return redirect("meetings_workspace:outcomes", slug=meeting.slug)


# --- Guests: the public form and the guest's own links ----------------------------------


def _guest_form_page(
    request: HttpRequest, meeting: Meeting, *, invitation: GuestInvitation | None
) -> HttpResponse:
    context = {"meeting": meeting, "invitation": invitation}
    if meeting.guest_access == Meeting.GuestAccess.INVITED and invitation is None:
        return render(request, "meetings/guests/invitation_only.html", context, status=403)
    if not meeting.registration_is_open:
        return render(request, "meetings/guests/closed.html", context)
    personal = invitation.email if invitation and invitation.is_personal else ""
    form = GuestRegistrationForm(request.POST or None, email=personal)

    def page(status: int) -> HttpResponse:
        return render(
            request,
            "meetings/guests/register.html",
            {**context, "form": form, "places": meeting_places(meeting=meeting),
             "retention_months": settings.GUEST_CONTACT_RETENTION_MONTHS},
            status=status,
        )  # fmt: skip

    if request.method == "POST":
        wait = over_limit(request, action="guest_register", key=meeting.slug)
        if wait is not None:
            form.add_error(
                None,
                _(
                    "Too many registrations were sent from your network or for this meeting. "
                    "Try again in %(minutes)s minutes."
                )
                % {"minutes": max(wait // 60, 1)},
            )
            return as_too_many(page(429), retry_after=wait)
        if form.is_robot:
            # The trap field: thanked like anyone, and nothing is kept.
            return redirect("meetings:guest_sent", slug=meeting.slug)
        if form.is_valid():
            try:
                attempt = services.guest_registration_start(
                    meeting=meeting, data=form.to_data(), invitation=invitation
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if not attempt.again:
                    return redirect("meetings:guest_sent", slug=meeting.slug)
                # Whoever sent the form learns that the address is registered, not by whom.
                if not attempt.registration.self_registered:
                    message = _("This address is registered for this meeting already.")
                elif over_limit(
                    request, action="guest_email_again", key=attempt.registration.email
                ):
                    message = _(
                        "This address is registered for this meeting already; its details were "
                        "e-mailed to it a short while ago."
                    )
                else:
                    services.guest_registration_remind(registration=attempt.registration)
                    message = _(
                        "This address is registered for this meeting already: a confirmation "
                        "was sent again to this address."
                    )
                form.add_error("email", message)
                return page(409)
    return page(form_status(form))


@never_cache
def guest_register(request: HttpRequest, slug: str) -> HttpResponse:
    return _guest_form_page(request, meeting_for_guests(slug=slug), invitation=None)


@never_cache
def guest_invited(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    meeting = meeting_for_guests(slug=slug)
    invitation = invitation_for_guests(meeting=meeting, token=token)
    return _guest_form_page(request, meeting, invitation=invitation)


def guest_sent(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_guests(slug=slug)
    return render(
        request,
        "meetings/guests/sent.html",
        {"meeting": meeting, "days": GUEST_CONFIRMATION_TIME.days},
    )


def _guest_back(registration: Registration) -> str:
    return reverse(
        "meetings:guest_registration", kwargs={"token": registration_token(registration)}
    )


@never_cache
def guest_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the confirmation e-mail: a button confirms (e-mail programs that open links
    to check them confirm nothing)."""
    registration = guest_registration_from_confirm_link(token=token)
    if request.method == "POST" and registration.status == Registration.Status.PENDING:
        try:
            registration = services.guest_registration_confirm(registration=registration)
        except ValidationError as error:
            return _refused(request, error, back=registration.meeting.get_absolute_url())
        messages.success(request, _guest_confirmed_message(registration))
        return redirect(_guest_back(registration))
    return render(
        request,
        "meetings/guests/confirm.html",
        {"registration": registration, "meeting": registration.meeting,
         "back": _guest_back(registration)},
    )  # fmt: skip


def _guest_confirmed_message(registration: Registration) -> str:
    if registration.status == Registration.Status.AWAITING_APPROVAL:
        return _("Your address is confirmed. The network staff will tell you their decision.")
    if registration.status == Registration.Status.WAITING:
        return _("Your address is confirmed. The meeting is full: you are on the waiting list.")
    return _("Your address is confirmed: you have a place.")


@never_cache
def guest_registration(request: HttpRequest, token: str) -> HttpResponse:
    registration = guest_registration_from_link(token=token)
    return render(
        request,
        "meetings/guests/registration.html",
        {"registration": registration, "meeting": registration.meeting, "token": token,
         "can_cancel": registration.is_active and not registration.meeting.is_past
         and registration.meeting.starts_at > timezone.now()},
    )  # fmt: skip


@never_cache
def guest_cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = guest_registration_from_link(token=token)
    back = reverse("meetings:guest_registration", kwargs={"token": token})
    if request.method == "POST":
        try:
            services.guest_registration_cancel(registration=registration)
        except ValidationError as error:
            return _refused(request, error, back=back)
        messages.success(request, _("Your registration is cancelled."))
        return redirect(back)
    return render(
        request,
        "meetings/guests/cancel.html",
        {"registration": registration, "meeting": registration.meeting, "back": back},
    )


@never_cache
def guest_erase(request: HttpRequest, token: str) -> HttpResponse:
    registration = guest_registration_from_link(token=token)
    meeting = registration.meeting
    if request.method == "POST":
        services.guest_registration_erase(registration=registration)
        messages.success(
            request, _("Your details are erased. The links in our e-mails open nothing any more.")
        )
        return redirect(meeting.get_absolute_url())
    return render(
        request,
        "meetings/guests/erase.html",
        {"registration": registration, "meeting": meeting,
         "back": reverse("meetings:guest_registration", kwargs={"token": token})},
    )  # fmt: skip


@never_cache
def guest_data(request: HttpRequest, token: str) -> HttpResponse:
    """What the portal holds about the guest for this registration, as a JSON file."""
    registration = guest_registration_from_link(token=token)
    body = json.dumps(
        guest_registration_export(registration), cls=DjangoJSONEncoder, ensure_ascii=False,
        indent=2,
    )  # fmt: skip
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="roma-wg-my-registration.json"'
    return response


# --- Workspace: guests of a meeting -------------------------------------------------------


@login_required
def guests(request: HttpRequest, slug: str) -> HttpResponse:
    """The staff's and the organisers' list: who registered as a guest, waiting for approval
    first; the staff approve or decline, and manage the invitations."""
    meeting = meeting_for_organisers(request.user, slug=slug)
    everyone = list(guests_for_meeting(meeting=meeting))
    by_status = {status: [] for status in Registration.Status.values}
    for registration in everyone:
        by_status[registration.status].append(registration)
    is_staff = request.user.is_staff
    return render(
        request,
        "meetings/workspace/guests.html",
        {
            "meeting": meeting,
            "places": meeting_places(meeting=meeting),
            "awaiting": by_status[Registration.Status.AWAITING_APPROVAL],
            "confirmed": by_status[Registration.Status.CONFIRMED],
            "waiting": by_status[Registration.Status.WAITING],
            "pending": by_status[Registration.Status.PENDING],
            "ended": by_status[Registration.Status.CANCELLED]
            + by_status[Registration.Status.DECLINED],
            "invitations": list(invitations_for_meeting(meeting=meeting)) if is_staff else [],
            "can_decide": is_staff and not meeting.is_past,
            "public_form": request.build_absolute_uri(
                reverse("meetings:guest_register", kwargs={"slug": meeting.slug})
            ),
        },
    )


def _guest_decision(request: HttpRequest, slug: str, pk: int, decide, done: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    registration = guest_registration_for_staff(meeting=meeting, pk=pk)
    back = reverse("meetings_workspace:guests", kwargs={"slug": meeting.slug})
    try:
        decide(registration=registration, by=request.user)
    except ValidationError as error:
        return _refused(request, error, back=back)
    messages.success(request, done % {"name": registration.name})
    return redirect(back)


@require_POST
@staff_required
def guest_approve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _guest_decision(
        request, slug, pk, services.guest_registration_approve,
        _("%(name)s is accepted and told by e-mail."),
    )  # fmt: skip


@require_POST
@staff_required
def guest_decline(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _guest_decision(
        request, slug, pk, services.guest_registration_decline,
        _("%(name)s is declined and told by e-mail."),
    )  # fmt: skip


@staff_required
def guest_invitation_new(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    back = reverse("meetings_workspace:guests", kwargs={"slug": meeting.slug})
    return form_page(
        request,
        form_class=GuestInvitationForm,
        save=lambda form: services.guest_invitation_create(
            meeting=meeting, data=form.to_data(), by=request.user
        ),
        success=lambda invitation: (
            _("The invitation is e-mailed to %(email)s.") % {"email": invitation.email}
            if invitation.is_personal
            else _("The shared link is ready: copy it from the list of invitations.")
        ),
        done_url=back + "#invitations",
        template="meetings/workspace/guest_invitation_form.html",
        context={"meeting": meeting, "back": back},
    )


@require_POST
@staff_required
def guest_invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    invitation = invitation_for_staff(meeting=meeting, pk=pk)
    back = reverse("meetings_workspace:guests", kwargs={"slug": meeting.slug})
    try:
        services.guest_invitation_revoke(invitation=invitation, by=request.user)
    except ValidationError as error:
        return _refused(request, error, back=back)
    messages.success(request, _("The invitation link works no more."))
    return redirect(back + "#invitations")
