"""A person's notifications, their settings, and the unsubscribe link of the e-mails."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.access import found_or_404
from core.views import form_status

from . import selectors, sending, services
from .forms import PreferencesForm
from .kinds import KINDS, Delivery
from .models import Notification, Preference

PER_PAGE = 20


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(selectors.notifications_for(user=request.user), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    notifications = services.visible_page(list(page.object_list))
    selectors.titles_localize(notifications, get_language())
    return render(
        request, "notifications/list.html", {"page": page, "notifications": notifications}
    )


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one as read and go where it points (the person's own notifications only)."""
    missing = _("There is no such notification.")
    notification = found_or_404(Notification.objects.all(), missing, pk=pk, recipient=request.user)
    if not selectors.still_relevant(notification):
        raise Http404(missing)
    services.mark_read(user=request.user, notification=notification)
    target = sending.in_language(notification.url, get_language())
    if not (target.startswith("/") and url_has_allowed_host_and_scheme(target, None)):
        raise Http404(_("There is no such notification."))
    return redirect(target)


@login_required
@require_POST
def notifications_mark_read(request: HttpRequest) -> HttpResponse:
    count = services.mark_read(user=request.user)
    messages.success(request, _("%(count)s notifications marked as read.") % {"count": count})
    return redirect("notifications:list")


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    current = dict(Preference.objects.filter(user=request.user).values_list("kind", "delivery"))
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        for kind, delivery in form.cleaned_data.items():
            if current.get(kind, KINDS[kind].default) != delivery:
                services.preference_set(user=request.user, kind=kind, delivery=delivery)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    return render(
        request,
        "notifications/settings.html",
        {"form": form},
        status=form_status(form),
    )


@csrf_exempt  # the signed token in the address is the proof; mail clients post without a form
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One kind of e-mail stops: confirmed by a button on the page, or at once by a mail
    client's one-click POST (RFC 8058). Needs no sign-in; the token cannot be forged."""
    try:
        user_id, kind = sending.read_unsubscribe_token(token)
    except signing.SignatureExpired:
        return render(request, "notifications/unsubscribe.html", {"expired": True}, status=410)
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    person = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if person is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.preference_set(user=person, kind=kind, delivery=Delivery.SITE_ONLY)
        return redirect(f"{request.path}?done=1")
    done = request.GET.get("done") == "1" and (
        services.delivery_for(user_ids=[person.pk], kind=kind)[person.pk] == Delivery.SITE_ONLY
    )
    return render(
        request,
        "notifications/unsubscribe.html",
        {"kind": KINDS[kind], "done": done, "email": person.email},
    )
