"""Marking texts that are not in the page's language.

``{% text_lang record %}`` writes ` lang="pt"` on the element holding a record's texts when they
are in another language than the page (WCAG 3.1.2: screen readers then read them right).
``{% language_notice record %}`` says so in words and links the other versions;
``{% text_language record %}`` is the short form for a card in a list.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from core.languages import language_in_sentence

from ..reading import PARAMETER

register = template.Library()


def _shown_language(record) -> str | None:
    shown = getattr(record, "shown", None)
    if shown is not None:
        return shown.language
    return getattr(record, "original_language", None)


def _differs(record) -> str | None:
    language = _shown_language(record)
    return language if language and language != get_language() else None


@register.simple_tag
def text_lang(record) -> str:
    language = _differs(record)
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag
def text_language(record) -> str:
    language = _differs(record)
    if not language:
        return ""
    from django.utils.translation import gettext as _

    return format_html(
        '<span class="text-language">{}</span>',
        _("In %(language)s") % {"language": language_in_sentence(language)},
    )


def _version_url(request, code: str) -> str:
    query = request.GET.copy() if request is not None else None
    if query is None:
        return f"?{PARAMETER}={code}"
    query[PARAMETER] = code
    return f"{request.path}?{query.urlencode()}"


@register.inclusion_tag("translations/_notice.html", takes_context=True)
def language_notice(context, record) -> dict:
    shown = getattr(record, "shown", None)
    page = get_language()
    if shown is None:
        return {"show": False}
    request = context.get("request")
    others = [
        {"code": code, "name": language_in_sentence(code), "url": _version_url(request, code)}
        for code in shown.other_versions
    ]
    return {
        "show": shown.language != page or shown.translated,
        "shown": shown,
        "page_name": language_in_sentence(page),
        "shown_name": language_in_sentence(shown.language),
        "original_name": language_in_sentence(shown.original),
        "original_url": _version_url(request, shown.original),
        "others": others,
        "in_page_language": shown.language == page,
        "only": page not in shown.versions,
    }
