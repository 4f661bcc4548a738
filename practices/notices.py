"""What good practices and guidelines notify about: a practice submitted (to staff), published
or sent back (to who proposed it), a guideline published (to those following its themes)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notifications.kinds import Delivery, Kind, register
from notifications.services import notify

from . import access
from .models import Guideline, Practice, ThemeFollow


def _practice_visible(user, practice) -> bool:
    return access.can_see_practice(user, practice)


def _guideline_visible(user, guideline) -> bool:
    return guideline.is_published or user.is_staff


def _practice_titled(practice) -> dict:
    return {"practice": practice}


def _guideline_titled(guideline) -> dict:
    return {"guideline": guideline}


register(Kind(
    "practice_submitted", _("Practice awaiting review"),
    _("%(city)s submitted the practice “%(practice)s” for review."), visible=_practice_visible,
    titles=_practice_titled,
))  # fmt: skip
register(Kind(
    "practice_published", _("Practice published"),
    _("Your practice “%(practice)s” is published."), visible=_practice_visible,
    titles=_practice_titled,
))  # fmt: skip
register(Kind(
    "practice_changes", _("Changes asked to a practice"),
    _("The network staff ask for changes to “%(practice)s”: %(comment)s"),
    visible=_practice_visible, titles=_practice_titled,
))  # fmt: skip
register(Kind(
    "guideline_published", _("Guideline published on a theme you follow"),
    _("New guideline: “%(guideline)s”."), default=Delivery.DIGEST, visible=_guideline_visible,
    titles=_guideline_titled,
))  # fmt: skip


def practice_submitted(practice: Practice) -> None:
    notify(
        recipients=get_user_model().objects.filter(is_staff=True, is_active=True),
        kind="practice_submitted",
        subject=practice,
        url=reverse("practices:practice_review", kwargs={"pk": practice.pk}),
        context={"practice": practice.title, "city": practice.city.name},
    )


def practice_decided(practice: Practice, *, published: bool, comment: str = "") -> None:
    notify(
        recipients=[practice.created_by] if practice.created_by else [],
        kind="practice_published" if published else "practice_changes",
        subject=practice,
        url=practice.get_absolute_url()
        if published
        else reverse("practices:practice_edit", kwargs={"pk": practice.pk}),
        context={"practice": practice.title, "city": practice.city.name, "comment": comment},
        occasion=f"{practice.status}-{practice.updated_at:%Y%m%d%H%M%S}",
    )


def guideline_published(guideline: Guideline) -> None:
    themes = guideline.practices.values("themes")
    followers = get_user_model().objects.filter(
        pk__in=ThemeFollow.objects.filter(theme__in=themes).values("user")
    )
    notify(
        recipients=followers,
        kind="guideline_published",
        subject=guideline,
        url=guideline.get_absolute_url(),
        context={"guideline": guideline.title},
    )
