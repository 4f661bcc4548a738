"""Writing translations. Every function takes ``by`` (who acts) and runs in one transaction;
history records the person (simple_history)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.languages import CONTENT_LANGUAGE_CODES, language_in_sentence

from .models import Translation
from .reading import source_fingerprint
from .registry import spec_for


def translation_for(record, language: str) -> Translation | None:
    return Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=record.pk,
        language=language,
    ).first()


def translations_into(records: list, language: str) -> dict[tuple[str, int], Translation]:
    """The translations of these records into ``language``, by (model label, pk): one query
    per kind of record (a guideline's page has dozens of parts)."""
    by_model: dict[type, list[int]] = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record.pk)
    found = {}
    for model, ids in by_model.items():
        rows = Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=ids,
            language=language,
        )
        for row in rows:
            found[(model._meta.label_lower, row.object_id)] = row
    return found


def translations_of(record) -> list[Translation]:
    return list(
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        ).select_related("translated_by", "checked_by")
    )


def _check_language(record, language: str) -> None:
    if language not in CONTENT_LANGUAGE_CODES:
        raise ValidationError(_("Translations into this language are not offered."))
    if language == record.original_language:
        raise ValidationError(
            _("%(language)s is the language of the original: change the original itself.")
            % {"language": language_in_sentence(language)}
        )


@transaction.atomic
def translation_save(*, record, language: str, texts: dict[str, str], by, translation=None):
    """Create or change the translation of ``record`` into ``language``.

    ``translation``: the one the person's form edited (None for a new one). When someone else
    added a translation into that language meanwhile, nothing is written: ValidationError.
    A change to the texts makes the translation unchecked again.
    """
    spec = spec_for(record)
    _check_language(record, language)
    texts = {name: texts.get(name, "") or "" for name in spec.fields}
    current = (
        Translation.objects.select_for_update()
        .filter(
            content_type=ContentType.objects.get_for_model(type(record)),
            object_id=record.pk,
            language=language,
        )
        .first()
    )
    if current is not None and translation is None:
        raise _saved_meanwhile(language)
    now = timezone.now()
    if current is None:
        current = Translation(
            content_type=ContentType.objects.get_for_model(type(record)),
            object_id=record.pk,
            language=language,
        )
    elif current.texts == texts and current.source == source_fingerprint(spec.texts_of(record)):
        return current  # nothing changed: the check stays
    current.texts = texts
    current.source = source_fingerprint(spec.texts_of(record))
    current.translated_by = by
    current.translated_at = now
    current.checked_by = None
    current.checked_at = None
    current._history_user = by
    if current.pk is not None:
        current.save()
        return current
    try:
        # Two first translations into one language at the same moment: PostgreSQL locks no
        # row that does not exist yet, so the second meets the unique constraint instead.
        with transaction.atomic():
            current.save()
    except IntegrityError:
        raise _saved_meanwhile(language) from None
    return current


def _saved_meanwhile(language: str) -> ValidationError:
    return ValidationError(
        _(
            "Someone saved a translation into %(language)s while you were writing yours. "
            "Nothing was saved: open the translation again to see theirs."
        )
        % {"language": language_in_sentence(language)}
    )


@transaction.atomic
def translation_check(*, translation: Translation, by) -> Translation:
    """A second person confirms the translation reads right."""
    translation = Translation.objects.select_for_update().get(pk=translation.pk)
    if translation.translated_by_id == by.pk:
        raise ValidationError(
            _("A translation is checked by someone other than the person who last changed it.")
        )
    translation.checked_by = by
    translation.checked_at = timezone.now()
    translation._history_user = by
    translation.save(update_fields=["checked_by", "checked_at"])
    return translation


@transaction.atomic
def translation_delete(*, record, language: str, by) -> None:
    if language == record.original_language:
        raise ValidationError(
            _("The original cannot be deleted here: it is what every translation is made from.")
        )
    translation = translation_for(record, language)
    if translation is not None:
        translation._history_user = by
        translation.delete()
