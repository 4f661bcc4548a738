"""A person's own data: download it, erase the account; staff erase an officer's account."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.access import found_or_404
from core.views import form_status

from .access import staff_required
from .forms import AddressDataForm, EraseOwnAccountForm
from .models import User
from .personal_data import (
    address_has_account,
    erase,
    erase_address,
    erase_refusal,
    export_for,
    export_for_address,
    holds_anything,
    may_erase,
    shown_as_after_erasure,
)

EXPORT_FILENAME = "roma-wg-my-data.json"


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/my_data.html")


@require_GET
@never_cache
@login_required
def my_data_download(request: HttpRequest) -> HttpResponse:
    body = json.dumps(export_for(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{EXPORT_FILENAME}"'
    return response


@never_cache
@login_required
def erase_own_account(request: HttpRequest) -> HttpResponse:
    user = request.user
    refusal = erase_refusal(user)
    form = EraseOwnAccountForm(request.POST or None, user=user)
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            erase(user, by=user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            return redirect("accounts:own_account_erased")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/erase_own.html",
        {
            "form": form,
            "refusal": refusal,
            "person": user,
            "shown_as": shown_as_after_erasure(user),
        },
        status=status,
    )


def erased(request: HttpRequest) -> HttpResponse:
    """Where a person lands, signed out, after erasing their account."""
    if request.user.is_authenticated:
        return redirect("accounts:my_data")
    return render(request, "accounts/erased.html")


@staff_required
def erase_person(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff erase an officer's account (an administrator also another staff member's)."""
    person = found_or_404(
        User.objects.all(),
        _("There is no such account, or it has already been erased."),
        pk=pk,
        erased_at__isnull=True,
    )
    if person.pk == request.user.pk:
        return redirect("accounts:own_account_erase")
    if not may_erase(by=request.user, user=person):
        raise PermissionDenied
    back = _next_or(request, reverse("workspace:home"))
    refusal = erase_refusal(person)
    if request.method == "POST" and refusal is None:
        shown_as = str(person)
        try:
            erase(person, by=request.user)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(
                request,
                _("The account of %(person)s has been erased.") % {"person": shown_as},
            )
            return redirect(back)
    return render(
        request,
        "accounts/erase_person.html",
        {
            "person": person,
            "shown_as": shown_as_after_erasure(person),
            "refusal": refusal,
            "back": back,
        },
        status=400 if request.method == "POST" else 200,
    )


def _next_or(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next", "")
    # A path of this site only: redirect() would read any other word as a view's name.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


ADDRESS_LOOKED_UP = "people_address_data"


@never_cache
@staff_required
def address_data(request: HttpRequest) -> HttpResponse:
    """What the portal holds about someone without an account (a meeting's guest, an invited
    expert), by their address: shown, downloaded as JSON, or erased. The address is posted and
    kept in the staff member's session, never in an address bar: it stays out of the logs."""
    form = AddressDataForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if form.action == "download":
            body = json.dumps(
                export_for_address(email), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
            )
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="roma-wg-guest-data.json"'
            return response
        if form.action == "erase":
            try:
                erased = erase_address(email, by=request.user)
            except ValidationError as error:
                form.add_error("email", error)
            else:
                request.session.pop(ADDRESS_LOOKED_UP, None)
                messages.success(
                    request,
                    _("Erased: %(count)s records held under this address.") % {"count": erased},
                )
                return redirect("accounts:address_data")
        else:
            request.session[ADDRESS_LOOKED_UP] = email
            return redirect("accounts:address_data")
    if request.method == "POST":
        email = (getattr(form, "cleaned_data", None) or {}).get("email", "").lower()
    else:
        email = request.session.get(ADDRESS_LOOKED_UP, "")
        form = AddressDataForm(initial={"email": email})
    found = export_for_address(email) if email else None
    return render(
        request,
        "accounts/address_data.html",
        {
            "form": form,
            "found": found,
            "holds_anything": found is not None and holds_anything(found),
            "has_account": found is not None and address_has_account(found["email"]),
        },
        status=form_status(form),
    )
