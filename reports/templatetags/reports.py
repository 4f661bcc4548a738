"""What a report's download link says about the file it gives, and the languages inside a PDF.

A PDF's ``<html lang>`` is the language of its main text (``document_language`` in the
context: a guideline in the version it was found in). What the portal itself writes (headings,
the cover's labels) is in the report's language, the active one, and says so where they differ;
so does a record left in another language than the document's (a section not translated yet).
"""

from __future__ import annotations

import re

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from reports.models import Report

register = template.Library()


@register.simple_tag
def latest_report(kind: str, object_id=None, year=None) -> Report | None:
    """The latest ready file of this subject in the page's language (one indexed query)."""
    return (
        Report.objects.filter(
            kind=kind,
            object_id=object_id or None,
            year=year or None,
            language=get_language(),
            status=Report.Status.READY,
            expires_at__gt=timezone.now(),
        )
        .only("page_count", "file_size")
        .order_by("-finished_at")
        .first()
    )


def text_language_of(record_or_code) -> str | None:
    """The language of a record's texts as shown (a localized record), of its original
    otherwise; a language code stands for itself."""
    if record_or_code is None or isinstance(record_or_code, str):
        return record_or_code or None
    shown = getattr(record_or_code, "shown", None)
    if shown is not None:
        return shown.language
    return getattr(record_or_code, "original_language", None)


def _lang_attribute(language: str | None, around: str | None) -> str:
    if not language or language == around:
        return ""
    return format_html(' lang="{}"', language)


@register.simple_tag(takes_context=True)
def document_lang(context, record_or_code) -> str:
    """` lang="pt"` on an element of the document's own flow whose text (a record's, or in the
    language given) is not in the document's language."""
    return _lang_attribute(text_language_of(record_or_code), context.get("document_language"))


@register.simple_tag(takes_context=True)
def interface_lang(context) -> str:
    """` lang="de"` on what the portal writes (headings, labels) when the document's main text
    is in another language than the report's."""
    return _lang_attribute(get_language(), context.get("document_language"))


@register.simple_tag
def interface_text_lang(record_or_code) -> str:
    """` lang="pt"` on a record's text inside an element in the report's language (a table
    cell of a table marked with ``interface_lang``) when the text is in another language."""
    return _lang_attribute(text_language_of(record_or_code), get_language())


@register.simple_tag
def within_interface(record_or_code, text) -> str:
    """A record's text inside a sentence the portal writes (``{% blocktranslate %}``), marked
    with its language when it is not the report's: use with ``as``."""
    language = text_language_of(record_or_code)
    if not language or language == get_language():
        return conditional_escape(text)
    return format_html('<span lang="{}">{}</span>', language, text)


@register.filter
def css_string(text) -> SafeString:
    """A text as a CSS string, for the ``content`` of a page's margin (footer, header)."""
    quoted = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return mark_safe('"' + re.sub(r"\s+", " ", quoted) + '"')  # noqa: S308 - a quoted CSS string


@register.simple_tag
def page_numbers() -> SafeString:
    """The CSS ``content`` of the footer's "Page 2 of 9", in the report's language."""
    # Translators: the footer of each page of a PDF report (its cover has none).
    text = _("Page %(page)s of %(pages)s")
    counters = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}
    parts = [
        counters.get(piece) or css_string(piece)
        for piece in re.split(r"(%\(pages?\)s)", text)
        if piece
    ]
    return mark_safe(" ".join(parts))  # noqa: S308 - CSS strings and counters only
