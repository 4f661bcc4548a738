"""Writes for good practices, transfers and guidelines: validation, state changes, history.

Each service takes keyword arguments only and runs in one transaction; ``by`` is who acts (a
practice's events record them).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from cities.models import City
from core.storage import stored_file_delete

from . import notices
from .models import (
    EDITABLE_BY_CITY,
    FundingSource,
    Guideline,
    GuidelineAuthor,
    GuidelineSection,
    GuidelineStatus,
    Practice,
    PracticeAttachment,
    PracticeEvent,
    PracticeLink,
    PracticeStatus,
    Recommendation,
    Theme,
    ThemeFollow,
    Transfer,
)
from .richtext import clean_html
from .search import practices_search_index

_M2M_FIELDS = ("themes", "funding_sources", "strategic_objectives")


def unique_slug(model, text: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(text)[:200] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def choices_ensure() -> None:
    """Make sure every theme and funding source has its row (a migration creates them; a
    flushed test database or a restored dump may not have them)."""
    for code in Theme.Code.values:
        Theme.objects.get_or_create(code=code)
    for code in FundingSource.Code.values:
        FundingSource.objects.get_or_create(code=code)


def _record(practice: Practice, *, to: str, by, comment: str = "", previous: str = "") -> None:
    PracticeEvent.objects.create(
        practice=practice, from_status=previous, to_status=to, by=by, comment=comment
    )


def _save_fields(practice: Practice, data: dict, links: list[tuple[str, str]] | None) -> None:
    m2m = {name: data.pop(name) for name in _M2M_FIELDS if name in data}
    for field, value in data.items():
        setattr(practice, field, value)
    practice.description = clean_html(practice.description)
    # created_by is not input, and empty once its author's account is gone (SET_NULL).
    practice.full_clean(exclude=["slug", "created_by", *_M2M_FIELDS])
    practice.save()
    for name, values in m2m.items():
        getattr(practice, name).set(values)
    if links is not None:
        practice.links.all().delete()
        PracticeLink.objects.bulk_create(
            PracticeLink(practice=practice, title=title, url=url) for title, url in links
        )
    practices_search_index(practice_ids=[practice.pk])


@transaction.atomic
def practice_create(
    *, city: City, data: dict, by, links: list[tuple[str, str]] | None = None
) -> Practice:
    practice = Practice(city=city, created_by=by, slug=unique_slug(Practice, data["title"]))
    _save_fields(practice, dict(data), links)
    _record(practice, to=PracticeStatus.DRAFT, by=by)
    return practice


@transaction.atomic
def practice_update(
    *, practice: Practice, data: dict, by, links: list[tuple[str, str]] | None = None
) -> Practice:
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if not by.is_staff and practice.status not in EDITABLE_BY_CITY:
        raise ValidationError(
            _("This practice is with the network staff and cannot be changed now.")
        )
    _save_fields(practice, dict(data), links)
    return practice


def _transition(practice: Practice, *, allowed_from: set[str], to: str, by, comment="") -> Practice:
    with transaction.atomic():
        practice = Practice.objects.select_for_update().get(pk=practice.pk)
        if practice.status not in allowed_from:
            raise ValidationError(
                _("A practice that is “%(status)s” cannot be moved to “%(target)s”.")
                % {"status": practice.get_status_display(), "target": PracticeStatus(to).label}
            )
        previous = practice.status
        practice.status = to
        fields = ["status", "updated_at"]
        if to == PracticeStatus.PUBLISHED:
            practice.published_at = practice.published_at or timezone.now()
            fields.append("published_at")
        practice.save(update_fields=fields)
        _record(practice, to=to, by=by, comment=comment, previous=previous)
    return practice


@transaction.atomic
def practice_submit(*, practice: Practice, by) -> Practice:
    practice = _transition(
        practice, allowed_from=set(EDITABLE_BY_CITY), to=PracticeStatus.SUBMITTED, by=by
    )
    notices.practice_submitted(practice)
    return practice


def practice_request_changes(*, practice: Practice, comment: str, by) -> Practice:
    if not comment.strip():
        raise ValidationError({"comment": _("Say what should change.")})
    with transaction.atomic():
        practice = _transition(
            practice,
            allowed_from={PracticeStatus.SUBMITTED, PracticeStatus.PUBLISHED},
            to=PracticeStatus.CHANGES_REQUESTED,
            by=by,
            comment=comment.strip(),
        )
        notices.practice_decided(practice, published=False, comment=comment.strip())
    return practice


@transaction.atomic
def practice_publish(*, practice: Practice, by, comment: str = "") -> Practice:
    practice = _transition(
        practice,
        allowed_from={
            PracticeStatus.SUBMITTED,
            PracticeStatus.CHANGES_REQUESTED,
            PracticeStatus.DRAFT,
        },
        to=PracticeStatus.PUBLISHED,
        by=by,
        comment=comment,
    )
    notices.practice_decided(practice, published=True)
    return practice


@transaction.atomic  # the file is stored first: an unreachable store leaves no row behind
def attachment_add(*, practice: Practice, upload, title: str, by) -> PracticeAttachment:
    values = PracticeAttachment.values_for(upload=upload, title=title, by=by)
    return PracticeAttachment.objects.create(practice=practice, **values)


@transaction.atomic
def attachment_delete(*, attachment: PracticeAttachment, by: User) -> None:
    stored = attachment.file
    attachment.delete()
    stored_file_delete(stored.name, storage=stored.storage)


@transaction.atomic
def transfer_record(
    *, practice: Practice, city: City, stage: str, adaptations: str, by, activity=None
) -> Transfer:
    transfer = Transfer.objects.filter(practice=practice, city=city).first() or Transfer(
        practice=practice, city=city
    )
    transfer.stage, transfer.adaptations, transfer.recorded_by = stage, adaptations, by
    transfer.activity = activity
    transfer.full_clean(validate_unique=False)
    transfer.save()
    return transfer


@transaction.atomic
def guideline_save(
    *,
    guideline: Guideline | None,
    data: dict,
    sections: list[dict],
    authors: list[dict],
    by: User | None,
) -> Guideline:
    """Create or replace a guideline's content; sections come with their recommendations.
    ``by`` None: the demo's own guidelines."""
    practices = data.pop("practices", None)
    if guideline is None:
        guideline = Guideline(slug=unique_slug(Guideline, data["title"]))
    for field, value in data.items():
        setattr(guideline, field, value)
    guideline.introduction = clean_html(guideline.introduction)
    guideline.full_clean(exclude=["slug", "practices"])
    guideline.save()
    if practices is not None:
        guideline.practices.set(practices)
    _sections_save(guideline, sections)
    guideline.authors.all().delete()
    GuidelineAuthor.objects.bulk_create(
        GuidelineAuthor(guideline=guideline, order=n, **author) for n, author in enumerate(authors)
    )
    return guideline


def _numbered_save(model, existing: list, wanted: list[dict], **common) -> list:
    """Rows in order: the n-th existing row takes the n-th wanted values (so its translations
    stay with it, marked out of date when its text changed), new rows are added, extra ones
    deleted."""
    saved = []
    for order, values in enumerate(wanted):
        row = existing[order] if order < len(existing) else model(order=order, **common)
        values = {**values, **common, "order": order}
        changed = row.pk is None or any(getattr(row, k) != v for k, v in values.items())
        for name, value in values.items():
            setattr(row, name, value)
        if changed:
            row.save()
        saved.append(row)
    for row in existing[len(wanted) :]:
        row.delete()
    return saved


def _sections_save(guideline: Guideline, sections: list[dict]) -> None:
    language = {"original_language": guideline.original_language}
    existing = list(guideline.sections.prefetch_related("recommendations").order_by("order"))
    rows = _numbered_save(
        GuidelineSection,
        existing,
        [{"title": s["title"], "body": clean_html(s.get("body", ""))} for s in sections],
        guideline=guideline,
        **language,
    )
    for row, section in zip(rows, sections, strict=True):
        _numbered_save(
            Recommendation,
            list(row.recommendations.order_by("order")) if row.pk else [],
            [{"text": text} for text in section.get("recommendations", [])],
            section=row,
            **language,
        )


@transaction.atomic
def guideline_publish(*, guideline: Guideline, publish: bool = True, by: User) -> Guideline:
    was_published = guideline.is_published
    guideline.status = GuidelineStatus.PUBLISHED if publish else GuidelineStatus.DRAFT
    if publish and not guideline.published_at:
        guideline.published_at = timezone.now()
    guideline.save(update_fields=["status", "published_at", "updated_at"])
    if publish and not was_published:
        notices.guideline_published(guideline)
    return guideline


@transaction.atomic
def themes_follow(*, user, themes) -> None:
    """The themes a person follows, replacing the ones they followed."""
    ThemeFollow.objects.filter(user=user).exclude(theme__in=themes).delete()
    have = set(ThemeFollow.objects.filter(user=user).values_list("theme_id", flat=True))
    ThemeFollow.objects.bulk_create(
        ThemeFollow(user=user, theme=theme) for theme in themes if theme.pk not in have
    )
