"""Signed-in meeting tools: officers' list of meetings and follow-ups; the staff's meetings,
agendas, documents, registrations, attendance, decisions and guests.

Every view finds its objects through ``meetings.access``; every form page is a
``core.views.form_page`` (or ``attempt_save`` beside a formset): errors answer 400, an edit
conflict 409.
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.exports import spreadsheet_safe
from core.middleware import accepts_uploads
from core.views import Attempt, Said, attempt_save, form_page, form_status, next_or, refused
from objectives.models import Activity

from . import services
from .access import (
    cities_of,
    decision_for_staff,
    document_for_meeting,
    followup_for_user,
    guest_registration_for_staff,
    invitation_for_staff,
    item_for_staff,
    meeting_for_organisers,
    meeting_for_staff,
    officer_required,
    session_for_staff,
    staff_required,
)
from .forms import (
    AgendaItemForm,
    AttendanceForm,
    DecisionForm,
    DocumentForm,
    DuplicateAgendaForm,
    GuestInvitationForm,
    MeetingForm,
    OutcomesForm,
    RegistrationForm,
    SessionForm,
    SpeakerFormSet,
    speakers_from,
)
from .models import AgendaItem, AgendaSession, Decision, Meeting, Registration
from .selectors import (
    activities_without_meeting,
    agenda_sources,
    attendance_candidates,
    attendance_figures,
    decisions_for_meeting,
    followups_carried_to,
    guests_for_meeting,
    invitations_for_meeting,
    meeting_agenda,
    meeting_places,
    meetings_for_staff,
    meetings_open_for_registration,
    open_followups_for_cities,
    registrations_for_meeting,
    upcoming_registrations_for_cities,
)

# The form page of a meeting's tools: the meeting's tabs above the form, the way back below.
MEETING_FORM = "meetings/workspace/form.html"


def _meeting_form_page(
    request: HttpRequest,
    meeting: Meeting,
    *,
    tab: str,
    back: str,
    title: str,
    heading: str = "",
    intro: str = "",
    submit_label: str = "",
    **options,
) -> HttpResponse:
    """``core.views.form_page`` in MEETING_FORM, under the meeting's ``tab``; after a save it
    goes ``back`` unless ``done_url`` says otherwise."""
    options.setdefault("done_url", back)
    return form_page(
        request,
        template=MEETING_FORM,
        context={
            "meeting": meeting,
            "tab": tab,
            "back": back,
            "title": title,
            "heading": heading,
            "intro": intro,
            "submit_label": submit_label,
        },
        **options,
    )


# --- The signed-in list ------------------------------------------------------------------


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
    back = next_or(request, reverse("meetings:workspace_list"))
    try:
        services.followup_complete(followup=followup, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=back)
    messages.success(
        request, _("Follow-up done: %(decision)s") % {"decision": followup.decision.title}
    )
    return redirect(back)


# --- The meeting, its publication and documents -------------------------------------------


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
        done_url=lambda meeting: reverse("meetings:agenda_edit", args=[meeting.slug]),
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
        done_url=reverse("meetings:meeting_manage", kwargs={"slug": meeting.slug}),
        template="meetings/workspace/meeting_form.html",
        context={"meeting": meeting},
    )


MANAGE_PAGE = "meetings/workspace/manage.html"


def _manage_context(meeting: Meeting) -> dict:
    """The overview around its document form; read only when the page is shown."""
    return {
        "meeting": meeting,
        "places": SimpleLazyObject(lambda: meeting_places(meeting=meeting)),
        "documents": SimpleLazyObject(lambda: list(meeting.documents.all())),
        "item_count": meeting.items.count(),  # a number for the plural, not a lazy object
    }


@staff_required
def meeting_manage(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return render(request, MANAGE_PAGE, {**_manage_context(meeting), "form": DocumentForm()})


@require_POST
@staff_required
def meeting_publish(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    back = reverse("meetings:meeting_manage", kwargs={"slug": meeting.slug})
    try:
        if request.POST.get("action") == "unpublish":
            services.meeting_unpublish(meeting=meeting, by=request.user)
            messages.success(request, _("The meeting is a draft again."))
        else:
            services.meeting_publish(meeting=meeting, by=request.user)
            messages.success(request, _("The meeting and its agenda are public."))
    except ValidationError as error:
        return refused(request, error, back=back)
    return redirect(back)


@accepts_uploads("MEETING_DOCUMENT_MAX_SIZE")
@require_POST
@staff_required
def document_new(request: HttpRequest, slug: str) -> HttpResponse:
    """The overview's document form: refused, the overview again with the form's errors."""
    meeting = meeting_for_staff(slug=slug)
    return form_page(
        request,
        form_class=DocumentForm,
        save=lambda form: services.document_add(
            meeting=meeting,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
            by=request.user,
        ),
        success=_("The document is added."),
        done_url=reverse("meetings:meeting_manage", kwargs={"slug": meeting.slug}),
        template=MANAGE_PAGE,
        context=_manage_context(meeting),
    )


@require_POST
@staff_required
def document_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    document = document_for_meeting(meeting=meeting, pk=pk)
    services.document_delete(document=document, by=request.user)
    messages.success(request, _("The document is removed."))
    return redirect("meetings:meeting_manage", slug=meeting.slug)


# --- Agenda ------------------------------------------------------------------------------

AGENDA_PAGE = "meetings/workspace/agenda.html"


def _agenda_context(meeting: Meeting) -> dict:
    """The agenda page around its form; read only when the page is shown."""
    return {
        "meeting": meeting,
        "agenda": SimpleLazyObject(
            lambda: meeting_agenda(meeting=meeting, include_empty_days=True)
        ),
        "sessions": SimpleLazyObject(lambda: list(meeting.sessions.order_by("id"))),
        "carried": SimpleLazyObject(lambda: list(followups_carried_to(meeting=meeting))),
    }


@staff_required
def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    context = _agenda_context(meeting)
    # An empty agenda may start as a copy of another meeting's.
    has_items = any(day.blocks for day in context["agenda"])
    form = None if has_items else DuplicateAgendaForm(sources=agenda_sources(exclude=meeting))
    return render(request, AGENDA_PAGE, {**context, "form": form})


def _copied(result: tuple[int, int]) -> Said:
    copied, skipped = result
    said = [(messages.SUCCESS, _("%(count)s items copied.") % {"count": copied})]
    if skipped:
        said.append(
            (
                messages.WARNING,
                _("%(count)s items did not fit this meeting's dates and were left out.")
                % {"count": skipped},
            )
        )
    return said


@require_POST
@staff_required
def agenda_duplicate(request: HttpRequest, slug: str) -> HttpResponse:
    """The agenda page's copy form: refused, the agenda again with the form's errors."""
    meeting = meeting_for_staff(slug=slug)
    return form_page(
        request,
        form_class=DuplicateAgendaForm,
        form_kwargs={"sources": agenda_sources(exclude=meeting)},
        save=lambda form: services.agenda_duplicate(
            source=form.cleaned_data["source"], target=meeting, by=request.user
        ),
        success=_copied,
        done_url=reverse("meetings:agenda_edit", kwargs={"slug": meeting.slug}),
        template=AGENDA_PAGE,
        context=_agenda_context(meeting),
    )


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
            done_url=reverse("meetings:agenda_edit", kwargs={"slug": meeting.slug}),
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


@staff_required
def agenda_item_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return _item_form_page(request, meeting, item_for_staff(meeting=meeting, pk=pk))


@require_POST
@staff_required
def agenda_item_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    item = item_for_staff(meeting=meeting, pk=pk)
    services.agenda_item_delete(item=item, by=request.user)
    messages.success(request, _("“%(title)s” is removed from the agenda.") % {"title": item.title})
    return redirect("meetings:agenda_edit", slug=meeting.slug)


@require_POST
@staff_required
def agenda_item_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    item = item_for_staff(meeting=meeting, pk=pk)
    back = reverse("meetings:agenda_edit", kwargs={"slug": meeting.slug})
    try:
        services.agenda_item_move(
            item=item, direction=request.POST.get("direction", ""), by=request.user
        )
    except ValidationError as error:
        return refused(request, error, back=back)
    return redirect(f"{back}#item-{item.pk}")


def _session_form_page(request, meeting: Meeting, session: AgendaSession | None) -> HttpResponse:
    return _meeting_form_page(
        request,
        meeting,
        tab="agenda",
        back=reverse("meetings:agenda_edit", kwargs={"slug": meeting.slug}),
        title=_("Edit the session") if session else _("New session"),
        heading=_("Edit session: %(title)s") % {"title": session.title} if session else "",
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
    )


@staff_required
def session_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _session_form_page(request, meeting_for_staff(slug=slug), None)


@staff_required
def session_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return _session_form_page(request, meeting, session_for_staff(meeting=meeting, pk=pk))


@require_POST
@staff_required
def session_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    session = session_for_staff(meeting=meeting, pk=pk)
    services.agenda_session_delete(session=session, by=request.user)
    messages.success(request, _("The session is removed; its items stay on the agenda."))
    return redirect("meetings:agenda_edit", slug=meeting.slug)


# --- Registrations and attendance --------------------------------------------------------


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
        done_url=reverse("meetings:attendance_edit", kwargs={"slug": meeting.slug}),
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
    return _meeting_form_page(
        request,
        meeting,
        tab="attendance",
        back=reverse("meetings:attendance_edit", kwargs={"slug": meeting.slug}),
        title=_("Add a participant who came"),
        submit_label=_("Add as present"),
        form_class=RegistrationForm,
        form_kwargs={"user": request.user, "cities": cities_of(request.user)},
        save=lambda form: services.attendee_add(
            meeting=meeting, data=form.to_data(), by=request.user
        ),
        success=_("The participant is added as present."),
    )


# --- Minutes, outcomes, decisions --------------------------------------------------------


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
        done_url=reverse("meetings:outcomes_edit", kwargs={"slug": meeting.slug}),
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

    return _meeting_form_page(
        request,
        meeting,
        tab="outcomes",
        back=reverse("meetings:outcomes_edit", kwargs={"slug": meeting.slug}),
        title=_("Edit the decision") if decision else _("New decision"),
        heading=_("Edit decision: %(title)s") % {"title": decision.title} if decision else "",
        form_class=DecisionForm,
        form_kwargs={"edit_object": decision},
        save=save,
        success=_("The decision is saved."),
    )


@staff_required
def decision_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _decision_form_page(request, meeting_for_staff(slug=slug), None)


@staff_required
def decision_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    return _decision_form_page(request, meeting, decision_for_staff(meeting=meeting, pk=pk))


@require_POST
@staff_required
def decision_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    decision = decision_for_staff(meeting=meeting, pk=pk)
    services.decision_delete(decision=decision, by=request.user)
    messages.success(request, _("The decision and its follow-ups are removed."))
    return redirect("meetings:outcomes_edit", slug=meeting.slug)


# --- Guests of a meeting -----------------------------------------------------------------


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
    back = reverse("meetings:guest_list", kwargs={"slug": meeting.slug})
    try:
        decide(registration=registration, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=back)
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
    back = reverse("meetings:guest_list", kwargs={"slug": meeting.slug})
    return _meeting_form_page(
        request,
        meeting,
        tab="guests",
        back=back,
        title=_("Invite guests"),
        intro=_(
            "A personal invitation goes by e-mail to one person, for one registration with that "
            "address. A shared link is for you to send around: it works for as many "
            "registrations as you allow, until you revoke it or the meeting starts."
        ),
        submit_label=_("Invite"),
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
    )


@require_POST
@staff_required
def guest_invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_staff(slug=slug)
    invitation = invitation_for_staff(meeting=meeting, pk=pk)
    back = reverse("meetings:guest_list", kwargs={"slug": meeting.slug})
    try:
        services.guest_invitation_revoke(invitation=invitation, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=back)
    messages.success(request, _("The invitation link works no more."))
    return redirect(back + "#invitations")
