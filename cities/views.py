from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from .forms import InvitationAcceptForm, InvitationForm
from .models import City, Invitation
from .selectors import can_manage_officers, city_list, city_map, officers_of_city
from .services import invitation_accept, invitation_create


def city_directory(request: HttpRequest) -> HttpResponse:
    # Read only when the cached fragment of the page has to be rendered again.
    cities = city_list()
    return render(
        request,
        "cities/city_list.html",
        {"cities": cities, "city_map": SimpleLazyObject(lambda: city_map(cities))},
    )


@login_required
def invitation_new(request: HttpRequest, slug: str) -> HttpResponse:
    """Staff invite officers to any city; a lead officer manages their own city's officers."""
    city = get_object_or_404(City, slug=slug)
    if not can_manage_officers(request.user, city):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitation_create(
                city=city,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("workspace:home")
    status = 400 if form.errors else 200
    return render(
        request, "cities/invitation_form.html", {"form": form, "city": city}, status=status
    )


@login_required
def officer_list(request: HttpRequest, slug: str) -> HttpResponse:
    """A city's officers: staff and the city's lead officers see who has access."""
    city = get_object_or_404(City, slug=slug)
    if not can_manage_officers(request.user, city):
        raise PermissionDenied
    return render(
        request,
        "cities/officer_list.html",
        {"city": city, "memberships": list(officers_of_city(city=city))},
    )


def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.select_related("city").filter(token=token).first()
    if invitation is None:
        raise Http404(_("This invitation link is not valid."))
    if not invitation.is_usable:
        return render(
            request, "cities/invitation_unusable.html", {"invitation": invitation}, status=410
        )
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(
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
    status = 400 if form.errors else 200
    return render(
        request,
        "cities/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=status,
    )
