"""Translations for tests: the fields a test names, the others the original fills completed
with a marked copy (a translation shows only when it is whole), over any translation into that
language the demo already holds."""

from __future__ import annotations

from translations import services
from translations.registry import spec_for


def translate(*, record, language: str, texts: dict[str, str], by, **kwargs):
    originals = spec_for(record).texts_of(record)
    whole = {
        name: texts.get(name) or (f"{original} [{language}]" if original.strip() else "")
        for name, original in originals.items()
    }
    kwargs.setdefault("translation", services.translation_for(record, language))
    return services.translation_save(record=record, language=language, texts=whole, by=by, **kwargs)
