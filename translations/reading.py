"""Reading records in the visitor's language.

``localize(records, language)`` shows each record in that language when a translation exists,
else in its original, and says so on ``record.shown`` (a ``Shown``): the language of the texts
now on the record, whether they are a translation, checked, out of date, and which other
versions exist. One query per kind of record, however many records.

A localized record is a copy for reading: saving it is refused (``signals.py``), so a
translation can never be written over the original.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils.translation import get_language

from core.languages import CONTENT_LANGUAGE_CODES

from .models import Translation
from .registry import spec_for

# ?language=pt: read the texts in that version (the original, or a translation).
PARAMETER = "language"


@dataclass
class Shown:
    language: str  # of the texts the record now holds
    original: str
    translated: bool = False
    checked: bool = False
    outdated: bool = False
    versions: list[str] = field(default_factory=list)  # every language it exists in

    @property
    def other_versions(self) -> list[str]:
        return [code for code in self.versions if code != self.language]


def source_fingerprint(texts: dict[str, str]) -> str:
    """What a translation was made from, to tell when the original has changed since."""
    canonical = json.dumps(
        {k: (v or "").replace("\r\n", "\n") for k, v in texts.items()}, sort_keys=True
    )
    return hashlib.blake2b(canonical.encode(), digest_size=8).hexdigest()


def requested_language(request: HttpRequest | None) -> str | None:
    """The version the visitor asked for with ?language=, when it is one we know."""
    if request is None:
        return None
    asked = request.GET.get(PARAMETER)
    if asked is None:
        return None
    if asked in CONTENT_LANGUAGE_CODES:
        return asked
    from fragments.pages import not_kept

    not_kept(request)  # a junk value makes no cached copy
    return None


def localize(records: Iterable, language: str | None = None, *, request=None) -> list:
    """The records, each showing its texts in ``language`` (the interface's by default, or the
    one asked for with ?language=) when a translation exists, else its original."""
    records = [r for r in records if r is not None]
    wanted = requested_language(request) or language or get_language()
    by_model: dict[type, list] = defaultdict(list)
    for record in records:
        if getattr(record, "shown", None) is None and spec_for(record) is not None:
            by_model[type(record)].append(record)
    for model, group in by_model.items():
        spec = spec_for(model)
        content_type = ContentType.objects.get_for_model(model)
        rows = Translation.objects.filter(
            content_type=content_type, object_id__in=[r.pk for r in group]
        ).values_list("object_id", "language", "texts", "checked_at", "source")
        found: dict[int, dict[str, tuple]] = defaultdict(dict)
        for object_id, code, texts, checked_at, source in rows:
            found[object_id][code] = (texts, checked_at, source)
        for record in group:
            translations = found.get(record.pk, {})
            original = record.original_language
            shown = Shown(
                language=original,
                original=original,
                versions=sorted({original, *translations}, key=lambda c: (c != original, c)),
            )
            texts = translations.get(wanted, ({},))[0]
            originals = spec.texts_of(record)
            # A translation is shown whole or not at all: one that lacks a field the original
            # has filled since would mix two languages under one label.
            complete = all(texts.get(name) for name, text in originals.items() if text.strip())
            if wanted != original and wanted in translations and complete:
                texts, checked_at, source = translations[wanted]
                shown.outdated = source != source_fingerprint(originals)
                for name in spec.fields:
                    if texts.get(name):
                        setattr(record, name, texts[name])
                shown.language = wanted
                shown.translated = True
                shown.checked = checked_at is not None
            record.shown = shown
            record._localized = True
    return records


def localized(record, language: str | None = None, *, request=None):
    """One record, localized (see ``localize``)."""
    if record is not None:
        localize([record], language, request=request)
    return record
