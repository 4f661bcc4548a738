"""The workspace page where an officer creates and revokes personal API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities.selectors import cities_for_user
from core.access import found_or_404
from core.views import add_service_errors, form_status

from .forms import TokenForm
from .models import ApiToken
from .services import token_create, token_revoke

NEW_SECRET = "api_token_secret"


def _tokens_of(user):
    tokens = ApiToken.objects.select_related("city", "user")
    return tokens if user.is_staff else tokens.filter(user=user)


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    if not cities_for_user(request.user).exists():
        raise PermissionDenied
    form = TokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            created, secret = token_create(
                user=request.user,
                city=form.cleaned_data["city"],
                name=form.cleaned_data["name"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # Shown once, on the next page: kept meanwhile in the server-side session only.
            request.session[NEW_SECRET] = {"id": created.pk, "secret": secret}
            return redirect("api_tokens:list")
    fresh = request.session.pop(NEW_SECRET, None) if request.method == "GET" else None
    tokens = list(_tokens_of(request.user))
    created = next((t for t in tokens if fresh and t.pk == fresh.get("id")), None)
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "tokens": tokens,
            "created": created,
            "secret": fresh["secret"] if created else None,
        },
        status=form_status(form),
    )


@require_POST
@login_required
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    token = found_or_404(_tokens_of(request.user), _("There is no such token."), pk=pk)
    token_revoke(token=token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api_tokens:list")
