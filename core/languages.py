"""The languages people write in, beside the languages of the interface.

The interface speaks the five languages of ``settings.LANGUAGES``; what cities write (a practice,
a plan, a meeting's agenda) may be in any of the network's languages, and each text records the
one it was written in. PostgreSQL's full-text search stems each language with the configuration
it ships for it, where it has one ("simple", no stemming, otherwise).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# code, name, PostgreSQL text search configuration
_LANGUAGES = [
    ("en", _("English"), "english"),
    ("fr", _("French"), "french"),
    ("pt", _("Portuguese"), "portuguese"),
    ("it", _("Italian"), "italian"),
    ("de", _("German"), "german"),
    ("es", _("Spanish"), "spanish"),
    ("ro", _("Romanian"), "romanian"),
    ("hu", _("Hungarian"), "hungarian"),
    ("cs", _("Czech"), "simple"),
    ("sk", _("Slovak"), "simple"),
    ("pl", _("Polish"), "simple"),
    ("bg", _("Bulgarian"), "simple"),
    ("el", _("Greek"), "greek"),
    ("nl", _("Dutch"), "dutch"),
    ("sv", _("Swedish"), "swedish"),
    ("fi", _("Finnish"), "finnish"),
    ("hr", _("Croatian"), "simple"),
    ("sl", _("Slovenian"), "simple"),
    ("rom", _("Romani"), "simple"),
]

CONTENT_LANGUAGES: list[tuple[str, object]] = [(code, name) for code, name, _c in _LANGUAGES]
CONTENT_LANGUAGE_CODES = frozenset(code for code, _n, _c in _LANGUAGES)
SEARCH_CONFIGS: dict[str, str] = {code: config for code, _n, config in _LANGUAGES}
# Every configuration above once, for the searches that look in every language.
STEMMED_CONFIGS = sorted(set(SEARCH_CONFIGS.values()))


def language_name(code: str) -> str:
    """A language's name in the interface's language ("portugais" on a French page)."""
    for known, name, _config in _LANGUAGES:
        if known == code:
            return str(name)
    return code


def search_config(code: str) -> str:
    return SEARCH_CONFIGS.get(code, "simple")


def language_in_sentence(code: str) -> str:
    """A language's name inside a sentence: "anglais" in French, Portuguese and Italian, which
    write language names in lower case; "Englisch" and "English" as they are."""
    from django.utils.translation import get_language

    name = language_name(code)
    if (get_language() or "en").split("-")[0] in ("fr", "pt", "it", "es", "ro") and name:
        return name[0].lower() + name[1:]
    return name
