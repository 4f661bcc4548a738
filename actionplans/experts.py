"""Invited experts from outside the portal: their single-use sign-in links and their limited
sessions.

An expert never becomes an account. A link e-mailed to them (only its hash is stored) works
once, within EXTERNAL_LINK_VALID_HOURS, and starts a session of its own: the browser's session
is emptied (any account signed in there is signed out) and holds only which expert it is and
since when. That session opens one review and its plan, and nothing else of the workspace,
which needs an account (staff pages a second factor too). Every request checks the expert
again: revoked, the review closed, or the session older than EXTERNAL_SESSION_HOURS, and the
next request is refused.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.dates import months_before
from translations.reading import localized

from .models import ExternalLink, ExternalReviewer, Review

SESSION_KEY = "external_reviewer"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_create(reviewer: ExternalReviewer) -> str:
    """A new sign-in link for the expert: returns the token, keeps its hash."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    ExternalLink.objects.create(
        reviewer=reviewer,
        token_hash=token_hash(token),
        created_at=now,
        expires_at=now + timedelta(hours=settings.EXTERNAL_LINK_VALID_HOURS),
    )
    return token


def link_message(reviewer: ExternalReviewer, *, token: str, occasion: str) -> EmailMessage:
    """The e-mail holding a sign-in link: the invitation, or a new link asked for."""
    review = reviewer.review
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "reviewer": reviewer,
            "review": review,
            "plan": localized(review.plan, settings.LANGUAGE_CODE),
            "occasion": occasion,
            "link": settings.SITE_URL.rstrip("/")
            + reverse("actionplans:expert_sign_in", kwargs={"token": token}),
            "new_link": settings.SITE_URL.rstrip("/") + reverse("actionplans:expert_link_request"),
            "hours": settings.EXTERNAL_LINK_VALID_HOURS,
        }
        subject = render_to_string("actionplans/email/expert_link_subject.txt", context).strip()
        body = render_to_string("actionplans/email/expert_link_body.txt", context)
    return EmailMessage(subject=subject, body=body, to=[reviewer.email])


# --- The limited session -------------------------------------------------------------------


def session_start(request: HttpRequest, reviewer: ExternalReviewer) -> None:
    """A fresh session holding only the expert: whoever was signed in here is signed out."""
    request.session.flush()
    request.session[SESSION_KEY] = {"id": reviewer.pk, "since": int(time.time())}


def session_end(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


class AccessEnded(Exception):
    """The browser's expert session no longer opens anything (it has been forgotten)."""


def session_reviewer(request: HttpRequest) -> ExternalReviewer | None:
    """The expert of this browser's session, checked now; None without one. Raises
    ``AccessEnded`` (after forgetting the session) when their access has ended."""
    if request.user.is_authenticated:
        # An account signed in since: the expert session does not ride along with it.
        session_end(request)
        return None
    held = request.session.get(SESSION_KEY)
    if not isinstance(held, dict):
        return None
    reviewer = (
        ExternalReviewer.objects.select_related("review__plan__city", "review__meeting")
        .filter(pk=held.get("id"))
        .first()
    )
    since = held.get("since")
    too_old = (
        not isinstance(since, int) or time.time() - since > settings.EXTERNAL_SESSION_HOURS * 3600
    )
    if reviewer is None or too_old or not reviewer.has_access:
        session_end(request)
        raise AccessEnded
    return reviewer


def external_reviewers_purge(*, now=None, months: int = 12) -> int:
    """Erase who the experts were (name, e-mail address) ``months`` after their access ended;
    their organisation stays on their findings. Returns how many were erased."""
    now = now or timezone.now()
    cutoff = months_before(now, months)
    ended = ExternalReviewer.objects.filter(erased_at__isnull=True).filter(
        Q(access_ended_at__lt=cutoff)
        | Q(
            access_ended_at__isnull=True,
            review__status=Review.Status.CLOSED,
            invited_at__lt=cutoff,
        )
    )
    ExternalLink.objects.filter(reviewer__in=ended).delete()
    return ended.update(name="", email="", erased_at=now)
