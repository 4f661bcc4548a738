from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import staff_required
from core.access import found_or_404
from core.views import form_page, form_status
from fragments.pages import public_page

from . import access
from .forms import CommitmentForm, InvitationAcceptForm, InvitationForm, PledgeForm
from .models import City, Commitment, Invitation, Pledge
from .selectors import city_list, city_map, officers_of_city, pledges_for_staff
from .services import (
    commitment_create,
    invitation_accept_new_account,
    invitation_accept_signed_in,
    invitation_account,
    invitation_create,
    pledge_delete,
    pledge_save,
)

SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@public_page(apps=["cities"], params=["pledged"])
def city_directory(request: HttpRequest) -> HttpResponse:
    # Read only when the cached fragment of the page has to be rendered again.
    pledged = request.GET.get("pledged") == "1"
    cities = city_list(pledged=pledged)
    return render(
        request,
        "cities/city_list.html",
        {
            "cities": cities,
            "pledged": pledged,
            "city_map": SimpleLazyObject(lambda: city_map(cities)),
        },
    )


@login_required
def invitation_new(request: HttpRequest, slug: str) -> HttpResponse:
    """Staff invite officers to any city; a lead officer manages their own city's officers."""
    city = access.get_city_for_managing_officers(request.user, slug=slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitation_create(
                city=city,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("workspace:home")
    status = form_status(form)
    return render(
        request, "cities/invitation_form.html", {"form": form, "city": city}, status=status
    )


@login_required
def officer_list(request: HttpRequest, slug: str) -> HttpResponse:
    """A city's officers: staff and the city's lead officers see who has access."""
    city = access.get_city_for_managing_officers(request.user, slug=slug)
    return render(
        request,
        "cities/officer_list.html",
        {"city": city, "memberships": list(officers_of_city(city=city))},
    )


def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation to a city.

    The link only proves that its holder reads the invited address. It creates a new account,
    or, where the address already has one, it waits until the person signs in to that account
    the usual way (password, then second factor) and accepts. It never signs anyone in to an
    existing account.
    """
    invitation = found_or_404(
        Invitation.objects.select_related("city"),
        _("This invitation link is not valid."),
        token=token,
    )
    if not invitation.is_usable:
        return render(
            request, "cities/invitation_unusable.html", {"invitation": invitation}, status=410
        )
    if request.user.is_authenticated:
        return _invitation_accept_signed_in(request, invitation)
    if invitation_account(invitation) is not None:
        # Nothing is accepted here: sign in first, then this page asks to confirm.
        return render(
            request,
            "cities/invitation_sign_in.html",
            {"invitation": invitation, "next": request.path},
            status=403 if request.method == "POST" else 200,
        )
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept_new_account(
                invitation=invitation,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! You are now an officer of %(city)s.") % {"city": invitation.city},
            )
            return redirect("workspace:home")
    status = form_status(form)
    return render(
        request,
        "cities/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=status,
    )


def _invitation_accept_signed_in(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    if request.user.email.lower() != invitation.email.lower():
        return render(
            request, "cities/invitation_other_account.html", {"invitation": invitation}, status=403
        )
    error = None
    if request.method == "POST":
        try:
            invitation_accept_signed_in(invitation=invitation, user=request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(
                request,
                _("You are now an officer of %(city)s.") % {"city": invitation.city},
            )
            return redirect("workspace:home")
    return render(
        request,
        "cities/invitation_confirm.html",
        {"invitation": invitation, "error": error},
        status=400 if error else 200,
    )


# --- Pledges (network staff) ----------------------------------------------------------------


def _pledges_url() -> str:
    return reverse("cities:pledge_list")


def _pledge_context(title: str) -> dict:
    return {
        "title": title,
        "crumbs": [
            (_("Workspace"), reverse("workspace:home")),
            (_("Pledges"), _pledges_url()),
        ],
        "back": _pledges_url(),
    }


def _pledge(pk: int) -> Pledge:
    return get_object_or_404(Pledge.objects.select_related("city", "commitment"), pk=pk)


@staff_required
def pledge_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "cities/pledge_list.html",
        {"pledges": list(pledges_for_staff()), "commitments": list(Commitment.objects.all())},
    )


def _pledge_page(request: HttpRequest, pledge: Pledge | None) -> HttpResponse:
    initial = {}
    if pledge is None:
        initial["year"] = timezone.localdate().year
        slug = request.GET.get("city", "")
        city = City.objects.filter(slug=slug).first() if SLUG.fullmatch(slug) else None
        if city is not None:
            initial["city"] = city.pk
    title = (
        _("New pledge")
        if pledge is None
        else _("Edit the pledge of %(city)s") % {"city": pledge.city.name}
    )
    return form_page(
        request,
        form_class=PledgeForm,
        instance=pledge,
        form_kwargs={"initial": initial},
        save=lambda form: pledge_save(pledge=pledge, data=form.model_data(), by=request.user),
        success=lambda saved: _("The pledge of %(city)s is saved.") % {"city": saved.city.name},
        done_url=_pledges_url(),
        context=_pledge_context(title),
    )


@staff_required
def pledge_new(request: HttpRequest) -> HttpResponse:
    return _pledge_page(request, None)


@staff_required
def pledge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _pledge_page(request, _pledge(pk))


@require_POST
@staff_required
def pledge_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(pk)
    pledge_delete(pledge=pledge, by=request.user)
    messages.success(request, _("The pledge of %(city)s is deleted.") % {"city": pledge.city.name})
    return redirect(_pledges_url())


@staff_required
def commitment_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=CommitmentForm,
        save=lambda form: commitment_create(
            title=form.cleaned_data["title"],
            framework=form.cleaned_data["framework"],
            by=request.user,
        ),
        success=_("The commitment is added: cities can now pledge to it."),
        done_url=reverse("cities:pledge_new"),
        context=_pledge_context(_("New commitment")),
    )
