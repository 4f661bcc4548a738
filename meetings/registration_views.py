"""Registration: officers and staff register people of their cities; guests register
themselves through the public form, then confirm, see, cancel or erase it by the links in
their e-mails."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.sign_in import as_too_many, over_limit
from core.views import Said, add_service_errors, form_page, form_status, next_or, refused

from . import services
from .access import (
    cities_of,
    guest_registration_from_confirm_link,
    guest_registration_from_link,
    invitation_for_guests,
    meeting_for_guests,
    meeting_for_registration,
    registration_for_user,
)
from .forms import GuestRegistrationForm, RegistrationForm
from .guests import registration_token
from .models import GUEST_CONFIRMATION_TIME, GuestInvitation, Meeting, Registration
from .personal_data import guest_registration_export
from .selectors import meeting_places, registrations_for_cities

# --- Officers and staff -----------------------------------------------------------------


def _registered(registration: Registration) -> Said:
    """A place, or a warning: on the waiting list, the person is not coming yet."""
    if registration.status == Registration.Status.WAITING:
        return [
            (
                messages.WARNING,
                _("The meeting is full: %(name)s is on the waiting list.")
                % {"name": registration.name},
            )
        ]
    return _("%(name)s is registered.") % {"name": registration.name}


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
    return form_page(
        request,
        form_class=RegistrationForm,
        form_kwargs={"user": user, "cities": cities, "initial": initial},
        save=lambda form: services.registration_create(
            meeting=meeting, data=form.to_data(), by=user
        ),
        success=_registered,
        done_url=reverse("meetings:register", kwargs={"slug": meeting.slug}),
        template="meetings/registration_form.html",
        context={
            "meeting": meeting,
            "open_to_user": open_to_user,
            # Read only when the page is shown (not after a save).
            "places": SimpleLazyObject(lambda: meeting_places(meeting=meeting)),
            "registrations": SimpleLazyObject(
                lambda: list(registrations_for_cities(meeting=meeting, cities=cities))
            ),
        },
    )


@require_POST
@login_required
def registration_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for_registration(request.user, slug=slug)
    registration = registration_for_user(request.user, meeting=meeting, pk=pk)
    back = next_or(request, reverse("meetings:register", kwargs={"slug": meeting.slug}))
    try:
        promoted = services.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=back)
    messages.success(
        request, _("The registration of %(name)s is cancelled.") % {"name": registration.name}
    )
    for other in promoted:
        messages.info(
            request,
            _("%(name)s moves up from the waiting list.") % {"name": other.name},
        )
    return redirect(back)


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
            return refused(request, error, back=registration.meeting.get_absolute_url())
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
            return refused(request, error, back=back)
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
