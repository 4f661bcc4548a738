"""The library's search follows a practice's translations (saved or deleted through
``translations.services`` or otherwise): a translation's search text is rebuilt with it, and
goes with it."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from translations.models import Translation

from .models import Practice
from .search import practice_text_forget, practices_search_index


def _of_a_practice(translation: Translation) -> bool:
    return translation.content_type_id == ContentType.objects.get_for_model(Practice).pk


@receiver(post_save, sender=Translation, dispatch_uid="practices-search-translation-saved")
def _translation_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or not _of_a_practice(instance):
        return
    if update_fields is not None and "texts" not in update_fields:
        return  # checked by a second person: the texts are the same
    practices_search_index(practice_ids=[instance.object_id])


@receiver(post_delete, sender=Translation, dispatch_uid="practices-search-translation-deleted")
def _translation_deleted(sender, instance, **kwargs) -> None:
    if _of_a_practice(instance):
        practice_text_forget(practice_id=instance.object_id, language=instance.language)
