"""Country names in the reader's language, worked out once per process and language:
django-countries translates and sorts about 250 names whenever its list is read, which a
page listing 500 cities or a filter of every country did for each request."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language
from django_countries import countries

_by_language: dict[str, list[tuple[str, str]]] = {}
_names_by_language: dict[str, dict[str, str]] = {}


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country, sorted by name in the active language."""
    language = get_language() or settings.LANGUAGE_CODE
    found = _by_language.get(language)
    if found is None:
        found = _by_language[language] = [(c.code, str(c.name)) for c in countries]
    return found


def country_names() -> dict[str, str]:
    """Code -> name in the active language."""
    language = get_language() or settings.LANGUAGE_CODE
    found = _names_by_language.get(language)
    if found is None:
        found = _names_by_language[language] = dict(country_choices())
    return found
