"""Translations follow their records: a localized copy cannot be saved, a record's deletion
takes its translations, and a change to a translation renews the cached pages of the record's
app (fragments.versions)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from core.languages import language_in_sentence
from fragments.versions import content_changed

from .models import Translation
from .registry import registered


class LocalizedCopy(RuntimeError):
    """A record holding translated texts for reading was about to be saved as the original."""


def _refuse_localized(sender, instance, raw=False, **kwargs) -> None:
    if getattr(instance, "_localized", False):
        raise LocalizedCopy(f"{instance!r} holds translated texts for reading; reload it to save")
    if raw or instance.pk is None:
        return
    if getattr(instance, "_saved_language", None) == instance.original_language:
        return  # the language did not change: nothing to check (no query on ordinary saves)
    # The original said to be in a language it already has a translation into: which text is
    # the original would be unclear.
    clash = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(sender),
        object_id=instance.pk,
        language=instance.original_language,
    ).exists()
    if clash:
        raise ValidationError(
            {
                "original_language": _(
                    "There is a translation into %(language)s already: delete it in the "
                    "translations before saying the original is in %(language)s."
                )
                % {"language": language_in_sentence(instance.original_language)}
            }
        )
    instance._saved_language = instance.original_language


def _forget_translations(sender, instance, **kwargs) -> None:
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


for _spec in registered():
    pre_save.connect(_refuse_localized, sender=_spec.model, dispatch_uid=f"tr-ro-{_spec.key}")
    post_delete.connect(
        _forget_translations, sender=_spec.model, dispatch_uid=f"tr-del-{_spec.key}"
    )


@receiver(post_save, sender=Translation, dispatch_uid="translations-changed")
@receiver(post_delete, sender=Translation, dispatch_uid="translations-deleted")
def _record_pages_change(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        content_changed(ContentType.objects.get_for_id(instance.content_type_id).app_label)
